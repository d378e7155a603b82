"""E-mails to people: invitations and password resets (Django's e-mail framework)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.http import HttpRequest

from core.text import plural


@dataclass(frozen=True)
class Delivery:
    """How a link reached (or must reach) its person: "smtp", "file" or "none"."""

    mode: str
    folder: str | None = None

    def note(self, address: str) -> str:
        """A sentence for the admin: where the e-mail went, or what to do instead."""
        if self.mode == "smtp":
            return f"An e-mail with the link was sent to {address}."
        if self.mode == "file":
            return (
                f"E-mail is not set up: the message to {address} was written to the folder "
                f"{self.folder} on the server. Copy the link below and send it yourself."
            )
        return "E-mail is not set up (see EMAIL_URL): copy the link below and send it yourself."


def delivery() -> Delivery:
    """The configured e-mail delivery (``EMAIL_DELIVERY``)."""
    mode = getattr(settings, "EMAIL_DELIVERY", "none")
    return Delivery(mode, getattr(settings, "EMAIL_FILE_PATH", None) if mode == "file" else None)


def absolute_link(request: HttpRequest | None, path: str) -> str:
    """``path`` on the app's public address (``APP_URL``, else the request's own)."""
    if settings.APP_URL:
        return settings.APP_URL + path
    if request is None:
        return path
    return request.build_absolute_uri(path)


def send(to: str, subject: str, body: str) -> bool:
    """Send one plain-text e-mail; False when e-mail is not set up at all."""
    if delivery().mode == "none":
        return False
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False)
    return True


def invitation_body(link: str, role: str, inviter: str, hours: int) -> str:
    """The invitation e-mail's text."""
    return (
        f"{inviter} invited you to the Product Importer as {role}.\n\n"
        "Choose your username and password here (the link works once, for "
        f"{plural(hours, 'hour')}):\n{link}\n\nIf you did not expect this, ignore this e-mail.\n"
    )


def reset_body(link: str, username: str, hours: int) -> str:
    """The password-reset e-mail's text."""
    return (
        f"Someone asked to reset the password of {username} on the Product Importer.\n\n"
        "Choose a new password here (the link works once, for "
        f"{plural(hours, 'hour')}):\n{link}\n\n"
        "If it was not you, ignore this e-mail: your password stays as it is.\n"
    )
