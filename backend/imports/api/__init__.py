"""The imports API: a thin layer over the queue (`imports.services`), staging and the change log.

    schema.py         queries, mutations and the `importProgress` subscription
    types.py          the GraphQL types of a job and its errors
    types_inspection.py  what inspecting a file found, the options a person may set
    types_changes.py  the GraphQL types of the change log (changes, revert conflicts)
    views.py          the errors.csv and changes.csv downloads
    live_progress.py  the subscription's poller of the job row
"""
