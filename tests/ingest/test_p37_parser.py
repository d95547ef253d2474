"""Parser round 37 (issue 8): a retold letter's later sentences and paragraphs that open with the same doer's next
piece of work ("Chủ trì, phối hợp với …", "Định kỳ hằng quý …", "Trên cơ sở kết quả …, đề xuất …") are that doer's
tasks, the units they report to are no doers; a past act told after the work ("Trước đó, … đã có văn bản … đến ngày
…") does not date it; agreeing in principle with a request is no task; a yearly cost estimate is no recurrence.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice
from bot.ingest.dates import find_recurrence
from bot.ingest.parser import _also_work, _chained_duties, _informs

NEWS = (
    "Ngày 5/9/2026, UBND tỉnh ban hành văn bản về công tác chuyển đổi số trong các trường học.\n"
    "Theo đó, UBND tỉnh yêu cầu: Sở Giáo dục và Đào tạo chủ trì, phối hợp với các đơn vị liên quan xây dựng kế hoạch "
    "chuyển đổi số của ngành giáo dục giai đoạn 2026 - 2030. Chủ trì, phối hợp với các huyện rà soát, bổ sung trang "
    "thiết bị dạy học cho các trường vùng khó khăn. Định kỳ hằng quý tổng hợp, đánh giá kết quả thực hiện, báo cáo "
    "Bộ Giáo dục và Đào tạo, UBND tỉnh theo quy định.\n"
)

LETTER = (
    "Ngày 10/4/2026, UBND tỉnh có văn bản về việc kiểm tra hiện trạng trụ sở Trạm Y tế xã Tân Lập.\n"
    "Giao Sở Y tế chủ trì, phối hợp với Sở Xây dựng kiểm tra, đánh giá hiện trạng trụ sở Trạm Y tế xã Tân Lập.\n"
    "Trên cơ sở kết quả kiểm tra, đề xuất UBND tỉnh phương án sửa chữa trụ sở, bảo đảm an toàn cho người bệnh.\n"
)

TOLD_EARLIER = (
    "Ngày 20/3/2026, UBND tỉnh có văn bản chỉ đạo phòng, chống dịch sốt xuất huyết.\n"
    "Sở Y tế phối hợp với các địa phương khẩn trương theo dõi chặt chẽ diễn biến dịch bệnh để kịp thời tham mưu "
    "UBND tỉnh các biện pháp phù hợp.\n"
    "Trước đó, UBND tỉnh đã có văn bản cho các trường mầm non tạm dừng đón trẻ đến ngày 25/3/2026.\n"
)


def test_same_doers_next_sentences_are_tasks_of_their_own() -> None:
    tasks = parse_notice(NEWS).tasks
    texts = [t.text for t in tasks]
    assert len(tasks) == 3, texts
    assert texts[1].startswith("Chủ trì, phối hợp với các huyện") and texts[2].startswith("Định kỳ hằng quý")
    assert all(t.lead == ("Sở Giáo dục và Đào tạo",) for t in tasks)  # (not UBND tỉnh, whom the report goes to)
    assert tasks[2].recurrence == "quarterly" and tasks[0].recurrence is None


def test_work_on_the_grounds_of_the_work_above_is_the_same_doers() -> None:
    tasks = parse_notice(LETTER).tasks
    assert [t.lead for t in tasks] == [("Sở Y tế",), ("Sở Y tế",)]
    assert tasks[1].text.startswith("Trên cơ sở kết quả kiểm tra, đề xuất UBND tỉnh")
    assert _also_work("Trên cơ sở đó, tham mưu UBND huyện ban hành quy chế phối hợp.")
    assert not _also_work("Trên cơ sở kết quả đạt được, năm 2026 huyện phấn đấu hoàn thành các chỉ tiêu.")


def test_a_past_act_told_after_the_work_does_not_date_it() -> None:
    tasks = parse_notice(TOLD_EARLIER).tasks
    assert len(tasks) == 1 and tasks[0].lead == ("Sở Y tế",)
    assert tasks[0].due is None and "Trước đó" not in tasks[0].text


def test_agreeing_in_principle_is_no_task() -> None:
    assert _informs("Đồng ý về nguyên tắc với đề nghị của Sở Tài chính tại Tờ trình nêu trên về việc điều chỉnh dự "
                    "toán kinh phí sự nghiệp năm 2026.")
    # (a scan that lost the tone of 'đề')
    assert _informs("Đồng ý về nguyên tắc với để nghị của Ngân hàng Nhà nước chi nhánh tỉnh về việc cho vay ưu đãi.")


def test_a_yearly_cost_estimate_is_no_recurrence() -> None:
    assert find_recurrence("xây dựng kế hoạch (dự toán kinh phí hằng năm) và tổ chức triển khai Đề án") is None
    assert find_recurrence("Định kỳ hằng năm tổng hợp, báo cáo kết quả thực hiện Đề án") == "yearly"


PERMIT = (
    "Ngày 2/8/2026, UBND tỉnh có văn bản về Đề án phát triển du lịch cộng đồng.\n"
    "Theo đó, UBND tỉnh đã đồng ý để UBND huyện Krông Ana xây dựng Đề án phát triển du lịch cộng đồng tại các buôn "
    "đồng thời giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các đơn vị liên quan thẩm định Đề án theo "
    "đúng quy định.\n"
)

DIRECTED_TOO = (
    "Ngày 3/4/2026, UBND tỉnh có thông báo về việc treo cờ Tổ quốc.\n"
    "Theo đó, Chủ tịch UBND tỉnh yêu cầu Chủ tịch UBND các huyện, thị xã chỉ đạo, hướng dẫn nhân dân treo cờ Tổ quốc "
    "để tuyên truyền cổ động cuộc bầu cử Trưởng thôn, tổ dân phố; thành viên Ban Thanh tra nhân dân xã, phường nhiệm "
    "kỳ 2026-2028.\n"
    "Đồng thời chỉ đạo Giám đốc các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã thường xuyên kiểm tra việc treo "
    "cờ Tổ quốc tại cơ quan, đơn vị.\n"
)


def test_whom_the_ask_after_a_permission_names_leads() -> None:
    tasks = parse_notice(PERMIT).tasks
    asked = [t for t in tasks if "thẩm định Đề án" in t.text]
    assert len(asked) == 1 and asked[0].lead == ("Sở Văn hóa, Thể thao và Du lịch",)
    assert "xây dựng Đề án" not in asked[0].text


def test_units_directed_anew_that_include_the_lead_above_lead_themselves() -> None:
    tasks = parse_notice(DIRECTED_TOO).tasks
    assert len(tasks) == 2, [t.text for t in tasks]  # (the ';' before "thành viên Ban …" goes on with the offices)
    assert tasks[0].lead == ("Chủ tịch UBND các huyện, thị xã",)
    assert set(tasks[1].lead) == {"Giám đốc các sở, ban, ngành", "Chủ tịch UBND các huyện, thị xã"}


SPEAKER_TITLED = (
    "Ban Chỉ đạo huyện vừa tổ chức hội nghị triển khai công tác chuẩn bị Tết Nguyên đán năm 2027.\n\n"
    "Tại hội nghị, bà Nguyễn Thị Hoa – Phó Chủ tịch UBND huyện, chỉ đạo các ngành chức năng của huyện xây dựng kế "
    "hoạch thăm hỏi, tặng quà các gia đình chính sách trong tháng 1 năm 2027.\n"
)


def test_a_speaker_named_with_a_title_between_dash_and_comma_asks() -> None:
    tasks = parse_notice(SPEAKER_TITLED).tasks
    assert len(tasks) == 1 and tasks[0].lead == ("các ngành chức năng của huyện",)
    assert str(tasks[0].due) == "2027-01-31"


def _year_copy(years: tuple[str, str, str]) -> str:
    return (f"Ngày 12/1, tin từ Sở Lao động - Thương binh và Xã hội cho biết, tỉnh dành 15 tỷ đồng tặng quà các gia "
            f"đình chính sách đón Tết Nguyên đán {years[0]}.\n"
            f"Mức quà năm {years[1]} giữ như năm trước; 10 xã hoàn thành xuất sắc nhiệm vụ năm {years[2]} được "
            "thưởng.\n"
            "UBND tỉnh giao các địa phương tổ chức trao quà đến các đối tượng trước ngày 5/2 (tức 29/12 âm lịch).\n")


def test_a_copy_dated_by_day_and_month_takes_the_year_it_names_most() -> None:
    tasks = parse_notice(_year_copy(("2027", "2027", "2026"))).tasks
    assert len(tasks) == 1 and str(tasks[0].due) == "2027-02-05"
    # (a later year named besides is no past: which year the day falls in stays unknown)
    assert parse_notice(_year_copy(("2027", "2027", "2028"))).tasks[0].due is None


def test_a_group_of_units_that_directs_others_leads() -> None:
    text = ("Văn bản của UBND tỉnh nêu rõ, trong thời gian cao điểm của dịch, các sở, ngành, địa phương chỉ đạo các cơ "
            "sở y tế, trường học triển khai nghiêm các biện pháp phòng, chống dịch theo hướng dẫn của Bộ Y tế.\n\n"
            "Sở Y tế phối hợp với các đơn vị liên quan khẩn trương theo dõi chặt chẽ diễn biến tình hình dịch bệnh để "
            "kịp thời tham mưu UBND tỉnh.\n")
    directing = [t for t in parse_notice(text).tasks if "chỉ đạo các cơ sở y tế" in t.text]
    assert len(directing) == 1 and directing[0].lead == ("các sở, ngành, địa phương",)


def test_a_clause_that_only_names_partners_stays_with_the_duty_before_it() -> None:
    chain = ("Sở Y tế triển khai kế hoạch phòng, chống dịch bệnh mùa mưa năm 2026; phối hợp với Sở Giáo dục và Đào "
             "tạo trong thực hiện các nhiệm vụ liên quan; tăng cường kiểm tra an toàn thực phẩm tại các bếp ăn tập thể "
             "trong trường học;")
    pieces = _chained_duties(chain)
    assert len(pieces) == 2 and "phối hợp với Sở Giáo dục và Đào tạo" in pieces[0]
    assert pieces[1].startswith("tăng cường kiểm tra")
