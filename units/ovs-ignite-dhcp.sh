#!/bin/bash
# ovs-ignite-dhcp.sh: the DHCP clients of containers' interfaces of ovs-ignite-host
# (units/ovs-ignite-dhcp.sh), on every host whose spec has a container interface with
# address: dhcp; do not edit by hand.
# ovs-ignite-host sources it for its container-dhcp command (the units
# ovs-ignite-container-dhcp@NAME). It uses the host script's functions (interface_rows,
# running_pids, in_ovs).

# Where udhcpc's event script goes in the ovs-vswitchd container: its own file system (the
# host's /run may be mounted noexec, and udhcpc says nothing when it cannot run the script).
UDHCPC_IN_OVS=/usr/local/sbin/ovs-ignite-udhcpc

# Run the DHCP clients of container $1's interfaces with address: dhcp (the unit's main
# process): a busybox udhcpc of the OVS image for each, in ovs-vswitchd's mount namespace
# (its binaries) and the container's network namespace. Each asks for an address; its event
# script (ovs-ignite-udhcpc) sets it with the lease's lifetime and the lease's default route,
# and marks the port's Interface record; it renews the lease while it runs. When one client
# ends, all do and the unit fails (systemd starts it again); a stop stops them all.
cmd_container_dhcp() {
    local name=${1:?a container name} rows f pids pid options=() clients=() ifname
    check_name "$name"
    rows=$(interface_rows "$name")
    pids=$(running_pids "$name" "$VSWITCHD") || die "container $name or $VSWITCHD does not run"
    pid=${pids%%$'\n'*}
    VSWITCHD_PID=${pids##*$'\n'}
    [[ ! $name =~ ^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$ ]] || options+=(-x "hostname:$name")
    local copy="command -v busybox >/dev/null && cat >$UDHCPC_IN_OVS && chmod 0755 $UDHCPC_IN_OVS"
    in_ovs "$VSWITCHD_PID" sh -c "$copy" <"$HERE/ovs-ignite-udhcpc" ||
        die "container $name: the OVS image has no busybox (its udhcpc is the DHCP client)"
    trap 'kill "${clients[@]}" 2>/dev/null; exit 0' TERM
    while read -r -a f; do
        [[ ${f[6]} == dhcp ]] || continue
        nsenter --target "$VSWITCHD_PID" --mount --net="/proc/$pid/ns/net" -- env -i \
            "$OVS_PATH" "OVS_IGNITE_RECORD=${f[2]}" busybox udhcpc -f -i "${f[0]}" \
            -s "$UDHCPC_IN_OVS" -t 5 -T 2 -A 2 "${options[@]}" &
        clients+=($!)
        ifname=${f[0]}
    done <<<"$rows"
    ((${#clients[@]})) || die "container $name has no interface with address: dhcp"
    log "container $name: DHCP clients run for ${#clients[@]} interface(s), the last $ifname"
    wait -n || true
    kill "${clients[@]}" 2>/dev/null || true
    die "container $name: a DHCP client ended (did the container stop?)"
}
