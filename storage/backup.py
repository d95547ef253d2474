"""`nhacviec backup` / `nhacviec restore`.

SQLite: the sqlite3 online backup API, which copies a consistent snapshot while the bot
keeps reading and writing. PostgreSQL: pg_dump/pg_restore in the custom format. A restore
never overwrites a database that holds data unless forced, and runs under the same
maintenance lock as the migrations."""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import make_url

from storage.db import Database, backend_of, libpq_conninfo, maintenance_lock, normalise_url, sqlite_path, upgrade
from storage.errors import BackupFailed, DatabaseNotEmpty
from storage.models import Base, Person, Task

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"
PG_TIMEOUT = 3600


@dataclass(frozen=True, kw_only=True)
class BackupResult:
    path: Path
    kind: str  # "SQLite" | "PostgreSQL"
    size: int


@dataclass(frozen=True, kw_only=True)
class RestoreResult:
    path: Path
    tasks: int
    people: int


def find_pg_tool(name: str) -> Path | None:
    """pg_dump / pg_restore: the newest installed version first (a pg_dump older than the
    server refuses to run), then whatever is on PATH."""
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0, reverse=True)
    if candidates:
        return Path(candidates[0])
    found = shutil.which(name)
    return Path(found) if found else None


def describe(url: str) -> str:
    """The database, for messages: never the password."""
    path = sqlite_path(url)
    if backend_of(url) == "sqlite":
        return f"SQLite {path}" if path else "SQLite (bộ nhớ)"
    parsed = make_url(normalise_url(url))
    return f"PostgreSQL {parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"


def backup(url: str, dest: Path) -> BackupResult:
    url = normalise_url(url)
    if dest.is_dir():
        raise BackupFailed(f"{dest} is a directory", f"{dest} là một thư mục; đồng chí ghi tên tệp sao lưu, "
                                                     "ví dụ nhacviec-2026-03-01.backup.")
    partial = dest.with_name(dest.name + ".part")
    try:
        if backend_of(url) == "sqlite":
            kind = "SQLite"
            _backup_sqlite(url, partial)
        else:
            kind = "PostgreSQL"
            _pg_tool("pg_dump", url, "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}")
        os.replace(partial, dest)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    size = dest.stat().st_size
    log.info("backed up %s to %s (%d bytes)", describe(url), dest, size)
    return BackupResult(path=dest, kind=kind, size=size)


def _backup_sqlite(url: str, dest: Path) -> None:
    path = sqlite_path(url)
    if path is None or not path.is_file():
        raise BackupFailed(f"no SQLite file at {path}", f"Không có tệp cơ sở dữ liệu {path}; đồng chí kiểm tra "
                                                         "DATABASE_URL (hoặc --db).")
    source = sqlite3.connect(path, timeout=30)
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
        ok = target.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            raise BackupFailed(f"backup failed its check: {ok}", "Bản sao lưu không đạt kiểm tra toàn vẹn; đồng "
                                                                 "chí kiểm tra ổ đĩa rồi sao lưu lại.")
    finally:
        target.close()
        source.close()


def _pg_tool(name: str, url: str, *args: str) -> None:
    tool = find_pg_tool(name)
    if tool is None:
        raise BackupFailed(f"{name} not found", f"Chưa cài {name} (gói postgresql-client, cùng phiên bản với máy chủ "
                                                "PostgreSQL hoặc mới hơn); đồng chí cài rồi chạy lại.")
    conninfo, password = libpq_conninfo(url)
    env = {**os.environ, **({"PGPASSWORD": password} if password else {})}
    done = subprocess.run([str(tool), *args, f"--dbname={conninfo}"], capture_output=True, text=True, env=env,
                          timeout=PG_TIMEOUT, check=False)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["?"])[-1]
        log.error("%s failed (%d): %s", name, done.returncode, done.stderr.strip())
        raise BackupFailed(f"{name} failed: {detail}", f"{name} báo lỗi: {detail}")


def detect(path: Path) -> str:
    """'sqlite' or 'postgresql', from the file's first bytes."""
    with open(path, "rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_MAGIC):
        return "postgresql"
    raise BackupFailed(f"{path} is not a backup", f"Tệp {path} không phải bản sao lưu của Nhắc việc (tệp SQLite "
                                                  "hoặc tệp pg_dump dạng custom do “nhacviec backup” tạo).")


def has_data(url: str) -> bool:
    """Does any table of Nhắc việc hold a row? An empty or freshly migrated database does not."""
    path = sqlite_path(url)
    if backend_of(url) == "sqlite" and (path is None or not path.exists() or path.stat().st_size == 0):
        return False
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            existing = set(inspect(conn).get_table_names())
            for table in Base.metadata.sorted_tables:
                if table.name in existing and conn.execute(select(text("1")).select_from(table).limit(1)).first():
                    return True
        return False
    finally:
        db.dispose()


def restore(url: str, src: Path, *, force: bool = False) -> RestoreResult:
    url = normalise_url(url)
    if not src.is_file():
        raise FileNotFoundError(2, "No such file", str(src))
    kind, target = detect(src), backend_of(url)
    if kind != target:
        names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
        raise BackupFailed(f"{kind} backup into a {target} database",
                           f"Tệp {src} là bản sao lưu {names[kind]}, còn DATABASE_URL trỏ tới {names[target]}; "
                           "chỉ khôi phục được vào cùng loại cơ sở dữ liệu.")
    with maintenance_lock(url):
        if not force and has_data(url):
            raise DatabaseNotEmpty(describe(url))
        if kind == "sqlite":
            _restore_sqlite(url, src)
        else:
            _pg_tool("pg_restore", url, "--clean", "--if-exists", "--no-owner", "--no-privileges",
                     "--single-transaction", "--exit-on-error", str(src))
    upgrade(url)  # a backup from an older version is brought up to date
    db = Database(url)
    try:
        tasks = db.call(lambda s: s.scalar(select(func.count()).select_from(Task)) or 0)
        people = db.call(lambda s: s.scalar(select(func.count()).select_from(Person)) or 0)
    finally:
        db.dispose()
    log.info("restored %s from %s: %d tasks, %d people", describe(url), src, tasks, people)
    return RestoreResult(path=src, tasks=tasks, people=people)


def _restore_sqlite(url: str, src: Path) -> None:
    path = sqlite_path(url)
    if path is None:
        raise BackupFailed("restore into an in-memory database", "Không khôi phục được vào cơ sở dữ liệu trong bộ "
                                                                 "nhớ; đồng chí ghi DATABASE_URL dạng sqlite:///tệp.db.")
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            raise BackupFailed(f"{src} has no alembic_version", f"Tệp {src} là tệp SQLite nhưng không phải bản sao "
                                                               "lưu của Nhắc việc.")
        target = sqlite3.connect(path, timeout=30)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=WAL")
        finally:
            target.close()
    finally:
        source.close()
