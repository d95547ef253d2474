"""Lettered items that do not follow on in a notice's text (bot.ingest.enumeration): what an OCR reading does to
"d)" ("đ)") and to a line's first letter, found from the markers alone."""

from __future__ import annotations

from bot.ingest.enumeration import Skip, skips


def test_d_read_as_d_stroke_is_a_letter_missing_and_a_letter_twice() -> None:
    text = ("1. Giao:\na) Sở A làm x;\nb) Sở B làm y;\nc) Sở C làm z;\nđ) Bộ Công an:\n- làm u\nđ) Bộ TT&TT:\n"
            "- làm v\ne) Sở E.")
    assert skips(text) == [Skip("đ", missing="d"), Skip("đ", twice=True)]


def test_lists_that_follow_on_and_restart_under_each_heading_are_fine() -> None:
    text = ("1. Sở A:\na) làm x;\nb) làm y;\nc) làm z.\n2. Sở B:\na) làm u;\nb) làm v.\n"
            "II. Khác\n1.1. Nội dung\na) một\nb) hai\nc) ba\nd) bốn\nđ) năm\ne) sáu\ng) bảy\nh) tám")
    assert skips(text) == []


def test_a_longer_gap_is_taken_for_an_excerpt_not_a_misreading() -> None:
    assert skips("a) làm x;\nb) làm y;\ne) làm z.") == []


def test_a_letter_lost_at_a_lines_start_shows_as_the_next_one_jumping() -> None:
    assert skips("2. Các bộ:\na) Bộ A làm x;\nc) Bộ C làm z;\nd) Bộ D làm t.") == [Skip("c", missing="b")]


def test_letters_inside_a_line_are_not_markers() -> None:
    assert skips("a) Sở A làm theo điểm c) khoản 2;\nb) Sở B làm theo điểm c) khoản 3.") == []
