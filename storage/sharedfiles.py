"""Generated files served at an unguessable, expiring link (`shared_files`): a report's chart or workbook for a
channel that takes files only by URL. The token itself is never stored, only its SHA-256: a row is found by the
hash and the hash then compared in constant time. Expired rows are removed whenever a file is added, so the table
holds only the links still usable, whichever worker wrote or serves them."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import SharedFile


@dataclass(frozen=True, kw_only=True)
class StoredFile:
    filename: str
    content_type: str
    data: bytes
    expires_at: dt.datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def delete_expired(session: Session, *, now: dt.datetime) -> int:
    """Remove the files whose link has expired; how many."""
    result = session.execute(delete(SharedFile).where(SharedFile.expires_at <= now))
    return int(getattr(result, "rowcount", 0) or 0)


def share_file(session: Session, *, token: str, filename: str, content_type: str, data: bytes, now: dt.datetime,
               expires_at: dt.datetime) -> None:
    """Keep `data` under `token` until `expires_at` (and clear the expired ones)."""
    delete_expired(session, now=now)
    session.add(SharedFile(token_hash=token_hash(token), filename=filename, content_type=content_type, data=data,
                           created_at=now, expires_at=expires_at))
    session.flush()


def shared_file(session: Session, token: str, *, now: dt.datetime) -> StoredFile | None:
    """The file behind `token` while its link lasts; None for an unknown or expired token."""
    wanted = token_hash(token)
    row = session.scalar(select(SharedFile).where(SharedFile.token_hash == wanted))
    if row is None or not hmac.compare_digest(row.token_hash, wanted) or row.expires_at <= now:
        return None
    return StoredFile(filename=row.filename, content_type=row.content_type, data=bytes(row.data),
                      expires_at=row.expires_at)
