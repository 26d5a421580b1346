"""The bundled examples, every target each allows, and helpers that make specs from them."""

from __future__ import annotations

from pathlib import Path

from ovs_ignite import Spec, load_spec

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DATA = Path(__file__).resolve().parent.parent / "data"

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
    assert isinstance(interface.address, str) and n <= 240
    prefix = interface.address.rsplit(".", 1)[0]
    copies = [
        first.replaced(
            name=f"web{i}", interfaces=[interface.replaced(address=f"{prefix}.{i + 10}/24")]
        )
        for i in range(n)
    ]
    return spec.replaced(containers=copies)
