"""Pydantic models of the switch spec, format 1 (SPEC.md). Strict: unknown keys fail.

Field validators check one value at a time; cross-references live in ``checks.py``.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)

# -- value checks -------------------------------------------------------------------------------

_IFNAME = re.compile(r"^[A-Za-z0-9_.-]{1,15}$")
_CONTAINER = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")
# An image reference as the OCI distribution grammar spells it: [domain[:port]/]path[:tag]
# [@digest]; no "..", no "//", no tag that starts with a dot.
_IMAGE_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_IMAGE = re.compile(
    r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
    r"(?::[0-9]{1,5})?/)?"
    rf"{_IMAGE_COMPONENT}(?:/{_IMAGE_COMPONENT})*"
    r"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
    r"(?:@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,})?$"
)
_UNIT = re.compile(r"^[A-Za-z0-9:_.\\-]+(@[A-Za-z0-9:_.\\-]*)?\.service$")
_PCI = re.compile(r"^([0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$")
_MAC = re.compile(r"^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$")
_HEXMASK = re.compile(r"^(0x)?[0-9a-fA-F]+$")
# ASCII digits only: \d would let Arabic-Indic digits through to the kernel command line.
_CPULIST = re.compile(r"^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$")
_SOCKET_MEM = re.compile(r"^[0-9]{1,7}(,[0-9]{1,7}){0,63}$")
MAX_CPU = 8191  # the kernel's NR_CPUS at most
_HOSTNAME_LABEL = re.compile(r"^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$")
_USER = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")
_ENV_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_OTHER_CONFIG_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SSH_KEY = re.compile(r"^(ssh-|ecdsa-|sk-)[A-Za-z0-9@.-]+ [A-Za-z0-9+/=]+( .*)?$")
_VOLUME_OPTION = re.compile(
    r"^(ro|rw|z|Z|U|O|rshared|shared|rslave|slave|rprivate|private|"
    r"bind|rbind|nosuid|suid|nodev|dev|noexec|exec|copy|nocopy)$"
)
_DEVARGS = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.,:=/-]{0,254}$")
_ABS_PATH = re.compile(r"^(/[A-Za-z0-9_.+-]+)+$")
# What no spec string may hold: C0 and C1 controls, every kind of line break (NEL, LS, PS
# among them: YAML 1.1 parsers, Butane's included, break lines there), bidi controls and
# lone surrogates. The YAML loader refuses them in every string; this is the same rule for
# specs built in Python.
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def text(value: str) -> str:
    """Any single-line text: no line break, control, bidi or surrogate character."""
    if UNSAFE_CHARACTERS.search(value):
        raise ValueError(f"{value!r} contains a line break or control character")
    return value


def if_name(value: str) -> str:
    if not _IFNAME.match(value):
        raise ValueError(f"{value!r} is not an interface name (1-15 of A-Z a-z 0-9 _ . -)")
    if value in (".", ".."):
        raise ValueError(f"{value!r} is not an interface name")
    return value


def container_name(value: str) -> str:
    if not _CONTAINER.match(value) or len(value) > 64:
        raise ValueError(
            f"{value!r} is not a container name ([a-zA-Z0-9][a-zA-Z0-9_.-]*, at most 64)"
        )
    return value


def image_ref(value: str) -> str:
    if not _IMAGE.match(value) or len(value) > 255:
        raise ValueError(f"{value!r} is not an image reference")
    return value


def unit_name(value: str) -> str:
    if not _UNIT.match(value) or len(value) > 255:
        raise ValueError(f"{value!r} is not a systemd service name (NAME.service)")
    return value


def pci_address(value: str) -> str:
    if not _PCI.match(value):
        raise ValueError(f"{value!r} is not a PCI address (DDDD:BB:DD.F)")
    value = value.lower()
    return value if value.count(":") == 2 else "0000:" + value


def mac_address(value: str) -> str:
    if not _MAC.match(value):
        raise ValueError(f"{value!r} is not a MAC address (xx:xx:xx:xx:xx:xx)")
    if int(value[:2], 16) & 1:
        raise ValueError(f"{value!r} is a multicast MAC address")
    if value.replace(":", "") in ("000000000000",):
        raise ValueError(f"{value!r} is not a usable MAC address")
    return value.lower()


def _no_zone(value: str) -> None:
    # An IPv6 zone id (fe80::1%eth0) names an interface of the host that writes it, and
    # nothing here needs one: a container's or bridge's address has its device, a default
    # route is written with `dev`, a tunnel's remote and a controller are not link-local.
    if "%" in value:
        raise ValueError(
            f"{value!r}: an IPv6 zone id (%...) is not allowed here; write the address alone"
        )


def cidr(value: str) -> str:
    _no_zone(value)
    try:
        iface = ipaddress.ip_interface(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an address in CIDR form (10.0.0.1/24)") from None
    if "/" not in value:
        raise ValueError(f"{value!r} has no prefix length (10.0.0.1/24)")
    if iface.ip.is_multicast or iface.ip.is_unspecified:
        raise ValueError(f"{value!r} is not a host address")
    return str(iface)


def ip_address(value: str) -> str:
    _no_zone(value)
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        raise ValueError(f"{value!r} is not an IP address") from None


def vlan_id(value: int) -> int:
    if not 1 <= value <= 4094:
        raise ValueError(f"{value} is not a VLAN id (1-4094)")
    return value


def mtu(value: int) -> int:
    if not 68 <= value <= 65535:
        raise ValueError(f"{value} is not an MTU (68-65535)")
    return value


def cpu_ranges(value: str) -> list[tuple[int, int]]:
    """The (first, last) ranges of a checked CPU list, merged and sorted: no set of every CPU
    is ever built (``0-400000000`` would be one of 400 million)."""
    ranges = []
    for part in value.split(","):
        first, _, last = part.partition("-")
        ranges.append((int(first), int(last or first)))
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def cpu_list(value: str) -> str:
    if not _CPULIST.match(value):
        raise ValueError(f"{value!r} is not a CPU list (e.g. 2-7 or 2,4,6-9)")
    for part in value.split(","):
        first, _, last = part.partition("-")
        # Compared as text first: int() of thousands of digits is slow (or refused).
        if any(len(n) > len(str(MAX_CPU)) or int(n) > MAX_CPU for n in (first, last) if n):
            raise ValueError(f"{value!r} names a CPU above {MAX_CPU}")
        if last and int(last) < int(first):
            raise ValueError(f"{value!r}: range {part} runs backwards")
    return value


def hex_mask(value: str) -> str:
    if len(value.removeprefix("0x")) > (MAX_CPU + 1) // 4:
        raise ValueError(f"a CPU mask of {len(value)} characters names a CPU above {MAX_CPU}")
    if not _HEXMASK.match(value) or int(value, 16) == 0:
        raise ValueError(f"{value!r} is not a non-zero hexadecimal CPU mask (e.g. 0xc)")
    return value if value.startswith("0x") else "0x" + value


def socket_mem(value: str) -> str:
    if not _SOCKET_MEM.match(value):
        raise ValueError(
            f"{value!r} is not a per-socket MB list (e.g. 1024,1024; at most 64 sockets)"
        )
    return value


def hostname(value: str) -> str:
    labels = value.split(".")
    if len(value) > 63 or not all(_HOSTNAME_LABEL.match(label) for label in labels):
        raise ValueError(f"{value!r} is not a host name (RFC 1123, at most 63 characters)")
    return value


def user_name(value: str) -> str:
    if not _USER.match(value):
        raise ValueError(f"{value!r} is not a user name ([a-z_][a-z0-9_-]*, at most 32)")
    return value


def ssh_key(value: str) -> str:
    text(value)
    if not _SSH_KEY.match(value):
        raise ValueError(f"{value[:40]!r} is not an SSH public key line (TYPE BASE64 [COMMENT])")
    return value


def env_key(value: str) -> str:
    if not _ENV_KEY.match(value):
        raise ValueError(f"{value!r} is not an environment variable name")
    return value


def other_config_key(value: str) -> str:
    if not _OTHER_CONFIG_KEY.match(value) or len(value) > 128:
        raise ValueError(f"{value!r} is not an other_config key")
    return value


def volume(value: str) -> str:
    text(value)
    parts = value.split(":")
    if len(parts) not in (2, 3):
        raise ValueError(f"{value!r} is not a volume (host:container[:options])")
    host, inside = parts[0], parts[1]
    for what, path in (("host", host), ("container", inside)):
        if not path.startswith("/"):
            raise ValueError(f"{value!r}: {what} path {path!r} is not absolute")
        if any(part in (".", "..") for part in path.split("/")):
            raise ValueError(f"{value!r}: {what} path {path!r} contains '.' or '..'")
    if len(parts) == 3:
        for option in parts[2].split(","):
            if not _VOLUME_OPTION.match(option):
                raise ValueError(f"{value!r}: {option!r} is not a volume option")
    return value


def abs_path(value: str) -> str:
    if not _ABS_PATH.match(value) or any(p in (".", "..") for p in value.split("/")):
        raise ValueError(f"{value!r} is not an absolute path without '.' or '..'")
    return value


def vswitchd_binary(value: str) -> str:
    if value != "ovs-vswitchd":
        try:
            abs_path(value)
        except ValueError:
            raise ValueError(f"{value!r} is neither ovs-vswitchd nor an absolute path") from None
    return value


def devargs(value: str) -> str:
    if not _DEVARGS.match(value):
        raise ValueError(f"{value!r} is not DPDK devargs (e.g. net_af_packet0,iface=eth5)")
    return value


def _int_as_text(value: Any) -> Any:
    """YAML reads ``isolcpus: 3`` as a number; a CPU list is text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _int_as_hex(value: Any) -> Any:
    """YAML 1.2 reads an unquoted ``0xc`` as the number 12; a mask is text."""
    return hex(value) if isinstance(value, int) and not isinstance(value, bool) else value


Text = Annotated[str, AfterValidator(text)]
IfName = Annotated[str, AfterValidator(if_name)]
ContainerName = Annotated[str, AfterValidator(container_name)]
ImageRef = Annotated[str, AfterValidator(image_ref)]
UnitName = Annotated[str, AfterValidator(unit_name)]
PciAddress = Annotated[str, AfterValidator(pci_address)]
MacAddress = Annotated[str, AfterValidator(mac_address)]
Cidr = Annotated[str, AfterValidator(cidr)]
IpAddress = Annotated[str, AfterValidator(ip_address)]
VlanId = Annotated[int, AfterValidator(vlan_id)]
Mtu = Annotated[int, AfterValidator(mtu)]
# YAML gives a number for an unquoted 3 or 0xc; these fields take it, and say so to editors.
_TEXT_OR_INT = WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}]})
CpuList = Annotated[str, BeforeValidator(_int_as_text), AfterValidator(cpu_list), _TEXT_OR_INT]
HexMask = Annotated[str, BeforeValidator(_int_as_hex), AfterValidator(hex_mask), _TEXT_OR_INT]
SocketMem = Annotated[str, BeforeValidator(_int_as_text), AfterValidator(socket_mem), _TEXT_OR_INT]
Hostname = Annotated[str, AfterValidator(hostname)]
UserName = Annotated[str, AfterValidator(user_name)]
SshKey = Annotated[str, AfterValidator(ssh_key)]
EnvKey = Annotated[str, AfterValidator(env_key)]
OtherConfigKey = Annotated[str, AfterValidator(other_config_key)]
Volume = Annotated[str, AfterValidator(volume)]
AbsPath = Annotated[str, AfterValidator(abs_path)]
VswitchdBinary = Annotated[str, AfterValidator(vswitchd_binary)]
Devargs = Annotated[str, AfterValidator(devargs)]

# -- models -------------------------------------------------------------------------------------


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Target(Model):
    os: Literal["fcos", "flatcar"] = "fcos"
    ignition: Literal["3.3.0", "3.4.0", "3.5.0"] = "3.4.0"
    runtime: Literal["podman", "docker"] | None = None


class User(Model):
    name: UserName
    ssh_authorized_keys: list[SshKey] = []


class Host(Model):
    hostname: Hostname | None = None
    users: list[User] = []


class Ovs(Model):
    image: ImageRef
    privileged: bool = False
    system_id: Text | None = Field(default=None, min_length=1, max_length=255)
    other_config: dict[OtherConfigKey, Text] = {}
    # Extensions to SPEC.md (documented in the README):
    schema_path: AbsPath = Field(default="/usr/share/openvswitch/vswitch.ovsschema", alias="schema")
    vswitchd: VswitchdBinary = "ovs-vswitchd"
    init: bool = True


class Hugepages(Model):
    size: Literal["2M", "1G"]
    count: int = Field(ge=1, le=1_000_000)


class DpdkDevice(Model):
    pci: PciAddress


class Dpdk(Model):
    hugepages: Hugepages
    iommu: Literal["intel", "amd", "none"] = "intel"
    isolcpus: CpuList | None = None
    socket_mem: SocketMem | None = None
    lcore_mask: HexMask | None = None
    pmd_cpu_mask: HexMask | None = None
    extra: Text | None = None
    devices: list[DpdkDevice] = []


PortType = Literal["system", "internal", "dpdk", "vxlan", "geneve", "gre", "patch", "bond"]


class Port(Model):
    name: IfName
    type: PortType = "system"
    vlan: VlanId | None = None
    trunks: list[VlanId] | None = None
    pci: PciAddress | None = None
    devargs: Devargs | None = None  # addition: a dpdk port on a DPDK vdev instead of a NIC
    remote_ip: IpAddress | None = None
    key: int | None = Field(default=None, ge=0, le=0xFFFFFFFF)
    peer: IfName | None = None
    interfaces: list[IfName] | None = None
    bond_mode: Literal["active-backup", "balance-slb", "balance-tcp"] | None = None
    lacp: Literal["off", "active", "passive"] | None = None

    @property
    def dpdk_devargs(self) -> str:
        """options:dpdk-devargs of a dpdk port: its NIC's PCI address, or its devargs."""
        return str(self.pci or self.devargs)


class Bridge(Model):
    name: IfName
    datapath: Literal["system", "netdev"] | None = None
    fail_mode: Literal["standalone", "secure"] = "standalone"
    protocols: (
        list[
            Literal[
                "OpenFlow10", "OpenFlow11", "OpenFlow12", "OpenFlow13", "OpenFlow14", "OpenFlow15"
            ]
        ]
        | None
    ) = None
    controllers: list[Text] | None = None
    address: Cidr | None = None
    mtu: Mtu | None = None
    ports: list[Port] = []


class Interface(Model):
    bridge: IfName
    name: IfName | None = None
    address: Cidr | None = None
    gateway: IpAddress | None = None
    mac: MacAddress | None = None
    mtu: Mtu | None = None
    vlan: VlanId | None = None


class Container(Model):
    name: ContainerName
    image: ImageRef | None = None
    unit: UnitName | None = None
    command: list[Text] = []
    env: dict[EnvKey, Text] = {}
    volumes: list[Volume] = []
    interfaces: list[Interface] = []
    # (addition) run the container's command under --init, so that it stops on SIGTERM even
    # when it is PID 1 (a shell, busybox); only for image: containers
    init: bool = True

    @property
    def unit_name(self) -> str:
        """The unit that runs the container: yours (unit:) or ovs-ignite's (NAME.service)."""
        return self.unit or f"{self.name}.service"

    def interface_name(self, index: int) -> str:
        """The name inside the container of interface index: as given, else eth1, eth2, ..."""
        return self.interfaces[index].name or f"eth{index + 1}"


class Spec(Model):
    """A whole switch spec, format 1."""

    version: Literal[1]
    target: Target = Target()
    host: Host | None = None
    ovs: Ovs
    dpdk: Dpdk | None = None
    bridges: list[Bridge] = []
    containers: list[Container] = []

    @property
    def runtime(self) -> Literal["podman", "docker"]:
        """The container runtime: as given, else podman on fcos and docker on flatcar."""
        if self.target.runtime:
            return self.target.runtime
        return "podman" if self.target.os == "fcos" else "docker"

    def datapath(self, bridge: Bridge) -> Literal["system", "netdev"]:
        """The bridge's datapath: as given, else netdev with dpdk and system without."""
        if bridge.datapath:
            return bridge.datapath
        return "netdev" if self.dpdk else "system"
