"""Task tables (STT | Nội dung | Chủ trì | Phối hợp | Thời gian …) turned into item
lines the tree parser reads like any numbered item:

    "3. <content> Cơ quan chủ trì: X. Cơ quan phối hợp: Y. Thời gian hoàn thành: Z."

Two shapes arrive: rows with "|" between cells (.docx tables, Markdown) whose header
names the columns, and tables flattened by text extraction, one cell per line (or
several lines per cell), where only the row numbers mark where a row starts."""

from __future__ import annotations

import re

from bot.ingest.units import UNIT_START
from storage.vntext import fold

COLUMN_KINDS = [
    ("number", re.compile(r"^(?:stt|tt|so tt|so thu tu)$")),
    ("lead", re.compile(r"chu tri|don vi thuc hien|co quan thuc hien|don vi thu hien")),
    ("support", re.compile(r"phoi hop")),
    ("time", re.compile(r"thoi gian|thoi han|tien do|han hoan thanh")),
    ("product", re.compile(r"san pham|ket qua|hinh thuc")),
    ("content", re.compile(r"noi dung|nhiem vu|ten|hoat dong|cong viec|giai phap")),
    ("note", re.compile(r"ghi chu|can cu|kinh phi")),
]
TIME_TOKEN = re.compile(r"(?:tháng|quý|năm|thường\s*xuyên|hằng|hàng|định\s*kỳ|trước|\b20\d\d\b|\d{1,2}/\d{4})", re.I)
TIME_CELL = re.compile(
    r"^(?:(?:Trước|Trong|Hoàn\s*thành|Chậm\s*nhất)?\s*(?:Tháng|Quý|Năm)\s*[\dIVX]+(?:\s*(?:/|năm)\s*\d{4})?|"
    r"(?:Năm\s*)?20\d\d(?:\s*(?:và|-|,)\s*(?:hằng|hàng)\s*năm)?|Thường\s*xuyên|(?:Hằng|Hàng|Định\s*kỳ)\s*\w+(?:\s+\w+)?|"
    r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}|Trước\s*(?:ngày\s*)?\d{1,2}/\d{1,2}/\d{4})$", re.I | re.U)
TIME_RANGE = re.compile(r"^20\d\d\s*-\s*20\d\d$")  # "2026 - 2030": a cell of its own
ROW_NUMBER = re.compile(r"^(\d{1,3})\.?$")
SUB_ROW = re.compile(r"^([a-zđ])\)$")
ROW_WITH_TEXT = re.compile(r"^(\d{1,3})\.?\s+(\S.*)$")
HEADER_START = re.compile(r"^(?:STT|TT|Số\s*TT)\b", re.I)


def _kind(cell: str) -> str | None:
    f = fold(cell)
    for kind, rx in COLUMN_KINDS:
        if rx.search(f):
            return kind
    return None


MONTH_CELL = re.compile(r"^(?:(?P<first>\d{1,2})\s*[-–]\s*)?(?P<m>\d{1,2})\s*/\s*(?P<y>20\d\d)$")


def _month_cell(time: str) -> str:
    """A time cell that holds a month or a span of months ("12/2019", "3-12/2020"): done by the end of the
    (last) month, written the way a deadline phrase says it ("tháng 12/2020")."""
    m = MONTH_CELL.match(time)
    return f"tháng {int(m.group('m'))}/{m.group('y')}" if m and 1 <= int(m.group("m")) <= 12 else time


# a lead cell that names who directs and who carries out: "Bộ Tài chính chỉ đạo Sở Giao dịch chứng khoán Việt Nam và
# Tổng Công ty lưu ký … thực hiện" — the body that directs leads, the ones it directs take part
DIRECTS_IN_CELL = re.compile(r"^(?P<lead>[^,;:.]{3,80}?)\s+chỉ\s*đạo\s+(?P<by>[^;:]{3,200}?)(?:\s+thực\s*hiện)?\s*\.?$",
                             re.U)


def _row_line(number: str, cells: dict[str, str]) -> str:
    if (directs := DIRECTS_IN_CELL.match(cells.get("lead", "").strip())) is not None:
        cells = {**cells, "lead": directs.group("lead"),
                 "support": ", ".join(c for c in (directs.group("by"), cells.get("support", "").strip()) if c)}
    parts = [f"{number}. {cells.get('content', '').strip()}"]
    if cells.get("product"):
        parts.append(f"– {cells['product'].strip()}.")  # the deliverable, read with the work as the table reads
    if cells.get("lead"):
        parts.append(f"Cơ quan chủ trì: {cells['lead'].strip()}.")
    if cells.get("support"):
        parts.append(f"Cơ quan phối hợp: {cells['support'].strip()}.")
    if cells.get("time"):
        parts.append(f"Thời gian hoàn thành: {_month_cell(cells['time'].strip())}.")
    if cells.get("leader"):
        parts.append(f"Lãnh đạo phụ trách: {cells['leader']}.")
    return " ".join(p for p in parts if p.strip())


def _cells(line: str) -> list[str]:
    """The cells of a "|" row: a Markdown row has pipes at both ends; a row of a converted document ("a | b | c")
    has none, and a pipe at its start or end stands for an empty first or last cell."""
    body = line.strip()
    if body.startswith("|") and body.endswith("|") and len(body) > 1:
        body = body[1:-1]
    return [c.strip() for c in body.split("|")]


def _header_cells(cells: list[str]) -> bool:
    """A header row names its columns in a few words; a data row that happens to say "nhiệm vụ" and "tiến độ"
    holds a row number or a long cell."""
    return not ROW_NUMBER.match(cells[0]) and all(len(c) <= 80 for c in cells)


def _sub_header(cells: list[str], columns: list[str | None]) -> list[str | None] | None:
    """The second header row under a spanning cell ("Thực hiện" over "Đơn vị chủ trì | Đơn vị phối hợp"): the
    columns as the two rows name them together; None when the row is not such a header."""
    kinds = [_kind(c) if c else None for c in cells]
    if cells[0] or "content" in kinds or not ({"lead", "support"} & set(kinds)) or len(cells) < len(columns):
        return None
    return [kinds[k] if cells[k] else (columns[k] if k < len(columns) else None) for k in range(len(cells))]


ARTICLE_LINE = re.compile(r"^Điều\s*\d{1,3}\s*[.:]\s*[A-ZĐÀ-Ỹ]", re.U)
GROUP_CELL = re.compile(r"^(?:[IVX]{1,4}|\d{1,2}|[a-zđ])\.?$")


def rewrite_tables(lines: list[str]) -> list[str]:
    out: list[str] = []
    columns: list[str | None] | None = None
    last_time = ""  # a table that opens with its time column merges that cell down its rows
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.count("|") >= 2 or columns and line.count("|") == 1:
            cells = _cells(line)
            if columns and "number" not in columns and len([c for c in cells if c]) == 2 and \
                    GROUP_CELL.match(cells[0]) and cells[1]:
                out.append(f"{cells[0].rstrip('.')}. {cells[1]}")  # "I | GIAI ĐOẠN 1: …", "1 | Lập nhiệm vụ": a group
                i += 1
                continue
            if columns and (merged := _sub_header(cells, columns)) is not None:
                columns = merged
                i += 1
                continue
            if columns and len(cells) == len(columns) + 1 and not cells[-1]:
                cells = cells[:-1]
            if columns and re.fullmatch(r"\(?\d{1,2}\)?", cells[0] or "(1)") and \
                    all(re.fullmatch(r"\(?\d{1,2}\)?", c) for c in cells if c):
                i += 1  # the column numbers under a header: "(1) | (2) | (3)"
                continue
            if columns and len(columns) - 2 <= len(cells) < len(columns) and line.rstrip().endswith("|"):
                cells += [""] * (len(columns) - len(cells))  # empty last cells ("… | Thường xuyên | ")
            kinds = [_kind(c) for c in cells]
            if "content" in kinds and ("lead" in kinds or "time" in kinds) and _header_cells(cells):
                columns = kinds
                last_time = ""
                nxt = next((j for j in range(i + 1, min(i + 4, len(lines))) if not _header_fragment(lines[j])), None)
                if nxt is not None and ROW_NUMBER.match(lines[nxt]):
                    # a Markdown header over rows flattened one cell per line
                    i = _flattened(lines, i, out)
                    columns = None
                    continue
                i += 1
                continue
            if columns and len(cells) == len(columns):
                row = {k: v for k, v in zip(columns, cells, strict=True) if k}
                number = row.get("number", "").rstrip(".")
                if ROW_NUMBER.match(number or "") and row.get("content"):
                    out.append(_row_line(number, row))
                    i += 1
                    continue
                if "number" not in columns and row.get("content") and (row.get("lead") or row.get("time")):
                    # no number column ("Thời gian | Nội dung | Chủ trì | Phối hợp"): each row is a bullet of the
                    # group above; an empty leading time cell is the time of the row above, merged down
                    if columns[0] == "time" and columns.index("time") < columns.index("content"):
                        last_time = row.get("time") or last_time
                        row["time"] = last_time
                    out.append("- " + _row_line("", row)[2:])
                    i += 1
                    continue
                if not number and row.get("content") and not any(row.get(k) for k in ("lead", "time")):
                    out.append(row["content"])  # a group heading row ("I. …")
                    i += 1
                    continue
                if not number and row.get("content") and row.get("lead"):
                    # a row without its number under a numbered one (a merged number cell): a sub-row of it
                    out.append("- " + _row_line("", row)[2:])
                    i += 1
                    continue
            out.extend(c for c in cells if c)
            i += 1
            continue
        if HEADER_START.match(line) and _looks_like_header(lines[i: i + 14]):
            i = _flattened(lines, i, out)
            continue
        out.append(line)
        i += 1
    return out


HEADER_WORDS = frozenset(
    "stt tt so thu tu ten nhiem vu cu the noi dung co quan don vi chu tri phoi hop thuc hien ket qua san pham "
    "thoi gian han hoan thanh tien do can bo sung ghi chu kinh phi du kien hinh thuc giai phap hoat dong".split())


def _header_fragment(line: str) -> bool:
    """A piece of a column header repeated on a new page ("Cơ quan", "chủ trì", "hoàn thành")."""
    words = fold(line).split()
    return bool(words) and all(w in HEADER_WORDS for w in words)


def _looks_like_header(window: list[str]) -> bool:
    kinds = {_kind(c) for c in window}
    return "content" in kinds and ("lead" in kinds or "time" in kinds)


def _flattened(lines: list[str], start: int, out: list[str]) -> int:
    """A table flattened one cell per line: skip the header, then cut rows at their numbers.
    Page numbers and running heads inside the table are dropped (a row number is the next in turn)."""
    i = start + 1
    while i < len(lines) and not ROW_NUMBER.match(lines[i]) and not ARTICLE_LINE.match(lines[i]) and \
            i - start < 20 and \
            not ((first := ROW_WITH_TEXT.match(lines[i])) and first.group(1) == "1" and _header_fragment(lines[i - 1])):
        i += 1
    if i < len(lines) and ARTICLE_LINE.match(lines[i]):
        out.extend(lines[start:i])  # no row before the next article: a quoted passage's cells, not a table
        return i
    header = {_kind(h) for h in lines[start:i]}
    header_text = fold(" ".join(lines[start:i]))
    # a row with no number of its own starts where a new content cell follows the last cell of the row above
    # (PDF extraction puts the numbers of several rows together, away from their rows); not in tables whose
    # later columns hold free text (product, notes), where a long capitalised line may be such a cell
    implicit_rows = not header & {"product", "note"}
    person_column = bool(re.search(r"ca nhan|lanh dao phu trach|nguoi phu trach", header_text))
    expected = 1
    row: list[str] = []
    number = ""

    def flush() -> None:
        if number and row:
            cells = _split_row(row, support_column="support" in header, person_column=person_column,
                               second_lines=implicit_rows)
            if number.endswith(")"):
                out.append(_row_line(number.rstrip(")"), cells).replace(f"{number.rstrip(')')}. ", number + " ", 1))
            elif not any(cells.get(k) for k in ("lead", "time", "support")):
                out.append(f"{number}. {cells.get('content', '')}".strip())  # a group row: heading of its sub-rows
            else:
                out.append(_row_line(number, cells))

    while i < len(lines):
        line = lines[i]
        m = ROW_NUMBER.match(line)
        inline = ROW_WITH_TEXT.match(line)
        sub = SUB_ROW.match(line)
        if sub and number:
            # "a)" alone on its line: a sub-row of the numbered row above, which becomes its heading
            flush()
            number, row = f"{sub.group(1)})", []
        elif m and int(m.group(1)) in (expected, 1) and (row or not number):
            flush()
            number, row = m.group(1), []
            expected = int(m.group(1)) + 1
        elif inline and int(inline.group(1)) == expected and (row or not number):
            flush()  # "10.  Xây dựng Luật …": the number and the first cell on one line
            number, row = inline.group(1), [inline.group(2)]
            expected += 1
        elif m:
            pass  # a page number
        elif ARTICLE_LINE.match(line):
            # "Điều 2. Tổ chức thực hiện": the decision's next article, after a table quoted in the one above — the
            # table has ended (its rows never run on into the articles)
            flush()
            return i
        elif re.match(r"^(?:Nơi\s*nhận|[IVX]+\.\s)", line) and not row:
            flush()
            number, row = "", []
            out.append(line)
        elif (group := GROUP_ROW.match(line)) and number:
            # "II Nhiệm vụ thực hiện theo lộ trình …", "II.1 Hoàn thiện thể chế …": a group heading row
            flush()
            number, row = "", []
            out.append(f"{group.group('r').split('.')[0]}. {group.group('t')}")
        elif implicit_rows and number and row and _new_content(line, row):
            flush()
            number, row = str(expected), [line]
            expected += 1
        elif HEADER_START.match(line) and _looks_like_header(lines[i: i + 14]):
            # the header repeated on a new page: skip it, the rows go on
            i += 1
            while i < len(lines) and _header_fragment(lines[i]):
                i += 1
            continue
        else:
            row.append(line)
        i += 1
    flush()
    return i


GROUP_ROW = re.compile(r"^(?P<r>[IVX]{1,4}(?:\.\d{1,2})*)\.?\s+(?P<t>[A-ZĐÀ-Ỹ].{5,})$", re.U)
# a unit name wrapped after its body word: "Đảng ủy" / "UBND tỉnh", "Ủy ban" / "nhân dân tỉnh"
BODY_END = re.compile(r"(?:Đảng\s*[ủu][yỷ]|[ỦU][yỷ]\s*ban|Ban|Sở|Bộ|Hội\s*đồng|Văn\s*phòng)$", re.U)
PERSON_CELL = re.compile(r"^(?:Đồng\s*chí|Đ/c|Ông|Bà)\b", re.U)
CONTENT_MIN = 40


def _person_name(cell: str) -> str:
    """The name in a supervising person's cell: "Đồng chí Phan Trung Bá - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh" →
    "Phan Trung Bá" (the offices after the name are the cell's description of the person)."""
    name = PERSON_CELL.sub("", cell.strip(), count=1).strip(" .:")
    return re.split(r"\s+-\s+|\s*[,;(]\s*", name, maxsplit=1)[0].strip()


def _new_content(line: str, row: list[str]) -> bool:
    """A long capitalised line after the row's unit cell: the content cell of the next row."""
    if len(line) < CONTENT_MIN or not line[:1].isupper() or UNIT_START.match(line) or PERSON_CELL.match(line) or \
            TIME_CELL.match(line) or re.match(r"^(?:Trước|Trong|Tháng|Quý|Năm)\b", line):
        return False
    if re.search(r"[,\-–]$|\b(?:của|với|cho|về|theo|tại|và|các|đến|thuộc|ở|trong|trên|ngày|số)$", row[-1].rstrip()):
        return False  # the cell above goes on
    return any(UNIT_START.match(ln) for ln in row[1:])


PREPOSITION_END = re.compile(r"\b(?:của|với|cho|về|theo|tại|và|các|đến|thuộc|ở|trong|trên)$", re.I | re.U)
# a unit named at the very end of a content line, not after a preposition
GLUED_LEAD = re.compile(r"(?<!của)(?<!với)(?<!cho)(?<!về)(?<!theo)(?<!tại)(?<!và)\s(?P<u>(?:Bộ|Sở|Cục|Tổng\s*cục|"
                        r"Ủy\s*ban\s*nhân\s*dân|UBND|Văn\s*phòng)\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]*(?:\s+[a-zà-ỹđ]+){0,4})$", re.U)


# a unit cell that ends with a body word alone ("Viện Khoa học lâm nghiệp Việt Nam, Cục"): its name is on the next line
BARE_BODY_END = re.compile(r"(?:^|[,;]|\bvà)\s*(?:Cục|Tổng\s*cục|Chi\s*cục|Vụ|Viện|Sở|Bộ|Ban|Trung\s*tâm|Phòng|"
                           r"Văn\s*phòng|Ủy\s*ban|UBND)$", re.U)


def _time_line(line: str) -> bool:
    """A line that is a time cell ("Trước ngày 07/5/2027", "Quý II/2027", "Thường xuyên")."""
    return bool(TIME_CELL.match(line.strip(" .;")) or TIME_RANGE.match(line.strip()))


def _wrapped_cells(content: list[str], rest: list[str]) -> tuple[list[str], list[str]] | None:
    """A row whose cells the extraction wrote line by line across the row: the first line of each cell (work, units,
    time), then the second line of the cells that wrap — "… đo đạc, báo cáo, thẩm định" / "Viện X, Cục" / "Vụ Y; …" /
    "Trước ngày 07/5/2027" / "kết quả giảm phát thải; …" / "Lâm nghiệp và Kiểm lâm". Each line after the time goes
    back to the next cell, in column order, that is left open: the work when it has not ended and the line goes on
    in lower case, a unit cell that ends with a body word, a comma or "và". None when the row is not of that shape
    or a line fits no cell."""
    at = next((k for k, ln in enumerate(rest) if _time_line(ln)), None)
    if at is None or not 1 <= at <= 2 or at == len(rest) - 1 or not all(UNIT_START.match(u) for u in rest[:at]):
        return None
    columns = [list(content), *([u] for u in rest[:at])]

    def takes(col: int, line: str) -> bool:
        last = columns[col][-1].rstrip()
        if col == 0:
            return line[:1].islower() and not last.endswith((".", ";", ":", "!", "?"))
        if _time_line(line) or UNIT_START.match(line) and not last.endswith((",", "và")):
            return False
        return bool(BARE_BODY_END.search(last)) and line[:1].isupper() or last.endswith((",", "và", ";"))

    col = 0
    for line in rest[at + 1:]:
        fits = next((c for c in [*range(col, len(columns)), *range(col)] if takes(c, line)), None)
        if fits is None:
            return None
        columns[fits].append(line)
        col = fits + 1
    return columns[0], [" ".join(c) for c in columns[1:]] + [rest[at]]


def _split_row(row: list[str], *, support_column: bool = True, person_column: bool = False,
               second_lines: bool = False) -> dict[str, str]:
    """Content lines, then the lead cell (starts with a unit name), the support cell (the
    next unit name), then product and time (the last lines that look like a time). Without a support
    column the next unit name is the supervising person's cell, which is neither. With `second_lines` (a table with
    no free-text column after its units), lines after the time cell are the cells' second lines (`_wrapped_cells`)."""
    content: list[str] = []
    j = 0
    while j < len(row) and not (content and UNIT_START.match(row[j]) and not PREPOSITION_END.search(content[-1])):
        content.append(row[j])
        j += 1
    if content and j < len(row) and (glued := GLUED_LEAD.search(content[-1])) and glued.start() > 0:
        # PDF extraction put the lead cell at the end of a content line: "… pháp luật Bộ Tư pháp"
        row = row[:j] + [glued.group("u")] + row[j:]
        content[-1] = content[-1][: glued.start()].rstrip()
        j = len(content)
    if second_lines and (wrapped := _wrapped_cells(content, row[j:])) is not None:
        content, row = wrapped[0], wrapped[0] + wrapped[1]
        j = len(content)
    cells: dict[str, str] = {"content": " ".join(content)}
    groups: list[list[str]] = []
    for line in row[j:]:
        last = groups[-1][-1] if groups else ""
        if person_column and groups and PERSON_CELL.match(groups[-1][0]) and not PERSON_CELL.match(line) and \
                not TIME_CELL.match(line) and not re.match(r"^(?:Trước|Trong|Tháng|Quý|Năm|Thường\s*xuyên|\d)", line):
            groups[-1].append(line)  # "Đồng chí …" / "Tỉnh ủy viên, Phó Chủ" / "tịch UBND tỉnh": one person's cell
        elif groups and (PREPOSITION_END.search(last) or BODY_END.search(last) and UNIT_START.match(line)):
            groups[-1].append(line)  # "Các bộ ở" / "Trung ương": a name wrapped after a preposition
        elif groups and BARE_BODY_END.search(last) and line[:1].isupper() and not UNIT_START.match(line) and \
                not _time_line(line):
            groups[-1].append(line)  # "Viện X, Cục" / "Lâm nghiệp và Kiểm lâm": a unit's name cut after its body word
        elif groups and re.fullmatch(r"(?:Tháng|Quý|Năm|Trước|Trong)", last.strip(), re.I):
            groups[-1].append(line)  # "Tháng" / "3/2026"
        elif groups and (last.endswith(("ngày", "số")) or not TIME_CELL.match(line) and not TIME_RANGE.match(line) and (
                line[:1].islower() or last.endswith((",", "và", "-")))):
            groups[-1].append(line)  # a cell wrapped onto the next line
        elif not groups or UNIT_START.match(line) or line[:1].isupper() or TIME_CELL.match(line) or \
                TIME_RANGE.match(line):
            groups.append([line])
        else:
            groups[-1].append(line)
    if person_column and not support_column:
        # no support column: the lead cell goes on until the person's cell or the time ("Ban Tuyên giáo" / "Tỉnh ủy")
        while len(groups) > 1 and UNIT_START.match(groups[0][0]) and not PERSON_CELL.match(groups[1][0]) and \
                not TIME_CELL.match(" ".join(groups[1])) and not TIME_TOKEN.search(groups[1][0]):
            groups[0] += groups.pop(1)
    texts = [" ".join(g) for g in groups]
    if texts and UNIT_START.match(texts[0]):
        cells["lead"] = texts.pop(0)
    if texts and UNIT_START.match(texts[0]) and not (person_column and PERSON_CELL.match(texts[0])):
        support = texts.pop(0)
        if support_column or not person_column:
            cells["support"] = support
    if person_column:
        if people := [_person_name(t) for t in texts if PERSON_CELL.match(t)]:
            cells["leader"] = ", ".join(dict.fromkeys(p for p in people if p))
        texts = [t for t in texts if not PERSON_CELL.match(t)]
    # the time column holds only a time ("Tháng 3/2026", "Quý II/2027", "2026", "Thường xuyên");
    # a cited document's date ("Nghị quyết số 23/NQ-CP ngày 07/02/2026") is not it
    times = [t for t in texts if TIME_CELL.match(t.strip(" .;"))] or [
        t for t in texts if TIME_TOKEN.search(t) and len(t) < 40 and not re.search(r"\bsố\b|/[A-ZĐ]", t)]
    if times:  # several deliverables, several times: the task is done by the last
        cells["time"] = "; Thời gian hoàn thành: ".join(times)
    rest = [t for t in texts if t not in times]
    if rest:
        cells["product"] = " ".join(rest)
    return cells


# ---------------------------------------------------------------- the work of a row

# the cells `_row_line` (and `plantables.item_fields`) write after a row's work; what people read of the task is the
# work, and the cells are the task's fields (lead, support, due, leaders)
ROW_FIELD = re.compile(r"\s(?P<label>Cơ quan chủ trì|Cơ quan phối hợp|Thời gian hoàn thành|Thời gian thực hiện|"
                       r"Lãnh đạo phụ trách): ", re.U)
# a field of the row that is no doer nor time ("Kết quả: …", "Địa điểm: …", "Kinh phí: …"): part of what people read
OTHER_FIELD = re.compile(r"\s(?=(?:Kết\s*quả|Sản\s*phẩm|Địa\s*điểm|Kinh\s*phí|Nguồn\s*kinh\s*phí|Hình\s*thức|"
                         r"Thành\s*phần|Quy\s*mô|Ghi\s*chú)(?:\s+\w+){0,2}\s*:\s)", re.U)


def row_work(text: str) -> tuple[str, str | None]:
    """The work a table row's text holds, without the cells that follow it, and the row's time cell:
    "Tổ chức hội nghị …. Cơ quan chủ trì: Sở X. Cơ quan phối hợp: Y. Thời gian hoàn thành: Thường xuyên." →
    ("Tổ chức hội nghị ….", "Thường xuyên"). Other fields among the cells ("Kết quả: …") stay with the work. A text
    with no doers' cell, or with nothing before the cells, is kept whole."""
    cells = list(ROW_FIELD.finditer(text))
    # (a row names its doers; a time field alone closes a paragraph of the notice's own — "… Thời gian hoàn thành: Đề
    # cương trước …; dự thảo trước …" — whose words are the work's)
    if not cells or not text[: cells[0].start()].strip() or \
            not any(m.group("label").startswith("Cơ quan") for m in cells):
        return text, None
    cuts = sorted([(m.start(), m.group("label")) for m in cells] +
                  [(m.start(), "") for m in OTHER_FIELD.finditer(text) if m.start() > cells[0].start()])
    kept, times = [text[: cells[0].start()].rstrip()], []
    for (at, label), (end, _) in zip(cuts, [*cuts[1:], (len(text), "")], strict=True):
        piece = text[at:end].strip()
        if not label:
            kept.append(piece)
        elif label.startswith("Thời gian"):
            times.append(piece[len(label) + 1:].strip().rstrip(";.").strip())
    return " ".join(kept), "; ".join(t for t in times if t) or None
