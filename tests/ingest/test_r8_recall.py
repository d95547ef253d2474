"""Round 8 (recall): a prose sentence in which the doer does its own work and then directs the units under it
("…; chỉ đạo các … làm …") holds two duties; each is a task (own short examples)."""

from __future__ import annotations

from bot.ingest import parse_notice
from bot.ingest.parser import _chained_duties

LETTER = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 88/UBND-VX
An Bình, ngày 10 tháng 3 năm 2025
V/v chuẩn bị mùa mưa bão năm 2025

Kính gửi: Các sở, ban, ngành tỉnh.

Để chủ động ứng phó với mùa mưa bão năm 2025, Chủ tịch UBND tỉnh có ý kiến như sau:
{body}
"""

CHAINED = ("Sở Nông nghiệp và Môi trường chịu trách nhiệm rà soát toàn bộ hệ thống đê điều, hồ chứa trên địa bàn "
           "tỉnh; chỉ đạo các ban quản lý thủy lợi bố trí lực lượng trực, sẵn sàng vận hành an toàn các công "
           "trình trong mùa mưa bão.")


def _texts(body: str) -> list[str]:
    return [t.text for t in parse_notice(LETTER.format(body=body)).tasks]


def test_a_directing_clause_after_the_doers_own_work_is_a_task_of_its_own() -> None:
    texts = _texts(CHAINED)
    assert any("rà soát toàn bộ hệ thống đê điều" in t and "bố trí lực lượng trực" not in t for t in texts)
    assert any(t.startswith("chỉ đạo các ban quản lý thủy lợi bố trí lực lượng trực") for t in texts)


def test_the_directed_duty_keeps_the_directing_unit_as_lead() -> None:
    tasks = parse_notice(LETTER.format(body=CHAINED)).tasks
    directed = next(t for t in tasks if t.text.startswith("chỉ đạo các ban quản lý"))
    assert directed.lead == ("Sở Nông nghiệp và Môi trường",)


def test_several_directing_clauses_each_a_task() -> None:
    text = ("Sở Y tế chịu trách nhiệm bảo đảm đủ thuốc, vật tư y tế phục vụ công tác khám chữa bệnh dịp Tết; "
            "chỉ đạo các trung tâm y tế huyện bố trí đủ kíp trực cấp cứu trong suốt những ngày nghỉ Tết; "
            "chỉ đạo các bệnh viện tuyến tỉnh sẵn sàng tiếp nhận, điều trị người bệnh chuyển lên từ tuyến dưới.")
    assert len(_chained_duties(text)) == 3


def test_other_clauses_stay_with_the_duty() -> None:
    # a second clause that is not a directing one (how, what else, by when) goes on with the same duty
    # (round 12: a clause that opens with a verb of work, "…; tổ chức hướng dẫn …", is a duty of its own)
    text = ("Sở Xây dựng chủ trì kiểm tra an toàn các công trình đang thi công trên địa bàn tỉnh; trong đó ưu tiên "
            "các công trình cao tầng, công trình công cộng; hoàn thành trước ngày 30 tháng 4 năm 2025.")
    assert _chained_duties(text) == [text]
    # "chỉ đạo của …" is the guidance followed, not a duty
    text = ("Sở Công Thương chủ trì theo dõi sát diễn biến thị trường hàng hóa thiết yếu trên địa bàn; "
            "chỉ đạo của Bộ Công Thương về bình ổn giá được thực hiện nghiêm túc, đúng quy định hiện hành.")
    assert _chained_duties(text) == [text]


def test_only_where_the_sentence_opens_with_its_doer() -> None:
    # a sentence that names no doer at its start is not cut
    text = ("Trong thời gian tới, tình hình mưa lũ còn diễn biến phức tạp, khó lường trên địa bàn toàn tỉnh; "
            "chỉ đạo các lực lượng tại chỗ luôn sẵn sàng là yêu cầu xuyên suốt của công tác phòng chống.")
    assert _chained_duties(text) == [text]


def test_a_report_that_names_what_it_reports_is_a_duty_of_its_own() -> None:
    text = ("Sở Giao thông vận tải chủ trì kiểm tra toàn bộ các bến đò ngang trên địa bàn tỉnh; kịp thời báo cáo "
            "những bến đò không bảo đảm an toàn để có biện pháp xử lý.")
    assert len(_chained_duties(text)) == 2
    text = ("Sở Giáo dục và Đào tạo chủ trì rà soát cơ sở vật chất các trường học trên địa bàn tỉnh; tổng hợp số "
            "liệu, báo cáo nhu cầu sửa chữa phòng học trước ngày 20 tháng 5 năm 2025.")
    pieces = _chained_duties(text)
    assert len(pieces) == 2 and pieces[1].startswith("tổng hợp số liệu")


def test_sending_the_result_up_ends_the_same_duty() -> None:
    # "…; báo cáo UBND tỉnh …" right after the work sends its result to the issuer: one duty
    text = ("Sở Tài chính chủ trì rà soát các khoản chi thường xuyên chưa thật cần thiết của các đơn vị; báo cáo "
            "Ủy ban nhân dân tỉnh kết quả thực hiện trước ngày 15 tháng 6 năm 2025.")
    assert _chained_duties(text) == [text]


def test_the_reported_duty_keeps_its_own_deadline() -> None:
    body = ("Sở Y tế chủ trì kiểm tra công tác phòng chống dịch tại các cơ sở khám bệnh, chữa bệnh trên địa bàn; "
            "tổng hợp số liệu, báo cáo tình hình dịch bệnh trước ngày 25 tháng 3 năm 2025.")
    tasks = parse_notice(LETTER.format(body=body)).tasks
    report = next(t for t in tasks if t.text.startswith("tổng hợp số liệu"))
    work = next(t for t in tasks if t.text.startswith("Sở Y tế chủ trì"))
    assert report.due is not None and report.due.isoformat() == "2025-03-25"
    assert work.due is None and report.lead == ("Sở Y tế",)


def test_a_doer_that_already_directs_goes_on_directing() -> None:
    # the first duty is itself to direct: a later "chỉ đạo …" clause is more of the same duty
    text = ("Sở Nội vụ chỉ đạo các phòng chuyên môn rà soát hồ sơ cán bộ thuộc diện sắp xếp trên địa bàn tỉnh; "
            "đồng thời chỉ đạo các trung tâm trực thuộc chuẩn bị đầy đủ cơ sở vật chất phục vụ việc bàn giao.")
    assert _chained_duties(text) == [text]
    # "chỉ đạo và …" among the doer's verbs, "sự chỉ đạo của …": not a directing duty of its own
    text = ("Giao UBND các xã chịu trách nhiệm tổ chức, chỉ đạo và bảo đảm tiến độ điều tra tại địa bàn, bám sát "
            "sự chỉ đạo của tỉnh; đồng thời chỉ đạo các thôn cung cấp danh sách hộ kinh doanh cho điều tra viên.")
    assert len(_chained_duties(text)) == 2


# ---------------------------------------------------------------- a bare imperative paragraph after an ask

ASK = "Chủ tịch UBND tỉnh yêu cầu Sở Văn hóa, Thể thao và Du lịch kiểm tra các khu du lịch trên địa bàn tỉnh.\n"


def test_a_bare_imperative_paragraph_after_an_ask_is_the_next_task_of_the_same_unit() -> None:
    for follow in ("Tạm dừng hoạt động các điểm vui chơi chưa bảo đảm an toàn cho du khách trong mùa mưa lũ.",
                   "Phân công lãnh đạo, cán bộ trực tại các khu du lịch trong suốt những ngày nghỉ lễ.",
                   "Có kế hoạch sơ tán du khách khỏi các khu vực có nguy cơ sạt lở khi có mưa lớn kéo dài."):
        tasks = parse_notice(LETTER.format(body=ASK + follow)).tasks
        assert len(tasks) == 2, follow
        assert tasks[1].text == follow and tasks[1].lead == ("Sở Văn hóa, Thể thao và Du lịch",)


def test_a_report_named_as_a_paper_stays_with_the_ask() -> None:
    # "Báo cáo …" opening a paragraph is as often the paper (the report sent) as the verb: no new task by itself
    follow = "Báo cáo kết quả kiểm tra gửi về Văn phòng UBND tỉnh trước ngày 30 tháng 4 năm 2025."
    tasks = parse_notice(LETTER.format(body=ASK + follow)).tasks
    assert len(tasks) == 1


def test_dong_thoi_then_a_verb_is_the_same_units_next_task() -> None:
    body = ("Giao Sở Tài nguyên và Môi trường chủ trì xác minh, xử lý dứt điểm các vụ việc gây ô nhiễm môi trường "
            "được phản ánh qua đường dây nóng. Đồng thời, thực hiện công khai kết quả tiếp nhận, xử lý thông tin "
            "phản ánh trên cổng thông tin điện tử của Sở.")
    tasks = parse_notice(LETTER.format(body=body)).tasks
    assert len(tasks) == 2
    assert tasks[1].text.startswith("Đồng thời, thực hiện công khai")
    assert tasks[1].lead == ("Sở Tài nguyên và Môi trường",)
