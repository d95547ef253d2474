"""The dispatcher contract, run on SQLite and on PostgreSQL: one digest a person a working
morning, planned once, delivered once (leases and fencing), catch-up after downtime,
failures that never end anything."""

from __future__ import annotations

import asyncio
import datetime as dt

from sqlalchemy import func, select

from scheduler.clock import FakeClock
from scheduler.dispatcher import (
    FLUSH_MESSAGES,
    DigestView,
    RateLimited,
    TransientSendError,
    Unreachable,
    _finish,
    claim_due,
    plan_digests,
    send_due_digests,
)
from scheduler.policy import ReminderPolicy
from storage.db import Database
from storage.directory import bind_chat, import_directory, parse_directory_csv, person_by_handle
from storage.models import Digest, DigestRun, DigestState, Person, SendPause, Task, TaskStatus
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from storage.tasks import StatusUpdate, record_status
from tests.conftest import DIRECTORY_CSV, local

policy = ReminderPolicy()


class RecordingSender:
    """A channel that records what it was asked to deliver (the outside world, not our code)."""

    channel = "telegram"

    def __init__(self, fail_with: list[Exception] | None = None) -> None:
        self.sent: list[tuple[str, DigestView]] = []
        self.fail_with = list(fail_with or [])

    async def send_digest(self, chat_id: str, view: DigestView) -> str:
        if self.fail_with:
            raise self.fail_with.pop(0)
        self.sent.append((chat_id, view))
        return str(1000 + len(self.sent))

    def to(self, chat_id: str) -> list[DigestView]:
        return [view for chat, view in self.sent if chat == chat_id]


HEAD_BDV, HEAD_STNMT, LEADER = "102", "104", "101"


def register(db: Database, tasks: list[ParsedTask], *, at: dt.datetime, enroll: bool = True) -> None:
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=at)
    if enroll:
        for i, handle in enumerate(["admin", "leader", "head_bdv", "cadre_bdv", "head_stnmt"]):
            db.call(bind_chat, handle=handle, channel="telegram", chat_id=str(100 + i))
    admin = db.call(person_by_handle, "admin")
    draft = db.call(create_draft, ParsedNotice(kind="THÔNG BÁO", tasks=tuple(tasks)), source_text=repr(tasks),
                    source_name="", by=admin, now=at)
    db.call(confirm_notice, draft.notice_id, by=admin, now=at)


def task(ref: str, due: dt.date | None, lead: str = "Ban Dân vận Tỉnh ủy") -> ParsedTask:
    return ParsedTask(ref=ref, text=f"Nhiệm vụ {ref}", lead=(lead,), due=due)


async def mornings(db: Database, sender: RecordingSender, start: dt.date, end: dt.date, *,
                   skip: tuple[dt.date, dt.date] | None = None) -> None:
    """Tick at 08:00 every day from `start` to `end` (the dispatcher skips days off itself); `skip`:
    the bot is down from the first to the last of these days."""
    day = start
    while day <= end:
        if skip is None or not skip[0] <= day <= skip[1]:
            clock = FakeClock(policy.calendar.at(day, policy.remind_at))
            await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy)
        day += dt.timedelta(days=1)


async def test_a_head_with_thirteen_tasks_gets_one_digest(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task(str(i), None) for i in range(1, 14)], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    await mornings(db, sender, dt.date(2018, 2, 27), dt.date(2018, 3, 30))
    digests = sender.to(HEAD_BDV)
    assert [v.day for v in digests] == [dt.date(2018, 3, 12), dt.date(2018, 3, 26)], "every ten working days"
    assert all(len(v.lines) == 13 and {line.category for line in v.lines} == {"checkin"} for v in digests)
    assert db.call(lambda s: s.scalar(select(func.count()).select_from(DigestRun))) == 24, "one run a working day"


async def test_a_month_with_two_overdue_tasks_is_one_message_a_day_at_most_and_backs_off(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2)), task("2", dt.date(2018, 3, 5))], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    await mornings(db, sender, dt.date(2018, 2, 26), dt.date(2018, 4, 6))
    days = [v.day for v in sender.to(HEAD_BDV)]
    assert len(days) == len(set(days)), "at most one message a working day"
    late = [v.day for v in sender.to(HEAD_BDV) if v.day >= dt.date(2018, 3, 19)]
    assert all(day.weekday() == 0 for day in late), "weekly (Mondays) once the daily phase is over"
    assert len(days) <= 15
    to_leader = sender.to(LEADER)
    assert [(v.day, [line.item_ref for line in v.lines]) for v in to_leader] == [
        (dt.date(2018, 3, 9), ["1"]), (dt.date(2018, 3, 12), ["2"])], "each task escalated once"
    assert all(line.escalation == "leaders" for v in to_leader for line in v.lines)


async def test_catch_up_after_tet_2026_is_one_digest_with_no_negative_counts(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2026, 2, 13)), task("2", dt.date(2026, 3, 6)), task("3", None)],
              at=local(2026, 2, 2, 9, 0))
    sender = RecordingSender()
    await mornings(db, sender, dt.date(2026, 2, 2), dt.date(2026, 3, 6), skip=(dt.date(2026, 2, 11),
                                                                              dt.date(2026, 2, 25)))
    first_back = [v for v in sender.to(HEAD_BDV) if v.day == dt.date(2026, 2, 26)]
    assert len(first_back) == 1 and first_back[0].catch_up
    lines = {line.item_ref: line for line in first_back[0].lines}
    assert lines["1"].category == "overdue" and lines["1"].days_late is not None and lines["1"].days_late > 0
    for view in sender.sent:
        for line in view[1].lines:
            assert (line.working_days_left or 0) >= 0 and (line.days_left or 0) >= 0
    leaders = [line.item_ref for v in sender.to(LEADER) for line in v.lines]
    assert leaders.count("1") == 1, "an escalation that fell due in the gap is told once"


async def test_a_three_day_outage_gives_one_catch_up_digest(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 7))], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    await mornings(db, sender, dt.date(2018, 2, 26), dt.date(2018, 3, 12),
                   skip=(dt.date(2018, 3, 2), dt.date(2018, 3, 7)))
    days = [(v.day, v.lines[0].category, v.catch_up) for v in sender.to(HEAD_BDV)]
    # 3/3: "còn 3 ngày" fell in the gap, "còn 1 ngày" too, and the deadline day: back on 8/3 it is overdue
    assert days[0] == (dt.date(2018, 3, 8), "overdue", True)
    assert sender.to(HEAD_BDV)[0].lines[0].days_late == 1


async def test_a_day_is_planned_once_even_by_two_workers(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", None)], at=local(2018, 2, 26, 9, 0))
    now = local(2018, 3, 12, 8, 0)
    first = db.call(plan_digests, policy=policy, today=now.date(), now=now)
    second = db.call(plan_digests, policy=policy, today=now.date(), now=now)
    assert (first, second) == (1, 0)
    senders = {"telegram": RecordingSender()}
    results = await asyncio.gather(*(send_due_digests(db, senders, clock=FakeClock(now), policy=policy,  # type: ignore[arg-type]
                                                      worker=w) for w in ("a", "b")))
    assert sorted(len(r.sent) for r in results) == [0, 1]
    assert len(senders["telegram"].sent) == 1


async def test_a_late_worker_cannot_mark_or_resend_a_row_it_lost(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", None)], at=local(2018, 2, 26, 9, 0))
    now = local(2018, 3, 12, 8, 0)
    db.call(plan_digests, policy=policy, today=now.date(), now=now)
    lease = dt.timedelta(minutes=5)
    [slow] = db.call(claim_due, now=now, worker="slow", limit=10, lease=lease)
    later = now + dt.timedelta(minutes=6)  # the slow worker overran its lease
    [fast] = db.call(claim_due, now=later, worker="fast", limit=10, lease=lease)
    assert fast.digest_id == slow.digest_id and fast.token == slow.token + 1
    assert db.call(_finish, slow, worker="slow", now=later, state=DigestState.SENT, message_id="x") is False
    assert db.call(_finish, fast, worker="fast", now=later, state=DigestState.SENT, message_id="y") is True
    digest = db.call(lambda s: s.scalars(select(Digest)).one())
    assert (digest.state, digest.message_id) == (DigestState.SENT, "y")


async def test_failures_retry_then_fail_but_tomorrow_is_planned_all_the_same(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2))], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender(fail_with=[TransientSendError("502")] * 5)
    clock = FakeClock(local(2018, 2, 27, 8, 0))
    for _ in range(5):
        await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy)
        clock.advance(dt.timedelta(minutes=45))  # past the longest back-off (5, 10, 20, 40 min)
    assert db.call(lambda s: s.scalars(select(Digest.state)).one()) == DigestState.FAILED
    await mornings(db, sender, dt.date(2018, 2, 28), dt.date(2018, 3, 2))
    # the failed lines come back the next morning, and the ladder goes on: the deadline, announced on 28/02 (the
    # 27/02 digest never reached him), is not announced again on 01/03; the deadline day comes (session 22)
    assert [v.day for v in sender.to(HEAD_BDV)] == [dt.date(2018, 2, 28), dt.date(2018, 3, 2)]


async def test_unreachable_people_are_marked_and_unenrolled_ones_wait(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2)), task("2", dt.date(2018, 3, 2), lead="Sở Tài nguyên và Môi trường")],
             at=local(2018, 2, 26, 9, 0))
    db.call(lambda s: setattr(s.scalars(select(Person).where(Person.handle == "head_stnmt")).one(),
                              "telegram_chat_id", None))
    sender = RecordingSender(fail_with=[Unreachable("blocked")])
    result = await send_due_digests(db, {"telegram": sender}, clock=FakeClock(local(2018, 2, 27, 8, 0)),
                                    policy=policy)
    assert len(result.failed) == 1 and len(result.postponed) == 1
    head = db.call(person_by_handle, "head_bdv")
    assert head.unreachable_since is not None
    waiting = db.call(lambda s: s.scalars(select(Digest).where(Digest.state == DigestState.PENDING)).one())
    assert waiting.due_at == local(2018, 2, 28, 8, 0), "retried the next working morning"


async def test_someone_who_joins_late_gets_one_digest_with_todays_counts_not_the_days_they_missed(
        migrated_db: Database) -> None:
    """A head without a chat for a week (a successor whose invite is opened later): the digests of the days they
    could not be reached are not queued up and sent together when they join; the next morning brings one digest,
    its counts as of that morning."""
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2)), task("2", dt.date(2018, 3, 14)), task("3", dt.date(2018, 3, 5))],
             at=local(2018, 2, 26, 9, 0))
    db.call(lambda s: setattr(s.scalars(select(Person).where(Person.handle == "head_bdv")).one(),
                              "telegram_chat_id", None))
    sender = RecordingSender()
    await mornings(db, sender, dt.date(2018, 2, 27), dt.date(2018, 3, 9))
    assert sender.to(HEAD_BDV) == []
    db.call(bind_chat, handle="head_bdv", channel="telegram", chat_id=HEAD_BDV)
    await mornings(db, sender, dt.date(2018, 3, 12), dt.date(2018, 3, 12))
    [digest] = sender.to(HEAD_BDV)
    assert digest.day == dt.date(2018, 3, 12) and not digest.catch_up, "not a catch-up after downtime"
    lines = {line.item_ref: line for line in digest.lines}
    assert set(lines) == {"1", "2", "3"}
    assert (lines["1"].category, lines["1"].days_late) == ("overdue", 6), "2/3 → 12/3: six working days late"
    assert (lines["3"].category, lines["3"].days_late) == ("overdue", 5)
    assert (lines["2"].category, lines["2"].days_left) == ("due_soon", 2)
    states = db.call(lambda s: [d.state for d in s.scalars(select(Digest).join(Person).where(
        Person.handle == "head_bdv", Digest.day < dt.date(2018, 3, 12)))])
    assert states and set(states) == {DigestState.CARRIED}


async def test_flood_control_holds_that_chat_for_exactly_the_wait_and_the_other_goes(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2)), task("2", dt.date(2018, 3, 2), lead="Sở Tài nguyên và Môi trường")],
             at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender(fail_with=[RateLimited(7)])
    clock = FakeClock(local(2018, 2, 27, 8, 0))
    result = await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy)
    assert result.retry_after == 7 and len(result.sent) == 1 and len(sender.sent) == 1, "the other chat went"
    held = db.call(lambda s: s.scalars(select(Digest).where(Digest.state == DigestState.PENDING)).one())
    assert held.due_at == clock.now() + dt.timedelta(seconds=7) and held.attempts == 0
    clock.advance(dt.timedelta(seconds=6))
    assert (await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy)).sent == []
    clock.advance(dt.timedelta(seconds=1))
    again = await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy)
    assert len(again.sent) == 1 and len({chat for chat, _ in sender.sent}) == 2


async def test_a_task_closed_after_planning_is_left_out_and_a_status_restarts_the_checkin(
        migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", None), task("2", None)], at=local(2018, 2, 26, 9, 0))
    now = local(2018, 3, 12, 8, 0)
    db.call(plan_digests, policy=policy, today=now.date(), now=now)
    head = db.call(person_by_handle, "head_bdv")
    first = db.call(lambda s: s.scalars(select(Task).order_by(Task.id)).first())
    db.call(record_status, task_id=first.id, actor=head, change=StatusUpdate(status=TaskStatus.DONE), source="text",
            now=now - dt.timedelta(minutes=1), today=now.date())
    sender = RecordingSender()
    await send_due_digests(db, {"telegram": sender}, clock=FakeClock(now), policy=policy)
    assert [line.item_ref for line in sender.to(HEAD_BDV)[0].lines] == ["2"]


async def test_a_checkin_answered_before_it_goes_out_is_not_asked(migrated_db: Database) -> None:
    """Probe 19: a head who joined late reported on an undated task in the afternoon and the next morning's digest
    (carrying the check-in of a day he could not be reached) asked him for it again; a digest planned before a report
    and sent after it (a retry) the same."""
    db = migrated_db
    register(db, [task("1", None), task("2", None)], at=local(2018, 2, 26, 9, 0))
    db.call(lambda s: setattr(s.scalars(select(Person).where(Person.handle == "head_bdv")).one(),
                              "telegram_chat_id", None))
    sender = RecordingSender()
    await mornings(db, sender, dt.date(2018, 2, 27), dt.date(2018, 3, 14))  # 12/03: the check-in, undelivered
    db.call(bind_chat, handle="head_bdv", channel="telegram", chat_id=HEAD_BDV)
    head = db.call(person_by_handle, "head_bdv")
    first, second = db.call(lambda s: list(s.scalars(select(Task).order_by(Task.id))))
    db.call(record_status, task_id=first.id, actor=head, change=StatusUpdate(status=TaskStatus.IN_PROGRESS),
            source="text", now=local(2018, 3, 14, 15, 0), today=dt.date(2018, 3, 14))
    await mornings(db, sender, dt.date(2018, 3, 15), dt.date(2018, 3, 15))
    [digest] = sender.to(HEAD_BDV)
    assert [(line.item_ref, line.category) for line in digest.lines] == [("2", "checkin")]
    # the next round (26/03): planned at 08:00, task 2 reported at 08:30, the send retried at 09:00
    now = local(2018, 3, 26, 8, 0)
    db.call(plan_digests, policy=policy, today=now.date(), now=now)
    db.call(record_status, task_id=second.id, actor=head, change=StatusUpdate(status=TaskStatus.IN_PROGRESS),
            source="text", now=local(2018, 3, 26, 8, 30), today=now.date())
    await send_due_digests(db, {"telegram": sender}, clock=FakeClock(local(2018, 3, 26, 9, 0)), policy=policy)
    later = sender.to(HEAD_BDV)[1:]
    assert [[line.item_ref for line in view.lines] for view in later] == [["1"]], later


def many_people_with_a_digest_due(db: Database, people: int) -> dt.datetime:
    """`people` heads, each with one task due in three days: a digest each on Tuesday 27/02/2018 08:00."""
    directory = "handle,full_name,title,unit,role\nadmin,Quản trị,,Văn phòng,admin\n" + "".join(
        f"h{i},Trưởng {i},,Đơn vị {i},head\n" for i in range(people))
    at = local(2018, 2, 26, 9, 0)
    db.call(import_directory, parse_directory_csv(directory.encode()), now=at)
    for i in range(people):
        db.call(bind_chat, handle=f"h{i}", channel="telegram", chat_id=str(5000 + i))
    admin = db.call(person_by_handle, "admin")
    tasks = tuple(ParsedTask(ref="1", text=f"Nhiệm vụ {i}", lead=(f"Đơn vị {i}",), due=dt.date(2018, 3, 2))
                  for i in range(people))
    draft = db.call(create_draft, ParsedNotice(tasks=tasks), source_text=f"{people} people", source_name="",
                    by=admin, now=at)
    db.call(confirm_notice, draft.notice_id, by=admin, now=at)
    start = local(2018, 2, 27, 8, 0)
    db.call(plan_digests, policy=policy, today=start.date(), now=start)
    return start


async def test_a_worker_stalled_past_its_lease_mid_send_loses_nothing_and_resends_at_most_one_unwritten_group(
        migrated_db: Database) -> None:
    db = migrated_db
    people = 300
    start = many_people_with_a_digest_due(db, people)
    delivered: list[str] = []
    b_done = asyncio.Event()
    clock_a, clock_b = FakeClock(start), FakeClock(start + dt.timedelta(minutes=6))

    class SlowSender(RecordingSender):
        async def send_digest(self, chat_id: str, view: DigestView) -> str:
            delivered.append(chat_id)
            if len(delivered) == 40:  # worker A stalls past its 5-minute lease; B takes over meanwhile
                clock_a.advance(dt.timedelta(minutes=7))
                await b_done.wait()
            return await super().send_digest(chat_id, view)

    sender_b = RecordingSender()

    async def worker_b() -> None:
        while len(delivered) < 40:
            await asyncio.sleep(0)
        await send_due_digests(db, {"telegram": sender_b}, clock=clock_b, policy=policy, worker="b", batch=50)
        b_done.set()

    a = send_due_digests(db, {"telegram": SlowSender()}, clock=clock_a, policy=policy, worker="a", batch=100)
    result_a, _ = await asyncio.gather(a, worker_b())
    sent = db.call(lambda s: s.scalar(select(func.count()).select_from(Digest).where(Digest.state == DigestState.SENT)))
    assert sent == people, "none lost"
    everything = delivered + [chat for chat, _ in sender_b.sent]
    assert len(set(everything)) == people, "none lost"
    # sent twice: at most the messages of A's group whose outcomes were not yet written when A's clock jumped
    # past its lease: sends 31-40 (send 31 needed a slot, so sends 1-30 were written before it went). A's
    # other chats went on meanwhile and renewed the rest of A's batch in one statement (renew_claims):
    # whichever of that renewal and B's claim came first, every other row is A's or B's, never both sent.
    # Regression: a send that had waited for a slot while that renewal found its row taken went out anyway
    # (24-29 twice in half of the runs); it checks the lease again once it has its slot.
    assert len(everything) - people <= 40 - FLUSH_MESSAGES
    assert set(result_a.lost).isdisjoint(result_a.sent)


async def test_flood_control_mid_batch_holds_only_that_chat_and_sends_nothing_twice(migrated_db: Database) -> None:
    """Regression: after a 429 only the chat it was for waits; no row already sent is handed back (it would
    then go out twice)."""
    db = migrated_db
    start = many_people_with_a_digest_due(db, 6)

    class FloodOnThird(RecordingSender):
        calls = 0

        async def send_digest(self, chat_id: str, view: DigestView) -> str:
            self.calls += 1
            if self.calls == 3:
                raise RateLimited(2)
            return await super().send_digest(chat_id, view)

    sender = FloodOnThird()
    clock = FakeClock(start)
    result = await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy)
    assert result.retry_after == 2 and len(sender.sent) == 5
    states = db.call(lambda s: sorted(d.state for d in s.scalars(select(Digest))))
    assert states.count(DigestState.SENT) == 5 and states.count(DigestState.PENDING) == 1
    clock.advance(dt.timedelta(seconds=2))
    await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy)
    chats = [chat for chat, _ in sender.sent]
    assert len(chats) == 6 and len(set(chats)) == 6


async def test_a_chats_pause_is_kept_by_every_worker_and_the_channel_waits_when_it_says_so(
        migrated_db: Database) -> None:
    db = migrated_db
    start = many_people_with_a_digest_due(db, 4)
    flooded = RecordingSender(fail_with=[RateLimited(10)])
    await send_due_digests(db, {"telegram": flooded}, clock=FakeClock(start), policy=policy, worker="a")
    assert len(flooded.sent) == 3
    [(held_chat, until)] = db.call(lambda s: [(p.chat_id, p.until) for p in s.scalars(select(SendPause))])
    assert held_chat == "5000" and until == start + dt.timedelta(seconds=10)
    other = RecordingSender(fail_with=[RateLimited(30, whole_channel=True)])
    later = FakeClock(start + dt.timedelta(seconds=10))
    result = await send_due_digests(db, {"telegram": other}, clock=later, policy=policy, worker="b")
    assert other.sent == [] and result.retry_after == 30
    later.advance(dt.timedelta(seconds=29))
    third = RecordingSender()
    assert (await send_due_digests(db, {"telegram": third}, clock=later, policy=policy, worker="c")).sent == [], \
        "worker c holds the whole channel too"
    later.advance(dt.timedelta(seconds=1))
    await send_due_digests(db, {"telegram": third}, clock=later, policy=policy, worker="c")
    assert [chat for chat, _ in third.sent] == ["5000"]


async def test_429s_for_several_chats_at_once_hold_the_whole_channel(migrated_db: Database) -> None:
    db = migrated_db
    start = many_people_with_a_digest_due(db, 6)
    sender = RecordingSender(fail_with=[RateLimited(3), RateLimited(4), RateLimited(5)])
    result = await send_due_digests(db, {"telegram": sender}, clock=FakeClock(start), policy=policy)
    assert sender.sent == [] and result.retry_after == 5, "three chats in a moment: the channel's own limit"
    pauses = db.call(lambda s: {p.chat_id: p.until for p in s.scalars(select(SendPause))})
    assert pauses[""] == start + dt.timedelta(seconds=5)
    await send_due_digests(db, {"telegram": sender}, clock=FakeClock(start + dt.timedelta(seconds=5)), policy=policy)
    assert len({chat for chat, _ in sender.sent}) == 6 == len(sender.sent)


async def test_the_last_digest_before_tet_says_when_reminders_resume(migrated_db: Database) -> None:
    """Probe 12: nothing told people on 03/02/2027 that the bot would be silent over Tết (04–10/02). The last digest
    before more than three days off says when the reminders resume; one before a weekend says nothing."""
    db = migrated_db
    register(db, [task("1", dt.date(2027, 2, 3)), task("2", dt.date(2027, 1, 29))], at=local(2027, 1, 18, 9, 0))
    sender = RecordingSender()
    await mornings(db, sender, dt.date(2027, 1, 29), dt.date(2027, 2, 3))
    views = {v.day: v for v in sender.to(HEAD_BDV)}
    assert views[dt.date(2027, 1, 29)].break_ahead is None, "a weekend is no break"
    assert views[dt.date(2027, 2, 3)].break_ahead == (dt.date(2027, 2, 4), "nghỉ Tết", dt.date(2027, 2, 11))


async def test_the_weekend_before_a_day_off_is_not_called_nghi_bu(migrated_db: Database) -> None:
    """Probe 25: on Fri 28/08/2026 the note said "Từ 29/08/2026 là ngày nghỉ bù" — 29/08 is a Saturday; the nghỉ
    bù is Mon 31/08 (for Sat 22/08), then Quốc khánh 01–02/09."""
    db = migrated_db
    register(db, [task("1", dt.date(2026, 8, 28))], at=local(2026, 8, 17, 9, 0))
    sender = RecordingSender()
    await mornings(db, sender, dt.date(2026, 8, 28), dt.date(2026, 8, 28))
    views = {v.day: v for v in sender.to(HEAD_BDV)}
    assert views[dt.date(2026, 8, 28)].break_ahead == (
        dt.date(2026, 8, 29), "nghỉ cuối tuần, nghỉ bù 31/08 và Quốc khánh 01–02/09", dt.date(2026, 9, 3))


async def test_a_digest_names_a_notice_without_number_or_date_by_its_meeting_day(migrated_db: Database) -> None:
    """The meeting date is read from the stored parse by its JSON path on the hot path: same title as /viec."""
    db = migrated_db
    at = local(2018, 2, 26, 9, 0)
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=at)
    db.call(bind_chat, handle="head_bdv", channel="telegram", chat_id=HEAD_BDV)
    admin = db.call(person_by_handle, "admin")
    parsed = ParsedNotice(kind="THÔNG BÁO KẾT LUẬN", meeting_date=dt.date(2018, 2, 23),
                          tasks=(task("1", dt.date(2018, 3, 2)),))
    draft = db.call(create_draft, parsed, source_text="…", source_name="", by=admin, now=at)
    db.call(confirm_notice, draft.notice_id, by=admin, now=at)
    sender = RecordingSender()
    await mornings(db, sender, dt.date(2018, 2, 27), dt.date(2018, 2, 28))
    [view] = sender.to(HEAD_BDV)
    assert {line.notice_title for line in view.lines} == {"Thông báo kết luận về cuộc làm việc ngày 23/02/2018"}
