"""The SKU column: case-insensitively unique, and looked up the way its index is built."""

from django.db import models
from django.db.models import Lookup


class SkuField(models.CharField):
    """A CharField whose ``iexact`` lookup compares ``LOWER()`` on both sides.

    Django's PostgreSQL ``iexact`` compiles to ``UPPER(col) = UPPER(%s)``, which the unique
    index on ``LOWER(sku)`` cannot serve; this lookup can, so SKU lookups stay index scans.
    """


@SkuField.register_lookup
class LowerIExact(Lookup):
    """``sku__iexact`` as ``LOWER(sku) = LOWER(value)``, with no LIKE escaping of the value."""

    lookup_name = "iexact"
    prepare_rhs = False

    def as_sql(self, compiler, connection):  # noqa: D102
        lhs, lhs_params = compiler.compile(self.lhs)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"LOWER({lhs}) = LOWER({rhs})", [*lhs_params, *rhs_params]
