"""Round 12: an ask whose list follows its colon inside one paragraph ("… yêu cầu … thực hiện tốt một số nhiệm vụ:
A tổ chức …; kiểm tra …; quản lý …") — after a long opening (a photo caption, the background) as well — lists one
task a clause; a clause that goes on with the sentence of an item naming its own doer (after its ';') is that
doer's; a new sentence without a doer is the asked units'."""

from __future__ import annotations

from bot.ingest import parse_notice
from bot.ingest.parser import _colon_list

OPENING = ("ảnh: phát biểu của ông Nguyễn Văn An - Chủ tịch UBND huyện tại buổi lễ phát lệnh gọi công dân nhập ngũ "
           "năm 2026 tổ chức tại hội trường UBND huyện với sự tham dự của các thành viên Hội đồng nghĩa vụ quân sự "
           "huyện, đại diện lãnh đạo các xã, thị trấn và đông đảo thanh niên trúng tuyển cùng gia đình. ")
ASK = ("Để hoàn thành chỉ tiêu giao quân năm 2026, ông Nguyễn Văn An yêu cầu các cấp, các ngành, các xã, thị trấn "
       "tập trung thực hiện tốt một số nhiệm vụ: ")
LIST = ("Hội đồng nghĩa vụ quân sự các xã, thị trấn tổ chức phát lệnh gọi công dân nhập ngũ đúng thời gian quy "
        "định; kiểm tra, rà soát lại tình hình sức khỏe của thanh niên chuẩn bị nhập ngũ; quản lý, nắm chắc số "
        "thanh niên nhận lệnh cho tới ngày giao quân. Tuyên truyền phổ biến Luật Nghĩa vụ quân sự đến Nhân dân.")


def test_the_list_after_a_long_opening_is_read() -> None:
    listed = _colon_list(OPENING + ASK + LIST)
    assert listed is not None and len(listed) == 4


def test_a_clause_that_goes_on_with_an_items_sentence_is_that_items_doer() -> None:
    listed = _colon_list(ASK + LIST)
    assert listed is not None
    own = ["Hội đồng nghĩa vụ quân sự các xã, thị trấn"]
    assert [leads for _, leads in listed[:3]] == [own, own, own]
    # a new sentence with no doer of its own: the units the ask names
    # ("các cấp, các ngành" is one set phrase, every level and sector: one group, as the corpus labels it)
    assert listed[3][1] == ["các cấp, các ngành", "các xã, thị trấn"]


def test_the_tasks_of_a_news_copy() -> None:
    text = "Huyện An Phú phát lệnh gọi công dân nhập ngũ năm 2026\n" + OPENING + ASK + LIST + "\n"
    tasks = parse_notice(text).tasks
    assert any(t.text.startswith("kiểm tra, rà soát lại") and t.lead == ("Hội đồng nghĩa vụ quân sự các xã, thị trấn",)
               for t in tasks)
