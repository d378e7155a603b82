"""Writers: apply a chunk of product rows to the database, one per database and the dry run.

`base.Writer` is the interface and `Outcome` the vocabulary (created / updated /
unchanged); `postgresql`, `sqlite` and `dry_run` are the strategies; `writer_for` picks one.
"""

from __future__ import annotations

from .. import databases
from ..reading import Columns
from .base import Counts, Outcome, Writer
from .dry_run import DryRunWriter
from .postgresql import PostgresWriter
from .sqlite import SqliteWriter

__all__ = ["Counts", "Outcome", "Writer", "writer_for"]

WRITERS: dict[databases.Database, type[Writer]] = {
    databases.POSTGRESQL: PostgresWriter,
    databases.SQLITE: SqliteWriter,
}


def writer_for(columns: Columns, *, dry_run: bool, job_id: int, log: bool = True) -> Writer:
    """The writer of import `job_id` for a file with these `columns`: the dry run's, or the
    database's own; `log`: whether it records the change log."""
    if dry_run:
        return DryRunWriter(columns, job_id, log=log)
    return WRITERS[databases.current()](columns, job_id, log=log)
