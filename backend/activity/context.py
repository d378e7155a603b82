"""The actor of the current request: set once it is known, read by ``record``.

A context variable, so each request (and the worker threads asgiref runs its resolvers in)
sees its own actor; code outside a request (workers, commands) records as "system".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from core.client_ip import client_ip
from core.request_id import current_request_id


@dataclass(frozen=True)
class Actor:
    """A person, optionally through one of their API tokens, and where the request came from."""

    user: Any | None
    token: Any | None = None
    ip: str | None = None
    request_id: str | None = None


SYSTEM = Actor(user=None)
_current: ContextVar[Actor | None] = ContextVar("activity_actor", default=None)


def actor_for(request: HttpRequest | None, user: Any | None, token: Any | None = None) -> Actor:
    """The actor behind ``request``: ``user`` (through ``token``), its address and id."""
    ip = client_ip(request) if request is not None and hasattr(request, "META") else None
    return Actor(user=user, token=token, ip=ip, request_id=current_request_id())


def set_actor(actor: Actor) -> None:
    """Make ``actor`` the one later ``record`` calls of this request name."""
    _current.set(actor)


@contextmanager
def request_scope() -> Iterator[None]:
    """Start a request with no actor and forget its actor when it ends (a sync caller of an
    async view, such as Django's test client, would otherwise see it afterwards)."""
    token = _current.set(None)
    try:
        yield
    finally:
        _current.reset(token)


def current_actor() -> Actor:
    """The actor of this request, or SYSTEM."""
    return _current.get() or SYSTEM
