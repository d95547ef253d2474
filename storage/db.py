"""Engines and sessions. SQLite (WAL, foreign keys on) is the embedded default;
PostgreSQL (psycopg 3) serves more than one machine. Blocking DB work runs in a
thread (`Database.run`) so it never blocks the event loop."""

from __future__ import annotations

import asyncio
import fcntl
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine, String, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, InvalidatePoolError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

import storage.audit  # noqa: F401  (installs the append-only guard on every session)
from storage.errors import UnsupportedDatabase, ValueTooLong

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

MIGRATIONS = Path(__file__).with_name("migrations")


# A fixed key for pg_advisory_lock: "nhacviec" maintenance (migrations, restore) runs one at a time.
MAINTENANCE_LOCK_KEY = 0x6E6861637669656


def normalise_url(url: str) -> str:
    """Let users write postgresql:// and still get the psycopg 3 driver; refuse anything
    but SQLite and PostgreSQL with a Vietnamese message instead of a driver traceback."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise UnsupportedDatabase(f"DATABASE_URL is not a URL: {exc}") from None
    backend, driver = parsed.get_backend_name(), parsed.get_driver_name()
    if (backend, driver) not in (("sqlite", "pysqlite"), ("postgresql", "psycopg")):
        raise UnsupportedDatabase(f"unsupported database {parsed.drivername!r}", scheme=parsed.drivername)
    return url


def backend_of(url: str) -> str:
    """'sqlite' or 'postgresql'."""
    return make_url(normalise_url(url)).get_backend_name()


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL; None for an in-memory database."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    if parsed.database.startswith("file:"):
        return None
    return Path(parsed.database)


def libpq_conninfo(url: str) -> tuple[str, str | None]:
    """A libpq URL without the password (for pg_dump/pg_restore) and the password (for PGPASSWORD)."""
    parsed: URL = make_url(normalise_url(url))
    password = parsed.password
    bare = parsed.set(drivername="postgresql", password=None)
    return bare.render_as_string(hide_password=False), (str(password) if password is not None else None)


@contextmanager
def maintenance_lock(url: str) -> Iterator[None]:
    """One maintenance job (migration, restore) at a time per database: a file lock beside the
    SQLite file, a session-level advisory lock on PostgreSQL. A second caller waits."""
    url = normalise_url(url)
    if backend_of(url) == "sqlite":
        path = sqlite_path(url)
        if path is None:
            yield
            return
        with open(path.with_name(path.name + ".lock"), "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
        return
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MAINTENANCE_LOCK_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MAINTENANCE_LOCK_KEY})
                conn.commit()
    finally:
        engine.dispose()


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    engine = create_engine(url)
    _ping_after_idle(engine)
    return engine


PING_AFTER_IDLE_S = 1.0  # a pooled PostgreSQL connection idle this long is pinged before it is used again


def _ping_after_idle(engine: Engine) -> None:
    """Pool pre-ping (a `SELECT 1` round trip before a pooled connection is handed out, so one the server closed —
    a restart, an idle timeout, a killed backend — is replaced instead of failing the caller's first statement), but
    only for a connection that sat in the pool PING_AFTER_IDLE_S or more: the delivery tick's back-to-back
    transactions, milliseconds apart, skip it (a round trip each, ≈ 0.1–0.2 ms of client CPU; five a tick of 100).
    A connection the server dropped within a second of its last use — a restart in the middle of a tick — fails
    that transaction as without a ping, and the pool is emptied then (SQLAlchemy's handling of a disconnect): the
    tick ends like a crash, its claims run out and are taken again (what a crash may resend, tests/scheduler/
    test_crash.py); a server restart takes longer than that, so every connection it closed is pinged."""
    dialect = engine.dialect

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_conn: Any, record: Any) -> None:
        record.info["checked_in"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("checked_in")  # (none: a new connection, as pre-ping skips it)
        if since is None or time.monotonic() - since < PING_AFTER_IDLE_S:
            return
        try:
            dialect.do_ping(dbapi_conn)
        except dialect.loaded_dbapi.Error as exc:
            if dialect.is_disconnect(exc, dbapi_conn, None):  # as pre-ping: every older connection goes too
                raise InvalidatePoolError() from exc  # the pool retries the checkout with a new connection
            raise


def _alembic_config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return cfg


def current_revision(url: str) -> str | None:
    """The migration the database is at (None: never migrated)."""
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config("sqlite://")).get_current_head()


def upgrade(url: str, revision: str = "head") -> bool:
    """Apply the Alembic migrations to `url`, one process at a time (see `maintenance_lock`).
    True if a migration ran; a process that waited for another finds nothing left to do."""
    from alembic import command

    with maintenance_lock(url):
        before = current_revision(url)
        command.upgrade(_alembic_config(url), revision)
        after = current_revision(url)
    if before != after:
        log.info("database migrated from %s to %s", before or "empty", after)
    return before != after


class Database:
    """One engine and its session factory; `run` executes a unit of work in a thread."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.sessions() as session, session.begin():
            yield session

    def call(self, fn: Callable[Concatenate[Session, P], R], *args: P.args, **kwargs: P.kwargs) -> R:
        with self.transaction() as session:
            return fn(session, *args, **kwargs)

    async def run(self, fn: Callable[Concatenate[Session, P], R], *args: P.args, **kwargs: P.kwargs) -> R:
        return await asyncio.to_thread(self.call, fn, *args, **kwargs)  # type: ignore[arg-type]

    def call_core(self, fn: Callable[Concatenate[Connection, P], R], *args: P.args, **kwargs: P.kwargs) -> R:
        """`call` on a Core connection in a transaction (`engine.begin()`), no ORM Session: for units of work made
        of plain statements only (the delivery tick's), where building a Session and its transaction costs more
        than the work (≈ 55 µs a transaction on SQLite). Committed on return, rolled back on an exception."""
        with self.engine.begin() as conn:
            return fn(conn, *args, **kwargs)

    async def run_core(self, fn: Callable[Concatenate[Connection, P], R], *args: P.args, **kwargs: P.kwargs) -> R:
        """`call_core` in a thread, as `run`."""
        return await asyncio.to_thread(self.call_core, fn, *args, **kwargs)  # type: ignore[arg-type]

    def call_one_write(self, fn: Callable[Concatenate[Connection, P], R], *args: P.args, **kwargs: P.kwargs) -> R:
        """`call_core` for a unit of work that writes with ONE statement — one execution, not an executemany,
        whose rows would each commit alone (reads besides it are allowed). On
        PostgreSQL the statement commits by itself (AUTOCOMMIT): as atomic and as durable as a transaction of that
        one statement, without the BEGIN and COMMIT round trips (two of three). Elsewhere: `call_core`.
        (`counting_statements` counts such a statement as a commit too: it is one.)"""
        if self.engine.dialect.name != "postgresql":
            return self.call_core(fn, *args, **kwargs)
        with self.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT")  # (reset when the connection goes back)
            return fn(conn, *args, **kwargs)

    async def run_one_write(self, fn: Callable[Concatenate[Connection, P], R], *args: P.args,
                            **kwargs: P.kwargs) -> R:
        """`call_one_write` in a thread, as `run`."""
        return await asyncio.to_thread(self.call_one_write, fn, *args, **kwargs)  # type: ignore[arg-type]

    def dispose(self) -> None:
        self.engine.dispose()


def connection_of(unit: Session | Connection) -> Connection:
    """The Core connection of a unit of work given either as a Session (its connection, in its transaction) or
    as a Connection (`Database.call_core`): for functions of plain statements that serve both."""
    return unit.connection() if isinstance(unit, Session) else unit


def chunks(ids: Sequence[int], size: int = 5_000) -> Iterator[Sequence[int]]:
    """`ids` in slices for `IN (…)` lists (SQLite binds at most 32,766 parameters a statement)."""
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


# ---------------------------------------------------------------- column lengths

# What the user calls each bounded column, for the message when a value does not fit.
COLUMN_LABELS = {
    ("units", "name"): "tên đơn vị",
    ("units", "name_key"): "tên đơn vị",
    ("people", "handle"): "mã cán bộ",
    ("people", "full_name"): "họ tên",
    ("people", "title"): "chức vụ",
    ("people", "role"): "vai trò",
    ("people", "zalo_user_id"): "mã người dùng Zalo",
    ("invites", "code"): "mã mời",
    ("notices", "source_name"): "tên tệp văn bản",
    ("notices", "kind"): "loại văn bản",
    ("notices", "number"): "số hiệu văn bản",
    ("notices", "issuer"): "tên cơ quan ban hành",
    ("notices", "signer"): "tên người ký",
    ("tasks", "item_ref"): "số mục nhiệm vụ",
    ("tasks", "due_text"): "thời hạn ghi trong văn bản",
}


def check_lengths(session: Session, _flush_context: Any = None, _instances: Any = None) -> None:
    """Refuse, before anything is written, a string longer than its String(n) column: SQLite
    would store it and PostgreSQL would fail mid-transaction with an unhelpful error."""
    for obj in [*session.new, *session.dirty]:
        state = inspect(obj)
        loaded = state.dict
        for attr in state.mapper.column_attrs:
            value = loaded.get(attr.key)
            if not isinstance(value, str):
                continue
            for column in attr.columns:
                limit = getattr(column.type, "length", None)
                if isinstance(column.type, String) and limit is not None and len(value) > limit:
                    table = str(getattr(column, "table", state.mapper.local_table).name)
                    label = COLUMN_LABELS.get((table, column.name), f"giá trị của trường {table}.{column.name}")
                    raise ValueTooLong(table, column.name, label, len(value), limit)


event.listen(Session, "before_flush", check_lengths)


@contextmanager
def counting_statements(db: Database) -> Iterator[dict[str, int]]:
    """Statements and commits sent to the database while inside (for the tests and benchmarks that
    check how much a tick costs)."""
    counts = {"statements": 0, "commits": 0}

    def on_execute(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        counts["statements"] += 1
        if conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT" and \
                not statement.lstrip()[:6].upper() == "SELECT":
            counts["commits"] += 1  # a write that commits by itself (Database.call_one_write)

    def on_commit(*_args: Any) -> None:
        counts["commits"] += 1

    event.listen(db.engine, "before_cursor_execute", on_execute)
    event.listen(db.engine, "commit", on_commit)
    try:
        yield counts
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)
        event.remove(db.engine, "commit", on_commit)
