"""Writing many products from the API (`upsertProducts`) through the import pipeline.

A call becomes an import job of its items, so it gets what a file gets: the row rules, the
modes and empty fields, the change log and provenance (and so `revertImport`), exact counts
and one `import.finished` event; item N is line N + 1 of the job, as in a JSON Lines file.

When the import queue is free (imports apply one at a time, in order) the call's job is
created, written and ended at once in one transaction (`pipeline.items`); when another call
is being written that way, this one waits for it (within `UPSERT_PRODUCTS_WAIT_SECONDS`) and
is written next, so a client may send its calls side by side. When another import holds
the queue, the items are stored as a JSON Lines file (one object a line) and
the job waits its turn: the call runs it itself once the queue frees within
`UPSERT_PRODUCTS_WAIT_SECONDS`, and otherwise answers with the job still PENDING, which a
worker runs in its turn (the caller has one sent after commit).

`errorPolicy`: REJECT_EVERYTHING (the job's `all_or_nothing`: one bad item and nothing is
written) or REJECT_FAILED_ROWS (the bad items are left out, the others written). Either way
every bad item is listed with its index, a code and a message (`item_results`).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from activity.recording import record
from core.text import plural

from .models import ImportChange, ImportJob, ImportRowError, ImportSkip
from .pipeline import items as items_module
from .pipeline import options as sync_options
from .pipeline.writers.postgresql import ConcurrentProductWrite
from .services import has_unfinished, run_at_once, run_if_first

FIELDS = ("sku", "name", "description", "active")
ERROR_POLICIES = ("REJECT_EVERYTHING", "REJECT_FAILED_ROWS")
WAIT_STEP_SECONDS = 0.05
# Tries at writing a call at once when another writer creates one of its products meanwhile;
# then it is queued as a file (a worker writes it again from there).
ATTEMPTS = 3


class ItemError(NamedTuple):
    """Why one item was refused: the field at fault (when one is), a code and a message."""

    field: str
    code: str
    message: str


NO_ERRORS: tuple[ItemError, ...] = ()


@dataclass(slots=True)
class ItemResult:
    """What happened to item `index`: CREATED, UPDATED, UNCHANGED, SKIPPED (the mode left it
    alone), REPLACED (a later item has the same SKU), FAILED (its `errors`), or NOT_WRITTEN
    (a good item of a call that REJECT_EVERYTHING refused)."""

    index: int
    sku: str
    outcome: str
    errors: Sequence[ItemError] = NO_ERRORS


@dataclass(frozen=True)
class JobRows:
    """What an ended job's rows say about its lines: whether it wrote them, the errors of
    bad lines, the lines its mode skipped, the lines that created a product and those that
    updated one."""

    written: bool
    errors: dict[int, list[ItemError]]
    skipped: set[int]
    created: set[int]
    updated: set[int]


def _problem(name: str, message: str, code: str) -> ValidationError:
    return ValidationError({name: ValidationError(message, code=code)})


def items_as_jsonl(items: list[dict[str, Any]]) -> bytes:
    """The items as a JSON Lines file, one object a line with the fields each item gives
    (read with `absent_keeps`: a field an item leaves out keeps the stored value)."""
    lines = [json.dumps({name: item[name] for name in FIELDS if name in item},
                        ensure_ascii=False) for item in items]
    return ("\n".join(lines) + "\n").encode("utf-8")


def jsonl_size(items: list[dict[str, Any]]) -> int:
    """The bytes of the items as JSON Lines (what `items_as_jsonl` gives for items of the
    known fields in their order), from one encoding of the whole list: a JSON array is one
    byte longer than its lines per item (", " between items and the brackets, against one
    line break each)."""
    return len(json.dumps(items, ensure_ascii=False).encode("utf-8")) - len(items)


def upsert_products(
    items: list[dict[str, Any]], *, mode: str | None = None, empty_fields: str | None = None,
    error_policy: str | None = None, user: Any = None, wait: float | None = None,
) -> ImportJob:
    """Apply `items` (dicts of the fields given: sku, name, description, active) as an
    import job and return it: ended, when the queue was free or freed within `wait` seconds
    (UPSERT_PRODUCTS_WAIT_SECONDS), else PENDING. Raise ValidationError (nothing written)
    for a call that is wrong as a whole: no items, more than UPSERT_PRODUCTS_MAX, an unknown
    option.

    The items are checked and made ready to write (`items.plan_items`) before the call waits
    for the queue: calls sent side by side check their items while another one writes."""
    fields = _job_fields(items, mode, empty_fields, error_policy, user)
    plan = items_module.plan_items(
        items, sync_options.SyncOptions(**{key: fields[key] for key in sync_options.KEYS}))
    size = jsonl_size(items)
    deadline = time.monotonic() + (settings.UPSERT_PRODUCTS_WAIT_SECONDS
                                   if wait is None else wait)

    def new_job() -> ImportJob:
        job = ImportJob.objects.create(
            **fields, file_size=size, status=ImportJob.Status.PROCESSING, attempts=1,
            started_at=timezone.now(), claim_token=uuid.uuid4().hex)
        _record_start(job)
        return job

    for _ in range(ATTEMPTS):
        try:
            job = run_at_once(lambda: items_module.apply_items(plan, new_job),
                              wait=_left(deadline))
        except ConcurrentProductWrite:  # rolled back whole: try again
            continue
        if job is not None:
            return job
        break
    return run_if_free(submit_upsert(items, mode=mode, empty_fields=empty_fields,
                                     error_policy=error_policy, user=user), _left(deadline))


def worker_needed(job: ImportJob) -> bool:
    """Whether a worker should be sent to the queue after a call: its job waits there, or
    another import was queued while the call held the queue (that import's own message to a
    worker found the queue taken and was dropped)."""
    return not job.is_final or has_unfinished()


def _left(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


def _job_fields(
    items: list[dict[str, Any]], mode: str | None, empty_fields: str | None,
    error_policy: str | None, user: Any,
) -> dict[str, Any]:
    """The new job's fields for a call; ValidationError for a call wrong as a whole."""
    limit = settings.UPSERT_PRODUCTS_MAX
    if not items:
        raise _problem("input", "Give at least one product.", "required")
    if len(items) > limit:
        raise _problem("input", f"At most {limit:,} products may be sent in one call "
                       f"(UPSERT_PRODUCTS_MAX); {len(items):,} were given. Split them into "
                       "several calls.", "too_many")
    policy = (error_policy or "REJECT_EVERYTHING").upper()
    if policy not in ERROR_POLICIES:
        raise _problem("errorPolicy", f"Unknown errorPolicy {error_policy!r}; use one of "
                       f"{', '.join(ERROR_POLICIES)}.", "unknown_error_policy")
    try:
        sync = sync_options.clean({"mode": mode, "empty_cells": empty_fields})
    except ValidationError as exc:  # the import calls it emptyCells; this call emptyFields
        messages = exc.message_dict
        if "emptyCells" in messages:
            raise _problem("emptyFields", messages["emptyCells"][0].replace(
                "emptyCells", "emptyFields"), "unknown_empty_fields") from None
        raise
    return {
        **sync, "file_name": title(len(items)), "origin": ImportJob.Origin.API,
        "created_by": user if getattr(user, "is_authenticated", False) else None,
        "queued_at": timezone.now(), "options": {"format": "JSONL", "absent_keeps": True},
        "changes_logged": True, "all_or_nothing": policy == "REJECT_EVERYTHING",
    }


def title(count: int) -> str:
    """The job's name in the import history: "API upsert of 1,000 products"."""
    return f"API upsert of {plural(count, 'product')}"


def _record_start(job: ImportJob) -> None:
    record("import.started", job, detail={"file": job.file_name, "bytes": job.file_size,
                                           "api": "upsertProducts"})


def submit_upsert(
    items: list[dict[str, Any]], *, mode: str | None = None, empty_fields: str | None = None,
    error_policy: str | None = None, user: Any = None,
) -> ImportJob:
    """Record `items` as a PENDING import job whose file is the items as JSON Lines (for
    when the queue is busy); raise ValidationError (nothing written) for a call that is
    wrong as a whole, as `upsert_products`."""
    fields = _job_fields(items, mode, empty_fields, error_policy, user)
    data = items_as_jsonl(items)
    with transaction.atomic():
        job = ImportJob.objects.create(**fields, file_size=len(data))
        _record_start(job)
        job.file.save(f"{job.pk}-{uuid.uuid4().hex[:8]}.jsonl", ContentFile(data), save=True)
    return job


def run_if_free(job: ImportJob, wait: float | None = None) -> ImportJob:
    """Run `job` in this thread once it heads the import queue and the queue is free,
    waiting at most `wait` seconds (UPSERT_PRODUCTS_WAIT_SECONDS); return it as it is then
    (ended, or still PENDING/PROCESSING when the queue stayed busy)."""
    deadline = time.monotonic() + (settings.UPSERT_PRODUCTS_WAIT_SECONDS
                                   if wait is None else wait)
    while True:
        run_if_first(job.pk)
        job.refresh_from_db()
        if job.is_final or time.monotonic() >= deadline:
            return job
        time.sleep(WAIT_STEP_SECONDS)


def _error(message: str) -> ItemError:
    head = message.split(" ", 1)[0]
    name = head if head in FIELDS else ""
    if "a name is needed" in message:
        return ItemError("name", "name_required", message)
    if message.endswith(f"every row needs a {head}"):
        return ItemError(name, "required", f"{head} is empty; every product needs a {head}")
    if "characters long" in message:
        return ItemError(name, "too_long", message)
    return ItemError(name, "invalid", message)


def job_rows(job: ImportJob) -> JobRows:
    """Read what ended `job`'s rows (bad rows, skips, change log) say about its lines."""
    errors: dict[int, list[ItemError]] = {}
    for line, message in ImportRowError.objects.filter(job=job).values_list("line", "message"):
        errors.setdefault(line, []).append(_error(message))
    skipped = set(ImportSkip.objects.filter(job=job).values_list("line", flat=True))
    created: set[int] = set()
    updated: set[int] = set()
    for line, kind in ImportChange.objects.filter(
        job=job, kind__in=(ImportChange.Kind.CREATED, ImportChange.Kind.UPDATED)
    ).values_list("line", "kind"):
        (created if kind == ImportChange.Kind.CREATED else updated).add(line)
    return JobRows(job.status == ImportJob.Status.COMPLETED, errors, skipped, created, updated)


def item_results(rows: JobRows, items: list[dict[str, Any]]) -> list[ItemResult]:
    """Each item's outcome from its job's `rows` (`job_rows`); item i is line i + 1."""
    errors = rows.errors
    skus = [str(item.get("sku") or "").strip() for item in items]
    last = {sku.lower(): line for line, sku in enumerate(skus, 1) if line not in errors}
    results = []
    for line, sku in enumerate(skus, 1):
        if line in errors:
            outcome = "FAILED"
        elif not rows.written:
            outcome = "NOT_WRITTEN"
        elif last[sku.lower()] != line:
            outcome = "REPLACED"
        elif line in rows.skipped:
            outcome = "SKIPPED"
        elif line in rows.created:
            outcome = "CREATED"
        elif line in rows.updated:
            outcome = "UPDATED"
        else:
            outcome = "UNCHANGED"
        results.append(ItemResult(line - 1, sku, outcome, errors.get(line, NO_ERRORS)))
    return results
