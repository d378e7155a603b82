"""Sending one request to a real loopback receiver and classifying the outcome."""

import json
import time

from webhooks import delivery, signing
from webhooks.tests.receiver import closed_port_url

SECRET = signing.generate_secret()


def post(url, *, timeout=2.0, allow_private=True, body=b'{"type": "webhook.test"}'):
    headers = signing.delivery_headers([SECRET], "msg_test", body)
    return delivery.send(url, body, headers, timeout=timeout, allow_private=allow_private)


def test_2xx_is_success_and_the_receiver_can_verify_the_signature(receiver):
    result = post(receiver.url + "/hook", body=b'{"type": "webhook.test", "data": {}}')

    assert result.succeeded and not result.permanent
    assert (result.status_code, result.error, result.response_body) == (200, "", "answer 200")
    [request] = receiver.wait_for(1)
    assert request.path == "/hook"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Host"] == receiver.url.removeprefix("http://")
    signing.verify(SECRET, request.headers, request.body)
    assert json.loads(request.body)["type"] == "webhook.test"


def test_500_is_a_temporary_failure(receiver):
    receiver.behaviour = "500"
    result = post(receiver.url)

    assert not result.succeeded and not result.permanent
    assert result.status_code == 500
    assert "HTTP 500" in result.error
    assert result.response_body == "answer 500"


def test_410_gone_is_a_permanent_failure(receiver):
    receiver.behaviour = "410"
    result = post(receiver.url)

    assert (result.succeeded, result.permanent, result.status_code) == (False, True, 410)
    assert "410 Gone" in result.error


def test_a_receiver_that_hangs_is_cut_off_at_the_timeout(receiver):
    receiver.behaviour = "hang"  # for 30 s
    result = post(receiver.url, timeout=0.5)

    assert receiver.answered == 0  # the sender gave up before the receiver answered
    assert (result.succeeded, result.permanent, result.status_code) == (False, False, None)
    assert "did not answer within 0.5 seconds" in result.error
    assert result.duration_ms >= 400


def test_a_refused_connection_is_a_temporary_failure():
    result = post(closed_port_url())

    assert (result.succeeded, result.permanent, result.status_code) == (False, False, None)
    assert "Could not connect" in result.error
    assert "refused" in result.error.lower()


def test_a_dropped_connection_is_a_temporary_failure(receiver):
    receiver.behaviour = "close"
    result = post(receiver.url)

    assert (result.succeeded, result.permanent, result.status_code) == (False, False, None)
    assert "Could not connect" in result.error or "failed" in result.error


def test_a_redirect_is_not_followed(receiver):
    receiver.behaviour = "redirect"
    result = post(receiver.url + "/old")

    assert (result.succeeded, result.permanent, result.status_code) == (False, False, 302)
    assert "redirect to http://127.0.0.1:9/elsewhere" in result.error
    assert [r.path for r in receiver.wait_for(1)] == ["/old"]


def test_a_huge_answer_is_cut_at_4_kb_without_reading_it_all(receiver):
    receiver.behaviour = "huge"
    result = post(receiver.url)

    assert result.succeeded
    assert result.response_body == "x" * delivery.MAX_RESPONSE_BYTES
    # The sender closed the connection while the receiver was still writing its 5 MB.
    assert receiver.huge_cut_off.wait(10)


def test_a_private_target_is_refused_at_send_time_without_connecting(receiver):
    result = post(receiver.url + "/hook", allow_private=False)

    assert (result.succeeded, result.status_code) == (False, None)
    assert "Not sent" in result.error and "loopback" in result.error
    time.sleep(0.2)
    assert receiver.requests == []


def test_the_connection_goes_to_the_checked_address_not_a_second_lookup(receiver, monkeypatch):
    # DNS rebinding: the name resolves to the receiver when checked; any later lookup would
    # answer an address where nothing listens. The request still reaches the checked one.
    import socket

    port = int(receiver.url.rsplit(":", 1)[1])
    answers = iter(["127.0.0.1"])
    real_getaddrinfo = socket.getaddrinfo
    lookups = []

    def rebinding_getaddrinfo(host, *args, **kwargs):
        if host != "hooks.example":
            return real_getaddrinfo(host, *args, **kwargs)
        lookups.append(host)
        address = next(answers, "127.0.0.2")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_getaddrinfo)
    result = post(f"http://hooks.example:{port}/pinned")

    assert result.succeeded, result.error
    [request] = receiver.wait_for(1)
    assert request.headers["Host"] == f"hooks.example:{port}"
    assert lookups == ["hooks.example"]


def test_requests_to_one_endpoint_reuse_one_keep_alive_connection(receiver):
    for _ in range(3):
        assert post(receiver.url).succeeded

    assert len(receiver.wait_for(3)) == 3
    assert len(receiver.client_ports) == 1
