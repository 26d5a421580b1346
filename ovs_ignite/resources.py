"""Where the packaged templates and examples are: in the wheel, or in a checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


@cache
def resource_dir(name: str) -> Traversable:
    """The folder ``name`` (templates, examples) shipped with ovs-ignite.

    A wheel carries it inside the package (hatch force-include); a source checkout
    keeps it at the top level beside the package.
    """
    packaged = resources.files("ovs_ignite") / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"ovs-ignite is installed without its {name} folder")


def example_names() -> list[str]:
    """Names of the bundled example specs."""
    folder = resource_dir("examples")
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )
