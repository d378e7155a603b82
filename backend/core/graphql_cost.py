"""The schema extension that prices every operation and charges it to the client's budget.

When execution starts (so only valid documents are priced) the operation's cost
(``core.query_cost``) is compared with ``GRAPHQL_MAX_COST`` and then taken from the budget of
the API token, signed-in user or (anonymous) client address (``core.budget``). A refused
operation runs no resolver. Every answer reports ``extensions.cost``::

    {"requestedQueryCost": 62, "maximumAvailable": 5000,
     "throttleStatus": {"maximumAvailable": 10000, "currentlyAvailable": 9938, "restoreRate": 500}}
"""

import hashlib
from collections.abc import AsyncIterator
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from graphql import ExecutionResult, GraphQLError
from strawberry.extensions import SchemaExtension

from core import budget
from core.client_ip import client_ip
from core.graphql_errors import BAD_USER_INPUT, TOO_MANY_REQUESTS, coded_error
from core.query_cost import CostCache

_costs = CostCache()


async def client_key(request: HttpRequest) -> str:
    """Whose budget pays: the API token, else the signed-in user, else the client address."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        # Only a digest: the bucket's name must not hold a usable credential.
        return "token:" + hashlib.sha256(token.strip().encode()).hexdigest()[:32]
    user = await request.auser()
    if user.is_authenticated:
        return f"user:{user.pk}"
    return f"address:{client_ip(request)}"


def _too_complex(cost: int, maximum: int) -> GraphQLError:
    return coded_error(
        BAD_USER_INPUT,
        f"This query costs {cost} points; one query may cost at most {maximum}. Ask for "
        "fewer items per page (first/last), fewer nested lists, or leave out totalCount "
        "and filters that scan (contains, OR).",
        cost={"requestedQueryCost": cost, "maximumAvailable": maximum},
    )


def _throttled(status: budget.BudgetStatus) -> GraphQLError:
    return coded_error(
        TOO_MANY_REQUESTS,
        f"Query budget used up: this query costs {status.cost} points and "
        f"{int(status.available or 0)} of {status.capacity} are left; the budget refills "
        f"{status.restore_rate} points a second. Retry in {status.retry_after} s.",
        retryAfter=status.retry_after,
    )


class QueryCostExtension(SchemaExtension):
    """Refuse operations dearer than ``GRAPHQL_MAX_COST`` or the budget; report the cost."""

    def __init__(self, *, execution_context: Any = None) -> None:
        """Start with nothing priced (a document that fails validation costs nothing)."""
        self.cost = 0
        self.status: budget.BudgetStatus | None = None

    async def on_execute(self) -> AsyncIterator[None]:
        """Before any resolver runs: price the valid document, then charge the budget.

        A refusal becomes the operation's result, so graphql-core never executes it.
        """
        await self._price_and_charge()
        yield

    async def _price_and_charge(self) -> None:
        context = self.execution_context
        if context.graphql_document is None:
            return
        self.cost = _costs.cost(
            context.schema._schema,
            context.query or "",
            context.graphql_document,
            context.operation_name,
            context.variables,
            settings.GRAPHQL_MAX_PAGE_SIZE,
        )
        if self.cost > settings.GRAPHQL_MAX_COST:
            context.result = ExecutionResult(
                data=None, errors=[_too_complex(self.cost, settings.GRAPHQL_MAX_COST)]
            )
            return
        request = getattr(context.context, "request", None)
        if not isinstance(request, HttpRequest) or not budget.enabled():
            return  # subscriptions over WebSocket: priced, not charged
        self.status = await budget.take(await client_key(request), self.cost)
        if not self.status.allowed:
            context.result = ExecutionResult(data=None, errors=[_throttled(self.status)])
            response = context.context.response
            response.status_code = 429
            response["Retry-After"] = str(self.status.retry_after)

    def get_results(self) -> dict[str, Any]:
        """``extensions.cost`` of the answer."""
        cost: dict[str, Any] = {
            "requestedQueryCost": self.cost,
            "maximumAvailable": settings.GRAPHQL_MAX_COST,
        }
        if self.status is not None:
            cost["throttleStatus"] = self.status.as_extension()
        return {"cost": cost}
