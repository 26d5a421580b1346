"""Helpers that drive the real parts: Ignition's binary and validator, systemd, shellcheck.

The oracles (docs/development.md, "Which oracle runs where"): upstream Butane, ignition-validate and
Ignition from ../shared/tools (``upstream``) check and apply every config version natively;
Debian's ignition-validate (2.14) is a second validator for the versions it knows
(``debian_ignition_validate``).
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ovs_ignite.ignition import decode_data_url

from .parts import check

# Debian's ignition-validate (2.14), by its path: scripts/test puts the upstream one first
# on PATH. The config versions it validates (3.4.0 as 3.4.0-experimental).
DEBIAN_VALIDATE = Path("/usr/bin/ignition-validate")
DEBIAN_VERSIONS = ("3.3.0", "3.4.0")


def need(tool: str | Path) -> str:
    """The path of tool; skips the test where it is missing, fails in CI (which installs it).
    A test whose markers do not name tool's part fails (parts.py)."""
    check(tool)
    found = str(tool) if Path(tool).is_absolute() and Path(tool).exists() else shutil.which(tool)
    if found:
        return found
    message = f"{tool} is not installed (.ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def ignition_validate(config: dict[str, Any], tmp: Path) -> subprocess.CompletedProcess[str]:
    """Run the current upstream ignition-validate on config (every version, natively)."""
    version = config["ignition"]["version"]
    path = tmp / f"upstream-validate-{version}.ign"
    path.write_text(json.dumps(config))
    return subprocess.run(
        [upstream("ignition-validate"), str(path)], capture_output=True, text=True, check=False
    )


def debian_ignition_validate(config: dict[str, Any], tmp: Path) -> subprocess.CompletedProcess[str]:
    """Run Debian's ignition-validate (2.14) on config, a version of DEBIAN_VERSIONS; 3.4.0
    is checked as 3.4.0-experimental (TESTBED.md)."""
    validator = need(DEBIAN_VALIDATE)
    version = config["ignition"]["version"]
    assert version in DEBIAN_VERSIONS, version
    if version == "3.4.0":
        config = {**config, "ignition": {**config["ignition"], "version": "3.4.0-experimental"}}
    path = tmp / f"validate-{version}.ign"
    path.write_text(json.dumps(config))
    return subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)


def _scratch_root(root: Path) -> None:
    (root / "etc/selinux").mkdir(parents=True)
    (root / "etc/selinux/config").write_text("SELINUX=disabled\nSELINUXTYPE=targeted\n")
    (root / "etc/passwd").write_text(
        "root:x:0:0:root:/root:/bin/bash\ncore:x:1000:1000:CoreOS Admin:/home/core:/bin/bash\n"
    )
    (root / "etc/group").write_text("root:x:0:\ncore:x:1000:\n")
    (root / "etc/shadow").write_text("root:*:19000:0:99999:7:::\ncore:*:19000:0:99999:7:::\n")
    (root / "etc/gshadow").write_text("root:*::\ncore:!::\n")
    for name in ("etc/shadow", "etc/gshadow"):
        (root / name).chmod(0o600)
    (root / "home/core").mkdir(parents=True)
    os.chown(root / "home/core", 1000, 1000)


def _tools(bindir: Path, record: Path) -> None:
    bindir.mkdir()
    (bindir / "setfiles").write_text("#!/bin/sh\nexit 0\n")
    # What FCOS's `rdcore kargs` would apply: one line per requested argument.
    (bindir / "ignition-kargs-helper").write_text(
        f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a" >> {record}; done\n'
    )
    for tool in bindir.iterdir():
        tool.chmod(0o755)


def without_instance_enables(
    config: dict[str, Any], instances: dict[str, list[str]]
) -> dict[str, Any]:
    """config as Ignition can apply it with no systemd running (see apply_ignition): no
    ``enabled`` on instance units (their templates and instance names are added to
    instances). A config wrapped in a gzip data URL (render --wrap) is unwrapped, changed so,
    and wrapped again the same way."""
    replace = config["ignition"].get("config", {}).get("replace", {})
    if str(replace.get("source", "")).startswith("data:"):
        inner = json.loads(decode_data_url(replace["source"], replace.get("compression", "")))
        changed = json.dumps(without_instance_enables(inner, instances)).encode()
        payload = gzip.compress(changed) if replace.get("compression") == "gzip" else changed
        source = "data:;base64," + base64.b64encode(payload).decode()
        outer = {**config["ignition"], "config": {"replace": {**replace, "source": source}}}
        config = {**config, "ignition": outer}
    units = []
    for unit in config.get("systemd", {}).get("units", []):
        name = unit["name"]
        if "@" in name and not name.endswith("@.service") and unit.get("enabled"):
            template, _, instance = name.partition("@")
            instances.setdefault(template + "@.service", []).append(
                instance.removesuffix(".service")
            )
            unit = {k: v for k, v in unit.items() if k != "enabled"}
        units.append(unit)
    return {**config, "systemd": {"units": units}} if units else dict(config)


def _traversable(work: Path) -> None:
    """Every folder above work traversable: Ignition writes SSH keys as the user. Again
    before each stage: a pytest session that starts meanwhile (the box tier beside this one)
    takes group and other bits off /tmp/pytest-of-USER, which once failed the files stage
    with "permission denied"."""
    path = work
    while path != path.parent:
        if path.exists():
            path.chmod(path.stat().st_mode | 0o055)
        path = path.parent


def apply_ignition(
    config: dict[str, Any], work: Path, root: Path | None = None
) -> tuple[Path, list[str]]:
    """Apply config with the current upstream Ignition (stages fetch, kargs, files; every
    config version natively) to root, or to a new scratch root with just the files Ignition
    needs.

    Returns the root and the kargs helper's arguments. To enable an instance unit Ignition
    asks the running systemd for its version (it dials /run/systemd/private); none runs
    here, so instance units are applied without ``enabled`` and their preset line is
    appended as Ignition would write it.
    """
    binary = upstream("ignition")
    work.mkdir(parents=True, exist_ok=True)
    _traversable(work)
    cache = work / "cache"
    cache.mkdir()  # a work folder serves one apply
    if root is None:
        root = work / "root"
        root.mkdir()
        _scratch_root(root)
    record = work / "kargs.txt"
    _tools(work / "bin", record)

    instances: dict[str, list[str]] = {}
    applied = without_instance_enables(config, instances)
    cfg = work / "config.ign"
    cfg.write_text(json.dumps(applied))
    env = {
        **os.environ,
        "IGNITION_CONFIG_FILE": str(cfg),
        "PATH": f"{work / 'bin'}:{os.environ['PATH']}",
    }
    for stage in ("fetch", "kargs", "files"):
        _traversable(work)
        result = subprocess.run(
            [
                binary,
                "-platform",
                "file",
                "-stage",
                stage,
                "-root",
                str(root),
                "-log-to-stdout",
                "-config-cache",
                str(cache / "config.json"),
                "-neednet",
                str(work / "neednet"),
                "-state-file",
                str(work / "state"),
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"ignition {stage} failed:\n{result.stdout}\n{result.stderr}"
    if instances:
        preset = root / "etc/systemd/system-preset/20-ignition.preset"
        preset.parent.mkdir(parents=True, exist_ok=True)
        with preset.open("a") as handle:
            for template, names in instances.items():
                handle.write(f"enable {template} {' '.join(names)}\n")
    kargs = record.read_text().splitlines() if record.exists() else []
    return root, kargs


SHARED_TOOLS = Path(__file__).resolve().parents[3] / "shared" / "tools"


def upstream(tool: str) -> str:
    """The path of upstream tool (butane, ignition-validate, ignition) in ../shared/tools;
    skips where a clone has no ../shared, fails in CI (which has it at that path). A test
    without the ignition marker fails."""
    check(tool)
    path = SHARED_TOOLS / tool
    if path.exists():
        return str(path)
    message = f"{path} is not here (a clone without ../shared/tools)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def decoded(node: Any) -> Any:
    """A config with every data URL replaced by the bytes it stands for (compression
    undone; ``compression`` left out), so that two configs that write the same bytes compare
    equal however each encoded them."""
    if isinstance(node, list):
        return [decoded(item) for item in node]
    if not isinstance(node, dict):
        return node
    source = node.get("source")
    if isinstance(source, str) and source.startswith("data:"):
        rest = {k: decoded(v) for k, v in node.items() if k not in ("source", "compression")}
        return {**rest, "data": decode_data_url(source, node.get("compression") or "")}
    return {key: decoded(value) for key, value in node.items()}


def butane_strict(text: str) -> subprocess.CompletedProcess[str]:
    """The upstream Butane (--strict: a warning is an error) on a Butane document."""
    return subprocess.run(
        [upstream("butane"), "--strict"], input=text, capture_output=True, text=True, check=False
    )
