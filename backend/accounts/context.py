"""The user (and API token) behind a GraphQL call, over HTTP or WebSocket."""

from typing import Any

from asgiref.sync import sync_to_async
from django.utils import timezone
from strawberry import Info

from accounts.models import ApiToken, User


def _request(info: Info) -> Any:
    context = info.context
    return context.get("request") if isinstance(context, dict) else context.request


def _is_websocket(request: Any) -> bool:
    scope = getattr(request, "scope", None)
    return isinstance(scope, dict) and scope.get("type") == "websocket"


def _fresh(user: Any, token: Any) -> tuple[Any, Any]:
    # A socket lives long: read the person and token again, so a deactivation, role change,
    # revocation or expiry counts from the next operation on.
    user = User.objects.filter(pk=user.pk, is_active=True).first()
    if user is None or token is None:
        return user, None
    token = ApiToken.objects.filter(pk=token.pk, user=user).first()
    if token is None or (token.expires_at is not None and token.expires_at <= timezone.now()):
        return None, None
    return user, token


async def caller(info: Info) -> tuple[Any | None, ApiToken | None]:
    """Return the signed-in, active user of this call and the API token used, if any."""
    request = _request(info)
    if _is_websocket(request):
        user, token = request.scope.get("user"), request.scope.get("api_token")
        if user is None or not getattr(user, "is_authenticated", False):
            return None, None
        return await sync_to_async(_fresh)(user, token)
    user = await request.auser()
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None, None
    return user, getattr(request, "api_token", None)


async def current_user(info: Info) -> Any | None:
    """Return the authenticated user of this request or WebSocket, or None."""
    user, _ = await caller(info)
    return user
