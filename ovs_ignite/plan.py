"""From a spec, the complete set of host artifacts: files, units, users, kernel arguments.

Two steps: ``host_model`` reads the spec (the only step after spec.py that does, with its
helpers runs.py and ovsconfig.py) and computes what the host needs as typed values
(hostmodel.py); ``hostfiles.host_plan`` turns that model into files and units without the
spec. ``build_plan`` is the two.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from . import names
from .artifacts import Dropin, HostFile, HostPlan, HostUnit
from .hostfiles import host_plan
from .hostmodel import (
    BridgeData,
    ContainerData,
    ContainerUnits,
    HostModel,
    InstanceUnits,
    InterfaceData,
    SwitchData,
)
from .names import host_interface_name
from .netchecks import uplink_key
from .ovsconfig import (
    bridge_commands,
    bridge_settings,
    open_vswitch_settings,
    ovsdb_commands,
    port_settings,
    qos_words,
)
from .records import BondPort, Bridge, Container, LinkPort, Mirror, Spec
from .runs import (
    NAME_SPECIFIER,
    container_prefix,
    ovs_image,
    ovsdb_run,
    state_files,
    vswitchd_run,
)
from .values import MAIN_SWITCH

__all__ = ["InterfaceData", "build_plan", "host_model", "kernel_arguments"]


def default_mac(container: str, ifname: str) -> str:
    """A stable, locally administered unicast MAC for a container interface."""
    digest = hashlib.sha256(f"mac:{container}/{ifname}".encode()).digest()
    return ":".join(f"{b:02x}" for b in (0x02, *digest[:5]))


def kernel_arguments(spec: Spec) -> list[str]:
    """Kernel arguments the spec needs, in the order the kernel reads them."""
    dpdk = spec.dpdk
    if dpdk is None:
        return []
    pools = dpdk.page_pools
    pages = [f"hugepagesz={pool.size} hugepages={pool.count}" for pool in pools]
    args = [" ".join([f"default_hugepagesz={pools[0].size}", *pages])]
    if dpdk.iommu != "none":
        args += [f"{dpdk.iommu}_iommu=on", "iommu=pt"]
    if dpdk.isolcpus:
        args.append(f"isolcpus={dpdk.isolcpus}")
    return args


def container_data(spec: Spec, container: Container) -> ContainerData:
    """The data of container: what its unit runs, and each veth interface with its host
    end, MAC, MTU, ... (a vhost-user interface is its bridge's: ovsconfig.vhost_ports)"""
    bridges = {b.name: b for b in spec.bridges}
    rows = []
    for ifname, iface in container.veths:
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
                address="dhcp" if iface.dhcp else ",".join(iface.addresses) or "-",
                gateway=iface.gateway or "-",
                datapath=spec.datapath(bridge),
                vlan_mode=iface.vlan_mode or "-",
                trunks=",".join(str(v) for v in iface.trunk_vlans or []) or "-",
                ofport=str(iface.ofport) if iface.ofport else "-",
                routes=tuple(f"{route.to} {route.via}" for route in iface.routes or []),
                external_ids=tuple(iface.external_ids.items()),
                policing=(
                    (iface.ingress_policing_rate, iface.ingress_policing_burst or 0)
                    if iface.ingress_policing_rate
                    else None
                ),
                qos=qos_words(iface.qos) if iface.qos else None,
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


def _peer_netns(spec: Spec, switch: str | None) -> tuple[str, ...]:
    """The netns units of the instances that instance switch's link ports lead into."""
    peers = {
        port.peer_switch
        for bridge in spec.bridges
        if spec.switch_of(bridge) == switch
        for port in bridge.ports
        if isinstance(port, LinkPort) and port.peer_switch != MAIN_SWITCH
    }
    return tuple(names.netns_unit(peer) for peer in sorted(peers))


def instance_units(spec: Spec, switch: str | None) -> InstanceUnits:
    """The facts of instance switch's units (None: the main instance)."""
    return InstanceUnits(
        switch=switch,
        image=ovs_image(spec, switch),
        ovsdb_run=tuple(ovsdb_run(spec, switch)),
        vswitchd_run=tuple(vswitchd_run(spec, switch)),
        ovsdb_state_files=tuple(state_files(spec, names.ovsdb_name(switch))),
        vswitchd_state_files=tuple(state_files(spec, names.vswitchd_name(switch))),
        peer_netns=_peer_netns(spec, switch),
        dpdk_bind=switch is None and bool(spec.dpdk and spec.dpdk.bound),
    )


def container_units(spec: Spec, container: Container) -> ContainerUnits:
    switch_of = {bridge.name: spec.switch_of(bridge) for bridge in spec.bridges}
    veths = [iface for _, iface in container.veths]
    switches = {s for i in veths if (s := switch_of[i.bridge]) is not None}
    return ContainerUnits(
        name=container.name,
        unit_name=container.unit_name,
        runs_image=container.image is not None,
        own_unit=container.unit,
        attached=bool(veths),
        switches=tuple(sorted(switches)),
        dhcp=any(iface.dhcp for iface in veths),
        mirror_output=any(
            m.output_container and m.output_container[0] == container.name
            for bridge in spec.bridges
            for m in bridge.mirrors
        ),
        qos=any(iface.qos for iface in veths),
        vhost_user=bool(container.vhost_users),
    )


def mirror_line(mirror: Mirror) -> str:
    """A mirror's line in its bridge's data: name, select_all, select_vlans, src and dst
    ports, output port, output VLAN, and the host end of the container's interface that is
    its output ('-': none)."""

    def listed(values: Iterable[object] | None) -> str:
        return ",".join(str(v) for v in values) if values else "-"

    container = mirror.output_container
    fields = [
        mirror.name,
        str(mirror.select_all).lower(),
        listed(mirror.select_vlans),
        listed(mirror.select_src_ports),
        listed(mirror.select_dst_ports),
        "-" if container or not mirror.output_port else mirror.output_port,
        str(mirror.output_vlan or "-"),
        host_interface_name(*container) if container else "-",
    ]
    return " ".join(fields)


def bridge_data(spec: Spec, bridge: Bridge) -> BridgeData:
    """A bridge's data: its transaction, settings, addresses and uplink."""
    return BridgeData(
        bridge.name,
        bridge_commands(spec, bridge),
        tuple(bridge_settings(bridge)),
        tuple(port_settings(bridge)),
        tuple(bridge.controller_targets),
        tuple(c.line for c in bridge.controller_records if c.settings),
        tuple(mirror_line(mirror) for mirror in bridge.mirrors),
        tuple(f"{port.name} {qos_words(port.qos)}" for port in bridge.ports if port.qos),
        tuple(bridge.addresses),  # (each value's validator gave its normal form)
        bridge.mtu,
        spec.switch_of(bridge),
        uplink_key(bridge),
        bridge.dhcp,
        tuple(f"{route.to} {route.via}" for route in bridge.routes or ()),
        tuple(bridge.dns or ()),
        bridge.uplink_timeout,
    )


def host_parts(spec: Spec) -> tuple[str, ...]:
    """The parts of the host side beside the host script that this spec uses."""
    parts = [names.HOST_FORMAT_NAME, names.OVS_SCRIPT_NAME, names.OVSDB_SCRIPT_NAME]
    if any(c.veths for c in spec.containers):
        parts.append(names.ATTACH_SCRIPT_NAME)
    if spec.runtime == "docker":
        parts.append(names.DOCKER_SCRIPT_NAME)
    if spec.dpdk and spec.dpdk.bound:
        parts.append(names.DPDK_SCRIPT_NAME)
    if spec.switches:
        parts.append(names.SWITCH_FORMAT_NAME)
    if any(b.uplink for b in spec.bridges):
        parts += [names.UPLINK_SCRIPT_NAME, names.UPLINK_FORMAT_NAME]
    if any(i.dhcp for c in spec.containers for i in c.interfaces):
        parts.append(names.DHCP_SCRIPT_NAME)
    if any(b.uplink and b.dhcp for b in spec.bridges) or names.DHCP_SCRIPT_NAME in parts:
        parts.append(names.UDHCPC_SCRIPT_NAME)
    if any(b.controllers or b.mirrors for b in spec.bridges):
        parts += [names.OPENFLOW_SCRIPT_NAME, names.OPENFLOW_FORMAT_NAME]
    ports = (p for b in spec.bridges for p in b.ports)
    if any(p.qos for p in ports) or any(i.qos for c in spec.containers for i in c.interfaces):
        parts += [names.QOS_SCRIPT_NAME, names.QOS_FORMAT_NAME]
    return tuple(parts)


def unmanaged_interfaces(spec: Spec) -> tuple[str, ...]:
    """The interfaces the OS's network manager is to leave alone (Flatcar's systemd-networkd
    and FCOS's NetworkManager both configure every link they are not told to leave): the
    bridges' own, the NICs and other interfaces on them, OVS's devices, the containers'
    host ends."""
    own: list[str] = []
    for bridge in spec.bridges:
        own.append(bridge.name)
        for port in bridge.ports:
            own += [port.name, *(port.member_names if isinstance(port, BondPort) else [])]
    return (*dict.fromkeys(own), *names.OVS_DEVICES)


def spec_units(spec: Spec) -> tuple[HostUnit, ...]:
    """The spec's own units (units:), as given."""
    units = []
    for extra in spec.units:
        dropins = tuple(Dropin(d.name, d.text) for d in extra.dropins)
        given = extra.contents is not None or extra.local is not None
        units.append(HostUnit(extra.name, extra.text if given else None, extra.enabled, dropins))
    return tuple(units)


def host_model(spec: Spec) -> HostModel:
    """Everything about the host that the spec decides, before it is spelled as files."""
    return HostModel(
        os=spec.target.os,
        ignition_version=spec.target.ignition,
        runtime=spec.runtime,
        ovs_image=spec.ovs.image,
        ovs_schema=spec.ovs.schema_path,
        open_vswitch=tuple(open_vswitch_settings(spec)),
        ovsdb_commands=tuple(ovsdb_commands(spec)),
        dpdk_devices=tuple(spec.dpdk.bound) if spec.dpdk else (),
        switches=tuple(switch_data(spec, s.name) for s in spec.switches),
        bridges=tuple(bridge_data(spec, b) for b in spec.bridges),
        containers=tuple(
            container_data(spec, c) for c in spec.containers if c.interfaces or c.image
        ),
        kernel_arguments=tuple(kernel_arguments(spec)),
        auto_update=bool(spec.ovs.auto_update),
        hostname=spec.host.hostname if spec.host else None,
        users=tuple(
            (u.name, tuple(u.ssh_authorized_keys)) for u in (spec.host.users if spec.host else [])
        ),
        instances=(
            instance_units(spec, None),
            *(instance_units(spec, s.name) for s in spec.switches),
        ),
        container_units=tuple(container_units(spec, c) for c in spec.containers),
        container_run=tuple(container_prefix(spec)),
        container_state_files=tuple(state_files(spec, NAME_SPECIFIER)),
        parts=host_parts(spec),
        unmanaged=unmanaged_interfaces(spec),
        spec_files=tuple(HostFile(f.path, f.mode, f.text) for f in spec.files),
        spec_units=spec_units(spec),
    )


def build_plan(spec: Spec, spec_name: str = "spec.yaml") -> HostPlan:
    """Every file, unit, user and kernel argument a host of this spec needs."""
    return host_plan(host_model(spec), spec_name)
