"""Fixtures of the webhooks app: a real loopback HTTP receiver."""

import pytest

from webhooks.tests.receiver import Receiver


@pytest.fixture
def receiver():
    """A loopback HTTP receiver that answers 200 unless told otherwise."""
    with Receiver(hang_seconds=30) as server:
        yield server
