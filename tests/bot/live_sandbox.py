"""Apps served over real HTTP on loopback, in a thread with their own event loop (the Bot API sandbox,
the Zalo sandbox, stubs)."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import uvicorn

from bot.sandbox.server import SandboxState, create_app
from scheduler.clock import SystemClock


def free_port() -> int:
    """A port that was free a moment ago, for a server another process binds (the bot's webhook, PostgreSQL).
    Servers of the test process itself use `serving`, which keeps its socket bound from the start."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True, kw_only=True)
class Served:
    port: int
    server: uvicorn.Server
    thread: threading.Thread
    loop: asyncio.AbstractEventLoop
    sock: socket.socket

    def stop(self, *, force: bool = False, timeout: float = 30) -> None:
        self.server.should_exit = True
        self.server.force_exit = force  # a long poll may still be open
        self.thread.join(timeout=timeout)
        self.loop.close()  # an unclosed loop warns when collected, failing whichever test runs then
        self.sock.close()


def serve(app: Any, **config: Any) -> Served:
    """Start serving `app` and return once it listens. The socket is bound here, before the server starts:
    a port found free, closed and bound again later can be taken in between (by another server of the run, or
    as the local port of an outgoing connection), which failed CI once."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    # no lifespan: the sandboxes have no startup work, and a lifespan task still waiting when the thread's loop is
    # closed is collected later as "Event loop is closed", failing whichever test then runs (CI, once)
    config.setdefault("lifespan", "off")
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", **config))
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete, args=(server.serve(sockets=[sock]),), daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        threading.Event().wait(0.02)
    if not server.started:
        sock.close()
        loop.close()
        raise RuntimeError("the test server did not start")
    return Served(port=port, server=server, thread=thread, loop=loop, sock=sock)


@contextmanager
def serving(app: Any, **config: Any) -> Iterator[Served]:
    served = serve(app, **config)
    try:
        yield served
    finally:
        served.stop()


@dataclass(frozen=True, kw_only=True)
class LiveSandbox:
    state: SandboxState
    port: int

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"


@contextmanager
def live_sandbox() -> Iterator[LiveSandbox]:
    state = SandboxState(clock=SystemClock())
    with serving(create_app(state)) as served:
        yield LiveSandbox(state=state, port=served.port)
