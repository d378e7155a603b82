"""Reading the activity log: filtered pages, the CSV export, retention."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from activity.models import Entry

CSV_COLUMNS = (
    "at", "kind", "actor", "token", "ip", "request_id", "target_type", "target_id",
    "target", "detail",
)
#: Kinds that count as a person (or their token) writing a product by hand.
MANUAL_PRODUCT_KINDS = ("product.created", "product.updated")


def entries(
    *,
    user_id: int | None = None,
    kind: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> QuerySet[Entry]:
    """Entries newest first; ``kind`` matches a whole kind or a prefix ending in '.'."""
    rows = Entry.objects.all()
    if user_id is not None:
        rows = rows.filter(user_id=user_id)
    if kind:
        rows = rows.filter(kind__startswith=kind) if kind.endswith(".") else rows.filter(kind=kind)
    if since is not None:
        rows = rows.filter(at__gte=since)
    if until is not None:
        rows = rows.filter(at__lte=until)
    return rows.order_by("-at", "-id")


def csv_lines(rows: QuerySet[Entry], batch: int = 2000) -> Iterator[str]:
    """The entries as CSV text, a line at a time (header first)."""
    yield _line(CSV_COLUMNS)
    for entry in rows.iterator(chunk_size=batch):
        yield _line(
            (
                entry.at.isoformat(), entry.kind, entry.actor, entry.token_label,
                entry.ip or "", entry.request_id, entry.target_type, entry.target_id,
                entry.target_label, _detail(entry.detail),
            )
        )


def _detail(detail: dict[str, Any]) -> str:
    return "; ".join(f"{key}={value}" for key, value in sorted(detail.items()))


def _line(fields: Any) -> str:
    out = io.StringIO()
    # Cells starting with = + - @ would run as formulas in a spreadsheet.
    csv.writer(out, lineterminator="\r\n").writerow(
        ["'" + f if isinstance(f, str) and f[:1] in "=+-@" else f for f in fields]
    )
    return out.getvalue()


def last_manual_edit(product_pk: int) -> Entry | None:
    """The newest entry of a person (or token) creating or editing this product by hand."""
    return (
        Entry.objects.filter(
            target_type="Product", target_id=str(product_pk), kind__in=MANUAL_PRODUCT_KINDS
        )
        .order_by("-at", "-id")
        .first()
    )


def prune(now: datetime | None = None) -> int:
    """Delete entries older than ``ACTIVITY_RETENTION_DAYS``; return how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.ACTIVITY_RETENTION_DAYS)
    deleted, _ = Entry.objects.filter(at__lt=cutoff).delete()
    return deleted
