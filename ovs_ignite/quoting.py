"""Quoting for the two languages the output speaks, and the limits of their lines.

``shell_quote``/``shell_args`` quote for bash (``shlex.quote``); ``systemd_quote``/
``systemd_args``/``systemd_command`` quote for systemd command lines, where ``%`` starts a
specifier and ``$`` an environment variable. The spec's checks use the same functions to
know what a value will cost in a unit (``unit_line_length``), without the templates.
"""

from __future__ import annotations

import itertools
import json
import re
import shlex
from collections.abc import Iterable

from .values import UNSAFE_CHARACTERS

_SD_SAFE = re.compile(r"^[A-Za-z0-9_@+=:,./-]+$")
_CONTROL = UNSAFE_CHARACTERS
# Ignition refuses a unit whose line (a physical line: key, value and the continuation
# backslash) is over 2047 bytes; a run command keeps each of its lines well under that.
UNIT_LINE_MAX = 2047
_LINE_BUDGET = 1000
_INDENT = "    "


def shell_quote(value: object) -> str:
    """One bash word holding str(value) literally."""
    text = str(value)
    if _CONTROL.search(text):
        raise ValueError(f"refusing to put a control character into shell: {text!r}")
    return shlex.quote(text)


def shell_args(values: Iterable[object]) -> str:
    return " ".join(shell_quote(v) for v in values)


def systemd_quote(value: object, specifier: str = "") -> str:
    """One systemd command-line word holding str(value) literally (no specifiers, no $VARS),
    but for specifier (say "%N"), which systemd is to expand where the word holds it and is
    otherwise plain."""
    text = str(value)
    if _CONTROL.search(text):
        raise ValueError(f"refusing to put a control character into a unit: {text!r}")
    if _SD_SAFE.match(text) or (specifier and _SD_SAFE.match(text.replace(specifier, "N"))):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("%", "%%").replace("$", "$$") + '"'


def systemd_args(values: Iterable[object]) -> str:
    return " ".join(systemd_quote(v) for v in values)


def unit_line_length(word: object) -> int:
    """The bytes of a unit line that holds word alone, as a run command writes it."""
    return len(f"{_INDENT}{systemd_quote(word)} \\".encode())


def systemd_command(values: Iterable[object], specifier: str = "") -> str:
    """A ``RUNTIME run`` command for a unit: each option on its own line, then the image
    with its arguments, joined by systemd's backslash-newline continuation. Arguments share
    a line up to a budget, so that no line comes near Ignition's limit however many there
    are. specifier: as systemd_quote takes it."""
    words = [str(v) for v in values]
    lines = [[systemd_quote(w, specifier) for w in words[:2]]]
    in_options = True
    for previous, word in itertools.pairwise(words[1:]):
        quoted = systemd_quote(word, specifier)
        if in_options and word.startswith("-"):
            lines.append([quoted])
        elif in_options and previous != "--name":
            in_options = False  # the image: what follows are its arguments
            lines.append([quoted])
        elif len(" ".join([*lines[-1], quoted]).encode()) > _LINE_BUDGET:
            lines.append([quoted])
        else:
            lines[-1].append(quoted)
    return f" \\\n{_INDENT}".join(" ".join(line) for line in lines)


def ovsdb_string(value: str) -> str:
    """An OVSDB string atom (JSON-quoted, ASCII), so ovs-vsctl takes value literally."""
    return json.dumps(value)
