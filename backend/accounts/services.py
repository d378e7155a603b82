"""Account operations: API tokens and the checks behind bearer authentication."""

import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.errors import invalid
from accounts.models import ApiToken, hash_token
from accounts.roles import SCOPES, expand, role_of, scopes_for, token_scopes
from activity.recording import record
from core.text import reject_nul

TOKEN_PREFIX = "pit_"


def clean_scopes(
    user: AbstractBaseUser, scopes: Iterable[str] | None, via: ApiToken | None = None
) -> list[str] | None:
    """The scopes to store: never more than ``user``'s role (nor the calling token's).

    None means everything the owner's role allows (what a token was before scopes), unless
    the caller is itself a scoped token: the new token then gets that token's scopes.
    """
    role = role_of(user)
    ceiling = scopes_for(role) if via is None else token_scopes(via.scopes, role)
    if scopes is None:
        return None if via is None or via.scopes is None else sorted(ceiling)
    wanted = list(dict.fromkeys(scopes))
    unknown = [scope for scope in wanted if scope not in SCOPES]
    if unknown:
        raise invalid("scopes", f"Unknown scope {unknown[0]!r}; use {', '.join(SCOPES)}.",
                      "unknown_scope")
    if not wanted:
        raise invalid("scopes", "Pick at least one scope.", "no_scope")
    beyond = sorted(expand(wanted) - ceiling)
    if beyond:
        raise invalid(
            "scopes",
            f"You may not give a token the {', '.join(beyond)} scope: it is more than your "
            f"{role.label} role{' or this token' if via else ''} allows.",
            "scope_beyond_role",
        )
    return [scope for scope in SCOPES if scope in wanted]


def create_api_token(
    user: AbstractBaseUser,
    name: str,
    scopes: Iterable[str] | None = None,
    expires_at: datetime | None = None,
    via: ApiToken | None = None,
) -> tuple[ApiToken, str]:
    """Make a token for ``user``; return the row and the plaintext (shown only this once)."""
    reject_nul({"name": name})
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the token a name, e.g. the app that will use it."})
    if len(name) > 100:
        raise ValidationError({"name": "The name can be at most 100 characters."})
    stored = clean_scopes(user, scopes, via)
    if expires_at is not None and expires_at <= timezone.now():
        raise invalid("expiresAt", "The expiry must be in the future.", "past")
    if via is not None and via.expires_at is not None:
        # A token cannot outlive the token that made it.
        expires_at = min(expires_at or via.expires_at, via.expires_at)
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name, token_hash=hash_token(plaintext), prefix=plaintext[:12],
            scopes=stored, expires_at=expires_at,
        )
        record("token.created", token, detail={"scopes": stored or "all of the role",
                                                "expires": _iso(expires_at)})
    return token, plaintext


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else "never"


def revoke_api_token(user: AbstractBaseUser, token_pk: int, *, any_owner: bool = False) -> ApiToken:
    """Delete a token of ``user`` (``any_owner``: anyone's); it stops working at once."""
    with transaction.atomic():
        tokens = ApiToken.objects.select_for_update()
        if not any_owner:
            tokens = tokens.filter(user=user)
        token = tokens.select_related("user").filter(pk=token_pk).first()
        if token is None:
            raise ValidationError({"id": "No API token with this id."})
        record("token.revoked", token, detail={"owner": token.user.get_username()})
        token.delete()
    token.pk = token_pk  # keep the id so the answer can name what was revoked
    return token


def tokens_of_everyone() -> Any:
    """Every API token, newest first, with its owner (for admins)."""
    return ApiToken.objects.select_related("user").order_by("-created_at", "-id")


def token_for(plaintext: str) -> ApiToken | None:
    """Return the live token (owner active, not expired) ``plaintext`` is, or None.

    Notes when it was used. ``token.user`` is its owner.
    """
    token = ApiToken.objects.select_related("user").filter(token_hash=hash_token(plaintext)).first()
    now = timezone.now()
    if token is None or not token.user.is_active:
        return None
    if token.expires_at is not None and token.expires_at <= now:
        return None
    precision = timedelta(seconds=settings.API_TOKEN_LAST_USED_PRECISION_SECONDS)
    # One write a minute at most per token, not one per request.
    if token.last_used_at is None or now - token.last_used_at > precision:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def lockout_minutes() -> str:
    """The configured sign-in lock-out (``LOGIN_COOLOFF_MINUTES``) in words: "15 minutes"."""
    minutes = round(float(settings.AXES_COOLOFF_TIME) * 60, 1)
    number = f"{minutes:g}"
    return f"{number} minute" if number == "1" else f"{number} minutes"


def lockout_message() -> str:
    """What a locked-out person reads: why, and for how long."""
    return (
        "Too many failed sign-in attempts. Sign-in for this username is locked for "
        f"{lockout_minutes()}; try again after that."
    )


def wrong_credentials_message(request: HttpRequest, username: str) -> str:
    """The answer to a wrong username or password; warns when one attempt is left."""
    failures = AxesProxyHandler.get_failures(request, {"username": username})
    if settings.AXES_FAILURE_LIMIT - failures == 1:
        return (
            "Wrong username or password. One attempt left: one more failure locks sign-in "
            f"for this username for {lockout_minutes()}."
        )
    return "Wrong username or password."
