from __future__ import annotations

import io
import unicodedata
import zipfile

import docx
import pytest

from bot.ingest import parse_notice, read_document
from storage.errors import NoticeUnreadable
from tests.conftest import SHARED

TEXT = "Giao Sở Tài chính chủ trì rà soát, báo cáo trước ngày 15/4/2018."


def to_cp1258(text: str) -> bytes:
    """Windows-1258 has the base vowels precomposed and the five tones as combining marks."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            out += (unicodedata.normalize("NFC", d[:-1]) + d[-1]).encode("cp1258")
    return out


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_text_encodings(encoding: str) -> None:
    data = to_cp1258(TEXT) if encoding == "cp1258" else TEXT.encode(encoding)
    assert parse_notice(read_document(data, "a.txt")).tasks[0].lead == ("Sở Tài chính",)


def test_docx_paragraphs_tables_and_numbering(tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document()
    document.add_paragraph("Kính gửi: Sở Tài chính")
    document.add_paragraph("Chủ tịch UBND tỉnh có ý kiến như sau:")
    document.add_paragraph("Rà soát nguồn vốn, báo cáo trước ngày 10/5/2018.", style="List Number")
    document.add_paragraph("Đề xuất phương án phân bổ trong tháng 6/2018.", style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "STT"
    table.rows[0].cells[1].text = "Nội dung"
    buf = io.BytesIO()
    document.save(buf)
    text = read_document(buf.getvalue(), "cv.docx")
    assert "1. Rà soát nguồn vốn" in text and "2. Đề xuất phương án" in text
    assert "STT | Nội dung" in text


def test_docx_from_the_dev_files_reads() -> None:
    path = SHARED / "corpus" / "dev-files" / "073_lamdong-ubnd-tb-ket-luan-pct-phuc-hoi-nghi-cchc-2026.docx"
    if not path.exists():
        pytest.skip("dev files not present")
    assert len(parse_notice(read_document(path.read_bytes(), path.name)).tasks) > 10


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"", "a.txt", "trống"),
    (b"PK\x03\x04garbage", "a.docx", "bị hỏng"),
    (b"%PDF-1.4 broken", "a.pdf", "PDF bị hỏng"),
    (b"\x89PNG\r\n", "photo.png", "Ảnh bị hỏng"),
    (b"PK\x03\x04", "sheet.xlsx", "Tệp Excel (.xlsx) không phải văn bản giao việc"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "cu.doc", "Tệp Word dạng cũ (.doc)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "cu", "Tệp Word dạng cũ (.doc)"),
    (b"PK\x03\x04", "slides.pptx", "chưa được hỗ trợ"),
    (b"\n\n\t\n" + "\u00a0".encode() * 3, "a.txt", "không có nội dung"),
    (bytes(range(256)) * 10, "blob.bin", "không phải văn bản"),
])
def test_bad_files(data: bytes, name: str, message: str) -> None:
    with pytest.raises(NoticeUnreadable) as caught:
        read_document(data, name)
    assert message in caught.value.user_message


def test_docx_with_an_entity_declaration_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    with pytest.raises(NoticeUnreadable):
        read_document(buf.getvalue(), "x.docx")


def test_too_many_zip_entries_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for i in range(1500):
            z.writestr(f"f{i}.xml", "x")
    with pytest.raises(NoticeUnreadable, match="suspicious"):
        read_document(buf.getvalue(), "x.docx")


def test_a_broken_text_layer_is_detected() -> None:
    from bot.ingest.files import text_layer_usable

    assert not text_layer_usable("UBND (cid:55)(cid:1228)(cid:49)(cid:43) LÀO CAI (cid:38)(cid:1244)" * 20)
    assert not text_layer_usable("   ")
    assert text_layer_usable("Sở Tài nguyên và Môi trường chủ trì rà soát, báo cáo trước ngày 15/4/2013. " * 3)


DEV_070 = SHARED / "corpus" / "dev-files" / "070_laocai-sct-tb-1894-ket-qua-kiem-tra-vlncn-2026.pdf"


@pytest.mark.skipif(not DEV_070.exists(), reason="dev files not present")
def test_without_tesseract_the_user_is_told_what_to_install(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    env = {**os.environ, "PATH": str(tmp_path)}  # no tesseract on this PATH
    out = subprocess.run([sys.executable, "-m", "bot.cli", "parse", str(DEV_070)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 1
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in out.stderr


@pytest.mark.skipif(not DEV_070.exists(), reason="dev files not present")
def test_a_pdf_with_a_garbage_text_layer_is_read_by_ocr() -> None:
    from bot.ingest.files import ocr_available

    if not ocr_available():
        pytest.skip("tesseract with Vietnamese data is not installed (scripts/test.sh installs it as root)")
    notice = parse_notice(read_document(DEV_070.read_bytes(), DEV_070.name))
    assert notice.number == "1894/TB-SCT"
    assert any("hộ chiếu" in t.text for t in notice.tasks)


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


def test_an_encrypted_pdf_is_refused_with_the_reason() -> None:
    with pytest.raises(NoticeUnreadable) as caught:
        read_document(_pdf(1, password="bi-mat"), "mat.pdf")
    assert "mật khẩu" in caught.value.user_message


def test_a_pdf_over_500_pages_is_refused() -> None:
    with pytest.raises(NoticeUnreadable) as caught:
        read_document(_pdf(501), "dai.pdf")
    assert "quá dài" in caught.value.user_message


def test_a_long_text_document_is_parsed_without_trouble() -> None:
    item = "{n}. Sở Tài chính chủ trì rà soát nội dung số {n}, báo cáo trước ngày 15/4/2026.\n"
    text = "Kính gửi: Sở Tài chính\nChủ tịch UBND tỉnh có ý kiến như sau:\n" + "".join(
        item.format(n=n) for n in range(1, 99)) * 1
    notice = parse_notice(read_document(("\n".join([text] * 50)).encode(), "dai.txt"))
    assert len(notice.tasks) >= 98


def test_a_blank_scanned_pdf_needs_ocr_and_says_so_or_finds_nothing() -> None:
    from bot.ingest.files import ocr_available

    with pytest.raises(NoticeUnreadable) as caught:
        read_document(_pdf(2), "scan.pdf")
    expected = "Không nhận dạng được chữ" if ocr_available() else "tesseract-ocr-vie"
    assert expected in caught.value.user_message
