"""Round 15: the sentence that sums up a plan or letter at its end ("Trên đây là Kế hoạch của <cơ quan> thực hiện …")
is its closing formula. It is never a task nor glued onto the last item; what follows it in the same paragraph is
judged on its own: the call to carry the document out ("Yêu cầu <các đơn vị> nghiêm túc triển khai thực hiện; …")
is a closing too, and still names whom the items without a unit of their own are for (CORPUS.md: the addressee from
"X triển khai thực hiện")."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

PLAN = """ỦY BAN NHÂN DÂN HUYỆN {district}
PHÒNG {office}
Số: 15/KH-{abbr}

KẾ HOẠCH
Triển khai {topic} năm 2026

I. NHIỆM VỤ
1. {unit_a} rà soát, cập nhật danh mục {topic} trên địa bàn.
2. Tăng cường kiểm tra, hướng dẫn việc thực hiện {topic} tại cơ sở.
II. TỔ CHỨC THỰC HIỆN
{unit_b} tổng hợp kết quả, báo cáo Ủy ban nhân dân huyện theo quy định.
{closing}

Nơi nhận:
- Như trên;
- Lưu: VT.
"""

CASES = [
    dict(district="TÂN PHÚ", office="TÀI CHÍNH - KẾ HOẠCH", abbr="TCKH", topic="công tác quản lý giá",
         unit_a="Bộ phận Quản lý giá", unit_b="Bộ phận Tổng hợp", group="các bộ phận, công chức thuộc Phòng",
         kind="Kế hoạch", verb="Yêu cầu"),
    dict(district="ĐÔNG SƠN", office="VĂN HÓA VÀ THÔNG TIN", abbr="VHTT", topic="công tác thông tin cơ sở",
         unit_a="Tổ Thông tin", unit_b="Tổ Hành chính", group="các tổ, bộ phận trực thuộc",
         kind="Chương trình", verb="Đề nghị"),
]


def _closing(c: dict[str, str], tail: str) -> str:
    return (f"Trên đây là {c['kind']} của Phòng triển khai {c['topic']} năm 2026 (ban hành kèm theo Quyết định số "
            f"12/QĐ-UBND ngày 05/3/2026 của Ủy ban nhân dân huyện). {c['verb']} {c['group']} nghiêm túc triển khai "
            f"thực hiện{tail}")


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("tail", ["./.", "; trong quá trình thực hiện nếu có khó khăn, vướng mắc kịp thời báo cáo "
                                          "Lãnh đạo Phòng để chỉ đạo, giải quyết./."])
def test_the_summing_up_and_the_call_are_no_task(c: dict[str, str], tail: str) -> None:
    notice = parse_notice(PLAN.format(**c, closing=_closing(c, tail)))
    texts = [t.text for t in notice.tasks]
    assert len(texts) == 3, texts
    assert not any("Trên đây" in t or "nghiêm túc" in t for t in texts), texts
    assert texts[-1].endswith("theo quy định."), texts


@pytest.mark.parametrize("c", CASES)
def test_the_call_still_names_whom_unassigned_items_are_for(c: dict[str, str]) -> None:
    notice = parse_notice(PLAN.format(**c, closing=_closing(c, "./.")))
    leads = {t.ref: t.lead for t in notice.tasks}
    assert leads["I.1"] == (c["unit_a"],)
    assert leads["I.2"] == (c["group"],)


def test_a_real_ask_after_the_summing_up_stays_a_task() -> None:
    c = CASES[0]
    closing = (f"Trên đây là Kế hoạch của Phòng triển khai {c['topic']} năm 2026. Giao Bộ phận Kế toán bố trí kinh "
               "phí thực hiện Kế hoạch, báo cáo Trưởng phòng trước ngày 30/4/2026.")
    notice = parse_notice(PLAN.format(**c, closing=closing))
    texts = [t.text for t in notice.tasks]
    assert any(t.startswith("Giao Bộ phận Kế toán") for t in texts), texts
    assert not any("Trên đây" in t for t in texts), texts


@pytest.mark.parametrize("c", CASES)
def test_a_call_to_carry_out_the_plan_after_the_summing_up_is_no_task(c: dict[str, str]) -> None:
    closing = (f"Trên đây là {c['kind']} triển khai {c['topic']} năm 2026. Phòng đề nghị Ủy ban nhân dân các xã, thị "
               f"trấn phối hợp chỉ đạo triển khai; yêu cầu {c['group']} thực hiện nghiêm các nhiệm vụ được giao trong "
               f"{c['kind']}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh về "
               "Phòng để hướng dẫn, giải quyết./.")
    notice = parse_notice(PLAN.format(**c, closing=closing))
    texts = [t.text for t in notice.tasks]
    assert texts and texts[-1].endswith("theo quy định."), texts
    assert not any("Trên đây" in t or "thực hiện nghiêm" in t or "chỉ đạo triển khai" in t for t in texts), texts
