#!/bin/bash
# ovs-ignite-dpdk.sh: the DPDK steps of ovs-ignite-host (units/ovs-ignite-dpdk.sh), the same
# file on every host with DPDK NICs; do not edit by hand.
# The DPDK steps of ovs-ignite-host, which sources this file for its dpdk-bind command (the
# unit ovs-ignite-dpdk-bind.service): each DPDK NIC of the host data bound to vfio-pci
# before ovs-vswitchd starts. It uses the host script's log, die, data_list and SYSFS.

# The driver that holds PCI device directory $1, or nothing.
pci_driver() {
    if [[ -L $1/driver ]]; then
        basename "$(readlink "$1/driver")"
    fi
}

cmd_dpdk_bind() {
    local pci dev driver devices
    data_list dpdk_device devices
    for pci in "${devices[@]}"; do
        dev="$SYSFS/bus/pci/devices/$pci"
        [[ -e $dev ]] || die "DPDK device $pci: no such PCI device ($dev)"
        [[ -d $SYSFS/bus/pci/drivers/vfio-pci ]] || die "DPDK device $pci: vfio-pci is not loaded"
        driver=$(pci_driver "$dev")
        if [[ $driver == vfio-pci ]]; then
            log "DPDK device $pci is bound to vfio-pci already"
            continue
        fi
        # (Mellanox's NICs: their DPDK driver works beside the kernel's, which must stay)
        if [[ $driver == mlx[45]_core ]]; then
            die "DPDK device $pci is held by $driver, a bifurcated driver that DPDK uses as it is: give the device driver: kernel in the spec"
        fi
        printf 'vfio-pci\n' >"$dev/driver_override" ||
            die "DPDK device $pci: cannot set its driver_override (a kernel without it?)"
        if [[ -n $driver ]]; then
            log "DPDK device $pci: unbinding from $driver"
            printf '%s\n' "$pci" >"$dev/driver/unbind" ||
                die "DPDK device $pci is held by driver $driver and cannot be unbound"
        fi
        printf '%s\n' "$pci" >"$SYSFS/bus/pci/drivers/vfio-pci/bind" ||
            die "DPDK device $pci: vfio-pci refused to bind it"
        # udev makes /dev/vfio/<group>, which ovs-vswitchd opens: wait for it.
        udevadm settle --timeout=60 || log "DPDK device $pci: udev did not settle in 60 s"
        driver=$(pci_driver "$dev")
        [[ $driver == vfio-pci ]] || die "DPDK device $pci is bound to '${driver:-nothing}', not vfio-pci"
        log "DPDK device $pci bound to vfio-pci"
    done
}
