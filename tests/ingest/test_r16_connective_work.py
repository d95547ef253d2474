"""Round 16: after a doer's work, a sentence that opens with a connective and then a verb of work — "Trong đó, tiếp
tục rà soát …", "Cạnh đó, thực hiện quản lý …", "Đồng thời, phân công …", "Bên cạnh đó, tham mưu …" — is the same
doer's next task. And after "Cụ thể," a list of doers too long to be read as one name ("Cụ thể, các bộ trưởng, thủ
trưởng cơ quan ngang bộ, …, Chủ tịch UBND các tỉnh … quán triệt …") names who does that paragraph's work."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """{topic}

Nay Chủ tịch UBND tỉnh ban hành Chỉ thị số 19, yêu cầu {unit} chịu trách nhiệm tập trung chỉ đạo thực hiện những \
nhiệm vụ, giải pháp trọng tâm.

{c1} tiếp tục rà soát, đánh giá đầy đủ tình hình thi hành pháp luật về {topic} ở cấp xã, trên cơ sở đó có kế hoạch \
chấn chỉnh kịp thời những tồn tại. {c2} thực hiện quản lý quỹ đất chưa sử dụng theo đúng các quy định hiện hành. \
{c3} tăng cường công tác thanh tra, kiểm tra và xử lý nghiêm các tập thể, cá nhân buông lỏng quản lý.
"""


@pytest.mark.parametrize("unit", ["chủ tịch UBND các huyện, thị xã, thành phố", "Giám đốc các sở, ngành"])
@pytest.mark.parametrize(("c1", "c2", "c3"), [
    ("Trong đó,", "Cạnh đó,", "Đồng thời"),
    ("Trong đó,", "Bên cạnh đó,", "Ngoài ra,"),
])
def test_each_connective_sentence_is_the_doers_next_task(unit: str, c1: str, c2: str, c3: str) -> None:
    tasks = parse_notice(NEWS.format(topic="quản lý đất đai", unit=unit, c1=c1, c2=c2, c3=c3)).tasks
    got = [(t.text, t.lead) for t in tasks]
    for key in ("tiếp tục rà soát, đánh giá", "thực hiện quản lý quỹ đất", "tăng cường công tác thanh tra"):
        owners = [lead for text, lead in got if key in text]
        assert owners, (key, got)
    assert not any("tiếp tục rà soát" in text and "quản lý quỹ đất" in text for text, _ in got), got


LIST = """Xây dựng Chương trình hành động thực hiện Nghị quyết

Theo tinh thần Công văn, Thủ tướng yêu cầu các bộ, ngành, địa phương khẩn trương xây dựng Chương trình hành động.

Cụ thể, các bộ trưởng, thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch UBND các tỉnh, thành phố trực \
thuộc Trung ương quán triệt nội dung Nghị quyết, chủ động triển khai các công việc.

Bên cạnh đó, tham mưu, đề xuất các nội dung cần đưa vào Chương trình hành động của Chính phủ; gửi Bộ Kế hoạch và Đầu \
tư để tổng hợp.
"""


def test_a_long_list_of_doers_after_cu_the_leads_its_work() -> None:
    got = [(t.text, t.lead) for t in parse_notice(LIST).tasks]
    quan_triet = [lead for text, lead in got if "quán triệt nội dung" in text]
    assert quan_triet and "các bộ trưởng" in quan_triet[0], got
    assert not any("quán triệt nội dung" in text and text.startswith("Theo tinh thần") for text, _ in got), got
    tham_muu = [lead for text, lead in got if "tham mưu, đề xuất" in text]
    assert tham_muu and tham_muu[0] == quan_triet[0], got
