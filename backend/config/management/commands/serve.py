"""``manage.py serve``: the web server, plus the workers the mode needs.

* Embedded mode: uvicorn alone; its lifespan starts the in-process worker.
* Production mode: uvicorn plus ``WORKER_PROCESSES`` Dramatiq worker processes
  (``rundramatiq``); Ctrl-C or SIGTERM stops them all. The web process takes its database
  connections from a pool of ``DATABASE_POOL_SIZE`` (``core.db_pool``).
"""

import os
import signal
import subprocess
import sys

import uvicorn
from django.conf import settings
from django.core.management.base import BaseCommand

from core.db_pool import WEB_PROCESS_VARIABLE, pooled
from core.env import private_targets_default


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _pool_web_connections() -> None:
    """Give this process, and uvicorn's worker processes, the web's connection pool.

    Settings were read before this command ran, so this process's database settings are
    switched in place (no connection has been made from a request thread yet); the
    variable makes the settings of uvicorn's spawned processes do the same. Set after the
    Dramatiq workers started: they keep their own persistent connections.
    """
    os.environ[WEB_PROCESS_VARIABLE] = "1"
    database = settings.DATABASES["default"]
    database.update(
        pooled(database, settings.DATABASE_POOL_SIZE, settings.DATABASE_POOL_TIMEOUT)
    )


def _listen_on(host: str) -> None:
    """Make the settings that follow the listen address agree with ``--host``.

    The variable is set too, so that the processes started below read the same address.
    """
    os.environ["HOST"] = host
    settings.HOST = host
    if os.environ.get("WEBHOOK_ALLOW_PRIVATE_TARGETS") is None:
        settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = private_targets_default(settings.EMBEDDED, host)


class Command(BaseCommand):
    """Serve the app on HOST:PORT (default 127.0.0.1:8000) with its workers."""

    help = __doc__

    def add_arguments(self, parser) -> None:  # noqa: D102
        parser.add_argument("--host", default=settings.HOST)
        parser.add_argument("--port", type=int, default=settings.PORT)
        parser.add_argument("--no-worker", action="store_true", help="Web process only.")

    def handle(self, *args, **options) -> None:  # noqa: D102
        _listen_on(options["host"])
        worker = None
        if not settings.EMBEDDED and not options["no_worker"]:
            processes = settings.WORKER_PROCESSES
            threads = settings.WORKER_THREADS
            worker = subprocess.Popen(
                [sys.executable, "manage.py", "rundramatiq", "--processes", str(processes),
                 "--threads", str(threads)],
                cwd=settings.BASE_DIR,
            )
            self.stdout.write(f"Started {processes} worker process(es) (pid {worker.pid}).")
        if not settings.EMBEDDED:
            _pool_web_connections()
            web = settings.WEB_CONCURRENCY * settings.DATABASE_POOL_SIZE
            workers = 0 if worker is None else processes * threads
            self.stdout.write(
                f"Database connections at most: web {settings.WEB_CONCURRENCY} x "
                f"{settings.DATABASE_POOL_SIZE} (DATABASE_POOL_SIZE) + workers {workers} "
                f"(one per thread) = {web + workers}."
            )
        if options["no_worker"]:
            os.environ["EMBEDDED_WORKER"] = "0"
            settings.EMBEDDED_WORKER = False
        mode = "embedded" if settings.EMBEDDED else "production"
        self.stdout.write(
            f"Serving Product Importer ({mode} mode) on http://{options['host']}:{options['port']}"
        )
        # uvicorn restores the previous SIGINT/SIGTERM handlers after a graceful shutdown and
        # raises the signal again; these handlers turn it into SystemExit so that `finally`
        # below still stops the worker processes.
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, _exit_on_signal)
        try:
            uvicorn.run(
                "config.asgi:application",
                host=options["host"],
                port=options["port"],
                log_level=settings.LOG_LEVEL.lower(),
                lifespan="on",
                workers=settings.WEB_CONCURRENCY,
                # X-Forwarded-For/-Proto only from the configured proxies (none by default).
                proxy_headers=bool(settings.TRUSTED_PROXIES),
                forwarded_allow_ips=settings.TRUSTED_PROXIES or None,
            )
        finally:
            if worker is not None and worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                try:
                    worker.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    worker.kill()
