"""People who leave or change jobs, told to the bot by the directory file (probe 9, finding 4): a unit's new head
takes the open tasks its former head held as head (told, with "đã quá hạn" for late ones; the former head told
once to whom; the pending morning lines moved; the audit log keeps it), tasks the former head handed to a cadre
stay with the cadre; a person marked "đã nghỉ" hears nothing more and their tasks wait for a new head; people the
file leaves out are named, never deleted. Through the real python-telegram-bot and the Bot API sandbox, on SQLite
and on PostgreSQL."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from scheduler.dispatcher import plan_digests
from storage.audit import audit_entries
from storage.directory import export_directory, file_digest, imported_before, parse_directory, person_by_handle
from storage.models import Digest, DigestState, Person
from tests.bot.conftest import held, texts_to
from tests.conftest import DIRECTORY_CSV, SEED_NOTICE, local

# The example directory and a second cadre of Ban Dân vận (who will keep a task handed to her with /giao).
DIRECTORY = DIRECTORY_CSV.read_bytes() + "cadre2_bdv,Võ Thị Hai,Chuyên viên Ban Dân vận,Ban Dân vận Tỉnh ủy,cadre\n" \
    .encode()
HEADER = "handle,full_name,title,unit,role\n"
DEMOTE = "head_bdv,Lê Văn Dân,Chuyên viên,Ban Dân vận Tỉnh ủy,chuyên viên\n"
PROMOTE = "cadre_bdv,Phạm Thị Vận,Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,Trưởng đơn vị\n"
UNIT = "Ban Dân vận Tỉnh ủy"


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY, enroll_all=True)
    await h.send_file("admin", SEED_NOTICE)
    await h.say("admin", "2, 2.1, 3 hạn 15/3/2018")
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.say("head_bdv", "/giao 2 @cadre2_bdv")
    assert "Đã giao nhiệm vụ mục 2" in last_text(h, "head_bdv")
    yield h
    await h.stop()


def last_text(h: Harness, handle: str) -> str:
    return next((s.text for s in reversed(h.sent) if s.to == handle), "")






async def send_directory(h: Harness, text: str, name: str = "danh-ba.csv") -> str:
    await h.send_file("admin", name, data=text.encode())
    return last_text(h, "admin")


async def test_a_new_head_in_the_same_file_takes_the_former_heads_tasks(harness: Harness) -> None:
    h = harness
    assert h.db is not None
    former = held(h, "head_bdv")
    assert len(former) == 12 and "2" not in former and held(h, "cadre2_bdv") == ["2"]
    # the morning of 20/03/2018 is planned (the deadlines of 15/03 are past: 3 working days late, a day with an
    # overdue line) but not yet sent; the admin sends the file at 07:45, in working hours (a copy to a third person
    # before 07:30 would wait for the morning: session 25, held messages)
    h.clock.set(local(2018, 3, 20, 7, 45))
    policy = h.conversation.ctx.policy  # type: ignore[union-attr]
    assert h.db.call(plan_digests, policy=policy, today=local(2018, 3, 20).date(), now=h.clock.now()) > 0
    head_id = h.db.call(lambda s: person_by_handle(s, "head_bdv").id)
    assert h.db.call(lambda s: s.scalar(select(Digest.items).where(Digest.person_id == head_id)))

    mark = len(h.sent)
    reply = await send_directory(h, HEADER + DEMOTE + PROMOTE)
    assert f"Chuyển 12 nhiệm vụ của {UNIT} từ đ/c Lê Văn Dân sang đ/c Phạm Thị Vận (mục " in reply, reply
    assert held(h, "cadre_bdv") == former and held(h, "head_bdv") == []
    assert held(h, "cadre2_bdv") == ["2"], "a task the former head handed to a cadre stays with her"

    told_new = texts_to(h, "cadre_bdv", mark)
    assert len(told_new) == 1 and "Đồng chí được giao chủ trì 12 nhiệm vụ theo thông báo" in told_new[0]
    assert "đã quá hạn, đề nghị khẩn trương thực hiện" in told_new[0]
    told_former = texts_to(h, "head_bdv", mark)
    assert len(told_former) == 1, told_former
    assert f"12 nhiệm vụ của {UNIT} đồng chí giữ với tư cách trưởng đơn vị" in told_former[0]
    assert "đã được chuyển cho đ/c Phạm Thị Vận, trưởng đơn vị mới" in told_former[0]

    handovers = [e for e in h.db.call(audit_entries) if e.action == "task.handover"]
    assert len(handovers) == 12
    assert {(e.detail["previous"], e.detail["to"]) for e in handovers} == {("head_bdv", "cadre_bdv")}
    # this morning's lines moved with the tasks: the former head's planned digest no longer names them
    digests = h.db.call(lambda s: {d.person.handle: (d.state, [i.get("task_id") for i in d.items])
                                   for d in s.scalars(select(Digest))})
    assert all(t is None for t in digests["head_bdv"][1]), digests["head_bdv"]
    assert digests["cadre_bdv"][0] == DigestState.PENDING and len(digests["cadre_bdv"][1]) == 2  # 2.1 and 3

    mark = len(h.sent)
    await h.advance_to(local(2018, 3, 28, 10, 0))
    assert texts_to(h, "head_bdv", mark) == [], "the former head hears nothing more of these tasks"
    assert any("2.1" in t and "quá hạn" in t for t in texts_to(h, "cadre_bdv", mark))


async def test_the_successor_imported_after_the_former_head_was_demoted_gets_the_tasks(harness: Harness) -> None:
    h = harness
    former = held(h, "head_bdv")
    mark = len(h.sent)
    reply = await send_directory(h, HEADER + DEMOTE)
    assert f"12 nhiệm vụ của {UNIT} do đ/c Lê Văn Dân giữ nay chưa có người nhận (mục " in reply, reply
    assert "Tệp chỉ có 1 trong 5 cán bộ đang có trong Nhắc việc; 4 cán bộ không có trong tệp vẫn giữ nguyên" in reply
    assert held(h, None) == former and held(h, "cadre2_bdv") == ["2"]
    told = texts_to(h, "head_bdv", mark)
    assert len(told) == 1 and "được chuyển cho trưởng đơn vị mới khi có trong danh bạ" in told[0]
    await h.say("admin", "/loi")
    assert f"Nhiệm vụ chưa có người nhận, chưa ai được nhắc (12):\n• {UNIT}: mục " in last_text(h, "admin")

    mark = len(h.sent)
    reply = await send_directory(h, HEADER + PROMOTE)
    assert f"Chuyển 12 nhiệm vụ của {UNIT} từ đ/c Lê Văn Dân sang đ/c Phạm Thị Vận (mục " in reply, reply
    assert "trước đây chưa có người nhận" not in reply
    assert held(h, "cadre_bdv") == former
    assert "đã quá hạn" not in texts_to(h, "cadre_bdv", mark)[0]  # 26/02/2018: nothing late yet
    told = texts_to(h, "head_bdv", mark)
    assert len(told) == 1 and "đã được chuyển cho đ/c Phạm Thị Vận, trưởng đơn vị mới" in told[0]


async def test_a_person_who_left_hears_nothing_and_their_tasks_wait_for_a_new_head(harness: Harness) -> None:
    h = harness
    assert h.db is not None
    former = held(h, "head_bdv")
    everyone = DIRECTORY.decode().replace("Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,head",
                                          "Nghỉ hưu từ 01/3/2018,Ban Dân vận Tỉnh ủy,Đã nghỉ")
    mark = len(h.sent)
    reply = await send_directory(h, everyone)
    assert "Đ/c Lê Văn Dân đã nghỉ: Nhắc việc không gửi tin cho đồng chí nữa (lịch sử vẫn giữ)." in reply, reply
    assert f"12 nhiệm vụ của {UNIT} do đ/c Lê Văn Dân giữ nay chưa có người nhận" in reply
    assert "không có trong tệp" not in reply
    assert texts_to(h, "head_bdv", mark) == []
    person = h.db.call(person_by_handle, "head_bdv")
    assert (person.role, person.telegram_chat_id, person.zalo_user_id) == ("left", None, None)
    assert held(h, None) == former and held(h, "cadre2_bdv") == ["2"]
    assert [e.detail["handle"] for e in h.db.call(audit_entries) if e.action == "person.left"] == ["head_bdv"]

    await h.say("admin", "/moi head_bdv")
    assert "Đ/c Lê Văn Dân (head_bdv) đã nghỉ theo danh bạ nên không mời được." in last_text(h, "admin")
    await h.say("head_bdv", "/viec")  # the chat is no longer theirs
    assert "Lê Văn Dân đang phụ trách" not in last_text(h, "head_bdv")
    # the export writes the role as the office does, and reads back the same
    data, _ = h.db.call(export_directory, xlsx=True, now=h.clock.now())
    rows = {r["handle"]: r["role"] for r in parse_directory(data, "danh-ba.xlsx")}
    assert rows["head_bdv"] == "left"
    mark = len(h.sent)
    reply = await send_directory(h, everyone.replace("cadre_bdv,Phạm Thị Vận,Chuyên viên Ban Dân vận,"
                                                     "Ban Dân vận Tỉnh ủy,cadre", PROMOTE.strip()))
    assert "đã nghỉ" not in reply, "told once"
    assert held(h, "cadre_bdv") == former
    assert texts_to(h, "head_bdv", mark) == []


async def test_people_the_file_leaves_out_are_named_and_kept(harness: Harness) -> None:
    h = harness
    assert h.db is not None
    without = "\n".join(line for line in DIRECTORY.decode().splitlines() if not line.startswith("cadre2_bdv")) + "\n"
    reply = await send_directory(h, without)
    assert "1 cán bộ có trong Nhắc việc nhưng không có trong tệp: đ/c Võ Thị Hai (mã cadre2_bdv) — vẫn giữ " \
        "nguyên; nếu đồng chí nào đã nghỉ hoặc chuyển công tác, đồng chí ghi dòng của người đó với vai trò “đã " \
        "nghỉ”" in reply, reply
    assert h.db.call(lambda s: s.scalar(select(Person.role).where(Person.handle == "cadre2_bdv"))) == "cadre"
    assert held(h, "cadre2_bdv") == ["2"]


async def test_a_successor_who_joins_later_is_shown_what_she_holds_and_no_stale_digests(harness: Harness) -> None:
    """A new head who had no chat when the file handed her the tasks: opening her invite shows them at once (as
    /viec does), and the next morning brings one digest, not one for every day she could not be reached."""
    h = harness
    newcomer = "head_bdv2,Đỗ Thị Mới,Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,head\n"
    reply = await send_directory(h, HEADER + DEMOTE + newcomer)
    assert "sang đ/c Đỗ Thị Mới" in reply and len(held(h, "head_bdv2")) == 12
    await h.advance_to(local(2018, 3, 22, 9, 0))  # a week of mornings she cannot be reached
    await h.say("admin", "/moi head_bdv2")
    mark = len(h.sent)
    await h.open_invite("head_bdv2")
    joined = texts_to(h, "head_bdv2", mark)
    assert len(joined) == 2 and joined[0].startswith("Kính chào đồng chí Đỗ Thị Mới")
    # none of the twelve reported on yet: the assignment she missed, naming the notice (probe 20 F16)
    assert joined[1].startswith("Kính gửi đồng chí Đỗ Thị Mới,\nĐồng chí được giao chủ trì 12 nhiệm vụ theo "
                                "thông báo"), joined[1]
    assert "• Mục 2.1: " in joined[1] and "đã quá hạn, đề nghị khẩn trương thực hiện" in joined[1]
    mark = len(h.sent)
    await h.advance_to(local(2018, 3, 23, 9, 0))
    morning = texts_to(h, "head_bdv2", mark)
    assert len(morning) == 1 and "23/03/2018" in morning[0], morning


async def test_a_successor_taking_over_work_in_progress_is_shown_where_each_stands(harness: Harness) -> None:
    """Work already reported on is not a fresh assignment: the successor gets the /viec list, with each task's
    state, not "Đồng chí được giao chủ trì …"."""
    h = harness
    await h.say("head_bdv", "2.1 50% đang rà soát")
    newcomer = "head_bdv2,Đỗ Thị Mới,Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,head\n"
    await send_directory(h, HEADER + DEMOTE + newcomer)
    await h.say("admin", "/moi head_bdv2")
    mark = len(h.sent)
    await h.open_invite("head_bdv2")
    joined = texts_to(h, "head_bdv2", mark)
    assert len(joined) == 2 and joined[1].startswith("Nhiệm vụ đồng chí Đỗ Thị Mới đang phụ trách (12)"), joined
    assert "50%" in joined[1]


async def test_a_chat_that_opens_another_persons_invite_is_told_what_stops_coming(harness: Harness) -> None:
    """One person holding two posts (two directory rows): opening the second row's invite from the chat of the
    first moves the chat (one chat, one person) — said, with what to do, not done silently (probe 14)."""
    h = harness
    await h.say("admin", "/moi cadre2_bdv")
    code = re.search(r"\(cadre2_bdv\): (\S+)", last_text(h, "admin"))
    assert code is not None
    mark = len(h.sent)
    await h.say("cadre_bdv", f"/start {code.group(1)}")
    said = texts_to(h, "cadre_bdv", mark)
    assert said[0].startswith("Kính chào đồng chí Võ Thị Hai"), said
    assert any(t.startswith("Lưu ý: tài khoản này trước đây nhận nhắc việc của đ/c Phạm Thị Vận (cadre_bdv, Ban Dân "
                            "vận Tỉnh ủy).") and "một dòng nữa dưới mã cán bộ của đồng chí" in t for t in said), said


async def test_the_counts_of_a_file_that_lists_the_admin_who_sends_it_add_up(harness: Harness) -> None:
    """The admin sends a short file with their own row and a newcomer: the one person already stored is the admin,
    counted both in "đã có" and in the people the file has of those stored (not "1 đã có" beside "0 trong 5")."""
    h = harness
    admin = DIRECTORY_CSV.read_text(encoding="utf-8").splitlines()[1].replace("Chuyên viên Văn phòng Tỉnh ủy,",
                                                                             "Chánh Văn phòng Tỉnh ủy,")
    data = HEADER + admin + "\n" + "cv_moi,Lê Thị Mới,Chuyên viên,Ban Dân vận Tỉnh ủy,cadre\n"
    assert h.db is not None and h.db.call(imported_before, file_digest(data.encode())) is None
    reply = await send_directory(h, data)
    # the chat's import is known by its content (`directory import --if-changed` skips it)
    assert h.db.call(imported_before, file_digest(data.encode())) is not None
    lines = reply.splitlines()
    assert lines[0] == "Đã nhập danh bạ: 0 đơn vị mới, 1 cán bộ mới, 1 cán bộ đã có (1 có thay đổi).", reply
    assert lines[1] == ("Thay đổi: đ/c Nguyễn Thị Quản (mã admin): chức vụ “Chuyên viên Văn phòng Tỉnh ủy” → "
                        "“Chánh Văn phòng Tỉnh ủy”.")
    assert lines[2].startswith("Tệp chỉ có 1 trong 6 cán bộ đang có trong Nhắc việc; 5 cán bộ không có trong tệp "
                               "vẫn giữ nguyên;"), reply
    assert lines[-1] == "Để mời đ/c Lê Thị Mới sử dụng Nhắc việc, đồng chí gõ /moi cv_moi."


async def test_an_old_file_sent_again_says_by_name_whom_it_brings_back_from_left(harness: Harness) -> None:
    h = harness
    old = DIRECTORY.decode()
    cadre2 = next(line for line in old.splitlines() if line.startswith("cadre2_bdv,"))
    reply = await send_directory(h, old.replace(cadre2, cadre2.removesuffix("cadre") + "đã nghỉ"))
    assert "Đ/c Võ Thị Hai đã nghỉ" in reply, reply
    reply = await send_directory(h, old)  # the file from before: she is active again, and the admin is told who
    assert "Thay đổi: đ/c Võ Thị Hai (mã cadre2_bdv): vai trò “đã nghỉ” → “chuyên viên”." in reply, reply
    assert ("Đ/c Võ Thị Hai (mã cadre2_bdv) đã được ghi là đã nghỉ, nay tệp ghi lại đang công tác: Nhắc việc gửi "
            "tin cho đồng chí ấy trở lại. Nếu đồng chí ấy vẫn nghỉ (tệp cũ), đồng chí ghi lại vai trò “đã nghỉ” rồi "
            "nhập lại; nếu đúng, đồng chí gõ /moi cadre2_bdv để mời kết nối lại.") in reply, reply
