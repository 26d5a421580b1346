"""The nginx example on a booted box: real Ignition, real systemd, real podman, the kernel's
openvswitch datapath; ``ovs-ignite verify`` over ssh (issue: boot it for real). The same
checks run on a Flatcar-shaped box: the spec's target is flatcar, so its containers run on
a real Docker engine and the host script is under /opt/bin.

The example's images are swapped for the test images (no registry here: busybox httpd
stands in for nginx) and its SSH key for one the test makes; everything else is the example.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from ovs_ignite import Spec, load_spec, parse_spec, render
from ovs_ignite.names import (
    BRIDGES_UNIT,
    OVSDB_UNIT,
    VSWITCHD_UNIT,
    attach_unit,
    host_interface_name,
)
from ovs_ignite.records import Qos, SystemPort
from ovs_ignite.specschema import document

from .support.box import (
    DEAD_MAC,
    DEAD_NIC,
    FIRST_NIC,
    SECOND_NIC,
    Box,
    base_root,
    provision,
    ssh_key,
)
from .support.images import (
    INDEX_HTML,
    broken_ovsdb_image,
    httpd_image,
    older_schema_image,
    ovs_image,
)
from .support.registry import push, registry
from .support.runtime import ENGINES, on_engine
from .support.specs import ROOT

pytestmark = [pytest.mark.qemu, pytest.mark.podman, pytest.mark.ignition, pytest.mark.registry]

ATTACH = attach_unit("web")
# systemd's "unit started" journal message (see `journalctl --catalog`).
UNIT_STARTED = "39f53479d3a045ac8e11786248231fbf"


# Where the box finds the host's loopback (qemu's user network).
HOST_FROM_BOX = "10.0.2.2"
OVS_REPOSITORY = "ovs-ignite/openvswitch:test"
# How the podman box's images are pushed: zstd layers unpack quicker in an emulated box.
LAYERS = "zstd"
HTTPD_REPOSITORY = "ovs-ignite/httpd:test"


@dataclass
class Images:
    """The podman box's images and the registry they come from (the docker box loads
    archives and has none)."""

    conf: Path
    registry: str = ""  # host:port on the host's loopback
    older: str = ""  # the OVS image the box starts with: an older database schema
    older_version: str = ""
    newer: str = ""  # the recipe's image: the update
    broken: str = ""  # an update whose ovsdb-server does not start

    def push(self, image: str) -> None:
        push(self.conf, image, f"{self.registry}/{OVS_REPOSITORY}", compression=LAYERS)


@pytest.fixture(scope="module", params=list(ENGINES))
def box(
    conf: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Box]:
    engine = request.param
    work = tmp_path_factory.mktemp(f"box-{engine}")
    work.chmod(0o755)
    with ExitStack() as stack:
        images = Images(conf)
        if engine == "podman":
            images.registry = stack.enter_context(registry(work / "registry"))
        yield stack.enter_context(_booted(work, engine, images))


INSTANCES = ("lab1", "lab2")


def _with_instances(spec: Spec, ovs: str, httpd: str, loaded: dict[str, list[str]]) -> Spec:
    """spec with two more OVS instances (issue 16), kernel datapath in each namespace,
    wired by a link port, and a container on each; their units are added to those of their
    images in loaded (image -> units)."""
    more = parse_spec(
        "version: 1\novs: {image: x}\n"
        "switches: [{name: lab1}, {name: lab2}]\n"
        "bridges:\n"
        "  - {name: br-l1, switch: lab1, ports: [{name: l1-l2, type: link, peer_switch: lab2,"
        " peer: l2-l1}]}\n"
        "  - {name: br-l2, switch: lab2, ports: [{name: l2-l1, type: link, peer_switch: lab1,"
        " peer: l1-l2}]}\n"
        "containers:\n"
        f"  - {{name: wa, image: '{httpd}',\n"
        "      interfaces: [{bridge: br-l1, address: 10.50.0.10/24}]}\n"
        f"  - {{name: wb, image: '{httpd}',\n"
        "      interfaces: [{bridge: br-l2, address: 10.50.0.20/24}]}\n",
        "instances.yaml",
    )
    spec = spec.replaced(
        switches=more.switches,
        bridges=[*spec.bridges, *more.bridges],
        containers=[*spec.containers, *more.containers],
    )
    loaded[httpd] += ["wa.service", "wb.service"]
    for name in INSTANCES:
        # (on docker, the instance's network namespace is held by a container of the OVS image)
        loaded[ovs] += [f"ovs-ignite-netns@{name}.service", f"ovsdb-server-{name}.service"]
        loaded[ovs].append(f"ovs-vswitchd-{name}.service")
    return spec


# Flatcar's own catch-all of systemd-networkd (flatcar/init), as TESTBED.md gives it: every
# link but a few types and drivers gets DHCP, an OVS bridge's internal port among them.
FLATCAR_CATCH_ALL = "/usr/lib/systemd/network/zz-default.network"
FLATCAR_NETWORK = """\
[Match]
Name=*
Type=!loopback bridge tunnel vxlan wireguard
Driver=!veth dummy

[Network]
DHCP=yes
KeepConfiguration=dhcp-on-stop
IPv6AcceptRA=true

[DHCP]
ClientIdentifier=mac
UseMTU=true
UseDomains=true
"""


# Issue 28: the box's only way out, its first NIC, as the uplink of br-ex with the host's
# DHCP lease, a container on br-ex with an address of qemu's network (which the box's
# forward reaches from outside), and a NIC with no DHCP server behind it as the uplink of
# br-dead, which must roll back.
UPLINKS = parse_spec(
    "version: 1\novs: {image: x}\n"
    "bridges:\n"
    f"  - {{name: br-ex, uplink: {FIRST_NIC}, address: dhcp}}\n"
    f"  - {{name: br-dead, uplink: {{mac: '{DEAD_MAC}'}}, address: dhcp, uplink_timeout: 10}}\n"
    "containers:\n"
    "  - {name: edge, image: x,\n"
    "     interfaces: [{bridge: br-ex, address: 10.0.2.50/24, gateway: 10.0.2.2}]}\n"
    # (issue 31: egress shaping, on the kernel datapath; edge is the control)
    "  - {name: sink, image: x,\n"
    "     interfaces: [{bridge: br-ex, address: 10.0.2.60/24,\n"
    "                   qos: {max_rate: 100000, queues: [{id: 0, max_rate: 100000}]}}]}\n",
    "uplinks.yaml",
)
# (and the box's second NIC, a port of br-app, shaped too)
NIC_QOS = Qos(type="linux-htb", max_rate=10_000_000, queues=[])


@contextmanager
def _booted(work: Path, engine: str, images: Images) -> Iterator[Box]:
    """The nginx example booted on engine: with podman, its images come from the registry
    (the OVS image with an older schema, and ovs.auto_update: registry); with docker, from
    archives."""
    conf = images.conf
    key, public = ssh_key(work)
    example = load_spec(ROOT / "examples" / "nginx.yaml")
    with ThreadPoolExecutor(1) as pool:  # (the box root's debootstrap beside the images')
        root = pool.submit(base_root)
        ovs, httpd = ovs_image(conf, work), httpd_image(conf, work)
        root.result()
    files = dict[str, str]()
    ovs_update: dict[str, object] = {"image": ovs}
    loaded = {
        ovs: [OVSDB_UNIT, VSWITCHD_UNIT],
        httpd: ["web.service", "edge.service", "sink.service"],
    }
    if images.registry:
        loaded = {}  # (the box's units pull them)
        images.newer = ovs
        images.older, images.older_version = older_schema_image(conf, work, ovs)
        images.broken = broken_ovsdb_image(conf, work, ovs)
        images.push(images.older)
        push(conf, httpd, f"{images.registry}/{HTTPD_REPOSITORY}", compression=LAYERS)
        port = images.registry.rsplit(":", 1)[1]
        ovs = f"{HOST_FROM_BOX}:{port}/{OVS_REPOSITORY}"
        httpd = f"{HOST_FROM_BOX}:{port}/{HTTPD_REPOSITORY}"
        ovs_update = {"image": ovs, "auto_update": "registry"}
        files = {
            "/etc/containers/registries.conf.d/50-ovs-ignite-test.conf": (
                f'[[registry]]\nlocation = "{HOST_FROM_BOX}:{port}"\ninsecure = true\n'
            )
        }
    assert example.host is not None
    user = example.host.users[0].replaced(ssh_authorized_keys=[public])
    # (and the box's second NIC on br-app: the OS's network manager must leave it alone)
    second = SystemPort(
        name=SECOND_NIC,
        vlan=None,
        trunks=None,
        vlan_mode=None,
        mtu=None,
        ingress_policing_rate=None,
        ingress_policing_burst=None,
        qos=NIC_QOS,
        other_config={},
        external_ids={},
        type="system",
        ofport=None,
    )
    bridge = example.bridges[0].replaced(ports=[second])
    spec = example.replaced(
        ovs=example.ovs.replaced(**ovs_update),
        bridges=[bridge, *UPLINKS.bridges],
        containers=[
            example.containers[0].replaced(image=httpd),
            *(container.replaced(image=httpd) for container in UPLINKS.containers),
        ],
        host=example.host.replaced(users=[user]),
    )
    spec = on_engine(spec, engine)
    if engine == "docker":  # (the podman box runs auto-update; this one, two more instances)
        spec = _with_instances(spec, ovs, httpd, loaded)
        files[FLATCAR_CATCH_ALL] = FLATCAR_NETWORK  # (and Flatcar's network manager)
    (work / "spec.yaml").write_text(json.dumps(document(spec)))
    machine = provision(
        json.loads(render(spec, "nginx.yaml")),
        conf,
        loaded,
        work,
        engine,
        files=files,
    )
    assert machine.key == key
    machine.images = images
    machine.boot()
    try:
        machine.wait_for(f"systemctl is-active {ATTACH}", timeout=600)
        yield machine
    finally:
        # (its power cut, not a power-off: the reboot tests show the clean shutdown on each
        # engine, and one more here would cost half a minute of emulated shutdown)
        machine.power_loss()


def _verify(box: Box) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "ovs_ignite",
            "verify",
            str(box.work / "spec.yaml"),
            "--hosts",
            "ssh://box",
            "--ssh-config",
            str(box.ssh_config),
            "--sudo",
            "--junit",
            str(box.work / "verify.xml"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def _verified(box: Box) -> subprocess.CompletedProcess[str]:
    """verify on the box: everything passes but br-dead's uplink, which rolled back."""
    # (every container's attach first: the fixture and the reboots wait for web's only, and
    # in the CI run at bbff319 sink's was still activating when verify looked)
    attaches = " ".join(attach_unit(name) for name in _containers(box))
    box.wait_for(f'test "$(systemctl is-active {attaches} | sort -u)" = active', timeout=300)
    result = _verify(box)
    failed = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert failed and all("br-dead" in line for line in failed), result.stdout + result.stderr
    assert f"FAIL  bridge br-dead uplink: expected the NIC with MAC {DEAD_MAC}" in result.stdout
    assert "PASS  bridge br-ex uplink" in result.stdout
    assert "PASS  bridge br-ex DHCP lease" in result.stdout
    assert "PASS  bridge br-ex default route" in result.stdout
    return result


def _http(box: Box) -> str:
    return box.wait_for(
        "curl -sf --max-time 5 --interface 10.10.0.1 http://10.10.0.10/", timeout=300
    )


def _ports(box: Box, nic: bool = False) -> list[str]:
    """The ports of br-app: its containers' (and with nic, the box's NIC on it too)."""
    out = box.ssh(f"sudo {box.engine} exec ovs-vswitchd ovs-vsctl list-ports br-app").stdout
    return [port for port in out.split() if nic or port != SECOND_NIC]


def test_first_boot_verifies_and_serves_http(box: Box) -> None:
    result = _verified(box)
    assert "PASS  web/eth1 address 10.10.0.10/24" in result.stdout
    assert "datapath_type: expected 'system'" not in result.stdout
    assert _http(box) == INDEX_HTML
    assert (
        box.ssh(
            f"sudo {box.engine} exec ovs-vswitchd ovs-vsctl get bridge br-app datapath_type"
        ).stdout.strip()
        == "system"
    )
    assert "openvswitch" in box.ssh("lsmod").stdout


def test_boot_order_in_the_journal(box: Box, capsys: pytest.CaptureFixture[str]) -> None:
    out = box.ssh(f"sudo journalctl -b -o json MESSAGE_ID={UNIT_STARTED}").stdout
    entries = [json.loads(line) for line in out.splitlines()]
    order = [entry.get("UNIT") for entry in entries]
    wanted = [OVSDB_UNIT, VSWITCHD_UNIT, BRIDGES_UNIT, ATTACH]
    assert all(unit in order for unit in wanted), order
    assert [u for u in order if u in wanted] == wanted
    # Issue 17: from ovs-vswitchd active to the last container attached, by the journal's
    # clock (TCG emulation: for comparing one change with the next, not a claim).
    started = {e["UNIT"]: int(e["__MONOTONIC_TIMESTAMP"]) for e in entries if "UNIT" in e}
    attaches = [t for unit, t in started.items() if unit.startswith("ovs-attach@")]
    span = (max(attaches) - started[VSWITCHD_UNIT]) / 1000
    assert span > 0
    with capsys.disabled():
        print(
            f"\n[box, {box.engine}] ovs-vswitchd.service active to the last of "
            f"{len(attaches)} attaches done: {span:.0f} ms (journal timestamps)"
        )


# Each box's network manager: the unit, and how to list what it does with each link (a
# line a link: name, then its state).
MANAGERS = {
    "podman": ("NetworkManager", "nmcli -t -f DEVICE,STATE device | tr : ' '"),
    "docker": (
        "systemd-networkd",
        "networkctl list --no-legend --no-pager | awk '{print $2, $5}'",
    ),
}
# A line that succeeds once br-ex, the uplink's bridge, has the host's DHCP address.
LEASED = "ip -o -4 addr show dev br-ex | grep -q ' inet 10[.]0[.]2[.]'"


def _manager_states(box: Box) -> dict[str, str]:
    """What the box's network manager does with each link it knows (unmanaged, ...)."""
    listing = box.ssh(MANAGERS[box.engine][1]).stdout
    return {cols[0]: cols[1] for line in listing.splitlines() if len(cols := line.split()) >= 2}


def test_the_network_manager_leaves_ovs_alone(box: Box) -> None:
    """(issue 26, item 17; issue 28, item 1) The OS's network manager configures every link
    it is not told to leave: on the Flatcar-shaped box, systemd-networkd with Flatcar's
    catch-all took br-app half a second after the bridges unit made it, ran DHCP on it and
    dropped its address on some boots; on the FCOS-shaped box, NetworkManager auto-connects
    every ethernet device with DHCP. The rendered configuration makes each leave the
    bridge, the NIC on it (whose network has a DHCP server) and the containers' host ends
    alone, across a restart of the manager too, while the box's own NIC keeps its lease."""
    manager = MANAGERS[box.engine][0]
    others = {"podman": "systemd-networkd", "docker": "NetworkManager"}[box.engine]
    assert box.ssh(f"systemctl is-active {manager}").stdout.strip() == "active"
    assert box.ssh(f"systemctl is-active {others}", check=False).stdout.strip() != "active"
    if box.engine == "docker":
        assert box.ssh(f"test -e {FLATCAR_CATCH_ALL}", check=False).returncode == 0
    for restart in (False, True):
        if restart:
            box.ssh(f"sudo systemctl restart {manager}")
        box.wait_for(LEASED)  # (the host's address, on the uplink's bridge)
        states = _manager_states(box)
        links = ("br-app", SECOND_NIC, host_interface_name("web", "eth1"), "br-ex", FIRST_NIC)
        for link in links:
            assert states.get(link) == "unmanaged", (link, states)
        if box.engine == "docker":
            assert states.get("ovs-system") == "unmanaged", states
        assert "10.10.0.1/24" in box.ssh("ip -o -4 addr show dev br-app").stdout
        assert box.ssh(f"ip -o -4 addr show dev {SECOND_NIC}").stdout == ""  # no DHCP lease
        assert _http(box) == INDEX_HTML
    ports = _ports(box, nic=True)
    assert SECOND_NIC in ports, ports


def _outside_http(box: Box, timeout: float = 120) -> str:
    """GET / of the container on br-ex from outside the box (qemu's forward to 10.0.2.50)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{box.http_port}/", timeout=5) as answer:
                return str(answer.read().decode())
        except OSError as error:
            if time.monotonic() > deadline:
                raise AssertionError(f"no HTTP from outside in {timeout}s: {error}") from None
            time.sleep(2)


def _uplink_log(box: Box, bridge: str, boot: int = 0) -> str:
    return box.ssh(f"sudo journalctl -b {boot} -o cat -u ovs-ignite-uplink@{bridge}.service").stdout


def _seconds(pattern: str, text: str) -> float:
    found = re.search(pattern, text)
    assert found, (pattern, text)
    return float(found.group(1))


def _uplink_holds(box: Box) -> None:
    """br-ex has the host's lease, its MAC and the default route; ens3 has no address and
    is br-ex's port; HTTP from outside reaches the container on br-ex."""
    box.wait_for(LEASED)
    assert box.ssh(f"ip -o addr show dev {FIRST_NIC} scope global").stdout == ""
    macs = box.ssh(f"cat /sys/class/net/{FIRST_NIC}/address /sys/class/net/br-ex/address")
    assert len(set(macs.stdout.split())) == 1, macs.stdout
    assert " dev br-ex " in box.ssh("ip route show default").stdout + " "
    ports = box.ssh(f"sudo {box.engine} exec ovs-vswitchd ovs-vsctl list-ports br-ex").stdout
    assert FIRST_NIC in ports.split(), ports
    assert _outside_http(box) == INDEX_HTML


def test_the_uplink_carries_the_host_and_a_container(
    box: Box, capsys: pytest.CaptureFixture[str]
) -> None:
    """(issue 28, items 2 and 5) The box's only NIC is br-ex's uplink with dhcp: the host
    keeps its lease on the bridge (this ssh runs through it), reaches its gateway, and a
    container on br-ex answers HTTP from outside the box."""
    _uplink_holds(box)
    log = _uplink_log(box, "br-ex")
    away = _seconds(r"gateway 10\.0\.2\.2 answered ([0-9.]+) s after", log)
    lease = _seconds(r"its own DHCP lease came ([0-9.]+) s after", log)
    lease_line = box.ssh(
        f"sudo {box.engine} exec ovs-vswitchd ovs-vsctl get interface br-ex "
        "external_ids:ovs-ignite-lease"
    ).stdout
    assert "10.0.2." in lease_line and "10.0.2.2" in lease_line, lease_line
    with capsys.disabled():
        print(
            f"\n[box, {box.engine}] uplink move: the host's address away {away:.3f} s (from "
            f"{FIRST_NIC} joining br-ex to the gateway's answer there; goal < 3 s); the "
            f"bridge's own lease after {lease:.3f} s (TCG emulation)"
        )


def test_a_dead_uplink_rolls_back(box: Box, capsys: pytest.CaptureFixture[str]) -> None:
    """(issue 28, items 3 and 5) br-dead's uplink, a NIC with no DHCP server behind it,
    gets no lease within its 10 s: the move is undone, the unit fails saying why, the NIC is
    the OS's network manager's again, the host stays reachable, and verify says so (its
    first-boot run)."""
    unit = "ovs-ignite-uplink@br-dead.service"
    assert box.ssh(f"systemctl is-failed {unit}", check=False).stdout.strip() == "failed"
    log = _uplink_log(box, "br-dead")
    assert "no DHCP lease within 10s" in log, log
    undo = _seconds(rf"rolled back: {DEAD_NIC} is \S+'s again \(([0-9.]+) s\)", log)
    ports = box.ssh(f"sudo {box.engine} exec ovs-vswitchd ovs-vsctl list-ports br-dead").stdout
    assert DEAD_NIC not in ports.split(), ports
    assert _manager_states(box).get(DEAD_NIC) not in (None, "unmanaged"), _manager_states(box)
    # (verify's failure for it: _verified, on the first boot and after each reboot)
    with capsys.disabled():
        print(f"\n[box, {box.engine}] uplink rollback: {undo:.3f} s after its 10 s timeout")


def test_killed_container_is_restarted_and_attached_again(box: Box) -> None:
    pid = f"sudo {box.engine} inspect --format '{{{{.State.Pid}}}}' web"
    before = box.ssh(pid).stdout
    box.ssh(f"sudo {box.engine} kill web")
    box.wait_for(f'test "$({pid})" != {before.strip()} && systemctl is-active {ATTACH}')
    assert _http(box) == INDEX_HTML
    assert _ports(box) == [host_interface_name("web", "eth1")]


def test_egress_qos_shapes_what_a_container_receives(box: Box) -> None:
    """(issue 31) sink's interface has a 100 kbit/s linux-htb QoS, on the kernel datapath,
    and the box's second NIC a 10 Mbit/s one: the kernel's htb classes are those of OVS's
    records. Of datagrams the box sends to sink and to edge (no QoS) in turn, edge receives
    nearly all and sink a small part, the rest held in its queue. After a restart of sink
    (a new port) its QoS is made again and its old port's record is removed; one that
    another port has too is not removed with that port's next one."""
    vsctl = f"sudo {box.engine} exec ovs-vswitchd ovs-vsctl"
    sink_if = host_interface_name("sink", "eth1")

    def own() -> list[str]:
        """The QoS records ovs-ignite made."""
        found = box.ssh(f"{vsctl} --bare --columns=_uuid find qos external_ids:ovs-ignite=qos")
        return sorted(found.stdout.split())

    def received(container: str) -> int:
        """The packets container's eth1 has received (ip in its network namespace: the
        host's /sys shows the host's links)."""
        pid = box.ssh(f"sudo {box.engine} inspect --format '{{{{.State.Pid}}}}' {container}")
        ip = f"sudo nsenter --target {pid.stdout.strip()} --net ip -j -s link show dev eth1"
        (link,) = json.loads(box.ssh(ip).stdout)
        return int(link["stats64"]["rx"]["packets"])

    classes = box.ssh(f"sudo tc class show dev {sink_if}").stdout
    assert "class htb 1:fffe root rate 100Kbit ceil 100Kbit " in classes, classes
    assert re.search(r"class htb 1:1 parent 1:fffe .* ceil 100Kbit ", classes), classes
    classes = box.ssh(f"sudo tc class show dev {SECOND_NIC}").stdout
    assert "class htb 1:fffe root rate 10Mbit ceil 10Mbit " in classes, classes
    ports = {
        port: box.ssh(f"{vsctl} get port {port} qos").stdout.strip()
        for port in (sink_if, SECOND_NIC, host_interface_name("edge", "eth1"))
    }
    shaped = sorted(uuid for uuid in ports.values() if uuid != "[]")
    assert shaped == own() and len(shaped) == 2, (ports, own())  # (edge's has none)
    before = received("sink"), received("edge")
    send = 'p=$(printf %1200s x); for i in $(seq 500); do for a in 60 50; do echo "$p" '
    send += ">/dev/udp/10.0.2.$a/9; done; done 2>/dev/null; true"
    box.ssh(f"bash -c '{send}'")
    to_sink, to_edge = received("sink") - before[0], received("edge") - before[1]
    # (100 kbit/s is about 10 such datagrams a second)
    assert to_edge >= 400 and to_sink * 4 < to_edge, (to_sink, to_edge)
    shown = box.ssh(f"sudo tc -s class show dev {sink_if} classid 1:1").stdout
    held = re.search(r"dropped ([0-9]+),.*backlog [0-9]+b ([0-9]+)p", shown, re.DOTALL)
    assert held and int(held[1]) + int(held[2]) > 0, shown

    box.ssh("sudo systemctl restart sink.service")
    box.wait_for(f"systemctl is-active {attach_unit('sink')}")
    again = box.ssh(f"{vsctl} get port {sink_if} qos").stdout.strip()
    assert again not in ports.values() and again in own() and len(own()) == 2, (again, own())
    classes = box.ssh(f"sudo tc class show dev {sink_if}").stdout
    assert "class htb 1:fffe root rate 100Kbit" in classes, classes
    # A record of ovs-ignite that another port has too (sink's, set on the NIC by hand) stays
    # when the bridges run gives the NIC its own again (removing it would fail that run's
    # transaction); the NIC's earlier one, which no port has then, goes with its sweep.
    box.ssh(f"{vsctl} set port {SECOND_NIC} qos={again}")
    box.ssh("sudo systemctl restart ovs-ignite-bridges.service")
    nic = box.ssh(f"{vsctl} get port {SECOND_NIC} qos").stdout.strip()
    assert box.ssh(f"{vsctl} get port {sink_if} qos").stdout.strip() == again
    assert nic != again and own() == sorted([again, nic]), (nic, again, own())


def test_vswitchd_restart_recovers_traffic(box: Box) -> None:
    if box.engine == "docker":
        pytest.skip(
            "the uplink's hand-back and move at a restart are the same host script on both "
            "engines; the runtime tests restart OVS under docker"
        )
    box.ssh("sudo systemctl restart ovs-vswitchd.service")
    assert _http(box) == INDEX_HTML
    _uplink_holds(box)  # (issue 28, item 4: the uplink was handed back and moved again)
    box.ssh("sudo systemctl restart ovsdb-server.service")
    box.wait_for("systemctl is-active ovs-vswitchd.service ovs-ignite-uplink@br-ex.service")
    _uplink_holds(box)


def test_stopping_ovs_is_a_clean_stop_not_a_failure(box: Box) -> None:
    box.ssh("sudo systemctl stop ovs-vswitchd.service ovsdb-server.service")
    shown = box.ssh(
        "systemctl show -p ActiveState -p Result ovsdb-server.service ovs-vswitchd.service"
    ).stdout.split()
    assert sorted(shown) == ["ActiveState=inactive"] * 2 + ["Result=success"] * 2, shown
    box.ssh("sudo systemctl start ovs-ignite-bridges.service")  # pulls both OVS units in
    assert _http(box) == INDEX_HTML


def test_stopping_the_container_unit_detaches(box: Box) -> None:
    box.ssh("sudo systemctl stop web.service")
    assert box.ssh(f"systemctl is-active {ATTACH}", check=False).stdout.strip() != "active"
    assert _ports(box) == []
    box.ssh("sudo systemctl start web.service")
    box.wait_for(f"systemctl is-active {ATTACH}")
    assert _http(box) == INDEX_HTML


FAULT_DROPIN = "/etc/systemd/system/ovs-attach@web.service.d/90-fault.conf"


def _fault_hook(box: Box, mark: str, action: str) -> str:
    """A fault hook of web's attach that runs the shell line action at its OVS step, once
    (it leaves mark); the path of the drop-in that sets it."""
    hook = (
        f'#!/bin/sh\n[ "$1" = attach-ovs ] || exit 0\n[ -e {mark} ] && exit 0\n'
        f"touch {mark}\n{action}\n"
    )
    box.ssh(
        f"printf '%s' '{hook}' | sudo tee /usr/local/bin/fault-hook >/dev/null && "
        "sudo chmod 755 /usr/local/bin/fault-hook && "
        f"sudo mkdir -p {FAULT_DROPIN.rsplit('/', 1)[0]} && "
        "printf '[Service]\\nEnvironment=OVS_IGNITE_HOOK=/usr/local/bin/fault-hook\\n' | "
        f"sudo tee {FAULT_DROPIN} >/dev/null && sudo systemctl daemon-reload"
    )
    return FAULT_DROPIN


@pytest.mark.parametrize("daemon", ["ovsdb-server"])
def test_ovs_dying_during_an_attach_is_recovered_by_systemd(box: Box, daemon: str) -> None:
    """The OVS container dies at the attach's OVS step (a fault hook, once): the attach
    fails loudly, systemd restarts the OVS unit and retries the attach until it holds.
    (One daemon shows systemd's recovery here; the runtime tests kill each.)"""
    if box.engine == "docker":
        # (the same host script and attach unit on both engines; the runtime tests run both
        # daemons' faults with docker too)
        pytest.skip("the podman box shows systemd's recovery; the runtime tests cover docker's")
    mark = f"/run/fault-{daemon}"
    dropin = _fault_hook(box, mark, f"{box.engine} kill --signal=KILL {daemon} >/dev/null")
    try:
        since = box.clock()
        box.ssh("sudo systemctl restart web.service")
        box.wait_for(f"test -e {mark} && systemctl is-active {ATTACH}", timeout=300)
        journal = box.ssh(f"sudo journalctl -u {ATTACH} --since '{since}' -o cat").stdout
        assert "web/eth1: the OVS port step failed" in journal, journal
        assert _http(box) == INDEX_HTML
        assert _ports(box) == [host_interface_name("web", "eth1")]
    finally:
        box.ssh(f"sudo rm -f {dropin} {mark} && sudo systemctl daemon-reload")


@pytest.mark.parametrize("how", ["stopped", "died"])
def test_a_container_that_stops_during_its_attach_leaves_no_failed_unit(box: Box, how: str) -> None:
    """(issue 26, item 18) web stops at its attach's OVS step (a hook, once): by a stop of
    its unit, or by its container dying (Restart=always brings it back). systemd stops the
    attach with it (PropagatesStopTo=), with SIGTERM: that ends clean, not as a failed unit
    that stays once nothing is wrong, and web's next start attaches it again."""
    if box.engine == "docker":
        pytest.skip("the same attach unit on both engines; the podman box shows it")
    action = {
        "stopped": "systemctl --no-block stop web.service",
        "died": f'{box.engine} stop --time=1 "$(cat /run/ovs-ignite/web.cid)" >/dev/null',
    }[how]
    mark = "/run/fault-stop-web"
    dropin = _fault_hook(box, mark, action)
    try:
        since = box.clock()
        box.ssh("sudo systemctl restart web.service")
        if how == "stopped":
            box.wait_for(f"test -e {mark} && ! systemctl is-active web.service {ATTACH}")
            shown = box.ssh(f"systemctl show -p ActiveState -p Result {ATTACH}").stdout
            assert sorted(shown.split()) == ["ActiveState=inactive", "Result=success"], shown
            box.ssh("sudo systemctl start web.service")
        # (the hook ran at the OVS step: the attach was cut short, then web's next start
        # attached it again)
        box.wait_for(f"test -e {mark} && systemctl is-active {ATTACH}")
        log = box.ssh(f"sudo journalctl -u {ATTACH} --since '{since}' -o cat").stdout
        assert "Failed with result" not in log, log
        assert _http(box) == INDEX_HTML
        assert _ports(box) == [host_interface_name("web", "eth1")]
    finally:
        box.ssh(f"sudo rm -f {dropin} {mark} && sudo systemctl daemon-reload")


# The units of the boxes' containers, OVS and ovs-ignite, and the scopes of the containers.
OURS = ("ovs", "web.", "wa.", "wb.", "libpod-", "docker-")


def _containers(box: Box) -> list[str]:
    return ["web", "edge", "sink", *(["wa", "wb"] if box.engine == "docker" else [])]


def test_reboot_keeps_the_database_and_verifies_again(box: Box) -> None:
    box.ssh(
        f"sudo {box.engine} exec ovs-vswitchd ovs-vsctl set Open_vSwitch . "
        "external_ids:survives-reboot=yes"
    )
    since = box.clock()
    box.shutdown()
    box.boot()
    box.wait_for(f"systemctl is-active {ATTACH}", timeout=600)
    # Issue 18: the shutdown stopped the containers after their detaches, while OVS ran:
    # every detach removed its ports, no unit of ours failed, this boot found no stale port.
    shutdown = box.ssh(f"sudo journalctl -b -1 --since '{since}' -o json").stdout
    entries = [json.loads(line) for line in shutdown.splitlines()]
    failed = [
        f"{e.get('UNIT')}: {e.get('MESSAGE')}"
        for e in entries
        if str(e.get("UNIT", e.get("_SYSTEMD_UNIT", ""))).startswith(OURS)
        and any(bad in str(e.get("MESSAGE")) for bad in ("Failed with result", "ignite: error:"))
    ]
    assert not failed, failed
    messages = [str(e.get("MESSAGE")) for e in entries]
    for name in _containers(box):
        assert any(m.startswith(f"ovs-ignite: detached {name}: removed port") for m in messages)
    boot = box.ssh("sudo journalctl -b 0 -o cat").stdout
    assert "removed stale port" not in boot, boot
    kept = box.ssh(
        f"sudo {box.engine} exec ovs-vswitchd ovs-vsctl get Open_vSwitch . "
        "external_ids:survives-reboot"
    ).stdout.strip()
    assert kept == "yes"
    _verified(box)
    assert _http(box) == INDEX_HTML
    # (issue 28, item 4) The shutdown handed the uplink back before OVS stopped; this boot
    # moved it again, and rolled br-dead back again.
    assert f"br-ex: {FIRST_NIC} and the host's address are back" in _uplink_log(box, "br-ex", -1)
    _uplink_holds(box)
    assert "no DHCP lease within 10s" in _uplink_log(box, "br-dead")
    # Every stop of the first boot (restarts, stops, the power-off) was clean: no daemon
    # ended on a general protection fault, as OVS as PID 1 of its container did.
    kernel = box.ssh("sudo journalctl --quiet -k -b -1 -o cat").stdout
    assert "openvswitch: Open vSwitch switching datapath" in kernel
    assert "general protection" not in kernel, kernel


def test_power_loss_recovers_at_boot(box: Box) -> None:
    """No shutdown at all: the ports of the last boot stay in the database (on disk, after a
    sync) with their veths gone; the next boot removes them and attaches again."""
    if box.engine == "docker":
        pytest.skip(
            "the sweep at boot is the same host script on both engines (and the "
            "runtime tests run it with docker); one box shows it, for the suite's time"
        )
    assert _ports(box) == [host_interface_name("web", "eth1")]
    box.ssh("sync")
    box.power_loss()
    box.boot()
    box.wait_for(f"systemctl is-active {ATTACH}", timeout=600)
    boot = box.ssh("sudo journalctl -b 0 -o cat").stdout
    assert f"removed stale port {host_interface_name('web', 'eth1')} of container web" in boot
    assert _ports(box) == [host_interface_name("web", "eth1")]
    assert _http(box) == INDEX_HTML
    _verified(box)
    # (issue 28, item 4) The uplink's port of the last boot is swept before ovs-vswitchd
    # starts (else it would take the NIC with the address still on it), then moved anew.
    assert f"removed the uplink ports of an earlier boot (its power was cut): {FIRST_NIC}" in boot
    _uplink_holds(box)


def _db_version(box: Box) -> str:
    return box.ssh(
        "sudo podman exec ovsdb-server ovsdb-tool db-version /var/lib/openvswitch/conf.db"
    ).stdout.strip()


def _running_image(box: Box, container: str) -> str:
    return box.ssh(f"sudo podman inspect --format '{{{{.Image}}}}' {container}").stdout.strip()


@contextmanager
def _settled_on(box: Box, image_id: str, since: str) -> Iterator[None]:
    """Wait until OVS, the bridges and web's attach are active, no job of theirs is queued, and
    both OVS containers run image_id; then run the block. (A unit that auto-update restarts
    can be restarted again by its PartOf= peer: "active" alone may be seen between the two.)
    If the wait or the block fails, the failure carries the OVS units' journal since the
    update."""
    units = f"{OVSDB_UNIT} {VSWITCHD_UNIT} {BRIDGES_UNIT} {ATTACH}"
    images = "sudo podman inspect --format '{{.Image}}' ovsdb-server ovs-vswitchd | sort -u"
    jobs = f"systemctl list-jobs --no-legend {units}"
    try:
        box.wait_for(
            f'systemctl is-active {units} && test -z "$({jobs})" && test "$({images})" = {image_id}'
        )
        yield
    except AssertionError as failure:
        journal = box.ssh(
            f"sudo journalctl --since '{since}' -o short-monotonic -u {OVSDB_UNIT} "
            f"-u {VSWITCHD_UNIT} -u podman-auto-update.service | tail -n 120",
            check=False,
        ).stdout
        raise AssertionError(f"{failure}\n--- OVS units since the update:\n{journal}") from None


def _image_id(box: Box, image: str) -> str:
    """The ID of a host image: the same in the box, an image's ID being its config's digest."""
    return subprocess.run(
        ["podman", "image", "inspect", "--format", "{{.Id}}", image],
        env={**os.environ, "CONTAINERS_CONF": str(box.images.conf)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _auto_update(box: Box) -> dict[str, str]:
    """podman auto-update in the box, as its timer runs it: unit -> what it reports."""
    out = box.ssh(
        "sudo podman auto-update --format '{{.Unit}} {{.Updated}}'", check=False, timeout=900
    )
    return {
        unit: state
        for unit, _, state in (line.partition(" ") for line in out.stdout.splitlines())
        if unit
    }


def test_auto_update_converts_the_database_and_attaches_again(box: Box) -> None:
    if box.engine != "podman":
        pytest.skip("auto-update is podman's (Flatcar's docker has none)")
    assert box.ssh("systemctl is-active podman-auto-update.timer").stdout.strip() == "active"
    images = box.images
    assert _db_version(box) == images.older_version
    assert _running_image(box, "ovsdb-server") == _image_id(box, images.older)
    box.ssh("sudo rm -f /var/lib/openvswitch/conf.db.pre-convert")
    box.ssh("sudo podman exec ovs-vswitchd ovs-vsctl add-br br-kept")

    images.push(images.newer)  # the same tag, a newer schema
    since = box.clock()
    updated = _auto_update(box)
    assert updated[OVSDB_UNIT] == updated[VSWITCHD_UNIT] == "true", updated
    with _settled_on(box, _image_id(box, images.newer), since):
        assert _db_version(box) != images.older_version
        box.ssh("sudo test -s /var/lib/openvswitch/conf.db.pre-convert")  # the old copy is kept
        bridges = box.ssh("sudo podman exec ovs-vswitchd ovs-vsctl list-br").stdout.split()
        assert bridges == ["br-app", "br-dead", "br-ex", "br-kept"]
        assert _http(box) == INDEX_HTML
        assert _ports(box) == [host_interface_name("web", "eth1")]  # no stale port
        _uplink_holds(box)


def test_a_failed_auto_update_rolls_back_and_leaves_the_database_usable(box: Box) -> None:
    if box.engine != "podman":
        pytest.skip("auto-update is podman's (Flatcar's docker has none)")
    images = box.images
    version = _db_version(box)
    images.push(images.broken)  # its ovsdb-server does not start
    since = box.clock()
    updated = _auto_update(box)
    assert updated[OVSDB_UNIT] == "rolled back", updated
    with _settled_on(box, _image_id(box, images.newer), since):
        assert _db_version(box) == version
        journal = box.ssh(f"sudo journalctl -u {OVSDB_UNIT} -b -o cat").stdout
        assert "this ovsdb-server does not start" in journal
        bridges = box.ssh("sudo podman exec ovs-vswitchd ovs-vsctl list-br").stdout.split()
        assert bridges == ["br-app", "br-dead", "br-ex", "br-kept"]
        assert _http(box) == INDEX_HTML
        assert _ports(box) == [host_interface_name("web", "eth1")]


def test_two_instances_in_their_namespaces_carry_http_across_a_link(box: Box) -> None:
    """Two more OVS instances (issue 16), each in its own network namespace with the kernel
    datapath, wired by a link port: a container on one gets HTTP from a container on the
    other through both bridges."""
    if box.engine != "docker":
        pytest.skip("the instances are booted on the docker box (the podman box runs auto-update)")
    box.wait_for("systemctl is-active ovs-attach@wa.service ovs-attach@wb.service", timeout=600)
    for name, bridge in zip(INSTANCES, ("br-l1", "br-l2"), strict=True):
        links = box.ssh(f"sudo ip -n {name} -o link").stdout
        assert f" {bridge}:" in links, links
        datapath = box.ssh(
            f"sudo docker exec ovs-vswitchd-{name} ovs-vsctl get bridge {bridge} datapath_type"
        ).stdout.strip()
        assert datapath in ("system", '""'), datapath
    assert " br-l1:" not in box.ssh("ip -o link").stdout
    got = box.wait_for("sudo docker exec wa wget -q -O - http://10.50.0.20/", timeout=120)
    assert got == INDEX_HTML


def _apply(box: Box, spec: dict[str, object], *extra: str) -> subprocess.CompletedProcess[str]:
    """ovs-ignite apply of spec (a document) over ssh with sudo, as a user runs it."""
    path = box.work / "applied.yaml"
    path.write_text(json.dumps(spec))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "ovs_ignite",
            "apply",
            str(path),
            "--hosts",
            "ssh://box",
            "--ssh-config",
            str(box.ssh_config),
            "--sudo",
            *extra,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def _apply_said(box: Box, result: subprocess.CompletedProcess[str]) -> str:
    """What apply said, with the box's side of it: the generations' logs, br-ex's uplink."""
    logs = box.ssh(
        "sudo sh -c 'tail -n 40 /var/lib/ovs-ignite/generations/*/log'; "
        "sudo journalctl -b 0 -o short-monotonic -u ovs-ignite-uplink@br-ex.service | tail -n 30",
        check=False,
    )
    return f"exit {result.returncode}\n{result.stdout}\n{result.stderr}\n{logs.stdout}"


def _generations(box: Box) -> str:
    return box.ssh("sudo bash /var/lib/ovs-ignite/ovs-ignite-apply status").stdout.strip()


def test_apply_over_ssh_is_kept_across_a_reboot_and_undone_when_it_cuts_the_box_off(
    box: Box,
) -> None:
    """(issue 33) apply on the booted box, over ssh with sudo: real systemd reloads,
    disables, restarts; the change survives a reboot; a change that takes the box's address
    away (br-ex's uplink on a static address qemu forwards nothing to) cuts the controller
    off, and the box's own rollback timer puts the lease back: the box answers again."""
    if box.engine == "docker":
        pytest.skip(
            "apply's host side is the same script on both engines (the runtime tests run it "
            "with docker); one box shows it over ssh, for the suite's time"
        )
    _uplink_holds(box)  # (as the tests before left it)
    spec = json.loads((box.work / "spec.yaml").read_text())
    # v2: br-dead (whose uplink fails by design) gone, web on another address.
    spec["bridges"] = [b for b in spec["bridges"] if b["name"] != "br-dead"]
    web = next(c for c in spec["containers"] if c["name"] == "web")
    web["interfaces"][0]["address"] = "10.10.0.11/24"
    done = _apply(box, spec, "--timeout", "300")
    assert done.returncode == 0 and 'outcome: "kept"' in done.stdout, _apply_said(box, done)
    assert _generations(box) == "kept 1"
    assert "ovs-ignite-rollback" not in box.ssh("systemctl list-timers --all").stdout
    http = "curl -sf --max-time 5 --interface 10.10.0.1 http://10.10.0.11/"
    assert box.wait_for(http, timeout=120) == INDEX_HTML
    exists = f"sudo {box.engine} exec ovs-vswitchd ovs-vsctl br-exists br-dead"
    assert box.ssh(exists, check=False).returncode == 2
    dead = box.ssh("systemctl is-failed ovs-ignite-uplink@br-dead.service", check=False)
    assert dead.stdout.strip() != "failed", dead.stdout
    assert _ports(box) == [host_interface_name("web", "eth1")]

    # A reboot keeps it: the same generation, and the host as v2 says.
    box.shutdown()
    box.boot()
    box.wait_for(f"systemctl is-active {ATTACH}", timeout=600)
    assert _generations(box) == "kept 1"
    assert box.wait_for(http, timeout=300) == INDEX_HTML
    _uplink_holds(box)

    # v3 cuts the box off: br-ex on a static address (its gateway answers, so the uplink
    # holds) where qemu forwards no ssh. The controller loses the box; the box's timer
    # (20 s after the reconcile) undoes the change by itself, and it answers again.
    cut = json.loads(json.dumps(spec))
    br_ex = next(b for b in cut["bridges"] if b["name"] == "br-ex")
    br_ex["address"] = "10.0.2.99/24"
    br_ex["routes"] = [{"to": "default", "via": "10.0.2.2"}]
    # Which the controller sees first is a race it does not control: ssh giving up on the
    # silent box (30 s, exit 4), or the timer's rollback letting the stalled command through
    # (the checks then see the box as it was, and the host side says the timer came first).
    lost = _apply(box, cut, "--timeout", "20")
    said = f"{lost.returncode}\n{lost.stdout}\n{lost.stderr}"
    if lost.returncode == 4:
        assert "stopped answering" in lost.stdout, said
        assert "its timer undoes" in lost.stdout, said  # (begin's session may die too)
    else:
        assert lost.returncode == 3, said
        assert 'outcome: "rolled back by its timer before the checks ended' in lost.stdout, said
        assert "failed:" not in lost.stdout, said
    box.wait_for("true", timeout=600)
    assert _generations(box) == "kept 1"
    rollback = box.ssh("sudo journalctl -b 0 -o cat -u 'ovs-ignite-rollback-*'").stdout
    assert "rolling back generation 2" in rollback, rollback
    _uplink_holds(box)
    assert box.wait_for(http, timeout=120) == INDEX_HTML
