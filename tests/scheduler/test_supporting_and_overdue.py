"""Session 23: a supporting duty (the holder's unit only supports: "Có trách nhiệm phối hợp với …") is reminded once
ahead of its deadline, never on the lead's whole ladder nor escalated; an overdue task is listed every second working
day in its first week late (and on the days it is escalated), not every day."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.texts import digest_text
from scheduler.clock import FakeClock
from scheduler.dispatcher import send_due_digests
from scheduler.policy import DigestCategory, EscalationLevel, ReminderPolicy, TaskState
from storage.db import Database
from storage.models import Task
from storage.parsed import ParsedTask
from storage.reports import weekly_digest
from storage.tasks import DutyKind, duty_kind
from tests.conftest import local
from tests.scheduler.test_dispatcher import HEAD_BDV, RecordingSender, register
from tests.scheduler.test_policy import run_mornings, working_days

D = dt.date
policy = ReminderPolicy()
HEAD, LEADERS = EscalationLevel.HEAD, EscalationLevel.LEADERS


@pytest.mark.parametrize(("text", "supporting"), [
    ("Có trách nhiệm phối hợp với UBND các xã: Đức Trọng, Hiệp Thạnh", True),
    ("Các sở, ban, ngành liên quan có trách nhiệm phối hợp với UBND các xã và đơn vị tư vấn", True),
    ("Phối hợp với Sở Xây dựng rà soát hồ sơ quy hoạch", True),
    ("Phoi hop voi So Xay dung ra soat", True),
    ("Tham gia phối hợp cùng Ban Tuyên giáo tổ chức hội nghị", True),
    ("Sở Tài chính phối hợp với Sở Xây dựng bố trí kinh phí", False),  # its subject does the work
    ("Sở X chủ trì, các đơn vị có trách nhiệm phối hợp với Sở X", False),  # a lead given in the same sentence
    ("Chủ động phối hợp với các ban của Tỉnh ủy trong quá trình tham mưu", False),  # the unit's own way of working
    ("Rà soát các điểm tập kết rác thải, phối hợp với UBND các huyện", False),
])
def test_a_supporting_duty_is_read_from_its_opening_words(text: str, supporting: bool) -> None:
    kind = duty_kind(Task(text=text, due_on=D(2026, 3, 20)))
    assert (kind is DutyKind.SUPPORTING) is supporting


def test_a_supporting_duty_is_told_once_ahead_and_never_late_nor_escalated() -> None:
    # due Friday 20/3/2026, assigned Monday 2/3, held by a cadre (the head level would be told on day 2)
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 20), supporting=True)
    mornings = run_mornings([state], working_days(D(2026, 3, 2), D(2026, 4, 30)))
    got = [(day, i.category, i.escalation) for day, items in mornings.items() for i in items]
    assert got == [(D(2026, 3, 17), DigestCategory.DUE_SOON, None)]
    assert policy.ahead_item(state, D(2026, 3, 16)) is not None, "gathered earlier in a digest sent anyway"
    # the lead's whole ladder, as before session 23, when the knob is off
    full = run_mornings([state], working_days(D(2026, 3, 2), D(2026, 4, 30)),
                        p=ReminderPolicy(supporting_days_before=None))
    assert sum(len(v) for v in full.values()) > 10
    assert any(i.escalation == LEADERS for v in full.values() for i in v)
    other = run_mornings([state], working_days(D(2026, 3, 2), D(2026, 4, 30)),
                         p=ReminderPolicy(supporting_days_before=(5, 1)))
    assert [d for d, v in other.items() if v] == [D(2026, 3, 13), D(2026, 3, 19)]


def test_an_overdue_task_is_listed_every_second_working_day_then_weekly() -> None:
    # the head holds it (no head level): late days 1, 3, 5 (the leaders told that day), then Mondays
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 20), assignee_is_head=True)
    mornings = run_mornings([state], working_days(D(2026, 3, 21), D(2026, 4, 14)))
    got = [(day, i.days_late, i.escalation) for day, items in mornings.items() for i in items]
    assert got == [(D(2026, 3, 23), 1, None), (D(2026, 3, 25), 3, None), (D(2026, 3, 27), 5, None),
                   (D(2026, 3, 27), 5, LEADERS), (D(2026, 3, 30), 6, None), (D(2026, 4, 6), 11, None),
                   (D(2026, 4, 13), 16, None)]
    # a cadre holds it: the day the head is told (late day 2) the holder's line says so
    cadre = dataclasses.replace(state, assignee_is_head=False)
    mornings = run_mornings([cadre], working_days(D(2026, 3, 21), D(2026, 3, 27)))
    assert [(d, i.days_late) for d, items in mornings.items() for i in items if i.for_assignee] == [
        (D(2026, 3, 23), 1), (D(2026, 3, 24), 2), (D(2026, 3, 25), 3), (D(2026, 3, 27), 5)]
    # every working day, as before session 23
    daily = run_mornings([state], working_days(D(2026, 3, 21), D(2026, 3, 27)),
                         p=ReminderPolicy(overdue_every_working_days=1))
    assert [d for d, items in daily.items() if any(i.for_assignee for i in items)] == working_days(
        D(2026, 3, 23), D(2026, 3, 27))
    with pytest.raises(ValueError, match="overdue_every_working_days"):
        ReminderPolicy(overdue_every_working_days=0)


def test_a_level_never_recorded_does_not_bring_back_daily_lines() -> None:
    # a directory without a leader: the leaders' level is never recorded as told (the first leader added hears);
    # the holder's line comes on the day it fell due, not on every day after
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 20), assignee_is_head=True)
    days = working_days(D(2026, 3, 21), D(2026, 4, 14))
    seen, last = [], None
    for day in days:
        if [i for i in policy.due_items(state, day, last_digest_on=last) if i.for_assignee]:
            seen.append(day)
        last = day
    assert seen == [D(2026, 3, 23), D(2026, 3, 25), D(2026, 3, 27), D(2026, 3, 30), D(2026, 4, 6), D(2026, 4, 13)]


async def test_the_head_of_a_unit_that_only_supports_gets_one_digest_for_it(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [ParsedTask(ref="4", text="Có trách nhiệm phối hợp với UBND các xã cung cấp thông tin, số liệu",
                             lead=("Ban Dân vận Tỉnh ủy",), due=D(2018, 3, 16))], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    day = D(2018, 2, 27)
    while day <= D(2018, 4, 20):
        await send_due_digests(db, {"telegram": sender}, clock=FakeClock(policy.calendar.at(day, policy.remind_at)),
                               policy=policy)
        day += dt.timedelta(days=1)
    assert [(v.day, [line.category for line in v.lines]) for v in sender.to(HEAD_BDV)] == [
        (D(2018, 3, 13), ["due_soon"])]
    [view] = sender.to(HEAD_BDV)
    assert view.lines[0].supporting and "• Mục 4 (phối hợp): " in digest_text(view, buttons=True)
    assert sender.sent and all(chat == sender.sent[0][0] for chat, _ in sender.sent), "nobody else: no escalation"


def test_the_leaders_weekly_summary_lists_no_supporting_duty_overdue(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [ParsedTask(ref="4", text="Có trách nhiệm phối hợp với UBND các xã cung cấp thông tin, số liệu",
                             lead=("Ban Dân vận Tỉnh ủy",), due=D(2018, 3, 16)),
                  ParsedTask(ref="5", text="Rà soát quy chế làm việc", lead=("Ban Dân vận Tỉnh ủy",),
                             due=D(2018, 3, 16))], at=local(2018, 2, 26, 9, 0))
    cal = policy.calendar

    def summary(light: bool) -> tuple[list[str], list[str]]:
        week = db.call(weekly_digest, today=D(2018, 3, 23), tz=cal.tz, rule=cal, light_support=light)
        return [i.item_ref for i in week.newly_overdue + week.still_overdue], [h.name for h in week.silent]

    assert summary(True) == (["5"], ["Lê Văn Dân"])
    assert summary(False) == (["4", "5"], ["Lê Văn Dân"])
