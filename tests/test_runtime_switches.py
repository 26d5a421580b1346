"""Several OVS instances on one host (issue 16), run for real: each instance's OVS in its
own network namespace, wired to the other by a link port, a container on each; HTTP goes
from one container to the other through both bridges."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ovs_ignite.names import host_interface_name

from .support.images import INDEX_HTML
from .support.runtime import (
    ENGINE_PARAMS,
    Stack,
    db_version,
    on_engine,
    runtime_spec,
    stack,
    to_older_schema,
    verify,
)
from .support.specs import DATA

RUNTIME = DATA / "runtime"
INSTANCES = ("t16a", "t16b")


def _links(netns: str | None) -> str:
    argv = ["ip", "-o", "link"] if netns is None else ["ip", "-n", netns, "-o", "link"]
    return subprocess.run(argv, capture_output=True, text=True, check=True).stdout


def _get(host: Stack, container: str, url: str) -> str:
    return host.exec(container, "wget", "-q", "-O", "-", url).stdout


@pytest.mark.podman
@pytest.mark.ovs
@pytest.mark.ignition
@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_two_instances_wired_by_a_link_carry_http_between_their_containers(
    conf: Path, tmp_path: Path, engine: str
) -> None:
    spec = on_engine(runtime_spec((RUNTIME / "switches.yaml").read_text(), conf, tmp_path), engine)
    with stack(spec, tmp_path) as host:
        for unit in ("ovs-vswitchd-t16a.service", "ovs-vswitchd-t16b.service"):
            host.start(unit)
        for unit in ("ca.service", "cb.service", "both.service"):
            host.start(unit)
        # each instance's bridge is in its own namespace, not in the main one
        assert " br-a:" in _links("t16a") and " br-b:" in _links("t16b")
        main = host.host.sh("ip", "-o", "link")
        assert " br-a:" not in main and " br-b:" not in main
        assert " a-b@" in _links("t16a") and " b-a@" in _links("t16b")
        assert _get(host, "ca", "http://10.40.0.20/") == INDEX_HTML
        # one container with an interface on a bridge of each instance
        for netns, iface in (("t16a", "eth1"), ("t16b", "eth2")):
            assert host_interface_name("both", iface) in _links(netns)
        assert _get(host, "ca", "http://10.40.0.30/") == INDEX_HTML
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

        # B's vswitchd restarts: A's OVS and traffic are left alone, and B's container is
        # on its bridge again
        a_before = host.container_id("ovs-vswitchd-t16a")
        b_before = host.container_id("ovs-vswitchd-t16b")
        host.host.restart("ovs-vswitchd-t16b.service")
        assert host.container_id("ovs-vswitchd-t16b") != b_before
        assert host.container_id("ovs-vswitchd-t16a") == a_before
        assert host.exec("ca", "ping", "-c", "1", "-W", "5", "10.40.0.2").returncode == 0
        assert "ovs-ignite-bridges@t16b.service" in host.host.active
        ports = host.exec("ovs-vswitchd-t16b", "ovs-vsctl", "--timeout=30", "list-ports", "br-b")
        assert host_interface_name("cb", "eth1") in ports.stdout.split()
        assert _get(host, "ca", "http://10.40.0.20/") == INDEX_HTML

        # stopping a container detaches it from every instance (no port left, no veth)
        host.stop("both.service")
        for switch, bridge, iface in (("t16a", "br-a", "eth1"), ("t16b", "br-b", "eth2")):
            left = host.exec(
                f"ovs-vswitchd-{switch}", "ovs-vsctl", "--timeout=30", "list-ports", bridge
            ).stdout.split()
            assert host_interface_name("both", iface) not in left
            assert host_interface_name("both", iface) not in _links(switch)


@pytest.mark.podman
@pytest.mark.ovs
@pytest.mark.ignition
def test_an_instances_older_database_is_converted_and_keeps_its_contents(
    conf: Path, tmp_path: Path
) -> None:
    """An upgrade of an instance's image: its own database (/var/lib/openvswitch-N) is
    converted to the image's schema at the next start, with its bridges kept."""
    spec = on_engine(
        runtime_spec((RUNTIME / "switches.yaml").read_text(), conf, tmp_path), "podman"
    )
    vswitchd = "ovs-vswitchd-t16a"
    with stack(spec, tmp_path) as host:
        host.start(f"{vswitchd}.service")
        host.exec(
            vswitchd,
            "ovs-vsctl",
            "--timeout=30",
            "add-br",
            "br-kept",
            "--",
            "set",
            "bridge",
            "br-kept",
            "datapath_type=netdev",
        )
    db = tmp_path / "host/db-t16a"
    new_version = to_older_schema(conf, spec.ovs.image, spec.ovs.schema_path, db)
    with stack(spec, tmp_path) as host:
        host.start(f"{vswitchd}.service")
        assert db_version(conf, spec.ovs.image, db) == new_version
        assert (db / "conf.db.pre-convert").exists()
        bridges = host.exec(vswitchd, "ovs-vsctl", "--timeout=30", "list-br").stdout.split()
        assert set(bridges) == {"br-a", "br-kept"}


def test_auto_update_covers_every_instance() -> None:
    """With ovs.auto_update, each instance's OVS containers carry podman's auto-update label
    (podman restarts the unit named by PODMAN_SYSTEMD_UNIT, %n: the instance's own), and an
    instance's ovs-vswitchd restarts with its ovsdb-server, as the main one does."""
    import json as json_

    from ovs_ignite import parse_spec, render
    from ovs_ignite.names import AUTO_UPDATE_LABEL

    text = (RUNTIME / "switches.yaml").read_text().replace("{ovs_image}", "quay.io/x/ovs:3")
    text = text.replace("{httpd_image}", "quay.io/x/httpd:1")
    text = text.replace(
        "  image: quay.io/x/ovs:3\n", "  image: quay.io/x/ovs:3\n  auto_update: registry\n", 1
    )
    spec = parse_spec(text, "switches.yaml")
    units = {
        u["name"]: u.get("contents", "")
        for u in json_.loads(render(spec, "s.yaml"))["systemd"]["units"]
    }
    for switch in ("t16a", "t16b"):
        for daemon in ("ovsdb-server", "ovs-vswitchd"):
            body = units[f"{daemon}-{switch}.service"]
            assert f"--label={AUTO_UPDATE_LABEL}=registry" in body
            assert "Environment=PODMAN_SYSTEMD_UNIT=%n" in body
        assert f"PartOf=ovsdb-server-{switch}.service" in units[f"ovs-vswitchd-{switch}.service"]
