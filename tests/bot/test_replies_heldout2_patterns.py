"""Ways of writing a status reply that the second blind held-out set (tests/replies/heldout-2.jsonl) showed the bot
did not read, each in its general form: Telex typed with the Vietnamese keyboard off ("hoafn thanhf"), chat shorthand
("ht", "dg", "done", "gh"), shares as parts ("7 phần 10", "tầm 2/5", "hơn nửa"), a step done while the work goes on,
"đã thực hiện." alone, "chưa xong" alone, more ways to be held up ("không thi công được", "kẹt", "thiếu cán bộ", "do
chưa có …", "chờ … trả lời") and not to have started ("chưa tiến hành", "chưa động đến"), the person's own whereabouts
("đang đi công tác") that are no progress, more words for an extension ("khất", "nợ", "dời lại", "kéo dài", "điều
chỉnh thời hạn", "cho thêm 10 ngày", "ít hôm"), and more ways to name items ("việc 2.3", "nhiệm vụ thứ 5", "điểm b
mục 3", "Mục IV", "Dạ 1.3 …", "3.1 3.2 đều xong", "4.1 xong 4.2 dg lam", "ý c, ý d xong; ý đ …")."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.replies import chat_fold, find_refs, item_words, letter_refs, parse_status_text, split_refs
from storage.models import TaskStatus

TODAY = dt.date(2026, 9, 2)  # a Wednesday
DUE = dt.date(2026, 9, 18)
D, P, B, E, N = (TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.EXTENSION_REQUESTED,
                 TaskStatus.OPEN)


def _read(text: str) -> tuple[TaskStatus | None, int | None, dt.date | None]:
    change = parse_status_text(text, today=TODAY, current_due=DUE)
    assert change is not None
    return change.status, change.percent, change.requested_due_on


@pytest.mark.parametrize(("typed", "folded"), [
    ("ddax lamf xongf", "da lam xong"),
    ("ddang thuwcj hieenj", "dang thuc hien"),
    ("hoafn thanhf", "hoan thanh"),
    ("bats ddaauf", "bat dau"),
    ("khoong", "khong"),
    # words that are no Telex stay as they are
    ("thanks anh", "thanks anh"),
    ("tks", "cam on"),
    ("kinh phi chua co", "kinh phi chua co"),
])
def test_telex_typed_with_the_keyboard_off(typed: str, folded: str) -> None:
    assert chat_fold(typed) == folded


@pytest.mark.parametrize(("text", "status", "percent", "due"), [
    # Telex and shorthand
    ("ddax hoanf thanhf", D, 100, None),
    ("ddang trieenr khai", P, None, None),
    ("đã ht ạ", D, 100, None),
    ("ht rồi nhé", D, 100, None),
    ("done", D, 100, None),
    ("dg lm, chua xong", P, None, None),
    ("xin gh đến 25/9", E, None, dt.date(2026, 9, 25)),
    # shares said as parts of a whole
    ("được chừng 7 phần 10", P, 70, None),
    ("đạt hai phần năm", P, 40, None),
    ("làm được tầm 2/5", P, 40, None),
    ("đã được hơn nửa", P, 50, None),
    ("mới nửa chặng đường thôi", P, 50, None),
    ("duoc hon nua roi", P, 50, None),
    ("đang làm, còn nửa tháng nữa mới xong", P, None, None),  # half a month: no share
    # a step done, the work still going on after it
    ("đã khảo sát xong các hộ, đang lập hồ sơ", P, None, None),
    ("hoàn thành bước thẩm định, hiện đang trình phê duyệt", P, None, None),
    ("xong rồi, đang gửi văn bản", D, 100, None),  # done, then what follows it
    # the doing verb alone at the end: done
    ("Đã thực hiện.", D, 100, None),
    ("em đã làm rồi ạ", D, 100, None),
    ("đã thực hiện được 3 xã", None, None, None),  # not done: a count, no share
    # "chưa xong" alone: under way
    ("chưa xong ạ", P, None, None),
    ("vẫn chưa hoàn thành", P, None, None),
    # no difficulty said
    ("đang làm, chưa phát sinh vướng mắc", P, None, None),
    # held up, in more words
    ("không thi công được vì mưa bão", B, None, None),
    ("ko giải ngân đc", B, None, None),
    ("hồ sơ kẹt ở khâu đền bù", B, None, None),
    ("đang bị kẹt", B, None, None),
    ("gặp khó: chủ đầu tư chưa bàn giao", B, None, None),
    ("không gặp khó gì, đang làm", P, None, None),
    ("không gặp khó khăn gì, không thiếu người, đang làm", P, None, None),
    ("thiếu cán bộ nên chậm, được 40%", B, 40, None),
    ("chưa triển khai do chưa có hướng dẫn", B, None, None),
    ("đang chờ Sở Xây dựng trả lời nên chưa làm tiếp được", B, None, None),
    ("kết quả tốt, đang tổng hợp", P, None, None),  # "kết", not "kẹt"
    ("khó hoàn thành đúng hạn vì thiếu người", None, None, None),  # a warning it may be late: a note
    # not started, in more words
    ("chưa tiến hành", N, None, None),
    ("chưa động đến", N, None, None),
    ("mới nhận, chưa kịp triển khai", N, None, None),
    ("chưa bắt tay vào làm", N, None, None),
    ("chưa có làm gì hết", N, None, None),
    ("chưa", N, None, None),
    ("chưa ạ", N, None, None),
    # where the person is, not how the task goes
    ("em đang đi công tác, về em báo cáo", None, None, None),
    ("đang họp, lát em trả lời", None, None, None),
    ("đang đi kiểm tra các xã", P, None, None),
])
def test_more_ways_to_say_a_status(text: str, status: TaskStatus | None, percent: int | None,
                                   due: dt.date | None) -> None:
    assert _read(text) == (status, percent, due)


@pytest.mark.parametrize(("text", "due"), [
    ("cho em khất sang 12/10", dt.date(2026, 10, 12)),
    ("xin nợ đến 5/10 ạ", dt.date(2026, 10, 5)),
    ("xin dời lại đến 20/10", dt.date(2026, 10, 20)),
    ("đề nghị cho lùi đến 30/9", dt.date(2026, 9, 30)),
    ("xin kéo dài thời hạn đến 15/10", dt.date(2026, 10, 15)),
    ("em xin kéo dài đến hết tháng 10 được không ạ?", dt.date(2026, 10, 31)),
    ("đề nghị điều chỉnh thời hạn đến 31/10", dt.date(2026, 10, 31)),
    ("anh cho em thêm 10 ngày", DUE + dt.timedelta(days=10)),
    ("xin đ/c cho thêm 1 tuần", DUE + dt.timedelta(days=7)),
    # an ask with no date: the chat asks for it
    ("cho em khất ít hôm", None),
    ("em xin thêm vài hôm nữa ạ", None),
    ("xin kéo dài thời hạn", None),
])
def test_more_words_for_an_extension(text: str, due: dt.date | None) -> None:
    assert _read(text) == (E, None, due)


@pytest.mark.parametrize("text", [
    "mưa kéo dài nên thi công chậm",
    "xin báo cáo hoàn thành",
    "đang đợi đến khi có vốn",
    "cho em hoàn thiện thêm hồ sơ",
])
def test_no_extension_in_these(text: str) -> None:
    assert _read(text)[0] != E


@pytest.mark.parametrize(("typed", "written"), [
    ("việc 2.3 xong", "mục 2.3 xong"),
    ("Việc số 4 đang làm", "mục 4 đang làm"),
    ("nhiệm vụ thứ 5 đã xong", "mục 5 đã xong"),
    ("điểm b mục 3 xong", "mục 3.b xong"),
    ("ý a của mục II.1 xong", "mục II.1.a xong"),
    ("các ý c, d đang làm", "mục c, d đang làm"),
    # not an item
    ("công việc 2 ngày nữa xong", "công việc 2 ngày nữa xong"),
    ("còn việc 3 xã chưa nộp", "còn việc 3 xã chưa nộp"),
])
def test_more_words_for_an_item(typed: str, written: str) -> None:
    assert item_words(typed) == written


@pytest.mark.parametrize(("typed", "parts"), [
    ("Mục II đã xong", [(["II"], "đã xong")]),
    ("em xin gia hạn mục IV đến 30/9", [(["IV"], "em xin gia hạn đến 30/9")]),
    ("Vâng 4.2 đang làm", [(["4.2"], "Vâng đang làm")]),
    ("Dạ 1.3 xong rồi", [(["1.3"], "Dạ xong rồi")]),
    ("Mục i đã xong", None),  # "i" alone: a letter, not Roman one
])
def test_item_named_later(typed: str, parts: list[tuple[list[str], str]] | None) -> None:
    assert find_refs(typed) == parts


@pytest.mark.parametrize(("typed", "parts"), [
    ("3.1 3.2 đều xong", [(["3.1", "3.2"], "đều xong")]),
    ("1.1 1.2 1.3 xong", [(["1.1", "1.2", "1.3"], "xong")]),
    ("4.1 xong 4.2 dg lam", [(["4.1"], "xong"), (["4.2"], "dg lam")]),
    ("2.1 ht 2.2 đang làm", [(["2.1"], "ht"), (["2.2"], "đang làm")]),
    # not a second item
    ("2.1 xin gia hạn đến 15.6 nhé", [(["2.1"], "xin gia hạn đến 15.6 nhé")]),
    ("2.1 giải ngân 2.5 tỷ", [(["2.1"], "giải ngân 2.5 tỷ")]),
])
def test_items_with_spaces_only(typed: str, parts: list[tuple[list[str], str]]) -> None:
    assert split_refs(typed) == parts


@pytest.mark.parametrize(("typed", "parts"), [
    ("ý c, ý d xong; ý đ chưa làm", [(["c", "d"], "xong"), (["đ"], "chưa làm")]),
    ("a đang làm; b xin lùi đến 30/9", [(["a"], "đang làm"), (["b"], "xin lùi đến 30/9")]),
    ("mục a xong, mục b đang làm 50%", [(["a"], "xong"), (["b"], "đang làm 50%")]),
    ("a xong, e gửi sau", [(["a"], "xong, e gửi sau")]),  # "e" is "em"
])
def test_lettered_items_each_with_its_status(typed: str, parts: list[tuple[list[str], str]]) -> None:
    assert letter_refs(typed) == parts
