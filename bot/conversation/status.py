"""Status updates: the actions under a task card, a reply to a digest or a card, or a
typed "2.1 xong" (with no item number: the only open task, or the bot asks which);
snoozes ("nhắc lại tuần sau"), reopening ("mở lại 2.1"), extension decisions; the
morning digest and its task cards; and /viec, the list of my open tasks.

Which task a message is about: an item number typed in the message wins; a reply
to a message about one task is about that task; when the typed number and the
replied message disagree, or nothing says which of several tasks, the bot asks,
with one action per candidate that applies the kept text to the task chosen.

Extensions: one pending request a task (a new one replaces it, and says so);
decided by the head of the lead unit for a cadre's task, otherwise by admins and
leaders; the decision is told to everyone concerned and the old actions come off.
Delegation (/giao) hands a task to a cadre of the lead unit; supporting units
report their part with «phối hợp 2.3: …»."""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import datetime as dt
import logging
import re
from collections.abc import AsyncIterator, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import select

from bot import texts
from bot.conversation import office
from bot.conversation.events import Action, Inbound, Outgoing, TapIn, TextIn
from bot.conversation.named import colleague_example, named_at_end
from bot.conversation.workdays import digest_day
from bot.datetext import WhenUnclear, leading_when, parse_when
from bot.replies import (
    NOT_HOW_TO_ASK,
    Transfer,
    change_percent,
    chat_fold,
    every_task,
    find_ref,
    find_refs,
    handed_item,
    handed_to,
    impossible_percent,
    letter_refs,
    names_the_paper,
    notice_named,
    one_off_step,
    own_work_done,
    parse_status_text,
    question_fold,
    recalls_extension,
    says_done,
    says_more_than_done,
    split_ref,
    split_refs,
    transfer_asked,
    written_out,
)
from scheduler.calendar import WorkingCalendar
from scheduler.dispatcher import DigestLine, DigestView, SendError
from scheduler.policy import DigestCategory
from scheduler.recurrence import Frequency, frequency_of
from scheduler.series import (
    MissedBefore,
    close_missed,
    current_round_title,
    done_today,
    missed_before,
    named_period,
    record_in_series,
    round_for_report,
)
from storage.audit import audit
from storage.directory import person_by_id
from storage.doneagain import done_again
from storage.errors import ExtensionInvalid, NhacViecError, NotAllowed, NotApprover
from storage.itemref import (
    FOLDED_REF,
    ends_ref,
    position_reading,
    ref_key,
    roman_section,
    same_ref,
    squeezed_and_folded,
)
from storage.models import (
    AuditLog,
    Digest,
    DigestState,
    Notice,
    PendingReply,
    Person,
    Role,
    StatusReport,
    Task,
    TaskOccurrence,
    TaskStatus,
    Unit,
)
from storage.notices import notice_title
from storage.reports import granted_extensions, judged_due
from storage.shares import move_shares, other_shares, unasked_shares
from storage.tasks import (
    DATE_ASKED,
    MEANT,
    Delegated,
    DirectionTarget,
    DutyKind,
    ExtensionRequest,
    MootRequest,
    Position,
    Recorded,
    ShownAt,
    StatusUpdate,
    admins,
    approvers,
    ask_transfer,
    asked_item_tasks,
    by_position,
    charged_elsewhere,
    claim_extension_reminder,
    close_moot_requests,
    covered_tasks_by_ref,
    decide_extension,
    decided_extensions,
    delegate,
    delegate_task,
    delegated_tasks,
    direction_targets,
    directions_answered,
    done_tasks_by_ref,
    drop_pending_replies,
    duty_kind,
    extension_for_message,
    extension_messages,
    extension_request,
    heads_over_holders,
    item_units,
    last_asked,
    may_delegate,
    named_without_tasks,
    notice_refs,
    office_item_tasks,
    office_open_tasks,
    office_tasks_by_ref,
    open_tasks_for,
    pending_date,
    pending_extensions,
    pending_which,
    people_to_inform,
    point_meant,
    recall_extension,
    record_direction,
    record_support,
    remember_ack,
    remember_extension_message,
    remember_task_message,
    reportable_open_tasks,
    reported_since,
    requests_to_recall,
    said_not_started,
    save_pending_reply,
    shares_named,
    snooze,
    support_tasks_by_ref,
    take_pending_reply,
    task_followers,
    task_for_message,
    tasks_by_ref,
    times_recalled,
    unit_cadres,
    unit_open_tasks,
    unit_tasks_by_ref,
)
from storage.unitgroups import read_group
from storage.unitnames import mentions, named_among, named_by_initials, ways_to_name
from storage.vntext import fold, nfc, strip_marks

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bot.context import AppContext
    from bot.conversation.core import Conversation

log = logging.getLogger(__name__)

ACTION_STATUS = {"done": TaskStatus.DONE, "prog": TaskStatus.IN_PROGRESS, "block": TaskStatus.BLOCKED}
MAX_TYPED = 300  # longer text is not a typed status (an admin may be pasting a notice)
# "nhắc lại tuần sau", "nhắc lại sau 3 ngày", "nhắc tôi vào thứ 6", "để tuần sau nhắc lại"
SNOOZE = re.compile(r"\bnhac\s*lai\b\s*(?P<when>.*)$|\bnhac\s+(?:toi|em|minh|anh|chi)?\s*(?:vao|toi|den)\s+(?P<to>.*)$"
                    # ("cảm ơn Văn phòng đã nhắc ạ", "vừa nhắc": thanks for a reminder given, not a reminder asked for)
                    r"|^(?:de\s+|cu\s+)?(?P<first>.+?)(?<!\bda)(?<!\bvua)(?<!\bda nhac)\s+(?:hay\s+|moi\s+|thi\s+)?"
                    r"nhac\s*(?:lai\s*)?"
                    r"(?:(?:toi|em|minh|anh|chi)\s*)?(?:nhe|nha|a|voi)?\W*$")
# what a question about a task may ask that its card does not say (a form, paper or file, where to hand it in, how):
# the office gets the question too
OFFICE_MATTERS = re.compile(r"\b(?:mau|bieu mau|file|tep|ban giay|van ban giay|ban mem|ban cung|ky so|dong dau"
                            r"|o dau|lam sao|the nao|nhu the nao|co duoc|co can)\b")
# a question about the task, not a report: "mục 2.1 là gì?", "ai phối hợp?", "hạn có đổi không ạ? em thấy …" (a
# question mark with more after it: heldout-4)
QUESTION = re.compile(r"\?\s*$|(?<=\w)\?(?=\s+\w)"
                      # ("không có vụ việc gì mới", "chưa có việc gì phát sinh": nothing new, reported — probe 8, #5)
                      r"|\b(?:la (?:viec |nhiem vu |noi dung |cai )?gi|gi (?:vay|the)|(?<!\bvu )(?<!\bco )viec gi"
                      r"|the nao"
                      r"|ai phoi hop|phoi hop voi ai|bao gio|khi nao"
                      r"|ngay nao|(?:don vi|co quan|ai|noi|cho) nao|cho ai|voi ai|o dau|nhu the nao"
                      # "mục 7 lúc nào phải nộp vậy em", "hạn hôm nào ạ", "bao lâu nữa": asked, not reported
                      r"|luc nao|hom nao|thang nao|tuan nao|may gio|bao lau"
                      # "mục 3 bên e làm chính hay chỉ hỗ trợ", "nhờ anh gửi lại ạ" (heldout-4): asked of the office
                      r"|\bhay\s+(?:chi|la)\b"
                      r"|\bnho\s+(?:anh|chi|a|c|em|ban|dong chi|van phong)\s+(?:gui|cap|chuyen)\s+lai\b"
                      # "giao … mục nào vậy? có phải báo cáo hằng tháng không" typed without marks (probe 39, #3)
                      r"|(?:muc|viec|nhiem vu) nao (?:vay|the|a|ha)\b|\bco phai\b(?:\s+\w+){1,8}?\s+khong\s*[?.!]*\s*$"
                      # "nộp chưa?", "xong chưa em" (not "còn phần báo cáo chưa viết": not yet written)
                      r"|(?:xong|nop|gui|bao cao) chua"
                      r"(?!\s+(?!(?:a|vay|the|nhi|ha|em|anh|chi|ban|dong chi|cac|moi)\b)\w)"
                      # "… làm gì vậy", "… nào ạ" at the end (not "chưa có vướng mắc gì ạ": nothing, said politely)
                      # ("mục 2.4 chưa làm gì ạ": nothing done yet, reported)
                      r"|(?:(?:nao|sao) (?:vay|the|a|ha)|gi (?:vay|the|ha)"
                      r"|(?<!\bchua )(?<!\bkhong )(?<!\bchang )(?<!\bchua co )(?<!\bkhong co )(?<!\bchang co )lam gi)"
                      r"(?:\s+(?:em|anh|chi|a|ban|nhi))?\s*$)\b")
# "chưa xong, mở lại giúp", "bấm nhầm": a finished task to open again
REOPEN_WORDS = re.compile(r"\bmo\s*lai\b|\bbam\s+nham\b|\bnham\b.*\b(?:chua|khong)\s+(?:xong|hoan thanh)\b")
EARLIER_ROUND = re.compile(r"\bky\s*truoc\b")  # "2.1 xong kỳ trước": the missed round of a duty, not this one
# two months in a row named in a report: "đã gửi báo cáo tháng 1 (số 25/BC-UBND) và tháng 2", "bc tháng 12 và tháng 1
# đã nộp" (folded)
_TWO_MONTHS = re.compile(r"\bthang\s+(?P<a>\d{1,2})(?:\s*/\s*(?P<ay>\d{4}))?\b(?!\s*/)[^.;]{0,50}?\s(?:va|,)\s+"
                         r"thang\s+(?P<b>\d{1,2})(?:\s*/\s*(?P<by>\d{4}))?(?![\d/.%])")


# the words before the date a leader sets when deciding a request (on folded text): "đồng ý … đến 15/3", "chậm nhất
# 18/12", "hạn mới 26/3", "hạn cuối 15/5", "hạn chót là 15/5", "thời hạn cuối cùng 15/5"
_DEADLINE_WORDS = r"han\s*(?:moi|cuoi(?:\s*cung)?|chot)(?:\s*la)?"
GRANT_CUE = rf"(?:den|toi|cham\s*nhat|truoc|khong\s*qua|{_DEADLINE_WORDS})"
# the date a refusal sets: "phải xong trước 4/1", "hạn mới 4/1", "hạn cuối 15/5" — not the item after "gia hạn" ("2.3"
# is no date)
REFUSAL_CUE = rf"(?:truoc|den|toi|(?<!gia )(?<!lui )(?<!doi )(?:{_DEADLINE_WORDS}|han)|cham\s*nhat)"


def two_months_named(text: str) -> tuple[str, str] | None:
    """The two rounds a report names when it names two months in a row ("tháng 1 … và tháng 2" → "tháng 1",
    "tháng 2"; with the year when typed), else None."""
    m = _TWO_MONTHS.search(chat_fold(text))
    if m is None or not (1 <= int(m["a"]) <= 12 and int(m["b"]) == int(m["a"]) % 12 + 1):
        return None
    return (f"tháng {int(m['a'])}" + (f"/{m['ay']}" if m["ay"] else ""),
            f"tháng {int(m['b'])}" + (f"/{m['by']}" if m["by"] else ""))


# "xong cả 2", "cả hai kỳ đều xong", "đã xong 2 kỳ" on a duty with a missed round: that round and the one now due
BOTH_ROUNDS = re.compile(r"\b(?:ca\s+(?:2|hai)(?!\s+(?:xa|phuong|thi tran|don vi|co quan|muc|viec|nhiem vu)\b)"
                         r"|(?:2|hai)\s+(?:ky|dot))\b")
REOPEN = re.compile(rf"^\s*mo\s*lai\s+(?:muc\s*)?(?P<ref>{FOLDED_REF})\.?\s*$")
ASKS_EXTENSION = re.compile(r"(?<!khong )(?<!chua )\b(?:xin|de nghi|de xuat|can)\s+(?:cho\s+)?(?:duoc\s+)?"
                            r"(?:(?:gia|lui|doi)\s*han|them\s+thoi\s*gian|lui|hoan)\b" + NOT_HOW_TO_ASK)
SUPPORT = re.compile(rf"^\s*phoi\s*hop\s+(?:muc\s*)?(?P<ref>{FOLDED_REF})\.?\s*[:\-–]?\s*")
WHICH_ROW = 3  # candidates per row of actions
MAX_WHICH = 24  # candidates offered as actions (the question lists them all)


# ---------------------------------------------------------------- actions

def status_actions(task_id: int, item_ref: str) -> tuple[tuple[Action, ...], ...]:
    return ((Action(label=texts.BUTTON_DONE, data=f"t:{task_id}:done", typed=f"{item_ref} xong"),
             Action(label=texts.BUTTON_PROGRESS, data=f"t:{task_id}:prog", typed=f"{item_ref} 60% đang thực hiện"),
             Action(label=texts.BUTTON_BLOCKED, data=f"t:{task_id}:block", typed=f"{item_ref} vướng <lý do>")),
            (Action(label=texts.BUTTON_SNOOZE_DAY, data=f"s:{task_id}:1", typed=f"{item_ref} nhắc lại ngày mai"),
             Action(label=texts.BUTTON_SNOOZE_WEEK, data=f"s:{task_id}:7", typed=f"{item_ref} nhắc lại tuần sau"),
             Action(label="", typed=f"{item_ref} xin gia hạn đến 30/4")))  # typed only: no button


def which_actions(pending_id: int, candidates: list[tuple[int, str]], text: str,
                  notices: Mapping[int, str] | None = None) -> tuple[tuple[Action, ...], ...]:
    """One action per candidate task: "w:<pending reply>:<task>" (well under 64 bytes); typed: "2.1 <text>".
    `notices`: the notice number of candidates whose item number another candidate's notice has too — on the label,
    and typed after the text ("II.2.a xong 145/TB-UBND": the typed form picks that notice, probe 26)."""
    shown = candidates[:MAX_WHICH]
    typed_text = texts.shorten(text, 60)
    notices = notices or {}
    actions = [Action(label=f"Mục {ref} ({notices[task_id]})" if task_id in notices else f"Mục {ref}",
                      data=f"w:{pending_id}:{task_id}",
                      typed=f"{ref} {typed_text} {notices[task_id]}" if task_id in notices else f"{ref} {typed_text}")
               for task_id, ref in shown]
    return tuple(tuple(actions[i:i + WHICH_ROW]) for i in range(0, len(actions), WHICH_ROW))


def missed_round_actions(task_id: int, item_ref: str, missed: MissedBefore) -> tuple[tuple[Action, ...], ...]:
    """Close a missed round of a duty too: "r:<task>:<occurrence>"."""
    return ((Action(label=texts.missed_round_button(missed.label), data=f"r:{task_id}:{missed.occurrence_id}",
                    typed=f"{item_ref} xong kỳ trước"),),)


def extension_actions(request: ExtensionRequest) -> tuple[tuple[Action, ...], ...]:
    """Approve / reject; typed, the unit is named too where several units hold the item (see typed_which)."""
    which = request.typed_which
    return ((Action(label=texts.BUTTON_APPROVE, data=f"x:{request.report_id}:ok", typed=f"đồng ý gia hạn {which}"),
             Action(label=texts.BUTTON_REJECT, data=f"x:{request.report_id}:no",
                    typed=f"không đồng ý gia hạn {which}")),)


def deciding_actions(requests: Sequence[ExtensionRequest]) -> tuple[tuple[Action, ...], ...]:
    """Approve / refuse for each request, the item named on each button when there are several."""
    actions: tuple[tuple[Action, ...], ...] = ()
    for request in requests:
        rows = extension_actions(request)
        if len(requests) > 1:  # whose request each pair decides
            rows = tuple(tuple(dataclasses.replace(a, label=f"{a.label} · {request.item_ref}") for a in row)
                         for row in rows)
        actions += rows
    return actions


def digest_message(view: DigestView, *, buttons: bool, recalled: Mapping[int, str] | None = None,
                   deciders: Mapping[int, str] | None = None, deciding: Sequence[ExtensionRequest] = (),
                   calendar: WorkingCalendar | None = None) -> Outgoing:
    """The morning digest; every own task one tap from its card (a button per item, a few per row). `recalled`:
    the tasks whose waiting extension request is recalled this morning, and to whom (`recalled_this_morning`);
    `deciders`: who decides a waiting request, when one head does (`waiting_deciders`); `deciding`: the requests
    recalled to the reader this morning (`deciding_this_morning`), said in the digest with their approve / refuse
    buttons under the items' (naming the item when there are several)."""
    own = texts.digest_own(view)
    actions: tuple[tuple[Action, ...], ...] = ()
    if buttons and own:
        shown = own[:texts.DIGEST_BUTTONS]  # beyond these, the digest says to type the item number
        refs = [line.item_ref for line in shown]
        row_size = 2 if len(set(refs)) < len(refs) else 4  # an item held for two units: its buttons say whose

        def label(line: DigestLine) -> str:
            if refs.count(line.item_ref) > 1 and line.lead_unit:
                return f"Mục {line.item_ref} · {texts.shorten(line.lead_unit, 24)}"
            return f"Mục {line.item_ref}"

        actions = tuple(tuple(Action(label=label(line), data=f"d:{line.task_id}", typed="")
                              for line in shown[i:i + row_size]) for i in range(0, len(shown), row_size))
    if buttons:  # (without buttons the digest's text says what to type, once)
        actions += deciding_actions(deciding)
    return Outgoing(text=texts.digest_text(view, buttons=buttons, recalled=recalled, deciders=deciders,
                                           deciding=deciding, calendar=calendar), actions=actions)


# ---------------------------------------------------------------- the task card

def _card(session, task_id: int, calendar) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    task = session.get(Task, task_id)
    if task is None:
        return None
    return task.item_ref, texts.task_card_text(
        item_ref=task.item_ref, notice_title=notice_title(task.notice), text=task.text, due_on=task.due_on,
        due_text=task.due_text, deadline_note=calendar.explain_deadline(task.due_on) if task.due_on else None,
        lead=task.lead_name or None, support=task.support_unit_names or [],
        status=TaskStatus(task.status), percent=task.percent,
        assignee=task.assignee.full_name if task.assignee else None, leaders=task.leaders_in_charge or (),
        not_started=said_not_started(task))


def _may_delegate(session, viewer: Person, task_id: int) -> bool:  # type: ignore[no-untyped-def]
    task = session.get(Task, task_id)
    return task is not None and viewer.role == "head" and may_delegate(viewer, task) and \
        not TaskStatus(task.status).is_closed


async def show_card(conv: Conversation, event: Inbound, task_id: int, viewer: Person | None = None) -> None:
    ctx = conv.ctx
    card = await ctx.db.run(_card, task_id, ctx.policy.calendar)
    if card is None:
        await conv.say(event, texts.STALE_BUTTON)
        return
    item_ref, text = card
    actions = status_actions(task_id, item_ref)
    if viewer is not None and await ctx.db.run(_may_delegate, viewer, task_id):  # the head: "Giao cán bộ"
        actions += ((Action(label=texts.BUTTON_DELEGATE, data=f"g:{task_id}",
                            typed=f"/giao {item_ref} <họ tên cán bộ>"),),)  # as /help and README write it
    sent = await conv.reply(event, Outgoing(text=text, actions=actions))
    if sent.last_id is not None:
        await ctx.db.run(remember_task_message, task_id=task_id, channel=sent.channel, chat_id=sent.chat_id,
                         message_id=sent.last_id, now=ctx.clock.now())


# ---------------------------------------------------------------- taps

async def on_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    _, task_id, action = event.data.split(":")
    await _record(conv, event, person, int(task_id), StatusUpdate(status=ACTION_STATUS[action]), "button")


async def on_detail_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    await conv.answer_tap(event)
    await show_card(conv, event, int(event.data.split(":")[1]), person)


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
    task = await ctx.db.run(snooze, task_id=task_id, actor=person, until=until, now=ctx.clock.now(),
                            today=ctx.today())
    await conv.answer_tap(event, texts.snoozed_text(task.item_ref, until))
    await conv.say(event, texts.snoozed_text(task.item_ref, until))
    if task.assignee_id is not None and task.assignee_id != person.id:  # a deputy's "nhắc lại sau Tết": the head knows
        holder = await ctx.db.run(person_by_id, task.assignee_id)
        if holder is not None:
            await conv.notify(holder, Outgoing(text=texts.snoozed_by(person.full_name, task.item_ref, until)))


async def _record(conv: Conversation, event: Inbound, person: Person, task_id: int, change: StatusUpdate,
                  source: str, quote: bool = False, at: dt.datetime | None = None,
                  earlier_round: bool = False, collect: Confirmations | None = None,
                  date_confirmed: bool = False, both_rounds: bool = False, offer_missed: bool = True,
                  one_off: bool = False, period_text: str | None = None) -> None:
    """Store a status change and confirm it. For a recurring duty, "xong" finishes the round now due; with
    `earlier_round` ("xong kỳ trước") it closes the latest missed round instead, and the confirmation of a
    round offers to close a missed one too; with `both_rounds` ("xong cả 2") it closes both: the round now due (unless
    closed today already) and the latest missed one; two months in a row named ("đã gửi báo cáo tháng 1 … và tháng
    2") close those two rounds, each as it stands (`period_text`: the period a call closes, instead of the note's).
    `date_confirmed`: the requester has just confirmed the date asked (a far lunar date): it is not read back to them
    again. `one_off`: a recurring report duty's one-off step ("đã trình ban hành kế hoạch, xong"), told the round now
    due is still open."""
    ctx = conv.ctx
    await _settle_asked(conv, event, person, {task_id}, recording=True)  # the words of "Ý đồng chí là mục …?" first
    when = at or sent_time(conv, event)
    if change.status == TaskStatus.DONE and collect is None and period_text is None and \
            (months := two_months_named(change.note or "")) is not None and \
            await ctx.db.run(lambda s: s.get_one(Task, task_id).occurrence_start is not None):  # (a recurring duty)
        # "đã gửi báo cáo tháng 1 (số 25/BC-UBND) và tháng 2" (probe 8, #3: January closed, February chased on)
        rounds: Confirmations = []
        for month in months:
            await _record(conv, event, person, task_id, change, source, quote=quote, at=at, collect=rounds,
                          offer_missed=False, period_text=month)
        await confirm_together(conv, event, rounds)
        return
    if change.status == TaskStatus.DONE and earlier_round:
        await _close_missed(conv, event, person, task_id, None, change.note, source, when, collect=collect)
        return
    if change.status == TaskStatus.DONE and both_rounds and collect is None and \
            await ctx.db.run(missed_before, task_id) is not None:
        today = ctx.policy.calendar.local(when).date()
        if await ctx.db.run(done_today, task_id, today=today, calendar=ctx.policy.calendar):
            # "xong cả 2" under the offer of the missed round: the round now due is closed already
            await _close_missed(conv, event, person, task_id, None, change.note, source, when)
            return
        collected: Confirmations = []
        await _record(conv, event, person, task_id, change, source, quote=quote, at=at, collect=collected,
                      date_confirmed=date_confirmed, offer_missed=False)
        await _close_missed(conv, event, person, task_id, None, change.note, source, when, collect=collected)
        await confirm_together(conv, event, collected)
        return
    replaced = None
    if change.status == TaskStatus.EXTENSION_REQUESTED:
        replaced = await ctx.db.run(_pending_of_task, task_id)
        runs_to = ctx.policy.calendar.effective_deadline
        if replaced is not None and replaced.requester_id == person.id and replaced.requested_due is not None and \
                change.requested_due_on is not None and \
                runs_to(replaced.requested_due) == runs_to(change.requested_due_on):
            # asked again, the same (or a day off that runs to the same working day): nobody told twice
            await conv.answer_tap(event, texts.STATUS_LABELS[TaskStatus.EXTENSION_REQUESTED])
            await conv.say(event, texts.extension_already_asked(replaced))
            return
    calendar = ctx.policy.calendar
    said_period = period_text or change.note or ""
    named = named_period(said_period, calendar.local(when).date()) is not None  # "xong tháng 4": that round
    if change.status == TaskStatus.DONE and not named and (
            repeat := await ctx.db.run(done_today, task_id, today=calendar.local(when).date(), calendar=calendar)):
        # "11 xong" again (or "báo cáo rồi" after "11 xong") the same day: not next week's round
        log.info("repeated done on recurring task %s by %s: round %s already closed today", task_id, person.handle,
                 repeat.label)
        await conv.answer_tap(event, texts.STATUS_LABELS[TaskStatus.DONE])
        await conv.say(event, texts.round_already_done(repeat.item_ref, repeat.label, repeat.current,
                                                       repeat.done_on, calendar.local(when).date()))
        return
    held_back = None
    if change.status == TaskStatus.DONE and (held_back := await ctx.db.run(
            round_for_report, task_id, said_period, today=calendar.local(when).date(), calendar=calendar)):
        if held_back.occurrence_id is not None:  # "III.2 xong tháng 4": the missed round named, closed late
            await _close_missed(conv, event, person, task_id, held_back.occurrence_id, change.note, source, when,
                                collect=collect, say_current=period_text is None)
            return
        # a round not begun, done already or not tracked: what was said is kept, the round now due stays open
        change = dataclasses.replace(change, status=None, percent=None, past_round=held_back.kind == "done")
    past_round = texts.past_round_status(held_back.label, held_back.done_on) \
        if held_back is not None and held_back.kind == "done" else None
    rec, step = await ctx.db.run(record_in_series, task_id=task_id, actor=person, change=change, source=source,
                                 now=when, today=calendar.local(when).date(), calendar=calendar)
    await conv.answer_tap(event, texts.progress_text(rec.status, None, not_started=True))
    asked = await ctx.db.run(extension_request, rec.report_id, ctx.today()) if change.requested_due_on else None
    deciders = asked.deciders if asked is not None else ""
    if change.requested_due_on and deciders == texts.SOME_DECIDER:  # whom it went to, by name (probe s20)
        deciders = texts.deciders_named(await ctx.db.run(approvers, task_id, person.id, ctx.today())) or deciders
    text = texts.recorded_text(rec, change.note, change.requested_due_on, deciders=deciders,
                               requested_note=calendar.explain_deadline(change.requested_due_on)
                               if change.requested_due_on else None,
                               replaced=rec.replaced_report_id is not None,
                               replaced_due=replaced.requested_due if replaced else None, reopened=change.reopen,
                               current_due=asked.current_due if asked is not None else None,
                               today=calendar.local(when).date(), date_confirmed=date_confirmed,
                               past_round=past_round)
    if held_back is not None:
        text += "\n" + texts.round_held_back(rec.item_ref, held_back.kind, held_back.label,
                                              current=await ctx.db.run(current_round_title, task_id),
                                              starts_on=held_back.starts_on, done_on=held_back.done_on,
                                              named_said=past_round is not None)
    if one_off and step is None:  # the report round is not closed by the one-off step (probe 39, #1)
        text += "\n" + texts.round_still_open(rec.item_ref, await ctx.db.run(current_round_title, task_id))
    if rec.waiting:  # a progress report while a request waits: it still waits
        text += "\n" + texts.request_still_waiting(rec.waiting_due)
    if rec.status == TaskStatus.BLOCKED and not (change.note and texts.meaningful_note(change.note)):
        replies = conv.channel(event.channel).capabilities.reply_to
        text += "\n" + texts.blocked_reason_hint(rec.item_ref, replies=replies)
    actions: tuple[tuple[Action, ...], ...] = ()
    if step is not None:  # a recurring duty: this period done, the next one opened
        next_title = step.next.title() if step.next else None
        if step.next is not None and (runs := calendar.deadline_runs(step.next.due_on)):
            # "…, hạn 01/01/2027 (rơi vào ngày nghỉ Tết Dương lịch, tính đến hết 04/01/2027)"
            next_title = f"{next_title} ({runs})"
        text = texts.series_step_text(rec.item_ref, step.finished, step.on_time, next_title, change.note,
                                      extended_to=step.extended_to, due_on=step.due_on)
        if offer_missed and (missed := await ctx.db.run(missed_before, task_id)) is not None:
            button = collect is None and conv.channel(event.channel).capabilities.buttons
            text += "\n" + texts.missed_round_hint(rec.item_ref, missed.label, button=button)
            actions = missed_round_actions(task_id, rec.item_ref, missed)
    held = {t.notice_id for t in await ctx.db.run(open_tasks_for, person)}
    task_notice = await ctx.db.run(lambda s: s.get_one(Task, task_id).notice)
    if source != "office" and len(held | {task_notice.id}) > 1:
        # one who holds tasks of several notices is told which notice's item changed (probe 23: "mục 1" alone)
        text = texts.with_unit(text, rec.item_ref, texts.notice_label(task_notice.number, notice_title(task_notice)))
    if source == "office" and (unit := await ctx.db.run(lambda s: s.get_one(Task, task_id).lead_name)):
        # the office recording a unit's report ("7.d UBND phường Cam Đường xong"): whose row changed (probe 22, F8)
        text = texts.with_unit(text, rec.item_ref, unit)
    moots: list[MootRequest] = []
    if rec.status == TaskStatus.DONE:  # requests nobody decided are closed: their requesters are told (session 22)
        moots = await ctx.db.run(close_moot_requests, task_id, why="done", by=person, now=ctx.clock.now(),
                                 closed_request_id=rec.closed_request_id)
        if own := [m for m in moots if m.requester_id == person.id]:
            text += "\n" + texts.moot_line(own, own=True)
        if others := [m for m in moots if m.requester_id != person.id]:
            text += "\n" + texts.moot_line(others, own=False)
    if collect is None and rec.status != TaskStatus.EXTENSION_REQUESTED and (due := conv.held_until()) is not None:
        # the head's copy waits for the morning (night27): the writer is told when it will be read
        read_on = ctx.policy.calendar.local(due).date()  # (who reads it then: a colleague covering a leave)
        if copied := await ctx.db.run(_readers, task_id, person, read_on):
            text += "\n" + texts.copy_held(copied, due)
    await acknowledge(conv, event, rec, text, quote=quote, actions=actions if collect is None else (),
                      collect=collect)
    if rec.status != TaskStatus.EXTENSION_REQUESTED:  # (a request goes to those who decide it, on its own)
        extra: dict[int, str] = {}
        for moot in moots:
            if moot.requester_id != person.id:
                theirs = [m for m in moots if m.requester_id == moot.requester_id]
                extra[moot.requester_id] = texts.moot_line(theirs, own=True)
        # a recurring duty's round: the head reads which round was done and that the duty goes on, not "Hoàn thành"
        told = await _inform_lead(conv, person, rec, change.note,
                                  round_done=(step.finished, step.on_time, step.next.title() if step.next else None)
                                  if step is not None else None, extra=extra,
                                  round_judged=texts.judged_by(step.on_time, step.extended_to, step.due_on)
                                  if step is not None else None, past_round=past_round)
        if moots:
            await tell_moot(conv, moots, "done", actor=person, told=told)
        await _tell_directors(conv, person, rec, change.note)
    elif change.requested_due_on is not None:  # a deputy's request on the head's task: the head hears of it too
        deciding = {a.id for a in await ctx.db.run(approvers, task_id, person.id, ctx.today())}
        await _inform_lead(conv, person, rec, change.note, asked=change.requested_due_on, skip=deciding)


async def _tell_directors(conv: Conversation, person: Person, rec: Recorded, note: str | None) -> None:
    """The leaders whose direction on the task this report is the first answer to hear it (`directions_answered`):
    one message each, a reply to which is a further direction on the task."""
    ctx = conv.ctx
    directors = [(d, at) for d, at in await ctx.db.run(directions_answered, rec.task_id, rec.report_id)
                 if d.id != person.id]
    if not directors:
        return
    unit = await ctx.db.run(lambda s: s.get_one(Task, rec.task_id).lead_name)
    for director, at in directors:
        await conv.notify(director, Outgoing(text=texts.direction_answered(
            director.full_name, person, unit, rec, note, ctx.policy.calendar.local(at).date())),
            remember=("task", rec.task_id))


async def _close_missed(conv: Conversation, event: Inbound, person: Person, task_id: int, occurrence_id: int | None,
                        note: str | None, source: str, when: dt.datetime, collect: Confirmations | None = None,
                        say_current: bool = True) -> None:
    """A late report of a missed round (the one given, or the latest): that round only. `say_current`: the round now
    due is said to go on (not when the same message closes it too: "tháng 1 … và tháng 2")."""
    ctx = conv.ctx
    calendar = ctx.policy.calendar
    closed = await ctx.db.run(close_missed, task_id=task_id, occurrence_id=occurrence_id, actor=person, note=note,
                              source=source, now=when, today=calendar.local(when).date(), calendar=calendar)
    if closed is None:
        item_ref = await ctx.db.run(lambda s: s.get_one(Task, task_id).item_ref)
        await conv.answer_tap(event)
        await conv.say(event, texts.no_missed_round(item_ref))
        return
    rec = closed.recorded
    await conv.answer_tap(event, texts.progress_text(rec.status, None, not_started=True))
    await acknowledge(conv, event, rec, texts.missed_round_done(rec.item_ref, closed.label, bool(rec.on_time),
                                                               closed.current_label if say_current else None, note),
                      collect=collect)
    await _inform_lead(conv, person, rec, f"kỳ {closed.label}" + (f": {note}" if note else ""))
    await _tell_directors(conv, person, rec, note)  # (a late round may be the answer to a direction: probe 8, #3)


def _pending_of_task(session, task_id: int):  # type: ignore[no-untyped-def]
    found = [r for r in pending_extensions(session) if r.task_id == task_id]
    return found[-1] if found else None


def _readers(session: Session, task_id: int, actor: Person, day: dt.date) -> list[str]:
    """Who reads the copy of an update on `day`: those `people_to_inform`, or the colleague covering their leave."""
    names: list[str] = []
    for someone in people_to_inform(session, task_id, actor.id):
        if someone.on_leave(day):
            cover = session.get(Person, someone.leave_cover_id) if someone.leave_cover_id else None
            if cover is None or cover.id == actor.id:
                continue
            someone = cover
        if someone.full_name not in names:
            names.append(someone.full_name)
    return names


async def _inform_lead(conv: Conversation, actor: Person, rec: Recorded, note: str | None, *,
                       asked: dt.date | None = None, skip: set[int] | frozenset[int] = frozenset(),
                       round_done: tuple[str, bool, str | None] | None = None,
                       extra: Mapping[int, str] | None = None, round_judged: str | None = None,
                       past_round: str | None = None) -> set[int]:
    """The head stays informed of every update of a task in a cadre's hands (and the assignee of one the head
    or an admin made); `asked`: an extension request to that date (those in `skip`, who decide it, have it);
    `round_done`: a recurring duty's round finished (its label, on time, the next round's title); `extra`: a line
    added for some of them (their request the update made moot). Returns who was written to."""
    ctx = conv.ctx
    # the day it is read: a copy held for the next working morning goes to whoever covers a leave starting by then
    # (probe 38, F5: written on a holiday, it reached the head on his first day of leave, not his stand-in)
    today = ctx.policy.calendar.local(held).date() if (held := conv.held_until()) is not None else ctx.today()
    told: set[int] = {actor.id, *skip}
    for someone in await ctx.db.run(people_to_inform, rec.task_id, actor.id):
        covering_for = None
        if someone.on_leave(today):  # on leave: not messaged (probe 19); the colleague covering hears of it
            cover = await ctx.db.run(person_by_id, someone.leave_cover_id) if someone.leave_cover_id else None
            log.info("%s on leave: update of task %s told to %s", someone.handle, rec.task_id,
                     cover.handle if cover else "nobody")
            if cover is None:
                continue
            someone, covering_for = cover, someone.full_name
        if someone.id in told:
            continue
        told.add(someone.id)
        title = await ctx.db.run(lambda s: notice_title(s.get_one(Task, rec.task_id).notice))
        said = texts.status_told_to_lead(actor_name=actor.full_name, rec=rec, notice_title=title, note=note,
                                         covering_for=covering_for, asked=asked, round_done=round_done,
                                         round_judged=round_judged, past_round=past_round)
        if extra and someone.id in extra:
            said += "\n" + extra[someone.id]
        sent = await conv.notify(someone, Outgoing(text=said), remember=("update", rec.task_id))
        if sent is not None and sent.last_id is not None:  # a reply to it is about that task
            await ctx.db.run(remember_task_message, task_id=rec.task_id, channel=sent.channel, chat_id=sent.chat_id,
                             message_id=sent.last_id, now=ctx.clock.now())
    return told


async def tell_moot(conv: Conversation, moots: Sequence[MootRequest], why: str, *, actor: Person,
                    told: set[int], reason: str | None = None) -> None:
    """Requests a task's end made moot (`why` "done" or "cancelled"): the extension request messages of those who
    decide lose their buttons and say nothing is left to decide (edited where the channel edits); the admins hear
    of a transfer request they no longer need to act on; each requester not in `told` (already given the line in a
    message they get anyway) is told once, courteously, that it is closed and why (session 22)."""
    ctx = conv.ctx
    actor_name = actor.full_name
    written = set(told) | {actor.id}
    for moot in moots:
        line = texts.moot_to_decider(moot, why, actor_name=actor_name, reason=reason)
        if moot.kind == "extension" and moot.report_id is not None:
            await _retell_shown(conv, moot.report_id, line, written, skip=moot.requester_id)
        elif moot.kind == "transfer":
            for admin in await ctx.db.run(admins):
                if admin.id not in written and admin.id != moot.requester_id:
                    written.add(admin.id)
                    await conv.notify(admin, Outgoing(text=line))
    by_requester: dict[int, list[MootRequest]] = {}
    for moot in moots:
        if moot.requester_id not in told and moot.requester_id != actor.id:
            by_requester.setdefault(moot.requester_id, []).append(moot)
    for requester_id, theirs in by_requester.items():
        requester = await ctx.db.run(person_by_id, requester_id)
        if requester is not None and requester.role != Role.LEFT:
            await conv.notify(requester, Outgoing(text=texts.moot_told(requester.full_name, theirs, why,
                                                                       actor_name=actor_name, reason=reason)))


def sent_time(conv: Conversation, event: Inbound) -> dt.datetime:
    """When the person acted: a typed message counts at its own date (a "xong" sent on the deadline day and
    handled after a restart is on time), never later than now; a tap counts now."""
    now = conv.ctx.clock.now()
    if isinstance(event, TextIn) and event.sent_at.tzinfo is not None:
        return min(event.sent_at, now)
    return now


Confirmations = list[tuple[Recorded, str]]  # several items in one message: confirmed together, once


async def acknowledge(conv: Conversation, event: Inbound, rec: Recorded, text: str, quote: bool = False,
                      actions: tuple[tuple[Action, ...], ...] = (), collect: Confirmations | None = None) -> None:
    """Confirm a status update, remembering the message so a reply to it continues the task (with `collect`,
    the confirmation waits there to go out with the others of the same message: see `confirm_together`);
    an extension request goes on to the admins and leaders who decide it."""
    ctx = conv.ctx
    if collect is not None:
        collect.append((rec, text))
    else:
        sent = await conv.reply(event, Outgoing(text=text, reply_to=event.message_id if quote else None,
                                                actions=actions))
        if sent.last_id is not None:
            await ctx.db.run(remember_ack, report_id=rec.report_id, chat_id=sent.chat_id, message_id=sent.last_id)
    if rec.status != TaskStatus.EXTENSION_REQUESTED:
        return
    request = await ctx.db.run(extension_request, rec.report_id)
    old = None
    if rec.replaced_report_id is not None:  # the earlier request's actions come off, its messages say why
        old = await ctx.db.run(extension_request, rec.replaced_report_id)
        for shown in await ctx.db.run(shown_to_present, rec.replaced_report_id):
            await conv.clear_actions(shown.channel, shown.chat_id, shown.message_id)
            # (at night held for the morning, as the new request it announces is: fix42)
            await _tell_under(conv, shown, texts.extension_replaced_text(old, request.requested_due))
    refused = await ctx.db.run(_refused_before, rec.task_id, rec.report_id)
    for approver in await ctx.db.run(approvers, rec.task_id, request.requester_id, ctx.today()):
        if approver.id == request.requester_id:
            continue
        shown_to = await conv.notify(approver, Outgoing(
            text=texts.extension_request_text(request, old.requested_due if old else None, replaced=old is not None,
                                              calendar=ctx.policy.calendar, refused=refused, today=ctx.today()),
            actions=extension_actions(request)), remember=("extension", rec.report_id))
        if shown_to is not None and shown_to.last_id is not None:
            await ctx.db.run(remember_extension_message, report_id=rec.report_id, person_id=approver.id,
                             channel=shown_to.channel, chat_id=shown_to.chat_id, message_id=shown_to.last_id,
                             now=ctx.clock.now())


def _refused_before(session: Session, task_id: int, report_id: int) -> ExtensionRequest | None:
    """The request on the task decided last before `report_id`, if it was refused: a request made again after a
    refusal reaches those who decide it with that said (probe 20, P2); after a grant, nothing."""
    last = session.scalar(select(StatusReport.id).where(
        StatusReport.task_id == task_id, StatusReport.id < report_id,
        StatusReport.decision.in_(["approved", "rejected"])).order_by(StatusReport.decided_at.desc(),
                                                                    StatusReport.id.desc()).limit(1))
    if last is None:
        return None
    request = extension_request(session, last)
    return request if request.decision == "rejected" else None


def shown_to_present(session: Session, report_id: int) -> list[ShownAt]:
    """The messages that showed an extension request to someone still in Nhắc việc: a person who left (unbound by
    the directory) is sent nothing, not even an edit of an old message in their chat."""
    return [s for s in extension_messages(session, report_id) if person_by_id(session, s.person_id).role != Role.LEFT]


async def confirm_together(conv: Conversation, event: Inbound, collected: Confirmations,
                           refused: list[str] | None = None) -> None:
    """One message confirming every item a message named, and why any of them was left as it was; a reply to it
    continues those tasks."""
    if not collected and not refused:
        return
    said = [text for _, text in collected]
    notes = [line for text in said for line in text.splitlines() if line.startswith("Nội dung: ")]
    if common := list(dict.fromkeys(line for line in notes if notes.count(line) > 1)):
        # the same words recorded on each ("tất cả … đã hoàn thành"): said once, under the list (probe 23)
        said = ["\n".join(line for line in text.splitlines() if line not in common) for text in said]
        said = ["\n".join(said + common)]
    sent = await conv.reply(event, Outgoing(text="\n\n".join(said + (refused or []))))
    if sent.last_id is not None:
        for rec, _ in collected:
            await conv.ctx.db.run(remember_ack, report_id=rec.report_id, chat_id=sent.chat_id,
                                  message_id=sent.last_id)


async def _retell_shown(conv: Conversation, report_id: int, text: str, told: set[int],
                        skip: int | None = None) -> None:
    """Everyone a request message was shown to and not yet told (nor `skip`): that message now reads `text` — edited
    where the channel edits, else its buttons cleared and `text` said under it; those already told only lose the
    buttons. `told` grows with whoever this reached."""
    for shown in await conv.ctx.db.run(shown_to_present, report_id):
        if shown.person_id in told or shown.person_id == skip:
            await conv.clear_actions(shown.channel, shown.chat_id, shown.message_id)
            continue
        told.add(shown.person_id)
        if not await _edit_shown(conv, shown.channel, shown.chat_id, shown.message_id, text):
            await conv.clear_actions(shown.channel, shown.chat_id, shown.message_id)
            await _tell_under(conv, shown, text)


async def _edit_shown(conv: Conversation, channel: str, chat_id: str, message_id: str, text: str) -> bool:
    """Replace an old request message's text (and its actions) where the channel edits; False where it cannot."""
    if channel not in conv.channels or not conv.channel(channel).capabilities.edit:
        return False
    try:
        await conv.channel(channel).edit_text(chat_id, message_id, text)
    except SendError as exc:
        log.info("request message %s on %s:%s not edited: %s", message_id, channel, chat_id, exc)
        return False
    return True


async def _tell_under(conv: Conversation, shown: ShownAt, text: str) -> None:
    """A word to someone else under the request message shown to them, as every message to someone else goes
    (`Conversation.notify`): outside working hours it waits for the morning (probe 39: a Zalo admin told at 17:45 of
    the leader's decision), unquoted then."""
    other = await conv.ctx.db.run(person_by_id, shown.person_id)
    try:
        await conv.notify(other, Outgoing(text=text), under=(shown.channel, shown.chat_id, shown.message_id))
    except Exception:  # one unreachable approver does not stop the others being told
        log.warning("could not answer the request message %s on %s:%s", shown.message_id, shown.channel,
                    shown.chat_id, exc_info=True)


# ---------------------------------------------------------------- extensions

async def on_extension_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    """"x:<request>:ok" / "x:<request>:no"; "x:<request>:ok:20260915": the date the leader typed before he was asked
    which request he meant (`which_notice_actions`)."""
    _, report_id, action, *until = event.data.split(":")
    date = dt.datetime.strptime(until[0], "%Y%m%d").date() if until else None
    counter = False
    if action != "ok" and date is not None:  # "không đồng ý, phải xong trước 4/1": set when later than the deadline
        request = await conv.ctx.db.run(extension_request, int(report_id))
        counter = request.current_due is None or date > request.current_due
        date = date if counter else None
    await _decide_extension(conv, event, person, int(report_id), approve=action == "ok", until=date, counter=counter)


def which_notice_actions(requests: Sequence[ExtensionRequest], approve: bool,
                         until: dt.date | None) -> tuple[tuple[Action, ...], ...]:
    """One button per request of one item number in several notices ("Mục II.4.c (31/TB-VP)"), deciding it as the
    leader typed (the date he typed kept: granted, or set by a refusal); typed, the notice number after the item
    ("đồng ý gia hạn II.4.c 31/TB-VP đến 15/09", "không đồng ý gia hạn II.4.c 31/TB-VP, phải xong trước 04/01")."""
    word, code = ("đồng ý", "ok") if approve else ("không đồng ý", "no")
    tail = f":{until:%Y%m%d}" if until is not None else ""
    later = "" if until is None else f" đến {until:%d/%m}" if approve else f", phải xong trước {until:%d/%m}"
    return tuple((Action(label=f"Mục {r.item_ref} ({r.notice_number})", data=f"x:{r.report_id}:{code}{tail}",
                         typed=f"{word} gia hạn {r.typed_which} {r.notice_number}{later}"),) for r in requests)


def _in_notices(pending: list[ExtensionRequest]) -> dict[int, list[ExtensionRequest]] | None:
    """The requests by notice when they are in several notices that each has a number (what tells them apart on a
    button and in a typed decision); None otherwise."""
    by_notice: dict[int, list[ExtensionRequest]] = {}
    for r in pending:
        by_notice.setdefault(r.notice_id, []).append(r)
    if len(by_notice) < 2 or not all(r.notice_number and re.match(r"\s*\d", r.notice_number) for r in pending):
        return None
    return by_notice


def _notice_lead(number: str | None) -> str | None:
    """The leading number of a notice number as written ("031/TB-VP" → "31")."""
    m = re.match(r"\s*(\d+)", number or "")
    return m.group(1).lstrip("0") or "0" if m else None


# an approver's word on an extension request: "đồng ý", "OK gia hạn 2.1", "chưa đồng ý", "duyệt", "nhất trí cho …"
DECISION = re.compile(r"^(?:(?:toi|em|minh)\s+)?(?:(?P<no>(?:khong|chua)\s+(?:dong y|duyet|chap thuan|nhat tri|cho)"
                      r"|tu choi)|dong y|ok(?:e|ay)?|duyet|chap thuan|nhat tri|(?=cho\s+(?:gia|lui)\s*han))\b")
DECISION_TAIL_WORDS = 6  # "đồng ý, đề nghị khẩn trương hoàn thành": still a plain decision when it is this short


async def typed_extension_decision(conv: Conversation, event: TextIn, person: Person) -> bool:
    """An approver's decision typed in their own words: «đồng ý gia hạn 2.1», «OK gia hạn 2.1», «không đồng ý»,
    «chưa đồng ý gia hạn 2.1, yêu cầu …», «đồng ý gia hạn 2.1 đến 15/3» (another date than asked). Which request:
    the one replied to, the item number, or (neither) the only request this person may decide."""
    squeezed, folded = squeezed_and_folded(event.text.strip(" .!"))
    if (written := chat_fold(folded)) != folded:  # shorthand written out ("ko đồng ý"): cut from that text
        squeezed = folded = written
    m = DECISION.match(folded)
    if m is None:
        return False
    approve = m.group("no") is None
    rest, rest_folded = squeezed[m.end():], folded[m.end():]
    about_extension = re.search(r"\b(?:gia|lui|doi)\s*han\b", rest_folded) is not None
    ctx = conv.ctx
    if event.reply_to is not None:
        report_id = await ctx.db.run(extension_for_message, chat_id=event.chat_id, message_id=event.reply_to)
        if report_id is not None:
            await _decide_typed(conv, event, person, report_id, approve, rest, rest_folded)
            return True
    ref = _decision_ref(rest, rest_folded)
    pending = await ctx.db.run(pending_extensions, ref, person, today=ctx.today())
    in_notice = None
    if ref is not None and (found := notice_named(rest)) is not None:
        # "đồng ý gia hạn II.4.c 31/TB-VP": that notice's (if it has one, waiting or decided)
        in_notice = _notice_lead(found[0])
        mine = [r for r in pending if _notice_lead(r.notice_number) == in_notice]
        if mine or any(_notice_lead(r.notice_number) == in_notice
                       for r in await ctx.db.run(decided_extensions, ref, person, ctx.today())):
            pending = mine
        else:
            in_notice = None  # another document's number ("… theo CV 123"): not which notice
    named = _named(pending, rest_folded)
    if len(pending) > 1 and named:
        pending = named  # "đồng ý gia hạn 1 cho huyện Hạ Hòa", "… đ/c Triệu Văn Hòa": one unit's request
    if len(pending) > 1 and ref is not None and (every := _every_request(pending, rest_folded)):
        # "đồng ý gia hạn 7.d cho cả 2 xã": each request waiting on that item, decided alike (probe 22, F7)
        today = ctx.today()
        dated = _granted_date(conv, rest, rest_folded, cue=GRANT_CUE)
        if approve and dated is None and any(texts.far_extension(r.current_due, r.requested_due, today)
                                             for r in every):
            # one of them moves the deadline far (probe 23, F1): each unit's date shown, decided one by one
            await conv.say(event, texts.group_grant_far(every, today))
            return True
        log.info("typed decision by %s on %d requests of item %s", person.handle, len(every), ref)
        for request in every:
            await _decide_typed(conv, event, person, request.report_id, approve, rest, rest_folded)
        return True
    if len(pending) > 1 and ref is not None and (by_notice := _in_notices(pending)) is not None:
        # "đồng ý gia hạn 4.3": II.4.c waits in two notices (none named by its number): asked which
        if all(len(rs) == 1 for rs in by_notice.values()):
            # the date he typed goes with his choice: granted, or (a refusal) the one he sets when later than the
            # deadline ("không đồng ý, phải xong trước 4/1")
            until = _granted_date(conv, rest, rest_folded, cue=GRANT_CUE
                                  if approve else REFUSAL_CUE)
            await conv.reply(event, Outgoing(text=texts.which_notice_extension(pending, approve),
                                             actions=which_notice_actions(pending, approve, until)))
            return True
    if approve and ref is not None and not named and await _move_unasked(conv, event, person, ref, rest, rest_folded):
        return True  # a grant with a date on shares nobody asked to extend (every share, or the unit named)
    if not named and (ref is not None or about_extension) and \
            (shares := await ctx.db.run(shares_named, rest, item_ref=ref, waiting=pending, today=ctx.today())):
        # it names another unit of the item (its request decided already, or none): not about the one waiting
        share = shares[0]
        if share.request is not None and share.request.decision == "pending":
            raise NotApprover(person.handle, share.item_ref, share.request.deciders)
        decided = share.request.decided_at if share.request is not None else None
        await conv.say(event, texts.share_not_waiting(
            share, ctx.policy.calendar.local(decided) if decided else None, pending, approve, person.id))
        return True
    if ref is None and pending:  # a bare "đồng ý": only a request this person was sent (asked to decide)
        sent = await ctx.db.run(_sent_to, pending, person, ctx.today())
        if not sent and not about_extension and (m.group(0).startswith("ok") or len(rest_folded.split()) > 1):
            return False  # "ok" from a leader who was sent none: not a decision on someone else's request
        if not sent and not about_extension:  # a bare "đồng ý" from one who may decide but was sent none (probe 41:
            # "chưa hiểu"): the requests he may decide, each with the words that decide it — none decided blind
            await conv.say(event, texts.not_sent_extensions(pending, approve))
            return True
        if not sent:  # "đồng ý gia hạn" from one who was sent none: which one, by its number (none decided blind)
            await conv.say(event, texts.which_extension(ref, pending))
            return True
        if len(sent) == 1 and not named and len(same := [r for r in pending if r.item_ref == sent[0].item_ref
                                                          and r.notice_title == sent[0].notice_title]) > 1:
            # another unit's request waits on the same item (one this person may decide, sent to its head): asked
            await conv.say(event, texts.which_unit_extension(same, approve))
            return True
        pending = sent
    if not about_extension and not pending:
        return False  # a plain "ok" from someone with nothing to decide
    if not about_extension and ref is None and len(rest_folded.split()) > DECISION_TAIL_WORDS and len(pending) != 1:
        return False  # "đồng ý với ý kiến …": not about a request
    if not pending and ref is not None and not named and \
            (settled := [r for r in await ctx.db.run(decided_extensions, ref, person, ctx.today())
                     if in_notice is None or _notice_lead(r.notice_number) == in_notice]):
        # a second "đồng ý gia hạn II.4.c" after the grant: already decided (when, by whom, to which date)
        waiting = await ctx.db.run(pending_extensions, None, person, today=ctx.today())
        said = texts.already_decided(settled, waiting, approve, person.id)
        if approve and len(settled) == 1:  # typed again, maybe meaning the item's other units: which keep their dates
            said = "\n".join(filter(None, (said, texts.other_shares_kept(
                await ctx.db.run(other_shares, settled[0].task_id), settled[0].current_due))))
        await conv.say(event, said)
        return True
    if not pending:
        others = await ctx.db.run(pending_extensions, ref, today=ctx.today())
        if in_notice is not None:
            others = [r for r in others if _notice_lead(r.notice_number) == in_notice]
        if others:  # there are requests, but not this person's to decide: say who decides
            raise NotApprover(person.handle, others[0].item_ref, others[0].deciders)
    if len(pending) != 1:
        waiting = await ctx.db.run(pending_extensions, None, person, today=ctx.today()) \
            if not pending and ref is not None else []
        await conv.say(event, texts.which_extension(ref, pending, waiting, approve))
        return True
    if ref is None and not named and _stale(conv, pending[0]):
        # a bare "đồng ý" weeks later, or on a date already past: likely about something else — asked, not decided
        log.info("bare decision by %s on stale extension %s: asked which", person.handle, pending[0].report_id)
        await conv.say(event, texts.stale_extension(pending[0], ctx.today(), calendar=ctx.policy.calendar))
        return True
    await _decide_typed(conv, event, person, pending[0].report_id, approve, rest, rest_folded)
    return True


async def _move_unasked(conv: Conversation, event: TextIn, person: Person, ref: str, rest: str,
                        rest_folded: str) -> bool:
    """"đồng ý gia hạn 2.c đến 15/6" with no request on the item: every unit's share moves; "… cho Cục X đến 15/6"
    (a unit whose share has no request waiting, as offered under a grant of another unit's request): that share.
    The decider and each share's holder are told. False when there is no date, or nothing such to move (probe 38,
    F1)."""
    ctx = conv.ctx
    until = _granted_date(conv, rest, rest_folded, cue=GRANT_CUE)
    if until is None:
        return False
    shares = await ctx.db.run(unasked_shares, ref, person, rest)
    if not shares:
        return False
    if until <= ctx.today():
        raise ExtensionInvalid(f"item {ref} granted to {until}", texts.grant_in_the_past(until))
    # a share already due on or after the date (a monthly report's next round) is never moved earlier (probe 42, F1)
    later = [s for s in shares if s.due_on is not None and s.due_on >= until]
    shares = [s for s in shares if s not in later]
    kept = texts.shares_not_moved(later, until) if later else ""
    if not shares:
        log.info("grant by %s on item %s to %s: every share due later, nothing moved", person.handle, ref, until)
        await conv.say(event, kept)
        return True
    moved = await ctx.db.run(move_shares, [s.task_id for s in shares], by=person, until=until, now=ctx.clock.now())
    await conv.say(event, "\n".join(filter(None, (texts.shares_moved(moved, until, "decider"), kept))))
    told = {person.id}
    for share in moved:
        if share.holder_id is not None and share.holder_id not in told:
            told.add(share.holder_id)
            holder = await ctx.db.run(person_by_id, share.holder_id)
            if holder is not None:
                await conv.notify(holder, Outgoing(text=texts.shares_moved(
                    [s for s in moved if s.holder_id == holder.id], until, "holder", person.full_name,
                    holder.full_name)))
    return True


STALE_AFTER = 3  # working days after which a request is no longer decided by a bare "đồng ý" (nor one asked for a
# date already past)


def _stale(conv: Conversation, request: ExtensionRequest) -> bool:
    """Whether a request is too old, or its date already past, for a decision that does not name it."""
    today, calendar = conv.ctx.today(), conv.ctx.policy.calendar
    if request.requested_due is not None and request.requested_due <= today:
        return True
    asked = calendar.local(request.asked_at).date() if request.asked_at else today
    return calendar.working_days_between(asked, today) > STALE_AFTER


def _sent_to(session: Session, pending: list[ExtensionRequest], person: Person,
             today: dt.date) -> list[ExtensionRequest]:
    """The requests among `pending` that went to `person` (one of their approvers)."""
    return [r for r in pending
            if any(a.id == person.id for a in approvers(session, r.task_id, r.requester_id, today))]


async def _decide_typed(conv: Conversation, event: TextIn, person: Person, report_id: int, approve: bool,
                        rest: str, rest_folded: str) -> None:
    """A typed decision: "đồng ý … đến 15/3" grants that date; "không đồng ý, phải xong trước 4/1" refuses the
    date asked but sets 4/1 when it is later than the deadline now (the leader's own date, kept as the deadline,
    not as a comment); a refusal that only repeats the deadline keeps it."""
    # "đồng ý … đến 15/3", "Đồng ý, nhưng chậm nhất 18/12", "đồng ý, hạn mới 26/3": the leader's date
    until = _granted_date(conv, rest, rest_folded,
                          cue=GRANT_CUE) if approve else None
    countered = False
    if not approve and (counter := _granted_date(conv, rest, rest_folded,
                                                 cue=REFUSAL_CUE)):
        request = await conv.ctx.db.run(extension_request, report_id)
        if request.current_due is None or counter > request.current_due:
            until, countered = counter, True  # still a refusal: the leader's date set, not the one asked granted
    await _decide_extension(conv, event, person, report_id, approve=approve, until=until,
                            reason=_decision_words(rest), counter=countered)


# "cả 2 xã", "cả hai đơn vị", "tất cả", "các xã", "hai đơn vị": every request waiting on the item (on folded text)
EVERY_REQUEST = re.compile(r"\b(?:(?:ca|tat ca|toan bo|ca)\s+(?:(?P<n>\d|hai|ba|bon|nam)\b)?|cac\s+(?=\w)|"
                           r"(?P<m>\d|hai|ba|bon|nam)\s+(?=(?:don vi|xa|phuong|huyen|so|co quan|de nghi)\b))")
_COUNTS = {"hai": 2, "ba": 3, "bon": 4, "nam": 5}


def _every_request(pending: list[ExtensionRequest], rest_folded: str) -> list[ExtensionRequest]:
    """The requests on one item a decision says "cả 2 xã", "tất cả", "các đơn vị" of: every one waiting, when they
    are all on the same item and a number said is theirs; [] otherwise (asked which, as before)."""
    m = EVERY_REQUEST.search(rest_folded)
    if m is None or len({(r.item_ref, r.notice_title) for r in pending}) != 1:
        return []
    said = m.group("n") or m.group("m")
    if said is not None and (int(said) if said.isdigit() else _COUNTS[said]) != len(pending):
        return []
    return pending


def _named(pending: list[ExtensionRequest], rest_folded: str) -> list[ExtensionRequest]:
    """The requests whose unit or requester the decision names, when several wait on one item number."""
    return [req for req in pending if mentions(rest_folded, req.unit_name, req.requester_name)]


# a leader's (or the office's) direction typed, not replied: "chỉ đạo xã Ngọc Thiện khẩn trương hoàn thành mục 2",
# "nhắc xã Ngọc Thiện", "đôn đốc các đơn vị mục 2", "đề nghị UBND xã Phúc Hòa khẩn trương hoàn thành mục 1"
# (also a leader's "Giao Sở Tài chính tham mưu …", and a unit's proposal agreed: "Đồng ý đề xuất của Sở Tài chính, giao
# Sở Tài chính chủ trì …" — probe s43, #30 and #47: "chưa hiểu")
DIRECTING = re.compile(r"^(?:dong y (?:voi )?(?:de xuat|kien nghi|y kien)\b[^,;.]{0,80}[,;.]\s*)?(?:kinh\s+)?"
                       r"(?:(?:de nghi\s+)?(?:chi dao|nhac(?:\s+nho)?|don doc)|de nghi|yeu cau|giao(?:\s+cho)?)\b")
DIRECTION_MAX = 400


async def typed_direction(conv: Conversation, event: TextIn, person: Person) -> bool:
    """A direction typed by a leader or an admin, naming a unit (or a person) and/or an item: passed on to whoever
    holds the open tasks it names, as a reply to an escalation is. False for anyone else, or when it names none."""
    text = event.text.strip()
    if person.role not in (Role.LEADER, Role.ADMIN) or len(text) > DIRECTION_MAX or "\n" in text:
        return False
    folded = chat_fold(text)
    if not DIRECTING.match(folded) or ASKS_EXTENSION.search(folded):
        return False
    ref, candidates = await _directed(conv, person, text)
    named = _named_holders(text, candidates)
    if ref is not None and not named:
        # "chỉ đạo Sở Tài chính … mục II.4": the Sở holds II.4.a–c of one notice, another's II.4 is a group's
        # (probe 26, F2: the direction went to that group, held by nobody, and was lost)
        named = _named_holders(text, _under_item(await conv.ctx.db.run(office_open_tasks, person), ref))
    if len({t.notice_id for t in named}) > 1 and person.role == Role.LEADER:
        named = await conv.ctx.db.run(_of_followed_notices, person, named) or named  # the leader's own notices
    if ref is None and len(named) > 1:  # "nhắc Phòng X gửi báo cáo tháng 5": the unit's tasks it is about
        named = _about(named, text, conv.ctx.today())
    chosen = named or (candidates if ref else [])  # "đôn đốc mục 2": every unit holding item 2
    if not chosen:
        return await _direction_on_closed(conv, event, person, ref) if ref else False
    targets = await conv.ctx.db.run(direction_targets, [t.id for t in chosen])
    said = direction_words(text, targets)
    items = {t.item_ref for t in targets}
    if said and ref and len(items) == 1 and not (same_ref(item := items.pop(), ref) or ends_ref(item, ref)):
        # "… hoàn thành mục 4.1" read as II.4.a: the head reads the item as the bot numbers it
        said = re.sub(rf"(?<![\w.]){re.escape(ref)}(?![\w.])", item, said)
    await _pass_direction(conv, event, person, targets, named_only=False, said=said)
    return True


def _under_item(tasks: Sequence[Task], ref: str) -> list[Task]:
    """Of open tasks, those numbered under item `ref` ("II.4.a" under "II.4", or under "4" read as "II.4")."""
    key = ref_key(ref)
    return [t for t in tasks if any(same_ref(p, key) or ends_ref(p, key) for p in
                                    (k.rsplit(".", n)[0] for k in [ref_key(t.item_ref)]
                                     for n in range(1, k.count(".") + 1)))]


def _of_followed_notices(session: Session, person: Person, tasks: list[Task]) -> list[Task]:
    """Of tasks of several notices, those a leader follows (`task_followers`: his conclusions, those he signed or is
    put in charge of)."""
    leaders = list(session.scalars(select(Person).where(Person.role == Role.LEADER)))
    followed = task_followers(session, tasks, leaders)
    return [t for t in tasks if person.id in followed.get(t.id, [])]


async def _direction_on_closed(conv: Conversation, event: TextIn, person: Person, ref: str) -> bool:
    """A direction on an item whose tasks are all finished ("chỉ đạo Ban Pháp chế khẩn trương hoàn thành mục
    II.4.c" after the Ban reported it done): said so, with where the item stands — not "không tìm thấy … đồng chí
    đang phụ trách" (month probe 25, F4). False when nobody ever held that item."""
    ctx = conv.ctx
    done = [t for t in await ctx.db.run(office_item_tasks, person, ref) if TaskStatus(t.status) == TaskStatus.DONE]
    if not done and (read := await _read_as_printed(conv, ref)) is not None:  # "mục 4.1" for II.4.a, finished
        done = [t for t in await ctx.db.run(office_item_tasks, person, read[1])
                if t.notice_id == read[0] and TaskStatus(t.status) == TaskStatus.DONE]
    if not done:
        return False
    tz = ctx.policy.calendar.tz
    rows = [texts.ItemRow(notice=t.notice.number or "", unit=t.lead_name,
                          assignee=t.assignee.full_name if t.assignee else None, status=TaskStatus(t.status),
                          percent=t.percent, due_on=t.due_on,
                          done_on=t.done_at.astimezone(tz).date() if t.done_at else None) for t in done]
    shown = done[0].item_ref if len({t.item_ref for t in done}) == 1 else ref
    await conv.say(event, texts.direction_on_closed(shown) + "\n" + texts.item_status_answer(shown, rows, ctx.today()))
    return True


# the words a leader says to the bot, not to the unit: "chỉ đạo …", "nhắc …", "đôn đốc …" (folded)
_TO_THE_BOT = re.compile(r"^(?:chi dao|nhac(?:\s+nho)?|don doc)\b[\s,:]*")


def direction_words(text: str, targets: Sequence[DirectionTarget]) -> str | None:
    """What a typed direction asks of the unit, without the words telling the bot to pass it on: "chỉ đạo Sở Nội
    vụ khẩn trương hoàn thành mục III.3" → "khẩn trương hoàn thành mục III.3" (the head reads whose direction it is
    in the line above it; probe 21, F11c). None when it does not open so, or leaves too little ("nhắc Sở Nội vụ")."""
    squeezed, folded = squeezed_and_folded(text)
    m = _TO_THE_BOT.match(folded)
    if m is None:
        return None
    start = m.end()
    names = sorted({name for t in targets for name in ways_to_name(t.unit_name, t.assignee_name)}, key=len,
                   reverse=True)
    for name in names:  # the unit (or person) it is addressed to, right after
        if folded.startswith(name, start) and (len(folded) == start + len(name) or not folded[start + len(name)]
                                               .isalnum()):
            start += len(name)
            break
    rest = squeezed[start:].strip(" ,:;-–")
    if len(rest.split()) < 2:
        return None
    return rest


_DIRECTION_FILLER = frozenset("chi dao nhac nho don doc de nghi yeu cau khan truong kip thoi som nhanh thuc hien "
                              "trien khai hoan thanh cac nhiem vu viec duoc giao cho va voi giup nhe nha di lai ngay "
                              "dong chi d c dc phong don vi".split())
# a report asked for ("gửi báo cáo tháng 5", "nộp bc quý"), not "hoàn thành, báo cáo kết quả" (finish, then report)
REPORT_ASKED = re.compile(r"\b(?:gui|nop|lam)\s+(?:cac\s+)?bao cao\b"
                          r"|\bbao cao\s+(?:thang|quy|tuan|nam|dinh ky|ky|6 thang)\b")
LATE_WORDS = re.compile(r"\b(?:qua han|cham|tre|muon|ton dong)\b")


def _about(tasks: list[Task], text: str, today: dt.date) -> list[Task]:
    """Of a unit's open tasks, those a direction naming no item number is about (probe 19: "nhắc Phòng Quản lý
    Công nghiệp gửi báo cáo tháng 5" went out on all 34 of the unit's items, and to a cadre's unrelated one):
    a report asked for (REPORT_ASKED) — the unit's reporting duties (its recurring ones, or those that are a
    report), the late ones among them first; else the task whose words it quotes; else the late ones when it
    speaks of lateness; else all of them (a general "đôn đốc Phòng X")."""
    folded = chat_fold(text)
    overdue = [t for t in tasks if t.due_on is not None and t.due_on < today]
    if REPORT_ASKED.search(folded):
        duties = [t for t in tasks if t.recurrence or _is_a_report(t)]
        if duties:
            return [t for t in duties if t in overdue] or duties
    names = {w for t in tasks for name in ways_to_name(t.lead_name or "", None) for w in name.split()}
    said = {w for w in re.findall(r"\w+", folded)
            if w not in _STATUS_WORDS and w not in _DIRECTION_FILLER and w not in names and not w.isdigit()}
    if len(said) >= 2:
        shared = {t.id: len(said & set(re.findall(r"\w+", chat_fold(t.text)))) for t in tasks}
        best = max(shared.values())
        if best >= 2:
            found = [t for t in tasks if shared[t.id] == best]
            # a tie told apart by the words quoted in a row: "thẩm định, trình phê duyệt" is II.2.a's, not II.2.c's
            # (which names "quy hoạch các xã" too; probe s43 #38: the head got the direction on his monthly report)
            pairs = _pairs(folded)
            together = {t.id: len(pairs & _pairs(chat_fold(t.text))) for t in found}
            found = [t for t in found if together[t.id] == max(together.values())]
            if len(found) < len(tasks):
                return found
    if LATE_WORDS.search(folded) and overdue:
        return overdue
    return tasks


def _pairs(folded: str) -> set[tuple[str, str]]:
    """The words of a folded text two by two, in their order (punctuation between them aside)."""
    words = re.findall(r"\w+", folded)
    return set(zip(words, words[1:], strict=False))


async def _directed(conv: Conversation, person: Person, text: str) -> tuple[str | None, list[Task]]:
    """The item number a direction names (if any), and the open tasks it may be about: those of that item, else
    every open task (the caller keeps those of the units or people the text names)."""
    found = find_ref(text)
    ref = found[0] if found else None
    if ref is None:
        return ref, await conv.ctx.db.run(office_open_tasks, person)
    # every item a list names: "… báo cáo tiến độ mục 4.a, 4.b" (probe 7, #38: passed on for 4.a only)
    listed = dict.fromkeys([ref, *(r for refs, _ in find_refs(text) or () for r in refs)])
    tasks: list[Task] = []
    for each in listed:
        these = await conv.ctx.db.run(office_tasks_by_ref, person, each)
        if not these:  # "chỉ đạo Ban Pháp chế … mục 4.1": the item as printed, II.4.a (month probe 25, F4)
            these = await _office_by_position(conv, person, each)
        tasks += [t for t in these if all(t.id != had.id for had in tasks)]
    return ref, tasks


async def _office_by_position(conv: Conversation, person: Person, ref: str) -> list[Task]:
    """The open tasks an item number typed as printed points at ("4.1" for the first dash bullet II.4.a under "4."
    of section II), when it points at one item of one notice (`position_reading`); [] otherwise."""
    read = await _read_as_printed(conv, ref)
    if read is None:
        return []
    return [t for t in await conv.ctx.db.run(office_open_tasks, person) if (t.notice_id, t.item_ref) == read]


async def _read_as_printed(conv: Conversation, ref: str) -> tuple[int, str] | None:
    """(notice, item) a number typed as printed points at, when exactly one confirmed notice gives one."""
    refs = await conv.ctx.db.run(notice_refs, None)
    read = {(n, r) for n, numbers in refs.items() if (r := position_reading(ref, numbers)) is not None}
    return read.pop() if len(read) == 1 else None


async def _named_elsewhere(conv: Conversation, person: Person, text: str) -> list[DirectionTarget]:
    """The open tasks (of the item the text names, if it names one) held by a unit or person the text names."""
    tasks = (await _directed(conv, person, text))[1]
    named = [t.id for t in _named_holders(text, tasks)]
    return await conv.ctx.db.run(direction_targets, named) if named else []


_NUDGE_FILLER = re.compile(r"\b(?:muc\s*\S+|d/c|dc|dong chi|cac|va|voi|giup|nhe|nha|di|lai|ngay|toi|em|anh|chi)\b"
                           r"|[,.;:!]")


def _bare_nudge(text: str, targets: list[DirectionTarget]) -> bool:
    """Whether a direction says nothing but "remind them": the directing word, the units or people it names,
    item numbers and courtesy words — then the standard sentence is passed on, not these words."""
    folded = chat_fold(text)
    m = DIRECTING.match(folded)
    if m is None:
        return False
    rest = f" {folded[m.end():]} "
    for t in targets:
        for name in sorted(ways_to_name(t.unit_name, t.assignee_name), key=len, reverse=True):
            rest = rest.replace(f" {name} ", " ")
    rest = _NUDGE_FILLER.sub(" ", rest)
    # a unit named short ("nhắc Tổng công ty Trường Sơn"): the words of its name are no ask of their own
    name_words = {w for t in targets for w in fold(t.unit_name).split()}
    return len([w for w in rest.split() if w not in name_words]) <= 1


async def _pass_direction(conv: Conversation, event: TextIn, person: Person, targets: list[DirectionTarget], *,
                          named_only: bool = True, said: str | None = None) -> None:
    """A leader's (or the office's) reply to an escalation, or to any message about others' tasks: passed on,
    as written, to whoever holds each task it is about (the units it names, if it names some), kept in the
    tasks' history, and the leader told to whom it went."""
    ctx = conv.ctx
    if named_only:
        targets = _named_holders(event.text, targets) or targets
    text = " ".join(event.text.split())
    if _bare_nudge(text, targets):  # "nhắc xã Ngọc Thiện", "nhắc Đảng ủy xã Thịnh Sơn mục 1": the ask in full
        text = texts.DIRECTION_REMIND
    elif said:  # "chỉ đạo Sở Nội vụ khẩn trương …": the ask, not the words to the bot (`direction_words`)
        text = said
    await ctx.db.run(record_direction, [t.task_id for t in targets], by=person, text=text, now=ctx.clock.now())
    log.info("direction from %s on tasks %s", person.handle, [t.task_id for t in targets])
    holders: dict[int, list[DirectionTarget]] = {}
    for t in targets:
        if t.assignee_id is not None:
            holders.setdefault(t.assignee_id, []).append(t)
    reached: list[DirectionTarget] = []
    covered: dict[str, tuple[str, dt.date]] = {}
    # the heads of units whose tasks a colleague holds; one who holds tasks of the direction too is told of those in
    # the same message, the others after the holders (of the tasks that reached someone)
    over = await ctx.db.run(heads_over_holders, targets, person)
    over_own = {head.id: theirs for head, theirs in over if head.id in holders}
    heads: list[tuple[str, list[DirectionTarget]]] = []  # a colleague holds the unit's task: its head hears too
    for assignee_id, theirs in holders.items():
        holder = await ctx.db.run(person_by_id, assignee_id)
        if holder is None:
            continue
        replies = conv.replies_reach(holder)
        also = over_own.get(assignee_id, [])
        sent = await conv.notify(holder, Outgoing(text=texts.direction_text(holder.full_name, person, theirs, text,
                                                                            replies=replies, also=also)),
                                 remember=("task", theirs[0].task_id) if len(theirs) == 1 else None)
        if sent is not None and also:
            heads.append((holder.full_name, also))
        if holder.on_leave(ctx.today()) and holder.leave_cover_id not in (None, person.id) and \
                holder.leave_to is not None and \
                (cover := await ctx.db.run(person_by_id, holder.leave_cover_id)) is not None and \
                await conv.notify(cover, Outgoing(text=texts.direction_text(
                    cover.full_name, person, theirs, text, replies=False,
                    covering=(holder.full_name, holder.leave_to)))) is not None:
            # the holder on leave: the colleague standing in acts on it meanwhile (probe 8, #4)
            covered[holder.full_name] = (cover.full_name, holder.leave_to)
            if sent is None:
                reached += theirs
        if sent is None:
            continue
        reached += theirs
        if sent.last_id is not None:
            for t in theirs:  # a reply to it reports on that task
                await ctx.db.run(remember_task_message, task_id=t.task_id, channel=sent.channel, chat_id=sent.chat_id,
                                 message_id=sent.last_id, now=ctx.clock.now())
    passed = {t.task_id for t in reached}
    for head, theirs in over:
        theirs = [t for t in theirs if t.task_id in passed]
        if theirs and head.id not in holders and await conv.notify(head, Outgoing(text=texts.direction_to_head(
                head.full_name, person, theirs, text))) is not None:
            heads.append((head.full_name, theirs))
    unheld = [t for t in targets if t.assignee_id is None]  # nobody to pass it to: the office, to give it a unit
    office: list[str] = []
    for admin in await ctx.db.run(admins) if unheld else []:
        if admin.id != person.id and await conv.notify(admin, Outgoing(
                text=texts.direction_to_office(admin.full_name, person, unheld, text))) is not None:
            office.append(admin.full_name)
    told: list[tuple[str, str]] = []
    for unit, head in await ctx.db.run(charged_elsewhere, event.text, [t.task_id for t in targets], person):
        if await conv.notify(head, Outgoing(text=texts.direction_to_charged(head.full_name, person, unit, targets,
                                                                           text))) is not None:
            told.append((unit, head.full_name))
    said = texts.direction_passed(targets, reached, office, unheld, charged=told, covered=covered, heads=heads)
    if not_told := [u for u in await ctx.db.run(named_without_tasks, event.text, [t.task_id for t in targets], person)
                    if all(u != unit for unit, _ in told)]:
        said += "\n" + texts.direction_not_told(not_told)
    answer = await conv.say(event, said)
    if answer.last_id is not None:  # a reply to the confirmation is another direction on the same tasks
        for t in targets:
            await ctx.db.run(remember_task_message, task_id=t.task_id, channel=answer.channel,
                             chat_id=answer.chat_id, message_id=answer.last_id, now=ctx.clock.now())


def _decision_words(rest: str) -> str | None:
    """What the decider wrote besides the decision ("không đồng ý, đề nghị hoàn thành đúng hạn"), to be passed
    on to the requester; None when the rest only names the request ("gia hạn 2.1 đến 15/3")."""
    rest = rest.strip(" ,.;:-–")
    parts = re.split(r"\s*[,.;]\s+", rest, maxsplit=1)
    first, remainder = parts[0], parts[1] if len(parts) > 1 else ""
    # "gia hạn 2.1 …", "cho xã Liên Chung", "cả hai": words that name the request, not an opinion
    if re.search(r"\b(?:gia|lui|doi)\s*han\b|^(?:cho|ca hai|ca ba|tat ca)\b", strip_marks(first).lower()):
        rest = remainder.strip(" ,.;:-–")
    return rest if len(rest.split()) >= 2 else None


def _decision_ref(rest: str, rest_folded: str) -> str | None:
    """The item number a decision names: right after "gia hạn" ("gia hạn mục 2.1"), or one no date can be."""
    after = re.search(r"\b(?:gia|lui|doi)\s*han\s*(?:cho\s+)?(?:muc\s*)?", rest_folded)
    if after is not None:  # the number right after, as typed ("II.5.c", "5c", "mục 4")
        after_words = written_out(rest[after.end():])
        typed = split_ref(after_words + " .")
        if typed is None:  # "không đồng ý gia hạn 2.3, phải xong trước 28/8": the comma ends the number
            typed = split_ref(re.sub(r"^(\S+?),\s", r"\1 ", after_words) + " .")
        if typed is not None and not re.match(r"\s*[/.-]\s*\d", typed[1]):
            return typed[0]
    found = find_ref(rest)
    return found[0] if found else None


def _granted_date(conv: Conversation, rest: str, rest_folded: str, *, cue: str) -> dt.date | None:
    """"đồng ý gia hạn 2.1 đến 15/3": the date granted when it is said after `cue` (else the one asked for)."""
    for said in re.finditer(rf"\b{cue}\s+(?:ngay\s+)?", rest_folded):  # "gia hạn 4, hạn mới 26/3": the second
        found = leading_when(rest[said.end():], now=conv.ctx.clock.now(), calendar=conv.ctx.policy.calendar)
        if found is not None:
            return found[0].date
    return None


async def _decide_extension(conv: Conversation, event: Inbound, person: Person, report_id: int, *,
                            approve: bool, until: dt.date | None = None, reason: str | None = None,
                            counter: bool = False) -> None:
    """Decide (`until`: another date than asked, granted); tell the decider, the requester, the other approvers
    (their request messages lose their actions and are answered with who decided) and the admins."""
    ctx = conv.ctx
    if until is not None and until <= ctx.today():
        raise ExtensionInvalid(f"extension {report_id} granted to {until}", texts.grant_in_the_past(until))
    if approve:
        asked = await ctx.db.run(extension_request, report_id)
        if until is None and asked.decision == "pending" and asked.requested_due is not None and \
                asked.requested_due <= ctx.today():  # the date asked, granted: never one already past without a word
            raise ExtensionInvalid(f"extension {report_id} asked to {asked.requested_due}, past",
                                   texts.asked_date_passed(asked, ctx.today(), calendar=ctx.policy.calendar))
        granted = until or asked.requested_due
        if asked.decision == "pending" and granted is not None and asked.current_due is not None and \
                granted <= asked.current_due:  # a grant never moves the deadline earlier (probe 42, F1)
            raise ExtensionInvalid(f"extension {report_id} granted to {granted}, not after {asked.current_due}",
                                   texts.grant_not_later(asked.item_ref, asked.current_due, granted))
    request = await ctx.db.run(decide_extension, report_id, by=person, approve=approve, now=ctx.clock.now(),
                               today=ctx.today(),
                               until=until)
    approved = request.decision == "approved"
    await conv.answer_tap(event)
    if isinstance(event, TapIn):
        await conv.clear_actions(event.channel, event.chat_id, event.on_message)
    granted = request.current_due or request.requested_due
    # a date set on a day off (granted, or the decider's own earlier one): both the decider and the requester read
    # where it runs to — the requester was told so when asking only of the date asked (probe 21, finding 4)
    runs = ctx.policy.calendar.explain_deadline(granted) if (approved or counter) and granted is not None else None
    said = texts.extension_decided_text(request, approved, "decider", counter=counter, runs=runs)
    if approved or counter:  # the item's other lead units keep their dates: said, so no escalation surprises
        said = "\n".join(filter(None, (said, texts.other_shares_kept(
            await ctx.db.run(other_shares, request.task_id), request.current_due))))
    await conv.say(event, said)
    told = {person.id}
    requester = await ctx.db.run(person_by_id, request.requester_id)
    if requester is not None and requester.id not in told:
        told.add(requester.id)
        late = request.current_due is not None and \
            ctx.policy.calendar.effective_deadline(request.current_due) < ctx.today()  # refused: what to do now
        await conv.notify(requester, Outgoing(text=texts.extension_decided_text(request, approved, "requester",
                                                                                reason=reason, counter=counter,
                                                                                late=late, runs=runs)))
    holder_id = request.holder_id
    if holder_id is not None and holder_id not in told:  # the task moved while the request waited, or a deputy asked
        holder = await ctx.db.run(person_by_id, holder_id)
        told.add(holder_id)
        # on leave the day it is read: to the colleague covering, unless already told (probe 41, #6: the stand-in
        # asked, and the head on leave was written to anyway); nobody covering: /viec shows it on her return
        day = ctx.policy.calendar.local(held).date() if (held := conv.held_until()) is not None else ctx.today()
        reader: Person | None = holder
        covering = ""
        if holder.on_leave(day):
            cover = await ctx.db.run(person_by_id, holder.leave_cover_id) if holder.leave_cover_id else None
            reader = cover if cover is not None and cover.id not in told else None
            covering = texts.covering_line(holder.full_name) + "\n"
        if reader is not None:
            told.add(reader.id)
            await conv.notify(reader, Outgoing(text=covering + texts.extension_decided_for_holder(
                reader.full_name, request, approved, reason, counter=counter)))
    # the other approvers: their request message now says who decided (no new message where the channel edits)
    await _retell_shown(conv, report_id, texts.extension_decided_text(request, approved, "other", counter=counter),
                        told)
    for admin in await ctx.db.run(admins):
        if admin.id not in told:
            told.add(admin.id)
            await conv.notify(admin, Outgoing(text=texts.extension_decided_text(request, approved, "other",
                                                                                counter=counter)))


async def _recall_request(conv: Conversation, event: Inbound, person: Person, task_id: int, item_ref: str) -> None:
    """The requester takes their waiting extension request back: it is closed (never recalled to the deciders, nor
    the requester told later that it still waits), those it was shown to are told there is nothing to decide (their
    messages lose their actions), and so is the task's holder when someone else asked (probe 21, finding 6)."""
    ctx = conv.ctx
    request = await ctx.db.run(recall_extension, task_id, by=person, now=ctx.clock.now())
    if request is None:
        await conv.say(event, texts.no_request_to_recall(item_ref))
        return
    calendar = ctx.policy.calendar
    await conv.say(event, texts.extension_recalled(request, "requester", calendar))
    told = {person.id}
    other = texts.extension_recalled(request, "other", calendar)
    await _retell_shown(conv, request.report_id, other, told)
    if request.holder_id is not None and request.holder_id not in told:  # the head told when a deputy asked
        holder = await ctx.db.run(person_by_id, request.holder_id)
        if holder is not None:
            await conv.notify(holder, Outgoing(text=texts.extension_recalled(request, "holder", calendar)))


REMIND_AFTER = 2  # working days after a request before its first reminder, at the earliest
REMIND_EVERY = 5  # working days between the reminders of a request still waiting: once a week (probe 27)


def reminder_day(asked_at: dt.datetime, deadline: dt.date | None, calendar: WorkingCalendar) -> dt.date:
    """The day a request still waiting is recalled, once: the working day before the deadline as it runs (the last
    day a decision still comes in time), but never sooner than REMIND_AFTER working days after it was sent."""
    earliest = calendar.add_working_days(calendar.local(asked_at).date(), REMIND_AFTER)
    if deadline is None:
        return earliest
    return max(earliest, calendar.previous_working_day(calendar.effective_deadline(deadline)))


def reminder_again(recalled_at: dt.datetime, calendar: WorkingCalendar) -> dt.date:
    """The day a request recalled at `recalled_at` and still waiting is recalled again: REMIND_EVERY working days
    on — once a week, not daily, until it is decided (probe 27: a leader reminded once waited five weeks)."""
    return calendar.add_working_days(calendar.local(recalled_at).date(), REMIND_EVERY)


async def _recall_deciders(ctx: AppContext, request: ExtensionRequest) -> list[Person]:
    """Those a waiting request is recalled to: who decide it (the leaders or the head; the office only when no one
    else can), never its requester."""
    deciders = [p for p in await ctx.db.run(approvers, request.task_id, request.requester_id, ctx.today())
                if p.id != request.requester_id]
    return [p for p in deciders if p.role != Role.ADMIN] or deciders


def _reminded_words(request: ExtensionRequest, names: Sequence[str]) -> str:
    return ", ".join(f"đ/c {name}" for name in names) or request.deciders


async def recalled_this_morning(conv: Conversation, view: DigestView) -> dict[int, str]:
    """For a digest whose reader's own line says an extension request waits ("CHỜ Ý KIẾN GIA HẠN"): the tasks whose
    request is recalled to those who decide it this morning (`remind_waiting_extensions`, right after the digests),
    and to whom, in words — the line says it, and its requester is not sent the same news again in a note of its own
    (session 20: two messages one Monday morning). Nothing to read for any other digest."""
    waiting = _waiting_in(view)
    if not waiting:
        return {}
    ctx = conv.ctx
    calendar = ctx.policy.calendar
    due = await ctx.db.run(requests_to_recall, today=view.day, task_ids=waiting,
                           recall_on=lambda asked, deadline: reminder_day(asked, deadline, calendar),
                           again_on=lambda recalled: reminder_again(recalled, calendar))
    return {request.task_id: _reminded_words(request, [p.full_name for p in await _recall_deciders(ctx, request)])
            for request in due}


async def deciding_this_morning(conv: Conversation, day: dt.date) -> dict[int, list[ExtensionRequest]]:
    """The extension requests recalled on `day` (`remind_waiting_extensions`), by who decides them: said in the
    digest of each of them that goes out that morning, with their buttons, instead of in a message of their own
    right after it (probe 24: a leader was sent the escalation of a late task, then the request on it). Read once a
    tick (`ConversationSender`), not once a digest."""
    ctx = conv.ctx
    if day != ctx.today():
        return {}
    calendar = ctx.policy.calendar
    found: dict[int, list[ExtensionRequest]] = {}
    for request in await ctx.db.run(requests_to_recall, today=day,
                                    recall_on=lambda asked, deadline: reminder_day(asked, deadline, calendar),
                                    again_on=lambda recalled: reminder_again(recalled, calendar)):
        for decider in await _recall_deciders(ctx, request):
            found.setdefault(decider.id, []).append(request)
    return found


SUMMARY_CARRIED = "weekly.request"  # audit: a leader's weekly summary carried a waiting request's buttons


def _summary_later_today(ctx: AppContext, now: dt.datetime) -> bool:
    """Whether the leaders' weekly summary goes out later today (`bot.ticks.weekly_summary_if_due`): a waiting
    request recalled today to a leader waits for it and is said in it (month probe 36: the reminder at 08:00, the
    summary listing the same request at 15:00 — two messages one Friday)."""
    calendar = ctx.policy.calendar
    local = calendar.local(now)
    summary_day = digest_day(calendar, local.date(), ctx.settings.weekly_day)
    return local.date() == summary_day and local.time() < ctx.settings.weekly_at


def _summary_carried(session: Session, person_id: int, report_id: int, since: dt.datetime) -> bool:
    """Whether the weekly summary sent to `person_id` since `since` carried the request's buttons
    (`bot.conversation.reports.SUMMARY_CARRIED`)."""
    return session.scalar(select(AuditLog.id).where(
        AuditLog.action == SUMMARY_CARRIED, AuditLog.entity == "status_report", AuditLog.entity_id == report_id,
        AuditLog.actor_id == person_id, AuditLog.at >= since).limit(1)) is not None


def _digest_sent(session: Session, person_id: int, day: dt.date) -> bool:
    """Whether `person_id`'s digest of `day` went out: the requests recalled to them that day were said in it
    (`deciding_this_morning`)."""
    return session.scalar(select(Digest.id).where(Digest.person_id == person_id, Digest.day == day,
                                                  Digest.state == DigestState.SENT,
                                                  Digest.message_id.is_not(None)).limit(1)) is not None


def _waiting_in(view: DigestView) -> set[int]:
    """The tasks of a digest reader's own lines that say an extension request waits ("CHỜ Ý KIẾN GIA HẠN")."""
    return {line.task_id for line in texts.digest_own(view) if line.category == DigestCategory.EXTENSION_PENDING}


SAID_WAITING_WITHIN = 7  # days: a requester whose digest said the request waits this long ago is not told again


async def waiting_deciders(conv: Conversation, view: DigestView) -> dict[int, str]:
    """For a digest whose reader's own line says an extension request waits: the tasks whose request a head decides,
    and that head in words ("đ/c … (trưởng đơn vị chủ trì)", as the request's confirmation said), so the line names
    who is to answer rather than "lãnh đạo" (probe 20, C2). Requests the leaders and the office decide: not listed."""
    waiting = _waiting_in(view)
    if not waiting:
        return {}
    return {request.task_id: request.deciders for request in await conv.ctx.db.run(pending_extensions,
                                                                                    task_ids=waiting, today=view.day)
            if request.deciders != texts.SOME_DECIDER}


def _asked_late(request: ExtensionRequest, calendar: WorkingCalendar) -> bool:
    """Whether a request was sent after the task's deadline (as it runs): no "chờ ý kiến gia hạn" line the working
    day after the deadline tells its requester it waits (`ReminderPolicy.waits_after_deadline`)."""
    return request.asked_at is not None and request.current_due is not None \
        and calendar.local(request.asked_at).date() > calendar.effective_deadline(request.current_due)


def _digest_said_waiting(session: Session, person_id: int, task_id: int, day: dt.date) -> bool:
    """Whether a digest of `person_id`'s sent within SAID_WAITING_WITHIN days up to `day` listed `task_id` as waiting
    for an extension decision: that morning's said the request is recalled (`recalled_this_morning`); an earlier one
    (the weekly line) said it still waits, and a note the next day would only say it again (probe 20, P1)."""
    for items in session.scalars(select(Digest.items).where(
            Digest.person_id == person_id, Digest.day <= day,
            Digest.day > day - dt.timedelta(days=SAID_WAITING_WITHIN),
            Digest.state.in_([DigestState.SENT, DigestState.UNKNOWN, DigestState.SENDING]))):
        if any(item.get("task_id") == task_id and item.get("category") == DigestCategory.EXTENSION_PENDING
               and not item.get("escalation") for item in items or ()):
            return True
    return False


async def remind_waiting_extensions(conv: Conversation) -> int:
    """Each extension request nobody has decided, on its reminder day, then once a week while it waits (probe 20: one
    waited 30 days, the task went overdue meanwhile, nobody was told; probe 27: reminded once, it hung five weeks):
    those who decide it (the leaders or the head; the office only when no one else can) are shown it again with its
    actions; the requester of one sent after the deadline is told, the first time only, that it still waits (one
    sent in time hears it from their digest the working day after the deadline). The number of requests recalled."""
    ctx = conv.ctx
    calendar, now = ctx.policy.calendar, ctx.clock.now()
    if not calendar.is_working_time(now) or calendar.local(now).time() < ctx.policy.remind_at:
        return 0
    today = calendar.local(now).date()
    recalled = 0
    due = await ctx.db.run(requests_to_recall, today=today,
                           recall_on=lambda asked, deadline: reminder_day(asked, deadline, calendar),
                           again_on=lambda recalled: reminder_again(recalled, calendar))
    deciders_of = {request.report_id: await _recall_deciders(ctx, request) for request in due}
    summary_later = _summary_later_today(ctx, now)
    for request in due:
        if summary_later and any(d.role == Role.LEADER for d in deciders_of[request.report_id]):
            continue  # a leader's weekly summary this afternoon says it, with its buttons: one message that day
        nth = await ctx.db.run(times_recalled, request.report_id) + 1
        if not await ctx.db.run(claim_extension_reminder, request.report_id, now=now, nth=nth):
            continue  # (another worker's tick has it)
        recalled += 1
        reminded: list[str] = []
        for decider in deciders_of[request.report_id]:
            if await ctx.db.run(_digest_sent, decider.id, today):
                # said in their digest this morning, its buttons under it (`deciding_this_morning`); the digest is
                # not remembered as the request's message: deciding it elsewhere edits such a message to say so
                reminded.append(decider.full_name)
                continue
            if await ctx.db.run(_summary_carried, decider.id, request.report_id, calendar.at(today, dt.time(0))):
                reminded.append(decider.full_name)  # in their weekly summary today, its buttons under it
                continue
            shown = await conv.notify(decider, Outgoing(text=texts.extension_reminder(request, today, calendar),
                                                        actions=extension_actions(request)))
            if shown is None:
                continue
            reminded.append(decider.full_name)
            if shown.last_id is not None:  # a reply to it, or its actions, decide the request
                await ctx.db.run(remember_extension_message, report_id=request.report_id, person_id=decider.id,
                                 channel=shown.channel, chat_id=shown.chat_id, message_id=shown.last_id, now=now)
        requester = await ctx.db.run(person_by_id, request.requester_id)
        # (their digest this morning said the request waits, and that it is recalled: not said twice)
        # (told once more after sending, not at each reminder: a request sent in time is said in the holder's digest
        # the working day after the deadline — the scheduler's ladder —, one sent late at its first reminder)
        if requester is not None and nth == 1 and _asked_late(request, calendar) \
                and not await ctx.db.run(_digest_said_waiting, requester.id, request.task_id, today):
            await conv.notify(requester, Outgoing(text=texts.extension_still_waiting(request, reminded, calendar)))
        log.info("extension request %s still waiting: recalled to %s", request.report_id, reminded)
    return recalled


# ---------------------------------------------------------------- typed and replied text

# a thank-you, an "ok", "đã nhận", a thumbs-up: said to be polite, not a report or a question
# ("da" is "dạ", the polite yes; "đã", read as "da_", only before what is acknowledged: "đã nhận", "đã rõ")
_ACK = re.compile(r"^(?:(?:da|vang|em|toi|minh|chung toi|so|ban)\s+){0,3}(?:xin\s+)?"
                  r"(?:cam on|thank(?:s| you)?|ok(?:e|ay)?|nhat tri|ro|da_? ro|nhan|da_? nhan|tiep thu|da_? tiep thu"
                  r"|vang|da)\b[^?]{0,50}$")
_PAST = re.compile(r"(?<!\w)đã(?!\w)", re.IGNORECASE)  # "đã", kept apart from "dạ" when the marks are folded
_EMOJI_ONLY = re.compile(r"^[\W_]*$")


# a hello before a thank-you: "Chào chị, cảm ơn chị …" (the comma or stop after it: not "chào cờ xong")
_HELLO_BY = r"^(?:(?:xin|kinh|em|da|toi)\s+)?"  # who says hello, before "chào" (`_HELLO` too)
_HELLO_LEAD = re.compile(_HELLO_BY + r"chao(?:\s+(?:anh|chi|em|ban|dong chi|van phong|vp|thu truong"
                         r"|lanh dao|ca nha|moi nguoi|bac|ong|ba|thay|co|chu))?\s*[,.!;:\-–]+\s*")
# what someone is thanked for, their own act: "cảm ơn chị đã gửi", "cảm ơn Văn phòng đã nhắc" (not the thanker's report)
_THANKS_FOR = re.compile(r"\bcam on(?:\s+(?:anh|chi|em|ban|dong chi|van phong|vp|thu truong|lanh dao|ca nha|moi nguoi"
                         r"|bac|ong|ba|thay|co|chu))?(?:\s+(?:vi\s+)?da_?)?\s+(?:gui|chuyen|nhac|nhac nho|bao|thong bao"
                         r"|chia se|ho tro|giup|quan tam)(?:\s+(?:a|nhe|nha|em|anh|chi|nhieu|rat nhieu))*$")


def is_acknowledgement(text: str) -> bool:
    """"Dạ em nhận nhiệm vụ ạ", "ok cảm ơn", "đã rõ", "Chào chị, cảm ơn chị đã gửi", 👍 — not "Ban đã họp giao ban …"
    (probe s18: "đã" folded reads as "dạ", and a report with no status word was taken for a thank-you and left
    unanswered)."""
    folded = _HELLO_LEAD.sub("", chat_fold(_PAST.sub("đã_", nfc(text))).strip(" .!,"))
    for sep in (". ", ", "):
        first, stop, rest = folded.partition(sep)
        if stop and _ACK.match(first) and _ACK_WORD.search(first) and _PROMISED.match(rest) and "?" not in rest and \
                not _DONE_WORK.search(rest.replace("da_", "da")) and not _SAID_DONE.search(rest):
            # "Đã nhận nhiệm vụ. UBND huyện sẽ báo cáo định kỳ trước ngày 25 hằng tháng." (probe 8, #6: "chưa
            # hiểu"); "Đã nhận, xã sẽ báo cáo trước ngày 20 hằng tháng" (probe 9, #4)
            return True
    return bool(folded) and (_ACK.match(folded) is not None or (_EMOJI_ONLY.match(folded) is not None
                                                              and "?" not in folded)) \
        and not any(ch.isdigit() for ch in folded)  # ("???": someone lost, answered with how to go on)


# what says the message (an assignment, a reminder) arrived: "dạ nhận", "đã nhận", "nhận ạ", "ok", "đã rõ", "tiếp thu"
# (on folded text; a thank-you alone, "dạ", "vâng" or 👍 closes the exchange and stays unanswered)
_RECEIPT = re.compile(r"\b(?:nhan|tiep thu|ro|ok|oke|okay|okie|oki|nhat tri)\b")
RECEIPT_TOLD_WITHIN = dt.timedelta(hours=1)  # one line per person this long: an "ok" to it is not answered again
RECEIPT_TOLD = "receipt.answered"


def is_receipt(text: str) -> bool:
    """An acknowledgement that says the message arrived ("dạ nhận", "ok"), not a thank-you alone."""
    return is_acknowledgement(text) and _RECEIPT.search(chat_fold(_PAST.sub("đã_", nfc(text)))) is not None


async def answer_receipt(conv: Conversation, event: Inbound, person: Person) -> None:
    """One short line for "dạ nhận" / "ok" (month probe 27, F9: nothing came back, and a first-time user could not
    tell it arrived); no status changes. Once within RECEIPT_TOLD_WITHIN, so an "ok" to the line ends there."""
    if not is_receipt(event.text if isinstance(event, TextIn) else ""):
        return
    now = conv.ctx.clock.now()

    def told(session: Session) -> bool:
        return session.scalar(select(AuditLog.id).where(
            AuditLog.action == RECEIPT_TOLD, AuditLog.entity == "person", AuditLog.entity_id == person.id,
            AuditLog.at >= now - RECEIPT_TOLD_WITHIN).limit(1)) is not None
    if await conv.ctx.db.run(told):
        return
    await conv.ctx.db.run(lambda s: audit(s, at=now, actor_id=person.id, action=RECEIPT_TOLD, entity="person",
                                          entity_id=person.id))
    await conv.say(event, texts.RECEIPT_NOTED)


# a wish: "chúc mừng năm mới", "Kính chúc các đồng chí …", "Công ty xin chúc Sở …" (not "tổ chức", "chức vụ")
_WISH = re.compile(r"^(?:\S+\s+){0,8}?(?<!\bto )chuc\s+(?:mung|cac|dong chi|anh|chi|lanh dao|thu truong|so|ca|moi|"
                   r"toan|quy|nam|tet|ban|em|ong|ba|bac|thay|co|suc khoe|van phong)\b|^happy new year\b")
_NEW_YEAR = re.compile(r"\b(?:nam moi|tet|xuan|new year)\b")
WISH_MAX = 60  # words: a longer message says more than a wish


def greeting_answer(text: str) -> str | None:
    """One courteous line for a greeting or a wish (probe 20: "chúc mừng năm mới" got "chưa hiểu"); None for
    anything else (a question, an item number: something to act on)."""
    folded = chat_fold(text).strip(" .!,")
    if "?" in text or any(ch.isdigit() for ch in folded) or len(folded.split()) > WISH_MAX or \
            _WISH.search(folded) is None:
        return None
    return texts.GREETING_REPLY if _NEW_YEAR.search(folded) else texts.WISH_REPLY


NEW_YEAR_RETURNED = "greeting.returned"  # audit: a new-year wish said with a report was returned (once a season)
NEW_YEAR_RETURN_EVERY = dt.timedelta(days=45)  # a wish again within this (the same Tết) is not returned again
WISH_WITH_MORE_MAX = 80  # words: a wish and a report; longer, a letter or a notice


def new_year_wish_with_more(text: str) -> bool:
    """A new-year wish said with something to act on ("Chúc mừng năm mới đồng chí, mục 2 xong ạ"; "… mục 3 đạt
    50%. Kính chúc đồng chí năm mới an khang"): the status is recorded, the wish returned in one line (month probe
    36: recorded, the wish left unanswered). A wish alone is `greeting_answer`'s."""
    folded = chat_fold(text)
    wish = _WISH.search(folded)
    if wish is None or greeting_answer(text) is not None or len(folded.split()) > WISH_WITH_MORE_MAX:
        return False  # (a long text opening with a wish: a pasted letter, "Thư chúc mừng năm mới …", not a reply)
    said = re.split(r"[.;!?\n]", folded[wish.start():], maxsplit=1)[0]  # the wish's own sentence
    return _NEW_YEAR.search(said) is not None


async def return_new_year_wish(conv: Conversation, event: TextIn, person: Person) -> str | None:
    """The line that returns a new-year wish said with a report, once a season a person: None when not one, or
    returned already."""
    if not new_year_wish_with_more(event.text):
        return None
    return texts.NEW_YEAR_RETURNED if await new_year_returned_first(conv, person) else None


async def new_year_returned_first(conv: Conversation, person: Person) -> bool:
    """Whether a new-year wish is returned to `person` for the first time this season (then noted: the next is
    not returned again; a wish alone, always answered, counts too)."""
    now = conv.ctx.clock.now()

    def first(session: Session) -> bool:
        if session.scalar(select(AuditLog.id).where(
                AuditLog.action == NEW_YEAR_RETURNED, AuditLog.entity == "person", AuditLog.entity_id == person.id,
                AuditLog.at >= now - NEW_YEAR_RETURN_EVERY).limit(1)) is not None:
            return False
        audit(session, at=now, actor_id=person.id, action=NEW_YEAR_RETURNED, entity="person", entity_id=person.id)
        return True

    return await conv.ctx.db.run(first)


# a hello, to the bot or anyone ("xin chào", "chào bot", "kính chào đồng chí", "hello, is this the bot?"), on folded
# text: a few words, or a few more about the bot itself ("chào văn phòng, cho hỏi …" is a question for the office)
_HELLO = re.compile(_HELLO_BY + r"(?:chao|hello|hi|hey|alo|a lo|allo)\b")
_ABOUT_BOT = re.compile(r"\b(?:bot|nhac viec|robot|chatbot)\b")
HELLO_WORDS, HELLO_BOT_WORDS = 4, 8


# "thôi", "hủy", "bỏ qua ạ", "thôi không cần nữa": the person takes back what they were asked about (chat_fold, words
# only); not "không" alone, which answers a question ("ý đồng chí là mục 3?")
CANCEL = re.compile(r"(?:(?:da|vang|thoi)\s+)?(?:huy(?:\s+bo)?|thoi|bo qua|khong can(?:\s+nua)?"
                    r"|thoi khong can(?:\s+nua)?|cancel)(?:\s+(?:a|nhe|nha|di|luon|roi))*")


def _chat_words(text: str) -> str:
    """`chat_fold` with punctuation as spaces, one space between words: a short message as its words alone."""
    return " ".join(re.sub(r"[^\w\s]", " ", chat_fold(text)).split())


def is_cancel(text: str) -> bool:
    """"thôi", "Huỷ ạ", "bỏ qua nhé": a message that only takes something back (probe 46: answered "chưa hiểu")."""
    return CANCEL.fullmatch(_chat_words(text)) is not None


async def cancel_said(conv: Conversation, event: TextIn, person: Person) -> None:
    """"thôi" / "hủy" when nothing else reads it: the questions the bot asked this person and still waits on are
    closed (a later tap on "Mục …", a date or a "đúng" applies nothing), and the person is told what was dropped; with
    none open, that nothing was pending — and, after their own report today, how to correct it."""
    ctx = conv.ctx
    now = ctx.clock.now()
    since = min(asked_since(ctx), now - DATE_FOLLOWS)
    dropped = await ctx.db.run(_drop_questions, person=person, since=since, now=now)
    if dropped:
        log.info("%s cancelled %d open question(s)", person.handle, len(dropped))
        await conv.say(event, texts.questions_cancelled(dropped))
        return
    last = await ctx.db.run(_last_report_by, person.id, asked_since(ctx))
    log.info("%s said %r with no open question", person.handle, event.text)
    await conv.say(event, texts.nothing_to_cancel(is_admin=person.is_admin, last=last))


def _drop_questions(session: Session, *, person: Person, since: dt.datetime,
                    now: dt.datetime) -> list[tuple[str | None, str]]:
    """`drop_pending_replies`, each question as `texts.questions_cancelled` says it: (the item number of an extension
    asked without its date, else None; the words kept) — in the same unit of work."""
    return [(session.get_one(Task, a.task_ids[0]).item_ref if a.source == DATE_ASKED and a.task_ids else None, a.text)
            for a in drop_pending_replies(session, person=person, since=since, now=now)]


def _last_report_by(session: Session, person_id: int, since: dt.datetime) -> tuple[str, bool] | None:
    """(item number, whether it said done) of this person's latest report since `since`, if any."""
    row = session.execute(select(Task.item_ref, StatusReport.status).join(Task, Task.id == StatusReport.task_id)
                          .where(StatusReport.person_id == person_id, StatusReport.created_at >= since)
                          .order_by(StatusReport.id.desc()).limit(1)).first()
    return None if row is None else (row[0], row[1] == TaskStatus.DONE)


def is_bare_yes(text: str) -> bool:
    """"đúng", "vâng, đúng ạ": a yes alone (which, when nothing asked it, is answered so, not with "chưa hiểu")."""
    return YES.fullmatch(chat_fold(text).strip(" .!")) is not None


def is_hello(text: str) -> bool:
    """A greeting with nothing to act on (probe s19: "xin chào" got "chưa hiểu", "hello, is this the bot?" went
    to the office as a question)."""
    folded = _chat_words(text)
    words = len(folded.split())
    return _HELLO.match(folded) is not None and not any(ch.isdigit() for ch in folded) and (
        words <= HELLO_WORDS or (words <= HELLO_BOT_WORDS and _ABOUT_BOT.search(folded) is not None))


# the words of a thank-you or an "I have it" (folded), and nothing else: "Dạ em nhận nhiệm vụ ạ", "ok cảm ơn đồng chí"
_COURTESY_WORDS = ("da", "vang", "em", "toi", "minh", "chung toi", "xin", "cam on", "thanks", "thank", "thank you",
                   "ok", "oke", "okay", "nhat tri", "ro", "nhan", "tiep thu", "duoc", "roi", "a", "nhe", "nha",
                   "dong chi", "d c", "anh", "chi", "thu truong", "lanh dao", "nhiem vu", "viec", "rat nhieu", "nhieu",
                   "nay", "do", "y kien", "chi dao", "giao", "van phong", "vp", "van thu", "ca nha", "moi nguoi",
                   "chu tich", "bi thu", "bac", "ong", "ba", "thay", "co", "okie", "oki",  # whom thanked: the office
                   "nhac", "nhac nho", "quan tam")  # what for: "cảm ơn Văn phòng đã nhắc ạ"
_COURTESY = re.compile(r"\b(?:" + "|".join(sorted(_COURTESY_WORDS, key=len, reverse=True)) + r")\b")


def _only_thanks(text: str) -> bool:
    """An acknowledgement that says nothing of a task ("Dạ em nhận nhiệm vụ ạ", "ok cảm ơn", 👍; not "ok xong rồi",
    "nhận, đang triển khai", "đã liên hệ các hộ dân, chờ phản hồi")."""
    if not is_acknowledgement(text):
        return False
    folded = re.sub(r"[^\w\s]", " ", _HELLO_LEAD.sub("", chat_fold(text)))
    rest = " ".join(_COURTESY.sub(" ", folded).split())
    if not rest or _THANKS_FOR.search(" ".join(folded.split())):
        return True
    # "Đã nhận, Công an tỉnh triển khai ngay": the work taken on and promised, nothing done yet to record (not
    # "nhận, đang triển khai", nor "đã triển khai")
    return _ACK_WORD.search(folded) is not None and _DONE_WORK.search(folded) is None and \
        _PROMISE.fullmatch(rest) is not None


_ACK_WORD = re.compile(r"\b(?:nhan|tiep thu|ro)\b")
# a sentence that promises the work after a receipt: "UBND huyện sẽ báo cáo định kỳ …", "phòng em sẽ triển khai ạ"
_PROMISED = re.compile(r"^(?:\w+\s+){0,5}?se\s+(?:bao cao|trien khai|thuc hien|to chuc|gui|nop|lam)\b")
_DONE_WORK = re.compile(r"\bda\s+(?:trien khai|thuc hien|to chuc|lam|gui|nop|xong|hoan thanh)\b")
_SAID_DONE = re.compile(r"\b(?:xong|hoan thanh|dang|vuong)\b|\d\s*%")  # (a status said after the promise)
_PROMISE_WORK = r"(?:trien khai|thuc hien|to chuc thuc hien|lam)"
_PROMISE_HOW = r"(?:\s+(?:ngay|luon|nghiem tuc|khan truong|thuc hien))"
# "… sẽ triển khai", "… triển khai ngay": the work promised ("phòng sẽ triển khai" too, probe 19)
_PROMISE = re.compile(r"(?:(?!(?:dang|da|xong|hoan thanh|chua|vuong|gia han|bao cao|muc)\b)\w+\s+){0,6}"
                      rf"(?:se\s+{_PROMISE_WORK}{_PROMISE_HOW}*|{_PROMISE_WORK}{_PROMISE_HOW}+)")


async def _reply_to_request(conv: Conversation, event: TextIn, person: Person) -> bool:
    """A leader's (or the office's) reply to an extension request that decides nothing — "Xã đã làm được đến đâu
    rồi? Vướng ở khâu nào?": passed on to the requester as a direction on the task, the request left waiting (probe
    s43, E3: read as a question about a unit and answered "không tìm thấy đơn vị …"). False for anything else."""
    ctx = conv.ctx
    if person.role not in (Role.LEADER, Role.ADMIN) or DECISION.match(chat_fold(event.text).strip(" .!")) or \
            is_acknowledgement(event.text) or event.reply_to is None:
        return False
    report_id = await ctx.db.run(extension_for_message, chat_id=event.chat_id, message_id=event.reply_to)
    if report_id is None:
        return False
    task_id = await ctx.db.run(lambda s: s.get_one(StatusReport, report_id).task_id)
    targets = await ctx.db.run(direction_targets, [task_id])
    if not targets:
        return False
    await _pass_direction(conv, event, person, targets, named_only=False)
    return True


async def reply_status(conv: Conversation, event: TextIn, person: Person) -> bool:
    """A reply to a digest, a task card, an assignment or an acknowledgement; False if it replies to
    something else. A typed item number wins; when it disagrees with the replied message, the bot asks."""
    ctx = conv.ctx
    if event.reply_to is None:
        return False
    target = await ctx.db.run(task_for_message, chat_id=event.chat_id, message_id=event.reply_to)
    if target is None:
        return await _reply_to_request(conv, event, person)
    if DECISION.match(chat_fold(event.text).strip(" .!")) is not None and not is_acknowledgement(event.text):
        # "đồng ý", "không đồng ý gia hạn" to a digest of one who has a request to decide (a digest may carry it:
        # `deciding_this_morning`): a decision; an "ok", "nhất trí" stays the thanks it was
        waiting: list[ExtensionRequest] = await ctx.db.run(pending_extensions, None, person, today=ctx.today())
        if waiting:
            return False
    if person.role in (Role.LEADER, Role.ADMIN) and not DECISION.match(chat_fold(event.text).strip(" .!")):
        targets = await ctx.db.run(direction_targets, target.task_ids)
        if targets and all(t.assignee_id != person.id for t in targets):  # not their own tasks: a direction
            named = _named_holders(event.text, targets)
            # "Đề nghị xã Hiệp Thạnh …" in reply to an escalation about another unit: the unit it names; "… xã Đức
            # Trọng và xã Hiệp Thạnh …" about one of them: both (the other's tasks of the same items, if it holds any)
            # (not a unit named as the object of the work asked: "Đề nghị Sở XD …, đôn đốc xã Hiệp Thạnh gửi hồ sơ"
            # is the Sở's to do — probe s43 #1)
            others = [t for t in await _named_elsewhere(conv, person, event.text)
                      if t.unit_name not in {n.unit_name for n in named}
                      and not (named and _object_of_work(event.text, t.unit_name))]
            same_items = [t for t in others if t.item_ref in {n.item_ref for n in targets}]
            targets = [*named, *(same_items or others)] or targets
            await _pass_direction(conv, event, person, targets, named_only=False)
            return True
    if _only_thanks(event.text):  # "Dạ em nhận nhiệm vụ ạ" under the assignment: polite, nothing to record
        log.info("acknowledgement from %s in reply, not recorded", person.handle)
        await answer_receipt(conv, event, person)
        return True
    alone = split_refs(event.text) or find_refs(event.text)
    if alone is not None and len(alone) == 1 and len(alone[0][0]) == 1 and _bare(alone[0][1]):
        return await _bare_item(conv, event, person, alone[0][0][0])  # "II.2.a" alone: its card, no status
    split = split_ref(event.text)
    if split is None and (lettered := await _lettered(conv, person, event.text)) is not None and \
            len(lettered) == 1 and len(lettered[0][0]) == 1:
        split = (lettered[0][0][0], lettered[0][1])  # "d xong" in reply to a digest of items a … e
    if split is not None:
        ref, rest = split
        mine = await ctx.db.run(tasks_by_ref, person, ref)
        if not mine and "." in ref and (position := await ctx.db.run(by_position, person, ref)) is not None:
            ref, mine = position.item_ref, await ctx.db.run(tasks_by_ref, person, position.item_ref)  # "2.1" for 2.a
        in_target = [t for t in mine if t.id in target.task_ids]
        if in_target:
            return await _apply_text(conv, event, person, in_target[0], rest, source="reply", quote=True)
        if len(target.task_ids) == 1 and mine:
            replied = await ctx.db.run(lambda s: s.get_one(Task, target.task_ids[0]))
            candidates = [mine[0], replied]
            buttons = conv.channel(event.channel).capabilities.buttons
            await _ask_which(conv, event, person, candidates, rest, "reply",
                             texts.which_of_two(ref, replied.item_ref, rest, buttons))
            return True
        if len(mine) == 1:
            return await _apply_text(conv, event, person, mine[0], rest, source="reply", quote=True)
    if len(target.task_ids) == 1:
        task = await ctx.db.run(lambda s: s.get_one(Task, target.task_ids[0]))
        return await _apply_text(conv, event, person, task, event.text, source="reply", quote=True)
    candidates = [t for t in await ctx.db.run(open_tasks_for, person) if t.id in target.task_ids]
    if len(candidates) > 1 and every_task(event.text) in (0, len(candidates)) and \
            (said := parse_status_text(event.text, today=ctx.today(), now=ctx.clock.now(),
                                       calendar=ctx.policy.calendar)) is not None and said.status is not None:
        # "xong cả 2", "đều xong rồi ạ" under a digest of two items: both (probe 21, F5)
        return await _apply_to_every(conv, event, person, candidates, event.text, source="reply")
    if len(candidates) > 1 and (round_due := await _report_meant(conv, person, candidates, event.text)) is not None:
        candidates = [round_due]  # "báo cáo rồi" under a digest: the round due today
    if len(candidates) == 1:
        return await _apply_text(conv, event, person, candidates[0], event.text, source="reply", quote=True)
    if not candidates:
        await conv.say(event, texts.no_open_tasks())
        return True
    await _ask_which(conv, event, person, candidates, event.text, "reply")
    return True


async def _ask_which(conv: Conversation, event: TextIn, person: Person, candidates: list[Task], text: str,
                     source: str, question: str | None = None) -> None:
    """Ask which task the text is about; the text is kept, and the action chosen applies it."""
    ctx = conv.ctx
    buttons = conv.channel(event.channel).capabilities.buttons
    await _settle_asked(conv, event, person, {t.id for t in candidates}, recording=False)  # an older one closed
    pending_id = await ctx.db.run(save_pending_reply, person=person, text=text, source=source,
                                  task_ids=[t.id for t in candidates], sent_at=sent_time(conv, event))
    told = _told_by_notice(candidates)  # (an item number two notices have: told apart by the notice, not the unit)
    twice = len({t.item_ref for t in candidates}) < len(candidates)  # one item held for two units: say whose
    refs = [f"{t.item_ref} ({t.lead_name})" if twice and t.lead_name and t.id not in told else t.item_ref
            for t in candidates]
    notices = [texts.notice_label(t.notice.number, notice_title(t.notice)) for t in candidates] \
        if len({t.notice_id for t in candidates}) > 1 else None  # which notice each is (probe 23)
    question = question or texts.which_task(list(zip(refs, [t.text for t in candidates], strict=True)), text,
                                            buttons, notices=notices)
    await conv.reply(event, Outgoing(text=question, actions=which_actions(
        pending_id, [(t.id, ref) for t, ref in zip(candidates, refs, strict=True)], text, notices=told)))


def _holder_names(session: Session, task_ids: Sequence[int], own_id: int) -> list[str | None]:
    """Who holds each task: a full name, None for the person `own_id` (and a task nobody holds)."""
    tasks = [session.get_one(Task, task_id) for task_id in task_ids]
    return [t.assignee.full_name if t.assignee and t.assignee_id != own_id else None for t in tasks]


def _missed_offered_today(session: Session, task_ids: Sequence[int], today: dt.date,
                          calendar: WorkingCalendar) -> Task | None:
    """The one recurring duty among `task_ids` whose round was closed today while an earlier round is still not
    reported (the confirmation offered "… xong kỳ trước"), if only one is."""
    found = [task for task_id in task_ids if (task := session.get_one(Task, task_id)).occurrence_start is not None
             and done_today(session, task_id, today=today, calendar=calendar) and missed_before(session, task_id)]
    return found[0] if len(found) == 1 else None


def _told_by_notice(candidates: Sequence[Task]) -> dict[int, str]:
    """The notice number of each candidate whose item number a candidate of another notice has too (12/TB's and
    145/TB's II.2.a): what tells them apart on a button and in the form to type (probe 26, F1)."""
    notices: dict[str, set[int]] = {}
    for t in candidates:
        notices.setdefault(ref_key(t.item_ref), set()).add(t.notice_id)
    return {t.id: t.notice.number for t in candidates
            if len(notices[ref_key(t.item_ref)]) > 1 and t.notice.number and re.search(r"\d", t.notice.number)}


async def on_which_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    """The task chosen under "which task?": the kept text is applied to it, once."""
    ctx = conv.ctx
    _, pending_id, task_id, *every = event.data.split(":")
    if every == ["every"]:  # "Đúng, cả 3 mục": the kept text on each of them
        if not await _every_kept(conv, event, person, int(pending_id), int(task_id)):
            await conv.answer_tap(event, texts.STALE_BUTTON, alert=True)
            return
        await conv.clear_actions(event.channel, event.chat_id, event.on_message)
        return
    kept = await ctx.db.run(take_pending_reply, int(pending_id), person=person, task_id=int(task_id),
                            now=ctx.clock.now())
    if kept is None:
        await conv.answer_tap(event, texts.STALE_BUTTON, alert=True)
        return
    await conv.clear_actions(event.channel, event.chat_id, event.on_message)
    if kept.source in ("text", "reply") and kept.sent_at < asked_since(ctx):
        # "là của nhiệm vụ nào?" answered days later holds no more than "Ý đồng chí là mục …?" does (probe s43, E8:
        # a hand-off typed on Friday was stored as another item's progress by a tap four days later)
        ref = (await ctx.db.run(lambda s: s.get_one(Task, int(task_id)))).item_ref
        await conv.answer_tap(event)
        await conv.say(event, texts.which_lapsed(ref, kept.text, ctx.policy.calendar.local(kept.sent_at).date()))
        return
    if kept.source == SUPPORT_ASKED:  # a support report: to the unit chosen, or ("all") to every one of them
        chosen = set(kept.task_ids if every == ["all"] else [int(task_id)])
        ref = (await ctx.db.run(lambda s: s.get_one(Task, int(task_id)))).item_ref
        tasks = [t for t in await ctx.db.run(support_tasks_by_ref, person, ref) if t.id in chosen]
        if not tasks:  # closed or withdrawn meanwhile, or the unit no longer supports it
            await conv.say(event, texts.not_supporting(ref))
            return
        await _record_support(conv, event, person, ref, tasks, kept.text, every_holder=True)
        return
    task = await ctx.db.run(lambda s: s.get_one(Task, int(task_id)))
    if kept.source in (MEANT, MEANT_AGAIN):  # the button under "Ý đồng chí là mục …?": confirmed as "đúng" is
        await _whole_confirmed(conv, person, task, kept.text)
    words, far_date = _far_parts(kept.text) if kept.source == FAR_ASKED else (kept.text, None)
    await _apply_text(conv, event, person, task, words,
                      source="text" if kept.source in (MEANT, MEANT_AGAIN, EVERY_ASKED, PLAN_ASKED, FAR_ASKED)
                      else kept.source,
                      at=None if kept.source in (PLAN_ASKED, FAR_ASKED) else kept.sent_at, far_date=far_date)


async def on_round_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    """"Kỳ … cũng đã xong" under a round's confirmation: that missed round is closed, once."""
    _, task_id, occurrence_id = event.data.split(":")
    await conv.clear_actions(event.channel, event.chat_id, event.on_message)
    await _close_missed(conv, event, person, int(task_id), int(occurrence_id), None, "button", sent_time(conv, event))


async def _apply_text(conv: Conversation, event: Inbound, person: Person, task: Task, text: str, *, source: str,
                      quote: bool = False, at: dt.datetime | None = None, collect: Confirmations | None = None,
                      far_date: dt.date | None = None) -> bool:
    """`far_date`: the far lunar date the requester confirmed (`_ask_far_lunar`); `text` is then their own words."""
    ctx = conv.ctx
    if task.occurrence_start is not None and (paper := await ctx.db.run(_papers_item, task, text)) is not None:
        task = paper  # "IV.3 đã ban hành kế hoạch số 12, xong" once the paper is an item of its own: IV.3.a
    folded = chat_fold(text)
    if TaskStatus(task.status) == TaskStatus.DONE and \
            CORRECTION.search(chat_fold(event.text) if isinstance(event, TextIn) else folded) and \
            await ctx.db.run(_done_lately_by, task.id, person.id, asked_since(ctx)):
        return await _correct_done(conv, event, person, task, text, source=source, quote=quote, at=at,
                                   collect=collect)
    if TaskStatus(task.status) == TaskStatus.DONE and REOPEN_WORDS.search(folded):  # "bấm nhầm, chưa xong"
        await _record(conv, event, person, task.id, StatusUpdate(status=TaskStatus.IN_PROGRESS, reopen=True, note=text),
                      source, quote=quote, at=at, collect=collect)
        return True
    if person.role == Role.HEAD and isinstance(event, TextIn) and (who := handed_to(text)) is not None:
        # "2.1 giao cho đ/c Vận theo dõi": the task handed to a cadre, as "/giao 2.1 Vận" (probe s41: it was
        # recorded as progress)
        await delegate_command(conv, event, [task.item_ref, *who.split()], person)
        return True
    if person.role not in (Role.ADMIN, Role.LEADER) and (transfer := transfer_asked(text)) is not None:
        # "không thuộc chức năng của Sở …, đề nghị chuyển Sở …": the office's to decide, never progress (probe 21, F1)
        await _ask_transfer(conv, event, person, task, transfer, text)
        return True
    if (when := snooze_when(folded)) is not None:
        await _snooze(conv, event, person, task.id, _snooze_day(conv, when))
        return True
    if recalls_extension(text):  # "2.1 rút đề nghị gia hạn": the request taken back, not a new one
        await _recall_request(conv, event, person, task.id, task.item_ref)
        return True
    if (over := impossible_percent(text)) is not None:  # "110%": said, nothing stored
        await conv.say(event, texts.impossible_percent(task.item_ref, over))
        return True
    change = parse_status_text(text, today=ctx.today(), now=ctx.clock.now(), current_due=task.due_on,
                               calendar=ctx.policy.calendar,
                               task_text=task.text if task.occurrence_start is not None else None,
                               deliverable=task.text)
    asks_more_time = ASKS_EXTENSION.search(folded) is not None or (
        change is not None and change.status == TaskStatus.EXTENSION_REQUESTED)
    # asked about the task ("… là gì?"): show it, store nothing
    if QUESTION.search(question_fold(text)) and not asks_more_time:
        await show_card(conv, event, task.id, person)
        if OFFICE_MATTERS.search(folded) and not person.is_admin and isinstance(event, TextIn):
            # "báo cáo theo mẫu nào, gửi cho ai?": more than the card tells: the office answers it
            await office.ask(conv, event, person, text, task, after_card=True)
        return True
    if (change is None or (change.status is None and change.percent is None)) and change_percent(text):
        await conv.say(event, texts.change_not_share(task.item_ref, text))  # "giảm 20%": asked, nothing stored
        return True
    if change is None:
        await conv.say(event, texts.reply_not_understood())
        return True
    if change.status is None and ASKS_EXTENSION.search(folded):  # "xin gia hạn" with no date that reads as one
        change = StatusUpdate(status=TaskStatus.EXTENSION_REQUESTED, note=change.note)
    if far_date is not None and change.status == TaskStatus.EXTENSION_REQUESTED:
        change = dataclasses.replace(change, requested_due_on=far_date)  # the date asked about, not read again
    if change.status == TaskStatus.DONE and task.occurrence_start is None and \
            (finished := _finished_on(conv, text, at or sent_time(conv, event))) is not None:
        change = dataclasses.replace(change, done_at=finished)  # "xong từ 28/1, báo cáo muộn": judged by 28/1
    if change.status == TaskStatus.EXTENSION_REQUESTED and change.requested_due_on is None and \
            isinstance(event, TextIn) and await _extension_to_plan(conv, event, person, task):
        return True  # "7.d xin gia hạn" after "ngày dự kiến … muộn hơn thời hạn": to that date
    if change.status == TaskStatus.EXTENSION_REQUESTED:
        due = _check_has_deadline(task)  # before "đến ngày nào?": a standing duty is told so at once
        # no day said, or a time ("đến sau Tết", "đến cuối tháng") the deadline already runs to: "đến ngày nào?"
        vague = change.requested_due_on is not None and not NAMES_A_DAY.search(folded) and \
            not _later_than_deadline(task, change.requested_due_on, ctx.today(), ctx.policy.calendar)
        if (change.requested_due_on is None or vague) and isinstance(event, TextIn):  # a date sent next completes it
            await ctx.db.run(save_pending_reply, person=person, text=text, source=DATE_ASKED, task_ids=[task.id],
                             sent_at=sent_time(conv, event))
        if vague and change.requested_due_on is not None:
            calendar = ctx.policy.calendar
            await conv.say(event, texts.extension_date_unclear(task.item_ref, change.requested_due_on, due,
                                                               runs_to=calendar.effective_deadline(due)))
            return True
        if change.requested_due_on is None and (wrong := _impossible_day(text, ctx.clock.now())) is not None:
            # "xin gia hạn đến 31/2": the day does not exist, said as the draft's corrections say it (probe s19 C6)
            raise ExtensionInvalid(f"extension of task {task.id} to an impossible day",
                                   texts.extension_impossible_day(task.item_ref, *wrong))
        _check_requested_date(task, change, ctx.today(), ctx.policy.calendar)
        if collect is None and far_date is None and isinstance(event, TextIn) and change.requested_due_on is not None \
                and LUNAR_WORD.search(folded) and (change.requested_due_on - ctx.today()).days > texts.FAR_TET_DAYS:
            await _ask_far_lunar(conv, event, person, task, change.requested_due_on, text)
            return True
        waiting = await ctx.db.run(pending_date, person=person, since=asked_since(ctx), source=FAR_ASKED)
        if waiting is not None and waiting[1] == task.id:  # a date typed again instead: the far one asked is dropped
            await ctx.db.run(take_pending_reply, waiting[0], person=person, task_id=task.id, now=ctx.clock.now())
    if change.status == TaskStatus.DONE and collect is None and task.occurrence_start is None and \
            TaskStatus(task.status) == TaskStatus.DONE and not change.reopen:
        sent = at or sent_time(conv, event)
        named = change.done_at or _finished_on(conv, text, sent, today_too=True)
        if says_done(text) and (named is not None or says_more_than_done(text)):
            # ("xong" alone again, or "đã gửi báo cáo" after the "xong": told it is finished, as before)
            again = await ctx.db.run(done_again, task_id=task.id, actor=person, note=change.note or text,
                                     source=source, now=sent, today=ctx.today(), finished_at=named,
                                     said_done=says_done)
            local = ctx.policy.calendar.local
            await conv.say(event, texts.done_again(
                again.item_ref, local(again.done_before).date() if again.done_before else None,
                local(again.done_at).date() if again.done_at else None, again.redated, ctx.today()))
            return True
    await _record(conv, event, person, task.id, change, source, quote=quote, at=at,
                  earlier_round=EARLIER_ROUND.search(folded) is not None, collect=collect,
                  date_confirmed=far_date is not None,
                  both_rounds=task.occurrence_start is not None and BOTH_ROUNDS.search(folded) is not None,
                  one_off=task.occurrence_start is not None and change.status == TaskStatus.IN_PROGRESS
                  and one_off_step(text, task.text))
    if collect is None and change.status not in (TaskStatus.DONE, TaskStatus.EXTENSION_REQUESTED) and \
            isinstance(event, TextIn):
        await _planned_after_deadline(conv, event, person, task, text)
    return True


def _papers_item(session: Session, task: Task, text: str) -> Task | None:
    """The open one-off item under a recurring report duty's number (IV.3.a, split off "ban hành kế hoạch …; định kỳ
    hằng tháng báo cáo …" in the preview) whose paper a reply on the duty names, reporting no round; None if none or
    several."""
    under = session.scalars(select(Task).where(Task.notice_id == task.notice_id,
                                               Task.item_ref.startswith(f"{task.item_ref}.", autoescape=True),
                                               Task.occurrence_start.is_(None)))
    found = [t for t in under if not TaskStatus(t.status).is_closed and names_the_paper(text, t.text)]
    return found[0] if len(found) == 1 else None


# "nhầm, mục 5.2 mới đạt 30%", "nhập sai, chưa xong", "em báo nhầm": a "xong" just recorded taken back (on chat_fold
# text); only by the one who reported it, and only soon after (`_done_lately_by`)
CORRECTION = re.compile(r"\b(?:(?:bam|go|bao|nhap|ghi)\s+)?nham\b|\b(?:nhap|go|bao|ghi)\s+sai\b"
                        r"|\bchua\s+(?:xong|hoan\s+thanh)\b")


# "nhầm,", "em báo nhầm ạ:", "xin lỗi, gõ sai" opening a correction (folded): said to the bot, not the progress
_MISTAKE_SAID = re.compile(r"^(?:(?:da|em|toi|minh|xin loi)\W*\s*)*(?:(?:bam|go|bao|nhap|ghi)\s+)?(?:nham|sai)\b"
                           r"(?:\s+(?:roi|a|nhe))*\s*[,.:;!–-]*\s*")


def _without_mistake_said(note: str) -> str:
    """A correction's note without the words that say it is one: "nhầm, mới đạt 50%" → "mới đạt 50%" (probe 37,
    #8: the leader read "nhầm, mới 50%" as the unit's progress)."""
    squeezed, folded = squeezed_and_folded(note)
    if squeezed == folded != " ".join(nfc(note).split()):  # (marks with no letter: no positions to cut by)
        return note
    m = _MISTAKE_SAID.match(folded)
    rest = squeezed[m.end():].strip() if m is not None else ""
    return rest or note


def _done_lately_by(session: Session, task_id: int, person_id: int, since: dt.datetime) -> bool:
    """Whether the task's last report is the "xong" that `person_id` sent since `since` (a correction of it is taken
    without "mở lại": probe 36, F3)."""
    last = session.scalar(select(StatusReport).where(StatusReport.task_id == task_id)
                          .order_by(StatusReport.id.desc()).limit(1))
    if last is None or last.status != TaskStatus.DONE or last.person_id != person_id:
        return False
    created = last.created_at if last.created_at.tzinfo is not None else last.created_at.replace(tzinfo=dt.UTC)
    return created >= since


def _last_done_by(session: Session, person_id: int, since: dt.datetime) -> Task | None:
    """The task a person's latest report (since `since`) finished, while that "xong" is still its last word."""
    last = session.scalar(select(StatusReport).where(StatusReport.person_id == person_id)
                          .order_by(StatusReport.id.desc()).limit(1))
    if last is None or last.status != TaskStatus.DONE or not _done_lately_by(session, last.task_id, person_id, since):
        return None
    task = session.get_one(Task, last.task_id)
    return task if TaskStatus(task.status) == TaskStatus.DONE else None


async def _correct_done(conv: Conversation, event: Inbound, person: Person, task: Task, text: str, *, source: str,
                        quote: bool, at: dt.datetime | None, collect: Confirmations | None) -> bool:
    """"nhầm, mục 5.2 mới đạt 30%" after "mục 5.2 xong": the task reopened with what the correction says (its share,
    its difficulty), kept in its history, confirmed as a correction; the head is told as of any update."""
    ctx = conv.ctx
    said = parse_status_text(text, today=ctx.today(), now=ctx.clock.now(), current_due=task.due_on,
                             calendar=ctx.policy.calendar)
    status = said.status if said is not None and said.status not in (None, TaskStatus.DONE,
                                                                     TaskStatus.EXTENSION_REQUESTED) \
        else TaskStatus.IN_PROGRESS
    change = StatusUpdate(status=status, percent=said.percent if said is not None and said.percent != 100 else None,
                          note=_without_mistake_said(said.note if said is not None and said.note else text),
                          reopen=True)
    log.info("done of task %s corrected by %s", task.id, person.handle)
    collected: Confirmations = [] if collect is None else collect
    await _record(conv, event, person, task.id, change, source, quote=quote, at=at, collect=collected)
    if collect is None:
        await confirm_together(conv, event, collected, [texts.done_corrected(task.item_ref)])
    return True


# a date the unit plans to finish by, said with its progress: "dự kiến xong 20/5", "dự kiến hoàn thành trước ngày
# 20/5", "phấn đấu xong 20/5" (on folded text, character for character)
PLANNED = re.compile(r"\b(?:du kien|du tinh|phan dau|uoc tinh|theo ke hoach|chac)\s+(?:se\s+)?"
                     r"(?:(?:xong|hoan thanh|hoan tat|ban hanh|trinh|gui|nop)\s+)?"
                     r"(?:(?:vao|truoc|trong|den|toi|khoang|cham nhat)\s+)?(?:ngay\s+)?")
PLAN_ASKED = "plan"  # a pending reply's source: an extension to the planned date, offered under a progress report
# a planned month or quarter: "dự kiến xong tháng 6", "trong tháng 6/2026", "quý III", "quy 3/2026" (folded)
_PLANNED_PERIOD = re.compile(r"(?:thang\s+(?P<month>\d{1,2})|quy\s+(?P<quarter>iv|i{1,3}|[1-4]))(?![\w.])"
                             r"(?:\s*(?:/|nam)\s*(?P<year>\d{4}))?")
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _planned_period(folded: str, today: dt.date) -> dt.date | None:
    """The last day of the month or quarter a plan names at the start of `folded` ("tháng 6" -> 30/06), this year
    or, once past, the next; None for anything else (probe 23: "dự kiến xong tháng 6" offered no extension)."""
    m = _PLANNED_PERIOD.match(folded)
    if m is None:
        return None
    if m.group("month"):
        month = int(m.group("month"))
    else:
        quarter = m.group("quarter")
        month = 3 * (int(quarter) if quarter.isdigit() else _QUARTERS[quarter])
    if not 1 <= month <= 12:
        return None
    year = int(m.group("year")) if m.group("year") else today.year + (month < today.month)
    return (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))


async def _planned_after_deadline(conv: Conversation, event: TextIn, person: Person, task: Task, text: str) -> None:
    """"7.d đang làm, dự kiến xong 20/5" on a task due 15/5: recorded (by the caller), then said that the planned
    date is after the deadline, the extension to it one tap or a typed "xin gia hạn" away (probe 22, F8)."""
    ctx = conv.ctx
    squeezed, folded = squeezed_and_folded(text)
    if task.due_on is None or (m := PLANNED.search(folded)) is None:
        return
    found = leading_when(squeezed[m.end():], now=ctx.clock.now(), calendar=ctx.policy.calendar)
    calendar = ctx.policy.calendar
    planned = found[0].date if found is not None else _planned_period(folded[m.end():], ctx.today())
    if planned is None or not _later_than_deadline(task, planned, ctx.today(), calendar):
        return
    pending_id = await ctx.db.run(save_pending_reply, person=person, text=f"xin gia hạn đến {planned:%d/%m/%Y}",
                                  source=PLAN_ASKED, task_ids=[task.id], sent_at=sent_time(conv, event))
    buttons = conv.channel(event.channel).capabilities.buttons
    await conv.reply(event, Outgoing(
        text=texts.planned_after_deadline(task.item_ref, planned, task.due_on, buttons=buttons,
                                          runs_to=calendar.effective_deadline(task.due_on)),
        actions=((Action(label=texts.plan_button(planned), data=f"w:{pending_id}:{task.id}", typed="xin gia hạn"),),)))


LUNAR_WORD = re.compile(r"\b(?:tet|gieng|ram)\b")  # a date said by the lunar year (folded text)
FAR_ASKED = "far"  # a pending reply's source: a Tết/Giêng date far ahead, asked back before the request is sent


async def _ask_far_lunar(conv: Conversation, event: TextIn, person: Person, task: Task, requested: dt.date,
                         words: str) -> None:
    """"xin gia hạn … đến sau rằm tháng Giêng" typed in April: the date read is the next lunar year's, ~10 months
    away, so nothing is sent yet: the requester is asked back once, the request to that date one tap (or a typed
    "đúng" within MEANT_FOLLOWS) away (probe 23, F1). Kept: the date and the requester's `words` (their reason goes
    to the deciders as any request's does: `_far_parts`)."""
    ctx = conv.ctx
    pending_id = await ctx.db.run(save_pending_reply, person=person,
                                  text=f"xin gia hạn đến {requested:%d/%m/%Y}\n{words}",
                                  source=FAR_ASKED, task_ids=[task.id], sent_at=sent_time(conv, event))
    buttons = conv.channel(event.channel).capabilities.buttons
    await conv.reply(event, Outgoing(
        text=texts.far_lunar_question(task.item_ref, requested, ctx.today(), buttons=buttons),
        actions=((Action(label=texts.far_lunar_button(requested), data=f"w:{pending_id}:{task.id}",
                         typed="đúng"),),)))


def _far_parts(kept: str) -> tuple[str, dt.date | None]:
    """A far request kept by `_ask_far_lunar`: (the requester's words, the date asked about); a row kept before
    session 23 holds only "xin gia hạn đến DD/MM/YYYY": (those, None)."""
    first, _, words = kept.partition("\n")
    try:
        return (words, dt.datetime.strptime(first.rsplit(" ", 1)[-1], "%d/%m/%Y").date()) if words else (kept, None)
    except ValueError:
        return kept, None


async def _confirm_far(conv: Conversation, event: TextIn, person: Person) -> bool:
    """"đúng" after "Đồng chí đề nghị gia hạn … đến 22/02/2027 (…khoảng 10 tháng nữa)?": the request sent, as today."""
    ctx = conv.ctx
    waiting = await ctx.db.run(pending_date, person=person, since=asked_since(ctx), source=FAR_ASKED)
    if waiting is None:
        return False
    kept = await ctx.db.run(take_pending_reply, waiting[0], person=person, task_id=waiting[1], now=ctx.clock.now())
    if kept is None:
        return False
    task = await ctx.db.run(lambda s: s.get_one(Task, waiting[1]))
    words, far_date = _far_parts(kept.text)
    return await _apply_text(conv, event, person, task, words, source="text", far_date=far_date)


async def _extension_to_plan(conv: Conversation, event: Inbound, person: Person, task: Task | None = None) -> bool:
    """"xin gia hạn" (no date) after the bot said the planned date is after the deadline: the request to that date,
    on that task (`task`: only if it is that one); False when nothing was offered so."""
    ctx = conv.ctx
    waiting = await ctx.db.run(pending_date, person=person, since=asked_since(ctx), source=PLAN_ASKED)
    if waiting is None or (task is not None and waiting[1] != task.id):
        return False
    kept = await ctx.db.run(take_pending_reply, waiting[0], person=person, task_id=waiting[1], now=ctx.clock.now())
    if kept is None:
        return False
    task_id = waiting[1]
    planned_on = task if task is not None else await ctx.db.run(lambda s: s.get_one(Task, task_id))
    return await _apply_text(conv, event, person, planned_on, kept.text, source="text")


async def _ask_transfer(conv: Conversation, event: Inbound, person: Person, task: Task, transfer: Transfer,
                       text: str) -> None:
    """A task said not to be the unit's, or asked to go to another unit: the admins get the words and the form that
    moves it (the unit named, when the directory has it); the person is told so; no progress is stored."""
    ctx = conv.ctx
    asked = await ctx.db.run(ask_transfer, by=person, task_id=task.id, unit_words=transfer.unit_words,
                             now=ctx.clock.now())
    await conv.say(event, texts.transfer_asked_text(asked))
    if asked.already_led or asked.repeated:  # (probe 23, F7) nothing new for the office
        return
    for admin in asked.admins:
        address = conv.address_of(admin)
        button = asked.unit_id is not None and address is not None and \
            conv.channel(address[0]).capabilities.buttons  # (probe 24, F9) the move in one tap
        actions = ((Action(label=texts.BUTTON_MOVE, data=f"m:{asked.task_id}:{asked.unit_id}",
                            typed=asked.form),),) if button else ()
        await conv.notify(admin, Outgoing(text=texts.transfer_asked_to_admin(admin.full_name, asked,
                                                                             " ".join(nfc(text).split()),
                                                                             button=button), actions=actions))
    if asked.head is not None:  # the head answering for the unit's tasks hears of it too, once
        await conv.notify(asked.head, Outgoing(text=texts.move_asked_to_head(asked.head.full_name, asked)))


# "đã xong từ 28/1", "hoàn thành ngày 03/02", "xong hôm 27/1": the day the work was finished (folded text)
# (also the paper that was the work, said sent on a day: "mục 3 đã trình UBND huyện từ ngày 17/12 rồi", "đã gửi báo
# cáo hôm 20/12" — probe 7, #18: recorded as finished the day it was said, late)
# (and a report made in person, on the day said: "mục 8 đã báo cáo Chủ tịch tại cuộc họp giao ban chiều 28/4 rồi" —
# probe 9, #1: the deadline day; a part of the day before the date, "chiều 28/4", "sáng ngày 28/4", is that day)
FINISHED_ON = re.compile(r"\b(?:xong|hoan thanh|hoan tat)\s+(?:(?:tu|vao|hom|ngay|luc|tu hom|tu ngay|vao ngay)\s+)+|"
                         r"\bda\s+(?:trinh|gui|nop|ban hanh|bao cao)\b"
                         r"(?:\s+(?!(?:tu|vao|hom|ngay|sang|chieu|trua|toi)\b)[^\s,.;]+){0,10}?\s+"
                         r"(?:(?:tu|vao|hom|ngay|tu hom|tu ngay|vao ngay|sang|chieu|trua|toi)\s+)+(?=\d)")
FINISHED_BACK = dt.timedelta(days=183)  # a day said further back is not taken as when the work was finished


def _finished_on(conv: Conversation, text: str, sent: dt.datetime, *, today_too: bool = False) -> dt.datetime | None:
    """The day a report says the work was finished, when it is before the day it was sent (`today_too`: or that day)
    and within half a year: noon of that day, local time; None when it says none, or a day not yet come."""
    squeezed, folded = squeezed_and_folded(text)
    calendar = conv.ctx.policy.calendar
    sent_day = calendar.local(sent).date()
    for cue in FINISHED_ON.finditer(folded):
        try:
            found = leading_when(squeezed[cue.end():], now=sent, calendar=calendar)
        except WhenUnclear:
            found = None
        if found is None:
            continue
        day = found[0].date
        if not re.match(r"\s*(?:ngay\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d", folded[cue.end():]):
            # no year typed ("28/1", which the parser reads as the next 28/1): the latest such day before today
            with contextlib.suppress(ValueError):
                this_year = day.replace(year=sent_day.year)
                day = this_year if this_year < sent_day else this_year.replace(year=sent_day.year - 1)
        if sent_day - FINISHED_BACK <= day < sent_day or (today_too and day == sent_day):
            return dt.datetime.combine(day, dt.time(12), tzinfo=calendar.tz)
    return None


# a day said in so many words ("đến 20/2", "đến ngày 5", "thứ 6"), or a count ("5 ngày làm việc"): a date asked that
# is no later than the deadline is refused as such; without one ("đến sau Tết") the bot asks for the date
NAMES_A_DAY = re.compile(r"\b(?:den|toi|truoc|sang|qua|ngay|thu|het)\s+(?:ngay\s+|het\s+ngay\s+)?\d"
                         r"|\d\s*(?:ngay|tuan|thang)\b")


def _later_than_deadline(task: Task, wanted: dt.date, today: dt.date, calendar: WorkingCalendar) -> bool:
    """Whether a date asked is after today and after the deadline as it runs (a day off: the next working day)."""
    runs_to = calendar.effective_deadline(task.due_on) if task.due_on is not None else None
    return wanted > today and (runs_to is None or calendar.effective_deadline(wanted) > runs_to)


_DAY_TYPED = re.compile(r"(?<![\d/.-])\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?(?![\d/.-])")


def _impossible_day(text: str, now: dt.datetime) -> tuple[str, str] | None:
    """What the calendar says of a day typed that does not exist ("Ngày “31/2” không có trong lịch."), and that day
    as typed; None when every day typed exists (or none is typed)."""
    for typed in _DAY_TYPED.finditer(text):
        try:
            parse_when(typed.group(), now=now)
        except WhenUnclear as exc:
            if "không có trong lịch" in exc.problem:
                return exc.problem, typed.group()
    return None


def _check_has_deadline(task: Task) -> dt.date:
    """A standing duty has no deadline to move: said plainly, nothing sent to the approvers (probe s19 C3)."""
    if task.due_on is None:
        raise ExtensionInvalid(f"extension of task {task.id} without a deadline",
                               texts.extension_no_deadline(task.item_ref))
    return task.due_on


def _check_requested_date(task: Task, change: StatusUpdate, today: dt.date, calendar: WorkingCalendar) -> None:
    """An extension request needs a date, later than today and than the current deadline as it runs (a deadline
    on a day off runs to the next working day: "đến sau Tết" for a deadline inside Tết asks for nothing); else the
    person is told and nothing is stored or sent to the approvers."""
    wanted = change.requested_due_on
    due = _check_has_deadline(task)
    if wanted is None:
        raise ExtensionInvalid(f"extension of task {task.id} without a date", texts.extension_needs_date(task.item_ref))
    runs_to = calendar.effective_deadline(due)
    if wanted <= today or calendar.effective_deadline(wanted) <= runs_to:
        raise ExtensionInvalid(f"extension of task {task.id} to {wanted} (due {task.due_on}, runs to {runs_to})",
                               texts.extension_not_later(task.item_ref, wanted, task.due_on, today, runs_to=runs_to))


def snooze_when(folded: str) -> str | None:
    """When a snooze asks to be reminded ("" for "nhắc lại" alone), or None if the text is no snooze."""
    m = SNOOZE.search(folded)
    if m is None:
        return None
    return (m.group("when") if m.group("when") is not None else m.group("to") or m.group("first") or "").strip()


def _snooze_day(conv: Conversation, when: str) -> dt.date:
    """"tuần sau", "mai", "thứ 6", "5/6", "sau 3 ngày", "3 ngày nữa"… (empty: the next working day); a day off
    becomes the working day after it."""
    when = re.sub(r"^(?:de|cu|vao|toi|den)\s+", "", when.strip(" .,"))
    calendar, today = conv.ctx.policy.calendar, conv.ctx.today()
    if re.fullmatch(r"\d{1,2}\s*(?:ngay|tuan|thang)(?:\s+nua)?", when):  # "3 ngày": counted from today
        when = "sau " + when
    if not when or when in ("sau", "mai", "ngay mai"):
        return calendar.next_working_day(today)
    if when in ("tuan sau", "tuan toi", "sau tuan sau"):
        return today + dt.timedelta(days=7 - today.weekday())
    try:
        day = parse_when(when, now=conv.ctx.clock.now(), calendar=calendar).date
    except WhenUnclear:
        return calendar.next_working_day(today)
    return day if calendar.is_working_day(day) else calendar.next_working_day(day)


DATE_AFTER_ASK = re.compile(r"^\s*(?:(?:xin\s+)?(?:gia\s*hạn|gia\s*han|lùi|lui)\s+)?(?:đến|den|tới|toi|sang)\s+",
                            re.I)
DATE_FOLLOWS = dt.timedelta(hours=24)  # a date sent this long after "đến ngày nào?" still answers it


async def date_for_extension(conv: Conversation, event: TextIn, person: Person) -> bool:
    """"đến 12/9" (typed, or in reply to "đồng chí đề nghị gia hạn mục 3 đến ngày nào?"): the date an extension
    request typed without one was waiting for — the request goes ahead with it."""
    m = DATE_AFTER_ASK.match(event.text)
    if m is None:
        return False
    ctx = conv.ctx
    found = leading_when(event.text[m.end():], now=ctx.clock.now(), calendar=ctx.policy.calendar)
    if found is None or len(found[1].split()) > 8:
        return False
    waiting = await ctx.db.run(pending_date, person=person, since=ctx.clock.now() - DATE_FOLLOWS)
    if waiting is None:
        return False
    pending_id, task_id, asked = waiting
    task = await ctx.db.run(lambda s: s.get(Task, task_id))
    if task is None or TaskStatus(task.status).is_closed:  # withdrawn or finished since "đến ngày nào?": nothing waits
        return False
    change = StatusUpdate(status=TaskStatus.EXTENSION_REQUESTED, requested_due_on=found[0].date,
                          note=f"{asked} — {event.text.strip()}")
    _check_requested_date(task, change, ctx.today(), ctx.policy.calendar)  # (a date refused: another may follow)
    if await ctx.db.run(take_pending_reply, pending_id, person=person, task_id=task_id, now=ctx.clock.now()) is None:
        return False
    await _record(conv, event, person, task.id, change, "text")
    return True


async def typed_hand_off(conv: Conversation, event: TextIn, person: Person) -> bool:
    """A head's "Chuyển mục II.2.a cho đ/c Hoa xử lý", typed or in reply: the task handed to that cadre, as
    "/giao II.2.a Hoa" (probe s43, E7: it was kept as progress and asked which task it was of). False otherwise."""
    if person.role != Role.HEAD or (handed := handed_item(event.text)) is None:
        return False
    ref, who = handed
    await delegate_command(conv, event, [ref, *who.split()], person)
    return True


async def typed_status(conv: Conversation, event: TextIn, person: Person) -> bool:
    """"2.1 xong" from someone with an open task 2.1; "xong" alone from someone with one open task
    (with several, the bot lists them to type back); "mở lại 2.1"; "2.1 nhắc lại tuần sau"; several items in
    one message ("2.1, 2.2 xong", "2.1 xong, 2.3 đang làm 70%"); an item number said later ("xong mục 2.1").
    False if the text is none of these."""
    ctx = conv.ctx
    text = event.text
    if len(text) > MAX_TYPED:
        return False
    squeezed, folded = squeezed_and_folded(text)
    if person.role in (Role.LEADER, Role.ADMIN) and (asked := ITEM_ASKED.match(folded.strip())) and \
            not await _tasks_for_ref(conv, person, squeezed.strip()[asked.start("ref"):asked.end("ref")]):
        ref = squeezed.strip()[asked.start("ref"):asked.end("ref")]  # "1?" from a leader: how the units stand on it
        if every := await ctx.db.run(office_tasks_by_ref, person, ref):
            await conv.say(event, texts.item_status_answer(ref, [_overview_row(t) for t in every], ctx.today()))
            return True
    if m := REOPEN.match(folded):
        return await _reopen(conv, event, person, squeezed[m.start("ref"):m.end("ref")])
    if m := SUPPORT.match(folded):
        return await _support_report(conv, event, person, squeezed[m.start("ref"):m.end("ref")], text)
    if SOFT_YES.fullmatch(chat_fold(text).strip(" .!")) and (kind := await _just_asked(conv, person)) and \
            await {MEANT: _confirm_meant, EVERY_ASKED: _confirm_every, FAR_ASKED: _confirm_far}[kind](
                conv, event, person):
        return True  # "dạ vâng", "ok" just after "Ý đồng chí là mục 1.a?", "… cho cả 3 mục, đúng không?" or the far
        # date asked back: a yes (it was taken for a thank-you, unsaid)
    if YES.fullmatch(chat_fold(text).strip(" .!")) and (await _confirm_every(conv, event, person)
                                                        or await _confirm_meant(conv, event, person)
                                                        or await _confirm_far(conv, event, person)
                                                        or await _meant_gone(conv, event, person)):
        return True  # "đúng" to "ý đồng chí là mục 3?", to "… cho cả 3 mục, đúng không?"
    if BARE_EXTENSION.fullmatch(chat_fold(text).strip(" .!")) and await _extension_to_plan(conv, event, person):
        return True  # "xin gia hạn" after "ngày dự kiến … muộn hơn thời hạn": to that date, on that task
    parts = split_refs(text)
    if parts is None and (number := BARE_NUMBER.match(folded)) is not None:
        which_asked = await ctx.db.run(pending_which, person=person, since=asked_since(ctx),
                                       sources=WHICH_ASKED)
        if which_asked is not None or await _tasks_for_ref(conv, person, number["ref"]):
            return await _bare_item(conv, event, person, number["ref"])  # "3": the answer to "which?", or the card
    if parts is None and (number := BARE_DOTTED.match(folded)) is not None:
        # "2.1" alone: an item number (no share, no date says itself so) — its card, the answer to "which?", or, for
        # an item the person does not hold, the numbers they do (probe 46: "chưa hiểu")
        return await _bare_item(conv, event, person, number["ref"])
    if parts is None:  # item numbers said later: "Dạ mục 1.1 đã xong, 1.2 đang chờ thẩm định"
        parts = find_refs(text)
    if parts is None:
        parts = await _lettered(conv, person, text)
    if parts is None and _only_thanks(text):  # "da nhan, phong se trien khai": taken on, nothing to record or ask
        return False
    if parts is None and CORRECTION.search(chat_fold(text)) and \
            (mistaken := await ctx.db.run(_last_done_by, person.id, asked_since(ctx))) is not None:
        # "em báo nhầm, chưa xong ạ" with no item number (Zalo has no reply): the "xong" this person just sent
        return await _apply_text(conv, event, person, mistaken, text, source="text")
    if parts is None:
        change = parse_status_text(text, today=ctx.today(), now=ctx.clock.now(), calendar=ctx.policy.calendar)
        is_snooze = snooze_when(folded) is not None or ASKS_EXTENSION.search(folded) is not None
        # "không thuộc đơn vị tôi": a task to move, asked about as a status is (person.role: the office moves it)
        transfer = transfer_asked(text) is not None and person.role not in (Role.ADMIN, Role.LEADER)
        if not is_snooze and not transfer and change is not None and change.status is None and \
                not QUESTION.search(question_fold(text)):
            # "UBND xã đã xây dựng kế hoạch khắc phục tồn tại, hạn chế": no status word, no item number, but the
            # words of one of the person's tasks — a report on it, asked about rather than "chưa hiểu"
            return await _ask_quoted(conv, event, person, text)
        if not is_snooze and not transfer and (change is None or change.status is None):
            return False
        if recalls_extension(text):  # "rút đề nghị gia hạn": their own request waiting, whichever task it is on
            own = [r for r in await ctx.db.run(pending_extensions) if r.requester_id == person.id]
            if len(own) == 1:
                await _recall_request(conv, event, person, own[0].task_id, own[0].item_ref)
            elif own:
                await conv.say(event, texts.which_request_to_recall([r.item_ref for r in own]))
            else:
                await conv.say(event, texts.no_request_to_recall())
            return True
        opening = await ctx.db.run(_opening_unit, text)
        if opening is not None and opening[0] != person.unit_id:  # "thôn 6 báo cáo rồi": another unit's report
            return await _office_unnumbered(conv, event, person, opening[1], folded) if person.is_admin else False
        tasks = await ctx.db.run(open_tasks_for, person)
        if change is not None and change.status == TaskStatus.DONE and BOTH_ROUNDS.search(folded) and \
                (offered := await ctx.db.run(_missed_offered_today, [t.id for t in tasks], ctx.today(),
                                             ctx.policy.calendar)) is not None:
            # "xong cả 2" typed (Zalo has no reply) after a round closed today with a missed one offered: that one
            return await _apply_text(conv, event, person, offered, text, source="text")
        if not tasks and not person.is_admin and (unit_tasks := await ctx.db.run(unit_open_tasks, person)):
            # a cadre holding none herself, whom /viec told she may report for the unit's tasks: which of them
            # (asked even for one: it is a colleague's task) (probe 21, F8)
            unit = unit_tasks[0].lead_name if unit_tasks[0].lead_unit else None
            if len(unit_tasks) > 1 and every_task(text) in (0, len(unit_tasks)) and not transfer and \
                    change is not None and change.status is not None:
                if _asks_before_closing(conv, unit_tasks, text, change):
                    return await _ask_every(conv, event, person, unit_tasks, text)
                return await _apply_to_every(conv, event, person, unit_tasks, text)
            buttons = conv.channel(event.channel).capabilities.buttons
            rows = [(t.item_ref, t.text) for t in unit_tasks]
            await _ask_which(conv, event, person, unit_tasks, text, "text", texts.which_task(rows, text, buttons,
                                                                                             unit=unit))
            return True
        if not tasks:
            if person.is_admin:
                return False
            await conv.say(event, texts.no_open_tasks())
            return True
        # (an extension asked is among them, as a report is: "xin gia hạn báo cáo tháng 3" of the item he handed to a
        # cadre, probe 39 #2; "hoãn nhắc" is about his own reminders only)
        handed = await ctx.db.run(unit_open_tasks, person) if person.headed_unit_ids and \
            snooze_when(folded) is None and not transfer and every_task(text) is None else []
        # ("cả hai mục em làm xong": his own, counted)
        if handed:  # a head's "xong" with no item number: his unit's items in a cadre's hands (he may update them)
            tasks = in_item_order([*tasks, *handed])  # could be meant too: asked which, never his own closed (probe 28)
        if len(tasks) > 1 and change is not None and change.status == TaskStatus.DONE and \
                (of_period := _rounds_of_period(conv, tasks, text)):
            if len(of_period) > 1 and _says_all(text):  # "tuần này đã báo cáo đủ": each weekly round, one answer
                collected: Confirmations = []
                bare = len(PERIOD_REPORT_WORDS.sub(" ", chat_fold(text)).split()) < 2  # says nothing but "sent"
                for one in of_period:
                    if bare:  # not quoted back under each round, nor to the leader as the unit's words
                        await _record(conv, event, person, one.id, StatusUpdate(status=TaskStatus.DONE, percent=100),
                                      "text", collect=collected)
                    else:
                        await _apply_text(conv, event, person, one, text, source="text", collect=collected)
                await confirm_together(conv, event, collected)
                return True
            tasks = of_period  # "tuần này đã báo cáo": the weekly duties, not the standing ones
        if len(tasks) > 1 and not transfer and change is not None and change.status is not None and \
                every_task(text) in (0, len(tasks)):
            # "cả hai mục em làm xong hết rồi", "2 việc đều xong rồi ạ": each of the person's tasks (probe 21, F5)
            if _asks_before_closing(conv, tasks, text, change):  # "đã hoàn thành tất cả": asked once (probe 22, F7)
                return await _ask_every(conv, event, person, tasks, text)
            return await _apply_to_every(conv, event, person, tasks, text)
        if len(tasks) > 1 and (round_due := await _report_meant(conv, person, tasks, folded)) is not None:
            tasks = [round_due]  # "báo cáo rồi" on the day a report is due: that round
        asks_time = ASKS_EXTENSION.search(folded) is not None or (
            change is not None and change.status == TaskStatus.EXTENSION_REQUESTED)
        if len(tasks) > 1 and asks_time and (dated := [t for t in tasks if t.due_on is not None]):
            tasks = dated  # "xin gia hạn đến 30/4": only a task with a deadline can be given more time
        if len(tasks) > 1 and asks_time and re.search(r"\bbao cao\s+(?:thang|quy|tuan)\b", chat_fold(text)) and \
                len(periodic := [t for t in tasks if t.occurrence_start is not None]) == 1:
            tasks = periodic  # "xin gia hạn báo cáo tháng 3": the one periodic report among them (probe 39, #2)
        if len(tasks) > 1 and not is_snooze and await _ask_quoted(conv, event, person, text, tasks):
            return True  # "đã xây dựng xong kế hoạch tuyên truyền": the one task whose words it repeats, asked
        if len(tasks) > 1:
            unit = next((t.lead_name for t in handed if t.lead_unit), None)  # "Sở … đang có 2 nhiệm vụ", not "đồng chí"
            holders = await ctx.db.run(_holder_names, [t.id for t in tasks], person.id) if handed else None
            await _ask_which(conv, event, person, tasks, text, "text", texts.which_task(
                [(t.item_ref, t.text) for t in tasks], text, conv.channel(event.channel).capabilities.buttons,
                unit=unit, holders=holders) if unit and len({t.notice_id for t in tasks}) == 1 else None)
            return True
        if not handed and not is_snooze and not transfer and not asks_time and not person.is_admin and \
                await _ask_own_or_unit(conv, event, person, tasks[0], text):
            return True  # "xã đã trồng thêm 12ha, đạt 70% kế hoạch" from the holder of the monthly report round only
        return await _apply_text(conv, event, person, tasks[0], text, source="text")
    parts, read_as = await _positions(conv, person, parts)
    if len(parts) == 1 and len(parts[0][0]) == 1 and _bare(parts[0][1]):
        # "II.4.a", "mục II.4.c ạ": an item number alone — the answer to "là của nhiệm vụ nào?", else its card; never
        # a status (probe 21, F2)
        return await _bare_item(conv, event, person, parts[0][0][0])
    if len(parts) == 1 and len(parts[0][0]) == 1 and (below := impossible_percent(text)) is not None and below < 0:
        # "1 -20%": the dash is no separator after the item (probe s19: stored as 20 %)
        await conv.say(event, texts.impossible_percent(parts[0][0][0], below))
        return True
    if len(parts) == 1 and len(parts[0][0]) == 1 and not read_as:
        return await _typed_for_ref(conv, event, person, parts[0][0][0], parts[0][1], alone=True)
    handled, collected, refused = False, Confirmations(), []
    held = {ref for refs, _ in parts for ref in refs if await _tasks_for_ref(conv, person, ref)}
    ranged = RANGE.search(chat_fold(text)) is not None
    unknown = [ref for refs, _ in parts for ref in refs if ref not in held]
    if held and unknown and ranged:  # "mục 1 đến mục 5 đã xong": the items of the range this person holds
        log.info("items %s of a range not held by %s: left out", unknown, person.handle)
        parts = [([ref for ref in refs if ref in held], rest) for refs, rest in parts]
    elif held and unknown:  # "1, 7 xong" with no item 7: said once, in the one confirmation
        refused += [texts.unknown_ref(ref) for ref in unknown]
        parts = [([ref for ref in refs if ref in held], rest) for refs, rest in parts]
    for refs, rest in parts:  # each item named gets what was said of it; one message confirms them all
        for ref in refs:
            try:
                handled = await _typed_for_ref(conv, event, person, ref, rest, alone=False,
                                               collect=collected) or handled
            except NhacViecError as exc:  # one item refused ("1" finished already): the others still count
                log.info("item %s of a list refused: %s (%s)", ref, exc.reason, type(exc).__name__)
                refused.append(exc.user_message)
                handled = True
    if handled and read_as and (collected or refused):
        # "2.1 xong" read as 2.a: said under the confirmation, with how the items are numbered (an item answered on its
        # own — a move asked, its card — is named there: no message of its own for the note, month probe 25); once
        # per person and notice, then the confirmation naming the item is enough
        first = await conv.ctx.db.run(_first_read_back, person.id, [p.notice_id for p in read_as],
                                      now=conv.ctx.clock.now())
        if told := [p for p in read_as if p.notice_id in first]:
            refused.append(texts.read_as_position([(p.typed, p.item_ref) for p in told], told[0].siblings))
    await confirm_together(conv, event, collected, refused)
    return handled


async def _apply_to_every(conv: Conversation, event: Inbound, person: Person, tasks: Sequence[Task], text: str,
                          source: str = "text", at: dt.datetime | None = None) -> bool:
    """What a message says of every task it is about ("xong cả 2", "tất cả các mục đã hoàn thành"), applied to each
    of `tasks`; one message confirms them all."""
    collected: Confirmations = []
    refused: list[str] = []
    for task in tasks:
        try:
            await _apply_text(conv, event, person, task, text, source=source, collect=collected, at=at)
        except NhacViecError as exc:  # one refused (finished meanwhile): the others still count
            log.info("task %s of an 'every task' message refused: %s", task.id, exc.reason)
            refused.append(exc.user_message)
    await confirm_together(conv, event, collected, refused)
    return True


EVERY_ASKED = "every"  # a pending reply's source: a text that would close several tasks at once, asked "đúng không?"
FAR_OFF = dt.timedelta(days=45)  # a deadline this far ahead is not closed by a message that only counts the tasks


def _asks_before_closing(conv: Conversation, tasks: Sequence[Task], text: str, change: StatusUpdate) -> bool:
    """Whether a message said of all of a person's tasks closes them only once confirmed: it closes them ("xong",
    "hoàn thành") and either does not count them ("Phường đã hoàn thành tất cả các nội dung" over seven tasks) or one
    of them is due far off. "cả hai mục em làm xong hết rồi" (counted, nothing far off) is recorded at once."""
    if change.status != TaskStatus.DONE or len(tasks) < 2:
        return False
    far = conv.ctx.today() + FAR_OFF
    return every_task(text) == 0 or any(t.due_on is not None and t.due_on > far for t in tasks)


async def _ask_every(conv: Conversation, event: Inbound, person: Person, tasks: Sequence[Task], text: str, *,
                     section: str | None = None) -> bool:
    """Ask once whether `text` is for every one of `tasks` (the first action, or "đúng", records it on each; an
    item's action on that one): the text kept."""
    tasks = in_item_order(list(tasks))
    ctx = conv.ctx
    # a recurring duty whose round is recorded and whose next one has not begun: "đúng" would not record it, so it
    # is not listed among those it records, but said apart, once (probe 23)
    early = {t.id: r for t in tasks if (r := await ctx.db.run(done_today, t.id, today=ctx.today(),
                                                               calendar=ctx.policy.calendar)) is not None}
    apart = [texts.round_already_done(r.item_ref, r.label, r.current, r.done_on, ctx.today()) for r in early.values()]
    tasks = [t for t in tasks if t.id not in early]
    if not tasks:
        await conv.say(event, "\n".join(apart))
        return True
    if len(tasks) == 1 and isinstance(event, TextIn):  # one left: asked about it alone
        await _ask_which(conv, event, person, tasks, text, "text",
                         question="\n".join([*apart, texts.which_task([(tasks[0].item_ref, tasks[0].text)], text,
                                                                      conv.channel(event.channel).capabilities.buttons)]))
        return True
    pending_id = await conv.ctx.db.run(save_pending_reply, person=person, text=text, source=EVERY_ASKED,
                                       task_ids=[t.id for t in tasks], sent_at=sent_time(conv, event))
    buttons = conv.channel(event.channel).capabilities.buttons
    question = texts.every_question([(t.item_ref, t.text, t.due_on) for t in tasks], text, buttons=buttons,
                                    section=section)
    if apart:
        question += "\n" + "\n".join(apart)
    every = (Action(label=texts.every_button(len(tasks)), data=f"w:{pending_id}:{tasks[0].id}:every", typed="đúng"),)
    await conv.reply(event, Outgoing(text=question, actions=(every, *which_actions(
        pending_id, [(t.id, t.item_ref) for t in tasks], text))))
    return True


async def _confirm_every(conv: Conversation, event: TextIn, person: Person) -> bool:
    """"đúng" after "… cho cả 3 mục, đúng không?" (asked after any "ý đồng chí là mục …?"): the kept text recorded on
    each of those tasks still open, once."""
    ctx = conv.ctx
    since = asked_since(ctx)
    asked = await ctx.db.run(pending_which, person=person, since=since, sources=(EVERY_ASKED,))
    meant = await ctx.db.run(pending_date, person=person, since=since, source=MEANT)
    if asked is None and meant is None and (lapsed := await ctx.db.run(
            pending_which, person=person, since=ctx.clock.now() - LAPSED_TOLD, sources=(EVERY_ASKED,))) is not None:
        # "đúng" days after "… cho cả 5 mục, đúng không?": the question lapsed — said, with what to type (probe 23)
        first = await ctx.db.run(lambda s: s.get_one(Task, lapsed[1][0]).item_ref)
        await conv.say(event, texts.every_lapsed(first))
        return True
    if asked is None or (meant is not None and meant[0] > asked[0]):
        return False
    pending_id, task_ids, _ = asked
    return await _every_kept(conv, event, person, pending_id, task_ids[0])


async def _every_kept(conv: Conversation, event: Inbound, person: Person, pending_id: int, first_id: int) -> bool:
    """The text kept under "cho cả … mục, đúng không?" recorded on each of its tasks, once."""
    ctx = conv.ctx
    kept = await ctx.db.run(take_pending_reply, pending_id, person=person, task_id=first_id, now=ctx.clock.now())
    if kept is None:
        return False
    tasks = await ctx.db.run(lambda s: [s.get_one(Task, i) for i in kept.task_ids])
    log.info("text of %s recorded on each of %d tasks, confirmed", person.handle, len(tasks))
    return await _apply_to_every(conv, event, person, tasks, kept.text, at=kept.sent_at)


# "xin gia hạn", "em xin gia hạn ạ", "đề nghị cho gia hạn": an extension asked for with nothing else (chat_fold)
BARE_EXTENSION = re.compile(r"(?:(?:em|toi|minh|don vi|xa|phuong|so|phong)\s+)?(?:xin|de nghi|de xuat)\s+(?:cho\s+)?"
                            r"(?:duoc\s+)?(?:gia han|lui han)(?:\s+(?:a|nhe|nha|luon|nhu tren))*")
WHICH_ASKED = ("text", "reply", "office")  # the sources of a text kept under "là của nhiệm vụ nào?"
# a plain item number typed alone ("3", "mục 3", "3."), which `split_refs` does not read (nothing is said of it)
BARE_NUMBER = re.compile(r"^\s*(?:muc\s*)?(?P<ref>\d{1,3})\s*[.!]?\s*$")
# …and a two-part one ("2.1", "mục 2.1."), which `split_refs` leaves too: no date, no share is typed so alone
BARE_DOTTED = re.compile(r"^\s*(?:muc\s*)?(?P<ref>\d{1,2}\.\d{1,2})\s*[.!]?\s*$")
# what may follow an item number typed alone: "mục II.4.c ạ", "II.4.a nhé", "là mục II.4.b", "của II.4.a ạ" (chat_fold)
BARE_WORDS = frozenset("a ah nhe nha nhi ha day do nay vay roi la cua thuoc o em anh chi da vang ok oke muc".split())


def _bare(rest: str) -> bool:
    """Whether what was said of an item number is nothing but courtesy ("ạ", "nhé"): no status, no question."""
    said = chat_fold(rest)
    return "?" not in rest and all(word in BARE_WORDS for word in re.findall(r"\w+", said))


async def _bare_item(conv: Conversation, event: TextIn, person: Person, ref: str) -> bool:
    """An item number typed alone (or in reply to the question): when the bot asked "là của nhiệm vụ nào?" of a text
    not long ago and offered that task, the text is applied to it, once; otherwise the task's card is shown (its
    actions set a status), and nothing is stored."""
    ctx = conv.ctx
    tasks = await _tasks_for_ref(conv, person, ref)
    if not tasks and (roman := roman_section(ref)) is not None:
        tasks = await _tasks_for_ref(conv, person, roman)
    waiting = await ctx.db.run(pending_which, person=person, since=asked_since(ctx),
                               sources=WHICH_ASKED)
    if waiting is not None:
        pending_id, offered, _ = waiting
        chosen = [t for t in tasks if t.id in offered]
        if not chosen and person.is_admin:  # the office answering for a unit: the item among those it was asked about
            chosen = [t for t in await ctx.db.run(office_tasks_by_ref, person, ref) if t.id in offered]
        if len(chosen) == 1 and (kept := await ctx.db.run(take_pending_reply, pending_id, person=person,
                                                          task_id=chosen[0].id, now=ctx.clock.now())) is not None:
            log.info("item %s typed by %s answers 'which task?' (pending %s)", ref, person.handle, pending_id)
            return await _apply_text(conv, event, person, chosen[0], kept.text, source=kept.source, at=kept.sent_at)
    if not tasks:
        if person.role in (Role.ADMIN, Role.LEADER):
            return False  # (an admin's or a leader's item number: read as before)
        held = in_item_order(await ctx.db.run(open_tasks_for, person))
        await conv.say(event, texts.unknown_ref(ref, [t.item_ref for t in held], dues=[t.due_on for t in held],
                                                notices=_notices_of(held)))
        return True
    open_ones = [t for t in tasks if not TaskStatus(t.status).is_closed] or tasks
    if len({t.notice_id for t in open_ones}) > 1:
        await conv.say(event, texts.ambiguous_ref(ref, _ambiguous_rows(open_ones),
                                                  conv.channel(event.channel).capabilities.reply_to))
        return True
    for task in open_ones[:3]:  # (one item held for two units: each card)
        await show_card(conv, event, task.id, person)
    return True


# the period a report said sent names ("tuần này đã báo cáo", "báo cáo tháng này rồi"): the recurring duties of that
# frequency (on chat_fold text); "kỳ này": any recurring duty
PERIOD_NAMED = ((re.compile(r"\btuan\s+(?:nay|roi)\b|\btrong tuan\b|\bbao cao tuan\b"),
                 (Frequency.WEEKLY, Frequency.BIWEEKLY)),
                (re.compile(r"\bthang\s+(?:nay|roi)\b|\btrong thang\b|\bbao cao thang\b"), (Frequency.MONTHLY,)),
                (re.compile(r"\bquy\s+(?:nay|roi)\b|\btrong quy\b|\bbao cao quy\b"), (Frequency.QUARTERLY,)),
                (re.compile(r"\bky\s+(?:nay|roi)\b"), tuple(Frequency)))
# "đủ", "đầy đủ", "hết", "tất cả", "cả hai", "toàn bộ": every one of them (marks kept: "dự" is not "đủ")
ALL_SAID = re.compile(r"(?<!\w)(?:đầy đủ|đủ|hết|tất cả|toàn bộ|cả (?:hai|ba|2|3)|các (?:báo cáo|kỳ|mục))(?!\w)", re.I)
ALL_SAID_PLAIN = re.compile(r"\b(?:day du|du|het|tat ca|toan bo|ca (?:hai|ba|2|3)|cac (?:bao cao|ky|muc))\b"
                            r"(?!\s+(?:kien|an|thao|toan|bao|hop|tru|phong))")


# the words of "tuần này đã báo cáo đủ", "Dạ tháng này em gửi hết rồi ạ": a report sent, and nothing more (chat_fold)
PERIOD_REPORT_WORDS = re.compile(r"\b(?:tuan|thang|quy|ky|nay|roi|trong|da|dang|bao cao|gui|nop|du|day du|het|tat ca"
                                 r"|toan bo|cac|ca|hai|ba|em|anh|chi|a|nhe|nha|xong|hoan thanh)\b|[.,:;!-]")


def _rounds_of_period(conv: Conversation, tasks: Sequence[Task], text: str) -> list[Task]:
    """The recurring duties a report said sent for a named period is about ("tuần này đã báo cáo đủ": the weekly
    duties whose round of this week has begun), in item order; [] when the text names no period or none fits."""
    folded = chat_fold(text)
    today = conv.ctx.today()
    for pattern, frequencies in PERIOD_NAMED:
        if pattern.search(folded):
            return in_item_order([t for t in tasks if frequency_of(t.recurrence) in frequencies
                                  and t.occurrence_start is not None and t.occurrence_start <= today])
    return []


def _says_all(text: str) -> bool:
    """Whether a report says every one was sent ("đã báo cáo đủ", "bc het roi"); without marks, the plain words."""
    said = nfc(text)
    return ALL_SAID.search(said) is not None or (strip_marks(said) == said and
                                                 ALL_SAID_PLAIN.search(chat_fold(said)) is not None)


READ_BACK = "person.read_as_told"  # how a person's item numbers typed as printed read, told for a notice


def _first_read_back(session: Session, person_id: int, notice_ids: Sequence[int | None], *,
                     now: dt.datetime) -> set[int | None]:
    """Of the notices whose items a person typed as printed ("4.3" for II.4.c), those they were never told how it
    reads; recorded as told now (the note with every report read as noise, month probe 25)."""
    told = {(row or {}).get("notice_id") for row in session.scalars(select(AuditLog.detail).where(
        AuditLog.action == READ_BACK, AuditLog.entity == "person", AuditLog.entity_id == person_id))}
    first = set(notice_ids) - told
    for notice_id in first:
        audit(session, at=now, actor_id=person_id, action=READ_BACK, entity="person", entity_id=person_id,
              notice_id=notice_id)
    return first


async def _positions(conv: Conversation, person: Person,
                     parts: list[tuple[list[str], str]]) -> tuple[list[tuple[list[str], str]], list[Position]]:
    """"2.1 xong", "2.3 đang làm 50%" where the notice's dash bullets under 2 are lettered 2.a, 2.b …: an item number
    that names nothing the person holds, typed as a position (`by_position`), read as the item it points at."""
    read_as: list[Position] = []
    out: list[tuple[list[str], str]] = []
    for refs, rest in parts:
        meant = []
        for ref in refs:
            roman = roman_section(ref)
            position = None
            if "." in ref and not await _tasks_for_ref(conv, person, ref) and \
                    not (roman and await _tasks_for_ref(conv, person, roman)):
                position = await conv.ctx.db.run(by_position, person, ref)
                if position is None and re.fullmatch(r"\d{1,2}\.\d{1,2}", ref_key(ref)) and \
                        person.role not in (Role.ADMIN, Role.LEADER):
                    # "4.3 xong" for II.4.c (the Roman section left out, the third dash bullet under 4): the one
                    # item of the person's it can mean, recorded and said (month probe 25, F1)
                    position = await _position_in_a_section(conv, person, ref)
            if position is not None:
                log.info("item %s typed by %s read as %s (its position)", ref, person.handle, position.item_ref)
                read_as.append(position)
                ref = position.item_ref
            meant.append(ref)
        out.append((meant, rest))
    return out, read_as


# "đúng", "đúng rồi ạ", "vâng, đúng", "phải", "có": yes to "ý đồng chí là mục 3?" (on chat_fold text)
YES = re.compile(r"(?:(?:da|vang|u|uh|um|ok|oke)\W*\s*)*(?:dung|phai|co|chuan|chinh xac)"
                 r"(?:\s+(?:roi|vay|the|a|nhe|nha|muc do|do))*"
                 r"|(?:da\W*\s*)?(?:u|uh|um|uhm)(?:\W*\s*(?:u|uh|um|a|nhe|nha|roi))*")  # "ừ", "ừ ừ", "ừm"
# "dạ", "vâng", "dạ vâng ạ", "ok", "được": a yes only just after "Ý đồng chí là mục …?" (else a thank-you, a receipt)
SOFT_YES = re.compile(r"(?:da|vang|ok|oke|okay|duoc)(?:\W*\s*(?:da|vang|a|nhe|nha|duoc|roi|ok))*")
SOFT_YES_WITHIN = dt.timedelta(hours=1)
MEANT_FOLLOWS = dt.timedelta(hours=24)  # a "đúng" this long after the question still answers it (days off not counted)


def asked_since(ctx: AppContext) -> dt.datetime:
    """The oldest question a "đúng" (or an item number) still answers: one asked since the start of the working day
    before today — a question asked Friday at 17:00 still holds on Monday (month probe 25, F2: a 24-hour window lost
    the Monday answer, and the task done on Friday went out as overdue)."""
    calendar = ctx.policy.calendar
    now = ctx.clock.now()
    since = calendar.at(calendar.previous_working_day(calendar.local(now).date()), dt.time(0, 0))
    return min(since, now - MEANT_FOLLOWS)
LAPSED_TOLD = dt.timedelta(days=14)  # a "đúng" this long after it is told the question lapsed
MEANT_AGAIN = "meant_again"  # a pending reply's source: "ý là mục 3?" asked again after a late "đúng" (its sent_at: the
# day the words were first sent, so a "đúng" to it is looked for over LAPSED_TOLD)


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Open:
    """A "Ý đồng chí là mục …?" still waiting for its yes when a message came; or (`which`) a "là của nhiệm vụ
    nào?" waiting for its item (`task_ids`: those offered)."""

    id: int
    task_id: int
    sent_at: dt.datetime
    which: bool = False
    task_ids: tuple[int, ...] = ()


# the questions open when the message being handled came (`questions_open`); what its first reply says under it
_OPEN_ASKED: contextvars.ContextVar[list[_Open] | None] = contextvars.ContextVar("open_asked", default=None)
SAID_AFTER: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("said_after", default=None)


def _open_meant(session: Session, person_id: int, since: dt.datetime, again_since: dt.datetime) -> list[_Open]:
    rows = session.scalars(select(PendingReply).where(
        PendingReply.person_id == person_id, PendingReply.used_at.is_(None),
        ((PendingReply.source == MEANT) & (PendingReply.sent_at >= since))
        | ((PendingReply.source == MEANT_AGAIN) & (PendingReply.sent_at >= again_since))).order_by(PendingReply.id))
    meant = [_Open(id=r.id, task_id=r.task_ids[0], sent_at=r.sent_at) for r in rows if len(r.task_ids) == 1]
    which = session.scalar(select(PendingReply).where(  # the latest "là của nhiệm vụ nào?" (an older one is behind it)
        PendingReply.person_id == person_id, PendingReply.source.in_(WHICH_SETTLED), PendingReply.sent_at >= since)
        .order_by(PendingReply.id.desc()).limit(1))
    if which is not None and which.used_at is None and which.task_ids and session.scalar(select(StatusReport.id).where(
            StatusReport.person_id == person_id, StatusReport.created_at > which.sent_at).limit(1)) is None:
        meant.append(_Open(id=which.id, task_id=which.task_ids[0], sent_at=which.sent_at, which=True,
                           task_ids=tuple(which.task_ids)))
    return meant


@contextlib.asynccontextmanager
async def questions_open(conv: Conversation, event: TextIn, person: Person) -> AsyncIterator[None]:
    """Around a typed message: the "Ý đồng chí là mục …?" questions still open, so that a report or a new question
    in it settles them (`_settle_asked`) and nothing the person said is dropped without a word; a line left unsaid
    (no reply went out) is said on its own."""
    ctx = conv.ctx
    asked = await ctx.db.run(_open_meant, person.id, asked_since(ctx), ctx.clock.now() - LAPSED_TOLD)
    asked_token, after_token = _OPEN_ASKED.set(asked), SAID_AFTER.set([])
    try:
        yield
        left = SAID_AFTER.get() or []
    finally:
        _OPEN_ASKED.reset(asked_token)
        SAID_AFTER.reset(after_token)
    if left:
        await conv.say(event, "\n".join(left))


def _only_progress(conv: Conversation, text: str, task: Task) -> bool:
    """Words kept under "Ý đồng chí là mục …?" that may be recorded unasked before a later report on that item:
    progress or a difficulty ("đã trình dự thảo kế hoạch", "đạt 50%"), not a "xong", a request or a question."""
    folded = chat_fold(text)
    if snooze_when(folded) is not None or ASKS_EXTENSION.search(folded) or recalls_extension(text) or \
            transfer_asked(text) is not None or QUESTION.search(question_fold(text)) or CORRECTION.search(folded) or \
            REOPEN_WORDS.search(folded) or impossible_percent(text) is not None or change_percent(text):
        return False
    ctx = conv.ctx
    change = parse_status_text(text, today=ctx.today(), now=ctx.clock.now(), current_due=task.due_on,
                               calendar=ctx.policy.calendar,
                               task_text=task.text if task.occurrence_start is not None else None,
                               deliverable=task.text)  # (as `_apply_text` reads it)
    return change is not None and not change.reopen and \
        change.status in (None, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED)


def _task_by_id(session: Session, task_id: int) -> Task:
    return session.get_one(Task, task_id)


PERCENT_SAID = re.compile(r"\d{1,3}\s*%")


def _names_item(text: str, item_ref: str) -> bool:
    """Whether a message names this item among its item numbers ("1.a xong, 1.c 50%")."""
    parts = split_refs(text) or find_refs(text) or []
    return any(ref_key(ref) == ref_key(item_ref) for refs, _ in parts for ref in refs)


async def _settle_asked(conv: Conversation, event: Inbound, person: Person, task_ids: Collection[int], *,
                        recording: bool) -> None:
    """A report on `task_ids` (`recording`) or a new question about them, while "Ý đồng chí là mục …?" waits from an
    earlier message (nobody typed "đúng"). On the item asked about, the report confirms it: the kept words are
    recorded first, as of when they were sent, if they tell progress ("2.c đã trình dự thảo", then "1.c 50%"), and
    the reply says so; words a later message repeats are not recorded twice. A report or question on another item
    closes it: the reply says the words were not recorded and what to type. A new question on the same item leaves
    it open (its "đúng" records both)."""
    asked = _OPEN_ASKED.get()
    if not asked or not isinstance(event, TextIn):
        return
    ctx = conv.ctx
    for question in list(asked):
        if question.which:
            asked.remove(question)
            await _settle_which(conv, person, question, event.text)
            continue
        same = question.task_id in task_ids
        if same and not recording:
            continue
        task = await ctx.db.run(_task_by_id, question.task_id)
        if not same and _names_item(event.text, task.item_ref):
            continue  # "1.a xong, 1.c 50%": that item's turn comes
        asked.remove(question)
        kept = await ctx.db.run(take_pending_reply, question.id, person=person, task_id=question.task_id,
                                now=ctx.clock.now())
        if kept is None or TaskStatus(task.status).is_closed:
            continue  # (answered meanwhile; a task closed since: nothing to add to it)
        said, now_said = " ".join(chat_fold(kept.text).split()), " ".join(chat_fold(event.text).split())
        if same and (said in now_said or (not texts.meaningful_note(kept.text) and PERCENT_SAID.search(now_said))):
            # typed again with the item ("1.a đang làm 55%"), or a newer share said over a bare "đạt 50%"
            log.info("question on task %s of %s: overtaken by a report on it, settled", task.id, person.handle)
            continue
        if same and _only_progress(conv, kept.text, task):
            log.info("question on task %s of %s: confirmed by a report on it, its words recorded first", task.id,
                     person.handle)
            await _apply_text(conv, event, person, task, kept.text, source="text", at=kept.sent_at, collect=[])
            line = texts.meant_recorded_first(task.item_ref, kept.text)
        else:
            log.info("question on task %s of %s: closed by a message on another item", task.id, person.handle)
            line = texts.meant_left(task.item_ref, kept.text)
        if (after := SAID_AFTER.get()) is not None:
            after.append(line)


WHICH_SETTLED = ("text", "reply")  # "là của nhiệm vụ nào?" settled by the next report or question (not the office's)


async def _settle_which(conv: Conversation, person: Person, question: _Open, text: str) -> None:
    """A report or a new question while "là của nhiệm vụ nào?" waits from an earlier message (no item chosen): the
    question is behind it (an item number typed later shows its card), so the reply says the words kept were not
    recorded and what to type — unless this message says them again ("1.a xã đã trồng thêm 12ha"). Which item the
    words were about is not guessed from the report (a report on one of the items offered may be news of its own)."""
    ctx = conv.ctx
    kept = await ctx.db.run(take_pending_reply, question.id, person=person, task_id=question.task_id,
                            now=ctx.clock.now())
    if kept is None:
        return  # (answered by this message: its item number)
    said = " ".join(chat_fold(kept.text).split())
    if said and said in " ".join(chat_fold(text).split()):
        log.info("'which task?' of %s: overtaken by the same words with an item number, settled", person.handle)
        return
    refs = [t.item_ref for t in [await ctx.db.run(_task_by_id, task_id) for task_id in question.task_ids]]
    log.info("'which task?' of %s: closed by a later report or question, its words not recorded", person.handle)
    if (after := SAID_AFTER.get()) is not None:
        after.append(texts.which_left(list(dict.fromkeys(refs)), kept.text))


async def _confirm_meant(conv: Conversation, event: TextIn, person: Person) -> bool:
    """"đúng" after the bot asked "ý đồng chí là mục 3?": the kept text applied to that task, once."""
    ctx = conv.ctx
    waiting = await ctx.db.run(pending_date, person=person, since=asked_since(ctx), source=MEANT)
    again = await ctx.db.run(pending_date, person=person, since=ctx.clock.now() - LAPSED_TOLD, source=MEANT_AGAIN)
    if again is not None and (waiting is None or again[0] > waiting[0]):
        waiting = again  # the question asked again after a late "đúng" (kept with the day first said)
    if waiting is None:
        return await _meant_lapsed(conv, event, person)
    pending_id, task_id, _ = waiting
    kept = await ctx.db.run(take_pending_reply, pending_id, person=person, task_id=task_id, now=ctx.clock.now())
    if kept is None:
        return False
    task = await ctx.db.run(lambda s: s.get_one(Task, task_id))
    if await _meant_overtaken(conv, event, person, task, kept.text, kept.sent_at):
        return True
    await _whole_confirmed(conv, person, task, kept.text)
    return await _apply_text(conv, event, person, task, kept.text, source="text", at=kept.sent_at)


async def _just_asked(conv: Conversation, person: Person) -> str | None:
    """The kind of yes/no question ("Ý đồng chí là mục …?", "… cho cả N mục, đúng không?", the far date asked back)
    last asked of this person, when it was within SOFT_YES_WITHIN, is still open, and nothing was reported on its
    tasks since: a "dạ vâng" or "ok" then answers it (after a report, it thanks for the report); else None."""
    ctx = conv.ctx
    asked = await ctx.db.run(last_asked, person=person, since=ctx.clock.now() - SOFT_YES_WITHIN,
                             sources=(MEANT, EVERY_ASKED, FAR_ASKED))
    if asked is None or asked.used_at is not None:
        return None
    for task_id in asked.task_ids:
        if await ctx.db.run(reported_since, person=person, task_id=task_id, since=asked.sent_at) is not None:
            return None
    return asked.source


async def _meant_overtaken(conv: Conversation, event: TextIn, person: Person, task: Task, text: str,
                           asked_at: dt.datetime) -> bool:
    """A "đúng" to "Ý đồng chí là mục 1.a?" after the person reported on 1.a themselves (typed with the right
    number, or a later question confirmed): the question is behind them — said, the older words not recorded over the
    newer report."""
    reported = await conv.ctx.db.run(reported_since, person=person, task_id=task.id, since=asked_at)
    if reported is None:
        return False
    local = conv.ctx.policy.calendar.local
    log.info("'đúng' of %s on task %s: reported since the question, nothing recorded", person.handle, task.id)
    status = TaskStatus(task.status)
    await conv.say(event, texts.meant_gone(task.item_ref, text, local(asked_at).date(), reported_at=local(reported),
                                           closed=status if status.is_closed else None))
    return True


async def _meant_gone(conv: Conversation, event: TextIn, person: Person) -> bool:
    """A yes ("đúng", "ừ", "phải") when no question waits for one, and the last the bot asked this person was
    "Ý đồng chí là mục …?" (answered already, its task closed, or too old to ask again; a restart changes nothing:
    the questions are rows): which question, why it is no longer open, and what to type — never "chưa hiểu", never
    the words recorded. False when the last question asked was of another kind, or none lately."""
    ctx = conv.ctx
    asked = await ctx.db.run(last_asked, person=person, since=ctx.clock.now() - GONE_TOLD,
                             sources=(MEANT, MEANT_AGAIN, EVERY_ASKED, FAR_ASKED, PLAN_ASKED))
    if asked is None or asked.source not in (MEANT, MEANT_AGAIN):
        return False
    task = await ctx.db.run(lambda s: s.get_one(Task, asked.task_ids[0]))
    local = ctx.policy.calendar.local
    status = TaskStatus(task.status)
    await conv.say(event, texts.meant_gone(
        task.item_ref, asked.text, local(asked.sent_at).date(),
        answered_at=local(asked.used_at) if asked.used_at is not None else None,
        closed=status if status.is_closed else None))
    return True


GONE_TOLD = dt.timedelta(days=31)  # a yes this long after "Ý đồng chí là mục …?" is still told which question lapsed


async def _whole_confirmed(conv: Conversation, person: Person, task: Task, text: str) -> None:
    """"đúng" to "ý đồng chí là mục II.4.b? nội dung “đã hoàn thành” …" on an ongoing duty: the person has confirmed
    once already, so the words close it — not "gõ “II.4.b xong” một lần nữa" for a third message (month probe 25,
    F13). Marked as the storage marks a duty asked once whether the whole of it is done."""
    if duty_kind(task) not in (DutyKind.ONGOING, DutyKind.STANDING):
        return
    change = parse_status_text(text, today=conv.ctx.today(), now=conv.ctx.clock.now(),
                               calendar=conv.ctx.policy.calendar)
    if change is None or change.status != TaskStatus.DONE:
        return
    now = conv.ctx.clock.now()
    await conv.ctx.db.run(lambda s: audit(s, at=now, actor_id=person.id, action="task.whole_asked", entity="task",
                                          entity_id=task.id, confirmed=True))


async def _meant_lapsed(conv: Conversation, event: TextIn, person: Person) -> bool:
    """"đúng" days after "Ý đồng chí là mục …?" (a Friday question answered after a long weekend): the question
    lapsed — said, and asked again with the words kept and the day they were sent (month probe 25, F2: it was
    answered "chưa hiểu" and the report lost). False when no such question was asked lately, or its task is closed."""
    ctx = conv.ctx
    lapsed = await ctx.db.run(pending_date, person=person, since=ctx.clock.now() - LAPSED_TOLD, source=MEANT)
    if lapsed is None:
        return False
    pending_id, task_id, _ = lapsed
    task = await ctx.db.run(lambda s: s.get_one(Task, task_id))
    if TaskStatus(task.status).is_closed:
        return False
    kept = await ctx.db.run(take_pending_reply, pending_id, person=person, task_id=task_id, now=ctx.clock.now())
    if kept is None:
        return False
    if await _meant_overtaken(conv, event, person, task, kept.text, kept.sent_at):
        return True
    again = await ctx.db.run(save_pending_reply, person=person, text=kept.text, source=MEANT_AGAIN,
                             task_ids=[task_id], sent_at=kept.sent_at)
    buttons = conv.channel(event.channel).capabilities.buttons
    said_on = ctx.policy.calendar.local(kept.sent_at).date()
    log.info("late 'đúng' of %s: question on task %s lapsed, asked again", person.handle, task_id)
    await conv.reply(event, Outgoing(text=texts.meant_lapsed(task.item_ref, task.text, kept.text, said_on,
                                                             buttons=buttons),
                                     actions=which_actions(again, [(task.id, task.item_ref)], kept.text)))
    return True


async def _ask_meant(conv: Conversation, event: TextIn, person: Person, ref: str, rest: str, *,
                     only: Task | None = None, elsewhere: str | None = None) -> bool:
    """An item number that names nothing the person holds: when it can only mean one of their tasks — its
    position among lettered items ("3" for 2.c), or their one open task — ask "ý đồng chí là mục …?" with that
    task as the action (or "đúng" typed), the text kept; False when nothing fits. An extension asked is never
    guessed onto a task without a deadline (probe 28, F8); `only`: that task is the one meant, `elsewhere` says
    whose the item named is."""
    ctx = conv.ctx
    position = await ctx.db.run(by_position, person, ref) if only is None else None
    if only is None and position is None and re.fullmatch(r"\d{1,2}\.\d{1,2}", ref_key(ref)):
        position = await _position_in_a_section(conv, person, ref)
    meant = [t for t in await _tasks_for_ref(conv, person, position.item_ref) if not TaskStatus(t.status).is_closed] \
        if position is not None else []
    if only is not None:
        meant = [only]
    elif position is None:
        # "2.g" where the notice as read numbers it 1.g (its section's "2." lost by OCR): asked — on the person's
        # own task, or on one they may report on by number, as a cadre on the head's (probe 37, #1)
        reportable = await ctx.db.run(reportable_open_tasks, person, today=ctx.today())
        meant = await ctx.db.run(point_meant, reportable, ref, lambda t: t.item_ref, lambda t: t.notice_id)
        held = [t for t in reportable if t.assignee_id == person.id]
        if not meant and len(held) == 1 and not ref_key(held[0].item_ref).startswith(ref_key(ref) + "."):
            meant = held  # (a section of the one task held: `unknown_ref` says which item of it)
    if ASKS_EXTENSION.search(" ".join(strip_marks(rest).lower().split())):
        meant = [t for t in meant if t.due_on is not None]  # more time only for a task that has a deadline
    if len(meant) != 1:
        return False
    task = meant[0]
    holder_id = task.assignee_id
    holder = None if holder_id in (None, person.id) else \
        await ctx.db.run(lambda s: s.get_one(Person, holder_id).full_name)  # the unit's task, in a colleague's hands
    await _settle_asked(conv, event, person, {task.id}, recording=False)  # an older one closed
    pending_id = await ctx.db.run(save_pending_reply, person=person, text=rest, source=MEANT, task_ids=[task.id],
                                  sent_at=sent_time(conv, event))
    buttons = conv.channel(event.channel).capabilities.buttons
    question = texts.meant_question(ref, task.item_ref, task.text, rest, buttons=buttons,
                                    siblings=position.siblings if position is not None else None, elsewhere=elsewhere,
                                    holder=holder)
    await conv.reply(event, Outgoing(text=question, actions=which_actions(pending_id, [(task.id, task.item_ref)],
                                                                          rest)))
    return True


async def _ask_under(conv: Conversation, event: TextIn, person: Person, ref: str, task: Task, rest: str,
                     change: StatusUpdate | None) -> bool:
    """A section's number typed ("2 xong") by one who holds one task in it (IV.2.1): asked "Đồng chí báo mục IV.2.1
    hoàn thành?" with that task as the action (or "đúng"), the words kept as `_ask_meant` keeps them."""
    await _settle_asked(conv, event, person, {task.id}, recording=False)  # an older one closed
    pending_id = await conv.ctx.db.run(save_pending_reply, person=person, text=rest, source=MEANT, task_ids=[task.id],
                                       sent_at=sent_time(conv, event))
    buttons = conv.channel(event.channel).capabilities.buttons
    done = change is not None and change.status == TaskStatus.DONE
    question = texts.under_meant_question(ref, task.item_ref, task.text, rest, done=done, buttons=buttons)
    await conv.reply(event, Outgoing(text=question, actions=which_actions(pending_id, [(task.id, task.item_ref)],
                                                                          rest)))
    return True


async def _extension_elsewhere(conv: Conversation, event: TextIn, person: Person, ref: str, rest: str,
                               held: list[Task]) -> bool:
    """An extension asked on an item another unit holds: said whose it is and which items the person holds; asked
    whether one of them was meant only when exactly one has a deadline (never one without: nothing to extend).
    False when no other unit holds an item so numbered."""
    others = [t for t in await conv.ctx.db.run(asked_item_tasks, person, ref)
              if t.id not in {h.id for h in held} and not TaskStatus(t.status).is_closed]
    if not others:
        return False
    holders = list(dict.fromkeys((t.lead_name, t.assignee.full_name if t.assignee else None) for t in others))
    elsewhere = texts.held_elsewhere(ref, holders, list(dict.fromkeys(t.item_ref for t in held)))
    dated = [t for t in held if t.due_on is not None]
    if len(dated) == 1:
        return await _ask_meant(conv, event, person, ref, rest, only=dated[0], elsewhere=elsewhere)
    await conv.say(event, texts.extension_elsewhere(elsewhere, [t.item_ref for t in dated],
                                                    [t.item_ref for t in held if t.due_on is None], rest))
    return True


async def _position_in_a_section(conv: Conversation, person: Person, ref: str) -> Position | None:
    """"2.1" from someone whose items are II.2.a, II.2.b …, the Roman section left out ("mục 2.1 xong" for II.2.a):
    the position read under each Roman section the person holds open items in, when exactly one section gives one."""
    held = await conv.ctx.db.run(open_tasks_for, person) + await conv.ctx.db.run(unit_open_tasks, person)
    # (a cadre's or deputy's: the unit's tasks in the head's hands, which they may report on — probe 25, F3)
    sections = {m.group(0) for t in held if (m := re.match(r"[IVX]+(?=\.)", t.item_ref or ""))}
    found = [p for section in sorted(sections)
             if (p := await conv.ctx.db.run(by_position, person, f"{section}.{ref}")) is not None]
    if len(found) != 1:
        return None
    return dataclasses.replace(found[0], typed=ref)


QUOTE_RUN = 3  # words in a row a message shares with a task's text to be taken as quoting it
QUOTED_RUNS = 3  # … at least this many (five words in a row: "xây dựng kế hoạch" alone is a common phrase), and more
# than with any other task of the person's


def _runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", strip_marks(text).lower())
    return {tuple(words[i:i + QUOTE_RUN]) for i in range(len(words) - QUOTE_RUN + 1)}


def quoted_task(tasks: Sequence[Task], text: str) -> Task | None:
    """The one task whose wording a message without an item number repeats ("đã xây dựng kế hoạch khắc phục tồn tại"
    of "Chủ động xây dựng kế hoạch khắc phục tồn tại, hạn chế …"): five words in a row or more in common, and more
    than with any other task; None otherwise."""
    said = _runs(text)
    shared = sorted(((len(said & _runs(t.text)), i) for i, t in enumerate(tasks)), reverse=True)
    if not shared or shared[0][0] < QUOTED_RUNS or (len(shared) > 1 and shared[1][0] == shared[0][0]):
        # "đã công khai kết quả tháng 1": the one task whose own work it says done, in the task's words, no other task
        # sharing even its verb (not "đã xây dựng kế hoạch", a phrase of many tasks) (probe 26)
        own = sorted(((own_work_done(t.text, text), i) for i, t in enumerate(tasks)), reverse=True)
        if own and own[0][0] > 0 and (len(own) == 1 or own[1][0] == 0):
            return tasks[own[0][1]]
        return None
    return tasks[shared[0][1]]


# syllables (chat_fold) that tell nothing of which item a report is about: function, status and time words, the
# kinds of units and the acts every item has; what is left is the work itself ("trồng", "rừng", "kế hoạch")
PLAIN_SYLLABLES = frozenset("""
    ah anh chi em da dang se sap con chua roi xong dat duoc co khong la va voi cua cho theo ve tai den tu tren nay do
    nhe nha cung them nua rat moi vua het tat ca nhung cac mot hai ba bon nam sau bay tam chin muoi tram phan so muc
    nhiem vu viec lam cong tac thuc hien trien khai tiep tuc hoan thanh ngay thang tuan quy truoc thoi gian thuong
    xuyen ubnd hdnd uy ban xa phuong thi tran huyen tinh thanh pho phong don vi""".split())
FITS_BETTER = 2  # work words a message shares with another item of the unit to be asked about it (more than its own)


def _work_words(text: str, names: Collection[str]) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", chat_fold(text))
            if len(w) > 1 and w not in PLAIN_SYLLABLES and w not in names}


def fits_elsewhere(own: Task, others: Sequence[Task], text: str) -> list[Task]:
    """Of the other open items a person may report on (her unit's), those a message without an item number is about
    rather than her one own item: sharing at least FITS_BETTER words of the work with it, more than her own item does.
    Her own counts as sharing none when it is a report (a round, or a task that is itself a report) and the message
    says nothing of a report ("trồng thêm 12ha, đạt 70% kế hoạch" is no report round 70% done) (probe 41, #2). []
    when her own fits as well, or nothing fits (the common case: recorded at once)."""
    names = {w for t in (own, *others) for w in chat_fold(t.lead_name or "").split()}  # "xã Quảng Lâm …": no work
    said = _work_words(text, names)
    if not said or not others:
        return []
    report = own.occurrence_start is not None or own.recurrence is not None or _is_a_report(own)
    mine = 0 if report and not REPORT_WORDS.search(chat_fold(text)) else len(said & _work_words(own.text, names))
    scored = [(len(said & _work_words(t.text, names)), t) for t in others]
    best = max(n for n, _ in scored)
    if best < FITS_BETTER or best <= mine:
        return []
    return [t for n, t in scored if n == best][:3]


async def _ask_own_or_unit(conv: Conversation, event: TextIn, person: Person, own: Task, text: str) -> bool:
    """One who holds a single item types a report with no item number: when its words are about another open item of
    her unit (`fits_elsewhere`), asked which ("Ý đồng chí là mục II.1.a (…; đ/c … phụ trách) hay mục II.1.c (…)?"),
    the words kept for the item chosen; False (nothing said) when they are not."""
    ctx = conv.ctx
    others = [t for t in await ctx.db.run(reportable_open_tasks, person, today=ctx.today()) if t.id != own.id]
    better = fits_elsewhere(own, others, text)
    if not better:
        return False
    candidates = [*better, own]
    holders = await ctx.db.run(_holder_names, [t.id for t in candidates], person.id)
    question = texts.own_or_unit_question([(t.item_ref, _without_unit(t.text, t), who)
                                           for t, who in zip(candidates, holders, strict=True)],
                                          text, buttons=conv.channel(event.channel).capabilities.buttons)
    log.info("unnumbered report of %s fits %s better than own %s: asked", person.handle,
             [t.item_ref for t in better], own.item_ref)
    await _ask_which(conv, event, person, candidates, text, "text", question)
    return True


async def _ask_quoted(conv: Conversation, event: TextIn, person: Person, text: str,
                      tasks: Sequence[Task] | None = None) -> bool:
    """A message with no item number that repeats the wording of one of the person's open tasks (`tasks`: those, if
    read already): asked "is this about item …?" (the action, or "đúng", records the words on it); False when no
    task is quoted so."""
    ctx = conv.ctx
    if tasks is None:
        opening = await ctx.db.run(_opening_unit, text)
        if opening is not None and opening[0] != person.unit_id:  # another unit's news, not this person's report
            return False
        tasks = await ctx.db.run(open_tasks_for, person)
    task = quoted_task(tasks, text)
    if task is None and len(tasks) == 1 and _tells_done_work(text):
        task = tasks[0]  # "Sở đã cung cấp số liệu cho đơn vị tư vấn" from the holder of one task: asked, no "chưa hiểu"
    if task is None:
        return False
    if len(tasks) == 1 and not person.is_admin and await _ask_own_or_unit(conv, event, person, task, text):
        return True  # "đã vận động nhân dân trồng thêm 12 ha rừng" from the holder of the report round: which item
    if len(tasks) == 1 and not person.is_admin and REPORT_WORDS.search(chat_fold(text)):
        # "Xã Tân Hòa báo cáo: đã thăm, tặng quà 215 gia đình …" from the holder of one task, who calls it a report:
        # recorded on it at once (its reply names the item), not asked about — a question nobody answers on a
        # holiday loses the report (probe 8, #7)
        log.info("unnumbered report of %s on the one task it holds, %s: recorded", person.handle, task.item_ref)
        return await _apply_text(conv, event, person, task, text, source="text")
    await _settle_asked(conv, event, person, {task.id}, recording=False)  # an older one closed
    pending_id = await ctx.db.run(save_pending_reply, person=person, text=text, source=MEANT, task_ids=[task.id],
                                  sent_at=sent_time(conv, event))
    buttons = conv.channel(event.channel).capabilities.buttons
    await conv.reply(event, Outgoing(text=texts.quoted_question(task.item_ref, task.text, text, buttons=buttons),
                                     actions=which_actions(pending_id, [(task.id, task.item_ref)], text)))
    return True


# "đã <làm gì>": work told done ("Sở đã cung cấp số liệu …"); not "đã nhận", "đã rõ", "đã tiếp thu" (an
# acknowledgement). Typed without marks, "da" is "đã" only before such a verb, not "Dạ em …" (on chat_fold text)
DONE_WORK_MARKED = re.compile(r"(?<!\w)đã\s+(?!nhận|rõ|tiếp thu|hiểu|xem|đọc)\w", re.I)
DONE_WORK_PLAIN = re.compile(r"\bda\s+(?!nhan\b|ro\b|tiep thu\b|hieu\b|xem\b|doc\b|em\b|vang\b|a\b|anh\b|chi\b)"
                             r"[a-z]{2,}")


def _tells_done_work(text: str) -> bool:
    """Whether a message without an item number or status word tells of work done ("Sở đã cung cấp số liệu đất đai
    cho đơn vị tư vấn", "da gui ho so"): a report to be asked about when its sender holds a single task."""
    said = nfc(text)
    if strip_marks(said) != said:
        return DONE_WORK_MARKED.search(said) is not None
    return DONE_WORK_PLAIN.search(chat_fold(said)) is not None


REPORT_WORDS = re.compile(r"\bbao cao\b")  # on chat_fold text ("bc" written out)
# "mục 1 đến mục 5", "1-3", "II.1–II.3", "từ 2.1 tới 2.4" (on chat_fold text; not a date: "đến 30/4")
RANGE = re.compile(r"(?:muc\s*)?[0-9ivx]+(?:\.[0-9a-z]+)*\s*(?:-|–|den|toi)\s*(?:muc\s*)?[0-9ivx]+(?:\.[0-9a-z]+)*"
                   r"(?![0-9]|\s*/)")


def _round_reported(conv: Conversation, tasks: list[Task], folded: str) -> Task | None:
    """A report said sent without an item number ("báo cáo rồi", "bc tuần rồi nhé", "đã gửi báo cáo"): the one
    recurring duty whose round is due (today, or on days off before the next working day) or overdue, when there
    is exactly one; else the one task (not recurring) that is itself a report ("UBND các xã báo cáo tình hình thiệt
    hại …") when the others are not; None otherwise (the caller asks which, or looks at the day's digest)."""
    if not REPORT_WORDS.search(chat_fold(folded)):
        return None
    today = conv.ctx.today()
    # due today, or on a day off before the next working day (a Friday report due on 01/01, said on 31/12)
    before_next = conv.ctx.policy.calendar.next_working_day(today)
    due = [t for t in tasks if t.recurrence and t.due_on is not None and t.due_on < before_next]
    if len(due) == 1:
        return due[0]
    reports = [t for t in tasks if _is_a_report(t) and not t.recurrence]  # (a recurring one: by its rounds above)
    return reports[0] if len(reports) == 1 else None


REPORT_DUTY_WORDS = 8  # "báo cáo" this early is the task's own verb: "UBND các xã, thị trấn báo cáo tình hình …"


def _is_a_report(task: Task) -> bool:
    """Whether a task is itself a report ("UBND các xã, thị trấn báo cáo tình hình thiệt hại …", "Tổng hợp, báo
    cáo kết quả …"), not a task that ends with one ("… triển khai thực hiện …, báo cáo kết quả về UBND huyện")."""
    words = re.sub(r"[^\w\s]", " ", fold(task.text)).split()[:REPORT_DUTY_WORDS + 1]
    return any(a == "bao" and b == "cao" for a, b in zip(words, words[1:], strict=False))


LAST_DIGEST_DAYS = 7  # a digest older than this is not what a report said sent answers


async def _in_last_digest(conv: Conversation, person: Person, tasks: list[Task]) -> Task | None:
    """The one of `tasks` the latest digest to `person` (of the last LAST_DIGEST_DAYS) listed as their own, when it
    listed exactly one of them: a report said sent without a number, typed after that digest, is about it."""
    since = conv.ctx.today() - dt.timedelta(days=LAST_DIGEST_DAYS)
    listed = await conv.ctx.db.run(_last_digest_task_ids, person.id, since)
    among = [t for t in tasks if t.id in listed]
    return among[0] if len(among) == 1 else None


def _last_digest_task_ids(session: Session, person_id: int, since: dt.date) -> set[int]:
    items = session.scalar(select(Digest.items).where(Digest.person_id == person_id, Digest.day >= since,
                                                      Digest.state == DigestState.SENT)
                           .order_by(Digest.day.desc(), Digest.id.desc()).limit(1)) or []
    return {i["task_id"] for i in items if "task_id" in i and not i.get("escalation")}


async def _report_meant(conv: Conversation, person: Person, tasks: list[Task], folded: str) -> Task | None:
    """Which of several tasks a report said sent without an item number is about (see _round_reported), or the
    one the latest digest listed; None: ask."""
    if (found := _round_reported(conv, tasks, folded)) is not None:
        return found
    if not REPORT_WORDS.search(chat_fold(folded)):
        return None
    return await _in_last_digest(conv, person, tasks)


def _opening_unit(session: Session, text: str) -> tuple[int, str] | None:
    """The directory unit a message opens with, as its subject ("thôn 3 báo cáo rồi", "Thôn 3: đã gửi", "UBND xã
    Tân Lập đã nộp"): (its id, its name); the longest name when several fit; None when it opens with none."""
    said = f"{fold(text)} "
    best: tuple[int, int, str] | None = None
    for unit in session.scalars(select(Unit).order_by(Unit.id)):
        for way in ways_to_name(unit.name):
            if said.startswith(f"{way} ") or said.startswith(f"{way}:") or said.startswith(f"{way},"):
                if best is None or len(way) > best[0]:
                    best = (len(way), unit.id, unit.name)
    return (best[1], best[2]) if best else None


async def _office_unnumbered(conv: Conversation, event: TextIn, person: Person, unit_name: str, folded: str) -> bool:
    """The office records what a unit said, without an item number ("thôn 6 báo cáo rồi"): that unit's one open
    task, or its one recurring round due, else the bot asks which (the unit's words left out of the note)."""
    ctx = conv.ctx
    tasks = [t for t in await ctx.db.run(office_open_tasks, person)
             if t.lead_unit is not None and t.lead_unit.name == unit_name]
    if not tasks:
        return False
    text = event.text
    rest = _without_unit(text, tasks[0])
    if len(tasks) > 1 and (round_due := _round_reported(conv, tasks, folded)) is not None:
        tasks = [round_due]
    if len(tasks) > 1:
        buttons = conv.channel(event.channel).capabilities.buttons
        await _ask_which(conv, event, person, tasks, rest, "office",
                         texts.which_task([(t.item_ref, t.text) for t in tasks], rest, buttons, unit=unit_name))
        return True
    return await _apply_text(conv, event, person, tasks[0], rest, source="office")


async def _lettered(conv: Conversation, person: Person, text: str) -> list[tuple[list[str], str]] | None:
    """"c, d xong", "da xong muc c": the lettered items named alone, when the person has tasks so numbered (a letter
    alone may be a word: "e" for "em")."""
    parts = letter_refs(text)
    if parts is None:
        return None
    for refs, _ in parts:
        for ref in refs:
            if not await _tasks_for_ref(conv, person, ref):
                return None
    return parts


async def _tasks_for_ref(conv: Conversation, person: Person, ref: str) -> list[Task]:
    ctx = conv.ctx
    return (await ctx.db.run(tasks_by_ref, person, ref) or await ctx.db.run(done_tasks_by_ref, person, ref)
            # the unit's tasks: a head's in a cadre's hands, a member's in the head's
            or await ctx.db.run(unit_tasks_by_ref, person, ref)
            or await ctx.db.run(covered_tasks_by_ref, person, ref, today=ctx.today())  # a colleague on leave
            # the unit's finished ones: a deputy's late word on one is told it is closed, not that there is none
            or await ctx.db.run(unit_tasks_by_ref, person, ref, finished=True))


async def _typed_for_ref(conv: Conversation, event: TextIn, person: Person, ref: str, rest: str, *,
                         alone: bool, collect: Confirmations | None = None) -> bool:
    """What was typed about one item number. `alone`: the only item of the message, which may also be a
    notice an admin is pasting ("1. …"): False then, to let it through."""
    ctx = conv.ctx
    folded_rest = " ".join(strip_marks(rest).lower().split())
    if REOPEN_WORDS.search(folded_rest) and (done := await ctx.db.run(done_tasks_by_ref, person, ref)):
        return await _apply_text(conv, event, person, done[-1], rest, source="text", collect=collect)
    if person.is_admin and "\n" not in rest.strip() and (phoned := PHONED_IN.match(" ".join(nfc(rest).split()))) and \
            not ASSIGNING.search(" ".join(strip_marks(phoned["unit"]).lower().split())):
        # "4 Công an huyện báo cáo qua điện thoại: dịp lễ đã xử lý 126 trường hợp …": the office records what the unit
        # it names said, a progress note (probe 9, #2: read as a question, or as a notice when long)
        named = [t for t in await ctx.db.run(office_tasks_by_ref, person, ref) if _names_task(t, phoned["unit"])]
        if len(named) == 1:
            return await _apply_text(conv, event, person, named[0], phoned["said"], source="office", collect=collect)
    change = parse_status_text(rest, today=ctx.today(), now=ctx.clock.now(), calendar=ctx.policy.calendar)
    if snooze_when(folded_rest) is None and ASKS_EXTENSION.search(folded_rest) is None and change is None:
        return False  # (an item number with any other words is a progress note on that item)
    tasks = await _tasks_for_ref(conv, person, ref)
    if not tasks and (roman := roman_section(ref)) is not None:  # "2.1.a" typed for "II.1.a"
        tasks = await _tasks_for_ref(conv, person, roman)
    if not tasks and person.role in (Role.ADMIN, Role.LEADER) and len(rest) <= OFFICE_MAX and \
            "\n" not in rest.strip() and not ASSIGNING.search(folded_rest):
        every = await ctx.db.run(office_tasks_by_ref, person, ref)
        named = [t for t in every if _names_task(t, rest)]  # never a unit not named
        if every and (change is None or change.status is None) and snooze_when(folded_rest) is None:
            # a question ("mục 1 huyện Thanh Sơn", "tình hình mục 2"): how each unit stands on it
            shown = named or every
            rounds = await ctx.db.run(_last_rounds, [t.id for t in shown if t.occurrence_start is not None],
                                      ctx.policy.calendar.tz)
            await conv.say(event, texts.item_status_answer(ref, [_overview_row(t) for t in shown], ctx.today(),
                                                      rounds=[rounds.get(t.id) for t in shown]))
            return True
        if person.is_admin and len(named) == 1:  # the office records what a unit said by phone: "2 huyện X xong"
            return await _apply_text(conv, event, person, named[0], _without_unit(rest, named[0]), source="office",
                                     collect=collect)
        if person.is_admin and every:
            await conv.say(event, texts.which_unit(ref, [(t.lead_name, t.assignee.full_name if t.assignee else None)
                                                         for t in (named or every)]))
            return True
    if not tasks:  # (a finished task is found too: changing it is refused with how to reopen it)
        if person.is_admin and alone:
            return False  # an admin may be pasting a notice that starts with "1. …"
        supported = await ctx.db.run(support_tasks_by_ref, person, ref)
        if supported and rest.strip() and (SUPPORT_WORDS.search(folded_rest) or (
                texts.meaningful_note(rest) and not QUESTION.search(question_fold(rest)))):
            # "1 đã phối hợp xong, đã gửi số liệu", "3 đã phát 5 tin bài trên đài huyện": the supporting unit's
            # report on its part, as «phối hợp 1: …» (the item is theirs only to support); a bare "2 xong" is
            # explained (the lead reports the task done), not passed on
            return await _record_support(conv, event, person, ref, supported, rest.strip())
        if supported:  # the person's unit supports that task: say how to report its part
            await conv.say(event, texts.support_only(supported[0].item_ref, supported[0].lead_name
                                                     if supported[0].lead_unit else None))
            return True
        if alone and not person.is_admin and ("?" in rest or QUESTION.search(question_fold(rest))):
            # "Thanh tra có phải làm các mục IV không ạ? Kế hoạch không giao Thanh tra": a question about an item
            # the person does not hold is the office's to answer, not a status report gone wrong (probe 19)
            await office.ask(conv, event, person, nfc(event.text).strip())
            return True
        held = in_item_order(await ctx.db.run(open_tasks_for, person))
        under = [t for t in held if ref_key(t.item_ref).startswith(ref_key(ref) + ".")]
        if not under and (section := _section_item(held, ref)) is not None:
            ref, under = section  # "4 xong" for II.4.a–c: "4." as printed under "II." (probe 26, F6)
        if under and rest.strip() and ASKS_EXTENSION.search(folded_rest) and all(t.due_on is None for t in under):
            # "xin gia hạn mục 6 đến 30/9" where II.6.a, II.6.b have no deadline: nothing to extend, not "which of
            # them?" (probe 36, F4)
            await conv.say(event, texts.extension_no_deadline(ref, ref, [t.item_ref for t in under]))
            return True
        if len(under) > 1 and rest.strip() and change is not None and change.status == TaskStatus.DONE and \
                collect is None:
            # "mục 1 đã hoàn thành" where "1." heads 1.a–1.e: all those the person holds, asked once — not 1.a
            # alone by its position (probe 22, F7)
            return await _ask_every(conv, event, person, under, rest.strip(), section=ref)
        if len(under) == 1 and rest.strip() and not person.is_admin and isinstance(event, TextIn):
            # "2 xong" from one who holds only IV.2.1 under IV.2: "Đồng chí báo mục IV.2.1 hoàn thành?", one tap
            # records it (month probe 27, F7: it was answered with the form to type again, and nothing recorded)
            return await _ask_under(conv, event, person, ref, under[0], rest.strip(), change)
        if not person.is_admin and rest.strip() and held and ASKS_EXTENSION.search(folded_rest) and \
                await _extension_elsewhere(conv, event, person, ref, rest.strip(), held):
            return True  # "xin lùi hạn mục 4" from one holding mục 6: whose mục 4 is (probe 28, F8)
        if not person.is_admin and rest.strip() and await _ask_meant(conv, event, person, ref, rest):
            return True  # "5 đang làm 30%" from one who holds only mục 3: "ý đồng chí là mục 3?"
        if len(under) > 1 and rest.strip() and isinstance(event, TextIn):
            # "2.3 60% vướng kinh phí" from one holding 2.3.a–2.3.b.3: which of them, the report kept for one tap
            # (month probe 21: it was answered with the list to type again, and the report was lost)
            buttons = conv.channel(event.channel).capabilities.buttons
            await _ask_which(conv, event, person, under[:MAX_WHICH], rest.strip(), "text",
                             question=texts.which_under(ref, [(t.item_ref, t.text) for t in under], rest.strip(),
                                                        buttons))
            return True
        unit = False
        if not held and not person.is_admin:  # a deputy or cadre holding none: the unit's tasks, to pick from
            held = in_item_order(await ctx.db.run(unit_open_tasks, person))
            unit = bool(held)
        await conv.say(event, texts.unknown_ref(ref, [t.item_ref for t in held], rest, dues=[t.due_on for t in held],
                                                unit=unit, notices=_notices_of(held)))
        return True
    office_too: list[Task] = []
    if tasks and person.is_admin and len(rest) <= OFFICE_MAX and "\n" not in rest.strip() and \
            not ASSIGNING.search(folded_rest) and \
            (elsewhere := await _same_item_elsewhere(conv, person, tasks)) is not None:
        # the office's own item II.2.a, and another notice's II.2.a it may record a unit's report on: which one is
        # asked, never one taken silently (probe 26, F1); as the office's lookup loads them (unit and holder)
        office_too, every = elsewhere
        tasks = [t for t in every if t.id in {k.id for k in tasks}] + office_too
    if tasks and (in_notice := await _in_notice_named(conv, person, ref, tasks, rest)) is not None:
        tasks, rest = in_notice  # "1 xong tb 228": that notice's item 1 (finished already: refused as such)
    elif len(tasks) > 1 and (by_unit := [t for t in tasks if _names_task(t, rest)]) and len(by_unit) == 1:
        tasks, rest = by_unit, _without_unit(rest, by_unit[0])  # "3 Hội Nông dân xong": that unit's item 3
    elif len(tasks) > 1 and (worded := _by_its_words(tasks, rest)) is not None:  # "1 tiếp thu ý kiến xong"
        tasks = [worded]
    elif collect is None and (others := _other_readings(await ctx.db.run(open_tasks_for, person), ref, tasks)):
        # "1 xong" from one holding "1" of one notice and "I.1" of another, "mục 2" over I.2 and II.2.a–c: asked,
        # never one of them taken silently (probe 23)
        tasks = in_item_order(tasks + others)[:MAX_WHICH]
    if len({t.item_ref for t in tasks}) > 1 or (len(tasks) > 1 and len({t.notice_id for t in tasks}) == 1):
        # "1.a" typed for "I.1.a" and "II.1.a", or item 3 held for two units (kiêm nhiệm): ask which, the text kept
        await _ask_which(conv, event, person, tasks, rest, "text")
        return True
    if len(tasks) > 1 and isinstance(event, TextIn) and (
            office_too or len(_told_by_notice(tasks)) == len(tasks) <= MAX_WHICH):
        # the office's report, or a head's item numbered alike in two notices: which notice, one action each (its
        # number on the button and in the form to type; session 25)
        buttons = conv.channel(event.channel).capabilities.buttons
        rows = [(texts.notice_label(t.notice.number, notice_title(t.notice)), t.lead_name if office_too else None,
                 t.text) for t in tasks]
        await _ask_which(conv, event, person, tasks[:MAX_WHICH], rest, "text",
                         question=texts.which_notice(tasks[0].item_ref, rows, rest, buttons))
        return True
    if len(tasks) > 1:
        await conv.say(event, texts.ambiguous_ref(ref, _ambiguous_rows(tasks),
                                                  conv.channel(event.channel).capabilities.reply_to))
        return True
    return await _apply_text(conv, event, person, tasks[0], rest, source="text", collect=collect)


async def _same_item_elsewhere(conv: Conversation, person: Person,
                               tasks: list[Task]) -> tuple[list[Task], list[Task]] | None:
    """For the office: the open tasks of other notices numbered exactly as `tasks` are (each unit of a group its own
    row), which it may record on as well, and every open task so numbered; None when no other notice has one."""
    ids, notices = {t.id for t in tasks}, {t.notice_id for t in tasks}
    refs = {ref_key(t.item_ref) for t in tasks}
    every: dict[int, Task] = {}
    for item in sorted(refs):
        every.update((t.id, t) for t in await conv.ctx.db.run(office_tasks_by_ref, person, item)
                     if ref_key(t.item_ref) in refs)
    found = [t for t in every.values() if t.id not in ids and t.notice_id not in notices]
    return (found, list(every.values())) if found and ids <= every.keys() else None


def _section_item(held: list[Task], ref: str) -> tuple[str, list[Task]] | None:
    """A bare number typed for the item of a Roman section the paper prints it under ("4" for II.4, whose tasks
    II.4.a–c the person holds; `roman_section`'s reading of a number alone): that item and its tasks, when one
    section's item so numbered holds any of them."""
    key = ref_key(ref)
    if not key.isdigit():
        return None
    found: dict[str, list[Task]] = {}
    for t in held:
        if (m := re.fullmatch(rf"([ivxlc]{{1,7}}\.{key})\..+", ref_key(t.item_ref))) is not None:
            found.setdefault(m.group(1), []).append(t)
    if len(found) != 1:
        return None
    section, tasks = found.popitem()
    return tasks[0].item_ref[:len(section)], tasks


def _notices_of(tasks: Sequence[Task]) -> list[str] | None:
    """Each task's notice named short, when the tasks are of several notices (a list of item numbers spanning
    notices names them: probe 26, F6); None for one notice."""
    if len({t.notice_id for t in tasks}) < 2:
        return None
    return [texts.notice_label(t.notice.number, notice_title(t.notice)) for t in tasks]


def _other_readings(held: list[Task], ref: str, tasks: list[Task]) -> list[Task]:
    """The person's other open tasks `ref` may as well mean under another numbering: "1" typed for item 1 of one
    notice may be "I.1" of another; "2" for "I.2" may be section "II.2" (its II.2.a–c) or "2.1"."""
    chosen = {t.id for t in tasks}
    out = []
    for t in held:
        key = ref_key(t.item_ref)
        if t.id in chosen or any(t.notice_id == c.notice_id and key.startswith(ref_key(c.item_ref) + ".")
                                 for c in tasks):  # (2.1 under the 2 chosen, of the same notice: its part)
            continue
        parents = [key.rsplit(".", n)[0] for n in range(1, key.count(".") + 1)]
        if same_ref(key, ref) or ends_ref(key, ref) or any(same_ref(p, ref) or ends_ref(p, ref) for p in parents):
            out.append(t)
    return out


def _notice_number(task: Task) -> str | None:
    m = re.match(r"\s*(\d+)", task.notice.number or "")
    return m.group(1).lstrip("0") or "0" if m else None


async def _in_notice_named(conv: Conversation, person: Person, ref: str, tasks: list[Task],
                           rest: str) -> tuple[list[Task], str] | None:
    """Of the person's tasks numbered `ref` (and those finished), those of the notice the text names by its
    number ("xong tb 228", "thông báo 215-TB/HU xong"), and the text without it; None when it names none of
    them (the number is then something else)."""
    named = notice_named(rest)
    if named is None:
        return None
    number, without = named
    done = await conv.ctx.db.run(done_tasks_by_ref, person, ref)
    pool = tasks + [t for t in done if t.id not in {k.id for k in tasks}]
    chosen = [t for t in pool if _notice_number(t) == (number.lstrip("0") or "0")]
    open_ones = [t for t in chosen if not TaskStatus(t.status).is_closed]
    return (open_ones or chosen[-1:], without) if chosen else None


_STATUS_WORDS = frozenset("xong hoan thanh tat dang lam thuc hien muc viec nhiem vu roi chua vuong mac xin gia han "
                          "den ngay thang nam tuan bao cao gui nop da".split())


def _by_its_words(tasks: list[Task], rest: str) -> Task | None:
    """Of one item number's tasks, the one whose text the message quotes ("1 tiếp thu ý kiến góp ý xong"): at
    least two of its words that are not status words, and more than any other task shares."""
    said = {w for w in re.findall(r"\w+", strip_marks(rest).lower()) if w not in _STATUS_WORDS and not w.isdigit()}
    if len(said) < 2:
        return None
    shared = sorted(((len(said & set(re.findall(r"\w+", strip_marks(t.text).lower()))), i)
                     for i, t in enumerate(tasks)), reverse=True)
    (best, i), (second, _) = shared[0], shared[1]
    return tasks[i] if best >= 2 and best > second else None


def _ambiguous_rows(tasks: list[Task]) -> list[tuple[str | None, str, str]]:
    """(notice number as written, notice title, task text) of each task an item number may mean."""
    return [(t.notice.number, notice_title(t.notice), t.text) for t in tasks]


ITEM_ASKED = re.compile(r"^(?:muc\s*)?(?P<ref>[0-9ivx]+(?:\.[0-9a-z]+)*)\s*\?$")
# an admin's line about another unit's task is short; a notice pasted ("1. Giao Sở X chủ trì …") is not a report
OFFICE_MAX = 160
# what a unit said, as the office writes it down: "Công an huyện báo cáo qua điện thoại: …", "xã Tân Long báo: …",
# "Phòng Nội vụ cho biết: …" (the unit, how it reported, a colon, its words)
PHONED_IN = re.compile(r"^(?P<unit>\S.{2,80}?)\s+(?:đã\s+|vừa\s+)?(?:báo\s*cáo|báo|cho\s*biết|thông\s*tin)"
                       r"(?:\s+(?:qua|bằng)\s+(?:điện\s*thoại|văn\s*bản|tin\s*nhắn|zalo|email|thư)|\s+trực\s*tiếp|"
                       r"\s+miệng|\s+lại)?\s*:\s*(?P<said>\S.*)$", re.I | re.U)
ASSIGNING = re.compile(r"\b(?:giao|chu tri|phoi hop|de nghi|yeu cau|chi dao)\b")


def _last_rounds(session: Session, task_ids: list[int], tz: dt.tzinfo) -> dict[int, texts.LastRound]:
    """For recurring tasks: the round before the current one, and how many rounds were never reported."""
    out: dict[int, texts.LastRound] = {}
    if not task_ids:
        return out
    rows = session.scalars(select(TaskOccurrence).where(TaskOccurrence.task_id.in_(task_ids))
                           .order_by(TaskOccurrence.task_id, TaskOccurrence.period_start))
    granted = granted_extensions(session, task_ids)
    for o in rows:
        before = out.get(o.task_id)
        missed = (before.missed if before else 0) + (o.done_at is None)
        judged = judged_due(o.due_on, granted.get(o.task_id, {}))  # (a round given more time: judged by that)
        out[o.task_id] = texts.LastRound(label=o.label, done_on=o.done_at.astimezone(tz).date() if o.done_at
                                         else None, on_time=o.on_time, missed=missed, due_on=o.due_on,
                                         extended_to=judged if judged != o.due_on else None)
    return out


def _overview_row(task: Task) -> texts.ItemRow:
    """An open task as an item's answer lists it (its unit, holder, progress, deadline)."""
    return texts.ItemRow(notice=task.notice.number or "", unit=task.lead_name,
                         assignee=task.assignee.full_name if task.assignee else None, status=TaskStatus(task.status),
                         percent=task.percent, due_on=task.due_on, done_on=None)


def _without_unit(rest: str, task: Task) -> str:
    """"UBND xã Ngọc Thiện 50% vướng người trực" → "50% vướng người trực": the words that named the unit are not
    the unit's report (the longest way of naming it that the text uses)."""
    squeezed, folded = squeezed_and_folded(rest)
    for name in sorted(ways_to_name(task.lead_name, task.assignee.full_name if task.assignee else None), key=len,
                       reverse=True):
        m = re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", folded)
        if m is not None:
            left = squeezed[m.end():].strip(" ,:;-–")
            return (squeezed[:m.start()].strip(" ,:;-–") + " " + left).strip() or rest
    return rest


def _names_task(task: Task, text: str) -> bool:
    """Whether a message names the task's unit or its assignee."""
    return mentions(text, task.lead_name, task.assignee.full_name if task.assignee else None)


_Held = TypeVar("_Held", Task, DirectionTarget)


# the work a direction asks of its addressee, towards another unit (folded): "đôn đốc xã X", "phối hợp với Sở Y"
_TOWARDS = re.compile(r"\b(?:don doc|nhac nho|nhac|huong dan|ho tro|giup|phoi hop voi|phoi hop|lam viec voi|voi|cho|"
                      r"gui|tu|cua|kiem tra)\s*$")


def _object_of_work(text: str, unit_name: str) -> bool:
    """Whether a message names the unit right after the work asked towards it ("…, đôn đốc xã Hiệp Thạnh gửi hồ
    sơ"), not as one it is addressed to ("Đề nghị xã Hiệp Thạnh …", "… Sở XD và xã Hiệp Thạnh …")."""
    said = f" {fold(text)} "
    places = [at for name in ways_to_name(unit_name) if (at := said.find(f" {name} ")) >= 0]
    return bool(places) and _TOWARDS.search(said[:min(places)]) is not None


def _named_holders(text: str, held: Sequence[_Held], *, by_person: bool = True) -> list[_Held]:
    """Of tasks (or direction targets) of units holding one item, those whose unit or person a message names (a
    usual form of the name, `mentions`); else those whose unit it names by a short form of its own words
    (`named_among`: "Trường Sơn" for "Tổng công ty Xây dựng Trường Sơn" — probe 20: "nhắc Tổng công ty Trường Sơn
    mục 2.c" went to all three companies holding 2.c); [] when it names none. Without `by_person`, units only (a
    supporting unit's report speaks of the places it saw, whose words may also be a person's given name)."""
    def unit(h: _Held) -> str:
        return h.lead_name if isinstance(h, Task) else h.unit_name

    def person(h: _Held) -> str | None:
        return (h.assignee.full_name if h.assignee else None) if isinstance(h, Task) else h.assignee_name

    written_short = named_by_initials(text, [u for h in held if (u := unit(h))])  # "Sở XD" (probe s43)
    named = [h for h in held
             if mentions(text, unit(h), person(h) if by_person else None) or unit(h) in written_short]
    if named:
        return named
    short = named_among(text, [u for h in held if (u := unit(h))])
    return [h for h in held if unit(h) in short]


async def _reopen(conv: Conversation, event: TextIn, person: Person, ref: str) -> bool:
    ctx = conv.ctx
    closed = await ctx.db.run(done_tasks_by_ref, person, ref)
    if not closed:
        meant = (await _positions(conv, person, [([ref], "")]))[0][0][0][0]  # "5.2" as progress replies read it
        held = [t for t in await _tasks_for_ref(conv, person, meant) if not TaskStatus(t.status).is_closed]
        await conv.say(event, texts.nothing_to_reopen(ref, held[0].item_ref if len(held) == 1 else None))
        return True
    await _record(conv, event, person, closed[-1].id,
                  StatusUpdate(status=TaskStatus.IN_PROGRESS, reopen=True, note="mở lại"), "text")
    return True


def in_item_order(tasks: list[Task]) -> list[Task]:
    """As the notice lists them (2.a, 2.b, 2.c …), notice by notice: not by deadline, which reads as an error next
    to the paper (probe 20)."""
    return sorted(tasks, key=lambda t: (t.notice_id, t.position, t.id))


async def my_tasks(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    """/viec: the person's open tasks in the notice's order; a head's unit tasks in cadres' hands; a deputy's or
    cadre's unit tasks in others' hands (they may report on them)."""
    ctx = conv.ctx
    tasks = in_item_order(await ctx.db.run(open_tasks_for, person))
    rows = [(t.item_ref, f"[kỳ {t.occurrence_label}] {t.text}" if t.occurrence_label else t.text, t.due_on,
             TaskStatus(t.status), t.percent) for t in tasks]
    delegated = await ctx.db.run(delegated_tasks, person)
    unit_held = await ctx.db.run(lambda s: delegated_tasks(s, person, member=True))
    notice_ids = {t.notice_id for t in tasks} | {r.notice_id for r in (*delegated, *unit_held)}
    if len(notice_ids) > 1:  # several notices, each numbering its items II.1, II.2 …: grouped by notice (probe 21)
        headings = await ctx.db.run(_notice_headings, notice_ids)
        await conv.say(event, texts.my_tasks_by_notice(
            person.full_name, [(t.notice_id, *row) for t, row in zip(tasks, rows, strict=True)], headings,
            ctx.today(), delegated, calendar=ctx.policy.calendar, unit_held=unit_held,
            round_starts=[t.occurrence_start for t in tasks], not_started=[said_not_started(t) for t in tasks]))
        return
    await conv.say(event, texts.my_tasks(person.full_name, rows, ctx.today(), delegated,
                                         calendar=ctx.policy.calendar,
                                         notices=[t.notice.number or notice_title(t.notice) for t in tasks],
                                         units=[t.lead_name for t in tasks], unit_held=unit_held,
                                         overview=person.is_admin or person.role == Role.LEADER,
                                         round_starts=[t.occurrence_start for t in tasks],
                                         not_started=[said_not_started(t) for t in tasks]))


def _notice_headings(session: Session, notice_ids: set[int]) -> dict[int, texts.NoticeHeading]:
    out: dict[int, texts.NoticeHeading] = {}
    for notice_id in sorted(notice_ids):
        notice = session.get_one(Notice, notice_id)
        out[notice_id] = texts.NoticeHeading(title=notice_title(notice), subject=notice.subject, number=notice.number)
    return out


# ---------------------------------------------------------------- supporting units and delegation

async def _support_report(conv: Conversation, event: TextIn, person: Person, ref: str, text: str) -> bool:
    """«phối hợp 2.3: đã gửi số liệu» from a person of a supporting unit: kept with the task's history, told
    to the lead unit's assignee (and head); the status is the lead's to report."""
    ctx = conv.ctx
    original = text.strip()
    folded = strip_marks(original).lower()
    m = SUPPORT.match(folded)
    note = original[m.end():].strip() if m is not None and len(folded) == len(original) else \
        re.sub(r"^\s*\S+\s+\S+\s+(?:mục\s*)?\S+\s*[:\-–]?\s*", "", original, flags=re.I).strip()
    tasks = await ctx.db.run(support_tasks_by_ref, person, ref)
    if not tasks:
        await conv.say(event, texts.not_supporting(ref))
        return True
    if not note:
        await conv.say(event, texts.support_needs_text(ref))
        return True
    return await _record_support(conv, event, person, ref, tasks, note)


SUPPORT_WORDS = re.compile(r"\bphoi\s*hop\b")  # on folded text


SUPPORT_ASKED = "support"  # a pending reply's source: a support report on an item several units hold, "which?"
ASK_WHICH_HOLDER_MAX = 6  # more units holding the item (a group: "các sở, ban, ngành"): a report is for all of them
ALL_HOLDERS = re.compile(r"^(?:tat ca|ca)(?:\s+(?:cac\s+)?(?:don vi|cong ty|xa|phong))?\s*[:\-–,]\s*")  # folded
# "… cho các đơn vị", "tất cả các công ty", "cả 3 đơn vị": a report the words say is for every holder (folded)
FOR_EVERY_HOLDER = re.compile(r"\b(?:tat ca|chung cho|cac (?:don vi|cong ty|doanh nghiep|xa|phuong|thi tran|huyen|so|"
                              r"phong|co quan|dia phuong)|ca (?:\d+|hai|ba|bon|nam|sau) (?:don vi|cong ty|xa|phong))\b")


async def _record_support(conv: Conversation, event: Inbound, person: Person, ref: str, tasks: list[Task],
                          note: str, *, every_holder: bool = False) -> bool:
    """A supporting unit's `note` on its part of the tasks numbered `ref` (see _support_report). An item a few
    units hold: a report naming one of them ("kho Hiệp Phú") goes to it only; naming none, the bot asks which
    (one action per unit, and one for all of them: `every_holder`, or typed "phối hợp 2.c tất cả: …") — an
    inspection result of one company is not sent to its competitors."""
    ctx = conv.ctx
    if len({(t.notice_id, t.item_ref) for t in tasks}) > 1:
        await conv.say(event, texts.ambiguous_ref(ref, _ambiguous_rows(tasks),
                                                  conv.channel(event.channel).capabilities.reply_to))
        return True
    if len(tasks) > 1 and not every_holder:
        folded = strip_marks(note).lower()
        if (everyone := ALL_HOLDERS.match(folded)) is not None:
            note = note[everyone.end():].strip()
        elif named := _named_holders(note, tasks, by_person=False):
            tasks = named
        elif len(tasks) <= ASK_WHICH_HOLDER_MAX and not FOR_EVERY_HOLDER.search(folded) and \
                not await ctx.db.run(_given_to_a_group, tasks[0]):
            # (an item given to a group — "các sở" — is the group's: a report on it is for each member)
            await _ask_which_holder(conv, event, person, ref, tasks, note)
            return True
    told: set[int] = set()
    reached: list[tuple[str, str]] = []  # (person, their unit): who actually got it, for the acknowledgement
    for task in tasks:  # one item given to several units (a group): the report goes to each of them
        result = await ctx.db.run(record_support, task_id=task.id, actor=person, note=note,
                                  now=sent_time(conv, event))
        for someone in result.lead_people:
            if someone.id not in told:
                told.add(someone.id)
                if await conv.notify(someone, Outgoing(text=texts.support_report_text(result))) is not None:
                    reached.append((someone.full_name, task.lead_name))
    await conv.say(event, texts.support_recorded_text(result, reached))
    return True


def _given_to_a_group(session: Session, task: Task) -> bool:
    """Whether the notice gave `task`'s item to a group ("các sở", "UBND các huyện") rather than naming its units
    (the leads as written, kept with the notice)."""
    notice = session.get_one(Notice, task.notice_id)
    return any(read_group(name) is not None for pt in (notice.meta or {}).get("tasks", [])
               if pt.get("ref") == task.item_ref for name in pt.get("lead") or [])


async def _ask_which_holder(conv: Conversation, event: Inbound, person: Person, ref: str, tasks: list[Task],
                            note: str) -> None:
    """Which of the units holding item `ref` a support report is for: one action per unit, one for all; the
    report is kept until chosen (as a "which task?" question's text)."""
    ctx = conv.ctx
    pending_id = await ctx.db.run(save_pending_reply, person=person, text=note, source=SUPPORT_ASKED,
                                  task_ids=[t.id for t in tasks], sent_at=sent_time(conv, event))
    short = texts.shorten(note, 60)
    actions = [Action(label=t.lead_name or f"Mục {t.item_ref}", data=f"w:{pending_id}:{t.id}",
                      typed=f"phối hợp {ref} {t.lead_name}: {short}") for t in tasks]
    actions.append(Action(label=texts.BUTTON_ALL_HOLDERS, data=f"w:{pending_id}:{tasks[0].id}:all",
                          typed=f"phối hợp {ref} tất cả: {short}"))
    buttons = conv.channel(event.channel).capabilities.buttons
    ids = [t.assignee_id for t in tasks if t.assignee_id is not None]
    names = await ctx.db.run(lambda s: {r.id: r.full_name for r in s.execute(
        select(Person.id, Person.full_name).where(Person.id.in_(ids)))})
    holders = [(t.lead_name, names.get(t.assignee_id) if t.assignee_id is not None else None) for t in tasks]
    await conv.reply(event, Outgoing(text=texts.support_which(ref, holders, note, buttons=buttons),
                                     actions=tuple((a,) for a in actions)))


async def delegate_command(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    """/giao 2.3 @handle, /giao 2.3 Lê Thị Luật: the head of the lead unit hands the task to a cadre of the unit
    (named by handle or full name, as /moi accepts; probe 21, F7)."""
    ctx = conv.ctx
    cadres = await ctx.db.run(unit_cadres, person) if person.role == "head" else []
    rows = [(c.handle, c.full_name) for c in cadres]
    if len(args) < 2:
        held = [t.item_ref for t in in_item_order(await ctx.db.run(open_tasks_for, person))] or \
            [r.item_ref for r in await ctx.db.run(delegated_tasks, person)]
        await conv.say(event, texts.delegate_usage_named(rows, held[0] if held else None))
        return
    # a given name alone ("/giao III.1.k Hương") is looked for among the people of the unit holding the item
    found = await ctx.db.run(lambda s: named_at_end(s, args, keep=1, near=person, units=item_units(s, args[0])))
    assert found is not None  # (two words at least)
    if len(found.people) != 1:
        typed = " ".join(found.before)
        if found.people:
            await conv.say(event, texts.person_which(found.said, "giao", typed,
                                                     [(p.handle, p.full_name, p.title) for p in found.people]))
        else:
            example = rows[0] if rows else await ctx.db.run(colleague_example, person)
            await conv.say(event, texts.person_not_in_directory(found.said, "giao", typed, example))
        return
    result = await ctx.db.run(delegate, by=person, item_ref=" ".join(found.before),
                              handle=found.people[0].handle, now=ctx.clock.now())
    await _delegated(conv, event, result, by=person)


async def on_delegate_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    """"g:<task>": the unit's people as actions; "g:<task>:<person>": hand the task over."""
    ctx = conv.ctx
    parts = event.data.split(":")
    task_id = int(parts[1])
    if len(parts) == 3:
        await conv.answer_tap(event)
        await conv.clear_actions(event.channel, event.chat_id, event.on_message)
        result = await ctx.db.run(delegate_task, by=person, task_id=task_id, person_id=int(parts[2]),
                                  now=ctx.clock.now())
        await _delegated(conv, event, result, by=person)
        return
    if not await ctx.db.run(_may_delegate, person, task_id):
        raise NotAllowed(person.handle, "delegate a task")
    await conv.answer_tap(event)
    cadres = [c for c in await ctx.db.run(unit_cadres, person) if c.channels]
    if not cadres:
        await conv.say(event, texts.delegate_usage([]))
        return
    actions = [Action(label=c.full_name, data=f"g:{task_id}:{c.id}", typed="") for c in cadres[:24]]
    await conv.reply(event, Outgoing(text=texts.delegate_choose(),
                                     actions=tuple(tuple(actions[i:i + 2]) for i in range(0, len(actions), 2))))


async def _delegated(conv: Conversation, event: Inbound, result: Delegated, *, by: Person) -> None:
    ctx = conv.ctx
    taken_back = result.assignee.id == by.id  # "/giao 2 @minh": the head takes it himself, no letter to himself
    await conv.say(event, texts.delegated_text(result, taken_back=taken_back, giver=by.full_name))
    if taken_back:
        return
    replies = conv.replies_reach(result.assignee)
    sent = await conv.notify(result.assignee, Outgoing(text=texts.delegation_assignment_text(result, replies)),
                             remember=("task", result.task_id))
    if sent is not None and sent.last_id is not None:  # a reply to it is about that task
        await ctx.db.run(remember_task_message, task_id=result.task_id, channel=sent.channel, chat_id=sent.chat_id,
                         message_id=sent.last_id, now=ctx.clock.now())
