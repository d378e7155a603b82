"""The interpreter switches threads promptly while a call holds the import queue, and as
before otherwise (`core.thread_switching`)."""

import sys
import threading

from core import thread_switching
from core.thread_switching import PROMPT_SECONDS, prompt_switching


def test_inside_the_interval_is_prompt_and_restored_after():
    before = sys.getswitchinterval()

    with prompt_switching():
        assert sys.getswitchinterval() == PROMPT_SECONDS

    assert sys.getswitchinterval() == before


def test_overlapping_sections_restore_the_interval_only_when_the_last_one_ends():
    before = sys.getswitchinterval()
    entered, leave = threading.Event(), threading.Event()

    def other() -> None:
        with prompt_switching():
            entered.set()
            leave.wait(10)

    thread = threading.Thread(target=other)
    with prompt_switching():
        thread.start()
        assert entered.wait(10)
    assert sys.getswitchinterval() == PROMPT_SECONDS  # the other section still runs
    leave.set()
    thread.join(10)

    assert sys.getswitchinterval() == before
    assert thread_switching._inside == 0


def test_an_error_inside_restores_the_interval():
    before = sys.getswitchinterval()
    try:
        with prompt_switching():
            raise RuntimeError("boom")
    except RuntimeError:
        pass

    assert sys.getswitchinterval() == before
