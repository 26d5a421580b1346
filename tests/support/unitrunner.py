"""Run the units real Ignition wrote as systemd would: their Exec lines, in order, for real.

No systemd runs on this machine, so this module does the part of its job the runtime tests
need: it reads a unit (a template instance too) and its drop-ins from the applied root,
expands specifiers (%i, %n, %N, %%) and ``$$``/``${VAR}`` as systemd does, splits command lines
with systemd's quoting, and runs ExecStartPre, ExecStart, ExecStartPost and ExecStop with
the ``-`` prefix honoured. ``Type=notify`` waits for ``READY=1`` on a real NOTIFY_SOCKET
(podman's ``--sdnotify=conmon`` sends it); ``Type=oneshot`` waits for the command to exit.
Every command runs inside the test's own network namespace.

What differs from a host, and why:
- The host script and config live in the applied root, not at /: an Exec word that is a
  path to a file that exists only in the root is taken from there, and
  OVS_IGNITE_CONFIG_DIR / OVS_IGNITE_DB_DIR point the script at the root's /etc/ovs-ignite
  and a scratch database folder.
- Volume host paths /var/lib/openvswitch and /run/openvswitch (and folders in it), and
  /run/ovs-ignite (the PID and ID files of the containers), become scratch folders; so do
  a unit's ``RuntimeDirectory=`` folders there, made before its start and removed after
  its stop, as systemd does.
- ``--log-driver=journald`` becomes ``k8s-file`` (podman) or ``json-file`` (docker): no
  journald runs here. With docker, the engine is a dockerd of the test's own
  (tests/support/dockerd.py).
Dependencies, as far as the tests need them: starting a unit starts the units it ``Wants=``
or ``Requires=`` too, as systemd puts them in the same transaction: those it is ordered
``After=`` first, the others once it is active (a wanted unit that does not exist is
skipped, as systemd skips it); stopping a unit first stops the active units that are
``BindsTo=`` or ``PartOf=`` it, or that it ``PropagatesStopTo=``; restarting it restarts
those that are ``PartOf=`` it; a failed ``ExecStop=`` or ``ExecStopPost=`` leaves the unit
stopped and in ``failed``, as systemd does;
``Type=notify`` tracks ``MAINPID=`` as systemd does, and ``on_main_exit`` does what
``Restart=always`` does when that process ends. Units are otherwise started by the caller
in unit order.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .images import Engine

EXEC_KEYS = ("ExecStartPre", "ExecStart", "ExecStartPost", "ExecStop", "ExecStopPost")


@dataclass
class Unit:
    name: str
    type: str = "simple"
    commands: dict[str, list[str]] = field(default_factory=dict)
    settings: dict[str, list[str]] = field(default_factory=dict)


def _logical_lines(text: str) -> list[str]:
    lines: list[str] = []
    pending = ""
    for raw in text.splitlines():
        if not pending and raw.lstrip().startswith(("#", ";")):
            continue
        if raw.endswith("\\"):
            pending += raw[:-1] + " "
            continue
        lines.append(pending + raw)
        pending = ""
    return lines


def load_unit(root: Path, name: str) -> Unit:
    """Unit name with its drop-ins, as systemd would load it from root/etc/systemd/system."""
    folder = root / "etc/systemd/system"
    path = folder / name
    if not path.exists() and "@" in name:
        path = folder / (name.split("@")[0] + "@.service")
    texts = [path.read_text()] if path.exists() else []
    dropins = folder / f"{name}.d"
    if dropins.is_dir():
        texts += [p.read_text() for p in sorted(dropins.glob("*.conf"))]
    if not texts:
        raise FileNotFoundError(name)
    unit = Unit(name)
    for text in texts:
        for line in _logical_lines(text):
            key, sep, value = line.partition("=")
            if not sep or line.startswith("["):
                continue
            key, value = key.strip(), value.strip()
            if key in EXEC_KEYS and not value:  # (an empty one resets the list, as in systemd)
                unit.commands[key] = []
            elif key in EXEC_KEYS:
                unit.commands.setdefault(key, []).append(value)
            elif key == "Type":
                unit.type = value
            else:
                value = re.sub("%(.)", lambda m: _specifiers(name)[m[1]], value)
                unit.settings.setdefault(key, []).append(value)
    return unit


def _specifiers(unit_name: str) -> dict[str, str]:
    """systemd's specifiers the units use: %i (instance), %n (name), %N (name without
    the suffix), %% (a percent sign)."""
    instance = unit_name.split("@", 1)[1].removesuffix(".service") if "@" in unit_name else ""
    return {"%": "%", "i": instance, "n": unit_name, "N": unit_name.removesuffix(".service")}


def split_command(line: str, unit_name: str, env: dict[str, str]) -> tuple[bool, list[str]]:
    """(ignore_failure, argv) of an Exec line: systemd's specifiers, $ expansion and quoting."""
    prefix_ignore = False
    while line and line[0] in "-@+!:":
        prefix_ignore |= line[0] == "-"
        line = line[1:]
    specifiers = _specifiers(unit_name)
    words: list[str] = []
    word: list[str] | None = None
    quote = ""
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "%" and i + 1 < len(line):
            word = (word or []) + [specifiers[line[i + 1]]]
            i += 2
            continue
        if ch == "$" and line[i + 1 : i + 2] == "$":
            word = (word or []) + ["$"]
            i += 2
            continue
        if ch == "$" and line[i + 1 : i + 2] == "{":
            end = line.index("}", i)
            word = (word or []) + [env.get(line[i + 2 : end], "")]
            i = end + 1
            continue
        if quote:
            if ch == "\\" and i + 1 < len(line):
                word = (word or []) + [line[i + 1]]
                i += 2
                continue
            if ch == quote:
                quote = ""
            else:
                word = (word or []) + [ch]
        elif ch in "\"'":
            quote = ch
            word = word or []
        elif ch.isspace():
            if word is not None:
                words.append("".join(word))
                word = None
        else:
            word = (word or []) + [ch]
        i += 1
    if word is not None:
        words.append("".join(word))
    return prefix_ignore, words


class UnitError(AssertionError):
    pass


def _words(values: list[str]) -> list[str]:
    return [word for value in values for word in value.split()]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().split(") ", 1)[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


@dataclass
class UnitRunner:
    """A host of the test: an applied root, a network namespace, scratch OVS folders."""

    root: Path
    netns: str
    work: Path
    containers_conf: Path
    engine: Engine
    # a sysfs mounted in the namespace (the script reads the host ends of veths there, as
    # a host's /sys shows its own namespace)
    sysfs: Path | None = None
    active: dict[str, Unit] = field(default_factory=dict)
    main_pid: dict[str, int] = field(default_factory=dict)
    clients: list[subprocess.Popen[bytes]] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    # what each unit's commands wrote on stderr (its journal, as far as the tests read it)
    stderr: dict[str, str] = field(default_factory=dict)
    # set by a test for what follows, e.g. OVS_IGNITE_HOOK (the host script's fault hook)
    extra_env: dict[str, str] = field(default_factory=dict)
    _starting: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.db_dir = self.work / "db"
        self.run_dir = self.work / "run"
        self.state_dir = self.work / "state"
        for folder in (self.db_dir, self.run_dir, self.state_dir):
            folder.mkdir(parents=True, exist_ok=True)

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "CONTAINERS_CONF": str(self.containers_conf),
            **dict(self.engine.env),
            "OVS_IGNITE_CONFIG_DIR": str(self.root / "etc/ovs-ignite"),
            "OVS_IGNITE_DB_DIR": str(self.db_dir),
            "OVS_IGNITE_RUN_DIR": str(self.run_dir),
            "OVS_IGNITE_STATE_DIR": str(self.state_dir),
            "OVS_IGNITE_TIMEOUT": "60",
            "OVS_RUNDIR": str(self.run_dir),
            **({"OVS_IGNITE_SYSFS": str(self.sysfs)} if self.sysfs else {}),
            **self.extra_env,
        }

    def _rewrite(self, argv: list[str]) -> list[str]:
        out = []
        for arg in argv:
            # (the host script, as the command or, with docker, in run-container's command)
            if arg.startswith("/") and not Path(arg).exists() and (self.root / arg[1:]).is_file():
                arg = str(self.root / arg.lstrip("/"))
            # (an OVS instance's folders, /var/lib/openvswitch-N and /run/openvswitch-N, too)
            arg = re.sub(
                r"^--volume=/var/lib/openvswitch(-[a-z0-9]+)?:", rf"--volume={self.db_dir}\1:", arg
            )
            arg = re.sub(
                r"^--volume=/run/openvswitch(-[a-z0-9]+)?(/[^:]*)?:",
                rf"--volume={self.run_dir}\1\2:",
                arg,
            )
            # (a volume of a file the config wrote: the SSL table's, from the root)
            volume = re.match(r"^--volume=(/[^:]+):(.*)$", arg)
            if volume and not Path(volume[1]).exists() and (self.root / volume[1][1:]).exists():
                arg = f"--volume={self.root / volume[1][1:]}:{volume[2]}"
            # (no journald here: podman's file log, docker's JSON file log)
            driver = "json-file" if self.engine.name == "docker" else "k8s-file"
            arg = arg.replace("--log-driver=journald", f"--log-driver={driver}")
            arg = arg.replace("/run/ovs-ignite/", f"{self.state_dir}/")
            out.append(arg)
        return out

    def netns_argv(self, argv: list[str]) -> list[str]:
        return ["nsenter", f"--net=/run/netns/{self.netns}", "--", *argv]

    def run(self, *argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """Run argv in the host's network namespace, with the host's environment."""
        return subprocess.run(
            self.netns_argv(list(argv)),
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )

    def sh(self, *argv: str, check: bool = True, timeout: float = 120) -> str:
        """Run argv in the host's network namespace; its stdout."""
        result = self.run(*argv, timeout=timeout)
        if check and result.returncode != 0:
            raise UnitError(f"{argv} failed ({result.returncode}):\n{result.stderr}")
        return result.stdout

    def _exec(self, unit: Unit, key: str, env: dict[str, str]) -> None:
        """Run unit's key lines; a failure raises, or, for a stop, marks the unit failed."""
        for line in unit.commands.get(key, []):
            ignore, argv = split_command(line, unit.name, env)
            argv = self._rewrite(argv)
            self.log.append(f"{unit.name} {key}: {' '.join(argv)}")
            result = subprocess.run(
                self.netns_argv(argv),
                env=env,
                capture_output=True,
                text=True,
                check=False,
                timeout=300,
            )
            self.stderr[unit.name] = self.stderr.get(unit.name, "") + result.stderr
            if result.returncode != 0 and not ignore:
                message = (
                    f"{unit.name}: {key} {argv} failed ({result.returncode}):\n"
                    f"{result.stdout}\n{result.stderr}"
                )
                if key in ("ExecStop", "ExecStopPost"):
                    self.failed[unit.name] = message
                    continue
                raise UnitError(message)

    def start(self, name: str, wants: bool = True) -> None:
        """Start unit name as systemd would, with (wants) the units it wants or requires:
        those it comes after first, the others after it."""
        if name in self.active or name in self._starting:
            return
        self.failed.pop(name, None)
        unit = load_unit(self.root, name)
        pulled = _words(
            unit.settings.get("Wants", [])
            + unit.settings.get("Requires", [])
            + unit.settings.get("BindsTo", [])  # (which pulls its unit in, as Requires= does)
        )
        after = set(_words(unit.settings.get("After", [])))
        self._starting.add(name)
        try:
            for wanted in pulled if wants else []:
                if wanted in after and self._exists(wanted):
                    self.start(wanted)
            self._start_one(name, unit)
        finally:
            self._starting.discard(name)
        for wanted in pulled if wants else []:
            if wanted not in after and self._exists(wanted):
                self.start(wanted)

    def _exists(self, name: str) -> bool:
        try:
            load_unit(self.root, name)
        except FileNotFoundError:
            return False
        return True

    def runtime_directories(self, unit: Unit) -> list[Path]:
        """The scratch folders of unit's RuntimeDirectory= (under /run on a host)."""
        folders = []
        for folder in _words(unit.settings.get("RuntimeDirectory", [])):
            first, _, rest = folder.partition("/")
            scratch = {"openvswitch": self.run_dir, "ovs-ignite": self.state_dir}.get(first)
            if scratch is None:
                raise UnitError(f"{unit.name}: no scratch folder stands in for /run/{folder}")
            folders.append(scratch / rest)
        return folders

    def _start_one(self, name: str, unit: Unit) -> None:
        env = {**self.env, "INVOCATION_ID": uuid.uuid4().hex}
        if name.endswith(".target"):  # (nothing to run: active once its turn comes)
            self.active[name] = unit
            return
        for folder in self.runtime_directories(unit):
            folder.mkdir(parents=True, exist_ok=True)
        self._exec(unit, "ExecStartPre", env)
        if unit.type == "oneshot":
            self._exec(unit, "ExecStart", env)
        else:
            (line,) = unit.commands["ExecStart"]
            _, argv = split_command(line, name, env)
            argv = self._rewrite(argv)
            self.log.append(f"{name} ExecStart: {' '.join(argv)}")
            if unit.type == "notify":
                self.main_pid[name] = self._start_notify(name, argv, env)
            else:
                with (self.work / f"{name}.log").open("ab") as logfile:
                    client = subprocess.Popen(
                        self.netns_argv(argv), env=env, stdout=logfile, stderr=logfile
                    )
                self.clients.append(client)
                self.main_pid[name] = client.pid
        self._exec(unit, "ExecStartPost", env)
        self.active[name] = unit

    def _start_notify(self, name: str, argv: list[str], env: dict[str, str]) -> int:
        """Run a Type=notify ExecStart; the main PID once READY=1 came (MAINPID= if sent)."""
        sock_dir = Path(tempfile.mkdtemp(prefix="notify-", dir=self.work))
        address = str(sock_dir / "notify.sock")
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as notify:
            notify.bind(address)
            notify.settimeout(0.2)
            with (self.work / f"{name}.log").open("ab") as logfile:
                client = subprocess.Popen(
                    self.netns_argv(argv),
                    env={**env, "NOTIFY_SOCKET": address},
                    stdout=logfile,
                    stderr=logfile,
                )
            self.clients.append(client)
            main_pid = client.pid
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                try:
                    message = notify.recv(4096).decode()
                except TimeoutError:
                    message = ""
                found = re.search(r"^MAINPID=(\d+)$", message, re.M)
                if found:
                    main_pid = int(found[1])
                if re.search(r"^READY=1$", message, re.M):
                    return main_pid
                if client.poll() not in (None, 0):
                    raise UnitError(
                        f"{name} failed ({client.returncode}) before READY=1; see "
                        f"{self.work / (name + '.log')}"
                    )
            raise UnitError(f"{name} sent no READY=1")

    def bound_to(self, name: str, restart: bool = False) -> list[str]:
        """Active units with BindsTo=name or PartOf=name, and those name PropagatesStopTo=:
        a stop of name stops them. A restart propagates through the first two only, as
        systemd before 253 does (Debian 12's 252, the test box's)."""
        unit = self.active.get(name)
        propagated = _words(unit.settings.get("PropagatesStopTo", [])) if unit else []
        propagated = [] if restart else propagated
        return [
            n
            for n, u in self.active.items()
            if name in _words(u.settings.get("BindsTo", []) + u.settings.get("PartOf", []))
            or n in propagated
        ]

    def stop(self, name: str, restart: bool = False) -> None:
        """Stop unit name as systemd would (for a restart of it, with restart): units bound
        to it first, then its Exec lines."""
        for dependent in self.bound_to(name, restart):
            self.stop(dependent)
        unit = self.active.pop(name, None) or load_unit(self.root, name)
        env = {**self.env, "INVOCATION_ID": ""}
        self._exec(unit, "ExecStop", env)
        pid = self.main_pid.pop(name, None)
        if pid is not None and _pid_alive(pid):  # (systemd's KillSignal= after ExecStop=)
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 60
        while pid is not None and _pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if pid is not None and _pid_alive(pid):
            os.kill(pid, signal.SIGKILL)
        self._exec(unit, "ExecStopPost", env)
        for folder in self.runtime_directories(unit):
            shutil.rmtree(folder, ignore_errors=True)

    def restart(self, name: str) -> None:
        """Restart name and, as PartOf= asks, the active units that are part of it."""
        parts = [n for n, u in self.active.items() if name in _words(u.settings.get("PartOf", []))]
        for part in parts:
            self.stop(part)
        self.stop(name, restart=True)
        self.start(name)
        for part in parts:
            self.start(part)

    def wait_main_exit(self, name: str, timeout: float = 60) -> bool:
        """Wait until the main process of unit name ends, as systemd notices it."""
        pid = self.main_pid[name]
        deadline = time.monotonic() + timeout
        while _pid_alive(pid):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True

    def on_main_exit(self, name: str) -> None:
        """What Restart=always does once the main process of name ended: stop, start again."""
        assert "always" in load_unit(self.root, name).settings.get("Restart", [])
        self.restart(name)

    def close(self) -> None:
        for client in self.clients:
            if client.poll() is None:
                client.kill()
            client.wait()
