"""Hostile specs: every value stays one value in every output format, or is refused.

Butane's YAML is read by parsers that take NEL (U+0085), LS (U+2028) and PS (U+2029) as line
breaks, as PyYAML does: a string that held one raw would gain a line in the unit after
`butane`. So the Butane output is parsed back here with PyYAML and must say, file by file
and unit by unit, exactly what the Ignition output says.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ovs_ignite import SpecError, parse_spec, render
from ovs_ignite.ignition import decode_data_url

BASE = """version: 1
host: {hostname: edge-01, users: [{name: core, ssh_authorized_keys: [SSHKEY]}]}
ovs: {image: OVSIMAGE, other_config: {stats-update-interval: OTHER}}
bridges: [{name: br0, address: 10.0.0.1/24}]
containers:
  - name: web
    image: "docker.io/library/nginx:1.27"
    command: [nginx, COMMAND]
    env: {A: ENV}
    volumes: [VOLUME]
    interfaces: [{bridge: br0, address: ADDRESS}]
"""
DEFAULTS = {
    "SSHKEY": "ssh-ed25519 AAAA admin@example",
    "OVSIMAGE": "quay.io/x/ovs:3.3",
    "OTHER": "5000",
    "COMMAND": "-g",
    "ENV": "x",
    "VOLUME": "/srv/www:/usr/share/nginx/html:ro",
    "ADDRESS": "10.0.0.10/24",
}
# How a slot is filled: the hostile string alone, or inside an otherwise good value.
WRAP = {
    "SSHKEY": "ssh-ed25519 AAAA {}",
    "OVSIMAGE": "quay.io/x/ovs:3.3{}",
    "OTHER": "{}",
    "COMMAND": "{}",
    "ENV": "a{}b",
    "VOLUME": "/srv/w{}:/html",
    "ADDRESS": "fe80::1%{}/64",
}


def _yaml_string(value: str) -> str:
    """value as a YAML double-quoted scalar: JSON's escapes are YAML's, and ASCII only."""
    return json.dumps(value, ensure_ascii=True)


def spec_text(slot: str, value: str) -> str:
    text = BASE
    for name, default in DEFAULTS.items():
        filled = WRAP[name].format(value) if name == slot else default
        text = text.replace(name, _yaml_string(filled))
    return text


def _contents(ignition: dict[str, Any]) -> dict[str, str]:
    """Every file, unit and drop-in of an Ignition config: where -> text."""
    out = {}
    for f in ignition.get("storage", {}).get("files", []):
        contents = f["contents"]
        data = decode_data_url(contents["source"], contents.get("compression", ""))
        out[f["path"]] = data.decode("utf-8")
    for unit in ignition.get("systemd", {}).get("units", []):
        if "contents" in unit:
            out[unit["name"]] = unit["contents"]
        for dropin in unit.get("dropins", []):
            out[f"{unit['name']}.d/{dropin['name']}"] = dropin["contents"]
    for user in ignition.get("passwd", {}).get("users", []):
        out[f"user {user['name']}"] = "\n".join(user.get("sshAuthorizedKeys", []))
    return out


def _butane_contents(butane: dict[str, Any]) -> dict[str, str]:
    out = {}
    for f in butane.get("storage", {}).get("files", []):
        out[f["path"]] = f["contents"]["inline"]
    for unit in butane.get("systemd", {}).get("units", []):
        if "contents" in unit:
            out[unit["name"]] = unit["contents"]
        for dropin in unit.get("dropins", []):
            out[f"{unit['name']}.d/{dropin['name']}"] = dropin["contents"]
    for user in butane.get("passwd", {}).get("users", []):
        out[f"user {user['name']}"] = "\n".join(user.get("ssh_authorized_keys", []))
    return out


def check_one_value_everywhere(slot: str, value: str) -> None:
    """The spec with value in slot is refused with printable one-line errors, or its Butane,
    read as YAML with every kind of line break, says what its Ignition says."""
    try:
        spec = parse_spec(spec_text(slot, value), "hostile.yaml")
    except SpecError as exc:
        for problem in exc.problems:
            line = str(problem)
            assert line.isprintable(), line
            assert line.startswith("hostile.yaml:"), line
        return
    ignition = json.loads(render(spec, "hostile.yaml"))
    butane = yaml.safe_load(render(spec, "hostile.yaml", "butane"))
    assert _butane_contents(butane) == _contents(ignition)


# Strings of any code points, surrogates and controls included.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=12)
BREAKS = st.sampled_from(["\n", "\r", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\u202e"])
PAYLOADS = st.one_of(
    ANY_TEXT,
    st.builds(lambda b: f"x{b}[Install]{b}Also=debug-shell.service{b}X=", BREAKS),
    st.builds(lambda b: f"x{b}ExecStartPre=/bin/touch /tmp/pwned", BREAKS),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slot=st.sampled_from(sorted(DEFAULTS)), value=PAYLOADS)
def test_every_string_stays_one_value_in_butane_and_ignition(slot: str, value: str) -> None:
    check_one_value_everywhere(slot, value)


@pytest.mark.parametrize("slot", sorted(DEFAULTS))
@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029"], ids=["NEL", "LS", "PS"])
def test_a_line_break_yaml_sees_cannot_add_a_unit_section(slot: str, brk: str) -> None:
    """The attack found: `env: {A: "hi\\N[Install]\\NAlso=debug-shell.service"}` gave, after
    butane, a container unit that enables a root shell on tty9."""
    check_one_value_everywhere(slot, f"hi{brk}[Install]{brk}Also=debug-shell.service{brk}X=")
