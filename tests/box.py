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
- The test images are put in the box as archives and loaded by a oneshot of the test's own
  (``ovs-ignite-test-images.service``), ordered before the units that run containers; or,
  where a test runs a registry on the host's loopback (10.0.2.2 in the box), pulled from
  it by the same oneshot, so that the local images are the registry's own.
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
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
# Test scaffolding, not ovs-ignite's: the test images, since no registry is reachable.
[Unit]
Description=Load the test's container images
Before=ovsdb-server.service ovs-vswitchd.service {{units}}
{{after}}
Wants=network-online.target
After=network-online.target
ConditionPathExists=!/{IMAGES_DIR}/loaded

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/bin/sh -ec 'for i in /{IMAGES_DIR}/*.tar; do {{engine}} load -q -i "$i"; done; \\
for r in {{pulls}}; do n=0; until {{engine}} pull -q "$r"; do n=$((n + 1)); \\
[ "$n" -lt 60 ]; sleep 2; done; done; touch /{IMAGES_DIR}/loaded'

[Install]
WantedBy=multi-user.target
"""


def base_root() -> Path:
    """The cached base root (built when missing)."""
    recipe = hashlib.sha256((PACKAGES + _SETUP).encode()).hexdigest()[:12]
    root = CACHE / f"box-{recipe}" / "rootfs"
    if (root.parent / "ready").exists():
        return root
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
    return root


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

    def __post_init__(self) -> None:
        self.console = self.work / "console.log"

    @property
    def ssh_config(self) -> Path:
        path = self.work / "ssh_config"
        path.write_text(
            f"Host box\n  HostName 127.0.0.1\n  Port {self.port}\n  User core\n"
            f"  IdentityFile {self.key}\n  StrictHostKeyChecking no\n"
            "  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n  ConnectTimeout 10\n"
            "  ServerAliveInterval 5\n  ServerAliveCountMax 6\n"
        )
        return path

    def boot(self, timeout: float = 600) -> None:
        """Start qemu and wait until sshd answers a command."""
        self.port, self.http_port, dead_port = _free_ports(3)
        append = " ".join(["console=ttyS0", "root=/dev/vda", "rw", *self.kargs])
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
                return
            last = attempt.stderr.strip()
            time.sleep(2)
        raise AssertionError(f"no ssh within {timeout}s (ssh: {last})\n{self.console_tail()}")

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
            time.sleep(3)

    def power_loss(self) -> None:
        """Cut the box's power: qemu ends at once, no shutdown runs in the box."""
        if self.process is None:
            return
        process, self.process = self.process, None
        process.kill()
        process.wait()

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
    images: list[str],
    units: list[str],
    work: Path,
    engine: str = "podman",
    pulls: tuple[str, ...] = (),
    files: dict[str, str] | None = None,
) -> Box:
    """A disk of the base root with config applied as the first boot's initramfs would; its
    containers run on engine (podman, or docker). images are loaded from archives, pulls
    pulled, before the units start; files (path: text) are the test's own setup."""
    root = work / "rootfs"
    subprocess.run(["cp", "-a", str(base_root()), str(root)], check=True)
    (root / "etc/selinux").mkdir(parents=True, exist_ok=True)
    (root / "etc/selinux/config").write_text("SELINUX=disabled\nSELINUXTYPE=targeted\n")
    _, kargs = apply_ignition(config, work / "ignition", root=root)
    folder = root / IMAGES_DIR
    folder.mkdir(parents=True)
    archive = "docker-archive" if engine == "docker" else "oci-archive"
    for n, image in enumerate(images):
        podman(conf, "save", "--format", archive, "-o", str(folder / f"{n}.tar"), image)
    unit = root / "etc/systemd/system/ovs-ignite-test-images.service"
    after = "After=docker.service\nRequires=docker.service" if engine == "docker" else ""
    unit.write_text(
        _IMAGES_UNIT.format(
            units=" ".join(units), after=after, engine=engine, pulls=" ".join(pulls)
        )
    )
    for path, text in {**WAIT_ONLINE_FILES[engine], **(files or {})}.items():
        (root / path.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
        (root / path.lstrip("/")).write_text(text)
    subprocess.run(
        ["systemctl", f"--root={root}", "enable", unit.name], check=True, capture_output=True
    )
    masked = [*OTHER_MANAGER[engine]]
    if engine == "podman":  # (the base root has both; a podman host runs no dockerd)
        masked += ["docker.service", "docker.socket"]
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


def ssh_key(work: Path) -> tuple[Path, str]:
    """A fresh ssh key pair: (private key path, public key line)."""
    key = work / "id_ed25519"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ovs-ignite-test", "-f", str(key)],
        check=True,
    )
    return key, (work / "id_ed25519.pub").read_text().strip()
