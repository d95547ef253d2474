"""Deadlines and recurrence in Vietnamese administrative phrasing.

Rules follow the conventions of CORPUS.md: explicit dates after a deadline cue,
dates without a year, months, quarters (with or without a year, or named from the
document's date: "trong tháng này"), spans of months or years (the last),
"6 tháng đầu năm", years ("trước năm 2027": by the end of 2026), holidays (lunar
ones from the calendar), "trong N ngày (làm việc) kể từ ngày ký" (working days by
the scheduler's calendar). Vague timing ("kịp thời", "thường xuyên") gives no date.
A date with no deadline cue (a cited document's date, an event date) is not a
deadline, nor is a period told ("(từ ngày … đến ngày …)", "kỳ báo cáo là năm"), a
meeting's day, or what the recipient of a report does next."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.ingest.units import UNIT_START, name_prefix
from storage.vntext import fold

if TYPE_CHECKING:
    from scheduler.calendar import WorkingCalendar

# ("vào lúc 16h chiều thứ Bảy, ngày 27/12", "vào sáng ngày 24/8/2025": the hour and the part of the day before a day)
_PART_OF_DAY = r"(?:sáng|chiều|tối|trưa)"
_HOUR_OF_DAY = (r"(?:lúc\s*)?(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2})?\s*(?:phút|['’])?\s*)?(?:,\s*)?"
                rf"(?:{_PART_OF_DAY}\s*,?\s*)?(?:ngày\s*)?(?:(?:thứ\s+\w+|chủ\s*nhật),?\s*)?")
# (the lookahead lets the scan skip most positions at once: every cue starts with one of these letters)
# (OCR of a scan may drop a mark: "thời han 20/10/2026")
_CUE = (r"(?=[tcxhđkgsvmTCXHĐKGSVM])"
        r"(?:trước|(?:chậm|muộn)\s*nhất(?:\s*(?:là|vào|đến))?|xong\s*trước|hoàn\s*thành(?:\s*(?:trước|đến))?|xong|"
        r"trong|đến\s*hết|hạn\s*chót|thời\s*h[ạa]n(?:\s*hoàn\s*thành)?|kết\s*thúc|cuối|gửi\s*về[^.;]{0,60}?trước|"
        r"(?<=\s)sang|^sang|(?:hạn|thời\s*gian)\s*(?:nộp|gửi)(?:\s*(?:báo\s*cáo|hồ\s*sơ|ý\s*kiến))?\s*:?|"
        r"thời\s*gian\s*thực\s*hiện\s*:|(?:tới|đến)(?=\s*ngày)|"
        # (a full date without "ngày", then the duty: "yêu cầu đến 30/5/2016 Sở Nội vụ phải có báo cáo …")
        r"(?:tới|đến)(?=\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4},?\s[^.;]{0,80}?\bphải\b)|"
        rf"tiến\s*độ(?:\s*(?:thực\s*hiện|hoàn\s*thành))?\s*:|(?<=\s)vào(?=\s*{_HOUR_OF_DAY}ngày)|(?<!\w)[Hh]ạn\s*:)"
        r"[\s:]*(?:là\s+)?")  # "hạn nộp báo cáo là ngày 15/6/2026"
_DAY_PREFIX = rf"(?:{_HOUR_OF_DAY}(?:ngày\s*)?)"  # "trước 9h sáng ngày 27/9", "trước 14 giờ ngày 05/12/2017"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

FULL_DATE = re.compile(
    rf"(?P<cue>{_CUE})\s*(?:ngày|hạn)?\s*{_DAY_PREFIX}"
    r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*(?:[/.\-]|năm)\s*(?P<y>\d{4})|/(?P<yy>[2-9]\d))?(?![\d/])",
    re.I)
WORDY_DATE = re.compile(
    rf"(?P<cue>{_CUE})\s*{_DAY_PREFIX}(?P<d>\d{{1,2}})\s*tháng\s*(?P<m>\d{{1,2}})(?:\s*năm\s*(?P<y>\d{{4}}))?",
    re.I)
# a period joined to an earlier one under the same cue: "trong năm 2026 và quý I/2027", "trong tháng 10 và quý IV năm
# 2026": the cue holds for both, and the later period ends the work
# ("quý III, năm 2027" is one period: a year follows a period without one only as its own)
_CHAIN = (rf"{_CUE}\s*(?:(?:(?:tháng\s*\d{{1,2}}|quý\s*(?:IV|III|II|I|[1-4]))\s*(?:/|năm)\s*|năm\s*)(?:19|20)\d\d"
          r"\s*(?:,|và|hoặc)\s*(?=(?:tháng|quý|năm)\s*[\dIV])|"
          r"(?:tháng\s*\d{1,2}|quý\s*(?:IV|III|II|I|[1-4]))\s*(?:,|và|hoặc)\s*(?=(?:tháng|quý)\s*[\dIV]))")
# "năm 2025 và các năm tiếp theo", "tháng 5/2026 và những tháng tiếp theo": work that goes on from then, no deadline
_NEXT_YEARS = r"(?!\s*(?:,|và)\s*(?:các|những)\s*(?:năm|tháng|quý)\s*(?:tiếp\s*theo|sau|kế\s*tiếp)\b)"
# (news copies write "tháng 4.2020", "tháng 3-2020", "quý IV.2019")
# ("vào đầu tháng 02/2027": early in the month, due by its end)
_MONTH_REST = (r"\s*(?:tháng)\s*(?P<m>\d{1,2})\s*"
               r"(?:/|năm|[.-](?=\d{4}))\s*(?P<y>\d{4})(?!\s*(?:,\s*)?(?:sẽ\s*)?(?:tổ\s*chức|diễn\s*ra|khai\s*mạc))"
               + _NEXT_YEARS)
# ("tổ chức hội nghị sơ kết vào tháng 11 năm 2013": the doer's own event, held by then; not one that "sẽ" or "dự kiến"
# takes place, see EVENT_BEFORE)
MONTH = re.compile(rf"(?P<cue>{_CUE}|(?<!\w)(?:vào\s*)?đầu(?=\s*tháng)|(?<!\w)vào(?=\s*tháng)){_MONTH_REST}", re.I)
MONTH_CHAINED = re.compile(rf"(?P<cue>{_CHAIN}){_MONTH_REST}", re.I)
# "Quý III, IV/2026": the last
_QUARTER_REST = (r"\s*quý\s*(?:(?:IV|III|II|I|[1-4])\s*(?:,|và|-)\s*)*"
                 r"(?P<q>IV|III|II|I|[1-4])\s*(?:/|,?\s*năm|\.(?=\d{4})|[,\-–](?=\s*\d{4}))\s*(?P<y>\d{4})"
                 + _NEXT_YEARS)
QUARTER = re.compile(rf"(?P<cue>{_CUE}){_QUARTER_REST}", re.I)
QUARTER_CHAINED = re.compile(rf"(?P<cue>{_CHAIN}){_QUARTER_REST}", re.I)
# a time cell of a flattened task table, capitalised in the middle of the row: "… Nghị định của Chính phủ Tháng
# 3/2027 …", "… Nghị quyết Quý III/2027 …" (prose writes "tháng", "quý" in lower case there)
MONTH_CELL = re.compile(r"(?<=[a-zà-ỹđ,)])(?P<cue>\s+)Tháng\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})(?![\d/])", re.U)
QUARTER_CELL = re.compile(r"(?<=[a-zà-ỹđ,)])(?P<cue>\s+)Quý\s*(?P<q>IV|III|II|I)\s*/\s*(?P<y>\d{4})(?![\d/])", re.U)
TABLE_ROW = re.compile(r"(?:Cơ\s*quan|Đơn\s*vị)\s*(?:chủ\s*trì|phối\s*hợp)(?:\s*thực\s*hiện)?\s*:|Sản\s*phẩm\s*:", re.I)
# what is submitted in a period: "trình Thủ tướng Chính phủ Quý II năm 2014", "trình UBND tỉnh tháng 6/2026"
_TO_WHOM = r"(?:(?!báo\s*cáo|kết\s*quả|tình\s*hình|số\s*liệu|của|về|trong)[^.;,\d]){0,60}?"
SUBMIT_QUARTER = re.compile(r"(?P<cue>\btrình\b" + _TO_WHOM + r")\s*quý\s*(?P<q>IV|III|II|I|[1-4])\s*(?:/|năm)\s*"
                            r"(?P<y>\d{4})", re.I)
SUBMIT_MONTH = re.compile(r"(?P<cue>\btrình\b" + _TO_WHOM + r")\s*tháng\s*(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>\d{4})",
                          re.I)
# a time column that ends on a later year: "Thời gian hoàn thành: Quý IV/2026, 2027", "…: Năm 2026; Năm 2030"
TIME_FIELD = re.compile(r"thời\s*(?:gian|hạn)\s*hoàn\s*thành\s*:", re.I)
LATER_YEAR = re.compile(r"[,;]\s*(?:năm\s*)?(?P<y>(?:19|20)\d\d)\s*(?=[.;]|$)", re.I)
FIELD_MONTH = re.compile(r"(?P<cue>(?:thời\s*(?:gian|hạn)\s*hoàn\s*thành|tiến\s*độ(?:\s*(?:thực\s*hiện|hoàn\s*thành))?)"
                         r"\s*:\s*)(?P<m>\d{1,2})\s*/\s*(?P<y>(?:19|20)\d\d)(?![\d/])", re.I)
# a half year that names what a report or plan covers, with no deadline word between: "báo cáo kết quả … 6 tháng đầu
# năm 2026" (as "kế hoạch công tác năm 2026" names a year); not "hoàn thành kế hoạch …", "sơ kết 6 tháng đầu năm"
NAMED_HALF_BEFORE = re.compile(r"\b(?:báo\s*cáo|kết\s*quả|tình\s*hình|kế\s*hoạch|chương\s*trình|"
                               r"số\s*liệu)(?:\s+(?!(?:trong|trước|hoàn|xong|đến|tới|cuối|chậm|muộn|hết|sơ|tổng)\b)[^\s.;:]+)"
                               r"{0,12}\s*$", re.I)
HALF = re.compile(r"(?P<n>6|9)\s*tháng\s*(?:đầu\s*)?năm\s*(?P<y>\d{4})", re.I)
# the last months of a year named as what a plan or a report covers: "báo cáo … và kế hoạch 6 tháng cuối năm 2015" —
# a period, no deadline (not "hoàn thành kế hoạch trong những tháng cuối năm"; "tập trung các nhiệm vụ trong 6 tháng
# cuối năm 2023" stays the work's end: batch f's labels)
LATE_MONTHS_BEFORE = re.compile(r"\b(?:6|sáu|những|các|mấy)\s*tháng\s*$", re.I)
NAMED_PERIOD_OWNER = re.compile(r"\b(?:báo\s*cáo|kết\s*quả|tình\s*hình|kế\s*hoạch|chương\s*trình)\b"
                                r"(?:(?!\b(?:hoàn\s*thành|xong|trước|chậm\s*nhất)\b)[^.;:])*$", re.I)
# a forecast the year belongs to: "… để chủ động trước dự báo tình hình khô, hạn trong năm 2019"
FORECAST_BEFORE = re.compile(r"\bdự\s*báo\b[^.;:]{0,60}$", re.I)
_YEAR_REST = r"[\s:]*(?:năm\s*)(?P<y>\d{4})(?:\s*[-–]\s*(?P<y2>(?:19|20)\d\d)\b)?" + _NEXT_YEARS
YEAR = re.compile(r"(?P<cue>trong|cuối|hoàn\s*thành(?:\s*trong)?|trước|xong|đến\s*hết|chậm\s*nhất|"
                  r"(?<!khi\s)(?<!sau\s)kết\s*thúc|"  # "Kết thúc năm 2016, có tổng kết …"; not "sau khi kết thúc năm"
                  r"thời\s*(?:gian|hạn)\s*hoàn\s*thành)" + _YEAR_REST, re.I)
YEAR_CHAINED = re.compile(rf"(?P<cue>{_CHAIN}){_YEAR_REST}", re.I)
# a year set before the work as its frame: "Năm 2027, các phòng cần …", "Đồng chí yêu cầu, năm 2027, xã X phải …"
YEAR_FRAME = re.compile(r"(?:^|(?<=[.;:]\s)|(?<=cầu,\s)|(?<=nghị,\s)|(?<=đạo,\s)|(?<=mạnh,\s))"
                        r"(?P<cue>)[Nn]ăm\s*(?P<y>(?:19|20)\d\d)\s*,"
                        r"(?=(?:(?!\bđã\b)[^.;])*?\b(?:cần|phải|tập\s*trung|phấn\s*đấu)\b)")
# a year set before the work as its end, the work opened by its completion: "Hàng năm, rà soát …. Đến năm 2015, hoàn
# thành chương trình hỗ trợ …" (not "Đến năm 2030, tỷ lệ … đạt 90%": a target's horizon)
YEAR_BY_FRAME = re.compile(r"(?:^|(?<=[.;:]\s))(?P<cue>(?:[Đđ]ến|[Tt]ới)\s*(?:hết\s*)?)"
                           r"[Nn]ăm\s*(?P<y>(?:19|20)\d\d)\s*,\s*"
                           r"(?=(?:phải\s+|cơ\s*bản\s+)?(?:hoàn\s*thành|xong|kết\s*thúc|dứt\s*điểm)\b)")
# a month set before the asked work as its frame: "đề nghị tháng 12/2018 các ban tập trung thực hiện …", "Tháng 6/2026,
# các phòng cần …" (not "Tháng 10/2017, UBND huyện đã …": what was done then)
MONTH_FRAME = re.compile(r"(?:^|(?<=[.;:]\s)|(?<=cầu\s)|(?<=nghị\s)|(?<=đạo\s)|(?<=cầu,\s)|(?<=nghị,\s)|"
                         r"(?<=đạo,\s))"
                         r"(?P<cue>(?:trong\s*)?)[Tt]háng\s*(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>(?:19|20)\d\d)\s*,?\s"
                         r"(?=(?:(?!\bđã\b)[^.;])*?\b(?:cần|phải|tập\s*trung|thực\s*hiện|triển\s*khai)\b)")
# a quarter set before the asked work as its frame: "Quý II/2027 tập trung thực hiện các nội dung sau:", "Quý III năm
# 2027, các xã cần …" (not "Quý I/2027, UBND huyện đã …": what was done then)
QUARTER_FRAME = re.compile(r"(?:^|(?<=[.;:]\s)|(?<=cầu\s)|(?<=nghị\s)|(?<=đạo\s)|(?<=cầu,\s)|(?<=nghị,\s)|"
                           r"(?<=đạo,\s))"
                           r"(?P<cue>)[Qq]uý\s*(?P<q>IV|III|II|I|[1-4])\s*(?:/|năm|\.(?=\d{4}))\s*(?P<y>(?:19|20)\d\d)"
                           r"\s*,?\s(?=(?:(?!\bđã\b)[^.;])*?\b(?:cần|phải|tập\s*trung|thực\s*hiện|triển\s*khai)\b)")
# the rest of the year: "hoàn thành trong hai tháng còn lại", "trong những tháng còn lại của năm 2026"
REST_OF_YEAR = re.compile(rf"(?P<cue>{_CUE})\s*(?:(?:\d{{1,2}}|hai|ba|bốn|năm|sáu|những|các)\s*)?tháng\s*còn\s*lại"
                          r"(?:\s*(?:của\s*)?năm(?:\s*(?P<y>(?:19|20)\d\d)|\s*nay)?)?(?!\s*(?:của|năm)\b)", re.I)
# a time column written as a bare year: "Thời gian hoàn thành: 2026"
# ("Thời gian hoàn thành: Đến năm 2030", "…: Thực hiện đến năm 2030": in a time field the year is the deadline, in prose
# a horizon)
FIELD_YEAR = re.compile(r"(?P<cue>thời\s*(?:gian|hạn)\s*hoàn\s*thành)\s*:\s*"
                        r"(?:(?:thực\s*hiện\s*)?(?:đến|tới)\s*(?:hết\s*)?)?"
                        r"(?:(?:năm|giai\s*đoạn)\s*)?"
                        # "2024 - 2030": the end
                        r"(?:(?:19|20)\d\d\s*-\s*)?(?P<y>(?:19|20)\d\d)\b(?![/-])" + _NEXT_YEARS, re.I)
# a holiday as the deadline: "trước Quốc khánh 2/9", "trước dịp kỷ niệm ngày Giải phóng miền Nam 30/4"
_HOLIDAYS = {"quoc khanh": (9, 2), "giai phong mien nam": (4, 30), "quoc te lao dong": (5, 1),
             "tet duong lich": (1, 1)}
HOLIDAY = re.compile(
    # (not "trong dịp Tết", "nhân dịp Quốc khánh": work done during the holiday, not finished by it)
    r"(?P<cue>trước|chậm\s*nhất(?:\s*là)?|hoàn\s*thành\s*trước|xong\s*trước)\s*"
    r"(?:(?:dịp|nghỉ|lễ|kỷ\s*niệm|ngày)\s*){0,4}"
    r"(?P<name>Quốc\s*khánh|Giải\s*phóng\s*miền\s*Nam|Quốc\s*tế\s*Lao\s*động|Tết\s*Dương\s*lịch|"
    r"Tết\s*Nguyên\s*[đĐ]án|Tết(?!\s*(?:[Dd]ương|[Tt]rung))|Giỗ\s*Tổ\s*Hùng\s*Vương)"
    r"(?:[\s(]*(?:ngày\s*)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?\)?)?", re.I)
# lunar holidays, found in the `holidays` package's calendar: the day named exactly so (Tết: the first day)
_LUNAR = {"tet nguyen dan": "Tết Nguyên Đán", "tet": "Tết Nguyên Đán", "gio to hung vuong": "Ngày Giỗ Tổ Hùng Vương"}
# a meeting or event the issuer will hold is not a deadline: "dự kiến tổ chức hội nghị trong tháng 7 năm 2026"
EVENT_BEFORE = re.compile(r"(?:dự\s*kiến\s*(?:sẽ\s*)?(?:tổ\s*chức|diễn\s*ra|khai\s*mạc)|sẽ\s*(?:được\s*)?tổ\s*chức|"
                          r"diễn\s*ra|được\s*tổ\s*chức|khai\s*mạc)(?![^.;]*\b(?:hoàn\s*thành|xong|gửi|báo\s*cáo|"
                          r"trình|nộp)\b)[^.;:]*$", re.I)
# a window the work fills: "trong thời gian từ đầu tháng 1 tới ngày 15/3/2026", "lấy ý kiến từ ngày 17/3 đến ngày
# 05/4/2026": the end of the window is the deadline (not an activity's own range: ACTIVITY_WINDOW below)
# ("từ ngày 10/4 - 20/4/2026": a dash between two dates; "từ ngày 1 - 31/10/2026": between two days of a month)
# (a dotted date inside: "từ ngày 20.1 đến ngày 28.1.2016")
RANGE_END = re.compile(r"(?P<cue>\btừ\s+(?:(?!năm\b)(?:[^.;:]|(?<=\d)\.(?=\d)){1,40}?\s(?:đến|tới)\s*(?:hết\s*)?|"
                       r"(?:ngày\s*)?\d{1,2}\s*[/.]\s*\d{1,2}(?:\s*[/.]\s*\d{4})?\s*[-–]\s*|"
                       # ("từ ngày 1 - 31/10/2026": the first and last day of one month)
                       r"(?:ngày\s*)?\d{1,2}\s*[-–]\s*(?=\d{1,2}\s*[/.]\s*\d{1,2}))(?:ngày\s*)?)"
                       r"(?P<d>\d{1,2})\s*(?:[/.\-]|\s*tháng\s*)\s*(?P<m>\d{1,2})"
                       r"(?:\s*(?:[/.\-]|năm)\s*(?P<y>\d{4}))?(?![\d/])", re.I)
# … but not the window of a reporting period or the schedule of an event: "số liệu tính từ ngày 01/01 đến ngày
# 30/6", "Thời gian dự kiến: từ ngày 11/9 đến ngày 20/9"
RANGE_NOT_DUE = re.compile(r"(?:số\s*liệu|tính|kỳ\s*báo\s*cáo[^.;()]{0,20}|"
                           r"giai\s*đoạn|"
                           r"thời\s*gian\s*(?:dự\s*kiến|tổ\s*chức|diễn\s*ra)|"
                           r"dự\s*kiến|diễn\s*ra|tổ\s*chức\s*(?:vào|trong))\s*:?\s*(?:\(?\s*)?$", re.I)
# a target the doer strives for, after an event verb: "… diễn ra theo kế hoạch và phấn đấu hoàn thành trước …"
# (not "Việc phát động sẽ được tổ chức …, hoàn thành trước …": the event's own schedule)
STRIVE_BEFORE = re.compile(r"\b(?:phấn\s*đấu|bảo\s*đảm|đảm\s*bảo)\s*$", re.I)
# … nor an activity's own date range (DOMAIN.md: "an activity's date range" is not a deadline): what is kept up
# throughout the window, not finished by its end — flags or banners hung ("treo cờ Tổ quốc từ ngày 10/5 đến hết ngày
# 14/5/2026", "Thời gian treo cờ: Từ ngày …"), a duty roster ("trực cơ quan dịp Tết từ ngày … đến hết ngày …"), a
# holiday or a pause ("nghỉ học từ ngày …", "tạm dừng … từ ngày …")
ACTIVITY_WINDOW = re.compile(r"(?:\btreo\s+(?:cờ|băng|khẩu|pa\s*nô|biểu)|\blịch\s*trực\b|"
                             r"\btrực\s+(?:ban|tết|cơ\s*quan|lễ|24)|\bnghỉ\s+(?:học|lễ|tết)|"
                             r"\btạm\s*(?:dừng|ngừng|đóng\s*cửa)\b)[^.;]{0,100}$", re.I)
# a weather forecast's window is not work to finish: "Theo dự báo của Trung tâm …, từ ngày 07 -12/1, một đợt không
# khí lạnh …"
FORECAST_BEFORE = re.compile(r"\bdự\s*báo\b[^.;:]{0,80}$", re.I)
# what a unit could achieve if it tried, not a deadline set: "có thể hoàn thành muộn nhất là trong năm 2020" (a
# conditional duty keeps its date: "nếu có vướng mắc thì báo cáo trước ngày 15/5")
POSSIBLE_BEFORE = re.compile(r"\bcó\s*thể\s+(?:hoàn\s*thành\s+|xong\s+)?(?:[^\s.;:]+\s+){0,3}$", re.I)
VALID_UNTIL = re.compile(r"(?:hiệu\s*lực|giá\s*trị|kéo\s*dài|[ủu][yỷ]\s*quyền|thời\s*hạn\s*sử\s*dụng)[^.;]*$", re.I)
# "trong 10 ngày (làm việc) kể từ ngày ký", "trong thời hạn 03 tháng kể từ ngày nhận được văn bản này",
# "báo cáo UBND tỉnh trong vòng 05 ngày": counted from the document's date (the day a unit receives it is unknown,
# and a notice reaches it within days); not from another event ("kể từ ngày Luật có hiệu lực", "kể từ ngày nhận
# được hồ sơ hợp lệ": a procedure's time limit)
WITHIN_DAYS = re.compile(
    r"(?P<cue>trong\s*(?:thời\s*hạn\s*|vòng\s*|thời\s*gian\s*)?|chậm\s*nhất\s*(?:là\s*)?(?:sau\s*)?)"
    r"(?P<n>\d{1,3})\s*(?P<unit>ngày|tuần|tháng)(?!\s*(?:đầu|cuối|giữa|năm|qua|vừa|trước|gần|liên|tới|tiếp)\b)"
    r"(?P<work>\s*làm\s*việc)?"
    r"(?P<anchor>\s*(?:,\s*)?(?:kể\s*từ|tính\s*từ|sau)\s*(?:ngày|khi)\s*(?P<what>[^.;,()]{0,60}))?", re.I)
# a count from the day a legal text takes effect, when that day is stated: "Nghị định … có hiệu lực thi hành từ ngày
# 06/7/2026. … rà soát … trong thời hạn 02 năm kể từ ngày Nghị định … có hiệu lực thi hành" (without the day it stays
# a procedure's time limit, see WITHIN_DAYS)
WITHIN_OF_EFFECT = re.compile(
    r"(?P<cue>trong\s*(?:thời\s*hạn\s*|vòng\s*)?)(?P<n>\d{1,3})\s*(?P<unit>ngày|tháng|năm)\s*(?:,\s*)?"
    r"(?:kể|tính)\s*từ\s*ngày\s*[^.;()]{0,80}?có\s*hiệu\s*lực(?:\s*thi\s*hành)?", re.I)
EFFECTIVE_FROM = re.compile(r"có\s*hiệu\s*lực(?:\s*thi\s*hành)?\s*(?:kể\s*)?từ\s*ngày\s*(?P<d>\d{1,2})\s*[/.-]\s*"
                            r"(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})", re.I)


EFFECTIVE_FROM_WORDY = re.compile(r"có\s*hiệu\s*lực(?:\s*thi\s*hành)?\s*(?:kể\s*)?từ\s*ngày\s*(?P<d>\d{1,2})\s*tháng\s*"
                                  r"(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})", re.I)


def effective_date(text: str) -> dt.date | None:
    """The day a legal text named in `text` takes effect: "… có hiệu lực thi hành từ ngày 06/7/2026", "… từ ngày 01
    tháng 7 năm 2025"."""
    found = [m for rx in (EFFECTIVE_FROM, EFFECTIVE_FROM_WORDY) if (m := rx.search(text)) is not None]
    m = min(found, key=lambda f: f.start()) if found else None
    return _safe_date(int(m["y"]), int(m["m"]), int(m["d"])) if m else None


# The day the legal text a whole document applies takes effect, as the document states it once (in its opening:
# "Nghị định số 178/2026/NĐ-CP …, có hiệu lực thi hành từ ngày 06/7/2026"): a count "trong thời hạn 06 tháng, kể từ
# ngày Nghị định … có hiệu lực" in any of its items runs from it. Set by the parser while it reads one document.
# It holds the day and the kind of text ("nghị định"); a count runs from it only where it names a text of that kind
# ("kể từ ngày Nghị định số … có hiệu lực", not "kể từ ngày quy định của pháp luật chuyên ngành … có hiệu lực").
DOCUMENT_EFFECTIVE: ContextVar[tuple[dt.date, str] | None] = ContextVar("document_effective", default=None)
_LEGAL_KIND = r"(?:Bộ\s*luật|Luật|Nghị\s*định|Nghị\s*quyết|Thông\s*tư|Quyết\s*định|Pháp\s*lệnh)"
KIND_BEFORE_EFFECT = re.compile(rf"\b(?P<k>{_LEGAL_KIND})\b(?!.*\b{_LEGAL_KIND}\b)", re.I | re.S)


def document_effective(text: str) -> tuple[dt.date, str] | None:
    """The first "… <kind> …, có hiệu lực thi hành từ ngày <date>" of a document: the day and the folded kind of
    the text it names (the last legal kind written in the 200 characters before it)."""
    found = [m for rx in (EFFECTIVE_FROM, EFFECTIVE_FROM_WORDY) if (m := rx.search(text)) is not None]
    if not found:
        return None
    m = min(found, key=lambda f: f.start())
    day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    kind = KIND_BEFORE_EFFECT.search(text[max(0, m.start() - 200): m.start()])
    return (day, " ".join(fold(kind.group("k")).lower().split())) if day and kind else None


def _of_document_effect(count: re.Match[str]) -> dt.date | None:
    """The document's effective day, where the count runs from the same kind of text."""
    held = DOCUMENT_EFFECTIVE.get()
    if held is None:
        return None
    named = re.search(rf"kể\s*từ\s*ngày\s*(?:các\s+)?(?P<k>{_LEGAL_KIND})\b", count.group(0), re.I)
    return held[0] if named and " ".join(fold(named.group("k")).lower().split()) == held[1] else None


ANCHOR_DOCUMENT = re.compile(
    r"^(?:ký|ban\s*hành|nhận\s*được\s*(?:(?:văn\s*bản|công\s*văn|thông\s*báo|kết\s*luận|quyết\s*định|kế\s*hoạch|"
    r"chỉ\s*thị|công\s*điện|hướng\s*dẫn)\b|(?:thông\s*báo|văn\s*bản)\s*này))", re.I)
# without an anchor, only where the clause asks for something to be delivered ("báo cáo … trong 05 ngày"), not
# a duration ("tập huấn trong 02 ngày", "kiểm tra trong 05 ngày làm việc")
DELIVER_BEFORE = re.compile(r"(?:báo\s*cáo|gửi|nộp|trả\s*lời|hoàn\s*thành|hoàn\s*tất|xong|trình|tham\s*mưu|"
                            r"khắc\s*phục|xử\s*lý\s*dứt\s*điểm)\b[^.;:]{0,80}$", re.I)
DURATION_BEFORE = re.compile(r"(?:tập\s*huấn|kiểm\s*tra|thanh\s*tra|hội\s*nghị|diễn\s*ra|tổ\s*chức|kéo\s*dài|"
                             r"lưu\s*trú|cách\s*ly|nghỉ)\b[^.;:]{0,40}$", re.I)

# a span of months: "trong các tháng 10, 11/2026", "tháng 10 - 11 năm 2026", and a time cell "10-11/2026"
# (never a day: "10-11/2026" mixes two separators; a day is written "10/11/2026" or "10-11-2026"): the last month
MONTH_SPAN = re.compile(rf"(?P<cue>{_CUE})\s*(?:các\s*)?tháng\s*(?P<m1>\d{{1,2}})\s*(?:-|–|,|và|đến|hoặc)\s*"
                        r"(?:tháng\s*)?(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>\d{4})(?![\d/])", re.I)
BARE_MONTH_SPAN = re.compile(r"(?<![\d/.\-–])(?P<cue>)(?P<m1>\d{1,2})\s*[-–]\s*(?P<m>\d{1,2})\s*/\s*"
                             r"(?P<y>(?:19|20)\d\d)(?![\d/])")
# two days under one cue: "báo cáo trước ngày 15/10 và ngày 30/10/2026": the later one
DAY_CHAINED = re.compile(rf"(?P<cue>{_CUE}\s*ngày\s*\d{{1,2}}\s*[/.]\s*\d{{1,2}}(?:\s*[/.]\s*\d{{4}})?\s*"
                         r"(?:,|và|hoặc)\s*ngày\s*)(?P<d>\d{1,2})\s*[/.]\s*(?P<m>\d{1,2})(?:\s*[/.]\s*(?P<y>\d{4}))?"
                         r"(?![\d/])", re.I)
# a span of days: "hoàn thành trong các ngày 20-21/4/2026", "trong ngày 20 và 21/4": the last day
DAY_SPAN = re.compile(rf"(?P<cue>{_CUE})\s*(?:các\s*)?ngày\s*(?P<d1>\d{{1,2}})\s*(?:-|–|,|và)\s*(?:ngày\s*)?"
                      r"(?P<d>\d{1,2})\s*[/.]\s*(?P<m>\d{1,2})(?:\s*[/.]\s*(?P<y>\d{4}))?(?![\d/])", re.I)
# a month or quarter without its year: "hoàn thành trong tháng 6", "trước quý III năm nay": the first such period
# that has not ended by the document's date
MONTH_NO_YEAR = re.compile(rf"(?P<cue>{_CUE})\s*tháng\s*(?P<m>\d{{1,2}})(?:\s*năm\s*nay)?"
                           r"(?![\d\w]|\s*(?:[/.\-–,]\s*\d|năm\s*\d|và\b|đến\b|tới\s*tháng))", re.I)
# ("Trong quý II, các xã cần …": a comma ends the period unless another period or its year follows: "quý III, năm 2027",
# "quý I, II")
QUARTER_NO_YEAR = re.compile(rf"(?P<cue>{_CUE})\s*quý\s*(?P<q>IV|III|II|I|[1-4])(?:\s*năm\s*nay)?"
                             r"(?![\d\w]|\s*(?:[/.\-–,]\s*\d|năm\s*\d|,(?=\s*(?:năm|quý|IV|III|II|I)\b)|và\b|đến\b))",
                             re.I)
# a period named from the document's date: "trong tháng này", "trước cuối năm nay", "trong quý tới"
RELATIVE_PERIOD = re.compile(rf"(?P<cue>{_CUE})\s*(?P<unit>tháng|quý|năm)\s*(?P<which>này|nay|tới|sau|kế\s*tiếp)(?!\w)",
                             re.I)
# "… các nhiệm vụ trọng tâm trong tháng 9", "… là nhiệm vụ hàng đầu trong năm 2026": the period names which work,
# it is not a date to finish by
# (but "tập trung thực hiện các nhiệm vụ trọng tâm trong tháng 4", "Về nhiệm vụ trọng tâm trong năm 2024, X cần …": the
# work of that period is asked for, and done by its end; only "là nhiệm vụ … trong năm" states a view)
# ("phấn đấu các chỉ tiêu … trong quý II/2026 đạt 60%": the targets are to be met by then)
DESCRIBED_BEFORE = re.compile(r"(?<!hoàn thành các )(?<!hoàn thành )"
                              r"(?<!phấn đấu các )(?<!phấn đấu )(?<!phấn đấu đạt các )"
                              r"(?:(?<=\blà\s)nhiệm\s*vụ|(?<=\blà\scác\s)nhiệm\s*vụ|"
                              r"chỉ\s*tiêu|mục\s*tiêu)"
                              r"(?:\s+(?!làm\b|thực\s*hiện\b|hoàn\s*thành\b|xong\b)[^\s,.;:]+){0,3}\s*$", re.I)
# "… các nhiệm vụ đã đề ra trong năm 2018", "kế hoạch đã được phê duyệt trong quý I": when the work was set or done,
# not by when it must be finished
# ("những kết quả đạt được trong năm 2023": when it was achieved)
SET_BEFORE = re.compile(r"(?:\bđã\s+(?:được\s+)?[^\s,.;:]+(?:\s+[^\s,.;:]+)?|\bđề\s*ra|\bđặt\s*ra|\bđạt\s*được)\s*$",
                        re.I)
# a clause that forbids or holds something back: "Chưa thực hiện tăng giá …", "Tạm dừng tuyển dụng …"
BAN_OPENS = re.compile(r"[\s\-+•*]*(?:chưa|không|tạm\s*(?:dừng|hoãn|ngừng)|dừng)\s", re.I)
# … or a ban just before the period, in the clause: "xem xét không tổ chức kiểm tra định kỳ trong năm 2026"
BAN_NEAR = re.compile(r"\b(?:chưa|không|tạm\s*(?:dừng|hoãn|ngừng))\s+(?!để\b|chậm\b|được\s*chậm\b)"
                      r"(?:(?!hoàn\s*thành|xong|báo\s*cáo|trình|gửi|nộp)[^.;:,()]){0,60}$", re.I)
# work finished before the ban word, which then tells the state of its object: "hoàn thành hồ sơ thu hồi đất chưa GPMB
# … trong tháng 12/2013" (land not yet cleared), not a ban
FINISH_WORK = re.compile(r"\b(?:hoàn\s*thành|hoàn\s*tất|hoàn\s*thiện)\b", re.I)


def _ban_near(before: str) -> bool:
    ban = BAN_NEAR.search(before)
    return ban is not None and not FINISH_WORK.search(_clause_before(before, ban.start()))


# the day of a meeting or ceremony: "dự Hội nghị vào ngày 12/6/2026"
EVENT_NOUN_BEFORE = re.compile(r"(?:hội\s*nghị|cuộc\s*họp|phiên\s*họp|buổi|lễ|kỷ\s*niệm|hội\s*thảo|đại\s*hội|hội\s*thi)"
                               r"[^.;,]{0,60}$", re.I)
# … but the doer's own event is its work, done on that day: "tổ chức Hội nghị sơ kết … vào tháng 11 năm 2013"
ORGANISES_BEFORE = re.compile(r"\btổ\s*chức\s+(?:các\s+)?(?:hội\s*nghị|hội\s*thảo|lễ|hội\s*thi|đại\s*hội|tọa\s*đàm)"
                              r"[^.;,]{0,80}$", re.I)
# OCR misreads the "t" opening a time cue in a scan: "frong tháng 01/2026", "(rong tháng 01/2026", "lrước ngày 15/6"
# (only before a period and its number, where no other word of that shape can stand)
OCR_TIME_CUE = re.compile(r"(?<![^\W\d_])[f(l|I1íì\[]r(?:ong|ước)(?=\s+(?:(?:ngày|tháng|năm)\s*\d|quý\s*(?:[IV]+|\d)\b|"
                          r"(?:thời\s*hạn|vòng)\s+\d))", re.U)
# OCR splits a day in two: "trước ngày 3 1/12/2026"
OCR_SPLIT_DAY = re.compile(r"(ngày\s+)([0-3])\s([0-9])(?=\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})", re.I)
# a scan or a copy splits the day or the month of a written-out date: "ngày 26 tháng 0 6 năm 2018", "ngày 2 6 tháng 6"
_SPLIT_WORDY = re.compile(r"(?P<word>ngày|tháng)(?P<gap>\s*)(?P<a>\d)\s(?P<b>\d)(?=\s*(?:tháng|năm)\b)", re.I)


def mend_split_date(text: str) -> str:
    """`text` with the two digits of a day or month a stray space split joined ("tháng 0 6 năm" → "tháng 06 năm"),
    when they make a day (month) that can be: "ngày … tháng … năm …" is then read as one date (probe 24 #17)."""
    def joined(m: re.Match[str]) -> str:
        value, most = int(m["a"] + m["b"]), (31 if m["word"].lower() == "ngày" else 12)
        return f"{m['word']}{m['gap'] or ' '}{m['a']}{m['b']}" if 1 <= value <= most else m.group()
    return _SPLIT_WORDY.sub(joined, text)

_EVERY = r"(?:hằng|hàng|định\s*kỳ|mỗi)"
_ONCE_PER = r"(?:0?1|một)\s*lần\s*(?:/|trên|mỗi|một)\s*"  # "01 lần/năm", "một lần mỗi tháng"
# a reporting regime: "kỳ báo cáo là năm", "Kỳ báo cáo: 6 tháng", "… nộp trước ngày 15/02 của năm liền kề sau năm báo
# cáo"
_PERIOD_OF_REPORT = r"kỳ\s*báo\s*cáo\s*(?:là|:)?\s*(?:0?1\s*(?=năm|tháng|quý))?"
_RECURRENCE = [
    ("biweekly", re.compile(r"\b0?2\s*tuần\s*(?:/|một)\s*lần|hai\s*tuần\s*(?:/|một)\s*lần", re.I)),
    ("semiannual", re.compile(r"\b0?6\s*tháng\s*(?:/|một)\s*lần|(?:hằng|hàng|định\s*kỳ|mỗi)\s*(?:06|6|sáu)\s*tháng|"
                              r"sơ\s*kết\s*6\s*tháng|\b(?:0?2|hai)\s*lần\s*(?:/|trên|mỗi|một)\s*năm|"
                              + _PERIOD_OF_REPORT + r"(?:06|6|sáu)\s*tháng", re.I)),
    ("daily", re.compile(rf"(?:hằng|hàng|mỗi)\s*ngày|{_ONCE_PER}ngày", re.I)),
    ("weekly", re.compile(rf"{_EVERY}\s*tuần|thứ\s*\w+\s*(?:hằng|hàng)\s*tuần|{_ONCE_PER}tuần|\b0?1\s*tuần\s*/\s*lần",
                          re.I)),
    # ("Báo cáo tháng gửi trước ngày 15 của tháng sau": a monthly report, due on a day of each month)
    ("monthly", re.compile(rf"{_EVERY}\s*tháng|ngày\s*\d{{1,2}}\s*(?:hằng|hàng)\s*tháng|{_ONCE_PER}tháng|"
                           r"báo\s*cáo\s*tháng\b(?!\s*\d)[^.;]{0,60}?ngày\s*\d{1,2}\s*của\s*tháng\b(?!\s*\d)|"
                           rf"{_PERIOD_OF_REPORT}tháng|\b0?1\s*tháng\s*/\s*lần", re.I)),
    ("quarterly", re.compile(rf"{_EVERY}\s*quý|tháng\s*(?:cuối|đầu)\s*(?:của\s*)?(?:mỗi\s*)?quý|{_ONCE_PER}quý|"
                             rf"\b0?3\s*tháng\s*(?:/|một)\s*lần|(?:định\s*kỳ|mỗi)\s*(?:0?3|ba)\s*tháng|"
                             rf"{_PERIOD_OF_REPORT}quý", re.I)),
    ("yearly", re.compile(rf"{_EVERY}\s*năm|{_ONCE_PER}năm|{_PERIOD_OF_REPORT}năm|"
                          r"năm\s*(?:liền\s*kề\s*)?sau\s*năm\s*báo\s*cáo|\b0?1\s*năm\s*/\s*lần", re.I)),
]
# "hằng năm" that names a kind of plan or a way of life, not how often the task comes back: "kế hoạch 5 năm và hằng
# năm", "kế hoạch hằng năm và dài hạn", "sinh hoạt hằng ngày"
NOT_RECURRENCE = re.compile(r"(?:\d+|năm)\s*năm\s*(?:và|,)\s*(?:hằng|hàng)\s*năm|"
                            r"(?:hằng|hàng)\s*năm\s*(?:và|,)\s*(?:dài|trung|ngắn)\s*hạn|"
                            r"(?:dài|trung|ngắn)\s*hạn\s*(?:và|,)\s*(?:hằng|hàng)\s*năm|"
                            r"(?:cuộc\s*sống|đời\s*sống|sinh\s*hoạt|nhu\s*cầu|sử\s*dụng)\s*(?:hằng|hàng)\s*ngày|"
                            # the periodic thing a one-off change is put into: "đưa tiêu chí X vào nội dung đánh giá
                            # cán bộ hằng năm", "lồng ghép vào kế hoạch hằng năm", "đưa vào khuôn khổ hợp tác hằng năm"
                            r"\b(?:đưa|lồng\s*ghép|bổ\s*sung|tích\s*hợp)\b[^.;:]{0,120}?\svào\s+[^.;:]{0,80}?"
                            r"(?:hằng|hàng)\s*(?:năm|quý|tháng)|"
                            # the periods a plan or quota is set for: "hạn ngạch … cho giai đoạn đến năm 2030 và hằng
                            # năm" (not "Thời gian hoàn thành: Năm 2022 và hàng năm": a time field, done every year)
                            r"giai\s*đoạn[^.;:]{0,40}?\s(?:và|,)\s*(?:hằng|hàng)\s*năm|"
                            # the year's budget named as a source: "bố trí kinh phí trong dự toán ngân sách (được giao)
                            # hằng năm", "phù hợp khả năng cân đối ngân sách nhà nước hằng năm"
                            # (also the yearly cost estimate a plan holds: "xây dựng kế hoạch (dự toán kinh phí
                            # hàng năm)")
                            r"(?:dự\s*toán\s*)?(?:ngân\s*sách|(?<=dự\stoán\s)kinh\s*phí)(?:\s*(?:nhà\s*nước|được\s*giao|địa\s*phương|trung\s*ương))?"
                            r"\s*(?:hằng|hàng)\s*năm|"
                            # one edition of a periodic event: "chương trình … định kỳ tháng 8/2026"
                            r"định\s*kỳ\s*(?:(?:tháng\s*\d{1,2}|quý\s*[ivx\d]{1,4})\s*(?:/|-|năm)\s*|năm\s*)\d{4}|"
                            # the hours of a day's work, not a daily task: "chỉ được khai thác từ 6h sáng và kết thúc
                            # trước 18h hằng ngày", "mở cửa từ 7 giờ đến 17 giờ hàng ngày"
                            r"\btừ\s*\d{1,2}\s*(?:h|giờ)[^.;:]{0,60}?\s(?:đến|tới|trước)\s*\d{1,2}\s*(?:h|giờ)\s*"
                            r"(?:\d{1,2}\s*)?(?:sáng|trưa|chiều|tối)?\s*(?:hằng|hàng)\s*ngày",
                            re.I)


@dataclass(frozen=True, kw_only=True)
class Deadline:
    due: dt.date
    text: str
    start: int
    exact: bool  # a day was named ("trước ngày 15/4"), not a month, quarter or year
    year_given: bool = True  # False for "trước ngày 20/5": the year was inferred


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _day_or_month_end(y: int, m: int, d: int) -> dt.date | None:
    """A deadline day; a day the month does not have ("trước ngày 31/11", "30/02") is read as its last day."""
    if 29 <= d <= 31 and 1 <= m <= 12:
        return dt.date(y, m, min(d, calendar.monthrange(y, m)[1]))
    return _safe_date(y, m, d)


def _month_end(y: int, m: int) -> dt.date | None:
    if not 1 <= m <= 12:
        return None
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _before_period(m: re.Match[str], year: int, last_month: int, months: int) -> tuple[int, int]:
    """The last month of a period, or, "trước tháng 7/2020" ("before July"), the month before the period."""
    if not re.search(r"trước\s*$", m.group("cue"), re.I):
        return year, last_month
    month = last_month - months
    return (year, month) if month >= 1 else (year - 1, month + 12)


@functools.lru_cache(maxsize=64)
def _lunar_holiday(name: str, issued_on: dt.date) -> dt.date | None:
    """The first day on or after `issued_on` that the Vietnamese calendar names `name`."""
    import holidays  # only documents that name a lunar holiday pay for the table

    days = holidays.country_holidays("VN", language="vi", years=(issued_on.year, issued_on.year + 1))
    return min((d for d, n in days.items() if n == name and d >= issued_on), default=None)


@functools.cache
def _calendar() -> WorkingCalendar:
    from scheduler.calendar import WorkingCalendar  # the holidays table is built on first use

    return WorkingCalendar()


def _working_days_after(day: dt.date, count: int) -> dt.date:
    """"trong 05 ngày làm việc": Monday to Friday less public holidays, as the scheduler counts them."""
    return _calendar().add_working_days(day, count)


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _not_ended(year: int, month: int, issued_on: dt.date) -> dt.date | None:
    """The end of `month` in the document's year, or the next year's when that month is over."""
    due = _month_end(year, month)
    if due is not None and due < issued_on:
        due = _month_end(year + 1, month)
    return due


CHAIN_HINT = re.compile(r"(?:\d|\b[IV]+)\s*(?:,|và|hoặc)\s*(?i:tháng|quý|năm)")


def _month_due(m: re.Match[str]) -> dt.date | None:
    return _month_end(*_before_period(m, int(m.group("y")), int(m.group("m")), 1))


def _quarter_due(m: re.Match[str]) -> dt.date | None:
    return _month_end(*_before_period(m, int(m.group("y")), _ROMAN[m.group("q").lower()] * 3, 3))


def _year_due(m: re.Match[str]) -> dt.date | None:
    year = int(m.groupdict().get("y2") or m.group("y"))
    # "hoàn thành trước năm 2027": before that year begins, as "trước tháng 7" is by the end of June
    return dt.date(year - 1 if re.search(r"trước\s*$", m.group("cue"), re.I) else year, 12, 31)


def _clause_before(text: str, end: int) -> str:
    """The clause that runs up to `end`: from the last '.', ';' or ':' before it."""
    head = text[:end]
    return head[max(head.rfind(". "), head.rfind("; "), head.rfind(": "), head.rfind("\n")) + 1:]


# "tính đến ngày 15/3/2026", "tính đến hết ngày …": the day figures or ages are counted to
COUNTED_UNTIL = re.compile(r"\btính\s*$", re.I | re.U)
# the day of the document itself, in an urgent letter or telegram: "về bờ neo đậu trước 20h tối nay", "báo cáo trước
# 16 giờ ngày hôm nay", "hoàn thành trong ngày hôm nay"
SAME_DAY = re.compile(r"(?P<cue>\b(?:trước|(?:chậm|muộn)\s*nhất(?:\s*(?:là|vào))?|trong))\s*"
                      r"(?:(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2})?\s*(?:phút\s*)?)?(?:sáng|trưa|chiều|tối)\s*nay|"
                      r"(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2})?\s*(?:phút\s*)?)?(?:,\s*)?(?:ngày\s*)?hôm\s*nay)\b",
                      re.I | re.U)


# the start of a period before its end ("từ ngày 11/9 đến hết …", "từ ngày 20.1 đến ngày 28.1.2016"), not "từ nay"
PERIOD_FROM = re.compile(r"\btừ\b(?!\s*(?:nay|bây\s*giờ)\s*$)(?:[^.;:]|(?<=\d)\.(?=\d))*$", re.I)


def find_deadlines(text: str, *, issued_on: dt.date | None, effective_on: dt.date | None = None) -> list[Deadline]:
    """Every deadline phrase in `text`, in order of appearance. `effective_on`: the day the legal text the document
    applies takes effect, when the document says so elsewhere (else read from `text` itself)."""
    found: list[Deadline] = []
    taken: list[tuple[int, int]] = []
    text = OCR_SPLIT_DAY.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)} ", text)  # same length
    text = OCR_TIME_CUE.sub(lambda m: "t" + m.group(0)[1:], text)  # "frong tháng 01/2026": same length

    def add(match: re.Match[str], due: dt.date | None, exact: bool = False, year_given: bool = True) -> None:
        if due is None:
            return
        span = match.span()
        if any(a < span[1] and span[0] < b for a, b in taken):
            return
        cue = (match.groupdict().get("cue") or "").lower()
        before = text[max(0, span[0] - 120): span[0]]
        if cue.startswith(("đến", "tới")) and PERIOD_FROM.search(before[-60:]):
            return  # the end of a period ("từ ngày 11/9 đến hết năm 2026"), not a deadline; "từ nay đến hết …" is one
        if cue.startswith(("đến", "tới")) and COUNTED_UNTIL.search(before[-30:]):
            return  # the day figures are counted to ("danh sách công dân tính đến ngày 15/3 đủ 18 tuổi"), not a due
        if cue.startswith(("đến", "tới")) and VALID_UNTIL.search(before[-40:]):
            return  # how long a paper or a mandate holds ("có hiệu lực đến ngày 31/12"), not work to finish
        if EVENT_BEFORE.search(before) and not (cue.startswith(("hoàn thành", "xong", "hoàn tất"))
                                                and STRIVE_BEFORE.search(before)):
            return  # the date of a meeting or event, not of work to finish ("diễn ra theo kế hoạch và phấn đấu
            # hoàn thành trước ngày 20-4-2019": the cue itself asks for the work to be finished)
        if POSSIBLE_BEFORE.search(before):
            return  # "nếu xã quyết tâm thì … có thể hoàn thành muộn nhất là trong năm 2020": a possibility, not a due
        if cue.startswith("trong") and not exact and DESCRIBED_BEFORE.search(before[-50:]):
            return  # "các nhiệm vụ trọng tâm trong tháng 9": which work, not by when
        if cue.startswith("trong") and not exact and SET_BEFORE.search(before[-30:]):
            return  # "các nhiệm vụ đã đề ra trong năm 2018": when it was set
        if cue.startswith("trong") and not exact and (BAN_OPENS.match(_clause_before(text, span[0]))
                                                   or _ban_near(before)):
            return  # "Chưa điều chỉnh giá trong quý I và quý II năm 2026": how long a ban lasts, not a deadline
        if cue.startswith("vào") and (EVENT_NOUN_BEFORE.search(before) and not ORGANISES_BEFORE.search(before)
                                      or issued_on is not None and due < issued_on):
            return  # the day of a meeting or ceremony, or of something already done
        taken.append(span)
        found.append(Deadline(due=due, text=match.group(0).strip(" ,;:"), start=span[0], exact=exact,
                              year_given=year_given))

    def add_day_month(match: re.Match[str], day: int, month: int) -> None:
        """A day and month, with the match's year, else the first such day not before the issue date."""
        if match.groupdict().get("yy"):  # "20/3/26": a year written short
            add(match, _day_or_month_end(2000 + int(match.group("yy")), month, day), exact=True)
        elif match.group("y"):
            add(match, _day_or_month_end(int(match.group("y")), month, day), exact=True)
        elif EVERY_YEAR_AFTER.match(text, match.end()):
            return  # "trước ngày 01 tháng 6 hằng năm": a day that comes back every year, no one deadline
        elif issued_on is not None:
            due = _day_or_month_end(issued_on.year, month, day)
            if due is not None and due < issued_on:
                due = _day_or_month_end(issued_on.year + 1, month, day)
            add(match, due, exact=True, year_given=False)

    for m in RANGE_END.finditer(text):
        if (RANGE_NOT_DUE.search(text[max(0, m.start() - 40): m.start()]) or text[:m.start()].rstrip().endswith("(")
                or FORECAST_BEFORE.search(text[max(0, m.start() - 100): m.start()])
                or ACTIVITY_WINDOW.search(text[max(0, m.start() - 140): m.start()])):
            continue  # a period told, not a window to work in: "… trong dịp nghỉ Lễ (từ ngày 30/4 đến ngày 03/5)"
        d, mo = int(m.group("d")), int(m.group("m"))
        start_year = re.search(r"\d{4}", m.group("cue"))
        year = int(m.group("y") or (start_year.group(0) if start_year else 0)) or (issued_on.year if issued_on else 0)
        if year:
            add(m, _safe_date(year, mo, d), exact=True, year_given=bool(m.group("y") or start_year))
    for m in DAY_CHAINED.finditer(text):
        add_day_month(m, int(m.group("d")), int(m.group("m")))
    for m in DAY_SPAN.finditer(text):
        if int(m.group("d1")) < int(m.group("d")):
            add_day_month(m, int(m.group("d")), int(m.group("m")))
    for rx in (MONTH_SPAN, BARE_MONTH_SPAN):
        for m in rx.finditer(text):
            first, last = int(m.group("m1")), int(m.group("m"))
            if 1 <= first < last <= 12 and not re.search(r"ngày\s*$", text[max(0, m.start() - 8): m.start()], re.I):
                add(m, _month_end(int(m.group("y")), last))
    for rx in (FULL_DATE, WORDY_DATE):
        for m in rx.finditer(text):
            d, mo = int(m.group("d")), int(m.group("m"))
            add_day_month(m, d, mo)
    for m in HOLIDAY.finditer(text):
        name = fold(m.group("name"))
        if name in _LUNAR:
            if issued_on is not None:
                add(m, _lunar_holiday(_LUNAR[name], issued_on), exact=True, year_given=False)
            continue
        month, day = _HOLIDAYS[name]
        if m.group("d"):
            day, month = int(m.group("d")), int(m.group("m"))
        add_day_month(m, day, month)
    if issued_on is not None:
        for m in WITHIN_DAYS.finditer(text):
            before = text[max(0, m.start() - 120): m.start()]
            if m.group("anchor"):
                if not ANCHOR_DOCUMENT.match(m.group("what").strip()):
                    continue  # counted from another event ("kể từ ngày Luật có hiệu lực")
            elif not DELIVER_BEFORE.search(before) or DURATION_BEFORE.search(before):
                continue  # how long something lasts, not by when it is done
            probe = Deadline(due=issued_on, text=m.group(0), start=m.start(), exact=True)
            if PAST_TELLING.search(_sentence_of(text, probe)):
                continue  # "Công văn số … đã giao … báo cáo trong 30 ngày, nhưng đến nay …": another document's count
            n = int(m.group("n"))
            if m.group("unit").lower() == "tháng":
                due = _add_months(issued_on, n)
            elif m.group("unit").lower() == "tuần":
                due = issued_on + dt.timedelta(weeks=n)
            elif m.group("work"):
                due = _working_days_after(issued_on, n)
            else:
                due = issued_on + dt.timedelta(days=n)
            add(m, due, exact=True)
    if issued_on is not None and "nay" in text:
        for m in SAME_DAY.finditer(text):
            add(m, issued_on, exact=True)
    if "hiệu lực" in text and ((own := effective_on or effective_date(text)) is not None or
                               DOCUMENT_EFFECTIVE.get() is not None):
        for m in WITHIN_OF_EFFECT.finditer(text):
            if (start := own or _of_document_effect(m)) is None:
                continue
            n, unit = int(m.group("n")), m.group("unit").lower()
            add(m, _add_months(start, 12 * n if unit == "năm" else n) if unit != "ngày" else
                start + dt.timedelta(days=n), exact=True)
    for m in FIELD_MONTH.finditer(text):
        add(m, _month_end(int(m.group("y")), int(m.group("m"))))
    if CHAIN_HINT.search(text):  # before its first period is taken alone
        for rx, end_of in ((MONTH_CHAINED, _month_due), (QUARTER_CHAINED, _quarter_due), (YEAR_CHAINED, _year_due)):
            for m in rx.finditer(text):
                add(m, end_of(m))
    for m in MONTH.finditer(text):
        add(m, _month_due(m))
    for m in QUARTER.finditer(text):
        add(m, _quarter_due(m))
    for m in SUBMIT_QUARTER.finditer(text):
        add(m, _month_end(int(m.group("y")), _ROMAN[m.group("q").lower()] * 3))
    for m in SUBMIT_MONTH.finditer(text):
        add(m, _month_end(int(m.group("y")), int(m.group("m"))))
    if TABLE_ROW.search(text):  # only in a row read from a task table ("Cơ quan chủ trì: …")
        for m in MONTH_CELL.finditer(text):
            add(m, _month_end(int(m.group("y")), int(m.group("m"))))
        for m in QUARTER_CELL.finditer(text):
            add(m, _month_end(int(m.group("y")), _ROMAN[m.group("q").lower()] * 3))
    for m in HALF.finditer(text):
        if NAMED_HALF_BEFORE.search(before := _clause_before(text, m.start())[-100:]) and \
                not re.search(r"\b(?:hoàn\s*thành|xong|đạt|vượt)\b", before, re.I):
            continue  # "báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2026": what the report is about
        add(m, _month_end(int(m.group("y")), int(m.group("n"))))
    for m in LATER_YEAR.finditer(text):
        if TIME_FIELD.search(text[max(0, m.start() - 50): m.start()]):
            add(m, dt.date(int(m.group("y")), 12, 31))
    for rx in (YEAR, FIELD_YEAR):
        for m in rx.finditer(text):
            if FORECAST_BEFORE.search(_clause_before(text, m.start())[-80:]):
                continue  # "chủ động trước dự báo tình hình khô, hạn trong năm 2019": when the forecast holds
            if m.group("cue").lower() == "cuối" and LATE_MONTHS_BEFORE.search(text[max(0, m.start() - 12):m.start()]) \
                    and NAMED_PERIOD_OWNER.search(before := _clause_before(text, m.start())[-100:]) and \
                    not re.search(r"\b(?:hoàn\s*thành|xong|đạt|vượt)\b", before, re.I):
                continue  # "kế hoạch 6 tháng cuối năm 2015": the period the plan covers
            add(m, _year_due(m))
    for m in REST_OF_YEAR.finditer(text) if "còn lại" in text else ():
        last_year = int(m.group("y")) if m.group("y") else issued_on.year if issued_on else None
        if last_year is not None:
            add(m, dt.date(last_year, 12, 31))
    for m in YEAR_BY_FRAME.finditer(text):
        add(m, _year_due(m))
    for m in YEAR_FRAME.finditer(text):
        if issued_on is None or int(m.group("y")) >= issued_on.year:
            add(m, _year_due(m))
    for m in MONTH_FRAME.finditer(text):
        if issued_on is None or int(m.group("y")) >= issued_on.year:
            add(m, _month_end(int(m.group("y")), int(m.group("m"))))
    for m in QUARTER_FRAME.finditer(text):
        if issued_on is None or int(m.group("y")) >= issued_on.year:
            add(m, _month_end(int(m.group("y")), _ROMAN[m.group("q").lower()] * 3))
    if issued_on is not None:
        for m in RELATIVE_PERIOD.finditer(text):
            ahead = 0 if fold(m.group("which")) == "nay" else 1  # "này", "nay": this one
            unit = fold(m.group("unit"))
            if unit == "thang":
                end_month = issued_on.month + ahead
            elif unit == "quy":
                end_month = ((issued_on.month - 1) // 3 + 1 + ahead) * 3
            else:
                end_month = 12 + 12 * ahead
            year, month = issued_on.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1
            add(m, _month_end(*_before_period(m, year, month, {"thang": 1, "quy": 3}.get(unit, 12))),
                year_given=False)
        for m, last_month, months in [
                *((m, int(m.group("m")), 1) for m in MONTH_NO_YEAR.finditer(text)),
                *((m, _ROMAN[m.group("q").lower()] * 3, 3) for m in QUARTER_NO_YEAR.finditer(text))]:
            year, month = _before_period(m, issued_on.year, last_month, months)
            period_end = _not_ended(year, month, issued_on)
            probe = Deadline(due=issued_on, text=m.group(0), start=m.start(), exact=False)
            if re.match(r"[^.;]{0,30}?(?:năm\s*|/\s*)(?:19|20)\d\d", text[m.end():]):
                continue  # "đến hết tháng 6 hoặc tháng 12 năm 2020": the year written further on is this one's
            if period_end is None or PAST_TELLING.search(SET_WORK.sub("", _sentence_of(text, probe))) or \
                    period_end.year > issued_on.year and (issued_on.month - month) % 12 < 6:
                continue  # "Trong tháng 4, các đơn vị đã …" in May: a month told, not next year's April
            add(m, period_end, year_given=False)
    return sorted(found, key=lambda d: d.start)


def pick_deadline(text: str, *, issued_on: dt.date | None, effective_on: dt.date | None = None) -> Deadline | None:
    """The date by which the work must be finished: the last deadline named."""
    found = find_deadlines(text, issued_on=issued_on, effective_on=effective_on)
    if issued_on is not None:
        found = [d for d in found if not (d.due < issued_on and _told_as_past(text, d))]
    found = [d for d in found if not _aside_of_the_past(text, d)]
    found = _own_part(text, found)
    found = _main_clause(text, found)
    found = _first_sentence(text, found)
    found = _not_for_purpose(text, found)
    found = _not_anothers_turn(text, found)
    if not found:
        found = _prepared_for(text, issued_on)
    return max(found, key=lambda d: (d.start)) if found else None


# "… trước ngày 15/6/2026 để kịp trình HĐND tỉnh tại kỳ họp tháng 7/2026", "gửi Sở Tài chính trước ngày 20/3 để
# tổng hợp, trình UBND tỉnh trong tháng 4": what the date is for, done by others or later
PURPOSE = re.compile(r"[^.;]*?\b(?:để|nhằm)\s+(?:kịp\s+)?(?:tổng\s*hợp|trình|báo\s*cáo|phục\s*vụ|tham\s*mưu)\b[^.;]*$",
                     re.I)


def _not_for_purpose(text: str, found: list[Deadline]) -> list[Deadline]:
    """Drop the dates of what the work is for ("để tổng hợp, trình …") after a dated day of the same sentence."""
    for first in found:
        if not first.exact:
            continue
        end = first.start + len(first.text)
        kept = [d for d in found if d.start < end or not PURPOSE.match(text[end:d.start + len(d.text)])]
        if len(kept) < len(found):
            return kept
    return found


# "Đăng ký các đề án … để UBND tỉnh thảo luận tập thể trong năm 2016": the time named after "để <another unit>" is
# when that unit does its part, not when this work is due
FOR_ANOTHER = re.compile(r"\bđể\s+(?:cho\s+)?", re.I)


def _not_anothers_turn(text: str, found: list[Deadline]) -> list[Deadline]:
    """Drop the periods ("trong năm 2016", "tháng 7") named in a purpose clause whose doer is another unit."""
    kept = []
    for d in found:
        clause = next((m for m in FOR_ANOTHER.finditer(text, max(0, d.start - 160), d.start)
                       if not re.search(r"[.;:]", text[m.end():d.start])), None)
        if clause is not None and not d.exact and UNIT_START.match(text, clause.end()):
            continue
        kept.append(d)
    return kept


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ\"“(])")
# a sentence about another party or event: "Đối với các đoàn thể …", "Riêng xã A …", "Đại hội Đảng bộ huyện …",
# "UBND các huyện …"
OTHER_SUBJECT = re.compile(r"(?P<aside>Đối\s*với|Riêng)\s|(?:Đại\s*hội|Hội\s*nghị)\s", re.U)


# a sentence that cites a legal rule: "Điều 24 của Luật …", "Khoản 2 Điều 8 …", "Theo quy định tại Điều 10 …"
CITED_RULE = re.compile(r"\s*(?:\(?\d{1,3}\)?\s*)?(?:(?:Theo|Căn\s*cứ)\s+(?:quy\s*định\s+tại\s+)?)?"
                        r"(?:Điều|Khoản|Điểm)\s+(?:\d|[a-zđ]\b)", re.U)


def _first_sentence(text: str, found: list[Deadline]) -> list[Deadline]:
    """"Các huyện thành lập đoàn …, xong trước ngày 31/7. … Đối với các đoàn thể …, báo cáo trước ngày 5/10": when
    the task's own sentence has its deadline, a later sentence about another party does not move it."""
    if len(found) < 2:
        return found
    starts = [0, *(m.end() for m in SENTENCE_END.finditer(text))]
    if len(starts) < 2:
        return found
    own = [d for d in found if d.start < starts[1]]
    if not own:
        return found
    head = fold(name_prefix(text[:starts[1]]))
    for a, b in zip(starts[1:], [*starts[2:], len(text)], strict=True):
        m = OTHER_SUBJECT.match(text, a)
        if any(a <= d.start < b for d in found) and (m or UNIT_START.match(text, a)) and (
                m and m.group("aside") or fold(name_prefix(text[a:b])) != head):
            return own
        if any(a <= d.start < b for d in found) and CITED_RULE.match(text, a):
            return own  # "… chậm nhất là ngày 4/3/2021. Điều 24 của Luật … chậm nhất là ngày 14/3/2021": a rule cited
    return found


# "… gửi về Tiểu ban nội dung trước ngày 10/01, Tiểu ban nội dung dự thảo báo cáo … vào đầu tháng 02": what the
# recipient does next is its own work; the task is done when the report is sent
SENT_TO = re.compile(r"(?:gửi|nộp|báo\s*cáo)(?:\s+[^\s,.;]+){0,4}?\s+(?:về|đến|cho|tới)\s+"
                     r"(?:(?:cơ\s*quan|đơn\s*vị)\s+)?"
                     r"(?P<x>[^,.;()]{3,60}?)\s*(?:\([^)]*\)\s*)?(?:trước|chậm\s*nhất|trong)\b", re.I)


def _own_part(text: str, found: list[Deadline]) -> list[Deadline]:
    """Drop the deadlines after a report is sent to X of the clauses whose doer is X."""
    for first in found:
        sent = next((m for m in SENT_TO.finditer(text, max(0, first.start - 120), first.start + len(first.text))
                     if m.end() >= first.start - 1), None)
        if sent is None:
            continue
        recipient = fold(sent.group("x")).split()[:3]
        if not recipient:
            continue
        kept = []
        for later in found:
            between = text[first.start + len(first.text): later.start]
            if later.start > first.start and any(fold(clause).split()[: len(recipient)] == recipient
                                                 for clause in re.split(r"[,.;]", between)[1:]):
                continue  # "…, Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 20/6": the recipient's own date
            kept.append(later)
        return kept
    return found


# an aside about another party or an exception: "(riêng xã A hoàn thành trước ngày 10/3)", "(Đảng bộ xã B được chọn
# làm điểm, hoàn thành trước …)", "(Sở Tài chính tổng hợp trước ngày 20/6)"
OTHER_PARTY_ASIDE = re.compile(r"\(\s*(?:riêng|đối\s*với|trừ|ngoại\s*trừ|"
                               r"(?:Đảng\s*bộ|Chi\s*bộ|UBND|Ủy\s*ban|Sở|Phòng|Ban|Cục|Vụ|Trường|Xã|Phường|Huyện|"
                               r"Đơn\s*vị|Công\s*an|Bộ)\s)[^()]*$")


def _main_clause(text: str, found: list[Deadline]) -> list[Deadline]:
    """Drop the deadlines of an aside about another party when the sentence gives its own outside the aside."""
    def aside(d: Deadline) -> bool:
        return bool(OTHER_PARTY_ASIDE.search(text[max(0, d.start - 200): d.start]))

    own = [d for d in found if not aside(d)]
    return own if own else found


# work that prepares a dated meeting or visit is due on its day: "chuẩn bị nội dung làm việc … theo lịch 16 giờ ngày
# 30/7/2026 và khảo sát … sáng ngày 31/7/2026"
PREPARE = re.compile(r"\bchuẩn\s*bị\b[^.;]*", re.I)
EVENT_DAY = re.compile(r"(?<!ký\s)(?<!hành\s)ngày\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})(?![\d/])",
                       re.I)


def _prepared_for(text: str, issued_on: dt.date | None) -> list[Deadline]:
    """The days of the events a preparing clause names, when the task gives no deadline of its own."""
    out = []
    for prep in PREPARE.finditer(text):
        for m in EVENT_DAY.finditer(prep.group(0)):
            day = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if day is not None and (issued_on is None or day >= issued_on):
                out.append(Deadline(due=day, text=m.group(0), start=prep.start() + m.start(), exact=True))
    return out


def _sentence_of(text: str, deadline: Deadline) -> str:
    start = max(text.rfind(". ", 0, deadline.start), text.rfind("; ", 0, deadline.start)) + 1
    end = min((i for i in (text.find(". ", deadline.start), text.find("; ", deadline.start)) if i >= 0),
              default=len(text))
    return text[start:end]


ONGOING = re.compile(r"\bthường\s*xuyên\b", re.I)


def ongoing(text: str, deadline: Deadline) -> bool:
    """"Thường xuyên theo dõi … giải ngân vốn trong năm 2026": ongoing work whose period is no deadline; only the
    sentence of the period counts ("… giao hết vốn trong tháng 3/2026. Thường xuyên kiểm tra …" has one)."""
    return not deadline.exact and bool(ONGOING.search(_sentence_of(text, deadline)))


EVERY_YEAR_AFTER = re.compile(r"\s*(?:năm\s*)?(?:hằng|hàng|mỗi)\s*năm\b", re.I)
PAST_TELLING = re.compile(r"\bđã\b|\bnhưng\b|đến\s*nay|vẫn\s*chưa", re.I)
# the work named by when it was set, inside a sentence that asks it now: "… thực hiện tốt 12 nhiệm vụ mà UBND Thị xã
# đã đề ra", "… các chỉ tiêu đã được giao": no telling of the past
SET_WORK = re.compile(r"\bđã\s+(?:được\s+)?(?:đề\s*ra|đặt\s*ra|giao|phê\s*duyệt|ban\s*hành|thống\s*nhất|đăng\s*ký|"
                      r"cam\s*kết)\b", re.I)


def _told_as_past(text: str, deadline: Deadline) -> bool:
    """"Cục X đã có Văn bản … đề nghị Y ban hành trước ngày 05/02/2026, nhưng đến nay …": a deadline that had
    passed when the document was written, told as background."""
    return bool(PAST_TELLING.search(_sentence_of(text, deadline)))


# a news copy's aside on what was done before: "Được biết, vào chiều ngày 02/11/2017, UBND tỉnh đã có Thông báo khẩn
# …", "Trước đó, ngày 12/3, Sở X đã …" — the day of that, no deadline of the work told above it
ASIDE_OPENING = re.compile(r"(?:^|[.…!?;]\s*)\W*(?:Được\s*biết|Trước\s*đó|Trước\s*đây|Vừa\s*qua|Thời\s*gian\s*qua)"
                           r"\s*,[^.;…]*$", re.I)


def _aside_of_the_past(text: str, deadline: Deadline) -> bool:
    before = text[max(0, deadline.start - 200):deadline.start]
    end = min((i for i in (text.find(". ", deadline.start), text.find("; ", deadline.start)) if i >= 0),
              default=len(text))
    return ASIDE_OPENING.search(before) is not None and \
        re.search(r"\b(?:đã|vừa)\b", text[deadline.start:end]) is not None


# "Thời gian lấy ý kiến: từ ngày 17/3/2026 đến ngày 05/4/2026": the window in which opinions are due
COMMENT_WINDOW = re.compile(r"thời\s*(?:gian|hạn)\s*(?:lấy|góp|xin|tham\s*gia|gửi)\s*ý\s*kiến\s*:?\s*"
                            r"(?P<w>[^.;\n]{0,120})", re.I)
GIVES_OPINION = re.compile(r"\b(?:cho|có|gửi|tham\s*gia)\s*ý\s*kiến", re.I)


def comment_window(text: str, *, issued_on: dt.date | None) -> Deadline | None:
    """The end of a comment window the notice opens; tasks that give opinions without a date of their own
    are due then."""
    m = COMMENT_WINDOW.search(text)
    return pick_deadline(m.group("w"), issued_on=issued_on) if m else None


# every recurrence pattern holds one of these words: most task texts are skipped at once
_RECURRENCE_HINT = re.compile(r"hằng|hàng|định\s*kỳ|mỗi|lần|(?:kỳ|năm)\s*báo\s*cáo|báo\s*cáo\s*tháng|"
                              r"(?:cuối|đầu)\s*(?:của\s*)?(?:mỗi\s*)?quý", re.I)


def find_recurrence(text: str) -> str | None:
    if not _RECURRENCE_HINT.search(text):
        return None
    text = NOT_RECURRENCE.sub(" ", text)
    for name, rx in _RECURRENCE:
        if rx.search(text):
            return name
    return None


DATE_LINE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.I)
SHORT_DATE = re.compile(r"\b(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\b")


def parse_date_phrase(text: str) -> dt.date | None:
    m = DATE_LINE.search(text) or SHORT_DATE.search(text)
    if not m:
        return None
    return _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
