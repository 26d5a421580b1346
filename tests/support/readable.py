"""One readable text of what an Ignition config puts on a host, for goldens a person reviews.

Each file and unit is decoded and shown whole, under a line that names it; the files that
are the same for every spec (the host script and the static units of ``units/``) are named
with their source instead, since test_units.py holds them byte for byte to that source:
a change of the script changes no readable golden.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from ovs_ignite.ignition import decode_data_url


def readable(ignition: Mapping[str, Any], static: Mapping[str, str] | None = None) -> str:
    """The text of ignition: kernel arguments, users, files, links, units and drop-ins, in
    order.

    static: host path -> the ``units/`` file that it is a byte-identical copy of.
    """
    static = static or {}
    out = [f"# Ignition {ignition['ignition']['version']}"]
    kargs = ignition.get("kernelArguments", {}).get("shouldExist", [])
    out.append("== kernel arguments: " + (" | ".join(kargs) if kargs else "(none)"))
    for user in ignition.get("passwd", {}).get("users", []):
        keys = user.get("sshAuthorizedKeys", [])
        out.append(f"== user {user['name']}: {len(keys)} SSH key(s)")
        out += [f"  {key}" for key in keys]
    for file in ignition.get("storage", {}).get("files", []):
        contents = file.get("contents", {})
        data = decode_data_url(contents.get("source", "data:,"), contents.get("compression", ""))
        header = f"== file {file['path']} mode {file.get('mode', 0o644):04o}"
        if file["path"] in static:
            out.append(f"{header}: {static[file['path']]}")
        else:
            out += [header, data.decode("utf-8").rstrip("\n")]
    for link in ignition.get("storage", {}).get("links", []):
        out.append(f"== link {link['path']} -> {link['target']}")
    for unit in ignition.get("systemd", {}).get("units", []):
        enabled = {True: " (enabled)", False: " (disabled)"}.get(unit.get("enabled"), "")
        name = unit["name"]
        if name in static:
            out.append(f"== unit {name}{enabled}: {static[name]}")
        elif "contents" in unit:
            out += [f"== unit {name}{enabled}", unit["contents"].rstrip("\n")]
        else:
            what = "drop-ins only" if unit.get("dropins") else "a template's or the host's"
            out.append(f"== unit {name}{enabled}: no contents ({what})")
        for dropin in unit.get("dropins", []):
            out += [f"== drop-in {name}.d/{dropin['name']}", dropin["contents"].rstrip("\n")]
    return "\n".join(out) + "\n"


def readable_json(text: str, static: Mapping[str, str] | None = None) -> str:
    return readable(json.loads(text), static)


def _texts(
    config: Mapping[str, Any], file_text: Callable[[dict[str, Any]], str], keys: str
) -> dict[str, str]:
    """Every file, unit, drop-in and user's keys of a config (Ignition or Butane, which spell
    a file's contents and the keys differently): where -> text."""
    out = {f["path"]: file_text(f["contents"]) for f in config.get("storage", {}).get("files", [])}
    for link in config.get("storage", {}).get("links", []):
        out[link["path"]] = f"-> {link['target']}"
    for unit in config.get("systemd", {}).get("units", []):
        if "contents" in unit:
            out[unit["name"]] = unit["contents"]
        for dropin in unit.get("dropins", []):
            out[f"{unit['name']}.d/{dropin['name']}"] = dropin["contents"]
    for user in config.get("passwd", {}).get("users", []):
        out[f"user {user['name']}"] = "\n".join(user.get(keys, []))
    return out


def ignition_texts(ignition: Mapping[str, Any]) -> dict[str, str]:
    """where -> text of an Ignition config, its data URLs decoded."""

    def decoded(contents: dict[str, Any]) -> str:
        data = decode_data_url(contents["source"], contents.get("compression", ""))
        return data.decode("utf-8")

    return _texts(ignition, decoded, "sshAuthorizedKeys")


def butane_texts(butane: Mapping[str, Any]) -> dict[str, str]:
    """where -> text of a Butane config (inline contents)."""
    return _texts(butane, lambda contents: str(contents["inline"]), "ssh_authorized_keys")
