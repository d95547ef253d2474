"""The leaders a plan puts in charge of a group of its items ("Lãnh đạo phụ trách: Phó Giám đốc X, Phó Giám đốc Y."
after or before the group's bullets; a task table's "Cá nhân phụ trách chỉ đạo" column): every item of the group
carries them, the next group has its own (or none). Invented wording in the pattern's general form."""

from __future__ import annotations

import pytest

from bot.ingest.parser import leaders_in_charge, parse_notice

HEAD = "ỦY BAN NHÂN DÂN TỈNH AN BÌNH\nSỞ NÔNG NGHIỆP\nSố: 12/KH-SNN\nAn Bình, ngày 3 tháng 3 năm 2026\nKẾ HOẠCH\n" \
       "Triển khai chương trình phát triển nông nghiệp năm 2026\n"


def _by_text(body: str) -> dict[str, tuple[str, ...]]:
    return {t.text[:20]: t.leaders for t in parse_notice(HEAD + body).tasks}


@pytest.mark.parametrize("field", [
    "Lãnh đạo phụ trách: Phó Giám đốc Trần Văn Hòa, Phó Giám đốc Lê Thị Mai.",
    "Lãnh đạo Sở phụ trách: Phó Giám đốc Trần Văn Hòa và Phó Giám đốc Lê Thị Mai",
    "- Lãnh đạo phụ trách: đồng chí Phó Giám đốc Trần Văn Hòa, Phó Giám đốc Lê Thị Mai;",
])
def test_a_groups_leaders_go_to_each_of_its_items_and_stop_at_the_next_group(field: str) -> None:
    body = f"""II. NHIỆM VỤ
1. Phát triển vùng nguyên liệu
- Rà soát quỹ đất trồng cây dược liệu tại các xã vùng cao.
- Hướng dẫn hợp tác xã liên kết tiêu thụ sản phẩm với doanh nghiệp.
{field}
Đơn vị chủ trì: Phòng Trồng trọt; Đơn vị phối hợp: Văn phòng Sở.
2. Chuyển đổi số trong nông nghiệp
- Xây dựng cơ sở dữ liệu mã số vùng trồng của tỉnh.
Đơn vị chủ trì: Phòng Kế hoạch - Tài chính.
"""
    got = _by_text(body)
    both = ("Phó Giám đốc Trần Văn Hòa", "Phó Giám đốc Lê Thị Mai")
    assert got["Rà soát quỹ đất trồn"] == both
    assert got["Hướng dẫn hợp tác xã"] == both
    assert got["Xây dựng cơ sở dữ li"] == ()


def test_each_group_names_its_own_and_an_office_is_kept_as_written() -> None:
    body = """II. NHIỆM VỤ
1. Phòng, chống dịch bệnh cây trồng
- Theo dõi, dự báo sinh vật gây hại trên cây lúa vụ Xuân.
Lãnh đạo phụ trách: Phó Giám đốc Trần Văn Hòa.
Đơn vị chủ trì: Chi cục Trồng trọt và Bảo vệ thực vật.
2. Đào tạo nguồn nhân lực
- Tổ chức tập huấn kỹ thuật canh tác hữu cơ cho cán bộ khuyến nông cơ sở.
Lãnh đạo phụ trách: Giám đốc Sở.
Đơn vị chủ trì: Trung tâm Khuyến nông.
"""
    got = _by_text(body)
    assert got["Theo dõi, dự báo sin"] == ("Phó Giám đốc Trần Văn Hòa",)
    assert got["Tổ chức tập huấn kỹ "] == ("Giám đốc Sở",)


def test_a_plan_without_the_field_has_no_leaders_in_charge() -> None:
    body = """II. NHIỆM VỤ
1. Sở Tài chính bố trí kinh phí thực hiện chương trình trước ngày 30/4/2026.
2. Sở Nội vụ hướng dẫn kiện toàn bộ máy quản lý trong quý II/2026.
"""
    assert all(t.leaders == () for t in parse_notice(HEAD + body).tasks)


def test_the_field_is_read_alone() -> None:
    assert leaders_in_charge("Lãnh đạo phụ trách: Phó Chủ tịch UBND huyện Nguyễn Văn Bình.") == \
        ["Phó Chủ tịch UBND huyện Nguyễn Văn Bình"]
    assert leaders_in_charge("Cá nhân phụ trách chỉ đạo: Đ/c Hà Văn Tâm / Đ/c Lò Thị Xuân") == \
        ["Hà Văn Tâm", "Lò Thị Xuân"]
    assert leaders_in_charge("Phụ trách chung công tác tổ chức cán bộ.") == []


TABLE = """II. NHIỆM VỤ
1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Hoàng Văn Sơn

PHỤ LỤC
DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch số 12/KH-SNN ngày 3/3/2026 của Sở Nông nghiệp)
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
Xây dựng đề án phát triển chuỗi giá trị sản phẩm chè đặc sản
của các huyện phía Bắc tỉnh
Sở Nông nghiệp
và Môi trường
Đồng chí Vũ Đức Long -
Phó Chủ tịch UBND tỉnh
Trước ngày
30/9/2026
Hoàn thiện quy chế phối hợp quản lý chợ đầu mối nông sản
trên địa bàn thành phố
Sở Công Thương
Đồng chí Đinh Thị Hạnh,
Phó Chủ tịch UBND tỉnh
Quý IV/2026
"""


def test_a_tables_supervising_person_is_the_rows_leader_in_charge() -> None:
    tasks = {t.text[:20]: t for t in parse_notice(HEAD + TABLE).tasks}
    assert tasks["Xây dựng đề án phát "].leaders == ("Vũ Đức Long",)
    assert tasks["Hoàn thiện quy chế p"].leaders == ("Đinh Thị Hạnh",)
    assert list(tasks["Hoàn thiện quy chế p"].lead) == ["Sở Công Thương"]
