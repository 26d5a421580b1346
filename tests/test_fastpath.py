"""The command line's fast path (ovs_ignite/fastpath.py): help and completion answered from
a table, without importing Typer or the spec machinery, saying exactly what Typer says."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer._completion_classes import BashComplete, ZshComplete
from typer.main import get_command

from ovs_ignite._clitable import TABLE
from ovs_ignite.cli import app
from ovs_ignite.clitable import build_table, module_text
from ovs_ignite.fastpath import COMPLETE_VAR, plain_command, quick_answer, terminal_columns

from .support.specs import ROOT

COMMANDS = [name for name in TABLE["help"] if name]


def test_the_table_is_what_typer_says_now() -> None:
    """Regenerate with `.venv/bin/python -m ovs_ignite.clitable` after changing the CLI."""
    assert build_table() == TABLE
    assert "TABLE" in module_text(TABLE)
    assert set(COMMANDS) == {"render", "validate", "init", "schema", "kargs", "pin"} | {
        "check-url",
        "verify",
        "dpdk-plan",
        "plan",
        "apply",
    }


def _full(argv: list[str], columns: str) -> subprocess.CompletedProcess[str]:
    """The full command line (Typer), bypassing the fast path."""
    return subprocess.run(
        [sys.executable, "-c", "from ovs_ignite.cli import main; main()", *argv],
        env={**os.environ, "COLUMNS": columns},
        capture_output=True,
        text=True,
        check=True,
    )


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_typers_own(command: str) -> None:
    argv = [command, "--help"] if command else ["--help"]
    for columns in ("80", "200"):
        expected = _full(argv, columns).stdout.replace("Usage: -c", "Usage: ovs-ignite")
        assert quick_answer(argv, {"COLUMNS": columns}) == expected
        assert quick_answer([*argv[:-1], "-h"], {"COLUMNS": columns}) == expected
    # narrower terminals wrap the help: Typer's
    assert quick_answer(argv, {"COLUMNS": "60"}) is None


def test_what_the_fast_path_leaves_to_typer() -> None:
    for argv in ([], ["render"], ["render", "x.yaml", "--help"], ["nosuch", "--help"], ["-hx"]):
        assert quick_answer(argv, {"COLUMNS": "100"}) is None


def test_terminal_columns_are_shutils() -> None:
    import shutil

    for env in ({"COLUMNS": "120"}, {"COLUMNS": "0"}, {"COLUMNS": "x"}, {}):
        saved = os.environ.pop("COLUMNS", None)
        if "COLUMNS" in env:
            os.environ["COLUMNS"] = env["COLUMNS"]
        try:
            assert terminal_columns(env) == shutil.get_terminal_size().columns
        finally:
            os.environ.pop("COLUMNS", None)
            if saved is not None:
                os.environ["COLUMNS"] = saved


def _grid() -> Iterator[tuple[list[str], str]]:
    """(words before the one completed, the word completed) over every command and option."""
    incompletes = ["", "-", "--f", "-q", "r", "n", "x", "--format="]
    yield from (([], i) for i in incompletes)
    yield from ((["--version"], i) for i in incompletes[:3])
    for command in COMMANDS:
        befores: list[list[str]] = [[], ["spec.yaml"], ["--"], ["-"], ["-qx"]]
        for option in TABLE["options"][command]:
            name = option["names"][0]
            befores.append([name] if option["flag"] else [name, "value"])
            if not option["flag"]:
                befores.append([name])
                befores.append(["spec.yaml", name])
        for before in befores:
            for incomplete in incompletes:
                yield [command, *before], incomplete


@contextlib.contextmanager
def _environ(**values: str) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _typer_says(shell: str, args: list[str], incomplete: str) -> str:
    """What Typer's own completion prints for the request (as its shell_complete echoes)."""
    group = get_command(app)
    line = " ".join(["ovs-ignite", *args, incomplete])
    if shell == "bash":
        env = {"COMP_WORDS": line, "COMP_CWORD": str(len(args) + 1)}
        complete: BashComplete | ZshComplete = BashComplete(group, {}, "ovs-ignite", COMPLETE_VAR)
    else:
        env = {"_TYPER_COMPLETE_ARGS": line}
        complete = ZshComplete(group, {}, "ovs-ignite", COMPLETE_VAR)
    with _environ(**env), contextlib.redirect_stderr(io.StringIO()):
        return complete.complete() + "\n"


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_is_typers_own_wherever_the_table_answers(shell: str) -> None:
    answered = 0
    for args, incomplete in _grid():
        line = " ".join(["ovs-ignite", *args, incomplete])
        if shell == "bash":
            env = {
                COMPLETE_VAR: "complete_bash",
                "COMP_WORDS": line,
                "COMP_CWORD": str(len(args) + 1),
            }
        else:
            env = {COMPLETE_VAR: "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
        fast = quick_answer([], env)
        if fast is None:
            # only what the small parser leaves alone: arguments, --, name=value, -qx
            assert not _must_answer(args, incomplete), (args, incomplete)
            continue
        answered += 1
        assert _canon(fast) == _canon(_typer_says(shell, args, incomplete)), (args, incomplete)
    assert answered > 400


def _canon(answer: str) -> str:
    """answer with -h and --help in one order: click makes the help option's names from a
    set, so Typer's order of the two changes from one process to the next."""
    head, tail = "", ""
    if answer.startswith("_arguments '*: :(("):
        head, tail = "_arguments '*: :((", "))'\n"
        answer = answer[len(head) : -len(tail)]
    items = answer.split("\n")
    at = [i for i, item in enumerate(items) if item.split(":")[0].strip('"') in ("-h", "--help")]
    for i, item in zip(at, sorted(items[i] for i in at), strict=True):
        items[i] = item
    return head + "\n".join(items) + tail


def _must_answer(args: list[str], incomplete: str) -> bool:
    """Whether the fast path must answer: a command's name, an option's, an option's value."""
    if "=" in incomplete or any(word in ("--", "-", "-qx") for word in args[1:]):
        return False
    if not args:
        return True
    if args[0] not in COMMANDS:
        return False
    if incomplete and not incomplete[0].isalnum():
        return True
    options = {n: o for o in TABLE["options"][args[0]] for n in o["names"]}
    last = options.get(args[-1]) if len(args) > 1 else None
    return last is not None and not last["flag"] and args[-2:-1] != ["value"]


@pytest.mark.parametrize(
    ("argv", "env"),
    [
        (["--help"], {}),
        (["render", "-h"], {}),
        (
            [],
            {
                COMPLETE_VAR: "complete_bash",
                "COMP_WORDS": "ovs-ignite init --example ",
                "COMP_CWORD": "3",
            },
        ),
        ([], {COMPLETE_VAR: "complete_zsh", "_TYPER_COMPLETE_ARGS": "ovs-ignite render --f"}),
    ],
    ids=["help", "render-help", "bash", "zsh"],
)
def test_the_command_answers_them_without_typer_or_the_spec_machinery(
    argv: list[str], env: dict[str, str]
) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['ovs-ignite', *{argv!r}]\n"
        "from ovs_ignite.fastpath import main\n"
        "main()\n"
        "heavy = {'typer', 'click', 'rich', 'pydantic', 'jinja2', 'yaml', 'typing', 'shutil'}\n"
        "loaded = {m.split('.')[0] for m in sys.modules} | set(sys.modules)\n"
        "found = sorted(heavy & loaded) + sorted(m for m in loaded if m.startswith('ovs_ignite.')"
        " and m not in ('ovs_ignite.fastpath', 'ovs_ignite._clitable'))\n"
        "print(found, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "COLUMNS": "100", **env},
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert result.stdout
    assert result.stderr.splitlines()[-1] == "[]"


# -- the plain forms of render and validate, run without Typer ------------------------------


def _run(argv: list[str], full: bool, cwd: Path, stdin: str = "") -> tuple[int, str, str]:
    """The command line on argv: the full one (Typer) or the entry point (fast path)."""
    entry = "from ovs_ignite.cli import main" if full else "from ovs_ignite.fastpath import main"
    result = subprocess.run(
        [sys.executable, "-c", f"{entry}; main()", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )
    return result.returncode, result.stdout, result.stderr.replace("Usage: -c", "Usage: ovs-ignite")


PLAIN = [
    ["render", "nginx.yaml"],
    ["render", "nginx.yaml", "-o", "out/nginx.ign"],
    ["render", "--output", "out/dpdk.ign", "dpdk.yaml"],
    ["render", "nginx.yaml", "-o", "nginx.yaml"],  # (over its input: refused)
    ["render", "nginx.yaml", "-o", "no/such/folder/x.ign"],
    ["render", "bad.yaml"],
    ["render", "missing.yaml"],
    ["render", "-"],
    ["render", "nginx.yaml", "-o", "-"],
    ["validate", "nginx.yaml"],
    ["validate", "nginx.yaml", "bad.yaml", "dpdk.yaml", "missing.yaml"],
    ["validate", "-"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=lambda a: "-".join(a).replace("/", "_"))
def test_plain_render_and_validate_say_what_typer_says(argv: list[str], tmp_path: Path) -> None:
    """The fast path's render SPEC [-o FILE] and validate SPEC... print, write and exit
    exactly as the full command line does, errors included."""
    outcomes = []
    for full in (True, False):
        work = tmp_path / ("full" if full else "fast")
        (work / "out").mkdir(parents=True)
        for name in ("nginx", "dpdk"):
            (work / f"{name}.yaml").write_text((ROOT / "examples" / f"{name}.yaml").read_text())
        (work / "bad.yaml").write_text("version: 1\novs: {image: 'a b'}\nbridges: [{name: 1}]\n")
        stdin = (ROOT / "examples/nginx.yaml").read_text()
        code, out, err = _run(argv, full, work, stdin)
        written = {p.name: p.read_text() for p in sorted((work / "out").iterdir())}
        outcomes.append((code, out, err, written))
    assert outcomes[0] == outcomes[1]
    assert plain_command(argv, {}) is not None


def test_what_the_plain_path_leaves_to_typer() -> None:
    for argv in (
        ["render"],
        ["render", "a.yaml", "--pretty"],
        ["render", "a.yaml", "-o"],
        ["render", "-o", "x.ign"],
        ["render", "--", "a.yaml"],
        ["render", "a.yaml", "b.yaml"],
        ["render", "a.yaml", "-o", "--pretty"],
        ["render", ""],
        ["validate"],
        ["validate", "a.yaml", "--format", "json"],
        ["kargs", "a.yaml"],
    ):
        assert plain_command(argv, {}) is None, argv
    assert plain_command(["render", "a.yaml"], {COMPLETE_VAR: "complete_bash"}) is None


@pytest.mark.parametrize("command", ["render", "validate"])
def test_plain_render_and_validate_run_without_typer(command: str, tmp_path: Path) -> None:
    """Nor pydantic: the spec is checked against its prebuilt schema (specschema.py)."""
    heavy = {"typer", "click", "rich", "pydantic", "pydantic_core", "ovs_ignite.models"}
    heavy.add("ovs_ignite.valuetypes")
    argv = [command, str(ROOT / "examples/nginx.yaml")]
    if command == "render":
        argv += ["-o", str(tmp_path / "nginx.ign")]
    code = (
        "import sys\n"
        f"sys.argv = ['ovs-ignite', *{argv!r}]\n"
        "from ovs_ignite.fastpath import main\n"
        "try:\n    main()\nexcept SystemExit as end:\n    assert end.code == 0, end.code\n"
        f"print(sorted({heavy!r} & set(sys.modules)), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stderr.splitlines()[-1] == "[]"
    if command == "render":
        assert (tmp_path / "nginx.ign").read_text().startswith('{"ignition"')
