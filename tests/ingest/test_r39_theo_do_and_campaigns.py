"""Round 52: a paragraph that goes on with "Theo đó," and a verb, right after an ask, is the asked units' next piece
of work (as "Đồng thời, …" and "Ngoài ra, …" already were); "mở" (đợt, lớp, cuộc, chiến dịch, chuyên mục, hội nghị)
is the verb after a doer, not a word of its name."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice


def _led(text: str) -> list[tuple[str, list[str]]]:
    return [(t.text, list(t.lead)) for t in parse_notice(text).tasks]


ASK = "Chủ tịch UBND tỉnh yêu cầu các địa phương tăng cường công tác chỉ đạo ứng phó mưa lũ trên địa bàn.\n\n"


@pytest.mark.parametrize("connective", ["Theo đó", "Đồng thời", "Ngoài ra"])
@pytest.mark.parametrize("work", [
    "tập trung tổ chức kiểm tra, rà soát và thực hiện sơ tán nhân dân vùng trũng thấp đến nơi an toàn.",
    "khẩn trương rà soát các hồ chứa xung yếu, bố trí lực lượng thường trực 24/24 giờ.",
])
def test_a_connective_paragraph_after_an_ask_is_the_asked_units_next_work(connective: str, work: str) -> None:
    got = _led(f"{ASK}{connective}, {work}\n")
    assert [lead for text, lead in got if text.startswith(connective)] == [["các địa phương"]], got


def test_theo_do_before_a_doer_of_its_own_keeps_that_doer() -> None:
    got = _led(f"{ASK}Theo đó, Sở Xây dựng khẩn trương kiểm tra an toàn các công trình đang thi công.\n")
    assert [lead for text, lead in got if text.startswith("Theo đó")] == [["Sở Xây dựng"]], got


def test_theo_do_that_reports_is_no_work() -> None:
    got = _led(f"{ASK}Theo đó, trong tuần qua mưa lớn đã gây sạt lở tại nhiều tuyến đường.\n")
    assert not [text for text, _ in got if text.startswith("Theo đó")], got


@pytest.mark.parametrize("doer", ["Các sở GD&ĐT", "Sở Giáo dục và Đào tạo", "Đài Phát thanh và Truyền hình tỉnh"])
@pytest.mark.parametrize("what", ["đợt cao điểm tuyên truyền", "chuyên mục tuyên truyền", "lớp tập huấn kỹ năng"])
def test_mo_after_a_doer_is_its_verb(doer: str, what: str) -> None:
    text = (f"Bộ trưởng yêu cầu các đơn vị triển khai ngay các biện pháp phòng, chống đuối nước cho học sinh.\n\n"
            f"{doer} mở {what} về phòng, chống đuối nước cho học sinh trước khi nghỉ hè; hướng dẫn các trường "
            "phổ biến kỹ năng an toàn.\n")
    got = _led(text)
    assert [lead for t, lead in got if t.startswith(doer)] == [[doer.removeprefix("Các ").replace("sở", "Sở")]], got


def test_mo_rong_and_a_university_named_mo_stay_as_they_were() -> None:
    got = _led("Bộ trưởng yêu cầu các đơn vị triển khai ngay các biện pháp phòng, chống đuối nước cho học sinh.\n\n"
               "Trường Đại học Mở Hà Nội tổ chức tập huấn kỹ năng an toàn cho sinh viên trước kỳ nghỉ hè.\n")
    assert [lead for t, lead in got if t.startswith("Trường")] == [["Trường Đại học Mở Hà Nội"]], got
