"""Reading a spec file: YAML with positions -> validated ``Spec``, or every problem at once."""

from __future__ import annotations

import copy
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from .checks import check_contents, check_spec
from .errors import SpecError, SpecProblem
from .records import PORT_RECORDS, PORT_TYPES, VALUE_TAGS, Record, Spec, port_type
from .specschema import keys, record_at, validate
from .validator import SchemaInvalid
from .yamlsource import (
    KeyPath,
    Located,
    YamlError,
    YamlProblem,
    load_located,
    text_block_problem,
)

_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def format_path(path: KeyPath) -> str:
    """``("bridges", 0, "ports", 1, "vlan")`` -> ``bridges[0].ports[1].vlan``.

    A key that is not a plain word (a typo with a space, say) is shown JSON-quoted in
    brackets, ``["0 0"]``, so that a reader (or a tool) can tell where the path ends.
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            out += ("." if out else "") + part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out or "(document)"


def read_spec_text(path: str | Path, name: str) -> str:
    """The text of the spec file at path (called name in errors); raises SpecError."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SpecError([SpecProblem(name, 1, 1, "(file)", f"cannot read: {reason}")]) from None


def load_spec(path: str | Path, display: str | None = None) -> Spec:
    """Load and check the spec at path; raises SpecError listing every problem. The local
    files of its files: and units: are read from its folder."""
    name = display or str(path)
    return parse_spec(read_spec_text(path, name), name, Path(path).parent)


def yaml_problems(problems: list[YamlProblem], name: str) -> list[SpecProblem]:
    """The YAML loader's problems as problems of file name."""
    return [SpecProblem(name, p.line, p.column, format_path(p.path), p.message) for p in problems]


def load_document(text: str, name: str) -> Located:
    """text loaded with positions; raises SpecError when it cannot be read at all (values
    and keys the loader refuses are in its problems instead)."""
    try:
        return load_located(text, strict=False)
    except YamlError as exc:
        raise SpecError(yaml_problems(exc.problems, name)) from None


def parse_spec(text: str, name: str = "<spec>", base: Path | None = None) -> Spec:
    """Check spec text; raises SpecError listing every problem. Local files (files: and
    units:) are read from the folder base (default: the current one).

    A value or key the YAML loader refuses (a tag, a control character, a duplicate key) is
    reported, and the rest of the document is still checked: only the problems inside what
    was refused are left out, since they would only follow from it."""
    return check_document(load_document(text, name), name, base)


def check_document(located: Located, name: str, base: Path | None = None) -> Spec:
    """The spec of a loaded document (see parse_spec); raises SpecError."""
    refused = yaml_problems(located.problems, name)
    # What follows from a refusal: anything inside a refused value; only a missing key in
    # the mapping a refused key was left out of.
    values = [format_path(p.path) for p in located.problems if not p.key]
    keys = [format_path(p.path) for p in located.problems if p.key]
    if not isinstance(located.data, dict):
        found = "an empty document" if located.data is None else type(located.data).__name__
        message = f"expected a mapping with version: 1, got {found}"
        raise SpecError([*refused, SpecProblem(name, 1, 1, "(document)", message)])
    spec, problems = _validate(located, name, base)
    if refused:
        problems = [
            p
            for p in problems
            if not any(_within(p.path, v) for v in values)
            and not (p.message == "required key is missing" and _parent(p.path) in keys)
        ]
        raise SpecError([*refused, *problems])
    if problems or spec is None:
        raise SpecError(problems)
    return spec


def _parent(path: str) -> str:
    """The formatted path of the mapping that holds the key at formatted path path."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else "(document)"


def _within(path: str, outer: str) -> bool:
    """Whether key path path (formatted) is outer or inside it."""
    if outer == "(document)":
        return True
    return path == outer or path.startswith((outer + ".", outer + "["))


def validate_located(
    located: Located, name: str, base: Path | None = None
) -> tuple[Spec | None, list[SpecProblem]]:
    """The spec of a loaded document and its problems (see _validate): for a document
    merged from several files too (Located.source_of)."""
    return _validate(located, name, base)


def _validate(
    located: Located, name: str, base: Path | None = None
) -> tuple[Spec | None, list[SpecProblem]]:
    """The spec of located's data and its problems: field errors, and where every bad value
    is an optional leaf, the cross-reference findings of the rest too."""
    try:
        spec = validate(located.data)
    except SchemaInvalid as exc:
        problems = _problems(exc, located, name)
        pruned = _without_bad_leaves(located.data, exc)
        if pruned is not None:
            try:
                partial = validate(pruned.data)
            except SchemaInvalid:
                partial = None
            if partial is not None:
                read, unread = read_local_files(partial, base or Path.cwd())
                found = [*check_spec(partial), *unread, *check_contents(read)]
                findings = [(pruned.old_path(p), m) for p, m in found]
                problems += [
                    _finding(name, located, path, message)
                    for path, message in findings
                    if not pruned.caused(path, message)
                ]
        return None, problems
    found = check_spec(spec)  # (on the spec as written: contents or local)
    spec, unread = read_local_files(spec, base or Path.cwd())
    found += [*unread, *check_contents(spec)]
    return spec, [_finding(name, located, path, message) for path, message in found]


# At most this many bytes of a local file (files:, units:) go into a config.
MAX_LOCAL_BYTES = 1 << 20


def read_local(base: Path, local: str) -> tuple[str | None, str | None]:
    """(text, None) of the file at local (relative, checked) in folder base, or (None, why
    not): it must stay inside base, links included, be a regular file of at most
    MAX_LOCAL_BYTES, and be text a spec's contents may hold."""
    root = base.resolve()
    try:
        found = (root / local).resolve(strict=True)
    except (OSError, RuntimeError):
        return None, f"{local!r}: no such file in the spec's folder"
    if not found.is_relative_to(root):
        return None, f"{local!r} leads outside the spec's folder (through a link)"
    try:
        # (O_NONBLOCK: opening a FIFO would wait for a writer; it is refused instead)
        with os.fdopen(os.open(found, os.O_RDONLY | os.O_NONBLOCK), "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                return None, f"{local!r} is not a regular file"
            data = file.read(MAX_LOCAL_BYTES + 1)
    except IsADirectoryError:
        return None, f"{local!r} is not a regular file"
    except OSError as exc:
        return None, f"{local!r}: cannot read: {exc.strerror or exc}"
    if len(data) > MAX_LOCAL_BYTES:
        return None, f"{local!r} is larger than {MAX_LOCAL_BYTES} bytes"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, f"{local!r} is not UTF-8 text"
    problem = text_block_problem(text)
    return (None, f"{local!r}: {problem}") if problem else (text, None)


def read_local_files(spec: Spec, base: Path) -> tuple[Spec, list[tuple[KeyPath, str]]]:
    """spec with the contents of its local files read from base, and what could not be."""
    problems: list[tuple[KeyPath, str]] = []
    if not (spec.files or spec.units):
        return spec, problems

    def filled(item: Any, at: KeyPath) -> Any:
        if item.local is None or item.contents is not None:
            return item
        text, problem = read_local(base, item.local)
        if problem:
            problems.append(((*at, "local"), problem))
        return item.with_read(text)

    files = [filled(f, ("files", i)) for i, f in enumerate(spec.files)]
    units = [
        filled(unit, ("units", u)).replaced(
            dropins=[filled(d, ("units", u, "dropins", i)) for i, d in enumerate(unit.dropins)]
        )
        for u, unit in enumerate(spec.units)
    ]
    return spec.replaced(files=files, units=units), problems


def _caused_by(path: KeyPath, message: str, removed: KeyPath) -> bool:
    """Whether a cross-reference finding only comes from removing the bad value at removed."""
    if path == removed:
        return True
    same_mapping = path[: len(removed) - 1] == removed[:-1]
    if same_mapping and removed[-1] == "type":
        # Without its (bad) type an item is read as the default type; what its other keys
        # are then told (remote_ip does not apply to a system port) follows from that.
        return True
    # A finding about a sibling of the removed key that names it (lacp, told of the bad
    # bond_mode) follows from it; one deeper down (a key inside other_config) does not.
    sibling = same_mapping and len(path) == len(removed)
    return sibling and str(removed[-1]).rstrip("s").replace("_", " ") in message.replace("_", " ")


def _finding(name: str, located: Located, path: KeyPath, message: str) -> SpecProblem:
    return _problem(name, located, path, located.value_at(path), message)


def _problem(
    name: str, located: Located, path: KeyPath, at: tuple[int, int], message: str
) -> SpecProblem:
    """A problem at path, positioned at at, in the file the value there came from."""
    file, shown = located.source_of(path, name)
    return SpecProblem(file, at[0], at[1], format_path(shown), message)


def _clean_loc(loc: tuple[Any, ...], data: Any) -> KeyPath:
    """An error location (pydantic-core's, as the validator gives it) without union-branch
    and validator tags (a port's type among them).

    A part is a tag only where the document has no such key at that point.
    """
    path: list[str | int] = []
    for part in loc:
        is_tag = (
            isinstance(part, str) and part != "[key]" and (part in PORT_TYPES or part in VALUE_TAGS)
        )
        if is_tag and not (isinstance(data, dict) and part in data):
            continue
        path.append(part)
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            data = None
    return tuple(path)


class _Pruned:
    """A document without what failed validation, for checking the cross-references of the
    rest: bad optional keys left out, and list items with a bad required value (or a bad
    value where an item should be) taken out of their lists."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self.leaves: list[KeyPath] = []
        self.items: dict[KeyPath, list[int]] = {}  # list -> old indices removed
        self.names: set[str] = set()  # the names of the removed items

    def old_path(self, path: KeyPath) -> KeyPath:
        """A path of the pruned document as a path of the original one."""
        out: list[str | int] = []
        for part in path:
            removed = self.items.get(tuple(out), [])
            if isinstance(part, int):
                for index in sorted(removed):
                    if index <= part:
                        part += 1
            out.append(part)
        return tuple(out)

    def caused(self, path: KeyPath, message: str) -> bool:
        """Whether a finding (at an original path) only follows from what was removed."""
        if any(_caused_by(path, message, leaf) for leaf in self.leaves):
            return True
        return any(repr(name) in message for name in self.names)


def _without_bad_leaves(data: Any, exc: SchemaInvalid) -> _Pruned | None:
    """data without what failed (see _Pruned), or None when that cannot be done (a missing
    or bad required value outside any list item: the document has no shape to check)."""
    pruned = _Pruned(copy.deepcopy(data))
    items: set[KeyPath] = set()
    for error in exc.errors():
        path = _clean_loc(tuple(error["loc"]), data)
        if path and path[-1] == "[key]":
            path = path[:-1]
        item = _bad_item(path, error, data)
        if item is None:
            return None
        if item:
            items.add(item)
            continue
        parent = _at(pruned.data, path[:-1])
        if not isinstance(parent, dict) or path[-1] not in parent:
            return None
        del parent[path[-1]]
        pruned.leaves.append(path)
    return pruned if _remove_items(pruned, items) else None


def _bad_item(path: KeyPath, error: Any, data: Any) -> KeyPath | None:
    """The list item to take out for the error at path: the path itself when it is an item,
    the item holding a bad required value; () when the bad value is an optional key to
    leave out instead; None when there is nothing to take out (the document's shape)."""
    if not path:
        return None
    if isinstance(path[-1], int):
        return path
    record = _record_at(path[:-1], data)
    key = keys(record).get(str(path[-1])) if record else None
    required = error["type"] == "missing" or (key is not None and key.required)
    if not required:
        return ()
    if len(path) < 2 or not isinstance(path[-2], int):
        return None
    return path[:-1]


def _remove_items(pruned: _Pruned, items: set[KeyPath]) -> bool:
    """Take items out of their lists in pruned; False when one is not a list item there."""
    # Deepest first, and from the end of each list: every path stays an original one.
    for item in sorted(items, key=lambda p: (len(p), p[-1]), reverse=True):
        if any(item[: len(other)] == other and item != other for other in items):
            continue  # inside an item that goes anyway
        container = _at(pruned.data, item[:-1])
        if not isinstance(container, list) or not 0 <= int(item[-1]) < len(container):
            return False
        gone = container.pop(int(item[-1]))
        if isinstance(gone, dict) and isinstance(gone.get("name"), str):
            pruned.names.add(gone["name"])
        pruned.items.setdefault(item[:-1], []).append(int(item[-1]))
    return True


def _at(data: Any, path: KeyPath) -> Any:
    """The value at path in data, or None."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _problems(exc: SchemaInvalid, located: Located, name: str) -> list[SpecProblem]:
    problems = []
    for error in exc.errors():
        path = _clean_loc(tuple(error["loc"]), located.data)
        kind = error["type"]
        port = _port_problem(path, kind, error, located.data)
        if port is not None:
            path, message = port
            line, col = located.value_at(path)
        elif path and path[-1] == "[key]":  # a bad mapping key: point at the key itself
            path = path[:-1]
            line, col = located.key_at(path)
            message = _message(error)
        elif path == ("version",) and kind == "literal_error":
            line, col = located.value_at(path)
            message = f"{error.get('input')!r} is not a spec version; write version: 1"
        elif kind == "extra_forbidden":
            line, col = located.key_at(path)
            message = f"unknown key {path[-1]!r}{_expected_keys(path[:-1])}"
        elif kind == "missing":
            line, col = located.value_at(path[:-1])
            message = "required key is missing"
        else:
            line, col = located.value_at(path)
            message = _message(error)
        problems.append(_problem(name, located, path, (line, col), message))
    return problems


def _port_problem(path: KeyPath, kind: str, error: Any, data: Any) -> tuple[KeyPath, str] | None:
    """(where, message) of a problem that is about a port's type and the keys it takes, in
    the words of the type: "a vxlan port needs remote_ip"; None for any other problem."""
    if kind == "union_tag_invalid" and len(path) >= 2 and path[-2] == "ports":
        given = _at(data, (*path, "type"))
        listed = ", ".join(repr(t) for t in PORT_TYPES[:-1])
        return (*path, "type"), f"{given!r} is not one of {listed} or {PORT_TYPES[-1]!r}"
    if len(path) < 3 or path[-3] != "ports" or not isinstance(path[-2], int):
        return None
    item = _at(data, path[:-1])
    if not isinstance(item, dict):
        return None
    type_ = port_type(item)
    key = str(path[-1])
    if kind == "missing" and key != "name":
        at = (*path[:-1], "type") if "type" in item else path[:-1]
        return at, f"a {type_} port needs {key}"
    if kind == "extra_forbidden":
        known = {k for record in PORT_RECORDS.values() for k in keys(record)}
        if key in known:
            return path, f"{key} does not apply to a {type_} port"
    return None


def _record_at(path: KeyPath, data: Any = None) -> type[Record] | None:
    """The record class of the mapping at path (for listing its keys); a port's is its
    type's, when data (the document) is given."""
    if data is not None and len(path) >= 2 and path[-2] == "ports" and isinstance(path[-1], int):
        return PORT_RECORDS.get(port_type(_at(data, path)), PORT_RECORDS["system"])
    return record_at(path)


def _expected_keys(path: KeyPath) -> str:
    record = _record_at(path)
    if record is None:
        return ""
    return f" (expected one of: {', '.join(keys(record))})"


_TYPE_NAMES = {
    "string_type": "a string",
    "int_type": "an integer",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "int_parsing": "an integer",
    "int_from_float": "an integer",
}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, int | float):
        return f"{value} (a number; quote it if you mean text)"
    if isinstance(value, str):
        return f"{value!r} (a string)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _message(error: Any) -> str:
    kind: str = error["type"]
    value = error.get("input")
    if kind in _TYPE_NAMES:
        return f"expected {_TYPE_NAMES[kind]}, got {_describe(value)}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{value!r} is not one of {expected}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{value} is out of range ({error['msg'].lower()})"
    return str(error["msg"])
