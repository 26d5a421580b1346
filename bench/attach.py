"""Attach N containers (one interface each) our way and the ovs-docker way; print ratios.

Not a test: run it as root on a Debian machine with the test suite's packages
(``scripts/test`` installs them), e.g. ``.venv/bin/python -m bench.attach 1 10 50``.

Same run, same OVS (the OVS units of a rendered config, on a userspace bridge in a network
namespace of its own), same N running containers:
- ours: the ExecStart of each ``ovs-attach@NAME.service`` as Ignition wrote it, started all
  at once as systemd starts independent units at boot (and, for reference, one after
  another); ``ovs-vsctl`` runs inside the OVS container, as on a host.
- ovs-docker: a loop of ``ovs-docker add-port BRIDGE eth1 NAME --ipaddress=...`` with the
  host's ``ovs-vsctl`` and a ``docker`` shim that answers through podman.
Each is timed until every port is up (``link_state=up`` in OVS); the per-port latency is
the time of one attach command (or one add-port).

And the same N containers on two more OVS instances (issue 16: ``switches:``, each in its
own network namespace, half the containers on a bridge of each), attached all at once, each
container by its attach unit's commands in order (the main instance's, then the drop-in's
for the other instances); its ratio is against the same ovs-docker loop.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ovs_ignite import parse_spec
from tests.images import containers_conf, httpd_image, ovs_image
from tests.runtime import Stack, stack
from tests.unitrunner import load_unit, split_command

BRIDGE = "br-bench"


def spec_text(n: int, ovs: str, httpd: str) -> str:
    containers = "\n".join(
        f"  - name: c{i}\n    image: {httpd}\n"
        f"    interfaces: [{{bridge: {BRIDGE}, address: 10.50.{i // 200}.{i % 200 + 10}/16}}]"
        for i in range(n)
    )
    return (
        f"version: 1\novs:\n  image: {ovs}\nbridges:\n  - name: {BRIDGE}\n"
        f"    datapath: netdev\ncontainers:\n{containers}\n"
    )


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


def wait_ports_up(host: Stack, count: int, deadline: float = 120) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        states = host.vsctl(
            "--data=bare",
            "--no-heading",
            "--columns=link_state",
            "find",
            "interface",
            "external_ids:container_iface=eth1",
        ).split()
        if len(states) == count and set(states) == {"up"}:
            return
        time.sleep(0.01)
    raise RuntimeError(f"not all {count} ports came up")


def attach_commands(host: Stack, names: list[str]) -> list[list[str]]:
    commands = []
    for name in names:
        unit = load_unit(host.host.root, f"ovs-attach@{name}.service")
        (line,) = unit.commands["ExecStart"]
        _, argv = split_command(line, unit.name, host.host.env)
        commands.append(host.host.netns_argv(host.host._rewrite(argv)))
    return commands


def detach_all(host: Stack, names: list[str]) -> None:
    for name in names:
        unit = load_unit(host.host.root, f"ovs-attach@{name}.service")
        (line,) = unit.commands["ExecStop"]
        _, argv = split_command(line, unit.name, host.host.env)
        subprocess.run(
            host.host.netns_argv(host.host._rewrite(argv)),
            env=host.host.env,
            check=True,
            capture_output=True,
        )


def measure(n: int, work: Path) -> list[tuple[str, float, float]]:
    conf = containers_conf(work / "containers.conf")
    spec = parse_spec(spec_text(n, ovs_image(conf, work), httpd_image(conf, work)), "bench.yaml")
    names = [c.name for c in spec.containers]
    results = []
    with stack(spec, work / "stack") as host:
        for name in names:
            host.host.start(f"{name}.service", wants=False)
        env = host.host.env

        commands = attach_commands(host, names)
        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=n) as pool:
            latencies = list(pool.map(lambda argv: timed(argv, env), commands))
        wait_ports_up(host, n)
        results.append(
            ("ours, all at once (boot)", time.monotonic() - start, statistics.median(latencies))
        )
        detach_all(host, names)

        start = time.monotonic()
        latencies = [timed(argv, env) for argv in commands]
        wait_ports_up(host, n)
        results.append(
            ("ours, one after another", time.monotonic() - start, statistics.median(latencies))
        )
        detach_all(host, names)

        shim = work / "shim"
        shim.mkdir(exist_ok=True)
        (shim / "docker").write_text('#!/bin/sh\nexec podman "$@"\n')
        (shim / "docker").chmod(0o755)
        docker_env = {**env, "PATH": f"{shim}:{os.environ['PATH']}"}
        start = time.monotonic()
        latencies = []
        for i, name in enumerate(names):
            address = f"10.50.{i // 200}.{i % 200 + 10}/16"
            latencies.append(
                timed(
                    host.host.netns_argv(
                        ["ovs-docker", "add-port", BRIDGE, "eth1", name, f"--ipaddress={address}"]
                    ),
                    docker_env,
                )
            )
        wait_ports_up(host, n)
        results.append(
            ("ovs-docker add-port loop", time.monotonic() - start, statistics.median(latencies))
        )
        for name in names:
            subprocess.run(
                host.host.netns_argv(["ovs-docker", "del-ports", BRIDGE, name]),
                env=docker_env,
                check=True,
                capture_output=True,
            )
    return results


INSTANCES = ("bna", "bnb")


def instances_spec_text(n: int, ovs: str, httpd: str) -> str:
    bridges = "".join(
        f"  - {{name: br-{name}, switch: {name}, datapath: netdev}}\n" for name in INSTANCES
    )
    containers = "\n".join(
        f"  - name: c{i}\n    image: {httpd}\n"
        f"    interfaces: [{{bridge: br-{INSTANCES[i % 2]}, "
        f"address: 10.50.{i // 200}.{i % 200 + 10}/16}}]"
        for i in range(n)
    )
    switches = ", ".join(f"{{name: {name}}}" for name in INSTANCES)
    return (
        f"version: 1\novs:\n  image: {ovs}\nswitches: [{switches}]\nbridges:\n{bridges}"
        f"containers:\n{containers}\n"
    )


def wait_instance_ports_up(host: Stack, count: int, deadline: float = 120) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        states = []
        for name in INSTANCES:
            states += host.exec(
                f"ovs-vswitchd-{name}",
                *("ovs-vsctl", "--timeout=30", "--data=bare", "--no-heading"),
                *("--columns=link_state", "find", "interface"),
                "external_ids:container_iface=eth1",
            ).stdout.split()
        if len(states) == count and set(states) == {"up"}:
            return
        time.sleep(0.01)
    raise RuntimeError(f"not all {count} ports came up")


def timed_in_order(commands: list[list[str]], env: dict[str, str]) -> float:
    return sum(timed(argv, env) for argv in commands)


def measure_instances(n: int, work: Path) -> tuple[str, float, float]:
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
        per_container = []
        for name in names:
            unit = load_unit(host.host.root, f"ovs-attach@{name}.service")
            argvs = [split_command(line, unit.name, env)[1] for line in unit.commands["ExecStart"]]
            per_container.append([host.host.netns_argv(host.host._rewrite(a)) for a in argvs])
        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=n) as pool:
            latencies = list(pool.map(lambda argvs: timed_in_order(argvs, env), per_container))
        wait_instance_ports_up(host, n)
        total = time.monotonic() - start
    return ("ours, 2 instances, at once", total, statistics.median(latencies))


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1, 10, 50]
    print(f"{'N':>3}  {'method':<26} {'total s':>8} {'median ms/port':>15} {'vs ovs-docker':>14}")
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="bench-attach-") as tmp:
            work = Path(tmp)
            work.chmod(0o755)
            results = measure(n, work)
        with tempfile.TemporaryDirectory(prefix="bench-attach-") as tmp:
            work = Path(tmp)
            work.chmod(0o755)
            results.append(measure_instances(n, work))
        reference = results[2][1]  # the ovs-docker loop
        for method, total, median in results:
            print(
                f"{n:>3}  {method:<26} {total:>8.2f} {median * 1000:>15.0f} "
                f"{total / reference:>13.2f}x"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
