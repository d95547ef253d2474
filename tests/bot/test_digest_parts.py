"""A digest too long for one message goes in parts; when a later part keeps failing (a server error past
the in-place retries), the first parts have arrived: the retry sends only the rest, headed "(tiếp theo)",
and no line arrives twice or goes missing. Through the real python-telegram-bot and the sandbox, on SQLite
and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.conftest import DIRECTORY_CSV, local

TOPICS = ["kiểm tra", "rà soát", "tổng hợp", "đánh giá", "xây dựng", "hoàn thiện", "báo cáo", "tuyên truyền"]
PLACES = ["huyện Tuy Phong", "huyện Bắc Bình", "thị xã La Gi", "huyện Hàm Tân", "huyện Đức Linh",
          "huyện Tánh Linh", "huyện Hàm Thuận Nam", "huyện Phú Quý"]
TASKS = 48


def notice() -> str:
    items = [f"{n}. Giao Ban Dân vận Tỉnh ủy chủ trì {TOPICS[n % 8]} tình hình công tác dân vận tại "
             f"{PLACES[(n // 8) % 8]} đợt {n}, hoàn thành trước ngày 02/3/2018." for n in range(1, TASKS + 1)]
    return "\n".join(["ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "Số: 71/TB-UBND", "Bình Thuận, ngày 20 tháng 02 năm 2018",
                      "THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Ban Dân vận Tỉnh ủy",
                      *items, ""])


async def test_a_digest_whose_second_part_fails_sends_only_the_rest(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 22, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", notice())
        await h.tap("admin", texts.BUTTON_CONFIRM)
        head = h.handles["head_bdv"]
        original = h.state.call
        armed = False

        async def call(method: str, params: dict[str, Any]) -> Any:
            nonlocal armed
            text = str(params.get("text"))
            if method == "sendMessage" and not armed and "Nhắc việc thứ" in text and text.startswith("(1/"):
                armed = True  # the parts after the first: a 502 more times than the sender retries in place
                answer = await original(method, params)
                h.state.fail_next("sendMessage", status=502, count=3)
                return answer
            return await original(method, params)

        h.state.call = call  # type: ignore[method-assign]
        await h.advance_to(local(2018, 2, 27, 8, 3))
        def digest_texts() -> list[str]:
            return [m.text or "" for m in h.state.bot_messages(head)
                    if m.date >= local(2018, 2, 27, 0, 0).timestamp() and "• Mục" in (m.text or "")]

        assert armed and len(digest_texts()) == 1, "the first part arrived, the second did not"
        await h.advance_to(local(2018, 2, 27, 9, 0))  # past the 5-minute back-off
        got = digest_texts()
        assert "Nhắc việc thứ Ba, 27/02/2018 (tiếp theo):" in got[1], got[1][:200]
        bullets = Counter(row.split(":")[0] for t in got for row in t.splitlines() if row.startswith("• Mục"))
        assert set(bullets) == {f"• Mục {n}" for n in range(1, TASKS + 1)}, "every line arrived"
        assert [b for b, n in bullets.items() if n > 1] == [], "none twice"
    finally:
        await h.stop()
