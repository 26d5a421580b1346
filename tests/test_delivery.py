"""Delivering a config to hosts with small user data: size limits, a gzip-wrapped config and
a pointer config, each applied by the real Ignition binary (a pointer fetched from an HTTP
server on the loopback), and check-url against that server."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from ovs_ignite import render
from ovs_ignite.delivery import PLATFORMS, pointer, sha512_hash
from ovs_ignite.ignition import decode_data_url
from ovs_ignite.specschema import document

from .support.loopback import quiet, serving
from .support.realparts import apply_ignition, without_instance_enables
from .support.specs import example, with_containers

pytestmark = [pytest.mark.ignition]


def _tree(root: Path) -> dict[str, tuple[int, bytes | str]]:
    """Every path under root: its mode and its contents (a link: its target). Ignition's
    own record of the run (with the time it ran) is left out."""
    tree: dict[str, tuple[int, bytes | str]] = {}
    for path in sorted(root.rglob("*")):
        if path.name == ".ignition-result.json":
            continue
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            tree[str(path.relative_to(root))] = (info.st_mode, str(path.readlink()))
        elif path.name.endswith(".preset"):  # Ignition writes its lines in no fixed order
            lines = sorted(path.read_bytes().splitlines())
            tree[str(path.relative_to(root))] = (info.st_mode, b"\n".join(lines))
        elif path.is_file():
            tree[str(path.relative_to(root))] = (info.st_mode, path.read_bytes())
        else:
            tree[str(path.relative_to(root))] = (info.st_mode, "")
    return tree


def ovs_ignite(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ovs_ignite", *args], capture_output=True, text=True, check=False
    )


@contextmanager
def http_server(folder: Path) -> Iterator[str]:
    """folder served over HTTP on the loopback until the block ends; its base URL."""
    with serving(quiet(partial(SimpleHTTPRequestHandler, directory=str(folder)))) as url:
        yield url


@pytest.mark.parametrize("name", ["nginx", "dpdk"])
def test_a_wrapped_config_applies_exactly_what_the_config_applies(
    name: str, tmp_path: Path
) -> None:
    spec = example(name)
    plain = render(spec, f"{name}.yaml")
    wrapped = render(spec, f"{name}.yaml", wrap=True)
    outer = json.loads(wrapped)
    assert list(outer) == ["ignition"]  # nothing but the replace
    replace = outer["ignition"]["config"]["replace"]
    assert replace["compression"] == "gzip" and replace["source"].startswith("data:;base64,")
    assert len(wrapped) < len(plain)

    root, kargs = apply_ignition(json.loads(plain), tmp_path / "plain")
    wrapped_root, wrapped_kargs = apply_ignition(outer, tmp_path / "wrapped")
    assert _tree(wrapped_root) == _tree(root)
    assert wrapped_kargs == kargs
    assert (root / "etc/ovs-ignite/host.conf").exists()


def test_the_wrapped_config_is_the_config_with_its_files_as_plain_text() -> None:
    spec = example("nginx")
    inner = json.loads(decode_data_url(*_replace_of(render(spec, "nginx.yaml", wrap=True))))
    config = json.loads(render(spec, "nginx.yaml"))

    def contents(cfg: dict[str, Any]) -> dict[str, bytes]:
        return {
            f["path"]: decode_data_url(f["contents"]["source"], f["contents"]["compression"])
            for f in cfg["storage"]["files"]
        }

    assert contents(inner) == contents(config)
    assert all(f["contents"]["compression"] == "" for f in inner["storage"]["files"])
    assert inner["systemd"] == config["systemd"]


def _replace_of(text: str) -> tuple[str, str]:
    replace = json.loads(text)["ignition"]["config"]["replace"]
    return replace["source"], replace.get("compression", "")


def test_a_pointer_config_applies_the_served_config_and_refuses_a_tampered_one(
    tmp_path: Path,
) -> None:
    spec = example("nginx")
    plain = json.loads(render(spec, "nginx.yaml"))
    root, _ = apply_ignition(plain, tmp_path / "plain")
    # The served config as Ignition can apply it here (see without_instance_enables).
    served = json.dumps(without_instance_enables(plain, {}))
    folder = tmp_path / "www"
    folder.mkdir()
    (folder / "edge-01.full.ign").write_text(served)
    with http_server(folder) as base:
        small = json.loads(pointer(served, f"{base}/edge-01.full.ign"))
        pointed, _ = apply_ignition(small, tmp_path / "pointed")
        # apply_ignition appends the instance presets to the root it applied to; the
        # served config has none left, so the trees differ only by that file
        preset = "etc/systemd/system-preset/20-ignition.preset"
        expected = _tree(root)
        got = _tree(pointed)
        assert {k: v for k, v in got.items() if k != preset} == {
            k: v for k, v in expected.items() if k != preset
        }
        (folder / "edge-01.full.ign").write_text(served.replace("edge-01", "edge-02", 1))
        with pytest.raises(AssertionError, match="hash verification failed"):
            apply_ignition(small, tmp_path / "tampered")


def test_render_pointer_writes_both_files_and_check_url_compares_what_is_served(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "www"
    folder.mkdir()
    with http_server(folder) as base:
        out = folder / "edge-01.ign"
        spec = str(Path(__file__).parent.parent / "examples/nginx.yaml")
        made = ovs_ignite("render", spec, "--pointer", f"{base}/{{name}}.full.ign", "-o", str(out))
        assert made.returncode == 0, made.stderr
        full = folder / "edge-01.full.ign"
        replace = json.loads(out.read_text())["ignition"]["config"]["replace"]
        assert replace["source"] == f"{base}/edge-01.full.ign"
        assert replace["verification"]["hash"] == sha512_hash(full.read_bytes())
        assert full.read_text() == render(example("nginx"), spec)

        good = ovs_ignite("check-url", f"{base}/edge-01.full.ign", str(full))
        assert good.returncode == 0, good.stderr
        assert good.stdout.startswith(f"{base}/edge-01.full.ign serves {full} exactly (")

        copy = tmp_path / "expected.ign"
        copy.write_bytes(full.read_bytes())
        full.write_text(full.read_text().replace("edge-01", "edge-99", 1))
        bad = ovs_ignite("check-url", f"{base}/edge-01.full.ign", str(copy))
        assert bad.returncode == 1
        assert "Ignition would refuse it" in bad.stderr and "differ from byte" in bad.stderr

        missing = ovs_ignite("check-url", f"{base}/nothing.ign", str(copy))
        assert missing.returncode == 1
        assert missing.stderr.strip() == f"{base}/nothing.ign: HTTP 404: it serves no config"
    gone = ovs_ignite("check-url", f"{base}/edge-01.full.ign", str(copy))
    assert gone.returncode == 1
    assert gone.stderr.strip() == f"{base}/edge-01.full.ign: cannot fetch it: Connection refused"
    assert "Traceback" not in gone.stderr


def test_a_config_over_a_limit_is_refused_with_its_size_and_the_fixes(tmp_path: Path) -> None:
    spec = str(Path(__file__).parent.parent / "examples/nginx.yaml")
    out = tmp_path / "site.ign"
    size = len(render(example("nginx"), spec).encode())
    over = ovs_ignite("render", spec, "--max-bytes", str(size - 1), "-o", str(out))
    assert over.returncode == 1
    assert over.stderr.startswith(
        f"the config is {size:,} bytes, 1 over the limit of {size - 1:,} of --max-bytes; "
        "render with --wrap gzip"
    )
    assert "--pointer URL" in over.stderr and not out.exists()
    exact = ovs_ignite("render", spec, "--max-bytes", str(size), "-o", str(out))
    assert exact.returncode == 0 and out.stat().st_size == size

    aws = ovs_ignite("render", spec, "--platform", "aws", "--wrap", "gzip", "--max-bytes", "9")
    assert aws.returncode == 2  # one limit at a time
    tiny = ovs_ignite("render", spec, "--wrap", "gzip", "--max-bytes", "100")
    assert tiny.returncode == 1
    assert "render with --pointer URL" in tiny.stderr and "--wrap gzip (" not in tiny.stderr
    pointer_out = tmp_path / "p.ign"
    pointed = ovs_ignite(
        "render", spec, "--pointer", "https://cfg.example.com/x.ign", "--platform", "aws",
        "-o", str(pointer_out),
    )  # fmt: skip
    assert pointed.returncode == 0, pointed.stderr
    assert pointer_out.stat().st_size < PLATFORMS["aws"].limit


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--wrap", "zstd"], "'zstd' is not one of 'gzip'"),
        (["--platform", "ibm"], "'ibm' is not one of 'aws', 'azure', 'gcp', 'openstack'"),
        (["--format", "butane", "--wrap", "gzip"], "for Ignition output"),
        (["--wrap", "gzip", "--pointer", "https://x/y"], "--wrap or --pointer"),
        (["--pointer", "https://x/y"], "--pointer needs -o FILE"),
    ],
)
def test_options_that_do_not_go_together_are_usage_errors(args: list[str], message: str) -> None:
    spec = str(Path(__file__).parent.parent / "examples/nginx.yaml")
    result = ovs_ignite("render", spec, *args)
    assert result.returncode == 2
    assert message in " ".join(result.stderr.replace("│", " ").split())


def test_a_pointer_url_ignition_cannot_fetch_is_refused(tmp_path: Path) -> None:
    spec = str(Path(__file__).parent.parent / "examples/nginx.yaml")
    out = tmp_path / "x.ign"
    for url in (
        "ftp://a/b",
        "https://a/b c",
        "file:///etc/passwd",
        "https://a/b\u2028c",
        "https://a/b\x85c",
        "https://caf\u00e9.example/x",
        'https://a/"x',
    ):
        result = ovs_ignite("render", spec, "--pointer", url, "-o", str(out))
        assert result.returncode == 1, url
        assert result.stderr.startswith(f"--pointer {url!r}: "), result.stderr
        assert not out.exists() and not (tmp_path / "x.full.ign").exists()


def test_kargs_pxe_prints_the_whole_first_boot_command_line() -> None:
    spec = str(Path(__file__).parent.parent / "examples/dpdk.yaml")
    url = "http://matchbox.example.com:8080/ignition?mac=${mac:hexhyp}"
    result = ovs_ignite("kargs", spec, "--pxe", url)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"ignition.firstboot ignition.platform.id=metal ignition.config.url={url} "
        "default_hugepagesz=1G hugepagesz=1G hugepages=8 hugepagesz=2M hugepages=512 "
        "intel_iommu=on iommu=pt isolcpus=2-7\n"
    )
    for bad in ("file:///etc/x.ign", "http://a/b c.ign", "http://a/'x'", "http://a/\u2029x"):
        refused = ovs_ignite("kargs", spec, "--pxe", bad)
        assert refused.returncode == 1 and refused.stderr.startswith(f"--pxe {bad!r}: ")


def test_the_nginx_example_with_20_containers_fits_aws_wrapped(tmp_path: Path) -> None:
    many = tmp_path / "many.yaml"
    many.write_text(json.dumps(document(with_containers(example("nginx"), 20))))
    plain = ovs_ignite("render", str(many), "--platform", "aws")
    assert plain.returncode == 1 and "over the limit of 16,384" in plain.stderr
    out = tmp_path / "many.ign"
    wrapped = ovs_ignite("render", str(many), "--platform", "aws", "--wrap", "gzip", "-o", str(out))
    assert wrapped.returncode == 0, wrapped.stderr
    # (with room for the next features: issue 27 left 1,522 bytes under the limit, of which
    # FCOS's NetworkManager file (issue 28) took 124 and the uplink's share of the host
    # script and data (issue 28: its commands, the addresses' list) another 100; the ports'
    # VLAN mode, MTU and settings and the bridges' STP, RSTP and snooping switches, set or
    # cleared at every boot, another 120: 1,182 were left; the containers' interfaces'
    # addresses, routes, VLAN modes, trunks, ofports and external_ids (issue 31: the attach
    # script's share) another 816: 366 are left (334 by this machine's gzip). The bridges'
    # controllers moved to a part of their own, with their settings: 338 were left; the
    # ingress policing of containers' interfaces (the attach's request and its reset of a
    # port that stays) another 92: 246 were left; the controllers' and mirrors' rows of the
    # data format moved to that part's own format table: 302 were left; the managers and
    # the SSL table (the configure step clears both at every boot, so every host has that
    # code, and its format row) another 92: 210 were left. Egress QoS went to a part of its
    # own; its loading in the bridges step and its command in the host script took another
    # 40 once the parts' words went straight into the bridge's transaction: 162 are left,
    # and the guard keeps 150. What only some specs use ships only to them, as the uplink's
    # part does; the next always-shipped code needs a saving first.)
    assert out.stat().st_size <= PLATFORMS["aws"].limit - 150
