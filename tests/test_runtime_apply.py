"""ovs-ignite apply on a running host (issue 33: day-2 changes with a plan, a verify and a
rollback), through local:// on the runtime tests' host: real Ignition wrote the first
root, real podman (or docker) and userspace OVS run it, real HTTP goes through the bridges.

No systemd runs here: the host side's systemctl and systemd-run are answered by the tests'
unit runner (tests/support/systemd_shim.py), which runs the units' Exec lines as systemd
would; the rollback timer fires when the test says so (the one stand-in for a clock).

One host goes through the changes in order: v2 adds a container, a tagged port (a VLAN)
and changes the web container's address; v3 moves web to another bridge and removes the
container and the port again; v4 breaks an expectation that held, and is rolled back byte
for byte and state for state; then --rollback, --confirm with the timer (and with a reboot
while pending: the boot's unit arms it again), the lock.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ovs_ignite import Spec
from ovs_ignite.names import attach_unit, host_interface_name
from ovs_ignite.specschema import document

from .support.runtime import ENGINE_PARAMS, Stack, on_engine, runtime_spec, stack
from .support.specs import DATA
from .support.systemd_shim import SystemdShim

pytestmark = [pytest.mark.podman, pytest.mark.ovs, pytest.mark.ignition]

BASE = (DATA / "runtime" / "web.yaml").read_text()
API = """  - name: api
    image: {httpd_image}
    interfaces:
      - bridge: br-app
        name: eth1
        address: 10.10.0.12/24
"""
# v2: a container more (api), a port tagged VLAN 10 on br-app, web's address changed.
V2 = (
    BASE.replace("10.10.0.10/24", "10.10.0.11/24").replace(
        "    mtu: 1500\n",
        "    mtu: 1500\n    ports:\n      - {name: trunk0, type: internal, vlan: 10}\n",
    )
    + API
)
BR_TWO = """  - name: br-two
    datapath: netdev
    address: 10.20.0.1/24
"""
# v3: web moved onto a new bridge br-two; api and the tagged port gone; an expectation.
V3 = (
    BASE.replace("containers:\n", BR_TWO + "containers:\n")
    .replace("bridge: br-app\n        name: eth1", "bridge: br-two\n        name: eth1")
    .replace("10.10.0.10/24", "10.20.0.10/24")
    .replace("gateway: 10.10.0.1", "gateway: 10.20.0.1")
    + "expect:\n  - {from: web, to: 10.20.0.1, reach: true}\n"
)
# v4: web on an address from which br-two's host address is out of reach: the expectation
# that held breaks.
V4 = V3.replace("10.20.0.10/24", "10.30.0.10/24").replace("        gateway: 10.20.0.1\n", "")


@pytest.fixture(scope="module", params=ENGINE_PARAMS)
def host(
    conf: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Stack]:
    work = tmp_path_factory.mktemp(f"apply-{request.param}")
    spec = on_engine(runtime_spec(BASE, conf, work), request.param)
    with stack(spec, work) as running:
        running.start("web.service")
        yield running


def _spec(host: Stack, text: str, conf: Path, work: Path) -> Spec:
    engine = "docker" if host.spec.runtime == "docker" else "podman"
    return on_engine(runtime_spec(text, conf, work), engine)


def _apply(
    host: Stack, shim: SystemdShim, work: Path, spec: Spec | None, *extra: str
) -> subprocess.CompletedProcess[str]:
    """ovs-ignite apply [spec] --hosts local:// --root ROOT extra..., in the host's network
    namespace with the shim's systemctl."""
    args = []
    if spec is not None:
        path = work / "spec.yaml"
        path.write_text(json.dumps(document(spec)))
        args.append(str(path))
    argv = [sys.executable, "-m", "ovs_ignite", "apply", *args, "--hosts", "local://"]
    argv += ["--root", str(host.host.root), *extra]
    return subprocess.run(
        host.host.netns_argv(argv),
        env=shim.env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def _files(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file and link under root but apply's own folder: mode and bytes (a link's
    target)."""
    found = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if Path(folder, d) != root / "var/lib/ovs-ignite"]
        for name in files + [d for d in dirs if Path(folder, d).is_symlink()]:
            path = Path(folder, name)
            if path.is_symlink():
                found[str(path.relative_to(root))] = (0, str(path.readlink()).encode())
            else:
                found[str(path.relative_to(root))] = (path.stat().st_mode, path.read_bytes())
    return found


def _state(host: Stack) -> dict[str, object]:
    """What the reconcile changes: OVS's bridges, ports and interfaces, the web container's
    addresses and routes, the units active."""
    rows = host.vsctl("--format=csv", "--data=bare", "--columns=name,tag,trunks", "list", "port")
    return {
        "bridges": {b: sorted(host.ports(b)) for b in host.vsctl("list-br").split()},
        "ports": sorted(rows.splitlines()),
        # (an attach run again makes the veth anew: its index is no setting)
        "addresses": re.sub(r"(?m)^\d+: ", "", host.exec("web", "ip", "-o", "-4", "addr").stdout),
        "routes": host.exec("web", "ip", "route").stdout,
        "active": sorted(host.host.active),
    }


BOOT_UNIT = "ovs-ignite-apply-boot.service"


def _boot_unit(host: Stack, shim: SystemdShim) -> subprocess.CompletedProcess[str]:
    """The boot's start of the unit apply's host side enables while a change is pending:
    its ExecStart line run with its Environment line, as systemd would (the unit runner
    reads no Environment=)."""
    unit = host.host.root / "etc/systemd/system" / BOOT_UNIT
    lines = unit.read_text().splitlines()
    assert (host.host.root / "etc/systemd/system/multi-user.target.wants" / BOOT_UNIT).is_symlink()
    (setting,) = [line for line in lines if line.startswith("Environment=")]
    (command,) = [line for line in lines if line.startswith("ExecStart=")]
    env = dict(word.split("=", 1) for word in setting.removeprefix("Environment=").split(" "))
    return subprocess.run(
        host.host.netns_argv(command.removeprefix("ExecStart=").split(" ")),
        env={**shim.env, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _said(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"


def _status(host: Stack, url: str) -> int:
    try:
        return host.http_get(url)[0]
    except Exception:  # (no answer: requests' errors from inside the namespace)
        return 0


def test_apply_changes_the_host_and_rolls_back(host: Stack, conf: Path, tmp_path: Path) -> None:
    assert host.http_get("http://10.10.0.10/")[0] == 200
    with SystemdShim(host.host, tmp_path / "systemd") as shim:
        # v2: api added and started, trunk0 added with its tag, web's address changed.
        v2 = _apply(host, shim, tmp_path, _spec(host, V2, conf, tmp_path))
        assert v2.returncode == 0, _said(v2)
        assert '"local://":' in v2.stdout and "generation: 1" in v2.stdout
        assert 'outcome: "kept"' in v2.stdout
        assert '"container api: added (started)"' in v2.stdout
        assert host.http_get("http://10.10.0.11/")[0] == 200
        assert host.http_get("http://10.10.0.12/")[0] == 200
        assert _status(host, "http://10.10.0.10/") == 0
        assert host.vsctl("get", "port", "trunk0", "tag").strip() == "10"
        assert "api.service" in host.host.active and attach_unit("api") in host.host.active
        assert shim.armed == {}  # (kept: its timer stopped)
        at_v2 = _state(host)

        # The same spec again changes nothing and makes no generation.
        again = _apply(host, shim, tmp_path, _spec(host, V2, conf, tmp_path))
        assert again.returncode == 0 and 'outcome: "no change"' in again.stdout, _said(again)
        assert "generation" not in again.stdout

        # v3: web moved to br-two, api and trunk0 removed (their ports too).
        v3 = _apply(host, shim, tmp_path, _spec(host, V3, conf, tmp_path))
        assert v3.returncode == 0, _said(v3)
        assert "generation: 2" in v3.stdout
        assert host.http_get("http://10.20.0.10/")[0] == 200
        assert "api.service" not in host.host.active
        assert host.ports("br-app") == []
        assert host.ports("br-two") == [host_interface_name("web", "eth1")]
        assert not (host.host.root / "etc/systemd/system/api.service").exists()
        assert not (host.host.root / "etc/ovs-ignite/containers/api.conf").exists()
        files_v3, at_v3 = _files(host.host.root), _state(host)

        # v4 breaks the expectation that held: rolled back, byte for byte and state for state.
        v4 = _apply(host, shim, tmp_path, _spec(host, V4, conf, tmp_path))
        assert v4.returncode == 3, _said(v4)
        assert "generation: 3" in v4.stdout and "rolled back: verify failed" in v4.stdout
        assert "expect web reaches 10.20.0.1" in v4.stdout
        assert _files(host.host.root) == files_v3
        assert _state(host) == at_v3
        assert host.http_get("http://10.20.0.10/")[0] == 200
        assert shim.armed == {}

        # --rollback undoes the newest kept generation (v3): the host is as v2 left it.
        back = _apply(host, shim, tmp_path, None, "--rollback")
        assert back.returncode == 0, _said(back)
        assert "generation: 2" in back.stdout and 'outcome: "rolled back"' in back.stdout
        assert _state(host) == at_v2
        assert host.http_get("http://10.10.0.12/")[0] == 200

        # --confirm leaves v3 pending with its timer armed; a second apply is refused while
        # it is; the timer, firing, undoes it by itself.
        pending = _apply(host, shim, tmp_path, _spec(host, V3, conf, tmp_path), "--confirm")
        assert pending.returncode == 0, _said(pending)
        assert "pending: confirm with apply --commit" in pending.stdout
        assert host.http_get("http://10.20.0.10/")[0] == 200
        assert len(shim.armed) == 1
        refused = _apply(host, shim, tmp_path, _spec(host, V2, conf, tmp_path))
        assert refused.returncode == 1, _said(refused)
        assert "is pending" in refused.stdout
        fired = shim.fire()
        assert fired.returncode == 0, fired.stderr
        assert _state(host) == at_v2
        assert host.http_get("http://10.10.0.11/")[0] == 200

        # The host goes down while v3 is pending: its transient timer goes with it; at boot
        # the unit the host side enabled for the while arms it again, and it undoes v3.
        pending = _apply(host, shim, tmp_path, _spec(host, V3, conf, tmp_path), "--confirm")
        assert pending.returncode == 0, _said(pending)
        shim.armed.clear()
        booted = _boot_unit(host, shim)
        assert booted.returncode == 0 and len(shim.armed) == 1, _said(booted)
        fired = shim.fire()
        assert fired.returncode == 0, fired.stderr
        assert _state(host) == at_v2
        assert not (host.host.root / "etc/systemd/system" / BOOT_UNIT).exists()

        # --confirm, then --commit: kept, the timer disarmed.
        pending = _apply(host, shim, tmp_path, _spec(host, V3, conf, tmp_path), "--confirm")
        assert pending.returncode == 0, _said(pending)
        kept = _apply(host, shim, tmp_path, None, "--commit")
        assert kept.returncode == 0 and 'outcome: "kept"' in kept.stdout, _said(kept)
        assert shim.armed == {}
        assert _state(host) == at_v3
