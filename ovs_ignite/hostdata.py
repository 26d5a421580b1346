"""The host data files under /etc/ovs-ignite/: what a render writes for the host script.

The format is defined once, in the DATA_FORMAT table of units/ovs-ignite-host: the script
checks every line it reads against it, and this module checks every line it writes against
the same table, read from the same file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .names import SCRIPT_NAME, SWITCH_SCRIPT_NAME
from .resources import resource_dir
from .values import UNSAFE_CHARACTERS

FORMAT_VERSION = "1"
_BEGIN = "<<'FORMAT' || true\n"
_END = "\nFORMAT\n"


@dataclass(frozen=True)
class Rule:
    """What a key of a kind of data file takes: how many times (1, ?, *) and which values."""

    count: str
    value: re.Pattern[str]


@cache
def unit_source(name: str) -> str:
    """The text of units/NAME, read once a process."""
    return (resource_dir("units") / name).read_text(encoding="utf-8")


def host_script() -> str:
    """The host script as every host gets it (see script_text)."""
    return script_text(SCRIPT_NAME)


_HEREDOC = re.compile(r"<<-?\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\1")


@cache
def script_text(name: str) -> str:
    """units/NAME, a shell script, as hosts get it: its comment and blank lines left out and
    its lines unindented (the heredocs kept whole), with a line after the shebang that says
    where the commented source is. The same parse tree as the source (tests/test_units.py
    asks bash), in half the size: every config carries it."""
    lines = unit_source(name).splitlines(keepends=True)
    out = [
        lines[0],
        f"# {name}: part of ovs-ignite, without its comments and indentation (the commented "
        f"source is units/{name} in ovs-ignite); the same on every host. Do not edit by hand.\n",
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
        out.append(line.lstrip(" \t"))
        found = _HEREDOC.search(line.replace("<<<", ""))
        heredoc = found.group(2) if found else ""
    return "".join(out)


@cache
def data_format() -> dict[str, dict[str, Rule]]:
    """kind -> key -> rule, as the host script's DATA_FORMAT table says, and the switch
    script's SWITCH_FORMAT (the data of other OVS instances)."""
    rules: dict[str, dict[str, Rule]] = {}
    for script in (host_script(), script_text(SWITCH_SCRIPT_NAME)):
        start = script.index(_BEGIN) + len(_BEGIN)
        table = script[start : script.index(_END, start)]
        for line in table.splitlines():
            kind, key, count, value = line.split(None, 3)
            rules.setdefault(kind, {})[key] = Rule(count, re.compile(f"(?:{value})"))
    return rules


# The host script's functions that units/ovs-ignite-switch wraps: their definitions are
# renamed host_NAME where the switch script is made, and the wrappers call those.
SWITCH_OVERRIDES = (
    "running_pids",
    "wait_running",
    "pid_from_files",
    "interface_rows",
    "link_indexes",
)


@cache
def switch_script() -> str:
    """The switch script as hosts of specs with switches: get it: the host script's
    functions (all of it but its last line, which runs it; the ones it wraps renamed), then
    units/ovs-ignite-switch."""
    host = host_script()
    run = 'main "$@"\n'
    assert host.endswith(run), "the host script ends by running main"
    _, _, functions = host.removesuffix(run).split("\n", 2)
    for name in SWITCH_OVERRIDES:
        definition = f"\n{name}() {{\n"
        assert functions.count(definition) == 1, f"the host script defines {name} once"
        functions = functions.replace(definition, f"\nhost_{name}() {{\n")
    shebang, header, rest = script_text(SWITCH_SCRIPT_NAME).split("\n", 2)
    return f"{shebang}\n{header}\n{functions}{rest}"


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
        if UNSAFE_CHARACTERS.search(value) or not rule.value.fullmatch(value):
            raise ValueError(f"{kind} data: {key}={value!r} does not match its format")
        if key in seen and rule.count != "*":
            raise ValueError(f"{kind} data: {key} given twice")
        seen.add(key)
    missing = [key for key, rule in rules.items() if rule.count == "1" and key not in seen]
    if missing:
        raise ValueError(f"{kind} data: no {', '.join(missing)}")
    lines = [*([f"# {header}"] if header else []), *(f"{key}={value}" for key, value in pairs)]
    return "\n".join(lines) + "\n"
