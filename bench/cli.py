"""The command line's own cost, in paired runs: each round runs every command once, in turn,
so that a busy machine weighs on all of them alike; the figure of each is its median over
the rounds. Measured: ``python3 -c pass``, ``ovs-ignite --help``, a completion request (what
the shell asks on TAB), and on the nginx example ``ovs-ignite render`` and ``ovs-ignite
validate`` next to upstream ``butane --strict`` on the same Butane config (the first
``butane`` on PATH; scripts/test puts ../shared/tools there). Prints each time and the
ratios against the goals (help and completion at most 4x ``python3 -c pass``; render at most
6x butane, validate at most 4x); asserts nothing.

The children run without PYTHONDONTWRITEBYTECODE (a machine that sets it recompiles every
module at every start: tens of milliseconds no installed copy pays), after one untimed
warm-up round.

``.venv/bin/python -m bench.cli [ROUNDS] [--write]`` (default 20 rounds; ``--write`` puts
the figures in docs/measurements.md, see bench/record.py).
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
from typing import Any

from .record import machine, machine_line, write

ROOT = Path(__file__).resolve().parent.parent
COMMAND = str(Path(sys.executable).parent / "ovs-ignite")
EXAMPLE = ROOT / "examples/nginx.yaml"
COMPLETION = {
    "_OVS_IGNITE_COMPLETE": "complete_bash",
    "COMP_WORDS": "ovs-ignite init --example ",
    "COMP_CWORD": "3",
}


def paired_medians(
    commands: dict[str, tuple[list[str], dict[str, str]]], rounds: int
) -> dict[str, float]:
    """The median wall time of each command (argv, environment), in seconds, over rounds
    in which each runs once in turn; one untimed round first."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(rounds + 1):
        for name, (argv, env) in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, env=env, check=True, capture_output=True)
            if round_:
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(spent) for name, spent in times.items()}


GOALS = {"help": 4, "render": 6, "validate": 4}
ROWS = (
    ("python3 -c pass", "`python3 -c pass`", None),
    ("ovs-ignite --help", "`ovs-ignite --help`", "help"),
    ("a completion request", "a completion request (TAB)", "help"),
    ("ovs-ignite render nginx", "`ovs-ignite render examples/nginx.yaml`", "render"),
    ("ovs-ignite validate nginx", "`ovs-ignite validate examples/nginx.yaml`", "validate"),
    ("butane --strict, same", "upstream `butane --strict` on the same Butane", None),
)


def figures(results: dict[str, Any]) -> str:
    """The Markdown of a run's results (docs/measurements.md)."""
    median = results["medians_ms"]
    lines = [
        f"`python -m bench.cli {results['rounds']}` ({results['rounds']} paired rounds, "
        "medians). " + machine_line(results),
        "",
        "| command | wall | ratio |",
        "|---|---|---|",
    ]
    for key, shown, goal in ROWS:
        if key not in median:
            continue
        ratio = ""
        if goal == "help":
            ratio = f"{median[key] / median['python3 -c pass']:.1f}x `python3 -c pass` (goal 4x)"
        elif goal is not None and "butane --strict, same" in median:
            times = median[key] / median["butane --strict, same"]
            ratio = f"{times:.1f}x butane (goal {GOALS[goal]}x)"
        lines.append(f"| {shown} | {median[key]:.1f} ms | {ratio} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    words = [word for word in sys.argv[1:] if word != "--write"]
    rounds = int(words[0]) if words else 20
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    butane = shutil.which("butane")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "nginx.ign"
        config = Path(scratch) / "nginx.bu"
        made = subprocess.run(
            [COMMAND, "render", str(EXAMPLE), "--format", "butane", "-o", str(config)], env=env
        )
        made.check_returncode()
        commands = {
            "python3 -c pass": ([sys.executable, "-c", "pass"], env),
            "ovs-ignite --help": ([COMMAND, "--help"], env),
            "a completion request": ([COMMAND], {**env, **COMPLETION}),
            "ovs-ignite render nginx": ([COMMAND, "render", str(EXAMPLE), "-o", str(out)], env),
            "ovs-ignite validate nginx": ([COMMAND, "validate", str(EXAMPLE)], env),
        }
        if butane is not None:
            commands["butane --strict, same"] = ([butane, "--strict", str(config)], env)
        median = paired_medians(commands, rounds)
    python = median["python3 -c pass"]
    print(f"{rounds} paired rounds (medians)")
    for name, seconds in median.items():
        line = f"{name + ':':28s} {seconds * 1000:7.1f} ms"
        if name in ("ovs-ignite --help", "a completion request"):
            line += f"  {seconds / python:5.1f}x python3 -c pass (goal 4x)"
        print(line)
    if butane is None:
        print("butane: not on PATH, no comparison")
        return
    theirs = median["butane --strict, same"]
    for name, goal in (("render", 6), ("validate", 4)):
        ratio = median[f"ovs-ignite {name} nginx"] / theirs
        print(f"{name + ' / butane --strict:':28s} {ratio:7.1f}x (goal {goal}x)")
    if "--write" in sys.argv[1:]:
        ms = {name: round(seconds * 1000, 1) for name, seconds in median.items()}
        results = {**machine(), "rounds": rounds, "medians_ms": ms}
        write("cli", results, figures(results))


if __name__ == "__main__":
    main()
