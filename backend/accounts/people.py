"""People: invitations, roles, deactivation and password resets.

Every change writes its activity entry in the same transaction. Links carry a random token
(invitations, only its hash is stored) or Django's password-reset token (one use: it dies
once the password changes), and both expire.
"""

from __future__ import annotations

import logging
import secrets
import smtplib
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from accounts import emails
from accounts.errors import invalid
from accounts.models import Invitation, User, hash_token
from accounts.roles import ROLE_NAMES, Role, role_of
from activity.context import actor_for
from activity.recording import record
from core.text import reject_nul

logger = logging.getLogger(__name__)

INVALID_LINK = "This invitation link is not valid. Ask an admin for a new invitation."


@dataclass(frozen=True)
class SentInvitation:
    """A new invitation, how it was delivered, and the link when the admin must pass it on."""

    invitation: Invitation
    note: str
    link: str | None


def _role(value: str) -> str:
    if value not in ROLE_NAMES:
        raise invalid("role", f"Unknown role {value!r}; use viewer, editor or admin.",
                      "unknown_role")
    return value


def _send(to: str, subject: str, body: str, field: str) -> bool:
    try:
        return emails.send(to, subject, body)
    except (OSError, smtplib.SMTPException):
        logger.exception("Could not send an e-mail")
        raise invalid(field, "The e-mail could not be sent: the mail server did not accept "
                      "it. Check the e-mail settings (EMAIL_URL) and try again.",
                      "email_failed") from None


def invite(inviter: Any, email: str, role: str, request: HttpRequest | None) -> SentInvitation:
    """Invite ``email`` as ``role``; e-mail the single-use link (or return it to copy)."""
    reject_nul({"email": email})
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError:
        raise invalid("email", "Enter a valid e-mail address.", "invalid") from None
    _role(role)
    if User.objects.filter(email__iexact=email, is_active=True).exists():
        raise invalid("email", "Someone with this e-mail address is already a member.",
                      "email_taken")
    plaintext = secrets.token_urlsafe(32)
    hours = settings.INVITATION_TTL_HOURS
    link = emails.absolute_link(request, f"/invitation/{plaintext}")
    with transaction.atomic():
        invitation = Invitation.objects.create(
            email=email, role=role, token_hash=hash_token(plaintext), invited_by=inviter,
            expires_at=timezone.now() + timedelta(hours=hours),
        )
        record("person.invited", invitation, label=email, detail={"role": role})
        body = emails.invitation_body(link, ROLE_NAMES[role].label, inviter.get_username(), hours)
        _send(email, "You are invited to the Product Importer", body, "email")
    delivery = emails.delivery()
    shown = None if delivery.mode == "smtp" else link
    return SentInvitation(invitation, delivery.note(email), shown)


def open_invitation(plaintext: str, *, lock: bool = False) -> Invitation:
    """The invitation a link's token names, if it can still be accepted; else a coded error."""
    rows = Invitation.objects.select_for_update() if lock else Invitation.objects
    invitation = rows.filter(token_hash=hash_token(plaintext or "")).first()
    if invitation is None:
        raise invalid("token", INVALID_LINK, "invitation_invalid")
    if invitation.accepted_at is not None:
        raise invalid("token", "This invitation was already used. Sign in, or ask an admin "
                      "for a new one.", "invitation_used")
    if invitation.revoked_at is not None:
        raise invalid("token", "This invitation was withdrawn by an admin.",
                      "invitation_revoked")
    if invitation.expires_at <= timezone.now():
        raise invalid("token", "This invitation has expired. Ask an admin to invite you "
                      "again.", "invitation_expired")
    return invitation


def accept(plaintext: str, username: str, password: str, request: HttpRequest | None) -> User:
    """Make the invited person's account with ``username`` and ``password``; the link dies."""
    reject_nul({"username": username, "password": password})
    with transaction.atomic():
        invitation = open_invitation(plaintext, lock=True)
        user = User(username=username.strip(), email=invitation.email, role=invitation.role)
        try:
            user.full_clean(exclude=["password"])
        except ValidationError as exc:
            messages = exc.message_dict.get("username", exc.messages)
            raise invalid("username", messages, "invalid") from None
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise invalid("password", exc.messages, "password_too_weak") from None
        user.set_password(password)
        user.save()
        invitation.accepted_at = timezone.now()
        invitation.user = user
        invitation.save(update_fields=["accepted_at", "user"])
        record("person.joined", user, actor=actor_for(request, user),
               detail={"role": user.role, "invited_by": _name(invitation.invited_by)})
    return user


def _name(user: Any) -> str:
    return user.get_username() if user is not None else ""


def revoke_invitation(invitation_pk: int) -> Invitation:
    """Withdraw an invitation that was not used yet."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(
            pk=invitation_pk, accepted_at__isnull=True, revoked_at__isnull=True
        ).first()
        if invitation is None:
            raise invalid("id", "No open invitation with this id.", "not_found")
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        record("person.invitation_revoked", invitation, label=invitation.email)
    return invitation


def open_invitations() -> QuerySet[Invitation]:
    """Invitations not yet accepted or withdrawn, newest first (expired ones included)."""
    return Invitation.objects.filter(accepted_at__isnull=True, revoked_at__isnull=True)


def _admins_locked() -> list[int]:
    rows = User.objects.select_for_update().filter(is_active=True)
    admins = rows.filter(Q(role=User.Role.ADMIN) | Q(is_superuser=True))
    return list(admins.values_list("pk", flat=True))


def _person(pk: int) -> User:
    person = User.objects.select_for_update().filter(pk=pk).first()
    if person is None:
        raise invalid("id", "No person with this id.", "not_found")
    return person


def _keep_an_admin(person: User, message: str) -> None:
    if _admins_locked() == [person.pk]:
        raise invalid("id", message, "last_admin")


def change_role(person_pk: int, role: str) -> User:
    """Give a person another role; the last active admin cannot be demoted."""
    _role(role)
    with transaction.atomic():
        person = _person(person_pk)
        before = role_of(person)
        if ROLE_NAMES[role] < Role.ADMIN and before == Role.ADMIN and person.is_active:
            _keep_an_admin(person, "This is the last admin: make someone else an admin first.")
        person.role = role
        person.is_superuser = person.is_superuser and role == User.Role.ADMIN
        person.save(update_fields=["role", "is_superuser"])
        record("person.role_changed", person,
               detail={"from": before.name.lower(), "to": role})
    return person


def set_active(person_pk: int, active: bool) -> User:
    """Deactivate (sessions end, tokens are revoked, at once) or reactivate a person."""
    with transaction.atomic():
        person = _person(person_pk)
        if not active and role_of(person) == Role.ADMIN and person.is_active:
            _keep_an_admin(person, "This is the last admin: make someone else an admin first.")
        person.is_active = active
        person.save(update_fields=["is_active"])
        detail = {}
        if not active:
            # Revoked rather than paused: reactivating someone does not revive old tokens.
            detail["revoked_count"], _ = person.api_tokens.all().delete()
        record("person.reactivated" if active else "person.deactivated", person, detail=detail)
    return person


def request_reset(login: str, request: HttpRequest | None) -> None:
    """E-mail a reset link to the active person with this username or e-mail, if any.

    Answers the same whether or not someone matched, so nobody can probe for accounts.
    """
    reject_nul({"login": login})
    login = login.strip()
    if not login:
        return
    person = User.objects.filter(
        Q(username=login) | Q(email__iexact=login), is_active=True
    ).exclude(email="").first()
    if person is None:
        return
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    token = default_token_generator.make_token(person)
    link = emails.absolute_link(request, f"/reset-password/{uid}/{token}")
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    with transaction.atomic():
        record("person.password_reset_requested", person, actor=actor_for(request, None))
        _send(person.email, "Reset your Product Importer password",
              emails.reset_body(link, person.get_username(), hours), "login")


def reset_password(uid: str, token: str, password: str, request: HttpRequest | None) -> User:
    """Set a new password from a reset link; the link then stops working."""
    reject_nul({"uid": uid, "token": token, "password": password})
    bad_link = invalid("token", "This reset link is not valid: it was used, it expired or "
                       "it was changed. Ask for a new one.", "reset_link_invalid")
    try:
        pk = int(force_str(urlsafe_base64_decode(uid)))
    except (ValueError, TypeError, OverflowError):
        raise bad_link from None
    with transaction.atomic():
        person = User.objects.select_for_update().filter(pk=pk, is_active=True).first()
        if person is None or not default_token_generator.check_token(person, token):
            raise bad_link
        try:
            validate_password(password, person)
        except ValidationError as exc:
            raise invalid("password", exc.messages, "password_too_weak") from None
        person.set_password(password)
        person.save(update_fields=["password"])
        record("person.password_reset", person, actor=actor_for(request, person))
    return person


def people() -> QuerySet[User]:
    """Everyone, by username."""
    return User.objects.order_by("username")
