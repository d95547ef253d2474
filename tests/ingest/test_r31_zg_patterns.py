"""Round 31 (issue 8, batch-zg's error kinds): closing calls, Party resolutions' unassigned solutions, dotted numbers.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice
from storage.parsed import ParsedTask
from tests.ingest.test_segmentation import SIGNATURE

LETTER_HEAD = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 512/UBND-KT
V/v triển khai quản lý chợ
An Bình, ngày 10 tháng 3 năm 2026
Kính gửi:
- Sở Công Thương;
- UBND các xã, phường.
"""


def _tasks(body: str, *, head: str = LETTER_HEAD, tail: str = SIGNATURE) -> list[ParsedTask]:
    return list(parse_notice(head + body + tail).tasks)


# ---------------------------------------------------------------- closing calls that are no task


def test_closing_call_to_a_semicolon_list_of_heads_is_no_task() -> None:
    body = """Chủ tịch UBND tỉnh có ý kiến như sau:
1. Giao Sở Công Thương rà soát các chợ xuống cấp, báo cáo UBND tỉnh trước ngày 30/4/2026.
2. UBND các xã, phường kiểm tra việc thu phí tại các chợ trên địa bàn.
Yêu cầu Giám đốc các sở, ban, ngành; Chủ tịch UBND các xã, phường; người đứng đầu các đơn vị có liên quan
nghiêm túc tổ chức triển khai thực hiện./.
"""
    texts = [t.text for t in _tasks(body)]
    assert len(texts) == 2, texts
    assert not any("nghiêm túc" in t for t in texts)


def test_carry_out_on_the_direction_above_is_no_task() -> None:
    body = """Xét đề nghị của Sở Công Thương, Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:
Giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính tham mưu UBND tỉnh phương án sắp xếp các chợ, trình \
trước ngày 15/5/2026.
Căn cứ ý kiến chỉ đạo trên, Sở Công Thương và các đơn vị liên quan triển khai thực hiện./.
"""
    texts = [t.text for t in _tasks(body)]
    assert len(texts) == 1, texts
    assert texts[0].startswith("Giao Sở Công Thương")


# ---------------------------------------------------------------- metadata


def test_number_of_a_series_with_a_dot_is_read_whole() -> None:
    head = """CHÍNH PHỦ
Số: 12.4/2026/NQ-CP
Hà Nội, ngày 05 tháng 2 năm 2026
NGHỊ QUYẾT
Về việc tháo gỡ vướng mắc trong quản lý chợ
"""
    notice = parse_notice(head + "Điều 1. Bộ Công Thương hướng dẫn các địa phương sắp xếp chợ.\n" + SIGNATURE)
    assert notice.number == "12.4/2026/NQ-CP"


def test_plain_number_is_unchanged() -> None:
    notice = parse_notice(LETTER_HEAD + "Giao Sở Công Thương rà soát các chợ.\n" + SIGNATURE)
    assert notice.number == "512/UBND-KT"


# ---------------------------------------------------------------- a plan's target over the paragraph that does it

PLAN_HEAD = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 45/KH-UBND
An Bình, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Phát triển hệ thống chợ năm 2026
"""


def test_target_line_over_a_paragraph_with_its_doer_is_no_task() -> None:
    body = """II. NHIỆM VỤ
1. Hoàn thành di dời 02 chợ tạm ra khỏi khu dân cư.
UBND phường Bắc Sơn chủ trì, phối hợp với Sở Xây dựng thực hiện di dời các hộ kinh doanh tới vị trí mới, hoàn \
thành trong quý IV năm 2026.
2. Tỷ lệ chợ có hệ thống phòng cháy đạt chuẩn 100%.
Sở Công Thương hướng dẫn các ban quản lý chợ lắp đặt thiết bị phòng cháy, chữa cháy theo quy định.
III. TỔ CHỨC THỰC HIỆN
Căn cứ Kế hoạch này, các sở, ban, ngành của tỉnh, UBND các xã, phường tổ chức thực hiện.
"""
    tasks = _tasks(body, head=PLAN_HEAD)
    texts = [t.text for t in tasks]
    assert not any(t.startswith(("Hoàn thành di dời", "Tỷ lệ chợ")) for t in texts), texts
    assert texts[0].startswith("UBND phường Bắc Sơn") and texts[1].startswith("Sở Công Thương"), texts
    assert list(tasks[0].lead) == ["UBND phường Bắc Sơn"]


def test_work_line_with_its_own_deadline_stays_a_task() -> None:
    body = """II. NHIỆM VỤ
1. Rà soát quy hoạch mạng lưới chợ, hoàn thành trước ngày 30/6/2026.
Sở Công Thương chủ trì, phối hợp với UBND các xã, phường tổng hợp kết quả rà soát, báo cáo UBND tỉnh.
"""
    texts = [t.text for t in _tasks(body, head=PLAN_HEAD)]
    assert len(texts) == 2, texts


# ---------------------------------------------------------------- members named with their field


def test_members_named_with_their_field_are_no_tasks() -> None:
    body = """II. NHIỆM VỤ
1. Các sở quản lý chuyên ngành
Giao các sở quản lý chuyên ngành theo lĩnh vực gồm:
- Sở Công Thương (đối với hạ tầng chợ, trung tâm thương mại);
- Sở Xây dựng (đối với tài sản kết cấu hạ tầng đô thị, hạ tầng giao thông đường bộ, hạ tầng cấp nước, thoát nước);
- Sở Văn hóa, Thể thao và Du lịch (đối với hạ tầng văn hóa, thể thao).
Có trách nhiệm:
a) Chủ trì rà soát, thống kê tài sản hạ tầng thuộc phạm vi quản lý.
b) Hướng dẫn các đơn vị quản lý tài sản thực hiện việc báo cáo.
2. UBND các xã, phường kiểm tra việc thu phí tại các chợ trên địa bàn.
"""
    texts = [t.text for t in _tasks(body, head=PLAN_HEAD)]
    assert not any(t.startswith(("Sở Công Thương", "Sở Xây dựng")) for t in texts), texts


# ---------------------------------------------------------------- the enacting formula of a resolution


def test_enacting_formula_above_the_articles_is_no_task() -> None:
    head = """CHÍNH PHỦ
Số: 21/2026/NQ-CP
Hà Nội, ngày 05 tháng 2 năm 2026
NGHỊ QUYẾT
Về việc tháo gỡ vướng mắc trong quản lý chợ
Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;
Theo đề nghị của Bộ trưởng Bộ Công Thương;
"""
    body = """Chính phủ ban hành Nghị quyết quy định xử lý vướng mắc trong việc sắp xếp chợ truyền thống theo \
quy định của Luật Thương mại.
Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định việc xử lý vướng mắc trong sắp xếp chợ truyền thống.
Điều 2. Tổ chức thực hiện
Bộ Công Thương có trách nhiệm hướng dẫn các địa phương sắp xếp chợ truyền thống, báo cáo Chính phủ trước ngày 30/6/2026.
"""
    texts = [t.text for t in parse_notice(head + body + SIGNATURE).tasks]
    assert not any(t.startswith("Chính phủ ban hành") for t in texts), texts
    assert any(t.startswith("Bộ Công Thương có trách nhiệm") for t in texts), texts


def test_asked_to_issue_a_decree_stays_a_task() -> None:
    body = """Chủ tịch UBND tỉnh có ý kiến như sau:
Đề nghị Ủy ban nhân dân tỉnh An Bình ban hành Nghị quyết về giá dịch vụ chợ, xong trước ngày 30/4/2026.
"""
    texts = [t.text for t in _tasks(body)]
    assert len(texts) == 1, texts


def test_one_paragraph_article_charging_a_unit_within_its_remit_is_a_task() -> None:
    head = """CHÍNH PHỦ
Số: 22/2026/NQ-CP
Hà Nội, ngày 05 tháng 2 năm 2026
NGHỊ QUYẾT
Về việc tháo gỡ vướng mắc trong quản lý chợ
"""
    body = """Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định việc xử lý vướng mắc trong sắp xếp chợ truyền thống.
Điều 2. Tổ chức thực hiện
Bộ Tư pháp trong phạm vi chức năng, nhiệm vụ của mình có trách nhiệm rà soát, đề xuất sửa đổi quy định về \
đấu giá quyền thuê ki-ốt tại chợ.
"""
    tasks = list(parse_notice(head + body + SIGNATURE).tasks)
    assert [t.text[:25] for t in tasks] == ["Bộ Tư pháp trong phạm vi "], [t.text for t in tasks]
    assert list(tasks[0].lead) == ["Bộ Tư pháp"]


# ---------------------------------------------------------------- the role of the unit named above


def test_duty_opening_with_the_units_role_is_the_headings_unit() -> None:
    body = """III. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương
- Là cơ quan thường trực, có trách nhiệm tổng hợp, theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch.
- Hướng dẫn các ban quản lý chợ thực hiện nội quy chợ.
2. Sở Tài chính
- Tham mưu bố trí kinh phí thực hiện Kế hoạch.
"""
    tasks = _tasks(body, head=PLAN_HEAD)
    role = next(t for t in tasks if t.text.startswith("Là cơ quan thường trực"))
    assert list(role.lead) == ["Sở Công Thương"]
