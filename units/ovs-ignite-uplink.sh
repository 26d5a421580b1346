#!/bin/bash
# ovs-ignite-uplink.sh: the uplink of a bridge, for ovs-ignite-host (units/ovs-ignite-uplink.sh),
# the same file on every host; do not edit by hand.
# ovs-ignite-host sources it for the commands of the uplink units (a bridge with uplink:):
#   uplink BRIDGE           the move: the OS's network manager leaves the NIC; in one OVS
#                           transaction the NIC becomes a port of BRIDGE (marked with the
#                           boot's ID) and BRIDGE takes its MAC; the NIC's addresses (dhcp:
#                           its lease, then BRIDGE's own DHCP client renews it) or the
#                           spec's static ones, the default route and DNS go to BRIDGE. It
#                           then waits (on the gateway's answer, and with dhcp on BRIDGE's
#                           own lease, no sleep) until the timeout; on a timeout or any
#                           failure it undoes the move and fails saying why.
#   uplink-release BRIDGE   the undo: the NIC leaves BRIDGE, gets its addresses back and
#                           goes back to the OS's network manager (the unit's stop, and so
#                           a clean shutdown, before OVS stops)
#   uplink-sweep            before ovs-vswitchd starts: remove the uplink ports an earlier
#                           boot left (its power cut before the hand-back)
#   dhcp BRIDGE             the DHCP client of BRIDGE: busybox udhcpc of the OVS image, in
#                           the ovs-vswitchd container's mount namespace (the host's network)
# An uplink's bridge is in the main instance: plain `ip`, not the extension point IP.

UPLINK_STATE_DIR=$STATE_DIR/uplink
NETWORKD_RUN_DIR=${OVS_IGNITE_NETWORKD_DIR:-/run/systemd/network}
NM_RUN_DIR=${OVS_IGNITE_NM_DIR:-/run/NetworkManager/conf.d}
# Where udhcpc's event script goes in the ovs-vswitchd container: its own file system (the
# host's /run may be mounted noexec, and udhcpc says nothing when it cannot run the script).
UDHCPC_IN_OVS=/usr/local/sbin/ovs-ignite-udhcpc
DEFAULT_UPLINK_TIMEOUT=60

# One move's facts, from the bridge's data and the NIC (uplink_load), kept in the state file
# UPLINK_STATE_DIR/BRIDGE for the undo (another process: the unit's stop).
BRIDGE="" NIC="" NIC_MAC="" MANAGER=""
SAVED_ADDRESSES=() # the NIC's addresses: "CIDR valid_lft VALID preferred_lft PREFERRED"
SAVED_GATEWAYS=()  # the gateways of its default routes
SAVED_DNS=()       # its DNS servers (systemd-resolved)
DEADLINE=0         # SECONDS at the uplink's timeout

now_us() { printf '%s\n' "${EPOCHREALTIME//[!0-9]/}"; }
# Seconds (3 decimals) since microsecond time $1.
since() {
    local us=$(($(now_us) - $1))
    printf '%d.%03d\n' $((us / 1000000)) $((us % 1000000 / 1000))
}

# The NIC that uplink data $1 names (a kernel name, or mac=MAC): a device with hardware
# behind it, so never the bridge that took the NIC's MAC.
uplink_nic() {
    local dev
    if [[ $1 != mac=* ]]; then
        [[ -e $SYSFS/class/net/$1 ]] || die "the uplink of bridge $BRIDGE: no NIC $1"
        printf '%s\n' "$1"
        return 0
    fi
    for dev in "$SYSFS"/class/net/*; do
        [[ -e $dev/device && $(<"$dev/address") == "${1#mac=}" ]] || continue
        printf '%s\n' "${dev##*/}"
        return 0
    done
    die "the uplink of bridge $BRIDGE: no NIC has MAC ${1#mac=}"
}

# Which network manager runs: networkd (Flatcar), nm (FCOS's NetworkManager) or none.
network_manager() {
    if systemctl is-active --quiet systemd-networkd.service; then
        printf 'networkd\n'
    elif systemctl is-active --quiet NetworkManager.service; then
        printf 'nm\n'
    else
        printf 'none\n'
    fi
}

# The NIC's addresses, default gateways and DNS servers before the move (SAVED_*).
save_nic() {
    local line words word i
    NIC_MAC=$(<"$SYSFS/class/net/$NIC/address")
    SAVED_ADDRESSES=() SAVED_GATEWAYS=() SAVED_DNS=()
    while read -r -a words; do # "N: NIC inet CIDR ... valid_lft Xsec preferred_lft Ysec"
        line=""
        for ((i = 0; i < ${#words[@]} - 1; i++)); do
            case ${words[i]} in
            inet | inet6) line=${words[i + 1]} ;;
            valid_lft | preferred_lft) line+=" ${words[i]} ${words[i + 1]%sec}" ;;
            esac
        done
        if [[ -n $line ]]; then SAVED_ADDRESSES+=("$line"); fi
    done < <(ip -o addr show dev "$NIC" scope global)
    while read -r -a words; do # "default via GATEWAY ..."
        if [[ ${words[1]:-} == via ]]; then SAVED_GATEWAYS+=("${words[2]}"); fi
    done < <(ip -o route show default dev "$NIC"; ip -o -6 route show default dev "$NIC")
    if command -v resolvectl >/dev/null && line=$(resolvectl dns "$NIC" 2>/dev/null); then
        read -r -a words <<<"${line#*: }"
        for word in "${words[@]}"; do # (plain addresses: not those with a %zone or #name)
            if [[ $word =~ ^[0-9a-fA-F.:]+$ ]]; then SAVED_DNS+=("$word"); fi
        done
    fi
}

write_state() {
    local item
    mkdir -p "$UPLINK_STATE_DIR"
    {
        printf 'nic=%s\nmac=%s\nmanager=%s\n' "$NIC" "$NIC_MAC" "$MANAGER"
        for item in "${SAVED_ADDRESSES[@]}"; do printf 'address=%s\n' "$item"; done
        for item in "${SAVED_GATEWAYS[@]}"; do printf 'gateway=%s\n' "$item"; done
        for item in "${SAVED_DNS[@]}"; do printf 'dns=%s\n' "$item"; done
    } >"$UPLINK_STATE_DIR/$BRIDGE.new"
    mv "$UPLINK_STATE_DIR/$BRIDGE.new" "$UPLINK_STATE_DIR/$BRIDGE"
}

# Read the state file of BRIDGE's move; fails when there is none (no move to undo).
read_state() {
    local line
    [[ -f $UPLINK_STATE_DIR/$BRIDGE ]] || return 1
    SAVED_ADDRESSES=() SAVED_GATEWAYS=() SAVED_DNS=()
    while IFS= read -r line; do
        case $line in
        nic=*) NIC=${line#*=} ;;
        mac=*) NIC_MAC=${line#*=} ;;
        manager=*) MANAGER=${line#*=} ;;
        address=*) SAVED_ADDRESSES+=("${line#*=}") ;;
        gateway=*) SAVED_GATEWAYS+=("${line#*=}") ;;
        dns=*) SAVED_DNS+=("${line#*=}") ;;
        esac
    done <"$UPLINK_STATE_DIR/$BRIDGE"
}

# The OS's network manager leaves the NIC, at run time only (a file under /run): after a
# reboot it has the NIC again until the next move.
manager_leave() {
    case $MANAGER in
    networkd)
        mkdir -p "$NETWORKD_RUN_DIR"
        printf '# ovs-ignite: %s is the uplink of OVS bridge %s\n[Match]\nName=%s\n\n[Link]\nUnmanaged=yes\n' \
            "$NIC" "$BRIDGE" "$NIC" >"$NETWORKD_RUN_DIR/00-ovs-ignite-uplink-$NIC.network"
        networkctl reload && networkctl reconfigure "$NIC"
        ;;
    nm)
        mkdir -p "$NM_RUN_DIR"
        printf '# ovs-ignite: %s is the uplink of OVS bridge %s\n[device-ovs-ignite-uplink-%s]\nmatch-device=interface-name:%s\nmanaged=0\n' \
            "$NIC" "$BRIDGE" "$NIC" "$NIC" >"$NM_RUN_DIR/00-ovs-ignite-uplink-$NIC.conf"
        nmcli device set "$NIC" managed no
        ;;
    esac
}

manager_take_back() {
    case $MANAGER in
    networkd)
        rm -f "$NETWORKD_RUN_DIR/00-ovs-ignite-uplink-$NIC.network"
        networkctl reload && networkctl reconfigure "$NIC"
        ;;
    nm)
        rm -f "$NM_RUN_DIR/00-ovs-ignite-uplink-$NIC.conf"
        nmcli general reload conf && nmcli device set "$NIC" managed yes
        ;;
    esac
}

# The `ip -batch` line that puts address $1 (CIDR, then any lifetimes) on device $2; an
# IPv6 address skips duplicate address detection (the address was in use a moment ago).
uplink_address_line() {
    local cidr=${1%% *} rest=""
    [[ $1 == *" "* ]] && rest=" ${1#* }"
    [[ $cidr == *:* ]] && rest+=" nodad"
    printf 'addr replace %s dev %s%s\n' "$cidr" "$2" "$rest"
}

# The `ip -batch` lines that move the host's addresses and routes from device $2 to device
# $1: onto the bridge, the NIC's (dhcp: its lease, lifetimes kept) or the spec's (static);
# back onto the NIC, its own.
move_lines() {
    local to=$1 from=$2 item addresses routes
    printf 'addr flush dev %s scope global\nlink set dev %s up\n' "$from" "$to"
    if [[ -v DATA[dhcp] || $to == "$NIC" ]]; then
        for item in "${SAVED_ADDRESSES[@]}"; do uplink_address_line "$item" "$to"; done
        for item in "${SAVED_GATEWAYS[@]}"; do
            printf 'route replace default via %s dev %s\n' "$item" "$to"
        done
        return 0
    fi
    data_list address addresses
    for item in "${addresses[@]}"; do uplink_address_line "$item" "$to"; done
    data_list route routes
    for item in "${routes[@]}"; do
        printf 'route replace %s via %s dev %s\n' "${item% *}" "${item#* }" "$to"
    done
}

# DNS servers $2... for link $1 in systemd-resolved, where it runs (FCOS and Flatcar do).
set_dns() {
    local link=$1
    shift
    (($#)) || return 0
    if ! command -v resolvectl >/dev/null || ! systemctl is-active --quiet systemd-resolved; then
        log "bridge $BRIDGE: no systemd-resolved; DNS servers $* are not set"
        return 0
    fi
    resolvectl dns "$link" "$@"
}

# The gateway whose answer on the bridge shows that the move worked: the spec's default
# route's (else its first route's), or with dhcp the NIC's default gateway (else, once the
# lease is there, the bridge's). Empty: none known.
uplink_gateway() {
    local routes route line words
    if [[ -v DATA[dhcp] ]]; then
        if ((${#SAVED_GATEWAYS[@]})); then
            printf '%s\n' "${SAVED_GATEWAYS[0]}"
        elif line=$(ip -o route show default dev "$BRIDGE") && [[ -n $line ]]; then
            read -r -a words <<<"$line"
            printf '%s\n' "${words[2]:-}"
        fi
        return 0
    fi
    data_list route routes
    for route in "${routes[@]}"; do
        if [[ $route == default\ * ]]; then
            printf '%s\n' "${route#* }"
            return 0
        fi
    done
    if ((${#routes[@]})); then printf '%s\n' "${routes[0]#* }"; fi
}

# Seconds left until the uplink's timeout; fails when none are.
seconds_left() {
    local left=$((DEADLINE - SECONDS))
    ((left > 0)) || return 1
    printf '%s\n' "$left"
}

# Wait (on the packets themselves, no sleep) until gateway $1 answers on the bridge: an ARP
# reply (IPv4) or an echo reply (IPv6), by busybox of the OVS image.
wait_gateway() {
    local left
    left=$(seconds_left) || return 1
    if [[ $1 == *:* ]]; then
        in_ovs "$VSWITCHD_PID" busybox ping -6 -q -c 1 -w "$left" -I "$BRIDGE" "$1" >/dev/null
    else
        in_ovs "$VSWITCHD_PID" busybox arping -q -f -w "$left" -I "$BRIDGE" "$1"
    fi
}

# Wait until the bridge's own DHCP client has its lease (its event script marks the bridge's
# Interface record; ovs-vsctl waits on the database, no polling).
wait_lease() {
    local left
    left=$(seconds_left) || return 1
    in_ovs "$VSWITCHD_PID" ovs-vsctl --timeout="$left" wait-until interface "$BRIDGE" \
        external_ids:ovs-ignite-dhcp=bound
}

# The undo of a move, as far as it went: the DHCP client stops, the NIC leaves the bridge,
# its addresses, routes and the OS's network manager come back. Each step is tried even when
# one before failed (a host must never be left without its address); fails when one did.
uplink_undo() {
    local failed=0
    if [[ -v DATA[dhcp] ]]; then
        systemctl stop "ovs-ignite-dhcp@$BRIDGE.service" || failed=1
    fi
    local release=(-- --if-exists del-port "$BRIDGE" "$NIC"
        -- remove bridge "$BRIDGE" other_config hwaddr
        -- remove interface "$BRIDGE" external_ids ovs-ignite-dhcp ovs-ignite-lease)
    if find_vswitchd 2>/dev/null; then
        vsctl "${release[@]:1}" || failed=1
    elif DB_PID=$(running_pids "$OVSDB" 2>/dev/null) && [[ -n $DB_PID ]]; then
        db_vsctl "${release[@]:1}" || failed=1
    else
        log "bridge $BRIDGE: OVS does not run; the next boot's sweep removes port $NIC"
    fi
    move_lines "$NIC" "$BRIDGE" | ip -batch - || failed=1
    if command -v resolvectl >/dev/null && systemctl is-active --quiet systemd-resolved; then
        resolvectl revert "$BRIDGE" || failed=1
    fi
    manager_take_back || failed=1
    rm -f "$UPLINK_STATE_DIR/$BRIDGE"
    return "$failed"
}

# Read bridge $1's data and find its NIC; fails when it has no uplink.
uplink_load() {
    BRIDGE=$1
    read_named bridge "$BRIDGE"
    [[ -v DATA[uplink] ]] || die "bridge $BRIDGE has no uplink"
}

# The EXIT trap of a move that has begun: undo it, and say why and how long the undo took.
uplink_rollback() {
    local status=$? started
    started=$(now_us)
    trap - EXIT
    if uplink_undo; then
        log "bridge $BRIDGE: rolled back: $NIC is $MANAGER's again ($(since "$started") s)"
    else
        log "bridge $BRIDGE: the rollback of $NIC failed in part (see above)"
    fi
    exit $((status ? status : 1))
}

cmd_uplink() {
    local timeout gateway moved boot dns
    uplink_load "${1:?a bridge}"
    timeout=${DATA[uplink_timeout]:-$DEFAULT_UPLINK_TIMEOUT}
    DEADLINE=$((SECONDS + timeout))
    NIC=$(uplink_nic "${DATA[uplink]}")
    find_vswitchd
    in_ovs "$VSWITCHD_PID" busybox true ||
        die "bridge $BRIDGE: the OVS image has no busybox (an uplink runs its arping and udhcpc); $NIC stays as it is"
    if read_state; then # (a move of this boot that was not undone: undo it first)
        uplink_undo || log "bridge $BRIDGE: the undo of the last move failed in part"
        uplink_load "$1"
        NIC=$(uplink_nic "${DATA[uplink]}")
    fi
    MANAGER=$(network_manager)
    save_nic
    write_state
    boot=$(<"${OVS_IGNITE_BOOT_ID:-/proc/sys/kernel/random/boot_id}")
    trap uplink_rollback EXIT
    manager_leave
    vsctl --may-exist add-port "$BRIDGE" "$NIC" \
        -- set interface "$NIC" "external_ids:ovs-ignite-uplink=$boot" \
        -- set bridge "$BRIDGE" "other_config:hwaddr=\"$NIC_MAC\"" \
        -- remove interface "$BRIDGE" external_ids ovs-ignite-dhcp ovs-ignite-lease
    moved=$(now_us)
    move_lines "$BRIDGE" "$NIC" | ip -batch -
    log "bridge $BRIDGE: $NIC ($NIC_MAC) is its port; the host's address is on $BRIDGE"
    if [[ -v DATA[dhcp] ]]; then
        set_dns "$BRIDGE" "${SAVED_DNS[@]}"
        systemctl start --no-block "ovs-ignite-dhcp@$BRIDGE.service"
    else
        data_list dns dns
        set_dns "$BRIDGE" "${dns[@]}"
    fi
    gateway=$(uplink_gateway)
    if [[ -n $gateway ]]; then
        wait_gateway "$gateway" ||
            die "bridge $BRIDGE: gateway $gateway did not answer within ${timeout}s"
        log "bridge $BRIDGE: gateway $gateway answered $(since "$moved") s after $NIC joined"
    fi
    if [[ -v DATA[dhcp] ]]; then
        wait_lease || die "bridge $BRIDGE: no DHCP lease within ${timeout}s"
        log "bridge $BRIDGE: its own DHCP lease came $(since "$moved") s after $NIC joined"
        if [[ -z $gateway ]]; then
            gateway=$(uplink_gateway)
            [[ -n $gateway ]] || die "bridge $BRIDGE: the DHCP lease gave no gateway"
            wait_gateway "$gateway" ||
                die "bridge $BRIDGE: gateway $gateway did not answer within ${timeout}s"
        fi
    fi
    trap - EXIT
    log "bridge $BRIDGE: the uplink $NIC is in place ($(since "$moved") s)"
}

cmd_uplink_release() {
    uplink_load "${1:?a bridge}"
    if ! read_state; then
        log "bridge $BRIDGE: no move to undo"
        return 0
    fi
    uplink_undo || die "bridge $BRIDGE: the hand-back of $NIC failed in part (see above)"
    log "bridge $BRIDGE: $NIC and the host's address are back with ${MANAGER}"
}

# Before ovs-vswitchd starts: remove the uplink ports (external_ids:ovs-ignite-uplink, the
# boot's ID) that an earlier boot left in the database, its power cut before the uplink's
# stop handed the NIC back; else ovs-vswitchd would take the NIC at once, its address still
# on it, before the uplink's move. A port of this boot stays (a restart of ovs-vswitchd keeps
# the host on its bridge).
cmd_uplink_sweep() {
    local boot listing port ids stale=() removed=()
    DB_PID=$(running_pids "$OVSDB")
    boot=$(<"${OVS_IGNITE_BOOT_ID:-/proc/sys/kernel/random/boot_id}")
    listing=$(db_vsctl --format=csv --data=bare --no-heading --columns=name,external_ids \
        find interface) || {
        log "could not list the uplink ports; those of an earlier boot stay"
        return 0
    }
    while IFS=, read -r port ids; do
        [[ $ids =~ (^|[\" ])ovs-ignite-uplink=([0-9a-f-]+)([\" ]|$) ]] || continue
        [[ ${BASH_REMATCH[2]} == "$boot" ]] && continue
        stale+=(-- --if-exists del-port "$port")
        removed+=("$port")
    done <<<"$listing"
    if ((${#stale[@]})); then
        db_vsctl "${stale[@]:1}"
        log "removed the uplink ports of an earlier boot (its power was cut): ${removed[*]}"
    fi
}

# Run the DHCP client of bridge $1 (the unit's main process): udhcpc asks for the address
# the NIC had, renews the lease for as long as it runs, and its event script (copied into
# the container) sets the address and default route and marks the bridge's record.
cmd_dhcp() {
    local request="" item name options=()
    uplink_load "${1:?a bridge}"
    read_state || die "bridge $BRIDGE: no uplink move (start ovs-ignite-uplink@$BRIDGE)"
    for item in "${SAVED_ADDRESSES[@]}"; do
        if [[ $item == *.*/* ]]; then
            request=${item%%/*}
            break
        fi
    done
    if [[ -n $request ]]; then options+=(-r "$request"); fi
    name=$(hostname 2>/dev/null || true)
    [[ ! $name =~ ^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$ ]] || options+=(-x "hostname:$name")
    find_vswitchd
    in_ovs "$VSWITCHD_PID" sh -c "cat >$UDHCPC_IN_OVS && chmod 0755 $UDHCPC_IN_OVS" \
        <"$HERE/ovs-ignite-udhcpc"
    exec nsenter --target "$VSWITCHD_PID" --mount -- env -i "$OVS_PATH" \
        busybox udhcpc -f -i "$BRIDGE" -s "$UDHCPC_IN_OVS" -t 5 -T 2 -A 2 "${options[@]}"
}
