"""Time and peak memory of ovs-ignite on the worst hostile specs; print ratios.

Not a test: ``.venv/bin/python -m bench.hostile``. Each case runs ``ovs-ignite render`` in a
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

from tests.hostile_corpus import FOLDER

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


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        folder = Path(tmp)
        specs = [REFERENCE, *(FOLDER / c for c in CASES), _bomb_4k(folder), _megabyte(folder)]
        ref_time, ref_rss, _ = measure(REFERENCE)
        print(
            f"{'spec':<34} {'bytes':>8} {'exit':>4} {'s':>6} {'peak MB':>8} "
            f"{'time x':>7} {'mem x':>6}"
        )
        for spec in specs:
            seconds, rss, code = measure(spec)
            print(
                f"{spec.name:<34} {spec.stat().st_size:>8} {code:>4} {seconds:>6.2f} "
                f"{rss / 1024:>8.1f} {seconds / ref_time:>6.2f}x {rss / ref_rss:>5.2f}x"
            )


if __name__ == "__main__":
    main()
