"""Bearer-token authentication for GraphQL clients in other apps.

``Authorization: Bearer <token>`` sets ``request.user`` to the token's owner. Such requests
carry no ambient credentials, so CSRF checks do not apply to them. A JSON request without
any cookie is exempt for the same reason (a browser cannot send cross-site JSON without a
CORS preflight, which this server does not grant); cookie-carrying requests keep Django's
CSRF protection.
"""

import logging
from collections.abc import Awaitable

from asgiref.sync import iscoroutinefunction, sync_to_async
from django.http import HttpRequest, HttpResponse, JsonResponse

from accounts.models import ApiToken
from accounts.permissions import http_refusal
from accounts.services import token_for
from activity.context import request_scope
from core.graphql_errors import (
    FORBIDDEN,
    SERVICE_UNAVAILABLE,
    UNAUTHENTICATED,
    UNAVAILABLE_ERRORS,
    unavailable_message,
)
from core.http_errors import error_response_for
from core.middleware import HybridMiddleware
from core.request_id import ensure_request_id

logger = logging.getLogger(__name__)


def bearer_token(request: HttpRequest) -> str | None:
    """Return the token of an ``Authorization: Bearer`` header, '' when malformed."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer":
        return ""
    return value.strip()


def _unauthenticated(request: HttpRequest, message: str) -> JsonResponse:
    return error_response_for(
        request, UNAUTHENTICATED, message, 401, **{"WWW-Authenticate": 'Bearer realm="api"'}
    )


def _unavailable(request: HttpRequest) -> JsonResponse:
    logger.exception("Could not check an API token")
    return error_response_for(
        request, SERVICE_UNAVAILABLE, unavailable_message(ensure_request_id()), 503
    )


def _exempt_from_csrf(request: HttpRequest) -> None:
    if not request.COOKIES and request.content_type == "application/json":
        request._dont_enforce_csrf_checks = True  # Django's own switch


class BearerTokenMiddleware(HybridMiddleware):
    """Authenticate ``Authorization: Bearer`` requests; refuse wrong or revoked tokens."""

    def __call__(self, request: HttpRequest) -> HttpResponse | Awaitable[HttpResponse]:
        """Authenticate a bearer request, or pass the request on unchanged."""
        if iscoroutinefunction(self):
            return self.__acall__(request)
        with request_scope():
            return self._call(request)

    def _call(self, request: HttpRequest) -> HttpResponse:
        token = bearer_token(request)
        if token is None:
            _exempt_from_csrf(request)
            return self.get_response(request)
        try:
            found = token_for(token) if token else None
        except UNAVAILABLE_ERRORS:
            return _unavailable(request)
        return self._respond(request, found)

    async def __acall__(self, request: HttpRequest) -> HttpResponse:
        with request_scope():
            return await self._acall(request)

    async def _acall(self, request: HttpRequest) -> HttpResponse:
        token = bearer_token(request)
        if token is None:
            _exempt_from_csrf(request)
            return await self.get_response(request)
        try:
            found = await sync_to_async(token_for)(token) if token else None
        except UNAVAILABLE_ERRORS:
            return _unavailable(request)
        response = self._respond(request, found)
        return await response if not isinstance(response, HttpResponse) else response

    def _respond(self, request: HttpRequest, token: ApiToken | None) -> HttpResponse | Awaitable:
        if token is None:
            return _unauthenticated(
                request,
                "The API token is wrong or was revoked, has expired, or its owner was "
                "deactivated. Create one with createApiToken and send it as "
                "'Authorization: Bearer <token>'."
            )
        user = token.user
        request.user = user
        request.api_token = token
        refused = http_refusal(request, user, token)
        if refused is not None:
            return error_response_for(request, FORBIDDEN, refused, 403)

        async def auser() -> object:
            return user

        request.auser = auser
        request._dont_enforce_csrf_checks = True  # no ambient credentials
        return self.get_response(request)
