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

    REQUIRED_FIELDS: list[str] = []


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

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
