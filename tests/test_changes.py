"""plan OLD NEW (issue 33, item 1, from the specs alone): every difference between what
render writes for two specs, under how it can be applied."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from ovs_ignite.api import spec_changes
from ovs_ignite.cli import app

from .test_inventory import HOSTS, SITE

ROOT = Path(__file__).resolve().parent.parent
NGINX = (ROOT / "examples" / "nginx.yaml").read_text()


def _plan(tmp_path: Path, old: str, new: str) -> dict[str, dict[str, list[str]]]:
    (tmp_path / "old.yaml").write_text(old)
    (tmp_path / "new.yaml").write_text(new)
    text = spec_changes(tmp_path / "old.yaml", tmp_path / "new.yaml")
    loaded = yaml.safe_load(text)
    assert isinstance(loaded, dict)
    return loaded


def test_the_same_spec_changes_nothing_even_under_another_name(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(NGINX)
    (tmp_path / "b.yaml").write_text(NGINX)
    text = spec_changes(tmp_path / "a.yaml", tmp_path / "b.yaml")
    assert text == f'"{tmp_path / "b.yaml"}": {{}}  # no change\n'


def test_each_change_is_under_how_it_can_be_applied(tmp_path: Path) -> None:
    new = (
        NGINX.replace("nginx:1.27", "nginx:1.28")
        .replace("address: 10.10.0.10/24", "address: 10.10.0.11/24")
        .replace("  - name: br-app\n", "  - name: br-app\n    ports: [{name: eth9, vlan: 10}]\n")
        .replace("    - name: core\n", "    - name: ops\n    - name: core\n")
        .replace("  system_id: edge-01\n", "  system_id: edge-01\n  other_config: {a: b}\n")
        .replace("target:\n", "dpdk: {hugepages: {size: 2M, count: 512}, iommu: none}\ntarget:\n")
        + "  - name: db\n    image: docker.io/library/postgres:16\n"
        "    interfaces: [{bridge: br-app, address: 10.10.0.20/24}]\n"
    )
    (host,) = _plan(tmp_path, NGINX, new).values()
    assert set(host) == {"live", "restart", "reboot", "reprovision"}
    assert "bridge br-app: ports +eth9" in host["live"]
    assert "container web: its interfaces (attached again)" in host["live"]
    assert "container db: added (started)" in host["live"]
    (settings,) = [line for line in host["live"] if line.startswith("host open_vswitch: ")]
    assert 'other_config:a="b"' in settings
    assert "container web: its image" in host["restart"]
    assert "container db: added (started)" not in host["restart"]
    assert host["reboot"] == [
        "kernel arguments: +default_hugepagesz=2M hugepagesz=2M hugepages=512"
    ]
    assert host["reprovision"] == ["user ops: added"]
    # (each change once: a new container's data, unit and link are one line)
    assert len(host["live"]) == len(set(host["live"]))


def test_a_container_removed_a_bridge_removed_and_the_os_changed(tmp_path: Path) -> None:
    old = NGINX + "  - name: db\n    image: docker.io/library/postgres:16\n"
    new = NGINX.replace("os: fcos", "os: flatcar").replace("10.10.0.1/24", "10.10.0.2/24")
    (host,) = _plan(tmp_path, old, new).values()
    assert "container db: removed (stopped)" in host["live"]
    assert "bridge br-app: settings address" in host["live"]
    assert host["reprovision"] == [
        "the OS and Ignition version: fcos 3.4.0 -> flatcar 3.4.0",
        "host runtime: +docker -podman",
    ]


def test_a_command_volume_and_env_need_a_restart_keys_do_not(tmp_path: Path) -> None:
    new = NGINX.replace(
        "    image: docker.io/library/nginx:1.27\n",
        "    image: docker.io/library/nginx:1.27\n    env: {A: b}\n    volumes: [/srv:/srv]\n",
    ).replace("admin@example", "admin2@example")
    (host,) = _plan(tmp_path, NGINX, new).values()
    assert host["restart"] == ["container web: its env, volume"]
    assert host["live"] == ["user core: SSH keys: 1 added, 1 removed"]


def test_an_inventory_gives_each_host_its_own_changes(tmp_path: Path) -> None:
    """(the inventory names NEW, the spec its hosts are to run; OLD is an earlier one)"""
    (tmp_path / "old.yaml").write_text(SITE)
    (tmp_path / "site.yaml").write_text(SITE.replace("nginx:1.27", "nginx:1.28"))
    (tmp_path / "hosts.yaml").write_text(HOSTS)
    text = spec_changes(tmp_path / "old.yaml", tmp_path / "site.yaml", tmp_path / "hosts.yaml")
    assert yaml.safe_load(text) == {
        "edge-01": {"restart": ["container web: its image"]},
        "edge-02": {"restart": ["container web: its image"]},
    }


def test_the_command_prints_yaml_and_a_bad_spec_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "old.yaml").write_text(NGINX)
    (tmp_path / "new.yaml").write_text(NGINX.replace("nginx:1.27", "nginx:1.28"))
    runner = CliRunner()
    ok = runner.invoke(app, ["plan", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml")])
    assert ok.exit_code == 0, ok.output
    assert yaml.safe_load(ok.stdout) == {
        str(tmp_path / "new.yaml"): {"restart": ["container web: its image"]}
    }
    (tmp_path / "bad.yaml").write_text(NGINX.replace("br-app\n    address", "br app\n    address"))
    bad = runner.invoke(app, ["plan", str(tmp_path / "old.yaml"), str(tmp_path / "bad.yaml")])
    assert bad.exit_code == 1
    assert "bad.yaml:" in bad.output and "Traceback" not in bad.output
