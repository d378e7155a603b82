"""Sign-ins, failed sign-ins and sign-outs go to the activity log (Django's auth signals)."""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from activity.context import actor_for
from activity.recording import record

UID = "accounts.activity"


@receiver(user_logged_in, dispatch_uid=UID)
def on_sign_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """auth.signed_in"""
    record("auth.signed_in", user, actor=actor_for(request, user))


@receiver(user_login_failed, dispatch_uid=UID)
def on_sign_in_failed(sender: Any, credentials: dict[str, Any], request: Any = None,
                      **kwargs: Any) -> None:
    """auth.sign_in_failed, with the username tried (never the password)."""
    username = str(credentials.get("username", ""))[:150]
    record("auth.sign_in_failed", actor=actor_for(request, None), label=username,
           detail={"username": username})


@receiver(user_logged_out, dispatch_uid=UID)
def on_sign_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """auth.signed_out"""
    if user is not None:
        record("auth.signed_out", user, actor=actor_for(request, user))
