"""Status updates: the actions under a task card, a reply to a digest or a card, or a
typed "2.1 xong" (with no item number: the only open task, or the bot asks which);
snoozes ("nhắc lại tuần sau"), reopening ("mở lại 2.1"), extension decisions; the
morning digest and its task cards; and /viec, the list of my open tasks.

Which task a message is about: an item number typed in the message wins; a reply
to a message about one task is about that task; when the typed number and the
replied message disagree, or nothing says which of several tasks, the bot asks."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import TYPE_CHECKING

from bot import texts
from bot.conversation.events import Action, Inbound, Outgoing, TapIn, TextIn
from bot.datetext import WhenUnclear, parse_when
from bot.replies import parse_status_text, split_ref
from scheduler.dispatcher import DigestView
from scheduler.series import record_in_series
from storage.models import Person, Task, TaskStatus
from storage.notices import notice_title
from storage.tasks import (
    Recorded,
    StatusUpdate,
    approvers,
    decide_extension,
    done_tasks_by_ref,
    extension_request,
    open_tasks_for,
    pending_extensions,
    remember_ack,
    remember_task_message,
    snooze,
    task_for_message,
    tasks_by_ref,
)
from storage.vntext import strip_marks

if TYPE_CHECKING:
    from bot.conversation.core import Conversation

log = logging.getLogger(__name__)

ACTION_STATUS = {"done": TaskStatus.DONE, "prog": TaskStatus.IN_PROGRESS, "block": TaskStatus.BLOCKED}
MAX_TYPED = 300  # longer text is not a typed status (an admin may be pasting a notice)
MAX_DIGEST_BUTTONS = 12  # beyond this, the digest says to type the item number instead
SNOOZE = re.compile(r"\bnhac\s*lai\b\s*(?:sau\s*)?(?P<when>.*)$")
REOPEN = re.compile(r"^\s*mo\s*lai\s+(?:muc\s*)?(?P<ref>\d{1,3}(?:\.\w{1,3}){0,4})\.?\s*$")


# ---------------------------------------------------------------- actions

def status_actions(task_id: int, item_ref: str) -> tuple[tuple[Action, ...], ...]:
    return ((Action(label=texts.BUTTON_DONE, data=f"t:{task_id}:done", typed=f"{item_ref} xong"),
             Action(label=texts.BUTTON_PROGRESS, data=f"t:{task_id}:prog", typed=f"{item_ref} 60% đang thực hiện"),
             Action(label=texts.BUTTON_BLOCKED, data=f"t:{task_id}:block", typed=f"{item_ref} vướng <lý do>")),
            (Action(label=texts.BUTTON_SNOOZE_DAY, data=f"s:{task_id}:1", typed=f"{item_ref} nhắc lại ngày mai"),
             Action(label=texts.BUTTON_SNOOZE_WEEK, data=f"s:{task_id}:7", typed=f"{item_ref} nhắc lại tuần sau"),
             Action(label="", typed=f"{item_ref} xin gia hạn đến 30/4")))  # typed only: no button


def extension_actions(report_id: int, item_ref: str) -> tuple[tuple[Action, ...], ...]:
    return ((Action(label=texts.BUTTON_APPROVE, data=f"x:{report_id}:ok", typed=f"đồng ý gia hạn {item_ref}"),
             Action(label=texts.BUTTON_REJECT, data=f"x:{report_id}:no", typed=f"không đồng ý gia hạn {item_ref}")),)


def digest_message(view: DigestView, *, buttons: bool) -> Outgoing:
    """The morning digest; every own task one tap from its card (a button per item, a few per row)."""
    own = [line for line in view.lines if line.escalation is None]
    actions: tuple[tuple[Action, ...], ...] = ()
    if buttons and own:
        shown = own[:MAX_DIGEST_BUTTONS]
        row_size = 4
        actions = tuple(tuple(Action(label=f"Mục {line.item_ref}", data=f"d:{line.task_id}", typed="")
                              for line in shown[i:i + row_size]) for i in range(0, len(shown), row_size))
    return Outgoing(text=texts.digest_text(view, buttons=buttons), actions=actions)


# ---------------------------------------------------------------- the task card

def _card(session, task_id: int, calendar) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    task = session.get(Task, task_id)
    if task is None:
        return None
    return task.item_ref, texts.task_card_text(
        item_ref=task.item_ref, notice_title=notice_title(task.notice), text=task.text, due_on=task.due_on,
        due_text=task.due_text, deadline_note=calendar.explain_deadline(task.due_on) if task.due_on else None,
        lead=task.lead_unit.name if task.lead_unit else
        (task.lead_unit_names or [None])[0], support=task.support_unit_names or [],
        status=TaskStatus(task.status), percent=task.percent,
        assignee=task.assignee.full_name if task.assignee else None)


async def show_card(conv: Conversation, event: Inbound, task_id: int) -> None:
    ctx = conv.ctx
    card = await ctx.db.run(_card, task_id, ctx.policy.calendar)
    if card is None:
        await conv.say(event, texts.STALE_BUTTON)
        return
    item_ref, text = card
    sent = await conv.reply(event, Outgoing(text=text, actions=status_actions(task_id, item_ref)))
    if sent.last_id is not None:
        await ctx.db.run(remember_task_message, task_id=task_id, channel=sent.channel, chat_id=sent.chat_id,
                         message_id=sent.last_id, now=ctx.clock.now())


# ---------------------------------------------------------------- taps

async def on_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    _, task_id, action = event.data.split(":")
    await _record(conv, event, person, int(task_id), StatusUpdate(status=ACTION_STATUS[action]), "button")


async def on_detail_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    await conv.answer_tap(event)
    await show_card(conv, event, int(event.data.split(":")[1]))


async def on_snooze_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    _, task_id, days = event.data.split(":")
    calendar = conv.ctx.policy.calendar
    today = conv.ctx.today()
    until = calendar.next_working_day(today) if days == "1" else \
        calendar.working_day_on_or_after(today + dt.timedelta(days=7 - today.weekday()))
    await _snooze(conv, event, person, int(task_id), until)


async def _snooze(conv: Conversation, event: Inbound, person: Person, task_id: int, until: dt.date) -> None:
    ctx = conv.ctx
    until = ctx.policy.calendar.working_day_on_or_after(until)
    task = await ctx.db.run(snooze, task_id=task_id, actor=person, until=until, now=ctx.clock.now())
    await conv.answer_tap(event, texts.snoozed_text(task.item_ref, until))
    await conv.say(event, texts.snoozed_text(task.item_ref, until))


async def _record(conv: Conversation, event: Inbound, person: Person, task_id: int, change: StatusUpdate,
                  source: str, quote: bool = False) -> None:
    ctx = conv.ctx
    calendar = ctx.policy.calendar
    rec, step = await ctx.db.run(record_in_series, task_id=task_id, actor=person, change=change, source=source,
                                 now=sent_time(conv, event), today=calendar.local(sent_time(conv, event)).date(),
                                 calendar=calendar)
    await conv.answer_tap(event, texts.STATUS_LABELS[rec.status])
    text = texts.recorded_text(rec, change.note, change.requested_due_on)
    if step is not None:
        text = texts.series_step_text(rec.item_ref, step.finished, step.on_time,
                                      step.next.title() if step.next else None, change.note)
    await acknowledge(conv, event, rec, text, quote=quote)


def sent_time(conv: Conversation, event: Inbound) -> dt.datetime:
    """When the person acted: a typed message counts at its own date (a "xong" sent on the deadline day and
    handled after a restart is on time), never later than now; a tap counts now."""
    now = conv.ctx.clock.now()
    if isinstance(event, TextIn) and event.sent_at.tzinfo is not None:
        return min(event.sent_at, now)
    return now


async def acknowledge(conv: Conversation, event: Inbound, rec: Recorded, text: str, quote: bool = False) -> None:
    """Confirm a status update, remembering the message so a reply to it continues the task;
    an extension request goes on to the admins and leaders who decide it."""
    ctx = conv.ctx
    sent = await conv.reply(event, Outgoing(text=text, reply_to=event.message_id if quote else None))
    if sent.last_id is not None:
        await ctx.db.run(remember_ack, report_id=rec.report_id, chat_id=sent.chat_id, message_id=sent.last_id)
    if rec.status == TaskStatus.EXTENSION_REQUESTED:
        request = await ctx.db.run(extension_request, rec.report_id)
        for approver in await ctx.db.run(approvers):
            if approver.id == request.requester_id:
                continue
            await conv.notify(approver, Outgoing(text=texts.extension_request_text(request),
                                                 actions=extension_actions(rec.report_id, request.item_ref)))


# ---------------------------------------------------------------- extensions

async def on_extension_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    _, report_id, action = event.data.split(":")
    await _decide_extension(conv, event, person, int(report_id), approve=action == "ok")


async def typed_extension_decision(conv: Conversation, event: TextIn, person: Person) -> bool:
    """«đồng ý gia hạn 2.1» / «không đồng ý gia hạn» typed by an approver (no ref: the only pending one)."""
    folded = " ".join(strip_marks(event.text).lower().strip(" .!").split())
    approve = folded.startswith("dong y gia han")
    if not (approve or folded.startswith("khong dong y gia han")):
        return False
    ref = folded.split("gia han", 1)[1].strip().removeprefix("muc").strip(" .:") or None
    pending = await conv.ctx.db.run(pending_extensions, ref)
    if len(pending) != 1:
        await conv.say(event, texts.which_extension(ref, pending))
        return True
    await _decide_extension(conv, event, person, pending[0].report_id, approve=approve)
    return True


async def _decide_extension(conv: Conversation, event: Inbound, person: Person, report_id: int, *,
                            approve: bool) -> None:
    ctx = conv.ctx
    request = await ctx.db.run(decide_extension, report_id, by=person, approve=approve, now=ctx.clock.now())
    approved = approve and request.requested_due is not None
    await conv.answer_tap(event)
    if isinstance(event, TapIn):
        await conv.clear_actions(event.channel, event.chat_id, event.on_message)
    await conv.say(event, texts.extension_decided_text(request, approved, for_requester=False))
    requester = await ctx.db.run(_person, request.requester_id)
    if requester is not None and requester.id != person.id:
        await conv.notify(requester, Outgoing(text=texts.extension_decided_text(request, approved,
                                                                                 for_requester=True)))


def _person(session, person_id: int) -> Person | None:  # type: ignore[no-untyped-def]
    return session.get(Person, person_id)


# ---------------------------------------------------------------- typed and replied text

async def reply_status(conv: Conversation, event: TextIn, person: Person) -> bool:
    """A reply to a digest, a task card, an assignment or an acknowledgement; False if it replies to
    something else. A typed item number wins; when it disagrees with the replied message, the bot asks."""
    ctx = conv.ctx
    if event.reply_to is None:
        return False
    target = await ctx.db.run(task_for_message, chat_id=event.chat_id, message_id=event.reply_to)
    if target is None:
        return False
    split = split_ref(event.text)
    if split is not None:
        ref, rest = split
        mine = await ctx.db.run(tasks_by_ref, person, ref)
        in_target = [t for t in mine if t.id in target.task_ids]
        if in_target:
            return await _apply_text(conv, event, person, in_target[0], rest, source="reply", quote=True)
        if len(target.task_ids) == 1 and mine:
            replied = await ctx.db.run(lambda s: s.get_one(Task, target.task_ids[0]))
            await conv.say(event, texts.which_of_two(ref, replied.item_ref, rest))
            return True
        if len(mine) == 1:
            return await _apply_text(conv, event, person, mine[0], rest, source="reply", quote=True)
    if len(target.task_ids) == 1:
        task = await ctx.db.run(lambda s: s.get_one(Task, target.task_ids[0]))
        return await _apply_text(conv, event, person, task, event.text, source="reply", quote=True)
    candidates = [t for t in await ctx.db.run(open_tasks_for, person) if t.id in target.task_ids]
    if len(candidates) == 1:
        return await _apply_text(conv, event, person, candidates[0], event.text, source="reply", quote=True)
    await conv.say(event, texts.which_task([(t.item_ref, t.text) for t in candidates], event.text))
    return True


async def _apply_text(conv: Conversation, event: TextIn, person: Person, task: Task, text: str, *, source: str,
                      quote: bool = False) -> bool:
    ctx = conv.ctx
    folded = " ".join(strip_marks(text).lower().split())
    if m := SNOOZE.search(folded):
        await _snooze(conv, event, person, task.id, _snooze_day(conv, m.group("when")))
        return True
    change = parse_status_text(text, today=ctx.today(), now=ctx.clock.now())
    if change is None:
        await conv.say(event, texts.reply_not_understood())
        return True
    await _record(conv, event, person, task.id, change, source, quote=quote)
    return True


def _snooze_day(conv: Conversation, when: str) -> dt.date:
    """"tuần sau", "mai", "thứ 6", "5/6"… (empty: the next working day)."""
    when = when.strip(" .")
    today = conv.ctx.today()
    if not when or when in ("sau", "mai", "ngay mai"):
        return conv.ctx.policy.calendar.next_working_day(today)
    if when in ("tuan sau", "tuan toi"):
        return today + dt.timedelta(days=7 - today.weekday())
    try:
        return parse_when(when, now=conv.ctx.clock.now()).date
    except WhenUnclear:
        return conv.ctx.policy.calendar.next_working_day(today)


async def typed_status(conv: Conversation, event: TextIn, person: Person) -> bool:
    """"2.1 xong" from someone with an open task 2.1; "xong" alone from someone with one open task
    (with several, the bot lists them to type back); "mở lại 2.1"; "2.1 nhắc lại tuần sau".
    False if the text is none of these."""
    ctx = conv.ctx
    text = event.text
    if len(text) > MAX_TYPED:
        return False
    folded = " ".join(strip_marks(text).lower().split())
    if m := REOPEN.match(folded):
        return await _reopen(conv, event, person, m.group("ref"))
    split = split_ref(text)
    if split is None:
        change = parse_status_text(text, today=ctx.today(), now=ctx.clock.now())
        is_snooze = SNOOZE.search(folded) is not None
        if not is_snooze and (change is None or change.status is None):
            return False
        tasks = await ctx.db.run(open_tasks_for, person)
        if not tasks:
            if person.is_admin:
                return False
            await conv.say(event, texts.no_open_tasks(person.full_name))
            return True
        if len(tasks) > 1:
            await conv.say(event, texts.which_task([(t.item_ref, t.text) for t in tasks], text))
            return True
        return await _apply_text(conv, event, person, tasks[0], text, source="text")
    ref, rest = split
    folded_rest = " ".join(strip_marks(rest).lower().split())
    change = parse_status_text(rest, today=ctx.today(), now=ctx.clock.now())
    if SNOOZE.search(folded_rest) is None and (change is None or change.status is None):
        return False
    tasks = await ctx.db.run(tasks_by_ref, person, ref) or await ctx.db.run(done_tasks_by_ref, person, ref)
    if not tasks:  # (a finished task is found too: changing it is refused with how to reopen it)
        if person.is_admin:
            return False  # an admin may be pasting a notice that starts with "1. …"
        await conv.say(event, texts.unknown_ref(ref))
        return True
    if len(tasks) > 1:
        await conv.say(event, texts.ambiguous_ref(ref, len(tasks), conv.channel(event.channel).capabilities.reply_to))
        return True
    return await _apply_text(conv, event, person, tasks[0], rest, source="text")


async def _reopen(conv: Conversation, event: TextIn, person: Person, ref: str) -> bool:
    ctx = conv.ctx
    closed = await ctx.db.run(done_tasks_by_ref, person, ref)
    if not closed:
        await conv.say(event, texts.nothing_to_reopen(ref))
        return True
    await _record(conv, event, person, closed[-1].id,
                  StatusUpdate(status=TaskStatus.IN_PROGRESS, reopen=True, note="mở lại"), "text")
    return True


async def my_tasks(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    ctx = conv.ctx
    tasks = await ctx.db.run(open_tasks_for, person)
    rows = [(t.item_ref, f"[kỳ {t.occurrence_label}] {t.text}" if t.occurrence_label else t.text, t.due_on,
             TaskStatus(t.status), t.percent) for t in tasks]
    await conv.say(event, texts.my_tasks(person.full_name, rows, ctx.today()))
