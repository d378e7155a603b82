"""The GraphQL schema: every app's queries, mutations and subscriptions merged."""

from collections.abc import Iterable
from typing import Any

import strawberry
from django.conf import settings
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import DEFAULT_ALLOWED_OPERATION_TYPES
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext, ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry_django.optimizer import DjangoOptimizerExtension

from accounts.schema import Mutation as AccountsMutation
from accounts.schema import Query as AccountsQuery
from accounts.schema_activity import Query as ActivityQuery
from accounts.schema_people import Mutation as PeopleMutation
from accounts.schema_people import Query as PeopleQuery
from core.graphql_cost import QueryCostExtension
from core.graphql_errors import apply_error_model
from core.graphql_input import RejectNulInQueryArguments
from core.graphql_limits import limit_and_cache_extensions
from core.metrics import OperationNameExtension
from core.plain_fields import PlainColumnsMiddlewareManager, read_plain_columns
from core.relay_ids import remember_node_id_attributes
from exports.schema import Mutation as ExportsMutation
from exports.schema import Query as ExportsQuery
from feeds.api.schema import Mutation as FeedsMutation
from feeds.api.schema import Query as FeedsQuery
from imports.api.schema import Mutation as ImportsMutation
from imports.api.schema import Query as ImportsQuery
from imports.api.schema import Subscription as ImportsSubscription
from imports.api.schema_bulk import Mutation as BulkMutation
from imports.api.schema_delete import Mutation as DeleteManyMutation
from imports.api.schema_direct import Mutation as DirectUploadsMutation
from imports.api.schema_direct import Query as DirectUploadsQuery
from imports.api.schema_upsert import Mutation as UpsertMutation
from products.schema import Mutation as ProductsMutation
from products.schema import Query as ProductsQuery
from products.schema_changes import Query as ProductChangesQuery
from webhooks.schema import Mutation as WebhooksMutation
from webhooks.schema import Query as WebhooksQuery

Query = merge_types(
    "Query",
    (
        AccountsQuery,
        ProductsQuery,
        ProductChangesQuery,
        ImportsQuery,
        DirectUploadsQuery,
        ExportsQuery,
        FeedsQuery,
        WebhooksQuery,
        PeopleQuery,
        ActivityQuery,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        AccountsMutation,
        ProductsMutation,
        ImportsMutation,
        DirectUploadsMutation,
        UpsertMutation,
        BulkMutation,
        DeleteManyMutation,
        ExportsMutation,
        FeedsMutation,
        WebhooksMutation,
        PeopleMutation,
    ),
)
Subscription = merge_types("Subscription", (ImportsSubscription,))

class Schema(strawberry.Schema):
    """The schema, with one error model (``core.graphql_errors``) for every error it answers."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Give each error its code and a safe message; log the unexpected ones."""
        apply_error_model(errors)

    async def execute(
        self,
        *args: Any,
        allowed_operation_types: Iterable[OperationType] | None = None,
        **kwargs: Any,
    ) -> ExecutionResult:
        """Run a query or mutation; subscriptions run over WebSocket (``subscribe``) only.

        strawberry would otherwise run a subscription sent as a plain HTTP request as if it
        were a query, and fail on its generator.
        """
        allowed = set(allowed_operation_types or DEFAULT_ALLOWED_OPERATION_TYPES)
        allowed.discard(OperationType.SUBSCRIPTION)
        return await super().execute(*args, allowed_operation_types=allowed, **kwargs)

    def _get_middleware_manager(
        self, extensions: list[SchemaExtension]
    ) -> PlainColumnsMiddlewareManager:
        """strawberry's per-request middleware chain, skipped by plain column reads
        (``core.plain_fields``)."""
        return PlainColumnsMiddlewareManager(
            *(extension for extension in extensions if extension._implements_resolve())
        )


schema = Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    config=StrawberryConfig(relay_max_results=settings.GRAPHQL_MAX_PAGE_SIZE),
    extensions=[
        DjangoOptimizerExtension,
        RejectNulInQueryArguments,
        OperationNameExtension,
        *limit_and_cache_extensions(),
        QueryCostExtension,
    ],
)
# Done once here rather than for every field of every answer (see each module).
remember_node_id_attributes(schema)
read_plain_columns(schema)
