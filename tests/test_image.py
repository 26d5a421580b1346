"""The OVS image recipe, images/ovs/Containerfile, built here with podman on a local Debian
base (no registry is reachable): the image every runtime test and the booted box run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .support.images import build_ovs_image, ovs_image, podman

pytestmark = [pytest.mark.podman, pytest.mark.ovs]

TOOLS = ("ovsdb-server", "ovs-vswitchd", "ovs-vsctl", "ovs-appctl", "ovs-ofctl", "ovsdb-tool")


def _inspect(conf: Path, image: str) -> dict[str, object]:
    config = json.loads(podman(conf, "image", "inspect", image).stdout)[0]["Config"]
    assert isinstance(config, dict)
    return config


def _sh(conf: Path, image: str, script: str) -> str:
    return podman(
        conf, "run", "--rm", "--network=none", "--entrypoint=/bin/sh", image, "-c", script
    ).stdout


def test_the_image_holds_the_ovs_tools_labels_and_no_entrypoint(conf: Path, tmp_path: Path) -> None:
    image = ovs_image(conf, tmp_path)
    config = _inspect(conf, image)
    labels = config["Labels"]
    assert isinstance(labels, dict)
    assert labels["org.opencontainers.image.version"] == "3.1"
    assert labels["org.opencontainers.image.source"]
    assert labels["io.ovs-ignite.dpdk"] == "false"
    assert not config.get("Entrypoint")  # the units give each container its command
    assert config["Cmd"] == ["ovs-vswitchd", "--version"]
    found = _sh(conf, image, "for t in " + " ".join(TOOLS) + " ip ethtool; do command -v $t; done")
    assert len(found.split()) == len(TOOLS) + 2
    assert "ovs-vswitchd (Open vSwitch) 3.1" in podman(conf, "run", "--rm", image).stdout
    schema = _sh(conf, image, "ovsdb-tool schema-version /usr/share/openvswitch/vswitch.ovsschema")
    assert schema.strip()


def test_the_dpdk_build_runs_the_dpdk_vswitchd_with_the_mempool_driver(
    conf: Path, tmp_path: Path
) -> None:
    image = ovs_image(conf, tmp_path, dpdk=True)
    assert _inspect(conf, image)["Labels"]["io.ovs-ignite.dpdk"] == "true"  # type: ignore[index]
    version = _sh(conf, image, "ovs-vswitchd --version")
    assert "DPDK" in version  # the alternative points at the DPDK build
    plugins = _sh(conf, image, "ls /usr/lib/x86_64-linux-gnu/dpdk/pmds-*/")
    assert "librte_mempool_ring.so" in plugins
    assert "librte_net_af_packet.so" in plugins and "librte_net_i40e.so" in plugins


def test_the_recipe_refuses_packages_of_another_ovs_version(conf: Path, tmp_path: Path) -> None:
    with pytest.raises(RuntimeError) as failed:
        build_ovs_image(
            conf,
            tmp_path,
            "localhost/ovs-ignite-test/ovs-wrong-version:1",
            options=("--build-arg=OVS_VERSION=3.3",),
        )
    assert "the packages hold Open vSwitch 3.1" in str(failed.value)
    assert "not 3.3" in str(failed.value)
