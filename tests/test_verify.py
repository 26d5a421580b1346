"""``verify`` against a fake host: what it concludes from what the host answers.

The runtime and box tests run verify on real hosts; here a fake testinfra host answers each
command from a table that describes a healthy host of the nginx example (its files are the
render's), and each test changes one answer and checks that verify names exactly that, with
what was expected, what was found and the command's own stderr; that the checks behind a
failed one are skipped, so that every run lists the same checks; and the reports.
"""

from __future__ import annotations

import base64
import json
import shlex
import subprocess
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from ovs_ignite import load_spec, numa
from ovs_ignite.checking import BATCH_PRELUDE, Answer, Check, Probe, same
from ovs_ignite.errors import HostUnreachable
from ovs_ignite.hostchecks import probes
from ovs_ignite.names import (
    BRIDGES_UNIT,
    DETACH_TARGET,
    OVSDB_UNIT,
    UNITS_DIR,
    VSWITCHD_UNIT,
    attach_unit,
    host_interface_name,
)
from ovs_ignite.plan import build_plan, default_mac
from ovs_ignite.records import Spec
from ovs_ignite.verify import (
    REACH,
    CheckedHost,
    HostReport,
    check_host,
    exit_status,
    json_report,
    junit_xml,
    summary,
    text_report,
    verify_host,
)
from ovs_ignite.verify import (
    testinfra_options as infra_options,
)

from .support.specs import DATA, EXAMPLES, ROOT

SPEC = load_spec(ROOT / "examples" / "nginx.yaml")
HOST_IF = host_interface_name("web", "eth1")
MAC = default_mac("web", "eth1")
assert SPEC.host is not None
KEY = SPEC.host.users[0].ssh_authorized_keys[0]


@dataclass
class Result:
    rc: int
    stdout: str
    stderr: str = ""


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


def rendered_files(spec: Spec, spec_name: str = "nginx.yaml") -> dict[str, tuple[int, str]]:
    """Every file and unit the render of spec writes: path -> (mode, contents)."""
    plan = build_plan(spec, spec_name)
    files = {f.path: (f.mode, f.contents) for f in plan.files}
    for unit in plan.units:
        if unit.contents is not None:
            files[f"{UNITS_DIR}/{unit.name}"] = (0o644, unit.contents)
        for dropin in unit.dropins:
            files[f"{UNITS_DIR}/{unit.name}.d/{dropin.name}"] = (0o644, dropin.contents)
    return files


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
            DETACH_TARGET,
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
    qos: Any = field(default_factory=list)  # (web's port's qos column)
    error: Any = field(default_factory=list)  # (web's interface's error column)
    qos_rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # QoS and Queue
    link: str = f"5: eth1@if6: <UP> mtu 1500 link/ether {MAC} brd ff:ff:ff:ff:ff:ff"
    hostname: str = "edge-01"
    keys: str = KEY + "\n"
    modules: set[str] = field(default_factory=lambda: {"openvswitch"})
    files: dict[str, tuple[int, str]] = field(default_factory=lambda: rendered_files(SPEC))
    links: dict[str, str] = field(
        default_factory=lambda: {link.path: link.target for link in build_plan(SPEC).links}
    )
    vsctl: Result | None = None  # what ovs-vsctl answers instead of the tables
    # what the OS's network manager lists (NetworkManager's `nmcli -t` here)
    network: str = "ens3:connected\nbr-app:unmanaged\nlo:unmanaged\novi0123456789ab:unmanaged\n"
    commands: list[str] = field(default_factory=list)

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
                    "mirrors": [],
                    "stp_enable": False,
                    "rstp_enable": False,
                    "mcast_snooping_enable": False,
                }
            ],
            "Port": [
                {
                    "_uuid": "uuid-p0",
                    "name": "br-app",
                    "tag": [],
                    "interfaces": ["uuid-i0"],
                    "qos": [],
                },
                {
                    "_uuid": "uuid-p1",
                    "name": HOST_IF,
                    "tag": self.tag,
                    "interfaces": ["uuid-i1"],
                    "qos": self.qos,
                },
            ],
            "Interface": [
                {
                    "_uuid": "uuid-i0",
                    "name": "br-app",
                    "mtu_request": 1500,
                    "external_ids": {},
                    "error": [],
                    "ingress_policing_rate": 0,
                    "ingress_policing_burst": 0,
                },
                {
                    "_uuid": "uuid-i1",
                    "name": HOST_IF,
                    "mtu_request": [],
                    "external_ids": {"container_id": "web", "container_iface": "eth1"},
                    "error": self.error,
                    "ingress_policing_rate": 0,  # (OVS's defaults: no policing)
                    "ingress_policing_burst": 0,
                },
            ],
            "Controller": [],
            "Mirror": [],
            "QoS": self.qos_rows.get("QoS", []),
            "Queue": self.qos_rows.get("Queue", []),
            "Manager": [],
            "SSL": [],
            "Open_vSwitch": [
                {
                    "_uuid": "uuid-o",
                    "dpdk_initialized": False,
                    "other_config": {},
                    "external_ids": {"system-id": "edge-01", "hostname": "edge-01"},
                }
            ],
        }

    def run(self, command: str, *args: str) -> Result:
        assert not args, "verify quotes its own commands"
        self.commands.append(command)
        argv = shlex.split(command)
        answer = self.host_answer(argv) or self.ovs_answer(argv)
        if answer is None:
            raise AssertionError(f"the fake host has no answer for {command!r}")
        return answer

    def host_answer(self, argv: list[str]) -> Result | None:
        match argv:
            case ["echo", word]:
                return Result(0, word + "\n")
            case ["uname", "-n"]:
                return Result(0, self.hostname + "\n")
            case ["getent", "passwd", "core"]:
                return Result(0, "core:x:1000:1000::/var/home/core:/bin/bash\n")
            case ["sh", "-c", script, "sh", "/var/home/core"] if "authorized_keys" in script:
                return Result(0, self.keys)
            case ["ls", "-d", "--", module]:
                name = module.removeprefix("/sys/module/")
                if name in self.modules:
                    return Result(0, module + "\n")
                return Result(2, "", f"ls: cannot access '{module}': No such file or directory\n")
            case ["sh", "-c", script, "sh", *paths] if "base64" in script:
                lines = []
                for path in paths:
                    if path in self.files:
                        mode, text = self.files[path]
                        lines.append(f"={mode:o} {base64.b64encode(text.encode()).decode()}")
                    else:
                        lines.append("!")
                return Result(0, "".join(f"{line}\n" for line in lines))
            case ["sh", "-c", script, "sh", *paths] if "readlink" in script:
                missing = [p for p in paths if p not in self.links]
                errors = "".join(f"readlink: {p}: No such file\n" for p in missing)
                return Result(0, "".join(f"{self.links.get(p, '!')}\n" for p in paths), errors)
            case ["sh", "-c", script] if "nmcli" in script or "networkctl" in script:
                return Result(0, self.network)
            case ["sh", "-c", numa.COLLECT, "sh", *_]:
                return Result(0, "devices/system/node/node0/cpulist\t0-3\n")
            case ["systemctl", "is-active", *units]:
                states = ["active" if unit in self.active else "inactive" for unit in units]
                return Result(0 if set(states) == {"active"} else 3, "\n".join(states) + "\n")
        return None

    def ovs_answer(self, argv: list[str]) -> Result | None:
        match argv:
            case ["podman", "inspect", "--type", "container", "--format", _, name]:
                # podman takes a name it cannot find as an ID prefix: it may answer for another
                answer = self.containers.get(name)
                if answer:
                    return Result(0, answer + "\n")
                return Result(125, "", f"Error: no such container {name}\n")
            case ["podman", "exec", "ovs-vswitchd", "ovs-vsctl", *lists] if "list" in lists:
                # (one command lists every table: ... list A -- list B ..., a line each)
                tables = [lists[i + 1] for i, arg in enumerate(lists) if arg == "list"]
                lines = "".join(_ovsdb(self.tables()[table]) + "\n" for table in tables)
                return self.vsctl or Result(0, lines)
            case ["ip", "-o", "addr", "show", "dev", "br-app"]:
                return Result(0, "4: br-app    inet 10.10.0.1/24 brd 10.10.0.255 scope global\n")
            case ["nsenter", "--target", "103", "--net", "--", "ip", "-o", "link", *_]:
                return Result(0, self.link + "\n")
            case ["nsenter", "--target", "103", "--net", "--", "ip", "-o", "addr", *_]:
                return Result(0, "5: eth1    inet 10.10.0.10/24 scope global eth1\n")
            case ["nsenter", "--target", "103", "--net", "--", "ip", "-4", "route", *_]:
                return Result(0, "default via 10.10.0.1 dev eth1\n")
        return None


class Batching:
    """A fake host's shell for verify's batches: it runs each command of a batch on the fake
    host and answers as the batch's shell script would (each command taking 0.25 s)."""

    def __init__(self, host: Any) -> None:
        self.host = host
        self.calls = 0

    def run(self, command: str, *args: str) -> Result:
        self.calls += 1
        if not command.startswith(BATCH_PRELUDE):
            return self.host.run(command, *args)  # type: ignore[no-any-return]
        lexer = shlex.shlex(command.removeprefix(BATCH_PRELUDE), posix=True, punctuation_chars=";")
        lexer.whitespace_split = True
        tokens = list(lexer)
        out, clock = [b"100.0\n"], 100.0
        while tokens:
            end = tokens.index(";")
            argv, tokens = tokens[1:end], tokens[end + 1 :]  # (r ARGV ;)
            answer = self.host.run(" ".join(shlex.quote(a) for a in argv))
            stdout, stderr = answer.stdout.encode(), answer.stderr.encode()
            clock += 0.25
            out.append(f"{answer.rc} {len(stdout)} {len(stderr)} {clock}\n".encode())
            out.append(stdout + stderr)
        return Result(0, b"".join(out).decode())


def _checks(host: FakeHost, root: str = "") -> list[Check]:
    """check_host on host, which gives the same checks batched (in at most 3 round trips)."""
    checks = check_host(SPEC, host, root)
    shell = Batching(host)
    batched = check_host(SPEC, shell, root, batched=True)
    assert [replace(c, seconds=0) for c in batched] == [replace(c, seconds=0) for c in checks]
    assert shell.calls <= 3
    return checks


def _report(host: FakeHost) -> HostReport:
    return HostReport("fake://", _checks(host))


def _failed(host: FakeHost) -> list[str]:
    return [c.line() for c in _checks(host) if c.status == "fail"]


HEALTHY = _checks(FakeHost())
NAMES = [c.name for c in HEALTHY]


def test_a_healthy_host_passes_every_check() -> None:
    assert [str(c) for c in HEALTHY if not c.passed] == []
    for name in (
        "container web running",
        "hostname",
        "user core exists",
        "user core SSH key 1 (ssh-ed25519)",
        "kernel module openvswitch loaded",
        "file /etc/ovs-ignite/host.conf as rendered",
        "file /etc/systemd/system/ovs-ignite/container.conf as rendered",
        "link /etc/systemd/system/web.service.d/10-ovs-ignite.conf as rendered",
        "web/eth1 MAC " + MAC,
    ):
        assert name in NAMES
    # every file, unit and link of the render is compared
    assert sum(n.startswith("file ") for n in NAMES) == len(rendered_files(SPEC))
    assert len(NAMES) == len(set(NAMES))


def test_an_inactive_unit_is_named_with_what_was_expected_and_found() -> None:
    host = FakeHost()
    host.active.discard(attach_unit("web"))
    assert _failed(host) == [
        "FAIL  unit ovs-attach@web.service active: expected 'active', found 'inactive'"
    ]


def test_an_answer_for_another_container_is_no_such_container() -> None:
    """`inspect web` where no container is named web: the runtime answers for the container
    whose ID begins with "web"... which verify must not take for web."""
    host = FakeHost()
    host.containers["web"] = "webbed3c0ffee true 999"
    assert _failed(host) == [
        "FAIL  container web running: expected running, found no such container"
    ]


def test_a_failed_check_shows_the_commands_stderr() -> None:
    host = FakeHost()
    del host.containers["web"]
    (check,) = [c for c in _checks(host) if c.status == "fail"]
    assert check.stderr == "Error: no such container web\n"
    assert str(check).splitlines() == [
        "FAIL  container web running: expected running, found no such container",
        "      stderr: Error: no such container web",
    ]


def test_checks_behind_a_failed_one_are_skipped_with_the_reason_and_the_count_holds() -> None:
    host = FakeHost()
    host.containers["web"] = "web false 0"
    checks = _checks(host)
    assert [c.name for c in checks] == NAMES
    by_name = {c.name: c for c in checks}
    assert by_name["container web running"].status == "fail"
    for name in ("web/eth1 in the container", "web/eth1 address 10.10.0.10/24"):
        assert by_name[name].status == "skip"
    assert by_name["web/eth1 in the container"].reason == (
        "needs 'container web running', which failed"
    )
    assert by_name["web/eth1 MAC " + MAC].reason == (
        "needs 'web/eth1 in the container', which was skipped"
    )
    # OVS still answers: the port checks of web ran
    assert by_name["web/eth1 has one OVS port"].status == "pass"


@pytest.mark.parametrize(
    "break_it",
    [
        lambda h: h.containers.update({"ovs-vswitchd": "ovs-vswitchd false 0"}),
        lambda h: setattr(h, "vsctl", Result(1, "", "ovs-vsctl: unix:/run/x: Connection refused")),
        lambda h: setattr(h, "vsctl", Result(0, "{not json")),
        lambda h: h.containers.clear(),
        lambda h: h.files.clear(),
        lambda h: setattr(h, "tag", 5),
    ],
    ids=["vswitchd-stopped", "vsctl-fails", "vsctl-garbage", "no-containers", "no-files", "tag"],
)
def test_every_run_lists_the_same_checks(break_it: Any) -> None:
    host = FakeHost()
    break_it(host)
    checks = _checks(host)
    assert [c.name for c in checks] == NAMES
    assert any(c.status == "fail" for c in checks)


def test_an_unreadable_database_says_why_and_skips_every_bridge_check() -> None:
    host = FakeHost(vsctl=Result(1, "", "ovs-vsctl: unix:/var/run/openvswitch/db.sock: refused\n"))
    checks = {c.name: c for c in _checks(host)}
    database = checks["OVS database readable"]
    assert database.status == "fail"
    assert database.found == "exit status 1"
    assert "db.sock: refused" in database.stderr
    assert checks["bridge br-app"].status == "skip"
    assert checks["bridge br-app fail_mode"].reason == "needs 'bridge br-app', which was skipped"
    assert checks["web/eth1 has one OVS port"].reason == (
        "needs 'OVS database readable', which failed"
    )


def test_a_wrong_tag_and_a_wrong_mac_are_named_with_what_was_found() -> None:
    host = FakeHost(tag=7, link="5: eth1@if6: <UP> mtu 1500 link/ether 02:00:00:00:00:99 brd")
    failed = _failed(host)
    assert "FAIL  web/eth1 port tag: expected None, found 7" in failed
    assert any(line.startswith(f"FAIL  web/eth1 MAC {MAC}: expected {MAC}") for line in failed)
    assert len(failed) == 2


def test_a_qos_the_spec_does_not_give_is_named_with_its_queues() -> None:
    """web's port has a QoS made by hand (the spec gives none): verify names it, its rate
    and its queue's settings; a QoS record of a hostile shape is shown, not a traceback."""
    rows: dict[str, list[dict[str, Any]]] = {
        "QoS": [
            {
                "_uuid": "uuid-q",
                "type": "linux-htb",
                "other_config": {"max-rate": "1000000"},
                "queues": {0: "uuid-q0"},
            }
        ],
        "Queue": [{"_uuid": "uuid-q0", "other_config": {"max-rate": "500000"}}],
    }
    failed = _failed(FakeHost(qos="uuid-q", qos_rows=rows))
    assert failed == [
        "FAIL  web/eth1 qos: expected None, found {'type': 'linux-htb', 'max-rate': '1000000', "
        "'queues': {0: {'max-rate': '500000'}}}"
    ]
    rows["QoS"][0] |= {"queues": ["x", ["y"]], "other_config": "z"}
    failed = _failed(FakeHost(qos="uuid-q", qos_rows=rows))
    assert failed == [
        "FAIL  web/eth1 qos: expected None, found {'type': 'linux-htb', 'max-rate': 'z', "
        "'queues': ['x', ['y']]}"
    ]


def test_an_interface_ovs_could_not_add_is_named_with_its_error() -> None:
    """OVS keeps the record of an interface it could not add (a DPDK MTU the driver refuses,
    a device gone) and says why in its error column: verify shows it."""
    error = "could not add network device web/eth1 to ofproto (Invalid argument)"
    assert _failed(FakeHost(error=error)) == [
        f"FAIL  web/eth1 error: expected None, found {error!r}"
    ]


def test_host_checks_name_the_hostname_the_keys_and_the_modules() -> None:
    host = FakeHost(hostname="localhost", keys="ssh-ed25519 AAAAother other@x\n", modules=set())
    assert _failed(host) == [
        "FAIL  hostname: expected 'edge-01', found 'localhost'",
        "FAIL  user core SSH key 1 (ssh-ed25519): expected the key in ~/.ssh/authorized_keys "
        "or ~/.ssh/authorized_keys.d/, found 1 other keys",
        "FAIL  kernel module openvswitch loaded: expected loaded, found not loaded",
    ]


def test_drift_in_a_file_is_a_diff() -> None:
    host = FakeHost()
    path = "/etc/ovs-ignite/containers/web.conf"
    mode, text = host.files[path]
    host.files[path] = (mode, text.replace("interface=", "interface=X", 1))
    (check,) = [c for c in _checks(host) if c.status == "fail"]
    assert check.name == f"file {path} as rendered"
    assert check.found == "mode 0644 and other contents"
    assert "--- rendered" in check.diff and "+++ on the host" in check.diff
    assert "+interface=X" in check.diff
    assert any(line.startswith("      -interface=") for line in check.details())


def test_drift_in_mode_a_missing_file_and_a_retargeted_link() -> None:
    host = FakeHost()
    script = next(p for p, (mode, _) in host.files.items() if mode == 0o755)
    host.files[script] = (0o644, host.files[script][1])
    del host.files[f"{UNITS_DIR}/{VSWITCHD_UNIT}"]
    link = "/etc/systemd/system/web.service.d/10-ovs-ignite.conf"
    host.links[link] = "/tmp/elsewhere.conf"
    failed = _failed(host)
    assert (
        f"FAIL  file {script} as rendered: expected mode 0755 and the rendered contents, "
        "found mode 0644 and the same contents" in failed
    )
    assert (
        f"FAIL  file {UNITS_DIR}/{VSWITCHD_UNIT} as rendered: expected mode 0644 and the "
        "rendered contents, found no such file" in failed
    )
    assert (
        f"FAIL  link {link} as rendered: expected a link to "
        "../ovs-ignite/container.conf, found /tmp/elsewhere.conf" in failed
    )
    assert len(failed) == 3


def test_a_spec_verified_under_another_file_name_is_no_drift() -> None:
    host = FakeHost(files=rendered_files(SPEC, "/srv/specs/site-edge.yaml"))
    assert _failed(host) == []


def test_root_reads_the_files_under_it() -> None:
    host = FakeHost()
    host.files = {f"/sysroot{path}": value for path, value in host.files.items()}
    host.links = {f"/sysroot{path}": value for path, value in host.links.items()}
    assert _failed(FakeHost(files=host.files, links=host.links)) != []
    assert [c.line() for c in _checks(host, "/sysroot/") if not c.passed] == []


def test_what_a_host_answers_cannot_steer_the_terminal() -> None:
    host = FakeHost(hostname="evil\x1b[2J\nPASS  everything")
    (line,) = _failed(host)
    assert "\x1b" not in line and "\n" not in line
    assert line == "FAIL  hostname: expected 'edge-01', found 'evil\\x1b[2J\\nPASS  everything'"
    check = next(c for c in _checks(host) if c.name == "hostname")
    garbled = type(check)(check.name, "fail", "x", "a\x1b]0;title\x07\nb", "err\x1b[31m\r")
    assert all(c.isprintable() for line in str(garbled).splitlines() for c in line)


@pytest.mark.parametrize("path", [*EXAMPLES, *sorted((DATA / "valid").glob("*.yaml"))], ids=str)
def test_check_names_are_unique_for_every_valid_spec(path: Path) -> None:
    """A check names the ones it needs by name: no two checks may share one."""
    spec = load_spec(path)
    names = [p.name for p in probes(spec, CheckedHost(FakeHost()))]
    assert len(names) == len(set(names))
    known: set[str] = set()
    for probe in probes(spec, CheckedHost(FakeHost())):
        assert set(probe.needs) <= known, probe.name  # what it needs comes first
        known.add(probe.name)


def test_reports_count_skips_and_times() -> None:
    host = FakeHost()
    host.containers["web"] = "web false 0"
    report = _report(host)
    skipped = report.count("skip")
    assert skipped >= 4
    text = text_report(report)
    assert text.splitlines()[-1] == (
        f"fake://: {report.count('pass')} passed, 1 failed, {skipped} skipped"
    )
    suite = ElementTree.fromstring(junit_xml([report])).find("testsuite")
    assert suite is not None
    assert suite.get("skipped") == str(skipped) and suite.get("failures") == "1"
    assert float(suite.get("time", "")) >= 0
    cases = suite.findall("testcase")
    assert len(cases) == len(NAMES)
    assert all(float(case.get("time", "x")) >= 0 for case in cases)
    skips = [case.find("skipped") for case in cases if case.find("skipped") is not None]
    assert len(skips) == skipped
    (hosts,) = json.loads(json_report([report]))
    assert hosts["host"] == "fake://" and hosts["reachable"] is True
    assert (hosts["passed"], hosts["failed"], hosts["skipped"]) == (
        report.count("pass"),
        1,
        skipped,
    )
    failed = next(c for c in hosts["checks"] if c["status"] == "fail")
    assert failed["expected"] == "running" and failed["found"] == "running=false pid=0"
    assert exit_status([report]) == 3
    assert exit_status([_report(FakeHost())]) == 0


UNREACHABLE = "ssh://nobody@127.0.0.1:1"


def test_an_unreachable_host_is_one_line_not_a_traceback() -> None:
    options = infra_options(ssh_config="/nonexistent/ssh_config")
    report = verify_host(SPEC, UNREACHABLE, options)
    assert report.checks == [] and report.unreachable
    assert "ssh_config" in report.unreachable
    assert text_report(report).count("\n") == 1
    assert summary(report).startswith(f"{UNREACHABLE}: unreachable: ")
    assert exit_status([report, _report(FakeHost())]) == 4
    suite = ElementTree.fromstring(junit_xml([report])).find("testsuite")
    assert suite is not None and suite.get("errors") == "1"
    (hosts,) = json.loads(json_report([report]))
    assert hosts["reachable"] is False and hosts["checks"] == []


def test_a_host_that_answers_something_else_is_unreachable() -> None:
    class Garbled(FakeHost):
        def run(self, command: str, *args: str) -> Result:
            return Result(255, "", "kex_exchange_identification: Connection closed\n")

    from ovs_ignite.checking import unreachable_reason

    assert unreachable_reason(CheckedHost(Garbled())) == (
        "kex_exchange_identification: Connection closed"
    )
    assert unreachable_reason(CheckedHost(FakeHost())) is None
    assert FakeHost().run(f"echo {shlex.quote(REACH)}").stdout == REACH + "\n"


def _cli(*args: str, python: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(python or [sys.executable, "-m", "ovs_ignite"]), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_verify_exits_4_with_one_line_for_an_unreachable_host(tmp_path: Path) -> None:
    junit = tmp_path / "report.xml"
    spec = str(ROOT / "examples" / "nginx.yaml")
    config = ["--ssh-config", "/nonexistent/ssh_config"]
    result = _cli("verify", spec, "--hosts", UNREACHABLE, *config, "--junit", str(junit))
    assert result.returncode == 4, result.stderr
    assert result.stdout.startswith(f"{UNREACHABLE}: unreachable: ")
    assert result.stdout.count("\n") == 1 and result.stderr == ""
    assert 'errors="1"' in junit.read_text()
    as_json = _cli("verify", spec, "--hosts", UNREACHABLE, *config, "--format", "json")
    assert as_json.returncode == 4
    assert json.loads(as_json.stdout)[0]["reachable"] is False


def test_verify_without_testinfra_says_what_to_install() -> None:
    hide = (
        "import sys; sys.modules['testinfra'] = None; "
        "sys.argv[0] = 'ovs-ignite'; from ovs_ignite.cli import main; main()"
    )
    spec = str(ROOT / "examples" / "nginx.yaml")
    result = _cli("verify", spec, "--hosts", "local://", python=[sys.executable, "-c", hide])
    assert result.returncode == 1
    assert result.stderr == (
        "ovs-ignite verify: needs pytest-testinfra; install it with: "
        "pip install 'ovs-ignite[verify]'\n"
    )
    assert result.stdout == ""


def test_a_url_testinfra_cannot_use_is_an_input_error() -> None:
    spec = str(ROOT / "examples" / "nginx.yaml")
    result = _cli("verify", spec, "--hosts", "nosuchbackend://x")
    assert result.returncode == 1
    assert result.stderr.startswith("ovs-ignite verify: nosuchbackend://x: ")
    assert "Traceback" not in result.stderr


class _Answers:
    """A host that answers each command from a table (argv -> Result)."""

    def __init__(self, answers: dict[tuple[str, ...], Result]) -> None:
        self.answers = answers

    def run(self, command: str, *args: str) -> Result:
        return self.answers.get(tuple(shlex.split(command)), Result(127, "", "not found\n"))


def test_dpdk_checks_read_the_driver_the_hugepages_and_the_module() -> None:

    from ovs_ignite.hostchecks import _DRIVER, Target, _host_probes

    example = load_spec(ROOT / "examples" / "dpdk.yaml")
    assert example.dpdk is not None and len(example.dpdk.devices) == 2
    assert len(example.dpdk.page_pools) == 2
    # (its second NIC left with its kernel driver: checked to keep it)
    kept = example.dpdk.devices[1].replaced(driver="kernel")
    spec = example.replaced(dpdk=example.dpdk.replaced(devices=[example.dpdk.devices[0], kept]))
    assert spec.dpdk is not None
    pci = spec.dpdk.devices[0].pci
    pools = spec.dpdk.page_pools

    def hugepages(size: str) -> str:
        size_kb = 1048576 if size == "1G" else 2048
        return f"/sys/kernel/mm/hugepages/hugepages-{size_kb}kB/nr_hugepages"

    # (the host's NUMA layout: the two-node copy, with node 1's share of the 1G pages)
    nics = [device.pci for device in spec.dpdk.devices]
    layout = numa.read_snapshot(ROOT / "tests/data/sysfs/two-node", nics)
    layout["devices/system/node/node1/hugepages/hugepages-1048576kB/nr_hugepages"] = "4"
    collected = "".join(f"{path}\t{value}\n" for path, value in layout.items())

    def checks(
        driver: Result, reserved: str, modules: set[str], other: str = "mlx5_core\n"
    ) -> dict[str, str]:
        answers: dict[tuple[str, ...], Result] = {
            ("sh", "-c", _DRIVER, "sh", pci): driver,
            ("sh", "-c", _DRIVER, "sh", kept.pci): Result(0, other),
            ("sh", "-c", numa.COLLECT, "sh", *numa.pci_files(nics)): Result(0, collected),
        }
        for pool in pools:
            answers[("cat", hugepages(pool.size))] = Result(0, reserved)
        answers[("cat", "/proc/cmdline")] = Result(0, "BOOT_IMAGE=x " + " ".join(kernel_args))
        for module in modules:
            answers[("ls", "-d", "--", f"/sys/module/{module}")] = Result(0, "")
        host = CheckedHost(_Answers(answers))
        found = run_probes(p for p in _host_probes(Target(spec, host)) if "user" not in p.name)
        return {c.name: c.line() for c in found}

    from ovs_ignite.checking import run_probes
    from ovs_ignite.plan import kernel_arguments

    kernel_args = kernel_arguments(spec)
    assert kernel_args[0] == (
        "default_hugepagesz=1G hugepagesz=1G hugepages=8 hugepagesz=2M hugepages=512"
    )
    good = checks(Result(0, "vfio-pci\n"), "512\n", {"vfio_pci"})
    bound = f"NIC {pci} bound to vfio-pci"
    own = f"NIC {kept.pci} keeps its kernel driver"
    assert good[bound] == f"PASS  {bound}"
    assert good[own] == f"PASS  {own}"
    for pool in pools:
        assert good[f"{pool.count} hugepages of {pool.size}"].startswith("PASS")
    assert good["kernel module vfio-pci loaded"].startswith("PASS")
    assert all(line.startswith("PASS") for name, line in good.items() if "hostname" not in name)
    for name in (
        "NUMA layout read",
        f"NIC {pci} (NUMA node 0) has a PMD core on its node",
        f"NIC {kept.pci} (NUMA node 0) has socket_mem on its node",
        "PMD cores isolated",
        "hugepages of 1G on NUMA node 1",
    ):
        assert good[name] == f"PASS  {name}"
    collected = collected.replace(
        "node1/hugepages/hugepages-1048576kB/nr_hugepages\t4",
        "node1/hugepages/hugepages-1048576kB/nr_hugepages\t0",
    )
    short = checks(Result(0, "vfio-pci\n"), "512\n", {"vfio_pci"})
    assert short["hugepages of 1G on NUMA node 1"] == (
        "FAIL  hugepages of 1G on NUMA node 1: expected at least 1024 MB (socket_mem for node "
        "1), found 0 pages, 0 MB; change the spec: hugepages: {size: 1G, count: 2} (the kernel "
        "reserves the same count on each node)"
    )

    bad = checks(Result(0, "ixgbe\n"), "8\n", set(), other="vfio-pci\n")
    assert bad[bound] == f"FAIL  {bound}: expected 'vfio-pci', found 'ixgbe'"
    assert bad[own] == f"FAIL  {own}: expected its kernel driver, found vfio-pci"
    assert bad["8 hugepages of 1G"].startswith("PASS")
    assert bad["512 hugepages of 2M"] == (
        "FAIL  512 hugepages of 2M: expected at least 512, found 8 reserved"
    )
    assert bad["kernel module vfio-pci loaded"].startswith("FAIL")
    gone = checks(Result(1, "", f"no PCI device {pci}\n"), "0\n", set(), other="none\n")
    assert gone[bound] == f"FAIL  {bound}: expected vfio-pci, found no such device"
    assert gone[own] == f"FAIL  {own}: expected its kernel driver, found none"


def test_the_driver_script_reads_sysfs() -> None:
    """The command behind "NIC ... bound to vfio-pci", on this machine's own PCI devices."""
    from ovs_ignite.hostchecks import _DRIVER

    def driver(pci: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["sh", "-c", _DRIVER, "sh", pci], capture_output=True, text=True)

    for device in sorted(Path("/sys/bus/pci/devices").iterdir())[:5]:
        link = device / "driver"
        expected = link.readlink().name if link.exists() else "none"
        assert driver(device.name).stdout == expected + "\n"
    missing = driver("0000:ff:1f.7")
    assert (missing.returncode, missing.stderr) == (1, "no PCI device 0000:ff:1f.7\n")


class _Local:
    """This machine, as a testinfra host: runs the command line with sh (a command that
    hangs fails the test after 60 s instead of hanging it)."""

    def run(self, command: str, *args: str) -> Result:
        done = subprocess.run(["sh", "-c", command], capture_output=True, check=False, timeout=60)
        # (bytes that are not UTF-8 kept as they came, as testinfra's stdout_bytes has them)
        out, err = (data.decode("utf-8", "surrogateescape") for data in (done.stdout, done.stderr))
        return Result(done.returncode, out, err)


def test_drift_never_opens_odd_files_nor_reads_big_ones(tmp_path: Path) -> None:
    """(issue 26, item 11: a FIFO at a checked path hung verify, a 20 MB file cost 1.7 GB)"""
    import os
    import tracemalloc

    from ovs_ignite.hostchecks import READ_FILES, _Batch, _same_file

    os.mkfifo(tmp_path / "fifo")
    with (tmp_path / "big").open("wb") as big:
        big.truncate(200 << 20)  # (sparse: 200 MB to read, none on the disk)
    (tmp_path / "target").write_text("x\n")
    (tmp_path / "link").symlink_to("target")
    (tmp_path / "folder").mkdir()
    names = ("fifo", "big", "link", "folder", "target")
    paths = tuple(str(tmp_path / n) for n in names)
    tracemalloc.start()
    files = _Batch(CheckedHost(_Local()), ("sh", "-c", READ_FILES, "sh", *paths), paths)
    found = {n: _same_file(files, p, 0o644, "x\n") for n, p in zip(names, paths, strict=True)}
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    not_opened = "not a regular file (a link, FIFO, device or folder): not opened"
    assert [found[n].found for n in ("fifo", "link", "folder")] == [not_opened] * 3
    assert found["big"].found == f"a file of {200 << 20} bytes, more than {2 << 20} (not read)"
    assert found["target"].passed
    assert not any(found[n].passed for n in names[:4])
    assert peak < 10 << 20


def test_the_batched_reads_work_on_a_real_shell(tmp_path: Path) -> None:
    """Drift reads every file (and every link) in one command: on this machine's own sh,
    stat and base64, each file gets its own line, whatever the others are."""
    from ovs_ignite.hostchecks import READ_FILES, READ_LINKS, _Batch, _same_file, _same_link

    (tmp_path / "a").write_text("one\ntwo\n")
    (tmp_path / "a").chmod(0o600)
    (tmp_path / "b").write_text("other\n")
    (tmp_path / "l").symlink_to("a")
    host = CheckedHost(_Local())
    paths = tuple(str(tmp_path / n) for n in ("a", "missing", "b"))
    files = _Batch(host, ("sh", "-c", READ_FILES, "sh", *paths), paths)
    assert _same_file(files, paths[0], 0o600, "one\ntwo\n").passed
    missing = _same_file(files, paths[1], 0o644, "x")
    assert (missing.passed, missing.found) == (False, "no such file")
    changed = _same_file(files, paths[2], 0o644, "rendered\n")
    assert not changed.passed and "-rendered" in changed.diff and "+other" in changed.diff
    links = tuple(str(tmp_path / n) for n in ("l", "a"))
    read = _Batch(host, ("sh", "-c", READ_LINKS, "sh", *links), links)
    assert _same_link(read, links[0], "a").passed
    not_a_link = _same_link(read, links[1], "x")
    assert (not_a_link.passed, not_a_link.found) == (False, "no link")


def test_a_bridge_the_network_manager_took_is_named() -> None:
    """(issue 28) Every OVS link of the host is left alone by the OS's network manager: a
    bridge that NetworkManager configures fails the check, with its state; a link it does
    not list (not there) and a manager that does not run pass."""
    assert "br-app left alone by NetworkManager" in NAMES
    host = FakeHost(network="ens3:connected\nbr-app:connected (externally)\n")
    assert _failed(host) == [
        "FAIL  br-app left alone by NetworkManager: expected unmanaged, "
        "found connected (externally)"
    ]
    assert _failed(FakeHost(network="ens3:connected\n")) == []
    assert _failed(FakeHost(network="not running\n")) == []


def test_networkd_and_networkmanager_listings_are_read_on_a_real_shell() -> None:
    """The check's command runs as written on this machine's sh (whose systemctl reports
    neither manager active: 'not running'), and both listings' shapes parse."""
    from ovs_ignite.hostchecks import NOT_RUNNING, _Managed

    for os_ in ("fcos", "flatcar"):
        assert _Managed(CheckedHost(_Local()), os_).state("br-app") == NOT_RUNNING

    @dataclass
    class Listing:
        stdout: str

        def run(self, command: str, *args: str) -> Result:
            return Result(0, self.stdout)

    networkd = Listing(
        "  1 lo     loopback carrier    unmanaged\n"
        "  2 ens3   ether    routable   configured\n"
        "  5 br-app ether    routable   unmanaged\n"
        "  6 ens4   ether    degraded   configuring\n"
    )
    managed = _Managed(CheckedHost(networkd), "flatcar")
    assert [managed.state(n) for n in ("br-app", "ens4", "eth9")] == [
        "unmanaged",
        "configuring",
        None,
    ]


# -- batches: the commands of a verify in a few round trips --------------------------------


def test_a_batch_runs_each_command_as_it_is_on_a_real_shell(tmp_path: Path) -> None:
    """Every kind of hostile argument reaches its command as it is (never run by the batch's
    shell); a command's exit status, stdout, stderr, a missing trailing newline, empty
    output, a NUL and bytes that are not UTF-8 come back for each command on its own."""
    host = CheckedHost(_Local(), batched=True)
    odd = ["$(touch " + str(tmp_path / "ran") + ")", "a;b", "x\ny", "`id`", "'\"", "%n %i", "-"]
    odd += ["\u0085\u2028\u2029", "r", ";", "*", "\\", ""]
    commands = [
        ("printf", "%s\\0", *odd),
        ("sh", "-c", "printf 'out'; printf 'err\\n' >&2; exit 7"),
        ("sh", "-c", "printf '\\377\\376 x\\n'"),
        ("true",),
        ("cat",),  # (no input: it does not wait)
        ("no-such-command-anywhere",),
    ]

    def asks(argv: tuple[str, ...]) -> Probe:
        return Probe(" ".join(argv), lambda: same(0, host.run(*argv).rc))

    host.gather(lambda: [asks(argv) for argv in commands])
    assert host.answers is not None and set(host.answers) == set(commands)
    answers = [host.answers[argv] for argv in commands]
    assert answers[0].stdout == "".join(f"{arg}\0" for arg in odd)
    assert (answers[1].rc, answers[1].stdout, answers[1].stderr) == (7, "out", "err\n")
    assert answers[2].stdout == "\ufffd\ufffd x\n"
    assert [(a.rc, a.stdout, a.stderr) for a in answers[3:5]] == [(0, "", "")] * 2
    assert answers[5].rc == 127 and "no-such-command-anywhere" in answers[5].stderr
    assert all(a.seconds >= 0 for a in answers)
    assert not (tmp_path / "ran").exists()
    unbatched = CheckedHost(_Local())
    assert [unbatched.run(*argv).stdout for argv in commands[:2]] == [a.stdout for a in answers[:2]]


def test_the_same_checks_batched_on_a_real_shell() -> None:
    """This machine is no provisioned host: most checks fail, the same way each time."""
    one_by_one = check_host(SPEC, _Local())
    batched = check_host(SPEC, _Local(), batched=True)
    assert [replace(c, seconds=0) for c in batched] == [replace(c, seconds=0) for c in one_by_one]
    assert any(c.status == "fail" for c in batched)


@pytest.mark.parametrize(
    "output",
    [
        b"",
        b"garbage",
        b"100.0\n",  # cut short: no answer at all
        b"100.0\n0 3 0 100.1\nab",  # cut short in an answer
        b"100.0\n0 2 0 100.1\nab",  # one answer of two
        b"100.0\n0 2 0 100.1\nab0 1 0 100.2\ncd",  # more than it says
        b"100.0\n-1 2 0 100.1\nab0 1 0 100.2\nc",
        b"100.0\n0 99999999999999999999 0 100.1\nab",
        b"100.0\n0 " + b"9" * 5000 + b" 0 100.1\nab",  # (more digits than int() takes)
        b"100.0\n0 2 0 100.1 extra\nab",
        b"100.0\n0 \xd9\xa2 0 100.1\nab",  # a digit that is not ASCII
        b"100.0\n0 2 0 1e9\nab0 1 0 100.2\nc",
        b"100.0\n0 2 0 nan\nab",
        b"100.0\n256 2 0 100.1\nab0 1 0 100.2\nc",
        b"\xd9\xa2.0\n0 2 0 100.1\nab0 1 0 100.2\nc",
    ],
)
def test_an_answer_that_is_not_a_batch_is_refused(output: bytes) -> None:
    from ovs_ignite.checking import parse_batch

    assert parse_batch(output, 2) is None


def test_a_batch_is_parsed_with_the_host_clock() -> None:
    from ovs_ignite.checking import parse_batch

    answers = parse_batch(b"100.0\n3 2 1 100.5\nabe0 0 0 100.25\n", 2)
    assert answers == [Answer(3, "ab", "e", 0.5), Answer(0, "", "", 0.0)]


def test_a_host_that_cannot_run_a_batch_is_asked_one_command_at_a_time() -> None:
    """(a /tmp that is full or read-only, a shell that is not sh: the batch's answer is not
    one) The checks are the same, each command run on its own."""

    class NoBatches(FakeHost):
        def run(self, command: str, *args: str) -> Result:
            if command.startswith(BATCH_PRELUDE):
                return Result(97, "", "mktemp: failed to create directory\n")
            return super().run(command, *args)

    host = NoBatches()
    checks = check_host(SPEC, host, batched=True)
    assert [replace(c, seconds=0) for c in checks] == [replace(c, seconds=0) for c in HEALTHY]


def test_a_batched_check_takes_the_time_of_the_commands_it_read() -> None:
    checks = {c.name: c for c in check_host(SPEC, Batching(FakeHost()), batched=True)}
    assert checks["hostname"].seconds == pytest.approx(0.25, abs=0.05)
    assert checks["user core exists"].seconds == pytest.approx(0.25, abs=0.05)


def test_a_host_that_stops_answering_mid_batch_is_unreachable() -> None:
    class Gone(FakeHost):
        def run(self, command: str, *args: str) -> Result:
            if command.startswith(BATCH_PRELUDE):
                raise ConnectionError("the connection was reset")
            return super().run(command, *args)

    with pytest.raises(HostUnreachable, match="the connection was reset"):
        check_host(SPEC, Gone(), batched=True)
