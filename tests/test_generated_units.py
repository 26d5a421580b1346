"""Every generated unit passes systemd-analyze verify (the scripts: test_units.py).

The units are taken from a root the real Ignition wrote. ``systemd-analyze verify --root``
looks for everything a unit names inside that root, so the root gets a copy of this
machine's own units (sysinit.target, multi-user.target, ...) and two stubs: /usr/bin/podman
and /usr/bin/docker stand for the runtime the host OS ships (no docker engine exists here);
verify only checks that they are executable files.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from ovs_ignite import Spec, load_spec, render
from ovs_ignite.names import SCRIPT

from .support.realparts import apply_ignition, need
from .support.specs import DATA, EXAMPLES, retarget

pytestmark = [pytest.mark.systemd, pytest.mark.ignition]

SPECS = [*EXAMPLES, *sorted((DATA / "valid").glob("*.yaml"))]
RUNTIMES = ["podman", "docker"]


def applied_root(spec: Spec, tmp_path: Path) -> Path:
    root, _ = apply_ignition(json.loads(render(spec, "spec.yaml")), tmp_path)
    shutil.copytree("/usr/lib/systemd/system", root / "usr/lib/systemd/system", symlinks=True)
    (root / "usr/bin").mkdir(parents=True, exist_ok=True)
    for runtime in RUNTIMES:
        stub = root / "usr/bin" / runtime
        stub.write_text("#!/bin/sh\nexit 0\n")
        stub.chmod(0o755)
    return root


def _spec_and_root(path: Path, runtime: str, tmp_path: Path) -> tuple[Spec, Path]:
    """The spec at path with runtime, and a root the real Ignition wrote from it."""
    spec = load_spec(path)
    spec = retarget(spec, spec.target.os, spec.target.ignition, runtime)
    return spec, applied_root(spec, tmp_path)


def unit_names(folder: Path) -> list[str]:
    """The units a root's folder of units holds that systemd-analyze can verify: services
    and targets (templates aside), and the instances that have drop-ins of their own."""
    names = sorted(
        p.name
        for p in [*folder.glob("*.service"), *folder.glob("*.target")]
        if not p.name.endswith("@.service")
    )
    return names + [p.name.removesuffix(".d") for p in folder.glob("*@*.service.d")]


def systemd_analyze_verify(root: Path, names: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [need("systemd-analyze"), "verify", f"--root={root}", *names],
        capture_output=True,
        text=True,
        check=False,
        cwd=root / "etc/systemd/system",
    )


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
@pytest.mark.parametrize("runtime", RUNTIMES)
def test_units_pass_systemd_analyze_verify(path: Path, runtime: str, tmp_path: Path) -> None:
    spec, root = _spec_and_root(path, runtime, tmp_path)
    units = root / "etc/systemd/system"
    names = unit_names(units)
    # A unit: container's own unit is the user's; give verify a stand-in for it.
    for container in spec.containers:
        if container.unit:
            (units / container.unit).write_text("[Service]\nExecStart=/usr/bin/podman start -a x\n")
    result = systemd_analyze_verify(root, names)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr


def test_verify_catches_a_broken_unit(tmp_path: Path) -> None:
    root = applied_root(load_spec(EXAMPLES[0]), tmp_path)
    (root / "etc/systemd/system/broken.service").write_text("[Service]\nExecStart=/nonexistent\n")
    assert systemd_analyze_verify(root, ["broken.service"]).returncode != 0


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_units_hand_the_runtime_no_bare_container_name(runtime: str, tmp_path: Path) -> None:
    """Given a name it cannot find, the runtime takes it for the prefix of an ID: the units
    run a container (`run --name`, no `--replace`) and leave every other act on it (rm,
    stop) to the host script, which resolves the exact name to a full ID first. The runtime
    tests show that the script does (test_runtime_names.py)."""
    spec, root = _spec_and_root(DATA / "valid" / "hex-names.yaml", runtime, tmp_path)
    script = SCRIPT[spec.target.os]
    acts: dict[str, list[list[str]]] = {}
    runs: list[str] = []
    for unit in sorted((root / "etc/systemd/system").glob("*.service")):
        # the unit and its drop-ins (an image: container's: a link to the shared body)
        texts = [unit.read_text(), *(p.read_text() for p in unit.parent.glob(f"{unit.name}.d/*"))]
        text = "\n".join(texts).replace("\\\n", " ").replace("%N", unit.stem)
        for line in text.splitlines():
            key, _, command = line.partition("=")
            if not key.startswith("Exec"):
                continue
            argv = shlex.split(command.lstrip("-"))
            if argv[:3] == [script, "run-container", unit.stem]:
                argv = argv[3:]  # the host script adds the container's own part, then runs it
            if argv[0] == f"/usr/bin/{runtime}" or argv[:2] == [script, "run"]:
                # (docker's: the host script runs it detached and waits on it)
                assert argv[1] == "run" and "--replace" not in argv, (unit.name, line)
                runs.append(unit.name)
            if argv[0] == script and argv[1] in ("rm", "stop"):
                acts.setdefault(unit.name, []).append(argv[1:])
    containers = ["c1", "db", "42", "ovsdb-server", "ovs-vswitchd"]
    assert sorted(runs) == sorted(f"{name}.service" for name in containers)
    seconds = {"ovsdb-server": "30", "ovs-vswitchd": "30"}
    assert acts == {
        f"{name}.service": [["rm", name], ["stop", name, seconds.get(name, "10")], ["rm", name]]
        for name in containers
    }
