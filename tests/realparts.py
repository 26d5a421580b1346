"""Helpers that drive the real parts: Ignition's binary and validator, systemd, shellcheck."""

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

IGNITION = Path("/usr/lib/dracut/modules.d/30ignition/ignition")


def need(tool: str | Path) -> str:
    """The path of tool; skips the test where it is missing, fails in CI (which installs it)."""
    found = str(tool) if Path(tool).is_absolute() and Path(tool).exists() else shutil.which(tool)
    if found:
        return found
    message = f"{tool} is not installed (.ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def ignition_validate(config: dict[str, Any], tmp: Path) -> subprocess.CompletedProcess[str]:
    """Run Debian's ignition-validate (2.14) on config; 3.4.0 is checked as 3.4.0-experimental."""
    validator = need("ignition-validate")
    version = config["ignition"]["version"]
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


def for_ignition_2_14(config: dict[str, Any], instances: dict[str, list[str]]) -> dict[str, Any]:
    """config as this machine's Ignition can apply it (see apply_ignition): 3.4.0 as
    3.4.0-experimental, and no ``enabled`` on instance units (their templates and instance
    names are added to instances). A config wrapped in a gzip data URL (render --wrap) is
    unwrapped, changed so, and wrapped again the same way."""
    replace = config["ignition"].get("config", {}).get("replace", {})
    if str(replace.get("source", "")).startswith("data:"):
        inner = json.loads(decode_data_url(replace["source"], replace.get("compression", "")))
        changed = json.dumps(for_ignition_2_14(inner, instances)).encode()
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
    applied = {**config, "systemd": {"units": units}} if units else dict(config)
    if applied["ignition"]["version"] == "3.4.0":
        applied["ignition"] = {**applied["ignition"], "version": "3.4.0-experimental"}
    return applied


def apply_ignition(
    config: dict[str, Any], work: Path, root: Path | None = None
) -> tuple[Path, list[str]]:
    """Apply config with the real Ignition binary (stages fetch, kargs, files) to root, or
    to a new scratch root with just the files Ignition needs.

    Returns the root and the kargs helper's arguments. Ignition 2.14 knows 3.4.0 as
    3.4.0-experimental (TESTBED.md), so that is the version it is given. It also asks a
    running systemd for its version to enable an instance unit; none runs here, so instance
    units are applied without ``enabled`` and their preset line is appended as Ignition
    would write it.
    """
    binary = need(IGNITION)
    work.mkdir(parents=True, exist_ok=True)
    path = work  # every folder above the root traversable: Ignition writes SSH keys as the user
    while path != path.parent:
        if path.exists():
            path.chmod(path.stat().st_mode | 0o055)
        path = path.parent
    cache = work / "cache"
    cache.mkdir()  # a work folder serves one apply
    if root is None:
        root = work / "root"
        root.mkdir()
        _scratch_root(root)
    record = work / "kargs.txt"
    _tools(work / "bin", record)

    instances: dict[str, list[str]] = {}
    applied = for_ignition_2_14(config, instances)
    cfg = work / "config.ign"
    cfg.write_text(json.dumps(applied))
    env = {
        **os.environ,
        "IGNITION_CONFIG_FILE": str(cfg),
        "PATH": f"{work / 'bin'}:{os.environ['PATH']}",
    }
    for stage in ("fetch", "kargs", "files"):
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


SHARED_TOOLS = Path(__file__).resolve().parent.parent.parent / "shared" / "tools"


def upstream(tool: str) -> str:
    """The path of upstream tool (butane, ignition-validate, ignition) in ../shared/tools;
    skips where a clone has no ../shared, fails in CI (which has it at that path)."""
    path = SHARED_TOOLS / tool
    if path.exists():
        return str(path)
    message = f"{path} is not here (a clone without ../shared/tools)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
