"""The GraphQL WebSocket (``graphql-transport-ws``) with session or bearer-token sign-in."""

from typing import Any

from asgiref.sync import sync_to_async
from channels.security.websocket import OriginValidator
from django.conf import settings
from strawberry.channels import GraphQLWSConsumer
from strawberry.exceptions import ConnectionRejectionError

from accounts.services import token_for


class GraphQLConsumer(GraphQLWSConsumer):
    """Accepts ``{"authorization": "Bearer <token>"}`` in the ``connection_init`` payload.

    Without it the session cookie's user (channels' AuthMiddlewareStack) is used; operations
    of a caller with neither fail with ``UNAUTHENTICATED``. A wrong or revoked token closes
    the socket with 4403.
    """

    async def on_ws_connect(self, context: dict[str, Any]) -> Any:
        """Sign the connection in with the bearer token of its init payload, if any."""
        params = context.get("connection_params") or {}
        header = params.get("authorization") or params.get("Authorization") if isinstance(
            params, dict
        ) else None
        if header is None:
            return await super().on_ws_connect(context)
        scheme, _, token = str(header).partition(" ")
        found = None
        if scheme.lower() == "bearer" and token.strip():
            found = await sync_to_async(token_for)(token.strip())
        if found is None:
            raise ConnectionRejectionError({"message": "The API token is wrong or was revoked."})
        self.scope["user"] = found.user
        self.scope["api_token"] = found  # its scopes apply to every operation
        return await super().on_ws_connect(context)


class BrowserOriginValidator(OriginValidator):
    """Refuse cross-site browser WebSockets (which would carry the session cookie).

    Clients outside a browser send no ``Origin`` and are let through; they must still
    sign in with a token.
    """

    def valid_origin(self, parsed_origin: Any) -> bool:
        """Accept a missing Origin, else only the allowed hosts and trusted origins."""
        if parsed_origin is None:
            return True
        return super().valid_origin(parsed_origin)


def allowed_origins() -> list[str]:
    """Hosts from ALLOWED_HOSTS plus the origins in CSRF_TRUSTED_ORIGINS."""
    return [*settings.ALLOWED_HOSTS, *settings.CSRF_TRUSTED_ORIGINS]
