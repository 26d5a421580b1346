"""From a spec, the complete set of host artifacts: files, units, users, kernel arguments.

Two steps: ``host_model`` computes what the host needs as typed values (the data of the host
script, the run commands of the units); ``build_plan`` turns that model into files and
units. The host script and the units that are the same on every host come from ``units/``
unchanged; only data and the per-spec units are rendered.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass
from functools import cache

from . import names
from .artifacts import Dropin, HostFile, HostLink, HostPlan, HostUnit, HostUser
from .hostdata import data_text, format_text, script_text, unit_source
from .models import BondPort, Container, LinkPort, Spec
from .ovsconfig import bridge_commands, bridge_settings, open_vswitch_settings
from .runs import (
    NAME_SPECIFIER,
    container_prefix,
    ovs_image,
    ovsdb_run,
    state_files,
    vswitchd_run,
)
from .templating import render_template
from .values import MAIN_SWITCH

# -- the host model -----------------------------------------------------------------------------


@dataclass(frozen=True)
class InterfaceData:
    """One interface of a container, as the attach reads it ('-': none)."""

    ifname: str
    bridge: str
    host_if: str
    mac: str
    mtu: str
    vlan: str
    address: str
    gateway: str
    datapath: str
    switch: str | None = None  # the OVS instance of its bridge (None: the main one)

    def line(self) -> str:
        """Its line in the container's data file (the host script's fields)."""
        fields = (self.ifname, self.bridge, self.host_if, self.mac, self.mtu, self.vlan)
        return " ".join((*fields, self.address, self.gateway, self.datapath))

    def attachment_line(self) -> str:
        """Its line in the container's attachment data (on another instance's bridge)."""
        return f"{self.line()} {self.switch}"


@dataclass(frozen=True)
class BridgeData:
    """A bridge: the ovs-vsctl commands of its transaction, its own other_config and
    external_ids settings (set last in the transaction), controllers, address and MTU."""

    name: str
    commands: tuple[str, ...]
    settings: tuple[str, ...] = ()
    controllers: tuple[str, ...] = ()
    address: str | None = None
    mtu: int | None = None
    switch: str | None = None  # its OVS instance (None: the main one)


@dataclass(frozen=True)
class SwitchData:
    """An OVS instance besides the main one: its image, bridges and link ports."""

    name: str
    image: str
    bridges: tuple[str, ...]
    links: tuple[str, ...]  # "NAME PEER_SWITCH PEER"

    def pairs(self) -> list[tuple[str, str]]:
        return [
            ("image", self.image),
            *(("bridge", bridge) for bridge in self.bridges),
            *(("link", link) for link in self.links),
        ]


@dataclass(frozen=True)
class ContainerData:
    """A container's data file: what its unit runs (image: containers: the image, --init,
    environment, volumes, command) and the interfaces its attach makes."""

    name: str
    interfaces: tuple[InterfaceData, ...]
    image: str | None = None
    init: bool = True
    env: tuple[str, ...] = ()
    volumes: tuple[str, ...] = ()
    command: tuple[str, ...] = ()

    def pairs(self) -> list[tuple[str, str]]:
        run = []
        if self.image is not None:
            run = [
                ("image", self.image),
                *([] if self.init else [("init", "no")]),
                *(("env", setting) for setting in self.env),
                *(("volume", volume) for volume in self.volumes),
                *(("command", word) for word in self.command),
            ]
        main = (i for i in self.interfaces if i.switch is None)
        return [*run, *(("interface", i.line()) for i in main)]

    def attachments(self) -> list[tuple[str, str]]:
        """Its interfaces on bridges of other OVS instances, as their data file lists them."""
        return [("interface", i.attachment_line()) for i in self.interfaces if i.switch]


@dataclass(frozen=True)
class HostModel:
    """What the host script reads (host.conf, bridges/, containers/) and the kernel needs."""

    runtime: str
    ovs_image: str
    ovs_schema: str
    open_vswitch: tuple[str, ...]
    dpdk_devices: tuple[str, ...]
    switches: tuple[SwitchData, ...]  # the other OVS instances
    bridges: tuple[BridgeData, ...]
    containers: tuple[ContainerData, ...]
    kernel_arguments: tuple[str, ...]


def host_interface_name(container: str, ifname: str) -> str:
    """The host end of a container's veth: 15 characters, the same on every boot."""
    digest = hashlib.sha256(f"{container}/{ifname}".encode()).hexdigest()
    return names.HOST_IF_PREFIX + digest[:12]


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


def container_data(spec: Spec, container: Container) -> ContainerData:
    """The data of container: what its unit runs, and each interface with its host end,
    MAC, MTU, ..."""
    bridges = {b.name: b for b in spec.bridges}
    rows = []
    for i, iface in enumerate(container.interfaces):
        ifname = container.interface_name(i)
        bridge = bridges[iface.bridge]
        mtu = iface.mtu or bridge.mtu
        rows.append(
            InterfaceData(
                ifname=ifname,
                bridge=bridge.name,
                host_if=host_interface_name(container.name, ifname),
                mac=iface.mac or default_mac(container.name, ifname),
                mtu=str(mtu) if mtu else "-",
                vlan=str(iface.vlan) if iface.vlan else "-",
                address=iface.address or "-",
                gateway=iface.gateway or "-",
                datapath=spec.datapath(bridge),
                switch=spec.switch_of(bridge),
            )
        )
    return ContainerData(
        container.name,
        tuple(rows),
        image=container.image,
        init=container.init,
        env=tuple(f"{key}={value}" for key, value in container.env.items()),
        volumes=tuple(container.volumes),
        command=tuple(container.command),
    )


def switch_data(spec: Spec, switch: str) -> SwitchData:
    bridges = [b for b in spec.bridges if spec.switch_of(b) == switch]
    return SwitchData(
        switch,
        ovs_image(spec, switch),
        tuple(b.name for b in bridges),
        tuple(
            f"{p.name} {p.peer_switch} {p.peer}"
            for b in bridges
            for p in b.ports
            if isinstance(p, LinkPort)
        ),
    )


def host_model(spec: Spec) -> HostModel:
    """Everything about the host that the spec decides, before it is spelled as files."""
    return HostModel(
        runtime=spec.runtime,
        ovs_image=spec.ovs.image,
        ovs_schema=spec.ovs.schema_path,
        open_vswitch=tuple(open_vswitch_settings(spec)),
        dpdk_devices=tuple(d.pci for d in spec.dpdk.devices) if spec.dpdk else (),
        switches=tuple(switch_data(spec, s.name) for s in spec.switches),
        bridges=tuple(
            BridgeData(
                b.name,
                bridge_commands(spec, b),
                tuple(bridge_settings(b)),
                tuple(b.controllers or ()),
                b.address,
                b.mtu,
                spec.switch_of(b),
            )
            for b in spec.bridges
        ),
        containers=tuple(
            container_data(spec, c) for c in spec.containers if c.interfaces or c.image
        ),
        kernel_arguments=tuple(kernel_arguments(spec)),
    )


# -- the model as files -------------------------------------------------------------------------


def header_name(spec_name: str) -> str:
    """The spec's file name as generated headers name it: its last part, one safe line."""
    return re.sub(r"[^A-Za-z0-9_.+@ <>-]", "?", spec_name.rsplit("/", 1)[-1])[:120]


def data_files(model: HostModel, spec_name: str) -> list[HostFile]:
    """host.conf, and one file per bridge and per container (what its unit runs, its
    interfaces)."""
    header = (
        f"Generated by ovs-ignite from {header_name(spec_name)}; re-render it, do not edit "
        f"(format: {names.HOST_FORMAT_NAME})."
    )
    host = [
        ("runtime", model.runtime),
        ("ovs_image", model.ovs_image),
        ("ovs_schema", model.ovs_schema),
        *(("open_vswitch", setting) for setting in model.open_vswitch),
        *(("dpdk_device", pci) for pci in model.dpdk_devices),
        *(("bridge", bridge.name) for bridge in model.bridges if bridge.switch is None),
    ]
    files = [HostFile(names.HOST_DATA, 0o644, data_text("host", header, host))]
    for bridge in model.bridges:
        pairs = [
            *(("vsctl", command) for command in bridge.commands),
            *(("setting", setting) for setting in bridge.settings),
            *(("controller", target) for target in bridge.controllers),
            *([("address", bridge.address)] if bridge.address else []),
            *([("mtu", str(bridge.mtu))] if bridge.mtu else []),
        ]
        files.append(
            HostFile(names.bridge_data(bridge.name), 0o644, data_text("bridge", header, pairs))
        )
    for container in model.containers:
        files.append(
            HostFile(
                names.container_data(container.name),
                0o644,
                # No header: every container's bytes count in every config (issue 14's
                # budget); the shared unit body that runs it names the spec.
                data_text("container", "", container.pairs()),
            )
        )
        if container.attachments():
            text = data_text("attachment", header, container.attachments())
            files.append(HostFile(names.attachment_data(container.name), 0o644, text))
    for switch in model.switches:
        text = data_text("switch", header, switch.pairs())
        files.append(HostFile(names.switch_data(switch.name), 0o644, text))
    return files


@cache  # the same for every host of os_: made once a process, not once a render
def static_text(name: str, os_: str) -> str:
    """units/NAME as a host of os_ gets it: the script's path is the target's own, and of
    its comment lines only the first (which says what the file is) is kept."""
    first, _, rest = unit_source(name).partition("\n")
    kept = [line for line in rest.splitlines(keepends=True) if not line.startswith("#")]
    text = (first + "\n" + "".join(kept)).replace(names.UNITS_SCRIPT, names.SCRIPT[os_])
    return text.replace(names.UNITS_SWITCH_SCRIPT, names.SWITCH_SCRIPT[os_])


def host_side_files(spec: Spec) -> list[HostFile]:
    """The host script and the parts beside it that this spec uses (each the same on every
    host that gets it), and the tmpfiles rule."""
    os_ = spec.target.os
    folder = names.BIN_DIR[os_]
    parts = [names.HOST_FORMAT_NAME, names.OVS_SCRIPT_NAME, names.OVSDB_SCRIPT_NAME]
    if any(c.interfaces for c in spec.containers):
        parts.append(names.ATTACH_SCRIPT_NAME)
    if spec.runtime == "docker":
        parts.append(names.DOCKER_SCRIPT_NAME)
    if spec.dpdk and spec.dpdk.devices:
        parts.append(names.DPDK_SCRIPT_NAME)
    if spec.switches:
        parts.append(names.SWITCH_FORMAT_NAME)
    files = [
        HostFile(names.TMPFILES_FILE, 0o644, static_text("ovs-ignite-tmpfiles.conf", os_)),
        HostFile(names.SCRIPT[os_], 0o755, script_text(names.SCRIPT_NAME)),
        *(HostFile(f"{folder}/{name}", 0o644, part_text(name)) for name in parts),
    ]
    if spec.switches:
        text = script_text(names.SWITCH_SCRIPT_NAME)
        files.append(HostFile(names.SWITCH_SCRIPT[os_], 0o755, text))
    return files


def part_text(name: str) -> str:
    """units/NAME, a part of the host side, as hosts get it."""
    return format_text(name) if name.endswith(".format") else script_text(name)


def _peer_netns(spec: Spec, switch: str | None) -> list[str]:
    """The netns units of the instances that instance switch's link ports lead into."""
    peers = {
        port.peer_switch
        for bridge in spec.bridges
        if spec.switch_of(bridge) == switch
        for port in bridge.ports
        if isinstance(port, LinkPort) and port.peer_switch != MAIN_SWITCH
    }
    return [names.netns_unit(peer) for peer in sorted(peers)]


def instance_units(spec: Spec, switch: str | None, ctx: dict[str, object]) -> list[HostUnit]:
    """The ovsdb-server and ovs-vswitchd units of instance switch (None: the main one)."""
    dpdk_bind = switch is None and bool(spec.dpdk and spec.dpdk.devices)
    os_ = spec.target.os
    context = {
        **ctx,
        "switch": switch,
        "suffix": names.suffix(switch),
        "switch_arg": "" if switch is None else f" {switch}",
        "ovs_script": names.SCRIPT[os_] if switch is None else names.SWITCH_SCRIPT[os_],
        "image": ovs_image(spec, switch),
        "netns_unit": None if switch is None else names.netns_unit(switch),
        "bridges_unit": names.bridges_unit(switch),
        "peer_netns": _peer_netns(spec, switch),
    }
    ovsdb, vswitchd = names.ovsdb_name(switch), names.vswitchd_name(switch)
    return [
        HostUnit(
            f"{ovsdb}.service",
            render_template(
                "ovsdb-server.service.j2",
                ovsdb_run=ovsdb_run(spec, switch),
                state_files=state_files(spec, ovsdb),
                **context,
            ),
            enabled=True,
        ),
        HostUnit(
            f"{vswitchd}.service",
            render_template(
                "ovs-vswitchd.service.j2",
                vswitchd_run=vswitchd_run(spec, switch),
                state_files=state_files(spec, vswitchd),
                dpdk_bind=dpdk_bind,
                **context,
            ),
            enabled=True,
        ),
    ]


def ovs_units(spec: Spec, ctx: dict[str, object]) -> list[HostUnit]:
    """The units of ovsdb-server, ovs-vswitchd, the bridges and the DPDK NICs, and those of
    every other OVS instance (switches:) with its network namespace."""
    os_ = spec.target.os
    units = instance_units(spec, None, ctx)
    units.append(HostUnit(names.BRIDGES_UNIT, static_text(names.BRIDGES_UNIT, os_), enabled=True))
    if spec.dpdk and spec.dpdk.devices:
        text = static_text(names.DPDK_BIND_UNIT, os_)
        units.append(HostUnit(names.DPDK_BIND_UNIT, text, enabled=True))
    if spec.ovs.auto_update:
        units.append(HostUnit(names.AUTO_UPDATE_TIMER, enabled=True))  # podman ships it
    if spec.switches:
        for template in (names.NETNS_TEMPLATE, names.INSTANCE_BRIDGES_TEMPLATE):
            units.append(HostUnit(template, static_text(template, os_)))
        for switch in spec.switches:
            units += instance_units(spec, switch.name, ctx)
            units.append(HostUnit(names.netns_unit(switch.name), enabled=True))
            units.append(HostUnit(names.bridges_unit(switch.name), enabled=True))
    return units


def container_bodies(spec: Spec, ctx: dict[str, object]) -> list[HostFile]:
    """The unit bodies the image: containers of spec share: with the attach binding, and
    (where a container has no interfaces) without."""
    kinds = {bool(c.interfaces) for c in spec.containers if c.image is not None}
    run = tuple(container_prefix(spec))
    state = tuple(state_files(spec, NAME_SPECIFIER))
    return [
        HostFile(
            names.container_body(attached),
            0o644,
            _container_body(
                attached, run, state, str(ctx["spec_name"]), spec.runtime, spec.target.os
            ),
        )
        for attached in sorted(kinds, reverse=True)
    ]


@cache  # the same for every host of a fleet: made once a process
def _container_body(
    attached: bool,
    run: tuple[str, ...],
    state: tuple[str, ...],
    spec_name: str,
    runtime: str,
    os_: str,
) -> str:
    return render_template(
        "container.conf.j2",
        attached=attached,
        run=run,
        state_files=state,
        spec_name=spec_name,
        runtime=runtime,
        script=names.SCRIPT[os_],
    )


@cache  # the same text for every container: made once a process
def _container_install() -> str:
    return render_template("container.service.j2")


def container_units(
    container: Container, ctx: dict[str, object]
) -> tuple[list[HostUnit], list[HostLink]]:
    """The unit that runs container (image: containers: only its [Install], and a drop-in
    that links to the shared body), and its attach instance."""
    units, links = [], []
    if container.image is not None:
        body = names.container_body(bool(container.interfaces))
        dropin = names.container_dropin(container.name)
        # Only its [Install]: each container's bytes count in every config (issue 14's
        # budget); what it runs and the header are in the shared body its drop-in links to.
        units.append(HostUnit(container.unit_name, _container_install(), enabled=True))
        links.append(HostLink(dropin, posixpath.relpath(body, posixpath.dirname(dropin))))
    if not container.interfaces:
        return units, links
    attach_dropins: tuple[Dropin, ...] = ()
    if container.unit is not None and container.unit != names.container_unit(container.name):
        # (the template's PartOf=NAME.service names another unit)
        binding = render_template(
            "attach-binding.conf.j2", container_name=container.name, unit=container.unit, **ctx
        )
        attach_dropins = (Dropin(names.ATTACH_BINDING_DROPIN, binding),)
    units.append(HostUnit(names.attach_unit(container.name), enabled=True, dropins=attach_dropins))
    if container.unit is not None:
        wants = render_template("unit-wants-attach.conf.j2", container_name=container.name, **ctx)
        dropins = (Dropin(names.WANTS_ATTACH_DROPIN, wants),)
        units.append(HostUnit(container.unit, dropins=dropins))
    return units, links


def with_switch_attach(spec: Spec, units: list[HostUnit], ctx: dict[str, object]) -> list[HostUnit]:
    """units, where the attach of each container with interfaces on other OVS instances
    has a drop-in that attaches (and detaches) those too, after their bridges."""
    if not spec.switches:
        return units
    switch_of = {bridge.name: spec.switch_of(bridge) for bridge in spec.bridges}
    by_attach = {names.attach_unit(c.name): c for c in spec.containers}
    out = []
    for unit in units:
        container = by_attach.get(unit.name)
        interfaces = container.interfaces if container else []
        switches = sorted({s for i in interfaces if (s := switch_of[i.bridge]) is not None})
        if container is not None and switches:
            text = render_template(
                "attach-switches.conf.j2",
                container_name=container.name,
                switches=switches,
                switch_script=names.SWITCH_SCRIPT[spec.target.os],
                **ctx,
            )
            unit = HostUnit(
                unit.name,
                unit.contents,
                unit.enabled,
                (*unit.dropins, Dropin(names.SWITCHES_ATTACH_DROPIN, text)),
            )
        out.append(unit)
    return out


def with_extra_units(spec: Spec, units: list[HostUnit]) -> list[HostUnit]:
    """units and the spec's own (units:): one that ovs-ignite adds a drop-in to (a unit:
    container's) is one unit, with the spec's contents and both sets of drop-ins."""
    if not spec.units:
        return units
    out = list(units)
    at = {unit.name: i for i, unit in enumerate(out)}
    for extra in spec.units:
        dropins = tuple(Dropin(d.name, d.text) for d in extra.dropins)
        given = extra.contents is not None or extra.local is not None
        contents = extra.text if given else None
        if extra.name in at:
            ours = out[at[extra.name]]
            out[at[extra.name]] = HostUnit(
                extra.name, contents, extra.enabled, dropins + ours.dropins
            )
        else:
            out.append(HostUnit(extra.name, contents, extra.enabled, dropins))
    return out


def networkd_file(spec: Spec, ctx: dict[str, object]) -> list[HostFile]:
    """On Flatcar, whose systemd-networkd manages every link its catch-all matches: the
    .network file that makes it leave OVS's interfaces alone (the bridges' own, the NICs
    and other interfaces on them, OVS's devices, the containers' host ends)."""
    if spec.target.os != "flatcar":
        return []
    own: list[str] = []
    for bridge in spec.bridges:
        own.append(bridge.name)
        for port in bridge.ports:
            own += [port.name, *(port.interfaces if isinstance(port, BondPort) else [])]
    interfaces = [*dict.fromkeys(own), *names.OVS_DEVICES]
    text = render_template("networkd-unmanaged.network.j2", names=interfaces, **ctx)
    return [HostFile(names.NETWORKD_FILE, 0o644, text)]


def build_plan(spec: Spec, spec_name: str = "spec.yaml") -> HostPlan:
    """Every file, unit, user and kernel argument a host of this spec needs."""
    os_ = spec.target.os
    model = host_model(spec)
    ctx: dict[str, object] = {
        "spec_name": header_name(spec_name),
        "runtime": spec.runtime,
        "ovs": spec.ovs,
        "script": names.SCRIPT[os_],
    }
    files: list[HostFile] = []
    if spec.host and spec.host.hostname:
        files.append(HostFile(names.HOSTNAME_FILE, 0o644, spec.host.hostname + "\n"))
    modules = ["openvswitch", *(["vfio-pci"] if model.dpdk_devices else [])]
    modules_text = render_template("modules-load.conf.j2", modules=modules, **ctx)
    files += [HostFile(names.MODULES_FILE, 0o644, modules_text), *host_side_files(spec)]
    files += networkd_file(spec, ctx)
    files += data_files(model, spec_name)
    files += container_bodies(spec, ctx)

    units = ovs_units(spec, ctx)
    if any(c.interfaces for c in spec.containers):
        units.append(HostUnit(names.ATTACH_TEMPLATE, static_text(names.ATTACH_TEMPLATE, os_)))
        units.append(HostUnit(names.DETACH_TARGET, static_text(names.DETACH_TARGET, os_)))
        dropin = static_text(names.SCOPE_DROPIN_SOURCE, os_)
        files.append(HostFile(names.SCOPE_DROPIN[spec.runtime], 0o644, dropin))
    links: list[HostLink] = []
    for container in spec.containers:
        container_unit_list, container_links = container_units(container, ctx)
        units += container_unit_list
        links += container_links
    units = with_switch_attach(spec, units, ctx)
    files += [HostFile(f.path, f.mode, f.text) for f in spec.files]
    users = tuple(
        HostUser(u.name, tuple(u.ssh_authorized_keys))
        for u in (spec.host.users if spec.host else [])
    )
    return HostPlan(
        os=os_,
        ignition_version=spec.target.ignition,
        files=tuple(files),
        units=tuple(with_extra_units(spec, units)),
        users=users,
        kernel_arguments=model.kernel_arguments,
        links=tuple(links),
    )
