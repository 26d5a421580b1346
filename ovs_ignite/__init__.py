"""ovs-ignite: a declarative Open vSwitch switch spec -> Butane and Ignition configs.

The names below are imported when first used (PEP 562), so that the command line's help
and completion do not pay for the spec machinery (pydantic, jinja2).
"""

from __future__ import annotations

from importlib import import_module

# (not typing's: importing typing costs more than the rest of a help request; mypy reads any
# TYPE_CHECKING as true)
TYPE_CHECKING = False

__version__ = "0.1.0"

_WHERE = {
    "example_names": "api",
    "example_text": "api",
    "render": "api",
    "spec_schema": "api",
    "build_butane": "butane",
    "dump_butane": "butane",
    "OutputError": "errors",
    "OvsIgniteError": "errors",
    "SpecError": "errors",
    "SpecProblem": "errors",
    "dump_ignition": "ignition",
    "to_ignition": "ignition",
    "Spec": "records",
    "HostPlan": "artifacts",
    "build_plan": "plan",
    "kernel_arguments": "plan",
    "load_spec": "spec",
    "parse_spec": "spec",
}

if TYPE_CHECKING:
    from typing import Any

    from .api import example_names, example_text, render, spec_schema
    from .artifacts import HostPlan
    from .butane import build_butane, dump_butane
    from .errors import OutputError, OvsIgniteError, SpecError, SpecProblem
    from .ignition import dump_ignition, to_ignition
    from .plan import build_plan, kernel_arguments
    from .records import Spec
    from .spec import load_spec, parse_spec


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'ovs_ignite' has no attribute {name!r}")
    value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "HostPlan",
    "OutputError",
    "OvsIgniteError",
    "Spec",
    "SpecError",
    "SpecProblem",
    "__version__",
    "build_butane",
    "build_plan",
    "dump_butane",
    "dump_ignition",
    "example_names",
    "example_text",
    "kernel_arguments",
    "load_spec",
    "parse_spec",
    "render",
    "spec_schema",
    "to_ignition",
]
