"""systemctl and systemd-run for what runs on a test's host (apply's host side, verify),
answered by the test's unit runner: no systemd runs on this machine.

Each command is a small client (bin/systemctl, bin/systemd-run) that sends its argv over a
Unix socket to a thread of the test process and ends with the answer's status and output:

- ``systemctl start|stop|restart UNIT`` runs the unit's Exec lines through the runner, as
  systemd would (a stop of a unit that is not active does nothing; of one that does not
  exist, status 5 as systemd's "not loaded");
- ``systemctl is-active UNIT...`` answers from the units the runner has active;
- ``systemctl daemon-reload`` and ``reset-failed`` do nothing (the runner reads a unit's
  files at each start, and keeps no failed state);
- ``systemctl is-system-running`` is ``running`` (the runner has started what the test
  wants);
  ``enable`` and ``disable`` are noted in ``enabled``;
- ``systemd-run --unit=NAME --on-active=... -- COMMAND...`` arms a timer: noted in
  ``armed`` (NAME.timer -> COMMAND), removed by ``systemctl stop NAME.timer``. A test makes
  it fire with ``fire``: the one thing here that stands in for a clock.
"""

from __future__ import annotations

import json
import os
import socketserver
import subprocess
import sys
import threading
from pathlib import Path
from types import TracebackType

from .unitrunner import UnitError, UnitRunner

_CLIENT = """#!{python}
import json, os, socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect({address!r})
s.sendall(json.dumps([os.path.basename(sys.argv[0]), *sys.argv[1:]]).encode())
s.shutdown(socket.SHUT_WR)
data = b"".join(iter(lambda: s.recv(65536), b""))
rc, out, err = json.loads(data)
sys.stdout.write(out)
sys.stderr.write(err)
sys.exit(rc)
"""


class SystemdShim:
    def __init__(self, host: UnitRunner, folder: Path) -> None:
        self.host = host
        self.bin = folder / "bin"
        self.bin.mkdir(parents=True, exist_ok=True)
        self.address = str(folder / "systemd.sock")
        self.armed: dict[str, tuple[list[str], dict[str, str]]] = {}
        self.enabled: dict[str, bool] = {}
        self.calls: list[list[str]] = []
        for name in ("systemctl", "systemd-run"):
            client = self.bin / name
            client.write_text(_CLIENT.format(python=sys.executable, address=self.address))
            client.chmod(0o755)
        shim = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                argv = json.loads(self.rfile.read())
                answer = shim.answer(argv)
                self.wfile.write(json.dumps(answer).encode())

        self.server = socketserver.UnixStreamServer(self.address, Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> SystemdShim:
        self.thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def env(self) -> dict[str, str]:
        """The host's environment with these commands first on PATH."""
        return {**self.host.env, "PATH": f"{self.bin}:{os.environ['PATH']}"}

    def answer(self, argv: list[str]) -> tuple[int, str, str]:
        self.calls.append(argv)
        try:
            if argv[0] == "systemd-run":
                return self._arm(argv[1:])
            return self._systemctl([a for a in argv[1:] if a not in ("--", "--quiet")])
        except UnitError as exc:
            return 1, "", f"{exc}\n"

    def _arm(self, args: list[str]) -> tuple[int, str, str]:
        at = args.index("--")
        unit = next(a.removeprefix("--unit=") for a in args[:at] if a.startswith("--unit="))
        env = dict(
            a.removeprefix("--setenv=").split("=", 1)
            for a in args[:at]
            if a.startswith("--setenv=")
        )
        self.armed[f"{unit}.timer"] = (args[at + 1 :], env)
        return 0, "", ""

    def _systemctl(self, args: list[str]) -> tuple[int, str, str]:
        verb, units = args[0], args[1:]
        if verb == "is-active":
            said = ["active" if u in self.host.active else "inactive" for u in units]
            rc = 0 if all(s == "active" for s in said) else 3
            return rc, "".join(f"{s}\n" for s in said), ""
        if verb == "is-system-running":  # (the runner has started what the test wants)
            return 0, "running\n", ""
        if verb in ("daemon-reload", "reset-failed"):  # (the runner keeps no failed state)
            return 0, "", ""
        for unit in units:
            if verb in ("enable", "disable"):
                self.enabled[unit] = verb == "enable"
            elif unit in self.armed and verb == "stop":
                del self.armed[unit]
            elif verb == "stop" and unit in self.host.active:
                self.host.stop(unit)
            elif verb == "stop" and not self._exists(unit):
                return 5, "", f"Failed to stop {unit}: Unit {unit} not loaded.\n"
            elif verb == "start" or (verb == "restart" and unit not in self.host.active):
                self.host.start(unit)
            elif verb == "restart":
                self.host.restart(unit)
            elif verb != "stop":
                return 1, "", f"the shim has no systemctl {verb}\n"
        return 0, "", ""

    def _exists(self, unit: str) -> bool:
        return self.host._exists(unit)

    def fire(self) -> subprocess.CompletedProcess[str]:
        """The armed timer's command, run as the timer would (then no longer armed)."""
        ((timer, (command, env)),) = self.armed.items()
        del self.armed[timer]
        return subprocess.run(
            self.host.netns_argv(command),
            env={**self.env, **env},
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
