#!/bin/bash
# ovs-ignite-attach.sh: the attach and detach of containers of ovs-ignite-host
# (units/ovs-ignite-attach.sh), on every host whose spec attaches containers; do not edit
# by hand.
# ovs-ignite-host sources it for its attach and detach commands (the units ovs-attach@NAME).
# It uses the host script's functions and its extension points (VSWITCHD, IP, BATCH_DIR,
# link_indexes, interface_rows).

# Put the interfaces of container $1 (PID $2; rows $3; ROUTES) in place, with one `ip -batch`
# on each side: a veth pair, the host end ovi<hash> up, the other end in the container with
# its name, MAC, MTU, addresses and routes. That end is made in the container's namespace (moving
# a link between namespaces waits for an RCU grace period under the kernel's one network
# lock, which serializes attaches). A pair in place (each end the other's peer) stays.
# FRESH[row]: 1 when the pair is made anew; INDEX[row]: the host end's ifindex. The
# container's side (and the tx offload of netdev interfaces) runs in the background, INNER_JOB.
link_container() {
    local name=$1 pid=$2 rows=$3 f r inner="" row=0 mtu address route host=() in=() v6=()
    FRESH=() INDEX=()
    while read -r -a f; do
        # f: ifname bridge host_if mac mtu vlan address gateway datapath vlan_mode trunks ofport
        mtu=""
        [[ ${f[4]} == - ]] || mtu=" mtu ${f[4]}"
        FRESH[row]=1
        if link_indexes "${f[2]}"; then
            if [[ -z $inner ]]; then
                inner=$(nsenter --target "$pid" --net -- ip -o link show) ||
                    die "container $name: cannot list its links (did it stop?)"
            fi
            if [[ $'\n'$inner == *$'\n'"$LINK_PEER: ${f[0]}@if$LINK_INDEX:"* ]]; then
                FRESH[row]=0
                host+=("link set dev ${f[2]}$mtu up")
                in+=("link set dev ${f[0]} address ${f[3]}$mtu")
            else
                host+=("link del dev ${f[2]}")
            fi
        fi
        if ((FRESH[row])); then
            host+=("link add name ${f[2]}$mtu up type veth peer name ${f[0]}")
            host[-1]+=" address ${f[3]}$mtu netns $pid"
        fi
        in+=("link set dev ${f[0]} up")
        [[ ${f[6]} != *:* ]] || v6+=("/proc/sys/net/ipv6/conf/${f[0]}/disable_ipv6")
        if [[ ${f[6]} != - && ${f[6]} != dhcp ]]; then # (dhcp: ovs-ignite-dhcp.sh's client)
            for address in ${f[6]//,/ }; do
                # (an IPv6 address skips duplicate address detection: usable at once)
                in+=("addr replace $address dev ${f[0]}")
                [[ $address != *:* ]] || in[-1]+=" nodad"
            done
        fi
        [[ ${f[7]} == - ]] || in+=("route replace default via ${f[7]} dev ${f[0]}")
        for route in "${ROUTES[@]}"; do
            read -r -a r <<<"$route" # (ifname to via)
            [[ ${r[0]} != "${f[0]}" ]] || in+=("route replace ${r[1]} via ${r[2]} dev ${f[0]}")
        done
        row=$((row + 1))
    done <<<"$rows"
    local IFS=$'\n'
    "${IP[@]}" -batch - <<<"${host[*]}" || die "$name: its veths could not be made (see ip's error;" \
        "an interface of the same name in the container already?)"
    # The container's side runs meanwhile (cmd_attach waits for it, INNER_JOB). An interface
    # with an IPv6 address gets IPv6 on first (docker turns it off in its containers).
    local run=(ip -batch -)
    if ((${#v6[@]})); then
        run=(bash -c "for f; do echo 0 >\"\$f\" || exit; done; exec ip -batch -" ovs-ignite "${v6[@]}")
    fi
    {
        nsenter --target "$pid" --net -- "${run[@]}" <<<"${in[*]}" ||
            die "$name: its interfaces could not be set up (see ip's error)"
        IFS=$' \t\n'
        while read -r -a f; do
            # A userspace (netdev/DPDK) bridge does not fill in TCP checksums of veth traffic:
            # tx checksum offload goes off, by the OVS image's ethtool (the host may have
            # none) in the container's network namespace.
            [[ ${f[8]} != netdev ]] || nsenter --target "$VSWITCHD_PID" --mount \
                --net="/proc/$pid/ns/net" -- env -i "$OVS_PATH" ethtool -K "${f[0]}" tx off >/dev/null
        done <<<"$rows"
    } &
    INNER_JOB=$!
    IFS=$' \t\n'
    row=0
    while read -r -a f; do
        link_indexes "${f[2]}" || die "$name/${f[0]}: its veth ${f[2]} is gone"
        INDEX[row++]=$LINK_INDEX
    done <<<"$rows"
}

# The lines of an attach's request: each interface's ("ifname bridge host_if vlan vlan_mode
# trunks ofport fresh"), each followed by the settings of its Interface record (external_ids
# keys, ingress policing).
REQUEST_INTERFACE='^([A-Za-z0-9_.-]{1,15} ){2}ovi[0-9a-f]{12} ([0-9]{1,4}|-) (access|trunk|native-(un)?tagged|-) ([0-9]{1,4}(,[0-9]{1,4})*|-) ([0-9]{1,5}|-) [01]$'
REQUEST_SETTING='^(external_ids:[A-Za-z0-9][A-Za-z0-9_.-]*=".*"|ingress_policing_(rate|burst)=[0-9]+)$'

# Empty the batch (B_*: an entry per interface; B_PORT: "vlan vlan_mode trunks", B_SET: the
# words that set its Interface record, a line each).
batch_reset() { B_NAME=() B_IF=() B_BRIDGE=() B_HOSTIF=() B_PORT=() B_SET=() B_FRESH=(); }

# Add container $1's request (lines $2...) to the batch; fails, adding nothing, when a line
# is not one.
add_request() {
    local name=$1 line f
    shift
    [[ ${1:-} =~ $REQUEST_INTERFACE ]] || return 1
    for line; do
        [[ $line =~ $REQUEST_INTERFACE || $line =~ $REQUEST_SETTING ]] || return 1
    done
    for line; do
        if [[ $line =~ $REQUEST_SETTING ]]; then
            B_SET[-1]+=$'\n'$line
            continue
        fi
        read -r -a f <<<"$line"
        B_NAME+=("$name") B_IF+=("${f[0]}") B_BRIDGE+=("${f[1]}") B_HOSTIF+=("${f[2]}")
        B_PORT+=("${f[*]:3:3}") B_FRESH+=("${f[7]}")
        B_SET+=("external_ids:container_id=\"$name\""$'\n'"external_ids:container_iface=\"${f[0]}\"")
        [[ ${f[6]} == - ]] || B_SET[-1]+=$'\n'"ofport_request=${f[6]}"
    done
}

# The batch's OVS work: the ports each interface has (a find each, in one ovs-vsctl run);
# the stale ones removed in one transaction (all of an interface whose veth is new, since
# OVS would keep the gone device, and any but its own: ovs-docker's, say); then in another
# every port added with its VLAN columns, ofport and external_ids, which ovs-vsctl returns
# from once ovs-vswitchd has applied it. REMOVED_OF[name]: "ifname port" lines.
ovs_attach_ports() {
    local i port answer finds=() stale=() adds=()
    for i in "${!B_NAME[@]}"; do
        finds+=(-- --columns=name find interface "external_ids:container_id=\"${B_NAME[i]}\""
            "external_ids:container_iface=\"${B_IF[i]}\"")
        adds+=(-- --may-exist add-port "${B_BRIDGE[i]}" "${B_HOSTIF[i]}")
        port_columns "$i"
    done
    answer=$(vsctl --data=bare --no-heading "${finds[@]:1}") || return 1
    i=0 # (each find's rows, then an empty line before the next find's)
    while IFS= read -r port; do
        if [[ -z $port ]]; then
            i=$((i + 1))
        elif ((B_FRESH[i])) || [[ $port != "${B_HOSTIF[i]}" ]]; then
            stale+=(-- --if-exists del-port "$port")
            REMOVED_OF[${B_NAME[i]}]+="${B_IF[i]} $port"$'\n'
        fi
    done <<<"$answer"
    if ((${#stale[@]})); then
        vsctl "${stale[@]:1}" || return 1
    fi
    vsctl "${adds[@]:1}"
}

# Add to adds the columns of interface $1 of the batch as its request says: the Port's VLAN
# columns (those not given cleared), the Interface's ofport_request and ingress policing
# (cleared on a port that stays, unless given) and external_ids (ovs-ignite's and the spec's
# keys; a port made anew has no others).
port_columns() {
    local i=$1 f column sets=() words
    read -r -a f <<<"${B_PORT[i]}" # (vlan vlan_mode trunks)
    for column in "tag=${f[0]}" "vlan_mode=${f[1]}" "trunks=${f[2]}"; do
        [[ $column == *=- ]] || sets+=("$column")
    done
    adds+=(-- clear port "${B_HOSTIF[i]}" tag vlan_mode trunks)
    ((${#sets[@]} == 0)) || adds+=(-- set port "${B_HOSTIF[i]}" "${sets[@]}")
    ((B_FRESH[i])) || adds+=(-- clear interface "${B_HOSTIF[i]}" ofport_request
        -- set interface "${B_HOSTIF[i]}" ingress_policing_rate=0 ingress_policing_burst=0)
    mapfile -t words <<<"${B_SET[i]}"
    adds+=(-- set interface "${B_HOSTIF[i]}" "${words[@]}")
}

# Holding the batch lock: take every complete request queued (one still being written waits
# for the next batch; one whose attach is gone is dropped), do their OVS work and leave each
# its result: ok, or, when the work failed as a whole, again (each attach does its own
# alone, so that one container's error fails only its attach) or failed (a batch of one).
lead_batch() {
    local file name lines verdict=ok names=()
    local -A tokens=() REMOVED_OF=()
    batch_reset
    for file in "$BATCH_DIR"/queue/*; do
        [[ -s $file ]] || continue
        mapfile -t lines <"$file"
        [[ ${#lines[@]} -gt 2 && ${lines[-1]} == end ]] || continue
        name=${file##*/}
        if [[ $name =~ ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$ && ${lines[0]} =~ ^([1-9][0-9]*)\ [0-9]+$ &&
            -d /proc/${BASH_REMATCH[1]} ]] && add_request "$name" "${lines[@]:1:${#lines[@]}-2}"
        then
            names+=("$name")
            tokens[$name]=${lines[0]}
        fi
        : >"$file"
    done
    if ((${#names[@]})) && ! ovs_attach_ports; then
        verdict=again
        ((${#names[@]} > 1)) || verdict=failed
    fi
    for name in "${names[@]}"; do
        printf '%s\n%s\n%s' "${tokens[$name]}" "$verdict" "${REMOVED_OF[$name]:-}" \
            >"$BATCH_DIR/done/$name"
    done
}

# The OVS step of container $1's interfaces (rows $2; FRESH, SETTINGS), through the batch:
# returns once every port is in OVS as the spec says (REMOVED: the stale ports removed,
# "ifname port" each), or dies.
attach_ovs() {
    local name=$1 rows=$2 f row=0 request=() result=() ifnames=() token queue setting
    local -A REMOVED_OF=()
    token="$BASHPID ${EPOCHREALTIME//[!0-9]/}"
    while read -r -a f; do
        request+=("${f[0]} ${f[1]} ${f[2]} ${f[5]} ${f[9]} ${f[10]} ${f[11]} ${FRESH[row++]}")
        for setting in "${SETTINGS[@]}"; do
            [[ $setting != "${f[0]} "* ]] || request+=("${setting#* }")
        done
        ifnames+=("$name/${f[0]}")
        hook attach-ovs "$name" "${f[0]}"
    done <<<"$rows"
    batch_folders
    queue=$BATCH_DIR/queue/$name
    printf '%s\n' "$token" "${request[@]}" end >"$queue"
    lock_batch || die "$name: the batch lock ($BATCH_DIR/lock) is held for ${TIMEOUT}s" \
        "(ovs-vswitchd not answering?)"
    { mapfile -t result <"$BATCH_DIR/done/$name"; } 2>/dev/null || true
    if [[ ${result[0]:-} != "$token" ]]; then
        # Not done by a batch before (or its leader died): lead one, with this request in it.
        printf '%s\n' "$token" "${request[@]}" end >"$queue"
        lead_batch
        mapfile -t result <"$BATCH_DIR/done/$name"
    fi
    unlock_batch
    [[ ${result[0]:-} == "$token" ]] || die "$name: its OVS step left no result (a bug)"
    REMOVED=("${result[@]:2}")
    if [[ ${result[1]:-} == again ]]; then
        batch_reset
        add_request "$name" "${request[@]}"
        ovs_attach_ports && result[1]=ok
        REMOVED=()
        [[ -z ${REMOVED_OF[$name]:-} ]] || mapfile -t REMOVED <<<"${REMOVED_OF[$name]%$'\n'}"
    fi
    [[ ${result[1]:-} == ok ]] ||
        die "${ifnames[*]}: the OVS port step failed (see ovs-vsctl's error; ovsdb-server or" \
            "ovs-vswitchd unreachable?)"
}

# The routes and Interface settings of container $1's interfaces (its data file lists those
# of all its interfaces): ROUTES ("ifname to via"), SETTINGS ("ifname external_ids:K=V").
interface_extras() {
    read_named container "$1"
    data_list route ROUTES
    data_list interface_setting SETTINGS
}

# Attach container $1: its veths (link_container), its ports (attach_ovs), and at the end a
# look that each veth is the one made or found (a container that stops takes its veths).
cmd_attach() {
    local name=${1:?a container name} rows f pid pids port ifname row=0
    check_name "$name"
    rows=$(interface_rows "$name")
    [[ -n $rows ]] || return 0
    interface_extras "$name"
    lock_container "$name"
    ATTACHING=$name
    trap 'attach_moot "$ATTACHING"' EXIT
    pid_from_files "$name"
    pid=$REPLY
    pid_from_files "$VSWITCHD"
    VSWITCHD_PID=$REPLY
    if [[ -z $pid || -z $VSWITCHD_PID ]]; then
        # No PID files (docker, a unit: container): ask the runtime, once the container runs.
        if ! pids=$(running_pids "$name" "$VSWITCHD" 2>/dev/null); then
            wait_running "$name"
            pids=$(running_pids "$name" "$VSWITCHD")
        fi
        pid=${pids%%$'\n'*}
        VSWITCHD_PID=${pids##*$'\n'}
    fi
    link_container "$name" "$pid" "$rows"
    attach_ovs "$name" "$rows"
    wait "$INNER_JOB" || exit 1 # (it said why)
    for port in "${REMOVED[@]}"; do
        read -r ifname port <<<"$port"
        log "removed stale port $port of $name/$ifname"
        # (one of another veth, ovs-docker's say: that veth goes too)
        [[ $rows == *" $port "* ]] || "${IP[@]}" link del dev "$port" 2>/dev/null || true
    done
    while read -r -a f; do
        if ! link_indexes "${f[2]}" || [[ $LINK_INDEX != "${INDEX[row]}" ]]; then
            die "$name/${f[0]}: its veth ${f[2]} is not linked into the container (did it stop?)"
        elif ((FRESH[row++])); then
            log "attached $name/${f[0]} (${f[3]}) to ${f[1]} as ${f[2]}"
        else
            log "$name/${f[0]} is attached to ${f[1]} as ${f[2]} already"
        fi
    done <<<"$rows"
}

# The EXIT trap of an attach: one that failed because container $1 stopped under it (or
# never came up) was moot. It says so after the failure's own line, ends clean and stops its
# unit (the container's next start starts it again), so that no failed unit stays behind
# once nothing is wrong. A container that runs (again) leaves the failure to systemd's retry.
attach_moot() {
    (($?)) || return 0
    pid_from_files "$1"
    [[ -z $REPLY ]] && ! (running_pids "$1") &>/dev/null || return 0
    log "$1 does not run (it stopped, or never came up): its attach ends with it"
    [[ -z ${INVOCATION_ID:-} ]] || systemctl --no-block stop "ovs-attach@$1.service" || true
    exit 0
}

# Remove every port of container $1 from OVS, in one exec in the ovs-vswitchd container;
# prints their names. Fails when OVS does not answer.
detach_ports() {
    local pid
    pid_from_files "$VSWITCHD"
    pid=$REPLY
    if [[ -z $pid ]]; then
        pid=$(running_pids "$VSWITCHD") || return 1
    fi
    in_ovs_function "$pid" detach_ports "$1" "$TIMEOUT"
}

cmd_detach() {
    local name=${1:?a container name} rows fields removed port reached=0
    check_name "$name"
    rows=$(interface_rows "$name")
    lock_container "$name"
    hook detach-ovs "$name"
    if removed=$(detach_ports "$name"); then
        reached=1
        for port in $removed; do
            "${IP[@]}" link del dev "$port" 2>/dev/null || true
            log "detached $name: removed port $port"
        done
    fi
    if [[ -n $rows ]]; then
        while read -r -a fields; do
            "${IP[@]}" link del dev "${fields[2]}" 2>/dev/null || true
        done <<<"$rows"
    fi
    if ((!reached)); then
        # The veths are gone: the sweep at the next start of ovsdb-server or ovs-vswitchd
        # (or the next attach of this container) removes the ports they leave behind. That
        # is this detach's job done for it, so the unit stops clean: a failed one would stay
        # failed once nothing is wrong. The line stays loud.
        printf '%s\n' "$name" >>"$STATE_DIR/stale-ports"
        log "error: detach $name: OVS did not answer; its ports stay in OVS until" \
            "ovsdb-server, ovs-vswitchd or $name starts again (recorded in" \
            "$STATE_DIR/stale-ports)"
    fi
}
