"""Standard Webhooks signing, checked against the specification's published test vector."""

import base64
import hashlib
import hmac

import pytest

from webhooks import signing

# The test vector published with the Standard Webhooks reference libraries (and Svix's).
SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
SPEC_TIMESTAMP = 1614265330
SPEC_BODY = b'{"test": 2432232314}'
SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_sign_reproduces_the_published_test_vector():
    assert signing.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY) == SPEC_SIGNATURE


def test_sign_matches_an_independent_hmac_computation():
    secret = signing.generate_secret()
    key = base64.b64decode(secret[len("whsec_") :])
    body = b'{"type": "product.created", "data": {"sku": "\xc3\xa9"}}'
    digest = hmac.new(key, b"msg_abc.1700000000." + body, hashlib.sha256).digest()

    assert signing.sign(secret, "msg_abc", 1700000000, body) == (
        "v1," + base64.b64encode(digest).decode()
    )


def test_generated_secret_is_whsec_and_24_random_bytes():
    first, second = signing.generate_secret(), signing.generate_secret()

    assert first.startswith("whsec_")
    assert len(base64.b64decode(first.removeprefix("whsec_"), validate=True)) == 24
    assert first != second


def test_secret_prefix_is_optional_as_in_the_reference_libraries():
    bare = SPEC_SECRET.removeprefix("whsec_")
    assert signing.sign(bare, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY) == SPEC_SIGNATURE


def test_secret_that_is_not_base64_is_refused():
    with pytest.raises(ValueError, match="base64"):
        signing.secret_key("whsec_not base64!")


def test_verify_accepts_the_published_vector_at_its_time():
    headers = {
        "Webhook-Id": SPEC_ID,
        "Webhook-Timestamp": str(SPEC_TIMESTAMP),
        "Webhook-Signature": SPEC_SIGNATURE,
    }
    signing.verify(SPEC_SECRET, headers, SPEC_BODY, now=SPEC_TIMESTAMP + 10)


def test_delivery_headers_during_rotation_carry_one_signature_per_secret():
    old, new = signing.generate_secret(), signing.generate_secret()
    body = b'{"type": "webhook.test"}'

    headers = signing.delivery_headers([new, old], "msg_1", body, timestamp=1700000000)

    assert headers["content-type"] == "application/json"
    assert headers["webhook-id"] == "msg_1"
    assert headers["webhook-timestamp"] == "1700000000"
    assert len(headers["webhook-signature"].split(" ")) == 2
    # A receiver holding either secret accepts the delivery.
    signing.verify(old, headers, body, now=1700000000)
    signing.verify(new, headers, body, now=1700000000)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda h, b: (h | {"webhook-signature": "v1,AAAA"}, b), "No signature"),
        (lambda h, b: (h, b + b" "), "No signature"),
        (lambda h, b: (h | {"webhook-id": "msg_other"}, b), "No signature"),
        (lambda h, b: (h | {"webhook-timestamp": "1700000001"}, b), "No signature"),
        (lambda h, b: (h | {"webhook-timestamp": "soon"}, b), "not an integer"),
        (lambda h, b: ({k: v for k, v in h.items() if k != "webhook-id"}, b), "webhook-id"),
        (
            lambda h, b: (h | {"webhook-signature": "v2," + h["webhook-signature"][3:]}, b),
            "No signature",
        ),
    ],
)
def test_verify_rejects_tampered_deliveries(change, message):
    secret = signing.generate_secret()
    body = b'{"a": 1}'
    headers, tampered_body = change(
        signing.delivery_headers([secret], "msg_1", body, timestamp=1700000000), body
    )

    with pytest.raises(signing.SignatureError, match=message):
        signing.verify(secret, headers, tampered_body, now=1700000000)


def test_verify_rejects_a_signature_made_with_another_secret():
    body = b"{}"
    headers = signing.delivery_headers([signing.generate_secret()], "msg_1", body)

    with pytest.raises(signing.SignatureError):
        signing.verify(signing.generate_secret(), headers, body)


def test_verify_rejects_stale_and_future_timestamps():
    secret = signing.generate_secret()
    headers = signing.delivery_headers([secret], "msg_1", b"{}", timestamp=1700000000)

    with pytest.raises(signing.SignatureError, match="too old"):
        signing.verify(secret, headers, b"{}", now=1700000000 + 301)
    with pytest.raises(signing.SignatureError, match="too old"):
        signing.verify(secret, headers, b"{}", now=1700000000 - 301)
