"""A booted test box: Debian with systemd, podman or docker and the openvswitch kernel module,
given a rendered config by the real Ignition binary as the initramfs would, booted with qemu
(TCG).

- The base root (debootstrap with kernel, systemd, sshd, podman and its init catatonit, a
  Docker engine, and nss-myhostname, so that the host resolves its own name without DNS: as
  FCOS and Flatcar have them) is built once and kept in CACHE under a name made from its
  recipe; a run copies it. A podman box masks the Docker engine; a docker box (Flatcar's
  shape: docker, the host script under /opt/bin) uses it.
- The real Ignition applies the config to the copy (stages fetch, kargs, files); the kernel
  arguments its kargs stage records go on the kernel command line; presets are applied with
  ``systemctl --root preset-all``, as the first boot would.
- The test images are put in the box as archives, each loaded by a oneshot of the test's
  own (``ovs-ignite-test-image-N.service``) ordered before the units that run it; or,
  where a test runs a registry on the host's loopback (10.0.2.2 in the box), the box has
  none and its units pull them from there themselves, as a host's do from its registry.
- Each box runs its OS's network manager: NetworkManager with Debian's defaults on the
  podman (FCOS-shaped) box, systemd-networkd on the docker (Flatcar-shaped) one.
- ``mke2fs -d`` makes the disk; qemu boots its kernel and initrd with sshd (and a
  container's 10.0.2.50:80) forwarded to loopback ports from its first NIC (ens3), and gives
  it a second NIC (ens9) with a DHCP server behind it and a third (ens10) with nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .buildlock import build_lock
from .images import podman
from .realparts import apply_ignition, need

CACHE = Path(os.environ.get("OVS_IGNITE_TEST_CACHE", "/var/cache/ovs-ignite-test"))
PACKAGES = (
    "systemd,systemd-sysv,dbus,linux-image-amd64,podman,catatonit,runc,docker.io,"
    "containernetworking-plugins,openssh-server,iproute2,"
    "ethtool,kmod,udev,sudo,libnss-myhostname,curl,ca-certificates,network-manager,libpam-systemd"
)
# Each box runs its OS's network manager alone: FCOS's NetworkManager (Debian's, with its
# defaults: every ethernet device auto-connected with DHCP) on the podman box, Flatcar's
# systemd-networkd on the docker box; the other is masked.
OTHER_MANAGER = {
    "podman": (
        "systemd-networkd.service",
        "systemd-networkd.socket",
        "systemd-networkd-wait-online.service",
    ),
    "docker": (
        "NetworkManager.service",
        "NetworkManager-wait-online.service",
        "NetworkManager-dispatcher.service",
    ),
}
# The box's second NIC: behind a qemu network of its own whose DHCP server answers, at a
# fixed PCI slot (so the box names it ens9); a spec puts it on a bridge.
SECOND_NIC = "ens9"
# The box's first NIC (its only way out: ssh, the registry) and a third one with nothing
# behind it (a UDP socket no one reads: no DHCP server answers), by MAC.
FIRST_NIC = "ens3"
DEAD_NIC = "ens10"
DEAD_MAC = "52:54:00:00:0a:0a"
# What the box says outside the tests' business: the dead NIC's DHCP would hold each OS's
# wait-online (NetworkManager's 60 s, networkd's 120 s) and the units after it at every boot.
WAIT_ONLINE_FILES = {
    "podman": {
        "/etc/NetworkManager/conf.d/90-test-dead-nic.conf": (
            f"[connection-test-dead-nic]\nmatch-device=interface-name:{DEAD_NIC}\n"
            "ipv4.dhcp-timeout=5\n"
        )
    },
    "docker": {
        "/etc/systemd/system/systemd-networkd-wait-online.service.d/any.conf": (
            "[Service]\nExecStart=\nExecStart=/lib/systemd/systemd-networkd-wait-online --any\n"
        )
    },
}
IMAGES_DIR = "var/lib/ovs-ignite-test/images"
_SETUP = """\
set -e
useradd --create-home --shell /bin/bash core
echo 'core ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/core
chmod 0440 /etc/sudoers.d/core
mkdir -p /etc/ssh/sshd_config.d /etc/systemd/network /var/log/journal
echo 'AuthorizedKeysFile .ssh/authorized_keys .ssh/authorized_keys.d/ignition' \\
    > /etc/ssh/sshd_config.d/ignition.conf
printf '[Match]\\nName=en*\\n\\n[Network]\\nDHCP=yes\\n' > /etc/systemd/network/10-dhcp.network
echo '/dev/vda / ext4 defaults 0 1' > /etc/fstab
rm -f /etc/hostname /boot/*.dpkg-bak /boot/*.new
apt-get clean
"""
_IMAGES_UNIT = f"""\
# Test scaffolding, not ovs-ignite's: a test image, since no registry is reachable; one
# unit an image, each before the units that run it only, so that what one image holds up
# starts while the others load. (No network wait: loading an archive needs none, and a NIC
# of the box that gets no DHCP lease would hold network-online.target for a minute.)
[Unit]
Description=Load the test's container image {{n}}
Before={{units}}
{{after}}
ConditionPathExists=!/{IMAGES_DIR}/{{n}}.loaded

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/bin/{{engine}} load -q -i /{IMAGES_DIR}/{{n}}.tar
ExecStart=/usr/bin/touch /{IMAGES_DIR}/{{n}}.loaded

[Install]
WantedBy=multi-user.target
"""


def base_root() -> Path:
    """The cached base root (built when missing)."""
    recipe = hashlib.sha256((PACKAGES + _SETUP).encode()).hexdigest()[:12]
    root = CACHE / f"box-{recipe}" / "rootfs"
    with build_lock("box-root"):
        if not (root.parent / "ready").exists():
            _build_base_root(root, recipe)
    return root


def _build_base_root(root: Path, recipe: str) -> None:
    shutil.rmtree(root.parent, ignore_errors=True)
    root.parent.mkdir(parents=True)
    subprocess.run(
        [
            need("debootstrap"),
            "--variant=minbase",
            f"--include={PACKAGES}",
            "bookworm",
            str(root),
            "http://deb.debian.org/debian",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(["chroot", str(root), "/bin/sh", "-c", _SETUP], check=True)
    (root.parent / "ready").write_text(recipe + "\n")


@dataclass
class Box:
    work: Path
    disk: Path
    kernel: Path
    initrd: Path
    kargs: list[str]
    key: Path
    engine: str = "podman"  # the container engine of the box: podman or docker
    port: int = 0
    http_port: int = 0  # forwarded to 10.0.2.50:80 in the box (a container on the uplink)
    process: subprocess.Popen[bytes] | None = None
    images: Any = None  # what the test that booted the box keeps with it
    console: Path = field(init=False)
    sockets: Path = field(init=False)  # the folder of the shared ssh connection's socket

    def __post_init__(self) -> None:
        self.console = self.work / "console.log"
        # (short: a socket's path has at most 107 bytes, and ssh adds 17 while it sets up;
        # made at each boot, removed at each shutdown)
        self.sockets = Path(tempfile.gettempdir()) / f"box-ssh-{os.getpid()}-{id(self):x}"

    @property
    def ssh_config(self) -> Path:
        path = self.work / "ssh_config"
        path.write_text(
            f"Host box\n  HostName 127.0.0.1\n  Port {self.port}\n  User core\n"
            f"  IdentityFile {self.key}\n  StrictHostKeyChecking no\n"
            "  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n  ConnectTimeout 10\n"
            "  ServerAliveInterval 5\n  ServerAliveCountMax 6\n"
            # (one connection carries every command: a login under TCG costs seconds; where
            # the master is gone, ssh connects on its own)
            f"  ControlMaster no\n  ControlPath {self.sockets}/%C\n"
        )
        return path

    def boot(self, timeout: float = 600) -> None:
        """Start qemu and wait until sshd answers a command."""
        self.port, self.http_port, dead_port = _free_ports(3)
        self.sockets.mkdir(mode=0o700, exist_ok=True)
        # (mitigations=off: the guards against speculative execution cost time under TCG,
        # and a throwaway box on an emulated CPU has nothing for them to guard)
        append = " ".join(["console=ttyS0", "root=/dev/vda", "rw", "mitigations=off", *self.kargs])
        with self.console.open("ab") as console:
            self.process = subprocess.Popen(
                [
                    need("qemu-system-x86_64"),
                    "-accel",
                    "tcg",
                    "-m",
                    "3072",
                    "-smp",
                    "2",
                    "-nographic",
                    "-no-reboot",
                    "-kernel",
                    str(self.kernel),
                    "-initrd",
                    str(self.initrd),
                    "-append",
                    append,
                    "-drive",
                    # An I/O error (a full host disk) reaches the guest, which logs it on
                    # the console; qemu's default would pause the guest without a word.
                    f"file={self.disk},if=virtio,format=raw,werror=report,rerror=report",
                    "-nic",
                    f"user,model=virtio-net-pci,hostfwd=tcp:127.0.0.1:{self.port}-:22,"
                    f"hostfwd=tcp:127.0.0.1:{self.http_port}-10.0.2.50:80",
                    "-netdev",
                    "user,id=second,net=10.0.3.0/24,restrict=on",
                    "-device",
                    "virtio-net-pci,netdev=second,addr=0x9,mac=52:54:00:00:03:09",
                    "-netdev",
                    f"socket,id=dead,udp=127.0.0.1:{dead_port},localaddr=127.0.0.1:0",
                    "-device",
                    f"virtio-net-pci,netdev=dead,addr=0xa,mac={DEAD_MAC}",
                ],
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=console,
            )
        deadline = time.monotonic() + timeout
        last = ""
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"qemu ended\n{self.console_tail()}")
            attempt = self.ssh("true", check=False, timeout=30)
            if attempt.returncode == 0:
                self._start_master()
                return
            last = attempt.stderr.strip()
            time.sleep(2)
        raise AssertionError(f"no ssh within {timeout}s (ssh: {last})\n{self.console_tail()}")

    def _start_master(self) -> None:
        """The connection the commands share (it ends with the box)."""
        subprocess.run(
            ["ssh", "-F", str(self.ssh_config), "-o", "ControlMaster=yes", "-f", "-N", "box"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            timeout=60,
        )

    def console_tail(self, lines: int = 40) -> str:
        """The end of the console log, without terminal escapes: what a failure shows, since
        a CI run keeps no files."""
        text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", self.console.read_text(errors="replace"))
        tail = "\n".join(text.splitlines()[-lines:])
        free = shutil.disk_usage(self.work).free / 2**30
        return f"--- host disk: {free:.1f} GiB free; end of {self.console}:\n{tail}"

    def ssh(
        self, command: str, check: bool = True, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        """Run command (a shell line) in the box as core."""
        result = subprocess.run(
            ["ssh", "-F", str(self.ssh_config), "box", command],
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"{command!r} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
            )
        return result

    def clock(self) -> str:
        """The box's time now, as ``journalctl --since`` takes it."""
        return self.ssh("date '+%Y-%m-%d %H:%M:%S'").stdout.strip()

    def wait_for(self, command: str, timeout: float = 300) -> str:
        """Poll command in the box until it succeeds; its output."""
        deadline = time.monotonic() + timeout
        while True:
            result = self.ssh(command, check=False, timeout=60)
            if result.returncode == 0:
                return result.stdout
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{command!r} did not succeed in {timeout}s:\n{result.stdout}\n{result.stderr}"
                )
            time.sleep(1)

    def power_loss(self) -> None:
        """Cut the box's power: qemu ends at once, no shutdown runs in the box."""
        if self.process is None:
            return
        process, self.process = self.process, None
        process.kill()
        process.wait()
        # (the shared connection would wait for a dead box's answer until its keepalives end)
        subprocess.run(
            ["ssh", "-F", str(self.ssh_config), "-O", "exit", "box"],
            capture_output=True,
            check=False,
            timeout=30,
        )
        shutil.rmtree(self.sockets, ignore_errors=True)

    def shutdown(self) -> None:
        """Power the box off (as a reboot's first half); wait for qemu to end."""
        if self.process is None:
            return
        with suppress(subprocess.TimeoutExpired):  # the connection may die with sshd
            self.ssh("sudo systemctl poweroff", check=False, timeout=30)
        process, self.process = self.process, None
        try:
            process.wait(timeout=300)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise AssertionError(f"no power-off within 300s\n{self.console_tail()}") from None
        finally:
            shutil.rmtree(self.sockets, ignore_errors=True)  # (the connection ended with qemu)


def _free_ports(count: int) -> list[int]:
    """count loopback TCP ports free now (each also free for UDP, in practice)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for probe in sockets:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in sockets]
    finally:
        for probe in sockets:
            probe.close()


def provision(
    config: dict[str, Any],
    conf: Path,
    images: dict[str, list[str]],
    work: Path,
    engine: str = "podman",
    files: dict[str, str] | None = None,
) -> Box:
    """A disk of the base root with config applied as the first boot's initramfs would; its
    containers run on engine (podman, or docker). images (image -> the units that run it)
    are loaded from archives before those units start; files (path: text) are the test's
    own setup."""
    root = work / "rootfs"
    subprocess.run(["cp", "-a", str(base_root()), str(root)], check=True)
    (root / "etc/selinux").mkdir(parents=True, exist_ok=True)
    (root / "etc/selinux/config").write_text("SELINUX=disabled\nSELINUXTYPE=targeted\n")
    _, kargs = apply_ignition(config, work / "ignition", root=root)
    if images:
        _load_at_boot(root, conf, images, engine)
    for path, text in {**WAIT_ONLINE_FILES[engine], **(files or {})}.items():
        (root / path.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
        (root / path.lstrip("/")).write_text(text)
    masked = [*OTHER_MANAGER[engine]]
    if engine == "podman":  # (the base root has both; a podman host runs no dockerd)
        masked += ["docker.service", "docker.socket", "containerd.service"]
    subprocess.run(
        ["systemctl", f"--root={root}", "mask", *masked], check=True, capture_output=True
    )
    subprocess.run(["systemctl", f"--root={root}", "preset-all"], check=True, capture_output=True)
    key = work / "id_ed25519"
    boot = root / "boot"
    kernel = next(boot.glob("vmlinuz-*"))
    initrd = next(boot.glob("initrd.img-*"))
    shutil.copy(kernel, work / "vmlinuz")
    shutil.copy(initrd, work / "initrd.img")
    disk = work / "disk.raw"
    subprocess.run(
        [need("mke2fs"), "-q", "-t", "ext4", "-L", "root", "-d", str(root), str(disk), "8G"],
        check=True,
    )
    shutil.rmtree(root)
    return Box(
        work=work,
        disk=disk,
        kernel=work / "vmlinuz",
        initrd=work / "initrd.img",
        # Flatcar has no AppArmor; Debian's kernel turns it on, and Docker would then need a
        # profile loader (apparmor_parser) that Flatcar does not have either.
        kargs=[a for a in kargs if a != "--should-exist"]
        + (["apparmor=0"] if engine == "docker" else []),
        key=key,
        engine=engine,
    )


def _load_at_boot(root: Path, conf: Path, images: dict[str, list[str]], engine: str) -> None:
    """The test images as archives in root, each with the oneshot that loads it before the
    units that run it (images: image -> those units)."""
    folder = root / IMAGES_DIR
    folder.mkdir(parents=True)
    archive = "docker-archive" if engine == "docker" else "oci-archive"
    after = "After=docker.service\nRequires=docker.service" if engine == "docker" else ""
    for n, (image, units) in enumerate(images.items()):
        podman(conf, "save", "--format", archive, "-o", str(folder / f"{n}.tar"), image)
        unit = root / f"etc/systemd/system/ovs-ignite-test-image-{n}.service"
        unit.write_text(_IMAGES_UNIT.format(n=n, units=" ".join(units), after=after, engine=engine))
        subprocess.run(
            ["systemctl", f"--root={root}", "enable", unit.name], check=True, capture_output=True
        )


def ssh_key(work: Path) -> tuple[Path, str]:
    """A fresh ssh key pair: (private key path, public key line)."""
    key = work / "id_ed25519"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ovs-ignite-test", "-f", str(key)],
        check=True,
    )
    return key, (work / "id_ed25519.pub").read_text().strip()
