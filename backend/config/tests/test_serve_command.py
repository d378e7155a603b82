"""`manage.py serve` in production mode starts worker processes and SIGTERM stops them all."""

import os
import signal
import socket
import subprocess
import sys
import time

import pytest
import requests
from django.conf import settings

pytestmark = [pytest.mark.production_only, pytest.mark.django_db(transaction=True)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == pid:
                found.add(int(entry))
    return found


def test_sigterm_stops_the_server_and_its_workers():
    from django.db import connection

    port = _free_port()
    environment = os.environ | {
        "DATABASE_URL": settings.DATABASE_URL.rsplit("/", 1)[0]
        + "/"
        + connection.settings_dict["NAME"],
        "REDIS_URL": settings.REDIS_URL,
        "SECRET_KEY": settings.SECRET_KEY,
        "WORKER_PROCESSES": "1",
        "WORKER_THREADS": "1",
        "LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--port", str(port)],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.2)
        workers = _children(server.pid)
        assert workers, "serve started no worker process"

        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)

        deadline = time.monotonic() + 30
        while any(os.path.exists(f"/proc/{pid}") for pid in workers):
            assert time.monotonic() < deadline, "worker processes outlived the server"
            time.sleep(0.2)
    finally:
        if server.poll() is None:
            server.kill()
