"""Session 48 (round 62): the issuer's closing call names the doers of items that name nobody, and is never part of
the last item; a unit's name goes on through "công trình", "chương trình".

- "Căn cứ nội dung trên, đề nghị X triển khai thực hiện./.", "Với các nội dung như trên, Sở Y đề nghị X quan tâm,
  phối hợp …./.", "Sở Y đề nghị X nghiêm túc triển khai thực hiện các nội dung trên./." hand the items above to X, as
  "Căn cứ Thông báo này, X triển khai thực hiện" always did. Not the last duty of a letter that happens to ask with
  "nghiêm túc" ("Bộ X yêu cầu các đơn vị thực hiện nghiêm túc báo cáo thống kê …"): the call hands over the whole
  document (it ends it, "./.", or names what was said above).
- "Căn cứ Thông báo này, X triển khai thực hiện./." on the line right after the last item is the closing formula,
  not the last item's next sentence nor a task of its own.
- "trình" (to submit) is a verb that ends a unit's name, but not inside "công trình", "chương trình", "quy trình":
  "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông" is one name."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

HEADER = """SỞ {issuer_caps}
Số: {number}
V/v tăng cường quản lý {topic}

Để tăng cường quản lý {topic} trên địa bàn tỉnh, {issuer} đề nghị:
"""

ITEMS = """- Tăng cường công tác thanh tra, kiểm tra, giám sát đối với {topic} trên địa bàn; xử lý nghiêm các vi phạm.
- Tích cực tuyên truyền, phổ biến các quy định của pháp luật về {topic} cho người dân.
"""

UNITS = ("các sở, ngành có liên quan", "UBND các huyện, thành phố, thị xã")

CALLS = [
    "Căn cứ nội dung trên, đề nghị {units} triển khai thực hiện./.",
    "Với các nội dung như trên, {issuer} đề nghị {units} quan tâm, phối hợp trong quản lý {topic} trên địa bàn tỉnh./.",
    "{issuer} đề nghị {units} nghiêm túc triển khai thực hiện các nội dung trên./.",
    "Căn cứ Thông báo này, {units} triển khai thực hiện./.",
]

CASES = [("CÔNG THƯƠNG", "Sở Công Thương", "123/SCT-QLTM", "hoạt động bán hàng đa cấp"),
         ("Y TẾ", "Sở Y tế", "45/SYT-NVY", "kinh doanh thực phẩm chức năng")]


@pytest.mark.parametrize("header", [True, False])
@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize(("caps", "issuer", "number", "topic"), CASES)
def test_closing_call_leads_the_items_above(header: bool, call: str, caps: str, issuer: str, number: str,
                                           topic: str) -> None:
    text = (HEADER.format(issuer_caps=caps, number=number, topic=topic, issuer=issuer) if header else "") + \
        ITEMS.format(topic=topic) + call.format(units=", ".join(UNITS), issuer=issuer, topic=topic) + "\n"
    tasks = parse_notice(text).tasks
    assert len(tasks) == 2, [(t.ref, t.text) for t in tasks]
    for task in tasks:
        assert task.lead == UNITS, (task.text, task.lead)
        assert "thực hiện./." not in task.text and "Căn cứ" not in task.text and "nội dung trên" not in task.text


@pytest.mark.parametrize("asker", ["Bộ Xây dựng", "Sở Tài chính"])
def test_a_last_duty_with_nghiem_tuc_is_no_closing_call(asker: str) -> None:
    # the last paragraph asks real work and is cut off (no "./."): it hands nothing to the note above it
    text = (f"{asker} nhận được báo cáo thống kê năm 2020 của nhiều đơn vị còn thiếu số liệu.\n\n"
            "(Lưu ý: Theo quy định tại Thông tư số 07/2018/TT-BXD, số liệu tại biểu 07C được tổng hợp lũy kế hàng "
            "năm đến thời điểm báo cáo.)\n\n"
            f"{asker} yêu cầu các đơn vị thực hiện nghiêm túc báo cáo thống kê theo quy định, cập nhật số liệu vào "
            "phần mềm và gửi báo cáo chính thức năm 2020 còn thiếu qua trục liên thông văn bản quốc gi")
    tasks = parse_notice(text).tasks
    assert [t.text[:len(asker)] for t in tasks] == [asker], [(t.text, t.lead) for t in tasks]
    assert tasks[0].lead == ("các đơn vị",)


@pytest.mark.parametrize(("name", "work"), [
    ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông", "tăng cường kiểm tra mặt đường"),
    ("Ban Quản lý các chương trình mục tiêu quốc gia", "tổng hợp kết quả giải ngân"),
    ("Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh", "kiểm tra an toàn các hồ chứa"),
])
def test_a_name_goes_on_through_cong_trinh(name: str, work: str) -> None:
    text = f"Theo đó, Sở Giao thông vận tải đề nghị {name}, Ban Quản lý đường sắt đô thị… {work} trước ngày 30/4/2026."
    tasks = parse_notice(text).tasks
    assert len(tasks) == 1, [(t.text, t.lead) for t in tasks]
    assert tasks[0].lead == (name, "Ban Quản lý đường sắt đô thị")


def test_the_verb_trinh_still_ends_a_name() -> None:
    tasks = parse_notice("Giao Sở Xây dựng trình UBND tỉnh phê duyệt quy hoạch chung trước ngày 15/5/2026.").tasks
    assert [t.lead for t in tasks] == [("Sở Xây dựng",)]


@pytest.mark.parametrize(("after", "units"), [
    ("Thủ tướng Chính phủ phê duyệt việc sửa đổi, bổ sung Quy hoạch mạng lưới các trường đại học, cao đẳng giai đoạn "
     "2006-2020", ("Bộ Giáo dục và Đào tạo",)),
    ("quy hoạch chung được Ủy ban nhân dân tỉnh phê duyệt điều chỉnh cho giai đoạn 2021-2030, tầm nhìn đến năm 2050",
     ("Sở Xây dựng", "Sở Tài chính")),
])
def test_the_doer_after_a_long_clause_of_when(after: str, units: tuple[str, ...]) -> None:
    # "Sau khi X …, Y chủ trì": the time clause may run long, with commas of its own, before the unit that leads
    text = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 967/VPCP-KGVX\nV/v: Thành lập Trường Đại học Sơn Nam\n"
            "Hà Nội, ngày 21 tháng 02 năm 2012\n\nXét đề nghị của Ủy ban nhân dân tỉnh Hưng Yên, Phó Thủ tướng có ý "
            "kiến như sau:\n"
            f"Sau khi {after}, {', '.join(units)} chủ trì, phối hợp với Ủy ban nhân dân tỉnh Hưng Yên xem xét việc xin "
            "chủ trương thành lập Trường, bảo đảm đáp ứng các yêu cầu về điều kiện thành lập.\n"
            "Văn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện./.\n")
    tasks = parse_notice(text).tasks
    assert [t.lead for t in tasks] == [units], [(t.text, t.lead) for t in tasks]


LETTER = """VĂN PHÒNG CHÍNH PHỦ
Số: {number}
V/v {subject}
Hà Nội, ngày 02 tháng 12 năm 2010
Kính gửi:
{addressees}
{body}
Văn phòng Chính phủ thông báo để các cơ quan liên quan biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, KTN.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Văn Trọng Lý
"""


@pytest.mark.parametrize(("addressees", "units"), [
    ("Bộ Giáo dục và Đào tạo.", ("Bộ Giáo dục và Đào tạo",)),
    ("Bộ Công Thương;\nỦy ban nhân dân tỉnh Cà Mau.", ("Bộ Công Thương", "Ủy ban nhân dân tỉnh Cà Mau")),
])
def test_addressees_on_the_lines_below_a_bare_kinh_gui(addressees: str, units: tuple[str, ...]) -> None:
    # "Kính gửi:" alone on its line, the names below it with no dash: the items that name nobody are theirs
    body = ("Xét đề nghị của Tập đoàn Dầu khí Việt Nam, Phó Thủ tướng có ý kiến như sau:\n"
            "Cần phối hợp với các Bộ, ngành có liên quan xem xét việc đầu tư Dự án, báo cáo Thủ tướng Chính phủ trước "
            "ngày 30 tháng 12 năm 2010.")
    tasks = parse_notice(LETTER.format(number="8748/VPCP-KTN", subject="chủ trương đầu tư Dự án",
                                       addressees=addressees, body=body)).tasks
    assert [(t.lead, t.lead_source) for t in tasks] == [(units, "addressee")], [(t.text, t.lead) for t in tasks]


@pytest.mark.parametrize("given", ["giao cho Bộ Công Thương", "giao choBộ Công Thương"])
def test_the_leaders_charge_after_the_grounds(given: str) -> None:
    # "Xét đề nghị của X (…), Phó Thủ tướng Y giao cho Z chủ trì …": the grounds first, then one charge — a task of Z
    # (also where a copy lost the space after "cho")
    body = ("Xét đề nghị của Tập đoàn Dầu khí Việt Nam (công văn số 10512/DKVN-HĐTV ngày 18 tháng 11 năm 2010) về chủ "
            f"trương đầu tư Dự án Nhà máy xử lý khí Cà Mau, Phó Thủ tướng Hoàng Trung Hải {given} chủ trì, phối hợp "
            "với các Bộ, ngành có liên quan xem xét, báo cáo Thủ tướng Chính phủ quyết định.")
    tasks = parse_notice(LETTER.format(number="8748/VPCP-KTN", subject="chủ trương đầu tư Dự án Nhà máy xử lý khí",
                                       addressees="- Bộ Công Thương;\n- Tập đoàn Dầu khí Việt Nam", body=body)).tasks
    assert [t.lead for t in tasks] == [("Bộ Công Thương",)], [(t.text, t.lead) for t in tasks]


def test_a_hand_over_with_giao_cho_is_no_charge() -> None:
    text = ("Theo đó, qua họp bàn, các ngành đề ra phương án huyện sửa chữa và xây mới chợ. Sau khi đầu tư hoàn chỉnh "
            "sẽ giao cho ngành chuyên môn quản lý, sắp xếp.")
    assert [t.lead for t in parse_notice(text).tasks if "giao cho" in t.text] == []


@pytest.mark.parametrize(("asked", "units"), [
    ("Đảng ủy khối Doanh nghiệp, các chi, đảng bộ trực thuộc",
     ("Đảng ủy khối Doanh nghiệp", "các chi, đảng bộ trực thuộc")),
    ("các chi, đảng bộ trực thuộc Huyện ủy", ("các chi, đảng bộ trực thuộc Huyện ủy",)),
])
def test_cac_chi_dang_bo_is_one_group(asked: str, units: tuple[str, ...]) -> None:
    # Party writing elides "bộ" of "chi bộ": "các chi, đảng bộ" are the cells and committees below, one group
    text = ("Sáng 8-10, Ban Thường vụ Huyện ủy tổ chức hội nghị giao ban quý III.\n\n"
            f"Phát biểu kết luận hội nghị, đồng chí Bí thư Huyện ủy yêu cầu {asked} lãnh đạo việc rà soát để hoàn "
            "thành các chỉ tiêu kế hoạch năm 2019 đề ra.")
    tasks = parse_notice(text).tasks
    assert [t.lead for t in tasks] == [units], [(t.text, t.lead) for t in tasks]


def test_an_account_after_an_opening_is_no_task_whatever_it_names_later() -> None:
    # "Theo đó, trong quý I, X đã tập trung lãnh đạo, chỉ đạo …, địa phương tích cực thực hiện …": what X did; the
    # "địa phương" after a comma is whom it directed, not a subject of work ahead
    text = ("Huyện ủy Võ Nhai: Giao ban các chi, đảng bộ trực thuộc\n\n"
            "Tại Hội nghị, các đại biểu đã được nghe báo cáo kết quả thực hiện nhiệm vụ quý I. Theo đó, trong quý I, "
            "các đảng bộ trực thuộc Huyện ủy đã tập trung lãnh đạo, chỉ đạo các cơ quan, đơn vị, địa phương tích cực "
            "thực hiện các nhiệm vụ mục tiêu phát triển kinh tế - xã hội, quốc phòng, an ninh.\n\n"
            "Một số vấn đề phản ánh sẽ được Huyện ủy chỉ đạo các cơ quan chuyên môn tiếp tục giải quyết trong quý II.")
    tasks = parse_notice(text).tasks
    assert not [t for t in tasks if "đã tập trung" in t.text], [(t.text, t.lead) for t in tasks]
