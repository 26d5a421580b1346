"""The shape of a ``--merge`` EXTRA: each section, entry and field of the parts ovs-ignite
merges is of the type Ignition (or Butane) reads there, and the entries it merges by key
name that key. A wrongly typed section is reported, never dropped without a word.

The types are written once, in Ignition's spelling; Butane's is the same in snake_case,
plus its own keys (``inline``, ``local``, ``contents_local``, ``trees``, ...).
"""

from __future__ import annotations

import re
from typing import Any

from .extra import kind
from .quoting import UNIT_LINE_MAX

# A spec of a field: a type name, or an object (its keys; "!key": required), or a list of
# one spec. Keys marked "b:" exist in Butane only.
Spec = str | dict[str, Any] | list[Any]

_NODE: dict[str, Spec] = {"!path": "str", "overwrite": "bool", "user": "object", "group": "object"}
# A file's contents, and a config's merge or replace, are the same Resource type in Ignition.
_RESOURCE: dict[str, Spec] = {
    "source": "source",
    "compression": "str",
    "verification": "object",
    "httpHeaders": "list",
    "b:inline": "str",
    "b:local": "str",
}
_FILE: dict[str, Spec] = {**_NODE, "mode": "mode", "contents": _RESOURCE, "append": [_RESOURCE]}
_DIRECTORY: dict[str, Spec] = {**_NODE, "mode": "mode"}
_LINK: dict[str, Spec] = {**_NODE, "!target": "target", "hard": "bool"}
_DROPIN: dict[str, Spec] = {"!name": "str", "contents": "unit", "b:contents_local": "str"}
_UNIT: dict[str, Spec] = {
    "!name": "str",
    "enabled": "bool",
    "mask": "bool",
    "contents": "unit",
    "b:contents_local": "str",
    "dropins": [_DROPIN],
}
_USER: dict[str, Spec] = {
    "!name": "str",
    "sshAuthorizedKeys": ["str"],
    "b:ssh_authorized_keys_local": ["str"],
    "passwordHash": "str",
    "uid": "int",
    "gecos": "str",
    "homeDir": "str",
    "noCreateHome": "bool",
    "primaryGroup": "str",
    "groups": ["str"],
    "noUserGroup": "bool",
    "noLogInit": "bool",
    "shell": "str",
    "system": "bool",
    "shouldExist": "bool",
}
CONFIG: dict[str, Spec] = {
    "ignition": {
        "version": "str",
        "config": {"merge": [_RESOURCE], "replace": _RESOURCE},
        "timeouts": "object",
        "security": "object",
        "proxy": "object",
    },
    "storage": {
        "files": [_FILE],
        "directories": [_DIRECTORY],
        "links": [_LINK],
        "disks": "list",
        "raid": "list",
        "filesystems": "list",
        "luks": "list",
        "b:trees": "list",
    },
    "systemd": {"units": [_UNIT]},
    "passwd": {"users": [_USER], "groups": "list"},
    "kernelArguments": {"shouldExist": ["str"], "shouldNotExist": ["str"]},
    "b:variant": "str",
    "b:version": "str",
    "b:boot_device": "object",
    "b:grub": "object",
}

_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")
# (a text field takes any scalar's text: go-yaml reads a plain 1 or yes into a string)
_TEXT = {"str", "str|bool", "str|int"}
_ACCEPTS = {
    "str": _TEXT,
    "source": _TEXT,
    "target": _TEXT,
    "unit": _TEXT,
    "int": {"int", "str|int"},
    "mode": {"int", "str|int"},
    "bool": {"bool", "str|bool"},
    "object": {"object"},
    "list": {"list"},
}
_MAX_MODE = 0o7777


def butane_key(key: str) -> str:
    """Ignition's camelCase key in Butane's snake_case."""
    return _CAMEL.sub(r"_\1", key).lower()


def _keys(spec: dict[str, Spec], fmt: str) -> tuple[dict[str, Spec], set[str]]:
    """(key as fmt spells it -> spec, the required keys) of an object spec."""
    out: dict[str, Spec] = {}
    required = set()
    for raw, value in spec.items():
        key = raw.lstrip("!")
        if key.startswith("b:"):
            if fmt != "butane":
                continue
            key = key[2:]
        elif fmt == "butane":
            key = butane_key(key)
        out[key] = value
        if raw.startswith("!"):
            required.add(key)
    return out, required


def _at(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(the config)"


def shape_problems(data: Any, fmt: str) -> list[str]:
    """Every place where data does not have the shape of a config of fmt (ignition or
    butane), as "key.path: what is wrong" lines."""
    problems: list[str] = []
    _check(data, CONFIG, fmt, (), problems)
    problems += _string_problems(data)
    return problems


_SURROGATE = re.compile("[\ud800-\udfff]")


def _string_problem(text: str) -> str | None:
    if "{{" in text:
        return "holds '{{', which template servers such as matchbox expand"
    if _SURROGATE.search(text):
        return "holds a lone surrogate (\\uD800-\\uDFFF), which is no Unicode character"
    return None


def _string_problems(data: Any) -> list[str]:
    """Where a string (or key) holds '{{', which template servers that serve configs (such
    as matchbox) would expand, or a lone surrogate, which no config reader takes whole:
    refused, as in a spec."""
    out = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                problem = _string_problem(key)
                if problem:
                    out.append(f"{_at(path)}: a key {problem}")
                stack.append((item, (*path, key)))
        elif isinstance(value, list):
            stack += [(item, (*path, i)) for i, item in enumerate(value)]
        elif isinstance(value, str) and (problem := _string_problem(value)):
            out.append(f"{_at(path)}: {problem}")
    return sorted(out)


def _check(value: Any, spec: Spec, fmt: str, path: tuple[str | int, ...], out: list[str]) -> None:
    found = kind(value)
    if found == "null" and path:
        return  # (an optional field left unset)
    if isinstance(spec, dict):
        _check_object(value, found, spec, fmt, path, out)
    elif isinstance(spec, list):
        if found != "list":
            out.append(f"{_at(path)}: expected a list, found {_shown(found)}")
            return
        for i, item in enumerate(value):
            _check(item, spec[0], fmt, (*path, i), out)
    elif found not in _ACCEPTS[spec]:
        out.append(f"{_at(path)}: expected {_shown(spec)}, found {_shown(found)}")
    else:
        problem = _value_problem(value, spec)
        if problem:
            out.append(f"{_at(path)}: {problem}")


def _check_object(
    value: Any,
    found: str,
    spec: dict[str, Spec],
    fmt: str,
    path: tuple[str | int, ...],
    out: list[str],
) -> None:
    if found != "object":
        out.append(f"{_at(path)}: expected an object, found {_shown(found)}")
        return
    keys, required = _keys(spec, fmt)
    for key in sorted(required - value.keys()):
        out.append(f"{_at((*path, key))}: is required")
    for key, item in value.items():
        if key not in keys:
            out.append(f"{_at((*path, key))}: not a key {fmt.capitalize()} knows here")
            continue
        _check(item, keys[key], fmt, (*path, key), out)


def _value_problem(value: Any, spec: str) -> str | None:
    if spec == "source":
        return source_problem(str(value))
    if spec == "target":
        return None if str(value) else "a link needs a target"
    if spec == "unit":
        return unit_text_problem(str(value))
    if spec == "mode":
        mode = _number(value)
        if mode is None or not 0 <= mode <= _MAX_MODE:
            return f"{str(value)[:20]!r} is not a file mode (0 to 0o7777)"
    return None


# The schemes Ignition fetches from, and the characters a data URL may hold (RFC 2397 over
# RFC 2396: unreserved and reserved characters, and %XX escapes), as Ignition's parser.
SCHEMES = ("http", "https", "tftp", "s3", "gs", "arn", "data")
_DATA_URL = re.compile(
    r"^data:[A-Za-z0-9\-_.!~*'();/?:@&=+$,]*(?:%[0-9A-Fa-f]{2}[A-Za-z0-9\-_.!~*'();/?:@&=+$,]*)*$"
)


def source_problem(url: str) -> str | None:
    """Why Ignition would refuse url as a source, or None."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in SCHEMES:
        return f"{url[:40]!r} is not a URL Ignition fetches ({', '.join(SCHEMES)})"
    if scheme == "data" and ("," not in url or not _DATA_URL.match(url)):
        return (
            f"{url[:40]!r} is not a data URL Ignition reads (data:[TYPE][;base64],DATA with "
            "every other character %-escaped)"
        )
    return None


def unit_text_problem(text: str) -> str | None:
    """Why Ignition's unit parser would refuse text as a unit's or drop-in's contents (a
    line of UNIT_LINE_MAX bytes or more), or None."""
    for number, line in enumerate(text.split("\n"), 1):
        if len(line.encode("utf-8", "surrogatepass")) > UNIT_LINE_MAX:
            return (
                f"line {number} is {len(line.encode('utf-8', 'surrogatepass'))} bytes; "
                f"Ignition's unit parser takes lines of at most {UNIT_LINE_MAX}"
            )
    return None


def _number(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return _plain_number(str(value))
    except ValueError:
        return None


def _plain_number(text: str) -> int | None:
    text = text.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    if len(text) > 30:
        return None
    if text[:2] in ("0b", "0B"):
        return sign * int(text[2:], 2)
    if text[:2] in ("0x", "0X"):
        return sign * int(text[2:], 16)
    if text[:2] in ("0o", "0O"):
        return sign * int(text[2:], 8)
    if len(text) > 1 and text.startswith("0"):
        return sign * int(text[1:], 8)  # (go-yaml reads a leading 0 as octal)
    return sign * int(text)


def _shown(kind_name: str) -> str:
    return {
        "str": "a string",
        "str|bool": "a string",
        "str|int": "a number",
        "int": "a number",
        "mode": "a file mode (a number)",
        "source": "a URL",
        "target": "a link target (a path)",
        "unit": "a unit's contents (text)",
        "bool": "true or false",
        "object": "an object",
        "list": "a list",
        "number": "a fractional number",
        "null": "null",
    }.get(kind_name, kind_name)
