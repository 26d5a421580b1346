"""Cross-reference checks over a spec whose every value is already valid on its own.

Each check yields ``(path, message)``; the path names the later of two clashing values.
"""

from __future__ import annotations

import bisect
import ipaddress
import re
from collections.abc import Callable, Iterator

from . import names
from .netchecks import Network, check_addresses, check_host_network, check_routes, default_network
from .owned import Nodes, Owned, owned
from .quoting import UNIT_LINE_MAX, unit_line_length
from .records import (
    AnyPort,
    BondPort,
    Bridge,
    Container,
    Contents,
    Dpdk,
    DpdkMember,
    DpdkPort,
    Expect,
    Interface,
    LinkPort,
    Mirror,
    OnePort,
    PatchPort,
    Spec,
    TunnelPort,
)
from .shape import unit_text_problem
from .values import (
    BUTANE_VERSIONS,
    MAIN_SWITCH,
    cpu_ranges,
    image_domain,
    mask_cpus,
    version_tuple,
)
from .yamlsource import KeyPath

Finding = tuple[KeyPath, str]


def has_install(contents: str) -> bool:
    """Whether unit contents have an [Install] section (Ignition's test: a section header)."""
    return any(line.strip() == "[Install]" for line in contents.splitlines())


_CONTROLLER = re.compile(r"^(?P<kind>tcp|ssl|ptcp|pssl|unix|punix):(?P<rest>.+)$")
OVS_CONTAINERS = (names.OVSDB, names.VSWITCHD)
# Units the host OS ships (Fedora CoreOS, Flatcar) or ovs-ignite writes, by name and by
# prefix: an image: container's unit, /etc/systemd/system/NAME.service, would replace it (a
# container named docker would leave Flatcar without its Docker, and so without OVS).
HOST_UNITS = frozenset(
    [
        "auditd",
        "autovt",
        "chronyd",
        "console-getty",
        "containerd",
        "crio",
        "dbus",
        "dbus-broker",
        "debug-shell",
        "docker",
        "emergency",
        "firewalld",
        "getty",
        "ip6tables",
        "iptables",
        "irqbalance",
        "iscsi",
        "iscsid",
        "kdump",
        "kubelet",
        "ldconfig",
        "locksmithd",
        "mdmonitor",
        "ModemManager",
        "multipathd",
        "NetworkManager",
        "nftables",
        "ntpd",
        "openvswitch",
        "ovs-delete-transient-ports",
        "podman",
        "polkit",
        "rescue",
        "rpcbind",
        "rpm-ostreed",
        "serial-getty",
        "sshd",
        "sshd-keygen",
        "sssd",
        "update-engine",
        "user",
        "user-runtime-dir",
        "wpa_supplicant",
        "zincati",
    ]
)
HOST_UNIT_PREFIXES = (
    "afterburn",
    "coreos-",
    "flatcar-",
    "ignition-",
    "lvm2-",
    "NetworkManager-",
    *names.OWN_UNIT_PREFIXES,
    "podman-",
    "rpm-ostree",
    "systemd-",
)


def check_spec(spec: Spec) -> list[Finding]:
    """Every cross-reference problem of spec, in document order."""
    own = owned(spec)
    return [
        *_check_target(spec),
        *_check_ovs(spec),
        *_check_dpdk(spec),
        *_check_names(spec),
        *_check_bridges(spec),
        *_check_mirrors(spec),
        *check_host_network(spec),
        *_check_containers(spec, own),
        *_check_files(spec, own),
        *_check_units(spec, own),
        *_check_switches(spec),
        *_check_expect(spec),
    ]


def _check_target(spec: Spec) -> Iterator[Finding]:
    versions = BUTANE_VERSIONS[spec.target.os]
    if spec.target.ignition not in versions:
        yield (
            ("target", "ignition"),
            f"{spec.target.os} has no Butane variant for Ignition {spec.target.ignition} "
            f"(use {' or '.join(versions)})",
        )


def _check_ovs(spec: Spec) -> Iterator[Finding]:
    for key in spec.ovs.other_config:
        if key in names.DPDK_KEYS and spec.dpdk is not None:
            where = names.DPDK_KEYS[key]
            yield ("ovs", "other_config", key), f"{key!r} is set by {where}; set it there"
    yield from _check_auto_update(spec)
    yield from _check_ovn_keys(spec)
    yield from _check_managers(spec)
    yield from _check_ssl(spec)


def _check_managers(spec: Spec) -> Iterator[Finding]:
    """Each manager is an OVSDB remote; a ptcp: one on every address only with
    allow_insecure_manager."""
    for m, target in enumerate(spec.ovs.managers or []):
        at: KeyPath = ("ovs", "managers", m)
        problem = controller_problem(target)
        kind, _, rest = target.partition(":")
        if problem:
            yield at, problem
        elif kind == "ptcp" and not spec.ovs.allow_insecure_manager:
            address = rest.partition(":")[2].strip("[]")
            if not address or ipaddress.ip_address(address).is_unspecified:
                yield (
                    at,
                    f"{target!r} listens on every address: anyone who reaches the host could "
                    "change its switch; give an address (ptcp:6640:127.0.0.1), use pssl: with "
                    "ssl:, or set allow_insecure_manager: true",
                )


def _check_ssl(spec: Spec) -> Iterator[Finding]:
    """ssl: and pssl: managers and controllers need ovs.ssl, whose paths are files of the
    spec, and the main OVS instance (whose SSL table it is)."""
    secure: list[KeyPath] = [
        ("ovs", "managers", m)
        for m, target in enumerate(spec.ovs.managers or [])
        if target.startswith(("ssl:", "pssl:"))
    ]
    for b, bridge in enumerate(spec.bridges):
        for c, target in enumerate(bridge.controller_targets):
            if target.startswith(("ssl:", "pssl:")):
                at: KeyPath = ("bridges", b, "controllers", c)
                if spec.switch_of(bridge) is not None:
                    yield at, "an ssl controller needs a bridge of the main OVS instance"
                secure.append(at)
    ssl = spec.ovs.ssl
    if ssl is None:
        for at in secure:
            yield at, "an ssl connection needs ovs.ssl (the key and the certificates)"
        return
    files = {file.path for file in spec.files}
    for key, path in zip(("private_key", "certificate", "ca_cert"), ssl.paths, strict=True):
        if path not in files:
            yield ("ovs", "ssl", key), f"{path!r} is not a path of files:"


# OVN's tunnel encapsulations (ovn-encap-type).
_OVN_ENCAPS = ("geneve", "vxlan", "stt")


def _ovn_remote_problem(target: str, _bridges: set[str]) -> str | None:
    problem = controller_problem(target)
    if problem is None and target.split(":", 1)[0] not in ("tcp", "ssl", "unix"):
        return f"{target!r}: ovn-controller connects out: tcp:, ssl: or unix:"
    return problem


def _ovn_encap_problem(encap: str, _bridges: set[str]) -> str | None:
    if encap not in _OVN_ENCAPS:
        return f"{encap!r} is not an OVN encapsulation ({', '.join(_OVN_ENCAPS)})"
    return None


def _ovn_ip_problem(address: str, _bridges: set[str]) -> str | None:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return f"{address!r} is not an IP address"
    return None


def _ovn_mapping_problem(item: str, bridges: set[str]) -> str | None:
    """NETWORK:BRIDGE, the bridge one of the spec's main OVS instance (ovn-controller's)."""
    network, colon, bridge = item.partition(":")
    if not (network and colon and bridge):
        return f"{item!r} is not NETWORK:BRIDGE"
    if bridge not in bridges:
        return f"{item!r}: {bridge!r} is not a bridge of the main OVS instance in bridges"
    return None


# The OVN keys of the Open_vSwitch external_ids that are checked: each item of their
# comma-separated lists.
_OVN_KEYS: dict[str, Callable[[str, set[str]], str | None]] = {
    "ovn-remote": _ovn_remote_problem,
    "ovn-encap-type": _ovn_encap_problem,
    "ovn-encap-ip": _ovn_ip_problem,
    "ovn-bridge-mappings": _ovn_mapping_problem,
}


def _check_ovn_keys(spec: Spec) -> Iterator[Finding]:
    """The Open_vSwitch external_ids: system-id is system_id's, ovs-ignite's keys are its own,
    and OVN's keys are what ovn-controller takes."""
    ids = spec.ovs.external_ids
    yield from _check_own_keys(ids, ("ovs",))
    if "system-id" in ids:
        yield ("ovs", "external_ids", "system-id"), "'system-id' is set by ovs.system_id"
    bridges = {b.name for b in spec.bridges if spec.switch_of(b) is None}
    for key, value in ids.items():
        problem_of = _OVN_KEYS.get(key)
        if problem_of is None:
            continue
        for item in value.split(","):
            problem = problem_of(item, bridges)
            if problem:
                yield ("ovs", "external_ids", key), problem


def _check_auto_update(spec: Spec) -> Iterator[Finding]:
    """podman auto-update can update every image it is asked to."""
    policy = spec.ovs.auto_update
    if policy is None:
        return
    if spec.runtime != "podman":
        yield ("ovs", "auto_update"), f"auto-update is podman's; this spec runs {spec.runtime}"
        return
    images: list[tuple[KeyPath, str]] = [(("ovs", "image"), spec.ovs.image)]
    images += [
        (("containers", c, "image"), container.image)
        for c, container in enumerate(spec.containers)
        if container.image is not None
    ]
    for at, image in images:
        if "@" in image:
            yield at, f"{image!r} is pinned by digest: auto_update would never update it"
        elif policy == "registry" and image_domain(image) is None:
            yield (
                at,
                (
                    f"{image!r} names no registry: auto_update registry needs a fully "
                    "qualified image (registry.example.com/name:tag)"
                ),
            )


def _outside(cpus: list[int], ranges: list[tuple[int, int]]) -> list[int]:
    """The CPUs of cpus that no range of ranges (merged, sorted) holds."""
    firsts = [first for first, _ in ranges]
    out = []
    for cpu in cpus:
        at = bisect.bisect_right(firsts, cpu) - 1
        if at < 0 or cpu > ranges[at][1]:
            out.append(cpu)
    return out


def _check_dpdk(spec: Spec) -> Iterator[Finding]:
    dpdk = spec.dpdk
    if dpdk is None:
        return
    if dpdk.pmd_cpu_mask and dpdk.isolcpus:
        outside = _outside(mask_cpus(dpdk.pmd_cpu_mask), cpu_ranges(dpdk.isolcpus))
        if outside:
            listed = ",".join(str(c) for c in outside)
            yield (
                ("dpdk", "pmd_cpu_mask"),
                (f"{dpdk.pmd_cpu_mask} uses CPU {listed}, outside isolcpus {dpdk.isolcpus}"),
            )
    yield from _check_dpdk_memory(dpdk)
    if dpdk.pmd_cpu_mask and spec.ovs.other_config.get("pmd-rxq-isolate") != "false":
        yield from _check_unpolled(spec, set(mask_cpus(dpdk.pmd_cpu_mask)))
    seen: set[str] = set()
    for i, device in enumerate(dpdk.devices):
        if device.pci in seen:
            yield ("dpdk", "devices", i, "pci"), f"device {device.pci} is listed twice"
        seen.add(device.pci)


def _dpdk_devices(spec: Spec) -> Iterator[tuple[KeyPath, DpdkPort | DpdkMember]]:
    """Each DPDK interface of the spec: its dpdk ports and bonds' DPDK members."""
    for b, bridge in enumerate(spec.bridges):
        for p, port in enumerate(bridge.ports):
            at: KeyPath = ("bridges", b, "ports", p)
            if isinstance(port, DpdkPort):
                yield at, port
            elif isinstance(port, BondPort):
                yield from (((*at, "members", m), d) for m, d in enumerate(port.members))


def _check_unpolled(spec: Spec, pmds: set[int]) -> Iterator[Finding]:
    """A PMD core with a pinned queue polls only pinned queues (OVS's pmd-rxq-isolate):
    when every PMD core has one, the queues pinned to none would not be polled at all."""
    devices = list(_dpdk_devices(spec))
    pinned = {core for _, d in devices for _, core in _pairs(d)}
    if not pmds <= pinned:
        return
    for at, device in devices:
        queues = set(range(device.n_rxq or 1)) - {queue for queue, _ in _pairs(device)}
        if queues:
            listed = ",".join(str(queue) for queue in sorted(queues))
            yield (
                (*at, "name"),
                f"its queue {listed} is pinned to no CPU, and every PMD core has pinned queues "
                "(which keeps it to them): OVS would not poll it; pin it too, or add a core "
                "to pmd_cpu_mask",
            )


def _pairs(device: DpdkPort | DpdkMember) -> list[tuple[int, int]]:
    """A DPDK interface's (queue, CPU) pairs of its checked pmd_rxq_affinity."""
    pairs = device.pmd_rxq_affinity.split(",") if device.pmd_rxq_affinity else []
    return [(int(queue), int(core)) for queue, _, core in (p.partition(":") for p in pairs)]


def _check_dpdk_memory(dpdk: Dpdk) -> Iterator[Finding]:
    """The hugepages' sizes each once; socket_mem within the default size's pages (those of
    /dev/hugepages, which OVS uses) and within socket_limit."""
    pools = dpdk.page_pools
    if len({pool.size for pool in pools}) < len(pools):
        yield ("dpdk", "hugepages"), "each page size once"
    default = pools[0]
    total = (1024 if default.size == "1G" else 2) * default.count
    which = f" of {default.size} (the default size)" if len(pools) > 1 else ""
    if dpdk.socket_mem:
        wanted = sum(int(mb) for mb in dpdk.socket_mem.split(","))
        if wanted > total:
            yield (
                ("dpdk", "socket_mem"),
                f"{dpdk.socket_mem} asks for {wanted} MB but hugepages{which} give {total} MB",
            )
    if dpdk.socket_mem and dpdk.socket_limit:
        pairs = zip(dpdk.socket_mem.split(","), dpdk.socket_limit.split(","), strict=False)
        for node, (mem, limit) in enumerate(pairs):
            if 0 < int(limit) < int(mem):
                yield (
                    ("dpdk", "socket_limit"),
                    f"socket {node}'s limit {int(limit)} MB is below its socket_mem {int(mem)} MB",
                )


def _check_names(spec: Spec) -> Iterator[Finding]:
    """Bridges, ports and bond members share one namespace of OVS/host interface names."""
    seen: set[str] = set()
    for b, bridge in enumerate(spec.bridges):
        if bridge.name in seen:
            yield ("bridges", b, "name"), f"name {bridge.name!r} is already used"
        seen.add(bridge.name)
        for p, port in enumerate(bridge.ports):
            if port.name in seen:
                yield ("bridges", b, "ports", p, "name"), f"name {port.name!r} is already used"
            seen.add(port.name)
            members: list[tuple[KeyPath, str]] = []
            if isinstance(port, BondPort):
                members += [(("interfaces", m), name) for m, name in enumerate(port.interfaces)]
                members += [(("members", m, "name"), d.name) for m, d in enumerate(port.members)]
            for where, member in members:
                if member in seen:
                    yield ("bridges", b, "ports", p, *where), f"name {member!r} is already used"
                seen.add(member)


def _check_bridges(spec: Spec) -> Iterator[Finding]:
    patches = {
        port.name: (bridge, port.peer)
        for bridge in spec.bridges
        for port in bridge.ports
        if isinstance(port, PatchPort)
    }
    devices = {d.pci for d in spec.dpdk.devices} if spec.dpdk else set()
    dpdk_pci: set[str] = set()
    for b, bridge in enumerate(spec.bridges):
        at: KeyPath = ("bridges", b)
        yield from _check_bridge_fields(spec, bridge, at)
        yield from _check_bridge_maps(bridge, at)
        yield from _check_ofports(bridge, at)
        for p, port in enumerate(bridge.ports):
            pat: KeyPath = (*at, "ports", p)
            yield from _check_port_vlans(port, pat)
            yield from _check_port_settings(port, pat)
            if not isinstance(port, PatchPort | TunnelPort):
                yield from _check_qos(port, pat, spec.datapath(bridge))
            if isinstance(port, DpdkPort):
                yield from _check_dpdk_port(spec, bridge, port, pat, devices, dpdk_pci)
            elif isinstance(port, PatchPort):
                yield from _check_patch_port(spec, bridge, port.name, port.peer, pat, patches)
            elif isinstance(port, BondPort):
                yield from _check_bond(port, pat)
                for m, member in enumerate(port.members):
                    mat = (*pat, "members", m)
                    yield from _check_dpdk_port(spec, bridge, member, mat, devices, dpdk_pci)


def _check_mirrors(spec: Spec) -> Iterator[Finding]:
    """Each bridge's mirrors: a name once in its OVS instance (the attach finds a mirror by
    name), and their selections and output (_check_mirror)."""
    seen: dict[str | None, set[str]] = {}
    for b, bridge in enumerate(spec.bridges):
        ports = {bridge.name, *(port.name for port in bridge.ports)}
        interfaces = {
            f"{container.name}/{container.interface_name(i)}"
            for container in spec.containers
            for i, iface in enumerate(container.interfaces)
            if iface.bridge == bridge.name
        }
        vhost = {
            f"{container.name}/{ifname}"
            for container in spec.containers
            for ifname, iface in container.vhost_users
            if iface.bridge == bridge.name
        }
        taken = seen.setdefault(spec.switch_of(bridge), set())
        for m, mirror in enumerate(bridge.mirrors):
            at: KeyPath = ("bridges", b, "mirrors", m)
            if mirror.name in taken:
                yield (*at, "name"), f"{mirror.name!r} is already a mirror in this OVS instance"
            taken.add(mirror.name)
            yield from _check_mirror(mirror, ports, interfaces, at)
            if mirror.output_container and mirror.output_port in vhost:
                yield (
                    (*at, "output_port"),
                    f"{mirror.output_port!r} is a vhost-user interface; a mirror's output "
                    "container interface is a veth",
                )
            if mirror.output_container and spec.switch_of(bridge) is not None:
                yield (
                    (*at, "output_port"),
                    "a container's interface as the output needs a bridge of the main OVS "
                    "instance (whose attach sets it)",
                )


def _check_mirror(
    mirror: Mirror, ports: set[str], interfaces: set[str], at: KeyPath
) -> Iterator[Finding]:
    """A mirror selects something, of ports of its bridge, and has one output: a port of the
    bridge that it does not select, a container's interface on the bridge, or a VLAN."""
    if not (mirror.select_all or mirror.select_src_ports or mirror.select_dst_ports):
        yield at, "it selects nothing: give select_all, select_src_ports or select_dst_ports"
    for key in ("select_src_ports", "select_dst_ports"):
        for n, port in enumerate(getattr(mirror, key) or []):
            if port not in ports:
                yield (*at, key, n), f"{port!r} is not a port of this bridge"
            elif port == mirror.output_port:
                yield (*at, key, n), f"{port!r} is the mirror's output, which sends only copies"
    if (mirror.output_port is None) == (mirror.output_vlan is None):
        yield at, "give one output: output_port or output_vlan"
    out = mirror.output_port
    if out is not None and mirror.output_container is not None and out not in interfaces:
        yield (*at, "output_port"), f"{out!r} is not a container's interface on this bridge"
    elif out is not None and mirror.output_container is None and out not in ports:
        yield (*at, "output_port"), f"{out!r} is not a port of this bridge"


def _check_port_vlans(port: AnyPort | Interface, at: KeyPath) -> Iterator[Finding]:
    """vlan and trunks as the port's vlan_mode takes them (by default: one or the other)."""
    vlans = port.trunk_vlans
    if vlans is not None:
        if not vlans:  # (an item that is no VLAN is not here: it has its own error)
            yield (*at, "trunks"), "trunks has no valid VLAN"
        if len(set(vlans)) != len(vlans):
            yield (*at, "trunks"), "a VLAN is listed twice (or in two ranges)"
    yield from _check_vlan_mode(port, at)


def _check_vlan_mode(port: AnyPort | Interface, at: KeyPath) -> Iterator[Finding]:
    mode = port.vlan_mode
    if mode is None:
        if port.vlan is not None and port.trunks is not None:
            yield (
                (*at, "trunks"),
                "give either vlan or trunks, not both (or a native vlan_mode for both)",
            )
    elif mode == "access":
        if port.vlan is None:
            yield (*at, "vlan"), "vlan_mode access needs vlan, the port's VLAN"
        if port.trunks is not None:
            yield (*at, "trunks"), "an access port carries no trunks (native modes carry both)"
    elif mode == "trunk":
        if port.vlan is not None:
            yield (
                (*at, "vlan"),
                "a trunk port has no vlan of its own (native-tagged and native-untagged do)",
            )
    elif port.vlan is None:
        yield (*at, "vlan"), f"vlan_mode {mode} needs vlan, the native VLAN"


def _check_port_settings(port: AnyPort, at: KeyPath) -> Iterator[Finding]:
    """A port's mtu where OVS can set one; its external_ids leave ovs-ignite's keys alone."""
    if isinstance(port, PatchPort | TunnelPort):
        for key, what in _OWN_INTERFACE.items():
            if getattr(port, key) is not None:
                yield (*at, key), f"a {port.type} port has no {what} of its own to set"
    else:
        yield from _check_policing(port, at)
    if isinstance(port, TunnelPort) and port.local_ip is not None:
        local, remote = ipaddress.ip_address(port.local_ip), ipaddress.ip_address(port.remote_ip)
        if local.version != remote.version:
            yield (*at, "local_ip"), f"{local} is not of the address family of {remote}"
    if isinstance(port, TunnelPort) and port.key is not None:
        for one_way in ("in_key", "out_key"):
            if getattr(port, one_way) is not None:
                yield (*at, one_way), f"key sets both ways already: give {one_way} without key"
    yield from _check_own_keys(port.external_ids, at)


# The settings of a port's own interface (which patch and tunnel ports do not have).
_OWN_INTERFACE = {
    "mtu": "MTU",
    "ingress_policing_rate": "ingress policing",
    "ingress_policing_burst": "ingress policing",
    "qos": "egress QoS",
}


def _check_policing(interface: AnyPort | Interface, at: KeyPath) -> Iterator[Finding]:
    if interface.ingress_policing_burst is not None and interface.ingress_policing_rate is None:
        yield (*at, "ingress_policing_burst"), "a burst needs ingress_policing_rate"


# Why a userspace bridge takes no linux-htb QoS (seen on OVS 3.1: with one port shaped to
# 1 Mbit/s, another port of the same datapath received as little).
_USERSPACE_QOS = (
    "a port of a userspace (netdev) bridge takes no linux-htb QoS: that datapath sends to "
    "every port through one packet socket, whose buffer the shaped port's queue fills, so "
    "every port gets the shaped rate; shape on a bridge of datapath system"
)


def _check_qos(interface: AnyPort | Interface, at: KeyPath, datapath: str) -> Iterator[Finding]:
    """A QoS's queues: each number once, none above the QoS's rate, their guarantees within
    it; a linux-htb qdisc is the kernel's, which a DPDK port's traffic does not pass and a
    userspace datapath's port must not have."""
    qos = interface.qos
    if qos is None:
        return
    if isinstance(interface, DpdkPort):
        yield (*at, "qos"), "a dpdk port's traffic does not pass the kernel's linux-htb qdisc"
    elif datapath == "netdev":
        yield (*at, "qos"), _USERSPACE_QOS
    ids: set[int] = set()
    guaranteed = 0  # (what the queues' min_rate add up to, each within its own max)
    for q, queue in enumerate(qos.queues):
        qat: KeyPath = (*at, "qos", "queues", q)
        if queue.id in ids:
            yield (*qat, "id"), f"queue {queue.id} is already in the list"
        ids.add(queue.id)
        top = queue.max_rate or qos.max_rate
        if queue.max_rate is not None and queue.max_rate > qos.max_rate:
            yield (*qat, "max_rate"), f"it is above the QoS's max_rate ({qos.max_rate})"
        elif queue.min_rate is not None and queue.min_rate > top:
            whose = "" if queue.max_rate else ", the QoS's"
            yield (*qat, "min_rate"), f"it is above the queue's max_rate ({top}{whose})"
        guaranteed += min(queue.min_rate or 0, top)
    if guaranteed > qos.max_rate:
        yield (
            (*at, "qos", "queues"),
            f"their min_rate add up to {guaranteed}, above the QoS's max_rate ({qos.max_rate})",
        )


def _check_own_keys(external_ids: dict[str, str], at: KeyPath) -> Iterator[Finding]:
    """external_ids (of a bridge or a port) leave ovs-ignite's own keys alone."""
    for key in external_ids:
        if key.startswith(names.OWN_KEY_PREFIX):
            yield (
                (*at, "external_ids", key),
                f"{key!r}: keys starting {names.OWN_KEY_PREFIX!r} are ovs-ignite's own",
            )


def _check_bridge_maps(bridge: Bridge, at: KeyPath) -> Iterator[Finding]:
    """A bridge's other_config and external_ids leave ovs-ignite's own keys alone."""
    if names.DATAPATH_ID in bridge.other_config:
        yield (
            (*at, "other_config", names.DATAPATH_ID),
            f"{names.DATAPATH_ID!r} is set by datapath_id; set it there",
        )
    yield from _check_own_keys(bridge.external_ids, at)


def _check_ofports(bridge: Bridge, at: KeyPath) -> Iterator[Finding]:
    """Each OpenFlow port number a bridge's ports ask for is asked for once."""
    taken: dict[int, str] = {}
    for p, port in enumerate(bridge.ports):
        if not isinstance(port, OnePort) or port.ofport is None:
            continue
        number = port.ofport
        if number in taken:
            yield (*at, "ports", p, "ofport"), f"{number} is taken by port {taken[number]!r}"
        taken.setdefault(number, port.name)


def _check_bond(port: BondPort, at: KeyPath) -> Iterator[Finding]:
    if port.interfaces and port.members:
        yield (*at, "members"), "give interfaces (host interfaces) or members (DPDK), not both"
    elif len(port.member_names) < 2:
        field = "members" if port.members else "interfaces"
        yield (*at, field), f"a bond needs at least two {field}"
    if port.bond_mode == "balance-tcp" and port.lacp in (None, "off"):
        yield (*at, "lacp"), "balance-tcp needs lacp active or passive"
    for field in ("lacp_time", "lacp_fallback_ab"):
        if getattr(port, field) is not None and port.lacp in (None, "off"):
            yield (*at, field), f"{field} needs lacp active or passive"
    for field, key in port.OWN_KEYS.items():
        if key in port.other_config:
            yield (*at, "other_config", key), f"{key!r} is set by {field}; set it there"


def _check_patch_port(
    spec: Spec,
    bridge: Bridge,
    name: str,
    peer: str,
    at: KeyPath,
    patches: dict[str, tuple[Bridge, str]],
) -> Iterator[Finding]:
    """A patch port's peer: a patch port on another bridge of the same datapath, peered back."""
    target = patches.get(peer)
    if target is None:
        yield (*at, "peer"), f"{peer!r} is not a patch port"
        return
    other, its_peer = target
    if other.name == bridge.name:
        yield (*at, "peer"), f"{peer!r} is on the same bridge {bridge.name}"
    elif its_peer != name:
        yield (*at, "peer"), f"{peer!r} has peer {its_peer!r}, not {name!r}"
    elif spec.datapath(bridge) != spec.datapath(other):
        yield (*at, "peer"), f"{peer!r} is on a bridge of another datapath"
    elif spec.switch_of(bridge) != spec.switch_of(other):
        yield (
            (*at, "peer"),
            f"{peer!r} is on a bridge of another OVS instance (link them with a link port)",
        )


def _check_dpdk_port(
    spec: Spec,
    bridge: Bridge,
    port: DpdkPort | DpdkMember,
    at: KeyPath,
    devices: set[str],
    used: set[str],
) -> Iterator[Finding]:
    """A dpdk port, or a bond's DPDK member (its findings at its name, not at a type)."""
    what, where = (
        ("a dpdk port", "type") if isinstance(port, DpdkPort) else ("a DPDK member", "name")
    )
    if (port.pci is None) == (port.devargs is None):
        yield (*at, where), "give exactly one of pci (a NIC in dpdk.devices) or devargs"
    if spec.dpdk is None:
        yield (*at, where), f"{what} needs the dpdk section"
        return
    if port.pci is not None:
        if port.pci not in devices:
            yield (*at, "pci"), f"{port.pci} is not listed in dpdk.devices"
        elif port.pci in used:
            yield (*at, "pci"), f"{port.pci} is used by another dpdk port"
        used.add(port.pci)
    if spec.datapath(bridge) != "netdev":
        yield (*at, where), f"{what} needs a netdev bridge; {bridge.name} is system"
    if port.pmd_rxq_affinity:
        yield from _check_affinity(spec.dpdk, port, (*at, "pmd_rxq_affinity"))


def _check_affinity(dpdk: Dpdk, port: DpdkPort | DpdkMember, at: KeyPath) -> Iterator[Finding]:
    """Each pinned queue one the port has (n_rxq), on a PMD core (pmd_cpu_mask)."""
    pairs = _pairs(port)
    queues = port.n_rxq or 1
    beyond = sorted({queue for queue, _ in pairs if queue >= queues})
    if beyond:
        listed = ",".join(str(queue) for queue in beyond)
        yield at, f"pins queue {listed} but the port has {queues} (n_rxq)"
    if dpdk.pmd_cpu_mask is None:
        yield at, "pins queues to CPUs: give dpdk.pmd_cpu_mask, the PMD cores, with it"
        return
    pmds = set(mask_cpus(dpdk.pmd_cpu_mask))
    others = sorted({core for _, core in pairs} - pmds)
    if others:
        listed = ",".join(str(core) for core in others)
        yield at, f"CPU {listed} is not a PMD core of pmd_cpu_mask {dpdk.pmd_cpu_mask}"


def _check_bridge_fields(spec: Spec, bridge: Bridge, at: KeyPath) -> Iterator[Finding]:
    targets = bridge.controller_targets
    for c, entry in enumerate(bridge.controllers or []):
        target = targets[c]
        problem = controller_problem(target)
        where = (*at, "controllers", c)
        if problem:
            yield where if isinstance(entry, str) else (*where, "target"), problem
        elif target in targets[:c]:
            yield where, f"{target!r} is listed twice"
    if bridge.protocols is not None and len(set(bridge.protocols)) != len(bridge.protocols):
        yield (*at, "protocols"), "a protocol is listed twice"
    if bridge.mtu and bridge.mtu < 1280 and any(":" in a for a in bridge.addresses):
        yield (*at, "mtu"), f"{bridge.mtu} is below 1280, the IPv6 minimum"
    if bridge.stp and bridge.rstp:
        yield (*at, "rstp"), "give stp or rstp, not both (OVS runs one spanning tree a bridge)"
    tunnels = [p.name for p in bridge.ports if isinstance(p, TunnelPort)]
    if bridge.rstp and tunnels and spec.datapath(bridge) == "netdev":
        yield (
            (*at, "rstp"),
            f"rstp on a netdev bridge with tunnel ports ({', '.join(tunnels)}) makes "
            "ovs-vswitchd stop answering; use stp, or keep the tunnels on another bridge",
        )


def controller_problem(target: str) -> str | None:
    """Why target is not an OpenFlow controller target, or None."""
    match = _CONTROLLER.match(target)
    if not match:
        return f"{target!r} is not a controller (tcp:IP:PORT, ssl:IP:PORT, unix:PATH, ...)"
    kind, rest = match["kind"], match["rest"]
    if kind in ("unix", "punix"):
        if not rest.startswith("/") or ".." in rest.split("/") or " " in rest:
            return f"{target!r}: {kind} needs an absolute socket path"
        return None
    host: str | None
    port: str | None
    if kind in ("tcp", "ssl"):
        if not rest.startswith("[") and rest.count(":") > 1:
            return f"{target!r}: an IPv6 address goes in brackets ({kind}:[IP]:PORT)"
        host, port = _split_host_port(rest)
    else:
        port, _, listen = rest.partition(":")
        if ":" in listen and not (listen.startswith("[") and listen.endswith("]")):
            return f"{target!r}: an IPv6 address goes in brackets ({kind}:PORT:[IP])"
        host = listen.strip("[]") or None
    if port is None or not (port.isascii() and port.isdigit() and len(port) <= 5):
        return f"{target!r} has no valid port (1-65535)"
    if not 1 <= int(port) <= 65535:
        return f"{target!r} has no valid port (1-65535)"
    if host is None:
        return f"{target!r} has no IP address" if kind in ("tcp", "ssl") else None
    return _controller_host_problem(target, host)


def _controller_host_problem(target: str, host: str) -> str | None:
    if "%" in host:
        return f"{target!r}: an IPv6 zone id (%...) is not allowed here"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return f"{target!r}: {host!r} is not an IP address"
    return None


def _split_host_port(rest: str) -> tuple[str | None, str | None]:
    if rest.startswith("["):
        host, sep, port = rest[1:].partition("]:")
        return (host, port) if sep else (None, None)
    host, sep, port = rest.rpartition(":")
    return (host, port) if sep else (rest, None)


# Per bridge: the addresses and the MACs taken so far.
_Taken = dict[str, set[object]]


def _check_containers(spec: Spec, own: Owned) -> Iterator[Finding]:
    names_used: set[str] = set(OVS_CONTAINERS)
    units: set[str] = set()  # (ovs-ignite's own are the business of owned.Owned)
    taken: dict[str, _Taken] = {
        "address": {
            bridge.name: {ipaddress.ip_interface(address).ip for address in bridge.addresses}
            for bridge in spec.bridges
        },
        "mac": {},
        "ofport": {
            bridge.name: {p.ofport for p in bridge.ports if isinstance(p, OnePort) and p.ofport}
            for bridge in spec.bridges
        },
    }
    for c, container in enumerate(spec.containers):
        at: KeyPath = ("containers", c)
        if container.name in names_used:
            yield (*at, "name"), f"container name {container.name!r} is already used"
        else:
            yield from _check_container_source(container, at, units, own)
        names_used.add(container.name)
        yield from _check_interfaces(spec, container, at, taken)


def _check_interfaces(
    spec: Spec, container: Container, at: KeyPath, taken: dict[str, _Taken]
) -> Iterator[Finding]:
    """A container's interfaces: names, bridges, ports, networks; their addresses, MACs and
    ofports each taken once on a bridge (taken: by kind, per bridge)."""
    bridges = {bridge.name: bridge for bridge in spec.bridges}
    if_names: set[str] = set()
    destinations: set[Network] = set()  # (of the routes in the container's one table)
    for i, iface in enumerate(container.interfaces):
        iat: KeyPath = (*at, "interfaces", i)
        name = container.interface_name(i)
        if name in if_names:
            yield (*iat, "name"), f"interface {name!r} is already used in {container.name}"
        if name == "lo":
            yield (*iat, "name"), "'lo' is the container's loopback"
        if_names.add(name)
        yield from _check_interface_port(iface, iat)
        if iface.bridge not in bridges:
            yield (*iat, "bridge"), f"{iface.bridge!r} is not a bridge in bridges"
            continue
        bridge = bridges[iface.bridge]
        yield from _check_interface_network(iface, bridge, iat, destinations)
        yield from _check_interface_bridge(spec, iface, bridge, iat)
        if iface.vhost_user:
            yield from _check_vhost_user(spec, container, (name, iface), bridge, iat)
        yield from _take_interface(iface, iat, taken)
    if container.vhost_users:
        for v, volume in enumerate(container.volumes):
            inside = volume.split(":")[1] if ":" in volume else ""
            if inside.rstrip("/") in (names.VHOST_CONTAINER_DIR, names.HUGEPAGES_DIR):
                yield (
                    (*at, "volumes", v),
                    f"{inside} is where ovs-ignite mounts what its vhost-user interfaces need",
                )


def _take_interface(iface: Interface, at: KeyPath, taken: dict[str, _Taken]) -> Iterator[Finding]:
    """Take the interface's addresses, MAC and ofport on its bridge (each once there)."""
    many = isinstance(iface.address, list)
    ips = [ipaddress.ip_interface(text).ip for text in iface.addresses]
    for n, ip in enumerate(ips):
        where: KeyPath = (*at, "address", n) if many else (*at, "address")
        if ip not in ips[:n]:  # (one listed twice has its own error)
            yield from _take(taken["address"], iface.bridge, ip, where)
    if iface.mac:
        yield from _take(taken["mac"], iface.bridge, iface.mac, (*at, "mac"))
    if iface.ofport is not None:
        ofport = (*at, "ofport")
        yield from _take(taken["ofport"], iface.bridge, iface.ofport, ofport, "ofport ")


# What a vhost-user interface cannot have: the DPDK application in the container sets its
# own addresses, routes and MAC; its port takes no Interface external_ids of the spec's.
_NOT_VHOST = {
    "address": "the DPDK application in the container gives it its addresses",
    "gateway": "the DPDK application in the container routes its own traffic",
    "routes": "the DPDK application in the container routes its own traffic",
    "mac": "the DPDK application in the container sets its MAC (virtio-user's mac=)",
    "external_ids": "not offered on a vhost-user interface's port",
}


def _check_vhost_user(
    spec: Spec, container: Container, named: tuple[str, Interface], bridge: Bridge, at: KeyPath
) -> Iterator[Finding]:
    """A vhost-user interface (its name and record): a DPDK port of the main instance's
    netdev bridge, on a container ovs-ignite runs (its unit mounts the socket folder), none
    of what the application sets itself, and a socket path the kernel takes."""
    ifname, iface = named
    if spec.dpdk is None:
        yield (*at, "type"), "vhost-user needs dpdk: (OVS-DPDK makes the port)"
    if spec.datapath(bridge) != "netdev" or spec.switch_of(bridge) is not None:
        yield (
            (*at, "type"),
            f"vhost-user needs a netdev bridge of the main OVS instance; {bridge.name} is not",
        )
    if container.image is None:
        yield (
            (*at, "type"),
            "vhost-user needs an image: container (the unit ovs-ignite writes mounts its "
            "sockets' folder)",
        )
    for key, why in _NOT_VHOST.items():
        if getattr(iface, key):
            yield (*at, key), f"not for a vhost-user interface: {why}"
    socket = names.vhost_socket(container.name, ifname)
    if len(socket) > names.SOCKET_PATH_MAX:
        yield (
            (*at, "name"),
            f"its socket {socket} is {len(socket)} bytes, over the kernel's "
            f"{names.SOCKET_PATH_MAX}: shorten the container's or the interface's name",
        )


def _check_interface_network(
    iface: Interface, bridge: Bridge, at: KeyPath, destinations: set[Network]
) -> Iterator[Finding]:
    """A container interface's addresses, gateway (a default route of its family) and
    routes (each destination once in the container), and its MTU with IPv6."""
    yield from check_addresses(iface.addresses, isinstance(iface.address, list), at)
    defaults: list[tuple[str, ipaddress.IPv4Address | ipaddress.IPv6Address]] = []
    if iface.gateway is not None:
        yield from _check_gateway(iface, iface.gateway, at)
        if not iface.dhcp:
            defaults.append(("gateway", ipaddress.ip_address(iface.gateway)))
    if iface.dhcp:
        defaults.append(("address", ipaddress.IPv4Address(0)))
    for key, gateway in defaults:
        if default_network(gateway) in destinations:
            what = "its DHCP lease gives " if key == "address" else ""
            yield (
                (*at, key),
                f"{what}a second default route for IPv{gateway.version} in the container",
            )
        destinations.add(default_network(gateway))
    if iface.routes and not iface.addresses:
        yield (*at, "routes"), "routes need a static address on the interface"
    elif iface.routes:
        yield from check_routes(iface.addresses, iface.routes, at, "interface", destinations)
    mtu = iface.mtu or bridge.mtu
    if mtu and mtu < 1280 and any(":" in a for a in iface.addresses):
        yield (*at, "mtu" if iface.mtu else "address"), f"MTU {mtu} is below 1280, the IPv6 minimum"


def _check_interface_bridge(
    spec: Spec, iface: Interface, bridge: Bridge, at: KeyPath
) -> Iterator[Finding]:
    """What an interface's bridge allows: a QoS on its datapath; on a bridge of another OVS
    instance than the main one, no DHCP client (the main ovs-vswitchd's container runs it)
    and no QoS (the main instance's step sets it)."""
    yield from _check_qos(iface, at, spec.datapath(bridge))
    if spec.switch_of(bridge) is None:
        return
    if iface.dhcp:
        yield (
            (*at, "address"),
            "dhcp needs a bridge of the main OVS instance (whose ovs-vswitchd runs the client)",
        )
    if iface.qos:
        yield (*at, "qos"), "a container's qos needs a bridge of the main OVS instance"


def _check_interface_port(iface: Interface, at: KeyPath) -> Iterator[Finding]:
    """A container interface's port: its VLANs, and external_ids without ovs-ignite's keys."""
    yield from _check_port_vlans(iface, at)
    yield from _check_policing(iface, at)
    yield from _check_own_keys(iface.external_ids, at)
    for key in (names.CONTAINER_ID, names.CONTAINER_IFACE):
        if key in iface.external_ids:
            yield (
                (*at, "external_ids", key),
                f"{key!r} is set by ovs-ignite: it names the container and the interface",
            )


def _take(
    taken: _Taken, bridge: str, value: object, at: KeyPath, label: str = ""
) -> Iterator[Finding]:
    """Take value (an address, a MAC, an ofport) on bridge; a finding when it is taken
    already."""
    used = taken.setdefault(bridge, set())
    if value in used:
        yield at, f"{label}{value} is already used on bridge {bridge}"
    used.add(value)


def _check_container_source(
    container: Container, at: KeyPath, units: set[str], own: Owned
) -> Iterator[Finding]:
    if (container.image is None) == (container.unit is None):
        where = "unit" if container.unit else "name"
        yield (*at, where), "give exactly one of image (ovs-ignite runs it) or unit (yours does)"
        return
    unit = container.unit_name
    name = container.name
    if name.startswith(names.DERIVED_CONTAINER_PREFIXES):
        yield (
            (*at, "name"),
            f"container name {name!r} is reserved: ovs-ignite names its own containers "
            f"{', '.join(p + '*' for p in names.DERIVED_CONTAINER_PREFIXES)}",
        )
    elif container.image is not None and (
        name in HOST_UNITS or name.startswith(HOST_UNIT_PREFIXES)
    ):
        yield (
            (*at, "name"),
            f"container name {name!r} would write {unit} over a unit of the host OS or of "
            "ovs-ignite; choose another name",
        )
    elif container.unit is not None and (
        own.is_own_unit(unit) or own.touched_by_dropins(unit) or unit in own.needed
    ):
        yield (*at, "unit"), f"unit {unit} is ovs-ignite's or one it depends on"
    elif unit in units or unit.startswith(names.ATTACH_TEMPLATE.removesuffix(".service")):
        yield (*at, "unit" if container.unit else "name"), f"unit {unit} is already used"
    units.add(unit)
    if container.image is not None:
        yield from _check_unit_lines(container, at)
    if container.unit is not None:
        for key in ("command", "env", "volumes"):
            if getattr(container, key):
                yield (*at, key), f"{key} goes with image; with unit your unit runs the container"


def _check_unit_lines(container: Container, at: KeyPath) -> Iterator[Finding]:
    """Values too long for one line of the container's unit (Ignition refuses the config)."""
    words: list[tuple[KeyPath, str]] = [((*at, "image"), container.image or "")]
    words += [((*at, "command", i), arg) for i, arg in enumerate(container.command)]
    words += [((*at, "env", key), f"--env={key}={value}") for key, value in container.env.items()]
    words += [((*at, "volumes", i), f"--volume={v}") for i, v in enumerate(container.volumes)]
    for path, word in words:
        length = unit_line_length(word)
        if length > UNIT_LINE_MAX:
            yield (
                path,
                (
                    f"too long for a unit line: {length} bytes written, Ignition takes at most "
                    f"{UNIT_LINE_MAX} (put long data in a volume instead)"
                ),
            )


def _check_gateway(iface: Interface, gateway: str, at: KeyPath) -> Iterator[Finding]:
    addresses = iface.addresses
    if iface.dhcp:
        yield (*at, "gateway"), "with address: dhcp the lease gives the gateway"
        return
    if not addresses:
        yield (*at, "gateway"), "a gateway needs an address on the interface"
        return
    gw = ipaddress.ip_address(gateway)
    own = [i for i in map(ipaddress.ip_interface, addresses) if i.version == gw.version]
    if not own:
        yield (*at, "gateway"), f"{gateway} is not of the address family of {', '.join(addresses)}"
    elif any(gw == i.ip for i in own):
        yield (*at, "gateway"), f"{gateway} is the interface's own address"
    elif not any(gw in i.network for i in own):
        networks = ", ".join(str(i.network) for i in own)
        yield (*at, "gateway"), f"{gateway} is outside {networks}"


# -- files: and units: -------------------------------------------------------------------------


def _check_contents(item: Contents, at: KeyPath, required: bool) -> Iterator[Finding]:
    if item.contents is not None and item.local is not None:
        yield (*at, "local"), "give either contents or local, not both"
    elif required and item.contents is None and item.local is None:
        yield (*at, "contents"), "give contents (inline) or local (a file beside the spec)"


def _check_files(spec: Spec, own: Owned) -> Iterator[Finding]:
    nodes = Nodes(spec.target.os)
    for f, file in enumerate(spec.files):
        at: KeyPath = ("files", f)
        yield from _check_contents(file, at, required=True)
        if file.path.startswith(names.UNITS_DIR + "/"):
            problem: str | None = (
                f"{file.path} is under {names.UNITS_DIR}, which holds systemd units: give "
                "units and drop-ins in units:"
            )
        else:
            problem = own.node_problem(file.path, "file") or nodes.add(file.path, "file")
        if problem:
            yield (*at, "path"), problem
        elif file.mode & 0o7000 and (version_tuple(spec.target.ignition) or ()) < (3, 6):
            yield (
                (*at, "mode"),
                f"{file.mode:04o} has setuid, setgid or sticky bits, which Ignition takes "
                "from config version 3.6.0 on (target.ignition)",
            )


def check_contents(spec: Spec) -> list[Finding]:
    """The problems of what files: and units: hold, once their local files are read (a
    unit that is enabled needs an [Install] section: Butane refuses it otherwise)."""
    found: list[Finding] = []
    for u, unit in enumerate(spec.units):
        for at, item in [(("units", u), unit)] + [
            (("units", u, "dropins", d), dropin) for d, dropin in enumerate(unit.dropins)
        ]:
            problem = unit_text_problem(item.given_text or "")
            if problem:
                where = "contents" if item.contents is not None else "local"
                found.append(((*at, where), problem))
        text = unit.given_text
        if unit.enabled and text and not has_install(text):
            found.append(
                (
                    ("units", u, "enabled"),
                    f"{unit.name} has no [Install] section, so it cannot be enabled (Butane "
                    "refuses it): add one, or leave enabled out and start it from another unit",
                )
            )
    return found


def _check_units(spec: Spec, own: Owned) -> Iterator[Finding]:
    seen: set[str] = set()
    for u, unit in enumerate(spec.units):
        at: KeyPath = ("units", u)
        yield from _check_contents(unit, at, required=False)
        name = unit.name
        given = unit.contents is not None or unit.local is not None
        if name in seen:
            yield (*at, "name"), f"{name} is already listed"
        seen.add(name)
        dropin_at = {d.name: (*at, "dropins", i) for i, d in enumerate(unit.dropins)}
        for where, problem in own.unit_problems(
            name,
            contents=given,
            mask=False,
            disable=unit.enabled is False,
            dropins=dropin_at,
        ):
            path = dropin_at.get(where, at)
            yield (*path, "name" if where in ("", *dropin_at) else where), problem
        dropins: set[str] = set()
        for d, dropin in enumerate(unit.dropins):
            dat: KeyPath = (*at, "dropins", d)
            yield from _check_contents(dropin, dat, required=True)
            if dropin.name in dropins:
                yield (*dat, "name"), f"{dropin.name} is already listed"
            dropins.add(dropin.name)


# -- switches: (more OVS instances) ----------------------------------------------------------


def _check_switches(spec: Spec) -> Iterator[Finding]:
    """Instance names, the instance of each bridge, link ports peered back across
    instances, and DPDK in the main instance only."""
    known = {MAIN_SWITCH}
    for s, switch in enumerate(spec.switches):
        if switch.name in known:
            what = "the main instance's" if switch.name == MAIN_SWITCH else "already used"
            yield ("switches", s, "name"), f"{switch.name!r} is {what}"
        known.add(switch.name)
    links = {
        port.name: (bridge, port)
        for bridge in spec.bridges
        for port in bridge.ports
        if isinstance(port, LinkPort)
    }
    for b, bridge in enumerate(spec.bridges):
        if bridge.switch is not None and bridge.switch not in known:
            yield ("bridges", b, "switch"), f"{bridge.switch!r} is not a switch in switches"
            continue
        for p, port in enumerate(bridge.ports):
            at: KeyPath = ("bridges", b, "ports", p)
            if isinstance(port, LinkPort):
                yield from _check_link(spec, bridge, port, at, links, known)
            elif isinstance(port, DpdkPort) and spec.switch_of(bridge) is not None:
                yield (
                    (*at, "type"),
                    "DPDK stays with the main instance (hugepages and NICs are the host's): "
                    f"put this port on a bridge of ovs, not {bridge.switch}",
                )


def _check_link(
    spec: Spec,
    bridge: Bridge,
    port: LinkPort,
    at: KeyPath,
    links: dict[str, tuple[Bridge, LinkPort]],
    known: set[str],
) -> Iterator[Finding]:
    mine = spec.switch_of(bridge) or MAIN_SWITCH
    if port.peer_switch not in known:
        yield (*at, "peer_switch"), f"{port.peer_switch!r} is not a switch in switches"
        return
    if port.peer_switch == mine:
        yield (
            (*at, "peer_switch"),
            f"{port.peer_switch!r} is this bridge's own instance (use a patch port)",
        )
        return
    target = links.get(port.peer)
    if target is None:
        yield (*at, "peer"), f"{port.peer!r} is not a link port"
        return
    other, its = target
    if (spec.switch_of(other) or MAIN_SWITCH) != port.peer_switch:
        yield (*at, "peer"), f"{port.peer!r} is not on a bridge of {port.peer_switch}"
    elif its.peer != port.name or its.peer_switch != mine:
        yield (
            (*at, "peer"),
            f"{port.peer!r} has peer {its.peer!r} on {its.peer_switch}, "
            f"not {port.name!r} on {mine}",
        )


# -- expect: ------------------------------------------------------------------------------------


def _check_expect(spec: Spec) -> Iterator[Finding]:
    """Each expectation: from a container on a bridge, to a container with a fixed address
    or an address it can ping; mtu with pings that must be answered; each listed once."""
    containers = {c.name: c for c in spec.containers}
    seen: dict[tuple[object, ...], int] = {}
    for e, expect in enumerate(spec.expect):
        at: KeyPath = ("expect", e)
        source = containers.get(expect.source)
        if source is None:
            yield (*at, "from"), f"{expect.source!r} is not a container in containers"
        elif not source.veths:
            yield (*at, "from"), f"container {expect.source} has no veth interface on a bridge"
        yield from _check_expect_target(spec, expect, at)
        if expect.mtu is not None and not expect.reach:
            yield (*at, "mtu"), "mtu is checked with pings that must be answered: reach: true"
        elif expect.mtu is not None and expect.port is not None:
            yield (*at, "mtu"), "mtu is checked with pings: a to without a :PORT"
        if expect.values() in seen:
            first = seen[expect.values()]
            yield (*at, "to"), f"expect[{first}] has the same from, to, reach and mtu"
        seen.setdefault(expect.values(), e)


def _check_expect_target(spec: Spec, expect: Expect, at: KeyPath) -> Iterator[Finding]:
    if expect.names_container:
        if expect.host not in {c.name for c in spec.containers}:
            yield (
                (*at, "to"),
                f"{expect.host!r} is neither a container in containers nor an IP address",
            )
        elif spec.expected_address(expect) is None:
            yield (
                (*at, "to"),
                f"container {expect.host} has no fixed address: name one of its addresses",
            )
        elif expect.host == expect.source:
            yield (*at, "to"), "a container's own address is not the data plane: name another"
        return
    if ipaddress.ip_address(expect.host).is_link_local:
        yield (
            (*at, "to"),
            f"{expect.host} is link-local, which names no one interface: name another address",
        )
