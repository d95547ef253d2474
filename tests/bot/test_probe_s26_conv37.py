"""refs36's leftovers (probe 36): a leader's decision whose item number matches requests waiting in two notices is
asked ("Ý đồng chí là …?", a button or a typed choice each); a decision typed again after the grant says it was
granted (by whom, when, to which date) rather than "Không có đề nghị … đang chờ"; the recall of a request asked in
time and still undecided after the deadline does not call the task "đã quá hạn". Through the real conversation core
and the Telegram sandbox on a real database."""

from __future__ import annotations

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Notice, Person, StatusReport, Task
from tests.bot.conversation_setup import last_text, texts_to
from tests.bot.test_probe_s26_refs36 import DIRECTORY, NOTICE
from tests.conftest import local

SECOND = ("VĂN PHÒNG HĐND TỈNH\nSố: 40/TB-VP\nTây Ninh, ngày 30 tháng 07 năm 2026\nTHÔNG BÁO\n"
          "Kết luận của Chủ tịch HĐND tỉnh tại buổi làm việc về giám sát chuyên đề tài sản công\n"
          "I. THÀNH PHẦN THAM DỰ\n"
          "Thường trực HĐND tỉnh, Ban Kinh tế - Ngân sách HĐND tỉnh.\n"
          "II. NỘI DUNG\n"
          "1. Về kết quả giám sát\n"
          "Đề nghị các Sở, ngành tiếp thu đầy đủ ý kiến của Đoàn giám sát, chỉnh sửa báo cáo kết quả.\n"
          "2. Giao Ban Kinh tế - Ngân sách\n"
          "- Chủ trì tổng hợp ý kiến của các Sở, ngành về kết quả giám sát chuyên đề tài sản công.\n"
          "- Phối hợp Văn phòng chuẩn bị nội dung báo cáo Thường trực HĐND tỉnh.\n"
          "- Hoàn thiện dự thảo báo cáo kết quả giám sát chuyên đề, hoàn thành trước ngày 21/8/2026.\n")


def _in(h: Harness, number: str, ref: str) -> Task:
    return h.db.call(lambda s: s.query(Task).join(Notice, Notice.id == Task.notice_id)  # type: ignore[union-attr]
                     .filter(Notice.number == number, Task.item_ref == ref).one())


async def _two_notices(db_url: str, channel: str = "telegram") -> Harness:
    """II.2.c of 31/TB-VP (Ban Pháp chế, due 14/08) and of 40/TB-VP (Ban Kinh tế - Ngân sách, due 21/08): each head
    asks to move it, by the number as printed."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 7, 29, 9, 0)), channel=channel)  # a Wednesday
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    for day, notice in ((29, NOTICE), (30, SECOND)):
        h.clock.set(local(2026, 7, day, 9, 0))
        await h.say("admin", notice)
        if channel == "zalo":
            await h.say("admin", "xác nhận")
        else:
            await h.tap("admin", texts.BUTTON_CONFIRM)
    assert _in(h, "40/TB-VP", "II.2.c").due_on is not None
    h.clock.set(local(2026, 7, 31, 9, 0))
    await h.say("tb_pc", "xin gia hạn mục 2.3 đến 30/9 vì Sở Tư pháp chưa có danh mục")
    assert "II.2.c" in last_text(h, "tb_pc"), last_text(h, "tb_pc")
    await h.say("tb_ktns", "xin gia hạn mục 2.3 đến 25/9 vì các Sở chưa gửi ý kiến")
    assert "II.2.c" in last_text(h, "tb_ktns"), last_text(h, "tb_ktns")
    h.clock.set(local(2026, 8, 3, 9, 0))
    return h


async def test_a_number_waiting_in_two_notices_is_asked_and_a_button_decides(db_url: str) -> None:
    """"đồng ý gia hạn 2.3 đến 15/9" with II.2.c waiting in two notices got the list of every request waiting."""
    h = await _two_notices(db_url)
    try:
        await h.say("leader", "đồng ý gia hạn 2.3 đến 15/9")
        said = last_text(h, "leader")
        assert said.startswith("Ý đồng chí là đồng ý đề nghị gia hạn mục II.2.c") and " hay mục II.2.c" in said, said
        assert "31/TB-VP" in said and "40/TB-VP" in said and said.rstrip().endswith("?\nĐồng chí chọn đề nghị để "
                                                                                     "Nhắc việc ghi quyết định."), said
        assert _in(h, "31/TB-VP", "II.2.c").due_on.isoformat() == "2026-08-14"  # type: ignore[union-attr]
        await h.tap("leader", "Mục II.2.c (40/TB-VP)")
        assert str(_in(h, "40/TB-VP", "II.2.c").due_on) == "2026-09-15"  # the date he typed, not the one asked
        assert str(_in(h, "31/TB-VP", "II.2.c").due_on) == "2026-08-14"
        assert "15/09/2026" in "\n".join(texts_to(h, "tb_ktns")), texts_to(h, "tb_ktns")
    finally:
        await h.stop()


async def test_the_typed_choice_names_the_notice(db_url: str) -> None:
    """Where there are no buttons (Zalo), the choice is typed: the item and the notice number."""
    h = await _two_notices(db_url)
    try:
        await h.say("leader", "không đồng ý gia hạn 2.3")
        assert "Ý đồng chí là không đồng ý đề nghị gia hạn" in last_text(h, "leader"), last_text(h, "leader")
        await h.say("leader", "không đồng ý gia hạn II.2.c 31/TB-VP")
        said = last_text(h, "leader")
        assert "Ý đồng chí" not in said and "II.2.c" in said, said
        pc = _in(h, "31/TB-VP", "II.2.c").id
        decided = h.db.call(lambda s: [r.decision for r in s.query(StatusReport)  # type: ignore[union-attr]
                                       .filter(StatusReport.task_id == pc)])
        assert "rejected" in decided, decided
        await h.say("leader", "đồng ý gia hạn 2.3")  # only 40/TB-VP's waits now: decided as before
        assert str(_in(h, "40/TB-VP", "II.2.c").due_on) == "2026-09-25"
    finally:
        await h.stop()


async def test_a_refusal_with_its_own_date_keeps_it_on_the_button(db_url: str) -> None:
    """"không đồng ý gia hạn 2.3, phải xong trước 28/8": the button chosen refuses and sets 28/08, as typed."""
    h = await _two_notices(db_url)
    try:
        await h.say("leader", "không đồng ý gia hạn 2.3, phải xong trước 28/8")
        assert last_text(h, "leader").startswith("Ý đồng chí là không đồng ý đề nghị gia hạn"), last_text(h, "leader")
        await h.tap("leader", "Mục II.2.c (31/TB-VP)")
        said = last_text(h, "leader")
        assert "28/08/2026" in said and "Đã gia hạn" not in said, said
        assert str(_in(h, "31/TB-VP", "II.2.c").due_on) == "2026-08-28"
        assert str(_in(h, "40/TB-VP", "II.2.c").due_on) == "2026-08-21"
    finally:
        await h.stop()


async def test_on_zalo_the_choices_are_typed_with_the_notice_number(db_url: str) -> None:
    """Zalo has no buttons: each choice is the decision to type, the notice number after the item, the date kept."""
    h = await _two_notices(db_url, channel="zalo")
    try:
        await h.say("leader", "đồng ý gia hạn 2.3 đến 15/9")
        said = last_text(h, "leader")
        assert said.startswith("Ý đồng chí là đồng ý đề nghị gia hạn mục II.2.c"), said
        assert "“đồng ý gia hạn II.2.c 31/TB-VP đến 15/09” · “đồng ý gia hạn II.2.c 40/TB-VP đến 15/09”" in said, said
        await h.say("leader", "đồng ý gia hạn II.2.c 40/TB-VP đến 15/09")
        assert str(_in(h, "40/TB-VP", "II.2.c").due_on) == "2026-09-15"
        assert str(_in(h, "31/TB-VP", "II.2.c").due_on) == "2026-08-14"
        assert all(s.channel == "zalo" for s in h.sent)
    finally:
        await h.stop()


async def test_a_decision_typed_again_says_it_was_granted(db_url: str) -> None:
    """A second "đồng ý gia hạn II.2.c" after the grant: "Không có đề nghị gia hạn nào cho mục II.2.c đang chờ"."""
    h = await _two_notices(db_url)
    try:
        await h.say("leader", "đồng ý gia hạn II.2.c 40/TB-VP")
        assert str(_in(h, "40/TB-VP", "II.2.c").due_on) == "2026-09-25"
        h.clock.set(local(2026, 8, 4, 10, 0))
        await h.say("leader", "đồng ý gia hạn II.2.c 40/TB-VP")
        said = last_text(h, "leader")
        assert "Không có đề nghị" not in said, said
        assert said.startswith("Đã gia hạn: đề nghị gia hạn mục II.2.c của Ban Kinh tế - Ngân sách HĐND tỉnh "
                               "(Thông báo số 40/TB-VP"), said
        assert "đã được đồng chí đồng ý lúc 09:00 ngày 03/08/2026; thời hạn mới là 25/09/2026." in said, said
        assert "Nhắc việc không ghi thêm quyết định." in said and "gõ “đồng ý gia hạn II.2.c”" in said, said
    finally:
        await h.stop()


async def test_a_request_asked_in_time_is_recalled_without_overdue_days(db_url: str) -> None:
    """The recall to the leader of a request sent before the deadline, still undecided after it: "Thời hạn hiện
    tại: 14/08/2026 — đã quá hạn N ngày làm việc", though reports count it apart ("chưa tính quá hạn", rep36)."""
    h = await _two_notices(db_url)
    try:
        mark = len(h.sent)
        await h.advance_to(local(2026, 8, 25, 12, 0))
        recalls = [t for t in texts_to(h, "leader", mark) if t.startswith("Đề nghị gia hạn chờ đồng chí quyết định")
                   and "31/TB-VP" in t]
        assert recalls, texts_to(h, "leader", mark)
        assert all("đã quá hạn" not in t for t in recalls), recalls
        assert "14/08/2026 — đã qua hạn, nhưng đề nghị gia hạn gửi khi còn hạn, đang chờ đồng chí quyết định (chưa " \
               "tính quá hạn)." in recalls[-1], recalls[-1]
    finally:
        await h.stop()


async def test_a_stored_lone_paragraph_is_renamed_and_both_spellings_read(db_url: str) -> None:
    """Notices stored before the parser numbered a topic heading's only paragraph "II.1" keep "II.1 (đoạn 1)" in
    every digest, card and example (refs36 left it). Migration 0027 renames it where the notice has no other paragraph
    of the heading and no item under it; "II.1 (đoạn 1)" typed from an old message still finds it."""
    import sqlalchemy as sa

    from storage.db import make_engine, upgrade

    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 7, 29, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        old = {"II.1": "II.1 (đoạn 1)",  # a heading over one paragraph, as stored before
               "II.3.a": "II.3 (đoạn 1)", "II.3.b": "II.3 (đoạn 2)",  # two paragraphs: kept
               "II.4.a": "II.4 (đoạn 1)"}  # and II.4.b under the same heading: kept
        engine = make_engine(db_url)
        with engine.begin() as conn:
            for now, before in old.items():
                conn.execute(sa.text("UPDATE tasks SET item_ref = :b WHERE item_ref = :n"), {"b": before, "n": now})
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '0026'"))
        engine.dispose()
        upgrade(db_url)
        refs = h.db.call(lambda s: sorted({t.item_ref for t in s.query(Task)}))  # type: ignore[union-attr]
        assert "II.1" in refs and "II.1 (đoạn 1)" not in refs, refs
        assert {"II.3 (đoạn 1)", "II.3 (đoạn 2)", "II.4 (đoạn 1)", "II.4.b"} <= set(refs), refs
        engine = make_engine(db_url)
        with engine.begin() as conn:  # run again: nothing left to rename
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '0026'"))
        engine.dispose()
        upgrade(db_url)
        assert h.db.call(lambda s: sorted({t.item_ref for t in s.query(Task)})) == refs  # type: ignore[union-attr]
        await h.say("tb_pc", "II.1 (đoạn 1) đang làm 40%, đã gửi văn bản đôn đốc các Sở")
        said = last_text(h, "tb_pc")
        assert "II.1" in said and "đoạn" not in said and "Không có" not in said, said
        pc = h.db.call(lambda s: s.query(Person).filter_by(handle="tb_pc").one().id)  # type: ignore[union-attr]
        held = h.db.call(lambda s: s.query(Task).filter_by(item_ref="II.1", assignee_id=pc).one())  # type: ignore
        assert held.percent == 40
    finally:
        await h.stop()


async def test_a_refusal_naming_the_item_sets_the_date_it_says(db_url: str) -> None:
    """"không đồng ý gia hạn 2.3, phải xong trước 28/8": the item number after "gia hạn" was read as the date set by
    the refusal (2/3 of next year), and the comma hid the number."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 7, 29, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("tb_pc", "xin gia hạn mục 2.3 đến 30/9 vì Sở Tư pháp chưa có danh mục")
        h.clock.set(local(2026, 7, 30, 9, 0))
        await h.say("leader", "không đồng ý gia hạn 2.3, phải xong trước 28/8")
        said = last_text(h, "leader")
        assert "28/08/2026" in said and "2027" not in said, said
        assert str(_in(h, "31/TB-VP", "II.2.c").due_on) == "2026-08-28"
    finally:
        await h.stop()
