"""The host model: everything about a host that its spec decides, as typed values, before
it is spelled as files. plan.py builds it from a spec (the only step that reads one);
hostfiles.py turns it into files and units without looking at the spec.
"""

from __future__ import annotations

from typing import NamedTuple

from . import names
from .artifacts import HostFile, HostUnit
from .quoting import ovsdb_string


class InterfaceData(NamedTuple):
    """One interface of a container, as the attach reads it ('-': none)."""

    ifname: str
    bridge: str
    host_if: str
    mac: str
    mtu: str
    vlan: str
    address: str  # CIDRs, comma-separated
    gateway: str
    datapath: str
    vlan_mode: str
    trunks: str  # VLANs, comma-separated
    ofport: str
    routes: tuple[str, ...] = ()  # "TO VIA"
    external_ids: tuple[tuple[str, str], ...] = ()  # the spec's keys of its Interface record
    policing: tuple[int, int] | None = None  # its ingress policing: rate, burst (0: OVS's)
    qos: str | None = None  # its egress QoS: "MAX_RATE QUEUE..." (ovsconfig.qos_words)
    switch: str | None = None  # the OVS instance of its bridge (None: the main one)

    def line(self) -> str:
        """Its line in the container's data file (the host script's fields)."""
        fields = (self.ifname, self.bridge, self.host_if, self.mac, self.mtu, self.vlan)
        port = (self.vlan_mode, self.trunks, self.ofport)
        return " ".join((*fields, self.address, self.gateway, self.datapath, *port))

    def extra_pairs(self) -> list[tuple[str, str]]:
        """Its routes and its Interface record's settings, as keys of its own."""
        return [
            *(("route", f"{self.ifname} {route}") for route in self.routes),
            *(
                ("interface_setting", f"{self.ifname} external_ids:{key}={ovsdb_string(value)}")
                for key, value in self.external_ids
            ),
            *(
                ("interface_setting", f"{self.ifname} {column}={value}")
                for column, value in zip(names.POLICING_COLUMNS, self.policing or (), strict=False)
                if value
            ),
            *([("qos", f"{self.ifname} {self.qos}")] if self.qos else []),
        ]

    def attachment_line(self) -> str:
        """Its line in the container's attachment data (on another instance's bridge)."""
        return f"{self.line()} {self.switch}"


class BridgeData(NamedTuple):
    """A bridge: the ovs-vsctl commands of its transaction, its own other_config and
    external_ids settings and its ports' (set last in the transaction, a port's as "PORT
    SETTING"), controllers and their settings, mirrors, its ports' QoS, addresses and MTU;
    and its uplink, if it has one (the NIC, dhcp, routes, DNS, timeout)."""

    name: str
    commands: tuple[str, ...]
    settings: tuple[str, ...] = ()
    port_settings: tuple[str, ...] = ()
    controllers: tuple[str, ...] = ()
    controller_settings: tuple[str, ...] = ()  # "TARGET COLUMN=VALUE..."
    mirrors: tuple[str, ...] = ()  # the format's mirror lines
    qos: tuple[str, ...] = ()  # its ports' egress QoS: "PORT MAX_RATE QUEUE..."
    addresses: tuple[str, ...] = ()
    mtu: int | None = None
    switch: str | None = None  # its OVS instance (None: the main one)
    uplink: str | None = None  # a kernel name, or mac=MAC
    dhcp: bool = False
    routes: tuple[str, ...] = ()  # "TO VIA"
    dns: tuple[str, ...] = ()
    uplink_timeout: int | None = None

    def pairs(self) -> list[tuple[str, str]]:
        """Its lines in the bridge's data file."""
        uplink = [
            *([("uplink", self.uplink)] if self.uplink else []),
            *([("dhcp", "yes")] if self.dhcp else []),
            *(("route", route) for route in self.routes),
            *(("dns", server) for server in self.dns),
            *([("uplink_timeout", str(self.uplink_timeout))] if self.uplink_timeout else []),
        ]
        return [
            *(("vsctl", command) for command in self.commands),
            *(("setting", setting) for setting in self.settings),
            *(("port_setting", setting) for setting in self.port_settings),
            *(("controller", target) for target in self.controllers),
            *(("controller_setting", setting) for setting in self.controller_settings),
            *(("mirror", mirror) for mirror in self.mirrors),
            *(("qos", qos) for qos in self.qos),
            *(("address", address) for address in self.addresses),
            *([("mtu", str(self.mtu))] if self.mtu else []),
            *uplink,
        ]


class SwitchData(NamedTuple):
    """An OVS instance besides the main one: its image, bridges and link ports."""

    name: str
    image: str
    bridges: tuple[str, ...]
    links: tuple[str, ...]  # "NAME PEER_SWITCH PEER"

    def pairs(self) -> list[tuple[str, str]]:
        return [
            ("image", self.image),
            *(("bridge", bridge) for bridge in self.bridges),
            *(("link", link) for link in self.links),
        ]


class ContainerData(NamedTuple):
    """A container's data file: what its unit runs (image: containers: the image, --init,
    environment, volumes, command) and the interfaces its attach makes."""

    name: str
    interfaces: tuple[InterfaceData, ...]
    image: str | None = None
    init: bool = True
    env: tuple[str, ...] = ()
    volumes: tuple[str, ...] = ()
    command: tuple[str, ...] = ()

    def pairs(self) -> list[tuple[str, str]]:
        run = []
        if self.image is not None:
            run = [
                ("image", self.image),
                *([] if self.init else [("init", "no")]),
                *(("env", setting) for setting in self.env),
                *(("volume", volume) for volume in self.volumes),
                *(("command", word) for word in self.command),
            ]
        main = (i for i in self.interfaces if i.switch is None)
        return [
            *run,
            *(("interface", i.line()) for i in main),
            # (every interface's, those on other instances' bridges too: an interface's
            # name is unique in its container)
            *(pair for i in self.interfaces for pair in i.extra_pairs()),
        ]

    def attachments(self) -> list[tuple[str, str]]:
        """Its interfaces on bridges of other OVS instances, as their data file lists them."""
        return [("interface", i.attachment_line()) for i in self.interfaces if i.switch]


class InstanceUnits(NamedTuple):
    """The facts of the ovsdb-server and ovs-vswitchd units of one OVS instance."""

    switch: str | None  # None: the main instance
    image: str
    ovsdb_run: tuple[str, ...]
    vswitchd_run: tuple[str, ...]
    ovsdb_state_files: tuple[str, ...]  # podman's PID and ID files of each
    vswitchd_state_files: tuple[str, ...]
    peer_netns: tuple[str, ...]  # the netns units of the instances its links lead into
    dpdk_bind: bool  # its vswitchd waits for the binding of the DPDK NICs


class ContainerUnits(NamedTuple):
    """The facts of one container's units: the one that runs it (an image: container's, or
    its own unit:), its attach, and the other instances its interfaces are on."""

    name: str
    unit_name: str  # the unit that runs it
    runs_image: bool  # ovs-ignite runs it (image:), not a unit of the spec's
    own_unit: str | None  # unit: the spec's unit that runs it
    attached: bool  # it has veth interfaces (an attach)
    switches: tuple[str, ...] = ()  # other instances its interfaces are on
    dhcp: bool = False  # an interface of its has address: dhcp
    mirror_output: bool = False  # an interface of its is a mirror's output
    qos: bool = False  # an interface of its has an egress QoS
    vhost_user: bool = False  # it has vhost-user interfaces (image: containers only)


class HostModel(NamedTuple):
    """What the host script reads (host.conf, bridges/, containers/), the units need and
    the kernel needs."""

    os: str
    ignition_version: str
    runtime: str
    ovs_image: str
    ovs_schema: str
    open_vswitch: tuple[str, ...]
    ovsdb_commands: tuple[str, ...]  # set-manager, set-ssl (after del-manager, del-ssl)
    dpdk_devices: tuple[str, ...]
    switches: tuple[SwitchData, ...]  # the other OVS instances
    bridges: tuple[BridgeData, ...]
    containers: tuple[ContainerData, ...]
    kernel_arguments: tuple[str, ...]
    auto_update: bool = False
    hostname: str | None = None
    users: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name, SSH keys)
    instances: tuple[InstanceUnits, ...] = ()  # the main one first
    container_units: tuple[ContainerUnits, ...] = ()
    container_run: tuple[str, ...] = ()  # the start of image: containers' run command
    container_state_files: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # the parts of the host side beside the host script
    unmanaged: tuple[str, ...] = ()  # what the OS's network manager leaves alone
    spec_files: tuple[HostFile, ...] = ()  # the spec's files: and units:
    spec_units: tuple[HostUnit, ...] = ()

    @property
    def uplink_units(self) -> tuple[str, ...]:
        """The units of the bridges' uplinks, in the bridges' order."""
        return tuple(names.uplink_unit(b.name) for b in self.bridges if b.uplink)
