"""A real HTTP server on 127.0.0.1 serving catalogue files to feed tests.

Each path is a `Route`: the body, its ETag and Last-Modified (answered with 304 to a matching
conditional request), the content type, answers to give first (`script`: e.g. 500, 500, then
the file), a pause before answering (`delay`), a redirect (`redirect_to`), a Content-Length
that lies (`declared_length`: the body then breaks off), and a required header or Basic
sign-in. Every request is recorded with its headers.
"""

from __future__ import annotations

import base64
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """How one path answers."""

    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = "text/csv"
    script: deque[int] = field(default_factory=deque)
    delay: float = 0.0
    redirect_to: str | None = None
    declared_length: int | None = None
    basic: tuple[str, str] | None = None
    header: tuple[str, str] | None = None


@dataclass
class Seen:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    status: int


class CatalogueServer:
    """A threaded HTTP server on loopback; use as a context manager."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def base(self) -> str:
        """`http://127.0.0.1:<port>`."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        """The URL of `path` on this server."""
        return self.base + path

    def serve(self, path: str, body: bytes = b"", **kwargs) -> Route:
        """Answer `path` with `body` (and the Route options); return the route to change."""
        route = Route(body=body, **kwargs)
        self.routes[path] = route
        return route

    def hits(self, path: str) -> list[Seen]:
        """Requests made for `path`."""
        return [seen for seen in self.requests if seen.path == path]

    def close(self) -> None:
        """Stop the server."""
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> CatalogueServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                # Recorded before answering, so a client never sees an answer first.
                self._seen = Seen(self.path.split("?", 1)[0], dict(self.headers.items()), 0)
                with server._lock:
                    server.requests.append(self._seen)
                self._answer(server.routes.get(self._seen.path))

            def send_response(self, code: int, message: str | None = None) -> None:
                self._seen.status = code
                super().send_response(code, message)

            def _answer(self, route: Route | None) -> int:
                if route is None:
                    return self._plain(404, b"not found")
                if route.delay:
                    time.sleep(route.delay)
                if route.basic is not None:
                    expected = (
                        "Basic "
                        + base64.b64encode(f"{route.basic[0]}:{route.basic[1]}".encode()).decode()
                    )
                    if self.headers.get("Authorization") != expected:
                        return self._plain(401, b"sign in")
                if (
                    route.header is not None
                    and self.headers.get(route.header[0]) != route.header[1]
                ):
                    return self._plain(403, b"forbidden")
                if route.script:
                    return self._plain(route.script.popleft(), b"scripted answer")
                if route.redirect_to is not None:
                    self.send_response(302)
                    self.send_header("Location", route.redirect_to)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return 302
                if (
                    route.etag
                    and self.headers.get("If-None-Match") == route.etag
                    or (
                        route.last_modified
                        and not route.etag
                        and self.headers.get("If-Modified-Since") == route.last_modified
                    )
                ):
                    self.send_response(304)
                    self._validators(route)
                    self.end_headers()
                    return 304
                self.send_response(200)
                self.send_header("Content-Type", route.content_type)
                self._validators(route)
                declared = route.declared_length
                self.send_header(
                    "Content-Length", str(declared if declared is not None else len(route.body))
                )
                self.end_headers()
                self.wfile.write(route.body)
                if declared is not None:
                    self.close_connection = True
                return 200

            def _validators(self, route: Route) -> None:
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)

            def _plain(self, status: int, body: bytes) -> int:
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return status

        return Handler
