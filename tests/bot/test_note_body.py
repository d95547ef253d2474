"""What a reply's note looks like under the status it recorded: the status line already shows the
percentage, so the note does not open with it again; anything else the person wrote stays as written."""

from __future__ import annotations

import unicodedata

import pytest

from bot.texts import note_body, recorded_text
from storage.models import TaskStatus
from storage.tasks import Recorded


@pytest.mark.parametrize(("note", "shown"), [
    ("xong roi, da trinh UBND huyen ke hoach", "da trinh UBND huyen ke hoach"),  # "xong rồi" is the status
    ("Đã hoàn thành rồi, đã gửi bản mềm", "đã gửi bản mềm"),
    ("50% đang rà soát", "đang rà soát"),
    ("đạt 70%, còn thiếu số liệu quận 3", "còn thiếu số liệu quận 3"),
    ("60 % - vướng kinh phí khảo sát", "vướng kinh phí khảo sát"),
    ("đã khảo sát 60% số hộ, còn lại tuần sau", "đã khảo sát 60% số hộ, còn lại tuần sau"),  # inside: kept
    ("vướng kinh phí", "vướng kinh phí"),
    ("80%", "80%"),  # nothing else: the note is not replaced by an empty one
    ("xong, đã gửi báo cáo tuần", "đã gửi báo cáo tuần"),
    ("đã xong 100% - gửi Văn phòng", "gửi Văn phòng"),
    ("đã hoàn thành, chờ lãnh đạo ký", "chờ lãnh đạo ký"),
    ("hoàn thành báo cáo quý, đã gửi", "hoàn thành báo cáo quý, đã gửi"),  # the verb of the sentence stays
    ("xongxuôi hồ sơ", "xongxuôi hồ sơ"),
])
def test_the_opening_percentage_is_not_repeated(note: str, shown: str) -> None:
    assert note_body(note) == shown


def test_decomposed_input_is_matched_and_shown_composed() -> None:
    assert note_body(unicodedata.normalize("NFD", "đạt 40% đang rà soát")) == "đang rà soát"


def test_the_confirmation_shows_the_percentage_once() -> None:
    rec = Recorded(report_id=1, task_id=1, item_ref="4.c", status=TaskStatus.IN_PROGRESS, percent=50,
                   on_time=None, due_on=None)
    text = recorded_text(rec, "50% đang rà soát hồ sơ")
    assert text == "Đã cập nhật: mục 4.c — 50% — Đang thực hiện.\nNội dung: đang rà soát hồ sơ"
    assert text.count("50%") == 1
