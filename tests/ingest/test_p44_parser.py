"""Round 44 (issue 8): task boundaries and leads on text as it arrives from portals and scans.

- an OCR'd list whose marks all lost their stop ("1 Đôn đốc …", "2 Đánh giá …") after a lead-in that ends in ":";
- the body's first sentence read onto the addressee's line ("Kính gửi: Sở … Thực hiện chỉ đạo …");
- a portal's widget title left last under the article ("RELATED POSTS") is no heading of the document;
- "TP." of a city's name ends no sentence ("UBND các huyện, TP. Cà Mau …").
Written from phrasing patterns; the names are made up or generic."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.enumeration import repair_numbers

LEAD_IN = "Sở Y tế đề nghị Trung tâm Y tế các huyện thực hiện một số việc sau:\n"
ITEMS = ("1 Đôn đốc các trạm y tế xã báo cáo kết quả tiêm chủng năm 2026\n"
         "2 Đánh giá chung kết quả thực hiện chương trình của các trạm y tế trực thuộc,\n"
         "mặt mạnh, mặt hạn chế, khó khăn, vướng mắc\n"
         "3 Đề xuất định hướng giai đoạn 2027-2030 và danh sách trạm y tế cần nâng cấp\n")


def test_a_list_whose_marks_all_lost_their_stop_after_a_lead_in_is_read_as_items() -> None:
    fixed = repair_numbers(LEAD_IN + ITEMS)
    assert "\n1. Đôn đốc" in fixed and "\n2. Đánh giá" in fixed and "\n3. Đề xuất" in fixed
    assert "\nmặt mạnh" in fixed  # a wrapped line stays the item's


def test_each_stopless_item_is_a_task_of_the_asked() -> None:
    tasks = list(parse_notice(LEAD_IN + ITEMS).tasks)
    assert [t.ref for t in tasks] == ["1", "2", "3"], [(t.ref, t.text) for t in tasks]
    assert all(list(t.lead) == ["Trung tâm Y tế các huyện"] for t in tasks), [t.lead for t in tasks]


@pytest.mark.parametrize("text", [
    # a table's rows: a few words each
    "Danh sách đơn vị gồm:\n1 Sở Tài chính\n2 Sở Xây dựng\n3 Sở Nội vụ\n",
    # no lead-in ending in ":" above the first
    "Kết quả năm 2026\n1 Đôn đốc các trạm y tế xã báo cáo kết quả tiêm chủng\n"
    "2 Đánh giá chung kết quả thực hiện chương trình của các trạm\n",
    # one item alone
    LEAD_IN + "1 Đôn đốc các trạm y tế xã báo cáo kết quả tiêm chủng năm 2026\n",
    # numbers that do not run on from 1
    LEAD_IN + "2 Đôn đốc các trạm y tế xã báo cáo kết quả tiêm chủng\n4 Đánh giá chung kết quả thực hiện "
              "chương trình của các trạm\n",
])
def test_stopless_numbers_that_are_no_run_of_items_are_left_alone(text: str) -> None:
    assert repair_numbers(text) == text


@pytest.mark.parametrize("opening", ["Thực hiện chỉ đạo của Bộ trưởng Bộ Y tế về việc giảm quá tải bệnh viện",
                                     "Căn cứ Kế hoạch số 12/KH-UBND ngày 02/3/2027 của UBND tỉnh",
                                     "Theo đề nghị của Sở Nội vụ"])
def test_the_body_read_onto_the_addressee_line_is_no_part_of_the_addressee(opening: str) -> None:
    text = ("BỘ Y TẾ\nCỤC QUẢN LÝ KHÁM, CHỮA BỆNH\nSố: 749/KCB-CĐT\nHà Nội, ngày 03 tháng 7 năm 2027\n"
            f"Kính gửi: Sở Y tế các tỉnh, thành phố trực thuộc Trung ương (danh sách kèm theo) {opening}, "
            "Cục Quản lý Khám, chữa bệnh đề nghị các đơn vị thực hiện tốt một số việc sau:\n" + ITEMS)
    notice = parse_notice(text)
    assert list(notice.addressees) == ["Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"], notice.addressees
    assert all(opening.split()[0] not in " ".join(t.lead) for t in notice.tasks), [t.lead for t in notice.tasks]


def test_an_addressee_that_names_a_plan_in_its_own_words_is_kept_whole() -> None:
    text = ("UBND TỈNH A\nSố: 12/UBND-VX\nA, ngày 03 tháng 7 năm 2027\n"
            "Kính gửi: Ban Chỉ đạo thực hiện Chương trình mục tiêu quốc gia tỉnh\n\n"
            "Đề nghị Ban Chỉ đạo báo cáo kết quả thực hiện trước ngày 15/7/2027.\n")
    assert list(parse_notice(text).addressees) == ["Ban Chỉ đạo thực hiện Chương trình mục tiêu quốc gia tỉnh"]


ARTICLE = ("Để kịp thời tuyên truyền công tác phòng, chống dịch bệnh, Sở Thông tin và Truyền thông trân trọng "
           "đề nghị:\n\n"
           "Các cơ quan báo, đài trong tỉnh chủ động phối hợp với cơ quan chuyên môn thông tin, tuyên truyền các văn "
           "bản chỉ đạo của UBND tỉnh.\n\n"
           "Cổng Thông tin điện tử tỉnh đăng tải các văn bản chỉ đạo của Ủy ban nhân dân tỉnh để cập nhật cho cán bộ, "
           "công chức.\n\n"
           "Các phụ lục kèm theo: Tại đây.\n\n")


@pytest.mark.parametrize("widget", ["RELATED POSTS", "TIN LIÊN QUAN", "CÁC TIN KHÁC"])
def test_a_widget_title_left_last_under_the_article_changes_nothing(widget: str) -> None:
    plain = [(t.text, t.lead) for t in parse_notice(ARTICLE).tasks]
    assert len(plain) == 2, plain
    assert [(t.text, t.lead) for t in parse_notice(ARTICLE + widget + "\n").tasks] == plain


def test_a_widget_title_with_text_after_it_stays_where_it_is() -> None:
    from bot.ingest.parser import clean_text
    text = ARTICLE + "TIN LIÊN QUAN\n\nUBND tỉnh yêu cầu các sở báo cáo.\n"
    assert "TIN LIÊN QUAN" in clean_text(text)


@pytest.mark.parametrize("city", ["TP. Cà Mau", "Tp. Hà Tĩnh"])
def test_tp_of_a_city_ends_no_sentence(city: str) -> None:
    text = ("Sở Thông tin và Truyền thông đề nghị:\n\n"
            f"UBND các huyện, {city} chỉ đạo hệ thống truyền thanh cấp huyện, cấp xã tăng cường thông tin, tuyên "
            "truyền các nội dung theo phụ lục đính kèm.\n")
    tasks = list(parse_notice(text).tasks)
    assert len(tasks) == 1, [t.text for t in tasks]
    assert tasks[0].text.startswith(f"UBND các huyện, {city} chỉ đạo"), tasks[0].text


# ---------------------------------------------------------------- who is asked


@pytest.mark.parametrize("doc", ["Văn bản", "Công văn", "Công điện"])
def test_a_document_that_asks_a_list_of_office_holders_gives_each_the_lead(doc: str) -> None:
    text = (f"{doc} yêu cầu Giám đốc Sở Giáo dục và Đào tạo, Giám đốc Đại học Quốc gia, Hiệu trưởng trường Đại học "
            "Sư phạm và Hiệu trưởng trường Đại học Vinh xây dựng và tổ chức thanh tra, xử lý nghiêm sai phạm (nếu có) "
            "trong công tác chuẩn bị cho kỳ thi.\n")
    tasks = list(parse_notice(text).tasks)
    assert len(tasks) == 1, [t.text for t in tasks]
    assert list(tasks[0].lead) == ["Giám đốc Sở Giáo dục và Đào tạo", "Giám đốc Đại học Quốc gia",
                                   "Hiệu trưởng trường Đại học Sư phạm", "Hiệu trưởng trường Đại học Vinh"], \
        tasks[0].lead


@pytest.mark.parametrize("word", ["thông báo cho", "thông báo đến"])
@pytest.mark.parametrize("group", ["các gia đình", "các thôn, tổ dân phố", "các hộ kinh doanh"])
def test_a_notice_to_a_group_that_says_what_they_do_gives_them_the_lead(word: str, group: str) -> None:
    from bot.ingest.units import find_leads
    text = f"Ủy ban nhân dân xã A {word} {group} chủ động chuẩn bị phần thanh toán, hoàn thành trước ngày 25/6/2027."
    assert find_leads(text) == [group]


def test_a_notice_for_information_only_names_no_lead() -> None:
    from bot.ingest.units import find_leads
    assert find_leads("UBND huyện thông báo cho các xã biết kết quả kiểm tra.") == []


# ---------------------------------------------------------------- no work

CHARGES = ("Ủy ban nhân dân xã A thông báo các khoản thu vụ chiêm năm 2027 cụ thể như sau:\n\n"
           "1) Thu đóng góp xây dựng đường nội đồng: Thu 50.000đ/1 sào ruộng.\n\n"
           "2) Thu đấu thầu ruộng công điền: (Thu 60% sản lượng khoán cả năm).\n\n"
           "3) Thu quỹ phòng chống thiên tai: thu 15.000 đồng/1 lao động.\n\n"
           "Độ tuổi: - Nam: từ 18 tuổi đến hết 60 tuổi.\n\n- Nữ: từ 18 tuổi đến hết 55 tuổi.\n\n"
           "4) Mức hỗ trợ: 30% mệnh giá thẻ.\n\n"
           "Ủy ban nhân dân xã thông báo cho các gia đình chủ động chuẩn bị phần thanh toán, hoàn thành trước ngày "
           "25/6/2027.\n")


def test_a_list_of_charges_and_their_rates_is_no_work() -> None:
    tasks = list(parse_notice(CHARGES).tasks)
    assert len(tasks) == 1, [t.text for t in tasks]
    assert tasks[0].text.startswith("Ủy ban nhân dân xã thông báo cho các gia đình"), tasks[0].text
    assert list(tasks[0].lead) == ["các gia đình"]


@pytest.mark.parametrize("item", [
    "Thu tiền điện: các thôn nộp về UBND xã trước ngày 10/7/2027.",  # a deadline: work
    "Thu quỹ phòng chống thiên tai: đề nghị các thôn thu 15.000 đồng/1 lao động.",  # an ask
    "Mức thu: Sở Tài chính hướng dẫn 15.000 đồng/1 lao động.",  # a doer
])
def test_a_charge_with_an_ask_a_doer_or_a_deadline_is_still_read(item: str) -> None:
    from bot.ingest.parser import _rate_item
    assert not _rate_item(item)


@pytest.mark.parametrize("item", ["Căn cứ Luật Ngân sách được Quốc hội thông qua ngày 25/6/2015.",
                                  "Căn cứ đề án thu gom xử lý rác thải, đề án xây dựng đường giao thông nội đồng đã "
                                  "được thông qua ở các thôn.",
                                  "Căn cứ vào nghị quyết HĐND xã về việc thu quỹ đất công của xã"])
def test_a_document_given_as_a_ground_alone_is_no_work(item: str) -> None:
    from bot.ingest.parser import _informs
    assert _informs(item)


@pytest.mark.parametrize("item", [
    "Căn cứ Kế hoạch này, các xã xây dựng kế hoạch chi tiết, gửi về UBND huyện trước ngày 15/7/2027.",
    "Căn cứ Đề án phát triển văn hóa đọc được phê duyệt để tham mưu cho UBND tỉnh kế hoạch triển khai.",
    "Căn cứ theo quy định pháp luật cân đối, bố trí ngân sách nhà nước để thực hiện Chiến lược.",
    "Căn cứ tình hình thực tế, Sở Văn hóa tham mưu kế hoạch triển khai.",
])
def test_a_ground_that_goes_on_to_give_work_is_no_ground_alone(item: str) -> None:
    from bot.ingest.parser import _ground_alone
    assert not _ground_alone(item)


@pytest.mark.parametrize("opening", ["Ngoài ra, đối với", "Đối với", "Riêng đối với"])
@pytest.mark.parametrize("unit", ["UBND huyện, thành phố", "Sở Y tế", "UBND các xã, phường, thị trấn"])
def test_a_unit_turned_to_then_told_to_direct_leads(opening: str, unit: str) -> None:
    from bot.ingest.units import find_leads
    text = (f"{opening} {unit}, chỉ đạo các cơ sở trực thuộc phối hợp với cơ quan bảo hiểm xã hội rà soát, xác định "
            "tình trạng hoạt động của các đơn vị.")
    assert find_leads(text) == [unit]


def test_a_topic_that_is_no_unit_does_not_lead_by_this_rule() -> None:
    from bot.ingest.units import DIRECTING_TOPIC, TOPIC_NOT_DIRECTING
    m = DIRECTING_TOPIC.match("Đối với các hộ gia đình chính sách, chỉ đạo các xã hỗ trợ kịp thời.")
    assert m is not None and TOPIC_NOT_DIRECTING.match(m.group("u"))
    assert DIRECTING_TOPIC.match("Đối với UBND các huyện, chỉ đạo của Chủ tịch là …") is None


@pytest.mark.parametrize("tag", ["(PLO)- ", "(Chinhphu.vn) - ", "(QNĐT) – "])
@pytest.mark.parametrize("headline", ["", "Thay đổi chính sách mua thẻ bảo hiểm y tế cho hộ nghèo "])
def test_a_news_agency_tag_before_the_asker_hides_no_ask(tag: str, headline: str) -> None:
    from bot.ingest.units import find_leads
    text = (f"{headline}{tag}Bảo hiểm xã hội Việt Nam đề nghị các tỉnh, thành phố xem xét bố trí ngân sách hỗ trợ "
            "thêm kinh phí mua thẻ bảo hiểm y tế.")
    assert find_leads(text) == ["các tỉnh, thành phố"]


def test_a_headline_and_tag_before_a_body_that_asks_nobody_lend_no_lead() -> None:
    from bot.ingest.units import PRESS_TAG_AFTER
    text = "Chủ động ứng phó với bão (Chinhphu.vn) - Ban Chỉ đạo quốc gia và Bộ Tổng tham mưu theo dõi chặt chẽ."
    tag = PRESS_TAG_AFTER.search(text)
    assert tag is not None  # (the tag is found; the body's lead is taken only when it asks someone)
    from bot.ingest.units import ASK
    assert ASK.search(text[tag.end():]) is None


def test_a_portal_pages_counters_as_a_dash_list_are_no_item() -> None:
    text = ("Phó Thủ tướng yêu cầu kiểm tra các đại lý xăng dầu\n- 31/12/2027 05:10:00 PM\n- Đã xem: 107\n"
            "- Phản hồi: 0\nNgày 28/12/2027, Văn phòng Chính phủ ban hành Văn bản số 94/VPCP-KTTH về việc Phó Thủ "
            "tướng yêu cầu Bộ Công Thương chỉ đạo lực lượng quản lý thị trường kiểm tra các đại lý kinh doanh. "
            "Đồng thời, Bộ Công Thương phải kiểm tra, rà soát lại việc cân đối cung cầu các mặt hàng xăng dầu.\n")
    tasks = list(parse_notice(text).tasks)
    assert len(tasks) == 2, [t.text for t in tasks]
    assert not any("Phản hồi" in t.text or "Đã xem" in t.text for t in tasks)
    assert all(list(t.lead) == ["Bộ Công Thương"] for t in tasks), [t.lead for t in tasks]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("text", [
    "Đôn đốc các bệnh viện báo cáo kế hoạch 6 tháng cuối năm 2027, đề xuất định hướng giai đoạn 2028-2030.",
    "Các đơn vị xây dựng báo cáo tình hình những tháng cuối năm 2027 gửi Sở Y tế.",
    "Xây dựng chương trình công tác các tháng cuối năm 2027.",
])
def test_the_last_months_a_plan_or_report_covers_are_no_deadline(text: str) -> None:
    from bot.ingest.dates import pick_deadline
    assert pick_deadline(text, issued_on=None) is None


@pytest.mark.parametrize("text", [
    "Hoàn thành kế hoạch trong những tháng cuối năm 2027.",
    "Tập trung các nhiệm vụ trong 6 tháng cuối năm 2027.",
    "Báo cáo kết quả trước cuối năm 2027.",
])
def test_work_done_by_the_end_of_the_year_keeps_its_deadline(text: str) -> None:
    import datetime as dt

    from bot.ingest.dates import pick_deadline
    found = pick_deadline(text, issued_on=None)
    assert found is not None and found.due == dt.date(2027, 12, 31)


@pytest.mark.parametrize("aside", ["Được biết, vào chiều ngày 02/11/2027, UBND tỉnh đã có Thông báo khẩn số 342 "
                                   "về việc ứng phó với bão.",
                                   "Trước đó, ngày 28/10/2027, Sở Nông nghiệp đã ban hành văn bản hướng dẫn."])
@pytest.mark.parametrize("glue", [". ", "… ", ".\n\n"])
def test_the_day_of_a_past_aside_is_no_deadline_of_the_work_before_it(aside: str, glue: str) -> None:
    from bot.ingest.dates import pick_deadline
    text = "theo dõi thường xuyên diễn biến của cơn bão, xử lý kịp thời các tình huống phát sinh" + glue + aside
    assert pick_deadline(text, issued_on=None) is None


def test_an_aside_that_sets_a_new_date_is_still_read() -> None:
    import datetime as dt

    from bot.ingest.dates import pick_deadline
    found = pick_deadline("Trước đó, UBND tỉnh yêu cầu các sở báo cáo trước ngày 15/11/2027.", issued_on=None)
    assert found is not None and found.due == dt.date(2027, 11, 15)


@pytest.mark.parametrize("glued", ["giaoTrưởng các phòng, đơn vị", "đề nghịTrưởng các phòng, đơn vị",
                                   "yêu cầuTrưởng các phòng, đơn vị"])
def test_an_ask_glued_to_whom_it_asks_is_read_apart(glued: str) -> None:
    from bot.ingest.parser import clean_text
    from bot.ingest.units import find_leads
    text = clean_text(f"Theo đó, {glued} hằng tháng lựa chọn, giới thiệu gương người tốt, việc tốt.")
    assert "Trưởng các phòng" in text and "giaoTrưởng" not in text and "nghịTrưởng" not in text
    assert find_leads(text) == ["Trưởng các phòng, đơn vị"]


def test_a_name_that_holds_the_letters_of_an_ask_is_left_alone() -> None:
    from bot.ingest.parser import clean_text
    assert clean_text("Trung tâm Giao dịch Việt Nam") == "Trung tâm Giao dịch Việt Nam"
