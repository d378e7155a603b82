"""Who may call what: every GraphQL operation but ``login`` needs a signed-in user."""

from typing import Any

from strawberry import Info
from strawberry.permission import BasePermission

from accounts.context import current_user


class IsAuthenticated(BasePermission):
    """Allow signed-in users (session or bearer token); others get UNAUTHENTICATED."""

    message = "Sign in first: send a session cookie or 'Authorization: Bearer <token>'."
    error_extensions = {"code": "UNAUTHENTICATED"}

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        """Return whether the caller is an authenticated, active user."""
        user = await current_user(info)
        return user is not None
