"""Time and peak memory of ovs-ignite on the worst hostile specs; print ratios.

Not a test: ``.venv/bin/python -m bench.hostile [--write]`` (``--write`` puts the figures in
docs/measurements.md, see bench/record.py). Each case runs ``ovs-ignite render`` in a
fresh process (a refused spec exits 1, which is what a hostile spec should get), timed from
start to exit, its peak resident memory read from the kernel (``wait4``). The reference is
the bundled nginx example, measured in the same run: a ratio near 1 means the hostile spec
costs what an ordinary one does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.support.hostile_corpus import FOLDER

from .record import machine, machine_line, write

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "nginx.yaml"
CASES = [
    "doc-alias-bomb.yaml",
    "doc-alias-recursive.yaml",
    "doc-deep-nesting.yaml",
    "doc-huge-int.yaml",
    "doc-isolcpus-400m.yaml",
    "doc-isolcpus-many-ranges.yaml",
    "doc-pmd-mask-huge.yaml",
    "doc-many-containers.yaml",
    "envvalue-long.yaml",
    "command-huge-number.yaml",
]


def _bomb_4k(folder: Path) -> Path:
    """A 4 KB alias bomb: 9 levels of 9-fold aliases, padded with comments."""
    text = (FOLDER / "doc-alias-bomb.yaml").read_text()
    path = folder / "bomb-4k.yaml"
    path.write_text(text + "#" * max(0, 4096 - len(text) - 1) + "\n")
    return path


def _megabyte(folder: Path) -> Path:
    """A spec just over the 1 MiB the loader reads."""
    path = folder / "one-mib.yaml"
    path.write_text("version: 1\novs: {image: x}\n" + "#" * (1 << 20) + "\n")
    return path


def measure(spec: Path) -> tuple[float, int, int]:
    """(seconds, peak resident KB, exit status) of one render of spec."""
    start = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "ovs_ignite", "render", str(spec)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - start, usage.ru_maxrss, process.returncode


def figures(results: dict[str, Any]) -> str:
    """The Markdown of a run's results (docs/measurements.md)."""
    ref_s, ref_kb = results["reference"]
    lines = [
        "`python -m bench.hostile`: `ovs-ignite render` of each spec in a fresh process, "
        "against the nginx example in the same run. " + machine_line(results),
        "",
        "| spec | bytes | exit | time | peak memory | time, x nginx | memory, x nginx |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, size, code, seconds, kb in results["cases"]:
        lines.append(
            f"| `{name}` | {size:,} | {code} | {seconds:.2f} s | {kb / 1024:.1f} MB "
            f"| {seconds / ref_s:.2f}x | {kb / ref_kb:.2f}x |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        folder = Path(tmp)
        specs = [REFERENCE, *(FOLDER / c for c in CASES), _bomb_4k(folder), _megabyte(folder)]
        measure(REFERENCE)  # (untimed: the first run fills the caches)
        cases = []
        for spec in specs:
            seconds, rss, code = measure(spec)
            cases.append([spec.name, spec.stat().st_size, code, round(seconds, 4), rss])
    # (the reference is the nginx example's own row)
    measured = {**machine(), "reference": [cases[0][3], cases[0][4]], "cases": cases}
    print(figures(measured))
    if "--write" in argv:
        write("hostile", measured, figures(measured))


if __name__ == "__main__":
    main(sys.argv[1:])
