"""The pipeline logs how long each phase of an import took (an operator's first look at a
slow import), and pass 1 hands pass 2 only the lines that a later row replaces."""

import logging

import pytest

from imports.models import ImportJob
from imports.pipeline.passes.check import check_file
from imports.pipeline.passes.keys import database_lower

pytestmark = pytest.mark.django_db


def test_a_finished_import_logs_its_phases(run_import, caplog):
    with caplog.at_level(logging.INFO, logger="imports.pipeline"):
        job = run_import(b"sku,name\na-1,One\na-2,Two\n")
    assert job.status == ImportJob.Status.COMPLETED
    [record] = [r for r in caplog.records if "phases" in r.getMessage()]
    assert record.import_job == job.pk
    assert list(record.phase_seconds) == [
        "check", "drop indexes", "write", "build indexes", "upkeep", "finish"
    ]
    assert all(seconds >= 0 for seconds in record.phase_seconds.values())
    assert f"import {job.pk} phases: check " in record.getMessage()


def test_a_failed_file_logs_the_phases_it_reached(run_import, caplog):
    with caplog.at_level(logging.INFO, logger="imports.pipeline"):
        job = run_import(b"name,description\nNo sku column,\n")
    assert job.status == ImportJob.Status.FAILED
    [record] = [r for r in caplog.records if "phases" in r.getMessage()]
    assert list(record.phase_seconds) == ["check"]  # the file failed in pass 1


def test_pass_one_keeps_the_replaced_lines_and_counts_the_skus(tmp_path):
    data = (
        "sku,name\n"
        "a-1,First\n"      # line 2: replaced by line 5 (case variant)
        "b-2,Kept\n"       # line 3
        ",no sku\n"        # line 4: invalid, not a product row
        "A-1,Second\n"     # line 5: replaced by line 6
        "a-1,Third\n"      # line 6: a-1's last row
        "éCOLE,Accent\n"   # line 7: replaced by line 8 (non-ASCII: the database keys it)
        "école,Lower\n"    # line 8
    ).encode()
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    with path.open("rb") as raw:
        checked = check_file(raw, database_lower, size=len(data))
    assert checked.superseded_lines == {2, 5, 7}
    assert checked.distinct_keys == 3
    assert [checked.is_last(line) for line in (2, 3, 5, 6, 7, 8)] == [
        False, True, False, True, False, True
    ]
