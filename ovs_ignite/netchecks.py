"""Checks of the host's own network on the bridges (SPEC.md, "The host's own network"): the
uplink NIC, the bridge's addresses, routes and DNS. Each yields ``(path, message)``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from .records import BondPort, Bridge, Route, Spec, UplinkMac
from .yamlsource import KeyPath

Finding = tuple[KeyPath, str]
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def uplink_key(bridge: Bridge) -> str | None:
    """The uplink as the host data spells it: a kernel name, or mac=MAC (lower case)."""
    if bridge.uplink is None:
        return None
    if isinstance(bridge.uplink, UplinkMac):
        return "mac=" + bridge.uplink.mac.lower()
    return bridge.uplink


def check_host_network(spec: Spec) -> Iterator[Finding]:
    """Every problem of the bridges' addresses, uplinks, routes and DNS, in document order."""
    ports = {
        name: bridge.name
        for bridge in spec.bridges
        for port in bridge.ports
        for name in (port.name, *(port.member_names if isinstance(port, BondPort) else []))
    }
    bridges = {bridge.name for bridge in spec.bridges}
    uplinks: dict[str, str] = {}
    for b, bridge in enumerate(spec.bridges):
        at: KeyPath = ("bridges", b)
        yield from _check_addresses(bridge, at)
        if bridge.uplink is None:
            yield from _without_uplink(bridge, at)
            continue
        yield from _check_uplink(spec, bridge, at, ports, bridges)
        key = uplink_key(bridge)
        assert key is not None
        if key in uplinks:
            yield (*at, "uplink"), f"{_spelled(key)} is already the uplink of {uplinks[key]}"
        uplinks.setdefault(key, bridge.name)
        yield from _check_routes(bridge, at)
        yield from _check_dns(bridge, at)


def _spelled(key: str) -> str:
    return f"the NIC with MAC {key[4:]}" if key.startswith("mac=") else f"NIC {key}"


def _without_uplink(bridge: Bridge, at: KeyPath) -> Iterator[Finding]:
    """What only an uplink's bridge may have."""
    if bridge.dhcp:
        yield (*at, "address"), "dhcp needs an uplink: (the NIC of the DHCP server's network)"
    for key in ("routes", "dns", "uplink_timeout"):
        if getattr(bridge, key) is not None:
            yield (*at, key), f"{key} is only for a bridge with an uplink: (the host's own NIC)"


def _check_uplink(
    spec: Spec, bridge: Bridge, at: KeyPath, ports: dict[str, str], bridges: set[str]
) -> Iterator[Finding]:
    where: KeyPath = (*at, "uplink")
    if spec.switch_of(bridge) is not None:
        yield where, "an uplink's bridge must be in the main OVS instance (the host's namespace)"
    if spec.datapath(bridge) != "system":
        yield where, "an uplink's bridge must have the system (kernel) datapath"
    if bridge.address is None:
        yield where, "an uplink's bridge needs an address: (the host's: dhcp, or static CIDRs)"
    if isinstance(bridge.uplink, str):
        if bridge.uplink in ports:
            yield where, f"{bridge.uplink} is already a port of bridge {ports[bridge.uplink]}"
        if bridge.uplink in bridges:
            yield where, f"{bridge.uplink} is a bridge, not a NIC"
    if bridge.dhcp:
        for key in ("routes", "dns"):
            if getattr(bridge, key) is not None:
                yield (*at, key), f"with address: dhcp, the DHCP server gives the {key}"


def _check_dns(bridge: Bridge, at: KeyPath) -> Iterator[Finding]:
    servers = bridge.dns or []
    for d, server in enumerate(servers):
        if server in servers[:d]:
            yield (*at, "dns", d), f"{server} is listed twice"


def _check_addresses(bridge: Bridge, at: KeyPath) -> Iterator[Finding]:
    yield from check_addresses(bridge.addresses, isinstance(bridge.address, list), at)


def check_addresses(addresses: list[str], many: bool, at: KeyPath) -> Iterator[Finding]:
    """Addresses (of a bridge or a container's interface; many: given as a list) each once,
    none a network's own or broadcast address."""
    seen: set[object] = set()
    for n, text in enumerate(addresses):
        where: KeyPath = (*at, "address", n) if many else (*at, "address")
        interface = ipaddress.ip_interface(text)
        network = interface.network
        if interface.ip in seen:
            yield where, f"{interface.ip} is listed twice"
        seen.add(interface.ip)
        if network.num_addresses > 2 and interface.ip == network.network_address:
            yield where, f"{interface.ip} is the address of network {network} itself"
        if (
            isinstance(network, ipaddress.IPv4Network)
            and network.num_addresses > 2
            and interface.ip == network.broadcast_address
        ):
            yield where, f"{interface.ip} is the broadcast address of {network}"


def _check_routes(bridge: Bridge, at: KeyPath) -> Iterator[Finding]:
    yield from check_routes(bridge.addresses, bridge.routes or [], at, "bridge", set())


def default_network(via: ipaddress.IPv4Address | ipaddress.IPv6Address) -> Network:
    """The destination of a default route via gateway via: 0.0.0.0/0 or ::/0."""
    return ipaddress.ip_network("::/0" if via.version == 6 else "0.0.0.0/0")


def check_routes(
    addresses: list[str], routes: list[Route], at: KeyPath, whose: str, destinations: set[Network]
) -> Iterator[Finding]:
    """Routes through an interface (a bridge's, or a container's: whose) with addresses: one
    a destination (destinations: those of the same routing table so far), each via a
    gateway on one of its networks."""
    networks = [ipaddress.ip_interface(a) for a in addresses]
    for r, route in enumerate(routes):
        where: KeyPath = (*at, "routes", r)
        via = ipaddress.ip_address(route.via)
        if route.to == "default":
            destination = default_network(via)
            if destination in destinations:
                yield (*where, "to"), f"a second default route for IPv{via.version}"
        else:
            destination = ipaddress.ip_network(route.to)
            if destination.version != via.version:
                yield (*where, "via"), f"{via} is not of the address family of {route.to}"
            elif destination in destinations:
                yield (*where, "to"), f"a second route to {destination}"
        destinations.add(destination)
        own = [n for n in networks if n.version == via.version]
        if any(via == n.ip for n in own):
            yield (*where, "via"), f"{via} is the {whose}'s own address"
        elif not any(via in n.network for n in own) and not via.is_link_local:
            yield (*where, "via"), f"{via} is on none of the {whose}'s networks (not on-link)"
