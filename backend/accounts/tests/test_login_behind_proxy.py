"""Sign-in lock-out counts the real client: X-Forwarded-For is believed only from a trusted
proxy (TRUSTED_PROXIES), so a spoofed header neither escapes a lock-out nor locks out others.
"""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from conftest import PASSWORD, GraphQLClient

LOGIN = """
mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { id username } }
"""
LOCKED = "Too many failed sign-in attempts"
PROXY = "10.0.0.1"

pytestmark = pytest.mark.django_db


def client_from(remote_addr: str, forwarded_for: str | None = None) -> GraphQLClient:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return GraphQLClient(Client(REMOTE_ADDR=remote_addr), headers)


def fail_until_locked(settings, remote_addr: str, forwarded_for=lambda n: None) -> None:
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        answer = client_from(remote_addr, forwarded_for(n)).query(LOGIN, {"u": "alice", "p": "x"})
        assert answer["errors"][0]["message"].startswith("Wrong username or password.")
    last = settings.AXES_FAILURE_LIMIT - 1
    answer = client_from(remote_addr, forwarded_for(last)).query(LOGIN, {"u": "alice", "p": "x"})
    assert LOCKED in answer["errors"][0]["message"]


def test_without_trusted_proxies_a_rotating_forwarded_for_does_not_escape_the_lock_out(
    user, settings
):
    settings.TRUSTED_PROXIES = []
    fail_until_locked(settings, "198.51.100.20", lambda n: f"203.0.113.{n}")

    answer = client_from("198.51.100.20", "192.0.2.99").query(LOGIN, {"u": "alice", "p": PASSWORD})

    assert LOCKED in answer["errors"][0]["message"]
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.20"}


def test_forwarded_for_from_an_untrusted_address_is_ignored(user, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    fail_until_locked(settings, "198.51.100.20", lambda n: f"203.0.113.{n}")

    answer = client_from("198.51.100.20", "192.0.2.99").query(LOGIN, {"u": "alice", "p": PASSWORD})

    assert LOCKED in answer["errors"][0]["message"]


def test_behind_a_trusted_proxy_each_client_is_counted_on_its_own(user, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    fail_until_locked(settings, PROXY, lambda n: "203.0.113.7")

    locked = client_from(PROXY, "203.0.113.7").query(LOGIN, {"u": "alice", "p": PASSWORD})
    other = client_from(PROXY, "192.0.2.44").query(LOGIN, {"u": "alice", "p": PASSWORD})

    assert LOCKED in locked["errors"][0]["message"]
    assert other["data"]["login"]["username"] == "alice"
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


def test_addresses_a_client_prepends_behind_a_trusted_proxy_are_not_believed(user, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    # The client typed the first address; the proxies appended the real one and their own.
    fail_until_locked(settings, PROXY, lambda n: f"192.0.2.{n}, 203.0.113.7, 10.0.0.2")

    answer = client_from(PROXY, "192.0.2.200, 203.0.113.7").query(
        LOGIN, {"u": "alice", "p": PASSWORD}
    )

    assert LOCKED in answer["errors"][0]["message"]
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
