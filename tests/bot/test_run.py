"""`nhacviec run` as a user runs it: a separate process, long polling over real HTTP — here
against the Bot API sandbox served on loopback instead of Telegram."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from bot.sandbox.server import SandboxState, StoredMessage, create_app
from bot.sandbox.zalo import ZaloSandboxState
from bot.sandbox.zalo import create_app as create_zalo_app
from scheduler.clock import SystemClock
from tests.bot.live_sandbox import serve
from tests.conftest import DIRECTORY_CSV


def test_nhacviec_run_polls_the_bot_api_and_answers(tmp_path: Path) -> None:
    state = SandboxState(clock=SystemClock())
    admin_id = 424242
    state.add_user(admin_id, "Quản trị", "quantri")
    replied = threading.Event()
    state.listeners.append(lambda msg: replied.set() if isinstance(msg, StoredMessage) else None)
    served = serve(create_app(state))
    port, loop = served.port, served.loop
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
        assert [c["command"] for c in state.commands] == [
            "viec", "tonghop", "donvi", "kenh", "giao", "nghi", "huy", "loi", "moi", "lich", "huongdan"]
    finally:
        bot.terminate()
        output = bot.communicate(timeout=30)[0].decode()
        served.stop()
    assert state.token not in output, "the token must never be logged"


def test_nhacviec_run_serves_telegram_and_zalo_in_one_process(tmp_path: Path) -> None:
    telegram = SandboxState(clock=SystemClock())
    zalo = ZaloSandboxState(clock=SystemClock())
    telegram.add_user(424242, "Quản trị", "quantri")
    zalo.add_user("z777", "Lê Văn Dân")
    answered = {"telegram": threading.Event(), "zalo": threading.Event()}
    telegram.listeners.append(lambda msg: answered["telegram"].set())
    zalo.listeners.append(lambda msg: answered["zalo"].set())
    tg, z = serve(create_app(telegram)), serve(create_zalo_app(zalo))
    tg_port, tg_loop, z_port, z_loop = tg.port, tg.loop, z.port, z.loop
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_BASE_URL": f"http://127.0.0.1:{tg_port}/bot",
           "ZALO_BOT_TOKEN": zalo.token, "ZALO_BASE_URL": f"http://127.0.0.1:{z_port}",
           "DATABASE_URL": f"sqlite:///{tmp_path}/run.db", "NHACVIEC_ADMIN_IDS": "424242",
           "NHACVIEC_ZALO_ADMIN_IDS": "z777"}
    bot = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], env=env, cwd=tmp_path,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        tg_loop.call_soon_threadsafe(lambda: telegram.enqueue(telegram.user_text(424242, "/viec")))
        z_loop.call_soon_threadsafe(lambda: zalo.enqueue(zalo.user_text("z777", "/viec")))
        assert answered["telegram"].wait(timeout=60) and answered["zalo"].wait(timeout=60), "both channels answer"
        assert "không có nhiệm vụ nào" in (zalo.bot_messages("z777")[0].text or "")
        assert "không có nhiệm vụ nào" in (telegram.bot_messages(424242)[0].text or "")
    finally:
        bot.terminate()
        output = bot.communicate(timeout=30)[0].decode()
        tg.stop(force=True)
        z.stop(force=True)
    assert telegram.token not in output and zalo.token not in output, "no token is ever logged"
    assert "Warning" not in output and "Traceback" not in output, output


def test_nhacviec_run_with_a_refused_zalo_token_says_so(tmp_path: Path) -> None:
    zalo = ZaloSandboxState(clock=SystemClock())
    served = serve(create_zalo_app(zalo))
    port = served.port
    env = {**os.environ, "ZALO_BOT_TOKEN": "1:wrong-token", "ZALO_BASE_URL": f"http://127.0.0.1:{port}",
           "DATABASE_URL": f"sqlite:///{tmp_path}/run.db"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    try:
        done = subprocess.run([sys.executable, "-m", "bot.cli", "run"], env=env, cwd=tmp_path, capture_output=True,
                              text=True, timeout=60)
    finally:
        served.stop()
    assert done.returncode == 1
    assert "Zalo từ chối ZALO_BOT_TOKEN" in done.stderr and "wrong-token" not in done.stdout + done.stderr


def test_nhacviec_run_with_zalo_alone_polls_and_says_how_it_runs(tmp_path: Path) -> None:
    """Zalo without Telegram: long polling beside an APScheduler tick; one start-up line at INFO; SIGTERM stops
    it cleanly (exit code 0)."""
    zalo = ZaloSandboxState(clock=SystemClock())
    zalo.add_user("z777", "Lê Văn Dân")
    answered = threading.Event()
    zalo.listeners.append(lambda msg: answered.set())
    served = serve(create_zalo_app(zalo))
    port, loop = served.port, served.loop
    env = {**os.environ, "ZALO_BOT_TOKEN": zalo.token, "ZALO_BASE_URL": f"http://127.0.0.1:{port}",
           "DATABASE_URL": f"sqlite:///{tmp_path}/run.db", "NHACVIEC_ZALO_ADMIN_IDS": "z777",
           "NHACVIEC_TICK_SECONDS": "5"}
    for name in ("TELEGRAM_BOT_TOKEN", "NHACVIEC_WEBHOOK_URL", "NHACVIEC_LOG_LEVEL"):
        env.pop(name, None)
    bot = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], env=env, cwd=tmp_path,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        loop.call_soon_threadsafe(lambda: zalo.enqueue(zalo.user_text("z777", "/viec")))
        assert answered.wait(timeout=60), "the bot never answered"
        assert "không có nhiệm vụ nào" in (zalo.bot_messages("z777")[0].text or "")
    finally:
        bot.send_signal(signal.SIGTERM)
        output = bot.communicate(timeout=60)[0].decode()
        served.stop(force=True)
    assert bot.returncode == 0, output
    [start] = [line for line in output.splitlines() if "Nhắc việc is running" in line]
    assert " INFO bot.app: Nhắc việc is running: zalo “" in start
    assert f"database sqlite (sqlite:///{tmp_path}/run.db); mode polling; reminders tick every 5s" in start
    assert "alembic" not in output, "migrations say their result in one line, not a dozen"
    assert zalo.token not in output and "Traceback" not in output, output
