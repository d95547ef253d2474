"""Round 27 phrasing pattern: a letter to several addressees charges a unit with the list below in a line of its
own, without a number — "Giám đốc Sở X có trách nhiệm:", "Công an tỉnh có nhiệm vụ:", "UBND các huyện chịu trách
nhiệm:" over "- …" items. The unit the text names (as written, the head included) leads every item, not the
addressee list. Unit names and work are invented."""

from __future__ import annotations

from bot.ingest import parse_notice

LETTER = """BỘ NÔNG NGHIỆP
Số: 812/BNN-TT
Hà Nội, ngày 5 tháng 3 năm 2027

Kính gửi:
- Sở Nông nghiệp tỉnh An Bình;
- Sở Nông nghiệp tỉnh Bắc Lâm;
- Sở Nông nghiệp tỉnh Cao Nguyên.

Qua sơ kết vụ đông năm 2026 tại 03 địa phương, Bộ Nông nghiệp đã có Công văn số 301/BNN-TT gửi Tổng công ty Giống \
cây trồng về việc khắc phục các tồn tại trong cung ứng giống.
{HEAD}
- Phối hợp với Tổng công ty Giống cây trồng hoàn thiện phương án cung ứng giống vụ đông.
- Tăng cường kiểm tra, hướng dẫn Phòng Nông nghiệp cấp huyện giám sát việc cấp phát giống cho nông dân.
- Kịp thời giải đáp những vướng mắc (nếu có) và thanh quyết toán theo đúng quy định.
Bộ Nông nghiệp thông báo để các địa phương biết, thực hiện./.
"""

WORK = ("hoàn thiện phương án cung ứng giống", "giám sát việc cấp phát giống", "Kịp thời giải đáp")


def _leads(head: str) -> dict[str, list[str]]:
    tasks = parse_notice(LETTER.replace("{HEAD}", head)).to_json()["tasks"]
    return {w: next(t.get("lead") or [] for t in tasks if w in t["text"]) for w in WORK}


def test_head_of_the_addressed_department_leads_as_written() -> None:
    for w, lead in _leads("Giám đốc Sở Nông nghiệp có trách nhiệm:").items():
        assert lead == ["Giám đốc Sở Nông nghiệp"], (w, lead)


def test_named_unit_with_duties_leads_not_the_addressees() -> None:
    for w, lead in _leads("Chi cục Trồng trọt có nhiệm vụ:").items():
        assert lead == ["Chi cục Trồng trọt"], (w, lead)


def test_chiu_trach_nhiem_lead_in() -> None:
    for w, lead in _leads("Ủy ban nhân dân các huyện chịu trách nhiệm:").items():
        assert lead == ["Ủy ban nhân dân các huyện"], (w, lead)


def test_lead_in_without_a_unit_keeps_the_addressees() -> None:
    # guard: "Các nội dung cụ thể như sau:" names nobody — the addressees still do the work
    for w, lead in _leads("Đề nghị thực hiện các nội dung cụ thể như sau:").items():
        assert len(lead) == 3 and all(u.startswith("Sở Nông nghiệp tỉnh") for u in lead), (w, lead)
