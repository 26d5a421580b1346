"""NUMA placement of OVS-DPDK, which only the host can tell: on which node each DPDK NIC sits,
which CPUs and hugepages each node has. verify reads these from the host's sysfs, and
``dpdk-plan`` from a copy of it; both check the spec's dpdk section against them (a PMD core
and socket memory on each NIC's node, hugepages there, PMD cores isolated) and say what to
change, and dpdk-plan proposes a section.

What a host (or a copy) gives is untrusted: at most MAX_NODES nodes, MAX_VALUE characters a
file, numbers of ASCII digits, CPU lists as the kernel writes them; anything else is as if
the file were missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .records import Dpdk
from .values import MAX_CPU, cpu_ranges, mask_cpus

MAX_NODES = 64
MAX_VALUE = 4096
PAGE_SIZES = {"2M": 2048, "1G": 1048576}  # kB, as sysfs names them
_NODE_FILE = re.compile(
    r"^devices/system/node/node([0-9]{1,2})/"
    r"(cpulist|hugepages/hugepages-(2048|1048576)kB/nr_hugepages)$"
)
_PCI_FILE = re.compile(r"^bus/pci/devices/([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7])/numa_node$")
_CPULIST = re.compile(r"^[0-9]{1,4}(-[0-9]{1,4})?(,[0-9]{1,4}(-[0-9]{1,4})?)*$")

# The host's side: each file's path under /sys and its first MAX_VALUE bytes, a line each
# ("PATH<TAB>VALUE"); the PCI addresses come as arguments. Plain POSIX sh.
COLLECT = (
    "cd /sys 2>/dev/null || exit 0; n=0; "
    "for f in devices/system/cpu/online devices/system/cpu/isolated "
    "devices/system/node/node*/cpulist "
    "devices/system/node/node*/hugepages/hugepages-*kB/nr_hugepages "
    '"$@"; do n=$((n+1)); [ "$n" -le 1024 ] || break; [ -r "$f" ] || continue; '
    f'printf \'%s\\t%s\\n\' "$f" "$(head -c {MAX_VALUE} -- "$f" | tr -d \'\\n\\t\')"; done'
)


def full_pci(pci: str) -> str:
    """A PCI address as sysfs names it: with its domain, lower case."""
    pci = pci.lower()
    return pci if pci.count(":") == 2 else f"0000:{pci}"


def pci_files(pcis: list[str]) -> list[str]:
    """The sysfs files that give each NIC's NUMA node (COLLECT's arguments)."""
    return [f"bus/pci/devices/{full_pci(pci)}/numa_node" for pci in pcis]


def parse_collected(text: str) -> dict[str, str]:
    """COLLECT's output: path -> value (lines of another shape are left out)."""
    files: dict[str, str] = {}
    for line in text.splitlines()[:1024]:
        path, tab, value = line.partition("\t")
        if tab and len(value) <= MAX_VALUE:
            files[path] = value.strip()
    return files


def read_snapshot(root: Path, pcis: list[str]) -> dict[str, str]:
    """The files COLLECT reads, from a copy of a host's /sys at root (what is missing is
    left out; each file read to MAX_VALUE bytes)."""
    paths = ["devices/system/cpu/online", "devices/system/cpu/isolated", *pci_files(pcis)]
    for node in range(MAX_NODES):
        folder = f"devices/system/node/node{node}"
        if (root / folder).is_dir():
            paths.append(f"{folder}/cpulist")
            paths += [
                f"{folder}/hugepages/hugepages-{kb}kB/nr_hugepages" for kb in PAGE_SIZES.values()
            ]
    files = {}
    for path in paths:
        file = root / path
        if file.is_file():
            with file.open("rb") as handle:
                text = handle.read(MAX_VALUE).decode("ascii", "replace")
            files[path] = text.replace("\n", "").replace("\t", "").strip()
    return files


def _cpus(value: str | None) -> frozenset[int] | None:
    """The CPUs of a kernel CPU list ("" is none), or None when it is not one."""
    if value is None:
        return None
    if value == "":
        return frozenset()
    if not _CPULIST.match(value):
        return None
    cpus: set[int] = set()
    for first, last in cpu_ranges(value):
        if last > MAX_CPU:
            return None
        cpus.update(range(first, last + 1))
    return frozenset(cpus)


def _number(value: str | None) -> int | None:
    if value is None or not value.isascii():
        return None
    text = value.removeprefix("-")
    if not text.isdigit() or len(text) > 9:
        return None
    return int(value)


@dataclass(frozen=True)
class Numa:
    """A host's NUMA layout: each node's CPUs and hugepages, each NIC's node."""

    nodes: dict[int, frozenset[int]]  # node -> its CPUs
    pages: dict[tuple[int, str], int]  # (node, "2M" or "1G") -> pages reserved there
    nic_nodes: dict[str, int]  # PCI address -> node (absent: unknown)
    isolated: frozenset[int] | None  # the CPUs isolcpus took (None: not known)

    def node_of(self, pci: str) -> int | None:
        """The node of a NIC: the one sysfs gives, or the only node (a machine without NUMA
        affinity says -1)."""
        node = self.nic_nodes.get(full_pci(pci))
        if node is not None and node in self.nodes:
            return node
        return next(iter(self.nodes)) if len(self.nodes) == 1 and node == -1 else None

    def cpu_node(self, cpu: int) -> int | None:
        return next((n for n, cpus in self.nodes.items() if cpu in cpus), None)


def numa_from_files(files: dict[str, str]) -> Numa:
    """The layout that files (path under /sys -> value) give."""
    nodes: dict[int, frozenset[int]] = {}
    pages: dict[tuple[int, str], int] = {}
    nic_nodes: dict[str, int] = {}
    sizes = {str(kb): size for size, kb in PAGE_SIZES.items()}
    for path, value in files.items():
        node_file = _NODE_FILE.match(path)
        pci_file = _PCI_FILE.match(path)
        if node_file and int(node_file.group(1)) < MAX_NODES:
            node = int(node_file.group(1))
            if node_file.group(2) == "cpulist":
                cpus = _cpus(value)
                if cpus is not None:
                    nodes[node] = cpus
            elif (count := _number(value)) is not None and count >= 0:
                pages[(node, sizes[node_file.group(3)])] = count
        elif pci_file and (number := _number(value)) is not None and number < MAX_NODES:
            nic_nodes[pci_file.group(1)] = number
    if not nodes:  # (a kernel without NUMA: one node of every CPU)
        online = _cpus(files.get("devices/system/cpu/online"))
        if online:
            nodes[0] = online
    isolated = _cpus(files.get("devices/system/cpu/isolated"))
    return Numa(dict(sorted(nodes.items())), pages, nic_nodes, isolated)


# -- what the spec asks of the layout ----------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One check of the spec's dpdk section against a host's layout; advice says what to
    change in the spec when it fails."""

    name: str
    passed: bool
    expected: str
    found: str
    advice: str = ""


def mask_of(cpus: set[int] | frozenset[int]) -> str:
    return hex(sum(1 << cpu for cpu in cpus))


def listed(cpus: set[int] | frozenset[int]) -> str:
    """CPUs as a list in order (1,2,5), or none."""
    return ",".join(str(cpu) for cpu in sorted(cpus)) or "none"


def socket_mem_list(value: str | None) -> list[int]:
    return [int(mb) for mb in value.split(",")] if value else []


def numa_findings(dpdk: Dpdk, nics: list[str], numa: Numa) -> list[Finding]:
    """The checks of the dpdk section against numa, for the spec's DPDK NICs (PCI); none
    when numa has no node (nothing was read)."""
    if not numa.nodes:
        return []
    pmds = set(mask_cpus(dpdk.pmd_cpu_mask)) if dpdk.pmd_cpu_mask else None
    memory = socket_mem_list(dpdk.socket_mem)
    found = [f for pci in nics for f in _nic_findings(dpdk, pci, pmds, memory, numa)]
    if pmds is not None:
        found += _pmd_findings(pmds, frozenset().union(*numa.nodes.values()), numa)
    if memory:
        absent = {node for node, mb in enumerate(memory) if mb and node not in numa.nodes}
        kept = [mb if node in numa.nodes else 0 for node, mb in enumerate(memory)]
        found.append(
            Finding(
                "socket_mem on the host's NUMA nodes",
                not absent,
                f"memory only for node {listed(frozenset(numa.nodes))}",
                f"socket_mem {dpdk.socket_mem} gives node {listed(absent)} memory",
                f'socket_mem: "{",".join(str(mb) for mb in kept[: max(numa.nodes) + 1])}"',
            )
        )
    return found + _page_findings(dpdk, memory, numa)


def _nic_findings(
    dpdk: Dpdk, pci: str, pmds: set[int] | None, memory: list[int], numa: Numa
) -> list[Finding]:
    """A NIC's node known, with a PMD core (pmd_cpu_mask) and memory (socket_mem) there."""
    node = numa.node_of(pci)
    if node is None:
        known = numa.nic_nodes.get(full_pci(pci), "no such device")
        return [
            Finding(
                f"NIC {pci} NUMA node",
                False,
                "a NUMA node in sysfs",
                f"none known ({known})",
                "check the PCI address in dpdk.devices",
            )
        ]
    found = []
    cpus = numa.nodes[node]
    if pmds is not None:
        pick = _spare(cpus, numa, pmds)
        found.append(
            Finding(
                f"NIC {pci} (NUMA node {node}) has a PMD core on its node",
                bool(pmds & cpus),
                f"a CPU of node {node} ({listed(cpus)}) in pmd_cpu_mask",
                f"pmd_cpu_mask {dpdk.pmd_cpu_mask}: CPU {listed(pmds)}",
                f'add CPU {pick} of node {node}: pmd_cpu_mask: "{mask_of(pmds | {pick})}"'
                if pick is not None
                else "",
            )
        )
    if memory:
        given = memory[node] if node < len(memory) else 0
        wanted = [memory[n] if n < len(memory) else 0 for n in range(max(node + 1, len(memory)))]
        wanted[node] = wanted[node] or 1024
        found.append(
            Finding(
                f"NIC {pci} (NUMA node {node}) has socket_mem on its node",
                given > 0,
                f"memory for node {node} in socket_mem",
                f"socket_mem {dpdk.socket_mem}: {given} MB for node {node}",
                f'socket_mem: "{",".join(str(mb) for mb in wanted)}"',
            )
        )
    return found


def _spare(cpus: frozenset[int], numa: Numa, taken: set[int]) -> int | None:
    """A CPU of cpus for a PMD: an isolated one if any, never the node's first (the
    system's and DPDK's main lcore's usual place), not one taken already."""
    free = sorted(cpus - taken - {min(cpus, default=0)})
    isolated = [cpu for cpu in free if numa.isolated and cpu in numa.isolated]
    choices = isolated or free
    return choices[0] if choices else None


def _pmd_findings(pmds: set[int], every: frozenset[int], numa: Numa) -> list[Finding]:
    found = [
        Finding(
            "PMD cores present",
            pmds <= every,
            f"CPUs of the host ({listed(every)})",
            f"pmd_cpu_mask CPU {listed(pmds)}",
            f'pmd_cpu_mask: "{mask_of(pmds & every)}" (CPU {listed(pmds - every)} missing)'
            if pmds & every
            else "give pmd_cpu_mask CPUs the host has",
        )
    ]
    if numa.isolated is not None:
        outside = pmds - numa.isolated
        found.append(
            Finding(
                "PMD cores isolated",
                not outside,
                f"pmd_cpu_mask CPUs among the isolated ({listed(numa.isolated)})",
                f"CPU {listed(outside)} not isolated",
                f"add CPU {listed(outside)} to dpdk.isolcpus (a kernel argument: a reboot)",
            )
        )
    return found


def _page_findings(dpdk: Dpdk, memory: list[int], numa: Numa) -> list[Finding]:
    """Each node that socket_mem gives memory has that much in hugepages of the default
    size there (the kernel spreads hugepages= over the nodes)."""
    size = dpdk.page_pools[0].size
    page_mb = PAGE_SIZES[size] // 1024
    found = []
    for node, mb in enumerate(memory):
        if mb == 0 or node not in numa.nodes:
            continue
        count = numa.pages.get((node, size), 0)
        per_node = -(-mb // page_mb)
        found.append(
            Finding(
                f"hugepages of {size} on NUMA node {node}",
                count * page_mb >= mb,
                f"at least {mb} MB (socket_mem for node {node})",
                f"{count} pages, {count * page_mb} MB",
                f"hugepages: {{size: {size}, count: {per_node * len(numa.nodes)}}} (the "
                "kernel reserves the same count on each node)",
            )
        )
    return found


# -- dpdk-plan ------------------------------------------------------------------------------------


def _node_name(node: int | None) -> str:
    return "NUMA node unknown" if node is None else f"node {node}"


def propose(nics: list[str], numa: Numa, pmds_per_node: int = 1) -> str:
    """A dpdk section (YAML) for the NICs on this layout: PMD cores on each NIC's node
    (pmds_per_node of them, isolated), the main lcore on the first CPU, socket memory and 1G
    hugepages on the nodes that need them."""
    nic_nodes = sorted({n for n in (numa.node_of(pci) for pci in nics) if n is not None})
    if not numa.nodes:
        raise ValueError("no CPUs in the sysfs copy (devices/system/node or cpu/online)")
    first_node = next(iter(numa.nodes))
    lcore = min(numa.nodes[first_node])
    pmds: set[int] = set()
    for node in nic_nodes or [first_node]:
        for _ in range(pmds_per_node):
            pick = _spare(numa.nodes[node], numa, pmds | {lcore})
            if pick is not None:
                pmds.add(pick)
    needing = set(nic_nodes) | {first_node}
    memory = [1024 if n in needing else 0 for n in range(max(numa.nodes) + 1)]
    count = len(numa.nodes)
    lines = [
        "# a dpdk section proposed by ovs-ignite dpdk-plan for "
        + (", ".join(f"{pci} ({_node_name(numa.node_of(pci))})" for pci in nics) or "no NIC"),
        "dpdk:",
        f"  hugepages: {{size: 1G, count: {count}}}   # the kernel reserves "
        f"{count // len(numa.nodes)} on each of the {len(numa.nodes)} nodes",
        f'  isolcpus: "{listed(pmds)}"' if pmds else "  # isolcpus: no CPU to spare",
        f'  socket_mem: "{",".join(str(mb) for mb in memory)}"',
        f'  lcore_mask: "{mask_of({lcore})}"     # CPU {lcore}, node {first_node}',
    ]
    if pmds:
        placed = ", ".join(f"CPU {cpu} node {numa.cpu_node(cpu)}" for cpu in sorted(pmds))
        lines.append(f'  pmd_cpu_mask: "{mask_of(pmds)}"   # {placed}')
    return "\n".join(lines) + "\n"
