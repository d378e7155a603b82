"""The user behind a GraphQL call, over HTTP or WebSocket."""

from typing import Any

from strawberry import Info


async def current_user(info: Info) -> Any | None:
    """Return the authenticated user of this request or WebSocket, or None."""
    context = info.context
    request = context.get("request") if isinstance(context, dict) else context.request
    scope = getattr(request, "scope", None)
    if isinstance(scope, dict) and "type" in scope and scope["type"] == "websocket":
        user = scope.get("user")
    else:
        user = await request.auser()
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return user
