"""From a spec, the complete set of host artifacts: files, units, users, kernel arguments."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from .models import Bridge, Container, Port, Spec
from .templating import render_template

# Where the host script goes: systemd on FCOS may only execute files SELinux labels as
# programs, which /usr/local/bin (/var/usrlocal) is and /opt (/var/opt) is not; Flatcar's
# /usr is read-only and its own programs go to /opt/bin.
SCRIPT = {"fcos": "/usr/local/bin/ovs-ignite-host", "flatcar": "/opt/bin/ovs-ignite-host"}
CONFIG_DIR = "/etc/ovs-ignite"
# podman writes each container's PID and ID here; the attach reads them (no podman call).
STATE_DIR = "/run/ovs-ignite"
RUNTIME_BIN = {"podman": "/usr/bin/podman", "docker": "/usr/bin/docker"}
OVSDB_SOCKET = "unix:/run/openvswitch/db.sock"
# Capabilities ovs-vswitchd needs: netlink and interface setup (NET_ADMIN), raw and
# broadcast sockets of userspace ports (NET_RAW, NET_BROADCAST), --mlockall (IPC_LOCK),
# thread priorities of its handlers and PMD threads (SYS_NICE).
VSWITCHD_CAPS = ("NET_ADMIN", "NET_RAW", "NET_BROADCAST", "IPC_LOCK", "SYS_NICE")
# DPDK also reads physical addresses of its hugepages (SYS_RAWIO).
DPDK_CAPS = ("SYS_RAWIO",)
OVSDB_ARGS = (
    "/var/lib/openvswitch/conf.db",
    "--remote=punix:/run/openvswitch/db.sock",
    "--remote=db:Open_vSwitch,Open_vSwitch,manager_options",
    "--pidfile=/run/openvswitch/ovsdb-server.pid",
    "--unixctl=/run/openvswitch/ovsdb-server.ctl",
    "-vconsole:info",
    "-vsyslog:off",
)


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


def _ovsdb_string(value: str) -> str:
    """An OVSDB string atom (JSON-quoted), so ovs-vsctl takes value literally."""
    return json.dumps(value)


def open_vswitch_settings(spec: Spec) -> list[str]:
    """The ``column:key=value`` settings of the Open_vSwitch record."""
    other: dict[str, str] = {}
    if spec.dpdk:
        other["dpdk-init"] = "true"
        for key, value in (
            ("dpdk-socket-mem", spec.dpdk.socket_mem),
            ("dpdk-lcore-mask", spec.dpdk.lcore_mask),
            ("pmd-cpu-mask", spec.dpdk.pmd_cpu_mask),
            ("dpdk-extra", spec.dpdk.extra),
        ):
            if value is not None:
                other[key] = value
    other.update(spec.ovs.other_config)
    settings = [f"other_config:{k}={_ovsdb_string(v)}" for k, v in other.items()]
    if spec.ovs.system_id:
        settings.append(f"external_ids:system-id={_ovsdb_string(spec.ovs.system_id)}")
    return settings


def _port_commands(bridge: Bridge, port: Port) -> list[str]:
    name = port.name
    if port.type == "bond":
        cmd = ["--", "--may-exist", "add-bond", bridge.name, name, *(port.interfaces or [])]
        cmd += [
            "--",
            "set",
            "port",
            name,
            f"bond_mode={port.bond_mode or 'active-backup'}",
            f"lacp={port.lacp or 'off'}",
        ]
    else:
        cmd = ["--", "--may-exist", "add-port", bridge.name, name]
        iface = ["--", "set", "interface", name]
        if port.type == "dpdk":
            iface += ["type=dpdk", f"options:dpdk-devargs={port.pci or port.devargs}"]
        elif port.type in ("vxlan", "geneve", "gre"):
            iface += [f"type={port.type}", f"options:remote_ip={port.remote_ip}"]
            if port.key is not None:
                iface.append(f"options:key={port.key}")
        elif port.type == "patch":
            iface += ["type=patch", f"options:peer={port.peer}"]
        elif port.type == "internal":
            iface.append("type=internal")
        else:
            iface.append('type=""')
        cmd += iface
    if port.vlan is not None:
        cmd += ["--", "set", "port", name, f"tag={port.vlan}"]
    else:
        cmd += ["--", "clear", "port", name, "tag"]
    if port.trunks is not None:
        cmd += ["--", "set", "port", name, "trunks=" + ",".join(str(t) for t in port.trunks)]
    else:
        cmd += ["--", "clear", "port", name, "trunks"]
    return cmd


def bridge_command(spec: Spec, bridge: Bridge) -> list[str]:
    """One ovs-vsctl transaction that makes bridge and its ports as the spec says."""
    name = bridge.name
    cmd = [
        "--may-exist",
        "add-br",
        name,
        "--",
        "set",
        "bridge",
        name,
        f"datapath_type={spec.datapath(bridge)}",
        f"fail_mode={bridge.fail_mode}",
    ]
    if bridge.protocols:
        cmd.append("protocols=" + ",".join(bridge.protocols))
    else:
        cmd += ["--", "clear", "bridge", name, "protocols"]
    if not bridge.controllers:
        cmd += ["--", "del-controller", name]
    # Controllers are set by the script only when they differ: setting them anew would
    # replace the Controller records and drop the live OpenFlow connections.
    if bridge.mtu:
        cmd += ["--", "set", "interface", name, f"mtu_request={bridge.mtu}"]
    else:
        cmd += ["--", "clear", "interface", name, "mtu_request"]
    for port in bridge.ports:
        cmd += _port_commands(bridge, port)
    return cmd


def interfaces_table(spec: Spec, container: Container) -> str:
    """The attach data of container: one line per interface, fields split by spaces.

    No field can hold a space (the spec's checks see to that); '-' stands for none.
    """
    bridges = {b.name: b for b in spec.bridges}
    lines = ["# ifname bridge host_if mac mtu vlan address gateway datapath ('-': none)"]
    for i, iface in enumerate(container.interfaces):
        ifname = iface.name or f"eth{i + 1}"
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


def _run_prefix(spec: Spec, name: str, network: str) -> list[str]:
    runtime = spec.runtime
    args = [RUNTIME_BIN[runtime], "run", "--name", name]
    if runtime == "podman":
        # podman's own recipe for systemd: detach, and let conmon tell systemd READY=1 and
        # MAINPID=<conmon>. systemd then watches conmon, which ends with the container: a
        # crash or a `podman restart` ends the main process and Restart= starts it anew.
        # No --rm, so that `podman restart` works; ExecStopPost= removes the container.
        args += [
            "--detach",
            "--replace",
            "--sdnotify=conmon",
            "--cgroups=no-conmon",
            *(
                f"--{kind}file={path}"
                for kind, path in zip(("pid", "cid"), state_files(spec, name), strict=True)
            ),
        ]
    else:
        args.append("--rm")
    return [*args, f"--network={network}", "--log-driver=journald", "--pull=never"]


def state_files(spec: Spec, name: str) -> list[str]:
    """The PID and container-ID files the podman unit of container name writes."""
    if spec.runtime != "podman":
        return []
    return [f"{STATE_DIR}/{name}.pid", f"{STATE_DIR}/{name}.cid"]


def ovsdb_run(spec: Spec) -> list[str]:
    args = _run_prefix(spec, "ovsdb-server", "host")
    if spec.ovs.privileged:
        args.append("--privileged")
    else:
        args += ["--cap-drop=all", "--security-opt=no-new-privileges"]
    args += [
        "--volume=/var/lib/openvswitch:/var/lib/openvswitch:Z",
        "--volume=/run/openvswitch:/run/openvswitch:z",
        "--entrypoint=ovsdb-server",
        spec.ovs.image,
        *OVSDB_ARGS,
    ]
    return args


def vswitchd_run(spec: Spec) -> list[str]:
    args = _run_prefix(spec, "ovs-vswitchd", "host")
    if spec.ovs.privileged:
        args.append("--privileged")
    else:
        caps = VSWITCHD_CAPS + (DPDK_CAPS if spec.dpdk else ())
        args += [
            "--cap-drop=all",
            *(f"--cap-add={cap}" for cap in caps),
            "--security-opt=no-new-privileges",
            "--device=/dev/net/tun",
        ]
        if spec.dpdk and spec.dpdk.devices:
            # vfio-pci NICs; /dev/vfio exists once vfio-pci is loaded (dpdk-bind runs first).
            args.append("--device=/dev/vfio")
    args.append("--volume=/run/openvswitch:/run/openvswitch:z")
    if spec.dpdk:
        args.append("--volume=/dev/hugepages:/dev/hugepages")
    args += [
        f"--entrypoint={spec.ovs.vswitchd}",
        spec.ovs.image,
        OVSDB_SOCKET,
        "--pidfile=/run/openvswitch/ovs-vswitchd.pid",
        "--unixctl=/run/openvswitch/ovs-vswitchd.ctl",
        "-vconsole:info",
        "-vsyslog:off",
        "--mlockall",
    ]
    return args


def container_run(spec: Spec, container: Container) -> list[str]:
    args = _run_prefix(spec, container.name, "none")
    for key, value in container.env.items():
        args.append(f"--env={key}={value}")
    args += [f"--volume={volume}" for volume in container.volumes]
    return [*args, container.image or "", *container.command]


def _sanitize_name(spec_name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.+@ -]", "?", spec_name)[:120]


def build_plan(spec: Spec, spec_name: str = "spec.yaml") -> HostPlan:
    """Every file, unit, user and kernel argument a host of this spec needs."""
    script = SCRIPT[spec.target.os]
    ctx = {
        "spec_name": _sanitize_name(spec_name),
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
        unit = container.unit or f"{container.name}.service"
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
