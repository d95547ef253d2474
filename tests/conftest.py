from __future__ import annotations

import datetime as dt
import itertools
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from scheduler.calendar import VN_TZ
from tests.pg import PgServer, find_pg_bin

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
SEED_NOTICE = EXAMPLES / "seed-notice.txt"
DIRECTORY_CSV = EXAMPLES / "directory.csv"
_db_names = itertools.count(1)


def local(*args: int) -> dt.datetime:
    """An aware datetime in Asia/Ho_Chi_Minh."""
    return dt.datetime(*args, tzinfo=VN_TZ)  # type: ignore[misc]


@pytest.fixture(autouse=True)
def _logging_as_it_was() -> Iterator[None]:
    """A command run in-process (`bot.cli.main`) configures logging for the whole process, as it should for a real
    command: a one-off command silences everything below CRITICAL, the chat libraries' loggers included. Put the
    levels and root handlers back after each test, so a later test's `caplog` still sees the warnings it checks."""
    from bot.logs import NOISY

    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    noisy = {name: logging.getLogger(name).level for name in NOISY}
    yield
    root.setLevel(level)
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
    for name, was in noisy.items():
        logging.getLogger(name).setLevel(was)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if find_pg_bin() is None:
        if os.environ.get("NHACVIEC_REQUIRE_POSTGRES") == "1":
            pytest.fail("NHACVIEC_REQUIRE_POSTGRES=1 but no PostgreSQL server binaries (initdb) are installed")
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed; "
                    "install the Debian package 'postgresql' to run these tests")
    server = PgServer.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test runs on SQLite (WAL) and on a throwaway PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/nhacviec.db"
    server: PgServer = request.getfixturevalue("pg_server")
    return server.create_database(f"t{os.getpid()}_{next(_db_names)}")


@pytest.fixture
def migrated_db(db_url: str):  # type: ignore[no-untyped-def]
    from storage.db import Database, upgrade

    upgrade(db_url)
    db = Database(db_url)
    yield db
    db.dispose()
