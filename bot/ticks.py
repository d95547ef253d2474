"""One tick of the clock, the same in `nhacviec run` (PTB's JobQueue or APScheduler drive it), in
the sandbox harness and in tests: the replies refused by flood control whose ban is over (first, at any hour), this
morning's digests, on the configured day the leaders' weekly summary, the messages held since the last working hours,
and the one reminder of each extension request still waiting."""

from __future__ import annotations

import datetime as dt
import logging

from bot.conversation.core import Conversation, senders
from bot.conversation.directory import send_directory_news
from bot.conversation.held import send_held
from bot.conversation.reports import digest_day, send_weekly_digest
from bot.conversation.status import remind_waiting_extensions
from scheduler.dispatcher import DispatchResult, send_due_digests
from storage.digests import claim_weekly

log = logging.getLogger(__name__)


async def run_tick(conv: Conversation, *, worker: str | None = None) -> DispatchResult:
    ctx = conv.ctx
    await ctx.refresh_calendar()  # the admin's days off and make-up days as of this tick, for everything below
    await send_held(conv, refused_only=True)  # (first: a reply refused by flood control, its ban over, not behind
    # the morning's burst)
    await send_directory_news(conv)  # (before the digests: who was given tasks hears of them first)
    # (the dispatcher reads the corrections again in its first transaction and gets the same cached calendar)
    # (the workers seen within two ticks share each channel's rate: one that stops counts no more after that)
    result = await send_due_digests(ctx.db, senders(conv), clock=ctx.clock, policy=ctx.base_policy,
                                    worker=worker or ctx.worker,
                                    alive=2 * dt.timedelta(seconds=ctx.settings.tick_seconds))
    await send_held(conv)  # (after the digests: what was held overnight follows the morning's digest)
    await weekly_summary_if_due(conv)
    await remind_waiting_extensions(conv)  # (after the morning's digests: once for each request still waiting)
    return result


async def weekly_summary_if_due(conv: Conversation) -> bool:
    """The leaders' weekly summary, once a week, on the configured weekday (or the working day nearest
    before it, by the calendar with the admin's corrections, read by `run_tick`) from the configured hour."""
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
    told = await send_weekly_digest(conv, cut=now)  # (the claim's time: the next summary starts there)
    log.info("weekly summary %s-W%02d sent to %d leaders", year, week, told)
    return True
