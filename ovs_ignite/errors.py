"""The one error tree of ovs-ignite; the CLI turns these into exit codes in one place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def _printable(ch: str) -> str:
    """ch, or its Python escape when it is not printable (controls, breaks, bidi, ...)."""
    if ch.isprintable():
        return ch
    return ascii(ch)[1:-1]


class OvsIgniteError(Exception):
    """Base of every error ovs-ignite reports to a user (exit status 1)."""


@dataclass(frozen=True, order=True)
class SpecProblem:
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
