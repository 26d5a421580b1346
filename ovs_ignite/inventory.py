"""An inventory: one shared spec rendered for many hosts, each with its own values.

HOSTS (SPEC.md, "Fleets and provisioning pipelines")::

    version: 1
    spec: site.yaml              # relative to HOSTS
    hosts:
      - name: edge-01            # a DNS label, unique; the output file's stem
        mac: "52:54:00:12:34:01" # optional (matchbox's selector)
        set:                     # optional overlay on the spec
          host: {hostname: edge-01}
          bridges: [{name: br-ex, address: 10.0.0.1/24}]

A host's spec is the shared spec with its ``set`` merged in: mappings merge key by key, lists
of named items (bridges, ports, containers, interfaces, users, switches, units and their
drop-ins) merge item by item by name, files by path (an interface without a name is eth1,
eth2, ... by its place, as the spec reads it), and any
other value of the overlay replaces the spec's. An overlay adds items and values; it removes
none. The merged document is checked like a spec, and each problem is reported in the file
its value came from: a value of an overlay at its line in HOSTS, with its key path there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import SpecError, SpecProblem
from .names import default_interface_name
from .records import Spec
from .spec import (
    check_document,
    format_path,
    load_document,
    read_spec_text,
    validate_located,
    yaml_problems,
)
from .values import mac_address
from .yamlsource import KeyPath, Located

NAMED_LISTS = frozenset(
    {
        "bridges",
        "ports",
        "containers",
        "interfaces",
        "users",
        "switches",
        "units",
        "dropins",
        "files",
    }
)
_DNS_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
_HOST_KEYS = ("name", "mac", "set")
_TOP_KEYS = ("version", "spec", "hosts")


@dataclass(frozen=True)
class Host:
    """One host of an inventory: its name, its MAC (if given) and its checked spec."""

    name: str
    mac: str | None
    spec: Spec


@dataclass(frozen=True)
class _Entry:
    index: int
    name: str
    mac: str | None
    overlay: dict[str, Any]


def _load(text: str, name: str) -> Located:
    """text loaded with positions; raises SpecError with anything the loader refused."""
    located = load_document(text, name)
    if located.problems:
        raise SpecError(yaml_problems(located.problems, name))
    return located


class _Checker:
    """The checks of HOSTS itself (not of what its overlays make)."""

    def __init__(self, located: Located, name: str) -> None:
        self.located = located
        self.name = name
        self.problems: list[SpecProblem] = []

    def problem(self, path: KeyPath, message: str, key: bool = False) -> None:
        line, col = self.located.key_at(path) if key else self.located.value_at(path)
        self.problems.append(SpecProblem(self.name, line, col, format_path(path), message))

    def unknown_keys(self, data: dict[str, Any], path: KeyPath, known: tuple[str, ...]) -> None:
        for key in data:
            if key not in known:
                expected = ", ".join(known)
                self.problem(
                    (*path, key), f"unknown key {key!r} (expected one of: {expected})", True
                )

    def top(self) -> tuple[str | None, list[Any]]:
        data = self.located.data
        if not isinstance(data, dict):
            self.problem((), "expected a mapping with version: 1, spec and hosts")
            return None, []
        self.unknown_keys(data, (), _TOP_KEYS)
        if data.get("version") != 1:
            self.problem(
                ("version",),
                f"{data.get('version')!r} is not an inventory version; write version: 1",
            )
        spec = data.get("spec")
        if not isinstance(spec, str) or not spec:
            self.problem(("spec",), "give the shared spec's file, relative to this one")
            spec = None
        hosts = data.get("hosts")
        if not isinstance(hosts, list) or not hosts:
            self.problem(("hosts",), "give a list of at least one host")
            return spec, []
        return spec, hosts

    def entries(self, hosts: list[Any]) -> list[_Entry]:
        entries: list[_Entry] = []
        seen: dict[str, int] = {}
        macs: dict[str, int] = {}
        for i, host in enumerate(hosts):
            at: KeyPath = ("hosts", i)
            if not isinstance(host, dict):
                self.problem(at, "expected a mapping with name (and mac, set)")
                continue
            self.unknown_keys(host, at, _HOST_KEYS)
            name = host.get("name")
            if not isinstance(name, str) or not _DNS_LABEL.match(name):
                self.problem(
                    (*at, "name"),
                    f"{name!r} is not a host name: a DNS label (a-z, 0-9 and -, at most 63)",
                )
                continue
            if name in seen:
                self.problem((*at, "name"), f"{name!r} is taken by hosts[{seen[name]}]")
                continue
            seen[name] = i
            mac, problem = _mac(host.get("mac"), macs, i)
            if problem:
                self.problem((*at, "mac"), problem)
                continue
            overlay = host.get("set", {})
            if not isinstance(overlay, dict):
                self.problem((*at, "set"), "expected a mapping: the values that differ")
                continue
            nulls = list(_nulls(overlay, (*at, "set")))
            for path in nulls:
                self.problem(path, "null removes nothing here: an overlay only sets values")
            if nulls:
                continue
            entries.append(_Entry(i, name, mac, overlay))
        return entries


def _mac(given: Any, macs: dict[str, int], index: int) -> tuple[str | None, str | None]:
    """(the host's MAC, or None when none is given; what is wrong with it, or None): not a
    MAC, or the MAC of an earlier host (matchbox would get two groups with one selector).
    macs maps the MACs taken so far to their hosts' indexes."""
    if given is None:
        return None, None
    try:
        mac = mac_address(given) if isinstance(given, str) else mac_address(str(given))
    except ValueError as exc:
        return None, str(exc)
    if mac.lower() in macs:
        return None, f"{mac} is taken by hosts[{macs[mac.lower()]}]"
    macs[mac.lower()] = index
    return mac, None


def _nulls(value: Any, path: KeyPath) -> Iterator[KeyPath]:
    """The paths of the nulls in an overlay (which would drop the spec's values)."""
    if value is None:
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _nulls(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nulls(item, (*path, index))


class _Merger:
    """Builds one host's document from the spec and the host's overlay, keeping where
    every value came from."""

    def __init__(self, base: Located, base_name: str, hosts: Located, hosts_name: str) -> None:
        self.sources = {base_name: base, hosts_name: hosts}
        self.base_name = base_name
        self.hosts_name = hosts_name
        self.out = Located(None)

    def _record(self, path: KeyPath, file: str, origin: KeyPath) -> None:
        source = self.sources[file]
        self.out.files[path] = file
        self.out.origins[path] = origin
        if origin in source.values:
            self.out.values[path] = source.values[origin]
        if origin in source.keys:
            self.out.keys[path] = source.keys[origin]

    def copy(self, value: Any, file: str, origin: KeyPath, path: KeyPath) -> Any:
        self._record(path, file, origin)
        if isinstance(value, dict):
            return {k: self.copy(v, file, (*origin, k), (*path, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [self.copy(v, file, (*origin, i), (*path, i)) for i, v in enumerate(value)]
        return value

    def merge(self, base: Any, over: Any, at: KeyPath, oat: KeyPath, path: KeyPath) -> Any:
        """base (at at in the spec) with over (at oat in HOSTS) merged in, at path."""
        if isinstance(base, dict) and isinstance(over, dict):
            self._record(path, self.base_name, at)
            merged = {}
            for key, value in base.items():
                merged[key] = (
                    self.merge(value, over[key], (*at, key), (*oat, key), (*path, key))
                    if key in over
                    else self.copy(value, self.base_name, (*at, key), (*path, key))
                )
            for key, value in over.items():
                if key not in base:
                    merged[key] = self.copy(value, self.hosts_name, (*oat, key), (*path, key))
            return merged
        if isinstance(base, list) and isinstance(over, list) and path and path[-1] in NAMED_LISTS:
            return self._merge_named(base, over, at, oat, path)
        return self.copy(over, self.hosts_name, oat, path)

    def _merge_named(
        self, base: list[Any], over: list[Any], at: KeyPath, oat: KeyPath, path: KeyPath
    ) -> list[Any]:
        self._record(path, self.base_name, at)
        kind = str(path[-1])
        overs = {_item_key(item, i, kind): i for i, item in enumerate(over)}
        merged: list[Any] = []
        taken: set[str] = set()
        for i, item in enumerate(base):
            key = _item_key(item, i, kind)
            where = (*path, len(merged))
            if key is not None and key in overs:
                taken.add(key)
                o = overs[key]
                merged.append(self.merge(item, over[o], (*at, i), (*oat, o), where))
            else:
                merged.append(self.copy(item, self.base_name, (*at, i), where))
        for o, item in enumerate(over):
            key = _item_key(item, o, kind)
            if key is None or key not in taken:
                merged.append(self.copy(item, self.hosts_name, (*oat, o), (*path, len(merged))))
        return merged


def _item_key(item: Any, index: int, kind: str) -> str | None:
    """The name an item of a named list merges by (None: it merges with nothing)."""
    if not isinstance(item, dict):
        return None
    name = item.get("path" if kind == "files" else "name")
    if isinstance(name, str):
        return name
    if kind == "interfaces" and name is None:
        return default_interface_name(index)
    return None


def load_inventory(
    hosts_path: Path, spec_path: Path, spec_name: str, other_spec: bool = False
) -> list[Host]:
    """Every host of the inventory at hosts_path over the spec at spec_path (which the
    inventory's spec: must name, unless other_spec: an earlier version of it, say); raises
    SpecError with every problem of every host."""
    hosts_name = str(hosts_path)
    hosts_doc = _load(read_spec_text(hosts_path, hosts_name), hosts_name)
    checker = _Checker(hosts_doc, hosts_name)
    named_spec, raw_hosts = checker.top()
    entries = checker.entries(raw_hosts)
    if named_spec is not None and not other_spec:
        named = (hosts_path.parent / named_spec).resolve()
        if named != spec_path.resolve():
            checker.problem(
                ("spec",), f"names {named}, but the command line gives the spec {spec_path}"
            )
    if checker.problems:
        raise SpecError(checker.problems)
    base = _load(read_spec_text(spec_path, spec_name), spec_name)
    folder = Path(spec_path).parent  # where its local files are
    check_document(base, spec_name, folder)  # the shared spec is a valid spec on its own
    out: list[Host] = []
    problems: list[SpecProblem] = []
    for entry in entries:
        merger = _Merger(base, spec_name, hosts_doc, hosts_name)
        at: KeyPath = ("hosts", entry.index, "set")
        merger.out.data = merger.merge(base.data, entry.overlay, (), at, ())
        spec, found = validate_located(merger.out, spec_name, folder)
        problems += [_for_host(p, entry.name, hosts_name) for p in found]
        if spec is not None and not found:
            out.append(Host(entry.name, entry.mac, spec))
    if problems:
        raise SpecError(problems)
    return out


def _for_host(problem: SpecProblem, host: str, hosts_name: str) -> SpecProblem:
    """A problem of a host's merged spec, saying which host when it sits in the shared spec
    (a problem in HOSTS has the host's own key path already)."""
    if problem.file == hosts_name:
        return problem
    return SpecProblem(
        problem.file, problem.line, problem.column, problem.path, f"{problem.message} (host {host})"
    )
