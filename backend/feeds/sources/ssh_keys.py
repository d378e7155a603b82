"""SSH keys as a feed stores them: a pinned host key line and a private key's text.

A host key is kept as OpenSSH writes it in ``known_hosts`` without the host name
(``ssh-ed25519 AAAA...``); fingerprints are shown as OpenSSH shows them (``SHA256:...``).
A private key is pasted as text, in the OpenSSH format or PEM (PKCS#1 or PKCS#8).
"""

from __future__ import annotations

import base64
import binascii
import io

import paramiko
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

#: The host key types a feed may pin.
KEY_TYPES = (
    "ssh-ed25519",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "ssh-rsa",
)

#: Host key algorithms a pinned key of each type may be presented with.
_ALGORITHMS_FOR_TYPE = {
    "ssh-rsa": ("rsa-sha2-512", "rsa-sha2-256"),
}

HOST_KEY_EXAMPLE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA..."


def parse_host_key(text: str) -> paramiko.PKey:
    """Return the public key in a ``"<type> <base64> [comment]"`` line, or raise ValueError.

    A line copied from ``known_hosts`` (with the host name in front) is accepted too.
    """
    fields = text.split()
    if len(fields) >= 3 and fields[1] in KEY_TYPES:
        fields = fields[1:]  # "host ssh-ed25519 AAAA..." from known_hosts
    if len(fields) < 2:
        raise ValueError(
            f"A host key is its type and its base64 text, e.g. {HOST_KEY_EXAMPLE} "
            "(ssh-keyscan prints it)."
        )
    key_type, encoded = fields[0], fields[1]
    if key_type not in KEY_TYPES:
        raise ValueError(
            f"{key_type!r} is not a host key type this server can check; use an ssh-ed25519, "
            "ecdsa-sha2-nistp256/384/521 or ssh-rsa key."
        )
    try:
        blob = base64.b64decode(encoded, validate=True)
        # cryptography checks the key itself (a cut-short key is refused), paramiko uses it.
        serialization.load_ssh_public_key(f"{key_type} {encoded}".encode())
        key = paramiko.PKey.from_type_string(key_type, blob)
    except (binascii.Error, ValueError, UnsupportedAlgorithm, paramiko.SSHException):
        raise ValueError(
            "The host key's base64 text is damaged; copy the whole line as ssh-keyscan prints it."
        ) from None
    if key.get_name() != key_type:
        raise ValueError(f"The host key's text is a {key.get_name()} key, not {key_type}.")
    return key


def host_key_line(key: paramiko.PKey) -> str:
    """The key as a feed stores and shows it: ``"<type> <base64>"``."""
    return f"{key.get_name()} {key.get_base64()}"


def fingerprint(key: paramiko.PKey) -> str:
    """The key's SHA-256 fingerprint as OpenSSH prints it (``SHA256:...``)."""
    return key.fingerprint


def host_key_algorithms(key: paramiko.PKey) -> list[str]:
    """The host key algorithms to offer so that the server presents a key of ``key``'s type."""
    name = key.get_name()
    return list(_ALGORITHMS_FOR_TYPE.get(name, (name,)))


def load_private_key(text: str) -> paramiko.PKey:
    """Return the private key in ``text`` (OpenSSH or PEM, no passphrase), or raise ValueError.

    The message never repeats the key's text.
    """
    data = text.strip().encode() + b"\n"
    loaded: object
    try:
        try:
            loaded = serialization.load_ssh_private_key(data, password=None)
        except ValueError:
            loaded = serialization.load_pem_private_key(data, password=None)
    except TypeError:
        raise ValueError(
            "The private key is protected by a passphrase; give a key without one "
            "(ssh-keygen -p -N '' -f <key file> removes it from a copy)."
        ) from None
    except (ValueError, UnsupportedAlgorithm):
        raise ValueError(
            "This is not a private key; paste the whole key file, from its "
            "-----BEGIN ... PRIVATE KEY----- line to its -----END ... line."
        ) from None
    key_class: type[paramiko.PKey]
    if isinstance(loaded, ed25519.Ed25519PrivateKey):
        key_class = paramiko.Ed25519Key
    elif isinstance(loaded, ec.EllipticCurvePrivateKey):
        key_class = paramiko.ECDSAKey
    elif isinstance(loaded, rsa.RSAPrivateKey):
        key_class = paramiko.RSAKey
    else:
        raise ValueError("Use an Ed25519, ECDSA or RSA private key; DSA keys are not accepted.")
    # Every paramiko key class reads the OpenSSH format, whatever format was pasted.
    openssh = loaded.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption(),
    ).decode()
    return key_class.from_private_key(io.StringIO(openssh))
