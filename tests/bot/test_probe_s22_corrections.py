"""The preview corrections a clerk types the way clerks write them (new-user probe 22, F1): a unit taken out of a
group's leads ("30: bỏ BCH Quân sự tỉnh" — never a unit named "bỏ …"), a range of tasks ("19-23: …", "từ 19 đến
23: …"), a drop with its reason, and the notice's number and date on one line."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.corrections import parse_corrections
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.corrections import Correction
from tests.conftest import local

DIRECTORY = ("handle,full_name,title,unit,role\n"
             "vt,Lù Thị Văn,Chuyên viên,Văn phòng UBND tỉnh,admin\n"
             "tc,Phạm Thu Tài,Giám đốc,Sở Tài chính,head\n"
             "xd,Trần Quốc Xây,Giám đốc,Sở Xây dựng tỉnh Lào Cai,head\n"
             "ca,Đỗ Văn An,Giám đốc,Công an tỉnh Lào Cai,head\n"
             "qs,Lý Văn Quân,Chỉ huy trưởng,BCH Quân sự tỉnh,head\n")
NOTICE = "\n".join(["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Số: /UBND-KT", "Lào Cai, ngày      tháng 4 năm 2026",
                    "THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh về bảo vệ khoáng sản",
                    "1. Sở Tài chính bố trí kinh phí bảo vệ khoáng sản trước ngày 30/6/2026.",
                    "2. Sở Xây dựng rà soát quy hoạch vật liệu xây dựng trước ngày 30/6/2026.",
                    "3. Bộ Chỉ huy Quân sự tỉnh kiểm tra khu vực biên giới trước ngày 30/6/2026.",
                    "4. Bộ Chỉ huy Quân sự tỉnh tổ chức tuần tra khu vực giáp ranh trước ngày 30/6/2026.",
                    "5. Các Sở, ban, ngành thuộc tỉnh chủ động tổ chức thực hiện các nhiệm vụ được giao.",
                    "6. Chủ tịch UBND tỉnh yêu cầu các đơn vị nghiêm túc thực hiện.", ""])
TODAY = dt.date(2026, 4, 17)


@pytest.mark.parametrize("typed", ["19-23: BCH Quân sự tỉnh", "19–23: BCH Quân sự tỉnh",
                                   "từ 19 đến 23: BCH Quân sự tỉnh", "19 - 23: BCH Quân sự tỉnh"])
def test_a_range_is_each_task_of_it(typed: str) -> None:
    assert parse_corrections(typed, today=TODAY) == [
        Correction(target=str(n), field="lead", value=("BCH Quân sự tỉnh",)) for n in range(19, 24)]


def test_a_drop_with_its_reason_and_the_number_and_date_on_one_line() -> None:
    assert parse_corrections("bỏ mục 7.a và mục 11 vì không phải nhiệm vụ cụ thể", today=TODAY) == [
        Correction(target="mục 7.a", field="drop"), Correction(target="mục 11", field="drop")]
    assert parse_corrections("ngày ban hành 17/4/2026, số 1520/UBND-KT", today=TODAY) == [
        Correction(target="", field="date", value=dt.date(2026, 4, 17)),
        Correction(target="", field="number", value="1520/UBND-KT")]


def test_bo_before_a_unit_takes_it_out_never_names_it() -> None:
    assert parse_corrections("30: bỏ BCH Quân sự tỉnh", today=TODAY) == [
        Correction(target="30", field="lead_remove", value=("BCH Quân sự tỉnh",))]


async def _preview_and(db_url: str, *lines: str) -> list[str]:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 17, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("vt", NOTICE)
        out = []
        for line in lines:
            before = len(h.sent)
            await h.reply("vt", line)
            out.append("\n".join(s.text or "" for s in h.sent[before:] if s.to == "vt"))
        return out
    finally:
        await h.stop()


async def test_a_unit_taken_out_of_a_groups_leads(db_url: str) -> None:
    shown, refused, none_left = await _preview_and(db_url, "5: bỏ BCH Quân sự tỉnh", "5: bỏ Sở Y tế",
                                                   "1: bỏ Sở Tài chính")
    assert "bỏ khỏi chủ trì: BCH Quân sự tỉnh" in shown, shown
    task5 = shown[shown.index("5. [Mục 5]"):]
    task5 = task5.split("\n\n")[0]  # (the task's block, up to the blank line before the next)
    for unit in ("Sở Tài chính", "Sở Xây dựng tỉnh Lào Cai", "Công an tỉnh Lào Cai"):
        assert unit in task5, task5
    assert "Lý Văn Quân" not in task5 and "bỏ BCH" not in task5, task5
    assert "không giao “Sở Y tế”" in refused and "Sở Tài chính, Sở Xây dựng tỉnh Lào Cai" in refused, refused
    assert "không còn đơn vị chủ trì" in none_left, none_left


async def test_the_clerks_lines_in_one_preview(db_url: str) -> None:
    ranged, dropped, header = await _preview_and(db_url, "3-4: BCH Quân sự tỉnh", "bỏ mục 6 vì không phải nhiệm vụ",
                                                 "ngày ban hành 17/4/2026, số 1520/UBND-KT")
    assert ranged.count("giao đ/c Lý Văn Quân") >= 2 and "chưa hiểu" not in ranged, ranged
    assert "• bỏ nhiệm vụ 6 (Mục 6)" in dropped, dropped
    assert "ngày văn bản: 17/04/2026" in header and "số văn bản: 1520/UBND-KT" in header, header
