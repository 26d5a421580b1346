"""owned(): what ovs-ignite writes and depends on, the one rule every addition of yours
(files:, units:, an inventory overlay, a --merge EXTRA) is held to. These tests hold it to
the plan itself, so that a new file or unit of ovs-ignite's cannot go unprotected."""

from __future__ import annotations

import pytest

from ovs_ignite import load_spec
from ovs_ignite.owned import Nodes, dropin_dirs, owned, resolve
from ovs_ignite.plan import build_plan
from ovs_ignite.records import Spec

from .support.specs import DATA, EXAMPLES, TARGETS, retarget

SPECS = [*EXAMPLES, *sorted((DATA / "valid").glob("*.yaml"))]


def _targets(spec: Spec) -> list[Spec]:
    out = []
    for os_, ignition, runtime in TARGETS:
        if spec.ovs.auto_update and runtime == "docker":
            continue
        out.append(retarget(spec, os_, ignition, runtime))
    return out


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_everything_the_plan_writes_is_owned(path) -> None:  # type: ignore[no-untyped-def]
    for spec in _targets(load_spec(path)):
        own = owned(spec)
        plan = build_plan(spec)
        yours_files = {f.path for f in spec.files}
        yours_units = {u.name for u in spec.units}
        for file in plan.files:
            if file.path in yours_files:
                continue
            assert own.node_problem(file.path, "file"), file.path
            assert own.node_problem(file.path, "link"), file.path
        for link in plan.links:
            assert own.node_problem(link.path, "link"), link.path
        for unit in plan.units:
            if unit.name in yours_units or unit.name in own.dropins:
                continue
            problems = own.unit_problems(
                unit.name, contents=True, mask=True, disable=True, dropins=["99-x.conf"]
            )
            assert problems, unit.name
            assert own.node_problem(f"/etc/systemd/system/{unit.name}", "link"), unit.name
            if unit.name in own.needed:
                continue  # (drop-ins of a unit ovs-ignite only needs are yours to give)
            extra = f"/etc/systemd/system/{unit.name}.d/99-x.conf"
            assert own.node_problem(extra, "file"), unit.name
            for dropin in unit.dropins:
                path = f"/etc/systemd/system/{unit.name}.d/{dropin.name}"
                assert own.node_problem(path, "file"), path


def test_a_unit_container_unit_takes_your_contents_but_not_the_attach_drop_in() -> None:
    spec = load_spec(DATA / "valid" / "everything.yaml")
    own = owned(spec)
    unit = next(c.unit_name for c in spec.containers if c.unit and c.interfaces)
    assert own.unit_problems(unit, contents=True, mask=False, disable=False, dropins=[]) == []
    assert own.unit_problems(unit, contents=False, mask=True, disable=False, dropins=[])
    problems = own.unit_problems(
        unit, contents=False, mask=False, disable=False, dropins=["50-ovs-attach.conf"]
    )
    assert problems == [
        ("50-ovs-attach.conf", f"50-ovs-attach.conf is ovs-ignite's drop-in on {unit}")
    ]


def test_paths_resolve_as_on_the_host() -> None:
    assert resolve("/usr/local/bin/x", "fcos") == "/var/usrlocal/bin/x"
    assert resolve("/usr/local/bin/x", "flatcar") == "/usr/local/bin/x"
    assert resolve("/opt/bin/x", "fcos") == "/var/opt/bin/x"
    assert resolve("/opt/bin/x", "flatcar") == "/opt/bin/x"
    assert resolve("/usr/local", "fcos") == "/usr/local"  # (the last part is not followed)
    assert resolve("/bin/sh", "flatcar") == "/usr/bin/sh"


def test_systemd_reads_these_drop_in_folders() -> None:
    assert dropin_dirs("ovs-attach@web-1.service") == {
        "ovs-attach@web-1.service",
        "ovs-attach@.service",
        "ovs-.service",
        "ovs-attach@web-.service",
        "service",
    }
    assert dropin_dirs("ovsdb-server.service") == {
        "ovsdb-server.service",
        "ovsdb-.service",
        "service",
    }


@pytest.mark.parametrize(
    ("first", "second", "problem"),
    [
        ("/opt/a", "/opt/a/b", "/opt/a/b is under /opt/a, which is a file, not a folder"),
        ("/opt/a/b", "/opt/a", "/opt/a would be a file above /opt/a/b"),
        ("/var/opt/c", "/opt/c", "/opt/c is already written by a file at /var/opt/c"),
        ("/etc/x", "/etc/y", None),
    ],
)
def test_two_of_your_files_clash_as_ignition_would_find(
    first: str, second: str, problem: str | None
) -> None:
    nodes = Nodes("fcos")
    assert nodes.add(first, "file") is None
    assert nodes.add(second, "file") == problem


def test_a_directory_under_a_link_or_over_a_directory() -> None:
    nodes = Nodes("flatcar")
    assert nodes.add("/etc/site", "directory") is None
    assert nodes.add("/etc/site/a", "file") is None
    assert nodes.add("/etc/current", "link") is None
    assert nodes.add("/etc/current/x", "file") == (
        "/etc/current/x is under /etc/current, which is a link, not a folder"
    )
