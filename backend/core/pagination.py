"""Checks on connection arguments (``first``, ``last``, ``after``, ``before``).

strawberry and strawberry-django validate them too, but answer with Python's own messages
("Incorrect padding", "Negative indexing is not supported"). These checks run first and
answer ``BAD_USER_INPUT`` naming the argument.
"""

import binascii
from typing import Any

import strawberry
from strawberry import Info
from strawberry.relay import NodeType, from_base64
from strawberry.relay.types import PREFIX
from strawberry_django.relay import DjangoListConnection

from core.graphql_errors import bad_user_input
from core.text import NUL


def check_page_size(
    info: Info, first: int | None, last: int | None, max_results: int | None
) -> None:
    """Refuse a negative ``first``/``last`` or one above the page limit."""
    limit = max_results if max_results is not None else info.schema.config.relay_max_results
    for name, value in (("first", first), ("last", last)):
        if value is None:
            continue
        if value < 0:
            raise bad_user_input(f"'{name}' must be 0 or more, got {value}.", field=name)
        if value > limit:
            raise bad_user_input(
                f"'{name}' can be at most {limit} (one page); got {value}. Use the cursors "
                "in pageInfo for the next page.",
                field=name,
            )


def invalid_cursor(argument: str) -> Exception:
    """The error for a cursor this connection did not make."""
    return bad_user_input(
        f"Invalid cursor in '{argument}': pass a cursor from this connection's edges or "
        "pageInfo, with the same filters and ordering.",
        field=argument,
    )


def decode_cursor(cursor: str, argument: str, prefix: str) -> str:
    """Return the value inside a ``prefix:value`` cursor, or raise ``invalid_cursor``."""
    try:
        kind, value = from_base64(cursor)
    except (ValueError, binascii.Error, UnicodeError):
        raise invalid_cursor(argument) from None
    if kind != prefix or NUL in value:
        raise invalid_cursor(argument)
    return value


def _check_offset_cursor(cursor: str | None, argument: str) -> None:
    if cursor is None:
        return
    offset = decode_cursor(cursor, argument, PREFIX)
    if not (offset.isascii() and offset.isdigit() and len(offset) <= 18):
        raise invalid_cursor(argument)


@strawberry.type(name="Connection", description="A connection to a list of items.")
class ListConnection(DjangoListConnection[NodeType]):
    """strawberry-django's list connection, with its arguments checked first."""

    @classmethod
    def resolve_connection(
        cls,
        nodes: Any,
        *,
        info: Info,
        before: str | None = None,
        after: str | None = None,
        first: int | None = None,
        last: int | None = None,
        max_results: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Check the page size and the offset cursors, then paginate as strawberry-django does."""
        check_page_size(info, first, last, max_results)
        _check_offset_cursor(after, "after")
        _check_offset_cursor(before, "before")
        return super().resolve_connection(
            nodes,
            info=info,
            before=before,
            after=after,
            first=first,
            last=last,
            max_results=max_results,
            **kwargs,
        )
