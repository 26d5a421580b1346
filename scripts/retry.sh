# shellcheck shell=bash
# Sourced by scripts/test and scripts/lowest-bounds: `retry COMMAND...` runs COMMAND until it
# succeeds, up to 5 times, waiting 15, 30, 60 and 120 s between tries. Installing from the
# package registries is the only step that needs the network, and a name-resolution outage of
# a minute or two must not fail a whole run (it has: pip could not resolve pypi.org).
retry() {
    local attempt wait=15
    for attempt in 1 2 3 4 5; do
        "$@" && return 0
        ((attempt == 5)) && break
        echo "retry: '$*' failed (try $attempt of 5); again in ${wait}s" >&2
        sleep "$wait"
        wait=$((wait * 2))
    done
    echo "retry: '$*' failed 5 times" >&2
    return 1
}
