"""The command line's own cost: wall time of `ovs-ignite --help` and of a completion request
(what the shell asks on TAB), each as a multiple of `python3 -c pass` measured in the same
run; and one `render` of the nginx example, next to `butane` on the same Butane config where
a `butane` binary is on PATH. Prints figures against issue 15's goals (help and completion
at most 4x `python3 -c pass`; render at most 6x butane); asserts nothing.

``.venv/bin/python -m bench.cli [RUNS]`` (default 20; the median of RUNS runs each).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMAND = str(Path(sys.executable).parent / "ovs-ignite")
COMPLETION = {
    "_OVS_IGNITE_COMPLETE": "complete_bash",
    "COMP_WORDS": "ovs-ignite init --example ",
    "COMP_CWORD": "3",
}


def median_time(argv: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    """The median wall time of argv over runs, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    python = median_time([sys.executable, "-c", "pass"], runs)
    help_ = median_time([COMMAND, "--help"], runs)
    completion = median_time([COMMAND], runs, {**os.environ, **COMPLETION})
    print(f"python3 -c pass:            {python * 1000:7.1f} ms")
    for what, seconds in (("ovs-ignite --help", help_), ("a completion request", completion)):
        print(f"{what + ':':27s} {seconds * 1000:7.1f} ms  {seconds / python:5.1f}x (goal 4x)")
    example = ROOT / "examples/nginx.yaml"
    render = median_time([COMMAND, "render", str(example)], runs)
    print(f"ovs-ignite render nginx:    {render * 1000:7.1f} ms")
    butane = shutil.which("butane")
    if butane is None:
        print("butane: not on PATH, no comparison")
        return
    with tempfile.TemporaryDirectory() as scratch:
        config = Path(scratch) / "nginx.bu"
        result = subprocess.run(
            [COMMAND, "render", str(example), "--format", "butane"],
            check=True,
            capture_output=True,
            text=True,
        )
        config.write_text(result.stdout)
        theirs = median_time([butane, "--strict", str(config)], runs)
    ratio = render / theirs
    print(f"butane --strict, same:      {theirs * 1000:7.1f} ms  render {ratio:.1f}x (goal 6x)")


if __name__ == "__main__":
    main()
