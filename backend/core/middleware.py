"""A base for middleware that runs in both Django's sync and async request paths."""

from collections.abc import Callable

from asgiref.sync import iscoroutinefunction, markcoroutinefunction


class HybridMiddleware:
    """Sync- and async-capable middleware: marks itself a coroutine under ASGI.

    Subclasses implement ``__call__`` (returning ``self.__acall__(request)`` when
    ``iscoroutinefunction(self)``) and ``__acall__``, as Django's docs describe.
    """

    async_capable = True
    sync_capable = True

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)
