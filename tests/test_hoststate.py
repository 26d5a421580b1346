"""plan SPEC --hosts (issue 33, item 1, from a live host): what a host has now, read over
verify's transport (local:// here, on a root the real Ignition applied a spec's config to),
compared with a spec. The oracle is plan OLD NEW: for a host that runs OLD, the live plan
of NEW says what the two specs' plan says (the header names differ: no change)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ovs_ignite import load_spec
from ovs_ignite.api import host_changes, render, spec_changes
from ovs_ignite.cli import app

from .support.realparts import apply_ignition
from .test_changes import NGINX

pytestmark = [pytest.mark.ignition]


def _container(name: str, image: str, address: str) -> str:
    return (
        f"  - name: {name}\n    image: {image}\n"
        f"    interfaces: [{{bridge: br-app, address: {address}}}]\n"
    )


DB = _container("db", "docker.io/library/postgres:16", "10.10.0.20/24")
CACHE = _container("cache", "docker.io/library/redis:7", "10.10.0.30/24")


def _host_runs(tmp_path: Path, text: str) -> Path:
    """A root the real Ignition applied the config of spec text (as old.yaml) to."""
    (tmp_path / "old.yaml").write_text(text)
    config = render(load_spec(tmp_path / "old.yaml"), "old.yaml")
    root, _ = apply_ignition(json.loads(config), tmp_path / "ignition")
    return root


def _live(tmp_path: Path, root: Path, new: str) -> object:
    (tmp_path / "new.yaml").write_text(new)
    spec = load_spec(tmp_path / "new.yaml")
    said, answered = host_changes(spec, "new.yaml", ["local://"], {}, str(root))
    assert answered
    (value,) = yaml.safe_load(said).values()
    return value


def _from_specs(tmp_path: Path) -> object:
    (value,) = yaml.safe_load(spec_changes(tmp_path / "old.yaml", tmp_path / "new.yaml")).values()
    return value


def test_a_host_that_runs_the_spec_has_no_change(tmp_path: Path) -> None:
    root = _host_runs(tmp_path, NGINX + DB)
    assert _live(tmp_path, root, NGINX + DB) == {}  # no change


@pytest.mark.parametrize(
    "new",
    [
        # an image, an address, a port on the bridge, a container removed, one added
        NGINX.replace("nginx:1.27", "nginx:1.28")
        .replace("address: 10.10.0.10/24", "address: 10.10.0.11/24")
        .replace("  - name: br-app\n", "  - name: br-app\n    ports: [{name: eth9, vlan: 10}]\n")
        + CACHE,
        # a bridge added, Open_vSwitch settings, the host's address
        NGINX.replace("10.10.0.1/24", "10.10.0.2/24")
        .replace("  system_id: edge-01\n", "  system_id: edge-01\n  other_config: {a: b}\n")
        .replace("bridges:\n", "bridges:\n  - name: br-two\n")
        + DB,
    ],
    ids=["containers", "bridges"],
)
def test_the_live_plan_says_what_the_two_specs_plan_says(tmp_path: Path, new: str) -> None:
    root = _host_runs(tmp_path, NGINX + DB)
    live = _live(tmp_path, root, new)
    assert live == _from_specs(tmp_path) != {}
    assert isinstance(live, dict) and "live" in live


def test_a_bridge_with_an_uplink_that_left_shows_its_uplink_unit_removed(tmp_path: Path) -> None:
    """The uplink's unit is an instance enabled without a file of its own: the host shows
    it only through the bridge's data, which names the uplink."""
    up = NGINX.replace("bridges:\n", "bridges:\n  - {name: br-ex, uplink: ens3, address: dhcp}\n")
    root = _host_runs(tmp_path, up)
    live = _live(tmp_path, root, NGINX)
    assert isinstance(live, dict)
    # (the same changes; in the order each side lists its files: the host's folders first)
    specs = _from_specs(tmp_path)
    assert isinstance(specs, dict)
    assert {how: sorted(said) for how, said in live.items()} == {
        how: sorted(said) for how, said in specs.items()
    }
    assert "file /usr/local/bin/ovs-ignite-uplink.sh: removed" in live["live"]
    assert "unit ovs-ignite-uplink@br-ex.service: removed" in live["live"]


def test_what_was_changed_by_hand_on_the_host_shows(tmp_path: Path) -> None:
    root = _host_runs(tmp_path, NGINX + DB)
    data = root / "etc/ovs-ignite/containers/db.conf"
    data.write_text(data.read_text().replace("10.10.0.20/24", "10.10.0.21/24"))
    (root / "etc/ovs-ignite/containers/ghost.conf").write_text("image=x\n")
    live = _live(tmp_path, root, NGINX + DB)
    assert live == {
        "live": [
            "container db: its interfaces (attached again)",
            "container ghost: removed (stopped)",
        ]
    }


def test_the_command_reads_hosts_and_an_unreachable_one_exits_4(tmp_path: Path) -> None:
    root = _host_runs(tmp_path, NGINX)
    (tmp_path / "new.yaml").write_text(NGINX.replace("nginx:1.27", "nginx:1.28"))
    runner = CliRunner()
    args = ["plan", str(tmp_path / "new.yaml"), "--hosts", "local://", "--root", str(root)]
    ok = runner.invoke(app, args)
    assert ok.exit_code == 0, ok.output
    assert yaml.safe_load(ok.stdout) == {"local://": {"restart": ["container web: its image"]}}
    both = runner.invoke(app, [*args, str(tmp_path / "new.yaml")])
    assert both.exit_code == 1 and "--hosts takes one spec" in both.output
    gone = runner.invoke(app, [*args[:3], "ssh://nobody@127.0.0.1:1"])
    assert gone.exit_code == 4, gone.output
    assert "unreachable" in yaml.safe_load(gone.stdout)["ssh://nobody@127.0.0.1:1"]


def test_odd_names_fifos_links_and_a_flood_of_files_are_never_trusted(tmp_path: Path) -> None:
    """What the host lists is hostile: a name with a line break or a space is skipped, a FIFO
    (which would block a read) and a link are never opened, and a folder of more than
    MAX_LISTED files is refused with the reason."""
    import os

    from ovs_ignite.hoststate import MAX_LISTED

    root = _host_runs(tmp_path, NGINX + DB)
    data = root / "etc/ovs-ignite/containers"
    (data / "two\nlines.conf").write_text("image=x\n")
    (data / "a space.conf").write_text("image=x\n")
    os.mkfifo(data / "fifo.conf")
    (data / "shadow.conf").symlink_to("/etc/shadow")
    # (the link is named, never followed: /etc/shadow is not read; the FIFO is not listed)
    assert _live(tmp_path, root, NGINX + DB) == {
        "live": ["link /etc/ovs-ignite/containers/shadow.conf: removed"]
    }
    flood = root / "etc/ovs-ignite/flood"
    flood.mkdir()
    for i in range(MAX_LISTED + 1):
        (flood / f"f{i}").write_text("")
    said, answered = host_changes(
        load_spec(tmp_path / "new.yaml"), "new.yaml", ["local://"], {}, str(root)
    )
    assert not answered
    assert f"more than {MAX_LISTED}" in yaml.safe_load(said)["local://"]["unreachable"]


def test_files_that_come_to_more_than_the_cap_are_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ovs_ignite import hoststate

    root = _host_runs(tmp_path, NGINX)
    (tmp_path / "new.yaml").write_text(NGINX)
    spec = load_spec(tmp_path / "new.yaml")
    assert host_changes(spec, "new.yaml", ["local://"], {}, str(root))[1]
    monkeypatch.setattr(hoststate, "MAX_READ_BYTES", 4096)
    said, answered = host_changes(spec, "new.yaml", ["local://"], {}, str(root))
    assert not answered
    assert "more than 4096 bytes" in yaml.safe_load(said)["local://"]["unreachable"]


def test_the_running_kernels_arguments_are_read_word_by_word() -> None:
    """An argument of several words (the hugepages') counts as there when each word is on
    /proc/cmdline, in any order (it never did before: apply said a reboot was needed after
    the reboot); one word missing, and it is not."""
    from ovs_ignite.artifacts import HostPlan
    from ovs_ignite.checking import Answer
    from ovs_ignite.hoststate import _cmdline
    from ovs_ignite.plan import build_plan

    class Running:
        root = ""

        def __init__(self, cmdline: str) -> None:
            self.cmdline = cmdline

        def run(self, *argv: str) -> Answer:
            assert argv == ("cat", "/proc/cmdline")
            return Answer(0, self.cmdline, "")

    pages = "default_hugepagesz=2M hugepagesz=2M hugepages=512"
    new = load_spec(Path(__file__).parent.parent / "examples" / "dpdk.yaml")
    plan: HostPlan = build_plan(new, "dpdk.yaml")._replace(kernel_arguments=(pages, "iommu=pt"))
    booted = "BOOT_IMAGE=/vmlinuz iommu=pt hugepages=512 default_hugepagesz=2M hugepagesz=2M\n"
    assert _cmdline(Running(booted), plan) == (pages, "iommu=pt")  # type: ignore[arg-type]
    short = "iommu=pt default_hugepagesz=2M hugepagesz=2M hugepages=5120"
    assert _cmdline(Running(short), plan) == ("iommu=pt",)  # type: ignore[arg-type]
