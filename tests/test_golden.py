"""Golden files: what each example and valid spec puts on a host, in a form a person reviews.

- ``golden/SPEC.txt``, per example and per spec of ``data/valid``: every file, unit and
  drop-in the Ignition config writes, decoded (``tests/support/readable.py``). The host
  scripts and the static units are named by their ``units/`` source and hash, not
  repeated: test_units.py holds them to that source byte for byte. A change of behaviour
  on a host shows here as a changed unit line or data line.
- ``golden/nginx.ign`` (fcos) and ``golden/flatcar-docker.ign`` (flatcar): the whole Ignition
  JSON, byte for byte, one per target: its encoding (data URLs, compression, key order).
- The Butane of each example says what its Ignition says, file by file (no golden of its
  own: it would repeat the script).

Refresh them after an intended change with:
    OVS_IGNITE_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from ovs_ignite import Spec, load_spec, render
from ovs_ignite.names import (
    ATTACH_TEMPLATE,
    BIN_DIR,
    BRIDGES_UNIT,
    DPDK_BIND_UNIT,
    HOST_SIDE_NAMES,
    TMPFILES_FILE,
)

from .support.readable import butane_texts, ignition_texts, readable_json
from .support.specs import DATA, EXAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = bool(os.environ.get("OVS_IGNITE_UPDATE_GOLDEN"))
SPECS = [*EXAMPLES, *sorted((DATA / "valid").glob("*.yaml"))]
EXACT = [p for p in SPECS if p.stem in ("nginx", "flatcar-docker")]
# What the readable goldens name by source: host path or unit -> units/ file (hosts get it
# without comments: test_units.py checks the contents).
STATIC = {
    TMPFILES_FILE: "units/ovs-ignite-tmpfiles.conf",
    **{
        f"{folder}/{name}": f"units/{name}"
        for folder in BIN_DIR.values()
        for name in HOST_SIDE_NAMES
    },
    **{unit: f"units/{unit}" for unit in (ATTACH_TEMPLATE, BRIDGES_UNIT, DPDK_BIND_UNIT)},
}


def _check(golden: Path, text: str) -> None:
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text)
    assert golden.exists(), f"no golden file {golden}; refresh with OVS_IGNITE_UPDATE_GOLDEN=1"
    assert text == golden.read_text(), f"{golden.name} differs; refresh and review the diff"


def _spec(path: Path) -> Spec:
    return load_spec(path)


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_what_a_spec_puts_on_a_host_matches_its_readable_golden(path: Path) -> None:
    text = readable_json(render(_spec(path), path.name), STATIC)
    _check(GOLDEN / f"{path.stem}.txt", text)


@pytest.mark.parametrize("path", EXACT, ids=lambda p: p.stem)
def test_ignition_matches_its_golden_byte_for_byte(path: Path) -> None:
    _check(GOLDEN / f"{path.stem}.ign", render(_spec(path), path.name, "ignition", pretty=True))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_butane_says_what_ignition_says(path: Path) -> None:
    spec = _spec(path)
    butane = yaml.safe_load(render(spec, path.name, "butane"))
    assert butane_texts(butane) == ignition_texts(json.loads(render(spec, path.name)))


def test_no_golden_is_left_over() -> None:
    wanted = {f"{p.stem}.txt" for p in SPECS} | {f"{p.stem}.ign" for p in EXACT}
    assert {p.name for p in GOLDEN.iterdir()} == wanted
