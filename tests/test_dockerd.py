"""The Docker engine of the runtime tests (tests/support/dockerd.py) touches nothing outside
its test: while it runs, its network namespace has no bridge and no iptables rule of
Docker's; after it stops, the machine has the same links, iptables rules and mounts as
before, and no daemon."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import pytest

from .support.dockerd import engine
from .support.realparts import need

pytestmark = [pytest.mark.docker, pytest.mark.podman]


def _machine() -> dict[str, list[str]]:
    def lines(*argv: str) -> list[str]:
        return subprocess.run(argv, capture_output=True, text=True, check=True).stdout.splitlines()

    return {
        "links": [line.split(":")[1] for line in lines("ip", "-o", "link")],
        "iptables": lines(need("iptables"), "-S"),
        "mounts": Path("/proc/mounts").read_text().splitlines(),
        "daemons": subprocess.run(
            ["pgrep", "-f", "dockerd|containerd"], capture_output=True, text=True, check=False
        ).stdout.split(),
    }


def test_the_test_engine_runs_and_leaves_nothing_behind(tmp_path: Path) -> None:
    before = _machine()
    netns = f"ovsi-{uuid.uuid4().hex[:8]}"
    subprocess.run(["ip", "netns", "add", netns], check=True)
    try:
        with engine(tmp_path / "data", tmp_path / "work", netns) as client:
            info = client("info", "--format", "{{.DockerRootDir}} {{.Driver}}").stdout
            assert info.split()[0] == str(tmp_path / "data")
            assert _machine()["daemons"]  # it does run
            inside = ["nsenter", f"--net=/run/netns/{netns}", "--"]
            links = subprocess.run(
                [*inside, "ip", "-o", "link"], capture_output=True, text=True, check=True
            ).stdout
            rules = subprocess.run(
                [*inside, need("iptables"), "-S"], capture_output=True, text=True, check=True
            ).stdout
            assert "docker0" not in links and "DOCKER" not in rules, (links, rules)
    finally:
        subprocess.run(["ip", "netns", "del", netns], check=False)
    assert _machine() == before
