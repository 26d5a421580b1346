from __future__ import annotations

from pathlib import Path

import pytest

from ovs_ignite import yamlsource
from ovs_ignite.yamlsource import YamlError, load_located


def test_positions_of_values_and_keys() -> None:
    located = load_located("a:\n  b: [1, two]\n")
    assert located.data == {"a": {"b": [1, "two"]}}
    assert located.values[("a", "b", 1)] == (2, 10)
    assert located.keys[("a", "b")] == (2, 3)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", "yes"),
        ("off", "off"),
        ("true", True),
        ("1_000", "1_000"),
        ("0o17", 15),
        ("0x1f", 31),
        ("12:30", "12:30"),
        ("~", None),
        ("1.5", 1.5),
        ("0755", 755),
    ],
)
def test_yaml_12_core_schema(text: str, value: object) -> None:
    assert load_located(f"v: {text}\n").data == {"v": value}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!python/name:os.system x\n", "YAML tag !!python/name:os.system is not allowed"),
        ("a: !!binary aGk=\n", "YAML tag !!binary is not allowed"),
        ("a: 1\na: 2\n", "duplicate key 'a'"),
        ("? [1]\n: x\n", "keys must be plain strings"),
        ("b: {c: 1}\na:\n  <<: {d: 2}\n", "merge keys are not allowed"),
        ("b: &x {c: 1}\na: *x\n", "invalid YAML: aliases (*name) are not allowed"),
        ("a: " + "[" * 65 + "]" * 65 + "\n", "invalid YAML: nested more than 64 levels deep"),
        ("a: " + "[" * 10000 + "]" * 10000 + "\n", "invalid YAML: nested more than 64 levels deep"),
        ("a: .inf\n", ".inf is not a finite number"),
        ("a: .NaN\n", ".NaN is not a finite number"),
        ("a: -.Inf\n", "-.Inf is not a finite number"),
        ("a: " + "9" * 5000 + "\n", "a number of 5000 characters is too long (at most 100)"),
    ],
)
def test_rejected_documents(text: str, message: str) -> None:
    with pytest.raises(YamlError) as caught:
        load_located(text)
    assert [p.message for p in caught.value.problems] == [message]


FORBIDDEN_CHARACTERS = [
    "\x00", "\t", "\n", "\r", "\x1b", "\x7f", "\x85", "\x9f",
    "\u2028", "\u2029", "\u061c", "\u200f", "\u202e", "\u2066", "\ud800", "\udfff",
]  # fmt: skip


@pytest.mark.parametrize("char", FORBIDDEN_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("where", ["value", "key"])
def test_a_string_with_a_break_control_bidi_or_surrogate_character_is_refused(
    char: str, where: str
) -> None:
    """Each written as a YAML escape: the document is plain ASCII, the string is not."""
    escaped = f'"a\\u{ord(char):04x}b"'
    text = f"k: {escaped}\n" if where == "value" else f"{escaped}: 1\n"
    with pytest.raises(YamlError) as caught:
        load_located(text)
    (problem,) = caught.value.problems
    assert (
        f"contains U+{ord(char):04X}, a control, line-break, bidi or surrogate" in problem.message
    )
    assert (problem.line, problem.column) == ((1, 4) if where == "value" else (1, 1))


def test_tags_on_keys_are_refused() -> None:
    with pytest.raises(YamlError) as caught:
        load_located("!!python/name:os.system : 1\n")
    assert [p.message for p in caught.value.problems] == [
        "YAML tag !!python/name:os.system is not allowed"
    ]


SPEC_FILES = sorted(
    p
    for folder in ("examples", "tests/data/valid", "tests/data/invalid", "tests/data/hostile")
    for p in (Path(__file__).resolve().parent.parent / folder).glob("*.yaml")
)


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_libyaml_and_the_python_parser_read_the_same(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents are read with libyaml's parser (the faster) under the same composer, and
    by PyYAML's own wherever that one fails, for its messages: both read every spec of the
    project the same, values, positions and problems."""
    text = path.read_text(encoding="utf-8", errors="surrogateescape")

    def load() -> object:
        try:
            located = load_located(text, strict=False)
        except YamlError as exc:
            return exc.problems
        return located.data, located.values, located.keys, located.problems

    fast = load()
    if path.parent.name in ("examples", "valid"):
        assert yamlsource._fast_parse(text) is not None  # read by libyaml, not the fallback
    monkeypatch.setattr(yamlsource, "_CParser", None)
    assert fast == load()
