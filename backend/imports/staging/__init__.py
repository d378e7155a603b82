"""The two-step import: stage (upload and inspect), inspect again with other options, start;
and a completed dry run's file imported again with the same settings.

    jobs.py        staged jobs: stage, inspect again, keep sync choices, start, expire
    again.py       a completed dry run's file queued again, without a new upload
    inspection.py  what a stored file holds (layout, mapping, a preview), writing nothing
"""

from .again import import_again
from .jobs import (
    choose_sync,
    clean_options,
    expire_staged,
    inspect_import,
    stage_import,
    stage_stored,
    start_import,
)

__all__ = [
    "choose_sync", "clean_options", "expire_staged", "import_again", "inspect_import",
    "stage_import", "stage_stored", "start_import",
]
