"""Random spec-shaped documents: exit 0 with a valid config, or exit 1 with error lines."""

from __future__ import annotations

import json
import re
import string
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ovs_ignite.cli import app
from ovs_ignite.ignition import decode_data_url

from .support.realparts import ignition_validate

# FILE:LINE:COL: PATH: MESSAGE, where PATH is words, [N] and ["any key"] segments.
ERROR_LINE = re.compile(r'^spec\.yaml:\d+:\d+: (?:[^\s\[]|\[(?:\d+|"(?:[^"\\]|\\.)*")\])+: .+$')
runner = CliRunner()

hostile = st.sampled_from(
    ["$(reboot)", "`id`", "a;b", "x\ny", "../etc", "%n", "$HOME", "'", '"', "a b", "", "\t", "é"]
)
names = st.one_of(st.sampled_from(["br0", "br1", "eth1", "eth2", "p0", "p1", "web", "db"]), hostile)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 70000), hostile, names)
vlans = st.one_of(st.integers(0, 4100), scalars)
cidrs = st.one_of(
    st.sampled_from(["10.0.0.1/24", "10.0.0.2/24", "2001:db8::1/64", "10.0.0.1"]), scalars
)

# (a spec that renders is checked by the real ignition-validate)
pytestmark = pytest.mark.ignition


def _maybe(d: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=d)


ports = _maybe(
    {
        "name": names,
        "type": st.sampled_from(["system", "vxlan", "patch", "bond", "dpdk", "tap"]),
        "vlan": vlans,
        "trunks": st.lists(vlans, max_size=3),
        "peer": names,
        "remote_ip": st.sampled_from(["192.0.2.1", "2001:db8::2", "nope"]),
        "interfaces": st.lists(names, max_size=3),
        "pci": st.just("0000:03:00.0"),
        "lacp": st.sampled_from(["off", "active", "yes"]),
        "colour": scalars,
    }
)
bridges = _maybe(
    {
        "name": names,
        "datapath": st.sampled_from(["system", "netdev", "kernel"]),
        "fail_mode": st.sampled_from(["standalone", "secure"]),
        "address": cidrs,
        "mtu": st.integers(0, 70000),
        "ports": st.lists(ports, max_size=3),
        "controllers": st.lists(
            st.sampled_from(["tcp:192.0.2.5:6653", "tcp:x:1", "punix:/r"]), max_size=2
        ),
        "protocols": st.lists(st.sampled_from(["OpenFlow13", "OpenFlow99"]), max_size=2),
    }
)
interfaces = _maybe(
    {
        "bridge": names,
        "name": names,
        "address": cidrs,
        "vlan": vlans,
        "gateway": st.sampled_from(["10.0.0.254", "2001:db8::fe", "10.9.9.9"]),
        "mac": st.sampled_from(["02:00:00:00:00:01", "01:00:00:00:00:01", "zz"]),
    }
)
containers = _maybe(
    {
        "name": names,
        "image": st.one_of(st.just("docker.io/library/nginx:1.27"), hostile),
        "unit": st.sampled_from(["my.service", "bad unit"]),
        "command": st.lists(st.one_of(hostile, names), max_size=3),
        "env": st.dictionaries(st.sampled_from(["A", "B_1", "1X"]), hostile, max_size=2),
        "volumes": st.lists(st.sampled_from(["/a:/b", "/a/../b:/c", "/x:/y:ro,Z"]), max_size=2),
        "interfaces": st.lists(interfaces, max_size=2),
    }
)
documents = st.fixed_dictionaries(
    {
        "version": st.sampled_from([1, 1, 1, 2, "1"]),
        "ovs": _maybe(
            {
                "image": st.sampled_from(["quay.io/x/ovs:3", "bad image"]),
                "privileged": scalars,
                "other_config": st.dictionaries(
                    st.sampled_from(["a", "dpdk-init"]), scalars, max_size=2
                ),
            }
        ),
    },
    optional={
        "target": _maybe(
            {
                "os": st.sampled_from(["fcos", "flatcar", "nixos"]),
                "ignition": st.sampled_from(["3.3.0", "3.4.0", "3.5.0", "3.6.0", "3.4"]),
                "runtime": st.sampled_from(["podman", "docker"]),
            }
        ),
        "host": _maybe(
            {
                "hostname": st.one_of(names, hostile),
                "users": st.lists(_maybe({"name": names}), max_size=2),
            }
        ),
        "dpdk": _maybe(
            {
                "hugepages": _maybe(
                    {"size": st.sampled_from(["2M", "1G", "3M"]), "count": st.integers(-1, 600)}
                ),
                "isolcpus": st.sampled_from(["2-7", "7-2", "x"]),
                "pmd_cpu_mask": st.sampled_from(["0xc", "0x3", "zz"]),
                "socket_mem": st.sampled_from(["1024", "1,2", "a"]),
                "devices": st.lists(_maybe({"pci": st.just("0000:03:00.0")}), max_size=2),
            }
        ),
        "bridges": st.lists(bridges, max_size=3),
        "containers": st.lists(containers, max_size=2),
        "extra": scalars,
    },
)


@st.composite
def coherent_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A spec that is valid by construction, then perhaps one value made wrong."""
    os_ = draw(st.sampled_from(["fcos", "flatcar"]))
    doc: dict[str, Any] = {
        "version": 1,
        "target": {
            "os": os_,
            "ignition": draw(
                st.sampled_from(["3.3.0", "3.4.0"] + (["3.5.0", "3.6.0"] if os_ == "fcos" else []))
            ),
            "runtime": draw(st.sampled_from(["podman", "docker"])),
        },
        "ovs": {
            "image": "quay.io/x/ovs:3.3",
            "privileged": draw(st.booleans()),
            "other_config": draw(
                st.dictionaries(
                    st.sampled_from(["a", "b-c"]),
                    st.sampled_from(["1", "x y", "$(id)"]),
                    max_size=2,
                )
            ),
        },
    }
    if draw(st.booleans()):
        doc["dpdk"] = {
            "hugepages": {"size": "2M", "count": 1024},
            "isolcpus": "2-3",
            "pmd_cpu_mask": "0xc",
            "socket_mem": "1024",
            "devices": [{"pci": "0000:03:00.0"}],
        }
    bridge_names = draw(
        st.lists(
            st.sampled_from(["br0", "br1", "br-x", "b.2"]), min_size=1, max_size=3, unique=True
        )
    )
    port_names = iter(f"p{i}" for i in range(100))
    bridges = []
    for b, name in enumerate(bridge_names):
        ports = []
        for kind in draw(
            st.lists(st.sampled_from(["system", "vxlan", "bond", "internal"]), max_size=3)
        ):
            port: dict[str, Any] = {"name": next(port_names), "type": kind}
            if kind == "vxlan":
                port.update(remote_ip="192.0.2.9", key=draw(st.integers(0, 16777215)))
            if kind == "bond":
                port["interfaces"] = [next(port_names), next(port_names)]
            if draw(st.booleans()):
                port["vlan"] = draw(st.integers(1, 4094))
            ports.append(port)
        bridge: dict[str, Any] = {
            "name": name,
            "ports": ports,
            "address": f"10.{b}.0.1/24",
            "mtu": draw(st.integers(1280, 9000)),
        }
        if "dpdk" in doc:
            bridge["datapath"] = "netdev"
            if b == 0:
                ports.append({"name": "dpdk0", "type": "dpdk", "pci": "0000:03:00.0"})
        bridges.append(bridge)
    doc["bridges"] = bridges
    containers = []
    for c in range(draw(st.integers(0, 2))):
        b = draw(st.integers(0, len(bridge_names) - 1))
        iface = {
            "bridge": bridge_names[b],
            "address": f"10.{b}.0.{10 + c}/24",
            "gateway": f"10.{b}.0.1",
        }
        entry: dict[str, Any] = {"name": f"c{c}", "interfaces": [iface]}
        if draw(st.booleans()):
            entry["image"] = "docker.io/library/nginx:1.27"
            entry["command"] = draw(
                st.lists(st.sampled_from(["a b", "$HOME", "%n", "x"]), max_size=2)
            )
        else:
            entry["unit"] = f"app-{c}.service"
        containers.append(entry)
    doc["containers"] = containers
    if draw(st.booleans()):
        _mutate(draw, doc)
    return doc


def _mutate(draw: st.DrawFn, node: Any) -> None:
    """Replace one leaf of node (or add an unknown key) with a drawn value."""
    while True:
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            if not isinstance(node[key], dict | list) or not node[key] or draw(st.booleans()):
                node[key if draw(st.integers(0, 9)) else "unknown_key"] = draw(scalars)
                return
            node = node[key]
        elif isinstance(node, list) and node:
            node = node[draw(st.integers(0, len(node) - 1))]
        else:
            return


def _check(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        spec = Path(tmp) / "spec.yaml"
        spec.write_text(text)
        result = runner.invoke(app, ["render", str(spec)])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert result.exit_code in (0, 1), result.output
        event(f"exit {result.exit_code}")
        if result.exit_code == 1:
            lines = result.stderr.replace(str(spec), "spec.yaml").splitlines()
            assert lines and all(ERROR_LINE.match(line) for line in lines), lines
            return
        config = json.loads(result.stdout)
        for f in config.get("storage", {}).get("files", []):
            decode_data_url(f["contents"]["source"], f["contents"]["compression"])
        checked = ignition_validate(config, Path(tmp))
        assert checked.returncode == 0, checked.stdout + checked.stderr


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_spec_shaped_documents(document: dict[str, Any]) -> None:
    _check(yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(coherent_documents())
def test_coherent_documents_with_one_mutation(document: dict[str, Any]) -> None:
    _check(yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=string.printable + "é:-[]{}!&*", max_size=200))
def test_arbitrary_text(text: str) -> None:
    _check(text)
