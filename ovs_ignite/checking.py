"""The vocabulary of verify's checks: a probe (a named test and the checks it needs), its
outcome, the check it becomes in a report, and the host the tests run commands on. Both
hostchecks (which probes a spec has) and verify (running them, the reports) use it.
"""

from __future__ import annotations

import shlex
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
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


def run_checks(make: Callable[[], Iterable[Probe]], host: CheckedHost) -> list[Check]:
    """The checks of the probes that make() gives, on host (a batched host first gathers
    their answers)."""
    host.gather(make)
    return run_probes(make(), host)


def run_probes(probes: Iterable[Probe], host: CheckedHost | None = None) -> list[Check]:
    """Run each probe in order; one whose needs did not all pass is skipped, not run. A
    check's time is its own plus, on a batched host, that of the commands it read."""

    def clock() -> float:
        return time.perf_counter() + (host.replayed if host else 0.0)

    status: dict[str, Status] = {}
    checks = []
    for probe in probes:
        blocker = next((need for need in probe.needs if status.get(need) != "pass"), None)
        if blocker is not None:
            how = "was skipped" if status.get(blocker) == "skip" else "failed"
            check = Check(probe.name, "skip", reason=f"needs {blocker!r}, which {how}")
        else:
            start = clock()
            outcome = probe.test()
            check = Check(
                probe.name,
                "pass" if outcome.passed else "fail",
                outcome.expected,
                outcome.found,
                outcome.error,
                outcome.diff,
                seconds=clock() - start,
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
    seconds: float = 0.0  # how long the command ran (on the host's clock, when batched)


class _Unfetched(Exception):
    """A batched host was asked for an answer that it has not fetched yet."""


# How many round trips a batched host makes at most to gather its probes' answers: one for
# what the spec alone names, one for what depends on those answers (a container's PID),
# and a margin. What is still missing after them is fetched one command at a time.
MAX_ROUNDS = 4
# The host's side of a batch: each command runs in turn, with no input, its stdout and
# stderr in files; then a record "STATUS OUTBYTES ERRBYTES CLOCK" (CLOCK: the host's clock
# after the command) and the two outputs. The first line is the clock at the start. Plain
# POSIX sh and coreutils: what every host has.
BATCH_PRELUDE = (
    "t=$(mktemp -d) || exit 97\n"
    "trap 'rm -rf -- \"$t\"' EXIT\n"
    'r() { "$@" </dev/null >"$t/o" 2>"$t/e"; c=$?; '
    'printf \'%s %s %s %s\\n\' "$c" "$(wc -c <"$t/o")" "$(wc -c <"$t/e")" "$(date +%s.%N)"; '
    'cat -- "$t/o" "$t/e"; }\n'
    "date +%s.%N\n"
)


def transport_error(exc: Exception) -> str:
    """What a transport's exception says: for testinfra's ssh (a RuntimeError carrying the
    command's result, exit status 255), what ssh said, not the whole command: the end of
    its stderr (ssh's own words come after what the command wrote before it died)."""
    result = exc.args[0] if exc.args else None
    said = getattr(result, "stderr", None)
    if isinstance(said, str) and said.strip():
        words = " ".join(said.split())
        return f"{type(exc).__name__}: ssh: {'...' if len(words) > 300 else ''}{words[-300:]}"
    return f"{type(exc).__name__}: {exc}"


class CheckedHost:
    """Runs commands on the checked host (a testinfra host); root is where the files that
    the drift checks compare are (a root Ignition was applied to, or /).

    A batched host answers from what it fetched before (see gather); a command it has not
    fetched runs on its own."""

    def __init__(self, host: TestinfraHost, root: str = "", batched: bool = False) -> None:
        self.host = host
        self.root = root.rstrip("/")
        self.answers: dict[tuple[str, ...], Answer] | None = {} if batched else None
        self.replayed = 0.0  # the host's time of the answers given from what was fetched
        self._wanted: dict[tuple[str, ...], None] | None = None  # set while gathering

    def run(self, *argv: str) -> Answer:
        if self.answers is None:
            return self._run(argv)
        answer = self.answers.get(argv)
        if answer is not None:
            self.replayed += answer.seconds
            return answer
        if self._wanted is not None:
            self._wanted[argv] = None
            raise _Unfetched
        self.answers[argv] = answer = self._run(argv)
        return answer

    def _call(self, command: str) -> Any:
        """The transport's result of a shell line on the host."""
        try:
            return self.host.run(command)
        except Exception as exc:  # whatever the transport raised: the host did not answer
            raise HostUnreachable(transport_error(exc)) from exc

    def _run(self, argv: tuple[str, ...]) -> Answer:
        result = self._call(_command(argv))
        return Answer(int(result.rc), _text(result, "stdout"), _text(result, "stderr"))

    def gather(self, make: Callable[[], Iterable[Probe]], rounds: int = MAX_ROUNDS) -> None:
        """Fetch what the probes that make() gives will ask, in a few round trips instead of
        one a command: each round runs the probes on the answers fetched so far and notes
        the commands whose answers are missing; these then run on the host in one batch. A
        probe whose needs are not known yet runs too (a check's commands only read); one
        whose needs are known to have failed does not, as in the checks proper."""
        if self.answers is None:
            return
        for _ in range(rounds):
            self._wanted = {}
            try:
                status: dict[str, str] = {}
                for probe in _until_unfetched(make()):
                    blocked = any(status.get(need) in ("fail", "skip") for need in probe.needs)
                    status[probe.name] = "skip" if blocked else _tried(probe)
            finally:
                wanted, self._wanted = list(self._wanted), None
            if not wanted:
                return
            self._fetch(wanted)

    def _fetch(self, wanted: list[tuple[str, ...]]) -> None:
        assert self.answers is not None
        script = BATCH_PRELUDE + "".join(f"r {_command(argv)};\n" for argv in wanted)
        result = self._call(script)
        answers = parse_batch(_bytes(result, "stdout"), len(wanted))
        if answers is None:  # a host that cannot run the batch: one command at a time
            answers = [self._run(argv) for argv in wanted]
        self.answers.update(zip(wanted, answers, strict=True))

    def path(self, path: str) -> str:
        """Where the host file at path is read."""
        return self.root + path


def _tried(probe: Probe) -> str:
    """A probe's status on the answers at hand: "unknown" if one is missing (or wrong)."""
    try:
        return "pass" if probe.test().passed else "fail"
    except Exception:  # an answer missing now, or a wrong one: the checks proper will tell
        return "unknown"


def _until_unfetched(probes: Iterable[Probe]) -> Iterator[Probe]:
    """The probes, up to one whose making asked for an answer not fetched yet."""
    with suppress(_Unfetched):
        yield from probes


def _command(argv: tuple[str, ...]) -> str:
    return " ".join(shlex.quote(a) for a in argv)


def _bytes(result: Any, stream: str) -> bytes:
    data = getattr(result, f"{stream}_bytes", None)
    if isinstance(data, bytes):
        return data
    return str(getattr(result, stream, "")).encode("utf-8", "surrogateescape")


def _text(result: Any, stream: str) -> str:
    """A command's output as text, whatever bytes the host sent (not valid UTF-8: replaced)."""
    try:
        return str(getattr(result, stream, ""))
    except UnicodeDecodeError:
        return _bytes(result, stream).decode("utf-8", "replace")


def parse_batch(data: bytes, count: int) -> list[Answer] | None:
    """The count answers of a batch's output, or None if it is not one (cut short, or not
    what BATCH_PRELUDE prints)."""
    at = data.find(b"\n") + 1
    clock = _clock(data[: at - 1]) if at else None
    answers: list[Answer] = []
    while clock is not None and len(answers) < count:
        newline = data.find(b"\n", at, at + 80)  # (a record's line is short)
        fields = data[at:newline].split() if newline >= 0 else []
        if len(fields) != 4 or not all(f.isdigit() and len(f) <= 12 for f in fields[:3]):
            return None
        rc, out, err = (int(f) for f in fields[:3])
        end, at = _clock(fields[3]), newline + 1
        if end is None or at + out + err > len(data) or rc > 255:
            return None
        stdout, stderr = data[at : at + out], data[at + out : at + out + err]
        text = stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace")
        answers.append(Answer(rc, *text, seconds=max(0.0, end - clock)))
        at, clock = at + out + err, end
    return answers if clock is not None and at == len(data) else None


def _clock(field: bytes) -> float | None:
    """The host's clock as date +%s.%N prints it, or None."""
    whole, dot, part = field.strip().partition(b".")
    if not whole.isdigit() or len(whole) > 12 or (dot and not part.isdigit()) or len(part) > 9:
        return None
    return float(field)


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
