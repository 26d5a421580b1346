"""Ignition output follows Butane's semantics; Butane text means the same document."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote_from_bytes, unquote_to_bytes

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from ovs_ignite import build_butane, build_plan, dump_butane, load_spec, render
from ovs_ignite.ignition import (
    data_url,
    decode_data_url,
    dump_ignition,
    percent_encode,
    uric_encode,
)

from .support.specs import DATA, EXAMPLES, TARGETS, retarget

SPECS = [*EXAMPLES, *sorted((DATA / "valid").glob("*.yaml"))]


def test_percent_encoding_keeps_only_unreserved_bytes() -> None:
    assert percent_encode(b"a-Z_0.!~*'() /%\n") == "a-Z_0.!~*'()%20%2F%25%0A"


@given(st.binary(max_size=300))
def test_both_encodings_are_urllibs_quote_with_their_safe_sets(data: bytes) -> None:
    assert percent_encode(data) == quote_from_bytes(data, safe="!*'()")
    assert uric_encode(data) == quote_from_bytes(data, safe="!*'();/?:@&=+$,")
    assert unquote_to_bytes(uric_encode(data)) == data


def test_short_text_is_a_percent_encoded_url() -> None:
    assert data_url(b"openvswitch\n") == ("data:,openvswitch%0A", "")


def test_binary_is_base64_when_shorter() -> None:
    data = bytes(range(256))[:20]
    source, compression = data_url(data, allow_compression=False)
    assert source.startswith("data:;base64,")
    assert compression == ""


def test_compressible_text_is_gzipped() -> None:
    data = b"ExecStart=/usr/bin/podman run --rm\n" * 50
    source, compression = data_url(data)
    assert compression == "gzip"
    assert source.startswith("data:;base64,")
    assert decode_data_url(source, compression) == data


def test_gzip_only_when_it_wins_by_more_than_the_compression_field() -> None:
    # Butane counts len("gzip") against the gzipped form.
    for size in range(0, 200, 7):
        data = (b"ab" * size)[:size]
        source, compression = data_url(data)
        plain = min(len("," + percent_encode(data)), len(";base64,") + 4 * ((len(data) + 2) // 3))
        gz = len(";base64,") + 4 * ((len(gzip.compress(data, 9, mtime=0)) + 2) // 3)
        assert (compression == "gzip") == (gz + 4 < plain)
        assert decode_data_url(source, compression) == data


def _decoded(config: dict[str, Any]) -> dict[str, Any]:
    for f in config.get("storage", {}).get("files", []):
        contents = f["contents"]
        f["contents"] = decode_data_url(contents["source"], contents["compression"]).decode()
    return config


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
@pytest.mark.parametrize("target", TARGETS, ids="-".join)
def test_butane_text_translates_to_the_rendered_ignition(
    path: Path, target: tuple[str, ...]
) -> None:
    spec = retarget(load_spec(path), *target)
    butane_text = render(spec, path.name, "butane")
    reread = yaml.safe_load(butane_text)
    doc = build_butane(build_plan(spec, path.name))
    assert reread == doc
    # Modes are octal in Butane YAML; PyYAML (YAML 1.1) reads 0755 as 493 as Butane does.
    assert [f["mode"] for f in reread["storage"]["files"]] == [
        int(f["mode"]) for f in doc["storage"]["files"]
    ]
    # The Ignition output against the plan it spells, item by item (not to_ignition against
    # itself): files, units with their drop-ins, users, kernel arguments.
    ignition = json.loads(render(spec, path.name))
    assert ignition["ignition"]["version"] == target[1]
    plan = build_plan(spec, path.name)
    files = {f["path"]: f for f in _decoded(ignition)["storage"]["files"]}
    assert sorted(files) == sorted(f.path for f in plan.files)
    for planned in plan.files:
        assert files[planned.path]["contents"] == planned.contents
        assert files[planned.path]["mode"] == planned.mode
        assert files[planned.path]["overwrite"] is True
    units = {u["name"]: u for u in ignition["systemd"]["units"]}
    assert list(units) == [u.name for u in plan.units]
    for unit in plan.units:
        assert units[unit.name].get("contents") == unit.contents
        assert units[unit.name].get("enabled") == unit.enabled
        assert [(d["name"], d["contents"]) for d in units[unit.name].get("dropins", [])] == [
            (d.name, d.contents) for d in unit.dropins
        ]
    users = ignition.get("passwd", {}).get("users", [])
    assert [(u["name"], u.get("sshAuthorizedKeys", [])) for u in users] == [
        (u.name, list(u.ssh_authorized_keys)) for u in plan.users
    ]
    kargs = ignition.get("kernelArguments", {}).get("shouldExist", [])
    assert kargs == list(plan.kernel_arguments)


def test_ignition_json_escapes_html_characters_like_go() -> None:
    """Go's encoder writes <, > and & as \\u003c, \\u003e, \\u0026. A spec read from standard
    input puts < and > into the units (their header names it <stdin>); & reaches no unit text
    (the values that may hold one go to percent-encoded data files), so it is shown on
    dump_ignition itself."""
    rendered = render(load_spec(DATA / "valid" / "minimal.yaml"), "<stdin>")
    assert "<" not in rendered and ">" not in rendered and "&" not in rendered
    assert "ovs-ignite from \\u003cstdin\\u003e;" in rendered
    text = dump_ignition({"a": "<b>a&b</b>"})
    assert text == '{"a":"\\u003cb\\u003ea\\u0026b\\u003c/b\\u003e"}\n'


def test_butane_uses_block_scalars_for_units_and_scripts() -> None:
    spec = load_spec(EXAMPLES[0])
    text = dump_butane(build_butane(build_plan(spec)))
    assert "contents: |\n" in text
    assert "inline: |\n" in text
    assert "mode: 0755" in text
