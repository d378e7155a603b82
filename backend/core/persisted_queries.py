"""Persisted queries: Apollo's Automatic Persisted Queries protocol and the web app's allowlist.

A request may carry ``extensions.persistedQuery = {"version": 1, "sha256Hash": "<hex>"}``.
Without a query, the hash is looked up: in the web app's documents (written by its build,
``GRAPHQL_PERSISTED_DOCUMENTS_FILE``), then in the documents learnt from clients (Redis in
production, an in-process LRU when embedded). Unknown: ``PERSISTED_QUERY_NOT_FOUND``, and the
client sends hash and text, which must match and are then kept. With
``GRAPHQL_BROWSER_ALLOWLIST_ONLY`` a browser (cookies, no API token) may run only the web
app's documents. Redis down: learnt documents are not found and not kept (clients resend).
"""

import hashlib
import json
import logging
import re
import threading
from functools import cache
from pathlib import Path
from typing import Any

from cachetools import LRUCache
from django.conf import settings
from django.http import HttpRequest
from redis.exceptions import RedisError

from core import async_redis
from core.graphql_errors import BAD_USER_INPUT, FORBIDDEN

logger = logging.getLogger(__name__)

PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
# Apollo's and urql's clients recognise the miss by this exact message (or the code).
NOT_FOUND_MESSAGE = "PersistedQueryNotFound"
KEY_PREFIX = "graphql-apq:"
# Longer texts run but are not kept (a client resends them each time).
MAX_KEPT_CHARS = 100_000
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


class PersistedQueryError(Exception):
    """A persisted-query request that cannot run; answered as a coded GraphQL error."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        """Keep the ``extensions.code``, the message and the HTTP status for the answer."""
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def sha256_hex(text: str) -> str:
    """The APQ hash of a query text: SHA-256 of its UTF-8 bytes, lowercase hex."""
    return hashlib.sha256(text.encode()).hexdigest()


def documents_file() -> Path:
    """Where the web app's persisted documents are read from."""
    configured = settings.GRAPHQL_PERSISTED_DOCUMENTS_FILE
    return Path(configured) if configured else settings.FRONTEND_DIST / "persisted-documents.json"


@cache
def _allowlist(path: Path) -> dict[str, str]:
    try:
        documents = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    # Keyed by the hash of each text, whatever the file says, so a hash always names its text.
    return {sha256_hex(text): text for text in documents.values()}


def allowlist() -> dict[str, str]:
    """The web app's documents by hash (read once per file)."""
    return _allowlist(documents_file())


def is_browser(request: HttpRequest) -> bool:
    """A request that authenticates with cookies rather than an API token."""
    return "Authorization" not in request.headers and bool(request.COOKIES)


def _requested_hash(extensions: dict[str, Any] | None) -> str | None:
    persisted = (extensions or {}).get("persistedQuery")
    if persisted is None:
        return None
    if not isinstance(persisted, dict):
        raise PersistedQueryError(
            BAD_USER_INPUT,
            'extensions.persistedQuery must be an object: {"version": 1, "sha256Hash": "<hex>"}.',
        )
    if persisted.get("version") != 1:
        raise PersistedQueryError(
            BAD_USER_INPUT,
            f"Persisted query version {persisted.get('version')!r} is not supported; use 1.",
        )
    digest = persisted.get("sha256Hash")
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise PersistedQueryError(
            BAD_USER_INPUT,
            "extensions.persistedQuery.sha256Hash must be 64 hexadecimal characters "
            "(the SHA-256 of the query text).",
        )
    return digest.lower()


def _refuse_unlisted() -> PersistedQueryError:
    return PersistedQueryError(
        FORBIDDEN,
        "This server runs only the web app's own queries for browser sessions. Send other "
        "queries with an API token ('Authorization: Bearer <token>').",
        status=403,
    )


async def resolve(request: HttpRequest, query: str | None, extensions: dict | None) -> str | None:
    """Return the query text to run for this request, or raise ``PersistedQueryError``."""
    digest = _requested_hash(extensions)
    only_listed = settings.GRAPHQL_BROWSER_ALLOWLIST_ONLY and is_browser(request)
    listed = allowlist()
    if digest is None:
        if only_listed and query is not None and sha256_hex(query) not in listed:
            raise _refuse_unlisted()
        return query
    if query is None:
        text = listed.get(digest)
        if text is None and not only_listed:
            text = await _store.get(digest)
        if text is None:
            # 200, as Apollo's server answers a miss: the client's cue to send the text.
            raise PersistedQueryError(PERSISTED_QUERY_NOT_FOUND, NOT_FOUND_MESSAGE, status=200)
        return text
    if sha256_hex(query) != digest:
        raise PersistedQueryError(
            BAD_USER_INPUT,
            "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query text sent "
            "with it: hash the exact text (UTF-8), in lowercase hexadecimal.",
        )
    if digest not in listed:
        if only_listed:
            raise _refuse_unlisted()
        if len(query) <= MAX_KEPT_CHARS:
            await _store.put(digest, query)
    return query


class _Store:
    """Documents learnt from clients: Redis (production) or an in-process LRU (embedded)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._local: LRUCache[str, str] | None = None

    def _memory(self) -> LRUCache[str, str]:
        with self._lock:
            if self._local is None:
                self._local = LRUCache(maxsize=settings.GRAPHQL_PERSISTED_QUERY_CACHE_SIZE)
            return self._local

    async def get(self, digest: str) -> str | None:
        if settings.EMBEDDED:
            memory = self._memory()
            with self._lock:
                return memory.get(digest)
        try:
            text = await async_redis.client().getex(
                KEY_PREFIX + digest, ex=settings.GRAPHQL_PERSISTED_QUERY_TTL_SECONDS
            )
        except (RedisError, OSError):
            logger.warning("Persisted queries: Redis does not answer", exc_info=True)
            return None
        return text.decode() if text is not None else None

    async def put(self, digest: str, text: str) -> None:
        if settings.EMBEDDED:
            memory = self._memory()
            with self._lock:
                memory[digest] = text
            return
        try:
            await async_redis.client().set(
                KEY_PREFIX + digest, text, ex=settings.GRAPHQL_PERSISTED_QUERY_TTL_SECONDS
            )
        except (RedisError, OSError):
            logger.warning("Persisted queries: Redis does not answer", exc_info=True)

    def clear(self) -> None:
        """Forget the in-process documents (tests)."""
        with self._lock:
            self._local = None


_store = _Store()


def forget_learnt() -> None:
    """Forget the documents learnt from clients and the cached allowlist (tests)."""
    _store.clear()
    _allowlist.cache_clear()
    if not settings.EMBEDDED:
        async_redis.delete_prefixed(KEY_PREFIX)
