"""One error model over HTTP: every error answer carries a code from ``core.graphql_errors``.

Plain endpoints (downloads, CSV files) answer ``{"error": "<message>", "code": "<CODE>"}``;
the GraphQL endpoint answers in the GraphQL response shape, ``{"data": null, "errors":
[{"message", "extensions": {"code"}}]}``, which GraphQL clients read. The codes are the
same in both (``BAD_USER_INPUT``, ``UNAUTHENTICATED``, ``FORBIDDEN``, ``NOT_FOUND``,
``TOO_MANY_REQUESTS``, ``SERVICE_UNAVAILABLE``, ``INTERNAL_SERVER_ERROR``). Code that can
answer any path (middleware, Django's error handlers) uses ``error_response_for``.
"""

from typing import Any

from django.http import HttpRequest, JsonResponse

# Where the GraphQL endpoint is mounted (config/urls.py).
GRAPHQL_PATH = "/graphql/"


def error_response(code: str, message: str, status: int, **headers: str) -> JsonResponse:
    """The JSON error answer of a plain endpoint: ``{"error": message, "code": code}``."""
    return JsonResponse({"error": message, "code": code}, status=status, headers=headers or None)


def graphql_error_response(
    code: str,
    message: str,
    status: int,
    extensions: dict[str, Any] | None = None,
    **headers: str,
) -> JsonResponse:
    """The error answer of the GraphQL endpoint, for errors found before any GraphQL ran;
    ``extensions`` go at the top level of the answer (beside ``errors``)."""
    body: dict[str, Any] = {
        "data": None,
        "errors": [{"message": message, "extensions": {"code": code}}],
    }
    if extensions:
        body["extensions"] = extensions
    return JsonResponse(body, status=status, headers=headers or None)


def error_response_for(
    request: HttpRequest, code: str, message: str, status: int, **headers: str
) -> JsonResponse:
    """The error answer in the shape the endpoint ``request`` asked for speaks."""
    graphql = request.path_info.startswith(GRAPHQL_PATH)
    respond = graphql_error_response if graphql else error_response
    return respond(code, message, status, **headers)
