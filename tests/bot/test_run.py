"""`nhacviec run` as a user runs it: a separate process, long polling over real HTTP — here
against the Bot API sandbox served on loopback instead of Telegram."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import uvicorn

from bot.sandbox.server import SandboxState, StoredMessage, create_app
from scheduler.clock import SystemClock
from tests.conftest import DIRECTORY_CSV


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_nhacviec_run_polls_the_bot_api_and_answers(tmp_path: Path) -> None:
    state = SandboxState(clock=SystemClock())
    admin_id = 424242
    state.add_user(admin_id, "Quản trị", "quantri")
    replied = threading.Event()
    state.listeners.append(lambda msg: replied.set() if isinstance(msg, StoredMessage) else None)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(state), host="127.0.0.1", port=port, log_level="warning"))
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete, args=(server.serve(),), daemon=True)
    thread.start()
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": state.token, "TELEGRAM_BASE_URL": f"http://127.0.0.1:{port}/bot",
           "DATABASE_URL": f"sqlite:///{tmp_path}/run.db", "NHACVIEC_ADMIN_IDS": str(admin_id)}
    subprocess.run([sys.executable, "-m", "bot.cli", "directory", "import", str(DIRECTORY_CSV)], env=env,
                   check=True, capture_output=True, timeout=120)
    bot = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], env=env, cwd=tmp_path,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        # the sandbox's state lives on the server's loop: change it there
        loop.call_soon_threadsafe(lambda: state.enqueue(state.user_text(admin_id, "/start")))
        assert replied.wait(timeout=60), "the bot never answered"
        welcome = state.bot_messages(admin_id)[0].text or ""
        assert welcome.startswith("Kính chào đồng chí Quản trị")
        assert [c["command"] for c in state.commands] == ["viec", "tonghop", "kenh", "moi", "huongdan"]
    finally:
        bot.terminate()
        output = bot.communicate(timeout=30)[0].decode()
        server.should_exit = True
        thread.join(timeout=10)
        loop.close()
    assert state.token not in output, "the token must never be logged"
