"""A cadre says a task is not her unit's (session 22, last session's leftover): her head, who answers for the unit's
tasks, is told too — once, short; a unit asked for that the directory does not have is said so to the office, with
what to do. Through the real conversation core and the sandbox."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import Harness
from tests.bot.conversation_setup import started, texts_to


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


async def test_the_head_hears_once_when_a_cadre_says_a_task_is_not_the_units(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 1 @cadre_bdv")
    mark = len(h.sent)
    await h.say("cadre_bdv", "1 không phải việc của đơn vị tôi, đề nghị chuyển sang Sở Tài nguyên và Môi trường")
    [head] = texts_to(h, "head_bdv", mark)
    assert head == ("Kính gửi đồng chí Lê Văn Dân, đ/c Phạm Thị Vận đề nghị chuyển nhiệm vụ mục 1 (Thông báo số "
                    "45/TB-UBND ngày 20/02/2018) sang Sở Tài nguyên và Môi trường chủ trì; Nhắc việc đã chuyển đề "
                    "nghị đến Văn phòng. Tiến độ nhiệm vụ không thay đổi."), head
    assert texts_to(h, "cadre_bdv", mark)[0].endswith("Đ/c Lê Văn Dân (trưởng đơn vị) cũng được báo.")
    mark = len(h.sent)
    await h.say("cadre_bdv", "1 em báo lại, việc này không thuộc chức năng của Ban")  # said again: the head not again
    assert texts_to(h, "admin", mark) and not texts_to(h, "head_bdv", mark)
    mark = len(h.sent)
    await h.say("cadre_bdv", "chuyển mục 2 sang Sở Tài nguyên và Môi trường")  # the move form, another task
    [head] = texts_to(h, "head_bdv", mark)
    assert "đề nghị chuyển nhiệm vụ mục 2 " in head, head


async def test_a_unit_not_in_the_directory_is_said_so_to_the_office_with_what_to_do(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("head_bdv", "1 không phải việc của đơn vị tôi, đề nghị chuyển sang Ban Tuyên giáo Tỉnh ủy")
    [office] = texts_to(h, "admin", mark)
    assert "sang “Ban Tuyên giáo Tỉnh ủy” chủ trì" in office, office
    assert office.endswith("Lưu ý: “Ban Tuyên giáo Tỉnh ủy” chưa có trong danh bạ nên chưa chuyển được. Nếu đồng ý, "
                           "đồng chí gửi tệp danh bạ (Excel hoặc CSV) có đơn vị này và trưởng đơn vị vào đây, rồi gõ: "
                           "chuyển mục 1 sang Ban Tuyên giáo Tỉnh ủy; hoặc giao cho một đơn vị đã có trong danh bạ: "
                           "chuyển mục 1 sang <tên đơn vị chủ trì>"), office
    assert len(texts_to(h, "head_bdv", mark)) == 1  # the head asked: only his own answer
