"""Attach N containers (one interface each) our way, the ovs-docker way and the floor way;
print times and ratios.

Not a test: run it as root on a Debian machine with the test suite's packages
(``scripts/test`` installs them), e.g. ``.venv/bin/python -m bench.attach 1 50 200``.

Same run, same OVS (the OVS units of a rendered config, on a userspace bridge in a network
namespace of its own), same N running containers, each method timed until every port is up
(``link_state=up`` in OVS, read with the host's ``ovs-vsctl`` on the database's socket):

- ours, at once: the ExecStart of each ``ovs-attach@NAME.service`` as Ignition wrote it,
  all started at once, as systemd starts independent units at boot; ``ovs-vsctl`` runs
  inside the OVS container, as on a host. The per-port figure is the median time of one
  attach command.
- ours, one after another: the same commands in turn; the median is one attach alone.
- ovs-docker: a loop of ``ovs-docker add-port BRIDGE eth1 NAME --ipaddress=...`` with the
  host's ``ovs-vsctl`` and a ``docker`` shim that answers through podman.
- floor: the same kernel and OVS work with nothing around it, in one bash process: one
  ``ip -batch`` on the host for all N veths (each made with its other end in its
  container), then for each container one ``ip -batch`` in its namespace (link up,
  address) and one ``ethtool`` (tx checksum offload off, as a userspace bridge needs), then
  one ``ovs-vsctl`` transaction adding all N ports. Nothing is looked up, checked or
  locked; it is what any attach must at least pay here.
- after a vswitchd restart: with all N attached (ours), ovs-vswitchd is stopped, the ports'
  ``link_state`` cleared in the database (so that only the new ovs-vswitchd's word counts),
  and the unit started again, as systemd would (its bridges unit with it): the time from
  that start until every port is up again. The attachments stay in the database and the
  veths on the host; no attach runs again.

And the same N containers on two more OVS instances (``switches:``, each in its own
network namespace, half the containers on a bridge of each), attached all at once, each
container by its attach unit's commands in order (the main instance's, then the drop-in's
for the other instances).

The summary lines give the goals: ours at once against the ovs-docker loop at N=50 (at
most 0.15x), the time per port at the largest N against that at 50 (at most 1.2x), one
attach alone against one add-port (at most 0.4x). ``--write`` puts the figures in
docs/measurements.md (bench/record.py).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ovs_ignite import parse_spec
from ovs_ignite.names import VSWITCHD_UNIT
from tests.support.images import containers_conf, httpd_image, ovs_image
from tests.support.runtime import Stack, stack
from tests.support.unitrunner import load_unit, split_command

from .record import machine, machine_line, write

BRIDGE = "br-bench"


@dataclass
class Result:
    method: str
    total: float  # seconds, until every port is up
    per_port: float  # seconds: the median of one command (or total / N)


def spec_text(n: int, ovs: str, httpd: str) -> str:
    containers = "\n".join(
        f"  - name: c{i}\n    image: {httpd}\n"
        f"    interfaces: [{{bridge: {BRIDGE}, address: {address(i)}}}]"
        for i in range(n)
    )
    return (
        f"version: 1\novs:\n  image: {ovs}\nbridges:\n  - name: {BRIDGE}\n"
        f"    datapath: netdev\ncontainers:\n{containers}\n"
    )


def address(i: int) -> str:
    return f"10.50.{i // 200}.{i % 200 + 10}/16"


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.monotonic()
    result = subprocess.run(argv, env=env, check=False, capture_output=True, text=True)
    if result.returncode != 0:
        ps = subprocess.run(
            ["podman", "ps", "-a", "--format", "{{.Names}} {{.Status}}"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        raise RuntimeError(f"{argv[-2:]} failed:\n{result.stderr}\ncontainers:\n{ps}")
    return time.monotonic() - start


def db_vsctl(host: Stack, *args: str, instance: str = "") -> str:
    """The host's ovs-vsctl on the database of the main OVS (or of instance), no wait."""
    run_dir = f"{host.host.run_dir}-{instance}" if instance else str(host.host.run_dir)
    return subprocess.run(
        ["ovs-vsctl", f"--db=unix:{run_dir}/db.sock", "--no-wait", "--timeout=30", *args],
        env=host.host.env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def wait_ports_up(host: Stack, count: int, instances: tuple[str, ...] = ("",)) -> None:
    end = time.monotonic() + 300
    while time.monotonic() < end:
        states = []
        for instance in instances:
            states += db_vsctl(
                host,
                *("--data=bare", "--no-heading", "--columns=link_state", "find", "interface"),
                "external_ids:container_iface=eth1",
                instance=instance,
            ).split()
        if len(states) == count and set(states) == {"up"}:
            return
        time.sleep(0.005)
    raise RuntimeError(f"not all {count} ports came up")


def unit_commands(host: Stack, name: str, key: str) -> list[list[str]]:
    unit = load_unit(host.host.root, f"ovs-attach@{name}.service")
    argvs = [split_command(line, unit.name, host.host.env)[1] for line in unit.commands[key]]
    return [host.host.netns_argv(host.host._rewrite(argv)) for argv in argvs]


def detach_all(host: Stack, names: list[str]) -> None:
    for name in names:
        for argv in unit_commands(host, name, "ExecStop"):
            subprocess.run(argv, env=host.host.env, check=True, capture_output=True)


def ours_at_once(host: Stack, names: list[str]) -> Result:
    commands = [unit_commands(host, name, "ExecStart")[0] for name in names]
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        latencies = list(pool.map(lambda argv: timed(argv, host.host.env), commands))
    wait_ports_up(host, len(names))
    total = time.monotonic() - start
    return Result("at once", total, statistics.median(latencies))


def ours_in_turn(host: Stack, names: list[str]) -> Result:
    commands = [unit_commands(host, name, "ExecStart")[0] for name in names]
    start = time.monotonic()
    latencies = [timed(argv, host.host.env) for argv in commands]
    wait_ports_up(host, len(names))
    total = time.monotonic() - start
    return Result("in turn", total, statistics.median(latencies))


def after_vswitchd_restart(host: Stack, names: list[str]) -> Result:
    host.stop(VSWITCHD_UNIT)
    ports = db_vsctl(host, "--data=bare", "--no-heading", "--columns=name", "find", "interface")
    clear = [w for port in ports.split() for w in ("--", "clear", "interface", port, "link_state")]
    db_vsctl(host, *clear[1:])
    start = time.monotonic()
    host.start(VSWITCHD_UNIT)
    wait_ports_up(host, len(names))
    total = time.monotonic() - start
    return Result("restart", total, total / len(names))


def ovs_docker_loop(host: Stack, names: list[str], work: Path) -> Result:
    shim = work / "shim"
    shim.mkdir(exist_ok=True)
    (shim / "docker").write_text('#!/bin/sh\nexec podman "$@"\n')
    (shim / "docker").chmod(0o755)
    env = {**host.host.env, "PATH": f"{shim}:{os.environ['PATH']}"}
    start = time.monotonic()
    latencies = []
    for i, name in enumerate(names):
        argv = ["ovs-docker", "add-port", BRIDGE, "eth1", name, f"--ipaddress={address(i)}"]
        latencies.append(timed(host.host.netns_argv(argv), env))
    wait_ports_up(host, len(names))
    total = time.monotonic() - start
    result = Result("ovs-docker", total, statistics.median(latencies))
    for name in names:
        argv = host.host.netns_argv(["ovs-docker", "del-ports", BRIDGE, name])
        subprocess.run(argv, env=env, check=True, capture_output=True)
    return result


def interface_fields(host: Stack, name: str) -> list[str]:
    """The fields of container name's one interface line in its host data."""
    data = host.host.root / f"etc/ovs-ignite/containers/{name}.conf"
    (line,) = [x for x in data.read_text().splitlines() if x.startswith("interface=")]
    return line.removeprefix("interface=").split()


def floor(host: Stack, names: list[str]) -> Result:
    """The floor, as one bash process (timed from its start to every port up)."""
    pids = {name: host.container_pid(name) for name in names}
    rows = {name: interface_fields(host, name) for name in names}
    vswitchd = host.container_pid("ovs-vswitchd")
    veths = "".join(
        f"link add name {rows[n][2]} up type veth peer name eth1 address {rows[n][3]} "
        f"netns {pids[n]}\n"
        for n in names
    )
    inner = "".join(
        f"printf 'link set dev eth1 up\\naddr replace {rows[n][6]} dev eth1\\n' | "
        f"nsenter --target {pids[n]} --net -- ip -batch -\n"
        f"nsenter --target {pids[n]} --net -- ethtool -K eth1 tx off >/dev/null\n"
        for n in names
    )
    adds = " ".join(
        f"-- add-port {BRIDGE} {rows[n][2]} -- set interface {rows[n][2]} "
        f"external_ids:container_id={n} external_ids:container_iface=eth1"
        for n in names
    )
    vsctl = f"nsenter --target {vswitchd} --mount -- env -i ovs-vsctl --timeout=60"
    script = f"set -e\nip -batch - <<'EOF'\n{veths}EOF\n{inner}{vsctl} {adds[3:]}\n"
    start = time.monotonic()
    subprocess.run(host.host.netns_argv(["bash", "-c", script]), env=host.host.env, check=True)
    wait_ports_up(host, len(names))
    total = time.monotonic() - start
    dels = " ".join(f"-- del-port {rows[n][2]}" for n in names)
    links = "".join(f"link del dev {rows[n][2]}\n" for n in names)
    undo = f"{vsctl} {dels[3:]}\nip -batch - <<'EOF'\n{links}EOF\n"
    subprocess.run(host.host.netns_argv(["bash", "-c", undo]), env=host.host.env, check=True)
    return Result("floor", total, total / len(names))


def measure(n: int, work: Path) -> list[Result]:
    conf = containers_conf(work / "containers.conf")
    spec = parse_spec(spec_text(n, ovs_image(conf, work), httpd_image(conf, work)), "bench.yaml")
    names = [c.name for c in spec.containers]
    with stack(spec, work / "stack") as host:
        for name in names:
            host.host.start(f"{name}.service", wants=False)
        steps: list[Callable[[], Result]] = [
            lambda: floor(host, names),
            lambda: ours_at_once(host, names),
            lambda: after_vswitchd_restart(host, names),
            lambda: ours_in_turn(host, names),
            lambda: ovs_docker_loop(host, names, work),
        ]
        results = []
        for step in steps:
            results.append(step())
            if step is not steps[1]:  # (the restart runs on what the boot case attached)
                detach_all(host, names)
    return results


INSTANCES = ("bna", "bnb")


def instances_spec_text(n: int, ovs: str, httpd: str) -> str:
    bridges = "".join(
        f"  - {{name: br-{name}, switch: {name}, datapath: netdev}}\n" for name in INSTANCES
    )
    containers = "\n".join(
        f"  - name: c{i}\n    image: {httpd}\n"
        f"    interfaces: [{{bridge: br-{INSTANCES[i % 2]}, address: {address(i)}}}]"
        for i in range(n)
    )
    switches = ", ".join(f"{{name: {name}}}" for name in INSTANCES)
    return (
        f"version: 1\novs:\n  image: {ovs}\nswitches: [{switches}]\nbridges:\n{bridges}"
        f"containers:\n{containers}\n"
    )


def timed_in_order(commands: list[list[str]], env: dict[str, str]) -> float:
    return sum(timed(argv, env) for argv in commands)


def measure_instances(n: int, work: Path) -> Result:
    conf = containers_conf(work / "containers.conf")
    text = instances_spec_text(n, ovs_image(conf, work), httpd_image(conf, work))
    spec = parse_spec(text, "bench.yaml")
    names = [c.name for c in spec.containers]
    with stack(spec, work / "stack") as host:
        for name in INSTANCES:
            host.start(f"ovs-vswitchd-{name}.service")
        for name in names:
            host.host.start(f"{name}.service", wants=False)
        env = host.host.env
        per_container = [unit_commands(host, name, "ExecStart") for name in names]
        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=n) as pool:
            latencies = list(pool.map(lambda argvs: timed_in_order(argvs, env), per_container))
        wait_ports_up(host, n, INSTANCES)
        total = time.monotonic() - start
    return Result("instances", total, statistics.median(latencies))


def in_scratch(n: int, what: Callable[[int, Path], object]) -> object:
    with tempfile.TemporaryDirectory(prefix="bench-attach-") as tmp:
        work = Path(tmp)
        work.chmod(0o755)
        return what(n, work)


METHODS = {
    "at once": "ours, all at once (as systemd starts the attach units at boot)",
    "in turn": "ours, one after another (median of one attach)",
    "ovs-docker": "`ovs-docker add-port` loop (median of one)",
    "floor": "floor",
    "restart": "after a vswitchd restart",
    "instances": "ours, half on each of two more instances, at once",
}


def goals(runs: dict[str, dict[str, list[float]]]) -> list[str]:
    """The summary lines: ours at once against the ovs-docker loop at N=50, the time per
    port at the largest N against N=50, one attach alone against one add-port."""
    lines = []
    if "50" in runs:
        at50 = runs["50"]
        ratio = at50["at once"][0] / at50["ovs-docker"][0]
        lines.append(f"N=50 at once: {ratio:.2f}x the `ovs-docker` loop (goal: at most 0.15x).")
    largest = max(runs, key=int)
    if "50" in runs and int(largest) > 50:
        per_large = runs[largest]["at once"][0] / int(largest)
        ratio = per_large / (runs["50"]["at once"][0] / 50)
        lines.append(
            f"Time per port at N={largest}: {ratio:.2f}x that at N=50 "
            "(goal: at most 1.2x, linear growth)."
        )
    alone = [(run["in turn"][1], run["ovs-docker"][1]) for run in runs.values()]
    ours, theirs = (statistics.median(x) for x in zip(*alone, strict=True))
    lines.append(
        f"One attach alone: {ours / theirs:.2f}x one `ovs-docker add-port` (goal: at most 0.4x)."
    )
    return lines


def _cell(run: dict[str, list[float]], method: str) -> str:
    total, per_port = run[method]
    if method in ("in turn", "ovs-docker"):
        return f"{total:.2f} s ({per_port * 1000:.0f} ms)"
    if method in ("at once", "instances"):
        loop, bottom = run["ovs-docker"][0], run["floor"][0]
        return f"{total:.2f} s ({total / loop:.2f}x the loop, {total / bottom:.2f}x the floor)"
    return f"{total:.2f} s"


def figures(results: dict[str, Any]) -> str:
    """The Markdown of a run's results (docs/measurements.md)."""
    runs = results["runs"]
    sizes = " ".join(sorted(runs, key=int))
    lines = [
        f"`python -m bench.attach {sizes}`, one run. " + machine_line(results),
        "",
        "| N | " + " | ".join(METHODS.values()) + " |",
        "|---" * (len(METHODS) + 1) + "|",
    ]
    for n in sorted(runs, key=int):
        lines.append(f"| {n} | " + " | ".join(_cell(runs[n], m) for m in METHODS) + " |")
    return "\n".join([*lines, "", *goals(runs)]) + "\n"


def main(argv: list[str]) -> None:
    """Run the sizes of argv (default 1 50 200); --write puts the figures in
    docs/measurements.md."""
    sizes = [int(a) for a in argv if a != "--write"] or [1, 50, 200]
    runs: dict[str, dict[str, list[float]]] = {}
    for n in sizes:
        results = in_scratch(n, measure)
        assert isinstance(results, list)
        instances = in_scratch(n, measure_instances)
        assert isinstance(instances, Result)
        runs[str(n)] = {r.method: [r.total, r.per_port] for r in [*results, instances]}
        print(f"N={n}: " + ", ".join(f"{k} {v[0]:.2f} s" for k, v in runs[str(n)].items()))
    measured = {**machine(), "runs": runs}
    print(figures(measured))
    if "--write" in argv:
        write("attach", measured, figures(measured))


if __name__ == "__main__":
    main(sys.argv[1:])
