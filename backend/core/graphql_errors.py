"""One error model: every GraphQL error a client receives carries ``extensions.code``.

Codes (docs/api/contract.md, "Errors"): ``BAD_USER_INPUT``, ``UNAUTHENTICATED``,
``FORBIDDEN``, ``NOT_FOUND``, ``TOO_MANY_REQUESTS``, ``SERVICE_UNAVAILABLE`` and
``INTERNAL_SERVER_ERROR``. Resolvers raise the coded errors made here, or Django's
``ValidationError`` / ``PermissionDenied`` / ``ObjectDoesNotExist``; ``apply_error_model``
(called by the schema for every error) gives each error its code and turns anything
unexpected into a generic message with the request id, logging the details and traceback.
No message from a library or the database reaches a client.
"""

import logging
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import InterfaceError, OperationalError
from graphql import GraphQLError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from strawberry.exceptions import StrawberryGraphQLError

from core.request_id import ensure_request_id

logger = logging.getLogger("graphql.errors")

BAD_USER_INPUT = "BAD_USER_INPUT"
UNAUTHENTICATED = "UNAUTHENTICATED"
FORBIDDEN = "FORBIDDEN"
NOT_FOUND = "NOT_FOUND"
TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS"
SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"
CODES = frozenset(
    {
        BAD_USER_INPUT,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        TOO_MANY_REQUESTS,
        SERVICE_UNAVAILABLE,
        INTERNAL_SERVER_ERROR,
    }
)

# A dependency being down is not a bug: the client may retry.
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)


def coded_error(code: str, message: str, **extensions: Any) -> GraphQLError:
    """Return a GraphQL error with ``extensions.code`` (and any other extensions)."""
    return GraphQLError(message, extensions={"code": code, **extensions})


def bad_user_input(message: str, *, field: str | None = None) -> GraphQLError:
    """Return a ``BAD_USER_INPUT`` error, naming the argument at fault in ``extensions.field``."""
    return coded_error(BAD_USER_INPUT, message, **({"field": field} if field else {}))


def not_found(message: str, *, field: str | None = None) -> GraphQLError:
    """Return a ``NOT_FOUND`` error, naming the argument in ``extensions.field``."""
    return coded_error(NOT_FOUND, message, **({"field": field} if field else {}))


def internal_error_message(request_id: str) -> str:
    """The message of an ``INTERNAL_SERVER_ERROR``: generic, with the id to quote."""
    return (
        "Something went wrong on our side and was logged. Try again; if it keeps happening, "
        f"contact support. Quote request id {request_id}."
    )


def unavailable_message(request_id: str) -> str:
    """The message of a ``SERVICE_UNAVAILABLE`` error."""
    return (
        "The service is temporarily unavailable (its database or task broker does not "
        f"answer). Try again in a moment. Quote request id {request_id} if it persists."
    )


def apply_error_model(errors: list[GraphQLError]) -> None:
    """Give every error its code and a safe message, in place; log the unexpected ones.

    In place because strawberry hands the same error objects to the response (it edits
    them the same way when it removes field suggestions).
    """
    for error in errors:
        _apply(error)


def _apply(error: GraphQLError) -> None:
    original = error.original_error
    # Follow errors re-raised as GraphQLErrors by graphql-core back to their cause.
    while isinstance(original, GraphQLError) and original.original_error is not None:
        original = original.original_error
    extensions = dict(error.extensions or {})
    if extensions.get("code") in CODES:
        return
    if original is None or isinstance(original, StrawberryGraphQLError | GraphQLError):
        # Parsing, validation, variable coercion and strawberry's input errors: messages
        # written for clients by graphql-core and strawberry.
        _set(error, BAD_USER_INPUT, error.message, extensions)
    elif isinstance(original, ValidationError):
        message, field = _validation_message(original)
        if field:
            extensions["field"] = field
        _set(error, BAD_USER_INPUT, message, extensions)
    elif isinstance(original, PermissionDenied):
        _set(error, FORBIDDEN, str(original) or "You may not do this.", extensions)
    elif isinstance(original, ObjectDoesNotExist):
        _set(error, NOT_FOUND, "Nothing with this id exists.", extensions)
    elif isinstance(original, UNAVAILABLE_ERRORS):
        request_id = ensure_request_id()
        logger.error("Service unavailable at %s", _where(error), exc_info=original)
        _set(error, SERVICE_UNAVAILABLE, unavailable_message(request_id), {})
    else:
        request_id = ensure_request_id()
        logger.error("Unexpected error at %s", _where(error), exc_info=original)
        _set(error, INTERNAL_SERVER_ERROR, internal_error_message(request_id), {})


def _where(error: GraphQLError) -> str:
    return ".".join(str(key) for key in error.path) if error.path else "(operation)"


def _set(error: GraphQLError, code: str, message: str, extensions: dict[str, Any]) -> None:
    error.message = message
    error.extensions = {**extensions, "code": code}


def _validation_message(error: ValidationError) -> tuple[str, str | None]:
    if hasattr(error, "error_dict"):
        field, problems = next(iter(error.error_dict.items()))
        message = " ".join(m for problem in problems for m in problem.messages)
        return message, None if field == "__all__" else field
    return " ".join(error.messages), None
