"""The values of a switch spec as checked types for the models, one each:
``Annotated[base, AfterValidator(check), Schema(...)]``. The check (``values.py``) is the
truth; ``Schema`` repeats what JSON Schema can say of it (ranges, lengths, patterns), and a
test holds the schema to validate on the valid and invalid corpora.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    GetJsonSchemaHandler,
    PlainSerializer,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from .values import (
    _ANY_UNIT,
    _CONTAINER,
    _CPULIST,
    _DEVARGS,
    _DROPIN,
    _ENV_KEY,
    _HEXMASK,
    _HOSTNAME_LABEL,
    _IMAGE,
    _MODE,
    _OTHER_CONFIG_KEY,
    _PCI,
    _SOCKET_MEM,
    _SSH_KEY,
    _SWITCH,
    _UNIT,
    _USER,
    _VOLUME_OPTION,
    MAX_CPU,
    MAX_OFPORT,
    MAX_PATH,
    MAX_VNI,
    RXQ_AFFINITY,
    SYSTEM_ID_LENGTH,
    abs_path,
    any_unit_name,
    cidr,
    container_name,
    cpu_list,
    datapath_id,
    datapath_id_as_text,
    devargs,
    dropin_name,
    env_key,
    expect_target,
    file_mode,
    geneve_vni,
    hex_mask,
    hostname,
    if_name,
    image_ref,
    int_as_hex,
    int_as_text,
    ip_address,
    local_path,
    mac_address,
    mirror_output,
    mode_as_text,
    mtu,
    network,
    ofport,
    other_config_key,
    pci_address,
    rxq_affinity,
    socket_mem,
    ssh_key,
    switch_name,
    system_id,
    text,
    text_block,
    unit_name,
    user_name,
    vlan_id,
    vlan_range,
    volume,
    vswitchd_binary,
    vxlan_vni,
)


@dataclass(frozen=True)
class Schema:
    """JSON Schema keywords added to a type's schema (pydantic cannot read them from a
    validator function)."""

    keywords: tuple[tuple[str, Any], ...]

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        out = handler(schema)
        out.update(dict(self.keywords))
        return out


def keywords(**values: Any) -> Schema:
    return Schema(tuple(values.items()))


def names_schema(kind: Any) -> dict[str, Any]:
    """The schema keywords of the key type kind of a mapping, for its propertyNames (pydantic
    writes them as patternProperties, which let any other key through)."""
    found: dict[str, Any] = {}
    for item in getattr(kind, "__metadata__", ()):
        if isinstance(item, Schema):
            found.update(dict(item.keywords))
    return found


_NO_CONTROL = (
    r"^[^\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]*$"
)
_NAME = r"^(?!\.{1,2}$|--$)[A-Za-z0-9_.-]{1,15}$"
_ADDRESS_SHAPE = r"^[0-9A-Fa-f.:]+$"

Text = Annotated[str, AfterValidator(text), keywords(pattern=_NO_CONTROL)]
SystemId = Annotated[
    str,
    AfterValidator(system_id),
    keywords(pattern=_NO_CONTROL, minLength=SYSTEM_ID_LENGTH[0], maxLength=SYSTEM_ID_LENGTH[1]),
]
IfName = Annotated[str, AfterValidator(if_name), keywords(pattern=_NAME, minLength=1, maxLength=15)]
ContainerName = Annotated[
    str, AfterValidator(container_name), keywords(pattern=_CONTAINER.pattern, maxLength=64)
]
ExpectTarget = Annotated[
    str,
    AfterValidator(expect_target),
    keywords(
        pattern=r"^(\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?|[0-9A-Fa-f:.]+"
        r"|[a-zA-Z0-9][a-zA-Z0-9_.-]*(:[0-9]{1,5})?)$",
        maxLength=80,
    ),
]
MirrorOutput = Annotated[
    str,
    AfterValidator(mirror_output),
    keywords(pattern=r"^([a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}/)?[A-Za-z0-9_.-]{1,15}$", maxLength=80),
]
ImageRef = Annotated[
    str, AfterValidator(image_ref), keywords(pattern=_IMAGE.pattern, maxLength=255)
]
UnitName = Annotated[str, AfterValidator(unit_name), keywords(pattern=_UNIT.pattern, maxLength=255)]
PciAddress = Annotated[str, AfterValidator(pci_address), keywords(pattern=_PCI.pattern)]
MacAddress = Annotated[
    str,
    AfterValidator(mac_address),
    # unicast (the low bit of the first octet clear), not all zeros
    keywords(pattern=r"^(?!(00:){5}00$)[0-9a-fA-F][02468aceACE](:[0-9a-fA-F]{2}){5}$"),
]
# An address's shape only: which prefix lengths and addresses are good is the check's.
Cidr = Annotated[
    str, AfterValidator(cidr), keywords(pattern=r"^[0-9A-Fa-f.:]+/[0-9]{1,3}$", maxLength=64)
]
NetworkCidr = Annotated[
    str, AfterValidator(network), keywords(pattern=r"^[0-9A-Fa-f.:]+/[0-9]{1,3}$", maxLength=64)
]
IpAddress = Annotated[
    str, AfterValidator(ip_address), keywords(pattern=_ADDRESS_SHAPE, maxLength=45)
]
VlanId = Annotated[int, AfterValidator(vlan_id), keywords(minimum=1, maximum=4094)]
VlanRange = Annotated[
    str, AfterValidator(vlan_range), keywords(pattern=r"^[0-9]{1,4}-[0-9]{1,4}$", maxLength=9)
]
VxlanVni = Annotated[int, AfterValidator(vxlan_vni), keywords(minimum=0, maximum=MAX_VNI)]
GeneveVni = Annotated[int, AfterValidator(geneve_vni), keywords(minimum=0, maximum=MAX_VNI)]
Mtu = Annotated[int, AfterValidator(mtu), keywords(minimum=68, maximum=65535)]
OfPort = Annotated[int, AfterValidator(ofport), keywords(minimum=1, maximum=MAX_OFPORT)]
DatapathId = Annotated[
    str,
    BeforeValidator(datapath_id_as_text),
    AfterValidator(datapath_id),
    keywords(pattern=r"^(?!0{16}$)[0-9a-fA-F]{16}$"),
]
# YAML gives a number for an unquoted 3 or 0xc; these fields take it, and say so to editors.
CpuList = Annotated[
    str,
    BeforeValidator(int_as_text),
    AfterValidator(cpu_list),
    WithJsonSchema(
        {
            "anyOf": [
                # (CPU numbers of at most 4 digits: MAX_CPU has 4)
                {"type": "string", "pattern": _CPULIST.pattern.replace("[0-9]+", "[0-9]{1,4}")},
                {"type": "integer", "minimum": 0, "maximum": MAX_CPU},
            ]
        }
    ),
]
HexMask = Annotated[
    str,
    BeforeValidator(int_as_hex),
    AfterValidator(hex_mask),
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "pattern": _HEXMASK.pattern,
                    "maxLength": (MAX_CPU + 1) // 4 + 2,
                },
                {"type": "integer", "minimum": 1},
            ]
        }
    ),
]
SocketMem = Annotated[
    str,
    BeforeValidator(int_as_text),
    AfterValidator(socket_mem),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": _SOCKET_MEM.pattern},
                {"type": "integer", "minimum": 0, "maximum": 9_999_999},
            ]
        }
    ),
]
Hostname = Annotated[
    str,
    AfterValidator(hostname),
    keywords(
        pattern=rf"^{_HOSTNAME_LABEL.pattern[1:-1]}(\.{_HOSTNAME_LABEL.pattern[1:-1]})*$",
        maxLength=63,
    ),
]
UserName = Annotated[str, AfterValidator(user_name), keywords(pattern=_USER.pattern)]
SshKey = Annotated[str, AfterValidator(ssh_key), keywords(pattern=_SSH_KEY.pattern)]
EnvKey = Annotated[str, AfterValidator(env_key), keywords(pattern=_ENV_KEY.pattern)]
OtherConfigKey = Annotated[
    str,
    AfterValidator(other_config_key),
    keywords(pattern=_OTHER_CONFIG_KEY.pattern, maxLength=128),
]
_VOLUME_OPTIONS = _VOLUME_OPTION.pattern[1:-1]
Volume = Annotated[
    str,
    AfterValidator(volume),
    keywords(
        pattern=(
            r"^(?!.*/\.{1,2}(/|:|$))/[^:]*:/[^:]*"
            rf"(:{_VOLUME_OPTIONS}(,{_VOLUME_OPTIONS})*)?$"
        )
    ),
]
_ABS_PATH_SCHEMA = r"^(?!.*/\.{1,2}(/|$))(/[A-Za-z0-9_.+-]{1,255})+$"
AbsPath = Annotated[
    str, AfterValidator(abs_path), keywords(pattern=_ABS_PATH_SCHEMA, maxLength=MAX_PATH)
]
VswitchdBinary = Annotated[
    str,
    AfterValidator(vswitchd_binary),
    keywords(pattern=rf"^ovs-vswitchd$|{_ABS_PATH_SCHEMA}"),
]
Devargs = Annotated[str, AfterValidator(devargs), keywords(pattern=_DEVARGS.pattern)]
RxqAffinity = Annotated[
    str, AfterValidator(rxq_affinity), keywords(pattern=RXQ_AFFINITY.pattern, maxLength=10239)
]
# A DPDK queue's descriptors: a power of 2 up to 4,096 (Interface options:n_rxq_desc)
Descriptors = Literal[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096]
_TEXT_BLOCK = (
    r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
    r"\u2066-\u2069\ud800-\udfff]*$"
)
TextBlock = Annotated[str, AfterValidator(text_block), keywords(pattern=_TEXT_BLOCK)]
AnyUnitName = Annotated[
    str, AfterValidator(any_unit_name), keywords(pattern=_ANY_UNIT.pattern, maxLength=255)
]
DropinName = Annotated[
    str, AfterValidator(dropin_name), keywords(pattern=_DROPIN.pattern, maxLength=255)
]
# (pydantic runs the last BeforeValidator first: a number is refused before it is read.)
FileMode = Annotated[
    int,
    BeforeValidator(file_mode),
    BeforeValidator(mode_as_text),
    PlainSerializer(lambda mode: f"{mode:04o}", return_type=str),
    WithJsonSchema({"type": "string", "pattern": _MODE.pattern}),
]
LocalPath = Annotated[
    str,
    AfterValidator(local_path),
    keywords(pattern=r"^(?!.*(^|/)\.{0,2}(/|$))[^/\x00-\x1f\x7f-\x9f].*$"),
]
SwitchName = Annotated[
    str, AfterValidator(switch_name), keywords(pattern=_SWITCH.pattern, maxLength=8)
]
