"""/tonghop (leaders and admins) and /donvi (a head, their own unit): per unit, done on time,
done late, in progress, overdue, no deadline; with the chart and the Excel file to forward
where the channel can send files. Filters as typed: `/tonghop 45/TB-UBND`, `/tonghop tháng 3`,
`/tonghop Sở Tài chính quý 1`.

Also the weekly digest for leaders (content and delivery; the job that calls it is wired in
bot/app.py) and the day it falls on in a week with holidays."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import re
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.charts import summary_chart
from bot.compliance import WORK
from bot.conversation.events import Document, Outgoing, TextIn
from bot.conversation.status import SUMMARY_CARRIED, deciding_actions
from bot.conversation.workdays import digest_day
from bot.replies import chat_fold
from bot.report_files import report_filename, summary_workbook
from scheduler.calendar import WorkingCalendar
from storage.audit import audit, record_export
from storage.digests import last_weekly_before
from storage.directory import leaders
from storage.itemref import squeezed_and_folded
from storage.models import OPEN_STATUSES, Notice, NoticeStatus, Person, Role, Task, TaskStatus, Unit
from storage.reports import (
    FilterNotUnderstood,
    NotReported,
    Report,
    ReportFilter,
    WeeklyDigest,
    blocked_tasks,
    build_report,
    last_report_said,
    not_reported,
    notices_about,
    notices_given,
    parse_filter,
    remember_report_said,
    report_key,
    unit_matches,
    weekly_digest,
)
from storage.tasks import ExtensionRequest, following_leaders, leaders_named, pending_extensions
from storage.unitnames import best_unit_match, unit_key, ways_to_name
from storage.vntext import fold

if TYPE_CHECKING:
    from bot.conversation.core import Conversation

log = logging.getLogger(__name__)


async def summary(conv: Conversation, event: TextIn, args: list[str], person: Person, *, files: bool = True,
                  only: frozenset[str] | None = None, late: bool = False, kind: str | None = None,
                  subject: bool = False, unfinished: bool = False, kinds: tuple[str, ...] = ()) -> None:
    """/tonghop [số văn bản] [đơn vị] [thời gian]; "quá hạn", "chậm" (or `late`): the units with overdue work, and
    those tasks; `kind` (folded: "thon", "xa"): only the units of that kind, when there are some.
    `files`: with the chart and the Excel file (the command; a question in words gets the text and how to get them).
    `subject`: the words may say what was not done rather than whose ("đơn vị nào chưa gửi lịch trực Tết?"): words
    that name no unit of the directory filter nothing. `kinds`: the units of those kinds ("các phường xã")."""
    if person.role not in (Role.ADMIN, Role.LEADER):
        log.info("summary refused for %s (%s)", person.handle, person.role)
        await conv.say(event, texts.SUMMARY_HEAD_USE_UNIT if person.role == Role.HEAD else texts.SUMMARY_ONLY_LEADERS)
        return
    try:
        filt = parse_filter(" ".join(args), conv.ctx.today())
    except FilterNotUnderstood as exc:
        log.info("summary filter %r not understood: %s", " ".join(args), exc)
        await conv.say(event, texts.period_not_understood(" ".join(args)))
        return
    if subject and filt.unit is not None and not unit_matches(filt.unit, await conv.ctx.db.run(_unit_names)):
        # "đơn vị nào chưa gửi lịch trực Tết?": what, not who — read as a unit it matched none, and the answer
        # said nobody was late while units were; "tình hình thông báo quy hoạch chung các xã": the notice about that
        # (probe 47: with two notices, every notice's report — and the next such question "không thay đổi")
        about = await conv.ctx.db.run(notices_about, filt.unit)
        log.info("report question: %r names no unit, read as what was asked about (notices %s)", filt.unit, about)
        filt = dataclasses.replace(filt, unit=None, notice_ids=tuple(about),
                                   notice_words=" ".join(filt.unit.split()) if about else None)
    unfinished = unfinished or UNFINISHED.search(chat_fold(" ".join(args))) is not None
    await _send_report(conv, event, filt, None, person,
                       late_only=not unfinished and (late or LATE.search(chat_fold(" ".join(args))) is not None),
                       unfinished=unfinished, files=files, only=only, kinds=(kind,) if kind else kinds)


# a leader's (or the office's) question in their own words: "báo cáo tình hình", "cho tôi xem tiến độ", "xuất
# excel", "đơn vị nào chậm?", "huyện Thanh Sơn thế nào?", "tình hình Sở Tài chính tháng này" — the /tonghop answer
# (asked of the office in the form of a paper: "Đề nghị báo cáo tổng hợp tình hình thực hiện Thông báo số 125",
# "Kính đề nghị Văn phòng tổng hợp, báo cáo …" — probe s43 #45, E15; not "Đề nghị Sở X báo cáo …", a direction)
_ASKED_OF_OFFICE = r"(?:(?:kinh\s+)?(?:de nghi|yeu cau|nho)\s+(?:(?:van phong|vp)\s+)?)?"
REPORT_QUESTION = re.compile(
    # ("tóm tắt tình hình tuần này": probe 8, #6)
    rf"^{_ASKED_OF_OFFICE}(?:(?:cho|xin|gui|giup)\s+(?:toi|anh|chi|em|minh)?\s*)?"
    r"(?:xem|bao cao|xuat|gui|tai|lay|tom tat|tom luoc)?\s*"
    r"(?:tinh hinh|tien do|ket qua|(?:file|tep|bang)?\s*excel|bieu do|do thi|tong hop)\b"
    # "Xem chi tiết nhiệm vụ của xã Đức Trọng" (probe s43, F12)
    r"|^(?:cho\s+(?:toi\s+)?)?xem\s+chi tiet\b"
    r"|\b(?:don vi nao|ai|nhung don vi nao|nhung ai|viec nao|nhiem vu nao)\s+(?:dang\s+|bi\s+|con\s+)?"
    r"(?:cham|qua han|tre han|chua (?:xong|hoan thanh))\b"
    r"|\s(?:the nao|ra sao|den dau(?:\s+roi)?)\s*\??$"
    # "danh sách quá hạn", "ds nhiệm vụ chậm", "các việc quá hạn", "những đơn vị chưa hoàn thành" (probe 19)
    r"|^(?:(?:cho|xin|gui|giup)\s+(?:toi|anh|chi|em|minh)?\s*)?(?:xem\s+)?(?:danh sach|ds|cac|nhung)\s+"
    r"(?:(?:cac|nhung)\s+)?(?:(?:viec|nhiem vu|don vi|co quan)\s+)?(?:dang\s+|bi\s+|con\s+)?"
    r"(?:cham|qua han|tre han|chua (?:xong|hoan thanh))\b"
    # a period's report asked for ("báo cáo tháng 3 tình hình thực hiện …", "gửi báo cáo quý I"), not one said sent
    r"|^(?:(?:cho|xin|gui|giup)\s+(?:toi|anh|chi|em|minh)?\s*)?(?:xem\s+)?bao cao\s+(?:thang\s+\d{1,2}|"
    r"quy\s+(?:[ivx]{1,3}|\d)|tuan\s+(?:nay|qua|truoc)|(?:6|sau)\s+thang|nam\s+\d{4})\b"
    r"(?!.*\b(?:da|roi)\s+(?:gui|nop|xong|bao cao)\b)")


LATE = re.compile(r"\b(?:cham|qua han|tre han|chua (?:xong|hoan thanh))\b")
# "chưa hoàn thành", "chưa xong" without "chậm" or "quá hạn": every unit with work still open, within its deadline or
# past it (probe 20: "những đơn vị nào chưa hoàn thành?" listed only the late one while two more had work open)
UNFINISHED = re.compile(r"^(?!.*\b(?:cham|qua han|tre han)\b).*\bchua (?:xong|hoan thanh)\b")
# the kinds of unit a question may ask about, folded, and how the answer says them
UNIT_KINDS = {"thon": "thôn", "xa": "xã", "phuong": "phường", "thi tran": "thị trấn", "phong": "phòng", "so": "sở",
              "huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "thanh pho": "thành phố", "ban": "ban",
              "hoi": "hội", "truong": "trường", "to dan pho": "tổ dân phố", "to": "tổ", "xom": "xóm", "ap": "ấp",
              "khu pho": "khu phố", "tram": "trạm", "chi cuc": "chi cục", "trung tam": "trung tâm",
              "cong ty": "công ty",
              # a ministry's or the government's directory: "Bộ nào chậm?", "tỉnh nào chưa báo cáo?" (probe 24, F8)
              "bo": "bộ", "tinh": "tỉnh", "cuc": "cục", "tong cuc": "tổng cục", "vu": "vụ", "dai": "đài",
              "vien": "viện"}
_KIND = "|".join(sorted(UNIT_KINDS, key=len, reverse=True))
# "thôn nào chậm?", "thon nao cham", "xã nào chậm", "phòng nào chưa báo cáo?", "huyện nào chưa bc", "những sở nào
# quá hạn": the "đơn vị nào chậm?" question, about the units of one kind (on text folded character for character)
WHICH_LATE = re.compile(
    rf"\b(?:(?:nhung|cac)\s+)?(?P<kind>{_KIND}|don vi|co quan)\s+nao\s+(?:(?:dang|bi|con|van|da)\s+)?"
    r"(?:cham(?:\s+(?:tien do|bao cao|tre|tre han))?(?:\s+nhat)?|qua han|tre han|no dong"
    r"|(?:chua|khong|ko|k|chx|chang)\s+(?:xong|hoan thanh|bao cao|bc|nop|gui(?:\s+(?:bao cao|bc))?))\b")
# "đơn vị nào chưa cập nhật?", "xã nào chưa báo cáo", "đơn vị nào chưa trả lời ạ", "ai chưa báo cáo?", "còn ai chưa
# gửi báo cáo": the units silent since given or since asked to update (not "đơn vị nào chưa báo cáo kết quả quý I?":
# what, read as before) (probe 28, F2; "ai …": probe 46)
NOT_REPORTED = re.compile(
    rf"(?:\b(?:(?:nhung|cac)\s+)?(?P<kind>{_KIND}|don vi|co quan)\s+nao"
    r"|^(?:(?:cho\s+(?:toi\s+|em\s+)?hoi|xin\s+hoi|hien\s+nay|hien|con|nhung|vay)\s+)*ai)\s+"
    r"(?:(?:van|con|dang)\s+)?"
    r"(?:chua|khong|ko|k|chx|chang)\s+(?:(?:gui|nop)\s+)?(?:cap nhat|bao cao|bc|tra loi|phan hoi)"
    r"(?:\s+(?:gi|tien do|tinh hinh))?"
    r"\s*(?:(?:a|vay|nhi|the|ha|het|\?)\s*)*$")
_DIRECTING = re.compile(r"^(?:de nghi|yeu cau|chi dao|nhac|don doc)\b")  # a direction, not a question
# a unit's name without the words before its kind ("UBND xã Tân Lập" is of the kind "xã")
_BEFORE_KIND = re.compile(r"^(?:ubnd|uy ban nhan dan|dang uy|hdnd|hoi dong nhan dan)\s+")
# a question that asks for the files ("xuất excel", "gửi file excel", "cho xem biểu đồ"): the chart and the workbook
FILES_ASKED = re.compile(r"\b(?:excel|xlsx|file|tep|bieu do|do thi|xuat)\b")


async def typed_question(conv: Conversation, event: TextIn, person: Person) -> bool:
    """A leader's or an admin's report question typed in words, answered as /tonghop with what it names (a unit,
    a period, a notice number); False for anyone else or any other text."""
    squeezed, plain = squeezed_and_folded(event.text.strip(" .!"))
    # "Văn phòng gửi tôi báo cáo tình hình … để chuyển Thường trực Tỉnh ủy": whom it asks and what for are not what
    # it asks about (read as a unit, "Văn phòng …" filtered the report to the office)
    start = m.end() if (m := _ADDRESSEE.match(plain)) else 0
    purpose = _PURPOSE.search(plain, start)
    end = purpose.start() if purpose else len(plain)
    squeezed, plain = squeezed[start:end].strip(" .!,"), plain[start:end].strip(" .!,")
    folded = chat_fold(squeezed).strip(" .!")
    which = WHICH_LATE.search(plain) if not _DIRECTING.match(plain) else None
    silent = NOT_REPORTED.search(plain) if not _DIRECTING.match(plain) else None
    if person.role in (Role.ADMIN, Role.LEADER) and (given := _GIVEN_YET.match(folded)) is not None:
        # "Văn phòng đã giao việc cho các đơn vị chưa?": whether the notice's tasks went out, and to whom (probe s43
        # #1: not understood)
        pre = squeezed[:len(given.group("pre") or "")]
        named = parse_filter(pre, conv.ctx.today()).notice
        if named is None and (unit := await _unit_not_the_office(conv, pre)) is not None:
            # "Phòng Kinh tế - Hạ tầng đã giao việc cho các chuyên viên chưa?": the unit handing on its own work —
            # its report says who holds each task (s44 review: read as the office's question about the notices)
            log.info("report question from %s (unit gave yet): %r", person.handle, event.text)
            await summary(conv, event, [unit], person, subject=True, files=False)
            return True
        log.info("report question from %s (given yet): %r", person.handle, event.text)
        found = await conv.ctx.db.run(notices_given, number=named, tz=conv.ctx.policy.calendar.tz)
        await conv.say(event, texts.notices_given_answer(found, named))
        return True
    if person.role in (Role.ADMIN, Role.LEADER) and not (which or silent or REPORT_QUESTION.search(folded)) and \
            (done_yet := _DONE_YET.match(folded)) is not None and not re.search(r"\bmuc\s*\d|^\d", folded):
        # "Xã Hiệp Thạnh đã nộp hồ sơ chưa?": that unit's report, from what the bot holds (probe s43 #46: asked of
        # the office, which had not answered four days later)
        unit = squeezed[:len(done_yet.group("unit"))]
        scope = await _scope_of(conv, unit)
        if isinstance(scope, tuple) and (scope[0] is not None or scope[1]):
            log.info("report question from %s (done yet): %r", person.handle, event.text)
            await summary(conv, event, [scope[0]] if scope[0] else [], person, subject=True, kinds=scope[1],
                          files=False)
            return True
    if person.role not in (Role.ADMIN, Role.LEADER) or not (which or silent or REPORT_QUESTION.search(folded)) or \
            re.search(r"%|\bmuc\s*\d|^\d", folded):  # "tiến độ 60%", "tình hình mục 2": about a task
        return False
    log.info("report question from %s: %r", person.handle, event.text)
    if silent is not None:  # "đơn vị nào chưa cập nhật?": who has said nothing since given or asked, how long
        kind = silent.group("kind") if silent.group("kind") in UNIT_KINDS else None
        if kind and not any(of_kind(name, kind) for name in await conv.ctx.db.run(_unit_names)):
            kind = None  # a kind the directory has none of: every unit
        rows = await _not_reported(conv, kind)
        await conv.say(event, texts.not_reported_answer(rows, conv.ctx.today(), UNIT_KINDS[kind] if kind else None,
                                                        conv.ctx.policy.calendar))
        return True
    if which is not None:  # "thôn nào chậm tháng 12?": the late units of that kind; the rest is the filter
        rest = squeezed[:which.start()] + " " + squeezed[which.end():]
        kind = which.group("kind")
        await summary(conv, event, rest.replace("?", " ").split(), person, late=True,
                      kind=kind if kind in UNIT_KINDS else None, files=FILES_ASKED.search(folded) is not None,
                      subject=True, unfinished=UNFINISHED.search(plain) is not None)
        return True
    only = _FILES_ONLY.match(folded)
    words = squeezed.replace("?", " ").split()
    late_asked = False
    if only is not None:  # what the files cover follows the request ("gửi file excel tháng 2")
        words = words[len(only.group(0).split()):]
    elif (detail := _DETAIL.match(folded) or _LISTED_OF.match(folded)) is not None:
        # "xem chi tiết nhiệm vụ của xã Đức Trọng", "gửi tôi danh sách các việc quá hạn của Sở Xây dựng …": the unit
        # (and the lateness asked) after the words that ask (probe s43 #51: every unit's late tasks were sent)
        late_asked = LATE.search(detail.group(0)) is not None
        words = words[len(detail.group(0).split()):]
    scoped = await _typed_scope(conv, event, words)
    if scoped is None:  # names units the directory does not know: said, not every unit's table (probe 22, F2)
        return True
    words, kinds = scoped
    await summary(conv, event, words, person, subject=True, kinds=kinds, late=late_asked,
                  # a report asked for to pass on ("để chuyển …", "để báo cáo …") is the file to forward
                  files=FILES_ASKED.search(folded) is not None or purpose is not None,
                  only=None if only is None else frozenset(
                      k for k, w in (("chart", r"bieu do|do thi"), ("workbook", r"excel|xlsx|file|tep|bang"))
                      if re.search(rf"\b(?:{w})\b", only.group(0))))
    return True


# a leader's (or the office's) question about what holds the units up: "những việc nào đang vướng?", "đơn vị nào đang
# vướng mắc?", "có việc nào vướng mắc không?", "xã nào đang gặp khó khăn?" (on text folded character for character)
BLOCKED_WORDS = re.compile(r"\b(?:vuong(?:\s+mac)?|kho\s+khan|ach\s+tac)\b")
_ASKING = re.compile(r"\?|\b(?:nao|gi|khong|ko|chua|sao|dau)\b|^(?:(?:cho|xin|gui)\s+(?:toi|anh|chi|em|minh)?\s*)?"
                     r"(?:xem|liet ke|danh sach|ds|cac|nhung|bao cao|tong hop|tinh hinh)\b")
# the words of such a question that name no unit: what is left names the units asked about ("xã nào", "Sở Xây dựng")
_BLOCKED_FILLER = re.compile(
    r"\b(?:cho|xin|gui|toi|anh|chi|em|minh|xem|liet ke|danh sach|ds|hien(?:\s+nay)?|hom nay|nay|nhung|cac|viec|"
    r"nhiem vu|cong viec|noi dung|don vi|co quan|nao|dang|bi|con|van|co|gap|vuong(?:\s+mac)?|kho\s+khan|ach\s+tac|"
    r"de xuat|kien nghi|gi|khong|ko|chua|vay|the|a|nhi|ha|bao cao|tong hop|tinh hinh|ve|va|hay|la|o|dau|sao)\b"
    r"|[?.,;:!]")


async def blocked_question(conv: Conversation, event: TextIn, person: Person) -> bool:
    """"Những việc nào đang vướng?" from a leader or the office: the open tasks whose units reported a difficulty,
    each with its unit, item, the unit's words and since when — for the units the question names, if it names some
    ("xã nào đang vướng?", "Sở Xây dựng có vướng gì không?"). Never read as the asker's own report (probe 22, F2).
    False for anyone else or any other text."""
    if person.role not in (Role.ADMIN, Role.LEADER):
        return False
    squeezed, plain = squeezed_and_folded(event.text.strip())
    if not BLOCKED_WORDS.search(plain) or not _ASKING.search(plain) or _DIRECTING.match(plain) or \
            re.search(r"\d", plain):  # "7.c vướng kinh phí" typed by the office for a unit: its report, not a question
        return False
    rest = " ".join(squeezed[m.start():m.end()] for m in re.finditer(r"\S+", _BLOCKED_FILLER.sub(
        lambda m: " " * len(m.group(0)), plain)))
    log.info("blocked question from %s: %r (scope %r)", person.handle, event.text, rest)
    scope = await _scope_of(conv, rest)
    if isinstance(scope, str):  # names no unit the directory knows
        await _say_not_found(conv, event, scope)
        return True
    unit, kinds, label = scope
    tz = conv.ctx.policy.calendar.tz
    found = await conv.ctx.db.run(blocked_tasks, tz=tz, unit=unit)
    if kinds:
        found = [b for b in found if any(of_kind(b.unit, k) for k in kinds)]
    await conv.say(event, texts.blocked_answer(found, conv.ctx.today(), label))
    return True


# what a unit's name opens with, folded: a typed scope with none of these is what was asked about, not whose
_UNIT_OPENING = re.compile(r"^(?:cac\s+|nhung\s+)?(?:ubnd|uy ban|so|ban|bo|phong|xa|phuong|thi tran|huyen|quan|"
                           r"thi xa|thanh pho|tp|thon|to dan pho|khu pho|xom|ap|cong an|bch|bchqs|chqs|mat tran|mttq|"
                           r"hoi|doan|truong|trung tam|chi cuc|cong ty|tong cong ty|van phong|tinh uy|huyen uy|dang uy|"
                           r"tram|benh vien|kho bac|cuc|chi nhanh|quy)\b")


_GLUED = re.compile(r"\b(Bộ|Ban|Sở|Phòng|Hội|Cục|bộ|ban|sở|phòng|hội|cục)\s+([A-ZĐ]{2,})\b")


def kinds_named(typed: str) -> tuple[str, ...]:
    """The kinds of unit a typed scope names and nothing else ("các phường xã" → ("phuong", "xa"), "các sở, ban,
    ngành" → ("so", "ban")); () when it names anything more (a unit's own name: "xã Bát Xát")."""
    words = [w for w in re.findall(r"\w+", fold(typed)) if w not in ("cac", "nhung", "va", "nganh")]
    kinds: list[str] = []
    while words:
        found = next((k for k in sorted(UNIT_KINDS, key=len, reverse=True)
                      if words[:len(k.split())] == k.split()), None)
        if found is None:
            return ()
        kinds.append(found)
        words = words[len(found.split()):]
    return tuple(dict.fromkeys(kinds))


async def _scope_of(conv: Conversation, typed: str) -> str | tuple[str | None, tuple[str, ...], str | None]:
    """The units a question's leftover words name: (unit as typed, for the report's filter; kinds; a label for the
    answer), or the words themselves (a str) when they look like a unit's name and match none in the directory."""
    typed = typed.strip(" ,.-:")
    if not typed:
        return None, (), None
    if kinds := kinds_named(typed):
        return None, kinds, "các " + ", ".join(UNIT_KINDS[k] for k in kinds)
    names = await conv.ctx.db.run(_unit_names)
    if matched := unit_matches(typed, names):
        return typed, (), ", ".join(sorted(matched))
    # "Bộ CHQS tỉnh", "Ban QLDA": the kind's initial is part of the abbreviation as offices write it ("BCHQS")
    glued = _GLUED.sub(lambda m: m.group(1)[0].upper() + m.group(2), typed)
    if glued != typed and (matched := unit_matches(glued, names)):
        return glued, (), ", ".join(sorted(matched))
    if _UNIT_OPENING.match(fold(typed)) or re.search(r"\b[A-ZĐ]{2,}\b", typed):
        # "So Tai chinh da xu ly kinh phi": a unit's usual name, then what was asked of it (probe s43 #48: the whole
        # was echoed as a unit not found)
        words = typed.split()
        for n in range(len(words) - 1, 1, -1):
            prefix = " ".join(words[:n])
            if named := [name for name in names if fold(prefix) in ways_to_name(name)]:
                return prefix, (), ", ".join(sorted(named))
        return typed
    return None, (), None  # what was asked about, not whose ("lịch trực Tết")


async def _say_not_found(conv: Conversation, event: TextIn, typed: str) -> None:
    """"Không tìm thấy đơn vị …": with the directory's unit nearest to what was typed, if one is near, and an example
    name from the directory."""
    names = sorted(await conv.ctx.db.run(_unit_names), key=fold)
    near = best_unit_match(typed, [unit_key(n) for n in names], cutoff=70)
    marked = [n for n in names if fold(n) != n.lower()] or names  # (not a name typed without its marks)
    example = next((n for n in marked if fold(n).startswith("so ")), marked[0] if marked else "Sở Tài chính")
    await conv.say(event, texts.scope_not_found(typed, example, names[near.index] if near else None))


async def _typed_scope(conv: Conversation, event: TextIn,
                       words: list[str]) -> tuple[list[str], tuple[str, ...]] | None:
    """The units a report question in words names: a group by its kinds ("các phường xã thực hiện thế nào": those
    kinds, the words taken out of the filter), a unit of the directory (the words as they are), or a unit's name the
    directory does not know ("Bộ CHQS tỉnh thực hiện đến đâu?": said plainly, None)."""
    try:
        filt = parse_filter(" ".join(words), conv.ctx.today())
    except FilterNotUnderstood:
        return words, ()
    if filt.unit is None:
        return words, ()
    scope = await _scope_of(conv, filt.unit)
    if isinstance(scope, str):
        log.info("report question: %r names no unit of the directory", scope)
        await _say_not_found(conv, event, scope)
        return None
    unit, kinds, _ = scope
    if kinds or (unit is not None and unit != filt.unit):  # the group's words out; a unit as it matched
        joined = " ".join(" ".join(words).replace(",", " ").replace(";", " ").split())
        words = joined.replace(filt.unit, " " if kinds else f" {unit} ", 1).split()
    return words, kinds


# who a request is addressed to ("Văn phòng gửi tôi …", "VP ơi, …", "đ/c Hương cho xem …") and what the report is
# for ("… để chuyển Thường trực Tỉnh ủy", "… để báo cáo Ban Thường vụ"), on text folded character for character
_ADDRESSEE = re.compile(r"^(?:(?:chanh\s+)?van\s+phong|vp|phong\s+tong\s+hop|bo\s+phan\s+tong\s+hop|"
                        r"(?:dong\s+chi|d/c)\s+[a-z]+)(?:\s+oi)?\s*[,:]?\s+(?=\S)")
_PURPOSE = re.compile(r"[\s,]+de\s+(?:chuyen|gui|bao\s+cao|bc|trinh|phuc\s+vu|hop|giao\s+ban)\b.*$")


# "(Văn phòng) đã giao việc cho các đơn vị chưa?", "Thông báo 125 đã được giao hết chưa?", "đã phân công nhiệm vụ
# chưa" (folded): whether the tasks went out; what comes before may name the notice
_GIVEN_YET = re.compile(r"^(?:(?P<pre>.{0,80}?)\s+)?(?:(?:da|duoc|da duoc)\s+)?(?:giao|phan cong)"
                        r"(?:\s+(?:het|xong|viec|nhiem vu|cong viec))*"
                        r"(?:\s+(?:cho|toi|den|ve)\s+(?:het\s+)?(?:(?:cac|nhung)\s+)?(?:don vi|co quan|noi|so|nganh|xa|"
                        r"phuong|phong|ban|nguoi|dia phuong)\b[^?]{0,40}?)?\s+(?:het\s+)?chua\s*\??$")
# "<unit> đã <work> chưa?", "<unit> có … chưa" (folded): whether a unit did something — its report answers it
_DONE_YET = re.compile(r"^(?P<unit>\S+(?:\s+\S+){1,6}?)\s+(?:da|co)\s+\S+(?:\s+\S+){0,8}\s+chua\s*\??$")


# the words that ask for the detail before what it is of: "xem chi tiết nhiệm vụ của", "cho tôi xem chi tiết các việc
# của" (folded)
_DETAIL = re.compile(r"^(?:cho\s+(?:toi\s+)?)?xem\s+chi tiet(?:\s+(?:cac|nhung))?(?:\s+(?:nhiem vu|cong viec|viec))?"
                     r"(?:\s+(?:cua|ve))?(?=\s|$)")


# the same for a list asked of a unit: "gửi tôi danh sách các việc quá hạn của", "các nhiệm vụ chậm của", "danh sách
# nhiệm vụ của" (folded; a unit's name follows)
_LISTED_OF = re.compile(r"^(?:(?:cho|xin|gui|giup)\s+(?:toi|anh|chi|em|minh)?\s*)?(?:xem\s+)?(?:(?:danh sach|ds)\s+)?"
                        r"(?:(?:cac|nhung)\s+)?(?:nhiem vu|cong viec|viec)\s+(?:(?:dang|bi|con)\s+)?"
                        r"(?:(?:cham|qua han|tre han|chua (?:xong|hoan thanh))\s+)?(?:cua|o)(?=\s)")


# a request for the files alone ("xuất excel", "gửi file excel tháng 2", "cho xem biểu đồ"), typed after the answer
# in words (whose last line says how to get them): the files, not the whole answer again
_FILES_ONLY = re.compile(r"^(?:(?:cho|xin|gui|giup)\s+(?:toi|anh|chi|em|minh)?\s*)?(?:xem|xuat|gui|tai|lay)?\s*"
                         r"(?:(?:file|tep|bang)\s*)?(?:excel|xlsx|bieu do|do thi)"
                         r"(?:\s*(?:va|,)\s*(?:(?:file|tep|bang)\s*)?(?:excel|xlsx|bieu do|do thi))?\b"
                         r"(?!.*\b(?:cham|qua han|tre han|chua|tinh hinh|tien do|the nao|ra sao)\b)")


async def unit_summary(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    """/donvi [thời gian]: a head's own unit, in the same format. Leaders and admins get /tonghop."""
    if person.role in (Role.ADMIN, Role.LEADER):
        await summary(conv, event, args, person)
        return
    if person.role != Role.HEAD:
        log.info("unit summary refused for %s (%s)", person.handle, person.role)
        await conv.say(event, texts.UNIT_REPORT_ONLY_HEADS)
        return
    if person.unit_id is None:
        await conv.say(event, texts.UNIT_REPORT_NO_UNIT)
        return
    try:
        typed = parse_filter(" ".join(args), conv.ctx.today())
    except FilterNotUnderstood:  # /donvi's own syntax: /tonghop is refused to a head (probe 21, F11b)
        await conv.say(event, texts.unit_period_not_understood(" ".join(args)))
        return
    unit_id = person.unit_id
    unit_name = await conv.ctx.db.run(lambda s: s.get_one(Unit, unit_id).name)
    # only the period of what was typed: a head sees no other unit, whatever the words
    filt = ReportFilter(unit_id=unit_id, notice=typed.notice, date_from=typed.date_from, date_to=typed.date_to,
                        period=typed.period)
    await _send_report(conv, event, filt, unit_name, person)


def _no_files_line(person: Person) -> str:
    """Why Zalo without a public address sends no chart or Excel file: the server's set-up (NHACVIEC_WEBHOOK_URL,
    whoever runs the server) for an admin; anyone else gets one plain line (the set-up: to the log; probe 39, #6)."""
    if person.is_admin:
        return texts.NO_FILES_HERE
    log.info("files not sent on Zalo to person %s: no public address (NHACVIEC_WEBHOOK_URL is not set)", person.id)
    return texts.FILES_ON_REQUEST_NO_FILES


def of_kind(unit_name: str, kind: str) -> bool:
    """Whether a unit is of the kind (folded) a question names: "Thôn 3" of "thon", "UBND xã Tân Lập" of "xa",
    "Sở Tài chính" of "so"; not "Trạm Y tế xã" of "xa"."""
    return _BEFORE_KIND.sub("", fold(unit_name)).startswith(f"{kind} ")


async def _send_report(conv: Conversation, event: TextIn, filt: ReportFilter, unit_name: str | None,
                       person: Person, *, late_only: bool = False, files: bool = True,
                       only: frozenset[str] | None = None, kinds: tuple[str, ...] = (),
                       unfinished: bool = False) -> None:
    """The report as text, with the chart and the Excel file (`files`); `only`: just those files asked for
    ("chart", "workbook"), under one line naming what they cover; `kinds`: only the units of those kinds."""
    ctx = conv.ctx
    today = ctx.today()
    calendar = ctx.policy.calendar
    report: Report = await ctx.db.run(build_report, today=today, tz=calendar.tz, filt=filt, rule=calendar)
    label = None
    names = await ctx.db.run(_unit_names) if kinds else []
    if kinds := tuple(k for k in kinds if any(of_kind(name, k) for name in names)):
        # "thôn nào chậm?", "các phường xã thế nào?": the directory has them, the answer is about them only
        label = ", ".join(UNIT_KINDS[k] for k in kinds)

        def ours(unit: str) -> bool:
            return any(of_kind(unit, k) for k in kinds)

        report = Report(units=[u for u in report.units if ours(u.unit)],
                        tasks=[t for t in report.tasks if ours(t.unit)], as_of=report.as_of,
                        standing=[d for d in report.standing if ours(d[0])],
                        standing_rows=[t for t in report.standing_rows if ours(t.unit)])
        unit_name = unit_name or f"các {label}"
    # past the deadline they asked by, undecided: the leader's to settle, said apart from the late (probe 36, #5)
    in_time = "\n".join(texts.asked_in_time_lines(report.units)) if late_only else ""
    # nothing at all in what was named (a notice number or date, a unit, a period no task is in): said so, as
    # /tonghop says it — not "no unit is late", which a leader would read as all on track (probe 46)
    in_scope = bool(report.units or report.standing)
    held_up = ""
    # "đơn vị nào chậm?": the units with overdue work or unreported rounds, those tasks in the file
    if late_only and in_scope:
        report = Report(units=[u for u in report.units if u.is_late],
                        tasks=[t for t in report.tasks if t.category == "overdue" or t.rounds_missed],
                        as_of=report.as_of)
        # the tasks units say are held up, and (none late) the units that never reported (probe 28, F2) — only when
        # the question named no unit, notice or period: those answer about what was named, not about everyone else
        whole = filt.unit is None and filt.unit_id is None and filt.notice is None and filt.date_from is None \
            and not filt.notice_ids
        held_up = await _held_up(conv, kinds) if whole else ""
        if not report.units:
            never = texts.never_reported_line(await _not_reported(conv, kinds[0] if len(kinds) == 1 else None),
                                              today, calendar) if whole else None
            await conv.say(event, texts.nothing_late(label) + (f"\n{never}" if never else "")
                           + (f"\n{held_up}" if held_up else "") + (f"\n\n{in_time}" if in_time else ""))
            return
    # "đơn vị nào chưa hoàn thành?": the units with work still open, in its deadline or past it
    if unfinished and in_scope:
        report = Report(units=[u for u in report.units if u.unfinished],
                        tasks=[t for t in report.tasks if t.status != TaskStatus.DONE or t.rounds_missed],
                        as_of=report.as_of, standing=report.standing, standing_rows=report.standing_rows)
        if not report.units and not report.standing:
            await conv.say(event, texts.nothing_unfinished(label))
            return
    unit_name = unit_name or texts.matched_units(filt, report.units)
    usage = texts.UNIT_REPORT_USAGE if filt.unit_id is not None else texts.SUMMARY_USAGE
    documents_out = conv.channel(event.channel).capabilities.documents_out
    titles = {t.notice for t in report.tasks}  # the number typed found one notice: named as it is, to forward
    notice_title = titles.pop() if (filt.notice or filt.notice_ids) and len(titles) == 1 else None
    if notice_title is not None:  # with what it is about, as the office knows it ("… về kiểm tra vật liệu nổ …")
        row = next(t for t in report.tasks if t.notice == notice_title)
        notice_title = texts.with_subject(notice_title, await ctx.db.run(_notice_subject, row.notice_id))
    text = texts.summary_text(report.units, today, filt, unit_name, usage=usage, late_only=late_only,
                              files=files and documents_out, as_of=report.as_of, notice_title=notice_title,
                              unfinished=unfinished, standing=[] if late_only else report.standing)
    if in_time:
        text += f"\n\n{in_time}"
    if held_up:
        text += f"\n\n{held_up}"
    if not report.units and not (report.standing_rows and files and documents_out):
        await conv.say(event, text)
        return
    if notice_title is not None and not only:
        # a report on one notice is what the office forwards as its "báo cáo tình hình thực hiện": each task, its
        # unit, where it stands, an extension granted and the unit's latest words — not only the counts
        more = texts.STORY_MORE_IN_FILE if files and documents_out else texts.STORY_MORE_BY_UNIT
        text += "\n\n" + texts.unit_story(report.tasks, calendar, units=True, limit=texts.NOTICE_STORY_LIMIT,
                                          more=more)
    # the same report asked again with nothing changed ("báo cáo tình hình …" then /tonghop, probe 27 F11): said so
    # in a line, with only the files not yet sent; asked a third time, it is sent in full
    said = texts.summary_text(report.units, today, filt, unit_name, usage=usage, late_only=late_only, files=False,
                              as_of=report.as_of, notice_title=notice_title, unfinished=unfinished,
                              standing=[] if late_only else report.standing)  # (what it says, files aside)
    key, with_files = report_key(said + in_time + repr(report)), files and documents_out
    now, at = ctx.clock.now(), ""
    # (the memory is the database's: with two workers the second ask may reach the other one)
    last = await ctx.db.run(last_report_said, person.id, since=now - REPORT_REPEAT_WINDOW) if only is None else None
    if last is not None and last.key == key:
        at = calendar.local(last.at).strftime("%H:%M")
        if last.files or not with_files:
            # (said once in a line: asked a third time, it is sent in full)
            await ctx.db.run(remember_report_said, person.id, key=None, files=False, now=now)
            unchanged = texts.report_unchanged(at, files=False, about=notice_title or unit_name)
            if files and not documents_out:  # (the command on Zalo: why no files, as when sent in full)
                unchanged += "\n\n" + _no_files_line(person)
            await conv.say(event, unchanged)
            return
        files_only = True
    else:
        files_only = False
    if only is None:
        await ctx.db.run(remember_report_said, person.id, key=key, files=with_files, now=now)
    if not files:  # a question in words: the answer, and one line on how to get the chart and the file
        hint = texts.FILES_ON_REQUEST if documents_out else texts.FILES_ON_REQUEST_NO_FILES
        # "tình hình xã Lam Cốt thế nào?": its tasks, one line each
        if len(report.units) == 1 and not late_only and not unfinished and notice_title is None:
            # past the limit, where the rest are listed: the unit's own file (/tonghop's text lists no task; probe
            # 38, #9); a channel without files lists them all
            unit = report.units[0].unit
            text += "\n\n" + (texts.unit_story(report.tasks, calendar, more=texts.story_more_in_unit_file(unit))
                               if documents_out else texts.unit_story(report.tasks, calendar,
                                                                      limit=len(report.tasks)))
        await conv.say(event, f"{text}\n\n{hint}")
        return
    if not documents_out:
        if only is not None:  # "xuất excel" on Zalo without links: no file to send, and the text not said again
            await conv.say(event, texts.NO_FILES_ASKED if person.is_admin else
                           f"{_no_files_line(person)} {texts.NO_FILES_SUMMARY_BY_TEXT}")
            return
        await conv.say(event, f"{text}\n\n{_no_files_line(person)}")  # one message (probe 39, #6)
        return
    scope = texts.filter_description(filt, unit_name, notice_title)
    # a past period: the chart says the day its figures stand at
    # (a period with only standing duties: no figures to chart, the file lists them)
    chart = await asyncio.to_thread(summary_chart, report.units, report.as_of or today, scope) \
        if report.units else None
    data = await asyncio.to_thread(summary_workbook, report.units, report.tasks, today, filt, unit_name,
                                   report.as_of, report.standing_rows)
    picture = Document(data=chart, filename=report_filename(today, "png"), caption=texts.CHART_CAPTION) \
        if chart is not None else None
    document = Document(data=data, filename=report_filename(today), caption=texts.REPORT_FILE_CAPTION)
    if only:  # the line saying what is sent heads the first file's caption: one message a file (probe 20, P3)
        line = texts.files_sent(scope, report.as_of or today, only)
        picture = picture if "chart" in only else None
        first = picture if picture is not None else document if "workbook" in only else None
        if first is None:
            await conv.reply(event, Outgoing(text=line))
        else:
            headed = dataclasses.replace(first, caption=f"{line}\n{first.caption}" if first.caption else line)
            await conv.reply(event, Outgoing(text="", picture=headed if first is picture else picture,
                                             document=document if first is picture and "workbook" in only
                                             else headed if first is document else None))
    else:
        text = texts.report_unchanged(at, files=True, about=notice_title or unit_name) if files_only else text
        await conv.reply(event, Outgoing(text=text, picture=picture, document=document))
    await ctx.db.run(record_export, at=ctx.clock.now(), actor_id=person.id, what="report.xlsx",
                     rows=len(report.tasks), file=report_filename(today), via=event.channel, scope=scope)


REPORT_REPEAT_WINDOW = dt.timedelta(minutes=30)  # a report asked again within this, unchanged, is not sent again


# the office's own follow-up role, the first clause of its item: "Văn phòng … theo dõi, đôn đốc các cơ quan, đơn vị
# thực hiện; …" (folded; no work named before it)
_FOLLOWS_UP = re.compile(r"\btheo doi (?:va )?don doc\b")


def office_follow_up(row: NotReported) -> bool:
    """The office's item to follow the others up, held by the office itself: its progress is what Nhắc việc reports,
    so it is no unit's silence (probe 41, #7)."""
    if not row.office:
        return False
    first = fold(re.split(r"[;:]|\.(?:\s|$)", row.text, maxsplit=1)[0])
    m = _FOLLOWS_UP.search(first)
    return m is not None and WORK.search(first[:m.start()]) is None


async def _held_up(conv: Conversation, kinds: tuple[str, ...]) -> str:
    """Under "đơn vị nào chậm?" (every unit, or the units of `kinds`): the tasks units say are held up, briefly."""
    found = await conv.ctx.db.run(blocked_tasks, tz=conv.ctx.policy.calendar.tz)
    if kinds:
        found = [b for b in found if any(of_kind(b.unit, k) for k in kinds)]
    return texts.blocked_brief(found)


async def _not_reported(conv: Conversation, kind: str | None) -> list[NotReported]:
    """The open tasks not reported on since given or since asked to update (`storage.reports.not_reported`), of the
    units of `kind` (folded) when the directory has some (else every unit's, as "đơn vị nào chậm?" reads it); the
    office's own follow-up item left out."""
    rows = [r for r in await conv.ctx.db.run(not_reported, today=conv.ctx.today(), tz=conv.ctx.policy.calendar.tz)
            if not office_follow_up(r)]
    if kind and any(of_kind(name, kind) for name in await conv.ctx.db.run(_unit_names)):
        return [r for r in rows if of_kind(r.unit, kind)]
    return rows


def _notice_subject(session: Session, notice_id: int | None) -> str | None:
    """The trích yếu of the notice a report is about (by its id: two notices may share a number as read — one left
    blank, "/TB-UBND" — and the first one's subject was said of the other; probe 47)."""
    notice = session.get(Notice, notice_id) if notice_id is not None else None
    return notice.subject if notice is not None and notice.number else None


def _unit_names(session: Session) -> list[str]:
    return list(session.scalars(select(Unit.name)))


def _office_unit_names(session: Session) -> set[str]:
    """The units of the office (every admin's unit): the ones that give out the work."""
    return set(session.scalars(select(Unit.name).join(Person, Person.unit_id == Unit.id).where(
        Person.role == Role.ADMIN)))


async def _unit_not_the_office(conv: Conversation, typed: str) -> str | None:
    """The unit of the directory that the words before "đã giao việc … chưa?" name (as typed, for the report's
    filter), when it is one and not the office's (an admin's unit: the one that gives out the work)."""
    if not typed.strip(" ,.-:"):
        return None
    scope = await _scope_of(conv, typed)
    if not isinstance(scope, tuple) or scope[0] is None:
        return None
    offices = await conv.ctx.db.run(_office_unit_names)
    return None if any(name in offices for name in (scope[2] or "").split(", ")) else scope[0]


# ---------------------------------------------------------------- the weekly digest

def summary_since(calendar: WorkingCalendar, today: dt.date, weekday: int, last_sent: dt.date | None = None) -> dt.date:
    """The first day the weekly summary sent `today` covers: the day after the last one sent (`last_sent`, when
    known), else after the last week's summary day — so that a summary moved before a holiday (Wednesday 29/4),
    the next one on its usual Friday, and the first after a week with no working day at all (Tết) cover every
    day once, neither twice nor not at all."""
    if last_sent is not None and today - dt.timedelta(days=35) <= last_sent < today:
        return last_sent + dt.timedelta(days=1)
    if today != digest_day(calendar, today, weekday):  # asked for on another day: the last seven days
        return today - dt.timedelta(days=6)
    monday = today - dt.timedelta(days=today.weekday())
    for weeks in range(1, 6):  # a week without a working day (Tết) had no summary: the one before it
        previous = digest_day(calendar, today - dt.timedelta(days=7 * weeks), weekday)
        if previous < monday:
            return previous + dt.timedelta(days=1)
    return today - dt.timedelta(days=6)


async def send_weekly_digest(conv: Conversation, *, cut: dt.datetime | None = None) -> int:
    """Tell every leader what happened this week; the number of leaders told (none in a week where nothing
    was finished, nothing is overdue and nothing waits for a decision). The caller decides when (on
    `digest_day` at the configured hour) and remembers that it ran; `cut` is when it claimed the week (default:
    now). The window runs from the previous summary's cut (sent, skipped as empty, moved before a holiday or
    claimed by another worker alike) up to this one's: what is finished at or after the cut, the same afternoon
    too, is in the next summary and in this one not (probe 38)."""
    ctx = conv.ctx
    cut = cut if cut is not None else ctx.clock.now()
    calendar = ctx.policy.calendar
    today = calendar.local(cut).date()
    last = await ctx.db.run(last_weekly_before, before=cut)
    since = summary_since(calendar, today, ctx.settings.weekly_day,
                          calendar.local(last).date() if last is not None else None)
    days = (today - since).days + 1
    # what was finished on the last one's day from its cut on belongs to this one
    after = last if last is not None and since == calendar.local(last).date() + dt.timedelta(days=1) else None
    light = ctx.policy.supporting_days_before is not None  # supporting duties: never listed overdue (policy.py)
    digest = await ctx.db.run(weekly_digest, today=today, tz=calendar.tz, rule=calendar, days=days, after=after,
                              until=cut, light_support=light)
    if digest.is_empty:  # nothing finished, nothing overdue, nothing to decide: a leader is not written to
        log.info("weekly digest for %s–%s: nothing to report, not sent", digest.since, digest.until)
        return 0
    people = await ctx.db.run(leaders)
    notice_ids, followed = await ctx.db.run(_followed, people)
    # each leader hears of the notices they follow and of those no leader follows (a Phó Chủ tịch is not sent
    # another Phó Chủ tịch's conclusions every Friday)
    theirs: dict[frozenset[int], WeeklyDigest] = {frozenset(notice_ids): digest}
    told = 0
    for leader in people:
        allowed = frozenset(n for n in notice_ids if leader.id in followed.get(n, [leader.id]))
        if allowed not in theirs:
            theirs[allowed] = await ctx.db.run(weekly_digest, today=today, tz=calendar.tz, rule=calendar, days=days,
                                               notices=allowed, after=after, until=cut, light_support=light)
        own = theirs[allowed]
        if any(g.by_id == leader.id for g in own.granted):  # (the deadlines the leader moved: not told back)
            own = dataclasses.replace(own, granted=[g for g in own.granted if g.by_id != leader.id])
        if own.is_empty:
            continue
        deciding = await ctx.db.run(_deciding_in_summary, leader, own, ctx.clock.now()) if own.pending else []
        address = conv.address_of(leader)  # (what /tonghop sends there: the chart and the file, or the text only)
        capabilities = conv.channel(address[0]).capabilities if address is not None else None
        buttons = capabilities is not None and capabilities.buttons
        files = capabilities is not None and capabilities.documents_out
        if await conv.notify(leader, Outgoing(text=texts.weekly_digest_text(own, leader.full_name, calendar=calendar,
                                                                             deciding=deciding, buttons=buttons,
                                                                             files=files),
                                              actions=deciding_actions(deciding) if buttons else ())):
            told += 1
    log.info("weekly digest for %s–%s sent to %d leaders", digest.since, digest.until, told)
    return told


SUMMARY_DECIDING = 4  # the waiting requests a summary carries the buttons of (the rest: typed, as the list says)


def _deciding_in_summary(session: Session, leader: Person, digest: WeeklyDigest,
                         now: dt.datetime) -> list[ExtensionRequest]:
    """The waiting requests the summary lists that `leader` decides: its buttons under the summary, and the day's
    reminder of each not sent apart (`remind_waiting_extensions`: one message that Friday, not two)."""
    listed = {p.report_id for p in digest.pending}
    found = [r for r in pending_extensions(session, decider=leader, today=now.date())
             if r.report_id in listed][:SUMMARY_DECIDING]
    for request in found:
        audit(session, at=now, actor_id=leader.id, action=SUMMARY_CARRIED, entity="status_report",
              entity_id=request.report_id)
    return found


def _followed(session: Session, people: list[Person]) -> tuple[list[int], dict[int, list[int]]]:
    """The confirmed notices, and the leaders who follow each (`storage.tasks.following_leaders`), with the leaders
    the notice puts in charge of any of its open tasks ("Lãnh đạo phụ trách: …")."""
    ids = list(session.scalars(select(Notice.id).where(Notice.status == NoticeStatus.CONFIRMED)))
    followed = following_leaders(session, ids, people)
    for notice_id, named in session.execute(select(Task.notice_id, Task.leaders_in_charge).join(Notice).where(
            Notice.status == NoticeStatus.CONFIRMED, Task.status.in_(OPEN_STATUSES))):
        if named and (found := leaders_named(named, people)):
            followed[notice_id] = list(dict.fromkeys([*followed.get(notice_id, []), *found]))
    return ids, followed
