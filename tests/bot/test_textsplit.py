"""split_message: paragraph, then line, then sentence boundaries; never mid-word;
numbered parts that fit the limit label included; Vietnamese text stays whole."""

from __future__ import annotations

import re
import unicodedata

import pytest

from bot.textsplit import part_label, split_message
from tests.conftest import SEED_NOTICE

TELEGRAM, ZALO = 4096, 2000
_LABEL = re.compile(r"^\((\d+)/(\d+)\) ")


def bodies(parts: list[str]) -> list[str]:
    """The parts without their labels, checking the labels on the way."""
    out = []
    for i, part in enumerate(parts, start=1):
        match = _LABEL.match(part)
        assert match is not None, f"part {i} has no label: {part[:20]!r}"
        assert (int(match[1]), int(match[2])) == (i, len(parts))
        out.append(part[match.end():])
    return out


def check_split(text: str, limit: int) -> list[str]:
    """Split and check the invariants every split must keep: each part fits, labels count
    1..n, no word is lost, repeated or cut, and no part begins or ends with whitespace."""
    parts = split_message(text, limit)
    assert len(parts) >= 2
    assert all(len(p) <= limit for p in parts), [len(p) for p in parts]
    texts = bodies(parts)
    assert all(t and t == t.strip() for t in texts)
    assert " ".join(texts).split() == text.split(), "words lost, repeated or cut"
    return texts


# ------------------------------------------------------------------ short texts

@pytest.mark.parametrize("text", ["", "Đã ghi nhận.", "  thụt lề và dòng trống\n\n", "x" * 2000])
def test_a_text_within_the_limit_is_returned_unchanged(text: str) -> None:
    assert split_message(text, ZALO) == [text]


def test_exactly_at_the_limit_is_one_part_and_one_more_character_is_two() -> None:
    words = ("việc " * 400)[:2000]
    assert split_message(words, 2000) == [words]
    parts = split_message(words + "x", 2000)
    assert len(parts) == 2 and parts[0].startswith("(1/2) ")


# ------------------------------------------------------------------ boundaries, coarsest first

def test_splits_at_the_paragraph_break_rather_than_a_later_line_break() -> None:
    first = "Đoạn một, dòng một có nội dung.\nĐoạn một, dòng hai cũng có nội dung."  # 68 chars
    second = "Đoạn hai, dòng một.\nĐoạn hai, dòng hai."
    texts = check_split(f"{first}\n\n{second}", 100)
    assert texts == [first, second]


def test_splits_at_a_line_break_when_no_paragraph_break_fits() -> None:
    lines = [f"{i}. Nhiệm vụ số {i} giao Ban Dân vận chủ trì thực hiện" for i in range(1, 9)]
    texts = check_split("\n".join(lines), 150)
    for t in texts:
        assert t.split("\n") == [line for line in lines if line in t], "every part is whole lines"


def test_splits_at_a_sentence_end_inside_a_long_line() -> None:
    sentences = ["Ban Dân vận Tỉnh ủy chủ trì rà soát quy chế làm việc.",
                 "Hoàn thành trước ngày 30/4/2018!",
                 "Báo cáo kết quả về Văn phòng Tỉnh ủy; đồng thời gửi Ban Tổ chức.",
                 "Các đơn vị phối hợp thực hiện?"]
    line = " ".join(sentences)
    texts = check_split(line, 100)
    assert all(t.endswith((".", "!", "?", ";")) for t in texts), texts


def test_a_closing_quote_stays_with_its_sentence() -> None:
    quoted = "Đồng chí Phó Bí thư kết luận: “Làm ngay, không chậm trễ.”"  # 58 characters
    line = quoted + " Tiếp theo là một câu khá dài không có dấu chấm ở giữa" * 2
    texts = check_split(line, 80)
    assert texts[0] == quoted


def test_a_boundary_too_early_in_the_part_gives_way_to_a_finer_one() -> None:
    """A paragraph break after 10 characters would waste most of the part: a line break is used."""
    text = "Tiêu đề\n\n" + "\n".join(f"Dòng {i} của văn bản thông báo" for i in range(10))
    texts = check_split(text, 120)
    assert texts[0].startswith("Tiêu đề\n\nDòng 0"), texts[0]


def test_words_only_when_there_is_no_sentence_or_line() -> None:
    text = " ".join(["chủ trì", "phối hợp", "rà soát", "báo cáo"] * 40)
    texts = check_split(text, 50)
    assert len(texts) > 3


# ------------------------------------------------------------------ never mid-word

@pytest.mark.parametrize("limit", [20, 37, 64, 101, 500])
def test_never_cuts_a_word_that_fits(limit: int) -> None:
    words = ["Nghị", "quyết", "Trung", "ương", "khóa", "XII", "về", "tăng", "cường", "công", "tác",
             "dân", "vận", "của", "Đảng", "trong", "tình", "hình", "mới", "đồng", "chí"]
    text = " ".join(words[i % len(words)] for i in range(700))
    check_split(text, limit)


def test_only_a_word_longer_than_the_room_is_cut() -> None:
    url = "https://vanban.example.gov.vn/" + "a" * 150
    text = f"Xem văn bản tại {url} và báo cáo trước ngày 30/4."
    parts = split_message(text, 60)
    texts = bodies(parts)
    assert all(len(p) <= 60 for p in parts)
    assert texts[0] == "Xem văn bản tại", "the short words before the long one are not cut"
    assert "".join(texts[1:-1]) + texts[-1].split()[0] == url
    assert texts[-1].split()[1:] == ["và", "báo", "cáo", "trước", "ngày", "30/4."]


def test_a_hard_cut_never_separates_a_combining_mark_from_its_letter() -> None:
    word = unicodedata.normalize("NFD", "nghiêngnghiêngnghiêng" * 4)  # combining marks throughout
    parts = split_message(word, 14)
    texts = bodies(parts)
    assert "".join(texts) == word
    assert all(len(p) <= 14 for p in parts)
    assert not any(unicodedata.combining(t[0]) for t in texts)


# ------------------------------------------------------------------ numbering

def test_numbering_is_counted_inside_the_limit() -> None:
    text = "\n".join(["x" * 15] * 4)  # 63 characters, 4 lines of 15
    parts = split_message(text, 30)
    assert parts == [f"({i}/4) " + "x" * 15 for i in range(1, 5)], "31 characters of text + label would not fit"


def test_ten_parts_or_more_widen_the_label_and_still_fit() -> None:
    text = " ".join(["việc"] * 300)  # 1499 characters
    parts = split_message(text, 40)
    assert len(parts) >= 10
    assert parts[9].startswith(f"(10/{len(parts)}) ")
    assert all(len(p) <= 40 for p in parts)
    check_split(text, 40)


def test_part_label() -> None:
    assert part_label(1, 3) == "(1/3) "


def test_a_limit_too_small_for_any_text_is_refused() -> None:
    with pytest.raises(ValueError, match="no room"):
        split_message("một hai ba bốn", 6)


def test_whitespace_only_text_longer_than_the_limit_gives_nothing_to_send() -> None:
    assert split_message(" \n" * 50, 20) == []


# ------------------------------------------------------------------ real notices

@pytest.mark.parametrize("limit", [TELEGRAM, ZALO])
def test_the_seed_notice_splits_into_whole_lines_and_stays_nfc(limit: int) -> None:
    text = SEED_NOTICE.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text) and len(text) > limit
    texts = check_split(text, limit)
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    lines = {line.strip() for line in text.splitlines()}
    for t in texts:
        first, last = t.splitlines()[0], t.splitlines()[-1]
        # parts begin and end on line boundaries or sentence ends, never in the middle of a sentence
        assert first in lines or any(line.endswith(" " + first) for line in lines)
        assert last in lines or last.endswith((".", ";", "!", "?"))


def test_a_very_long_vietnamese_line_splits_at_sentences_for_zalo() -> None:
    sentence = ("Đề nghị Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo rà soát, "
                "báo cáo kết quả thực hiện về Thường trực Tỉnh ủy trước ngày 30/4/2018.")
    line = " ".join([sentence] * 30)  # one line of ~4,400 characters
    texts = check_split(line, ZALO)
    assert len(texts) == 3
    assert all(t.endswith("30/4/2018.") for t in texts)
    assert all(len(t) >= ZALO // 2 for t in texts[:-1]), "parts are well filled"


# ------------------------------------------------------------------ blocks (probe 24 #7)

def _report(units: int) -> str:
    lines = ["TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", ""]
    for i in range(1, units + 1):
        lines += [f"• Bộ số {i}: {i + 2} nhiệm vụ", "  Hoàn thành đúng hạn: 0; hoàn thành quá hạn: 0",
                  "  Đang thực hiện trong hạn: 1; quá hạn chưa hoàn thành: 0", f"  Không có thời hạn: {i + 1}"]
    return "\n".join(lines)


@pytest.mark.parametrize("limit", [300, 500, ZALO])
def test_a_report_splits_between_units_never_inside_one(limit: int) -> None:
    """Zalo's "(2/2)" began "Hoàn thành đúng hạn: 0; …" without its unit's name: a part ends where a unit's block
    does."""
    texts = check_split(_report(18), limit)
    for t in texts[1:]:
        assert t.startswith("• Bộ số "), t[:60]


def test_a_block_too_long_for_one_part_repeats_its_first_line() -> None:
    text = "• Bộ Công an: 40 nhiệm vụ\n" + "\n".join(f"  mục {i}: đang thực hiện trong hạn" for i in range(40))
    parts = split_message(text, 400)
    assert len(parts) > 2
    texts = bodies(parts)
    assert all(len(p) <= 400 for p in parts)
    for t in texts[1:]:
        assert t.startswith("• Bộ Công an: 40 nhiệm vụ (tiếp)\n  mục "), t[:60]
    said = [line.strip() for t in texts for line in t.splitlines()[1 if t is not texts[0] else 0:]]
    assert said == [line.strip() for line in text.splitlines()], "each line once, in order"
