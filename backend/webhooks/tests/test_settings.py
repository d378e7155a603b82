"""Webhook settings: bad values stop the process at start, naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BACKEND_DIR = Path(__file__).resolve().parents[2]


def start_with(tmp_path, **env):
    unset = ("DATABASE_URL", "REDIS_URL", "HOST", "WEBHOOK_ALLOW_PRIVATE_TARGETS")
    base = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            " print(settings.WEBHOOK_RETRY_SCHEDULE, settings.WEBHOOK_ALLOW_PRIVATE_TARGETS)",
        ],
        cwd=BACKEND_DIR,
        env=base | {"DJANGO_SETTINGS_MODULE": "config.settings", "DATA_DIR": str(tmp_path)} | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("WEBHOOK_RETRY_SCHEDULE", "5,soon", "WEBHOOK_RETRY_SCHEDULE must be comma-separated"),
        ("WEBHOOK_RETRY_SCHEDULE", "5,0", "WEBHOOK_RETRY_SCHEDULE must list delays of at least"),
        ("WEBHOOK_TIMEOUT_SECONDS", "ten", "WEBHOOK_TIMEOUT_SECONDS must be a number"),
        ("WEBHOOK_DISABLE_AFTER_FAILURES", "0", "WEBHOOK_DISABLE_AFTER_FAILURES must be at least"),
        ("WEBHOOK_DELIVERY_RETENTION_DAYS", "-3", "WEBHOOK_DELIVERY_RETENTION_DAYS must be at"),
        ("WEBHOOK_ALLOW_PRIVATE_TARGETS", "maybe", "WEBHOOK_ALLOW_PRIVATE_TARGETS must be true"),
    ],
)
def test_a_bad_value_stops_the_start_naming_the_variable(tmp_path, name, value, expected):
    result = start_with(tmp_path, **{name: value})

    assert result.returncode != 0
    assert expected in result.stderr


def test_defaults_and_the_embedded_mode_on_loopback_allowing_private_targets(tmp_path):
    result = start_with(tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[5, 30, 120, 600, 1800, 3600, 7200, 14400] True"


def test_production_mode_refuses_private_targets_by_default(tmp_path):
    result = start_with(
        tmp_path,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/unused",
        REDIS_URL="redis://127.0.0.1:6379/3",
        SECRET_KEY="x",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("False")
