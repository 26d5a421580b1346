"""The host side's files as hosts get them, and the host data files a render writes.

The format of the data is defined once, in units/ovs-ignite-host.format (and, for the data
of other OVS instances, units/ovs-ignite-switch.format): the host script checks every line
it reads against those tables, and this module checks every line it writes against the
same tables, read from the same files.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from .names import (
    HOST_FORMAT_NAME,
    OPENFLOW_FORMAT_NAME,
    QOS_FORMAT_NAME,
    SWITCH_FORMAT_NAME,
    UPLINK_FORMAT_NAME,
)
from .resources import resource_dir
from .values import UNSAFE_CHARACTERS

FORMAT_VERSION = "1"


class Rule(NamedTuple):
    """What a key of a kind of data file takes: how many times (1, ?, *) and which values
    (a regular expression, compiled when a value is checked against it)."""

    times: str
    pattern: str

    def takes(self, value: str) -> bool:
        return _compiled(self.pattern).fullmatch(value) is not None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(f"(?:{pattern})")


@cache
def unit_source(name: str) -> str:
    """The text of units/NAME, read once a process."""
    return (resource_dir("units") / name).read_text(encoding="utf-8")


_HEREDOC = re.compile(r"<<-?\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\1")


def _without_trailing_comment(line: str) -> str:
    """line without a comment after its code: a # after a space, outside quotes, on a line
    that has no backslash, $# or heredoc to make that uncertain (bash's parse tree of the
    result is the source's: tests/test_units.py)."""
    if "#" not in line or "\\" in line or "$#" in line or "<<" in line:
        return line
    quote = ""
    for at, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and at and line[at - 1] in " \t":
            return line[:at].rstrip() + "\n"
    return line


@cache
def script_text(name: str) -> str:
    """units/NAME, a shell script, as hosts get it: its comment and blank lines left out, its
    lines unindented and without comments after their code (the heredocs kept whole), with
    a line after the shebang that says where the commented source is. The same parse tree
    as the source (tests/test_units.py asks bash), in half the size: configs carry it."""
    lines = unit_source(name).splitlines(keepends=True)
    out = [
        lines[0],
        f"# {name}: ovs-ignite's units/{name} without its comments and indentation; do not "
        "edit by hand.\n",
    ]
    heredoc = ""
    for line in lines[1:]:
        if heredoc:
            out.append(line)
            if line.rstrip("\n").lstrip("\t") == heredoc:
                heredoc = ""
            continue
        if line.lstrip().startswith("#") or not line.strip():
            continue
        out.append(_without_trailing_comment(line.lstrip(" \t")))
        found = _HEREDOC.search(line.replace("<<<", ""))
        heredoc = found.group(2) if found else ""
    return "".join(out)


@cache
def format_text(name: str) -> str:
    """units/NAME, a data format table, as hosts get it: its first line (which says what the
    file is), then its rows with their columns one space apart; comments and blank lines
    left out."""
    first, _, rest = unit_source(name).partition("\n")
    rows = [" ".join(line.split(None, 3)).rstrip() for line in rest.splitlines()]
    return "\n".join([first, *(row for row in rows if row and not row.startswith("#"))]) + "\n"


@cache
def data_format() -> dict[str, dict[str, Rule]]:
    """kind -> key -> rule, as the host's format tables say (its own and its parts': the
    uplink's, the OpenFlow records', the QoS'), and the switch script's (the data of other
    OVS instances)."""
    rules: dict[str, dict[str, Rule]] = {}
    tables = (HOST_FORMAT_NAME, UPLINK_FORMAT_NAME, OPENFLOW_FORMAT_NAME, QOS_FORMAT_NAME)
    for name in (*tables, SWITCH_FORMAT_NAME):
        for line in format_text(name).splitlines()[1:]:
            kind, key, count, value = line.split(" ", 3)
            rules.setdefault(kind, {})[key] = Rule(count, value)
    return rules


def data_text(kind: str, header: str, pairs: list[tuple[str, str]]) -> str:
    """Data file text of kind: a comment header (none when empty), format=1, then each
    (key, value) in order.

    Raises ValueError when a pair breaks the format: that is a bug of ovs-ignite (the spec's
    checks should have refused the value), never something to write to a host.
    """
    rules = data_format()[kind]
    pairs = [("format", FORMAT_VERSION), *pairs]
    seen: set[str] = set()
    for key, value in pairs:
        rule = rules.get(key)
        if rule is None:
            raise ValueError(f"{kind} data has no key {key!r}")
        if UNSAFE_CHARACTERS.search(value) or not rule.takes(value):
            raise ValueError(f"{kind} data: {key}={value!r} does not match its format")
        if key in seen and rule.times != "*":
            raise ValueError(f"{kind} data: {key} given twice")
        seen.add(key)
    missing = [key for key, rule in rules.items() if rule.times == "1" and key not in seen]
    if missing:
        raise ValueError(f"{kind} data: no {', '.join(missing)}")
    lines = [*([f"# {header}"] if header else []), *(f"{key}={value}" for key, value in pairs)]
    return "\n".join(lines) + "\n"
