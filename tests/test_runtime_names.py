"""No unit and no host step touches a container other than its own (the name-prefix bug).

podman (and docker) take a name they cannot find as the prefix of a container ID:
`podman rm --force c1` removes whichever container's ID begins with c1, and `inspect c1`
answers for it. A container's name does not exist at every first start, every boot and
every restart. Each test here names spec containers after a prefix of the ID of a running
container, the decoy, so that any step of their units (start, restart, crash, stop) or of
the attach that handed podman a bare name would hit the decoy. The names are hex digits
only, as `c1`, `db`, `cafe` or `42` are.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ovs_ignite import Spec

from .support.images import container_id, httpd_image, podman
from .support.runtime import Stack, more_units, runtime_spec, script_path, stack, verify

pytestmark = [pytest.mark.podman, pytest.mark.ovs, pytest.mark.ignition]

SPEC = """version: 1
ovs:
  image: {ovs_image}
bridges:
  - name: br-names
    datapath: netdev
    address: 10.40.0.1/24
"""


@pytest.fixture(scope="module")
def ovs(conf: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A host running OVS and the bridge br-names; its containers come from more_units."""
    work = tmp_path_factory.mktemp("names")
    with stack(runtime_spec(SPEC, conf, work), work) as host:
        yield host


def _spec(host: Stack, names: list[str], work: Path, first: int) -> Spec:
    """The host's spec with an httpd container for each of names, at 10.40.0.<first> and on
    (each test its own addresses: the host's ARP cache outlives a test's containers)."""
    containers = "".join(
        f"  - name: '{name}'\n    image: {{httpd_image}}\n"
        f"    interfaces: [{{bridge: br-names, address: 10.40.0.{first + i}/24}}]\n"
        for i, name in enumerate(names)
    )
    text = SPEC.replace("{ovs_image}", host.spec.ovs.image) + "containers:\n" + containers
    return runtime_spec(text, host.host.containers_conf, work)


@pytest.fixture
def decoy(ovs: Stack, tmp_path: Path) -> Iterator[str]:
    """A running container that is none of the spec's, with no name of ours; its full ID."""
    conf = ovs.host.containers_conf
    image = httpd_image(conf, tmp_path)
    cid = podman(conf, "run", "--detach", "--network=none", image).stdout.strip()
    yield cid
    podman(conf, "rm", "--force", "--time=0", cid, check=False)


def _name_for(host: Stack, cid: str) -> str:
    """The shortest prefix of ID cid (2 digits at least) that begins no other container's
    ID: podman resolves a missing name that is such a prefix to that container."""
    conf = host.host.containers_conf
    others = [
        other
        for other in podman(conf, "ps", "--all", "--no-trunc", "--quiet").stdout.split()
        if other != cid
    ]
    for length in range(2, len(cid)):
        prefix = cid[:length]
        if not any(other.startswith(prefix) for other in others):
            assert container_id(conf, prefix) == ""
            return prefix
    raise AssertionError(f"no unique prefix of {cid}")


def _status(host: Stack, cid: str) -> str:
    """The state of the container with full ID cid, or "gone"."""
    out = podman(
        host.host.containers_conf, "inspect", "--format", "{{.State.Status}}", cid, check=False
    )
    return out.stdout.strip() or "gone"


def test_container_units_leave_a_container_whose_id_begins_with_their_name_alone(
    ovs: Stack, decoy: str, tmp_path: Path
) -> None:
    name = _name_for(ovs, decoy)
    unit = f"{name}.service"
    with more_units(ovs, _spec(ovs, [name], tmp_path, 10), tmp_path) as host:
        host.start(unit)  # ExecStartPre removes an old container of that name, then runs it
        assert _status(host, decoy) == "running"
        assert host.container_id(name) != decoy
        assert host.http_get("http://10.40.0.10/")[0] == 200

        host.host.restart(unit)  # ExecStop, ExecStopPost, then a start again
        assert _status(host, decoy) == "running"

        podman(host.host.containers_conf, "kill", host.container_id(name))
        assert host.host.wait_main_exit(unit)
        host.host.on_main_exit(unit)  # what Restart=always does after a crash
        assert _status(host, decoy) == "running"
        assert host.http_get("http://10.40.0.10/")[0] == 200

        host.stop(unit)
        assert _status(host, decoy) == "running"
        assert container_id(host.host.containers_conf, name) == ""
        assert not host.attach_ports(name)


def test_container_units_leave_the_ovs_containers_alone(ovs: Stack, tmp_path: Path) -> None:
    daemons = {daemon: ovs.container_id(daemon) for daemon in ("ovsdb-server", "ovs-vswitchd")}
    names = [_name_for(ovs, cid) for cid in daemons.values()]

    def ovs_untouched() -> None:
        assert {d: _status(ovs, cid) for d, cid in daemons.items()} == {
            d: "running" for d in daemons
        }
        assert {d: ovs.container_id(d) for d in daemons} == daemons
        assert ovs.vsctl("br-exists", "br-names") == ""

    with more_units(ovs, _spec(ovs, names, tmp_path, 20), tmp_path) as host:
        for name in names:
            host.start(f"{name}.service")
            ovs_untouched()
        for name in names:
            host.host.restart(f"{name}.service")
            ovs_untouched()
        assert host.http_get("http://10.40.0.21/")[0] == 200
        for name in names:
            host.stop(f"{name}.service")
            ovs_untouched()


def test_attach_of_a_container_that_does_not_run_touches_no_other(
    ovs: Stack, decoy: str, tmp_path: Path
) -> None:
    """Without PID files (docker, a `unit:` container) the attach asks the runtime: it must
    not take the decoy's answer for the container's."""
    name = _name_for(ovs, decoy)
    with more_units(ovs, _spec(ovs, [name], tmp_path, 25), tmp_path) as host:
        result = subprocess.run(
            host.host.netns_argv([script_path(host), "attach", name]),
            env={**host.host.env, "OVS_IGNITE_TIMEOUT": "3"},
            capture_output=True,
            text=True,
            check=False,
        )
        # (loud, then clean: an attach of a container that never came up is moot)
        assert result.returncode == 0
        assert f"container {name} did not start within 3s" in result.stderr
        assert f"{name} does not run (it stopped, or never came up)" in result.stderr
        links = podman(host.host.containers_conf, "exec", decoy, "ip", "-o", "link").stdout
        assert "eth1" not in links
        assert host.attach_ports(name) == []
        # verify, too, must not take the running decoy for the container
        checked = verify(host, tmp_path).stdout.splitlines()
        assert (
            f"FAIL  container {name} running: expected running, found no such container" in checked
        )


def test_attach_waits_for_its_own_container_not_a_decoy(
    ovs: Stack, decoy: str, tmp_path: Path
) -> None:
    """The attach started before its container runs (no PID files) waits for the start of
    the container of that exact name, and attaches that one."""
    conf = ovs.host.containers_conf
    name = _name_for(ovs, decoy)
    with more_units(ovs, _spec(ovs, [name], tmp_path, 30), tmp_path) as host:
        attach = subprocess.Popen(
            host.host.netns_argv([script_path(host), "attach", name]),
            env=host.host.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        image = httpd_image(conf, tmp_path)
        podman(conf, "run", "--detach", "--name", name, "--network=none", image)
        _, stderr = attach.communicate(timeout=90)
        assert attach.returncode == 0, stderr
        assert "eth1" in host.exec(name, "ip", "-o", "link").stdout
        assert "eth1" not in podman(conf, "exec", decoy, "ip", "-o", "link").stdout
        assert host.http_get("http://10.40.0.30/")[0] == 200
        host.host.sh(script_path(host), "detach", name)
