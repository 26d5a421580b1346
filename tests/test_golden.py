"""Golden Butane and Ignition files of each example.

Refresh them after an intended change with:
    OVS_IGNITE_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ovs_ignite import load_spec, render

from .conftest import EXAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = bool(os.environ.get("OVS_IGNITE_UPDATE_GOLDEN"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize(("fmt", "suffix"), [("butane", ".bu"), ("ignition", ".ign")])
def test_example_matches_its_golden_file(path: Path, fmt: str, suffix: str) -> None:
    text = render(
        load_spec(path), path.name, "butane" if fmt == "butane" else "ignition", pretty=True
    )
    golden = GOLDEN / f"{path.stem}{suffix}"
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text)
    assert golden.exists(), f"no golden file {golden}; refresh with OVS_IGNITE_UPDATE_GOLDEN=1"
    assert text == golden.read_text(), f"{golden.name} differs; refresh and review the diff"
