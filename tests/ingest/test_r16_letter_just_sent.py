"""Round 16: a news item that tells of a letter just sent — "<cơ quan> vừa có công văn yêu cầu <đơn vị> …", "… vừa
ban hành công điện số 05/CĐ-UBND chỉ đạo …" — is telling the ask itself, as "<cơ quan> vừa yêu cầu …" is; and the
summary sentence that ends "…, cụ thể:" only announces the paragraphs below it. A letter told without "vừa"
("Bộ X có công văn … đề nghị …") stays background."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """{headline}

{issuer} vừa {sent} yêu cầu {unit} tăng cường kiểm tra, giám sát {topic} trên địa bàn; thông tin kịp thời cho \
chính quyền cơ sở và người dân; tổ chức trực ban theo dõi tình hình trong suốt thời gian cao điểm.

Đồng thời, {unit2} rà soát, bổ sung phương án ứng phó, báo cáo kết quả trước ngày 20/5/2026.
"""

CASES = [
    dict(headline="Tăng cường phòng chống dịch bệnh gia cầm", issuer="Chi cục Chăn nuôi và Thú y",
         unit="các Trạm Chăn nuôi và Thú y huyện", unit2="Trung tâm Dịch vụ nông nghiệp", topic="dịch bệnh gia cầm"),
    dict(headline="Bảo đảm an toàn hồ đập mùa mưa lũ", issuer="Sở Nông nghiệp và Môi trường",
         unit="các Ban Quản lý thủy lợi", unit2="Công ty Khai thác công trình thủy lợi", topic="an toàn hồ đập"),
]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("sent", ["có công văn", "ban hành công văn số 412/SNN-KH", "có Công văn số 88/CCTY",
                                  "gửi văn bản"])
def test_a_letter_just_sent_is_the_ask(c: dict[str, str], sent: str) -> None:
    tasks = parse_notice(NEWS.format(**c, sent=sent)).tasks
    got = [(t.text, t.lead) for t in tasks]
    asked = [lead for text, lead in got if "tăng cường kiểm tra, giám sát" in text]
    assert asked and c["unit"] in asked[0], got
    assert any("tổ chức trực ban" in text for text, _ in got), got


SUMMARY = """Báo cáo kết quả {topic}

Nhằm đánh giá kết quả {topic} thời gian qua; {issuer} vừa ban hành Công văn số 215/UBND-VX chỉ đạo các sở, ngành, \
UBND các huyện báo cáo kết quả {topic}; cụ thể:

{issuer} yêu cầu {unit} rà soát, đánh giá kết quả {topic} của đơn vị, địa phương. Báo cáo gửi về {issuer} chậm \
nhất ngày 27/4/2026.

Giao {lead2} đôn đốc các đơn vị, tổng hợp báo cáo gửi về {issuer} trước ngày 29/4/2026.
"""


@pytest.mark.parametrize("c", [
    dict(topic="công tác phòng, chống thiên tai", issuer="UBND tỉnh", unit="các sở, ngành",
         lead2="Sở Nông nghiệp và Môi trường"),
    dict(topic="chuyển đổi số", issuer="UBND thành phố", unit="UBND các quận, huyện", lead2="Sở Khoa học và Công nghệ"),
])
def test_the_summary_before_cu_the_is_no_task(c: dict[str, str]) -> None:
    tasks = parse_notice(SUMMARY.format(**c)).tasks
    got = [(t.text, t.lead) for t in tasks]
    assert not any(text.rstrip().endswith("cụ thể:") for text, _ in got), got
    assert any("rà soát, đánh giá" in text for text, _ in got), got
    assert any(lead == (c["lead2"],) for _, lead in got), got


def test_a_letter_told_without_just_stays_background() -> None:
    text = ("Kính gửi: Sở Tài chính\n\nBộ Tài chính có công văn số 1234/BTC-NSNN đề nghị UBND tỉnh báo cáo tình hình "
            "thực hiện dự toán.\n\nĐể có cơ sở báo cáo, UBND tỉnh giao Sở Tài chính tổng hợp, tham mưu báo cáo trước "
            "ngày 10/6/2026.\n")
    tasks = parse_notice(text).tasks
    assert not any(t.text.startswith("Bộ Tài chính có công văn") for t in tasks), [t.text for t in tasks]
