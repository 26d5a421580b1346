"""Reading a ``--merge`` EXTRA as hostile input: bounded in bytes, depth and number size,
every problem located (a key path) and reported at once.

A Butane EXTRA is read the way Butane reads it (go-yaml, YAML 1.2): a plain scalar is kept
as its exact text (``Plain``) and written back plain, so that ``inline: yes``,
``1_000``, ``12:30:00`` or ``=`` reach Butane exactly as written in EXTRA, whatever a YAML
1.1 reader would make of them. Quoted and block scalars are strings. Aliases, merge keys,
tags and duplicate keys are refused. An Ignition EXTRA is JSON without NaN or Infinity.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from .yamlsource import MAX_BYTES, MAX_DEPTH, MAX_NUMBER_CHARS, _BoundedComposer

# At most this big (as a spec is).
MAX_EXTRA_BYTES = MAX_BYTES


class Plain(str):
    """A plain (unquoted) YAML scalar of a Butane EXTRA, kept as its text."""

    __slots__ = ()


# How go-yaml (Butane's reader) takes a plain scalar into a typed field.
_NULL = frozenset(["", "~", "null", "Null", "NULL"])
_TRUE = frozenset(["true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON"])
_FALSE = frozenset(["false", "False", "FALSE", "n", "N", "no", "No", "NO", "off", "Off", "OFF"])
_INT = re.compile(r"^[-+]?(?:0[bB][01_]+|0[oO]?[0-7_]+|0[xX][0-9a-fA-F_]+|[0-9][0-9_]*)$")


def kind(value: Any) -> str:
    """What value is to a typed reader: str, int, bool, null, number, object or list."""
    if isinstance(value, Plain):
        if value in _NULL:
            return "null"
        if value in _TRUE or value in _FALSE:
            return "bool" if value.lower() in ("true", "false") else "str|bool"
        if _INT.match(value):
            return "str|int"
        return "str"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "str"
    return "list" if isinstance(value, list) else "object"


def truth(value: Any) -> bool | None:
    """value as a boolean field reads it, or None when it is not one."""
    if isinstance(value, bool):
        return value
    if isinstance(value, Plain):
        return True if value in _TRUE else False if value in _FALSE else None
    return None


class ExtraReadError(Exception):
    """What is wrong with an EXTRA's text: (key path, message) lines."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def read_json(text: str) -> Any:
    """An Ignition EXTRA's data; raises ExtraReadError."""

    def refuse_constant(name: str) -> Any:
        raise ExtraReadError([f"{name} is not a JSON number"])

    def bounded_int(digits: str) -> int:
        if len(digits) > MAX_NUMBER_CHARS:
            raise ExtraReadError([f"a number of {len(digits)} digits is too long"])
        return int(digits)

    try:
        data = json.loads(text, parse_constant=refuse_constant, parse_int=bounded_int)
    except RecursionError:
        raise ExtraReadError([f"nested more than {MAX_DEPTH} levels deep"]) from None
    except ValueError as exc:
        raise ExtraReadError([f"not JSON: {exc}"]) from None
    depth_problem = _too_deep(data)
    if depth_problem:
        raise ExtraReadError([depth_problem])
    return data


def _too_deep(data: Any) -> str | None:
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"nested more than {MAX_DEPTH} levels deep"
        if isinstance(value, dict):
            stack += [(v, depth + 1) for v in value.values()]
        elif isinstance(value, list):
            stack += [(v, depth + 1) for v in value]
    return None


class _NoResolver(yaml.resolver.BaseResolver):
    """No implicit types: every scalar is a string until Butane's field types read it."""


_NoResolver.yaml_implicit_resolvers = {}


class _Composer(_BoundedComposer):
    """The bounded composer, which also notes scalars whose tag was written out."""

    peek_event: Any

    def compose_scalar_node(self, anchor: Any) -> yaml.ScalarNode:
        event = self.peek_event()
        node: yaml.ScalarNode = super().compose_scalar_node(anchor)
        node.explicit = event.tag not in (None, "!")  # type: ignore[attr-defined]
        return node


class _ButaneLoader(
    yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _Composer, _NoResolver
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _NoResolver.__init__(self)


def read_butane(text: str) -> Any:
    """A Butane EXTRA's data, plain scalars as Plain; raises ExtraReadError."""
    try:
        loader = _ButaneLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = exc.problem or exc.context or "invalid"
        raise ExtraReadError([f"not YAML: {where}{problem}"]) from None
    except yaml.YAMLError as exc:
        raise ExtraReadError([f"not YAML: {' '.join(str(exc).split())}"]) from None
    if root is None:
        return None
    problems: list[str] = []
    data = _build(root, problems)
    if problems:
        raise ExtraReadError(problems)
    return data


_MAP_TAG = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG


def _where(node: yaml.Node) -> str:
    return f"line {node.start_mark.line + 1}, column {node.start_mark.column + 1}"


def _build(node: yaml.Node, problems: list[str]) -> Any:
    if isinstance(node, yaml.ScalarNode):
        if getattr(node, "explicit", False):
            problems.append(f"{_where(node)}: YAML tags are not allowed ({node.tag})")
            return None
        if node.style is None:
            return Plain(node.value)
        return node.value
    if node.tag not in (yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _MAP_TAG):
        problems.append(f"{_where(node)}: YAML tags are not allowed ({node.tag})")
        return None
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, problems) for item in node.value]
    assert isinstance(node, yaml.MappingNode)
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or getattr(key_node, "explicit", False):
            problems.append(f"{_where(key_node)}: keys must be plain strings")
            continue
        key = str(key_node.value)
        if key == "<<" and key_node.style is None:
            problems.append(f"{_where(key_node)}: merge keys (<<) are not allowed")
            continue
        if key in out:
            problems.append(f"{_where(key_node)}: duplicate key {key!r}")
            continue
        out[key] = _build(value_node, problems)
    return out
