"""The command line: exit codes, stdout and stderr apart, atomic output files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ovs_ignite import example_names, load_spec, render
from ovs_ignite.cli import app
from ovs_ignite.names import OVSDB_UNIT

from .support.specs import DATA, EXAMPLES, ROOT

runner = CliRunner()
ERROR_LINE = re.compile(r"^.+:\d+:\d+: \S+: .+$")
BAD = DATA / "invalid" / "many-errors.yaml"
GOOD = ROOT / "examples" / "nginx.yaml"


def test_render_prints_ignition_json() -> None:
    result = runner.invoke(app, ["render", str(GOOD)])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["ignition"]["version"] == "3.4.0"
    assert result.stderr == ""


def test_render_butane_and_pretty() -> None:
    butane = runner.invoke(app, ["render", str(GOOD), "--format", "butane"])
    assert butane.exit_code == 0
    assert butane.stdout.splitlines()[1:3] == ["variant: fcos", "version: 1.5.0"]
    pretty = runner.invoke(app, ["render", str(GOOD), "--pretty"])
    assert pretty.stdout.startswith('{\n  "ignition"')
    assert json.loads(pretty.stdout) == json.loads(runner.invoke(app, ["render", str(GOOD)]).stdout)


def test_render_writes_the_output_file(tmp_path: Path) -> None:
    out = tmp_path / "host.ign"
    result = runner.invoke(app, ["render", str(GOOD), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text() == render(load_spec(GOOD), str(GOOD))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["host.ign"]


def test_failed_render_keeps_the_existing_file_and_leaves_no_temp(tmp_path: Path) -> None:
    out = tmp_path / "host.ign"
    out.write_text("previous\n")
    result = runner.invoke(app, ["render", str(BAD), "-o", str(out)])
    assert result.exit_code == 1
    assert out.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["host.ign"]
    lines = result.stderr.splitlines()
    assert len(lines) == 4 and all(ERROR_LINE.match(line) for line in lines)
    assert "Traceback" not in result.output


def test_unwritable_output_is_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", str(GOOD), "-o", str(tmp_path / "no/such/dir/x.ign")])
    assert result.exit_code == 1
    assert "cannot write" in result.stderr


def test_render_says_when_kernel_arguments_are_needed() -> None:
    result = runner.invoke(app, ["render", str(ROOT / "examples" / "dpdk.yaml")])
    assert result.exit_code == 0
    assert "reboots once more" in result.stderr
    assert "hugepages=8" in result.stderr
    assert runner.invoke(app, ["render", str(GOOD)]).stderr == ""
    assert "Flatcar" not in result.stderr


def test_render_names_the_flatcar_release_that_applies_kernel_arguments(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "dpdk.yaml").read_text().replace("os: fcos", "os: flatcar")
    spec = tmp_path / "flatcar-dpdk.yaml"
    spec.write_text(text)
    result = runner.invoke(app, ["render", str(spec)])
    assert result.exit_code == 0, result.output
    assert "Flatcar applies them from release 3185.0.0 on" in result.stderr


def test_kargs_prints_one_line() -> None:
    result = runner.invoke(app, ["kargs", str(ROOT / "examples" / "dpdk.yaml")])
    assert result.stdout == (
        "default_hugepagesz=1G hugepagesz=1G hugepages=8 hugepagesz=2M hugepages=512 "
        "intel_iommu=on iommu=pt isolcpus=2-7\n"
    )


def test_validate_many_specs_reports_each_and_a_summary() -> None:
    ok = runner.invoke(app, ["validate", *map(str, EXAMPLES)])
    assert ok.exit_code == 0
    assert ok.stdout == ""
    assert ok.stderr == f"{len(EXAMPLES)} specs checked: all valid\n"
    bad = runner.invoke(app, ["validate", str(GOOD), str(BAD)])
    assert bad.exit_code == 1
    assert bad.stderr.splitlines()[-1] == "2 specs checked: 1 with errors (4 in all)"
    assert all(ERROR_LINE.match(line) for line in bad.stderr.splitlines()[:-1])


def test_missing_file_is_exit_1() -> None:
    result = runner.invoke(app, ["render", "does-not-exist.yaml"])
    assert result.exit_code == 1
    assert (
        result.stderr == "does-not-exist.yaml:1:1: (file): cannot read: No such file or directory\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["render"],
        ["render", str(GOOD), "--format", "xml"],
        ["frobnicate"],
        ["init", "--example", "nope"],
        ["render", str(GOOD), "--bogus"],
    ],
)
def test_usage_errors_are_exit_2(args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 2


@pytest.mark.parametrize("name", example_names())
def test_init_writes_a_starter_that_validates(name: str, tmp_path: Path) -> None:
    out = tmp_path / "site.yaml"
    assert runner.invoke(app, ["init", "--example", name, "-o", str(out)]).exit_code == 0
    assert out.read_text().startswith("# ovs-ignite example")
    load_spec(out)
    again = runner.invoke(app, ["init", "--example", name, "-o", str(out)])
    assert again.exit_code == 1 and "exists already" in again.stderr
    assert runner.invoke(app, ["init", "-o", str(out), "--force"]).exit_code == 0


def test_examples_match_example_names() -> None:
    names = ["dpdk", "faucet", "nginx", "ovn", "span", "tunnels", "uplink", "vlans"]
    assert example_names() == names


def test_help_names_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    for command in ("render", "validate", "init", "schema", "kargs"):
        assert command in result.stdout


def test_real_subprocess_render_and_error() -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "ovs_ignite", "render", str(GOOD)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["ignition"]["version"] == "3.4.0"
    bad = subprocess.run(
        [sys.executable, "-m", "ovs_ignite", "validate", str(BAD)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert bad.stderr.splitlines()[0] == (f"{BAD}:6:10: bridges[0].mtu: 9 is not an MTU (68-65535)")


def test_a_hostile_spec_file_name_stays_inside_the_header_comments(tmp_path: Path) -> None:
    spec = tmp_path / "site\nvariant: evil\n#.yaml"
    spec.write_text(GOOD.read_text())
    butane = runner.invoke(app, ["render", str(spec), "--format", "butane"])
    assert butane.exit_code == 0
    assert butane.stdout.splitlines()[0] == (
        "# Generated by ovs-ignite from site?variant? evil??.yaml; edit the spec, not this."
    )
    assert yaml.safe_load(butane.stdout)["variant"] == "fcos"
    ignition = json.loads(runner.invoke(app, ["render", str(spec)]).stdout)
    unit = next(u for u in ignition["systemd"]["units"] if u["name"] == OVSDB_UNIT)
    assert (
        unit["contents"]
        .splitlines()[0]
        .startswith("# Generated by ovs-ignite from site?variant? evil??.yaml;")
    )


@pytest.mark.parametrize("kind", ["missing", "directory", "not-utf-8"])
@pytest.mark.parametrize("command", ["render", "validate", "kargs"])
def test_an_unreadable_spec_is_exit_1_with_one_line_and_no_usage_box(
    kind: str, command: str, tmp_path: Path
) -> None:
    path = tmp_path / "spec.yaml"
    if kind == "directory":
        path.mkdir()
    elif kind == "not-utf-8":
        path.write_bytes(b"version: 1\xff\n")
    result = runner.invoke(app, [command, str(path)])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}:1:1: (file): cannot read: "), first
    assert "Usage:" not in result.output and "Traceback" not in result.output


def test_error_lines_escape_what_they_quote() -> None:
    """A file name or message holding a line break, a control or a bidi override is shown
    escaped: one line of printable text."""
    from ovs_ignite.errors import SpecProblem

    problem = SpecProblem("evil\n\u202efile.yaml", 1, 2, "a\x85b", "bad \x1b[31m value\u2028")
    assert str(problem) == ("evil\\n\\u202efile.yaml:1:2: a\\x85b: bad \\x1b[31m value\\u2028")


# -- conventions (issue 15, part 1) ---------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["render"], ["validate"], ["init"], ["verify"]])
def test_dash_h_is_help(command: list[str]) -> None:
    short = runner.invoke(app, [*command, "-h"])
    assert short.exit_code == 0
    assert short.stdout == runner.invoke(app, [*command, "--help"]).stdout
    assert short.stdout.startswith("Usage: ovs-ignite")


def test_help_shows_the_choices_and_no_type_beside_a_flag() -> None:
    text = runner.invoke(app, ["render", "--help"]).stdout
    assert "--format <ignition|butane>" in text
    assert "--wrap <gzip>" in text
    assert "--platform <aws|azure|gcp|openstack>" in text
    assert "<bool>" not in text and "--pretty  " in text
    assert "--format <text|json>" in runner.invoke(app, ["validate", "--help"]).stdout


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and re.fullmatch(r"ovs-ignite \d+\.\d+\S*\n", result.stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "butane", "--pretty"], "--pretty indents Ignition JSON"),
        (["--format", "xml"], "'xml' is not one of 'ignition', 'butane'"),
        (["--platform", "mars"], "'mars' is not one of 'aws', 'azure', 'gcp', 'openstack'"),
        (["--wrap", "zstd"], "'zstd' is not one of 'gzip'"),
    ],
)
def test_refused_option_combinations_and_values(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["render", str(GOOD), *args])
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())


def test_quiet_leaves_out_the_notices_not_the_errors(tmp_path: Path) -> None:
    dpdk = ROOT / "examples" / "dpdk.yaml"
    loud = runner.invoke(app, ["render", str(dpdk), "-o", str(tmp_path / "a.ign")])
    assert loud.exit_code == 0 and "kernel arguments" in loud.stderr
    quiet = runner.invoke(app, ["render", str(dpdk), "-o", str(tmp_path / "b.ign"), "--quiet"])
    assert (quiet.exit_code, quiet.stderr) == (0, "")
    assert (tmp_path / "a.ign").read_bytes() == (tmp_path / "b.ign").read_bytes()
    bad = runner.invoke(app, ["render", str(BAD), "-q"])
    assert bad.exit_code == 1 and bad.stderr


def test_validate_json_lists_every_error_of_every_spec() -> None:
    result = runner.invoke(app, ["validate", "--format", "json", str(BAD), str(GOOD), str(BAD)])
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    text = runner.invoke(app, ["validate", str(BAD)]).stderr.splitlines()[:-1]
    lines = [f"{e['file']}:{e['line']}:{e['column']}: {e['path']}: {e['message']}" for e in found]
    assert lines == text * 2
    assert set(found[0]) == {"file", "line", "column", "path", "message"}
    assert result.stderr.endswith(f"3 specs checked: 2 with errors ({len(found)} in all)\n")
    clean = runner.invoke(app, ["validate", "--format", "json", str(GOOD)])
    assert (clean.exit_code, json.loads(clean.stdout)) == (0, [])


def test_completion_offers_the_example_names() -> None:
    """What the shell's completion function asks (bash's protocol): the examples."""
    env = {
        "_OVS_IGNITE_COMPLETE": "complete_bash",
        "COMP_WORDS": "ovs-ignite init --example ",
        "COMP_CWORD": "3",
    }
    result = subprocess.run(
        [Path(sys.executable).parent / "ovs-ignite"],  # the installed command
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.split() == example_names(), result.stderr


@pytest.mark.parametrize(
    ("argv", "env"),
    [
        (["--help"], {}),
        (["render", "-h"], {}),
        (
            [],
            {
                "_OVS_IGNITE_COMPLETE": "complete_bash",
                "COMP_WORDS": "ovs-ignite re",
                "COMP_CWORD": "1",
            },
        ),
    ],
    ids=["help", "render-help", "completion"],
)
def test_help_and_completion_do_not_import_the_spec_machinery(
    argv: list[str], env: dict[str, str]
) -> None:
    """Typer's own path (when the fast path leaves a request to it): neither jinja2, PyYAML
    nor ovs-ignite's spec, plan and models modules. (tests/test_fastpath.py: the fast path
    imports none of Typer either.)"""
    code = (
        "import sys\nfrom ovs_ignite.cli import app\n"
        f"try:\n    app({argv!r}, prog_name='ovs-ignite')\nexcept SystemExit:\n    pass\n"
        "heavy = {'jinja2', 'yaml', 'ovs_ignite.spec', 'ovs_ignite.plan', 'ovs_ignite.models'}\n"
        "print(sorted(heavy & ({m.split('.')[0] for m in sys.modules} | set(sys.modules))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True, text=True
    )
    assert result.stdout.splitlines()[-1] == "[]", result.stdout + result.stderr


def test_the_platform_choices_are_the_platforms_with_limits() -> None:
    from typing import get_args

    from ovs_ignite.cli import Platform
    from ovs_ignite.delivery import PLATFORMS

    assert list(get_args(Platform)) == list(PLATFORMS)
