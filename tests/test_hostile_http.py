"""check-url and pin against hostile HTTP servers on 127.0.0.1 (issue 26, items 8-10):
the bytes Ignition would hash, one deadline and one size cap per command (each named when
hit), only a verified manifest pinned, the host rule on every redirect, no credential
printed. Each server answers what the test tells it, and nothing leaves the loopback."""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler

import pytest

from ovs_ignite.delivery import check_url
from ovs_ignite.errors import DeliveryError
from ovs_ignite.fetch import Budget
from ovs_ignite.pin import Reference, Registry

from .support.loopback import serving

CONFIG = b'{"ignition":{"version":"3.4.0"}}'
Handler = Callable[[BaseHTTPRequestHandler], None]


@contextmanager
def server(answer: Handler) -> Iterator[str]:
    """A server on 127.0.0.1 that answers every request with answer; its base URL."""

    class Serve(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            with suppress(BrokenPipeError, ConnectionResetError):
                answer(self)

        def log_message(self, *args: object) -> None:
            pass

    with serving(Serve) as url:
        yield url


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, **headers: str) -> None:
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


# -- check-url ----------------------------------------------------------------------------


def test_a_gzip_answer_is_not_the_config_ignition_hashes() -> None:
    def gzipped(h: BaseHTTPRequestHandler) -> None:
        send(h, 200, gzip.compress(CONFIG), Content_Encoding="gzip")

    with server(gzipped) as url, pytest.raises(DeliveryError) as caught:
        check_url(url + "/c.ign", CONFIG, "c.ign")
    assert "it was sent with Content-Encoding: gzip" in str(caught.value)
    assert "Ignition would refuse it" in str(caught.value)


def test_retry_after_a_day_waits_seconds_not_a_day() -> None:
    def busy(h: BaseHTTPRequestHandler) -> None:
        send(h, 503, b"", Retry_After="86400")

    with server(busy) as url, pytest.raises(DeliveryError) as caught:
        check_url(url + "/c.ign", CONFIG, "c.ign", Budget(seconds=20))
    assert str(caught.value) == f"{url}/c.ign: HTTP 503: it serves no config"


def test_a_body_of_a_byte_a_second_meets_the_deadline() -> None:
    def trickle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", "1000")
        h.end_headers()
        for _ in range(1000):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(1)

    with server(trickle) as url, pytest.raises(DeliveryError) as caught:
        check_url(url + "/c.ign", CONFIG, "c.ign", Budget(seconds=2))
    assert "no complete answer within 2 s (the deadline)" in str(caught.value)


def test_a_gzip_bomb_is_never_expanded_and_a_huge_body_meets_the_size_cap() -> None:
    bomb = gzip.compress(b"\0" * (200 << 20), 9)

    def bombing(h: BaseHTTPRequestHandler) -> None:
        send(h, 200, bomb, Content_Encoding="gzip")

    tracemalloc.start()
    with server(bombing) as url, pytest.raises(DeliveryError) as caught:
        check_url(url + "/c.ign", CONFIG, "c.ign")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert f"serves {len(bomb):,} bytes that are not c.ign" in str(caught.value)
    assert peak < 20 << 20
    big = b"x" * (3 << 20)

    def huge(h: BaseHTTPRequestHandler) -> None:
        send(h, 200, big)

    with server(huge) as url, pytest.raises(DeliveryError) as caught:
        check_url(url + "/c.ign", CONFIG, "c.ign", Budget(max_bytes=1 << 20))
    assert "answers of more than 1,048,576 bytes (the size limit)" in str(caught.value)


def test_check_url_follows_redirects_to_web_urls_only() -> None:
    def moved(h: BaseHTTPRequestHandler) -> None:
        if h.path == "/old":
            send(h, 302, b"", Location="/c.ign")
        elif h.path == "/file":
            send(h, 302, b"", Location="file:///etc/passwd")
        else:
            send(h, 200, CONFIG)

    with server(moved) as url:
        assert check_url(url + "/old", CONFIG, "c.ign").startswith(f"{url}/old serves c.ign")
        with pytest.raises(DeliveryError) as caught:
            check_url(url + "/file", CONFIG, "c.ign")
    assert "a redirect to 'file:///etc/passwd', which is not http:// or https://" in str(
        caught.value
    )


# -- pin ----------------------------------------------------------------------------------

MANIFEST = json.dumps(
    {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json"}
).encode()
OCI = "application/vnd.oci.image.manifest.v1+json"


def _ref(url: str) -> Reference:
    return Reference.parse(url.removeprefix("http://") + "/app/web:1")


def _pin(answer: Handler) -> str:
    with server(answer) as url:
        return Registry(insecure=True, budget=Budget(seconds=20)).digest(_ref(url))


def test_pin_pins_only_a_manifest_it_read_and_hashed() -> None:
    def ok(h: BaseHTTPRequestHandler) -> None:
        send(h, 200, MANIFEST, Content_Type=OCI)

    import hashlib

    assert _pin(ok) == "sha256:" + hashlib.sha256(MANIFEST).hexdigest()

    def html(h: BaseHTTPRequestHandler) -> None:
        send(h, 200, b"<html>error</html>", Content_Type="text/html")

    with pytest.raises(ValueError, match="answered 'text/html' for app/web:1, not an image"):
        _pin(html)

    def lying(h: BaseHTTPRequestHandler) -> None:
        send(h, 200, MANIFEST, Content_Type=OCI, Docker_Content_Digest="sha256:" + "0" * 64)

    with pytest.raises(ValueError, match="named it 'sha256:0000"):
        _pin(lying)


def test_pin_applies_its_host_rule_to_every_redirect() -> None:
    def to_nowhere(h: BaseHTTPRequestHandler) -> None:
        send(h, 307, b"", Location="http://0.0.0.0:9/v2/app/web/manifests/1")

    with pytest.raises(ValueError) as caught:
        _pin(to_nowhere)
    assert "'http://0.0.0.0:9/v2/app/web/manifests/1': plain http:// only with --insecure" in str(
        caught.value
    )


def _challenging(token_body: bytes) -> Handler:
    def answer(h: BaseHTTPRequestHandler) -> None:
        port = h.server.server_address[1]  # type: ignore[index]
        if h.path.startswith("/token"):
            send(h, 200, token_body, Content_Type="application/json")
        elif h.headers.get("Authorization"):
            send(h, 200, MANIFEST, Content_Type=OCI)
        else:
            challenge = f'Bearer realm="http://127.0.0.1:{port}/token",service="r"'
            send(h, 401, b"", WWW_Authenticate=challenge)

    return answer


def test_a_hostile_token_answer_is_one_clear_error_and_never_printed() -> None:
    with pytest.raises(ValueError, match="answered no token"):
        _pin(_challenging(b'{"token": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"))
    secret = "abc\r\nX-Injected: 1"
    with pytest.raises(ValueError) as caught:
        _pin(_challenging(json.dumps({"token": secret}).encode()))
    assert "not one word of printable ASCII (not shown)" in str(caught.value)
    assert "abc" not in str(caught.value) and "Injected" not in str(caught.value)
    assert _pin(_challenging(b'{"token": "good-token"}')).startswith("sha256:")
