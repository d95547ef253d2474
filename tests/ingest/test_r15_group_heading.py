"""Round 15: a numbered group whose bullets are the tasks and whose responsibility line after them ("Đơn vị chủ trì:
X; Đơn vị phối hợp: Y") leads each bullet is a heading over those tasks, not a task of its own — whatever its
length and the fields written under it ("Lãnh đạo phụ trách: …")."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

PLAN = """SỞ {dept}
Số: 21/KH-{abbr}

KẾ HOẠCH
Thực hiện chương trình {topic} giai đoạn 2026-2030

I. NHIỆM VỤ TRỌNG TÂM
1. {group_title}
- Tham mưu xây dựng cơ chế, chính sách hỗ trợ {topic} trên địa bàn tỉnh.
- Rà soát, đánh giá kết quả thực hiện các dự án {topic} đã triển khai.
{fields}Đơn vị chủ trì: {lead}; Đơn vị phối hợp: {support}.
2. Tăng cường công tác kiểm tra
- Kiểm tra định kỳ việc chấp hành quy định về {topic}.
Đơn vị chủ trì: {support}; Đơn vị phối hợp: {lead}.

Trên đây là Kế hoạch của Sở. Yêu cầu các phòng, đơn vị thuộc Sở nghiêm túc triển khai thực hiện./.
"""

CASES = [
    dict(dept="NÔNG NGHIỆP VÀ MÔI TRƯỜNG", abbr="SNNMT", topic="phát triển lâm nghiệp bền vững",
         lead="Chi cục Kiểm lâm", support="Phòng Kế hoạch - Tài chính"),
    dict(dept="XÂY DỰNG", abbr="SXD", topic="phát triển nhà ở xã hội", lead="Phòng Quản lý nhà",
         support="Thanh tra Sở"),
]
TITLES = ["Hoàn thiện thể chế", "Hoàn thiện thể chế, chính sách, nâng cao hiệu quả quản lý nhà nước và huy động "
                               "các nguồn lực xã hội cho phát triển bền vững"]
FIELDS = ["", "Lãnh đạo phụ trách: Phó Giám đốc Nguyễn Văn An, Phó Giám đốc Trần Thị Bình.\n"]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("fields", FIELDS)
def test_the_group_is_no_task_and_its_bullets_keep_the_lead(c: dict[str, str], title: str, fields: str) -> None:
    notice = parse_notice(PLAN.format(**c, group_title=title, fields=fields))
    got = {t.ref: (t.lead, t.support) for t in notice.tasks}
    assert set(got) == {"I.1.a", "I.1.b", "I.2.a"}, [(t.ref, t.text) for t in notice.tasks]
    assert got["I.1.a"] == ((c["lead"],), (c["support"],))
    assert got["I.2.a"] == ((c["support"],), (c["lead"],))
