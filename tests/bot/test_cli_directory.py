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


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text("handle,full_name,title,unit,role\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_an_import_names_whom_it_changes_and_whom_it_brings_back_from_left(tmp_path: Path) -> None:
    """An older file imported again undoes changes made since: the summary names each person changed and what,
    and says by name that someone marked as left is active again (with the /moi to bind them again)."""
    url = f"sqlite:///{tmp_path}/x.db"
    assert nhacviec("directory", "import", str(DIRECTORY_CSV), "--db", url).returncode == 0
    lines = DIRECTORY_CSV.read_text(encoding="utf-8").splitlines()
    newer = [line.replace(",cadre", ",đã nghỉ") if line.startswith("cadre_bdv,") else line for line in lines]
    newer = [line.replace("Giám đốc Sở", "Phó Giám đốc Sở") if line.startswith("head_stnmt,") else line
             for line in newer]
    out = nhacviec("directory", "import", str(_write(tmp_path / "moi.csv", newer[1:])), "--db", url)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[:4] == [
        "Đã nhập danh bạ: 0 đơn vị mới, 0 cán bộ mới, 5 cán bộ đã có (2 có thay đổi).",
        "Thay đổi:",
        "  • đ/c Phạm Thị Vận (mã cadre_bdv): vai trò “chuyên viên” → “đã nghỉ”",
        "  • đ/c Trần Văn Môi (mã head_stnmt): chức vụ “Giám đốc Sở Tài nguyên và Môi trường” → “Phó Giám đốc Sở "
        "Tài nguyên và Môi trường”"]

    # a short file with someone who had left: the counts beside the people it leaves out add up (1 + 1 = 2)
    out = nhacviec("directory", "import", str(_write(tmp_path / "ngan.csv", [newer[1], newer[4]])), "--db", url)
    assert out.stdout.splitlines()[:2] == [
        "Đã nhập danh bạ: 0 đơn vị mới, 0 cán bộ mới, 2 cán bộ đã có (0 có thay đổi, 1 trước đây đã nghỉ).",
        "Tệp chỉ có 1 trong 4 cán bộ đang có trong Nhắc việc; 3 cán bộ không có trong tệp vẫn giữ nguyên; nếu đồng "
        "chí nào đã nghỉ hoặc chuyển công tác, đồng chí ghi dòng của người đó với vai trò “đã nghỉ” rồi gửi lại tệp "
        "(nhiệm vụ người đó giữ với tư cách trưởng đơn vị chuyển cho trưởng đơn vị mới); Nhắc việc không tự xóa ai."]

    out = nhacviec("directory", "import", str(DIRECTORY_CSV), "--db", url)  # the old file again
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert text.startswith("Đã nhập danh bạ: 0 đơn vị mới, 0 cán bộ mới, 5 cán bộ đã có (2 có thay đổi).\n"
                           "Thay đổi:\n")
    assert "  • đ/c Phạm Thị Vận (mã cadre_bdv): vai trò “đã nghỉ” → “chuyên viên”" in text
    assert ("Đ/c Phạm Thị Vận (mã cadre_bdv) đã được ghi là đã nghỉ, nay tệp ghi lại đang công tác: Nhắc việc gửi "
            "tin cho đồng chí ấy trở lại. Nếu đồng chí ấy vẫn nghỉ (tệp cũ), đồng chí ghi lại vai trò “đã nghỉ” rồi "
            "nhập lại; nếu đúng, đồng chí gõ /moi cadre_bdv để mời kết nối lại.") in text


def test_the_counts_of_an_import_add_up_and_new_people_get_their_invites(tmp_path: Path) -> None:
    """A file with one person already stored and new ones: "1 đã có" and "Tệp chỉ có 1 trong N" agree; the command
    line gives the /moi of the new people, as the chat import does."""
    url = f"sqlite:///{tmp_path}/x.db"
    out = nhacviec("directory", "import", str(DIRECTORY_CSV), "--db", url)
    assert out.stdout.rstrip().endswith(
        "Để mời 5 cán bộ mới sử dụng Nhắc việc, đồng chí gõ /moi kèm mã từng người: /moi admin; /moi leader; "
        "/moi head_bdv; /moi cadre_bdv; /moi head_stnmt."), out.stdout
    other = _write(tmp_path / "huyen.csv", [
        "admin,Nguyễn Thị Quản,Chuyên viên Văn phòng,Văn phòng Tỉnh ủy,admin",
        "ct_huyen,Trần Văn Huyện,Chủ tịch UBND huyện,UBND huyện Đức Trọng,leader"])
    out = nhacviec("directory", "import", str(other), "--db", url)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "Đã nhập danh bạ: 1 đơn vị mới, 1 cán bộ mới, 1 cán bộ đã có (1 có thay đổi)."
    assert lines[1] == ("Thay đổi: đ/c Nguyễn Thị Quản (mã admin): chức vụ “Chuyên viên Văn phòng Tỉnh ủy” → "
                        "“Chuyên viên Văn phòng”.")
    assert lines[2].startswith("Tệp chỉ có 1 trong 5 cán bộ đang có trong Nhắc việc; 4 cán bộ không có trong tệp "
                               "vẫn giữ nguyên;")
    assert lines[-1] == "Để mời đ/c Trần Văn Huyện sử dụng Nhắc việc, đồng chí gõ /moi ct_huyen."


def test_import_if_changed_skips_a_file_imported_before(tmp_path: Path) -> None:
    """At start-up a file already imported is not imported again, so the chat's later changes stay; a file that
    changed since is imported."""
    url = f"sqlite:///{tmp_path}/x.db"
    assert nhacviec("directory", "import", "--if-changed", str(DIRECTORY_CSV), "--db", url).returncode == 0
    lines = DIRECTORY_CSV.read_text(encoding="utf-8").splitlines()
    left = [line.replace(",cadre", ",đã nghỉ") if line.startswith("cadre_bdv,") else line for line in lines]
    assert nhacviec("directory", "import", str(_write(tmp_path / "moi.csv", left[1:])), "--db", url).returncode == 0
    out = nhacviec("directory", "import", "--if-changed", str(DIRECTORY_CSV), "--db", url)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Tệp danh bạ directory.csv đã được nhập lúc ")
    assert out.stdout.rstrip().endswith(", không thay đổi từ đó: không nhập lại (danh bạ đang lưu, kể cả những thay "
                                        "đổi làm qua tin nhắn, giữ nguyên).")
    exported = nhacviec("directory", "export", "--db", url).stdout
    assert "cadre_bdv,Phạm Thị Vận,Chuyên viên Ban Dân vận,Ban Dân vận Tỉnh ủy,left" in exported
    edited = _write(tmp_path / "directory.csv", [*lines[1:], "cadre_stnmt,Lê Thị Mới,Chuyên viên,Sở Tài nguyên và "
                                                 "Môi trường,cadre"])
    out = nhacviec("directory", "import", "--if-changed", str(edited), "--db", url)
    assert out.stdout.startswith("Đã nhập danh bạ: 0 đơn vị mới, 1 cán bộ mới, 5 cán bộ đã có"), out.stdout


def test_cli_errors_are_said_once_in_vietnamese_without_log_lines(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/x.db"
    missing = tmp_path / "thieu.csv"
    missing.write_text("handle,full_name,title,unit\nvt,Nguyễn Thị Thư,Chuyên viên,Văn phòng\n", encoding="utf-8")
    out = nhacviec("directory", "import", str(missing), "--db", url, env={"NHACVIEC_LOG_LEVEL": "INFO"})
    assert out.returncode == 1 and out.stdout == ""
    assert "WARNING" not in out.stderr and "missing columns" not in out.stderr, out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "role" in out.stderr, out.stderr
    out = nhacviec("directory", "export", "/dev/null", "--db", url)
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "WARNING" not in out.stderr, out.stderr
    out = nhacviec("-v", "directory", "import", str(missing), "--db", url)  # -v: the English reason in the log
    assert "DEBUG nhacviec: missing columns" in out.stderr, out.stderr
