"""Accounts operations: sign in and out, the current user, API tokens."""

from datetime import datetime

import strawberry
import strawberry_django
from django.contrib import auth
from django.core.exceptions import PermissionDenied, ValidationError
from strawberry import Info
from strawberry_django.auth.utils import get_current_user
from strawberry_django.utils.requests import get_request

from accounts import services
from accounts.models import ApiToken
from accounts.permissions import Allowed, may
from accounts.types import ApiTokenScope, ApiTokenType, CreateApiTokenPayload, UserType
from core.graphql_errors import TOO_MANY_REQUESTS, coded_error
from core.ids import node_pk
from core.text import reject_nul


def _locked_out() -> Exception:
    return coded_error(TOO_MANY_REQUESTS, services.lockout_message())


@strawberry.type
class Query:
    """Accounts queries."""

    @strawberry_django.field
    def me(self, info: Info) -> UserType | None:
        """The signed-in user, or null."""
        user = get_current_user(info)
        return user if getattr(user, "is_authenticated", False) else None

    @strawberry_django.field(permission_classes=[Allowed])
    def api_tokens(self, info: Info) -> list[ApiTokenType]:
        """The caller's API tokens, newest first."""
        return list(ApiToken.objects.filter(user=get_current_user(info)))


@strawberry.type
class Mutation:
    """Accounts mutations."""

    @strawberry_django.mutation(handle_django_errors=False)
    def login(self, info: Info, username: str, password: str) -> UserType:
        """Sign in with a username and password; the answer sets the session cookie."""
        request = get_request(info)
        reject_nul({"username": username, "password": password})
        try:
            user = auth.authenticate(request, username=username, password=password)
        except PermissionDenied:
            raise _locked_out() from None
        if getattr(request, "axes_locked_out", False):
            raise _locked_out()
        if user is None:
            raise ValidationError(
                services.wrong_credentials_message(request, username), code="wrong_credentials"
            )
        auth.login(request, user)
        return user

    @strawberry_django.mutation(handle_django_errors=False)
    def logout(self, info: Info) -> bool:
        """Sign out; true when someone was signed in."""
        request = get_request(info)
        was_signed_in = request.user.is_authenticated
        auth.logout(request)
        return was_signed_in

    @strawberry_django.mutation(permission_classes=[Allowed], handle_django_errors=False)
    def create_api_token(
        self,
        info: Info,
        name: str,
        scopes: list[ApiTokenScope] | None = None,
        expires_at: datetime | None = None,
    ) -> CreateApiTokenPayload:
        """Make an API token; the plaintext ``token`` is in this answer only.

        Without ``scopes`` the token may do everything its owner's role allows.
        """
        request = get_request(info)
        token, plaintext = services.create_api_token(
            get_current_user(info),
            name,
            None if scopes is None else [scope.value for scope in scopes],
            expires_at,
            via=getattr(request, "api_token", None),
        )
        return CreateApiTokenPayload(token=plaintext, api_token=token)

    @strawberry_django.mutation(permission_classes=[Allowed])
    def revoke_api_token(self, info: Info, id: strawberry.ID) -> ApiTokenType:
        """Revoke one of your API tokens (an admin: anyone's); it stops working at once."""
        pk = node_pk(id, "ApiToken")
        user = get_current_user(info)
        token = getattr(get_request(info), "api_token", None)
        # Another person's token: only with what listing everyone's tokens needs.
        return services.revoke_api_token(user, pk, any_owner=may(user, token, "allApiTokens"))
