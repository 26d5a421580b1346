"""vagrant/: the Vagrantfile passes `vagrant validate` with Debian's vagrant and
vagrant-libvirt, and refuses `vagrant up` without a config; make-fcos-box turns a QEMU image
into a box vagrant adds. Every run works on a copy: nothing is written into vagrant/."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .support.realparts import need
from .support.specs import ROOT

pytestmark = pytest.mark.vagrant

VAGRANT = ROOT / "vagrant"


@pytest.fixture(autouse=True)
def vagrant_folder_untouched() -> Iterator[None]:
    """The tests write nothing into vagrant/ (vagrant makes .vagrant/ where it runs)."""
    before = sorted(p.name for p in VAGRANT.iterdir())
    yield
    assert sorted(p.name for p in VAGRANT.iterdir()) == before


def _env(tmp_path: Path) -> dict[str, str]:
    key = tmp_path / "id_ed25519"
    if not key.exists():
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    return {
        **os.environ,
        "FCOS_SSH_KEY": str(key),
        "VAGRANT_DEFAULT_PROVIDER": "libvirt",
        "VAGRANT_HOME": str(tmp_path / "vagrant.d"),
    }


def _vagrant(folder: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [need("vagrant"), *args],
        cwd=folder,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "box"
    folder.mkdir()
    shutil.copy(VAGRANT / "Vagrantfile", folder)
    return folder


def _validate(folder: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return _vagrant(folder, tmp_path, "validate")


def test_vagrantfile_validates(tmp_path: Path) -> None:
    result = _validate(_copy(tmp_path), tmp_path)
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


def test_up_without_a_config_fails_at_once_with_the_render_command(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    result = _vagrant(folder, tmp_path, "up", "--provider=libvirt")
    assert result.returncode == 1
    assert f"no Ignition config at {folder}/config.ign" in result.stderr
    assert f"ovs-ignite render ../examples/nginx.yaml -o {folder}/config.ign" in result.stderr
    assert not list((tmp_path / "vagrant.d" / "boxes").glob("*"))  # no box was fetched
    assert not (folder / ".vagrant" / "machines" / "default" / "libvirt" / "id").exists()
    # other commands still work without one
    assert _validate(folder, tmp_path).returncode == 0


def _qcow2(path: Path, size: int) -> None:
    """The header of a qcow2 image (magic, version 3, no backing file, its virtual size)."""
    path.write_bytes(b"QFI\xfb" + struct.pack(">I", 3) + bytes(16) + struct.pack(">Q", size))


@pytest.mark.shellcheck
def test_make_fcos_box_makes_a_box_vagrant_adds(tmp_path: Path) -> None:
    need("shellcheck")
    subprocess.run(["shellcheck", str(VAGRANT / "make-fcos-box")], check=True)
    image = tmp_path / "fedora-coreos-42.20261101.3.0-qemu.x86_64.qcow2"
    _qcow2(image, 10 * 2**30 + 1)
    subprocess.run(["xz", "-k", str(image)], check=True)
    env = _env(tmp_path)
    run = [str(VAGRANT / "make-fcos-box"), f"{image}.xz"]
    made = subprocess.run(
        run, cwd=tmp_path, env={**env, "BOX_ONLY": "1"}, capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    with tarfile.open(tmp_path / "fedora-coreos.box") as box:
        assert sorted(box.getnames()) == ["box.img", "metadata.json"]
        metadata = box.extractfile("metadata.json")
        assert metadata is not None
        assert json.load(metadata) == {"provider": "libvirt", "format": "qcow2", "virtual_size": 11}
        img = box.extractfile("box.img")
        assert img is not None and img.read() == image.read_bytes()

    added = subprocess.run(run, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert added.returncode == 0, added.stdout + added.stderr
    listed = _vagrant(tmp_path, tmp_path, "box", "list").stdout
    assert "fedora-coreos" in listed and "libvirt" in listed

    not_an_image = tmp_path / "notes.txt"
    not_an_image.write_text("hello\n")
    refused = subprocess.run(
        [str(VAGRANT / "make-fcos-box"), str(not_an_image)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 1
    assert refused.stderr == f"make-fcos-box: {not_an_image} is not a qcow2 image\n"
