"""A task whose whole content is a generic call to comply is marked in the admin's preview (probe 22 F5): the pure
check on phrasing patterns (invented texts), and through the sandbox the line in the preview and "bỏ N" dropping
the task."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import select

from bot import texts
from bot.compliance import fold, generic_compliance
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Task
from storage.notices import Draft
from storage.parsed import ParsedNotice, ParsedTask
from tests.bot.conftest import texts_to
from tests.conftest import local

GENERIC = [
    "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, ngành, Chủ tịch UBND các huyện nghiêm túc thực hiện.",
    "Yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, "
    "kịp thời báo cáo UBND huyện (qua Phòng Nội vụ) để xem xét, giải quyết./.",
    "Các phòng, ban chuyên môn tổ chức thực hiện nghiêm túc các nội dung trên.",
    "Đề nghị các xã, thị trấn triển khai thực hiện tốt các nội dung này.",
    "UBND tỉnh đề nghị các đơn vị triển khai thực hiện văn bản này.",
    "Thủ trưởng các đơn vị thực hiện nghiêm túc các nội dung trên./.",
    "Yêu cầu các đơn vị thực hiện nghiêm các nội dung chỉ đạo tại Thông báo này.",
    "Căn cứ Thông báo này, các cơ quan, đơn vị liên quan triển khai thực hiện.",
    "Chủ tịch UBND các xã chịu trách nhiệm toàn diện trước Chủ tịch UBND huyện nếu để xảy ra lấn chiếm đất công "
    "trên địa bàn.",
    "Giám đốc các sở chịu trách nhiệm trước UBND tỉnh về kết quả thực hiện nhiệm vụ được giao.",
    "Giao Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện.",
    "Văn phòng Huyện ủy theo dõi, đôn đốc, kiểm tra việc thực hiện Kết luận này.",
    # a plan's closing item (probe 24 F3): the doers before a colon, a lead-in, joining the others on "the Plan"
    "Các bộ, ban, ngành khác: Căn cứ vào chức năng nhiệm vụ, phối hợp với các bộ, ban, ngành liên quan tổ chức, "
    "triển khai thực hiện Kế hoạch.",
    # typed without marks, "uỷ" for "ủy", NFD input
    "Uỷ ban nhan dan tinh yeu cau cac so nghiem tuc thuc hien.",
    unicodedata.normalize("NFD", "Ủy ban nhân dân huyện yêu cầu các xã nghiêm túc thực hiện."),
]
WORK = [
    # the accountability with concrete work after it (055's 7.a, reworded)
    "Chủ tịch UBND các xã chịu trách nhiệm toàn diện trước UBND tỉnh nếu để xảy ra khai thác cát trái phép; xử lý, "
    "kiểm điểm hoặc kiến nghị xử lý, kiểm điểm các tổ chức, cá nhân vi phạm theo quy định.",
    "Sở Y tế chịu trách nhiệm về việc tổng hợp số liệu, báo cáo Bộ Y tế trước ngày 15/5.",
    "Sở Xây dựng chịu trách nhiệm tham mưu UBND tỉnh ban hành quy chế phối hợp.",
    "Thực hiện đúng nhiệm vụ, quyền hạn được ủy quyền và chịu trách nhiệm trước UBND tỉnh về kết quả thực hiện.",
    "Các sở rà soát, bổ sung kế hoạch và nghiêm túc thực hiện.",
    "Yêu cầu các đơn vị nghiêm túc thực hiện Chỉ thị số 12/CT-UBND về phòng, chống cháy rừng.",
    "Đề nghị Đài truyền thanh xã thông báo trên hệ thống loa để nhân dân biết thực hiện.",
    "Các xã triển khai các nhiệm vụ theo phần mềm theo dõi, đôn đốc nhiệm vụ.",
    "Văn phòng UBND tỉnh theo dõi, đôn đốc, tổng hợp kết quả, báo cáo Chủ tịch UBND tỉnh trước ngày 30/6.",
    "Sở Tài chính chủ trì, phối hợp với các đơn vị triển khai thực hiện các nội dung trên; báo cáo kết quả trước "
    "ngày 20/12.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo UBND tỉnh.",  # an aside alone
    "Các bộ, ngành khác: phối hợp với Bộ Y tế triển khai thực hiện Kế hoạch số 12/KH-BYT.",  # another plan
    "Chủ trì, xây dựng và tổ chức thực hiện Kế hoạch của từng địa phương.",
    "Các sở, ngành chủ động tổ chức triển khai thực hiện các nhiệm vụ; hướng dẫn UBND các xã trong công tác quản lý.",
    "",
]


@pytest.mark.parametrize("text", GENERIC)
def test_a_generic_call_to_comply_is_flagged(text: str) -> None:
    assert generic_compliance(text)


@pytest.mark.parametrize("text", WORK)
def test_a_task_naming_work_is_not_flagged(text: str) -> None:
    assert not generic_compliance(text)


def test_fold_reads_uy_and_marks_alike() -> None:
    assert fold("Uỷ ban") == fold("Ủy  ban") == fold(unicodedata.normalize("NFD", "ỦY BAN")) == "uy ban"
    assert fold("Đôn đốc") == "don doc"


def test_several_flagged_tasks_are_named_in_one_line_by_their_preview_numbers() -> None:
    parsed = ParsedNotice(tasks=(
        ParsedTask(ref="1", text="Giao Sở Y tế rà soát các cơ sở, báo cáo trước ngày 15/5/2026."),
        ParsedTask(ref="2", text="Chủ tịch UBND các xã chịu trách nhiệm toàn diện trước UBND tỉnh."),
        ParsedTask(ref="3", text="Yêu cầu các đơn vị nghiêm túc thực hiện./.")))
    draft = Draft(notice_id=1, duplicate_of=None, guesses={}, numbers=(1, 4, 5))  # (after "bỏ 2", "bỏ 3")
    assert texts.generic_call_lines(parsed, draft) == [
        "", "ⓘ Nhiệm vụ 4, 5 chỉ nêu yêu cầu chung, có thể không phải nhiệm vụ cụ thể — đồng chí gõ “bỏ 4, 5” nếu "
            "không cần theo dõi."]
    assert texts.generic_call_lines(ParsedNotice(tasks=parsed.tasks[:1]), Draft(
        notice_id=1, duplicate_of=None, guesses={}, numbers=(1,))) == []


# ---------------------------------------------------------------- through the sandbox

DIRECTORY = ("handle,full_name,title,unit,role\n"
             "vt,Lù Thị Văn,Chuyên viên Văn phòng UBND tỉnh,Văn phòng UBND tỉnh,admin\n"
             "gd_stc,Phạm Thu Tài,Giám đốc Sở Tài chính,Sở Tài chính,head\n"
             "gd_sxd,Trần Quốc Xây,Giám đốc Sở Xây dựng,Sở Xây dựng,head\n")
NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Số: 1720/UBND-KT", "Lào Cai, ngày 17 tháng 4 năm 2026",
    "V/v tăng cường quản lý vật liệu xây dựng",
    "Kính gửi: Sở Tài chính; Sở Xây dựng.", "Chủ tịch UBND tỉnh có ý kiến như sau:",
    "1. Giao Sở Xây dựng rà soát các mỏ vật liệu xây dựng thông thường, báo cáo trước ngày 30/5/2026.",
    "2. Giao Sở Tài chính chủ trì tham mưu bố trí kinh phí kiểm tra các mỏ vật liệu, báo cáo trước ngày 15/6/2026.",
    "3. Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Tài chính, Giám đốc Sở Xây dựng nghiêm túc thực hiện. Trong quá "
    "trình thực hiện nếu có khó khăn, vướng mắc, kịp thời báo cáo UBND tỉnh để xem xét, giải quyết.",
    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh", ""])


async def test_the_preview_marks_a_generic_call_and_bo_drops_it(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 20, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("vt", NOTICE)
        preview = "\n".join(texts_to(h, "vt"))
        assert "Nhắc việc nhận diện được 3 nhiệm vụ" in preview
        flagged = [ln for ln in preview.splitlines() if "ⓘ" in ln]
        assert flagged == ["ⓘ Nhiệm vụ 3 chỉ nêu yêu cầu chung, có thể không phải nhiệm vụ cụ thể — đồng chí gõ "
                           "“bỏ 3” nếu không cần theo dõi."]
        await h.say("vt", "bỏ 3")
        await h.tap("vt", texts.BUTTON_CONFIRM)
        assert h.db is not None
        refs = h.db.call(lambda s: sorted({t.item_ref for t in s.scalars(select(Task))}))
        assert refs == ["1", "2"]
    finally:
        await h.stop()
