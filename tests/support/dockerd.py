"""A real Docker engine for the runtime tests, isolated from everything else on the machine.

``engine(work, netns)`` starts Debian's ``dockerd`` inside a test's network namespace (so
that ``--network=host`` containers, OVS among them, live in that namespace, as podman's do),
with its own data root, exec root, pidfile and socket, no bridge and no iptables rules
(TESTBED.md). It starts its own containerd. The data root is kept across engines in one
folder, so that the test images are loaded once. Stopped with SIGTERM by its pidfile.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .images import Engine
from .realparts import need


@contextmanager
def engine(data_root: Path, work: Path, netns: str) -> Iterator[Engine]:
    """A running dockerd in netns; yields the docker client pointed at it."""
    need("/usr/sbin/dockerd")
    work.mkdir(parents=True, exist_ok=True)
    data_root.mkdir(parents=True, exist_ok=True)
    # A short exec root: containerd's socket path must stay under the 108 bytes of AF_UNIX.
    exec_root = Path(f"/run/ovsi-docker-{netns}")
    socket_path = work / "docker.sock"
    pidfile = work / "docker.pid"
    namespace = f"ovsi-{netns}"
    argv = [
        "nsenter",
        f"--net=/run/netns/{netns}",
        "--",
        "/usr/sbin/dockerd",
        f"--data-root={data_root}",
        f"--exec-root={exec_root}",
        f"--host=unix://{socket_path}",
        f"--pidfile={pidfile}",
        "--bridge=none",
        "--iptables=false",
        "--ip6tables=false",
        f"--containerd-namespace={namespace}",
        f"--containerd-plugins-namespace={namespace}-plugins",
        "--exec-opt=native.cgroupdriver=cgroupfs",
        "--log-driver=json-file",
    ]
    client = Engine("docker", (("DOCKER_HOST", f"unix://{socket_path}"),))
    with (work / "dockerd.log").open("ab") as log:
        daemon = subprocess.Popen(argv, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while client("version", check=False).returncode != 0:
            if daemon.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"dockerd did not start; see {work / 'dockerd.log'}")
            time.sleep(0.2)
        yield client
    finally:
        _stop(daemon, pidfile)
        _unmount_below(exec_root)
        subprocess.run(["rm", "-rf", str(exec_root)], check=False)


def _unmount_below(folder: Path) -> None:
    """Unmount what dockerd left mounted under folder (its netns/default bind mount)."""
    mounts = Path("/proc/mounts").read_text().splitlines()
    points = [line.split()[1] for line in mounts if line.split()[1].startswith(f"{folder}/")]
    for point in sorted(points, key=len, reverse=True):
        subprocess.run(["umount", "--lazy", point], check=False)


def _stop(daemon: subprocess.Popen[bytes], pidfile: Path) -> None:
    try:
        pid = int(pidfile.read_text())
    except (OSError, ValueError):
        pid = daemon.pid
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    try:
        daemon.wait(timeout=60)
    except subprocess.TimeoutExpired:
        daemon.kill()
        daemon.wait()


def load_image(client: Engine, podman_conf: Path, image: str) -> None:
    """Copy image from podman's storage into the engine's (once: it stays in the data root)."""
    if client("image", "inspect", image, check=False).returncode == 0:
        return
    save = subprocess.Popen(
        [need("podman"), "save", "--format=docker-archive", image],
        env={**os.environ, "CONTAINERS_CONF": str(podman_conf)},
        stdout=subprocess.PIPE,
    )
    assert save.stdout is not None
    loaded = client("load", stdin=save.stdout, check=False)
    save.stdout.close()
    assert save.wait() == 0 and loaded.returncode == 0, loaded.stderr
