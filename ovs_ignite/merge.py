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
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from .errors import OvsIgniteError

# An EXTRA is at most this big (as a spec is).
MAX_EXTRA_BYTES = 1 << 20


class MergeError(OvsIgniteError):
    """EXTRA cannot be read or merged; one line a problem."""

    def __init__(self, name: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"{name}: {problem}" for problem in problems))


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
    """The config at path: Ignition when it is a JSON object with an ``ignition`` key, else
    Butane (YAML with ``variant`` and ``version``). Raises MergeError."""
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
    try:
        data = json.loads(text)
    except ValueError:
        return Extra(name, BUTANE, _butane_data(name, text))
    if not isinstance(data, dict) or not isinstance(data.get("ignition"), dict):
        raise MergeError(name, ["a JSON config needs an ignition object (an Ignition config)"])
    return Extra(name, IGNITION, data)


def _butane_data(name: str, text: str) -> dict[str, Any]:
    try:
        # Aliases are refused before anything is built: a few hundred bytes of them can
        # stand for gigabytes of data.
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, yaml.SafeLoader)):
            raise MergeError(name, ["YAML aliases (*name) are not allowed"])
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise MergeError(name, [f"not YAML: {' '.join(str(exc).split())}"]) from None
    if not isinstance(data, dict) or "variant" not in data or "version" not in data:
        raise MergeError(name, ["not an Ignition config (JSON) or a Butane config (variant:)"])
    return data


def _version(text: Any) -> tuple[int, ...] | None:
    parts = str(text).split("-")[0].split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else None


def _version_problems(ours: dict[str, Any], extra: Extra) -> list[str]:
    if extra.dialect is IGNITION:
        mine, theirs = ours["ignition"]["version"], extra.data["ignition"].get("version")
        what = "Ignition spec"
        if isinstance(extra.data["ignition"].get("config", {}).get("replace"), dict):
            return ["ignition.config.replace would replace the whole config: merge, not replace"]
    else:
        if extra.data["variant"] != ours["variant"]:
            return [f"variant {extra.data['variant']!r} is not the output's {ours['variant']!r}"]
        mine, theirs = ours["version"], extra.data["version"]
        what = f"Butane {ours['variant']}"
    found, output = _version(theirs), _version(mine)
    assert output is not None  # (the output's own version)
    if found is None or found[0] != output[0]:
        return [f"version {theirs!r} is not a {what} version the output ({mine}) can hold"]
    if found > output:
        return [f"version {theirs} is newer than the output's {mine}: render for that version"]
    return []


def merge(ours: dict[str, Any], extra: Extra) -> dict[str, Any]:
    """ours with extra merged in (see the module's docstring); raises MergeError listing
    every conflict with ovs-ignite's own files, links, units and drop-ins."""
    problems = _version_problems(ours, extra)
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
    problems += _merge_storage(out, extra)
    problems += _merge_units(out, extra)
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


_STORAGE_LISTS = ("files", "directories", "links")


def _merge_storage(out: dict[str, Any], extra: Extra) -> list[str]:
    """Files, directories and links by path; a path of ovs-ignite's is a conflict."""
    theirs = _section(extra.data, "storage")
    if not theirs:
        return []
    storage = out.setdefault("storage", {})
    own = {item["path"] for key in _STORAGE_LISTS for item in _items(storage, key)}
    problems = []
    for key, value in theirs.items():
        if key not in _STORAGE_LISTS:
            storage[key] = copy.deepcopy(value)
            continue
        for index, item in enumerate(_items(theirs, key)):
            path = item.get("path") if isinstance(item, dict) else None
            if path in own:
                problems.append(f"storage.{key}[{index}]: {path} is ovs-ignite's own")
                continue
            storage.setdefault(key, []).append(copy.deepcopy(item))
    return problems


def _merge_units(out: dict[str, Any], extra: Extra) -> list[str]:
    """Units by name: one of ovs-ignite's with contents is a conflict; one it only adds a
    drop-in to (a unit: container's) takes EXTRA's contents, with both sets of drop-ins."""
    theirs = _section(extra.data, "systemd")
    if not theirs:
        return []
    systemd = out.setdefault("systemd", {})
    units = {unit["name"]: unit for unit in _items(systemd, "units")}
    problems = []
    for key, value in theirs.items():
        if key != "units":
            systemd[key] = copy.deepcopy(value)
    for index, unit in enumerate(_items(theirs, "units")):
        name = unit.get("name") if isinstance(unit, dict) else None
        ours = units.get(name)
        if ours is None:
            systemd.setdefault("units", []).append(copy.deepcopy(unit))
            continue
        if "contents" in ours:
            problems.append(f"systemd.units[{index}]: {name} is ovs-ignite's own unit")
            continue
        problems += _merge_dropins(ours, unit, f"systemd.units[{index}]")
    return problems


def _merge_dropins(ours: dict[str, Any], unit: dict[str, Any], at: str) -> list[str]:
    own = {dropin["name"] for dropin in _items(ours, "dropins")}
    problems = []
    for key, value in unit.items():
        if key != "dropins":
            ours[key] = copy.deepcopy(value)
    for index, dropin in enumerate(_items(unit, "dropins")):
        name = dropin.get("name") if isinstance(dropin, dict) else None
        if name in own:
            problems.append(f"{at}.dropins[{index}]: {name} is ovs-ignite's drop-in")
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
        name = user.get("name") if isinstance(user, dict) else None
        ours = users.get(name)
        if ours is None:
            passwd.setdefault("users", []).append(copy.deepcopy(user))
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
