"""Fixtures of the imports tests: submit a file as an import and run the queue in-process."""

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from imports import services, tasks
from imports.models import ImportJob
from products.models import Product


@pytest.fixture
def submit(db) -> Callable[..., ImportJob]:
    """Submit `data` as an upload named `name` as the API does; returns the PENDING job.

    Like the `importProducts` mutation, a worker is sent for the job once it commits (with
    `transactional_db`; a `db` test's transaction never commits, so nothing is sent).
    """

    def submit(
        data: bytes, *, dry_run: bool = False, name: str = "products.csv",
        options: dict | None = None,
    ) -> ImportJob:
        job = services.submit_import(
            SimpleUploadedFile(name, data), dry_run=dry_run, options=options
        )
        if not job.is_final:
            transaction.on_commit(tasks.process_imports.send)
        return job

    return submit


@pytest.fixture
def run_import(submit, django_capture_on_commit_callbacks) -> Callable[..., ImportJob]:
    """Submit `data` and work the queue in this thread; returns the job as it ended.

    Callbacks the run registers for after its commits (removing the file) are executed.
    """

    def run_import(data: bytes, **kwargs) -> ImportJob:
        job = submit(data, **kwargs)
        with django_capture_on_commit_callbacks(execute=True):
            services.process_queue()
        job.refresh_from_db()
        return job

    return run_import


def catalogue() -> dict[str, tuple]:
    """Every product as `sku -> (name, description, active)`."""
    return {
        p.sku: (p.name, p.description, p.active)
        for p in Product.objects.order_by("id")
    }


def sample_csv(rows: int, *, seed: int = 1, prefix: str = "sku") -> bytes:
    """A CSV with multi-line descriptions, repeated and case-variant SKUs, an active column."""
    import random

    rnd = random.Random(seed)
    out = ["sku,name,description,active"]
    for i in range(rows):
        n = rnd.randrange(rows // 2 + 1)
        sku = f"{prefix}-{n}".upper() if rnd.random() < 0.1 else f"{prefix}-{n}"
        description = "line one\nline two" if rnd.random() < 0.4 else f"plain {i % 7}"
        active = rnd.choice(["yes", "no", "TRUE", "0"])
        name = f"Name {rnd.randrange(3)}" if rnd.random() < 0.97 else ""
        out.append(f'{sku},{name},"{description}",{active}')
    return ("\n".join(out) + "\n").encode()


@pytest.fixture
def run_revert(django_capture_on_commit_callbacks) -> Callable[..., ImportJob]:
    """Queue the revert of `job` and work the queue in this thread; returns the revert job
    as it ended."""

    def run_revert(job: ImportJob) -> ImportJob:
        revert = services.submit_revert(job.pk)
        with django_capture_on_commit_callbacks(execute=True):
            services.process_queue()
        revert.refresh_from_db()
        return revert

    return run_revert


def full_catalogue() -> dict[str, tuple]:
    """Every product as `sku -> (name, description, active, last_import_id, line)`."""
    return {
        p.sku: (p.name, p.description, p.active, p.last_import_id, p.last_import_line)
        for p in Product.objects.order_by("id")
    }


def change_log(job: ImportJob) -> list[tuple]:
    """The job's change log as `(kind, line, sku, product id, before..., changed fields)`."""
    from imports import changes
    from imports.models import ImportChange

    return [
        (c.kind, c.line, c.sku, c.before_sku, c.before_name, c.before_description,
         c.before_active, tuple(changes.changed_fields(c)), changes.after_values(c, c.product))
        for c in ImportChange.objects.filter(job=job).select_related("product").order_by("line")
    ]
