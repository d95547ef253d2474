"""Round 22: in a letter's paragraphs, one that names a unit and its work after a colon — "Ủy ban Mặt trận Tổ quốc
Việt Nam xã: Chủ trì, phối hợp …" — opens that unit's block: the paragraphs after it that open with a verb ("Huy động
và phân công các tổ chức thành viên …", "Hướng dẫn, giám sát …") are its work too, not work of the units they name as
objects; the block ends at a paragraph that opens with a unit or asks anew."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

LETTER = """Theo đó, UBND xã yêu cầu toàn thể cán bộ, đảng viên, các cơ quan, đơn vị, doanh nghiệp và toàn thể \
Nhân dân trên địa bàn xã đồng loạt ra quân tổng vệ sinh môi trường, chỉnh trang đô thị chào mừng Quốc khánh 2/9.
{unit}: Chủ trì, phối hợp với các đơn vị liên quan trong công tác tuyên truyền, vận động Nhân dân tích cực tham gia \
phong trào.
Huy động và phân công các tổ chức thành viên làm lực lượng nòng cốt để triển khai các hoạt động tổng vệ sinh môi \
trường tại các thôn, tuyến đường.
Hướng dẫn, giám sát việc thực hiện phong trào tại cơ sở; kịp thời biểu dương những tập thể, cá nhân thực hiện tốt.
{after}
"""
BLOCK = ("Chủ trì, phối hợp", "Huy động và phân công", "Hướng dẫn, giám sát")


@pytest.mark.parametrize("unit", ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Đoàn Thanh niên xã"])
def test_verb_first_paragraphs_go_on_with_the_units_work(unit: str) -> None:
    tasks = list(parse_notice(LETTER.format(unit=unit, after="")).tasks)
    shown = [(t.ref, t.lead, t.text[:40]) for t in tasks]
    block = [t for t in tasks if any(b in t.text[:len(unit) + 30] for b in BLOCK)]
    assert len(block) == 3 and all(list(t.lead) == [unit] for t in block), shown


# guards: a paragraph that opens with its own unit, or hands work to one, ends the block
@pytest.mark.parametrize("after,lead", [
    ("Công an xã tăng cường tuần tra, kiểm soát, xử lý các trường hợp đổ rác thải trái quy định.", "Công an xã"),
    ("Giao Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả, báo cáo Chủ tịch UBND xã.",
     "Văn phòng HĐND và UBND xã"),
])
def test_a_paragraph_with_its_own_unit_ends_the_block(after: str, lead: str) -> None:
    tasks = list(parse_notice(LETTER.format(unit="Ủy ban Mặt trận Tổ quốc Việt Nam xã", after=after)).tasks)
    last = [t for t in tasks if after[5:40] in t.text]
    assert len(last) == 1 and list(last[0].lead) == [lead], [(t.ref, t.lead, t.text[:40]) for t in tasks]
