"""render --inventory: one shared spec, per-host overlays merged by name, every error at its
line in HOSTS (or in the spec, naming the host), one config per host or none."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ovs_ignite import parse_spec, render
from ovs_ignite.errors import SpecError
from ovs_ignite.inventory import load_inventory

SITE = """\
version: 1
host:
  hostname: template
  users:
    - name: core
      ssh_authorized_keys: ["ssh-ed25519 AAAAsite admin@site"]
ovs:
  image: registry.example.com/ovs-ignite/openvswitch:3.1
dpdk:
  hugepages: {size: 2M, count: 512}
  iommu: none
  socket_mem: "512"
  devices: [{pci: "0000:03:00.0"}]
bridges:
  - name: br-ex
    datapath: netdev
    ports:
      - {name: dpdk0, type: dpdk, pci: "0000:03:00.0"}
      - {name: vx0, type: vxlan, remote_ip: 192.0.2.1, key: 42}
  - name: br-app
    datapath: netdev
    address: 10.10.0.1/24
containers:
  - name: web
    image: docker.io/library/nginx:1.27
    interfaces:
      - {bridge: br-app, address: 10.10.0.10/24}
"""

HOSTS = """\
version: 1
spec: site.yaml
hosts:
  - name: edge-01
    mac: "52:54:00:12:34:01"
    set:
      host:
        hostname: edge-01
        users:
          - {name: core, ssh_authorized_keys: ["ssh-ed25519 AAAAone ops@edge-01"]}
          - {name: ops}
      ovs: {system_id: edge-01}
      dpdk: {devices: [{pci: "0000:81:00.0"}]}
      bridges:
        - name: br-ex
          datapath_id: "00000000000000e1"
          ports:
            - {name: dpdk0, pci: "0000:81:00.0"}
            - {name: vx0, remote_ip: 192.0.2.101}
        - {name: br-app, address: 10.10.1.1/24}
      containers:
        - name: web
          interfaces: [{address: 10.10.1.10/24}]
  - name: edge-02
    set:
      host: {hostname: edge-02}
      bridges:
        - {name: br-app, address: 10.10.2.1/24}
        - {name: br-extra}
"""

# What each host's spec must be, written out by hand.
EDGE_01 = (
    SITE.replace("hostname: template", "hostname: edge-01")
    .replace("ssh-ed25519 AAAAsite admin@site", "ssh-ed25519 AAAAone ops@edge-01")
    .replace(
        '["ssh-ed25519 AAAAone ops@edge-01"]\n',
        '["ssh-ed25519 AAAAone ops@edge-01"]\n    - name: ops\n',
    )
    .replace("  image: registry", "  system_id: edge-01\n  image: registry")
    .replace('"0000:03:00.0"', '"0000:81:00.0"')
    .replace(
        "    datapath: netdev\n    ports:",
        '    datapath: netdev\n    datapath_id: "00000000000000e1"\n    ports:',
    )
    .replace("192.0.2.1,", "192.0.2.101,")
    .replace("10.10.0.1/24", "10.10.1.1/24")
    .replace("10.10.0.10/24", "10.10.1.10/24")
)  # fmt: skip
EDGE_02 = (
    SITE.replace("hostname: template", "hostname: edge-02")
    .replace("10.10.0.1/24", "10.10.2.1/24")
    .replace("containers:", "  - name: br-extra\ncontainers:")
)


def _write(tmp_path: Path, hosts: str = HOSTS) -> tuple[Path, Path]:
    (tmp_path / "site.yaml").write_text(SITE)
    (tmp_path / "hosts.yaml").write_text(hosts)
    return tmp_path / "site.yaml", tmp_path / "hosts.yaml"


def test_each_host_gets_the_spec_with_its_own_values(tmp_path: Path) -> None:
    site, hosts = _write(tmp_path)
    loaded = load_inventory(hosts, site, "site.yaml")
    assert [(h.name, h.mac) for h in loaded] == [
        ("edge-01", "52:54:00:12:34:01"),
        ("edge-02", None),
    ]
    for host, expected in zip(loaded, (EDGE_01, EDGE_02), strict=True):
        wanted = parse_spec(expected, "site.yaml")
        assert host.spec == wanted, host.name
        assert render(host.spec, "site.yaml") == render(wanted, "site.yaml")
    assert loaded[1].spec.containers[0].interfaces[0].address == "10.10.0.10/24"  # kept


def test_errors_of_every_host_are_reported_at_once_where_they_are(tmp_path: Path) -> None:
    bad = """\
version: 1
spec: site.yaml
hosts:
  - name: edge-01
    set:
      bridges:
        - {name: br-app, mtu: 99999}
        - {name: br-new, ports: [{name: eth9, vlan: 5000}]}
      containers:
        - name: web
          interfaces: [{address: 10.10.9.10/24}]
  - name: edge-02
    set:
      ovs: {imgae: x}
      containers:
        - {name: web, interfaces: [{name: eth1, gateway: 10.99.0.1}]}
"""
    site, hosts = _write(tmp_path, bad)
    with pytest.raises(SpecError) as caught:
        load_inventory(hosts, site, "site.yaml")
    assert str(caught.value).splitlines() == [
        f"{hosts}:7:31: hosts[0].set.bridges[0].mtu: 99999 is not an MTU (68-65535)",
        f"{hosts}:8:53: hosts[0].set.bridges[1].ports[0].vlan: 5000 is not a VLAN id (1-4094)",
        f"{hosts}:14:13: hosts[1].set.ovs.imgae: unknown key 'imgae' (expected one of: image, "
        "privileged, system_id, other_config, external_ids, managers, allow_insecure_manager, "
        "ssl, schema, vswitchd, init, auto_update)",
        f"{hosts}:16:58: hosts[1].set.containers[0].interfaces[0].gateway: 10.99.0.1 is "
        "outside 10.10.0.0/24",
    ]


def test_the_inventory_itself_is_checked(tmp_path: Path) -> None:
    bad = """\
version: 2
spec: other.yaml
colour: blue
hosts:
  - name: edge-01
  - name: edge-01
  - {name: Edge_3, mac: "01:00:5e:00:00:01"}
  - {name: edge-4, mac: "zz"}
  - {name: edge-5, set: [1]}
"""
    site, hosts = _write(tmp_path, bad)
    with pytest.raises(SpecError) as caught:
        load_inventory(hosts, site, "site.yaml")
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{hosts}:1:10: version: 2 is not an inventory version; write version: 1"
    assert lines[1].startswith(f"{hosts}:2:7: spec: names ") and "other.yaml" in lines[1]
    assert lines[2] == (
        f"{hosts}:3:1: colour: unknown key 'colour' (expected one of: version, spec, hosts)"
    )
    assert lines[3] == f"{hosts}:6:11: hosts[1].name: 'edge-01' is taken by hosts[0]"
    assert lines[4].startswith(f"{hosts}:7:12: hosts[2].name: 'Edge_3' is not a host name")
    assert lines[5].startswith(f"{hosts}:8:25: hosts[3].mac: ")
    assert lines[6] == f"{hosts}:9:25: hosts[4].set: expected a mapping: the values that differ"
    assert len(lines) == 7


def test_two_hosts_with_one_mac_and_null_overlays_are_refused(tmp_path: Path) -> None:
    # (issue 26, item 12: matchbox got two groups with one selector, and host: null dropped
    # the users and their keys though overlays remove nothing)
    bad = """\
version: 1
spec: site.yaml
hosts:
  - {name: edge-01, mac: "52:54:00:12:34:01"}
  - {name: edge-02, mac: "52:54:00:12:34:01"}
  - name: edge-03
    set: {host: null}
  - name: edge-04
    set:
      bridges: [{name: br0, address: null}]
"""
    site, hosts = _write(tmp_path, bad)
    with pytest.raises(SpecError) as caught:
        load_inventory(hosts, site, "site.yaml")
    lines = str(caught.value).splitlines()
    assert lines == [
        f"{hosts}:5:26: hosts[1].mac: 52:54:00:12:34:01 is taken by hosts[0]",
        f"{hosts}:7:17: hosts[2].set.host: null removes nothing here: an overlay only sets values",
        f"{hosts}:10:38: hosts[3].set.bridges[0].address: null removes nothing here: an overlay "
        "only sets values",
    ]


def render_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ovs_ignite", "render", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_render_writes_one_config_per_host_or_none(tmp_path: Path) -> None:
    site, hosts = _write(tmp_path)
    out = tmp_path / "out"
    done = render_cli(str(site), "--inventory", str(hosts), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["edge-01.ign", "edge-02.ign"]
    assert (out / "edge-02.ign").read_text() == render(parse_spec(EDGE_02, "site.yaml"), str(site))
    butane = render_cli(str(site), "--inventory", str(hosts), "--format", "butane", "-o", str(out))
    assert butane.returncode == 0 and (out / "edge-01.bu").exists()

    broken = tmp_path / "broken.yaml"
    broken.write_text(HOSTS + "  - {name: edge-03, set: {bridges: [{name: br-app, mtu: 1}]}}\n")
    failed = render_cli(str(site), "--inventory", str(broken), "-o", str(tmp_path / "none"))
    assert failed.returncode == 1
    assert "hosts[2].set.bridges[0].mtu: 1 is not an MTU" in failed.stderr
    assert not (tmp_path / "none").exists()  # not even edge-01's and edge-02's
    usage = render_cli(str(site), "--inventory", str(hosts))
    assert usage.returncode == 2 and "--inventory needs -o DIR" in usage.stderr


@pytest.mark.parametrize(
    "text",
    [
        "version: 1\nspec: site.yaml\nhosts: &h [{name: a, set: *h}]\n",
        "version: 1\nspec: site.yaml\nhosts: [{name: a, set: {ovs: !!python/name:os.system x}}]\n",
        'version: 1\nspec: site.yaml\nhosts: [{name: "a\\u2028b"}]\n',
        "- not a mapping\n",
        "",
    ],
    ids=["alias", "python-tag", "line-separator", "list", "empty"],
)
def test_a_hostile_inventory_is_refused_with_a_clear_error(text: str, tmp_path: Path) -> None:
    site, hosts = _write(tmp_path, text)
    out = tmp_path / "out"
    result = render_cli(str(site), "--inventory", str(hosts), "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"{hosts}:") and "Traceback" not in result.stderr
    assert not out.exists()


def _matchbox_select(folder: Path, labels: dict[str, str]) -> bytes | None:
    """The Ignition config matchbox serves for a machine's labels, selected as matchbox's
    server does: groups by decreasing number of selectors (then their sorted key=value
    text), the first whose every selector the labels have; its profile; its ignition_id."""
    groups = [json.loads(p.read_text()) for p in (folder / "groups").glob("*.json")]

    def order(group: dict[str, Any]) -> tuple[int, str]:
        selector = group.get("selector", {})
        return len(selector), ",".join(sorted(f"{k}={v}" for k, v in selector.items()))

    for group in sorted(groups, key=order, reverse=True):
        if all(labels.get(k) == v for k, v in group.get("selector", {}).items()):
            profile = json.loads((folder / "profiles" / f"{group['profile']}.json").read_text())
            return (folder / "ignition" / str(profile["ignition_id"])).read_bytes()
    return None


def test_matchbox_layout_gives_each_machine_its_own_config(tmp_path: Path) -> None:
    site, _ = _write(tmp_path)
    hosts = tmp_path / "fleet.yaml"
    hosts.write_text(
        HOSTS.replace("  - name: edge-02\n", '  - name: edge-02\n    mac: "52:54:00:AB:CD:02"\n')
    )
    folder = tmp_path / "matchbox"
    url = "http://matchbox.example.com:8080"
    done = render_cli(str(site), "--inventory", str(hosts), "--matchbox", str(folder),
                      "--matchbox-url", url)  # fmt: skip
    assert done.returncode == 0, done.stderr
    # An operator's own catch-all group, as matchbox setups often have one.
    (folder / "groups/default.json").write_text(
        json.dumps({"id": "default", "name": "default", "profile": "edge-01"})
    )
    loaded = load_inventory(hosts, site, str(site))
    for host in loaded:
        assert host.mac is not None
        config = _matchbox_select(folder, {"mac": host.mac.lower(), "uuid": "x"})
        assert config == render(host.spec, str(site)).encode(), host.name
        profile = json.loads((folder / f"profiles/{host.name}.json").read_text())
        assert profile["boot"]["args"] == [
            "initrd=main",
            f"coreos.live.rootfs_url={url}/assets/fedora-coreos/fedora-coreos-live-rootfs.x86_64.img",
            "ignition.firstboot",
            "ignition.platform.id=metal",
            f"ignition.config.url={url}/ignition?mac=${{mac:hexhyp}}",
            "default_hugepagesz=2M",
            "hugepagesz=2M",
            "hugepages=512",
        ]
    group = json.loads((folder / "groups/edge-02.json").read_text())
    assert group == {
        "id": "edge-02", "name": "edge-02", "profile": "edge-02",
        "selector": {"mac": "52:54:00:ab:cd:02"},
    }  # fmt: skip
    # A machine no group names gets the catch-all's.
    other = _matchbox_select(folder, {"mac": "52:54:00:00:00:99"})
    assert other == (folder / "ignition/edge-01.ign").read_bytes()

    no_mac = render_cli(str(site), "--inventory", str(site.parent / "hosts.yaml"), "--matchbox",
                        str(tmp_path / "m2"), "--matchbox-url", url)  # fmt: skip
    assert no_mac.returncode == 1 and "give mac for: edge-02" in no_mac.stderr
    assert not (tmp_path / "m2").exists()


@pytest.mark.parametrize("version", ["3.5.0", "3.6.0"])
def test_matchbox_refuses_a_config_version_it_cannot_serve(version: str, tmp_path: Path) -> None:
    """matchbox parses each Ignition file with its 3.4.0 parser (ParseCompatibleVersion),
    which refuses 3.5.0 and newer: it would serve such a host nothing."""
    site, _ = _write(tmp_path)
    target = f"version: 1\ntarget: {{ignition: {version}}}\n"
    site.write_text(SITE.replace("version: 1\n", target, 1))
    hosts = tmp_path / "fleet.yaml"
    hosts.write_text(
        HOSTS.replace("  - name: edge-02\n", '  - name: edge-02\n    mac: "52:54:00:AB:CD:02"\n')
    )
    folder = tmp_path / "matchbox"
    refused = render_cli(str(site), "--inventory", str(hosts), "--matchbox", str(folder),
                         "--matchbox-url", "http://m:8080")  # fmt: skip
    assert refused.returncode == 1, refused.stderr
    assert "matchbox reads Ignition configs up to version 3.4.0" in refused.stderr
    assert f"not {version}" in refused.stderr
    assert not folder.exists()
    plain = render_cli(str(site), "--inventory", str(hosts), "-o", str(tmp_path / "out"))
    assert plain.returncode == 0, plain.stderr  # (only matchbox is refused)


@pytest.mark.parametrize(
    "url", ["ftp://m:8080", "http://m:8080/ x", "http://m/\u2028", "http://m/{{.x}}", "http://m/'"]
)
def test_a_matchbox_url_that_would_break_its_files_is_refused(url: str, tmp_path: Path) -> None:
    site, _ = _write(tmp_path)
    hosts = tmp_path / "fleet.yaml"
    hosts.write_text(
        HOSTS.replace("  - name: edge-02\n", '  - name: edge-02\n    mac: "52:54:00:ab:cd:02"\n')
    )
    folder = tmp_path / "mb"
    result = render_cli(str(site), "--inventory", str(hosts), "--matchbox", str(folder),
                        "--matchbox-url", url)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith(f"--matchbox-url {url!r}: ")
    assert not folder.exists()


def test_an_output_folder_that_cannot_be_made_is_one_clear_error(tmp_path: Path) -> None:
    site, hosts = _write(tmp_path)
    (tmp_path / "afile").write_text("")
    result = render_cli(str(site), "--inventory", str(hosts), "-o", str(tmp_path / "afile/out"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"{tmp_path}/afile/out: cannot make the folder: Not a directory"


def test_overlays_merge_units_by_name_and_files_by_path(tmp_path: Path) -> None:
    """A host adds a drop-in to a unit of the spec and changes a file's contents (several
    lines, in the overlay): units and drop-ins merge by name, files by path."""
    site = (
        "version: 1\novs: {image: quay.io/x/ovs:3}\n"
        'units: [{name: a.service, contents: "[Service]\\nExecStart=/bin/true\\n"}]\n'
        'files: [{path: /etc/motd, contents: "site\\n"}, {path: /etc/issue, contents: "x"}]\n'
    )
    hosts = (
        "version: 1\nspec: site.yaml\nhosts:\n  - name: lab-01\n    set:\n"
        '      units: [{name: a.service, dropins: [{name: 10-x.conf, contents: "[Unit]\\n"}]}]\n'
        '      files: [{path: /etc/motd, contents: "lab-01\\nwelcome\\n"}]\n'
    )
    (tmp_path / "site.yaml").write_text(site)
    (tmp_path / "hosts.yaml").write_text(hosts)
    (host,) = load_inventory(tmp_path / "hosts.yaml", tmp_path / "site.yaml", "site.yaml")
    (unit,) = host.spec.units
    assert unit.contents == "[Service]\nExecStart=/bin/true\n"
    assert [d.name for d in unit.dropins] == ["10-x.conf"]
    assert [(f.path, f.contents) for f in host.spec.files] == [
        ("/etc/motd", "lab-01\nwelcome\n"),
        ("/etc/issue", "x"),
    ]


def test_overlays_merge_switches_units_and_files_by_name_and_path(tmp_path: Path) -> None:
    """A host adds an OVS instance and a bridge in it, a drop-in to a unit of the spec and
    changes a file's contents: switches, units and drop-ins merge by name, files by path."""
    site = (
        "version: 1\novs: {image: quay.io/x/ovs:3}\n"
        "switches: [{name: lab1}]\n"
        'units: [{name: a.service, contents: "[Service]\\nExecStart=/bin/true\\n"}]\n'
        'files: [{path: /etc/motd, contents: "site\\n"}]\n'
    )
    hosts = (
        "version: 1\nspec: site.yaml\nhosts:\n  - name: lab-01\n    set:\n"
        "      switches: [{name: lab1, image: quay.io/x/ovs:4}, {name: lab2}]\n"
        "      bridges: [{name: br-lab2, switch: lab2}]\n"
        '      units: [{name: a.service, dropins: [{name: 10-x.conf, contents: "[Unit]\\n"}]}]\n'
        '      files: [{path: /etc/motd, contents: "lab-01\\n"}]\n'
    )
    (tmp_path / "site.yaml").write_text(site)
    (tmp_path / "hosts.yaml").write_text(hosts)
    (host,) = load_inventory(tmp_path / "hosts.yaml", tmp_path / "site.yaml", "site.yaml")
    assert [(s.name, s.image) for s in host.spec.switches] == [
        ("lab1", "quay.io/x/ovs:4"),
        ("lab2", None),
    ]
    assert [b.switch for b in host.spec.bridges] == ["lab2"]
    (unit,) = host.spec.units
    assert (
        unit.contents == "[Service]\nExecStart=/bin/true\n" and unit.dropins[0].name == "10-x.conf"
    )
    assert [(f.path, f.contents) for f in host.spec.files] == [("/etc/motd", "lab-01\n")]
