"""Checks on text a client sends, shared by services and the GraphQL layer, and counts in
words for messages.

PostgreSQL text cannot hold a NUL character (``\\x00``): such a value would fail deep in
the database driver. It is the caller's mistake, so it is reported on its field instead.
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError

NUL = "\x00"


def nul_message(field: str) -> str:
    """The message for a NUL character in ``field``."""
    return f"'{field}' cannot contain a NUL character (\\0); remove it and try again."


def reject_nul(values: Mapping[str, object]) -> None:
    """Raise a ``ValidationError`` naming each field whose text (or list of texts) holds a NUL."""
    errors = {
        field: nul_message(field)
        for field, value in values.items()
        if (isinstance(value, str) and NUL in value)
        or (isinstance(value, list | tuple) and any(isinstance(v, str) and NUL in v for v in value))
    }
    if errors:
        raise ValidationError(errors)


def plural(count: float, word: str, words: str | None = None) -> str:
    """``count`` and the noun that agrees with it: "1 field", "2 fields", "1,200 rows",
    "1.5 hours"; ``words`` is the plural when it is not ``word`` + "s" ("delivery",
    "deliveries")."""
    number = f"{count:,}" if isinstance(count, int) else f"{count:g}"
    return f"{number} {word if number == '1' else (words or word + 's')}"
