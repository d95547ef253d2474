"""`nhacviec directory import|export`, run as a user runs them."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from tests.bot.test_cli import nhacviec
from tests.conftest import DIRECTORY_CSV
from tests.storage.test_directory import cp1258


def test_export_writes_csv_and_xlsx_that_import_back(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/x.db"
    out = nhacviec("directory", "import", str(DIRECTORY_CSV), "--db", url)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Đã nhập danh bạ: 4 đơn vị mới, 5 cán bộ mới, 0 cán bộ đã có")

    out = nhacviec("directory", "export", "--db", url)  # no file: CSV on stdout
    assert out.returncode == 0, out.stderr
    lines = out.stdout.lstrip("\ufeff").splitlines()
    assert lines[0] == "handle,full_name,title,unit,role,telegram"
    assert lines[3] == "head_bdv,Lê Văn Dân,Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,head,"
    assert len(lines) == 6 and "5 cán bộ" in out.stderr

    xlsx = tmp_path / "danh-ba.xlsx"
    out = nhacviec("directory", "export", str(xlsx), "--db", url)
    assert out.returncode == 0 and f"5 cán bộ vào tệp {xlsx}" in out.stdout, out.stderr
    sheet = load_workbook(io.BytesIO(xlsx.read_bytes())).worksheets[0]
    assert [c.value for c in sheet[4]] == ["head_bdv", "Lê Văn Dân", "Trưởng Ban Dân vận Tỉnh ủy",
                                           "Ban Dân vận Tỉnh ủy", "trưởng đơn vị", None]

    csv_file = tmp_path / "danh-ba.csv"
    assert nhacviec("directory", "export", str(csv_file), "--db", url).returncode == 0
    for exported in (xlsx, csv_file):  # the round trip: nothing new, nothing changed
        out = nhacviec("directory", "import", str(exported), "--db", url)
        assert out.returncode == 0, out.stderr
        assert "0 đơn vị mới, 0 cán bộ mới, 5 cán bộ đã có (0 có thay đổi)" in out.stdout

    out = nhacviec("audit", "--db", url)
    assert out.stdout.count(" export ") == 3 and '"format": "xlsx"' in out.stdout


def test_export_refuses_an_unknown_file_type_and_import_names_the_lines(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/x.db"
    out = nhacviec("directory", "export", str(tmp_path / "danh-ba.xls"), "--db", url)
    assert out.returncode == 1 and "kết thúc bằng .csv hoặc .xlsx" in out.stderr
    assert not (tmp_path / "danh-ba.xls").exists()

    two_heads = tmp_path / "hai-truong.csv"
    two_heads.write_bytes(cp1258("Mã cán bộ;Họ và tên;Chức vụ;Đơn vị;Vai trò\r\n"
                                 "tb_a;Nguyễn Văn A;Trưởng phòng;Phòng Tổng hợp;trưởng đơn vị\r\n"
                                 "tb_b;Trần Văn B;Trưởng phòng;Phòng Tổng hợp;trưởng đơn vị\r\n"))
    out = nhacviec("directory", "import", str(two_heads), "--db", url)
    assert out.returncode == 1 and "dòng 2 và 3: đơn vị “Phòng Tổng hợp” có 2 trưởng đơn vị" in out.stderr
    assert not (tmp_path / "x.db").exists()  # refused before the database was touched


def test_directory_help_is_vietnamese() -> None:
    out = nhacviec("directory", "export", "--help")
    assert out.returncode == 0 and "Xuất danh bạ ra tệp" in out.stdout and "--db" in out.stdout
    out = nhacviec("directory", "--help")
    assert "nhập danh bạ từ tệp .xlsx" in out.stdout and "xuất danh bạ" in out.stdout
