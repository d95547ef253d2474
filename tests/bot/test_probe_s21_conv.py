"""What last session's new-user probe still met (probe 21): each through the real conversation core and the
sandbox, so Telegram and Zalo both get it."""

from __future__ import annotations

import io

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from tests.bot.conftest import texts_to


def _pdf(pages: int, password: str | None = None) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize(("data", "said"), [
    (_pdf(40, password="bi-mat"), "Tệp PDF được đặt mật khẩu, không thể đọc."),
    (b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 100, "Tệp PDF bị hỏng, không thể đọc."),
])
async def test_a_locked_or_broken_pdf_gets_the_error_only_not_the_wait_line_first(
        harness: Harness, data: bytes, said: str) -> None:
    """Finding 2: a real-sized PDF (over 2 KB) that is locked or broken was first told "đang đọc … khoảng một phút"."""
    assert len(data) > 2048
    mark = len(harness.sent)
    await harness.send_file("admin", "thongbao.pdf", data=data)
    answers = texts_to(harness, "admin", mark)
    assert texts.READING not in answers and len(answers) == 1, answers
    assert answers[0].startswith(said), answers[0]
