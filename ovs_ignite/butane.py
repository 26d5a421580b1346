"""The host plan as a Butane document (variant fcos or flatcar), and its YAML text."""

from __future__ import annotations

from typing import Any

import yaml

from .artifacts import HostFile, HostPlan, HostUnit, HostUser
from .errors import OvsIgniteError
from .extra import Plain
from .values import BUTANE_VERSIONS, UNSAFE_CHARACTERS


class Mode(int):
    """A file mode, written in octal (``0755``) as Butane users read it."""


def _butane_user(user: HostUser) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": user.name}
    if user.ssh_authorized_keys:
        entry["ssh_authorized_keys"] = list(user.ssh_authorized_keys)
    return entry


def _butane_file(file: HostFile) -> dict[str, Any]:
    return {
        "path": file.path,
        "overwrite": True,
        "contents": {"inline": file.contents},
        "mode": Mode(file.mode),
    }


def _butane_unit(unit: HostUnit) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": unit.name}
    if unit.enabled is not None:
        entry["enabled"] = unit.enabled
    if unit.contents is not None:
        entry["contents"] = unit.contents
    if unit.dropins:
        entry["dropins"] = [{"name": d.name, "contents": d.contents} for d in unit.dropins]
    return entry


def butane_version(plan: HostPlan) -> str:
    """The version of Butane's variant that makes plan's Ignition version; an error where
    Butane has none (Ignition output is held to the same versions)."""
    try:
        return BUTANE_VERSIONS[plan.os][plan.ignition_version]
    except KeyError:
        raise OvsIgniteError(
            f"Butane has no {plan.os} variant for Ignition {plan.ignition_version}"
        ) from None


def build_butane(plan: HostPlan) -> dict[str, Any]:
    """The Butane document of plan: a plain dict, keys in Butane's order."""
    version = butane_version(plan)
    doc: dict[str, Any] = {"variant": plan.os, "version": version}
    if plan.kernel_arguments:
        doc["kernel_arguments"] = {"should_exist": list(plan.kernel_arguments)}
    if plan.users:
        doc["passwd"] = {"users": [_butane_user(u) for u in plan.users]}
    storage: dict[str, Any] = {}
    if plan.files:
        storage["files"] = [_butane_file(f) for f in plan.files]
    if plan.links:
        storage["links"] = [{"path": k.path, "target": k.target} for k in plan.links]
    if storage:
        doc["storage"] = storage
    if plan.units:
        doc["systemd"] = {"units": [_butane_unit(u) for u in plan.units]}
    return doc


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # A block scalar holds its characters raw: NEL, LS, PS or another control in one would
    # be read as a line break (or refused) by the parser. Such a string is double-quoted,
    # where every one of them is an escape. The spec's checks keep them out; this is the
    # second line of defence.
    if UNSAFE_CHARACTERS.search(value.replace("\n", "")):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_mode(dumper: yaml.SafeDumper, value: Mode) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:int", f"0{int(value):o}")


def _represent_plain(dumper: yaml.SafeDumper, value: Plain) -> yaml.ScalarNode:
    # A plain scalar of a merged Butane EXTRA goes out as it came in, for Butane to read it
    # as it would have read EXTRA: tagged with what this dumper's resolver makes of the text,
    # so that it is written plain, not quoted.
    if UNSAFE_CHARACTERS.search(value) or not value:
        return _represent_str(dumper, str(value))
    tag: str = dumper.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return dumper.represent_scalar(tag, str(value), style=None)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Plain, _represent_plain)
_Dumper.add_representer(Mode, _represent_mode)


def dump_butane(doc: dict[str, Any], header: str = "") -> str:
    """Butane YAML text: unit and script bodies as block scalars."""
    # No line wrapping: every scalar stays on its line, as a reader (and Butane) expects it.
    body = yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1 << 16)
    return header + body
