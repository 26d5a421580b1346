"""Container images for the runtime tests, built here from Debian's packages.

No registry is reachable, so both images are made locally and imported into podman's
storage, where they stay for later runs: the tag carries what the image is made of, so a
run builds only when that changed.
- OVS: the project's own recipe, images/ovs/Containerfile, built with podman on a Debian
  base made here by ``debootstrap --variant=minbase`` (the image users build is the image
  the tests prove); the DPDK variant is the recipe's DPDK=true build.
- httpd: busybox-static's ``httpd``, ``sh``, ``ip`` and ``ping`` and an index page.
- testpmd: Debian's ``dpdk-testpmd`` (in its ``dpdk-dev`` package) with the mempool and
  virtio drivers it loads, on the Debian base: a DPDK application for vhost-user ports.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .buildlock import build_lock
from .realparts import need

IMAGE_PREFIX = "localhost/ovs-ignite-test"
OVS_RECIPE = Path(__file__).resolve().parent.parent.parent / "images/ovs/Containerfile"
DOCKER = "/usr/bin/docker"  # Debian's client, the one the units run (not /usr/local/bin's)
INDEX_HTML = "hello from a container on an ovs-ignite bridge\n"
# As PID 1, httpd would ignore SIGTERM; a shell that traps it stops at once.
HTTPD_CMD = '["/bin/sh", "-c", "trap \'exit 0\' TERM; httpd -f -p 80 -h /www & wait"]'
BUSYBOX_APPLETS = ("sh", "httpd", "ip", "ping", "sleep", "cat", "wget", "ifconfig", "hostname")


def containers_conf(path: Path) -> Path:
    """A podman configuration that works on this machine (TESTBED.md: runc, cgroupfs)."""
    path.write_text(
        "[containers]\ndefault_ulimits = []\n\n"
        '[engine]\nruntime = "runc"\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n'
    )
    return path


def podman(conf: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [need("podman"), *args],
        env={**os.environ, "CONTAINERS_CONF": str(conf)},
        capture_output=True,
        text=True,
        check=check,
    )


class EngineError(subprocess.CalledProcessError):
    """A failed engine command whose message carries what the engine said on stderr (a
    CalledProcessError's own message leaves it out, and a test's report then shows none)."""

    def __str__(self) -> str:
        return f"{super().__str__()}: {str(self.stderr).strip()[-2000:]}"


@dataclass(frozen=True)
class Engine:
    """The client of the container engine a test host runs: podman with this machine's
    configuration, or docker pointed at the test's own dockerd (tests/support/dockerd.py)."""

    name: str  # podman | docker
    env: tuple[tuple[str, str], ...]

    def __call__(
        self, *args: str, check: bool = True, stdin: IO[bytes] | None = None
    ) -> subprocess.CompletedProcess[str]:
        binary = need("podman") if self.name == "podman" else need(DOCKER)
        done = subprocess.run(
            [binary, *args],
            env={**os.environ, **dict(self.env)},
            stdin=stdin,
            capture_output=True,
            text=True,
            check=False,
        )
        if check and done.returncode:
            raise EngineError(done.returncode, done.args, done.stdout, done.stderr)
        return done


def podman_engine(conf: Path) -> Engine:
    return Engine("podman", (("CONTAINERS_CONF", str(conf)),))


def _engine(where: Path | Engine) -> Engine:
    return where if isinstance(where, Engine) else podman_engine(where)


def container_id(where: Path | Engine, name: str) -> str:
    """The full ID of the container named exactly name, or "" (podman and docker take a name
    they cannot find as the prefix of an ID: the tests act on IDs, as the units do).
    where: podman's configuration, or an engine."""
    listing = _engine(where)(
        "ps", "--all", "--no-trunc", "--format", "{{.ID}} {{.Names}}"
    ).stdout.splitlines()
    return next((line.split()[0] for line in listing if line.split()[1:] == [name]), "")


def exit_codes_since(where: Path | Engine, since: int) -> dict[str, str]:
    """Full container ID -> exit code of every container that died since the Unix time
    since, from the engine's events."""
    engine = _engine(where)
    if engine.name == "docker":
        args = ["--until", str(int(time.time()) + 1), "--filter=event=die"]
        fields = "{{.Actor.ID}} {{.Actor.Attributes.exitCode}}"
    else:
        args = ["--stream=false", "--filter=event=died"]
        fields = "{{.ID}} {{.ContainerExitCode}}"
    died = engine("events", f"--since={since}", *args, f"--format={fields}").stdout.split()
    return dict(zip(died[::2], died[1::2], strict=True))


def remove_containers(where: Path | Engine, *names: str) -> None:
    """Remove the containers named exactly names, those that exist."""
    engine = _engine(where)
    ids = [cid for cid in (container_id(engine, name) for name in names) if cid]
    if ids:
        force = ["--force"] if engine.name == "docker" else ["--force", "--time=5"]
        engine("rm", *force, *ids, check=False)


def _exists(conf: Path, image: str) -> bool:
    return podman(conf, "image", "exists", image, check=False).returncode == 0


def _candidate(package: str) -> str:
    policy = subprocess.run(
        ["apt-cache", "policy", package], capture_output=True, text=True, check=False
    ).stdout
    for line in policy.splitlines():
        if line.strip().startswith("Candidate:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def _import(conf: Path, rootfs: Path, image: str, cmd: str) -> None:
    archive = rootfs.parent / "rootfs.tar"
    with tarfile.open(archive, "w") as tar:
        for entry in sorted(rootfs.iterdir()):
            tar.add(entry, arcname=entry.name)
    podman(conf, "import", "--change", f"CMD {cmd}", str(archive), image)
    archive.unlink()


def _debootstrap(work: Path, name: str, packages: list[str]) -> Path:
    """A minbase bookworm root in work/name with packages, without apt's caches."""
    rootfs = work / name
    include = [f"--include={','.join(packages)}"] if packages else []
    subprocess.run(
        [
            need("debootstrap"),
            "--variant=minbase",
            *include,
            "bookworm",
            str(rootfs),
            "http://deb.debian.org/debian",
        ],
        check=True,
        capture_output=True,
    )
    for cache in ("var/cache/apt/archives", "var/lib/apt/lists", "usr/share/doc", "usr/share/man"):
        shutil.rmtree(rootfs / cache, ignore_errors=True)
    (rootfs / "var/cache/apt/archives/partial").mkdir(parents=True)
    (rootfs / "var/lib/apt/lists/partial").mkdir(parents=True)
    return rootfs


def base_image(conf: Path, work: Path) -> str:
    """A Debian bookworm base made here (built when missing): what BASE stands in for when
    the OVS image is built with no registry in reach."""
    image = f"{IMAGE_PREFIX}/debian-base:bookworm-minbase"
    with build_lock("debian-base"):
        if not _exists(conf, image):
            rootfs = _debootstrap(work, "base-rootfs", [])
            _import(conf, rootfs, image, '["/bin/bash"]')
            shutil.rmtree(rootfs)
    return image


def ovs_image(conf: Path, work: Path, dpdk: bool = False) -> str:
    """The OVS image built from the project's recipe, images/ovs/Containerfile, on the local
    base (built when missing); its name. With dpdk, the recipe's DPDK build (DPDK=true).
    The tag carries the recipe and the package versions it installs."""
    packages = ["openvswitch-switch"] + (["openvswitch-switch-dpdk"] if dpdk else [])
    recipe = OVS_RECIPE.read_bytes() + " ".join(f"{p}={_candidate(p)}" for p in packages).encode()
    tag = hashlib.sha256(recipe).hexdigest()[:12]
    image = f"{IMAGE_PREFIX}/ovs{'-dpdk' if dpdk else ''}:{tag}"
    with build_lock("ovs-dpdk" if dpdk else "ovs"):
        if not _exists(conf, image):
            build_ovs_image(conf, work, image, dpdk=dpdk)
    return image


def build_ovs_image(
    conf: Path, work: Path, image: str, dpdk: bool = False, options: tuple[str, ...] = ()
) -> None:
    """podman build of images/ovs/Containerfile on the local base, as docs/guides/images.md says
    (--network=host: the build's apt-get reaches Debian's mirror from this machine);
    options are more build options (--build-arg=...)."""
    built = podman(
        conf,
        "build",
        "--network=host",
        "--layers=false",
        f"--build-arg=BASE={base_image(conf, work)}",
        f"--build-arg=DPDK={'true' if dpdk else 'false'}",
        *options,
        "--tag",
        image,
        "--file",
        str(OVS_RECIPE),
        str(OVS_RECIPE.parent),
        check=False,
    )
    if built.returncode:
        raise RuntimeError(f"podman build of {OVS_RECIPE} failed:\n{built.stderr[-3000:]}")


def httpd_image(conf: Path, work: Path) -> str:
    """A small HTTP server image from busybox-static (built when missing); its name."""
    busybox = Path(need("/bin/busybox"))
    digest = hashlib.sha256(
        busybox.read_bytes()
        + INDEX_HTML.encode()
        + HTTPD_CMD.encode()
        + " ".join(BUSYBOX_APPLETS).encode()
    ).hexdigest()[:12]
    image = f"{IMAGE_PREFIX}/httpd:{digest}"
    with build_lock("httpd"):
        if not _exists(conf, image):
            _build_httpd(conf, work, busybox, image)
    return image


def _build_httpd(conf: Path, work: Path, busybox: Path, image: str) -> None:
    rootfs = work / "httpd-rootfs"
    (rootfs / "bin").mkdir(parents=True)
    (rootfs / "www").mkdir()
    (rootfs / "tmp").mkdir()
    shutil.copy2(busybox, rootfs / "bin/busybox")
    for applet in BUSYBOX_APPLETS:
        (rootfs / "bin" / applet).symlink_to("busybox")
    (rootfs / "www/index.html").write_text(INDEX_HTML)
    # As PID 1, httpd would ignore SIGTERM; a shell that traps it stops at once.
    _import(conf, rootfs, image, HTTPD_CMD)
    shutil.rmtree(rootfs)


def derived_image(conf: Path, work: Path, base: str, name: str, containerfile: str) -> str:
    """An image made from base by containerfile's steps (after FROM); its name, tagged with
    what it is made of."""
    text = f"FROM {base}\n{containerfile}"
    image = f"{IMAGE_PREFIX}/{name}:{hashlib.sha256(text.encode()).hexdigest()[:12]}"
    with build_lock(f"derived-{name}"):
        if not _exists(conf, image):
            folder = work / f"build-{name}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "Containerfile").write_text(text)
            podman(conf, "build", "--network=none", "--layers=false", "--tag", image, str(folder))
    return image


# (bookworm's dpdk-testpmd is in dpdk-dev; the drivers are plugins it loads by name)
TESTPMD_PACKAGES = ("dpdk-dev", "librte-mempool-ring23", "librte-net-virtio23")


def testpmd_image(conf: Path, work: Path) -> str:
    """An image with DPDK's testpmd, built when missing from the local base with Debian's
    packages (the build reaches Debian's mirror: --network=host); its name, tagged with the
    packages' versions."""
    steps = (
        "RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
        f"--no-install-recommends {' '.join(TESTPMD_PACKAGES)} >/dev/null "
        "&& rm -rf /var/lib/apt/lists/*\n"
    )
    versions = " ".join(f"{p}={_candidate(p)}" for p in TESTPMD_PACKAGES)
    image = f"{IMAGE_PREFIX}/testpmd:{hashlib.sha256((steps + versions).encode()).hexdigest()[:12]}"
    with build_lock("testpmd"):
        if not _exists(conf, image):
            folder = work / "build-testpmd"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "Containerfile").write_text(f"FROM {base_image(conf, work)}\n{steps}")
            built = podman(
                conf,
                *("build", "--network=host", "--layers=false", "--tag", image, str(folder)),
                check=False,
            )
            if built.returncode:
                raise RuntimeError(f"podman build of testpmd failed:\n{built.stderr[-3000:]}")
    return image


OVS_SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema"


def older_schema_image(conf: Path, work: Path, ovs: str) -> tuple[str, str]:
    """The OVS image ovs with an older version of its database schema (the version number
    lowered, nothing else): an image an upgrade to ovs converts the database from. Its name,
    and the older version."""
    schema = json.loads(podman(conf, "run", "--rm", "--entrypoint=cat", ovs, OVS_SCHEMA).stdout)
    major, minor, patch = (int(part) for part in schema["version"].split("."))
    schema["version"] = f"{major}.{minor - 1}.{patch}" if minor else f"{major - 1}.99.{patch}"
    # An inline heredoc of the schema, as one RUN: the build needs no context file.
    text = json.dumps(schema, separators=(",", ":"))
    assert "'" not in text
    step = f"RUN printf '%s' '{text}' > {OVS_SCHEMA}\n"
    return derived_image(conf, work, ovs, "ovs-older-schema", step), schema["version"]


def broken_ovsdb_image(conf: Path, work: Path, ovs: str) -> str:
    """The OVS image ovs whose ovsdb-server does not start: an update that must roll back."""
    step = (
        "RUN printf '#!/bin/sh\\necho this ovsdb-server does not start >&2\\nexit 1\\n' "
        "> /usr/sbin/ovsdb-server\n"
    )
    return derived_image(conf, work, ovs, "ovs-broken-ovsdb", step)
