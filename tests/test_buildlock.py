"""The locks that runs side by side build the kept test images and the box root under."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from .support import buildlock
from .support.buildlock import build_lock

# Another process's try at the lock file, without waiting: 0 when it got it, 1 when held.
_TRY = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
try:
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
except BlockingIOError:
    sys.exit(1)
"""


def _other_process_gets(lock: Path) -> bool:
    return subprocess.run([sys.executable, "-c", _TRY, str(lock)], check=False).returncode == 0


def test_the_lock_keeps_other_processes_out_and_a_build_inside_a_build_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(buildlock, "LOCKS", tmp_path)  # (a run beside this one may hold one)
    lock = buildlock.lock_path("ovs")
    with build_lock("ovs"):
        assert not _other_process_gets(lock)
        with build_lock("ovs"):  # (a build inside a build of the same: no deadlock)
            assert not _other_process_gets(lock)
        assert not _other_process_gets(lock)  # (the inner block let nothing go)
    assert _other_process_gets(lock)


def test_each_name_is_its_own_lock_and_each_thread_waits_for_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The box root is built in a thread beside the images: it takes its own lock, and a
    thread never takes another's lock for its own (a build inside its build)."""
    monkeypatch.setattr(buildlock, "LOCKS", tmp_path)
    got: list[str] = []

    def other_thread(name: str) -> None:
        with build_lock(name):
            got.append(name)

    with build_lock("ovs"):
        beside = threading.Thread(target=other_thread, args=("box-root",))
        beside.start()
        beside.join(timeout=30)
        assert got == ["box-root"]  # (not held up by the images' lock)
        assert _other_process_gets(buildlock.lock_path("box-root"))
        waiting = threading.Thread(target=other_thread, args=("ovs",))
        waiting.start()
        waiting.join(timeout=1)
        assert waiting.is_alive() and got == ["box-root"]  # (it waits, not "inside" a build)
    waiting.join(timeout=30)
    assert got == ["box-root", "ovs"]
