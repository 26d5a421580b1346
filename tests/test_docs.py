"""The documents made from the code are what the code makes now."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from bench import record
from bench.record import MEASUREMENTS, sections
from ovs_ignite import formatdoc
from ovs_ignite.api import spec_schema
from ovs_ignite.hostdata import data_format
from ovs_ignite.specdoc import TARGET, examples, reference

from .support.specs import ROOT


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
    assert set(found) == {"cli", "fleet", "size", "hostile", "attach"}
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


def test_the_host_data_table_is_made_from_the_format_tables_now() -> None:
    """Write it anew with `.venv/bin/python -m ovs_ignite.formatdoc` after changing a format
    table of units/ (a key without a note in formatdoc.NOTES stops it)."""
    text = formatdoc.TARGET.read_text(encoding="utf-8")
    assert formatdoc.page(text) == text
    for kind, keys in data_format().items():
        for key in keys:
            assert f"| {formatdoc.FILES[kind]} | `{key}` |" in text, (kind, key)


def test_a_format_key_without_a_note_stops_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(formatdoc.NOTES, ("bridge", "mtu"))
    with pytest.raises(KeyError, match="mtu"):
        formatdoc.table()
