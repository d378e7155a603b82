"""A request id for every HTTP request: in the ``X-Request-ID`` header and on every log line.

A sane incoming ``X-Request-ID`` (a proxy's or a client's) is kept so one id follows a request
across systems; anything else is replaced by a fresh one. The id lives in a context variable,
so log records made while the request is handled, also in ``sync_to_async`` threads, carry it.
"""

import logging
import re
import uuid
from collections.abc import Awaitable
from contextvars import ContextVar

from asgiref.sync import iscoroutinefunction
from django.http import HttpRequest, HttpResponse

from core.middleware import HybridMiddleware

HEADER = "X-Request-ID"
_SANE = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_current: ContextVar[str | None] = ContextVar("request_id", default=None)


def new_request_id() -> str:
    """Return a fresh request id (32 hex digits)."""
    return uuid.uuid4().hex


def accepted_request_id(incoming: str | None) -> str:
    """Return ``incoming`` if sane (1-128 letters, digits or ``._:-``), else a new id."""
    if incoming is not None and _SANE.fullmatch(incoming):
        return incoming
    return new_request_id()


def current_request_id() -> str | None:
    """Return the id of the request being handled, or None outside a request."""
    return _current.get()


def ensure_request_id() -> str:
    """Return the current request id, making one for this context when there is none."""
    request_id = _current.get()
    if request_id is None:
        request_id = new_request_id()
        _current.set(request_id)
    return request_id


class RequestIdMiddleware(HybridMiddleware):
    """Give each request an id (``request.request_id``) and answer it in ``X-Request-ID``."""

    def __call__(self, request: HttpRequest) -> HttpResponse | Awaitable[HttpResponse]:
        """Handle the request with its id set; add the header to the response."""
        if iscoroutinefunction(self):
            return self.__acall__(request)
        token = _current.set(self._start(request))
        try:
            return self._finish(request, self.get_response(request))
        finally:
            _current.reset(token)

    async def __acall__(self, request: HttpRequest) -> HttpResponse:
        token = _current.set(self._start(request))
        try:
            return self._finish(request, await self.get_response(request))
        finally:
            _current.reset(token)

    @staticmethod
    def _start(request: HttpRequest) -> str:
        request.request_id = accepted_request_id(request.headers.get(HEADER))
        return request.request_id

    @staticmethod
    def _finish(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        response[HEADER] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    """Put the current request id (``-`` outside a request) on each record as ``request_id``."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Annotate ``record``; never drop it."""
        if not hasattr(record, "request_id"):
            record.request_id = _current.get() or "-"
        return True
