"""Django's and WhiteNoise's middleware without a thread hop per hook under ASGI.

Django runs the ``process_request``/``process_response``/``process_view`` hooks of its
``MiddlewareMixin`` middleware in a thread (``sync_to_async``) when serving ASGI, in case a
hook does I/O; WhiteNoise's middleware is sync-only, so Django ran the whole rest of the
chain, the async GraphQL view included, through ``sync_to_async`` and back with
``async_to_sync``. That makes about fifteen handovers between the event loop and a thread per
request, each a wake-up of another thread: on a busy 2-core machine a few milliseconds of
every request before any query (the per-request floor, ``bench/request_floor_bench.py``).

The hooks below only read and set headers, cookies and request attributes, so they run on
the event loop. What can do I/O still goes to a thread: saving a modified session, the CSRF
token check of an unsafe request (it may read a form or multipart body), and serving a
static file. In the synchronous path (WSGI, the test client) each class behaves exactly as
Django's or WhiteNoise's own.
"""

from collections.abc import Callable
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async
from django.conf import settings
from django.contrib.auth import middleware as auth
from django.contrib.sessions import middleware as sessions
from django.http import HttpRequest, HttpResponseBase
from django.middleware import clickjacking, common, csrf, security
from whitenoise import middleware as whitenoise

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


class InlineHooksMixin:
    """For a ``MiddlewareMixin`` whose hooks do no I/O: call them on the event loop."""

    get_response: Callable

    async def __acall__(self, request: HttpRequest) -> HttpResponseBase:
        """The async path of ``MiddlewareMixin.__call__``, without ``sync_to_async``."""
        response = None
        if hasattr(self, "process_request"):
            response = self.process_request(request)
        response = response or await self.get_response(request)
        if hasattr(self, "process_response"):
            response = self.process_response(request, response)
        return response


class SecurityMiddleware(InlineHooksMixin, security.SecurityMiddleware):
    """Django's security headers and HTTPS redirect."""


class CommonMiddleware(InlineHooksMixin, common.CommonMiddleware):
    """Django's slash redirect and Content-Length (a URL resolve, no I/O)."""


class AuthenticationMiddleware(InlineHooksMixin, auth.AuthenticationMiddleware):
    """Django's ``request.user``: set lazily, loaded only when read (in a thread)."""


class XFrameOptionsMiddleware(InlineHooksMixin, clickjacking.XFrameOptionsMiddleware):
    """Django's ``X-Frame-Options`` header."""


class SessionMiddleware(InlineHooksMixin, sessions.SessionMiddleware):
    """Django's sessions: the store is made lazily; only a save goes to a thread."""

    async def __acall__(self, request: HttpRequest) -> HttpResponseBase:
        """Attach the (lazy) session; save it in a thread if the request changed it."""
        self.process_request(request)
        response = await self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and (session.modified or settings.SESSION_SAVE_EVERY_REQUEST):
            return await sync_to_async(self.process_response)(request, response)
        return self.process_response(request, response)


class CsrfViewMiddleware(InlineHooksMixin, csrf.CsrfViewMiddleware):
    """Django's CSRF protection; the token check of an unsafe request runs in a thread."""

    async def process_view(
        self, request: HttpRequest, callback: Callable, callback_args: Any, callback_kwargs: Any
    ) -> HttpResponseBase | None:
        """Accept safe, exempt and token-authenticated requests at once; check the rest."""
        check = super().process_view
        if (
            request.method in SAFE_METHODS
            or getattr(request, "_dont_enforce_csrf_checks", False)
            or getattr(callback, "csrf_exempt", False)
            or getattr(request, "csrf_processing_done", False)
        ):
            return check(request, callback, callback_args, callback_kwargs)
        return await sync_to_async(check)(request, callback, callback_args, callback_kwargs)


class WhiteNoiseMiddleware(whitenoise.WhiteNoiseMiddleware):
    """WhiteNoise, able to run in Django's async chain: a file is served from a thread,
    every other request goes straight on (a dictionary lookup decides)."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable, **kwargs: Any) -> None:
        super().__init__(get_response, **kwargs)
        self.async_mode = iscoroutinefunction(get_response)
        if self.async_mode:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        """Serve a static file or pass the request on (async when the chain is)."""
        if self.async_mode:
            return self.__acall__(request)
        return super().__call__(request)

    async def __acall__(self, request: HttpRequest) -> HttpResponseBase:
        if self.autorefresh:  # looks at the disk (DEBUG)
            static_file = await sync_to_async(self.find_file)(request.path_info)
        else:
            static_file = self.files.get(request.path_info)
        if static_file is not None:
            return await sync_to_async(self.serve)(static_file, request)
        return await self.get_response(request)
