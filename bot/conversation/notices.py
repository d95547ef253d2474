"""Loading a notice: an admin sends text or a file, sees the tasks found, corrects
them, and confirms or cancels (a tap, or typed «xác nhận» / «hủy» where there are
no buttons). Parsing runs in a thread; nothing is registered before confirmation."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot import ocrwords, texts
from bot.conversation import directory, status
from bot.conversation.events import Action, FileIn, Inbound, Outgoing, TapIn, TextIn
from bot.conversation.named import named_at_end
from bot.corrections import (
    LEAD,
    ONLY_FOR_A_DRAFT,
    REF_VALUE,
    CorrectionError,
    looks_like_correction,
    parse_corrections,
    split_roles,
)
from bot.datetext import WhenUnclear, parse_when
from bot.ingest import parse_notice
from bot.ingest.dates import HOLIDAY
from bot.ingest.enumeration import skips
from bot.ingest.files import MAX_FILE_BYTES, pdf_text_layer, read_text, text_layer_usable
from bot.ingest.parser import items_not_read
from bot.ocrwords import Misread
from scheduler.calendar import WorkingCalendar
from scheduler.series import start_notice_series
from storage.corrections import Correction
from storage.directory import person_by_id
from storage.errors import NotAllowed, NoTasksFound, NoticeUnreadable
from storage.itemref import numbers_made_up
from storage.models import Notice, Person, Role, Task, Unit
from storage.notices import (
    Registered,
    cancel_notice,
    confirm_notice,
    create_draft,
    distinct_refs,
    draft_for_message,
    draft_task,
    draft_tasks_under,
    draft_view,
    format_title,
    hold_dues,
    latest_draft,
    notice_title,
    preview_messages,
    registered_before,
    remember_preview,
    supported_tasks,
    take_held_dues,
    undo_correction,
    unit_named,
)
from storage.notices import correct_draft as apply_corrections
from storage.parsed import ParsedNotice
from storage.tasks import (
    LeadMoved,
    TaskEdited,
    admins,
    ask_move,
    confirmed_item,
    edit_confirmed,
    item_units,
    move_lead,
    pass_ref_remark,
    remember_task_message,
)
from storage.vntext import fold, strip_marks

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bot.conversation.core import Conversation
    from storage.notices import Draft

log = logging.getLogger(__name__)

SLOW_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")  # may need OCR
# "xác nhận", "xác nhận văn bản", "xác nhận giao việc", "ok xác nhận", "hủy", "hủy bỏ": the decision word first,
# at most DECISION_TAIL_WORDS words after it, no number (not a correction such as "hủy 3")
DECISION_TAIL_WORDS = 4
DECISION_START = re.compile(r"^(?:(?:ok(?:e|ay)?|da (?:kiem tra|xem|doc)(?: ky)?|vang|da)\W*\s*)?(?P<force>van\s+)?"
                            r"(?:(?P<confirm>(?:dong y\s+)?xac nhan|dong y giao(?:\s+viec)?)"
                            r"|(?P<cancel>huy(?:\s+bo)?))\b(?P<tail>[^\d]{0,40})$")
NOTICE_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)/]|[IVXivx]{1,4}[.)]|[a-zđ]\)|[-+•*])\s*\S", re.M)
MIN_NOTICE_CHARS = 120  # one line shorter than this, with no numbered item: a chat message, not a notice


def looks_like_a_notice(text: str) -> bool:
    """Whether an admin's typed text may be a notice to load (pasted text), not a chat message."""
    text = text.strip()
    lines = [line for line in text.splitlines() if line.strip()]
    return (len(text) >= MIN_NOTICE_CHARS or (len(lines) >= 2 and len(text) >= 40)
            or (len(text) >= 25 and NOTICE_ITEM.search(text) is not None))


def _parse(data: bytes | str, filename: str) -> tuple[str, ParsedNotice, bool]:
    """The text, the notice read from it, and whether the text came from OCR."""
    read = read_text(data, filename) if not isinstance(data, str) else None
    text = read.text if read is not None else str(data)
    parsed = parse_notice(text)
    if not parsed.tasks:
        if isinstance(data, bytes) and filename.lower().endswith(".pdf") and not data.lstrip().startswith(b"%PDF"):
            # named .pdf, no PDF inside and no notice as text either (a text file saved as .pdf is read): broken
            raise NoticeUnreadable("broken pdf: no PDF header", "Tệp PDF bị hỏng, không thể đọc.")
        raise NoTasksFound(f"no task in {filename or 'pasted text'}")
    # pasted text copied from an OCR reading is checked as a scan is (month probe 36: its garble shown as task text)
    return text, parsed, read.ocr if read is not None else ocrwords.pasted_from_ocr(text)


def _before_a_holiday(due_text: str | None) -> bool:
    """"hoàn thành trước Tết Dương lịch", "xong trước ngày Quốc khánh 2/9": the parser's own holiday deadline,
    said with "trước" (not "chậm nhất")."""
    return (m := HOLIDAY.search(due_text or "")) is not None and "trước" in m.group("cue").lower()


def before_holidays(parsed: ParsedNotice, calendar: WorkingCalendar) -> ParsedNotice:
    """`parsed` with each deadline written as before a holiday moved to the last working day before it, when the
    holiday's date is a day off. The notice names the holiday's date (the parser gives it, as the corpus labels it)
    — and a deadline on a day off runs on to the next working day, which would carry "before the holiday" past the
    break."""
    tasks = tuple(
        replace(task, due=calendar.previous_working_day(task.due))
        if task.due is not None and not calendar.is_working_day(task.due) and _before_a_holiday(task.due_text)
        else task for task in parsed.tasks)
    return parsed if tasks == parsed.tasks else replace(parsed, tasks=tasks)


def confirm_actions(notice_id: int) -> tuple[tuple[Action, ...], ...]:
    return ((Action(label=texts.BUTTON_CONFIRM, data=f"n:{notice_id}:ok", typed="xác nhận"),
             Action(label=texts.BUTTON_CANCEL, data=f"n:{notice_id}:no", typed="hủy")),)


async def ingest(conv: Conversation, event: Inbound, person: Person, data: bytes | str, filename: str) -> None:
    ctx = conv.ctx
    text, parsed, ocr = await asyncio.to_thread(_parse, data, filename)
    parsed = before_holidays(parsed, ctx.policy.calendar)  # (the admin's calendar, read for this event)
    # a notice already confirmed (same text, or same number and date): said at once, no preview — its
    # confirmation would be refused, and corrections typed to it lost
    before = await ctx.db.run(registered_before, parsed, text)
    if before is not None:
        log.info("notice from %r by %s repeats confirmed notice %s: no draft", filename, person.handle,
                 before.notice_id)
        await conv.say(event, texts.already_registered(before))
        return
    # (the items the task filter took for no duty, said on the first preview: a later view reads the draft)
    unread = await asyncio.to_thread(items_not_read, text, parsed)
    if numbers_made_up([t.ref for t in parsed.tasks], text):  # the preview's numbers are the items' (probe 28, F4)
        parsed = replace(parsed, tasks=tuple(replace(t, ref=str(n), parent_ref=None)
                                             for n, t in enumerate(parsed.tasks, start=1)))
        unread = []
    parsed = distinct_refs(parsed)  # (the preview numbers two duties under one item number apart, as stored)
    draft = await ctx.db.run(create_draft, parsed, source_text=text, source_name=filename, by=person,
                             now=ctx.clock.now(), ocr=ocr)
    await _show_draft(conv, event, parsed, draft, unread=unread)


def _misread(parsed: ParsedNotice, draft: Draft) -> list[tuple[str, list[Misread]]]:
    """For a draft read by OCR, the words probably misread, by place: the subject, then each task by its preview
    number (an acronym's other spellings are counted over the whole text read) — but what the admin typed since
    (a task reworded or added, the subject): that is no OCR. Empty for a typed notice."""
    text = draft.ocr_text
    if text is None:
        return []
    places = [] if texts.SUBJECT_PLACE_KEY in draft.typed else [
        (texts.SUBJECT_PLACE, ocrwords.misreads(parsed.subject or "", context=text))]
    places += [(str(n), ocrwords.misreads(task.text, context=text))
               for n, task in zip(draft.numbers, parsed.tasks, strict=True) if n not in draft.typed]
    return [(place, found) for place, found in places if found]


async def _show_draft(conv: Conversation, event: Inbound, parsed: ParsedNotice, draft: Draft, *,
                      compact: bool | None = None, unread: Sequence[str] = ()) -> None:
    """Send the preview with its actions and remember its messages: a reply to them corrects the draft. Read by
    OCR, the first preview and every whole view after it ("xem tất cả") point at the words probably misread."""
    title = format_title(parsed.kind, parsed.number, parsed.date, meeting_date=parsed.meeting_date,
                         subject=parsed.subject)
    replies = conv.channel(event.channel).capabilities.reply_to
    misread = await asyncio.to_thread(_misread, parsed, draft) if draft.ocr_text is not None else []
    pasted = draft.ocr_text is not None and await conv.ctx.db.run(_pasted, draft.notice_id)
    await _send_draft(conv, event, draft.notice_id,
                      texts.draft_preview(parsed, draft, title, replies=replies, today=conv.ctx.today(),
                                          explain=conv.ctx.policy.calendar.explain_deadline,
                                          ocr=draft.ocr_text is not None, misread=misread, compact=compact,
                                          pasted=pasted, numbering=skips(draft.ocr_text or ""), unread=unread,
                                          checkin_every=conv.ctx.policy.checkin_every_working_days))


def _pasted(session: Session, notice_id: int) -> bool:
    """The draft's text was pasted into the chat, not sent as a file (`ingest` of typed text names no file)."""
    return not session.get_one(Notice, notice_id).source_name


async def _send_draft(conv: Conversation, event: Inbound, notice_id: int, text: str) -> None:
    """A message about the draft that carries its actions (taken off the one that had them) and that a reply
    corrects."""
    await _clear_draft_actions(conv, event, notice_id)
    sent = await conv.reply(event, Outgoing(text=text, actions=confirm_actions(notice_id)))
    await conv.ctx.db.run(remember_preview, notice_id, chat_id=sent.chat_id, message_ids=sent.message_ids)


async def _clear_draft_actions(conv: Conversation, event: Inbound, notice_id: int) -> None:
    """The draft's last message loses its actions (they would confirm a draft that has changed, or twice)."""
    for message_id in (await conv.ctx.db.run(preview_messages, notice_id))[-1:]:  # the actions are on the last
        await conv.clear_actions(event.channel, event.chat_id, message_id)


# "xem tất cả", "xem lại danh sách", "xem toàn bộ": the whole draft again
SHOW_ALL = re.compile(r"^(?:xem lai|(?:xem|hien|in)?\s*(?:lai\s+)?(?:tat ca|toan bo|(?:ca\s+)?danh sach))"
                      r"(?:\s+nhiem vu)?$")
# "xem đầy đủ", "xem chi tiết tất cả": the whole draft, every task in full (a long one is shown one line a task)
SHOW_WHOLE = re.compile(r"^(?:xem\s+)?(?:day du|chi tiet|toan van)(?:\s+(?:tat ca|toan bo|ca danh sach|danh sach))?"
                        r"(?:\s+(?:cac\s+)?nhiem vu)?$")
# "xem 3", "xem đầy đủ nhiệm vụ 3", "chi tiết mục 2.1", "3?", "xem VI.1", "IV.1.a?", "mục VI.1?": a task of the
# draft, whole (an item number with parts, or a Roman section, is one with or without "mục"; typed folded)
_SEE = r"(?:xem|chi tiet)(?:\s+(?:lai|day du|ky|toan van|chi tiet|noi dung))?\s+"
_ITEM = r"(?:[ivx]{1,4}|\d{1,3})(?:\.(?:\d{1,3}|[a-z]))+|[ivx]{1,4}"
SHOW_TASK = re.compile(rf"^(?:{_SEE}(?:(?:nhiem vu|nv|so)\s+)?(?P<n>\d{{1,3}})|{_SEE}muc\s+(?P<ref>[^\s?]+?)|"
                       rf"{_SEE}(?P<seen>{_ITEM})|muc\s+(?P<asked_ref>[^\s?]+?)\s*\?|(?P<item>{_ITEM})\.?\s*\?|"
                       r"(?P<asked>\d{1,3})\s*\?)\.?\s*\??$")


async def correct_draft(conv: Conversation, event: TextIn, person: Person) -> bool:
    """An admin's corrections ("3: Sở Tài chính", "3 hạn 30/4", "bỏ 3", "thêm: …") or "xem 3" (a task of the
    draft whole): a reply to a preview; or, while the admin has a draft open, typed lines that read as
    corrections, or that begin as one does (those that do not read are explained: a line meant for the draft
    is never taken for a notice or a progress report). A reply to another message of the bot (an error, the
    list of corrections) counts as typed. False otherwise."""
    if not person.is_admin:
        return False
    ctx = conv.ctx
    notice_id = None
    if event.reply_to is not None:
        notice_id = await ctx.db.run(draft_for_message, chat_id=event.chat_id, message_id=event.reply_to)
    replied = notice_id is not None
    if notice_id is None:
        notice_id = await ctx.db.run(latest_draft, person)
        if notice_id is None:
            if ONLY_FOR_A_DRAFT.match(event.text.strip()) or \
                    SHOW_ALL.match(" ".join(strip_marks(event.text).lower().split()).strip(" .!?")):
                await conv.say(event, texts.NO_OPEN_DRAFT)  # "thêm: …" after the draft was confirmed; "xem tất cả"
                return True
            return await confirmed_lead(conv, event, person)
    folded = " ".join(strip_marks(event.text).lower().split())
    if UNDO.match(folded.strip(" .!")):  # "hoàn tác", "nhầm, khôi phục lại": the last correction taken back
        undone = await ctx.db.run(undo_correction, notice_id, by=person, now=ctx.clock.now())
        if undone is None:
            await conv.say(event, texts.NOTHING_TO_UNDO)
            return True
        await _say_changes(conv, event, notice_id, undone.parsed,
                           dataclasses.replace(undone.draft, applied=undone.applied), undone=undone.left)
        return True
    if KEEP_DUE.match(folded.strip(" .!")) and (held := await ctx.db.run(take_held_dues, notice_id)):
        await _apply(conv, event, person, notice_id, held)  # "đúng": the deadline asked about, as typed
        return True
    whole = SHOW_WHOLE.match(folded.strip(" .!?")) is not None
    if whole or SHOW_ALL.match(folded.strip(" .!?")):
        parsed, draft = await ctx.db.run(draft_view, notice_id)
        await _show_draft(conv, event, parsed, draft, compact=False if whole else None)
        return True
    if show := SHOW_TASK.match(folded):
        ref = show["ref"] or show["seen"] or show["asked_ref"] or show["item"]
        number = int(show["n"] or show["asked"]) if ref is None else None
        if ref is not None:  # read folded: a Roman section is written in capitals ("vi.1" → "VI.1")
            ref = re.sub(r"^[ivx]+(?=\.|$)", lambda m: m.group().upper(), ref.rstrip("."))
        found = await ctx.db.run(draft_task, notice_id, number=number, ref=ref)
        below = await ctx.db.run(draft_tasks_under, notice_id, ref) if found is None and ref is not None else []
        if found is None and not below:
            await conv.say(event, texts.no_draft_task(str(number) if number is not None else f"Mục {ref}"))
            return True
        parsed, draft = await ctx.db.run(draft_view, notice_id)
        if found is None:  # "chi tiết mục III.1": every task under it, whole (a long preview lists one line each)
            await conv.say(event, "\n\n".join(texts.draft_task_text(
                n, task, today=ctx.today(), guesses=draft.guesses, explain=ctx.policy.calendar.explain_deadline)
                for n, task in below))
            return True
        words = dict(await asyncio.to_thread(_misread, parsed, draft)) if draft.ocr_text is not None else {}
        await conv.say(event, texts.draft_task_text(*found, today=ctx.today(), guesses=draft.guesses,
                                                    explain=ctx.policy.calendar.explain_deadline,
                                                    misread=words.get(str(found[0]), ()),
                                                    written=texts.written_units(parsed)))
        return True
    if split := SPLIT.match(folded.strip(" .!")):
        await _split(conv, event, person, notice_id, split)
        return True
    issued_on = await ctx.db.run(lambda s: s.get_one(Notice, notice_id).issued_on)  # "hạn 15 ngày" counts from it
    if replied or looks_like_correction(event.text):
        corrections = parse_corrections(event.text, today=ctx.today(), now=ctx.clock.now(), issued_on=issued_on)
    else:
        try:
            corrections = parse_corrections(event.text, today=ctx.today(), now=ctx.clock.now(), issued_on=issued_on)
        except CorrectionError:
            return False  # not corrections: something else typed while a draft is open
    if not corrections:
        return False
    # a deadline before the notice's own date is almost surely a slip ("15/3/2018" for 15/3/2019): asked, not taken
    issued = next((c.value for c in corrections if c.field == "date" and isinstance(c.value, dt.date)), issued_on)
    doubtful = [c for c in corrections if doubtful_due(c, issued_on=issued, today=ctx.today())]
    await ctx.db.run(hold_dues, notice_id, doubtful)  # (none: those asked before are forgotten)
    question = texts.doubtful_dues(doubtful, issued_on=issued, today=ctx.today()) if doubtful else None
    corrections = [c for c in corrections if c not in doubtful]
    if not corrections:
        assert question is not None
        await _send_draft(conv, event, notice_id, question)
        return True
    await _apply(conv, event, person, notice_id, corrections, question)
    return True


# "tách 1", "tách nhiệm vụ 1 thành 2 việc: …", "tách mục II.1 làm hai" (folded): a task split in two as the preview's
# hint shows it (probe 7, #3: "Không hiểu dòng …"); what follows the number is the admin's own account of the parts
SPLIT = re.compile(r"^(?:(?:de nghi|xin|cho|giup)\s+)?tach\s+(?:(?:nhiem vu|nv|viec)\s+(?:so\s+)?(?P<n>\d{1,3})"
                   r"|muc\s+(?P<ref>[ivx]+(?:\.[\w]+)*|\d+(?:\.[\w]+)*)|(?P<bare>\d{1,3}))\b(?!\.\w)"
                   r"(?:\s*(?:thanh|lam|ra)\s+(?:2|hai)\b.*|\s*:.*"
                   r"|(?:\s+(?:ra|giup|em|toi|minh|nhe|nha|a|voi|di))+\W*)?$", re.S)


async def _split(conv: Conversation, event: TextIn, person: Person, notice_id: int, split: re.Match[str]) -> None:
    """"tách 1": the split the preview suggests for a task that holds a one-off paper and its recurring reports,
    applied as its two correction lines; for any other task, the two lines to type."""
    ctx = conv.ctx
    number = split["n"] or split["bare"]
    ref = re.sub(r"^[ivx]+(?=\.|$)", lambda m: m.group().upper(), split["ref"]) if split["ref"] else None
    found = await ctx.db.run(draft_task, notice_id, number=int(number) if number else None, ref=ref)
    if found is None:
        await conv.say(event, texts.no_draft_task(number if number else f"Mục {ref}"))
        return
    parsed, _draft = await ctx.db.run(draft_view, notice_id)
    lines = texts.split_lines(parsed, *found)
    if lines is None:
        log.info("split of task %s of notice %s asked: not a paper with reports", found[0], notice_id)
        await conv.say(event, texts.cannot_split(*found))
        return
    issued_on = await ctx.db.run(lambda s: s.get_one(Notice, notice_id).issued_on)
    corrections = parse_corrections("\n".join(lines[:2]), today=ctx.today(), now=ctx.clock.now(), issued_on=issued_on)
    await _apply(conv, event, person, notice_id, corrections)


# "hoàn tác", "nhầm, hoàn tác giúp", "khôi phục lại", "khôi phục nhiệm vụ 12 như cũ", "trả lại như cũ", "undo": the
# draft's last correction taken back (probe s42: each got "chưa hiểu … để nạp văn bản …"); typed folded
# (a clerk's lead-in before it: "à nhầm, hoàn tác", "ơ nhầm rồi, …", "thôi, hoàn tác" — probe 8, #1)
UNDO = re.compile(r"^(?:(?:(?:ay|oi|chet|a|o|u|ui|ua|thoi)\W*\s+)?(?:(?:nham|sai|xin loi|sorry)(?:\s+roi)?\W*\s*)?"
                  r"(?:thoi\W*\s+)?)?(?:(?:xin|cho|de nghi)\s+)?"
                  r"(?:hoan tac|undo|khoi phuc|phuc hoi|tra lai|quay lai|lay lai)"
                  r"(?:\s+(?:lai|nhiem vu\s+\d{1,3}|muc\s+\S+|\d{1,3}"
                  r"|lan sua(?:\s+(?:vua roi|vua xong|cuoi|gan nhat|truoc))?|nhu cu|nhu truoc"
                  r"|giup(?:\s+(?:em|toi|minh))?|nhe|nha|a|di|voi))*$")
LONG_PAST_DAYS = 30  # a deadline typed this long before today, for a notice without a date: probably a slip
# "đúng", "đúng rồi", "giữ nguyên": the deadline asked about is the one meant
KEEP_DUE = re.compile(r"^(?:(?:vang|da|ok)\W*\s*)?(?:dung(?:\s+(?:roi|vay|the|a|han do|han nay))?|giu(?:\s+nguyen)?"
                      r"(?:\s+han(?:\s+(?:do|nay))?)?|co)$")


def doubtful_due(c: Correction, *, issued_on: dt.date | None, today: dt.date) -> bool:
    """A deadline typed that lies before the notice's own date (no date: over LONG_PAST_DAYS before today): the task
    would be overdue the day it is given (probe 24 #2: "6 hạn 15/3/2018" for a plan of 26/06/2018)."""
    if c.field != "due" or not isinstance(c.value, dt.date):
        return False
    return c.value < issued_on if issued_on is not None else c.value < today - dt.timedelta(days=LONG_PAST_DAYS)


async def _apply(conv: Conversation, event: TextIn, person: Person, notice_id: int, corrections: list[Correction],
                 question: str | None = None) -> None:
    """Apply corrections to the draft and say what changed (and `question`, a deadline asked about, below)."""
    parsed, draft = await conv.ctx.db.run(apply_corrections, notice_id, corrections, by=person,
                                          now=conv.ctx.clock.now())
    await _say_changes(conv, event, notice_id, parsed, draft, question)


async def _say_changes(conv: Conversation, event: TextIn, notice_id: int, parsed: ParsedNotice, draft: Draft,
                       question: str | None = None, *, undone: int | None = None) -> None:
    """What the corrections in `draft.applied` changed (or, `undone`, what taking the last one back restored), the
    tasks they touched as they now read, and `question` below."""
    ctx = conv.ctx
    replies = conv.channel(event.channel).capabilities.reply_to
    misread = await asyncio.to_thread(_misread, parsed, draft) if draft.ocr_text is not None else []
    text = texts.draft_changes(parsed, draft, replies=replies, today=ctx.today(),
                               explain=ctx.policy.calendar.explain_deadline, misread=misread, undone=undone)
    await _send_draft(conv, event, notice_id, f"{text}\n\n{question}" if question else text)


# "chuyển mục II.3 sang Phòng Kinh tế và Hạ tầng", "chuyển nhiệm vụ 2.1 cho Sở Y tế", "giao lại mục 3 cho …";
# one unit's share of an item several units hold: "chuyển mục II.1.a của UBND xã Hiệp Thạnh sang Phòng Tư pháp"
MOVE_LEAD = re.compile(r"^(?:chuyển|chuyen|giao\s+lại|giao\s+lai|(?P<give>giao))\s+(?:(?:nhiệm\s*vụ|nhiem\s*vu)\s+)?"
                       r"(?P<word>(?:mục|muc)\s+)?(?P<ref>(?:\d+|[IVXivx]+)(?:\.\w+)*?)\.?"
                       r"(?:\s+(?:(?:của|cua|ở|tại|tai)\s+)?(?P<share>\S.*?))?"
                       r"\s+(?:sang|cho)\s+(?P<unit>\S.*?)\s*\.?$", re.I)
# what makes "II.1.a: xã Hiệp Thạnh xong" a progress report rather than a lead unit
_STATUS_WORDS = re.compile(r"\d|%|\b(?:xong|hoan thanh|(?:dang|da) (?:thuc hien|trien khai|lam|gui|co)|vuong|"
                           r"chua|gia han|bao cao)\b")


async def typed_move(conv: Conversation, event: TextIn, person: Person) -> bool:
    """"chuyển mục II.3 sang <đơn vị>" (typed or in reply to anything): an admin with no draft open, or a leader,
    moves the confirmed task to that unit (its head takes it; the previous holder and the new one are told, the
    new one with where it comes from and where it stands); a head or a cadre is told that the office or a leader
    does it, and the admins get the request with the form to type — never stored as progress. False otherwise."""
    text = " ".join(event.text.split())
    move = MOVE_LEAD.match(text)
    if move is None or not (move["word"] or re.search(r"\d", move["ref"])):
        return False
    ctx = conv.ctx
    draft_id = await ctx.db.run(latest_draft, person) if person.is_admin else None
    if move["give"]:  # "giao mục II.6 cho Đảng ủy UBND tỉnh": the office's or a leader's words for the same move
        if not person.is_admin or draft_id is not None or move["share"]:
            return False  # (a head's "giao … cho <cadre>" is /giao's, a leader's "giao … cho X khẩn trương …" a
            # direction; with a draft open, a correction of the preview)
        return await _give(conv, event, person, move["ref"], move["unit"])
    if draft_id is not None and (not (move["word"] or "." in move["ref"]) or
                                 not await ctx.db.run(confirmed_item, move["ref"])):
        # a line for the draft open (the corrections answer it): a bare number is a task of the preview, and an
        # item no confirmed notice has is the draft's
        return False
    share = move["share"]
    unit_words = split_roles(move["unit"])[0]  # "sang Ban Đô thị chủ trì": the role is no part of the name
    if person.role not in (Role.ADMIN, Role.LEADER):
        asked = await ctx.db.run(ask_move, by=person, item_ref=move["ref"], unit_words=unit_words,
                                 now=ctx.clock.now(), from_words=share)
        if asked is None:  # not a unit after "sang"/"cho": read as before (progress, a question)
            return False
        await conv.say(event, texts.move_asked_text(asked))
        for admin in asked.admins:
            await conv.notify(admin, Outgoing(text=texts.move_asked_to_admin(admin.full_name, asked)))
        if asked.head is not None:  # the head answering for the unit's tasks hears of it too, once
            await conv.notify(asked.head, Outgoing(text=texts.move_asked_to_head(asked.head.full_name, asked)))
        return True
    moved = await ctx.db.run(move_lead, by=person, item_ref=move["ref"], unit_words=unit_words,
                             now=ctx.clock.now(), from_words=share)
    said = texts.lead_moved_text(moved)
    if draft_id is not None:  # (probe 24, F9) the confirmed task moved, never the draft's; said so
        title = await ctx.db.run(lambda s: notice_title(s.get_one(Notice, draft_id)))
        said += "\n\n" + texts.moved_with_draft_open(title)
    await conv.say(event, said)
    await _after_move(conv, person, moved)
    return True


async def _give(conv: Conversation, event: TextIn, person: Person, ref: str, words: str) -> bool:
    """"giao mục II.6 cho <đơn vị>" after confirmation (month probe 27, F4: "chưa hiểu"): a unit of the directory
    takes it as "chuyển mục II.6 sang <đơn vị>" does; a person named instead gets it as "/giao II.6 <người>" does."""
    ctx = conv.ctx
    unit_words = split_roles(words)[0]
    args = [ref, *words.split()]
    if await ctx.db.run(unit_named, unit_words.strip(" .:")) is None and await ctx.db.run(
            lambda s: bool((named := named_at_end(s, args, keep=1, near=person, units=item_units(s, ref)))
                           and named.people)):
        await status.delegate_command(conv, event, args, person)
        return True
    moved = await ctx.db.run(move_lead, by=person, item_ref=ref, unit_words=unit_words, now=ctx.clock.now())
    await conv.say(event, texts.lead_moved_text(moved))  # (a unit not in the directory: refused, with the nearest)
    await _after_move(conv, person, moved)
    return True


async def on_move_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    """"Đồng ý chuyển" under a head's request to move a task to another unit (probe 24, F9): the office moves it
    there, as "chuyển mục … sang …" typed would; the button goes."""
    _, task_id, unit_id = event.data.split(":")
    ctx = conv.ctx
    unit_name = await ctx.db.run(lambda s: s.get_one(Unit, int(unit_id)).name)
    await conv.answer_tap(event)
    await conv.clear_actions(event.channel, event.chat_id, event.on_message)
    moved = await ctx.db.run(move_lead, by=person, item_ref="", unit_words=unit_name, now=ctx.clock.now(),
                             task_id=int(task_id))
    await conv.say(event, texts.lead_moved_text(moved))
    await _after_move(conv, person, moved)


async def _after_move(conv: Conversation, person: Person, moved: LeadMoved) -> None:
    """Who hears of a move: the previous holder, the new one, and (a leader's move) the office."""
    ctx = conv.ctx
    if moved.previous_id is not None and moved.previous_id != moved.head_id:
        previous = await ctx.db.run(person_by_id, moved.previous_id)
        if previous is not None:
            await conv.notify(previous, Outgoing(text=texts.lead_moved_told_previous(previous.full_name, moved)))
    await _tell_moved(conv, moved)
    if person.role == Role.LEADER:  # the office keeps the record of who holds what: it hears of a leader's move
        for admin in await ctx.db.run(admins):
            await conv.notify(admin, Outgoing(text=texts.lead_moved_by_leader(admin.full_name, person.full_name,
                                                                             moved)))


# Corrections of a confirmed item from the paper, by an admin with no draft open or a leader: "2.d hạn 26/02/2027",
# "sửa mục 2.d hạn 26/02", "2.d Công ty Yên Bái hạn 26/02" (one unit's share), "đổi hạn mục 2.d đến 26/02", "gia hạn
# mục 2.d đến 26/02" (said by the office, not asked), "2.c nd: <the wording as on paper>"
_REF = r"(?:[IVXivx]{1,4}|\d{1,3})(?:\.(?:\d{1,3}|[a-zđA-ZĐ]))*"
_FIX = r"(?:(?:sửa|sua|đổi|doi|điều\s*chỉnh|dieu\s*chinh)(?:\s+(?:lại|lai))?\s+)?"
_SHARE = r"(?:\s+(?:(?:của|cua)\s+)?(?P<share>[^:]+?))?"
EDIT_DUE = re.compile(rf"^{_FIX}(?:(?:mục|muc)\s+)?(?P<ref>{_REF})\.?{_SHARE}\s*[:,]?\s*(?:thời\s*|thoi\s*)?"
                      r"(?:hạn|han)\b\s*(?:mới|moi)?\s*(?:là|la|thành|thanh|đến|den|:)?\s*(?P<value>\S.*)$", re.I)
EDIT_DUE_SAID = re.compile(rf"^(?:(?:gia|đổi|doi|lùi|lui|dời)\s*(?:hạn|han)|(?:sửa|sua|đổi|điều\s*chỉnh|dieu\s*chinh)"
                           rf"\s+(?:thời\s*|thoi\s*)?(?:hạn|han))\s+(?:(?:mục|muc)\s+)?(?P<ref>{_REF})\.?{_SHARE}"
                           r"\s+(?:đến|den|tới|toi|thành|thanh|sang|là|la)\s+(?P<value>\S.*)$", re.I)
EDIT_TEXT = re.compile(rf"^{_FIX}(?:(?:mục|muc)\s+)?(?P<ref>{_REF})\.?{_SHARE}\s*,?\s*(?:nội\s*dung|noi\s*dung|nd)"
                       r"\s*:\s*(?P<value>\S.*)$", re.I | re.S)


# "1.b số mục: 2.a", "mục 1.b số mục mới là 2.a", "sửa số mục 1.b thành 2.a", "mục 1.b đúng ra là mục 2.a": a confirmed
# item's number as the paper has it (a scan that lost a section's number, a list numbered on from the wrong item)
_NEW_REF = rf"(?:(?:mục|muc)\s+)?{REF_VALUE}\s*\.?"  # (the preview's "3 số mục: 2.d.a" reads the same numbers)
_REF_WORD = r"(?:số\s*mục|so\s*muc)"
_RIGHTLY = r"(?:đúng\s*ra|dung\s*ra|lẽ\s*ra|le\s*ra|phải|phai)\s+(?:là|la|thuộc|thuoc)"
EDIT_REF = re.compile(rf"^{_FIX}(?:(?:mục|muc)\s+)?(?P<ref>{_REF})\.?{_SHARE}\s*[:,]?\s*{_REF_WORD}\s*"
                      rf"(?:(?:mới|moi)\s*)?(?:là|la|thành|thanh)?\s*:?\s*{_NEW_REF}$", re.I)
EDIT_REF_FIRST = re.compile(rf"^{_FIX}{_REF_WORD}\s+(?:(?:của|cua)\s+)?(?:(?:mục|muc)\s+)?(?P<ref>{_REF}){_SHARE}"
                            rf"\s+(?:thành|thanh|là|la)\s+{_NEW_REF}$", re.I)
EDIT_REF_SAID = re.compile(rf"^(?:(?:mục|muc)\s+)?(?P<ref>{_REF})\.?{_SHARE}\s*,?\s+{_RIGHTLY}\s+{_NEW_REF}$", re.I)
# any words that say an item is numbered wrong: "các mục 1.b đến 1.k đúng ra là mục 2", "số mục bị nhầm"
REF_REMARK = re.compile(rf"(?:^|\s){_RIGHTLY}\s+(?:(?:mục|muc)\s+){_REF}\b|{_REF_WORD}\s+(?:bị\s+|bi\s+)?"
                        r"(?:nhầm|nham|sai)\b|\b(?:đánh|danh)\s*(?:số|so)\s+(?:bị\s+|bi\s+)?(?:nhầm|nham|sai)\b", re.I)


async def typed_ref_edit(conv: Conversation, event: TextIn, person: Person) -> bool:
    """A confirmed item's number corrected from the paper ("1.b số mục: 2.a", "mục 1.b đúng ra là mục 2.a"): an admin
    with no draft open, or a leader, renumbers every unit's share of it, each holder told the number to use; words
    that only say a number is wrong get the form. A head or a cadre who says so ("các mục 1.b đến 1.k đúng ra là
    mục 2") is told the office corrects it, and the admins get the remark (with the form, when one item and its
    number are named) — never stored as progress. False when the text says nothing of an item's number."""
    text = " ".join(event.text.split())
    form = EDIT_REF.match(text) or EDIT_REF_FIRST.match(text) or EDIT_REF_SAID.match(text)
    if form is None and ((remark := REF_REMARK.search(text)) is None or
                         _STATUS_WORDS.search(fold(re.sub(rf"\b{_REF}\b", " ", text[:remark.start()] +
                                                          text[remark.end():])))):
        return False  # (a report that also says so — "1.b xong, số mục bị nhầm" — is read as a report)
    if form is not None and form["share"] and _STATUS_WORDS.search(fold(form["share"])):
        return False  # "1.b xong, đúng ra là mục 2.a": the words before the remark report on the item
    ctx = conv.ctx
    if person.role not in (Role.ADMIN, Role.LEADER):
        if not await ctx.db.run(lambda s: bool(s.scalar(select(Task.id).where(Task.assignee_id == person.id)
                                                        .limit(1)))):
            return False  # nobody's items: read as before
        remarked = await ctx.db.run(pass_ref_remark, by=person, words=text, item_ref=form["ref"] if form else None,
                                    value=form["value"] if form else None, now=ctx.clock.now())
        await conv.say(event, texts.ref_remark_text(remarked))
        for admin in remarked.admins:
            await conv.notify(admin, Outgoing(text=texts.ref_remark_to_admin(admin.full_name, remarked)))
        return True
    if person.is_admin and await ctx.db.run(latest_draft, person) is not None:
        return False  # a line for the draft open (its corrections read "3 số mục: 2.a")
    if form is None:
        await conv.say(event, texts.ref_form_hint())
        return True
    share = (form["share"] or "").strip(" ,.") or None
    edited = await ctx.db.run(edit_confirmed, by=person, item_ref=form["ref"], now=ctx.clock.now(),
                              today=ctx.today(), share_words=share, ref=form["value"])
    await _tell_edited(conv, event, person, edited)
    return True


async def typed_edit(conv: Conversation, event: TextIn, person: Person) -> bool:
    """An admin with no draft open, or a leader, corrects a confirmed item ("2.d hạn 26/02/2027", "2.c nd: …"): the
    deadline of every open share (or the unit named) or the wording changes, each holder is told, the audit log keeps
    it; a leader's correction is told to the admins. False when the text is not such a correction."""
    if person.role not in (Role.ADMIN, Role.LEADER):
        return False
    text = event.text.strip()
    due_form = EDIT_DUE_SAID.match(" ".join(text.split())) or EDIT_DUE.match(" ".join(text.split()))
    text_form = EDIT_TEXT.match(text) if due_form is None else None
    if due_form is None and text_form is None:
        return False
    ctx = conv.ctx
    if person.is_admin and await ctx.db.run(latest_draft, person) is not None:
        return False  # a line for the draft open (the corrections answer it)
    share = ((due_form or text_form)["share"] or "").strip(" ,.") or None  # type: ignore[index]
    if due_form is not None:
        try:
            due = parse_when(due_form["value"].strip(" ."), now=ctx.clock.now()).date
        except WhenUnclear:
            return False  # "2.c hạn …" that is no date: read as before (a question, progress)
        if due is None:
            return False
        # ("gia hạn mục 2.c đến …" where the holder asked: the answer says how to decide the request)
        edited = await ctx.db.run(edit_confirmed, by=person, item_ref=due_form["ref"], now=ctx.clock.now(),
                                  today=ctx.today(), share_words=share, due=due,
                                  unless_asked=due_form.re is EDIT_DUE_SAID)
    else:
        assert text_form is not None
        edited = await ctx.db.run(edit_confirmed, by=person, item_ref=text_form["ref"], now=ctx.clock.now(),
                                  today=ctx.today(), share_words=share, text=" ".join(text_form["value"].split()))
    await _tell_edited(conv, event, person, edited)
    return True


async def _tell_edited(conv: Conversation, event: TextIn, person: Person, edited: TaskEdited) -> None:
    """The answer to a correction of a confirmed item, each holder told once, and the office told a leader's."""
    ctx = conv.ctx
    explain = ctx.policy.calendar.explain_deadline
    await conv.say(event, texts.task_edited_text(edited, explain=explain))
    told: set[int] = set()
    for _, assignee_id, _ in edited.holders:
        if assignee_id is None or assignee_id in told or assignee_id == person.id:
            continue
        told.add(assignee_id)
        holder = await ctx.db.run(person_by_id, assignee_id)
        if holder is not None:
            await conv.notify(holder, Outgoing(text=texts.task_edited_told(holder.full_name, edited, explain=explain)))
    if person.role == Role.LEADER:  # the office keeps the record: it hears of a leader's correction
        for admin in await ctx.db.run(admins):
            await conv.notify(admin, Outgoing(text=texts.task_edited_text(edited, explain=explain)))


async def _tell_moved(conv: Conversation, moved: LeadMoved) -> None:
    """The new holder's assignment: the task, the unit it was moved from, its progress and a pending request."""
    ctx = conv.ctx
    head = await ctx.db.run(person_by_id, moved.head_id)
    if head is None:
        return
    buttons = conv.replies_reach(head)
    sent = await conv.notify(head, Outgoing(text=texts.lead_moved_assignment_text(head.full_name, moved, buttons,
                                                                                  ctx.today())),
                             remember=("task", moved.task_id))
    if sent is not None and sent.last_id is not None:  # a reply to it reports on the task
        await ctx.db.run(remember_task_message, task_id=moved.task_id, channel=sent.channel, chat_id=sent.chat_id,
                         message_id=sent.last_id, now=ctx.clock.now())


async def confirmed_lead(conv: Conversation, event: TextIn, person: Person) -> bool:
    """An admin with no draft open: the preview's form "II.3: <đơn vị>" naming a unit of the directory is
    answered with the way to move a confirmed task, not read as a question about the item. False otherwise."""
    if not person.is_admin:
        return False
    ctx = conv.ctx
    text = " ".join(event.text.split())
    lead = LEAD.match(text)
    if lead is None or "," in lead["ref"] or not lead["value"]:
        return False
    value = split_roles(lead["value"])[0].strip(" .")
    if _STATUS_WORDS.search(fold(value)):
        return False
    unit = await ctx.db.run(unit_named, value)
    if unit is None:
        return False
    ref = re.sub(r"^(?:mục|muc)\s+", "", lead["ref"].strip(), flags=re.I).rstrip(".")
    await conv.say(event, texts.confirmed_lead_hint(ref, unit))
    return True


async def typed_decision(conv: Conversation, event: TextIn, person: Person) -> bool:
    """«xác nhận» / «hủy» typed by an admin with a draft open (channels without buttons, or by habit)."""
    if not person.is_admin:
        return False
    started = DECISION_START.match(" ".join(strip_marks(event.text).lower().strip(" .!").split()))
    if started is None or len(started["tail"].split()) > DECISION_TAIL_WORDS:
        return False
    notice_id = await conv.ctx.db.run(latest_draft, person)
    if notice_id is None:
        await conv.say(event, texts.NO_OPEN_DRAFT)
        return True
    await _decide(conv, event, person, notice_id, confirm=started["confirm"] is not None,
                  force=started["force"] is not None)
    return True


async def on_tap(conv: Conversation, event: TapIn, person: Person) -> None:
    _, notice_id, action = event.data.split(":")
    await _decide(conv, event, person, int(notice_id), confirm=action in ("ok", "again"), force=action == "again")


def again_actions(notice_id: int) -> tuple[tuple[Action, ...], ...]:
    """The two choices when a draft probably repeats a confirmed notice: give its tasks anyway, or drop it."""
    return ((Action(label=texts.BUTTON_CONFIRM_AGAIN, data=f"n:{notice_id}:again", typed="vẫn xác nhận"),
             Action(label=texts.BUTTON_CANCEL, data=f"n:{notice_id}:no", typed="hủy")),)


async def _decide(conv: Conversation, event: Inbound, person: Person, notice_id: int, *, confirm: bool,
                  force: bool = False) -> None:
    """Confirm or cancel a draft; a draft none of whose tasks anyone would receive, or that probably repeats a
    confirmed notice (same number and issuer, a date unknown), is confirmed only when the admin says so again
    (`force`: "vẫn xác nhận")."""
    ctx = conv.ctx
    result = None
    if confirm and not force:
        parsed, draft = await ctx.db.run(draft_view, notice_id)
        if draft.twin is not None and draft.twin.likely:
            log.info("draft %s: confirmation held, probably notice %s again", notice_id, draft.twin.notice_id)
            await conv.answer_tap(event)
            await _clear_draft_actions(conv, event, notice_id)
            sent = await conv.reply(event, Outgoing(text=texts.twin_question(draft), actions=again_actions(notice_id)))
            await ctx.db.run(remember_preview, notice_id, chat_id=sent.chat_id, message_ids=sent.message_ids)
            return
        if texts.reaches_nobody(parsed, draft):
            log.info("draft %s: confirmation held, no task would reach anyone", notice_id)
            await conv.answer_tap(event)
            await conv.say(event, texts.nobody_would_receive(parsed, draft))
            return
    if confirm:
        result = await ctx.db.run(confirm_notice, notice_id, by=person, now=ctx.clock.now(), again=force)
    else:
        await ctx.db.run(cancel_notice, notice_id, by=person, now=ctx.clock.now())
    await conv.answer_tap(event)
    await _clear_draft_actions(conv, event, notice_id)
    if result is not None:
        await ctx.db.run(start_notice_series, result.notice_id, calendar=ctx.policy.calendar)
        people = {p.id: p for p in await ctx.db.run(
            lambda s: s.scalars(select(Person).where(Person.id.in_(result.assignees))).all())}
        unconnected = [(p.full_name, p.handle, len(task_ids)) for pid, task_ids in result.assignees.items()
                       if conv.address_of(p := people[pid]) is None]  # (in the order they were given tasks)
        reply = texts.registered_text(result, rounds=await ctx.db.run(_first_rounds, result.notice_id),
                                      unconnected=unconnected,
                                      overdue=await ctx.db.run(_overdue, result.notice_id, ctx.today()),
                                      told_at=conv.held_until())
    else:
        reply = texts.CANCELLED
    await conv.say(event, reply)
    if result is not None:
        await tell_assignees(conv, result)
        await tell_supporters(conv, result)


def _overdue(session: Session, notice_id: int, today: dt.date) -> list[tuple[str, dt.date]]:
    """Each item of a just-confirmed notice whose deadline has already passed: (item ref, deadline)."""
    rows = session.execute(select(Task.item_ref, Task.due_on).where(
        Task.notice_id == notice_id, Task.due_on < today).order_by(Task.position))
    return list(dict.fromkeys((r.item_ref, r.due_on) for r in rows))


def _first_rounds(session: Session, notice_id: int) -> list[tuple[str, str, dt.date]]:
    """Each recurring item of a just-confirmed notice with its first round: (item ref, round label, deadline)."""
    rows = session.execute(select(Task.item_ref, Task.occurrence_label, Task.due_on).where(
        Task.notice_id == notice_id, Task.recurrence.is_not(None), Task.occurrence_label.is_not(None),
        Task.due_on.is_not(None)).order_by(Task.position))
    return list(dict.fromkeys((r.item_ref, r.occurrence_label, r.due_on) for r in rows))


async def tell_assignees(conv: Conversation, result: Registered) -> None:
    """One message to each person given tasks, at once, listing all of theirs from this notice — and, for a head
    whose unit also supports other items of it, those too (one message, not two in the same second)."""
    await tell_assigned(conv, result.title, result.assignees, supports=result.supporters)


async def tell_assigned(conv: Conversation, title: str, assignees: dict[int, list[int]],
                        supports: dict[int, list[int]] | None = None) -> None:
    """One message to each person (id → their task ids of the notice `title`), with the items their unit
    supports (`supports`, id → task ids) when there are some."""
    ctx = conv.ctx
    for person_id, task_ids in assignees.items():
        person, tasks = await ctx.db.run(_assignee_tasks, person_id, task_ids)
        buttons = conv.replies_reach(person)
        # one name a directory unit (a lead typed "Bộ LĐTBXH" is the same unit as "Bộ Lao động - …": not a second post)
        named: dict[int | str, str] = {}
        units = [named.setdefault(t.lead_unit_id if t.lead_unit_id is not None else t.lead_name, t.lead_name)
                 for t in tasks]
        text = texts.assignment_text(person.full_name, title,
                                     [(t.item_ref, t.text, t.due_on, t.occurrence_label) for t in tasks],
                                     buttons, ctx.today(), units=units,
                                     supporting=[ctx.policy.supports_task_lightly(t) for t in tasks],
                                     supporting_ahead=bool(ctx.policy.supporting_days_before),
                                     checkin_every=ctx.policy.checkin_every_working_days,
                                     runs=ctx.policy.calendar.deadline_runs)
        if supports and person_id in supports:
            _, rows = await ctx.db.run(supported_tasks, person_id, supports[person_id])
            text = f"{text}\n\n{texts.support_section(title, rows)}"
        sent = await conv.notify(person, Outgoing(text=text),
                                 remember=("task", tasks[0].id) if len(tasks) == 1 else None)
        if sent is not None and sent.last_id is not None:
            for task in tasks:  # a reply to it is about these tasks (one: that one; several: the item number says)
                await ctx.db.run(remember_task_message, task_id=task.id, channel=sent.channel,
                                 chat_id=sent.chat_id, message_id=sent.last_id, now=ctx.clock.now())


async def tell_supporters(conv: Conversation, result: Registered) -> None:
    """One message to the head of each supporting unit, listing the items it supports and who leads them:
    they are not reminded (the lead unit reports), but they know, and can report their part."""
    ctx = conv.ctx
    for person_id, task_ids in result.supporters.items():
        if person_id in result.assignees:
            continue  # said in their assignment message
        person, rows = await ctx.db.run(supported_tasks, person_id, task_ids)
        await conv.notify(person, Outgoing(text=texts.support_assignment_text(person.full_name, result.title, rows)))


def _assignee_tasks(session, person_id: int, task_ids: list[int]) -> tuple[Person, list[Task]]:  # type: ignore[no-untyped-def]
    person = session.get_one(Person, person_id)
    found = {t.id: t for t in session.scalars(select(Task).where(Task.id.in_(task_ids))
                                              .options(selectinload(Task.lead_unit), selectinload(Task.notice)))}
    # (the unit, whose: to one with two posts; the notice: `Task.lead_name` spells a unit as it does, detached too)
    return person, [found[task_id] for task_id in task_ids]


async def on_file(conv: Conversation, event: FileIn, person: Person) -> None:
    if event.size and event.size > MAX_FILE_BYTES:
        log.info("file %r of %s bytes refused: over the cap", event.filename, event.size)
        await conv.say(event, texts.FILE_TOO_LARGE)
        return
    # the office's directory (.xlsx/.csv with the directory's header) is imported, not read as a notice
    data = await event.fetch() if directory.may_be_directory(event.filename) else None
    if data is not None and await directory.import_file(conv, event, person, data, event.filename):
        return
    if not person.is_admin:
        raise NotAllowed(person.handle, "load a notice")
    if data is None:
        data = await event.fetch()
    if may_need_ocr(event, data):
        await conv.say(event, texts.READING)
    try:
        await ingest(conv, event, person, data, event.filename)
    except NoticeUnreadable as exc:  # a file that cannot be read: what to do next (save it again, or paste)
        log.info("file %r from %s not read (nothing stored): %s", event.filename, person.handle, exc.reason)
        hint = texts.unreadable_next_step(exc.reason)
        if hint is None:
            raise
        raise NoticeUnreadable(exc.reason, f"{exc.user_message} {hint}") from exc


PDF_MIN_BYTES = 2048  # a real PDF, let alone a scan, is larger: a smaller one is read (or refused) at once


def may_need_ocr(event: FileIn, data: bytes) -> bool:
    """Whether reading the file may take a while (a photo or a scan through OCR), so the admin is told to wait;
    a file that is not a PDF at all, or a tiny one, is answered at once without it — and so is a PDF that is locked,
    broken or too long (refused at once with the reason) or has a text layer (read in milliseconds): the wait line
    then came just before the answer, or before the error (probe 21, finding 2)."""
    name = event.filename.lower()
    if name.endswith(".pdf"):
        return data.startswith(b"%PDF-") and len(data) >= PDF_MIN_BYTES and _pdf_is_a_scan(data)
    return event.is_photo or name.endswith(SLOW_SUFFIXES)


def _pdf_is_a_scan(data: bytes) -> bool:
    """A PDF that opens, is not too long, and whose text layer is unusable: read by OCR, which takes a while.
    (Opening it and reading its text layer takes milliseconds a page; the reader does it again.)"""
    try:
        return not text_layer_usable(pdf_text_layer(data))
    except NoticeUnreadable:  # a password, broken, too long: the reader refuses it at once, saying which
        return False
