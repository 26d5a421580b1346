"""Shared fixtures: the bundled examples and every target each allows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from ovs_ignite import Spec, load_spec

# CI runs the same generated examples every time (a red build names a change, not luck);
# elsewhere hypothesis explores anew on each run.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DATA = Path(__file__).resolve().parent / "data"

# (os, ignition, runtime): every target SPEC.md allows.
TARGETS = [
    (os_, ignition, runtime)
    for os_, versions in (
        ("fcos", ("3.3.0", "3.4.0", "3.5.0", "3.6.0")),
        ("flatcar", ("3.3.0", "3.4.0")),
    )
    for ignition in versions
    for runtime in ("podman", "docker")
]


def retarget(spec: Spec, os_: str, ignition: str, runtime: str) -> Spec:
    """spec with another target."""
    target = spec.target.replaced(os=os_, ignition=ignition, runtime=runtime)
    return spec.replaced(target=target)


def example(name: str) -> Spec:
    return load_spec(ROOT / "examples" / f"{name}.yaml")


def with_containers(spec: Spec, n: int) -> Spec:
    """spec with n copies (web0, web1, ...) of its first container, each at its own address
    of its first interface's /24 (from .10 on)."""
    first = spec.containers[0]
    interface = first.interfaces[0]
    assert interface.address is not None and n <= 240
    prefix = interface.address.rsplit(".", 1)[0]
    copies = [
        first.replaced(
            name=f"web{i}", interfaces=[interface.replaced(address=f"{prefix}.{i + 10}/24")]
        )
        for i in range(n)
    ]
    return spec.replaced(containers=copies)


@pytest.fixture(scope="session")
def conf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A podman configuration for this machine (runc, cgroupfs), for the runtime tests."""
    from .images import containers_conf

    return containers_conf(tmp_path_factory.mktemp("podman") / "containers.conf")
