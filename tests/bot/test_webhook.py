"""`nhacviec run` in webhook mode, as an operator runs it: a separate process serving one ASGI
app (/telegram, /zalo, /healthz) on loopback, Telegram and Zalo played by the sandboxes; and
long polling that meets 409 Conflict stops with one Vietnamese line."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot import texts
from bot.app import CONFLICT_MESSAGE, ConflictWatch, database_health, describe_database, make_conversation, tick
from bot.channels.zalo_api import SECRET_HEADER as ZALO_SECRET_HEADER
from bot.sandbox.harness import Harness
from bot.sandbox.server import SandboxError, SandboxState, create_app
from bot.sandbox.zalo import ZaloSandboxState
from bot.sandbox.zalo import create_app as create_zalo_app
from bot.settings import load_settings
from bot.webhook import TELEGRAM_SECRET_HEADER, WebhookConfigInvalid, create_webhook_app, webhook_config
from scheduler.clock import FakeClock, SystemClock
from storage.db import Database
from tests.bot.live_sandbox import free_port, serving
from tests.conftest import DIRECTORY_CSV, local

SECRET = "s3cret_Webhook-token-for-tests"
PUBLIC = "https://nhacviec.example.vn"
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ [A-Z]+ ")
T = TypeVar("T")


@dataclass
class WebhookSandbox(SandboxState):
    """The Telegram sandbox recording setWebhook (the shared sandbox gains its own in another branch)."""

    webhooks: list[dict[str, Any]] = field(default_factory=list)
    floods: int = 0  # this many setWebhook calls answer 429, as Telegram does when processes start together

    async def api_setWebhook(self, params: dict[str, Any]) -> Any:
        if self.floods > 0:
            self.floods -= 1
            raise SandboxError(429, "Too Many Requests: retry after 1", retry_after=1)
        self.webhooks.append(dict(params))
        return True

    async def api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": self.webhooks[-1]["url"] if self.webhooks else "", "has_custom_certificate": False,
                "pending_update_count": 0}


@contextmanager
def served(app: Starlette) -> Iterator[tuple[int, asyncio.AbstractEventLoop]]:
    """`app` over real HTTP on loopback, in a thread with its own event loop."""
    with serving(app, lifespan="off") as server:
        yield server.port, server.loop


def on(loop: asyncio.AbstractEventLoop, fn: Callable[[], T]) -> T:
    """Run `fn` on the sandbox's loop (its state lives there) and return what it returns."""

    async def call() -> T:
        return fn()

    return asyncio.run_coroutine_threadsafe(call(), loop).result(timeout=10)


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[bytes], what: str) -> None:
    deadline = threading.Event()
    for _ in range(3000):  # up to a minute, in 20 ms steps
        if condition():
            return
        if process.poll() is not None:
            raise AssertionError(f"nhacviec run exited ({process.returncode}) before {what}: "
                                 f"{process.communicate()[0].decode()}")
        deadline.wait(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def _healthy(base: str) -> bool:
    try:
        return httpx.get(f"{base}/healthz", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def test_webhook_mode_serves_telegram_and_zalo_on_one_port(tmp_path: Path) -> None:
    telegram = WebhookSandbox(clock=SystemClock())
    zalo = ZaloSandboxState(clock=SystemClock())
    telegram.add_user(424242, "Quản trị", "quantri")
    zalo.add_user("z777", "Lê Văn Dân")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with served(create_app(telegram)) as (tg_port, tg_loop), served(create_zalo_app(zalo)) as (z_port, z_loop):
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": telegram.token,
               "TELEGRAM_BASE_URL": f"http://127.0.0.1:{tg_port}/bot", "ZALO_BOT_TOKEN": zalo.token,
               "ZALO_BASE_URL": f"http://127.0.0.1:{z_port}", "DATABASE_URL": f"sqlite:///{tmp_path}/run.db",
               "NHACVIEC_ADMIN_IDS": "424242", "NHACVIEC_ZALO_ADMIN_IDS": "z777",
               "NHACVIEC_WEBHOOK_URL": PUBLIC + "/", "NHACVIEC_WEBHOOK_SECRET": SECRET,
               "NHACVIEC_WEBHOOK_LISTEN": "127.0.0.1", "NHACVIEC_WEBHOOK_PORT": str(port)}
        env.pop("NHACVIEC_LOG_LEVEL", None)
        bot = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            wait_for(lambda: bool(telegram.webhooks) and bool(zalo.webhook_url) and _healthy(base), bot,
                     "both webhooks are set and /healthz answers")
            hook = telegram.webhooks[-1]
            assert hook["url"] == PUBLIC + "/telegram" and hook["secret_token"] == SECRET
            assert {"message", "callback_query"} <= set(hook["allowed_updates"])
            assert (zalo.webhook_url, zalo.webhook_secret) == (PUBLIC + "/zalo", SECRET)
            assert httpx.get(f"{base}/healthz").json() == {"ok": True, "channels": ["telegram", "zalo"]}

            # Telegram: refused without the secret or with a wrong one, answered with it
            update = on(tg_loop, lambda: telegram.user_text(424242, "/start"))
            assert httpx.post(f"{base}/telegram", json=update).status_code == 403
            assert httpx.post(f"{base}/telegram", json=update,
                              headers={TELEGRAM_SECRET_HEADER: SECRET + "x"}).status_code == 403
            assert telegram.bot_messages(424242) == []
            assert httpx.post(f"{base}/telegram", content=b"{not json",
                              headers={TELEGRAM_SECRET_HEADER: SECRET}).status_code == 400
            answer = httpx.post(f"{base}/telegram", json=update, headers={TELEGRAM_SECRET_HEADER: SECRET}, timeout=60)
            assert answer.status_code == 200
            # handled before the answer: the welcome is already in the chat
            assert [(m.text or "")[:27] for m in telegram.bot_messages(424242)] == ["Kính chào đồng chí Quản trị"]

            # Zalo: what the platform would POST, to our /zalo
            on(z_loop, lambda: zalo.enqueue(zalo.user_text("z777", "/viec")))
            [delivery] = on(z_loop, zalo.take_webhook_deliveries)
            assert delivery.url == PUBLIC + "/zalo"
            wrong = {**delivery.headers, ZALO_SECRET_HEADER: "not-the-secret"}
            assert httpx.post(f"{base}/zalo", content=delivery.body, headers=wrong).status_code == 403
            assert zalo.bot_messages("z777") == []
            done = httpx.post(f"{base}/zalo", content=delivery.body, headers=delivery.headers, timeout=60)
            assert done.status_code == 200
            assert "không có nhiệm vụ nào" in (zalo.bot_messages("z777")[0].text or "")
            assert httpx.get(f"{base}/telegram").status_code == 405
        finally:
            bot.send_signal(signal.SIGTERM)
            output = bot.communicate(timeout=60)[0].decode()
    assert bot.returncode == 0, output
    start = [line for line in output.splitlines() if "Nhắc việc is running" in line]
    assert len(start) == 1, output
    assert " INFO " in start[0] and "telegram @nhacviec_bot" in start[0] and "zalo “" in start[0]
    assert f"mode webhook at {PUBLIC} (/telegram and /zalo), listening on 127.0.0.1:{port}" in start[0]
    assert "database sqlite" in start[0] and "tick every 30s" in start[0]
    assert output.count("Telegram webhook call from 127.0.0.1 with a wrong or missing secret refused") == 2, output
    assert output.count("Zalo webhook call with a wrong or missing secret refused") == 1, output
    for secret in (telegram.token, zalo.token, SECRET):
        assert secret not in output, "no token or webhook secret is ever logged"
    assert "Traceback" not in output and "Warning" not in output, output
    assert "alembic" not in output and "uvicorn" not in output, "no library chatter at INFO"


def _conflict_stub(calls: list[str], webhook_url: str = "") -> Starlette:
    """A Bot API that answers getUpdates with 409, as Telegram does when another process polls the token."""
    results: dict[str, Any] = {
        "getMe": {"id": 7000000001, "is_bot": True, "first_name": "Nhắc việc", "username": "stub_bot"},
        "deleteWebhook": True, "setMyCommands": True,
        "getWebhookInfo": {"url": webhook_url, "has_custom_certificate": False, "pending_update_count": 0},
    }

    async def method(request: Request) -> JSONResponse:
        name = request.path_params["method"]
        calls.append(name)
        if name == "getUpdates":
            return JSONResponse({"ok": False, "error_code": 409, "description": "Conflict: terminated by other "
                                 "getUpdates request; make sure that only one bot instance is running"},
                                status_code=409)
        if name in results:
            return JSONResponse({"ok": True, "result": results[name]})
        return JSONResponse({"ok": False, "error_code": 404, "description": "Not Found"}, status_code=404)

    return Starlette(routes=[Route("/bot{token}/{method}", method, methods=["GET", "POST"])])


def test_a_409_conflict_stops_the_run_with_one_vietnamese_line(tmp_path: Path) -> None:
    calls: list[str] = []
    token = "123456:CONFLICT-token"
    with served(_conflict_stub(calls, webhook_url=PUBLIC + "/telegram")) as (port, _):
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_BASE_URL": f"http://127.0.0.1:{port}/bot",
               "DATABASE_URL": f"sqlite:///{tmp_path}/run.db", "NHACVIEC_LOG_LEVEL": "DEBUG"}
        for name in ("ZALO_BOT_TOKEN", "NHACVIEC_WEBHOOK_URL"):
            env.pop(name, None)
        done = subprocess.run([sys.executable, "-m", "bot.cli", "run"], env=env, cwd=tmp_path, capture_output=True,
                              text=True, timeout=120)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    said = [line for line in output.splitlines() if line.strip() and not LOG_LINE.match(line)]
    assert said == [CONFLICT_MESSAGE], said
    assert "xung đột (409)" in said[0] and "webhook" in said[0]
    assert "Traceback" not in output and token not in output
    assert 3 <= calls.count("getUpdates") <= 6, calls  # it stopped, it did not poll on and on
    assert "mode polling" in output
    assert f"WARNING bot.app: a webhook was set ({PUBLIC}/telegram); long polling removes it" in output


def test_one_409_alone_does_not_stop_the_run() -> None:
    from telegram.error import Conflict, NetworkError

    now = [0.0]
    stop = asyncio.Event()
    watch = ConflictWatch(stop, now=lambda: now[0])
    watch(Conflict("Conflict: terminated by other getUpdates request"))
    watch(NetworkError("down"))
    now[0] = 61.0  # a restart's stray 409, then another a minute later: not another process polling
    watch(Conflict("Conflict: terminated by other getUpdates request"))
    now[0] = 62.0
    watch(Conflict("Conflict: terminated by other getUpdates request"))
    assert not stop.is_set() and watch.conflict is None
    now[0] = 63.0
    watch(Conflict("Conflict: terminated by other getUpdates request"))
    assert stop.is_set() and watch.conflict is not None


@pytest.mark.parametrize(("env", "expected"), [
    ({"NHACVIEC_WEBHOOK_URL": "http://nhacviec.example.vn", "NHACVIEC_WEBHOOK_SECRET": SECRET},
     "NHACVIEC_WEBHOOK_URL phải là địa chỉ https://"),
    ({"NHACVIEC_WEBHOOK_URL": PUBLIC}, "Chế độ webhook cần NHACVIEC_WEBHOOK_SECRET"),
    ({"NHACVIEC_WEBHOOK_URL": PUBLIC, "NHACVIEC_WEBHOOK_SECRET": "ngắn"}, "NHACVIEC_WEBHOOK_SECRET không hợp lệ"),
    ({"NHACVIEC_WEBHOOK_URL": PUBLIC, "NHACVIEC_WEBHOOK_SECRET": "có dấu cách ở giữa"},
     "NHACVIEC_WEBHOOK_SECRET không hợp lệ"),
])
def test_bad_webhook_settings_are_refused_in_vietnamese(env: dict[str, str], expected: str) -> None:
    with pytest.raises(WebhookConfigInvalid) as refused:
        webhook_config(load_settings(environ=env, env_file=None))
    assert refused.value.message.startswith(expected)
    assert SECRET not in refused.value.message


def test_webhook_settings() -> None:
    assert webhook_config(load_settings(environ={}, env_file=None)) is None  # long polling stays the default
    config = webhook_config(load_settings(environ={"NHACVIEC_WEBHOOK_URL": PUBLIC + "/bot/",
                                                   "NHACVIEC_WEBHOOK_SECRET": SECRET}, env_file=None))
    assert config is not None
    assert (config.telegram_url, config.zalo_url) == (PUBLIC + "/bot/telegram", PUBLIC + "/bot/zalo")
    assert (config.listen, config.port) == ("0.0.0.0", 8080)


def test_nhacviec_run_with_a_bad_webhook_setting_says_so(tmp_path: Path) -> None:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": "123456:never-used", "DATABASE_URL": f"sqlite:///{tmp_path}/run.db",
           "NHACVIEC_WEBHOOK_URL": PUBLIC}
    env.pop("NHACVIEC_WEBHOOK_SECRET", None)
    done = subprocess.run([sys.executable, "-m", "bot.cli", "run"], env=env, cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1
    said = [line for line in done.stderr.splitlines() if line.strip() and not LOG_LINE.match(line)]
    assert len(said) == 1 and said[0].startswith("Chế độ webhook cần NHACVIEC_WEBHOOK_SECRET"), done.stderr
    assert "Traceback" not in done.stderr


def test_a_busy_port_is_said_in_one_line(tmp_path: Path) -> None:
    telegram = WebhookSandbox(clock=SystemClock())
    with served(create_app(telegram)) as (tg_port, _):
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": telegram.token,
               "TELEGRAM_BASE_URL": f"http://127.0.0.1:{tg_port}/bot", "DATABASE_URL": f"sqlite:///{tmp_path}/r.db",
               "NHACVIEC_WEBHOOK_URL": PUBLIC, "NHACVIEC_WEBHOOK_SECRET": SECRET,
               "NHACVIEC_WEBHOOK_LISTEN": "127.0.0.1", "NHACVIEC_WEBHOOK_PORT": str(tg_port)}  # the sandbox's port
        env.pop("ZALO_BOT_TOKEN", None)
        done = subprocess.run([sys.executable, "-m", "bot.cli", "run"], env=env, cwd=tmp_path, capture_output=True,
                              text=True, timeout=60)
    assert done.returncode == 1
    said = [line for line in done.stderr.splitlines() if line.strip() and not LOG_LINE.match(line)]
    assert len(said) == 1 and said[0].startswith(f"Không mở được cổng 127.0.0.1:{tg_port}"), done.stderr
    assert telegram.webhooks == [], "Telegram is not told to call a port this process cannot listen on"
    assert "Traceback" not in done.stderr


async def test_a_tick_that_did_something_is_one_info_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    h = Harness(db_url=f"sqlite:///{tmp_path}/t.db", clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    assert h.conversation is not None
    try:
        await h.say("admin", "Kính gửi: Ban Dân vận Tỉnh ủy\nĐề nghị Ban Dân vận Tỉnh ủy chủ trì rà soát quy chế "
                             "làm việc.")
        await h.tap("admin", texts.BUTTON_CONFIRM)
        h.clock.set(local(2018, 3, 12, 8, 0))  # ten working days later: the check-in is due
        with caplog.at_level(logging.INFO, logger="bot.app"):
            result = await tick(h.conversation)
            again = await tick(h.conversation)
    finally:
        await h.stop()
    assert result is not None and len(result.sent) == 1 and again is not None and not again.sent
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.app"]
    assert lines == [f"tick: {result.planned} digests planned, 1 sent, 0 failed, 0 postponed, "
                     "0 taken over by another process"], lines  # the idle second tick says nothing
    assert all(r.levelno == logging.INFO for r in caplog.records if r.name == "bot.app")


async def test_a_tick_without_the_database_says_what_to_do(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = load_settings(environ={}, env_file=None)
    db = Database(f"sqlite:///{tmp_path}/no/such/dir/x.db")
    conversation = make_conversation(settings, db=db, clock=FakeClock(local(2018, 3, 12, 8, 0)))
    try:
        with caplog.at_level(logging.INFO, logger="bot.app"):
            assert await tick(conversation) is None
    finally:
        db.dispose()
    [line] = [r for r in caplog.records if r.name == "bot.app"]
    assert line.levelno == logging.ERROR and "check that the database server runs" in line.getMessage()


def test_the_start_up_line_never_shows_the_database_password() -> None:
    db = Database("postgresql://nhacviec:Mat-khau-9@db.example.vn:5432/nhacviec")
    try:
        shown = describe_database(db)
    finally:
        db.dispose()
    assert shown.startswith("postgresql (") and "db.example.vn:5432/nhacviec" in shown
    assert "Mat-khau-9" not in shown


def _run_env(tmp_path: Path, port: int, **extra: str) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/run.db", "NHACVIEC_WEBHOOK_URL": PUBLIC,
           "NHACVIEC_WEBHOOK_SECRET": SECRET, "NHACVIEC_WEBHOOK_LISTEN": "127.0.0.1",
           "NHACVIEC_WEBHOOK_PORT": str(port), **extra}
    for name in ("TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN", "NHACVIEC_LOG_LEVEL"):
        if name not in extra:
            env.pop(name, None)
    return env


def test_webhook_mode_with_zalo_alone_at_debug_level(tmp_path: Path) -> None:
    """Zalo without Telegram: APScheduler ticks; /telegram is not served; at DEBUG nothing secret is logged."""
    zalo = ZaloSandboxState(clock=SystemClock())
    zalo.add_user("z777", "Lê Văn Dân")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with served(create_zalo_app(zalo)) as (z_port, z_loop):
        env = _run_env(tmp_path, port, ZALO_BOT_TOKEN=zalo.token, ZALO_BASE_URL=f"http://127.0.0.1:{z_port}",
                       NHACVIEC_ZALO_ADMIN_IDS="z777", NHACVIEC_LOG_LEVEL="DEBUG")
        bot = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            wait_for(lambda: bool(zalo.webhook_url) and _healthy(base), bot, "the Zalo webhook is set")
            assert httpx.get(f"{base}/healthz").json() == {"ok": True, "channels": ["zalo"]}
            on(z_loop, lambda: zalo.enqueue(zalo.user_text("z777", "/viec")))
            [delivery] = on(z_loop, zalo.take_webhook_deliveries)
            assert httpx.post(f"{base}/zalo", content=delivery.body, headers=delivery.headers,
                              timeout=60).status_code == 200
            assert "không có nhiệm vụ nào" in (zalo.bot_messages("z777")[0].text or "")
            assert httpx.post(f"{base}/telegram", json={"update_id": 1},
                              headers={TELEGRAM_SECRET_HEADER: SECRET}).status_code == 404
        finally:
            bot.send_signal(signal.SIGTERM)
            output = bot.communicate(timeout=60)[0].decode()
    assert bot.returncode == 0, output
    [start] = [line for line in output.splitlines() if "Nhắc việc is running" in line]
    assert "zalo “" in start and "telegram" not in start.split(";")[0] and "(/zalo)" in start, start
    assert " DEBUG " in output  # the level was DEBUG, and still:
    assert zalo.token not in output and SECRET not in output, "no token or webhook secret is ever logged"
    assert "Traceback" not in output, output


def test_two_processes_behind_one_url_share_the_database(tmp_path: Path) -> None:
    telegram = WebhookSandbox(clock=SystemClock(), floods=1)
    telegram.add_user(424242, "Quản trị", "quantri")
    telegram.add_user(515151, "Cán bộ", "canbo")
    ports = [free_port(), free_port()]
    with served(create_app(telegram)) as (tg_port, tg_loop):
        bots = [subprocess.Popen([sys.executable, "-m", "bot.cli", "run"],
                                 env=_run_env(tmp_path, port, TELEGRAM_BOT_TOKEN=telegram.token,
                                              TELEGRAM_BASE_URL=f"http://127.0.0.1:{tg_port}/bot",
                                              NHACVIEC_ADMIN_IDS="424242"),
                                 cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for port in ports]
        outputs: list[str] = []
        try:
            for bot, port in zip(bots, ports, strict=True):
                wait_for(partial(_healthy, f"http://127.0.0.1:{port}"), bot, "both processes serve")
            wait_for(lambda: len(telegram.webhooks) == 2, bots[0], "both processes set the webhook")
            assert {hook["url"] for hook in telegram.webhooks} == {PUBLIC + "/telegram"}
            # the proxy sends one person's update to one process, the other's to the other
            for chat, port in ((424242, ports[0]), (515151, ports[1])):
                update = on(tg_loop, partial(telegram.user_text, chat, "/start"))
                assert httpx.post(f"http://127.0.0.1:{port}/telegram", json=update,
                                  headers={TELEGRAM_SECRET_HEADER: SECRET}, timeout=60).status_code == 200
            assert (telegram.bot_messages(424242)[0].text or "").startswith("Kính chào đồng chí Quản trị")
            assert telegram.bot_messages(515151), "the second process answered too"
        finally:
            for bot in bots:
                bot.send_signal(signal.SIGTERM)
            outputs = [bot.communicate(timeout=60)[0].decode() for bot in bots]
    assert [bot.returncode for bot in bots] == [0, 0], outputs
    assert all("Traceback" not in output and "Conflict" not in output for output in outputs), outputs
    waited = [output for output in outputs if "setWebhook: Telegram asks to wait 1s" in output]
    assert len(waited) == 1, outputs  # the one that met the flood limit waited and set it again


async def test_healthz_says_503_while_the_database_does_not_answer(tmp_path: Path) -> None:
    good, bad = Database(f"sqlite:///{tmp_path}/ok.db"), Database(f"sqlite:///{tmp_path}/no/such/dir/x.db")
    try:
        for db, status in ((good, 200), (bad, 503)):
            app = create_webhook_app(secret=SECRET, health=database_health(db), channels=("telegram",))
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bot") as client:
                answer = await client.get("/healthz")
                assert answer.status_code == status
                assert (await client.post("/telegram", json={"update_id": 1})).status_code == 404  # not served
    finally:
        good.dispose()
        bad.dispose()
    assert answer.json() == {"ok": False, "error": "OperationalError"}
