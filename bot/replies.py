"""Understanding a status reply typed in chat: "xong", "60% vướng kinh phí",
"xin gia hạn đến 30/4", "xin gia hạn đến thứ 6 tuần sau vì …", "2.1 xong". Pure: text in, a StatusUpdate out.
The requested date is read by bot.datetext, as every typed date is."""

from __future__ import annotations

import calendar as calendar_module
import dataclasses
import datetime as dt
import re
import unicodedata

from bot.datetext import leading_when
from bot.textbase import without_particles
from scheduler.calendar import VN_TZ, WorkingCalendar
from storage.itemref import FOLDED_REF
from storage.models import TaskStatus
from storage.tasks import StatusUpdate
from storage.vntext import nfc, strip_marks

PERCENT = re.compile(r"(\d{1,3})(?:[.,](\d{1,2}))?\s*(?:%|phan\s*tram\b)")  # on folded text: "65,5%", "40 phần trăm"
SHARE_RANGE = re.compile(r"(?<![\d.,/])(\d{1,2})\s*(?:%\s*)?(?:-|–|den|toi)\s*(\d{1,3})\s*(?:%|phan\s*tram\b)")
# a share in words: "một nửa", "một phần ba", "3/4 khối lượng", "đạt 2/5"
WORD_SHARES = ((re.compile(r"\b(?:mot|1)\s+nua\b|\bmot\s*nua\b"), 50),
               (re.compile(r"\b(?:hai|2)\s+phan\s+(?:ba|3)\b"), 67),
               (re.compile(r"\b(?:mot|1)\s+phan\s+(?:ba|3)\b"), 33),
               (re.compile(r"\b(?:ba|3)\s+phan\s+(?:tu|4)\b"), 75),
               (re.compile(r"\b(?:mot|1)\s+phan\s+(?:tu|4)\b"), 25))
FRACTION = re.compile(r"(?:\b(?:dat|duoc|xong|khoang|lam duoc|thuc hien duoc)\s+"
                      r"(?:(?:khoang|tam|chung|gan|hon|tren)\s+)?"  # "được tầm 1/3"
                      r"(?P<a>\d)\s*/\s*(?P<b>\d{1,2})\b"
                      r"(?!\s*[/.-]\d)"
                      r"|\b(?P<c>\d)\s*/\s*(?P<d>\d{1,2})\s+(?:khoi luong|phan viec|cong viec|noi dung|hang muc|lop|"
                      r"hoi nghi|don vi|dot|chi tieu)\b)")
# so many of so many counted things: "12/18 thôn", "15/20 hồ sơ", "7/10 xã đã hoàn thành", "3 trên 5 nội dung", "35
# giấy chứng nhận trên tổng số 50 hồ sơ" (not a date: "ngày 7/10 xã họp", "đến 12/5 các xã …" — see _counted_share)
COUNTED = re.compile(r"(?<![\d/.,-])(?P<a>\d{1,4})\s*/\s*(?P<b>\d{1,4})\s+(?:xa|phuong|thi tran|thon|ban"
                     r"|to dan pho|ho so|ho|don vi|noi dung|hang muc|truong|co so|doanh nghiep|tieu chi|chi tieu"
                     r"|cong trinh|du an|bo|nguoi"
                     r"|thua|giay)\b"
                     r"|(?<![\d/.,-])(?P<c>\d{1,4})\s+(?:[a-z]+\s+){0,4}?tren\s+(?:tong\s+(?:so\s+)?)?(?P<d>\d{1,4})\b"
                     r"(?!\s*(?:%|phan tram|[/.-]\d))")
# a figure the unit reports, not the share of the task done: "giải ngân đạt 12%", "tỷ lệ hồ sơ trực tuyến đạt 85%",
# "thu ngân sách đạt 40% dự toán", "tỷ lệ bao phủ BHYT 93,5%" — a measured quantity named before the percentage in
# its clause (not "tiến độ, khối lượng … đạt 60%", "tỷ lệ 80% khối lượng"); the words stay in the note, no percentage
# is stored (folded text)
FIGURE = re.compile(r"\b(?:giai ngan|ty le|ti le|bao phu|lap day|tang truong|thu ngan sach|thu noi dia|du toan"
                    r"|ke hoach von|nguon von|von dau tu|chi so|muc do hai long|hai long)\b"
                    r"(?:(?!tien do|khoi luong|cong viec|hoan thanh|\b(?:va|con)\b)[^,;:\n%])*?"
                    r"\d{1,3}(?:[.,]\d{1,2})?\s*(?:%|phan\s*tram\b)(?!\s*(?:khoi luong|cong viec|nhiem vu))")
COUNT_DATE_BEFORE = re.compile(r"\b(?:ngay|den|toi|truoc|tu|sau|vao|han|hom|thang)\s*$")
# "6 phần 10", "7 phần mười", "hai phần năm": a share said as so many parts of so many
PARTS_OF = re.compile(r"\b(?P<a>\d{1,2}|mot|hai|ba|bon|nam|sau|bay|tam|chin)\s+phan\s+"
                      r"(?P<b>\d{1,2}|muoi|hai|ba|bon|nam)\b")
# "được hơn nửa", "tầm nửa", "nửa chặng đường": half, said with a word before it. Read with marks on ("nửa", half,
# is not "nữa", more: "không làm được nữa"); typed without marks only after a share word and a measure word
HALF_MARKED = re.compile(r"(?:\b(?:hơn|gần|khoảng|tầm|chừng|được|đạt|xong|làm được|mới được)\s+(?:một\s+|1\s+)?nửa"
                         r"|\bnửa\s+(?:chặng đường|khối lượng|công việc|phần việc))(?![\wà-ỹ])"
                         r"(?!\s+(?:tháng|tuần|ngày|năm|buổi|giờ|số|kia|còn lại))", re.I)
HALF_PLAIN = re.compile(r"\b(?:duoc|dat|xong|lam duoc)\s+(?:hon|gan|khoang|tam|chung)\s+nua\b"
                        r"|\bnua\s+chang\s+duong\b")
# a share in number words: "ba mươi phần trăm", "tám chục phần trăm", "bảy mươi lăm phần trăm", "một trăm phần trăm"
_DIGIT_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7, "tam": 8,
                "chin": 9}
WORD_PERCENT = re.compile(r"\b((?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|chuc|tram)"
                          r"(?:\s+(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|chuc|tram)){0,3})\s+phan\s*tram\b")
EXTENSION = re.compile(r"\b(?:gia|lui|doi)\s*(?:thoi\s+)?han\b|\bxin\s+(?:them\s+)?thoi\s*gian\b"
                       r"|\bxin\s+(?:lui|hoan)\b"
                       # other words for it: "đề nghị cho lùi", "cho em khất đến", "xin nợ đến", "xin dời sang", "xin
                       # kéo dài đến", "điều chỉnh thời hạn", "xin đ/c cho thêm 2 tuần" (not "mưa lũ kéo dài")
                       r"|\b(?:xin|de nghi|de xuat|cho)\s+(?:\w+\s+){0,2}?(?:duoc\s+)?(?:lui|khat|keo dai"
                       r"|hoan(?!\s+(?:thanh|tat|thien|tra|chinh|cong)))\b"
                       r"|\bkhat\b|\bxin\s+no\s+(?=den|toi|sang)|\bxin\s+doi\s+(?:lai\s+)?(?=sang|den|toi|qua)"
                       r"|\bdoi\s+lai\s+(?=sang|den|toi)"
                       r"|\b(?:dieu chinh|keo dai)\s+(?:thoi\s+)?(?:han|thoi gian)\b"
                       # the ask said with its date only: "cho em xin đến cuối tháng", "e xin đến thứ 3 tuần sau",
                       # "xin chuyển sang tháng 1/2027" (read as one only when a date follows)
                       r"|(?P<date_only>\bxin\s+(?:phep\s+)?(?=(?:den|toi)\s)|\bxin\s+chuyen\s+(?=sang|den|toi|qua)"
                       # "cho em đến thứ 3 tuần sau", "xin anh cho e tới 20/5" (heldout-4: the ask said as leave to
                       # go on to a date)
                       r"|\bcho\s+(?:(?:em|e|toi|minh|chung em|ben em|phong em|don vi)\s+)(?:xin\s+)?(?=(?:den|toi)\s)"
                       # "dời tới 15-4", "lùi 1.4 sang 10/9", "kéo tới cuối tháng", "dời giúp em sang 08/01", "khất qua
                       # thứ 2 tuần sau" (a verb that moves the deadline, then where to)
                       r"|\b(?:doi|lui|keo|khat|day)\s+(?:(?:giup|ho|cho)\s+)?(?:(?:em|e|toi|minh|chung em|ben em)\s+)?"
                       r"(?:(?:muc\s*)?\d{1,2}(?:\.\d{1,2})+\s+)?(?=(?:sang|den|toi|qua|thanh)\s)"
                       # "đề xuất hạn mới là 10/01/2028", "xin hạn mới 30/6"
                       r"|\b(?:xin|de nghi|de xuat)\s+(?:\w+\s+){0,2}?han\s+moi\s+(?:la\s+)?(?=\d|ngay\s))")
# what must follow such an ask said with its date only: a date ("đến 5/12", "đến cuối tháng", "sang tháng 1/2027",
# "đến thứ 3 tuần sau") — not "xin đến gặp anh vào thứ 6", "xin chuyển sang phòng khác"
DATE_ONLY_AFTER = re.compile(r"^\W*(?:(?:den|toi|sang|qua|thanh)\s+)?(?:(?:ngay|het|cuoi|giua|dau|thu|mung|mong|tuan"
                             r"|thang|quy|nam|sau|ra gieng)\b|\d)")
MORE_TIME = re.compile(r"\b(?:(?:gia|lui|doi)\s*(?:thoi\s+)?han\s+(?:them\s+)?|xin\s+(?:them|lui)\s+"
                       r"|(?:xin|cho)\s+(?:\w+\s+){0,3}?them\s+"
                       # "cho phép bên em nộp chậm 5 hôm" (heldout-4)
                       r"|\b(?:xin|cho)\s+(?:\w+\s+){0,3}?(?:nop|gui|lam|bao cao|xong)\s+(?:cham|muon|tre)\s+"
                       r"(?:them\s+)?)"
                       r"(?:khoang\s+)?"
                       r"(?P<n>\d{1,3}|nua)\s*(?P<unit>ngay lam viec|ngay|hom|bua|tuan|thang)\b"
                       # "xin 1 tháng nữa" (heldout-4): the count, then "nữa"
                       r"|\b(?:xin|cho)\s+(?:\w+\s+){0,3}?(?:khoang\s+)?(?P<n2>\d{1,3}|nua)\s*"
                       r"(?P<unit2>ngay lam viec|ngay|hom|bua|tuan|thang)\s+nua\b")
# an ask for more time in so many words ("xin gia hạn", "đề nghị lùi hạn", "xin thêm thời gian"): without a date it
# is no other status (the chat asks for the date) — not "không cần gia hạn", nor "gia hạn được tối đa bao lâu?"
# after the ask's words: not how to ask ("xin gia hạn thì làm thế nào ạ?", "… thì phải làm thủ tục gì?")
NOT_HOW_TO_ASK = (r"(?!(?:\s*(?:thoi\s+)?han)?\s+thi\s+(?:phai\s+)?"
                  r"(?:lam\s+)?(?:the nao|nhu the nao|sao|gi|o dau|thu tuc))")
ASKED = re.compile(r"(?<!khong )(?<!chua )\b(?:xin|de nghi|de xuat)\s+(?:cho\s+)?(?:duoc\s+)?"
                   r"(?:(?:gia|lui|doi)\s*(?:thoi\s+)?han|them\s+thoi\s*gian|lui|hoan)\b" + NOT_HOW_TO_ASK)
# the same in words the chat's own check (ASKS_EXTENSION) does not know: read as an ask here, its date asked for —
# "cho em khất", "cho em xin thêm ít hôm", "xin kéo dài thời hạn", "đề nghị điều chỉnh thời hạn"
ASKED_OTHERWISE = re.compile(r"(?<!khong )(?<!chua )\b(?:xin|de nghi|de xuat|cho)\s+(?:\w+\s+){0,2}?(?:duoc\s+)?"
                             r"(?:khat|keo dai|dieu chinh\s+(?:thoi\s+)?han"
                             r"|them\s+(?:it|vai|mot it|mot chut|mot vai)\s+(?:hom|ngay|bua|tuan|thoi gian))\b"
                             # "cho em lùi hạn mục 3.1 với ạ" (the "xin" left out)
                             r"|(?<!khong )(?<!chua )\bcho\s+(?:\w+\s+){0,2}?(?:lui|gia|doi)\s*(?:thoi\s+)?han\b")
GH = re.compile(r"(?<![\w/])(?:gh|g/h)(?![\w/])", re.I)  # "xin gh đến 20/7": gia hạn
DATE_LIKE = re.compile(r"^\W*(?:(?:den|toi|sang|ngay)\W+)*\d{1,2}\s*[/.-]\s*\d{1,2}")
# where a wanted date may start after the ask: "xin thêm thời gian, dự kiến xong trước 20/3"
DATE_CUE = re.compile(r"\b(?:den|toi|truoc|sang|vao|han|xong|hoan thanh)\b\s*")
BARE_PERIOD = re.compile(r"^\W*(?:(?:den|toi|sang|vao)\s+)*(?:het\s+|cuoi\s+)?(?P<unit>thang|quy)\s+"
                         r"(?P<n>\d{1,2}|i{1,3}|iv)(?:\s*[/.]\s*(?P<y>\d{4})|\s+nam\s+(?P<y2>\d{4}))?\b")
# the nouns that count tasks: "2 việc", "hai nhiệm vụ", "các mục", "tất cả nội dung" (folded)
COUNTED_TASKS = r"(?:viec|muc|nhiem vu|nv|noi dung|cong viec|dau viec)\b"
# a message said of every task it is about: "xong cả 2", "cả hai mục em làm xong hết rồi", "2 việc đều xong rồi ạ",
# "tất cả các nội dung được giao đã xong", "các mục đều đã hoàn thành" (folded; not "xong cả 2 đợt", "cả 3 xã")
_NUMBER_WORD_PLAIN = r"(?P<n>\d{1,2}|hai|ba|bon|nam|sau)"
_AFTER_ALL = (r"(?=\s*(?:$|[.,;:!?)]"
              r"|(?:deu|cung|roi|a|nhe|nha|luon|het|xong|hoan thanh|hoan tat|da|dang|em|toi|minh|chung)\b))")
EVERY_TASK = re.compile(rf"\bca\s+{_NUMBER_WORD_PLAIN}(?:\s+{COUNTED_TASKS})?{_AFTER_ALL}"
                        rf"|(?:^|(?<=\s)){_NUMBER_WORD_PLAIN.replace('?P<n>', '?P<m>')}\s+{COUNTED_TASKS}"
                        r"(?:\s+(?!(?:con|chua|thi|nhung)\b)\w+){0,4}?\s+(?:deu|cung|ca)\b"
                        rf"|\b(?:tat ca|toan bo cac|het cac|ca)\s+(?:cac\s+|nhung\s+)?{COUNTED_TASKS}"
                        rf"|\b(?:cac|nhung)\s+{COUNTED_TASKS}(?:\s+(?!(?:con|chua|thi|nhung)\b)\w+){{0,4}}?\s+deu\b"
                        # "đều xong cả rồi ạ", "dạ đều đã hoàn thành": at the start, said of the tasks replied to
                        r"|^(?:(?:da|vang|em|bao cao|ca)\s+){0,3}deu\s+(?:da\s+)?(?:xong|hoan thanh|hoan tat)\b")
_NUMBERS = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6}


def every_task(text: str) -> int | None:
    """How many tasks a message says all its words of ("xong cả 2" → 2, "tất cả các mục đã xong" → 0: all, however
    many), or None when it says nothing of all of them."""
    m = EVERY_TASK.search(chat_fold(text))
    if m is None:
        return None
    said = m.group("n") or m.group("m")
    return 0 if said is None else int(said) if said.isdigit() else _NUMBERS[said]


# an item number and what is said of it; a part of an item the bot numbered so ("2 (đoạn 1) xong", "1 (ý 3) xong",
# "1 y 3 xong") is that part
REF_PREFIX = re.compile(rf"^\s*(?:muc\s*)?({FOLDED_REF}(?:\s*\((?:doan|y)\s*\d{{1,2}}\)"
                        r"|\s+(?:doan|y)\s+\d{1,2}(?!\d))?)"
                        # (not a count of tasks: "2 việc đều xong rồi ạ", "3 nhiệm vụ đã hoàn thành")
                        rf"(?!\s+{COUNTED_TASKS})"
                        r"\.?\s*(?::\s*|-\s+|\s+|(?=[–—])"
                        r"|(?<=\d\.)(?=[^\W\d_]{2}))(\S.*)$", re.S)  # "1.2.đã xong": no space after the dot
DONE = re.compile(r"\b(?:xong|hoan thanh|hoan tat|da thuc hien xong|da hoan thanh)\b|[\u2705\u2714\u2611\u2713]")
# the done word is about a part, or about the future: "gần xong", "xong một nửa", "dự kiến hoàn thành trong tháng 3"
PARTLY = re.compile(r"\b(?:gan|sap)\s+(?:xong|hoan thanh|hoan tat)\b"
                    r"|\b(?:xong|hoan thanh)\s+(?:duoc\s+)?(?:mot|1)\s+(?:nua|phan)\b"
                    # "xong phần lớn", "xong đợt 1, còn đợt 2", "còn 1 lớp": some of it is left
                    r"|\b(?:xong|hoan thanh)\s+(?:phan lon|(?:dot|buoc|giai doan|phan|hang muc)\s+\d)"
                    r"|\bcon\s+(?:lai\s+)?(?:\d+|mot|hai|ba|bon|nam|vai|it|mot so|dot|phan|buoc)\b"
                    # "đã tổng vệ sinh xong, còn trang trí": a part done, the rest named after it
                    r"|(?<!chua )(?<!khong )\b(?:xong|hoan thanh)\b[^.;]{0,40}?,\s*(?:nhung\s+)?con\s+(?!gi\b)\w"
                    # "đã xong khâu khảo sát, đang tổng hợp", "xây dựng xong dự thảo, đang xin ý kiến": a step done,
                    # the work still going on after it
                    r"|(?<!chua )(?<!khong )\b(?:xong|hoan thanh)\s+(?!roi\b|het\b|ca\b)\w[^.;]{0,50}?,\s*"
                    # (or a step still to come: "xây dựng xong đề án, dự kiến trình BTV ngày 20/3", "…, sẽ trình")
                    r"(?:hien\s+|nay\s+|va\s+|gio\s+|bay gio\s+)?(?:dang|tiep tuc|du kien|se|chuan bi)\s+\w"
                    # a draft done is not the task done: "dự thảo đã xong, trình lãnh đạo Sở cho ý kiến", "đã
                    # xây dựng xong dự thảo kế hoạch", "hoàn thành dự thảo"
                    r"|\bdu thao\s+(?:\w+\s+){0,4}?(?:da\s+)?(?:xong|hoan thanh|hoan tat)\b"
                    r"|\b(?:xong|hoan thanh|hoan tat)\s+(?:ban\s+)?du thao\b")
# done, then sent back: "em làm xong rồi nhưng bị trả lại yêu cầu bổ sung, đang sửa" — still under way
RETURNED = re.compile(r"\bbi\s+tra\s+(?:lai|ve)\b|\byeu cau\s+(?:bo sung|chinh sua|sua lai)\b"
                      r"|\bdang\s+(?:sua|chinh sua|bo sung|hoan thien)\b")
# "1 đang làm, đã tổng vệ sinh xong …": the work is said to be under way, whatever part of it is done
ONGOING = re.compile(r"^(?:\W*\w+){0,3}?\W*dang\s+(?:lam|thuc hien|trien khai|tien hanh)\b")
PLANNED = re.compile(r"\b(?:du kien|se|ke hoach|phan dau|du tinh|hy vong|co the|muc tieu|de|chac|chac la|may ra)\b"
                     r"(?:\W+\w+){0,4}?\W+"
                     r"(?:xong|hoan thanh|hoan tat)\b"
                     # "tuần này xong", "mai xong", "thứ 6 này hoàn thành": when it will be done (not "… xong rồi")
                     r"|\b(?:mai|ngay mai|tuan nay|tuan sau|tuan toi|thang nay|thang sau|cuoi tuan|cuoi thang|"
                     r"trong tuan|thu [2-7] nay|thu [2-7] tuan (?:sau|toi)|chieu nay|toi nay)"
                     r"\s+(?:se\s+|moi\s+|chac\s+)?"
                     r"(?:xong|hoan thanh|hoan tat)\b(?!\s+roi)")
# "đã gửi báo cáo", "đã nộp", "đã ban hành kế hoạch": the deliverable went out — done, unless the text
# says it is still under way ("đã gửi dự thảo, đang chờ góp ý")
DELIVERED = re.compile(r"\bda\s+(?:gui|nop|trinh|ban hanh|bao cao|to chuc|tong hop|dang\s+(?:len|tai|tin)|cong khai|"
                       # "Sở đã tham mưu UBND tỉnh ban hành …", "đã cập nhật số liệu lên phần mềm"
                       r"phat hanh|tham muu|cap nhat)\b(?!\s+(?:xong\s+)?\d)"
                       # "đã có văn bản số 45/BC-UBND", "đã có công văn 312": the answer went out under a number
                       r"|\bda\s+co\s+(?:van ban|cong van|cv|bao cao|quyet dinh|qd|ke hoach|to trinh|thong bao)"
                       r"\s+(?:so\s*)?\d")
# "Nhiệm vụ 1.7: đã thực hiện.", "đã làm rồi ạ": done, said with the doing verb alone at the end
DONE_PLAIN = re.compile(r"\bda\s+(?:thuc hien|lam|trien khai thuc hien)(?:\s+(?:roi|a|nhe|nha|day|ca|het|luon))*"
                        r"\s*(?:[.!)]|[\U0001F300-\U0001FAFF\u2600-\u27BF]|$)")
# "báo cáo rồi", "gửi biên bản rồi", "bc tuần rồi nhé", "nộp rồi": a sending verb, a few words (what was sent),
# then "rồi" (already) — done as "đã gửi" is, unless a word before the verb says it is yet to come ("chưa",
# "sẽ", "sắp", "đang làm báo cáo rồi") or the text says it is still under way
SENT_ALREADY = re.compile(r"(?<!\w)(?:bao cao|gui(?:\s+(?:di|len|lai))?|nop|trinh|ban hanh|phat hanh|to chuc|"
                          r"tong hop)\b(?:\s+(?!roi\b)\w+){0,4}?\s+roi\b")
NOT_YET_BEFORE = re.compile(r"\b(?:chua|se|sap|dang|chuan bi|du kien|can|phai|khong|chang|dinh|muon|de|doi|cho)"
                            r"(?:\s+\w+)?\s*$")
# "đã đăng lên …" typed without marks is "da dang len": that "dang" is "đăng" (posted), not "đang" (under way)
POSTED = re.compile(r"\bda\s+dang\s+(?=len|tai|tin)")
# an apology for lateness already over ("đã gửi lịch trực, xin lỗi chậm do chờ các xã", "đã nộp, muộn vì thiếu số
# liệu"): why it came late, not what still holds it — the waiting it names does not undo "đã gửi" (but "đang bị
# chậm do chờ …", "còn chậm vì …" are still held up)
LATE_EXCUSE = re.compile(r"(?<!\bdang )(?<!\bcon )(?<!\bvan )(?<!\bse )(?<!\bbi )(?<!\bdang bi )"
                         r"\b(?:(?:xin loi|thanh that xin loi|mong thong cam)\s+(?:vi\s+)?(?:hoi\s+|bi\s+)?)?"
                         r"(?:cham|muon|tre)(?:\s+\w+){0,3}?\s+(?:la\s+)?(?:do|vi|tai|boi)\b[^,.;!]*")
# a paper sent on the way to the work, not the work: "đã gửi giấy mời hội nghị", "đã gửi công văn đề nghị các Sở góp
# ý", "gửi văn bản xin ý kiến rồi", "đã phát hành thư mời" — progress, unless the task's own deliverable is that paper
# (`_step_is_deliverable`: "gửi giấy mời …", "ban hành văn bản đề nghị …" in the task's text); probe 38, F2
STEP_PAPER = re.compile(r"\b(?:gui|nop|trinh|chuyen|phat hanh|ban hanh|phat)(?:\s+(?:di|len|lai|xong))?\s+"
                        r"(?P<paper>giay moi|thu moi|phieu\s+(?:khao sat|lay y kien|dieu tra|dang ky)|de cuong"
                        r"|(?:cong van|van ban|cv|thu)\s+(?:de nghi|xin|lay|hoi|don doc|trao doi|moi|gop y|yeu cau)"
                        r"(?:\s+y\s+kien)?)\b")
_PAPER_SAME = (("cong van", "van ban"), ("cv", "van ban"), ("thu moi", "giay moi"))


def _paper_key(folded: str) -> str:
    for word, same in _PAPER_SAME:
        folded = re.sub(rf"\b{word}\b", same, folded)
    return folded


def _step_is_deliverable(paper: str, task_text: str | None) -> bool:
    """Whether the task's own wording names the paper said sent ("Gửi giấy mời các Sở dự hội nghị", "ban hành văn
    bản đề nghị …"): then sending it is the work done."""
    return task_text is not None and re.search(rf"\b{re.escape(_paper_key(paper))}\b",
                                               _paper_key(chat_fold(task_text))) is not None


# a recurring report duty's report said sent, with its period (on chat_fold text): "báo cáo tháng 3: đã thu hồi …, đạt
# 60%", "báo cáo tháng 4 xong", "đã gửi báo cáo quý I", "nộp bc tháng 4 rồi" — that round is done, whatever share or
# difficulty the report tells (its content); not "sẽ gửi báo cáo tháng 4", "chưa gửi báo cáo tháng 3", "báo cáo tháng
# 4 đang tổng hợp", nor a question (probe 39, #1)
ROUND_REPORT_SENT = re.compile(r"(?:^\W*|\bda\s+(?:gui\s+|nop\s+|trinh\s+)?|^\W*(?:gui|nop)\s+)bao\s+cao\s+"
                               r"(?:(?:ket qua|tinh hinh|dinh ky)\s+)?(?:thang|quy|tuan|nam|ky)\s+(?:\d|i|v|nay|truoc)")
ROUND_REPORT_NOT_YET = re.compile(r"\b(?:dang\s+(?:lam|tong hop|xay dung|hoan thien|thuc hien|chuan bi|soan|cho)"
                                  r"|chua\s+(?:gui|nop|xong|hoan thanh|co|kip)|se\s+(?:gui|nop|bao cao)|du kien"
                                  r"|sap\s+(?:gui|nop|xong))\b|\?")
# a recurring duty's wording: where its recurring part starts ("… ban hành kế hoạch (trong tháng 3/2027); định kỳ
# trước 25 hằng tháng báo cáo …")
RECURRING_CUE = re.compile(r"\b(?:dinh ky|hang (?:ngay|tuan|thang|quy|nam)|moi (?:tuan|thang|quy))\b")
# a one-off paper a task asks for beside its recurring report: "ban hành kế hoạch thực hiện Nghị quyết"
ONE_OFF_PAPER = re.compile(r"\b(?:ke hoach|quyet dinh|chuong trinh hanh dong|de an|huong dan|quy che|quy dinh"
                           r"|chi thi|phuong an)\b")


def names_the_paper(text: str, paper_task_text: str) -> bool:
    """Whether a reply on a recurring report duty tells of a one-off paper another task asks for, not of a report:
    it names a paper ("kế hoạch", "quyết định" …) that task's wording names, and no report ("đã ban hành kế hoạch số
    12, xong" after the admin split "xây dựng kế hoạch …; định kỳ hằng tháng báo cáo …" into two items)."""
    folded, paper = chat_fold(text), chat_fold(paper_task_text)
    if re.search(r"\bbao cao\b", folded):
        return False
    return any(re.search(rf"\b{m.group(0)}\b", paper) for m in ONE_OFF_PAPER.finditer(folded))


def one_off_and_rounds(task_text: str) -> tuple[str, str, str] | None:
    """A recurring report duty whose wording first asks for a one-off paper ("Xây dựng kế hoạch … (trong tháng
    3/2027); định kỳ hằng tháng báo cáo …"): (the sentence that asks for the paper, the recurring part, the paper's
    name), as written; None when the wording is one duty. The paper cannot be finished on its own while both are one
    task (probe 39)."""
    text = " ".join(nfc(task_text).split())
    folded = strip_marks(text).lower()
    cue = RECURRING_CUE.search(folded)
    if len(folded) != len(text) or cue is None or not re.search(r"[;.,]\s*$", folded[:cue.start()]):
        return None  # (the recurring part opens its own clause: "…; định kỳ hằng tháng báo cáo …")
    before, rounds = folded[:cue.start()], folded[cue.start():]
    if not re.search(r"\bbao cao\b", rounds):
        return None
    paper = next((m for m in ONE_OFF_PAPER.finditer(before) if not re.search(rf"\b{m.group(0)}\b", rounds)), None)
    if paper is None:
        return None
    end = re.search(r"(?:[.;](?=\s)|[.;]?$)", before[paper.end():].rstrip(" ,;."))  # the paper's sentence ends
    once = text[:paper.end() + (end.start() if end else 0)].rstrip(" ,;.")
    return once, text[cue.start():].rstrip(" ;."), text[paper.start():paper.end()]


def sends_round_report(text: str) -> bool:
    """Whether a reply says a recurring report's round was sent, naming its period ("báo cáo tháng 3: …, đạt
    60%", "đã gửi báo cáo tháng 4"); see ROUND_REPORT_SENT."""
    folded = chat_fold(text)
    return ROUND_REPORT_SENT.search(folded) is not None and ROUND_REPORT_NOT_YET.search(folded) is None


def one_off_step(text: str, task_text: str) -> bool:
    """Whether a reply on a recurring report duty tells of the duty's one-off part, not of a report: the task's
    wording names a paper before its recurring part ("ban hành kế hoạch …; định kỳ hằng tháng báo cáo …") and the
    reply names that paper and no report ("đã trình UBND tỉnh ban hành kế hoạch số 85, xong"). Probe 39, #1."""
    folded, duty = chat_fold(text), chat_fold(task_text)
    cue = RECURRING_CUE.search(duty)
    if cue is None or "bao cao" not in duty[cue.start():] or re.search(r"\bbao cao\b", folded):
        return False
    once = duty[:cue.start()]
    return any(re.search(rf"\b{paper}\b", once) and not re.search(rf"\b{paper}\b", duty[cue.start():])
               for paper in {m.group(0) for m in ONE_OFF_PAPER.finditer(folded)})


# a draft or paper submitted to the body above ("đã trình UBND huyện …", "đã trình Thường trực …"), and a task whose
# work is to advise that body or submit to it ("tham mưu UBND huyện ban hành …", "…, trình UBND tỉnh trước …")
SUBMITTED = re.compile(r"\bda\s+(?:trinh|gui\s+to\s+trinh)\b")
ASKS_SUBMISSION = re.compile(r"\btham muu\b|\btrinh\s+(?:ubnd|uy ban|hdnd|chu tich|thuong truc|ban thuong vu|btv|"
                             r"tinh uy|huyen uy|thanh uy|lanh dao|cap co tham quyen)\b")
# a task that goes on once its paper is submitted: "xây dựng, trình BTV ban hành Chương trình … và triển khai thực hiện
# các cuộc kiểm tra" — the draft submitted is a step, not the work (probe 8, #2; folded)
GOES_ON_AFTER_SUBMISSION = re.compile(r"\btrinh\b.*?(?:\bva\b|[,;])\s*(?:(?:to chuc|chi dao|huong dan)\s+)?"
                                      r"(?:trien khai|thuc hien|to chuc thuc hien)\b")
# the paper's issue still to come: "…, dự kiến ban hành 15/01", "đang chờ ký ban hành" (folded)
ISSUE_TO_COME = re.compile(r"\b(?:du kien|se|cho|chuan bi|sap)\s+(?:duoc\s+)?(?:ky\s+)?(?:ban hanh|phe duyet)\b")
UNDER_WAY = re.compile(r"\b(?:dang|chua|du thao|mot phan|tiep tuc|tien do)\b")  # "đã báo cáo tiến độ": not yet done
NOT_DONE = re.compile(r"\b(?:chua|khong|kho|chang|khong the|chua the)\s+(?:kip\s+)?(?:xong|hoan thanh|hoan tat)\b")
# "chưa xong ạ" said alone: under way, not finished (with more said, "chưa xong, còn chờ số liệu", a note)
NOT_DONE_ALONE = re.compile(r"^\W*(?:van\s+)?chua\s+(?:kip\s+)?(?:xong|hoan thanh)"
                            r"(?:\s+(?:a|nhe|dau|anh|chi|em|roi|nua))*\W*$")
# "không có vướng mắc", "chưa gặp khó khăn gì": said so that nobody worries — not a difficulty
NO_DIFFICULTY = re.compile(r"\b(?:khong|chua|het)\s+(?:co\s+|gap\s+|con\s+|bi\s+|phat sinh\s+|thay\s+)?(?:gi\s+)?"
                           r"(?:vuong mac|vuong|kho khan|tac)\b(?:\s+gi)?")
BLOCKED = re.compile(r"\b(?:vuong|vuong mac|kho khan|bi tac)\b|(?<!cong )\btac\b"  # not "công tác" (work)
                     r"|\bchua\s+the\s+(?:lam|thuc hien|trien khai|bat dau|tiep tuc)\b"
                     r"|\b(?:tam\s+(?:dung|ngung|hoan)|chua\s+(?:lam|thuc hien|trien khai)(?:\s+tiep)?\s+duoc)\b"
                     r"(?!\s+(?:gi|nhieu))"

                     r"|\b(?:phai\s+|dang\s+|con\s+)?cho\s+(?:y kien|huong dan|kinh phi|phe duyet|chu truong|"
                     r"lanh dao|cap tren|bo tri von|bo tri kinh phi)\b"
                     # waiting on an authority's act, the authority named or not: "chờ Sở Tài chính thẩm định",
                     # "chờ kết quả thẩm định", "còn chờ Quyết định giao vốn" (not "chờ số liệu": a note)
                     r"|\b(?:dang|con|van|phai|vi|do|bi)\s+cho\s+(?:[\w-]+\s+){0,3}?(?:tham dinh|quyet dinh|phe duyet|"
                     r"thoa thuan|giao von|cap von|chu ky|tra loi|phan hoi|bo tri von|bo tri kinh phi|cap kinh phi)\b"
                     # "chưa tổng hợp được": could not (not "chưa làm được gì": nothing done yet)
                     r"|\bchua\s+(?:tong hop|bao cao|hoan thanh|to chuc|ban hanh)\s+duoc\b(?!\s+(?:gi|nhieu))"
                     # "chưa nhập liệu được", "chưa thi công được": the work itself could not go on (not "chưa làm
                     # được gì", nor "đang rà soát, chưa gửi được": the sending waits on the person's own work)
                     r"|\bchua\s+(?:nhap lieu|thi cong|khoi cong|giai ngan|nghiem thu|thanh toan|tien hanh|bat dau"
                     r"|khao sat|do dac|ban giao|cap phep|lam tiep|thuc hien tiep|trien khai tiep|tuyen|tuyen dung"
                     r"|mua sam|lua chon)\s+duoc\b"
                     r"(?!\s+(?:gi|nhieu|bao nhieu|\d))"
                     # what the work needs is missing: "chưa có kinh phí", "ko có dữ liệu để làm", "chưa có hướng dẫn"
                     r"|\b(?:chua|khong)\s+(?:duoc\s+)?(?:co|bo tri|cap|giao)\s+(?:kinh phi|von"
                     r"|nguon\s+(?:von|kinh phi)|du lieu|mat bang|huong dan|nhan luc|nguoi lam)\b")
# more ways to say the work is held up (not when the text only warns it may be late: "khó hoàn thành đúng hạn vì
# thiếu người" stays a note): "không triển khai được", "ko làm đc", "không nhập liệu được" (could not); "do chưa có
# kinh phí", "vì thiếu người" (a reason that holds it up); "thiếu nhân lực"; "kẹt", "đang bị kẹt" (not "kết quả");
# "gặp khó"
HELD_UP = re.compile(r"\bkhong\s+(?:the\s+)?(?:lam|thuc hien|trien khai|tien hanh|nhap lieu|tiep tuc|to chuc|thi cong"
                     r"|giai ngan|lam tiep|trien khai tiep)\s+duoc\b"
                     r"|\b(?:vi|do|boi vi|tai vi)\s+(?:chua\s+(?:co|duoc)|thieu|khong\s+co|het|chua\s+\w+\s+duoc)\b"
                     r"|(?<!toi )(?<!khong )\bthieu\b|(?<!khong )(?<!chua )\bgap\s+kho\b"
                     r"|\b(?:bi|dang|con|van|hoi|qua|rat)\s+ket\b(?!\s+(?:qua|luan|thuc|noi|hop|toan))"
                     r"|\bket\s+(?:o|vi|do|tai|khau|thu tuc|von|kinh phi|mat bang)\b")
# waiting, said after a word that makes "cho" "chờ" (not "cho", to): "đang chờ số liệu", "…, chờ góp ý" — not
# "gửi báo cáo cho Văn phòng": a report said sent while waiting is not done yet
WAITING = re.compile(r"(?:^|[,;:(]\s*|\b(?:dang|con|van|phai|vi|do|bi|tam|hien|nhung|van dang)\s+)cho\b"
                     r"(?!\s+(?:em|anh|chi|toi|minh|ban|dong chi)\b)")
NOT_STARTED = re.compile(r"\bchua\s+(?:duoc\s+|kip\s+|co\s+)?(?:trien khai|thuc hien|lam|bat dau|co ket qua|tien hanh"
                         r"|dong\s+(?:toi|den|vao)|bat tay|khoi dong)\b(?!\s+duoc\s+(?!gi\b))"
                         r"|^\W*chua(?:\s+(?:a|nhe|anh|chi|em|ban|roi))*\W*$"  # "mục 3: chưa" (not yet)
                         # "tuần sau mới bắt đầu làm", "mai em mới triển khai": to start later
                         r"|\b(?:mai|ngay mai|tuan sau|tuan toi|thang sau|sang tuan|sang thang|dau tuan sau|thu [2-7]"
                         r"(?: tuan sau)?|sau tet|nam sau)\s+(?:\w+\s+){0,2}?(?:moi|se)\s+(?:bat dau|trien khai"
                         # (not when it is to be done then: "mai em sẽ làm xong", "tuần sau mới xong")
                         r"|lam|thuc hien|tien hanh)\b(?!\s+(?:\w+\s+)?(?:xong|hoan thanh|hoan tat)\b)")
# the same said with words whose marks tell them apart (read on the text as typed, lower case): "1.2 chưa đụng",
# "NV4 chưa động", "vẫn nằm im, chưa ai động vào" (heldout-4) — not "chưa đúng", "chưa dùng", "chưa đóng"
NOT_STARTED_MARKED = re.compile(r"\bchưa\s+(?:ai\s+)?(?:đụng|động)\b(?!\s+(?:được|xong|hết|gì))|\bnằm\s+im\b")
PROGRESS = re.compile(r"\bmoi\s+(?:bat dau|(?:lam\s+)?duoc\s+(?:mot|1)\s+(?:phan|it)\b(?!\s+(?:ba|tu|nam|muoi|\d)))"
                      r"|\b(?:dang|tiep tuc|trien khai|tien do)\b"
                      # "em đang đi họp, chiều em báo cáo": where the person is, not the task
                      r"(?!\s+(?:di\s+)?(?:hop|nghi|nghi phep|cong tac_?|om|ban\s+(?:viec|hop|chut)|lai xe)\b)")


# chat shorthand, read as the words it stands for: "ko xong", "k vướng gì", "đc 1 nửa", "xog", "tks"
_SHORTHAND = {"ko": "khong", "k": "khong", "kg": "khong", "khg": "khong", "hok": "khong", "kh": "khong",
              "dc": "duoc", "r": "roi", "xog": "xong", "xg": "xong", "chx": "chua", "tks": "cam on",
              "thks": "cam on", "tk": "cam on", "camon": "cam on", "vs": "voi", "ntn": "nhu the nao",
              "bc": "bao cao", "bcao": "bao cao",
              # "ht" / "hthanh" (hoàn thành), "done", "dg"/"đag" (đang), "lm" (làm), "gh" (gia hạn), "kp" (kinh phí)
              "ht": "hoan thanh", "hthanh": "hoan thanh", "done": "xong", "dg": "dang", "dag": "dang", "lm": "lam",
              "gh": "gia han", "kp": "kinh phi"}
# a word typed in Telex with the keyboard's Vietnamese input off: "ddax hoanf thanhf" (đã hoàn thành), "thuwcj
# hieenj" (thực hiện), "hoafn" — the tone key (s f r x j) after the syllable or before its final consonant, "dd"
# for "đ", "uw"/"ow"/"aw"/"aa"/"ee"/"oo" for the vowels with a hat or a horn. No Vietnamese syllable ends in s, f,
# r, x or j, so only a word so ending (or with the tone key before c/ch/m/n/ng/nh/p/t) is read as Telex.
_TELEX_TONE_LAST = re.compile(r"^(?P<w>[a-z]*[aeiouyw](?:c|ch|m|n|ng|nh|p|t)?)[sfrxj]$")
_TELEX_TONE_INSIDE = re.compile(r"^(?P<w>[a-z]*[aeiouyw])[sfrxj](?P<f>c|ch|m|n|ng|nh|p|t)$")
_TELEX_LETTERS = re.compile(r"dd|uw|ow|aw|aa|ee|oo|w")


def _telex(word: str) -> str:
    """"hoanf" → "hoan", "ddax" → "da", "thuwcj" → "thuc", "hieenj" → "hien"; any other word as it is."""
    if len(word) < 3 or word in _SHORTHAND:
        return word
    if (m := _TELEX_TONE_LAST.match(word)) is not None:
        word = m["w"]
    elif (m := _TELEX_TONE_INSIDE.match(word)) is not None:
        word = m["w"] + m["f"]
    elif not re.search(r"dd|uw|ow|aw|aa|ee|oo", word):
        return word
    return _TELEX_LETTERS.sub(lambda t: t.group(0)[0] if t.group(0) != "w" else "u", word)


# "xong" mistyped: a key doubled or a neighbour's hit ("xongg", "xoong", "xonng", "xxong", "xonh", "xomg", "xobg",
# "xogn") — no Vietnamese word is so spelled ("xon xao", "song", "xung" are words and stay); read as "xong" (what was
# typed stays the note, and the status read is said back)
XONG_TYPO = re.compile(r"\b(?:x+o+n+g+|x+o+n+h+|x+o+[mb]+g+|x+o+g+n+|x+o+n+[bvf]g*|x{2,}o+g+)\b")
# "hoàn thàh", "hoan thnah", "hoàn tành": "hoàn thành" mistyped on a phone (folded)
HOAN_THANH_TYPO = re.compile(r"\bhoan\s+(?:thah|thnh|thnah|tanh|tahnh|htanh|thamh|thanhh+)\b")


def chat_fold(text: str) -> str:
    """Text as the patterns read it: NFC, no marks, lower case, one space, chat shorthand written out."""
    folded = " ".join(strip_marks(nfc(text)).lower().split())
    folded = re.sub(r"(?<![\w/])b\s*/\s*c(?![\w/])", "bao cao", folded)  # "đã b/c": báo cáo
    folded = re.sub(r"\b[a-z]{3,}\b", lambda m: _telex(m.group(0)), folded)
    folded = HOAN_THANH_TYPO.sub("hoan thanh", XONG_TYPO.sub("xong", folded))
    return re.sub(r"\b[a-z]{1,6}\b", lambda m: _SHORTHAND.get(m.group(0), m.group(0)), folded)


def _sent_already(folded: str) -> bool:
    """"báo cáo rồi", "gửi biên bản rồi", "bc tuần rồi nhé": sent already (see SENT_ALREADY); not "sắp gửi báo cáo
    rồi", "chưa báo cáo", nor a question ("báo cáo rồi à?", "đã báo cáo chưa?")."""
    if re.search(r"\?\s*$|\b(?:chua|ha|khong)\W*$", folded):
        return False
    return any(NOT_YET_BEFORE.search(folded[:m.start()]) is None and not PARTLY.search(folded[m.start():])
               for m in SENT_ALREADY.finditer(folded))


# a share typed below zero: "-20%", "–20%", "âm 20%" (not "60-70%", a range; not "2.1 - 20%", a dash between)
NEGATIVE_PERCENT = re.compile(r"(?:^|[\s(:,;])(?:[-−–—]|am\s+)(\d{1,3})(?:[.,]\d+)?\s*(?:%|phan tram)")
# a change by a share, not the share done: "giảm 20%", "tăng thêm 15%", "chậm 10%", "vượt 5%" (probe 21, finding 5:
# "giảm 20%" was stored as 20 % done); "giảm xuống 20%", "tăng lên 60%" say a level, which is read as the share
CHANGE_PERCENT = re.compile(r"\b(?:giam|tang|cham|tre|sut|hut|thap hon|cao hon|vuot|lui|bot)\s+"
                            r"(?:(?:them|khoang|duoc|chung|gan)\s+)*\d{1,3}(?:[.,]\d{1,2})?\s*(?:%|phan\s*tram\b)")


# the requester takes back an extension request ("rút đề nghị gia hạn", "không xin gia hạn nữa", "thôi không gia
# hạn"), on folded text — not a decision ("không đồng ý gia hạn") nor a request ("xin gia hạn")
RECALL_EXTENSION = re.compile(r"\b(?:rut|thu hoi|huy)\s+(?:lai\s+)?(?:(?:de nghi|don)\s+)?(?:xin\s+)?gia han\b"
                              r"|\brut\s+(?:lai\s+)?de nghi\b"
                              r"|\b(?:khong|ko|k)\s+(?:(?:can|xin|de nghi|phai)\s+)+(?:duoc\s+)?gia han(?:\s+nua)?\b"
                              r"|\bthoi\s+(?:khong\s+)?(?:xin\s+)?gia han\b")


def recalls_extension(text: str) -> bool:
    """"Rút đề nghị gia hạn", "không xin gia hạn nữa": the requester takes their waiting request back."""
    return RECALL_EXTENSION.search(chat_fold(text)) is not None


def change_percent(text: str) -> bool:
    """The message says a change by a share ("giảm 20%") and no share done besides: not read as progress."""
    folded = chat_fold(text)
    return CHANGE_PERCENT.search(folded) is not None and \
        _percent(CHANGE_PERCENT.sub(" ", FIGURE.sub(" ", folded))) is None


def impossible_percent(text: str) -> int | None:
    """A share typed over 100 % ("110%") or below zero ("-20%"): the number, to be refused with a word (nothing
    stored)."""
    folded = chat_fold(text)
    if (negative := NEGATIVE_PERCENT.search(folded)) is not None:  # "-20%" (probe s19: stored as 20 %)
        return -int(negative.group(1))
    m = PERCENT.search(folded)
    return int(m.group(1)) if m and int(m.group(1)) > 100 else None


def _percent(folded: str) -> int | None:
    """The share done: "60%", "65,5 %", "40 phần trăm", "một nửa", "3/4 khối lượng", "đạt 2/5"."""
    if m := SHARE_RANGE.search(folded):  # "khoảng 60-70%": the lower
        return int(m.group(1))
    if m := PERCENT.search(folded):
        value = int(m.group(1)) + (int(m.group(2)) / 10 ** len(m.group(2)) if m.group(2) else 0)
        return int(value + 0.5) if value <= 100 else None
    if (m := WORD_PERCENT.search(folded)) is not None:
        words = m.group(1).split()
        for first in range(len(words)):  # the longest run of words that reads as a number
            if (said := _number_words(words[first:])) is not None:
                return said
    for pattern, share in WORD_SHARES:
        if pattern.search(folded):
            return share
    if m := FRACTION.search(folded):
        a, b = int(m.group("a") or m.group("c")), int(m.group("b") or m.group("d"))
        return int(100 * a / b + 0.5) if 0 < a <= b else None
    if (counted := _counted_share(folded)) is not None:
        return counted
    if m := PARTS_OF.search(folded):
        a, b = (int(g) if g.isdigit() else _DIGIT_WORDS.get(g, 10 if g == "muoi" else 0) for g in m.group("a", "b"))
        return int(100 * a / b + 0.5) if 0 < a <= b and 2 <= b <= 10 else None
    return 50 if HALF_PLAIN.search(folded) else None


def _counted_share(folded: str) -> int | None:
    """"12/18 thôn" → 67, "3 trên 5 nội dung" → 60: so many of so many counted things, as a share (None for a
    date or a count that cannot be one)."""
    for m in COUNTED.finditer(folded):
        if COUNT_DATE_BEFORE.search(folded[:m.start()]):
            continue
        a, b = int(m.group("a") or m.group("c")), int(m.group("b") or m.group("d"))
        if 0 < a <= b and b >= 2:
            return int(100 * a / b + 0.5)
    return None


def _number_words(words: list[str]) -> int | None:
    """0–100 written in words, marks off: ["ba", "muoi", "lam"] → 35, ["tam", "chuc"] → 80, ["muoi"] → 10."""
    if words in (["tram"], ["mot", "tram"]):
        return 100
    tens, rest = 0, words
    if rest[:1] == ["muoi"]:
        tens, rest = 1, rest[1:]
    elif len(rest) >= 2 and rest[0] in _DIGIT_WORDS and rest[1] in ("muoi", "chuc"):
        tens, rest = _DIGIT_WORDS[rest[0]], rest[2:]
    if len(rest) > 1 or (rest and rest[0] not in _DIGIT_WORDS):
        return None
    units = _DIGIT_WORDS[rest[0]] if rest else 0
    return 10 * tens + units if tens or units else None


# words typed with marks that fold onto a status word but are not it: "thịnh vượng", "Vương" (not "vướng"), "công
# tác" (not "tắc"); the status patterns read them folded with a trailing "_", which none of them matches
# ("mừng Đảng", "đáng kể": no "đang", under way, once folded — probe 7)
_OTHER_MARKS = re.compile(r"(?<!\w)(?:vượng|vương|vuông|tác|tạc|tấc|đảng|đáng)(?!\w)", re.I)
# The words that say the work is held up or waiting, and fold onto other words once their marks are gone: "chờ"
# (wait) and "cho" (to, for: "đã gửi dự thảo cho lãnh đạo Sở"), "tắc" and "tác", "kẹt" and "kết", "khó" and "kho"
# ("kho bạc"), "thiếu" and "thiêu". In a message typed with marks such a word is read as the status word only with
# its own marks (a tone misplaced, "vứơng", still counts); typed with no marks at all, any of them may be meant.
_MARK_SENSITIVE = {"cho": "chờ", "tac": "tắc", "vuong": "vướng", "ket": "kẹt", "kho": "khó", "thieu": "thiếu"}
_WORD = re.compile(r"[^\W\d_]+")
_ITEM_LETTER_D = re.compile(r"(?<=[.\d\s])[đĐ](?![^\W\d_])")  # "II.2.đ", "2đ": an item's letter, not a mark typed


def _marks_of(word: str) -> tuple[str, int]:
    """The marks a word carries, whatever their order or the vowel they sit on: ("̛̀", 0) for "chờ"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(sorted(c for c in decomposed if unicodedata.category(c) == "Mn")), word.lower().count("đ")


def has_marks(text: str) -> bool:
    """Whether a message was typed with Vietnamese marks (an item's letter "đ" alone does not count)."""
    said = _ITEM_LETTER_D.sub("d", nfc(text))
    return strip_marks(said) != said


_SENT_TO = re.compile(r"\b(?:gui|nop|trinh|chuyen|giao|cung cap|bao cao)(?:\s+(?!(?:dang|con|van|phai|vi|do|bi|tam)\b)"
                      r"[^\W\d_]+){0,6}?\s+cho(?=\s)", re.I)


def marks_kept(text: str) -> str:
    """The text with each status word of _MARK_SENSITIVE typed with other marks (or none) in a message that has
    marks suffixed with "_", which no status pattern matches: "gửi cho lãnh đạo" → "gửi cho_ lãnh đạo"."""
    said = nfc(text)
    if not has_marks(said):  # no marks: "cho" after a verb of sending is "to" ("da gui du thao cho lanh dao")
        return _SENT_TO.sub(lambda m: m.group(0) + "_", said)
    return _other_marks_tagged(said, _MARK_SENSITIVE)


def _other_marks_tagged(said: str, sensitive: dict[str, str]) -> str:
    """Each word of `sensitive` (folded → as marked) typed with other marks or none suffixed with "_"."""
    def tag(m: re.Match[str]) -> str:
        word = m.group(0)
        target = sensitive.get(strip_marks(word).lower())
        return word if target is None or _marks_of(word) == _marks_of(target) else word + "_"
    return _WORD.sub(tag, said)


# a task handed to a person of the unit, typed after its number: "giao cho đ/c Vận theo dõi", "em giao đồng chí Phạm
# Thị Vận thực hiện", "giao @cadre_bdv" (a person marked as one: "giao cho các phòng triển khai" is a report)
_HANDED_TO = re.compile(r"^\W*(?:(?:em|toi|minh|xin)\s+)?(?:da\s+)?(?:giao|chuyen)\s+(?:lai\s+)?(?:cho\s+)?"
                        r"(?:(?:d\s*/\s*c|dc|dong chi)\s+(?P<who>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}?)|(?P<handle>@\w+))"
                        r"(?=\s*(?:[,.;!]|\b(?:theo doi|thuc hien|phu trach|lam|xu ly|tham muu|trien khai|chu tri|giup"
                        r"|nhe|nha|a)\b|$))")


# the same with the item first named after the verb: "Chuyển mục II.2.a cho đ/c Hoa xử lý", "giao nhiệm vụ 2.3 cho
# đồng chí Luật theo dõi" (probe s43, E7: read as progress and asked which task it was of)
_HAND_OFF_ITEM = re.compile(r"^\W*(?:(?:em|toi|minh|xin)\s+)?(?:giao|chuyen)\s+(?:muc|nhiem vu|nv)\s+"
                            r"(?P<ref>[0-9ivxlc]+(?:\.[0-9a-zđ]+)*)\.?\s+(?P<rest>(?:lai\s+)?(?:cho\s+)?"
                            r"(?:d\s*/\s*c|dc|dong chi|@)[\s\S]*)$")


def handed_item(text: str) -> tuple[str, str] | None:
    """(item, person) of "Chuyển mục II.2.a cho đ/c Hoa xử lý", as typed; None for anything else."""
    said = nfc(text).strip()
    plain = strip_marks(said).lower()
    if len(plain) != len(said) or (m := _HAND_OFF_ITEM.match(plain)) is None:
        return None
    who = handed_to("giao " + said[m.start("rest"):])
    return (said[m.start("ref"):m.end("ref")], who) if who else None


def handed_to(text: str) -> str | None:
    """The person a typed "giao cho đ/c …" hands the task to, as typed (name or @handle); None for anything else."""
    said = nfc(text).strip()
    plain = strip_marks(said).lower()
    if len(plain) != len(said) or (m := _HANDED_TO.match(plain)) is None:
        return None
    group = "who" if m.group("who") else "handle"
    return said[m.start(group):m.end(group)]


# the words of a question that fold onto others: "là gì" and a place "La Gi", "Gia Lai" … typed with its own marks
_QUESTION_SENSITIVE = {"la": "là", "gi": "gì"}


def question_fold(text: str) -> str:
    """`chat_fold` of a message, for the question patterns: in a message typed with marks, "la" and "gi" without
    their marks ("khảo sát La Gi", a town) are not "là gì"; typed with no marks at all, they may be."""
    said = nfc(text)
    return chat_fold(_other_marks_tagged(said, _QUESTION_SENSITIVE) if has_marks(said) else said)


# "đã <what the task does>": the words after "đã" (a few, with no "đang"/"xong" in them) read against a task's own
# wording; not the words that say a start or an acknowledgement ("đã triển khai", "đã nhận", "đã có")
_OWN_WORK = re.compile(r"\bda\s+((?:(?!dang\b|xong\b|duoc\b|va\b)[a-z]+\s*){1,4})")
_NOT_OWN_WORK = {"trien khai", "bat dau", "tiep tuc", "tiep thu", "phoi hop", "chi dao", "giao", "nhan", "co", "ro",
                 "hieu", "xem", "doc", "lam", "thuc hien", "len ke hoach", "dang ky", "chuan bi", "xay dung du",
                 "hoan thanh", "hoan tat", "ket thuc"}  # (a status word, said of any task)
OWN_WORK_WORDS = 2  # words in a row after "đã" a task's text must share (a two-syllable verb, or a verb and its object)


def own_work_done(task_text: str, reply: str) -> int:
    """How many words in a row after "đã" in `reply` a task's own wording repeats ("III.3 đã công khai kết quả tháng
    4" of "… công khai hằng tháng kết quả …, công khai kết quả đánh giá chậm nhất vào ngày 05 hằng tháng": 3); 0 when
    fewer than OWN_WORK_WORDS, or when the words say a start ("đã triển khai") or are the reply's only words."""
    task_words = f" {' '.join(re.sub(r'[^a-z0-9]+', ' ', chat_fold(task_text)).split())} "
    best = 0
    for m in _OWN_WORK.finditer(chat_fold(reply)):
        words = m.group(1).split()
        if " ".join(words[:2]) in _NOT_OWN_WORK or words[0] in _NOT_OWN_WORK:
            continue
        run = 0
        for n in range(len(words), 0, -1):
            if f" {' '.join(words[:n])} " in task_words:
                run = n
                break
        best = max(best, run)
    return best if best >= OWN_WORK_WORDS else 0


# a greeting or a wish said with a report (month probe 27, F8: "chúc mừng năm mới, mục 4 đang làm" was stored as
# "chúc mừng năm mới, đang làm"), on folded text: left out of the note, at its start or after its last sentence
_TO_WHOM = r"(?:dong chi|cac dong chi|anh|chi|lanh dao|van phong|ca nha|moi nguoi|thu truong)"
_GREETING = (rf"(?:(?:xin\s+|kinh\s+)?chuc\s+mung\s+(?:nam\s+moi|xuan\s+moi|tet)(?:\s+{_TO_WHOM})?"
             r"|(?:em\s+|xin\s+)?kinh\s+chuc\s+[^.,;!?\n]*"
             rf"|chuc\s+{_TO_WHOM}\s+[^.,;!?\n]*"
             rf"|(?:xin\s+|kinh\s+|em\s+)?chao\s+{_TO_WHOM}"
             r"|happy new year)(?:\s+a\b)?")
_GREETING_HEAD = re.compile(rf"^\W*{_GREETING}\s*[.,;!:\-–]*\s*")
_GREETING_TAIL = re.compile(rf"(?<=[.,;!])\s*{_GREETING}[\s.!]*$")
# the frame of a report: "em báo cáo", "em xin báo cáo đồng chí:", "kính báo cáo" (not "báo cáo tháng 1 đã gửi":
# the report itself, said without a pronoun before it)
_FRAME_HEAD = re.compile(rf"^\W*(?:(?:em|toi|minh|chung em|chung toi)\s+(?:xin\s+)?(?:kinh\s+)?|xin\s+|kinh\s+)"
                         rf"bao\s+cao(?:\s+{_TO_WHOM})?\s*(?:la\s+)?[:,.\-–]?\s+(?=\S)")


def without_courtesy(text: str) -> str:
    """A note without the greetings and the polite frame said around it: "chúc mừng năm mới, đang làm" → "đang
    làm", "em báo cáo đã xong đợt tuyên truyền Tết ạ" → "đã xong đợt tuyên truyền Tết", "Kính chúc đồng chí năm mới
    mạnh khỏe. Dạ đạt 50% ạ" → "đạt 50%". What was done stays; the text as it was when nothing would be left."""
    said = nfc(text).strip()
    for _ in range(3):
        before = said
        folded = strip_marks(said).lower()
        if len(folded) != len(said):
            break
        for pattern in (_GREETING_HEAD, _FRAME_HEAD):
            if (m := pattern.match(folded)) is not None and m.end() < len(folded):
                said, folded = said[m.end():], folded[m.end():]
        if (m := _GREETING_TAIL.search(folded)) is not None and m.start() > 0:
            said = said[:m.start()]
        said = without_particles(said).strip(" ,;:-–")
        if said == before:
            break
    return said if said.strip(" .,;!?") else nfc(text).strip()


def says_done(text: str) -> bool:
    """Whether a report says the work finished in a done word ("xong", "hoàn thành", ✅), not only by what was sent
    ("đã gửi báo cáo")."""
    folded = chat_fold(text)
    return DONE.search(folded) is not None and not NOT_DONE.search(folded) and not PARTLY.search(folded)


# what a bare "xong" is said with: the item number, the done words, courtesy ("1.a xong rồi ạ", "em báo cáo đã xong")
_BARE_DONE = re.compile(r"\b(?:muc|nhiem vu|em|toi|bao cao|kinh|da|roi|a|nhe|nha|ca|het|luon|thuc hien|xong|hoan thanh"
                        r"|hoan tat|100)\b|[^\w\s]|\b[ivx]*\.?[\d.]*[a-z]?\b")


def says_more_than_done(text: str) -> bool:
    """Whether a "xong" comes with words of what was done ("1.a xong, đã tổ chức hội nghị sáng nay"): not a bare
    "1.a xong rồi ạ" (a repeat, or a button pressed twice)."""
    return len(_BARE_DONE.sub(" ", chat_fold(text)).split()) >= 2


def parse_status_text(text: str, *, today: dt.date, now: dt.datetime | None = None,
                      current_due: dt.date | None = None,
                      calendar: WorkingCalendar | None = None, task_text: str | None = None,
                      deliverable: str | None = None) -> StatusUpdate | None:
    """What a reply says about a task, or None if it says nothing recognisable. `now` (default: the start
    of `today` in Vietnam) anchors a requested date such as "thứ 6 tuần sau"; "thêm 2 tuần" counts from the
    task's `current_due` (from today when it has none), "thêm 5 ngày làm việc" on the `calendar`.

    Done is said in many ways, and so is not-done: a share below 100 % ("hoàn thành 80%"), a part ("gần
    xong", "xong một nửa"), a plan ("dự kiến hoàn thành trong tháng 3") or a negation ("chưa xong") is
    progress; "không có vướng mắc" is not a difficulty; waiting on someone ("chờ hướng dẫn của Bộ") or a
    pause ("tạm dừng") is; "chưa triển khai" keeps the task as not started. With `task_text` (a recurring duty's
    wording), "đã <the duty's own work>" ("đã công khai kết quả tháng 4" of a duty to publish results monthly) reports
    the round done, as "đã gửi báo cáo" does. A paper sent on the way to the work ("đã gửi giấy mời hội nghị", "đã
    gửi công văn đề nghị góp ý") is progress, unless the task's text (`deliverable`, else `task_text`) names it."""
    original = nfc(text).strip()
    folded = chat_fold(_OTHER_MARKS.sub(lambda m: m.group(0) + "_", original))
    if not folded:
        return None
    note = without_courtesy(original)  # what was done, without "chúc mừng năm mới", "em báo cáo … ạ" (probe 27, F8)
    # what the held-up and waiting words are read on: with their own marks when the message has marks
    waiting_folded = chat_fold(marks_kept(_OTHER_MARKS.sub(lambda m: m.group(0) + "_", original)))
    # "giải ngân đạt 12%": the unit's figure, not the task's share; "giảm 20%": a change, not the share either
    percent = _percent(CHANGE_PERCENT.sub(" ", FIGURE.sub(" ", folded)))
    if percent is None and HALF_MARKED.search(original):
        percent = 50
    asked, wanted = _extension(GH.sub("gia hạn", original),
                               now or dt.datetime.combine(today, dt.time(0, 0), tzinfo=VN_TZ), calendar)
    if wanted is None and (more := _more_time(folded, max(current_due or today, today), calendar)) is not None:
        asked, wanted = True, more
    if not asked and ASKED_OTHERWISE.search(folded):
        return StatusUpdate(status=TaskStatus.EXTENSION_REQUESTED, percent=percent, note=note)
    if not asked and ASKED.search(folded):  # "xin gia hạn ạ, lý do: chờ ý kiến": an ask, its date to be asked for
        return StatusUpdate(status=None, percent=percent, note=note)
    if asked:
        return StatusUpdate(status=TaskStatus.EXTENSION_REQUESTED, percent=percent, note=note,
                            requested_due_on=wanted)
    if task_text is not None and sends_round_report(original) and "bao cao" in chat_fold(task_text):
        # "báo cáo tháng 3: …, đạt 60%" on a recurring report: that round is done; the share is the report's content
        return StatusUpdate(status=TaskStatus.DONE, percent=100, note=note)
    sent = LATE_EXCUSE.sub(" ", folded)  # "…, xin lỗi chậm do chờ các xã": why it was late, not what it waits for
    the_work = chat_fold(deliverable or task_text or "")
    if SUBMITTED.search(sent) and ASKS_SUBMISSION.search(the_work) and \
            not GOES_ON_AFTER_SUBMISSION.search(the_work) and not ISSUE_TO_COME.search(sent):
        # "đã trình UBND huyện dự thảo Kế hoạch …" on "tham mưu UBND huyện ban hành Kế hoạch …, trình UBND huyện
        # trước …": the draft submitted is the work asked of the unit (probe 7, #16), not a draft under way
        sent = re.sub(r"\bdu thao\b", "ban", sent)
    delivered = ((DELIVERED.search(sent) is not None or _sent_already(sent)
                  or DONE_PLAIN.search(sent) is not None
                  or (task_text is not None and own_work_done(task_text, sent) > 0))
                 and UNDER_WAY.search(POSTED.sub("da ", sent)) is None
                 and WAITING.search(LATE_EXCUSE.sub(" ", waiting_folded)) is None
                 and percent is None and RETURNED.search(sent) is None)
    said_done = (DONE.search(folded) is not None and not NOT_DONE.search(folded) and not PARTLY.search(folded)
                 and not PLANNED.search(folded) and not ONGOING.search(folded) and (percent is None or percent == 100)
                 and not RETURNED.search(folded))
    if delivered and not said_done and percent is None and (step := STEP_PAPER.search(sent)) is not None and \
            not _step_is_deliverable(step["paper"], deliverable or task_text):
        return StatusUpdate(status=TaskStatus.IN_PROGRESS, note=note)  # the invitation sent, not the conference held
    if (percent == 100 or said_done or delivered) and task_text is not None and one_off_step(original, task_text):
        # "đã trình ban hành kế hoạch số 85, xong" on "ban hành kế hoạch …; hằng tháng báo cáo": the plan, not a round
        return StatusUpdate(status=TaskStatus.IN_PROGRESS, note=note)
    if percent == 100 or said_done or delivered:
        return StatusUpdate(status=TaskStatus.DONE, percent=100, note=note)
    if PARTLY.search(folded) and percent is None:
        percent = 50 if re.search(r"\b(?:mot|1)\s+nua\b", folded) else None
    said_difficulty = NO_DIFFICULTY.sub(" ", waiting_folded)
    if BLOCKED.search(said_difficulty) or (HELD_UP.search(said_difficulty) and not NOT_DONE.search(folded)):
        return StatusUpdate(status=TaskStatus.BLOCKED, percent=percent, note=note)
    if ((NOT_STARTED.search(folded) or NOT_STARTED_MARKED.search(original.lower())) and percent is None) or \
            percent == 0:  # "0%": not started
        return StatusUpdate(status=TaskStatus.OPEN, note=note)
    if percent is not None or PROGRESS.search(folded) or PARTLY.search(folded) or PLANNED.search(folded) or \
            NOT_DONE_ALONE.match(folded) or RETURNED.search(folded) or SUBMITTED.search(sent):
        # ("đã trình BTV dự thảo …" on a task that goes on after it: a step done — probe 8, #2)
        return StatusUpdate(status=TaskStatus.IN_PROGRESS, percent=percent, note=note)
    return StatusUpdate(status=None, note=note)  # a plain progress note


def _extension(original: str, now: dt.datetime,
               calendar: WorkingCalendar | None = None) -> tuple[bool, dt.date | None]:
    """Whether the text asks for a new deadline, and which: "gia hạn" (or "xin thêm thời gian", "xin lùi")
    followed by a date, near it ("… xin thêm thời gian, dự kiến xong trước 20/3") or as a month or quarter
    ("sang tháng 4", "đến hết quý II": its last day). A date that cannot be ("gia hạn đến 31/2") is still a
    request, without a date; "gia hạn 60%" is none."""
    original = SPOKEN_DATE.sub(_spoken_date, DAY_WORD.sub("", original))  # "đến ngày mồng 5/11": the 5th
    marks_off = strip_marks(original).lower()
    if len(marks_off) != len(original):  # stripping merged characters: read the text without marks
        original = marks_off
    m = next((m for m in EXTENSION.finditer(marks_off) if not _NOT_MOVED.match(original.lower(), m.start())), None)
    if m is None:
        return False, None
    after, after_folded = original[m.end():], marks_off[m.end():]
    if m.group("date_only") and not DATE_ONLY_AFTER.match(after_folded):
        return False, None
    if (period := _bare_period(after_folded, now.date())) is not None:
        return True, period
    if NEXT_WEEK.match(after_folded):  # "lùi sang tuần sau": to the end of next week, as "hết tuần sau"
        after = "hết tuần sau"
    first = _not_morning(after, after_folded)
    if (to := _TO_WORD.match(after_folded)) is not None and len(after) == len(after_folded):
        first = "đến " + after[to.end():]  # "lùi 1.4 sang 10/9", "dời qua ngày 18", "lùi thành 5/6": the date
    found = leading_when(first, now=now, calendar=calendar)
    if found is not None:
        return True, found[0].date
    for cue in DATE_CUE.finditer(after_folded):  # a date further on, after a cue word
        rest, rest_folded = after[cue.end():], after_folded[cue.end():]
        if (period := _bare_period(rest_folded, now.date())) is not None:
            return True, period
        found = leading_when(_not_morning(rest, rest_folded), now=now, calendar=calendar)
        if found is not None and found[0].date > now.date():
            return True, found[0].date
    return bool(DATE_LIKE.match(after_folded)), None


DAY_WORD = re.compile(r"(?<!\w)(?:mồng|mùng|mong|mung)\s+(?=\d{1,2}\s*[/.-]\s*\d)", re.I)
# a date in words, as voice typing writes it: "ngày ba mươi tháng sáu" (30/6), "mùng mười tháng mười hai" (10/12)
_NUMBER_WORD = r"(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi)"
SPOKEN_DATE = re.compile(rf"(?<!\w)(?P<head>ngày|mùng|mồng)\s+(?P<d>{_NUMBER_WORD}(?:\s+{_NUMBER_WORD}){{0,2}})"
                         r"\s+tháng\s+"
                         rf"(?P<m>mười(?:\s+(?:một|hai))?|{_NUMBER_WORD}|\d{{1,2}})(?![\wà-ỹ])", re.I)


def _spoken_date(m: re.Match[str]) -> str:
    """"ngày ba mươi tháng sáu" → "ngày 30/6"; the words as they were when they make no date."""
    day = _number_words(strip_marks(m["d"]).lower().split())
    month = int(m["m"]) if m["m"].isdigit() else _number_words(strip_marks(m["m"]).lower().split())
    if day is None or month is None or not (1 <= day <= 31 and 1 <= month <= 12):
        return m.group(0)
    return f"ngày {day}/{month}"


# the words that fold onto a verb moving the deadline ("dời", "đẩy", "kéo") but wait or teach: "đang đợi đến thứ 2 mới
# có số liệu" is no ask (read where the text has its marks)
_NOT_MOVED = re.compile(r"(?:đợi|đội|đôi|dạy|dày|đây|đấy|kẹo)\b")
# after an ask: an item number, then the word to the date (not "sang tháng 4", read as a month above)
_TO_WORD = re.compile(r"^\W*(?:(?:muc\s*)?\d{1,2}(?:\.\d{1,2})+\s+)?(?:qua|thanh|toi|sang|den)\s+"
                      r"(?=\d|ngay|thu|dau|cuoi|giua|het|mung|mong|ra gieng)")
NEXT_WEEK = re.compile(r"^\W*(?:(?:den|toi|sang|qua|vao)\s+)*tuan\s+(?:sau|toi)\b(?!\s*(?:thu|ngay|\d))")


def _not_morning(text: str, folded: str) -> str:
    """"sang tháng 4" typed without marks is "to April", not "sáng" (morning): the word goes."""
    m = re.match(r"^\W*sang\s+(?=thang|tuan|nam|quy|ngay|\d)", folded)
    return text[m.end():] if m and len(text) == len(folded) else text


def _bare_period(folded: str, today: dt.date) -> dt.date | None:
    """"tháng 4", "sang tháng 4/2026", "hết quý II": the last day of that month or quarter (this year, or
    the next when it is past)."""
    m = BARE_PERIOD.match(folded)
    if m is None:
        return None
    raw, year = m.group("n"), m.group("y") or m.group("y2")
    n = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(raw) or int(raw)
    month = n if m.group("unit") == "thang" else 3 * n if 1 <= n <= 4 else 0
    if not 1 <= month <= 12:
        return None
    end_year = int(year) if year else today.year
    end = dt.date(end_year, month, calendar_module.monthrange(end_year, month)[1])
    if not year and end < today:
        end = dt.date(end_year + 1, month, calendar_module.monthrange(end_year + 1, month)[1])
    return end


def _more_time(folded: str, base: dt.date, calendar: WorkingCalendar | None) -> dt.date | None:
    """"gia hạn thêm 2 tuần" / "lùi hạn 10 ngày" / "thêm 5 ngày làm việc" / "thêm 1 tháng": the date that far
    after `base` (the current deadline)."""
    m = MORE_TIME.search(folded)
    if m is None:
        return None
    said, unit = m.group("n") or m.group("n2"), m.group("unit") or m.group("unit2")
    if said == "nua":  # "nửa tháng": fifteen days; "nửa tuần": three
        if unit not in ("thang", "tuan"):
            return None
        return base + dt.timedelta(days=15 if unit == "thang" else 3)
    count, unit = int(said), "ngay" if unit in ("hom", "bua") else unit
    if not 0 < count <= 366:
        return None
    if unit.startswith("ngay lam viec"):  # from the deadline as it runs (one in Tết: the first working day after)
        return calendar.add_working_days(calendar.effective_deadline(base), count) if calendar is not None else None
    if unit == "ngay":
        return base + dt.timedelta(days=count)
    if unit == "tuan":
        return base + dt.timedelta(weeks=count)
    month = base.month - 1 + count
    year, month = base.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(base.day, calendar_module.monthrange(year, month)[1]))


# An item number typed in a hurry: "II1a", "ii2a", "III 2", "II.2.dd" (telex "đ"), "II.2 đ", "II.5 a", "2a".
_LETTER = r"(?:dd|đ|Đ|[a-kA-K])(?![\wà-ỹ])"
COMPACT_REF = re.compile(r"^(?P<lead>\s*(?:(?i:mục|muc)\s*)?)(?:(?P<roman>[IVXivx]{1,4})\s*\.?\s*(?P<num>\d{1,2})"
                         rf"(?:\s*\.?\s*(?P<letter>{_LETTER}))?|(?P<digits>\d{{1,3}}(?:\.\d{{1,3}})*)\.?(?P<letter2>{_LETTER}))"
                         r"(?=[\s:,;\-–]|\.(?!\w)|$)")
_LIST_SEP = re.compile(r"\s*(?:,|;|&|\+|\bvà\b|\bva\b)\s*(?:(?:mục|muc)\s*)?", re.I)
_LETTER_ITEM = re.compile(rf"(?P<letter>{_LETTER})(?=\s*(?:,|;|&|\bvà\b|\bva\b|[:\-]|\s+\S)|$)", re.I)
_LIST_HEAD = re.compile(rf"^\s*(?:muc\s*)?({FOLDED_REF})\.?(?=\s*(?:,|;|&|\+|\bva\b))")
# an item number said later in the text: after "mục", or one no date can be (a Roman numeral, a letter part,
# three parts): "xong mục 2.1", "xin gia hạn II.5.c đến 30/4", "Báo cáo: II.4.b đã bố trí …"
_LATER_REF = re.compile(rf"(?:\bmuc\s*(?P<after_muc>{FOLDED_REF})|(?<![\w/.])(?P<plain>(?:[ivx]{{1,4}}(?:\.\d{{1,2}})+"
                        rf"(?:\.[a-z])?|\d{{1,2}}(?:\.\d{{1,2}})*\.[a-z]|\d{{1,2}}\.\d{{1,2}}\.\d{{1,2}}))(?![\w/]|\.\d))")
# a new item number starting a second part of the message: "II.2.c xong, II.2.d đang làm 70%", "4a xong, 4b 50%",
# "2c xong 2d chưa" (without a comma only an item number with a letter, which no date or count can be)
_LETTER_REF = r"(?:(?:[ivx]{1,4}|\d{1,3})(?:\.\d{1,3})*\.?[a-z])"
_DOTTED_REF = r"(?:(?:[ivx]{1,4}|\d{1,3})(?:\.(?:\d{1,3}|[a-z])){1,3})"
_THEN = r"(?:(?:con|rieng|va|con lai)\s+)?"  # "1.2 xong r, còn 1.3 thì đang đợi …"
_NO_UNIT = r"(?!\s*(?:trieu|ty|ha|km|m2|m3|tan|dong|nghin|ngan)\b)"  # "…, còn 1.5 tỷ chưa giải ngân": an amount
# a plain number starts a part only when "mục" comes before it or a status word after it ("1 xong, 2 đang làm 80%",
# "muc 1 xong r, muc 4 dang lam 80%"), never a count ("xong, 2 xã còn chậm")
_STATUS_AFTER = r"(?:(?:xong|hoan thanh|hoan tat|dang|da|chua|vuong|xin|tam|ht|xg|xog|dg|done|dat)\b|\d{1,3}\s*%)"
_NEXT_PART = re.compile(rf"(?:\s*[,;.]\s*{_THEN}(?:(?:mục|muc)\s*)?"
                        rf"(?=(?:{_DOTTED_REF}|{_LETTER_REF}){_NO_UNIT}\s*[:\-]?\s+\S)"
                        # a new line naming its item ("Mục 1: xong\nMục 2: đang làm", "1) xong\n2) 40%")
                        rf"|\s*\n\s*(?:[-+•*]\s*)?(?:mục|muc)\s*(?=(?:{_DOTTED_REF}|\d{{1,3}})\s*[:\-]?\s+\S)"
                        # a numbered or bulleted line that says a status ("- 1.2: 60%", "2. Đang thực hiện", "3)
                        # chưa"; not a notice's "2. Giao Sở …")
                        rf"|\s*\n\s*(?:[-+•*]\s*)?(?=(?:{_DOTTED_REF}\s*[:\-.)]?|\d{{1,3}}\s*[:.)])\s+{_STATUS_AFTER})"
                        rf"|\s*[,;.]\s*{_THEN}(?:mục|muc)\s*(?=\d{{1,3}}\s*[:\-]?\s+\S)"
                        rf"|\s*[,;]\s*(?=\d{{1,3}}\s*[:\-]?\s+{_STATUS_AFTER})"
                        rf"|\s+(?={_LETTER_REF}\s*[:\-]?\s+\S)"
                        # "2.1 ht 2.2 ht 2.3 dang lam": a dotted item number and a status word, with a space only
                        rf"|(?<!\bden)(?<!\btoi)(?<!\btu)(?<!\bngay)(?<!\bsang)(?<!\btruoc)(?<!\bvao)(?<!\bva)"
                        rf"\s+(?={_DOTTED_REF}\s+{_STATUS_AFTER}))")
# item numbers listed with spaces only: "4a 4b xong", "1a 1b 1c đều xong"; "1.1 1.2 xong" (dotted, after a dotted one)
_SPACED_LETTER_REF = re.compile(rf"(?={_LETTER_REF}(?:\s|[,;:]))")
_SPACED_DOTTED_REF = re.compile(rf"(?={_DOTTED_REF}\s+(?:{_DOTTED_REF}\s|(?:deu|ca|cung)\b|{_STATUS_AFTER}))")


def written_out(text: str) -> str:
    """The text with an item number typed compactly at its start written out: "II1a xong" → "II.1.a xong"."""
    m = COMPACT_REF.match(text)
    if m is None:
        return text
    letter = m.group("letter") or m.group("letter2")
    letter = "đ" if letter and letter.lower() in ("dd", "đ") else letter
    parts = [m.group("roman"), m.group("num")] if m.group("roman") else [m.group("digits")]
    return m.group("lead") + ".".join(p for p in [*parts, letter] if p) + text[m.end():]


# Other ways people name an item than "mục N": "nhiệm vụ số 4", "nv 6", "nv1", "NV 1.3", "tiểu mục 2.1", "nội dung
# số 2", "điểm 2.3" (of a notice), "(3)"; "điểm a khoản 2" / "khoản 2 điểm a" (a legal text's point a of clause 2);
# "mục 3 ý b" (point b of item 3); "các mục 1.1, 1.2" and "nhiệm vụ số 2 và số 5" (a list). All read as "mục …".
_ITEM_AHEAD = r"(?=(?:[IVXivx]{1,4}\.)?\d)"
_ITEM_WORD = re.compile(r"(?<!\w)(?:(?:các|cac)\s+)?(?:nhiệm\s*vụ|nhiem\s*vu|nv|stt|số\s+thứ\s+tự|tiểu\s*mục|tieu\s*muc"
                        r"|nội\s*dung"
                        # "việc 1.2", "việc số 2", "Việc 2 bên em …" (not "công việc 2 …")
                        r"|noi\s*dung|(?<!công )(?<!cong )(?:việc|viec))\s*(?:số|so|thứ|thu)?\s*"
                        rf"{_ITEM_AHEAD}(?!\d*\s*(?:ngày|ngay|tuần|tuan|tháng|thang|xã|xa|hộ|ho|người|nguoi)\b)"
                        r"|(?<!\w)(?:điểm|diem)\s+(?=(?:[IVXivx]{1,4}|\d{1,3})\.\d)", re.I)
_ITEM_LIST = re.compile(r"(?<!\w)(?:các|cac)\s+(?=(?:mục|muc)\s*\d|(?:ý|y)\s+[a-kđ](?![\wà-ỹ]))", re.I)
_ITEM_AND_NUMBER = re.compile(r"(\s*(?:,|&|(?<!\w)và|(?<!\w)va)\s+)(?:số|so)\s+(?=\d)", re.I)
_POINT_OF_CLAUSE = re.compile(r"(?<!\w)(?:điểm|diem|ý|y|mục|muc)\s*(?:\s|\()(?P<l>[a-kđ])\)?\s*,?\s*(?:của\s+|cua\s+)?"
                              r"(?:khoản|khoan)\s+"
                              r"(?P<n>\d{1,3})(?!\w)"
                              r"|(?<!\w)(?:khoản|khoan)\s+(?P<n2>\d{1,3})\s*,?\s*(?:điểm|diem)\s+(?P<l2>[a-kđ])"
                              r"(?![\wà-ỹ])"
                              # "điểm c mục 1", "ý b của mục II.2": the point before its item
                              r"|(?<!\w)(?:điểm|diem|ý|y)\s+(?P<l3>[a-kđ])\s*,?\s*(?:của\s+|cua\s+)?(?:mục|muc)\s*"
                              r"(?P<n3>(?:[IVXivx]{1,4}\.)?\d{1,3}(?:\.\d{1,3})*)(?![\w.]|\.\w)", re.I)
_CLAUSE = re.compile(r"(?<!\w)(?:khoản|khoan)\s+(?=\d)", re.I)
# "(3) xong", "1) xong", "1/ xong" (a line each)
_BRACKETED = re.compile(r"(?<![\w)])\((\d{1,2})\)(?=\s)|^[ \t]*(\d{1,2})[)/](?=\s)", re.M)
_POINT_AFTER = re.compile(r"((?:mục|muc)\s*(?:[IVXivx]{1,4}\.)?\d{1,3}(?:\.\d{1,3})*)\s*[:,]?\s*(?:ý|y)\s+"
                          r"([a-kđ])(?![\wà-ỹ])", re.I)
_POINT = re.compile(r"(?<!\w)(?:ý|y)\s+([a-kđ])(?![\wà-ỹ])", re.I)
_PARENT = re.compile(r"(?:mục|muc)\s*((?:[IVXivx]{1,4}\.)?\d{1,3}(?:\.\d{1,3})*)", re.I)


# an item number said in words, as voice typing writes it: "mục một chấm hai" (1.2), "mục hai", "nhiệm vụ thứ hai"
_SPOKEN = {"một": 1, "nhất": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
           "chín": 9, "mười": 10}
_SPOKEN_WORD = "(?:" + "|".join(_SPOKEN) + ")"
_SPOKEN_REF = re.compile(rf"(?<!\w)(?P<head>mục|(?:nhiệm vụ|việc|nội dung|mục)\s+(?:thứ|số))\s+(?P<n>{_SPOKEN_WORD}"
                         rf"(?:\s+chấm\s+{_SPOKEN_WORD})*)(?![\wà-ỹ])(?!\s+(?:mươi|trăm|phần|\d))", re.I)
# "Mục II, điểm 3" (a numbered point of a Roman section), "II-3": the item II.3; "mục 01": item 1 (heldout-4)
_SECTION_POINT = re.compile(r"(?<!\w)(?P<muc>(?:mục|muc|Mục)\s*)?(?P<r>[IVX]{1,4})"
                            r"(?:\s*,?\s*(?:điểm|diem|mục|muc)\s+|-)(?P<n>\d{1,2})(?![\w.\-/]|\.\w)")
_LEADING_ZERO = re.compile(r"(?<!\w)((?:mục|muc|Mục)\s*)0+(?=[1-9])")
# "phần II mục 3": item 3 of part II
_PART_ITEM = re.compile(r"(?<!\w)(?:phần|phan)\s+(?P<p>[IVXivx]{1,4})\s*,?\s*(?:mục|muc)\s*(?P<n>\d{1,3}(?:\.\d{1,3})*)"
                        r"(?![\w.]|\.\w)")


def _spoken(m: re.Match[str]) -> str:
    numbers = [str(_SPOKEN[w.lower()]) for w in re.split(r"\s+chấm\s+", m["n"], flags=re.I)]
    return f"mục {'.'.join(numbers)}"


def item_words(text: str) -> str:
    """The text with every way of naming an item written as "mục …" (see _ITEM_WORD): "Nhiệm vụ số 4 xong" →
    "mục 4 xong", "điểm a khoản 2 xong" → "mục 2.a xong", "Mục 3 ý a xong, ý b chưa" → "Mục 3.a xong, mục 3.b
    chưa", "ý b xong" → "mục b xong"."""
    text = _PART_ITEM.sub(lambda m: f"mục {m['p'].upper()}.{m['n']}", _SPOKEN_REF.sub(_spoken, text))
    text = _LEADING_ZERO.sub(r"\1", _SECTION_POINT.sub(lambda m: f"{m['muc'] or ''}{m['r']}.{m['n']}", text))
    text = _POINT_OF_CLAUSE.sub(
        lambda m: f"mục {m['n'] or m['n2'] or m['n3']}.{(m['l'] or m['l2'] or m['l3']).lower()}", text)
    text = _CLAUSE.sub("mục ", _ITEM_WORD.sub("mục ", text))
    text = _ITEM_AND_NUMBER.sub(r"\1mục ", _ITEM_LIST.sub("", _BRACKETED.sub(lambda m: f"mục {m[1] or m[2]}", text)))
    text = _POINT_AFTER.sub(lambda m: f"{m[1]}.{m[2].lower()}", text)
    while (point := _POINT.search(text)) is not None:  # "…, ý b chưa làm": a point of the item named before
        parents = list(_PARENT.finditer(text, 0, point.start()))
        head = f"{parents[-1][1]}." if parents else ""
        text = f"{text[:point.start()]}mục {head}{point[1].lower()}{text[point.end():]}"
    return text


def _expand(first: str, last: str) -> list[str] | None:
    """"II.1" to "II.3" → II.1, II.2, II.3; "1" to "3" → 1, 2, 3: a range of items typed with "đến" or a dash (the
    same parts but the last, a number; at most 20)."""
    head, _, start = first.rpartition(".")
    last_head, _, end = last.rpartition(".")
    if head.lower() != last_head.lower() or not start.isdigit() or not end.isdigit() or \
            not 0 < int(end) - int(start) <= 20:
        return None
    return [f"{head}.{n}" if head else str(n) for n in range(int(start), int(end) + 1)]


# "đến 3", "– II.3", "tới mục 5" after an item number: the end of a range (not a date: "đến 30/4", "đến 15.5 …")
_RANGE_TO = re.compile(r"^\s*(?:–|—|→|\bden\b|\btoi\b|->?(?=\s*(?:muc\s*)?\d{1,3}\.\d))"  # ("2.1-2.4": dotted only)
                       rf"\s*(?:muc\s*)?({FOLDED_REF})(?![\w/%]|[.,]\d)"
                       r"(?!\s*(?:ngay|tuan|thang|nam|gio|phan tram)\b)")


def split_ref(text: str) -> tuple[str, str] | None:
    """"2.1 xong" → ("2.1", "xong"); "Mục 2.2.a: xong" → ("2.2.a", "xong"); "II.2.đ xong" → ("II.2.đ", "xong");
    "II1a xong" → ("II.1.a", "xong"). The item number comes back as typed (written out); compare it with
    `storage.itemref.ref_key`."""
    original = written_out(item_words(nfc(text).strip()))
    folded = strip_marks(original).lower()
    m = REF_PREFIX.match(folded)
    if not m:
        return None
    source = original if len(original) == len(folded) else folded
    return source[m.start(1):m.end(1)], source[m.start(2):]


# a message that opens with a line of its own before a list of items ("Dạ em báo cáo:\n1. …"), and a bullet before
# the first item ("- 1.1: xong")
LIST_HEADER = re.compile(r"^[^\n\d]{0,60}:[ \t]*\n(?=\s*(?:[-+•*]\s*)?(?:muc\s*)?\d[\d.]*\s*[:.)\-]?\s*"
                         rf"{_STATUS_AFTER})")  # (on folded text; not a notice's "… như sau:\n1. Giao …")
BULLET = re.compile(r"^[-+•*]\s+(?=(?:(?:mục|muc)\s*)?[\dIVXivx])")


def split_refs(text: str) -> list[tuple[list[str], str]] | None:
    """What a message says of each item it names, when it starts with an item number: "II.1.a, II.1.b xong"
    → [(["II.1.a", "II.1.b"], "xong")]; "II.4.a, b, c đang thực hiện" → [(["II.4.a", "II.4.b", "II.4.c"],
    "đang thực hiện")]; "II.2.c xong, II.2.d đang làm 70%" → [(["II.2.c"], "xong"), (["II.2.d"],
    "đang làm 70%")]. None when the message does not start with one."""
    if (header := LIST_HEADER.match(strip_marks(nfc(text)).lower())) is not None:  # "Dạ em báo cáo:\n1. Đã …\n2. …"
        text = nfc(text)[header.end():] if len(strip_marks(nfc(text))) == len(nfc(text)) else \
            strip_marks(nfc(text))[header.end():]
    original = written_out(item_words(BULLET.sub("", nfc(text).strip())))
    folded = strip_marks(original).lower()
    source = original if len(original) == len(folded) else folded
    if (head := _LIST_HEAD.match(folded)) is not None:
        refs, rest = [source[head.start(1):head.end(1)]], source[head.end():]
    elif (first := split_ref(source)) is not None:
        refs, rest = [first[0]], first[1]
    else:
        return None
    while True:  # more item numbers before what is said of them
        rest_folded = strip_marks(rest).lower()
        if len(rest_folded) == len(rest) and (to := _RANGE_TO.match(rest_folded)) is not None and \
                (span := _expand(refs[-1], rest[to.start(1):to.end(1)])) is not None:
            refs[-1:] = span  # "Mục 1 đến mục 3 xong", "II.1–II.3 xong"
            rest = rest[to.end():]
            continue
        if (sep := _LIST_SEP.match(rest)) is not None:
            tail = rest[sep.end():]
        elif refs[-1][-1:].isalpha() and _SPACED_LETTER_REF.match(strip_marks(rest.lstrip()).lower()):
            tail = rest.lstrip()  # "4a 4b xong": listed with a space
        elif "." in refs[-1] and _SPACED_DOTTED_REF.match(strip_marks(rest.lstrip()).lower()):
            tail = rest.lstrip()  # "1.1 1.2 xong"
        else:
            break
        if sep is not None and (letter := _LETTER_ITEM.match(tail)) is not None and "." in refs[-1]:
            refs.append(refs[-1].rsplit(".", 1)[0] + "." + ("đ" if letter["letter"].lower() in ("dd", "đ")
                                                           else letter["letter"]))
            rest = tail[letter.end():]
            continue
        tail_folded = strip_marks(written_out(tail)).lower()
        nxt = _LIST_HEAD.match(tail_folded) or REF_PREFIX.match(tail_folded)
        if nxt is None or len(tail_folded) != len(written_out(tail)):
            break
        compacted = written_out(tail)
        refs.append(compacted[nxt.start(1):nxt.end(1)])
        rest = compacted[nxt.end(1):]
    rest = rest.lstrip(" .:-–")
    folded_rest = strip_marks(rest).lower()
    for m in _NEXT_PART.finditer(folded_rest) if len(folded_rest) == len(rest) else ():
        if (more := split_refs(rest[m.end():])) is not None:  # (not " xin" read as item XI.n: the next that is one)
            return [(refs, rest[:m.start()].strip())] + more
    return [(refs, rest)]


# An item number anywhere in a message, for `find_refs`: after "mục" ("mục 2b" written compactly), one no date can
# be (a Roman numeral, a letter part, three parts), or two parts where a list or a clause starts ("…: 1.1 xong; 1.2
# xong", "riêng 2.5 …", "từ 2.1 đến 2.4") — not after a date word ("đến 14.8") nor before a share ("1.5%")
_MENTION = re.compile(rf"\bmuc\s*(?P<muc>{FOLDED_REF})(?P<letter>[a-k])?(?![a-z0-9])"
                      # "Mục III đã …", "mục IV xin …": a Roman numeral alone, said after "mục" (not "i": a letter)
                      r"|\bmuc\s+(?P<roman>ii|iii|iv|vi{0,3}|ix|x|i(?=\s*:))(?![\w.]|\.\w)"
                      # ("2.3.b.3": a letter part may have numbered parts of its own)
                      rf"|(?<![\w/.,])(?P<strong>[ivx]{{1,4}}(?:\.\d{{1,2}})+(?:\.[a-z])?"
                      r"|\d{1,2}(?:\.\d{1,2})*\.[a-z](?:\.\d{1,2})*"
                      r"|\d{1,2}\.\d{1,2}\.\d{1,2})(?![\w/]|\.\d)"
                      r"|(?:^|(?<=[,;:(])|(?<=\bva)|(?<=\bcon)|(?<=\brieng)|(?<=\btu)"
                      # "Dạ 3.2 đạt 70%", "Vâng, 2.1 xong": after the greeting a message opens with
                      r"|(?<=^da)|(?<=^vang)|(?<=^da vang))\s*(?P<two>\d{1,2}\.\d{1,2})(?=\s+[a-z]|\s*(?:→|->)\s*\d)"
                      # "xong 2.1-2.4", "em làm xong 1.2 rồi", "xin lùi hạn 1.1 đến …": the item done or asked for
                      r"|(?:(?<=\bxong)|(?<=\bhoan thanh)|(?<=\bgia han)|(?<=\blui han))\s+(?P<verb>\d{1,2}\.\d{1,2})"
                      # (not "2.2" of "hoàn thành 2.2.a": the whole number is the item, read above)
                      r"(?![\w/%]|[.,]\d|\.[a-z]|\s*(?:%|phan tram|trieu|ty|ha|km|m2|ngay|thang|tuan)\b)"
                      # "cho e lùi 2.3 đến 15 tháng 2", "dời 1.4 sang 10/9" (heldout-4): the item moved to a date
                      r"|(?:(?<=\blui)|(?<=\bdoi)|(?<=\bkeo)|(?<=\bkhat))\s+(?P<moved>\d{1,2}\.\d{1,2})"
                      r"(?=\s+(?:sang|den|toi|qua|thanh)\s)")
_LIST_NEXT = re.compile(rf"^\s*(?:,|&|\bva\b)\s*(?:muc\s*)?(?P<ref>{FOLDED_REF})(?![\w/%]|[.,]\d)"
                        rf"(?=\s*(?:,|&|\bva\b|[.;]|$)|\s+{_STATUS_AFTER})")
# where what is said of one item ends and the next begins: "mục 1 xong, mục 2 …", "đã hoàn thành mục 1 và đang làm
# mục 2", "…; còn mục 3 …", a new line
_CLAUSE_END = re.compile(r"[;\n]|[.,:](?=\s|$)|\b(?:va|con|rieng|nhung)\b")
_CLAUSE_HEAD = re.compile(r"^(?:\W|\b(?:va|con|rieng|nhung|tu)\b)+")


def _joined(before: str, after: str) -> str:
    """The words around an item number, as one line: "Đã xong mục 2, đề nghị …" → "Đã xong, đề nghị …"; the
    brackets it stood in go with it ("Dự thảo quy chế (mục 2.2.a) đã trình …" → "Dự thảo quy chế đã trình …")."""
    joined = re.sub(r"[(\[]\s*[)\]]", " ", " ".join(f"{before} {after}".split()))
    return re.sub(r"\s+([,;:.])", r"\1", " ".join(joined.split())).strip(" ,:;-–")


def find_refs(text: str) -> list[tuple[list[str], str]] | None:
    """What a message says of the items it names anywhere in it, when it does not start with one (`split_refs`):
    "Dạ mục 1.1 đã xong, 1.2 đang chờ thẩm định" → [(["1.1"], "đã xong"), (["1.2"], "đang chờ thẩm định")]; "Em đã
    hoàn thành mục 1 và đang làm mục 2" → [(["1"], "Em đã hoàn thành"), (["2"], "đang làm")]; "Các nhiệm vụ từ 2.1
    đến 2.4 đã xong" → [(["2.1", "2.2", "2.3", "2.4"], …)]. One group of items keeps the whole message as what is
    said of it. None when it names none."""
    original = item_words(nfc(text).strip())
    folded = strip_marks(original).lower()
    if len(folded) != len(original):
        return None
    groups: list[tuple[int, int, list[str]]] = []  # (start, end, item numbers) of each list of items named
    for m in _MENTION.finditer(folded):
        if groups and m.start() < groups[-1][1]:
            continue  # inside a list or a range already read
        kind = next(k for k in ("muc", "roman", "strong", "two", "verb", "moved") if m.group(k))
        ref = original[m.start(kind):m.end(kind)] + (f".{m['letter']}" if m.group("letter") else "")
        start, end, refs = m.start(kind) if kind in ("two", "verb", "moved") else m.start(), m.end(), [ref]
        while True:  # "mục 1, 2 và 3", "mục 1 đến mục 3", "II.1–II.3"
            if (to := _RANGE_TO.match(folded[end:])) is not None and \
                    (span := _expand(refs[-1], original[end + to.start(1):end + to.end(1)])) is not None:
                refs[-1:], end = span, end + to.end()
            elif (more := _LIST_NEXT.match(folded[end:])) is not None:
                refs.append(original[end + more.start("ref"):end + more.end("ref")])
                end += more.end()
            else:
                break
        if groups and (re.fullmatch(r"\s*(?:,|&|\bva\b)?\s*", folded[groups[-1][1]:start])):
            groups[-1] = (groups[-1][0], end, groups[-1][2] + refs)  # "mục 2 và mục 5 …"
            continue
        if re.search(r"\btu\s*$", folded[:start]) and len(refs) > 1:
            start = folded.rindex("tu", 0, start)  # "từ 2.1 đến 2.4": the "từ" goes with the items
        groups.append((start, end, refs))
    if not groups:
        return None
    if len(groups) == 1:
        start, end, refs = groups[0]
        if re.search(r"[.!?]\s*$", original[:start]) and original[end:].strip(" .!"):
            # "… đã gửi Báo cáo số 112-BC/BTCHU ngày 29/3. Mục 7 hoàn thành.": the item opens a later sentence of its
            # own: the message kept as typed (cut out, it would leave ". hoàn thành.")
            return [(refs, " ".join(nfc(text).split()))]
        return [(refs, _joined(original[:start], original[end:]))]
    bounds = []  # where each group's words begin: the last clause end before it (the first: after a greeting)
    for i, (start, _, _) in enumerate(groups):
        lower = groups[i - 1][1] if i else 0
        ends = list(_CLAUSE_END.finditer(folded, lower, start))
        if i == 0:
            bounds.append(ends[-1].end() if ends else 0)
        else:
            bounds.append(ends[-1].start() if ends else start)
    parts = []
    for i, (start, end, refs) in enumerate(groups):
        upto = bounds[i + 1] if i + 1 < len(groups) else len(original)
        said = _joined(original[bounds[i]:start], original[end:upto])
        head = _CLAUSE_HEAD.match(strip_marks(said).lower())
        parts.append((refs, said[head.end() if head else 0:].strip(" ,:;-–")))
    return parts


# the notice a status is about, named by its number: "1 xong tb 228", "mục 1 thông báo 215-TB/HU xong",
# "1 xong 228-TB/HU", "2 đang làm 50% (KL 12)" — for someone holding the same item number in several notices
NOTICE_NAMED = re.compile(
    r"[(\[]?\s*(?:\b(?:thong bao|tb|van ban|vb|ket luan|kl|ke hoach|kh|cong van|cv|quyet dinh|qd|chi thi|ct)"
    r"\s*(?:so\s*)?(?P<n>\d{1,5})\b(?:\s*[-/]\s*[a-z]{1,8})*"
    r"|\b(?:so\s*)?(?P<m>\d{1,5})\s*[-/]\s*(?:tb|kl|kh|cv|qd|ct)\b(?:\s*[-/]\s*[a-z]{1,8})*)\s*[)\]]?")


def notice_named(text: str) -> tuple[str, str] | None:
    """The notice number a status names ("1 xong tb 228" → ("228", "xong")): its leading number, and the text
    without those words; None when it names none."""
    original = " ".join(nfc(text).split())
    folded = strip_marks(original).lower()
    m = NOTICE_NAMED.search(folded)
    if m is None:
        return None
    source = original if len(original) == len(folded) else folded
    rest = " ".join((source[:m.start()] + " " + source[m.end():]).split()).strip(" ,:;-–")
    return m.group("n") or m.group("m"), rest


def find_ref(text: str) -> tuple[str, str] | None:
    """An item number said later in the message ("xong mục II.1.a", "xin gia hạn II.5.c đến 30/4") and the
    message without it; None when there is none that no date could be."""
    original = item_words(nfc(text).strip())
    folded = strip_marks(original).lower()
    if len(folded) != len(original):
        return None
    m = _LATER_REF.search(folded)
    if m is None:
        return None
    group = "after_muc" if m.group("after_muc") else "plain"
    ref = original[m.start(group):m.end(group)]
    rest = " ".join((original[:m.start()] + " " + original[m.end():]).split()).strip(" ,:;-–")
    return ref, rest


# A notice lettered at the top ("a) Xây dựng kế hoạch …", "b) Báo cáo tháng …"): people type the letter alone —
# "c xong", "c, d xong", "mục c đang làm 50%", "d) xong", "xin gia hạn mục d đến 12/6". A letter alone may also be
# a word ("e" for "em"): the caller keeps it only when the person has a task so numbered.
_LETTER_ALONE = r"(?:dd|đ|[a-k])"
_AFTER_LETTER = r"(?:(?:\s*\)|\.)(?=\s*\S)|(?=\s*(?:[,;:&]|-\s|\bvà\b|\bva\b)|\s+\S))"
_LETTER_HEAD = re.compile(rf"^\s*(?:(?:mục|muc)\s*)?(?P<l>{_LETTER_ALONE}){_AFTER_LETTER}", re.I)
_LETTER_NEXT = re.compile(rf"\s*(?:[,;&]|\bvà\b|\bva\b)\s*(?:(?:mục|muc)\s*)?(?P<l>{_LETTER_ALONE}){_AFTER_LETTER}",
                          re.I)
_LETTER_LATER = re.compile(rf"\b(?:mục|muc)\s*(?P<l>{_LETTER_ALONE})\b(?![./]\w)", re.I)
# the next lettered item's part: "a, b xong rồi; mục c xin gia hạn …" ("ý c" is "mục c" by then), "c xong; d đang làm"
# (after "," or "." only with "mục": "a xong, e gửi sau" — "e" is "em")
_LETTER_PART = re.compile(rf"\s*(?:;\s*(?:(?:mục|muc)\s*)?|[.,]\s*(?:mục|muc)\s*)"
                          rf"(?={_LETTER_ALONE}(?:\s*[:\-)]\s*|\s+)\S)", re.I)


def _letter(typed: str) -> str:
    return "đ" if typed.lower() in ("dd", "đ") else typed.lower()


def letter_refs(text: str) -> list[tuple[list[str], str]] | None:
    """What a message says of the lettered items it names alone: "c, d xong" → [(["c", "d"], "xong")];
    "da xong muc c" → [(["c"], "da xong")]. None when it names none, or says nothing of them."""
    original = " ".join(item_words(nfc(text)).split())
    if (m := _LETTER_HEAD.match(original)) is not None:
        refs, rest = [_letter(m["l"])], original[m.end():]
        while (more := _LETTER_NEXT.match(rest)) is not None:
            refs.append(_letter(more["l"]))
            rest = rest[more.end():]
        rest = rest.strip(" .:;,-–")
        for part in _LETTER_PART.finditer(rest):
            if part.start() and (later := letter_refs(rest[part.end():])) is not None:
                return [(refs, rest[:part.start()].strip())] + later
        return [(refs, rest)] if rest else None
    if (m := _LETTER_LATER.search(original)) is not None:
        rest = " ".join((original[:m.start()] + " " + original[m.end():]).split()).strip(" .:;,-–")
        return [([_letter(m["l"])], rest)] if rest else None
    return None


# ---------------------------------------------------------------- a task that is not the unit's: asked to be moved
# (on text without marks, not chat_fold: the words are cut from the message as typed)
_NOT = r"(?:khong|ko|kg|khg|hok|k)"
_FUNCTION = (r"(?:chuc nang|nhiem vu|tham quyen|linh vuc|trach nhiem|chuyen mon"
             r"|pham vi\s+(?:quan ly|chuc nang|trach nhiem))")
_UNIT_WORD = (r"(?:don vi|so|phong|ban|nganh|co quan|xa|phuong|thi tran|huyen|quan|ubnd|uy ban|van phong|trung tam"
              r"|chi cuc|cuc|hoi|doan|cong an|bo chi huy|bo phan|kho bac|thue|bao hiem|benh vien|truong|cong ty"
              # a ministry, a province, a broadcaster: "đề nghị chuyển Bộ LĐTBXH chủ trì" (probe 24, F9)
              # (not "bổ sung", "bố trí", "tính toán", "tình hình", "đại diện", "viên chức")
              r"|bo(?!\s+(?:sung|tri)\b)|tinh(?!\s+(?:toan|hinh|trang)\b)|dai(?!\s+dien\b)|tong cuc"
              r"|vien(?!\s+chuc\b))\b")
_OWN = r"(?:toi|em|minh|chung toi|chung em|ben em|ben toi|ben minh|nay)\b"
# "không thuộc chức năng của Sở Tài chính", "không phải việc của đơn vị tôi", "việc này không phải của phòng em", "không
# thuộc đơn vị tôi", "không đúng chức năng", "giao nhầm đơn vị", "sai chức năng" — not "không thuộc diện …", "không
# phải lỗi của đơn vị tôi", "xã không thuộc phạm vi ảnh hưởng của bão"
NOT_OURS = re.compile(rf"\b{_NOT}\s+(?:phai\s+)?(?:la\s+)?(?:thuoc|dung)\s+(?:ve\s+)?(?:(?:\w+\s+){{0,2}}?{_FUNCTION}"
                      rf"|(?:cua\s+)?{_UNIT_WORD})"
                      rf"|\b{_NOT}\s+phai\s+(?:la\s+)?(?:(?:viec|nhiem vu|cong viec|trach nhiem|chuc nang)\s+)?"
                      rf"(?:cua\s+)?(?:{_UNIT_WORD}\s*(?:\w+\s+){{0,1}}?{_OWN}|ben\s+{_OWN})"
                      rf"|\b{_NOT}\s+phai\s+(?:la\s+)?(?:(?:viec|nhiem vu|cong viec|trach nhiem|chuc nang)\s+)?cua\s+"
                      rf"{_OWN}"
                      rf"|\b{_NOT}\s+phai\s+(?:la\s+)?(?:viec|nhiem vu|trach nhiem|chuc nang)\s+cua\s+{_UNIT_WORD}"
                      rf"|\b(?:giao|gui|chuyen)\s+nham\b|\bnham\s+(?:don vi|co quan|so|phong|xa|nguoi)\b"
                      rf"|\b(?:sai|ngoai|trai)\s+{_FUNCTION}")
_ASK_WORD = r"(?:de nghi|de xuat|kien nghi|xin|nho|mong|can|nen|phai)"
_MOVED_TO = rf"(?P<unit>{_UNIT_WORD}[^,.;!?\n]*)"
# "đề nghị chuyển Sở Kế hoạch", "đề nghị chuyển mục II.4.c sang Sở Kế hoạch và Đầu tư", "đề nghị giao cho phòng Kinh
# tế chủ trì", "nhờ Văn phòng chuyển giúp sang Sở Y tế" — not "xin chuyển sang tháng 1/2027" (more time), "đề nghị
# chuyển kinh phí cho xã", "đã chuyển hồ sơ cho Sở Tư pháp thẩm định" (work done)
MOVE_ASKED = re.compile(rf"\b{_ASK_WORD}\s+(?:\w+\s+){{0,3}}?(?:chuyen|giao)\s+(?:lai\s+)?(?:(?:giup|ho)\s+)?"
                        r"(?:(?:nhiem vu|viec|cong viec|noi dung)(?:\s+nay)?\s+|muc\s+\S+\s+)?"
                        rf"(?:(?:sang|cho|ve|qua)\s+)?{_MOVED_TO}")
# the unit it belongs to, said after it is not the person's: "…, mà thuộc chức năng của Sở Xây dựng"
OWNER = re.compile(rf"(?<!khong )(?<!\bko )(?<!\bk )(?<!phai )\bthuoc\s+(?:ve\s+)?(?:\w+\s+){{0,2}}?{_FUNCTION}"
                   rf"\s+(?:\w+\s+){{0,2}}?(?:cua\s+)?{_MOVED_TO}")
# what ends the unit's name: "Sở Kế hoạch chủ trì thực hiện ạ" → "Sở Kế hoạch"
_UNIT_END = re.compile(r"\s+(?:(?:de\s+)?(?:chu tri|thuc hien|theo doi|giai quyet|tham muu|xu ly)|(?:vi|do|theo)\s"
                       r"|a\b|nhe\b|nha\b|voi\b|giup\b|xem xet\b).*$|\s+(?:a|nhe|nha|voi|giup)$")
_NOT_A_MOVE = re.compile(r"\b(?:tham dinh|gop y|cho y kien|xin y kien|phe duyet|tong hop|ky|ban hanh|xem xet)\b")


@dataclasses.dataclass(frozen=True)
class Transfer:
    """A task said not to be the unit's, or asked to go to another unit: for the office to move, never progress."""

    unit_words: str | None  # the unit it should go to, as typed; None when the message names none


def transfer_asked(text: str) -> Transfer | None:
    """"II.4.a không thuộc chức năng của Sở Tài chính, đề nghị chuyển Sở Kế hoạch" → Transfer("Sở Kế hoạch");
    "không phải việc của đơn vị tôi" → Transfer(None); None when the message asks no such thing."""
    original = " ".join(nfc(text).split())
    folded = strip_marks(original).lower()
    source = original if len(original) == len(folded) else folded
    move = MOVE_ASKED.search(folded)
    if move is not None and _NOT_A_MOVE.search(folded, move.start("unit")) and "chu tri" not in folded[move.end():] \
            and "chu tri" not in move["unit"]:
        move = None  # "đề nghị chuyển cho Sở Tài chính thẩm định": sent on for a step of the work, not moved
    not_ours = NOT_OURS.search(folded)
    if move is None and not_ours is None:
        return None
    unit = move or OWNER.search(folded)
    if unit is None:
        return Transfer(unit_words=None)
    words = source[unit.start("unit"):unit.end("unit")]
    said = folded[unit.start("unit"):unit.end("unit")]
    at = 0
    while (end := _UNIT_END.search(said, at)) is not None:
        word = words[end.start():].split()[0].lower()
        if word != strip_marks(word) and strip_marks(word) == "do":
            at = end.start() + 1  # "Ban Đô thị": "đô" (capital city) is not "do" (because) (month probe 25, F5)
            continue
        words = words[:end.start()]
        break
    return Transfer(unit_words=words.strip(" .:-–") or None)
