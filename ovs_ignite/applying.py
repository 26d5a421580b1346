"""``ovs-ignite apply``: change a running host to a spec without reprovisioning it.

For each host: read what it has (hoststate), refuse what only Ignition can do (users, the
OS: a reprovision), check the spec's expectations as the host is (and, when the change
needs a reboot, every check: what only the reboot settles, kernel arguments, hugepages,
fails before and after), send the change (reconcile.bundle) with the host side's apply
script, which keeps it as a new generation, arms its rollback (a transient systemd timer)
before it touches anything, writes the files and runs the reconcile; then run verify. A
check that fails (but one that failed before the change too, as said) rolls the generation
back; else it is kept, or, with confirm, left pending until ``apply --commit`` (the timer
undoes it when no one does). A host that stops answering is undone by its own timer. A
kept change that needs a reboot (the kernel arguments the host side wrote for the next
boot) says so; with reboot, apply reboots the host, waits until it answers with a new boot
ID and runs verify again.
"""

from __future__ import annotations

import base64
import contextlib
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from . import names
from .changes import Change, plan_changes
from .checking import Check, CheckedHost
from .errors import HostUnreachable
from .hostchecks import expect_name
from .plan import build_plan
from .records import Spec
from .resources import resource_dir

APPLY_SCRIPT = "ovs-ignite-apply"
# base64 characters sent a command: over SSH a command line is one argument of the remote
# shell, which Linux bounds at 128 KiB.
CHUNK = 96 * 1024
_STAGING = r"""d=${OVS_IGNITE_STATE_DIR:-/run/ovs-ignite}/apply-$1
umask 077; mkdir -p -- "$d" && printf '%s\n' "$d"
"""
_APPEND = r"""umask 077; printf '%s' "$3" >>"$1/$2.b64" """
_DECODE = r"""base64 -d <"$1/$2.b64" >"$1/$2" && rm -f -- "$1/$2.b64" """
_RUN = r"""d=$1; shift; r=$1; shift
OVS_IGNITE_ROOT=$r exec bash "$d/ovs-ignite-apply" "$@" """
_CLEAN = r"""case $1 in */apply-*) rm -rf -- "$1";; esac"""
BOOT_ID = "/proc/sys/kernel/random/boot_id"
# How long apply --reboot waits for a host to answer again (a server's firmware alone can
# take minutes).
REBOOT_WAIT = 900


@dataclass
class Applied:
    """What apply did on a host."""

    url: str
    changes: list[Change] = field(default_factory=list)
    generation: int | None = None
    outcome: str = ""  # kept, pending, rolled back, no change, refused, ...
    failed: list[Check] = field(default_factory=list)  # the checks that undid it
    later: list[str] = field(default_factory=list)  # units changed, restarted by no one
    still_failing: list[str] = field(default_factory=list)  # failed before the change too
    status: int = 0  # 0, 1 refused, 3 rolled back, 4 unreachable


def refused(changes: list[Change]) -> list[Change]:
    """The changes apply does not make: what only Ignition sets (reprovision)."""
    return [c for c in changes if c.how == "reprovision"]


class HostSide:
    """The apply script on one host, over a checked host's transport."""

    def __init__(self, host: CheckedHost) -> None:
        self.host = host
        self.staging = ""

    def _run(self, *argv: str) -> tuple[int, str, str]:
        answer = self.host.run(*argv)
        return answer.rc, answer.stdout, answer.stderr

    def send(self, files: dict[str, bytes]) -> None:
        """Put files in a staging folder of the host's (under its state folder)."""
        rc, out, err = self._run("sh", "-c", _STAGING, "sh", secrets.token_hex(8))
        staging = out.strip()
        if rc != 0 or not re.fullmatch(r"/[A-Za-z0-9/_.-]+/apply-[0-9a-f]{16}", staging):
            raise HostUnreachable(f"could not make a staging folder: {err.strip() or out!r}")
        self.staging = staging
        for name, data in files.items():
            text = base64.b64encode(data).decode()
            for at in range(0, len(text), CHUNK) or [0]:
                self._must("sh", "-c", _APPEND, "sh", staging, name, text[at : at + CHUNK])
            self._must("sh", "-c", _DECODE, "sh", staging, name)

    def _must(self, *argv: str) -> str:
        rc, out, err = self._run(*argv)
        if rc != 0:
            raise HostUnreachable(f"{argv[-1][:40]!r}: {err.strip() or 'failed'}")
        return out

    def apply(self, *args: str) -> tuple[int, str, str]:
        """The apply script with args (sent first: see send)."""
        return self._run("sh", "-c", _RUN, "sh", self.staging, self.host.root, *args)

    def clean(self) -> None:
        """Remove the staging folder, if the host answers (best effort: it is under /run)."""
        if self.staging:
            with contextlib.suppress(HostUnreachable):
                self._run("sh", "-c", _CLEAN, "sh", self.staging)


def script_bytes() -> bytes:
    return (resource_dir("units") / APPLY_SCRIPT).read_bytes()


def apply_host(
    spec: Spec,
    name: str,
    host: CheckedHost,
    url: str,
    timeout: int,
    confirm: bool,
    reboot: bool = False,
) -> Applied:
    """apply SPEC on one host that answers (see the module's text)."""
    from .hoststate import comparable, read_state
    from .reconcile import actions, bundle, deferred, digest

    done = Applied(url)
    new = build_plan(spec, name)
    mine = {c.name for c in spec.containers}
    state = read_state(host, new, mine)
    old_cmp, new_cmp = comparable(state.plan), comparable(new)
    done.changes = plan_changes(old_cmp, new_cmp, mine | state.containers)
    if refused(done.changes):
        done.outcome, done.status = "refused: a change needs reprovisioning", 1
        return done
    if not done.changes:
        done.outcome = "no change"
        return done
    boot = [c.what for c in done.changes if c.how == "reboot"]
    failed_before = _failing(spec, host, every=bool(boot)) if spec.expect or boot else set()
    forward = actions(old_cmp, new_cmp)
    data = bundle(state.plan, new, forward, actions(new_cmp, old_cmp), names.SCRIPT[spec.target.os])
    done.later = deferred(old_cmp, new_cmp, forward)
    side = HostSide(host)
    try:
        side.send({APPLY_SCRIPT: script_bytes(), "bundle.tgz": data})
        done.outcome = "begun"
        rc, out, err = side.apply("begin", f"{side.staging}/bundle.tgz", digest(data), str(timeout))
        done.generation = _generation(out)
        if rc != 0:
            return _undo(side, done, f"the reconcile failed: {_last(err)}")
        _verified(spec, host, done, failed_before)
        if done.failed:
            return _undo(side, done, "verify failed")
        _keep(side, done, timeout, confirm)
    except HostUnreachable as exc:
        done.status = 4
        which = f"generation {done.generation}" if done.generation else "what apply began"
        undone = f"its timer undoes {which} (--timeout)" if done.outcome else "nothing changed"
        done.outcome = f"stopped answering: {exc}; {undone}"
    finally:
        side.clean()
    if boot and done.status == 0:
        done.outcome += f"; reboot needed for the {', '.join(boot)}"
        if reboot and not confirm:
            reboot_and_verify(spec, host, done)
    return done


def _keep(side: HostSide, done: Applied, timeout: int, confirm: bool) -> None:
    """Keep done's generation, or with confirm leave it pending for apply --commit."""
    if confirm:
        done.outcome = f"pending: confirm with apply --commit within {timeout} s"
        return
    rc, _, err = side.apply("commit", str(done.generation))
    # (not pending any more: its timer fired first, verify took longer than it)
    done.outcome = "kept" if rc == 0 else f"not kept: {_last(err)}"
    done.status = 0 if rc == 0 else 3


def _generation(out: str) -> int | None:
    """The number on the first line of what the host side said (None: none there)."""
    first = out.split("\n", 1)[0].strip()
    return int(first) if re.fullmatch(r"[0-9]{1,9}", first) else None


def _last(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1][:300] if lines else "(no message)"


def _undo(side: HostSide, done: Applied, why: str) -> Applied:
    """Roll done's generation back now (its timer would, later)."""
    if done.generation is None:  # (the host refused it before it made a generation)
        done.outcome, done.status = f"not applied: {why}", 1
        return done
    done.status = 3
    rc, out, err = side.apply("rollback", str(done.generation))
    if out.split() == [str(done.generation), "rolled-back"]:
        # (its timer came first: the host stopped answering, or the checks took longer than
        # --timeout, and they saw the host as it was)
        done.failed = []
        done.outcome = "rolled back by its timer before the checks ended (--timeout)"
        return done
    said = "rolled back" if rc == 0 else f"rollback failed ({_last(err)}); its timer tries again"
    errors = [line for line in err.splitlines() if "error:" in line]
    if rc == 0 and errors:  # (the files are back; a unit of the reconcile failed)
        said += f" (but {_last(errors[0])})"
    done.outcome = f"{said}: {why}"
    return done


def _checks(spec: Spec, host: CheckedHost) -> list[Check]:
    from .verify import check_host

    return check_host(spec, host.host, host.root, batched=True)


def _failing(spec: Spec, host: CheckedHost, every: bool) -> set[str]:
    """The names of spec's checks that do not pass on the host as it is: its expectations',
    or with every, all of them."""
    wanted = {expect_name(e) for e in spec.expect}
    checks = _checks(spec, host)
    return {c.name for c in checks if c.status != "pass" and (every or c.name in wanted)}


def _verified(spec: Spec, host: CheckedHost, done: Applied, failed_before: set[str]) -> None:
    """Verify after the change: done.failed the checks that fail now but failed not before
    (an expectation, or any check of a change that waits for a reboot), done.still_failing
    the names of those that failed before as well."""
    failing = [c for c in _checks(spec, host) if c.status == "fail"]
    done.failed = [c for c in failing if c.name not in failed_before]
    done.still_failing = [c.name for c in failing if c.name in failed_before]


def reboot_and_verify(
    spec: Spec,
    host: CheckedHost,
    done: Applied,
    wait: int = REBOOT_WAIT,
    pause: Callable[[float], None] = time.sleep,
) -> None:
    """Reboot the host (a change of done kept, which needs it), wait until it answers with
    another boot ID, and verify it: every check counts now. No rollback: the change is
    kept, and a rollback would need another reboot."""
    try:
        was = host.run("cat", BOOT_ID).stdout.strip()
    except HostUnreachable as exc:
        done.outcome, done.status = f"kept; not rebooted: stopped answering: {exc}", 4
        return
    with contextlib.suppress(HostUnreachable):  # (the session may die with the host)
        host.run("systemctl", "reboot")
    deadline = time.monotonic() + wait
    while True:
        with contextlib.suppress(HostUnreachable):
            now = host.run("cat", BOOT_ID).stdout.strip()
            if now and now != was:
                break
        if time.monotonic() >= deadline:
            done.outcome = f"kept; rebooted, and no answer within {wait} s"
            done.status = 4
            return
        pause(2.0)
    try:
        done.failed = [c for c in _checks(spec, host) if c.status == "fail"]
    except HostUnreachable as exc:
        done.outcome, done.status = f"kept; rebooted, then stopped answering: {exc}", 4
        return
    done.still_failing = []
    done.outcome = "kept; rebooted"
    if done.failed:
        done.outcome += ": checks fail after the reboot (apply --rollback undoes the change)"
        done.status = 3


def finish(host: CheckedHost, url: str, verb: str) -> Applied:
    """apply --commit (verb commit) or --rollback (rollback) on one host."""
    side = HostSide(host)
    done = Applied(url)
    try:
        side.send({APPLY_SCRIPT: script_bytes()})
        rc, out, err = side.apply("status")
        pending = _generation(out.removeprefix("pending ")) if out.startswith("pending ") else None
        if verb == "commit":
            if rc != 0 or pending is None:
                done.outcome, done.status = "nothing pending to commit", 1
                return done
            rc, out, err = side.apply("commit", str(pending))
            done.generation, done.outcome = pending, "kept"
        else:
            rc, out, err = side.apply("rollback")
            done.generation, done.outcome = _generation(out), "rolled back"
        if rc != 0:
            done.outcome, done.status = f"failed: {_last(err)}", 1
    except HostUnreachable as exc:
        done.outcome, done.status = f"stopped answering: {exc}", 4
    finally:
        side.clean()
    return done


def report(results: list[Applied]) -> str:
    """Each host's changes (as plan says them), generation and outcome, as YAML; then the
    checks that failed."""
    import json

    from .changes import report as changes_report

    lines: list[str] = []
    for done in results:
        plan = changes_report({done.url: done.changes}).splitlines()
        lines.append(plan[0].removesuffix(" {}  # no change"))
        lines += plan[1:]
        if done.generation is not None:
            lines.append(f"  generation: {done.generation}")
        lines.append(f"  outcome: {json.dumps(done.outcome)}")
        if done.later and done.status == 0:
            lines.append("  at_next_restart:  # written, not restarted by apply")
            lines += [f"    - {json.dumps(name)}" for name in done.later]
        if done.still_failing and done.status == 0:
            lines.append("  still_failing:  # failed before the change too: not held against it")
            lines += [f"    - {json.dumps(name)}" for name in done.still_failing]
        if done.failed:
            lines.append("  failed:")
        for check in done.failed:
            said = f"{check.name}: expected {check.expected}, found {check.found}"
            lines.append(f"    - {json.dumps(said)}")
    return "".join(f"{line}\n" for line in lines)
