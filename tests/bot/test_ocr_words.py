"""Words an OCR reading probably got wrong (bot/ocrwords.py): the rules on small tables built from texts, the
shipped table on misreadings of the kind Tesseract makes, and the preview's lines."""
from __future__ import annotations

from pathlib import Path

from bot import ocrwords, texts
from bot.ocrwords import Misread, SyllableTable

TYPED = [
    "Đề nghị Sở Công Thương tăng cường rà soát, bổ sung hồ sơ về vật liệu nổ công nghiệp.",
    "Ủy ban nhân dân huyện chủ trì rà soát, bổ sung quy hoạch; báo cáo kết quả.",
    "Các đơn vị rà soát, bổ sung danh mục vật liệu nổ công nghiệp theo quy định.",
    "Công an tỉnh phối hợp rà soát, bổ sung phương án bảo quản vật liệu nổ công nghiệp.",
    "Sở Tài chính rà soát, bổ sung dự toán; huyện Lai Châu báo cáo trước ngày 15.",
    "Huyện Lai Châu rà soát, bổ sung kế hoạch, nỗ lực hoàn thành; Cộng hòa xã hội chủ nghĩa.",
]


def table(extra: list[str] | None = None) -> SyllableTable:
    return SyllableTable.from_texts(TYPED + (extra or []))


def test_a_syllable_under_other_marks_where_its_neighbours_meet_the_marked_form() -> None:
    assert table().misreads("Đề nghị các đơn vị bô sung hồ sơ.") == [Misread("bô sung", "bổ sung")]
    assert table().misreads("quản lý vật liệu nồ công nghiệp") == [Misread("liệu nồ", "liệu nổ")]


def test_a_syllable_with_another_initial_consonant() -> None:
    assert table().misreads("Sở Y tế tà soát danh sách") == [Misread("tà soát", "rà soát")]
    assert table().misreads("vật liệu nổ công ghiệp") == [Misread("công ghiệp", "công nghiệp")]


def test_typed_text_of_known_pairs_and_unknown_words_alone_are_not_flagged() -> None:
    t = table()
    assert t.misreads(TYPED[0]) == []
    assert t.misreads("Thành phố Điện Biên Phủ, ngày 15") == [], "syllables the table never saw: no near form"
    assert t.misreads("báo cáo; tà, soát") == [], "punctuation between: no neighbours to judge by"


def test_a_name_is_not_read_as_another_name() -> None:
    assert table().misreads("Huyện Mai Châu báo cáo") == [], "Mai Châu, a name beside a name, is not Lai Châu"
    assert table().misreads("huyện mai châu") == [Misread("mai châu", "lai châu")], "in lower case it is a word"


def test_a_near_form_not_clearly_more_common_is_not_suggested() -> None:
    # "nỗ" (nỗ lực) is in as many documents as "nổ": "nỗ công" is not called a misreading of "nổ công"
    common = ["Các cấp nỗ lực thực hiện."] * 4
    assert table().misreads("vật liệu nỗ công nghiệp") == [Misread("liệu nỗ", "liệu nổ")]
    assert table(common).misreads("vật liệu nỗ công nghiệp") == []


def test_the_tone_mark_may_sit_on_either_vowel() -> None:
    t = table()
    assert t.misreads("Cộng hoà xã hội chủ nghĩa") == [] and t.misreads("Cộng hòa xã hội chủ nghĩa") == []


def test_an_acronym_the_text_writes_otherwise_at_least_three_times_as_often() -> None:
    text = "Kho VLNCN; vận chuyển VLNCN; sử dụngVLNCN đúng; kho VUNCN; giấy phép VLNCN."
    assert table().misreads(text) == [Misread("VUNCN", "VLNCN")]
    assert table().misreads("kho VLUNCN", context=text + " kho VLUNCN") == [Misread("VLUNCN", "VLNCN")]
    assert table().misreads("Kho VLNCN; VLNCN; VUNCN.") == [], "written twice: not enough to say which is right"
    assert table().misreads("kho VUNCN", context=text) == [Misread("VUNCN", "VLNCN")], "counted in the context"
    known = table(["Báo cáo VUNCN.", "Kế hoạch VUNCN."])
    assert known.misreads(text) == [], "an acronym other documents write too is a name of its own"
    assert table().misreads("NGHIÊN CỨU NGHIÊN CỨU NGHIÊN CỨU NGHIỆP") == [], "capitals of a word, not an acronym"


def test_a_document_of_the_table_can_be_measured_as_if_left_out() -> None:
    typo = ["Đề nghị bổ xung hồ sơ.", "Đề nghị bổ xung kế hoạch."]
    t = table(typo)
    assert t.misreads(typo[0]) == [], "a pair in two documents is known"
    assert t.misreads(typo[0], leave_out=t.counts(typo[0])) == [Misread("bổ xung", "bổ sung")]


def test_the_table_is_written_and_read_back(tmp_path: Path) -> None:
    t = table()
    t.dump(tmp_path / "t.json")
    back = SyllableTable.load(tmp_path / "t.json")
    assert (back.syllables, back.pairs, back.documents) == (t.syllables, t.pairs, t.documents)


def test_the_shipped_table_points_at_misreadings_and_leaves_typed_text_alone() -> None:
    ocr = ("Về kho VLNCN: Tăng cường tà soát, bô sung biển báo, sắp xếp thuốc nồ theo quy định; kho VLNCN và kho "
           "VUNCN; VLNCN. Giám đôc Sở giao Phòng Kế hoạch thực hiện.")
    found = ocrwords.misreads(ocr)
    for expected in (Misread("VUNCN", "VLNCN"), Misread("tà soát", "rà soát"), Misread("bô sung", "bổ sung"),
                     Misread("thuốc nồ", "thuốc nổ"), Misread("Giám đôc", "Giám đốc")):
        assert expected in found
    assert len(found) == 5
    typed = ("Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với các sở, ngành liên quan rà soát, "
             "bổ sung quy hoạch; báo cáo Ủy ban nhân dân tỉnh trước ngày 30/4/2026.")
    assert ocrwords.misreads(typed) == []


def test_the_preview_lines_group_the_words_by_place_and_say_how_to_fix() -> None:
    assert texts.misread_lines([]) == []
    lines = texts.misread_lines([
        (texts.SUBJECT_PLACE, [Misread("liệu nô", "liệu nổ")]),
        ("3", [Misread("tà soát", "rà soát"), Misread("liệu nô", "liệu nổ")]),
        ("4", [Misread("liệu nô", "liệu nổ")]),
    ])
    assert lines == [
        "Văn bản được đọc bằng nhận dạng chữ (OCR); có thể đọc sai (đồng chí đối chiếu với bản giấy):",
        "• “liệu nô” (liệu nổ?) — trích yếu, nhiệm vụ 3, 4",
        "• “tà soát” (rà soát?) — nhiệm vụ 3",
        "Để sửa, đồng chí gõ “3 nd: …” (toàn văn nhiệm vụ 3 đã sửa), “trích yếu: …”.",
    ]
    many = texts.misread_lines([("1", [Misread(f"a{i}", f"b{i}") for i in range(12)])])
    assert many[-2] == "• và 2 chỗ khác." and many[1].count("“") == texts.MISREAD_LIMIT
