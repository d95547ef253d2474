"""Round 6: which pieces of prose become tasks, and where one ends and the next begins (own short examples)."""

from __future__ import annotations

from bot.ingest import parse_notice
from bot.ingest.parser import SPOKEN_ASK
from storage.parsed import ParsedTask

NEWS = """Huyện Bình Minh họp giao ban tháng 3

Ngày 05/3/2026, UBND huyện Bình Minh tổ chức họp giao ban đánh giá tình hình tháng 2.

"""


def _tasks(body: str) -> list[ParsedTask]:
    return list(parse_notice(NEWS + body).tasks)


def _one(tasks: list[ParsedTask], words: str) -> ParsedTask:
    hits = [t for t in tasks if words in t.text]
    assert len(hits) == 1, [t.text for t in tasks]
    return hits[0]


# ---------------------------------------------------------------- ';' duties after an ask made now

def test_an_ask_with_two_semicolon_duties_gives_two_tasks_of_the_asked_unit() -> None:
    tasks = _tasks("Chủ tịch UBND huyện yêu cầu Phòng Tài nguyên và Môi trường rà soát các điểm khai thác đất trái "
                   "phép trên địa bàn; lập hồ sơ xử lý các trường hợp vi phạm theo quy định.\n")
    first = _one(tasks, "rà soát các điểm khai thác")
    second = _one(tasks, "lập hồ sơ xử lý")
    assert first is not second
    assert list(second.lead) == ["Phòng Tài nguyên và Môi trường"]


def test_a_remark_verb_hands_out_duties_too() -> None:
    tasks = _tasks("Trưởng ban lưu ý các xã sớm tổ chức tổng kết cuộc thi ở cơ sở; tăng cường kiểm tra việc chấm bài "
                   "thi; tiếp tục tuyên truyền rộng rãi đến đoàn viên, hội viên.\n")
    assert len({id(_one(tasks, w)) for w in ("sớm tổ chức tổng kết", "tăng cường kiểm tra", "tiếp tục tuyên truyền")}) \
        == 3


def test_a_clause_that_says_when_or_where_to_send_stays_with_its_duty() -> None:
    tasks = _tasks("Yêu cầu UBND các xã tổng hợp danh sách hộ nghèo cần hỗ trợ nhà ở; gửi về Phòng Lao động - "
                   "Thương binh và Xã hội trước ngày 20/3/2026; kiểm tra việc sử dụng kinh phí hỗ trợ năm trước.\n")
    report = _one(tasks, "tổng hợp danh sách")
    assert "gửi về Phòng" in report.text
    assert report is not _one(tasks, "kiểm tra việc sử dụng")


def test_an_ask_told_as_past_is_not_split() -> None:
    tasks = _tasks("Trước đó, UBND huyện đã yêu cầu các xã rà soát diện tích lúa bị hạn; báo cáo số liệu thiệt hại về "
                   "huyện.\n")
    assert not any(t.text.startswith("báo cáo số liệu") for t in tasks)


def test_a_unit_asked_to_direct_others_keeps_the_list_as_one_duty() -> None:
    tasks = _tasks("Chủ tịch UBND huyện yêu cầu UBND các xã chỉ đạo lực lượng dân quân tăng cường tuần tra ban đêm; "
                   "kiểm tra các điểm tập kết vật liệu; xử lý nghiêm các trường hợp vi phạm.\n")
    assert not any(t.text.startswith(("kiểm tra các điểm", "xử lý nghiêm")) for t in tasks)


def test_a_joint_assignment_led_by_one_unit_stays_whole() -> None:
    tasks = _tasks("Giao Phòng Kinh tế và Hạ tầng chủ trì, phối hợp với UBND các xã kiểm tra hiện trạng cầu treo; "
                   "lắp biển cảnh báo tại các cầu xuống cấp.\n")
    assert not any(t.text.startswith("lắp biển cảnh báo") for t in tasks)


def test_semicolons_inside_a_list_of_names_do_not_split() -> None:
    tasks = _tasks("Yêu cầu Phòng Nội vụ xây dựng dự thảo quy chế làm việc, lấy ý kiến của các phòng: Tư pháp, "
                   "Tài chính - Kế hoạch; Văn hóa và Thông tin; hoàn thiện, trình UBND huyện ban hành trong tháng 4.\n")
    assert not any(t.text.startswith(("Văn hóa và Thông tin", "lấy ý kiến")) for t in tasks)


# ---------------------------------------------------------------- a sentence naming other doers

def test_the_units_concerned_after_an_assignment_are_a_task_of_their_own() -> None:
    tasks = _tasks("Chủ tịch UBND huyện giao Phòng Kinh tế và Hạ tầng hoàn thành hồ sơ bồi thường trong tháng 4/2026. "
                   "Các địa phương liên quan tiếp tục vận động người dân bàn giao mặt bằng cho dự án.\n")
    others = _one(tasks, "tiếp tục vận động người dân")
    assert others is not _one(tasks, "hoàn thành hồ sơ bồi thường")
    assert list(others.lead) == ["Các địa phương liên quan"]


def test_a_sentence_ending_in_an_ellipsis_ends_before_the_next_doer() -> None:
    tasks = _tasks("Chủ tịch UBND huyện đề nghị Phòng Văn hóa và Thông tin treo băng rôn tại trường học, chợ, bến xe… "
                   "Trung tâm Văn hóa huyện chủ động xây dựng chương trình phát thanh về an toàn giao thông.\n")
    assert _one(tasks, "chủ động xây dựng chương trình") is not _one(tasks, "treo băng rôn")


# ---------------------------------------------------------------- a leader's new ask inside a paragraph

def test_a_case_then_the_leaders_ask_starts_a_new_task_for_the_units_asked() -> None:
    tasks = _tasks("Sau khi nghe lãnh đạo các phòng, ngành báo cáo ý kiến của các Ban HĐND huyện tại các cuộc họp thẩm "
                   "tra, ông Trần Văn An chỉ đạo: Văn phòng HĐND và UBND huyện rà soát lại toàn bộ các nội dung "
                   "dự kiến trình kỳ họp. Đối với các ý kiến góp ý của các Ban HĐND huyện, ông chỉ đạo "
                   "các phòng, ngành cần chuẩn bị kỹ báo cáo tiếp thu giải trình, gửi UBND huyện "
                   "chậm nhất ngày 30/6/2026.\n")
    case = _one(tasks, "chuẩn bị kỹ báo cáo")
    assert case is not _one(tasks, "rà soát lại toàn bộ")
    assert list(case.lead) == ["các phòng, ngành"]


def test_a_leaders_remark_about_a_thing_names_no_unit() -> None:
    tasks = _tasks("Chủ tịch UBND huyện đề nghị Phòng Nội vụ chuẩn bị nội dung kỳ họp. Đối với phiên chất vấn, "
                   "ông yêu cầu nội dung phải thiết thực, tập trung vào vấn đề cử tri quan tâm.\n")
    assert not any(list(t.lead) == ["nội dung"] for t in tasks)


# ---------------------------------------------------------------- bare imperatives after a doer's sentence

def test_bare_imperative_sentences_after_a_units_duty_are_its_further_tasks() -> None:
    tasks = _tasks("Yêu cầu Phòng Giáo dục và Đào tạo chủ động xây dựng kế hoạch tổ chức kỳ thi tuyển sinh lớp 10. "
                   "Chỉ đạo các trường phổ biến quy chế thi đến học sinh. Tham mưu cho UBND huyện thành lập Ban chỉ "
                   "đạo thi cấp huyện.\n")
    plan = _one(tasks, "chủ động xây dựng kế hoạch")
    board = _one(tasks, "Tham mưu cho UBND huyện")
    assert len({id(plan), id(board), id(_one(tasks, "Chỉ đạo các trường"))}) == 3
    assert list(board.lead) == ["Phòng Giáo dục và Đào tạo"]


def test_at_the_same_time_report_is_a_further_task() -> None:
    tasks = _tasks("Yêu cầu UBND các xã rà soát số hộ thiếu đói trong dịp Tết. Đồng thời báo cáo nhanh tình hình "
                   "trợ giúp xã hội về UBND huyện trước ngày 20/01/2026.\n")
    assert _one(tasks, "báo cáo nhanh tình hình") is not _one(tasks, "rà soát số hộ")


def test_a_two_clause_list_under_direct_is_two_tasks_in_a_retold_report() -> None:
    # (round 19: in a retold report the clause after "X chỉ đạo Y A;" that opens with its verb is X's next duty — the
    # labels of the retold batches split it; r6 had kept the two clauses as one task)
    tasks = _tasks("Chủ tịch UBND huyện chỉ đạo UBND các xã đẩy nhanh tiến độ xóa nhà tạm trên địa bàn; rà soát danh "
                   "sách các hộ cần hỗ trợ ngày công.\n")
    second = _one(tasks, "rà soát danh sách")
    assert second is not _one(tasks, "đẩy nhanh tiến độ")
    assert second.lead == _one(tasks, "đẩy nhanh tiến độ").lead


# ---------------------------------------------------------------- lead-ins are not tasks

def test_a_numbered_lead_in_whose_verb_takes_the_items_is_not_a_task() -> None:
    tasks = _tasks("UBND huyện có ý kiến như sau:\n\n1. Phòng Nội vụ tham mưu Hội đồng Thi đua - Khen thưởng huyện tổ "
                   "chức tuyên truyền về phong trào thi đua yêu nước trên địa bàn huyện thực hiện:\n\n"
                   "- Đẩy mạnh tuyên truyền về các điển hình tiên tiến trong phong trào thi đua.\n\n"
                   "- Phát hiện, bồi dưỡng và nhân rộng các nhân tố mới.\n\n"
                   "2. Phòng Văn hóa và Thông tin đăng tải đề cương tuyên truyền lên trang thông tin điện tử huyện.\n")
    assert not any(t.text.rstrip().endswith("thực hiện:") for t in tasks), [t.text for t in tasks]
    assert _one(tasks, "Phát hiện, bồi dưỡng")


def test_a_lead_in_with_its_own_work_before_it_stays_a_task() -> None:
    tasks = _tasks("UBND huyện có ý kiến như sau:\n\n1. Tổ chức phổ biến Luật Đất đai năm 2024 đến cán bộ, công chức "
                   "các xã. Đặc biệt, chú trọng một số nội dung sau:\n\n- Thủ tục giao đất, cho thuê đất.\n\n"
                   "- Bồi thường, hỗ trợ khi Nhà nước thu hồi đất.\n")
    assert _one(tasks, "Tổ chức phổ biến Luật Đất đai")


def test_a_paragraph_that_only_introduces_the_next_ones_is_not_a_task() -> None:
    tasks = _tasks("Thực hiện quy định về chế độ báo cáo, Sở Tư pháp đề nghị Phòng Tư pháp các huyện lưu ý:\n\n"
                   "Đề nghị các Phòng Tư pháp chỉ thực hiện 02 kỳ báo cáo trong năm, gửi Sở Tư pháp đúng thời hạn.\n")
    assert not any(t.text.rstrip().endswith("lưu ý:") for t in tasks), [t.text for t in tasks]
    assert _one(tasks, "chỉ thực hiện 02 kỳ báo cáo")


# ---------------------------------------------------------------- work listed after an ask's colon in one paragraph

def test_work_listed_after_a_leaders_colon_gives_one_task_per_piece() -> None:
    tasks = _tasks("Phát biểu tại hội nghị, đồng chí Bí thư Đảng ủy xã chỉ đạo một số vấn đề cần tập trung trong thời "
                   "gian tới: tiếp tục tuyên truyền chủ trương của Đảng đến nhân dân; kịp thời kiện toàn các tổ "
                   "hòa giải ở thôn. Thực hiện tốt cuộc vận động xây dựng nông thôn mới.\n")
    pieces = [_one(tasks, w) for w in ("tiếp tục tuyên truyền", "kịp thời kiện toàn", "Thực hiện tốt cuộc vận động")]
    assert len({id(p) for p in pieces}) == 3


def test_how_the_report_is_sent_stays_with_the_work_after_the_colon() -> None:
    tasks = _tasks("Chủ tịch UBND huyện có ý kiến chỉ đạo như sau: Giao các phòng, ban chuyên môn giải trình các nội "
                   "dung còn khác nhau giữa báo cáo và ý kiến thẩm tra. Báo cáo gửi về Văn phòng UBND huyện "
                   "trước 14 giờ ngày 05/12/2026. Gửi kèm tệp điện tử vào hộp thư của Văn phòng.\n")
    assert not any(t.text.startswith(("Báo cáo gửi về", "Gửi kèm")) for t in tasks), [t.text for t in tasks]


def test_a_law_quoted_after_the_colon_is_not_split_into_tasks() -> None:
    tasks = _tasks("Đề nghị Phòng Tư pháp lưu ý nội dung sau: “Trường hợp các văn bản có quy định khác nhau về cùng "
                   "một vấn đề thì áp dụng văn bản có hiệu lực cao hơn. Trường hợp các văn bản do cùng một cơ quan ban "
                   "hành thì áp dụng văn bản ban hành sau.”\n")
    assert not any(t.text.startswith("Trường hợp") for t in tasks), [t.text for t in tasks]


# ---------------------------------------------------------------- the sanction for failing is not work

def test_the_sanction_for_failing_is_not_a_task() -> None:
    tasks = _tasks("Yêu cầu UBND các xã ra quân dọn dẹp vỉa hè trên các tuyến phố chính trước ngày 30/4/2026.\n\n"
                   "Những đơn vị không thực hiện nghiêm, báo cáo thiếu trung thực, người đứng đầu phải chịu trách "
                   "nhiệm cá nhân trước Chủ tịch UBND huyện.\n\n"
                   "Chủ tịch UBND các xã sẽ phải chịu trách nhiệm trước Chủ tịch UBND huyện nếu để tái lấn chiếm.\n")
    assert not any("chịu trách nhiệm" in t.text for t in tasks), [t.text for t in tasks]
    assert _one(tasks, "ra quân dọn dẹp vỉa hè")


# ---------------------------------------------------------------- the doer after "Đối với", after "chỉ đạo:"

def test_a_sentence_turning_to_a_unit_is_that_units_task() -> None:
    tasks = _tasks("UBND huyện yêu cầu Phòng Tài chính - Kế hoạch thẩm định, tham mưu bố trí kinh phí hỗ trợ sản xuất "
                   "kịp thời. Đối với UBND các xã cần xây dựng kế hoạch triển khai cơ chế hỗ trợ sản xuất.\n")
    xa = _one(tasks, "cần xây dựng kế hoạch triển khai")
    assert xa is not _one(tasks, "thẩm định, tham mưu bố trí")
    assert list(xa.lead) == ["UBND các xã"]


def test_a_directing_colon_followed_by_a_lower_case_group_directs() -> None:
    tasks = _tasks("Sau khi nghe các xã báo cáo tiến độ, đồng chí Chủ tịch UBND huyện chỉ đạo: các phòng, ban, đơn vị "
                   "rà soát tất cả các dự án chậm tiến độ trên địa bàn để đề xuất thu hồi hoặc gia hạn.\n")
    assert _one(tasks, "rà soát tất cả các dự án")


def test_local_government_named_as_chinh_quyen_is_asked_like_a_unit() -> None:
    tasks = _tasks("UBND tỉnh yêu cầu chính quyền các địa phương đẩy mạnh tuyên truyền giá trị văn hóa của lễ hội; bố "
                   "trí khu dịch vụ thuận tiện, phù hợp không gian di tích; hướng dẫn cơ sở kinh doanh niêm yết giá.\n")
    stalls = _one(tasks, "khu dịch vụ thuận tiện")
    assert stalls is not _one(tasks, "đẩy mạnh tuyên truyền")
    assert list(stalls.lead) == ["chính quyền các địa phương"]


# ---------------------------------------------------------------- a ';' list of the units asked

def test_a_semicolon_list_of_the_units_asked_stays_one_task() -> None:
    tasks = _tasks("Chủ tịch UBND huyện yêu cầu các thành viên Ban Chỉ đạo huyện; Thủ trưởng các phòng, ban, ngành; "
                   "Chủ tịch UBND các xã, thị trấn thực hiện quyết liệt các biện pháp phòng, chống dịch bệnh.\n")
    assert len(tasks) == 1, [t.text for t in tasks]


def test_a_list_of_partners_with_semicolons_ends_in_the_work() -> None:
    tasks = _tasks("Giao Phòng Kinh tế và Hạ tầng chủ trì, phối hợp các phòng: Tài chính - Kế hoạch, Tài nguyên và "
                   "Môi trường; Ban Quản lý dự án huyện; UBND các xã: An Phú, An Hòa nghiên cứu đề xuất của doanh "
                   "nghiệp, báo cáo UBND huyện trong tháng 5/2026.\n")
    assert len(tasks) == 1, [t.text for t in tasks]


def test_thuc_hien_tot_opens_a_further_task_of_the_same_unit() -> None:
    tasks = _tasks("Giao Phòng Tài nguyên và Môi trường đẩy nhanh tiến độ giải ngân các dự án trên địa bàn. Thực hiện "
                   "tốt công tác quản lý đất đai, bảo vệ rừng trong những tháng cuối năm.\n")
    assert _one(tasks, "quản lý đất đai") is not _one(tasks, "đẩy nhanh tiến độ giải ngân")


def test_the_one_date_at_the_end_of_a_semicolon_list_dates_every_duty() -> None:
    tasks = _tasks("UBND huyện yêu cầu UBND các xã ven hồ vận động người dân thu hoạch cây trồng trong lòng hồ; "
                   "kiểm tra, đôn đốc việc di dời tài sản và báo cáo kết quả về UBND huyện chậm nhất ngày 15/3/2026.\n")
    harvest = _one(tasks, "vận động người dân thu hoạch")
    assert harvest is not _one(tasks, "đôn đốc việc di dời")
    assert str(harvest.due) == "2026-03-15"


def test_a_news_item_on_a_request_just_sent_is_the_request() -> None:
    tasks = list(parse_notice("Khẩn trương báo cáo kết quả dồn điền đổi thửa\n\nSở Nông nghiệp và Môi trường "
                              "vừa có văn bản đề nghị UBND các xã khẩn trương rà soát, tổng hợp và lập báo cáo "
                              "tình hình dồn điền đổi thửa, gửi về Sở trước ngày 30/10/2026.\n").tasks)
    assert _one(tasks, "khẩn trương rà soát, tổng hợp")


def test_assigning_named_people_is_work_but_assigning_tasks_in_a_review_is_not() -> None:
    tasks = _tasks("Phiên họp thống nhất phân công các đồng chí Thường trực HĐND huyện dự kỳ họp đầu năm tại các xã để "
                   "cùng đánh giá, rút kinh nghiệm.\n\nCũng tại hội nghị, Ban Thường vụ Huyện ủy đã cho ý kiến vào một "
                   "số nội dung về chương trình công tác, phân công nhiệm vụ và công tác cán bộ.\n")
    assert _one(tasks, "dự kỳ họp đầu năm")
    assert not any("cho ý kiến vào" in t.text for t in tasks)


def test_the_spirit_of_the_work_is_not_a_duty_of_its_own() -> None:
    tasks = _tasks("Chủ tịch UBND huyện yêu cầu các phòng, ban nâng cao mức cảnh giác phòng, chống dịch bệnh; "
                   "tuyệt đối không lơ là, chủ quan; tiếp tục thực hiện nghiêm các chỉ đạo của tỉnh.\n")
    assert not any(t.text.startswith("tuyệt đối") for t in tasks), [t.text for t in tasks]
    assert _one(tasks, "tiếp tục thực hiện nghiêm")


def test_a_paragraph_of_bare_imperatives_is_one_task_per_imperative() -> None:
    tasks = _tasks("Yêu cầu Phòng Văn hóa và Thông tin xây dựng kế hoạch tuyên truyền kỳ bầu cử.\n\nTăng cường tuyên "
                   "truyền trên hệ thống loa truyền thanh cơ sở. Đảm bảo an ninh trật tự trong các ngày lễ sắp tới.\n")
    assert _one(tasks, "Đảm bảo an ninh trật tự") is not _one(tasks, "Tăng cường tuyên truyền")


def test_the_city_asks_anew_in_a_news_item_but_not_what_it_asked_before() -> None:
    tasks = _tasks("Theo đó, UBND các xã tăng cường kiểm tra chất lượng công trình xây dựng trên địa bàn. Huyện cũng "
                   "đề nghị các cơ quan quản lý quy hoạch chỉ cấp phép xây dựng khi có ý kiến phòng cháy.\n")
    asked = _one(tasks, "chỉ cấp phép xây dựng")
    assert asked is not _one(tasks, "tăng cường kiểm tra chất lượng")
    assert SPOKEN_ASK.match("Huyện Bình Minh đã yêu cầu các xã tổng hợp số liệu") is None


def test_a_subject_giving_work_to_units_listed_with_semicolons_is_one_task() -> None:
    tasks = _tasks("Chủ tịch UBND huyện giao các phòng, ban chuyên môn thuộc UBND huyện; UBND các xã, thị trấn bố trí "
                   "lực lượng trực tại trụ sở trong các ngày nghỉ Tết và báo cáo kịp thời các vụ việc phát sinh.\n")
    task = _one(tasks, "bố trí lực lượng trực")
    assert "các phòng, ban chuyên môn thuộc UBND huyện" in task.text
    assert not any(t.text.rstrip(";").endswith("thuộc UBND huyện") for t in tasks), [t.text for t in tasks]
