"""Model columns read straight off the row, without strawberry's per-field machinery.

A strawberry-django field such as ``Product.sku`` goes, for every product of every answer,
through the optimizer's resolve hook, strawberry's resolver wrapper (an ``Info`` object,
argument conversion, the field-extension chain) and strawberry-django's ``get_result``, all
to read one value the row already holds: on a page of 50 products that is 300 such reads
and a large share of the request's CPU time.

:func:`read_plain_columns` gives every field of a schema that is exactly such a read (a
strawberry-django field with no resolver, no field extension such as a permission check,
no arguments, over a concrete, non-relation model column) a resolver that returns the
loaded value and hands anything else (a deferred column, another kind of source) to the
field's own resolver, so answers are unchanged. :class:`PlainColumnsMiddlewareManager`
then lets those resolvers skip the optimizer's resolve hook, which only acts on
querysets and managers, never on a column's value.
"""

from collections.abc import Callable
from typing import Any

from django.db import models
from django.db.models.query_utils import DeferredAttribute
from graphql import GraphQLObjectType
from graphql.execution.middleware import MiddlewareManager
from strawberry.schema import Schema
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.base import StrawberryObjectDefinition
from strawberry_django.fields.field import StrawberryDjangoField
from strawberry_django.optimizer import DjangoOptimizerExtension
from strawberry_django.utils.typing import get_django_definition

PLAIN_COLUMN = "_plain_column"


def column_resolver(model: type[models.Model], attname: str, fallback: Callable) -> Callable:
    """A resolver returning ``attname`` of a loaded ``model`` row (the model itself, not a
    subclass), else what ``fallback`` does."""

    def resolve(source: Any, info: Any, **kwargs: Any) -> Any:
        if source.__class__ is model:
            try:
                return source.__dict__[attname]
            except KeyError:  # deferred: the field's own resolver loads it
                pass
        return fallback(source, info, **kwargs)

    setattr(resolve, PLAIN_COLUMN, True)
    return resolve


def _column_attname(field: Any, model: type[models.Model]) -> str | None:
    """The row attribute a field reads, when it is a plain column read; else None."""
    # strawberry-django's own field class, not one that reads values its own way.
    if not isinstance(field, StrawberryDjangoField) or (
        type(field).get_result is not StrawberryDjangoField.get_result
    ):
        return None
    if field.base_resolver is not None or field.extensions or field.arguments:
        return None
    descriptor = getattr(model, field.django_name or field.python_name, None)
    # Exactly DeferredAttribute: file fields, foreign keys and properties have their own.
    if type(descriptor) is not DeferredAttribute:
        return None
    return descriptor.field.attname


def read_plain_columns(schema: Schema) -> int:
    """Give every plain column field of ``schema`` a direct resolver; return how many."""
    replaced = 0
    for concrete in schema.schema_converter.type_map.values():
        definition = concrete.definition
        implementation = concrete.implementation
        if not isinstance(definition, StrawberryObjectDefinition) or not isinstance(
            implementation, GraphQLObjectType
        ):
            continue
        django_definition = get_django_definition(definition.origin)
        if django_definition is None or django_definition.model is None:
            continue
        model = django_definition.model
        for graphql_field in implementation.fields.values():
            field = graphql_field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
            attname = _column_attname(field, model)
            resolve = graphql_field.resolve
            if attname is None or resolve is None or getattr(resolve, PLAIN_COLUMN, False):
                continue
            graphql_field.resolve = column_resolver(model, attname, resolve)
            replaced += 1
    return replaced


class PlainColumnsMiddlewareManager(MiddlewareManager):
    """graphql-core's middleware chain, left off the plain column resolvers when the only
    middleware is strawberry-django's optimizer (any other keeps wrapping every field)."""

    def __init__(self, *middlewares: Any) -> None:
        """Keep ``middlewares``; note whether all of them are the optimizer."""
        super().__init__(*middlewares)
        self.only_optimizer = all(isinstance(m, DjangoOptimizerExtension) for m in middlewares)

    def get_field_resolver(self, field_resolver: Callable) -> Callable:
        """The resolver itself for a plain column under the optimizer alone, else wrapped."""
        if self.only_optimizer and getattr(field_resolver, PLAIN_COLUMN, False):
            return field_resolver
        return super().get_field_resolver(field_resolver)
