"""ovs-ignite: a declarative Open vSwitch switch spec -> Butane and Ignition configs."""

from .api import example_names, example_text, render, spec_schema
from .butane import build_butane, dump_butane
from .errors import OutputError, OvsIgniteError, SpecError, SpecProblem
from .ignition import dump_ignition, to_ignition
from .models import Spec
from .plan import HostPlan, build_plan, kernel_arguments
from .spec import load_spec, parse_spec

__version__ = "0.1.0"

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
