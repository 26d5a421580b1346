"""The real parts a test may use, each named by a marker, and the guard that holds each test
to its markers.

A test says what it needs with ``@pytest.mark.PART`` (or a module's ``pytestmark``); the
tiers of ``scripts/test`` select by these markers, so that ``fast`` needs nothing but the
virtualenv. A test that uses a part without its marker fails, two ways:

- ``need`` and ``upstream`` (realparts.py), through which the harness finds every tool,
  fail the test when the tool's part is not among its markers;
- while a test runs, the commands of the parts it has no marker for are shadowed on PATH by
  stand-ins that say so and exit 127, so that a command run by name fails too.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pytest

# part -> the commands that make it (by name, or by the path the harness uses).
PARTS: dict[str, tuple[str, ...]] = {
    "ignition": ("butane", "ignition", "ignition-validate"),
    "systemd": ("systemd-analyze",),
    "shellcheck": ("shellcheck",),
    "podman": ("podman", "buildah", "conmon", "debootstrap"),
    "docker": ("docker", "dockerd", "containerd"),
    "ovs": (
        "ovs-vsctl",
        "ovs-ofctl",
        "ovs-appctl",
        "ovs-docker",
        "ovsdb-tool",
        "ovsdb-client",
        "ovsdb-server",
        "ovs-vswitchd",
    ),
    "qemu": ("qemu-system-x86_64", "qemu-img"),
    "registry": ("docker-registry",),
    "vagrant": ("vagrant",),
    "network": (),  # (pip, which is the venv's own)
}
MARKERS = {
    "ignition": "runs upstream Butane, Ignition or ignition-validate (or Debian's)",
    "systemd": "runs systemd's tools (systemd-analyze verify)",
    "shellcheck": "runs shellcheck",
    "podman": "runs podman (containers, image builds, debootstrap)",
    "docker": "runs a Docker engine (a dockerd of the test's own)",
    "ovs": "runs Open vSwitch (ovsdb-server, ovs-vswitchd, its tools)",
    "qemu": "boots a qemu test box",
    "registry": "runs an image registry (Debian's docker-registry)",
    "vagrant": "runs vagrant",
    "network": "downloads from the package index (a wheel's build backend)",
}
# The tiers of scripts/test, as marker expressions: together they are every test.
_ANY = " or ".join(PARTS)
TIERS = {
    "fast": f"not ({_ANY})",
    "parts": "(ignition or systemd or shellcheck or registry or vagrant or network)"
    " and not (podman or docker or ovs or qemu)",
    "runtime": "(podman or docker or ovs) and not qemu",
    "box": "qemu",
}

_current: tuple[str, frozenset[str]] = ("", frozenset(PARTS))


def part_of(tool: str | Path) -> str | None:
    """The part a tool belongs to (by its file name), or None for a tool every machine has."""
    name = Path(tool).name
    return next((part for part, tools in PARTS.items() if name in tools), None)


def check(tool: str | Path) -> None:
    """Fail the running test when tool's part is not among its markers."""
    part = part_of(tool)
    test, allowed = _current
    if part is not None and part not in allowed:
        pytest.fail(f"{test} uses {Path(tool).name} without @pytest.mark.{part}", pytrace=False)


def enter(item: pytest.Item, shadows: Path) -> str:
    """Start holding item to its markers; returns the PATH to restore afterwards."""
    global _current
    allowed = frozenset(part for part in PARTS if item.get_closest_marker(part) is not None)
    _current = (item.nodeid, allowed)
    path = os.environ.get("PATH", "")
    folder = _shadow_folder(shadows, frozenset(PARTS) - allowed)
    os.environ["PATH"] = f"{folder}{os.pathsep}{path}" if folder else path
    return path


def leave(path: str) -> None:
    global _current
    _current = ("", frozenset(PARTS))
    os.environ["PATH"] = path


def _shadow_folder(shadows: Path, parts: Iterable[str]) -> str:
    """A folder of stand-ins for the commands of parts (made once per set of parts)."""
    parts = sorted(parts)
    if not parts:
        return ""
    folder = shadows / "-".join(parts)
    if not folder.exists():
        folder.mkdir(parents=True)
        for part in parts:
            for tool in PARTS[part]:
                stand_in = folder / tool
                stand_in.write_text(
                    "#!/bin/sh\n"
                    f"echo 'this test runs {tool} without @pytest.mark.{part}' >&2\n"
                    "exit 127\n"
                )
                stand_in.chmod(0o755)
    return str(folder)
