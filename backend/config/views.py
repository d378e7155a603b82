"""Plain HTTP endpoints: GraphQL, health checks, the single-page app, CSRF failures."""

import logging

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import ensure_csrf_cookie
from strawberry.django.views import AsyncGraphQLView

logger = logging.getLogger(__name__)


class GraphQLView(AsyncGraphQLView):
    """Django's async GraphQL view; GET in a browser serves GraphiQL."""

    async def render_graphql_ide(self, request: HttpRequest) -> HttpResponse:
        """Serve GraphiQL and make sure the browser has the CSRF cookie it must echo."""
        from django.middleware.csrf import get_token

        response = await super().render_graphql_ide(request)
        get_token(request)
        return response


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
    import redis

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
    """Explain a refused CSRF check in the GraphQL error shape."""
    message = (
        "CSRF check failed: send the value of the 'csrftoken' cookie in an 'X-CSRFToken' "
        f"header, or authenticate with 'Authorization: Bearer <token>'. ({reason})"
    )
    body = {"data": None, "errors": [{"message": message, "extensions": {"code": "CSRF_FAILED"}}]}
    return JsonResponse(body, status=403)


def server_error(request: HttpRequest) -> JsonResponse:
    """Django's 500 handler: a JSON error in the GraphQL shape; 503 when the database is down.

    It answers exceptions raised outside the GraphQL layer too (authenticating a bearer
    token, loading a session), so a client never gets an HTML page from the API.
    """
    import sys

    from django.db import InterfaceError, OperationalError

    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        body = {
            "data": None,
            "errors": [
                {
                    "message": "The database is unavailable right now; try again in a moment.",
                    "extensions": {"code": "SERVICE_UNAVAILABLE"},
                }
            ],
        }
        return JsonResponse(body, status=503, headers={"Retry-After": "5"})
    body = {
        "data": None,
        "errors": [
            {
                "message": "The server failed to answer; the error is in its log.",
                "extensions": {"code": "INTERNAL_SERVER_ERROR"},
            }
        ],
    }
    return JsonResponse(body, status=500)
