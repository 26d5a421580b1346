"""Host plan -> Ignition config, as Butane makes it of the plan's Butane document.

File contents become the shortest of a percent-encoded ``data:,`` URL, a ``;base64,`` URL
and gzip + base64 with ``compression: gzip`` (Butane's ``MakeDataURL``); modes become
integers; unit bodies stay plain strings.
"""

from __future__ import annotations

import base64
import gzip
import json
from functools import lru_cache
from typing import Any

from .artifacts import HostFile, HostPlan, HostUnit, HostUser
from .butane import butane_version

_UNRESERVED = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()")
_RESERVED = frozenset(b";/?:@&=+$,")


def _escapes(kept: frozenset[int]) -> dict[int, str]:
    """A str.translate table that writes each byte (as a latin-1 character) not in kept as
    %XX (upper-case hex, as urllib.parse.quote does)."""
    return {byte: f"%{byte:02X}" for byte in range(256) if byte not in kept}


_PERCENT = _escapes(_UNRESERVED)
_URIC = _escapes(_UNRESERVED | _RESERVED)


def percent_encode(data: bytes) -> str:
    """RFC 2397 escaping as Butane does it: unreserved bytes as is, others as %XX."""
    return data.decode("latin-1").translate(_PERCENT)


def uric_encode(data: bytes) -> str:
    """RFC 2397 escaping that keeps RFC 2396's reserved characters (;/?:@&=+$,) as they are,
    as that RFC allows and Ignition's data URL parser takes: a script compresses better
    with its $ and / whole. (Only in a wrapped config's inner one: elsewhere data URLs are
    escaped as Butane escapes them.)"""
    return data.decode("latin-1").translate(_URIC)


# The files every host gets (the host script, the static units) are encoded once a process.
@lru_cache(maxsize=64)
def data_url(data: bytes, allow_compression: bool = True) -> tuple[str, str]:
    """(source, compression) of the shortest encoding of data, as Butane picks it."""
    opaque = "," + percent_encode(data)
    b64 = ";base64," + base64.b64encode(data).decode()
    if len(b64) < len(opaque):
        opaque = b64
    compression = ""
    if allow_compression:
        gz = ";base64," + base64.b64encode(gzip.compress(data, 9, mtime=0)).decode()
        if len(gz) + len("gzip") < len(opaque):
            opaque, compression = gz, "gzip"
    return "data:" + opaque, compression


def decode_data_url(source: str, compression: str = "") -> bytes:
    """The bytes a data URL (and compression) stands for; the inverse of data_url."""
    from urllib.parse import unquote_to_bytes

    header, _, payload = source.partition(",")
    raw = base64.b64decode(payload) if header.endswith(";base64") else unquote_to_bytes(payload)
    return gzip.decompress(raw) if compression == "gzip" else raw


def _ignition_user(user: HostUser) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": user.name}
    if user.ssh_authorized_keys:
        entry["sshAuthorizedKeys"] = list(user.ssh_authorized_keys)
    return entry


def _ignition_file(file: HostFile, plain: bool = False) -> dict[str, Any]:
    data = file.contents.encode()
    if plain:  # escaped text, for a config that is compressed whole (--wrap gzip)
        source, compression = "data:," + uric_encode(data), ""
    else:
        source, compression = data_url(data)
    return {
        "overwrite": True,
        "path": file.path,
        "contents": {"compression": compression, "source": source},
        "mode": file.mode,
    }


def _ignition_unit(unit: HostUnit) -> dict[str, Any]:
    # Keys in the order Butane writes them.
    entry: dict[str, Any] = {}
    if unit.contents is not None:
        entry["contents"] = unit.contents
    if unit.dropins:
        entry["dropins"] = [{"contents": d.contents, "name": d.name} for d in unit.dropins]
    if unit.enabled is not None:
        entry["enabled"] = unit.enabled
    entry["name"] = unit.name
    return entry


def to_ignition(plan: HostPlan, plain: bool = False) -> dict[str, Any]:
    """The Ignition config Butane makes of plan's Butane document (build_butane), made
    from the plan itself. With plain, file contents are percent-encoded text, never
    compressed one by one: what a config that is gzip-compressed whole needs (gzip finds no
    repeats in base64)."""
    butane_version(plan)  # (the same versions as Butane output)
    config: dict[str, Any] = {"ignition": {"version": plan.ignition_version}}
    if plan.kernel_arguments:
        config["kernelArguments"] = {"shouldExist": list(plan.kernel_arguments)}
    if plan.users:
        config["passwd"] = {"users": [_ignition_user(u) for u in plan.users]}
    storage: dict[str, Any] = {}
    if plan.files:
        storage["files"] = [_ignition_file(f, plain) for f in plan.files]
    if plan.links:
        storage["links"] = [{"path": k.path, "target": k.target} for k in plan.links]
    if storage:
        config["storage"] = storage
    if plan.units:
        config["systemd"] = {"units": [_ignition_unit(u) for u in plan.units]}
    return config


def dump_ignition(config: dict[str, Any], pretty: bool = False) -> str:
    """JSON text as Butane writes it (Go's encoder: <, > and & escaped)."""
    if pretty:
        text = json.dumps(config, indent=2, ensure_ascii=False)
    else:
        text = json.dumps(config, separators=(",", ":"), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text + "\n"
