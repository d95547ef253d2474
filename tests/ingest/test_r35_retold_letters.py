"""Round 35: how news copies retell a letter and whom it charges.

- "<cơ quan> vừa có Công văn khẩn số 5995 gửi <đơn vị> đề nghị …": whom it was sent to, then what it asks — the ask
  itself, as "<cơ quan> vừa có công văn yêu cầu …" is (a letter told without "vừa" stays background);
- "Sáng 5/8, <cơ quan> có Công điện số 37 gửi tới <đơn vị>." over "Công điện nêu rõ: A. B; C; D": the letter's asks,
  one task each, for whom it was sent to; the sending sentence is no task;
- "toàn Ngành Y tế", a commander "Tư lệnh Bộ Tư lệnh Thủ đô" are doers; "quyết định" after a name is the doer's verb;
- one kind of body at two named places ("UBND huyện A và thành phố B", "UBND TP A và các quận, huyện") is two units.
"""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import split_units

SENT_THEN_ASK = """{headline}

{issuer} vừa có {letter} gửi {unit} {ask} {work} trên địa bàn, báo cáo kết quả về {issuer_short}.
"""

CASES = [
    dict(headline="Tăng cường phòng, chống cúm gia cầm", issuer="Bộ Y tế", issuer_short="Bộ Y tế",
         unit="Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
         work="tăng cường công tác phòng, chống cúm gia cầm ở người"),
    dict(headline="Bảo đảm an toàn cho học sinh mùa mưa lũ", issuer="Bộ Giáo dục và Đào tạo",
         issuer_short="Bộ", unit="các sở giáo dục và đào tạo",
         work="rà soát trường, lớp học có nguy cơ sạt lở"),
]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("letter", ["Công văn khẩn số 5995", "công văn", "văn bản số 412/BYT-DP ngày 12/5/2026",
                                    "Công điện hỏa tốc"])
@pytest.mark.parametrize("ask", ["đề nghị", "yêu cầu"])
def test_a_letter_just_sent_to_units_is_their_ask(c: dict[str, str], letter: str, ask: str) -> None:
    tasks = parse_notice(SENT_THEN_ASK.format(**c, letter=letter, ask=ask)).tasks
    got = [(t.text, list(t.lead)) for t in tasks]
    asked = [lead for text, lead in got if c["work"] in text]
    assert asked and asked[0] == [c["unit"]], got


def test_the_sender_southern_spelling_and_a_leader_signing() -> None:
    text = ("Phó Chủ tịch UBND tỉnh Nguyễn Văn A vừa ký văn bản gởi các Sở Nội vụ, Tài chính và UBND các huyện, thị xã "
            "yêu cầu rà soát số lượng người làm việc trong các cơ sở giáo dục mầm non công lập.")
    tasks = parse_notice(text).tasks
    assert [t.lead for t in tasks if "rà soát số lượng" in t.text], [(t.text, t.lead) for t in tasks]


def test_a_letter_told_without_news_words_stays_background() -> None:
    """A formal letter's background: "Văn phòng Chính phủ có Công văn số … gửi Bộ X đề nghị cho ý kiến" is what
    another body wrote before; the letter's own ask follows."""
    text = ("Kính gửi: Sở Tư pháp\n\nVăn phòng Chính phủ có Công văn số 1234/VPCP-PL ngày 02/5/2026 gửi Bộ Tư pháp "
            "đề nghị cho ý kiến về dự thảo Nghị định.\n\nUBND tỉnh đề nghị Sở Tư pháp nghiên cứu, góp ý dự thảo, gửi "
            "về Văn phòng UBND tỉnh trước ngày 20/5/2026.")
    tasks = parse_notice(text).tasks
    assert [list(t.lead) for t in tasks] == [["Sở Tư pháp"]], [(t.text, t.lead) for t in tasks]


def test_the_ask_retold_after_a_news_time_is_kept() -> None:
    text = ("Chống rét cho gia súc\n\nTối 29/8, Bộ Nông nghiệp và Môi trường có văn bản đề nghị UBND các tỉnh Hà "
            "Giang, Cao Bằng khẩn trương hướng dẫn người chăn nuôi chuẩn bị thức ăn dự trữ cho gia súc.")
    tasks = parse_notice(text).tasks
    assert any("khẩn trương hướng dẫn" in t.text for t in tasks), [(t.text, t.lead) for t in tasks]


WIRE = """Chủ động ứng phó {storm}

{time}, Văn phòng Ban Chỉ đạo quốc gia về phòng, chống thiên tai có Công điện số {n} gửi tới {unit}.

{says}: Theo dõi chặt chẽ diễn biến của {storm}. Thông báo cho chủ các phương tiện đang hoạt động trên biển biết \
vị trí, hướng di chuyển; Duy trì lực lượng, phương tiện cứu hộ, cứu nạn; Tổ chức trực ban nghiêm túc, báo cáo \
thường xuyên về Văn phòng Ban Chỉ đạo./.
"""


@pytest.mark.parametrize("time", ["Sáng 5/8", "Ngày 12/9/2026", "Mới đây"])
@pytest.mark.parametrize("says", ["Công điện nêu rõ", "Công điện yêu cầu", "Theo đó, công điện nhấn mạnh"])
def test_a_wired_letters_asks_are_tasks_of_whom_it_was_sent_to(time: str, says: str) -> None:
    unit = "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn các tỉnh, thành phố ven biển"
    tasks = parse_notice(WIRE.format(storm="áp thấp nhiệt đới", time=time, n="37", unit=unit, says=says)).tasks
    got = [(t.text, list(t.lead)) for t in tasks]
    for work in ("Theo dõi chặt chẽ", "Thông báo cho chủ các phương tiện", "Duy trì lực lượng", "Tổ chức trực ban"):
        assert [lead for text, lead in got if work in text] == [[unit]], (work, got)
    assert not any("có Công điện số" in text for text, _ in got), got  # the sending itself asks nothing


@pytest.mark.parametrize("sentence, lead", [
    ("Theo đó, Bộ Y tế yêu cầu toàn Ngành Y tế chủ động xây dựng phương án bảo vệ cơ sở y tế.", ["toàn Ngành Y tế"]),
    ("Thành phố giao Tư lệnh Bộ Tư lệnh Thủ đô quyết định cụ thể số lượng công dân nhập ngũ của từng địa phương.",
     ["Tư lệnh Bộ Tư lệnh Thủ đô"]),
    ("UBND thành phố giao Bộ Tư lệnh Thủ đô quyết định cụ thể số lượng công dân nhập ngũ của từng địa phương.",
     ["Bộ Tư lệnh Thủ đô"]),
])
def test_doers_a_sector_a_commander_and_the_verb_quyet_dinh(sentence: str, lead: list[str]) -> None:
    tasks = parse_notice(sentence).tasks
    assert [list(t.lead) for t in tasks][:1] == [lead], [(t.text, t.lead) for t in tasks]


def test_work_done_within_a_sector_names_no_doer() -> None:
    tasks = parse_notice("UBND tỉnh yêu cầu Sở Giáo dục và Đào tạo quán triệt trong toàn ngành Giáo dục về an toàn "
                         "trường học.").tasks
    assert [list(t.lead) for t in tasks] == [["Sở Giáo dục và Đào tạo"]], [(t.text, t.lead) for t in tasks]


@pytest.mark.parametrize("names, units", [
    ("UBND huyện Đông Sơn và thành phố Thanh Hóa", ["UBND huyện Đông Sơn", "UBND thành phố Thanh Hóa"]),
    ("UBND TP Thủ Đức và các quận, huyện", ["UBND TP Thủ Đức", "UBND các quận, huyện"]),
    ("Ủy ban nhân dân tỉnh Lào Cai và tỉnh Yên Bái", ["Ủy ban nhân dân tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Yên Bái"]),
    # (the one body of a city and its districts, the first place unnamed: as written)
    ("Ủy ban nhân dân thành phố và các huyện", ["Ủy ban nhân dân thành phố và các huyện"]),
    # (names with "và" inside stay whole)
    ("Sở Lao động - Thương binh và Xã hội", ["Sở Lao động - Thương binh và Xã hội"]),
])
def test_one_body_at_two_places(names: str, units: list[str]) -> None:
    assert split_units(names) == units


@pytest.mark.parametrize("glue", [".", ". "])
def test_two_sentences_glued_at_the_full_stop_are_two(glue: str) -> None:
    text = ("Phòng chống cháy rừng\n\nUBND tỉnh yêu cầu UBND các huyện bố trí lực lượng trực 24/24 giờ tại các khu "
            f"rừng trên địa bàn{glue}Làm tốt công tác cảnh báo cấp cháy rừng đến người dân. UBND các huyện báo cáo "
            "kết quả về Sở Nông nghiệp và Môi trường.")
    tasks = parse_notice(text).tasks
    assert any(t.text.startswith("UBND tỉnh yêu cầu") and "địa bàn." in t.text for t in tasks), \
        [(t.text, t.lead) for t in tasks]


def test_a_glued_stop_between_capitals_is_an_abbreviation() -> None:
    from bot.ingest.parser import clean_text
    assert clean_text("UBND TP.HCM và Sở GD&ĐT Tp.HCM, QĐ.UB") == "UBND TP.HCM và Sở GD&ĐT Tp.HCM, QĐ.UB"
    assert clean_text("các đoàn thể xã.Qua 6 tháng") == "các đoàn thể xã. Qua 6 tháng"


def test_an_ask_glued_to_the_year_before_it() -> None:
    text = ("Ngày 25/6, Ban Chỉ huy phòng cháy chữa cháy rừng tỉnh năm 2021đề nghị UBND các huyện, thành, thị tập "
            "trung chỉ đạo làm tốt công tác phòng chống cháy rừng.")
    tasks = parse_notice(text).tasks
    assert [list(t.lead) for t in tasks][:1] == [["UBND các huyện, thành, thị"]], [(t.text, t.lead) for t in tasks]


@pytest.mark.parametrize("aim", ["Để chủ động phòng, chống dịch", "Nhằm kiểm soát dịch bệnh"])
def test_the_aim_then_the_work_ahead(aim: str) -> None:
    text = f"{aim}, trong thời gian tới Sở Y tế tăng cường giám sát ca bệnh tại cộng đồng, báo cáo UBND tỉnh hằng tuần."
    tasks = parse_notice(text).tasks
    assert [list(t.lead) for t in tasks] == [["Sở Y tế"]], [(t.text, t.lead) for t in tasks]


def test_a_warning_is_the_doers_verb_not_its_name() -> None:
    text = "Ban Chỉ đạo đề nghị các tỉnh ven biển cảnh báo kịp thời đến người dân về diễn biến của bão."
    tasks = parse_notice(text).tasks
    assert [list(t.lead) for t in tasks] == [["các tỉnh ven biển"]], [(t.text, t.lead) for t in tasks]


@pytest.mark.parametrize("asked, lead", [
    ("đề nghị 36 bộ, cơ quan trung ương và địa phương", "36 bộ, cơ quan trung ương và địa phương"),
    ("vừa đề nghị 21 quận, huyện", "21 quận, huyện"),
    ("yêu cầu 5 huyện biên giới", "5 huyện biên giới"),
])
def test_a_count_before_a_kind_is_the_group_asked(asked: str, lead: str) -> None:
    """"đề nghị 36 bộ, cơ quan …" asks those, as "đề nghị các bộ, cơ quan …" would — not the one who asks."""
    text = f"Vì vậy, Bộ Kế hoạch và Đầu tư {asked} khẩn trương hoàn thiện báo cáo theo yêu cầu."
    tasks = parse_notice(text).tasks
    assert [list(t.lead) for t in tasks] == [[lead]], [(t.text, t.lead) for t in tasks]


def test_a_count_of_the_units_named_above_is_theirs() -> None:
    text = ("Đến nay còn Bộ Xây dựng, Bộ Y tế, Ủy ban Dân tộc chưa gửi báo cáo quyết toán.\n\nBộ Tài chính đề nghị "
            "3 bộ, ngành nêu trên khẩn trương gửi báo cáo quyết toán về Bộ Tài chính trước ngày 15/9/2026.")
    tasks = parse_notice(text).tasks
    assert not any(lead.startswith("3 ") for t in tasks for lead in t.lead), [(t.text, t.lead) for t in tasks]
