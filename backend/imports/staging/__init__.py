"""The two-step import: stage (upload and inspect), inspect again with other options, start.

    jobs.py        staged jobs: stage, inspect again, start, expire
    inspection.py  what a stored file holds (layout, mapping, a preview), writing nothing
"""

from .jobs import (
    clean_options,
    expire_staged,
    inspect_import,
    stage_import,
    stage_stored,
    start_import,
)

__all__ = [
    "clean_options", "expire_staged", "inspect_import", "stage_import", "stage_stored",
    "start_import",
]
