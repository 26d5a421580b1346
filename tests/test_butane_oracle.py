"""The real Butane is the oracle of render's Butane-to-Ignition translation (issue 29): for
every example and valid spec on every target, and every spec of the hostile corpus that
renders, upstream ``butane --strict`` on what ``render --format butane`` writes gives no
warning and the same Ignition as ``render`` (every data URL compared by the bytes it stands
for, key order aside), and the current ignition-validate takes that config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ovs_ignite import SpecError, load_spec, render

from .support.realparts import butane_strict, decoded, ignition_validate
from .support.specs import DATA, EXAMPLES, TARGETS, retarget

pytestmark = pytest.mark.ignition

SPECS = [*EXAMPLES, *sorted((DATA / "valid").glob("*.yaml"))]
HOSTILE = sorted((DATA / "hostile").glob("*.yaml"))


def _same_as_butane(spec_path: Path, tmp_path: Path, target: tuple[str, str, str] | None) -> None:
    spec = load_spec(spec_path)
    if target is not None:
        spec = retarget(spec, *target)
    ours = json.loads(render(spec, spec_path.name))
    butane = butane_strict(render(spec, spec_path.name, "butane"))
    assert butane.returncode == 0 and butane.stderr == "", butane.stderr
    assert decoded(json.loads(butane.stdout)) == decoded(ours)
    checked = ignition_validate(ours, tmp_path)
    assert checked.returncode == 0 and checked.stdout + checked.stderr == "", checked.stdout


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
@pytest.mark.parametrize("target", TARGETS, ids="-".join)
def test_butane_makes_what_render_makes(
    path: Path, target: tuple[str, str, str], tmp_path: Path
) -> None:
    _same_as_butane(path, tmp_path, target)


def test_butane_makes_what_render_makes_of_every_hostile_spec_that_renders(
    tmp_path: Path,
) -> None:
    rendered = 0
    for path in HOSTILE:
        try:
            load_spec(path)
        except (SpecError, RecursionError):
            continue
        _same_as_butane(path, tmp_path, None)
        rendered += 1
    assert rendered >= 1  # (the corpus's good base renders; the count is in the closing note)
