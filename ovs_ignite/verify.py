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
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import partial
from xml.etree import ElementTree

from .checking import (
    REACH,
    Check,
    CheckedHost,
    Status,
    TestinfraHost,
    printable,
    run_checks,
    unreachable_reason,
)
from .errors import ChecksFailed, HostUnreachable, VerifyInputError
from .hostchecks import probes
from .records import Spec

__all__ = ["REACH", "CheckedHost", "HostReport", "check_host", "verify_host"]

# -- running the checks -----------------------------------------------------------------------


@dataclass(frozen=True)
class HostReport:
    url: str
    checks: list[Check]
    unreachable: str | None = None  # why the host could not be checked
    seconds: float = 0.0

    def count(self, status: Status) -> int:
        return sum(check.status == status for check in self.checks)


def check_host(
    spec: Spec, host: TestinfraHost, root: str = "", batched: bool = False
) -> list[Check]:
    """Every check of spec on a host that answers; batched, the commands behind them run
    in a few round trips (each a batch) instead of one each."""
    checked = CheckedHost(host, root, batched)
    return run_checks(partial(probes, spec, checked), checked)


def connect(
    url: str, options: dict[str, object], root: str = "", command: str = "verify"
) -> tuple[CheckedHost, str | None]:
    """The host at testinfra URL url, and why it cannot be reached (None: it answers).
    Raises VerifyInputError for a URL testinfra cannot use."""
    import testinfra

    try:
        connection = testinfra.get_host(url, **options)
    except Exception as exc:  # testinfra's own errors for a URL it cannot use
        raise VerifyInputError(f"ovs-ignite {command}: {url}: {exc}") from None
    host = CheckedHost(connection, root)
    return host, unreachable_reason(host)


def verify_host(spec: Spec, url: str, options: dict[str, object], root: str = "") -> HostReport:
    """Every check of spec on the host at testinfra URL url, or why it cannot be reached."""
    start = time.perf_counter()
    host, why = connect(url, options, root)
    if why is None:
        try:
            checks = check_host(spec, host.host, root, batched=True)
            return HostReport(url, checks, None, _since(start))
        except HostUnreachable as exc:
            why = f"stopped answering: {exc}"
    return HostReport(url, [], why, _since(start))


def _since(start: float) -> float:
    return time.perf_counter() - start


_ALIVE = "-o ServerAliveInterval=10 -o ServerAliveCountMax=3"


def testinfra_options(
    sudo: bool = False, ssh_config: str | None = None, ssh_identity_file: str | None = None
) -> dict[str, object]:
    """testinfra's get_host options for these choices. ssh gives up on a connection that
    stops answering after 30 s (without, a host whose network dies mid-command holds the
    command until TCP gives up, a quarter of an hour); testinfra's own ConnectTimeout (10 s)
    bounds a host that never answers."""
    options: dict[str, object] = {"sudo": sudo, "ssh_extra_args": _ALIVE}
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


def outcome(reports: Iterable[HostReport]) -> None:
    """Nothing when every check of every host passed; raises HostUnreachable (exit status
    4) when a host could not be reached, ChecksFailed (3) when a check failed. The
    reports say which: the errors carry no message."""
    status = exit_status(reports)
    if status == 4:
        raise HostUnreachable("")
    if status == 3:
        raise ChecksFailed("")


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
