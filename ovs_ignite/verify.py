"""Check a provisioned host against its spec, over testinfra (``ssh://``, ``local://``, ...).

The checks of a spec are fixed by the spec alone (``hostchecks.probes``): every run lists
the same checks, each one passed, failed (with what was expected, what was found and the
stderr of the command behind it) or skipped (a check it needs did not pass). A host that
does not answer is one line, not a list of failures. The reports: text (one line a check),
JSON, and JUnit XML.
"""

from __future__ import annotations

import json
import re
import shlex
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal, Protocol
from xml.etree import ElementTree

from .models import Spec

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


class HostUnreachable(Exception):
    """The host did not answer a command (the transport failed, not the command)."""


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


# -- running the checks -----------------------------------------------------------------------


@dataclass(frozen=True)
class HostReport:
    url: str
    checks: list[Check]
    unreachable: str | None = None  # why the host could not be checked
    seconds: float = 0.0

    def count(self, status: Status) -> int:
        return sum(check.status == status for check in self.checks)


class VerifyInputError(Exception):
    """A host URL or option testinfra cannot use (exit status 1)."""


def check_host(spec: Spec, host: TestinfraHost, root: str = "") -> list[Check]:
    """Every check of spec on a host that answers."""
    from .hostchecks import probes

    return run_probes(probes(spec, CheckedHost(host, root)))


def verify_host(spec: Spec, url: str, options: dict[str, object], root: str = "") -> HostReport:
    """Every check of spec on the host at testinfra URL url, or why it cannot be reached."""
    import testinfra

    start = time.perf_counter()
    try:
        connection = testinfra.get_host(url, **options)
    except Exception as exc:  # testinfra's own errors for a URL it cannot use
        raise VerifyInputError(f"{url}: {exc}") from None
    host = CheckedHost(connection, root)
    why = unreachable_reason(host)
    if why is None:
        try:
            return HostReport(url, check_host(spec, connection, root), None, _since(start))
        except HostUnreachable as exc:
            why = f"stopped answering: {exc}"
    return HostReport(url, [], why, _since(start))


def _since(start: float) -> float:
    return time.perf_counter() - start


def testinfra_options(
    sudo: bool = False, ssh_config: str | None = None, ssh_identity_file: str | None = None
) -> dict[str, object]:
    """testinfra's get_host options for these choices."""
    options: dict[str, object] = {"sudo": sudo}
    if ssh_config:
        options["ssh_config"] = ssh_config
    if ssh_identity_file:
        options["ssh_identity_file"] = ssh_identity_file
    return options


def exit_status(reports: Iterable[HostReport]) -> int:
    """SPEC's exit status: 4 a host could not be reached, 3 a check failed, 0 all passed."""
    reports = list(reports)
    if any(report.unreachable is not None for report in reports):
        return 4
    return 3 if any(report.count("fail") for report in reports) else 0


# -- reports ----------------------------------------------------------------------------------


def summary(report: HostReport) -> str:
    """The closing line of a host's report: what passed, failed and was skipped, or why the
    host could not be checked."""
    if report.unreachable is not None:
        return f"{report.url}: unreachable: {printable(report.unreachable)}"
    counts = ", ".join(f"{report.count(s)} {w}" for s, w in _WORDS)
    return f"{report.url}: {counts}"


_WORDS: tuple[tuple[Status, str], ...] = (
    ("pass", "passed"),
    ("fail", "failed"),
    ("skip", "skipped"),
)


def text_report(report: HostReport) -> str:
    """A host's report as text: its checks, one line each (details indented below a
    failure), and its summary; an unreachable host is its summary alone."""
    if report.unreachable is not None:
        return summary(report) + "\n"
    lines = [f"== {report.url}", *(str(check) for check in report.checks), summary(report)]
    return "\n".join(lines) + "\n"


def json_report(reports: Iterable[HostReport]) -> str:
    """The reports as one JSON array: per host its URL, whether it was reached, its counts
    and every check with all its fields."""
    hosts = []
    for report in reports:
        hosts.append(
            {
                "host": report.url,
                "reachable": report.unreachable is None,
                "unreachable": report.unreachable,
                "seconds": round(report.seconds, 3),
                **{word: report.count(status) for status, word in _WORDS},
                "checks": [
                    {**asdict(check), "seconds": round(check.seconds, 3)} for check in report.checks
                ],
            }
        )
    return json.dumps(hosts, indent=2) + "\n"


# Characters XML 1.0 cannot hold at all; a host's answer may have them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


def junit_xml(reports: Iterable[HostReport]) -> str:
    """A JUnit XML report: one testsuite per host, one testcase per check, with times;
    skipped checks are <skipped>, and an unreachable host is one <error>."""
    suites = ElementTree.Element("testsuites")
    for report in reports:
        suite = ElementTree.SubElement(
            suites,
            "testsuite",
            name=f"ovs-ignite verify {report.url}",
            tests=str(len(report.checks) or 1),
            failures=str(report.count("fail")),
            skipped=str(report.count("skip")),
            errors=str(int(report.unreachable is not None)),
            time=f"{report.seconds:.3f}",
        )
        if report.unreachable is not None:
            case = ElementTree.SubElement(suite, "testcase", classname=report.url, name="reach")
            ElementTree.SubElement(case, "error", message=_xml(report.unreachable))
        for check in report.checks:
            _junit_case(suite, report.url, check)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _junit_case(suite: ElementTree.Element, url: str, check: Check) -> None:
    case = ElementTree.SubElement(
        suite, "testcase", classname=url, name=_xml(check.name), time=f"{check.seconds:.3f}"
    )
    if check.status == "skip":
        ElementTree.SubElement(case, "skipped", message=_xml(check.reason))
    elif check.status == "fail":
        failure = ElementTree.SubElement(
            case, "failure", message=_xml(f"expected {check.expected}, found {check.found}")
        )
        failure.text = _xml("\n".join(check.details())) or None
