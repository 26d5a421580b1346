"""ovs-ignite pin: every image reference of a spec, pinned to the digest its registry serves.

``name:tag`` becomes ``name:tag@sha256:...``: the tag stays for people, the digest decides
what a host pulls and runs. The digest is the registry's own answer for the tag (the OCI
distribution API: ``HEAD /v2/NAME/manifests/TAG``), so a multi-arch image is pinned to its
manifest list (image index), and each host still pulls the image of its own architecture.

Registries are asked over HTTPS with certificate checks. A registry that wants a token
(Docker Hub, quay.io, ghcr.io, ...) answers 401 with a ``Bearer`` challenge; the token is
fetched from the realm it names, with the credentials of the auth file podman or docker
logged in with, if any, else anonymously. ``insecure`` asks a registry on this machine
(localhost, 127.0.0.0/8, ::1) over plain HTTP, and only such a registry.

The spec's text is rewritten in place, value by value: comments, order and quoting stay.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .errors import PinError, SpecProblem
from .fetch import Budget, FetchError, Reply, fetch
from .records import Spec
from .spec import format_path
from .values import image_domain
from .yamlsource import KeyPath, load_located

if TYPE_CHECKING:
    pass

# What a registry may answer for a tag, lists first: a multi-arch image is pinned whole.
MANIFEST_TYPES = (
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
)
DOCKER_HUB = "docker.io"
DOCKER_HUB_API = "registry-1.docker.io"
_DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")
_CHALLENGE_PARAM = re.compile(r'(\w+)="([^"]*)"')
_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as one


@dataclass(frozen=True)
class Reference:
    """An image reference without a digest, split as the distribution API needs it."""

    name: str  # as given, without the tag
    domain: str  # the registry (docker.io for a short name)
    repository: str  # library/nginx
    tag: str  # latest when none is given

    @classmethod
    def parse(cls, given: str) -> Reference:
        name, tag = given, "latest"
        if ":" in given.rsplit("/", 1)[-1]:
            name, tag = given.rsplit(":", 1)
        domain = image_domain(name)
        repository = name.split("/", 1)[1] if domain else name
        domain = domain or DOCKER_HUB
        if domain == DOCKER_HUB and "/" not in repository:
            repository = f"library/{repository}"
        return cls(name, domain, repository, tag)

    @property
    def api_host(self) -> str:
        return DOCKER_HUB_API if self.domain == DOCKER_HUB else self.domain

    def pinned(self, digest: str) -> str:
        """The reference with its tag and digest. A short name is spelled in full: podman
        would look it up in its search registries, where the digest may mean nothing."""
        name = self.name if image_domain(self.name) else f"{self.domain}/{self.repository}"
        return f"{name}:{self.tag}@{digest}"


def is_local(host: str) -> bool:
    """Whether a registry host[:port] is this machine."""
    if host.startswith("["):  # [IPv6]:port
        name = host[1:].split("]", 1)[0]
    else:
        name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def spec_images(spec: Spec) -> Iterator[tuple[KeyPath, str]]:
    """Every image reference of spec, with its key path."""
    yield ("ovs", "image"), spec.ovs.image
    for c, container in enumerate(spec.containers):
        if container.image is not None:
            yield ("containers", c, "image"), container.image


# -- the registry -------------------------------------------------------------------------------


def _auth_files() -> list[Path]:
    """The credential files podman and docker write on login, in the order podman reads."""
    files = []
    if os.environ.get("REGISTRY_AUTH_FILE"):
        files.append(Path(os.environ["REGISTRY_AUTH_FILE"]))
    if os.environ.get("XDG_RUNTIME_DIR"):
        files.append(Path(os.environ["XDG_RUNTIME_DIR"]) / "containers/auth.json")
    files += [Path.home() / ".config/containers/auth.json", Path.home() / ".docker/config.json"]
    return files


def credentials(domain: str) -> tuple[str, str] | None:
    """(user, password) logged in for domain, from the first auth file that has them."""
    keys = [
        domain,
        f"https://{domain}",
        *(["https://index.docker.io/v1/"] if domain == DOCKER_HUB else []),
    ]
    for path in _auth_files():
        try:
            auths = json.loads(path.read_text(encoding="utf-8")).get("auths", {})
        except (OSError, ValueError, AttributeError):
            continue
        for key in keys:
            entry = auths.get(key) if isinstance(auths, dict) else None
            encoded = entry.get("auth") if isinstance(entry, dict) else None
            if isinstance(encoded, str):
                try:
                    user, _, password = base64.b64decode(encoded).decode().partition(":")
                except ValueError:
                    continue
                return user, password
    return None


class Registry:
    """Asks registries for the digest of a tag; one HTTP session and one budget of time and
    bytes (fetch.Budget) for all of them."""

    def __init__(self, insecure: bool = False, budget: Budget | None = None) -> None:
        import requests

        self.insecure = insecure
        self.budget = budget or Budget()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "ovs-ignite-pin"

    def digest(self, ref: Reference) -> str:
        """The digest of the manifest the registry serves for ref's tag, verified: a
        manifest's media type, and the sha256 of the bytes read (which the registry's
        Docker-Content-Digest, when sent, must equal); raises ValueError saying why not."""
        scheme = "http" if self.insecure else "https"
        url = f"{scheme}://{ref.api_host}/v2/{ref.repository}/manifests/{ref.tag}"
        headers = {"Accept": ", ".join(MANIFEST_TYPES)}
        try:
            reply = self._get(url, headers)
            if reply.status == 401:
                headers["Authorization"] = self._authorization(ref, reply)
                reply = self._get(url, headers)
        except FetchError as exc:
            raise ValueError(f"cannot reach the registry {ref.domain}: {exc}") from None
        return _digest_of(ref, reply)

    def _get(self, url: str, headers: dict[str, str], **kwargs: Any) -> Reply:
        return fetch(self.session, url, self.budget, self.url_problem, headers, **kwargs)

    def url_problem(self, url: str) -> str | None:
        """Why pin may not ask url (the first request or a redirect), or None: HTTPS with
        a host name or a host address, or (--insecure) plain HTTP to this machine only."""
        parts = urlsplit(url)
        netloc = parts.netloc.rsplit("@", 1)[-1]
        if parts.scheme not in ("http", "https"):
            return f"a redirect to {url[:80]!r}, which is not https://"
        if (parts.scheme == "http" or self.insecure) and not (self.insecure and is_local(netloc)):
            return f"{url[:80]!r}: plain http:// only with --insecure, to this machine"
        try:
            address = ipaddress.ip_address(parts.hostname or "")
        except ValueError:
            return None if parts.hostname else f"{url[:80]!r} names no host"
        if address.is_unspecified or address.is_multicast:
            return f"{url[:80]!r}: {address} is not a host address"
        return None

    def _authorization(self, ref: Reference, challenged: Reply) -> str:
        """The Authorization header a 401 asks for: a bearer token from the challenge's
        realm, or the logged-in credentials for a Basic challenge."""
        challenge = challenged.header("WWW-Authenticate")
        scheme = challenge.split(" ", 1)[0].lower()
        login = credentials(ref.domain)
        if scheme == "basic":
            if login is None:
                raise ValueError(f"{ref.domain} wants a login (HTTP 401); podman login first")
            return "Basic " + base64.b64encode(":".join(login).encode()).decode()
        if scheme != "bearer":
            raise ValueError(f"{ref.domain} answered HTTP 401 without a challenge it can take")
        params = dict(_CHALLENGE_PARAM.findall(challenge))
        realm = params.pop("realm", "")
        if not realm.startswith(("https://", "http://")):
            raise ValueError(f"{ref.domain} names no token realm in its challenge")
        params.setdefault("scope", f"repository:{ref.repository}:pull")
        # A login goes only where it cannot be read on the way: HTTPS, or this machine.
        host = urlsplit(realm).netloc.rsplit("@", 1)[-1]
        if not (realm.startswith("https://") or is_local(host)):
            login = None
        reply = self._get(realm, {}, auth=login, params=params)
        if reply.status != 200:
            raise ValueError(
                f"{ref.domain} refused a token for {ref.repository} (HTTP "
                f"{reply.status}): the image may be private (podman login), or its name wrong"
            )
        return f"Bearer {_token(reply.body, ref.domain)}"


# A token goes into a header: one word of printable ASCII (it is never printed).
_TOKEN = re.compile(r"^[\x21-\x7e]{1,8192}$")


def _token(body: bytes, domain: str) -> str:
    """The token in a token service's answer; raises ValueError (without the token)."""
    try:
        data = json.loads(body)
        token = data.get("token") or data.get("access_token") if isinstance(data, dict) else None
    except (ValueError, RecursionError):
        token = None
    if not isinstance(token, str) or not token:
        raise ValueError(f"the token service of {domain} answered no token")
    if not _TOKEN.match(token):
        raise ValueError(
            f"the token service of {domain} answered a token that is not one word of "
            "printable ASCII (not shown)"
        )
    return token


def _digest_of(ref: Reference, reply: Reply) -> str:
    status = reply.status
    where = f"{ref.repository}:{ref.tag}"
    if status == 404:
        raise ValueError(f"the registry {ref.domain} has no {where} (HTTP 404)")
    if status in (401, 403):
        raise ValueError(
            f"{ref.domain} refused access to {where} (HTTP {status}): the image may be "
            "private (podman login), or its name wrong"
        )
    if status != 200:
        raise ValueError(f"{ref.domain} answered HTTP {status} for {where}")
    media = reply.header("Content-Type").split(";", 1)[0].strip()
    if media not in MANIFEST_TYPES:
        raise ValueError(
            f"{ref.domain} answered {media[:60] or 'no media type'!r} for {where}, not an "
            "image manifest or index: nothing pinned"
        )
    digest = "sha256:" + hashlib.sha256(reply.body).hexdigest()
    sent = reply.header("Docker-Content-Digest")
    if sent and sent != digest:
        raise ValueError(
            f"{ref.domain} sent a manifest for {where} whose digest is {digest}, but named "
            f"it {sent[:80]!r}: nothing pinned"
        )
    return digest


# -- the spec's text ----------------------------------------------------------------------------


def _offset(text: str, line: int, column: int) -> int:
    """The index in text of a 1-based (line, column) as the YAML parser counts them."""
    starts = [0] + [m.end() for m in _LINE_BREAKS.finditer(text)]
    return starts[line - 1] + column - 1


def _pin_one(text: str, start: int, image: str, registry: Registry) -> tuple[int, str]:
    """Where image starts in text (after a quote) and its pinned reference; raises
    ValueError saying why it cannot be pinned."""
    if text[start : start + 1] in ("'", '"'):
        start += 1
    elif text[start : start + 1] in ("|", ">"):  # a block scalar: its text is on the next line
        breaks = _LINE_BREAKS.search(text, start)
        start = breaks.end() if breaks else len(text)
        while text[start : start + 1] == " ":
            start += 1
    if text[start : start + len(image)] != image:
        raise ValueError("written in a way pin cannot rewrite in place (escapes? write it plain)")
    ref = Reference.parse(image)
    if registry.insecure and not is_local(ref.domain):
        raise ValueError(
            f"--insecure asks only a registry on this machine over plain HTTP; "
            f"{ref.domain} is not one"
        )
    try:
        return start, ref.pinned(registry.digest(ref))
    except ValueError as exc:
        raise ValueError(f"{image}: {exc}") from None


def pin_text(text: str, spec: Spec, name: str, registry: Registry) -> tuple[str, list[str]]:
    """text with every unpinned image reference of spec pinned, and what was pinned (one
    line each); raises PinError listing every image that could not be."""
    located = load_located(text)
    edits: list[tuple[int, str, str]] = []
    problems: list[SpecProblem] = []
    done: list[str] = []
    for path, image in spec_images(spec):
        where = format_path(path)
        if "@" in image:
            done.append(f"{where}: {image} (pinned already)")
            continue
        line, column = located.value_at(path)
        try:
            start, pinned = _pin_one(text, _offset(text, line, column), image, registry)
        except ValueError as exc:
            problems.append(SpecProblem(name, line, column, where, str(exc)))
            continue
        edits.append((start, image, pinned))
        done.append(f"{where}: {image} -> {pinned}")
    if problems:
        raise PinError(problems)
    for start, image, pinned in sorted(edits, reverse=True):
        text = text[:start] + pinned + text[start + len(image) :]
    return text, done
