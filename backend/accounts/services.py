"""Account operations: API tokens and the checks behind bearer authentication."""

import secrets
from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import ApiToken, hash_token
from core.text import reject_nul

TOKEN_PREFIX = "pit_"


def create_api_token(user: AbstractBaseUser, name: str) -> tuple[ApiToken, str]:
    """Make a token for ``user``; return the row and the plaintext (shown only this once)."""
    reject_nul({"name": name})
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the token a name, e.g. the app that will use it."})
    if len(name) > 100:
        raise ValidationError({"name": "The name can be at most 100 characters."})
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, token_hash=hash_token(plaintext), prefix=plaintext[:12]
    )
    return token, plaintext


def revoke_api_token(user: AbstractBaseUser, token_pk: int) -> ApiToken:
    """Delete one of ``user``'s tokens; it stops working at once. Return it as it was."""
    token = ApiToken.objects.filter(user=user, pk=token_pk).first()
    if token is None:
        raise ValidationError({"id": "No API token with this id."})
    token.delete()
    token.pk = token_pk  # keep the id so the answer can name what was revoked
    return token


def user_for_token(plaintext: str) -> AbstractBaseUser | None:
    """Return the active user a bearer token belongs to, or None; note when it was used."""
    token = ApiToken.objects.select_related("user").filter(token_hash=hash_token(plaintext)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    precision = timedelta(seconds=settings.API_TOKEN_LAST_USED_PRECISION_SECONDS)
    # One write a minute at most per token, not one per request.
    if token.last_used_at is None or now - token.last_used_at > precision:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


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
