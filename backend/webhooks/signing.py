"""Standard Webhooks signatures (https://www.standardwebhooks.com/), as the contract says.

A secret is ``whsec_`` + base64 of 24 random bytes. A signature is ``v1,`` + base64 of
HMAC-SHA256 over ``"{webhook-id}.{webhook-timestamp}.{body}"``, keyed with the base64-decoded
part after ``whsec_``. During a secret rotation the ``webhook-signature`` header carries one
signature per live secret, separated by spaces; a receiver accepts the message when any
``v1`` signature matches its secret.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import time
from collections.abc import Iterable, Mapping

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 24
#: How far a receiver lets ``webhook-timestamp`` drift from its clock (replay protection).
DEFAULT_TOLERANCE_SECONDS = 5 * 60


class SignatureError(ValueError):
    """A delivery that a receiver must reject: missing headers, stale timestamp, bad signature."""


def generate_secret() -> str:
    """Return a new endpoint secret: ``whsec_`` + base64 of 24 random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


def secret_key(secret: str) -> bytes:
    """Return the HMAC key of ``secret``: the base64-decoded part after the ``whsec_`` prefix.

    The prefix is optional, as in the reference libraries.
    """
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        return base64.b64decode(encoded, validate=True)
    except binascii.Error as exc:
        raise ValueError("A webhook secret must be 'whsec_' followed by base64.") from exc


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """Return the ``v1,<base64>`` signature of one message under one secret."""
    signed = b"%s.%d.%s" % (msg_id.encode("utf-8"), timestamp, body)
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def signature_header(secrets_: Iterable[str], msg_id: str, timestamp: int, body: bytes) -> str:
    """Return the ``webhook-signature`` value: one signature per live secret, space-separated."""
    return " ".join(sign(secret, msg_id, timestamp, body) for secret in secrets_)


def delivery_headers(
    secrets_: Iterable[str], msg_id: str, body: bytes, timestamp: int | None = None
) -> dict[str, str]:
    """Return the HTTP headers of one signed delivery (Standard Webhooks plus content type)."""
    ts = int(time.time()) if timestamp is None else timestamp
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": signature_header(secrets_, msg_id, ts, body),
        "content-type": "application/json",
    }


def verify(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    tolerance: int = DEFAULT_TOLERANCE_SECONDS,
    now: int | None = None,
) -> None:
    """Check a delivery the way a receiver does; raise :class:`SignatureError` if it is bad.

    ``headers`` is looked up case-insensitively. The timestamp must be within ``tolerance``
    seconds of ``now`` and at least one ``v1`` signature must match ``secret``.
    """
    lowered = {key.lower(): value for key, value in headers.items()}
    try:
        msg_id = lowered["webhook-id"]
        raw_timestamp = lowered["webhook-timestamp"]
        header = lowered["webhook-signature"]
    except KeyError as exc:
        raise SignatureError(f"Missing header {exc.args[0]}.") from None
    try:
        timestamp = int(raw_timestamp)
    except ValueError:
        raise SignatureError("webhook-timestamp is not an integer.") from None
    current = int(time.time()) if now is None else now
    if abs(current - timestamp) > tolerance:
        raise SignatureError("webhook-timestamp is too old or too new.")
    expected = sign(secret, msg_id, timestamp, body).encode("ascii")
    for candidate in header.split(" "):
        if candidate.startswith("v1,") and hmac.compare_digest(candidate.encode(), expected):
            return
    raise SignatureError("No signature matches.")
