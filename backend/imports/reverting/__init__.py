"""Reverting an import: its change log applied backwards, chunk by chunk, with checkpoints.

    run.py         the revert job's loop: chunks of the target's change log in file order,
                   each in one transaction with the job's checkpoint (cancel, resume)
    postgresql.py  a chunk in two set-based statements
    sqlite.py      a chunk compared in Python (the embedded mode)

A product is reverted only while it still holds what the import wrote: its provenance
(`last_import`, `last_import_line`) still names this import and line. Every other writer
changes the provenance (a person or API token clears it, a later import puts its own, a
revert of a later import puts back the one from before it), so that test is exact.
Otherwise the product is left as it is and reported as a conflict with the reason.
"""
