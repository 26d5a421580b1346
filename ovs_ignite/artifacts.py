"""What a render puts on a host, as typed values: files, links, units with their drop-ins,
users, kernel arguments. plan.py makes them; butane.py and ignition.py spell them.
"""

from __future__ import annotations

from typing import NamedTuple


class HostFile(NamedTuple):
    path: str
    mode: int
    contents: str


class Dropin(NamedTuple):
    name: str
    contents: str


class HostUnit(NamedTuple):
    name: str
    contents: str | None = None
    enabled: bool | None = None
    dropins: tuple[Dropin, ...] = ()


class HostLink(NamedTuple):
    """A symbolic link; target is relative to the link's folder, so that it holds in any
    root the config is applied to."""

    path: str
    target: str


class HostUser(NamedTuple):
    name: str
    ssh_authorized_keys: tuple[str, ...] = ()


class HostPlan(NamedTuple):
    """Everything Ignition puts on the host; Butane and Ignition are two spellings of it."""

    os: str
    ignition_version: str
    files: tuple[HostFile, ...] = ()
    units: tuple[HostUnit, ...] = ()
    users: tuple[HostUser, ...] = ()
    kernel_arguments: tuple[str, ...] = ()
    links: tuple[HostLink, ...] = ()
