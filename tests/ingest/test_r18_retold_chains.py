"""Round 18: a news or portal report (no kind, no number of its own) strings one doer's duties together with ';', each
after the first opening with its verb; each is a task of its own, led by the doer of the whole. A formal notice, with
its kind and number, keeps an item's ';' clauses in the item's one task; and two clauses of an item that opens with its
verb, or whose first clause directs others, stay one task (as the rounds before pinned)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

REPORT = """UBND huyện họp đánh giá tình hình tháng {month}

Sáng ngày 05/{month}/2026, UBND huyện tổ chức phiên họp thường kỳ để đánh giá tình hình kinh tế - xã hội.

Kết luận phiên họp, Chủ tịch UBND huyện yêu cầu {asked} trong thời gian tới: (1) {first}; {second}; {third}; (2) \
Chủ động rà soát các thủ tục hành chính còn vướng mắc để kịp thời tháo gỡ cho người dân và doanh nghiệp.
"""
THIRD = "kiên quyết không để phát sinh các trường hợp vi phạm mới trong lĩnh vực đất đai, xây dựng"

FIRST = "Tập trung hoàn thành các chỉ tiêu kinh tế - xã hội đã đề ra trong nghị quyết của Hội đồng nhân dân huyện"
SECONDS = [
    "tăng cường kiểm tra, kiểm soát việc giải quyết hồ sơ đất đai tồn đọng trên địa bàn các xã",
    "đẩy nhanh tiến độ giải ngân vốn đầu tư công, nhất là các công trình chuyển tiếp",
    "theo dõi, đôn đốc việc thực hiện các văn bản chỉ đạo của Chủ tịch UBND huyện",
]


@pytest.mark.parametrize("second", SECONDS)
@pytest.mark.parametrize("asked", ["các cơ quan, đơn vị, địa phương", "UBND các xã, thị trấn"])
def test_a_retold_verb_first_chain_is_split(second: str, asked: str) -> None:
    tasks = parse_notice(REPORT.format(month=3, asked=asked, first=FIRST, second=second, third=THIRD)).tasks
    firsts = [t for t in tasks if FIRST[:40] in t.text]
    seconds = [t for t in tasks if second[:40] in t.text]
    assert len(firsts) == 1 and len(seconds) == 1, [t.text for t in tasks]
    assert firsts[0] is not seconds[0]
    assert second[:40] not in firsts[0].text
    assert list(seconds[0].lead) == list(firsts[0].lead)
    assert firsts[0].lead, [t.lead for t in tasks]


def test_a_clause_with_its_own_date_keeps_it() -> None:
    second = "hoàn thiện hồ sơ quyết toán các công trình đã hoàn thành, xong trước ngày 30/6/2026"
    text = REPORT.format(month=3, asked="các phòng, ban", first=FIRST, second=f"tổ chức {second}", third=THIRD)
    tasks = parse_notice(text).tasks
    dated = [t for t in tasks if "hồ sơ quyết toán" in t.text]
    assert len(dated) == 1 and str(dated[0].due) == "2026-06-30", [(t.text, t.due) for t in tasks]
    assert not any(FIRST[:40] in t.text and "hồ sơ quyết toán" in t.text for t in tasks)


def test_a_short_clause_goes_on_with_the_duty() -> None:
    text = REPORT.format(month=3, asked="các phòng, ban", first=FIRST, second="tổ chức sơ kết", third=THIRD)
    tasks = parse_notice(text).tasks
    assert any(FIRST[:40] in t.text and "tổ chức sơ kết" in t.text for t in tasks), [t.text for t in tasks]


FORMAL = """UBND HUYỆN AN PHÚ
Số: 215/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Phú, ngày 05 tháng 3 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại phiên họp thường kỳ tháng 3 năm 2026

Chủ tịch UBND huyện kết luận như sau:
1. Phòng Tài chính - Kế hoạch {first}; {second}.
2. Phòng Nội vụ chủ động rà soát các thủ tục hành chính còn vướng mắc để kịp thời tháo gỡ cho người dân.
"""


@pytest.mark.parametrize("second", SECONDS)
def test_a_formal_notices_item_stays_whole(second: str) -> None:
    first = "tập trung hoàn thành các chỉ tiêu kinh tế - xã hội đã đề ra trong nghị quyết của Hội đồng nhân dân"
    tasks = parse_notice(FORMAL.format(first=first, second=second)).tasks
    assert any(first[:40] in t.text and second[:40] in t.text for t in tasks), [t.text for t in tasks]


def test_a_duty_split_again_is_numbered_under_it() -> None:
    from bot.ingest.parser import _duty_ref

    assert [_duty_ref("4", 1), _duty_ref("4", 2), _duty_ref("4 (ý 2)", 2), _duty_ref("1.a (ý 3)", 2)] == \
        ["4", "4 (ý 2)", "4 (ý 2.2)", "1.a (ý 3.2)"]


def test_two_verb_first_clauses_stay_one_task() -> None:
    text = REPORT.format(month=3, asked="các phòng, ban", first=FIRST, second=SECONDS[0], third="")
    text = text.replace("; ; ", "; ")
    tasks = parse_notice(text).tasks
    assert any(FIRST[:40] in t.text and SECONDS[0][:40] in t.text for t in tasks), [t.text for t in tasks]


def test_an_account_before_the_chain_splits_nothing() -> None:
    account = "Các nhiệm vụ xây dựng Đảng, hệ thống chính trị tiếp tục được chỉ đạo thực hiện đồng bộ, hiệu quả"
    text = REPORT.format(month=3, asked="các phòng, ban", first=account, second=SECONDS[0], third=THIRD)
    tasks = parse_notice(text).tasks
    assert not any(t.text.startswith(SECONDS[0][:30]) for t in tasks), [t.text for t in tasks]
