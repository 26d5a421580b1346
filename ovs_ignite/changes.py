"""What a change of spec changes on a host, grouped by how it can be applied (``ovs-ignite
plan OLD NEW``): the two specs' host plans (every file, unit, link, user and kernel
argument render would write) compared item by item, each difference sorted into one of:

- live: new data, scripts or settings the running host takes without a restart (bridges'
  transactions, a container's interfaces, which an attach sets again, host files);
- restart: what takes effect when the containers or units named restart (an image, a
  container's command, environment or volumes, a unit's text);
- reboot: what the kernel reads at boot (kernel arguments, modules, the DPDK binding);
- reprovision: what only Ignition sets, at the first boot (the OS, users' creation).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Literal, NamedTuple, TypeVar

from . import names
from .artifacts import HostPlan, HostUnit

How = Literal["live", "restart", "reboot", "reprovision"]
HOWS: tuple[How, ...] = ("live", "restart", "reboot", "reprovision")
# What each kind of change needs, as the report says it.
HOW_SAID: dict[How, str] = {
    "live": "live (no restart)",
    "restart": "with a restart of what is named",
    "reboot": "needs a reboot",
    "reprovision": "needs reprovisioning (Ignition sets it at the first boot only)",
}
# Keys of a container's data file that its attach reads (set again by a re-attach); the
# others are what its unit runs.
ATTACH_KEYS = frozenset({"interface", "route", "interface_setting"})
# Keys of host.conf that the bridges run reads; ovs_image and ovs_schema need OVS's
# containers to restart; dpdk_device is bound at boot; runtime is the OS's.
_HOST_KEYS: dict[str, How] = {
    "bridge": "live",
    "open_vswitch": "live",
    "ovsdb": "live",
    "ovs_image": "restart",
    "ovs_schema": "restart",
    "dpdk_device": "reboot",
    "runtime": "reprovision",
}


_Item = TypeVar("_Item")
_BRIDGES = names.BRIDGES_DATA_DIR
_CONTAINERS = names.CONTAINERS_DATA_DIR


class Change(NamedTuple):
    how: How
    what: str  # the thing changed: "bridge br0", "container web", "kernel arguments", ...
    detail: str  # what of it: "added", "removed", "ports +eth2 -eth1", ...


def _differing(
    old: Mapping[str, _Item], new: Mapping[str, _Item]
) -> Iterator[tuple[str, _Item | None, _Item | None]]:
    """Each key of old or new (in that order) whose items differ, with both (None: none)."""
    for key in dict.fromkeys([*old, *new]):
        before, after = old.get(key), new.get(key)
        if before != after:
            yield key, before, after


def _added_removed(old: Iterable[str], new: Iterable[str]) -> str:
    """ "+a +b -c": what new has and old has not, then the other way."""
    before, after = list(dict.fromkeys(old)), list(dict.fromkeys(new))
    plus = [f"+{item}" for item in after if item not in before]
    minus = [f"-{item}" for item in before if item not in after]
    return " ".join(plus + minus)


def _keyed(text: str) -> dict[str, list[str]]:
    """A data file's values by key, in order (blank and comment lines skipped)."""
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.startswith("#"):
            found.setdefault(key, []).append(value)
    return found


def bridge_ports(text: str) -> list[str]:
    """The ports a bridge's data file adds, in order."""
    words = [line.split(" ") for line in _keyed(text).get("vsctl", [])]
    return [w[3] for w in words if w[:2] == ["--may-exist", "add-port"] and len(w) > 3]


def changed_keys(old: str, new: str) -> list[str]:
    """The keys whose values differ between two data files."""
    a, b = _keyed(old), _keyed(new)
    return [key for key in dict.fromkeys([*a, *b]) if a.get(key) != b.get(key)]


def _bridge_change(bridge: str, old: str | None, new: str | None) -> Change:
    """A bridge's data: added, removed, or changed (ports added and removed, settings)."""
    what = f"bridge {bridge}"
    if old is None or new is None:
        whole = "added" if old is None else "removed (apply deletes it and its ports)"
        return Change("live", what, whole)

    moved = _added_removed(bridge_ports(old), bridge_ports(new))
    settings = [key for key in changed_keys(old, new) if key != "vsctl"]
    said = [f"ports {moved}"] if moved else []
    if settings or (not moved and old != new):
        said.append("settings " + ", ".join(settings or ["vsctl"]))
    return Change("live", what, "; ".join(said))


def _container_changes(name: str, old: str | None, new: str | None) -> Iterator[Change]:
    """A container's data: its unit's part (a restart) and its attach's (live)."""
    what = f"container {name}"
    if old is None or new is None:
        yield Change("live", what, "added (started)" if old is None else "removed (stopped)")
        return
    keys = changed_keys(old, new)
    ran = [key for key in keys if key not in ATTACH_KEYS]
    attached = [key for key in keys if key in ATTACH_KEYS]
    if ran:
        yield Change("restart", what, "its " + ", ".join(ran))
    if attached:
        yield Change("live", what, "its interfaces (attached again)")


def _host_changes(old: str, new: str) -> Iterator[Change]:
    a, b = _keyed(old), _keyed(new)
    for key in changed_keys(old, new):
        how = _HOST_KEYS.get(key, "live")
        what = "OVS (ovsdb-server, ovs-vswitchd)" if how == "restart" else f"host {key}"
        yield Change(how, what, _added_removed(a.get(key, []), b.get(key, [])) or "order")


def _file_changes(path: str, old: str | None, new: str | None) -> Iterator[Change]:
    """One file that differs (None: not there)."""
    if path.startswith(_BRIDGES):
        yield _bridge_change(path.removeprefix(_BRIDGES).removesuffix(".conf"), old, new)
    elif path.startswith(_CONTAINERS):
        name = path.removeprefix(_CONTAINERS).removesuffix(".conf")
        yield from _container_changes(name, old, new)
    elif path == names.HOST_DATA:
        yield from _host_changes(old or "", new or "")
    elif path == names.MODULES_FILE:
        yield Change("reboot", "kernel modules", path)
    elif path in (names.CONTAINER_BODY, names.UNATTACHED_CONTAINER_BODY):
        yield Change("restart", "every container ovs-ignite runs", f"their unit body {path}")
    else:
        said = "added" if old is None else "removed" if new is None else "changed"
        yield Change("live", f"file {path}", said)


def _unit_how(name: str, containers: set[str]) -> tuple[How, str]:
    """How a change of unit name takes effect, and what to call it."""
    if name == names.DPDK_BIND_UNIT:
        return "reboot", f"unit {name} (binds the DPDK NICs at boot)"
    if name.removesuffix(".service") in containers:
        return "restart", f"container {name.removesuffix('.service')}"
    if name.startswith((names.OVSDB, names.VSWITCHD)):
        return "restart", f"OVS unit {name}"
    return "restart", f"unit {name}"


def _unit_changes(
    old: dict[str, HostUnit], new: dict[str, HostUnit], containers: set[str]
) -> Iterator[Change]:
    for name, before, after in _differing(old, new):
        how, what = _unit_how(name, containers)
        if before is None or after is None:
            yield Change("live", what, "added (started)" if before is None else "removed")
            continue
        differs = []
        if before.contents != after.contents:
            differs.append("its text")
        if before.enabled != after.enabled:
            differs.append("enabled" if after.enabled else "no longer enabled")
        moved = _added_removed(_dropins(before), _dropins(after))
        if moved:
            differs.append(f"drop-ins {moved}")
        elif before.dropins != after.dropins:
            differs.append("a drop-in's text")
        yield Change(how, what, ", ".join(differs))


def _dropins(unit: HostUnit) -> list[str]:
    return [dropin.name for dropin in unit.dropins]


def plan_changes(old: HostPlan, new: HostPlan, containers: Iterable[str] = ()) -> list[Change]:
    """Every difference between the host plans old and new, as changes in the order of
    HOWS (containers: the names of containers of either spec, whose units are named so)."""
    found: list[Change] = []
    if (old.os, old.ignition_version) != (new.os, new.ignition_version):
        said = f"{old.os} {old.ignition_version} -> {new.os} {new.ignition_version}"
        found.append(Change("reprovision", "the OS and Ignition version", said))
    files_a = {f.path: f for f in old.files}
    files_b = {f.path: f for f in new.files}
    for path, a, b in _differing(files_a, files_b):
        found += _file_changes(path, a and a.contents, b and b.contents)
    found += _link_changes(old, new, set(containers))
    units_a = {unit.name: unit for unit in old.units}
    units_b = {unit.name: unit for unit in new.units}
    found += _unit_changes(units_a, units_b, set(containers))
    found += _user_changes(old, new)
    if old.kernel_arguments != new.kernel_arguments:
        moved = _added_removed(old.kernel_arguments, new.kernel_arguments) or "order"
        found.append(Change("reboot", "kernel arguments", moved))
    return sorted(dict.fromkeys(found), key=lambda change: HOWS.index(change.how))


def _link_changes(old: HostPlan, new: HostPlan, containers: set[str]) -> Iterator[Change]:
    """The links that differ: a container's unit body (with or without an attach)."""
    links_a = {link.path: link.target for link in old.links}
    links_b = {link.path: link.target for link in new.links}
    bodies = {names.container_dropin(name): name for name in containers}
    for path, a, b in _differing(links_a, links_b):
        if path in bodies and (a is None or b is None):
            said = "added (started)" if a is None else "removed (stopped)"
            yield Change("live", f"container {bodies[path]}", said)
        elif path in bodies:
            yield Change("restart", f"container {bodies[path]}", f"its unit body: {b}")
        else:
            yield Change("live", f"link {path}", f"-> {b}" if b else "removed")


def _user_changes(old: HostPlan, new: HostPlan) -> Iterator[Change]:
    users_a = {user.name: user for user in old.users}
    users_b = {user.name: user for user in new.users}
    for name, a, b in _differing(users_a, users_b):
        if a is None or b is None:
            said = "added" if a is None else "removed (Ignition never removes a user)"
            yield Change("reprovision", f"user {name}", said)
        else:  # (a user's one other field)
            moved = len(set(b.ssh_authorized_keys) - set(a.ssh_authorized_keys))
            gone = len(set(a.ssh_authorized_keys) - set(b.ssh_authorized_keys))
            yield Change("live", f"user {name}", f"SSH keys: {moved} added, {gone} removed")


def report(changed: dict[str, list[Change]], unreachable: Mapping[str, str] | None = None) -> str:
    """The changes of each host as YAML: host -> how -> ["what: detail", ...], every string
    JSON-quoted (ASCII: a name from a spec or what a host said cannot break a line); a
    host that could not be read: host -> unreachable: why."""
    lines = []
    for host, why in (unreachable or {}).items():
        lines += [f"{json.dumps(host)}:", f"  unreachable: {json.dumps(why)}"]
    for host, changes in changed.items():
        lines.append(f"{json.dumps(host)}:" + ("" if changes else " {}  # no change"))
        for how in HOWS:
            mine = [change for change in changes if change.how == how]
            if mine:
                lines.append(f"  {how}:  # {HOW_SAID[how]}")
                lines += [f"    - {json.dumps(f'{c.what}: {c.detail}')}" for c in mine]
    return "".join(f"{line}\n" for line in lines)
