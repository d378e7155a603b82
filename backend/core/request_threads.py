"""One thread per HTTP request in flight, reused by later requests instead of made anew.

Under ASGI, Django runs a request's synchronous code (database queries, the token lookup,
its request signals) on one thread of the request's own: its handler opens asgiref's
``ThreadSensitiveContext``, which starts a thread for the request and, when the request
ends, a second one to wait for the first to stop. Starting threads is paid on the event
loop, which waits for each new thread to run, for every request.

:class:`ReusedRequestThreads` wraps the HTTP application in a ``ThreadSensitiveContext``
of its own whose single-thread executor is taken from those left by finished requests
(Django's context then finds one open and keeps it). A request still runs its synchronous
code on one thread that no other request uses meanwhile, as before: only the thread
outlives it, as the threads of a WSGI server do. Its database connection does not: Django
closes it (gives it back to the pool) when the request finishes, as it did. At most
``keep`` idle executors are kept; a burst of more requests than that starts threads again.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import ThreadSensitiveContext
from django.db import connections

from core.body_limit import ASGIApp, Receive, Scope, Send

#: Idle request threads kept for later requests.
KEPT_THREADS = 32


class ReusedRequestThreads:
    """ASGI middleware: each HTTP request's synchronous code on a reused thread."""

    def __init__(self, app: ASGIApp, keep: int = KEPT_THREADS) -> None:
        """Wrap ``app``; keep at most ``keep`` idle threads."""
        self.app = app
        self.keep = keep
        self.idle: list[ThreadPoolExecutor] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve an HTTP request on an idle thread (or a new one); pass anything else on."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        executor = self.idle.pop() if self.idle else self._new_executor()
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.app(scope, receive, send)
        finally:
            # Django's handler has run the request's last synchronous step (closing the
            # response, or the request_finished signal) on this executor and waited for
            # it, so nothing of this request is left queued on it.
            if len(self.idle) < self.keep:
                self.idle.append(executor)
            else:
                executor.shutdown(wait=False)

    def forget_idle(self) -> None:
        """Close the database connections of the idle threads and let the threads end (tests:
        a connection kept open by one test must not be touched by the next)."""
        idle, self.idle = self.idle, []
        for executor in idle:
            executor.submit(connections.close_all).result()
            executor.shutdown(wait=False)

    @staticmethod
    def _new_executor() -> ThreadPoolExecutor:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="request")
