"""expect: what verify runs for each expectation and how it reads the answer: pass only on
what ping or a TCP connection showed, never because the command did not run. The real thing
(pings and connections through OVS, an isolation and a drop flow) is in the runtime
topologies (test_vlans_separate_containers)."""

from __future__ import annotations

import pytest

from ovs_ignite import load_spec
from ovs_ignite.checking import Answer
from ovs_ignite.hostchecks import EXPECT_SECONDS, _expectation, expect_name
from ovs_ignite.records import Expect

from .support.specs import ROOT

PING_ANSWERED = "1 packets transmitted, 1 received, 0% packet loss, time 0ms\n"
PING_SILENT = "10 packets transmitted, 0 received, 100% packet loss, time 1810ms\n"


def _run(expect: Expect, address: str, answer: Answer) -> tuple[bool, list[str], str]:
    asked: list[str] = []

    def netns(*argv: str) -> Answer:
        asked.extend(argv)
        return answer

    outcome = _expectation(netns, expect, address)
    return outcome.passed, asked, outcome.found


def _expect(to: str, reach: bool = True, mtu: int | None = None) -> Expect:
    return Expect(source="web", to=to, reach=reach, mtu=mtu)


@pytest.mark.parametrize(
    ("answer", "reached"),
    [
        (Answer(0, f"--- 10.0.0.2 ping statistics ---\n{PING_ANSWERED}", ""), True),
        (Answer(1, PING_SILENT, ""), False),
        (Answer(2, "", "ping: connect: Network is unreachable\n"), False),
        (Answer(1, "", "nsenter: failed to execute ping: No such file or directory\n"), None),
        (Answer(127, "", "sh: ping: not found\n"), None),
        (
            Answer(1, "", "nsenter: cannot open /proc/4242/ns/net: No such file or directory\n"),
            None,
        ),
    ],
)
def test_a_ping_passes_only_on_what_it_showed(answer: Answer, reached: bool | None) -> None:
    for reach in (True, False):
        passed, asked, found = _run(_expect("10.0.0.2", reach), "10.0.0.2", answer)
        assert passed == (reached is reach), found
        assert asked[:2] == ["ping", "-n"] and asked[-1] == "10.0.0.2"
        assert asked[asked.index("-w") + 1] == str(EXPECT_SECONDS)


@pytest.mark.parametrize(
    ("answer", "reached"),
    [
        (Answer(0, "connected\n", ""), True),
        (Answer(124, "", ""), False),
        (Answer(1, "", "bash: connect: Connection refused\nbash: line 1: /dev/tcp/..."), False),
        (Answer(1, "", "bash: connect: No route to host\n"), False),
        (Answer(127, "", "timeout: failed to run command 'bash': No such file or directory"), None),
        (
            Answer(1, "", "nsenter: cannot open /proc/4242/ns/net: No such file or directory\n"),
            None,
        ),
    ],
)
def test_a_connection_passes_only_on_what_it_showed(answer: Answer, reached: bool | None) -> None:
    for reach in (True, False):
        passed, asked, found = _run(_expect("db:5432", reach), "10.0.0.3", answer)
        assert passed == (reached is reach), found
        # (the address and the port are arguments of the script, never part of it)
        assert asked[:4] == ["timeout", str(EXPECT_SECONDS), "bash", "-c"]
        assert asked[-3:] == ["-", "10.0.0.3", "5432"]
        assert "10.0.0.3" not in asked[4]


@pytest.mark.parametrize(("address", "size"), [("10.0.0.2", "1472"), ("fd00::2", "1452")])
def test_an_mtu_is_a_dont_fragment_ping_of_that_many_bytes(address: str, size: str) -> None:
    passed, asked, _ = _run(_expect(address, mtu=1500), address, Answer(0, PING_ANSWERED, ""))
    assert passed
    assert asked[asked.index("-M") + 1] == "do" and asked[asked.index("-s") + 1] == size
    # An interface whose MTU is smaller: ping's local error, no answer.
    small = Answer(1, "1 packets transmitted, 0 received, +1 errors\n", "local error: mtu=1400")
    assert not _run(_expect(address, mtu=1500), address, small)[0]


def test_the_example_names_its_expectations_and_where_they_go() -> None:
    spec = load_spec(ROOT / "examples" / "vlans.yaml")
    assert [expect_name(e) for e in spec.expect] == [
        "expect blue reaches green:8080",
        "expect green reaches blue:80",
        "expect blue reaches 192.168.10.1 with 1500-byte packets unfragmented",
        "expect green does not reach fd00:10::10",
    ]
    assert [spec.expected_address(e) for e in spec.expect] == [
        "192.168.20.10",
        "192.168.10.10",
        "192.168.10.1",
        "fd00:10::10",
    ]


def test_a_name_of_digits_is_a_container_and_an_address_is_not() -> None:
    """(containers named 42 exist: the runtime VLAN topology has one)"""
    assert _expect("42").names_container and _expect("42:80").port == 80
    assert not _expect("10.0.0.2").names_container
    assert not _expect("[fd00::2]:80").names_container
    assert _expect("10.0.0.300").names_container  # (no such container: checks.py says so)
