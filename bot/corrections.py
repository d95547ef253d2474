"""An admin's corrections to a draft, typed as a reply to its preview (pure parsing):

    3: Sở Tài chính          lead unit of task 3 (the preview's numbering); several: "3: Sở A, Sở B"
    Mục 2.1: Sở Tài chính    … of the task with item number 2.1
    3 phối hợp: Sở Nội vụ    supporting units ("3 phối hợp: không" removes them)
    3 nội dung: …            the task's wording (a line glued onto it, a text cut short)
    3 hạn 30/4/2026          deadline of task 3, any form parse_when reads ("3 hạn cuối tháng sau");
                             "3 hạn không" removes it; "3 hạn trước ngày 15 hằng tháng" makes it recurring
    1.a hạn 30/4             an item number no preview number can be is the item so numbered ("mục 1.a")
    bỏ 3                     drop task 3 ("bỏ 3, 5 và 7", "bỏ 3, bỏ 5": several)
    thêm: Sở Nội vụ rà soát …, trước ngày 20/5
                             add a task the parser missed, read as a notice item reads (units, deadline,
                             recurrence); "thêm mục 2.4: …" gives its item number
Typed without marks too ("bo 3", "3 han 30/4", "them: …").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bot.datetext import WhenUnclear, parse_when
from bot.ingest.dates import find_recurrence, pick_deadline
from bot.ingest.parser import read_task
from bot.ingest.units import split_units
from scheduler.calendar import VN_TZ
from storage.corrections import Correction
from storage.errors import NhacViecError
from storage.unitgroups import read_group
from storage.vntext import fold, nfc, strip_marks

_ADD_WORD = r"(?:thêm|them|bổ\s*sung|bo\s*sung)"  # "thêm", "bổ sung", typed with or without marks
_DROP_WORD = r"(?:bỏ|bo|xóa|xoá|xoa|loại|loai)"
# a task: its number in the preview, or its item number after "mục" ("mục 2.1", "mục c"), or an item number
# that no preview number can be ("1.a", "3.b", "II.2")
_ONE = r"(?:(?:mục|muc)\s+[^\s,;:]+|(?:[IVXivx]{1,4}|\d{1,3})(?:\.(?:\d{1,3}|[a-zđA-ZĐ])(?![\w]))+\.?|\d{1,3})"
_AND = r"\s*(?:,|;|&|\bvà\b|\bva\b)\s*"
TARGET = rf"(?P<ref>{_ONE}(?:{_AND}{_ONE})*)"  # one task or several: "3", "1, 2 và 5", "mục 2.1"
# "bỏ 3", "bo 3" (typed without marks), "bỏ 3, 5 và 7", "bỏ 3, bỏ 5"
# "… vì không phải nhiệm vụ cụ thể", "(lý do: trùng mục 3)": the reason a task is dropped, only words
_REASON = r"(?:\s*[,.;:(–-]?\s*(?:vì|vi|do|bởi\s*vì|boi\s*vi|lý\s*do|ly\s*do)\b.*)?"
# (also a reason after a comma without "vì": "bỏ nhiệm vụ 11, việc của Phó Thủ tướng không theo dõi" — probe s42)
_COMMA_REASON = rf"(?:\s*[,;:–-]\s*(?!(?:{_DROP_WORD}\s+)?(?:mục|muc|nhiệm\s*vụ|nhiem\s*vu|nv)\b)[^\W\d_].*)?"
DROP = re.compile(rf"^{_DROP_WORD}\s+(?P<refs>{_ONE}(?:{_AND}(?:{_DROP_WORD}\s+)?{_ONE})*)\s*\.?"
                  rf"(?:{_REASON}|{_COMMA_REASON})$", re.I)
# "6 hạn 20/3", "6 hạn: 20/3", "6 hạn mới là 20/3", "6 hạn thành 20/3": the deadline of task 6
DUE = re.compile(rf"^{TARGET}\s*[:,]?\s*(?:thời\s*|thoi\s*)?(?:hạn|han)(?![^\W\d_])\s*:?\s*(?:(?:mới|moi)\s+)?"
                 r"(?:(?:là|la|thành|thanh)\s+|=\s*)?(?P<value>.+)$", re.I)
LEAD = re.compile(rf"^{TARGET}\s*(?:(?:chủ\s*trì|chu\s*tri)?\s*:\s*(?P<value>.+)|"
                  # "11 giao đ/c Khái", "3 giao cho Sở Y tế", "3 chuyển Văn phòng", "3 → Sở Y tế"
                  r"(?:giao(?:\s*cho)?|chuyển(?:\s*cho)?|chuyen(?:\s*cho)?|->|→)\s*:?\s*(?P<to>.+))$", re.I)
# "giống mục 2", "giống mục II.1", "như nhiệm vụ 3", "giống II.1", "tương tự mục 2": the lead of another task ("mục
# N" is the item so numbered, "1" of "II.1" too; a number alone is the preview's)
_SAME_WORD = r"(?:giống|giong|như|nhu|y\s+như|y\s+nhu|tương\s+tự|tuong\s+tu)"
SAME_AS = re.compile(rf"^{_SAME_WORD}\s+(?:(?:với|voi|như|nhu)\s+)?(?:(?:mục|muc)\s*(?P<ref>[^\s,;:]+?)"
                     r"|(?P<dotted>(?:[IVXivx]{1,4}|\d{1,3})(?:\.(?:\d{1,3}|[a-zđA-ZĐ]))+)"
                     r"|(?:(?:nhiệm\s*vụ|nhiem\s*vu|nv|số|so)\s+)?(?P<n>\d{1,3})"
                     r"|(?:(?:mục|muc|nhiệm\s*vụ|nhiem\s*vu)\s+)?(?P<above>trên|tren))\s*\.?$", re.I)
# "30: bỏ BCH Quân sự tỉnh", "30: thêm Sở Y tế": one unit out of (into) the task's leads, a group's members included
LEAD_CHANGE = re.compile(rf"^(?P<word>{_DROP_WORD}|{_ADD_WORD})\s+(?:(?:đơn\s*vị|don\s*vi)\s+)?(?P<units>\S.*)$", re.I)
SAME_START = re.compile(rf"^{_SAME_WORD}\b", re.I)  # a lead copied from another task, however it goes on
_SUPPORT_WORD = r"(?:phối\s*hợp|phoi\s*hop)"
# "3 phối hợp: Sở Nội vụ" (also without ":"): the supporting units, the list replaced
SUPPORT = re.compile(rf"^{TARGET}\s*,?\s*{_SUPPORT_WORD}\s*(?:với|voi)?\s*(?::\s*|\s+)(?P<value>\S.*)$", re.I)
# "36 thêm phối hợp Bộ Công an", "36 phối hợp thêm Bộ Công an", "36 phối hợp: bỏ Bộ Y tế", "36: bỏ phối hợp Bộ Y tế":
# one unit into (out of) the supporting units, the others kept
SUPPORT_CHANGE = re.compile(rf"^{TARGET}\s*[:,]?\s*(?:(?P<word>{_ADD_WORD}|{_DROP_WORD})\s+"
                            rf"(?:(?:đơn\s*vị|don\s*vi)\s+)?{_SUPPORT_WORD}|{_SUPPORT_WORD}\s*:?\s*(?P<after>{_ADD_WORD}|{_DROP_WORD}))"
                            r"(?:\s+(?:với|voi))?\s*:?\s*(?P<units>\S.*)$", re.I)
# what a unit does in a task, said after its name ("Văn phòng chủ trì thực hiện", "Sở Y tế tham mưu"): not part of it
_ROLE = (r"(?:chủ\s*trì|chu\s*tri|thực\s*hiện|thuc\s*hien|tham\s*mưu|tham\s*muu|triển\s*khai|trien\s*khai|"
         r"phụ\s*trách|phu\s*trach|theo\s*dõi|theo\s*doi|đôn\s*đốc|don\s*doc|"
         r"chịu\s*trách\s*nhiệm|chiu\s*trach\s*nhiem)")
_LEAD_ROLE = r"(?:(?:làm|lam)\s+)?(?:chủ\s*trì|chu\s*tri)"
# "Văn phòng chủ trì", "Văn phòng chủ trì thực hiện, Sở Ngoại vụ phối hợp", "do Văn phòng chủ trì, phối hợp với Sở
# Ngoại vụ": the lead said with its role, and the supporting units after it
LEAD_WITH_ROLE = re.compile(
    rf"^(?:(?:do|để|de)\s+)?(?P<lead>\S.*?)\s+{_LEAD_ROLE}(?:\s+{_ROLE})*"
    rf"(?:\s*[,;]?\s*(?:(?:và|va)\s+)?(?:{_SUPPORT_WORD}\s*(?:với|voi)?\s*:?\s*(?P<after>\S.*?)|"
    rf"(?P<before>\S.*?)\s+(?:(?:cùng|cung)\s+)?{_SUPPORT_WORD}(?:\s+{_ROLE})*))?\s*[.;,]?$", re.I)
TRAILING_ROLE = re.compile(rf"(?:\s+{_ROLE})+\s*[.;,]?$", re.I)


def split_roles(value: str) -> tuple[str, str | None]:
    """A unit typed with its role: "Văn phòng chủ trì" → ("Văn phòng", None); "Văn phòng chủ trì, Sở Ngoại vụ phối
    hợp" → ("Văn phòng", "Sở Ngoại vụ"); "Văn phòng thực hiện" → ("Văn phòng", None); anything else as it is."""
    value = " ".join(value.split())
    if (m := LEAD_WITH_ROLE.match(value)) is not None:
        return m["lead"].strip(" ,;"), (m["after"] or m["before"] or "").strip(" ,;.") or None
    return TRAILING_ROLE.sub("", value) or value, None


WORDING = re.compile(rf"^{TARGET}\s*,?\s*(?:nội\s*dung|noi\s*dung|nd)\s*:\s*(?P<value>.+)$", re.I)
# "thêm: …", "thêm nhiệm vụ: …", "bổ sung mục 2.4: …", "them 5: …", "thêm mục 1b: …"
ADD = re.compile(rf"^{_ADD_WORD}(?:\s+(?:nhiệm\s*vụ|nhiem\s*vu))?"
                 r"(?:\s+(?:(?:mục|muc)\s+)?(?P<ref>[0-9IVXivx]{1,6}[a-zđ]?(?:\.[0-9a-zđ]{1,3}){0,3})\.?)?"
                 r"\s*:\s*(?P<text>.+)$", re.I)
# "…, hạn 20/1/2019" at the end of an added task: its deadline, in any form parse_when reads
ADDED_DUE = re.compile(r"[,;.]?\s*\b(?:thời\s*|thoi\s*)?(?:hạn|han)\b\s*:?\s*(?P<when>[^,;]+?)\s*\.?$", re.I)
# a deadline typed without tone marks, which the notice parser does not read: "…, truoc ngay 30/4", "… cham nhat 15/5"
PLAIN_DUE = re.compile(r"\b(?:truoc|cham\s+nhat|xong\s+truoc|hoan\s+thanh\s+truoc|den)\s+(?:ngay\s+)?"
                       r"(?P<when>\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?)\s*\.?$", re.I)
# the notice itself: "số: 123/UBND-VP", "số văn bản: …", "ngày: 12/3/2026", "trích yếu: …", "người ký: …"
HEADER = re.compile(r"^(?P<field>số(?:\s*(?:văn\s*bản|hiệu|ký\s*hiệu))?|so(?:\s*(?:van\s*ban|hieu))?|"
                    r"ngày(?:\s*(?:ban\s*hành|văn\s*bản|ký))?|ngay(?:\s*(?:ban\s*hanh|van\s*ban|ky))?|"
                    r"trích\s*yếu|trich\s*yeu|người\s*ký|nguoi\s*ky)\s*:\s*(?P<value>.+)$", re.I)
_HEADER_FIELDS = {"so": "number", "ngay": "date", "trich": "subject", "nguoi": "signer"}
# "ngày ban hành 17/4/2026, số 1520/UBND-KT": the number and the date on one line, ":" left out before a value
# that opens with a digit
HEADER_LOOSE = re.compile(r"^(?P<field>số(?:\s*(?:văn\s*bản|hiệu|ký\s*hiệu))?|so(?:\s*(?:van\s*ban|hieu))?|"
                          r"ngày(?:\s*(?:ban\s*hành|văn\s*bản|ký))?|ngay(?:\s*(?:ban\s*hanh|van\s*ban|ky))?)"
                          r"(?:\s*:\s*|\s+(?=\d))(?P<value>.+)$", re.I)
_LOOSE = ("number", "date")  # the fields a line may give together (a subject may hold "…, số …")
# (also "số: 312/TB-UBND ngày 22/9/2023", as a notice's number line reads: the date after the number, no comma)
_NEXT_HEADER = re.compile(r"\s*[,;]\s*(?=(?:số|so|ngày|ngay)\b)|(?<=\S)\s+(?=(?:ngày|ngay)\s+\d)", re.I)
NONE = {"khong", "khong co", "ko", "k", "bo", "khong ai"}
NO_DEADLINE = NONE | {"khong thoi han", "khong co thoi han", "khong co han", "khong han"}
# the domain's words for work done as it comes, with no date (DOMAIN.md: "thường xuyên", "kịp thời"): no deadline
ONGOING = {"thuong xuyen", "kip thoi", "lien tuc", "thuong xuyen lien tuc", "thuong xuyen kip thoi",
           "ngay khi co yeu cau", "khi co yeu cau", "theo yeu cau", "hang ngay thuong xuyen"}
# a deadline counted in days, weeks or months ("15 ngày", "trong 10 ngày làm việc", "trong vòng 2 tuần", "15 ngày
# kể từ ngày ký"), on folded text: counted from the notice's date, as the notice's own "trong 15 ngày" is
RELATIVE = re.compile(r"^(?:(?:trong|cham nhat)\s+(?:vong\s+|thoi\s+han\s+|thoi\s+gian\s+)?)?(?P<n>\d{1,3})\s+"
                      r"(?P<unit>ngay|tuan|thang)(?P<work>\s+lam\s+viec)?"
                      r"(?:\s+(?:ke\s+)?(?:tu|tinh\s+tu)\s+ngay\s+(?:ky|ban\s+hanh|van\s+ban))?$")
# Lines only a draft can mean ("thêm: …", "số: …"): with no draft open they are answered so, not read as a notice
ONLY_FOR_A_DRAFT = re.compile(rf"^(?:{_ADD_WORD}\b[^:\n]{{0,30}}:|(?:số|trích\s*yếu|người\s*ký)\s*:)", re.I)
# "sửa 8 thành Sở Nội vụ", "đổi mục 8 thành …", "sửa 8 chủ trì là …", "8 chủ trì là Sở Nội vụ": the way a clerk
# says "8: Sở Nội vụ" (a number after "mục" here is the preview's, as the sentence is about the list shown);
# "sửa 8 hạn 30/4", "sửa 8: …": the correction with a word in front of it
_FIX_WORD = r"(?:sửa|sua|đổi|doi|chỉnh|chinh)(?:\s+(?:lại|lai))?"
_LEAD_WORD = r"(?:(?:đơn\s*vị\s*|don\s*vi\s*)?(?:chủ\s*trì|chu\s*tri)|đơn\s*vị|don\s*vi)"
REPHRASED_LEAD = re.compile(
    rf"^(?:(?P<fix>{_FIX_WORD})\s+(?:(?:nhiệm\s*vụ|nhiem\s*vu|nv|số|so)\s+)?)?{TARGET}"
    rf"\s*(?:{_LEAD_WORD}\s*)?(?P<verb>thành|thanh|là|la)(?:\s*[:=]\s*|\s+)(?P<value>\S.*)$", re.I)
FIX_FIRST = re.compile(rf"^{_FIX_WORD}\s+(?:(?:nhiệm\s*vụ|nhiem\s*vu|nv)\s+)?(?={_ONE})", re.I)

# "3 số mục: 2.d.a", "3 số mục mới là 2.d.a", "sửa số mục nhiệm vụ 3 thành 2.d.a": the task's item number (a scan
# that lost a section's number, an item letter printed twice — probe s42)
REF_VALUE = r"(?P<value>[0-9IVXivx]{1,6}(?:\.[0-9a-zđA-ZĐ]{1,3}){0,4})"
REF = re.compile(rf"^{TARGET}\s*[:,]?\s*(?:số\s*mục|so\s*muc)\s*(?:(?:mới|moi)\s*)?(?:là|la|thành|thanh)?\s*:?\s*"
                 rf"(?:(?:mục|muc)\s+)?{REF_VALUE}\s*\.?$", re.I)
REF_FIRST = re.compile(rf"^(?:{_FIX_WORD}\s+)?(?:số\s*mục|so\s*muc)\s+(?:(?:của|cua)\s+)?"
                       rf"(?:(?:nhiệm\s*vụ|nhiem\s*vu|nv)\s+)?(?P<ref>\d{{1,3}})\s*"
                       rf"(?:thành|thanh|là|la|:)\s*(?:(?:mục|muc)\s+)?{REF_VALUE}\s*\.?$", re.I)


# The same corrections said in a clerk's own word order (probe 24, F5), each brought to its short form before it is
# read: "sửa hạn nhiệm vụ 6 thành 20/3/2019" → "6 hạn 20/3/2019"; "đổi phối hợp 5 thành Sở Y tế" → "5 phối hợp: Sở Y
# tế"; "giao nhiệm vụ 17 cho đ/c Hương" → "17 giao đ/c Hương"; "thêm phối hợp Bộ Công an cho nhiệm vụ 36" → "36 thêm
# phối hợp Bộ Công an"; "nhiệm vụ 17 giao cho …", "số 5 hạn …", "bỏ nhiệm vụ 3" → "17 giao cho …", "5 hạn …", "bỏ 3"
# (a preview number with its noun in front; "mục 5" stays: the item so numbered)
_TASK_NOUN = r"(?:nhiệm\s*vụ|nhiem\s*vu|nv|số|so)"
_FIELD = (r"(?:(?P<due>(?:thời\s*|thoi\s*)?(?:hạn|han))"
          r"|(?P<support>(?:(?:đơn\s*vị|don\s*vi)\s+)?(?:phối\s*hợp|phoi\s*hop))"
          r"|(?P<text>nội\s*dung|noi\s*dung)|(?P<lead>(?:(?:đơn\s*vị|don\s*vi)\s+)?(?:chủ\s*trì|chu\s*tri)))")
FIELD_FIRST = re.compile(
    rf"^(?:{_FIX_WORD}\s+)?{_FIELD}\s+(?:(?:của|cua)\s+)?(?:{_TASK_NOUN}\s+)?{TARGET}"
    r"\s*(?:(?:mới|moi)\s+)?(?:thành|thanh|là|la|sang|đến|den|tới|toi|:|=)\s*(?P<value>\S.*)$", re.I)
GIVE_FIRST = re.compile(rf"^(?:giao|chuyển|chuyen)(?:\s+(?:lại|lai))?\s+(?:{_TASK_NOUN}\s+)?{TARGET}\s+"
                        r"(?:cho|sang)\s+(?P<value>\S.*)$", re.I)
SUPPORT_CHANGE_FIRST = re.compile(
    rf"^(?P<word>{_ADD_WORD}|{_DROP_WORD})\s+(?:(?:đơn\s*vị|don\s*vi)\s+)?{_SUPPORT_WORD}\s*:?\s*(?P<units>\S.*?)\s+"
    rf"(?:cho|vào|vao|ở|tại|tai|khỏi|khoi|của|cua)\s+(?:{_TASK_NOUN}\s+)?{TARGET}\s*\.?$", re.I)
# "1 Văn phòng chủ trì", "nhiệm vụ 1 do Văn phòng chủ trì thực hiện", "mục II.2 Văn phòng chủ trì, Sở Ngoại vụ phối
# hợp" (the unit's name capitalised, as a clerk types it): "1: Văn phòng chủ trì"
UNIT_ROLE_AFTER = re.compile(rf"^(?:{_TASK_NOUN}\s+)?{TARGET}\s*[,:]?\s+(?:(?:do|để|de)\s+)?"
                             rf"(?P<value>\S.*?\s{_LEAD_ROLE}\b.*)$", re.I)
# "giao Văn phòng chủ trì nhiệm vụ 1", "giao cho Sở Y tế chủ trì, Sở Nội vụ phối hợp mục 2.1": "1: Văn phòng chủ trì"
UNIT_ROLE_FIRST = re.compile(rf"^(?:giao|chuyển|chuyen)\s+(?:(?:cho|sang)\s+)?(?P<value>\S.*?\s{_LEAD_ROLE}\b.*?)"
                             rf"\s+(?:{_TASK_NOUN}\s+)?{TARGET}\s*\.?$", re.I)
# the noun before a preview number, at the start or after a correction word; "số" only before words ("số 12/TB-UBND"
# is the notice's number)
TASK_NOUN_FIRST = re.compile(rf"^(?P<verb>(?:{_DROP_WORD}|{_FIX_WORD}|{_ADD_WORD})\s+)?(?:nhiệm\s*vụ|nhiem\s*vu|nv)\s+"
                             r"(?=\d{1,3}\b(?![/.]\d))|^(?P<verb2>(?:" + _DROP_WORD + "|" + _FIX_WORD +
                             r")\s+)?(?:số|so)\s+(?=\d{1,3}(?:\s*(?:,|và|va)\s*\d{1,3})*\s*(?::|\s+[^\W\d_]))", re.I)


_ALL = r"(?:(?:hết|het|tất\s*cả|tat\s*ca|toàn\s*bộ|toan\s*bo)\s+)?(?:(?:các\s+|cac\s+)?(?:đơn\s*vị|don\s*vi)\s+)?"
CLEAR_SUPPORT = (  # "2 bỏ phối hợp", "nhiệm vụ 2 xóa hết đơn vị phối hợp", "bỏ phối hợp của nhiệm vụ 2": none left
    re.compile(rf"^(?:{_TASK_NOUN}\s+)?{TARGET}\s*[:,]?\s*{_DROP_WORD}\s+{_ALL}{_SUPPORT_WORD}\s*\.?$", re.I),
    re.compile(rf"^{_DROP_WORD}\s+{_ALL}{_SUPPORT_WORD}\s+(?:(?:của|cua|ở|o)\s+)?(?:{_TASK_NOUN}\s+)?{TARGET}\s*\.?$",
               re.I))


# "Phòng Văn hóa và Thông tin phối hợp nhiệm vụ 5" (the unit first, capitalised as a name): "5 thêm phối hợp …"
UNIT_SUPPORTS = re.compile(rf"^(?P<units>[A-ZĐÀ-Ỹ][^:]*?)\s+(?:cùng\s+)?{_SUPPORT_WORD}\s+(?:(?:với|voi)\s+)?"
                           rf"(?:(?:ở|o|tại|tai|trong)\s+)?(?:{_TASK_NOUN}\s+)?{TARGET}"
                           r"(?:\s+(?:luôn|luon|nhé|nhe|nha|ạ|a|với|voi))*\s*\.?$")


def _reworded(line: str) -> str:
    """A correction said in another word order, in the short form the patterns below read; anything else as it
    is."""
    if m := (CLEAR_SUPPORT[0].match(line) or CLEAR_SUPPORT[1].match(line)):
        return f"{m['ref'].strip()} phối hợp: không"
    if m := FIELD_FIRST.match(line):
        ref, value = m["ref"].strip(), m["value"].strip().lstrip(":= ").strip()  # ("… thành: các bộ, ngành")
        if m["due"]:
            return f"{ref} hạn {value}"
        if m["support"]:
            return f"{ref} phối hợp: {value}"
        return f"{ref} nội dung: {value}" if m["text"] else f"{ref}: {value}"
    if m := REF_FIRST.match(line):
        return f"{m['ref']} số mục: {m['value']}"
    if (m := UNIT_SUPPORTS.match(line)) and split_units(m["units"]):
        return f"{m['ref'].strip()} thêm phối hợp {m['units'].strip()}"
    if m := SUPPORT_CHANGE_FIRST.match(line):
        return f"{m['ref'].strip()} {m['word']} phối hợp {m['units'].strip()}"
    if (m := UNIT_ROLE_FIRST.match(line)) or (m := UNIT_ROLE_AFTER.match(line)):
        if m["value"][0].isupper() and LEAD_WITH_ROLE.match(" ".join(m["value"].split())):  # never "… đã xong"
            return f"{m['ref'].strip()}: {m['value'].strip()}"
    if m := GIVE_FIRST.match(line):
        return f"{m['ref'].strip()} giao {m['value'].strip()}"
    if m := TASK_NOUN_FIRST.match(line):
        return (m["verb"] or m["verb2"] or "") + line[m.end():]
    return line


# "19-23: Bộ CHQS tỉnh", "19–23 hạn 30/6", "từ 19 đến 23: …", "bỏ 24-26": the tasks numbered 19 to 23 in the preview
RANGE = re.compile(r"^(?P<lead>(?:(?:bỏ|bo|xóa|xoá|xoa|loại|loai)\s+)?(?:(?:nhiệm\s*vụ|nhiem\s*vu)\s+)?"
                   r"(?:(?:từ|tu)\s+)?)(?P<a>\d{1,3})\s*(?:-|–|—|(?:đến|den|tới|toi)\s)\s*(?P<b>\d{1,3})"
                   r"(?=\s*(?::|,|$|\s(?!\s*[/.-])))", re.I)
MAX_RANGE = 60


def _ranges(line: str) -> str:
    """A line whose tasks are a range of preview numbers with each number written: "19-23: X" → "19, 20, 21, 22, 23:
    X"; anything else as it is."""
    m = RANGE.match(line)
    if m is None or not 0 < int(m["b"]) - int(m["a"]) <= MAX_RANGE:
        return line
    numbers = ", ".join(str(n) for n in range(int(m["a"]), int(m["b"]) + 1))
    lead = re.sub(r"(?:từ|tu)\s+$", "", m["lead"], flags=re.I)
    return f"{lead}{numbers}{line[m.end():]}"


def _rephrased(line: str) -> str:
    """"sửa 8 thành Sở Nội vụ" → "8: Sở Nội vụ"; "sửa mục 8 thành …" → "8: …"; "sửa 8 hạn 30/4" → "8 hạn 30/4";
    anything else as it is."""
    m = REPHRASED_LEAD.match(line)
    if m is not None and (m.group("fix") or re.search(_LEAD_WORD, line[m.end("ref"):m.start("verb")], re.I)):
        refs = re.sub(r"^(?:mục|muc)\s+(?=\d{1,3}$)", "", m.group("ref").strip(), flags=re.I)  # "mục 8": line 8
        return f"{refs}: {m.group('value')}"
    return FIX_FIRST.sub("", line, count=1)


# What a line that means to correct a draft begins with (one that does not read is explained, not taken for
# a notice or a progress report): a correction word, or task numbers followed by ":" or a field word.
LOOKS_LIKE_CORRECTION = re.compile(
    rf"^(?:(?:{_ADD_WORD}|{_DROP_WORD}|{_FIX_WORD})\s|(?:số|ngày|trích\s*yếu|người\s*ký)\s*:|ngày\s+ban\s+hành\s|"
    r"số\s+\d|(?:(?:từ|tu)\s+)?\d{1,3}\s*(?:-|–|—|đến\s|den\s)\s*\d{1,3}\s*:|"
    rf"{_ONE}(?:{_AND}{_ONE})*\s*(?::|→|->|(?:hạn|han|phối|phoi|nội|noi|nd|chủ|chu|giao|chuyển|chuyen|thêm|them|bỏ|bo|"
    r"số\s*mục|so\s*muc)"
    r"\b))", re.I)


def looks_like_correction(text: str) -> bool:
    """Whether a typed message begins as a correction does, in the short form or a clerk's word order ("nhiệm vụ 17
    giao cho …", "sửa hạn nhiệm vụ 6 thành …")."""
    first = nfc(text).strip()
    line = first.split("\n")[0]
    return bool(LOOKS_LIKE_CORRECTION.match(first) or LOOKS_LIKE_CORRECTION.match(_reworded(line))
                or ((m := RECURRING.match(line)) is not None and _recurring(m["value"]) is not None))


class CorrectionError(NhacViecError):
    """A line that is not a correction."""

    def __init__(self, user_message: str) -> None:
        super().__init__(f"bad correction: {user_message}", user_message)


def parse_corrections(text: str, *, today: dt.date, now: dt.datetime | None = None,
                      issued_on: dt.date | None = None) -> list[Correction]:
    """The corrections typed in `text`, one per line; `now` (default: the start of `today` in Vietnam)
    anchors relative deadlines such as "thứ 6 tuần sau"; a deadline counted in days ("9 hạn 15 ngày", "10 hạn
    trong 10 ngày làm việc") counts from the notice's date (`issued_on`, or one typed in the same message "ngày:
    23/01/2026"), else from `today`."""
    if now is None:
        now = dt.datetime.combine(today, dt.time(0, 0), tzinfo=VN_TZ)
    example = f"30/4/{today.year if today < dt.date(today.year, 4, 30) else today.year + 1}"  # (one still to come)
    out: list[Correction] = []
    for raw in nfc(text).splitlines():
        line = _rephrased(_ranges(_reworded(raw.strip().strip(";"))))
        if not line:
            continue
        if m := DROP.match(line):
            out += [Correction(target=_target(ref), field="drop") for ref in re.findall(_ONE, m.group("refs"), re.I)]
        elif m := ADD.match(line):
            out.append(_added(m.group("text"), m.group("ref") or "", today=today, now=now, example=example))
        elif headers := _headers(line):  # "số: …"; "ngày ban hành 17/4/2026, số 1520/UBND-KT"
            out += [_header(field, value, now=now, example=example) for field, value in headers]
        elif m := REF.match(line):
            targets = _targets(m.group("ref"))
            if len(targets) != 1:
                raise CorrectionError("Mỗi lần đồng chí sửa số mục của một nhiệm vụ, ví dụ: “3 số mục: 2.d.a”.")
            out.append(Correction(target=targets[0], field="ref", value=m.group("value").rstrip(".")))
        elif m := DUE.match(line):
            if (recurring := _recurring(m.group("value"))) is not None:  # "2 hạn trước ngày 15 hằng tháng"
                out += [Correction(target=t, field="recurring", value=recurring) for t in _targets(m.group("ref"))]
                continue
            dated = [c.value for c in out if c.field == "date" and isinstance(c.value, dt.date)]
            start = dated[-1] if dated else issued_on or today
            due = _due(m.group("value"), now, example, counted_from=start)
            counted = _counted(m.group("value"), start, signed=bool(dated) or issued_on is not None) \
                if due is not None else None
            out += [Correction(target=t, field="due", value=due, counted=counted) for t in _targets(m.group("ref"))]
        elif (m := RECURRING.match(line)) and (recurring := _recurring(m["value"])) is not None:
            # "21 báo cáo định kỳ hằng quý", "21: hằng tuần vào thứ Sáu"
            out += [Correction(target=t, field="recurring", value=recurring) for t in _targets(m["ref"])]
        elif m := SUPPORT_CHANGE.match(line):  # "36 thêm phối hợp Bộ Công an": the others kept
            word = m["word"] or m["after"]
            units = _units(m["units"])
            if not units:
                raise CorrectionError(f"Đồng chí ghi tên đơn vị, ví dụ “{m.group('ref')} thêm phối hợp Sở Tài chính”.")
            field = "support_add" if re.match(_ADD_WORD, word, re.I) else "support_remove"
            out += [Correction(target=t, field=field, value=units) for t in _targets(m.group("ref"))]
        elif m := SUPPORT.match(line):
            units = _units(m.group("value"))
            out += [Correction(target=t, field="support", value=units) for t in _targets(m.group("ref"))]
        elif m := WORDING.match(line):
            wording = " ".join(m.group("value").split())
            out += [Correction(target=t, field="text", value=wording) for t in _targets(m.group("ref"))]
        elif m := LEAD.match(line):
            # "giao Văn phòng chủ trì, Sở Ngoại vụ phối hợp": the lead without its role, and the supporting units
            value, supporting = split_roles(m.group("value") or m.group("to"))
            also = [Correction(target=t, field="support", value=_units(supporting))
                    for t in _targets(m.group("ref"))] if supporting is not None else []
            same = SAME_AS.match(value.strip())
            targets = _targets(m.group("ref"))
            if same and same.group("above"):  # "5: như trên", "4, 5: giống trên": the task just above them
                first = min((int(t) for t in targets if t.isdigit()), default=0)
                same = same if first > 1 and all(t.isdigit() for t in targets) else None
                if same:
                    out += [Correction(target=t, field="lead_from", value=str(first - 1)) for t in targets] + also
                    continue
            if same:
                item = same.group("ref") or same.group("dotted")
                source = f"mục {item.rstrip('.')}" if item else same.group("n")
                out += [Correction(target=t, field="lead_from", value=source) for t in targets] + also
                continue
            if SAME_START.match(value.strip()):  # never a unit named "giống mục 1 và 2"
                raise CorrectionError(f"Không hiểu “{value.strip()}”: đồng chí ghi một nhiệm vụ, ví dụ "
                                      f"“{m.group('ref')}: giống mục 2” (mục 2 của văn bản; mục II.2 nếu văn bản đánh "
                                      f"số II.1, II.2…) hoặc “{m.group('ref')}: giống 2” (số thứ tự trong danh sách).")
            if (change := LEAD_CHANGE.match(value.strip())) is not None:  # "30: bỏ BCH Quân sự tỉnh"
                field = "lead_add" if re.match(_ADD_WORD, change["word"], re.I) else "lead_remove"
                units = _units(change["units"])
                out += [Correction(target=t, field=field, value=units) for t in targets] + also if units else []
                if not units:
                    raise CorrectionError(f"Đồng chí ghi tên đơn vị, ví dụ “{m.group('ref')}: bỏ Sở Tài chính”.")
                continue
            units = _units(value)
            if not units:
                raise CorrectionError(f"Nhiệm vụ cần có đơn vị chủ trì: đồng chí ghi tên đơn vị, ví dụ "
                                      f"“{m.group('ref')}: Sở Tài chính”, hoặc “bỏ {m.group('ref')}” nếu không phải "
                                      "nhiệm vụ.")
            out += [Correction(target=t, field="lead", value=units) for t in _targets(m.group("ref"))] + also
        else:
            raise _not_understood(line, example)
    return out


def _not_understood(line: str, example: str) -> CorrectionError:
    return CorrectionError(f"Không hiểu dòng “{line}”. Cách sửa: “3: Sở Tài chính”, “3 phối hợp: Sở Nội vụ” "
                           "(thay danh sách), “3 thêm phối hợp Sở Nội vụ”, "
                           f"“3 hạn {example}”, “3 hạn hằng quý” (định kỳ), “3 nội dung: …”, “3 số mục: 2.a”, “bỏ 3”, "
                           "“thêm: <nội dung nhiệm vụ>”, “số: 12/TB-UBND”; “xem 3” để đọc đủ một nhiệm vụ.")


# How often a task comes back, said without "hạn" (probe 26, F7): "21 báo cáo định kỳ hằng quý", "21: định kỳ hằng
# tháng trước ngày 25", "21 hằng tuần vào thứ Sáu", "21 6 tháng một lần", "21 hằng năm trước 15/12" (also typed
# without marks: "21 hang quy"); the words before the frequency ("báo cáo", "thực hiện") are not part of it
_RECURRING_LEAD_IN = (r"(?:(?:báo\s*cáo|bao\s*cao|bc|thực\s*hiện|thuc\s*hien|làm|lam|lặp\s*lại|lap\s*lai|"
                      r"gửi|gui|nộp|nop|là|la|thành|thanh|chuyển\s*thành|chuyen\s*thanh|sửa\s*thành|sua\s*thanh)\s+)*")
_FREQUENCY_START = (r"(?:định\s*kỳ|dinh\s*ky|hằng|hàng|hang|mỗi|moi|(?:\d{1,2}|một|mot|hai|ba|sáu|sau)\s+"
                    r"(?:tuần|tuan|tháng|thang|quý|quy|năm|nam|lần|lan)\b)")
RECURRING = re.compile(rf"^{TARGET}\s*[:,]?\s*{_RECURRING_LEAD_IN}(?P<value>{_FREQUENCY_START}.*)$", re.I)
# the words of a frequency typed without marks, given them back so the rounds can be read ("truoc ngay 25 hang
# thang" → "trước ngày 25 hằng tháng"); a weekday first, as "sau" and "nam" are its names there
_WEEKDAYS = {"hai": "Hai", "ba": "Ba", "tu": "Tư", "nam": "Năm", "sau": "Sáu", "bay": "Bảy"}
_PLAIN_WORDS = {"hang": "hằng", "moi": "mỗi", "dinh": "định", "ky": "kỳ", "ngay": "ngày", "tuan": "tuần",
                "thang": "tháng", "quy": "quý", "nam": "năm", "truoc": "trước", "cham": "chậm", "nhat": "nhất",
                "mot": "một", "lan": "lần", "vao": "vào", "cuoi": "cuối", "dau": "đầu", "cua": "của", "sau": "sáu",
                "bao": "báo", "cao": "cáo"}


def _with_marks(plain: str) -> str:
    """A frequency typed without marks with its words marked again ("hang quy" → "hằng quý"); other words as
    typed."""
    text = re.sub(r"\bthu\s+(hai|ba|tu|nam|sau|bay)\b", lambda m: f"thứ {_WEEKDAYS[m[1].lower()]}", plain, flags=re.I)
    text = re.sub(r"\bchu\s+nhat\b", "Chủ nhật", text, flags=re.I)
    return re.sub(r"\b[a-z]+\b", lambda m: _PLAIN_WORDS.get(m.group().lower(), m.group()), text, flags=re.I)


def _recurring(value: str) -> tuple[str, str] | None:
    """How often a task comes back and the phrase its rounds are read from, from the words after a task's number
    ("định kỳ hằng tháng trước ngày 25" → ("monthly", …)); typed without marks, the phrase marked again; None when
    the words say no frequency."""
    phrase = " ".join(value.split()).strip(" .")
    if strip_marks(phrase) == phrase:  # "hang quy", "truoc ngay 25 hang thang"
        phrase = _with_marks(phrase)
    frequency = find_recurrence(phrase)
    if frequency is None:
        return None
    # "định kỳ hằng quý" is said "hằng quý" ("định kỳ: định kỳ hằng quý" in the preview otherwise); "định kỳ 3 tháng"
    # keeps it
    bare = re.sub(r"^định\s*kỳ\s+", "", phrase, flags=re.I)
    return (frequency, bare if find_recurrence(bare) == frequency else phrase)


# a comma before another group of units or before a unit's name ("…, UBND các huyện, thành phố", "…, UBND huyện
# Châu Đức"), as opposed to one after a kind ("các sở, ban, ngành", "UBND các xã, thị trấn")
# (not the parser's UNIT_START: that also opens a name at "đơn vị", a kind word of one group)
NEXT_GROUP = re.compile(r"\s*[,;]\s*(?=(?:UBND|Ủy\s*ban|Uỷ\s*ban|[Cc]ác|Thủ\s*trưởng|Chủ\s*tịch|Sở|Ban|Phòng|Hội|"
                        r"Huyện|Thị|Tỉnh|Đảng|Công\s*an|Bộ|Chi\s*cục|Văn\s*phòng|Trung\s*tâm|Thanh\s*tra|"
                        # a commune's units written with a capital: "…, Tổ dân phố 4, Trường THCS Đak Đoa"
                        r"Tổ|Trường|Thôn|Trạm|Xã|Phường|Mặt\s*trận|Đoàn|Bản|Ấp|Xóm|Khu|Buôn|Hợp\s*tác\s*xã|"
                        r"Công\s*ty|Bệnh\s*viện|Kho\s*bạc|Chi\s*nhánh|Đội)\s)")


# what a correction says around a unit, not its name (probe 23, F9): a reason ("1: bỏ Bộ CHQS tỉnh vì không liên
# quan", "do …", "lý do …"; lowercase, as a name's own words are capitalised, and never "đơn vị") and the polite
# words after it ("1: thêm UBND xã Hiệp Thạnh ạ", "nhé", "nha", "giúp em")
_UNIT_REASON = re.compile(r"[\s,;.]+(?:vì|bởi vì|bởi|do|lý do|lí do|ly do|li do|boi vi|(?<!đơn)(?<!don)\s*vi)\s+\S.*$")
_PARTICLES = re.compile(r"(?:[\s,;.!]+(?:ạ|a|nhé|nhe|nha|với|luôn|giúp em|giúp tôi|giúp|giup em|giup|nhe a|nhé ạ))+"
                        r"[\s.!]*$")


def _without_asides(value: str) -> str:
    """The unit part of a correction without a reason clause or closing particles."""
    value = _UNIT_REASON.sub("", value)
    return _PARTICLES.sub("", value)


def _units(value: str) -> tuple[str, ...]:
    """The units as typed, one per name ("Sở Tài chính, Sở Nội vụ" → two; "UBND các huyện, thành phố" is one
    group); none for "không". A reason or polite words after them are not part of a name."""
    value = _without_asides(" ".join(value.split()).strip(" .;,")).strip(" .;,")
    if fold(value) in NONE:
        return ()
    parts = NEXT_GROUP.split(value)
    if len(parts) > 1 and any(read_group(p) is not None for p in parts) and \
            all(read_group(p) is not None or len(p.split()) >= 3 for p in parts):
        # "các sở, ban, ngành, UBND các huyện, thành phố": two groups, each read on its own
        return tuple(unit for part in parts for unit in _units(part))
    if read_group(value) is not None:  # "các sở, ban, ngành", "UBND các huyện, thành phố": one group
        return (value,)
    # typed by the admin: every comma or semicolon separates names ("Bộ XD, Bộ TN&MT, UBDT, EVN")
    parts = [p for p in re.split(r"\s*[;,]\s*", value) if p]
    return tuple(unit for part in parts for unit in (split_units(part) or [part]))


# how often, typed without marks ("truoc ngay 25 hang thang"), which the notice parser does not read
PLAIN_RECURRENCE = (("daily", re.compile(r"\b(?:hang|moi)\s+ngay\b")),
                    ("weekly", re.compile(r"\b(?:hang|moi)\s+tuan\b")),
                    ("monthly", re.compile(r"\b(?:hang|moi|dinh\s+ky)\s+thang\b")),
                    ("quarterly", re.compile(r"\b(?:hang|moi|dinh\s+ky)\s+quy\b")),
                    ("yearly", re.compile(r"\b(?:hang|moi|dinh\s+ky)\s+nam\b")))


# a field of an added task given by its label, as a form is filled: "… Chủ trì: Phòng NN&PTNT. Phối hợp: Phòng Tài
# chính - Kế hoạch. Hạn 31/12/2023" (probe s42: the lead stayed in the text, and the task had none)
ADDED_FIELD = re.compile(r"(?:^|[.;,]\s*|\s)(?P<label>(?:(?:đơn\s*vị|don\s*vi)\s+)?(?:chủ\s*trì|chu\s*tri|"
                         r"phối\s*hợp|phoi\s*hop))\s*:\s*(?P<value>[^.;\n]+?)\s*(?=[.;\n]|$)", re.I)


def _added(text: str, ref: str, *, today: dt.date, now: dt.datetime, example: str) -> Correction:
    """A task the admin adds, read as a notice item reads; a deadline said as "…, hạn 20/5" is read too, and a lead
    or supporting units given by their label ("Chủ trì: …", "Phối hợp: …")."""
    labelled: dict[str, tuple[str, ...]] = {}
    while (m := ADDED_FIELD.search(text)) is not None and m.start() > 0:
        field = "support" if fold(m["label"]).endswith("phoi hop") else "lead"
        labelled[field] = labelled.get(field, ()) + _units(m["value"])
        text = (text[:m.start()].rstrip(" ,;") + ". " + text[m.end():].lstrip(" .;,")).strip(" .")
    task = read_task(text, ref=ref or "?", issued_on=today)
    if labelled:
        task = replace(task, lead=labelled.get("lead", task.lead), support=labelled.get("support", task.support),
                       lead_source="text" if "lead" in labelled else task.lead_source)
    plain = strip_marks(text)  # a match's position holds in `text` only when no character was dropped
    if task.recurrence is None and plain == text:  # typed without marks: "… truoc ngay 25 hang thang"
        found = next((name for name, rx in PLAIN_RECURRENCE if rx.search(plain.lower())), None)
        if found is not None:
            task = replace(task, recurrence=found)
    if task.due is None and ((m := ADDED_DUE.search(text)) or
                             (len(plain) == len(text) and (m := PLAIN_DUE.search(plain)))):
        due = _due(m.group("when"), now, example)
        if due is not None:  # the deadline said apart, not part of the work the heads read ("…, hạn 30/6")
            task = replace(task, due=due, due_text=None, text=text[:m.start()].rstrip(" ,;.") or task.text)
    return Correction(target=ref, field="add", value=task)


def _header(field: str, value: str, *, now: dt.datetime, example: str) -> Correction:
    """A correction of the notice itself: its number, date, subject or signer."""
    name = _HEADER_FIELDS[fold(field).split()[0]]
    value = " ".join(value.split()).strip(" .")
    if fold(value) in NONE | {"sai", "bo di", "xoa"}:  # "người ký: không": the parser read something wrong
        return Correction(target="", field=name, value=None)
    if name == "date":
        try:
            return Correction(target="", field="date", value=parse_when(value, now=now).date)
        except WhenUnclear as exc:
            raise CorrectionError(f"Không hiểu ngày “{value}”: {exc.problem} Đồng chí viết, ví dụ: "
                                  f"“ngày: {example}”.") from exc
    if name == "number":
        value = re.sub(r"\s*/\s*", "/", value)
    return Correction(target="", field=name, value=value)


def _headers(line: str) -> list[tuple[str, str]]:
    """The notice's fields a line sets: "số: 12/UBND", "trích yếu: …", or several of number and date with or without
    ":" ("ngày ban hành 17/4/2026, số 1520/UBND-KT"); none when a part is something else."""
    if (m := HEADER.match(line)) is not None and (_NEXT_HEADER.search(line) is None or
                                                  _HEADER_FIELDS[fold(m.group("field")).split()[0]] not in _LOOSE):
        return [(m.group("field"), m.group("value"))]
    parts = [HEADER_LOOSE.match(part) for part in _NEXT_HEADER.split(line.strip(" .")) if part]
    return [(p.group("field"), p.group("value")) for p in parts if p] if parts and all(parts) else []


def _targets(refs: str) -> list[str]:
    return [_target(ref) for ref in re.findall(_ONE, refs, re.I)]


def _target(ref: str) -> str:
    ref = re.sub(r"^muc\s", "mục ", " ".join(ref.lower().split()))  # ("muc" typed without marks)
    ref = ref.rstrip(".:")
    return f"mục {ref}" if "." in ref and not ref.startswith("mục") else ref  # "1.a": the item numbered so


def _counted(value: str, start: dt.date, *, signed: bool) -> str | None:
    """How a deadline counted in days was counted, to say with the date: "15 ngày kể từ ngày ký (23/02/2018)"; from
    today when the notice has no date yet ("… kể từ hôm nay, 26/02/2018 (văn bản chưa có ngày ký)"). None for a
    date typed as a date."""
    m = RELATIVE.match(fold(value.strip(" .")))
    if m is None:
        return None
    unit = {"ngay": "ngày", "tuan": "tuần", "thang": "tháng"}[m.group("unit")]
    count = f"{m.group('n')} {unit}{' làm việc' if m.group('work') else ''}"
    if signed:
        return f"{count} kể từ ngày ký ({start:%d/%m/%Y})"
    return f"{count} kể từ hôm nay, {start:%d/%m/%Y} (văn bản chưa có ngày ký)"


def _due(value: str, now: dt.datetime, example: str, *, counted_from: dt.date | None = None) -> dt.date | None:
    value = value.strip(" .")
    folded = fold(value)
    if folded in NO_DEADLINE or folded in ONGOING:  # "3 hạn thường xuyên", "3 hạn kịp thời": no date (probe 21, F9)
        return None
    if (m := RELATIVE.match(folded)) is not None and counted_from is not None:
        # "9 hạn 15 ngày", "10 hạn trong 10 ngày làm việc": the notice parser's count, from the notice's date
        unit = {"ngay": "ngày", "tuan": "tuần", "thang": "tháng"}[m.group("unit")]
        phrase = f"hoàn thành trong {m.group('n')} {unit}{' làm việc' if m.group('work') else ''} kể từ ngày ký"
        found = pick_deadline(phrase, issued_on=counted_from)
        if found is not None:
            return found.due
    try:
        return parse_when(value, now=now).date
    except WhenUnclear as exc:
        # as a notice writes a deadline: "trong tháng 10", "tháng 6 năm 2026", "6 tháng đầu năm 2026", "trước Quốc
        # khánh 2/9" — a month or a half-year is its last day (the notice parser's reading; probe s42 #12, #40)
        impossible = re.search(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b|^\d{1,2}\s*[/.-]\s*\d{1,2}$", value)
        for phrase in () if impossible else (value, f"trong {value}"):  # (a day typed as a day: as parse_when said)
            found = pick_deadline(phrase, issued_on=counted_from or now.astimezone(VN_TZ).date())
            if found is not None and found.due is not None and len(fold(found.text)) >= len(fold(value)) - 2:
                return found.due
        raise CorrectionError(f"Không hiểu thời hạn “{value}”: {exc.problem} Đồng chí viết, ví dụ: “3 hạn {example}”, "
                              "“3 hạn cuối tháng sau”, “3 hạn quý IV”, “3 hạn không” (bỏ thời hạn).") from exc
