"""The GraphQL schema: every app's queries, mutations and subscriptions merged."""

import strawberry
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from graphql import GraphQLError
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext
from strawberry_django.optimizer import DjangoOptimizerExtension

from accounts.schema import Mutation as AccountsMutation
from accounts.schema import Query as AccountsQuery
from core.graphql_errors import ReadableValidationErrors
from core.metrics import OperationNameExtension
from imports.schema import Mutation as ImportsMutation
from imports.schema import Query as ImportsQuery
from imports.schema import Subscription as ImportsSubscription
from products.schema import Mutation as ProductsMutation
from products.schema import Query as ProductsQuery
from webhooks.schema import Mutation as WebhooksMutation
from webhooks.schema import Query as WebhooksQuery

Query = merge_types("Query", (AccountsQuery, ProductsQuery, ImportsQuery, WebhooksQuery))
Mutation = merge_types(
    "Mutation", (AccountsMutation, ProductsMutation, ImportsMutation, WebhooksMutation)
)
Subscription = merge_types("Subscription", (ImportsSubscription,))

class Schema(strawberry.Schema):
    """The schema, logging only errors that are the server's fault.

    Errors a caller causes (validation, permission, bad arguments) are answered to the caller
    and not logged with a traceback; anything else is.
    """

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log unexpected errors only."""
        unexpected = [error for error in errors if not _caused_by_caller(error)]
        super().process_errors(unexpected, execution_context)


def _caused_by_caller(error: GraphQLError) -> bool:
    original = error.original_error
    return original is None or isinstance(original, _CALLER_ERRORS)


_CALLER_ERRORS = (GraphQLError, ValidationError, PermissionDenied, ValueError)

schema = Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    config=StrawberryConfig(relay_max_results=settings.GRAPHQL_MAX_PAGE_SIZE),
    extensions=[
        DjangoOptimizerExtension,
        ReadableValidationErrors,
        OperationNameExtension,
        lambda: QueryDepthLimiter(max_depth=settings.GRAPHQL_MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=settings.GRAPHQL_MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=settings.GRAPHQL_MAX_TOKENS),
    ],
)
