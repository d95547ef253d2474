"""Status updates: the actions under a reminder, a reply to a reminder, or a typed
"2.1 xong" (with no item number: the only open task, or the bot asks which);
extension decisions; and /viec, the list of my open tasks."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot import texts
from bot.conversation.events import Action, Inbound, Outgoing, TapIn, TextIn
from bot.replies import parse_status_text, split_ref
from scheduler.dispatcher import ReminderView
from storage.models import Person, ReminderKind, TaskStatus
from storage.tasks import (
    Recorded,
    StatusUpdate,
    approvers,
    decide_extension,
    extension_request,
    open_tasks_for,
    pending_extensions,
    record_status,
    remember_ack,
    task_for_message,
    tasks_by_ref,
)
from storage.vntext import strip_marks

if TYPE_CHECKING:
    from bot.conversation.core import Conversation

log = logging.getLogger(__name__)

ACTION_STATUS = {"done": TaskStatus.DONE, "prog": TaskStatus.IN_PROGRESS, "block": TaskStatus.BLOCKED}
MAX_TYPED = 300  # longer text is not a typed status (an admin may be pasting a notice)


def status_actions(task_id: int, item_ref: str) -> tuple[tuple[Action, ...], ...]:
    return ((Action(label=texts.BUTTON_DONE, data=f"t:{task_id}:done", typed=f"{item_ref} xong"),
             Action(label=texts.BUTTON_PROGRESS, data=f"t:{task_id}:prog", typed=f"{item_ref} 60% đang thực hiện"),
             Action(label=texts.BUTTON_BLOCKED, data=f"t:{task_id}:block", typed=f"{item_ref} vướng <lý do>")),
            (Action(label="", typed=f"{item_ref} xin gia hạn đến 30/4"),))  # typed only: no button


def reminder_message(view: ReminderView, *, buttons: bool) -> Outgoing:
    text = texts.reminder_text(view, buttons=buttons)
    if view.kind == ReminderKind.ESCALATION:
        return Outgoing(text=text)
    return Outgoing(text=text, actions=status_actions(view.task_id, view.item_ref))


def extension_actions(report_id: int, item_ref: str) -> tuple[tuple[Action, ...], ...]:
    return ((Action(label=texts.BUTTON_APPROVE, data=f"x:{report_id}:ok", typed=f"đồng ý gia hạn {item_ref}"),
             Action(label=texts.BUTTON_REJECT, data=f"x:{report_id}:no", typed=f"không đồng ý gia hạn {item_ref}")),)


async def on_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    ctx = conv.ctx
    _, task_id, action = event.data.split(":")
    target = await ctx.db.run(task_for_message, chat_id=event.chat_id, message_id=event.on_message)
    rec = await ctx.db.run(record_status, task_id=int(task_id), actor=person,
                           change=StatusUpdate(status=ACTION_STATUS[action]), source="button",
                           now=ctx.clock.now(), today=ctx.today(),
                           reminder_id=target.reminder_id if target else None)
    await conv.answer_tap(event, texts.STATUS_LABELS[rec.status])
    await acknowledge(conv, event, rec, texts.recorded_text(rec))


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
    request = await ctx.db.run(decide_extension, report_id, by=person, approve=approve, now=ctx.clock.now(),
                               policy=ctx.policy)
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


async def reply_status(conv: Conversation, event: TextIn, person: Person) -> bool:
    """A reply to a reminder (or to an acknowledgement) is a progress note; False if it replies to
    something else."""
    ctx = conv.ctx
    if event.reply_to is None:
        return False
    target = await ctx.db.run(task_for_message, chat_id=event.chat_id, message_id=event.reply_to)
    if target is None:
        return False
    change = parse_status_text(event.text, today=ctx.today(), now=ctx.clock.now())
    if change is None:
        await conv.say(event, texts.reply_not_understood())
        return True
    rec = await ctx.db.run(record_status, task_id=target.task_id, actor=person, change=change, source="reply",
                           now=ctx.clock.now(), today=ctx.today(), reminder_id=target.reminder_id)
    await acknowledge(conv, event, rec, texts.recorded_text(rec, change.note, change.requested_due_on), quote=True)
    return True


async def typed_status(conv: Conversation, event: TextIn, person: Person) -> bool:
    """"2.1 xong" from someone with an open task 2.1; "xong" alone from someone with one open task
    (with several, the bot lists them to type back). False if the text is not a status."""
    ctx = conv.ctx
    text = event.text
    if len(text) > MAX_TYPED:
        return False
    split = split_ref(text)
    if split is None:
        change = parse_status_text(text, today=ctx.today(), now=ctx.clock.now())
        if change is None or change.status is None:
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
    else:
        ref, rest = split
        change = parse_status_text(rest, today=ctx.today(), now=ctx.clock.now())
        if change is None or change.status is None:
            return False
        tasks = await ctx.db.run(tasks_by_ref, person, ref)
        if not tasks:
            if person.is_admin:
                return False  # an admin may be pasting a notice that starts with "1. …"
            await conv.say(event, texts.unknown_ref(ref))
            return True
        if len(tasks) > 1:
            await conv.say(event, texts.ambiguous_ref(ref, len(tasks), conv.channel(event.channel).capabilities
                                                      .reply_to))
            return True
    rec = await ctx.db.run(record_status, task_id=tasks[0].id, actor=person, change=change, source="text",
                           now=ctx.clock.now(), today=ctx.today())
    await acknowledge(conv, event, rec, texts.recorded_text(rec, change.note, change.requested_due_on))
    return True


async def my_tasks(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    ctx = conv.ctx
    tasks = await ctx.db.run(open_tasks_for, person)
    rows = [(t.item_ref, t.text, t.due_on, TaskStatus(t.status), t.percent) for t in tasks]
    await conv.say(event, texts.my_tasks(person.full_name, rows, ctx.today()))
