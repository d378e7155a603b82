"""People who sign in, and API tokens for GraphQL clients in other apps."""

import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person who can sign in. An e-mail address is optional.

    ``createsuperuser --noinput`` needs only ``DJANGO_SUPERUSER_USERNAME`` and
    ``DJANGO_SUPERUSER_PASSWORD``.
    """

    class Role(models.TextChoices):
        """What the person may do (accounts/roles.py); a superuser is always an admin."""

        VIEWER = "viewer"
        EDITOR = "editor"
        ADMIN = "admin"

    REQUIRED_FIELDS: list[str] = []

    # Least privilege for new rows; the migration made the people who existed before roles
    # admins, so nothing they could do broke.
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.VIEWER)


def hash_token(plaintext: str) -> str:
    """Return the SHA-256 hex digest under which a token is stored."""
    return hashlib.sha256(plaintext.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token. Only its hash is stored; the plaintext is shown once at creation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12, help_text="The first characters, to recognise it.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    # None: everything the owner's role allows (tokens made before scopes existed).
    scopes = models.JSONField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class Invitation(models.Model):
    """A single-use link that lets a person set a password and join with a role.

    Only the hash of the link's token is stored; the link goes to the invitee by e-mail.
    """

    email = models.EmailField()
    role = models.CharField(max_length=10, choices=User.Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text="The account made when the invitation was accepted.",
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.email} as {self.role}"
