"""Helpers of the fault tests: a small full-able filesystem, private PostgreSQL and Redis
servers started from the installed binaries, and production-mode processes against them.

Servers listen on free loopback ports in 15432-15439 (PostgreSQL) and 16379-16389 (Redis),
never on the machine's shared 5432/6379.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")


def free_port(low: int, high: int) -> int:
    """A port in ``low..high`` where nothing listens on 127.0.0.1."""
    for port in range(low, high + 1):
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {low}-{high}")


def wait_until(predicate: Callable[[], object], timeout: float, what: str) -> object:
    """Poll ``predicate`` until it returns something true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


# ---- a small filesystem that can be filled


@contextmanager
def small_filesystem(folder: Path, size_kib: int) -> Iterator[Path]:
    """Mount a ``size_kib`` KiB tmpfs (or, failing that, a loop-mounted ext2 image) on
    ``folder``; unmount it afterwards. Needs root (as in CI)."""
    folder.mkdir(parents=True, exist_ok=True)
    image = None
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0777", "tmpfs", str(folder)],
        capture_output=True, text=True,
    )
    if done.returncode != 0:
        image = folder.with_suffix(".img")
        subprocess.run(["truncate", "-s", f"{size_kib}k", str(image)], check=True)
        subprocess.run(["mkfs.ext2", "-q", "-F", str(image)], check=True, capture_output=True)
        looped = subprocess.run(
            ["mount", "-o", "loop", str(image), str(folder)], capture_output=True, text=True
        )
        if looped.returncode != 0:
            raise AssertionError(
                "This test needs a small filesystem to fill: neither `mount -t tmpfs` "
                f"({done.stderr.strip()}) nor a loop-mounted ext2 image "
                f"({looped.stderr.strip()}) could be mounted; run it as root (CI does)."
            )
        folder.chmod(0o777)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        if image is not None:
            image.unlink(missing_ok=True)


def fill(folder: Path, leave_kib: int) -> Path:
    """Write a filler file into ``folder`` until only about ``leave_kib`` KiB are free."""
    filler = folder / "filler"
    free = shutil.disk_usage(folder).free
    with filler.open("wb") as out:
        out.write(b"\0" * max(free - leave_kib * 1024, 0))
    return filler


# ---- private servers


class PrivatePostgres:
    """A PostgreSQL cluster of its own (initdb as the ``postgres`` user) in a temp folder."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="pg-fault-"))
        self.data = self.root / "data"
        self.port = free_port(15432, 15439)
        shutil.chown(self.root, "postgres")
        self._as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres",
                           "-A", "trust", "--no-sync", "-E", "UTF8"])

    def _as_postgres(self, command: list[str]) -> None:
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.root)

    def url(self, database: str) -> str:
        """The URL of ``database`` on this server."""
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options,
                           "-l", str(self.root / "log"), "-w", "-t", "30", "start"])

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``fast``: disconnect clients, ``immediate``: like a crash)."""
        self._as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode,
                           "-w", "-t", "30", "stop"])

    def create_database(self, name: str) -> None:
        """Create an empty database."""
        import psycopg2

        admin = psycopg2.connect(self.url("postgres"), connect_timeout=5)
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        admin.close()

    def destroy(self) -> None:
        """Stop the server if it runs and remove its folder."""
        try:
            self.stop("immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)


class PrivateRedis:
    """A ``redis-server`` of its own on a free port, without persistence (a restart loses
    every queued and delayed message, the worst case)."""

    def __init__(self) -> None:
        self.port = free_port(16379, 16389)
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start the server and wait until it answers."""
        import redis

        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: redis.Redis.from_url(self.url).ping(), 15, "redis to answer")

    def stop(self) -> None:
        """Kill the server (SIGKILL: nothing is saved)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None


# ---- production-mode processes


def production_env(database_url: str, redis_url: str, media_root: Path, **extra: str) -> dict:
    """The environment of a web or worker process against the given servers."""
    from django.conf import settings

    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": settings.SECRET_KEY,
        "MEDIA_ROOT": str(media_root),
        "LOG_LEVEL": "INFO",
        "DATABASE_CONNECT_TIMEOUT": "2",
        **extra,
    }


def manage(env: dict, *args: str) -> str:
    """Run ``manage.py`` with ``env``; return what it printed."""
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=BACKEND, env=env,
                          capture_output=True, text=True, timeout=120)
    if done.returncode:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def start_process(env: dict, log: Path, *args: str) -> subprocess.Popen:
    """``manage.py <args>`` in its own session (so its children can be killed with it)."""
    return subprocess.Popen(
        [sys.executable, "manage.py", *args], cwd=BACKEND, env=env, start_new_session=True,
        stdout=log.open("ab"), stderr=subprocess.STDOUT,
    )


def start_web(env: dict, log: Path) -> tuple[subprocess.Popen, str]:
    """A uvicorn web process (no workers); returns it and its base URL."""
    import httpx

    port = free_port(8180, 8199)
    process = start_process(env, log, "serve", "--no-worker", "--port", str(port))
    url = f"http://127.0.0.1:{port}"
    wait_until(lambda: httpx.get(f"{url}/healthz", timeout=2).status_code == 200, 30,
               f"the web process on {url} (log: {log})")
    return process, url
