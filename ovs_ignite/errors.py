"""The one error tree of ovs-ignite: every error a user is told about, each with its exit
status. The CLI turns them into messages and exit statuses in one place (cli.handled)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


def _printable(ch: str) -> str:
    """ch, or its Python escape when it is not printable (controls, breaks, bidi, ...)."""
    if ch.isprintable():
        return ch
    return ascii(ch)[1:-1]


class OvsIgniteError(Exception):
    """Base of every error ovs-ignite reports to a user: its lines on stderr, then exit
    status exit_code (1 unless a subclass says otherwise)."""

    exit_code = 1


class UsageError(OvsIgniteError):
    """Options that cannot go together (exit status 2, as for any bad option), named by
    option (its flag, or "" where the message names them)."""

    exit_code = 2

    def __init__(self, message: str, option: str = "") -> None:
        self.option = option
        super().__init__(message)


class SpecProblem(NamedTuple):
    """One problem in a spec, located at a line and column (1-based) and a key path."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        # One line of printable text per problem, whatever it quotes from the input (the
        # file's name included): line breaks, controls and bidi overrides are escaped.
        line = f"{self.file}:{self.line}:{self.column}: {self.path}: {self.message}"
        return "".join(_printable(ch) for ch in line)


class SpecError(OvsIgniteError):
    """A spec is wrong; carries every problem found, sorted by position."""

    def __init__(self, problems: Iterable[SpecProblem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class OutputError(OvsIgniteError):
    """The output could not be written."""


class DeliveryError(OvsIgniteError):
    """A config cannot be delivered as asked: over a size limit, a bad URL, a URL that does
    not serve the config."""


class MergeError(OvsIgniteError):
    """EXTRA cannot be read or merged; one line a problem."""

    def __init__(self, name: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"{name}: {problem}" for problem in problems))


class PinError(OvsIgniteError):
    """An image could not be pinned; carries every problem, at its place in the spec."""

    def __init__(self, problems: list[SpecProblem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class VerifyInputError(OvsIgniteError):
    """A host URL or option testinfra cannot use, or no testinfra (exit status 1)."""


class PlanInputError(OvsIgniteError):
    """dpdk-plan: a sysfs copy it cannot read, a PCI address that is none (exit status 1)."""


class HostUnreachable(OvsIgniteError):
    """A host did not answer a command (the transport failed, not the command). verify
    reports it in the host's report; a run with such a host ends with exit status 4."""

    exit_code = 4


class ChecksFailed(OvsIgniteError):
    """verify: every host answered, and a check failed (exit status 3; the reports say
    which, so the message is empty)."""

    exit_code = 3
