"""`nhacviec report`: the /tonghop Excel and chart from the command line, on a database built
through the storage functions."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image

from bot.charts import pixel_size
from bot.cli import main
from storage.db import Database
from tests.bot.test_cli import nhacviec
from tests.storage.test_reports import BDV, TNMT, seed_report_data


@pytest.fixture
def seeded(migrated_db: Database, db_url: str) -> str:
    seed_report_data(migrated_db)
    return db_url


def test_report_writes_the_excel_and_the_chart(seeded: str, tmp_path: Path) -> None:
    xlsx, png = tmp_path / "tong-hop.xlsx", tmp_path / "bieu-do.png"
    out = nhacviec("report", "--xlsx", str(xlsx), "--chart", str(png), "--db", seeded, "--today", "02/04/2026")
    assert out.returncode == 0, out.stderr
    assert "TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ (số liệu đến ngày 02/04/2026)" in out.stdout
    assert f"Đã ghi tệp Excel: {xlsx}" in out.stdout and f"Đã ghi biểu đồ: {png}" in out.stdout
    wb = load_workbook(io.BytesIO(xlsx.read_bytes()))
    summary = wb["Tổng hợp"]
    assert [c.value for c in summary[5]][:8] == [1, BDV, 5, 1, 1, 0, 1, 2]
    assert [c.value for c in summary[6]][:8] == [2, TNMT, 3, 0, 0, 1, 2, 0]
    assert [c.value for c in summary[7]][1:3] == ["Tổng cộng", 8]
    assert wb["Chi tiết"].max_row == 4 + 8
    with Image.open(png) as image:
        assert image.format == "PNG" and image.size == pixel_size(2)


def test_report_filters(seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xlsx = tmp_path / "45.xlsx"
    assert main(["report", "--xlsx", str(xlsx), "--db", seeded, "--today", "2026-04-02", "--notice", "45/tb-ubnd",
                 "--unit", "tài nguyên"]) == 0
    out = capsys.readouterr().out
    assert "Phạm vi: văn bản số 45/tb-ubnd; đơn vị Sở Tài nguyên và Môi trường" in out
    detail = load_workbook(io.BytesIO(xlsx.read_bytes()))["Chi tiết"]
    assert [(r[1], r[2]) for r in detail.iter_rows(min_row=5, values_only=True)] == [
        ("45/TB-UBND\nngày 05/03/2026", "3"), ("45/TB-UBND\nngày 05/03/2026", "4")]
    # February: only b.1, whose deadline is 28/02
    assert main(["report", "--xlsx", str(xlsx), "--db", seeded, "--today", "2026-04-02", "--from", "01/02/2026",
                 "--to", "28/02/2026"]) == 0
    detail = load_workbook(io.BytesIO(xlsx.read_bytes()))["Chi tiết"]
    assert [r[2] for r in detail.iter_rows(min_row=5, values_only=True)] == ["1"]
    assert "từ 01/02/2026 đến 28/02/2026" in capsys.readouterr().out


def test_a_months_report_from_the_command_line_holds_what_was_overdue_in_it(
        migrated_db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Probe 9, finding 3: `--from 1/5/2026 --to 31/5/2026` holds the tasks due 30/04 (run to 04/05) that were
    overdue or finished in May, as /tonghop tháng 5 does; text and Excel alike (7, finished on 02/06, overdue then)."""
    from tests.storage.test_reports import seed_may_data

    seed_may_data(migrated_db)
    xlsx = tmp_path / "thang5.xlsx"
    assert main(["report", "--xlsx", str(xlsx), "--db", db_url, "--today", "05/06/2026", "--from", "1/5/2026",
                 "--to", "31/5/2026"]) == 0
    out = capsys.readouterr().out
    assert f"• {BDV}: 4 nhiệm vụ" in out and "quá hạn chưa hoàn thành: 2/4 nhiệm vụ có thời hạn — mục 1, 7" in out
    detail = load_workbook(io.BytesIO(xlsx.read_bytes()))["Chi tiết"]
    assert [r[2] for r in detail.iter_rows(min_row=5, values_only=True)] == ["1", "2", "3", "7"]


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "32/01/2026"], "Ngày “32/01/2026” ở --from không hợp lệ"),
    (["--from", "01/03/2026", "--to", "01/02/2026"], "Ngày --to phải sau hoặc bằng ngày --from."),
])
def test_report_refuses_bad_dates_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                                message: str) -> None:
    xlsx = tmp_path / "x.xlsx"
    assert main(["report", "--xlsx", str(xlsx), "--db", f"sqlite:///{tmp_path}/x.db", *args]) == 2
    assert message in capsys.readouterr().err
    assert not xlsx.exists()


def test_report_into_a_missing_folder(seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "khong-co" / "x.xlsx"
    assert main(["report", "--xlsx", str(target), "--db", seeded, "--today", "2026-04-02"]) == 1
    assert "Không ghi được tệp Excel vào" in capsys.readouterr().err


def test_report_of_an_empty_selection_still_writes_a_file(seeded: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    xlsx = tmp_path / "x.xlsx"
    assert main(["report", "--xlsx", str(xlsx), "--db", seeded, "--today", "2026-04-02", "--notice", "99/TB"]) == 0
    assert "Không có nhiệm vụ nào thuộc phạm vi: văn bản số 99/TB." in capsys.readouterr().out
    assert load_workbook(io.BytesIO(xlsx.read_bytes()))["Chi tiết"].max_row == 4


def test_a_months_report_from_the_command_line_holds_a_round_finished_in_it(
        migrated_db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Probe 10, P4: `--from 12/5/2026 --to 15/5/2026` holds the monthly duty whose May round was reported on 12/05
    (the duty now stands for its June round), in the text and the Excel."""
    from tests.conftest import local
    from tests.storage.test_reports import make_monthly_duty, seed_may_data

    seed_may_data(migrated_db)
    make_monthly_duty(migrated_db, may_done=local(2026, 5, 12, 10, 0))
    xlsx = tmp_path / "t512.xlsx"
    assert main(["report", "--xlsx", str(xlsx), "--db", db_url, "--today", "01/06/2026", "--from", "12/5/2026",
                 "--to", "15/5/2026"]) == 0
    out = capsys.readouterr().out
    assert "Báo cáo định kỳ, các kỳ trong khoảng này: 2 — đúng hạn 1" in out, out
    detail = load_workbook(io.BytesIO(xlsx.read_bytes()))["Chi tiết"]
    assert "6" in [r[2] for r in detail.iter_rows(min_row=5, values_only=True)]


def test_report_help_says_what_a_period_holds(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "ngày văn bản hoặc thời hạn nằm trong khoảng đó" not in said
    assert "được giao, đến hạn, quá hạn chưa hoàn thành hoặc hoàn thành trong khoảng đó" in said
    assert "nhiệm vụ định kỳ có một kỳ đến hạn, đã báo cáo hoặc quá hạn chưa báo cáo trong khoảng đó" in said
