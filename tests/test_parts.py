"""Each test is held to the real parts its markers name, and the tiers of scripts/test are
every test, each once."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from collections.abc import Callable

import pytest
from _pytest.mark.expression import Expression

from .support import parts
from .support.realparts import need, upstream


def test_the_tiers_take_every_set_of_markers_once() -> None:
    """Whatever parts a test needs, exactly one tier runs it: together the tiers are the
    whole suite, and no test runs twice in a run of every tier."""
    compiled = {tier: Expression.compile(text) for tier, text in parts.TIERS.items()}
    names = sorted(parts.PARTS)
    for size in range(len(names) + 1):
        for chosen in itertools.combinations(names, size):
            taken = [tier for tier, e in compiled.items() if e.evaluate(_marked(chosen))]
            assert len(taken) == 1, (chosen, taken)
    assert compiled["fast"].evaluate(_marked(()))


def _marked(markers: tuple[str, ...]) -> Callable[..., bool]:
    """A marker matcher of pytest's for a test with markers."""

    def has(name: str, /, **kwargs: str | int | bool | None) -> bool:
        return name in markers and not kwargs

    return has


def test_a_part_without_its_marker_fails_the_test() -> None:
    """This test has no marker: the harness's look-ups of a part fail it, and the part's
    commands run by name are stand-ins that say why and exit 127."""
    for tool in ("shellcheck", "/usr/sbin/dockerd", "butane"):
        with pytest.raises(pytest.fail.Exception, match=r"without @pytest\.mark"):
            need(tool)
    with pytest.raises(pytest.fail.Exception, match=r"butane without @pytest\.mark\.ignition"):
        upstream("butane")
    for part, tools in parts.PARTS.items():
        for tool in tools:
            found = shutil.which(tool)
            assert found is not None, tool
            ran = subprocess.run([found, "--version"], capture_output=True, text=True)
            assert ran.returncode == 127, tool
            assert f"without @pytest.mark.{part}" in ran.stderr


@pytest.mark.shellcheck
def test_a_marked_part_is_the_real_one() -> None:
    found = need("shellcheck")
    assert "ovs-ignite-parts" not in found
    ran = subprocess.run([found, "--version"], capture_output=True, text=True, check=True)
    assert "ShellCheck" in ran.stdout
    for tool in ("butane", "podman"):  # (the other parts stay out of reach)
        assert "ovs-ignite-parts" in str(shutil.which(tool))


def test_every_tool_belongs_to_one_part() -> None:
    tools = [tool for group in parts.PARTS.values() for tool in group]
    assert len(tools) == len(set(tools))
    assert parts.part_of("/usr/bin/ignition-validate") == "ignition"
    assert parts.part_of("bash") is None
    assert set(parts.MARKERS) == set(parts.PARTS)
