"""Settings come from the environment and bad values stop the process naming the variable."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from core import env


def start_django(**overrides: str) -> subprocess.CompletedProcess:
    unset = ("DATABASE_URL", "REDIS_URL", "SECRET_KEY")
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"PORT": "eighty"}, "PORT must be a whole number"),
        ({"PORT": "70000"}, "PORT must be at most 65535"),
        ({"DEBUG": "maybe"}, "DEBUG must be true or false"),
        ({"WORKER_PROCESSES": "0"}, "WORKER_PROCESSES must be at least 1"),
        ({"WORKER_THREADS": "many"}, "WORKER_THREADS must be a whole number"),
        ({"WEB_CONCURRENCY": "100"}, "WEB_CONCURRENCY must be at most 64"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL must be one of"),
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT must be one of TEXT, JSON"),
        ({"EXPORT_RETENTION_HOURS": "a day"}, "EXPORT_RETENTION_HOURS must be a number"),
        ({"EXPORT_RETENTION_HOURS": "0"}, "EXPORT_RETENTION_HOURS must be at least"),
        ({"TRUSTED_PROXIES": "10.0.0.1,proxy.local"}, "TRUSTED_PROXIES must list IP addresses"),
        (
            {"DATABASE_URL": "postgres://u@h/x", "REDIS_URL": "redis://h/0", "SECRET_KEY": "k",
             "DATABASE_CONNECT_TIMEOUT": "0"},
            "DATABASE_CONNECT_TIMEOUT must be at least 1",
        ),
        (
            {"DATABASE_URL": "postgres://u@h/x", "REDIS_URL": "redis://h/0", "SECRET_KEY": "k",
             "DATABASE_POOL_SIZE": "0"},
            "DATABASE_POOL_SIZE must be at least 1",
        ),
        (
            {"DATABASE_URL": "postgres://u@h/x", "REDIS_URL": "redis://h/0", "SECRET_KEY": "k",
             "DATABASE_POOL_SIZE": "ten"},
            "DATABASE_POOL_SIZE must be a whole number",
        ),
        (
            {"DATABASE_URL": "postgres://u@h/x", "REDIS_URL": "redis://h/0", "SECRET_KEY": "k",
             "DATABASE_POOL_TIMEOUT": "soon"},
            "DATABASE_POOL_TIMEOUT must be a number",
        ),
        ({"REQUEST_MAX_BYTES": "lots"}, "REQUEST_MAX_BYTES must be a whole number"),
        ({"FEED_CREDENTIALS_KEY": "not-a-key"}, "FEED_CREDENTIALS_KEY must be a Fernet key"),
        ({"FEED_CREDENTIALS_KEY": "c2hvcnQ="}, "FEED_CREDENTIALS_KEY must be a Fernet key"),
        ({"IMPORT_MAX_XLSX_EXPANDED_BYTES": "1000"},
         "IMPORT_MAX_XLSX_EXPANDED_BYTES must be at least 65536"),
        ({"IMPORT_MAX_DISTINCT_SKUS": "two million"},
         "IMPORT_MAX_DISTINCT_SKUS must be a whole number"),
        ({"DATABASE_URL": "postgres://postgres@127.0.0.1/x"}, "REDIS_URL is not set"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, "DATABASE_URL is not set"),
        (
            {"DATABASE_URL": "postgres://postgres@127.0.0.1/x", "REDIS_URL": "redis://h/0"},
            "SECRET_KEY must be set in production mode",
        ),
        (
            {"DATABASE_URL": "mysql://u@h/x", "REDIS_URL": "redis://h/0", "SECRET_KEY": "k"},
            "DATABASE_URL must be a postgres:// URL",
        ),
        (
            {"DATABASE_URL": "postgres://u@h/x", "REDIS_URL": "http://h", "SECRET_KEY": "k"},
            "REDIS_URL must be a redis://",
        ),
    ],
)
def test_bad_environment_fails_at_start_naming_the_variable(tmp_path, overrides, message):
    result = start_django(DATA_DIR=str(tmp_path), **overrides)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_embedded_mode_keeps_a_generated_secret_key_in_the_data_folder(tmp_path):
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    environment["DATA_DIR"] = str(tmp_path)
    environment.pop("SECRET_KEY", None)
    keys = [
        subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            cwd=settings.BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout.strip()
        for _ in range(2)
    ]

    assert keys[0] and keys[0] == keys[1]
    assert (tmp_path / "secret_key").read_text().strip() == keys[0]


@pytest.mark.parametrize(
    ("reader", "value", "message"),
    [
        (lambda: env.env_int("X_TEST", 1, min_value=2), "1", "X_TEST must be at least 2"),
        (lambda: env.env_float("X_TEST", 1.0), "soon", "X_TEST must be a number"),
        (lambda: env.env_bool("X_TEST", False), "2", "X_TEST must be true or false"),
    ],
)
def test_typed_readers_name_the_variable(monkeypatch, reader, value, message):
    monkeypatch.setenv("X_TEST", value)

    with pytest.raises(ImproperlyConfigured, match=message):
        reader()


def test_list_reader_splits_and_trims(monkeypatch):
    monkeypatch.setenv("X_TEST", " a.example, ,b.example ")

    assert env.env_list("X_TEST", []) == ["a.example", "b.example"]
