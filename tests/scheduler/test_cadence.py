"""A person's cadence (scheduler/policy.py), run on SQLite and on PostgreSQL: someone holding several tasks who
never answers got a digest nearly every working day, each task's ladder being reasonable on its own and the
ladders interleaving (probe 20: a Tổng giám đốc with four tasks, 12 working days in a row). After digests on five
working days in a row unanswered, a digest that only repeats is held and repeats go out once a week, merged; what
is new for them still goes out on its day; an answer ends it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from bot.texts import QUIET_NOTE, digest_text
from scheduler.clock import FakeClock
from scheduler.dispatcher import DigestView, send_due_digests, weekly_cadence
from scheduler.policy import ReminderPolicy, state_of
from storage.db import Database
from storage.models import Digest, DigestState, Person, Task, TaskStatus
from storage.tasks import StatusUpdate, record_status, save_pending_reply, snooze
from tests.conftest import local
from tests.scheduler.test_dispatcher import HEAD_BDV, LEADER, RecordingSender, register, task

# the ladder whole (3 and 1 working days before, the day, overdue every working day at first): these tests are about a
# quiet person's cadence, not the deadline announced once ahead (tests/scheduler/test_announce_once.py) nor the overdue
# lines spaced out (tests/scheduler/test_policy.py)
policy = ReminderPolicy(gather_ahead_working_days=0, overdue_every_working_days=1)
START, END = dt.date(2018, 2, 27), dt.date(2018, 4, 20)  # no public holiday in between
# four tasks of one head whose ladders interleave, and one without a deadline (a check-in every 10 working days)
FOUR = [task("1", dt.date(2018, 3, 2)), task("2", dt.date(2018, 3, 9)), task("3", dt.date(2018, 3, 16)),
        task("4", dt.date(2018, 3, 23)), task("5", None)]


async def mornings(db: Database, sender: RecordingSender, start: dt.date, end: dt.date) -> None:
    day = start
    while day <= end:
        await send_due_digests(db, {"telegram": sender}, clock=FakeClock(policy.calendar.at(day, policy.remind_at)),
                               policy=policy)
        day += dt.timedelta(days=1)


def ladder_days(db: Database, end: dt.date) -> dict[dt.date, set[str]]:
    """What each task's ladder alone gives the head, day by day (the pure policy, as if nobody answered)."""
    cal = policy.calendar
    def judge(session: Any) -> dict[dt.date, set[str]]:
        tasks = list(session.scalars(select(Task).order_by(Task.id)))
        days: dict[dt.date, set[str]] = {}
        day = cal.next_working_day(START - dt.timedelta(days=1))
        told: dict[int, set[Any]] = {t.id: set() for t in tasks}
        while day <= end:
            for t in tasks:
                for item in policy.due_items(state_of(t, calendar=cal, escalated=told[t.id]), day):
                    if item.escalation is None:
                        days.setdefault(day, set()).add(t.item_ref)
                    else:
                        told[t.id].add(item.escalation)
            day = cal.next_working_day(day)
        return days

    return db.call(judge)


def held_rows(db: Database) -> list[Digest]:
    return db.call(lambda s: list(s.scalars(select(Digest).join(Person).where(
        Person.handle == "head_bdv", Digest.state == DigestState.HELD).order_by(Digest.day))))


async def test_a_head_who_never_answers_gets_repeats_weekly_and_everything_new_on_its_day(
        migrated_db: Database) -> None:
    db = migrated_db
    register(db, FOUR, at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    await mornings(db, sender, START, END)
    got = sender.to(HEAD_BDV)
    ladder = ladder_days(db, END)
    cal = policy.calendar
    # the ladders alone: 26 of 39 working days; the cadence: 16 (one of them the day task 1 went to the leaders)
    assert len(ladder) == 26 and len(got) <= 16, (len(got), len(ladder))
    # nothing new is held: every deadline day and every first overdue line is in the digest of its day
    for ref, due in [(t.ref, t.due) for t in FOUR if t.due is not None]:
        on_day = {v.day: {line.item_ref: line.category for line in v.lines} for v in got}
        assert on_day.get(due, {}).get(ref) == "due_today", (ref, due)
        assert on_day.get(cal.next_working_day(due), {}).get(ref) == "overdue", (ref, "first overdue")
    # quiet after five working days in a row; then a digest goes out on the weekly day (Monday), or with something
    # new in it
    held = held_rows(db)
    assert held, "repeats were held"
    days = [v.day for v in got]
    streak = [d for d in days if d < held[0].day][-5:]
    assert [cal.working_days_between(a, b) for a, b in zip(streak, streak[1:], strict=False)] == [1, 1, 1, 1]
    assert cal.next_working_day(streak[-1]) == held[0].day
    for row in held:  # held lines are not lost: the next digest sent lists every one still open
        after = next(v for v in got if v.day > row.day)
        refs = {line.item_ref for line in after.lines}
        ids = [i["task_id"] for i in row.items]
        open_refs = db.call(lambda s, ids=ids: {t.item_ref for t in s.scalars(select(Task).where(
            Task.id.in_(ids), Task.status.not_in([TaskStatus.DONE])))})
        assert open_refs <= refs, (row.day, after.day)
    last: dict[int, Any] = {}  # the category each task had in the last digest sent
    for view in got:
        if view.day > held[0].day:
            assert view.quiet == (view.day.weekday() == 0), "the weekly digest, on Monday, says why"
            assert view.day.weekday() == 0 or any(
                line.category == "due_today" or (line.category == "overdue" and last.get(line.task_id) != "overdue")
                or line.told_now for line in view.lines), f"{view.day}: not Monday, and nothing new"
        last |= {line.task_id: line.category for line in view.lines if line.escalation is None}
    weekly = [v for v in got if v.day > dt.date(2018, 3, 30)]  # every ladder past its daily phase
    assert [v.day for v in weekly] == [dt.date(2018, 4, 2), dt.date(2018, 4, 9), dt.date(2018, 4, 16)]
    assert all({line.item_ref for line in v.lines} >= {"1", "2", "3", "4"} for v in weekly), "merged: all listed"
    # the leaders' escalations keep their own schedule: each task once, on its fifth working day late
    to_leader = [(v.day, sorted(line.item_ref for line in v.lines)) for v in sender.to(LEADER)]
    assert to_leader == [(dt.date(2018, 3, 9), ["1"]), (dt.date(2018, 3, 16), ["2"]), (dt.date(2018, 3, 23), ["3"]),
                         (dt.date(2018, 3, 30), ["4"])]
    assert all(v.quiet for v in weekly), "the weekly digest of repeats says why it comes weekly"
    text = digest_text(weekly[-1], buttons=True)
    assert text.count(QUIET_NOTE) == 1 and QUIET_NOTE.startswith("(") and len(QUIET_NOTE) < 80
    assert QUIET_NOTE not in digest_text(got[0], buttons=True)


async def test_an_answer_ends_it_and_a_deputys_report_or_snooze_is_the_units_answer(migrated_db: Database) -> None:
    db = migrated_db
    register(db, FOUR, at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    await mornings(db, sender, START, dt.date(2018, 3, 8))
    before = {v.day for v in sender.to(HEAD_BDV)}
    assert dt.date(2018, 3, 8) not in before and held_rows(db), "08/03, after five days in a row, only repeats: held"
    # the admin's /loi lists who is on the weekly cadence, and since when
    on_weekly = db.call(weekly_cadence, policy=policy, today=dt.date(2018, 3, 8))
    assert [(q.name, q.unit, q.since) for q in on_weekly] == [
        ("Lê Văn Dân", "Ban Dân vận Tỉnh ủy", dt.date(2018, 3, 8))]
    assert db.call(weekly_cadence, policy=ReminderPolicy(quiet_after_working_days=0), today=dt.date(2018, 3, 8)) == []
    # 08/03 afternoon: the deputy (a cadre of the unit) reports on the head's task 3
    cadre = db.call(lambda s: s.scalars(select(Person).where(Person.handle == "cadre_bdv")).one())
    third = db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "3")).one())
    db.call(record_status, task_id=third.id, actor=cadre, change=StatusUpdate(status=TaskStatus.IN_PROGRESS,
                                                                               percent=40),
            source="text", now=local(2018, 3, 8, 15, 0), today=dt.date(2018, 3, 8))
    await mornings(db, sender, dt.date(2018, 3, 9), dt.date(2018, 3, 9))
    [morning] = [v for v in sender.to(HEAD_BDV) if v.day == dt.date(2018, 3, 9)]
    assert not morning.quiet, "answered: the next digest goes out as the ladders say, without the note"
    assert db.call(weekly_cadence, policy=policy, today=dt.date(2018, 3, 9)) == [], "an answer takes them off"
    assert {line.item_ref for line in morning.lines} >= {"1", "2"}, "what was held on 08/03 comes with it"
    assert QUIET_NOTE not in digest_text(morning, buttons=True)
    # quiet again after five more working days unanswered; a snooze by the deputy ends it again
    await mornings(db, sender, dt.date(2018, 3, 10), dt.date(2018, 3, 21))
    assert [r.day for r in held_rows(db) if r.day > dt.date(2018, 3, 9)], "quiet again"
    fourth = db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "4")).one())
    db.call(snooze, task_id=fourth.id, actor=cadre, until=dt.date(2018, 3, 26), now=local(2018, 3, 21, 15, 0),
            today=dt.date(2018, 3, 21))
    await mornings(db, sender, dt.date(2018, 3, 22), dt.date(2018, 3, 23))
    after = [v.day for v in sender.to(HEAD_BDV) if v.day > dt.date(2018, 3, 21)]
    assert after == [dt.date(2018, 3, 22), dt.date(2018, 3, 23)], "the ladders as they are"
    assert not [r.day for r in held_rows(db) if r.day > dt.date(2018, 3, 21)]


async def test_nobody_is_quiet_when_the_policy_says_so(migrated_db: Database) -> None:
    """quiet_after_working_days=0: every ladder as it is, nothing held (what the rule changes, measured)."""
    db = migrated_db
    register(db, FOUR, at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    off = ReminderPolicy(quiet_after_working_days=0, gather_ahead_working_days=0, overdue_every_working_days=1)
    day = START
    while day <= dt.date(2018, 3, 23):
        await send_due_digests(db, {"telegram": sender}, clock=FakeClock(off.calendar.at(day, off.remind_at)),
                               policy=off)
        day += dt.timedelta(days=1)
    got = sender.to(HEAD_BDV)
    assert {v.day for v in got} == {d for d in ladder_days(db, dt.date(2018, 3, 23))}
    assert not held_rows(db) and not any(v.quiet for v in got)


def test_the_quiet_note_is_said_once_and_only_over_ones_own_tasks() -> None:
    view = DigestView(digest_id=1, day=dt.date(2018, 3, 12), recipient_name="Nguyễn Văn A", lines=(), quiet=True)
    assert QUIET_NOTE not in digest_text(view, buttons=True), "no own task (an escalation only): nothing to say"


def test_a_task_handed_over_the_morning_its_new_holders_repeats_were_held_goes_out(migrated_db: Database) -> None:
    """A task handed to someone whose digest of the morning was held (a quiet person) is news: the held digest
    takes the task's line from the former holder's unsent one and goes out."""
    from storage.directory import _move_pending_lines

    db = migrated_db
    register(db, FOUR, at=local(2018, 2, 26, 9, 0))
    day = dt.date(2018, 3, 12)

    def setup(session: Any) -> tuple[int, int, int]:
        head = session.scalars(select(Person).where(Person.handle == "head_bdv")).one()
        other = session.scalars(select(Person).where(Person.handle == "head_stnmt")).one()
        first = session.scalars(select(Task).where(Task.item_ref == "1")).one()
        due_at = policy.calendar.at(day, policy.remind_at)
        line = {"task_id": first.id, "category": "overdue", "days_late": 6, "effective_due_on": "2018-03-02"}
        session.add_all([Digest(person_id=head.id, day=day, due_at=due_at, items=[line]),
                         Digest(person_id=other.id, day=day, due_at=due_at, state=DigestState.HELD,
                                items=[{"task_id": 999, "category": "overdue", "days_late": 9}])])
        session.flush()
        return head.id, other.id, first.id

    head_id, other_id, first_id = db.call(setup)
    db.call(lambda s: _move_pending_lines(s, {first_id}, head_id, other_id))
    row = db.call(lambda s: s.scalars(select(Digest).where(Digest.person_id == other_id, Digest.day == day)).one())
    assert row.state == DigestState.PENDING and [i["task_id"] for i in row.items] == [999, first_id]


async def test_held_lines_merged_into_a_digest_keep_item_order(migrated_db: Database) -> None:
    """Check-ins held on a quiet morning and merged into the next digest sent (with news: a first overdue line)
    keep the notice's item order, and so do its buttons (probe 22, F6: "Mục 11, 7.f, 7.c, 7.b, 7.a")."""
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2)), *(task(ref, None) for ref in ("2", "3", "4", "5", "6"))],
             at=local(2018, 2, 26, 9, 0))
    held_on, day = dt.date(2018, 3, 2), dt.date(2018, 3, 5)

    def hold(session: Any) -> None:
        head = session.scalars(select(Person).where(Person.handle == "head_bdv")).one()
        checkins = [{"task_id": t.id, "category": "checkin"} for t in session.scalars(
            select(Task).where(Task.due_on.is_(None)).order_by(Task.id))]
        session.add(Digest(person_id=head.id, day=held_on, due_at=policy.calendar.at(held_on, policy.remind_at),
                           state=DigestState.HELD, items=checkins))

    db.call(hold)
    sender = RecordingSender()
    await mornings(db, sender, day, day)
    view = sender.to(HEAD_BDV)[-1]
    assert [(line.item_ref, line.category) for line in view.lines if line.escalation is None] == [
        ("1", "overdue"), *((ref, "checkin") for ref in ("2", "3", "4", "5", "6"))]


async def test_a_message_of_theirs_the_bot_asked_about_is_an_answer(migrated_db: Database) -> None:
    """Probe 23: a head wrote about a task, was asked "có phải là báo cáo mục …?" and never tapped — a week later
    his weekly digest said nothing had been heard from him."""
    db = migrated_db
    register(db, FOUR, at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    await mornings(db, sender, START, dt.date(2018, 3, 8))
    assert held_rows(db), "quiet: 08/03 held"
    head = db.call(lambda s: s.scalars(select(Person).where(Person.handle == "head_bdv")).one())
    third = db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "3")).one())
    db.call(save_pending_reply, person=head, text="đang phối hợp với Mặt trận", source="text", task_ids=[third.id],
            sent_at=local(2018, 3, 8, 15, 0))
    await mornings(db, sender, dt.date(2018, 3, 9), dt.date(2018, 3, 12))
    [monday] = [v for v in sender.to(HEAD_BDV) if v.day == dt.date(2018, 3, 12)]  # the weekly day
    assert not monday.quiet and QUIET_NOTE not in digest_text(monday, buttons=True)
