"""Round 50: the unit a speaker asks ends at "chủ trì", and a gloss in brackets after its name is no part of it; a
finished piece of work whose object is "chưa …" (land not yet cleared) keeps its month; in a news item, how a body
has led the work so far ("đã tập trung lãnh đạo, chỉ đạo thực hiện …") and what a body is or will be ("sẽ là nơi
…", "là Trưởng ban") ask nobody to work; a group that spans levels ("từ tỉnh đến cơ sở") is one doer, however
long its list; "Theo kế hoạch, X …" frames X's duty; a team named by its work ("Đoàn thanh tra") and "thông tin
rộng rãi" as a verb."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice
from bot.ingest.dates import pick_deadline
from tests.ingest.test_segmentation import SIGNATURE  # the same signature block under every example


def _led(text: str) -> list[tuple[str, list[str]]]:
    return [(t.text, list(t.lead)) for t in parse_notice(text).tasks]


NEWS_HEAD = ("Tỉnh ứng phó hạn hán\n\n(Tin tức) - Chiều 12/3, Chủ tịch UBND tỉnh chủ trì cuộc họp về tình hình hạn hán "
             "kéo dài tại các huyện phía Nam của tỉnh.\n")


@pytest.mark.parametrize("opening", ["Trên cơ sở đó, ", "Theo đó, ", ""])
@pytest.mark.parametrize("gloss", ["", " (cơ quan thường trực Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn "
                                       "tỉnh)"])
def test_the_unit_asked_ends_at_chu_tri(opening: str, gloss: str) -> None:
    sentence = (f"{opening}ông Nguyễn Văn An chỉ đạo Sở Nông nghiệp và Môi trường{gloss} chủ trì, phối hợp với các "
                "đơn vị liên quan thực hiện các giải pháp ứng phó hạn hán; xác định và khoanh vùng những khu vực bị "
                "ảnh hưởng.")
    got = _led(NEWS_HEAD + sentence[:1].upper() + sentence[1:] + "\n")
    assert [lead for text, lead in got if "giải pháp ứng phó" in text] == [["Sở Nông nghiệp và Môi trường"]], got


@pytest.mark.parametrize(("text", "due"), [
    ("UBND huyện Y hoàn thành hồ sơ thu hồi đất 17,1ha chưa giải phóng mặt bằng để bàn giao cho chủ đầu tư trong "
     "tháng 12/2013.", dt.date(2013, 12, 31)),
    ("Hoàn tất thủ tục cấp giấy chứng nhận cho các hộ chưa được cấp trong quý IV/2026.", dt.date(2026, 12, 31)),
])
def test_a_not_yet_object_of_finished_work_keeps_the_period(text: str, due: dt.date) -> None:
    deadline = pick_deadline(text, issued_on=dt.date(2013, 11, 5))
    assert deadline is not None and deadline.due == due, deadline


@pytest.mark.parametrize("text", [
    "Xem xét không tổ chức kiểm tra định kỳ trong năm 2026 đối với các doanh nghiệp.",
    "Chưa điều chỉnh giá dịch vụ trong quý I năm 2026.",
])
def test_a_ban_still_has_no_deadline(text: str) -> None:
    assert pick_deadline(text, issued_on=dt.date(2025, 12, 1)) is None


NEWS = ("Huyện ủy làm việc về công tác tuyên giáo\n\n(Tin tức) - Sáng 5/4, đoàn công tác của Ban Tuyên giáo Tỉnh ủy "
        "làm việc với Huyện ủy Phú Bình về công tác tuyên giáo.\n{told}\nĐồng chí Trưởng ban đề nghị Huyện ủy Phú Bình "
        "tiếp tục nắm sát tình hình dư luận xã hội, kịp thời định hướng thông tin trong cán bộ, đảng viên.\n")


@pytest.mark.parametrize("told", [
    "Năm 2025 và 3 tháng đầu năm 2026, Huyện ủy Phú Bình đã tập trung lãnh đạo, chỉ đạo thực hiện đồng bộ, hiệu quả "
    "công tác tuyên giáo, góp phần giữ vững ổn định chính trị, tư tưởng trong cán bộ, đảng viên, nhân dân.",
    "Ban Tuyên giáo Huyện ủy đã và đang lãnh đạo triển khai nhiều mô hình hay trong công tác tuyên truyền, vận động "
    "nhân dân thực hiện các chủ trương của Đảng.",
    "Trung tâm Chính trị huyện sẽ là nơi bồi dưỡng lý luận chính trị cho cán bộ, đảng viên của các xã, thị trấn trong "
    "toàn huyện.",
])
def test_an_account_of_how_a_body_led_or_what_it_is_asks_nobody(told: str) -> None:
    got = _led(NEWS.format(told=told))
    assert [text for text, _ in got if "tập trung lãnh đạo" in text or "đang lãnh đạo" in text
            or "sẽ là nơi" in text] == [], got
    assert [lead for text, lead in got if "dư luận" in text] == [["Huyện ủy Phú Bình"]], got


def test_a_body_that_led_and_directs_a_unit_still_asks() -> None:
    told = ("UBND huyện đã tập trung lãnh đạo, chỉ đạo thực hiện kế hoạch và yêu cầu Phòng Văn hóa và Thông tin rà "
            "soát, báo cáo kết quả tuyên truyền trước ngày 30/4/2026.")
    got = _led(NEWS.format(told=told))
    assert any("rà soát" in text for text, _ in got), got


def test_a_long_group_spanning_levels_is_the_doer() -> None:
    text = ("Tin tức\nCác cấp uỷ, tổ chức đảng, chính quyền, MTTQ và tổ chức chính trị - xã hội từ tỉnh đến cơ sở tổ "
            "chức học tập, quán triệt Nghị quyết Đại hội đến toàn thể cán bộ, đảng viên.\n")
    got = _led(text)
    assert len(got) == 1 and got[0][1][0] == "Các cấp uỷ, tổ chức đảng", got
    assert got[0][1][-1].startswith("tổ chức chính trị - xã hội"), got


@pytest.mark.parametrize("doer", ["Sở Y tế", "các ngành thành viên Tiểu ban"])
def test_a_plan_retold_frames_its_duties(doer: str) -> None:
    text = (f"Tin tức\nTheo kế hoạch, {doer} có nhiệm vụ đảm bảo tốt công tác y tế cho các hoạt động của lễ "
            "hội.\n")
    assert [lead for _, lead in _led(text)] == [[doer]]


def test_a_plan_retold_with_no_doer_has_no_task() -> None:
    assert _led("Tin tức\nTheo kế hoạch, Đại hội sẽ diễn ra trong 2 ngày 12 và 13/10 tại Hội trường tỉnh.\n") == []


@pytest.mark.parametrize(("sentence", "team"), [
    ("Đoàn thanh tra liên ngành tiến hành thanh tra, xem xét trách nhiệm của UBND các xã trong quản lý đất đai.",
     "Đoàn thanh tra liên ngành"),
    ("Tổ kiểm tra liên ngành của huyện tăng cường kiểm tra các cơ sở kinh doanh thực phẩm trên địa bàn.",
     "Tổ kiểm tra liên ngành của huyện"),
])
def test_a_team_named_by_its_work(sentence: str, team: str) -> None:
    assert [lead for _, lead in _led(f"Tin tức\n{sentence}\n")] == [[team]]


def test_inform_is_the_work_after_the_doer() -> None:
    text = ("UBND tỉnh yêu cầu các sở, ngành thực hiện nghi thức Quốc tang. Các cơ quan truyền thông trong tỉnh thông "
            "tin rộng rãi việc thực hiện nghi thức Quốc tang để các cơ quan, đơn vị và nhân dân biết, thực hiện.\n")
    assert [lead for text, lead in _led(text) if "rộng rãi" in text] == [["Các cơ quan truyền thông trong tỉnh"]]


@pytest.mark.parametrize("ask", ["phối hợp, thực hiện", "phối hợp thực hiện", "phối hợp triển khai"])
def test_units_asked_to_work_together_lead_the_items(ask: str) -> None:
    text = (f"Sở Thông tin và Truyền thông trân trọng đề nghị các đơn vị {ask} các nội dung sau:\n"
            "- Tuyên truyền nội dung Kế hoạch số 225/KH-UBND ngày 11/9/2019 của Ủy ban nhân dân thành phố.\n"
            "- Thường xuyên cập nhật thông tin và gửi báo cáo về Sở Thông tin và Truyền thông.\n")
    assert [lead for _, lead in _led(text)] == [["các đơn vị"], ["các đơn vị"]]


def test_the_unit_that_chairs_still_leads_a_joint_ask() -> None:
    text = ("UBND tỉnh đề nghị Sở Y tế chủ trì, UBND các huyện phối hợp thực hiện các nội dung sau:\n"
            "- Tuyên truyền nội dung Kế hoạch số 225/KH-UBND về phòng chống dịch.\n")
    notice = parse_notice(text)
    assert [(list(t.lead), list(t.support)) for t in notice.tasks] == [(["Sở Y tế"], ["UBND các huyện"])]


@pytest.mark.parametrize("kind", ["các địa phương", "các đơn vị", "các cơ quan"])
def test_a_reported_direction_to_every_unit_of_a_kind_is_theirs(kind: str) -> None:
    text = (f"Dịch bệnh\nTrước tình trạng đó, UBND tỉnh đã chỉ đạo {kind} triển khai quyết liệt các biện pháp phòng, "
            "chống bệnh viêm da nổi cục trên đàn trâu, bò.\n")
    assert [lead for _, lead in _led(text)] == [[kind]]


def test_a_pointer_back_is_still_no_doer_of_a_reported_direction() -> None:
    text = ("KẾT LUẬN\n1. Yêu cầu các đơn vị nêu trên khẩn trương khắc phục. UBND huyện đã chỉ đạo các đơn vị nêu "
            "trên báo cáo kết quả.\n")
    assert [lead for _, lead in _led(text)] == [["các đơn vị nêu trên"]]


PLAN_TABLE = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 45/KH-UBND
An Bình, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Thí điểm sàn giao dịch tín chỉ các-bon
NỘI DUNG CHI TIẾT
TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
1 | Lập phương án chi tiết xây dựng sàn giao dịch | {lead} | {support} | Quý II/2026
2 | Tổng hợp nhu cầu nguồn lực thực hiện Đề án | Sở Tài chính | Sở Công Thương | Quý III/2026
"""


@pytest.mark.parametrize(("support", "supports"), [
    ("", ["Trung tâm Lưu ký", "Công ty Xổ số"]),
    ("Sở Công Thương", ["Trung tâm Lưu ký", "Công ty Xổ số", "Sở Công Thương"]),
])
def test_a_lead_cell_that_directs_others_is_led_by_who_directs(support: str, supports: list[str]) -> None:
    lead = "Sở Tài chính chỉ đạo Trung tâm Lưu ký, Công ty Xổ số thực hiện"
    tasks = parse_notice(PLAN_TABLE.format(lead=lead, support=support) + SIGNATURE).tasks
    first = next(t for t in tasks if "sàn giao dịch" in t.text)
    assert (list(first.lead), list(first.support)) == (["Sở Tài chính"], supports), first


@pytest.mark.parametrize("stamp", ["14:58 | 27/12/2014", "27/12/2014 14:58", "14:58, 27/12/2014"])
def test_a_portal_stamp_dates_a_day_without_its_year(stamp: str) -> None:
    text = (f"Huế luôn luôn mới\nTổng vệ sinh môi trường đón Tết Dương lịch\n{stamp}\n\nUBND thành phố Huế đã ban hành "
            "Kế hoạch tổng vệ sinh môi trường. UBND thành phố yêu cầu các phường báo cáo kết quả về Phòng Tài nguyên "
            "và Môi trường trước ngày 05/01.\n")
    assert [t.due for t in parse_notice(text).tasks] == [dt.date(2015, 1, 5)]  # (the next 5 January after the stamp)


def test_the_places_a_forecast_names_are_not_who_acts() -> None:
    text = ("Công điện ứng phó mưa lũ\nVăn phòng Ban chỉ đạo đã có Công điện đề nghị các tỉnh triển khai các biện pháp "
            "ứng phó với mưa, lũ.\nTheo tin từ Trung tâm dự báo Khí tượng Thủy văn Trung ương, các tỉnh Đông Bắc Bộ, "
            "các tỉnh từ Thanh Hóa đến Hà Tĩnh sẽ có mưa to đến rất to. Do vậy, các địa phương cần theo dõi chặt chẽ "
            "diễn biến mưa lũ trên địa bàn, cảnh báo thông tin kịp thời.\n")
    leads = [lead for text, lead in _led(text) if "theo dõi chặt chẽ" in text]
    assert leads and not any("Đông Bắc Bộ" in unit for lead in leads for unit in lead), leads


CAPTIONED = """Các trường học tăng cường phòng, chống dịch bệnh tay chân miệng

GD&TĐ - Nhằm chủ động ngăn chặn dịch bệnh tay chân miệng, Bộ Giáo dục và Đào tạo có công văn hướng dẫn.

Các trường học tăng cường phòng, chống dịch bệnh tay chân miệng

Theo đó Công văn yêu cầu các cơ sở giáo dục chủ động phối hợp chặt chẽ với cơ quan y tế tại địa phương xây dựng kế \
hoạch bảo vệ, chăm sóc sức khỏe cho học sinh.
"""


def test_the_headline_printed_again_as_a_caption_is_no_line_of_the_body() -> None:
    assert [lead for text, lead in _led(CAPTIONED) if "kế hoạch bảo vệ" in text] == [["các cơ sở giáo dục"]]


def test_a_page_printed_twice_gives_each_task_once() -> None:
    para = ("Cục Quản lý đê điều vừa có văn bản gửi Sở Nông nghiệp và Môi trường các tỉnh đề nghị tăng cường công tác "
            "tuần tra canh gác, đảm bảo an toàn đê điều trong mùa mưa lũ.")
    for text in (f"Tăng cường tuần tra đê điều\n{para}\nTăng cường tuần tra đê điều\n{para}\n",
                 f"Tăng cường tuần tra đê điều\n{para}\n\n{para}\n"):
        assert len([t for t in parse_notice(text).tasks if "tuần tra canh gác" in t.text]) == 1, text


@pytest.mark.parametrize("sent", ["gửi văn bản đến", "vừa gửi công văn tới", "gửi công văn số 1234/SGDĐT-KHTC đến"])
def test_the_units_a_letter_is_sent_to_are_asked(sent: str) -> None:
    text = ("Chuẩn bị năm học mới\nGD&TĐ - Năm học mới sắp bắt đầu, nhiều trường học còn thiếu phòng học và nhà vệ "
            f"sinh.\nGD&TĐ - Sở GD&ĐT Hòa Bình {sent} các phòng GD&ĐT, các trường học trực thuộc "
            "yêu cầu rà soát các điều kiện cơ sở vật chất trường, lớp học chuẩn bị cho năm học mới.\n")
    asked = [lead for text, lead in _led(text) if "cơ sở vật chất" in text]
    assert asked == [["phòng GD&ĐT", "các trường học trực thuộc"]]


def test_a_sweep_of_the_work_ends_the_units_directed() -> None:
    text = ("Tin giáo dục\nGD&TĐ - Bộ GD&ĐT chỉ đạo các địa phương tổng rà soát, đầu tư cải tạo, xây dựng nhà vệ sinh "
            "và cung cấp nước sạch trong trường học, tăng cường cơ sở vật chất.\n")
    assert [lead for _, lead in _led(text)] == [["các địa phương"]]


def test_plant_protection_in_a_unit_name_is_no_verb() -> None:
    text = ("Tin nông nghiệp\nSở Nông nghiệp yêu cầu UBND các huyện, thị xã, thành phố vận động nông dân tập trung thu "
            "hoạch diện tích lúa đã chín.\nSở Nông nghiệp giao Chi cục Trồng trọt và bảo vệ thực vật tăng cường công "
            "tác kiểm tra đồng ruộng, hướng dẫn các biện pháp quản lý dịch hại đến nông dân.\n")
    assert [lead for text, lead in _led(text) if "đồng ruộng" in text] == [["Chi cục Trồng trọt và bảo vệ thực vật"]]


@pytest.mark.parametrize("therefore", ["Vì vậy", "Do đó", "Do vậy"])
def test_what_the_situation_calls_for_frames_the_duty(therefore: str) -> None:
    text = ("Tin giáo dục\nGiám đốc Sở GD-ĐT yêu cầu các trường tiến hành dọn vệ sinh trường, lớp học, kiểm tra cơ sở "
            "vật chất để đón học sinh trở lại trường.\nHiện nay nguy cơ sạt lở đất còn cao. "
            f"{therefore}, các đơn vị, cơ sở giáo dục quán triệt cho học sinh phòng tránh để không xảy ra tai nạn.\n")
    assert [lead for text, lead in _led(text) if "quán triệt" in text] == [["các đơn vị, cơ sở giáo dục"]]


def test_a_long_forecast_before_the_duty_is_no_task_of_its_own() -> None:
    text = ("Công điện ứng phó mưa lũ\nVăn phòng Ban chỉ đạo đã có Công điện đề nghị các tỉnh triển khai các biện pháp "
            "ứng phó với mưa, lũ.\nTheo tin từ Trung tâm dự báo Khí tượng Thủy văn Trung ương, do ảnh hưởng của bão số "
            "1, các tỉnh Đông Bắc Bộ, các tỉnh từ Thanh Hóa đến Hà Tĩnh sẽ có mưa vừa, mưa to đến rất to. Do vậy, các "
            "địa phương cần theo dõi chặt chẽ diễn biến mưa lũ trên địa bàn, cảnh báo thông tin kịp thời.\n")
    assert not [text for text, _ in _led(text) if text.startswith("Theo tin từ")]


def test_a_text_to_speech_player_is_page_chrome() -> None:
    player = "0:00 / 0:00\n0:00\n  • Nam miền Bắc\n  • Nữ miền Bắc\n  • Nữ miền Nam\n  • Nam miền Nam\n"
    text = ("Sở Y tế yêu cầu tăng cường phòng chống dịch\n\n(PLO)- Sở Y tế vừa có văn bản về phòng chống dịch.\n"
            f"{player}\nTheo đó, Sở Y tế yêu cầu các bệnh viện tuyến huyện rà soát thuốc, vật tư, trang thiết bị, sẵn "
            "sàng thu dung điều trị người bệnh.\n")
    got = _led(text)
    assert not any("miền" in text for text, _ in got), got
    assert [lead for text, lead in got if "rà soát thuốc" in text] == [["các bệnh viện tuyến huyện"]], got


@pytest.mark.parametrize("credit", ["Nguồn: Bộ Công an", "Ảnh: Minh Hải"])
def test_a_caption_that_ends_with_its_credit_is_closed(credit: str) -> None:
    text = ("Công an tỉnh kêu gọi chấp hành quy định về pháo\n\n(Tin tức) - Công an tỉnh vừa có thư kêu gọi toàn dân "
            f"chấp hành các quy định về pháo.\n\nQuy định về quản lý, sử dụng pháo. {credit}\n\nTrong thư, Công an "
            "tỉnh đề nghị cơ quan, tổ chức, doanh nghiệp và người dân trên địa bàn tỉnh quan tâm thực hiện một số "
            "nội dung liên quan quản lý, sử dụng pháo.\n")
    got = [lead for text, lead in _led(text) if "quan tâm thực hiện" in text]
    assert got and not any(credit.split(": ")[1] in unit for lead in got for unit in lead), got


def test_a_department_named_by_its_sector_in_lower_case_is_one_of_the_units_asked() -> None:
    text = ("Ngày 27/1, Cục Quản lý Dược Bộ Y tế vừa có công văn đề nghị sở y tế các tỉnh, thành phố, các bệnh viện, "
            "Tổng công ty Dược Việt Nam có kế hoạch dự trữ, cung ứng thuốc trong dịp Tết Nguyên đán, không để xảy ra "
            "tình trạng thiếu thuốc chữa bệnh cho nhân dân.\n")
    assert [lead for _, lead in _led(text)] == [["sở y tế các tỉnh, thành phố", "các bệnh viện",
                                                 "Tổng công ty Dược Việt Nam"]]
