"""Round 41 (issue 8): recall on unseen phrasings of retold notices — a paragraph whose later sentences name their
doer again, an ask whose units are read up to a work verb, a doer that gives its grounds before its verb."""

from __future__ import annotations

from bot.ingest import parse_notice

_NEWS = "Ngày 20/12, ông Nguyễn Văn A, Chủ tịch UBND tỉnh, cho biết đã ký công văn khẩn chỉ đạo các ngành. "


def _texts(text: str) -> list[str]:
    return [t.text for t in parse_notice(text).tasks]


def test_a_retold_paragraphs_sentence_naming_the_same_doer_again_is_its_next_duty() -> None:
    text = (_NEWS + "Sở Xây dựng phối hợp với Sở Tài chính thường xuyên kiểm tra, xử lý nghiêm các công trình vi phạm "
            "trật tự xây dựng trên địa bàn. Sở Xây dựng tăng cường phối hợp với các ban quản lý dự án để đề nghị "
            "đẩy nhanh tiến độ thi công các công trình trọng điểm.\n")
    texts = _texts(text)
    first = next(t for t in texts if "thường xuyên kiểm tra" in t)
    second = next(t for t in texts if "tăng cường phối hợp với các ban" in t)
    assert first != second


def test_a_later_ask_to_the_same_unit_before_a_watch_verb_is_a_duty_of_its_own() -> None:
    text = (_NEWS + "Ông A yêu cầu Sở Nông nghiệp chỉ đạo các phòng chuyên môn cấp huyện thường xuyên theo dõi diễn "
            "biến thời tiết để kịp thời báo cáo. Với các vùng trũng thấp ven sông, yêu cầu Sở Nông nghiệp theo dõi, "
            "nếu mực nước lên cao thì chủ động gia cố đê bao bảo vệ sản xuất.\n")
    texts = _texts(text)
    first = next(t for t in texts if "chỉ đạo các phòng chuyên môn" in t)
    second = next(t for t in texts if "chủ động gia cố đê bao" in t)
    assert first != second


def test_a_doer_giving_its_grounds_before_its_verb_names_a_duty_of_its_own() -> None:
    text = (_NEWS + "UBND cấp xã thành lập Tổ công tác, ban hành quy chế hoạt động của Tổ theo thẩm quyền quy định "
            "tại Luật Tổ chức chính quyền địa phương. UBND cấp xã căn cứ quy định tại Điều 10 Nghị định số "
            "118/2025/NĐ-CP xác định số lượng điểm tiếp nhận hồ sơ của Tổ.\n")
    texts = _texts(text)
    first = next(t for t in texts if "thành lập Tổ công tác" in t)
    second = next(t for t in texts if "xác định số lượng điểm" in t)
    assert first != second


def test_grounds_for_a_purpose_are_no_duty_verb() -> None:
    text = (_NEWS + "Các sở, ngành và địa phương bố trí kinh phí thực hiện theo phân cấp ngân sách nhà nước hiện hành. "
            "Các sở, ngành và địa phương căn cứ mục tiêu, nhiệm vụ nêu trong Kế hoạch để xây dựng dự toán kinh phí "
            "cho các nhiệm vụ cụ thể.\n")
    texts = _texts(text)
    assert not any(t.startswith("Các sở, ngành và địa phương căn cứ") for t in texts)


def test_a_long_ask_that_does_its_work_earnestly_is_no_closing_call() -> None:
    text = (_NEWS + "Bên cạnh đó, Công an tỉnh cũng yêu cầu công an các đơn vị, địa phương nêu cao tinh thần trách "
            "nhiệm, tập trung lực lượng thực hiện nghiêm túc nhiệm vụ được phân công, đảm bảo kỳ thi diễn ra an toàn, "
            "khách quan, công bằng và đúng quy chế.\n")
    task = next(t for t in parse_notice(text).tasks if "nêu cao tinh thần trách nhiệm" in t.text)
    assert task.lead == ("công an các đơn vị, địa phương",) or "công an các đơn vị" in task.lead

