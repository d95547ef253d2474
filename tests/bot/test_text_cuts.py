"""Text cut to fit a line ends on a whole word (probe 18: a digest header "… xóa nhà tạm, nhà dột n…")."""

from __future__ import annotations

import pytest

from bot.textbase import shorten_at_word
from bot.texts import SUBJECT_SHOWN, _about


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("kết luận về tiến độ xóa nhà tạm, nhà dột nát trên địa bàn huyện", 40, "kết luận về tiến độ xóa nhà tạm, nhà…"),
    ("ngắn gọn", 40, "ngắn gọn"),
    ("một câu đủ dài để phải cắt bớt ở đây", 20, "một câu đủ dài để…"),
    # a cut that would lose more than a third of what fits keeps the letters (one very long word)
    ("Ủy ban Chiêmhóaxyzxyzxyzxyzxyzxyzxyz", 30, "Ủy ban Chiêmhóaxyzxyzxyzxyzxy…"),
])
def test_a_cut_ends_on_a_whole_word(text: str, limit: int, expected: str) -> None:
    assert shorten_at_word(text, limit) == expected
    assert len(shorten_at_word(text, limit)) <= limit


def test_a_digest_header_names_the_subject_by_whole_words() -> None:
    subject = ("Kết luận của đồng chí Bí thư Huyện ủy tại buổi làm việc về tiến độ xóa nhà tạm, nhà dột nát trên địa "
               "bàn huyện năm 2025")
    about = _about(subject)
    assert about.startswith(" về kết luận của đồng chí Bí thư") and about.endswith("…")
    words = about[len(" về "):-1].split()
    whole = subject.lower().split()
    assert all(w.lower() in whole for w in words), about
    assert len(about) - len(" về ") <= SUBJECT_SHOWN
