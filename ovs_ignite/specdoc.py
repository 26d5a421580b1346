"""The spec reference (docs/spec.md), made from the spec's JSON Schema (``ovs-ignite
schema``): each mapping of the spec as a section, each of its keys as a row with its type,
allowed values, default, description and an example taken from the bundled examples and
valid specs. ``python -m ovs_ignite.specdoc`` writes it anew; a test holds the file to what
this makes now.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .api import spec_schema

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "spec.md"
# Where the examples of each key come from, first found first.
SOURCES = ("examples/*.yaml", "tests/data/valid/*.yaml")
EXAMPLE_WIDTH = 60
PATTERN_WIDTH = 48

Schema = dict[str, Any]


def _ref_name(node: Schema) -> str | None:
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _anchor(name: str) -> str:
    return name.lower()


def _code(value: Any) -> str:
    return _cell("`" + json.dumps(value, ensure_ascii=False) + "`")


def _cell(text: str) -> str:
    """text fit for a table cell (a | would end the cell, code spans included)."""
    return text.replace("|", "\\|")


def type_text(node: Schema) -> str:
    """A schema fragment in words: its type, allowed values and limits."""
    name = _ref_name(node)
    if name is not None:
        return f"[{name}](#{_anchor(name)})"
    for key in ("anyOf", "oneOf"):
        if key in node:
            kinds = [type_text(choice) for choice in node[key] if choice.get("type") != "null"]
            return " or ".join(kinds)
    if "const" in node:
        return _code(node["const"])
    if "enum" in node:
        return " or ".join(_code(value) for value in node["enum"])
    return _plain_type(node)


def _plain_type(node: Schema) -> str:
    kind = node.get("type")
    if kind == "array":
        text, limits = f"list of {type_text(node.get('items', {}))}", _list_limits(node)
    elif kind == "object":
        # (pydantic writes the values' schema under the names' pattern)
        values = next(iter(node.get("patternProperties", {}).values()), None)
        values = values or node.get("additionalProperties") or {}
        text = f"mapping of names to {type_text(values) if values else 'values'}"
        limits = _pattern(node.get("propertyNames", {}), "names matching")
    elif kind == "integer":
        text, limits = "integer", _range(node.get("minimum"), node.get("maximum"))
    else:
        text = str(kind)
        limits = [f"at most {node['maxLength']} characters"] if "maxLength" in node else []
        limits += _pattern(node, "matching")
    return text + (f" ({', '.join(limits)})" if limits else "")


def _list_limits(node: Schema) -> list[str]:
    limits = []
    if "minItems" in node or "maxItems" in node:
        limits.append(f"{node.get('minItems', 0)}-{node.get('maxItems', 'any')} items")
    if node.get("uniqueItems"):
        limits.append("each once")
    return limits


def _range(low: int | None, high: int | None) -> list[str]:
    if low is not None and high is not None:
        return [f"{low}-{high}"]
    if low is not None:
        return [f"at least {low}"]
    return [] if high is None else [f"at most {high}"]


def _pattern(node: Schema, words: str) -> list[str]:
    """The node's pattern, when it is short enough to read in a table."""
    pattern = node.get("pattern")
    if pattern is None or len(pattern) > PATTERN_WIDTH:
        return []
    return [_cell(f"{words} `{pattern}`")]


def _description(node: Schema) -> str:
    text = str(node.get("description", ""))
    # ("(addition)" tells a reader of the product contract what extends it; users need not)
    return _cell(re.sub(r"^\(addition\) ", "", text).replace("``", "`"))


def _sections(schema: Schema) -> Iterator[tuple[str, str, Schema]]:
    """(name, where in a spec, schema) of each mapping, in the order a spec meets them."""
    defs = schema["$defs"]
    seen: set[str] = set()
    pending: list[tuple[str, str, Schema]] = [("Spec", "the top level of a spec", schema)]
    while pending:
        name, where, node = pending.pop(0)
        if name in seen:
            continue
        seen.add(name)
        yield name, where, node
        for key, field in node.get("properties", {}).items():
            items = "[]" if _is_list(field) else ""
            place = f"{'' if name == 'Spec' else where.strip('`') + '.'}{key}{items}"
            for inner in _refs(field):
                pending.append((inner, f"`{place}`", defs[inner]))


def _is_list(field: Schema) -> bool:
    kinds = [field, *field.get("anyOf", [])]
    return any(kind.get("type") == "array" for kind in kinds)


def _refs(node: Any) -> Iterator[str]:
    """The names of the definitions a fragment refers to, in order."""
    if isinstance(node, dict):
        name = _ref_name(node)
        if name is not None:
            yield name
        for key, value in node.items():
            if key != "default":
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def examples(schema: Schema, root: Path = ROOT) -> dict[tuple[str, str], Any]:
    """(definition, key) -> the first value written for it in the bundled examples and valid
    specs."""
    from .yamlsource import load_located

    found: dict[tuple[str, str], Any] = {}
    for pattern in SOURCES:
        for path in sorted(root.glob(pattern)):
            _collect(schema, "Spec", load_located(path.read_text(encoding="utf-8")).data, found)
    return found


def _collect(schema: Schema, name: str, value: Any, found: dict[tuple[str, str], Any]) -> None:
    node = schema if name == "Spec" else schema["$defs"][name]
    for key, item in value.items():
        found.setdefault((name, key), item)
        choices = list(_refs(node.get("properties", {}).get(key, {})))
        for element in item if isinstance(item, list) else [item]:
            inner = _choice(schema, choices, element)
            if inner is not None:
                _collect(schema, inner, element, found)


def _choice(schema: Schema, choices: list[str], element: Any) -> str | None:
    """The definition of element among choices: the one whose type (a port's) it has."""
    if not isinstance(element, dict) or not choices:
        return None
    for name in choices:
        kind = schema["$defs"][name].get("properties", {}).get("type", {})
        if element.get("type", kind.get("default")) == kind.get("const", kind.get("default")):
            return name
    return None


def reference(schema: Schema, found: dict[tuple[str, str], Any]) -> str:
    """The whole reference as Markdown."""
    lines = [
        "# Spec reference",
        "",
        "<!-- Made by `python -m ovs_ignite.specdoc` from the spec's JSON Schema",
        "(`ovs-ignite schema`); do not edit. -->",
        "",
        "Every key a spec can hold, mapping by mapping. The examples are values from the",
        "bundled examples and test specs. Editors can check a spec as it is typed with the",
        "JSON Schema: `ovs-ignite schema > spec.schema.json`.",
    ]
    for name, where, node in _sections(schema):
        kind = node.get("properties", {}).get("type", {})
        tag = kind.get("const", kind.get("default")) if isinstance(kind, dict) else None
        which = f" with `type: {tag}`" if isinstance(tag, str) and name != "Spec" else ""
        lines += ["", f"## {name}", "", f"At {where}{which}."]
        if node.get("description") and name != "Spec":
            lines += ["", _description(node)]
        lines += ["", "| key | type | default | description | example |", "|---|---|---|---|---|"]
        required = set(node.get("required", []))
        for key, field in node.get("properties", {}).items():
            default = "required" if key in required else _default(field)
            example = found.get((name, key))
            shown = "" if example is None else _code(example)
            if len(shown) > EXAMPLE_WIDTH:
                shown = ""
            lines.append(
                f"| `{key}` | {type_text(field)} | {default} | {_description(field)} | {shown} |"
            )
    return "\n".join(lines) + "\n"


def _default(field: Schema) -> str:
    if "default" not in field or field["default"] is None:
        return ""
    return _code(field["default"])


def main() -> None:
    TARGET.parent.mkdir(exist_ok=True)
    schema = spec_schema()
    TARGET.write_text(reference(schema, examples(schema)))
    sys.stderr.write(f"wrote {TARGET}\n")


if __name__ == "__main__":
    main()
