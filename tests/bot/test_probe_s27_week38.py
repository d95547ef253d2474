"""Month probe 38: the leader's weekly summary due Friday 15:00 went out (or was skipped as empty) before a "xong"
typed that same afternoon was handled, and the next summary started the next day, so the leader never heard of it.
Each summary's window starts exactly where the previous one's ended (the time it was claimed, not its date), so
every finished item is in exactly one summary. Through the conversation harness, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.calendar import VN_TZ
from scheduler.clock import FakeClock
from storage.reports import weekly_digest
from tests.conftest import DIRECTORY_CSV, SEED_NOTICE, local


async def _started(db_url: str) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.send_file("admin", SEED_NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    return h


def _summaries(h: Harness) -> list[str]:
    return [s.text or "" for s in h.sent if s.to == "leader" and "trong tuần" in (s.text or "")]


def _done_lines(summary: str) -> list[str]:
    """The lines of part 1 ("Hoàn thành trong tuần") of a summary."""
    lines = summary.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("1. Hoàn thành trong tuần"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:2] in ("2.", "3.", "4.", "5.")), len(lines))
    return lines[start:end]


async def test_a_xong_typed_at_the_summarys_minute_is_in_the_next_summary(db_url: str) -> None:
    """The probe: the summary ticks at Friday 15:00 and "2.2.a xong" is typed at 15:00 too, after it; the next
    Friday's summary lists 2.2.a, and 2.1 (finished before the first summary) is not listed again."""
    h = await _started(db_url)
    try:
        h.clock.set(local(2018, 3, 1, 10, 0))
        await h.say("head_bdv", "2.1 xong")
        await h.advance_to(local(2018, 3, 2, 15, 0))  # the summary goes out at 15:00 ...
        assert len(_summaries(h)) == 1
        await h.say("head_bdv", "2.2.a xong")  # ... and the xong is typed at 15:00, after it
        # the summary's own window ends at its cut: done at the cut is the next one's, not this one's too (a worker
        # that reads the tasks a moment after claiming the week does not list what was finished in between)
        assert h.db is not None
        cut = local(2018, 3, 2, 15, 0)
        week = h.db.call(lambda s: weekly_digest(s, today=dt.date(2018, 3, 2), tz=VN_TZ, until=cut))
        assert [i.item_ref for i in week.done] == ["2.1"], week.done
        await h.advance_to(local(2018, 3, 9, 16, 0))
        first, second = _summaries(h)
        assert "1. Hoàn thành trong tuần: 1 nhiệm vụ." in first, first
        assert "1. Hoàn thành trong tuần: 1 nhiệm vụ." in second, second
        assert "2.2.a" in "\n".join(_done_lines(second)) and "2.1 " not in "\n".join(_done_lines(second)), second
        # its heading starts at the last summary's cut, so "hoàn thành ngày 02/03" under it is not a mistake
        assert "trong tuần, từ 15:00 ngày 02/03/2018 đến 09/03/2018." in second, second
        assert "trong tuần, từ 24/02/2018 đến 02/03/2018." in first, first
    finally:
        await h.stop()


async def test_a_xong_after_a_summary_skipped_as_empty_is_in_the_next_one(db_url: str) -> None:
    """The Friday summary finds nothing to report and is not sent; a "xong" typed right after it (same minute, and
    one later that afternoon) is in the next summary, whose window starts at the skipped one's cut."""
    h = await _started(db_url)
    try:
        await h.advance_to(local(2018, 3, 2, 15, 0))  # nothing finished, nothing overdue: skipped
        assert _summaries(h) == []
        await h.say("head_bdv", "2.1 xong")
        h.clock.set(local(2018, 3, 2, 16, 30))
        await h.say("head_bdv", "2.2.a xong")
        await h.advance_to(local(2018, 3, 9, 16, 0))
        (summary,) = _summaries(h)
        assert "1. Hoàn thành trong tuần: 2 nhiệm vụ." in summary, summary
        assert "trong tuần, từ 15:00 ngày 02/03/2018 đến 09/03/2018." in summary, summary
    finally:
        await h.stop()


async def test_a_summary_moved_before_a_holiday_hands_over_at_its_cut(db_url: str) -> None:
    """A summary moved to Thursday (Friday a day off, set by the admin): a xong at its minute is in the next
    Friday's summary, once; what was finished before it is in it only."""
    h = await _started(db_url)
    try:
        await h.say("admin", "/lich nghỉ 09/03/2018 Nghỉ bù")
        h.clock.set(local(2018, 3, 7, 10, 0))
        await h.say("head_bdv", "2.1 xong")
        await h.advance_to(local(2018, 3, 8, 15, 0))  # Thursday: the summary moved before the day off
        assert len(_summaries(h)) == 1
        await h.say("head_bdv", "2.2.a xong")
        await h.advance_to(local(2018, 3, 16, 16, 0))
        first, second = _summaries(h)
        assert "1. Hoàn thành trong tuần: 1 nhiệm vụ." in first, first
        assert "1. Hoàn thành trong tuần: 1 nhiệm vụ." in second, second
        assert "2.2.a" in "\n".join(_done_lines(second)), second
    finally:
        await h.stop()
