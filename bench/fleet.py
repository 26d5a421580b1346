"""Render a fleet: N hosts from one spec and an inventory, as the command a user runs
(``ovs-ignite render SPEC --inventory HOSTS -o DIR``: one process, N config files written)
and in one process without writing, next to N runs of the single-host ``ovs-ignite render``
and, where a ``butane`` binary is on PATH, N ``butane --strict`` runs on the same Butane
config. Prints the times and how many times faster the fleet command is (the goal:
at least 10x faster than the butane runs). Children run without PYTHONDONTWRITEBYTECODE.

Not a test: ``.venv/bin/python -m bench.fleet [N] [SAMPLE] [--write]`` (default 1000 hosts;
``--write`` puts the figures in docs/measurements.md, see bench/record.py). The
N single-host runs are timed on SAMPLE of them (default 20) and scaled to N, since each is a
new process of the same work; the line says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ovs_ignite import render
from ovs_ignite.inventory import load_inventory

from .record import machine, machine_line, write

ROOT = Path(__file__).resolve().parent.parent


def inventory_text(n: int) -> str:
    hosts = "".join(
        f"  - name: edge-{i:04d}\n"
        f'    mac: "52:54:00:{i // 65536 % 256:02x}:{i // 256 % 256:02x}:{i % 256:02x}"\n'
        f"    set:\n"
        f"      host: {{hostname: edge-{i:04d}}}\n"
        f"      ovs: {{system_id: edge-{i:04d}}}\n"
        f"      bridges: [{{name: br-app, address: 10.{i // 250 % 250}.{i % 250}.1/24}}]\n"
        f"      containers:\n"
        f"        - {{name: web, interfaces: [{{address: 10.{i // 250 % 250}.{i % 250}.10/24, "
        f"gateway: 10.{i // 250 % 250}.{i % 250}.1}}]}}\n"
        for i in range(n)
    )
    return f"version: 1\nspec: site.yaml\nhosts:\n{hosts}"


def figures(results: dict[str, Any]) -> str:
    """The Markdown of a run's results (docs/measurements.md)."""
    n, ours = results["hosts"], results["fleet_s"]
    lines = [
        f"`python -m bench.fleet {n} {results['sample']}`: {n:,} hosts of the nginx example "
        f"from one spec and an inventory (the runs of single commands timed on "
        f"{results['sample']} and scaled). " + machine_line(results),
        "",
        "| what | time | the fleet command |",
        "|---|---|---|",
        f"| `ovs-ignite render site.yaml --inventory hosts.yaml -o DIR` | {ours:.2f} s "
        f"({ours / n * 1000:.2f} ms a host) | |",
        f"| the same in one process, no files written | {results['inside_s']:.2f} s | |",
        f"| {n:,} runs of `ovs-ignite render` | {results['single_s']:.1f} s | "
        f"{results['single_s'] / ours:.1f}x faster |",
    ]
    if results.get("butane_s") is not None:
        lines.append(
            f"| {n:,} runs of upstream `butane --strict` on the same Butane | "
            f"{results['butane_s']:.1f} s | {results['butane_s'] / ours:.1f}x faster (goal 10x) |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    words = [word for word in sys.argv[1:] if word != "--write"]
    n = int(words[0]) if words else 1000
    sample = min(n, int(words[1]) if len(words) > 1 else 20)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        site = work / "site.yaml"
        shutil.copy(ROOT / "examples/nginx.yaml", site)
        hosts = work / "hosts.yaml"
        hosts.write_text(inventory_text(n))

        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        command = [sys.executable, "-m", "ovs_ignite", "render", str(site), "--inventory"]
        command += [str(hosts), "-o", str(work / "fleet"), "-q"]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        ours = time.perf_counter() - start
        assert len(list((work / "fleet").iterdir())) == n

        start = time.perf_counter()
        fleet = load_inventory(hosts, site, "site.yaml")
        texts = [render(host.spec, "site.yaml") for host in fleet]
        inside = time.perf_counter() - start
        assert len(texts) == n

        cli = [sys.executable, "-m", "ovs_ignite", "render", str(site), "-o", str(work / "one.ign")]
        start = time.perf_counter()
        for _ in range(sample):
            subprocess.run(cli, check=True, capture_output=True, env=env)
        single = (time.perf_counter() - start) * n / sample

        each = ours / n * 1000
        print(f"`render --inventory` of {n} hosts: {ours:8.2f} s  ({each:.2f} ms a host)")
        print(f"the same in this process, no files: {inside:8.2f} s")
        print(
            f"{n} runs of `ovs-ignite render`:  {single:8.2f} s  (timed on {sample}, scaled)"
            f"  the fleet command {single / ours:.1f}x faster"
        )
        butane = shutil.which("butane")
        results = {**machine(), "hosts": n, "sample": sample, "fleet_s": round(ours, 3)}
        results |= {"inside_s": round(inside, 3), "single_s": round(single, 2), "butane_s": None}
        if butane is None:
            print("butane: not on PATH, no comparison")
            if "--write" in sys.argv[1:]:
                write("fleet", results, figures(results))
            return
        bu = work / "one.bu"
        bu.write_text(render(fleet[0].spec, "site.yaml", "butane"))
        start = time.perf_counter()
        for _ in range(sample):
            subprocess.run([butane, "--strict", str(bu)], check=True, capture_output=True)
        butanes = (time.perf_counter() - start) * n / sample
        print(
            f"{n} runs of `butane --strict`:      {butanes:8.2f} s  (timed on {sample}, scaled)"
            f"  the fleet command {butanes / ours:.1f}x faster (goal 10x)"
        )
        if "--write" in sys.argv[1:]:
            results["butane_s"] = round(butanes, 2)
            write("fleet", results, figures(results))


if __name__ == "__main__":
    main()
