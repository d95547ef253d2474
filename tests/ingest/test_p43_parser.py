"""Round 43 (issue 8): who must act when a report names the one who speaks or sends, not the one asked.

- a government leader by title ("Thủ tướng …", "Bộ trưởng …") who "chỉ đạo" units a chain of ';' duties: the directed
  units lead every duty (a unit that directs answers for the work itself: unchanged);
- the asked named as a list of offices ("các Bộ trưởng, Thủ trưởng …, Chủ tịch UBND …") in such a chain: each office;
- a news copy telling of a letter sent ("X vừa có văn bản gửi Y, đề nghị …"): Y leads, not the sender;
- units singled out of a group ("các bộ, ngành, nhất là Bộ Y tế và …"): the group and the units singled out lead;
  places singled out name no unit.
Written from phrasing patterns; the names are made up or generic."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import find_leads

CHAIN = ("{leader} chỉ đạo {directed} theo dõi sát tình hình trong nước và thế giới để phản ứng linh hoạt; "
         "tăng cường kỷ luật, kỷ cương hành chính trong thực thi công vụ; "
         "đẩy mạnh giải ngân vốn đầu tư công, phấn đấu giải ngân đạt 100% kế hoạch.")


@pytest.mark.parametrize("leader", ["Thủ tướng Phạm Minh Chính", "Thủ tướng Chính phủ", "Phó Thủ tướng Trần Văn An",
                                    "Bộ trưởng Bộ Y tế"])
@pytest.mark.parametrize("directed", ["các bộ, ngành, địa phương", "UBND các tỉnh, thành phố"])
def test_a_leader_who_directs_a_chain_hands_every_duty_to_the_directed(leader: str, directed: str) -> None:
    tasks = list(parse_notice(CHAIN.format(leader=leader, directed=directed)).tasks)
    assert len(tasks) == 3, [t.text for t in tasks]
    assert all(list(t.lead) == [directed] for t in tasks), [t.lead for t in tasks]


def test_the_directed_named_as_a_list_of_offices_are_each_a_lead() -> None:
    offices = ("các Bộ trưởng, Thủ trưởng các cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân "
               "các tỉnh, thành phố")
    tasks = list(parse_notice(CHAIN.format(leader="Thủ tướng Chính phủ", directed=offices)).tasks)
    assert len(tasks) == 3, [t.text for t in tasks]
    want = ["các Bộ trưởng", "Thủ trưởng các cơ quan ngang bộ, cơ quan thuộc Chính phủ",
            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"]
    assert all(list(t.lead) == want for t in tasks), [t.lead for t in tasks]


def test_guard_a_unit_that_directs_still_answers_for_the_chain() -> None:
    tasks = list(parse_notice(CHAIN.format(leader="Sở Giao thông vận tải", directed="lực lượng thanh tra")).tasks)
    assert tasks and all(list(t.lead) == ["Sở Giao thông vận tải"] for t in tasks), [t.lead for t in tasks]


@pytest.mark.parametrize("sender", ["Cục Quản lý thị trường, Bộ Công Thương", "Sở Tài chính",
                                    "Thiếu tướng Nguyễn Văn An, Cục trưởng Cục Cảnh sát giao thông"])
@pytest.mark.parametrize("sent", ["đã có Công văn khẩn gửi", "vừa có văn bản gửi", "vừa có văn bản số 215/STC-QLG gửi",
                                  "vừa ban hành công văn gửi"])
@pytest.mark.parametrize("addressee", ["UBND các huyện, thị xã", "Sở Y tế các tỉnh"])
@pytest.mark.parametrize("work", [" đề nghị rà soát, báo cáo các dự án chậm tiến độ.",
                                  ", đề nghị rà soát, báo cáo các dự án chậm tiến độ.",
                                  " tăng cường kiểm tra các cơ sở kinh doanh trên địa bàn."])
def test_a_letter_told_of_is_asked_of_the_units_it_goes_to(sender: str, sent: str, addressee: str,
                                                           work: str) -> None:
    assert find_leads(f"{sender} {sent} {addressee}{work}") == [addressee]


@pytest.mark.parametrize("text,lead", [
    # a letter to a superior asking for something: the sender's own business
    ("Sở Tài chính vừa có văn bản gửi Bộ Tài chính xin ý kiến về việc bố trí kinh phí.", ["Sở Tài chính"]),
    ("UBND huyện đã có văn bản gửi Sở Nội vụ báo cáo kết quả thực hiện.", ["UBND huyện"]),
    # the letter's subject after "về": no ask of the addressee (the sender who opens the text, as before)
    ("Ban Chỉ đạo tỉnh vừa có văn bản gửi Ban Chỉ huy các huyện về tăng cường công tác phòng ngừa.",
     ["Ban Chỉ đạo tỉnh"]),
    # a duty to write a letter, not a letter told of
    ("Sở Nông nghiệp và Môi trường khẩn trương có văn bản gửi Bộ Tài chính đề xuất phương án.",
     ["Sở Nông nghiệp và Môi trường"]),
])
def test_guards_letters_that_ask_nothing_of_the_addressee(text: str, lead: list[str]) -> None:
    assert find_leads(text) == lead


def test_a_letter_whose_ask_names_another_unit_gives_that_unit() -> None:
    text = "UBND tỉnh vừa có văn bản gửi Bộ Tài chính, đề nghị Kho bạc Nhà nước hướng dẫn thủ tục thanh toán."
    assert find_leads(text) == ["Kho bạc Nhà nước"]


@pytest.mark.parametrize("group,singled", [
    ("các bộ, ngành liên quan", ["Bộ Nông nghiệp và Môi trường", "các địa phương"]),
    ("các sở, ngành", ["Sở Y tế"]),
    ("UBND các huyện", ["UBND huyện Bảo Yên"]),
])
@pytest.mark.parametrize("word", ["nhất là", "đặc biệt là", "trong đó có"])
def test_units_singled_out_of_a_group_lead_with_it(group: str, singled: list[str], word: str) -> None:
    text = f"Chủ tịch UBND tỉnh yêu cầu {group}, {word} {' và '.join(singled)} rà soát thể chế, chính sách liên quan."
    assert find_leads(text) == [group, *singled]


@pytest.mark.parametrize("text,lead", [
    # places singled out name no unit: the group alone
    ("Thủ tướng yêu cầu Chủ tịch UBND các tỉnh, thành phố ven biển – nhất là Thanh Hóa, Nghệ An – nơi bão có thể đổ "
     "bộ trực tiếp, cần đình hoãn các cuộc họp không cần thiết.", ["Chủ tịch UBND các tỉnh, thành phố ven biển"]),
    ("UBND huyện yêu cầu các cấp, ngành, UBND các xã, thị trấn, nhất là xã Hòa An tuyên truyền cho nhân dân.",
     ["các cấp, ngành", "UBND các xã, thị trấn"]),
    # after the work has begun, what is singled out is part of the work
    ("Yêu cầu các xã tăng cường kiểm tra, nhất là các hộ kinh doanh ven quốc lộ.", ["các xã"]),
])
def test_guards_singled_out_places_and_work(text: str, lead: list[str]) -> None:
    assert find_leads(text) == lead


LETTER = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 215/BKHCN-CĐS
V/v triển khai Chương trình chuyển đổi số
{salutation}
- Các bộ, cơ quan ngang bộ, cơ quan
thuộc Chính phủ;
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.
Bộ Khoa học và Công nghệ đề nghị Quý Cơ quan triển khai ngay các nhiệm vụ được giao tại Chương trình, báo cáo kết
quả về Bộ trước ngày 30/6/2026.
"""


@pytest.mark.parametrize("salutation", ["Kính gửi:", "Kính\ngửi:"])
def test_addressees_wrapped_in_the_header_are_whole(salutation: str) -> None:
    notice = parse_notice(LETTER.format(salutation=salutation))
    assert [list(t.lead) for t in notice.tasks] == [
        ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
         "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]], [(t.lead, t.text) for t in notice.tasks]


@pytest.mark.parametrize("headline", ["", "Bộ Y tế yêu cầu siết chặt an toàn thực phẩm dịp Tết 2026 ",
                                      "Tăng cường kiểm tra an toàn thực phẩm mùa lễ hội "])
@pytest.mark.parametrize("units", [["Sở Y tế các tỉnh"], ["Sở Công Thương", "Sở Nông nghiệp và Môi trường"]])
@pytest.mark.parametrize("verb", ["được yêu cầu", "cũng được đề nghị"])
def test_units_asked_in_the_passive_lead(headline: str, units: list[str], verb: str) -> None:
    text = f"{headline}{' và '.join(units)} {verb} tăng cường thanh tra, kiểm tra, giám sát các cơ sở kinh doanh."
    assert find_leads(text) == units


def test_guard_units_named_by_the_work_they_were_given_are_not_asked() -> None:
    text = ("Hướng dẫn, đôn đốc các cơ quan, đơn vị được giao quản lý tài sản thực hiện việc lập, quản lý hồ sơ "
            "theo quy định.")
    assert find_leads(text) != ["các cơ quan, đơn vị"]


@pytest.mark.parametrize("place", ["tỉnh Đồng Nai", "thành phố Cần Thơ", "huyện Bảo Yên", "xã Hòa An"])
@pytest.mark.parametrize("asker", ["Phó Thủ tướng Lê Văn An yêu cầu", "Chủ tịch UBND tỉnh đề nghị", "Yêu cầu"])
def test_a_place_asked_by_its_level_and_name_leads(place: str, asker: str) -> None:
    text = f"{asker} {place} hoàn thành công tác giải phóng mặt bằng trước ngày 15/8."
    assert find_leads(text) == [place]


@pytest.mark.parametrize("speaker", ["Phó Thủ tướng Trần Văn An", "Bộ trưởng Nguyễn Văn Bình"])
@pytest.mark.parametrize("group", ["các địa phương", "các đơn vị"])
def test_a_speaker_asks_a_group_by_its_kind(speaker: str, group: str) -> None:
    text = (f"{speaker} kiểm tra thực địa thi công cao tốc, {speaker} yêu cầu {group} giải quyết sớm việc giải "
            "phóng mặt bằng, tái định cư cho người dân.")
    assert find_leads(text) == [group]


def test_the_secretaries_of_committees_asked_with_the_chairmen() -> None:
    text = ("Thủ tướng yêu cầu Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương và đề nghị các Bí thư Tỉnh ủy, "
            "Thành ủy, Chủ tịch HĐND các tỉnh, thành phố trực thuộc Trung ương tập trung lãnh đạo, chỉ đạo.")
    assert find_leads(text) == ["Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương",
                                "các Bí thư Tỉnh ủy, Thành ủy",
                                "Chủ tịch HĐND các tỉnh, thành phố trực thuộc Trung ương"]


def test_guard_one_secretary_who_speaks_is_no_lead() -> None:
    text = ("Phát biểu bế mạc, Bí thư Thành ủy Nguyễn Văn An yêu cầu các cấp, ngành rà soát những nhiệm vụ chưa đạt. "
            "Đồng thời, khẩn trương khắc phục hậu quả bão lũ, sớm ổn định đời sống nhân dân.")
    assert all("Bí thư" not in u for t in parse_notice(text).tasks for u in t.lead)


@pytest.mark.parametrize("voters", ["Cử tri tỉnh Hưng Yên", "Cử tri", "Người dân xã Hòa An",
                                    "Cử tri các huyện Đông Sơn"])
@pytest.mark.parametrize("more", ["; xem xét đưa hoạt động này vào danh mục ngành nghề kinh doanh có điều kiện.",
                                  "; đồng thời xem xét, đưa hoạt động này vào danh mục ngành nghề kinh doanh có điều "
                                  "kiện.", "."])
def test_the_voters_own_request_is_no_task(voters: str, more: str) -> None:
    text = (f"{voters} đề nghị Bộ Giáo dục và Đào tạo ban hành văn bản quy định về việc dạy thêm, học thêm{more}\n\n"
            "Bộ Giáo dục và Đào tạo yêu cầu các Sở Giáo dục và Đào tạo tăng cường kiểm tra hoạt động dạy thêm, học "
            "thêm trên địa bàn.")
    tasks = list(parse_notice(text).tasks)
    assert [list(t.lead) for t in tasks] == [["Sở Giáo dục và Đào tạo"]], [(t.lead, t.text) for t in tasks]


def test_guard_a_request_answered_below_is_kept_as_before() -> None:
    text = ("Cử tri huyện Đông Sơn đề nghị sửa chữa tuyến đường liên xã. Trả lời: UBND huyện giao Phòng Kinh tế và Hạ "
            "tầng khảo sát, lập phương án sửa chữa trong quý III/2026.")
    assert any("Phòng Kinh tế và Hạ tầng" in u for t in parse_notice(text).tasks for u in t.lead)


@pytest.mark.parametrize("connective", ["Đồng thời", "Ngoài ra", "Bên cạnh đó"])
@pytest.mark.parametrize("modal", ["cần", "phải"])
@pytest.mark.parametrize("work", ["hạn chế phương tiện giao thông trong thời gian bão ảnh hưởng",
                                  "di dời người dân ra khỏi khu vực nguy hiểm trước khi bão vào"])
def test_a_connective_then_an_obligation_is_the_same_doers_next_duty(connective: str, modal: str, work: str) -> None:
    text = ("Thủ tướng yêu cầu các bộ, ngành, địa phương tập trung ứng phó khẩn cấp với bão số 5.\n\n"
            "Các địa phương căn cứ diễn biến cụ thể để chủ động cấm biển từ ngày 24-8, đặc biệt lưu ý cấm sớm để "
            f"phòng ngừa giông lốc. {connective}, {modal} {work} để bảo đảm an toàn.")
    tasks = list(parse_notice(text).tasks)
    second = [t for t in tasks if t.text.startswith(connective)]
    assert len(second) == 1 and list(second[0].lead) == ["Các địa phương"], [(t.lead, t.text) for t in tasks]


@pytest.mark.parametrize("text", [
    "Các địa phương chủ động cấm biển từ ngày 24-8. Đồng thời, cần có thể xem xét thêm.",
    "Các địa phương chủ động cấm biển từ ngày 24-8. Ngoài ra, cần là việc phải làm ngay.",
])
def test_guard_a_modal_that_states_no_work(text: str) -> None:
    assert len(parse_notice(text).tasks) <= 1


def test_the_election_committees_by_their_abbreviation_lead() -> None:
    text = "Đề nghị UBBC các huyện, thị xã, thành phố tạo điều kiện thuận lợi để việc thông báo được kịp thời."
    assert find_leads(text) == ["UBBC các huyện, thị xã, thành phố"]
