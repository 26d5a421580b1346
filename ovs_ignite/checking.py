"""The vocabulary of verify's checks: a probe (a named test and the checks it needs), its
outcome, the check it becomes in a report, and the host the tests run commands on. Both
hostchecks (which probes a spec has) and verify (running them, the reports) use it.
"""

from __future__ import annotations

import shlex
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from .errors import HostUnreachable

Status = Literal["pass", "fail", "skip"]
# What a reachable host answers to the first command verify sends it.
REACH = "ovs-ignite verify"
# How much of a command's stderr and of a drift diff the text report shows.
MAX_DETAIL_LINES = 40


@dataclass(frozen=True)
class Outcome:
    """What one check concluded: expected and found are short texts for the report."""

    passed: bool
    expected: str
    found: str
    error: str = ""  # the stderr of the command the check ran
    diff: str = ""  # drift: a unified diff from the render to the host


def same(expected: Any, found: Any, error: str = "") -> Outcome:
    """The outcome of comparing two values, each shown as Python writes it."""
    return Outcome(expected == found, repr(expected), repr(found), error)


@dataclass(frozen=True)
class Probe:
    """One check to run: its name, the test, and the names of the checks it needs."""

    name: str
    test: Callable[[], Outcome]
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    expected: str = ""
    found: str = ""
    stderr: str = ""
    diff: str = ""
    reason: str = ""  # why a check was skipped
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    def line(self) -> str:
        """The check in one line: PASS, FAIL with expected and found, or SKIP and why."""
        if self.status == "pass":
            return f"PASS  {self.name}"
        if self.status == "skip":
            return f"SKIP  {self.name}: {self.reason}"
        return f"FAIL  {self.name}: expected {self.expected}, found {printable(self.found)}"

    def details(self) -> list[str]:
        """The lines under a failed check: the command's stderr, then the diff."""
        if self.status != "fail":
            return []
        lines = [f"      stderr: {line}" for line in _clipped(self.stderr)]
        return lines + [f"      {line}" for line in _clipped(self.diff)]

    def __str__(self) -> str:
        return "\n".join([self.line(), *self.details()])


def printable(text: str) -> str:
    """text with its control characters escaped, so that a host's answer cannot steer the
    terminal (or break a line) of whoever reads the report."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _clipped(text: str) -> list[str]:
    lines = [printable(line) for line in text.rstrip("\n").splitlines()]
    if len(lines) > MAX_DETAIL_LINES:
        more = len(lines) - MAX_DETAIL_LINES
        return [*lines[:MAX_DETAIL_LINES], f"... ({more} more lines)"]
    return lines


def run_probes(probes: Iterable[Probe]) -> list[Check]:
    """Run each probe in order; one whose needs did not all pass is skipped, not run."""
    status: dict[str, Status] = {}
    checks = []
    for probe in probes:
        blocker = next((need for need in probe.needs if status.get(need) != "pass"), None)
        if blocker is not None:
            how = "was skipped" if status.get(blocker) == "skip" else "failed"
            check = Check(probe.name, "skip", reason=f"needs {blocker!r}, which {how}")
        else:
            start = time.perf_counter()
            outcome = probe.test()
            check = Check(
                probe.name,
                "pass" if outcome.passed else "fail",
                outcome.expected,
                outcome.found,
                outcome.error,
                outcome.diff,
                seconds=time.perf_counter() - start,
            )
        status[probe.name] = check.status
        checks.append(check)
    return checks


# -- the host -----------------------------------------------------------------------------


class TestinfraHost(Protocol):
    def run(self, command: str, *args: str) -> Any: ...


@dataclass(frozen=True)
class Answer:
    rc: int
    stdout: str
    stderr: str


class CheckedHost:
    """Runs commands on the checked host (a testinfra host); root is where the files that
    the drift checks compare are (a root Ignition was applied to, or /)."""

    def __init__(self, host: TestinfraHost, root: str = "") -> None:
        self.host = host
        self.root = root.rstrip("/")

    def run(self, *argv: str) -> Answer:
        try:
            result = self.host.run(" ".join(shlex.quote(a) for a in argv))
        except Exception as exc:  # whatever the transport raised: the host did not answer
            raise HostUnreachable(f"{type(exc).__name__}: {exc}") from exc
        return Answer(int(result.rc), str(result.stdout), str(getattr(result, "stderr", "")))

    def path(self, path: str) -> str:
        """Where the host file at path is read."""
        return self.root + path


def unreachable_reason(host: CheckedHost) -> str | None:
    """Why host cannot be checked (it does not answer, or answers something else), or None."""
    try:
        answer = host.run("echo", REACH)
    except HostUnreachable as exc:
        return str(exc)
    if answer.rc == 0 and answer.stdout.strip() == REACH:
        return None
    said = " ".join((answer.stderr or answer.stdout).split())
    return said or f"exit status {answer.rc}"
