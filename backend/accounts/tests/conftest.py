"""A real SMTP server (aiosmtpd) in a subprocess, delivering into a Maildir the test reads."""

import mailbox
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """The messages the SMTP server received."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def messages(self) -> list[Message]:
        """Every message received so far."""
        return list(mailbox.Maildir(self.folder, create=False))

    def wait_for(self, count: int, timeout: float = 10) -> list[Message]:
        """Wait until ``count`` messages arrived; return them."""
        deadline = time.monotonic() + timeout
        while len(found := self.messages()) < count:
            assert time.monotonic() < deadline, f"{len(found)} of {count} e-mails arrived"
            time.sleep(0.05)
        return found

    def link(self, message: Message) -> str:
        """The http(s) link in a plain-text message."""
        body = message.get_payload(decode=True).decode()
        return re.search(r"https?://\S+", body).group(0)


@pytest.fixture
def smtp_inbox(tmp_path, settings) -> Iterator[Inbox]:
    """Start aiosmtpd on a free loopback port and point Django's SMTP backend at it."""
    folder = tmp_path / "maildir"
    mailbox.Maildir(folder, create=True)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
         "-c", "aiosmtpd.handlers.Mailbox", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "no SMTP server"
                time.sleep(0.05)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_DELIVERY = "smtp"
        yield Inbox(folder)
    finally:
        server.terminate()
        server.wait(timeout=10)
