"""The middleware's async path (core/async_middleware.py): same behaviour, fewer thread hops.

The other session and CSRF tests use Django's synchronous test client; these go through the
ASGI path, where the hooks run on the event loop and only I/O goes to a thread.
"""

import json

import asgiref.sync
import pytest
from django.test import AsyncClient

from conftest import PASSWORD

LOGIN = """
mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { id username } }
"""
ME = "query { me { id username } }"


@pytest.mark.django_db(transaction=True)
async def test_a_session_post_without_the_csrf_token_is_refused(user):
    browser = AsyncClient(enforce_csrf_checks=True)
    await browser.aforce_login(user)

    response = await browser.post(
        "/graphql/", {"query": "{ apiTokens { id } }"}, content_type="application/json"
    )

    assert response.status_code == 403
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert "X-CSRFToken" in error["message"]


@pytest.mark.django_db(transaction=True)
async def test_login_saves_the_session_and_the_rotated_csrf_token_is_accepted(user):
    browser = AsyncClient(enforce_csrf_checks=True)
    await browser.get("/")  # the app's page sets the csrftoken cookie
    token = browser.cookies["csrftoken"].value
    login = await browser.post(
        "/graphql/",
        {"query": LOGIN, "variables": {"u": "alice", "p": PASSWORD}},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert login.json()["data"]["login"]["username"] == "alice"
    assert browser.cookies["sessionid"].value  # the modified session was saved

    rotated = browser.cookies["csrftoken"].value
    assert rotated != token
    me = await browser.post(
        "/graphql/", {"query": ME}, content_type="application/json",
        headers={"X-CSRFToken": rotated},
    )

    assert me.json()["data"]["me"]["username"] == "alice"


async def test_a_request_crosses_to_a_thread_only_for_the_request_signals(monkeypatch):
    """``/healthz`` through the real ASGI application: no middleware hook takes a thread.

    Before, each of Django's middleware hooks and WhiteNoise made one: 13 ``sync_to_async``
    and one ``async_to_sync`` per request. What is left (2 or 3): the request-started
    signal and the response's close (request-finished), which close the request thread's
    database connections.
    """
    from config.asgi import application

    hops = {"sync_to_async": 0, "async_to_sync": 0}
    to_thread, to_loop = asgiref.sync.SyncToAsync.__call__, asgiref.sync.AsyncToSync.__call__

    async def counted_to_thread(self, *args, **kwargs):
        hops["sync_to_async"] += 1
        return await to_thread(self, *args, **kwargs)

    def counted_to_loop(self, *args, **kwargs):
        hops["async_to_sync"] += 1
        return to_loop(self, *args, **kwargs)

    monkeypatch.setattr(asgiref.sync.SyncToAsync, "__call__", counted_to_thread)
    monkeypatch.setattr(asgiref.sync.AsyncToSync, "__call__", counted_to_loop)
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": "/healthz", "raw_path": b"/healthz", "query_string": b"",
        "root_path": "", "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 40000), "server": ("127.0.0.1", 80),
    }
    received = False
    sent = []

    async def receive():
        nonlocal received
        if received:
            return {"type": "http.disconnect"}
        received = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await application(scope, receive, send)

    assert sent[0]["status"] == 200
    assert json.loads(b"".join(m.get("body", b"") for m in sent[1:])) == {"status": "ok"}
    assert hops["sync_to_async"] <= 3 and hops["async_to_sync"] == 0, hops
