"""The GraphQL playground page (GraphiQL) served at GET /graphql/ to browsers.

The page is built with the web app (``frontend/playground/index.html`` becomes
``FRONTEND_DIST/playground/index.html``) and every asset it loads comes from this
server (WhiteNoise serves ``FRONTEND_DIST``), so it works on a closed network. Its
Content-Security-Policy says so to the browser: nothing may load from another host.
"""

from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

# Monaco (the editor) adds <style> elements at run time, and GraphiQL's fonts are data: URLs;
# scripts, workers and connections (HTTP and the subscription WebSocket) stay on this origin.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "worker-src 'self'",
        "connect-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


def playground_index() -> Path:
    """Where the built playground page lives."""
    return settings.FRONTEND_DIST / "playground" / "index.html"


def playground_response(request: HttpRequest) -> HttpResponse:
    """Answer with the built playground page and the CSRF cookie its POSTs must echo.

    Without a build it answers 503 saying how to make one (the API itself works).
    """
    get_token(request)  # sets the csrftoken cookie on this response
    index = playground_index()
    if not index.is_file():
        return HttpResponse(
            "The GraphQL playground is not built yet: run `make run` (or `npm run build` in "
            "frontend/). The API answers POST /graphql/ without it.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    # A small file: read it whole (a streamed file would be iterated synchronously under ASGI).
    response = HttpResponse(index.read_bytes(), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response
