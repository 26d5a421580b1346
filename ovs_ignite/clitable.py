"""Makes ``_clitable.py``, what the command line's fast path (``fastpath.py``) answers
without importing Typer: the help of every command and what Typer's completion offers.

Everything in the table comes from Typer itself (the help it prints, the completion items
it computes), so the fast path says what Typer would say; ``tests/test_fastpath.py`` holds
the table equal to what this module makes now, and the fast path's answers equal to
Typer's. After changing the command line:

    .venv/bin/python -m ovs_ignite.clitable      # writes ovs_ignite/_clitable.py anew
"""

from __future__ import annotations

import contextlib
import io
import os
import pprint
from pathlib import Path
from typing import Any

from typer._click.core import Context
from typer._click.shell_completion import CompletionItem
from typer._completion_classes import ZshComplete
from typer.core import TyperGroup, TyperOption
from typer.main import get_command

from .cli import app

PROG = "ovs-ignite"
COMPLETE_VAR = "_OVS_IGNITE_COMPLETE"
# Help is wrapped at min(columns, 80) - 2: the same text on every terminal of 80 columns or
# more, which is what the table holds.
HELP_COLUMNS = 80


def _help(argv: list[str]) -> str:
    out = io.StringIO()
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(HELP_COLUMNS)
    try:
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            app([*argv, "--help"], prog_name=PROG)
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return out.getvalue()


def _items(complete: ZshComplete, args: list[str], incomplete: str) -> list[list[Any]]:
    """[value, type, how zsh is told it] of each completion item Typer offers."""
    return [
        [i.value, i.type, complete.format_completion(i)]
        for i in complete.get_completions(args, incomplete)
    ]


def _options(command: Any, ctx: Context) -> list[dict[str, Any]]:
    """The options completion offers for command: every one that is not hidden, --help too
    (as its context names it: the context settings give it -h)."""
    options = []
    zsh = ZshComplete(command, {}, PROG, COMPLETE_VAR)
    for param in command.get_params(ctx):
        if isinstance(param, TyperOption) and not param.hidden:
            names = [*param.opts, *param.secondary_opts]
            if param.name == "help":  # (click makes them from a set: their order is random)
                names.sort()
            options.append(
                {
                    "param": param.name,
                    "names": names,
                    "flag": bool(param.is_flag or param.count),
                    "multiple": bool(param.multiple),
                    "zsh": [
                        zsh.format_completion(CompletionItem(n, help=param.help)) for n in names
                    ],
                }
            )
    return options


def build_table() -> dict[str, Any]:
    """The table of the command line as Typer has it now."""
    group = get_command(app)
    assert isinstance(group, TyperGroup)
    complete = ZshComplete(group, {}, PROG, COMPLETE_VAR)
    top = group.make_context(PROG, [], resilient_parsing=True)
    table: dict[str, Any] = {
        "help": {"": _help([])},
        "commands": _items(complete, [], ""),
        "options": {"": _options(group, top)},
        "values": {},
    }
    for name in group.list_commands(top):
        command = group.commands[name]
        ctx = command.make_context(name, [], parent=top, resilient_parsing=True)
        table["help"][name] = _help([name])
        table["options"][name] = _options(command, ctx)
        for option in table["options"][name]:
            if not option["flag"]:
                first = option["names"][0]
                table["values"][f"{name} {first}"] = _items(complete, [name, first], "")
    return table


def module_text(table: dict[str, Any]) -> str:
    return (
        '"""What the fast path of the command line answers (see clitable.py, which makes\n'
        'this file: do not edit it)."""\n\n'
        "from __future__ import annotations\n\n"
        "TYPE_CHECKING = False\n"
        "if TYPE_CHECKING:\n"
        "    from typing import Any\n\n"
        f"TABLE: dict[str, Any] = {pprint.pformat(table, width=100, sort_dicts=True)}\n"
    )


def main() -> None:
    target = Path(__file__).with_name("_clitable.py")
    target.write_text(module_text(build_table()))


if __name__ == "__main__":
    main()
