"""The ovs-vsctl words that make the Open_vSwitch record and each bridge as the spec says."""

from __future__ import annotations

from typing import NamedTuple

from .names import (
    DATAPATH_ID,
    DPDK_DEVARGS,
    DPDK_KEYS,
    PATCH_PEER,
    POLICING_COLUMNS,
    REMOTE_IP,
    RXQ_AFFINITY,
    TUNNEL_KEY,
    VHOST_OF,
    VHOST_PATH,
    VHOST_TYPE,
    host_interface_name,
    vhost_socket,
)
from .quoting import ovsdb_string
from .records import (
    AnyPort,
    BondPort,
    Bridge,
    Dpdk,
    DpdkMember,
    DpdkPort,
    GenevePort,
    GrePort,
    Interface,
    LinkPort,
    OnePort,
    PatchPort,
    Qos,
    Record,
    Spec,
    SystemPort,
    TunnelPort,
    VxlanPort,
)


def open_vswitch_settings(spec: Spec) -> list[str]:
    """The ``column:key=value`` settings of the Open_vSwitch record (values OVSDB strings)."""
    return [
        f"{column}:{key}={ovsdb_string(value)}"
        for column, keys in open_vswitch_maps(spec).items()
        for key, value in keys.items()
    ]


def ovsdb_commands(spec: Spec) -> list[str]:
    """The ovs-vsctl commands that set the managers and the SSL table as the spec says, after
    the configure step's del-manager and del-ssl (in the same transaction)."""
    commands = []
    if spec.ovs.managers:
        commands.append(" ".join(["set-manager", *spec.ovs.managers]))
    if spec.ovs.ssl:
        commands.append(" ".join(["set-ssl", *spec.ovs.ssl.paths]))
    return commands


def open_vswitch_maps(spec: Spec) -> dict[str, dict[str, str]]:
    """The other_config and external_ids keys the spec sets on the Open_vSwitch record."""
    other = dpdk_settings(spec.dpdk) if spec.dpdk else {}
    other.update(spec.ovs.other_config)
    ids = {"system-id": spec.ovs.system_id} if spec.ovs.system_id else {}
    return {"other_config": other, "external_ids": {**ids, **spec.ovs.external_ids}}


def dpdk_settings(dpdk: Dpdk) -> dict[str, str]:
    """The Open_vSwitch other_config keys of the dpdk section (DPDK_KEYS): those it gives,
    booleans true or false (a section, such as pmd_auto_lb, true when given)."""
    given: dict[str, object] = {}
    for key, path in DPDK_KEYS.items():
        value: object = dpdk
        for field in path.split(".")[1:]:
            value = getattr(value, field) if value is not None else None
        given[key] = True if isinstance(value, Record) else value
    return _option_words(given)


def _option_words(given: dict[str, object]) -> dict[str, str]:
    """The keys given a value (not None), as OVS takes them: booleans true or false."""
    return {
        key: str(value).lower() if isinstance(value, bool) else str(value)
        for key, value in given.items()
        if value is not None
    }


def dpdk_options(device: DpdkPort | DpdkMember) -> dict[str, str]:
    """The Interface options of a DPDK device: its devargs, and its queues' settings."""
    queues = {
        "n_rxq": device.n_rxq,
        "n_rxq_desc": device.n_rxq_desc,
        "n_txq_desc": device.n_txq_desc,
    }
    return _option_words({DPDK_DEVARGS: device.dpdk_devargs, **queues})


def interface_type(port: AnyPort) -> str:
    """The Interface type of a port that is one interface ("" for a system port)."""
    # (a link port's interface is one end of a veth pair: a system interface)
    return "" if isinstance(port, SystemPort | LinkPort) else port.type


def interface_options(port: AnyPort) -> dict[str, str]:
    """The Interface options of a port that is one interface: what its type needs."""
    if isinstance(port, DpdkPort):
        return dpdk_options(port)
    if isinstance(port, VxlanPort | GenevePort | GrePort):
        given: dict[str, object] = {
            REMOTE_IP: port.remote_ip,
            TUNNEL_KEY: port.key,
            "in_key": port.in_key,
            "out_key": port.out_key,
            "local_ip": port.local_ip,
            "dst_port": None if isinstance(port, GrePort) else port.dst_port,
            "tos": port.tos,
            "ttl": port.ttl,
            "df_default": port.df_default,
            "csum": port.csum,
        }
        return _option_words(given)
    if isinstance(port, PatchPort):
        return {PATCH_PEER: port.peer}
    return {}


def _interface_settings(port: AnyPort) -> list[str]:
    kind = interface_type(port)
    options = [f"options:{key}={value}" for key, value in interface_options(port).items()]
    return [f"type={kind}" if kind else 'type=""', *options]


def _map_settings(other_config: dict[str, str], external_ids: dict[str, str]) -> list[str]:
    """other_config and external_ids keys as ``column:key=value`` words whose values are
    OVSDB strings (any text, taken literally)."""
    return [
        f"{column}:{key}={ovsdb_string(value)}"
        for column, settings in (("other_config", other_config), ("external_ids", external_ids))
        for key, value in settings.items()
    ]


def bridge_settings(bridge: Bridge) -> list[str]:
    """The bridge's own other_config and external_ids keys (_map_settings); set after
    ovs-ignite's."""
    return _map_settings(bridge.other_config, bridge.external_ids)


def _port_commands(bridge: Bridge, port: AnyPort) -> list[str]:
    name = port.name
    if isinstance(port, BondPort):
        cmd = ["--", "--may-exist", "add-bond", bridge.name, name, *port.member_names]
        cmd += [
            "--",
            "set",
            "port",
            name,
            f"bond_mode={port.bond_mode or 'active-backup'}",
            f"lacp={port.lacp or 'off'}",
            f"bond_updelay={port.updelay or 0}",
            f"bond_downdelay={port.downdelay or 0}",
        ]
        for member in port.interfaces:
            cmd += ["--", "set", "interface", member, *policing_settings(port)]
            cmd += _mtu_words(member, port.mtu)
        for device in port.members:
            cmd += ["--", "clear", "interface", device.name, "options"]
            options = [f"options:{key}={value}" for key, value in dpdk_options(device).items()]
            cmd += ["--", "set", "interface", device.name, "type=dpdk", *options]
            cmd += policing_settings(port)
            cmd += _mtu_words(device.name, port.mtu)
            cmd += _affinity_words(device.name, device.pmd_rxq_affinity)
    else:
        cmd = ["--", "--may-exist", "add-port", bridge.name, name]
        if interface_options(port):  # (the spec's options only: those it no longer gives go)
            cmd += ["--", "clear", "interface", name, "options"]
        cmd += ["--", "set", "interface", name, *_interface_settings(port)]
        if not isinstance(port, PatchPort | TunnelPort):
            cmd += policing_settings(port)
        cmd += _ofport_words(name, port.ofport if isinstance(port, OnePort) else None)
        cmd += _mtu_words(name, port.mtu)
        if isinstance(port, DpdkPort):
            cmd += _affinity_words(name, port.pmd_rxq_affinity)
    return cmd + _port_column_words(name, port)


def _affinity_words(interface: str, affinity: str | None) -> list[str]:
    """Pin a DPDK interface's receive queues as the spec says, or leave them to OVS."""
    if affinity is None:
        return ["--", "remove", "interface", interface, "other_config", RXQ_AFFINITY]
    return ["--", "set", "interface", interface, f"other_config:{RXQ_AFFINITY}={affinity}"]


def policing_settings(port: AnyPort | Interface) -> list[str]:
    """The ingress policing columns of a port's interface (or a bond's member): the spec's,
    or 0 (none)."""
    values = (port.ingress_policing_rate, port.ingress_policing_burst)
    return [
        f"{column}={value or 0}" for column, value in zip(POLICING_COLUMNS, values, strict=True)
    ]


def _ofport_words(interface: str, ofport: int | None) -> list[str]:
    """The interface's ofport_request as the spec says (after its set command), or none."""
    if ofport is None:
        return ["--", "clear", "interface", interface, "ofport_request"]
    return [f"ofport_request={ofport}"]


def _mtu_words(interface: str, mtu: int | None) -> list[str]:
    if mtu is None:
        return ["--", "clear", "interface", interface, "mtu_request"]
    return ["--", "set", "interface", interface, f"mtu_request={mtu}"]


def _port_column_words(name: str, port: AnyPort | Interface) -> list[str]:
    """Set the port's VLAN columns (tag, trunks, vlan_mode) as the spec says and clear the
    others, and clear its other_config, external_ids and qos (port_settings sets the spec's
    keys and the QoS part its QoS after this, in the same transaction). name: the port's
    (a container's interface's port has its own)."""
    vlans = port.trunk_vlans
    trunks = ",".join(str(t) for t in vlans) if vlans is not None else None
    given = {"tag": port.vlan, "trunks": trunks, "vlan_mode": port.vlan_mode}
    cmd = []
    setting = [f"{column}={value}" for column, value in given.items() if value is not None]
    if setting:
        cmd += ["--", "set", "port", name, *setting]
    cleared = [column for column, value in given.items() if value is None]
    return [*cmd, "--", "clear", "port", name, *cleared, "other_config", "external_ids", "qos"]


class VhostPort(NamedTuple):
    """A container's vhost-user interface: the dpdkvhostuserclient port its bridge's
    transaction makes, named as a veth's host end would be."""

    container: str
    ifname: str
    interface: Interface

    @property
    def port(self) -> str:
        return host_interface_name(self.container, self.ifname)

    @property
    def socket(self) -> str:
        """The socket, as ovs-vswitchd sees it (its run folder is the host's)."""
        return vhost_socket(self.container, self.ifname)

    @property
    def owner(self) -> str:
        """Its VHOST_OF external_ids value: CONTAINER/IFNAME."""
        return f"{self.container}/{self.ifname}"


def vhost_ports(spec: Spec, bridge: Bridge) -> list[VhostPort]:
    """The vhost-user interfaces of the spec's containers on bridge, in the spec's order."""
    return [
        VhostPort(container.name, ifname, iface)
        for container in spec.containers
        for ifname, iface in container.vhost_users
        if iface.bridge == bridge.name
    ]


def _vhost_commands(bridge: Bridge, vhost: VhostPort) -> list[str]:
    """Make or set vhost's port: its type and socket, its Interface's external_ids (only
    ovs-ignite's key), ofport, MTU (its own or the bridge's) and policing, its VLANs."""
    name, iface = vhost.port, vhost.interface
    cmd = ["--", "--may-exist", "add-port", bridge.name, name]
    cmd += ["--", "clear", "interface", name, "options", "external_ids"]
    cmd += ["--", "set", "interface", name, f"type={VHOST_TYPE}"]
    cmd += [f"options:{VHOST_PATH}={vhost.socket}", f'external_ids:{VHOST_OF}="{vhost.owner}"']
    cmd += policing_settings(iface)
    cmd += _ofport_words(name, iface.ofport)
    cmd += _mtu_words(name, iface.mtu or bridge.mtu)
    return cmd + _port_column_words(name, iface)


def port_other_config(port: AnyPort) -> dict[str, str]:
    """The Port other_config of port: what a bond's fields give (lacp-time, ...), then the
    spec's own keys."""
    own = port.settings if isinstance(port, BondPort) else {}
    return {**own, **port.other_config}


def qos_words(qos: Qos) -> str:
    """A QoS as the host data gives it: "MAX_RATE QUEUE...", a queue "ID,KEY=VALUE..." (the
    other_config keys of its Queue record that the spec gives)."""
    queues = [
        ",".join([str(queue.id), *(f"{key}={value}" for key, value in queue.other_config.items())])
        for queue in qos.queues
    ]
    return " ".join([str(qos.max_rate), *queues])


def port_settings(bridge: Bridge) -> list[str]:
    """The other_config and external_ids keys of the bridge's ports, a ``PORT
    column:key=value`` line each (the value an OVSDB string); set after the ports."""
    return [
        f"{port.name} {setting}"
        for port in bridge.ports
        for setting in _map_settings(port_other_config(port), port.external_ids)
    ]


def bridge_switches(bridge: Bridge) -> dict[str, bool]:
    """The Bridge columns that turn a protocol on or off, as the spec says (off by default)."""
    return {
        "stp_enable": bridge.stp,
        "rstp_enable": bridge.rstp,
        "mcast_snooping_enable": bridge.mcast_snooping,
    }


def bridge_command(spec: Spec, bridge: Bridge) -> list[str]:
    """One ovs-vsctl transaction that makes bridge and its ports as the spec says."""
    name = bridge.name
    cmd = [
        "--may-exist",
        "add-br",
        name,
        "--",
        "set",
        "bridge",
        name,
        f"datapath_type={spec.datapath(bridge)}",
        f"fail_mode={bridge.fail_mode}",
        *(f"{column}={str(on).lower()}" for column, on in bridge_switches(bridge).items()),
    ]
    cleared = []  # (the Bridge columns the spec leaves empty, in one clear)
    if bridge.protocols:
        cmd.append("protocols=" + ",".join(bridge.protocols))
    else:
        cleared.append("protocols")
    if not bridge.mirrors:  # (a bridge's mirrors: ovs-ignite-openflow.sh's)
        cleared.append("mirrors")
    if cleared:
        cmd += ["--", "clear", "bridge", name, *cleared]
    if bridge.datapath_id:
        cmd += ["--", "set", "bridge", name, f"other_config:{DATAPATH_ID}={bridge.datapath_id}"]
    else:
        cmd += ["--", "remove", "bridge", name, "other_config", DATAPATH_ID]
    if not bridge.controller_targets:
        cmd += ["--", "del-controller", name]
    # Controllers are set by the script only when they differ: setting them anew would
    # replace the Controller records and drop the live OpenFlow connections.
    if bridge.mtu:
        cmd += ["--", "set", "interface", name, f"mtu_request={bridge.mtu}"]
    else:
        cmd += ["--", "clear", "interface", name, "mtu_request"]
    for port in bridge.ports:
        cmd += _port_commands(bridge, port)
    for vhost in vhost_ports(spec, bridge):
        cmd += _vhost_commands(bridge, vhost)
    return cmd


def bridge_commands(spec: Spec, bridge: Bridge) -> tuple[str, ...]:
    """The commands of bridge_command's transaction, each as one line of words."""
    commands: list[list[str]] = [[]]
    for word in bridge_command(spec, bridge):
        if word == "--":
            commands.append([])
        else:
            commands[-1].append(word)
    return tuple(" ".join(words) for words in commands)
