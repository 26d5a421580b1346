"""The documents made from the code are what the code makes now."""

from __future__ import annotations

from ovs_ignite.api import spec_schema
from ovs_ignite.specdoc import TARGET, examples, reference

from .conftest import ROOT


def test_the_spec_reference_is_made_from_the_schema_now() -> None:
    """Write it anew with `.venv/bin/python -m ovs_ignite.specdoc` after changing the
    models, their descriptions or an example."""
    schema = spec_schema()
    made = reference(schema, examples(schema))
    assert TARGET == ROOT / "docs" / "spec.md"
    assert TARGET.read_text(encoding="utf-8") == made


def test_the_spec_reference_has_every_key_of_every_mapping() -> None:
    schema = spec_schema()
    text = TARGET.read_text(encoding="utf-8")
    for name, node in [("Spec", schema), *schema["$defs"].items()]:
        section = text.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        for key in node["properties"]:
            assert f"\n| `{key}` |" in section, (name, key)
    assert "(addition)" not in text
