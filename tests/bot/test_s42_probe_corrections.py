"""The admin's corrections a new user typed in session 42's blind probe (61 corrections to two real notices' previews,
40 right at first look) that the bot missed or got wrong: quarter and month deadlines ("hạn trong quý IV", "hết quý
4/2022", "hạn tháng 11"); "số: 312/TB-UBND ngày 22/9/2023" storing the date inside the number; "… thành: các bộ,
ngành" keeping the colon; "2 bỏ phối hợp" (all of them); no way to take a correction back ("hoàn tác", "nhầm,
khôi phục lại nhiệm vụ 3"); a message not understood while a draft waits answered with how to load a notice; an
added task's "Chủ trì: X." left in its text; "Phòng NN&PTNT" not the directory's "Phòng Nông nghiệp và PTNT"; a
supporting unit written short told of the task but not shown it in /viec; two duties read under one item number
told to units as one item. Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import texts
from bot.corrections import CorrectionError, parse_corrections
from bot.datetext import WhenUnclear, parse_when
from bot.sandbox.harness import Harness
from bot.textbase import ask_first
from scheduler.calendar import VN_TZ
from scheduler.clock import FakeClock
from storage.corrections import Correction
from storage.notices import distinct_refs
from storage.parsed import ParsedNotice, ParsedTask
from storage.unitnames import best_unit_match, unit_key
from tests.conftest import local

NOW = dt.datetime(2023, 9, 25, 9, 0, tzinfo=VN_TZ)
TODAY = NOW.date()

DIRECTORY = ("handle,full_name,title,unit,role\n"
             "vp,Lê Thị Văn,Chuyên viên,Văn phòng HĐND và UBND huyện,admin\n"
             "ct,Hoàng Văn Khuyến,Chủ tịch UBND huyện,Thường trực UBND huyện,leader\n"
             "nn,Vũ Văn Nông,Trưởng phòng,Phòng Nông nghiệp và PTNT,head\n"
             "tc,Ngô Thị Tài,Trưởng phòng,Phòng Tài chính - Kế hoạch,head\n"
             "kt,Đặng Văn Hạ,Trưởng phòng,Phòng Kinh tế và Hạ tầng,head\n")
NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN HUYỆN ĐẦM HÀ", "Số: 312/TB-UBND", "Đầm Hà, ngày 22 tháng 9 năm 2023", "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban",
    "1. Phòng NN&PTNT tham mưu hoàn thiện hồ sơ các dự án hỗ trợ sản xuất năm 2023.",
    "2. Phòng Kinh tế và Hạ tầng thẩm định thiết kế các công trình, phối hợp với phòng Nông nghiệp.",
    "3. Phòng Tài chính - Kế hoạch thẩm định kinh phí, tham mưu nguồn ngân sách thực hiện.",
    "4. Phòng Kinh tế và Hạ tầng rà soát quy hoạch phố đêm.", ""])


@pytest.mark.parametrize(("typed", "due"), [
    ("trong quý IV", dt.date(2023, 12, 31)), ("quý IV/2023", dt.date(2023, 12, 31)),
    ("hết quý 4/2022", dt.date(2022, 12, 31)), ("quý 3 năm 2024", dt.date(2024, 9, 30)),
    ("quý I/2024", dt.date(2024, 3, 31)), ("trong năm 2024", dt.date(2024, 12, 31)),
    ("hết quý II", dt.date(2024, 6, 30)),  # (as before: the next second quarter's end)
])
def test_a_quarter_or_a_year_is_its_last_day(typed: str, due: dt.date) -> None:
    assert parse_when(typed, now=NOW).date == due


def test_a_fifth_quarter_is_refused_and_a_bare_month_stays_a_question() -> None:
    with pytest.raises(WhenUnclear, match="4 quý"):
        parse_when("quý 5", now=NOW)
    with pytest.raises(WhenUnclear):
        parse_when("tháng 3", now=NOW)  # (a snooze "tháng 3" could mean its start: not guessed there)


@pytest.mark.parametrize(("typed", "due"), [
    ("3 hạn trong quý IV", dt.date(2023, 12, 31)), ("6 hạn hết quý 4/2022", dt.date(2022, 12, 31)),
    ("3 hạn tháng 11", dt.date(2023, 11, 30)), ("3 hạn trong tháng 10/2023", dt.date(2023, 10, 31)),
    ("3 hạn 6 tháng đầu năm 2024", dt.date(2024, 6, 30)), ("hạn của nhiệm vụ 3 là trong quý IV/2023",
                                                           dt.date(2023, 12, 31)),
])
def test_a_deadline_corrected_as_a_notice_writes_it(typed: str, due: dt.date) -> None:
    [correction] = parse_corrections(typed, today=TODAY, now=NOW)
    assert correction.field == "due" and correction.value == due


def test_a_number_with_its_date_a_colon_after_thanh_and_every_supporting_unit_removed() -> None:
    assert parse_corrections("số: 312/TB-UBND ngày 22/9/2023", today=TODAY, now=NOW) == [
        Correction(target="", field="number", value="312/TB-UBND"),
        Correction(target="", field="date", value=dt.date(2023, 9, 22))]
    assert parse_corrections("sửa phối hợp nhiệm vụ 3 thành: các bộ, ngành", today=TODAY, now=NOW) == [
        Correction(target="3", field="support", value=("các bộ, ngành",))]
    assert parse_corrections("sửa 8 thành: Sở Nội vụ", today=TODAY, now=NOW) == [
        Correction(target="8", field="lead", value=("Sở Nội vụ",))]
    for typed in ("2 bỏ phối hợp", "bỏ phối hợp của nhiệm vụ 2", "nhiệm vụ 2 xóa hết đơn vị phối hợp"):
        assert parse_corrections(typed, today=TODAY, now=NOW) == [Correction(target="2", field="support", value=())]
    assert parse_corrections("2 bỏ phối hợp Sở Y tế", today=TODAY, now=NOW) == [
        Correction(target="2", field="support_remove", value=("Sở Y tế",))]
    assert parse_corrections("Phòng Văn hóa và Thông tin phối hợp nhiệm vụ 5", today=TODAY, now=NOW) == [
        Correction(target="5", field="support_add", value=("Phòng Văn hóa và Thông tin",))]


def test_an_item_number_corrected_and_a_drop_with_a_reason_after_a_comma() -> None:
    for typed in ("3 số mục: 2.d.a", "sửa số mục nhiệm vụ 3 thành 2.d.a", "3 số mục mới là mục 2.d.a"):
        assert parse_corrections(typed, today=TODAY, now=NOW) == [Correction(target="3", field="ref", value="2.d.a")]
    with pytest.raises(CorrectionError, match="một nhiệm vụ"):
        parse_corrections("3, 4 số mục: 2", today=TODAY, now=NOW)
    assert parse_corrections("bỏ nhiệm vụ 11, việc của Phó Thủ tướng không theo dõi", today=TODAY, now=NOW) == [
        Correction(target="11", field="drop")]
    assert parse_corrections("bỏ 3, mục 5", today=TODAY, now=NOW) == [
        Correction(target="3", field="drop"), Correction(target="mục 5", field="drop")]


def test_an_added_task_with_its_fields_labelled() -> None:
    [added] = parse_corrections("thêm nhiệm vụ: Đôn đốc các xã làm mô hình điểm trồng cây ăn quả. Chủ trì: phòng "
                                "Nông nghiệp và PTNT. Phối hợp: Phòng Tài chính - Kế hoạch. Hạn 31/12/2023",
                                today=TODAY, now=NOW)
    task = added.value
    assert isinstance(task, ParsedTask)
    assert task.text == "Đôn đốc các xã làm mô hình điểm trồng cây ăn quả", task.text
    assert task.lead == ("phòng Nông nghiệp và PTNT",) and task.support == ("Phòng Tài chính - Kế hoạch",)
    assert task.due == dt.date(2023, 12, 31)


def test_the_short_forms_of_agriculture_and_rural_development_are_one_unit() -> None:
    keys = [unit_key("Phòng Nông nghiệp và PTNT"), unit_key("Phòng Tài chính - Kế hoạch")]
    for written in ("Phòng NN&PTNT", "phòng NN và PTNT", "Phòng Nông nghiệp và Phát triển nông thôn"):
        found = best_unit_match(written, keys)
        assert found is not None and found.index == 0, written


def test_a_task_given_to_units_its_text_does_not_name_is_shown_from_the_ask() -> None:
    """Probe s42 #37: the communes given a task whose text opens with a photo caption and the chairman's lead-in got
    letters that showed only the lead-in: with no lead named, the one-line view starts after "… đề nghị:"."""
    text = ("Các đại biểu tham gia ý kiến tại cuộc họp Kết luận các nội dung này, đồng chí Hoàng Vĩnh Khuyến – Phó Bí "
            "thư Huyện uỷ, Chủ tịch UBND huyện đề nghị: các xã, đơn vị liên quan tiếp tục đẩy nhanh tiến độ trồng "
            "rừng.")
    assert ask_first(text, ["UBND xã Quảng Tân"]) == ("… Các xã, đơn vị liên quan tiếp tục đẩy nhanh tiến độ trồng "
                                                     "rừng.")
    assert texts.short_title(text, lead="UBND xã Quảng Tân").startswith("Các xã, đơn vị liên quan tiếp tục")
    short = "Chủ tịch đề nghị: các xã rà soát."  # (a short opening is the task's own words: kept)
    assert ask_first(short, ["UBND xã Quảng Tân"]) == short


def test_an_item_number_that_comes_back_after_others_is_numbered_apart() -> None:
    """The scan read "đ)" twice: the second "1.đ.a", after "1.đ.b", is another duty (probe s42: one unit was told
    another's led its task). Tasks one after another under one number are one item's shares: they keep it."""
    tasks = (ParsedTask(ref="1.đ.a", text="Kết nối dữ liệu dân cư.", lead=("Bộ Công an",)),
             ParsedTask(ref="1.đ.a", text="Phối hợp kết nối dữ liệu dân cư.", lead=("Bộ Tài chính",)),  # a share
             ParsedTask(ref="1.đ.b", text="Đôn đốc Đề án 06.", lead=("Bộ Công an",)),
             ParsedTask(ref="1.đ.a", text="Nâng cấp nền tảng chia sẻ dữ liệu.", lead=("Bộ TT&TT",)),
             ParsedTask(ref="1.đ.a (ý 2)", text="Một ý đã tách.", lead=("Bộ TT&TT",)),
             ParsedTask(ref="1.đ.b", text="Thúc đẩy số hóa.", lead=("Bộ TT&TT",)),
             ParsedTask(ref="2", text="Khác.", lead=("Bộ Tư pháp",)))
    assert [t.ref for t in distinct_refs(ParsedNotice(tasks=tasks)).tasks] == [
        "1.đ.a", "1.đ.a", "1.đ.b", "1.đ.a (ý 3)", "1.đ.a (ý 2)", "1.đ.b (ý 2)", "2"]
    alone = ParsedNotice(tasks=tasks[:3])
    assert distinct_refs(alone) is alone


class _Admin:
    def __init__(self, h: Harness) -> None:
        self.h = h

    async def says(self, line: str) -> str:
        before = len(self.h.sent)
        await self.h.say("vp", line)
        return "\n".join(s.text or "" for s in self.h.sent[before:] if s.to == "vp")


@pytest.fixture
async def admin(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2023, 9, 25, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await h.say("vp", NOTICE)
    yield _Admin(h)
    await h.stop()


async def test_a_correction_is_taken_back_one_at_a_time(admin: _Admin) -> None:
    said = await admin.says("hoàn tác")
    assert said == texts.NOTHING_TO_UNDO
    await admin.says("4 hạn trong quý IV")
    dropped = await admin.says("bỏ 3")
    assert "• bỏ nhiệm vụ 3 (Mục 3)" in dropped and "Danh sách hiện có 3 nhiệm vụ" in dropped, dropped
    back = await admin.says("ấy nhầm, khôi phục lại nhiệm vụ 3")
    assert back.startswith("Đã hoàn tác lần sửa gần nhất (1 nội dung):\n• bỏ nhiệm vụ 3 (Mục 3)\n"
                           "(Còn 1 lần sửa trước đó; gõ “hoàn tác” lần nữa để hoàn tác tiếp.)"), back
    assert "Sau khi hoàn tác:" in back and "3. [Mục 3] Phòng Tài chính - Kế hoạch thẩm định" in back, back
    assert "Danh sách hiện có 4 nhiệm vụ" in back, back
    again = await admin.says("hoàn tác")
    assert "• nhiệm vụ 4 (Mục 4), thời hạn: 31/12/2023" in again, again
    assert "(Danh sách đã trở lại như khi Nhắc việc đọc văn bản.)" in again, again
    assert "Thời hạn: 31/12/2023" not in again.split("Sau khi hoàn tác:")[1], again
    assert await admin.says("hoàn tác") == texts.NOTHING_TO_UNDO
    confirmed = await admin.says("xác nhận")
    assert "Đã xác nhận" in confirmed, confirmed


async def test_an_item_number_is_corrected_unless_another_duty_has_it(admin: _Admin) -> None:
    said = await admin.says("4 số mục: 3.a")
    assert "• nhiệm vụ 4: số mục 3.a (trước đây: Mục 4)" in said and "4. [Mục 3.a]" in said, said
    refused = await admin.says("4 số mục: 2")
    assert "Đã có nhiệm vụ khác “Mục 2”" in refused, refused
    back = await admin.says("hoàn tác")
    assert "4. [Mục 4]" in back, back


async def test_a_number_alone_says_which_date_the_notice_keeps(admin: _Admin) -> None:
    said = await admin.says("số: 313/TB-UBND")
    assert "• số văn bản: 313/TB-UBND\n  (ngày văn bản vẫn là 22/09/2023; nếu chưa đúng, đồng chí gõ “ngày: …/…/…”)" \
        in said, said
    both = await admin.says("số: 314/TB-UBND ngày 23/9/2023")
    assert "• số văn bản: 314/TB-UBND\n• ngày văn bản: 23/09/2023" in both and "vẫn là" not in both, both
    back = await admin.says("hoàn tác")  # the value kept is said, not only the one taken back
    assert back.startswith("Đã hoàn tác lần sửa gần nhất (2 nội dung):\n• số văn bản: 314/TB-UBND\n"
                           "• ngày văn bản: 23/09/2023\n  (số văn bản nay là: 313/TB-UBND)\n"
                           "  (ngày văn bản nay là: 22/09/2023)\n"), back


async def test_a_message_not_understood_while_a_draft_waits_says_how_to_correct_it(admin: _Admin) -> None:
    said = await admin.says("nhiệm vụ 3 sao không có phòng Kinh tế?")
    assert said == texts.DRAFT_NOT_UNDERSTOOD, said
    added = await admin.says("Phòng Kinh tế và Hạ tầng phối hợp nhiệm vụ 3 luôn nhé")  # the unit first: a correction
    assert "• nhiệm vụ 3 (Mục 3), thêm phối hợp: Phòng Kinh tế và Hạ tầng" in added, added
    await admin.says("xác nhận")
    after = await admin.says("chuyện này để sau nhé")
    assert after != texts.DRAFT_NOT_UNDERSTOOD and "Để nạp văn bản" in after, after


async def test_a_short_name_matches_the_directory_and_a_supporting_unit_written_short_sees_its_task(
        admin: _Admin) -> None:
    preview = admin.h.sent[-1].text or ""
    assert "Phòng NN&PTNT (trong danh bạ: Phòng Nông nghiệp và PTNT)" in preview, preview
    await admin.says("xác nhận")
    before = len(admin.h.sent)
    await admin.h.say("nn", "/viec")
    listed = "\n".join(s.text or "" for s in admin.h.sent[before:] if s.to == "nn")
    assert "• Mục 1: " in listed and "Mục 2 (phối hợp)" in listed, listed  # "phối hợp với phòng Nông nghiệp"
