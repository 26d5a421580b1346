"""The documents made from the code are what the code makes now."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from bench import record
from bench.record import MEASUREMENTS, sections
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


def test_every_measurement_is_what_its_bench_makes_of_its_results() -> None:
    """docs/measurements.md is written by the benches (`--write`): each section's table is
    what the bench's figures() makes of the results kept with it, never typed by hand."""
    text = MEASUREMENTS.read_text(encoding="utf-8")
    found = sections(text)
    assert set(found) == {"cli", "fleet"}
    for name, (results, table) in found.items():
        bench = importlib.import_module(f"bench.{name}")
        assert bench.figures(results) == table, name
        assert results["date"] and results["cpus"]


def test_a_bench_writes_its_section_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "measurements.md"
    section = '<!-- bench:cli {{"n": {n}}} -->\n{text}\n<!-- /bench:cli -->'
    before, after = section.format(n=1, text="old"), section.format(n=2, text="new")
    page.write_text(f"# M\n\n## A\n\n{before}\n\n## B\n")
    monkeypatch.setattr(record, "MEASUREMENTS", page)
    record.write("cli", {"n": 2}, "new\n")
    record.write("fleet", {"n": 3}, "other\n")
    text = page.read_text()
    assert text.startswith(f"# M\n\n## A\n\n{after}\n\n## B\n")
    assert record.sections(text) == {"cli": ({"n": 2}, "new\n"), "fleet": ({"n": 3}, "other\n")}
