"""Validation problems with a code, for the OperationInfo messages clients branch on."""

from django.core.exceptions import ValidationError


def invalid(field: str, messages: str | list[str], code: str) -> ValidationError:
    """A ValidationError on ``field`` whose every message carries ``code``."""
    items = [messages] if isinstance(messages, str) else messages
    return ValidationError({field: [ValidationError(m, code=code) for m in items]})
