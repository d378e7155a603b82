"""Send one signed webhook request and classify what happened.

Nothing here touches the database: :func:`send` takes the URL, body and headers and returns a
:class:`SendResult`; :mod:`webhooks.dispatch` records it and schedules what comes next.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import requests

from core.text import plural

from .targets import TargetError, resolve
from .transport import session_for

#: How much of the receiver's answer is kept in the delivery log.
MAX_RESPONSE_BYTES = 4096
_CHUNK = 1024


@dataclass(frozen=True)
class SendResult:
    """The outcome of one attempt.

    ``succeeded`` for any 2xx. ``permanent`` for a failure that retrying cannot fix (410 Gone:
    the receiver asks us to stop, so the webhook is disabled). Everything else that is not a
    success is temporary and retried on the schedule.
    """

    succeeded: bool
    permanent: bool
    status_code: int | None
    duration_ms: int
    error: str
    response_body: str


def send(
    url: str, body: bytes, headers: dict[str, str], *, timeout: float, allow_private: bool
) -> SendResult:
    """POST ``body`` to ``url`` once, without following redirects, and classify the answer.

    The target is resolved and checked first (the private-network guard) and the request goes
    to that address. At most :data:`MAX_RESPONSE_BYTES` of the answer are read: a huge body is
    never read in full. ``timeout`` bounds the connection and each wait for data, and reading
    the answer stops once ``timeout`` has passed in total.
    """
    started = time.monotonic()
    deadline = started + timeout
    try:
        target = resolve(url, allow_private=allow_private)
    except TargetError as exc:
        return _failure(started, f"Not sent: {exc}")
    try:
        with session_for(target).post(
            url,
            data=body,
            headers=headers,
            timeout=(timeout, timeout),
            allow_redirects=False,
            stream=True,
        ) as response:
            status = response.status_code
            location = response.headers.get("Location", "")
            kept = _read_limited(response, deadline)
    except requests.Timeout:
        return _failure(started, f"The receiver did not answer within {plural(timeout, 'second')}.")
    except requests.ConnectionError as exc:
        return _failure(started, f"Could not connect to the receiver: {_reason(exc)}")
    except requests.RequestException as exc:
        return _failure(started, f"The request failed: {_reason(exc)}")
    return _classify(status, location, kept, _elapsed_ms(started))


def _classify(status: int, location: str, kept: str, duration_ms: int) -> SendResult:
    if 200 <= status < 300:
        return SendResult(True, False, status, duration_ms, "", kept)
    if status == 410:
        error = "The receiver answered 410 Gone: it asks for no more deliveries."
        return SendResult(False, True, status, duration_ms, error, kept)
    if 300 <= status < 400:
        error = (
            f"The receiver answered {status}, a redirect to {location or 'nowhere'}; redirects "
            "are not followed. Set the webhook's URL to the final address."
        )
    else:
        error = f"The receiver answered HTTP {status}; a 2xx status is expected."
    return SendResult(False, False, status, duration_ms, error, kept)


def _read_limited(response: requests.Response, deadline: float) -> str:
    """Read at most MAX_RESPONSE_BYTES of the body, stopping early at ``deadline``."""
    kept = bytearray()
    for chunk in response.iter_content(chunk_size=_CHUNK):
        kept += chunk
        if len(kept) >= MAX_RESPONSE_BYTES or time.monotonic() >= deadline:
            break
    # PostgreSQL text cannot hold NUL; the log is for people, so replace it.
    text = bytes(kept[:MAX_RESPONSE_BYTES]).decode("utf-8", errors="replace")
    return text.replace("\x00", "\ufffd")


def _failure(started: float, error: str) -> SendResult:
    return SendResult(False, False, None, _elapsed_ms(started), error, "")


def _elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def _reason(exc: Exception) -> str:
    """The innermost cause of a requests error, short enough for the delivery log."""
    inner: object = exc.args[0] if exc.args else exc
    inner = getattr(inner, "reason", inner)  # urllib3's MaxRetryError wraps the real cause
    text = str(inner) or type(inner).__name__
    return text[:300]
