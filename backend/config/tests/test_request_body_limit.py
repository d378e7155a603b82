"""A request body over REQUEST_MAX_BYTES is refused with 413 by the ASGI entry point, before
the body is read (Content-Length) or as soon as the limit is passed (chunked), so it is never
spooled to disk; bodies within the limit are served as usual."""

import json
import socket

import httpx
import pytest

from imports.models import ImportJob

LIMIT = 1 << 16
UPLOAD = (
    'mutation Upload($file: Upload!) { importProducts(file: $file) { ... on ImportJob { id } } }'
)


@pytest.fixture
def server(live_server_asgi, settings, user):
    settings.REQUEST_MAX_BYTES = LIMIT
    return live_server_asgi


def multipart_fields(size: int) -> dict:
    return {
        "operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
        "map": json.dumps({"0": ["variables.file"]}),
    }, {"0": ("p.csv", b"sku,name\n" + b"a,b\n" * (size // 4), "text/csv")}


def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_sent(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(
            b"POST /graphql/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 50000000\r\n\r\n"
        )  # and not one byte of the body
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk

    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    error = json.loads(body)["errors"][0]
    assert error["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert "REQUEST_MAX_BYTES" in error["message"]


def test_a_chunked_body_is_cut_off_at_the_limit(server):
    def body():
        for _ in range(100):  # 100 x 16 KiB, far over the limit
            yield b"x" * (1 << 14)

    response = httpx.post(
        f"{server.url}/graphql/", content=body(), timeout=10,
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


def test_an_upload_over_the_limit_gets_413_and_makes_no_job(server, user):
    from accounts.services import create_api_token

    _, token = create_api_token(user, "t")
    data, files = multipart_fields(LIMIT * 2)

    response = httpx.post(
        f"{server.url}/graphql/", data=data, files=files, timeout=10,
        headers={"Authorization": f"Bearer {token}"},
    )

    assert response.status_code == 413
    assert ImportJob.objects.count() == 0


def test_an_upload_within_the_limit_is_served(server, user):
    from accounts.services import create_api_token

    _, token = create_api_token(user, "t")
    data, files = multipart_fields(LIMIT // 2)

    response = httpx.post(
        f"{server.url}/graphql/", data=data, files=files, timeout=10,
        headers={"Authorization": f"Bearer {token}"},
    )

    assert response.status_code == 200, response.text
    assert response.json()["data"]["importProducts"]["id"]
    assert ImportJob.objects.count() == 1
