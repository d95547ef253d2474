"""Round 30: a letter that guides the application of a law ("Bộ X hướng dẫn (cụ thể) một số nội dung … như sau:")
lists explanations of the law, not work; only what an item asks of a unit ("Đề nghị …", "Bộ X đề nghị Y …") is a
task, and so is an ask made before the lead-in. A lead-in that guides named units to act ("Sở X hướng dẫn các
trường thực hiện … như sau:") still hands out work."""

from __future__ import annotations

import pytest

from bot.ingest.parser import parse_notice


def _letter(lead_in: str, items: list[str], opening: str = "Luật Quản lý thuế có hiệu lực từ ngày 01/7/2020.") -> str:
    return "\n".join([
        "BỘ TÀI CHÍNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 123/BTC-TCT",
        "V/v hướng dẫn thực hiện Luật Quản lý thuế",
        "Hà Nội, ngày 10 tháng 6 năm 2020",
        "Kính gửi: Cục Thuế các tỉnh, thành phố.",
        opening,
        lead_in,
        *items,
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
        "KT. BỘ TRƯỞNG",
        "THỨ TRƯỞNG",
        "Nguyễn Văn An",
    ])


RULES = [
    "1. Địa điểm khai thuế Thực hiện theo quy định tại Điều 42 Luật Quản lý thuế năm 2019.",
    "2. Thời hạn nộp hồ sơ khai thuế 2.1. Đối với thuế khai theo tháng, chậm nhất là ngày thứ 20 của tháng tiếp theo.",
    "2.2. Trường hợp người nộp thuế khai bổ sung thì thời hạn nộp thực hiện theo quy định tại khoản 3 Điều 47 "
    "Luật Quản lý thuế.",
    "3. Về thẩm quyền gia hạn nộp thuế: Thủ trưởng cơ quan thuế quản lý trực tiếp quyết định việc gia hạn nộp thuế.",
    "4. Về hồ sơ có yêu cầu hoàn thuế Cơ quan thuế giải quyết hồ sơ hoàn thuế trong thời hạn 06 ngày làm việc.",
]
ASK = "5. Bộ Tài chính đề nghị Tổng cục Thuế chỉ đạo Cục Thuế các tỉnh, thành phố phổ biến nội dung hướng dẫn này."


@pytest.mark.parametrize("lead_in", [
    "Bộ Tài chính hướng dẫn cụ thể một số nội dung như sau:",
    "Bộ Tài chính hướng dẫn thực hiện một số nội dung liên quan đến quy định tại Điều 42 như sau:",
    "Bộ Tài chính bổ sung hướng dẫn như sau:",
])
def test_a_guidance_letters_explanations_are_no_tasks(lead_in: str) -> None:
    notice = parse_notice(_letter(lead_in, [*RULES, ASK]))
    assert [t.lead for t in notice.tasks] == [("Tổng cục Thuế",)]
    assert "phổ biến nội dung hướng dẫn" in notice.tasks[0].text


def test_an_ask_among_the_guidance_leads_the_bullets_below_it() -> None:
    notice = parse_notice(_letter("Bộ Tài chính hướng dẫn cụ thể một số nội dung như sau:", [
        *RULES,
        "5. Để bảo đảm thực hiện thống nhất, Bộ Tài chính:",
        "a) Đề nghị Cục trưởng Cục Thuế các tỉnh, thành phố:",
        "- Tổ chức quán triệt đến công chức thuế các quy định của Luật Quản lý thuế;",
        "- Thực hiện đúng quy định tại Điều 2 Thông tư số 80/2021/TT-BTC về hồ sơ khai thuế.",
    ]))
    texts = [t.text for t in notice.tasks]
    assert any(t.startswith("Tổ chức quán triệt") for t in texts)
    assert any(t.startswith("Thực hiện đúng quy định tại Điều 2") for t in texts)
    assert not any("Điều 42" in t or "06 ngày làm việc" in t or "gia hạn nộp thuế" in t for t in texts)
    assert all(t.lead == ("Cục trưởng Cục Thuế các tỉnh, thành phố",) for t in notice.tasks)


def test_the_ask_before_a_guidance_lead_in_is_a_task_of_whom_it_asks() -> None:
    notice = parse_notice(_letter("Bộ Tài chính hướng dẫn cụ thể một số nội dung như sau:", RULES, opening=(
        "Để thực hiện thống nhất Luật Quản lý thuế từ ngày 01/7/2020, Bộ Tài chính yêu cầu các đơn vị thực hiện các "
        "quy định của Luật Quản lý thuế năm 2019 từ thời điểm Luật có hiệu lực.")))
    assert len(notice.tasks) == 1
    assert notice.tasks[0].lead != ("Bộ Tài chính",)  # the guide is not who acts on it
    assert "thực hiện các quy định của Luật Quản lý thuế năm 2019" in notice.tasks[0].text


def test_guidance_that_names_who_acts_still_hands_out_work() -> None:
    notice = parse_notice(_letter("Bộ Tài chính hướng dẫn các Cục Thuế thực hiện nhiệm vụ năm 2020 như sau:", [
        "1. Rà soát toàn bộ hồ sơ hoàn thuế tồn đọng theo quy định tại Điều 42 Luật Quản lý thuế.",
        "2. Tổ chức tập huấn cho công chức thuế về Luật Quản lý thuế năm 2019.",
    ]))
    assert len(notice.tasks) == 2
