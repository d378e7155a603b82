"""Plain HTTP endpoints: GraphQL, health checks, the single-page app, CSRF failures."""

import logging
import sys
from typing import Any

import redis
from asgiref.sync import sync_to_async
from cross_web import HTTPException
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.views.decorators.csrf import ensure_csrf_cookie
from strawberry.django.views import AsyncGraphQLView

from config.playground import playground_response
from core import persisted_queries
from core.graphql_errors import (
    BAD_USER_INPUT,
    FORBIDDEN,
    INTERNAL_SERVER_ERROR,
    NOT_FOUND,
    SERVICE_UNAVAILABLE,
    UNAVAILABLE_ERRORS,
    internal_error_message,
    unavailable_message,
)
from core.http_errors import error_response_for, graphql_error_response
from core.persisted_queries import PersistedQueryError
from core.request_id import ensure_request_id

logger = logging.getLogger(__name__)


class GraphQLView(AsyncGraphQLView):
    """Django's async GraphQL view; GET in a browser serves the playground (GraphiQL).

    Requests strawberry refuses before any GraphQL runs (a body that is not JSON, no query,
    a mutation over GET, a subscription over HTTP) are answered in the GraphQL error shape
    with ``BAD_USER_INPUT``, keeping strawberry's status and message. Persisted queries
    (``core.persisted_queries``) are resolved to their text before anything runs.
    """

    async def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        """Run the request; answer a refused one as a coded GraphQL error."""
        try:
            return await self.run(request=request)
        except HTTPException as exc:
            return graphql_error_response(BAD_USER_INPUT, exc.reason, status=exc.status_code)
        except PersistedQueryError as exc:
            return persisted_query_error(exc)

    def should_render_graphql_ide(self, request: Any) -> bool:
        """The playground only for a page load: a GET with neither a query nor a hash."""
        return "extensions" not in request.query_params and super().should_render_graphql_ide(
            request
        )

    async def parse_http_body(self, request: Any) -> Any:
        """Parse the request, replacing a persisted query's hash with its text."""
        data = await super().parse_http_body(request)
        for item in data if isinstance(data, list) else [data]:
            item.query = await persisted_queries.resolve(
                request.request, item.query, item.extensions
            )
        return data

    async def render_graphql_ide(self, request: HttpRequest) -> HttpResponse:
        """Serve the playground built with the web app (no asset from another host)."""
        return await sync_to_async(playground_response)(request)


def persisted_query_error(exc: PersistedQueryError) -> JsonResponse:
    """A persisted query that cannot run: coded, priced at 0, never cached by a proxy."""
    cost = {"requestedQueryCost": 0, "maximumAvailable": settings.GRAPHQL_MAX_COST}
    return graphql_error_response(
        exc.code, exc.message, exc.status, {"cost": cost}, **{"Cache-Control": "private, no-cache"}
    )


async def healthz(request: HttpRequest) -> JsonResponse:
    """Answer 200 while the process lives."""
    return JsonResponse({"status": "ok"})


def _database_ok() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return None
    except Exception as exc:
        return str(exc).strip() or type(exc).__name__


def _broker_ok() -> str | None:
    if settings.EMBEDDED:
        return None  # the in-memory broker is part of this process

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2).ping()
        return None
    except Exception as exc:
        return str(exc).strip() or type(exc).__name__


async def readyz(request: HttpRequest) -> JsonResponse:
    """Answer 200 when the database and the task broker answer, else 503 naming what is down."""
    problems = {}
    if error := await sync_to_async(_database_ok)():
        problems["database"] = error
    if error := await sync_to_async(_broker_ok)():
        problems["broker"] = error
    if problems:
        logger.warning("Not ready: %s", problems)
        return JsonResponse({"status": "unavailable", "down": problems}, status=503)
    return JsonResponse({"status": "ok", "mode": "embedded" if settings.EMBEDDED else "production"})


@ensure_csrf_cookie
def spa(request: HttpRequest) -> HttpResponse:
    """Serve the React app's index.html for every client-side route."""
    index = settings.FRONTEND_DIST / "index.html"
    if not index.is_file():
        return HttpResponse(
            "The web app is not built yet: run `make run` (or `npm run build` in frontend/). "
            "The GraphQL API is at /graphql/.",
            status=503,
            content_type="text/plain",
        )
    # A small file: read it whole (a streamed file would be iterated synchronously under ASGI).
    response = HttpResponse(index.read_bytes(), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


def csrf_failure(request: HttpRequest, reason: str = "") -> JsonResponse:
    """Explain a refused CSRF check, coded FORBIDDEN (core.http_errors)."""
    message = (
        "CSRF check failed: send the value of the 'csrftoken' cookie in an 'X-CSRFToken' "
        f"header, or authenticate with 'Authorization: Bearer <token>'. ({reason})"
    )
    return error_response_for(request, FORBIDDEN, message, status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    """Django's 404 handler: a coded JSON error instead of an HTML page."""
    return error_response_for(request, NOT_FOUND, "Nothing is served at this address.", 404)


def server_error(request: HttpRequest) -> JsonResponse:
    """Django's 500 handler: a coded JSON error (core.http_errors); 503 when a dependency is down.

    It answers exceptions raised outside the GraphQL layer too (authenticating a bearer
    token, loading a session), so a client never gets an HTML page from the API.
    """
    request_id = ensure_request_id()
    if isinstance(sys.exc_info()[1], UNAVAILABLE_ERRORS):
        return error_response_for(
            request,
            SERVICE_UNAVAILABLE,
            unavailable_message(request_id),
            503,
            **{"Retry-After": "5"},
        )
    return error_response_for(
        request, INTERNAL_SERVER_ERROR, internal_error_message(request_id), 500
    )
