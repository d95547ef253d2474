"""Segmentation on unseen documents (issue 8, batch-d patterns K, F, A, M, B).

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from storage.parsed import ParsedTask
from tests.ingest.test_segmentation import _find
from tests.ingest.test_segmentation import _tasks as segmentation_tasks

HEAD = """TỈNH ỦY AN BÌNH
Số: 12-CTr/TU
An Bình, ngày 4 tháng 5 năm 2026
CHƯƠNG TRÌNH HÀNH ĐỘNG
Thực hiện công tác phát triển du lịch cộng đồng
"""

SIGNATURE = """Nơi nhận:
- Như trên;
- Lưu: VT.
T/M TỈNH ỦY
PHÓ BÍ THƯ
Lê Văn Hòa
"""


def _tasks(body: str, *, head: str = HEAD, tail: str = SIGNATURE) -> list[ParsedTask]:
    return segmentation_tasks(body, head=head, tail=tail)


# ---------------------------------------------------------------- K: responsibility line after the items

RESPONSIBLE_AFTER = """II. NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao nhận thức về du lịch cộng đồng
- Tuyên truyền rộng rãi lợi ích của du lịch cộng đồng đến từng thôn, bản.
- Biên soạn tài liệu hướng dẫn cho các hộ làm dịch vụ lưu trú.
Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh; Ban Tuyên giáo Tỉnh ủy.
2. Phát triển hạ tầng phục vụ du lịch
- Ưu tiên vốn đầu tư công cho đường vào các điểm du lịch cộng đồng.
- Hỗ trợ các hộ cải tạo nhà ở thành cơ sở lưu trú đạt chuẩn.
Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.
"""


def test_responsibility_line_after_bullets_leads_each_bullet_of_its_group() -> None:
    tasks = _tasks(RESPONSIBLE_AFTER)
    for words in ("Tuyên truyền rộng rãi", "Biên soạn tài liệu"):
        t = _find(tasks, words)
        assert list(t.lead) == ["Đảng ủy Ủy ban nhân dân tỉnh", "Ban Tuyên giáo Tỉnh ủy"]
        assert t.lead_source == "heading"
    for words in ("Ưu tiên vốn", "Hỗ trợ các hộ"):
        assert list(_find(tasks, words).lead) == ["Đảng ủy Ủy ban nhân dân tỉnh"]


def test_responsibility_line_is_not_glued_onto_the_last_bullet() -> None:
    tasks = _tasks(RESPONSIBLE_AFTER)
    assert not any("Trách nhiệm chỉ đạo" in t.text for t in tasks)
    assert len(tasks) == 4


def test_semicolon_parts_of_a_responsibility_line_stay_whole() -> None:
    body = """II. NHIỆM VỤ
1. Xây dựng phong trào bảo vệ cảnh quan
- Vận động nhân dân giữ gìn vệ sinh tại các điểm tham quan.
- Nhân rộng mô hình thôn, bản du lịch xanh.
Trách nhiệm chỉ đạo thực hiện: Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh; các cấp ủy, tổ chức đảng.
2. Nội dung khác
- Tổ chức tọa đàm về du lịch cộng đồng.
"""
    t = _find(_tasks(body), "Vận động nhân dân")
    assert list(t.lead) == ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "các cấp ủy, tổ chức đảng"]


@pytest.mark.usefixtures("rules_only")  # a rule on a tiny notice: candidates before the task filter
def test_unit_field_after_a_group_of_bullets_leads_them() -> None:
    body = """II. NHIỆM VỤ
1. Quảng bá sản phẩm du lịch
- Xây dựng video giới thiệu các điểm du lịch cộng đồng.
- Tham gia hội chợ du lịch trong nước.
Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.
2. Đào tạo nguồn nhân lực
- Mở lớp tập huấn kỹ năng phục vụ khách cho người dân.
"""
    tasks = _tasks(body)
    assert list(_find(tasks, "Xây dựng video").lead) == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert list(_find(tasks, "Tham gia hội chợ").lead) == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert "Sở Văn hóa" not in _find(tasks, "Mở lớp tập huấn").lead


def test_field_of_one_bullet_followed_by_another_bullet_stays_with_it() -> None:
    body = """II. NHIỆM VỤ
1. Các hoạt động chính
- Tổ chức lễ hội văn hóa các dân tộc.
Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.
- Khảo sát các điểm du lịch mới.
"""
    tasks = _tasks(body)
    assert not any(t.text.startswith("Đơn vị chủ trì") for t in tasks)
    assert _find(tasks, "Khảo sát các điểm").text == "Khảo sát các điểm du lịch mới."


def test_lead_and_support_fields_on_one_line_after_the_bullets() -> None:
    body = """II. NHIỆM VỤ
1. Phát triển sản phẩm du lịch đặc trưng
- Khảo sát, lựa chọn các làng nghề có thể đón khách.
- Hỗ trợ xây dựng thương hiệu cho sản phẩm OCOP gắn với du lịch.
Lãnh đạo phụ trách: Phó Giám đốc Trần Văn An.
Đơn vị chủ trì: Phòng Quản lý Du lịch; Đơn vị phối hợp: Phòng Văn hóa, Văn phòng Sở.
2. Nội dung khác
- Tổ chức tọa đàm về du lịch cộng đồng.
"""
    t = _find(_tasks(body), "Khảo sát, lựa chọn")
    assert list(t.lead) == ["Phòng Quản lý Du lịch"]
    assert list(t.support) == ["Phòng Văn hóa", "Văn phòng Sở"]


# ---------------------------------------------------------------- F: a flattened task table in an appendix

FLAT_APPENDIX = """PHỤ LỤC
DANH MỤC NHIỆM VỤ TRỌNG TÂM
(Kèm theo Chương trình hành động số 12-CTr/TU ngày 4/5/2026 của Tỉnh ủy An Bình)
TT
Nhiệm vụ cụ thể
Cơ quan
chủ trì
Cá nhân phụ trách
chỉ đạo, đôn đốc
Thời hạn
thực hiện
1
2
Rà soát, bổ sung quy hoạch các điểm du lịch cộng đồng
trên địa bàn các huyện vùng cao
Đảng ủy Ủy ban
nhân dân tỉnh
Đồng chí Lê Văn Minh -
Tỉnh ủy viên, Phó Chủ
tịch UBND tỉnh
Trước ngày
30/11/2026
Xây dựng đề án đào tạo hướng dẫn viên du lịch là người
dân tộc thiểu số tại chỗ
Ban Tuyên giáo
Tỉnh ủy
Đồng chí Hà Thị Lan -
Trưởng Ban
2026 - 2027
"""


def test_flattened_appendix_rows_are_split_where_a_new_content_cell_starts() -> None:
    body = """II. NHIỆM VỤ
1. Các cấp ủy thực hiện các nhiệm vụ trọng tâm tại Phụ lục kèm theo.
"""
    tasks = _tasks(body, tail=SIGNATURE + FLAT_APPENDIX)
    first = _find(tasks, "Rà soát, bổ sung quy hoạch")
    second = _find(tasks, "Xây dựng đề án đào tạo")
    assert "hướng dẫn viên" not in first.text
    assert list(first.lead) == ["Đảng ủy Ủy ban nhân dân tỉnh"]
    assert str(first.due) == "2026-11-30"
    assert list(second.lead) == ["Ban Tuyên giáo Tỉnh ủy"]
    assert str(second.due) == "2027-12-31"
    # the supervising person is neither a lead nor a support
    assert not first.support and not second.support


# ---------------------------------------------------------------- M: assignments in prose without numbering

NEWS_HEAD = """Huyện An Phú họp giao ban tháng 5

Ngày 06/6/2026, UBND huyện An Phú tổ chức họp giao ban đánh giá tình hình tháng 5.

"""


def test_semicolon_list_after_one_ask_gives_one_task_per_clause() -> None:
    body = ("Lãnh đạo UBND huyện chỉ đạo các phòng chuyên môn rà soát diện tích lúa bị ngập úng; hướng dẫn nông dân "
            "vệ sinh đồng ruộng sau thu hoạch; kiểm tra việc cung ứng giống vật tư nông nghiệp; đôn đốc các xã "
            "hoàn thành tiêu chí nông thôn mới.\n")
    tasks = list(parse_notice(NEWS_HEAD + body).tasks)
    for words in ("rà soát diện tích lúa", "hướng dẫn nông dân", "kiểm tra việc cung ứng", "đôn đốc các xã"):
        t = _find(tasks, words)
        assert list(t.lead) == ["các phòng chuyên môn"]
    assert len(tasks) == 4


def test_sentences_after_the_contents_like_colon_are_tasks_of_the_asked_unit() -> None:
    body = ("Kết luận cuộc họp, Chủ tịch UBND xã chỉ đạo các bộ phận chuyên môn thực hiện tốt các nội dung như: "
            "Hoàn thành rà soát hộ nghèo trên địa bàn. Đôn đốc thu thuế sử dụng đất phi nông nghiệp. "
            "Chuẩn bị tốt các điều kiện tổ chức lễ hội mùa xuân.\n")
    tasks = list(parse_notice(NEWS_HEAD + body).tasks)
    for words in ("Hoàn thành rà soát hộ nghèo", "Đôn đốc thu thuế", "Chuẩn bị tốt các điều kiện"):
        assert list(_find(tasks, words).lead) == ["các bộ phận chuyên môn"]


def test_retold_assignment_with_a_second_clause_after_dong_thoi() -> None:
    body = ("Theo thông báo này, Chủ tịch UBND huyện giao Phòng Nông nghiệp huyện chủ trì, phối hợp với UBND các xã "
            "kiểm tra nguyên nhân cây cà phê chết hàng loạt; đồng thời hướng dẫn người dân biện pháp phòng trừ "
            "sâu bệnh trong mùa mưa.\n")
    tasks = list(parse_notice(NEWS_HEAD + body).tasks)
    assert list(_find(tasks, "kiểm tra nguyên nhân").lead) == ["Phòng Nông nghiệp huyện"]
    assert list(_find(tasks, "hướng dẫn người dân").lead) == ["Phòng Nông nghiệp huyện"]


def test_a_unit_that_directs_its_own_staff_keeps_the_lead() -> None:
    body = ("Sở Giao thông vận tải chỉ đạo lực lượng thanh tra tăng cường kiểm tra xe khách chở quá số người; "
            "xử lý nghiêm các trường hợp lấn chiếm hành lang an toàn đường bộ; bố trí lực lượng trực tại các bến xe "
            "trong dịp Tết.\n")
    tasks = list(parse_notice(NEWS_HEAD + body).tasks)
    assert all(list(t.lead) == ["Sở Giao thông vận tải"] for t in tasks), [t.lead for t in tasks]


def test_one_assignment_with_semicolons_stays_whole_and_a_chained_ask_is_split_at_its_next_directive() -> None:
    one = ("Giao Sở Y tế chủ trì, huy động cán bộ y tế trực tại các chốt kiểm soát; trang bị máy đo thân nhiệt; "
           "chuẩn bị sẵn sàng vật tư, hóa chất khử khuẩn.\n")
    assert len(parse_notice(NEWS_HEAD + one).tasks) == 1
    chained = ("Chủ tịch UBND tỉnh chỉ đạo các sở, ngành kiểm tra việc cấp phép khai thác cát trên sông; rà soát các "
               "bến bãi tập kết cát; đồng thời chỉ đạo Công an tỉnh xử lý nghiêm các vi phạm.\n")
    # (round 19: the clause "đồng thời chỉ đạo Công an tỉnh …" is a duty of its own in a retold report; the short
    # clause "rà soát các bến bãi …" goes on with the first ask)
    tasks = parse_notice(NEWS_HEAD + chained).tasks
    assert len(tasks) == 2, [t.text for t in tasks]
    assert "rà soát các bến bãi" in tasks[0].text and tasks[1].text.startswith("đồng thời chỉ đạo Công an tỉnh")


# ---------------------------------------------------------------- A: text that is not a task

def test_portal_chrome_lines_are_not_text() -> None:
    page = ("Huyện An Phú họp thường kỳ tháng 4\n  • Cập nhật: 12/04/2026\n  • Lượt xem: 2310 lượt xem\n\n"
            "Ngày 10/4, UBND huyện An Phú tổ chức phiên họp thường kỳ tháng 4.\n\n"
            "Chủ tịch UBND huyện giao Phòng Tài chính - Kế hoạch rà soát nguồn vốn đầu tư công còn lại; đồng thời "
            "tham mưu phương án điều chuyển vốn trước ngày 30/4/2026.\n\nNội dung bình luận*\n")
    tasks = parse_notice(page).tasks
    assert not any("Lượt xem" in t.text or "Cập nhật" in t.text or "bình luận" in t.text for t in tasks)
    assert any("rà soát nguồn vốn" in t.text for t in tasks)


def test_item_pointing_to_the_appendix_is_not_a_task_and_a_targets_appendix_gives_none() -> None:
    body = """II. NHIỆM VỤ
1. Các nhiệm vụ cần làm ngay được xác định tại Phụ lục kèm theo Chương trình này.
2. Sở Văn hóa, Thể thao và Du lịch xây dựng bộ tiêu chí homestay đạt chuẩn.
"""
    targets = """PHỤ LỤC 1
CÁC CHỈ TIÊU CHỦ YẾU
(Kèm theo Chương trình hành động số 12-CTr/TU ngày 4/5/2026 của Tỉnh ủy An Bình)
TT
Nội dung
Mục tiêu
1
Số lượt khách du lịch cộng đồng tăng bình quân hằng năm
Tối thiểu 15%
"""
    tasks = _tasks(body, tail=SIGNATURE + targets)
    assert [t.text for t in tasks] == ["Sở Văn hóa, Thể thao và Du lịch xây dựng bộ tiêu chí homestay đạt chuẩn."]


# ---------------------------------------------------------------- B: the closing ask is a task of its own

def test_opinion_closing_with_an_ask_is_not_glued_onto_the_last_item() -> None:
    head = """SỞ XÂY DỰNG TỈNH AN BÌNH
Số: 210/SXD-QH
An Bình, ngày 12 tháng 5 năm 2026
Kính gửi: Sở Công Thương tỉnh An Bình
"""
    body = """1. Về quy hoạch: vị trí dự án phù hợp với quy hoạch chung đô thị.
2. Về hạ tầng kỹ thuật:
a) Chủ đầu tư bổ sung phương án đấu nối giao thông với Quốc lộ 4E.
b) Chủ đầu tư hoàn thiện thiết kế hệ thống thoát nước mưa.
Trên đây là ý kiến tham gia của Sở Xây dựng, đề nghị Sở Công Thương tổng hợp, báo cáo theo quy định./.
"""
    tasks = _tasks(body, head=head)
    last = _find(tasks, "thoát nước mưa")
    assert "Trên đây" not in last.text
    closing = _find(tasks, "tổng hợp, báo cáo theo quy định")
    assert list(closing.lead) == ["Sở Công Thương"]


# ---------------------------------------------------------------- J: header metadata of portal renditions

def test_rendition_takes_the_date_that_opens_the_sentence_and_a_bare_number() -> None:
    told = ("Ngày 14/3/2026, UBND huyện An Phú ban hành Công văn số 512/UBND-NN về phòng chống dịch tả lợn.\n\n"
            "Theo đó, UBND huyện giao Phòng Nông nghiệp chủ trì kiểm tra các cơ sở giết mổ trên địa bàn.\n")
    n = parse_notice(told)
    assert n.number == "512/UBND-NN"
    assert str(n.date) == "2026-03-14"
    bare = ("Huyện An Phú: phòng chống dịch tả lợn\n\nNgày 14/3/2026, UBND huyện An Phú có Công văn 512 gửi các xã "
            "về phòng chống dịch tả lợn châu Phi.\n\nTheo đó, giao Phòng Nông nghiệp kiểm tra các cơ sở giết mổ.\n")
    assert parse_notice(bare).number == "512"


def test_a_cited_plan_and_the_page_weekday_date_are_not_the_documents() -> None:
    page = ("Thứ tư, ngày 15 tháng 01 năm 2025\n\nTăng cường diệt trừ cây ngoại lai xâm hại\n\n"
            "Thực hiện Công văn số 300/UBND-NN của UBND tỉnh về báo cáo kết quả thực hiện Kế hoạch số 41/KH-UBND "
            "ngày 2/3/2024 của UBND tỉnh, UBND huyện ban hành Công văn số 19/UBND-VP.\n\n"
            "Theo đó, UBND huyện giao Phòng Nông nghiệp tổ chức tập huấn diệt trừ cây ngoại lai.\n")
    n = parse_notice(page)
    assert n.number == "19/UBND-VP"
    assert n.date is None or str(n.date) != "2025-01-15"


def test_project_information_and_a_cited_permit_are_not_tasks() -> None:
    head = """SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH AN BÌNH
Số: 88/SNNMT-KS
An Bình, ngày 2 tháng 6 năm 2026
Kính gửi: Công ty Cổ phần Khoáng sản Minh Long
"""
    body = ("Căn cứ Giấy phép khai thác khoáng sản số 12/GP-UBND ngày 3/3/2026 của UBND tỉnh cho phép Công ty Cổ phần "
            "Khoáng sản Minh Long khai thác đá vôi tại xã Tân An.\n") + """1. Thông tin về dự án
a) Tên dự án: Mỏ đá vôi Tân An.
b) Quy mô thực hiện: 12,5 ha.
2. Công ty lập hồ sơ đóng cửa mỏ trước ngày 30/9/2026.
"""
    tasks = _tasks(body, head=head)
    assert [t.text for t in tasks] == ["Công ty lập hồ sơ đóng cửa mỏ trước ngày 30/9/2026."]


def test_an_object_asked_inside_a_bullet_does_not_replace_the_group_owner() -> None:
    body = """II. NHIỆM VỤ
1. Kiểm soát ô nhiễm tại các điểm du lịch
- Tăng cường kiểm tra việc thu gom rác thải tại các điểm du lịch. Yêu cầu các hộ kinh doanh dịch vụ ký cam kết.
- Lắp đặt thùng rác phân loại tại các bến thuyền.
Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.
2. Nội dung khác
- Tổ chức tọa đàm về du lịch cộng đồng.
"""
    assert list(_find(_tasks(body), "thu gom rác thải").lead) == ["Đảng ủy Ủy ban nhân dân tỉnh"]
