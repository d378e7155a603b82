"""A real HTTP receiver on 127.0.0.1 for webhook tests and the benchmark.

It records every request (path, headers, body, time received) and answers according to a
behaviour: ``"200"``, ``"500"``, ``"410"``, ``"hang"`` (sleeps ``hang_seconds`` before
answering), ``"redirect"`` (302), ``"huge"`` (200 with a 5 MB body), ``"close"`` (drops the
connection without answering). ``script`` queues behaviours for the next requests, then
``behaviour`` applies again.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from requests.structures import CaseInsensitiveDict

HUGE_BODY_BYTES = 5 * 1024 * 1024


@dataclass
class ReceivedRequest:
    """One request as the receiver saw it."""

    path: str
    headers: CaseInsensitiveDict[str]
    body: bytes
    received_at: float
    #: How the receiver answered it: ``"200"``, ``"500"``, ``"hang"``, ...
    behaviour: str = ""


class Receiver:
    """A threaded HTTP server on loopback; use as a context manager or call ``close``."""

    def __init__(self, behaviour: str = "200", hang_seconds: float = 30.0) -> None:
        self.behaviour = behaviour
        self.hang_seconds = hang_seconds
        #: Answers sent so far (a hanging request counts once it is answered).
        self.answered = 0
        #: Set when the sender closed the connection while a huge answer was being written.
        self.huge_cut_off = threading.Event()
        self.requests: list[ReceivedRequest] = []
        #: Client ports seen: one per TCP connection, so keep-alive shows as reuse.
        self.client_ports: set[int] = set()
        self._script: deque[str] = deque()
        self._changed = threading.Condition()
        self._closing = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """The receiver's base URL, e.g. ``http://127.0.0.1:54321``."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def script(self, *behaviours: str) -> None:
        """Answer the next requests with ``behaviours`` in order."""
        with self._changed:
            self._script.extend(behaviours)

    def wait_for(self, count: int, timeout: float = 10.0) -> list[ReceivedRequest]:
        """Block until ``count`` requests arrived; raise AssertionError after ``timeout``."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.requests) >= count, timeout):
                raise AssertionError(
                    f"receiver got {len(self.requests)} requests within {timeout}s, "
                    f"expected {count}"
                )
            return list(self.requests)

    def release(self) -> None:
        """Answer the hanging requests now (200), and hang no more from here on."""
        self._closing.set()

    def close(self) -> None:
        """Stop serving and release hanging handlers."""
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Receiver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _next_behaviour(self) -> str:
        with self._changed:
            return self._script.popleft() if self._script else self.behaviour

    def _record(self, request: ReceivedRequest, client_port: int) -> None:
        with self._changed:
            self.client_ports.add(client_port)
            self.requests.append(request)
            self._changed.notify_all()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, like real receivers

            def do_POST(self) -> None:  # http.server calls do_<METHOD>
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                behaviour = receiver._next_behaviour()
                receiver._record(
                    ReceivedRequest(
                        self.path,
                        CaseInsensitiveDict(self.headers.items()),
                        body,
                        time.time(),
                        behaviour,
                    ),
                    self.client_address[1],
                )
                self._answer(behaviour)

            def _answer(self, behaviour: str) -> None:
                if behaviour == "hang":
                    receiver._closing.wait(receiver.hang_seconds)
                    self._reply(200, b"late")
                elif behaviour == "close":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                elif behaviour == "redirect":
                    self._reply(302, b"", {"Location": "http://127.0.0.1:9/elsewhere"})
                elif behaviour == "huge":
                    self._reply_huge()
                else:
                    self._reply(int(behaviour), f"answer {behaviour}".encode())

            def _reply(self, status: int, body: bytes, headers: dict | None = None) -> None:
                receiver.answered += 1
                self.send_response(status)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _reply_huge(self) -> None:
                self.send_response(200)
                self.send_header("Content-Length", str(HUGE_BODY_BYTES))
                self.end_headers()
                chunk = b"x" * 65536
                try:
                    for _ in range(HUGE_BODY_BYTES // len(chunk)):
                        self.wfile.write(chunk)
                except OSError:  # the sender stopped reading and closed: what we want
                    receiver.huge_cut_off.set()
                self.close_connection = True

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler


def closed_port() -> int:
    """A loopback port that refuses connections (bound, then closed at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_port_url() -> str:
    """A loopback URL whose port refuses connections."""
    return f"http://127.0.0.1:{closed_port()}/hook"
