"""Sending deliveries to a real loopback receiver: outcomes, retries, disabling, claims."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from products import services as products
from webhooks import claims, dispatch, recording, services, signing
from webhooks.delivery import SendResult
from webhooks.models import DeliveryStatus, Webhook, WebhookDelivery, WebhookDeliveryAttempt
from webhooks.tests.receiver import closed_port_url

pytestmark = pytest.mark.django_db


def one_delivery(make_webhook, url, **kwargs):
    webhook = make_webhook(url, **kwargs)
    products.create_product(sku=f"SKU-{WebhookDelivery.objects.count()}", name="Chair")
    return webhook, WebhookDelivery.objects.filter(webhook=webhook).latest("id")


def make_due(delivery):
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())


def send(delivery):
    dispatch.deliver(delivery.pk)
    delivery.refresh_from_db()
    return delivery


def test_a_2xx_delivery_is_signed_and_logged(make_webhook, receiver):
    webhook, delivery = one_delivery(make_webhook, receiver.url + "/hook")

    send(delivery)

    [request] = receiver.wait_for(1)
    signing.verify(webhook.secret, request.headers, request.body)
    assert request.headers["webhook-id"] == delivery.message_id
    assert request.body.decode() == delivery.event.payload
    assert json.loads(request.body)["type"] == "product.created"
    assert (delivery.status, delivery.attempt, delivery.status_code, delivery.error) == (
        DeliveryStatus.SUCCEEDED,
        1,
        200,
        "",
    )
    assert delivery.response_body == "answer 200"
    assert delivery.next_attempt_at is None
    assert delivery.duration_ms is not None
    assert WebhookDeliveryAttempt.objects.filter(delivery=delivery).count() == 1


def test_a_500_is_retried_on_the_schedule_with_the_same_webhook_id(make_webhook, receiver):
    webhook, delivery = one_delivery(make_webhook, receiver.url)
    receiver.script("500")

    before = timezone.now()
    send(delivery)
    assert delivery.status == DeliveryStatus.RETRYING
    assert (delivery.attempt, delivery.status_code) == (1, 500)
    assert "HTTP 500" in delivery.error
    assert before + timedelta(seconds=1) <= delivery.next_attempt_at
    assert delivery.next_attempt_at <= timezone.now() + timedelta(seconds=1)
    assert dispatch.deliver(delivery.pk) is None  # not due yet: nothing is sent

    make_due(delivery)
    send(delivery)

    first, second = receiver.wait_for(2)
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == delivery.message_id
    signing.verify(webhook.secret, second.headers, second.body)
    assert (delivery.status, delivery.attempt, delivery.status_code) == (
        DeliveryStatus.SUCCEEDED,
        2,
        200,
    )
    numbers = WebhookDeliveryAttempt.objects.filter(delivery=delivery).values_list(
        "number", "status_code"
    )
    assert list(numbers) == [(1, 500), (2, 200)]


def test_after_the_last_retry_the_delivery_fails_and_counts_against_the_webhook(
    make_webhook, receiver
):
    webhook, delivery = one_delivery(make_webhook, receiver.url)
    receiver.behaviour = "500"

    for _ in range(3):  # the first attempt and the two retries of the schedule
        make_due(delivery)
        send(delivery)

    assert (delivery.status, delivery.attempt, delivery.next_attempt_at) == (
        DeliveryStatus.FAILED,
        3,
        None,
    )
    make_due(delivery)
    assert dispatch.deliver(delivery.pk) is None
    assert len(receiver.requests) == 3
    webhook.refresh_from_db()
    assert (webhook.consecutive_failures, webhook.enabled) == (1, True)


def fail_deliveries(make_webhook, receiver, count):
    webhook = make_webhook(receiver.url)
    for n in range(count):
        products.create_product(sku=f"F{n}", name="x")
    for delivery in WebhookDelivery.objects.filter(webhook=webhook):
        for _ in range(3):
            make_due(delivery)
            dispatch.deliver(delivery.pk)
    webhook.refresh_from_db()
    return webhook


def test_the_webhook_is_disabled_after_too_many_failed_deliveries_in_a_row(make_webhook, receiver):
    receiver.behaviour = "500"

    webhook = fail_deliveries(make_webhook, receiver, 3)

    assert (webhook.enabled, webhook.consecutive_failures) == (False, 3)
    assert "3 deliveries in a row failed" in webhook.disabled_reason
    assert "HTTP 500" in webhook.disabled_reason


def test_a_success_resets_the_failure_streak(make_webhook, receiver):
    receiver.behaviour = "500"
    webhook = fail_deliveries(make_webhook, receiver, 2)
    assert webhook.consecutive_failures == 2

    receiver.behaviour = "200"
    products.create_product(sku="OK", name="x")
    send(WebhookDelivery.objects.latest("id"))

    webhook.refresh_from_db()
    assert (webhook.consecutive_failures, webhook.enabled) == (0, True)


def test_410_gone_fails_the_delivery_and_disables_the_webhook_at_once(make_webhook, receiver):
    webhook, delivery = one_delivery(make_webhook, receiver.url)
    receiver.behaviour = "410"

    send(delivery)

    assert (delivery.status, delivery.attempt, delivery.status_code) == (
        DeliveryStatus.FAILED,
        1,
        410,
    )
    webhook.refresh_from_db()
    assert webhook.enabled is False
    assert "410 Gone" in webhook.disabled_reason
    # Later events are not written for a disabled webhook.
    products.create_product(sku="AFTER", name="x")
    assert WebhookDelivery.objects.filter(webhook=webhook).count() == 1


@pytest.mark.parametrize(
    ("behaviour", "status_code", "error"),
    [
        ("hang", None, "did not answer within 1 second"),
        ("close", None, "Could not connect"),
        ("redirect", 302, "redirects are not followed"),
    ],
)
def test_temporary_failures_are_retried(make_webhook, receiver, behaviour, status_code, error):
    _, delivery = one_delivery(make_webhook, receiver.url)
    receiver.behaviour = behaviour

    send(delivery)

    assert (delivery.status, delivery.status_code) == (DeliveryStatus.RETRYING, status_code)
    assert error in delivery.error
    assert receiver.answered == (0 if behaviour in ("hang", "close") else 1)


def test_a_refused_connection_is_retried(make_webhook):
    _, delivery = one_delivery(make_webhook, closed_port_url())

    send(delivery)

    assert delivery.status == DeliveryStatus.RETRYING
    assert "refused" in delivery.error.lower()


def test_a_huge_answer_is_kept_to_4_kb(make_webhook, receiver):
    _, delivery = one_delivery(make_webhook, receiver.url)
    receiver.behaviour = "huge"

    send(delivery)

    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert len(delivery.response_body) == 4096


def test_private_targets_are_refused_again_at_send_time(make_webhook, receiver, settings):
    _, delivery = one_delivery(make_webhook, receiver.url)  # saved while allowed
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False

    send(delivery)

    assert delivery.status == DeliveryStatus.RETRYING
    assert "Not sent" in delivery.error and "loopback" in delivery.error
    assert receiver.requests == []


def test_during_a_rotation_both_secrets_sign(make_webhook, receiver):
    webhook, delivery = one_delivery(make_webhook, receiver.url)
    old_secret = webhook.secret
    new_secret = services.rotate_secret(webhook.pk).secret

    send(delivery)

    [request] = receiver.wait_for(1)
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    signing.verify(old_secret, request.headers, request.body)
    signing.verify(new_secret, request.headers, request.body)


def test_after_the_overlap_only_the_new_secret_signs(make_webhook, receiver):
    webhook, delivery = one_delivery(make_webhook, receiver.url)
    old_secret = webhook.secret
    services.rotate_secret(webhook.pk)
    Webhook.objects.update(previous_secret_expires_at=timezone.now() - timedelta(seconds=1))

    send(delivery)

    [request] = receiver.wait_for(1)
    with pytest.raises(signing.SignatureError):
        signing.verify(old_secret, request.headers, request.body)


def test_pending_deliveries_of_a_disabled_webhook_are_not_sent(make_webhook, receiver):
    webhook, delivery = one_delivery(make_webhook, receiver.url)
    Webhook.objects.update(enabled=False)

    send(delivery)

    assert delivery.status == DeliveryStatus.FAILED
    assert "disabled" in delivery.error
    assert receiver.requests == []


def test_a_claimed_delivery_is_not_claimed_twice(make_webhook):
    webhook, delivery = one_delivery(make_webhook, "http://127.0.0.1:9/")

    assert claims.claim(delivery.pk) is not None
    assert claims.claim(delivery.pk) is None
    assert claims.claim_batch(webhook.pk, 10) == []


def test_a_batch_claims_each_due_row_once_and_stale_tokens_do_nothing(make_webhook):
    webhook = make_webhook("http://127.0.0.1:9/")
    for n in range(3):
        products.create_product(sku=f"S{n}", name="x")

    batch = claims.claim_batch(webhook.pk, 10)
    again = claims.claim_batch(webhook.pk, 10)

    ids = [d.pk for d in batch]
    assert sorted(ids) == sorted(WebhookDelivery.objects.values_list("pk", flat=True))
    assert again == []
    assert len({d.claim_token for d in batch}) == 1
    assert claims.claim(ids[0], "00000000-0000-0000-0000-000000000000") is None
    assert claims.claim(ids[0], str(batch[0].claim_token)) is not None


def test_a_batch_takes_the_oldest_due_rows_of_its_webhook_only_up_to_the_limit(make_webhook):
    mine = make_webhook("http://127.0.0.1:9/mine")
    other = make_webhook("http://127.0.0.1:9/other")
    for n in range(5):
        products.create_product(sku=f"B{n}", name="x")
    later = WebhookDelivery.objects.filter(webhook=mine).latest("id")
    WebhookDelivery.objects.filter(pk=later.pk).update(
        next_attempt_at=timezone.now() + timedelta(hours=1)
    )

    first = claims.claim_batch(mine.pk, 3)
    rest = claims.claim_batch(mine.pk, 3)

    mine_due = list(
        WebhookDelivery.objects.filter(webhook=mine)
        .exclude(pk=later.pk)
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)
    )
    assert [d.pk for d in first] == mine_due[:3]
    assert [d.pk for d in rest] == mine_due[3:]
    assert {d.webhook_id for d in first + rest} == {mine.pk}
    assert first[0].event.payload  # loaded with the row: sending needs no query
    assert len(claims.claim_batch(other.pk, 10)) == 5


def test_a_batch_of_a_disabled_webhook_closes_its_due_rows_unsent(make_webhook, receiver):
    webhook = make_webhook(receiver.url)
    for n in range(2):
        products.create_product(sku=f"D{n}", name="x")
    Webhook.objects.update(enabled=False)

    assert claims.claim_batch(webhook.pk, 10) == []

    assert set(WebhookDelivery.objects.values_list("status", "error")) == {
        (DeliveryStatus.FAILED, "Not sent: the webhook is disabled.")
    }
    assert receiver.requests == []


def test_an_expired_claim_lets_a_batch_take_the_row_again(make_webhook):
    webhook, delivery = one_delivery(make_webhook, "http://127.0.0.1:9/")
    assert claims.claim(delivery.pk) is not None  # a worker took it and then died
    assert claims.webhooks_with_due_deliveries() == []

    WebhookDelivery.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))

    assert claims.webhooks_with_due_deliveries() == [webhook.pk]
    assert [d.pk for d in claims.claim_batch(webhook.pk, 10)] == [delivery.pk]


def test_recording_a_batch_applies_each_outcome_in_order(make_webhook, receiver, settings):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 2
    settings.WEBHOOK_RETRY_SCHEDULE = []  # the first failure is final
    webhook = make_webhook(receiver.url)
    for n in range(4):
        products.create_product(sku=f"R{n}", name="x")
    batch = claims.claim_batch(webhook.pk, 10)
    failed = SendResult(False, False, 500, 5, "The receiver answered HTTP 500.", "")
    ok = SendResult(True, False, 200, 5, "", "fine")

    recording.record_many([(batch[0], failed), (batch[1], ok), (batch[2], failed)])

    webhook.refresh_from_db()
    assert (webhook.consecutive_failures, webhook.enabled) == (1, True)  # reset, then one
    assert [WebhookDelivery.objects.get(pk=d.pk).status for d in batch] == [
        DeliveryStatus.FAILED,
        DeliveryStatus.SUCCEEDED,
        DeliveryStatus.FAILED,
        DeliveryStatus.PENDING,  # claimed, not sent: not touched
    ]
    assert WebhookDeliveryAttempt.objects.count() == 3

    recording.record_many([(batch[3], failed)])

    webhook.refresh_from_db()
    assert (webhook.consecutive_failures, webhook.enabled) == (2, False)
    assert "2 deliveries in a row failed" in webhook.disabled_reason


def test_a_webhook_deleted_while_sending_is_not_an_error(make_webhook, receiver):
    webhook, delivery = one_delivery(make_webhook, receiver.url)
    claimed = claims.claim(delivery.pk)
    services.delete_webhook(webhook.pk)

    dispatch.attempt(claimed)

    assert len(receiver.wait_for(1)) == 1
    assert not WebhookDelivery.objects.exists()
    assert not WebhookDeliveryAttempt.objects.exists()
