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

from ovs_ignite import load_spec, names
from ovs_ignite.applying import refused
from ovs_ignite.artifacts import HostPlan
from ovs_ignite.changes import plan_changes
from ovs_ignite.cli import app
from ovs_ignite.plan import build_plan
from ovs_ignite.reconcile import actions, bundle, deferred, digest, kernel_words, manifest

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


DPDK = NGINX.replace("bridges:\n", "dpdk:\n  hugepages: {size: 2M, count: 512}\nbridges:\n")


def test_kernel_arguments_are_made_for_the_next_boot_users_and_the_os_refused(
    tmp_path: Path,
) -> None:
    a, b = _plans(tmp_path, NGINX, DPDK)
    assert refused(plan_changes(a, b)) == []
    assert "reboot" in {c.how for c in plan_changes(a, b)}
    assert actions(a, b)[-1] == "kargs fcos" and "kargs-undo fcos" not in actions(a, b)
    assert actions(b, a)[-1] == "kargs-undo fcos" and "kargs fcos" not in actions(b, a)
    words = kernel_words(a, b)
    assert words == " ".join(b.kernel_arguments).split() and "hugepages=512" in words
    assert kernel_words(b, b) == []
    # (a word the host side would refuse is never sent)
    for word in ["x=1;reboot", "a\u2028b", "$(id)", "x" * 300]:
        with pytest.raises(ValueError, match="kernel argument"):
            kernel_words(a, b._replace(kernel_arguments=(f"iommu=pt {word}",)))
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

    def begin(
        self, tmp_path: Path, old: str, new: str, timeout: str = "60", ovs: bool = True
    ) -> str:
        """Begin the change from old to new (without ovs: leaving out the bridges'
        transactions, which need OVS; tests/test_runtime_apply.py runs them)."""
        a, b = _plans(tmp_path, old, new)
        forward, backward = actions(a, b), actions(b, a)
        if not ovs:
            forward, backward = ([x for x in f if x != "bridges"] for f in (forward, backward))
        data = bundle(a, b, forward, backward, names.SCRIPT[b.os])
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
    assert again.stdout == "1 rolled-back\n"  # (apply tells its timer came first by it)


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
        ("forward", "install\nkargs windows\n", "not an OS"),
        ("kargs", "iommu=pt\nx;reboot\n", "not a kernel argument"),
        ("kargs", 'a"b\n', "not a kernel argument"),
        ("kargs", "$linux_append\n", "not a kernel argument"),
    ],
)
def test_a_bundle_that_is_not_the_render_is_refused(
    tmp_path: Path, member: str, text: str, said: str
) -> None:
    import io
    import tarfile

    host = Host(tmp_path)
    members = {"manifest": "", "forward": "install\n", "backward": "install\n", "script": "/x"}
    if member == "kargs":
        members["forward"] = "install\nkargs flatcar\n"
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
    # A command that wrote a lot before its session died: ssh's own words are the end.
    Result.stderr = "apply: step\n" * 100 + "Timeout, server box not responding.\r\n"
    said = transport_error(RuntimeError(Result()))
    assert said.startswith("RuntimeError: ssh: ...") and len(said) < 330
    assert said.endswith("Timeout, server box not responding."), said


class _Side:
    """A host side whose rollback answers as the host script does."""

    def __init__(self, answer: tuple[int, str, str]) -> None:
        self.answer = answer
        self.asked: list[tuple[str, ...]] = []

    def apply(self, *args: str) -> tuple[int, str, str]:
        self.asked.append(args)
        return self.answer


def test_a_rollback_its_timer_made_first_is_not_blamed_on_the_checks() -> None:
    """(the box, in CI: the change cut ssh off, the timer undid it, the checks then saw
    the host as it had been) apply says the timer undid it, not which checks failed."""
    from ovs_ignite.applying import Applied, _undo
    from ovs_ignite.checking import Check

    failed = [Check("bridge br-ex address 10.0.2.99/24", "fail", "found 10.0.2.15/24")]
    for answer, outcome, kept in [
        ((0, "2\n", ""), "rolled back: verify failed", failed),
        ((0, "2 rolled-back\n", "left"), "rolled back by its timer", []),
        ((1, "", "error: locked\n"), "rollback failed (error: locked); its timer", failed),
    ]:
        side = _Side(answer)
        done = Applied("ssh://box", generation=2, failed=list(failed))
        _undo(side, done, "verify failed")  # type: ignore[arg-type]
        assert side.asked == [("rollback", "2")]
        assert done.status == 3 and done.outcome.startswith(outcome), done.outcome
        assert done.failed == kept


def test_a_host_that_stops_answering_mid_command_is_given_up_in_bounded_time() -> None:
    from ovs_ignite.verify import testinfra_options

    extra = str(testinfra_options()["ssh_extra_args"])
    assert "-o ServerAliveInterval=10 -o ServerAliveCountMax=3" in extra


FLATCAR = NGINX.replace("os: fcos ", "os: flatcar")
GRUB = 'set oem_id="qemu"\nset linux_append="flatcar.autologin iommu=pt"'  # (no last newline)


def test_flatcar_kernel_arguments_go_to_the_oem_grub_config_and_come_back_out(
    tmp_path: Path,
) -> None:
    host = Host(tmp_path)
    _write_plan(host, tmp_path, FLATCAR)
    grub = host.root / "oem" / "grub.cfg"
    grub.parent.mkdir()
    grub.write_text(GRUB)
    before = host.files()
    dpdk = FLATCAR.replace("bridges:\n", "dpdk:\n  hugepages: {size: 2M, count: 512}\nbridges:\n")
    _, b = _plans(tmp_path, FLATCAR, dpdk)
    words = " ".join(b.kernel_arguments).split()
    assert "iommu=pt" in words  # (there already: not written again)
    assert host.begin(tmp_path, FLATCAR, dpdk, ovs=False) == "1"
    new = " ".join(w for w in words if w != "iommu=pt")
    assert grub.read_text() == f'{GRUB}\nset linux_append="$linux_append {new}"\n'
    # Undone: the GRUB config byte for byte as it was.
    assert host.run("rollback", "1").returncode == 0
    assert host.files() == before
    # Kept, then a second change whose words the next boot has already (no reboot since):
    # nothing written, and its rollback leaves the first's line.
    assert host.begin(tmp_path, FLATCAR, dpdk, ovs=False) == "2"
    assert host.run("commit", "2").returncode == 0
    written = grub.read_bytes()
    assert host.begin(tmp_path, FLATCAR, dpdk + API, ovs=False) == "3"
    assert grub.read_bytes() == written
    assert host.run("rollback", "3").returncode == 0
    assert grub.read_bytes() == written
    # No GRUB config of its own yet (the generic image): made, and removed again.
    assert host.run("rollback").stdout == "2\n"
    grub.unlink()
    assert host.begin(tmp_path, FLATCAR, dpdk, ovs=False) == "4"
    assert grub.read_text() == f'set linux_append="$linux_append {" ".join(words)}"\n'
    assert host.run("rollback", "4").returncode == 0 and not grub.exists()


def test_fcos_kernel_arguments_go_through_rpm_ostree_and_come_back_out(tmp_path: Path) -> None:
    host = Host(tmp_path)
    (host.bin / "rpm-ostree").write_text(
        f'#!/bin/sh\necho "rpm-ostree $*" >>{host.calls}\n'
        '[ "$*" != kargs ] || echo "rw rhgb iommu=pt"\n'
    )
    (host.bin / "rpm-ostree").chmod(0o755)
    _write_plan(host, tmp_path, NGINX)
    assert host.begin(tmp_path, NGINX, DPDK, ovs=False) == "1"
    _, b = _plans(tmp_path, NGINX, DPDK)
    new = [w for w in " ".join(b.kernel_arguments).split() if w != "iommu=pt"]
    calls = host.calls.read_text().splitlines()
    added = "rpm-ostree kargs " + " ".join(f"--append={w}" for w in new)
    assert added in calls
    assert host.run("rollback", "1").returncode == 0
    calls = host.calls.read_text().splitlines()
    assert "rpm-ostree kargs " + " ".join(f"--delete-if-present={w}" for w in new) in calls
    # rpm-ostree failing (a live PXE system, say): the reconcile fails, and says so.
    (host.bin / "rpm-ostree").write_text(
        "#!/bin/sh\necho 'error: not on a live system' >&2\nexit 1\n"
    )
    with pytest.raises(AssertionError, match="error: kargs fcos failed"):
        host.begin(tmp_path, NGINX, DPDK, ovs=False)


def test_reboot_waits_for_a_new_boot_and_verifies_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """apply --reboot on a host that answers: the old boot ID, then no answer, then the new
    one; every check counts after the reboot."""
    from ovs_ignite import applying
    from ovs_ignite.checking import Answer, Check
    from ovs_ignite.errors import HostUnreachable

    class Booting:
        def __init__(self, answers: list[str | None]) -> None:
            self.answers, self.asked = answers, []  # type: list[str | None], list[tuple[str, ...]]

        def run(self, *argv: str) -> Answer:
            self.asked.append(argv)
            if argv[0] == "systemctl":
                raise HostUnreachable("the session died with the host")
            said = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
            if said is None:
                raise HostUnreachable("no route")
            return Answer(0, said, "")

    failing = [Check("kernel argument iommu=pt", "fail", "on the command line", "not")]
    for checks, status, outcome in [
        ([], 0, "kept; rebooted"),
        (failing, 3, "kept; rebooted: checks fail after the reboot (apply --rollback undoes"),
    ]:
        monkeypatch.setattr(applying, "_checks", lambda spec, host, found=checks: found)
        host = Booting(["one\n", "one\n", None, None, "two\n"])
        done = applying.Applied(
            "ssh://h", outcome="kept", still_failing=["kernel argument iommu=pt"]
        )
        pauses: list[float] = []
        applying.reboot_and_verify(None, host, done, wait=60, pause=pauses.append)  # type: ignore[arg-type]
        assert ("systemctl", "reboot") in host.asked
        assert len(pauses) == 3 and done.still_failing == []
        assert (done.status, done.failed) == (status, checks)
        assert done.outcome.startswith(outcome), done.outcome
    never = Booting(["one\n"])
    done = applying.Applied("ssh://h", outcome="kept")
    applying.reboot_and_verify(None, never, done, wait=0, pause=lambda _: None)  # type: ignore[arg-type]
    assert done.status == 4 and "no answer within 0 s" in done.outcome


def test_reboot_goes_only_with_a_change_apply_keeps_on_a_running_host(tmp_path: Path) -> None:
    runner = CliRunner()
    spec = str(tmp_path / "s.yaml")
    (tmp_path / "s.yaml").write_text(NGINX)
    for args in [
        [spec, "--confirm"],
        ["--commit"],
        ["--rollback"],
        [spec, "--root", str(tmp_path)],
    ]:
        result = runner.invoke(app, ["apply", "--hosts", "local://", "--reboot", *args])
        assert result.exit_code == 2 and "--reboot" in result.output, (args, result.output)


def test_a_change_pending_when_the_host_went_down_is_armed_again_at_boot(
    tmp_path: Path,
) -> None:
    """A transient timer does not outlive a reboot: the unit the host side enables while a
    change is pending arms its rollback again at boot, with the change's timeout."""
    host = Host(tmp_path)
    _write_plan(host, tmp_path, NGINX)
    assert host.begin(tmp_path, NGINX, NGINX + API, timeout="45") == "1"
    units = host.root / "etc/systemd/system"
    unit = units / "ovs-ignite-apply-boot.service"
    link = units / "multi-user.target.wants" / unit.name
    assert link.is_symlink() and str(link.readlink()) == f"../{unit.name}"
    lines = unit.read_text().splitlines()
    assert "WantedBy=multi-user.target" in lines and "Type=oneshot" in lines
    # The boot runs the unit's line with its environment, as systemd would.
    (setting,) = [line for line in lines if line.startswith("Environment=")]
    (command,) = [line for line in lines if line.startswith("ExecStart=")]
    env = dict(word.split("=", 1) for word in setting.removeprefix("Environment=").split(" "))
    assert env == {"OVS_IGNITE_ROOT": str(host.root), "OVS_IGNITE_STATE_DIR": str(host.state)}
    host.calls.write_text("")
    booted = subprocess.run(
        command.removeprefix("ExecStart=").split(" "),
        env={**os.environ, "PATH": f"{host.bin}:{os.environ['PATH']}", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert booted.returncode == 0 and "its rollback armed again" in booted.stderr
    armed = "systemd-run --quiet --unit=ovs-ignite-rollback-1-3 --on-active=45s"
    assert armed in host.calls.read_text()
    # Kept: the unit goes; a boot with nothing pending arms nothing.
    assert host.run("commit", "1").returncode == 0
    assert not unit.exists() and not link.is_symlink()
    host.calls.write_text("")
    assert host.run("boot").returncode == 0 and "systemd-run" not in host.calls.read_text()
    # Undone: the unit goes too.
    assert host.begin(tmp_path, NGINX + API, NGINX) == "2" and unit.exists()
    assert host.run("rollback", "2").returncode == 0 and not unit.exists()
    # A root whose name the unit could not hold as it is gets none (and says so).
    (tmp_path / "odd %n dir").mkdir()
    odd = Host(tmp_path / "odd %n dir")
    _write_plan(odd, tmp_path, NGINX)
    assert odd.begin(tmp_path, NGINX, NGINX + API) == "1"
    assert not (odd.root / "etc/systemd/system" / unit.name).exists()
