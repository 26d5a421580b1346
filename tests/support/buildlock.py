"""Locks for what the tests build once and keep (images, the boxes' base root): runs side by
side (pytest-xdist's workers, the tiers CI runs at once) then build each thing once, each
waiting for the other, instead of both building it into the same place.

Each thing is a lock of its own (an image, the boxes' base root), so that one build does not
hold up another: the box tier's first box builds its root beside its images while the
parts tier builds the DPDK image. A build inside a build (the OVS image's base) takes its
lock inside the other's, always in that order: no two builds wait for each other."""

from __future__ import annotations

import fcntl
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCKS = Path(tempfile.gettempdir())

# (held by this thread already: a build inside a build, e.g. the OVS image's base)
_held = threading.local()


def lock_path(name: str) -> Path:
    return LOCKS / f"ovs-ignite-test-builds-{name}.lock"


@contextmanager
def build_lock(name: str) -> Iterator[None]:
    """Held while a kept thing is looked for and, when missing, built."""
    depth: dict[str, int] = _held.__dict__.setdefault("depth", {})
    if depth.get(name):
        depth[name] += 1
        try:
            yield
        finally:
            depth[name] -= 1
        return
    fd = os.open(lock_path(name), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        depth[name] = 1
        try:
            yield
        finally:
            depth[name] = 0
    finally:
        os.close(fd)  # (which releases the lock)
