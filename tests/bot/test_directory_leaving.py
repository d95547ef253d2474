"""A cadre who leaves, the only leader who leaves, new people to invite (probe 10, P1, P6, P9): the open tasks a
person marked "đã nghỉ" held go back to the head of each task's lead unit (told, with where each task stands; the
import answer says so; audit `task.handover`), /loi never suggests inviting someone who left; an import that
leaves no leader says that weekly summaries and escalations reach nobody (and never that "lãnh đạo được báo");
the invite hint names the new people, /moi alone an example of this directory. Through the real
python-telegram-bot and the Bot API sandbox, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.audit import audit_entries
from storage.models import Person, Role
from tests.bot.test_directory_succession import held, last_text, texts_to
from tests.conftest import DIRECTORY_CSV, SEED_NOTICE, local

# The example directory and a second cadre of Ban Dân vận, given item 2 with /giao.
DIRECTORY = DIRECTORY_CSV.read_text(encoding="utf-8") + \
    "cadre2_bdv,Võ Thị Hai,Chuyên viên Ban Dân vận,Ban Dân vận Tỉnh ủy,cadre\n"
CADRE2 = "cadre2_bdv,Võ Thị Hai,Chuyên viên Ban Dân vận,Ban Dân vận Tỉnh ủy,cadre"
UNIT = "Ban Dân vận Tỉnh ủy"


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await h.send_file("admin", SEED_NOTICE)
    await h.say("admin", "2, 2.1, 3 hạn 15/3/2018")
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.say("head_bdv", "/giao 2 @cadre2_bdv")
    assert "Đã giao nhiệm vụ mục 2" in last_text(h, "head_bdv")
    await h.say("cadre2_bdv", "2 60% đang làm việc với các xã")
    yield h
    await h.stop()


async def send_directory(h: Harness, text: str) -> str:
    await h.send_file("admin", "danh-ba.csv", data=text.encode())
    return last_text(h, "admin")


async def test_a_cadre_who_left_gives_her_tasks_back_to_the_head_who_is_told(harness: Harness) -> None:
    h = harness
    assert h.db is not None
    assert held(h, "cadre2_bdv") == ["2"]
    mark = len(h.sent)
    reply = await send_directory(h, DIRECTORY.replace(CADRE2, CADRE2.removesuffix("cadre") + "đã nghỉ"))
    assert "Đ/c Võ Thị Hai đã nghỉ: Nhắc việc không gửi tin cho đồng chí nữa (lịch sử vẫn giữ)." in reply, reply
    assert f"1 nhiệm vụ do đ/c Võ Thị Hai phụ trách trả về đ/c Lê Văn Dân (trưởng {UNIT}): mục 2." in reply
    assert held(h, "cadre2_bdv") == [] and "2" in held(h, "head_bdv")

    told = texts_to(h, "head_bdv", mark)
    assert len(told) == 1, told
    assert "Đ/c Võ Thị Hai đã nghỉ theo danh bạ mới; 1 nhiệm vụ do đ/c Võ Thị Hai phụ trách trở về đồng chí" \
        in told[0]
    assert "• Mục 2 (" in told[0] and "60% — Đang thực hiện" in told[0] and \
        "/giao 2 <họ tên cán bộ> (gõ /giao để xem cán bộ của đơn vị)" in told[0]
    assert texts_to(h, "cadre2_bdv", mark) == []
    moved = [e for e in h.db.call(audit_entries) if e.action == "task.handover"]
    assert [(e.detail["previous"], e.detail["to"], e.detail["reason"]) for e in moved] == \
        [("cadre2_bdv", "head_bdv", "left")]

    await h.say("admin", "/loi")
    answer = last_text(h, "admin")
    assert "Võ Thị Hai" not in answer and "/moi" not in answer, answer
    await h.say("head_bdv", "/viec")
    assert "Mục 2:" in last_text(h, "head_bdv")


async def test_a_cadre_moved_to_another_unit_gives_her_former_units_tasks_back(harness: Harness) -> None:
    """The file moves the cadre to another unit: item 2 of Ban Dân vận, handed to her with /giao, goes back to the
    Ban's head (told), not with her to her new unit."""
    h = harness
    assert h.db is not None
    mark = len(h.sent)
    moved = DIRECTORY.replace(CADRE2, "cadre2_bdv,Võ Thị Hai,Chuyên viên,Sở Tài nguyên và Môi trường,cadre")
    reply = await send_directory(h, moved)
    assert (f"Đ/c Võ Thị Hai chuyển khỏi {UNIT}: 1 nhiệm vụ do đ/c Võ Thị Hai phụ trách trả về đ/c Lê Văn Dân "
            f"(trưởng {UNIT}): mục 2.") in reply, reply
    assert held(h, "cadre2_bdv") == [] and "2" in held(h, "head_bdv")
    [told] = texts_to(h, "head_bdv", mark)
    assert "Đ/c Võ Thị Hai đã chuyển sang đơn vị khác theo danh bạ mới; 1 nhiệm vụ" in told, told
    reasons = [e.detail["reason"] for e in h.db.call(audit_entries) if e.action == "task.handover"]
    assert reasons == ["moved"]


async def test_a_cadre_who_left_with_no_head_in_her_unit_leaves_the_task_waiting(harness: Harness) -> None:
    h = harness
    gone = DIRECTORY.replace(CADRE2, CADRE2.removesuffix("cadre") + "nghỉ hưu") \
        .replace("Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,head", "Chuyên viên,Ban Dân vận Tỉnh ủy,cadre")
    reply = await send_directory(h, gone)
    assert "1 nhiệm vụ do đ/c Võ Thị Hai phụ trách nay chưa có người nhận (mục 2): Ban Dân vận Tỉnh ủy chưa có " \
        "trưởng đơn vị trong danh bạ." in reply, reply
    assert "lãnh đạo được báo" in reply  # the directory has a leader
    assert "không còn lãnh đạo" not in reply
    assert "2" in held(h, None)
    await h.say("admin", "/loi")
    answer = last_text(h, "admin")
    assert "mục 2" in answer.split("Nhiệm vụ chưa có người nhận")[1] and "Võ Thị Hai" not in answer, answer


async def test_a_task_still_held_by_someone_marked_left_before_is_never_an_invite_and_returns_at_the_next_import(
        harness: Harness) -> None:
    h = harness
    assert h.db is not None
    # as a database from before this rule: marked as left, the task still hers, no chat
    h.db.call(lambda s: s.execute(update(Person).where(Person.handle == "cadre2_bdv")
                                  .values(role=Role.LEFT, telegram_chat_id=None, zalo_user_id=None)))
    await h.say("admin", "/loi")
    answer = last_text(h, "admin")
    assert "Người nhận chưa kết nối" not in answer and "/moi" not in answer, answer
    assert "Nhiệm vụ chưa có người nhận, chưa ai được nhắc (1):" in answer
    mark = len(h.sent)
    reply = await send_directory(h, DIRECTORY.replace(CADRE2, CADRE2.removesuffix("cadre") + "đã nghỉ"))
    assert f"Đ/c Võ Thị Hai đã nghỉ: 1 nhiệm vụ do đ/c Võ Thị Hai phụ trách trả về đ/c Lê Văn Dân (trưởng {UNIT})" \
        in reply, reply
    assert "2" in held(h, "head_bdv")
    assert len(texts_to(h, "head_bdv", mark)) == 1


async def test_an_import_that_leaves_no_leader_says_so(harness: Harness) -> None:
    h = harness
    no_leader = DIRECTORY.replace("Thường trực Tỉnh ủy,leader", "Thường trực Tỉnh ủy,đã chuyển công tác") \
        .replace("Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,head", "Nghỉ hưu,Ban Dân vận Tỉnh ủy,đã nghỉ")
    reply = await send_directory(h, no_leader)
    assert "Danh bạ không còn lãnh đạo nào: báo cáo tuần và việc quá hạn cần chỉ đạo sẽ không có người nhận; đồng " \
        "chí bổ sung lãnh đạo" in reply, reply
    assert f"của {UNIT} do đ/c Lê Văn Dân giữ nay chưa có người nhận" in reply
    assert "lãnh đạo được báo" not in reply
    reply = await send_directory(h, DIRECTORY)  # the leader back (a new one would do the same)
    assert "lãnh đạo nào" not in reply, reply


async def test_the_invite_hint_names_the_new_people_and_moi_alone_an_example_of_this_directory(
        harness: Harness) -> None:
    h = harness
    await h.say("admin", "/moi")
    assert "ví dụ: /moi leader hoặc /moi Huỳnh Thanh Cảnh" in last_text(h, "admin"), last_text(h, "admin")
    reply = await send_directory(h, DIRECTORY + "cadre3_bdv,Đinh Văn Ba,Chuyên viên,Ban Dân vận Tỉnh ủy,cadre\n")
    assert reply.endswith("Để mời đ/c Đinh Văn Ba sử dụng Nhắc việc, đồng chí gõ /moi cadre3_bdv."), reply
    await h.say("admin", "/moi")
    assert "ví dụ: /moi cadre3_bdv hoặc /moi Đinh Văn Ba" in last_text(h, "admin"), last_text(h, "admin")
    two = DIRECTORY + "cadre4_bdv,Lý Thị Tư,Chuyên viên,Ban Dân vận Tỉnh ủy,cadre\n" \
        "cadre5_bdv,Mai Văn Năm,Chuyên viên,Ban Dân vận Tỉnh ủy,cadre\n" \
        "cadre6_bdv,Hồ Văn Sáu,Chuyên viên,Ban Dân vận Tỉnh ủy,đã nghỉ\n"
    reply = await send_directory(h, two)
    assert reply.endswith("Để mời 2 cán bộ mới sử dụng Nhắc việc, đồng chí gõ /moi kèm mã từng người: "
                          "/moi cadre4_bdv; /moi cadre5_bdv."), reply


def test_the_doctor_flags_a_directory_without_a_leader(migrated_db, db_url: str) -> None:  # type: ignore[no-untyped-def]
    from bot.doctor import check_leaders
    from storage.directory import import_directory, parse_directory

    assert check_leaders(db_url) is None, "no directory yet: nothing to say"
    now = local(2018, 2, 26, 9, 0)
    migrated_db.call(import_directory, parse_directory(DIRECTORY), now=now)
    assert check_leaders(db_url) is None
    gone = DIRECTORY.replace("Thường trực Tỉnh ủy,leader", "Thường trực Tỉnh ủy,đã nghỉ")
    migrated_db.call(import_directory, parse_directory(gone), now=now)
    check = check_leaders(db_url)
    assert check is not None and not check.ok
    assert check.line().startswith("✗ Danh bạ không có lãnh đạo nào: báo cáo tuần và nhiệm vụ quá hạn cần chỉ đạo "
                                   "không có người nhận."), check.line()
