"""One item held by several companies (probe 20): a leader's direction, or a supporting unit's report, that names one
of them — even by a short form of its name ("Trường Sơn" for "Tổng công ty Xây dựng Trường Sơn") — reaches that one
only, and the acknowledgement says who got it; a supporting report naming none asks which. Through the sandbox on
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import Harness
from storage.unitnames import named_among
from tests.bot.conversation_setup import last_text, started_with, texts_to

DIRECTORY = "\n".join([
    "handle,full_name,title,unit,role",
    "admin,Lương Thị Thu,Chuyên viên Văn phòng Sở,Văn phòng Sở,admin",
    "pgd,Hoàng Văn Thuân,Phó Giám đốc Sở Công Thương,Ban Giám đốc Sở,leader",
    "ktat,Vàng Seo Phử,Trưởng phòng Kỹ thuật an toàn - Môi trường,Phòng Kỹ thuật an toàn - Môi trường,head",
    "yenbai,Đinh Công Sơn,Giám đốc,Công ty cổ phần Xây dựng giao thông Yên Bái,head",
    "truongson,Lê Quang Vinh,Tổng Giám đốc,Tổng công ty Xây dựng Trường Sơn,head",
    "hiepphu,Vi Văn Thắng,Giám đốc,Công ty TNHH Hiệp Phú,head",
    "",
])
NOTICE = "\n".join([
    "SỞ CÔNG THƯƠNG TỈNH LÀO CAI",
    "Số: 1894/TB-SCT",
    "Lào Cai, ngày 15 tháng 02 năm 2018",
    "THÔNG BÁO",
    "Kết quả kiểm tra việc sử dụng vật liệu nổ công nghiệp",
    "1. Giao Công ty cổ phần Xây dựng giao thông Yên Bái, Tổng công ty Xây dựng Trường Sơn, Công ty TNHH Hiệp Phú "
    "chủ trì, phối hợp với Phòng Kỹ thuật an toàn - Môi trường rà soát, bổ sung biển báo tại kho vật liệu nổ, "
    "hoàn thành trước ngày 30/3/2018.",
    "",
])
COMPANIES = ["Công ty cổ phần Xây dựng giao thông Yên Bái", "Tổng công ty Xây dựng Trường Sơn", "Công ty TNHH Hiệp Phú"]


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started_with(db_url, DIRECTORY, NOTICE)
    yield h
    await h.stop()


@pytest.mark.parametrize(("text", "named"), [
    ("nhắc Tổng công ty Trường Sơn mục 2.c", ["Tổng công ty Xây dựng Trường Sơn"]),
    ("đã kiểm tra kho Hiệp Phú, còn thiếu biển báo", ["Công ty TNHH Hiệp Phú"]),
    ("nhắc các công ty xây dựng", []),  # words every company's name has, or two of them: none in particular
    ("đôn đốc Yên Bái và Hiệp Phú", ["Công ty cổ phần Xây dựng giao thông Yên Bái", "Công ty TNHH Hiệp Phú"]),
])
def test_a_unit_named_short_among_those_holding_an_item(text: str, named: list[str]) -> None:
    assert named_among(text, COMPANIES) == named


async def test_a_direction_naming_one_company_short_reaches_that_company_only(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("pgd", "nhắc Tổng công ty Trường Sơn mục 1")
    assert len(texts_to(h, "truongson", mark)) == 1
    assert "Đề nghị đồng chí khẩn trương thực hiện và báo cáo kết quả." in texts_to(h, "truongson", mark)[0]
    assert not texts_to(h, "yenbai", mark) and not texts_to(h, "hiepphu", mark)
    answer = last_text(h, "pgd")
    assert answer.startswith("Đã chuyển ý kiến chỉ đạo của đồng chí đến:\n• đ/c Lê Quang Vinh (Tổng công ty Xây dựng "
                             "Trường Sơn) — mục 1\nÝ kiến"), answer

    mark = len(h.sent)
    await h.say("pgd", "đôn đốc mục 1")  # no unit named: every company holding the item
    assert all(texts_to(h, who, mark) for who in ("yenbai", "truongson", "hiepphu"))
    mark = len(h.sent)
    await h.reply("pgd", "riêng Hiệp Phú báo cáo ngay kết quả bổ sung biển báo")  # a reply to that acknowledgement
    assert texts_to(h, "hiepphu", mark) and not texts_to(h, "yenbai", mark) and not texts_to(h, "truongson", mark)
    assert "• đ/c Vi Văn Thắng (Công ty TNHH Hiệp Phú) — mục 1\nÝ kiến" in last_text(h, "pgd")


async def test_a_supporting_report_naming_one_company_goes_to_that_company_only(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("ktat", "phối hợp 1: đã kiểm tra kho Hiệp Phú, còn thiếu biển báo")
    assert len(texts_to(h, "hiepphu", mark)) == 1 and "còn thiếu biển báo" in texts_to(h, "hiepphu", mark)[0]
    assert not texts_to(h, "yenbai", mark) and not texts_to(h, "truongson", mark)
    assert "và chuyển tới đ/c Vi Văn Thắng (Công ty TNHH Hiệp Phú)." in last_text(h, "ktat"), last_text(h, "ktat")

    mark = len(h.sent)
    await h.say("ktat", "phối hợp 1: đã gửi hướng dẫn bố trí biển báo cho các đơn vị")  # for every company
    assert all(texts_to(h, who, mark) for who in ("yenbai", "truongson", "hiepphu"))
    ack = last_text(h, "ktat")
    assert "đ/c Đinh Công Sơn (Công ty cổ phần Xây dựng giao thông Yên Bái), đ/c Lê Quang Vinh (Tổng công ty Xây " \
        "dựng Trường Sơn), đ/c Vi Văn Thắng (Công ty TNHH Hiệp Phú)" in ack, ack


async def test_a_supporting_report_naming_no_company_asks_which_and_goes_where_chosen(harness: Harness) -> None:
    """Probe 20 F5b: a support report on an item three companies hold, naming none of them, went to all three (one
    company's inspection result to its competitors): the bot asks which, keeps the words, and sends them to the one
    tapped — or, tapped "all" / typed "phối hợp 1 tất cả: …", to every one."""
    h = harness
    mark = len(h.sent)
    await h.say("ktat", "phối hợp 1: đã kiểm tra kho, còn thiếu biển báo cấm lửa")
    assert not any(texts_to(h, who, mark) for who in ("yenbai", "truongson", "hiepphu")), "nothing sent yet"
    question = last_text(h, "ktat")
    assert question.startswith("Mục 1 do 3 đơn vị chủ trì:\n• Công ty cổ phần Xây dựng giao thông Yên Bái — đ/c Đinh "
                               "Công Sơn\n"), question
    assert "Báo cáo phối hợp của đồng chí (“đã kiểm tra kho, còn thiếu biển báo cấm lửa”) gửi tới đơn vị nào?" \
        in question
    await h.tap("ktat", "Công ty TNHH Hiệp Phú")
    assert len(texts_to(h, "hiepphu", mark)) == 1 and "còn thiếu biển báo cấm lửa" in texts_to(h, "hiepphu", mark)[0]
    assert not texts_to(h, "yenbai", mark) and not texts_to(h, "truongson", mark)
    assert "và chuyển tới đ/c Vi Văn Thắng (Công ty TNHH Hiệp Phú)." in last_text(h, "ktat")

    mark = len(h.sent)
    await h.say("ktat", "phối hợp 1: đã tập huấn an toàn kho")
    await h.tap("ktat", "Tất cả các đơn vị")
    assert all(len(texts_to(h, who, mark)) == 1 for who in ("yenbai", "truongson", "hiepphu"))
    mark = len(h.sent)
    await h.say("ktat", "phối hợp 1 tất cả: đã gửi mẫu biển báo")  # typed (Zalo has no buttons)
    assert all(texts_to(h, who, mark) == [texts_to(h, who, mark)[0]] for who in ("yenbai", "truongson", "hiepphu"))
    assert texts_to(h, "hiepphu", mark)[0].endswith("): đã gửi mẫu biển báo")
    mark = len(h.sent)
    await h.say("ktat", "phối hợp 1 Trường Sơn: đã kiểm tra kho")  # the typed form of one unit's action
    assert texts_to(h, "truongson", mark) and not texts_to(h, "yenbai", mark) and not texts_to(h, "hiepphu", mark)


async def test_the_question_tells_a_zalo_user_what_to_type() -> None:
    from bot import texts

    said = texts.support_which("2.c", [("Công ty A", "Nguyễn Văn A"), ("Công ty B", None)], "đã kiểm tra",
                               buttons=False)
    assert said.endswith("Đồng chí gõ lại kèm tên đơn vị, ví dụ: “phối hợp 2.c Công ty A: …”, hoặc “phối hợp 2.c tất "
                         "cả: …” nếu báo cáo chung cho các đơn vị.")
    assert "• Công ty B\n" in said
