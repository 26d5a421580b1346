"""What a render puts on a host, as typed values: files, links, units with their drop-ins,
users, kernel arguments. plan.py makes them; butane.py and ignition.py spell them.
"""

from __future__ import annotations

from dataclasses import dataclass


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
class HostLink:
    """A symbolic link; target is relative to the link's folder, so that it holds in any
    root the config is applied to."""

    path: str
    target: str


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
    kernel_arguments: tuple[str, ...] = ()
    links: tuple[HostLink, ...] = ()
