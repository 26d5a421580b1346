"""The units and scripts of the rendered Ignition config, run for real (issue: OVS in
containers and containers on OVS bridges, at every boot).

Each test takes its units from a root the real Ignition binary wrote, runs their Exec lines
as systemd would (tests/support/unitrunner.py) inside a network namespace of its own, with real
podman, real Open vSwitch (an image built from Debian's packages) and real traffic. The
bridges are userspace (netdev): this machine has no openvswitch kernel module.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ovs_ignite import Spec
from ovs_ignite.names import (
    OVSDB_UNIT,
    VSWITCHD_UNIT,
    attach_unit,
    container_data,
    host_interface_name,
)
from ovs_ignite.plan import default_mac

from .support.images import DOCKER, exit_codes_since
from .support.runtime import (
    ENGINE_PARAMS,
    Stack,
    more_units,
    on_engine,
    runtime_spec,
    script_path,
    stack,
    verify,
)
from .support.specs import DATA

pytestmark = [pytest.mark.podman, pytest.mark.ovs, pytest.mark.ignition]

RUNTIME = DATA / "runtime"
# The topologies with OVS stacks of their own are in test_runtime_topologies.py: OVS
# containers have fixed names, so no other stack may run while this module's does.


def _web_spec(text: str, conf: Path, work: Path, engine: str) -> Spec:
    return on_engine(runtime_spec(text, conf, work), engine)


# FCOS with podman, and Flatcar with docker on a real dockerd of the test's own.
@pytest.fixture(scope="module", params=ENGINE_PARAMS)
def web(
    conf: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Stack]:
    """The nginx example's host (busybox httpd in nginx's place), OVS units running."""
    work = tmp_path_factory.mktemp(f"web-{request.param}")
    spec = _web_spec((RUNTIME / "web.yaml").read_text(), conf, work, request.param)
    with stack(spec, work) as host:
        yield host


def _snapshot(host: Stack, container: str) -> dict[str, object]:
    """What attaching may change: the OVS records of the container's ports, its links."""
    ports = host.attach_ports(container)
    columns = "name,type,external_ids,options,ofport,mtu_request,mac"
    return {
        "ports": ports,
        "interfaces": [host.vsctl(f"--columns={columns}", "list", "interface", p) for p in ports],
        "port rows": [
            host.vsctl("--columns=_uuid,name,tag,trunks,interfaces", "list", "port", p)
            for p in ports
        ],
        "links": re.sub(r"\s+", " ", host.exec(container, "ip", "-o", "link").stdout),
        # IPv6 duplicate address detection ends on its own time: not a change of ours.
        "addresses": host.exec(container, "ip", "-o", "addr").stdout.replace(" tentative", ""),
        "routes": host.exec(container, "ip", "route").stdout,
    }


def _eth1(host: Stack, container: str) -> tuple[str, str]:
    """(MAC, IPv4 address) of eth1 in container."""
    link = host.exec(container, "ip", "-o", "link", "show", "eth1").stdout
    addr = host.exec(container, "ip", "-o", "-4", "addr", "show", "eth1").stdout
    mac = re.search(r"link/ether (\S+)", link)
    inet = re.search(r"inet (\S+)", addr)
    assert mac and inet, (link, addr)
    return mac[1], inet[1]


def test_http_reaches_the_attached_container(web: Stack) -> None:
    web.start("web.service")  # wants ovs-attach@web.service, which comes after it
    assert attach_unit("web") in web.host.active
    status, body = web.http_get("http://10.10.0.10/")
    assert status == 200
    assert body == "hello from a container on an ovs-ignite bridge\n"
    host_if = host_interface_name("web", "eth1")
    assert web.ports("br-app") == [host_if]
    ids = web.vsctl("get", "interface", host_if, "external_ids")
    assert "container_id=web" in ids and "container_iface=eth1" in ids
    assert _eth1(web, "web") == (default_mac("web", "eth1"), "10.10.0.10/24")
    assert "default via 10.10.0.1 dev eth1" in web.exec("web", "ip", "route").stdout


def test_attach_twice_changes_nothing(web: Stack) -> None:
    web.start("web.service")
    before = _snapshot(web, "web")
    web.host.sh(script_path(web), "attach", "web")
    assert _snapshot(web, "web") == before


def test_container_restart_is_attached_again_without_stale_ports(web: Stack) -> None:
    web.start("web.service")
    before = _eth1(web, "web")
    old_pid = web.container_pid("web")
    web.host.restart("web.service")  # systemctl restart web: BindsTo= takes the attach along
    assert web.container_pid("web") != old_pid
    assert _eth1(web, "web") == before
    assert web.ports("br-app") == [host_interface_name("web", "eth1")]
    assert web.http_get("http://10.10.0.10/")[0] == 200


@pytest.mark.parametrize("action", [["kill", "web"], ["restart", "web"]])
def test_crash_or_engine_restart_is_attached_again(web: Stack, action: list[str]) -> None:
    web.start("web.service")
    before = _eth1(web, "web")
    done = web.engine(action[0], web.container_id("web"), check=False)
    if done.returncode:
        # The engine may fail its own restart (docker 20.10 did once, with the machine busy
        # booting the test boxes): the container stopped all the same, and the unit must
        # bring it back attached, as on a host. What it said goes into the report.
        assert action[0] == "restart", done.stderr
        print(f"[runtime] {web.engine.name} {action[0]} failed: {done.stderr.strip()}")
    # The unit's main process (podman's conmon, or the foreground `docker run`) ends with
    # the container; Restart=always follows.
    assert web.host.wait_main_exit("web.service")
    web.host.on_main_exit("web.service")
    assert _eth1(web, "web") == before
    assert web.ports("br-app") == [host_interface_name("web", "eth1")]
    assert web.http_get("http://10.10.0.10/")[0] == 200


def test_stop_detaches(web: Stack) -> None:
    web.start("web.service")
    host_if = host_interface_name("web", "eth1")
    web.stop("web.service")
    assert attach_unit("web") not in web.host.active
    assert web.ports("br-app") == []
    assert host_if not in web.host.sh("ip", "-o", "link")
    web.start("web.service")
    assert web.ports("br-app") == [host_if]


def _ovs_docker(web: Stack, tmp_path: Path, *args: str) -> None:
    """ovs-docker (openvswitch-common) with the host's ovs-vsctl, and docker: the test's
    dockerd, or a shim on podman."""
    shim = tmp_path / "bin"
    shim.mkdir(exist_ok=True)
    engine = "podman" if web.engine.name == "podman" else DOCKER
    (shim / "docker").write_text(f'#!/bin/sh\nexec {engine} "$@"\n')
    (shim / "docker").chmod(0o755)
    env = {**web.host.env, "PATH": f"{shim}:{os.environ['PATH']}"}
    subprocess.run(
        web.host.netns_argv(["ovs-docker", *args]),
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )


def test_ovs_docker_and_our_attach_undo_each_other(web: Stack, tmp_path: Path) -> None:
    web.start("web.service")
    web.stop(attach_unit("web"))
    assert web.ports("br-app") == []
    _ovs_docker(web, tmp_path, "add-port", "br-app", "eth2", "web")
    (theirs,) = web.ports("br-app")
    web.host.sh(script_path(web), "detach", "web")  # our detach removes ovs-docker's port
    assert web.ports("br-app") == []
    assert theirs not in web.host.sh("ip", "-o", "link")
    web.start(attach_unit("web"))
    _ovs_docker(web, tmp_path, "del-port", "br-app", "eth1", "web")  # and the reverse
    assert web.ports("br-app") == []
    assert host_interface_name("web", "eth1") not in web.host.sh("ip", "-o", "link")
    web.host.restart("web.service")
    assert web.ports("br-app") == [host_interface_name("web", "eth1")]


def test_vswitchd_restart_keeps_traffic_flowing(web: Stack) -> None:
    web.start("web.service")
    web.host.restart(VSWITCHD_UNIT)  # PartOf= restarts the bridges unit too
    assert web.http_get("http://10.10.0.10/")[0] == 200


def test_ovsdb_restart_keeps_bridges_and_ports(web: Stack) -> None:
    web.start("web.service")
    before = (web.vsctl("list-br"), web.ports("br-app"))
    web.host.restart(OVSDB_UNIT)
    assert (web.vsctl("list-br"), web.ports("br-app")) == before
    assert web.http_get("http://10.10.0.10/")[0] == 200


def test_ovs_daemons_end_on_sigterm_not_on_a_crash(web: Stack) -> None:
    """Under --init an OVS daemon dies of its unit's SIGTERM (143); as PID 1 it could not,
    and its abort() ended on a general protection fault (139)."""
    daemons = ("ovsdb-server", "ovs-vswitchd")
    ids = [web.container_id(daemon) for daemon in daemons]
    since = int(time.time()) - 1
    for daemon in daemons:
        web.host.restart(f"{daemon}.service")
    codes = exit_codes_since(web.engine, since)
    assert [codes.get(i) for i in ids] == ["143", "143"], codes
    assert web.http_get("http://10.10.0.10/")[0] == 200


def test_hostile_values_reaching_the_script_are_never_executed(web: Stack, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    hostile = f"$(touch {marker})"
    script = script_path(web)
    for argv in (
        ["attach", hostile],
        ["detach", f"x;touch {marker}"],
        ["image", hostile],
        ["attach", "../../etc/passwd"],
    ):
        result = web.host.run(script, *argv)
        assert result.returncode != 0
    # A hostile interface line: the script refuses it before any field reaches a command.
    web.start("web.service")
    data = web.host.root / container_data("web").lstrip("/")
    saved = data.read_text()
    (line,) = [n for n, text in enumerate(saved.splitlines()) if text.startswith("interface=")]
    for field, value in ((6, f"10.10.0.10/24;touch${{IFS}}{marker}"), (3, f"`touch {marker}`")):
        lines = saved.splitlines()
        fields = lines[line].split(" ")
        fields[field] = value
        lines[line] = " ".join(fields)
        try:
            data.write_text("\n".join(lines) + "\n")
            result = web.host.run(script, "attach", "web")
            assert result.returncode != 0
            assert f"web.conf:{line + 1}: interface: not a valid value" in result.stderr
        finally:
            data.write_text(saved)
    assert not marker.exists()
    web.host.restart("web.service")
    assert web.http_get("http://10.10.0.10/")[0] == 200


def test_image_is_pulled_only_when_missing(web: Stack) -> None:
    script = script_path(web)
    present = web.host.run(script, "image", web.spec.ovs.image)
    assert present.returncode == 0
    assert present.stderr == ""
    missing = web.host.run(script, "image", "localhost/ovs-ignite-test/absent:1")
    assert missing.returncode != 0  # no registry here: the pull it tries fails
    assert "is not in local storage; pulling it" in missing.stderr


@pytest.mark.parametrize("state", ["missing", "stale"])
def test_attach_trusts_pid_files_only_when_they_match_the_container(web: Stack, state: str) -> None:
    if web.engine.name == "docker":
        pytest.skip("the docker units write no PID files: the attach asks docker inspect")
    web.start("web.service")
    web.stop(attach_unit("web"))
    pid_file = web.host.state_dir / "web.pid"
    real_pid = pid_file.read_text()
    if state == "missing":
        pid_file.unlink()
    else:  # a live process that is not the container: its network must stay untouched
        pid_file.write_text(str(os.getpid()))
    try:
        web.start(attach_unit("web"))
    finally:
        pid_file.write_text(real_pid)
    assert web.container_pid("web") == real_pid
    outside = subprocess.run(["ip", "-o", "link"], capture_output=True, text=True, check=True)
    assert "ovi" not in outside.stdout and "ovc" not in outside.stdout  # nothing went astray
    assert web.http_get("http://10.10.0.10/")[0] == 200


def test_verify_passes_on_the_running_host_and_names_what_is_wrong(
    web: Stack, tmp_path: Path
) -> None:
    web.start("web.service")
    junit = tmp_path / "report.xml"
    ok = verify(web, tmp_path, "--junit", str(junit))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    lines = ok.stdout.splitlines()
    assert "PASS  unit ovs-attach@web.service active" in lines
    assert "PASS  bridge br-app address 10.10.0.1/24" in lines
    assert "PASS  web/eth1 address 10.10.0.10/24" in lines
    assert "PASS  web/eth1 default route via 10.10.0.1" in lines
    data = container_data("web")
    assert f"PASS  file {data} as rendered" in lines  # drift: read from the applied root
    assert "PASS  link /etc/systemd/system/web.service.d/10-ovs-ignite.conf as rendered" in lines
    assert re.fullmatch(r"local://: \d+ passed, 0 failed, 0 skipped", lines[-1])
    assert 'failures="0"' in junit.read_text()
    count = len(_check_lines(lines))

    host_if = host_interface_name("web", "eth1")
    web.vsctl("set", "port", host_if, "tag=99")
    on_host = web.host.root / data.lstrip("/")
    rendered = on_host.read_text()
    on_host.write_text(rendered.replace("interface=", "interface=EDITED", 1))
    try:
        bad = verify(web, tmp_path, "--junit", str(junit))
        as_json = verify(web, tmp_path, "--format", "json")
    finally:
        web.vsctl("clear", "port", host_if, "tag")
        on_host.write_text(rendered)
    assert bad.returncode == 3
    lines = bad.stdout.splitlines()
    assert "FAIL  web/eth1 port tag: expected None, found 99" in lines
    drift = f"FAIL  file {data} as rendered: expected mode 0644 and the rendered contents, "
    assert drift + "found mode 0644 and other contents" in lines
    assert any(line.startswith("      +interface=EDITED") for line in lines)
    assert 'failures="2"' in junit.read_text()
    (report,) = json.loads(as_json.stdout)
    assert as_json.returncode == 3 and report["failed"] == 2
    assert len(report["checks"]) == count  # the same checks

    web.stop("web.service")
    try:
        stopped = verify(web, tmp_path)
    finally:
        web.start("web.service")
    assert stopped.returncode == 3
    lines = stopped.stdout.splitlines()
    assert any(
        line.startswith("FAIL  container web running: expected running, found ") for line in lines
    )
    assert "SKIP  web/eth1 in the container: needs 'container web running', which failed" in lines
    assert len(_check_lines(lines)) == count


def _check_lines(lines: list[str]) -> list[str]:
    """The lines of verify's text report that are checks (not details or the summary)."""
    return [line for line in lines if line[:6] in ("PASS  ", "FAIL  ", "SKIP  ")]


def test_a_container_without_interfaces_starts_alone(web: Stack, tmp_path: Path) -> None:
    """Its unit wants no attach: an attach of it would fail at every boot ("no interface
    list"). The unit runner starts every wanted unit, as systemd does."""
    text = (RUNTIME / "web.yaml").read_text().replace("{ovs_image}", web.spec.ovs.image)
    text += "  - name: sidecar\n    image: '{httpd_image}'\n"
    spec = _web_spec(text, web.host.containers_conf, tmp_path, web.engine.name)
    with more_units(web, spec, tmp_path) as host:
        host.start("sidecar.service")
        assert "sidecar.service" in host.host.active
        assert not any(unit.startswith("ovs-attach@sidecar") for unit in host.host.active)
        assert len(host.exec("sidecar", "ip", "-o", "link").stdout.splitlines()) == 1  # lo
