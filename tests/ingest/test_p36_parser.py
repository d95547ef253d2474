"""Parser round 36 (issue 8): a lead-in that only announces the items below it ("… yêu cầu các sở, ngành thực hiện
các nhiệm vụ sau:") is a heading, not a task (CORPUS.md: the items under a directive heading are the tasks); a
lead-in that carries work of its own stays one.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice
from bot.ingest.parser import ATTRIBUTE_ITEM, DOC_CITATION, NOTE_ITEM, _bare_lead_in

RETOLD = (
    "Ngày 12/3/2026, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác phòng chống thiên tai năm 2025.\n"
    "Kết luận hội nghị, Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương triển khai thực hiện một số nhiệm vụ "
    "trọng tâm, như: rà soát, bổ sung phương án ứng phó thiên tai sát với thực tế địa phương; kiểm tra, bảo dưỡng "
    "vật tư, phương tiện cứu hộ trước mùa mưa bão.\n"
    "Đồng thời, các huyện tăng cường tuyên truyền kỹ năng phòng tránh thiên tai cho người dân.\n"
)


def test_bare_lead_in_is_no_task_and_the_first_item_is_number_one() -> None:
    tasks = parse_notice(RETOLD).tasks
    assert not any(t.text.rstrip().endswith(":") for t in tasks)
    assert tasks[0].ref == "1" and tasks[0].text.startswith("rà soát, bổ sung phương án")
    assert tasks[0].lead == ("các sở, ngành, địa phương",)


def test_lead_ins_that_only_announce_the_list() -> None:
    assert _bare_lead_in("Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Chủ tịch UBND các huyện, thị xã tập trung chỉ "
                         "đạo thực hiện đồng bộ, có hiệu quả các nhiệm vụ, giải pháp trọng tâm sau:")
    assert _bare_lead_in("Để bảo đảm trật tự an toàn giao thông; yêu cầu UBND các xã, thị trấn thực hiện tốt các "
                         "nội dung sau:")
    assert _bare_lead_in("Ban Chỉ huy xã thông báo cho các cơ quan, doanh nghiệp và toàn thể Nhân dân cần thực hiện "
                         "tốt một số nội dung sau:")
    # the units asked and the colon: all their work is below
    assert _bare_lead_in("Để chủ động ứng phó với bão, Ban Chỉ đạo đề nghị Ủy ban nhân dân các tỉnh, thành phố:")
    assert not _bare_lead_in("Đề nghị Sở Y tế chỉ đạo các bệnh viện:")


def test_lead_ins_with_work_of_their_own_stay_tasks() -> None:
    # an umbrella duty, the list only a part of it
    assert not _bare_lead_in("Bí thư Huyện ủy yêu cầu Đảng ủy xã triển khai thực hiện tốt các nhiệm vụ theo Nghị "
                             "quyết năm 2026, trong đó tập trung một số nhiệm vụ trọng tâm như:")
    # a duty of its own in the sentence before
    assert not _bare_lead_in("Bộ Tài chính hoàn thiện dự thảo Đề án, trình Thủ tướng trước ngày 20/10/2026. Trong đó "
                             "chú ý một số nội dung sau:")
    # work besides the list in the same sentence
    assert not _bare_lead_in("Đề nghị Sở Y tế nghiên cứu, phối hợp với các bệnh viện triển khai thực hiện, đồng thời "
                             "thực hiện một số nội dung sau:")
    # a numbered item's own work, the list what it reports
    assert not _bare_lead_in("Thực hiện báo cáo đầy đủ nội dung như sau:")


BASES = (
    "ỦY BAN NHÂN DÂN TỈNH A\nSố: 35/KH-UBND\nA, ngày 10 tháng 02 năm 2026\nKẾ HOẠCH\n"
    "Tuyển sinh vào lớp 10 năm học 2026-2027\n"
    "1. Điều lệ trường trung học cơ sở, trường trung học phổ thông, ban hành kèm theo Thông tư số 32/2020/TT-BGDĐT "
    "ngày 15/9/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo;\n"
    "2. Quy chế tuyển sinh trung học phổ thông ban hành kèm theo Thông tư số 11/2014/TT-BGDĐT ngày 18/4/2014 của Bộ "
    "trưởng Bộ Giáo dục và Đào tạo;\n"
    "3. Căn cứ Quyết định số 93/QĐ-UBND ngày 22/4/2016 của UBND tỉnh về việc quy định tuyển sinh các trường chuyên.\n"
)


def test_numbered_legal_bases_are_no_tasks() -> None:
    assert parse_notice(BASES).tasks == ()


def test_citations_and_appendix_titles() -> None:
    assert DOC_CITATION.match("Phụ lục 4: Danh mục mã tiền ngày giường bệnh áp dụng trong hoá trị; phục hồi chức năng.")
    assert DOC_CITATION.match("Quy chế tổ chức và hoạt động của trường chuyên, ban hành kèm theo Thông tư số "
                              "06/2012/TT-BGDĐT ngày 15/02/2012;")
    # a basis that goes on to the work is not a citation
    assert not DOC_CITATION.match("Căn cứ Quyết định số 93/QĐ-UBND của UBND tỉnh, các huyện xây dựng kế hoạch.")
    assert not DOC_CITATION.match("Phụ lục 2: các đơn vị gửi số liệu về Sở trước ngày 15/5/2026.")


SENT_BY = (
    "UBND TỈNH A\nSỞ NỘI VỤ\nSố: 123/SNV-TCBC\nA, ngày 02 tháng 6 năm 2026\nKính gửi: Các sở, ban, ngành tỉnh.\n"
    "Sở Nội vụ đề nghị các cơ quan, đơn vị báo cáo kết quả rà soát biên chế năm 2026 theo mẫu đính kèm.\n"
    "Báo cáo gửi về Sở Nội vụ trước ngày 15/6/2026:\n"
    "- Bằng văn bản theo địa chỉ số 10 đường B, thành phố A;\n"
    "- Bằng thư điện tử theo địa chỉ snv@a.gov.vn.\n"
    "Trân trọng./.\nGIÁM ĐỐC\nNguyễn Văn D\n"
)


def test_channels_to_send_a_report_are_no_tasks_and_date_the_ask() -> None:
    tasks = parse_notice(SENT_BY).tasks
    assert len(tasks) == 1
    assert tasks[0].text.startswith("Sở Nội vụ đề nghị các cơ quan, đơn vị báo cáo")
    assert tasks[0].due is not None and tasks[0].due.isoformat() == "2026-06-15"


LISTED_PARAGRAPHS = (
    "Tại phiên họp thường kỳ tháng 7 năm 2026, Chính phủ yêu cầu Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
    "Trung ương tập trung thực hiện các nhiệm vụ trọng tâm sau:\n"
    "Theo dõi sát hoạt động của chính quyền địa phương hai cấp, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh.\n"
    "Khẩn trương rà soát, điều chỉnh quy hoạch sử dụng đất của các địa phương sau sắp xếp.\n"
    "Bố trí, sử dụng trụ sở làm việc, tài sản công sau sắp xếp đúng mục đích, tiết kiệm, hiệu quả.\n"
)


def test_unnumbered_paragraphs_after_a_list_lead_in_are_one_task_each() -> None:
    tasks = parse_notice(LISTED_PARAGRAPHS).tasks
    assert [t.text[:20] for t in tasks] == ["Theo dõi sát hoạt độ", "Khẩn trương rà soát,", "Bố trí, sử dụng trụ "]
    assert all(t.lead == ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",) for t in tasks)


REPORT_TIME = (
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 77/SGDĐT-CTTT\nA, ngày 02 tháng 5 năm 2026\nKính gửi: Thủ trưởng các đơn vị.\n"
    "Sở Giáo dục và Đào tạo đề nghị thủ trưởng đơn vị thực hiện báo cáo công tác phối hợp giáo dục học sinh như sau:\n"
    "1. Thực hiện báo cáo đầy đủ nội dung như sau:\n"
    "- Công tác chỉ đạo, triển khai\n"
    "- Kết quả đạt được\n"
    "2. Thời gian nộp báo cáo:\n"
    "Các đơn vị gửi báo cáo về Sở Giáo dục và Đào tạo trước ngày 11/5/2026 để tổng hợp.\n"
)


def test_report_time_item_dates_the_report_beside_it() -> None:
    tasks = parse_notice(REPORT_TIME).tasks
    asked = next(t for t in tasks if t.text.startswith("Thực hiện báo cáo đầy đủ"))
    assert asked.due is not None and asked.due.isoformat() == "2026-05-11"


LIST_PERIOD = (
    "Kết luận hội nghị, Chủ tịch HĐND phường ghi nhận kết quả đạt được trong quý I/2026. Quý II/2026 tập trung thực "
    "hiện một số nội dung như sau:\n"
    "1. Đối với HĐND phường\n"
    "- Thường trực HĐND\n"
    "+ Chỉ đạo tổ chức Hội nghị tiếp xúc cử tri và tổ chức kỳ họp thường lệ.\n"
    "+ Thực hiện 2 cuộc giám sát việc quản lý tài sản công tại các nhà văn hóa tổ dân phố.\n"
    "- Ban kinh tế - xã hội khảo sát công tác quản lý trật tự đô thị trên các tuyến phố văn minh.\n"
)


def test_a_lead_in_period_holds_for_every_unit_below() -> None:
    tasks = parse_notice(LIST_PERIOD).tasks
    survey = next(t for t in tasks if "khảo sát công tác quản lý" in t.text)
    assert survey.due is not None and survey.due.isoformat() == "2026-06-30"


def test_cases_by_paper_and_forms_are_notes() -> None:
    assert NOTE_ITEM.match("Đối với giấy phép khai thác khoáng sản nhóm I thuộc thẩm quyền cấp của Bộ: Cục Địa chất, "
                           "Sở Nông nghiệp và Môi trường.")
    assert NOTE_ITEM.match("Báo cáo định kỳ hoạt động khai thác khoáng sản nhóm IV được lập theo Mẫu số 06 của Phụ lục "
                           "IV kèm theo Thông tư số 36/2026/TT-BNNMT;")
    # the work itself is no note
    assert not NOTE_ITEM.match("Các tổ chức lập báo cáo định kỳ theo Mẫu số 05, gửi Sở trước ngày 15/12/2026.")


def test_a_campaigns_particulars_are_no_tasks() -> None:
    assert ATTRIBUTE_ITEM.match("Địa bàn triển khai: Hộ chăn nuôi heo trên toàn huyện.")
    assert ATTRIBUTE_ITEM.match("Đối tượng tiêm phòng: Heo thịt từ 04 tuần tuổi, khỏe mạnh.")
    assert ATTRIBUTE_ITEM.match("Quy trình tiêm: Tiêm 01 mũi, 01 liều 02 ml/con, tiêm bắp.")
    assert not ATTRIBUTE_ITEM.match("Đối tượng tiêm phòng phải được kiểm tra sức khỏe trước khi tiêm.")
