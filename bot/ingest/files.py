"""Turning an uploaded file into text, safely: size caps, zip-bomb checks for .docx,
encodings for .txt, a text-layer check for .pdf. Every refusal is a NoticeUnreadable
with a Vietnamese message saying what was wrong."""

from __future__ import annotations

import io
import logging
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from bot.ingest.legacy import repair_legacy
from storage.errors import NoticeUnreadable

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ZIP_ENTRIES = 1000
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200
MAX_PDF_PAGES = 500
MAX_TEXT_CHARS = 2_000_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97–2003 (.doc, .xls, .ppt)
EXCEL_SUFFIXES = (".xls", ".xlsx", ".xlsm")


@dataclass(frozen=True, kw_only=True)
class DocumentText:
    text: str
    ocr: bool  # read by text recognition (a scan, a photo, a PDF whose text layer is unusable): may be misspelt


def read_document(data: bytes, filename: str = "") -> str:
    return read_text(data, filename).text


def read_text(data: bytes, filename: str = "") -> DocumentText:
    """The file's text, and whether it came from OCR."""
    if not data or not data.strip():
        raise NoticeUnreadable("empty file", "Tệp gửi lên trống, không có nội dung.")
    if len(data) > MAX_FILE_BYTES:
        raise NoticeUnreadable(f"file of {len(data)} bytes is over the cap",
                               "Tệp quá lớn (tối đa 20 MB). Đồng chí vui lòng gửi tệp nhỏ hơn.")
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".doc", ".dot") or (data.startswith(OLE_MAGIC) and suffix in ("", ".bin")):
        # Word 97–2003 (offices still send it): what to do is to save it again (probe 26, F8)
        raise NoticeUnreadable(f"old Word file {suffix or '(OLE)'}",
                               f"Tệp Word dạng cũ ({suffix or '.doc'}) Nhắc việc chưa đọc được.")
    if suffix in EXCEL_SUFFIXES:  # (a directory file was taken before this: this one is not)
        raise NoticeUnreadable(f"excel file {suffix}, not a directory",
                               f"Tệp Excel ({suffix}) không phải văn bản giao việc: Nhắc việc chỉ dùng tệp Excel "
                               "để nạp danh bạ cán bộ.")
    if suffix in (".ppt", ".pptx", ".zip", ".rar", ".7z"):
        raise NoticeUnreadable(f"unsupported file type {suffix}",
                               "Định dạng tệp chưa được hỗ trợ. Đồng chí vui lòng gửi tệp .txt, .docx, .pdf hoặc ảnh "
                               "chụp văn bản, hoặc dán trực tiếp nội dung văn bản.")
    ocr = False
    if data.startswith(b"%PDF"):
        text, ocr = _read_pdf(data)
    elif data.startswith(b"PK\x03\x04") or suffix == ".docx":
        text = _read_docx(data)
    elif data.startswith((b"\x89PNG", b"\xff\xd8\xff")) or suffix in (".jpg", ".jpeg", ".png", ".tif", ".tiff"):
        text, ocr = ocr_image(data), True
    else:
        text = decode_text(data)
    if not ocr and not text.strip():  # a .docx saved before anything was typed in it (probe 26, F8)
        raise NoticeUnreadable(f"no text in {suffix or 'file'}", "Tệp gửi lên không có nội dung (văn bản trống).")
    if len(text) > MAX_TEXT_CHARS:
        raise NoticeUnreadable(f"text of {len(text)} chars is over the cap",
                               "Văn bản quá dài để xử lý. Đồng chí vui lòng gửi riêng phần thông báo kết luận.")
    return DocumentText(text=text, ocr=ocr)


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif len(data) > 8 and data[1::2].count(0) > len(data) // 4:
        text = data.decode("utf-16-le", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # not UTF-8: TCVN3 or VNI (Latin-1 look-alikes) if that reads as Vietnamese, else Windows-1258
            latin = data.decode("latin-1")
            repaired = repair_legacy(latin)
            text = repaired if repaired != latin else data.decode("cp1258", errors="replace")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f") + text.count("\ufffd")
    if controls > max(8, len(text) // 50):
        raise NoticeUnreadable("binary data, not text",
                               "Tệp không phải văn bản đọc được (có thể là tệp nhị phân hoặc bị hỏng).")
    return text


def _read_docx(data: bytes) -> str:
    not_docx = NoticeUnreadable("not a valid .docx (zip)", "Tệp .docx bị hỏng hoặc không đúng định dạng Word.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise not_docx from exc
    with archive:
        infos = archive.infolist()
        total = sum(i.file_size for i in infos)
        if len(infos) > MAX_ZIP_ENTRIES or total > MAX_UNZIPPED_BYTES or any(
                i.compress_size and i.file_size / i.compress_size > MAX_RATIO and i.file_size > 1_000_000
                for i in infos):
            raise NoticeUnreadable(f"suspicious zip: {len(infos)} entries, {total} bytes unpacked",
                                   "Tệp .docx có cấu trúc bất thường (quá lớn khi giải nén), không thể đọc an toàn.")
        if "word/document.xml" not in archive.namelist():
            raise not_docx
        for info in infos:
            if info.filename.endswith(".xml") and b"<!ENTITY" in archive.read(info)[:4096]:
                raise NoticeUnreadable("XML entity declaration in docx", "Tệp .docx chứa nội dung không an toàn.")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a broken package
        raise not_docx from exc
    return "\n".join(_docx_blocks(document))


def _docx_blocks(document) -> list[str]:  # type: ignore[no-untyped-def]
    """Paragraphs and table rows in body order, with Word's automatic numbering written out."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = _Numbering(document)
    out: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if text:
                out.append(numbering.prefix(block) + text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                    if not cells or value != cells[-1]:  # merged cells repeat
                        cells.append(value)
                if any(cells):
                    out.append(" | ".join(cells))
    return out


class _Numbering:
    """Enough of numbering.xml to write out "1.", "1.2.", "a)", "-" for numbered paragraphs."""

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            return
        ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
        root = part.element
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        w = "{" + ns["w"] + "}"
        for an in root.findall("w:abstractNum", ns):
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in an.findall("w:lvl", ns):
                fmt = lvl.find("w:numFmt", ns)
                txt = lvl.find("w:lvlText", ns)
                start = lvl.find("w:start", ns)
                lv[int(lvl.get(w + "ilvl"))] = (
                    fmt.get(w + "val") if fmt is not None else "decimal",
                    txt.get(w + "val") if txt is not None else "%1.",
                    int(start.get(w + "val")) if start is not None else 1,
                )
            abstract[an.get(w + "abstractNumId")] = lv
        for num in root.findall("w:num", ns):
            ref = num.find("w:abstractNumId", ns)
            if ref is not None:
                self.levels[num.get(w + "numId")] = abstract.get(ref.get(w + "val"), {})

    @staticmethod
    def _numpr(paragraph):  # type: ignore[no-untyped-def]
        """The paragraph's own numbering, else its style's (Word's "List Number" styles)."""
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
            return ppr.numPr
        style = paragraph.style
        while style is not None:
            sppr = style.element.pPr
            if sppr is not None and sppr.numPr is not None and sppr.numPr.numId is not None:
                return sppr.numPr
            style = style.base_style
        return None

    def prefix(self, paragraph) -> str:  # type: ignore[no-untyped-def]
        numpr = self._numpr(paragraph)
        if numpr is None:
            return ""
        num_id = str(numpr.numId.val)
        ilvl = int(numpr.ilvl.val) if numpr.ilvl is not None else 0
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, pattern, _ = levels[ilvl]
        if fmt == "bullet":
            return "- "

        def render(m: re.Match[str]) -> str:
            level = int(m.group(1)) - 1
            value = counters.get(level, levels.get(level, ("decimal", "", 1))[2])
            level_fmt = levels.get(level, ("decimal", "", 1))[0]
            return _format_number(value, level_fmt)

        return re.sub(r"%(\d)", render, pattern) + " "


def _format_number(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
    if fmt == "upperLetter":
        return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(value - 1) % 26]
    if fmt in ("upperRoman", "lowerRoman"):
        numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        out, n = "", value
        for v, s in numerals:
            while n >= v:
                out, n = out + s, n - v
        return out if fmt == "upperRoman" else out.lower()
    return str(value)


def _open_pdf(data: bytes):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise NoticeUnreadable("encrypted pdf", "Tệp PDF được đặt mật khẩu, không thể đọc.") from exc
        raise NoticeUnreadable(f"broken pdf: {exc}", "Tệp PDF bị hỏng, không thể đọc.") from exc


def pdf_text_layer(data: bytes) -> str:
    """A PDF's text layer, read with PDFium (fast: milliseconds a page); NoticeUnreadable, saying why, for a PDF
    that is locked, broken or too long."""
    pdf = _open_pdf(data)
    try:
        if len(pdf) > MAX_PDF_PAGES:
            raise NoticeUnreadable(f"{len(pdf)} pages", f"Tệp PDF quá dài (trên {MAX_PDF_PAGES} trang).")
        pages = []
        for i in range(len(pdf)):
            textpage = pdf[i].get_textpage()
            pages.append(textpage.get_text_bounded())
            textpage.close()
    finally:
        pdf.close()
    return "\n".join(pages).replace("\r\n", "\n").replace("\r", "\n")


def _read_pdf(data: bytes) -> tuple[str, bool]:
    """The text layer; OCR when it is unusable (then True)."""
    text = pdf_text_layer(data)
    if text_layer_usable(text):
        return text, False
    log.info("pdf text layer unusable (%d chars): OCR", len(text))
    return ocr_pdf(data), True


VIETNAMESE_MARKS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")


def text_layer_usable(text: str) -> bool:
    """False for scans (no text) and for fonts whose Unicode maps are broken ("(cid:55)" glyphs,
    Latin letters without any Vietnamese mark)."""
    letters = sum(c.isalpha() for c in text)
    if letters < 50:
        return False
    if text.count("(cid:") * 8 > len(text) * 0.05:
        return False
    if sum(1 for c in text if "\u0400" <= c <= "\u052f") > letters * 0.01:
        return False  # Vietnamese glyphs mapped onto Cyrillic code points by a broken font
    return len(VIETNAMESE_MARKS.findall(text.lower())) >= letters * 0.03


# ---------------------------------------------------------------- OCR (Tesseract, when installed)

OCR_INSTALL = ("Máy chủ chưa cài phần mềm nhận dạng chữ (OCR) để đọc bản quét. Quản trị hệ thống cần cài "
               "Tesseract với dữ liệu tiếng Việt: apt-get install tesseract-ocr tesseract-ocr-vie. Trong lúc chờ, "
               "đồng chí vui lòng gửi tệp .docx hoặc dán nội dung văn bản.")
MAX_OCR_PAGES = 40
OCR_DPI = 300


def ocr_available() -> bool:
    import shutil
    import subprocess

    if not shutil.which("tesseract"):
        return False
    try:
        langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in langs.split()


def _tesseract(png: bytes) -> str:
    import subprocess

    # One thread per Tesseract process: its OpenMP threading is ~10x slower on small machines;
    # pages run in parallel instead (ocr_pdf).
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(["tesseract", "stdin", "stdout", "-l", "vie"], input=png, capture_output=True,
                              timeout=120, check=True, env=env)
    except (OSError, subprocess.SubprocessError) as exc:
        raise NoticeUnreadable(f"tesseract failed: {exc!r}",
                               "Nhận dạng chữ (OCR) gặp lỗi, không đọc được tệp.") from exc
    return done.stdout.decode("utf-8", errors="replace")


def _need_ocr() -> None:
    if not ocr_available():
        raise NoticeUnreadable("scan or broken text layer, and no tesseract with Vietnamese data", OCR_INSTALL)


def ocr_pdf(data: bytes) -> str:
    _need_ocr()
    pages: list[str] = []
    pdf = _open_pdf(data)
    try:
        if len(pdf) > MAX_OCR_PAGES:
            raise NoticeUnreadable(f"{len(pdf)} pages to OCR",
                                   f"Bản quét quá dài để nhận dạng chữ (tối đa {MAX_OCR_PAGES} trang).")
        images = []
        for i in range(len(pdf)):
            buf = io.BytesIO()
            pdf[i].render(scale=OCR_DPI / 72).to_pil().save(buf, format="PNG")
            images.append(buf.getvalue())
    finally:
        pdf.close()
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        pages = list(pool.map(_tesseract, images))
    text = "\n".join(pages)
    if sum(c.isalpha() for c in text) < 50:
        raise NoticeUnreadable("OCR found no text", "Không nhận dạng được chữ trong tệp (ảnh quá mờ hoặc trống).")
    return text


def ocr_image(data: bytes) -> str:
    _need_ocr()
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > 80_000_000:
                raise NoticeUnreadable("image too large", "Ảnh quá lớn để nhận dạng chữ.")
            buf = io.BytesIO()
            image.convert("RGB").save(buf, format="PNG")
    except (UnidentifiedImageError, OSError) as exc:
        raise NoticeUnreadable(f"bad image: {exc!r}", "Ảnh bị hỏng, không đọc được.") from exc
    text = _tesseract(buf.getvalue())
    if sum(c.isalpha() for c in text) < 50:
        raise NoticeUnreadable("OCR found no text", "Không nhận dạng được chữ trong ảnh (ảnh quá mờ hoặc trống).")
    return text
