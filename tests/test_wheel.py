"""The built wheel carries its templates and examples: it renders outside a checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from site import getsitepackages as sitepackages

import pytest

from ovs_ignite import load_spec, render

from .support.specs import ROOT

# (pip builds the wheel with its build backend, fetched from the package index)
pytestmark = pytest.mark.network


def test_wheel_installed_in_a_fresh_venv_renders_an_example(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("ovs_ignite-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for must in (
        "ovs_ignite/units/ovs-ignite-host",
        "ovs_ignite/units/ovs-attach@.service",
        "ovs_ignite/templates/container.service.j2",
        "ovs_ignite/examples/nginx.yaml",
    ):
        assert must in names
    # A plain install pulls in the renderer's dependencies only; verify's are an extra.
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("/METADATA")))
    requires = [
        line.partition(":")[2].strip()
        for line in metadata.decode().splitlines()
        if line.startswith("Requires-Dist:")
    ]
    plain = [r for r in requires if "extra ==" not in r]
    assert plain and not any(r.startswith(("pytest", "testinfra")) for r in plain), plain
    verify = [r for r in requires if r.replace('"', "'").endswith("extra == 'verify'")]
    assert [r.partition(">")[0] for r in verify] == ["pytest-testinfra"]

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([venv / "bin/pip", "install", "-q", "--no-deps", str(wheel)], check=True)
    # The dependencies come from this interpreter's site-packages (no download): a .pth
    # puts them after the venv's own, so the wheel's ovs_ignite is the one imported, and
    # .pth files there (this checkout's editable install) are not read.
    (site,) = (venv / "lib").glob("python3*/site-packages")
    (site / "zz_test_dependencies.pth").write_text("\n".join(sitepackages()) + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [venv / "bin/python", "-c", "import ovs_ignite; print(ovs_ignite.__file__)"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(venv)), where
    spec = ROOT / "examples" / "nginx.yaml"
    out = subprocess.run(
        [venv / "bin/ovs-ignite", "render", str(spec)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out == render(load_spec(spec), str(spec))
    starter = subprocess.run(
        [venv / "bin/ovs-ignite", "init", "--example", "dpdk"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert starter == (ROOT / "examples" / "dpdk.yaml").read_text()
