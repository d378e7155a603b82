"""GraphQL input objects as JSON, and back: to keep a client's filters on a database row.

A background job (an export) must apply later, in a worker, exactly the filters a client
sent. ``input_to_json`` writes a Strawberry input object in its GraphQL form (field names as
the client writes them, fields the client left out omitted, scalars in their wire form), so
the stored value reads like the client's own variables; ``input_from_json`` turns it back
into the input object with Strawberry's own argument conversion.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import uuid
from collections.abc import Mapping
from typing import Any, TypeVar

from strawberry import UNSET
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.types.scalar import DEFAULT_SCALAR_REGISTRY
from strawberry.types.arguments import convert_argument
from strawberry.types.base import has_object_definition

T = TypeVar("T")
_CONFIG = StrawberryConfig()


def input_to_json(value: Any) -> Any:
    """Return ``value`` (an input object, list or scalar) as JSON-ready data."""
    if value is None:
        return None
    if has_object_definition(value):
        definition = value.__strawberry_definition__
        out: dict[str, Any] = {}
        for field in definition.fields:
            item = getattr(value, field.python_name, UNSET)
            if item is UNSET:
                continue
            out[_CONFIG.name_converter.from_field(field)] = input_to_json(item)
        return out
    if isinstance(value, list | tuple):
        return [input_to_json(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def input_from_json(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild the input object of type ``cls`` from what ``input_to_json`` wrote.

    Scalars stay in their wire form (a date-time is its ISO 8601 text); Django's fields
    parse them when the value reaches a query.
    """
    return convert_argument(data, cls, DEFAULT_SCALAR_REGISTRY, _CONFIG)
