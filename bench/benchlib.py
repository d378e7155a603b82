"""Pieces the benchmark scripts share: the production-mode environment, manage.py, a fresh DB."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg2

REPO = Path(__file__).resolve().parent.parent
PY = str(REPO / ".venv" / "bin" / "python") if (REPO / ".venv").exists() else sys.executable


def production_env(db_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    """The environment of a production-mode server or command against a bench database."""
    return os.environ | {
        "DATABASE_URL": db_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": "bench-only",
        "LOG_LEVEL": "WARNING",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        **extra,
    }


def manage(env: dict[str, str], *args: str) -> str:
    """Run a manage.py command with ``env``; return what it printed."""
    done = subprocess.run(
        [PY, "manage.py", *args], cwd=REPO / "backend", env=env, check=True,
        capture_output=True, text=True,
    )
    return done.stdout


def recreate_database(db_url: str, env: dict[str, str]) -> None:
    """Drop and create the database of ``db_url``, then migrate it."""
    base, name = db_url.rsplit("/", 1)
    admin = psycopg2.connect(f"{base}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    manage(env, "migrate", "--noinput")
