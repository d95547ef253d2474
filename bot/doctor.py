"""`nhacviec doctor`: what an operator checks before (re)starting the bot, one Vietnamese
line per check with what to do when it fails. Each channel's token that is set (Telegram, Zalo — one is
enough) is checked with getMe against its configured base URL; the clock is compared with the Bot API
server's Date header."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx

from bot.settings import Settings
from scheduler.clock import Clock
from storage.errors import NhacViecError

log = logging.getLogger(__name__)

MAX_SKEW = dt.timedelta(seconds=60)
HTTP_TIMEOUT = 15.0


@dataclass(frozen=True, kw_only=True)
class Check:
    ok: bool
    text: str

    def line(self) -> str:
        return f"{'✓' if self.ok else '✗'} {self.text}"


@dataclass(frozen=True, kw_only=True)
class _TokenResult:
    check: Check
    server_time: dt.datetime | None


def run_checks(settings: Settings, *, clock: Clock, tesseract: str = "tesseract") -> list[Check]:
    """One line per check: each channel's token that is set (Telegram, Zalo; one of them is enough), the database,
    its migrations, Tesseract, the clock, the leaders, the webhook."""
    tokens: list[_TokenResult] = []
    if settings.telegram_bot_token is not None or settings.zalo_bot_token is None:
        tokens.append(check_token(settings))
    if settings.zalo_bot_token is not None:
        tokens.append(check_zalo_token(settings))
    telegram_ok = settings.telegram_bot_token is not None and tokens[0].check.ok
    server_time = next((t.server_time for t in tokens if t.server_time is not None), None)
    database = check_database(settings.database_url)
    migrations = check_migrations(settings.database_url, reachable=database.ok)
    leaders = check_leaders(settings.database_url) if migrations.ok else None
    return [*(t.check for t in tokens), database, migrations, check_tesseract(tesseract),
            check_clock(settings.timezone, clock=clock, server_time=server_time),
            *([leaders] if leaders is not None else []), check_webhook(settings, token_ok=telegram_ok)]


def check_leaders(url: str) -> Check | None:
    """A directory with people and no leader: the weekly summaries and the escalations reach nobody (None: no
    directory yet, or a leader in it — nothing to say)."""
    from sqlalchemy import func, select
    from sqlalchemy.exc import SQLAlchemyError

    from storage.db import Database
    from storage.models import Person, Role

    db = Database(url)
    try:
        people, leaders = db.call(lambda s: (
            s.scalar(select(func.count()).select_from(Person).where(Person.role != Role.LEFT)),
            s.scalar(select(func.count()).select_from(Person).where(Person.role == Role.LEADER))))
    except SQLAlchemyError as exc:
        log.warning("leader check failed: %s", exc)
        return None
    finally:
        db.dispose()
    if not people or leaders:
        return None
    return Check(ok=False, text="Danh bạ không có lãnh đạo nào: báo cáo tuần và nhiệm vụ quá hạn cần chỉ đạo không "
                                "có người nhận. Đồng chí ghi vai trò “lãnh đạo” cho lãnh đạo trong tệp danh bạ rồi "
                                "nhập lại (nhacviec directory import <tệp>).")


def check_token(settings: Settings) -> _TokenResult:
    """The Telegram token, with getMe (or, with neither token set: what to set)."""
    if settings.telegram_bot_token is None:
        return _TokenResult(check=Check(ok=False, text="Chưa có TELEGRAM_BOT_TOKEN hoặc ZALO_BOT_TOKEN: đồng chí "
                                                       "điền mã bot Telegram (do @BotFather cấp) hoặc mã bot Zalo "
                                                       "(Zalo Bot Manager cấp) vào tệp .env (xem .env.example)."),
                            server_time=None)
    base, secret = settings.telegram_base_url, settings.telegram_bot_token.get_secret_value()
    return _get_me(lambda: httpx.get(f"{base}{secret}/getMe", timeout=HTTP_TIMEOUT),
                   host=urlsplit(base).netloc or base, channel="Bot API", token="TELEGRAM_BOT_TOKEN",
                   base_url="TELEGRAM_BASE_URL", issuer="do @BotFather cấp",
                   valid=lambda result: f"Mã bot hợp lệ: @{result.get('username', '?')}")


def check_zalo_token(settings: Settings) -> _TokenResult:
    """The Zalo token, with getMe against ZALO_BASE_URL, as the Telegram one."""
    assert settings.zalo_bot_token is not None
    base, secret = settings.zalo_base_url.rstrip("/"), settings.zalo_bot_token.get_secret_value()
    return _get_me(lambda: httpx.post(f"{base}/bot{secret}/getMe", json={}, timeout=HTTP_TIMEOUT),
                   host=urlsplit(base).netloc or base, channel="Zalo Bot API", token="ZALO_BOT_TOKEN",
                   base_url="ZALO_BASE_URL", issuer="của bot trong Zalo Bot Manager",
                   valid=lambda result: f"Mã bot Zalo hợp lệ: {result.get('account_name', '?')}")


def _get_me(request: Callable[[], httpx.Response], *, host: str, channel: str, token: str, base_url: str,
            issuer: str, valid: Callable[[dict[str, Any]], str]) -> _TokenResult:
    """A channel's getMe, said in Vietnamese: valid (`valid` names the bot), refused, unreachable or odd. Both Bot
    APIs answer {"ok": true, "result": {...}}; Zalo gives its refusals in `error_code` with HTTP 200."""
    try:
        response = request()
    except httpx.HTTPError as exc:
        log.warning("getMe failed (%s): %s", channel, type(exc).__name__)  # the exception text carries the token
        return _TokenResult(check=Check(ok=False, text=f"Không kết nối được máy chủ {channel} ({host}): đồng chí "
                                                       f"kiểm tra mạng, tường lửa, proxy và {base_url}."),
                            server_time=None)
    server_time = _date_header(response)
    body = _json(response)
    if response.status_code == 200 and body.get("ok"):
        result = body.get("result")
        return _TokenResult(check=Check(ok=True, text=f"{valid(result if isinstance(result, dict) else {})} "
                                                      f"(máy chủ {host})."),
                            server_time=server_time)
    code = body.get("error_code") if isinstance(body.get("error_code"), int) else response.status_code
    if code in (401, 404):
        text = (f"Máy chủ {host} từ chối {token} (mã lỗi {code}): mã sai hoặc đã bị thu hồi, hoặc {base_url} sai. "
                f"Đồng chí kiểm tra lại mã {issuer}.")
    else:
        text = f"Máy chủ {host} trả lời bất thường (mã {code}) khi kiểm tra mã bot: đồng chí thử lại sau ít phút."
    return _TokenResult(check=Check(ok=False, text=text), server_time=server_time)


WEBHOOK_PORTS = (443, 80, 88, 8443)  # the only ports Telegram delivers webhooks to
SECRET_RX = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as secret_token
ZALO_SECRET_MIN = 8  # Zalo's setWebhook wants a secret_token of 8 to 256 characters


def check_webhook(settings: Settings, *, token_ok: bool) -> Check:
    """How updates will arrive: long polling, or a webhook whose address Telegram will accept, with a
    secret; and, when the token works, what Telegram says of the webhook it has now (its last error)."""
    url = settings.webhook_url
    info = _webhook_info(settings) if token_ok else {}
    current = str(info.get("url") or "")
    if not url:
        extra = (f" Telegram đang giữ webhook {current}: bot sẽ xóa khi khởi động để nhận tin bằng long polling."
                 if current else "")
        return Check(ok=True, text="Nhận tin bằng long polling (không dùng webhook)." + extra)
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return Check(ok=False, text=f"NHACVIEC_WEBHOOK_URL “{url}” phải là địa chỉ https:// có tên miền hoặc IP "
                                    "(Telegram chỉ gửi tới HTTPS).")
    port = parts.port or 443
    telegram = settings.telegram_bot_token is not None or settings.zalo_bot_token is None
    if telegram and port not in WEBHOOK_PORTS:
        return Check(ok=False, text=f"NHACVIEC_WEBHOOK_URL dùng cổng {port}: Telegram chỉ gửi webhook tới cổng "
                                    "443, 80, 88 hoặc 8443.")
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    if not secret:
        return Check(ok=False, text="Chưa có NHACVIEC_WEBHOOK_SECRET: đồng chí đặt một chuỗi bí mật (chữ, số, “_”, "
                                    "“-”) để bot chỉ nhận tin thật từ Telegram.")
    if not SECRET_RX.fullmatch(secret):
        return Check(ok=False, text="NHACVIEC_WEBHOOK_SECRET chỉ được gồm chữ cái không dấu, chữ số, “_” và “-” "
                                    "(tối đa 256 ký tự).")
    if settings.zalo_bot_token is not None and len(secret) < ZALO_SECRET_MIN:
        return Check(ok=False, text=f"NHACVIEC_WEBHOOK_SECRET cần ít nhất {ZALO_SECRET_MIN} ký tự: Zalo không nhận "
                                    "chuỗi bí mật ngắn hơn.")
    error = str(info.get("last_error_message") or "")
    if current == url and error:
        when = info.get("last_error_date")
        at = (dt.datetime.fromtimestamp(when, dt.UTC).astimezone(_zone(settings.timezone)).strftime("%H:%M %d/%m/%Y")
              if isinstance(when, int) else "gần đây")
        return Check(ok=False, text=f"Telegram báo lỗi khi gửi tới webhook {url} (lúc {at}): “{error}”. Đồng chí "
                                    "kiểm tra chứng chỉ HTTPS, tường lửa và cổng "
                                    f"{settings.webhook_port} của máy chủ.")
    pending = info.get("pending_update_count")
    waiting = f"; {pending} tin đang chờ" if isinstance(pending, int) and pending else ""
    state = "đã đăng ký với Telegram" if current == url else "sẽ được đăng ký khi bot khởi động"
    return Check(ok=True, text=f"Webhook {url}: {state}{waiting}; bot lắng nghe ở "
                               f"{settings.webhook_listen}:{settings.webhook_port}.")


def _webhook_info(settings: Settings) -> dict[str, object]:
    assert settings.telegram_bot_token is not None
    url = f"{settings.telegram_base_url}{settings.telegram_bot_token.get_secret_value()}/getWebhookInfo"
    try:
        result = _json(httpx.get(url, timeout=HTTP_TIMEOUT)).get("result")
    except httpx.HTTPError as exc:
        log.warning("getWebhookInfo failed: %s", type(exc).__name__)
        return {}
    return result if isinstance(result, dict) else {}


def _zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _json(response: httpx.Response) -> dict[str, object]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _date_header(response: httpx.Response) -> dt.datetime | None:
    value = response.headers.get("date")
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).astimezone(dt.UTC)
    except (TypeError, ValueError):
        return None


def check_database(url: str) -> Check:
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from storage.backup import describe
    from storage.db import Database, backend_of, sqlite_path

    try:
        where = describe(url)
        path = sqlite_path(url)
        if backend_of(url) == "sqlite" and path is not None and not path.is_file():
            return Check(ok=False, text=f"Chưa có tệp cơ sở dữ liệu {path}: đồng chí chạy “nhacviec db upgrade” "
                                        "(hoặc kiểm tra DATABASE_URL).")
        db = Database(url)
    except NhacViecError as exc:
        return Check(ok=False, text=exc.user_message)
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        log.warning("database check failed: %s", exc)
        return Check(ok=False, text=f"Không kết nối được cơ sở dữ liệu ({where}): đồng chí kiểm tra DATABASE_URL, "
                                    "mật khẩu và máy chủ PostgreSQL đã chạy.")
    finally:
        db.dispose()
    return Check(ok=True, text=f"Kết nối được cơ sở dữ liệu ({where}).")


def check_migrations(url: str, *, reachable: bool) -> Check:
    if not reachable:
        return Check(ok=False, text="Chưa kiểm tra được phiên bản cơ sở dữ liệu vì chưa kết nối được; đồng chí xử "
                                    "lý lỗi cơ sở dữ liệu ở trên trước.")
    from sqlalchemy.exc import SQLAlchemyError

    from storage.db import current_revision, head_revision

    head = head_revision()
    try:
        current = current_revision(url)
    except SQLAlchemyError as exc:
        log.warning("revision check failed: %s", exc)
        current = None
    if current == head:
        return Check(ok=True, text=f"Cơ sở dữ liệu ở phiên bản mới nhất ({head}).")
    return Check(ok=False, text=f"Cơ sở dữ liệu chưa ở phiên bản mới nhất (đang ở {current or 'trống'}, cần {head}): "
                                "đồng chí chạy “nhacviec db upgrade”.")


def check_tesseract(command: str = "tesseract") -> Check:
    install = "apt-get install tesseract-ocr tesseract-ocr-vie (ảnh Docker đã có sẵn)"
    path = shutil.which(command)
    if path is None:
        return Check(ok=False, text=f"Chưa cài Tesseract nên chưa đọc được văn bản scan: đồng chí cài bằng {install}.")
    try:
        langs = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
        version = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("tesseract check failed: %r", exc)
        return Check(ok=False, text=f"Không chạy được Tesseract ({path}): đồng chí cài lại bằng {install}.")
    if "vie" not in (langs.stdout + langs.stderr).split():
        return Check(ok=False, text="Tesseract chưa có dữ liệu tiếng Việt: đồng chí cài gói tesseract-ocr-vie.")
    first = (version.stdout or version.stderr).strip().splitlines()
    return Check(ok=True, text=f"Tesseract có dữ liệu tiếng Việt ({first[0] if first else path}).")


def check_clock(timezone: str, *, clock: Clock, server_time: dt.datetime | None) -> Check:
    try:
        tz = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return Check(ok=False, text=f"Múi giờ NHACVIEC_TIMEZONE “{timezone}” không tồn tại: đồng chí dùng "
                                    "Asia/Ho_Chi_Minh (và cài gói tzdata nếu thiếu).")
    now = clock.now()
    local = f"{now.astimezone(tz):%H:%M %d/%m/%Y} ({timezone})"
    if server_time is None:
        return Check(ok=True, text=f"Giờ hệ thống: {local}; chưa so được với máy chủ Bot API.")
    skew = now - server_time
    seconds = round(abs(skew.total_seconds()))
    if abs(skew) > MAX_SKEW:
        way = "nhanh" if skew > dt.timedelta(0) else "chậm"
        return Check(ok=False, text=f"Đồng hồ máy {way} {seconds} giây so với máy chủ Bot API (giờ máy: {local}): "
                                    "đồng chí bật đồng bộ giờ, ví dụ “timedatectl set-ntp true”.")
    return Check(ok=True, text=f"Giờ hệ thống: {local}, lệch {seconds} giây so với máy chủ Bot API.")
