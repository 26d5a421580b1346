#!/bin/bash
# ovs-ignite-openflow.sh: the OpenFlow records of bridges of ovs-ignite-host
# (units/ovs-ignite-openflow.sh), on every host whose spec has a bridge with controllers or
# mirrors; do not edit by hand.
# The bridges step (ovs-ignite-ovsdb.sh) sources it for a bridge with either, and the
# mirrors command (an attach's ExecStartPost, for a container that is a mirror's output).
# It uses the host script's functions (vsctl, data_list, read_named, find_vswitchd).

# Add to the caller's transaction the ovs-vsctl words of bridge $1's controllers and mirrors
# (read_named read its data).
openflow_words() {
    local wanted
    data_list controller wanted
    if ((${#wanted[@]})); then
        # (controller_words cannot fail: a failed look-up asks for them to be set)
        mapfile -t -O "${#transaction[@]}" transaction < <(controller_words "$1" "${wanted[@]}")
    fi
    mirror_words "$1"
}

# The ovs-vsctl words that set bridge $1's controllers to $2...: none when they are so
# already (setting them anew would drop the live OpenFlow connections).
controller_words() {
    local bridge=$1 current wanted
    shift
    current=$(vsctl get-controller "$bridge" 2>/dev/null | sort || true)
    wanted=$(printf '%s\n' "$@" | sort)
    if [[ $current != "$wanted" ]]; then
        printf '%s\n' -- set-controller "$bridge" "$@"
    fi
}

# Set the columns of bridge $1's Controller records as its data says (those it does not give
# cleared), in one transaction: setting a value it has already changes nothing.
controller_settings() {
    local uuid uuids target line words=() settings setting
    data_list controller_setting settings
    bridge_refs "$1" controller
    for uuid in "${uuids[@]}"; do
        target=$(get_text controller "$uuid" target)
        words+=(-- clear controller "$uuid" connection_mode inactivity_probe)
        for line in "${settings[@]}"; do
            read -r -a setting <<<"$line"
            if [[ ${setting[0]} == "$target" ]]; then
                words+=(-- set controller "$uuid" "${setting[@]:1}")
            fi
        done
    done
    vsctl "${words[@]:1}"
}

# The UUIDs that column $2 of bridge $1 refers to, in the caller's uuids (none before the
# bridge is made).
bridge_refs() {
    read -r -a uuids <<<"$(vsctl --if-exists get bridge "$1" "$2" | tr -d '[],')"
}

# Column $3 of record $2 of table $1, a string, without OVSDB's quotes.
get_text() {
    local text
    text=$(vsctl get "$1" "$2" "$3")
    text=${text#\"}
    printf '%s' "${text%\"}"
}

# The Mirror records of bridge $1 (name -> UUID), none before the bridge is made.
bridge_mirrors() {
    local uuid uuids
    MIRRORS=()
    bridge_refs "$1" mirrors
    for uuid in "${uuids[@]}"; do
        MIRRORS[$(get_text mirror "$uuid" name)]=$uuid
    done
}

# Add to the caller's transaction the words that make bridge $1's mirrors as its data says
# ("name select_all select_vlans src_ports dst_ports output_port output_vlan output_host_if",
# '-': none): one there has its columns set anew (those not given cleared), one not there is
# made, and one of the bridge's that the data does not name is removed. An output to a
# container's port is set when the port is there (the attach runs the mirrors command once
# it made it).
mirror_words() {
    local line lines f n=0 i k=0 port ports refs columns name
    local kinds=(select_src_port select_dst_port output_port)
    local -A MIRRORS=() named=()
    data_list mirror lines
    ((${#lines[@]})) || return 0
    bridge_mirrors "$1"
    for line in "${lines[@]}"; do
        read -r -a f <<<"$line"
        named[${f[0]}]=1 n=$((n + 1))
        columns=("select_all=${f[1]}")
        [[ ${f[2]} == - ]] || columns+=("select_vlan=${f[2]}")
        [[ ${f[6]} == - ]] || columns+=("output_vlan=${f[6]}")
        [[ ${f[7]} == - || -z $(vsctl --if-exists get port "${f[7]}" _uuid) ]] || f[5]=${f[7]}
        for i in 3 4 5; do
            [[ ${f[i]} != - ]] || continue
            IFS=, read -r -a ports <<<"${f[i]}"
            refs=()
            for port in "${ports[@]}"; do
                k=$((k + 1))
                transaction+=(-- "--id=@p$k" get port "$port")
                refs+=("@p$k")
            done
            columns+=("${kinds[i - 3]}=$(IFS=,; echo "${refs[*]}")")
        done
        if [[ -v MIRRORS[${f[0]}] ]]; then
            transaction+=(-- clear mirror "${MIRRORS[${f[0]}]}" select_src_port select_dst_port
                select_vlan output_port output_vlan -- set mirror "${MIRRORS[${f[0]}]}"
                "${columns[@]}")
        else
            transaction+=(-- "--id=@m$n" create mirror "name=${f[0]}" "${columns[@]}"
                -- add bridge "$1" mirrors "@m$n")
        fi
    done
    for name in "${!MIRRORS[@]}"; do
        [[ -v named[$name] ]] || transaction+=(-- remove bridge "$1" mirrors "${MIRRORS[$name]}")
    done
}

# Make every bridge's mirrors as the host data says (after an attach made a port that is a
# mirror's output).
cmd_mirrors() {
    local bridges bridge transaction
    data_list bridge bridges
    find_vswitchd
    for bridge in "${bridges[@]}"; do
        read_named bridge "$bridge"
        transaction=()
        mirror_words "$bridge"
        ((${#transaction[@]} == 0)) || vsctl "${transaction[@]:1}"
    done
}
