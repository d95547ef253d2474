"""Round 17: after an ask, a paragraph whose doer is named by its kind alone and which says the work — "Các địa
phương tổ chức kiểm tra công tác ứng phó rét đậm … tại các khu vực trọng điểm, bảo đảm …" — is a duty of its own
(it was dropped: a name by kind was taken to point back only); a short "Các đơn vị thực hiện trước ngày …" still only
dates the ask above."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """Ngày 10/01/2026, Văn phòng Sở Nông nghiệp có văn bản về phòng, chống rét.

Sở Nông nghiệp đề nghị {asked} tiếp tục thực hiện nghiêm công điện của UBND tỉnh về phòng, chống rét đậm, rét hại.

{kind} {work}
"""

WORK = ("tổ chức kiểm tra công tác ứng phó rét đậm, rét hại tại các khu vực trọng điểm vùng cao, bảo đảm an toàn cho "
        "người và vật nuôi.")


@pytest.mark.parametrize("kind", ["Các địa phương", "Các đơn vị", "Các cơ quan"])
@pytest.mark.parametrize("asked", ["các huyện, thị xã", "Chi cục Chăn nuôi và Thú y"])
def test_a_paragraph_of_work_by_a_kind_of_unit_is_a_task(kind: str, asked: str) -> None:
    tasks = parse_notice(NEWS.format(asked=asked, kind=kind, work=WORK)).tasks
    own = [t for t in tasks if t.text.startswith(kind)]
    assert len(own) == 1, [t.text for t in tasks]


def test_a_short_dating_sentence_is_no_task_of_its_own() -> None:
    text = NEWS.format(asked="các trường học", kind="Các đơn vị", work="thực hiện trước ngày 24/3/2026.")
    tasks = parse_notice(text).tasks
    assert not any(t.text.startswith("Các đơn vị") for t in tasks), [t.text for t in tasks]
