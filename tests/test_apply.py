"""ovs-ignite apply's parts that need no OVS (issue 33, items 2 and 4): the reconcile
computed from two renders, and the host side (units/ovs-ignite-apply) run for real on a
folder standing in for the host's /, with systemctl and systemd-run that note what they
were asked (no systemd runs here; tests/test_runtime_apply.py has the units run for real).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ovs_ignite import load_spec
from ovs_ignite.applying import refused
from ovs_ignite.artifacts import HostPlan
from ovs_ignite.changes import plan_changes
from ovs_ignite.cli import app
from ovs_ignite.plan import build_plan
from ovs_ignite.reconcile import actions, bundle, deferred, digest, manifest

from .support.specs import ROOT

NGINX = (ROOT / "examples" / "nginx.yaml").read_text()
APPLY = ROOT / "units" / "ovs-ignite-apply"


def _plans(tmp_path: Path, old: str, new: str) -> tuple[HostPlan, HostPlan]:
    (tmp_path / "old.yaml").write_text(old)
    (tmp_path / "new.yaml").write_text(new)
    a = build_plan(load_spec(tmp_path / "old.yaml"), "s.yaml")
    b = build_plan(load_spec(tmp_path / "new.yaml"), "s.yaml")
    return a, b


def _actions(tmp_path: Path, old: str, new: str) -> list[str]:
    a, b = _plans(tmp_path, old, new)
    return actions(a, b)


API = """  - name: api
    image: docker.io/library/nginx:1.27
    interfaces:
      - {bridge: br-app, name: eth1, address: 10.10.0.12/24}
"""


def test_the_same_spec_needs_no_action_but_a_reload(tmp_path: Path) -> None:
    assert _actions(tmp_path, NGINX, NGINX) == ["install", "reload"]


def test_each_change_gets_its_reconcile_in_order(tmp_path: Path) -> None:
    # A container added, a port added, web's address changed: api started, the bridges run
    # again, only web's attach restarted.
    new = NGINX.replace("10.10.0.10/24", "10.10.0.11/24").replace(
        "    mtu: 1500\n", "    mtu: 1500\n    ports: [{name: eth9, vlan: 10}]\n"
    )
    got = _actions(tmp_path, NGINX, new + API)
    assert got == [
        "install",
        "reload",
        "enable api.service",
        "enable ovs-attach@api.service",
        "bridges",
        "restart ovs-attach@web.service",
        "start api.service",
    ]
    # Backward: api and its attach stopped before the files change, the port removed.
    assert _actions(tmp_path, new + API, NGINX) == [
        "stop ovs-attach@api.service",
        "disable ovs-attach@api.service",
        "stop api.service",
        "disable api.service",
        "install",
        "reload",
        "del-port br-app eth9",
        "bridges",
        "restart ovs-attach@web.service",
    ]


def test_an_image_restarts_the_container_and_a_bridge_that_left_is_deleted(
    tmp_path: Path,
) -> None:
    two = NGINX.replace("containers:\n", "  - name: br-two\n    mtu: 1500\ncontainers:\n")
    got = _actions(tmp_path, two, NGINX.replace("nginx:1.27", "nginx:1.28"))
    assert "restart web.service" in got and "restart ovs-attach@web.service" not in got
    assert "del-br br-two" in got
    # OVS's image: both OVS units restarted, then the bridges.
    image = NGINX.replace("openvswitch:3.1", "openvswitch:3.2")
    got = _actions(tmp_path, NGINX, image)
    assert got[got.index("restart ovsdb-server.service") :][:3] == [
        "restart ovsdb-server.service",
        "restart ovs-vswitchd.service",
        "bridges",
    ]


def test_an_uplink_is_moved_again_only_when_its_own_data_changes(tmp_path: Path) -> None:
    up = NGINX.replace(
        "    mtu: 1500\n", "    mtu: 1500\n  - {name: br-ex, uplink: ens3, address: dhcp}\n"
    )
    # The bridge with its uplink came: its uplink unit enabled and started after the bridges.
    got = _actions(tmp_path, NGINX, up)
    assert got[-3:] == [
        "enable ovs-ignite-uplink@br-ex.service",
        "bridges",
        "start ovs-ignite-uplink@br-ex.service",
    ]
    # OVS's unit (its uplink sweep) and the containers' shared body changed with it: written,
    # and said to take effect at their next restart, not restarted under the traffic.
    a, b = _plans(tmp_path, NGINX, up)
    assert deferred(a, b, got) == [
        "ovs-vswitchd.service",
        "every container's unit (their shared body)",
    ]
    # A port more on it: the bridges' transaction only (no move of the NIC).
    more = up.replace("address: dhcp}", "address: dhcp, ports: [{name: p1, type: internal}]}")
    assert _actions(tmp_path, up, more) == ["install", "reload", "bridges"]
    # Its address: the uplink moved again.
    static = up.replace("address: dhcp", "address: 10.0.2.15/24")
    got = _actions(tmp_path, up, static)
    assert got[-2:] == ["bridges", "restart ovs-ignite-uplink@br-ex.service"], got


def test_kernel_arguments_users_and_the_os_are_refused(tmp_path: Path) -> None:
    dpdk = NGINX.replace("bridges:\n", "dpdk:\n  hugepages: {size: 2M, count: 512}\nbridges:\n")
    a, b = _plans(tmp_path, NGINX, dpdk)
    said = refused(plan_changes(a, b))
    assert [c.what for c in said] == ["kernel arguments"]
    a, b = _plans(tmp_path, NGINX, NGINX.replace("name: core", "name: ops"))
    assert {c.how for c in refused(plan_changes(a, b))} == {"reprovision"}


# -- the host side ----------------------------------------------------------------------------


class Host:
    """A folder standing in for a host's /, with the apply script's systemctl and
    systemd-run noting each call in calls (one a line)."""

    def __init__(self, tmp_path: Path) -> None:
        self.root = tmp_path / "root"
        self.state = tmp_path / "run"
        self.bin = tmp_path / "bin"
        self.calls = tmp_path / "calls"
        self.bin.mkdir()
        for name in ("systemctl", "systemd-run"):
            (self.bin / name).write_text(
                f'#!/bin/sh\necho "{name} $*" >>{self.calls}\n'
                '[ "$1" != is-system-running ] || echo running\n'
            )
            (self.bin / name).chmod(0o755)
        self.calls.write_text("")

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "PATH": f"{self.bin}:{os.environ['PATH']}",
            "OVS_IGNITE_ROOT": str(self.root),
            "OVS_IGNITE_STATE_DIR": str(self.state),
        }
        return subprocess.run(
            ["bash", str(APPLY), *args], env=env, capture_output=True, text=True, check=False
        )

    def begin(self, tmp_path: Path, old: str, new: str, timeout: str = "60") -> str:
        a, b = _plans(tmp_path, old, new)
        data = bundle(a, b, actions(a, b), actions(b, a), "/usr/local/bin/ovs-ignite-host")
        (tmp_path / "bundle.tgz").write_bytes(data)
        done = self.run("begin", str(tmp_path / "bundle.tgz"), digest(data), timeout)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def files(self) -> dict[str, tuple[int, bytes]]:
        found = {}
        for path in sorted(self.root.rglob("*")):
            if "var/lib/ovs-ignite" in str(path):
                continue
            if path.is_symlink():
                found[str(path)] = (0, str(path.readlink()).encode())
            elif path.is_file():
                found[str(path)] = (path.stat().st_mode, path.read_bytes())
        return found


def _write_plan(host: Host, tmp_path: Path, text: str) -> None:
    """Put the render of text under the host's root, as Ignition would."""
    (tmp_path / "first.yaml").write_text(text)
    plan = build_plan(load_spec(tmp_path / "first.yaml"), "s.yaml")
    lines, payloads = manifest(plan._replace(files=(), units=(), links=()), plan)
    for line, data in zip(lines, payloads, strict=True):
        verb, _, rest = line.partition(" ")
        mode, _, path = rest.partition(" ") if verb == "write" else ("", "", rest)
        target = host.root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        if verb == "link":
            target.symlink_to(data.decode())
        else:
            target.write_bytes(data)
            target.chmod(int(mode, 8))


def test_begin_writes_the_render_and_rollback_puts_back_every_byte(tmp_path: Path) -> None:
    host = Host(tmp_path)
    _write_plan(host, tmp_path, NGINX)
    (host.root / "etc/ovs-ignite/containers/web.conf").chmod(0o600)  # (a hand edit's mode)
    before = host.files()
    new = NGINX.replace("10.10.0.10/24", "10.10.0.11/24") + API
    assert host.begin(tmp_path, NGINX, new) == "1"
    _, b = _plans(tmp_path, NGINX, new)
    after = host.files()
    api = host.root / "etc/ovs-ignite/containers/api.conf"
    assert api.read_bytes() == next(
        f.contents.encode() for f in b.files if f.path.endswith("api.conf")
    )
    assert after != before
    calls = host.calls.read_text()
    assert "systemd-run --quiet --unit=ovs-ignite-rollback-1-1 --on-active=60s" in calls
    assert "/var/lib/ovs-ignite/ovs-ignite-apply rollback 1" in calls
    assert "systemctl start -- api.service" in calls
    # The rollback timer fires: everything as it was, the mode of the hand edit too.
    assert host.run("status").stdout == "pending 1\n"
    undone = host.run("rollback", "1")
    assert undone.returncode == 0, undone.stderr
    assert host.files() == before
    assert host.run("status").stdout == "none\n"
    # A rollback of a generation no longer pending does nothing.
    again = host.run("rollback", "1")
    assert again.returncode == 0 and "rolled-back: left" in again.stderr


def test_one_apply_at_a_time_commit_and_rollback_of_the_newest_kept(tmp_path: Path) -> None:
    host = Host(tmp_path)
    _write_plan(host, tmp_path, NGINX)
    v1 = host.files()
    v2_text = NGINX + API
    assert host.begin(tmp_path, NGINX, v2_text) == "1"
    # Pending: the next begin is refused, whatever it brings.
    (tmp_path / "x.tgz").write_bytes(b"x")
    refused_begin = host.run("begin", str(tmp_path / "x.tgz"), digest(b"x"), "60")
    assert refused_begin.returncode == 1
    assert "generation 1 is pending" in refused_begin.stderr
    assert host.run("commit", "1").returncode == 0
    assert "systemctl stop -- ovs-ignite-rollback-1-2.timer" in host.calls.read_text()
    v2 = host.files()
    assert host.begin(tmp_path, v2_text, v2_text.replace("nginx:1.27", "nginx:1.28")) == "2"
    assert host.run("commit", "2").returncode == 0
    assert host.run("status").stdout == "kept 2\n"
    # --rollback: the newest kept, then the one before it.
    assert host.run("rollback").stdout == "2\n"
    assert host.files() == v2
    assert host.run("rollback").stdout == "1\n"
    assert host.files() == v1
    last = host.run("rollback")
    assert last.returncode == 1 and "no generation to roll back" in last.stderr


@pytest.mark.parametrize(
    ("member", "text", "said"),
    [
        ("manifest", "write 0644 /etc/../../x\n", "not a path apply writes"),
        ("manifest", "write 0644 relative\n", "not a path apply writes"),
        ("manifest", "write 0644 /etc/a\x1bb\n", "not a path apply writes"),
        ("manifest", "write 9999 /etc/x\n", "not a mode"),
        ("manifest", "chmod 0644 /etc/x\n", "not a manifest line"),
        ("forward", "install\nstart $(reboot).service\n", "not a name"),
        ("forward", "install\nreboot now\n", "not an action"),
    ],
)
def test_a_bundle_that_is_not_the_render_is_refused(
    tmp_path: Path, member: str, text: str, said: str
) -> None:
    import io
    import tarfile

    host = Host(tmp_path)
    members = {"manifest": "", "forward": "install\n", "backward": "install\n", "script": "/x"}
    members[member] = text
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, body in {**members, "files/0": ""}.items():
            info = tarfile.TarInfo(name)
            info.size = len(body.encode())
            tar.addfile(info, io.BytesIO(body.encode()))
    data = out.getvalue()
    (tmp_path / "b.tgz").write_bytes(data)
    done = host.run("begin", str(tmp_path / "b.tgz"), digest(data), "60")
    assert done.returncode == 1 and said in done.stderr, done.stderr
    assert not (tmp_path / "x").exists() and not (host.root / "x").exists()
    bad_sum = host.run("begin", str(tmp_path / "b.tgz"), "0" * 64, "60")
    assert bad_sum.returncode == 1 and "is not what was sent" in bad_sum.stderr


def test_the_command_needs_hosts_and_one_of_spec_commit_rollback(tmp_path: Path) -> None:
    runner = CliRunner()
    (tmp_path / "s.yaml").write_text(NGINX)
    for args, said in [
        (["apply", str(tmp_path / "s.yaml")], "--hosts"),
        (["apply", "--hosts", "local://"], "give SPEC, or --commit or --rollback"),
        (["apply", "--hosts", "local://", "--commit", "--rollback"], "not both"),
        (["apply", str(tmp_path / "s.yaml"), "--hosts", "local://", "--commit"], "give SPEC"),
    ]:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert said in result.output


def test_what_a_host_says_is_never_trusted_as_a_number_or_a_line() -> None:
    from ovs_ignite.applying import Applied, _generation, report
    from ovs_ignite.changes import Change

    assert _generation("12\nrest") == 12
    for said in ["²", "1e3", "-1", "", "1234567890", " 7x", "٣"]:
        assert _generation(said) is None, said
    text = report(
        [
            Applied(
                "ssh://h\u2028x",
                [Change("live", "bridge br\u0085x", "added")],
                generation=3,
                outcome="rolled back: \n$(reboot)\u2029",
            )
        ]
    )
    assert text.isascii() and len(text.splitlines()) == 5, text
    assert '  outcome: "rolled back: \\n$(reboot)\\u2029"' in text


def test_a_dead_ssh_connection_is_said_in_ssh_words() -> None:
    from ovs_ignite.checking import transport_error

    class Result:
        rc = 255
        stderr = "Connection timed out\r\nduring banner exchange\r\n"

    said = transport_error(RuntimeError(Result()))
    assert said == "RuntimeError: ssh: Connection timed out during banner exchange"
    assert transport_error(OSError("no route")) == "OSError: no route"
