#!/bin/bash
# ovs-ignite-docker.sh: docker's run wrapper of ovs-ignite-host (units/ovs-ignite-docker.sh),
# on every host whose runtime is docker; do not edit by hand.
# ovs-ignite-host sources it for its run command, the main process of docker's units.

# The main process of a docker container's unit: `docker run "$@"` (--detach among them),
# then `docker wait` until the container stops, and end with its exit status. A foreground
# `docker run` would not end on a `docker restart`, so systemd would not see the container
# come back in a new network namespace, without its interfaces; `docker wait` ends then.
cmd_run() {
    local id code
    [[ " $* " == *" --detach "* ]] || die "run: the container must run --detach"
    id=$("$RUNTIME" run "$@") || die "the container did not start: $RUNTIME run failed"
    [[ $id =~ ^[0-9a-f]{64}$ ]] || die "$RUNTIME run gave no container ID: $(printf '%q' "$id")"
    code=$("$RUNTIME" wait "$id") || die "container $id: $RUNTIME wait failed"
    [[ $code =~ ^[0-9]{1,3}$ ]] || die "container $id: no exit status: $(printf '%q' "$code")"
    exit "$code"
}
