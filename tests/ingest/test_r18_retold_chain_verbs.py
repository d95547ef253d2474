"""Round 18: in a retold report's ';' chain, more verbs open a duty of the same doer: "tập trung chỉ đạo …",
"nhanh chóng kiện toàn …", "chủ động phát hiện …", "hiệp đồng chặt chẽ …", "trả lời công dân …", "biểu dương, khen
thưởng …" — one task each. A clause that only qualifies the duty before it stays with it."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

REPORT = """UBND huyện họp đánh giá tình hình quý I

Sáng ngày 05/4/2026, UBND huyện tổ chức phiên họp thường kỳ để đánh giá tình hình kinh tế - xã hội quý I.

Kết luận phiên họp, Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị, địa phương trong thời gian tới: (1) Tiếp tục \
lãnh đạo thực hiện thắng lợi các chỉ tiêu kinh tế - xã hội năm 2026; {second}; kiên quyết không để phát sinh các \
trường hợp vi phạm mới trong lĩnh vực đất đai; (2) Chủ động rà soát các thủ tục hành chính còn vướng mắc để kịp thời \
tháo gỡ cho người dân và doanh nghiệp.
"""

SECONDS = [
    "tập trung chỉ đạo đẩy nhanh tiến độ xây dựng các công trình chào mừng đại hội",
    "nhanh chóng kiện toàn Ban Chỉ đạo phòng, chống dịch bệnh ở các thôn",
    "chủ động phát hiện sớm, xử lý triệt để các ổ dịch trên địa bàn xã",
    "hiệp đồng chặt chẽ giữa các lực lượng trên địa bàn khi có tình huống xảy ra",
    "trả lời công dân về kết quả giải quyết các kiến nghị còn tồn đọng",
    "biểu dương, khen thưởng kịp thời những tập thể, cá nhân có thành tích",
]


@pytest.mark.parametrize("second", SECONDS)
def test_the_verb_opens_a_duty_of_its_own(second: str) -> None:
    tasks = parse_notice(REPORT.format(second=second)).tasks
    own = [t for t in tasks if t.text.startswith(second[:30])]
    assert len(own) == 1, [t.text for t in tasks]
    assert [list(t.lead) for t in tasks if "chỉ tiêu" in t.text] == [list(own[0].lead)]


@pytest.mark.parametrize("clause", ["trong đó chú trọng các xã vùng sâu, vùng xa và các thôn đặc biệt khó khăn",
                                    "nhất là các chỉ tiêu về thu ngân sách và xây dựng nông thôn mới nâng cao"])
def test_a_qualifying_clause_stays(clause: str) -> None:
    tasks = parse_notice(REPORT.format(second=clause)).tasks
    assert any("chỉ tiêu kinh tế" in t.text and clause[:30] in t.text for t in tasks), [t.text for t in tasks]
