"""The import pipeline: one claimed import job from its stored file to the product table.

    run.py        the runner: check the whole file, apply it chunk by chunk, finish the job
    same_file.py  a re-import of a file an earlier import completed, with nothing changed
                  since: completed without reading its rows (every row unchanged)
    items.py      an API call's items (upsertProducts) as one chunk, job and all in one
                  transaction, without a file
    reading/      bytes -> text -> records -> header        (any file format)
    rules.py      a record -> a ProductRow or a RowProblem
    passes/       check.py (pass 1: read all, write nothing) -> apply.py (pass 2: chunks,
                  checkpoints)
    writers/      a chunk -> created / updated / unchanged  (PostgreSQL, SQLite, dry run)
    bulk.py       the bulk write path (indexes dropped, built again), upkeep after large writes
    finishing.py  final status, the import_finished signal, removing the file
    problems.py   the two ways a file can be wrong: the whole file, or one record
    databases.py  what differs per database (PostgreSQL, the embedded SQLite), one object each
"""
