"""What a new user still met after session 19 (/work/notes/s19/newuser/FINDINGS.md P4): a file that cannot be read
gets a next step (save it again, send another form, or paste the text), and a file answered at once (not a PDF, a
tiny one) is not first told that a scan may take a minute. Through the real python-telegram-bot and the sandbox."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from tests.bot.conftest import texts_to


@pytest.mark.parametrize(("data", "name", "said", "step"), [
    (b"not a zip at all", "bienban.docx", "Tệp .docx bị hỏng hoặc không đúng định dạng Word.",
     "Đồng chí mở tệp bằng Word, chọn “Lưu thành” (Save As) kiểu Word (.docx) rồi gửi lại"),
    (b"%PDF-1.4 broken!", "thongbao.pdf", "Tệp PDF bị hỏng, không thể đọc.",
     "Đồng chí mở tệp rồi lưu lại, hoặc in ra PDF"),
    (b"\x00\x01\x02\xff" * 500, "thongbao.txt", "Tệp không phải văn bản đọc được",
     "Đồng chí gửi tệp .docx hoặc .pdf của văn bản"),
])
async def test_a_file_that_cannot_be_read_says_what_to_do_next_and_only_that(
        harness: Harness, data: bytes, name: str, said: str, step: str) -> None:
    mark = len(harness.sent)
    await harness.send_file("admin", name, data=data)
    answers = texts_to(harness, "admin", mark)
    assert len(answers) == 1 and texts.READING not in answers, answers  # (a 16-byte "PDF" is answered at once)
    assert answers[0].startswith(said) and step in answers[0], answers[0]
    assert answers[0].endswith("hoặc dán nội dung văn bản vào tin nhắn."), answers[0]


async def test_an_empty_file_keeps_its_own_answer(harness: Harness) -> None:
    await harness.send_file("admin", "trong.docx", data=b"")
    assert texts_to(harness, "admin") == ["Tệp gửi lên trống, không có nội dung."]
