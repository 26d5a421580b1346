"""The command line: parses options, calls the API, writes what it returns. Errors become
messages and exit statuses in one place, ``handled``."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal, ParamSpec

import typer

from . import __version__
from .commands import emit, load, notice, render_one, spec_name, validate
from .errors import OutputError, OvsIgniteError, UsageError
from .output import STDIO, check_not_inputs, write_all, write_output, write_stdout
from .resources import example_names

# Each command imports the spec machinery it needs (the models, spec and plan modules,
# jinja2, PyYAML) itself. (Help, the usual completion requests and the plain forms of render
# and validate do not get here at all: fastpath.py answers them; tests/test_fastpath.py,
# bench/cli.py.)

app = typer.Typer(
    name="ovs-ignite",
    help="Turn a YAML switch spec into Butane and Ignition configs that run Open vSwitch "
    "in containers on Fedora CoreOS and Flatcar, and attach your containers to its bridges.",
    no_args_is_help=True,
    # Shell completion: ovs-ignite --install-completion (bash, zsh, fish, PowerShell).
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    # Plain help: each option with its choices (--format <ignition|butane>), and a flag
    # without a type beside it.
    rich_markup_mode=None,
)
# The choices of options, as help and completion show them.
Format = Literal["ignition", "butane"]
Wrap = Literal["gzip"]
Platform = Literal["aws", "azure", "gcp", "openstack"]  # delivery.PLATFORMS (a test holds it)
ReportFormat = Literal["text", "json"]

P = ParamSpec("P")


def handled(command: Callable[P, None]) -> Callable[P, None]:
    """command, whose errors become what the user sees, in this one place: options that
    cannot go together as click's usage error (exit status 2); any other error of
    ovs-ignite as its lines on stderr and its exit status (errors.py)."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except UsageError as exc:
            raise typer.BadParameter(str(exc), param_hint=exc.option or None) from None
        except OvsIgniteError as exc:
            if str(exc):
                typer.echo(str(exc), err=True)
            raise typer.Exit(exc.exit_code) from None

    return run


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ovs-ignite {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    pass


# The render options that deliver a config to small user data (see delivery.py).
WrapOption = Annotated[
    Wrap | None,
    typer.Option(
        "--wrap",
        help="gzip: write a small config that holds the real one gzip-compressed "
        "(ignition.config.replace with a data URL).",
    ),
]
PointerOption = Annotated[
    str | None,
    typer.Option(
        "--pointer",
        help="Write a pointer config that fetches the full config from this URL and "
        "checks its sha512; the full config goes beside OUT as <stem>.full.ign.",
    ),
]
MaxBytesOption = Annotated[
    int | None, typer.Option("--max-bytes", min=1, help="Refuse a config over this many bytes.")
]
PlatformOption = Annotated[
    Platform | None,
    typer.Option("--platform", help="Refuse a config over this platform's user-data limit."),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No notices on stderr (errors only).")
]
MergeOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--merge",
        help="Merge this config of yours into the output (Ignition JSON into Ignition, "
        "Butane into Butane; repeat for several): a clash with ovs-ignite's own files or "
        "units is an error.",
    ),
]


InventoryOption = Annotated[
    Path | None,
    typer.Option(
        "--inventory",
        help="Render SPEC for every host of this inventory (HOSTS), one config per host in "
        "the folder -o names.",
    ),
]
MatchboxOption = Annotated[
    Path | None,
    typer.Option(
        "--matchbox",
        help="With --inventory: write matchbox's data layout here (groups by MAC, profiles, "
        "ignition).",
    ),
]
MatchboxUrlOption = Annotated[
    str | None,
    typer.Option("--matchbox-url", help="Where matchbox serves, e.g. http://matchbox:8080."),
]
# How verify and plan --hosts reach hosts over ssh (besides --sudo).
SshConfigOption = Annotated[
    Path | None, typer.Option("--ssh-config", help="ssh configuration file to use.")
]
SshIdentityOption = Annotated[
    Path | None, typer.Option("--ssh-identity-file", help="ssh private key to use.")
]


@app.command("render")
@handled
def render_command(
    spec: Annotated[Path, typer.Argument(help="The switch spec (YAML; - for stdin).")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here (atomically, through a symlink; - for stdout), not stdout.",
        ),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help="Ignition (JSON) or Butane (YAML).")
    ] = "ignition",
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the Ignition JSON.")] = False,
    wrap: WrapOption = None,
    pointer_url: PointerOption = None,
    max_bytes: MaxBytesOption = None,
    platform: PlatformOption = None,
    inventory: InventoryOption = None,
    matchbox: MatchboxOption = None,
    matchbox_url: MatchboxUrlOption = None,
    quiet: QuietOption = False,
    merge: MergeOption = None,
) -> None:
    """Render SPEC as an Ignition config (default) or a Butane config."""
    from .api import Delivery, matchbox_layout, render_fleet
    from .delivery import size_limit
    from .merge import load_extra

    _check_render_options(fmt, pretty, wrap, pointer_url, max_bytes, platform, output)
    _check_fleet_options(inventory, output, matchbox, matchbox_url, pointer_url, fmt)

    inputs = [spec, *(merge or []), *([inventory] if inventory else [])]
    delivery = Delivery(
        "butane" if fmt == "butane" else "ignition",
        pretty,
        wrap is not None,
        pointer_url,
        size_limit(max_bytes, platform),
        tuple(load_extra(path) for path in merge or []),
    )
    if inventory is not None and matchbox is not None and matchbox_url is not None:
        layout = matchbox_layout(spec, spec_name(spec), inventory, matchbox, matchbox_url, delivery)
        _write_folder(layout, None, inputs, quiet)
    elif inventory is not None and output is not None:
        configs = render_fleet(spec, spec_name(spec), inventory, output, delivery)
        _write_folder(configs, output, inputs, quiet)
    else:
        render_one(spec, output, delivery, inputs, quiet)


def _write_folder(
    made: tuple[list[tuple[Path, str]], str], folder: Path | None, inputs: list[Path], quiet: bool
) -> None:
    """Write every file made (in folder, made first when given), or none; its notice."""
    files, said = made
    if folder is not None:
        _make_folder(folder)
    write_all(files, inputs)
    notice(said, quiet)


def _make_folder(folder: Path) -> None:
    """folder and its parents, made where missing; an OutputError when that fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot make the folder: {exc.strerror or exc}") from None


def _check_fleet_options(
    inventory: Path | None,
    output: Path | None,
    matchbox: Path | None,
    matchbox_url: str | None,
    pointer_url: str | None,
    fmt: str,
) -> None:
    """The inventory and matchbox options that cannot go together, refused up front."""
    if matchbox is not None:
        if inventory is None:
            raise UsageError("--matchbox needs --inventory HOSTS (hosts and MACs)")
        if matchbox_url is None:
            raise UsageError(
                "--matchbox needs --matchbox-url URL, where matchbox serves (http://host:8080)"
            )
        if pointer_url is not None or fmt == "butane":
            raise UsageError("--matchbox serves Ignition itself: no --pointer or butane")
    elif inventory is not None and (output is None or str(output) == STDIO):
        raise UsageError("--inventory needs -o DIR, the folder of the configs")


def _check_render_options(
    fmt: str,
    pretty: bool,
    wrap: str | None,
    pointer_url: str | None,
    max_bytes: int | None,
    platform: str | None,
    output: Path | None,
) -> None:
    """The render options that cannot go together, refused before any work (each one's
    choices are checked by its type)."""
    if pretty and fmt == "butane":
        raise UsageError("--pretty indents Ignition JSON; Butane is YAML already")
    if max_bytes is not None and platform is not None:
        raise UsageError("give --max-bytes or --platform, not both")
    if fmt == "butane" and (wrap or pointer_url or max_bytes or platform):
        raise UsageError(
            "--wrap, --pointer and size limits are for Ignition output, not --format butane"
        )
    if wrap is not None and pointer_url is not None:
        raise UsageError("give --wrap or --pointer, not both")
    if pointer_url is not None and (output is None or str(output) == STDIO):
        raise UsageError("--pointer needs -o FILE: the full config is written beside it", "-o")


@app.command("validate")
@handled
def validate_command(
    specs: Annotated[list[Path], typer.Argument(help="Switch specs to check.")],
    fmt: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            help="text: one error a line on stderr; json: one JSON array of every error "
            "(file, line, column, path, message) on stdout.",
        ),
    ] = "text",
) -> None:
    """Check specs; print only their errors and a summary."""
    validate(specs, fmt)


@app.command("init")
@handled
def init_command(
    example: Annotated[
        str,
        typer.Option(
            "--example",
            help="Which example to start from.",
            autocompletion=example_names,
        ),
    ] = "nginx",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (- for stdout).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter spec."""
    from .api import example_text

    names = example_names()
    if example not in names:
        raise UsageError(
            f"{example!r} is not an example; choose one of: {', '.join(names)}", "--example"
        )
    if output is not None and str(output) != STDIO and output.exists() and not force:
        raise OutputError(f"{output}: exists already; give --force to overwrite it")
    emit(example_text(example), output)


@app.command("schema")
@handled
def schema_command() -> None:
    """Print the JSON Schema of the spec (for editors)."""
    from .api import schema_text

    write_stdout(schema_text())


@app.command("kargs")
@handled
def kargs_command(
    spec: Annotated[Path, typer.Argument(help="The switch spec (YAML; - for stdin).")],
    pxe: Annotated[
        str | None,
        typer.Option(
            "--pxe",
            help="Print the whole kernel command line of a first PXE boot whose Ignition "
            "config is at this URL (ignition.firstboot, ignition.platform.id=metal, "
            "ignition.config.url, then the spec's own).",
        ),
    ] = None,
) -> None:
    """Print the kernel arguments SPEC needs, on one line (for a PXE APPEND line)."""
    from .api import kernel_arguments_line

    write_stdout(kernel_arguments_line(load(spec), pxe) + "\n")


@app.command("pin")
@handled
def pin_command(
    spec: Annotated[Path, typer.Argument(help="The switch spec (YAML; - for stdin).")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the pinned spec here (atomically; may be SPEC itself), not stdout.",
        ),
    ] = None,
    insecure: Annotated[
        bool,
        typer.Option(
            "--insecure",
            help="Ask a registry on this machine (localhost, 127.0.0.1, [::1]) over plain HTTP.",
        ),
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Pin every image of SPEC to its registry's digest for the tag (name:tag@sha256:...).

    Hosts then never run another image, whatever is pushed under the tag later. Comments
    and layout stay; what was pinned is listed on stderr (not with --quiet)."""
    from .api import pin_spec
    from .spec import read_spec_text

    name = spec_name(spec)
    text = sys.stdin.read() if str(spec) == STDIO else read_spec_text(spec, name)
    pinned, done = pin_spec(text, name, None if str(spec) == STDIO else spec.parent, insecure)
    emit(pinned, output)
    for line in done:
        notice(line, quiet)


@app.command("check-url")
@handled
def check_url_command(
    url: Annotated[str, typer.Argument(help="Where a pointer config fetches the full config.")],
    full: Annotated[Path, typer.Argument(help="The full config (<stem>.full.ign).")],
) -> None:
    """Say whether URL serves exactly FULL, as a pointer config needs (exit 0), or what
    differs (exit 1): before a fleet boots from it."""
    from .api import check_full_config_url

    typer.echo(check_full_config_url(url, full))


@app.command("verify")
@handled
def verify_command(
    spec: Annotated[Path, typer.Argument(help="The switch spec the hosts were provisioned with.")],
    hosts: Annotated[
        list[str],
        typer.Option(
            "--hosts",
            help="testinfra URL of a host: ssh://core@edge-01, local://, ... (repeat for several).",
        ),
    ],
    sudo: Annotated[bool, typer.Option("--sudo", help="Run the checks with sudo.")] = False,
    ssh_config: SshConfigOption = None,
    ssh_identity_file: SshIdentityOption = None,
    junit: Annotated[
        Path | None, typer.Option("--junit", help="Also write a JUnit XML report here.")
    ] = None,
    format_: Annotated[
        ReportFormat,
        typer.Option("--format", help="text: a line a check; json: one JSON array on stdout."),
    ] = "text",
    root: Annotated[
        str,
        typer.Option(
            "--root",
            help="Compare the files under this folder of the host (a root Ignition was "
            "applied to with --root) instead of /.",
        ),
    ] = "",
) -> None:
    """Check provisioned hosts against SPEC: host name, SSH keys, kernel modules and
    arguments, hugepages, DPDK NICs, files and units as rendered (drift), units, containers,
    bridges, ports and attached interfaces. One line a check: PASS, FAIL with what was
    expected and found, or SKIP when a check it needs did not pass. Exit 0 when all pass, 1
    for bad input, 3 when a check failed, 4 when a host could not be reached."""
    from .api import verify_hosts
    from .verify import json_report, junit_xml, outcome, text_report

    loaded = load(spec)
    check_not_inputs([junit] if junit else [], [spec, *filter(None, [ssh_config])])
    options = _transport(sudo, ssh_config, ssh_identity_file)
    reports = []
    for report in verify_hosts(loaded, hosts, options, root):
        reports.append(report)
        if format_ == "text":
            typer.echo(text_report(report), nl=False)
    if format_ == "json":
        write_stdout(json_report(reports))
    if junit:
        write_output(junit, junit_xml(reports))
    outcome(reports)


def _transport(
    sudo: bool, ssh_config: Path | None, ssh_identity_file: Path | None
) -> dict[str, object]:
    """testinfra's options for the hosts verify and plan --hosts read."""
    from .verify import testinfra_options

    return testinfra_options(
        sudo,
        str(ssh_config) if ssh_config else None,
        str(ssh_identity_file) if ssh_identity_file else None,
    )


@app.command("dpdk-plan")
@handled
def dpdk_plan_command(
    sysfs: Annotated[
        Path,
        typer.Option(
            "--sysfs",
            help="A copy of the host's /sys (or /sys itself on the host): its NUMA nodes, "
            "their CPUs and hugepages, the NICs' nodes.",
        ),
    ],
    spec: Annotated[
        Path | None,
        typer.Argument(help="The switch spec whose dpdk section to check (YAML; - for stdin)."),
    ] = None,
    pci: Annotated[
        list[str] | None,
        typer.Option("--pci", help="A DPDK NIC's PCI address beside SPEC's (repeat for several)."),
    ] = None,
    pmds_per_node: Annotated[
        int,
        typer.Option(
            "--pmds-per-node", min=1, max=64, help="PMD cores to propose on each NIC's node."
        ),
    ] = 1,
) -> None:
    """Check SPEC's dpdk section against a host's NUMA layout, and propose one.

    Prints YAML: a comment line a check (each NIC's node has a PMD core and socket memory,
    hugepages there, PMD cores present and isolated; a FAIL says what to change in the
    spec), then a dpdk section for SPEC's NICs and --pci ones (PMD cores on their nodes,
    socket_mem, lcore_mask, isolcpus, hugepages). Exit 0, 1 for bad input, 3 when a check
    failed (the text is printed still)."""
    from .api import dpdk_plan
    from .errors import ChecksFailed

    loaded = load(spec) if spec is not None else None
    text, passed = dpdk_plan(loaded, sysfs, pci or [], pmds_per_node)
    write_stdout(text)
    if not passed:
        raise ChecksFailed("")


@app.command("plan")
@handled
def plan_command(
    old: Annotated[
        Path,
        typer.Argument(
            help="The spec the hosts run now (YAML); with --hosts, the spec to change them to."
        ),
    ],
    new: Annotated[
        Path | None, typer.Argument(help="The spec to change them to (YAML); not with --hosts.")
    ] = None,
    inventory: Annotated[
        Path | None,
        typer.Option(
            "--inventory", help="Compare each host of this inventory (HOSTS), with its values."
        ),
    ] = None,
    hosts: Annotated[
        list[str] | None,
        typer.Option("--hosts", help="Compare with what this host (a testinfra URL) has now."),
    ] = None,
    sudo: Annotated[bool, typer.Option("--sudo", help="Read the hosts with sudo.")] = False,
    ssh_config: SshConfigOption = None,
    ssh_identity_file: SshIdentityOption = None,
    root: Annotated[
        str,
        typer.Option("--root", help="With --hosts: read the files under this folder of the host."),
    ] = "",
) -> None:
    """Say what changing the hosts from spec OLD to spec NEW would change, and how.

    From the two specs alone (no host is asked), or with --hosts from what each host has
    now (its files, units and links, read as verify reads them) to spec OLD: every file,
    unit, link, user and kernel argument render writes, compared, each difference under how
    it can be applied: live (bridges, a container's interfaces, host files), restart (of the
    containers or units named: an image, a command, volumes, a unit's text), reboot (kernel
    arguments, modules, the DPDK binding) or reprovision (what Ignition sets at the first
    boot only: the OS, users' creation). Prints YAML, a mapping per host; exit 4 when a
    host could not be read."""
    from .api import host_changes, spec_changes
    from .errors import HostUnreachable, PlanInputError

    if hosts:
        if new is not None or inventory is not None:
            raise PlanInputError("ovs-ignite plan: --hosts takes one spec, without --inventory")
        options = _transport(sudo, ssh_config, ssh_identity_file)
        said, answered = host_changes(load(old), str(old), hosts, options, root)
        write_stdout(said)
        if not answered:
            raise HostUnreachable("")
        return
    if new is None:
        raise PlanInputError("ovs-ignite plan: give OLD and NEW, or one spec and --hosts")
    write_stdout(spec_changes(old, new, inventory))


# apply's own options.
ApplyTimeoutOption = Annotated[
    int,
    typer.Option(
        "--timeout",
        min=10,
        max=86400,
        help="Seconds after the reconcile until the host undoes the change by itself "
        "unless it is kept.",
    ),
]
ApplyConfirmOption = Annotated[
    bool,
    typer.Option(
        "--confirm", help="Leave the change pending until apply --commit (within --timeout)."
    ),
]
ApplyCommitOption = Annotated[
    bool, typer.Option("--commit", help="Keep the pending change of the hosts.")
]
ApplyRebootOption = Annotated[
    bool,
    typer.Option(
        "--reboot",
        help="Reboot a host whose kept change needs it (kernel arguments), wait for it "
        "and verify it again.",
    ),
]
ApplyRollbackOption = Annotated[
    bool,
    typer.Option(
        "--rollback", help="Undo the pending change, or else the newest one kept, of the hosts."
    ),
]


@app.command("apply")
@handled
def apply_command(
    spec: Annotated[
        Path | None,
        typer.Argument(
            help="The spec to change the hosts to (YAML); not with --commit or --rollback."
        ),
    ] = None,
    hosts: Annotated[
        list[str] | None,
        typer.Option("--hosts", help="testinfra URL of a host: ssh://core@edge-01, local://, ..."),
    ] = None,
    timeout: ApplyTimeoutOption = 60,
    confirm: ApplyConfirmOption = False,
    commit: ApplyCommitOption = False,
    rollback: ApplyRollbackOption = False,
    reboot: ApplyRebootOption = False,
    sudo: Annotated[bool, typer.Option("--sudo", help="Change the hosts with sudo.")] = False,
    ssh_config: SshConfigOption = None,
    ssh_identity_file: SshIdentityOption = None,
    root: Annotated[
        str,
        typer.Option("--root", help="Change the files under this folder of the host, not /."),
    ] = "",
) -> None:
    """Change running hosts to SPEC without reprovisioning them, with a rollback.

    Reads what each host has (as plan --hosts does), then writes the files, units and links
    render would write (the same bytes) and runs the reconcile: containers and units that
    left the spec stopped, systemd reloaded, ports that left a bridge removed, the bridges'
    transactions run again, containers that came started, those changed restarted (or only
    attached again). The host keeps each change as a generation under
    /var/lib/ovs-ignite/generations/ and arms a timer that undoes it by itself; apply then
    runs verify, and keeps the change (or, with --confirm, leaves it pending for --commit)
    unless a check fails that did not fail before. Kernel arguments are written for the next
    boot (rpm-ostree kargs, Flatcar's GRUB config): --reboot reboots and verifies again.
    What only Ignition sets is refused. YAML per host; exit 0, 1 refused, 3 rolled back
    (or failing after the reboot), 4 a host did not answer."""
    from .api import apply_hosts
    from .errors import ChecksFailed, HostUnreachable

    finish = _apply_step(spec, hosts, commit, rollback)
    _reboot_choice(reboot, finish, confirm, root)
    loaded = load(spec) if spec is not None else None
    options = _transport(sudo, ssh_config, ssh_identity_file)
    said, status = apply_hosts(
        loaded,
        str(spec) if spec is not None else "",
        hosts or [],
        options,
        root,
        timeout=timeout,
        confirm=confirm,
        finish=finish,
        reboot=reboot,
    )
    write_stdout(said)
    if status:
        raise {4: HostUnreachable(""), 3: ChecksFailed("")}.get(
            status, OvsIgniteError("ovs-ignite apply: a host refused the change (see its outcome)")
        )


def _reboot_choice(reboot: bool, finish: str, confirm: bool, root: str) -> None:
    """UsageError for --reboot with --commit, --rollback, --confirm or --root."""
    if not reboot:
        return
    if finish:
        raise UsageError(f"ovs-ignite apply: --reboot with --{finish}", "--reboot")
    if confirm:
        raise UsageError(
            "ovs-ignite apply: --reboot follows a change apply keeps: not with --confirm "
            "(reboot the host after --commit)",
            "--reboot",
        )
    if root:
        raise UsageError("ovs-ignite apply: --reboot with --root: the root is not a running host")


def _apply_step(spec: Path | None, hosts: list[str] | None, commit: bool, rollback: bool) -> str:
    """What apply is asked: "" (a spec), "commit" or "rollback"; UsageError for a choice
    that does not go together."""
    if commit and rollback:
        raise UsageError("ovs-ignite apply: --commit or --rollback, not both")
    if not hosts:
        raise UsageError("ovs-ignite apply: give the hosts (--hosts URL)", "--hosts")
    finish = "commit" if commit else "rollback" if rollback else ""
    if (spec is None) != bool(finish):
        raise UsageError("ovs-ignite apply: give SPEC, or --commit or --rollback without one")
    return finish


def main() -> None:
    """Entry point of the ovs-ignite command."""
    app()
