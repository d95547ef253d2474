"""Round 18: after asks to a group, a paragraph that singles one place or unit out — "Riêng đối với tỉnh A, đề nghị
thành lập …", "Riêng UBND huyện B, yêu cầu …" — is a task of its own, led by the place or unit singled out (a
province or district named by its kind in lower case opens no unit name elsewhere)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """Ngày 10/01/2026, Văn phòng Ban Chỉ huy phòng, chống thiên tai có văn bản về phòng, chống rét.

Văn phòng đề nghị các huyện, thị xã tiếp tục thực hiện nghiêm công điện của UBND tỉnh về phòng, chống rét đậm, rét hại.

Các địa phương tổ chức kiểm tra công tác ứng phó rét đậm, rét hại tại các khu vực trọng điểm vùng cao, bảo đảm an toàn \
cho người và vật nuôi.

{singled}, {ask} thành lập các đoàn công tác để đánh giá hiện trạng, nguyên nhân thiệt hại do rét đậm, rét hại.
"""


@pytest.mark.parametrize("ask", ["đề nghị", "yêu cầu"])
@pytest.mark.parametrize(("singled", "unit"), [
    ("Riêng đối với tỉnh Lạng Sơn", "tỉnh Lạng Sơn"),
    ("Riêng đối với huyện Bình Liêu", "huyện Bình Liêu"),
    ("Riêng thị xã Quảng Yên", "thị xã Quảng Yên"),
    ("Riêng đối với UBND huyện Tiên Yên", "UBND huyện Tiên Yên"),
])
def test_the_place_singled_out_leads_its_task(singled: str, unit: str, ask: str) -> None:
    tasks = parse_notice(NEWS.format(singled=singled, ask=ask)).tasks
    own = [t for t in tasks if t.text.startswith(singled)]
    assert len(own) == 1, [(t.text, t.lead) for t in tasks]
    assert list(own[0].lead) == [unit]
