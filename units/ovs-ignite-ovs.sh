#!/bin/sh
# ovs-ignite-ovs.sh: the functions of ovs-ignite-host that run inside an OVS container
# (units/ovs-ignite-ovs.sh), the same file on every host; do not edit by hand.
#
# The host has no OVS tools, so ovs-ignite-host runs this script with the OVS image's own
# shell: `sh -c "$(cat ovs-ignite-ovs.sh)" ovs-ignite-ovs FUNCTION ARGUMENT...`, in the
# mount namespace of a running OVS container or in a throwaway container of the OVS image.
# POSIX sh: the image may have no bash.
set -eu

# Create the database on first boot; convert it (after a copy) when the image brings a
# newer schema. $1: the schema file in the image.
ovsdb_prepare() {
    schema=$1
    db=/var/lib/openvswitch/conf.db
    if [ ! -s "$db" ]; then
        ovsdb-tool create "$db" "$schema"
        echo "ovs-ignite: created $db"
    elif [ "$(ovsdb-tool needs-conversion "$db" "$schema")" = yes ]; then
        cp -p "$db" "$db.pre-convert"
        ovsdb-tool convert "$db" "$schema"
        echo "ovs-ignite: converted $db to $(ovsdb-tool db-version "$db") (old copy: $db.pre-convert)"
    fi
}

# The names of the ports whose interface has external_ids $2... (KEY=VALUE), one a line.
ports_with() {
    timeout=$1
    shift
    ovs-vsctl --timeout="$timeout" --data=bare --no-heading --columns=name find interface "$@"
}

# Remove the stale ports of container $1's interface $2 (all of them when the veth was made
# anew, $6 = 1: OVS would keep using the gone device), then add port $4 to bridge $3 with
# tag $5 ('-': none) and the external_ids ovs-docker sets. Prints the ports it removed.
# $7: ovs-vsctl's timeout in seconds.
attach_port() {
    name=$1 ifname=$2 bridge=$3 host_if=$4 vlan=$5 fresh=$6 timeout=$7
    stale=$(ports_with "$timeout" "external_ids:container_id=\"$name\"" \
        "external_ids:container_iface=\"$ifname\"")
    set --
    for port in $stale; do
        if [ "$fresh" = 1 ] || [ "$port" != "$host_if" ]; then
            set -- "$@" -- --if-exists del-port "$port"
            echo "$port"
        fi
    done
    if [ $# -gt 0 ]; then
        shift
        ovs-vsctl --timeout="$timeout" "$@"
    fi
    set -- --may-exist add-port "$bridge" "$host_if"
    if [ "$vlan" = - ]; then
        set -- "$@" -- clear port "$host_if" tag
    else
        set -- "$@" -- set port "$host_if" "tag=$vlan"
    fi
    ovs-vsctl --timeout="$timeout" "$@" -- set interface "$host_if" \
        "external_ids:container_id=\"$name\"" "external_ids:container_iface=\"$ifname\""
}

# Remove every port of container $1 from OVS, in one transaction; prints their names, one
# a line. $2: ovs-vsctl's timeout in seconds.
detach_ports() {
    name=$1 timeout=$2
    ports=$(ports_with "$timeout" "external_ids:container_id=\"$name\"")
    set --
    for port in $ports; do
        set -- "$@" -- --if-exists del-port "$port"
    done
    if [ $# -gt 0 ]; then
        shift
        ovs-vsctl --timeout="$timeout" "$@"
    fi
    if [ -n "$ports" ]; then
        printf '%s\n' "$ports"
    fi
}

command=${1:-}
[ $# -gt 0 ] && shift
case $command in
ovsdb_prepare | attach_port | detach_ports) "$command" "$@" </dev/null ;;
*)
    echo "usage: ovs-ignite-ovs ovsdb_prepare|attach_port|detach_ports ARGUMENT..." >&2
    exit 2
    ;;
esac
