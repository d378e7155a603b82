"""GraphQL types of the accounts app."""

import strawberry
import strawberry_django
from django.contrib.auth import get_user_model
from strawberry import auto, relay

from accounts.models import ApiToken


@strawberry_django.type(get_user_model(), name="User")
class UserType(relay.Node):
    """A person who can sign in."""

    username: auto


@strawberry_django.type(ApiToken, name="ApiToken")
class ApiTokenType(relay.Node):
    """A bearer token for a GraphQL client in another app (the plaintext is never shown again)."""

    name: auto
    prefix: auto
    created_at: auto
    last_used_at: auto


@strawberry.type
class CreateApiTokenPayload:
    """A new token: ``token`` is the plaintext, returned only this once."""

    token: str
    api_token: ApiTokenType
