"""The spec's validation schema, prebuilt: a document is checked against the core schema
that pydantic makes of ``models.Spec`` (by ``validator.py``, as pydantic-core would check
it) into the records of ``records.py``. Making that schema (importing pydantic, building
30 models) costs most of a render's time, so ``_specschema.py`` holds it made once:
``python -m ovs_ignite.specschema`` writes it anew (then ``ruff format`` it), and a test
holds it equal to what the models give now.

The made schema is pydantic's, with what validation does not read left out (JSON Schema
and serialization functions, metadata), each model class replaced by its record class, and
the definitions' references named by their class (pydantic numbers them per process).
"""

from __future__ import annotations

import functools
import sys
import types
from pathlib import Path
from typing import Any, NamedTuple

from . import records, validator, values
from .records import Record

# What validation does not read: left out of the made schema.
_LEFT_OUT = frozenset({"metadata", "serialization", "serialization_alias", "ref_name"})
# The modules whose functions the schema may call (and the made module names them by).
_MODULES = {records.__name__: "records", values.__name__: "values"}


def core_schema() -> dict[str, Any]:
    """The core schema that validates a spec into records."""
    from ._specschema import SCHEMA

    return SCHEMA


def validate(data: Any) -> records.Spec:
    """The spec that data (a loaded document) is; validator.SchemaInvalid if none."""
    spec = validator.validate(core_schema(), data)
    assert isinstance(spec, records.Spec)
    return spec


def derived() -> dict[str, Any]:
    """The schema made now from the models (imports pydantic and builds them)."""
    from .models import Spec

    refs: dict[str, str] = {}
    made = _derive(Spec.__pydantic_core_schema__, refs)
    assert isinstance(made, dict)
    return made


def _derive(node: Any, refs: dict[str, str]) -> Any:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in _LEFT_OUT:
                continue
            if key == "cls":
                out[key] = _record_class(value)
            elif key in ("ref", "schema_ref") and isinstance(value, str):
                out[key] = refs.setdefault(value, value.rsplit(".", 1)[-1].split(":")[0])
            else:
                out[key] = _derive(value, refs)
        return out
    if isinstance(node, list | tuple):
        return type(node)(_derive(item, refs) for item in node)
    if isinstance(node, str | int | float | bool | None):
        return node
    if isinstance(node, types.FunctionType) and node.__module__ in _MODULES:
        return node
    fields = getattr(node, "__pydantic_fields__", None)
    if fields is not None and not isinstance(node, type):  # a model as a default value
        return _record_class(type(node))(
            **{name: _derive(getattr(node, name), refs) for name in fields}
        )
    raise ValueError(f"the spec schema holds {node!r}, which the made schema cannot name")


def _record_class(model: type) -> type[Record]:
    found = getattr(records, model.__name__, None)
    if not (isinstance(found, type) and issubclass(found, Record)):
        raise ValueError(f"no record class for the model {model.__name__}")
    return found


# -- what the records know of their fields (the error messages name keys as written) --------


@functools.cache
def _definitions() -> dict[str, Any]:
    return {d["ref"]: d for d in core_schema().get("definitions", [])}


def _inner(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The schemas directly inside node, through defaults, nulls, lists, unions and checks."""
    kind = node.get("type")
    if kind == "definition-ref":
        return [_definitions()[node["schema_ref"]]]
    if kind == "tagged-union":
        return list(node["choices"].values())
    if kind == "dict":
        return [node["values_schema"]]
    if kind == "list":
        return [node["items_schema"]]
    inner = node.get("schema")
    return [inner] if isinstance(inner, dict) else []


def _model_of(node: dict[str, Any]) -> dict[str, Any] | None:
    """The first model schema found in node (depth first), or None."""
    if node.get("type") == "model":
        return node
    for inner in _inner(node):
        found = _model_of(inner)
        if found is not None:
            return found
    return None


def _root() -> dict[str, Any]:
    root = core_schema()
    return root["schema"] if root.get("type") == "definitions" else root


@functools.cache
def _models() -> dict[type[Record], dict[str, Any]]:
    """Each record class's model schema."""
    found: dict[type[Record], dict[str, Any]] = {}
    pending = [_root(), *core_schema().get("definitions", [])]
    while pending:
        node = pending.pop()
        if node.get("type") == "model" and node["cls"] not in found:
            found[node["cls"]] = node
            pending += [f["schema"] for f in node["schema"]["fields"].values()]
        elif node.get("type") != "definition-ref":
            pending += _inner(node)
    return found


class Key(NamedTuple):
    """A key of a record as a spec writes it."""

    attribute: str  # (the record's name for it: schema_path for schema)
    required: bool
    schema: dict[str, Any]  # its field's schema


def keys(cls: type[Record]) -> dict[str, Key]:
    """The keys of cls as a spec writes them, in order."""
    fields = _models()[cls]["schema"]["fields"]
    return {
        field.get("validation_alias", name): Key(
            name, field["schema"]["type"] != "default", field["schema"]
        )
        for name, field in fields.items()
    }


def document(item: Any) -> Any:
    """item (a record, or a list or mapping of them) as a spec writes it, which reads back
    the same: keys as written, nothing (None) left out, JSON- and YAML-ready."""
    if isinstance(item, Record):
        found = ((key, item.written(k.attribute)) for key, k in keys(type(item)).items())
        return {key: document(value) for key, value in found if value is not None}
    if isinstance(item, list):
        return [document(value) for value in item]
    if isinstance(item, dict):
        return {key: document(value) for key, value in item.items()}
    return item


def record_at(path: tuple[str | int, ...]) -> type[Record] | None:
    """The record class of the mapping at key path path (list indices skipped; a port is
    read as the first type), or None when no mapping of the spec is there."""
    cls: type[Record] = records.Spec
    for part in path:
        if isinstance(part, int):
            continue
        key = keys(cls).get(part)
        model = None if key is None else _model_of(key.schema)
        if model is None:
            return None
        cls = model["cls"]
    return cls


# -- the made module ------------------------------------------------------------------------


def module_text(schema: dict[str, Any]) -> str:
    """The made module: SCHEMA, with each part that occurs more than once (a name's check,
    a port's fields) written once, as a name of its own that the rest uses."""
    import pydantic_core

    met: dict[str, list[Any]] = {}  # a part's text -> each node that has it
    _source(schema, met, {})
    names: dict[str, str] = {}
    lines = []
    for text, nodes in met.items():  # (in the order met: inner parts first)
        if len(nodes) > 1 and len(text) > 40:
            shown = _source(nodes[0], {}, names)[1]
            names[text] = f"_{len(names)}"
            lines.append(f"{names[text]} = {shown}\n")
    return (
        '"""The spec\'s validation schema, made by specschema.py from models.py: do not edit\n'
        '(python -m ovs_ignite.specschema writes it anew)."""\n\n'
        "from __future__ import annotations\n\n"
        "from typing import Any\n\n"
        "from . import records, values\n\n"
        f"PYDANTIC_CORE = {pydantic_core.__version__!r}\n"
        + "".join(lines)
        + f"SCHEMA: dict[str, Any] = {_source(schema, {}, names)[1]}\n"
    )


def _source(node: Any, met: dict[str, list[Any]], names: dict[str, str]) -> tuple[str, str]:
    """(node as Python source, that source with the parts in names by their names):
    functions and classes by name, records by their fields; notes each dict and list met."""
    if isinstance(node, dict):
        parts = [(f"{key!r}: ", _source(value, met, names)) for key, value in node.items()]
        ends = "{}"
    elif isinstance(node, list):
        parts = [("", _source(value, met, names)) for value in node]
        ends = "[]"
    elif isinstance(node, types.FunctionType):
        text = f"{_MODULES[node.__module__]}.{node.__name__}"
        return text, text
    elif isinstance(node, type):
        return f"records.{node.__name__}", f"records.{node.__name__}"
    elif isinstance(node, Record):
        fields = zip(node.FIELDS, node.values(), strict=True)
        text = ", ".join(f"{k}={_source(v, met, names)[0]}" for k, v in fields)
        return f"records.{type(node).__name__}({text})", f"records.{type(node).__name__}({text})"
    else:
        return repr(node), repr(node)
    text = ends[0] + ", ".join(key + raw for key, (raw, _) in parts) + ends[1]
    met.setdefault(text, []).append(node)
    shown = ends[0] + ", ".join(key + out for key, (_, out) in parts) + ends[1]
    return text, names.get(text, shown)


def main() -> None:
    target = Path(__file__).with_name("_specschema.py")
    target.write_text(module_text(derived()))
    sys.stderr.write(f"wrote {target}; now: ruff format {target}\n")


if __name__ == "__main__":
    main()
