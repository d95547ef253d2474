"""Bad configuration and concurrent maintenance: one Vietnamese line each, never a traceback;
`nhacviec parse` starts without the database layer; backup, restore and audit from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from storage.db import current_revision, head_revision
from tests.conftest import DIRECTORY_CSV, ROOT, SEED_NOTICE


def nhacviec(*args: str, env: dict[str, str] | None = None,
             cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "TELEGRAM_BOT_TOKEN": "", **(env or {})}, cwd=cwd or ROOT)


def _one_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if " WARNING " not in line and " ERROR " not in line]
    assert len(lines) == 1, text
    return lines[0]


@pytest.mark.parametrize("url", ["mysql://u:p@localhost/nhacviec", "mysql+pymysql://u:p@h/db", "oracle://x/y"])
def test_an_unsupported_database_url_gets_one_vietnamese_line(url: str, tmp_path: Path) -> None:
    for args in (["db", "upgrade"], ["backup", str(tmp_path / "b")], ["audit"]):
        out = nhacviec(*args, env={"DATABASE_URL": url})
        assert out.returncode == 1
        assert "Traceback" not in out.stderr
        line = _one_line(out.stderr)
        scheme = url.split("://")[0]
        assert line.startswith(f"Không mở được cơ sở dữ liệu: DATABASE_URL (hoặc --db) ghi loại cơ sở dữ liệu "
                               f"“{scheme}”; Nhắc việc chỉ dùng SQLite hoặc PostgreSQL.")
    out = nhacviec("db", "upgrade", "--db", "not a url")
    assert out.returncode == 1 and "không phải một địa chỉ đúng dạng" in _one_line(out.stderr)


def test_a_bad_setting_gets_one_vietnamese_line(tmp_path: Path) -> None:
    out = nhacviec("db", "upgrade", env={"NHACVIEC_TICK_SECONDS": "-5", "TELEGRAM_BOT_TOKEN": "123:SECRET-VALUE"},
                   cwd=tmp_path)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert _one_line(out.stderr) == ("Cấu hình không hợp lệ: NHACVIEC_TICK_SECONDS. Đồng chí xem lại giá trị trong "
                                     "biến môi trường hoặc tệp .env (mẫu và giải thích ở .env.example).")
    assert "SECRET-VALUE" not in out.stderr


def test_two_db_upgrades_at_once_wait_for_each_other(db_url: str) -> None:
    procs = [subprocess.Popen([sys.executable, "-m", "bot.cli", "db", "upgrade", "--db", db_url],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
             for _ in range(2)]
    outs = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert sorted(out for out, _ in outs) == [
        "Cơ sở dữ liệu đã được cập nhật lên phiên bản mới nhất.\n",
        "Cơ sở dữ liệu đã ở phiên bản mới nhất, không có gì phải cập nhật.\n",
    ]
    assert current_revision(db_url) == head_revision()


def test_parse_does_not_import_the_database_layer() -> None:
    code = f"""
        import contextlib, io, sys
        from bot.cli import main
        with contextlib.redirect_stdout(io.StringIO()) as out:
            assert main(["parse", {str(SEED_NOTICE)!r}]) == 0
            assert main(["parse", "--format", "json", {str(SEED_NOTICE)!r}]) == 0
        assert "13 nhiệm vụ." in out.getvalue()
        loaded = sorted(m for m in sys.modules
                        if m.split(".")[0] in ("sqlalchemy", "alembic", "telegram", "psycopg")
                        or m in ("storage.db", "storage.models"))
        print(loaded)
    """
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120,
                         cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_backup_restore_and_audit_from_the_command_line(tmp_path: Path) -> None:
    live, copy = f"sqlite:///{tmp_path}/live.db", f"sqlite:///{tmp_path}/copy.db"
    assert nhacviec("directory", "import", str(DIRECTORY_CSV), "--db", live).returncode == 0
    out = nhacviec("backup", str(tmp_path / "b.sqlite"), "--db", live)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"Đã sao lưu cơ sở dữ liệu (SQLite) vào {tmp_path / 'b.sqlite'} (")
    out = nhacviec("restore", str(tmp_path / "b.sqlite"), "--db", copy)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"Đã khôi phục cơ sở dữ liệu từ {tmp_path / 'b.sqlite'}: 0 nhiệm vụ, 5 cán bộ.")
    out = nhacviec("restore", str(tmp_path / "b.sqlite"), "--db", copy)
    assert out.returncode == 1 and "--force" in _one_line(out.stderr)
    assert nhacviec("restore", str(tmp_path / "b.sqlite"), "--db", copy, "--force").returncode == 0

    out = nhacviec("audit", "--db", copy)
    assert out.returncode == 0, out.stderr
    first, last = out.stdout.splitlines()[0], out.stdout.splitlines()[-1]
    assert "hệ thống/dòng lệnh" in first and "directory.import" in first and '"via": "cli"' in first
    assert '"os_user": ' in first and last == "1 dòng nhật ký."
    out = nhacviec("audit", "--since", "2999-01-01", "--db", copy)
    assert out.stdout == "0 dòng nhật ký từ ngày 01/01/2999.\n"
    out = nhacviec("audit", "--since", "hôm qua", "--db", copy)
    assert out.returncode == 1 and "không đúng dạng NĂM-THÁNG-NGÀY" in _one_line(out.stderr)
