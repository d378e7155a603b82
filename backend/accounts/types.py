"""GraphQL types of the accounts app."""

from datetime import datetime
from enum import Enum

import strawberry
import strawberry_django
from django.contrib.auth import get_user_model
from strawberry import auto, relay

from accounts.models import ApiToken, Invitation
from accounts.roles import OPERATIONS, refusal, role_of


@strawberry.enum(description="What a person may do: each role may do all a lower one may.")
class Role(Enum):
    """Viewer reads; Editor also changes products and runs imports; Admin also manages."""

    VIEWER = "viewer"
    EDITOR = "editor"
    ADMIN = "admin"


@strawberry.enum(name="ApiTokenScope", description="What an API token may be used for.")
class ApiTokenScope(Enum):
    """Scopes; a token never holds more than its owner's role allows."""

    PRODUCTS_READ = "products:read"
    PRODUCTS_WRITE = "products:write"
    IMPORTS = "imports"
    WEBHOOKS = "webhooks"
    ADMIN = "admin"


@strawberry_django.type(get_user_model(), name="User")
class UserType(relay.Node):
    """A person who can sign in."""

    username: auto
    email: auto
    is_active: auto
    date_joined: auto
    last_login: auto

    @strawberry_django.field(only=["role", "is_superuser"])
    def role(self, root: strawberry.Parent[object]) -> Role:
        """The person's role (a superuser is an admin)."""
        return Role(role_of(root).name.lower())

    @strawberry_django.field(
        only=["role", "is_superuser"],
        description="The root fields this person's role allows (for hiding what it cannot do).",
    )
    def allowed_operations(self, root: strawberry.Parent[object]) -> list[str]:
        """Names of the queries and mutations the role allows."""
        role = role_of(root)
        return sorted(
            name for name, rule in OPERATIONS.items() if refusal(rule, role, None) is None
        )


@strawberry_django.type(ApiToken, name="ApiToken")
class ApiTokenType(relay.Node):
    """A bearer token for a GraphQL client in another app (the plaintext is never shown again)."""

    name: auto
    prefix: auto
    created_at: auto
    last_used_at: auto
    expires_at: auto
    owner: UserType = strawberry_django.field(field_name="user")

    @strawberry_django.field(
        only=["scopes"],
        description="The token's scopes; null: everything its owner's role allows.",
    )
    def scopes(self, root: strawberry.Parent[ApiToken]) -> list[ApiTokenScope] | None:
        """The stored scopes."""
        return None if root.scopes is None else [ApiTokenScope(s) for s in root.scopes]


@strawberry.type
class CreateApiTokenPayload:
    """A new token: ``token`` is the plaintext, returned only this once."""

    token: str
    api_token: ApiTokenType


@strawberry_django.type(Invitation, name="Invitation")
class InvitationType(relay.Node):
    """An invitation to join with a role (the link itself is never shown again)."""

    email: auto
    created_at: auto
    expires_at: auto
    invited_by: UserType | None

    @strawberry_django.field(only=["role"])
    def role(self, root: strawberry.Parent[Invitation]) -> Role:
        """The role the invitee gets."""
        return Role(root.role)


@strawberry.type
class InvitationSent:
    """A new invitation; ``link`` only when it was not e-mailed (copy it and pass it on)."""

    invitation: InvitationType
    delivery_note: str
    link: str | None


@strawberry.type
class OperationRule:
    """Who may call one root field: the least role, and the scope a token needs."""

    operation: str
    role: Role | None
    scope: ApiTokenScope | None


@strawberry.type
class EmailDelivery:
    """How e-mail leaves the server: SMTP, files in a folder, or not at all."""

    mode: str
    folder: str | None


@strawberry.type
class InvitationPreview:
    """What an invitation link offers, shown before the invitee chooses a password."""

    email: str
    role: Role
    expires_at: datetime
