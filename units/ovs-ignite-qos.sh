#!/bin/bash
# ovs-ignite-qos.sh: the egress QoS of ports and containers' interfaces of ovs-ignite-host
# (units/ovs-ignite-qos.sh), on every host whose spec has a qos:; do not edit by hand.
# The bridges step (ovs-ignite-ovsdb.sh) sources it for a bridge whose ports have a QoS, and
# the qos command (an attach's ExecStartPost, for a container whose interfaces have one).
# It uses the host script's functions (vsctl, data_list, read_named, find_vswitchd, log).
#
# A port's QoS record and its Queue records are made anew each time, marked
# external_ids:ovs-ignite=qos, and the port's earlier ones of ovs-ignite removed in the same
# transaction. QoS and Queue are root tables, which OVSDB does not clean up by itself:
# qos_sweep removes the records of ovs-ignite that no port has any more (those of a
# container's port that is gone, of a port whose QoS the spec no longer gives).

# Add to the caller's transaction the words that give port $1 a new linux-htb QoS record of
# max-rate $2 with queues $3... ("ID,KEY=VALUE...", the other_config keys of its Queue
# record), and remove the port's present one when ovs-ignite made it.
qos_words() {
    local port=$1 columns=(type=linux-htb "other_config:max-rate=$2" external_ids:ovs-ignite=qos)
    local queue q setting id old
    shift 2
    for queue; do
        IFS=, read -r -a q <<<"$queue"
        id="@q${#transaction[@]}" # (unique: the transaction only grows)
        transaction+=(-- "--id=$id" create queue external_ids:ovs-ignite=qos)
        for setting in "${q[@]:1}"; do
            transaction+=("other_config:$setting")
        done
        columns+=("queues:${q[0]}=$id")
    done
    id="@q${#transaction[@]}"
    transaction+=(-- "--id=$id" create qos "${columns[@]}" -- set port "$port" "qos=$id")
    old=$(vsctl --if-exists get port "$port" qos)
    if [[ $old =~ ^[0-9a-f-]{36}$ ]]; then
        own_qos_words "$old"
    fi
}

# Add to the caller's transaction the words that remove QoS record $1, with its queues, when
# ovs-ignite made it (external_ids:ovs-ignite=qos) and no other port has it (one set on
# another port too, by hand, stays until a sweep finds no port has it).
own_qos_words() {
    local queues
    [[ $(vsctl --if-exists get qos "$1" external_ids:ovs-ignite 2>/dev/null) == qos ]] || return 0
    [[ $(vsctl --data=bare --no-heading --columns=_uuid find port "qos=$1") != *$'\n'* ]] ||
        return 0
    read -r -a queues <<<"$(vsctl get qos "$1" queues | tr -d '{},')" # (N=UUID each)
    destroy_qos_words "$1" "${queues[@]}"
}

# Add to the caller's transaction the words that remove QoS record $1 and its queues $2...
# (N=UUID each; one removed meanwhile is skipped).
destroy_qos_words() {
    local queue
    transaction+=(-- --if-exists destroy qos "$1")
    for queue in "${@:2}"; do
        transaction+=(-- --if-exists destroy queue "${queue#*=}")
    done
}

# Add to the caller's transaction the words that give bridge $1's ports their QoS
# (read_named read its data; the transaction clears every port's first), after a sweep.
bridge_qos_words() {
    local lines line f
    qos_sweep
    data_list qos lines
    for line in "${lines[@]}"; do
        read -r -a f <<<"$line" # (port max-rate queue...)
        qos_words "${f[@]}"
    done
}

# Remove, in one transaction, the QoS records of ovs-ignite that no port has, with their
# queues. Ours are listed before the ports: one made meanwhile is not among them. A sweep
# that fails leaves them to the next one.
qos_sweep() {
    local ours used uuid queues q transaction=() # (its own, not the caller's)
    ours=$(vsctl --format=csv --data=bare --no-heading --columns=_uuid,queues \
        find qos external_ids:ovs-ignite=qos)
    used=$'\n'$(vsctl --data=bare --no-heading --columns=qos list port)$'\n'
    while IFS=, read -r uuid queues; do
        [[ -n $uuid && $used != *$'\n'$uuid$'\n'* ]] || continue
        read -r -a q <<<"$queues" # (ID=UUID each)
        destroy_qos_words "$uuid" "${q[@]}"
    done <<<"$ours"
    if ((${#transaction[@]})) && ! vsctl "${transaction[@]:1}"; then
        log "could not remove the QoS records no port has; the next sweep will"
    fi
}

# Give container $1's interfaces their QoS (after its attach made their ports): those with
# one in its data a new QoS record, the others none; then sweep.
cmd_qos() {
    local name=${1:?a container name} rows line f transaction=()
    local -A host_if=()
    check_name "$name"
    read_named container "$name"
    find_vswitchd
    data_list interface rows
    for line in "${rows[@]}"; do
        read -r -a f <<<"$line" # (ifname bridge host_if ...)
        host_if[${f[0]}]=${f[2]}
        transaction+=(-- --if-exists clear port "${f[2]}" qos)
    done
    data_list qos rows
    for line in "${rows[@]}"; do
        read -r -a f <<<"$line" # (ifname max-rate queue...)
        [[ -v host_if[${f[0]}] ]] || die "container $name: no interface ${f[0]} for its QoS"
        qos_words "${host_if[${f[0]}]}" "${f[@]:1}"
    done
    ((${#transaction[@]} == 0)) || vsctl "${transaction[@]:1}"
    qos_sweep
}
