"""Query limits and the parse/validation caches, as schema extension factories.

Parsing and validating the products page query took several milliseconds of every request
(validation most of it). strawberry's ``ParserCache`` and ``ValidationCache`` keep the
results per query text in bounded LRU caches; the validation cache can only hit when the
limit rules are the very same classes on every request, so they are made once per limit
value here (``QueryDepthLimiter``/``MaxAliasesLimiter`` would make new classes per request).
"""

from collections.abc import Callable
from functools import cache

from django.conf import settings
from graphql import ASTValidationRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)

CACHED_DOCUMENTS = 256


@cache
def _limit_rules(max_depth: int, max_aliases: int) -> list[type[ASTValidationRule]]:
    return [
        *QueryDepthLimiter(max_depth=max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules,
    ]


def limit_and_cache_extensions() -> list[Callable[[], SchemaExtension]]:
    """Depth, alias and token limits from the settings, then the parse and validation caches."""
    return [
        lambda: AddValidationRules(
            _limit_rules(settings.GRAPHQL_MAX_DEPTH, settings.GRAPHQL_MAX_ALIASES)
        ),
        lambda: MaxTokensLimiter(max_token_count=settings.GRAPHQL_MAX_TOKENS),
        lambda: ParserCache(maxsize=CACHED_DOCUMENTS),
        lambda: ValidationCache(maxsize=CACHED_DOCUMENTS),
    ]
