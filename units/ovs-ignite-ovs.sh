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
ovsdb_prepare | detach_ports) "$command" "$@" </dev/null ;;
*)
    echo "usage: ovs-ignite-ovs ovsdb_prepare|detach_ports ARGUMENT..." >&2
    exit 2
    ;;
esac
