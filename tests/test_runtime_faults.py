"""Faults that land during an attach or a detach (issue: never report "attached" when it is
not, never leave stale ports).

Each fault lands at an exact step: the host script runs the program named by
OVS_IGNITE_HOOK with the name of each step (``attach-ovs`` before a container's OVS step,
once per interface, ``detach-ovs``), and the test's hook kills an OVS container there, or
changes OVS under the attach, once. What systemd would do next (``Restart=always`` of the OVS unit,
``Restart=on-failure`` of the attach) the test does through the unit runner; the booted box
(test_box.py) shows the same under real systemd.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ovs_ignite.names import BRIDGES_UNIT, VSWITCHD_UNIT, attach_unit, host_interface_name

from .support.images import container_id, exit_codes_since, podman
from .support.runtime import Stack, more_units, runtime_spec, stack
from .support.specs import DATA
from .support.unitrunner import UnitError

pytestmark = [pytest.mark.podman, pytest.mark.ovs, pytest.mark.ignition]

ATTACH = attach_unit("web")
HOST_IF = host_interface_name("web", "eth1")


@pytest.fixture(scope="module")
def web(conf: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    work = tmp_path_factory.mktemp("faults")
    spec = runtime_spec((DATA / "runtime" / "web.yaml").read_text(), conf, work)
    with stack(spec, work) as host:
        yield host


@pytest.fixture(autouse=True)
def healthy_afterwards(web: Stack) -> Iterator[None]:
    """After each test: no hook, and both OVS units running (a failed test may have left
    an OVS container dead), so that one failure does not fail the tests after it."""
    yield
    web.host.extra_env.clear()
    for daemon in ("ovsdb-server", "ovs-vswitchd"):
        unit = f"{daemon}.service"
        if unit not in web.host.active:
            web.start(unit)
        elif web.host.wait_main_exit(unit, timeout=0):
            web.host.on_main_exit(unit)


def _hook(web: Stack, tmp_path: Path, step: str, action: str) -> None:
    """At step (once), run the shell command action: from now on, for every host step."""
    hook = tmp_path / "hook"
    mark = tmp_path / "hook-ran"
    hook.write_text(
        f'#!/bin/sh\n[ "$1" = {step} ] || exit 0\n[ -e {mark} ] && exit 0\ntouch {mark}\n{action}\n'
    )
    hook.chmod(0o755)
    web.host.extra_env["OVS_IGNITE_HOOK"] = str(hook)


def _kill(web: Stack, daemon: str) -> str:
    """A shell command that kills OVS container daemon (a crash) by its full ID."""
    return f"podman kill --signal=KILL {web.container_id(daemon)} >/dev/null"


def _recovers(web: Stack, daemon: str) -> None:
    """What systemd does once the OVS container daemon died: Restart=always."""
    assert web.host.wait_main_exit(f"{daemon}.service")
    web.host.on_main_exit(f"{daemon}.service")


def _attached(web: Stack) -> None:
    assert web.ports("br-app") == [HOST_IF]
    assert web.attach_ports("web") == [HOST_IF]
    assert web.http_get("http://10.10.0.10/")[0] == 200


@pytest.mark.parametrize("daemon", ["ovsdb-server", "ovs-vswitchd"])
def test_ovs_dying_during_an_attach_fails_it_loudly_and_a_retry_attaches(
    web: Stack, tmp_path: Path, daemon: str
) -> None:
    web.start("web.service")
    web.stop(ATTACH)  # web runs on, detached
    _hook(web, tmp_path, "attach-ovs", _kill(web, daemon))
    web.host.stderr.pop(ATTACH, None)
    with pytest.raises(UnitError, match="web/eth1: the OVS port step failed"):
        web.start(ATTACH)
    assert ATTACH not in web.host.active
    # (a failure while the container runs stays one: systemd's retry attaches it)
    assert "does not run (it stopped" not in web.host.stderr.get(ATTACH, "")
    web.host.extra_env.clear()
    _recovers(web, daemon)
    web.start(ATTACH)  # Restart=on-failure: the attach again, once OVS answers
    _attached(web)


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        # a stale port of web/eth1 under the same name, with a tag the spec does not give
        (
            "add-port br-app {port} tag=7 -- set interface {port} type=internal"
            " external_ids:container_id=web external_ids:container_iface=eth1",
            None,
        ),
        # one ovs-docker made for web/eth1
        (
            "add-port br-app 0123456789ab_l -- set interface 0123456789ab_l type=internal"
            " external_ids:container_id=web external_ids:container_iface=eth1",
            None,
        ),
        # a port of that name on another bridge: not ours to move
        ("add-br br-other -- add-port br-other {port}", "web/eth1: the OVS port step failed"),
    ],
)
def test_attach_leaves_the_ports_as_the_spec_says_or_fails_loudly(
    web: Stack, tmp_path: Path, fault: str, error: str | None
) -> None:
    """What is in OVS when the attach's OVS step comes: the attach puts its port as the spec
    says (stale ports of the interface go), or, when it cannot, fails naming it."""
    web.start("web.service")
    web.stop(ATTACH)
    vsctl = f"podman exec {web.container_id('ovs-vswitchd')} ovs-vsctl --no-wait"
    _hook(web, tmp_path, "attach-ovs", f"{vsctl} {fault.format(port=HOST_IF)}")
    if error:
        with pytest.raises(UnitError, match=re.escape(error)):
            web.start(ATTACH)
        web.host.extra_env.clear()
        web.vsctl("del-br", "br-other")
    else:
        web.start(ATTACH)
        web.host.extra_env.clear()
    web.start(ATTACH)  # (again: changes nothing)
    _attached(web)  # the stale port is gone
    assert web.vsctl("get", "port", HOST_IF, "tag").strip() == "[]"


@pytest.mark.parametrize("daemon", ["ovsdb-server", "ovs-vswitchd"])
def test_detach_without_ovs_leaves_a_record_and_the_next_ovs_start_removes_the_ports(
    web: Stack, daemon: str
) -> None:
    web.start("web.service")
    podman(web.host.containers_conf, "kill", "--signal=KILL", web.container_id(daemon))
    assert web.host.wait_main_exit(f"{daemon}.service")
    web.host.stderr.pop(ATTACH, None)
    web.stop("web.service")  # the attach's ExecStop cannot reach OVS
    # (loud, but not a failed unit: the sweep does the detach; issue 26, item 18)
    assert "ovs-ignite: error: detach web: OVS did not answer" in web.host.stderr[ATTACH]
    assert ATTACH not in web.host.failed
    assert web.host.state_dir.joinpath("stale-ports").read_text() == "web\n"
    assert HOST_IF not in web.host.sh("ip", "-o", "link")  # the veth is gone all the same
    _recovers(web, daemon)  # its start sweeps the ports whose veth is gone
    assert web.ports("br-app") == []
    assert not web.host.state_dir.joinpath("stale-ports").exists()
    web.start("web.service")
    _attached(web)


def test_a_container_that_stops_during_its_attach_ends_the_attach_clean(
    web: Stack, tmp_path: Path
) -> None:
    """(issue 26, item 18) The container stops while its attach runs: the attach fails
    loudly, then finds its container gone and ends clean, not a failed unit that stays
    failed once nothing is wrong; the container's next start attaches it again."""
    web.start("web.service")
    web.stop(ATTACH)
    stop = f"podman stop --time=1 {web.container_id('web')} >/dev/null"
    _hook(web, tmp_path, "attach-ovs", stop)
    web.host.stderr.pop(ATTACH, None)
    web.start(ATTACH)  # (no UnitError: it ends clean)
    log = web.host.stderr[ATTACH]
    assert "ovs-ignite: error: web/eth1:" in log, log  # (the failure, loud)
    assert "ovs-ignite: web does not run (it stopped, or never came up)" in log, log
    assert ATTACH not in web.host.failed
    web.host.extra_env.clear()
    web.stop(ATTACH)
    web.stop("web.service")
    web.start("web.service")
    _attached(web)


def test_stop_and_start_of_vswitchd_brings_the_bridges_back(web: Stack) -> None:
    web.start("web.service")
    web.stop(VSWITCHD_UNIT)  # PartOf= takes the bridges unit along
    assert BRIDGES_UNIT not in web.host.active
    web.start(VSWITCHD_UNIT)  # Wants= brings it back
    assert BRIDGES_UNIT in web.host.active
    _attached(web)


@pytest.mark.parametrize(("init", "code"), [(True, "143"), (False, "137")])
def test_a_container_that_ignores_sigterm_stops_cleanly_under_init(
    web: Stack, tmp_path: Path, init: bool, code: str
) -> None:
    """`sleep` as PID 1 of its container ignores the stop's SIGTERM and is killed at the
    stop timeout (137, a failed unit); under --init it dies of the signal (143, a success)."""
    text = (DATA / "runtime" / "web.yaml").read_text().replace("{ovs_image}", web.spec.ovs.image)
    text += (
        f"  - name: stubborn\n    image: '{{httpd_image}}'\n    command: [sleep, '1000']\n"
        f"    init: {str(init).lower()}\n"
    )
    spec = runtime_spec(text, web.host.containers_conf, tmp_path)
    with more_units(web, spec, tmp_path) as host:
        host.start("stubborn.service")
        cid = host.container_id("stubborn")
        since = int(time.time()) - 1
        host.stop("stubborn.service")
        codes = exit_codes_since(web.host.containers_conf, since)
        assert codes.get(cid) == code, codes
        assert "stubborn.service" not in host.host.failed
        assert container_id(web.host.containers_conf, "stubborn") == ""
