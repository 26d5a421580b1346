#!/bin/bash
# ovs-ignite-ovsdb.sh: the OVS database steps of ovs-ignite-host (units/ovs-ignite-ovsdb.sh),
# the same file on every host; do not edit by hand.
# ovs-ignite-host sources it for the commands of the units of OVS: ovsdb-prepare,
# ovsdb-ready, configure, vswitchd-ready and bridges. It uses the host script's functions
# and its extension points (OVSDB, VSWITCHD, IP, link_indexes).

# Create the database on first boot; convert it (after a copy) when the image brings a
# newer schema. ovsdb-tool runs in a throwaway container of the OVS image.
cmd_ovsdb_prepare() {
    "$RUNTIME" run --rm --pull=never --network=none --cap-drop=all \
        --security-opt=no-new-privileges --volume="$DB_DIR:/var/lib/openvswitch:Z" \
        --entrypoint=/bin/sh "$OVS_IMAGE" -c "$OVS_FUNCTIONS" ovs-ignite-ovs \
        ovsdb_prepare "$OVS_SCHEMA"
}

cmd_ovsdb_ready() {
    wait_running "$OVSDB"
    DB_PID=$(running_pids "$OVSDB")
    in_ovs "$DB_PID" ovs-vsctl --retry --no-wait --timeout="$TIMEOUT" show >/dev/null
    sweep_stale_ports db_vsctl
}

cmd_configure() {
    local settings transaction=(del-manager -- del-ssl)
    DB_PID=$(running_pids "$OVSDB")
    db_vsctl init
    data_list open_vswitch settings
    if ((${#settings[@]})); then
        transaction+=(-- set Open_vSwitch . "${settings[@]}")
    fi
    # (the managers and the SSL table are the spec's: cleared, then set, in one transaction)
    command_words ovsdb
    db_vsctl "${transaction[@]}"
}

# Add to transaction the ovs-vsctl commands of the data's key $1, a line each.
command_words() {
    local commands command words
    data_list "$1" commands
    for command in "${commands[@]}"; do
        read -r -a words <<<"$command"
        transaction+=(-- "${words[@]}")
    done
}

cmd_vswitchd_ready() {
    local token=${1:?an invocation id}
    wait_running "$VSWITCHD"
    find_vswitchd
    # ovs-vsctl returns once ovs-vswitchd has applied this (always new) change: it is ready.
    vsctl set Open_vSwitch . "external_ids:ovs-ignite-started=\"${token//[^A-Za-z0-9-]/}\""
}

# The `ip -batch` lines that put addresses $1 (one a line) on interface $2; an IPv6 address
# skips duplicate address detection, so that it is usable at once.
address_lines() {
    local address
    while read -r address; do
        if [[ $address == *:* ]]; then
            printf '%s\n' "addr replace $address dev $2 nodad"
        else
            printf '%s\n' "addr replace $address dev $2"
        fi
    done <<<"$1"
}

cmd_bridges() {
    local bridges bridge transaction settings setting
    data_list bridge bridges
    find_vswitchd
    for bridge in "${bridges[@]}"; do
        read_named bridge "$bridge"
        transaction=()
        command_words vsctl
        data_list setting settings
        if ((${#settings[@]})); then
            transaction+=(-- set bridge "$bridge" "${settings[@]}")
        fi
        # (a port's setting: its name, a space, then the setting, one word)
        data_list port_setting settings
        for setting in "${settings[@]}"; do
            transaction+=(-- set port "${setting%% *}" "${setting#* }")
        done
        if [[ -v DATA[controller] || -v DATA[mirror] ]]; then
            load_part openflow
            openflow_words "$bridge"
        fi
        if [[ -v DATA[qos] ]]; then
            load_part qos
            bridge_qos_words
        fi
        # One transaction per bridge: the bridge, its settings, ports, controllers, mirrors,
        # QoS.
        vsctl "${transaction[@]:1}"
        [[ ! -v DATA[controller] ]] || controller_settings "$bridge"
        if [[ -v DATA[address] || -v DATA[mtu] ]]; then
            "${IP[@]}" link set dev "$bridge" up
        fi
        # (an uplink's bridge gets its addresses from the uplink's move, not here)
        if [[ -v DATA[address] && ! -v DATA[uplink] ]]; then
            address_lines "${DATA[address]}" "$bridge" | "${IP[@]}" -batch -
        fi
    done
    sweep_stale_ports vsctl
}

# Remove the ports of containers (external_ids:container_id, ours and ovs-docker's) whose
# veth is gone from the host (a detach that could not reach OVS, a crash, the last boot), in
# one transaction. $1: vsctl or db_vsctl (before vswitchd). It holds the batch lock, so no
# attach's OVS step runs meanwhile, and looks again under it: a veth made anew keeps its
# port. A sweep that cannot finish says so and leaves the rest to the next one: it never
# fails the start of OVS.
sweep_stale_ports() {
    local ctl=$1 listing port ids owner gone=() stale=() removed=()
    if ! listing=$("$ctl" --format=csv --data=bare --no-heading --columns=name,external_ids \
        find interface); then
        log "could not list the ports of containers; stale ports stay until the next sweep"
        return 0
    fi
    while IFS=, read -r port ids; do
        # (CSV quotes a field that holds a comma or a quote: allow for a leading one.)
        [[ $ids =~ (^|[\" ])container_id=([a-zA-Z0-9][a-zA-Z0-9_.-]*)([\" ]|$) ]] || continue
        owner=${BASH_REMATCH[2]}
        link_indexes "$port" || gone+=("$port $owner")
    done <<<"$listing"
    if ((${#gone[@]})); then
        lock_batch 10 || {
            log "the batch lock is held; stale ports stay until the next sweep"
            return 0
        }
        for port in "${gone[@]}"; do
            link_indexes "${port%% *}" && continue
            stale+=(-- --if-exists del-port "${port%% *}")
            removed+=("$port")
        done
        if ((${#stale[@]})) && ! "$ctl" "${stale[@]:1}"; then
            unlock_batch
            log "could not remove the stale ports; the next sweep will"
            return 0
        fi
        unlock_batch
        for port in "${removed[@]}"; do
            log "removed stale port ${port%% *} of container ${port#* } (its veth is gone)"
        done
    fi
    rm -f "$STATE_DIR/stale-ports"
}
