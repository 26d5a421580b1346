"""Several OVS instances on one host (issue 16), run for real: each instance's OVS in its
own network namespace, wired to the other by a link port, a container on each; HTTP goes
from one container to the other through both bridges."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .conftest import DATA
from .images import INDEX_HTML
from .runtime import ENGINES, Stack, on_engine, runtime_spec, stack, verify

pytestmark = [pytest.mark.runtime, pytest.mark.slow]

RUNTIME = DATA / "runtime"
INSTANCES = ("t16a", "t16b")


def _links(netns: str | None) -> str:
    argv = ["ip", "-o", "link"] if netns is None else ["ip", "-n", netns, "-o", "link"]
    return subprocess.run(argv, capture_output=True, text=True, check=True).stdout


def _get(host: Stack, container: str, url: str) -> str:
    return host.exec(container, "wget", "-q", "-T", "10", "-O", "-", url).stdout


@pytest.mark.parametrize("engine", list(ENGINES))
def test_two_instances_wired_by_a_link_carry_http_between_their_containers(
    conf: Path, tmp_path: Path, engine: str
) -> None:
    spec = on_engine(runtime_spec((RUNTIME / "switches.yaml").read_text(), conf, tmp_path), engine)
    with stack(spec, tmp_path) as host:
        for unit in ("ovs-vswitchd-t16a.service", "ovs-vswitchd-t16b.service"):
            host.start(unit)
        for unit in ("ca.service", "cb.service"):
            host.start(unit)
        # each instance's bridge is in its own namespace, not in the main one
        assert " br-a:" in _links("t16a") and " br-b:" in _links("t16b")
        main = host.host.sh("ip", "-o", "link")
        assert " br-a:" not in main and " br-b:" not in main
        assert " a-b@" in _links("t16a") and " b-a@" in _links("t16b")
        assert _get(host, "ca", "http://10.40.0.20/") == INDEX_HTML
        # verify checks each instance: its units, containers, database, bridges and ports
        checked = verify(host, tmp_path)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        lines = checked.stdout.splitlines()
        for line in (
            "PASS  container ovs-vswitchd-t16b running",
            "PASS  OVS database readable (t16a)",
            "PASS  bridge br-b address 10.40.0.1/24",
            "PASS  port a-b on bridge br-a",
            "PASS  cb/eth1 port on bridge",
            "PASS  unit ovs-ignite-netns@t16a.service active",
        ):
            assert line in lines, checked.stdout

        # B's vswitchd restarts: A's side stays, and B's container is attached again
        host.host.restart("ovs-vswitchd-t16b.service")
        assert "ovs-ignite-bridges@t16b.service" in host.host.active
        assert _get(host, "ca", "http://10.40.0.20/") == INDEX_HTML
