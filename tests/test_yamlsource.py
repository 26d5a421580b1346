from __future__ import annotations

import pytest

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
        ("b: &x {c: 1}\na:\n  <<: *x\n", "merge keys are not allowed"),
    ],
)
def test_rejected_documents(text: str, message: str) -> None:
    with pytest.raises(YamlError) as caught:
        load_located(text)
    assert [p.message for p in caught.value.problems] == [message]
