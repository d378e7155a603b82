"""The GraphQL schema: every app's queries, mutations and subscriptions merged."""

import strawberry
from django.conf import settings
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry_django.optimizer import DjangoOptimizerExtension

from accounts.schema import Mutation as AccountsMutation
from accounts.schema import Query as AccountsQuery
from imports.schema import Mutation as ImportsMutation
from imports.schema import Query as ImportsQuery
from imports.schema import Subscription as ImportsSubscription
from products.schema import Mutation as ProductsMutation
from products.schema import Query as ProductsQuery

Query = merge_types("Query", (AccountsQuery, ProductsQuery, ImportsQuery))
Mutation = merge_types("Mutation", (AccountsMutation, ProductsMutation, ImportsMutation))
Subscription = merge_types("Subscription", (ImportsSubscription,))

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    config=StrawberryConfig(relay_max_results=settings.GRAPHQL_MAX_PAGE_SIZE),
    extensions=[
        DjangoOptimizerExtension,
        lambda: QueryDepthLimiter(max_depth=settings.GRAPHQL_MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=settings.GRAPHQL_MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=settings.GRAPHQL_MAX_TOKENS),
    ],
)
