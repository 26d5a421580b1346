"""Config sizes: the nginx example with 1 and N containers (one interface each), compact
Ignition as is and with --wrap gzip, the cost of each added container, and whether N
containers fit AWS's user-data limit. Prints the figures against the goals (at most 600
bytes a container; 20 containers wrapped within AWS's 16,384 bytes); asserts nothing.

``.venv/bin/python -m bench.size [N] [--write]`` (default 20; ``--write`` puts the figures
in docs/measurements.md, see bench/record.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ovs_ignite import load_spec, render
from ovs_ignite.delivery import PLATFORMS
from tests.support.specs import with_containers

from .record import machine, write

ROOT = Path(__file__).resolve().parent.parent
PER_CONTAINER_GOAL = 600


def measure(n: int) -> dict[str, Any]:
    """The sizes of the nginx example with 1 and n containers, compact and wrapped."""
    spec = load_spec(ROOT / "examples/nginx.yaml")
    rows = []
    for count in (1, n):
        many = with_containers(spec, count)
        compact = len(render(many, "nginx.yaml").encode())
        rows.append([count, compact, len(render(many, "nginx.yaml", wrap=True))])
    return {"rows": rows, "aws": PLATFORMS["aws"].limit}


def figures(results: dict[str, Any]) -> str:
    """The Markdown of a run's results (docs/measurements.md). Sizes do not depend on the
    machine: only the date is given."""
    (one, plain_1, wrapped_1), (n, plain_n, wrapped_n) = results["rows"]
    aws = results["aws"]
    lines = [
        f"`python -m bench.size {n}`: the nginx example's Ignition config with one interface a",
        f"container, measured on {results['date']}.",
        "",
        "| containers | compact | `--wrap gzip` | AWS's limit |",
        "|---|---|---|---|",
    ]
    for count, plain, wrapped in results["rows"]:
        fits = f"fits, {aws - wrapped:,} bytes under" if wrapped <= aws else "over"
        lines.append(f"| {count} | {plain:,} bytes | {wrapped:,} bytes | {fits} {aws:,} |")
    per_plain = (plain_n - plain_1) / (n - one)
    per_wrapped = (wrapped_n - wrapped_1) / (n - one)
    lines += [
        "",
        f"Each added container: {per_plain:,.0f} bytes compact (goal: at most "
        f"{PER_CONTAINER_GOAL}) and {per_wrapped:,.0f} bytes wrapped.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    numbers = [int(a) for a in argv if a != "--write"]
    measured = {**machine(), **measure(numbers[0] if numbers else 20)}
    print(figures(measured))
    if "--write" in argv:
        write("size", measured, figures(measured))


if __name__ == "__main__":
    main(sys.argv[1:])
