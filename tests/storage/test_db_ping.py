"""PostgreSQL: a pooled connection the server closed while it sat idle (a restart, an idle timeout, a killed
backend) is replaced before anyone uses it — a ping on checkout — but connections handed out again a moment after
their last use (the delivery tick's back-to-back transactions) are not pinged (storage/db.py PING_AFTER_IDLE_S)."""

from __future__ import annotations

import os
import time
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.pool import NullPool

from storage.db import PING_AFTER_IDLE_S, Database
from tests.pg import PgServer


def _backend_pid(conn: Connection) -> int:
    return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


@pytest.fixture
def pg_db(pg_server: PgServer) -> Any:
    db = Database(pg_server.create_database(f"ping{os.getpid()}_{time.monotonic_ns()}"))
    yield db
    db.dispose()


def _count_pings(db: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every ping the pool sends (SQLAlchemy's dialect.do_ping, counted and run as it is)."""
    pings: list[int] = []
    ping = db.engine.dialect.do_ping

    def counted(dbapi_conn: Any) -> bool:
        pings.append(1)
        return ping(dbapi_conn)

    monkeypatch.setattr(db.engine.dialect, "do_ping", counted)
    return pings


def test_an_idle_connection_the_server_closed_is_replaced_before_it_is_used(pg_db: Database,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    db = pg_db
    pings = _count_pings(db, monkeypatch)
    first = db.call_core(_backend_pid)
    killer = create_engine(db.url, poolclass=NullPool)
    with killer.begin() as conn:  # as a restart or an idle timeout does to the pooled connection
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first}).scalar_one()
    killer.dispose()
    time.sleep(PING_AFTER_IDLE_S + 0.2)
    second = db.call_core(_backend_pid)  # no error: the dead connection was found by the ping and replaced
    assert second != first and pings == [1]


def test_connections_used_again_at_once_are_not_pinged_and_an_idle_one_is(pg_db: Database,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    db = pg_db
    pings = _count_pings(db, monkeypatch)
    pids = {db.call_core(_backend_pid) for _ in range(5)}  # a tick's transactions, back to back
    assert pings == [] and len(pids) == 1
    time.sleep(PING_AFTER_IDLE_S + 0.2)
    assert db.call_core(_backend_pid) in pids
    assert pings == [1]
