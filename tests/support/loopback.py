"""An HTTP server of a test's own on the loopback (nothing leaves 127.0.0.1)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@contextmanager
def serving(handler: Callable[..., BaseHTTPRequestHandler]) -> Iterator[str]:
    """A server on 127.0.0.1 whose requests handler answers, until the block ends; its base
    URL. Handler threads are daemons: one a test leaves hanging ends with the process."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def quiet(handler: Any) -> Any:
    """handler without its access log lines."""
    handler.log_message = lambda *args: None
    return handler
