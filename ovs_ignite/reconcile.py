"""What ``ovs-ignite apply`` sends a host: the paths to write or remove (the render's exact
bytes, against what the host has, read by hoststate) and the reconcile that makes the
running host follow them, as the host side (units/ovs-ignite-apply) runs it: actions, one a
line, those before the files change, the line ``install``, then those after.

The reconcile of a change from host plan old to new:
- before: stop (and disable) the attach and unit of each container that left the spec, and
  every other unit that left it;
- after: ``reload`` (systemd's daemon-reload); enable the units new enables; remove the
  bridges that left the spec and the ports that left a bridge (``del-br``, ``del-port``);
  restart the OVS units when their image or schema changed; run the bridges' transactions again
  when any bridge or host data changed (``bridges``: the host script's, not a restart of
  their unit, which would restart the uplinks too); restart the uplink of a bridge whose
  uplink, address, routes or DNS changed; start the containers that came; restart those
  whose unit, body or run settings changed, or only their attach when only their
  interfaces did; start the other units that came, restart those whose text changed;
  ``kargs OS`` when new has kernel arguments old lacks (the bundle's file kargs, a word a
  line: the host side adds those the next boot lacks, through rpm-ostree on fcos and the
  OEM partition's GRUB config on flatcar), ``kargs-undo OS`` when old has some new lacks
  (the host side takes away what its kargs added).
The rollback's reconcile is the same from new to old.
"""

from __future__ import annotations

import hashlib
import io
import re
import tarfile
from collections.abc import Iterator
from typing import NamedTuple

from . import names
from .artifacts import HostPlan, HostUnit
from .changes import ATTACH_KEYS, bridge_ports, changed_keys

_BRIDGES = names.BRIDGES_DATA_DIR
_CONTAINERS = names.CONTAINERS_DATA_DIR
# Keys of a bridge's data that its uplink unit reads.
_UPLINK_KEYS = {"uplink", "dhcp", "route", "dns", "uplink_timeout", "address", "mtu"}
# Keys of host.conf that need OVS's containers to restart.
_OVS_KEYS = ("ovs_image", "ovs_schema")
_OVS_UNITS = (names.OVSDB_UNIT, names.VSWITCHD_UNIT)
# A unit apply never restarts: the DPDK binding (at boot only). (Templates neither: no
# instance of theirs is one unit.)
_LEFT_ALONE = (names.DPDK_BIND_UNIT,)
UNIT_MODE = 0o644  # (Ignition's mode for units and drop-ins)


class Entry(NamedTuple):
    """What a path holds: a file (mode, bytes) or a link (target)."""

    mode: int | None  # None: a link
    data: bytes


def entries(plan: HostPlan) -> dict[str, Entry]:
    """Every path of plan, with what it holds."""
    found = {f.path: Entry(f.mode, f.contents.encode()) for f in plan.files}
    for unit in plan.units:
        if unit.contents is not None:
            found[f"{names.UNITS_DIR}/{unit.name}"] = Entry(UNIT_MODE, unit.contents.encode())
        for dropin in unit.dropins:
            path = f"{names.UNITS_DIR}/{unit.name}.d/{dropin.name}"
            found[path] = Entry(UNIT_MODE, dropin.contents.encode())
    for link in plan.links:
        found[link.path] = Entry(None, link.target.encode())
    return found


def manifest(old: HostPlan, new: HostPlan) -> tuple[list[str], list[bytes]]:
    """The manifest lines that turn the host old into new, and the bytes of each line:
    the paths whose bytes or mode differ, then those that left."""
    before, after = entries(old), entries(new)
    lines: list[str] = []
    payloads: list[bytes] = []
    for path, entry in after.items():
        if before.get(path) != entry:
            verb = "link" if entry.mode is None else f"write {entry.mode:04o}"
            lines.append(f"{verb} {path}")
            payloads.append(entry.data)
    for path in before:
        if path not in after:
            lines.append(f"remove {path}")
            payloads.append(b"")
    bad = [line for line in lines if "\n" in line or "\r" in line]
    if bad:  # (the spec checks refuse such paths; a host's listing has none)
        raise ValueError(f"a path with a line break: {bad[0]!r}")
    return lines, payloads


def _data(plan: HostPlan, prefix: str) -> dict[str, str]:
    """The data files under folder prefix: name -> text."""
    return {
        f.path.removeprefix(prefix).removesuffix(".conf"): f.contents
        for f in plan.files
        if f.path.startswith(prefix)
    }


def actions(old: HostPlan, new: HostPlan) -> list[str]:
    """The reconcile of the change from old to new (see the module's text)."""
    units_a = {u.name: u for u in old.units}
    units_b = {u.name: u for u in new.units}
    gone = sorted(set(_data(old, _CONTAINERS)) - set(_data(new, _CONTAINERS)))
    first: list[str] = []
    for name in gone:
        for gone_unit in (names.attach_unit(name), names.container_unit(name)):
            first += [f"stop {gone_unit}", f"disable {gone_unit}"]
    container_units = {u for n in gone for u in (names.container_unit(n), names.attach_unit(n))}
    for name, unit in units_a.items():
        if name not in units_b and name not in container_units and "@." not in name:
            first += [f"stop {name}"] + ([f"disable {name}"] if unit.enabled else [])
    then = ["reload", *_enabled(units_a, units_b), *_ports_gone(old, new)]
    then += _ovs_and_bridges(old, new, units_a, units_b)
    then += _uplinks(old, new, units_b)
    changed_units = {n for n in units_b if n in units_a and units_a[n] != units_b[n]}
    then += _containers(old, new, changed_units)
    came = [n for n in units_b if n not in units_a and _restartable(n, units_b[n], new)]
    then += [f"start {n}" for n in came]
    then += [f"restart {n}" for n in sorted(changed_units) if _restartable(n, units_b[n], new)]
    if kernel_words(old, new):
        then.append(f"kargs {new.os}")
    if kernel_words(new, old):
        then.append(f"kargs-undo {new.os}")
    return [*first, "install", *dict.fromkeys(then)]


_KARG_WORD = re.compile(r"^[A-Za-z0-9_.,:=/+-]{1,256}$")


def kernel_words(old: HostPlan, new: HostPlan) -> list[str]:
    """The words of new's kernel arguments that are not old's, in new's order (an argument
    may be several words: the hugepage sizes and counts, kept in the kernel's order)."""
    had = set(old.kernel_arguments)
    added = [arg for arg in new.kernel_arguments if arg not in had]
    words = list(dict.fromkeys(word for arg in added for word in arg.split(" ") if word))
    for word in words:
        if not _KARG_WORD.match(word):
            raise ValueError(f"a kernel argument apply cannot send: {word!r}")
    return words


def deferred(old: HostPlan, new: HostPlan, forward: list[str]) -> list[str]:
    """The units of both whose text changed and that the reconcile forward does not
    restart (OVS's without a new image, templates, the DPDK binding, the shared body of the
    containers' units): the change takes effect at their next restart."""
    units_a = {u.name: u for u in old.units}
    later = [
        u.name
        for u in new.units
        if u.name in units_a and units_a[u.name] != u and f"restart {u.name}" not in forward
    ]
    bodies = (names.CONTAINER_BODY, names.UNATTACHED_CONTAINER_BODY)
    body_a = {f.path: f.contents for f in old.files if f.path in bodies}
    body_b = {f.path: f.contents for f in new.files if f.path in bodies}
    if body_a != body_b and body_a and body_b:
        later.append("every container's unit (their shared body)")
    return [name for name in later if not name.startswith("ovs-attach@")]


def _enabled(old: dict[str, HostUnit], new: dict[str, HostUnit]) -> Iterator[str]:
    for name, unit in new.items():
        was = old.get(name)
        if unit.enabled and (was is None or not was.enabled) and "@." not in name:
            yield f"enable {name}"


def _ports_gone(old: HostPlan, new: HostPlan) -> Iterator[str]:
    """del-br of each bridge that left; del-port of each port a bridge of both has and new
    does not."""
    before, after = _data(old, _BRIDGES), _data(new, _BRIDGES)
    for bridge in before:
        if bridge not in after:
            yield f"del-br {bridge}"
    for bridge, text in after.items():
        if bridge in before:
            kept = bridge_ports(text)
            for port in bridge_ports(before[bridge]):
                if port not in kept:
                    yield f"del-port {bridge} {port}"


def _ovs_and_bridges(
    old: HostPlan, new: HostPlan, units_a: dict[str, HostUnit], units_b: dict[str, HostUnit]
) -> list[str]:
    """Restarts of OVS's units (their image or schema changed), then a run of the bridges'
    transactions again (any bridge or host data changed)."""
    host_a = next((f.contents for f in old.files if f.path == names.HOST_DATA), "")
    host_b = next((f.contents for f in new.files if f.path == names.HOST_DATA), "")
    found = []
    ovs_keys = set(changed_keys(host_a, host_b)) & set(_OVS_KEYS)
    for unit in _OVS_UNITS:  # (a change of their text alone waits for their next restart)
        if unit in units_b and unit in units_a and ovs_keys:
            found.append(f"restart {unit}")
    data_a = {f.path: f.contents for f in old.files if f.path.startswith(names.CONFIG_DIR)}
    data_b = {f.path: f.contents for f in new.files if f.path.startswith(names.CONFIG_DIR)}
    data_changed = any(
        data_a.get(path) != data_b.get(path)
        for path in {*data_a, *data_b}
        if not path.startswith(_CONTAINERS)
    )
    if data_changed or found:
        # The main instance's transactions run by the host script itself: a restart of
        # their unit would restart each uplink's too (Requires=), and move the NIC again.
        found += ["bridges"] if names.BRIDGES_UNIT in units_b else []
        switches = [n for n in units_b if n.startswith("ovs-ignite-bridges@") and "@." not in n]
        found += [f"restart {n}" for n in switches if units_b[n].enabled]
    return found


def _uplinks(old: HostPlan, new: HostPlan, units: dict[str, HostUnit]) -> Iterator[str]:
    """A restart of the uplink unit of each bridge whose uplink, address, routes or DNS
    changed (it hands the NIC back, then moves it with the new data)."""
    before, after = _data(old, _BRIDGES), _data(new, _BRIDGES)
    for bridge, text in after.items():
        unit = names.uplink_unit(bridge)
        if (
            bridge in before
            and unit in units
            and set(changed_keys(before[bridge], text)) & _UPLINK_KEYS
        ):
            yield f"restart {unit}"


def _containers(old: HostPlan, new: HostPlan, changed_units: set[str]) -> Iterator[str]:
    """Start each container that came; restart each whose unit, body link or run settings
    changed; restart only the attach of one whose interfaces alone changed."""
    before, after = _data(old, _CONTAINERS), _data(new, _CONTAINERS)
    links_a = {link.path: link.target for link in old.links}
    links_b = {link.path: link.target for link in new.links}
    for name, text in after.items():
        unit = names.container_unit(name)
        if name not in before:
            yield f"start {unit}"
            continue
        keys = set(changed_keys(before[name], text))
        body = names.container_dropin(name)
        if unit in changed_units or links_a.get(body) != links_b.get(body) or keys - ATTACH_KEYS:
            yield f"restart {unit}"
        elif keys:
            yield f"restart {names.attach_unit(name)}"


def _is_container_unit(name: str, plan: HostPlan) -> bool:
    return name.removesuffix(".service") in _data(plan, _CONTAINERS) or name.startswith(
        "ovs-attach@"
    )


def _restartable(name: str, unit: HostUnit, plan: HostPlan) -> bool:
    """Whether apply restarts unit name of plan when its text changes: one that runs
    (enabled), no template, not the DPDK binding, and none restarted for other reasons
    (OVS's, the bridges', a container's or its attach's)."""
    others = name in _OVS_UNITS or name.startswith("ovs-ignite-bridges")
    mine = others or _is_container_unit(name, plan)
    return bool(unit.enabled) and "@." not in name and name not in _LEFT_ALONE and not mine


_SAFE_NAME = re.compile(r"^[A-Za-z0-9@_.:-]+$")


def check_actions(lines: list[str]) -> None:
    """Raises ValueError for an action whose words the host side would refuse."""
    for line in lines:
        words = line.split(" ")
        if not all(_SAFE_NAME.match(word) for word in words[1:]):
            raise ValueError(f"an action with a name apply cannot send: {line!r}")


def bundle(
    old: HostPlan, new: HostPlan, forward: list[str], backward: list[str], script: str
) -> bytes:
    """The gzipped tar apply sends: the manifest (old to new, by raw bytes), files/I, the
    forward and backward reconciles (actions of the comparable plans, both ways) and the
    host script's path."""
    lines, payloads = manifest(old, new)
    check_actions(forward + backward)
    kargs = kernel_words(old, new)
    members = {
        "manifest": _text(lines),
        "forward": _text(forward),
        "backward": _text(backward),
        "script": script.encode(),
        **({"kargs": _text(kargs)} if kargs else {}),
        **{f"files/{i}": data for i, data in enumerate(payloads)},
    }
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz", format=tarfile.PAX_FORMAT) as tar:
        folder = tarfile.TarInfo("files")
        folder.type, folder.mode = tarfile.DIRTYPE, 0o700
        tar.addfile(folder)
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o600
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def _text(lines: list[str]) -> bytes:
    return "".join(f"{line}\n" for line in lines).encode()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
