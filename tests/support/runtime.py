"""A host for the runtime tests: a spec rendered, applied by real Ignition, run for real.

``Stack`` renders a spec, applies it with the real Ignition binary to a scratch root, makes
a network namespace of the test's own, and starts the OVS units from that root with
``unitrunner`` (real podman, real Open vSwitch in the images of ``images``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

import pytest

from ovs_ignite import Spec, parse_spec, render
from ovs_ignite.names import BRIDGES_UNIT, OVSDB_UNIT, SCRIPT, VSWITCHD_UNIT
from ovs_ignite.specschema import document

from . import dockerd
from .images import (
    Engine,
    container_id,
    containers_conf,
    httpd_image,
    ovs_image,
    podman,
    podman_engine,
    remove_containers,
    testpmd_image,
)
from .realparts import apply_ignition, need
from .specs import retarget
from .unitrunner import UnitRunner

# OVS containers have fixed names (SPEC.md): a second stack would replace the first's.
_RUNNING: list[str] = []
OVS_UNITS = (OVSDB_UNIT, VSWITCHD_UNIT, BRIDGES_UNIT)


class Stack:
    """One test host: its spec, its applied root and the units it has started."""

    def __init__(self, spec: Spec, host: UnitRunner) -> None:
        self.spec = spec
        self.host = host

    def start(self, unit: str) -> None:
        self.host.start(unit)

    def stop(self, unit: str) -> None:
        self.host.stop(unit)

    @property
    def engine(self) -> Engine:
        """The client of this host's container engine (podman, or the test's dockerd)."""
        return self.host.engine

    def vsctl(self, *args: str) -> str:
        cid = self.container_id("ovs-vswitchd")
        return self.engine("exec", cid, "ovs-vsctl", "--timeout=30", *args).stdout

    def appctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """ovs-appctl to this host's ovs-vswitchd, in its container."""
        control = "/run/openvswitch/ovs-vswitchd.ctl"
        return self.exec("ovs-vswitchd", "ovs-appctl", "-t", control, *args, check=check)

    def wait_link_up(self, interface: str, within: float = 30) -> None:
        """Wait until OVS says interface's link is up (a DPDK port's once its driver is)."""
        deadline = time.monotonic() + within
        while self.vsctl("get", "interface", interface, "link_state").strip() != "up":
            assert time.monotonic() < deadline, self.vsctl("list", "interface", interface)
            time.sleep(0.2)

    def container_id(self, container: str) -> str:
        """The full ID of the container named exactly container; fails when there is none."""
        found = container_id(self.engine, container)
        assert found, f"no container is named {container}"
        return found

    def exec(
        self, container: str, *argv: str, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        return self.engine("exec", self.container_id(container), *argv, check=check)

    def container_pid(self, container: str) -> str:
        cid = self.container_id(container)
        return self.engine("inspect", "--format", "{{.State.Pid}}", cid).stdout.strip()

    def ports(self, bridge: str) -> list[str]:
        return self.vsctl("list-ports", bridge).split()

    def attach_ports(self, container: str) -> list[str]:
        return self.vsctl(
            "--data=bare",
            "--no-heading",
            "--columns=name",
            "find",
            "interface",
            f'external_ids:container_id="{container}"',
        ).split()

    def http_get(self, url: str) -> tuple[int, str]:
        """GET url from the host's side of the bridges (its network namespace), with requests."""
        code = (
            "import json, requests\n"
            f"r = requests.get({url!r}, timeout=10)\n"
            "print(json.dumps([r.status_code, r.text]))\n"
        )
        out = self.host.sh(need("python3"), "-c", code)
        status, text = json.loads(out)
        return int(status), str(text)


def verify(web: Stack, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """ovs-ignite verify over local:// in the stack's namespace; systemd stands in as a shim
    that answers `systemctl is-active` from the units the runner has started."""
    shim = tmp_path / "shim"
    shim.mkdir(exist_ok=True)
    active = tmp_path / "active-units"
    active.write_text("\n".join(web.host.active) + "\n")
    (shim / "systemctl").write_text(
        f'#!/bin/sh\n[ "$1" = is-active ] || exit 2\nshift\nrc=0\n'
        f'for unit; do if grep -qxF -- "$unit" {active}; then echo active; '
        "else echo inactive; rc=3; fi; done\nexit $rc\n"
    )
    (shim / "systemctl").chmod(0o755)
    spec = tmp_path / "spec.yaml"
    spec.write_text(json.dumps(document(web.spec)))
    env = {**web.host.env, "PATH": f"{shim}:{os.environ['PATH']}"}
    return subprocess.run(
        web.host.netns_argv(
            [
                sys.executable,
                "-m",
                "ovs_ignite",
                "verify",
                str(spec),
                "--hosts",
                "local://",
                "--root",
                str(web.host.root),
                *extra,
            ]
        ),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def script_path(host: Stack) -> str:
    """Where the host script is in the applied root of host."""
    return str(host.host.root / SCRIPT[host.spec.target.os].lstrip("/"))


# The engines the runtime tests run on, each on the OS that has it by default: (os, runtime).
ENGINES = {"podman": ("fcos", "podman"), "docker": ("flatcar", "docker")}
# The engines as test parameters: the docker copy of a test needs the docker part too.
ENGINE_PARAMS = [pytest.param("podman"), pytest.param("docker", marks=pytest.mark.docker)]


def on_engine(spec: Spec, engine: str) -> Spec:
    """spec for the host of engine: FCOS with podman, or Flatcar with docker."""
    os_, runtime = ENGINES[engine]
    return retarget(spec, os_, "3.4.0", runtime)


def runtime_spec(text: str, conf: Path, work: Path) -> Spec:
    """A spec from text with {ovs_image}, {ovs_dpdk_image}, {testpmd_image} and
    {httpd_image} filled in with the test images."""
    if "{ovs_dpdk_image}" in text:
        text = text.replace("{ovs_dpdk_image}", ovs_image(conf, work, dpdk=True))
    if "{ovs_image}" in text:
        text = text.replace("{ovs_image}", ovs_image(conf, work))
    if "{testpmd_image}" in text:
        text = text.replace("{testpmd_image}", testpmd_image(conf, work))
    return parse_spec(text.replace("{httpd_image}", httpd_image(conf, work)), "runtime.yaml")


@contextmanager
def stack(
    spec: Spec, work: Path, nics: tuple[str, ...] = (), images: tuple[str, ...] = ()
) -> Iterator[Stack]:
    """A host running spec's OVS units in a fresh network namespace; torn down afterwards.

    nics: host NICs the spec names, made as veth ends in the namespace before OVS starts.
    images: more images the test runs (a docker engine gets the spec's and these).
    """
    need("podman")
    need("ip")
    assert not _RUNNING, f"the OVS stack of {_RUNNING[0]} runs still; one at a time"
    work.mkdir(parents=True, exist_ok=True)
    conf = containers_conf(work / "containers.conf")
    # A fresh root per stack; the host folder (and so its OVS database) is kept in work.
    root, _ = apply_ignition(
        json.loads(render(spec, "runtime.yaml")), work / f"ignition-{uuid.uuid4().hex[:8]}"
    )
    netns = f"ovsi-{uuid.uuid4().hex[:8]}"
    subprocess.run(["ip", "netns", "add", netns], check=True)
    subprocess.run(["ip", "-n", netns, "link", "set", "lo", "up"], check=True)
    for n, nic in enumerate(nics):
        subprocess.run(
            ["ip", "-n", netns, "link", "add", nic, "type", "veth", "peer", "name", f"nicpeer{n}"],
            check=True,
        )
        for end in (nic, f"nicpeer{n}"):
            subprocess.run(["ip", "-n", netns, "link", "set", end, "up"], check=True)
    # The namespace's own sysfs: /sys shows the namespace of whoever mounted it.
    sysfs = work / f"sysfs-{netns}"
    sysfs.mkdir()
    _RUNNING.append(str(work))
    try:
        mount = ["mount", "-t", "sysfs", "sysfs", str(sysfs)]
        subprocess.run(["nsenter", f"--net=/run/netns/{netns}", *mount], check=True)
        with ExitStack() as cleanup:
            engine = podman_engine(conf)
            if spec.runtime == "docker":
                # dockerd in the namespace: --network=host is the daemon's namespace.
                engine = cleanup.enter_context(
                    dockerd.engine(work.parent / "docker-data", work / "dockerd", netns)
                )
                wanted = {spec.ovs.image, *images, *(c.image for c in spec.containers if c.image)}
                for image in sorted(wanted):
                    dockerd.load_image(engine, conf, image)
            host = UnitRunner(
                root=root,
                netns=netns,
                work=work / "host",
                containers_conf=conf,
                engine=engine,
                sysfs=sysfs,
            )
            running = Stack(spec, host)
            try:
                for unit in OVS_UNITS:
                    running.start(unit)
                yield running
            finally:
                for unit in reversed(list(host.active)):
                    with suppress(AssertionError, FileNotFoundError):
                        host.stop(unit)
                names = ["ovsdb-server", "ovs-vswitchd", *(c.name for c in spec.containers)]
                for switch in spec.switches:  # (and docker's holder of its namespace)
                    names += [f"{n}-{switch.name}" for n in ("ovsdb-server", "ovs-vswitchd")]
                    names.append(f"ovs-netns-{switch.name}")
                remove_containers(engine, *names)
                host.close()
    finally:
        subprocess.run(["umount", "--lazy", str(sysfs)], check=False)
        subprocess.run(["ip", "netns", "del", netns], check=False)
        for switch in spec.switches:
            subprocess.run(["ip", "netns", "del", switch.name], check=False, capture_output=True)
        _RUNNING.remove(str(work))


@contextmanager
def more_units(running: Stack, spec: Spec, work: Path) -> Iterator[Stack]:
    """The units of another rendering (spec, with the same OVS) on running's host: its
    network namespace, OVS and state folders, with the root real Ignition wrote for spec.

    For containers whose names are known only once the host runs (the decoy tests name
    them after the IDs of running containers). Its units are stopped afterwards."""
    work.mkdir(parents=True, exist_ok=True)
    root, _ = apply_ignition(
        json.loads(render(spec, "runtime.yaml")), work / f"ignition-{uuid.uuid4().hex[:8]}"
    )
    host = UnitRunner(
        root=root,
        netns=running.host.netns,
        work=running.host.work,
        containers_conf=running.host.containers_conf,
        engine=running.host.engine,
        sysfs=running.host.sysfs,
    )
    # The units running already (OVS) are active here too: starting a container unit must
    # not start them anew, as the wanted units of its attach.
    running_units = dict(running.host.active)
    host.active.update(running_units)
    try:
        yield Stack(spec, host)
    finally:
        for unit in reversed(list(host.active)):
            if unit not in running_units:
                with suppress(AssertionError, FileNotFoundError):
                    host.stop(unit)
        remove_containers(host.engine, *(c.name for c in spec.containers))
        host.close()


def to_older_schema(conf: Path, image: str, schema_path: str, db: Path) -> str:
    """Convert the OVS database in folder db to an older schema (one column fewer, version
    8.0.0) with image's ovsdb-tool; the version of image's own schema, which the next start
    converts it back to."""
    schema = json.loads(podman(conf, "run", "--rm", "--entrypoint=cat", image, schema_path).stdout)
    version = str(schema["version"])
    del schema["tables"]["Bridge"]["columns"]["datapath_version"]
    schema["version"] = "8.0.0"
    (db / "old.ovsschema").write_text(json.dumps(schema))
    ovsdb_tool(conf, image, db, "convert", "/db/conf.db", "/db/old.ovsschema")
    assert db_version(conf, image, db) == "8.0.0"
    return version


def ovsdb_tool(conf: Path, image: str, db: Path, *args: str) -> str:
    """ovsdb-tool of image on the database folder db (as /db)."""
    return podman(
        conf,
        "run",
        "--rm",
        "--network=none",
        f"--volume={db}:/db",
        "--entrypoint=ovsdb-tool",
        image,
        *args,
    ).stdout.strip()


def db_version(conf: Path, image: str, db: Path) -> str:
    return ovsdb_tool(conf, image, db, "db-version", "/db/conf.db")
