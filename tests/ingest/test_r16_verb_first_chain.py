"""Round 16: after an ask to a unit, a paragraph that opens with the next piece of work, its verb first — "Chủ động
phối hợp …", "Tập trung …", "Tiếp tục …", "Lãnh đạo …", "Phát huy …", "Cập nhật …" — is the same unit's work; and
when such a paragraph chains three duties or more with ';', each is a task of its own, as after a named doer. Two
clauses stay one task."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """{headline}

Để chủ động {topic}, {issuer} yêu cầu {unit} tiến hành rà soát, điều chỉnh phương án {topic} và thông báo kịp thời \
cho các cơ quan, đơn vị liên quan trên địa bàn biết để phối hợp.

{opening} phối hợp với chính quyền địa phương tổ chức tuyên truyền, hướng dẫn người dân {topic}; theo dõi thông tin \
cảnh báo trên trang thông tin điện tử của cơ quan chuyên môn để kịp thời xử lý; chủ động cập nhật tình hình thời \
tiết, kiểm tra hiện trường và báo cáo kịp thời về {issuer}.
"""

CASES = [
    dict(headline="Chủ động phòng, chống cháy rừng mùa khô", issuer="Chi cục Kiểm lâm tỉnh",
         unit="các Hạt Kiểm lâm huyện", topic="phòng, chống cháy rừng"),
    dict(headline="Tăng cường phòng chống dịch tả lợn", issuer="Chi cục Chăn nuôi và Thú y",
         unit="các Trạm Chăn nuôi và Thú y huyện", topic="phòng, chống dịch tả lợn"),
]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("opening", ["Chủ động", "Tập trung", "Tiếp tục"])
def test_a_verb_first_chain_is_the_asked_units_work(c: dict[str, str], opening: str) -> None:
    tasks = parse_notice(NEWS.format(**c, opening=opening)).tasks
    got = [(t.text, t.lead) for t in tasks]
    for key in ("tổ chức tuyên truyền, hướng dẫn", "theo dõi thông tin cảnh báo", "chủ động cập nhật tình hình"):
        owners = [lead for text, lead in got if key in text]
        assert owners and owners[0] == (c["unit"],), (key, got)
    # one task each
    assert not any("theo dõi thông tin cảnh báo" in text and "chủ động cập nhật" in text for text, _ in got), got


@pytest.mark.parametrize("c", CASES)
def test_two_clauses_stay_one_task(c: dict[str, str]) -> None:
    text = NEWS.format(**c, opening="Chủ động").replace("; theo dõi thông tin cảnh báo trên trang thông tin điện tử "
                                                         "của cơ quan chuyên môn để kịp thời xử lý", "")
    got = [t.text for t in parse_notice(text).tasks]
    assert any("tổ chức tuyên truyền" in t and "chủ động cập nhật" in t for t in got), got

