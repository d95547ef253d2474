"""Session 47 (rounds 60 and 61): four ways a retold report or a letter names whom the work falls to.

- The text's own authority (unnamed, or named by its province) directs a unit after an opening frame: "Theo đó,
  UBND tỉnh chỉ đạo Công an tỉnh tăng cường …" — the unit directed leads, not the authority (which asks; it does
  not do the work). Without the frame, or when the authority is itself asked to direct ("Yêu cầu UBND tỉnh chỉ đạo
  các ngành …"), or when a group directs those below it ("UBND các huyện chỉ đạo các xã …"), whoever directs stays
  the lead.
- A body that "đồng thời giao / yêu cầu / đề nghị" another charges that other: "UBND tỉnh Quảng Trị đồng thời giao Sở
  Tài chính …" is led by the department.
- The units whose representatives are asked do the work: "đề nghị đại diện các doanh nghiệp, đơn vị liên quan …".
- Official writing lists the kinds of doer with ';' before one role: "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các
  huyện có trách nhiệm …" is led by both."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """{headline}

Ngày 14/{month}/2026, UBND tỉnh đã có văn bản gửi các sở, ngành về {topic}.

{sentence}
"""

TOPICS = [("3", "phòng, chống cháy rừng mùa khô"), ("9", "bảo đảm an toàn thực phẩm dịp Tết Trung thu")]


def _task_with(text: str, words: str) -> tuple[str, ...]:
    tasks = [t for t in parse_notice(text).tasks if words in t.text]
    assert len(tasks) == 1, [(t.text, t.lead) for t in parse_notice(text).tasks]
    return tasks[0].lead


@pytest.mark.parametrize(("month", "topic"), TOPICS)
@pytest.mark.parametrize(("frame", "authority", "directed"), [
    ("Theo đó", "UBND tỉnh", ("Công an tỉnh",)),
    ("Ngoài ra", "UBND tỉnh", ("Báo Bình Sơn", "Đài Phát thanh và Truyền hình tỉnh")),
    ("Trước tình hình đó", "Chủ tịch UBND tỉnh", ("Sở Nông nghiệp và Phát triển nông thôn",)),
    # (the authority named by its place: still the one who directs, not who does it)
    ("Theo đó", "UBND tỉnh Bình Sơn", ("Sở Tài nguyên và Môi trường",)),
])
def test_the_unit_an_unnamed_authority_directs_after_a_frame_leads(month: str, topic: str, frame: str,
                                                                    authority: str,
                                                                    directed: tuple[str, ...]) -> None:
    units = " và ".join(directed) if len(directed) == 2 else directed[0]
    sentence = (f"{frame}, {authority} chỉ đạo {units} tăng cường kiểm tra, xử lý nghiêm các trường hợp vi phạm về "
                f"{topic}, báo cáo kết quả trước ngày 30/{month}/2026.")
    text = NEWS.format(headline=f"Tăng cường kiểm tra {topic}", month=month, topic=topic, sentence=sentence)
    assert _task_with(text, "tăng cường kiểm tra, xử lý nghiêm") == directed


@pytest.mark.parametrize(("month", "topic"), TOPICS)
def test_an_authority_asked_to_direct_still_leads(month: str, topic: str) -> None:
    text = (f"Tại giao ban tuần ngày 09/{month}/2026, đồng chí Bí thư Tỉnh ủy chỉ đạo:\n\n"
            f"Yêu cầu Ủy ban nhân dân tỉnh chỉ đạo các ngành, các địa phương tập trung thực hiện tốt một số vấn đề "
            f"sau:\n\n- Đẩy mạnh rà soát, đôn đốc thực hiện các nội dung về {topic}.\n\n"
            f"- Tích cực, chủ động triển khai các phương án về {topic} trong những tháng cuối năm.\n")
    tasks = parse_notice(text).tasks
    assert tasks and all(t.lead == ("Ủy ban nhân dân tỉnh",) for t in tasks), [(t.text, t.lead) for t in tasks]


@pytest.mark.parametrize(("month", "topic"), TOPICS)
def test_a_group_that_directs_those_below_it_leads(month: str, topic: str) -> None:
    sentence = (f"Theo đó, UBND các huyện, thành phố chỉ đạo UBND các xã, phường kiểm tra, xử lý nghiêm các trường hợp "
                f"vi phạm về {topic}.")
    text = NEWS.format(headline=f"Tăng cường kiểm tra {topic}", month=month, topic=topic, sentence=sentence)
    assert _task_with(text, "kiểm tra, xử lý nghiêm") == ("UBND các huyện, thành phố",)


@pytest.mark.parametrize("adverb", ["đồng thời", "còn", "tiếp tục"])
@pytest.mark.parametrize("verb", ["giao", "yêu cầu"])
def test_a_body_that_also_charges_another_is_not_the_lead(adverb: str, verb: str) -> None:
    text = (f"UBND tỉnh Quảng Trị {adverb} {verb} Sở Tài chính chủ động rà soát, tổng hợp nhu cầu kinh phí khắc "
            f"phục hậu quả mưa lũ, báo cáo UBND tỉnh trước ngày 15/11/2026.")
    assert _task_with(text, "rà soát, tổng hợp nhu cầu kinh phí") == ("Sở Tài chính",)


@pytest.mark.parametrize(("first", "second"), [
    ("Thủ trưởng các sở, ban, ngành", "Chủ tịch Ủy ban nhân dân các huyện, thành phố"),
    ("Giám đốc các sở, ngành", "Chủ tịch UBND các huyện, thị xã"),
])
@pytest.mark.parametrize("role", ["có trách nhiệm", "chịu trách nhiệm"])
def test_kinds_of_doer_listed_with_a_semicolon_all_lead(first: str, second: str, role: str) -> None:
    text = (f"{first}; {second} {role} tăng cường chỉ đạo triển khai thực hiện việc tiếp nhận, giải quyết thủ tục "
            f"hành chính trên môi trường điện tử, báo cáo kết quả về Văn phòng UBND tỉnh trước ngày 20/12/2026.")
    assert _task_with(text, "tiếp nhận, giải quyết thủ tục") == (first, second)


def test_a_semicolon_after_work_is_no_list_of_doers() -> None:
    text = ("Sở Nội vụ tổng hợp kết quả đánh giá cán bộ, công chức năm 2026; Chủ tịch UBND các huyện có trách nhiệm "
            "gửi báo cáo về Sở Nội vụ trước ngày 20/12/2026.")
    leads = {t.lead for t in parse_notice(text).tasks}
    assert ("Sở Nội vụ", "Chủ tịch UBND các huyện") not in leads


@pytest.mark.parametrize("verb", ["đề nghị", "yêu cầu"])
def test_the_units_whose_representatives_are_asked_lead(verb: str) -> None:
    text = (f"Phát biểu chỉ đạo sau buổi diễn tập, Phó Chủ tịch UBND tỉnh {verb} đại diện các doanh nghiệp, đơn vị "
            f"liên quan trực tiếp đến kinh doanh xăng dầu tiếp tục rà soát kế hoạch phòng cháy, chữa cháy để hoàn "
            f"thiện kế hoạch của đơn vị mình.")
    assert _task_with(text, "hoàn thiện kế hoạch của đơn vị mình") == ("các doanh nghiệp, đơn vị liên quan",)
