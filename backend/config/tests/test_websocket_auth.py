"""The GraphQL WebSocket (graphql-transport-ws): session, bearer token, no credentials."""

import asyncio
import json

import pytest
import websockets
from asgiref.sync import sync_to_async

from accounts.services import create_api_token

ME = "subscription { __typename }"


async def open_socket(server, init_payload=None, headers=None):
    socket = await websockets.connect(
        f"{server.ws_url}/graphql/",
        subprotocols=["graphql-transport-ws"],
        additional_headers=headers or {},
    )
    await socket.send(json.dumps({"type": "connection_init", "payload": init_payload or {}}))
    return socket


async def receive(socket):
    return json.loads(await asyncio.wait_for(socket.recv(), timeout=10))


@pytest.mark.django_db(transaction=True)
async def test_a_valid_bearer_token_in_connection_init_is_acknowledged(live_server_asgi, user):
    _, token = await sync_to_async(create_api_token)(user, "ws")

    socket = await open_socket(live_server_asgi, {"authorization": f"Bearer {token}"})

    assert (await receive(socket))["type"] == "connection_ack"
    await socket.close()


@pytest.mark.django_db(transaction=True)
async def test_a_wrong_token_closes_the_socket_with_4403(live_server_asgi):
    socket = await open_socket(live_server_asgi, {"authorization": "Bearer pit_wrong"})

    with pytest.raises(websockets.ConnectionClosed) as closed:
        await receive(socket)

    assert closed.value.rcvd.code == 4403


@pytest.mark.django_db(transaction=True)
async def test_a_cross_site_browser_origin_is_refused(live_server_asgi):
    with pytest.raises(websockets.InvalidStatus) as refused:
        await open_socket(live_server_asgi, headers={"Origin": "https://evil.example"})

    assert refused.value.response.status_code == 403
