"""A leader's (or the office's) question about one item, typed: "tình hình mục 2.1" (the form the leader's /huongdan
offers), "mục 2.1 thế nào?", "tiến độ mục III.3", "mục II.7.b đã xong chưa?", "mục 1 Ban Dân vận" (an item and the
unit holding it, nothing more: session 22). Answered with each unit holding the
item and where it stands — finished ones too — never with the whole table, never sent on to the office as a
question it cannot answer (probe 21, F4)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot import texts
from bot.conversation.events import TextIn
from bot.replies import written_out
from storage.itemref import squeezed_and_folded
from storage.models import Person, Role, Task, TaskStatus, Unit
from storage.reports import _latest_notes
from storage.shares import supported_item_tasks
from storage.tasks import asked_item_tasks, office_item_tasks
from storage.unitnames import mentions, ways_to_name
from storage.vntext import fold

if TYPE_CHECKING:
    from bot.conversation.core import Conversation

log = logging.getLogger(__name__)

# an item number: "2.1", "2.2.a", "III.3", "II.7.b" (on folded text: "đ" is "d")
_REF = r"(?P<ref>(?:[ivx]{1,5}|\d{1,3})(?:\.(?:\d{1,3}|[a-z]))*)(?![\w.])"
_ITEM = r"(?:muc|nhiem vu|viec|noi dung|y)\s*"
_ASKER = r"^(?:(?:cho|xin)\s+(?:toi|em|anh|chi|minh)?\s*)?(?:(?:xem|hoi|bao cao)\s+)?"
# "tình hình mục 2.1 …", "tiến độ thực hiện mục III.3", "cho xem kết quả mục 2"
ASKS_HOW_IT_GOES = re.compile(_ASKER + r"(?:tinh hinh|tien do|ket qua)(?:\s+(?:thuc hien|trien khai))?"
                              r"(?:\s+(?:cua|o|tai))?\s+" + _ITEM + _REF + r"(?P<rest>.*)$")
# "mục 2.1 thế nào?", "mục II.7.b đến đâu rồi", "mục 2.1 đã xong chưa?", "mục 2.1?"
ITEM_THEN_QUESTION = re.compile(r"^(?:con\s+|the\s+)?" + _ITEM + _REF + r"(?P<rest>.*)$")
_QUESTION_END = re.compile(r"(?:(?:da\s+)?(?:the nao|ra sao|sao roi|den dau|toi dau|tien do (?:the nao|ra sao))"
                           r"(?:\s+roi)?|(?:da\s+)?(?:xong|hoan thanh|co ket qua)\s+chua|\?)\s*"
                           r"(?:(?:a|vay|nhi|nhe|the|roi|\?)\s*)*$")
_COURTESY = re.compile(r"\b(?:the nao|ra sao|sao roi|den dau|toi dau|(?:da\s+)?(?:xong|hoan thanh|co ket qua)\s+chua|"
                       r"a|vay|nhi|nhe|the|roi)\b|[?.!,:;]")

# who holds an item, its deadline or what it says, asked by anyone: "mục 5 giao ai", "cho hỏi mục 5 ai làm", "mục 5
# của đơn vị nào", "mục 5 hạn khi nào", "mục 5 là gì" — answered from storage, never recorded as the asker's progress
# on an item of his own (probe 28, F1)
_WHO = r"(?:ai|don vi nao|co quan nao|phong nao|noi nao)"
_HOLDER_WORDS = (r"(?:(?:duoc|da|la)\s+)?giao\s+(?:cho\s+)?" + _WHO
                 + r"|(?:(?:la|do|cua|thuoc)\s+)+" + _WHO + r"(?:\s+(?:chu tri|lam|phu trach|thuc hien|giu))?"
                 + r"|" + _WHO + r"\s+(?:chu tri|lam|phu trach|thuc hien|giu|nhan|duoc giao)"
                 + r"|(?:co\s+)?(?:thoi\s+)?han\s+(?:(?:la|den|vao)\s+)?"
                 + r"(?:khi nao|bao gio|ngay nao|luc nao|hom nao|nao)"
                 + r"|(?:bao gio|khi nao)\s+(?:phai\s+)?(?:xong|nop|hoan thanh|het han|den han)"
                 # a unit's role asked: "Vụ Pháp chế chủ trì hay chỉ phối hợp", "có phải Sở X chủ trì không"
                 + r"|(?:co phai\s+)?(?:[\w-]+\s+){0,8}?(?:la\s+)?(?:don vi\s+)?(?:chu tri|phoi hop)\s+(?:(?:hay|hoac)"
                 r"\s+(?:chi\s+|la\s+)?(?:phoi hop|chu tri)|(?:hay\s+|phai\s+)?khong)")
_WHAT_WORDS = r"(?:noi dung\s+)?(?:la\s+)?(?:viec |nhiem vu |noi dung |cai )?gi"
ASKS_HOLDER = re.compile(r"^(?:(?:(?:cho|xin)\s+(?:toi|em|anh|chi|minh)?\s*|(?:toi|em)\s+)?hoi\s+)?(?:con\s+|the\s+)?"
                         r"(?:" + _ITEM + r")?" + _REF + r"\s*(?:(?P<holder>" + _HOLDER_WORDS + r")|(?P<what>"
                         + _WHAT_WORDS + r"))\s*(?:(?:a|vay|nhi|nhe|the|ha|em|anh|chi|ban|dong chi|\?)\s*)*"
                         r"(?:(?<=\?)\s*\S.*)?$")  # ("mục 5 giao ai? ban VHXH có phải …": the first question)
# the same asked holder first: "ai phụ trách mục 7.2?", "đơn vị nào chủ trì mục 5", "ai được giao mục 3 ạ"
ASKS_HOLDER_FIRST = re.compile(r"^(?:(?:(?:cho|xin)\s+(?:toi|em|anh|chi|minh)?\s*|(?:toi|em)\s+)?hoi\s+)?"
                               r"(?P<holder>" + _WHO + r"\s+(?:(?:dang|hien|hien dang|da)\s+)?"  # "ai đang phụ trách"
                               r"(?:chu tri|lam|phu trach|thuc hien|giu|nhan|duoc giao)"
                               r"(?:\s+(?:cho|o))?)\s+(?:" + _ITEM + r")?" + _REF
                               + r"\s*(?:(?:a|vay|nhi|nhe|the|ha|em|anh|chi|ban|dong chi|\?)\s*)*$")


def asked_item(text: str) -> tuple[str, str] | None:
    """(the item number as typed, the words after it with the question's own words left out) of a question about
    one item; None for anything else ("mục 2 huyện X xong" is a report, not a question)."""
    squeezed, folded = squeezed_and_folded(text.strip())
    m = ASKS_HOW_IT_GOES.match(folded)
    if m is None:
        m = ITEM_THEN_QUESTION.match(folded)
        if m is None or not _QUESTION_END.search(m.group("rest")):
            return None
    ref = squeezed[m.start("ref"):m.end("ref")]
    rest = " ".join(_COURTESY.sub(" ", folded[m.start("rest"):]).split())
    return ref, re.sub(r"^(?:cua|o|tai|voi)\s+", "", rest)


def item_with_unit(text: str) -> tuple[str, str] | None:
    """"mục 2.1 Ban Dân vận": an item and words after it, with no question word (the caller keeps it only when
    those words do nothing but name a unit or person holding the item); None for anything else."""
    squeezed, folded = squeezed_and_folded(text.strip())
    m = ITEM_THEN_QUESTION.match(folded)
    if m is None:
        return None
    rest = " ".join(_COURTESY.sub(" ", folded[m.start("rest"):]).split())
    rest = re.sub(r"^(?:cua|o|tai|voi)\s+", "", rest)
    return (squeezed[m.start("ref"):m.end("ref")], rest) if rest else None


def only_names(rest: str, task: Task) -> bool:
    """Whether the words (folded) name the task's unit or holder and say nothing else ("ban dan van", "le van dan";
    not "ban dan van xong", "ban dan van khan truong hoan thanh")."""
    ways = ways_to_name(task.lead_name, task.assignee.full_name if task.assignee else None)
    return fold(rest) in {fold(w) for w in ways}


def _rows(session: Session, tasks: list[Task], tz: dt.tzinfo) -> list[texts.ItemRow]:
    notes = _latest_notes(session, [t.id for t in tasks])
    return [texts.ItemRow(notice=t.notice.number or "", unit=t.lead_name,
                          assignee=t.assignee.full_name if t.assignee else None, status=TaskStatus(t.status),
                          percent=t.percent, due_on=t.due_on,
                          done_on=t.done_at.astimezone(tz).date() if t.done_at else None,
                          last_note=note if (note := notes[t.id].note if t.id in notes else None) and
                          texts.meaningful_note(note) else None) for t in tasks]


async def holder_question(conv: Conversation, event: TextIn, person: Person) -> bool:
    """Anyone's question about who holds an item, its deadline or what it says ("mục 5 giao ai"): each task under
    it, its unit and holder, its deadline, a line of its words; False for any other text or an item not found (and
    for "mục 2 là gì?" about an item of the asker's own: its card answers that)."""
    # ("mục 2a hạn khi nào?": 2.a typed without its dot, written out as a report's item number is — probe 9, #6)
    squeezed, folded = squeezed_and_folded(written_out(event.text.strip()))
    m = ASKS_HOLDER.match(folded) or ASKS_HOLDER_FIRST.match(folded)
    if m is None:
        return False
    ctx = conv.ctx
    ref = squeezed[m.start("ref"):m.end("ref")]
    tasks = await ctx.db.run(asked_item_tasks, person, ref) or await ctx.db.run(supported_item_tasks, person, ref)
    units = person.headed_unit_ids | ({person.unit_id} if person.unit_id is not None else set())
    if not tasks or (m.groupdict().get("what") and person.role not in (Role.ADMIN, Role.LEADER) and any(
            t.assignee_id == person.id or t.lead_unit_id in units for t in tasks)):
        return False
    log.info("holder question from %s: %r", person.handle, event.text)
    tz = ctx.policy.calendar.tz
    parents = {t.item_ref.rpartition(".")[0] for t in tasks}
    section = parents.pop() if len(parents) == 1 and len(tasks) > 1 and len({t.notice_id for t in tasks}) == 1 \
        and "." in tasks[0].item_ref else None  # "mục 5" read as II.5.a–d: the section said once
    unit_id = person.unit_id
    unit_name = await ctx.db.run(lambda s: s.get_one(Unit, unit_id).name) \
        if unit_id is not None and unit_id not in {t.lead_unit_id for t in tasks} else None
    supported = [t.item_ref for t in tasks if unit_name and any(_names_unit(s, unit_name)
                                                                 for s in t.support_unit_names or [])]
    await conv.say(event, texts.item_holder_answer([texts.HolderRow(
        notice=t.notice.number or "", item_ref=t.item_ref, text=t.text, unit=t.lead_name,
        assignee=t.assignee.full_name if t.assignee else None, support=list(t.support_unit_names or []),
        due_on=t.due_on, done_on=t.done_at.astimezone(tz).date() if t.done_at and t.status == TaskStatus.DONE
        else None) for t in tasks], section=section, supported=supported, asker_unit=unit_name))
    return True


def _names_unit(said: str, unit_name: str) -> bool:
    """Whether a supporting unit as the notice names it ("Ban Văn hóa - Xã hội") is the unit the directory names
    in full ("Ban Văn hóa - Xã hội HĐND Thành phố"): its words, at the start of the full name."""
    short, full = " ".join(re.findall(r"\w+", fold(said))), " ".join(re.findall(r"\w+", fold(unit_name)))
    return len(short.split()) >= 2 and (full == short or full.startswith(short + " ") or short.startswith(full + " "))


async def item_question(conv: Conversation, event: TextIn, person: Person) -> bool:
    """A leader's or an admin's question about one item: how each unit holding it stands (or, when it names a
    unit or person, that one's); False for anyone else, any other text, or an item nobody holds."""
    if await holder_question(conv, event, person):
        return True
    if person.role not in (Role.ADMIN, Role.LEADER):
        return False
    asked = asked_item(event.text)
    plain = asked is None
    if asked is None:  # "mục 1 Ban Dân vận": no question word, only the unit — asked as "tình hình mục 1 …" is
        asked = item_with_unit(event.text)
        if asked is None:
            return False
    ref, rest = asked
    ctx = conv.ctx
    tasks = await ctx.db.run(office_item_tasks, person, ref)
    if not tasks:
        return False
    if plain:  # the words only name a unit or person holding it (anything more is a report or a direction)
        tasks = [t for t in tasks if only_names(rest, t)]
        if not tasks:
            return False
    elif rest:  # "tình hình mục 1 huyện Thanh Sơn": that unit's (words naming none: not this question)
        tasks = [t for t in tasks if mentions(rest, t.lead_name, t.assignee.full_name if t.assignee else None)]
        if not tasks:
            return False
    log.info("item question from %s: %r", person.handle, event.text)
    from bot.conversation.status import _last_rounds  # (status imports much; this module stays light)

    tz = ctx.policy.calendar.tz
    open_recurring = [t.id for t in tasks if t.occurrence_start is not None and t.status != TaskStatus.DONE]
    rounds = await ctx.db.run(_last_rounds, open_recurring, tz)
    rows = await ctx.db.run(_rows, tasks, tz)
    await conv.say(event, texts.item_status_answer(tasks[0].item_ref if len({t.item_ref for t in tasks}) == 1
                                                   else ref, rows, ctx.today(),
                                                   rounds=[rounds.get(t.id) for t in tasks]))
    return True
