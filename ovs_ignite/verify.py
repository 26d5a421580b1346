"""Check a provisioned host against its spec, over testinfra (``ssh://``, ``local://``, ...).

Every check is one ``Check``: a name, whether it passed, and what was found. OVS state is
read with ``ovs-vsctl --format=json`` inside the ovs-vswitchd container; a container's
interfaces are read from the host with ``nsenter`` (an application image need not have
``ip``).
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol
from xml.etree import ElementTree

from . import names
from .models import AnyPort, BondPort, Bridge, OnePort, Spec
from .ovsconfig import interface_options, interface_type
from .plan import InterfaceData, build_plan, container_data, kernel_arguments


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    found: str = ""

    def __str__(self) -> str:
        text = f"{'PASS' if self.passed else 'FAIL'}  {self.name}"
        return f"{text}: {self.found}" if self.found and not self.passed else text


class CommandResult(Protocol):
    rc: int
    stdout: str


class TestinfraHost(Protocol):
    def run(self, command: str, *args: str) -> Any: ...


class CheckedHost:
    """Runs commands on the checked host (a testinfra host)."""

    def __init__(self, host: TestinfraHost) -> None:
        self.host = host

    def run(self, *argv: str) -> tuple[int, str]:
        result = self.host.run(" ".join(shlex.quote(a) for a in argv))
        return int(result.rc), str(result.stdout)


def _atom(value: Any) -> Any:
    """An OVSDB JSON value as Python: sets as lists, maps as dicts, uuids as strings."""
    if isinstance(value, list) and len(value) == 2 and value[0] in ("set", "map", "uuid"):
        kind, inner = value
        if kind == "set":
            return [_atom(v) for v in inner]
        if kind == "map":
            return {_atom(k): _atom(v) for k, v in inner}
        return inner
    return value


def _table(host: CheckedHost, runtime: str, table: str) -> list[dict[str, Any]]:
    rc, out = host.run(
        runtime, "exec", names.VSWITCHD, "ovs-vsctl", "--timeout=30", "--format=json", "list", table
    )
    if rc != 0:
        return []
    data = json.loads(out)
    return [
        dict(zip(data["headings"], (_atom(v) for v in row), strict=True)) for row in data["data"]
    ]


def _set(value: Any) -> list[Any]:
    """A set column: OVSDB writes a set of one as the bare value."""
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def _one(value: Any) -> Any:
    """A column that holds at most one value (an empty set means none)."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _check(name: str, want: Any, got: Any) -> Check:
    return Check(name, want == got, f"want {want!r}, found {got!r}")


def _port_checks(
    port: AnyPort, bridge: str, ports: dict[str, Any], interfaces: dict[str, Any]
) -> Iterator[Check]:
    row = ports.get(port.name)
    yield Check(f"port {port.name} on bridge {bridge}", row is not None, "no such port")
    if row is None:
        return
    yield _check(f"port {port.name} tag", port.vlan, _one(row["tag"]))
    yield _check(f"port {port.name} trunks", sorted(port.trunks or []), sorted(_set(row["trunks"])))
    if isinstance(port, BondPort):
        members = sorted(interfaces[u]["name"] for u in _set(row["interfaces"]) if u in interfaces)
        yield _check(f"bond {port.name} interfaces", sorted(port.interfaces), members)
        yield _check(
            f"bond {port.name} bond_mode", port.bond_mode or "active-backup", _one(row["bond_mode"])
        )
        yield _check(f"bond {port.name} lacp", port.lacp or "off", _one(row["lacp"]))
        return
    iface = next((i for i in interfaces.values() if i["name"] == port.name), None)
    if iface is None:
        yield Check(f"interface {port.name}", False, "no such interface")
        return
    yield _check(f"interface {port.name} type", interface_type(port), iface["type"])
    if isinstance(port, OnePort) and port.ofport is not None:
        yield _check(f"interface {port.name} ofport", port.ofport, _one(iface["ofport"]))
    options = interface_options(port)
    if options:
        got = {k: v for k, v in iface["options"].items() if k in options}
        yield _check(f"interface {port.name} options", options, got)


def _bridge_id_checks(bridge: Bridge, row: dict[str, Any]) -> Iterator[Check]:
    """The datapath ID the bridge reports, and its own other_config and external_ids keys."""
    if bridge.datapath_id is not None:
        yield _check(
            f"bridge {bridge.name} datapath_id", bridge.datapath_id, _one(row["datapath_id"])
        )
    for column, wanted in (
        ("other_config", bridge.other_config),
        ("external_ids", bridge.external_ids),
    ):
        if wanted:
            got = {k: v for k, v in row[column].items() if k in wanted}
            yield _check(f"bridge {bridge.name} {column}", dict(wanted), got)


def _bridge_checks(
    spec: Spec, bridge: Bridge, host: CheckedHost, tables: dict[str, Any]
) -> Iterator[Check]:
    rows = {r["name"]: r for r in tables["Bridge"]}
    row = rows.get(bridge.name)
    yield Check(f"bridge {bridge.name}", row is not None, f"bridges: {sorted(rows)}")
    if row is None:
        return
    yield _check(f"bridge {bridge.name} datapath_type", spec.datapath(bridge), row["datapath_type"])
    yield _check(f"bridge {bridge.name} fail_mode", bridge.fail_mode, _one(row["fail_mode"]))
    yield _check(
        f"bridge {bridge.name} protocols",
        sorted(bridge.protocols or []),
        sorted(_set(row["protocols"])),
    )
    yield from _bridge_id_checks(bridge, row)
    controllers = {r["_uuid"]: r["target"] for r in tables["Controller"]}
    found = sorted(controllers.get(u, u) for u in _set(row["controller"]))
    yield _check(f"bridge {bridge.name} controllers", sorted(bridge.controllers or []), found)
    ports_by_uuid = {r["_uuid"]: r for r in tables["Port"]}
    ports = {
        ports_by_uuid[u]["name"]: ports_by_uuid[u] for u in _set(row["ports"]) if u in ports_by_uuid
    }
    interfaces = {r["_uuid"]: r for r in tables["Interface"]}
    if bridge.mtu is not None:
        own: dict[str, Any] = next((i for i in interfaces.values() if i["name"] == bridge.name), {})
        yield _check(f"bridge {bridge.name} mtu_request", bridge.mtu, _one(own.get("mtu_request")))
    if bridge.address is not None:
        rc, out = host.run("ip", "-o", "addr", "show", "dev", bridge.name)
        yield Check(
            f"bridge {bridge.name} address {bridge.address}",
            rc == 0 and f" {bridge.address} " in f" {out} ",
            out.strip() or "no device",
        )
    for port in bridge.ports:
        yield from _port_checks(port, bridge.name, ports, interfaces)


def _container_state(host: CheckedHost, runtime: str, name: str) -> tuple[bool, str, str]:
    """(running, PID, what was found) of the container named exactly name.

    The runtime takes a name it cannot find as the prefix of a container ID: an answer for
    another container's name means that no container has this one.
    """
    rc, out = host.run(
        runtime,
        "inspect",
        "--type",
        "container",
        "--format",
        "{{.Name}} {{.State.Running}} {{.State.Pid}}",
        name,
    )
    found, running, pid = [*out.split(), "", "", ""][:3]
    if rc != 0 or found.removeprefix("/") != name:
        return False, "", "no such container"
    return running == "true", pid, f"running={running} pid={pid}"


def _container_checks(spec: Spec, host: CheckedHost, tables: dict[str, Any]) -> Iterator[Check]:
    """Each container runs, and each of its interfaces is as the plan's attach data says."""
    for container in spec.containers:
        running, pid, found = _container_state(host, spec.runtime, container.name)
        yield Check(f"container {container.name} running", running, found)
        if running:
            for row in container_data(spec, container).interfaces:
                yield from _interface_checks(host, container.name, pid, row, tables)


def _none(field: str) -> str | None:
    """A field of the attach data: '-' is none."""
    return None if field == "-" else field


def _interface_checks(
    host: CheckedHost, container: str, pid: str, row: InterfaceData, tables: dict[str, Any]
) -> Iterator[Check]:
    what = f"{container}/{row.ifname}"
    matches = [
        r["name"]
        for r in tables["Interface"]
        if r["external_ids"].get(names.CONTAINER_ID) == container
        and r["external_ids"].get(names.CONTAINER_IFACE) == row.ifname
    ]
    yield _check(f"{what} has one OVS port", [row.host_if], matches)
    port = next((r for r in tables["Port"] if r["name"] == row.host_if), None)
    if port is not None:
        bridge = next(
            (r["name"] for r in tables["Bridge"] if port["_uuid"] in _set(r["ports"])), None
        )
        yield _check(f"{what} port on bridge", row.bridge, bridge)
        vlan = _none(row.vlan)
        yield _check(f"{what} port tag", int(vlan) if vlan else None, _one(port["tag"]))
    ns = ("nsenter", "--target", pid, "--net", "--")
    rc, link = host.run(*ns, "ip", "-o", "link", "show", "dev", row.ifname)
    yield Check(f"{what} in the container", rc == 0, link.strip() or "no such link")
    if rc != 0:
        return
    yield Check(f"{what} MAC {row.mac}", f"link/ether {row.mac} " in link, link.strip())
    address, gateway = _none(row.address), _none(row.gateway)
    if address:
        _, addrs = host.run(*ns, "ip", "-o", "addr", "show", "dev", row.ifname)
        yield Check(f"{what} address {address}", f" {address} " in addrs, addrs.strip())
    if gateway:
        family = "-6" if ":" in gateway else "-4"
        _, routes = host.run(*ns, "ip", family, "route", "show", "default")
        yield Check(
            f"{what} default route via {gateway}",
            f"via {gateway} dev {row.ifname}" in routes,
            routes.strip(),
        )


def _unit_names(spec: Spec) -> list[str]:
    """The units that must be active: every unit the plan writes or adds a drop-in to
    (templates aside), and the unit of every container (a unit: container's is yours)."""
    units = [u.name for u in build_plan(spec).units if u.name != names.ATTACH_TEMPLATE]
    units += [c.unit_name for c in spec.containers if c.unit_name not in units]
    return units


def check_host(spec: Spec, testinfra_host: TestinfraHost) -> list[Check]:
    """Every check of spec on the host."""
    host = CheckedHost(testinfra_host)
    checks = []
    for unit in _unit_names(spec):
        _, state = host.run("systemctl", "is-active", unit)
        checks.append(_check(f"unit {unit} active", "active", state.strip()))
    for name in (names.OVSDB, names.VSWITCHD):
        running, _, found = _container_state(host, spec.runtime, name)
        checks.append(Check(f"container {name} running", running, found))
    tables = {
        t: _table(host, spec.runtime, t)
        for t in ("Bridge", "Port", "Interface", "Controller", "Open_vSwitch")
    }
    checks.append(
        Check(
            "OVS database readable",
            bool(tables["Open_vSwitch"]),
            "ovs-vsctl in ovs-vswitchd failed",
        )
    )
    for bridge in spec.bridges:
        checks.extend(_bridge_checks(spec, bridge, host, tables))
    checks.extend(_container_checks(spec, host, tables))
    kargs = kernel_arguments(spec)
    if kargs:
        _, cmdline = host.run("cat", "/proc/cmdline")
        words = cmdline.split()
        for karg in kargs:
            checks.append(
                Check(
                    f"kernel argument {karg}",
                    all(w in words for w in karg.split()),
                    cmdline.strip(),
                )
            )
    if spec.dpdk:
        size_kb = 1048576 if spec.dpdk.hugepages.size == "1G" else 2048
        _, pages = host.run("cat", f"/sys/kernel/mm/hugepages/hugepages-{size_kb}kB/nr_hugepages")
        count = int(pages.strip()) if pages.strip().isdigit() else 0
        checks.append(
            Check(
                f"{spec.dpdk.hugepages.count} hugepages of {spec.dpdk.hugepages.size}",
                count >= spec.dpdk.hugepages.count,
                f"{count} reserved",
            )
        )
        ovs = tables["Open_vSwitch"][0] if tables["Open_vSwitch"] else {}
        checks.append(_check("DPDK initialized", True, ovs.get("dpdk_initialized")))
    return checks


def testinfra_options(
    sudo: bool = False, ssh_config: str | None = None, ssh_identity_file: str | None = None
) -> dict[str, object]:
    """testinfra's get_host options for these choices."""
    options: dict[str, object] = {"sudo": sudo}
    if ssh_config:
        options["ssh_config"] = ssh_config
    if ssh_identity_file:
        options["ssh_identity_file"] = ssh_identity_file
    return options


def verify_host(spec: Spec, url: str, options: dict[str, object]) -> list[Check]:
    """Every check of spec on the host at testinfra URL url; a host that cannot be reached
    (or answers nothing verify can read) is one failed check, not a traceback."""
    import testinfra

    try:
        return check_host(spec, testinfra.get_host(url, **options))
    except Exception as exc:  # whatever the connection raised: say it, as a failed check
        return [Check(f"reach {url}", False, f"{type(exc).__name__}: {exc}")]


def summary(url: str, checks: list[Check]) -> str:
    """The closing line of a host's report: N passed, N failed."""
    failed = sum(not c.passed for c in checks)
    return f"{url}: {len(checks) - failed} passed, {failed} failed"


def junit_xml(results: dict[str, list[Check]]) -> str:
    """A JUnit XML report: one testsuite per host, one testcase per check."""
    suites = ElementTree.Element("testsuites")
    for url, checks in results.items():
        suite = ElementTree.SubElement(
            suites,
            "testsuite",
            name=f"ovs-ignite verify {url}",
            tests=str(len(checks)),
            failures=str(sum(not c.passed for c in checks)),
        )
        for check in checks:
            case = ElementTree.SubElement(suite, "testcase", classname=url, name=check.name)
            if not check.passed:
                ElementTree.SubElement(case, "failure", message=check.found)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
