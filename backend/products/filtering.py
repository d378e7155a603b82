"""The products a ``ProductFilter`` selects, for work done away from the GraphQL request.

The ``products`` field applies its ``filters`` argument with strawberry-django; a background
job (an export) keeps the same argument as JSON and gets the same queryset here, so the
lookups and the search box (``products.search``) are defined once, in ``products.types``.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from strawberry_django.filters import apply

from core.inputs import input_from_json, input_to_json
from products.filter_values import OUT_OF_RANGE, out_of_range
from products.models import Product
from products.types import ProductFilter


def filters_to_json(filters: ProductFilter | None) -> dict[str, Any]:
    """Return ``filters`` as JSON in the form a client sends it (``{}`` for none)."""
    return input_to_json(filters) or {}


def products_matching(filters: Mapping[str, Any] | None) -> QuerySet[Product]:
    """Return the products the ``ProductFilter`` JSON ``filters`` selects (all when empty).

    Raises ``ValidationError`` on ``filters`` when the JSON is not a valid filter, or holds a
    value the SQL cannot (``products.filter_values``).
    """
    queryset = Product.objects.all()
    if not filters:
        return queryset
    try:
        queryset = apply(input_from_json(ProductFilter, filters), queryset)
    except (TypeError, ValueError, AttributeError) as exc:
        raise ValidationError({"filters": ValidationError(
            f"These filters cannot be applied: {exc}", code="invalid")}) from None
    if out_of_range(queryset):
        raise ValidationError({"filters": ValidationError(OUT_OF_RANGE, code="out_of_range")})
    return queryset
