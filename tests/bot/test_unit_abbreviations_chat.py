"""“chuyển mục 3 sang Phòng KT&HT”: a unit typed with "&" and the initials of its words is the directory's “Phòng
Kinh tế và Hạ tầng”; a name that fits no unit gets the closest ones offered, courteously. Through the real
python-telegram-bot and the Bot API sandbox, on SQLite and on PostgreSQL."""

from __future__ import annotations

from bot.sandbox.harness import Harness
from tests.bot.conversation_setup import NOTICE, last_text, started_with, task, texts_to
from tests.conftest import DIRECTORY_CSV

DIRECTORY = DIRECTORY_CSV.read_text(encoding="utf-8") + \
    "tp_ktht,Phạm Văn Xây,Trưởng phòng,Phòng Kinh tế và Hạ tầng,head\n" \
    "tp_vhtt,Đỗ Thị Văn,Trưởng phòng,Phòng Văn hóa - Thông tin,head\n"


async def test_a_move_to_a_unit_typed_with_initials_and_a_did_you_mean(db_url: str) -> None:
    h: Harness = await started_with(db_url, DIRECTORY, NOTICE)
    try:
        mark = len(h.sent)
        await h.say("admin", "chuyển mục 3 sang Phòng KT&HT")
        answer = last_text(h, "admin")
        assert "sang Phòng Kinh tế và Hạ tầng chủ trì" in answer, answer
        assert task(h, "3").lead_unit_names == ["Phòng Kinh tế và Hạ tầng"]
        assert any("• Mục 3:" in t for t in texts_to(h, "tp_ktht", mark))

        await h.say("admin", "chuyển mục 4 sang P. VH-TT")
        assert "sang Phòng Văn hóa - Thông tin chủ trì" in last_text(h, "admin"), last_text(h, "admin")

        await h.say("admin", "chuyển mục 1 sang Phòng KT-XH")
        answer = last_text(h, "admin")
        assert answer == ("Không tìm thấy đơn vị “Phòng KT-XH” trong danh bạ (cần đúng một đơn vị). Có phải đồng chí "
                          "muốn ghi “Phòng Kinh tế và Hạ tầng”? Nếu đúng, đồng chí gõ: chuyển mục 1 sang Phòng Kinh "
                          "tế và Hạ tầng."), answer
        assert task(h, "1").lead_unit_names != ["Phòng Kinh tế và Hạ tầng"]
    finally:
        await h.stop()
