"""Each invalid spec gives exactly its expected error lines: file, line, column, key path."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovs_ignite import SpecError, load_spec

from .support.specs import DATA

INVALID = sorted((DATA / "invalid").glob("*.yaml"))


def test_there_are_at_least_forty_invalid_specs() -> None:
    assert len(INVALID) >= 40


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_spec_gives_its_exact_errors(path: Path) -> None:
    expected = path.with_suffix(".err").read_text().splitlines()
    with pytest.raises(SpecError) as caught:
        load_spec(path, path.name)
    assert [str(p) for p in caught.value.problems] == expected


@pytest.mark.parametrize("path", sorted((DATA / "valid").glob("*.yaml")), ids=lambda p: p.stem)
def test_valid_spec_loads(path: Path) -> None:
    load_spec(path)


def test_unreadable_file_is_an_error_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        load_spec(tmp_path / "missing.yaml", "missing.yaml")
    assert str(caught.value) == "missing.yaml:1:1: (file): cannot read: No such file or directory"


def test_yaml_12_keeps_words_and_pci_addresses_as_text() -> None:
    from ovs_ignite import parse_spec
    from ovs_ignite.records import BondPort

    spec = parse_spec(
        "version: 1\novs: {image: x/ovs}\n"
        "dpdk:\n  hugepages: {size: 2M, count: 512}\n  lcore_mask: 0x3\n  isolcpus: 3\n"
        "  devices: [{pci: 0000:03:00.0}]\n"
        "bridges:\n  - name: br0\n    datapath: netdev\n    ports:\n"
        "      - {name: b0, type: bond, interfaces: [e1, e2], lacp: off}\n"
    )
    assert spec.dpdk is not None
    assert spec.dpdk.devices[0].pci == "0000:03:00.0"
    assert spec.dpdk.lcore_mask == "0x3"
    assert spec.dpdk.isolcpus == "3"
    bond = spec.bridges[0].ports[0]
    assert isinstance(bond, BondPort)
    assert bond.lacp == "off"
