"""``render --merge EXTRA``: a config of yours merged into the one ovs-ignite renders.

EXTRA is an Ignition config (JSON, merged into Ignition output) or a Butane config (YAML,
merged into Butane output), merged as Ignition merges a child config into its parent:
files, directories and links by path (one namespace), units and their drop-ins by name,
users by name (SSH keys added), kernel arguments added; whatever else EXTRA sets, it sets.
What would change ovs-ignite's own files, links, units or drop-ins is an error, every one
of them at once, and so is a config that would replace the whole config
(``ignition.config.replace``) or that needs a newer spec version than the output's.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .errors import MergeError
from .extra import MAX_EXTRA_BYTES, ExtraReadError, read_butane, read_json, truth
from .owned import Nodes, Owned
from .shape import shape_problems
from .values import version_tuple


@dataclass(frozen=True)
class Dialect:
    """How Ignition (camelCase) and Butane (snake_case) spell what merging looks at."""

    fmt: Literal["ignition", "butane"]
    keys: str
    kargs: str
    should_exist: str
    should_not_exist: str


IGNITION = Dialect(
    "ignition", "sshAuthorizedKeys", "kernelArguments", "shouldExist", "shouldNotExist"
)
BUTANE = Dialect(
    "butane", "ssh_authorized_keys", "kernel_arguments", "should_exist", "should_not_exist"
)


@dataclass(frozen=True)
class Extra:
    """A config of yours to merge: its name (for errors), its format and its data."""

    name: str
    dialect: Dialect
    data: dict[str, Any]


def load_extra(path: Path) -> Extra:
    """The config at path: Ignition when it is JSON (an object with an ``ignition`` key),
    else Butane (YAML with ``variant`` and ``version``), its shape checked (every problem
    at once). Raises MergeError."""
    name = str(path)
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_EXTRA_BYTES + 1)
    except OSError as exc:
        raise MergeError(name, [f"cannot read: {exc.strerror or exc}"]) from None
    if len(raw) > MAX_EXTRA_BYTES:
        raise MergeError(name, [f"larger than {MAX_EXTRA_BYTES} bytes"])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise MergeError(name, ["not UTF-8 text"]) from None
    dialect = IGNITION if text.lstrip()[:1] in ("{", "[") else BUTANE
    try:
        data = read_json(text) if dialect is IGNITION else read_butane(text)
    except ExtraReadError as exc:
        raise MergeError(name, exc.problems) from None
    if dialect is IGNITION and not (
        isinstance(data, dict) and isinstance(data.get("ignition"), dict)
    ):
        raise MergeError(name, ["a JSON config needs an ignition object (an Ignition config)"])
    if dialect is BUTANE and not (
        isinstance(data, dict) and "variant" in data and "version" in data
    ):
        raise MergeError(name, ["not an Ignition config (JSON) or a Butane config (variant:)"])
    problems = shape_problems(data, dialect.fmt)
    if problems:
        raise MergeError(name, problems)
    return Extra(name, dialect, data)


def _config_problems(extra: Extra) -> list[str]:
    """A config reference that would bring in what ovs-ignite cannot check: a replacement
    of the whole config, or a child config fetched at boot."""
    ignition = extra.data.get("ignition")
    config = ignition.get("config") if isinstance(ignition, dict) else None
    if not isinstance(config, dict):
        return []
    problems = []
    if config.get("replace") is not None:
        problems.append(
            "ignition.config.replace would replace the whole config: merge, not replace"
        )
    if config.get("merge"):
        problems.append(
            "ignition.config.merge fetches a config at boot, which ovs-ignite cannot check "
            "against its own files and units: give its contents here instead"
        )
    return problems


def _version_problems(ours: dict[str, Any], extra: Extra) -> list[str]:
    if extra.dialect is IGNITION:
        mine, theirs = ours["ignition"]["version"], extra.data["ignition"].get("version")
        what = "Ignition spec"
    else:
        if extra.data["variant"] != ours["variant"]:
            variant = str(extra.data["variant"])[:40]
            return [f"variant {variant!r} is not the output's {ours['variant']!r}"]
        mine, theirs = ours["version"], extra.data["version"]
        what = f"Butane {ours['variant']}"
    found, output = version_tuple(theirs), version_tuple(mine)
    assert output is not None  # (the output's own version)
    shown = str(theirs)[:40]
    if found is None or found[0] != output[0]:
        return [f"version {shown!r} is not a {what} version the output ({mine}) can hold"]
    if found > output:
        return [f"version {shown} is newer than the output's {mine}: render for that version"]
    return []


def merge(ours: dict[str, Any], extra: Extra, own: Owned) -> dict[str, Any]:
    """ours with extra merged in (see the module's docstring); raises MergeError listing
    every conflict with what ovs-ignite writes or depends on (own)."""
    problems = _version_problems(ours, extra) + _config_problems(extra)
    if problems:
        raise MergeError(extra.name, problems)
    out = copy.deepcopy(ours)
    for key, value in extra.data.items():
        if key == "ignition" and extra.dialect is IGNITION:
            out["ignition"] = {**value, "version": ours["ignition"]["version"]}
        elif key in ("variant", "version") and extra.dialect is BUTANE:
            continue
        elif key in ("storage", "systemd", "passwd", extra.dialect.kargs):
            continue  # below
        else:
            out[key] = copy.deepcopy(value)
    problems += _merge_storage(out, extra, own)
    problems += _merge_units(out, extra, own)
    problems += _merge_users(out, extra)
    problems += _merge_kargs(out, extra)
    if problems:
        raise MergeError(extra.name, problems)
    return out


def _section(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _items(section: dict[str, Any], key: str) -> list[Any]:
    value = section.get(key)
    return value if isinstance(value, list) else []


_STORAGE_KINDS = {"files": "file", "directories": "directory", "links": "link"}


def _merge_storage(out: dict[str, Any], extra: Extra, own: Owned) -> list[str]:
    """Files, directories and links by path, as the host resolves them: one of ovs-ignite's,
    a path it needs, or two entries on one path, is a conflict."""
    theirs = _section(extra.data, "storage")
    if not theirs:
        return []
    storage = out.setdefault("storage", {})
    nodes = Nodes(own.os)
    for key, what in _STORAGE_KINDS.items():
        for item in _items(storage, key):
            nodes.add(item["path"], what)
    problems = []
    for key, value in theirs.items():
        if key not in _STORAGE_KINDS:
            storage[key] = copy.deepcopy(value)
            continue
        for index, item in enumerate(_items(theirs, key)):
            what = _STORAGE_KINDS[key]
            path = item["path"]
            problem = own.node_problem(path, what) or nodes.add(path, what)
            if problem:
                problems.append(f"storage.{key}[{index}].path: {problem}")
                continue
            storage.setdefault(key, []).append(copy.deepcopy(item))
    return problems


def _merge_units(out: dict[str, Any], extra: Extra, own: Owned) -> list[str]:
    """Units by name: one of ovs-ignite's, or one it needs masked, disabled or replaced, is
    a conflict; a unit: container's unit takes EXTRA's contents beside ovs-ignite's
    drop-in on it."""
    theirs = _section(extra.data, "systemd")
    if not theirs:
        return []
    systemd = out.setdefault("systemd", {})
    units = {unit["name"]: unit for unit in _items(systemd, "units")}
    problems = []
    for key, value in theirs.items():
        if key != "units":
            systemd[key] = copy.deepcopy(value)
    contents_key = "contents"
    for index, unit in enumerate(_items(theirs, "units")):
        name = unit["name"]
        at = f"systemd.units[{index}]"
        dropins = {d["name"]: i for i, d in enumerate(_items(unit, "dropins"))}
        found = own.unit_problems(
            name,
            contents=unit.get(contents_key) is not None or unit.get("contents_local") is not None,
            mask=truth(unit.get("mask")) is True,
            disable=truth(unit.get("enabled")) is False,
            dropins=dropins,
        )
        for where, problem in found:
            field = (
                f".dropins[{dropins[where]}].name"
                if where in dropins
                else (f".{where}" if where else ".name")
            )
            problems.append(f"{at}{field}: {problem}")
        if found:
            continue
        ours = units.get(name)
        if ours is None:
            systemd.setdefault("units", []).append(copy.deepcopy(unit))
            units[name] = systemd["units"][-1]
            continue
        problems += _merge_dropins(ours, unit, at)
    return problems


def _merge_dropins(ours: dict[str, Any], unit: dict[str, Any], at: str) -> list[str]:
    own = {dropin["name"] for dropin in _items(ours, "dropins")}
    problems = []
    for key, value in unit.items():
        if key != "dropins":
            ours[key] = copy.deepcopy(value)
    for index, dropin in enumerate(_items(unit, "dropins")):
        name = dropin["name"]
        if name in own:
            problems.append(f"{at}.dropins[{index}].name: {name} is already a drop-in of it")
            continue
        ours.setdefault("dropins", []).append(copy.deepcopy(dropin))
    return problems


def _merge_users(out: dict[str, Any], extra: Extra) -> list[str]:
    """Users by name: EXTRA's settings, and the SSH keys of both."""
    theirs = _section(extra.data, "passwd")
    if not theirs:
        return []
    passwd = out.setdefault("passwd", {})
    users = {user["name"]: user for user in _items(passwd, "users")}
    keys = extra.dialect.keys
    for key, value in theirs.items():
        if key != "users":
            passwd[key] = copy.deepcopy(value)
    for user in _items(theirs, "users"):
        name = user["name"]
        ours = users.get(name)
        if ours is None:
            passwd.setdefault("users", []).append(copy.deepcopy(user))
            users[name] = passwd["users"][-1]
            continue
        merged = [*_items(ours, keys), *_items(user, keys)]
        ours.update({k: copy.deepcopy(v) for k, v in user.items() if k != keys})
        if merged:
            ours[keys] = list(dict.fromkeys(merged))
    return []


def _merge_kargs(out: dict[str, Any], extra: Extra) -> list[str]:
    """Kernel arguments added; removing one ovs-ignite needs is a conflict."""
    dialect = extra.dialect
    theirs = _section(extra.data, dialect.kargs)
    if not theirs:
        return []
    kargs = out.setdefault(dialect.kargs, {})
    own = _items(kargs, dialect.should_exist)
    problems = [
        f"{dialect.kargs}.{dialect.should_not_exist}: ovs-ignite needs {karg!r}"
        for karg in _items(theirs, dialect.should_not_exist)
        if karg in own
    ]
    for key in (dialect.should_exist, dialect.should_not_exist):
        merged = [*_items(kargs, key), *_items(theirs, key)]
        if merged:
            kargs[key] = list(dict.fromkeys(merged))
    return problems
