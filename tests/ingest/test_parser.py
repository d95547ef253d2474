"""The notice parser on phrasing patterns (own examples, not the dev corpus)."""

from __future__ import annotations

import datetime as dt
import unicodedata

from bot.ingest import parse_notice
from tests.conftest import SEED_NOTICE

LETTER = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1234/UBND-NL1
V/v kiểm tra an toàn hồ đập mùa mưa lũ
Hà Tĩnh, ngày 05 tháng 9 năm 2024
Kính gửi: Sở Nông nghiệp và Phát triển nông thôn
Xét đề nghị của Sở Nông nghiệp và Phát triển nông thôn tại Văn bản số 456/SNN-TL ngày 30/8/2024, Chủ tịch UBND tỉnh có ý kiến như sau:
Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với UBND các huyện, thành phố kiểm tra an toàn các hồ đập; báo cáo UBND tỉnh trước ngày 20/9/2024.
Nơi nhận:
- Như trên;
- Lưu: VT, NL1.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hùng
"""

CONCLUSION = """THÔNG BÁO
Kết luận của đồng chí Chủ tịch UBND huyện tại buổi làm việc với Phòng Tài nguyên và Môi trường
I. ĐÁNH GIÁ CHUNG
Năm 2023, Phòng đã hoàn thành tốt nhiệm vụ được giao.
Tuy nhiên, còn một số hạn chế:
- Công tác cấp giấy chứng nhận còn chậm.
- Việc xử lý vi phạm chưa kiên quyết.
II. NHIỆM VỤ THỜI GIAN TỚI
1. Phòng Tài nguyên và Môi trường:
a) Đẩy nhanh tiến độ cấp giấy chứng nhận quyền sử dụng đất, hoàn thành trong quý II/2024.
b) Tăng cường kiểm tra, xử lý vi phạm về đất đai; định kỳ hằng tháng báo cáo UBND huyện.
2. Giao Phòng Tài chính - Kế hoạch phối hợp với Phòng Tài nguyên và Môi trường bố trí kinh phí đo đạc trước ngày 30/4/2024.
Căn cứ Thông báo này, Phòng Tài nguyên và Môi trường triển khai thực hiện./.
"""


def test_letter_metadata_and_single_task() -> None:
    n = parse_notice(LETTER)
    assert (n.kind, n.number, n.date, n.place) == ("CÔNG VĂN", "1234/UBND-NL1", dt.date(2024, 9, 5), "Hà Tĩnh")
    assert n.signer == "Trần Văn Hùng" and n.signer_authority == "KT"
    assert n.addressees == ("Sở Nông nghiệp và Phát triển nông thôn",)
    assert n.subject == "kiểm tra an toàn hồ đập mùa mưa lũ"
    assert "456/SNN-TL" in n.references and "1234/UBND-NL1" not in n.references
    assert len(n.tasks) == 1
    t = n.tasks[0]
    assert t.lead == ("Sở Nông nghiệp và Phát triển nông thôn",)
    assert t.support == ("UBND các huyện, thành phố",)
    assert t.due == dt.date(2024, 9, 20) and t.due_text == "trước ngày 20/9/2024"


def test_conclusion_skips_assessment_and_inherits_the_lead() -> None:
    n = parse_notice(CONCLUSION)
    texts = [t.text for t in n.tasks]
    assert not any("cấp giấy chứng nhận còn chậm" in t for t in texts), "shortcomings are not tasks"
    a = next(t for t in n.tasks if t.text.startswith("Đẩy nhanh"))
    b = next(t for t in n.tasks if t.text.startswith("Tăng cường kiểm tra"))
    assert a.lead == ("Phòng Tài nguyên và Môi trường",) and a.due == dt.date(2024, 6, 30)
    assert b.recurrence == "monthly" and b.due is None
    c = next(t for t in n.tasks if "bố trí kinh phí" in t.text)
    assert c.lead == ("Phòng Tài chính - Kế hoạch",) and c.support == ("Phòng Tài nguyên và Môi trường",)
    assert c.due == dt.date(2024, 4, 30)
    assert not any(t.text.startswith("Căn cứ Thông báo") for t in n.tasks)


def test_nfd_input_gives_the_same_result_as_nfc() -> None:
    nfd = unicodedata.normalize("NFD", CONCLUSION)
    assert [t.to_json() for t in parse_notice(nfd).tasks] == [t.to_json() for t in parse_notice(CONCLUSION).tasks]


def test_seed_notice_items() -> None:
    n = parse_notice(SEED_NOTICE.read_text(encoding="utf-8"))
    refs = [t.ref for t in n.tasks]
    assert refs[:2] == ["2", "2.1"] and "3" in refs and "4" in refs
    assert all(t.lead == ("Ban Dân vận Tỉnh ủy",) for t in n.tasks)
    assert n.signer == "Trần Minh Hoài"
    assert n.number is None and n.date is None  # the seed has no number or date line
    assert n.meeting_date == dt.date(2018, 2, 23)


def test_text_without_tasks() -> None:
    assert parse_notice("Kính chào các đồng chí. Chúc mừng năm mới!").tasks == ()
