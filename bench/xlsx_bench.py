"""The spreadsheet reader, chosen with figures: python-calamine vs openpyxl (read-only) vs CSV.

Writes the same 500,000 product rows once as CSV and once as an .xlsx workbook (openpyxl's
write-only mode) into bench/out/ (never committed), then, each in a fresh process so the
peak RSS is its own:

- read: every row with its cells converted as the import converts them, by the CSV reader
  of the imports app, by python-calamine, and by openpyxl in read-only mode;
- import (``--import``): the whole import (both passes, SQLite, embedded mode) of the CSV
  and of the workbook through ``imports.services``, with the reader the app uses.

Prints seconds and peak RSS (MB) of each, and the ratio to CSV.

    .venv/bin/python bench/xlsx_bench.py [--rows 500000] [--import]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
PY = sys.executable


def make_files(rows: int) -> tuple[Path, Path]:
    """Write the CSV and the workbook of `rows` products (once; reused when present)."""
    import csv

    OUT.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = OUT / f"products-{rows}.csv", OUT / f"products-{rows}.xlsx"

    def row(i: int) -> list:
        return [f"SKU-{i:07d}", f"Product {i}", f"Description of product {i}, size {i % 40}",
                i % 3 != 0]

    if not csv_path.exists():
        with csv_path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["sku", "name", "description", "active"])
            for i in range(rows):
                writer.writerow(row(i))
    if not xlsx_path.exists():
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Products")
        sheet.append(["sku", "name", "description", "active"])
        for i in range(rows):
            sheet.append(row(i))
        book.save(xlsx_path)
    return csv_path, xlsx_path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_csv(path: str) -> int:
    """Every record through the imports app's reader."""
    sys.path.insert(0, str(REPO / "backend"))
    from imports.pipeline.reading import open_reader

    with open(path, "rb") as raw:
        reader = open_reader(raw)
        reader.read_header()
        return sum(1 for _ in reader.records())


def read_calamine(path: str) -> int:
    """Every row through python-calamine, cells converted to text."""
    from python_calamine import CalamineWorkbook

    count = 0
    with open(path, "rb") as raw:
        book = CalamineWorkbook.from_filelike(raw)
        for cells in book.get_sheet_by_index(0).iter_rows():
            [str(c) for c in cells]
            count += 1
    return count - 1


def read_openpyxl(path: str) -> int:
    """Every row through openpyxl's read-only mode, cells converted to text."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    count = 0
    for cells in book.worksheets[0].iter_rows(values_only=True):
        [str(c) for c in cells]
        count += 1
    book.close()
    return count - 1


def read_app_xlsx(path: str) -> int:
    """Every record through the imports app's own spreadsheet reader."""
    sys.path.insert(0, str(REPO / "backend"))
    from imports.pipeline.reading import open_reader

    with open(path, "rb") as raw:
        reader = open_reader(raw)
        reader.read_header()
        return sum(1 for _ in reader.records())


def import_file(path: str) -> int:
    """The whole import of `path` in embedded mode (SQLite in a temporary DATA_DIR)."""
    sys.path.insert(0, str(REPO / "backend"))
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="xlsx-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["EMBEDDED_WORKER"] = "0"
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()
    from django.core.files import File
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from imports import services
    from imports.models import ImportJob

    with open(path, "rb") as raw:
        job = services.submit_import(File(raw, name=Path(path).name))
    services.process_queue()
    job = ImportJob.objects.get(pk=job.pk)
    assert job.status == "COMPLETED", (job.status, job.error_message)
    return job.created_count


WORK = {f.__name__: f for f in (read_csv, read_calamine, read_openpyxl, read_app_xlsx,
                                 import_file)}


def measure(work: str, path: Path) -> dict:
    """Run `work` on `path` in a fresh process; its seconds, peak RSS and row count."""
    done = subprocess.run([PY, __file__, "--child", work, str(path)], capture_output=True,
                          text=True, check=True, cwd=REPO / "backend")
    return json.loads(done.stdout.strip().splitlines()[-1])


def child(work: str, path: str) -> None:
    """Child process: do the work, print the figures as JSON."""
    start = time.perf_counter()
    rows = WORK[work](path)
    print(json.dumps({"seconds": time.perf_counter() - start, "rss_mb": _peak_mb(),
                      "rows": rows}))


def main() -> None:
    """Make the files, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--import", dest="full", action="store_true",
                        help="also time whole imports (CSV and workbook) in embedded mode")
    parser.add_argument("--only", default="", help="comma-separated subset of the runs")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    print(f"load average: {os.getloadavg()}")
    csv_path, xlsx_path = make_files(args.rows)
    print(f"{args.rows:,} rows: CSV {csv_path.stat().st_size / 1e6:.1f} MB, "
          f"xlsx {xlsx_path.stat().st_size / 1e6:.1f} MB")
    runs = [("read_csv", csv_path), ("read_calamine", xlsx_path),
            ("read_openpyxl", xlsx_path), ("read_app_xlsx", xlsx_path)]
    if args.full:
        runs += [("import_file", csv_path), ("import_file", xlsx_path)]
    only = set(filter(None, args.only.split(",")))
    base: dict[str, float] = {}
    for work, path in runs:
        if only and work not in only:
            continue
        figures = measure(work, path)
        kind = "csv" if path.suffix == ".csv" else "xlsx"
        key = "import" if work == "import_file" else "read"
        if kind == "csv":
            base[key] = figures["seconds"]
        ratio = ""
        if key in base and kind != "csv":
            ratio = f"  ({figures['seconds'] / base[key]:.2f}x CSV)"
        print(f"{work:14} {kind:5} {figures['rows']:>9,} rows  {figures['seconds']:7.2f} s  "
              f"peak RSS {figures['rss_mb']:6.0f} MB{ratio}", flush=True)


if __name__ == "__main__":
    main()
