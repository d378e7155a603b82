"""The first user comes from Django's createsuperuser with --noinput and two variables."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.mark.django_db
def test_createsuperuser_needs_only_username_and_password(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "admin")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-password")

    call_command("createsuperuser", "--noinput", verbosity=0)

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("a-long-password")
