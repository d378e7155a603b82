"""Feed credentials encrypted at rest with Fernet (AES-128-CBC with an HMAC, from
`cryptography`).

The key is `FEED_CREDENTIALS_KEY` when set (a Fernet key: `python -c "from
cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`), else one derived
from `SECRET_KEY` with HKDF. A credential is decrypted only to make a request; it is never
returned by the API, logged, or put into a message.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class CredentialUnreadable(Exception):
    """A stored credential does not decrypt with the current key (the key changed)."""


@lru_cache(maxsize=4)
def _fernet(configured: str, secret_key: str) -> Fernet:
    if configured:
        try:
            return Fernet(configured.encode())
        except (ValueError, TypeError):
            raise ImproperlyConfigured(
                "FEED_CREDENTIALS_KEY must be a Fernet key: 32 bytes in URL-safe base64 "
                "(44 characters), e.g. from cryptography.fernet.Fernet.generate_key()."
            ) from None
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"product-importer", info=b"feed-credentials"
    ).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def _key() -> Fernet:
    return _fernet(settings.FEED_CREDENTIALS_KEY or "", str(settings.SECRET_KEY))


def encrypt(value: str) -> str:
    """`value` encrypted (empty stays empty: not set)."""
    return _key().encrypt(value.encode()).decode() if value else ""


def decrypt(token: str) -> str | None:
    """The plain credential in `token` (None when not set); raise CredentialUnreadable when
    it was encrypted with another key."""
    if not token:
        return None
    try:
        return _key().decrypt(token.encode()).decode()
    except InvalidToken:
        raise CredentialUnreadable(
            "A stored credential of this feed cannot be decrypted (FEED_CREDENTIALS_KEY or "
            "SECRET_KEY changed since it was saved): enter the password, header value or "
            "private key again."
        ) from None
