"""Safe YAML loading that remembers where every value came from.

The spec is read with the YAML 1.2 core schema (``true``/``false`` only, no
sexagesimal numbers): ``lacp: off`` stays the string ``off`` and an unquoted PCI
address ``0000:03:00.0`` stays a string, as a network engineer means them.
Only the standard tags are allowed; ``!!python/...`` and other tags are errors.

The work is bounded before it is done, so that a few hostile kilobytes cost little: the
text is at most 1 MiB, nesting at most 64 levels deep (checked while composing: PyYAML's
composer recurses), aliases are refused (an alias bomb of a few hundred bytes would expand
to gigabytes), a number has at most 100 characters and is finite. Every string, key or
value, is one line of printable text: C0 and C1 controls (NEL, U+0085, among them), the
line and paragraph separators U+2028 and U+2029, bidi controls and lone surrogates are
refused, since a YAML parser that reads NEL, LS or PS as a line break would split such a
value in the Butane output. The one exception is the contents of the spec's files, units
and drop-ins, where LF and tab are text (``is_text_block``).
"""

from __future__ import annotations

import contextlib
import math
import re
from typing import Any, NamedTuple

import yaml

from .values import UNSAFE_CHARACTERS

KeyPath = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class _CoreResolver(yaml.resolver.Resolver):
    """Implicit resolution of the YAML 1.2 core schema."""


_CoreResolver.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in (
    ("bool", _BOOL, list("tTfF")),
    ("null", _NULL, ["~", "n", "N", ""]),
    ("int", _INT, list("-+0123456789")),
    ("float", _FLOAT, list("-+.0123456789")),
    ("merge", re.compile(r"^<<$"), ["<"]),
):
    _CoreResolver.add_implicit_resolver(_TAG + _tag, _regexp, _first)


MAX_BYTES = 1 << 20
MAX_DEPTH = 64
MAX_NUMBER_CHARS = 100


class _Refused(yaml.MarkedYAMLError):
    """A document the composer stops at: too deep, or an alias."""


class _BoundedComposer(yaml.composer.Composer):
    """PyYAML's composer with a depth limit and no aliases (over either parser's events)."""

    check_event: Any
    peek_event: Any

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise _Refused(problem="aliases (*name) are not allowed", problem_mark=mark)
        depth = getattr(self, "_depth", 0)
        if depth >= MAX_DEPTH:
            raise _Refused(
                problem=f"nested more than {MAX_DEPTH} levels deep",
                problem_mark=self.peek_event().start_mark,
            )
        self._depth = depth + 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _BoundedComposer,
    _CoreResolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _CoreResolver.__init__(self)


_CParser: Any
try:  # libyaml's, when PyYAML was built with it
    from yaml.cyaml import CParser as _CParser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - PyYAML's wheels carry libyaml
    _CParser = None


if _CParser is not None:

    class _FastLoader(_CParser, _BoundedComposer, _CoreResolver):  # type: ignore[misc]
        """libyaml's scanner and parser (several times faster than PyYAML's), with the same
        composer, limits and resolver as _Loader."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            _CoreResolver.__init__(self)


def _fast_parse(text: str) -> yaml.Node | None:
    """The node tree of text by _FastLoader; raises any YAML error (the caller then asks the
    pure-Python loader, whose messages and positions the checks report)."""
    loader = _FastLoader(text)
    try:
        # (Composer's, not CParser's own: that one composes in C, without the limits)
        node: yaml.Node | None = yaml.composer.Composer.get_single_node(loader)
    finally:
        loader.dispose()
    return node


class Located:
    """A loaded document with the position (line, column; 1-based) of each value and key.

    (Plain classes here and in the other modules a validate imports: defining a dataclass
    costs a millisecond, and importing dataclasses ten more.)"""

    def __init__(self, data: Any) -> None:
        self.data = data
        self.values: dict[KeyPath, tuple[int, int]] = {}
        self.keys: dict[KeyPath, tuple[int, int]] = {}
        # Values and keys refused after parsing (a tag, a control character, a duplicate
        # key): each left out of data (a value as None), so that the rest can still be
        # checked.
        self.problems: list[YamlProblem] = []
        # A document merged from several (an inventory host: the spec and its overlay):
        # for a path, the file its value came from and its path there; a path not listed
        # takes its nearest listed parent's. Empty for a document read from one file.
        self.files: dict[KeyPath, str] = {}
        self.origins: dict[KeyPath, KeyPath] = {}

    def value_at(self, path: KeyPath) -> tuple[int, int]:
        """Position of the value at path, or of the nearest enclosing value that exists."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def key_at(self, path: KeyPath) -> tuple[int, int]:
        """Position of the key naming path (falls back to the value's position)."""
        return self.keys.get(path) or self.value_at(path)

    def source_of(self, path: KeyPath, default: str) -> tuple[str, KeyPath]:
        """(file, path in that file) of the value at path; default is the one file."""
        probe = path
        while probe not in self.files and probe:
            probe = probe[:-1]
        if probe not in self.files:
            return default, path
        return self.files[probe], self.origins[probe] + path[len(probe) :]


class YamlProblem(NamedTuple):
    line: int
    column: int
    path: KeyPath
    message: str
    # A key left out of its mapping (path is the mapping's): what follows from it is only
    # that a required key may be missing there.
    key: bool = False


class YamlError(Exception):
    """The text is not a YAML document ovs-ignite accepts."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _scalar(node: yaml.ScalarNode) -> Any:
    value: str = node.value
    tag = node.tag
    if tag == _TAG + "str":
        return value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return value.lower() == "true"
    if tag == _TAG + "int":
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value, 10)
    if tag == _TAG + "float":
        special = value.lstrip("+-").lower()
        if special in (".inf", ".nan"):
            return float(value.replace(".", "", 1))  # "-.inf" -> float("-inf")
        return float(value)
    raise ValueError(tag)


# The values that are contents of several lines (files:, units: and their drop-ins), where
# LF and tab are text.
def is_text_block(path: KeyPath) -> bool:
    """Whether the value at path is the contents of a spec's file, unit or drop-in (in a
    spec, or in a host's overlay of an inventory: hosts[i].set...)."""
    match path:
        case ("hosts", int(), "set", *rest):
            return is_text_block(tuple(rest))
    match path:
        case ("files" | "units", int(), "contents"):
            return True
        case ("units", int(), "dropins", int(), "contents"):
            return True
    return False


def text_block_problem(value: str) -> str | None:
    """What is wrong with value as the contents of a file or unit (the rule of every spec
    string, with LF and tab allowed), or None."""
    found = next((m for m in UNSAFE_CHARACTERS.finditer(value) if m.group() not in "\n\t"), None)
    if found is not None:
        line = value.count("\n", 0, found.start()) + 1
        return (
            f"line {line} of the contents holds U+{ord(found.group()):04X}, a control, "
            "line-break, bidi or surrogate character (contents may hold LF line ends and tabs)"
        )
    if "{{" in value:
        line = value.count("\n", 0, value.index("{{")) + 1
        return (
            f"line {line} of the contents holds '{{{{', which template servers such as "
            "matchbox expand"
        )
    return None


def _character_problem(value: str) -> str | None:
    found = UNSAFE_CHARACTERS.search(value)
    shown = repr(value) if len(value) <= 60 else repr(value[:57]) + "..."
    if found is None:
        if "{{" in value:
            # matchbox and other Go-template servers would read it as a template action.
            return f"{shown} contains '{{{{', which template servers such as matchbox expand"
        return None
    return (
        f"{shown} contains U+{ord(found[0]):04X}, a control, line-break, bidi or surrogate "
        "character (spec strings are one line of printable text)"
    )


def _number_problem(node: yaml.ScalarNode) -> str | None:
    if len(node.value) > MAX_NUMBER_CHARS:
        return f"a number of {len(node.value)} characters is too long (at most {MAX_NUMBER_CHARS})"
    if node.tag == _TAG + "float" and not math.isfinite(_scalar(node)):
        return f"{node.value} is not a finite number"
    return None


_KNOWN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}


def _parse(text: str) -> yaml.Node | None:
    """The node tree of the one document in text; raises YamlError."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        message = f"the spec is {size} bytes; at most {MAX_BYTES} are read"
        raise YamlError([YamlProblem(1, 1, (), message)])
    if _CParser is not None:
        with contextlib.suppress(yaml.YAMLError):
            return _fast_parse(text)
    try:
        loader = _Loader(text)
        try:
            root: yaml.Node | None = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        message = f"invalid YAML: character {exc.character!r} is not allowed"
        raise YamlError([YamlProblem(line, col, (), message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or exc.context or "invalid YAML"
        raise YamlError([YamlProblem(line, col, (), f"invalid YAML: {message}")]) from None
    except yaml.YAMLError as exc:
        raise YamlError([YamlProblem(1, 1, (), f"invalid YAML: {exc}")]) from None
    return root


class _Builder:
    """Python data of a node tree, with each value's and key's position, and the values and
    keys it refuses (each left out, a value as None)."""

    def __init__(self) -> None:
        self.located = Located(None)

    def refuse(self, node: yaml.Node, path: KeyPath, message: str, key: bool = False) -> None:
        self.located.problems.append(YamlProblem(*_pos(node), path, message, key))

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        self.located.values[path] = _pos(node)
        if node.tag not in _KNOWN_TAGS:
            tag = node.tag.replace(_TAG, "!!", 1)
            self.refuse(node, path, f"YAML tag {tag} is not allowed")
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.tag in (_TAG + "int", _TAG + "float"):
                problem = _number_problem(node)
            elif is_text_block(path):
                problem = text_block_problem(node.value)
            else:
                problem = _character_problem(node.value)
            if problem:
                self.refuse(node, path, problem)
                return None
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, path)
            if key is None:
                continue
            child = (*path, key)
            if key in result:
                self.refuse(key_node, child, f"duplicate key {key!r}")
                continue
            self.located.keys[child] = _pos(key_node)
            result[key] = self.build(value_node, child)
        return result

    def key(self, node: yaml.Node, mapping: KeyPath) -> str | None:
        """The key node names, or None when it is refused."""
        if not isinstance(node, yaml.ScalarNode) or node.tag == _TAG + "null":
            problem = "keys must be plain strings"
        elif node.tag == "tag:yaml.org,2002:merge":
            problem = "merge keys are not allowed"
        elif node.tag not in _KNOWN_TAGS:
            problem = f"YAML tag {node.tag.replace(_TAG, '!!', 1)} is not allowed"
        else:
            bad = _character_problem(str(node.value))
            if bad is None:
                return str(node.value)
            problem = f"a key {bad}"
        self.refuse(node, mapping, problem, key=True)
        return None


def load_located(text: str, strict: bool = True) -> Located:
    """Parse one YAML document, keeping positions; raises YamlError.

    With strict false, only a document that cannot be read at all raises; refused values
    and keys are in the result's problems instead."""
    root = _parse(text)
    builder = _Builder()
    if root is not None:
        builder.located.data = builder.build(root, ())
    if builder.located.problems and strict:
        raise YamlError(builder.located.problems)
    return builder.located
