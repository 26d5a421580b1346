"""How each container is run: the ``RUNTIME run`` command lines of the units."""

from __future__ import annotations

from .names import (
    AUTO_UPDATE_LABEL,
    HUGEPAGES_DIR,
    NETNS_DIR,
    NETNS_HOLDER,
    SCRIPT,
    STATE_DIR,
    db_dir,
    ovsdb_name,
    run_dir,
    suffix,
    vswitchd_name,
)
from .records import Container, Spec

RUNTIME_BIN = {"podman": "/usr/bin/podman", "docker": "/usr/bin/docker"}
OVSDB_SOCKET = "unix:/run/openvswitch/db.sock"
# Capabilities ovs-vswitchd needs: netlink and interface setup (NET_ADMIN), raw and
# broadcast sockets of userspace ports (NET_RAW, NET_BROADCAST), --mlockall (IPC_LOCK),
# thread priorities of its handlers and PMD threads (SYS_NICE).
VSWITCHD_CAPS = ("NET_ADMIN", "NET_RAW", "NET_BROADCAST", "IPC_LOCK", "SYS_NICE")
# DPDK needs no capability more: hugepages and /dev/vfio come as mounts and devices, and
# IOVA-as-VA (vfio with an IOMMU; chosen by DPDK itself where physical addresses cannot be
# read) needs no CAP_SYS_ADMIN.
OVSDB_ARGS = (
    "/var/lib/openvswitch/conf.db",
    "--remote=punix:/run/openvswitch/db.sock",
    "--remote=db:Open_vSwitch,Open_vSwitch,manager_options",
    "--pidfile=/run/openvswitch/ovsdb-server.pid",
    "--unixctl=/run/openvswitch/ovsdb-server.ctl",
    "-vconsole:info",
    "-vsyslog:off",
)


def _run_prefix(spec: Spec, name: str, network: str) -> list[str]:
    runtime = spec.runtime
    args = [RUNTIME_BIN[runtime], "run", "--name", name]
    if runtime == "docker":
        # A foreground `docker run` does not end on a `docker restart`: systemd would never
        # see the restart, and the container would come back in a new network namespace,
        # detached. So the host script runs the container detached and stays as the unit's
        # main process in `docker wait`, which ends whenever the container stops (a restart
        # included), with its exit status. --rm: a stopped container leaves nothing behind.
        args = [SCRIPT[spec.target.os], "run", "--name", name, "--detach", "--rm"]
    else:
        # podman's own recipe for systemd: detach, and let conmon tell systemd READY=1 and
        # MAINPID=<conmon>. systemd then watches conmon, which ends with the container: a
        # crash or a `podman restart` ends the main process and Restart= starts it anew.
        # No --rm, so that `podman restart` works; ExecStopPost= removes the container.
        # No --replace: given a name that does not exist, podman replaces the container whose
        # ID begins with it; ExecStartPre= removes the old container by its exact name.
        args += [
            "--detach",
            "--sdnotify=conmon",
            "--cgroups=no-conmon",
            *(
                f"--{kind}file={path}"
                for kind, path in zip(("pid", "cid"), state_files(spec, name), strict=True)
            ),
        ]
    if runtime == "podman" and spec.ovs.auto_update:
        # podman auto-update updates the containers that carry this label, by restarting
        # the unit named in their PODMAN_SYSTEMD_UNIT (the units set it to %n).
        args.append(f"--label={AUTO_UPDATE_LABEL}={spec.ovs.auto_update}")
    return [*args, f"--network={network}", "--log-driver=journald", "--pull=never"]


def state_files(spec: Spec, name: str) -> list[str]:
    """The PID and container-ID files the podman unit of container name writes."""
    if spec.runtime != "podman":
        return []
    return [f"{STATE_DIR}/{name}.pid", f"{STATE_DIR}/{name}.cid"]


def ovs_network(spec: Spec, switch: str | None) -> str:
    """The network of instance switch's OVS containers: the host's for the main instance;
    for another, its network namespace (docker: that of the namespace's holder container)."""
    if switch is None:
        return "host"
    if spec.runtime == "docker":
        return f"container:{NETNS_HOLDER}{suffix(switch)}"
    return f"ns:{NETNS_DIR}/{switch}"


def ovs_image(spec: Spec, switch: str | None) -> str:
    """The image of instance switch's OVS containers."""
    if switch is None:
        return spec.ovs.image
    found = next(s for s in spec.switches if s.name == switch)
    return found.image or spec.ovs.image


def _ovs_prefix(
    spec: Spec, name: str, caps: tuple[str, ...] = (), switch: str | None = None
) -> list[str]:
    """The start of the run command of OVS container name: its init and its privileges
    (--privileged when the spec asks, else no capability but caps).

    With ``--init`` the daemon is not PID 1 of its PID namespace. An OVS daemon ends on
    SIGTERM by raising it again with the default action, which PID 1 ignores; it then calls
    abort(), whose SIGABRT PID 1 ignores too, and dies on a general protection fault: every
    stop would end as a crash (exit 139, a failed unit). Under podman's catatonit or
    docker's tini it dies of the SIGTERM (exit 143).
    """
    args = _run_prefix(spec, name, ovs_network(spec, switch))
    if spec.ovs.init:
        args.append("--init")
    if spec.ovs.privileged:
        args.append("--privileged")
    else:
        args += [
            "--cap-drop=all",
            *(f"--cap-add={cap}" for cap in caps),
            "--security-opt=no-new-privileges",
        ]
    return args


# ovsdb-server's SSL settings for pssl: and ssl: managers: the SSL table's (ovs.ssl).
OVSDB_SSL_ARGS = tuple(
    f"--{option}=db:Open_vSwitch,SSL,{column}"
    for option, column in (
        ("private-key", "private_key"),
        ("certificate", "certificate"),
        ("ca-cert", "ca_cert"),
    )
)


def _ssl_volumes(spec: Spec, switch: str | None) -> list[str]:
    """The SSL table's files (ovs.ssl; the main instance's), read-only at their own paths."""
    ssl = spec.ovs.ssl if switch is None else None
    return [f"--volume={path}:{path}:ro,z" for path in ssl.paths] if ssl else []


def ovsdb_run(spec: Spec, switch: str | None = None) -> list[str]:
    ssl = spec.ovs.ssl is not None and switch is None
    return [
        *_ovs_prefix(spec, ovsdb_name(switch), switch=switch),
        f"--volume={db_dir(switch)}:/var/lib/openvswitch:Z",
        f"--volume={run_dir(switch)}:/run/openvswitch:z",
        *_ssl_volumes(spec, switch),
        "--entrypoint=ovsdb-server",
        ovs_image(spec, switch),
        *OVSDB_ARGS,
        *(OVSDB_SSL_ARGS if ssl else ()),
    ]


def vswitchd_run(spec: Spec, switch: str | None = None) -> list[str]:
    args = _ovs_prefix(spec, vswitchd_name(switch), VSWITCHD_CAPS, switch)
    dpdk = spec.dpdk if switch is None else None  # (DPDK stays with the main instance)
    if not spec.ovs.privileged:
        args.append("--device=/dev/net/tun")
        if dpdk and dpdk.bound:
            # vfio-pci NICs; /dev/vfio exists once vfio-pci is loaded (dpdk-bind runs first).
            args.append("--device=/dev/vfio")
    args.append(f"--volume={run_dir(switch)}:/run/openvswitch:z")
    args += _ssl_volumes(spec, switch)
    if dpdk:
        args.append(f"--volume={HUGEPAGES_DIR}:{HUGEPAGES_DIR}")
    args += [
        f"--entrypoint={spec.ovs.vswitchd}",
        ovs_image(spec, switch),
        OVSDB_SOCKET,
        "--pidfile=/run/openvswitch/ovs-vswitchd.pid",
        "--unixctl=/run/openvswitch/ovs-vswitchd.ctl",
        "-vconsole:info",
        "-vsyslog:off",
        "--mlockall",
    ]
    return args


# systemd's specifier for a unit's name without ".service": in the one unit body every
# container ovs-ignite runs shares, the container's name.
NAME_SPECIFIER = "%N"


def container_prefix(spec: Spec) -> list[str]:
    """The start of the run command of every image: container, as their shared unit body
    writes it: the container's name is the unit's (%N). The host script's run-container
    adds each container's own part from its data file (container_options)."""
    return _run_prefix(spec, NAME_SPECIFIER, "none")


def container_options(container: Container) -> list[str]:
    """The container's own run options, in the order run-container adds them."""
    args = []
    if container.init:
        # As PID 1 of its container, a process that sets no SIGTERM handler (a shell,
        # busybox, sleep) ignores the stop's SIGTERM and is killed at the stop timeout: a
        # failed unit (137). Under the init it dies of the signal (143, a clean stop).
        args.append("--init")
    args += [f"--env={key}={value}" for key, value in container.env.items()]
    return args + [f"--volume={volume}" for volume in container.volumes]


def container_run(spec: Spec, container: Container) -> list[str]:
    """The whole run command of container, as its unit and run-container make it."""
    prefix = [word.replace(NAME_SPECIFIER, container.name) for word in container_prefix(spec)]
    return [*prefix, *container_options(container), container.image or "", *container.command]
