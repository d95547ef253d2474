"""Round 29 phrasing pattern: a decision that issues a plan whose task list is a table written out as prose. The plan
follows the signature under a title that carries its issuing note on the same line ("KẾ HOẠCH … (Ban hành kèm theo
Quyết định số …)"), and every item of work is followed by the field lines of its table row — "- Cơ quan thực hiện: Sở X
chủ trì, phối hợp với Y; Z." or "- Đơn vị chủ trì: …" / "- Đơn vị phối hợp: …" — and "- Thời gian thực hiện: …".
Each item gets the lead, the partners and the due its fields name; fields after several items of one level are
those of all of them; item numbers a flattened copy put on the wrong line ("1.4." alone, "… 2.1." closing the heading
above) are read where they belong. Unit names and work are invented."""

from __future__ import annotations

import datetime as dt

from bot.ingest import parse_notice

DECISION = """ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN
Số: 77/QĐ-UBND
Bình Nguyên, ngày 10 tháng 3 năm 2027
QUYẾT ĐỊNH
Ban hành Kế hoạch phát triển du lịch cộng đồng năm 2027
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1.
Ban hành kèm theo Quyết định này Kế hoạch phát triển du lịch cộng đồng tỉnh Bình Nguyên năm 2027.
Điều 2.
Quyết định này có hiệu lực kể từ ngày ký.
Điều 3.
Giám đốc Sở Du lịch, Thủ trưởng các sở, ngành và Chủ tịch Ủy ban nhân dân các huyện \
chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Văn Tâm KẾ HOẠCH PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG TỈNH BÌNH NGUYÊN NĂM 2027 \
(Ban hành kèm theo Quyết định số 77/QĐ-UBND ngày 10 tháng 3 năm 2027 của Chủ tịch Ủy ban nhân dân tỉnh)
I. MỤC ĐÍCH, YÊU CẦU
1. Đa dạng hóa sản phẩm du lịch cộng đồng gắn với bảo tồn văn hóa bản địa.
II. NỘI DUNG THỰC HIỆN
1. Phát triển sản phẩm
a) Khảo sát, lập danh mục các bản làng đủ điều kiện đón khách lưu trú tại nhà dân
- Đơn vị chủ trì: Sở Du lịch.
- Đơn vị phối hợp: Sở Văn hóa và Thể thao, Ủy ban nhân dân các huyện.
- Thời gian thực hiện: Quý II/2027.
b) Biên soạn bộ tài liệu hướng dẫn hộ dân làm dịch vụ lưu trú cộng đồng
- Đơn vị chủ trì: Trường Cao đẳng Du lịch tỉnh.
- Đơn vị phối hợp: Sở Du lịch.
- Thời gian thực hiện: Tháng 9/2027.
2. Quảng bá, xúc tiến
a) Tổ chức đoàn khảo sát cho các doanh nghiệp lữ hành đến các bản làng
- Đơn vị chủ trì: Trung tâm Xúc tiến Du lịch tỉnh.
- Đơn vị phối hợp: Hiệp hội Du lịch tỉnh.
- Thời gian thực hiện: Cả năm 2027.
"""

PROGRAMME = """ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN
Số: 78/QĐ-UBND
Bình Nguyên, ngày 12 tháng 3 năm 2027
QUYẾT ĐỊNH
Ban hành Chương trình hành động về an toàn thực phẩm năm 2027
ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN
Căn cứ Luật An toàn thực phẩm ngày 17 tháng 6 năm 2010;
QUYẾT ĐỊNH:
Điều 1.
Ban hành kèm theo Quyết định này Chương trình hành động về an toàn thực phẩm năm 2027.
Điều 2.
Giám đốc Sở Y tế, Thủ trưởng các sở, ngành chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như điều 2;
- Lưu VT.
TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Thị Hoa

CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ AN TOÀN THỰC PHẨM NĂM 2027 (Ban hành kèm theo \
Quyết định số 78/QĐ-UBND, ngày 12 tháng 3 năm 2027 của Ủy ban nhân dân tỉnh Bình Nguyên)
I. NỘI DUNG HOẠT ĐỘNG
1. Kiểm soát chuỗi cung ứng thực phẩm 1.1.
Thiết lập hệ thống truy xuất nguồn gốc cho các cơ sở giết mổ gia súc tập trung.
1.2. Công bố danh sách cơ sở đạt chuẩn trên cổng thông tin điện tử của tỉnh.
- Cơ quan thực hiện: Sở Nông nghiệp chủ trì, phối hợp với Sở Công Thương; Ủy ban nhân dân các huyện.
- Thời gian thực hiện: Hoàn thành trong quý III/2027.
1.3.
Lấy mẫu giám sát dư lượng thuốc bảo vệ thực vật tại các chợ đầu mối trên địa bàn.
- Cơ quan thực hiện: Chi cục An toàn thực phẩm đôn đốc, hướng dẫn các chợ triển khai thực hiện.
- Thời gian thực hiện: Thường xuyên hằng năm.
"""


def _tasks(text: str) -> dict[str, tuple[list[str], list[str], dt.date | None]]:
    notice = parse_notice(text)
    return {t.text[:30]: (list(t.lead), list(t.support), t.due) for t in notice.tasks}


def test_a_plan_titled_on_one_line_with_its_issuing_note_is_read_as_the_attachment() -> None:
    tasks = _tasks(DECISION)
    assert any(k.startswith("Khảo sát, lập danh mục các bản") for k in tasks)
    assert any(k.startswith("Tổ chức đoàn khảo sát") for k in tasks)


def test_each_item_takes_the_lead_partners_and_time_of_its_own_field_lines() -> None:
    tasks = _tasks(DECISION)
    survey = next(v for k, v in tasks.items() if k.startswith("Khảo sát, lập danh mục"))
    assert survey == (["Sở Du lịch"], ["Sở Văn hóa và Thể thao", "Ủy ban nhân dân các huyện"], dt.date(2027, 6, 30))
    guide = next(v for k, v in tasks.items() if k.startswith("Biên soạn bộ tài liệu"))
    assert guide == (["Trường Cao đẳng Du lịch tỉnh"], ["Sở Du lịch"], dt.date(2027, 9, 30))
    trip = next(v for k, v in tasks.items() if k.startswith("Tổ chức đoàn khảo sát"))
    assert trip[0] == ["Trung tâm Xúc tiến Du lịch tỉnh"] and trip[1] == ["Hiệp hội Du lịch tỉnh"]


def test_the_field_lines_are_no_tasks_of_their_own() -> None:
    notice = parse_notice(DECISION)
    assert not any(t.text.startswith(("Đơn vị", "Thời gian")) for t in notice.tasks)
    assert len([t for t in notice.tasks if t.ref.startswith("II.")]) == 3


def test_a_doers_line_that_says_who_leads_and_who_works_with_it() -> None:
    tasks = _tasks(PROGRAMME)
    listing = next(v for k, v in tasks.items() if k.startswith("Công bố danh sách"))
    assert listing[0] == ["Sở Nông nghiệp"]
    assert listing[1] == ["Sở Công Thương", "Ủy ban nhân dân các huyện"]
    assert listing[2] == dt.date(2027, 9, 30)


def test_fields_after_several_items_of_one_level_are_those_of_all_of_them() -> None:
    tasks = _tasks(PROGRAMME)
    tracing = next(v for k, v in tasks.items() if k.startswith("Thiết lập hệ thống truy xuất"))
    assert tracing[0] == ["Sở Nông nghiệp"]


def test_a_number_alone_on_its_line_and_a_unit_that_directs_others() -> None:
    tasks = _tasks(PROGRAMME)
    sampling = next(v for k, v in tasks.items() if k.startswith("Lấy mẫu giám sát"))
    assert sampling[0] == ["Chi cục An toàn thực phẩm"]
    assert not any(k.startswith(("Cơ quan", "Thời gian", "1.3")) for k in tasks)


EVENT = """ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN
Số: 15/KH-UBND
Bình Nguyên, ngày 2 tháng 4 năm 2027
KẾ HOẠCH
Tổ chức Tuần lễ văn hóa các dân tộc năm 2027
I. CÁC HOẠT ĐỘNG
1. Lễ khai mạc
- Thời gian dự kiến: ngày 20/4/2027.
- Địa điểm: Quảng trường tỉnh.
- Đơn vị chủ trì: Sở Văn hóa và Thể thao.
- Đơn vị phối hợp: Ủy ban nhân dân thành phố.
- Kinh phí: Ngân sách tỉnh.
"""


def test_an_events_description_among_other_fields_is_left_as_it_was() -> None:
    from bot.ingest.plantables import item_fields

    lines = [ln for ln in EVENT.splitlines() if ln]
    assert item_fields(lines) == lines


def test_a_time_field_for_the_whole_year_is_due_at_its_end() -> None:
    tasks = _tasks(DECISION)
    trip = next(v for k, v in tasks.items() if k.startswith("Tổ chức đoàn khảo sát"))
    assert trip[2] == dt.date(2027, 12, 31)


def test_a_first_sub_item_written_on_its_headings_line_is_an_item_of_its_own() -> None:
    from bot.ingest.plantables import item_fields

    lines = ["II. NỘI DUNG", "3. Hỗ trợ hộ nghèo 3.1. Rà soát danh sách hộ nghèo cần hỗ trợ nhà ở.",
             "3.2. Lập dự toán kinh phí hỗ trợ.",
             "- Cơ quan thực hiện: Sở Xây dựng chủ trì, phối hợp với Sở Tài chính.",
             "- Thời gian thực hiện: Quý IV/2027."]
    out = item_fields(lines)
    assert out[1] == "3. Hỗ trợ hộ nghèo"
    assert out[2].startswith("3.1. Rà soát danh sách") and "Cơ quan chủ trì: Sở Xây dựng." in out[2]
    assert out[3].startswith("3.2. Lập dự toán") and "Cơ quan phối hợp: Sở Tài chính." in out[3]
    assert out[3].endswith("Thời gian thực hiện: Quý IV/2027.") and len(out) == 4
