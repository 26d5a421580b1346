"""vagrant/Vagrantfile passes `vagrant validate` with Debian's vagrant and vagrant-libvirt."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT
from .realparts import need

pytestmark = pytest.mark.system


def _validate(folder: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    key = tmp_path / "id_ed25519"
    if not key.exists():
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    env = {
        **os.environ,
        "FCOS_SSH_KEY": str(key),
        "VAGRANT_DEFAULT_PROVIDER": "libvirt",
        "VAGRANT_HOME": str(tmp_path / "vagrant.d"),
    }
    return subprocess.run(
        [need("vagrant"), "validate"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_vagrantfile_validates(tmp_path: Path) -> None:
    result = _validate(ROOT / "vagrant", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "validated successfully" in result.stdout


def test_validate_catches_a_wrong_setting(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    text = (ROOT / "vagrant/Vagrantfile").read_text()
    (broken / "Vagrantfile").write_text(text.replace("libvirt.cpus", "libvirt.cpuss"))
    result = _validate(broken, tmp_path)
    assert result.returncode != 0
    assert "cpuss" in result.stdout + result.stderr
    shutil.rmtree(broken)
