"""Round 16: the first line of a hard-wrapped news copy is no headline when its sentence goes on below it ("… Chủ
tịch UBND tỉnh yêu" / "cầu các sở, ngành …"): taking it for the title cut the ask in two and lost every task of the
paragraph. A title line followed by a capitalised paragraph stays the title."""

from __future__ import annotations

import textwrap

import pytest

from bot.ingest import parse_notice

PARAGRAPH = ("Mới đây, Chủ tịch UBND tỉnh {name} yêu cầu {unit} nghiêm túc kiểm tra, xử lý các trường hợp lấn chiếm "
             "hè phố, lòng đường làm nơi kinh doanh; tháo dỡ mái che, bục bệ làm cản trở giao thông; xử lý các điểm "
             "trông giữ phương tiện trái phép trên địa bàn. Chiều 9/3, UBND tỉnh tổ chức họp báo thông tin về tình "
             "hình kinh tế - xã hội tháng 2.")


@pytest.mark.parametrize("width", [66, 70, 74])
@pytest.mark.parametrize(("name", "unit"), [("Trần Văn Sơn", "các quận, huyện"), ("Lê Minh", "UBND các xã, phường")])
def test_a_wrapped_first_line_is_no_headline(width: int, name: str, unit: str) -> None:
    whole = PARAGRAPH.format(name=name, unit=unit)
    cut = whole.index(" cầu ")  # the first line ends inside "yêu cầu", as the PDF's line did
    text = whole[:cut] + "\n" + "\n".join(textwrap.wrap(whole[cut + 1:], width=width))
    wrapped = [(t.text, t.lead) for t in parse_notice(text).tasks]
    assert [lead for _, lead in wrapped] == [lead for _, lead in [(t.text, t.lead) for t in parse_notice(whole).tasks]]
    assert any("kiểm tra, xử lý các trường hợp lấn chiếm" in t and lead for t, lead in wrapped), wrapped


def test_a_title_line_stays_the_title() -> None:
    text = ("Tăng cường xử lý lấn chiếm vỉa hè\n\n" + PARAGRAPH.format(name="Trần Văn Sơn", unit="các quận, huyện"))
    notice = parse_notice(text)
    assert notice.subject == "Tăng cường xử lý lấn chiếm vỉa hè"
    assert not any(t.text.startswith("Tăng cường xử lý lấn chiếm vỉa hè") for t in notice.tasks)
