"""The validated spec as the rest of the package reads it: one record class per model of
``models.py`` (same names, fields and hierarchy), with the properties the plan reads.

The models are the spec's definition (its checks, defaults and JSON Schema); a document is
checked against their prebuilt schema (``specschema.py``, by ``validator.py``) into these
records, without importing pydantic or building the models: a command that only reads a
spec does not pay for them. A record is read-only; ``replaced`` makes a changed copy.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal, Self

from .names import container_unit, default_interface_name
from .values import MAIN_SWITCH, expect_parts, is_address


class Record:
    """A validated item of the spec: its fields in ``__dict__`` (as the validator sets them;
    pydantic-core, which the tests run on the same schema, adds three keys of its own, which
    FIELDS leaves out)."""

    FIELDS: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = [
            name
            for name, kind in cls.__annotations__.items()
            if not name.startswith("_") and not str(kind).startswith("ClassVar")
        ]
        cls.FIELDS = (*cls.FIELDS, *(name for name in own if name not in cls.FIELDS))

    def __init__(self, **fields: Any) -> None:
        """A record of exactly its fields (what a default value in the schema is)."""
        if set(fields) != set(self.FIELDS):
            raise TypeError(f"{type(self).__name__} takes {', '.join(self.FIELDS)}")
        self.__dict__.update(fields)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only (use replaced)")

    def values(self) -> tuple[Any, ...]:
        return tuple(self.__dict__[name] for name in self.FIELDS)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self.values() == other.values() and self._extra() == other._extra()

    def __hash__(self) -> int:
        return hash((type(self), self.values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self.FIELDS)
        return f"{type(self).__name__}({shown})"

    def written(self, field: str) -> Any:
        """The value of field as a spec writes it (specschema.document)."""
        return self.__dict__[field]

    def _extra(self) -> Any:
        """What a record holds besides its fields (Contents: the text read from local)."""
        return None

    def replaced(self, **update: Any) -> Self:
        """A copy with the fields in update changed."""
        unknown = set(update) - set(self.FIELDS)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]}")
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__, **update)
        return copy


class Target(Record):
    os: Literal["fcos", "flatcar"]
    ignition: Literal["3.3.0", "3.4.0", "3.5.0", "3.6.0"]
    runtime: Literal["podman", "docker"] | None


class User(Record):
    name: str
    ssh_authorized_keys: list[str]


class HostSettings(Record):
    hostname: str | None
    users: list[User]


class Ssl(Record):
    private_key: str
    certificate: str
    ca_cert: str

    @property
    def paths(self) -> tuple[str, str, str]:
        return (self.private_key, self.certificate, self.ca_cert)


class Ovs(Record):
    image: str
    privileged: bool
    system_id: str | None
    other_config: dict[str, str]
    external_ids: dict[str, str]
    managers: list[str] | None
    allow_insecure_manager: bool
    ssl: Ssl | None
    schema_path: str  # (written schema:)
    vswitchd: str
    init: bool
    auto_update: Literal["registry", "local"] | None


class Hugepages(Record):
    size: Literal["2M", "1G"]
    count: int


class DpdkDevice(Record):
    pci: str
    driver: Literal["vfio-pci", "kernel"]


class PmdAutoLb(Record):
    load_threshold: int | None
    improvement_threshold: int | None
    rebal_interval: int | None


class Dpdk(Record):
    hugepages: Hugepages | list[Hugepages]
    iommu: Literal["intel", "amd", "none"]
    isolcpus: str | None
    socket_mem: str | None
    socket_limit: str | None
    lcore_mask: str | None
    pmd_cpu_mask: str | None
    pmd_auto_lb: PmdAutoLb | None
    emc_insert_inv_prob: int | None
    smc_enable: bool | None
    vhost_postcopy: bool | None
    userspace_tso: bool | None
    hw_offload: bool | None
    max_idle: int | None
    extra: str | None
    devices: list[DpdkDevice]

    @property
    def page_pools(self) -> list[Hugepages]:
        """The hugepages of each size, the default size first."""
        pages = self.hugepages
        return list(pages) if isinstance(pages, list) else [pages]

    @property
    def bound(self) -> list[str]:
        """The PCI addresses of the NICs to bind to vfio-pci, in the order given."""
        return [device.pci for device in self.devices if device.driver == "vfio-pci"]


# -- ports: one record per type -----------------------------------------------------------------


class Queue(Record):
    id: int
    min_rate: int | None
    max_rate: int | None
    burst: int | None
    priority: int | None

    @property
    def other_config(self) -> dict[str, str]:
        """The other_config keys of its Queue record that the spec gives (min-rate, ...)."""
        given = {
            "min-rate": self.min_rate,
            "max-rate": self.max_rate,
            "burst": self.burst,
            "priority": self.priority,
        }
        return {key: str(value) for key, value in given.items() if value is not None}


class Qos(Record):
    type: Literal["linux-htb"]
    max_rate: int
    queues: list[Queue]


class PortBase(Record):
    name: str
    vlan: int | None
    trunks: list[int | str] | None  # (a VLAN, or a range "FIRST-LAST")
    vlan_mode: Literal["access", "trunk", "native-tagged", "native-untagged"] | None
    mtu: int | None
    ingress_policing_rate: int | None
    ingress_policing_burst: int | None
    qos: Qos | None
    other_config: dict[str, str]
    external_ids: dict[str, str]

    @property
    def trunk_vlans(self) -> list[int] | None:
        """The VLANs of trunks, ranges spelled out, in the order given."""
        return spelled_vlans(self.trunks)


class OnePort(PortBase):
    """A port that is one interface, which can ask for its OpenFlow port number."""

    ofport: int | None


class SystemPort(OnePort):
    type: Literal["system"]


class InternalPort(OnePort):
    type: Literal["internal"]


class DpdkDeviceOf:
    """What a dpdk port and a bond's DPDK member share: how OVS names the device."""

    pci: str | None
    devargs: str | None

    @property
    def dpdk_devargs(self) -> str:
        """options:dpdk-devargs: the NIC's PCI address, or the devargs."""
        return str(self.pci or self.devargs)


class DpdkPort(OnePort, DpdkDeviceOf):
    type: Literal["dpdk"]
    pci: str | None
    devargs: str | None
    n_rxq: int | None
    n_rxq_desc: int | None
    n_txq_desc: int | None
    pmd_rxq_affinity: str | None


class TunnelBase(OnePort):
    local_ip: str | None
    tos: int | None
    ttl: int | None
    df_default: bool | None
    csum: bool | None


class VxlanPort(TunnelBase):
    type: Literal["vxlan"]
    remote_ip: str
    key: int | str | None
    in_key: int | str | None
    out_key: int | str | None
    dst_port: int | None


class GenevePort(TunnelBase):
    type: Literal["geneve"]
    remote_ip: str
    key: int | str | None
    in_key: int | str | None
    out_key: int | str | None
    dst_port: int | None


class GrePort(TunnelBase):
    type: Literal["gre"]
    remote_ip: str
    key: int | str | None
    in_key: int | str | None
    out_key: int | str | None


class PatchPort(OnePort):
    type: Literal["patch"]
    peer: str


class LinkPort(OnePort):
    type: Literal["link"]
    peer_switch: str
    peer: str


class DpdkMember(Record, DpdkDeviceOf):
    name: str
    pci: str | None
    devargs: str | None
    n_rxq: int | None
    n_rxq_desc: int | None
    n_txq_desc: int | None
    pmd_rxq_affinity: str | None


class BondPort(PortBase):
    type: Literal["bond"]
    interfaces: list[str]
    members: list[DpdkMember]
    bond_mode: Literal["active-backup", "balance-slb", "balance-tcp"] | None
    lacp: Literal["off", "active", "passive"] | None
    updelay: int | None
    downdelay: int | None
    lacp_time: Literal["fast", "slow"] | None
    lacp_fallback_ab: bool | None
    bond_rebalance_interval: int | None

    # other_config keys of the Port record that fields of the bond set
    OWN_KEYS: ClassVar[dict[str, str]] = {
        "lacp_time": "lacp-time",
        "lacp_fallback_ab": "lacp-fallback-ab",
        "bond_rebalance_interval": "bond-rebalance-interval",
    }

    @property
    def member_names(self) -> list[str]:
        """The names of its members: its host interfaces, or its DPDK members."""
        return [*self.interfaces, *(member.name for member in self.members)]

    @property
    def settings(self) -> dict[str, str]:
        """The Port other_config keys its fields give (lacp-time, ...), as OVS spells them."""
        given = {key: self.__dict__[field] for field, key in self.OWN_KEYS.items()}
        return {
            key: str(value).lower() if isinstance(value, bool) else str(value)
            for key, value in given.items()
            if value is not None
        }


TunnelPort = VxlanPort | GenevePort | GrePort
AnyPort = SystemPort | InternalPort | DpdkPort | TunnelPort | PatchPort | LinkPort | BondPort
PORT_RECORDS: dict[str, type[PortBase]] = {
    "system": SystemPort,
    "internal": InternalPort,
    "dpdk": DpdkPort,
    "vxlan": VxlanPort,
    "geneve": GenevePort,
    "gre": GrePort,
    "patch": PatchPort,
    "link": LinkPort,
    "bond": BondPort,
}
PORT_TYPES = tuple(PORT_RECORDS)  # in the order error messages list them


# -- the discriminators of the schema's unions (the validator calls them with the input) ------


def port_type(value: Any) -> str:
    """The type of a port as given (a mapping) or built (a record); system when not given.
    A type that is not a string is no type of ours (the union reports it)."""
    if isinstance(value, dict):
        given = value.get("type", "system")
        return given if isinstance(given, str) else ""
    # A record has its type; anything else is no mapping, which the system branch reports.
    return str(getattr(value, "type", "system"))


# The tags of the value unions below, which error locations leave out (spec.py).
VALUE_TAGS = (
    "to-default",
    "a-cidr",
    "by-dhcp",
    "cidr-list",
    "by-name",
    "by-mac",
    "a-vlan",
    "a-range",
    "by-flow",
    "a-key",
    "a-target",
    "a-controller",
    "one-size",
    "page-sizes",
)


def static_addresses(address: str | list[str] | None) -> list[str]:
    """The static addresses of an address setting (a CIDR, a list of them, dhcp or none)."""
    if address is None or address == "dhcp":
        return []
    return [address] if isinstance(address, str) else list(address)


def spelled_vlans(trunks: list[int | str] | None) -> list[int] | None:
    """The VLANs of trunks (VLANs and ranges "FIRST-LAST"), ranges spelled out, in order."""
    if trunks is None:
        return None
    vlans: list[int] = []
    for item in trunks:
        if isinstance(item, str):
            first, last = (int(n) for n in item.split("-"))
            vlans.extend(range(first, last + 1))
        else:
            vlans.append(item)
    return vlans


def hugepages_kind(value: Any) -> str:
    return "page-sizes" if isinstance(value, list) else "one-size"


def trunk_kind(value: Any) -> str:
    return "a-range" if isinstance(value, str) else "a-vlan"


def controller_kind(value: Any) -> str:
    return "a-controller" if isinstance(value, dict | Controller) else "a-target"


def tunnel_key_kind(value: Any) -> str:
    return "by-flow" if value == "flow" else "a-key"


def route_to_kind(value: Any) -> str:
    return "to-default" if value == "default" else "a-cidr"


def address_kind(value: Any) -> str:
    if value == "dhcp":
        return "by-dhcp"
    return "cidr-list" if isinstance(value, list) else "a-cidr"


def uplink_kind(value: Any) -> str:
    return "by-mac" if isinstance(value, dict | UplinkMac) else "by-name"


# -- bridges and containers ---------------------------------------------------------------------


class UplinkMac(Record):
    mac: str


class Route(Record):
    to: str
    via: str


class Controller(Record):
    target: str
    connection_mode: Literal["in-band", "out-of-band"] | None
    inactivity_probe: int | None

    @property
    def settings(self) -> dict[str, str]:
        """The columns of its Controller record that the spec gives."""
        given = {"connection_mode": self.connection_mode, "inactivity_probe": self.inactivity_probe}
        return {column: str(value) for column, value in given.items() if value is not None}

    @property
    def line(self) -> str:
        """Its target and settings as "TARGET COLUMN=VALUE..." (the host data's words)."""
        return " ".join([self.target, *(f"{k}={v}" for k, v in self.settings.items())])


class Mirror(Record):
    name: str
    select_all: bool
    select_src_ports: list[str] | None
    select_dst_ports: list[str] | None
    select_vlans: list[int] | None
    output_port: str | None
    output_vlan: int | None

    @property
    def output_container(self) -> tuple[str, str] | None:
        """Its output's container and interface, when it is a container's interface."""
        container, slash, interface = (self.output_port or "").rpartition("/")
        return (container, interface) if slash else None


class Bridge(Record):
    name: str
    switch: str | None
    datapath: Literal["system", "netdev"] | None
    fail_mode: Literal["standalone", "secure"]
    protocols: list[str] | None
    controllers: list[str | Controller] | None
    address: str | list[str] | None
    uplink: str | UplinkMac | None
    routes: list[Route] | None
    dns: list[str] | None
    uplink_timeout: int | None
    mtu: int | None
    datapath_id: str | None
    other_config: dict[str, str]
    external_ids: dict[str, str]
    stp: bool
    rstp: bool
    mcast_snooping: bool
    ports: list[AnyPort]
    mirrors: list[Mirror]

    @property
    def addresses(self) -> list[str]:
        """Its static addresses (none with dhcp)."""
        return static_addresses(self.address)

    @property
    def controller_records(self) -> list[Controller]:
        """Its controllers, each with its settings (none for a target given alone)."""
        return [
            c
            if isinstance(c, Controller)
            else Controller(target=c, connection_mode=None, inactivity_probe=None)
            for c in self.controllers or []
        ]

    @property
    def controller_targets(self) -> list[str]:
        return [c.target for c in self.controller_records]

    @property
    def dhcp(self) -> bool:
        return self.address == "dhcp"


class Interface(Record):
    bridge: str
    type: Literal["veth", "vhost-user"]
    name: str | None
    address: str | list[str] | None
    gateway: str | None
    routes: list[Route] | None
    mac: str | None
    mtu: int | None
    ingress_policing_rate: int | None
    ingress_policing_burst: int | None
    qos: Qos | None
    vlan: int | None
    trunks: list[int | str] | None  # (a VLAN, or a range "FIRST-LAST")
    vlan_mode: Literal["access", "trunk", "native-tagged", "native-untagged"] | None
    ofport: int | None
    external_ids: dict[str, str]

    @property
    def addresses(self) -> list[str]:
        """Its static addresses, in the order given (none with dhcp)."""
        return static_addresses(self.address)

    @property
    def dhcp(self) -> bool:
        return self.address == "dhcp"

    @property
    def trunk_vlans(self) -> list[int] | None:
        """The VLANs of trunks, ranges spelled out, in the order given."""
        return spelled_vlans(self.trunks)

    @property
    def vhost_user(self) -> bool:
        return self.type == "vhost-user"


class Container(Record):
    name: str
    image: str | None
    unit: str | None
    command: list[str]
    env: dict[str, str]
    volumes: list[str]
    interfaces: list[Interface]
    init: bool

    @property
    def unit_name(self) -> str:
        """The unit that runs the container: yours (unit:) or ovs-ignite's (NAME.service)."""
        return self.unit or container_unit(self.name)

    def interface_name(self, index: int) -> str:
        """The name inside the container of interface index: as given, else eth1, eth2, ..."""
        return self.interfaces[index].name or default_interface_name(index)

    @property
    def veths(self) -> list[tuple[str, Interface]]:
        """Its veth interfaces (those its attach makes), each with its name."""
        return [
            (self.interface_name(i), f) for i, f in enumerate(self.interfaces) if not f.vhost_user
        ]

    @property
    def vhost_users(self) -> list[tuple[str, Interface]]:
        """Its vhost-user interfaces (its bridges make their ports), each with its name."""
        return [(self.interface_name(i), f) for i, f in enumerate(self.interfaces) if f.vhost_user]

    @property
    def fixed_address(self) -> str | None:
        """The first fixed address of its veth interfaces (an expectation that names the
        container reaches it there), or None."""
        for _, iface in self.veths:
            for address in iface.addresses:
                return address.split("/")[0]
        return None


class Switch(Record):
    name: str
    image: str | None


# -- what the spec adds to the config (files:, units:) ------------------------------------------


class Contents(Record):
    contents: str | None
    local: str | None
    # What loading the spec read from local (the spec as written keeps local alone).
    _read: str | None = None

    def _extra(self) -> Any:
        return self._read

    @property
    def text(self) -> str:
        """The contents: inline, or what loading the spec read from local."""
        if self.contents is not None:
            return self.contents
        if self._read is None:
            raise ValueError(f"the contents of {self.local!r} were not read (load the spec)")
        return self._read

    @property
    def given_text(self) -> str | None:
        """The contents, inline or read from local; None when neither is there (yet)."""
        return self.contents if self.contents is not None else self._read

    def with_read(self, text: str | None) -> Self:
        """This item with text read from its local file."""
        copy = self.replaced()
        copy.__dict__["_read"] = text
        return copy


class ExtraFile(Contents):
    """A file of yours that the config writes (files:)."""

    path: str
    mode: int

    def written(self, field: str) -> Any:
        # (the mode as the quoted octal text it is read as)
        return f"{self.mode:04o}" if field == "mode" else super().written(field)


class ExtraDropin(Contents):
    name: str


class ExtraUnit(Contents):
    """A systemd unit of yours (units:): its contents, drop-ins, or both."""

    name: str
    enabled: bool | None
    dropins: list[ExtraDropin]


class Expect(Record):
    """(addition) What the data plane must show, which verify checks from inside a
    container's network namespace (expect:)."""

    source: str  # (written from:)
    to: str
    reach: bool
    mtu: int | None

    @property
    def host(self) -> str:
        """The container or IP address it reaches."""
        return expect_parts(self.to)[0]

    @property
    def port(self) -> int | None:
        """The TCP port it connects to; None: it pings."""
        return expect_parts(self.to)[1]

    @property
    def names_container(self) -> bool:
        """Whether to names a container (else an IP address)."""
        return not is_address(self.host)


class Spec(Record):
    """A whole switch spec, format 1."""

    version: Literal[1]
    target: Target
    host: HostSettings | None
    ovs: Ovs
    dpdk: Dpdk | None
    bridges: list[Bridge]
    containers: list[Container]
    switches: list[Switch]
    files: list[ExtraFile]
    units: list[ExtraUnit]
    expect: list[Expect]

    @property
    def runtime(self) -> Literal["podman", "docker"]:
        """The container runtime: as given, else podman on fcos and docker on flatcar."""
        if self.target.runtime:
            return self.target.runtime
        return "podman" if self.target.os == "fcos" else "docker"

    def expected_address(self, expect: Expect) -> str | None:
        """The IP address expectation expect reaches (None: a container without one)."""
        if expect.names_container:
            found = [c.fixed_address for c in self.containers if c.name == expect.host]
            return found[0] if found else None
        return expect.host

    def switch_of(self, bridge: Bridge) -> str | None:
        """The OVS instance of bridge: a name of switches:, or None for the main one."""
        return None if bridge.switch in (None, MAIN_SWITCH) else bridge.switch

    def datapath(self, bridge: Bridge) -> Literal["system", "netdev"]:
        """The bridge's datapath: as given, else netdev with dpdk and system without."""
        if bridge.datapath:
            return bridge.datapath
        return "netdev" if self.dpdk else "system"
