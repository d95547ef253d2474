"""A report's chart and Excel on Zalo: in webhook mode they are published at an unguessable, expiring link under the
public address and fetched back through the real Starlette app (the bytes are the ones sent); expired or unknown
links are a Vietnamese 404; the database is the shared place, so another worker serves a link; without a public
address Zalo gets the text alone, as before. SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from bot import texts
from bot.channels.zalo import ZALO_CAPABILITIES, ZaloChannel
from bot.conversation.events import Document
from bot.file_links import FILES_PATH, FileLinks, ascii_filename, content_disposition, file_routes
from bot.report_files import report_filename, summary_workbook
from bot.sandbox.harness import Harness, Sent
from bot.sandbox.zalo import ZaloSandboxState, ZaloStoredMessage
from bot.sandbox.zalo import create_app as create_zalo_app
from bot.settings import load_settings
from bot.webhook import create_webhook_app
from scheduler.clock import FakeClock, SystemClock
from storage.db import Database, current_revision, head_revision, upgrade
from storage.directory import bind_chat
from storage.models import SharedFile
from tests.bot.live_sandbox import free_port
from tests.conftest import DIRECTORY_CSV, local
from tests.storage.test_reports import seed_report_data

BASE = "https://nhacviec.tinhuy.example.gov.vn"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
async def webhook_zalo(db_url: str) -> AsyncIterator[Harness]:
    """The leader on Zalo, the bot in webhook mode: its Zalo channel publishes files under BASE."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 2, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    assert h.db is not None and h.conversation is not None and h.zalo_api is not None
    seed_report_data(h.db)
    h.conversation.add_channel(ZaloChannel(h.zalo_api, FileLinks(h.db, h.clock, BASE, dt.timedelta(hours=72))))
    yield h
    await h.stop()


def web(db: Database, clock: FakeClock) -> httpx.AsyncClient:
    """The webhook's real ASGI app (as `nhacviec run` builds it), called at the public address."""
    app = create_webhook_app(secret="s3cret-s3cret", files=file_routes(db, clock))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE)


async def ask(h: Harness, handle: str, said: str) -> tuple[list[Sent], list[ZaloStoredMessage]]:
    before, stored = len(h.sent), len(h.zalo.messages)
    await h.say(handle, said, "zalo")
    return [s for s in h.sent[before:] if s.to == handle], [m for m in h.zalo.messages[stored:] if m.from_bot]


def link_in(message: str, base: str = BASE) -> str:
    start = message.index(base)
    return message[start:].split()[0]


async def call_sandbox(state: ZaloSandboxState, method: str, **params: object) -> tuple[int, dict[str, object]]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_zalo_app(state)),
                                 base_url="http://zalo-sandbox") as client:
        response = await client.post(f"/bot{state.token}/{method}", json=params)
    return response.status_code, response.json()


def shared_count(db: Database) -> int:
    return db.call(lambda s: s.scalar(select(func.count()).select_from(SharedFile)) or 0)


async def test_a_leader_on_zalo_gets_the_chart_by_url_and_the_excel_as_a_link(webhook_zalo: Harness) -> None:
    h = webhook_zalo
    assert h.db is not None
    async with web(h.db, h.clock) as zalo_servers:  # Zalo downloads the photo's URL as it sends it

        async def download(url: str) -> tuple[int, str, bytes]:
            got = await zalo_servers.get(url)
            return got.status_code, got.headers["content-type"], got.content

        h.zalo.photo_fetcher = download
        sent, stored = await ask(h, "leader", "/tonghop 45/TB-UBND")
    assert [s.channel for s in sent] == ["zalo"] * 3
    report, photo, excel = stored
    assert (report.text or "").startswith("TỔNG HỢP TÌNH HÌNH") and texts.NO_FILES_HERE not in (report.text or "")
    assert all(texts.NO_FILES_HERE != m.text for m in stored)

    assert photo.photo_url is not None and photo.caption == texts.CHART_CAPTION, "sendPhoto with the chart's URL"
    assert photo.photo_url.startswith(f"{BASE}{FILES_PATH}/")
    assert photo.photo_url.endswith("/" + report_filename(dt.date(2026, 4, 2), "png"))
    line = excel.text or ""
    assert line.startswith(texts.REPORT_FILE_CAPTION + "\nTải bảng Excel: " + BASE)
    assert line.endswith("(liên kết dùng được đến 09:00 ngày 05/04/2026)."), line  # 72 hours, local time
    xlsx_url = link_in(line).rstrip(".")
    assert xlsx_url.endswith("/tong-hop-nhiem-vu-2026-04-02.xlsx")
    token = urlsplit(xlsx_url).path.split("/")[2]
    assert len(token) >= 43 and token != urlsplit(photo.photo_url).path.split("/")[2], "256-bit tokens, one a file"

    async with web(h.db, h.clock) as client:
        chart = await client.get(photo.photo_url)
        workbook = await client.get(xlsx_url)
    assert chart.status_code == 200 and chart.headers["content-type"] == "image/png"
    assert chart.content.startswith(PNG_MAGIC) and photo.photo_data == chart.content
    assert chart.headers["content-disposition"].startswith("inline; ")
    assert workbook.status_code == 200 and workbook.headers["content-type"] == XLSX
    assert workbook.headers["content-disposition"] == (
        'attachment; filename="tong-hop-nhiem-vu-2026-04-02.xlsx"; '
        "filename*=UTF-8''tong-hop-nhiem-vu-2026-04-02.xlsx")
    assert workbook.headers["cache-control"] == "private, no-store"
    # the workbook the conversation built, as Telegram gets it (test_report_chat: the same question, the same rows)
    detail = load_workbook(io.BytesIO(workbook.content))["Chi tiết"]
    assert detail.max_row == 4 + 6 and detail["A2"].value == "Phạm vi: văn bản số 45/TB-UBND"
    # and the bytes served are the bytes kept, for both files
    kept = h.db.call(lambda s: sorted(bytes(d) for d in s.scalars(select(SharedFile.data))))
    assert kept == sorted([chart.content, workbook.content])


async def test_the_bytes_sent_are_the_bytes_fetched_and_another_worker_serves_them(db_url: str) -> None:
    """One worker publishes (Zalo's sendPhoto and the link line); another, on the same database, serves the link."""
    from bot.channels.zalo_api import ZaloBotApi
    from bot.sandbox import zalo as zalo_sandbox

    upgrade(db_url)
    clock = FakeClock(local(2026, 4, 2, 16, 30))
    writer, reader = Database(db_url), Database(db_url)
    state = zalo_sandbox.ZaloSandboxState(clock=clock)
    state.add_user("z1", "Lãnh đạo")
    api = ZaloBotApi(state.token, base_url="http://zalo-sandbox",
                     transport=httpx.ASGITransport(app=zalo_sandbox.create_app(state)))
    channel = ZaloChannel(api, FileLinks(writer, clock, BASE + "/", dt.timedelta(hours=24)))
    assert channel.capabilities.documents_out and not ZALO_CAPABILITIES.documents_out
    data = summary_workbook([], [], dt.date(2026, 4, 2))
    png = PNG_MAGIC + bytes(range(256)) * 4
    name = "Tổng hợp nhiệm vụ tháng 3 – Sở Y tế.xlsx"
    try:
        await channel.send_document("z1", Document(data=data, filename=name, caption=""))
        await channel.send_picture("z1", Document(data=png, filename="biểu-đồ.png", caption="Biểu đồ"))
        line, photo = state.bot_messages("z1")
        assert (line.text or "").startswith("Tải bảng Excel: " + BASE + FILES_PATH + "/")
        assert "(liên kết dùng được đến 16:30 ngày 03/04/2026)." in (line.text or "")
        url = link_in(line.text or "").removesuffix(".")
        assert "//files" not in url and unquote(urlsplit(url).path).endswith("/" + name)
        assert photo.photo_url is not None and photo.caption == "Biểu đồ"
        async with web(reader, clock) as client:
            got = await client.get(url)
            picture = await client.get(photo.photo_url)
            head = await client.head(url)
        assert got.status_code == 200 and got.content == data and got.headers["content-type"] == XLSX
        assert got.headers["content-disposition"] == (
            'attachment; filename="Tong hop nhiem vu thang 3 _ So Y te.xlsx"; '
            "filename*=UTF-8''T%E1%BB%95ng%20h%E1%BB%A3p%20nhi%E1%BB%87m%20v%E1%BB%A5%20th%C3%A1ng%203%20%E2%80%93%20"
            "S%E1%BB%9F%20Y%20t%E1%BA%BF.xlsx")
        assert picture.status_code == 200 and picture.content == png
        assert head.status_code == 200 and head.content == b""
        # the same file sent again to the same chat (a send tried again after a 5xx): the same link, no new row
        before = shared_count(writer)
        await channel.send_picture("z1", Document(data=png, filename="biểu-đồ.png", caption="Biểu đồ"))
        assert state.bot_messages("z1")[-1].photo_url == photo.photo_url and shared_count(writer) == before
        clock.set(clock.now() + dt.timedelta(hours=13))  # past half its life: a fresh link
        await channel.send_picture("z1", Document(data=png, filename="biểu-đồ.png", caption="Biểu đồ"))
        assert state.bot_messages("z1")[-1].photo_url != photo.photo_url and shared_count(writer) == before + 1
    finally:
        await api.aclose()
        writer.dispose()
        reader.dispose()


async def test_expired_unknown_or_misnamed_links_are_a_vietnamese_404_and_expired_files_are_removed(
        migrated_db: Database) -> None:
    db = migrated_db
    clock = FakeClock(local(2026, 4, 2, 9, 0))
    links = FileLinks(db, clock, BASE, dt.timedelta(hours=1))
    old = await links.publish("tong-hop.xlsx", b"old workbook")
    token = urlsplit(old.url).path.split("/")[2]
    async with web(db, clock) as client:
        assert (await client.get(old.url)).content == b"old workbook"
        assert (await client.get(old.url.replace("tong-hop.xlsx", "khac.xlsx"))).status_code == 404
        unknown = await client.get(f"{FILES_PATH}/{'x' * len(token)}/tong-hop.xlsx")
        assert unknown.status_code == 404
        clock.set(old.expires_at)  # the hour is over
        expired = await client.get(old.url)
    for page in (unknown, expired):
        assert page.status_code == 404 and page.headers["content-type"] == "text/html; charset=utf-8"
        assert "Liên kết tải tệp này đã hết hạn hoặc không đúng" in page.text and "old workbook" not in page.text
    assert shared_count(db) == 1, "an expired file waits for the next publish"
    # Zalo's servers meet the same page: sendPhoto with an expired link is refused, not shown as a broken picture
    state = ZaloSandboxState(clock=clock)
    state.add_user("z1", "Lãnh đạo")
    async with web(db, clock) as client:

        async def download(url: str) -> tuple[int, str, bytes]:
            got = await client.get(url)
            return got.status_code, got.headers["content-type"], got.content

        state.photo_fetcher = download
        status, body = await call_sandbox(state, "sendPhoto", chat_id="z1", photo=old.url)
    assert status == 400 and "photo could not be downloaded (HTTP 404)" in body["description"]
    fresh = await links.publish("tong-hop.xlsx", b"new workbook")
    assert shared_count(db) == 1 and fresh.url != old.url, "publishing cleared the expired file"
    assert db.call(lambda s: s.scalar(select(SharedFile.token_hash))) != urlsplit(fresh.url).path.split("/")[2], \
        "only the token's hash is kept"


def test_the_ascii_fallback_name_and_the_rfc_5987_name() -> None:
    assert ascii_filename("Biểu đồ Đảng ủy \"x\".png") == "Bieu do Dang uy _x_.png"
    assert content_disposition("đ.png", inline=True) == "inline; filename=\"d.png\"; filename*=UTF-8''%C4%91.png"


def test_the_link_lifetime_is_a_setting() -> None:
    assert load_settings({}, env_file=None).file_link_hours == 72
    assert load_settings({"NHACVIEC_FILE_LINK_HOURS": "24"}, env_file=None).file_link_hours == 24


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_migration_0025_runs_again_over_a_database_that_has_the_table(db_url: str) -> None:
    upgrade(db_url)
    db = Database(db_url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0024'"))
    finally:
        db.dispose()
    assert upgrade(db_url)
    assert current_revision(db_url) == head_revision()


async def test_without_a_public_address_zalo_keeps_the_text_and_says_where_the_files_are(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 2, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        assert h.db is not None
        seed_report_data(h.db)
        sent, stored = await ask(h, "leader", "/tonghop")
        assert [m.photo_url for m in stored] == [None]  # the text and the files line: one message (probe 39, #6)
        assert (sent[-1].text or "").endswith(texts.FILES_ON_REQUEST_NO_FILES), "a leader: no set-up words"
        assert shared_count(h.db) == 0
    finally:
        await h.stop()


def test_nhacviec_run_in_webhook_mode_serves_the_zalo_report_files_it_links(tmp_path: Path) -> None:
    """The real `nhacviec run` (uvicorn, Zalo alone): a leader's /tonghop on Zalo brings the chart as sendPhoto(URL)
    and the workbook's link, both under the public address; the process serves them at /files/…"""
    from tests.bot.test_webhook import PUBLIC, _healthy, _run_env, on, served, wait_for

    zalo = ZaloSandboxState(clock=SystemClock())
    zalo.add_user("z777", "Huỳnh Lãnh Đạo")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = _run_env(tmp_path, port)
    upgrade(env["DATABASE_URL"])
    db = Database(env["DATABASE_URL"])
    try:
        seed_report_data(db)
        db.call(bind_chat, handle="leader", channel="zalo", chat_id="z777")
    finally:
        db.dispose()
    with served(create_zalo_app(zalo)) as (z_port, z_loop):
        env.update(ZALO_BOT_TOKEN=zalo.token, ZALO_BASE_URL=f"http://127.0.0.1:{z_port}")
        bot = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            wait_for(lambda: bool(zalo.webhook_url) and _healthy(base), bot, "the Zalo webhook is set")
            on(z_loop, lambda: zalo.enqueue(zalo.user_text("z777", "/tonghop")))
            [delivery] = on(z_loop, zalo.take_webhook_deliveries)
            assert httpx.post(f"{base}/zalo", content=delivery.body, headers=delivery.headers,
                              timeout=60).status_code == 200
            messages = zalo.bot_messages("z777")
            [photo] = [m for m in messages if m.photo_url]
            [line] = [m.text for m in messages if m.text and "Tải bảng Excel: " in m.text]
            links = [photo.photo_url or "", link_in(line, PUBLIC).removesuffix(".")]
            assert all(link.startswith(PUBLIC + FILES_PATH + "/") for link in links), links
            chart, workbook = (httpx.get(base + link.removeprefix(PUBLIC), timeout=30) for link in links)
            gone = httpx.get(f"{base}{FILES_PATH}/{'x' * 43}/tong-hop.xlsx", timeout=30)
        finally:
            bot.send_signal(signal.SIGTERM)
            output = bot.communicate(timeout=60)[0].decode()
    assert bot.returncode == 0, output
    assert chart.status_code == 200 and chart.content.startswith(PNG_MAGIC)
    assert workbook.status_code == 200 and workbook.headers["content-type"] == XLSX
    assert load_workbook(io.BytesIO(workbook.content))["Chi tiết"].max_row > 4
    assert gone.status_code == 404 and "Liên kết không còn dùng được" in gone.text
    assert "Traceback" not in output, output
