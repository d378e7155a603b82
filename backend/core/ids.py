"""Opaque Relay ids: ``base64("Type:pk")``. Clients never parse them; the server does here."""

import re

from django.core.exceptions import ValidationError
from strawberry.relay import from_base64, to_base64


def encode_id(type_name: str, pk: int) -> str:
    """Return the public id of the ``type_name`` row with primary key ``pk``."""
    return to_base64(type_name, pk)


def decode_id(
    value: object, type_name: str, *, field: str = "id", label: str | None = None
) -> int:
    """Return the primary key in a public id of ``type_name``.

    A malformed id, or the id of another type, raises ``ValidationError`` on ``field`` with
    the same message as an unknown one, so callers answer every bad id the same way.
    """
    label = label or re.sub(r"(?<!^)(?=[A-Z])", " ", type_name).lower()
    problem = ValidationError({field: f"No {label} with this id."})
    if not isinstance(value, str):
        raise problem
    try:
        decoded_type, raw_pk = from_base64(value)
        pk = int(raw_pk)
    except (ValueError, TypeError):
        raise problem from None
    if decoded_type != type_name or pk <= 0:
        raise problem
    return pk
