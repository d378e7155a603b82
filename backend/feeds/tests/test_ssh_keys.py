"""Host keys and private keys as a feed takes them, and what a wrong one is told."""

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from feeds.sources.ssh_keys import host_key_line, load_private_key, parse_host_key

from .sshd_server import new_private_key


def test_a_known_hosts_line_and_a_bare_key_give_the_same_key():
    _, public = new_private_key()

    assert host_key_line(parse_host_key(public)) == " ".join(public.split()[:2])
    assert host_key_line(parse_host_key(f"[sftp.example.com]:2222 {public}")) == host_key_line(
        parse_host_key(public)
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("ssh-ed25519", "its type and its base64 text"),
        ("", "its type and its base64 text"),
        ("ssh-dss AAAAB3NzaC1kc3M=", "'ssh-dss' is not a host key type"),
        ("ssh-ed25519 AAAA!!notbase64", "damaged"),
        ("ssh-ed25519 AAAAB3NzaC1yc2E=", "damaged"),
    ],
)
def test_wrong_host_keys_say_what_is_wrong(text, says):
    with pytest.raises(ValueError, match=says):
        parse_host_key(text)


@pytest.mark.parametrize("private_format", ["openssh", "pkcs8", "pkcs1"])
@pytest.mark.parametrize("kind", ["rsa", "ecdsa"])
def test_private_keys_in_every_common_format_load(kind, private_format):
    key = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        if kind == "rsa"
        else ec.generate_private_key(ec.SECP256R1())
    )
    formats = {
        "openssh": serialization.PrivateFormat.OpenSSH,
        "pkcs8": serialization.PrivateFormat.PKCS8,
        "pkcs1": serialization.PrivateFormat.TraditionalOpenSSL,
    }
    text = key.private_bytes(
        serialization.Encoding.PEM, formats[private_format], serialization.NoEncryption()
    ).decode()

    loaded = load_private_key(text)

    assert loaded.get_name() == ("ssh-rsa" if kind == "rsa" else "ecdsa-sha2-nistp256")


def test_an_ed25519_key_loads():
    private, public = new_private_key()

    assert host_key_line(load_private_key(private)) == " ".join(public.split()[:2])


def test_a_key_with_a_passphrase_is_refused_saying_so():
    key = ec.generate_private_key(ec.SECP256R1())
    text = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.BestAvailableEncryption(b"passphrase"),
    ).decode()

    with pytest.raises(ValueError, match="protected by a passphrase"):
        load_private_key(text)


@pytest.mark.parametrize("text", ["", "hunter2", "-----BEGIN RSA PRIVATE KEY-----\nhunter2\n"])
def test_text_that_is_not_a_private_key_is_refused_without_repeating_it(text):
    with pytest.raises(ValueError) as caught:
        load_private_key(text)

    assert "paste the whole key file" in str(caught.value)
    assert "hunter2" not in str(caught.value)
