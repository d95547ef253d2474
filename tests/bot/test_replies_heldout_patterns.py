"""Ways of writing a status reply that the blind held-out set (tests/replies/heldout-1.jsonl) showed the bot did not
read: other words for an item ("nhiệm vụ số 4", "nv 6", "điểm a khoản 2", "mục 3 ý b", "(3)", "1)" lines), ranges
("mục 1 đến mục 3", "II.1–II.3"), item numbers after a greeting with several statuses ("Dạ mục 1.1 đã xong, 1.2
đang chờ …"), shares in words ("ba mươi phần trăm"), "0%", words that fold onto a status word ("thịnh vượng",
"công tác"), waiting on an authority's act, "chưa được thực hiện", a report sent "cho" (to) someone, "đã có văn bản
số …", a plan with a time word ("tuần này xong"), a dateless ask beside a difficulty, "lùi sang tuần sau", and a
question "… là nhiệm vụ gì vậy"."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import replies, texts
from bot.replies import letter_refs, parse_status_text, split_refs
from bot.sandbox.harness import Harness
from scheduler.calendar import WorkingCalendar
from storage.models import TaskStatus
from tests.bot import test_typed_forms
from tests.bot.conversation_setup import last_text

harness = test_typed_forms.harness  # the typed-forms notice confirmed, Tuesday 06/03/2018
state = test_typed_forms.state
TODAY = dt.date(2018, 4, 4)  # a Wednesday
Parts = list[tuple[list[str], str]]


@pytest.mark.parametrize(("typed", "parts"), [
    ("Nhiệm vụ số 4 đã hoàn thành", [(["4"], "đã hoàn thành")]),
    ("nhiem vu so 7 xong, nhiem vu so 8 chua lam", [(["7"], "xong"), (["8"], "chua lam")]),
    ("nv 6 đã xong", [(["6"], "đã xong")]),
    ("NV1.3 đang làm", [(["1.3"], "đang làm")]),
    ("nv1 xong, nv2 dang lam, nv3 vuong", [(["1"], "xong"), (["2"], "dang lam"), (["3"], "vuong")]),
    ("Tiểu mục 2.1: xong", [(["2.1"], "xong")]),
    ("(3) đã thực hiện xong", [(["3"], "đã thực hiện xong")]),
    ("Nhiệm vụ số 2 và số 5 đã hoàn thành", [(["2", "5"], "đã hoàn thành")]),
    ("Các mục 1.1, 1.2 đã xong ạ", [(["1.1", "1.2"], "đã xong ạ")]),
    ("điểm a khoản 2 xong", [(["2.a"], "xong")]),
    ("khoản 3 điểm b đang làm", [(["3.b"], "đang làm")]),
])
def test_other_words_for_an_item(typed: str, parts: Parts) -> None:
    assert split_refs(typed) == parts


@pytest.mark.parametrize(("typed", "parts"), [
    ("Mục 3 ý b: đã xong.", [(["3.b"], "đã xong.")]),
    ("muc 4 y a xong", [(["4.a"], "xong")]),
    ("Mục 2: ý a xong, ý b đạt 60%, ý c chưa làm", [(["2.a"], "xong"), (["2.b"], "đạt 60%"), (["2.c"], "chưa làm")]),
    ("Mục 3 ý a xong rồi, ý b chưa làm ạ", [(["3.a"], "xong rồi"), (["3.b"], "chưa làm ạ")]),
    ("Mục 3a đang làm", [(["3.a"], "đang làm")]),  # "Mục" with a capital, the letter typed on
])
def test_a_point_of_an_item(typed: str, parts: Parts) -> None:
    assert split_refs(typed) == parts


def test_a_point_named_alone_is_a_lettered_item() -> None:
    assert letter_refs("ý b em làm xong rồi ạ") == [(["b"], "em làm xong rồi ạ")]
    assert letter_refs("chờ ý kiến của Sở") is None  # "ý kiến" is no point


@pytest.mark.parametrize(("typed", "parts"), [
    ("Mục 1 đến mục 3 đã hoàn thành", [(["1", "2", "3"], "đã hoàn thành")]),
    ("mục 2 tới 4 xong", [(["2", "3", "4"], "xong")]),
    ("Mục II.1–II.3 đã hoàn thành.", [(["II.1", "II.2", "II.3"], "đã hoàn thành.")]),
    ("2.1 – 2.3 đang làm", [(["2.1", "2.2", "2.3"], "đang làm")]),
    # not ranges: a date, a count of days, another section
    ("Mục 2 đến 30/4 xong", [(["2"], "đến 30/4 xong")]),
    ("mục 5 tới 10 ngày nữa xong", [(["5"], "tới 10 ngày nữa xong")]),
    ("Mục 2.1 đến 3.2 xong", [(["2.1"], "đến 3.2 xong")]),
])
def test_a_range_of_items(typed: str, parts: Parts) -> None:
    assert split_refs(typed) == parts


@pytest.mark.parametrize(("typed", "parts"), [
    ("Mục 1: xong\nMục 2: đang làm 50%", [(["1"], "xong"), (["2"], "đang làm 50%")]),
    ("1) Đã xong\n2) Đạt 40%\n3) Chưa triển khai",
     [(["1"], "Đã xong"), (["2"], "Đạt 40%"), (["3"], "Chưa triển khai")]),
])
def test_one_item_a_line(typed: str, parts: Parts) -> None:
    assert split_refs(typed) == parts


@pytest.mark.parametrize(("typed", "parts"), [
    ("Dạ mục 1.1 đã xong, 1.2 đang chờ Sở Tư pháp thẩm định ạ",
     [(["1.1"], "Dạ đã xong"), (["1.2"], "đang chờ Sở Tư pháp thẩm định ạ")]),
    ("Em đã hoàn thành mục 1 và đang làm mục 2 ạ", [(["1"], "Em đã hoàn thành"), (["2"], "đang làm ạ")]),
    ("Đ/c ơi mục 1 và mục 3 làm xong rồi, còn mục 2 chưa làm ạ",
     [(["1", "3"], "Đ/c ơi làm xong rồi"), (["2"], "chưa làm ạ")]),
    ("Dạ báo cáo đồng chí:\n- Mục II.1: đã hoàn thành;\n- Mục II.2: đạt 80%",
     [(["II.1"], "đã hoàn thành"), (["II.2"], "đạt 80%")]),
    ("Các nhiệm vụ từ 2.1 đến 2.3 đã hoàn thành, riêng 2.4 đang làm",
     [(["2.1", "2.2", "2.3"], "Các nhiệm vụ đã hoàn thành"), (["2.4"], "đang làm")]),
    ("Dạ em báo cáo: 1.1 xong; 1.2 mới được 1/4 ạ", [(["1.1"], "xong"), (["1.2"], "mới được 1/4 ạ")]),
    ("Kính gửi Văn phòng, nhiệm vụ II.1 đã hoàn thành; nhiệm vụ II.2 đạt 75%, dự kiến xong trước 31/3",
     [(["II.1"], "đã hoàn thành"), (["II.2"], "đạt 75%, dự kiến xong trước 31/3")]),
    # one group of items keeps the whole message
    ("Đ/c ơi, mục 2b vướng kinh phí", [(["2.b"], "Đ/c ơi, vướng kinh phí")]),
    ("Phòng em đã hoàn thành điểm a khoản 2 ạ", [(["2.a"], "Phòng em đã hoàn thành ạ")]),
    ("Đã xong mục 2 và mục 3, đề nghị cập nhật giúp", [(["2", "3"], "Đã xong, đề nghị cập nhật giúp")]),
    # a date or a share is no item
    ("Xin gia hạn đến 15.12 ạ", None),
    ("Dạ, đạt 2.5 % ạ", None),
])
def test_item_numbers_said_after_a_greeting_each_with_its_status(typed: str, parts: Parts | None) -> None:
    assert replies.find_refs(typed) == parts


def status(typed: str, due: dt.date | None = None) -> tuple[TaskStatus | None, int | None, dt.date | None]:
    change = parse_status_text(typed, today=TODAY, current_due=due, calendar=WorkingCalendar())
    assert change is not None
    return change.status, change.percent, change.requested_due_on


@pytest.mark.parametrize(("typed", "percent"), [
    ("đạt ba mươi phần trăm", 30),
    ("được chừng tám chục phần trăm rồi ạ", 80),
    ("khoảng bảy mươi lăm phần trăm", 75),
    ("mới được mười lăm phần trăm", 15),
    ("dat hai muoi phan tram", 20),
])
def test_a_share_in_words(typed: str, percent: int) -> None:
    assert status(typed) == (TaskStatus.IN_PROGRESS, percent, None)


def test_nought_percent_is_not_started() -> None:
    assert status("0%")[0] == TaskStatus.OPEN
    assert status("tiến độ 0 %")[0] == TaskStatus.OPEN


@pytest.mark.parametrize("typed", [
    "Chúc đồng chí năm mới an khang thịnh vượng ạ",
    "đã lồng ghép vào chương trình công tác tháng 11",
    "da long ghep vao chuong trinh cong tac thang 11",
    "đồng chí Vương phụ trách",
])
def test_words_that_fold_onto_a_difficulty_are_not_one(typed: str) -> None:
    assert status(typed)[0] != TaskStatus.BLOCKED


@pytest.mark.parametrize("typed", [
    "đang chờ Sở Tài chính thẩm định",
    "bị chậm do chờ kết quả thẩm định",
    "chưa thể triển khai vì còn chờ Quyết định giao vốn",
    "dang cho so lieu tu cac xa, chua tong hop duoc",
    "chưa thể thực hiện",
    "đang vướng mặt bằng",
])
def test_waiting_on_an_authority_or_unable_is_a_difficulty(typed: str) -> None:
    assert status(typed)[0] == TaskStatus.BLOCKED


def test_waiting_for_figures_alone_stays_a_note() -> None:
    assert status("chưa xong, còn chờ số liệu")[0] is None


@pytest.mark.parametrize("typed", ["chưa được thực hiện", "Chưa được triển khai ạ", "chua duoc bat dau"])
def test_not_yet_carried_out_is_not_started(typed: str) -> None:
    assert status(typed)[0] == TaskStatus.OPEN


@pytest.mark.parametrize("typed", [
    "da gui bc qua email cho vp roi a",
    "Đã gửi báo cáo cho Văn phòng UBND tỉnh",
    "đã nộp cho Sở rồi",
    "Đã có công văn số 312/UBND-VX trả lời Sở ạ",
    "da co van ban so 45/BC-UBND gui huyen",
    "Đã có Quyết định 1234/QĐ-UBND phê duyệt",
])
def test_a_report_sent_to_someone_or_under_a_number_is_done(typed: str) -> None:
    assert status(typed)[0] == TaskStatus.DONE


def test_a_report_sent_while_waiting_is_not_done() -> None:
    assert status("đã gửi dự thảo, chờ góp ý")[0] != TaskStatus.DONE


@pytest.mark.parametrize(("typed", "expected"), [
    ("tuần này xong", TaskStatus.IN_PROGRESS),
    ("mai xong ạ", TaskStatus.IN_PROGRESS),
    ("thứ 6 này hoàn thành", TaskStatus.IN_PROGRESS),
    ("k cần gia hạn, tuần này xong", TaskStatus.IN_PROGRESS),
    ("tuần này xong rồi", TaskStatus.DONE),
])
def test_a_day_before_done_is_a_plan(typed: str, expected: TaskStatus) -> None:
    assert status(typed)[0] == expected


def test_a_dateless_ask_beside_a_difficulty_is_an_ask() -> None:
    # status None: the chat records it as a request and asks for the date (see _apply_text)
    assert status("xin gia hạn ạ, lý do: chờ ý kiến thẩm định")[0] is None
    assert status("đề nghị lùi hạn vì đang vướng mặt bằng")[0] is None
    assert status("không cần gia hạn, đang vướng mặt bằng")[0] == TaskStatus.BLOCKED


@pytest.mark.parametrize(("typed", "wanted"), [
    ("xin lùi sang tuần sau ạ", dt.date(2018, 4, 13)),
    ("xin gia hạn đến tuần sau", dt.date(2018, 4, 13)),
    ("xin gia han sang tuan toi", dt.date(2018, 4, 13)),
    ("xin gia hạn đến thứ 2 tuần sau", dt.date(2018, 4, 9)),  # a day of next week named: that day
])
def test_next_week_asked_runs_to_its_end(typed: str, wanted: dt.date) -> None:
    assert status(typed, dt.date(2018, 4, 6)) == (TaskStatus.EXTENSION_REQUESTED, None, wanted)



async def test_a_greeting_then_several_items_each_with_its_status(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "Dạ báo cáo đồng chí: mục II.2.b đã xong, II.2.c đang chờ Sở Tài chính thẩm định ạ")
    assert state(h, "II.2.b") == (TaskStatus.DONE, 100)
    assert state(h, "II.2.c")[0] == TaskStatus.BLOCKED
    await h.say("head_stnmt", "Em đã hoàn thành mục II.2.d và đang làm mục II.2.đ, đạt ba mươi phần trăm")
    assert state(h, "II.2.d") == (TaskStatus.DONE, 100)
    assert state(h, "II.2.đ") == (TaskStatus.IN_PROGRESS, 30)


async def test_no_need_of_more_time_is_no_ask(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "II.2.b không cần gia hạn ạ")
    assert last_text(h, "head_stnmt") != texts.extension_needs_date("II.2.b")  # not asked "đến ngày nào?"
    assert state(h, "II.2.b")[0] != TaskStatus.EXTENSION_REQUESTED


async def test_what_task_is_it_is_a_question(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "II.2.b là nhiệm vụ gì vậy ạ, em không thấy trong thông báo")
    card = last_text(h, "head_stnmt")
    assert "Rà soát hồ sơ giao đất các dự án du lịch" in card and "Đã cập nhật" not in card
    assert state(h, "II.2.b") == (TaskStatus.OPEN, None)
