"""A report names a unit the directory spells without marks ("So Cong Thuong") as the notice writes it ("Sở Công
Thương"), and its total says why it counts more tasks than the notice has items (new-user probe 22, F8c)."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.conftest import local

DIRECTORY = ("handle,full_name,title,unit,role\n"
             "vt,Lù Thị Văn,Chuyên viên,Văn phòng UBND tỉnh,admin\n"
             "pct,Nguyễn Thành Sinh,Phó Chủ tịch UBND tỉnh,UBND tỉnh,leader\n"
             "tc,Phạm Thu Tài,Giám đốc,Sở Tài chính,head\n"
             "ct,Vũ Minh Công,Giam doc,So Cong Thuong,head\n")
NOTICE = "\n".join(["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Số: 15/UBND-KT", "Lào Cai, ngày 17 tháng 4 năm 2026",
                    "THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh về bảo vệ khoáng sản",
                    "1. Sở Công Thương rà soát các cửa hàng kinh doanh khoáng sản trước ngày 30/6/2026.",
                    "2. Sở Tài chính, Sở Công Thương báo cáo kinh phí bảo vệ khoáng sản trước ngày 30/6/2026.",
                    "3. Sở Tài chính bố trí kinh phí trước ngày 30/6/2026.", ""])


@pytest.fixture
async def office(db_url: str):  # type: ignore[no-untyped-def]
    """The bot on 17/04/2026, 09:00, with the province's directory enrolled (the Sở Công Thương head's name without
    marks)."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 17, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    yield h
    await h.stop()


@pytest.fixture
async def confirmed(office: Harness) -> Harness:
    """`office` with notice 15/UBND-KT pasted and confirmed by the office."""
    await office.say("vt", NOTICE)
    await office.say("vt", "xác nhận")
    return office


def said_since(h: Harness, before: int, *handles: str) -> str:
    return "\n".join(s.text or "" for s in h.sent[before:] if s.to in handles)


async def test_a_report_spells_units_with_marks_and_says_why_it_counts_more_tasks(confirmed: Harness) -> None:
    h = confirmed
    before = len(h.sent)
    await h.say("pct", "báo cáo tình hình")
    said = said_since(h, before, "pct")
    assert "• Sở Công Thương: 2 nhiệm vụ" in said and "So Cong Thuong" not in said, said
    assert "Tổng cộng: 4 nhiệm vụ (3 mục; một số mục giao nhiều đơn vị) —" in said, said


async def test_the_bots_own_sentences_name_a_unit_as_the_notice_spells_it(confirmed: Harness) -> None:
    h = confirmed
    # probe 23, F6: "(UBND xa Duc Trong)" in extension requests, "chuyển sang So Xay dung chủ trì" in transfers
    before = len(h.sent)
    await h.say("ct", "1 xin gia hạn đến 15/7")
    await h.say("tc", "mục 3 không phải việc của Sở Tài chính, đề nghị chuyển So Cong Thuong")
    said = said_since(h, before, "pct", "vt", "tc")
    assert "(Sở Công Thương) đề nghị gia hạn" in said and "sang Sở Công Thương chủ trì" in said, said
    assert "So Cong Thuong" not in said.replace("đề nghị chuyển So Cong Thuong”", ""), said  # (quoted words)


GROUP_NOTICE = "\n".join(["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Số: 16/UBND-KT", "Lào Cai, ngày 17 tháng 4 năm 2026",
                          "THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh về kinh phí khoáng sản",
                          "1. Sở Công Thương rà soát các cửa hàng kinh doanh khoáng sản trước ngày 30/6/2026.",
                          "2. Các sở, ngành báo cáo kinh phí bảo vệ khoáng sản trước ngày 30/6/2026.",
                          "3. Sở Tài chính bố trí kinh phí trước ngày 30/6/2026.", ""])


async def test_a_unit_reached_through_a_group_is_named_as_the_notice_spells_it(office: Harness) -> None:
    h = office
    # probe 23, F6 (rest): the preview's correction example (“3: So Cong Thuong”) and the lists of a task whose
    # written lead is a group ("Mục 2 (So Cong Thuong)" in the assignment, "Chủ trì (2 đơn vị): So Cong Thuong …"
    # in the leader's overdue list) took the directory's spelling
    await h.say("vt", GROUP_NOTICE)
    preview = h.sent[-1].text or ""
    assert "“3: Sở Công Thương”" in preview, preview
    assert "(trong danh bạ: So Cong Thuong)" in preview, preview  # the directory's label stays as it is
    before = len(h.sent)
    await h.say("vt", "xác nhận")
    said = said_since(h, before, "ct")
    assert "Mục 2" in said and "So Cong Thuong" not in said, said
    before = len(h.sent)
    await h.advance_to(local(2026, 7, 10, 9, 0))
    late = said_since(h, before, "pct", "ct")
    assert "Sở Công Thương" in late and "So Cong Thuong" not in late, late


async def test_the_previews_group_listing_and_a_corrections_echo_name_units_as_the_notice_spells_them(
        office: Harness) -> None:
    h = office
    # session 23 (probe 23, F6 in part): "2 đơn vị trong danh bạ: Sở Tài chính, So Cong Thuong" and, after "2: bỏ …",
    # "Sau khi sửa: … – So Cong Thuong — giao đ/c …" kept the directory's spelling
    await h.say("vt", GROUP_NOTICE)
    preview = h.sent[-1].text or ""
    listing = next(line for line in preview.splitlines() if "đơn vị trong danh bạ" in line)
    assert "Sở Công Thương" in listing and "So Cong Thuong" not in listing, listing
    await h.say("vt", "2: Sở Tài chính, So Cong Thuong")
    echo = h.sent[-1].text or ""
    after = echo[echo.index("Sau khi sửa:"):]
    assert "– Sở Công Thương (trong danh bạ: So Cong Thuong) — giao đ/c Vũ Minh Công" in after, after
