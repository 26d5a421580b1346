"""What a plain install pulls in: the renderer's dependencies, each one used, and not
verify's (testinfra, and pytest with it), which are the ``verify`` extra."""

from __future__ import annotations

import re
import tomllib

from .support.specs import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
# A distribution's name -> the module it is imported as.
MODULE = {"pyyaml": "yaml", "pytest-testinfra": "testinfra"}


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9_.-]+", requirement)
    assert match, requirement
    return match.group().lower()


def test_every_declared_dependency_is_imported_by_the_package() -> None:
    source = "\n".join(p.read_text() for p in (ROOT / "ovs_ignite").glob("*.py"))
    for requirement in PROJECT["dependencies"]:
        module = MODULE.get(_name(requirement), _name(requirement))
        assert re.search(rf"^\s*(import|from) {module}\b", source, re.MULTILINE), requirement


def test_every_dependency_is_bounded_below_by_a_tested_version_and_above() -> None:
    """(issue 27, item 4) scripts/lowest-bounds installs each lower bound exactly and runs
    the command line's tests there; the upper bound keeps out what no test has run."""
    for requirement in PROJECT["dependencies"]:
        assert re.fullmatch(r"[a-z0-9_-]+>=[0-9][0-9.]*,<[0-9][0-9.]*", requirement), requirement


def test_verify_dependencies_are_an_extra_not_a_plain_dependency() -> None:
    plain = {_name(r) for r in PROJECT["dependencies"]}
    assert not plain & {"pytest", "pytest-testinfra"}
    extras = PROJECT["optional-dependencies"]
    assert [_name(r) for r in extras["verify"]] == ["pytest-testinfra"]
    assert "ovs-ignite[verify,docs]" in extras["test"]  # (the tests build the docs too)
    assert [_name(r) for r in extras["docs"]] == ["mkdocs", "mkdocs-material"]
