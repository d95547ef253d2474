"""Reports: per unit, how many tasks are done on time, done late, in progress within
the deadline, overdue, or without a deadline — the government's follow-up categories
(QĐ 42/2014 practice: a task without a deadline is counted under "không có thời hạn"
whether or not it is done, never as done on time).

Filters: a notice number (matched loosely), a unit (as typed), and a date range. A date range
is read as a follow-up office reads a monthly report: every task that was open at some time in
the period or finished in it — its notice is dated in the range (the issue date, else the day it
was registered), its deadline (as written or as it runs past a day off) falls in the range, it was
finished in the range, or it was overdue and still open on some day of the range. A recurring duty is
also in a period when one of its past rounds is (`round_in_period`: due, finished, or overdue and not yet
reported in it), and the period's report counts those rounds. `parse_filter` reads the filter as typed after
/tonghop.

A period already over (its last day before the report's day) is reported as it stood at its end, not as the tasks
stand now (`report_as_of`, `as_of_states`): a leader asking in December for October's report gets what was true on
31/10 — the status and percent of then, the deadline of then, finished only if it was by then, the rounds of then.

Also the weekly digest for leaders: done in the last seven days, newly overdue, extension
requests waiting for a decision."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, object_session, selectinload

from storage.audit import audit
from storage.db import chunks
from storage.models import (
    OPEN_STATUSES,
    AuditLog,
    Digest,
    DigestState,
    Notice,
    NoticeStatus,
    Person,
    Question,
    Role,
    StatusReport,
    Task,
    TaskOccurrence,
    TaskStatus,
)
from storage.notices import meeting_date, notice_title
from storage.tasks import NOT_HOLDERS_WORD, WAITING_KEEPS, DutyKind, duty_kind, pending_extensions, said_not_started
from storage.unitnames import best_unit_match, unit_key
from storage.vntext import fold, nfc, strip_marks

NO_UNIT = "(Chưa xác định đơn vị)"


class DeadlineRule(Protocol):
    """The last day a task due on `due_on` may be finished on time (the scheduler's WorkingCalendar:
    a deadline on a weekend or a holiday runs to the next working day, Civil Code art. 148)."""

    def effective_deadline(self, due_on: dt.date) -> dt.date: ...


class AsWritten:
    """The deadline as written, for callers without a working calendar."""

    def effective_deadline(self, due_on: dt.date) -> dt.date:
        return due_on


AS_WRITTEN = AsWritten()

CATEGORIES = ("done_on_time", "done_late", "in_progress", "overdue", "no_deadline")
CATEGORY_LABELS = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "in_progress": "Đang thực hiện trong hạn",
    "overdue": "Quá hạn chưa hoàn thành",
    "no_deadline": "Không có thời hạn",
}
# a task row's category when its unit only supports (`DutyKind.SUPPORTING`): the lead unit answers for the task
# (DOMAIN.md), so it is neither on time nor late for the supporting unit, and stays out of the five counts
SUPPORTING = "supporting"
SUPPORTING_LABEL = "Phối hợp (đơn vị chủ trì chịu trách nhiệm về thời hạn)"


# ---------------------------------------------------------------- filters

@dataclass(frozen=True, kw_only=True)
class ReportFilter:
    """Which tasks a report covers. Empty: every task of the confirmed notices."""

    notice: str | None = None  # a notice number as typed ("45/TB-UBND", "45")
    # the notices a question named by what they are about ("thông báo quy hoạch chung các xã": `notices_about`), and
    # those words as typed, to say the scope when they are several
    notice_ids: tuple[int, ...] = ()
    notice_words: str | None = None
    unit: str | None = None  # a unit name as typed ("Sở Tài chính", "tài chính")
    unit_id: int | None = None  # exactly this directory unit (/donvi)
    date_from: dt.date | None = None  # first day of the period (see `in_period`)
    date_to: dt.date | None = None  # last day of the period
    period: str | None = None  # how the range was typed, for the title ("tháng 3/2026", "quý I/2026")

    @property
    def is_empty(self) -> bool:
        return (self.notice is None and self.unit is None and self.unit_id is None and self.date_from is None
                and self.date_to is None and not self.notice_ids)


def _number_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", strip_marks(text).lower())


def notice_number_matches(query: str, number: str | None) -> bool:
    """Loose match of a typed notice number: case, diacritics, spaces and punctuation do not
    matter ("45/tb-ubnd", "45 TB UBND"); a bare number matches the number part ("45" → 45/TB-UBND);
    a leading part matches ("45/TB" → 45/TB-UBND)."""
    if not number:
        return False
    q = nfc(query).strip()
    q = re.sub(r"^(?:số|so)\s*", "", q, flags=re.IGNORECASE)
    q_key, n_key = _number_key(q), _number_key(number)
    if not q_key:
        return False
    if q_key == n_key:
        return True
    if q.isdigit():
        lead = re.match(r"\s*0*(\d+)", number)
        return lead is not None and lead.group(1) == q_key.lstrip("0")
    # a leading part ("45/TB" → 45/TB-UBND, "45/2026" → 45/2026/QĐ-UBND) that does not cut a number
    if len(n_key) <= len(q_key) or not n_key.startswith(q_key):
        return False
    return not (q_key[-1].isdigit() and n_key[len(q_key)].isdigit())


# a notice named by its date ("thông báo 22/01", "thông báo ngày 22/01/2026"): most notices an office loads before
# their number is given are known by the meeting's or the signing's date (probe 46: "đơn vị nào chậm thông báo 22/01"
# answered that no unit was late — no notice has the number "22/01")
_DATE_QUERY = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?$")


def notice_query_date(query: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) when a typed notice reference is a date, else None."""
    m = _DATE_QUERY.match(strip_marks(nfc(query)).lower().strip())
    if m is None or not (1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12):
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None


def notice_date_matches(query: str | tuple[int, int, int | None] | None, notice: Notice) -> bool:
    """A typed date ("22/01", "22/01/2026", or as `notice_query_date` read it) is the notice's date or its meeting's
    date (the year, if typed, too)."""
    wanted = notice_query_date(query) if isinstance(query, str) else query
    if wanted is None:
        return False
    return any(day is not None and (day.day, day.month) == wanted[:2] and wanted[2] in (None, day.year)
               for day in (notice.issued_on, meeting_date(notice)))


def unit_matches(query: str, names: Iterable[str]) -> set[str]:
    """The unit names (as the report shows them) that a typed unit means: the same folded name,
    names containing the typed words ("tài chính" → "Sở Tài chính"), else the best fuzzy match."""
    names = list(dict.fromkeys(names))
    key = unit_key(query)
    if not key:
        return set()
    keys = [unit_key(n) for n in names]
    exact = {n for n, k in zip(names, keys, strict=True) if k == key}
    if exact:
        return exact
    contained = {n for n, k in zip(names, keys, strict=True) if f" {key} " in f" {k} "}
    if contained:
        return contained
    if by_initials := _by_initials(key, names, keys):
        return by_initials
    best = best_unit_match(query, keys)
    return {names[best.index]} if best else set()


def _by_initials(key: str, names: Sequence[str], keys: Sequence[str]) -> set[str]:
    """"Phòng NN", "Phòng KT-HT": the one unit of that kind whose name's words start with those initials ("Phòng
    Nông nghiệp và Phát triển nông thôn"), as offices shorten a name the notice wrote in full or as "NN&PTNT"
    (probe 41, #4); none when several do. A kind of two words ("Chi cục QLTT"), and the "Quản lý" of a name left out
    as people say it ("phòng TM": "Phòng Quản lý Thương mại") — probe 42, #8."""
    words = key.split()
    kind = " ".join(words[:2]) if " ".join(words[:2]) in _TWO_WORD_KINDS else words[0]
    letters = words[len(kind.split()):]
    abbreviation = "".join(letters)
    if not letters or len(abbreviation) < 2 or any(len(w) > 4 for w in letters):
        return set()

    def initials(k: str) -> tuple[str, ...]:
        rest = [w for w in k.split()[len(kind.split()):] if w != "va"]
        full = "".join(w[0] for w in rest)
        return (full, full[2:]) if rest[:2] == ["quan", "ly"] else (full,)

    found = {n for n, k in zip(names, keys, strict=True) if k.split()[:len(kind.split())] == kind.split() and
             any(i.startswith(abbreviation) for i in initials(k))}
    return found if len(found) == 1 else set()


_TWO_WORD_KINDS = frozenset({"chi cuc", "van phong", "trung tam", "cong ty", "chi nhanh", "ban quan", "tong cuc"})


def unit_name_of(task: Task) -> str:
    """The lead unit's name in a report: `Task.lead_name` (the notice's marked spelling where the directory has
    none, probe 22 F8c)."""
    return task.lead_name or NO_UNIT


def notice_day(notice: Notice, tz: ZoneInfo) -> dt.date:
    """The notice's date: as issued, else the day it was registered."""
    return notice.issued_on or notice.created_at.astimezone(tz).date()


def _in_range(day: dt.date | None, filt: ReportFilter) -> bool:
    if day is None:
        return False
    return (filt.date_from is None or day >= filt.date_from) and (filt.date_to is None or day <= filt.date_to)


def round_in_period(occurrence: TaskOccurrence, filt: ReportFilter, *, tz: ZoneInfo,
                    rule: DeadlineRule = AS_WRITTEN) -> bool:
    """Whether a past round of a recurring duty belongs in the filter's period: due in it (as written or as run
    past a day off), finished in it, or overdue and not yet reported on some day of it. A round never reported
    counts as overdue until about the next round's deadline (when the duty moved on to that round, see
    scheduler/series.py `roll_missed`), not for ever."""
    deadline = rule.effective_deadline(occurrence.due_on)
    if _in_range(occurrence.due_on, filt) or _in_range(deadline, filt):
        return True
    done_on = occurrence.done_at.astimezone(tz).date() if occurrence.done_at is not None else None
    if _in_range(done_on, filt):
        return True
    first_late = deadline + dt.timedelta(days=1)
    last_late = (done_on if done_on is not None
                 else deadline + (occurrence.period_end - occurrence.period_start) + dt.timedelta(days=1))
    return (first_late <= last_late and (filt.date_to is None or first_late <= filt.date_to)
            and (filt.date_from is None or last_late >= filt.date_from))


def in_period(task: Task, filt: ReportFilter, *, tz: ZoneInfo, rule: DeadlineRule = AS_WRITTEN,
              rounds: Sequence[TaskOccurrence] = (), state: TaskState | None = None) -> bool:
    """Whether a task belongs in a report of the filter's period: open at some time in it or finished in it —
    its notice dated in it, its deadline (as written or as run past a day off) in it, finished in it, or overdue
    and not yet finished on some day of it (a task due 30/04 — run to 04/05 — and still open in May is in May's
    report, though neither its notice nor its deadline is in May). A recurring duty (its past `rounds`) also when
    one of its rounds is in the period (`round_in_period`): the May round of a monthly report, sent on 12/05,
    puts the duty in May's report though the duty now stands for its June round. `state`: the task as it stood
    at the end of a past period (`as_of_states`), else as it stands now."""
    if any(round_in_period(r, filt, tz=tz, rule=rule) for r in rounds):
        return True
    state = state or current_state(task)
    notice_on = notice_day(task.notice, tz)
    if _in_range(notice_on, filt):
        return True
    done_on = state.done_at.astimezone(tz).date() if state.done_at and state.status == TaskStatus.DONE else None
    if _in_range(done_on, filt):
        return True
    if state.due_on is None:
        return False
    deadline = rule.effective_deadline(state.due_on)
    if _in_range(state.due_on, filt) or _in_range(deadline, filt):
        return True
    # overdue from the day after the effective deadline, until it is finished
    first_late = max(deadline + dt.timedelta(days=1), filt.date_from or dt.date.min)
    return ((filt.date_to is None or (first_late <= filt.date_to and notice_on <= filt.date_to))
            and (done_on is None or done_on >= first_late))


def select_tasks(session: Session, filt: ReportFilter, *, tz: ZoneInfo,
                 rule: DeadlineRule = AS_WRITTEN) -> list[Task]:
    """The tasks of confirmed notices (cancelled tasks left out) that the filter covers, in notice
    and item order."""
    return _selection(session, filt, tz=tz, rule=rule)[0]


def report_as_of(filt: ReportFilter | None, today: dt.date) -> dt.date | None:
    """The day a report's figures stand at: the last day of a period already over (a leader asking in December
    for October's report reads October as it stood on 31/10), else None — today, as the tasks stand now (the
    current period, or no period)."""
    if filt is None or filt.date_to is None or filt.date_to >= today:
        return None
    return filt.date_to


def end_of_day(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    """The first instant after `day` (local): what was stored before it stood at the end of that day."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, 0), tzinfo=tz)


Selection = tuple[list[Task], dict[int, list[TaskOccurrence]], dict[int, "TaskState"], list[Task]]


# what a question says before a notice's subject, and between its words ("tình hình thực hiện thông báo kết luận về
# quy hoạch chung các xã"): not what the notice is about (folded)
_NOTICE_KIND_WORDS = re.compile(r"^(?:(?:tinh hinh|tien do|ket qua)\s+)?(?:(?:thuc hien|trien khai)\s+)?"
                                r"(?:(?:cac|nhung)\s+)?(?:(?:thong bao|ket luan|ke hoach|cong van|van ban|quyet dinh"
                                r"|chi thi|nghi quyet|chuong trinh|cong dien|tb|kl|kh|cv|qd)\s+)+"
                                r"(?:(?:cua|ve|viec|ve viec)\s+)*")
_FILLER_WORDS = frozenset("ve viec cua cac nhung va tai trong thuc hien tinh hinh tien do".split())
NOTICE_WORDS_MIN = 2  # content words a question must give to name a notice by what it is about


def notice_subject_words(text: str) -> list[str]:
    """The words of a question that may say what a notice is about: "thông báo quy hoạch chung các xã" →
    ["quy", "hoach", "chung", "xa"]; [] when it does not start with a kind of document (a unit's name, "lịch trực
    Tết"), or gives fewer than NOTICE_WORDS_MIN words."""
    folded = fold(text)
    m = _NOTICE_KIND_WORDS.match(folded)
    if m is None or not m.group(0).strip():
        return []
    words = [w for w in folded[m.end():].split() if w not in _FILLER_WORDS]
    return words if len(words) >= NOTICE_WORDS_MIN else []


def notices_about(session: Session, text: str) -> list[int]:
    """The confirmed notices a question names by what they are about ("tình hình thông báo cải cách hành chính"):
    those whose subject (or kind and title) has every word `notice_subject_words` finds, and among them those that
    have them together, as said, when some do. [] when the words name none (or are not such words)."""
    words = notice_subject_words(text)
    if not words:
        return []
    found: list[tuple[int, bool]] = []
    for notice in session.scalars(select(Notice).where(Notice.status == NoticeStatus.CONFIRMED).order_by(Notice.id)):
        said = f" {fold(notice.subject)} {fold(notice.kind)} {fold(notice_title(notice))} "
        if all(f" {w} " in said for w in words):
            found.append((notice.id, f" {' '.join(words)} " in said))
    together = [notice_id for notice_id, whole in found if whole]
    return together or [notice_id for notice_id, _ in found]


def _selection(session: Session, filt: ReportFilter, *, tz: ZoneInfo, rule: DeadlineRule,
               as_of: dt.date | None = None) -> Selection:
    """`select_tasks`, with every past round of the recurring tasks selected (read once, for the period test and
    for the report's round counts). `as_of`: the last day of a past period — the tasks as they stood at its end
    (`as_of_states`: one for each task kept), the rounds as they stood then (those of the period, settled by
    then: finished, or overdue and not reported), and the tasks withdrawn only after it kept. Last, the standing
    duties a period leaves out (`standing_duty`): open, without a deadline, their notice out by the period's end."""
    query = select(Task).join(Notice, Notice.id == Task.notice_id)
    if as_of is None:
        query = query.where(Notice.status == NoticeStatus.CONFIRMED, Task.status != TaskStatus.CANCELLED)
    else:  # a notice withdrawn after the period stood then (a cancelled notice has tasks only once confirmed)
        query = query.where(or_(Notice.status == NoticeStatus.CONFIRMED,
                                and_(Notice.status == NoticeStatus.CANCELLED,
                                     Notice.closed_at >= end_of_day(as_of, tz))))
    tasks = list(session.scalars(
        query.order_by(Notice.issued_on.is_(None), Notice.issued_on, Task.notice_id, Task.position)))
    if filt.unit_id is not None:
        tasks = [t for t in tasks if t.lead_unit_id == filt.unit_id]
    if filt.notice is not None:
        query_number, query_date = filt.notice, notice_query_date(filt.notice)
        named = {n.id for n in {t.notice for t in tasks}
                 if notice_number_matches(query_number, n.number) or notice_date_matches(query_date, n)}
        tasks = [t for t in tasks if t.notice_id in named]
    if filt.notice_ids:
        tasks = [t for t in tasks if t.notice_id in filt.notice_ids]
    if filt.unit is not None:
        wanted = unit_matches(filt.unit, (unit_name_of(t) for t in tasks))
        tasks = [t for t in tasks if unit_name_of(t) in wanted]
    rounds = _rounds_of(session, tasks)
    states: dict[int, TaskState] = {}
    if as_of is not None:
        states, rounds = as_of_states(session, tasks, rounds, filt, as_of=as_of, tz=tz, rule=rule)
        tasks = [t for t in tasks if t.id in states]
    standing: list[Task] = []
    if filt.date_from is not None or filt.date_to is not None:
        inside = [t for t in tasks if in_period(t, filt, tz=tz, rule=rule, rounds=rounds.get(t.id, ()),
                                                state=states.get(t.id))]
        ids = {t.id for t in inside}
        standing = [t for t in tasks if t.id not in ids and standing_duty(t, filt, tz=tz, state=states.get(t.id))]
        tasks = inside
    if as_of is not None:  # the rounds counted: the period's, settled by its end
        deadline = rule.effective_deadline
        rounds = {task_id: kept for task_id, found in rounds.items()
                  if (kept := [r for r in found if round_in_period(r, filt, tz=tz, rule=rule)
                               and (r.done_at is not None or deadline(r.due_on) < as_of)])}
    return tasks, rounds, states, standing


def standing_duty(task: Task, filt: ReportFilter, *, tz: ZoneInfo, state: TaskState | None = None) -> bool:
    """A standing duty ("thường xuyên", "kịp thời": no deadline, not recurring) still open at the end of the period
    (`state`: as it stood then), its notice out by then. A period's figures leave it out (probe 9: a month is judged
    by what fell due, was finished or was late in it), and the report says it in a line of its own."""
    state = state or current_state(task)
    return (task.recurrence is None and state.due_on is None and state.status not in (TaskStatus.DONE,
                                                                                      TaskStatus.CANCELLED)
            and (filt.date_to is None or notice_day(task.notice, tz) <= filt.date_to))


def _rounds_of(session: Session, tasks: Sequence[Task]) -> dict[int, list[TaskOccurrence]]:
    """Every past round of the recurring tasks among `tasks`, oldest first."""
    ids = [t.id for t in tasks if t.occurrence_start is not None or t.recurrence]
    found: dict[int, list[TaskOccurrence]] = {}
    for chunk in chunks(ids):
        for occurrence in session.scalars(select(TaskOccurrence).where(TaskOccurrence.task_id.in_(chunk))
                                          .order_by(TaskOccurrence.period_start)):
            found.setdefault(occurrence.task_id, []).append(occurrence)
    return found


# ---------------------------------------------------------------- a task as it stood at the end of a past period

@dataclass(frozen=True, kw_only=True)
class TaskState:
    """What a report classifies and shows of a task: as it stands now (`current_state`), or as it stood at the end
    of a past period (`as_of_states`)."""

    status: str
    percent: int | None
    due_on: dt.date | None  # the deadline that applied (extensions granted by then)
    done_at: dt.datetime | None  # when it was finished, if it was by then
    first_due_on: dt.date | None = None  # the deadline before the first extension granted by then
    registered_on: dt.date | None = None  # entered into Nhắc việc only after that day: nothing known of it before
    # open, its holder having reported it not started ("chưa triển khai"): reported on, yet no work going on — not
    # "chưa cập nhật", which would send a leader after a unit that did answer (probe s41 #57, in the reports too)
    said_not_started: bool = False


def current_state(task: Task) -> TaskState:
    return TaskState(status=task.status, percent=task.percent, due_on=task.due_on,
                     done_at=task.done_at if task.status == TaskStatus.DONE else None,
                     said_not_started=said_not_started(task))


@dataclass(frozen=True, kw_only=True)
class _Step:
    created_at: dt.datetime
    status: str
    percent: int | None
    request: bool = False  # an extension request (not a note alone that carried the status)
    open_at_end: bool = False  # (a request) not yet decided, replaced nor withdrawn at the period's end
    # not the holder's word on the task: a decision on a request or its recall (it restores a status nobody reported),
    # or a supporting unit's note on its part (it carries the task's status unchanged)
    others: bool = False


def _said_not_started(steps: Sequence[_Step]) -> bool:
    """The last status its holder reported (not a request, not a decision on one) left the task open: "chưa triển
    khai". A request refused or recalled on a task nobody reported on leaves it open too, unreported; a supporting
    unit's note leaves it as it was."""
    said = [s for s in steps if not s.request and not s.others and s.status != TaskStatus.EXTENSION_REQUESTED]
    return bool(said) and said[-1].status == TaskStatus.OPEN


def _replayed(steps: Sequence[_Step]) -> tuple[str, int | None, dt.datetime | None]:
    """Status, percent and finishing time after `steps` (the status reports in order), as `record_status` left the
    task: a finished task is at 100 % since its first "xong"; reopened, it has no percent until one is given; a
    report after an extension request still waiting at the end leaves the task "extension requested"."""
    status: str = TaskStatus.OPEN
    percent: int | None = None
    done_at: dt.datetime | None = None
    asked = [s for s in steps if s.request]
    waiting = bool(asked) and asked[-1].open_at_end
    for step in steps:
        if step.status == TaskStatus.DONE:
            if status != TaskStatus.DONE:
                done_at = step.created_at
            percent = 100
        elif status == TaskStatus.DONE:
            done_at, percent = None, None
        if step.percent is not None:
            percent = step.percent
        status = step.status
    if waiting and status in WAITING_KEEPS:
        status = TaskStatus.EXTENSION_REQUESTED
    return status, percent, done_at


def as_of_states(session: Session, tasks: Sequence[Task], rounds: dict[int, list[TaskOccurrence]],
                 filt: ReportFilter, *, as_of: dt.date, tz: ZoneInfo, rule: DeadlineRule = AS_WRITTEN,
                 ) -> tuple[dict[int, TaskState], dict[int, list[TaskOccurrence]]]:
    """Each task as it stood at the end of `as_of`, from the stored history: status and percent of the last status
    report sent by then; finished when a "xong" was (and not reopened by then); the deadline with the extensions
    granted by then (one granted later does not rewrite the period: the audit log keeps the deadline it replaced).
    Left out: tasks withdrawn by then, and tasks whose notice is dated (issued, else registered) after it. A task
    entered into Nhắc việc only after that day, from a notice of before, is kept as nobody had reported then, and
    says so (`registered_on`). A task with no history at all (stored before the history was) keeps its finishing
    time, and its status if it has not changed since. With the rounds of the recurring duties as they stood then
    (a round finished later was not yet; the round now current among them, when it had begun, though only the past
    rounds are counted, as today's report counts them), a duty is judged by the rounds of the period
    (`round_in_period`): one overdue and still not reported at the end, else one not yet due, else one finished
    late, else on time."""
    end = end_of_day(as_of, tz)
    ids = [t.id for t in tasks]
    steps: dict[int, list[_Step]] = {}
    reported: set[int] = set()
    approvals: dict[int, list[tuple[dt.datetime, dt.date | None, bool]]] = {}
    for chunk in chunks(ids):
        for task_id, created_at, status, percent, decision, decided_at, source in session.execute(
                select(StatusReport.task_id, StatusReport.created_at, StatusReport.status, StatusReport.percent,
                       StatusReport.decision, StatusReport.decided_at, StatusReport.source)
                .where(StatusReport.task_id.in_(chunk)).order_by(StatusReport.id)):
            reported.add(task_id)
            if created_at < end:
                request = status == TaskStatus.EXTENSION_REQUESTED and decision is not None
                open_at_end = request and (decision == "pending" or decided_at is not None and decided_at >= end)
                steps.setdefault(task_id, []).append(_Step(created_at=created_at, status=status, percent=percent,
                                                           request=request, open_at_end=open_at_end,
                                                           others=source in ("decision", "support")))
        for entry in session.scalars(select(AuditLog).where(
                AuditLog.action.in_(["task.extension_approved", "task.extension_rejected"]),
                AuditLog.entity_id.in_(chunk)).order_by(AuditLog.id)):
            if "before" not in (entry.detail or {}):
                continue  # an approval logged before the replaced deadline was: the deadline now is all we know
            refused = entry.action == "task.extension_rejected"
            if refused and not entry.detail.get("set"):
                continue  # refused, the deadline kept
            before = entry.detail["before"]
            approvals.setdefault(entry.entity_id or 0, []).append(  # (a refusal that set its own date: not extended)
                (entry.at, dt.date.fromisoformat(before) if before else None, not refused))  # None: had no deadline
    states: dict[int, TaskState] = {}
    as_of_rounds: dict[int, list[TaskOccurrence]] = {}
    for task in tasks:
        if notice_day(task.notice, tz) > as_of:
            continue  # assigned after the period
        granted = approvals.get(task.id, [])
        later = [before for at, before, _ in granted if at >= end]
        due_on = later[0] if later else task.due_on
        earlier = [before for at, before, extended in granted if at < end and extended]
        history = steps.get(task.id, [])
        if history or task.id in reported or task.created_at >= end:
            status, percent, done_at = _replayed(history)
        elif task.status == TaskStatus.DONE:  # no history kept: its finishing time still tells when
            done = task.done_at is not None and task.done_at < end
            status, percent, done_at = ((TaskStatus.DONE, 100, task.done_at) if done else (TaskStatus.OPEN, None, None))
        elif task.updated_at < end:  # unchanged since
            status, percent, done_at = task.status, task.percent, None
        else:
            status, percent, done_at = TaskStatus.OPEN, None, None
        if status == TaskStatus.CANCELLED:
            continue  # withdrawn by then
        state = TaskState(status=status, percent=percent, due_on=due_on, done_at=done_at,
                          first_due_on=earlier[0] if earlier else None,
                          said_not_started=status == TaskStatus.OPEN and task.occurrence_start is None
                          and _said_not_started(history),
                          registered_on=task.created_at.astimezone(tz).date() if task.created_at >= end else None)
        if task.occurrence_start is not None or task.recurrence:
            found = [_round_then(r, end) for r in rounds.get(task.id, [])]
            as_of_rounds[task.id] = found  # counted as the current report counts the past rounds
            if task.occurrence_start is not None and task.occurrence_start <= as_of and due_on is not None:
                found = [*found, _current_round(task, state, as_of, tz=tz, rule=rule)]
            state = _duty_state(state, [r for r in found if round_in_period(r, filt, tz=tz, rule=rule)], found,
                                as_of=as_of, rule=rule)
        states[task.id] = state
    return states, as_of_rounds


def _round_then(occurrence: TaskOccurrence, end: dt.datetime) -> TaskOccurrence:
    """A past round as it stood at `end`: finished only if it was by then (a copy, never stored)."""
    if occurrence.done_at is None or occurrence.done_at < end:
        return occurrence
    return TaskOccurrence(task_id=occurrence.task_id, label=occurrence.label, period_start=occurrence.period_start,
                          period_end=occurrence.period_end, due_on=occurrence.due_on, done_at=None, on_time=False)


def _current_round(task: Task, state: TaskState, as_of: dt.date, *, tz: ZoneInfo,
                   rule: DeadlineRule) -> TaskOccurrence:
    """The duty's current round (begun by `as_of`) as a round of the period, never stored. Its own period end is not
    kept; still open now, it was outstanding every day from its deadline to `as_of` (`round_in_period`'s reading of
    a round not reported runs to its deadline plus its period's length)."""
    assert task.occurrence_start is not None and state.due_on is not None
    deadline = rule.effective_deadline(state.due_on)
    done_at = task.done_at if task.status == TaskStatus.DONE and task.done_at is not None \
        and task.done_at < end_of_day(as_of, tz) else None  # the series' last round, finished by then
    outstanding = max((as_of - deadline).days, 0)
    return TaskOccurrence(task_id=task.id, label=task.occurrence_label or "", period_start=task.occurrence_start,
                          period_end=task.occurrence_start + dt.timedelta(days=outstanding), due_on=state.due_on,
                          done_at=done_at,
                          on_time=done_at is not None and done_at.astimezone(tz).date() <= deadline)


def _duty_state(state: TaskState, in_period_rounds: Sequence[TaskOccurrence], rounds: Sequence[TaskOccurrence], *,
                as_of: dt.date, rule: DeadlineRule) -> TaskState:
    """A recurring duty at the end of a past period, judged by that period's rounds (see `as_of_states`); with none
    in it (its notice of the period, its first round due later), by the first round due after it."""
    waiting = state.status != TaskStatus.DONE  # a "xong" is about a round; the next one begins not reported
    open_status, open_percent = (state.status, state.percent) if waiting else (TaskStatus.OPEN, None)

    def still_outstanding(r: TaskOccurrence) -> bool:  # not reported, and the duty had not moved on by the end
        return rule.effective_deadline(r.due_on) + (r.period_end - r.period_start) + dt.timedelta(days=1) >= as_of

    past_due = [r for r in in_period_rounds if r.done_at is None and rule.effective_deadline(r.due_on) < as_of]
    overdue = [r for r in past_due if still_outstanding(r)]
    not_due = [r for r in in_period_rounds if r.done_at is None and r not in past_due]
    late = [r for r in in_period_rounds if r.done_at is not None and not r.on_time]
    on_time = [r for r in in_period_rounds if r.done_at is not None and r.on_time]
    # a round the duty moved on from, unreported, is counted as not reported; the duty, by the rounds after it
    for chosen in (overdue[:1] or not_due[-1:] or late[-1:] or on_time[-1:] or past_due[-1:]
                   or sorted((r for r in rounds if r.due_on > as_of), key=lambda r: r.due_on)[:1]):
        if chosen.done_at is not None:
            return replace(state, status=TaskStatus.DONE, percent=100, due_on=chosen.due_on, done_at=chosen.done_at)
        return replace(state, status=open_status, percent=open_percent, due_on=chosen.due_on, done_at=None)
    return replace(state, status=open_status, percent=open_percent, done_at=None)


# ---------------------------------------------------------------- the filter as typed

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = r"(?:\s*(?:/|-|nam)\s*(\d{4}))?"
_DATE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?"
_PERIODS = [
    ("range", re.compile(r"\b(?:tu\s+(?:ngay\s+)?)?" + _DATE + r"\s*(?:den|-|–)\s*(?:ngay\s+)?" + _DATE + r"\b")),
    ("month", re.compile(r"\bthang\s+(\d{1,2})\b" + _YEAR)),
    ("quarter", re.compile(r"\bquy\s+(iv|iii|ii|i|[1-4])\b" + _YEAR)),
    ("this", re.compile(r"\b(thang|quy|nam|tuan)\s+(nay|truoc|qua)\b")),
    ("year", re.compile(r"\bnam\s+(\d{4})\b")),
]
# "45/TB-UBND", "462-KL/TU" (the Party's numbering), "12 / TB-VPTU"; a bare number after "số"/"thông báo"
_KINDS = r"thong bao|van ban|cong van|ke hoach|chi thi|quyet dinh|ket luan"  # a notice named by its kind
_NOTICE_NUMBER = re.compile(r"(?:\b(?:" + _KINDS + r"|tb|cv|kh|so|ngay)\s+)*\b(\d{1,5}[a-z]?\s*(?:/|-(?=\s*[a-z]))\s*"
                            r"[0-9a-z][0-9a-z./-]*)")
_BARE_NUMBER = re.compile(r"\b(?:" + _KINDS + r"|so)\s+(?:so\s+)?(\d{1,5})\b")


# words of a question that name no unit: what every unit's summary shows anyway (overdue items are listed per unit)
# ("chị", but not the "Chi" of "Chi cục QLTT": probe 42, #8)
_NO_UNIT_WORDS = re.compile(r"(?:\s*\b(?:cho|xin|hay|giup|toi|anh|chi(?!\s+(?:cuc|nhanh)\b)|em|minh|"
                            r"tong hop|tinh hinh|thuc hien|tien do|ket qua|chung|qua han|cham(?: tien do)?|"
                            r"cac don vi|don vi|tat ca|toan bo|nhiem vu|cong viec|excel|file|tep|bieu do|do thi|"
                            r"bao cao|xuat|gui|xem|cua|the nao|ra sao|den dau|roi|nao|ai)\b\s*|\?\s*)*")
_NO_UNIT_WORDS_END = re.compile(r"(?:\s*\b(?:tinh hinh|thuc hien|tien do|ket qua|qua han|cham|the nao|ra sao|"
                                r"den dau|roi|sao|nao)\b|\s*\?)+\s*$")


class FilterNotUnderstood(ValueError):
    """A period that names no real date ("tháng 13", "31/2")."""


def _char_fold(text: str) -> str:
    """Lower case without diacritics, one character for one: indices stay those of `text`."""
    return "".join((strip_marks(c).lower() or c)[:1] for c in text)


def _year_for(month: int, year: str | None, today: dt.date) -> int:
    """An explicit year; else this year, unless the month is more than six months ahead (then last year)."""
    if year:
        return int(year)
    return today.year - 1 if month - today.month > 6 else today.year


def month_range(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """The first day of month `first` and the last day of month `last` of `year`."""
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def _typed_date(day: str, month: str, year: str | None, today: dt.date) -> dt.date:
    try:
        return dt.date(int(year) if year else today.year, int(month), int(day))
    except ValueError as exc:
        raise FilterNotUnderstood(f"{day}/{month}/{year}") from exc


def parse_period(kind: str, m: re.Match[str], today: dt.date) -> tuple[dt.date, dt.date, str]:
    if kind == "range":
        start = _typed_date(m.group(1), m.group(2), m.group(3), today)
        end = _typed_date(m.group(4), m.group(5), m.group(6) or m.group(3), today)
        if end < start:
            raise FilterNotUnderstood("range ends before it starts")
        return start, end, f"từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"
    if kind == "month":
        month = int(m.group(1))
        if not 1 <= month <= 12:
            raise FilterNotUnderstood(f"month {month}")
        year = _year_for(month, m.group(2), today)
        return (*month_range(year, month, month), f"tháng {month}/{year}")
    if kind == "quarter":
        q = ROMAN.get(m.group(1)) or int(m.group(1))
        year = _year_for(3 * q - 2, m.group(2), today)
        return (*month_range(year, 3 * q - 2, 3 * q), f"quý {'I' * q if q < 4 else 'IV'}/{year}")
    if kind == "this":
        what, which = m.group(1), m.group(2)
        if what == "nam":
            year = today.year - (which == "truoc")
            return dt.date(year, 1, 1), dt.date(year, 12, 31), f"năm {year}"
        if what == "tuan":  # Monday to Sunday; "tuần qua" is the last seven days
            if which == "qua":
                return today - dt.timedelta(days=6), today, f"tuần qua ({today - dt.timedelta(days=6):%d/%m} – " \
                    f"{today:%d/%m/%Y})"
            monday = today - dt.timedelta(days=today.weekday() + 7 * (which == "truoc"))
            sunday = monday + dt.timedelta(days=6)
            return monday, sunday, f"tuần {'này' if which == 'nay' else 'trước'} ({monday:%d/%m} – {sunday:%d/%m/%Y})"
        if what == "thang":
            first = today.replace(day=1)
            if which == "truoc":
                first = (first - dt.timedelta(days=1)).replace(day=1)
            return (*month_range(first.year, first.month, first.month), f"tháng {first.month}/{first.year}")
        q = (today.month - 1) // 3 + 1
        year = today.year
        if which == "truoc":
            q, year = (4, year - 1) if q == 1 else (q - 1, year)
        return (*month_range(year, 3 * q - 2, 3 * q), f"quý {'I' * q if q < 4 else 'IV'}/{year}")
    year = int(m.group(1))
    return dt.date(year, 1, 1), dt.date(year, 12, 31), f"năm {year}"


def parse_filter(text: str, today: dt.date) -> ReportFilter:
    """The filter typed after /tonghop: a period ("tháng 3", "tháng 3/2026", "quý 1", "quý II năm 2026",
    "năm 2026", "tháng này", "từ 1/3 đến 15/3"), a notice number ("45/TB-UBND", "số 45/TB-UBND"), and
    whatever is left is a unit ("Sở Tài chính"). Raises FilterNotUnderstood for an impossible date."""
    text = nfc(text).strip()
    folded = _char_fold(text)
    date_from = date_to = None
    period = None
    for kind, pattern in _PERIODS:
        m = pattern.search(folded)
        if m:
            date_from, date_to, period = parse_period(kind, m, today)
            # "… Sở Xây dựng trong tháng 5": the word that leads to the period goes with it, matched as written so
            # that a name ("xã Đức Trọng") keeps its own
            text = re.sub(r"\s(?:trong|vào|Trong|Vào)\s*$", "", text[: m.start()]) + " " + text[m.end():]
            break
    notice = None
    folded = _char_fold(text)
    m = _NOTICE_NUMBER.search(folded) or _BARE_NUMBER.search(folded)
    if m:
        notice = re.sub(r"\s+", "", text[m.start(1): m.end(1)])
        text = text[: m.start()] + " " + text[m.end():]
    unit = re.sub(r"^(?:của\s+)?(?:đơn vị\s+)?", "", " ".join(text.replace(",", " ").replace(";", " ").split()),
                  flags=re.IGNORECASE).strip(" -:")
    folded = _char_fold(unit)  # "tình hình huyện Thanh Sơn thế nào?": the unit between the question's words
    unit = unit[len(_NO_UNIT_WORDS.match(folded)[0]):]  # type: ignore[index]
    tail = _NO_UNIT_WORDS_END.search(_char_fold(unit))
    unit = unit[:tail.start()] if tail else unit
    return ReportFilter(notice=notice, unit=unit or None, date_from=date_from, date_to=date_to, period=period)


# ---------------------------------------------------------------- whether the work was given out

@dataclass(frozen=True, kw_only=True)
class UnitGiven:
    unit: str  # the directory's name, else as written
    holders: tuple[str, ...]  # who holds its tasks (full names), in the order first given
    count: int


@dataclass(frozen=True, kw_only=True)
class NoticeGiven:
    """A notice as it stands for "đã giao việc cho các đơn vị chưa?": a draft the office has not confirmed yet, or
    its confirmed tasks per unit and the items nobody holds."""
    title: str
    received_on: dt.date
    given_on: dt.date | None  # the day its tasks were registered; None: still a draft
    tasks: int
    units: tuple[UnitGiven, ...]
    unheld: tuple[str, ...]  # the item refs of open tasks nobody holds


RECENT_NOTICES = 3  # how many notices "đã giao việc chưa?" speaks of when none is named


def notices_given(session: Session, *, number: str | None = None, tz: ZoneInfo,
                  limit: int = RECENT_NOTICES) -> list[NoticeGiven]:
    """The newest notices in Nhắc việc (drafts waiting and confirmed ones; cancelled or withdrawn ones left out), or
    the ones `number` names, newest first: whether and to whom their tasks were given (a notice's `closed_at` is
    when its draft was confirmed)."""
    query = select(Notice).where(Notice.status.in_([NoticeStatus.DRAFT, NoticeStatus.CONFIRMED])) \
        .order_by(Notice.created_at.desc(), Notice.id.desc())
    notices = list(session.scalars(query if number is not None else query.limit(limit)))
    if number is not None:
        when = notice_query_date(number)
        notices = [n for n in notices if notice_number_matches(number, n.number) or notice_date_matches(when, n)]
    found = []
    for notice in notices[:limit]:
        tasks = [t for t in notice.tasks if t.status != TaskStatus.CANCELLED]
        units: dict[str, tuple[list[str], int]] = {}
        for task in tasks:
            holders, count = units.get(unit_name_of(task), ([], 0))
            if task.assignee is not None and task.assignee.full_name not in holders:
                holders.append(task.assignee.full_name)
            units[unit_name_of(task)] = (holders, count + 1)
        confirmed = notice.status == NoticeStatus.CONFIRMED
        found.append(NoticeGiven(
            title=notice_title(notice), received_on=notice.created_at.astimezone(tz).date(),
            given_on=notice.closed_at.astimezone(tz).date() if confirmed and notice.closed_at else None,
            tasks=len(tasks) if confirmed else len((notice.meta or {}).get("tasks") or []),
            units=tuple(UnitGiven(unit=u, holders=tuple(h), count=c) for u, (h, c) in units.items()) if confirmed
            else (),
            unheld=tuple(dict.fromkeys(t.item_ref for t in tasks
                                       if t.status in OPEN_STATUSES and (t.assignee is None or
                                                                         t.assignee.role == Role.LEFT)))))
    return found


# ---------------------------------------------------------------- per-unit totals

@dataclass(frozen=True, kw_only=True)
class AskedInTime:
    """A task past its deadline whose extension request, sent by that deadline, still waits for a decision."""

    item_ref: str
    requested_due: dt.date | None  # the date asked for
    asked_on: dt.date  # the day the request was sent
    effective_due: dt.date  # the deadline it was sent by (as it runs past a day off)


@dataclass(kw_only=True)
class UnitSummary:
    unit: str
    done_on_time: int = 0
    done_late: int = 0
    in_progress: int = 0  # within the deadline
    not_started: int = 0  # of those, nobody has reported on yet ("Chưa cập nhật"): no work known to be going on
    said_not_started: int = 0  # of those, reported not started ("Chưa triển khai"): answered, no work going on either
    overdue: int = 0  # past the deadline, not done
    no_deadline: int = 0  # done or not
    no_deadline_done: int = 0  # of which done
    no_deadline_not_started: int = 0  # of which open and never reported on
    no_deadline_said_not_started: int = 0  # of which open and reported not started
    overdue_refs: list[str] = field(default_factory=list)
    # beside each of `overdue_refs`: the date asked for when an extension request on it waits (still late unless
    # granted, but not plain overdue: probe 27), else None
    overdue_asked: list[dt.date | None] = field(default_factory=list)
    # beside each of `overdue_refs`: the share done the unit last reported on it (None: none reported), so a leader
    # tells a late task at 90% from one nobody has touched
    overdue_percent: list[int | None] = field(default_factory=list)
    # past rounds of recurring duties (a recurring task counts above by its current round)
    rounds_on_time: int = 0
    rounds_late: int = 0
    rounds_missed: int = 0  # never reported: the next round began
    missed_refs: dict[str, int] = field(default_factory=dict)  # item → how many of its rounds were never reported
    registered_later: int = 0  # a past period's tasks entered into Nhắc việc only after it (no figures of then)
    unheld: int = 0  # open tasks nobody holds (the unit has no head in the directory, or no unit matched)
    # of the tasks in progress or overdue, those whose extension request waits for a decision (a leader's to settle)
    extension_pending: int = 0
    extension_pending_refs: list[str] = field(default_factory=list)
    # of those, the ones past their deadline whose request was sent by it (`waits_in_time`): counted in progress, not
    # late — the leader's decision pending, not the unit's lateness (probe 36, #5)
    asked_in_time: list[AskedInTime] = field(default_factory=list)
    # tasks the unit holds only to support another unit (`DutyKind.SUPPORTING`): outside the counts above and the total
    # (the lead unit answers for them, DOMAIN.md) — never late, never unfinished for this unit
    supporting: int = 0
    supporting_done: int = 0  # of which the unit reported its part done
    supporting_refs: list[str] = field(default_factory=list)
    items: set[tuple[int, str]] = field(default_factory=set)  # (notice, item number): one item may give several tasks

    @property
    def working(self) -> int:
        """In progress within the deadline and reported on: work known to be going on (not one said not started)."""
        return self.in_progress - self.not_started - self.said_not_started

    @property
    def untouched(self) -> bool:
        """Nothing finished, late, reported on or waiting: every task open, within its deadline or without one, and
        never reported on (a long report names such units in one line)."""
        return (self.total > 0 and self.not_started == self.in_progress and not (
            self.done_on_time or self.done_late or self.overdue or self.no_deadline_done or self.rounds
            or self.unheld or self.extension_pending or self.registered_later or self.supporting)
            and self.no_deadline_not_started == self.no_deadline)

    @property
    def rounds(self) -> int:
        return self.rounds_on_time + self.rounds_late + self.rounds_missed

    @property
    def unfinished(self) -> bool:
        """Work still open, within its deadline, past it or without one: what "đơn vị nào chưa hoàn thành?" lists."""
        return bool(self.in_progress or self.overdue or self.no_deadline - self.no_deadline_done or self.rounds_missed)

    @property
    def is_late(self) -> bool:
        """Overdue work, or rounds of a recurring duty never reported: what "đơn vị nào chậm?" lists."""
        return bool(self.overdue or self.rounds_missed)

    @property
    def total(self) -> int:
        return self.done_on_time + self.done_late + self.in_progress + self.overdue + self.no_deadline

    @property
    def dated(self) -> int:
        """The tasks with a deadline: what the overdue share is of (a task without one is never overdue)."""
        return self.total - self.no_deadline

    @property
    def overdue_share(self) -> float | None:
        """Overdue and not done, of the tasks with a deadline; None when none has one."""
        return self.overdue / self.dated if self.dated else None

    def add(self, other: UnitSummary) -> None:
        for name in (*CATEGORIES, "not_started", "said_not_started", "no_deadline_done", "no_deadline_not_started",
                     "no_deadline_said_not_started", "rounds_on_time",
                     "rounds_late", "rounds_missed", "registered_later", "unheld", "extension_pending", "supporting",
                     "supporting_done"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.items |= other.items
        self.asked_in_time = [*self.asked_in_time, *other.asked_in_time]


def classify(task: Task, today: dt.date, tz: ZoneInfo, rule: DeadlineRule = AS_WRITTEN) -> str:
    """One of CATEGORIES, judged against the effective deadline. A task without a deadline is
    "no_deadline", done or not."""
    return classify_state(current_state(task), today, tz, rule)


def classify_state(state: TaskState, today: dt.date, tz: ZoneInfo, rule: DeadlineRule = AS_WRITTEN) -> str:
    """`classify` of a task as it stands, or stood, in `state`, on `today` (the last day of a past period)."""
    if state.due_on is None:
        return "no_deadline"
    deadline = rule.effective_deadline(state.due_on)
    if state.status == TaskStatus.DONE:
        if state.done_at is None:
            return "done_on_time"
        return "done_on_time" if state.done_at.astimezone(tz).date() <= deadline else "done_late"
    return "overdue" if today > deadline else "in_progress"


def supports_only(task: Task, state: TaskState | None = None) -> bool:
    """Whether the task's unit only supports another on it (`DutyKind.SUPPORTING`), with a deadline then (`state`: as
    it stood at the end of a past period)."""
    return duty_kind(task) is DutyKind.SUPPORTING and (state is None or state.due_on is not None)


def past_rounds(found: dict[int, list[TaskOccurrence]], filt: ReportFilter | None, *, tz: ZoneInfo,
                rule: DeadlineRule = AS_WRITTEN) -> dict[int, list[TaskOccurrence]]:
    """Of the past rounds `found` (task id → rounds), all of them; with a period, the rounds of that period
    (`round_in_period`: due, finished, or overdue and not reported in it)."""
    if filt is None or (filt.date_from is None and filt.date_to is None):
        return found
    kept = {task_id: [r for r in rounds if round_in_period(r, filt, tz=tz, rule=rule)]
            for task_id, rounds in found.items()}
    return {task_id: rounds for task_id, rounds in kept.items() if rounds}


def _waiting_request(task: Task, before: dt.datetime | None) -> Select[dt.date | None, dt.datetime]:
    """The statement for the extension request waiting on `task` (its latest): now, the one still pending; at the end
    of a past period (`before`: the moment it ended), the latest sent by then — a task whose state then is "extension
    requested" had that one waiting, whatever was decided since (a report of October read in December)."""
    waiting = select(StatusReport.requested_due_on, StatusReport.created_at).where(StatusReport.task_id == task.id)
    if before is None:
        waiting = waiting.where(StatusReport.decision == "pending")
    else:
        waiting = waiting.where(StatusReport.status == TaskStatus.EXTENSION_REQUESTED,
                                StatusReport.created_at < before)
    return waiting.order_by(StatusReport.id.desc()).limit(1)


def _asked_until(task: Task, before: dt.datetime | None = None) -> dt.date | None:
    """The date an extension request waiting on `task` asks for (its latest), None when none waits; `before`: as it
    stood then (`_waiting_request`)."""
    session = object_session(task)
    if session is None:
        return None
    row = session.execute(_waiting_request(task, before)).first()
    return None if row is None else row.requested_due_on


def _request_waiting(task: Task, tz: ZoneInfo,
                     before: dt.datetime | None = None) -> tuple[dt.date | None, dt.date] | None:
    """The extension request waiting on `task` (its latest): the date it asks for and the day it was sent; None when
    none waits; `before`: as it stood then (`_waiting_request`)."""
    session = object_session(task)
    if session is None:
        return None
    row = session.execute(_waiting_request(task, before)).first()
    return None if row is None else (row.requested_due_on, row.created_at.astimezone(tz).date())


def waits_in_time(task: Task, state: TaskState, today: dt.date, tz: ZoneInfo,
                  rule: DeadlineRule = AS_WRITTEN, *, as_of: bool = False) -> AskedInTime | None:
    """A task past its deadline (as it runs) whose extension request, sent on or before that deadline, waits for a
    decision: the leader's decision is pending, not the unit late — reports count it in progress and show it apart
    (probe 36, #5). Granted, the new deadline applies as to any task; refused, the deadline written stands and the
    task is overdue from the day after it (`classify_state`), finished late if finished after it. A request sent
    after the deadline does not change its lateness ("quá hạn, đang chờ ý kiến gia hạn", probe 27). None otherwise."""
    if state.status != TaskStatus.EXTENSION_REQUESTED or state.due_on is None:
        return None
    deadline = rule.effective_deadline(state.due_on)
    if today <= deadline:
        return None
    # (`as_of`: `state` and `today` are a past period's end — the request waiting then, not now)
    waiting = _request_waiting(task, tz, end_of_day(today, tz) if as_of else None)
    if waiting is None or waiting[1] > deadline:
        return None
    return AskedInTime(item_ref=task.item_ref, requested_due=waiting[0], asked_on=waiting[1], effective_due=deadline)


def summarize(tasks: Iterable[Task], *, today: dt.date, tz: ZoneInfo,
              rule: DeadlineRule = AS_WRITTEN,
              rounds: dict[int, list[TaskOccurrence]] | None = None,
              states: dict[int, TaskState] | None = None, period_from: dt.date | None = None) -> list[UnitSummary]:
    """Per unit; `states`: the tasks as they stood at the end of a past period, `today` being its last day, and
    `period_from` its first (a round due in it and not reported by its end: not reported in that period)."""
    by_unit: dict[int | str, UnitSummary] = {}  # by the directory unit, else by the name as written
    numbers: dict[int | str, list[str]] = {}  # per unit, the notice number of each overdue item
    for task in tasks:
        name = unit_name_of(task)
        unit_id: int | str = task.lead_unit_id if task.lead_unit_id is not None else name
        summary = by_unit.setdefault(unit_id, UnitSummary(unit=name))
        if strip_marks(summary.unit) == summary.unit and strip_marks(name) != name:  # one notice wrote its marks
            summary.unit = name
        state = (states or {}).get(task.id) or current_state(task)
        if supports_only(task, state):  # the lead unit answers for it: counted apart, never late here
            summary.supporting += 1
            summary.supporting_done += state.status == TaskStatus.DONE
            summary.supporting_refs.append(task.item_ref)
            continue
        if state.registered_on is not None:
            summary.registered_later += 1
        for past in (rounds or {}).get(task.id, []):
            if past.done_at is None:
                summary.rounds_missed += 1
                summary.missed_refs[task.item_ref] = summary.missed_refs.get(task.item_ref, 0) + 1
            elif past.on_time:
                summary.rounds_on_time += 1
            else:
                summary.rounds_late += 1
        kind = classify_state(state, today, tz, rule)
        if kind == "overdue" and (in_time := waits_in_time(task, state, today, tz, rule, as_of=states is not None)) \
                is not None:
            kind = "in_progress"  # asked by the deadline, the leader not yet decided: not the unit's lateness
            summary.asked_in_time.append(in_time)
        setattr(summary, kind, getattr(summary, kind) + 1)
        if states is not None and kind == "overdue" and task.recurrence is not None and state.due_on is not None \
                and period_from is not None and period_from <= state.due_on <= today and \
                not any(p.due_on == state.due_on for p in (rounds or {}).get(task.id, [])):
            # a past period's round due in it and unreported by its end, the duty not yet moved on to the next
            # one: a round not reported in that period, as those of the units that did report are counted
            summary.rounds_missed += 1  # (probe 41, #8: the only unit that missed had no such line)
            summary.missed_refs[task.item_ref] = summary.missed_refs.get(task.item_ref, 0) + 1
        summary.items.add((task.notice_id, task.item_ref))
        if kind == "no_deadline" and state.status == TaskStatus.DONE:
            summary.no_deadline_done += 1
        if state.status == TaskStatus.OPEN:  # never reported on, or said not started: not work going on (probe 24 #7)
            if kind == "in_progress":
                if state.said_not_started:
                    summary.said_not_started += 1
                else:
                    summary.not_started += 1
            elif kind == "no_deadline":
                if state.said_not_started:
                    summary.no_deadline_said_not_started += 1
                else:
                    summary.no_deadline_not_started += 1
        if kind == "overdue":
            summary.overdue_refs.append(task.item_ref)
            summary.overdue_asked.append(_asked_until(task, end_of_day(today, tz) if states is not None else None)
                                         if state.status == TaskStatus.EXTENSION_REQUESTED
                                         else None)
            summary.overdue_percent.append(state.percent or None)
            numbers.setdefault(unit_id, []).append(task.notice.number or "")
        if task.assignee_id is None and not TaskStatus(state.status).is_closed:
            summary.unheld += 1
        if state.status == TaskStatus.EXTENSION_REQUESTED and kind in ("in_progress", "overdue"):
            summary.extension_pending += 1
            summary.extension_pending_refs.append(task.item_ref)
    for key, summary in by_unit.items():  # "mục 1, 1" from two notices: "mục 1 (215-TB/HU), 1 (228-TB/HU)"
        refs = summary.overdue_refs
        if len(set(refs)) < len(refs) and all(numbers[key]):
            summary.overdue_refs = [f"{ref} ({number})" for ref, number in zip(refs, numbers[key], strict=True)]
    return sorted(by_unit.values(), key=lambda s: (s.unit == NO_UNIT, fold(s.unit)))


def unit_summary(session: Session, *, today: dt.date, tz: ZoneInfo, filt: ReportFilter | None = None,
                 rule: DeadlineRule = AS_WRITTEN) -> list[UnitSummary]:
    """Per unit, as the tasks stand today; a period already over, as they stood at its end (`report_as_of`)."""
    as_of = report_as_of(filt, today)
    tasks, found, states, _ = _selection(session, filt or ReportFilter(), tz=tz, rule=rule, as_of=as_of)
    if as_of is None:
        return summarize(tasks, today=today, tz=tz, rule=rule, rounds=past_rounds(found, filt, tz=tz, rule=rule))
    return summarize(tasks, today=as_of, tz=tz, rule=rule, rounds=found, states=states,
                     period_from=filt.date_from if filt else None)


def totals(rows: Sequence[UnitSummary]) -> UnitSummary:
    total = UnitSummary(unit="Tổng cộng")
    for r in rows:
        total.add(r)
    return total


# ---------------------------------------------------------------- one row per task

@dataclass(frozen=True, kw_only=True)
class TaskRow:
    unit: str  # the lead unit (chủ trì)
    support: str  # supporting units (phối hợp), "; "-separated
    notice: str  # the notice's title ("Thông báo số 45/TB-UBND ngày 05/03/2026")
    notice_number: str | None
    notice_date: dt.date | None
    item_ref: str
    notice_id: int | None = None  # (two notices may share a number as typed, "/TB-UBND" with its number left blank)
    text: str
    assignee: str
    due_on: dt.date | None
    due_text: str | None
    status: str
    percent: int | None
    done_on: dt.date | None
    category: str
    latest_note: str | None
    latest_note_on: dt.date | None
    updated_at: dt.datetime
    first_due_on: dt.date | None = None  # the deadline before the first extension granted, if any
    effective_due_on: dt.date | None = None  # a deadline on a day off runs to the next working day
    rounds_done: int = 0  # a recurring duty: its rounds (of the report's period) reported
    rounds_missed: int = 0  # … and never reported
    registered_on: dt.date | None = None  # a past period's task entered into Nhắc việc only after it, that day
    # a recurring duty as it stands now: the round its status is about ("tuần từ 23/02/2026") and when that began
    round_label: str | None = None
    round_start: dt.date | None = None
    said_not_started: bool = False  # open, reported not started ("Chưa triển khai", not "Chưa cập nhật")


def _latest_reported(session: Session, task_ids: Sequence[int]) -> dict[int, str]:
    """Each task's latest reported status: for a task whose extension request waits, what a report sent since
    said (its own status stays "extension requested"); the request itself when none was."""
    found: dict[int, str] = {}
    for chunk in chunks(list(task_ids)):
        latest = (select(func.max(StatusReport.id))  # (a note alone sent meanwhile carries the task's status: not one)
                  .where(StatusReport.task_id.in_(chunk), or_(StatusReport.status != TaskStatus.EXTENSION_REQUESTED,
                                                              StatusReport.decision.is_not(None)))
                  .group_by(StatusReport.task_id))
        found.update({task_id: status for task_id, status in session.execute(
            select(StatusReport.task_id, StatusReport.status).where(StatusReport.id.in_(latest)))})
    return found


def _latest_notes(session: Session, task_ids: Sequence[int], before: dt.datetime | None = None, *,
                  decisions: bool = True) -> dict[int, StatusReport]:
    """Each task's latest status report with words (sent before `before`, if given); `decisions`: a leader's decision
    on an extension counts (a task's latest event, the decider named in it: "Không đồng ý gia hạn (đ/c …)"), else
    only words of the unit, the office for it or a supporting unit — what the unit said of its difficulty (probe 9:
    the leader's refusal quoted as the unit's difficulty in his weekly summary)."""
    found: dict[int, StatusReport] = {}
    for chunk in chunks(list(task_ids)):
        latest = (select(func.max(StatusReport.id))
                  .where(StatusReport.task_id.in_(chunk), StatusReport.note.is_not(None), StatusReport.note != "",
                         *(() if decisions else (StatusReport.source != "decision",)))
                  .group_by(StatusReport.task_id))
        if before is not None:
            latest = latest.where(StatusReport.created_at < before)
        found.update({r.task_id: r for r in session.scalars(select(StatusReport).where(StatusReport.id.in_(latest)))})
    return found


def _note_as_said(note: StatusReport) -> str:
    """A task's latest words as a report shows them, with who said them when not the lead unit itself: the office
    for the unit, or a supporting unit on its part (probe 7: a supporting unit's words read as the silent lead unit's
    latest report)."""
    if note.source == "office":
        return f"{note.note} (Văn phòng ghi nhận thay đơn vị)"
    if note.source == "support":
        unit = note.person.unit
        return f"{note.note} ({unit.name if unit is not None else 'đ/c ' + note.person.full_name} phối hợp báo cáo)"
    return note.note or ""


def _first_deadlines(session: Session, task_ids: Sequence[int]) -> dict[int, dt.date]:
    """The deadline each task had before its first extension was granted (the audit log keeps it)."""
    first: dict[int, dt.date] = {}
    if not task_ids:
        return first
    for entry in session.scalars(select(AuditLog).where(AuditLog.action == "task.extension_approved",
                                                        AuditLog.entity_id.in_(task_ids)).order_by(AuditLog.id)):
        before = (entry.detail or {}).get("before")
        if before and entry.entity_id is not None and entry.entity_id not in first:
            first[entry.entity_id] = dt.date.fromisoformat(before)
    return first


def _category(task: Task, state: TaskState, today: dt.date, tz: ZoneInfo, rule: DeadlineRule, *,
              as_of: bool = False) -> str:
    """`classify_state`, an overdue task whose extension request was sent in time counted in progress as `summarize`
    counts it (`waits_in_time`)."""
    kind = classify_state(state, today, tz, rule)
    return "in_progress" if kind == "overdue" and waits_in_time(task, state, today, tz, rule, as_of=as_of) else kind


def rows_for(session: Session, tasks: Sequence[Task], *, today: dt.date, tz: ZoneInfo,
             rule: DeadlineRule = AS_WRITTEN, rounds: dict[int, list[TaskOccurrence]] | None = None,
             states: dict[int, TaskState] | None = None) -> list[TaskRow]:
    """One row a task; `states`: as they stood at the end of a past period, `today` being its last day (the latest
    note then, the deadline then)."""
    as_of = states is not None
    notes = _latest_notes(session, [t.id for t in tasks], before=end_of_day(today, tz) if as_of else None)
    firsts = {} if as_of else _first_deadlines(session, [t.id for t in tasks])
    for task in tasks:  # a recurring duty: an extension of a past round is not the round now due's (conv40)
        if task.id in firsts and task.occurrence_start is not None and firsts[task.id] < task.occurrence_start:
            later = [b for b in granted_extensions(session, [task.id]).get(task.id, {})
                     if b >= task.occurrence_start]
            if later:
                firsts[task.id] = min(later)
            else:
                del firsts[task.id]
    rows = []
    for task in tasks:
        note = notes.get(task.id)
        state = (states or {}).get(task.id) or current_state(task)
        rows.append(TaskRow(
            unit=unit_name_of(task), support="; ".join(task.support_unit_names or []),
            notice=notice_title(task.notice), notice_number=task.notice.number, notice_date=task.notice.issued_on,
            notice_id=task.notice_id,
            item_ref=task.item_ref, text=task.text, assignee=task.assignee.full_name if task.assignee else "",
            due_on=state.due_on, due_text=task.due_text, status=state.status, percent=state.percent,
            done_on=state.done_at.astimezone(tz).date() if state.done_at and state.status == TaskStatus.DONE else None,
            category=SUPPORTING if supports_only(task, state) else _category(task, state, today, tz, rule,
                                                                             as_of=as_of),
            latest_note=_note_as_said(note) if note else None,
            latest_note_on=note.created_at.astimezone(tz).date() if note else None, updated_at=task.updated_at,
            first_due_on=state.first_due_on if as_of else firsts.get(task.id),
            effective_due_on=rule.effective_deadline(state.due_on) if state.due_on else None,
            rounds_done=sum(r.done_at is not None for r in (rounds or {}).get(task.id, [])),
            rounds_missed=sum(r.done_at is None for r in (rounds or {}).get(task.id, [])),
            registered_on=state.registered_on,
            # (a past period's state is not the round now due: no round named then)
            round_label=task.occurrence_label if task.recurrence and not as_of else None,
            round_start=task.occurrence_start if task.recurrence and not as_of else None,
            said_not_started=state.said_not_started))
    return rows


def task_rows(session: Session, *, today: dt.date, tz: ZoneInfo, filt: ReportFilter | None = None,
              rule: DeadlineRule = AS_WRITTEN) -> list[TaskRow]:
    """Every task the filter covers, in notice and item order, for the detail sheet of the report."""
    return build_report(session, today=today, tz=tz, filt=filt, rule=rule).tasks


@dataclass(frozen=True, kw_only=True)
class Report:
    units: list[UnitSummary]
    tasks: list[TaskRow]
    as_of: dt.date | None = None  # a past period: its last day, the day the figures stand at (None: today)
    standing: list[tuple[str, str]] = field(default_factory=list)  # (unit, item): open standing duties left out
    # … the same duties as rows, for the Excel file's sheet of them (as they stood at `as_of`, for a past period)
    standing_rows: list[TaskRow] = field(default_factory=list)


def build_report(session: Session, *, today: dt.date, tz: ZoneInfo, filt: ReportFilter | None = None,
                 rule: DeadlineRule = AS_WRITTEN) -> Report:
    """The totals and the detail rows from one selection (one transaction). A period already over is reported as
    it stood at its end (`report_as_of`, `as_of_states`); the current period, or none, as the tasks stand today."""
    as_of = report_as_of(filt, today)
    tasks, found, states, left_out = _selection(session, filt or ReportFilter(), tz=tz, rule=rule, as_of=as_of)
    standing = [(unit_name_of(t), t.item_ref) for t in left_out]
    if as_of is None:
        rounds = past_rounds(found, filt, tz=tz, rule=rule)
        return Report(units=summarize(tasks, today=today, tz=tz, rule=rule, rounds=rounds),
                      tasks=rows_for(session, tasks, today=today, tz=tz, rule=rule, rounds=rounds), standing=standing,
                      standing_rows=rows_for(session, left_out, today=today, tz=tz, rule=rule))
    return Report(units=summarize(tasks, today=as_of, tz=tz, rule=rule, rounds=found, states=states,
                                  period_from=filt.date_from if filt else None),
                  tasks=rows_for(session, tasks, today=as_of, tz=tz, rule=rule, rounds=found, states=states),
                  as_of=as_of, standing=standing,
                  standing_rows=rows_for(session, left_out, today=as_of, tz=tz, rule=rule, states=states))


# ---------------------------------------------------------------- the weekly digest for leaders

@dataclass(frozen=True, kw_only=True)
class DigestItem:
    item_ref: str
    notice: str
    text: str
    unit: str
    assignee: str
    due_on: dt.date | None
    done_on: dt.date | None = None
    on_time: bool | None = None  # done by the effective deadline; None without a deadline or not done
    note: str | None = None  # a difficulty: the unit's latest words on it
    noted_on: dt.date | None = None
    effective_due: dt.date | None = None  # the deadline as run past a day off (overdue from the day after)
    extended_from: dt.date | None = None  # finished after an extension: the deadline it replaced (said beside it)
    # (overdue, not done) the day of the unit's latest report on it and the share done it said: a leader reading the
    # same late task week after week sees whether anything moved since
    reported_on: dt.date | None = None
    percent: int | None = None


@dataclass(frozen=True, kw_only=True)
class DigestRequest:
    item_ref: str
    notice: str
    requester: str
    current_due: dt.date | None
    requested_due: dt.date | None
    unit: str = ""  # the lead unit of the task (several may hold the item)
    asked_on: dt.date | None = None  # the day it was sent
    effective_due: dt.date | None = None  # the current deadline as it runs (a day off: the next working day)
    report_id: int | None = None  # the request's status report (its buttons in the summary decide it)


@dataclass(frozen=True, kw_only=True)
class DigestGrant:
    """A deadline moved within the week (an extension granted, or a deadline set anew): a leader hears of those a
    unit head or the office decided on the notices they follow (probe 41, #1)."""
    item_ref: str
    notice: str
    unit: str
    by: str  # who decided
    by_id: int | None
    before: dt.date | None
    granted: dt.date
    on: dt.date  # the day it was decided


@dataclass(frozen=True, kw_only=True)
class UnreportedDuty:
    """A recurring duty whose latest past round was never reported (the duty moved on to the next round without a
    word from the unit): how many of its rounds went unreported so far, and the latest."""

    item_ref: str
    notice: str
    text: str
    unit: str
    assignee: str
    missed: int  # rounds never reported, so far
    latest: str  # the latest of them ("tuần từ 18/05/2026")


@dataclass(frozen=True, kw_only=True)
class SilentHolder:
    """Someone holding overdue tasks who has not answered Nhắc việc once since they were given (probe 20: a Tổng giám
    đốc got twelve digests in a row and nobody was told he never answered)."""

    name: str
    unit: str
    overdue: int
    since: dt.date  # when the first of their tasks was given
    away: str = ""  # on leave this week or now: "nghỉ phép 01/02–12/02, đ/c Y làm thay" (month probe 37, #5)
    # their open tasks without a deadline (standing duties, check-ins), given SILENT_STANDING_AFTER_DAYS ago or more
    # and never reported on (probe 7: a unit silent for twelve weeks on its duties was named to nobody)
    standing: int = 0
    standing_refs: tuple[str, ...] = ()  # their item numbers, in the notices' order


@dataclass(frozen=True, kw_only=True)
class WaitingOnOffice:
    """Someone holding overdue tasks who asked the office a question it has not answered yet: not silent — the office
    owes them an answer (probe 48: a head who asked where the outline was got "Chưa phản hồi lần nào" every week)."""

    name: str
    unit: str
    overdue: int
    question: str  # their oldest question still unanswered, as typed
    asked_on: dt.date


SILENT_AFTER_DAYS = 7  # given at least this many days ago (a week of reminders) before "never answered" is said
SILENT_STANDING_AFTER_DAYS = 28  # …for tasks without a deadline: four weeks, two check-ins unanswered


@dataclass(frozen=True, kw_only=True)
class WeeklyDigest:
    since: dt.date  # first day covered
    until: dt.date  # last day covered (today)
    done: list[DigestItem]
    newly_overdue: list[DigestItem]  # first overdue day within the week, still not done
    still_overdue: list[DigestItem]  # overdue since before the week, still not done (oldest deadline first)
    pending: list[DigestRequest]  # extension requests waiting for a decision
    blocked: list[DigestItem] = field(default_factory=list)  # open tasks whose unit reported a difficulty
    # recurring duties whose latest past round went unreported (the unit is not reporting), as lateness
    unreported: list[UnreportedDuty] = field(default_factory=list)
    silent: list[SilentHolder] = field(default_factory=list)  # overdue holders who never answered
    waiting_on_office: list[WaitingOnOffice] = field(default_factory=list)  # overdue holders the office owes an answer
    # the previous summary's cut, local time, when this one also covers what was finished on that day after it
    after: dt.datetime | None = None
    granted: list[DigestGrant] = field(default_factory=list)  # deadlines moved within the week

    @property
    def is_empty(self) -> bool:
        return not (self.done or self.newly_overdue or self.still_overdue or self.pending or self.blocked
                    or self.unreported or self.granted or any(self.silence_to_tell(h) for h in self.silent))

    def silence_to_tell(self, holder: SilentHolder) -> bool:
        """Whether a holder silent on tasks without a deadline only is reason enough to send a summary this week: when
        the silence reaches four weeks, eight, twelve … within it (a leader is told once a month, not every Friday,
        when nothing else is new; a summary sent anyway lists every silent holder)."""
        if holder.overdue or not holder.standing:
            return False
        step = SILENT_STANDING_AFTER_DAYS
        k = max(1, -(-(self.since - holder.since).days // step))  # the first multiple on or after `since`
        return holder.since + dt.timedelta(days=k * step) <= self.until

    @property
    def nothing_new(self) -> bool:
        """Nothing finished, newly overdue, waiting for a decision, given more time or reported as a difficulty:
        only the old overdue tasks and the duties not reported to recall."""
        return not (self.done or self.newly_overdue or self.pending or self.blocked or self.granted)


def _in_window(done_at: dt.datetime, *, since: dt.date, today: dt.date, tz: ZoneInfo,
               after: dt.datetime | None, until: dt.datetime | None = None) -> bool:
    """Finished within the window: on its days, or at or after `after` (the previous summary's cut: what was
    finished on that day once it had gone out belongs to this one), and before `until` (this summary's cut: what is
    finished from then on, the same afternoon too, belongs to the next one). Consecutive summaries, the cut of one
    the `after` of the next, so hold every event exactly once — a "xong" typed at the very instant of the cut too."""
    if until is not None and done_at >= until:
        return False
    done_on = done_at.astimezone(tz).date()
    return done_on <= today and (since <= done_on or after is not None and done_at >= after)


def granted_extensions(session: Session, task_ids: Sequence[int]) -> dict[int, dict[dt.date, dt.date]]:
    """Each task's extensions granted, the deadline replaced → the one granted (the audit log keeps both)."""
    found: dict[int, dict[dt.date, dt.date]] = {}
    for chunk in chunks(list(task_ids)):
        for entry in session.scalars(select(AuditLog).where(AuditLog.action == "task.extension_approved",
                                                            AuditLog.entity_id.in_(chunk)).order_by(AuditLog.id)):
            detail = entry.detail or {}
            if entry.entity_id is not None and detail.get("before") and detail.get("granted"):
                found.setdefault(entry.entity_id, {})[dt.date.fromisoformat(detail["before"])] = \
                    dt.date.fromisoformat(detail["granted"])
    return found


def judged_due(due: dt.date, granted: Mapping[dt.date, dt.date]) -> dt.date:
    """A round's deadline as extensions granted while it was due moved it (its own when none was)."""
    seen = {due}
    while (later := granted.get(due)) is not None and later not in seen:
        due = later
        seen.add(due)
    return due


def _rounds_done(task: Task, item: DigestItem, rounds: Sequence[TaskOccurrence], *, since: dt.date, today: dt.date,
                 tz: ZoneInfo, rule: DeadlineRule = AS_WRITTEN, after: dt.datetime | None = None,
                 until: dt.datetime | None = None,
                 granted: Mapping[dt.date, dt.date] | None = None) -> list[DigestItem]:
    """Of a recurring duty's past `rounds`, those finished within the window ("Báo cáo tháng 5/2012"): a unit
    that sent its monthly report this week has done something this week, though the duty itself goes on. A round
    given more time (`granted`) is said with the deadline it was judged by, and the one it replaced (conv40, #1)."""
    done = []
    for r in rounds:
        if r.done_at is None or not _in_window(r.done_at, since=since, today=today, tz=tz, after=after, until=until):
            continue
        due = judged_due(r.due_on, granted or {})
        done.append(replace(item, text=f"kỳ {r.label}: {task.text}", due_on=due, on_time=r.on_time,
                            done_on=r.done_at.astimezone(tz).date(), effective_due=rule.effective_deadline(due),
                            extended_from=r.due_on if due != r.due_on else None))
    return done


def weekly_digest(session: Session, *, today: dt.date, tz: ZoneInfo, days: int = 7,
                  rule: DeadlineRule = AS_WRITTEN, notices: Collection[int] | None = None,
                  after: dt.datetime | None = None, until: dt.datetime | None = None,
                  light_support: bool = False) -> WeeklyDigest:
    """The last `days` days up to `today`: consecutive digests cover every day once — and what was finished from
    `after` (when the previous one was sent: Friday 16:00 after a 15:00 summary is in the next one, probe 20) up to
    `until` (this one's sending: a "xong" typed the same afternoon is the next one's, probe 38). A
    task is newly overdue when its first day past the effective deadline is within the window. `notices`: only
    those notices' tasks (a leader's summary of the notices they follow). `light_support`: a supporting duty
    (`duty_kind`: SUPPORTING, on the reminders' lighter ladder) is never listed overdue nor its holder as silent — the
    lead unit answers for the task; its reports, blocks and requests are listed as any task's."""
    since = today - dt.timedelta(days=days - 1)
    done: list[DigestItem] = []
    newly: list[DigestItem] = []
    blocked: list[tuple[Task, DigestItem]] = []
    asking: list[tuple[Task, DigestItem]] = []
    still: list[DigestItem] = []
    unreported: list[UnreportedDuty] = []
    overdue_held: dict[int, list[Task]] = {}
    standing_held: dict[int, list[Task]] = {}  # open, without a deadline, never reported on
    tasks, rounds, _, _ = _selection(session, ReportFilter(), tz=tz, rule=rule)
    if notices is not None:
        tasks = [t for t in tasks if t.notice_id in notices]
    granted = granted_extensions(session, [t.id for t in tasks])
    for task in tasks:
        item = DigestItem(item_ref=task.item_ref, notice=notice_title(task.notice), text=task.text,
                          unit=unit_name_of(task), assignee=task.assignee.full_name if task.assignee else "",
                          due_on=task.due_on)
        rounds_done = _rounds_done(task, item, rounds.get(task.id, []), since=since, today=today, tz=tz, rule=rule,
                                   after=after, until=until, granted=granted.get(task.id)) \
            if task.recurrence else []
        if task.status == TaskStatus.DONE:
            done_on = task.done_at.astimezone(tz).date() if task.done_at else None
            # (finished earlier but reported this week, "xong từ 28/1, báo cáo muộn": news to the leader this week)
            # a duty whose last round closed the series: that round's line says it (not the duty again beside it)
            if done_on is not None and task.done_at is not None and (
                    _in_window(task.done_at, since=since, today=today, tz=tz, after=after, until=until) or
                    done_on < since and task.last_report_at is not None and
                    _in_window(task.last_report_at, since=since, today=today, tz=tz, after=after, until=until)) and \
                    not any(r.done_on == done_on for r in rounds_done):
                on_time = None if task.due_on is None else done_on <= rule.effective_deadline(task.due_on)
                first = min(granted.get(task.id, {}), default=None)  # (the deadline before the first extension)
                done.append(replace(item, done_on=done_on, on_time=on_time,  # ("quá hạn, hạn …" as the unit heard it)
                                    effective_due=rule.effective_deadline(task.due_on) if task.due_on else None,
                                    extended_from=first if task.due_on and first and first < task.due_on else None))
        elif task.due_on is not None and rule.effective_deadline(task.due_on) < today and not (
                light_support and duty_kind(task) is DutyKind.SUPPORTING) and \
                waits_in_time(task, current_state(task), today, tz, rule) is None:  # (asked in time: part 3 only)
            if task.assignee_id is not None:
                overdue_held.setdefault(task.assignee_id, []).append(task)
            late = replace(item, effective_due=rule.effective_deadline(task.due_on), percent=task.percent or None,
                           reported_on=task.last_report_at.astimezone(tz).date() if task.last_report_at else None)
            (newly if rule.effective_deadline(task.due_on) + dt.timedelta(days=1) >= since else still).append(late)
        elif task.due_on is None and task.status == TaskStatus.OPEN and task.last_report_at is None and \
                task.assignee_id is not None and not task.recurrence and duty_kind(task) is not DutyKind.SUPPORTING:
            standing_held.setdefault(task.assignee_id, []).append(task)
        if task.status == TaskStatus.BLOCKED:  # "vướng kinh phí, đề nghị tỉnh hỗ trợ": for the leaders to see
            blocked.append((task, item))
        elif task.status == TaskStatus.EXTENSION_REQUESTED:
            asking.append((task, item))  # blocked too when a report since the request says so
        done += rounds_done
        past = rounds.get(task.id, [])
        if past and past[-1].done_at is None and task.status != TaskStatus.DONE:
            unreported.append(UnreportedDuty(item_ref=task.item_ref, notice=item.notice, text=task.text,
                                             unit=item.unit, assignee=item.assignee, latest=past[-1].label,
                                             missed=sum(r.done_at is None for r in past)))
    said = _latest_reported(session, [task.id for task, _ in asking])
    blocked += [(task, item) for task, item in asking if said.get(task.id) == TaskStatus.BLOCKED]
    notes = _latest_notes(session, [task.id for task, _ in blocked], decisions=False)
    difficulties = [replace(item, note=notes[task.id].note,
                            noted_on=notes[task.id].created_at.astimezone(tz).date()) if task.id in notes else item
                    for task, item in blocked]
    pending = [DigestRequest(item_ref=p.item_ref, notice=p.notice_title, requester=p.requester_name,
                             current_due=p.current_due, requested_due=p.requested_due, unit=p.unit_name,
                             asked_on=p.asked_at.astimezone(tz).date() if p.asked_at else None,
                             effective_due=rule.effective_deadline(p.current_due) if p.current_due else None,
                             report_id=p.report_id)
               for p in pending_extensions(session)
               if notices is None or session.get_one(Task, p.task_id).notice_id in notices]
    done.sort(key=lambda i: (i.done_on or today, fold(i.unit)))
    newly.sort(key=lambda i: (i.due_on or today, fold(i.unit)))
    still.sort(key=lambda i: (i.effective_due or today, fold(i.unit)))
    unreported.sort(key=lambda u: (-u.missed, fold(u.unit)))
    after_local = after.astimezone(tz) if after is not None and after.astimezone(tz).date() < since else None
    silent, waiting = _silent(session, overdue_held, today=today, tz=tz, standing=standing_held)
    return WeeklyDigest(since=since, until=today, done=done, newly_overdue=newly, still_overdue=still,
                        pending=pending, blocked=difficulties, unreported=unreported,
                        silent=silent, waiting_on_office=waiting, after=after_local,
                        granted=_granted_in(session, tasks, since=since, today=today, tz=tz, after=after, until=until))


def _granted_in(session: Session, tasks: Sequence[Task], *, since: dt.date, today: dt.date, tz: ZoneInfo,
                after: dt.datetime | None, until: dt.datetime | None) -> list[DigestGrant]:
    """The deadlines of `tasks` moved within the window (the audit log keeps who, from and to), oldest first."""
    by_id = {t.id: t for t in tasks}
    found = []
    for chunk in chunks(sorted(by_id)):
        for entry in session.scalars(select(AuditLog).where(AuditLog.action == "task.extension_approved",
                                                            AuditLog.entity_id.in_(chunk)).order_by(AuditLog.id)):
            detail = entry.detail or {}
            if entry.entity_id is None or not detail.get("granted") or \
                    not _in_window(entry.at, since=since, today=today, tz=tz, after=after, until=until):
                continue
            task, actor = by_id[entry.entity_id], session.get(Person, entry.actor_id) if entry.actor_id else None
            found.append(DigestGrant(item_ref=task.item_ref, notice=notice_title(task.notice),
                                     unit=unit_name_of(task), by=actor.full_name if actor else "", by_id=entry.actor_id,
                                     before=dt.date.fromisoformat(detail["before"]) if detail.get("before") else None,
                                     granted=dt.date.fromisoformat(detail["granted"]),
                                     on=entry.at.astimezone(tz).date()))
    return sorted(found, key=lambda g: (g.on, fold(g.unit)))


@dataclass(frozen=True, kw_only=True)
class BlockedTask:
    """An open task whose unit says it is held up: what a leader's "việc nào đang vướng?" lists."""

    item_ref: str
    notice: str
    text: str
    unit: str
    assignee: str
    due_on: dt.date | None
    note: str | None  # the unit's latest words on it
    since: dt.date | None  # the day its unit first said so, in the stretch of reports still saying it


def blocked_tasks(session: Session, *, tz: ZoneInfo, unit: str | None = None) -> list[BlockedTask]:
    """The open tasks whose unit reported a difficulty (status "Vướng mắc", or an extension request waiting while the
    latest report says so), as the weekly summary's part 4 counts them; `unit`: only the units it names (as typed).
    Oldest difficulty first."""
    tasks, _, _, _ = _selection(session, ReportFilter(unit=unit), tz=tz, rule=AS_WRITTEN)
    asking = [t.id for t in tasks if t.status == TaskStatus.EXTENSION_REQUESTED]
    said = _latest_reported(session, asking)
    held = [t for t in tasks if t.status == TaskStatus.BLOCKED or said.get(t.id) == TaskStatus.BLOCKED]
    found = []
    for task in held:
        since: dt.datetime | None = None
        note: str | None = None
        for report in session.scalars(select(StatusReport).where(StatusReport.task_id == task.id)
                                      .order_by(StatusReport.id)):
            if report.status == TaskStatus.BLOCKED:
                since = since or report.created_at
            elif report.status != TaskStatus.EXTENSION_REQUESTED and report.source != "support":
                since = None  # a later report moved it on: the difficulty said again later starts anew
            if report.note and report.source != "decision":
                note = report.note
        found.append(BlockedTask(item_ref=task.item_ref, notice=notice_title(task.notice), text=task.text,
                                 unit=unit_name_of(task), assignee=task.assignee.full_name if task.assignee else "",
                                 due_on=task.due_on, note=note,
                                 since=since.astimezone(tz).date() if since is not None else None))
    return sorted(found, key=lambda b: (b.since or dt.date.max, fold(b.unit)))


def _silent(session: Session, overdue: dict[int, list[Task]], *, today: dt.date, tz: ZoneInfo,
            standing: dict[int, list[Task]] | None = None) -> tuple[list[SilentHolder], list[WaitingOnOffice]]:
    """Of the people holding overdue tasks, those who never answered once (no report of theirs, none on any of their
    tasks by anyone of their unit, no question to the office) though given their first task SILENT_AFTER_DAYS ago or
    more — and of those holding `standing` tasks (without a deadline, never reported on), those given one
    SILENT_STANDING_AFTER_DAYS ago or more who never answered either; and the holders of overdue tasks whose question
    to the office is still unanswered (whatever else they said): the office owes them an answer, a leader should not
    read them as silent."""
    cutoff = today - dt.timedelta(days=SILENT_STANDING_AFTER_DAYS)
    long_standing: dict[int, list[Task]] = {}
    for person_id, tasks in (standing or {}).items():
        if old := [t for t in tasks if t.created_at.astimezone(tz).date() <= cutoff]:
            long_standing[person_id] = old
    held = {person_id: overdue.get(person_id, []) or long_standing[person_id]
            for person_id in {*overdue, *long_standing}}
    if not held:
        return [], []
    answered = set()  # they reported, or someone reported on one of their tasks (a deputy for the unit)
    open_questions: dict[int, tuple[str, dt.datetime]] = {}  # asker → their oldest question still unanswered
    for ids in chunks(sorted(held)):
        answered |= set(session.scalars(select(StatusReport.person_id).where(StatusReport.person_id.in_(ids))
                                        .distinct()))
        answered |= set(session.scalars(
            select(Task.assignee_id).join(StatusReport, StatusReport.task_id == Task.id)
            .where(Task.assignee_id.in_(ids), StatusReport.source.not_in(NOT_HOLDERS_WORD)).distinct()))
        for q in session.execute(select(Question.asker_id, Question.text, Question.asked_at, Question.answer)
                                 .where(Question.asker_id.in_(ids)).order_by(Question.asked_at.desc())):
            answered.add(q.asker_id)  # (asking the office is answering Nhắc việc)
            if q.answer is None:  # (as the office's own list, `questions.unanswered`, reads it)
                open_questions[q.asker_id] = (q.text, q.asked_at)  # (newest first: the oldest stays)
    silent, waiting = [], []
    for person_id, tasks in held.items():
        if tasks[0].assignee is None:
            continue
        late, duties = overdue.get(person_id, []), long_standing.get(person_id, [])
        name, unit = tasks[0].assignee.full_name, unit_name_of(tasks[0])
        if person_id in open_questions:
            if late:  # (the office's list of questions answers for the rest)
                text, at = open_questions[person_id]
                waiting.append(WaitingOnOffice(name=name, unit=unit, overdue=len(late), question=text,
                                               asked_on=at.astimezone(tz).date()))
            continue
        given = min(t.created_at for t in [*late, *duties]).astimezone(tz).date()
        if person_id in answered or (today - given).days < SILENT_AFTER_DAYS:
            continue
        silent.append(SilentHolder(name=name, unit=unit, overdue=len(late), since=given, standing=len(duties),
                                   standing_refs=tuple(dict.fromkeys(t.item_ref for t in duties)),
                                   away=_away(session, tasks[0].assignee, today)))
    return (sorted(silent, key=lambda h: (h.since, fold(h.unit))),
            sorted(waiting, key=lambda w: (w.asked_on, fold(w.unit))))


def _away(session: Session, person: Person, today: dt.date) -> str:
    """A holder's leave that overlaps the week to `today` ("nghỉ phép 01/02–12/02, đ/c Y làm thay"): a leader told
    someone never answered should know they were away and who stood in (month probe 37, #5). Empty otherwise."""
    start, end = person.leave_from, person.leave_to
    if start is None or end is None or start > today or end < today - dt.timedelta(days=6):
        return ""
    cover = session.get(Person, person.leave_cover_id) if person.leave_cover_id is not None else None
    return f"nghỉ phép {start:%d/%m}–{end:%d/%m}" + (f", đ/c {cover.full_name} làm thay" if cover is not None else "")


# ---------------------------------------------------------------- units that have not reported

@dataclass(frozen=True, kw_only=True)
class NotReported:
    """An open task whose holder has said nothing since it was given, or since the last request to update it (a
    task without a deadline is asked every few working days): "đơn vị nào chưa cập nhật?" (probe 28, F2)."""

    unit: str
    item_ref: str
    assignee: str
    given_on: dt.date
    since: dt.date  # the day given (never reported), or of the first request left unanswered
    last_report_on: dt.date | None  # None: never reported
    requests: int  # requests to update sent since the last report (or since given)
    text: str = ""  # the task's words
    office: bool = False  # held by the office that uses Nhắc việc (an admin, or an admin's unit)


def not_reported(session: Session, *, today: dt.date, tz: ZoneInfo) -> list[NotReported]:
    """The open tasks (of confirmed notices, given before today, not a supporting unit's part) with no status report
    since they were given, or with a request to update sent before today and not answered since; by unit."""
    tasks = [t for t in session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id).where(
        Notice.status == NoticeStatus.CONFIRMED, Task.status.in_(OPEN_STATUSES)).order_by(Task.notice_id,
                                                                                          Task.position)
        # (each row names its holder and unit: loaded with the tasks, not one statement a row)
        .options(selectinload(Task.assignee), selectinload(Task.lead_unit), selectinload(Task.notice)))
             if t.created_at.astimezone(tz).date() < today and not supports_only(t)]
    if not tasks:
        return []
    by_id = {t.id: t for t in tasks}
    oldest = min(t.created_at for t in tasks)
    asked: dict[int, list[dt.datetime]] = {}  # task → when a request to update it went out
    for digest in session.scalars(select(Digest).where(
            Digest.state == DigestState.SENT, Digest.sent_at >= oldest,
            Digest.person_id.in_({t.assignee_id for t in tasks if t.assignee_id is not None}))):
        for item in digest.items or []:
            if item.get("category") == "checkin" and item.get("task_id") in by_id and digest.sent_at is not None:
                asked.setdefault(item["task_id"], []).append(digest.sent_at)
    admins = list(session.scalars(select(Person).where(Person.role == Role.ADMIN)))
    office_units = {p.unit_id for p in admins if p.unit_id is not None}
    found = []
    for task in tasks:
        last = task.last_report_at
        requests = sorted(at for at in asked.get(task.id, []) if last is None or at > last)
        given = task.created_at.astimezone(tz).date()
        if last is not None and not [at for at in requests if at.astimezone(tz).date() < today]:
            continue
        found.append(NotReported(unit=unit_name_of(task), item_ref=task.item_ref,
                                 assignee=task.assignee.full_name if task.assignee else "", given_on=given,
                                 since=given if last is None else requests[0].astimezone(tz).date(),
                                 last_report_on=last.astimezone(tz).date() if last else None,
                                 requests=len(requests), text=task.text,
                                 office=(task.assignee is not None and task.assignee.role == Role.ADMIN)
                                 or (task.lead_unit_id is not None and task.lead_unit_id in office_units)))
    return sorted(found, key=lambda r: (r.since, fold(r.unit)))


REPORT_SAID = "report.said"  # audit: a report sent to a person in full (its digest), or its repeat said in a line


@dataclass(frozen=True, kw_only=True)
class ReportSaid:
    """What the last report a person was sent said (`key`: a digest of it; None once its repeat was said in a line),
    when, and whether its files went with it."""

    key: str | None
    files: bool
    at: dt.datetime


def report_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def last_report_said(session: Session, person_id: int, *, since: dt.datetime) -> ReportSaid | None:
    """The last report said to `person_id` since `since`, read by whichever worker the next ask lands on (kept in the
    audit log, not in one process: with two workers the second ask may reach the other)."""
    row = session.scalar(select(AuditLog).where(AuditLog.action == REPORT_SAID, AuditLog.at >= since,
                                                AuditLog.entity == "person", AuditLog.entity_id == person_id)
                         .order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(1))
    if row is None:
        return None
    detail = row.detail or {}
    return ReportSaid(key=detail.get("key"), files=bool(detail.get("files")), at=row.at)


def remember_report_said(session: Session, person_id: int, *, key: str | None, files: bool,
                         now: dt.datetime) -> None:
    """`key` None: the report's repeat was said in a line — the next ask is answered in full."""
    audit(session, at=now, actor_id=person_id, action=REPORT_SAID, entity="person", entity_id=person_id, key=key,
          files=files)
