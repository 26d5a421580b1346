"""The test harness: the real parts (Ignition, podman, docker, Open vSwitch, qemu boxes), the
unit runner and the shared spec helpers the tests use."""
