"""A host for the runtime tests: a spec rendered, applied by real Ignition, run for real.

``Stack`` renders a spec, applies it with the real Ignition binary to a scratch root, makes
a network namespace of the test's own, and starts the OVS units from that root with
``unitrunner`` (real podman, real Open vSwitch in the images of ``images``).
"""

from __future__ import annotations

import json
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ovs_ignite import Spec, parse_spec, render
from ovs_ignite.plan import SCRIPT

from .images import containers_conf, httpd_image, ovs_image, podman
from .realparts import apply_ignition, need
from .unitrunner import Host

# OVS containers have fixed names (SPEC.md): a second stack would replace the first's.
_RUNNING: list[str] = []
OVS_UNITS = ("ovsdb-server.service", "ovs-vswitchd.service", "ovs-ignite-bridges.service")


class Stack:
    """One test host: its spec, its applied root and the units it has started."""

    def __init__(self, spec: Spec, host: Host) -> None:
        self.spec = spec
        self.host = host

    def start(self, unit: str) -> None:
        self.host.start(unit)

    def stop(self, unit: str) -> None:
        self.host.stop(unit)

    def vsctl(self, *args: str) -> str:
        return podman(
            self.host.containers_conf, "exec", "ovs-vswitchd", "ovs-vsctl", "--timeout=30", *args
        ).stdout

    def exec(
        self, container: str, *argv: str, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        return podman(self.host.containers_conf, "exec", container, *argv, check=check)

    def container_pid(self, container: str) -> str:
        return podman(
            self.host.containers_conf, "inspect", "--format", "{{.State.Pid}}", container
        ).stdout.strip()

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


def script_path(host: Stack) -> str:
    """Where the host script is in the applied root of host."""
    return str(host.host.root / SCRIPT[host.spec.target.os].lstrip("/"))


def runtime_spec(text: str, conf: Path, work: Path) -> Spec:
    """A spec from text with {ovs_image}, {ovs_dpdk_image} and {httpd_image} filled in with
    the test images."""
    if "{ovs_dpdk_image}" in text:
        text = text.replace("{ovs_dpdk_image}", ovs_image(conf, work, dpdk=True))
    if "{ovs_image}" in text:
        text = text.replace("{ovs_image}", ovs_image(conf, work))
    return parse_spec(text.replace("{httpd_image}", httpd_image(conf, work)), "runtime.yaml")


@contextmanager
def stack(spec: Spec, work: Path, nics: tuple[str, ...] = ()) -> Iterator[Stack]:
    """A host running spec's OVS units in a fresh network namespace; torn down afterwards.

    nics: host NICs the spec names, made as veth ends in the namespace before OVS starts.
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
    host = Host(root=root, netns=netns, work=work / "host", containers_conf=conf)
    running = Stack(spec, host)
    _RUNNING.append(str(work))
    try:
        for unit in OVS_UNITS:
            running.start(unit)
        yield running
    finally:
        for unit in reversed(list(host.active)):
            with suppress(AssertionError, FileNotFoundError):
                host.stop(unit)
        names = ["ovsdb-server", "ovs-vswitchd", *(c.name for c in spec.containers)]
        podman(conf, "rm", "--force", "--time=5", *names, check=False)
        host.close()
        subprocess.run(["ip", "netns", "del", netns], check=False)
        _RUNNING.remove(str(work))
