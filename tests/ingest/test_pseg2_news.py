"""News renditions of a directive (issue 8, batch-f patterns): "X vừa yêu cầu Y …" reports the ask just made.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice

NEWS = """Đẩy nhanh tiến độ sửa chữa đê điều trước mùa mưa bão

{opening} các huyện ven biển khẩn trương rà soát, sửa chữa các đoạn đê xung yếu trước mùa mưa bão.
"""


def test_a_news_item_reporting_an_ask_just_made_is_a_task() -> None:
    tasks = list(parse_notice(NEWS.format(opening="UBND tỉnh vừa yêu cầu UBND")).tasks)
    assert [t.text[:20] for t in tasks] == ["UBND tỉnh vừa yêu cầ"], [(t.ref, t.lead, t.text[:40]) for t in tasks]
    assert tasks[0].lead == ("UBND các huyện ven biển",)


def test_a_body_that_has_just_done_something_asks_nothing() -> None:
    tasks = list(parse_notice(NEWS.format(opening="UBND tỉnh vừa tổ chức kiểm tra đê tại")).tasks)
    assert tasks == [], [(t.ref, t.lead, t.text[:40]) for t in tasks]


CAPTIONED = """UBND huyện họp giao ban tháng 5

Sáng ngày 02/6, UBND huyện tổ chức họp giao ban đánh giá kết quả tháng 5.

hop-giao-ban-thang-5

{caption}

Kết luận cuộc họp, Chủ tịch UBND huyện yêu cầu các phòng, ban chuyên môn tập trung rà soát các chỉ tiêu còn đạt thấp.
"""


def test_photo_slugs_and_captions_are_not_tasks_nor_part_of_one() -> None:
    for caption in ("Toàn cảnh cuộc họp. Ảnh: Minh Hải", "Ảnh. Chủ tịch UBND huyện phát biểu kết luận cuộc họp"):
        tasks = list(parse_notice(CAPTIONED.format(caption=caption)).tasks)
        assert [t.text[:25] for t in tasks] == ["Kết luận cuộc họp, Chủ tị"], [(t.ref, t.text[:60]) for t in tasks]
        assert "Ảnh" not in tasks[0].text and "hop-giao-ban" not in tasks[0].text


def test_a_teaser_under_a_directive_headline_names_who_does_it() -> None:
    notice = parse_notice("""Rà soát, sửa chữa ngay các đoạn đê xung yếu trước mùa mưa bão

Đó là chỉ đạo của UBND tỉnh đối với Sở Nông nghiệp và Môi trường, UBND các huyện ven biển tại Công văn số 120/UBND-KT.
""")
    assert [(t.text[:20], t.lead) for t in notice.tasks] == [
        ("Rà soát, sửa chữa ng", ("Sở Nông nghiệp và Môi trường", "UBND các huyện ven biển"))], \
        [(t.ref, t.lead, t.text[:40]) for t in notice.tasks]


def test_a_second_ask_in_the_same_sentence_is_seen() -> None:
    notice = parse_notice("""Theo thông báo của UBND tỉnh vừa được ban hành, tỉnh tiếp tục phòng, chống dịch bệnh.
Theo đó, trong thời gian chờ hướng dẫn mới, Chủ tịch UBND tỉnh đề nghị người dân và yêu cầu các sở, ban, ngành \
tiếp tục thực hiện nghiêm các biện pháp phòng, chống dịch bệnh trên địa bàn.
""")
    assert [t.text[:20] for t in notice.tasks] == ["Theo đó, trong thời "], [(t.ref, t.text[:40]) for t in notice.tasks]
    assert "các sở, ban, ngành" in notice.tasks[0].lead
