"""The fixed names of the host side, each spelled here once: paths, units, containers, the
external_ids and options ovs-ignite sets in OVS. plan, checks, verify and the tests import
them from here; the host script (units/ovs-ignite-host) spells the same ones in bash.
"""

from __future__ import annotations

import hashlib

# -- paths --------------------------------------------------------------------------------------

# Where the host scripts go: systemd on FCOS may only execute files SELinux labels as
# programs, which /usr/local/bin (/var/usrlocal) is and /opt (/var/opt) is not; Flatcar's
# /usr is read-only and its own programs go to /opt/bin.
BIN_DIR = {"fcos": "/usr/local/bin", "flatcar": "/opt/bin"}
SCRIPT_NAME = "ovs-ignite-host"
# The functions that run inside the OVS containers; the host script finds them beside itself.
OVS_SCRIPT_NAME = "ovs-ignite-ovs.sh"
# The parts of the host side beside the host script, each shipped only where a spec needs
# it (the script's header says which command sources which): the data format, the OVS
# database steps, the attach of containers, docker's run wrapper, the DPDK steps.
HOST_FORMAT_NAME = "ovs-ignite-host.format"
OVSDB_SCRIPT_NAME = "ovs-ignite-ovsdb.sh"
ATTACH_SCRIPT_NAME = "ovs-ignite-attach.sh"
DOCKER_SCRIPT_NAME = "ovs-ignite-docker.sh"
DPDK_SCRIPT_NAME = "ovs-ignite-dpdk.sh"
# The uplink of a bridge (uplink:): the move of the host's NIC and address onto it, and
# udhcpc's event script (run in the ovs-vswitchd container) for address: dhcp.
UPLINK_SCRIPT_NAME = "ovs-ignite-uplink.sh"
UDHCPC_SCRIPT_NAME = "ovs-ignite-udhcpc"
# The DHCP clients of containers' interfaces (address: dhcp).
DHCP_SCRIPT_NAME = "ovs-ignite-dhcp.sh"
# The OpenFlow records of bridges: controllers (and their settings), mirrors.
OPENFLOW_SCRIPT_NAME = "ovs-ignite-openflow.sh"
OPENFLOW_FORMAT_NAME = "ovs-ignite-openflow.format"
UPLINK_FORMAT_NAME = "ovs-ignite-uplink.format"
# The egress QoS of ports and containers' interfaces (qos:).
QOS_SCRIPT_NAME = "ovs-ignite-qos.sh"
QOS_FORMAT_NAME = "ovs-ignite-qos.format"
SCRIPT = {os_: f"{folder}/{SCRIPT_NAME}" for os_, folder in BIN_DIR.items()}
# The static units name the script at its FCOS path; a Flatcar render puts in its own.
UNITS_SCRIPT = SCRIPT["fcos"]
# The host side of the spec's other OVS instances (switches:), which sources the host
# script, and the format of their data (only on hosts whose spec has switches:).
SWITCH_SCRIPT_NAME = "ovs-ignite-switch"
SWITCH_FORMAT_NAME = "ovs-ignite-switch.format"
# Every file of the host side that goes beside the host script, for some spec.
HOST_SIDE_NAMES = (
    SCRIPT_NAME,
    HOST_FORMAT_NAME,
    OVS_SCRIPT_NAME,
    OVSDB_SCRIPT_NAME,
    ATTACH_SCRIPT_NAME,
    DOCKER_SCRIPT_NAME,
    DPDK_SCRIPT_NAME,
    UPLINK_SCRIPT_NAME,
    UPLINK_FORMAT_NAME,
    UDHCPC_SCRIPT_NAME,
    DHCP_SCRIPT_NAME,
    OPENFLOW_SCRIPT_NAME,
    OPENFLOW_FORMAT_NAME,
    QOS_SCRIPT_NAME,
    QOS_FORMAT_NAME,
    SWITCH_SCRIPT_NAME,
    SWITCH_FORMAT_NAME,
)
SWITCH_SCRIPT = {os_: f"{folder}/{SWITCH_SCRIPT_NAME}" for os_, folder in BIN_DIR.items()}
UNITS_SWITCH_SCRIPT = SWITCH_SCRIPT["fcos"]

CONFIG_DIR = "/etc/ovs-ignite"
HOST_DATA = f"{CONFIG_DIR}/host.conf"
# podman writes each container's PID and ID here; the attach reads them (no podman call).
STATE_DIR = "/run/ovs-ignite"
MODULES_FILE = "/etc/modules-load.d/ovs-ignite.conf"
TMPFILES_FILE = "/etc/tmpfiles.d/ovs-ignite.conf"
HOSTNAME_FILE = "/etc/hostname"
# The host end of every container's veth: this, then 12 hex digits (host_interface_name).
HOST_IF_PREFIX = "ovi"
# Tells systemd-networkd (Flatcar's network manager) to leave OVS's interfaces alone; it
# sorts before every .network file of the OS (Flatcar's catch-all is zz-default.network).
NETWORKD_FILE = "/etc/systemd/network/00-ovs-ignite.network"
# Tells NetworkManager (FCOS's network manager) the same, in a device section of its own
# that no other configuration file overrides.
NETWORKMANAGER_FILE = "/etc/NetworkManager/conf.d/00-ovs-ignite.conf"
# The interfaces OVS makes on a host besides a spec's bridges and ports: the datapath's own,
# the userspace datapath's tap, the kernel's tunnel devices, the host ends of containers'
# veths (host_interface_name).
OVS_DEVICES = (
    "ovs-system",
    "ovs-netdev",
    "vxlan_sys_*",
    "genev_sys_*",
    "gre_sys",
    "stt_sys_*",
    f"{HOST_IF_PREFIX}*",
)


def switch_data(switch: str) -> str:
    """The host data file of OVS instance switch."""
    return f"{CONFIG_DIR}/switches/{switch}.conf"


def attachment_data(container: str) -> str:
    """The host data file of container's interfaces on bridges of other OVS instances."""
    return f"{CONFIG_DIR}/attachments/{container}.conf"


# The folders of the bridges' and the containers' data files (NAME.conf in each).
BRIDGES_DATA_DIR = f"{CONFIG_DIR}/bridges/"
CONTAINERS_DATA_DIR = f"{CONFIG_DIR}/containers/"


def bridge_data(bridge: str) -> str:
    """The host data file of bridge."""
    return f"{BRIDGES_DATA_DIR}{bridge}.conf"


def container_data(container: str) -> str:
    """The host data file of container (its interfaces)."""
    return f"{CONTAINERS_DATA_DIR}{container}.conf"


# -- units and containers -----------------------------------------------------------------------

OVSDB = "ovsdb-server"  # the container of the OVS database, and its unit's name
VSWITCHD = "ovs-vswitchd"  # the container of the switch, and its unit's name
OVSDB_UNIT = f"{OVSDB}.service"
VSWITCHD_UNIT = f"{VSWITCHD}.service"
BRIDGES_UNIT = "ovs-ignite-bridges.service"
DPDK_BIND_UNIT = "ovs-ignite-dpdk-bind.service"
ATTACH_TEMPLATE = "ovs-attach@.service"
# At shutdown, containers' processes stop after every attach unit (see the target's text).
DETACH_TARGET = "ovs-ignite-detach.target"
SCOPE_DROPIN = {
    "podman": "/etc/systemd/system/libpod-.scope.d/50-ovs-ignite.conf",
    "docker": "/etc/systemd/system/docker-.scope.d/50-ovs-ignite.conf",
}
SCOPE_DROPIN_SOURCE = "ovs-ignite-scope.conf"
# The unit of an image: container is NAME.service, only its [Install], with one drop-in: a
# link to the unit body all such containers share (the one that attaches them, or the one
# for containers without interfaces), where %N is the container's name.
UNITS_DIR = "/etc/systemd/system"
CONTAINER_DROPIN = "10-ovs-ignite.conf"
# (A folder among the units: systemd reads no unit from it, and it has their SELinux label.)
SHARED_UNITS_DIR = f"{UNITS_DIR}/ovs-ignite"
CONTAINER_BODY = f"{SHARED_UNITS_DIR}/container.conf"
UNATTACHED_CONTAINER_BODY = f"{SHARED_UNITS_DIR}/container-unattached.conf"
# The drop-in on a unit: container's own unit that binds its attach to it, and the one on
# the attach of such a container (whose unit is not NAME.service) for restarts.
WANTS_ATTACH_DROPIN = "50-ovs-attach.conf"
ATTACH_BINDING_DROPIN = "10-container.conf"
# (the drop-in of an image: container's unit with vhost-user interfaces: their socket
# folder and the volumes that bring it and the hugepages into the container)
VHOST_DROPIN = "20-vhost-user.conf"
# podman's auto-update: the label that opts a container in, and the timer that runs it.
AUTO_UPDATE_LABEL = "io.containers.autoupdate"
AUTO_UPDATE_TIMER = "podman-auto-update.timer"
# Unit names a container may not take: they are ovs-ignite's own.
OWN_UNIT_PREFIXES = ("ovs-attach", "ovs-ignite")
# Container names ovs-ignite derives for itself (instances' OVS containers NAME-N, docker's
# namespace holders ovs-netns-N): no container of a spec may take one, on any instance.
DERIVED_CONTAINER_PREFIXES = ("ovsdb-server", "ovs-vswitchd", "ovs-netns")


def attach_unit(container: str) -> str:
    """The instance of the attach unit of container."""
    return f"ovs-attach@{container}.service"


def container_unit(container: str) -> str:
    """The unit ovs-ignite writes to run container (image: containers)."""
    return f"{container}.service"


def container_dropin(container: str) -> str:
    """The path of the drop-in of container's unit that links to the shared unit body."""
    return f"{UNITS_DIR}/{container_unit(container)}.d/{CONTAINER_DROPIN}"


def vhost_socket(container: str, ifname: str, inside: bool = False) -> str:
    """The socket of container's vhost-user interface ifname: as the host and ovs-vswitchd
    see it, or (inside) as the container does."""
    if inside:
        return f"{VHOST_CONTAINER_DIR}/{ifname}.sock"
    return f"{VHOST_HOST_DIR}/{container}/{ifname}.sock"


def host_interface_name(container: str, ifname: str) -> str:
    """The host end of a container's veth (and the OVS port of a vhost-user interface): 15
    characters, the same on every boot."""
    digest = hashlib.sha256(f"{container}/{ifname}".encode()).hexdigest()
    return HOST_IF_PREFIX + digest[:12]


def container_body(attached: bool) -> str:
    """The shared unit body of the image: containers with interfaces (attached) or without."""
    return CONTAINER_BODY if attached else UNATTACHED_CONTAINER_BODY


def default_interface_name(index: int) -> str:
    """The name inside a container of its interface index when the spec gives none."""
    return f"eth{index + 1}"


# -- OVS ----------------------------------------------------------------------------------------

# external_ids of a container's interface, as ovs-docker sets them.
CONTAINER_ID = "container_id"
CONTAINER_IFACE = "container_iface"
# The Interface type of a container's vhost-user interface (OVS is the socket's client,
# the container's DPDK application its server), and the option that names the socket.
VHOST_TYPE = "dpdkvhostuserclient"
VHOST_PATH = "vhost-server-path"
# external_ids key of a vhost-user port: CONTAINER/IFNAME (not container_id, whose ports
# the attach and the sweep own: a port whose veth is gone is stale, and this has none).
VHOST_OF = "ovs-ignite-vhost"
# The host's folder of each container's vhost-user sockets (its unit's RuntimeDirectory,
# under ovs-vswitchd's run folder), and where the container sees its own.
VHOST_HOST_DIR = "/run/openvswitch/vhost"
VHOST_CONTAINER_DIR = "/run/vhost"
# The host's hugetlbfs (systemd mounts it), where DPDK applications keep their memory.
HUGEPAGES_DIR = "/dev/hugepages"
# A socket's path fits sockaddr_un's sun_path (108 bytes with the closing NUL).
SOCKET_PATH_MAX = 107
# options: of the interface of each port type that has them.
REMOTE_IP = "remote_ip"
TUNNEL_KEY = "key"
# An Interface's ingress policing: rate (kbit/s) and burst (kbit).
POLICING_COLUMNS = ("ingress_policing_rate", "ingress_policing_burst")
PATCH_PEER = "peer"
DPDK_DEVARGS = "dpdk-devargs"
RXQ_AFFINITY = "pmd-rxq-affinity"  # (an Interface other_config key)
# The Open_vSwitch other_config keys of the dpdk section: key -> its field (dpdk-init: the
# section itself; pmd-auto-lb: the sub-section, on when given).
DPDK_KEYS = {
    "dpdk-init": "dpdk",
    "dpdk-socket-mem": "dpdk.socket_mem",
    "dpdk-socket-limit": "dpdk.socket_limit",
    "dpdk-lcore-mask": "dpdk.lcore_mask",
    "pmd-cpu-mask": "dpdk.pmd_cpu_mask",
    "pmd-auto-lb": "dpdk.pmd_auto_lb",
    "pmd-auto-lb-load-threshold": "dpdk.pmd_auto_lb.load_threshold",
    "pmd-auto-lb-improvement-threshold": "dpdk.pmd_auto_lb.improvement_threshold",
    "pmd-auto-lb-rebal-interval": "dpdk.pmd_auto_lb.rebal_interval",
    "emc-insert-inv-prob": "dpdk.emc_insert_inv_prob",
    "smc-enable": "dpdk.smc_enable",
    "vhost-postcopy-support": "dpdk.vhost_postcopy",
    "userspace-tso-enable": "dpdk.userspace_tso",
    "hw-offload": "dpdk.hw_offload",
    "max-idle": "dpdk.max_idle",
    "dpdk-extra": "dpdk.extra",
}
# The Bridge other_config key a bridge's datapath_id sets.
DATAPATH_ID = "datapath-id"
# external_ids keys that start so are ovs-ignite's own (Open_vSwitch ovs-ignite-started).
OWN_KEY_PREFIX = "ovs-ignite"


# -- OVS instances (switches:) ------------------------------------------------------------------

# An instance N besides the main one has its own containers and units (NAME-N), database
# and sockets, and network namespace /run/netns/N, which a unit makes before its OVS starts.
NETNS_DIR = "/run/netns"
NETNS_TEMPLATE = "ovs-ignite-netns@.service"
INSTANCE_BRIDGES_TEMPLATE = "ovs-ignite-bridges@.service"
# docker joins no network namespace by path: its OVS containers share the network of a
# holder container, whose namespace the netns unit names /run/netns/N.
NETNS_HOLDER = "ovs-netns"


def suffix(switch: str | None) -> str:
    """What the names of instance switch end in: nothing for the main one (None)."""
    return "" if switch is None else f"-{switch}"


def ovsdb_name(switch: str | None) -> str:
    return OVSDB + suffix(switch)


def vswitchd_name(switch: str | None) -> str:
    return VSWITCHD + suffix(switch)


def db_dir(switch: str | None) -> str:
    """The folder of instance switch's database (conf.db)."""
    return "/var/lib/openvswitch" + suffix(switch)


def run_dir(switch: str | None) -> str:
    """The folder of instance switch's sockets, PID files and control sockets."""
    return "/run/openvswitch" + suffix(switch)


def netns_unit(switch: str) -> str:
    return f"ovs-ignite-netns@{switch}.service"


def bridges_unit(switch: str | None) -> str:
    return BRIDGES_UNIT if switch is None else f"ovs-ignite-bridges@{switch}.service"


# The uplink of bridge B (uplink:): ovs-ignite-uplink@B.service moves the NIC and the host's
# address onto B and hands them back when it stops; with address: dhcp it starts
# ovs-ignite-dhcp@B.service, the DHCP client of B.
UPLINK_TEMPLATE = "ovs-ignite-uplink@.service"
DHCP_TEMPLATE = "ovs-ignite-dhcp@.service"
# The DHCP clients of container C's interfaces with address: dhcp: the attach of C wants
# ovs-ignite-container-dhcp@C.service (a drop-in), which is bound to it.
CONTAINER_DHCP_TEMPLATE = "ovs-ignite-container-dhcp@.service"
ATTACH_DHCP_DROPIN = "30-dhcp.conf"
# (the drop-in of a container's attach whose port is a mirror's output)
ATTACH_MIRROR_DROPIN = "40-mirror.conf"
# (the drop-in of a container's attach with an interface with an egress QoS)
ATTACH_QOS_DROPIN = "50-qos.conf"


def container_dhcp_unit(container: str) -> str:
    return f"ovs-ignite-container-dhcp@{container}.service"


# The marks in the OVS database: an uplink's Interface (the boot's ID), and the bridge's own
# Interface with address: dhcp (bound once its DHCP client has a lease, and the lease).
UPLINK_MARK = "ovs-ignite-uplink"
DHCP_MARK = "ovs-ignite-dhcp"
LEASE_MARK = "ovs-ignite-lease"


def uplink_unit(bridge: str) -> str:
    return f"ovs-ignite-uplink@{bridge}.service"


# The drop-in on the attach of a container with interfaces on other instances: it attaches
# and detaches those too.
SWITCHES_ATTACH_DROPIN = "20-switches.conf"
