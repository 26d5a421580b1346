"""HTTP for ``check-url`` and ``pin``, bounded as hostile input: one deadline and one byte
budget for a whole command, the body read as it was sent (``Accept-Encoding: identity``
asked, nothing decompressed: a gzip answer is neither trusted nor expanded), redirects
followed by hand with the caller's host rule applied to every hop, and retries that wait
at most a few seconds whatever ``Retry-After`` says. Each bound that is hit is named.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin

if TYPE_CHECKING:
    import requests
    from urllib3.response import BaseHTTPResponse

# What one command may spend on the network, in all.
DEADLINE = 60.0  # seconds
MAX_BYTES = 8 << 20
PER_REQUEST = 30.0  # seconds without an answer
MAX_REDIRECTS = 5
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_WAIT = 2.0  # seconds before a retry, whatever Retry-After asks
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 1 << 16


class FetchError(Exception):
    """A request failed or hit a bound; the message says which."""


@dataclass
class Budget:
    """The time and bytes one command may still spend."""

    seconds: float = DEADLINE
    max_bytes: int = MAX_BYTES
    start: float = field(default_factory=time.monotonic)
    used: int = 0

    def remaining(self) -> float:
        left = self.seconds - (time.monotonic() - self.start)
        if left <= 0:
            raise FetchError(f"no complete answer within {self.seconds:g} s (the deadline)")
        return left

    def take(self, count: int) -> None:
        self.used += count
        if self.used > self.max_bytes:
            raise FetchError(f"answers of more than {self.max_bytes:,} bytes (the size limit)")


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Mapping[str, str]
    body: bytes
    url: str  # after redirects

    def header(self, name: str) -> str:
        return str(self.headers.get(name, ""))


HostRule = Callable[[str], "str | None"]  # url -> why it may not be asked, or None


@dataclass(frozen=True)
class _Request:
    url: str
    headers: Mapping[str, str]
    auth: tuple[str, str] | None
    params: Mapping[str, str] | None


def fetch(
    session: requests.Session,
    url: str,
    budget: Budget,
    host_rule: HostRule,
    headers: Mapping[str, str] | None = None,
    auth: tuple[str, str] | None = None,
    params: Mapping[str, str] | None = None,
) -> Reply:
    """The answer to a GET of url (after redirects, each one allowed by host_rule); raises
    FetchError."""
    import requests

    request = _Request(url, {**(headers or {}), "Accept-Encoding": "identity"}, auth, params)
    for _ in range(MAX_REDIRECTS + 1):
        problem = host_rule(request.url)
        if problem:
            raise FetchError(problem)
        try:
            reply = _with_retries(session, request, budget)
        except requests.RequestException as exc:
            raise FetchError(request_reason(exc)) from None
        location = reply.header("Location")
        if reply.status not in _REDIRECTS or not location:
            return reply
        # (credentials and query parameters go to the first host only)
        request = _Request(urljoin(request.url, location), request.headers, None, None)
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _with_retries(session: requests.Session, request: _Request, budget: Budget) -> Reply:
    for attempt in range(3):
        reply = _once(session, request, budget)
        if reply.status not in RETRY_STATUS or attempt == 2:
            return reply
        wait = _retry_after(reply.header("Retry-After")) or 0.5 * 2**attempt
        time.sleep(min(wait, MAX_WAIT, budget.remaining()))
    raise AssertionError("unreachable")  # pragma: no cover


def _retry_after(value: str) -> float:
    return float(value) if value.isascii() and value.isdigit() and len(value) < 10 else 0.0


def _once(session: requests.Session, request: _Request, budget: Budget) -> Reply:
    timeout = min(PER_REQUEST, budget.remaining())
    response = session.get(
        request.url,
        headers=request.headers,
        auth=request.auth,
        params=request.params,
        stream=True,
        allow_redirects=False,
        timeout=(min(10.0, timeout), timeout),
    )
    try:
        body = _read(response, budget)
    finally:
        response.close()
    return Reply(response.status_code, response.headers, body, request.url)


def _read(response: requests.Response, budget: Budget) -> bytes:
    """The body as sent (no decompression), in pieces as they arrive, within budget
    (urllib3 2.2's read1: whatever has arrived, not a full chunk a slow server trickles)."""
    raw: BaseHTTPResponse = response.raw
    chunks: list[bytes] = []
    while True:
        budget.remaining()
        chunk = raw.read1(_CHUNK, decode_content=False)
        if not chunk:
            return b"".join(chunks)
        budget.take(len(chunk))
        chunks.append(chunk)


_ERRNO = re.compile(r"\[Errno -?\d+\] ([^'\")]+)")
_TLS_REASON = re.compile(r"certificate verify failed: ([^'\"(]+)")


def request_reason(exc: Exception) -> str:
    """What went wrong with a request, in a few words (requests' own text nests the
    reason deep inside pool and retry wording)."""
    import requests

    text = " ".join(str(exc).split())
    if isinstance(exc, requests.Timeout):
        return f"no answer within {PER_REQUEST:g} s"
    found = _TLS_REASON.search(text) if isinstance(exc, requests.exceptions.SSLError) else None
    if found:
        return f"TLS: {found.group(1).strip()}"
    found = _ERRNO.search(text)
    return found.group(1).strip() if found else text[:200]
