"""Output never destroys input, and a run of several files writes all of them or none
(issue 26, item 13): -o SPEC, a link or hard link to it, --junit SPEC, an inventory or
matchbox run that fails part-way, and a --matchbox-url that would make a malformed URL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .support.specs import ROOT

NGINX = (ROOT / "examples" / "nginx.yaml").read_text()
HOSTS = """\
version: 1
spec: site.yaml
hosts:
  - {name: a, mac: "52:54:00:00:00:0a"}
  - {name: b, mac: "52:54:00:00:00:0b"}
"""


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ovs_ignite", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
def test_render_never_writes_over_its_spec(how: str, tmp_path: Path) -> None:
    spec = tmp_path / "site.yaml"
    spec.write_text(NGINX)
    out = {"same": spec, "symlink": tmp_path / "out.ign", "hardlink": tmp_path / "hard.ign"}[how]
    if how == "symlink":
        out.symlink_to(spec)
    elif how == "hardlink":
        os.link(spec, out)
    result = _cli("render", str(spec), "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert result.stderr == (
        f"{out}: is {spec}, an input of this command: write the output elsewhere\n"
    )
    assert spec.read_text() == NGINX


def test_render_never_writes_over_a_merge_extra(tmp_path: Path) -> None:
    spec = tmp_path / "site.yaml"
    spec.write_text(NGINX)
    extra = tmp_path / "extra.ign"
    extra.write_text('{"ignition": {"version": "3.4.0"}}')
    result = _cli("render", str(spec), "--merge", str(extra), "-o", str(extra))
    assert result.returncode == 1 and "an input of this command" in result.stderr
    assert extra.read_text() == '{"ignition": {"version": "3.4.0"}}'


def test_verify_junit_never_writes_over_its_spec(tmp_path: Path) -> None:
    spec = tmp_path / "site.yaml"
    spec.write_text(NGINX)
    result = _cli("verify", str(spec), "--hosts", "local://", "--junit", str(spec))
    assert result.returncode == 1
    assert "an input of this command" in result.stderr
    assert spec.read_text() == NGINX


def test_an_inventory_run_that_fails_part_way_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text(NGINX)
    (tmp_path / "hosts.yaml").write_text(HOSTS)
    out = tmp_path / "out"
    (out / "b.ign").mkdir(parents=True)  # (b's config cannot be written)
    result = _cli("render", str(tmp_path / "site.yaml"), "--inventory",
                  str(tmp_path / "hosts.yaml"), "-o", str(out))  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "b.ign: is not a regular file" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["b.ign"]  # no a.ign, no temporary file
    (out / "b.ign").rmdir()
    (out / "a.ign").write_text("old a\n")
    ok = _cli("render", str(tmp_path / "site.yaml"), "--inventory", str(tmp_path / "hosts.yaml"),
              "-o", str(out), "-q")  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.ign", "b.ign"]
    assert (out / "a.ign").read_text().startswith('{"ignition"')


def test_a_matchbox_run_that_fails_part_way_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text(NGINX)
    (tmp_path / "hosts.yaml").write_text(HOSTS)
    folder = tmp_path / "mb"
    (folder / "ignition" / "b.ign").mkdir(parents=True)
    result = _cli("render", str(tmp_path / "site.yaml"), "--inventory",
                  str(tmp_path / "hosts.yaml"), "--matchbox", str(folder),
                  "--matchbox-url", "http://mb:8080")  # fmt: skip
    assert result.returncode == 1, result.stderr
    written = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert written == []
    assert not (folder / "groups" / "a.json").exists()


@pytest.mark.parametrize("url", ["http://mb:8080/?a=b&c", "http://mb:8080/#x", "http://mb/;p"])
def test_a_matchbox_url_with_a_query_is_refused(url: str, tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text(NGINX)
    (tmp_path / "hosts.yaml").write_text(HOSTS)
    result = _cli("render", str(tmp_path / "site.yaml"), "--inventory",
                  str(tmp_path / "hosts.yaml"), "--matchbox", str(tmp_path / "mb"),
                  "--matchbox-url", url)  # fmt: skip
    assert result.returncode == 1
    assert "has no query (?), fragment (#) or parameters" in result.stderr
    assert not (tmp_path / "mb").exists()
