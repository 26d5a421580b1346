"""A real image registry on the loopback for the tests (Debian's docker-registry, the
distribution project's server), and a token service for its bearer-token flow.

``registry(work)`` serves plain HTTP on 127.0.0.1:PORT. With ``tokens``, it asks every
client for a bearer token (the registry's ``silly`` access controller: a 401 with a
``Bearer realm=...`` challenge, and any token is then let in), and ``TokenService`` is that
realm: it hands out a token, or refuses with 401 when told to.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import requests

from .images import podman
from .loopback import serving
from .realparts import need


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class TokenService:
    """A bearer-token realm on the loopback: what a registry's auth server does, minus the
    signatures (the silly access controller checks none)."""

    refuse: bool = False
    asked: list[str] = field(default_factory=list)  # the query of every token request
    url: str = ""

    @contextmanager
    def serving(self) -> Iterator[TokenService]:
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                service.asked.append(self.path)
                if service.refuse:
                    self.send_response(401)
                    self.end_headers()
                    return
                body = json.dumps({"token": "test-token", "expires_in": 300}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        with serving(Handler) as base:
            self.url = f"{base}/token"
            yield self


@contextmanager
def registry(work: Path, tokens: TokenService | None = None) -> Iterator[str]:
    """A registry serving on the loopback until the block ends; its host:port."""
    port = free_port()
    work.mkdir(parents=True, exist_ok=True)
    config: dict[str, object] = {
        "version": 0.1,
        "log": {"level": "warn"},
        "storage": {"filesystem": {"rootdirectory": str(work / "storage")}},
        "http": {"addr": f"127.0.0.1:{port}"},
    }
    if tokens is not None:
        config["auth"] = {"silly": {"realm": tokens.url, "service": "test-registry"}}
    (work / "config.yml").write_text(json.dumps(config))  # JSON is YAML
    log = (work / "registry.log").open("w")
    server = subprocess.Popen(
        [need("docker-registry"), "serve", str(work / "config.yml")], stdout=log, stderr=log
    )
    try:
        deadline = time.monotonic() + 30
        while True:  # ready once /v2/ answers (200, or 401 with tokens)
            try:
                requests.get(f"http://127.0.0.1:{port}/v2/", timeout=2)
                break
            except requests.ConnectionError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the registry did not start: {log.name}") from None
                time.sleep(0.05)
        yield f"127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def push(conf: Path, image: str, target: str, compression: str = "gzip") -> None:
    """podman push of local image to target (host:port/name:tag) over plain HTTP, its
    layers compressed so (gzip, or zstd: quicker to unpack in an emulated box)."""
    podman(
        conf,
        "push",
        "--quiet",
        "--tls-verify=false",
        f"--compression-format={compression}",
        image,
        f"docker://{target}",
    )


def manifest(target: str, accept: str) -> requests.Response:
    """GET of target's manifest (host:port/name:tag) as the registry stores it."""
    where, _, tag = target.rpartition(":")
    host, _, name = where.partition("/")
    return requests.get(
        f"http://{host}/v2/{name}/manifests/{tag}", headers={"Accept": accept}, timeout=10
    )
