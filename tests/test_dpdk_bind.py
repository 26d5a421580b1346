"""The dpdk-bind step of the host script against a sysfs tree that behaves like the kernel's.

No NIC can be bound here, so the script gets a fake sysfs (OVS_IGNITE_SYSFS): devices with a
``driver`` link and ``driver_override``, and drivers whose ``bind``/``unbind`` files are FIFOs
served by a thread doing what the kernel does: unbind removes the device's driver link; bind
links the device to the driver only when its driver_override names that driver. A FIFO write
returns before the thread acts, so ``udevadm settle`` (which the script runs after a bind,
as udev makes /dev/vfio nodes) is a stub that returns once the thread has handled the bind.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from ovs_ignite import load_spec, render
from ovs_ignite.names import CONFIG_DIR, SCRIPT

from .support.realparts import apply_ignition
from .support.specs import ROOT

PCI = "0000:03:00.0"

# (the script under test is the one the real Ignition wrote)
pytestmark = pytest.mark.ignition


class FakeSysfs:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.devices = root / "bus/pci/devices"
        self.drivers = root / "bus/pci/drivers"
        self.devices.mkdir(parents=True)
        self.drivers.mkdir(parents=True)
        self.events: list[str] = []
        self.threads: list[threading.Thread] = []
        self.refusing: set[str] = set()
        self.pending: set[str] = set()
        self.unbind_fails: set[str] = set()  # devices whose driver an unbind is expected for
        self.unbinding = threading.Condition()
        self.settled = root / "settled"
        os.mkfifo(self.settled)
        self.bin = root / "bin"
        self.bin.mkdir()
        (self.bin / "udevadm").write_text(f'#!/bin/sh\nread -r _ < "{self.settled}"\n')
        (self.bin / "udevadm").chmod(0o755)

    def driver(self, name: str, unbind_fails: bool = False, refuses: bool = False) -> None:
        if refuses:
            self.refusing.add(name)
        if unbind_fails:
            self.unbind_fails.add(name)
        folder = self.drivers / name
        folder.mkdir()
        for action in ("bind", "unbind"):
            if action == "unbind" and unbind_fails:
                (folder / action).mkdir()  # writing to it fails, as a busy driver's would
                continue
            os.mkfifo(folder / action)
            thread = threading.Thread(target=self._serve, args=(name, action), daemon=True)
            thread.start()
            self.threads.append(thread)

    def device(self, pci: str, driver: str | None) -> None:
        folder = self.devices / pci
        folder.mkdir()
        (folder / "driver_override").write_text("(null)\n")
        if driver:
            (folder / "driver").symlink_to(self.drivers / driver)
            if driver not in self.unbind_fails:
                self.pending.add(pci)

    def bound_to(self, pci: str) -> str | None:
        link = self.devices / pci / "driver"
        return link.readlink().name if link.is_symlink() else None

    def _serve(self, driver: str, action: str) -> None:
        fifo = self.drivers / driver / action
        while True:
            with fifo.open() as handle:
                lines = handle.read().split()
            for pci in lines:
                if pci == "STOP":
                    return
                if action == "bind":
                    # The kernel's unbind returns once done; our FIFO writes do not: let
                    # an unbind the script wrote before this bind land first.
                    with self.unbinding:
                        self.unbinding.wait_for(partial(self._unbound, pci), timeout=5)
                # Logged as it acts, so the log keeps the order the script wrote in.
                self.events.append(f"{driver} {action} {pci}")
                link = self.devices / pci / "driver"
                if action == "unbind":
                    if self.bound_to(pci) == driver:
                        link.unlink()
                    with self.unbinding:
                        self.pending.discard(pci)
                        self.unbinding.notify_all()
                elif action == "bind":
                    override = self.devices / pci / "driver_override"
                    if (
                        driver not in self.refusing
                        and self.bound_to(pci) is None
                        and override.is_file()
                        and override.read_text().strip() == driver
                    ):
                        link.symlink_to(self.drivers / driver)
                    self.settled.write_text("settled\n")  # what udevadm settle waits for

    def _unbound(self, pci: str) -> bool:
        return pci not in self.pending

    def stop(self) -> None:
        for thread in self.threads:
            driver, action = thread._args  # type: ignore[attr-defined]
            (self.drivers / driver / action).write_text("STOP\n")
            thread.join(timeout=10)


@pytest.fixture(scope="module")
def script(tmp_path_factory: pytest.TempPathFactory) -> Path:
    example = load_spec(ROOT / "examples" / "dpdk.yaml")
    assert example.dpdk is not None
    # (its second NIC left with its kernel driver: the script must not touch it, and the
    # fake sysfs has no such device, which it would fail on)
    first, second = example.dpdk.devices
    devices = [first, second.replaced(driver="kernel")]
    spec = example.replaced(dpdk=example.dpdk.replaced(devices=devices))
    root, _ = apply_ignition(
        json.loads(render(spec, "dpdk.yaml")), tmp_path_factory.mktemp("dpdk-ignition")
    )
    return root / SCRIPT[spec.target.os].lstrip("/")


@pytest.fixture
def sysfs(tmp_path: Path) -> Iterator[FakeSysfs]:
    fake = FakeSysfs(tmp_path / "sys")
    yield fake
    fake.stop()


def _bind(script: Path, sysfs: FakeSysfs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(script), "dpdk-bind"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={
            **os.environ,
            "OVS_IGNITE_SYSFS": str(sysfs.root),
            # the applied root's host data (the script is at usr/local/bin in it)
            "OVS_IGNITE_CONFIG_DIR": str(script.parents[3] / CONFIG_DIR.lstrip("/")),
            "PATH": f"{sysfs.bin}:{os.environ['PATH']}",
        },
    )


def test_binds_a_nic_held_by_its_kernel_driver_then_does_nothing(
    script: Path, sysfs: FakeSysfs
) -> None:
    sysfs.driver("ixgbe")
    sysfs.driver("vfio-pci")
    sysfs.device(PCI, "ixgbe")
    first = _bind(script, sysfs)
    assert first.returncode == 0, first.stderr
    assert sysfs.bound_to(PCI) == "vfio-pci"
    assert (sysfs.devices / PCI / "driver_override").read_text() == "vfio-pci\n"
    assert sysfs.events == [f"ixgbe unbind {PCI}", f"vfio-pci bind {PCI}"]
    assert f"DPDK device {PCI}: unbinding from ixgbe" in first.stderr
    assert f"DPDK device {PCI} bound to vfio-pci" in first.stderr

    again = _bind(script, sysfs)
    assert again.returncode == 0, again.stderr
    assert sysfs.events == [f"ixgbe unbind {PCI}", f"vfio-pci bind {PCI}"]
    assert f"DPDK device {PCI} is bound to vfio-pci already" in again.stderr


def test_binds_a_nic_without_a_driver(script: Path, sysfs: FakeSysfs) -> None:
    sysfs.driver("vfio-pci")
    sysfs.device(PCI, None)
    result = _bind(script, sysfs)
    assert result.returncode == 0, result.stderr
    assert sysfs.bound_to(PCI) == "vfio-pci"


def test_missing_device_is_named(script: Path, sysfs: FakeSysfs) -> None:
    sysfs.driver("vfio-pci")
    result = _bind(script, sysfs)
    assert result.returncode == 1
    assert f"error: DPDK device {PCI}: no such PCI device" in result.stderr


def test_vfio_pci_not_loaded_is_named(script: Path, sysfs: FakeSysfs) -> None:
    sysfs.driver("ixgbe")
    sysfs.device(PCI, "ixgbe")
    result = _bind(script, sysfs)
    assert result.returncode == 1
    assert f"error: DPDK device {PCI}: vfio-pci is not loaded" in result.stderr
    assert sysfs.bound_to(PCI) == "ixgbe"


def test_nic_held_by_a_driver_that_does_not_let_go(script: Path, sysfs: FakeSysfs) -> None:
    sysfs.driver("i40e", unbind_fails=True)
    sysfs.driver("vfio-pci")
    sysfs.device(PCI, "i40e")
    result = _bind(script, sysfs)
    assert result.returncode == 1
    assert f"error: DPDK device {PCI} is held by driver i40e and cannot be unbound" in (
        result.stderr
    )
    assert sysfs.bound_to(PCI) == "i40e"


@pytest.mark.parametrize("driver", ["mlx5_core", "mlx4_core"])
def test_a_bifurcated_nic_is_refused_the_binding(
    script: Path, sysfs: FakeSysfs, driver: str
) -> None:
    """Mellanox NICs: DPDK's driver works beside their kernel driver; unbinding it would
    take the NIC from DPDK too. The script touches nothing and says what the spec needs."""
    sysfs.driver(driver, unbind_fails=True)  # (nothing may be written to it)
    sysfs.driver("vfio-pci")
    sysfs.device(PCI, driver)
    result = _bind(script, sysfs)
    assert result.returncode == 1
    assert (
        f"error: DPDK device {PCI} is held by {driver}, a bifurcated driver that DPDK uses "
        "as it is: give the device driver: kernel in the spec"
    ) in result.stderr
    assert sysfs.bound_to(PCI) == driver
    assert sysfs.events == []
    assert (sysfs.devices / PCI / "driver_override").read_text() == "(null)\n"


def test_kernel_without_driver_override_is_named(script: Path, sysfs: FakeSysfs) -> None:
    sysfs.driver("ixgbe")
    sysfs.driver("vfio-pci")
    sysfs.device(PCI, "ixgbe")
    override = sysfs.devices / PCI / "driver_override"
    override.unlink()
    override.mkdir()  # writing to it fails
    result = _bind(script, sysfs)
    assert result.returncode == 1
    assert f"error: DPDK device {PCI}: cannot set its driver_override" in result.stderr
    assert sysfs.bound_to(PCI) == "ixgbe"


def test_driver_that_refuses_the_device_is_named(script: Path, sysfs: FakeSysfs) -> None:
    sysfs.driver("vfio-pci", refuses=True)  # e.g. the NIC is not in an IOMMU group
    sysfs.device(PCI, None)
    result = _bind(script, sysfs)
    assert result.returncode == 1
    assert f"error: DPDK device {PCI} is bound to 'nothing', not vfio-pci" in result.stderr
