"""A notice none of whose tasks anyone would receive (probe 20 F7: a results notice addressed to "đơn vị nêu trên" and
"Công ty", confirmed as it was, registered four tasks nobody was reminded of and a report listing a unit called "đơn
vị nêu trên"): the preview says the notice names no unit there, **Xác nhận** is asked again, "vẫn xác nhận" confirms.
Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Notice
from tests.bot.conversation_setup import last_text, texts_to
from tests.conftest import DIRECTORY_CSV, local

NOTICE = "\n".join([
    "SỞ CÔNG THƯƠNG TỈNH BÌNH THUẬN", "Số: 94/TB-SCT", "Bình Thuận, ngày 20 tháng 02 năm 2018", "THÔNG BÁO",
    "Kết quả kiểm tra việc sử dụng vật liệu nổ công nghiệp",
    "Kiến nghị:",
    "- Đề nghị Công ty tiếp tục tăng cường kiểm tra, giám sát việc nổ mìn đúng thiết kế.",
    "- Đề nghị các đơn vị nêu trên rà soát, bổ sung biển báo, nội quy kho vật liệu nổ.", ""])


def _status(h: Harness) -> list[str]:
    assert h.db is not None
    return h.db.call(lambda s: list(s.scalars(select(Notice.status))))


async def test_a_notice_nobody_would_receive_is_asked_again(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        preview = "\n".join(texts_to(h, "admin"))
        assert "• Chủ trì: các đơn vị nêu trên (văn bản không nêu tên đơn vị cụ thể)\n" in preview, preview
        assert "• Chủ trì: Công ty (văn bản không nêu tên đơn vị cụ thể)\n" in preview
        # how to name the unit: once, under the tasks (s19 newuser P9: a nested parenthesis on every task)
        assert preview.count("cách nhau bằng dấu phẩy") == 1 and "((" not in preview and "))" not in preview, preview
        assert "— văn bản không nêu tên đơn vị cụ thể. Đồng chí ghi đơn vị chủ trì, ví dụ “1: " in preview, preview
        assert "bổ sung danh bạ" not in preview, "a directory file cannot name a unit the notice does not name"
        await h.tap("admin", texts.BUTTON_CONFIRM)
        held = last_text(h, "admin")
        assert held.startswith("Chưa xác nhận: chưa nhiệm vụ nào có người nhận — nhiệm vụ số 1 (Công ty — văn bản "
                               "không nêu tên đơn vị cụ thể); số 2 (các đơn vị nêu trên — văn bản"), held
        assert "“vẫn xác nhận”" in held and "bổ sung danh bạ" not in held
        assert _status(h) == ["draft"]
        await h.say("admin", "vẫn xác nhận")
        assert _status(h) == ["confirmed"]
        answer = last_text(h, "admin")
        assert "Văn bản không nêu tên đơn vị ở mục" in answer and "gửi tệp danh bạ" not in answer, answer
    finally:
        await h.stop()


async def test_a_notice_someone_receives_is_confirmed_at_once(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE.replace("Đề nghị Công ty", "Đề nghị Sở Tài nguyên và Môi trường"))
        await h.tap("admin", texts.BUTTON_CONFIRM)
        assert _status(h) == ["confirmed"]
    finally:
        await h.stop()
