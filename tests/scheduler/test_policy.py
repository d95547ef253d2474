from __future__ import annotations

import datetime as dt

from scheduler.policy import ReminderPolicy
from storage.models import ReminderKind
from tests.conftest import local

policy = ReminderPolicy()


def kinds_and_days(plans):  # type: ignore[no-untyped-def]
    return [(p.kind, p.day) for p in plans]


def test_deadline_gets_3_and_1_day_before_and_first_overdue() -> None:
    # due Thursday 15/3/2018
    plans = policy.initial(due_on=dt.date(2018, 3, 15), registered_at=local(2018, 3, 1, 10, 0))
    assert kinds_and_days(plans) == [(ReminderKind.BEFORE, dt.date(2018, 3, 12)),
                                     (ReminderKind.BEFORE, dt.date(2018, 3, 14)),
                                     (ReminderKind.OVERDUE, dt.date(2018, 3, 16))]


def test_weekend_reminders_move_earlier_and_overdue_moves_later() -> None:
    # due Monday 5/3/2018: 3 days before is Fri 2/3; 1 day before is Sunday → Friday too (merged)
    plans = policy.initial(due_on=dt.date(2018, 3, 5), registered_at=local(2018, 2, 26, 9, 0))
    assert kinds_and_days(plans) == [(ReminderKind.BEFORE, dt.date(2018, 3, 2)),
                                     (ReminderKind.OVERDUE, dt.date(2018, 3, 6))]
    assert all(p.due_at == local(p.day.year, p.day.month, p.day.day, 8, 0) for p in plans)


def test_reminders_already_past_at_registration_are_dropped() -> None:
    plans = policy.initial(due_on=dt.date(2018, 3, 2), registered_at=local(2018, 3, 1, 9, 0))
    assert kinds_and_days(plans) == [(ReminderKind.OVERDUE, dt.date(2018, 3, 5))]


def test_no_deadline_gets_a_weekly_checkin_on_a_working_day() -> None:
    plans = policy.initial(due_on=None, registered_at=local(2018, 2, 26, 9, 0))
    assert kinds_and_days(plans) == [(ReminderKind.CHECKIN, dt.date(2018, 3, 5))]
    # registered just before Tết: the check-in waits for the first working day after it
    plans = policy.initial(due_on=None, registered_at=local(2018, 2, 8, 9, 0))
    assert kinds_and_days(plans) == [(ReminderKind.CHECKIN, dt.date(2018, 2, 21))]


def test_chains_continue_one_step_at_a_time() -> None:
    nxt = policy.following(ReminderKind.OVERDUE, dt.date(2018, 3, 2))
    assert nxt is not None and (nxt.kind, nxt.day) == (ReminderKind.OVERDUE, dt.date(2018, 3, 5))
    nxt = policy.following(ReminderKind.CHECKIN, dt.date(2018, 3, 5))
    assert nxt is not None and nxt.day == dt.date(2018, 3, 12)
    assert policy.following(ReminderKind.BEFORE, dt.date(2018, 3, 5)) is None


def test_escalation_after_three_working_days_overdue() -> None:
    due = dt.date(2018, 3, 2)
    assert not policy.escalates(due, dt.date(2018, 3, 6))
    assert policy.escalates(due, dt.date(2018, 3, 7))
    assert not policy.escalates(due, dt.date(2018, 3, 8))
