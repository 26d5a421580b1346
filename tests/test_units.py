"""The host side in units/: checked where it lives, and carried unchanged by every config.

- Every script passes ``bash -n`` / ``sh -n`` and ``shellcheck -x`` as it stands in units/
  (every severity, no disables), and so does what hosts get of it.
- The host script can be sourced; the switch script sources it and redefines only its
  extension points; no two parts define one function.
- Every rendered config, for every target and every valid spec (the hostile corpus too),
  carries the host side's files byte for byte as units/ makes them, each where its spec
  needs it, and the static units as they are there with only the script's path made the
  target's own.
- The host data format: the script's ``check`` reads the data of every rendering, and the
  script and ovs-ignite (hostdata.py) accept and refuse the same values, key by key.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from ovs_ignite import SpecError, build_plan, load_spec, render
from ovs_ignite.hostdata import data_format, data_text, format_text, script_text
from ovs_ignite.hostfiles import part_text
from ovs_ignite.names import (
    ATTACH_SCRIPT_NAME,
    ATTACH_TEMPLATE,
    BIN_DIR,
    BRIDGES_UNIT,
    CONFIG_DIR,
    CONTAINER_DHCP_TEMPLATE,
    DETACH_TARGET,
    DHCP_SCRIPT_NAME,
    DOCKER_SCRIPT_NAME,
    DPDK_BIND_UNIT,
    DPDK_SCRIPT_NAME,
    HOST_FORMAT_NAME,
    HOST_SIDE_NAMES,
    OPENFLOW_FORMAT_NAME,
    OPENFLOW_SCRIPT_NAME,
    OVS_SCRIPT_NAME,
    OVSDB_SCRIPT_NAME,
    QOS_SCRIPT_NAME,
    SCRIPT,
    SCRIPT_NAME,
    SWITCH_FORMAT_NAME,
    SWITCH_SCRIPT_NAME,
    UDHCPC_SCRIPT_NAME,
    UNITS_SCRIPT,
    UPLINK_SCRIPT_NAME,
)

from .support.readable import ignition_texts
from .support.realparts import need
from .support.specs import DATA, EXAMPLES, ROOT, TARGETS, retarget

UNITS = ROOT / "units"
SPECS = [*EXAMPLES, *sorted((DATA / "valid").glob("*.yaml"))]
HOSTILE = sorted((DATA / "hostile").glob("*.yaml"))
STATIC_UNITS = [
    ATTACH_TEMPLATE,
    BRIDGES_UNIT,
    DPDK_BIND_UNIT,
    DETACH_TARGET,
    CONTAINER_DHCP_TEMPLATE,
]


BASH_SCRIPTS = [
    SCRIPT_NAME,
    OVSDB_SCRIPT_NAME,
    ATTACH_SCRIPT_NAME,
    DOCKER_SCRIPT_NAME,
    DPDK_SCRIPT_NAME,
    UPLINK_SCRIPT_NAME,
    DHCP_SCRIPT_NAME,
    OPENFLOW_SCRIPT_NAME,
    QOS_SCRIPT_NAME,
    SWITCH_SCRIPT_NAME,
]
SH_SCRIPTS = [OVS_SCRIPT_NAME, UDHCPC_SCRIPT_NAME]
SCRIPTS = [*((name, "bash") for name in BASH_SCRIPTS), *((name, "sh") for name in SH_SCRIPTS)]
# apply's host side: no config carries it (apply sends it as it is), and it sources the host
# script; linted all the same.
LINTED = [*SCRIPTS, ("ovs-ignite-apply", "bash")]
# The host script's extension points that the switch script redefines.
EXTENSION_POINTS = {"link_indexes", "interface_rows"}


def _lint(script: Path, shell: str) -> subprocess.CompletedProcess[str]:
    """bash -n / sh -n, then shellcheck -x (following the sources beside script)."""
    syntax = subprocess.run([shell, "-n", str(script)], capture_output=True, text=True, check=False)
    if syntax.returncode:
        return syntax
    lint = [need("shellcheck"), "-x", "-P", "SCRIPTDIR", f"--shell={shell}", "--severity=style"]
    return subprocess.run(
        [*lint, str(script)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.shellcheck
@pytest.mark.parametrize(("name", "shell"), LINTED)
def test_scripts_pass_syntax_check_and_shellcheck(name: str, shell: str) -> None:
    script = UNITS / name
    assert "shellcheck disable" not in script.read_text()
    lint = _lint(script, shell)
    assert lint.returncode == 0, lint.stdout + lint.stderr


def _functions(name: str) -> list[str]:
    return re.findall(r"(?m)^([a-z_]+)\(\) \{", (UNITS / name).read_text())


def test_the_parts_define_each_function_once_and_the_switch_only_extension_points() -> None:
    host_side = [name for name in BASH_SCRIPTS if name != SWITCH_SCRIPT_NAME]
    defined = [f for name in host_side for f in _functions(name)]
    assert len(defined) > 50 and len(defined) == len(set(defined))
    assert set(_functions(SWITCH_SCRIPT_NAME)) & set(defined) == EXTENSION_POINTS
    assert set(_functions(SCRIPT_NAME)) >= EXTENSION_POINTS  # the core's, no part's


def test_the_host_script_sourced_only_defines(tmp_path: Path) -> None:
    """Sourced, the host script runs nothing (no main, no data read); the switch script
    that sources it gets its functions and sets its extension points."""
    probe = (
        f"source {UNITS / SCRIPT_NAME} && declare -F main cmd_check load_part >/dev/null && "
        'printf "%s|%s|%s\\n" "$OVSDB" "${IP[*]}" "${#FORMAT_RULES[@]}"'
    )
    env = {**os.environ, "OVS_IGNITE_CONFIG_DIR": str(tmp_path / "absent")}
    result = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ovsdb-server|ip|0\n"
    assert "error" not in result.stderr


def _renderings() -> list[tuple[str, str, dict[str, str]]]:
    """(spec, os, where -> text) of every valid spec for every target."""
    out = []
    for path in [*SPECS, *HOSTILE]:
        try:
            spec = load_spec(path, path.name)
        except SpecError:
            continue
        targets = TARGETS if path in SPECS else [(spec.target.os, spec.target.ignition, "podman")]
        for target in targets:
            retargeted = retarget(spec, *target)
            texts = ignition_texts(json.loads(render(retargeted, path.name)))
            out.append((path.stem, target[0], texts))
    return out


def _without_comments(text: str) -> str:
    """A systemd unit without its comment lines."""
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))


def test_every_config_carries_the_scripts_and_static_units_of_units() -> None:
    renderings = _renderings()
    assert len(renderings) > 100
    shipped: set[str] = set()
    for stem, os_, texts in renderings:
        folder = BIN_DIR[os_]
        assert texts[SCRIPT[os_]] == script_text(SCRIPT_NAME), stem
        for name in HOST_SIDE_NAMES[1:]:
            text = texts.get(f"{folder}/{name}")
            if text is not None:
                assert text == part_text(name), (stem, name)
                shipped.add(name)
        for name in (HOST_FORMAT_NAME, OVS_SCRIPT_NAME, OVSDB_SCRIPT_NAME):
            assert f"{folder}/{name}" in texts, (stem, name)  # every host needs these
        for unit in STATIC_UNITS:
            if unit in texts:
                source = (UNITS / unit).read_text()
                assert texts[unit].startswith(source.partition("\n")[0] + "\n"), (stem, unit)
                assert _without_comments(texts[unit]) == _without_comments(
                    source.replace(UNITS_SCRIPT, SCRIPT[os_])
                ), (stem, unit)
    assert shipped == set(HOST_SIDE_NAMES[1:])  # (each part is shipped by some spec)
    # (the substitution is not vacuous: the static units do name the script)
    assert UNITS_SCRIPT in (UNITS / STATIC_UNITS[0]).read_text()


def _parts_needed(spec_path: Path) -> set[str]:
    spec = load_spec(spec_path)
    folder = BIN_DIR[spec.target.os]
    paths = {f.path for f in build_plan(spec).files}
    return {name for name in HOST_SIDE_NAMES if f"{folder}/{name}" in paths}


def test_a_spec_gets_only_the_parts_it_uses() -> None:
    """nginx (podman, no DPDK, no other instances) carries no DPDK, docker or switch code;
    the specs that use each part carry it."""
    always = {SCRIPT_NAME, HOST_FORMAT_NAME, OVS_SCRIPT_NAME, OVSDB_SCRIPT_NAME}
    assert _parts_needed(ROOT / "examples/nginx.yaml") == always | {ATTACH_SCRIPT_NAME}
    assert DPDK_SCRIPT_NAME in _parts_needed(ROOT / "examples/dpdk.yaml")
    assert DOCKER_SCRIPT_NAME in _parts_needed(DATA / "valid/flatcar-docker.yaml")
    switches = _parts_needed(DATA / "valid/switches.yaml")
    assert {SWITCH_SCRIPT_NAME, SWITCH_FORMAT_NAME} <= switches
    openflow = {OPENFLOW_SCRIPT_NAME, OPENFLOW_FORMAT_NAME}
    assert openflow <= _parts_needed(ROOT / "examples/faucet.yaml")  # (controllers)
    assert openflow <= _parts_needed(ROOT / "examples/span.yaml")  # (a mirror)
    assert not openflow & _parts_needed(ROOT / "examples/vlans.yaml")


def test_hosts_get_the_format_tables_rows_as_they_are() -> None:
    for name in (HOST_FORMAT_NAME, SWITCH_FORMAT_NAME, OPENFLOW_FORMAT_NAME):
        source = (UNITS / name).read_text().splitlines()
        rows = [line.split(None, 3) for line in source if line and not line.startswith("#")]
        shipped = format_text(name).splitlines()
        assert shipped[0] == source[0] and shipped[0].startswith(f"# {name}: ")
        assert [line.split(" ", 3) for line in shipped[1:]] == rows
        assert len(rows) >= 3


def _parse_tree(text: str) -> str:
    """What bash makes of a script's text: its code as bash prints it back, without
    comments or layout (the text parsed as the body of a function)."""
    result = subprocess.run(
        ["bash", "-c", 'eval "f() { $1\n}"; declare -f f', "parse", text],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.mark.shellcheck
@pytest.mark.parametrize(("name", "shell"), SCRIPTS)
def test_hosts_get_the_scripts_without_comments_and_nothing_else_changed(
    name: str, shell: str, tmp_path: Path
) -> None:
    source = (UNITS / name).read_text()
    shipped = script_text(name)
    assert _parse_tree(shipped) == _parse_tree(source)
    assert len(shipped) < 0.75 * len(source)
    assert shipped.splitlines()[0] == source.splitlines()[0]  # the shebang
    assert f"ovs-ignite's units/{name} without its comments" in shipped.splitlines()[1]
    assert not [line for line in shipped.splitlines()[2:] if line.lstrip().startswith("#")]
    for part in BASH_SCRIPTS:  # (shellcheck -x follows the shipped parts it sources)
        (tmp_path / part).write_text(script_text(part))
    (tmp_path / name).write_text(shipped)
    result = _lint(tmp_path / name, shell)
    assert result.returncode == 0, result.stdout + result.stderr


def _check(config: Path, switches: bool = False) -> subprocess.CompletedProcess[str]:
    """The check command of the host script (or, with switches, of the switch script), as
    they stand in units/ (the format tables beside them)."""
    script = UNITS / (SWITCH_SCRIPT_NAME if switches else SCRIPT_NAME)
    return subprocess.run(
        ["bash", str(script), "check"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "OVS_IGNITE_CONFIG_DIR": str(config)},
    )


def _write_data(spec_path: Path, folder: Path) -> list[Path]:
    written = []
    for file in build_plan(load_spec(spec_path), spec_path.name).files:
        if file.path.startswith(CONFIG_DIR + "/"):
            target = folder / file.path.removeprefix(CONFIG_DIR + "/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(file.contents)
            written.append(target)
    return written


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_the_script_reads_the_data_of_every_spec(path: Path, tmp_path: Path) -> None:
    assert _write_data(path, tmp_path)
    result = _check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "is well-formed" in result.stderr
    if load_spec(path).switches:  # and the switch script reads the instances' data
        result = _check(tmp_path, switches=True)
        assert result.returncode == 0, result.stderr
        assert "the instances' data" in result.stderr


# (kind, key, value, whether the format takes it): values from each side of each rule.
CASES = [
    ("host", "runtime", "podman", True),
    ("host", "runtime", "docker", True),
    ("host", "runtime", "podman2", False),
    ("host", "runtime", "/usr/bin/podman", False),
    ("host", "ovs_image", "quay.io/ovs/ovs:3.3@sha256:" + "a" * 64, True),
    ("host", "ovs_image", "quay.io/ovs $(reboot)", False),
    ("host", "ovs_image", "-quay.io/ovs", False),
    ("host", "ovs_schema", "/usr/share/openvswitch/vswitch.ovsschema", True),
    ("host", "ovs_schema", "relative/vswitch.ovsschema", False),
    ("host", "ovs_schema", "/a b", False),
    ("host", "open_vswitch", 'other_config:dpdk-extra="-a 0000:01:00.0 --x"', True),
    ("host", "open_vswitch", "other_config:key", False),
    ("host", "open_vswitch", "Other:x=1", False),
    ("host", "dpdk_device", "0000:03:00.1", True),
    ("host", "dpdk_device", "03:00.1", False),
    ("host", "dpdk_device", "0000:03:00.8", False),
    ("host", "bridge", "br-ex", True),
    ("host", "bridge", "br-ex-is-too-long", False),
    ("host", "bridge", "../etc", False),
    ("bridge", "vsctl", "--may-exist add-br br0", True),
    ("bridge", "vsctl", 'set interface eth1 type=""', True),
    ("bridge", "vsctl", "set interface vx0 type=vxlan options:remote_ip=fd00::1", True),
    ("bridge", "vsctl", "", False),
    ("bridge", "vsctl", "--may-exist", False),
    ("bridge", "vsctl", "emer-reset", False),
    ("bridge", "vsctl", "set bridge br0 other_config:x=$(reboot)", False),
    ("bridge", "vsctl", "set  bridge br0 fail_mode=secure", False),
    ("bridge", "vsctl", "set bridge br0 fail_mode=secure ", False),
    ("bridge", "vsctl", "remove bridge br0 other_config datapath-id", True),
    ("bridge", "vsctl", "remove open_vswitch . other_config dpdk-init", False),
    ("bridge", "setting", 'other_config:dp-desc="edge-01 br0 $(reboot)"', True),
    ("bridge", "setting", 'external_ids:site="a \\"quoted\\" \\u00e9"', True),
    ("bridge", "setting", "other_config:dp-desc=edge", False),
    ("bridge", "setting", 'other_config:-x="a"', False),
    ("bridge", "setting", 'status:x="a"', False),
    ("bridge", "setting", 'other_config:x y="a"', False),
    ("bridge", "port_setting", 'eth1 other_config:priority-tags="true"', True),
    ("bridge", "port_setting", 'bond0 external_ids:note="a $(reboot) `x` ; b"', True),
    ("bridge", "port_setting", 'other_config:priority-tags="true"', False),
    ("bridge", "port_setting", 'eth1  other_config:x="a"', False),
    ("bridge", "port_setting", 'a-name-too-long-x other_config:x="a"', False),
    ("bridge", "port_setting", 'eth1 status:x="a"', False),
    ("bridge", "port_setting", "eth1 other_config:x=a", False),
    ("bridge", "controller", "tcp:10.0.0.1:6653", True),
    ("bridge", "controller", "", False),
    ("host", "ovsdb", "set-manager ptcp:6640:127.0.0.1 punix:/run/openvswitch/m.sock", True),
    ("host", "ovsdb", "set-manager pssl:6641:[::1]", True),
    ("host", "ovsdb", "set-ssl /etc/pki/key.pem /etc/pki/cert.pem /etc/pki/ca.pem", True),
    ("host", "ovsdb", "del-bridge br0", False),
    ("host", "ovsdb", "set-ssl /etc/pki/key.pem /etc/pki/cert.pem", False),
    ("host", "ovsdb", "set-manager ptcp:6640 -- del-br br0", False),
    ("host", "ovsdb", "set-manager", False),
    ("bridge", "controller_setting", "tcp:10.0.0.1:6653 connection_mode=out-of-band", True),
    ("bridge", "controller_setting", "ptcp:6653 inactivity_probe=0 connection_mode=in-band", True),
    ("bridge", "controller_setting", "tcp:10.0.0.1:6653", False),
    ("bridge", "mirror", "span0 true - - - - - ovi0123456789ab", True),
    ("bridge", "mirror", "span1 false 10,20 eth1,eth2 eth1 eth9 - -", True),
    ("bridge", "mirror", "rspan true - - - - 999 -", True),
    ("bridge", "mirror", "span0 yes - - - - - -", False),
    ("bridge", "mirror", "span0 true - - - $(reboot) - -", False),
    ("bridge", "mirror", "span0 true - - - - - ovi;x", False),
    ("bridge", "qos", "eth1 100000000", True),
    ("bridge", "qos", "eth1 100000000 0,min-rate=1000,max-rate=5000,priority=1 7,burst=800", True),
    ("bridge", "qos", "eth1 100000000 1", True),
    ("bridge", "qos", "eth1 0", False),
    ("bridge", "qos", "eth1 100000000 0,max-rate=$(reboot)", False),
    ("bridge", "qos", "eth1 100000000 0,other_config:x=1", False),
    ("bridge", "qos", "eth1 100000000 0;reboot", False),
    ("container", "qos", "eth1 1000000 0,max-rate=500000", True),
    ("container", "qos", "eth1 1000000 0,max-rate=", False),
    ("container", "qos", "eth1 -", False),
    ("bridge", "controller_setting", "tcp:10.0.0.1:6653 max_backoff=1", False),
    ("bridge", "controller_setting", "tcp:10.0.0.1:6653 inactivity_probe=$(id)", False),
    ("bridge", "address", "10.0.0.1/24", True),
    ("bridge", "address", "fd00::1/64", True),
    ("bridge", "address", "10.0.0.1", False),
    ("bridge", "address", "10.0.0.1/24 dev lo", False),
    ("bridge", "uplink", "eth0", True),
    ("bridge", "uplink", "mac=52:54:00:12:34:56", True),
    ("bridge", "uplink", "mac=52:54:00:12:34:5G", False),
    ("bridge", "uplink", "eth0;reboot", False),
    ("bridge", "dhcp", "yes", True),
    ("bridge", "dhcp", "no", False),
    ("bridge", "route", "default 10.0.0.1", True),
    ("bridge", "route", "10.1.0.0/16 fd00::1", True),
    ("bridge", "route", "default 10.0.0.1 dev lo", False),
    ("bridge", "route", "default", False),
    ("bridge", "dns", "10.0.0.53", True),
    ("bridge", "dns", "fd00::53", True),
    ("bridge", "dns", "ns1.example.com", False),
    ("bridge", "uplink_timeout", "60", True),
    ("bridge", "uplink_timeout", "6000", False),
    ("bridge", "mtu", "9000", True),
    ("bridge", "mtu", "9000000", False),
    ("bridge", "mtu", "x", False),
    (
        "container",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 1500 10 10.0.0.2/24 10.0.0.1 system - - -",
        True,
    ),
    (
        "container",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - 10 10.0.0.2/24,2001:db8::2/64 - system "
        "native-untagged 20,21,22 7",
        True,
    ),
    (
        "container",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - - - - netdev - - -",
        True,
    ),
    ("container", "interface", "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - - - - netdev", False),
    (
        "container",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - - 1 - netdev - - -",
        False,
    ),
    (
        "container",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - - 10.0.0.2/24, - netdev - - -",
        False,
    ),
    (
        "container",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - - - - netdev tagged - -",
        False,
    ),
    (
        "container",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - - - - netdev trunk 10-20 -",
        False,
    ),
    (
        "container",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - - - - netdev - - 123456",
        False,
    ),
    ("container", "interface", "eth1 br0 eth0 02:00:00:00:00:01 - - - - system - - -", False),
    ("container", "interface", "eth1 br0 ovi0123456789ab `reboot` - - - - system - - -", False),
    (
        "container",
        "interface",
        "eth1  br0 ovi0123456789ab 02:00:00:00:00:01 - - - - system - - -",
        False,
    ),
    (
        "container",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - - dhcp - system - - -",
        True,
    ),
    (
        "container",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - - dhcp,10.0.0.2/24 - system - - -",
        False,
    ),
    ("container", "route", "eth1 default 10.0.0.1", True),
    ("container", "route", "eth1 2001:db8:1::/48 2001:db8::1", True),
    ("container", "route", "eth1 default", False),
    ("container", "route", "eth1 default 10.0.0.1 dev eth0", False),
    ("container", "route", "eth1 10.0.0.0 10.0.0.1", False),
    ("container", "interface_setting", 'eth1 external_ids:iface-id="web-1"', True),
    ("container", "interface_setting", 'eth1 external_ids:note="a $(reboot) `x` ; b"', True),
    ("container", "interface_setting", "eth1 ingress_policing_rate=50000", True),
    ("container", "interface_setting", "eth1 ingress_policing_burst=1", True),
    ("container", "interface_setting", "eth1 ingress_policing_rate=0", False),
    ("container", "interface_setting", "eth1 ingress_policing_rate=12345678901", False),
    ("container", "interface_setting", "eth1 ingress_policing_rate=1;reboot", False),
    ("container", "interface_setting", 'eth1 other_config:x="a"', False),
    ("container", "interface_setting", "eth1 external_ids:iface-id=web-1", False),
    ("container", "interface_setting", 'external_ids:iface-id="web-1"', False),
    ("container", "image", "docker.io/library/nginx:1.27", True),
    ("container", "image", "nginx $(reboot)", False),
    ("container", "image", "-nginx", False),
    ("container", "init", "no", True),
    ("container", "init", "false", False),
    ("container", "env", "A=$(reboot) `x` ; 'b' \"c\" %n", True),
    ("container", "env", "=x", False),
    ("container", "env", "A B=x", False),
    ("container", "volume", "/srv/www:/usr/share/nginx/html:ro,Z", True),
    ("container", "volume", "srv:/html", False),
    ("container", "volume", "/srv:/html:ro;reboot", False),
    ("container", "command", "", True),
    ("container", "command", "-c $(reboot) ; `x` %n $$", True),
    ("container", "command", "a\x1bb", False),
    ("switch", "image", "quay.io/ovs/ovs:3.4", True),
    ("switch", "image", "quay.io/ovs $(reboot)", False),
    ("switch", "bridge", "br-lab", True),
    ("switch", "bridge", "../etc", False),
    ("switch", "link", "l1-m ovs m-l1", True),
    ("switch", "link", "l1-m OVS m-l1", False),
    ("switch", "link", "l1-m ovs", False),
    (
        "attachment",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - - - - netdev - - - lab1",
        True,
    ),
    (
        "attachment",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - - - - netdev - - -",
        False,
    ),
    (
        "attachment",
        "interface",
        "eth1 br0 ovi0123456789ab 02:00:00:00:00:01 - - - - netdev - - - Lab1",
        False,
    ),
]
# A valid file of each kind, to which a case adds its line.
BASE = {
    "host": [("runtime", "podman"), ("ovs_image", "x/ovs:1"), ("ovs_schema", "/s")],
    "bridge": [],
    "container": [],
    "switch": [("image", "x/ovs:1")],
    "attachment": [],
}
FILES = {
    "host": "host.conf",
    "bridge": "bridges/br0.conf",
    "container": "containers/c1.conf",
    "switch": "switches/lab1.conf",
    "attachment": "attachments/c1.conf",
}


def _python_takes(kind: str, key: str, value: str) -> bool:
    pairs = [(k, v) for k, v in BASE[kind] if k != key] + [(key, value)]
    try:
        data_text(kind, "test", pairs)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize(("kind", "key", "value", "valid"), CASES)
def test_the_script_and_ovs_ignite_take_the_same_values(
    kind: str, key: str, value: str, valid: bool, tmp_path: Path
) -> None:
    assert _python_takes(kind, key, value) == valid
    files = {"host": data_text("host", "test", BASE["host"])}
    if kind != "host":
        files["host"] = data_text("host", "test", [*BASE["host"], ("bridge", "br0")])
        files["bridge"] = data_text("bridge", "test", BASE["bridge"])
    # Written by hand, as an admin's edit would be: the script alone judges this line.
    lines = [f"{k}={v}" for k, v in [("format", "1"), *BASE[kind]] if k != key]
    files[kind] = "\n".join([*lines, f"{key}={value}"]) + "\n"
    for which, text in files.items():
        (tmp_path / FILES[which]).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / FILES[which]).write_text(text)
    if (kind, key, valid) in (("host", "bridge", True), ("switch", "bridge", True)):
        # a bridge named here has its file
        (tmp_path / "bridges").mkdir(exist_ok=True)
        (tmp_path / f"bridges/{value}.conf").write_text(data_text("bridge", "t", []))
    result = _check(tmp_path, switches=kind in ("switch", "attachment"))
    assert (result.returncode == 0) == valid, result.stderr
    if not valid:
        what = "a control character" if not value.isprintable() else f"{key}: not a valid value"
        assert f"{FILES[kind]}:{len(lines) + 1}: {what}" in result.stderr


def test_every_key_of_the_format_has_cases_on_both_sides() -> None:
    for kind, rules in data_format().items():
        for key in rules:
            if key == "format":
                continue
            outcomes = {valid for k, ky, _, valid in CASES if (k, ky) == (kind, key)}
            assert outcomes == {True, False}, (kind, key)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("format=1", "format=2"), "host.conf: format 2; this script reads 1"),
        (lambda t: t.replace("format=1\n", ""), "host.conf:2: the first key is 'runtime', not"),
        (lambda t: t + "runtime=podman\n", "host.conf:6: runtime is given twice"),
        (lambda t: t + "colour=blue\n", "host.conf:6: unknown key 'colour' in host data"),
        (lambda t: t + "just words\n", "host.conf:6: not KEY=VALUE"),
        (lambda t: t + "bridge=br0\x1b[2J\n", "host.conf:6: a control character"),
        (lambda t: t.replace("ovs_schema=/s\n", ""), "host.conf: no ovs_schema"),
        (lambda t: t + "bridge=br1\n", "bridges/br1.conf: no such file"),
    ],
)
def test_the_script_names_file_and_line_of_a_broken_data_file(
    change: object, message: str, tmp_path: Path
) -> None:
    assert callable(change)
    (tmp_path / "host.conf").write_text(change(data_text("host", "test", BASE["host"])))
    result = _check(tmp_path)
    assert result.returncode == 1
    assert message in result.stderr


def test_a_docker_instance_namespace_pulls_the_ovs_image_it_holds_when_missing(
    tmp_path: Path,
) -> None:
    """On docker, an instance's network namespace is held by a container of the OVS image,
    made before the instance's OVS units (which pull the image): on a first boot the image
    may not be there yet. netns-up pulls it before it runs the holder (it ran it with
    --pull=never and failed: "No such image")."""
    spec = load_spec(DATA / "valid" / "switches.yaml")
    spec = spec.replaced(target=spec.target.replaced(runtime="docker"))
    config = tmp_path / "etc"
    for file in build_plan(spec, "switches.yaml").files:
        if file.path.startswith(CONFIG_DIR + "/"):
            target = config / file.path.removeprefix(CONFIG_DIR + "/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(file.contents)
    calls = tmp_path / "calls"
    # A docker without the image: it logs each call; the pull works, the run then ends it.
    docker = tmp_path / "docker"
    docker.write_text(
        f'#!/bin/sh\necho "$*" >>{calls}\ncase "$1 $2" in\n'
        '"image inspect") exit 1 ;;\npull*) exit 0 ;;\nrun*) exit 7 ;;\nesac\nexit 0\n'
    )
    docker.chmod(0o755)
    env = {
        **os.environ,
        "OVS_IGNITE_CONFIG_DIR": str(config),
        "OVS_IGNITE_RUNTIME": str(docker),
        "OVS_IGNITE_NETNS_DIR": str(tmp_path / "netns"),
        "OVS_IGNITE_DB_DIR": str(tmp_path / "db"),
        "OVS_IGNITE_RUN_DIR": str(tmp_path / "run"),
        "OVS_IGNITE_STATE_DIR": str(tmp_path / "state"),
    }
    result = subprocess.run(
        ["bash", str(UNITS / SWITCH_SCRIPT_NAME), "netns-up", "lab1"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert result.returncode != 0  # (the fake's run)
    verbs = [line.split()[0] for line in calls.read_text().splitlines()]
    image = spec.ovs.image
    assert f"image {image} is not in local storage; pulling it" in result.stderr, result.stderr
    assert f"pull {image}" in calls.read_text().splitlines()
    assert verbs.index("pull") < verbs.index("run"), verbs


# A lease as busybox udhcpc hands it to its event script: every value came from the network.
LEASE = {"interface": "eth1", "ip": "192.168.50.100", "mask": "24", "router": "192.168.50.1"}


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({}, None),
        ({"mask": ""}, "the lease has no subnet mask (the server's subnet option)"),
        ({"mask": "24;reboot"}, "bad prefix length"),
        ({"ip": "$(reboot)"}, "bad address from the server"),
        ({"router": "192.168.50.1;reboot"}, "bad router"),
        ({"interface": "eth1;x"}, "bad interface name"),
        ({"OVS_IGNITE_RECORD": "ovi0123 x"}, "bad record name"),
    ],
)
def test_the_udhcpc_event_script_acts_only_on_a_lease_it_checked(
    change: dict[str, str], said: str | None, tmp_path: Path
) -> None:
    """ip and ovs-vsctl (stand-ins that log their arguments) run only for a well-formed lease;
    a lease without a subnet mask, or with a hostile value, is refused by name."""
    log = tmp_path / "calls"
    for tool in ("ip", "ovs-vsctl"):
        (tmp_path / tool).write_text(f'#!/bin/sh\necho "{tool} $*" >>{log}\n')
        (tmp_path / tool).chmod(0o755)
    env = {"PATH": f"{tmp_path}:/usr/bin:/bin", **LEASE, "lease": "600", **change}
    run = subprocess.run(
        ["sh", str(UNITS / UDHCPC_SCRIPT_NAME), "bound"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    calls = log.read_text() if log.exists() else ""
    if said is None:
        assert run.returncode == 0, run.stdout + run.stderr
        assert "ip addr replace 192.168.50.100/24 dev eth1" in calls
        assert "ip route replace default via 192.168.50.1 dev eth1" in calls
        assert "ovs-vsctl --no-wait --timeout=10 set interface eth1" in calls
    else:
        assert run.returncode == 1 and said in run.stdout, run.stdout + run.stderr
        assert calls == ""
