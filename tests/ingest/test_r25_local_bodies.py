"""Round 25 phrasing patterns: a commune's or ward's own bodies and staff, written in lower case after whoever asks
("Giao công an phường, tổ quản lý trật tự đô thị …", "yêu cầu tổ thư ký …", "đề nghị tổ dân phố …", "giao cho cán
bộ thú y của xã …", "bộ phận địa chính"), and a unit that works jointly at a named task ("Trạm Y tế xã phối hợp
hướng dẫn …")."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads, split_units


@pytest.mark.parametrize(("text", "lead"), [
    ("Giao công an phường tổ chức giải tỏa các điểm vi phạm trật tự đô thị.", ["công an phường"]),
    ("Giao công an xã, tổ quản lý trật tự đô thị phối hợp với các đoàn thể tổ chức giải tỏa lấn chiếm vỉa hè.",
     ["công an xã", "tổ quản lý trật tự đô thị"]),
    ("Đề nghị tổ dân phố tiếp tục duy trì thực hiện các nội dung xây dựng tổ dân phố văn minh.", ["tổ dân phố"]),
    ("Chủ tịch UBND huyện yêu cầu tổ thư ký tiếp thu các ý kiến để bổ sung vào dự thảo báo cáo.", ["tổ thư ký"]),
    ("Giao tổ công tác kiểm tra, xác minh thông tin phản ánh của người dân.", ["tổ công tác"]),
    ("Giao bộ phận địa chính xã kiểm tra, xác minh thông tin phản ánh.", ["bộ phận địa chính xã"]),
    ("Giao công chức tư pháp xã hướng dẫn người dân làm thủ tục.", ["công chức tư pháp xã"]),
    ("UBND xã giao cho cán bộ thú y của xã trực tiếp đến các hộ có nuôi chó để tiêm phòng.",
     ["cán bộ thú y của xã"]),
])
def test_a_communes_own_bodies_in_lower_case_are_asked(text: str, lead: list[str]) -> None:
    assert find_leads(text) == lead


@pytest.mark.parametrize(("names", "units"), [
    ("Ban Nhân dân các thôn, tổ dân phố", ["Ban Nhân dân các thôn, tổ dân phố"]),
    ("các cơ quan, đơn vị, trường học, tổ dân phố và nhân dân trên địa bàn phường",
     ["các cơ quan, đơn vị, trường học, tổ dân phố và nhân dân trên địa bàn phường"]),
    ("cấp ủy chi bộ các thôn/bản/tổ dân phố", ["cấp ủy chi bộ các thôn/bản/tổ dân phố"]),
])
def test_residential_groups_listed_after_a_comma_stay_in_the_group(names: str, units: list[str]) -> None:
    assert split_units(names) == units


@pytest.mark.parametrize(("text", "lead"), [
    ("Trạm Y tế xã phối hợp hướng dẫn kỹ thuật, giám sát và báo cáo kết quả về Ủy ban nhân dân xã.", "Trạm Y tế xã"),
    ("Công an huyện phối hợp kiểm tra các cơ sở kinh doanh có điều kiện về an ninh, trật tự.", "Công an huyện"),
    ("Phòng Tư pháp phối hợp tuyên truyền Luật Hòa giải ở cơ sở đến người dân.", "Phòng Tư pháp"),
])
def test_a_unit_working_jointly_at_a_named_task_leads_it(text: str, lead: str) -> None:
    assert find_leads(text) == [lead]


def test_a_partner_after_a_lead_is_still_no_lead() -> None:
    assert find_leads("Sở Y tế chủ trì, phối hợp kiểm tra các cơ sở khám bệnh.") == ["Sở Y tế"]
