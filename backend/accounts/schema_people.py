"""People operations: invitations, roles, deactivation, password resets, everyone's tokens."""

from collections.abc import Iterable

import strawberry
import strawberry_django
from django.conf import settings
from strawberry import Info
from strawberry_django.auth.utils import get_current_user
from strawberry_django.utils.requests import get_request

from accounts import people, services
from accounts.models import ApiToken, User
from accounts.permissions import Allowed
from accounts.roles import OPERATIONS
from accounts.types import (
    ApiTokenScope,
    ApiTokenType,
    EmailDelivery,
    InvitationPreview,
    InvitationSent,
    InvitationType,
    OperationRule,
    Role,
    UserType,
)
from core.ids import node_pk
from core.pagination import ListConnection

AUTH = [Allowed]


@strawberry.type
class Query:
    """People queries."""

    @strawberry_django.connection(ListConnection[UserType], permission_classes=AUTH)
    def people(self) -> Iterable[User]:
        """Everyone who can (or could) sign in, by username."""
        return people.people()

    @strawberry_django.field(permission_classes=AUTH)
    def invitations(self) -> list[InvitationType]:
        """Invitations not accepted or withdrawn yet, newest first."""
        return list(people.open_invitations().select_related("invited_by"))

    @strawberry_django.connection(ListConnection[ApiTokenType], permission_classes=AUTH)
    def all_api_tokens(self) -> Iterable[ApiToken]:
        """Every person's API tokens, newest first."""
        return services.tokens_of_everyone()

    @strawberry_django.field(permission_classes=AUTH)
    def operation_rules(self) -> list[OperationRule]:
        """Who may call each query and mutation (least role, token scope)."""
        return [
            OperationRule(
                operation=name,
                role=Role(rule.role.name.lower()) if rule.role else None,
                scope=ApiTokenScope(rule.scope) if rule.scope else None,
            )
            for name, rule in sorted(OPERATIONS.items())
        ]

    @strawberry_django.field(permission_classes=AUTH)
    def email_delivery(self) -> EmailDelivery:
        """How e-mail leaves the server (EMAIL_URL; in embedded mode a folder by default)."""
        mode = settings.EMAIL_DELIVERY
        return EmailDelivery(
            mode=mode, folder=settings.EMAIL_FILE_PATH if mode == "file" else None
        )

    @strawberry_django.field
    def invitation(self, token: str) -> InvitationPreview:
        """What an invitation link offers; an error when it is used, expired or not valid."""
        found = people.open_invitation(token)
        return InvitationPreview(email=found.email, role=Role(found.role),
                                 expires_at=found.expires_at)


@strawberry.type
class Mutation:
    """People mutations; problems come back as OperationInfo messages with a code."""

    @strawberry_django.mutation(permission_classes=AUTH, handle_django_errors=True)
    def invite_person(self, info: Info, email: str, role: Role) -> InvitationSent:
        """Invite someone by e-mail with a role; the link works once, for a limited time."""
        sent = people.invite(get_current_user(info), email, role.value, get_request(info))
        return InvitationSent(invitation=sent.invitation, delivery_note=sent.note,
                                   link=sent.link)

    @strawberry_django.mutation(permission_classes=AUTH, handle_django_errors=True)
    def revoke_invitation(self, id: strawberry.ID) -> InvitationType:
        """Withdraw an invitation that was not used yet."""
        return people.revoke_invitation(node_pk(id, "Invitation"))

    @strawberry_django.mutation(permission_classes=AUTH, handle_django_errors=True)
    def change_role(self, id: strawberry.ID, role: Role) -> UserType:
        """Give a person another role (the last admin stays an admin)."""
        return people.change_role(node_pk(id, "User"), role.value)

    @strawberry_django.mutation(permission_classes=AUTH, handle_django_errors=True)
    def deactivate_person(self, id: strawberry.ID) -> UserType:
        """Stop a person from signing in: their sessions end and their tokens are revoked."""
        return people.set_active(node_pk(id, "User"), False)

    @strawberry_django.mutation(permission_classes=AUTH, handle_django_errors=True)
    def reactivate_person(self, id: strawberry.ID) -> UserType:
        """Let a deactivated person sign in again."""
        return people.set_active(node_pk(id, "User"), True)

    @strawberry_django.mutation(handle_django_errors=True)
    def accept_invitation(
        self, info: Info, token: str, username: str, password: str
    ) -> UserType:
        """Join through an invitation link: choose a username and password, then sign in."""
        return people.accept(token, username, password, get_request(info))

    @strawberry_django.mutation(handle_django_errors=False)
    def request_password_reset(self, info: Info, login: str) -> bool:
        """E-mail a reset link to the person with this username or e-mail (always true)."""
        people.request_reset(login, get_request(info))
        return True

    @strawberry_django.mutation(handle_django_errors=True)
    def reset_password(self, info: Info, uid: str, token: str, password: str) -> UserType:
        """Set a new password from a reset link (one use; it expires)."""
        return people.reset_password(uid, token, password, get_request(info))
