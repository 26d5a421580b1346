"""What the render and validate commands do, without Typer: ``cli.py`` runs them for every
form of the command line, and ``fastpath.py`` runs them directly for the plain forms
(``render SPEC [-o FILE]``, ``validate SPEC...``), where Typer's import would be most of the
time a render takes (bench/cli.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .output import STDIO, check_not_inputs, write_all, write_output, write_stdout

if TYPE_CHECKING:
    from .api import Delivery
    from .records import Spec


def emit(text: str, output: Path | None) -> None:
    if output is None:
        write_stdout(text)
    else:
        write_output(output, text)


def spec_name(spec: Path) -> str:
    """What errors and generated headers call spec: ``-`` is <stdin>."""
    return "<stdin>" if str(spec) == STDIO else str(spec)


def load(spec: Path) -> Spec:
    """The spec at path spec; ``-`` reads standard input."""
    from .spec import load_spec, parse_spec

    if str(spec) == STDIO:
        return parse_spec(sys.stdin.read(), spec_name(spec))
    return load_spec(spec)


def notice(text: str | None, quiet: bool) -> None:
    """A notice on stderr (not an error: --quiet leaves it out)."""
    if text and not quiet:
        sys.stderr.write(f"ovs-ignite: {text}\n")
        sys.stderr.flush()


def write_render(files: list[tuple[Path | None, str]], inputs: list[Path]) -> None:
    """Write what one render makes: none of it over an input, and a pointer config with
    its full config both or neither."""
    written = [(path, text) for path, text in files if path is not None]
    if len(written) > 1:
        write_all(written, inputs)
        return
    check_not_inputs([path for path, _ in written], inputs)
    for path, text in files:
        emit(text, path)


def render_one(
    spec: Path, output: Path | None, delivery: Delivery, inputs: list[Path], quiet: bool
) -> None:
    """Render spec (one host) as delivery says, to output (None: stdout); its notice."""
    from .api import kernel_arguments_notice

    loaded = load(spec)
    write_render(delivery.files(loaded, spec_name(spec), output), inputs)
    notice(kernel_arguments_notice(loaded), quiet)


def validate(specs: list[Path], fmt: str = "text") -> None:
    """Check specs: each failed spec's errors on stderr (text) or every error as one JSON
    array on stdout (json), then the summary; an OvsIgniteError (the summary) when one
    failed."""
    import json

    from .errors import OvsIgniteError, SpecError

    records: list[dict[str, object]] = []
    failed = problems = 0
    for spec in specs:
        try:
            load(spec)
        except SpecError as exc:
            failed += 1
            problems += len(exc.problems)
            if fmt == "json":
                records += [p._asdict() for p in exc.problems]
            else:
                sys.stderr.write(f"{exc}\n")
    if fmt == "json":
        sys.stdout.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    noun = "spec" if len(specs) == 1 else "specs"
    if failed:
        raise OvsIgniteError(
            f"{len(specs)} {noun} checked: {failed} with errors ({problems} in all)"
        )
    sys.stderr.write(f"{len(specs)} {noun} checked: all valid\n")
