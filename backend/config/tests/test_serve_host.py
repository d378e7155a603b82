"""`manage.py serve --host` decides, like HOST, whether webhooks may target private networks."""

from config.management.commands.serve import _listen_on


def test_serve_with_a_public_host_flag_turns_private_targets_off(settings, monkeypatch):
    monkeypatch.setenv("HOST", "127.0.0.1")
    monkeypatch.delenv("WEBHOOK_ALLOW_PRIVATE_TARGETS", raising=False)
    settings.EMBEDDED = True
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True

    _listen_on("0.0.0.0")

    assert settings.WEBHOOK_ALLOW_PRIVATE_TARGETS is False


def test_serve_keeps_an_explicit_setting_whatever_the_host(settings, monkeypatch):
    monkeypatch.setenv("HOST", "127.0.0.1")
    monkeypatch.setenv("WEBHOOK_ALLOW_PRIVATE_TARGETS", "1")
    settings.EMBEDDED = True
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True

    _listen_on("0.0.0.0")

    assert settings.WEBHOOK_ALLOW_PRIVATE_TARGETS is True
