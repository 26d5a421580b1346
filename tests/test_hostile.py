"""Hostile specs: every value stays one value in every output format, or is refused.

Butane's YAML is read by parsers that take NEL (U+0085), LS (U+2028) and PS (U+2029) as line
breaks, as PyYAML does: a string that held one raw would gain a line in the unit after
`butane`. So the Butane output is parsed back here with PyYAML and must say, file by file
and unit by unit, exactly what the Ignition output says.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ovs_ignite import Spec, SpecError, load_spec, parse_spec, render
from ovs_ignite.names import CONFIG_DIR, OVSDB_UNIT, VSWITCHD_UNIT, container_dropin
from ovs_ignite.records import Container
from ovs_ignite.runs import container_run, ovsdb_run, vswitchd_run

from .support.hostile_corpus import FIELDS as CORPUS_FIELDS
from .support.hostile_corpus import corpus
from .support.hostile_corpus import spec_text as corpus_spec_text
from .support.readable import butane_texts, ignition_texts
from .support.realparts import butane_strict, decoded, ignition_validate
from .support.specs import DATA, EXAMPLES
from .support.unitrunner import _logical_lines, split_command
from .test_generated_units import applied_root, systemd_analyze_verify, unit_names

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


def check_one_value_everywhere(slot: str, value: str, text: str | None = None) -> None:
    """The spec with value in slot (or text) is refused with printable one-line errors, or
    its Butane, read as YAML with every kind of line break, says what its Ignition says."""
    try:
        spec = parse_spec(text or spec_text(slot, value), "hostile.yaml")
    except SpecError as exc:
        for problem in exc.problems:
            line = str(problem)
            assert line.isprintable(), line
            assert line.startswith("hostile.yaml:"), line
        return
    ignition = json.loads(render(spec, "hostile.yaml"))
    butane_text = render(spec, "hostile.yaml", "butane")
    assert butane_texts(yaml.safe_load(butane_text)) == ignition_texts(ignition)
    # ...and the real Butane (a Go YAML parser) makes the same Ignition of it.
    real = butane_strict(butane_text)
    assert real.returncode == 0 and real.stderr == "", real.stderr
    assert decoded(json.loads(real.stdout)) == decoded(ignition)


# Strings of any code points, surrogates and controls included.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=12)
BREAKS = st.sampled_from(["\n", "\r", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\u202e"])
PAYLOADS = st.one_of(
    ANY_TEXT,
    st.builds(lambda b: f"x{b}[Install]{b}Also=debug-shell.service{b}X=", BREAKS),
    st.builds(lambda b: f"x{b}ExecStartPre=/bin/touch /tmp/pwned", BREAKS),
)


@pytest.mark.ignition
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slot=st.sampled_from(sorted(DEFAULTS)), value=PAYLOADS)
def test_every_string_stays_one_value_in_butane_and_ignition(slot: str, value: str) -> None:
    check_one_value_everywhere(slot, value)


@pytest.mark.ignition
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(sorted(CORPUS_FIELDS)), value=PAYLOADS)
def test_every_string_field_of_the_corpus_spec_stays_one_value(field: str, value: str) -> None:
    """The same over every string field of the hostile corpus's spec (names, images,
    addresses, CPU lists, units, keys...)."""
    check_one_value_everywhere(field, value, corpus_spec_text(field, value))


@pytest.mark.ignition
@pytest.mark.parametrize("slot", sorted(DEFAULTS))
@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029"], ids=["NEL", "LS", "PS"])
def test_a_line_break_yaml_sees_cannot_add_a_unit_section(slot: str, brk: str) -> None:
    """The attack found: `env: {A: "hi\\N[Install]\\NAlso=debug-shell.service"}` gave, after
    butane, a container unit that enables a root shell on tty9."""
    check_one_value_everywhere(slot, f"hi{brk}[Install]{brk}Also=debug-shell.service{brk}X=")


# -- the hostile corpus (tests/data/hostile/, made by tests/support/hostile_corpus.py) --

HOSTILE = sorted((DATA / "hostile").glob("*.yaml"))


def test_the_corpus_spec_with_good_values_only_is_valid() -> None:
    """So each case differs from a valid spec in its one field (a field's name inside
    another's, UPLINK in UPLINKMAC, once broke every case of the longer one)."""
    spec = parse_spec(corpus_spec_text("", ""), "good.yaml", DATA / "hostile")
    assert spec.bridges[0].mirrors[0].output_port == "web/eth2"
    assert spec.bridges[2].uplink is not None and spec.containers[0].interfaces[1].routes


def test_the_corpus_is_what_its_maker_makes() -> None:
    """The files are the maker's output (a case added to the maker is a file here), and
    there are at least 150 of them."""
    assert {p.name: p.read_text(encoding="utf-8") for p in HOSTILE} == corpus()
    assert len(HOSTILE) >= 150


def _exec_argv(contents: str, key: str, unit: str = "x.service") -> list[str]:
    """The argv of the key= line of the text of unit, as systemd reads it."""
    (line,) = [v for k, _, v in (ln.partition("=") for ln in _logical_lines(contents)) if k == key]
    return split_command(line, unit, {})[1]


def run_container_argv(root: Path, spec: Spec, container: Container, tmp_path: Path) -> list[str]:
    """The run command that the unit of image: container execs on a host of root: its
    ExecStart (from the shared unit body, read through the link of its drop-in), run by the
    real host script of root, which adds the container's own part from its data file. The
    runtime is a stand-in that writes out the words it was given."""
    body = (root / container_dropin(container.name).lstrip("/")).read_text()
    script, command, name, runtime, *prefix = _exec_argv(body, "ExecStart", container.unit_name)
    assert (command, name) == ("run-container", container.name)
    words = tmp_path / "words"
    printer = tmp_path / "print-words"
    printer.write_text(f"#!/bin/sh\nprintf '%s\\0' \"$@\" > {words}\n")
    printer.chmod(0o755)
    result = subprocess.run(
        [root / script.lstrip("/"), command, name, printer, *prefix],
        env={
            **os.environ,
            "OVS_IGNITE_CONFIG_DIR": str(root / CONFIG_DIR.lstrip("/")),
            "OVS_IGNITE_RUNTIME": "/bin/true",  # image inspect: the image is there
        },
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [runtime, *words.read_bytes().decode().split("\0")[:-1]]


@pytest.mark.ignition
@pytest.mark.systemd
@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.stem)
def test_hostile_spec_is_refused_at_its_line_or_rendered_safely(path: Path, tmp_path: Path) -> None:
    try:
        spec = load_spec(path, path.name)
    except SpecError as exc:
        assert exc.problems
        for problem in exc.problems:
            line = str(problem)
            assert line.isprintable() and line.startswith(f"{path.name}:"), line
            assert problem.line >= 1 and problem.column >= 1
        return
    # Rendered: one value stays one value in both formats...
    ignition = json.loads(render(spec, path.name))
    butane = yaml.safe_load(render(spec, path.name, "butane"))
    assert butane_texts(butane) == ignition_texts(ignition)
    # ...each run command reads back, with systemd's quoting, as the argv that was meant...
    units = {u["name"]: u.get("contents", "") for u in ignition["systemd"]["units"]}
    assert _exec_argv(units[OVSDB_UNIT], "ExecStart") == ovsdb_run(spec)
    assert _exec_argv(units[VSWITCHD_UNIT], "ExecStart") == vswitchd_run(spec)
    # ...and the real Ignition applies it, and systemd-analyze verifies every unit it wrote.
    root = applied_root(spec, tmp_path)
    # (a container's run command: the shared unit body's, and its data as the script reads it)
    for container in spec.containers:
        if container.image:
            argv = run_container_argv(root, spec, container, tmp_path)
            assert argv == container_run(spec, container)
    folder = root / "etc/systemd/system"
    for container in spec.containers:
        if container.unit:  # the user's own unit: a stand-in
            (folder / container.unit).write_text(
                "[Service]\nExecStart=/usr/bin/podman start -a x\n"
            )
    names = unit_names(folder)
    assert {u for u, text in units.items() if text and not u.endswith("@.service")} <= set(names)
    result = systemd_analyze_verify(root, names)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr


@pytest.mark.ignition
def test_a_command_of_many_arguments_reaches_the_runtime_whole(tmp_path: Path) -> None:
    """300 ordinary arguments (some 6 KB of command): once all on one unit line, which
    Ignition refuses (2047 bytes a line) at first boot. Now they are lines of the data file,
    and the real host script gives them to the runtime word for word."""
    args = [f"--option-{i}=value-{i}" for i in range(300)]
    text = BASE.replace("COMMAND", ", ".join(json.dumps(a) for a in args))
    for name, default in DEFAULTS.items():
        text = text.replace(name, _yaml_string(default))
    spec = parse_spec(text, "many.yaml")
    ignition = json.loads(render(spec, "many.yaml"))
    for unit in ignition["systemd"]["units"]:
        for text in [unit.get("contents", ""), *(d["contents"] for d in unit.get("dropins", []))]:
            assert max((len(line.encode()) for line in text.splitlines()), default=0) <= 2047
    result = ignition_validate(ignition, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    root = applied_root(spec, tmp_path)
    container = spec.containers[0]
    assert run_container_argv(root, spec, container, tmp_path) == container_run(spec, container)


@pytest.mark.parametrize(
    "path",
    [*EXAMPLES, *sorted((DATA / "valid").glob("*.yaml")), *HOSTILE],
    ids=lambda p: f"{p.parent.name}-{p.stem}",
)
def test_no_output_holds_a_template_action(path: Path) -> None:
    """matchbox (and other Go-template servers) read a Butane or Ignition file as a template:
    two opening braces in a row would be expanded there."""
    try:
        spec = load_spec(path, path.name)
    except SpecError:
        return
    for fmt in ("ignition", "butane"):
        assert "{{" not in render(spec, path.name, fmt)
