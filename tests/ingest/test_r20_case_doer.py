"""Round 20: in a news or portal report (no kind, no number of its own), a sentence that turns to other units with
"Đối với" and goes on with their work — "… . Đối với các chi bộ trực thuộc Đảng bộ xã Bình Mỹ sẽ tiến hành đại hội
trước ngày 31/12/2019." — is their duty, apart from the work before it, as "Đồng thời, …" sentences are
(`_split_retold_sentences`, which splits the tasks a retold report's paragraphs were read into). "Đối với" a matter
("Đối với việc chuẩn bị văn kiện, …") turns to no unit: the sentence stays with the work before it."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.parser import _split_retold_sentences
from storage.parsed import ParsedTask

BEFORE = ("Ban Thường vụ Huyện ủy {town} dự kiến: từ tháng 1 đến tháng 3-2020 tiến hành đại hội các chi bộ trực "
          "thuộc đảng bộ cơ sở; từ tháng 6 đến tháng 8-2020 tiến hành đại hội Đảng bộ huyện.")
CASES = [dict(town="Châu Phú"), dict(town="Tam Nông")]
SECONDS = [
    ("Đối với các chi bộ trực thuộc Đảng bộ xã Bình Mỹ sẽ tiến hành đại hội trước ngày 31/12/2019 để rút kinh "
     "nghiệm.", "các chi bộ trực thuộc Đảng bộ xã Bình Mỹ"),
    ("Đối với Ban Tổ chức Huyện ủy khẩn trương hướng dẫn các cơ sở chuẩn bị nhân sự cấp ủy nhiệm kỳ mới.",
     "Ban Tổ chức Huyện ủy"),
    ("Đối với UBND các xã, thị trấn phối hợp chuẩn bị cơ sở vật chất phục vụ đại hội chi, đảng bộ cơ sở.",
     "UBND các xã, thị trấn"),
]


def _split(text: str, town: str) -> list[ParsedTask]:
    task = ParsedTask(ref="1", text=text, lead=(f"Ban Thường vụ Huyện ủy {town}",), lead_source="text")
    return _split_retold_sentences([task], issued_on=dt.date(2019, 7, 15))


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize(("second", "doer"), SECONDS)
def test_a_sentence_that_turns_to_other_units_is_their_duty(c: dict[str, str], second: str, doer: str) -> None:
    tasks = _split(f"{BEFORE.format(**c)} {second}", c["town"])
    assert [t.text for t in tasks] == [BEFORE.format(**c), second]
    assert list(tasks[1].lead) == [doer], tasks[1].lead


@pytest.mark.parametrize("c", CASES)
def test_a_sentence_about_a_matter_stays_with_the_work_before(c: dict[str, str]) -> None:
    second = "Đối với việc chuẩn bị văn kiện, cần bảo đảm nội dung ngắn gọn, xúc tích, sát với tình hình thực tế."
    tasks = _split(f"{BEFORE.format(**c)} {second}", c["town"])
    assert len(tasks) == 1, [t.text for t in tasks]
