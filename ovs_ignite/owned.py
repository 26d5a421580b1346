"""What ovs-ignite owns on a host, and the one rule every addition of yours is held to.

A spec's ``files:`` and ``units:``, an inventory host's overlay of them, and a ``--merge``
EXTRA (Ignition or Butane) may add files, directories, links, units and drop-ins, but none
of them may replace, mask, disable, drop into or shadow what ovs-ignite writes or what its
units depend on. Paths are compared as Ignition resolves them on the host: clean absolute
paths only, every parent followed through the OS's own links (FCOS's ``/usr/local`` is
``/var/usrlocal``), a file or link where a directory must be is refused, and so are two
entries that land on one path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from functools import lru_cache

from . import names
from .records import Spec

# The links each OS's root has (relative targets are resolved from the link's folder).
OS_LINKS = {
    "fcos": {
        "/bin": "/usr/bin",
        "/sbin": "/usr/sbin",
        "/lib": "/usr/lib",
        "/lib64": "/usr/lib64",
        "/home": "/var/home",
        "/root": "/var/roothome",
        "/opt": "/var/opt",
        "/srv": "/var/srv",
        "/mnt": "/var/mnt",
        "/media": "/run/media",
        "/usr/local": "/var/usrlocal",
        "/ostree": "/sysroot/ostree",
    },
    "flatcar": {
        "/bin": "/usr/bin",
        "/sbin": "/usr/sbin",
        "/lib": "/usr/lib",
        "/lib64": "/usr/lib64",
    },
}
# Folders every host has: no file or link can take their place.
OS_FOLDERS = frozenset(
    [
        "/",
        "/boot",
        "/etc",
        "/etc/modules-load.d",
        "/etc/ssh",
        "/etc/systemd",
        "/etc/systemd/network",
        "/etc/systemd/system",
        "/etc/systemd/system-preset",
        "/etc/tmpfiles.d",
        "/opt",
        "/opt/bin",
        "/sysroot",
        "/tmp",
        "/usr",
        "/var",
        "/var/home",
        "/var/lib",
        "/var/log",
        "/var/opt",
        "/var/usrlocal",
        "/var/usrlocal/bin",
    ]
)
# Where Ignition cannot write: the read-only OS, and the kernel's and runtime's own trees.
NOT_WRITABLE = {
    "/usr": "is the read-only OS image",
    "/proc": "is not on a disk Ignition writes to",
    "/sys": "is not on a disk Ignition writes to",
    "/dev": "is not on a disk Ignition writes to",
    "/run": "is not on a disk Ignition writes to",
    "/sysroot": "is the OS's deployment, not its root",
    "/boot": "is the boot partition, which the OS updates",
}
# The preset file Ignition writes its enabled: units to: an earlier one of yours could
# disable ovs-ignite's units (the first match of a unit wins).
IGNITION_PRESET = "20-ignition.preset"
PRESET_DIR = "/etc/systemd/system-preset"


def path_problem(path: object) -> str | None:
    """What makes path one Ignition refuses (not absolute, or not clean), or None."""
    if not isinstance(path, str) or not path:
        return "a path is needed"
    if not path.startswith("/"):
        return f"{path!r} is not an absolute path"
    if posixpath.normpath(path) != path or path.startswith("//"):
        return f"{path!r} is not a clean path (no '.', '..', '//' or trailing '/')"
    if any(len(part.encode()) > 255 for part in path.split("/")):
        return f"{path[:60]!r}... has a part of more than 255 bytes"
    return None


@lru_cache(maxsize=4096)  # (a fleet's hosts share their paths)
def resolve(path: str, os_: str) -> str:
    """Where a clean absolute path lands on a host of os_: each parent followed through the
    OS's own links (the last part is not followed, as Ignition does)."""
    links = OS_LINKS[os_]
    parts = path.split("/")[1:]
    for _ in range(len(links) + 1):  # (no chain of the OS's links is longer)
        linked = next(
            (i for i in range(len(parts) - 1) if "/" + "/".join(parts[: i + 1]) in links), None
        )
        if linked is None:
            break
        target = links["/" + "/".join(parts[: linked + 1])]
        parts = target.split("/")[1:] + parts[linked + 1 :]
    return "/" + "/".join(parts)


@lru_cache(maxsize=4096)
def _parents(path: str) -> tuple[str, ...]:
    out = []
    while path != "/":
        path = posixpath.dirname(path)
        out.append(path)
    return tuple(out)


def dropin_dirs(unit: str) -> set[str]:
    """The names of the drop-in folders (without ``.d``) that systemd reads for unit: its
    own, its template's, each prefix up to a dash, and its type's (``service``)."""
    stem, _, kind = unit.rpartition(".")
    out = {unit, kind}
    if "@" in stem:
        out.add(f"{stem.split('@', 1)[0]}@.{kind}")
    for i, char in enumerate(stem):
        if char == "-":
            out.add(f"{stem[: i + 1]}.{kind}")
    return out


class Owned:
    """What ovs-ignite writes and depends on, on a host of one spec."""

    def __init__(self, os: str) -> None:
        self.os = os
        # Path -> what it is, resolved as on the host.
        self.files: dict[str, str] = {}  # -> the path as ovs-ignite writes it
        self.folders: dict[str, str] = {}  # wholly ovs-ignite's
        self.parents: set[str] = set()  # folders its files need
        self.units: dict[str, str] = {}  # ovs-ignite's own units
        self.templates: set[str] = set()  # ... and every instance of these
        self.needed: dict[str, str] = {}  # units they depend on
        self.dropins: dict[str, str] = {}  # unit -> its drop-in of ovs-ignite

    def add_file(self, path: str) -> None:
        real = resolve(path, self.os)
        self.files[real] = path
        self.parents.update(_parents(real))

    def is_own_unit(self, unit: str) -> bool:
        stem, _, kind = unit.rpartition(".")
        template = f"{stem.split('@', 1)[0]}@.{kind}" if "@" in stem else None
        return unit in self.units or template in self.templates

    def unit_problems(
        self, unit: str, *, contents: bool, mask: bool, disable: bool, dropins: Iterable[str]
    ) -> list[tuple[str, str]]:
        """(where, what) for each way a unit entry of yours would change ovs-ignite's units:
        where is "" (the entry), "contents", "mask", "enabled" or "dropins" (a name)."""
        if self.is_own_unit(unit):
            what = self.units.get(unit, OWN_UNIT)
            return [("", f"{unit} is {what}: it may not be changed")]
        out = []
        needed = self.needed.get(unit)
        if needed is not None:
            what = f"{unit} is a unit ovs-ignite {needed}"
            if contents:
                out.append(("contents", f"{what}: give drop-ins, not its contents"))
            if mask:
                out.append(("mask", f"{what}: it may not be masked"))
            if disable:
                out.append(("enabled", f"{what}: it may not be disabled"))
        if unit in self.dropins and mask:
            out.append(("mask", f"{unit} runs a container ovs-ignite attaches: not masked"))
        touched = None if unit in self.needed else self.touched_by_dropins(unit)
        own = self.dropins.get(unit)
        for name in dropins:
            if touched:
                out.append((name, f"a drop-in of {unit} {touched}"))
            elif name == own:
                out.append((name, f"{name} is ovs-ignite's drop-in on {unit}"))
        return out

    def touched_by_dropins(self, unit: str) -> str | None:
        """Why drop-ins of unit (a unit, a template, a prefix such as ``ovs-.service`` or a
        type such as ``service``) would change one of ovs-ignite's units, or None."""
        if self.is_own_unit(unit):
            return f"would change {unit}, a unit of ovs-ignite's"
        for own in sorted(self.units):
            if unit in dropin_dirs(own):
                return f"would change {own}, a unit of ovs-ignite's"
        for template in sorted(self.templates):
            if unit in dropin_dirs(template):
                return f"would change every {template} instance, a unit of ovs-ignite's"
        return None

    def node_problem(self, path: str, kind: str) -> str | None:
        """Why a file, directory or link (kind) of yours at path would change what
        ovs-ignite writes, or could not be written; None when it may be."""
        problem = path_problem(path)
        if problem:
            return problem
        real = resolve(path, self.os)
        shown = path if real == path else f"{path} (on the host {real})"
        for root, why in NOT_WRITABLE.items():
            if real == root or real.startswith(root + "/"):
                return f"{shown} is under {root}, which {why}"
        if real in self.files:
            ours = self.files[real]
            same = "" if ours == path else f" (it is {ours} on the host)"
            return f"{path} is a file ovs-ignite writes{same}"
        for folder, why in self.folders.items():
            if real == folder:
                return f"{shown} is the folder {folder}, which {why}"
            if real.startswith(folder + "/"):
                return f"{shown} is under {folder}, which {why}"
        if kind != "directory" and (real in self.parents or real in OS_FOLDERS):
            return f"{shown} is a folder on the host, where a {kind} cannot be"
        return self._unit_path_problem(real, shown) or self._preset_problem(real, shown)

    def _unit_path_problem(self, real: str, shown: str) -> str | None:
        if not real.startswith(names.UNITS_DIR + "/"):
            return None
        first = real[len(names.UNITS_DIR) + 1 :].split("/", 1)[0]
        if first.endswith(".d"):
            why = self.touched_by_dropins(first.removesuffix(".d"))
            return f"{shown}: a drop-in that {why}" if why else None
        for suffix in (".wants", ".requires", ".upholds"):
            if first.endswith(suffix):
                return None
        if self.is_own_unit(first):
            return f"{shown} is {first}, a unit of ovs-ignite's"
        if first in self.needed:
            return f"{shown} would replace or mask {first}, a unit ovs-ignite {self.needed[first]}"
        return None

    def _preset_problem(self, real: str, shown: str) -> str | None:
        if posixpath.dirname(real) == PRESET_DIR and posixpath.basename(real) <= IGNITION_PRESET:
            return (
                f"{shown} is read before Ignition's {IGNITION_PRESET} and could disable "
                "ovs-ignite's units: name it after it, or use enabled: in units:"
            )
        return None


class Nodes:
    """The files, directories and links of yours seen so far, as the host resolves them:
    two on one path, or one under a file or a link, is a problem."""

    def __init__(self, os_: str) -> None:
        self.os = os_
        self.seen: dict[str, tuple[str, str]] = {}  # real path -> (kind, as written)

    def add(self, path: str, kind: str) -> str | None:
        real = resolve(path, self.os)
        if real in self.seen:
            other_kind, other = self.seen[real]
            return f"{path} is already written by a {other_kind} at {other}"
        for parent in _parents(real):
            if parent in self.seen and self.seen[parent][0] != "directory":
                other_kind, other = self.seen[parent]
                return f"{path} is under {other}, which is a {other_kind}, not a folder"
        if kind != "directory":
            below = next((p for p in self.seen if p.startswith(real + "/")), None)
            if below is not None:
                return f"{path} would be a {kind} above {self.seen[below][1]}"
        self.seen[real] = (kind, path)
        return None


def owned(spec: Spec) -> Owned:
    """What ovs-ignite writes and depends on for spec (the plan's own files, links, units
    and drop-ins; tests/test_owned.py holds the two equal)."""
    os_ = spec.target.os
    own = Owned(os_)
    own.folders[resolve(names.CONFIG_DIR, os_)] = "holds ovs-ignite's host data"
    own.folders[names.SHARED_UNITS_DIR] = "holds ovs-ignite's unit bodies"
    folder = names.BIN_DIR[os_]
    for path in (
        names.MODULES_FILE,
        names.TMPFILES_FILE,
        *(f"{folder}/{name}" for name in names.HOST_SIDE_NAMES),
        names.HOST_DATA,
        names.NETWORKD_FILE,
        names.NETWORKMANAGER_FILE,
        *names.SCOPE_DROPIN.values(),
    ):
        own.add_file(path)
    if spec.host and spec.host.hostname:
        own.add_file(names.HOSTNAME_FILE)
    _own_units(spec, own)
    return own


OWN_UNIT = "a unit of ovs-ignite's"


def _container_units(spec: Spec, own: Owned) -> None:
    for container in spec.containers:
        if container.image is not None:
            own.units.setdefault(
                container.unit_name, f"the unit ovs-ignite writes for container {container.name}"
            )
        elif container.interfaces:
            own.dropins[container.unit_name] = names.WANTS_ATTACH_DROPIN


def _own_units(spec: Spec, own: Owned) -> None:
    for unit in (
        names.OVSDB_UNIT,
        names.VSWITCHD_UNIT,
        names.BRIDGES_UNIT,
        names.DETACH_TARGET,
        names.DPDK_BIND_UNIT,
    ):
        own.units[unit] = OWN_UNIT
    own.templates.update(
        {
            names.ATTACH_TEMPLATE,
            names.NETNS_TEMPLATE,
            names.INSTANCE_BRIDGES_TEMPLATE,
            names.UPLINK_TEMPLATE,
            names.DHCP_TEMPLATE,
            names.CONTAINER_DHCP_TEMPLATE,
        }
    )
    for switch in spec.switches:
        own.units[f"{names.ovsdb_name(switch.name)}.service"] = OWN_UNIT
        own.units[f"{names.vswitchd_name(switch.name)}.service"] = OWN_UNIT
    _container_units(spec, own)
    if spec.runtime == "docker":
        for unit in ("docker.service", "docker.socket", "containerd.service"):
            own.needed[unit] = "runs its containers with"
    if spec.ovs.auto_update:
        for unit in (names.AUTO_UPDATE_TIMER, "podman-auto-update.service"):
            own.needed[unit] = "updates its images with"
    for unit in ("systemd-modules-load.service", "systemd-tmpfiles-setup.service"):
        own.needed[unit] = "starts after"
