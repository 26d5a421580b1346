"""From a spec, the complete set of host artifacts: files, units, users, kernel arguments."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .models import Container, Spec
from .ovsconfig import bridge_command, open_vswitch_settings
from .runs import RUNTIME_BIN, container_run, ovsdb_run, state_files, vswitchd_run
from .templating import render_template

# Where the host script goes: systemd on FCOS may only execute files SELinux labels as
# programs, which /usr/local/bin (/var/usrlocal) is and /opt (/var/opt) is not; Flatcar's
# /usr is read-only and its own programs go to /opt/bin.
SCRIPT = {"fcos": "/usr/local/bin/ovs-ignite-host", "flatcar": "/opt/bin/ovs-ignite-host"}
CONFIG_DIR = "/etc/ovs-ignite"


@dataclass(frozen=True)
class HostFile:
    path: str
    mode: int
    contents: str


@dataclass(frozen=True)
class Dropin:
    name: str
    contents: str


@dataclass(frozen=True)
class HostUnit:
    name: str
    contents: str | None = None
    enabled: bool | None = None
    dropins: tuple[Dropin, ...] = ()


@dataclass(frozen=True)
class HostUser:
    name: str
    ssh_authorized_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class HostPlan:
    """Everything Ignition puts on the host; Butane and Ignition are two spellings of it."""

    os: str
    ignition_version: str
    files: tuple[HostFile, ...] = ()
    units: tuple[HostUnit, ...] = ()
    users: tuple[HostUser, ...] = ()
    kernel_arguments: tuple[str, ...] = field(default_factory=tuple)


def host_interface_name(container: str, ifname: str) -> str:
    """The host end of a container's veth: 15 characters, the same on every boot."""
    digest = hashlib.sha256(f"{container}/{ifname}".encode()).hexdigest()
    return "ovi" + digest[:12]


def default_mac(container: str, ifname: str) -> str:
    """A stable, locally administered unicast MAC for a container interface."""
    digest = hashlib.sha256(f"mac:{container}/{ifname}".encode()).digest()
    return ":".join(f"{b:02x}" for b in (0x02, *digest[:5]))


def kernel_arguments(spec: Spec) -> list[str]:
    """Kernel arguments the spec needs, in the order the kernel reads them."""
    dpdk = spec.dpdk
    if dpdk is None:
        return []
    size = dpdk.hugepages.size
    args = [f"default_hugepagesz={size} hugepagesz={size} hugepages={dpdk.hugepages.count}"]
    if dpdk.iommu != "none":
        args += [f"{dpdk.iommu}_iommu=on", "iommu=pt"]
    if dpdk.isolcpus:
        args.append(f"isolcpus={dpdk.isolcpus}")
    return args


def interfaces_table(spec: Spec, container: Container) -> str:
    """The attach data of container: one line per interface, fields split by spaces.

    No field can hold a space (the spec's checks see to that); '-' stands for none.
    """
    bridges = {b.name: b for b in spec.bridges}
    lines = ["# ifname bridge host_if mac mtu vlan address gateway datapath ('-': none)"]
    for i, iface in enumerate(container.interfaces):
        ifname = container.interface_name(i)
        bridge = bridges[iface.bridge]
        mtu = iface.mtu or bridge.mtu
        fields = [
            ifname,
            bridge.name,
            host_interface_name(container.name, ifname),
            iface.mac or default_mac(container.name, ifname),
            str(mtu) if mtu else "-",
            str(iface.vlan) if iface.vlan else "-",
            iface.address or "-",
            iface.gateway or "-",
            spec.datapath(bridge),
        ]
        lines.append(" ".join(fields))
    return "\n".join(lines) + "\n"


def header_name(spec_name: str) -> str:
    """The spec's file name as generated headers name it: its last part, one safe line."""
    return re.sub(r"[^A-Za-z0-9_.+@ <>-]", "?", spec_name.rsplit("/", 1)[-1])[:120]


def build_plan(spec: Spec, spec_name: str = "spec.yaml") -> HostPlan:
    """Every file, unit, user and kernel argument a host of this spec needs."""
    script = SCRIPT[spec.target.os]
    ctx = {
        "spec_name": header_name(spec_name),
        "runtime": spec.runtime,
        "runtime_bin": RUNTIME_BIN[spec.runtime],
        "ovs": spec.ovs,
        "script": script,
    }
    devices = [d.pci for d in spec.dpdk.devices] if spec.dpdk else []
    files: list[HostFile] = []
    units: list[HostUnit] = []
    if spec.host and spec.host.hostname:
        files.append(HostFile("/etc/hostname", 0o644, spec.host.hostname + "\n"))
    modules = ["openvswitch", *(["vfio-pci"] if devices else [])]
    files.append(
        HostFile(
            "/etc/modules-load.d/ovs-ignite.conf",
            0o644,
            render_template("modules-load.conf.j2", modules=modules, **ctx),
        )
    )
    files.append(
        HostFile(
            "/etc/tmpfiles.d/ovs-ignite.conf", 0o644, render_template("tmpfiles.conf.j2", **ctx)
        )
    )
    bridges = [
        {
            "name": b.name,
            "command": bridge_command(spec, b),
            "address": b.address,
            "mtu": b.mtu,
            "controllers": b.controllers or [],
        }
        for b in spec.bridges
    ]
    configure = open_vswitch_settings(spec)
    files.append(
        HostFile(
            script,
            0o755,
            render_template(
                "ovs-ignite-host.j2",
                bridges=bridges,
                dpdk_devices=devices,
                configure_commands=[["set", "Open_vSwitch", ".", *configure]] if configure else [],
                **ctx,
            ),
        )
    )

    units.append(
        HostUnit(
            "ovsdb-server.service",
            render_template(
                "ovsdb-server.service.j2",
                ovsdb_run=ovsdb_run(spec),
                state_files=state_files(spec, "ovsdb-server"),
                **ctx,
            ),
            enabled=True,
        )
    )
    units.append(
        HostUnit(
            "ovs-vswitchd.service",
            render_template(
                "ovs-vswitchd.service.j2",
                vswitchd_run=vswitchd_run(spec),
                state_files=state_files(spec, "ovs-vswitchd"),
                dpdk_bind=bool(devices),
                **ctx,
            ),
            enabled=True,
        )
    )
    units.append(
        HostUnit(
            "ovs-ignite-bridges.service",
            render_template("ovs-ignite-bridges.service.j2", **ctx),
            enabled=True,
        )
    )
    if devices:
        units.append(
            HostUnit(
                "ovs-ignite-dpdk-bind.service",
                render_template("ovs-ignite-dpdk-bind.service.j2", **ctx),
                enabled=True,
            )
        )

    attached = [c for c in spec.containers if c.interfaces]
    if attached:
        units.append(
            HostUnit("ovs-attach@.service", render_template("ovs-attach@.service.j2", **ctx))
        )
    for container in spec.containers:
        unit = container.unit_name
        if container.image is not None:
            units.append(
                HostUnit(
                    unit,
                    render_template(
                        "container.service.j2",
                        container=container,
                        run=container_run(spec, container),
                        state_files=state_files(spec, container.name),
                        **ctx,
                    ),
                    enabled=True,
                )
            )
        if not container.interfaces:
            continue
        files.append(
            HostFile(
                f"{CONFIG_DIR}/containers/{container.name}.interfaces",
                0o644,
                interfaces_table(spec, container),
            )
        )
        units.append(
            HostUnit(
                f"ovs-attach@{container.name}.service",
                enabled=True,
                dropins=(
                    Dropin(
                        "10-container.conf",
                        render_template(
                            "attach-binding.conf.j2",
                            container_name=container.name,
                            unit=unit,
                            **ctx,
                        ),
                    ),
                ),
            )
        )
        if container.unit is not None:
            units.append(
                HostUnit(
                    unit,
                    dropins=(
                        Dropin(
                            "50-ovs-attach.conf",
                            render_template(
                                "unit-wants-attach.conf.j2", container_name=container.name, **ctx
                            ),
                        ),
                    ),
                )
            )

    users = tuple(
        HostUser(u.name, tuple(u.ssh_authorized_keys))
        for u in (spec.host.users if spec.host else [])
    )
    return HostPlan(
        os=spec.target.os,
        ignition_version=spec.target.ignition,
        files=tuple(files),
        units=tuple(units),
        users=users,
        kernel_arguments=tuple(kernel_arguments(spec)),
    )
