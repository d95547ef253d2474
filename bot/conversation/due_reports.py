""""Tháng này phải báo cáo gì?": the recurring report rounds due in the period asked about, answered by Nhắc việc
itself, not forwarded to the office (probe 39, #4). A person is told of their own and, for a head, of the unit's
items in a cadre's hands; a leader or the office ("tháng này đơn vị nào phải báo cáo?") of every unit's."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from bot import texts
from bot.conversation.events import TextIn
from bot.replies import chat_fold
from bot.textbase import date_vn, vn
from scheduler.calendar import WorkingCalendar
from scheduler.recurrence import Occurrence, next_occurrence
from scheduler.series import rule_of
from storage.models import OPEN_STATUSES, Notice, NoticeStatus, Person, Role, Task, TaskOccurrence
from storage.reports import month_range
from storage.tasks import open_tasks_for, unit_open_tasks

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bot.conversation.core import Conversation

# on chat_fold text: "tháng này phải báo cáo gì?", "thang nay phai bao cao gi", "tuần này cần báo cáo những gì",
# "tháng này đơn vị nào phải báo cáo?", "tháng sau phải nộp báo cáo nào"
# (a month or quarter by its number too: "tháng 2 phải nộp báo cáo gì ạ?", "quý I cần báo cáo gì" — probe 7, #49:
# sent to the office as a question)
_WHEN = r"(?P<unit>tuan|thang|quy)\s+(?P<which>nay|toi|sau|1[0-2]|0?[1-9]|iv|i{1,3})(?:\s*/\s*(?P<year>\d{4}))?"
_WHAT = (r"(?:phai|can)\s+(?:gui\s+|nop\s+)?(?:them\s+)?(?:bao cao|bc)"
         r"(?:\s+(?:gi|nhung gi|cai gi|nao|muc nao|nhung muc nao))?"
         r"|(?:bao cao|bc)\s+(?:gi|nhung gi|cai gi|muc nao)")
ASKS_DUE_REPORTS = re.compile(rf"\b{_WHEN}\b(?:\s+\w+){{0,4}}?\s+(?:{_WHAT})\b")
ASKS_DUE_REPORTS_AFTER = re.compile(rf"\b(?:{_WHAT})\b(?:\s+\w+){{0,3}}?\s+{_WHEN}\b")  # "phải báo cáo gì tháng này"


# "có phải báo cáo hằng tháng không?", "đơn vị có nhiệm vụ báo cáo định kỳ nào không", "phải bc hàng quý ko"
# (a unit asking whether it has a periodic duty; conv40, #3)
ASKS_PERIODIC = re.compile(r"\b(?:co|phai)\b(?:\s+\w+){0,3}?\s+(?:bao cao|bc)\s+"
                           r"(?:dinh ky|hang (?:ngay|tuan|thang|quy|nam)|theo (?:tuan|thang|quy))\b"
                           r"(?:\s+\w+){0,4}?\s+(?:khong|ko|k)\b")


# "…, nộp cho ai?", "gửi về đâu", "báo cáo cho ai", "nộp ở đâu", "nơi nhận là ai" (on chat_fold text): where the report
# goes, asked with the periodic question (probe 41, #8)
ASKS_WHERE = re.compile(r"\b(?:nop|gui|bao cao|bc)\s+(?:(?:cho|ve|len|toi|o|qua)\s+)?"
                        r"(?:ai|dau|don vi nao|co quan nao|phong nao|noi nao)\b|\bnoi nhan\b")
# where an item says its report goes: "báo cáo kết quả … về UBND huyện (qua Phòng NN&PTNT) trước …", "gửi Sở Tài chính
# …", "báo cáo Chủ tịch UBND huyện tại …" — a unit or office after the verb (and "về", "cho", "lên", "tới"), up to the
# deadline or the clause's end, with a "(qua …)" or ", qua …" after it
_UNIT_HEAD = (r"(?:UBND|Ủy ban|Uỷ ban|HĐND|Hội đồng|Sở|Phòng|Ban|Văn phòng|Huyện ủy|Huyện uỷ|Tỉnh ủy|Tỉnh uỷ|"
              r"Thành ủy|Thành uỷ|Đảng ủy|Đảng uỷ|Bộ|Cục|Chi cục|Tổng cục|Trung tâm|Thường trực|Chủ tịch|"
              r"Thủ tướng|Chính phủ|Kho bạc|Công an|Mặt trận|Ủy ban MTTQ)\b")
_ADDRESSEE = re.compile(r"\b(?:[Bb]áo cáo|[Gg]ửi|[Nn]ộp)\b(?:\s+[^\s;.]+){0,10}?\s+(?:(?:về|cho|lên|tới|đến)\s+)?"
                        rf"(?P<to>{_UNIT_HEAD}[^;.()]*?)\s*(?P<via>\((?:thông\s+)?qua\s+[^)]+\)|,\s*qua\s+[^,;.()]+?)?"
                        r"\s*(?=\btrước\b|\bchậm nhất\b|\btrong\b|\bhằng\b|\bhàng\b|\bđịnh kỳ\b|\btại\b|\bvào\b|"
                        r"\bđể\b|[,;.]|$)")


def report_addressee(text: str) -> str | None:
    """Where an item's report goes, as the item says it ("UBND huyện (qua Phòng NN&PTNT)"); None when it does not."""
    m = _ADDRESSEE.search(" ".join(text.split()))
    if m is None:
        return None
    to = m.group("to").strip(" ,")
    via = (m.group("via") or "").strip(" ,")
    if via and not via.startswith("("):
        via = f"({via})"
    return f"{to} {via}".strip()


def _span(unit: str, which: str, today: dt.date, year: str | None = None) -> tuple[dt.date, dt.date, str]:
    """The period asked about: its first and last day, and its name ("tháng 4/2027"). A month or quarter named by its
    number is this year's, or next year's when this year's is over (`year`: the one typed) — ahead, where a report
    filter's "tháng 2" looks back (`storage.reports.parse_period`)."""
    if unit == "tuan":
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=0 if which == "nay" else 7)
        return monday, monday + dt.timedelta(days=6), f"tuần từ {date_vn(monday)}"
    months = 1 if unit == "thang" else 3
    if which in ("nay", "toi", "sau"):
        index = (today.year * 12 + today.month - 1) // months * months + (0 if which == "nay" else months)
        start_year, start_month = divmod(index, 12)
        start_month += 1
    else:
        number = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(which) or int(which)
        start_month = number if months == 1 else (min(number, 4) - 1) * 3 + 1
        start_year = int(year) if year else today.year
        if year is None and month_range(start_year, start_month, start_month + months - 1)[1] < today:
            start_year += 1
    first, last = month_range(start_year, start_month, start_month + months - 1)
    name = f"tháng {first.month}/{first.year}" if months == 1 else \
        f"quý {('I', 'II', 'III', 'IV')[(first.month - 1) // 3]}/{first.year}"
    return first, last, name


def _every_open_round(session: Session) -> list[Task]:
    return list(session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id).where(
        Task.status.in_(OPEN_STATUSES), Task.occurrence_start.is_not(None), Notice.status == NoticeStatus.CONFIRMED)
        .options(selectinload(Task.lead_unit), selectinload(Task.notice)).order_by(Task.due_on, Task.id)))


def _lines(session: Session, person: Person, everyone: bool, first: dt.date, last: dt.date,
           calendar: WorkingCalendar) -> list[str]:
    """One line per round due in [first, last]: open, with its deadline, or reported already, with the day."""
    tasks = _every_open_round(session) if everyone else [*open_tasks_for(session, person),
                                                           *unit_open_tasks(session, person)]
    rounds = [t for t in tasks if t.occurrence_start is not None]
    done = {r.task_id: r.done_at for r in session.scalars(select(TaskOccurrence).where(
        TaskOccurrence.task_id.in_([t.id for t in rounds]), TaskOccurrence.due_on >= first,
        TaskOccurrence.due_on <= last, TaskOccurrence.done_at.is_not(None)))} if rounds else {}
    lines = []
    for task in sorted(rounds, key=lambda t: (t.due_on or last, t.id)):
        unit = f" — {task.lead_name}" if everyone and task.lead_name else ""
        what = texts.short_title(task.text, 70)
        if (at := done.get(task.id)) is not None:
            lines.append(f"• Mục {task.item_ref}: {what}{unit} — đã báo cáo ngày {date_vn(calendar.local(at).date())}")
            continue
        for due in _dues_within(task, first, last, calendar):
            runs = calendar.deadline_runs(due)
            lines.append(f"• Mục {task.item_ref}: {what}{unit} — hạn {date_vn(due)}" + (f" ({runs})" if runs else ""))
    return lines


def _dues_within(task: Task, first: dt.date, last: dt.date, calendar: WorkingCalendar) -> list[dt.date]:
    """The deadlines of a recurring task's rounds in [first, last]: the open round's, and the rounds after it that the
    series will open (asked in February with January's round still open, February's round is due then too — probe
    7, #49)."""
    assert task.due_on is not None
    dues = [task.due_on] if first <= task.due_on <= last else []
    rule = rule_of(task, calendar)
    after: dt.date | Occurrence = task.due_on
    while rule is not None and (nxt := next_occurrence(rule, after)) is not None and nxt.due_on <= last:
        if nxt.due_on >= first and nxt.due_on not in dues:
            dues.append(nxt.due_on)
        after = nxt
    return dues


async def answer(conv: Conversation, event: TextIn, person: Person) -> bool:
    """Answer "tháng này phải báo cáo gì?" from the rounds Nhắc việc follows; False when not asked that."""
    folded = chat_fold(event.text)
    asked = ASKS_DUE_REPORTS.search(folded) or ASKS_DUE_REPORTS_AFTER.search(folded)
    if asked is None or person.role == Role.LEFT or (
            "?" not in event.text and not re.search(r"\b(?:gi|nao)\b", folded)):  # "tháng này cần báo cáo thêm …"
        return False
    ctx = conv.ctx
    first, last, name = _span(asked["unit"], asked["which"], ctx.today(), asked["year"])
    everyone = person.is_admin or person.role == Role.LEADER
    lines = await ctx.db.run(_lines, person, everyone, first, last, ctx.policy.calendar)
    whose = "các đơn vị" if everyone else "đồng chí"
    if not lines:
        await conv.say(event, vn(f"Trong {name}, {whose} không có kỳ báo cáo định kỳ nào đến hạn."))
        return True
    await conv.say(event, vn(f"Kỳ báo cáo định kỳ của {whose} đến hạn trong {name}:\n" + "\n".join(lines)))
    return True


def _periodic_lines(session: Session, person: Person, calendar: WorkingCalendar,
                    where: bool = False) -> tuple[list[str], list[str]]:
    """The person's items (and a head's in a cadre's hands) that recur, one line each with their period and the
    round now due (`where`: and where the report goes, as the item says it, or that it does not say); and those that
    do not, each with its deadline."""
    tasks = [*open_tasks_for(session, person), *(unit_open_tasks(session, person) if person.role == Role.HEAD else [])]
    recurring: list[str] = []
    other: list[str] = []
    for task in tasks:
        if task.recurrence is None or task.occurrence_start is None:
            other.append(f"• Mục {task.item_ref}: {texts.short_title(task.text, 70)} — "
                         + (f"hạn {date_vn(task.due_on)}" if task.due_on else "không có thời hạn"))
            continue
        period = texts.RECURRENCE_LABELS.get(task.recurrence, task.recurrence)
        due = ""
        if task.due_on is not None:
            runs = calendar.deadline_runs(task.due_on)
            due = f", kỳ tới hạn {date_vn(task.due_on)}" + (f" ({runs})" if runs else "")
        line = f"• Mục {task.item_ref}: {texts.short_title(task.text, 70)} — báo cáo {period}{due}"
        if where:
            to = report_addressee(task.text)
            line += f"\n  Nơi nhận báo cáo: {to}." if to else "\n  Nơi nhận báo cáo: nội dung mục không ghi."
        recurring.append(line)
    return recurring, list(dict.fromkeys(other))


async def periodic_question(conv: Conversation, event: TextIn, person: Person) -> bool:
    """Answer "có phải báo cáo hằng tháng không?": which of the person's items recur (their period, the round now
    due; asked "nộp cho ai?" too, where the item says the report goes) or that none does, and the others by number;
    False when not asked that (or by one holding no task)."""
    folded = chat_fold(event.text)
    if person.role == Role.LEFT or not ASKS_PERIODIC.search(folded):
        return False
    ctx = conv.ctx
    recurring, other = await ctx.db.run(_periodic_lines, person, ctx.policy.calendar,
                                        ASKS_WHERE.search(folded) is not None)
    if not recurring and not other:
        return False
    if not recurring:
        await conv.say(event, vn("Đồng chí không có nhiệm vụ báo cáo định kỳ. Nhiệm vụ đồng chí đang phụ trách:\n"
                                 + "\n".join(other)))
        return True
    numbers = ", ".join(line.split(":")[0].removeprefix("• Mục ") for line in other)
    rest = f"\nCác mục khác ({numbers}) không phải báo cáo định kỳ." if other else ""
    await conv.say(event, vn("Nhiệm vụ báo cáo định kỳ của đồng chí:\n" + "\n".join(recurring) + rest))
    return True
