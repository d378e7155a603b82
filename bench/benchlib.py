"""Pieces every benchmark script uses: the catalogue generator, the production-mode
environment, manage.py, a fresh database, an API token, backend processes and a loopback
webhook receiver.

The scripts import it from beside them (``python bench/x.py`` puts ``bench/`` on the path);
they run the backend only as separate processes, so nothing adds ``backend/`` to ``sys.path``.
"""

import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psycopg2
import requests

REPO = Path(__file__).resolve().parent.parent
BACKEND = REPO / "backend"
#: writes catalogues (BENCH_GENERATOR: another copy, e.g. from a second checkout)
GENERATOR = Path(
    os.environ.get("BENCH_GENERATOR")
    or REPO.parent / "shared" / "data" / "make_products_csv.py"
)
PY = os.environ.get("BENCH_PYTHON") or (
    str(REPO / ".venv" / "bin" / "python") if (REPO / ".venv").exists() else sys.executable
)

OUT = REPO / "bench" / "out"  #: generated catalogues (never committed)


def generated_catalogue(records: int, seed: int = 11) -> Path:
    """The benchmark catalogue of ``records`` records, written once by the generator."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"products-{records}.csv"
    if not path.exists():
        print(f"generating {records:,} records ...", flush=True)
        subprocess.run([PY, str(GENERATOR), str(path), "--rows", str(records), "--seed",
                        str(seed)], check=True)
    return path


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
        [PY, "manage.py", *args], cwd=BACKEND, env=env, check=True,
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


def api_token(env: dict[str, str], username: str = "bench") -> str:
    """Make (or reuse) the bench user, an admin (benches import, export and delete all),
    and a new API token for it; return the token."""
    code = (
        "from django.contrib.auth import get_user_model\n"
        "from accounts.services import create_api_token\n"
        f"user, _ = get_user_model().objects.update_or_create(username={username!r}, "
        "defaults={'role': 'admin'})\n"
        f"print(create_api_token(user, {username!r})[1])\n"
    )
    return manage(env, "shell", "-c", code).strip().splitlines()[-1]  # after shell's notes


def start(env: dict[str, str], args: list[str], **popen: object) -> subprocess.Popen:
    """Start ``args`` in ``backend/`` in its own process group (see :func:`stop`)."""
    options: dict[str, object] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    options.update(popen)
    return subprocess.Popen(args, cwd=BACKEND, env=env, start_new_session=True, **options)


def stop(process: subprocess.Popen) -> None:
    """Stop a process started by :func:`start`, with its children."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


def wait_http(url: str, timeout: float = 30) -> None:
    """Wait until ``url`` answers 2xx; raise RuntimeError after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=1).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:g} s")


@dataclass(frozen=True)
class Received:
    """One request that reached the :class:`Receiver`."""

    path: str
    body: bytes
    received_at: float  #: ``time.time()`` on arrival, comparable with the client's clock


class Receiver:
    """A webhook receiver on 127.0.0.1: answers 200 at once, or hangs ``hang_seconds``."""

    def __init__(self, behaviour: str = "200", hang_seconds: float = 30) -> None:
        self.requests: list[Received] = []
        self._arrived = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, like real receivers

            def do_POST(self) -> None:  # http.server calls do_<METHOD>
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver._arrived:
                    receiver.requests.append(Received(self.path, body, time.time()))
                    receiver._arrived.notify_all()
                if behaviour == "hang":
                    time.sleep(hang_seconds)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def wait_for(self, count: int, timeout: float = 30) -> list[Received]:
        """Wait until ``count`` requests have arrived; return them all in arrival order."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: len(self.requests) >= count, timeout):
                raise TimeoutError(f"{len(self.requests)} of {count} requests in {timeout:g} s")
            return list(self.requests)

    def close(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()
