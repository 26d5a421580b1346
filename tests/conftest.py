"""Shared fixtures, and the guard that holds each test to the real parts its markers name
(tests/support/parts.py)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from .support import parts

# CI runs the same generated examples every time (a red build names a change, not luck);
# elsewhere hypothesis explores anew on each run.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    for name, text in parts.MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {text}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """While item runs (its fixtures' setup and teardown included), the parts its markers do
    not name are out of its reach."""
    if _SHADOWS not in item.config.stash:
        item.config.stash[_SHADOWS] = Path(tempfile.mkdtemp(prefix="ovs-ignite-parts-"))
    path = parts.enter(item, item.config.stash[_SHADOWS])
    try:
        return (yield)
    finally:
        parts.leave(path)


_SHADOWS = pytest.StashKey[Path]()  # the folder of the stand-ins of parts.py


def pytest_unconfigure(config: pytest.Config) -> None:
    if _SHADOWS in config.stash:
        shutil.rmtree(config.stash[_SHADOWS], ignore_errors=True)


@pytest.fixture(scope="session")
def conf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A podman configuration for this machine (runc, cgroupfs), for the runtime tests."""
    from .support.images import containers_conf

    return containers_conf(tmp_path_factory.mktemp("podman") / "containers.conf")
