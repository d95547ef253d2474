"""What probe 25 met in a month of one notice, through the real conversation core and the Telegram sandbox on a
real database: a supporting unit's head could not find what her unit supports (#6); "nhiệm vụ 1 giao Văn phòng chủ
trì" kept "chủ trì" in the unit's name (#7)."""

from __future__ import annotations

from sqlalchemy import select

from bot.sandbox.harness import Harness
from storage.models import Task
from tests.bot.conftest import last_text, texts_to

NOTICE = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 15/TB-UBND\nBình Thuận, ngày 20 tháng 02 năm 2018\n"
          "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh về công tác dân vận\n"
          "1. Giao Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Sở Tài nguyên và Môi trường tổng hợp ý kiến của Nhân "
          "dân về việc thu hồi đất, báo cáo trước ngày 16/3/2018.\n"
          "2. Giao Ban Dân vận Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 09/3/2018.\n")


async def test_a_supporting_head_sees_what_her_unit_supports_under_viec(harness: Harness) -> None:
    """Probe 25 #6: the head of a supporting unit, told at confirmation that it supports an item, asked "Sở Tư pháp
    phối hợp việc gì vậy?" and /viec and was told she had nothing."""
    h = harness
    await h.say("admin", NOTICE)
    await h.say("admin", "xác nhận")
    for asked in ("/viec", "Sở Tài nguyên và Môi trường phối hợp việc gì vậy?"):
        mark = len(h.sent)
        await h.say("head_stnmt", asked)
        [said] = texts_to(h, "head_stnmt", mark)
        assert said.startswith("Đồng chí hiện không trực tiếp phụ trách nhiệm vụ nào.\n"
                               "Sở Tài nguyên và Môi trường phối hợp 1 nhiệm vụ theo Thông báo số 15/TB-UBND"), said
        assert "• Mục 1 (phối hợp): " in said and "— chủ trì: Ban Dân vận Tỉnh ủy; hạn 16/03/2018" in said, said
        assert "Mục 2" not in said and "“phối hợp 1: đã gửi ý kiến”" in said


async def test_a_head_who_leads_and_supports_gets_both_apart(harness: Harness) -> None:
    h = harness
    await h.say("admin", NOTICE.replace("2. Giao Ban Dân vận Tỉnh ủy rà soát",
                                        "2. Giao Sở Tài nguyên và Môi trường rà soát"))
    await h.say("admin", "xác nhận")
    mark = len(h.sent)
    await h.say("head_stnmt", "/viec")
    own, supported = texts_to(h, "head_stnmt", mark)
    assert own.startswith("Nhiệm vụ đồng chí Trần Văn Môi đang phụ trách (1):") and "Mục 2:" in own, own
    assert "Mục 1" not in own and supported.startswith("Sở Tài nguyên và Môi trường phối hợp 1 nhiệm vụ"), supported
    mark = len(h.sent)
    await h.say("head_bdv", "/viec")  # the lead unit: its own tasks only, as before
    [only] = texts_to(h, "head_bdv", mark)
    assert "phối hợp 1 nhiệm vụ" not in only and "Mục 1:" in only


def _leads(h: Harness) -> dict[str, str | None]:
    assert h.db is not None
    return h.db.call(lambda s: {t.item_ref: t.lead_name for t in s.scalars(select(Task))})


async def test_a_lead_typed_with_its_role_is_the_unit_alone(harness: Harness) -> None:
    """Probe 25 #7: "nhiệm vụ 1 giao Văn phòng chủ trì" set the lead to "Văn phòng chủ trì" (not in the directory)."""
    h = harness
    await h.say("admin", NOTICE.replace("2. Giao Ban Dân vận Tỉnh ủy rà soát", "2. Rà soát"))
    await h.say("admin", "nhiệm vụ 2 giao Sở Tài nguyên và Môi trường chủ trì, Ban Dân vận Tỉnh ủy phối hợp")
    said = last_text(h, "admin")
    assert "• Chủ trì: Sở Tài nguyên và Môi trường — giao đ/c Trần Văn Môi\n" in said, said
    assert "• Phối hợp: Ban Dân vận Tỉnh ủy" in said, said
    assert "chưa có trong danh bạ" not in said
    await h.say("admin", "giao Ban Dân vận Tỉnh ủy chủ trì thực hiện nhiệm vụ 1")
    assert "chủ trì: Ban Dân vận Tỉnh ủy" in last_text(h, "admin") and "chưa có" not in last_text(h, "admin")
    await h.say("admin", "xác nhận")
    assert _leads(h) == {"1": "Ban Dân vận Tỉnh ủy", "2": "Sở Tài nguyên và Môi trường"}
    await h.say("admin", "chuyển mục 2 sang Ban Dân vận Tỉnh ủy chủ trì")  # a confirmed task moved, said the same way
    assert _leads(h)["2"] == "Ban Dân vận Tỉnh ủy", last_text(h, "admin")
