#!/bin/bash
# ovs-ignite-openflow.sh: the OpenFlow records of bridges of ovs-ignite-host
# (units/ovs-ignite-openflow.sh), on every host whose spec has a bridge with controllers;
# do not edit by hand.
# The bridges step (ovs-ignite-ovsdb.sh) sources it for a bridge with controllers. It uses
# the host script's functions (vsctl, data_list).

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
    read -r -a uuids <<<"$(vsctl get bridge "$1" controller | tr -d '[],')"
    for uuid in "${uuids[@]}"; do
        target=$(vsctl get controller "$uuid" target)
        target=${target#\"} target=${target%\"}
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
