"""Config sizes: the nginx example with 1 and N containers (one interface each), compact
Ignition as is and with --wrap gzip, the cost of each added container, and whether N
containers fit AWS's user-data limit. Prints figures against issue 14's goals (at most 600
bytes a container; 20 containers wrapped within 16 KiB); asserts nothing.

``.venv/bin/python -m bench.size [N]`` (default 20).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ovs_ignite import load_spec, render
from ovs_ignite.delivery import PLATFORMS
from tests.conftest import with_containers

ROOT = Path(__file__).resolve().parent.parent
PER_CONTAINER_GOAL = 600


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    spec = load_spec(ROOT / "examples/nginx.yaml")
    aws = PLATFORMS["aws"].limit
    rows = []
    for count in (1, n):
        many = with_containers(spec, count)
        rows.append(
            (
                count,
                len(render(many, "nginx.yaml").encode()),
                len(render(many, "nginx.yaml", wrap=True)),
            )
        )
    (one, plain_1, wrapped_1), (_, plain_n, wrapped_n) = rows
    for count, plain, wrapped in rows:
        print(
            f"{count:4d} container(s): {plain:7,d} bytes compact, {wrapped:7,d} wrapped "
            f"({'fits' if wrapped <= aws else 'over'} AWS's {aws:,})"
        )
    per_plain = (plain_n - plain_1) / (n - one)
    per_wrapped = (wrapped_n - wrapped_1) / (n - one)
    ratio = per_plain / PER_CONTAINER_GOAL
    print(
        f"each added container: {per_plain:,.0f} bytes compact ({ratio:.2f}x the goal of "
        f"{PER_CONTAINER_GOAL}), {per_wrapped:,.0f} bytes wrapped"
    )


if __name__ == "__main__":
    main()
