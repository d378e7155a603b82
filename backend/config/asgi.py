"""ASGI entry point: HTTP through Django, WebSocket to the GraphQL consumer, lifespan.

In embedded mode the lifespan starts the in-process Dramatiq worker (unless
``EMBEDDED_WORKER=0``) and stops it on shutdown.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402 - needs Django set up
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.conf import settings  # noqa: E402
from django.urls import path  # noqa: E402

from config.consumers import BrowserOriginValidator, GraphQLConsumer, allowed_origins  # noqa: E402
from config.schema import schema  # noqa: E402
from core.body_limit import BodySizeLimit  # noqa: E402
from core.embedded_worker import start_embedded_worker, stop_embedded_worker  # noqa: E402
from core.request_threads import ReusedRequestThreads  # noqa: E402


async def lifespan(scope: dict, receive, send) -> None:
    """Start and stop the embedded worker with the server."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            if settings.EMBEDDED and settings.EMBEDDED_WORKER:
                start_embedded_worker()
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            stop_embedded_worker()
            await send({"type": "lifespan.shutdown.complete"})
            return


websocket_app = BrowserOriginValidator(
    AuthMiddlewareStack(
        URLRouter([path("graphql/", GraphQLConsumer.as_asgi(schema=schema))])
    ),
    allowed_origins(),
)

# Each HTTP request's synchronous code on a thread kept from earlier requests.
request_threads = ReusedRequestThreads(django_asgi_app)

application = ProtocolTypeRouter(
    {
        "http": BodySizeLimit(request_threads, lambda: settings.REQUEST_MAX_BYTES),
        "websocket": websocket_app,
        "lifespan": lifespan,
    }
)
