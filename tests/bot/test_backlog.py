"""A restart with a weekend's backlog: what people sent while the bot was down counts at the time they
sent it, and every tap gets its confirmation even when Telegram no longer takes the tap's answer.
SQLite and PostgreSQL, through the strict sandbox."""

from __future__ import annotations

from sqlalchemy import func, select

from bot import texts
from bot.sandbox.harness import Harness
from storage.models import StatusReport, Task, TaskStatus
from tests.bot.conftest import last_text
from tests.conftest import local

NOTICE = ("Kính gửi: Ban Dân vận Tỉnh ủy\nĐồng chí Phó Bí thư Thường trực Tỉnh ủy kết luận như sau:\n"
          "1. Ban Dân vận Tỉnh ủy chủ trì rà soát quy chế làm việc, hoàn thành trước ngày 02/3/2018.\n"
          "2. Ban Dân vận Tỉnh ủy chủ trì tổng kết công tác dân vận, hoàn thành trước ngày 02/3/2018.\n")


async def test_a_weekend_backlog_counts_at_the_time_people_sent_it(harness: Harness) -> None:
    h = harness
    await h.say("admin", NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2018, 3, 1, 8, 0))  # Thursday's digest: one day left
    await h.tap("head_bdv", "Mục 2")  # the card of item 2, to tap from later
    card = h.last_with_button("head_bdv", texts.BUTTON_DONE)
    # Friday afternoon, the deadline day: the bot is down; the head types and taps anyway
    h.clock.set(local(2018, 3, 2, 16, 0))
    typed = h.state.user_text(h.handles["head_bdv"], "1 xong")
    tapped = h.state.user_tap(h.handles["head_bdv"], card, card.button_data(texts.BUTTON_DONE) or "")
    # Monday morning the bot is back and works through the backlog
    h.clock.set(local(2018, 3, 5, 9, 0))
    await h.deliver(typed)
    assert last_text(h, "head_bdv") == "Đã cập nhật: mục 1 — Hoàn thành, đúng hạn.", "counted when it was sent"
    await h.deliver(tapped)  # Telegram refuses to answer a tap that old; the confirmation still comes
    # (a tap carries no date of its own: it counts when it is handled)
    assert last_text(h, "head_bdv") == "Đã cập nhật: mục 2 — Hoàn thành, quá hạn."
    await h.deliver(tapped)  # the same tap delivered twice: nothing new stored
    assert "đã hoàn thành" in last_text(h, "head_bdv")
    assert h.db is not None
    assert h.db.call(lambda s: s.scalar(select(func.count()).select_from(StatusReport))) == 2
    assert h.db.call(lambda s: set(s.scalars(select(Task.status)))) == {TaskStatus.DONE}


async def test_a_half_hour_bot_api_outage_delays_the_morning_digest_but_loses_nothing(harness: Harness) -> None:
    h = harness
    await h.say("admin", NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    h.state.outage(local(2018, 2, 27, 7, 50), local(2018, 2, 27, 8, 30), status=502, methods={"sendMessage"})
    await h.advance_to(local(2018, 2, 27, 12, 0))
    digests = [s for s in h.sent if s.to == "head_bdv" and "Nhắc việc thứ" in (s.text or "")]
    assert len(digests) == 1, "delivered once, after the outage"
    assert local(2018, 2, 27, 8, 30) <= digests[0].at < local(2018, 2, 27, 9, 0)
    assert "SẮP ĐẾN HẠN (2)" in (digests[0].text or "")


async def test_flood_control_and_bad_gateways_during_the_morning_lose_and_double_nothing(db_url: str) -> None:
    from bot.sandbox.server import RateLimits
    from scheduler.clock import FakeClock
    from tests.conftest import DIRECTORY_CSV

    people = 40
    directory = DIRECTORY_CSV.read_text(encoding="utf-8") + "".join(
        f"h{i},Trưởng {i},,Đơn vị {i},head\n" for i in range(people))
    notice = "Kính gửi: các đơn vị\nChủ tịch UBND tỉnh có ý kiến như sau:\n" + "".join(
        f"{i + 1}. Giao Đơn vị {i} chủ trì rà soát hồ sơ, hoàn thành trước ngày 02/3/2018.\n" for i in range(people))
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)),
                limits=RateLimits(overall_per_second=5, overall_burst=5))  # far stricter than Telegram
    await h.start(directory_csv=directory.encode(), enroll_all=True)
    try:
        await h.say("admin", notice)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        h.clock.set(local(2018, 2, 27, 7, 59))
        h.state.fail_next("sendMessage", status=502, count=3)
        await h.advance_to(local(2018, 2, 27, 12, 0))
        await h.say("head_bdv", "/viec")  # someone else is answered at once
        assert "không có nhiệm vụ nào" in last_text(h, "head_bdv")
        digests = [s.to for s in h.sent if "Nhắc việc thứ Ba, 27/02/2018" in (s.text or "")]
        assert sorted(digests) == sorted(f"h{i}" for i in range(people)), "every digest once, none lost"
    finally:
        await h.stop()
