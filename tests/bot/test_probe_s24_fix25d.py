"""Probe 24 (QĐ 773/QĐ-TTg, a plan of 45 tasks for 18 units; session 23, helper fix25d): the leader's report of
units nobody has touched (#7), the long preview on Zalo (#10), the confirm answer and the head's assignment (#13),
and ongoing duties closed by one word (#12). Real SQLite, the real notice and the probe's directory."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.sandbox.harness import Harness
from tests.bot.conftest import texts_to as since
from tests.bot.qd773 import ADMIN, LEADER, NOTICE, pasted, started
from tests.conftest import local


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/nhacviec.db"


async def loaded(db_url: str, channel: str = "telegram") -> Harness:
    """The notice pasted on 28/06/2018, its date typed, not yet confirmed."""
    h = await pasted(db_url, channel=channel)
    await h.say(ADMIN, "ngày: 26/6/2018")
    return h


async def confirmed(db_url: str, channel: str = "telegram") -> Harness:
    h = await loaded(db_url, channel)
    await h.say(ADMIN, "xác nhận")
    return h


# ---------------------------------------------------------------- #7 the leader's report

async def test_a_report_of_untouched_units_says_so_in_one_line_and_never_work_in_progress(db_url: str) -> None:
    h = await confirmed(db_url)
    try:
        await h.advance_to(local(2018, 7, 12, 9, 0))
        await h.say("head_bng", "III.11 xong")
        start = len(h.sent)
        await h.say(LEADER, "/tonghop")
        report = next(t for t in since(h, LEADER, start) if t.startswith("TỔNG HỢP"))
        # the annual report due 31/12, never touched, is not "đang thực hiện" for every ministry
        assert "Đang thực hiện trong hạn: 1" not in report and "đang thực hiện trong hạn 1" not in report, report
        assert "chưa cập nhật (còn trong hạn)" in report
        # no zero counts, one line a unit; the untouched units together in one line
        assert not re.search(r"\b[a-zđ ]+: 0\b|\b(?:hạn|thành) 0;", report), report
        quiet = next(line for line in report.splitlines() if line.startswith("• Chưa cập nhật, chưa có nhiệm vụ"))
        assert "Bộ Công an (4)" in quiet and "Bộ Ngoại giao" not in quiet, quiet  # (none of "các bộ khác" since fix25b)
        assert "• Bộ Ngoại giao (2): chưa cập nhật (còn trong hạn) 1; không có thời hạn 1 (đã hoàn thành 1)." \
            in report, report
        assert len(report.splitlines()) < 20, report
        # the total keeps every category
        assert "Tổng cộng:" in report and "quá hạn chưa hoàn thành 0" in report
    finally:
        await h.stop()


async def test_a_long_report_on_zalo_never_begins_a_part_with_counts_of_an_unnamed_unit(db_url: str) -> None:
    h = await confirmed(db_url, "zalo")
    try:
        await h.advance_to(local(2018, 7, 12, 9, 0))
        start = len(h.sent)
        await h.say(LEADER, "/tonghop")
        parts = [t for t in since(h, LEADER, start) if re.match(r"\(\d+/\d+\) ", t)]
        assert all(len(p) <= 2000 for p in parts)
        for part in parts[1:]:  # (probe 24: "(2/2) Hoàn thành đúng hạn: 0; …" without its unit's name)
            body = re.sub(r"^\(\d+/\d+\) ", "", part)
            assert body.startswith(("• ", "Tổng cộng")), body[:80]
    finally:
        await h.stop()


# ---------------------------------------------------------------- #13 the confirm answer, the head's assignment

async def test_the_confirm_answer_of_a_long_plan_is_one_line_a_person(db_url: str) -> None:
    h = await loaded(db_url)
    try:
        await h.say(ADMIN, "34: Bộ LĐTBXH")  # III.7.c: a 19th item for the same head
        await h.say(ADMIN, "bỏ 42")  # (III.14, "các bộ, ban, ngành khác")
        start = len(h.sent)
        await h.say(ADMIN, "xác nhận")
        answer = next(t for t in since(h, ADMIN, start) if t.startswith("Đã xác nhận"))
        given = answer.split("Đã giao:\n", 1)[1].split("\n\n", 1)[0].splitlines()
        assert "• đ/c Tran Van Cong (Bộ Lao động - Thương binh và Xã hội): mục III.1.a–s và III.7.c (19 nhiệm vụ)" \
            in given, given
        assert not [line for line in given if "→" in line], given
        assert len(given) <= 20, given  # one line a person (was 43 lines, one an item)
        assignment = next(t for t in since(h, "head_ldtbxh", start) if "được giao chủ trì" in t)
        # the unit said once above its items, not on each of 19 lines
        assert not [line for line in assignment.splitlines() if line.startswith("• Mục III.1.a (")], assignment
        assert len(re.findall(r"^• Mục III\.1\.[a-s]: ", assignment, re.M)) == 18, assignment
    finally:
        await h.stop()


# ---------------------------------------------------------------- #12 ongoing duties without "thường xuyên"

async def test_a_report_on_ongoing_work_keeps_it_open_and_xong_asks_once(db_url: str) -> None:
    h = await loaded(db_url)
    try:
        await h.say(ADMIN, "41: UBND tỉnh Thanh Hóa, UBND tinh Hoa Binh, UBND tỉnh Quảng Trị")  # (III.13)
        await h.say(ADMIN, "xác nhận")
        await h.advance_to(local(2018, 7, 12, 9, 0))
        # III.15 "thực hiện công tác tuyên truyền và giám sát …": "đã báo cáo" is a report, the duty goes on
        start = len(h.sent)
        await h.say("head_mttq", "đã báo cáo")
        said = "\n".join(since(h, "head_mttq", start))
        assert "Hoàn thành" not in said and "công việc thực hiện liên tục" in said, said
        # III.13 "xây dựng và tổ chức thực hiện Kế hoạch …": a first "xong" asks whether all of it is finished
        start = len(h.sent)
        # (with its item: since fix25b the province also holds III.16's yearly report, "UBND các tỉnh")
        await h.say("head_thanhhoa", "III.13 Tỉnh Thanh Hoá đã ban hành kế hoạch của tỉnh, xong")
        said = "\n".join(since(h, "head_thanhhoa", start))
        assert "Hoàn thành" not in said and "“III.13 xong” một lần nữa" in said, said
        assert h.db is not None

        def statuses(session) -> dict[str, str]:  # type: ignore[no-untyped-def]
            from sqlalchemy import select

            from storage.models import Person, Task
            held = {p.id: p.handle for p in session.scalars(select(Person))}
            return {f"{t.item_ref}:{held.get(t.assignee_id)}": t.status for t in session.scalars(select(Task))}

        now = await h.db.run(statuses)
        assert now["III.15:head_mttq"] == "in_progress" and now["III.13:head_thanhhoa"] == "in_progress", now
        # said again: the whole duty is finished
        start = len(h.sent)
        await h.say("head_thanhhoa", "III.13 xong")
        said = "\n".join(since(h, "head_thanhhoa", start))
        assert "Hoàn thành" in said and "một lần nữa" not in said, said
        assert (await h.db.run(statuses))["III.13:head_thanhhoa"] == "done"
        # a task without a deadline that asks for no continuing work is finished by one "xong" as before (III.11)
        start = len(h.sent)
        await h.say("head_bng", "III.11 xong")
        assert "Hoàn thành" in "\n".join(since(h, "head_bng", start))
    finally:
        await h.stop()


# ---------------------------------------------------------------- #10 the long preview

async def test_a_long_preview_is_one_line_a_task_with_details_on_request(db_url: str) -> None:
    h = await started(db_url, channel="zalo")
    try:
        await h.say(ADMIN, NOTICE)
        parts = [t for t in since(h, ADMIN, 0) if t]
        assert len(parts) <= 6, [len(p) for p in parts]  # was 9 messages of ~1,900 characters on Zalo
        preview = "\n".join(re.sub(r"^\(\d+/\d+\) ", "", p) for p in parts)
        lines = preview.splitlines()
        # one line a task: its number and item, under its unit's line
        for n in range(1, 46):
            assert len([line for line in lines if line.startswith(f"{n}. [")]) == 1, n
        assert "▸ Nhiệm vụ 1–18 — chủ trì (theo đề mục phía trên): Bộ Lao động - Thương binh và Xã hội" in preview
        assert "— giao đ/c Tran Van Cong" in preview
        # what the admin must check stays: supporters, deadlines, units missing from the directory
        line_6 = next(line for line in lines if line.startswith("6. [III.1.f]"))
        assert "hạn 31/03/2019" in line_6, line_6
        line_17 = next(line for line in lines if line.startswith("17. [III.1.r]"))
        assert "phối hợp: các cơ quan liên quan (nhóm đơn vị)" in line_17, line_17
        line_40 = next(line for line in lines if line.startswith("40. [III.12]"))
        assert "Thông tấn xã Việt Nam (chưa có trong danh bạ)" in line_40, line_40
        line_45 = next(line for line in lines if line.startswith("45. [III.16 (đoạn 2)]"))
        assert "hằng năm, kỳ đầu hạn 31/12/2018" in line_45 and "(nơi nhận kết quả)" in line_45, line_45
        assert "“xem 12”" in preview and "“chi tiết mục III.1”" in preview
        # details on request: one task, a section, the whole
        start = len(h.sent)
        await h.say(ADMIN, "xem 12")
        one = "\n".join(since(h, ADMIN, start))
        assert one.startswith("Nhiệm vụ 12 [Mục III.1.m]:") and "• Thời hạn: không có thời hạn cụ thể" in one, one
        start = len(h.sent)
        await h.say(ADMIN, "chi tiết mục III.1")
        section = "\n".join(since(h, ADMIN, start))
        assert section.count("[Mục III.1.") == 18 and "Danh sách không có" not in section, section[:300]
        start = len(h.sent)
        await h.say(ADMIN, "xem đầy đủ")
        whole = "\n".join(since(h, ADMIN, start))
        assert "   • Thời hạn: 31/03/2019 (“trong quý 1/2019”)" in whole, whole[:500]
    finally:
        await h.stop()
