"""`nhacviec doctor` against the Bot API sandbox over loopback and real databases."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot.doctor import check_clock, check_tesseract, run_checks
from bot.settings import load_settings
from scheduler.clock import FakeClock, SystemClock
from storage.db import upgrade
from tests.bot.live_sandbox import live_sandbox
from tests.conftest import DIRECTORY_CSV
from tests.pg import PgServer


def _env(token: str, base_url: str, db: str) -> dict[str, str]:
    return {**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_BASE_URL": base_url, "DATABASE_URL": db}


def test_doctor_accepts_a_good_installation_and_says_what_is_wrong(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/ok.db"
    upgrade(db)
    has_tesseract = check_tesseract().ok
    with live_sandbox() as sandbox:
        good = subprocess.run([sys.executable, "-m", "bot.cli", "doctor"], capture_output=True, text=True,
                              cwd=tmp_path, env=_env(sandbox.state.token, sandbox.base_url, db), timeout=120)
        lines = good.stdout.splitlines()
        assert lines[0] == f"✓ Mã bot hợp lệ: @nhacviec_bot (máy chủ 127.0.0.1:{sandbox.port})."
        assert lines[1].startswith("✓ Kết nối được cơ sở dữ liệu (SQLite ")
        assert lines[2].startswith("✓ Cơ sở dữ liệu ở phiên bản mới nhất")
        assert lines[3].startswith("✓ Tesseract có dữ liệu tiếng Việt") == has_tesseract
        assert lines[4].startswith("✓ Giờ hệ thống: ") and "so với máy chủ Bot API" in lines[4]
        assert good.returncode == (0 if has_tesseract else 1)

        missing = tmp_path / "missing.db"
        bad = subprocess.run([sys.executable, "-m", "bot.cli", "doctor"], capture_output=True, text=True,
                             cwd=tmp_path, env=_env("999:WRONG-TOKEN-VALUE", sandbox.base_url, f"sqlite:///{missing}"),
                             timeout=120)
        assert bad.returncode == 1
        lines = bad.stdout.splitlines()
        assert lines[0].startswith(f"✗ Máy chủ 127.0.0.1:{sandbox.port} từ chối TELEGRAM_BOT_TOKEN (mã lỗi 401)")
        assert lines[1] == f"✗ Chưa có tệp cơ sở dữ liệu {missing}: đồng chí chạy “nhacviec db upgrade” " \
                           "(hoặc kiểm tra DATABASE_URL)."
        assert lines[2].startswith("✗ Chưa kiểm tra được phiên bản cơ sở dữ liệu")
        assert lines[-1] == ("3 kiểm tra chưa đạt; đồng chí xử lý theo hướng dẫn ở trên." if has_tesseract
                             else "4 kiểm tra chưa đạt; đồng chí xử lý theo hướng dẫn ở trên.")
        assert "WRONG-TOKEN-VALUE" not in bad.stdout + bad.stderr
        assert not missing.exists(), "the doctor must not create a database"

        # a valid token against a wrong base URL: 404
        wrong_base = f"http://127.0.0.1:{sandbox.port}/wrong/bot"
        settings = load_settings(environ=_env(sandbox.state.token, wrong_base, db), env_file=None)
        checks = run_checks(settings, clock=SystemClock(), tesseract="/nonexistent/tesseract")
        assert checks[0].line().startswith(f"✗ Máy chủ 127.0.0.1:{sandbox.port} từ chối TELEGRAM_BOT_TOKEN "
                                           "(mã lỗi 404)")
        assert checks[3].line().startswith("✗ Chưa cài Tesseract")


def test_doctor_finds_an_old_schema_and_a_postgresql_server_that_is_down(tmp_path: Path, db_url: str) -> None:
    settings = load_settings(environ={"DATABASE_URL": db_url}, env_file=None)
    if db_url.startswith("sqlite"):
        Path(db_url.removeprefix("sqlite:///")).touch()  # an empty file: never migrated
    checks = run_checks(settings, clock=SystemClock())
    assert checks[0].line().startswith("✗ Chưa có TELEGRAM_BOT_TOKEN hoặc ZALO_BOT_TOKEN")
    assert checks[1].ok
    assert checks[2].line().startswith("✗ Cơ sở dữ liệu chưa ở phiên bản mới nhất (đang ở trống, cần ")
    upgrade(db_url)
    assert run_checks(settings, clock=SystemClock())[2].ok
    down = load_settings(environ={"DATABASE_URL": "postgresql://nhacviec:pw@127.0.0.1:1/nhacviec"}, env_file=None)
    checks = run_checks(down, clock=SystemClock())
    assert checks[1].line() == ("✗ Không kết nối được cơ sở dữ liệu (PostgreSQL 127.0.0.1:1/nhacviec): đồng chí "
                                "kiểm tra DATABASE_URL, mật khẩu và máy chủ PostgreSQL đã chạy.")
    assert "pw" not in checks[1].text


def test_clock_and_time_zone_checks() -> None:
    server = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)
    fast = check_clock("Asia/Ho_Chi_Minh", clock=FakeClock(server + dt.timedelta(minutes=3)), server_time=server)
    assert fast.line() == ("✗ Đồng hồ máy nhanh 180 giây so với máy chủ Bot API (giờ máy: 08:03 02/03/2026 "
                           "(Asia/Ho_Chi_Minh)): đồng chí bật đồng bộ giờ, ví dụ “timedatectl set-ntp true”.")
    ok = check_clock("Asia/Ho_Chi_Minh", clock=FakeClock(server - dt.timedelta(seconds=2)), server_time=server)
    assert ok.line() == "✓ Giờ hệ thống: 07:59 02/03/2026 (Asia/Ho_Chi_Minh), lệch 2 giây so với máy chủ Bot API."
    bad = check_clock("Asia/Ha_Noi", clock=FakeClock(server), server_time=None)
    assert not bad.ok and "NHACVIEC_TIMEZONE “Asia/Ha_Noi” không tồn tại" in bad.text


def test_tesseract_without_vietnamese_data(tmp_path: Path) -> None:
    fake = tmp_path / "tesseract"
    fake.write_text("#!/bin/sh\necho 'List of available languages (1):'\necho eng\n", encoding="utf-8")
    fake.chmod(0o755)
    check = check_tesseract(str(fake))
    assert check.line() == "✗ Tesseract chưa có dữ liệu tiếng Việt: đồng chí cài gói tesseract-ocr-vie."
    assert shutil.which(str(fake))


def test_a_backup_taken_while_the_bot_runs_restores_to_a_database_the_doctor_accepts(
        db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if db_url.startswith("sqlite"):
        target = f"sqlite:///{tmp_path}/restored.db"
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        target = server.create_database(db_url.rsplit("/", 1)[1] + "_restored")
    with live_sandbox() as sandbox:
        env = {**_env(sandbox.state.token, sandbox.base_url, db_url), "NHACVIEC_ADMIN_IDS": "424242"}
        sandbox.state.add_user(424242, "Quản trị", "quantri")
        subprocess.run([sys.executable, "-m", "bot.cli", "directory", "import", str(DIRECTORY_CSV)], env=env,
                       check=True, capture_output=True, timeout=120)
        bot = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            while not sandbox.state.commands:  # set at start-up: the bot is polling
                assert bot.poll() is None, bot.communicate()[0].decode()
                threading.Event().wait(0.05)
            out = subprocess.run([sys.executable, "-m", "bot.cli", "backup", str(tmp_path / "live.backup")],
                                 env=env, capture_output=True, text=True, timeout=120)
            assert out.returncode == 0, out.stderr
            assert bot.poll() is None, "the bot keeps running during the backup"
        finally:
            bot.terminate()
            bot.communicate(timeout=30)
        out = subprocess.run([sys.executable, "-m", "bot.cli", "restore", str(tmp_path / "live.backup")],
                             env={**env, "DATABASE_URL": target}, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert ": 0 nhiệm vụ, 5 cán bộ." in out.stdout
        settings = load_settings(environ={**env, "DATABASE_URL": target}, env_file=None)
        checks = run_checks(settings, clock=SystemClock())
    assert [c.ok for c in checks] == [True, True, True, check_tesseract().ok, True, True], [c.line() for c in checks]


def test_doctor_checks_the_webhook_settings(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/ok.db"
    with live_sandbox() as sandbox:
        base = _env(sandbox.state.token, sandbox.base_url, db)

        def webhook_line(**extra: str) -> str:
            settings = load_settings(environ={**base, **extra}, env_file=None)
            return run_checks(settings, clock=SystemClock())[-1].line()

        assert webhook_line() == "✓ Nhận tin bằng long polling (không dùng webhook)."
        assert webhook_line(NHACVIEC_WEBHOOK_URL="http://bot.example.vn/tg").startswith(
            "✗ NHACVIEC_WEBHOOK_URL “http://bot.example.vn/tg” phải là địa chỉ https://")
        assert webhook_line(NHACVIEC_WEBHOOK_URL="https://bot.example.vn:8080/tg").startswith(
            "✗ NHACVIEC_WEBHOOK_URL dùng cổng 8080: Telegram chỉ gửi webhook tới cổng 443, 80, 88 hoặc 8443.")
        assert webhook_line(NHACVIEC_WEBHOOK_URL="https://bot.example.vn/tg").startswith(
            "✗ Chưa có NHACVIEC_WEBHOOK_SECRET")
        assert webhook_line(NHACVIEC_WEBHOOK_URL="https://bot.example.vn/tg",
                            NHACVIEC_WEBHOOK_SECRET="bí mật").startswith(
            "✗ NHACVIEC_WEBHOOK_SECRET chỉ được gồm chữ cái không dấu")
        good = {"NHACVIEC_WEBHOOK_URL": "https://bot.example.vn/tg", "NHACVIEC_WEBHOOK_SECRET": "s3cret_Value-1"}
        assert webhook_line(**good) == ("✓ Webhook https://bot.example.vn/tg: sẽ được đăng ký khi bot khởi động; "
                                        "bot lắng nghe ở 0.0.0.0:8080.")
        sandbox.state.webhook_url = "https://bot.example.vn/tg"
        assert webhook_line(**good).startswith("✓ Webhook https://bot.example.vn/tg: đã đăng ký với Telegram")
        assert webhook_line() == ("✓ Nhận tin bằng long polling (không dùng webhook). Telegram đang giữ webhook "
                                  "https://bot.example.vn/tg: bot sẽ xóa khi khởi động để nhận tin bằng long polling.")
        assert "s3cret_Value-1" not in webhook_line(**good)


def _zalo_env(token: str, base_url: str, db: str) -> dict[str, str]:
    env = {**os.environ, "ZALO_BOT_TOKEN": token, "ZALO_BASE_URL": base_url, "DATABASE_URL": db}
    for name in ("TELEGRAM_BOT_TOKEN", "NHACVIEC_WEBHOOK_URL", "NHACVIEC_WEBHOOK_SECRET"):
        env.pop(name, None)
    return env


def test_doctor_accepts_a_zalo_only_installation_and_checks_the_zalo_token(tmp_path: Path) -> None:
    """Either token is enough to run; the Zalo token is checked with getMe against ZALO_BASE_URL (the Zalo
    sandbox over loopback), and only a missing pair of tokens is a failure."""
    from bot.sandbox.zalo import ZaloSandboxState
    from bot.sandbox.zalo import create_app as create_zalo_app
    from tests.bot.live_sandbox import serving

    db = f"sqlite:///{tmp_path}/ok.db"
    upgrade(db)
    zalo = ZaloSandboxState(clock=SystemClock(), account_name="bot.NhacViecTinh")
    with serving(create_zalo_app(zalo)) as served:
        base = f"http://127.0.0.1:{served.port}"
        good = subprocess.run([sys.executable, "-m", "bot.cli", "doctor"], capture_output=True, text=True,
                              cwd=tmp_path, env=_zalo_env(zalo.token, base, db), timeout=120)
        lines = good.stdout.splitlines()
        assert lines[0] == f"✓ Mã bot Zalo hợp lệ: bot.NhacViecTinh (máy chủ 127.0.0.1:{served.port})."
        assert not any("TELEGRAM_BOT_TOKEN" in line for line in lines), good.stdout
        assert lines[4].startswith("✓ Giờ hệ thống: ") and "lệch" in lines[4]
        assert good.returncode == (0 if check_tesseract().ok else 1), good.stdout

        bad = subprocess.run([sys.executable, "-m", "bot.cli", "doctor"], capture_output=True, text=True,
                             cwd=tmp_path, env=_zalo_env("1:WRONG-ZALO-TOKEN", base, db), timeout=120)
        assert bad.returncode == 1
        assert bad.stdout.splitlines()[0] == (
            f"✗ Máy chủ 127.0.0.1:{served.port} từ chối ZALO_BOT_TOKEN (mã lỗi 401): mã sai hoặc đã bị thu hồi, "
            "hoặc ZALO_BASE_URL sai. Đồng chí kiểm tra lại mã của bot trong Zalo Bot Manager.")
        assert "WRONG-ZALO-TOKEN" not in bad.stdout + bad.stderr

        settings = load_settings(environ={**_zalo_env(zalo.token, base, db), "NHACVIEC_WEBHOOK_URL":
                                          "https://bot.example.vn:8080/hook", "NHACVIEC_WEBHOOK_SECRET": "short"},
                                 env_file=None)
        webhook = run_checks(settings, clock=SystemClock())[-1]
        assert webhook.line() == ("✗ NHACVIEC_WEBHOOK_SECRET cần ít nhất 8 ký tự: Zalo không nhận chuỗi bí mật "
                                  "ngắn hơn."), "Telegram's webhook ports do not bind a Zalo-only installation"

    both = load_settings(environ={**_zalo_env(zalo.token, "http://127.0.0.1:9", db), "TELEGRAM_BOT_TOKEN": "1:x",
                                  "TELEGRAM_BASE_URL": "http://127.0.0.1:9/bot"}, env_file=None)
    checks = run_checks(both, clock=SystemClock())
    assert checks[0].line().startswith("✗ Không kết nối được máy chủ Bot API (127.0.0.1:9)")
    assert checks[1].line() == ("✗ Không kết nối được máy chủ Zalo Bot API (127.0.0.1:9): đồng chí kiểm tra mạng, "
                                "tường lửa, proxy và ZALO_BASE_URL.")

    none = load_settings(environ={"DATABASE_URL": db}, env_file=None)
    assert run_checks(none, clock=SystemClock())[0].line().startswith(
        "✗ Chưa có TELEGRAM_BOT_TOKEN hoặc ZALO_BOT_TOKEN: đồng chí điền mã bot Telegram")


def test_doctor_prints_its_own_lines_only_unless_verbose(tmp_path: Path) -> None:
    """An unreachable server: the ✗ line says so once; the English log line only with -v."""
    db = f"sqlite:///{tmp_path}/ok.db"
    upgrade(db)
    env = {**_env("1:abcdef", "http://127.0.0.1:9/bot", db), "NHACVIEC_LOG_LEVEL": "INFO"}
    quiet = subprocess.run([sys.executable, "-m", "bot.cli", "doctor"], capture_output=True, text=True,
                           cwd=tmp_path, env=env, timeout=120)
    assert quiet.stdout.startswith("✗ Không kết nối được máy chủ Bot API (127.0.0.1:9)")
    assert quiet.stderr == "", quiet.stderr
    loud = subprocess.run([sys.executable, "-m", "bot.cli", "-v", "doctor"], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=120)
    assert "WARNING bot.doctor: getMe failed (Bot API): ConnectError" in loud.stderr
