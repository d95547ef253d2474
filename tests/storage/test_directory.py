from __future__ import annotations

import pytest
from sqlalchemy import func, select

from storage.db import Database
from storage.directory import import_directory, match_unit, parse_directory_csv, person_by_handle
from storage.errors import DirectoryInvalid
from storage.models import Person, Role, Unit
from tests.conftest import DIRECTORY_CSV, local

NOW = local(2018, 2, 26, 9, 0)


def test_import_creates_units_and_people_and_is_idempotent(migrated_db: Database) -> None:
    rows = parse_directory_csv(DIRECTORY_CSV.read_bytes())
    first = migrated_db.call(import_directory, rows, now=NOW)
    assert (first.units_created, first.people_created) == (4, 5)
    again = migrated_db.call(import_directory, rows, now=NOW)
    assert (again.units_created, again.people_created, again.people_updated) == (0, 0, 5)
    head = migrated_db.call(person_by_handle, "@Head_BDV")
    assert head.role == Role.HEAD and head.full_name == "Lê Văn Dân"
    unit, score = migrated_db.call(match_unit, "Ban Dân vận Tỉnh uỷ")
    assert unit is not None and unit.name == "Ban Dân vận Tỉnh ủy" and score == 100


def test_a_bad_row_stores_nothing(migrated_db: Database) -> None:
    csv = ("handle,full_name,title,unit,role\n"
           "ok_person,Nguyễn Văn A,Chuyên viên,Sở Tài chính,cadre\n"
           "bad handle,Nguyễn Văn B,,Sở Tài chính,boss\n")
    with pytest.raises(DirectoryInvalid) as caught:
        parse_directory_csv(csv.encode())
    assert "dòng 3" in caught.value.user_message and "vai trò" in caught.value.user_message
    assert migrated_db.call(lambda s: s.scalar(select(func.count()).select_from(Person))) == 0
    assert migrated_db.call(lambda s: s.scalar(select(func.count()).select_from(Unit))) == 0


def test_missing_columns_are_named() -> None:
    with pytest.raises(DirectoryInvalid, match="missing columns"):
        parse_directory_csv(b"handle,name\nx,y\n")


def test_the_migrations_match_the_models(migrated_db: Database) -> None:
    """A model changed without a migration would leave a database the code cannot use."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from storage.models import Base

    with migrated_db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
