"""Round 16: after a working visit or a check, an ask that names the place by its level alone — "Đoàn công tác đề
nghị xã bổ sung …", "yêu cầu địa phương tiếp tục …", "đoàn yêu cầu phường báo cáo thêm …" — asks the place the text
names with that level: the one visited ("… làm việc với Đảng ủy xã X", "… kiểm tra … tại huyện Y"), else the first
unit named with that word ("Theo báo cáo của UBND phường 3, …"). The clauses that go on with the same sentence
("…; đồng thời yêu cầu …") are asked of it too."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import _asked_the_visited

VISIT = """Đoàn công tác của Huyện ủy làm việc với {unit}

Ngày 19/02/2026, Phó Bí thư Huyện ủy cùng Đoàn công tác của Huyện ủy đến làm việc với {unit} về công tác lãnh đạo \
thực hiện nhiệm vụ năm 2026.

Phó Bí thư Huyện ủy Nguyễn Văn An đánh giá trong năm 2025, Đảng bộ, chính quyền và nhân dân đã chủ động thực hiện \
và hoàn thành các nhiệm vụ trọng tâm. Bên cạnh đó, lãnh đạo Huyện ủy đề nghị {word} trong năm 2026 tiếp tục tập \
trung hoàn chỉnh các kế hoạch, tài liệu phục vụ đại hội.
"""


@pytest.mark.parametrize(("unit", "word"), [
    ("Đảng ủy xã Tân Phú", "xã"), ("Đảng ủy phường Hòa Minh", "phường"), ("Đảng ủy xã Tân Phú", "địa phương"),
])
def test_the_place_visited_is_asked(unit: str, word: str) -> None:
    tasks = parse_notice(VISIT.format(unit=unit, word=word)).tasks
    got = [(t.text, t.lead) for t in tasks]
    assert any("hoàn chỉnh các kế hoạch" in text and lead == (unit,) for text, lead in got), got


CHECK = """Giám sát quỹ tài chính ngoài ngân sách tại {unit}

Theo báo cáo của {unit}, kết quả thực hiện các khoản thu từ năm 2023 đến năm 2025 gồm quỹ phòng, chống thiên tai \
hơn 44 triệu đồng; quỹ Vì người nghèo hơn 783 triệu đồng.
Qua giám sát, đoàn làm việc yêu cầu {word} báo cáo thêm các nguồn quỹ vận động do các nhà hảo tâm ủng hộ; thu các \
loại quỹ này có đạt chỉ tiêu; đồng thời yêu cầu các nguồn chi phải đúng mục đích và rõ ràng, phải công khai các \
loại quỹ đúng quy định.
"""


@pytest.mark.parametrize(("unit", "word"), [("UBND phường 3", "phường"), ("UBND xã Hòa Bình", "xã")])
def test_the_place_checked_is_asked_and_so_is_the_rest_of_the_sentence(unit: str, word: str) -> None:
    tasks = parse_notice(CHECK.format(unit=unit, word=word)).tasks
    got = [(t.text, t.lead) for t in tasks]
    assert any("báo cáo thêm các nguồn quỹ" in text and lead == (unit,) for text, lead in got), got
    assert any("các nguồn chi phải đúng mục đích" in text and lead == (unit,) for text, lead in got), got



def test_a_level_word_with_no_place_named_is_left_alone() -> None:
    tasks = parse_notice("Chủ tịch UBND huyện đề nghị xã khẩn trương rà soát danh sách các hộ cần hỗ trợ, báo cáo "
                         "trước ngày 15/3/2026.\n").tasks
    assert _asked_the_visited(list(tasks), tasks[0].text) == list(tasks)
