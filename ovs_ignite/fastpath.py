"""The ovs-ignite command's entry point. ``--help`` of a command and the completion requests
of bash and zsh are answered from ``_clitable`` (made from Typer by ``clitable.py``)
without importing Typer, pydantic, jinja2 or the spec machinery: a shell asks at every TAB,
and a user reads help before anything else. The plain forms of the two commands a pipeline
runs most, ``render SPEC [-o FILE]`` and ``validate SPEC...``, run ``commands.py`` without
Typer (whose import was a fifth of a render). Everything else (and any request the table
cannot answer exactly as Typer would) goes to ``cli.main``.
"""

from __future__ import annotations

import os
import sys

# (typing, shutil and json are left out: each costs more than the whole answer)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

COMPLETE_VAR = "_OVS_IGNITE_COMPLETE"
HELP = ("--help", "-h")
# Typer splits a completion request's words with shlex; words with quotes or escapes are
# left to it.
_QUOTING = frozenset("\"'\\")


def main() -> None:
    """Answer from the table, run a plain render or validate, or run the full command line."""
    answer = quick_answer(sys.argv[1:], os.environ)
    if answer is not None:
        sys.stdout.write(answer)
        return
    plain = plain_command(sys.argv[1:], os.environ)
    if plain is not None:
        sys.exit(run_plain(*plain))
    from .cli import main as full

    full()


def plain_command(
    argv: list[str], env: Mapping[str, str]
) -> tuple[str, list[str], str | None] | None:
    """(command, specs, output) of ``render SPEC [-o FILE]`` or ``validate SPEC...`` with
    plain words (none an option but -o's, none a completion request); None for the rest."""
    if env.get(COMPLETE_VAR) is not None or not argv:
        return None
    command, words = argv[0], argv[1:]
    output = None
    if command == "render" and len(words) == 3 and words[0] in ("-o", "--output"):
        output, words = words[1], words[2:]
    elif command == "render" and len(words) == 3 and words[1] in ("-o", "--output"):
        output, words = words[2], words[:1]
    if (command == "render" and len(words) != 1) or (command == "validate" and not words):
        return None
    if command not in ("render", "validate") or any(_option_like(w) for w in words):
        return None
    if output is not None and _option_like(output):
        return None
    return command, words, output


def _option_like(word: str) -> bool:
    """A word Typer might take for an option (``-`` alone is standard input or output)."""
    return (word.startswith("-") and word != "-") or word == ""


def run_plain(command: str, specs: list[str], output: str | None) -> int:
    """Run a plain render or validate as cli.py would; its exit status."""
    from pathlib import Path

    from .commands import render_one, validate
    from .errors import OvsIgniteError

    try:
        if command == "render":
            from .api import Delivery

            spec = Path(specs[0])
            render_one(spec, None if output is None else Path(output), Delivery(), [spec], False)
            return 0
        validate([Path(s) for s in specs])
        return 0
    except OvsIgniteError as exc:
        if str(exc):
            sys.stderr.write(str(exc) + "\n")
        return exc.exit_code
    except KeyboardInterrupt:  # (as click says it)
        sys.stderr.write("\nAborted!\n")
        return 1


def quick_answer(argv: list[str], env: Mapping[str, str]) -> str | None:
    """What the command line prints for argv and env, when the table knows it; else None."""
    mode = env.get(COMPLETE_VAR)
    if mode is not None:
        return _completion(mode, env)
    if len(argv) not in (1, 2) or argv[-1] not in HELP:
        return None
    from ._clitable import TABLE

    command = argv[0] if len(argv) == 2 else ""
    text: str | None = TABLE["help"].get(command)
    if text is None:
        return None
    # (help is wrapped to the terminal below 80 columns: the table holds the wide text)
    return text if terminal_columns(env) >= 80 else None


def terminal_columns(env: Mapping[str, str]) -> int:
    """The terminal's width as shutil.get_terminal_size tells it (COLUMNS, else the
    terminal of stdout, else 80), without importing shutil."""
    columns = env.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def _completion(mode: str, env: Mapping[str, str]) -> str | None:
    if mode == "complete_bash":
        words = env.get("COMP_WORDS", "")
        if _QUOTING & set(words) or not env.get("COMP_CWORD", "").isdigit():
            return None
        cwords = words.split()
        cword = int(env["COMP_CWORD"])
        incomplete = cwords[cword] if cword < len(cwords) else ""
        items = completion_items(cwords[1:cword], incomplete)
        return None if items is None else "\n".join(value for value, _ in items) + "\n"
    if mode == "complete_zsh":
        line = env.get("_TYPER_COMPLETE_ARGS", "")
        if _QUOTING & set(line):
            return None
        args = line.split()[1:]
        incomplete = args.pop() if args and not line.endswith(" ") else ""
        items = completion_items(args, incomplete)
        if items is None:
            return None
        shown = "\n".join(zsh for _, zsh in items)
        return f"_arguments '*: :(({shown}))'\n" if items else "_files\n"
    return None


def completion_items(args: list[str], incomplete: str) -> list[tuple[str, str]] | None:
    """(value, as zsh is told it) of what completes incomplete after args, as Typer's
    completion computes it; None where the table cannot say (Typer is asked then)."""
    from ._clitable import TABLE

    if "=" in incomplete:
        return None
    command = args[0] if args else ""
    options = TABLE["options"].get(command)
    if options is None:
        return None
    parsed = _parse(options, args[1:])
    if parsed is None:
        return None
    used, pending = parsed
    if incomplete and not incomplete[0].isalnum():  # an option's start: the options
        return [
            (name, zsh)
            for option in options
            if option["multiple"] or option["param"] not in used
            for name, zsh in zip(option["names"], option["zsh"], strict=True)
            if name.startswith(incomplete)
        ]
    if pending is not None:  # an option's value
        values = TABLE["values"].get(f"{command} {pending}")
        return _matching(values, incomplete)
    if not args:  # a command
        return _matching(TABLE["commands"], incomplete)
    return None  # an argument (a path, a URL): Typer's


def _matching(items: list[list[Any]] | None, incomplete: str) -> list[tuple[str, str]] | None:
    if items is None or any(kind != "plain" for _, kind, _ in items):
        return None
    return [(value, zsh) for value, _, zsh in items if value.startswith(incomplete)]


def _parse(options: list[dict[str, Any]], words: list[str]) -> tuple[set[str], str | None] | None:
    """(the options given, the option whose value is the word being completed) of a
    command's words; None for what this small parser does not know (--, name=value, an
    option it has not heard of)."""
    by_name = {name: option for option in options for name in option["names"]}
    used: set[str] = set()
    pending: dict[str, Any] | None = None
    for word in words:
        if pending is not None:  # its value: given now (an option without one is not)
            used.add(pending["param"])
            pending = None
            continue
        if word == "--" or (word.startswith("-") and word not in by_name):
            return None
        if word.startswith("-"):
            option = by_name[word]
            if option["flag"]:
                used.add(option["param"])
            else:
                pending = option
    return used, None if pending is None else pending["names"][0]
