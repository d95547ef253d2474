"""Round 24 phrasing patterns: a doer that works with partners after an opening phrase, manner words after a doer's
name, a web copy's posting stamp glued before its first paragraph."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import clean_text
from bot.ingest.units import find_leads


@pytest.mark.parametrize(("text", "lead"), [
    ("Theo chỉ đạo của Chủ tịch UBND huyện, UBND các xã, thị trấn phối hợp với Công an huyện khẩn trương tổ chức sơ "
     "tán các hộ dân ra khỏi vùng nguy hiểm.", ["UBND các xã, thị trấn"]),
    ("Theo chỉ đạo của UBND tỉnh, Sở Y tế phối hợp với Công an tỉnh kiểm tra các cơ sở kinh doanh.", ["Sở Y tế"]),
])
def test_a_doer_working_with_partners_after_an_opening_leads(text: str, lead: list[str]) -> None:
    assert find_leads(text) == lead


def test_the_speaker_of_the_opening_is_not_the_doer() -> None:
    leads = find_leads("Theo chỉ đạo của Chủ tịch UBND huyện, UBND các xã phối hợp với Công an huyện sơ tán người dân.")
    assert not any("Chủ tịch" in u for u in leads)


@pytest.mark.parametrize(("text", "lead"), [
    ("Mỗi hộ gia đình, mỗi người dân tự giác thu gom, xử lý rác thải sinh hoạt.", "Mỗi hộ gia đình, mỗi người dân"),
    ("Các trường học tuyệt đối không tổ chức dạy thêm trong dịp hè.", "Các trường học"),
    ("Công an tỉnh kiên quyết xử lý các trường hợp vi phạm.", "Công an tỉnh"),
    ("Các chủ đầu tư cương quyết thu hồi tạm ứng quá hạn.", "Các chủ đầu tư"),
    ("Các đơn vị nghiêm chỉnh chấp hành quy định về phòng cháy.", "Các đơn vị"),
])
def test_manner_words_after_a_doer_are_not_part_of_its_name(text: str, lead: str) -> None:
    assert find_leads(text) == [lead]


def test_a_posting_stamp_glued_before_the_first_paragraph_is_a_line_of_its_own() -> None:
    assert clean_text(" date 2020-10 Theo đó, Sở Y tế …").split("\n")[:2] == [" date 2020-10", "Theo đó, Sở Y tế …"]
    assert clean_text("date 2025-09-24 Sáng 30/9, …").split("\n")[0] == "date 2025-09-24"
    assert clean_text("Cập nhật ngày 2020-10 …") == "Cập nhật ngày 2020-10 …"  # only a stamp that opens the text


def test_after_the_stamp_an_opening_phrase_and_its_doer_read_as_usual() -> None:
    text = (" date 2020-10 Theo chỉ đạo của Chủ tịch UBND huyện Vũ Quang, UBND các xã, thị trấn phối hợp với Công an "
            "huyện, Ban Chỉ huy Quân sự huyện huy động lực lượng, phương tiện khẩn trương tổ chức sơ tán ngay các hộ "
            "dân ở các vùng có nguy cơ sạt lở đất.")
    tasks = parse_notice(text).tasks
    assert any(t.lead == ("UBND các xã, thị trấn",) and "sơ tán" in t.text for t in tasks)


RETOLD_DUTIES = (
    "- Bộ Tài chính vừa yêu cầu các cơ quan, đơn vị thuộc Bộ thực hiện quy định về công khai ngân sách năm 2015. "
    "Theo đó, các đơn vị dự toán phải rà soát, lập danh sách các khoản chi cần công khai. Việc công khai được thực "
    "hiện theo nguyên tắc, trình tự, thủ tục quy định. Chậm nhất là ngày 15/4 hằng năm, các cơ quan, tổ chức, đơn vị "
    "phải gửi báo cáo công khai ngân sách về Bộ Tài chính.")


def test_a_later_sentence_opening_with_another_doer_and_its_duty_is_that_doers_task() -> None:
    tasks = parse_notice(RETOLD_DUTIES).tasks
    listed = next(t for t in tasks if "phải rà soát, lập danh sách" in t.text)
    sent = next(t for t in tasks if "phải gửi báo cáo công khai" in t.text)
    assert listed is not sent
    assert listed.lead == ("các đơn vị dự toán",)
    assert sent.lead == ("các cơ quan, tổ chức, đơn vị",)


def test_an_opening_that_itself_asks_is_not_read_past() -> None:
    text = ("- UBND tỉnh vừa có văn bản về việc xử lý các thông tin phản ánh về ô nhiễm môi trường qua đường dây nóng. "
            "Theo đó, giao Sở TN&MT chủ trì, phối hợp với các đơn vị, địa phương liên quan thực hiện rà soát, xác "
            "minh, xử lý triệt để các vụ việc ô nhiễm môi trường đã được phản ánh qua đường dây nóng.")
    tasks = parse_notice(text).tasks
    assert not any(t.lead == ("địa phương liên quan",) for t in tasks)


@pytest.mark.parametrize(("text", "lead"), [
    ("Người có nghĩa vụ kê khai nộp bản kê khai tài sản, thu nhập của mình cho đơn vị phụ trách tổ chức cán bộ.",
     "Người có nghĩa vụ"),
    ("Đại biểu HĐND tổng hợp báo cáo kết quả tiếp công dân về Thường trực HĐND tỉnh.", "Đại biểu HĐND"),
    ("Đại biểu Quốc hội tham gia tiếp công dân tại Trụ sở tiếp công dân của tỉnh.", "Đại biểu Quốc hội"),
])
def test_people_charged_by_law_and_elected_deputies_lead(text: str, lead: str) -> None:
    assert find_leads(text) == [lead]
