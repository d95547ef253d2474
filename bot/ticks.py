"""One tick of the clock, the same in `nhacviec run` (PTB's JobQueue or APScheduler drive it), in
the sandbox harness and in tests: this morning's digests, and on the configured day the leaders'
weekly summary."""

from __future__ import annotations

import dataclasses
import logging

from bot.conversation.core import Conversation, senders
from bot.conversation.reports import digest_day, send_weekly_digest
from scheduler.dispatcher import DispatchResult, send_due_digests
from scheduler.series import roll_missed
from storage.calendar import load_calendar_days
from storage.digests import claim_weekly

log = logging.getLogger(__name__)


async def run_tick(conv: Conversation, *, worker: str | None = None) -> DispatchResult:
    ctx = conv.ctx
    await roll_missed_rounds(conv)
    result = await send_due_digests(ctx.db, senders(conv), clock=ctx.clock, policy=ctx.policy,
                                    worker=worker or ctx.worker)
    await weekly_summary_if_due(conv)
    return result


async def roll_missed_rounds(conv: Conversation) -> int:
    """Recurring duties whose round went unreported move on to the round now due (before the morning's
    digests are planned, so the digest speaks of the round that matters)."""
    ctx = conv.ctx
    days = await ctx.db.run(load_calendar_days)
    policy = dataclasses.replace(ctx.policy, calendar=ctx.policy.calendar.with_days(days))
    today = policy.calendar.local(ctx.clock.now()).date()
    if not policy.calendar.is_working_day(today):
        return 0
    return len(await ctx.db.run(roll_missed, policy=policy, today=today))


async def weekly_summary_if_due(conv: Conversation) -> bool:
    """The leaders' weekly summary, once a week, on the configured weekday (or the working day nearest
    before it) from the configured hour."""
    ctx = conv.ctx
    calendar = ctx.policy.calendar
    now = ctx.clock.now()
    local = calendar.local(now)
    today = local.date()
    if (not calendar.is_working_time(now) or today != digest_day(calendar, today, ctx.settings.weekly_day)
            or local.time() < ctx.settings.weekly_at):
        return False
    year, week, _ = today.isocalendar()
    if not await ctx.db.run(claim_weekly, key=f"{year}-W{week:02d}", now=now):
        return False
    told = await send_weekly_digest(conv)
    log.info("weekly summary %s-W%02d sent to %d leaders", year, week, told)
    return True
