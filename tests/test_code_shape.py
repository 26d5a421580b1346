"""The package reads in small pieces: no function of ovs_ignite/ is over 60 lines (ruff's
C901, configured in pyproject.toml, keeps each one's complexity at 10 or less)."""

from __future__ import annotations

import ast

from .conftest import ROOT

MAX_LINES = 60


def test_no_function_of_the_package_is_over_60_lines() -> None:
    long = []
    for path in sorted((ROOT / "ovs_ignite").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_LINES:
                    long.append(f"{path.name}:{node.lineno} {node.name}: {lines} lines")
    assert long == []


def test_the_check_sees_functions() -> None:
    # (not vacuous: the walk finds the package's functions)
    names = {
        node.name
        for node in ast.walk(ast.parse((ROOT / "ovs_ignite/plan.py").read_text()))
        if isinstance(node, ast.FunctionDef)
    }
    assert "build_plan" in names
