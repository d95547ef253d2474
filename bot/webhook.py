"""Webhook mode: one ASGI app (Starlette, served by uvicorn) that receives Telegram's and
Zalo's calls instead of long polling them.

    POST /telegram   Telegram's updates, the `X-Telegram-Bot-Api-Secret-Token` header checked
    POST /zalo       Zalo's updates (bot.channels.zalo.webhook_app), its own secret header checked
    GET  /healthz    200 while the database answers, else 503 (for a proxy or a container healthcheck)
    GET  /files/<token>/<filename>   a report's chart or workbook at an expiring link (bot.file_links), for Zalo,
                     which takes a photo only by URL and no documents

Telegram's part is a callable handed in by bot/app.py (the only place that knows
python-telegram-bot's Application), so this module stays free of the `telegram` package.
An update is handled before the answer goes back: if the process dies while handling it,
Telegram and Zalo call again. Several processes may serve the same URL behind a proxy;
they share the database, and the dispatcher's leases keep their reminder ticks apart."""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import re
import socket
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from bot.settings import Settings

log = logging.getLogger(__name__)

TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
TELEGRAM_PATH = "/telegram"
ZALO_PATH = "/zalo"
HEALTH_PATH = "/healthz"
# Telegram allows 1–256 characters A–Z a–z 0–9 _ -; Zalo wants 8–256: one secret fits both.
SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{8,256}")
SECRET_HINT = ('python3 -c "import secrets; print(secrets.token_urlsafe(32))"')

TelegramFeed = Callable[[dict[str, Any]], Awaitable[bool]]  # False: the body is not an update
HealthCheck = Callable[[], Awaitable[None]]  # raises when the service is not healthy


@dataclass(frozen=True, kw_only=True)
class WebhookConfig:
    base_url: str  # without the trailing slash
    secret: str
    listen: str
    port: int

    @property
    def telegram_url(self) -> str:
        return self.base_url + TELEGRAM_PATH

    @property
    def zalo_url(self) -> str:
        return self.base_url + ZALO_PATH


class WebhookConfigInvalid(Exception):
    """Webhook settings that cannot work; `message` is the operator's Vietnamese line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CannotListen(Exception):
    def __init__(self, host: str, port: int, reason: str) -> None:
        super().__init__(f"cannot listen on {host}:{port}: {reason}")
        self.host, self.port, self.reason = host, port, reason


class WebhookRefused(Exception):
    """Telegram or Zalo refused setWebhook."""

    def __init__(self, channel: str, url: str, description: str) -> None:
        super().__init__(f"{channel} refused setWebhook({url}): {description}")
        self.channel, self.url, self.description = channel, url, description


def webhook_config(settings: Settings) -> WebhookConfig | None:
    """The webhook settings, checked; None for long polling (no NHACVIEC_WEBHOOK_URL)."""
    if not settings.webhook_url:
        return None
    url = settings.webhook_url.strip()
    if not re.fullmatch(r"https://[^\s/?#]+(/[^\s?#]*)?", url):
        raise WebhookConfigInvalid(
            f"NHACVIEC_WEBHOOK_URL phải là địa chỉ https:// công khai mà Telegram gọi tới được, không có dấu ? "
            f"hay # (đang là “{url}”). Đồng chí sửa lại, ví dụ https://nhacviec.tinhuy.gov.vn.")
    if settings.webhook_secret is None:
        raise WebhookConfigInvalid(
            "Chế độ webhook cần NHACVIEC_WEBHOOK_SECRET: một chuỗi ngẫu nhiên 8–256 ký tự (chữ không dấu, số, _ "
            f"hoặc -) để Telegram và Zalo ký mỗi lần gọi. Đồng chí tạo bằng lệnh: {SECRET_HINT}")
    secret = settings.webhook_secret.get_secret_value()
    if not SECRET_PATTERN.fullmatch(secret):
        raise WebhookConfigInvalid(
            f"NHACVIEC_WEBHOOK_SECRET không hợp lệ: cần 8–256 ký tự, chỉ gồm chữ không dấu, số, _ hoặc - (đang có "
            f"{len(secret)} ký tự). Đồng chí tạo chuỗi mới bằng lệnh: {SECRET_HINT}")
    return WebhookConfig(base_url=url.rstrip("/"), secret=secret, listen=settings.webhook_listen,
                         port=settings.webhook_port)


def secret_matches(given: str | None, expected: str) -> bool:
    """Whether a secret header matches, in constant time."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def create_webhook_app(*, secret: str, telegram: TelegramFeed | None = None, zalo: Starlette | None = None,
                       health: HealthCheck | None = None, channels: tuple[str, ...] = (),
                       files: Sequence[BaseRoute] = ()) -> Starlette:
    """The ASGI app: /telegram when `telegram` is given, Zalo's routes (its app built by
    bot.channels.zalo.webhook_app on ZALO_PATH) when `zalo` is, /healthz, and `files`
    (bot.file_links.file_routes: the published charts and workbooks)."""

    async def receive_telegram(request: Request) -> Response:
        assert telegram is not None
        if not secret_matches(request.headers.get(TELEGRAM_SECRET_HEADER), secret):
            log.warning("Telegram webhook call from %s with a wrong or missing secret refused",
                        request.client.host if request.client else "?")
            return JSONResponse({"ok": False}, status_code=403)
        try:
            body = json.loads(await request.body())
            if not isinstance(body, dict):
                raise ValueError("not a JSON object")
            handled = await telegram(body)
        except (ValueError, TypeError, KeyError) as exc:
            log.warning("Telegram webhook body not understood: %s", exc)
            return JSONResponse({"ok": False}, status_code=400)
        if not handled:
            log.warning("Telegram webhook body is not an update")
            return JSONResponse({"ok": False}, status_code=400)
        return JSONResponse({"ok": True})

    async def healthz(request: Request) -> Response:
        if health is not None:
            try:
                await health()
            except Exception as exc:  # whatever it is, the service is not healthy: say so, keep serving
                log.warning("health check failed: %s", exc.__class__.__name__)
                return JSONResponse({"ok": False, "error": exc.__class__.__name__}, status_code=503)
        return JSONResponse({"ok": True, "channels": list(channels)})

    routes: list[BaseRoute] = [Route(HEALTH_PATH, healthz, methods=["GET"])]
    if telegram is not None:
        routes.append(Route(TELEGRAM_PATH, receive_telegram, methods=["POST"]))
    if zalo is not None:
        routes.extend(zalo.routes)
    routes.extend(files)
    return Starlette(routes=routes)


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, opened before anything asks Telegram to call it."""
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        sock = socket.socket(family, kind, proto)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(address)
            sock.listen(128)
        except OSError:
            sock.close()
            raise
    except OSError as exc:
        raise CannotListen(host, port, exc.strerror or str(exc)) from None
    sock.setblocking(False)
    return sock


class WebhookServer(uvicorn.Server):
    """uvicorn, without its own signal handling: `nhacviec run` owns SIGINT/SIGTERM and stops
    the bot in order (server, then the channels, then the database)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def make_server(app: Starlette, *, debug: bool) -> WebhookServer:
    config = uvicorn.Config(app, lifespan="off", log_config=None, access_log=debug,
                            log_level=logging.DEBUG if debug else logging.WARNING, timeout_graceful_shutdown=20)
    return WebhookServer(config)
