"""Round 15: in a text without numbered items, a lead-in that hands out work and ends by announcing it — "Theo đó,
<cơ quan> giao <đơn vị> chủ trì, phối hợp với … triển khai thực hiện các nội dung:", "… yêu cầu <đơn vị> thực hiện
các nhiệm vụ trọng tâm:" — makes the paragraphs below it the work of whom it names, as "… như sau:" does. A
portal's link to the full text ("Xem chi tiết tại đây.", "<tệp>.pdf") after it is not work."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """{place}: Triển khai {topic}

(Cổng TTĐT) – UBND {level} {place} đã có Công văn số 1234/UBND-VX gửi {unit} về việc triển khai {topic}.

Theo đó, UBND {level} giao {unit} chủ trì, phối hợp với các cơ quan, đơn vị liên quan triển khai thực hiện {ending}

Căn cứ tình hình thực tế và hướng dẫn của bộ, ngành trung ương để tham mưu cho UBND {level} kế hoạch {topic} trên \
địa bàn.

Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác.

Định kỳ hằng năm tổng hợp, tham mưu cho UBND {level} báo cáo kết quả {topic} gửi bộ chủ quản theo yêu cầu.
{link}"""

CASES = [
    dict(place="Điện Biên", level="tỉnh", unit="Sở Văn hóa, Thể thao và Du lịch", topic="phát triển văn hóa đọc"),
    dict(place="Tuyên Quang", level="tỉnh", unit="Sở Y tế", topic="chăm sóc sức khỏe người cao tuổi"),
]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("ending", ["các nội dung:", "các nhiệm vụ trọng tâm sau:"])
@pytest.mark.parametrize("link", ["", "Xem chi tiết tại đây.\nCv-trien-khai_signed.pdf\n"])
def test_the_paragraphs_below_are_the_named_units_work(c: dict[str, str], ending: str, link: str) -> None:
    notice = parse_notice(NEWS.format(**c, ending=ending, link=link))
    got = [(t.text, t.lead) for t in notice.tasks]
    assert any("tham mưu cho UBND" in text and "kế hoạch" in text and lead == (c["unit"],) for text, lead in got), got
    assert not any("Kinh phí" in text[:10] or "Xem chi tiết" in text or ".pdf" in text for text, _ in got), got
