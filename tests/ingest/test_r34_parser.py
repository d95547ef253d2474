"""Round 34 (issue 8): a leader's asks listed after "các nhiệm vụ đó là:" or straight after "đề nghị:", each ';'
part or unit-led clause a duty of its own, and the doer after an "Đối với …," topic.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest.parser import _aside_doer, _colon_list, _unit_clauses
from bot.ingest.units import find_leads


def test_duties_after_nhiem_vu_do_la_are_one_each() -> None:
    para = ("Đ/c Nguyễn Văn A - Chủ tịch UBND xã đã kết luận và yêu cầu các ban ngành thực hiện các nhiệm vụ đó là: "
            "Chú trọng công tác "
            "phòng chống dịch bệnh cho đàn gia súc; bám sát thôn để chỉ đạo làm đường giao thông; quan tâm công tác "
            "phòng cháy rừng.")
    listed = _colon_list(para)
    assert listed is not None
    assert [leads for _, leads in listed] == [["các ban ngành"]] * 3
    assert listed[1][0].startswith("bám sát thôn")


def test_asks_straight_after_de_nghi_each_with_its_unit() -> None:
    para = ("Kết luận cuộc họp, Chủ tịch UBND huyện đề nghị: các xã tiếp tục đẩy nhanh tiến độ giải phóng mặt bằng; "
            "phòng Tài nguyên và Môi trường hướng dẫn các xã lập hồ sơ đất đai. Phòng Kinh tế thẩm định thiết kế, "
            "phòng Tài chính - Kế hoạch thẩm định dự toán kinh phí.")
    listed = _colon_list(para)
    assert listed is not None
    assert [leads for _, leads in listed] == [["các xã"], ["phòng Tài nguyên và Môi trường"], ["Phòng Kinh tế"],
                                              ["phòng Tài chính - Kế hoạch"]]


def test_doer_after_a_topic() -> None:
    para = ("Chủ tịch UBND huyện đề nghị: các xã rà soát lại danh sách hộ nghèo trên địa bàn. Đối với dự án nước "
            "sạch, Phòng Nông nghiệp và PTNT hoàn thiện hồ sơ trình thẩm định.")
    listed = _colon_list(para)
    assert listed is not None
    assert listed[1][1] == ["Phòng Nông nghiệp và PTNT"]


def test_lead_and_partner_stay_one_duty() -> None:
    text = "Sở Y tế chủ trì, Sở Tài chính phối hợp thực hiện kiểm tra giá thuốc."
    assert _unit_clauses(text) == [text]
    text = "Phòng Kinh tế chủ trì, phòng Tài chính - Kế hoạch thẩm định dự toán."
    assert _unit_clauses(text) == [text]


def test_doer_after_a_topic_in_a_news_paragraph() -> None:
    # the topic's words are no unit: "những thôn bị cô lập" once gave the lead 'những thôn bị cô'
    para = ("Đối với những thôn bị cô lập, các địa phương cần kiểm tra các điều kiện bảo đảm an toàn, không để "
            "người dân thiếu lương thực; cắm biển cảnh báo tại các tuyến đường bị ngập.")
    assert find_leads(_aside_doer(para) or para) == ["các địa phương"]
    assert _aside_doer("Đối với dự án A, tiếp tục đôn đốc hoàn thiện thủ tục.") == ""
