"""``verify`` against a fake host: what it concludes from what the host answers.

The runtime and box tests run verify on real hosts; here a fake testinfra host answers each
command from a table that describes a healthy host of the nginx example, and each test
changes one answer and checks that verify names exactly that.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from typing import Any

from ovs_ignite import load_spec
from ovs_ignite.names import BRIDGES_UNIT, OVSDB_UNIT, VSWITCHD_UNIT, attach_unit
from ovs_ignite.plan import default_mac, host_interface_name
from ovs_ignite.verify import Check, check_host

from .conftest import ROOT

SPEC = load_spec(ROOT / "examples" / "nginx.yaml")
HOST_IF = host_interface_name("web", "eth1")
MAC = default_mac("web", "eth1")


@dataclass
class Result:
    rc: int
    stdout: str


def _ovsdb(rows: list[dict[str, Any]]) -> str:
    """rows as `ovs-vsctl --format=json list` prints them: uuids, sets and maps tagged."""

    def encode(value: Any) -> Any:
        if isinstance(value, dict):
            return ["map", [[k, v] for k, v in value.items()]]
        if isinstance(value, list):
            return ["set", [encode(v) for v in value]]
        if isinstance(value, str) and value.startswith("uuid-"):
            return ["uuid", value]
        return value

    headings = list(rows[0]) if rows else ["_uuid"]
    return json.dumps(
        {"headings": headings, "data": [[encode(r[h]) for h in headings] for r in rows]}
    )


@dataclass
class FakeHost:
    """A healthy host of the nginx example; tests change what it answers."""

    active: set[str] = field(
        default_factory=lambda: {
            OVSDB_UNIT,
            VSWITCHD_UNIT,
            BRIDGES_UNIT,
            "web.service",
            attach_unit("web"),
        }
    )
    containers: dict[str, str] = field(
        default_factory=lambda: {
            "ovsdb-server": "ovsdb-server true 101",
            "ovs-vswitchd": "ovs-vswitchd true 102",
            "web": "web true 103",
        }
    )
    tag: Any = field(default_factory=list)
    link: str = f"5: eth1@if6: <UP> mtu 1500 link/ether {MAC} brd ff:ff:ff:ff:ff:ff"

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "Bridge": [
                {
                    "_uuid": "uuid-b",
                    "name": "br-app",
                    "datapath_type": "system",
                    "fail_mode": "standalone",
                    "protocols": [],
                    "controller": [],
                    "ports": ["uuid-p0", "uuid-p1"],
                }
            ],
            "Port": [
                {"_uuid": "uuid-p0", "name": "br-app", "tag": [], "interfaces": ["uuid-i0"]},
                {"_uuid": "uuid-p1", "name": HOST_IF, "tag": self.tag, "interfaces": ["uuid-i1"]},
            ],
            "Interface": [
                {"_uuid": "uuid-i0", "name": "br-app", "mtu_request": 1500, "external_ids": {}},
                {
                    "_uuid": "uuid-i1",
                    "name": HOST_IF,
                    "mtu_request": [],
                    "external_ids": {"container_id": "web", "container_iface": "eth1"},
                },
            ],
            "Controller": [],
            "Open_vSwitch": [{"_uuid": "uuid-o", "dpdk_initialized": False}],
        }

    def run(self, command: str, *args: str) -> Result:
        assert not args, "verify quotes its own commands"
        argv = shlex.split(command)
        match argv:
            case ["systemctl", "is-active", unit]:
                state = "active" if unit in self.active else "inactive"
                return Result(0 if unit in self.active else 3, state + "\n")
            case ["podman", "inspect", "--type", "container", "--format", _, name]:
                # podman takes a name it cannot find as an ID prefix: it may answer for another
                answer = self.containers.get(name)
                return Result(0, answer + "\n") if answer else Result(125, "")
            case ["podman", "exec", "ovs-vswitchd", "ovs-vsctl", *_, "list", table]:
                return Result(0, _ovsdb(self.tables()[table]))
            case ["ip", "-o", "addr", "show", "dev", "br-app"]:
                return Result(0, "4: br-app    inet 10.10.0.1/24 brd 10.10.0.255 scope global\n")
            case ["nsenter", "--target", "103", "--net", "--", "ip", "-o", "link", *_]:
                return Result(0, self.link + "\n")
            case ["nsenter", "--target", "103", "--net", "--", "ip", "-o", "addr", *_]:
                return Result(0, "5: eth1    inet 10.10.0.10/24 scope global eth1\n")
            case ["nsenter", "--target", "103", "--net", "--", "ip", "-4", "route", *_]:
                return Result(0, "default via 10.10.0.1 dev eth1\n")
        raise AssertionError(f"the fake host has no answer for {command!r}")


def _failed(host: FakeHost) -> list[str]:
    checks: list[Check] = check_host(SPEC, host)
    return [str(c) for c in checks if not c.passed]


def test_a_healthy_host_passes_every_check() -> None:
    host = FakeHost()
    checks = check_host(SPEC, host)
    assert [str(c) for c in checks if not c.passed] == []
    assert len(checks) >= 15
    assert "container web running" in [c.name for c in checks]


def test_an_inactive_unit_is_named() -> None:
    host = FakeHost()
    host.active.discard(attach_unit("web"))
    assert _failed(host) == [
        "FAIL  unit ovs-attach@web.service active: want 'active', found 'inactive'"
    ]


def test_an_answer_for_another_container_is_no_such_container() -> None:
    """`inspect web` where no container is named web: the runtime answers for the container
    whose ID begins with "web"... which verify must not take for web."""
    host = FakeHost()
    host.containers["web"] = "webbed3c0ffee true 999"
    assert _failed(host) == ["FAIL  container web running: no such container"]


def test_a_stopped_ovs_container_is_named() -> None:
    host = FakeHost()
    host.containers["ovs-vswitchd"] = "ovs-vswitchd false 0"
    assert _failed(host) == ["FAIL  container ovs-vswitchd running: running=false pid=0"]


def test_a_wrong_tag_and_a_wrong_mac_are_named_with_what_was_found() -> None:
    host = FakeHost(tag=7, link="5: eth1@if6: <UP> mtu 1500 link/ether 02:00:00:00:00:99 brd")
    failed = _failed(host)
    assert "FAIL  web/eth1 port tag: want None, found 7" in failed
    assert any(line.startswith(f"FAIL  web/eth1 MAC {MAC}") for line in failed)
    assert len(failed) == 2


def test_an_unreachable_host_is_one_failed_check_not_a_traceback() -> None:
    from ovs_ignite.verify import summary, testinfra_options, verify_host

    options = testinfra_options(ssh_config="/nonexistent/ssh_config")
    checks = verify_host(SPEC, "ssh://nobody@127.0.0.1:1", options)
    assert [c.name for c in checks] == ["reach ssh://nobody@127.0.0.1:1"]
    assert not checks[0].passed and checks[0].found
    assert summary("ssh://x", checks) == "ssh://x: 0 passed, 1 failed"
