"""NUMA placement (issue 32, item 4): the dpdk section against recorded sysfs copies of a
one- and a two-node machine (tests/data/sysfs/), and this machine's own /sys; what
dpdk-plan proposes passes its own checks; hostile copies cost nothing and mean nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ovs_ignite import load_spec, numa
from ovs_ignite.records import Spec

from .support.specs import ROOT

SYSFS = ROOT / "tests" / "data" / "sysfs"
TWO_NODE_NICS = ["0000:03:00.0", "0000:81:00.0"]


def _spec(tmp_path: Path, dpdk: str, nics: list[str]) -> Spec:
    """A spec with this dpdk section (YAML flow mapping) and a dpdk port a NIC."""
    ports = ", ".join(f'{{name: dpdk{n}, type: dpdk, pci: "{pci}"}}' for n, pci in enumerate(nics))
    devices = ", ".join(f'{{pci: "{pci}"}}' for pci in nics)
    text = (
        "version: 1\novs: {image: quay.io/x/ovs:3.3}\n"
        f"dpdk: {{{dpdk}, devices: [{devices}]}}\n"
        f"bridges: [{{name: br0, ports: [{ports}]}}]\n"
    )
    (tmp_path / "spec.yaml").write_text(text)
    return load_spec(tmp_path / "spec.yaml")


def _findings(spec: Spec, sysfs: Path) -> dict[str, numa.Finding]:
    assert spec.dpdk is not None
    nics = [device.pci for device in spec.dpdk.devices]
    layout = numa.numa_from_files(numa.read_snapshot(sysfs, nics))
    return {f.name: f for f in numa.numa_findings(spec.dpdk, nics, layout)}


def test_the_two_node_copy_reads_as_its_readme_says() -> None:
    layout = numa.numa_from_files(numa.read_snapshot(SYSFS / "two-node", TWO_NODE_NICS))
    assert layout.nodes == {0: frozenset(range(8)), 1: frozenset(range(8, 16))}
    assert layout.isolated == frozenset([*range(2, 8), *range(10, 16)])
    assert layout.pages == {(0, "1G"): 4, (1, "1G"): 0, (0, "2M"): 512, (1, "2M"): 512}
    assert [layout.node_of(pci) for pci in TWO_NODE_NICS] == [0, 1]
    assert layout.node_of("81:00.0") == 1  # (the short form of a PCI address)
    one = numa.numa_from_files(numa.read_snapshot(SYSFS / "one-node", ["0000:00:03.0"]))
    assert one.node_of("0000:00:03.0") == 0  # (numa_node -1 on a one-node machine)


def test_a_nic_on_a_node_without_pmd_core_or_memory_is_named_with_the_fix(
    tmp_path: Path,
) -> None:
    """Both PMD cores and all socket memory on node 0, a NIC on node 1; and no 1G page on
    node 1 for the memory it would need: each finding says what to change."""
    spec = _spec(
        tmp_path,
        'hugepages: {size: 1G, count: 8}, isolcpus: "2-7", socket_mem: "1024,0", '
        'pmd_cpu_mask: "0xc"',
        TWO_NODE_NICS,
    )
    found = _findings(spec, SYSFS / "two-node")
    assert found["NIC 0000:03:00.0 (NUMA node 0) has a PMD core on its node"].passed
    pmd = found["NIC 0000:81:00.0 (NUMA node 1) has a PMD core on its node"]
    assert not pmd.passed
    assert pmd.found == "pmd_cpu_mask 0xc: CPU 2,3"
    assert pmd.advice == 'add CPU 10 of node 1: pmd_cpu_mask: "0x40c"'  # (isolated, not 8)
    memory = found["NIC 0000:81:00.0 (NUMA node 1) has socket_mem on its node"]
    assert (memory.passed, memory.advice) == (False, 'socket_mem: "1024,1024"')
    assert found["PMD cores present"].passed and found["PMD cores isolated"].passed
    assert found["hugepages of 1G on NUMA node 0"].passed  # (4 GB there)

    # The advice taken: node 1 now has a core and memory, but none of the 1G pages.
    fixed = _spec(
        tmp_path,
        'hugepages: {size: 1G, count: 8}, isolcpus: "2-7,10", socket_mem: "1024,1024", '
        'pmd_cpu_mask: "0x40c"',
        TWO_NODE_NICS,
    )
    found = _findings(fixed, SYSFS / "two-node")
    failed = [f for f in found.values() if not f.passed]
    assert [f.name for f in failed] == ["hugepages of 1G on NUMA node 1"]
    assert failed[0].found == "0 pages, 0 MB"
    assert failed[0].advice.startswith("hugepages: {size: 1G, count: 2}")


def test_pmd_cores_the_host_lacks_or_has_not_isolated(tmp_path: Path) -> None:
    spec = _spec(
        tmp_path,
        'hugepages: {size: 2M, count: 1024}, socket_mem: "1024,1024", pmd_cpu_mask: "0x12"',
        ["0000:00:03.0"],
    )
    found = _findings(spec, SYSFS / "one-node")
    present = found["PMD cores present"]
    assert not present.passed and present.advice == 'pmd_cpu_mask: "0x2" (CPU 4 missing)'
    isolated = found["PMD cores isolated"]
    assert not isolated.passed and isolated.found == "CPU 1,4 not isolated"
    extra = found["socket_mem on the host's NUMA nodes"]
    assert (extra.passed, extra.advice) == (False, 'socket_mem: "1024"')
    assert found["hugepages of 2M on NUMA node 0"].passed  # (1,024 pages: 2 GB)


def test_what_dpdk_plan_proposes_passes_its_own_checks(tmp_path: Path) -> None:
    """The proposal for a NIC on each node of the two-node copy: a PMD core on each node,
    memory on each; with the hugepages it asks for reserved, every check passes."""
    layout = numa.numa_from_files(numa.read_snapshot(SYSFS / "two-node", TWO_NODE_NICS))
    text = numa.propose(TWO_NODE_NICS, layout, pmds_per_node=2)
    section = yaml.safe_load(text)["dpdk"]
    assert section == {
        "hugepages": {"size": "1G", "count": 2},
        "isolcpus": "2,3,10,11",
        "socket_mem": "1024,1024",
        "lcore_mask": "0x1",
        "pmd_cpu_mask": "0xc0c",
    }
    flow = ", ".join(f"{key}: {json.dumps(value)}" for key, value in section.items())
    spec = _spec(tmp_path, flow, TWO_NODE_NICS)
    pages = {**layout.pages, (1, "1G"): 1}  # (as hugepages=2 reserves: one on each node)
    reserved = numa.Numa(layout.nodes, pages, layout.nic_nodes, layout.isolated)
    assert spec.dpdk is not None
    found = numa.numa_findings(spec.dpdk, TWO_NODE_NICS, reserved)
    assert found and all(f.passed for f in found), [f for f in found if not f.passed]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ovs_ignite", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_dpdk_plan_prints_checks_and_a_section_as_yaml() -> None:
    """examples/dpdk.yaml against the two-node copy: its second NIC is on node 0 there,
    so both have their PMD cores; node 1's share of the 1G pages is missing (exit 3)."""
    example = str(ROOT / "examples" / "dpdk.yaml")
    result = _cli("dpdk-plan", example, "--sysfs", str(SYSFS / "two-node"))
    assert result.returncode == 3, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert "# PASS  NIC 0000:03:00.1 (NUMA node 0) has a PMD core on its node" in lines
    assert (
        "# FAIL  hugepages of 1G on NUMA node 1: expected at least 1024 MB (socket_mem for "
        "node 1), found 0 pages, 0 MB; change the spec: hugepages: {size: 1G, count: 2} "
        "(the kernel reserves the same count on each node)"
    ) in lines
    assert set(yaml.safe_load(result.stdout)["dpdk"]) >= {"pmd_cpu_mask", "socket_mem"}

    alone = _cli("dpdk-plan", "--sysfs", str(SYSFS / "two-node"), "--pci", "81:00.1")
    assert alone.returncode == 0, alone.stderr
    assert yaml.safe_load(alone.stdout)["dpdk"]["pmd_cpu_mask"] == "0x400"  # CPU 10, node 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pci", "0000:03:00.0;reboot"], "'0000:03:00.0;reboot' is not a PCI address"),
        (["--pci", "\u0660\u0663:00.0"], "is not a PCI address"),
        (["--sysfs", "/nonexistent"], "/nonexistent: not a folder (a copy of /sys)"),
    ],
)
def test_dpdk_plan_refuses_bad_input_in_one_line(args: list[str], message: str) -> None:
    base = ["--sysfs", str(SYSFS / "two-node")] if "--sysfs" not in args else []
    result = _cli("dpdk-plan", *base, *args)
    assert result.returncode == 1
    assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""


def test_an_empty_folder_has_no_cpus(tmp_path: Path) -> None:
    result = _cli("dpdk-plan", "--sysfs", str(tmp_path))
    assert result.returncode == 1
    assert "no CPUs in it" in result.stderr


def test_a_hostile_copy_is_bounded_and_means_nothing(tmp_path: Path) -> None:
    """Garbage where numbers go, a CPU list of 400 million CPUs, 200 nodes, a file of 10 MB,
    a FIFO: read in bounded time and bytes; what is no value is as if missing."""
    nodes = tmp_path / "devices/system/node"
    for n in range(200):
        (nodes / f"node{n}").mkdir(parents=True)
        (nodes / f"node{n}/cpulist").write_text(f"{n}\n")
    (nodes / "node0/cpulist").write_text("0-400000000\n")
    (nodes / "node1/cpulist").write_text("x" * 10_000_000)
    pages = nodes / "node2/hugepages/hugepages-2048kB"
    pages.mkdir(parents=True)
    (pages / "nr_hugepages").write_text("-5\n")
    pci = tmp_path / "bus/pci/devices/0000:03:00.0"
    pci.mkdir(parents=True)
    (pci / "numa_node").write_text("\u0661\n")  # (an Arabic-Indic one)
    fifo = tmp_path / "devices/system/cpu"
    fifo.mkdir(parents=True)
    os.mkfifo(fifo / "isolated")  # (reading it would block)
    files = numa.read_snapshot(tmp_path, ["0000:03:00.0"])
    assert all(len(value) <= numa.MAX_VALUE for value in files.values())
    layout = numa.numa_from_files(files)
    assert 0 not in layout.nodes and 1 not in layout.nodes  # (no CPU list, either)
    assert len(layout.nodes) == numa.MAX_NODES - 2  # (nodes 2-63 of the first 64 found)
    assert layout.pages == {} and layout.nic_nodes == {} and layout.isolated is None
    assert layout.node_of("0000:03:00.0") is None


def test_the_host_side_reads_this_machines_sysfs_as_the_copy_does() -> None:
    """COLLECT (what verify runs on a host) on this machine's /sys gives what reading /sys
    as a copy gives; and dpdk-plan proposes a section for one of its PCI devices."""
    devices = sorted(Path("/sys/bus/pci/devices").iterdir())[:2]
    pcis = [device.name for device in devices]
    collected = subprocess.run(
        ["sh", "-c", numa.COLLECT, "sh", *numa.pci_files(pcis)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    here = numa.numa_from_files(numa.parse_collected(collected.stdout))
    copy = numa.numa_from_files(numa.read_snapshot(Path("/sys"), pcis))
    assert here == copy
    assert here.nodes and all(here.nodes.values())
    if pcis:
        result = _cli("dpdk-plan", "--sysfs", "/sys", "--pci", pcis[0])
        assert result.returncode == 0, result.stderr
        assert "pmd_cpu_mask" in yaml.safe_load(result.stdout)["dpdk"] or len(here.nodes[0]) <= 1
