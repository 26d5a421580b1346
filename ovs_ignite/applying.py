"""``ovs-ignite apply``: change a running host to a spec without reprovisioning it.

For each host: read what it has (hoststate), refuse what apply cannot do live (kernel
arguments, users, the OS: a reboot or a reprovision), check the spec's expectations as the
host is, send the change (reconcile.bundle) with the host side's apply script, which keeps
it as a new generation, arms its rollback (a transient systemd timer) before it touches
anything, writes the files and runs the reconcile; then run verify. A check that fails
(but an expectation that failed before the change too) rolls the generation back; else it is
kept, or, with confirm, left pending until ``apply --commit`` (the timer undoes it when no
one does). A host that stops answering is undone by its own timer.
"""

from __future__ import annotations

import base64
import contextlib
import re
import secrets
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


@dataclass
class Applied:
    """What apply did on a host."""

    url: str
    changes: list[Change] = field(default_factory=list)
    generation: int | None = None
    outcome: str = ""  # kept, pending, rolled back, no change, refused, ...
    failed: list[Check] = field(default_factory=list)  # the checks that undid it
    later: list[str] = field(default_factory=list)  # units changed, restarted by no one
    status: int = 0  # 0, 1 refused, 3 rolled back, 4 unreachable


def refused(changes: list[Change]) -> list[Change]:
    """The changes apply does not make: kernel arguments (a reboot), and what only Ignition
    sets (reprovision)."""
    return [c for c in changes if c.how == "reprovision" or c.what == "kernel arguments"]


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
    spec: Spec, name: str, host: CheckedHost, url: str, timeout: int, confirm: bool
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
        done.outcome, done.status = "refused: a change needs a reboot or reprovisioning", 1
        return done
    if not done.changes:
        done.outcome = "no change"
        return done
    failed_before = _failed_expectations(spec, host) if spec.expect else set()
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
        done.failed = _regressions(spec, host, failed_before)
        if done.failed:
            return _undo(side, done, "verify failed")
        if confirm:
            done.outcome = f"pending: confirm with apply --commit within {timeout} s"
        else:
            rc, _, err = side.apply("commit", str(done.generation))
            # (not pending any more: its timer fired first, verify took longer than it)
            done.outcome = "kept" if rc == 0 else f"not kept: {_last(err)}"
            done.status = 0 if rc == 0 else 3
    except HostUnreachable as exc:
        done.status = 4
        which = f"generation {done.generation}" if done.generation else "what apply began"
        undone = f"its timer undoes {which} (--timeout)" if done.outcome else "nothing changed"
        done.outcome = f"stopped answering: {exc}; {undone}"
    finally:
        side.clean()
    return done


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
    rc, _, err = side.apply("rollback", str(done.generation))
    said = "rolled back" if rc == 0 else f"rollback failed ({_last(err)}); its timer tries again"
    errors = [line for line in err.splitlines() if "error:" in line]
    if rc == 0 and errors:  # (the files are back; a unit of the reconcile failed)
        said += f" (but {_last(errors[0])})"
    done.outcome = f"{said}: {why}"
    return done


def _checks(spec: Spec, host: CheckedHost) -> list[Check]:
    from .verify import check_host

    return check_host(spec, host.host, host.root, batched=True)


def _failed_expectations(spec: Spec, host: CheckedHost) -> set[str]:
    """The names of spec's expectations that fail on the host as it is."""
    wanted = {expect_name(e) for e in spec.expect}
    return {c.name for c in _checks(spec, host) if c.name in wanted and c.status != "pass"}


def _regressions(spec: Spec, host: CheckedHost, failed_before: set[str]) -> list[Check]:
    """The checks of spec that fail now, but expectations that failed before the change."""
    return [c for c in _checks(spec, host) if c.status == "fail" and c.name not in failed_before]


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
        if done.failed:
            lines.append("  failed:")
        for check in done.failed:
            said = f"{check.name}: expected {check.expected}, found {check.found}"
            lines.append(f"    - {json.dumps(said)}")
    return "".join(f"{line}\n" for line in lines)
