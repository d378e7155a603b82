"""A real OpenSSH server for the SFTP tests, on a free loopback port.

Debian's ``openssh-server`` runs as a foreground process (``sshd -D``) with a temporary host
key, configuration and ``authorized_keys``; it serves only SFTP (``internal-sftp``) and lets
one user in: ``feeds-sftp-<random>``, a system user without a shell or home created for the
test session (so that test sessions running at once never share a password) and removed at
its end. Running it
needs root (sshd checks passwords and switches to the user); a missing ``sshd`` is installed
with apt-get, as CI does for Chromium.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

# One user per test session: concurrent sessions (two checkouts, two modes) never collide.
USER = f"feeds-sftp-{secrets.token_hex(3)}"
SSHD_PATHS = ("/usr/sbin/sshd", "/usr/bin/sshd", "/sbin/sshd")


@dataclass
class SshServer:
    """A running sshd: where it listens, who may sign in, and the folder it serves."""

    port: int
    host_key: str  # "ssh-ed25519 AAAA..." as a feed pins it
    username: str
    password: str
    private_key: str  # OpenSSH text of a key in authorized_keys
    files: Path  # a folder the user may read; put the files to fetch here
    log: Path

    def url(self, name: str) -> str:
        """The ``sftp://`` URL of ``name`` in :attr:`files`."""
        return f"sftp://127.0.0.1:{self.port}{self.files / name}"

    def log_text(self) -> str:
        """What sshd logged so far."""
        return self.log.read_text(errors="replace")


def new_private_key() -> tuple[str, str]:
    """A fresh Ed25519 key: (private key in OpenSSH text, public ``"ssh-ed25519 AAAA..."``)."""
    key = ed25519.Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption(),
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
        .decode()
    )
    return private, public


def _sshd_binary() -> str:
    found = next((path for path in SSHD_PATHS if os.access(path, os.X_OK)), None)
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.fail("The SFTP tests need OpenSSH's sshd: apt-get install openssh-server (as root).")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "openssh-server"],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    found = next((path for path in SSHD_PATHS if os.access(path, os.X_OK)), None)
    assert found, "apt-get installed openssh-server but no sshd binary was found"
    return found


def _ensure_user(password: str) -> None:
    try:
        pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--home-dir",
                "/nonexistent",
                "--shell",
                "/usr/sbin/nologin",
                USER,
            ],
            check=True,
        )
    subprocess.run(["chpasswd"], input=f"{USER}:{password}\n", text=True, check=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_private(path: Path, text: str) -> None:
    path.write_text(text)
    path.chmod(0o600)


@pytest.fixture(scope="session")
def sshd() -> Iterator[SshServer]:
    """Start sshd for the session; stop it and lock the test user's password at the end."""
    if os.geteuid() != 0:
        pytest.fail("The SFTP tests start sshd with a password user and need to run as root.")
    binary = _sshd_binary()
    Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege separation folder
    folder = Path(tempfile.mkdtemp(prefix="feeds-sshd-"))
    folder.chmod(0o755)
    files = folder / "files"
    files.mkdir(mode=0o755)
    password = secrets.token_urlsafe(18)
    _ensure_user(password)
    host_private, host_public = new_private_key()
    client_private, client_public = new_private_key()
    _write_private(folder / "host_key", host_private)
    (folder / "authorized_keys").write_text(client_public + "\n")
    port = _free_port()
    (folder / "sshd_config").write_text(
        f"ListenAddress 127.0.0.1\nPort {port}\nHostKey {folder / 'host_key'}\nPidFile none\n"
        "UsePAM no\nStrictModes no\nPermitRootLogin no\n"
        f"AllowUsers {USER}\nPasswordAuthentication yes\nKbdInteractiveAuthentication no\n"
        f"PubkeyAuthentication yes\nAuthorizedKeysFile {folder / 'authorized_keys'}\n"
        "Subsystem sftp internal-sftp\nForceCommand internal-sftp\nAllowTcpForwarding no\n"
        "X11Forwarding no\nLogLevel VERBOSE\nMaxStartups 50\n"
    )
    log = folder / "sshd.log"
    process = subprocess.Popen(
        [binary, "-D", "-f", str(folder / "sshd_config"), "-E", str(log)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"sshd did not start: {log.read_text() if log.exists() else ''}")
                time.sleep(0.05)
        yield SshServer(
            port=port,
            host_key=" ".join(host_public.split()[:2]),
            username=USER,
            password=password,
            private_key=client_private,
            files=files,
            log=log,
        )
    finally:
        process.terminate()
        process.wait(timeout=10)
        subprocess.run(["userdel", "--force", USER], check=False, stderr=subprocess.DEVNULL)
        shutil.rmtree(folder, ignore_errors=True)
