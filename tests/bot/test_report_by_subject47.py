"""Probe 47 (two conclusion notices of one province, read as its leader): "tình hình thực hiện thông báo quy hoạch
chung các xã" named a notice by what it is about — it was answered with every notice's report, and the next such
question ("… thông báo cải cách hành chính") with "Báo cáo không thay đổi"; and a report on one of two notices whose
number was left blank ("Số:   /TB-UBND") said the other one's subject. Through the conversation, with the sandbox, on
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.reports import notice_subject_words
from tests.bot.conversation_setup import START, texts_to
from tests.conftest import DIRECTORY_CSV, local


def notice(subject: str, *items: str) -> str:
    return "\n".join(["ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "Số:      /TB-UBND", "Bình Thuận, ngày    tháng 02 năm 2018",
                      "THÔNG BÁO", subject, *items, ""])


COAST = notice("Kết luận của Chủ tịch UBND tỉnh về dự án đường ven biển",
               "1. Giao Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến của Nhân dân về dự án, báo cáo trước ngày "
               "15/3/2018.")
DIGITAL = notice("Kết luận của Chủ tịch UBND tỉnh về chuyển đổi số trong quản lý đất đai",
                 "1. Giao Sở Tài nguyên và Môi trường chủ trì số hóa hồ sơ địa chính, hoàn thành trước ngày "
                 "20/3/2018.")


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(START))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    for text in (COAST, DIGITAL):
        await h.say("admin", text)
        await h.tap("admin", texts.BUTTON_CONFIRM)
    yield h
    await h.stop()


async def asks(h, text: str) -> str:  # type: ignore[no-untyped-def]
    mark = len(h.sent)
    await h.say("leader", text)
    return texts_to(h, "leader", mark)[0]


async def test_a_notice_named_by_what_it_is_about(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness
    await h.advance_to(local(2018, 3, 21, 9, 0))  # both tasks overdue
    coast = await asks(h, "tình hình thực hiện thông báo đường ven biển")
    assert "Phạm vi: thông báo" in coast and "dự án đường ven biển" in coast, coast
    assert "Ban Dân vận Tỉnh ủy" in coast and "Sở Tài nguyên và Môi trường" not in coast, coast
    digital = await asks(h, "tình hình thông báo kết luận về chuyển đổi số")
    assert "chuyển đổi số trong quản lý đất đai" in digital and "dự án đường ven biển" not in digital, digital
    assert "Sở Tài nguyên và Môi trường" in digital and "Ban Dân vận Tỉnh ủy" not in digital, digital
    late = await asks(h, "đơn vị nào chậm thông báo chuyển đổi số")
    assert "Sở Tài nguyên và Môi trường" in late and "Ban Dân vận Tỉnh ủy" not in late, late
    everything = await asks(h, "báo cáo tình hình")  # naming none: every notice, as before
    assert "Ban Dân vận Tỉnh ủy" in everything and "Sở Tài nguyên và Môi trường" in everything, everything


def test_the_words_that_may_name_a_notice() -> None:
    assert notice_subject_words("thông báo quy hoạch chung các xã") == ["quy", "hoach", "chung", "xa"]
    assert notice_subject_words("tình hình thực hiện thông báo kết luận về cải cách hành chính") == \
        ["cai", "cach", "hanh", "chinh"]
    assert notice_subject_words("kế hoạch phòng chống dịch") == ["phong", "chong", "dich"]
    assert notice_subject_words("Sở Xây dựng") == []  # no kind of document first: a unit, read as before
    assert notice_subject_words("lịch trực Tết") == []
    assert notice_subject_words("thông báo số") == []  # (too few words to name one)
