"""The table of the host data format in docs/host.md, made from the format tables the host
script reads (units/ovs-ignite-host.format, ovs-ignite-uplink.format,
ovs-ignite-openflow.format, ovs-ignite-qos.format and ovs-ignite-switch.format): one row a
key, with its file, how many times it may be there and the rule its value matches, and a
note on what it holds.
``python -m ovs_ignite.formatdoc`` writes the section anew; a test holds the page to what
this makes now, and a key of the format without a note here (or a note without its key)
stops it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .hostdata import Rule, data_format

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "host.md"
BEGIN = "<!-- made by python -m ovs_ignite.formatdoc from units/*.format; do not edit -->"
END = "<!-- /made -->"

FILES = {
    "host": "`host.conf`",
    "bridge": "`bridges/BRIDGE.conf`",
    "container": "`containers/NAME.conf`",
    "switch": "`switches/N.conf`",
    "attachment": "`attachments/NAME.conf`",
}
COUNTS = {"1": "once", "?": "at most once", "*": "any number, in order"}
UPLINK_KEYS = frozenset({"uplink", "dhcp", "route", "dns", "uplink_timeout"})
OPENFLOW_KEYS = frozenset({"controller", "controller_setting", "mirror"})

# (every file's first key)
FORMAT_NOTE = "the data format's version: a script that does not know it stops"
NOTES = {
    ("host", "runtime"): "the container engine of the OVS and application containers",
    ("host", "ovsdb"): (
        "an ovs-vsctl command of the configure step, after `del-manager` and `del-ssl`: "
        "`set-manager TARGET...` or `set-ssl KEY CERTIFICATE CA-CERT`"
    ),
    ("host", "ovs_image"): "the OVS image (`ovs.image`)",
    ("host", "ovs_schema"): "the database schema inside the OVS image",
    ("host", "open_vswitch"): "one `column:key=value` of the Open_vSwitch record",
    ("host", "dpdk_device"): "a NIC to bind to vfio-pci (PCI address)",
    ("host", "bridge"): "a bridge of the main instance, in the spec's order",
    ("bridge", "vsctl"): "one ovs-vsctl command of the bridge's one transaction",
    ("bridge", "setting"): "the bridge's own `other_config` or `external_ids` key (set last)",
    ("bridge", "port_setting"): (
        "a port's `other_config` or `external_ids` key: `PORT column:key=value` (set last)"
    ),
    ("bridge", "controller"): "an OpenFlow controller target",
    ("bridge", "controller_setting"): "a controller's target, then its Controller columns",
    ("bridge", "mirror"): (
        "a mirror: `name select_all select_vlans src_ports dst_ports output_port output_vlan "
        "output_host_if` (`-`: none; lists comma-separated; output_host_if: a container's port)"
    ),
    ("bridge", "qos"): (
        "a port's egress QoS: `PORT MAX_RATE QUEUE...`, a queue `ID,KEY=VALUE...` (its "
        "Queue record's other_config: min-rate, max-rate, burst, priority)"
    ),
    ("bridge", "address"): "an address of the bridge's internal port",
    ("bridge", "mtu"): "the internal port's MTU",
    ("bridge", "uplink"): "the uplink NIC: its kernel name or `mac=MAC`",
    ("bridge", "dhcp"): "the bridge's address comes from DHCP",
    ("bridge", "route"): "a route `TO VIA` (`default` or a prefix)",
    ("bridge", "dns"): "a DNS server",
    ("bridge", "uplink_timeout"): "seconds the uplink has to answer before it rolls back",
    ("container", "image"): "the image of an `image:` container",
    ("container", "init"): "`no`: without the runtime's init",
    ("container", "env"): "an environment variable, `KEY=VALUE`",
    ("container", "volume"): "a volume, `HOST:CONTAINER[:OPTIONS]`",
    ("container", "command"): "one word of the command, taken literally",
    ("container", "interface"): (
        "`ifname bridge host_if mac mtu vlan address gateway datapath vlan_mode trunks "
        "ofport` (`-`: none; address and trunks comma-separated)"
    ),
    ("container", "route"): "a route in the container: `IFNAME TO VIA` (`default` or a prefix)",
    ("container", "interface_setting"): (
        "a setting of an interface's Interface record: `IFNAME external_ids:key=value` or "
        "`IFNAME ingress_policing_rate=N` (`_burst`)"
    ),
    ("container", "qos"): "an interface's egress QoS: `IFNAME MAX_RATE QUEUE...`, as a port's",
    ("switch", "image"): "the instance's OVS image",
    ("switch", "bridge"): "a bridge of the instance, in order",
    ("switch", "link"): "a link port: its name, the peer's instance, the peer port",
    ("attachment", "interface"): "a container interface's fields, then the instance",
}


def _row(kind: str, key: str, rule: Rule) -> str:
    note = FORMAT_NOTE if key == "format" else NOTES[(kind, key)]
    if kind == "bridge" and key in UPLINK_KEYS:
        note += " (with an uplink)"
    if kind == "bridge" and key in OPENFLOW_KEYS:
        note += " (with controllers or mirrors)"
    if key == "qos":
        note += " (with a QoS)"
    value = rule.pattern.replace("|", "\\|")
    return f"| {FILES[kind]} | `{key}` | {COUNTS[rule.times]} | `{value}` | {note} |"


def table() -> str:
    """The section: every key of every data file, in the format tables' order."""
    rules = data_format()
    wanted = {(kind, key) for kind, keys in rules.items() for key in keys if key != "format"}
    if wanted != set(NOTES):
        raise KeyError(f"keys without a note, or notes without a key: {wanted ^ set(NOTES)}")
    lines = [
        BEGIN,
        "| file | key | how many | value (an extended regular expression, whole) | holds |",
        "|---|---|---|---|---|",
    ]
    lines += [_row(kind, key, rule) for kind, keys in rules.items() for key, rule in keys.items()]
    return "\n".join([*lines, END])


def page(text: str) -> str:
    """text (docs/host.md) with its made section as this makes it now."""
    made = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.DOTALL)
    if len(made.findall(text)) != 1:
        raise ValueError(f"{TARGET} has no one made section")
    return made.sub(lambda _: table(), text)


def main() -> None:
    TARGET.write_text(page(TARGET.read_text(encoding="utf-8")), encoding="utf-8")
    sys.stderr.write(f"wrote {TARGET}\n")


if __name__ == "__main__":
    main()
