"""Refuse request bodies over ``REQUEST_MAX_BYTES`` before any byte of them is stored.

Django's ASGI handler reads the whole body into a spooled temporary file (on disk past 2.5
MiB) before a view or upload handler sees it, and uvicorn has no body limit of its own. This
ASGI wrapper answers 413 at once when ``Content-Length`` is over the limit, and for a body
sent without a length (chunked) stops reading at the limit: the application is told the
client went away (so nothing more is stored) and the client gets the 413.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def _size_text(n: int) -> str:
    return f"{n / (1 << 20):,.1f} MiB".replace(".0 ", " ")


def too_large_body(limit: int) -> bytes:
    """The JSON answer (GraphQL error shape) for a body over ``limit`` bytes."""
    message = (
        f"The request body is larger than this server accepts ({_size_text(limit)}, "
        "REQUEST_MAX_BYTES). Split the file, or compress it with gzip: compressed CSV files "
        "are accepted."
    )
    error = {"message": message, "extensions": {"code": "PAYLOAD_TOO_LARGE"}}
    return json.dumps({"data": None, "errors": [error]}).encode()


class BodySizeLimit:
    """ASGI middleware: 413 for HTTP request bodies over ``limit()`` bytes."""

    def __init__(self, app: ASGIApp, limit: Callable[[], int]) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, or refuse its body."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit()
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await self._refuse(send, limit)
            return
        received = 0
        over = False
        started = False

        async def limited_receive() -> Message:
            nonlocal received, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, limited_receive, tracking_send)
        if over and not started:
            await self._refuse(send, limit)

    @staticmethod
    async def _refuse(send: Send, limit: int) -> None:
        body = too_large_body(limit)
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
