"""A document checked against the spec's core schema (``specschema.py``) in plain Python.

The schema is pydantic's, of the models; pydantic-core would run it, but importing it costs
a render an eighth of its time, and the spec's schema needs only a few of its kinds: strict
strings, integers, booleans and literals, lists, mappings, models, nulls, defaults, unions
tagged by a function, and check functions before and after. This runs exactly those, in
strict mode, and reports each error as pydantic-core does (type, location, message, input,
context): ``tests/test_specschema.py`` holds both to the same errors and the same records on
every corpus document and on random ones.
"""

from __future__ import annotations

from typing import Any

from .records import Record

Node = dict[str, Any]
Loc = tuple[str | int, ...]  # where a value is: keys and list indices
_FAILED = object()  # what a value that failed its check validates to


class SchemaInvalid(Exception):
    """The document is not a spec; errors() lists why, as pydantic-core's errors() does."""

    def __init__(self, found: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(found)} validation errors")
        self.found = found

    def errors(self) -> list[dict[str, Any]]:
        return self.found


def validate(schema: Node, data: Any) -> Any:
    """data as the schema makes it (records), or SchemaInvalid with every error."""
    run = _Run(schema)
    value = run.check(run.root, data, ())
    if run.found:
        raise SchemaInvalid(run.found)
    return value


def _expected(values: list[Any]) -> str:
    """pydantic-core's list of expected values: 'a', 'b' or 'c'."""
    shown = [repr(v) for v in values]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


def _items(count: int) -> str:
    return "item" if count == 1 else "items"


class _Run:
    def __init__(self, schema: Node) -> None:
        self.definitions: dict[str, Node] = {}
        self.root = schema
        if schema["type"] == "definitions":
            self.definitions = {d["ref"]: d for d in schema["definitions"]}
            self.root = schema["schema"]
        self.found: list[dict[str, Any]] = []

    def error(self, kind: str, loc: Loc, value: Any, msg: str, **ctx: Any) -> Any:
        error = {"type": kind, "loc": loc, "msg": msg, "input": value}
        if ctx:
            error["ctx"] = ctx
        self.found.append(error)
        return _FAILED

    def check(self, node: Node, value: Any, loc: Loc) -> Any:
        return _KINDS[node["type"]](self, node, value, loc)

    def _definition_ref(self, node: Node, value: Any, loc: Loc) -> Any:
        return self.check(self.definitions[node["schema_ref"]], value, loc)

    def _nullable(self, node: Node, value: Any, loc: Loc) -> Any:
        return None if value is None else self.check(node["schema"], value, loc)

    def _default(self, node: Node, value: Any, loc: Loc) -> Any:
        return self.check(node["schema"], value, loc)  # (a missing key: see _model_fields)

    def _str(self, node: Node, value: Any, loc: Loc) -> Any:
        if isinstance(value, str):
            return value
        return self.error("string_type", loc, value, "Input should be a valid string")

    def _bool(self, node: Node, value: Any, loc: Loc) -> Any:
        if isinstance(value, bool):
            return value
        return self.error("bool_type", loc, value, "Input should be a valid boolean")

    def _int(self, node: Node, value: Any, loc: Loc) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            return self.error("int_type", loc, value, "Input should be a valid integer")
        if "ge" in node and value < node["ge"]:
            ge = node["ge"]
            message = f"Input should be greater than or equal to {ge}"
            return self.error("greater_than_equal", loc, value, message, ge=ge)
        if "le" in node and value > node["le"]:
            le = node["le"]
            message = f"Input should be less than or equal to {le}"
            return self.error("less_than_equal", loc, value, message, le=le)
        return value

    def _literal(self, node: Node, value: Any, loc: Loc) -> Any:
        for expected in node["expected"]:
            # (pydantic-core takes a boolean for an integer literal even when strict: true
            # is version 1)
            same_kind = type(value) is type(expected) or (
                type(expected) is int and type(value) is bool
            )
            if same_kind and value == expected:
                return expected
        shown = _expected(node["expected"])
        return self.error("literal_error", loc, value, f"Input should be {shown}", expected=shown)

    def _list(self, node: Node, value: Any, loc: Loc) -> Any:
        if not isinstance(value, list):
            return self.error("list_type", loc, value, "Input should be a valid list")
        size = len(value)
        longest = node.get("max_length")
        if longest is not None and size > longest:
            message = (
                f"List should have at most {longest} {_items(longest)} after validation, not {size}"
            )
            return self.error(
                "too_long", loc, value, message, field_type="List", max_length=longest,
                actual_length=size,
            )  # fmt: skip
        out = [self.check(node["items_schema"], item, (*loc, i)) for i, item in enumerate(value)]
        shortest = node.get("min_length")
        if shortest is not None and size < shortest:
            message = (
                f"List should have at least {shortest} {_items(shortest)} after validation, "
                f"not {size}"
            )
            return self.error(
                "too_short", loc, value, message, field_type="List", min_length=shortest,
                actual_length=size,
            )  # fmt: skip
        return _FAILED if _FAILED in out else out

    def _dict(self, node: Node, value: Any, loc: Loc) -> Any:
        if not isinstance(value, dict):
            return self.error("dict_type", loc, value, "Input should be a valid dictionary")
        out = {}
        for key, item in value.items():
            checked_key = self.check(node["keys_schema"], key, (*loc, key, "[key]"))
            checked = self.check(node["values_schema"], item, (*loc, key))
            out[checked_key] = checked
        return _FAILED if _FAILED in out or _FAILED in out.values() else out

    def _function_before(self, node: Node, value: Any, loc: Loc) -> Any:
        try:
            value = node["function"]["function"](value)
        except ValueError as exc:
            return self.error("value_error", loc, value, f"Value error, {exc}", error=exc)
        return self.check(node["schema"], value, loc)

    def _function_after(self, node: Node, value: Any, loc: Loc) -> Any:
        checked = self.check(node["schema"], value, loc)
        if checked is _FAILED:
            return checked
        try:
            return node["function"]["function"](checked)
        except ValueError as exc:  # (the input as given, before any function read it)
            return self.error("value_error", loc, value, f"Value error, {exc}", error=exc)

    def _tagged_union(self, node: Node, value: Any, loc: Loc) -> Any:
        choose = node["discriminator"]
        tag = choose(value)
        choice = node["choices"].get(tag)
        if choice is None:
            # (pydantic-core quotes the tags, it does not escape them)
            tags = ", ".join(f"'{t}'" for t in node["choices"])
            message = (
                f"Input tag '{tag}' found using {choose.__name__}() does not match any of "
                f"the expected tags: {tags}"
            )
            return self.error(
                "union_tag_invalid", loc, value, message, discriminator=f"{choose.__name__}()",
                tag=tag, expected_tags=tags,
            )  # fmt: skip
        return self.check(choice, value, (*loc, tag))

    def _model(self, node: Node, value: Any, loc: Loc) -> Any:
        cls: type[Record] = node["cls"]
        if isinstance(value, cls):
            return value
        if not isinstance(value, dict):
            message = f"Input should be a valid dictionary or instance of {cls.__name__}"
            return self.error("model_type", loc, value, message, class_name=cls.__name__)
        fields = self.check(node["schema"], value, loc)
        if fields is _FAILED:
            return fields
        record = cls.__new__(cls)
        record.__dict__.update(fields)
        return record

    def _model_fields(self, node: Node, value: dict[Any, Any], loc: Loc) -> Any:
        out: dict[str, Any] = {}
        failed = False
        fields = _fields(node)
        for name, key, schema in fields:
            if key in value:
                out[name] = self.check(schema, value[key], (*loc, key))
                failed = failed or out[name] is _FAILED
            elif schema["type"] == "default":
                default = schema["default"]
                out[name] = default.copy() if isinstance(default, list | dict) else default
            else:
                failed = True
                self.error("missing", (*loc, key), value, "Field required")
        known = {key for _, key, _ in fields}
        for key, item in value.items():
            if key not in known:
                failed = True
                self.error("extra_forbidden", (*loc, key), item, "Extra inputs are not permitted")
        return _FAILED if failed else out


_KINDS = {
    name.removeprefix("_").replace("_", "-"): method
    for name, method in vars(_Run).items()
    if name.startswith("_") and not name.startswith("__")
}
_FIELDS: dict[int, tuple[Node, tuple[tuple[str, str, Node], ...]]] = {}


def _fields(node: Node) -> tuple[tuple[str, str, Node], ...]:
    """(name, key as written, schema) of each field of a model-fields node, worked out once
    a node (kept here with it, so that its identity stays its own)."""
    held = _FIELDS.get(id(node))
    if held is None or held[0] is not node:
        found = tuple(
            (name, field.get("validation_alias", name), field["schema"])
            for name, field in node["fields"].items()
        )
        held = _FIELDS[id(node)] = (node, found)
    return held[1]
