"""The package reads in small pieces: no function of ovs_ignite/ is over 60 lines (ruff's
C901, configured in pyproject.toml, keeps each one's complexity at 10 or less)."""

from __future__ import annotations

import ast

from .support.specs import ROOT

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


def _imports() -> dict[str, set[str]]:
    """module -> the package's modules it imports (at the top or inside a function)."""
    graph: dict[str, set[str]] = {}
    for path in sorted((ROOT / "ovs_ignite").glob("*.py")):
        found = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    found.add(node.module.split(".")[0])
                else:
                    found.update(alias.name for alias in node.names)
        graph[path.stem] = found
    return graph


def _reaches(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for module in graph.get(todo.pop(), set()) - seen:
            seen.add(module)
            todo.append(module)
    return seen


def test_the_package_imports_no_cycle_and_each_layer_only_below_it() -> None:
    """No module reaches itself through imports (hostchecks and verify share checking.py);
    the spec's checks do not load the templates (their limits are quoting.py's); every
    error class lives in errors.py."""
    graph = _imports()
    assert len(graph) > 30 and graph["verify"] >= {"checking", "hostchecks"}
    assert [module for module in graph if module in _reaches(graph, module)] == []
    assert "templating" not in _reaches(graph, "checks")
    # Below the host model, nothing reads a spec: the files and units are made from the
    # model (plan.py is the one step after spec.py that reads the spec, with its helpers
    # runs.py and ovsconfig.py).
    for layer in ("hostmodel", "hostfiles", "artifacts", "butane", "ignition", "templating"):
        assert not {"models", "spec", "plan", "runs", "ovsconfig"} & _reaches(graph, layer), layer
    readers = {module for module in graph if "models" in graph[module]}
    assert readers & _reaches(graph, "hostfiles") == set()
    for path in sorted((ROOT / "ovs_ignite").glob("*.py")):
        tree = ast.parse(path.read_text())
        classes = [n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
        errors = [name for name in classes if name.endswith("Error") and path.stem != "errors"]
        # (reading helpers that never reach a user: each caught where it is raised)
        assert set(errors) <= {"ExtraReadError", "FetchError", "YamlError"}, path.name
