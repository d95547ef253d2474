"""Generated files (a report's chart, its Excel workbook) at an unguessable, expiring link under the webhook's
public address, for a channel that takes files only by URL (Zalo sends a photo by URL and no documents at all).

    GET /files/<token>/<filename>   the file, while the link lasts; else 404 with a short Vietnamese page

The token is `secrets.token_urlsafe(32)` (256 bits); the database keeps the file, its name and only the token's
hash (storage.sharedfiles), so any worker behind the proxy serves a link another wrote. Channel-neutral: the Zalo
adapter publishes, bot/webhook.py mounts the route."""

from __future__ import annotations

import datetime as dt
import html
import logging
import mimetypes
import secrets
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from scheduler.clock import Clock
from storage.db import Database
from storage.sharedfiles import share_file, shared_file
from storage.vntext import strip_marks

log = logging.getLogger(__name__)

FILES_PATH = "/files"
DEFAULT_LIFETIME = dt.timedelta(hours=72)
TOKEN_BYTES = 32
CONTENT_TYPES = {
    ".png": "image/png",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv; charset=utf-8",
    ".pdf": "application/pdf",
}
INLINE_TYPES = ("image/",)  # shown in the browser (and fetched by Zalo for sendPhoto); anything else is downloaded
GONE_TITLE = "Liên kết không còn dùng được"
GONE_TEXT = ("Liên kết tải tệp này đã hết hạn hoặc không đúng. Đồng chí vui lòng gõ lại /tonghop với bot Nhắc việc "
             "để nhận liên kết mới.")


@dataclass(frozen=True, kw_only=True)
class FileLink:
    url: str
    expires_at: dt.datetime  # UTC


def content_type_of(filename: str) -> str:
    dot = filename.rfind(".")
    ext = filename[dot:].lower() if dot >= 0 else ""
    return CONTENT_TYPES.get(ext) or mimetypes.guess_type(filename)[0] or "application/octet-stream"


def ascii_filename(filename: str) -> str:
    """The plain-ASCII name for clients that ignore `filename*`: diacritics dropped ("Tổng hợp" → "Tong hop"),
    anything unsafe in a quoted header value made "_"."""
    plain = strip_marks(unicodedata.normalize("NFC", filename))
    return "".join(c if 32 <= ord(c) < 127 and c not in '"\\%' else "_" for c in plain) or "tep"


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """RFC 6266 with the RFC 5987 UTF-8 name, so a Vietnamese file name arrives as written."""
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_filename(filename)}\"; filename*=UTF-8''{quote(filename, safe='')}"


class FileLinks:
    """Publishes files at expiring links under `base_url` (the webhook's public https address)."""

    def __init__(self, db: Database, clock: Clock, base_url: str, lifetime: dt.timedelta = DEFAULT_LIFETIME) -> None:
        self.db, self.clock, self.base_url, self.lifetime = db, clock, base_url.rstrip("/"), lifetime

    async def publish(self, filename: str, data: bytes) -> FileLink:
        filename = unicodedata.normalize("NFC", filename)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = self.clock.now()
        expires_at = now + self.lifetime
        await self.db.run(share_file, token=token, filename=filename, content_type=content_type_of(filename),
                          data=data, now=now, expires_at=expires_at)
        return FileLink(url=f"{self.base_url}{FILES_PATH}/{token}/{quote(filename, safe='')}", expires_at=expires_at)


def gone_page() -> HTMLResponse:
    body = (f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(GONE_TITLE)}</title>'
            f'<meta name="robots" content="noindex"></head><body><h1>{html.escape(GONE_TITLE)}</h1>'
            f"<p>{html.escape(GONE_TEXT)}</p></body></html>")
    return HTMLResponse(body, status_code=404, headers={"Cache-Control": "no-store"})


def file_routes(db: Database, clock: Clock) -> list[Route]:
    """The route serving published files (GET, and HEAD with it)."""

    async def serve_file(request: Request) -> Response:
        token = request.path_params["token"]
        name = unicodedata.normalize("NFC", request.path_params["filename"])
        found = await db.run(shared_file, token, now=clock.now()) if 0 < len(token) <= 128 else None
        if found is None or found.filename != name:
            log.info("file link unknown or expired (%s)", request.client.host if request.client else "?")
            return gone_page()
        inline = found.content_type.startswith(INLINE_TYPES)
        return Response(found.data, media_type=found.content_type, headers={
            "Content-Disposition": content_disposition(found.filename, inline=inline),
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "X-Robots-Tag": "noindex, nofollow",
        })

    return [Route(FILES_PATH + "/{token}/{filename}", serve_file, methods=["GET"])]
