"""Credentials at rest: encrypted with FEED_CREDENTIALS_KEY (or a key derived from
SECRET_KEY); a key that changed makes a run fail saying what to do. (A bad key stopping the
process is tested with the other settings in config.tests.)"""

import pytest
from cryptography.fernet import Fernet

from feeds import credentials
from feeds.models import FeedRun

SECRET = "s3cret-Wombat-9"


def test_encrypt_and_decrypt_round_trip_with_the_derived_key(settings):
    settings.FEED_CREDENTIALS_KEY = ""
    token = credentials.encrypt(SECRET)
    assert SECRET not in token and credentials.decrypt(token) == SECRET
    assert credentials.encrypt("") == "" and credentials.decrypt("") is None


def test_a_configured_key_is_used(settings):
    key = Fernet.generate_key().decode()
    settings.FEED_CREDENTIALS_KEY = key
    token = credentials.encrypt(SECRET)
    assert Fernet(key.encode()).decrypt(token.encode()).decode() == SECRET


@pytest.mark.django_db
def test_a_changed_key_fails_the_run_asking_for_the_secret_again(make_feed, run_now, settings):
    feed = make_feed("http://127.0.0.1:9/c.csv", username="u", password=SECRET)
    settings.FEED_CREDENTIALS_KEY = Fernet.generate_key().decode()
    run = run_now(feed)
    assert (run.status, run.error_code) == (FeedRun.Status.FAILED, "CREDENTIALS_UNREADABLE")
    assert "enter the password" in run.message and SECRET not in run.message
