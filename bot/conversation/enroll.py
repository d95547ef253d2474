"""Enrollment and help: /start CODE binds a chat (Telegram or Zalo) to a person,
/moi makes an invite, /kenh chooses where reminders go, /huongdan explains."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import texts
from bot.conversation import named
from bot.conversation.directory import invite_usage
from bot.conversation.events import TextIn
from bot.conversation.status import in_item_order, my_tasks
from storage.directory import (
    Displaced,
    create_invite,
    invite_example,
    mark_reachable,
    person_by_address,
    redeem_invite,
)
from storage.directory import choose_channel as store_channel_choice
from storage.errors import NotAllowed, PersonNotFound
from storage.models import CHANNELS, Person, Role, Task, TaskStatus
from storage.notices import notice_title, supported_open
from storage.tasks import open_tasks_for, remember_task_message

if TYPE_CHECKING:
    from bot.conversation.core import Conversation


async def start(conv: Conversation, event: TextIn, args: list[str], person: Person | None) -> None:
    ctx = conv.ctx
    displaced: list[Displaced] = []
    if args:
        person = await ctx.db.run(redeem_invite, code=args[0], channel=event.channel, chat_id=event.chat_id,
                                  now=ctx.clock.now(), displaced=displaced)
    elif person is None:
        person = await ctx.db.run(person_by_address, event.channel, event.chat_id)
        if person is None:
            await conv.say(event, texts.not_enrolled(event.channel, event.chat_id))
            return
    if person.unreachable_since is not None:  # back after blocking the bot: reachable again
        await ctx.db.run(mark_reachable, person.id)
    mine = in_item_order(await ctx.db.run(open_tasks_for, person))  # the examples use their own item numbers
    await conv.say(event, texts.welcome(person.full_name, person.role, conv.channel(event.channel).capabilities
                                        .buttons, bound=person.channels, refs=_refs(mine)))
    for before in displaced:  # one chat, one person: the reminders of the row this chat had stop coming here
        await conv.say(event, texts.chat_moved(before.full_name, before.handle, before.unit, person.full_name))
    if args and mine and _missed_assignment(mine):
        # given the tasks of one notice before they could be reached, none of them yet reported on: the assignment
        # they missed, as the others got it at confirmation (the notice, "Kính gửi", how to report), and a reply to
        # it is about those tasks (probe 20 F16)
        title = notice_title(mine[0].notice)
        buttons = conv.channel(event.channel).capabilities.buttons
        sent = await conv.say(event, texts.assignment_text(
            person.full_name, title, [(t.item_ref, t.text, t.due_on, t.occurrence_label) for t in mine], buttons,
            ctx.today(), units=[t.lead_name for t in mine],
            supporting=[ctx.policy.supports_task_lightly(t) for t in mine],
            supporting_ahead=bool(ctx.policy.supporting_days_before),
            checkin_every=ctx.policy.checkin_every_working_days, runs=ctx.policy.calendar.deadline_runs))
        if sent.last_id is not None:
            for task in mine:
                await ctx.db.run(remember_task_message, task_id=task.id, channel=sent.channel, chat_id=sent.chat_id,
                                 message_id=sent.last_id, now=ctx.clock.now())
    elif args and mine:
        # a successor, or someone given tasks before joining: what they hold now, once, as /viec shows it (the
        # morning digest then speaks only of what is due)
        await my_tasks(conv, event, [], person)
    if args and person.role == Role.HEAD:
        # the items their unit supports, told to the head at confirmation — when they could be reached (probe 20)
        for title, rows in await ctx.db.run(supported_open, person):
            await conv.say(event, texts.support_assignment_text(person.full_name, title, rows))


def _missed_assignment(tasks: list[Task]) -> bool:
    """Whether what someone holds on joining is one notice's assignment they never saw: all of one notice, none
    reported on yet (a successor taking over work in progress gets the /viec list, with where each stands)."""
    return len({t.notice_id for t in tasks}) == 1 and all(
        t.status == TaskStatus.OPEN and t.percent is None and t.last_report_at is None for t in tasks)


async def help_command(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    mine = in_item_order(await conv.ctx.db.run(open_tasks_for, person))
    await conv.say(event, texts.help_text(person.role, conv.channel(event.channel).capabilities.buttons, _refs(mine)))


def _refs(tasks: list[Task]) -> list[str]:
    return list(dict.fromkeys(t.item_ref for t in tasks))


async def invite(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    ctx = conv.ctx
    if not person.is_admin:
        raise NotAllowed(person.handle, "create invites")
    if not args:
        await conv.say(event, invite_usage(await ctx.db.run(invite_example)))
        return
    typed = " ".join(args)
    found = await ctx.db.run(named.called, typed)
    if len(found) != 1:  # nobody (say what a handle is), or a name several people share (their handles)
        example = await ctx.db.run(invite_example) if not found else None
        raise _Unknown(typed, example) if not found else _Ambiguous(typed, found)
    invited = found[0]
    code = await ctx.db.run(create_invite, handle=invited.handle, by=person, now=ctx.clock.now())
    links = {name: ch.invite_link(code) for name, ch in conv.channels.items()}
    await conv.say(event, texts.invite_text(invited.full_name, invited.handle, code, links))


class _Unknown(PersonNotFound):
    def __init__(self, typed: str, example: Person | None = None) -> None:
        super().__init__(typed)
        self.user_message = texts.invite_unknown(typed, (example.handle, example.full_name) if example else None)


class _Ambiguous(PersonNotFound):
    def __init__(self, typed: str, people: list[Person]) -> None:
        super().__init__(typed)
        self.user_message = texts.invite_which(typed, [(p.handle, p.full_name, p.title) for p in people])


async def choose_channel(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    """/kenh zalo | /kenh telegram: where reminders go for someone bound on both."""
    wanted = args[0].lower() if args else ""
    if wanted not in CHANNELS:
        await conv.say(event, texts.channel_usage(person.preferred_channel, person.channels))
        return
    ctx = conv.ctx
    person = await ctx.db.run(store_channel_choice, person.id, wanted, now=ctx.clock.now())
    await conv.say(event, texts.channel_chosen(wanted))
