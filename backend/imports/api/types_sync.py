"""GraphQL pieces of the sync options: the enums, the input fields, the job's sync fields
and counts, and a skipped row. `types.py` mixes them into `ImportOptionsInput` and
`ImportJob`."""

from enum import Enum
from typing import Any

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry import relay

from imports.models import ImportSkip


@strawberry.enum(name="ImportMode")
class ImportMode(Enum):
    """What the rows of a file may do."""

    UPSERT = "UPSERT"
    UPDATE_ONLY = "UPDATE_ONLY"
    CREATE_ONLY = "CREATE_ONLY"


@strawberry.enum(name="EmptyCells")
class EmptyCells(Enum):
    """What an empty cell means."""

    CLEAR = "CLEAR"
    KEEP = "KEEP"


@strawberry.enum(name="MissingProducts")
class MissingProducts(Enum):
    """What happens to products in scope that the file does not list."""

    LEAVE = "LEAVE"
    DEACTIVATE = "DEACTIVATE"
    DELETE = "DELETE"


@strawberry.enum(name="MissingScope")
class MissingScope(Enum):
    """Which products a removal may touch."""

    ALL = "ALL"
    SOURCE = "SOURCE"


@strawberry.enum(name="ImportSkipReason")
class ImportSkipReason(Enum):
    """Why the mode left a row alone."""

    NOT_FOUND = "NOT_FOUND"
    EXISTS = "EXISTS"


@strawberry.type
class SyncOptionsFields:
    """The sync options of `ImportOptionsInput` (leave one out for its default)."""

    mode: ImportMode | None = strawberry.field(
        default=None, description="UPSERT (default): create and update; UPDATE_ONLY: never "
        "create; CREATE_ONLY: never change a known SKU.")
    empty_cells: EmptyCells | None = strawberry.field(
        default=None, description="CLEAR (default): an empty cell empties the field; KEEP: "
        "it keeps the stored value.")
    missing: MissingProducts | None = strawberry.field(
        default=None, description="LEAVE (default), DEACTIVATE or DELETE the products in "
        "scope that the file does not list.")
    missing_scope: MissingScope | None = strawberry.field(
        default=None, description="ALL (default) products, or only those an import of the "
        "same `source` created (never one created or last edited by hand).")
    source: str | None = strawberry.field(
        default=None, description="The key of the file's sender, remembered on the job "
        "(for example \"acme-supplier\").")
    max_removal_percent: float | None = strawberry.field(
        default=None, description="The guard: a removal of more than this share of the "
        "products in scope (default 10) waits for confirmImport.")

    def sync_dict(self) -> dict[str, Any]:
        """The sync options given, as the services take them."""
        values = {
            "mode": self.mode, "empty_cells": self.empty_cells, "missing": self.missing,
            "missing_scope": self.missing_scope, "source": self.source,
            "max_removal_percent": self.max_removal_percent,
        }
        return {k: (v.value if isinstance(v, Enum) else v) for k, v in values.items()
                if v is not None}


@strawberry_django.type(ImportSkip, name="ImportSkip")
class ImportSkipType(relay.Node):
    """A row the import's mode left alone (a dry run: would have)."""

    line: int = strawberry_django.field(description="The file line of the row.")
    sku: str = strawberry_django.field(description="The row's SKU.")

    @strawberry_django.field(only=["reason"], description="NOT_FOUND or EXISTS.")
    def reason(self, root: ImportSkip) -> ImportSkipReason:
        """NOT_FOUND (UPDATE_ONLY, an unknown SKU) or EXISTS (CREATE_ONLY, a known SKU)."""
        return ImportSkipReason(root.reason)


@strawberry.type
class SyncJobFields:
    """The sync options and counts of `ImportJob`."""

    skipped_count: int = strawberry_django.field(
        description="Rows the mode left alone (reasons in `skips`). rowsProcessed = "
        "createdCount + updatedCount + unchangedCount + replacedCount + skippedCount + "
        "errorCount.")
    deactivated_count: int = strawberry_django.field(
        description="Products the file no longer listed that were deactivated (a dry run: "
        "would be).")
    source: str | None = strawberry_django.field(
        description="The source key the import was given.",
        resolver=lambda root: root.source or None)
    max_removal_percent: float = strawberry_django.field(
        description="The guard's limit, in percent of the products in scope.")
    removal_count: int = strawberry_django.field(
        description="Products the removal takes (decided once the whole file is applied).")
    removal_scope_count: int = strawberry_django.field(
        description="Products in the removal's scope when it was decided.")
    removal_sample: list[str] = strawberry_django.field(
        description="Some SKUs the removal takes (the first 10).")
    removal_held: bool = strawberry_django.field(
        description="Whether the guard holds the removal (a dry run: would hold it): it takes "
        "more than maxRemovalPercent of the products in scope, or the file has no valid row.")

    @strawberry_django.field(only=["mode"])
    def mode(self, root: Any) -> ImportMode:
        """What the rows may do."""
        return ImportMode(root.mode)

    @strawberry_django.field(only=["empty_cells"])
    def empty_cells(self, root: Any) -> EmptyCells:
        """What an empty cell means."""
        return EmptyCells(root.empty_cells)

    @strawberry_django.field(only=["missing"])
    def missing(self, root: Any) -> MissingProducts:
        """What happens to products the file does not list."""
        return MissingProducts(root.missing)

    @strawberry_django.field(only=["missing_scope"])
    def missing_scope(self, root: Any) -> MissingScope:
        """Which products a removal may touch."""
        return MissingScope(root.missing_scope)

    @strawberry_django.connection(
        strawberry_django.relay.DjangoListConnection[ImportSkipType],
        description="Rows the mode left alone, in file order, with the reason.",
    )
    def skips(self, root: Any) -> QuerySet[ImportSkip]:
        """Rows the mode left alone, in file order, with the reason."""
        return ImportSkip.objects.filter(job_id=root.pk).order_by("line", "id")
