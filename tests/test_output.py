"""Output streams and files (SPEC.md, "Input and output streams"), as a real subprocess:
`-` for stdin and stdout, symlinks written through, devices and FIFOs written directly,
mode and owner kept, a full disk or pipe is exit 1 with one line and nothing partial."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ovs_ignite import load_spec, render

from .support.specs import ROOT

GOOD = ROOT / "examples" / "nginx.yaml"
DPDK = ROOT / "examples" / "dpdk.yaml"
EXPECTED = render(load_spec(GOOD), str(GOOD))


def _cli(
    *args: str, stdin: str = "", stdout: int | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ovs_ignite", *args],
        input=stdin,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        cwd=cwd,
    )


def test_dash_reads_stdin_and_writes_stdout_and_makes_no_file(tmp_path: Path) -> None:
    result = _cli("render", "-", "-o", "-", stdin=GOOD.read_text(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == render(load_spec(GOOD), "<stdin>")
    assert list(tmp_path.iterdir()) == []
    bad = _cli("validate", "-", stdin="version: 1\novs: {image: x}\nbridges: 3\n")
    assert bad.returncode == 1
    assert bad.stderr.startswith("<stdin>:3:10: bridges: expected a list")


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    target = tmp_path / "real.ign"
    target.write_text("old\n")
    link = tmp_path / "host.ign"
    link.symlink_to("real.ign")
    dangling = tmp_path / "new.ign"
    dangling.symlink_to("made-by-render.ign")
    for path in (link, dangling):
        assert _cli("render", str(GOOD), "-o", str(path)).returncode == 0
    assert link.is_symlink() and target.read_text() == EXPECTED
    assert dangling.is_symlink() and (tmp_path / "made-by-render.ign").read_text() == EXPECTED
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "host.ign",
        "made-by-render.ign",
        "new.ign",
        "real.ign",
    ]


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the file another owner")
def test_an_existing_file_keeps_its_mode_and_owner(tmp_path: Path) -> None:
    out = tmp_path / "host.ign"
    out.write_text("old\n")
    out.chmod(0o600)
    os.chown(out, 4321, 4322)
    assert _cli("render", str(GOOD), "-o", str(out)).returncode == 0
    info = out.stat()
    assert (stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid) == (0o600, 4321, 4322)
    assert out.read_text() == EXPECTED


def test_a_fifo_is_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()
    result = _cli("render", str(GOOD), "-o", str(fifo))
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert received == [EXPECTED]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to make a device node")
def test_a_full_device_is_exit_1_and_stays_a_device(tmp_path: Path) -> None:
    """A device of the test's own, like /dev/full (1, 7): a regression would replace it
    with a regular file, as it once did /dev/full itself."""
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    result = _cli("render", str(GOOD), "-o", str(full))
    assert result.returncode == 1
    assert result.stderr == f"{full}: cannot write: No space left on device\n"
    assert stat.S_ISCHR(full.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "args",
    [["render", str(GOOD)], ["schema"], ["kargs", str(DPDK)], ["init"]],
    ids=["render", "schema", "kargs", "init"],
)
def test_a_full_stdout_is_exit_1_with_one_line(args: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        result = _cli(*args, stdout=full.fileno())
    assert result.returncode == 1
    assert result.stderr.endswith("(standard output): cannot write: No space left on device\n")
    assert "Traceback" not in result.stderr
