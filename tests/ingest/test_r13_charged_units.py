"""Round 13: a candidate whose own text charges its lead with the work — "Sở Y tế chịu trách nhiệm bảo đảm …",
"UBND các xã có trách nhiệm …" — is a duty as written, and the task filter keeps it whatever the model's score (as it
keeps a dated one); "chịu trách nhiệm trước …" (answerable to someone) is no such charge."""

from __future__ import annotations

import pytest

from bot.ingest.taskfilter import protected
from storage.parsed import ParsedTask


def _task(text: str, lead: tuple[str, ...], source: str | None = "text") -> ParsedTask:
    return ParsedTask(ref="2", text=text, lead=lead, support=(), due=None, due_text=None, recurrence=None,
                      parent_ref=None, depth=0, lead_source=source)


@pytest.mark.parametrize(("text", "lead"), [
    ("Sở Y tế chịu trách nhiệm bảo đảm đủ vắc xin, bảo quản và hướng dẫn sử dụng an toàn;", ("Sở Y tế",)),
    ("UBND các xã, thị trấn có trách nhiệm thông báo đến người dân trong vùng dịch.", ("UBND các xã, thị trấn",)),
    ("Đồng thời, Chủ tịch UBND các huyện chịu trách nhiệm không để tái diễn tình trạng khai thác trái phép.",
     ("Chủ tịch UBND các huyện",)),
])
def test_a_unit_charged_with_the_work_is_kept(text: str, lead: tuple[str, ...]) -> None:
    assert protected(_task(text, lead))


@pytest.mark.parametrize(("text", "lead", "source"), [
    ("Giám đốc các sở chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả thực hiện.", ("Giám đốc các sở",), "text"),
    ("Sở Y tế chịu trách nhiệm bảo đảm đủ vắc xin.", ("Sở Y tế",), "addressee"),
    ("Sở Y tế chịu trách nhiệm bảo đảm đủ vắc xin.", (), None),
    ("Công tác tuyên truyền được các đơn vị triển khai rộng rãi.", ("các đơn vị",), "text"),
])
def test_no_charge_no_protection(text: str, lead: tuple[str, ...], source: str | None) -> None:
    assert not protected(_task(text, lead, source))
