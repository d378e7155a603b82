"""Readable GraphQL errors for problems the caller caused.

A Django ``ValidationError`` raised outside a mutation's ``OperationInfo`` (a malformed id in
a query, a bad token name) would otherwise reach the client as the repr of a dict. This
extension turns it into its plain messages, with ``extensions.code = "BAD_USER_INPUT"`` and
``extensions.field`` naming the field at fault. A variable whose value does not fit its type
(an unknown enum value, a filter lookup that does not exist) is refused by graphql-core before
execution without a code; it gets ``BAD_USER_INPUT`` too.
"""

from collections.abc import Iterator

from django.core.exceptions import ValidationError
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension


def _bad_variable(error: GraphQLError) -> bool:
    """Whether graphql-core refused a variable's value (coercion happens before execution)."""
    return (
        (error.original_error is None or isinstance(error.original_error, GraphQLError))
        and not (error.extensions or {}).get("code")
        and error.message.startswith("Variable '$")
    )


def _readable(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if _bad_variable(error):
        error.extensions = dict(error.extensions or {}, code="BAD_USER_INPUT")
        return error
    if not isinstance(original, ValidationError):
        return error
    extensions = dict(error.extensions or {}, code="BAD_USER_INPUT")
    if hasattr(original, "error_dict"):
        field, problems = next(iter(original.error_dict.items()))
        message = " ".join(m for problem in problems for m in problem.messages)
        if field != "__all__":
            extensions["field"] = field
    else:
        message = " ".join(original.messages)
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=original,
        extensions=extensions,
    )


class ReadableValidationErrors(SchemaExtension):
    """Rewrite caller-caused errors into plain messages with a code."""

    def _rewrite(self) -> None:
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [_readable(error) for error in result.errors]

    def on_execute(self) -> Iterator[None]:
        """After execution (variables are coerced there), make caller errors readable."""
        yield
        self._rewrite()
