"""Writing many products from the API (`upsertProducts`) through the import pipeline.

A call becomes an import job whose file is the call's items as JSON Lines (one object a
line, line N = item N-1), so it gets what a file gets: the row rules, the modes and empty
fields, the change log and provenance (and so `revertImport`), exact counts and one
`import.finished` event. The call then runs its job at once in the request when the import
queue is free (imports apply one at a time, in order); when another import holds the queue
it waits up to `UPSERT_PRODUCTS_WAIT_SECONDS` and otherwise answers with the job still
PENDING, which a worker runs in its turn (the caller has one sent after commit).

`errorPolicy`: REJECT_EVERYTHING (the job's `all_or_nothing`: one bad item and nothing is
written) or REJECT_FAILED_ROWS (the bad items are left out, the others written). Either way
every bad item is listed with its index, a code and a message (`item_results`).
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from activity.recording import record

from .models import ImportChange, ImportJob, ImportRowError, ImportSkip
from .pipeline import options as sync_options
from .services import run_if_first

FIELDS = ("sku", "name", "description", "active")
ERROR_POLICIES = ("REJECT_EVERYTHING", "REJECT_FAILED_ROWS")
WAIT_STEP_SECONDS = 0.05


@dataclass(frozen=True)
class ItemError:
    """Why one item was refused: the field at fault (when one is), a code and a message."""

    field: str
    code: str
    message: str


@dataclass(frozen=True)
class ItemResult:
    """What happened to item `index`: CREATED, UPDATED, UNCHANGED, SKIPPED (the mode left it
    alone), REPLACED (a later item has the same SKU), FAILED (its `errors`), or NOT_WRITTEN
    (a good item of a call that REJECT_EVERYTHING refused)."""

    index: int
    sku: str
    outcome: str
    errors: list[ItemError] = field(default_factory=list)


def _problem(name: str, message: str, code: str) -> ValidationError:
    return ValidationError({name: ValidationError(message, code=code)})


def items_as_jsonl(items: list[dict[str, Any]]) -> bytes:
    """The items as a JSON Lines file, one object a line with the fields each item gives
    (read with `absent_keeps`: a field an item leaves out keeps the stored value)."""
    lines = [json.dumps({name: item[name] for name in FIELDS if name in item},
                        ensure_ascii=False) for item in items]
    return ("\n".join(lines) + "\n").encode("utf-8")


def submit_upsert(
    items: list[dict[str, Any]], *, mode: str | None = None, empty_fields: str | None = None,
    error_policy: str | None = None, user: Any = None,
) -> ImportJob:
    """Record `items` (dicts of the fields given: sku, name, description, active) as a PENDING
    import job; raise ValidationError (nothing written) for a call that is wrong as a whole:
    no items, more than UPSERT_PRODUCTS_MAX, an unknown option."""
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
    data = items_as_jsonl(items)
    user = user if getattr(user, "is_authenticated", False) else None
    with transaction.atomic():
        job = ImportJob.objects.create(
            **sync, file_name=f"upsertProducts ({len(items):,} products)",
            file_size=len(data), created_by=user, queued_at=timezone.now(),
            options={"format": "JSONL", "absent_keeps": True}, changes_logged=True,
            all_or_nothing=policy == "REJECT_EVERYTHING",
        )
        record("import.started", job, detail={"file": job.file_name, "bytes": len(data),
                                               "api": "upsertProducts"})
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


def item_results(job: ImportJob, items: list[dict[str, Any]]) -> list[ItemResult]:
    """Each item's outcome, from the ended job's rows (bad rows, skips, change log); item i
    is line i + 1 of the job's file."""
    errors: dict[int, list[ItemError]] = {}
    for line, message in ImportRowError.objects.filter(job=job).values_list("line", "message"):
        errors.setdefault(line - 1, []).append(_error(message))
    skipped = set(ImportSkip.objects.filter(job=job).values_list("line", flat=True))
    kinds = dict(ImportChange.objects.filter(
        job=job, kind__in=(ImportChange.Kind.CREATED, ImportChange.Kind.UPDATED)
    ).values_list("line", "kind"))
    last: dict[str, int] = {}
    for index, item in enumerate(items):
        if index not in errors:
            last[str(item.get("sku") or "").strip().lower()] = index
    written = job.status == ImportJob.Status.COMPLETED
    results = []
    for index, item in enumerate(items):
        sku = str(item.get("sku") or "").strip()
        line = index + 1
        if index in errors:
            outcome = "FAILED"
        elif not written:
            outcome = "NOT_WRITTEN"
        elif last.get(sku.lower()) != index:
            outcome = "REPLACED"
        elif line in skipped:
            outcome = "SKIPPED"
        elif line in kinds:
            outcome = "CREATED" if kinds[line] == ImportChange.Kind.CREATED else "UPDATED"
        else:
            outcome = "UNCHANGED"
        results.append(ItemResult(index, sku, outcome, errors.get(index, [])))
    return results
