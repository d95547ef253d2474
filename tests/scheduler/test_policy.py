"""The reminder ladder, run against a moved clock (a `today` argument), never the wall clock."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest

from scheduler.calendar import WorkingCalendar
from scheduler.policy import (
    DigestCategory,
    DigestItem,
    EscalationLevel,
    ReminderPolicy,
    TaskState,
    due_items,
    group_items,
    sort_items,
    state_of,
)
from scheduler.recurrence import occurrences, rule_from_task
from storage.models import Person, Role, Task, TaskStatus
from tests.conftest import local

policy = ReminderPolicy()
cal = policy.calendar
D = dt.date
HEAD, LEADERS = EscalationLevel.HEAD, EscalationLevel.LEADERS


def working_days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Working days in [start, end]."""
    days, day = [], start
    while day <= end:
        if cal.is_working_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def run_mornings(states: list[TaskState], days: list[dt.date], *, p: ReminderPolicy = policy,
                 ) -> dict[dt.date, list[DigestItem]]:
    """Every morning's items, as a dispatcher would compute them, recording delivered escalations."""
    by_id = {s.task_id: s for s in states}
    out: dict[dt.date, list[DigestItem]] = {}
    last: dt.date | None = None
    for day in days:
        items = [i for s in by_id.values() for i in p.due_items(s, day, last_digest_on=last)]
        for item in items:
            if item.escalation is not None:
                s = by_id[item.task_id]
                by_id[item.task_id] = dataclasses.replace(s, escalated=s.escalated | {item.escalation})
        out[day] = items
        last = day
    return out


# -- the row-planning API the dispatcher uses ---------------------------------------------------------


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="days_before"):
        ReminderPolicy(days_before=(0,))
    with pytest.raises(ValueError, match="weekday"):
        ReminderPolicy(weekly_on=7)


# -- the digest: what a task contributes each morning -------------------------------------------------


def test_a_task_with_a_deadline_walks_the_whole_ladder() -> None:
    # due Friday 20/3/2026, assigned Monday 2/3
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 20))
    mornings = run_mornings([state], working_days(D(2026, 3, 2), D(2026, 4, 30)))
    got = [(day, i.category, i.days_left, i.days_late, i.escalation) for day, items in mornings.items()
           for i in items]
    assert got == [
        (D(2026, 3, 17), DigestCategory.DUE_SOON, 3, None, None),
        (D(2026, 3, 19), DigestCategory.DUE_SOON, 1, None, None),
        (D(2026, 3, 20), DigestCategory.DUE_TODAY, 0, None, None),
        (D(2026, 3, 23), DigestCategory.OVERDUE, None, 1, None),
        (D(2026, 3, 24), DigestCategory.OVERDUE, None, 2, None),
        (D(2026, 3, 24), DigestCategory.OVERDUE, None, 2, HEAD),
        (D(2026, 3, 25), DigestCategory.OVERDUE, None, 3, None),  # every 2nd working day, and the escalation days
        (D(2026, 3, 27), DigestCategory.OVERDUE, None, 5, None),
        (D(2026, 3, 27), DigestCategory.OVERDUE, None, 5, LEADERS),
        (D(2026, 3, 30), DigestCategory.OVERDUE, None, 6, None),  # weekly from here, on Mondays
        (D(2026, 4, 6), DigestCategory.OVERDUE, None, 11, None),
        (D(2026, 4, 13), DigestCategory.OVERDUE, None, 16, None),
        (D(2026, 4, 20), DigestCategory.OVERDUE, None, 21, None),
        (D(2026, 4, 28), DigestCategory.OVERDUE, None, 26, None),  # Monday 27/4 is Giỗ Tổ (nghỉ bù): Tuesday
    ]
    assert mornings[D(2026, 3, 30)][0].weekly and not mornings[D(2026, 3, 27)][0].weekly
    leaders = mornings[D(2026, 3, 27)][1]
    assert leaders.escalated_to == (HEAD, LEADERS), "the leaders hear that the head was told too"


def test_a_month_with_two_overdue_tasks_is_at_most_one_line_a_task_a_day_and_backs_off_to_weekly() -> None:
    states = [TaskState(task_id=1, assigned_on=D(2026, 2, 24), due_on=D(2026, 3, 6)),
              TaskState(task_id=2, assigned_on=D(2026, 2, 24), due_on=D(2026, 3, 11))]
    month = working_days(D(2026, 3, 9), D(2026, 4, 8))
    mornings = run_mornings(states, month)
    for day, items in mornings.items():
        per_task = Counter(i.task_id for i in items if i.for_assignee)
        assert all(n <= 1 for n in per_task.values()), day
    lines = [(d, i.task_id) for d, items in mornings.items() for i in items if i.for_assignee]
    assert len(lines) <= 2 * 5 + 2 * 5, "five daily lines each, then weekly"
    # late days 1, 3, 5 and 2 (the head told that day), then weekly
    assert [d for d, t in lines if t == 1] == [D(2026, 3, 9), D(2026, 3, 10), D(2026, 3, 11),
                                              D(2026, 3, 13), D(2026, 3, 16), D(2026, 3, 23), D(2026, 3, 30),
                                              D(2026, 4, 6)]
    # in the last three weeks of the month, each task is listed once a week
    late_lines = [(d, t) for d, t in lines if d >= D(2026, 3, 23)]
    assert all(d.weekday() == 0 for d, _ in late_lines) and len(late_lines) == 6
    days_with_anything = [d for d, items in mornings.items() if items]
    assert len(days_with_anything) <= 12, "the person hears from the bot at most 12 mornings of 23"
    escalations = Counter((i.task_id, i.escalation) for items in mornings.values() for i in items if i.escalation)
    assert escalations == {(1, HEAD): 1, (1, LEADERS): 1, (2, HEAD): 1, (2, LEADERS): 1}


def test_a_head_with_thirteen_tasks_gets_them_in_one_grouped_digest() -> None:
    today = D(2026, 3, 16)
    states = [TaskState(task_id=i, assigned_on=D(2026, 3, 2), due_on=today + dt.timedelta(days=i - 6),
                        assignee_is_head=True) for i in range(1, 14)]
    items = [i for s in states for i in policy.due_items(s, today)]
    assert len(items) == len({i.task_id for i in items}), "one line a task"
    groups = group_items(items)
    assert [c for c, _ in groups] == sorted((c for c, _ in groups), key=lambda c: c.rank)
    assert all(i.escalation is None for i in items), "the head is the assignee: nobody above the unit is told yet"
    assert [c.label for c, _ in groups][0] == "quá hạn"


def test_catch_up_after_tet_2026_is_one_digest_without_negative_counts() -> None:
    # the bot is down from Wednesday 11/02/2026 to Wednesday 25/02/2026 (Tết: 16–20/02)
    last, today = D(2026, 2, 10), D(2026, 2, 25)
    assigned = D(2026, 2, 2)
    states = [
        TaskState(task_id=1, assigned_on=assigned, due_on=D(2026, 2, 11)),  # due in the gap
        TaskState(task_id=2, assigned_on=assigned, due_on=D(2026, 2, 17)),  # due on a Tết day → 23/02
        TaskState(task_id=3, assigned_on=assigned, due_on=D(2026, 2, 27)),  # a before-day (24/02) in the gap
        TaskState(task_id=4, assigned_on=assigned, due_on=D(2026, 2, 13)),  # before-days 10/02 (sent), 12/02
        TaskState(task_id=5, assigned_on=assigned),  # check-in fell due in the gap
        TaskState(task_id=6, assigned_on=assigned, due_on=D(2026, 3, 20)),  # nothing yet
        TaskState(task_id=7, assigned_on=assigned, due_on=D(2026, 2, 11), closed=True),
    ]
    items = {(i.task_id, i.escalation): i for s in states for i in policy.due_items(s, today, last_digest_on=last)}
    own = {t: i for (t, esc), i in items.items() if esc is None}
    assert set(own) == {1, 2, 3, 4, 5}
    assert all(i.catch_up for i in items.values())
    assert (own[1].category, own[1].days_late) == (DigestCategory.OVERDUE, 5)  # 12, 13, 23, 24, 25/02
    assert (own[2].category, own[2].days_late, own[2].effective_due_on) == (DigestCategory.OVERDUE, 2, D(2026, 2, 23))
    assert own[2].deadline_note == "hạn 17/02/2026 rơi vào ngày nghỉ Tết, tính đến hết 23/02/2026"
    assert (own[3].category, own[3].days_left, own[3].working_days_left) == (DigestCategory.DUE_SOON, 2, 2)
    assert (own[4].category, own[4].days_late) == (DigestCategory.OVERDUE, 3), "the missed 'còn 1 ngày' is dropped"
    assert own[5].category == DigestCategory.CHECKIN
    assert all((i.days_left or 0) >= 0 and (i.days_late or 1) >= 1 for i in items.values())
    escalations = sorted((t, esc) for t, esc in items if esc is not None)
    assert escalations == [(1, HEAD), (1, LEADERS), (2, HEAD), (4, HEAD)]
    # the next morning: back to the daily ladder, no escalation twice
    after = {s.task_id: dataclasses.replace(s, escalated=frozenset(e for t, e in escalations if t == s.task_id))
             for s in states}
    nxt = [i for s in after.values() for i in policy.due_items(s, D(2026, 2, 26), last_digest_on=today)]
    assert not any(i.catch_up for i in nxt)
    assert [i for i in nxt if i.escalation] == [], "each level is told once"
    assert {i.task_id: (i.category, i.days_late, i.days_left) for i in nxt if i.for_assignee} == {
        2: (DigestCategory.OVERDUE, 3, None), 3: (DigestCategory.DUE_SOON, None, 1)}, \
        "task 1 is past its daily phase (6 late, not a Monday); task 4, 4 days late, skips a day (every 2nd)"


def test_catch_up_after_a_three_day_outage() -> None:
    # down Tuesday 3/3 → Thursday 5/3/2026; back on Friday 6/3
    last, today = D(2026, 3, 2), D(2026, 3, 6)
    assigned = D(2026, 2, 20)
    states = [TaskState(task_id=1, assigned_on=assigned, due_on=D(2026, 3, 4)),  # 1 day before was 3/3
              TaskState(task_id=2, assigned_on=assigned, due_on=D(2026, 3, 5)),  # 1 day before was 4/3
              TaskState(task_id=3, assigned_on=assigned, due_on=D(2026, 3, 6)),  # due today
              TaskState(task_id=4, assigned_on=assigned, due_on=D(2026, 3, 10))]  # 3 days before was 5/3
    items = [i for s in states for i in policy.due_items(s, today, last_digest_on=last)]
    own = {i.task_id: i for i in items if i.for_assignee}
    assert {t: (i.category, i.days_left, i.days_late) for t, i in own.items()} == {
        1: (DigestCategory.OVERDUE, None, 2),
        2: (DigestCategory.OVERDUE, None, 1),
        3: (DigestCategory.DUE_TODAY, 0, None),
        4: (DigestCategory.DUE_SOON, 4, None),
    }
    assert [(i.task_id, i.escalation) for i in items if i.escalation] == [(1, HEAD)]
    assert len(own) == len(states) and all(i.catch_up for i in items)


def test_the_same_morning_twice_gives_nothing_the_second_time() -> None:
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 6))
    assert policy.due_items(state, D(2026, 3, 9), last_digest_on=D(2026, 3, 6))
    assert policy.due_items(state, D(2026, 3, 9), last_digest_on=D(2026, 3, 9)) == []


def test_nothing_on_a_day_off_nor_for_a_closed_task_nor_on_the_day_it_was_assigned() -> None:
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 4))
    assert policy.due_items(state, D(2026, 3, 7)) == []  # Saturday
    assert policy.due_items(dataclasses.replace(state, closed=True), D(2026, 3, 9)) == []
    fresh = TaskState(task_id=2, assigned_on=D(2026, 3, 9), due_on=D(2026, 3, 12))
    assert policy.due_items(fresh, D(2026, 3, 9)) == [], "the assignment message said it already"
    assert [i.category for i in policy.due_items(fresh, D(2026, 3, 11))] == [DigestCategory.DUE_SOON]


def test_a_deadline_on_30_april_is_met_on_4_may_2026() -> None:
    # 30/4 and 1/5 are public holidays, 2–3/5 the weekend: the time limit ends with Monday 4/5
    assert [cal.is_working_day(D(2026, 4, d)) for d in (29, 30)] == [True, False]
    assert [cal.is_working_day(D(2026, 5, d)) for d in (1, 2, 3, 4)] == [False, False, False, True]
    due = D(2026, 4, 30)
    assert cal.is_on_time(due, D(2026, 5, 4)) and not cal.is_on_time(due, D(2026, 5, 5))
    state = TaskState(task_id=1, assigned_on=D(2026, 4, 1), due_on=due)
    mornings = run_mornings([state], working_days(D(2026, 4, 20), D(2026, 5, 6)))
    got = {d: (i.category, i.days_left, i.days_late) for d, items in mornings.items() for i in items
           if i.for_assignee}
    # 3 working days before 4/5 is 24/4: 27/4 is a day off (Giỗ Tổ, nghỉ bù)
    assert got == {D(2026, 4, 24): (DigestCategory.DUE_SOON, 10, None),
                   D(2026, 4, 29): (DigestCategory.DUE_SOON, 5, None),
                   D(2026, 5, 4): (DigestCategory.DUE_TODAY, 0, None),
                   D(2026, 5, 5): (DigestCategory.OVERDUE, None, 1),
                   D(2026, 5, 6): (DigestCategory.OVERDUE, None, 2)}
    assert mornings[D(2026, 5, 4)][0].deadline_note == \
        "hạn 30/04/2026 rơi vào ngày nghỉ lễ 30/4, tính đến hết 04/05/2026"


def test_a_deadline_in_tet_2027_is_not_overdue_the_first_working_day_after() -> None:
    state = TaskState(task_id=1, assigned_on=D(2027, 1, 20), due_on=D(2027, 2, 10))
    [item] = policy.due_items(state, D(2027, 2, 11))
    assert (item.category, item.effective_due_on) == (DigestCategory.DUE_TODAY, D(2027, 2, 11))
    assert item.deadline_note == "hạn 10/02/2027 rơi vào ngày nghỉ Tết, tính đến hết 11/02/2027"
    # with the Civil Code rule switched off, the same day is one working day late
    strict = ReminderPolicy(calendar=WorkingCalendar(deadline_moves_to_working_day=False))
    [item] = strict.due_items(state, D(2027, 2, 11))
    assert (item.category, item.days_late, item.deadline_note) == (DigestCategory.OVERDUE, 1, None)


def test_no_deadline_means_a_checkin_every_ten_working_days_and_never_an_alarm() -> None:
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 2))
    days = working_days(D(2026, 3, 3), D(2026, 6, 30))
    mornings = run_mornings([state], days)
    items = [(d, i) for d, its in mornings.items() for i in its]
    assert all(i.category == DigestCategory.CHECKIN and i.escalation is None for _, i in items)
    checkins = [d for d, _ in items]
    assert checkins[:3] == [D(2026, 3, 16), D(2026, 3, 30), D(2026, 4, 13)]
    assert all(cal.working_days_between(a, b) == 10 for a, b in zip(checkins, checkins[1:], strict=False))
    # a report within 5 working days of a round skips that round; one longer before does not
    updated = dataclasses.replace(state, last_update_on=D(2026, 3, 12))
    assert [d for d, its in run_mornings([updated], days).items() if its][0] == D(2026, 3, 30)
    earlier = dataclasses.replace(state, last_update_on=D(2026, 3, 9))
    assert [d for d, its in run_mornings([earlier], days).items() if its][0] == D(2026, 3, 16)


def test_tasks_assigned_together_check_in_together_whatever_their_reports() -> None:
    """A count restarted by each report put a person's two tasks of one notice on consecutive mornings."""
    first = TaskState(task_id=1, assigned_on=D(2026, 3, 2))
    second = TaskState(task_id=2, assigned_on=D(2026, 3, 2), last_update_on=D(2026, 3, 3))
    mornings = run_mornings([first, second], working_days(D(2026, 3, 3), D(2026, 4, 30)))
    days = {d: sorted(i.task_id for i in its) for d, its in mornings.items() if its}
    assert days == {D(2026, 3, 16): [1, 2], D(2026, 3, 30): [1, 2], D(2026, 4, 13): [1, 2], D(2026, 4, 28): [1, 2]}


def test_the_head_is_not_escalated_to_about_their_own_task() -> None:
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 6), assignee_is_head=True)
    mornings = run_mornings([state], working_days(D(2026, 3, 9), D(2026, 3, 20)))
    assert [(d, i.escalation) for d, its in mornings.items() for i in its if i.escalation] == [
        (D(2026, 3, 13), LEADERS)]


def test_a_task_registered_already_late_gives_the_assignee_time_before_escalating() -> None:
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 16), due_on=D(2026, 3, 2))
    mornings = run_mornings([state], working_days(D(2026, 3, 17), D(2026, 3, 27)))
    own = [(d, i.days_late, i.weekly) for d, its in mornings.items() for i in its if i.for_assignee]
    assert own[0] == (D(2026, 3, 17), 11, False), "days late count from the deadline, the daily phase from arrival"
    assert [d for d, _, _ in own] == [D(2026, 3, 17), D(2026, 3, 18), D(2026, 3, 19), D(2026, 3, 23)]
    assert [(d, i.escalation) for d, its in mornings.items() for i in its if i.escalation] == [
        (D(2026, 3, 18), HEAD), (D(2026, 3, 23), LEADERS)]


def test_snooze_keeps_quiet_until_the_day_then_reminds_once() -> None:
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 9), snoozed_until=D(2026, 3, 13))
    mornings = run_mornings([state], working_days(D(2026, 3, 3), D(2026, 3, 20)))
    own = [(d, i.category, i.days_late) for d, its in mornings.items() for i in its if i.for_assignee]
    assert own == [(D(2026, 3, 13), DigestCategory.OVERDUE, 4), (D(2026, 3, 16), DigestCategory.OVERDUE, 5)]
    esc = [(d, i.escalation) for d, its in mornings.items() for i in its if i.escalation]
    assert esc == [(D(2026, 3, 11), HEAD), (D(2026, 3, 16), LEADERS)], "a snooze does not hide a task from the head"
    # a snooze on a task without a deadline brings its check-in on the day asked
    quiet = TaskState(task_id=2, assigned_on=D(2026, 3, 2), snoozed_until=D(2026, 3, 5))
    assert [i.category for i in policy.due_items(quiet, D(2026, 3, 5))] == [DigestCategory.CHECKIN]


def test_weekly_listing_moves_to_tuesday_when_monday_is_a_holiday() -> None:
    assert policy.is_weekly_day(D(2026, 4, 28)) and not policy.is_weekly_day(D(2026, 4, 27))
    assert policy.is_weekly_day(D(2026, 3, 30)) and not policy.is_weekly_day(D(2026, 3, 31))
    friday = ReminderPolicy(weekly_on=4)
    assert friday.is_weekly_day(D(2026, 3, 27)) and not friday.is_weekly_day(D(2026, 3, 30))


def test_next_item_day_plans_one_row_ahead() -> None:
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 20))
    assert policy.next_item_day(state, D(2026, 3, 2)) == D(2026, 3, 17)
    assert policy.next_item_day(state, D(2026, 3, 17)) == D(2026, 3, 19)
    told = dataclasses.replace(state, escalated=frozenset({HEAD, LEADERS}))
    assert policy.next_item_day(told, D(2026, 3, 27)) == D(2026, 3, 30)
    assert policy.next_item_day(told, D(2026, 3, 30)) == D(2026, 4, 6)
    assert policy.next_item_day(state, D(2026, 3, 30)) == D(2026, 3, 31), "an escalation not yet delivered"
    assert policy.next_item_day(dataclasses.replace(state, closed=True), D(2026, 3, 2)) is None


def test_recurring_occurrences_are_judged_one_by_one() -> None:
    rule = rule_from_task("monthly", "Báo cáo trước ngày 20 hằng tháng", starts_on=D(2026, 3, 2))
    assert rule is not None
    march, april = list(occurrences(rule, limit=2))
    # March's report is done; April's is its own task with its own deadline (20/04/2026 is a Monday)
    states = [TaskState(task_id=10, assigned_on=march.period_start, due_on=march.due_on, closed=True),
              TaskState(task_id=11, assigned_on=march.due_on, due_on=april.due_on)]
    mornings = run_mornings(states, working_days(D(2026, 3, 23), D(2026, 4, 21)))
    assert [(d, i.task_id, i.category) for d, its in mornings.items() for i in its] == [
        (D(2026, 4, 15), 11, DigestCategory.DUE_SOON), (D(2026, 4, 17), 11, DigestCategory.DUE_SOON),
        (D(2026, 4, 20), 11, DigestCategory.DUE_TODAY), (D(2026, 4, 21), 11, DigestCategory.OVERDUE)]


def test_counts_are_never_negative() -> None:
    with pytest.raises(ValueError, match="days_left"):
        DigestItem(task_id=1, category=DigestCategory.DUE_SOON, days_left=-1)
    with pytest.raises(ValueError, match="days_late"):
        DigestItem(task_id=1, category=DigestCategory.OVERDUE, days_late=0)
    with pytest.raises(ValueError, match="escalated"):
        DigestItem(task_id=1, category=DigestCategory.CHECKIN, escalation=HEAD)


def test_sorting_and_the_module_level_shortcut() -> None:
    state = TaskState(task_id=3, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 6))
    assert due_items(state, D(2026, 3, 9)) == policy.due_items(state, D(2026, 3, 9))
    items = [DigestItem(task_id=1, category=DigestCategory.CHECKIN),
             DigestItem(task_id=2, category=DigestCategory.OVERDUE, days_late=2),
             DigestItem(task_id=3, category=DigestCategory.OVERDUE, days_late=9),
             DigestItem(task_id=4, category=DigestCategory.DUE_SOON, days_left=1)]
    assert [i.task_id for i in sort_items(items)] == [3, 2, 4, 1]
    assert [c.label for c, _ in group_items(items)] == ["quá hạn", "sắp đến hạn", "cập nhật định kỳ"]


def test_a_stored_task_as_the_ladder_sees_it() -> None:
    head = Person(id=7, handle="head", full_name="Trưởng ban", role=Role.HEAD, unit_id=3)
    task = Task(id=5, notice_id=1, position=1, item_ref="2.1", text="x", lead_unit_id=3, due_on=D(2026, 3, 6),
                status=TaskStatus.IN_PROGRESS, created_at=local(2026, 3, 2, 23, 30), assignee=head)
    state = state_of(task, calendar=cal, escalated=[LEADERS])
    assert state == TaskState(task_id=5, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 6), assignee_is_head=True,
                              escalated=frozenset({LEADERS}))
    task.status = TaskStatus.DONE
    task.lead_unit_id = 4
    state = state_of(task, calendar=cal)
    assert state.closed and not state.assignee_is_head


# -- a person's cadence ---------------------------------------------------------------------------------------------

def test_quiet_after_five_working_days_in_a_row_counting_over_weekends_and_tet() -> None:
    week = [dt.date(2018, 3, d) for d in (5, 6, 7, 8)]  # Mon–Thu
    assert not policy.is_quiet(week), "four days"
    assert policy.is_quiet([*week, dt.date(2018, 3, 9)]), "a working week"
    assert policy.is_quiet([dt.date(2018, 3, d) for d in (7, 8, 9, 12, 13)]), "Wed–Tue, over the weekend"
    assert not policy.is_quiet([dt.date(2018, 3, d) for d in (5, 6, 8, 9, 12)]), "a day without a digest breaks it"
    # Tết Bính Ngọ 2026 (14–22/02): 11, 12, 13/02 then 23, 24/02 are five working days in a row
    assert policy.is_quiet([dt.date(2026, 2, 11), dt.date(2026, 2, 12), dt.date(2026, 2, 13), dt.date(2026, 2, 23),
                            dt.date(2026, 2, 24)])
    assert policy.is_quiet([], held=True), "held digests since the last answer: still quiet"
    off = ReminderPolicy(quiet_after_working_days=0)
    assert not off.is_quiet([*week, dt.date(2018, 3, 9)]) and not off.is_quiet([], held=True)
    with pytest.raises(ValueError):
        ReminderPolicy(quiet_after_working_days=-1)


def test_a_quiet_persons_repeats_go_out_on_the_weekly_day() -> None:
    assert policy.repeats_due(dt.date(2018, 3, 12)) and not policy.repeats_due(dt.date(2018, 3, 13))
    assert policy.repeats_due(dt.date(2019, 4, 16)), "Tuesday when Monday is a holiday (Giỗ Tổ, 15/04/2019)"
    assert policy.repeats_due(dt.date(2026, 2, 23)), "the first working day after Tết 2026"


def test_what_is_news_for_a_quiet_person() -> None:
    from scheduler.policy import is_news

    soon = {"task_id": 1, "category": "due_soon", "effective_due_on": "2018-03-09", "told": []}
    late = {"task_id": 1, "category": "overdue", "effective_due_on": "2018-03-09", "days_late": 2, "told": []}
    assert is_news({**soon, "category": "due_today"}, soon), "the deadline day"
    assert is_news(late, soon) and is_news(late, None), "the first overdue line"
    assert not is_news({**late, "days_late": 3}, late), "overdue again: a repeat"
    assert not is_news({**late, "told": ["head"]}, late), "the head was told on an earlier day: a repeat"
    assert is_news({**late, "told": ["head"], "told_now": ["head"]}, late), "the day it is escalated: said at once"
    assert is_news({**soon, "effective_due_on": "2018-03-20"}, soon), "a deadline that moved"
    assert not is_news(soon, soon) and not is_news(soon, None), "before the deadline: the assignment said it"
    assert not is_news({"task_id": 2, "category": "checkin", "told": []}, None)
    assert is_news({**late, "escalation": "leaders"}, None), "about others: never held"
    assert is_news({"kind": "unreachable", "person": "Nguyễn Văn A", "since": "2018-03-01"}, None)


# -- an extension asked for in time pauses the late phase ---------------------------------------------


def test_an_extension_asked_in_time_and_waiting_pauses_the_late_phase() -> None:
    # due Friday 20/3/2026; asked on the deadline day for 10/4, not decided in six weeks
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 20), extension_asked_on=D(2026, 3, 20),
                      extension_until=D(2026, 4, 10))
    mornings = run_mornings([state], working_days(D(2026, 3, 21), D(2026, 4, 30)))
    got = [(day, i.category, i.escalation, i.extension_until) for day, items in mornings.items() for i in items]
    pending = DigestCategory.EXTENSION_PENDING
    # the day after the deadline, and not again: the deciders are reminded weekly, the holder is not (probe 27)
    assert got == [(D(2026, 3, 23), pending, None, D(2026, 4, 10))]
    assert policy.escalation_levels(state, D(2026, 4, 30)) == ()


def test_a_refused_extension_is_late_from_the_deadline_and_escalated_from_the_refusal() -> None:
    state = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 20), refused_asked_on=D(2026, 3, 19),
                      refused_on=D(2026, 4, 1))  # refused on Wednesday 1/4, eight working days late
    mornings = run_mornings([state], working_days(D(2026, 4, 2), D(2026, 4, 14)))
    got = [(day, i.days_late, i.escalation) for day, items in mornings.items() for i in items]
    assert got == [(D(2026, 4, 2), 9, None), (D(2026, 4, 3), 10, None), (D(2026, 4, 3), 10, HEAD),
                   (D(2026, 4, 6), 11, None), (D(2026, 4, 8), 13, None),
                   (D(2026, 4, 8), 13, LEADERS), (D(2026, 4, 13), 16, None)]  # then weekly, on Mondays


def test_an_extension_asked_after_the_deadline_stops_the_daily_overdue_lines_not_the_escalation() -> None:
    """Asked on Monday 23/3, after the deadline (Friday 20/3), and still waiting: the holder's line says the request
    waits on the escalation days (not on the weekly day: probe 27), never the daily "quá hạn"; the escalation runs
    from the deadline, naming the date asked for. Refused after the deadline: the ladder of a late task, as if never
    asked."""
    plain = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 20))
    asked_late = dataclasses.replace(plain, extension_asked_on=D(2026, 3, 23), extension_until=D(2026, 4, 10))
    refused_late = dataclasses.replace(plain, refused_asked_on=D(2026, 3, 23), refused_on=D(2026, 3, 26))
    days = working_days(D(2026, 3, 21), D(2026, 4, 14))
    mornings = run_mornings([asked_late], days)
    got = [(day, i.category, i.escalation, i.extension_until) for day, items in mornings.items() for i in items]
    waiting = DigestCategory.EXTENSION_PENDING
    assert got == [(D(2026, 3, 24), waiting, None, D(2026, 4, 10)),  # the head told (not on 23/3: just asked)
                   (D(2026, 3, 24), DigestCategory.OVERDUE, HEAD, D(2026, 4, 10)),
                   (D(2026, 3, 27), waiting, None, D(2026, 4, 10)),  # the leaders told
                   (D(2026, 3, 27), DigestCategory.OVERDUE, LEADERS, D(2026, 4, 10))], got
    assert run_mornings([refused_late], days) == run_mornings([plain], days)


def test_an_extension_asked_late_is_said_waiting_on_the_escalation_days_not_on_the_weekly_day() -> None:
    """Asked on Thursday 19/3, the day after the deadline (Wednesday 18/3): the holder's line says the request waits
    the days the head and the leaders are told (who was told: news), never on the weekly day (probe 27)."""
    asked_late = TaskState(task_id=1, assigned_on=D(2026, 3, 2), due_on=D(2026, 3, 18),
                           extension_asked_on=D(2026, 3, 19), extension_until=D(2026, 4, 10))
    mornings = run_mornings([asked_late], working_days(D(2026, 3, 19), D(2026, 4, 7)))
    got = [(day, i.category, i.escalation) for day, items in mornings.items() for i in items]
    waiting, overdue = DigestCategory.EXTENSION_PENDING, DigestCategory.OVERDUE
    own = [day for day, category, escalation in got if escalation is None]
    told = [(day, escalation) for day, category, escalation in got if escalation is not None]
    assert all(category in (waiting, overdue) for _, category, _ in got), got
    assert told == [(D(2026, 3, 20), HEAD), (D(2026, 3, 25), LEADERS)], got
    assert own == [D(2026, 3, 20), D(2026, 3, 25)], got
