"""Plans issued with a decision whose task list is a table written out as prose (round 29).

Two things a text copy of such a decision does that the tree parser did not read:

* the plan's title and its issuing note share one line, after the signature — "KẾ HOẠCH TRIỂN KHAI … (Ban hành kèm
  theo Quyết định số 173/QĐ-BTP ngày … của Bộ trưởng …)", even glued to the signer's name — so the plan was never
  read as an attachment (`glued_attachment`);
* each item of work is followed by field lines that name its doers and its time, as the cells of a table row would —
  "- Cơ quan thực hiện: Sở X chủ trì, phối hợp với Y; Z." / "- Đơn vị chủ trì: A." / "- Đơn vị phối hợp: B, C." /
  "- Thời gian thực hiện: Quý II/2015." (`item_fields`).
"""

from __future__ import annotations

import re

from bot.ingest.units import UNIT_START, name_prefix

# "(Ban hành kèm theo Quyết định số 435/QĐ-UBND, ngày 04 tháng 5 năm 2020 của Ủy ban nhân dân tỉnh Kon Tum)" closing
# a line that holds more than the note: the attachment's title (or the signature and the title) before it
GLUED_NOTE = re.compile(r"\S.*\(\s*(?:[Bb]an\s*hành\s*)?[Kk]èm\s*theo\s*(?:Quyết\s*định|Nghị\s*quyết|Chỉ\s*thị)\s*"
                        r"(?:số\s*)?[^()]{0,200}\)\s*\.?\s*$", re.U)


def glued_attachment(lines: list[str], end: int) -> int | None:
    """The first line after the body (from `end`) that holds an attachment's title with its issuing note glued to
    it; the attachment's text starts on the line after it. None when there is no such line."""
    return next((i for i in range(end, len(lines))
                 if GLUED_NOTE.match(lines[i]) and _caps_words(lines[i].split("(")[0])), None)


def _caps_words(text: str) -> bool:
    """Two words in capitals in a row: a title ("KẾ HOẠCH TRIỂN KHAI …"), not a sentence that cites a decision."""
    caps = [len(w) > 1 and w.isupper() for w in text.split()]
    return any(a and b for a, b in zip(caps, caps[1:], strict=False))


# ---------------------------------------------------------------- item fields

# a field line that names an item's doers or its time: "- Cơ quan thực hiện: …", "- Đơn vị chủ trì: …", "Đơn vị phối
# hợp: …", "* Thời gian thực hiện: …", "- Thời hạn hoàn thành: …"
FIELD_LINE = re.compile(
    r"^(?:[-–+*•]\s*)?(?P<label>(?:Cơ\s*quan|Đơn\s*vị)\s*(?P<role>chủ\s*trì|thực\s*hiện|phối\s*hợp)(?:\s*thực\s*hiện)?|"
    r"Thời\s*gian\s*(?:thực\s*hiện|hoàn\s*thành)|Thời\s*hạn(?:\s*hoàn\s*thành)?)\s*:\s*(?P<v>.*)$", re.U)
# the time field glued to the end of the doers' line: "… và địa phương -Thời gian thực hiện: Thường xuyên."
GLUED_TIME = re.compile(r"\s+[-–]\s*(?=(?:Thời\s*gian\s*(?:thực\s*hiện|hoàn\s*thành)|Thời\s*hạn)\s*:)", re.U)
# an item's number: "1.2.", "2.10.", "3.", "a)", "đ)"
ITEM_MARK = re.compile(r"^(?P<m>\d{1,2}(?:\.\d{1,2}){0,2}\.|\d{1,2}(?:\.\d{1,2}){1,2}|[a-zđ]\))(?=\s|$)", re.U)
BARE_MARK = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,2}\.$")  # "1.4." alone on its line: the item's text is below
# a doer line that says who leads and who works with it: "Sở X chủ trì, phối hợp với Y; Z", "Sở X chủ trì phối hợp
# với …"; the work the lead does after its partners' names ("… tham mưu thực hiện") is not a partner's name
LEADS_WITH = re.compile(r"^(?P<lead>.+?)\s+chủ\s*trì\s*,?\s*(?:(?:và\s*)?phối\s*hợp\s*(?:với|cùng)\s*)?(?P<sup>.*)$",
                        re.U)
PARTNERS_TAIL = re.compile(r"\s+(?:tham\s*mưu\s*)?(?:tổ\s*chức\s*)?(?:triển\s*khai\s*)?thực\s*hiện\s*\.?$", re.U)


def _level(mark: str) -> tuple[str, int]:
    """An item number's kind and depth: ("num", 2) for "1.2.", ("letter", 0) for "a)"."""
    if mark.endswith(")"):
        return "letter", 0
    return "num", mark.rstrip(".").count(".") + 1


def _split_numbering(lines: list[str]) -> list[str]:
    """Item numbers a flattened copy put on the wrong line: "1.4." alone above its text, "… tiến bộ 1.1." closing the
    heading above its first item, "3. Giải quyết … 3.1. Rà soát …" with its first item on the heading's line."""
    out: list[str] = []
    for ln in lines:
        if out and (BARE_MARK.match(out[-1]) or _next_top(out)) and ln[:1].isupper() and not ITEM_MARK.match(ln):
            out[-1] = f"{out[-1]} {ln}"
            continue
        top = re.match(r"^(?P<n>\d{1,2})\.\s+\S", ln)
        if top:
            inner = re.search(rf"\s(?P<m>{top.group('n')}\.1\.)(?:\s+(?P<t>[A-ZĐÀ-Ỹ].*))?$", ln)
            if inner:
                out.append(ln[: inner.start()].rstrip())
                out.append(inner.group("m") + (f" {inner.group('t')}" if inner.group("t") else ""))
                continue
        out.append(ln)
    return out


def _next_top(out: list[str]) -> bool:
    """"2." alone on the last line, after an item "1." above: the number of the next item, whose text is below."""
    bare = re.fullmatch(r"(\d{1,2})\.", out[-1])
    if bare is None or bare.group(1) == "1":
        return False
    before = str(int(bare.group(1)) - 1)
    return any(re.match(rf"^{before}\.(?!\d)", ln) for ln in out[-40:-1])


def _doers(role: str, value: str) -> tuple[str, str]:
    """The lead and the partners a doers field names."""
    value = value.strip().rstrip(".;").strip()
    if re.match(r"phối\s*hợp", role):
        return "", PARTNERS_TAIL.sub("", value)
    m = LEADS_WITH.match(value)
    if m and m.group("lead").strip():
        return m.group("lead").strip(" ,;"), PARTNERS_TAIL.sub("", m.group("sup").strip(" ,;."))
    name = name_prefix(value)
    if name and len(name) < len(value) and re.match(r"\s+[a-zà-ỹđ]", value[len(name):]) and UNIT_START.match(name):
        return name.strip(" ,;"), ""  # "Sở X đôn đốc, hướng dẫn các đơn vị …": X, who does the work the line tells
    return value, ""


def item_fields(lines: list[str]) -> list[str]:
    """Items of work each followed by the field lines of their table row — who leads, who works with it, by when —
    rewritten as one line per item in the shape of a table row (see `bot.ingest.tables`): "1.2. <work> Cơ quan chủ
    trì: X. Cơ quan phối hợp: Y. Thời gian thực hiện: Z." The fields are those of every item of the same level since
    the previous fields or the heading above ("1.1." and "1.2." before one "- Cơ quan thực hiện: …"). A block must
    name a lead and follow a numbered or lettered item whose lines hold no bullets of their own; fields among others
    ("Địa điểm", "Kinh phí": an event's description) and lines closing a list of bullets are left as they are."""
    lines = _split_numbering(lines)
    out: list[str] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not FIELD_LINE.match(ln):
            out.append(ln)
            i += 1
            continue
        # the block of field lines (a dash line in lower case goes on with the field above: a page break)
        block: list[str] = []
        j = i
        while j < len(lines) and (FIELD_LINE.match(lines[j]) or block and re.match(r"^[-–]\s*\S", lines[j]) and
                                  lines[j].lstrip("-– ")[:1].islower()):
            if FIELD_LINE.match(lines[j]):
                block += GLUED_TIME.split(lines[j])
            else:
                block[-1] += " " + lines[j].lstrip("-– ")
            j += 1
        fields = [FIELD_LINE.match(b) for b in block]
        lead, partners, time = "", "", ""
        for f in fields:
            if f is None:
                continue
            if f.group("role"):
                own, sup = _doers(f.group("role"), f.group("v"))
                lead, partners = lead or own, "; ".join(p for p in (partners, sup) if p)
            else:
                # "Cả năm 2015": the work runs through the year and is done with it, as "trong năm 2015" says
                time = re.sub(r"^[Cc]ả\s+năm\s+(?=(?:19|20)\d\d\b)", "trong năm ", f.group("v").strip().rstrip("."))
        nxt = lines[j] if j < len(lines) else ""
        run = _run_above(out)
        if not lead or run is None or FIELD_LABEL_OTHER.match(nxt):
            out.extend(lines[i:j])
            i = j
            continue
        start, items = run
        suffix = f" Cơ quan chủ trì: {lead}."
        if partners:
            suffix += f" Cơ quan phối hợp: {partners}."
        if time:
            suffix += f" Thời gian thực hiện: {time}."
        rows = [" ".join(out[a:b]).rstrip() for a, b in items]
        del out[start:]
        out.extend(row + ("" if row.endswith((".", ";", ":")) else ".") + suffix for row in rows)
        i = j
    return out


# other fields of an item (an event's place, its budget): the block describes the event, not a task's doers
FIELD_LABEL_OTHER = re.compile(r"^(?:[-–+*•]\s*)?(?:Địa\s*điểm|Kinh\s*phí|Nguồn\s*kinh\s*phí|Thời\s*gian\s*dự\s*kiến|"
                               r"Quy\s*mô|Thành\s*phần|Hình\s*thức)(?:\s*\w+){0,2}\s*:", re.U)


def _run_above(out: list[str]) -> tuple[int, list[tuple[int, int]]] | None:
    """Where the items the fields belong to start in `out`, and each item's span of lines: the nearest numbered or
    lettered item and its siblings above it back to the previous fields, a higher item or a title. None when the
    fields do not follow such an item (bullets, an event's description, a closing line of a list)."""
    k = len(out) - 1
    while k >= 0 and not ITEM_MARK.match(out[k]):
        if re.match(r"^[-–+*•]", out[k]) or FIELD_LINE.match(out[k]) or FIELD_LABEL_OTHER.match(out[k]) or \
                re.match(r"^[IVX]{1,4}\.\s", out[k]) or "Cơ quan chủ trì:" in out[k]:
            return None
        k -= 1
    if k < 0:
        return None
    mark = ITEM_MARK.match(out[k])
    assert mark is not None
    level = _level(mark.group("m"))
    starts = [k]
    p = k - 1
    while p >= 0:
        m = ITEM_MARK.match(out[p])
        if m is not None:
            if _level(m.group("m")) != level or "Cơ quan chủ trì:" in out[p]:
                break
            starts.insert(0, p)
        elif re.match(r"^[-–+*•]", out[p]) or FIELD_LINE.match(out[p]) or re.match(r"^[IVX]{1,4}\.\s", out[p]) or \
                FIELD_LABEL_OTHER.match(out[p]) or out[p].isupper():
            q = p
            while q >= 0 and re.match(r"^[-–+*•]", out[q]):
                if FIELD_LABEL_OTHER.match(out[q]):
                    return None  # the item above is an event told by its place and budget: so is this one
                q -= 1
            break
        p -= 1
    spans = [(a, b) for a, b in zip(starts, [*starts[1:], len(out)], strict=True)]
    return starts[0], spans
