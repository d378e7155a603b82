"""Every FeedInput field with a wrong value: a message on the field, a code, nothing saved."""

import pytest

from feeds.models import Feed
from feeds.tests.documents import CREATE, UPDATE, messages
from feeds.tests.sshd_server import new_private_key

pytestmark = pytest.mark.django_db

URL = "http://127.0.0.1:9/catalogue.csv"
SFTP = "sftp://127.0.0.1:2222/out/catalogue.csv"
KEY, HOST_KEY = new_private_key()


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"name": ""}, "name", "required"),
        ({"name": "   "}, "name", "required"),
        ({"name": "n" * 256}, "name", "too_long"),
        ({"url": ""}, "url", "required"),
        ({"url": "ftp://example.com/a.csv"}, "url", "unsupported_scheme"),
        ({"url": "file:///etc/passwd"}, "url", "unsupported_scheme"),
        ({"url": "catalogue.csv"}, "url", "unsupported_scheme"),
        ({"url": "http://user:pw@127.0.0.1/a.csv"}, "url", "credentials_in_url"),
        ({"url": "http:///a.csv"}, "url", "invalid_url"),
        ({"url": "http://127.0.0.1:99999/a.csv"}, "url", "invalid_url"),
        ({"url": "http://127.0.0.1/a b.csv"}, "url", "invalid_url"),
        ({"url": "http://" + "a" * 2000 + ".com/"}, "url", "too_long"),
        ({"url": "http://no-such-host.invalid/a.csv"}, "url", "unresolvable_host"),
        ({"url": "sftp://127.0.0.1/", "username": "u", "password": "p"}, "url", "invalid_url"),
        ({"url": SFTP, "password": "p"}, "username", "required"),
        ({"url": SFTP, "username": "u"}, "password", "credentials_required"),
        (
            {
                "url": SFTP,
                "username": "u",
                "password": "p",
                "headerName": "X-Key",
                "headerValue": "v",
            },
            "headerName",
            "not_for_sftp",
        ),
        (
            {"url": SFTP, "username": "u", "privateKey": "not a key"},
            "privateKey",
            "invalid_private_key",
        ),
        (
            {"url": SFTP, "username": "u", "password": "p", "hostKey": "garbage"},
            "hostKey",
            "invalid_host_key",
        ),
        (
            # A key cut short: the right type, base64 that is no ed25519 key.
            {"url": SFTP, "username": "u", "password": "p", "hostKey": HOST_KEY[:40]},
            "hostKey",
            "invalid_host_key",
        ),
        (
            # A key with one of its lines lost.
            {"url": SFTP, "username": "u", "privateKey": "\n".join(KEY.splitlines()[::2])},
            "privateKey",
            "invalid_private_key",
        ),
        ({"privateKey": KEY}, "privateKey", "not_for_http"),
        ({"hostKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"}, "hostKey", "not_for_http"),
        ({"password": "p"}, "username", "required"),
        ({"username": "u" * 256, "password": "p"}, "username", "too_long"),
        ({"headerName": "Bad Header:", "headerValue": "v"}, "headerName", "invalid_header_name"),
        ({"headerName": "X-Key"}, "headerValue", "required"),
        ({"headerValue": "v"}, "headerName", "required"),
        (
            {"headerName": "X-Key", "headerValue": "a\r\nInjected: 1"},
            "headerValue",
            "invalid_header_value",
        ),
        ({"schedule": "61 * * * *"}, "schedule", "invalid_cron"),
        ({"schedule": "every day"}, "schedule", "invalid_cron"),
        ({"schedule": "* * * * * *"}, "schedule", "invalid_cron"),
        ({"timeZone": "Mars/Olympus"}, "timeZone", "unknown_time_zone"),
        ({"notifyEmails": ["ops@example.com", "not-an-address"]}, "notifyEmails", "invalid_email"),
        ({"notifyEmails": [f"a{i}@example.com" for i in range(21)]}, "notifyEmails", "too_many"),
        ({"options": {"maxRemovalPercent": 150}}, "options.maxRemovalPercent", "out_of_range"),
        ({"options": {"headerRow": 0}}, "options.headerRow", "out_of_range"),
    ],
)
def test_create_refuses_a_wrong_value_on_its_field(gql_client, fields, field, code):
    payload = {"name": "Acme", "url": URL} | fields
    answer = gql_client.query(CREATE, {"input": payload})["data"]["createFeed"]
    assert messages(answer).get(field) == code, answer
    assert all(m["message"] for m in answer["messages"])
    assert not Feed.objects.exists()


def test_a_private_address_is_refused_unless_allowed(gql_client, settings):
    settings.FEED_ALLOW_PRIVATE_SOURCES = False
    for url in (
        "http://127.0.0.1/a.csv",
        "http://10.1.2.3/a.csv",
        "http://169.254.169.254/",
        "sftp://192.168.1.5/x.csv",
    ):
        answer = gql_client.query(
            CREATE, {"input": {"name": "Acme", "url": url, "username": "u", "password": "p"}}
        )["data"]["createFeed"]
        assert messages(answer)["url"] == "private_address", url
        assert "FEED_ALLOW_PRIVATE_SOURCES" in answer["messages"][0]["message"]
    assert not Feed.objects.exists()


def test_several_problems_come_back_together(gql_client):
    answer = gql_client.query(
        CREATE,
        {
            "input": {
                "name": "",
                "url": "gopher://x",
                "schedule": "nope",
                "timeZone": "Nowhere/City",
            }
        },
    )
    assert messages(answer["data"]["createFeed"]) == {
        "name": "required",
        "url": "unsupported_scheme",
        "schedule": "invalid_cron",
        "timeZone": "unknown_time_zone",
    }


def test_update_refuses_a_wrong_value_and_changes_nothing(gql_client, make_feed):
    feed = make_feed(URL, schedule="0 2 * * *")
    from core.ids import encode_id

    answer = gql_client.query(
        UPDATE,
        {"id": encode_id("Feed", feed.pk), "input": {"name": "Renamed", "schedule": "0 25 * * *"}},
    )["data"]["updateFeed"]
    assert messages(answer) == {"schedule": "invalid_cron"}
    feed.refresh_from_db()
    assert (feed.name, feed.schedule) == ("Supplier", "0 2 * * *")


def test_update_of_an_unknown_feed_says_so(gql_client):
    from core.ids import encode_id

    answer = gql_client.query(UPDATE, {"id": encode_id("Feed", 999), "input": {"name": "x"}})
    assert messages(answer["data"]["updateFeed"]) == {"id": "not_found"}


def test_sftp_feed_with_credentials_is_saved(gql_client):
    answer = gql_client.query(
        CREATE,
        {
            "input": {
                "name": "Acme",
                "url": SFTP,
                "username": "u",
                "privateKey": KEY,
                "hostKey": HOST_KEY,
            }
        },
    )["data"]["createFeed"]
    assert answer["hasPrivateKey"] is True and answer["hostKey"].startswith("ssh-ed25519 ")


def test_running_an_unknown_feed_says_so(gql_client):
    from core.ids import encode_id
    from feeds.tests.documents import RUN

    answer = gql_client.query(RUN, {"id": encode_id("Feed", 999)})
    assert messages(answer["data"]["runFeed"]) == {"id": "not_found"}
