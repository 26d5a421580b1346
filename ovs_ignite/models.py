"""Pydantic models of the switch spec, format 1 (SPEC.md). Strict: unknown keys fail.

They define the spec: each value is one checked type of ``valuetypes.py``, cross-references
live in ``checks.py``. Ports are a union discriminated by ``type``: each type takes its own
keys, and the JSON Schema says which. Every field has a description, which ``ovs-ignite
schema`` shows. A document is validated against their schema, prebuilt (``specschema.py``),
into the records of ``records.py``, which the rest of the package reads.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
)

from .records import VALUE_TAGS as VALUE_TAGS
from .records import (
    address_kind,
    controller_kind,
    hugepages_kind,
    port_type,
    route_to_kind,
    trunk_kind,
    tunnel_key_kind,
    uplink_kind,
)
from .values import MAX_RXQ, tunnel_key_word
from .valuetypes import (
    AbsPath,
    AnyUnitName,
    Cidr,
    ContainerName,
    CpuList,
    DatapathId,
    Descriptors,
    Devargs,
    DropinName,
    EnvKey,
    ExpectTarget,
    FileMode,
    GeneveVni,
    HexMask,
    Hostname,
    IfName,
    ImageRef,
    IpAddress,
    LocalPath,
    MacAddress,
    MirrorOutput,
    Mtu,
    NetworkCidr,
    OfPort,
    OtherConfigKey,
    PciAddress,
    RxqAffinity,
    SocketMem,
    SshKey,
    SwitchName,
    SystemId,
    Text,
    TextBlock,
    UnitName,
    UserName,
    VlanId,
    VlanRange,
    Volume,
    VswitchdBinary,
    VxlanVni,
    names_schema,
)


def _describe(text: str, **extra: Any) -> Any:
    """A field's description (and extra JSON Schema keywords its checks enforce)."""
    return Field(description=text, json_schema_extra=extra or None)


def _keys_field(text: str) -> Any:
    """A map of OVSDB keys (other_config, external_ids) to strings, empty by default."""
    return Field(
        default={},
        description=text,
        json_schema_extra={"propertyNames": names_schema(OtherConfigKey)},
    )


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Target(Model):
    os: Literal["fcos", "flatcar"] = Field(
        default="fcos", description="The host OS: Fedora CoreOS or Flatcar."
    )
    ignition: Literal["3.3.0", "3.4.0", "3.5.0", "3.6.0"] = Field(
        default="3.4.0",
        description="The Ignition spec version (Flatcar: 3.3.0 or 3.4.0; 3.6.0 takes files' "
        "setuid, setgid and sticky bits).",
    )
    runtime: Literal["podman", "docker"] | None = Field(
        default=None,
        description="The container runtime; default podman on fcos, docker on flatcar.",
    )


class User(Model):
    name: UserName = _describe("The user's login name (an existing one, such as core, or new).")
    ssh_authorized_keys: list[SshKey] = Field(
        default=[], description="SSH public keys, one line each (TYPE BASE64 [COMMENT])."
    )


class HostSettings(Model):
    """The spec's ``host:`` section: the host's name and users."""

    hostname: Hostname | None = Field(
        default=None, description="The host name, written to /etc/hostname."
    )
    users: list[User] = Field(default=[], description="Users and their SSH keys.")


class Ssl(Model):
    """The Open_vSwitch record's SSL settings: files of the spec's files: (PEM), which both
    OVS containers read."""

    private_key: AbsPath = _describe("The private key, a path of files: (mode 0600).")
    certificate: AbsPath = _describe("The certificate of the private key, a path of files:.")
    ca_cert: AbsPath = _describe("The CA certificate that peers' certificates are checked against.")


class Ovs(Model):
    image: ImageRef = _describe("The OVS image both OVS containers run (OCI reference).")
    privileged: bool = Field(
        default=False,
        description="Run the OVS containers --privileged, instead of only the capabilities "
        "and devices OVS needs.",
    )
    system_id: SystemId | None = Field(
        default=None,
        description="external_ids:system-id of the Open_vSwitch record.",
    )
    other_config: dict[OtherConfigKey, Text] = _keys_field(
        "other_config keys of the Open_vSwitch record."
    )
    external_ids: dict[OtherConfigKey, Text] = _keys_field(
        "(addition) external_ids keys of the Open_vSwitch record, such as OVN's ovn-remote, "
        "ovn-encap-type, ovn-encap-ip, ovn-bridge-mappings and hostname, for an "
        "ovn-controller container of yours (system-id is system_id's); set at every boot."
    )
    managers: list[Text] | None = Field(
        default=None,
        description="(addition) OVSDB remotes of the database (Open_vSwitch manager_options): "
        "punix:/PATH, ptcp:PORT:IP, pssl:PORT[:IP], tcp:IP:PORT or ssl:IP:PORT; a ptcp: on "
        "every address needs allow_insecure_manager, ssl ones need ssl.",
        json_schema_extra={"uniqueItems": True},
    )
    allow_insecure_manager: bool = Field(
        default=False,
        description="(addition) Let a ptcp: manager listen on every address: anyone who "
        "reaches the host can then change its switch, unauthenticated.",
    )
    ssl: Ssl | None = Field(
        default=None,
        description="(addition) The SSL table: the key, certificate and CA certificate of "
        "ssl: and pssl: managers and controllers.",
    )
    # Extensions to SPEC.md (documented in docs/):
    schema_path: AbsPath = Field(
        default="/usr/share/openvswitch/vswitch.ovsschema",
        alias="schema",
        description="The OVS database schema in the image, to create and convert conf.db.",
    )
    vswitchd: VswitchdBinary = Field(
        default="ovs-vswitchd",
        description="The ovs-vswitchd binary in the image (an absolute path for a DPDK build).",
    )
    init: bool = Field(
        default=True,
        description="Run the OVS daemons under the runtime's init, so that they stop cleanly "
        "on SIGTERM.",
    )
    auto_update: Literal["registry", "local"] | None = Field(
        default=None,
        description="(addition) podman auto-update policy of the OVS and container units: "
        "registry (pull a newer image under the same name) or local (use a newer local "
        "image); enables podman-auto-update.timer. podman only.",
    )


class Hugepages(Model):
    size: Literal["2M", "1G"] = _describe("The hugepage size.")
    count: int = Field(ge=1, le=1_000_000, description="How many hugepages to reserve at boot.")


class DpdkDevice(Model):
    pci: PciAddress = _describe("The PCI address of a NIC for DPDK.")
    driver: Literal["vfio-pci", "kernel"] = Field(
        default="vfio-pci",
        description="(addition) vfio-pci: bound to vfio-pci at boot, before ovs-vswitchd "
        "starts; kernel: left with its kernel driver, for NICs whose DPDK driver works "
        "beside it (bifurcated: Mellanox mlx4 and mlx5, which the binding refuses to take; "
        "their DPDK driver also needs /dev/infiniband in ovs-vswitchd's container, which "
        "ovs.privileged gives).",
    )


class PmdAutoLb(Model):
    """PMD auto load balancing: on when given, with OVS's thresholds unless set here."""

    load_threshold: int | None = Field(
        default=None,
        ge=0,
        le=100,
        description="other_config:pmd-auto-lb-load-threshold, a PMD's busy % that counts "
        "as overloaded; default: OVS's (95).",
    )
    improvement_threshold: int | None = Field(
        default=None,
        ge=0,
        le=100,
        description="other_config:pmd-auto-lb-improvement-threshold, the % of variance a "
        "rebalance must win; default: OVS's (25).",
    )
    rebal_interval: int | None = Field(
        default=None,
        ge=0,
        le=20_000,
        description="other_config:pmd-auto-lb-rebal-interval, minutes between rebalances; "
        "default: OVS's (1).",
    )


class Dpdk(Model):
    hugepages: Annotated[
        Annotated[Hugepages, Tag("one-size")]
        | Annotated[list[Hugepages], Field(min_length=1, max_length=2), Tag("page-sizes")],
        Discriminator(hugepages_kind),
    ] = Field(
        description="Hugepages reserved on the kernel command line: one size, or (an "
        "addition) a list of sizes, each once, the first the default size (the one "
        "/dev/hugepages, and so OVS, uses)."
    )
    iommu: Literal["intel", "amd", "none"] = Field(
        default="intel", description="The IOMMU to turn on (intel_iommu=on or amd_iommu=on)."
    )
    isolcpus: CpuList | None = Field(
        default=None, description="CPUs taken from the scheduler (kernel isolcpus=)."
    )
    socket_mem: SocketMem | None = Field(
        default=None, description="other_config:dpdk-socket-mem, MB per NUMA socket."
    )
    socket_limit: SocketMem | None = Field(
        default=None,
        description="(addition) other_config:dpdk-socket-limit, the most MB per NUMA socket "
        "(0: no limit); each at least the socket's socket_mem.",
    )
    lcore_mask: HexMask | None = Field(
        default=None, description="other_config:dpdk-lcore-mask, a hexadecimal CPU mask."
    )
    pmd_cpu_mask: HexMask | None = Field(
        default=None, description="other_config:pmd-cpu-mask, a hexadecimal CPU mask."
    )
    pmd_auto_lb: PmdAutoLb | None = Field(
        default=None,
        description="(addition) other_config:pmd-auto-lb=true and its thresholds "
        "({} for OVS's); default: off.",
    )
    emc_insert_inv_prob: int | None = Field(
        default=None,
        ge=0,
        le=4_294_967_295,
        description="(addition) other_config:emc-insert-inv-prob: one in N new flows goes "
        "into the exact match cache (0: none); default: OVS's (100).",
    )
    smc_enable: bool | None = Field(
        default=None,
        description="(addition) other_config:smc-enable, the signature match cache; "
        "default: OVS's (off).",
    )
    vhost_postcopy: bool | None = Field(
        default=None,
        description="(addition) other_config:vhost-postcopy-support, post-copy live "
        "migration of vhost-user ports; default: OVS's (off).",
    )
    userspace_tso: bool | None = Field(
        default=None,
        description="(addition) other_config:userspace-tso-enable, TCP segmentation offload "
        "in the userspace datapath; default: OVS's (off).",
    )
    hw_offload: bool | None = Field(
        default=None,
        description="(addition) other_config:hw-offload, flow offload to the NICs; "
        "default: OVS's (off).",
    )
    max_idle: int | None = Field(
        default=None,
        ge=500,
        le=3_600_000,
        description="(addition) other_config:max-idle, ms an idle datapath flow stays; "
        "default: OVS's (10,000).",
    )
    extra: Text | None = Field(default=None, description="other_config:dpdk-extra.")
    devices: list[DpdkDevice] = Field(
        default=[], description="NICs for DPDK: bound to vfio-pci unless their driver says."
    )


# -- ports: one model per type ------------------------------------------------------------------


VlanMode = Literal["access", "trunk", "native-tagged", "native-untagged"]
TrunkVlans = Annotated[
    Annotated[VlanId, Tag("a-vlan")] | Annotated[VlanRange, Tag("a-range")],
    Discriminator(trunk_kind),
]


_POLICING_RATE = (
    "The most kbit/s its interface takes in (Interface ingress_policing_rate): OVS drops "
    "what comes in faster; default: no limit."
)
_POLICING_BURST = (
    "The kbit its interface may take in at once beyond the rate (Interface "
    "ingress_policing_burst), with ingress_policing_rate; default: OVS's (8000)."
)


def _policing_rate(what: str = "") -> Any:
    return Field(default=None, ge=1, le=1_000_000_000, description=_POLICING_RATE + what)


def _policing_burst() -> Any:
    return Field(default=None, ge=1, le=1_000_000_000, description=_POLICING_BURST)


# (OVS gives a linux-htb class its rate in bytes/s as 32 bits: at most 34 Gbit/s)
_MAX_RATE = 34_000_000_000


def _rate(description: str) -> Any:
    return Field(default=None, ge=1, le=_MAX_RATE, description=description)


class Queue(Model):
    """(addition) A queue of a linux-htb QoS: a class of what the port sends. Queue 0 takes
    what OpenFlow puts in no other (set_queue): with the NORMAL action, everything."""

    id: int = Field(ge=0, le=61439, description="The queue's number (0-61439).")
    min_rate: int | None = _rate(
        "The bit/s the queue is guaranteed (other_config:min-rate); default: OVS's (its MTU)."
    )
    max_rate: int | None = _rate(
        "The most bit/s the queue sends (other_config:max-rate), at most the QoS's max_rate; "
        "default: the QoS's max_rate."
    )
    burst: int | None = Field(
        default=None,
        ge=1,
        le=100_000_000,
        description="The bits the queue may send at once beyond its rate (other_config:burst); "
        "default: OVS's.",
    )
    priority: int | None = Field(
        default=None,
        ge=0,
        le=7,
        description="Of the queues with spare bandwidth to share, a lower number is served "
        "first (other_config:priority, 0-7); default: 0.",
    )


class Qos(Model):
    """(addition) Egress shaping: the port's QoS record, a linux-htb qdisc with its queues,
    made anew at every boot (a container's: at every attach), the record it replaces
    removed. Bridges of the kernel datapath (system) only: on a userspace one, a shaped
    port holds back every other port of the datapath."""

    type: Literal["linux-htb"] = Field(
        default="linux-htb",
        description="The kind of QoS: linux-htb (the kernel's hierarchical token bucket), "
        "the one offered.",
    )
    max_rate: int = Field(
        ge=1,
        le=_MAX_RATE,
        description="The most bit/s the port sends, all queues together (other_config:max-rate).",
    )
    queues: list[Queue] = Field(
        default=[],
        description="Its queues, each id once, their min_rate adding up to at most max_rate; "
        "default: queue 0 alone, with OVS's settings.",
        max_length=64,
    )


class PortBase(Model):
    name: IfName = _describe("The port's name: a host interface (system) or a new one.")
    vlan: VlanId | None = Field(default=None, description="Access VLAN (the port's tag).")
    trunks: list[TrunkVlans] | None = Field(
        default=None,
        description="VLANs a trunk port carries, each a VLAN or a range (20-29); with vlan "
        "only in a native vlan_mode.",
        json_schema_extra={"minItems": 1, "uniqueItems": True},
    )
    vlan_mode: VlanMode | None = Field(
        default=None,
        description="How the port carries VLANs (Port vlan_mode): access (vlan only, "
        "untagged), trunk (trunks only, tagged; no trunks: every VLAN), native-tagged or "
        "native-untagged (vlan is the native VLAN, sent tagged or untagged, beside trunks; "
        "no trunks: every VLAN); default: access with vlan, trunk without.",
    )
    mtu: Mtu | None = Field(
        default=None,
        description="The MTU of the port's interface, or of each member of a bond "
        "(Interface mtu_request); not for patch and tunnel ports; default: OVS's.",
    )
    ingress_policing_rate: int | None = _policing_rate(
        " A bond's members each; not for patch and tunnel ports."
    )
    ingress_policing_burst: int | None = _policing_burst()
    qos: Qos | None = Field(
        default=None,
        description="(addition) Egress shaping of what the bridge sends out on the port (Port "
        "qos); not for patch, tunnel and dpdk ports.",
    )
    other_config: dict[OtherConfigKey, Text] = _keys_field(
        "other_config keys of the Port record (for example priority-tags). "
        "The spec owns them: keys set by other means are removed at the next boot."
    )
    external_ids: dict[OtherConfigKey, Text] = _keys_field(
        "external_ids keys of the Port record. The spec owns them: keys set "
        "by other means are removed at the next boot."
    )


class OnePort(PortBase):
    """A port that is one interface, which can ask for its OpenFlow port number."""

    ofport: OfPort | None = Field(
        default=None,
        description="(addition) Its OpenFlow port number (Interface ofport_request), "
        "1-65279, unique on the bridge; default: OVS picks one.",
    )


class SystemPort(OnePort):
    type: Literal["system"] = Field(default="system", description="A host interface.")


class InternalPort(OnePort):
    type: Literal["internal"] = _describe("An OVS internal interface.")


_PCI = "Its NIC, listed in dpdk.devices."
_DEVARGS = "(addition) DPDK devargs of a vdev, instead of a NIC."
_N_RXQ = "(addition) options:n_rxq, its receive queues; default: OVS's (1)."
_RXQ_DESC = (
    "(addition) options:n_rxq_desc, descriptors a receive queue has, a power of 2; "
    "default: OVS's (2,048)."
)
_TXQ_DESC = (
    "(addition) options:n_txq_desc, descriptors a transmit queue has, a power of 2; "
    "default: OVS's (2,048)."
)
_AFFINITY = (
    "(addition) Interface other_config:pmd-rxq-affinity, QUEUE:CPU pairs (0:2,1:3) pinning "
    "receive queues to PMD cores of pmd_cpu_mask; default: OVS assigns them."
)


class DpdkPort(OnePort):
    type: Literal["dpdk"] = _describe("A DPDK port (needs dpdk:; give pci or devargs).")
    pci: PciAddress | None = Field(default=None, description=_PCI)
    devargs: Devargs | None = Field(default=None, description=_DEVARGS)
    n_rxq: int | None = Field(default=None, ge=1, le=MAX_RXQ, description=_N_RXQ)
    n_rxq_desc: Descriptors | None = Field(default=None, description=_RXQ_DESC)
    n_txq_desc: Descriptors | None = Field(default=None, description=_TXQ_DESC)
    pmd_rxq_affinity: RxqAffinity | None = Field(default=None, description=_AFFINITY)


_REMOTE_IP = "The tunnel's remote endpoint."
_VNI_KEY = (
    "options:key, the VNI (0-16777215) both ways, or flow (OpenFlow's tunnel ID sets and "
    "matches it); not with in_key or out_key."
)
_VNI_IN_KEY = (
    "options:in_key, the VNI (0-16777215) received packets must carry, or flow (any; "
    "OpenFlow matches the tunnel ID)."
)
_VNI_OUT_KEY = (
    "options:out_key, the VNI (0-16777215) sent packets carry, or flow (OpenFlow's "
    "set_tunnel chooses)."
)


# A tunnel key: flow, or a number of its kind (discriminated by shape, so that a bad number
# gets the number's error only).
_FlowKey = Annotated[Literal["flow"], Tag("by-flow")]
VxlanKey = Annotated[
    _FlowKey | Annotated[VxlanVni, BeforeValidator(tunnel_key_word), Tag("a-key")],
    Discriminator(tunnel_key_kind),
]
GeneveKey = Annotated[
    _FlowKey | Annotated[GeneveVni, BeforeValidator(tunnel_key_word), Tag("a-key")],
    Discriminator(tunnel_key_kind),
]
GreKey = Annotated[
    _FlowKey
    | Annotated[int, Field(ge=0, le=0xFFFFFFFF), BeforeValidator(tunnel_key_word), Tag("a-key")],
    Discriminator(tunnel_key_kind),
]


class TunnelBase(OnePort):
    """A tunnel port: the options every tunnel type takes (Interface options; each one the
    spec does not give is cleared at every boot)."""

    local_ip: IpAddress | None = Field(
        default=None,
        description="options:local_ip, the tunnel's local endpoint (of remote_ip's family); "
        "default: the route to remote_ip decides.",
    )
    tos: int | None = Field(
        default=None, ge=0, le=255, description="options:tos, the outer packets' ToS byte."
    )
    ttl: int | None = Field(
        default=None, ge=1, le=255, description="options:ttl, the outer packets' TTL."
    )
    df_default: bool | None = Field(
        default=None, description="options:df_default, the outer packets' don't-fragment bit."
    )
    csum: bool | None = Field(
        default=None, description="options:csum, checksums on the outer packets."
    )


_DST_PORT = "options:dst_port, the UDP port of the remote endpoint; default the type's own."


class VxlanPort(TunnelBase):
    type: Literal["vxlan"] = _describe("A VXLAN tunnel.")
    remote_ip: IpAddress = _describe(_REMOTE_IP)
    key: VxlanKey | None = Field(default=None, description=_VNI_KEY)
    in_key: VxlanKey | None = Field(default=None, description=_VNI_IN_KEY)
    out_key: VxlanKey | None = Field(default=None, description=_VNI_OUT_KEY)
    dst_port: int | None = Field(default=None, ge=1, le=65535, description=_DST_PORT)


class GenevePort(TunnelBase):
    type: Literal["geneve"] = _describe("A Geneve tunnel.")
    remote_ip: IpAddress = _describe(_REMOTE_IP)
    key: GeneveKey | None = Field(default=None, description=_VNI_KEY)
    in_key: GeneveKey | None = Field(default=None, description=_VNI_IN_KEY)
    out_key: GeneveKey | None = Field(default=None, description=_VNI_OUT_KEY)
    dst_port: int | None = Field(default=None, ge=1, le=65535, description=_DST_PORT)


class GrePort(TunnelBase):
    type: Literal["gre"] = _describe("A GRE tunnel.")
    remote_ip: IpAddress = _describe(_REMOTE_IP)
    key: GreKey | None = Field(
        default=None,
        description="options:key, the GRE key (0-4294967295) both ways, or flow; not with "
        "in_key or out_key.",
    )
    in_key: GreKey | None = Field(
        default=None, description="options:in_key, the GRE key received packets carry, or flow."
    )
    out_key: GreKey | None = Field(
        default=None, description="options:out_key, the GRE key sent packets carry, or flow."
    )


class PatchPort(OnePort):
    type: Literal["patch"] = _describe("One end of a patch port pair between two bridges.")
    peer: IfName = _describe("The patch port at the other end (on another bridge).")


class LinkPort(OnePort):
    type: Literal["link"] = _describe(
        "(addition) One end of a veth pair to a bridge of another OVS instance (switches:)."
    )
    peer_switch: SwitchName = _describe(
        "The instance of the other end: a name of switches:, or ovs (the main one)."
    )
    peer: IfName = _describe("The link port at the other end (on a bridge of peer_switch).")


class DpdkMember(Model):
    """A DPDK device as a member of a bond: an interface of type dpdk."""

    name: IfName = _describe("The member's name (its Interface record).")
    pci: PciAddress | None = Field(default=None, description=_PCI)
    devargs: Devargs | None = Field(default=None, description=_DEVARGS)
    n_rxq: int | None = Field(default=None, ge=1, le=MAX_RXQ, description=_N_RXQ)
    n_rxq_desc: Descriptors | None = Field(default=None, description=_RXQ_DESC)
    n_txq_desc: Descriptors | None = Field(default=None, description=_TXQ_DESC)
    pmd_rxq_affinity: RxqAffinity | None = Field(default=None, description=_AFFINITY)


class BondPort(PortBase):
    # (two or more host interfaces, or two or more DPDK members; never both)
    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["interfaces"], "properties": {"interfaces": {"minItems": 2}}},
                {"required": ["members"], "properties": {"members": {"minItems": 2}}},
            ],
            "not": {"required": ["interfaces", "members"]},
        }
    )
    type: Literal["bond"] = _describe("A bond of host interfaces or of DPDK devices.")
    interfaces: list[IfName] = Field(
        default=[],
        description="The bond's member interfaces (two or more), host interfaces; or none "
        "with members.",
        json_schema_extra={"uniqueItems": True},
    )
    members: list[DpdkMember] = Field(
        default=[],
        description="(addition) The bond's DPDK members instead (two or more; needs dpdk: "
        "and a netdev bridge): each a DPDK device as a dpdk port is, with a name.",
        max_length=64,
    )
    bond_mode: Literal["active-backup", "balance-slb", "balance-tcp"] | None = Field(
        default=None, description="The bond mode; default active-backup."
    )
    lacp: Literal["off", "active", "passive"] | None = Field(
        default=None, description="LACP; default off (balance-tcp needs active or passive)."
    )
    updelay: int | None = Field(
        default=None,
        ge=0,
        le=3600000,
        description="Milliseconds a member's carrier must be up before it is used "
        "(bond_updelay); default 0.",
    )
    downdelay: int | None = Field(
        default=None,
        ge=0,
        le=3600000,
        description="Milliseconds a member's carrier must be down before it is left "
        "(bond_downdelay); default 0.",
    )
    lacp_time: Literal["fast", "slow"] | None = Field(
        default=None,
        description="LACP's rate (other_config lacp-time): fast, every second, or slow, "
        "every 30 s; needs lacp; default slow.",
    )
    lacp_fallback_ab: bool | None = Field(
        default=None,
        description="Fall back to active-backup when the partner does not speak LACP "
        "(other_config lacp-fallback-ab); needs lacp; default false.",
    )
    bond_rebalance_interval: int | None = Field(
        default=None,
        ge=0,
        le=10000000,
        description="Milliseconds between rebalancings of a balance-slb or balance-tcp bond "
        "(other_config bond-rebalance-interval; 0: never); default 10000.",
    )


TunnelPort = VxlanPort | GenevePort | GrePort
AnyPort = SystemPort | InternalPort | DpdkPort | TunnelPort | PatchPort | LinkPort | BondPort


Port = Annotated[
    Annotated[SystemPort, Tag("system")]
    | Annotated[InternalPort, Tag("internal")]
    | Annotated[DpdkPort, Tag("dpdk")]
    | Annotated[VxlanPort, Tag("vxlan")]
    | Annotated[GenevePort, Tag("geneve")]
    | Annotated[GrePort, Tag("gre")]
    | Annotated[PatchPort, Tag("patch")]
    | Annotated[LinkPort, Tag("link")]
    | Annotated[BondPort, Tag("bond")],
    Discriminator(port_type),
]
PORT_MODELS: dict[str, type[PortBase]] = {
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
PORT_TYPES = tuple(PORT_MODELS)  # in the order error messages list them

# -- bridges and containers ---------------------------------------------------------------------

OpenFlow = Literal[
    "OpenFlow10", "OpenFlow11", "OpenFlow12", "OpenFlow13", "OpenFlow14", "OpenFlow15"
]


class UplinkMac(Model):
    mac: MacAddress = _describe("The MAC address of the uplink NIC.")


# (Discriminated by shape, so that a bad value gets one error, the CIDR's, not one per choice.)
RouteTo = Annotated[
    Annotated[Literal["default"], Tag("to-default")] | Annotated[NetworkCidr, Tag("a-cidr")],
    Discriminator(route_to_kind),
]
# The address of a bridge or of a container's interface: dhcp, a list of CIDRs, or one.
Addresses = Annotated[
    Annotated[Literal["dhcp"], Tag("by-dhcp")]
    | Annotated[
        list[Cidr],
        Tag("cidr-list"),
        Field(min_length=1, max_length=32, json_schema_extra={"uniqueItems": True}),
    ]
    | Annotated[Cidr, Tag("a-cidr")],
    Discriminator(address_kind),
]


Uplink = Annotated[
    Annotated[IfName, Tag("by-name")] | Annotated[UplinkMac, Tag("by-mac")],
    Discriminator(uplink_kind),
]


class Route(Model):
    to: RouteTo = _describe("The destination: a CIDR, or default.")
    via: IpAddress = _describe("The gateway, on the network of one of the bridge's addresses.")


class Controller(Model):
    """A controller with settings of its Controller record (those not given are cleared)."""

    target: Text = _describe("The controller's target (tcp:IP:PORT, ssl:IP:PORT, unix:PATH, ...).")
    connection_mode: Literal["in-band", "out-of-band"] | None = Field(
        default=None,
        description="in-band (OVS sets up flows that keep the controller reachable through "
        "the bridge) or out-of-band (the controller is reached another way); default in-band.",
    )
    inactivity_probe: int | None = Field(
        default=None,
        ge=0,
        le=3_600_000,
        description="Milliseconds without a message before OVS probes the controller, and "
        "drops the connection if it still does not answer; 0: never; default 5000.",
    )


# (Discriminated by shape, so that a bad target gets one error, not one per choice.)
ControllerEntry = Annotated[
    Annotated[Text, Tag("a-target")] | Annotated[Controller, Tag("a-controller")],
    Discriminator(controller_kind),
]


class Mirror(Model):
    """(addition) A port mirror (SPAN): copies of the packets it selects on its bridge go out
    on its output, a port (which then only sends copies) or a VLAN."""

    name: IfName = _describe(
        "The mirror's name (1-15 of A-Z a-z 0-9 _ . -), unique in its OVS instance."
    )
    select_all: bool = Field(
        default=False, description="Every packet the bridge receives or sends."
    )
    select_src_ports: list[IfName] | None = Field(
        default=None,
        description="The packets these ports of the bridge receive.",
        json_schema_extra={"minItems": 1, "uniqueItems": True},
    )
    select_dst_ports: list[IfName] | None = Field(
        default=None,
        description="The packets the bridge sends out on these ports.",
        json_schema_extra={"minItems": 1, "uniqueItems": True},
    )
    select_vlans: list[VlanId] | None = Field(
        default=None,
        description="Of what select_all or the ports select, only the packets in these VLANs.",
        json_schema_extra={"minItems": 1, "uniqueItems": True},
    )
    output_port: MirrorOutput | None = Field(
        default=None,
        description="Where the copies go: a port of the bridge, or a container's interface "
        "on it as CONTAINER/IFNAME (set at each attach); not with output_vlan.",
    )
    output_vlan: VlanId | None = Field(
        default=None,
        description="Where the copies go: this VLAN (flooded on it; a VLAN for nothing else).",
    )


class Bridge(Model):
    name: IfName = _describe("The bridge's name (also its internal interface on the host).")
    switch: SwitchName | None = Field(
        default=None,
        description="(addition) The OVS instance the bridge is in: a name of switches:; "
        "default (or ovs) the main one.",
    )
    datapath: Literal["system", "netdev"] | None = Field(
        default=None,
        description="The datapath: system (kernel) or netdev (userspace, DPDK); default "
        "netdev with dpdk: and system without.",
    )
    fail_mode: Literal["standalone", "secure"] = Field(
        default="standalone", description="What the bridge does without a controller."
    )
    protocols: list[OpenFlow] | None = Field(
        default=None,
        description="OpenFlow versions the bridge speaks.",
        json_schema_extra={"uniqueItems": True},
    )
    controllers: list[ControllerEntry] | None = Field(
        default=None,
        description="OpenFlow controllers: each a target (tcp:IP:PORT, ssl:..., unix:...), "
        "or {target, connection_mode, inactivity_probe}.",
    )
    address: Addresses | None = Field(
        default=None,
        description="The address of the bridge's interface on the host: a CIDR, a list of "
        "CIDRs (IPv4 and IPv6), or dhcp (with an uplink: the DHCP server on the uplink's "
        "network gives it).",
    )
    uplink: Uplink | None = Field(
        default=None,
        description="The host's NIC that carries its own address (its kernel name, or "
        "{mac: ...}): at every boot it becomes a port of this bridge, which takes the NIC's "
        "MAC, address, default route and DNS; rolled back when the bridge does not reach "
        "its gateway in time. Main instance, system datapath, with an address.",
    )
    routes: list[Route] | None = Field(
        default=None, description="Routes through the bridge, with static addresses and an uplink."
    )
    dns: list[IpAddress] | None = Field(
        default=None,
        description="DNS servers of the bridge, with static addresses and an uplink.",
        max_length=8,
        json_schema_extra={"uniqueItems": True},
    )
    uplink_timeout: int | None = Field(
        default=None,
        description="Seconds the uplink's bridge has to get its address and reach its "
        "gateway before the NIC goes back to the OS's network manager; default 60.",
        ge=5,
        le=600,
    )
    mtu: Mtu | None = Field(
        default=None, description="The MTU of the bridge's interface (and default of its ports)."
    )
    datapath_id: DatapathId | None = Field(
        default=None,
        description="(addition) The OpenFlow datapath ID, 16 hex digits "
        "(other_config:datapath-id); default: OVS derives one from a MAC address.",
    )
    other_config: dict[OtherConfigKey, Text] = _keys_field(
        "(addition) other_config keys of the Bridge record, set after "
        "ovs-ignite's own (datapath-id is datapath_id's)."
    )
    external_ids: dict[OtherConfigKey, Text] = _keys_field(
        "(addition) external_ids keys of the Bridge record (ovs-ignite-* keys are ovs-ignite's)."
    )
    stp: bool = Field(
        default=False,
        description="Spanning tree, 802.1D (Bridge stp_enable; its settings through "
        "other_config stp-*); not with rstp.",
    )
    rstp: bool = Field(
        default=False,
        description="Rapid spanning tree, 802.1w (Bridge rstp_enable; its settings through "
        "other_config rstp-*); not with stp.",
    )
    mcast_snooping: bool = Field(
        default=False,
        description="IGMP and MLD snooping (Bridge mcast_snooping_enable): multicast goes "
        "only to the ports that joined its group.",
    )
    ports: list[Port] = Field(default=[], description="The bridge's ports, by type.")
    mirrors: list[Mirror] = Field(
        default=[], description="(addition) Port mirrors (SPAN) of the bridge's traffic."
    )


class Interface(Model):
    bridge: IfName = _describe("The bridge the interface is attached to.")
    type: Literal["veth", "vhost-user"] = Field(
        default="veth",
        description="(addition) veth: a veth pair, one end in the container, attached at "
        "every start. vhost-user: a DPDK vhost-user socket in the container (/run/vhost/"
        "NAME.sock, with /dev/hugepages mounted) for a DPDK application's virtio-user port, "
        "which ovs-vswitchd connects to as a dpdkvhostuserclient port made with its bridge "
        "(a netdev bridge; needs dpdk:, an image: container); OVS reconnects whenever the "
        "application opens the socket again.",
    )
    name: IfName | None = Field(
        default=None, description="Its name inside the container; default eth1, eth2, ..."
    )
    address: Addresses | None = Field(
        default=None,
        description="Its address: a CIDR, a list of CIDRs (IPv4 and IPv6), or dhcp (a DHCP "
        "client of the OVS image runs for it in the container's network namespace, from the "
        "host, while the container runs; IPv4; the lease gives the default route).",
    )
    gateway: IpAddress | None = Field(
        default=None, description="A default route via this interface."
    )
    routes: list[Route] | None = Field(
        default=None,
        description="Routes inside the container through this interface (a CIDR or default, "
        "via a gateway on one of its networks).",
        max_length=64,
    )
    mac: MacAddress | None = Field(
        default=None, description="Its MAC; default a stable one made from the names."
    )
    mtu: Mtu | None = Field(default=None, description="Its MTU; default the bridge's.")
    ingress_policing_rate: int | None = _policing_rate(" What the container sends.")
    ingress_policing_burst: int | None = _policing_burst()
    qos: Qos | None = Field(
        default=None,
        description="(addition) Egress shaping of what the container receives on it (its "
        "Port's qos), set at every attach; bridges of the main OVS instance only.",
    )
    vlan: VlanId | None = Field(
        default=None,
        description="Its port's VLAN: the access VLAN, or the native one in a native vlan_mode.",
    )
    trunks: list[TrunkVlans] | None = Field(
        default=None,
        description="VLANs its port carries tagged, each a VLAN or a range (20-29): the "
        "container's VLAN interfaces are its own; with vlan only in a native vlan_mode.",
        json_schema_extra={"minItems": 1, "uniqueItems": True},
    )
    vlan_mode: VlanMode | None = Field(
        default=None,
        description="How its port carries VLANs (Port vlan_mode), as for a bridge's ports.",
    )
    ofport: OfPort | None = Field(
        default=None,
        description="Its port's OpenFlow port number (Interface ofport_request), 1-65279, "
        "unique on the bridge; default: OVS picks one.",
    )
    external_ids: dict[OtherConfigKey, Text] = _keys_field(
        "external_ids keys of its port's Interface record (for example iface-id, which an "
        "OVN controller binds); set at every attach, exactly the spec's at each start of "
        "the container (container_id, container_iface and ovs-ignite-* are ovs-ignite's)."
    )


class Container(Model):
    name: ContainerName = _describe("The container's name (and its unit's: NAME.service).")
    image: ImageRef | None = Field(
        default=None, description="The image ovs-ignite runs in a unit of its own."
    )
    unit: UnitName | None = Field(
        default=None, description="Instead of image: the unit of yours that runs the container."
    )
    command: list[Text] = Field(default=[], description="The command and its arguments.")
    env: dict[EnvKey, Text] = Field(
        default={},
        description="Environment variables.",
        json_schema_extra={"propertyNames": names_schema(EnvKey)},
    )
    volumes: list[Volume] = Field(default=[], description="Volumes, host:container[:options].")
    interfaces: list[Interface] = Field(
        default=[], description="Interfaces on OVS bridges, attached at every start."
    )
    # (addition) run the container's command under --init, so that it stops on SIGTERM even
    # when it is PID 1 (a shell, busybox); only for image: containers
    init: bool = Field(
        default=True,
        description="(addition) Run the command under the runtime's init (image: only).",
    )


class Switch(Model):
    """An OVS instance besides the main one (switches:), in its own network namespace."""

    name: SwitchName = _describe(
        "The instance's name: 1-8 of a-z 0-9; its network namespace, and the suffix of its "
        "containers and units (ovs-vswitchd-NAME)."
    )
    image: ImageRef | None = Field(
        default=None, description="The OVS image of its containers; default ovs.image."
    )


# -- what the spec adds to the config (files:, units:) ------------------------------------------

_CONTENTS = "Its contents, inline (lines end in LF); or give local."
_LOCAL = "Instead of contents: a file relative to the spec's folder, inside it."


class Contents(Model):
    contents: TextBlock | None = Field(default=None, description=_CONTENTS)
    local: LocalPath | None = Field(default=None, description=_LOCAL)


class ExtraFile(Contents):
    """A file of yours that the config writes (files:)."""

    path: AbsPath = _describe("Where the file goes on the host (an absolute path).")
    mode: FileMode = Field(default=0o644, description="Its mode, a quoted octal string: '0644'.")


class ExtraDropin(Contents):
    name: DropinName = _describe("The drop-in's file name (NAME.conf).")


class ExtraUnit(Contents):
    """A systemd unit of yours (units:): its contents, drop-ins, or both."""

    name: AnyUnitName = _describe("The unit's name (NAME.service, NAME.timer, ...).")
    enabled: bool | None = Field(
        default=None, description="Enable it (true) or disable it (false); default neither."
    )
    dropins: list[ExtraDropin] = Field(default=[], description="Drop-ins of the unit.")


class Expect(Model):
    """(addition) What the data plane must show, which verify checks from inside a
    container's network namespace (expect:)."""

    source: ContainerName = Field(
        alias="from",
        description="The container it is checked from (one with a veth interface); the "
        "check runs in its network namespace, from the host, so its image needs no tools.",
    )
    to: ExpectTarget = _describe(
        "What it reaches: a container of the spec (its first fixed address) or an IP "
        "address, with :PORT for a TCP connection ([IPV6]:PORT), without one for pings."
    )
    reach: bool = Field(
        default=True,
        description="true: it answers (a ping, or a TCP connection accepted); false: it does "
        "not (isolation: no ping answer, or no TCP connection).",
    )
    mtu: Mtu | None = Field(
        default=None,
        description="The path carries packets of this size unfragmented (don't-fragment "
        "pings of MTU bytes answered); reach: true and no port only.",
    )


class Spec(Model):
    """A whole switch spec, format 1."""

    version: Literal[1] = _describe("The spec format: 1.")
    target: Target = Field(default=Target(), description="The host OS and config version.")
    host: HostSettings | None = Field(default=None, description="Host name and users.")
    ovs: Ovs = _describe("The OVS containers.")
    dpdk: Dpdk | None = Field(default=None, description="OVS-DPDK: hugepages, IOMMU, NICs.")
    bridges: list[Bridge] = Field(default=[], description="OVS bridges and their ports.")
    containers: list[Container] = Field(
        default=[], description="Application containers and their interfaces."
    )
    switches: list[Switch] = Field(
        default=[],
        description="(addition) More OVS instances besides ovs, each in its own network namespace.",
    )
    files: list[ExtraFile] = Field(
        default=[], description="(addition) Files of yours that the config writes."
    )
    units: list[ExtraUnit] = Field(
        default=[], description="(addition) systemd units and drop-ins of yours."
    )
    expect: list[Expect] = Field(
        default=[],
        description="(addition) Reachability, isolation and path MTU that verify checks on the "
        "data plane, from inside containers.",
        max_length=256,
    )
