"""Round 39 (issue 8): lead and supporting units on phrasing patterns the unseen notices showed.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest.units import find_leads, find_supports, split_units


def test_one_kind_said_once_before_a_list_of_fields_gives_a_department_each() -> None:
    # ("Sở A, B, C": the kind written once, each field after the commas a department of its own)
    assert find_leads("UBND huyện giao Sở Tư pháp, Xây dựng, Kế hoạch và Đầu tư rà soát hồ sơ các dự án.") == \
        ["Sở Tư pháp", "Sở Xây dựng", "Sở Kế hoạch và Đầu tư"]
    assert find_leads("Giao Sở Y tế, GD&ĐT, Tài nguyên - môi trường kiểm tra vệ sinh các bếp ăn.") == \
        ["Sở Y tế", "Sở GD&ĐT", "Sở Tài nguyên - môi trường"]
    assert split_units("Bộ Công Thương, Nông nghiệp và Phát triển nông thôn") == \
        ["Bộ Công Thương", "Bộ Nông nghiệp và Phát triển nông thôn"]


def test_a_field_whose_name_holds_a_comma_stays_one_department() -> None:
    # (guards: a ministry's own name with a comma; a department's list that ends with a unit of another kind)
    assert find_leads("Giao Bộ Văn hóa, Thể thao và Du lịch hướng dẫn các địa phương.") == \
        ["Bộ Văn hóa, Thể thao và Du lịch"]
    assert find_leads("Giao Sở Lao động, Thương binh và Xã hội kiểm tra.") == ["Sở Lao động, Thương binh và Xã hội"]
    assert split_units("Sở Nội vụ, Công an") == ["Sở Nội vụ", "Công an"]


def test_the_duty_after_a_photo_caption_names_the_lead() -> None:
    # (a news copy glues the caption of a photo — what some unit did — before the next paragraph's duty)
    text = ("Đội kiểm tra liên ngành huyện lập biên bản một cơ sở vi phạm - Ảnh: H.N.Minh Theo đó, Sở Công Thương "
            "cần tăng cường kiểm tra các cơ sở kinh doanh.")
    assert find_leads(text) == ["Sở Công Thương"]
    text = ("UBND xã ra quân dọn vệ sinh (Ảnh: Trần Văn An) Đồng thời, Ban Quản lý chợ phải bố trí nơi đổ rác.")
    assert find_leads(text) == ["Ban Quản lý chợ"]


def test_the_provincial_police_in_lower_case_is_a_unit() -> None:
    assert find_leads("Trong đó, công an tỉnh cần phối hợp với các đơn vị chức năng tuần tra trên sông.") == \
        ["công an tỉnh"]


def test_the_school_before_its_duty_is_the_lead() -> None:
    # (a ';' part that names its own subject: the school, not the unit asked in the part before)
    assert find_leads("nhà trường phải công khai các khoản thu đầu năm học.") == ["nhà trường"]
    assert find_leads("Nhà trường có trách nhiệm bố trí giáo viên trực.") == ["Nhà trường"]


def test_a_city_or_province_named_alone_is_a_partner() -> None:
    assert find_supports("Bộ Công an phối hợp với TP.HCM trong việc bảo đảm an ninh.") == ["TP.HCM"]
    assert find_supports("Đề nghị các bộ phối hợp với Thành phố Hải Phòng sớm bàn giao hồ sơ.") == \
        ["Thành phố Hải Phòng"]
    assert find_supports("Sở Y tế phối hợp với tỉnh Lào Cai, kiểm tra dịch bệnh ở cửa khẩu.") == ["tỉnh Lào Cai"]
    # (not a common noun: "tỉnh bạn" is no named province)
    assert find_supports("Sở Y tế phối hợp với tỉnh bạn kiểm tra dịch bệnh.") == []


def test_a_communes_police_and_military_command_share_the_level() -> None:
    assert find_leads("Công an, quân sự xã tăng cường tuần tra ban đêm.") == ["Công an xã", "quân sự xã"]
    assert find_leads("Giao Công an, Quân sự phường bố trí lực lượng trực.") == ["Công an phường", "Quân sự phường"]


def test_a_cluster_named_after_a_group_is_a_unit_of_its_own() -> None:
    assert find_leads("Đề nghị các tổ xung kích của xã, Cụm PCCR Tân Lập khẩn trương phát dọn đường băng cản lửa.") == \
        ["các tổ xung kích của xã", "Cụm PCCR Tân Lập"]


def test_two_manners_before_with_still_name_the_partner() -> None:
    text = "Công an huyện phối hợp chặt chẽ, thường xuyên với Đội Quản lý thị trường kiểm tra hàng hóa."
    assert find_leads(text) == ["Công an huyện"]
    assert find_supports(text) == ["Đội Quản lý thị trường"]
    assert find_supports("Các phòng, ban có trách nhiệm phối hợp chặt chẽ và kịp thời với Phòng Y tế để xử lý.") == \
        ["Phòng Y tế"]


def test_the_land_and_building_desk_keeps_its_name_in_a_list() -> None:
    assert find_leads("Giao các bộ phận Tư pháp, Địa chính xây dựng, Tổ Thanh tra xây dựng rà soát công trình.") == \
        ["bộ phận Tư pháp", "bộ phận Địa chính xây dựng", "Tổ Thanh tra xây dựng"]
    # (guard: with its work right after, "xây dựng" is the verb)
    assert find_leads("Công chức Địa chính xây dựng kế hoạch kiểm tra đất đai.") == ["Công chức Địa chính"]
