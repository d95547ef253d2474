"""The Bot API sandbox served over real HTTP on loopback, in a thread (as in test_run.py)."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn

from bot.sandbox.server import SandboxState, create_app
from scheduler.clock import SystemClock


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(state), host="127.0.0.1", port=port, log_level="warning"))
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete, args=(server.serve(),), daemon=True)
    thread.start()
    try:
        while not server.started and thread.is_alive():
            threading.Event().wait(0.02)
        yield LiveSandbox(state=state, port=port)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        loop.close()
