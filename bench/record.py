"""The benches' figures in docs/measurements.md, never typed by hand: each bench that keeps
its figures there owns one section, between ``<!-- bench:NAME RESULTS -->`` and
``<!-- /bench:NAME -->``, where RESULTS is the JSON of what it measured and the text
between is what its ``figures(results)`` makes of them. ``--write`` on such a bench writes
its section anew; tests/test_docs.py makes every section again from its results.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import re
from pathlib import Path
from typing import Any

MEASUREMENTS = Path(__file__).resolve().parent.parent / "docs" / "measurements.md"
_SECTION = re.compile(
    r"<!-- bench:(?P<name>[a-z]+) (?P<results>\{.*?\}) -->\n(?P<text>.*?)<!-- /bench:(?P=name) -->",
    re.DOTALL,
)


def machine() -> dict[str, Any]:
    """What the figures were measured on, and when."""
    return {
        "date": datetime.date.today().isoformat(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
    }


def machine_line(results: dict[str, Any]) -> str:
    return (
        f"Measured on {results['date']}: {results['cpus']} CPUs, {results['system']}, "
        f"Python {results['python']}."
    )


def sections(text: str) -> dict[str, tuple[dict[str, Any], str]]:
    """name -> (results, text) of each bench's section of the page's text."""
    return {
        found["name"]: (json.loads(found["results"]), found["text"])
        for found in _SECTION.finditer(text)
    }


def write(name: str, results: dict[str, Any], text: str) -> None:
    """Put the section of bench name in docs/measurements.md, in place of its old one (or
    at the end)."""
    page = MEASUREMENTS.read_text(encoding="utf-8")
    block = f"<!-- bench:{name} {json.dumps(results, sort_keys=True)} -->\n{text}"
    block += f"<!-- /bench:{name} -->"
    old = next((m for m in _SECTION.finditer(page) if m["name"] == name), None)
    if old is None:
        page = page.rstrip("\n") + "\n\n" + block + "\n"
    else:
        page = page[: old.start()] + block + page[old.end() :]
    MEASUREMENTS.write_text(page, encoding="utf-8")
