"""The checks of a switch spec's values: what a value must be and the message that says
why it is not. ``valuetypes.py`` makes each a checked type of the models (with the JSON
Schema keywords that tell editors the same limits); this module imports no pydantic, so
that validating a spec with the prebuilt schema (``specschema.py``) does not pay for it.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Any

# Ignition spec version -> the Butane spec version that makes it, per variant (Butane v0.29).
BUTANE_VERSIONS: dict[str, dict[str, str]] = {
    "fcos": {"3.3.0": "1.4.0", "3.4.0": "1.5.0", "3.5.0": "1.6.0", "3.6.0": "1.7.0"},
    "flatcar": {"3.3.0": "1.0.0", "3.4.0": "1.1.0"},
}


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
# queue:core pairs; at most 1,024 queues (DPDK's RTE_MAX_QUEUES_PER_PORT)
RXQ_AFFINITY = re.compile(r"^[0-9]{1,4}:[0-9]{1,4}(,[0-9]{1,4}:[0-9]{1,4}){0,1023}$")
MAX_RXQ = 1024
MAX_CPU = 8191  # the kernel's NR_CPUS at most
_HOSTNAME_LABEL = re.compile(r"^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$")
_USER = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")
_ENV_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_DATAPATH_ID = re.compile(r"^[0-9a-fA-F]{16}$")
MAX_OFPORT = 65279  # the ofport_request range OVS takes: 1 to OFPP_MAX - 1
_OTHER_CONFIG_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SSH_KEY = re.compile(r"^(ssh-|ecdsa-|sk-)[A-Za-z0-9@.-]+ [A-Za-z0-9+/=]+( .*)?$")
_VOLUME_OPTION = re.compile(
    r"^(ro|rw|z|Z|U|O|rshared|shared|rslave|slave|rprivate|private|"
    r"bind|rbind|nosuid|suid|nodev|dev|noexec|exec|copy|nocopy)$"
)
_DEVARGS = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.,:=/-]{0,254}$")
# Each part at most NAME_MAX (255) bytes, the whole under PATH_MAX (4096): Ignition cannot
# write a file whose name is longer.
_ABS_PATH = re.compile(r"^(/[A-Za-z0-9_.+-]{1,255})+$")
MAX_PATH = 4095
# What no spec string may hold: C0 and C1 controls, every kind of line break (NEL, LS, PS
# among them: YAML 1.1 parsers, Butane's included, break lines there), bidi controls and
# lone surrogates. The YAML loader refuses them in every string; this is the same rule for
# specs built in Python.
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def version_tuple(text: object) -> tuple[int, ...] | None:
    """A version such as 3.4.0 (or 3.5.0-experimental) as numbers to compare, or None when
    it is not one (at most 9 digits a part)."""
    parts = str(text).split("-")[0].split(".")
    if not all(p.isascii() and p.isdigit() and len(p) <= 9 for p in parts):
        return None
    return tuple(int(p) for p in parts)


def text(value: str) -> str:
    """Any single-line text: no line break, control, bidi or surrogate character."""
    if UNSAFE_CHARACTERS.search(value):
        raise ValueError(f"{value!r} contains a line break or control character")
    return value


# Ovs.system_id's length limits.
SYSTEM_ID_LENGTH = (1, 255)


def system_id(value: str) -> str:
    """The Open_vSwitch record's system-id: single-line text of 1 to 255 characters."""
    text(value)
    shortest, longest = SYSTEM_ID_LENGTH
    if len(value) < shortest:
        raise ValueError(f"{len(value)} characters; at least {shortest} are needed")
    if len(value) > longest:
        raise ValueError(f"{len(value)} characters; at most {longest} are allowed")
    return value


def if_name(value: str) -> str:
    if not _IFNAME.match(value):
        raise ValueError(f"{value!r} is not an interface name (1-15 of A-Z a-z 0-9 _ . -)")
    if value in (".", ".."):
        raise ValueError(f"{value!r} is not an interface name")
    if value == "--":
        # (ovs-vsctl reads it as the end of one command and the start of the next)
        raise ValueError("'--' is not an interface name: ovs-vsctl reads it as a separator")
    return value


def container_name(value: str) -> str:
    if not _CONTAINER.match(value) or len(value) > 64:
        raise ValueError(
            f"{value!r} is not a container name ([a-zA-Z0-9][a-zA-Z0-9_.-]*, at most 64)"
        )
    return value


def mirror_output(value: str) -> str:
    """A mirror's output port: a port of the bridge, or CONTAINER/IFNAME."""
    container, slash, interface = value.rpartition("/")
    if slash:
        container_name(container)
    if_name(interface)
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


def network(value: str) -> str:
    """A route's destination: a network in CIDR form, its host bits clear."""
    _no_zone(value)
    if "/" not in value:
        raise ValueError(f"{value!r} has no prefix length (10.0.0.0/8)")
    try:
        iface = ipaddress.ip_interface(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a network in CIDR form (10.0.0.0/8)") from None
    if iface.network.prefixlen == 0:
        raise ValueError(f"{value!r} is every address: write default")
    if iface.ip != iface.network.network_address:
        raise ValueError(f"{value!r} has host bits set (the network: {iface.network})")
    return str(iface.network)


def ip_address(value: str) -> str:
    _no_zone(value)
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        raise ValueError(f"{value!r} is not an IP address") from None


def expect_parts(value: str) -> tuple[str, int | None]:
    """An expectation's to: (a container name or an IP address, the TCP port or None):
    NAME, ADDRESS, NAME:PORT, IPV4:PORT or [IPV6]:PORT. Raises ValueError."""
    host, port = value, None
    if value.startswith("["):
        host, sep, after = value[1:].partition("]")
        if not sep or (after and not after.startswith(":")):
            raise ValueError(f"{value!r}: an IPv6 address in brackets takes only :PORT after it")
        port = after[1:] if after else None
        ip_address(host)
    elif value.count(":") == 1:
        host, _, port = value.partition(":")
    if port is not None and not (
        port.isascii() and port.isdigit() and len(port) <= 5 and 1 <= int(port) <= 65535
    ):
        raise ValueError(f"{value!r}: the port must be a number from 1 to 65535")
    if ":" in host or is_address(host):
        host = ip_address(host)
    elif not _CONTAINER.match(host) or len(host) > 64:
        # (a name of digits and dots that is no IPv4 address, 42 or 10.0.0.300, is a name)
        raise ValueError(f"{value!r} is not a container name or an IP address")
    return host, int(port) if port else None


def is_address(host: str) -> bool:
    """Whether host is an IP address (else, in an expectation's to, a container's name)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def expect_target(value: str) -> str:
    """What an expectation reaches: a container of the spec or an IP address, and a port."""
    expect_parts(value)
    return value


_VLAN_RANGE = re.compile(r"[0-9]{1,4}-[0-9]{1,4}")


def vlan_range(value: str) -> str:
    """A range of VLANs, FIRST-LAST, as a trunk list takes it."""
    if not _VLAN_RANGE.fullmatch(value):
        raise ValueError(f"{value!r} is not a VLAN range (e.g. 20-29)")
    first, last = (int(n) for n in value.split("-"))
    if not 1 <= first < last <= 4094:
        raise ValueError(f"{value!r} is not a VLAN range (1-4094, the first below the last)")
    return value


def vlan_id(value: int) -> int:
    if not 1 <= value <= 4094:
        raise ValueError(f"{value} is not a VLAN id (1-4094)")
    return value


def datapath_id_as_text(value: Any) -> Any:
    """YAML reads an unquoted 0000000000000001 as a number, which has lost its digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(f"YAML read {value} as a number: quote the 16 hex digits")
    return value


def tunnel_key_word(value: Any) -> Any:
    """A tunnel key given as a word other than flow."""
    if isinstance(value, str):
        raise ValueError(f"{value[:40]!r} is neither a key (a number) nor flow")
    return value


def datapath_id(value: str) -> str:
    if not _DATAPATH_ID.match(value) or int(value, 16) == 0:
        raise ValueError(f"{value[:40]!r} is not a datapath ID (16 hex digits, not all zero)")
    return value.lower()  # as OVS reports it


def image_domain(reference: str) -> str | None:
    """The registry an image reference names, or None for a short name (nginx,
    library/nginx), which podman resolves through its search registries."""
    first, slash, _ = reference.partition("/")
    if slash and ("." in first or ":" in first or first == "localhost"):
        return first
    return None


def ofport(value: int) -> int:
    if not 1 <= value <= MAX_OFPORT:
        raise ValueError(f"{value} is not an OpenFlow port number (1-{MAX_OFPORT})")
    return value


MAX_VNI = 0xFFFFFF


def vxlan_vni(value: int) -> int:
    if not 0 <= value <= MAX_VNI:
        raise ValueError(f"{value} is not a vxlan VNI (0-{MAX_VNI})")
    return value


def geneve_vni(value: int) -> int:
    if not 0 <= value <= MAX_VNI:
        raise ValueError(f"{value} is not a geneve VNI (0-{MAX_VNI})")
    return value


def mtu(value: int) -> int:
    if not 68 <= value <= 65535:
        raise ValueError(f"{value} is not an MTU (68-65535)")
    return value


def mask_cpus(mask: str) -> list[int]:
    """The CPU numbers set in a checked hex mask (at most MAX_CPU + 1 of them), in order."""
    value = int(mask, 16)
    return [bit for bit in range(value.bit_length()) if value >> bit & 1]


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


def rxq_affinity(value: str) -> str:
    if not RXQ_AFFINITY.match(value):
        raise ValueError(f"{value!r} is not queue:core pairs (e.g. 0:3,1:7)")
    pairs = [pair.split(":") for pair in value.split(",")]
    queues = [int(queue) for queue, _ in pairs]
    if len(set(queues)) != len(queues):
        raise ValueError(f"{value!r} pins a queue twice")
    if max(queues) >= MAX_RXQ or max(int(core) for _, core in pairs) > MAX_CPU:
        raise ValueError(f"{value!r}: a queue above {MAX_RXQ - 1} or a CPU above {MAX_CPU}")
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
        raise ValueError(
            f"{value!r} is not an absolute path without '.' or '..' (of A-Z a-z 0-9 _ . + -, "
            "each part at most 255 characters)"
        )
    if len(value) > MAX_PATH:
        raise ValueError(f"a path of {len(value)} characters is too long (at most {MAX_PATH})")
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


# -- what the spec adds to the host: files and units (files:, units:) --------------------------

# A systemd unit of any type, template instances included.
_ANY_UNIT = re.compile(
    r"^[A-Za-z0-9:_.\\-]+(@[A-Za-z0-9:_.\\-]*)?"
    r"\.(service|socket|timer|path|mount|automount|swap|target|slice|device)$"
)
_DROPIN = re.compile(r"^[A-Za-z0-9:_.@-]+\.conf$")
_MODE = re.compile(r"^(0o|0)?[0-7]{3,4}$")
# Line breaks and tabs are text in a file's contents; every other character no spec string
# may hold (see UNSAFE_CHARACTERS) stays out, and so does CR (write LF line ends).
_BLOCK_BREAKS = str.maketrans("", "", "\n\t")


def text_block(value: str) -> str:
    """Text of several lines (a file's or a unit's contents): lines end in LF, and hold no
    control character other than a tab."""
    found = UNSAFE_CHARACTERS.search(value.translate(_BLOCK_BREAKS))
    if found:
        raise ValueError(
            f"contains U+{ord(found[0]):04X}, a control, line-break, bidi or surrogate "
            "character (lines end in LF; tabs are fine)"
        )
    return value


def any_unit_name(value: str) -> str:
    if not _ANY_UNIT.match(value) or len(value) > 255:
        raise ValueError(
            f"{value!r} is not a systemd unit name (NAME.service, NAME.timer, NAME.socket, ...)"
        )
    return value


def dropin_name(value: str) -> str:
    if not _DROPIN.match(value) or len(value) > 255:
        raise ValueError(f"{value!r} is not a drop-in name (NAME.conf)")
    return value


def mode_as_text(value: Any) -> Any:
    """An unquoted 0644 is the decimal number 644 in YAML 1.2: a number is refused, not
    misread (mode checks it)."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(
            f"give the mode as a quoted octal string such as '0644' (an unquoted {value} "
            "is a decimal number in YAML 1.2)"
        )
    return value


def file_mode(value: str) -> int:
    """A file mode written in octal ('0644', '755', '0o600') as its number."""
    if not _MODE.match(value):
        raise ValueError(f"{value!r} is not a file mode (octal, such as '0644' or '0755')")
    return int(value.removeprefix("0o"), 8)


def local_path(value: str) -> str:
    """A path relative to the spec's folder, inside it (Butane's --files-dir rule)."""
    text(value)
    parts = value.split("/")
    if value.startswith("/") or not value or any(part in ("", ".", "..") for part in parts):
        raise ValueError(
            f"{value!r} is not a relative path inside the spec's folder (no leading '/', "
            "no '.', '..' or empty part)"
        )
    return value


# An OVS instance's name: its network namespace, and a suffix of unit and container names.
_SWITCH = re.compile(r"^[a-z0-9]{1,8}$")
MAIN_SWITCH = "ovs"


def switch_name(value: str) -> str:
    if not _SWITCH.match(value):
        raise ValueError(f"{value!r} is not an OVS instance name (1-8 of a-z 0-9)")
    return value


def int_as_text(value: Any) -> Any:
    """YAML reads ``isolcpus: 3`` as a number; a CPU list is text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def int_as_hex(value: Any) -> Any:
    """YAML 1.2 reads an unquoted ``0xc`` as the number 12; a mask is text."""
    return hex(value) if isinstance(value, int) and not isinstance(value, bool) else value
