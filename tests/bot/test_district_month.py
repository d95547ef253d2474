"""A district's month of one urging letter (probe 15): the commune chairs acknowledge, report without item numbers,
ask for more time; the chairman grants a shorter extension in his own words and directs one chair by her given
name; a supporting centre reports its part without the word "phối hợp". Each is read as the person meant it.
Through the real python-telegram-bot and the Bot API sandbox, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import StatusReport, Task
from storage.unitnames import mentions
from tests.bot.conftest import texts_to
from tests.conftest import local

DIRECTORY = """handle,full_name,title,unit,role
vanthu,Nguyễn Thị Thu Hằng,Chuyên viên Văn phòng HĐND và UBND huyện,Văn phòng HĐND và UBND huyện,admin
chutich,Hoàng Văn Quyết,Chủ tịch UBND huyện,Thường trực UBND huyện,leader
tp_nn,Thân Văn Lực,Trưởng phòng Nông nghiệp và PTNT,Phòng Nông nghiệp và PTNT,head
gd_vhtt,Dương Thị Mai,Giám đốc Trung tâm VH-TT-TT,Trung tâm Văn hóa - Thông tin và Thể thao huyện,head
ct_caoxa,Giáp Văn Sơn,Chủ tịch UBND xã Cao Xá,UBND xã Cao Xá,head
ct_lamcot,Thân Thị Nga,Chủ tịch UBND xã Lam Cốt,UBND xã Lam Cốt,head
ct_phuchoa,Nguyễn Văn Dũng,Chủ tịch UBND xã Phúc Hòa,UBND xã Phúc Hòa,head
""".encode()
NOTICE = """ỦY BAN NHÂN DÂN HUYỆN TÂN YÊN
Số: 2456/UBND-NN
Tân Yên, ngày 01 tháng 12 năm 2026
V/v tăng cường phòng chống rét cho cây trồng, vật nuôi

Chủ tịch UBND huyện yêu cầu:
1. UBND các xã, thị trấn triển khai thực hiện nghiêm túc việc chủ động phòng chống đói, rét cho đàn vật nuôi; khi \
có thiệt hại cần nhanh chóng kiểm tra, xác minh và hướng dẫn người dân khắc phục.
2. UBND các xã, thị trấn báo cáo tình hình thiệt hại do rét gây ra về UBND huyện (qua Phòng Nông nghiệp và PTNT) \
trước ngày 15/12/2026.
3. Phòng Nông nghiệp và PTNT chủ trì, phối hợp Trung tâm Văn hóa - Thông tin và Thể thao huyện tuyên truyền biện \
pháp phòng chống rét cho cây trồng, vật nuôi.

CHỦ TỊCH
Hoàng Văn Quyết
""".encode()


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 1, 9, 0)))
    await h.start(directory_csv=DIRECTORY, enroll_all=True)
    await h.send_file("vanthu", "cv-2456.txt", data=NOTICE)
    preview = texts_to(h, "vanthu")[-1]
    assert "UBND các xã, thị trấn" in preview and "mỗi đơn vị một nhiệm vụ" in preview, preview
    await h.tap("vanthu", texts.BUTTON_CONFIRM)
    yield h
    await h.stop()




def task_of(h: Harness, ref: str, unit: str) -> Task:
    assert h.db is not None
    return h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == ref)).all()
                     and next(t for t in s.scalars(select(Task).where(Task.item_ref == ref)) if t.lead_name == unit))


def reports(h: Harness) -> int:
    assert h.db is not None
    return h.db.call(lambda s: len(s.scalars(select(StatusReport.id)).all()))


async def test_a_commune_group_leaves_out_no_district_office(db_url: str) -> None:
    async with Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 1, 9, 0))) as h:
        await h.start(directory_csv=DIRECTORY, enroll_all=True)
        await h.send_file("vanthu", "cv-2456.txt", data=NOTICE)
        preview = texts_to(h, "vanthu")[-1]
        assert "không gồm" not in preview, preview


async def test_thanks_under_the_assignment_is_not_a_report(harness: Harness) -> None:
    h = harness
    before, mark = reports(h), len(h.sent)
    await h.reply("ct_caoxa", "Dạ em nhận nhiệm vụ ạ")  # one line back (month probe 27, F9), nothing recorded
    assert texts_to(h, "ct_caoxa", mark) == ["Nhắc việc đã ghi nhận, cảm ơn đồng chí."] and reports(h) == before
    mark = len(h.sent)
    await h.reply("ct_caoxa", "Dạ em nhận, xã đang triển khai rồi ạ")  # a state said with it: which task?
    asked = texts_to(h, "ct_caoxa", mark)
    assert len(asked) == 1 and "là của nhiệm vụ nào?" in asked[0], asked


async def test_a_report_said_sent_without_a_number_goes_to_the_task_that_is_a_report(harness: Harness) -> None:
    h = harness
    h.clock.set(local(2026, 12, 10, 8, 30))
    mark = len(h.sent)
    await h.say("ct_phuchoa", "bao cao roi nhe")
    said = texts_to(h, "ct_phuchoa", mark)
    assert len(said) == 1 and said[0].startswith("Đã cập nhật: mục 2 — Hoàn thành"), said
    assert task_of(h, "2", "UBND xã Phúc Hòa").status == "done"
    assert task_of(h, "1", "UBND xã Phúc Hòa").status == "open"


async def test_a_shorter_date_in_the_leaders_consent_is_the_date_granted(harness: Harness) -> None:
    h = harness
    h.clock.set(local(2026, 12, 8, 9, 0))
    await h.say("ct_lamcot", "xin gia hạn mục 2 đến 20/12, xã đang chờ các thôn thống kê")
    assert "đề nghị gia hạn đến: 20/12/2026" in (h.last_with_button("chutich", "Đồng ý gia hạn").text or "")
    mark = len(h.sent)
    await h.reply("chutich", "Đồng ý, nhưng chậm nhất 18/12")
    assert task_of(h, "2", "UBND xã Lam Cốt").due_on == dt.date(2026, 12, 18)
    told = texts_to(h, "ct_lamcot", mark)
    assert any("đến 18/12/2026 (đồng chí đề nghị đến 20/12/2026)" in t for t in told), told


async def test_a_supporting_unit_reports_its_part_with_the_item_number_alone(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("gd_vhtt", "3 đã phát 5 tin bài trên đài huyện về phòng chống rét")
    assert any("Đã ghi nhận báo cáo phối hợp" in t for t in texts_to(h, "gd_vhtt", mark)), texts_to(h, "gd_vhtt")
    assert any("đã phát 5 tin bài" in t for t in texts_to(h, "tp_nn", mark))
    assert task_of(h, "3", "Phòng Nông nghiệp và PTNT").status == "open"
    mark = len(h.sent)
    await h.say("gd_vhtt", "3 làm thế nào?")  # a question is not a report of its part
    assert not any("Đã ghi nhận" in t for t in texts_to(h, "gd_vhtt", mark))


async def test_a_direction_naming_a_chair_by_her_given_name_reaches_her_alone(harness: Harness) -> None:
    h = harness
    h.clock.set(local(2026, 12, 16, 9, 0))
    mark = len(h.sent)
    await h.say("chutich", "Đề nghị đồng chí Nga khẩn trương hoàn thành mục 2, báo cáo trước 18/12")
    assert any("Đề nghị đồng chí Nga" in t for t in texts_to(h, "ct_lamcot", mark))
    assert texts_to(h, "ct_phuchoa", mark) == [] and texts_to(h, "ct_caoxa", mark) == []


async def test_a_direction_asking_for_a_report_goes_to_the_units_report_not_its_other_tasks(harness: Harness) -> None:
    """Probe 19: a report asked for ("nhắc … gửi báo cáo tháng 5") named no item and went out on every task of the
    unit; it is about the unit's reporting duty (item 2 here), not item 1."""
    h = harness
    mark = len(h.sent)
    await h.say("chutich", "nhắc UBND xã Cao Xá gửi báo cáo thiệt hại")
    told = texts_to(h, "ct_caoxa", mark)
    assert len(told) == 1 and "về nhiệm vụ mục 2 (" in told[0], told
    mark = len(h.sent)
    await h.say("chutich", "nhắc UBND xã Cao Xá")  # a plain nudge: every open task of the unit
    assert "về nhiệm vụ mục 1, 2 (" in texts_to(h, "ct_caoxa", mark)[0]


@pytest.mark.parametrize(("text", "named"), [
    ("Đề nghị đồng chí Nga khẩn trương báo cáo", True),
    ("đề nghị đ/c Nga khẩn trương", True),
    ("chị Nga báo cáo ngay nhé", True),
    ("Đề nghị đồng chí khẩn trương báo cáo", False),
    ("Đề nghị đồng chí Ngà khẩn trương", True),  # marks aside, as every name is compared
    ("Đề nghị các đồng chí khẩn trương, Nga ơi", False),  # a given name alone is too short to trust
])
def test_a_person_is_named_by_the_given_name_after_a_form_of_address(text: str, named: bool) -> None:
    assert mentions(text, "UBND xã Lam Cốt", "Thân Thị Nga") is named


TWO_TASKS = """ỦY BAN NHÂN DÂN HUYỆN TÂN YÊN
Số: 2470/UBND-NN
Tân Yên, ngày 01 tháng 12 năm 2026
V/v khắc phục thiệt hại do rét

1. Phòng Nông nghiệp và PTNT rà soát diện tích lúa, hoa màu bị ảnh hưởng, hoàn thành trước ngày 11/12/2026.
2. Phòng Nông nghiệp và PTNT xây dựng phương án hỗ trợ giống cho nông dân, hoàn thành trước ngày 29/01/2027.

CHỦ TỊCH
Hoàng Văn Quyết
""".encode()


async def test_a_report_said_sent_without_a_number_is_about_what_the_last_digest_listed(db_url: str) -> None:
    async with Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 1, 9, 0))) as h:
        await h.start(directory_csv=DIRECTORY, enroll_all=True)
        await h.send_file("vanthu", "cv-2470.txt", data=TWO_TASKS)
        await h.tap("vanthu", texts.BUTTON_CONFIRM)
        mark = len(h.sent)
        await h.say("tp_nn", "đã gửi báo cáo rồi")  # no digest yet: which task?
        assert "là của nhiệm vụ nào?" in texts_to(h, "tp_nn", mark)[0]
        mark = len(h.sent)
        await h.advance_to(local(2026, 12, 9, 9, 0))  # the digest of 08/12 lists item 1 only (due 11/12)
        digests = [t for t in texts_to(h, "tp_nn", mark) if "Nhắc việc" in t]
        assert digests and "Mục 1" in digests[-1] and "Mục 2" not in digests[-1], digests
        mark = len(h.sent)
        await h.say("tp_nn", "đã gửi báo cáo rồi")
        said = texts_to(h, "tp_nn", mark)
        assert len(said) == 1 and said[0].startswith("Đã cập nhật: mục 1 — Hoàn thành"), said


async def test_a_leaders_question_about_one_unit_tells_each_of_its_tasks(harness: Harness) -> None:
    h = harness
    h.clock.set(local(2026, 12, 17, 9, 0))
    await h.say("ct_lamcot", "2 đã gửi báo cáo")  # two working days late
    await h.say("ct_lamcot", "1 đang làm 70%, vướng kinh phí mua hóa chất")
    mark = len(h.sent)
    await h.say("chutich", "tình hình xã Lam Cốt thế nào?")
    answer = texts_to(h, "chutich", mark)[0]
    assert "Phạm vi: đơn vị UBND xã Lam Cốt" in answer and "\n\nTừng nhiệm vụ:\n" in answer, answer
    assert "• Mục 1: " in answer and "— 70% — Vướng mắc" in answer, answer
    assert "— hoàn thành 17/12/2026, chậm 2 ngày làm việc" in answer, answer
    assert "vướng kinh phí mua hóa chất" in answer, answer


@pytest.mark.parametrize(("text", "thanks"), [
    ("Dạ em nhận nhiệm vụ ạ", True),
    ("Em xin tiếp thu ý kiến chỉ đạo ạ", True),
    ("ok cảm ơn đồng chí", True),
    ("👍", True),
    ("Dạ em cảm ơn Văn phòng, em nhận nhiệm vụ ạ", True),  # probe 16: asked which task
    ("ok, cảm ơn văn phòng", True),  # probe 16: stored as a progress note
    ("Dạ vâng, cảm ơn Văn phòng đã nhắc ạ", True),  # a reminder given is thanked for, not asked for again
    ("Đã nhận, Công an tỉnh triển khai ngay", True),  # taken on and promised (probe 17: asked which of 4 tasks)
    ("Dạ em nhận, sẽ triển khai thực hiện nghiêm túc ạ", True),
    ("da nhan, phong se trien khai", True),  # probe 19 (Zalo, no marks): a 3,163-character "which task?"
    ("Đã nhận, phòng sẽ triển khai", True),
    ("đã nhận, sẽ triển khai xong trước 30/4", False),  # a date promised: said to the task
    ("Đã nhận, đã triển khai ngay", False),  # done, said
    ("đã triển khai ngay", False),
    ("Nhận, mục 3 đang triển khai", False),
    ("đã liên hệ các hộ dân, chờ phản hồi", False),  # "đã" folds like "dạ": the rest is a progress note
    ("Dạ em nhận, xã đang triển khai rồi ạ", False),
    ("ok xong rồi", False),
])
def test_thanks_in_a_reply_are_told_from_a_note(text: str, thanks: bool) -> None:
    from bot.conversation.status import _only_thanks
    assert _only_thanks(text) is thanks


@pytest.mark.parametrize(("text", "question"), [
    ("mục 7 lúc nào phải nộp vậy em", True),  # probe 16: was recorded as "Đang thực hiện"
    ("mục 1 lúc nào phải xong vậy", True),  # … and this as done
    ("1 xong chưa", True),
    ("mục 4 làm gì vậy", True),
    ("3 đã xong rồi nhé", False),
    ("2 chưa xong", False),
    ("mục 5 chưa làm được gì", False),
    ("2 đã gửi báo cáo cho phòng", False),
    ("Mục 2 vẫn đang làm, chưa có vướng mắc gì ạ", False),  # "gì ạ" after a negation: nothing, said politely
    ("mục 4 phải làm gì ạ", True),
    ("Mục 3 chưa làm gì ạ", False),  # nothing done yet, reported (not "what is to be done?")
    ("mục 3 bên em chưa có làm gì", False),
    ("mục 3 không làm gì được vì mưa lũ", False),
])
def test_a_question_about_a_task_is_told_from_a_report(text: str, question: bool) -> None:
    from bot.conversation.status import QUESTION
    from bot.replies import chat_fold
    assert bool(QUESTION.search(chat_fold(text))) is question


async def test_asking_when_a_task_is_due_records_nothing(harness: Harness) -> None:
    h = harness
    before, mark = reports(h), len(h.sent)
    await h.say("ct_lamcot", "mục 2 lúc nào phải nộp vậy em")
    said = texts_to(h, "ct_lamcot", mark)
    assert reports(h) == before and len(said) == 1 and said[0].startswith("Mục 2 — "), said


async def test_a_range_covers_the_items_held_and_an_item_not_held_is_said_once(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("ct_lamcot", "mục 1 đến mục 3 đã xong hết rồi ạ")  # item 3 is Phòng Nông nghiệp's
    said = texts_to(h, "ct_lamcot", mark)
    assert len(said) == 1 and "Không tìm thấy" not in said[0], said
    assert task_of(h, "1", "UBND xã Lam Cốt").status == "done" and task_of(h, "2", "UBND xã Lam Cốt").status == "done"
    mark = len(h.sent)
    await h.say("ct_caoxa", "1, 3 xong")
    said = texts_to(h, "ct_caoxa", mark)
    assert len(said) == 1 and "Không tìm thấy nhiệm vụ mục 3" in said[0], said
    assert task_of(h, "1", "UBND xã Cao Xá").status == "done"


async def test_the_date_sent_after_the_bot_asks_for_one_completes_the_extension_request(harness: Harness) -> None:
    h = harness
    h.clock.set(local(2026, 12, 8, 9, 0))
    await h.say("ct_lamcot", "mục 2 xin gia hạn vì các thôn chưa thống kê xong")
    assert "đến ngày nào?" in texts_to(h, "ct_lamcot")[-1]
    mark = len(h.sent)
    await h.reply("ct_lamcot", "đến 22/12")  # as a reply to the question (Zalo: typed, the same)
    assert task_of(h, "2", "UBND xã Lam Cốt").status == "extension_requested"
    told = texts_to(h, "chutich", mark)
    assert any("đề nghị gia hạn đến: 22/12/2026" in t and "các thôn chưa thống kê xong" in t for t in told), told
    mark = len(h.sent)
    await h.say("ct_lamcot", "đến 23/12")  # once used, a date alone means nothing more
    assert not any("đề nghị gia hạn đến: 23/12/2026" in t for t in texts_to(h, "chutich", mark))


async def test_tasks_nobody_would_receive_are_named_once_per_unit(db_url: str) -> None:
    notice = NOTICE.decode().replace("3. Phòng Nông nghiệp và PTNT chủ trì, phối hợp",
                                     "3. Cơ quan chuyên môn phối hợp") \
        .replace("\nCHỦ TỊCH", "4. Cơ quan chuyên môn tăng cường kiểm tra, đôn đốc cơ sở phòng chống rét.\n\nCHỦ TỊCH")
    async with Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 1, 9, 0))) as h:
        await h.start(directory_csv=DIRECTORY, enroll_all=True)
        await h.send_file("vanthu", "cv.txt", data=notice.encode())
        preview = texts_to(h, "vanthu")[-1]
        assert "Lưu ý: chưa có người nhận ở nhiệm vụ số 3, 4 (Cơ quan chuyên môn) — " in preview, preview


async def test_a_date_refused_after_the_question_leaves_the_request_waiting_for_another(harness: Harness) -> None:
    h = harness
    h.clock.set(local(2026, 12, 8, 9, 0))
    await h.say("ct_lamcot", "mục 2 xin gia hạn vì các thôn chưa thống kê xong")
    await h.say("ct_lamcot", "đến 10/12")  # before the deadline (15/12): no extension, said so
    assert task_of(h, "2", "UBND xã Lam Cốt").status == "open"
    await h.say("ct_lamcot", "đến 22/12")
    assert task_of(h, "2", "UBND xã Lam Cốt").status == "extension_requested"


async def test_taken_on_typed_without_an_item_is_not_asked_which_task(harness: Harness) -> None:
    """Probe 19: "da nhan, phong se trien khai" typed (on Zalo nothing can be replied to) by a head of several tasks
    was read as "in progress" and answered with the list of tasks to choose from."""
    h = harness
    mark = len(h.sent)
    await h.say("ct_caoxa", "da nhan, xa se trien khai")
    assert texts_to(h, "ct_caoxa", mark) == ["Nhắc việc đã ghi nhận, cảm ơn đồng chí."]  # (month probe 27, F9)
    assert task_of(h, "1", "UBND xã Cao Xá").status == "open"
