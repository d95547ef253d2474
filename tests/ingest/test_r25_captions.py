"""Round 25 phrasing patterns: a news photo's caption on a line of its own ("Toàn cảnh Hội nghị", "Quang cảnh buổi
làm việc …", "Các đại biểu dự hội nghị") or a clip's label ("Audio thời sự 07-12-2021") is no part of the paragraph
after it; a speaker's lead-in "X kết luận … như:" names who speaks, not who acts."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import lines_of
from bot.ingest.units import heading_units


@pytest.mark.parametrize("caption", [
    "Toàn cảnh Hội nghị",
    "Quang cảnh buổi làm việc tại xã",
    "Các đại biểu dự hội nghị",
    "Các đại biểu thảo luận tại hội nghị",
    "Audio thời sự 07-12-2021",
])
def test_a_caption_line_is_dropped(caption: str) -> None:
    assert caption not in lines_of(f"Sáng 5/3, UBND huyện tổ chức hội nghị.\n{caption}\nSở Y tế kiểm tra các cơ sở.")


@pytest.mark.parametrize("sentence", [
    "Toàn cảnh hội nghị cho thấy sự chuẩn bị chu đáo của Ban tổ chức.",
    "Các đại biểu dự hội nghị thống nhất thông qua Nghị quyết: “Giao UBND xã hoàn thành …”",
])
def test_a_sentence_that_opens_like_a_caption_stays(sentence: str) -> None:
    assert sentence in lines_of(f"Sáng 5/3, UBND huyện tổ chức hội nghị.\n{sentence}")


def test_the_work_after_a_caption_has_its_own_doer() -> None:
    text = ("Tập trung phòng, chống bệnh dịch tả heo châu Phi\n\n"
            "Audio thời sự 07-12-2021\n"
            "“Sở Nông nghiệp và Phát triển nông thôn phối hợp với UBND cấp huyện và các ngành có liên quan tập trung "
            "chỉ đạo, tổ chức hướng dẫn, đôn đốc, kiểm tra việc phòng, chống dịch bệnh; chủ động giám sát chặt chẽ "
            "tình hình dịch bệnh”. Đó là chỉ đạo của UBND tỉnh tại văn bản số 3912/UBND-KT.\n")
    tasks = parse_notice(text).tasks
    assert any(t.lead == ("Sở Nông nghiệp và Phát triển nông thôn",) and "kiểm tra việc phòng" in t.text
               and not t.text.startswith("Audio") for t in tasks)


@pytest.mark.parametrize("head", [
    "Chủ tịch UBND xã kết luận nội dung phiên họp như",
    "Đồng chí Bí thư Đảng ủy kết luận như sau",
])
def test_a_speakers_lead_in_is_no_unit_heading(head: str) -> None:
    assert heading_units(head) == []


def test_a_unit_heading_is_read_as_before() -> None:
    assert heading_units("Sở Xây dựng") == ["Sở Xây dựng"]
