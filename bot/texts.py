"""Everything the bot says, in Vietnamese (NFC), in the courteous register of
public offices. Pure functions: values in, text out."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from calendar import monthrange
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from bot.compliance import generic_compliance
from bot.ingest.enumeration import LETTERS, Skip
from bot.ingest.units import UNIT_START, name_prefix
from bot.ocrwords import Misread
from bot.ocrwords import said as ocr_said
from bot.replies import one_off_and_rounds
from bot.textbase import RECURRENCE_LABELS, ask_first, date_vn, notice_table, shorten, shorten_at_word, vn  # noqa: F401
from bot.textbase import join_units as _units
from scheduler.calendar import VN_TZ, WorkingCalendar
from scheduler.dispatcher import DigestLine, DigestView, OfficeLine
from scheduler.policy import DEFAULT_POLICY
from scheduler.recurrence import DEADLINE_LABEL, Occurrence
from scheduler.series import FIRST_ROUND_LEAD_WORKING_DAYS, FirstRound, first_round
from storage.calendar import CalendarDayEntry, DueNear
from storage.directory import ROLE_VN, FieldChange
from storage.itemref import ref_key, ref_runs
from storage.models import CalendarDayKind, Person, Role, TaskStatus
from storage.notices import Applied, Draft, NoticeChoice, Registered, UnitGuess
from storage.notices import title_in_sentence as in_sentence
from storage.parsed import ParsedNotice, ParsedTask
from storage.questions import Answered, Asked
from storage.reports import (
    SUPPORTING,
    AskedInTime,
    DigestGrant,
    DigestItem,
    DigestRequest,
    NoticeGiven,
    NotReported,
    ReportFilter,
    TaskRow,
    UnitSummary,
    WeeklyDigest,
    notice_query_date,
    totals,
)
from storage.shares import Share
from storage.tasks import (
    Delegated,
    DelegatedRow,
    DirectionTarget,
    ExtensionRequest,
    LeadMoved,
    MootRequest,
    MoveAsked,
    NamedShare,
    Recorded,
    RefRemarked,
    SupportRecorded,
    TaskEdited,
    TransferAsked,
)
from storage.unitgroups import every_form_names_units, read_group, receiver
from storage.unitnames import marked_spelling
from storage.vntext import nfc, strip_marks

if TYPE_CHECKING:
    from storage.corrections import Correction
    from storage.reports import BlockedTask

STATUS_LABELS = {
    TaskStatus.OPEN: "Chưa cập nhật",
    TaskStatus.IN_PROGRESS: "Đang thực hiện",
    TaskStatus.BLOCKED: "Vướng mắc",
    TaskStatus.EXTENSION_REQUESTED: "Đề nghị gia hạn",
    TaskStatus.EXTENDED: "Đã gia hạn",
    TaskStatus.DONE: "Hoàn thành",
    TaskStatus.PAUSED: "Tạm dừng",
    TaskStatus.CANCELLED: "Hủy",
}
BUTTON_DONE = "Hoàn thành"
BUTTON_PROGRESS = "Đang thực hiện"
BUTTON_BLOCKED = "Vướng mắc"
BUTTON_APPROVE = "Đồng ý gia hạn"
BUTTON_REJECT = "Không đồng ý"
BUTTON_CONFIRM = "Xác nhận"
BUTTON_CANCEL = "Hủy"
BUTTON_CONFIRM_AGAIN = "Vẫn xác nhận"
BUTTON_SNOOZE_DAY = "Nhắc lại ngày mai"
BUTTON_SNOOZE_WEEK = "Nhắc lại tuần sau"
BUTTON_DELEGATE = "Giao cán bộ"




# ------------------------------------------------------------------ enrollment and help

def welcome(name: str, role: Role | str, buttons: bool, bound: Sequence[str] = (), refs: Sequence[str] = ()) -> str:
    text = (f"Kính chào đồng chí {name}!\nTài khoản của đồng chí đã được liên kết với Nhắc việc. "
            "Nhắc việc sẽ gửi nhắc nhở các nhiệm vụ được giao và ghi nhận tiến độ đồng chí báo cáo.\n")
    if len(bound) > 1:
        text += ("Đồng chí đã liên kết cả Telegram và Zalo; nhắc việc được gửi qua một kênh. "
                 "Gõ /kenh telegram hoặc /kenh zalo để chọn kênh nhận nhắc việc.\n")
    return vn(text + "\n" + help_text(role, buttons, refs))


def help_text(role: Role | str, buttons: bool = True, refs: Sequence[str] = ()) -> str:
    """What this person can do: everyone's forms, then the unit head's, the leader's or the office's (a cadre is
    not shown the leaders' decisions, a leader not the admin's commands). `refs`: the item numbers the person
    holds, in the notice's order: the examples use them (probe 20: "2.1 xong" shown to one holding 2.a–2.d)."""
    one = refs[0] if refs else "2.1"
    two = f"{refs[0]}, {refs[1]}" if len(refs) > 1 else "2.1, 2.2" if not refs else one
    how = ("bấm nút dưới tin nhắc việc (Hoàn thành / Đang thực hiện / Vướng mắc), "
           "hoặc trả lời tin nhắc việc, ví dụ: “60% vướng kinh phí”, “xin gia hạn đến 30/4”. "
           f"Cũng có thể gõ số mục và tình trạng, ví dụ: “{one} xong”." if buttons else
           f"gõ số mục và tình trạng, ví dụ: “{one} xong”, “{one} 60% vướng kinh phí”, "
           f"“{one} xin gia hạn đến 30/4”. Nếu đồng chí chỉ phụ trách một nhiệm vụ, gõ “xong” là đủ.")
    head, leader, admin = role == Role.HEAD, role == Role.LEADER, role == Role.ADMIN
    lines = [
        "Các lệnh:",
        "/viec — danh sách nhiệm vụ đồng chí đang phụ trách",
        "/kenh — chọn kênh nhận nhắc việc (Telegram hoặc Zalo)",
        "/nghi <từ ngày> <đến ngày> [@mã người làm thay] — báo nghỉ phép (/nghi hủy: trở lại sớm)",
    ]
    if head:
        lines += ["/giao <số mục> <họ tên cán bộ> — giao nhiệm vụ của đơn vị cho cán bộ (gõ /giao để xem cán bộ của "
                  "đơn vị)",
                  "/donvi — xem tình hình nhiệm vụ của đơn vị"]
    elif admin:  # (an admin heads no unit: what the same commands do for the office — probe s19 P15)
        lines += ["/giao <số mục> <họ tên cán bộ> — giao nhiệm vụ cho một cán bộ của đơn vị chủ trì",
                  "/donvi <tên đơn vị> — xem tình hình nhiệm vụ của một đơn vị"]
    if leader or admin:
        lines.append("/tonghop — tổng hợp theo đơn vị (kèm biểu đồ và tệp Excel)")
    lines += [
        "/huongdan — hướng dẫn sử dụng",
        "",
        "Cập nhật tiến độ: " + how,
        (f"Nhiều mục một lần: “{two} xong”. " if two != one else "")
        + f"Hoãn nhắc: “{one} nhắc lại tuần sau”. Mở lại: “mở lại {one}”.",
        "Đơn vị phối hợp báo cáo phần việc của mình: “phối hợp 2.3: đã gửi số liệu”.",
    ]
    if not admin:
        lines.append("Hỏi Văn phòng: “hỏi văn phòng: mẫu báo cáo lấy ở đâu?” — Nhắc việc chuyển câu hỏi và gửi lại "
                     "câu trả lời.")
    if head:
        lines.append("Khi nhiệm vụ của cán bộ trong đơn vị quá hạn, Nhắc việc báo đồng chí để đôn đốc.")
    if leader or admin:
        direct = ("trả lời tin “NHIỆM VỤ QUÁ HẠN CẦN ĐỒNG CHÍ CHỈ ĐẠO”, hoặc gõ" if buttons else "gõ")
        lines += [
            "",
            "Dành cho lãnh đạo" + (" và Văn phòng:" if admin else ":"),
            "• Quyết định đề nghị gia hạn: “đồng ý gia hạn 2.1”, “đồng ý gia hạn 2.1 đến 15/5”, "
            "“không đồng ý gia hạn 2.1”; khi nhiều đơn vị cùng đề nghị ở một mục, gõ kèm tên đơn vị: “đồng ý gia hạn "
            "1 huyện Hạ Hòa”.",
            f"• Chỉ đạo đơn vị: {direct} “nhắc <tên đơn vị>”, “chỉ đạo <tên đơn vị> khẩn trương hoàn thành mục 2”, "
            "“đôn đốc mục 4” — ý kiến được chuyển đến người phụ trách.",
            "• Hỏi bằng lời: “báo cáo tình hình”, “đơn vị nào chậm?”, “Sở Tài chính thế nào?”, “tình hình mục 1”, "
            "“tình hình tuần này” — Nhắc việc trả lời bằng bảng tổng hợp như /tonghop; biểu đồ và tệp Excel gửi khi "
            "gõ /tonghop hoặc “xuất excel”.",
            "• “Những việc nào đang vướng?”: các nhiệm vụ đơn vị báo vướng mắc, nội dung vướng mắc và từ ngày nào.",
        ]
    if admin:
        load = ("Gửi văn bản thông báo (dán nội dung, hoặc tệp .txt, .docx, .pdf) để tạo danh sách nhiệm vụ."
                if buttons else "Dán nội dung văn bản thông báo để tạo danh sách nhiệm vụ (Zalo chưa nhận tệp; "
                "tệp .docx, .pdf xin gửi qua Telegram).")
        lines += [
            "",
            "Dành cho quản trị viên:",
            f"• {load} Gõ “xác nhận” hoặc “hủy” để quyết định văn bản đang xem.",
            "• Sửa danh sách trước khi xác nhận (trả lời tin danh sách, mỗi dòng một sửa đổi): “3: Sở Tài chính”, "
            "“3 thêm phối hợp Sở Nội vụ”, “3 bỏ phối hợp Sở Nội vụ”, “3 hạn 30/4”, “3 hạn quý IV”, “3 nội dung: …”, "
            "“3 số mục: 2.a”, “bỏ 3”, “thêm: …”, “số: 12/TB-UBND”, “ngày: 20/3/2026”; gõ nhầm thì “hoàn tác”.",
            "• Ghi nhận kết quả đơn vị báo qua điện thoại: “1 Sở Tài chính xong”.",
            "• Chuyển nhiệm vụ đã giao sang đơn vị khác chủ trì: “chuyển mục 2.1 sang Sở Y tế”.",
            "/moi <mã cán bộ hoặc họ tên> — tạo mã mời cán bộ kết nối với Nhắc việc",
            "/loi — tin nhắc việc chưa gửi được, nhiệm vụ chưa có người nhận",
            "/hoi — câu hỏi cán bộ gửi Văn phòng đang chờ trả lời; trả lời tin câu hỏi, hoặc gõ “trả lời 3: …”",
            "/huy <số văn bản> — rút lại văn bản đã giao (/huy không kèm gì: các văn bản gần đây với mã #)",
            "/lich — các ngày nghỉ lễ, Tết sắp tới Nhắc việc đang dùng (/lich 2027: cả năm). Sửa theo thông báo "
            "nghỉ của Chính phủ: /lich nghỉ 12/02/2027 Nghỉ bù Tết; /lich làm 20/02/2027 Làm bù; "
            "/lich xoá 12/02/2027. Ngày nghỉ không gửi nhắc việc, hạn rơi vào ngày nghỉ tính đến ngày làm việc "
            "kế tiếp.",
        ]
    return vn("\n".join(lines))


def not_enrolled(channel: str, chat_id: str | None = None) -> str:
    """To a chat nobody enrolled. Answering /start, it also gives the chat's id: the one an office's IT officer
    writes into NHACVIEC_ADMIN_IDS (or NHACVIEC_ZALO_ADMIN_IDS) for the clerk who runs the bot."""
    how = ("mở đường liên kết mời do quản trị viên gửi" if channel == "telegram"
           else "gõ /start kèm mã mời do quản trị viên cấp, ví dụ: /start Ab12Cd34")
    text = f"Tài khoản của đồng chí chưa được liên kết với Nhắc việc. Đồng chí vui lòng {how}."
    if chat_id is not None:
        setting = "NHACVIEC_ADMIN_IDS" if channel == "telegram" else "NHACVIEC_ZALO_ADMIN_IDS"
        where = "Telegram" if channel == "telegram" else "Zalo"
        text += (f"\nMã {where} của đồng chí: {chat_id} (nếu đồng chí là quản trị viên Nhắc việc của cơ quan, "
                 f"người cài đặt ghi mã này vào {setting}).")
    return vn(text)


FIELD_WORDS = {"full_name": "họ tên", "title": "chức vụ", "role": "vai trò", "unit": "đơn vị", "telegram": "Telegram"}


def field_change(change: FieldChange) -> str:
    """One change a directory file made to someone, in the admin's words: "chức vụ “A” → “B”"."""
    if change.field == "post_added":
        return f"kiêm nhiệm trưởng {change.after}"
    if change.field == "post_removed":
        return f"thôi kiêm nhiệm trưởng {change.after}"
    before, after = change.before, change.after
    if change.field == "role":
        before, after = (ROLE_VN[Role(v)] if v else None for v in (before, after))
    return f"{FIELD_WORDS[change.field]} “{before or '—'}” → “{after or '—'}”"


def unsupported_on(channel: str, what: str, is_admin: bool) -> str:
    if channel == "zalo" and is_admin:
        return vn("Zalo chưa cho phép gửi tệp tới Nhắc việc. Đồng chí vui lòng dán nội dung văn bản vào tin nhắn, "
                  "hoặc gửi tệp .docx, .pdf qua Telegram. Danh bạ cũng vậy: mở tệp danh bạ bằng Excel, chọn cả bảng "
                  "(kể cả dòng tiêu đề), sao chép rồi dán vào tin nhắn gửi Nhắc việc.")
    return vn("Nhắc việc chỉ đọc được tin nhắn chữ. Đồng chí gõ /huongdan để xem cách báo cáo tiến độ.")


def _typed_how(example_ref: str | None) -> str:
    """How to type a progress report: with one of the person's own open items as the example, or none (probe 37, #8:
    "ví dụ: “2.1 xong”" to someone who held no 2.1)."""
    if example_ref is None:
        return "gõ số mục và tình trạng (gõ /viec để xem số mục)"
    return f"gõ số mục và tình trạng, ví dụ: “{example_ref} xong”"


def not_understood(buttons: bool, is_admin: bool = False, example_ref: str | None = None, *, leader: bool = False,
                   holds_tasks: bool = True, nothing_asked: bool = False) -> str:
    """`example_ref`: one of the person's own open item numbers, so the example reads as their notice numbers it
    (None: no example); a leader with no task of their own gets the questions a leader asks (probe 19: "danh sách
    quá hạn" was answered with how to reply to reminders the leader never had); `nothing_asked`: a "đúng" when no
    question waits for one (answered gently, not "chưa hiểu")."""
    if nothing_asked:
        how = "trả lời tin nhắc việc hoặc bấm nút bên dưới tin đó" if buttons else _typed_how(example_ref)
        tail = ("gõ /huongdan để xem các lệnh." if is_admin or (leader and not holds_tasks)
                else f"để báo cáo tiến độ, đồng chí {how}.")
        return vn(f"Hiện không có câu hỏi nào đang chờ đồng chí trả lời; {tail}")
    if leader and not holds_tasks:
        return vn("Nhắc việc chưa hiểu tin nhắn này. Đồng chí có thể gõ, ví dụ: “báo cáo tình hình”, “đơn vị nào quá "
                  "hạn?”, “tình hình Sở Tài chính tháng này”, “xuất excel”; để chỉ đạo: “nhắc Phòng Kế hoạch mục 2” "
                  "hoặc trả lời tin báo cáo; gõ /huongdan để xem các lệnh.")
    how = "trả lời tin nhắc việc hoặc bấm nút bên dưới tin đó" if buttons else _typed_how(example_ref)
    if is_admin:  # (a short message is not taken for a notice to load)
        return vn("Nhắc việc chưa hiểu tin nhắn này. Để nạp văn bản, đồng chí gửi tệp hoặc dán toàn văn thông báo; "
                  "để quyết định văn bản đang xem, gõ “xác nhận” hoặc “hủy”; gõ /huongdan để xem các lệnh.")
    # (a request of the office in words — "xã chưa nhận được văn bản gốc, gửi lại giúp" — is pointed to the form that
    # reaches it: probe s43, F5)
    return vn(f"Nhắc việc chưa hiểu tin nhắn này. Để báo cáo tiến độ, đồng chí vui lòng {how}; "
              "gõ /viec để xem nhiệm vụ, “hỏi văn phòng: …” để hỏi hoặc đề nghị Văn phòng, /huongdan để xem hướng "
              "dẫn.")


def empty_message(is_admin: bool, example_ref: str | None = None, *, leader: bool = False,
                  holds_tasks: bool = True) -> str:
    """An empty message: an admin is told how to load a notice; anyone else what they can type — the progress forms
    with one of their own open item numbers (None: no example), or a leader's questions (probe 24 #14: a head was
    asked for a notice)."""
    if is_admin:
        return EMPTY_MESSAGE
    if leader and not holds_tasks:
        return vn("Tin nhắn trống. Đồng chí có thể gõ, ví dụ: “báo cáo tình hình”, “đơn vị nào quá hạn?”, “tình hình "
                  "Sở Tài chính tháng này”, “xuất excel”; gõ /huongdan để xem các lệnh.")
    if example_ref is None:
        return vn("Tin nhắn trống. Để báo cáo tiến độ, đồng chí gõ số mục và tình trạng (gõ /viec để xem số mục); "
                  "gõ /huongdan để xem hướng dẫn.")
    return vn(f"Tin nhắn trống. Để báo cáo tiến độ, đồng chí gõ số mục và tình trạng, ví dụ: “{example_ref} xong”, "
              f"“{example_ref} 60% vướng kinh phí”, “{example_ref} xin gia hạn đến 30/4”; gõ /viec để xem nhiệm vụ, "
              "/huongdan để xem hướng dẫn.")


def channel_usage(preferred: str | None, bound: Sequence[str]) -> str:
    names = {"telegram": "Telegram", "zalo": "Zalo"}
    now = names.get(preferred or (bound[0] if bound else ""), "chưa có")
    return vn(f"Kênh nhận nhắc việc hiện tại: {now}. Đã liên kết: {', '.join(names[b] for b in bound) or 'chưa có'}."
              "\nCú pháp: /kenh telegram hoặc /kenh zalo.")


def channel_chosen(channel: str) -> str:
    name = {"telegram": "Telegram", "zalo": "Zalo"}[channel]
    return vn(f"Từ nay Nhắc việc gửi nhắc việc cho đồng chí qua {name}.")


NOT_ENROLLED = not_enrolled("telegram")
UNKNOWN_COMMAND = vn("Lệnh này không được hỗ trợ. Đồng chí gõ /huongdan để xem các lệnh.")
EMPTY_MESSAGE = vn("Tin nhắn trống. Đồng chí vui lòng gửi nội dung văn bản hoặc tệp đính kèm.")
GENERIC_ERROR = vn("Xin lỗi đồng chí, hệ thống gặp sự cố khi xử lý yêu cầu. Sự cố đã được ghi lại; "
                   "đồng chí vui lòng thử lại sau ít phút.")
STALE_BUTTON = vn("Nút này không còn hiệu lực.")
NO_OPEN_DRAFT = vn("Không có văn bản nào đang chờ xác nhận.")
NOTHING_TO_UNDO = vn("Chưa có lần sửa nào để hoàn tác: danh sách vẫn như khi Nhắc việc đọc văn bản. Gõ “xem tất cả” "
                     "để xem lại.")
# an admin's message not understood while a draft waits for them: how to correct it, not how to load one (probe s42:
# "nhiệm vụ 5 sao không có phòng Tài chính?", "Phòng Văn hóa phối hợp nhiệm vụ 5" were told to send a notice)
DRAFT_NOT_UNDERSTOOD = vn(
    "Nhắc việc chưa hiểu tin nhắn này. Văn bản đang chờ đồng chí xác nhận; để sửa, đồng chí gõ, ví dụ: “3: Sở Tài "
    "chính” (chủ trì), “3 thêm phối hợp Sở Nội vụ”, “3 bỏ phối hợp Sở Nội vụ”, “3 hạn 30/4”, “3 nội dung: …”, “bỏ 3”, "
    "“3 số mục: 2.a”, “thêm: <nội dung nhiệm vụ>”, “số: 12/TB-UBND”, “ngày: 22/9/2023”; “hoàn tác” để bỏ lần sửa "
    "vừa rồi; “xem 3”, "
    "“xem tất cả” để xem lại; “xác nhận” hoặc “hủy” để quyết định.")
# (said only on Zalo without a public address: in webhook mode Zalo gets the chart and the workbook as links)
# (on Zalo without a public address: said to an admin, who may not run the server — probe 37, #7 — so neither "gõ trên
# Telegram" nor "chờ quản trị viên"; a leader gets FILES_ON_REQUEST_NO_FILES instead, no set-up words — probe 39, #6)
NO_FILES_HERE = vn("Trên Zalo, Nhắc việc gửi biểu đồ và tệp Excel dưới dạng đường liên kết tải về; việc này cần "
                   "máy chủ Nhắc việc có địa chỉ công khai (NHACVIEC_WEBHOOK_URL), hiện chưa được cấu hình, nên chỉ "
                   "gửi được nội dung tổng hợp bằng tin nhắn. Đồng chí có thể đề nghị bộ phận kỹ thuật quản lý máy chủ "
                   "cấu hình địa chỉ này.")
NO_FILES_SUMMARY_BY_TEXT = vn("Nội dung tổng hợp: đồng chí gõ /tonghop.")
NO_FILES_ASKED = vn(f"{NO_FILES_HERE} {NO_FILES_SUMMARY_BY_TEXT}")
REPORT_FILE_CAPTION = vn("Biểu tổng hợp tình hình thực hiện nhiệm vụ (Excel) để đồng chí chuyển tiếp; "
                         "trang “Chi tiết” liệt kê từng nhiệm vụ.")
FILE_TOO_LARGE = vn("Tệp quá lớn (tối đa 20 MB). Đồng chí vui lòng gửi tệp nhỏ hơn.")
PASTE_INSTEAD = "hoặc dán nội dung văn bản vào tin nhắn"
UNREADABLE_NEXT_STEPS = (  # (the reader's reason starts with, what to do next)
    ("not a valid .docx", "Đồng chí mở tệp bằng Word, chọn “Lưu thành” (Save As) kiểu Word (.docx) rồi gửi lại; "
     f"{PASTE_INSTEAD}."),
    ("broken pdf", "Đồng chí mở tệp rồi lưu lại, hoặc in ra PDF (“Print” → “Save as PDF”), rồi gửi lại; hoặc gửi "
     f"bản .docx, ảnh chụp văn bản; {PASTE_INSTEAD}."),
    ("encrypted pdf", f"Đồng chí gửi bản không đặt mật khẩu hoặc bản .docx; {PASTE_INSTEAD}."),
    ("binary data", f"Đồng chí gửi tệp .docx hoặc .pdf của văn bản; {PASTE_INSTEAD}."),
    ("bad image", f"Đồng chí chụp lại văn bản rồi gửi ảnh; {PASTE_INSTEAD}."),
    # probe 26, F8: an old Word file, an Excel table that is no directory, a file with nothing in it
    ("old Word file", "Đồng chí mở tệp bằng Word, chọn “Lưu thành” (Save As) kiểu Word (.docx) hoặc PDF rồi gửi lại; "
     f"{PASTE_INSTEAD}."),
    ("excel file .xls,", "Bảng nhiệm vụ: đồng chí sao chép bảng rồi dán vào tin nhắn, hoặc gửi văn bản giao việc "
     "(.docx, .pdf). Nếu đây là danh bạ: đồng chí lưu lại thành .xlsx rồi gửi lại; dòng tiêu đề cần có các cột Mã "
     "cán bộ, Họ và tên, Chức vụ, Đơn vị, Vai trò (quản trị, lãnh đạo, trưởng đơn vị, chuyên viên)."),
    ("excel file", "Bảng nhiệm vụ: đồng chí sao chép bảng rồi dán vào tin nhắn, hoặc gửi văn bản giao việc (.docx, "
     ".pdf). Nếu đây là danh bạ: tệp chưa có dòng tiêu đề của danh bạ — cần các cột Mã cán bộ, Họ và tên, Chức vụ, "
     "Đơn vị, Vai trò (quản trị, lãnh đạo, trưởng đơn vị, chuyên viên); đồng chí thêm dòng đó rồi gửi lại tệp."),
    ("no text in", "Có thể đồng chí đã gửi nhầm tệp (bản chưa soạn, hoặc tệp khác): đồng chí kiểm tra lại rồi gửi tệp "
     f"văn bản; {PASTE_INSTEAD}."),
)


def unreadable_next_step(reason: str) -> str | None:
    """What the admin can do with a file the reader could not open: save it again, send another form, or paste
    the text (None: the reader's own message already says what to do)."""
    return next((step for start, step in UNREADABLE_NEXT_STEPS if reason.startswith(start)), None)


READING = vn("Đang đọc văn bản, đồng chí vui lòng chờ trong giây lát (bản quét có thể mất khoảng một phút)…")


def invite_text(name: str, handle: str, code: str, links: dict[str, str]) -> str:
    names = {"telegram": "Telegram", "zalo": "Zalo"}
    ways = [f"• {names.get(ch, ch)}: {how}" for ch, how in links.items()]
    return vn(f"Mã mời đồng chí {name} ({handle}): {code}\n" + "\n".join(ways) + "\n\n"
              "Đề nghị chuyển cho đồng chí ấy; mã dùng một lần, có hiệu lực 14 ngày.")


def invite_unknown(typed: str, example: tuple[str, str] | None = None) -> str:
    """/moi naming nobody: what a code is, with someone of this directory as the example (handle, full name), never a
    made-up code; the typed form's placeholder sent as it is, what to put there (probe 26, F11)."""
    like = f", ví dụ: /moi {example[0]} hoặc /moi {example[1]}" if example else ""
    if PLACEHOLDER.search(typed):
        return vn(f"Đồng chí thay “{typed}” bằng mã cán bộ hoặc họ tên của người cần mời{like}. Mã cán bộ là cột "
                  "“Mã cán bộ” (handle) của tệp danh bạ; danh sách người chưa kết nối: /loi.")
    return vn(f"Không tìm thấy cán bộ có mã hoặc họ tên “{typed}” trong danh bạ. Mã cán bộ là cột “Mã cán bộ” "
              f"(handle) của tệp danh bạ; họ tên gõ đầy đủ như trong danh bạ{like}.")


def invite_which(typed: str, people: Sequence[tuple[str, str, str | None]]) -> str:
    listed = "\n".join(f"• /moi {handle} — {name}" + (f", {title}" if title else "") for handle, name, title in people)
    return vn(f"Có {len(people)} cán bộ tên “{typed}”; đồng chí gõ mã của người cần mời:\n{listed}")


# ------------------------------------------------------------------ notices

def draft_preview(parsed: ParsedNotice, draft: Draft, title: str, *, replies: bool = True,
                  explain: Callable[[dt.date], str | None] | None = None,
                  today: dt.date | None = None, ocr: bool = False,
                  misread: Sequence[tuple[str, Sequence[Misread]]] = (), compact: bool | None = None,
                  pasted: bool = False, numbering: Sequence[Skip] = (), unread: Sequence[str] = (),
                  checkin_every: int = DEFAULT_POLICY.checkin_every_working_days) -> str:
    """`misread`: for a text read by OCR, each place ("trích yếu", or a task's number as the preview shows it) with
    the words probably misread there (bot.ocrwords); `pasted`: the text was pasted, and reads as an OCR reading;
    `numbering`: where the OCR text's lettered items do not follow on (bot.ingest.enumeration); `unread`: the text's
    numbered items not read as tasks (bot.ingest.parser.items_not_read); `checkin_every`: the working days between
    the updates asked of a task without a deadline (`ReminderPolicy.checkin_every_working_days`).
    `compact`: one line a task (default: from COMPACT_PREVIEW_FROM tasks on), the details on request ("xem 12",
    "chi tiết mục III.1", "xem đầy đủ")."""
    if not (_has_number(parsed.number) or parsed.date or parsed.meeting_date or parsed.subject):
        title += " chưa có số"  # a bare "Văn bản" read as a placeholder (probe 28, item 11)
    lines = [title]
    if parsed.subject:
        lines.append(f"Trích yếu: {shorten(parsed.subject, 300)}")
    if parsed.signer:
        lines.append(f"Người ký: {parsed.signer}")
    lines += twin_lines(draft)
    lines += missing_header_lines(parsed)
    if ocr:
        lines += misread_lines(misread, pasted=pasted) or [OCR_PASTED_NOTE if pasted else OCR_NOTE]
        lines += numbering_lines(numbering)
    lines += unread_item_lines(unread)
    compact = len(parsed.tasks) >= COMPACT_PREVIEW_FROM if compact is None else compact
    lines += ["", f"Nhắc việc nhận diện được {len(parsed.tasks)} nhiệm vụ" + (
        f" (mỗi nhiệm vụ một dòng; để xem đầy đủ, đồng chí gõ “xem {draft.numbers[min(11, len(draft.numbers) - 1)]}”"
        f" cho một nhiệm vụ, “chi tiết mục {_section_example(parsed)}” cho cả một mục; dòng không ghi hạn: không có "
        "thời hạn cụ thể):" if compact else ":")]
    said_leaders: tuple[str, ...] = ()
    # where most of the tasks' leads were read (a heading above them, the addressee): said once below, not under each
    taken = {source: [i for i, task in zip(draft.numbers, parsed.tasks, strict=True)
                      if task.lead and task.lead_source == source] for source in _LEAD_TAKEN_FROM}
    source, once = max(taken.items(), key=lambda kv: len(kv[1]))
    if 2 * len(once) < len(parsed.tasks):
        once = []
    runs = _unit_runs(parsed, draft)  # a long notice's tasks under one unit: the lead said once, above them
    written = written_units(parsed)
    grouped = {i for run in runs.values() for i in run}
    for i, task in zip(draft.numbers, parsed.tasks, strict=True):
        if compact:  # a long notice (45 tasks: 9 Zalo messages, probe 24 #10): one line a task under its unit's line
            lines += ["", *_run_header(runs[i], task, draft, written)] if i in runs else [] if i in grouped else [""]
            lines.append(_task_line(i, task, draft, today, explain, lead=i not in grouped, source=i not in once,
                                    written=written))
            continue
        lines += ["", *_run_header(runs[i], task, draft, written)] if i in runs else [""]  # (the unit's line above)
        lines += [*_task_block(i, task, draft, today, explain, leaders=task.leaders != said_leaders,
                                   source=i not in once, lead=i not in grouped, written=written)]
        said_leaders = task.leaders
    how = "trả lời tin này" if replies else "gõ"
    # each problem once: a lead nobody would receive is said with where it was read (not in the note below as well);
    # a group's is in its heading line
    lines += _unreached_lines(parsed, draft, taken_from={i: _LEAD_TAKEN_FROM[source] for i in once
                                                         if i not in grouped}, by_group=bool(runs))
    lines += _past_due_lines(parsed, draft, today)
    lines += generic_call_lines(parsed, draft)
    lines += repeated_task_lines(parsed, draft)
    lines += one_off_lines(parsed, draft)
    unreached = {i for i, task in zip(draft.numbers, parsed.tasks, strict=True) if _unreached(task.lead, draft)}
    once = [i for i in once if i not in grouped and i not in unreached]
    if once:
        which = "các nhiệm vụ trên" if len(once) == len(parsed.tasks) else f"nhiệm vụ {_spans(once)}"
        lines += ["", f"Đơn vị chủ trì của {which} được lấy {_LEAD_TAKEN_FROM[source]} (nhiệm vụ không tự ghi "
                      "đơn vị); đồng chí kiểm tra lại."]
    undated = [i for i, task in zip(draft.numbers, parsed.tasks, strict=True) if task.due is None and
               not task.recurrence]
    if undated:  # said once, with their numbers, not under each task
        spans = _spans(undated)  # (scattered over a long plan: their count, each task's line shows it)
        which = "Các nhiệm vụ trên" if len(undated) == len(parsed.tasks) else \
            f"{len(undated)} nhiệm vụ" if spans.count(",") >= UNDATED_RUNS else f"Nhiệm vụ {spans}"
        lines += ["", f"{which} không có thời hạn cụ thể: Nhắc việc đề nghị cập nhật tiến độ "
                      f"{checkin_cadence(checkin_every)}."]
    lines += ["", "Đồng chí kiểm tra lại và xác nhận để giao việc, hoặc hủy nếu chưa đúng.",
              f"Để sửa, đồng chí {how}, mỗi dòng một sửa đổi: {_edit_examples(parsed, draft, today)}."]
    return vn("\n".join(lines))


def checkin_cadence(every: int) -> str:
    """How often a task without a deadline is asked for its update, as the preview and the assignment say it."""
    return "mỗi ngày làm việc" if every == 1 else f"{every} ngày làm việc một lần"


UNDATED_RUNS = 8  # runs of task numbers without a deadline the preview names; more: their count
COMPACT_PREVIEW_FROM = 20  # tasks in a preview from which each is one line (probe 24 #10)
COMPACT_TEXT = 70  # characters of a task's text in a compact preview's line


def _section_example(parsed: ParsedNotice) -> str:
    """An item number with items under it ("III.1" of "III.1.a" … "III.1.s"), for "chi tiết mục …"; else the first."""
    refs = [t.ref for t in parsed.tasks]
    parents = [r.rsplit(".", 1)[0] for r in refs if "." in r]
    counted = Counter(parents)
    best = max(counted, key=lambda p: counted[p], default=None)
    return best if best is not None and counted[best] > 1 else (refs[0] if refs else "1")


def _deadline_short(task: ParsedTask, today: dt.date | None, explain: Callable[[dt.date], str | None] | None) -> str:
    """A task's deadline in a compact preview line: "hạn 31/03/2019", "hằng năm, kỳ đầu hạn 31/12/2018", "không có
    thời hạn"; a date already past is said to be past."""
    if task.recurrence:
        rounds = _first_round(task, today, explain)
        label = RECURRENCE_LABELS.get(task.recurrence, task.recurrence)
        if rounds is not None and rounds.occurrence is not None:
            return f"{label}, kỳ đầu hạn {date_vn(rounds.occurrence.due_on)}"
        return label
    if task.due:
        return f"hạn {date_vn(task.due)}" + (" (đã qua)" if today is not None and task.due < today else "")
    return ""  # (said once above the list: a line without a deadline has none)


def _task_line(number: int, task: ParsedTask, draft: Draft, today: dt.date | None,
               explain: Callable[[dt.date], str | None] | None, *, lead: bool, source: bool,
               written: Sequence[str] = ()) -> str:
    """A task of a long preview in one line: its number and item, the start of its text, the deadline, the lead
    (unless its unit's line above says it) and what it comes to, the supporting units, and the flags the admin must
    see (ⓘ a generic call, "chưa có trong danh bạ", a deadline past); "xem N" gives it whole."""
    parts = [due] if (due := _deadline_short(task, today, explain)) else []
    if lead:
        taken_from = _LEAD_TAKEN_FROM.get(task.lead_source or "") if source else None
        where = f" ({taken_from})" if taken_from else ""
        collector = _collector(task, draft.guesses)  # (the results' receiver is not given the task: said so)
        if len(task.lead) == 1:
            guess = _without(draft.guesses.get(task.lead[0]), collector)
            parts.append(f"chủ trì{where}: {_lead_guess(task.lead[0], guess, number=number, written=written)}")
        elif task.lead:
            parts.append(f"chủ trì{where}, mỗi đơn vị một nhiệm vụ: " + "; ".join(
                _lead_guess(name, _without(draft.guesses.get(name), collector), each=False, number=number,
                            written=written)
                for name in task.lead))
        else:
            parts.append("chủ trì: chưa xác định")
        if collector is not None:
            parts.append(f"không giao {collector} (nơi nhận kết quả)")
    if task.support:
        parts.append("phối hợp: " + "; ".join(_support_short(n, draft.guesses.get(n)) for n in task.support))
    flag = " ⓘ" if generic_compliance(task.text) else ""
    said = f" — {'; '.join(parts)}" if parts else ""
    return f"{number}. [{task.ref}] {shorten(ask_first(task.text, task.lead), COMPACT_TEXT)}{flag}{said}"


def _support_short(name: str, guess: UnitGuess | None) -> str:
    """A supporting unit in a compact preview line: as written, with only what the admin must act on."""
    if guess is None or guess.person or (guess.unit_name is not None and not guess.group):
        return name
    if guess.group:
        return f"{name} (nhóm đơn vị)"
    return f"{name} (chưa có trong danh bạ)"


UNIT_RUN_FROM = 8  # tasks in a preview from which a unit's consecutive tasks are shown under one lead line
UNIT_RUN_LENGTH = 2


def _unit_runs(parsed: ParsedNotice, draft: Draft) -> dict[int, list[int]]:
    """A long notice's tasks grouped by unit (a plan's "II.1. Sở Tư pháp: a) … b) …"): each run of consecutive tasks
    with the same single lead, read the same way, by its first task's number → the run's numbers. The lead, what it
    comes to in the directory and why nobody would receive it are then said once, above the run, not under each task
    and again in a note after all the units (new-user probe 21, finding 1)."""
    if len(parsed.tasks) < UNIT_RUN_FROM:
        return {}
    runs: list[list[int]] = []
    last: tuple[str, str | None] | None = None
    for i, task in zip(draft.numbers, parsed.tasks, strict=True):
        key = (task.lead[0], task.lead_source) if len(task.lead) == 1 and _collector(task, draft.guesses) is None \
            else None
        if key is not None and key == last:
            runs[-1].append(i)
        else:
            runs.append([i])
        last = key
    return {run[0]: run for run in runs if len(run) >= UNIT_RUN_LENGTH}


def _run_header(run: Sequence[int], task: ParsedTask, draft: Draft, written: Sequence[str] = ()) -> list[str]:
    """The line above a unit's run of tasks: which tasks, their lead and what it comes to, where it was read, and
    (when nobody would receive them) why — once for the run."""
    name = task.lead[0]
    taken_from = _LEAD_TAKEN_FROM.get(task.lead_source or "")
    said = _lead_guess(name, draft.guesses.get(name), number=run[0], written=written)
    unreached = _unreached(task.lead, draft)
    why = f" — chưa có người nhận: {_why_unreached(name, draft)}" if unreached and "(" not in said else ""
    return [f"▸ Nhiệm vụ {_spans(run)} — chủ trì{f' ({taken_from})' if taken_from else ''}: {said}{why}"]


def _spans(numbers: Sequence[int]) -> str:
    """Task numbers as runs: [1, 2, 3, 5, 7, 8] → "1–3, 5, 7, 8"."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


MISREAD_LIMIT = 10


def misread_lines(places: Sequence[tuple[str, Sequence[Misread]]], *, pasted: bool = False) -> list[str]:
    """"Có thể đọc sai" and the words, grouped by where they are (a misreading repeated in several tasks is said
    once, with each task), then how to fix them: a task's wording whole ("3 nd: …"), the subject. `pasted`: an OCR
    reading pasted as text (said so, not "read by OCR")."""
    where: dict[Misread, list[str]] = {}
    for place, found in places:
        for m in found:
            where.setdefault(m, []).append(place)
    if not where:
        return []
    groups: dict[tuple[str, ...], list[Misread]] = {}
    for m, found_at in list(where.items())[:MISREAD_LIMIT]:
        groups.setdefault(tuple(found_at), []).append(m)
    lines = [OCR_PASTED_HEAD if pasted else
             "Văn bản được đọc bằng nhận dạng chữ (OCR); có thể đọc sai (đồng chí đối chiếu với bản giấy):"]
    for at, found in groups.items():
        numbers = [p for p in at if p.isdigit()]
        said = [p for p in at if not p.isdigit()] + ([f"nhiệm vụ {', '.join(numbers)}"] if numbers else [])
        lines.append(f"• {ocr_said(found, limit=MISREAD_LIMIT)} — {', '.join(said)}")
    if len(where) > MISREAD_LIMIT:
        lines.append(f"• và {len(where) - MISREAD_LIMIT} chỗ khác.")
    task = min((int(p) for at in groups for p in at if p.isdigit()), default=None)
    how = [f"“{task} nd: …” (toàn văn nhiệm vụ {task} đã sửa)"] if task is not None else []
    if any(p == SUBJECT_PLACE for at in groups for p in at):
        how.append("“trích yếu: …”")
    lines.append(f"Để sửa, đồng chí gõ {', '.join(how)}.")
    return lines


def numbering_lines(found: Sequence[Skip]) -> list[str]:
    """Where an OCR reading's item letters or numbers do not follow on ("c)" then "đ)", "đ)" twice, "4." then "6."): a
    task there may be missing, or two tasks share one item number (month probe 37: "d)" read as "đ)")."""
    said: list[str] = []
    for skip in found:
        def mark(x: str) -> str:
            return f"“{x}.”" if x.isdigit() else f"“{x})”"
        if skip.twice:
            line = f"{mark(skip.letter)} có hai lần liền nhau"
        else:
            before = str(int(skip.missing) - 1) if skip.missing.isdigit() else \
                LETTERS[LETTERS.index(skip.missing) - 1]
            line = f"{mark(skip.letter)} đứng ngay sau {mark(before)} (không thấy {mark(skip.missing)})"
        if line not in said:
            said.append(line)
    if not said:
        return []
    usual = " (thường là “d)” thành “đ)”)" if any(not s.letter.isdigit() for s in found) else ""
    return [f"Số thứ tự các điểm trong văn bản có chỗ không liền mạch: {'; '.join(said)}. Có thể nhận dạng chữ đọc "
            f"sai số thứ tự{usual}, nên nhiệm vụ ở đó có thể bị thiếu hoặc mang trùng số mục; "
            "đồng chí đối chiếu với bản gốc; để sửa số mục của một nhiệm vụ, đồng chí gõ, ví dụ: “3 số mục: 2.d”."]


UNREAD_SHOWN = 8  # items named in the note; more are counted


def unread_item_lines(refs: Sequence[str]) -> list[str]:
    """The text's numbered items not read as tasks (the task filter found no duty in them), said in one line, so
    nothing is left out of the preview without a word."""
    if not refs:
        return []
    named = ", ".join(refs[:UNREAD_SHOWN]) + (f" và {len(refs) - UNREAD_SHOWN} mục khác" if len(refs) > UNREAD_SHOWN
                                              else "")
    return [f"Mục {named} của văn bản không được nhận là nhiệm vụ; nếu có việc cần giao ở đó, đồng chí gõ "
            "“thêm: …”."]


SUBJECT_PLACE = "trích yếu"
SUBJECT_PLACE_KEY = "subject"  # (`Draft.typed`: the admin typed the subject)


def misread_said(found: Sequence[Misread]) -> str:
    """A task's (or the subject's) words probably misread, on the line under it: "Có thể đọc sai (OCR): “tà soát”
    (rà soát?)"."""
    return f"Có thể đọc sai (OCR): {ocr_said(found, limit=MISREAD_LIMIT)}"


def misread_elsewhere(places: Sequence[str], count: int) -> str:
    """After a correction, the places not shown whose words OCR probably misread still: named, with how to see them —
    the warning stays until they are fixed, without the whole list each time."""
    numbers = [p for p in places if p.isdigit()]
    said = [p for p in places if not p.isdigit()] + ([f"nhiệm vụ {', '.join(numbers)}"] if numbers else [])
    see = f"“xem {numbers[0]}”" if numbers else "“xem tất cả”"
    return (f"Văn bản đọc bằng OCR: còn {count} chỗ có thể đọc sai ở {', '.join(said)} (đồng chí gõ {see} để xem"
            + (", “xem tất cả” để xem cả danh sách" if numbers else "") + ").")


def _edit_examples(parsed: ParsedNotice, draft: Draft, today: dt.date | None) -> str:
    """The preview's correction examples, built from the draft's own tasks: a task it has (the third, or the last of
    fewer), a lead that task is not given, a supporting unit that is neither its lead, nor already supporting it, nor
    the lead just suggested (none fits: that example is left out), and a deadline still to come (probe 21, finding
    3: "3 phối hợp: <the task's own lead>" was shown)."""
    n = draft.numbers[min(2, len(draft.numbers) - 1)] if draft.numbers else 1
    task = parsed.tasks[draft.numbers.index(n)] if draft.numbers else None
    own: set[str | None] = set()
    for name in ((*task.lead, *task.support) if task is not None else ()):
        guess = draft.guesses.get(name)
        own |= {name, guess.unit_name if guess is not None else None}
        own |= {unit for unit, _ in guess.members} if guess is not None else set()
    own_lower = {u.lower() for u in own if u}
    found = list(dict.fromkeys(g.unit_name for g in draft.guesses.values() if g.unit_name and g.head_name))
    fits = [_spelled(u, parsed) for u in found if u.lower() not in own_lower]
    found = [_spelled(u, parsed) for u in found]
    if not found:  # (a draft none of whose leads the directory has: the province's departments)
        fits = [u for u in ("Sở Tài chính", "Sở Nội vụ", "Sở Y tế") if u.lower() not in own_lower]
    lead = fits[0] if fits else None
    support = fits[1] if len(fits) > 1 else None
    today = today or dt.date.today()
    due = dt.date(today.year if today < dt.date(today.year, 4, 30) else today.year + 1, 4, 30)
    said = ([f"“{n}: {lead}” (đơn vị chủ trì của nhiệm vụ số {n})"] if lead else
            [f"“{n}: <tên đơn vị>” (đơn vị chủ trì của nhiệm vụ số {n})"])
    said += [f"“{n} phối hợp: {support}”"] if support else []
    said += [f"“{n} hạn {due.day}/{due.month}/{due.year}”", f"“{n} nội dung: …”", f"“bỏ {n}”"]
    added = (found or ["Sở Y tế"])[-1]
    return f"{', '.join(said)}; nhiệm vụ còn thiếu: “thêm: {added} chủ trì …, trước ngày …”"


def _example_units(draft: Draft, parsed: ParsedNotice | None = None, *,
                   avoid: set[str | None] | frozenset[str] = frozenset()) -> tuple[str, str, str]:
    """Three units to show the corrections with: this directory's (those the draft's leads found, with a head), so a
    commune's clerk reads “3: Công an xã”, not a province's department (also when it found only one or two); the
    province's where the draft has none. Named as `parsed` (the notice) spells them where the directory has no
    marks."""
    found = list(dict.fromkeys(g.unit_name for g in draft.guesses.values() if g.unit_name and g.head_name))
    found = [u for u in found if u not in avoid] + [u for u in found if u in avoid]  # `avoid`: the task's own, last
    if not found:
        return "Sở Tài chính", "Sở Nội vụ", "Sở Y tế"
    found = [_spelled(u, parsed) for u in found]
    # fewer than three: this directory's again, never a province's department beside a Huyện ủy's boards
    return found[0], found[1 % len(found)], found[-1]


def _spelled(unit_name: str, parsed: ParsedNotice | None) -> str:
    """A directory unit in the bot's own sentences: as the notice spells it where the directory has no marks
    ("So Xay dung" → "Sở Xây dựng", probe 23 F6; `marked_spelling`). (“trong danh bạ: …” keeps the directory's.)"""
    return marked_spelling(unit_name, written_units(parsed))


def written_units(parsed: ParsedNotice | None) -> list[str]:
    """The units as a draft's tasks write them (leads and supports): how `marked_spelling` spells a directory unit
    the directory writes without marks."""
    return [n for t in (parsed.tasks if parsed is not None else ()) for n in (*t.lead, *t.support)]


def _support_guess(name: str, guess: UnitGuess | None) -> str:
    """A supporting unit as written and, briefly, what the directory makes of it: its head is told at confirmation;
    a group's members are not told one by one."""
    if guess is None:
        return name
    if guess.group:
        return f"{name} (nhóm đơn vị, không báo riêng từng đơn vị)"
    if guess.person:
        return name
    if guess.unit_name is None:
        return f"{name} (chưa có trong danh bạ)"
    return name + _as_in_directory(name, guess.unit_name)


def _task_block(number: int, task: ParsedTask, draft: Draft, today: dt.date | None,
                explain: Callable[[dt.date], str | None] | None = None, *, leaders: bool = True,
                source: bool = True, lead: bool = True, written: Sequence[str] = ()) -> list[str]:
    """One task of a draft as the preview shows it: text, lead (what it comes to in the directory, and where it was
    read unless `source` is off; none when `lead` is off: a line above the task's unit group says it), supporting
    units, the leaders in charge (`leaders`: when they differ from the task above: said once for a group), deadline,
    recurrence."""
    lines = [f"{number}. [Mục {task.ref}] {shorten(ask_first(task.text, task.lead))}"]  # from the ask, not a heading
    if lead:
        lines += _lead_lines(number, task, draft.guesses, indent="   ", source=source, written=written)
    if task.support:
        lines.append(f"   • Phối hợp: {'; '.join(_support_guess(n, draft.guesses.get(n)) for n in task.support)}")
    if task.leaders and leaders:
        lines.append(f"   • Lãnh đạo phụ trách: {', '.join(task.leaders)}")
    rounds = _first_round(task, today, explain) if task.recurrence else None
    if task.due or task.recurrence or task.due_text:  # (none at all: said once for all of them, under the tasks)
        lines.append(f"   • Thời hạn: {_deadline_said(task, rounds)}")
    if rounds is not None and rounds.occurrence is not None and rounds.skipped is not None:
        lines.append(f"     ({_skipped_round(rounds.skipped, today)})")
    due = rounds.occurrence.due_on if rounds is not None and rounds.occurrence is not None else task.due
    if due and explain is not None and (moved := explain(due)):  # a day off: say where it runs to
        lines.append(f"     ({moved})")
    if task.recurrence:
        lines.append(f"   • Định kỳ: {RECURRENCE_LABELS.get(task.recurrence, task.recurrence)}")
    return lines


_DEFAULT_CALENDAR: list[WorkingCalendar] = []


def _first_round(task: ParsedTask, today: dt.date | None,
                 explain: Callable[[dt.date], str | None] | None) -> FirstRound | None:
    """The first round a recurring draft task would get if confirmed `today`, by the rule registration applies
    (`scheduler.series.first_round`). `explain` is the bot's calendar's `explain_deadline` (the preview's callers
    pass only that); its calendar counts the working days, else the default one."""
    calendar = getattr(explain, "__self__", None)
    if not isinstance(calendar, WorkingCalendar):
        if not _DEFAULT_CALENDAR:
            _DEFAULT_CALENDAR.append(WorkingCalendar())
        calendar = _DEFAULT_CALENDAR[0]
    return first_round(task.recurrence, task.text, due_text=task.due_text, confirmed_on=today or dt.date.today(),
                       calendar=calendar)


def round_name(label: str) -> str:
    """How a round is named in any message: "kỳ tháng 3/2026", "kỳ quý I/2027", "kỳ hạn 10/02/2027"."""
    return f"kỳ {label}"


def _skipped_round(skipped: Occurrence, today: dt.date | None) -> str:
    """Why the round `skipped` is not the first one (the preview): "kỳ hạn 18/01/2027 không tính là kỳ đầu: …"."""
    if today is not None and skipped.due_on <= today:
        why = "hạn trùng ngày xác nhận"
    else:
        why = f"chưa đủ {FIRST_ROUND_LEAD_WORKING_DAYS} ngày làm việc kể từ ngày xác nhận để thực hiện"
    name = round_name(skipped.period_label)
    if date_vn(skipped.due_on) not in name:
        name += f" (hạn {date_vn(skipped.due_on)})"
    return f"{name} không tính là kỳ đầu: {why}"


# Where a draft task's lead was read when not from the task's own words: the admin checks these first (a heading's
# unit carried down to an item that is another unit's, an addressee standing in for a doer the text never names).
_LEAD_TAKEN_FROM = {"heading": "theo đề mục phía trên", "addressee": "theo nơi nhận văn bản"}


def _lead_lines(number: int, task: ParsedTask, guesses: dict[str, UnitGuess], *, indent: str,
                every_member: bool = False, source: bool = True, written: Sequence[str] = ()) -> list[str]:
    """A draft task's lead lines: what each lead comes to in the directory, where it was read when not in the task's
    own words (`source`), and a group member the task's own results go to ("báo cáo … về Phòng Kế hoạch - Tổng
    hợp"), which the group gives the task too."""
    collector = _collector(task, guesses)
    taken_from = _LEAD_TAKEN_FROM.get(task.lead_source or "") if source else None
    if len(task.lead) == 1:
        guess = _without(guesses.get(task.lead[0]), collector)
        lines = [f"{indent}• Chủ trì{f' ({taken_from})' if taken_from else ''}: "
                 f"{_lead_guess(task.lead[0], guess, number=number, every_member=every_member, written=written)}"]
    elif task.lead:  # each unit named is asked, and told, on its own
        lines = [f"{indent}• Chủ trì (mỗi đơn vị một nhiệm vụ{f'; {taken_from}' if taken_from else ''}):"]
        named = {unit for name in task.lead if (g := guesses.get(name)) is not None
                 for unit in ([g.unit_name] if g.unit_name else []) + [u for u, _ in g.members]}
        lines += [f"{indent}  – " + _lead_guess(name, _without(guesses.get(name), collector), each=False,
                                                number=number, named=named, every_member=every_member,
                                                written=written)
                  for name in task.lead]
    else:
        return [f"{indent}• Chủ trì: chưa xác định"]
    if collector is not None:
        example = f" (ví dụ “{number}: {', '.join(task.lead)}, {collector}”)" if number is not None else ""
        lines.append(f"{indent}  ({collector} là nơi nhận kết quả nên không được giao nhiệm vụ này; nếu đơn vị này "
                     f"cũng phải thực hiện, đồng chí ghi thêm vào chủ trì{example}.)")
    return lines


def _collector(task: ParsedTask, guesses: dict[str, UnitGuess]) -> str | None:
    """The member of a group the task's results are sent to ("… báo cáo về Phòng Kế hoạch - Tổng hợp"), which
    confirmation does not give the task (storage.notices `_Leads.targets`), unless a lead names it on its own."""
    own = {g.unit_name for name in task.lead if (g := guesses.get(name)) is not None and not g.group}
    in_groups = [unit for name in task.lead if (g := guesses.get(name)) is not None and g.group
                 and len(g.members) > 1 for unit, _ in g.members]
    found = receiver(task.text, in_groups)
    return found if found not in own else None


def _without(guess: UnitGuess | None, unit: str | None) -> UnitGuess | None:
    """A group's guess without the member `unit` (the results' receiver)."""
    if guess is None or unit is None or not guess.group:
        return guess
    return replace(guess, members=tuple(m for m in guess.members if m[0] != unit))


def _deadline_said(task: ParsedTask, rounds: FirstRound | None) -> str:
    """A draft task's deadline as the admin reads it: the date and the notice's words for it, a recurring duty's
    rounds (the first one as the confirmation would register it), or none."""
    if task.recurrence and rounds is not None and rounds.occurrence is not None:  # "trước ngày 25 hằng tháng"
        # a date beside the rounds ("…, đến hết ngày 14/02/2025") ends the series: registration starts at the first
        # round, which the preview must show, not that date as if it were the deadline
        until = f" (“{task.due_text}”)" if task.due and task.due_text else ""
        return f"theo từng kỳ; kỳ đầu: {rounds.occurrence.title()}{until}"
    if task.due:
        said = f" (“{task.due_text}”)" if task.due_text else ""  # (none: set by the admin)
        return f"{date_vn(task.due)}{said}"
    if task.recurrence and task.due_text:
        return task.due_text
    if task.due_text:  # a table's time cell with no date: "Thường xuyên"
        return f"không có thời hạn cụ thể (“{task.due_text}”)"
    return "không có thời hạn cụ thể"


def _why_unreached(name: str, draft: Draft) -> str:
    """Why a lead as written would reach nobody."""
    guess = draft.guesses.get(name)
    if name == "?":
        return "chưa xác định đơn vị chủ trì"
    if names_no_unit(name) and (guess is None or not guess.unit_name):
        return UNNAMED_UNIT
    if guess is not None and guess.group and not guess.members:  # ("UBND các xã liên quan": which ones?)
        if guess.others:
            return f"{OTHERS_THAN_NAMED}, danh bạ không còn đơn vị nào khác"
        return EMPTY_GROUP if _over_places(name) else UNRESOLVED_GROUP
    if guess is not None and (guess.unit_name or guess.members):
        return "đơn vị chưa có trưởng đơn vị trong danh bạ"
    return "đơn vị chưa có trong danh bạ"


def _unreached_lines(parsed: ParsedNotice, draft: Draft, *, short: bool = False,
                     taken_from: dict[int, str] | None = None, by_group: bool = False) -> list[str]:
    """The warning, before the buttons, of tasks that would be registered with no one (or not everyone) reminded
    (`short`: after a correction, the numbers only — the preview explained it). `taken_from`: the tasks whose lead
    was read elsewhere than in their own words (a heading above), said here with them rather than in a second note.
    `by_group`: a long preview whose units' lines above their tasks said why — here the numbers and what to do."""
    nobody = [(i, _unreached(task.lead, draft)) for i, task in zip(draft.numbers, parsed.tasks, strict=True)]
    nobody = [(i, names) for i, names in nobody if names]
    if not nobody:
        return []
    if short:
        return ["", f"Lưu ý: còn {len(nobody)} nhiệm vụ chưa có người nhận: số "
                    f"{', '.join(str(i) for i, _ in nobody)}."]
    by_names = _by_unreached(nobody)
    taken_from = taken_from or {}

    def said(names: tuple[str, ...], numbers: list[int]) -> str:
        where = list(dict.fromkeys(taken_from[i] for i in numbers if i in taken_from))
        inside = ", ".join(names) if names != ("?",) else ""
        if where:
            inside += (", " if inside else "") + f"chủ trì lấy {' và '.join(where)}"
        shown = _spans(numbers) if len(numbers) > 3 else ", ".join(str(i) for i in numbers)
        return f"số {shown}" + (f" ({inside})" if inside else "")

    listed = "; ".join(said(names, numbers) for names, numbers in by_names.items())
    if by_group:
        listed = (f"số {_spans([i for i, _ in nobody])} (lý do ghi ở đơn vị chủ trì của từng nhóm, từng nhiệm vụ "
                  "phía trên)")
    reasons = list(dict.fromkeys(_why_unreached(name, draft) for _, names in nobody for name in names))
    example = _example_units(draft, parsed)[0]  # a unit of this directory someone would receive, when the draft has one
    first = nobody[0][0]
    several = " (nhiều đơn vị: cách nhau bằng dấu phẩy)" if {UNNAMED_UNIT, UNRESOLVED_GROUP} & set(reasons) else ""
    # a directory file cannot name a unit the notice does not name: "bổ sung danh bạ" only for a unit it lacks
    later = "" if set(reasons) <= {UNNAMED_UNIT, UNRESOLVED_GROUP} else ", hoặc xác nhận rồi bổ sung danh bạ sau"
    why = "" if by_group else f" — {'; '.join(reasons)}"
    return ["", f"Lưu ý: chưa có người nhận ở nhiệm vụ {listed}{why}. Đồng chí ghi đơn vị chủ "
                f"trì, ví dụ “{first}: {example}”{several}, hoặc giao cho một người (“{first} giao đ/c Nguyễn Văn "
                f"A”){later}."]


def _past_due_lines(parsed: ParsedNotice, draft: Draft, today: dt.date | None, *, short: bool = False) -> list[str]:
    """A deadline already past when the notice is loaded: work the notice recalls (then "bỏ"), or a date misread
    (then a new one) — registered as it stands, it would be overdue at once."""
    if today is None:
        return []
    past = [(i, task.due) for i, task in zip(draft.numbers, parsed.tasks, strict=True)
            if task.due is not None and task.due < today]
    if not past:
        return []
    listed = ", ".join(f"số {i} ({date_vn(due)})" for i, due in past)
    if short:
        return ["", f"Lưu ý: thời hạn đã qua ở nhiệm vụ {listed}."]
    first = past[0][0]
    return ["", f"Lưu ý: thời hạn đã qua ở nhiệm vụ {listed}. Nếu văn bản chỉ nhắc lại việc cũ, đồng chí gõ “bỏ "
                f"{first}”; nếu việc còn phải làm, đồng chí ghi hạn mới, ví dụ “{first} hạn {date_vn(today)}”."]


def _next_likely(due: dt.date, after: dt.date) -> dt.date | None:
    """The same day and month in the first year that does not put it before `after` (what a slip of the year
    probably meant)."""
    for year in range(due.year + 1, after.year + 3):
        try:
            candidate = due.replace(year=year)
        except ValueError:  # 29/02
            continue
        if candidate >= after:
            return candidate
    return None


def doubtful_dues(held: Sequence[Correction], *, issued_on: dt.date | None, today: dt.date) -> str:
    """Deadlines typed that lie before the notice's own date (or long before today): not taken yet; asked whether
    they are meant (probe 24 #2: "6 hạn 15/3/2018" for a plan of 26/06/2018 went out as overdue 73 working days)."""
    lines = []
    first: tuple[str, dt.date] | None = None
    for c in held:
        assert isinstance(c.value, dt.date)
        target = c.target.split(None, 1)[1] if c.target.startswith("mục") else c.target
        which = f"Mục {target}" if c.target.startswith("mục") else f"nhiệm vụ {target}"
        when = (f"sớm hơn ngày của văn bản ({date_vn(issued_on)})" if issued_on is not None
                else f"đã qua {(today - c.value).days} ngày (hôm nay {date_vn(today)})")
        lines.append(f"• Hạn {date_vn(c.value)} ở {which} {when}.")
        first = first or (c.target, c.value)
    assert first is not None
    likely = _next_likely(first[1], max(issued_on or today, today))
    example = f"“{first[0]} hạn {first[1].day}/{first[1].month}/{likely.year if likely else today.year}”"
    head = "Nhắc việc chưa ghi thời hạn này" if len(held) == 1 else f"Nhắc việc chưa ghi {len(held)} thời hạn này"
    return vn(f"{head} — có thể gõ nhầm (nếu giữ, nhiệm vụ quá hạn ngay khi giao):\n" + "\n".join(lines) +
              f"\nĐúng không? Nếu đúng, đồng chí gõ “đúng”; nếu nhầm, đồng chí gõ lại, ví dụ {example}.")


def generic_call_lines(parsed: ParsedNotice, draft: Draft) -> list[str]:
    """The tasks whose whole content is a generic call to comply ("… nghiêm túc thực hiện", "chịu trách nhiệm toàn
    diện trước …") — probably no work to chase every 10 working days: one line naming them, with the way to drop them
    (probe 22 F5)."""
    flagged = [str(i) for i, task in zip(draft.numbers, parsed.tasks, strict=True) if generic_compliance(task.text)]
    if not flagged:
        return []
    which = ", ".join(flagged)
    return ["", f"ⓘ Nhiệm vụ {which} chỉ nêu yêu cầu chung, có thể không phải nhiệm vụ cụ thể — đồng chí gõ “bỏ "
                f"{which}” nếu không cần theo dõi."]


REPEAT_SHARE = 0.8  # of the shorter task's word pairs found in the other: the same work told twice
REPEAT_MIN_WORDS = 10
BODY_SECTION_REF = re.compile(r"^[IVX]{1,4}(?:\.|$)")


def _repeats(a: ParsedTask, b: ParsedTask) -> bool:
    """Two tasks of one notice that tell nearly the same work: an item of the plan's body (under a section numbered
    in Roman numerals: "II.5") and a row of its annex table ("5") — "Thường xuyên tổ chức theo dõi thi hành pháp luật;
    sơ kết, …" and "Tổ chức theo dõi thi hành pháp luật; tổng hợp, …" — with no two different leads that would make
    them two units' duties. (Items of one list that share their wording — "Xây dựng Kế hoạch … giai đoạn 2031 - 2040"
    for two plans — are not repeats.)"""
    if a.lead and b.lead and set(a.lead) != set(b.lead):
        return False
    if bool(BODY_SECTION_REF.match(a.ref)) == bool(BODY_SECTION_REF.match(b.ref)):
        return False
    pairs_a, pairs_b = (set(itertools.pairwise(re.findall(r"\w+", nfc(t.text).lower()))) for t in (a, b))
    shorter = min(pairs_a, pairs_b, key=len)
    return len(shorter) >= REPEAT_MIN_WORDS and len(pairs_a & pairs_b) >= REPEAT_SHARE * len(shorter)


def repeated_task_lines(parsed: ParsedNotice, draft: Draft) -> list[str]:
    """A task that nearly repeats another of the same notice (probe 38 F7: item II.5 of the plan and row 5 of its
    annex): one line naming each pair, with the way to drop the first."""
    tasks = list(zip(draft.numbers, parsed.tasks, strict=True))
    pairs = [(i, j, a.lead or not b.lead) for n, (i, a) in enumerate(tasks) for j, b in tasks[n + 1:]
             if _repeats(a, b)]
    if not pairs:
        return []
    said = "; ".join(f"nhiệm vụ {i} và {j}" for i, j, _ in pairs)
    i, j, first_led = pairs[0]
    drop = j if first_led else i  # (the one the notice gives no lead)
    return ["", f"ⓘ Có nhiệm vụ gần trùng nội dung: {said} — nếu là một việc, đồng chí gõ “bỏ {drop}” để giữ một "
                "nhiệm vụ."]


def one_off_lines(parsed: ParsedNotice, draft: Draft) -> list[str]:
    """A recurring report duty whose wording first asks for a one-off paper ("ban hành kế hoạch … (trong tháng
    3/2027); định kỳ trước 25 hằng tháng báo cáo …"): followed as one recurring task, the paper could never be
    finished by itself (probe 39). Said, with the two lines that split it: the paper added as an item of its own,
    the task's wording cut to the reports."""
    lines = []
    for number, task in zip(draft.numbers, parsed.tasks, strict=True):
        if (split := split_lines(parsed, number, task)) is None:
            continue
        paper, label = split[2], RECURRENCE_LABELS.get(task.recurrence or "", task.recurrence or "")
        lines += ["", f"ⓘ Nhiệm vụ {number} [Mục {task.ref}] gồm một việc làm một lần ({paper}) và báo cáo {label}; "
                      f"nếu để chung, {paper} không báo hoàn thành riêng được. Để tách thành hai nhiệm vụ, đồng chí "
                      f"gõ “tách {number}”, hoặc hai dòng:", split[0], split[1]]
    return lines


def split_lines(parsed: ParsedNotice, number: int, task: ParsedTask) -> tuple[str, str, str] | None:
    """The two correction lines that split a recurring report duty that first asks for a one-off paper (see
    `one_off_lines`): the paper added as an item of its own, the task's wording cut to the reports; and the paper's
    name. None when the task is not one."""
    if not task.recurrence or (parts := one_off_and_rounds(task.text)) is None:
        return None
    once, rounds, paper = parts
    taken = {t.ref for t in parsed.tasks}  # (the paper's item number: one no task has)
    return (f"thêm mục {next((r for c in 'abcdefgh' if (r := f'{task.ref}.{c}') not in taken), '')}: {once}",
            f"{number} nội dung: {rounds[:1].upper()}{rounds[1:]}", paper)


def cannot_split(number: int, task: ParsedTask) -> str:
    """"tách 3" on a task Nhắc việc cannot cut in two by itself: the two lines to type, with the task's item."""
    return vn(f"Nhắc việc chưa tự tách được nhiệm vụ {number} [Mục {task.ref}]: chỉ tự tách được nhiệm vụ gồm một việc "
              "làm một lần và báo cáo định kỳ. Để tách, đồng chí gõ hai dòng (trả lời tin xem trước):\n"
              f"thêm mục {task.ref}.a: <nội dung việc thứ hai, đơn vị chủ trì, thời hạn>\n"
              f"{number} nội dung: <nội dung còn lại của nhiệm vụ {number}>")


def draft_changes(parsed: ParsedNotice, draft: Draft, *, replies: bool = True, today: dt.date | None = None,
                  explain: Callable[[dt.date], str | None] | None = None,
                  misread: Sequence[tuple[str, Sequence[Misread]]] = (), undone: int | None = None) -> str:
    """After corrections: what changed, the tasks it touched as they now read, and what still needs a look —
    not the whole list again (a long notice's preview is several messages; "xem tất cả" shows it). `misread`: for
    a text read by OCR, the words still probably misread, by place (as `draft_preview`): under each task shown,
    its own; the places not shown, named. `undone`: `draft.applied` is a correction just taken back ("hoàn tác"),
    and this many earlier ones can still be."""
    lines = correction_lines(draft.applied)
    if undone is not None:
        lines[0] = (f"Đã hoàn tác lần sửa gần nhất ({len(draft.applied)} nội dung):" if draft.applied else
                    "Đã hoàn tác lần sửa gần nhất.")
        lines += _header_back(parsed, draft.applied)
        lines.append(f"(Còn {undone} lần sửa trước đó; gõ “hoàn tác” lần nữa để hoàn tác tiếp.)" if undone else
                     "(Danh sách đã trở lại như khi Nhắc việc đọc văn bản.)")
    said = {a.field for a in draft.applied}
    if "number" in said and "date" not in said and undone is None:  # the date read may be another paper's
        lines.append(f"  (ngày văn bản vẫn là {date_vn(parsed.date)}; nếu chưa đúng, đồng chí gõ “ngày: …/…/…”)"
                     if parsed.date else "  (văn bản chưa có ngày; đồng chí gõ “ngày: …/…/…” để ghi ngày văn bản)")
    touched = {a.number for a in draft.applied if a.number is not None and (a.field != "drop" or undone is not None)}
    shown = [(i, task) for i, task in zip(draft.numbers, parsed.tasks, strict=True) if i in touched]
    found_at = {place: found for place, found in misread if found}
    if undone is None and (alike := _alike_correction(draft.applied)) and \
            not any(str(i) in found_at for i, _ in shown):
        lines, shown = [alike], []  # "28-43: thêm Văn phòng Sở": one line, not 16 tasks echoed (probe 42, #7)
    if shown:
        lines += ["", "Sau khi hoàn tác:" if undone is not None else "Sau khi sửa:"]
        for i, task in shown:
            lines += ["", *_task_block(i, task, draft, today, explain, written=written_units(parsed))]
            if str(i) in found_at:
                lines.append(f"   • {misread_said(found_at[str(i)])}")
    elsewhere = [place for place in found_at if place not in {str(i) for i, _ in shown}]
    if elsewhere:
        lines += ["", misread_elsewhere(elsewhere, sum(len(found_at[p]) for p in elsewhere))]
    lines += _unreached_lines(parsed, draft, short=True)
    lines += _past_due_lines(parsed, draft, today, short=True)
    if draft.twin is not None:  # (a number or date just typed may make it one)
        lines += ["", *twin_lines(draft, short=True)]
    how = "trả lời tin này" if replies else "gõ"
    lines += ["", f"Danh sách hiện có {len(parsed.tasks)} nhiệm vụ; gõ “xem tất cả” để xem lại toàn bộ. Đồng chí "
                  f"{how} để sửa tiếp, hoặc xác nhận để giao việc."]
    return vn("\n".join(lines))


GROUP_SHOWN = 6  # members of a group named in a preview; the rest are counted


def _every_form(name: str) -> str | None:
    """"các cơ quan, đơn vị, địa phương" → the same, for "tất cả …" to mean every such unit of the directory; None
    when "tất cả" would name nobody either ("các doanh nghiệp", "các đơn vị có liên quan")."""
    at = name.lower().find("các ")
    if at < 0:
        return None
    tail = name[at:]
    group = read_group(f"tất cả {tail}")
    return tail if group is not None and every_form_names_units(group) else None


# A lead that names no unit but points at one (or says only its kind): "đơn vị nêu trên", "các đơn vị được kiểm tra",
# "Công ty", "doanh nghiệp": no directory can have it; the admin names the unit (probe 20 F7: "chưa có trong danh bạ"
# and "gửi tệp danh bạ" were advice that could not work)
_REFERENCE = re.compile(r"^(?:các\s+|những\s+)?(?:đơn\s*vị|cơ\s*quan|doanh\s*nghiệp|công\s*ty|tổ\s*chức|chủ\s*đầu\s*tư|"
                        r"cơ\s*sở)(?:\s+(?:nêu\s*trên|nói\s*trên|trên|được\s+kiểm\s+tra|có\s+tên\s+(?:ở\s+)?trên))?$",
                        re.I)


def names_no_unit(name: str) -> bool:
    """A lead that points at a unit without naming it ("đơn vị nêu trên", "Công ty")."""
    return _REFERENCE.match(" ".join(name.split()).strip(" .,;")) is not None


UNNAMED_UNIT = "văn bản không nêu tên đơn vị cụ thể"
UNRESOLVED_GROUP = "nhóm đơn vị chưa xác định được đơn vị cụ thể"
EMPTY_GROUP = "nhóm đơn vị chưa có đơn vị nào trong danh bạ"


def _over_places(name: str) -> bool:
    """A lead that is one unit's name over every place of a level ("Sở Y tế các tỉnh"): a directory without such a
    unit has none of the group, which is said plainly (not "which ones?")."""
    group = read_group(name)
    return group is not None and bool(group.named) and not group.some
OTHERS_THAN_NAMED = "ngoài các đơn vị đã có nhiệm vụ riêng"


def _lead_guess(name: str, guess: UnitGuess | None, *, each: bool = True, number: int | None = None,
                named: set[str] | frozenset[str] = frozenset(), every_member: bool = False,
                written: Sequence[str] = ()) -> str:
    """A lead as written and what it comes to in the directory: the unit and who is given the task, or a
    group's members (`each`: say that each gets the task, unless the line above says it) and the units it leaves
    out, but those the task's other leads name (`named`) (to add, the task's `number` in the example). A directory
    unit without marks is named as the notice (`written`) spells it, as every other message does (`marked_spelling`;
    the “(trong danh bạ: …)” label keeps the directory's)."""
    if guess is None:
        return name
    if names_no_unit(name) and not guess.unit_name and not guess.members and not guess.person:
        return f"{name} ({UNNAMED_UNIT})"  # how to name it: once, in the warning under the tasks (s19 newuser P9)
    if guess.group:
        if guess.others:  # "các bộ, ban, ngành khác": the notice's own leads are not among them
            name = f"{name} ({OTHERS_THAN_NAMED})"
        if not guess.members and guess.others:
            drop = f"; nếu không cần giao, đồng chí gõ “bỏ {number}”" if number is not None else ""
            return f"{name}: danh bạ không còn đơn vị nào khác thuộc nhóm này{drop}"
        if not guess.members and _over_places(name):
            return f"{name} (nhóm đơn vị; danh bạ chưa có đơn vị nào thuộc nhóm này, đồng chí ghi rõ tên đơn vị " \
                "để giao)"
        if not guess.members:
            every = _every_form(name)
            hint = f", hoặc ghi “tất cả {every}” để giao cho mọi đơn vị như vậy trong danh bạ" if every else ""
            return f"{name} (nhóm đơn vị; chưa xác định được đơn vị cụ thể, đồng chí ghi rõ tên đơn vị để giao{hint})"
        if len(guess.members) == 1 and not guess.left_out and _over_places(name):
            # "Sở Y tế các tỉnh", the directory has one province's: that unit, as any lead is said
            (unit, head), = guess.members
            who = f"giao đ/c {head}" if head else "đơn vị chưa có trưởng đơn vị"
            return f"{name} (trong danh bạ: {marked_spelling(unit, written)}, đơn vị duy nhất của nhóm) — {who}"
        names = [marked_spelling(unit, written) for unit, _ in guess.members]
        shown = _some_units(names, len(names) if every_member else GROUP_SHOWN)  # (a task shown whole: all)
        headless = sum(1 for _, head in guess.members if head is None)
        missing = f"; {headless} đơn vị chưa có trưởng đơn vị" if headless else ""
        each_one = ", mỗi đơn vị một nhiệm vụ" if each else ""
        left = _left_out(name, guess, number, named, written)
        return f"{name} — {len(names)} đơn vị trong danh bạ{each_one}: {shown}{missing}{left}"
    if guess.person:
        return f"{name} — giao đ/c {guess.head_name}"
    if guess.unit_name is None:
        return f"{name} (chưa có trong danh bạ)"
    who = f"giao đ/c {guess.head_name}" if guess.head_name else "đơn vị chưa có trưởng đơn vị"
    name = marked_spelling(name, written)  # (a correction's lead is the directory's own name: "So Xay dung")
    return f"{name}{_as_in_directory(name, guess.unit_name)} — {who}"


def _some_units(units: Sequence[str], cap: int) -> str:
    """Units named up to `cap`, then how many more ("Thôn 1, …, Thôn 6 và 3 đơn vị khác"); one more than the cap is
    named too ("và 1 đơn vị khác" is no shorter than its name)."""
    cut = len(units) if len(units) <= cap + 1 else cap
    return ", ".join(units[:cut]) + (f" và {len(units) - cut} đơn vị khác" if len(units) > cut else "")


def _left_out(name: str, guess: UnitGuess, number: int | None, named: set[str] | frozenset[str],
              written: Sequence[str] = ()) -> str:
    """The directory's units a group leaves out ("các phòng": the Chi cục), but those named beside it, and how to
    add them (spelled as `_lead_guess` does)."""
    left = [marked_spelling(unit, written) for unit in guess.left_out if unit not in named]
    if not left:
        return ""
    shown = _some_units(left, GROUP_SHOWN)
    example = f" (ví dụ “{number}: {name}, {left[0]}”)" if number is not None else ""
    return f"; không gồm: {shown} — nếu cần giao cả các đơn vị này, đồng chí ghi thêm vào chủ trì{example}"


def _as_in_directory(name: str, unit_name: str) -> str:
    """The directory's name of a unit, only when it differs from the wording typed or read (and no score)."""
    same = " ".join(unit_name.lower().split()) == " ".join(name.lower().split())
    return "" if same else f" (trong danh bạ: {unit_name})"


def reaches_nobody(parsed: ParsedNotice, draft: Draft) -> bool:
    """No task of the draft would reach anyone, and a lead names no unit ("đơn vị nêu trên") or there is none: no
    directory file will ever give those tasks a holder, so confirming now registers work nobody is reminded of. (Leads
    the directory merely lacks are confirmed at once: they are assigned when the directory has them.)"""
    unreached = [_unreached(t.lead, draft) for t in parsed.tasks]
    return bool(parsed.tasks) and \
        all(len(names) >= max(len(t.lead), 1) for names, t in zip(unreached, parsed.tasks, strict=True)) and \
        any(name == "?" or names_no_unit(name) for names in unreached for name in names)


def _by_unreached(nobody: Sequence[tuple[int, Sequence[str]]]) -> dict[tuple[str, ...], list[int]]:
    """Tasks (preview number, leads nobody would receive) of the same leads said together: "số 3, 4, 5 (Cơ quan
    chuyên môn)", not the unit after each number."""
    by_names: dict[tuple[str, ...], list[int]] = {}
    for i, names in nobody:
        by_names.setdefault(tuple(names), []).append(i)
    return by_names


def nobody_would_receive(parsed: ParsedNotice, draft: Draft) -> str:
    """Asked again when **Xác nhận** would register a notice none of whose tasks anyone receives, a lead naming no
    unit (probe 20 F7): which tasks and why, and the line that names their unit."""
    by_names = _by_unreached([(i, _unreached(task.lead, draft))
                              for i, task in zip(draft.numbers, parsed.tasks, strict=True)])

    def why(names: tuple[str, ...]) -> str:
        if names == ("?",):
            return "chưa có đơn vị chủ trì"
        unnamed = all(names_no_unit(n) for n in names)
        return f"{', '.join(names)} — " + ("văn bản không nêu tên đơn vị cụ thể" if unnamed else "chưa có người nhận")

    listed = "; ".join(f"số {', '.join(str(i) for i in numbers)} ({why(names)})" for names, numbers in by_names.items())
    found = [g.unit_name for g in draft.guesses.values() if g.unit_name and g.head_name]
    example = f"“{draft.numbers[0]}: {found[0] if found else 'Công ty …'}”"
    return vn(f"Chưa xác nhận: chưa nhiệm vụ nào có người nhận — nhiệm vụ {listed}; xác nhận lúc này sẽ không ai "
              f"được giao và nhắc việc.\nĐồng chí ghi tên đơn vị chủ trì, ví dụ {example} (nhiều đơn vị: cách nhau "
              "bằng dấu phẩy), rồi bấm Xác nhận. Nếu vẫn muốn xác nhận như hiện tại, đồng chí gõ “vẫn xác nhận”.")


def _unreached(lead: tuple[str, ...], draft: Draft) -> list[str]:
    """The leads as written that would reach nobody: not in the directory, without a head, a group none of
    whose members has one; ["?"] for a task with no lead at all."""
    if not lead:
        return ["?"]
    out = []
    for name in lead:
        guess = draft.guesses.get(name)
        if guess is not None and not (guess.head_name or any(head for _, head in guess.members)):
            out.append(name)
    return out


ALIKE_MIN = 3  # the same unit added to or taken from this many tasks or more: said in one line
_ALIKE_SAID = {"lead_add": "Đã thêm {v} làm chủ trì nhiệm vụ {n}",
               "support_add": "Đã thêm {v} phối hợp cho nhiệm vụ {n}",
               "lead_remove": "Đã bỏ {v} khỏi chủ trì nhiệm vụ {n}",
               "support_remove": "Đã bỏ {v} khỏi phối hợp nhiệm vụ {n}"}


def _alike_correction(applied: Sequence[Applied]) -> str | None:
    """One unit added to (or taken from) several tasks alike, as a range typed ("28-43: thêm Văn phòng Sở") does:
    that, in one line with the tasks' numbers and items — the tasks as they now read are in "xem tất cả" (probe 42,
    #7: 16 tasks echoed with all their leads, in 3 messages); None for anything else."""
    if len(applied) < ALIKE_MIN or len({(a.field, a.value) for a in applied}) != 1:
        return None
    first = applied[0]
    if first.field not in _ALIKE_SAID or not isinstance(first.value, str) or \
            any(a.number is None or a.unsupported or a.before for a in applied):
        return None
    numbers = sorted(a.number or 0 for a in applied)
    refs = [a.ref for a in sorted(applied, key=lambda a: a.number or 0) if a.ref]
    one_run = numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    items = f" (Mục {refs[0]}–{refs[-1]})" if one_run and len(refs) == len(applied) else ""
    return vn(_ALIKE_SAID[first.field].format(v=first.value, n=_spans(numbers)) + f"{items}.")


CORRECTED_FIELDS = {"lead": "chủ trì", "lead_remove": "bỏ khỏi chủ trì", "lead_add": "thêm chủ trì",
                    "support": "phối hợp", "support_add": "thêm phối hợp", "support_remove": "bỏ khỏi phối hợp",
                    "due": "thời hạn", "recurring": "định kỳ",
                    "text": "nội dung", "ref": "số mục",
                    "number": "số văn bản", "date": "ngày văn bản", "subject": "trích yếu", "signer": "người ký"}


def _header_back(parsed: ParsedNotice, undone: Sequence[Applied]) -> list[str]:
    """After "hoàn tác": what a header field taken back reads again ("số văn bản nay là 311/TB-UBND"), so the admin
    sees the value kept, not only the one taken back (a task's fields show under "Sau khi hoàn tác")."""
    values = {"number": parsed.number, "date": date_vn(parsed.date) if parsed.date else None,
              "subject": parsed.subject, "signer": parsed.signer}
    fields = dict.fromkeys(a.field for a in undone if a.number is None and a.field in values)
    return [f"  ({CORRECTED_FIELDS[f]} nay là: {shorten(value, 80)})" if (value := values[f]) else
            f"  (văn bản nay chưa có {CORRECTED_FIELDS[f]})" for f in fields]


def correction_lines(applied: Sequence[Applied]) -> list[str]:
    """What the corrections changed, each on its line, naming the task as the preview does."""
    lines = [f"Đã sửa {len(applied)} nội dung:"]
    for a in applied:
        task = f"nhiệm vụ {a.number} (Mục {a.ref})" if a.number is not None else ""
        if a.field == "drop":
            lines.append(f"• bỏ {task}")
        elif a.field == "add":
            lines.append(f"• thêm {task}: {shorten(str(a.value), 80)}")
        else:
            value = date_vn(a.value) if isinstance(a.value, dt.date) else (a.value or "không có")
            where = f"{task}, " if task else ""
            if a.field == "due" and a.counted:  # "hạn 15 ngày kể từ ngày ký (23/02/2018): đến 10/03/2018"
                lines.append(f"• {where}hạn {a.counted}: đến {value}")
                continue
            if a.field == "ref":  # "• nhiệm vụ 3: số mục 2.d.a (trước đây: Mục 1.đ.a)"
                lines.append(f"• nhiệm vụ {a.number}: số mục {value}"
                             + (f" (trước đây: Mục {a.before})" if a.before else ""))
                continue
            if a.field == "support" and a.before:  # the list replaced, not added to: said, with how to add
                first = shorten(str(a.value), 80).split("; ")[0]
                lines.append(f"• {where}thay danh sách phối hợp: {shorten(value, 80)} (trước đây: "
                             f"{shorten(a.before, 80)}; để giữ đơn vị cũ và thêm đơn vị mới, đồng chí gõ "
                             f"“{a.number} thêm phối hợp {first}”)")
                continue
            lines.append(f"• {where}{CORRECTED_FIELDS[a.field]}: {shorten(value, 80)}")
            if a.unsupported:  # the new lead was a supporting unit of the task
                lines.append(f"  (bỏ {'; '.join(a.unsupported)} khỏi phối hợp vì đã là đơn vị chủ trì)")
    return lines


def draft_task_text(number: int, task: ParsedTask, *, today: dt.date | None = None,
                    guesses: dict[str, UnitGuess] | None = None,
                    explain: Callable[[dt.date], str | None] | None = None,
                    misread: Sequence[Misread] = (), written: Sequence[str] = ()) -> str:
    """One task of a draft, whole (the preview shortens long texts), its leads as the directory reads them
    (`guesses`: a group's units, who is given the task). `explain`: the calendar's `explain_deadline`, as the
    preview has it (a deadline on a day off, the first round of a duty). `misread`: its words OCR probably misread,
    and how to give the wording whole."""
    lines = [f"Nhiệm vụ {number} [Mục {task.ref}]:", task.text]
    if misread:
        lines.append(f"({misread_said(misread)}; để sửa, đồng chí gõ “{number} nd: …” với toàn văn đã sửa.)")
    if guesses is not None:
        lines += _lead_lines(number, task, guesses, indent="", every_member=True, written=written)
    elif task.lead:
        lines.append(f"• Chủ trì: {_units(task.lead)}")
    if task.support:
        lines.append(f"• Phối hợp: {_units(task.support)}")
    rounds = _first_round(task, today, explain) if task.recurrence else None
    lines.append(f"• Thời hạn: {_deadline_said(task, rounds)}")
    due = rounds.occurrence.due_on if rounds is not None and rounds.occurrence is not None else task.due
    if due and explain is not None and (moved := explain(due)):
        lines.append(f"  ({moved})")
    if rounds is not None and rounds.occurrence is not None and rounds.skipped is not None:
        lines.append(f"  ({_skipped_round(rounds.skipped, today)})")
    if task.recurrence:
        lines.append(f"• Định kỳ: {RECURRENCE_LABELS.get(task.recurrence, task.recurrence)}")
    return vn("\n".join(lines))


def no_draft_task(which: str) -> str:
    """`which`: a preview number ("3") or an item number ("Mục 2.1")."""
    return vn(f"Danh sách không có nhiệm vụ {which if which.startswith('Mục') else 'số ' + which}.")


ASSIGNED_BY_PERSON_FROM = 10  # items in a notice from which the confirm answer lists them by person (probe 24 #13)


ITEMS_SAID_PIECES = 8  # pieces ("2.2.a–d", "3") a list of items says before "và N mục khác"


def items_said(refs: Sequence[str], known: Iterable[str] = (), *, limit: int = ITEMS_SAID_PIECES,
               breaks: Iterable[int] = ()) -> str:
    """Item numbers said short, in the notice's order: "mục 2.1–2.4, 3 và 5 (6 nhiệm vụ)". A run is three or more
    siblings in a row — one level, one parent, none left out ("2.2.a–d", "II.1–II.4") — never "2–4" across levels;
    the count is said when a run or the cut hides some; past `limit` pieces, "và N mục khác". `known`: the notice's
    other item numbers (`ref_runs`); `breaks`: where in `refs` another notice's items begin (no run across them)."""
    known = list(known)
    cuts = [0, *sorted(b for b in breaks if 0 < b < len(refs)), len(refs)]
    spans: list[list[str]] = []
    for start, end in itertools.pairwise(cuts):
        for run in ref_runs(refs[start:end], known):
            spans += [run] if len(run) > 2 else [[ref] for ref in run]
    pieces = [f"{span[0]}–{_run_end(span)}" if len(span) > 1 else span[0] for span in spans]
    count = sum(len(span) for span in spans)
    if len(pieces) > limit:
        pieces = [*pieces[:limit - 1], f"{sum(len(span) for span in spans[limit - 1:])} mục khác"]
    said = "mục " + (f"{', '.join(pieces[:-1])} và {pieces[-1]}" if len(pieces) > 1 else pieces[0])
    return said + (f" ({count} nhiệm vụ)" if count > len(pieces) else "")


def _run_end(run: Sequence[str]) -> str:
    """A run's last item as said after "–": a letter alone ("2.2.a–d"), a number in full ("2.1–2.4", not "2.1–4"
    that reads as up to item 4)."""
    last = run[-1].rpartition(".")[2]
    return last if "." in run[-1] and last.isalpha() and len(last) == 1 else run[-1]


def _assigned_by_person(result: Registered) -> list[str]:
    """The confirm answer of a long notice: one line a person — "• đ/c Tran Van Cong (Bộ Lao động - Thương binh và Xã
    hội): mục III.1.a–s và III.7.c (19 nhiệm vụ)" — not a line an item with the same name nineteen times."""
    known = [ref for ref, _ in (*result.assigned, *result.unassigned)]
    held: dict[str, list[str]] = {}
    for ref, name in result.assigned:
        held.setdefault(name, []).append(ref)
    return [f"• đ/c {name}{f' ({unit})' if (unit := result.units.get(name)) else ''}: {items_said(refs, known)}"
            for name, refs in held.items()]


def told_later(at: dt.datetime) -> str:
    """When the people a message outside working hours is about hear of it: "người nhận sẽ được báo lúc 08:00 thứ
    Ba 27/02/2018"."""
    local = at.astimezone(VN_TZ)
    return f"người nhận sẽ được báo lúc {local:%H:%M} {WEEKDAYS[local.weekday()]} {date_vn(local.date())}"


def copy_held(names: Sequence[str], at: dt.datetime) -> str:
    """Under the writer's confirmation outside working hours: the copy to the head waits for the morning."""
    local = at.astimezone(VN_TZ)
    who = ", ".join(f"đ/c {name}" for name in names)
    return vn(f"(Ngoài giờ làm việc: {who} sẽ nhận được cập nhật này lúc {local:%H:%M} "
              f"{WEEKDAYS[local.weekday()]} {date_vn(local.date())}.)")


def registered_text(result: Registered, rounds: Sequence[tuple[str, str, dt.date]] = (),
                    unconnected: Sequence[tuple[str, str, int]] = (),
                    overdue: Sequence[tuple[str, dt.date]] = (), told_at: dt.datetime | None = None) -> str:
    """`told_at`: confirmed outside working hours, the assignees are told then (the next working morning);
    `rounds`: each recurring item's first round (item ref, round label, deadline); `unconnected`: the people
    given tasks whom Nhắc việc cannot reach yet (name, handle, how many tasks) — said at once, not found weeks later
    in /loi (probe 19: a Chi cục's 17 tasks went unreminded for three weeks); `overdue`: the items whose deadline
    had passed when confirmed (item ref, deadline) — said again here, not first heard of from a head told "đã quá
    hạn" (probe 24 #2)."""
    lines = [f"Đã xác nhận {in_sentence(result.title)}: {result.task_count} nhiệm vụ."]
    if overdue:
        listed = ", ".join(f"Mục {ref} (hạn {date_vn(due)})" for ref, due in overdue)
        lines += ["", f"Lưu ý: {len(overdue)} nhiệm vụ đã quá hạn ngay khi giao: {listed} — người nhận được báo là "
                      f"đã quá hạn. Nếu hạn chưa đúng, đồng chí gõ “{overdue[0][0]} hạn "
                      "…/…/…” để sửa."]
    if result.assigned:  # an item given to several units (a group, a list) on one line
        given: dict[str, list[str]] = {}
        for ref, name in result.assigned:
            given.setdefault(ref, []).append(name)
        heading = "Đã giao:" if told_at is None else f"Đã giao (ngoài giờ làm việc: {told_later(told_at)}):"
        if len(given) >= ASSIGNED_BY_PERSON_FROM and len(given) > len({name for _, name in result.assigned}):
            lines += ["", heading, *_assigned_by_person(result)]
        else:
            lines += ["", heading] + [f"• Mục {ref} → đ/c {names[0]}" if len(names) == 1 else
                                         f"• Mục {ref} → {len(names)} đồng chí: {', '.join(names)}"
                                         for ref, names in given.items()]
    if result.unassigned:
        vague = [ref for ref, unit in result.unassigned if unit and vague_group(unit)]
        lines += ["", "Chưa giao được:" if vague else
                  "Chưa giao được (đơn vị chưa có trong danh bạ hoặc chưa có trưởng đơn vị):"]
        waiting: dict[str, list[str]] = {}
        for ref, unit in result.unassigned:
            waiting.setdefault(ref, []).append(unit or "chưa xác định đơn vị chủ trì")
        lines += [f"• Mục {ref}: {'; '.join(units)}" for ref, units in waiting.items()]
        unnamed = [ref for ref, unit in result.unassigned if unit and names_no_unit(unit)]
        no_unit = [ref for ref, unit in result.unassigned if not unit]  # no directory file can give these a unit
        unnamed += no_unit
        if vague:  # "Các sở, ban, ngành liên quan": no directory row is that; the office names the units (probe 21)
            lines.append(vague_group_advice(list(dict.fromkeys(vague)),
                                            [ref for ref, _ in (*result.assigned, *result.unassigned)]))
        if len(unnamed) + len(vague) < len(result.unassigned) and vague:
            lines.append("Các đơn vị còn lại chưa có trong danh bạ hoặc chưa có trưởng đơn vị: đồng chí gửi tệp danh "
                         "bạ (Excel hoặc CSV) có các đơn vị ấy và trưởng đơn vị vào đây: các nhiệm vụ ấy được giao "
                         "ngay khi nhập xong.")
        elif len(unnamed) < len(result.unassigned) and not vague and no_unit:  # the others: named, not the file's
            listed = ", ".join(dict.fromkeys(ref for ref, _ in result.unassigned if ref not in unnamed))
            lines.append(f"Mục {listed}: đồng chí gửi tệp danh bạ (Excel hoặc CSV) có đơn vị và trưởng đơn vị này vào "
                         "đây: nhiệm vụ được giao ngay khi nhập xong.")
        elif len(unnamed) < len(result.unassigned) and not vague:
            lines.append("Đồng chí gửi tệp danh bạ (Excel hoặc CSV) có đơn vị và trưởng đơn vị này vào đây: các nhiệm "
                         "vụ trên được giao ngay khi nhập xong.")
        if unnamed and len(no_unit) < len(unnamed):  # "đơn vị nêu trên": no directory has it; the office names it
            named_none = [ref for ref in unnamed if ref not in no_unit]
            lines.append(f"Văn bản không nêu tên đơn vị ở mục {', '.join(dict.fromkeys(named_none))}: đồng chí gõ "
                         f"“chuyển mục {named_none[0]} sang <tên đơn vị>” để giao.")
        if no_unit:
            lines.append(no_unit_hint(no_unit))
    if unconnected:
        lines += ["", f"Người nhận chưa kết nối Nhắc việc, chưa nhận được thông báo giao việc và nhắc việc "
                      f"({len(unconnected)}):"]
        lines += [f"• đ/c {name} (@{handle}): {count} nhiệm vụ" for name, handle, count in unconnected]
        lines.append(f"{invite_how(unconnected[0][1], unconnected[0][0])}; khi kết nối, người đó nhận ngay danh "
                     "sách nhiệm vụ.")
    if rounds:
        lines += ["", "Nhiệm vụ định kỳ, kỳ đầu:"]
        for ref, label, due in rounds:
            name = round_name(label)
            lines.append(f"• Mục {ref}: {name}" + ("" if date_vn(due) in name else f", hạn {date_vn(due)}"))
    return vn("\n".join(lines))


CANCELLED = vn("Đã hủy. Không nhiệm vụ nào được giao từ văn bản này.")
OCR_NOTE = ("Văn bản được đọc bằng nhận dạng chữ (OCR) nên có thể sai chính tả; đồng chí kiểm tra trích yếu và nội "
            "dung, sửa bằng “trích yếu: …” hoặc “3 nd: …”.")
# pasted text that reads as an OCR reading copied in (`bot.ocrwords.pasted_from_ocr`)
OCR_PASTED_NOTE = ("Văn bản dán vào có vẻ được chép từ bản nhận dạng chữ (OCR) nên có thể sai chính tả; đồng chí kiểm "
                   "tra trích yếu và nội dung, sửa bằng “trích yếu: …” hoặc “3 nd: …”.")
OCR_PASTED_HEAD = ("Văn bản dán vào có vẻ được chép từ bản nhận dạng chữ (OCR); các chỗ sau có thể sai chữ, đồng chí "
                   "kiểm tra lại (đối chiếu với bản gốc):")


def _has_number(number: str | None) -> bool:
    """A notice number with its digits ("125/TB-UBND"); a draft's blank "Số: /TB-UBND" has none."""
    return bool(number) and any(c.isdigit() for c in number or "")


def missing_header_lines(parsed: ParsedNotice) -> list[str]:
    """One line, near the top of a preview, when the notice has no number, no date or no subject (drafts and portal
    copies leave "Số: /TB-UBND" blank; a plan's title may not be read): how to type them, since /huy and the reports
    name a notice by its number, and a report forwarded says what the notice is about by its subject (probe 19:
    "Phạm vi: Kế hoạch số 1234/KH-SCT" said nothing of what the plan was)."""
    no_number, no_date = not _has_number(parsed.number), parsed.date is None
    no_subject = not (parsed.subject or "").strip()
    subject = ("đồng chí gõ “trích yếu: …” để báo cáo gửi lãnh đạo nêu rõ văn bản về việc gì."
               if no_subject else "")
    # placeholders, not a plausible number or today's date a hurried clerk might copy
    number = f"số: …{parsed.number}" if parsed.number and parsed.number.startswith("/") else "số: …"
    date = "ngày: …/…/…"
    if no_number and no_date:
        line = (f"Lưu ý: văn bản chưa có số và ngày — đồng chí gõ “{number}” và “{date}” (số, ngày thật của văn "
                "bản) để tra cứu, báo cáo và hủy theo số về sau.")
    elif no_number:
        line = (f"Lưu ý: văn bản chưa có số — đồng chí gõ “{number}” (số thật của văn bản) để tra cứu, báo cáo và "
                "hủy theo số về sau.")
    elif no_date:
        line = f"Lưu ý: văn bản chưa có ngày — đồng chí gõ “{date}” (ngày thật của văn bản)."
    else:
        return [f"Lưu ý: chưa đọc được trích yếu của văn bản — {subject}"] if no_subject else []
    return [f"{line} Chưa đọc được trích yếu: {subject}" if no_subject else line]


def _when_vn(at: dt.datetime | None) -> str:
    if at is None:
        return ""
    local = at.astimezone(VN_TZ)
    return f" lúc {local:%H:%M} ngày {local:%d/%m/%Y}"


def already_registered(before: NoticeChoice) -> str:
    """On receipt of a notice already confirmed: no preview (its confirmation would be refused), what it was and
    what to do."""
    text = (f"Văn bản này đã được xác nhận trước đây: {in_sentence(before.title)} (mã #{before.notice_id} trong Nhắc "
            f"việc), xác nhận{_when_vn(before.closed_at)}, {before.task_count} nhiệm vụ. Nhắc việc "
            "không giao việc lần thứ hai nên không lập danh sách mới; đồng chí không cần làm gì thêm.\n"
            "Nếu cần giao lại từ đầu (văn bản cũ sai), đồng chí hủy văn bản cũ: "
            f"/huy #{before.notice_id} lý do: …, rồi gửi lại văn bản này.")
    return vn(text)


def _twin_named(twin: NoticeChoice) -> str:
    """"ngày 28/06/2018: Quyết định số 773/QĐ-TTg — “Ban hành Kế hoạch …” (mã #1, 45 nhiệm vụ)": when a confirmed
    notice was confirmed, its number and subject."""
    when = f"ngày {date_vn(twin.closed_at.astimezone(VN_TZ).date())}" if twin.closed_at else "trước đây"
    subject = f" — “{shorten(twin.subject, 120)}”" if twin.subject and "“" not in twin.title else ""
    return f"{when}: {in_sentence(twin.title)}{subject} (mã #{twin.notice_id}, {twin.task_count} nhiệm vụ)"


def twin_lines(draft: Draft, *, short: bool = False) -> list[str]:
    """Near the top of a preview: the confirmed notice this draft repeats — surely (confirming is refused) or probably
    (same number and issuer, a date unknown: confirming asks again) (probe 24 #1)."""
    twin = draft.twin
    if twin is None:
        return []
    if not twin.likely:
        line = (f"Lưu ý: văn bản này đã được xác nhận {_twin_named(twin)}. Nhắc việc không giao việc lần thứ hai; "
                "đồng chí bấm Hủy (gõ “hủy”).")
        return [line] if not short else [f"Lưu ý: văn bản này đã được xác nhận {_twin_named(twin)}."]
    line = f"Lưu ý: văn bản này có vẻ đã được xác nhận {_twin_named(twin)} — {_twin_why(twin)}."
    if short:
        return [line]
    other = ("là văn bản khác (ví dụ kế hoạch của năm sau), đồng chí gõ số và ngày của văn bản (“số: …”, “ngày: …”)"
             if twin.same_tasks else "là văn bản ban hành lại có sửa đổi")
    return [f"{line} Nếu đúng là văn bản ấy, đồng chí bấm Hủy (gõ “hủy”) để không giao việc lần thứ hai; nếu {other}, "
            "đồng chí vẫn xác nhận được (Nhắc việc sẽ hỏi lại trước khi giao)."]


def _twin_why(twin: NoticeChoice) -> str:
    return "chưa có số, cùng các nhiệm vụ" if twin.same_tasks else "cùng số, cùng cơ quan ban hành"


def twin_question(draft: Draft) -> str:
    """At «Xác nhận», a draft that probably repeats a confirmed notice: asked before its tasks are given a second
    time, with the two choices."""
    twin = draft.twin
    assert twin is not None
    example = "kế hoạch của năm sau" if twin.same_tasks else "văn bản ban hành lại có sửa đổi"
    old = ("khi đó nên gõ số và ngày của văn bản (“số: …”, “ngày: …”) trước;" if twin.same_tasks else
           f"khi đó nên hủy văn bản cũ: /huy #{twin.notice_id} lý do: thay bằng văn bản mới;")
    return vn(f"Chưa xác nhận: văn bản này có vẻ đã được xác nhận {_twin_named(twin)} — {_twin_why(twin)}. "
              f"Xác nhận lần nữa sẽ giao lại các nhiệm vụ: mỗi đơn vị nhận thêm một lần giao việc và nhắc việc.\n"
              "Đồng chí chọn:\n"
              f"• “{BUTTON_CONFIRM_AGAIN.lower()}” — giao việc theo văn bản này (ví dụ {example}); {old}\n"
              "• “hủy” — bỏ bản này, giữ văn bản đã xác nhận.")


def notice_choice_line(choice: NoticeChoice) -> str:
    """"• #12 — Thông báo về cuộc làm việc ngày 22/04/2026: “Kết luận … quy hoạch chung …” — ngày 23/04/2026,
    9 nhiệm vụ": enough to tell apart notices without a number."""
    parts = [f"• #{choice.notice_id} — {choice.title}"]
    if choice.subject and "“" not in choice.title:  # (a title without number or date is the subject)
        parts[0] += f": “{shorten(choice.subject, 120)}”"
    if choice.issued_on is None and choice.closed_at:  # (the title has the notice's date when it has one)
        parts.append(f"xác nhận ngày {date_vn(choice.closed_at.astimezone(VN_TZ).date())}")
    parts.append(f"{choice.task_count} nhiệm vụ" + (" (đã hủy)" if choice.withdrawn else ""))
    return " — ".join(parts)


def withdraw_usage(recent: Sequence[NoticeChoice]) -> str:
    """/huy alone: the syntax, and the newest notices with their #N (a notice without a number is named so)."""
    if not recent:
        return WITHDRAW_USAGE
    lines = [WITHDRAW_USAGE, "", "Các văn bản đã xác nhận gần đây (văn bản chưa có số thì ghi mã #):"]
    lines += [notice_choice_line(c) for c in recent]
    lines.append(f"Ví dụ: /huy #{recent[0].notice_id} lý do: nhầm văn bản")
    return vn("\n".join(lines))


def _given_first(moved: LeadMoved) -> bool:
    """A move of a task that had no unit and nobody: the task is given, not moved "từ chưa xác định"."""
    return moved.old_unit == "chưa xác định" and moved.previous_name is None


def lead_moved_by_leader(name: str, leader: str, moved: LeadMoved) -> str:
    was = f" (đ/c {moved.previous_name})" if moved.previous_name else ""
    if _given_first(moved):
        return vn(f"Kính gửi đồng chí {name}, đ/c {leader} đã giao mục {moved.item_ref} "
                  f"({in_sentence(moved.notice_title)}) cho {moved.new_unit} chủ trì — đ/c {moved.head_name} nhận "
                  "và đã được báo.")
    return vn(f"Kính gửi đồng chí {name}, đ/c {leader} đã chuyển nhiệm vụ mục {moved.item_ref} "
              f"({in_sentence(moved.notice_title)}) từ {moved.old_unit}{was} sang {moved.new_unit} chủ trì — giao đ/c "
              f"{moved.head_name}. Hai bên đã được báo.")


def lead_moved_text(moved: LeadMoved) -> str:
    was = f" (đ/c {moved.previous_name})" if moved.previous_name else ""
    if _given_first(moved):
        text = (f"Đã giao mục {moved.item_ref} ({in_sentence(moved.notice_title)}) cho {moved.new_unit} chủ trì — "
                f"đ/c {moved.head_name} nhận và đã được báo. Thời hạn và đơn vị phối hợp giữ nguyên.")
    else:
        text = (f"Đã chuyển nhiệm vụ mục {moved.item_ref} ({in_sentence(moved.notice_title)}) từ {moved.old_unit}"
                f"{was} sang {moved.new_unit} chủ trì — giao đ/c {moved.head_name}. Thời hạn, đơn vị phối hợp và lịch "
                "sử giữ nguyên; Nhắc việc nhắc người nhận mới từ lần nhắc tiếp theo. Hai bên đã được báo.")
    if moved.pending_due is not None:
        text += (f"\nLưu ý: đề nghị gia hạn đến {date_vn(moved.pending_due)} của đ/c {moved.pending_by} đang chờ ý "
                 f"kiến; khi có quyết định, Nhắc việc báo đ/c {moved.head_name} (người nhận mới).")
    return vn(text)


def _edited_change(edited: TaskEdited, explain: Callable[[dt.date], str | None] | None) -> str:
    if edited.field == "text":
        return f"nội dung được chỉnh sửa thành: “{shorten(edited.text or '', 600)}”"
    if edited.field == "ref":
        return f"số mục được sửa từ {edited.ref_before} thành {edited.item_ref} theo văn bản"
    befores = {d for d in edited.due_before.values()}
    before = date_vn(next(iter(befores))) if len(befores) == 1 and None not in befores else None
    after = date_vn(edited.due) if edited.due else "không có thời hạn"
    moved = explain(edited.due) if explain is not None and edited.due else None
    return (f"thời hạn được điều chỉnh từ {before} thành {after}" if before else f"thời hạn mới: {after}") + \
        (f" ({moved})" if moved else "")


def task_edited_text(edited: TaskEdited, *, explain: Callable[[dt.date], str | None] | None = None) -> str:
    """The answer to an admin's (or a leader's) correction of a confirmed item; what the office hears of a leader's."""
    units = list(dict.fromkeys(u for _, _, u in edited.holders if u))
    whose = (f" — {len(units)} đơn vị: {'; '.join(units)}" if len(units) > 1 else f" — {units[0]}" if units else "")
    text = (f"Mục {edited.item_ref} ({in_sentence(edited.notice_title)}){whose}: {_edited_change(edited, explain)} "
            f"(đ/c {edited.by_name}).")
    text += (" Nhắc việc nhắc theo thời hạn mới từ lần nhắc tiếp theo; người phụ trách đã được báo."
             if edited.field == "due" else " Người phụ trách đã được báo.")
    return vn(text)


def task_edited_told(name: str, edited: TaskEdited, *,
                     explain: Callable[[dt.date], str | None] | None = None) -> str:
    """To the holder of a confirmed item the office corrected from the paper."""
    text = (f"Kính gửi đồng chí {name},\nNhiệm vụ mục {edited.item_ref} theo {in_sentence(edited.notice_title)}: "
            f"{_edited_change(edited, explain)} (đ/c {edited.by_name} cập nhật).")
    if edited.field == "ref":  # the number the holder types from now on
        text += f"\nTừ nay đồng chí báo cáo theo số mục mới, ví dụ: “{edited.item_ref} xong”."
    return vn(text)


def lead_moved_assignment_text(name: str, moved: LeadMoved, buttons: bool, today: dt.date | None = None) -> str:
    """To the head of the unit a task was moved to: the task, where it comes from, and where it stands."""
    late = " — đã quá hạn, đề nghị khẩn trương thực hiện" if moved.due_on and today and moved.due_on < today else ""
    deadline = ("hạn " + date_vn(moved.due_on) if moved.due_on else "không có thời hạn") + late
    was = f" (đ/c {moved.previous_name})" if moved.previous_name else ""
    moved_from = "giao" if _given_first(moved) else f"chuyển từ {moved.old_unit}{was} sang"
    lines = [f"Kính gửi đồng chí {name},",
             f"Nhiệm vụ sau theo {in_sentence(moved.notice_title)} được {moved_from} đơn vị đồng chí chủ trì:",
             f"• Mục {moved.item_ref}: {short_title(moved.text)} — {deadline}"]
    status = TaskStatus(moved.status)
    asked = status == TaskStatus.EXTENSION_REQUESTED and moved.pending_due is not None and moved.percent is None
    if not asked and (status != TaskStatus.OPEN or moved.percent is not None or moved.note):
        state = (f"{moved.percent}% — " if moved.percent is not None else "") + STATUS_LABELS[status]
        if moved.note:
            state += f"; ghi chú gần nhất: “{shorten(note_body(moved.note), 160)}”" + \
                (f" ({moved.note_on:%d/%m})" if moved.note_on else "")
        lines.append(f"Tình trạng hiện tại: {state}.")
    if moved.pending_due is not None:
        lines.append(f"Đề nghị gia hạn đến {date_vn(moved.pending_due)} (của đ/c {moved.pending_by}) đang chờ ý "
                     "kiến; Nhắc việc sẽ báo đồng chí kết quả.")
    how = "trả lời tin này hoặc gõ" if buttons else "gõ"
    lines += ["", f"Để báo cáo, đồng chí {how} số mục và tình trạng, ví dụ: “{moved.item_ref} xong”, "
                  f"“{moved.item_ref} 60% vướng kinh phí”."]
    return vn("\n".join(lines))


def extension_decided_for_holder(name: str, req: ExtensionRequest, approved: bool, reason: str | None = None, *,
                                 counter: bool = False) -> str:
    """To the holder of the task when someone else asked: the task moved to them while the request waited, or a
    colleague of the unit (a deputy) asked on their task — the decision is theirs to follow."""
    by = f"đ/c {req.decided_by_name}" if req.decided_by_name else "cấp có thẩm quyền"
    whose = (f"của đ/c {req.requester_name} (trước khi nhiệm vụ chuyển sang đồng chí)" if req.requester_held else
             f"do đ/c {req.requester_name} ({req.unit_name or 'đơn vị'}) gửi"
             + (f" ngày {req.asked_at:%d/%m/%Y}" if req.asked_at else ""))
    text = (f"Kính gửi đồng chí {name}, đề nghị gia hạn nhiệm vụ mục {req.item_ref} ({in_sentence(req.notice_title)}) "
            f"đến {date_vn(req.requested_due)} {whose} đã được {by} quyết định: "
            f"{extension_outcome(req, approved, counter=counter)}.")
    if reason:
        text += f"\nÝ kiến của {by}: “{reason}”"
    return vn(text)


def extension_follows_task(name: str, req: ExtensionRequest) -> str:
    """To whoever holds a task a directory import handed them while its extension request waited."""
    current = date_vn(req.current_due) if req.current_due else "không có thời hạn cụ thể"
    return vn(f"Kính gửi đồng chí {name}, nhiệm vụ mục {req.item_ref} ({in_sentence(req.notice_title)}) nay do đồng "
              f"chí giữ có đề nghị gia hạn đến {date_vn(req.requested_due)} của đ/c {req.requester_name} (trước khi "
              f"nhiệm vụ chuyển sang đồng chí) đang chờ {req.deciders} quyết định; Nhắc việc sẽ báo đồng chí kết quả. "
              f"Trong khi chờ, thời hạn vẫn là {current}.")


def extension_rerouted(req: ExtensionRequest, calendar: WorkingCalendar | None = None) -> str:
    """To someone who decides an extension request since a directory import (the one who did left, moved, or the
    task changed hands), with the request's actions."""
    return vn("Theo danh bạ mới, đề nghị gia hạn sau đây nay chờ đồng chí quyết định:\n"
              + extension_request_text(req, calendar=calendar))


def extension_no_longer_yours(req: ExtensionRequest) -> str:
    """Under an old request message of someone a directory import left in Nhắc việc but who no longer decides it."""
    return vn(f"Theo danh bạ mới, đề nghị gia hạn nhiệm vụ mục {req.item_ref} đến {date_vn(req.requested_due)} của "
              f"đ/c {req.requester_name} nay do {req.deciders} quyết định; đồng chí không cần quyết định đề nghị này "
              "nữa.")


def extension_followed_line(req: ExtensionRequest, holder: str | None, deciders: Sequence[str]) -> str:
    """In a directory import's answer: an extension request waiting for a decision that the import touched."""
    sent = f" (đã gửi {', '.join(f'đ/c {n}' for n in deciders)})" if deciders else ""
    told = f"; đ/c {holder}, người giữ nhiệm vụ, được báo" if holder else ""
    return vn(f"Đề nghị gia hạn mục {req.item_ref} đến {date_vn(req.requested_due)} của đ/c {req.requester_name} "
              f"chưa được quyết định: nay chờ {req.deciders} quyết định{sent}{told}.")


def move_asked_text(asked: MoveAsked) -> str:
    """To a head or a cadre who typed the move form: only the office or a leader moves a task; passed on."""
    who = ", ".join(f"đ/c {p.full_name}" for p in asked.admins)
    passed = (f"Nhắc việc đã chuyển đề nghị của đồng chí đến {who} (Văn phòng)." if asked.admins else
              "Văn phòng chưa kết nối Nhắc việc; đồng chí báo trực tiếp Văn phòng.")
    head = f" Đ/c {asked.head.full_name} (trưởng đơn vị) cũng được báo." if asked.head is not None else ""
    return vn(f"Chỉ Văn phòng (quản trị viên) hoặc lãnh đạo chuyển được nhiệm vụ sang đơn vị khác; tiến độ nhiệm vụ "
              f"mục {asked.item_ref} không thay đổi. {passed}{head}")


def move_asked_to_admin(name: str, asked: MoveAsked) -> str:
    unit = f" ({asked.asker_unit})" if asked.asker_unit else ""
    return vn(f"Kính gửi đồng chí {name}, đ/c {asked.asker_name}{unit} đề nghị chuyển nhiệm vụ mục {asked.item_ref} "
              f"({in_sentence(asked.notice_title)}) sang {asked.unit_name} chủ trì. Nếu đồng ý, đồng chí gõ: "
              f"{asked.form}")


def ref_remark_text(remarked: RefRemarked) -> str:
    """To a head or a cadre who says an item carries the wrong number: not read as progress; passed to the office."""
    who = ", ".join(f"đ/c {p.full_name}" for p in remarked.admins)
    passed = (f"Nhắc việc đã chuyển ý kiến của đồng chí đến {who} (Văn phòng) để đối chiếu văn bản và sửa." if
              remarked.admins else "Văn phòng chưa kết nối Nhắc việc; đồng chí báo trực tiếp Văn phòng.")
    return vn(f"Nhắc việc không ghi tin này là tiến độ: số mục do Văn phòng (quản trị viên) sửa theo văn bản. {passed} "
              "Trong lúc chờ, đồng chí báo cáo theo số mục đang dùng (gõ /viec để xem).")


def ref_remark_to_admin(name: str, remarked: RefRemarked) -> str:
    unit = f" ({remarked.asker_unit})" if remarked.asker_unit else ""
    where = f" về {in_sentence(remarked.notice_title)}" if remarked.notice_title else ""
    how = (f"Nếu đúng, đồng chí gõ: “{remarked.form}”." if remarked.form else
           "Để sửa, đồng chí gõ số mục đang dùng và số mục đúng, mỗi lần một mục, ví dụ: “1.b số mục: 2.a”.")
    return vn(f"Kính gửi đồng chí {name}, đ/c {remarked.asker_name}{unit} báo số mục chưa đúng{where}: "
              f"“{shorten(remarked.words, 300)}”. {how}")


def ref_form_hint() -> str:
    """To an admin or a leader whose words say a number is wrong but not in a form that sets one."""
    return vn("Để sửa số mục của một nhiệm vụ đã xác nhận, đồng chí gõ số mục đang dùng và số mục đúng, mỗi lần một "
              "mục, ví dụ: “1.b số mục: 2.a” (hoặc “sửa số mục 1.b thành 2.a”); người phụ trách được báo số mục mới.")


def transfer_asked_text(asked: TransferAsked) -> str:
    """To a head or a cadre who said a task is not their unit's ("không thuộc chức năng …", "đề nghị chuyển Sở …"):
    passed on to the office, which moves it; nothing stored as progress."""
    where = f"chuyển sang {asked.unit_name} chủ trì" if asked.unit_name else "chuyển đơn vị chủ trì"
    who = ", ".join(f"đ/c {p.full_name}" for p in asked.admins)
    if asked.already_led:  # (probe 23, F7) the unit named leads the item already, as its own task
        return vn(f"{asked.unit_name} đã chủ trì mục {asked.item_ref} ({in_sentence(asked.notice_title)}) với phần "
                  f"việc riêng, nên Nhắc việc không gửi đề nghị chuyển tới Văn phòng; phần việc của "
                  f"{asked.asker_unit or 'đơn vị đồng chí'} ở mục này giữ nguyên. Nếu đơn vị đồng chí không có "
                  f"phần việc nào ở mục này, đồng chí gõ: “mục {asked.item_ref} không phải việc của đơn vị tôi”.")
    if asked.repeated:
        return vn(f"Đề nghị {where} nhiệm vụ mục {asked.item_ref} ({in_sentence(asked.notice_title)}) của đồng chí đã "
                  "được gửi Văn phòng và đang chờ xem xét; Nhắc việc không gửi lại. Nhắc việc sẽ báo khi nhiệm vụ được "
                  "chuyển.")
    if not asked.admins:
        return vn(f"Nhiệm vụ mục {asked.item_ref} ({in_sentence(asked.notice_title)}): chỉ Văn phòng (quản trị viên) "
                  f"hoặc lãnh đạo chuyển được nhiệm vụ sang đơn vị khác, và Văn phòng chưa kết nối Nhắc việc; đồng chí "
                  f"vui lòng báo trực tiếp Văn phòng. Tiến độ nhiệm vụ không thay đổi.")
    head = f" Đ/c {asked.head.full_name} (trưởng đơn vị) cũng được báo." if asked.head is not None else ""
    return vn(f"Nhắc việc đã chuyển ý kiến của đồng chí về nhiệm vụ mục {asked.item_ref} "
              f"({in_sentence(asked.notice_title)}) đến {who} (Văn phòng) để xem xét {where}. Tiến độ nhiệm vụ không "
              f"thay đổi; Nhắc việc sẽ báo khi nhiệm vụ được chuyển.{head}")


BUTTON_MOVE = "Đồng ý chuyển"


def transfer_asked_to_admin(name: str, asked: TransferAsked, said: str, *, button: bool = False) -> str:
    """To each admin: who says which task is not their unit's, in their words, and the form that moves it (`button`:
    the message carries BUTTON_MOVE, which moves it to the unit named)."""
    unit = f" ({asked.asker_unit})" if asked.asker_unit else ""
    if asked.unit_name:
        to = f"sang {asked.unit_name} chủ trì"
        then = (f"Nếu đồng ý, đồng chí bấm “{BUTTON_MOVE}” hoặc gõ: {asked.form}" if button else
                f"Nếu đồng ý, đồng chí gõ: {asked.form}")
    elif asked.unit_missing and asked.unit_words:  # a unit the directory does not have: say so, and what to do
        words = asked.unit_words
        to = f"sang “{words}” chủ trì"
        form = asked.form.replace("<tên đơn vị chủ trì>", words)
        then = (f"Lưu ý: “{words}” chưa có trong danh bạ nên chưa chuyển được. Nếu đồng ý, đồng chí gửi tệp danh bạ "
                f"(Excel hoặc CSV) có đơn vị này và trưởng đơn vị vào đây, rồi gõ: {form}; hoặc giao cho một đơn vị đã "
                f"có trong danh bạ: {asked.form}")
        return vn(f"Kính gửi đồng chí {name}, đ/c {asked.asker_name}{unit} đề nghị chuyển nhiệm vụ mục "
                  f"{asked.item_ref} ({in_sentence(asked.notice_title)}) {to}: “{shorten(said, 300)}”. {then}")
    else:
        to = "sang đơn vị khác chủ trì"
        then = f"Nếu cần chuyển, đồng chí gõ: {asked.form}"
    return vn(f"Kính gửi đồng chí {name}, đ/c {asked.asker_name}{unit} đề nghị chuyển nhiệm vụ mục {asked.item_ref} "
              f"({in_sentence(asked.notice_title)}) {to}: “{shorten(said, 300)}”. {then}")


def move_asked_to_head(name: str, asked: TransferAsked | MoveAsked) -> str:
    """To the head of the unit answering for the task, when one of its people asked the office to move it: short,
    once (probe 21's leftover, session 22)."""
    where = asked.unit_name or (asked.unit_words if isinstance(asked, TransferAsked) else None)
    to = f"sang {where}" if where else "sang đơn vị khác"
    return vn(f"Kính gửi đồng chí {name}, đ/c {asked.asker_name} đề nghị chuyển nhiệm vụ mục {asked.item_ref} "
              f"({in_sentence(asked.notice_title)}) {to} chủ trì; Nhắc việc đã chuyển đề nghị đến Văn phòng. Tiến độ "
              f"nhiệm vụ không thay đổi.")


def direction_not_told(units: Sequence[str]) -> str:
    """Under a direction's confirmation: units it names that hold no open task where it applies."""
    return vn(f"Lưu ý: {_units(list(units))} không có nhiệm vụ đang thực hiện trong văn bản này nên chưa được báo.")


def lead_moved_told_previous(name: str, moved: LeadMoved) -> str:
    return vn(f"Kính gửi đồng chí {name}, nhiệm vụ mục {moved.item_ref} ({in_sentence(moved.notice_title)}) đã được "
              f"chuyển sang {moved.new_unit} chủ trì (đ/c {moved.head_name}); Nhắc việc thôi nhắc đồng chí nhiệm "
              "vụ này.")


def moved_with_draft_open(title: str | None) -> str:
    """Under a move typed while a notice's preview is open: the move was of the confirmed task; the draft is as it
    was (probe 24, F9)."""
    draft = f" ({in_sentence(title)})" if title else ""
    return vn(f"Lưu ý: đồng chí đang mở xem trước một văn bản chưa xác nhận{draft}; dòng “chuyển mục …” đã áp dụng cho "
              "nhiệm vụ đã giao ở trên, văn bản đang xem không thay đổi. Để sửa đơn vị chủ trì trong văn bản đang xem, "
              "đồng chí trả lời tin xem trước: “<số thứ tự>: <tên đơn vị>”.")


def confirmed_lead_hint(ref: str, unit: str) -> str:
    """A draft correction ("II.3: Phòng …") typed when no draft is open: the notice is confirmed; how to move it."""
    return vn(f"Văn bản đã được xác nhận nên dòng sửa “{ref}: …” không còn áp dụng; đơn vị chủ trì mục {ref} chưa "
              f"thay đổi. Để chuyển nhiệm vụ mục {ref} sang {unit}, đồng chí gõ: chuyển mục {ref} sang {unit}")


# ------------------------------------------------------------------ reminders and status

WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
CATEGORY_HEADINGS = {
    "overdue": "QUÁ HẠN", "due_today": "ĐẾN HẠN HÔM NAY", "due_soon": "SẮP ĐẾN HẠN",
    "extension_pending": "CHỜ Ý KIẾN GIA HẠN", "checkin": "CẬP NHẬT ĐỊNH KỲ",
}
LEVEL_NAMES = {"head": "trưởng đơn vị chủ trì", "leaders": "lãnh đạo"}


Row = TypeVar("Row")


def _by_item(rows: Sequence[Row], key: Callable[[Row], Hashable]) -> list[list[Row]]:
    """The rows grouped by `key` (an item given to several units: one group), in the order first met."""
    groups: dict[Hashable, list[Row]] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return list(groups.values())


# a connective that opens a sentence of the notice and says nothing of the task: "Theo đó, …", "Đồng thời, …"
_CONNECTIVE = re.compile(r"^(?:Theo\s+đó|Đồng\s+thời|Ngoài\s+ra|Bên\s+cạnh\s+đó|Trong\s+đó|Do\s+đó|Vì\s+vậy|"
                         r"Để\s+thực\s+hiện\s+tốt|Cụ\s+thể)\s*,\s*", re.I)


_ASKS_OPENING = re.compile(r"^(?:[^,;:.]{0,60}?\s)?(?:giao|đề\s*nghị|yêu\s*cầu)\s+(?:cho\s+)?", re.I)
_NAMES_GO_ON = re.compile(r"^\s*(?:[,;]|\bvà\b)\s*")
# the task's own work is to advise or propose that someone ask: "Phối hợp Ban X tham mưu Thường trực HĐND đề nghị UBND
# Thành phố sớm thống nhất …" — cut at the ask, the line would tell the asked body's act as the reader's (probe 36)
_ADVISES_TO_ASK = re.compile(r"\b(?:tham\s*mưu|đề\s*xuất|kiến\s*nghị|trình|báo\s*cáo|phối\s*hợp)\b", re.I)


def _work_after_the_asked(text: str, *, for_lead: bool = True) -> str | None:
    """"Chủ tịch UBND huyện giao các cơ quan, đơn vị trực thuộc UBND huyện; UBND các xã, thị trấn phân công lãnh đạo
    trực …" → "Phân công lãnh đạo trực …": in a list, the work, not who asks whom (each reader knows the task is
    theirs). None when the sentence does not open so, or no work follows the names."""
    m = _ASKS_OPENING.match(text)
    if m is None or _ADVISES_TO_ASK.search(text[:m.end()]):
        return None
    rest = text[m.end():]
    while (names := name_prefix(rest)) and rest.startswith(names):
        rest = rest[len(names):]
        if (more := _NAMES_GO_ON.match(rest)) is None:
            break
        rest = rest[more.end():]
    else:
        return None
    rest = rest.lstrip(" ,:")
    if not (for_lead and re.match(r"chủ\s*trì\s*[,:]?\s*phối\s*hợp\b", rest, re.I)):  # "… chủ trì, phối hợp
        rest = re.sub(r"^chủ\s*trì\s*[,:]?\s*", "", rest, flags=re.I)  # với B …": kept for the lead, who reads it
    if rest == text[m.end():] or not rest[:1].islower() or len(rest.split()) < 3:
        return None
    return rest[:1].upper() + rest[1:]


_GROUP_WORD = re.compile(r"\b(?:các|những|tất\s+cả)\s", re.I)


def _work_after_group(text: str, *, for_lead: bool = True) -> str | None:
    """"Các sở, ban, ngành, UBND các huyện, thành phố phân công cán bộ trực …" → "Phân công cán bộ trực …": a
    task given to a group opens with the group, which says nothing to a member reading its own list (each line is
    already theirs, and lists for leaders name the units after the text) and, cut to a line, leaves no room for the
    work. Only a group (a name with "các", "những", "tất cả"): "Sở A hoàn thành …" may be another unit's duty.
    None when the text does not open so, or no work follows."""
    if not (UNIT_START.match(text) or re.match(r"tất\s+cả\s", text, re.I)):
        return None
    names = name_prefix(text)
    if not names or not text.startswith(names) or not _GROUP_WORD.search(names + " "):
        return None
    rest = text[len(names):].lstrip(" ,:")
    if not (for_lead and re.match(r"chủ\s*trì\s*[,:]?\s*phối\s*hợp\b", rest, re.I)):
        rest = re.sub(r"^chủ\s*trì\s*[,:]?\s*", "", rest, flags=re.I)
    if not rest[:1].islower() or len(rest.split()) < 3:
        return None
    return rest[:1].upper() + rest[1:]


def short_title(text: str, limit: int = 80, lead: str | None = None, *, for_lead: bool = True) -> str:
    """The start of a task's text, cut at a word: enough to recognise it in a list. "Giao <the lead> chủ
    trì," is left out: the reader knows who leads (but "chủ trì, phối hợp với B" stays for the lead, `for_lead`,
    or it reads as B's support; a supporting unit reads "Phối hợp với B …")."""
    text = " ".join(text.split())
    if (opening := _CONNECTIVE.match(text)) is not None and opening.end() < len(text):  # "Theo đó, …"
        rest = text[opening.end():]
        text = rest[:1].upper() + rest[1:]
    # "Chủ tịch UBND huyện giao các phòng; UBND các xã …"
    if (asked := _work_after_the_asked(text, for_lead=for_lead)) is not None:
        text = asked
    elif (work := _work_after_group(text, for_lead=for_lead)) is not None:  # "Các sở, ban, ngành … phân công …"
        text = work
    if lead:
        # "Những nhiệm vụ …: Yêu cầu chung là: Trên cơ sở …, Ban X rà soát …": from the ask, as the preview shows it
        if (asked_from := ask_first(text, [lead])) != text:
            text = asked_from.removeprefix("… ")
        m = re.match(rf"^(?:(?:giao|đề nghị|yêu cầu)\s+)?{re.escape(' '.join(lead.split()))}\s*(?P<leads>chủ trì)?"
                     r"\s*(?P<sep>[,:])?\s*", text, re.I)
        rest = text[m.end():] if m else ""
        # "Đảng ủy xã A, Đảng ủy xã B hoàn thành …" (or "A và B …"): one of several units named — cut, the text
        # would name only the other; "A chủ trì, phối hợp với B …": the reader leads, so "Chủ trì, phối hợp …"
        several = m is not None and not m["leads"] and (m["sep"] == "," or re.match(r"(?:và|cùng)\s", rest, re.I))
        if m and rest and not several:
            if m["leads"] and re.match(r"phối hợp\b", rest, re.I):
                rest = f"chủ trì, {rest}"
            text = rest[:1].upper() + rest[1:]
    if for_lead and (generic := _GENERIC_SUPPORT.match(text)) is not None:  # says nothing the reader needs
        rest = text[generic.end():]
        text = rest[:1].upper() + rest[1:]
    return shorten_at_word(text, limit + 1)  # (the "…" past the limit: `limit` characters of the text at most)


# "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tăng cường …": for the lead, support by "everyone concerned"
# filled the line before the work began (probe 17); named supporting units stay ("…, phối hợp Sở Tài chính rà soát")
_GENERIC_SUPPORT = re.compile(r"chủ trì\s*,?\s*(?:và\s+)?phối hợp\s+(?:với\s+|cùng\s+)?(?:các|những)\s+[^.;:]{0,80}?"
                              r"\b(?:có\s+)?liên quan\s*,?\s+(?!(?:và|cùng|hoặc)\b)(?=\w)", re.I)


def progress_text(status: TaskStatus, percent: int | None, *, round_starts: dt.date | None = None,
                  today: dt.date | None = None, not_started: bool = False) -> str:
    """"60% — Đang thực hiện"; an extended task is in progress with a new deadline ("Đã gia hạn 60%" read as
    a deadline extended by 60%). A recurring duty's round that begins after `today` is not yet due, whatever was
    noted on it early ("xong" before the period: kept as a note, session 25)."""
    if round_starts is not None and today is not None and round_starts > today and \
            status in (TaskStatus.OPEN, TaskStatus.IN_PROGRESS):
        noted = ", đã ghi nhận nội dung đồng chí báo" if status == TaskStatus.IN_PROGRESS else ""
        return f"Chưa đến kỳ (kỳ bắt đầu từ {date_vn(round_starts)}){noted}"
    if status == TaskStatus.OPEN and not_started:  # reported "chưa triển khai" (`storage.tasks.said_not_started`)
        return "Chưa triển khai"
    if status == TaskStatus.EXTENDED and percent is None:  # granted more time; nobody said it is under way
        return STATUS_LABELS[status]
    label = "Đang thực hiện (đã gia hạn)" if status == TaskStatus.EXTENDED else STATUS_LABELS[status]
    return f"{percent}% — {label}" if percent is not None and status != TaskStatus.DONE else label


def deadline_phrase(line: DigestLine) -> str:
    """The deadline first, then how far: "hạn 30/04/2026, còn 3 ngày làm việc"; working days everywhere."""
    if line.due_on is None:
        return "không có thời hạn"
    due = date_vn(line.effective_due_on or line.due_on)
    if line.effective_due_on and line.effective_due_on != line.due_on and line.deadline_note and \
            (why := re.search(r"rơi vào (.+?), tính đến hết", line.deadline_note)):
        # the day off said on the same line, not on one more under it in every digest (probe 20)
        if line.category == "due_today":
            return f"hạn hôm nay {due} (hạn {date_vn(line.due_on)} rơi vào {why.group(1)})"
        due = f"{date_vn(line.due_on)} (rơi vào {why.group(1)}, tính đến hết {due})"
    if line.category == "overdue":
        return f"hạn {due}, quá hạn {line.days_late} ngày làm việc"
    if line.category == "due_today":
        return f"hạn hôm nay {due}"
    if line.working_days_left is not None:
        return f"hạn {due}, còn {line.working_days_left} ngày làm việc"
    return f"hạn {due}"


def waiting_extension(line: DigestLine, decider: str | None = None) -> str:
    """A task past its deadline whose extension waits for a decision: not reminded daily as late. Asked for after
    the deadline (the line counts days late), it says the task is late all the same. `decider`: who decides, when
    one person does ("đ/c … (trưởng đơn vị chủ trì)"), named (probe 20, C2); otherwise "lãnh đạo"."""
    asked = f" đến {date_vn(line.extension_until)}" if line.extension_until else ""
    done = f"; tiến độ {line.percent}%" if line.percent is not None else ""
    late = " (đã quá hạn)" if line.days_late else ""
    return (f"hạn {date_vn(line.effective_due_on or line.due_on)}{late} — đã đề nghị gia hạn{asked}, đang chờ "
            f"{decider or 'lãnh đạo'} cho ý kiến{done}")


def recalled_today(who: str) -> str:
    """Under a waiting line, the morning the request is recalled to those who decide it (`who`: "đ/c …")."""
    return f"(Hôm nay Nhắc việc nhắc lại đề nghị này với {who}.)"


TOLD_NOW = {"head": "đồng chí trưởng đơn vị", "leaders": "lãnh đạo phụ trách"}


def _notice_short(title: str) -> str:
    """A notice title ("Thông báo số 47/TB-UBND ngày 20/02/2018") named short: its number, else the title cut."""
    number = re.search(r"\bsố\s+(\S*\d\S*)", title)
    return number.group(1) if number else in_sentence(short_title(title, 45))


def escalated_today(levels: Sequence[str], refs: Sequence[str] = (), notices: Sequence[str] = ()) -> str:
    """Under the holder's own late task, the day it is escalated: who was told, so a call does not surprise them.
    `refs`: the items, when one note under the digest says it for several (probe 20: once per digest); `notices`:
    each one's notice title — from several notices, the items under each notice's number ("mục 1, 2 (47/TB-UBND)
    và mục 1 (52/TB-UBND)": session 25, one "mục 1" was said for both)."""
    who = " và ".join(TOLD_NOW[level] for level in TOLD_NOW if level in levels)
    which = f" mục {', '.join(dict.fromkeys(refs))}" if refs else ""
    if len(notices) == len(refs) and len(set(notices)) > 1:
        by_notice: dict[str, list[str]] = {}
        for ref, notice in zip(refs, notices, strict=True):
            if ref not in by_notice.setdefault(notice, []):
                by_notice[notice].append(ref)
        which = " " + " và ".join(f"mục {', '.join(items)} ({_notice_short(notice)})"
                                  for notice, items in by_notice.items())
    return (f"(Do nhiệm vụ{which} đã quá hạn, hôm nay Nhắc việc đã báo {who} để nắm tình hình; đồng chí vui lòng "
            "cập nhật tiến độ hoặc nêu khó khăn, vướng mắc để được hỗ trợ.)")


def office_owes_answer(asked: Sequence[dt.date]) -> str:
    """Under the holder's own tasks: a question they asked the office is not answered yet — the reminder knows the
    office owes them an answer (probe 48), and says the answer comes here."""
    which = "câu hỏi" if len(asked) == 1 else "các câu hỏi"
    return (f"(Văn phòng chưa trả lời {which} đồng chí gửi ngày {', '.join(f'{d:%d/%m}' for d in asked)}; khi có "
            "trả lời, Nhắc việc sẽ chuyển ngay cho đồng chí.)")


def directed_unanswered(line: DigestLine, *, name_unit: bool) -> str:
    """Under a late task told to a head or a leader who directed it already: that day, and that its holder has not
    reported since (probe 8: the leader was asked to direct a task he had directed ten days before, unanswered)."""
    assert line.directed_on is not None
    unit = f" {line.lead_unit}" if name_unit and line.lead_unit else ""
    who = f"Đ/c {line.covering_for}" if line.covering_for else "Đồng chí"  # (read by the colleague standing in)
    return (f"{who} đã có ý kiến chỉ đạo{unit} ngày {line.directed_on:%d/%m/%Y}; "
            f"{'đơn vị' if not unit else 'đơn vị này'} chưa báo cáo lại từ đó.")


def office_owes_holder(line: DigestLine) -> str:
    """Under a late task told to a head or a leader: its holder asked the office and is waiting for the answer —
    what holds the task may be the office's answer, not the holder."""
    assert line.asked_office is not None
    what = f" (“{shorten_at_word(line.asked_text, 90)}”)" if line.asked_text else ""
    return f"đ/c {line.assignee_name} đã hỏi Văn phòng ngày {line.asked_office:%d/%m}{what}, Văn phòng chưa trả lời."


def digest_bullet(line: DigestLine) -> str:
    """How a digest line begins ("• Mục 2.1"): also how a sender tells which lines a part carried."""
    return f"• Mục {line.item_ref}"


def _late_progress(line: DigestLine) -> str:
    """A late task's progress for the leaders: a deadline extended and passed again with nothing said is not
    "Đã gia hạn" (which reads as settled) but that nothing was reported since."""
    if line.status == TaskStatus.EXTENDED and line.percent is None:
        return "chưa cập nhật từ khi được gia hạn"
    return progress_text(line.status, line.percent, not_started=line.not_started)


def _holder(line: DigestLine) -> str:
    """Who holds a late task, for the leaders: the person, or that nobody does (no head of the unit in the
    directory, or no unit) — then nobody has been reminded either."""
    return f"đ/c {line.assignee_name}" if line.assignee_name else "chưa có người nhận, chưa ai được nhắc"


DIGEST_BUTTONS = 24  # item buttons under a digest at most (six rows); the others are typed, and it says so


CHECKIN_LISTED = 15  # check-ins listed one by one at most; more are counted per notice (nobody answers 35 lines)


def _checkins_counted(own: Sequence[DigestLine]) -> bool:
    return sum(1 for line in own if line.category == "checkin") > CHECKIN_LISTED


def digest_own(view: DigestView) -> list[DigestLine]:
    """The reader's own tasks in a digest, in the order it shows them (by urgency): its buttons follow it.
    Check-ins counted per notice (more than CHECKIN_LISTED) are not shown one by one, so have no button."""
    own = [line for line in view.lines if line.escalation is None]
    counted = _checkins_counted(own)
    return [line for category in CATEGORY_HEADINGS for line in own if line.category == category
            and not (counted and category == "checkin")]


CHECKIN_REFS_SHOWN = 4  # item numbers named in a counted check-in line, then "và N mục khác"


def _checkin_summary(group: Sequence[DigestLine], *, one_notice: bool = False) -> list[str]:
    """Many tasks without a deadline, due for their periodic update the same morning: per notice, how many and
    where they stand, and how to see them — not one line each. `one_notice`: the header names it already (probe 19:
    the title twice, and "mục III.5.b … V.5" read as a range that it was not)."""
    out = []
    for title in dict.fromkeys(line.notice_title for line in group):
        lines = [line for line in group if line.notice_title == title]
        states = Counter(progress_text(line.status, None, not_started=line.not_started) for line in lines)
        stand = ", ".join(f"{label.lower()} {n}" for label, n in states.most_common())
        shown = [line.item_ref for line in lines[:CHECKIN_REFS_SHOWN]]
        more = len(lines) - len(shown)
        refs = "mục " + ", ".join(shown) + (f" và {more} mục khác" if more else "")
        named = "" if one_notice else f"{title or 'Văn bản'}: "
        out.append(f"• {named}{len(lines)} nhiệm vụ ({refs}) — {stand}")
    example = group[0].item_ref
    out.append(f"  Đồng chí gõ /viec để xem danh sách, và báo cáo mục nào có tiến triển, ví dụ: “{example} 60%”, "
               f"“{example} xong”.")
    return out


SUBJECT_SHOWN = 90  # characters of a notice's subject in a digest's header
_ABOUT = re.compile(r"^(?:v/v|về việc|về)\s+", re.I)


def _about(subject: str | None) -> str:
    """": tăng cường phòng chống rét cho cây trồng, vật nuôi" after a notice's title (its trích yếu, "V/v" off): a
    commune gets many letters of the district and knows them by what they are about, not by their number."""
    about = _ABOUT.sub("", " ".join((subject or "").split()))
    if not about or about.isupper():  # none, or a heading in capitals ("Ý KIẾN KẾT LUẬN CỦA …"): not shouted
        return ""
    if len(about) > 1 and about[1].islower():  # "Tăng cường …" → "tăng cường …" (not "UBND …")
        about = about[0].lower() + about[1:]
    return f" về {shorten_at_word(about, SUBJECT_SHOWN)}"


def with_subject(title: str, subject: str | None) -> str:
    """A notice's title with what it is about: "Thông báo số 1894/TB-SCT ngày 15/01/2027 về kết quả kiểm tra …"."""
    return f"{title}{_about(subject)}"


QUIET_NOTE = "(Nhắc lại hằng tuần vì các nhiệm vụ này chưa có báo cáo mới.)"  # (whoever answers for them)


OFFICE_ITEMS_SAID = 5  # pieces of a unit's items on one line of the office's section ("… và N mục khác")
OFFICE_LINES_MAX = 10  # lines of an admin's "ĐANG CHỜ VĂN PHÒNG", shared by its kinds ("… và N … khác" below each)


def _office_line(w: OfficeLine) -> str:
    since = date_vn(w.since)
    if w.what == "move":
        to = f" sang {w.to}" if w.to else " sang đơn vị khác (chưa nêu đơn vị)"
        return f"• Đề nghị chuyển mục {w.ref}" + (f" ({w.unit})" if w.unit else "") + f"{to} — chờ từ {since}"
    if w.what == "question":
        return f"• Câu hỏi số {w.ref} của {w.unit}: “{shorten(w.text, 70)}” — chờ trả lời từ {since}"
    if w.what == "extension":
        until = f" đến {w.to}" if w.to else ""
        return f"• Đề nghị gia hạn mục {w.ref}{until} của {w.unit} — chờ ý kiến {w.text or 'lãnh đạo'} từ {since}"
    said = items_said(w.ref.split(", "), limit=OFFICE_ITEMS_SAID, breaks=w.breaks)
    return f"• {w.unit or 'Chưa xác định đơn vị chủ trì'}: {said} chưa có người nhận — từ {since}"


def _office_notice(w: OfficeLine) -> str:
    """The notice of a "nobody" line named short ("31/TB-UBND"), "" when the line does not say (planned before)."""
    return notice_label(w.notice, w.title) if w.notice or w.title else ""


def _office_nobody_lines(shown: Sequence[OfficeLine]) -> list[str]:
    """Tasks nobody holds from several notices: each notice's units under its short name ("31/TB-UBND (3):"), as
    /loi says them (`_unheld_lines`): one number means another task in each (session 25: "mục 1, 2, 3, 1")."""
    lines: list[str] = []
    for notice in dict.fromkeys(map(_office_notice, shown)):
        rows = [w for w in shown if _office_notice(w) == notice]
        lines.append(f"{notice or 'Văn bản khác'} ({sum(len(w.ref.split(', ')) for w in rows)}):")
        lines += map(_office_line, rows)
    return lines


def office_waiting_section(waiting: Sequence[OfficeLine]) -> list[str]:
    """An admin's weekly section: what waits on the office (move requests, questions, tasks nobody holds), how many
    of each, then one line each, at most OFFICE_LINES_MAX in all, shared fairly: a line for each kind in turn (move
    requests, questions, then tasks nobody holds), so no kind pushes another out; what a kind could not list is
    said under its lines, with where to see it all."""
    kinds = {what: [w for w in waiting if w.what == what] for what in ("move", "extension", "question", "nobody")}
    notices = list(dict.fromkeys(map(_office_notice, kinds["nobody"])))
    kinds["nobody"].sort(key=lambda w: notices.index(_office_notice(w)))  # (each notice's units together)
    moves, questions = len(kinds["move"]), len(kinds["question"])
    nobody = sum(len(w.ref.split(", ")) for w in kinds["nobody"])
    counts = [f"{n} {label}" for n, label in ((moves, "đề nghị chuyển đơn vị chủ trì"),
                                              (len(kinds["extension"]), "đề nghị gia hạn chờ quyết định"),
                                              (questions, "câu hỏi"), (nobody, "nhiệm vụ chưa có người nhận")) if n]
    shares = dict.fromkeys(kinds, 0)
    left = OFFICE_LINES_MAX
    while left and any(shares[k] < len(ws) for k, ws in kinds.items()):
        for what, ws in kinds.items():  # one line each kind in turn (probe 24: unheld tasks filled all ten)
            if left and shares[what] < len(ws):
                shares[what] += 1
                left -= 1
    lines = [f"ĐANG CHỜ VĂN PHÒNG: {', '.join(counts)}"]
    for what, ws in kinds.items():
        lines += _office_nobody_lines(ws[:shares[what]]) if what == "nobody" and len(notices) > 1 \
            else map(_office_line, ws[:shares[what]])
        if len(ws) > shares[what]:
            lines.append(_office_rest(what, ws[shares[what]:]))
    how = ["gõ /loi để xem đủ"] + (["/hoi để xem các câu hỏi"] if questions else []) \
        + (["“đồng ý gia hạn <số mục>” hoặc “không đồng ý gia hạn <số mục>” để quyết định gia hạn"]
           if kinds["extension"] else [])
    if no_unit := [ref for w in kinds["nobody"] if not w.unit for ref in w.ref.split(", ")]:
        lines.append(no_unit_hint(no_unit))
    return lines + [f"Đồng chí {', '.join(how)}. Danh sách này nhắc lại hằng tuần khi còn việc chờ."]


def no_unit_hint(refs: Sequence[str]) -> str:
    """What gives a task with no lead unit one (month probe 27, F4: "gửi tệp danh bạ" was said, which cannot): the
    move typed, or its "giao" form."""
    shown = ", ".join(list(dict.fromkeys(refs))[:6]) + (", …" if len(set(refs)) > 6 else "")
    return vn(f"Mục {shown} chưa xác định đơn vị chủ trì: đồng chí gõ “chuyển mục {refs[0]} sang <tên đơn vị>” "
              f"(hoặc “giao mục {refs[0]} cho <tên đơn vị>”) để giao.")


def _office_rest(what: str, rest: Sequence[OfficeLine]) -> str:
    """Under a kind's lines, what its share left out: "… và 3 câu hỏi khác — xem /hoi"."""
    if what == "move":
        return f"… và {len(rest)} đề nghị chuyển đơn vị chủ trì khác — xem /loi."
    if what == "question":
        return f"… và {len(rest)} câu hỏi khác — xem /hoi."
    if what == "extension":
        return f"… và {len(rest)} đề nghị gia hạn khác — xem /loi."
    tasks = sum(len(w.ref.split(", ")) for w in rest)
    return f"… và {tasks} việc khác chưa có người nhận — xem /loi."


def digest_text(view: DigestView, *, buttons: bool, recalled: Mapping[int, str] | None = None,
                deciders: Mapping[int, str] | None = None, deciding: Sequence[ExtensionRequest] = (),
                calendar: WorkingCalendar | None = None) -> str:
    """One message a morning: every task due for the reader, grouped by urgency, one line each. `recalled`: task id
    → to whom its waiting extension request is recalled this morning ("đ/c …"), said under its waiting line;
    `deciders`: task id → the one person who decides its waiting request, when a head does; `deciding`: the
    extension requests recalled to the reader this morning, said in the digest (under the task's escalation, or in a
    section of their own) rather than in a message of their own after it (probe 24: two messages one morning)."""
    own = digest_own(view)
    counted = [line for line in view.lines if line.escalation is None and line.category == "checkin"] \
        if _checkins_counted(view.lines) else []
    told = [line for line in view.lines if line.escalation is not None]
    notices = {line.notice_title for line in view.lines}
    several_units = len({line.lead_unit for line in own}) > 1
    covers = {line.covering_for for line in [*own, *counted]}
    cover_once = next(iter(covers)) if len(covers) == 1 else None  # every line for the same colleague: said once
    told_now = [line for line in own if line.told_now]
    told_once = len(told_now) > 1  # several of the reader's tasks escalated today: said once, below them
    lines = [f"Kính gửi đồng chí {view.recipient_name},"]
    when = f"{WEEKDAYS[view.day.weekday()]}, {date_vn(view.day)}"
    if view.day.weekday() >= 5:  # digests go out on working days only: a weekend one is a make-up working day
        when += " (ngày làm việc bù)"
    if view.continued:  # the first parts of this digest arrived before a failure: the rest, once
        lines.append(f"Nhắc việc {when} (tiếp theo):")
    elif view.catch_up:
        lines.append(f"Nhắc việc {when} (tổng hợp cả những ngày hệ thống tạm dừng):")
    else:
        lines.append(f"Nhắc việc {when}:")
    if len(notices) == 1:
        lines.append(f"({next(iter(notices))}{_about(view.lines[0].notice_subject if view.lines else None)})")
    if cover_once:
        lines.append(f"(Các nhiệm vụ dưới đây đồng chí theo dõi thay đ/c {cover_once} nghỉ phép.)")
    for category, heading in CATEGORY_HEADINGS.items():
        group = [line for line in own if line.category == category]
        checkin = category == "checkin"
        if checkin and counted:
            lines += ["", f"{heading} ({len(counted)}) — nhiệm vụ không có thời hạn, đề nghị đồng chí cập nhật tiến độ",
                      *_checkin_summary(counted, one_notice=len(notices) == 1)]
            continue
        if not group:
            continue
        lines += ["", f"{heading} ({len(group)})" + (" — nhiệm vụ không có thời hạn, đề nghị đồng chí cập nhật tiến độ"
                                                      if checkin else "")]
        for line in group:
            where = f" [{in_sentence(line.notice_title)}]" if len(notices) > 1 else ""
            if several_units and line.lead_unit:  # a second post (kiêm nhiệm), a colleague's: whose task it is
                where += f" — {line.lead_unit}"
            cover = f" (thay đ/c {line.covering_for} nghỉ phép)" if line.covering_for and not cover_once else ""
            period = _digest_round(line)
            role = " (phối hợp)" if line.supporting else ""  # a supporting duty: said once ahead only (policy.py)
            title = (f"{digest_bullet(line)}{period}{role}: {short_title(line.task_text, lead=line.lead_unit)}"
                     f"{where}{cover}")
            if checkin and line.due_on is None:  # one line each: the heading says there is no deadline
                lines.append(f"{title} — {progress_text(line.status, line.percent, not_started=line.not_started)}")
                continue
            lines.append(title)
            if category == "extension_pending":  # past its deadline, not reminded daily while the request waits
                lines.append(f"  {waiting_extension(line, (deciders or {}).get(line.task_id))}")
                if recalled and line.task_id in recalled:  # (its requester is sent no note of its own that morning)
                    lines.append(f"  {recalled_today(recalled[line.task_id])}")
                if line.told_now and not told_once:  # (a request sent after the deadline: escalated all the same)
                    lines.append(f"  {escalated_today(line.told_now)}")
                continue
            progress = _late_progress(line) if category == "overdue" else \
                progress_text(line.status, line.percent, not_started=line.not_started)
            lines.append(f"  {deadline_phrase(line)} — {progress}")
            if line.told_now and not told_once:
                lines.append(f"  {escalated_today(line.told_now)}")
    if told_once:
        levels = sorted({level for line in told_now for level in line.told_now})
        lines += ["", escalated_today(levels, [line.item_ref for line in told_now],
                                      [line.notice_title for line in told_now])]
    # (the reader's own questions: a colleague's task covered during their leave carries the colleague's)
    if questions := sorted({line.asked_office for line in own if line.asked_office and not line.covering_for}):
        lines += ["", office_owes_answer(questions)]
    if told:
        lines += ["", f"NHIỆM VỤ QUÁ HẠN CẦN ĐỒNG CHÍ CHỈ ĐẠO ({len(told)})"]
        if standing_in := list(dict.fromkeys(t.covering_for for t in told if t.covering_for)):
            # (asked of the colleague standing in for a head or a leader on leave: whose call it is)
            lines.append(f"(Đồng chí nhận thay đ/c {', đ/c '.join(standing_in)} nghỉ phép.)")

        def said(t: DigestLine) -> tuple[str, str, tuple[str, ...]]:  # deadline, progress, who else was told
            return (deadline_phrase(t), _late_progress(t),  # (nobody holds it: no head was told)
                    tuple(LEVEL_NAMES[level] for level in t.told if level != t.escalation and t.assignee_name))

        # one item given to several units, late by the same deadline, is one entry naming them all (each unit's
        # progress beside it where they differ)
        for group in _by_item(told, lambda t: (t.notice_title, t.item_ref, t.task_text, deadline_phrase(t))):
            line, groups = group[0], [said(g) for g in group]
            deadline, progress, _ = groups[0]
            where = f" [{in_sentence(line.notice_title)}]" if len(notices) > 1 else ""
            lines.append(f"{digest_bullet(line)}: {short_title(line.task_text)}{where}")
            if len(group) == 1:
                lines.append(f"  Chủ trì: {line.lead_unit or 'chưa xác định'}, {_holder(line)}; "
                             f"{deadline} — {progress}")
            elif len({p for _, p, _ in groups}) == 1:
                who = ", ".join(f"{g.lead_unit or 'chưa xác định'} ({_holder(g)})" for g in group)
                lines.append(f"  Chủ trì ({len(group)} đơn vị): {who}; {deadline} — {progress}")
            else:
                who = ", ".join(f"{g.lead_unit or 'chưa xác định'} ({_holder(g)}, {p})"
                                for g, (_, p, _) in zip(group, groups, strict=True))
                lines.append(f"  Chủ trì ({len(group)} đơn vị): {who}; {deadline}")
            lines += [f"  {office_owes_holder(g)}" for g in group if g.asked_office and g.assignee_name]
            lines += [f"  {directed_unanswered(g, name_unit=len(group) > 1)}" for g in group if g.directed_on]
            others = tuple(dict.fromkeys(level for _, _, told_too in groups for level in told_too))
            if others:
                lines.append(f"  Đã báo: {', '.join(others)}.")
            asked = [r for r in deciding if any(r.task_id == g.task_id for g in group)]
            for request in asked:  # recalled to the reader this morning: said here, its buttons under the digest
                first, *rest = _request_in_digest(request, view.day, calendar, buttons=buttons, deadline=False)
                lines += [f"  Đề nghị gia hạn chờ đồng chí quyết định: {first}", *(f"  {row}" for row in rest)]
            if not asked and any(g.status == TaskStatus.EXTENSION_REQUESTED for g in group):  # late while its
                # request waits: the one told may settle it (the head who was asked, or a leader), typed as the
                # request's card says
                until = next((f" đến {date_vn(g.extension_until)}" for g in group if g.extension_until), "")
                lines.append(f"  Đề nghị gia hạn{until} đang chờ quyết định: gõ “đồng ý gia hạn {line.item_ref}” hoặc "
                             f"“không đồng ý gia hạn {line.item_ref}”.")
        if any(t.escalation == "leaders" for t in told):  # a leader's direction is passed on to the units
            to_leaders = [t for t in told if t.escalation == "leaders"]
            lines.append(direction_hint(buttons, held=any(t.assignee_name for t in to_leaders),
                                        unheld=any(not t.assignee_name for t in to_leaders)))
    escalated_ids = {t.task_id for t in told}
    apart = [r for r in deciding if r.task_id not in escalated_ids]
    if apart:
        lines += ["", f"ĐỀ NGHỊ GIA HẠN CHỜ ĐỒNG CHÍ QUYẾT ĐỊNH ({len(apart)})"]
        for request in apart:
            first, *rest = _request_in_digest(request, view.day, calendar, buttons=buttons, deadline=True)
            where = "" if notices == {request.notice_title} else f" [{in_sentence(request.notice_title)}]"
            lines += [f"• Mục {request.item_ref}{where}: {first}", *(f"  {row}" for row in rest)]
    if view.unreachable:
        lines += ["", f"NHẮC VIỆC KHÔNG LIÊN LẠC ĐƯỢC ({len(view.unreachable)})"]
        lines += [f"• đ/c {name} (từ {date_vn(since)}): có thể đã chặn hoặc xóa tài khoản; đề nghị đồng chí "
                  "báo đồng chí ấy nhắn /start cho Nhắc việc." for name, since in view.unreachable]
    if view.unknown:
        lines += ["", f"TIN CHƯA RÕ ĐÃ ĐẾN HAY CHƯA ({view.unknown})",
                  f"• Tiến trình gửi dừng lại trước khi ghi nhận kết quả: có thể {view.unknown} tin nhắn chưa đến "
                  "người nhận. Đồng chí gõ /loi để xem danh sách và gửi lại tin chưa đến."]
    if view.office:
        lines += ["", *office_waiting_section(view.office)]
    if own and (view.show_help or not buttons):  # once a person has replied, the buttons are enough
        how = ("Bấm số mục bên dưới để xem chi tiết và cập nhật, hoặc trả lời tin này" if buttons
               else "Đồng chí cập nhật bằng cách gõ số mục và tình trạng")
        example = _typed_ref(own[0], own)
        # an extension is shown on a task that has a deadline to extend (none: no such example)
        dated = next((line for line in own if line.due_on is not None), None)
        extend = (f"“{_typed_ref(dated, own)} xin gia hạn đến {_example_extension(dated, view.day)}”, "
                  if dated is not None else "")
        lines += ["", f"{how}, ví dụ: “{example} xong”, “{example} 60% vướng kinh phí”, "
                      f"{extend}“{example} nhắc lại tuần sau”."]
    if own and view.quiet:
        lines += ["", QUIET_NOTE]
    if view.break_ahead is not None:
        first_off, reason, back = view.break_ahead
        last_off = back - dt.timedelta(days=1)
        lines += ["", f"(Từ {WEEKDAYS[first_off.weekday()]} {first_off:%d/%m} đến hết {WEEKDAYS[last_off.weekday()]} "
                      f"{date_vn(last_off)} {reason}; Nhắc việc tạm nghỉ và nhắc tiếp vào "
                      f"{WEEKDAYS[back.weekday()]}, {date_vn(back)}.)"]
    if buttons and len(own) > DIGEST_BUTTONS:
        first = own[DIGEST_BUTTONS].item_ref
        lines.append(f"(Nút bấm có cho {DIGEST_BUTTONS} mục đầu; từ Mục {first} trở đi, đồng chí gõ số mục, "
                     f"ví dụ: “{first} xong”.)")
    return vn("\n".join(lines))


def _request_in_digest(req: ExtensionRequest, today: dt.date, calendar: WorkingCalendar | None, *, buttons: bool,
                       deadline: bool) -> list[str]:
    """An extension request recalled to a digest's reader, as `extension_reminder` says it in a message of its own:
    who asks for which date and since when (the first row, to follow a heading or a bullet), the note, how to
    decide; `deadline`: where the task's deadline stands too (not under the task's escalation, which says it)."""
    sent = f" (gửi ngày {date_vn(req.asked_at.astimezone(VN_TZ).date())})" if req.asked_at else ""
    unit = f" ({req.unit_name})" if req.unit_name else ""
    passed = req.requested_due is not None and req.requested_due <= today
    rows = [f"đ/c {req.requester_name}{unit} đề nghị gia hạn đến {date_vn(req.requested_due)}"
            + (" — ngày này đã qua" if passed else "") + f"{sent}."]
    if deadline and calendar is not None:
        rows.append(f"Thời hạn hiện tại: {_deadline_standing(req, today, calendar)}.")
    if req.note and meaningful_note(req.note):
        rows.append(f"Nội dung: {shorten(req.note, 300)}")
    if passed:
        rows.append(f"Nếu đồng ý, đồng chí gõ kèm ngày mới, ví dụ: {_decision_forms(req, today)}.")
    else:
        how = "đồng chí bấm nút dưới tin này, hoặc gõ" if buttons else "đồng chí gõ"
        rows.append(f"Để quyết định, {how} “đồng ý gia hạn {req.typed_which}” hoặc “không đồng ý gia hạn "
                    f"{req.typed_which}”.")
    return rows


def _digest_round(line: DigestLine) -> str:
    """A recurring task's round after its item number: " — kỳ tháng 3/2026"; a round named only by its deadline
    ("kỳ hạn 20/03/2026") is " (định kỳ)", as the line below gives the deadline."""
    if not line.occurrence:
        return ""
    if line.occurrence.startswith("hạn ") and line.due_on is not None:
        return " (định kỳ)"
    return f" — {round_name(line.occurrence)}"


def _typed_ref(line: DigestLine, own: Sequence[DigestLine]) -> str:
    """The item number to type for a line: with its notice's number when another notice's item has the same
    number ("1 228-TB/HU")."""
    twins = {other.notice_title for other in own if other.item_ref == line.item_ref}
    if len(twins) > 1 and (number := re.search(r"\bsố\s+(\S+)", line.notice_title)):
        return f"{line.item_ref} {number.group(1)}"
    return line.item_ref


# how a leader directs the units of an escalation (a reply on Telegram; typed where there are no replies)
DIRECTION_HINT_REPLY = ("(Đồng chí trả lời tin này để chỉ đạo, ví dụ: “Đề nghị khẩn trương hoàn thành, báo cáo "
                        "trước thứ Sáu”; ý kiến được chuyển đến đơn vị.)")
DIRECTION_HINT_TYPED = ("(Đồng chí gõ ý kiến chỉ đạo kèm tên đơn vị hoặc số mục, ví dụ: “nhắc <tên đơn vị>”, "
                        "“chỉ đạo <tên đơn vị> khẩn trương hoàn thành mục …”; ý kiến được chuyển đến đơn vị.)")


def direction_hint(buttons: bool, *, held: bool = True, unheld: bool = False) -> str:
    """How to direct the escalated tasks, and where the words go: the units holding them; for a task nobody holds,
    the office, to give it to a unit (probe 27, F5: "ý kiến được chuyển đến đơn vị" promised what could not be)."""
    hint = DIRECTION_HINT_REPLY if buttons else DIRECTION_HINT_TYPED
    if not unheld:
        return hint
    where = "riêng mục chưa có người nhận được chuyển đến Văn phòng" if held else \
        "nhiệm vụ chưa có người nhận nên ý kiến được chuyển đến Văn phòng"
    return hint.replace("ý kiến được chuyển đến đơn vị.)",
                        ("ý kiến được chuyển đến đơn vị, " if held else "") + where + " để giao đơn vị thực hiện.)")


def _example_extension(line: DigestLine, today: dt.date) -> str:
    """A date to show in "xin gia hạn đến …": two weeks after the task's (effective) deadline, or after today
    when it has none or is already past — never a day before the deadline being reminded."""
    return _a_fortnight_after(max(d for d in (line.effective_due_on or line.due_on, today) if d is not None))


def task_card_text(*, item_ref: str, notice_title: str, text: str, due_on: dt.date | None, due_text: str | None,
                   deadline_note: str | None, lead: str | None, support: Sequence[str], status: TaskStatus,
                   percent: int | None, assignee: str | None, leaders: Sequence[str] = (),
                   not_started: bool = False) -> str:
    lines = [f"Mục {item_ref} — {notice_title}"]
    if due_on:
        lines.append(f"Thời hạn: {date_vn(due_on)}" + (f" (“{due_text}”)" if due_text else ""))
        if deadline_note:
            lines.append(f"({deadline_note})")
    else:
        lines.append("Thời hạn: không có thời hạn cụ thể")
    lines += ["", shorten(text, 900), ""]
    lines.append(f"Chủ trì: {lead or 'chưa xác định'}" + (f"; phối hợp: {'; '.join(support)}" if support else ""))
    if assignee:
        lines.append(f"Người phụ trách: đ/c {assignee}")
    if leaders:
        lines.append(f"Lãnh đạo phụ trách: {', '.join(leaders)}")
    lines.append(f"Tình trạng: {progress_text(status, percent, not_started=not_started)}")
    return vn("\n".join(lines))


def assignment_text(name: str, notice_title: str, tasks: Sequence[tuple[str, str, dt.date | None, str | None]],
                    buttons: bool, today: dt.date | None = None, units: Sequence[str | None] = (),
                    supporting: Sequence[bool] = (), supporting_ahead: bool = True,
                    checkin_every: int = DEFAULT_POLICY.checkin_every_working_days,
                    runs: Callable[[dt.date], str | None] | None = None) -> str:
    """Sent once when a notice is confirmed (or a task reaches its holder later): every task of that notice given
    to this person; a deadline already past `today` is said to be past; `runs` (the calendar's `deadline_runs`): where
    a deadline on a day off runs to, as the preview and the digests say it (probe 7: a quarterly round "hạn
    20/12/2026" given without "(rơi vào Chủ nhật, tính đến hết 21/12/2026)"). `units`: each task's lead unit, said when
    the person holds tasks of several units (a second post, kiêm nhiệm). `supporting`: each task is a supporting
    duty on the lighter ladder (`ReminderPolicy.supports_task_lightly`; `supporting_ahead`: reminded once ahead).
    `checkin_every`: the working days between the updates asked of a task without a deadline."""
    count = f"{len(tasks)} nhiệm vụ" if len(tasks) > 1 else "nhiệm vụ"
    light = list(supporting) if len(supporting) == len(tasks) else [False] * len(tasks)
    role = "phối hợp thực hiện" if all(light) else "chủ trì"
    lines = [f"Kính gửi đồng chí {name},", f"Đồng chí được giao {role} {count} theo {in_sentence(notice_title)}:"]
    leads = list(units) if len(units) == len(tasks) else [None] * len(tasks)
    several = len(set(leads)) > 1
    # several units (a second post): each unit's name once, above its items, not on each of nineteen lines
    by_unit: dict[str | None, list[int]] = {}
    for i, unit in enumerate(leads):
        by_unit.setdefault(unit if several else None, []).append(i)
    for unit, indices in by_unit.items():
        inline = unit is not None and len(indices) == 1  # (one item of that unit: its name in the line)
        if unit is not None and not inline:
            lines.append(f"{unit} ({len(indices)} nhiệm vụ):")
        for i in indices:
            ref, text, due, period = tasks[i]
            late = " — đã quá hạn, đề nghị khẩn trương thực hiện" if due and today and due < today else ""
            ran = runs(due) if due and runs is not None else None
            deadline = ("hạn " + date_vn(due) if due else "không có thời hạn") + _round_note(period) + \
                (f", {ran}" if ran else "") + late
            mark = " (phối hợp)" if light[i] and not all(light) else ""
            lines.append(f"• Mục {ref}{f' ({unit})' if inline else ''}{mark}: {short_title(text, lead=leads[i])} — "
                         f"{deadline}")
    example = tasks[0][0]
    how = "trả lời tin này hoặc gõ" if buttons else "gõ"
    lines.append("")
    if not all(light):
        lines.append("Nhắc việc sẽ nhắc vào buổi sáng ngày làm việc khi nhiệm vụ sắp đến hạn, đến hạn hoặc quá hạn; "
                     f"nhiệm vụ không có thời hạn được đề nghị cập nhật {checkin_cadence(checkin_every)}.")
    if any(light):
        refs = ", ".join([f"mục {ref}" for (ref, *_), support in zip(tasks, light, strict=True) if support])
        which = "Đây là nhiệm vụ phối hợp" if all(light) else f"Với nhiệm vụ phối hợp ({refs})"
        ahead = "Nhắc việc chỉ nhắc một lần trước hạn" if supporting_ahead else "Nhắc việc không nhắc thêm"
        lines.append(f"{which}, trách nhiệm chính thuộc đơn vị chủ trì; {ahead}, không nhắc khi quá hạn. "
                     "Đồng chí báo cáo khi hoàn thành phần việc của đơn vị hoặc khi có đề nghị.")
    lines.append(f"Để báo cáo, đồng chí {how} số mục và tình trạng, ví dụ: “{example} xong”, "
                 f"“{example} 60% vướng kinh phí”.")
    return vn("\n".join(lines))


def _round_note(period: str | None) -> str:
    """After a recurring round's deadline: its name, unless that is the deadline just said."""
    if not period:
        return ""
    return " (định kỳ)" if period.startswith(DEADLINE_LABEL) else f" ({round_name(period)}, định kỳ)"


# the lead's partners before its work, as the lead's sentence has them: "(Chủ trì,) phối hợp (chặt chẽ) với …"
_PARTNERS_FIRST = re.compile(r"^(?:chủ trì\s*,?\s*(?:và\s+)?)?phối hợp\s+(?:chặt chẽ\s+)?(?:với|cùng)\s+", re.I)


def supported_work(text: str, limit: int = 80) -> str:
    """A task's work as a supporting unit reads it in a list: the lead's sentence without its partners — "Phối hợp với
    Phòng Kinh tế và Hạ tầng rà soát tiến độ giải ngân …" told to that very unit read as work with itself (probe 9,
    #5) — so "Rà soát tiến độ giải ngân …" (the lead is named after it); as written where no work follows the names."""
    whole = short_title(text, 10_000, for_lead=False)
    if (partners := _PARTNERS_FIRST.match(whole)) is not None:
        rest = whole[partners.end():]
        names = name_prefix(rest)
        work = rest[len(names):].strip(" ,")
        if names and len(work) >= 15 and work[:1].islower():
            whole = work[:1].upper() + work[1:]
    return shorten_at_word(whole, limit + 1)


def support_assignment_text(name: str, notice_title: str,
                            tasks: Sequence[tuple[str, str, dt.date | None, str | None]]) -> str:
    """Sent once when a notice is confirmed, to the head of a supporting unit: the items it supports."""
    return vn(f"Kính gửi đồng chí {name},\n{support_section(notice_title, tasks)}")


def support_section(notice_title: str, tasks: Sequence[tuple[str, str, dt.date | None, str | None]]) -> str:
    """The items a unit supports (its own message, or the end of its head's assignment message)."""
    count = f"{len(tasks)} nhiệm vụ" if len(tasks) > 1 else "nhiệm vụ"
    lines = [f"Đơn vị đồng chí được đề nghị phối hợp thực hiện {count} theo {in_sentence(notice_title)}:"]
    for ref, text, due, lead in tasks:
        deadline = "hạn " + date_vn(due) if due else "không có thời hạn"
        lines.append(f"• Mục {ref}: {supported_work(text)} — chủ trì: {lead or 'chưa xác định'}; {deadline}")
    lines += ["", "Đơn vị chủ trì báo cáo tiến độ; Nhắc việc không nhắc hạn đơn vị phối hợp. Khi có phần việc cần "
                  f"báo, đồng chí gõ, ví dụ: “phối hợp {tasks[0][0]}: đã gửi số liệu”."]
    return vn("\n".join(lines))


def supported_by_unit(unit: str, notices: Sequence[tuple[str, Sequence[tuple[str, str, dt.date | None, str | None]]]],
                      *, alone: str | None = None) -> str:
    """/viec, after the own tasks: the open items `unit` supports (phối hợp), notice by notice, each with its lead
    unit; `alone`: the person's name when they hold no task of their own (said first, in the same message)."""
    count = sum(len(rows) for _, rows in notices)
    where = f" theo {notices[0][0]}" if len(notices) == 1 else ""
    lines = ["Đồng chí hiện không trực tiếp phụ trách nhiệm vụ nào."] if alone else []  # (to them, not of them)
    lines.append(f"{unit} phối hợp {count} nhiệm vụ{where} (đơn vị chủ trì báo cáo tiến độ):")
    for title, rows in notices:
        if len(notices) > 1:
            lines.append(f"{title}:")
        for ref, text, due, lead in rows:
            deadline = "hạn " + date_vn(due) if due else "không có thời hạn"
            lines.append(f"• Mục {ref} (phối hợp): {supported_work(text)} — chủ trì: {lead or 'chưa xác định'}; "
                         f"{deadline}")
    lines.append(f"Khi có phần việc cần báo, đồng chí gõ, ví dụ: “phối hợp {notices[0][1][0][0]}: đã gửi ý kiến”.")
    return vn("\n".join(lines))


def chat_moved(name: str, handle: str, unit: str | None, now_for: str) -> str:
    """To a chat that opened another person's invite: it no longer receives the reminders of the row it had."""
    where = f", {unit}" if unit else ""
    return vn(f"Lưu ý: tài khoản này trước đây nhận nhắc việc của đ/c {name} ({handle}{where}). Mỗi tài khoản chỉ "
              f"nhận nhắc việc của một người trong danh bạ, nên từ nay nhắc việc của dòng danh bạ đó không gửi đến "
              f"đây nữa, chỉ nhắc việc của đ/c {now_for}. Nếu đồng chí kiêm nhiệm cả hai chức vụ, đề nghị văn thư "
              f"ghi chức vụ kiêm nhiệm thành một dòng nữa dưới mã cán bộ của đồng chí (cùng họ tên, vai trò trưởng "
              f"đơn vị, tên đơn vị kiêm nhiệm), bỏ dòng {handle}, rồi gửi lại tệp danh bạ.")


def round_already_done(item_ref: str, label: str, current: str | None, done_on: dt.date | None = None,
                       today: dt.date | None = None) -> str:
    """A second "xong" on a recurring duty whose round it closed — the same day, or before the next round began (a
    "tháng này đã báo cáo đủ" days after the report): nothing is recorded; says the day the round was recorded."""
    later = (f" Kỳ tiếp theo ({current}) chưa đến kỳ nên chưa ghi; khi hoàn thành kỳ đó, đồng chí báo lại."
             if current else "")
    when = "hôm nay" if done_on is None or done_on == today else f"ngày {done_on:%d/%m/%Y}"
    return vn(f"Mục {item_ref}: {round_name(label)} đã được ghi nhận hoàn thành {when}.{later}")


def round_held_back(item_ref: str, kind: str, label: str, *, current: str | None, starts_on: dt.date | None = None,
                    done_on: dt.date | None = None, named_said: bool = False) -> str:
    """Why a "done" report on a recurring duty did not close the round now due (`scheduler.series.round_for_report`):
    that round has not begun ("early"), the round named was reported already ("done"), comes later ("later") or is
    not one Nhắc việc follows ("untracked"). Says how to close the round now due."""
    now_due = round_name(current) if current else "kỳ hiện tại"
    named = "K" + round_name(label)[1:]  # "Kỳ tháng 12/2026"
    if kind == "early" and starts_on is not None:
        begins = "" if starts_on.strftime("%d/%m/%Y") in now_due else f" (từ {date_vn(starts_on)})"
        why = (f"K{now_due[1:]} chưa bắt đầu{begins} nên chưa tính hoàn thành; nội dung đồng chí báo đã được "
               f"ghi lại.")
    elif kind == "done" and named_said:  # (the status line said it: `past_round_status`)
        why = f"K{now_due[1:]} vẫn mở."
    elif kind == "done":
        when = f" ngày {date_vn(done_on)}" if done_on is not None else ""
        why = f"{named} đã được ghi nhận hoàn thành{when}; {now_due} vẫn mở."
    elif kind == "later":
        why = f"{named} chưa đến; {now_due} vẫn mở."
    else:
        why = (f"{named} không thuộc các kỳ Nhắc việc theo dõi; "
               f"{now_due} vẫn mở.")
    return vn(f"{why} Khi hoàn thành kỳ này, đồng chí gõ “{item_ref} xong”.")


def past_round_status(label: str, done_on: dt.date | None) -> str:
    """The status line of words on a round reported already ("báo cáo tháng 4 …" again after April closed): what
    they were kept as, not the status of the round now due (conv40, #2)."""
    when = f" ngày {date_vn(done_on)}" if done_on is not None else ""
    return f"bổ sung nội dung {round_name(label)} (kỳ này đã hoàn thành{when})"


def round_still_open(item_ref: str, current: str | None) -> str:
    """After a one-off step of a recurring report duty ("đã trình ban hành kế hoạch số 85, xong"): the report round
    now due is not closed by it (probe 39, #1)."""
    now_due = round_name(current) if current else "kỳ hiện tại"
    return vn(f"Việc này chưa tính là báo cáo định kỳ: {now_due} vẫn mở. Khi gửi báo cáo kỳ này, đồng chí gõ "
              f"“{item_ref} đã gửi báo cáo”.")


def judged_by(on_time: bool, due: dt.date | None = None, extended_from: dt.date | None = None, *,
              inside: bool = False) -> str:
    """"đúng hạn" / "quá hạn"; finished after an extension, the deadline it was judged by is named: "quá hạn, hạn
    31/03/2027 (đã gia hạn từ 25/03)", "đúng hạn (đã gia hạn từ 25/03 đến 31/03/2027)" — not the first one (conv40,
    #1; the first named too, as the item's own text still says it: probe 41, #5).
    `inside`: said within brackets already ("hoàn thành ngày 01/04 (…)"): commas, not brackets again."""
    if due is None or extended_from is None or extended_from == due:
        return "đúng hạn" if on_time else "quá hạn"
    opens, closes = (", ", "") if inside else (" (", ")")
    if on_time:
        return f"đúng hạn{opens}đã gia hạn từ {extended_from:%d/%m} đến {date_vn(due)}{closes}"
    return f"quá hạn, hạn {date_vn(due)}{opens}đã gia hạn từ {extended_from:%d/%m}{closes}"


def series_step_text(item_ref: str, finished: str, on_time: bool, next_title: str | None, note: str | None,
                     extended_to: dt.date | None = None, due_on: dt.date | None = None) -> str:
    when = judged_by(on_time, extended_to, due_on)
    lines = [f"Đã cập nhật: mục {item_ref} — hoàn thành {round_name(finished)}, {when}."]
    lines.append(f"Kỳ tiếp theo: {next_title}." if next_title else "Nhiệm vụ định kỳ này đã hết các kỳ phải thực hiện.")
    lines += _note_line(note)
    return vn("\n".join(lines))


def snoozed_by(actor_name: str, item_ref: str, until: dt.date) -> str:
    """To the holder of a task someone else of the unit (a deputy) put off: why its reminders stop."""
    return vn(f"Đ/c {actor_name} đã hoãn nhắc mục {item_ref}; Nhắc việc sẽ nhắc lại sáng "
              f"{WEEKDAYS[until.weekday()]}, {date_vn(until)}.")


def snoozed_text(item_ref: str, until: dt.date) -> str:
    return vn(f"Đã hoãn nhắc mục {item_ref}; Nhắc việc sẽ nhắc lại sáng {WEEKDAYS[until.weekday()]}, "
              f"{date_vn(until)}.")


def recorded_status(rec: Recorded) -> str:
    """"Hoàn thành, đúng hạn", "60% — Đang thực hiện (đã gia hạn đến 30/04/2026)"."""
    if rec.standing:  # "xong" on a standing duty: reported on, not finished
        return "Đang thực hiện (nhiệm vụ thường xuyên: đã ghi nhận báo cáo, Nhắc việc sẽ hỏi lại định kỳ)"
    if rec.ongoing:  # work that goes on (tuyên truyền, giám sát …): reported on, kept open (probe 24 #12)
        return ("Đang thực hiện (công việc thực hiện liên tục: đã ghi nhận báo cáo, nhiệm vụ vẫn tiếp tục, Nhắc việc "
                "sẽ hỏi lại định kỳ)")
    if rec.status == TaskStatus.DONE:
        if rec.on_time and rec.extended_from:  # within a granted extension: named, as the weekly summary does
            when = f" ({judged_by(True, rec.due_on, rec.extended_from, inside=True)})"
        else:
            when = "" if rec.on_time is None else (", đúng hạn" if rec.on_time else
                                                   f", {judged_by(False, rec.due_on, rec.extended_from)}")
        day = f" ngày {date_vn(rec.done_on)}" if rec.done_on else ""  # "xong từ 28/1", said later
        return f"Hoàn thành{day}{when}"
    if rec.status == TaskStatus.EXTENDED:
        extended = f" (đã gia hạn đến {date_vn(rec.due_on)})" if rec.due_on else ""
        return (f"{rec.percent}% — " if rec.percent is not None else "") + f"Đang thực hiện{extended}"
    if rec.status == TaskStatus.OPEN:  # "chưa triển khai": reported as not started
        return "Chưa triển khai"
    return (f"{rec.percent}% — " if rec.percent is not None else "") + STATUS_LABELS[rec.status]


SOME_DECIDER = "lãnh đạo hoặc quản trị viên"  # storage's words when no head decides (the leaders and the office)
DECIDERS_NAMED = 3  # leaders named one by one at most in "đã được chuyển tới …"


def deciders_named(people: Sequence[Person]) -> str | None:
    """Whom an extension request went to, by name: "đ/c Nguyễn Hồng Hải và Văn phòng" (the admins are the office);
    None: nobody reachable (the caller keeps its words)."""
    leaders = [f"đ/c {p.full_name}" for p in people if p.role == Role.LEADER]
    office = ["Văn phòng"] if any(p.role == Role.ADMIN for p in people) else []
    if len(leaders) > DECIDERS_NAMED:
        leaders = ["lãnh đạo"]
    named = [*leaders, *office]
    if not named:
        return None
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} và {named[-1]}"


FAR_EXTENSION_DAYS = 92  # an extension request moving a deadline more than about 3 months: said how far, to the
# requester and to those who decide it (probe 23, F1: "đến hết tháng Giêng" typed in April is 10 months away)
FAR_TET_DAYS = 120  # a date said by Tết or tháng Giêng more than about 4 months ahead: its lunar year named

_CAN = ("Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ")
_CHI = ("Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi")


def lunar_year_name(year: int) -> str:
    """ "Đinh Mùi 2027": the lunar year whose Tết falls in that Gregorian year."""
    return f"{_CAN[year % 10]} {_CHI[year % 12]} {year}"


def months_vn(days: int) -> str:
    """ "khoảng 10 tháng", "45 ngày": a long span in words a reader weighs at a glance."""
    return f"khoảng {round(days / 30.44)} tháng" if days >= 45 else f"{days} ngày"


def far_extension(current_due: dt.date | None, requested_due: dt.date | None, today: dt.date) -> str | None:
    """ "gần … sau thời hạn hiện tại": said when a request moves the deadline more than FAR_EXTENSION_DAYS (from the
    deadline now, or from today when there is none or it has passed); None otherwise."""
    if requested_due is None:
        return None
    base = current_due if current_due is not None and current_due >= today else today
    days = (requested_due - base).days
    if days <= FAR_EXTENSION_DAYS:
        return None
    since = "thời hạn hiện tại" if base == current_due else "hôm nay"
    return f"ngày đề nghị cách {since} {months_vn(days)}"


def recorded_text(rec: Recorded, note: str | None = None, requested_due: dt.date | None = None, *,
                  deciders: str = SOME_DECIDER, replaced_due: dt.date | None = None,
                  replaced: bool = False, reopened: bool = False, requested_note: str | None = None,
                  current_due: dt.date | None = None, today: dt.date | None = None,
                  date_confirmed: bool = False, past_round: str | None = None) -> str:
    """`requested_note`: the date asked falls on a day off ("hạn … rơi vào ngày nghỉ Tết, tính đến hết …");
    `current_due`, `today`: to say a request that moves the deadline far (FAR_EXTENSION_DAYS), and the lunar year of
    a Tết phrase far ahead — not read back when the requester has just confirmed that date (`date_confirmed`)."""
    if reopened:  # (the note is the person's own "mở lại …": not repeated)
        return vn(f"Đã mở lại mục {rec.item_ref}: {recorded_status(rec)}. Nhắc việc sẽ nhắc nhiệm vụ này như trước.")
    lines = [f"Đã cập nhật: mục {rec.item_ref} — {past_round or recorded_status(rec)}."]
    if rec.ongoing == "asked":  # a first "xong" on work that goes on: asked once whether all of it is finished
        kind = "nhiệm vụ thường xuyên" if rec.standing else "công việc thực hiện liên tục"
        lines.append(f"Nhiệm vụ này là {kind}, chưa có thời hạn kết thúc. Nếu toàn bộ nhiệm vụ đã "
                     f"hoàn thành, không còn phải thực hiện tiếp, đồng chí gõ “{rec.item_ref} xong” một lần nữa để "
                     "kết thúc nhiệm vụ.")
    if requested_due:
        lines.append(f"Đề nghị gia hạn đến {date_vn(requested_due)} đã được chuyển tới {deciders} xem xét; "
                     "Nhắc việc sẽ báo kết quả cho đồng chí.")
        if requested_note:
            lines.append(f"({requested_note})")
        far = far_extension(current_due, requested_due, today) if today is not None else None
        lunar = bool(note and re.search(r"\b(?:tet|gieng|ram)\b", strip_marks(note).lower()))
        if lunar and not date_confirmed:  # a date said by the lunar year; far ahead, its year named (probe 23, F1)
            year = (f" (Tết năm {lunar_year_name(requested_due.year)})"
                    if today is not None and (requested_due - today).days > FAR_TET_DAYS else "")
            lines.append(f"(Nhắc việc hiểu thời gian đồng chí nêu là {WEEKDAYS[requested_due.weekday()]}, "
                         f"{date_vn(requested_due)}{year}; nếu chưa đúng, "
                         f"đồng chí gõ lại kèm ngày cụ thể, ví dụ: “{rec.item_ref} xin gia hạn đến "
                         f"{requested_due + dt.timedelta(days=7):%d/%m}”.)")
        if far and today is not None:  # said to those who decide it too
            again = "" if lunar else (f" Nếu chưa đúng ý, đồng chí gõ lại kèm ngày cụ thể, ví dụ: “{rec.item_ref} "
                                      f"xin gia hạn đến {_a_fortnight_after(max(current_due or today, today))}”.")
            lines.append(f"Lưu ý: {far}; người xem xét cũng được báo điều này.{again}")
        if replaced:
            before = f" (đến {date_vn(replaced_due)})" if replaced_due else ""
            lines.append(f"Đề nghị này thay cho đề nghị gia hạn trước đó{before}; đề nghị trước không còn hiệu lực.")
    lines += _note_line(note)
    return vn("\n".join(lines))


def blocked_reason_hint(item_ref: str, *, replies: bool) -> str:
    """Under the confirmation of "Vướng mắc" said without what is in the way (a tap, a bare "2 vướng"): the
    lead and the leader can only help with a difficulty they know."""
    how = "trả lời tin này" if replies else f"gõ “{item_ref} vướng <nội dung>”"
    return (f"Đề nghị đồng chí {how} để nêu cụ thể vướng mắc (ví dụ: “vướng kinh phí khảo sát”, "
            "“chờ ý kiến Sở Tài chính”), để lãnh đạo nắm và tháo gỡ.")


def covering_line(covering_for: str) -> str:
    """Over a message to the colleague covering a leave: whose it is."""
    return vn(f"(Đồng chí theo dõi thay đ/c {covering_for} nghỉ phép.)")


def status_told_to_lead(*, actor_name: str, rec: Recorded, notice_title: str, note: str | None,
                        covering_for: str | None = None, asked: dt.date | None = None,
                        round_done: tuple[str, bool, str | None] | None = None,
                        round_judged: str | None = None, past_round: str | None = None) -> str:
    """To the head of the lead unit (a cadre's task) or to the assignee (the head or an admin updated it); to the
    colleague covering for one of them while on leave (`covering_for`). `asked`: an extension request to that
    date, gone to those who decide it; `round_done`: a recurring duty's round (label, on time, next round's title)
    — said as that round, since "Hoàn thành" alone reads as the whole duty finished; `round_judged`: its "đúng hạn"
    / "quá hạn" as the writer read it (an extended round names its deadline); `past_round`: words on a round
    reported already, said as such (not the status of the round now due)."""
    status = past_round or recorded_status(rec)
    if round_done is not None:
        finished, on_time, next_title = round_done
        judged = round_judged or ('đúng hạn' if on_time else 'quá hạn')
        status = f"hoàn thành {round_name(finished)}, {judged}" + (
            f"; kỳ tiếp theo: {next_title}" if next_title else "; nhiệm vụ định kỳ này đã hết các kỳ phải thực hiện")
    lines = [f"Đ/c {actor_name} đã cập nhật nhiệm vụ mục {rec.item_ref} ({in_sentence(notice_title)}): {status}."]
    if asked is not None:
        lines = [f"Đ/c {actor_name} đã đề nghị gia hạn nhiệm vụ mục {rec.item_ref} ({in_sentence(notice_title)}) đến "
                 f"{date_vn(asked)}; đề nghị đã được chuyển tới người có thẩm quyền xem xét, Nhắc việc sẽ báo kết quả."]
    if covering_for:
        lines.insert(0, covering_line(covering_for))
    lines += _note_line(note)
    return vn("\n".join(lines))


_STATUS_WORDS = re.compile(r"\b(?:muc|xong|hoan thanh|hoan tat|da|dang|thuc hien|tiep tuc|vuong|vuong mac|mo lai|"
                           r"xin|gia han|den|ngay|ky truoc|ky nay|"
                           r"roi|a|nhe|nha|nhi|ha|vay|day)\b"  # (and the particles around them: "xong rồi ạ")
                           r"|\d+(?:[./]\d+)*%?|[.,:;!?-]")


# a done word said of a part ("xong 1 phần", "hoàn thành một nửa", "xong phần lớn"): the words say what the status
# line ("Đang thực hiện") does not
_PART_DONE = re.compile(r"\b(?:xong|hoan thanh|hoan tat)\s+(?:duoc\s+)?(?:(?:mot|1)\s+(?:phan|nua)|phan lon|phan)\b")


def meaningful_note(note: str) -> bool:
    """Whether a reply says more than its status ("2.1 xong" does not; "vướng kinh phí khảo sát" does)."""
    folded = strip_marks(note).lower()
    return len(_STATUS_WORDS.sub(" ", folded).split()) >= 2 or _PART_DONE.search(folded) is not None


_LEADING_STATUS = re.compile(  # what the status line already says: "50%", "xong", "đã hoàn thành,", "đang thực hiện"
    r"^\s*(?:(?:đạt|được|khoảng|dat|duoc|khoang)?\s*\d{1,3}\s*%|(?:(?:đã|da)\s+)?xong(?:\s+r[ồo]i)?"
    r"(?:\s+(?:ạ|a|nhé|nhe|nha)(?=\s*[,.;:!]))?\b"  # ("xong rồi ạ, đã gửi …": the particle too, probe 41 #8)
    # (not a done word said of a part: "đã xong phần lớn, còn chờ …" keeps its start)
    r"(?!\s+(?:(?:được|duoc)\s+)?(?:phần|phan|một|mot|1|đợt|dot|bước|buoc|khâu|khau|giai đoạn|giai doan)\b)"
    r"|(?:(?:đã|da)\s+)?(?:hoàn thành|hoan thanh)(?:\s+r[ồo]i)?(?=\s*(?:[-–—,:;.]|$))"
    # (with marks or without, only where nothing of the sentence follows: "đang thực hiện kế hoạch" keeps its verb)
    r"|(?:đang|dang)\s+(?:thực hiện|thuc hien|triển khai|trien khai)(?=\s*(?:[-–—,:;.]|\d{1,3}\s*%|$)))"
    r"\s*[-–—,:;.]?\s*", re.IGNORECASE)
# particles that say nothing once the status is read: "xong rồi ạ", "xong roi nhe", "đã hoàn thành rồi nhé!"
_ONLY_PARTICLES = re.compile(r"^(?:[\s.,!?…]|\b(?:r[ồo]i|[ạàa]|nh[éeá]|nha|nhỉ|nhi|h[àa]|vậy|vay|đấy|day)\b)*$",
                             re.IGNORECASE)


def note_body(note: str) -> str:
    """A reply's note as shown under the recorded status: without the percentage or "xong" it opens with,
    which the status line already shows ("50% đang rà soát" → "đang rà soát", "xong, đã gửi" → "đã gửi");
    a percentage inside the text stays, and "hoàn thành báo cáo quý" keeps its verb."""
    body = nfc(note)
    for _ in range(3):  # "xong 100%, …", "dang thuc hien 50% vuong nhan su"
        body = _LEADING_STATUS.sub("", body, count=1)
    if _ONLY_PARTICLES.match(body):  # "đã xong rồi ạ": nothing but the status and a particle
        return nfc(note)
    return body or nfc(note)


def _note_line(note: str | None) -> list[str]:
    return [f"Nội dung: {shorten(note_body(note), 300)}"] if note and meaningful_note(note) else []


def ambiguous_ref(ref: str, tasks: Sequence[tuple[str | None, str, str]], replies: bool = True) -> str:
    """Several tasks numbered `ref` (notice number, notice title, text): which is meant. Told apart by the
    notice's number typed with the status ("1 xong TB 228"); by a reply where the channel has replies."""
    lines = [f"Đồng chí đang phụ trách {len(tasks)} nhiệm vụ cùng số mục {ref}:"]
    lines += [f"• {title}: {shorten(text, 80)}" for _, title, text in tasks]
    numbers = [number for number, _, _ in tasks]
    if all(numbers) and len(set(numbers)) == len(numbers):
        first = str(numbers[0])
        first = first if "-" in first or "/" in first else f"TB {first}"  # "228-TB/HU" as written; "TB 12"
        lines.append(f"Đồng chí gõ kèm số văn bản, ví dụ: “{ref} xong {first}”"
                     + (", hoặc trả lời đúng tin nhắc việc của nhiệm vụ." if replies else "."))
    else:
        lines.append("Đồng chí vui lòng " + ("trả lời đúng tin nhắc việc của nhiệm vụ cần cập nhật, hoặc " if replies
                                            else "") + f"gõ kèm vài chữ của nhiệm vụ, ví dụ: “{ref} "
                     f"{' '.join(tasks[0][2].split()[:4])} xong”.")
    return vn("\n".join(lines))


def which_of_two(typed_ref: str, replied_ref: str, rest: str, buttons: bool = True) -> str:
    how = "Đồng chí bấm mục đúng bên dưới." if buttons else "Đồng chí gõ lại kèm số mục đúng."
    return vn(f"Đồng chí báo cáo mục {typed_ref} hay mục {replied_ref}? Tin đồng chí trả lời là về mục {replied_ref}, "
              f"nhưng nội dung ghi mục {typed_ref} (“{shorten(rest, 60)}”). {how}")


def nothing_to_reopen(ref: str, still_open: str | None = None) -> str:
    """"mở lại 5.2" with nothing finished so numbered; `still_open`: the item it reads as, which is not finished (a
    "xong" already taken back, probe 36)."""
    if still_open is not None:
        return vn(f"Mục {still_open} chưa ghi hoàn thành (đang thực hiện) nên không cần mở lại; đồng chí báo tiến độ "
                  f"như thường, ví dụ: “{still_open} 50%”.")
    return vn(f"Không có nhiệm vụ mục {ref} đã hoàn thành trong danh sách của đồng chí để mở lại.")


def no_open_tasks() -> str:
    """To the person themself (probe 28, item 9: not "Đồng chí Rơ Châm Hùng hiện không có …")."""
    return vn("Đồng chí hiện không có nhiệm vụ nào đang thực hiện để cập nhật; gõ /viec để xem danh sách nhiệm vụ.")


def missed_round_hint(item_ref: str, missed: str, *, button: bool = True) -> str:
    """Under the confirmation of a round, when an earlier round is still recorded as not reported; `button`: the
    action comes with it (not where the channel has none, nor in one confirmation of several items)."""
    how = f"bấm nút bên dưới hoặc gõ “{item_ref} xong kỳ trước”" if button else f"gõ “{item_ref} xong kỳ trước”"
    return vn(f"Kỳ {missed} vẫn ghi là chưa báo cáo; nếu kỳ đó cũng đã xong, đồng chí {how}.")


def missed_round_button(missed: str) -> str:
    return vn(f"Kỳ {missed} cũng đã xong")


def missed_round_done(item_ref: str, missed: str, on_time: bool, current: str | None, note: str | None) -> str:
    when = "đúng hạn" if on_time else "quá hạn"
    lines = [f"Đã cập nhật: mục {item_ref} — hoàn thành {round_name(missed)}, {when}."]
    if current:
        lines.append(f"Kỳ {current}: Nhắc việc tiếp tục nhắc như trước.")
    lines += _note_line(note)
    return vn("\n".join(lines))


def impossible_percent(item_ref: str, typed: int) -> str:
    if typed < 0:
        return vn(f"Tỷ lệ hoàn thành của mục {item_ref} không thể là số âm ({typed}%), Nhắc việc chưa ghi nhận. "
                  f"Đồng chí gõ lại tỷ lệ từ 0 đến 100%, ví dụ “{item_ref} 20%”.")
    return vn(f"Tỷ lệ hoàn thành {typed}% của mục {item_ref} vượt quá 100%, Nhắc việc chưa ghi nhận. Đồng chí gõ lại "
              f"tỷ lệ từ 0 đến 100%, ví dụ “{item_ref} 80%”, hoặc “{item_ref} xong” nếu đã hoàn thành.")


def change_not_share(item_ref: str, typed: str) -> str:
    """A change by a share ("giảm 20%") with nothing else to store: what is meant is asked, nothing stored."""
    return vn(f"Nội dung “{shorten(' '.join(typed.split()), 60)}” nêu mức tăng, giảm chứ chưa nêu tỷ lệ hoàn thành "
              f"của mục {item_ref}, nên Nhắc việc chưa ghi nhận. Đồng chí gõ tỷ lệ đã hoàn thành, ví dụ “{item_ref} "
              f"60%”, hoặc ghi kèm tình trạng, ví dụ “{item_ref} đang thực hiện, kinh phí giảm 20%”.")


def no_missed_round(item_ref: str) -> str:
    return vn(f"Mục {item_ref} không có kỳ trước nào đang chờ báo cáo.")


def notice_label(number: str | None, title: str) -> str:
    """A notice named short: its number ("76/TB-UBND") when it has one, else its title cut short."""
    return number if number and re.search(r"\d", number) else in_sentence(short_title(title, 45))


def which_task(tasks: Sequence[tuple[str, str]], typed: str, buttons: bool = True, unit: str | None = None,
               notices: Sequence[str] | None = None, holders: Sequence[str | None] | None = None) -> str:
    """The question when nothing says which of several tasks a message is about; the actions under it
    (one per candidate) apply the message to the one chosen. `unit`: the tasks are that unit's (the office
    recording what it said), not the person's own; `holders`: who holds each (None: the person asked), named when
    not all the same."""
    holder = f"{unit} đang có" if unit else "Đồng chí đang phụ trách"
    lines = [f"{holder} {len(tasks)} nhiệm vụ. Nội dung “{shorten(typed, 80)}” là của nhiệm vụ nào?"]
    if notices:  # tasks of several notices: each one's notice named (probe 23)
        lines += [f"• Mục {ref} ({in_sentence(notice)}): {short_title(text, 60)}"
                  for (ref, text), notice in zip(tasks, notices, strict=True)]
    elif holders and len(set(holders)) > 1:  # a head's unit: his own items and a cadre's (close28)
        lines += [f"• Mục {ref}: {short_title(text, 80)} — " + (f"đ/c {who}" if who else "đồng chí phụ trách")
                  for (ref, text), who in zip(tasks, holders, strict=True)]
    else:
        lines += [f"• Mục {ref}: {short_title(text, 90)}" for ref, text in tasks]
    if buttons:
        lines.append("Đồng chí bấm số mục bên dưới; nội dung trên sẽ được ghi cho nhiệm vụ đó.")
    return vn("\n".join(lines))


def own_or_unit_question(rows: Sequence[tuple[str, str, str | None]], typed: str, *, buttons: bool = True) -> str:
    """A message with no item number from one who holds a single item, whose words are about another item of her unit
    (rows: item, its text, who holds it — None: she does; hers last): which one it reports on; the actions under it
    record the words on the one chosen (probe 41, #2)."""
    items = [f"mục {ref} ({short_title(text, 50)}; " + (f"đ/c {who} phụ trách)" if who else "đồng chí phụ trách)")
             for ref, text, who in rows]
    asked = f"{', '.join(items[:-1])} hay {items[-1]}"
    how = "Đồng chí bấm số mục bên dưới" if buttons else "Đồng chí gõ số mục"
    return vn(f"Ý đồng chí là {asked}? {how}; nội dung “{shorten(' '.join(typed.split()), 60)}” sẽ được ghi cho mục "
              "đó.")


def which_notice(ref: str, rows: Sequence[tuple[str, str | None, str]], typed: str, buttons: bool = True) -> str:
    """An item number several notices have (12/TB's and 145/TB's II.2.a), typed by the office with nothing else
    saying which (rows: notice named short, unit, task text): which notice the report is about; the actions under it
    record it there (probe 26, F1)."""
    notices = len(dict.fromkeys(notice for notice, _, _ in rows))
    lines = [f"Mục {ref} có ở {notices} thông báo. Nội dung “{shorten(typed, 80)}” là của thông báo nào?"]
    lines += [f"• {notice}" + (f" — {unit}" if unit else "") + f": {short_title(text, 60)}"
              for notice, unit, text in rows[:8]] + (["• …"] if len(rows) > 8 else [])
    if buttons:  # (without: the channel adds the forms to type, the notice number in each)
        lines.append("Đồng chí bấm mục của thông báo đó bên dưới; nội dung trên sẽ được ghi cho nhiệm vụ đó.")
    return vn("\n".join(lines))


def which_under(ref: str, tasks: Sequence[tuple[str, str]], typed: str, buttons: bool = True) -> str:
    """An item number that is a section of several tasks the person holds ("2.3" over 2.3.a–2.3.b.3): which one the
    report is about; the actions under it record it on the one chosen."""
    lines = [f"Mục {ref} gồm {len(tasks)} nhiệm vụ đồng chí đang phụ trách. Nội dung “{shorten(typed, 80)}” là của "
             "nhiệm vụ nào?"]
    lines += [f"• Mục {r}: {short_title(text, 90)}" for r, text in tasks[:8]] + (["• …"] if len(tasks) > 8 else [])
    if buttons:  # (without: the channel adds the forms to type, one per item)
        lines.append("Đồng chí bấm số mục bên dưới; nội dung trên sẽ được ghi cho nhiệm vụ đó.")
    return vn("\n".join(lines))


def which_lapsed(ref: str, words: str, said_on: dt.date) -> str:
    """A task tapped under "… là của nhiệm vụ nào?" after the question lapsed: nothing recorded, and what to type."""
    said = shorten(" ".join(words.split()), 60)
    return vn(f"Câu hỏi ngày {said_on:%d/%m/%Y} (nội dung “{said}” là của nhiệm vụ nào?) đã hết hiệu lực nên Nhắc "
              f"việc chưa ghi. Nếu nội dung ấy vẫn đúng, đồng chí gõ “{ref} {said}”.")


def every_lapsed(example_ref: str) -> str:
    """A "đúng" long after "… cho cả … mục, đúng không?": that question no longer holds, and what to type."""
    return vn(f"Câu hỏi trước đã hết hiệu lực nên Nhắc việc chưa ghi. Đồng chí gõ lại tình trạng từng mục, ví dụ "
              f"“{example_ref} xong”, hoặc gõ lại “tất cả đã hoàn thành” để được hỏi lại.")


def every_question(rows: Sequence[tuple[str, str, dt.date | None]], typed: str, *, buttons: bool,
                   section: str | None = None) -> str:
    """A message that would record the same on several tasks at once ("Phường đã hoàn thành tất cả các nội dung",
    "mục 1 đã hoàn thành" over 1.a–1.e): the tasks listed, asked once "đúng không?"; the first action (or "đúng")
    records it on every one, an item's action on that one alone. `section`: the item number typed, a heading."""
    head = f"Mục {section} gồm {len(rows)} nhiệm vụ đồng chí đang phụ trách" if section else \
        f"Nội dung này sẽ được ghi cho cả {len(rows)} nhiệm vụ đồng chí đang phụ trách"
    lines = [f"{head}:"]
    lines += [f"• Mục {ref}: {short_title(text, 70)}" + (f" — hạn {date_vn(due)}" if due else "")
              for ref, text, due in rows[:10]] + (["• …"] if len(rows) > 10 else [])
    how = f"bấm “{every_button(len(rows))}” hoặc gõ “đúng”" if buttons else "gõ “đúng”"
    one = "bấm số mục đó" if buttons else f"gõ số mục và nội dung, ví dụ “{rows[0][0]} xong”"
    lines.append(f"“{shorten(' '.join(typed.split()), 80)}” cho cả {len(rows)} mục, đúng không? Nếu đúng, đồng chí "
                 f"{how}; nếu chỉ một mục, đồng chí {one}.")
    return vn("\n".join(lines))


def planned_after_deadline(ref: str, planned: dt.date, due: dt.date, *, runs_to: dt.date, buttons: bool) -> str:
    """Under a progress report whose planned date is after the deadline ("7.d đang làm, dự kiến xong 20/5", due
    15/5): said, with the extension to that date one tap (or "xin gia hạn") away."""
    runs = f", tính đến hết {date_vn(runs_to)}" if runs_to != due else ""
    how = f"bấm “{plan_button(planned)}” hoặc gõ “xin gia hạn”" if buttons else "gõ “xin gia hạn”"
    return vn(f"Lưu ý: ngày dự kiến hoàn thành {date_vn(planned)} muộn hơn thời hạn của mục {ref} ({date_vn(due)}"
              f"{runs}). Nếu cần thêm thời gian, đồng chí {how} để đề nghị gia hạn đến {date_vn(planned)}.")


def far_lunar_question(ref: str, requested: dt.date, today: dt.date, *, buttons: bool) -> str:
    """Asked back, nothing sent, when a Tết/Giêng/rằm phrase reads as a date more than FAR_TET_DAYS ahead (probe 23,
    F1: "đến sau rằm tháng Giêng" typed in April is next year's)."""
    how = f"bấm “{far_lunar_button(requested)}” hoặc gõ “đúng”" if buttons else "gõ “đúng”"
    return vn(f"Đồng chí đề nghị gia hạn mục {ref} đến {date_vn(requested)} (theo âm lịch năm "
              f"{lunar_year_name(requested.year)}, {months_vn((requested - today).days)} nữa)? Nếu đúng, đồng chí "
              f"{how}; nếu không, đồng chí gõ lại ngày, ví dụ “xin gia hạn {ref} đến "
              f"{_a_fortnight_after(today)}”. Đề nghị chưa được gửi đi.")


def far_lunar_button(requested: dt.date) -> str:
    return f"Gửi đề nghị đến {date_vn(requested)}"


def plan_button(planned: dt.date) -> str:
    return f"Xin gia hạn đến {planned:%d/%m}"


def with_unit(text: str, ref: str, unit: str) -> str:
    """A confirmation naming the unit after its item ("Đã cập nhật: mục 7.d (UBND phường Cam Đường) — Hoàn thành"):
    the office recording one unit's report on an item several hold."""
    return text.replace(f"mục {ref}", f"mục {ref} ({unit})", 1)


def every_button(count: int) -> str:
    return f"Đúng, cả {count} mục"


def which_extension(ref: str | None, pending: Sequence[ExtensionRequest],
                    waiting: Sequence[ExtensionRequest] = (), approve: bool = True) -> str:
    """`waiting`: when none waits on the item named, those that wait on this person, each with the decision to type
    (an item number read otherwise than the leader meant: probe 36, F1)."""
    if not pending:
        what = f" cho mục {ref}" if ref else ""
        lines = [f"Không có đề nghị gia hạn nào{what} đang chờ đồng chí quyết định."]
        if waiting:
            lines += ["Đề nghị đang chờ đồng chí:", *_waiting_forms(waiting, "đồng ý" if approve else "không đồng ý")]
        return vn("\n".join(lines))
    lines = ["Có nhiều đề nghị gia hạn đang chờ xử lý:"]
    lines += [f"• Mục {p.item_ref} ({in_sentence(p.notice_title)}) — {p.unit_name + ', ' if p.unit_name else ''}"
              f"đ/c {p.requester_name}, đến {date_vn(p.requested_due)}" for p in pending]
    first = pending[0]
    if sum(p.item_ref == first.item_ref for p in pending) > 1:  # one item of several units: name the unit
        example = f"“đồng ý gia hạn {first.item_ref} {first.unit_name or 'đ/c ' + first.requester_name}”"
        lines.append(f"Đồng chí vui lòng gõ kèm số mục và tên đơn vị (hoặc người đề nghị), ví dụ: {example}.")
    else:
        lines.append(f"Đồng chí vui lòng gõ kèm số mục, ví dụ: “đồng ý gia hạn {first.item_ref}”.")
    return vn("\n".join(lines))


def not_sent_extensions(pending: Sequence[ExtensionRequest], approve: bool) -> str:
    """A bare "đồng ý" from a leader who may decide requests but was sent none of them (they went to the leader the
    notice names): which wait, and how to decide one by its number."""
    return vn("\n".join(["Chưa có đề nghị gia hạn nào gửi đồng chí quyết định. Đề nghị đang chờ mà đồng chí có thể "
                         "quyết định:", *_waiting_forms(pending, "đồng ý" if approve else "không đồng ý")]))


def _waiting_forms(pending: Sequence[ExtensionRequest], word: str) -> list[str]:
    """One line per request waiting: whose, to which date, and the typed decision that names it."""
    return [f"• Mục {p.item_ref} — {p.unit_name + ', ' if p.unit_name else ''}đ/c {p.requester_name}, đến "
            f"{date_vn(p.requested_due)}: gõ “{word} gia hạn {p.typed_which}”" for p in pending]


def which_notice_extension(pending: Sequence[ExtensionRequest], approve: bool) -> str:
    """A decision whose item number matches requests waiting in several notices: which one, asked (probe 36)."""
    each = [f"mục {p.item_ref} ({in_sentence(p.notice_title)}) — {p.unit_name + ', ' if p.unit_name else ''}"
            f"đ/c {p.requester_name} đề nghị đến {date_vn(p.requested_due)}" for p in pending]
    word = "đồng ý" if approve else "không đồng ý"
    return vn(f"Ý đồng chí là {word} đề nghị gia hạn " + " hay ".join(each) + "?\nĐồng chí chọn đề nghị để Nhắc việc "
              "ghi quyết định.")


def already_decided(decided: Sequence[ExtensionRequest], waiting: Sequence[ExtensionRequest], approve: bool,
                    reader_id: int) -> str:
    """A decision typed again after the request was decided (a second "đồng ý gia hạn II.4.c"): nothing recorded
    twice; who decided it, when, and the deadline it left; the requests still waiting on the reader, if any."""
    lines = []
    for req in decided:
        when = f" lúc {req.decided_at.astimezone(VN_TZ):%H:%M ngày %d/%m/%Y}" if req.decided_at else ""
        who = "đồng chí" if req.decided_by_id == reader_id else \
            (f"đ/c {req.decided_by_name}" if req.decided_by_name else "người có thẩm quyền")
        unit = f" của {req.unit_name}" if req.unit_name else ""
        asked = f"đề nghị gia hạn mục {req.item_ref}{unit} ({in_sentence(req.notice_title)})"
        if req.decision == "approved":
            lines.append(f"Đã gia hạn: {asked} đã được {who} đồng ý{when}; thời hạn mới là "
                         f"{date_vn(req.current_due)}.")
        else:
            lines.append(f"Đề nghị đã được quyết định: {asked} đã được {who} không đồng ý{when}; thời hạn vẫn là "
                         f"{date_vn(req.current_due)}.")
    lines.append("Nhắc việc không ghi thêm quyết định.")
    if waiting:
        lines.append("Đề nghị gia hạn đang chờ đồng chí quyết định:")
        lines += _waiting_forms(waiting, "đồng ý" if approve else "không đồng ý")
    return vn("\n".join(lines))


def group_grant_far(pending: Sequence[ExtensionRequest], today: dt.date) -> str:
    """ "đồng ý gia hạn 2.1 cho cả 2 xã" when one of the requests moves the deadline far (FAR_EXTENSION_DAYS): nothing
    granted yet; each unit's date shown, with how far, so the leader decides knowing what he grants (probe 23, F1)."""
    first = pending[0]
    lines = [f"Chưa gia hạn: các đề nghị gia hạn mục {first.item_ref} ({in_sentence(first.notice_title)}) xin đến các "
             "ngày sau, có đề nghị kéo dài thời hạn hơn 3 tháng:"]
    for p in pending:
        far = far_extension(p.current_due, p.requested_due, today)
        lines.append(f"• {p.unit_name + ', ' if p.unit_name else ''}đ/c {p.requester_name}: đến "
                     f"{date_vn(p.requested_due)}" + (f" ({far})" if far else "")
                     + f" — gõ “đồng ý gia hạn {p.typed_which}”")
    lines.append(f"Đồng chí quyết định từng đề nghị, hoặc gõ một ngày cho tất cả, ví dụ: “đồng ý gia hạn "
                 f"{first.item_ref} cho cả {len(pending)} đơn vị đến {_a_fortnight_after(today)}”.")
    return vn("\n".join(lines))


def share_not_waiting(share: NamedShare, decided_at: dt.datetime | None, pending: Sequence[ExtensionRequest],
                      approve: bool, reader_id: int | None = None) -> str:
    """A decision naming a unit whose request is no longer waiting (or that never asked): nothing is decided, the
    requests still waiting are listed with how to name them."""
    req = share.request
    if req is not None and req.decision in ("approved", "rejected"):
        word = "đồng ý" if req.decision == "approved" else "không đồng ý"
        when = f" lúc {decided_at:%H:%M %d/%m/%Y}" if decided_at else ""
        said = f"đồng chí đã {word}" if reader_id is not None and req.decided_by_id == reader_id else \
            word + (f", đ/c {req.decided_by_name}" if req.decided_by_name else "")
        lines = [f"Đề nghị gia hạn mục {share.item_ref} của {share.unit_name} (đ/c {req.requester_name}) đã được "
                 f"quyết định{when} ({said})."]
    elif req is not None and req.decision == "recalled":
        lines = [f"Đề nghị gia hạn mục {share.item_ref} của {share.unit_name} (đ/c {req.requester_name}) đã được "
                 "người đề nghị rút lại."]
    elif req is not None and req.decision in ("withdrawn", "cancelled"):
        why = "nhiệm vụ đã hoàn thành" if req.decision == "withdrawn" else "nhiệm vụ đã được hủy"
        lines = [f"Đề nghị gia hạn mục {share.item_ref} của {share.unit_name} (đ/c {req.requester_name}) không còn "
                 f"chờ quyết định: {why}."]
    else:
        lines = [f"{share.unit_name} không có đề nghị gia hạn nào cho mục {share.item_ref} đang chờ quyết định."]
    if pending:
        lines.append("Đề nghị gia hạn đang chờ đồng chí quyết định:")
        lines += _waiting_forms(pending, "đồng ý" if approve else "không đồng ý")
    return vn("\n".join(lines))


def request_still_waiting(asked: dt.date | None) -> str:
    """Under the confirmation of a report sent while the task's extension request waits."""
    return vn(f"Đề nghị gia hạn{' đến ' + date_vn(asked) if asked else ''} vẫn đang chờ ý kiến.")


def which_unit_extension(pending: Sequence[ExtensionRequest], approve: bool) -> str:
    """A decision that does not name the unit while several units' requests on one item wait: asked, not guessed."""
    first = pending[0]
    lines = [f"Đề nghị của đơn vị nào? Mục {first.item_ref} ({in_sentence(first.notice_title)}) có {len(pending)} đề "
             "nghị gia hạn đang chờ đồng chí quyết định:"]
    lines += _waiting_forms(pending, "đồng ý" if approve else "không đồng ý")
    return vn("\n".join(lines))


@dataclass(frozen=True, kw_only=True)
class LastRound:
    """A recurring task's last closed round, for the item overview."""

    label: str  # "tuần từ 30/11/2026"
    done_on: dt.date | None  # None: never reported
    on_time: bool
    missed: int  # rounds never reported so far
    due_on: dt.date | None = None  # its own deadline
    extended_to: dt.date | None = None  # the later one an extension granted it, which it was judged by


def which_unit(ref: str, units: Sequence[tuple[str, str | None]]) -> str:
    """To the office: an item several units hold, typed without saying whose."""
    lines = [f"Mục {ref} đang do {len(units)} đơn vị thực hiện:"]
    lines += [f"• {unit or 'chưa xác định đơn vị'}" + (f" — đ/c {name}" if name else " — chưa có người nhận")
              for unit, name in units]
    example = next((u for u, _ in units if u), "tên đơn vị")
    lines.append(f"Đồng chí gõ kèm tên đơn vị, ví dụ: “{ref} {example} xong”.")
    return vn("\n".join(lines))


def unknown_ref(ref: str, held: Sequence[str] = (), rest: str = "", dues: Sequence[dt.date | None] = (), *,
                unit: bool = False, notices: Sequence[str] | None = None) -> str:
    """An item number the person holds no task under; `held`: the numbers they do hold (said, so the right one is
    typed: an item split by the notice is "1 (ý 3)", which a holder reads as "3"), and the one whose last number is
    the one typed, offered with what was said of it (`rest`) to type again. `dues`: their deadlines, said beside
    them (the item that matters now is found by its date)."""
    text = f"Không tìm thấy nhiệm vụ mục {ref} trong danh sách đồng chí đang phụ trách."
    refs = list(dict.fromkeys(held))
    if not refs:
        return vn(text + " Gõ /viec để xem danh sách.")
    under = [r for r in refs if ref_key(r).startswith(ref_key(ref) + ".")]
    if under:  # "IV xong" from someone holding IV.1.a and IV.5.d: a section, not one task (probe 19)
        said = " ".join(rest.split()) or "xong"
        if len(under) == 1:
            return vn(f"Trong mục {ref}, đồng chí đang phụ trách mục {under[0]}. Nếu đồng chí báo mục {under[0]}, "
                      f"đồng chí gõ: “{under[0]} {said}”.")
        return vn(f"Mục {ref} gồm nhiều nhiệm vụ; đồng chí đang phụ trách trong mục {ref}: "
                  + ", ".join(f"mục {r}" for r in under[:8]) + _more_items(len(under) - 8)
                  + f". Đồng chí gõ số mục của từng nhiệm vụ, ví dụ: “{under[0]} {said}”.")
    due_of = dict(zip(held, dues, strict=False)) if len(dues) == len(held) else {}
    # held spanning notices: each item's notice beside it (the same number may be in both: each once per notice)
    rows: list[tuple[str, str | None, dt.date | None]] = [(r, None, due_of.get(r)) for r in refs]
    if notices and len(notices) == len(held):
        all_dues = list(dues) if len(dues) == len(held) else [None] * len(held)
        rows = list(dict.fromkeys(zip(held, notices, all_dues, strict=True)))
    if unit:  # a deputy or cadre holding none: the unit's tasks, which they may report on (month probe 25, F3)
        text = f"Không tìm thấy nhiệm vụ mục {ref} trong các nhiệm vụ của đơn vị."
    text += (" Đơn vị đang có: " if unit else " Đồng chí đang phụ trách: ") + ", ".join(
        f"mục {r}" + _held_note(notice, due) for r, notice, due in rows[:8]) + _more_items(len(rows) - 8)
    close = [r for r in refs if re.search(rf"(?<![\d.]){re.escape(ref)}\)?$", r) and r != ref]
    if len(close) == 1:
        said = " ".join(rest.split())
        text += f".\nCó phải đồng chí muốn báo mục {close[0]}? Nếu đúng, đồng chí gõ: “{close[0]} {said or 'xong'}”."
    else:
        text += ". Gõ /viec để xem danh sách."
    return vn(text)


def _held_note(notice: str | None, due: dt.date | None) -> str:
    """" (12/TB-UBND, hạn 20/08)" beside an item number listed: its notice (of a list spanning notices), deadline."""
    said = [x for x in (notice, f"hạn {due:%d/%m}" if due else None) if x]
    return f" ({', '.join(said)})" if said else ""


def questions_cancelled(dropped: Sequence[tuple[str | None, str]]) -> str:
    """"thôi" after the bot asked something: what was dropped — an extension asked without a date (its item number),
    or words kept under "là của nhiệm vụ nào?" (the words)."""
    lines = []
    for ref, said in dropped:
        if ref is not None:
            lines.append(f"Đã hủy đề nghị gia hạn mục {ref} vừa gõ (chưa có ngày); Nhắc việc không ghi đề nghị này.")
        else:
            shown = " ".join(said.split())
            shown = shown if len(shown) <= 80 else shown[:79].rstrip() + "…"
            lines.append(f"Đã hủy: nội dung “{shown}” không được ghi cho nhiệm vụ nào.")
    return vn("\n".join(dict.fromkeys(lines)))


def nothing_to_cancel(*, is_admin: bool, last: tuple[str, bool] | None) -> str:
    """"thôi" / "hủy" with nothing waiting: said so; an admin is shown how to withdraw a notice or task, a person who
    reported today how to correct that report (`last`: its item number, whether it said done)."""
    if is_admin:
        return vn("Hiện không có văn bản nào đang chờ xác nhận hay câu hỏi nào đang chờ đồng chí nên không có gì để "
                  "hủy. Để rút văn bản hoặc nhiệm vụ đã giao, đồng chí gõ /huy.")
    text = ("Hiện không có câu hỏi hay đề nghị nào đang chờ đồng chí nên không có gì để hủy; Nhắc việc không ghi gì "
            "từ tin nhắn này.")
    if last is not None:
        ref, done = last
        text += (f" Nếu đồng chí báo nhầm mục {ref} đã hoàn thành, đồng chí gõ: “báo nhầm, mục {ref} mới đạt 50%”."
                 if done else f" Nếu đồng chí muốn sửa báo cáo mục {ref} vừa gửi, đồng chí gõ lại tình trạng đúng, "
                 f"ví dụ: “{ref} đang thực hiện 50%”.")
    return vn(text)


def done_corrected(item_ref: str) -> str:
    """Under the confirmation of a "xong" taken back ("nhầm, … mới đạt 30%"): what happened to the "Hoàn thành"."""
    return vn(f"(Đã sửa theo đồng chí: bỏ “Hoàn thành” vừa ghi cho mục {item_ref}; lịch sử cập nhật vẫn lưu cả hai "
              "lần.)")


def read_as_position(read: Sequence[tuple[str, str]], siblings: Sequence[str]) -> str:
    """Under the confirmation of "2.1 xong" read as 2.a: how the notice's items are numbered, to type next time."""
    said = ", ".join(f"“{typed}”" for typed, _ in read)
    meant = ", ".join(f"mục {ref}" for _, ref in read)
    shown = ", ".join(siblings[:6]) + (", …" if len(siblings) > 6 else "")
    return vn(f"(Đồng chí gõ {said}: Nhắc việc hiểu là {meant} — các ý gạch đầu dòng được đánh số {shown} theo "
              f"thứ tự. Lần sau đồng chí gõ “{read[0][1]} …”.)")


def held_elsewhere(ref: str, holders: Sequence[tuple[str, str | None]], own: Sequence[str]) -> str:
    """An item the person named that another unit holds: "Mục 4 do Sở … chủ trì (đ/c …); đồng chí đang phụ trách
    mục 6." (probe 28, F8)."""
    who = "; ".join(f"{unit or 'đơn vị khác'}" + (f" (đ/c {name})" if name else "") for unit, name in holders)
    return vn(f"Mục {ref} do {who} chủ trì; đồng chí đang phụ trách mục {', '.join(own)}.")


def extension_elsewhere(elsewhere: str, dated: Sequence[str], undated: Sequence[str], rest: str) -> str:
    """An extension asked on another unit's item: whose it is, and — never guessing an item without a deadline —
    which of the person's own items could be given more time."""
    lines = [elsewhere]
    if undated:
        which = f"Mục {undated[0]}" if len(undated) == 1 else f"Các mục {', '.join(undated)}"
        lines.append(f"{which} không có thời hạn cụ thể nên không cần gia hạn.")
    if dated:
        lines.append(f"Nếu xin gia hạn nhiệm vụ của đồng chí, đồng chí gõ số mục, ví dụ: "
                     f"“{dated[0]} {shorten(' '.join(rest.split()), 60)}”.")
    return vn(" ".join(lines))


def meant_question(typed: str, meant: str, text: str, rest: str, *, buttons: bool,
                   siblings: Sequence[str] | None = None, elsewhere: str | None = None,
                   holder: str | None = None) -> str:
    """An item number that names nothing the person holds but can only mean one of their tasks: asked, not
    refused; the action under it (or "đúng") applies what was said. `elsewhere`: the item named is another unit's,
    said first (`held_elsewhere`); `holder`: the task meant is the unit's, in this colleague's hands."""
    which = ""
    if siblings:
        shown = ", ".join(siblings[:6]) + (", …" if len(siblings) > 6 else "")
        which = f" (các ý gạch đầu dòng được đánh số {shown} theo thứ tự)"
    said = " ".join(rest.split())
    how = "bấm nút bên dưới hoặc gõ “đúng”" if buttons else "gõ “đúng”"  # (without buttons: the typed form follows)
    opening = elsewhere or f"Không có nhiệm vụ mục {typed} trong danh sách của đồng chí{which}."
    held_by = f"; đ/c {holder} phụ trách" if holder else ""
    return vn(f"{opening} Ý đồng chí là mục {meant} "
              f"({short_title(text, 70)}{held_by})? Nếu đúng, đồng chí {how}; nội dung “{shorten(said, 60)}” sẽ "
              f"được ghi cho mục {meant}.")


def under_meant_question(typed: str, meant: str, text: str, rest: str, *, done: bool, buttons: bool) -> str:
    """A section's number typed by one who holds one task in it ("2 xong", IV.2.1 held): asked, the action under it
    (or "đúng") applies what was said (month probe 27, F7)."""
    how = "bấm nút bên dưới hoặc gõ “đúng”" if buttons else "gõ “đúng”"
    said = "hoàn thành" if done else f"“{shorten(' '.join(rest.split()), 60)}”"
    return vn(f"Trong mục {typed}, đồng chí đang phụ trách mục {meant} ({short_title(text, 70)}). Đồng chí báo mục "
              f"{meant} {said}? Nếu đúng, đồng chí {how}.")


def meant_lapsed(meant: str, text: str, rest: str, said_on: dt.date, *, buttons: bool) -> str:
    """A "đúng" long after "Ý đồng chí là mục …?": the question lapsed, said, and asked again — the words are
    recorded as of the day they were first sent (a task done on Friday is not made late by Monday's "đúng")."""
    how = "bấm nút bên dưới hoặc gõ “đúng”" if buttons else "gõ “đúng”"
    said = shorten(" ".join(rest.split()), 60)
    return vn(f"Câu hỏi trước (ngày {said_on:%d/%m/%Y}) đã hết hiệu lực nên Nhắc việc chưa ghi. Nhắc việc hỏi lại: "
              f"nội dung “{said}” có phải cho mục {meant} ({short_title(text, 70)})? Nếu đúng, đồng chí {how}; nội "
              f"dung sẽ được ghi cho mục {meant} theo ngày đồng chí đã báo ({said_on:%d/%m/%Y}).")


def meant_gone(meant: str, rest: str, asked_on: dt.date, *, reported_at: dt.datetime | None = None,
               answered_at: dt.datetime | None = None, closed: str | None = None) -> str:
    """A yes ("đúng", "ừ", "phải") to "Ý đồng chí là mục …?" when that question is no longer open: reported on since
    (`reported_at`), answered (`answered_at`), its task closed (`closed`: a TaskStatus value), or too old. Said,
    nothing recorded, and what to type instead (local times)."""
    if reported_at is not None:
        why = f"sau đó đồng chí đã báo mục {meant} lúc {reported_at:%H:%M} ngày {reported_at:%d/%m}"
    elif answered_at is not None:
        why = f"đồng chí đã trả lời lúc {answered_at:%H:%M} ngày {answered_at:%d/%m}"
    elif closed == "done":
        why = f"mục {meant} đã hoàn thành"
    elif closed:
        why = f"mục {meant} đã được hủy"
    else:
        why = "đã quá lâu"
    said = shorten(" ".join(rest.split()), 60)
    if closed == "done":
        then = f" Nếu cần làm tiếp, đồng chí gõ “mở lại {meant}”."
    elif closed:
        then = ""
    else:
        then = f" Nếu cần ghi, đồng chí gõ số mục và nội dung, ví dụ “{meant} {said}”."
    return vn(f"Câu hỏi ngày {asked_on:%d/%m} về mục {meant} không còn chờ trả lời ({why}), nên Nhắc việc không ghi "
              f"gì thêm.{then}")


def which_left(refs: Sequence[str], rest: str) -> str:
    """Under the reply to a later report or question while "là của nhiệm vụ nào?" waited for an item: that question is
    closed, its words not recorded, and how to record them (refs: the items offered)."""
    said = shorten(" ".join(rest.split()), 60)
    offered = f"{', '.join(refs[:-1])} hay {refs[-1]}" if len(refs) > 1 else refs[0]
    return vn(f"Nội dung tin trước “{said}” chưa được ghi (Nhắc việc đã hỏi là của mục {offered}). Nếu cần ghi, "
              f"đồng chí gõ số mục trước nội dung, ví dụ “{refs[0]} {said}”.")


def meant_recorded_first(meant: str, rest: str) -> str:
    """Under the reply to a report on the item "Ý đồng chí là mục …?" asked about, with no "đúng" typed: the words
    then kept were recorded too, before this report."""
    return vn(f"Nội dung tin trước “{shorten(' '.join(rest.split()), 60)}” cũng đã được ghi cho mục {meant}.")


def meant_left(meant: str, rest: str) -> str:
    """Under the reply to a message on another item while "Ý đồng chí là mục …?" waited: that question is closed,
    its words not recorded, and how to record them."""
    said = shorten(" ".join(rest.split()), 60)
    return vn(f"Nội dung tin trước “{said}” chưa được ghi (Nhắc việc đã hỏi có phải mục {meant} không). Nếu đúng, "
              f"đồng chí gõ “{meant} {said}”.")


def quoted_question(meant: str, text: str, said: str, *, buttons: bool) -> str:
    """A message without an item number or a status word that repeats one task's wording: asked whether it reports
    on that task; the action under it (or "đúng") records the words on it."""
    how = "bấm nút bên dưới hoặc gõ “đúng”" if buttons else "gõ “đúng”"
    return vn(f"Nội dung “{shorten(' '.join(said.split()), 60)}” có phải là báo cáo mục {meant} "
              f"({short_title(text, 70)})? Nếu đúng, đồng chí {how} để ghi nhận cho mục {meant}; nếu là nhiệm vụ "
              f"khác, đồng chí gõ số mục trước nội dung, ví dụ “{meant} đã …”.")


RECEIPT_NOTED = "Nhắc việc đã ghi nhận, cảm ơn đồng chí."  # "dạ nhận", "ok": the message arrived (month probe 27)
GREETING_REPLY = ("Nhắc việc xin cảm ơn và kính chúc đồng chí cùng gia đình năm mới mạnh khỏe, hạnh phúc, "
                  "thành công!")
WISH_REPLY = "Nhắc việc xin cảm ơn đồng chí và kính chúc đồng chí sức khỏe, công tác tốt!"
# a new-year wish said with a report: the first line of the answer, once (month probe 36)
NEW_YEAR_RETURNED = "Nhắc việc xin cảm ơn và kính chúc đồng chí năm mới mạnh khỏe, hạnh phúc!"


def hello(*, is_admin: bool = False, leader: bool = False) -> str:
    """A greeting answered: courteous, and the one thing to type first for this person."""
    if is_admin:
        hint = "để nạp văn bản, đồng chí gửi tệp hoặc dán toàn văn thông báo"
    elif leader:
        hint = "để xem tình hình thực hiện nhiệm vụ, đồng chí gõ /tonghop"
    else:
        hint = "để xem nhiệm vụ của mình, đồng chí gõ /viec"
    return vn(f"Nhắc việc kính chào đồng chí! Nhắc việc giúp theo dõi và nhắc các nhiệm vụ được giao; {hint}, "
              "gõ /huongdan để xem hướng dẫn.")


def reply_not_understood() -> str:
    return vn("Nhắc việc chưa hiểu nội dung cập nhật. Ví dụ: “xong”, “60% vướng kinh phí”, “xin gia hạn đến 30/4”.")


def _runs_to_flag(due: dt.date | None, today: dt.date, calendar: WorkingCalendar | None) -> str:
    """After a deadline in a list: the day it runs to when it falls on a day off, and "(quá hạn)" once that is past."""
    if due is None:
        return ""
    runs_to = calendar.effective_deadline(due) if calendar is not None else due
    said = f", tính đến hết {date_vn(runs_to)}" if runs_to != due else ""
    return said + (" (quá hạn)" if runs_to < today else "")


def my_tasks(name: str, tasks: Sequence[tuple[str, str, dt.date | None, TaskStatus, int | None]],
             today: dt.date, delegated: Sequence[DelegatedRow] = (), calendar: WorkingCalendar | None = None,
             notices: Sequence[str] = (), units: Sequence[str | None] = (),
             unit_held: Sequence[DelegatedRow] = (), overview: bool = False,
             round_starts: Sequence[dt.date | None] = (), not_started: Sequence[bool] = ()) -> str:
    """/viec: the person's open tasks (`overview`: a leader or an admin, pointed to /tonghop when they hold none);
    for a head, then the unit's tasks handed to cadres. Given the calendar, a
    deadline on a day off is said as it runs ("30/04/2026, tính đến hết 04/05/2026") and is late only after that.
    `notices`: each task's notice number (or title); said with the item when the tasks come from several notices
    and an item number repeats, with how to type it. `round_starts`: each task's round start (a recurring duty), so
    that a round not begun is said as not yet due; `not_started`: each task reported not started
    (`storage.tasks.said_not_started`)."""

    def flag(due: dt.date | None) -> str:
        return _runs_to_flag(due, today, calendar)

    if not tasks and not delegated and not unit_held:
        return vn("Đồng chí hiện không có nhiệm vụ nào đang thực hiện."  # (to the person: not "Đồng chí <tên>")
                  + (" Tình hình chung: gõ /tonghop hoặc “báo cáo tình hình”." if overview else ""))
    lines = [f"Nhiệm vụ đồng chí {name} đang phụ trách ({len(tasks)}):" if tasks
             else "Đồng chí hiện không trực tiếp phụ trách nhiệm vụ nào."]
    refs = [row[0] for row in tasks]
    repeated = len(notices) == len(tasks) and len(set(notices)) > 1 and len(set(refs)) < len(refs)
    # an item of one notice held for two units (a second post, kiêm nhiệm): each line says whose
    keys = list(zip(notices, refs, strict=True)) if len(notices) == len(refs) else [("", r) for r in refs]
    twice = len(units) == len(tasks) and len(set(keys)) < len(keys)
    for i, (ref, text, due, status, percent) in enumerate(tasks):
        where = f" ({notices[i]})" if repeated else ""
        if twice and units[i] and keys.count(keys[i]) > 1:
            where += f" — {units[i]}"
        starts = round_starts[i] if len(round_starts) == len(tasks) else None
        said = len(not_started) == len(tasks) and not_started[i]
        lines.append(f"• Mục {ref}{where}: {shorten(text, 120)}\n  Thời hạn: {date_vn(due)}{flag(due)}; tình trạng: "
                     f"{progress_text(status, percent, round_starts=starts, today=today, not_started=said)}")
    if repeated:
        lines.append("Số mục trùng nhau giữa các văn bản: đồng chí gõ kèm số văn bản, ví dụ: "
                     f"“{refs[0]} xong {notices[0]}”.")
    if delegated:
        lines += ["", f"Nhiệm vụ của đơn vị đã giao cán bộ ({len(delegated)}):"]
        for row in delegated:
            lines.append(f"• Mục {row.item_ref}: {shorten(row.text, 120)}\n  Đ/c {row.assignee_name}; thời hạn: "
                         f"{date_vn(row.due_on)}{flag(row.due_on)}; tình trạng: "
                         f"{progress_text(row.status, row.percent, not_started=row.not_started)}")
    if unit_held:  # a deputy or cadre of the lead unit: the unit's tasks, which they may report on
        lines += ["", f"Nhiệm vụ của đơn vị do đồng chí khác phụ trách ({len(unit_held)}), đồng chí có thể báo cáo "
                      f"thay, ví dụ: “{unit_held[0].item_ref} xong”:"]
        for row in unit_held:
            lines.append(f"• Mục {row.item_ref}: {shorten(row.text, 120)}\n  Đ/c {row.assignee_name}; thời hạn: "
                         f"{date_vn(row.due_on)}{flag(row.due_on)}; tình trạng: "
                         f"{progress_text(row.status, row.percent, not_started=row.not_started)}")
    return vn("\n".join(lines))


def filter_description(filt: ReportFilter | None, unit_name: str | None = None, notice_title: str | None = None) -> str:
    """What a report covers, in words: "văn bản số 45/TB-UBND; đơn vị Sở Tài chính; tháng 3/2026 (…)". `unit_name`:
    the unit(s) the report found (a head's unit, or the ones a typed name matched); else the name as typed.
    `notice_title`: the one notice the number typed found ("Thông báo số 215-TB/HU ngày 10/02/2025"), said so, not as
    typed ("văn bản số 215"), so that the report reads right when forwarded."""
    parts = []
    if filt is not None and filt.notice:
        parts.append(in_sentence(notice_title) if notice_title else
                     f"văn bản ngày {filt.notice}" if notice_query_date(filt.notice) else f"văn bản số {filt.notice}")
    elif filt is not None and filt.notice_ids:  # named by what it is about
        parts.append(in_sentence(notice_title) if notice_title else
                     f"{len(filt.notice_ids)} văn bản về “{filt.notice_words}”" if len(filt.notice_ids) > 1
                     else f"văn bản về “{filt.notice_words}”")
    if unit_name:
        parts.append(f"đơn vị {unit_name}")
    elif filt is not None and filt.unit:
        parts.append(f"đơn vị “{filt.unit}”")
    if filt is not None and (filt.date_from or filt.date_to):
        span = filt.period or (f"từ {date_vn(filt.date_from)} đến {date_vn(filt.date_to)}" if filt.date_from
                               and filt.date_to else f"từ {date_vn(filt.date_from)}" if filt.date_from
                               else f"đến {date_vn(filt.date_to)}")
        parts.append(f"{span} (nhiệm vụ được giao, đến hạn, quá hạn chưa hoàn thành hoặc hoàn thành trong "
                     "khoảng này)")
    return vn("; ".join(parts))


def report_title(today: dt.date, as_of: dt.date | None = None) -> str:
    """The report's first line; `as_of`: the last day of a period already over, the day its figures stand at."""
    if as_of is not None:
        return vn(f"TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ (số liệu tính đến hết ngày {as_of:%d/%m/%Y})")
    return vn(f"TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ (số liệu đến ngày {today:%d/%m/%Y})")


def as_of_note(as_of: dt.date, today: dt.date) -> str:
    """Under a past period's title: what its figures are, for whoever the report is forwarded to."""
    return vn(f"Tình trạng từng nhiệm vụ là tình trạng tính đến hết ngày {as_of:%d/%m/%Y}, theo các báo cáo và quyết "
              f"định gia hạn đã ghi nhận đến ngày đó (biểu lập ngày {today:%d/%m/%Y}); việc hoàn thành hoặc gia hạn "
              "sau ngày này không tính vào kỳ.")


def registered_later_note(count: int, as_of: dt.date) -> str:
    """A past period's tasks entered into Nhắc việc only after it: nothing of them was known then."""
    return vn(f"Lưu ý: {count} nhiệm vụ được nhập vào Nhắc việc sau ngày {as_of:%d/%m/%Y} nên chưa có số liệu cập "
              "nhật trong kỳ; các nhiệm vụ này được ghi là “Chưa cập nhật”.")


def registered_later_cell(registered_on: dt.date) -> str:
    """The detail sheet's note for such a task."""
    return vn(f"Nhập vào Nhắc việc ngày {registered_on:%d/%m/%Y}, sau kỳ báo cáo: chưa có số liệu cập nhật trong kỳ.")


def matched_units(filt: ReportFilter | None, rows: Sequence[UnitSummary]) -> str | None:
    """The units a typed unit name matched, to name them as the directory writes them."""
    return ", ".join(r.unit for r in rows) if filt is not None and filt.unit and rows else None


UNIT_STORY_LIMIT = 20  # tasks of one unit told one by one in answer to "tình hình <đơn vị> thế nào?"
NOTICE_STORY_LIMIT = 15  # tasks of one notice told one by one under its report (a conclusion notice's usual length)
STORY_MORE_IN_FILE = "xem tệp Excel kèm theo"
STORY_MORE_BY_UNIT = "hỏi theo từng đơn vị, ví dụ: “tình hình <tên đơn vị> thế nào?”"


def story_more_in_unit_file(unit: str) -> str:
    """Where one unit's tasks past the story's limit are: its own workbook, with the words that send it."""
    return f"đủ trong tệp Excel của đơn vị: gõ “xuất excel {unit}”"


def unit_story(tasks: Sequence[TaskRow], calendar: WorkingCalendar, *, units: bool = False,
               limit: int = UNIT_STORY_LIMIT, more: str = STORY_MORE_IN_FILE) -> str:
    """One unit's tasks, one line each, as a leader asks "tình hình xã Lam Cốt thế nào?": what each stands at, when
    it was finished and how late, the unit's latest words. `units`: each line names its lead unit (a report on one
    notice, forwarded as the office's "báo cáo tình hình thực hiện"), and an item several units lead is said once,
    each unit's state under it; `more`: where the tasks past `limit` are."""
    lines = ["Từng nhiệm vụ:"]
    shown = tasks[:limit]  # (in the report's order: by notice, then as the notice lists them)
    if not units:
        lines += [f"• Mục {t.item_ref}: {short_title(t.text, 70)} — {_story_state(t, calendar)}" for t in shown]
    else:
        items: dict[tuple[str, str], list[TaskRow]] = {}
        for t in shown:
            items.setdefault((t.notice, t.item_ref), []).append(t)
        for rows in items.values():
            first = rows[0]
            if len(rows) == 1:
                lines.append(f"• Mục {first.item_ref} — {first.unit}: {short_title(first.text, 70)} — "
                             f"{_story_state(first, calendar)}")
                continue
            lines.append(f"• Mục {first.item_ref}: {short_title(first.text, 70)}")
            lines += [f"  – {t.unit}: {_story_state(t, calendar)}" for t in rows]
    if len(tasks) > limit:
        lines.append(f"… và {len(tasks) - limit} nhiệm vụ khác ({more}).")
    return vn("\n".join(lines))


def _story_state(t: TaskRow, calendar: WorkingCalendar) -> str:
    """Where one task stands: finished when and how late, or its progress and deadline; an extension granted; the
    unit's latest words."""
    deadline = t.effective_due_on or t.due_on
    if t.done_on is not None:
        late = calendar.working_days_between(deadline, t.done_on) if deadline and t.done_on > deadline else 0
        state = f"hoàn thành {date_vn(t.done_on)}" + (f", chậm {late} ngày làm việc" if late else
                                                      ", đúng hạn" if deadline else "")
    else:
        state = progress_text(TaskStatus(t.status), t.percent, not_started=t.said_not_started)
        if t.round_label:  # a recurring duty: the round now due is what the status is about, said so
            state = f"{round_name(t.round_label)}: " + ("chưa báo cáo" if t.status == TaskStatus.OPEN else state)
        if deadline is not None and not (t.round_label or "").startswith("hạn "):  # ("kỳ hạn 15/06/2026" says it)
            state += f", hạn {date_vn(deadline)}" + (", đã quá hạn" if t.category == "overdue" else
                                                     ", phối hợp: đơn vị chủ trì chịu trách nhiệm về thời hạn"
                                                     if t.category == SUPPORTING else "")
        elif t.category == "overdue":
            state += ", đã quá hạn"
    if t.round_label and (t.rounds_done or t.rounds_missed):
        state += f"; các kỳ trước: đã báo cáo {t.rounds_done}" + (
            f", không báo cáo {t.rounds_missed}" if t.rounds_missed else "")
    extended = f" (đã gia hạn từ {date_vn(t.first_due_on)})" if t.first_due_on and t.first_due_on != t.due_on \
        else ""
    note = ""
    if t.latest_note and t.latest_note_on and meaningful_note(t.latest_note):  # (a bare "xong" says nothing more)
        earlier = t.round_label and t.round_start and t.latest_note_on < t.round_start  # words of a past round
        note = f" — {'kỳ trước: ' if earlier else ''}“{shorten(note_body(t.latest_note), 120)}” " \
               f"({t.latest_note_on:%d/%m})"
    return f"{state}{extended}{note}"


def summary_text(rows: Sequence[UnitSummary], today: dt.date, filt: ReportFilter | None = None,
                 unit_name: str | None = None, *, usage: str | None = None, late_only: bool = False,
                 files: bool = True, as_of: dt.date | None = None, notice_title: str | None = None,
                 unfinished: bool = False, standing: Sequence[tuple[str, str]] = ()) -> str:
    """/tonghop's text (`late_only`: the rows are the units with overdue work, and it says so; `unfinished`: the units
    with work still open, and it says so; `files`: the Excel
    file comes with it; `as_of`: a past period's last day, the day its figures stand at; `notice_title`: see
    `filter_description`; `standing`: (unit, item) of the open standing duties the period's figures leave out,
    said in a line of their own)."""
    scope = filter_description(filt, unit_name or matched_units(filt, rows), notice_title)
    if not rows and standing:
        return vn("\n".join([report_title(today, as_of), *([f"Phạm vi: {scope}"] if scope else []),
                             "", standing_line(standing, filt, files=files)]))
    if not rows:
        if scope:
            return vn(f"Không có nhiệm vụ nào thuộc phạm vi: {scope}.\n{usage or SUMMARY_USAGE}")
        return vn("Chưa có nhiệm vụ nào được giao.")
    lines = [report_title(today, as_of)] + ([LATE_ONLY if files else LATE_ONLY_TEXT] if late_only else []) + \
        ([UNFINISHED_ONLY] if unfinished else [])
    if scope:
        lines.append(f"Phạm vi: {scope}")
    if as_of is not None:
        lines.append(as_of_note(as_of, today))
    lines.append("")
    if len(rows) >= COMPACT_REPORT_FROM:
        lines += _compact_unit_lines(rows, filt)
    else:
        for r in rows:
            lines += _unit_block(r, filt)
    total = totals(rows)
    if len(rows) > 1:
        # one item given to several units is a task each: "55 nhiệm vụ (32 mục; …)" says why 55 for 32 items
        items = f" ({len(total.items)} mục; một số mục giao nhiều đơn vị)" \
            if total.items and len(total.items) < total.total else ""
        lines += ["", f"Tổng cộng: {total.total} nhiệm vụ{items} — hoàn thành đúng hạn {total.done_on_time}, "
                      f"hoàn thành quá hạn {total.done_late}, đang thực hiện trong hạn {total.working}"
                      + (f", {NOT_STARTED_WORDS} {total.not_started}" if total.not_started else "")
                      + (f", {SAID_NOT_STARTED_WORDS} {total.said_not_started}" if total.said_not_started else "")
                      + f", quá hạn chưa hoàn thành {overdue_share_text(total)}, không có thời hạn {total.no_deadline}"
                      + (f"; {EXTENSION_PENDING_WORDS} {total.extension_pending}" if total.extension_pending else "")
                      + "."]
        if total.supporting:
            lines.append(f"Ngoài ra {total.supporting} nhiệm vụ {SUPPORTING_WORDS}.")
    if as_of is not None and total.registered_later:
        lines += ["", registered_later_note(total.registered_later, as_of)]
    if standing:
        lines += ["", standing_line(standing, filt, files=files)]
    return vn("\n".join(lines))


COMPACT_REPORT_FROM = 6  # units in a report from which each unit is one line of its non-zero counts (probe 24 #7)
NOT_STARTED_WORDS = "chưa cập nhật (còn trong hạn)"  # within the deadline, never reported on: not work going on
# within the deadline, reported not started: the unit answered (not to be chased as silent), no work going on yet
SAID_NOT_STARTED_WORDS = "báo cáo chưa triển khai (còn trong hạn)"


def _rounds_said(r: UnitSummary, filt: ReportFilter | None) -> str:
    which = "các kỳ trong khoảng này" if filt is not None and (filt.date_from or filt.date_to) else "các kỳ đã qua"
    return (f"Báo cáo định kỳ, {which}: {r.rounds} — đúng hạn {r.rounds_on_time}, quá hạn {r.rounds_late}, "
            f"không báo cáo {r.rounds_missed}" + _missed_refs(r))


def _no_deadline_said(r: UnitSummary, *, working_said: bool = False) -> str:
    """"13 (đã hoàn thành 2, chưa cập nhật 5, đang thực hiện 6)": of the tasks without a deadline, those done, those
    never reported on, and those reported on and still open (said when one of the others is)."""
    # reported on, still open (not said not started)
    working = r.no_deadline - r.no_deadline_done - r.no_deadline_not_started - r.no_deadline_said_not_started
    parts = ([f"đã hoàn thành {r.no_deadline_done}"] if r.no_deadline_done else []) + (
        [f"chưa cập nhật {r.no_deadline_not_started}"] if r.no_deadline_not_started else []) + (
        [f"báo cáo chưa triển khai {r.no_deadline_said_not_started}"] if r.no_deadline_said_not_started else []) + (
        [f"đang thực hiện {working}"] if working and (working_said or r.no_deadline_done or r.no_deadline_not_started
                                                      or r.no_deadline_said_not_started)
        else [])
    return f"{r.no_deadline}" + (f" ({', '.join(parts)})" if parts else "")


UNHELD_WORDS = "chưa có người nhận (đơn vị chưa có trong danh bạ hoặc chưa có trưởng đơn vị)"


SUPPORTING_WORDS = "phối hợp (đơn vị chủ trì chịu trách nhiệm về thời hạn, không tính vào số liệu trên)"


def _supporting_said(r: UnitSummary) -> str:
    """"2 — mục II.4, III.1 (đã báo cáo xong 1)": the tasks a unit holds only to support another unit's."""
    return (f"{r.supporting} — mục {', '.join(r.supporting_refs)}"
            + (f" (đã báo cáo xong {r.supporting_done})" if r.supporting_done else ""))


def _overdue_refs_said(r: UnitSummary, *, compact: bool = False) -> str:
    """"II.3 (đạt 60%, đang chờ ý kiến gia hạn đến 15/03/2027), IV.1": beside a late task, the share done its unit
    last reported (a late task at 90% is not one nobody has touched) and an extension request that waits (probe 27)
    — still counted late until it is granted. `compact` (inside brackets already): "II.3, đạt 60%, đang chờ ý kiến
    gia hạn đến 15/03/2027; IV.1"."""
    n = len(r.overdue_refs)
    asked = r.overdue_asked if len(r.overdue_asked) == n else [None] * n
    percent = r.overdue_percent if len(r.overdue_percent) == n else [None] * n
    notes = [([f"đạt {p}%"] if p else []) + ([f"{EXTENSION_PENDING_WORDS} đến {until:%d/%m/%Y}"] if until else [])
             for p, until in zip(percent, asked, strict=True)]
    if not any(notes):
        return ", ".join(r.overdue_refs)
    said = [ref + ((", " + ", ".join(note) if compact else f" ({', '.join(note)})") if note else "")
            for ref, note in zip(r.overdue_refs, notes, strict=True)]
    return ("; " if compact else ", ").join(said)


IN_TIME_WORDS = "chưa tính quá hạn"  # a request sent by the deadline, undecided after it: the leader's to settle


def asked_in_time_said(a: AskedInTime) -> str:
    """"đề nghị ngày 24/08 khi còn hạn, đến 15/09/2026 — chưa tính quá hạn": why a task past its deadline is not
    counted late (probe 36, #5)."""
    until = f", đến {date_vn(a.requested_due)}" if a.requested_due else ""
    return f"đề nghị ngày {a.asked_on:%d/%m} khi còn hạn{until} — {IN_TIME_WORDS}"


def _pending_refs_said(r: UnitSummary) -> str:
    """"II.7.a (đề nghị ngày 24/08 khi còn hạn, đến 15/09/2026 — chưa tính quá hạn), IV.1": the tasks whose
    extension request waits, those past the deadline it was sent by told apart."""
    in_time = {a.item_ref: a for a in r.asked_in_time}
    return ", ".join(ref + (f" ({asked_in_time_said(in_time[ref])})" if ref in in_time else "")
                     for ref in r.extension_pending_refs)


def asked_in_time_lines(rows: Sequence[UnitSummary]) -> list[str]:
    """Under "đơn vị nào chậm?": the tasks past their deadline whose unit asked for more time by it and the leader has
    not yet decided — not the unit's lateness, the leader's decision (probe 36, #5); [] when none."""
    found = [(r.unit, a) for r in rows for a in r.asked_in_time]
    if not found:
        return []
    return ["Đề nghị gia hạn gửi trước hạn, đang chờ ý kiến (không tính là đơn vị chậm):",
            *(f"• {unit} — mục {a.item_ref}: chờ ý kiến gia hạn"
              + (f" đến {date_vn(a.requested_due)}" if a.requested_due else "")
              + f" (đề nghị ngày {a.asked_on:%d/%m}, hạn {date_vn(a.effective_due)})" for unit, a in found)]


def _unit_block(r: UnitSummary, filt: ReportFilter | None) -> list[str]:
    """A unit in a short report: every category, one per line as the government's form has them; the tasks it only
    supports on a line of their own, outside the counts (the lead unit answers for them)."""
    if not r.total and r.supporting:  # a unit that leads nothing here: its supporting part only, no zero counts
        return [f"• {r.unit}: không chủ trì nhiệm vụ nào",
                f"  Nhiệm vụ phối hợp (đơn vị chủ trì chịu trách nhiệm về thời hạn): {_supporting_said(r)}"]
    lines = [f"• {r.unit}: {r.total} nhiệm vụ" + (f" — {r.unheld} {UNHELD_WORDS}" if r.unheld else ""),
             f"  Hoàn thành đúng hạn: {r.done_on_time}; hoàn thành quá hạn: {r.done_late}",
             f"  Đang thực hiện trong hạn: {r.working}"
             + (f"; {NOT_STARTED_WORDS}: {r.not_started}" if r.not_started else "")
             + (f"; {SAID_NOT_STARTED_WORDS}: {r.said_not_started}" if r.said_not_started else "")
             + f"; quá hạn chưa hoàn thành: {overdue_share_text(r)}"
             + (f" — mục {_overdue_refs_said(r)}" if r.overdue_refs else "")]
    if r.extension_pending:  # among the counts above: what waits for a leader's word
        lines.append(f"  Trong đó {EXTENSION_PENDING_WORDS}: {r.extension_pending} — mục {_pending_refs_said(r)}")
    if r.no_deadline:  # (none: no line — twenty units' "Không có thời hạn: 0" said nothing)
        lines.append(f"  Không có thời hạn: {_no_deadline_said(r)}")
    if r.rounds:
        lines.append(f"  {_rounds_said(r, filt)}")
    if r.supporting:
        lines.append(f"  Nhiệm vụ {SUPPORTING_WORDS}: {_supporting_said(r)}")
    return lines


def _compact_unit_lines(rows: Sequence[UnitSummary], filt: ReportFilter | None) -> list[str]:
    """A long report (a leader forwards it): a line a unit with only its counts that are not zero; the units where
    nothing was finished, late, reported on or is waiting (every task open, never reported on, none past its
    deadline) in one line at the end. The Excel file keeps every column of every unit."""
    lines = ["(Sau tên đơn vị: số nhiệm vụ trong ngoặc, rồi các số khác 0.)"]
    quiet = [r for r in rows if r.untouched]
    for r in rows:
        if r.untouched:
            continue
        parts = [f"{label} {n}" for label, n in (("hoàn thành đúng hạn", r.done_on_time),
                                                  ("hoàn thành quá hạn", r.done_late),
                                                  ("đang thực hiện trong hạn", r.working),
                                                  (NOT_STARTED_WORDS, r.not_started),
                                                  (SAID_NOT_STARTED_WORDS, r.said_not_started)) if n]
        if r.overdue:
            parts.append(f"quá hạn chưa hoàn thành {overdue_share_text(r)}"
                         + (f" (mục {_overdue_refs_said(r, compact=True)})" if r.overdue_refs else ""))
        if r.extension_pending:
            parts.append(f"{EXTENSION_PENDING_WORDS} {r.extension_pending} (mục {_pending_refs_said(r)})")
        if r.no_deadline:
            parts.append(f"không có thời hạn {_no_deadline_said(r, working_said=True)}")
        if r.unheld:
            parts.append(f"{r.unheld} {UNHELD_WORDS}")
        if not r.total and r.supporting:  # a unit that leads nothing here: its supporting part only
            lines.append(f"• {r.unit}: không chủ trì nhiệm vụ nào; phối hợp {_supporting_said(r)}, "
                         "không tính đúng/quá hạn.")
            continue
        if r.supporting:  # outside the count in brackets: the lead unit answers for them
            parts.append(f"ngoài ra phối hợp {_supporting_said(r)}, không tính đúng/quá hạn")
        lines.append(f"• {r.unit} ({r.total}): {'; '.join(parts)}.")
        if r.rounds:
            lines.append(f"  {_rounds_said(r, filt)}")
    if quiet:
        lines.append(f"• Chưa cập nhật, chưa có nhiệm vụ đến hạn ({len(quiet)} đơn vị): "
                     + "; ".join(f"{r.unit} ({r.total})" for r in quiet) + ".")
    return lines


STANDING_UNITS_LISTED = 8
EXTENSION_PENDING_WORDS = "đang chờ ý kiến gia hạn"  # a report's count of the tasks whose extension request waits


def standing_line(standing: Sequence[tuple[str, str]], filt: ReportFilter | None, *, files: bool = False) -> str:
    """The open standing duties ("thường xuyên") a period's figures leave out, by unit: "Nhiệm vụ thường xuyên
    (không có thời hạn) đang thực hiện, không tính vào số liệu tháng 3/2026 (3): Sở Tài chính — mục 2, 5; …"
    (`files`: the Excel file comes with it, and lists them on a sheet of their own)."""
    by_unit: dict[str, list[str]] = {}
    for unit, ref in standing:
        by_unit.setdefault(unit, []).append(ref)
    period = _standing_period(filt)
    said = "; ".join(f"{unit} — mục {', '.join(refs)}" for unit, refs in list(by_unit.items())[:STANDING_UNITS_LISTED])
    more = len(by_unit) - STANDING_UNITS_LISTED
    return (f"Nhiệm vụ thường xuyên (không có thời hạn) đang thực hiện, không tính vào số liệu{period} "
            f"({len(standing)}): {said}" + (f"; và {more} đơn vị khác" if more > 0 else "") + "."
            + (f" Nội dung, tình trạng từng nhiệm vụ: trang “{STANDING_SHEET}” của tệp Excel." if files else ""))


STANDING_SHEET = "Thường xuyên"  # the Excel file's sheet of them
SUMMARY_SHEET = "Tổng hợp"
STANDING_TITLE = "NHIỆM VỤ THƯỜNG XUYÊN (KHÔNG CÓ THỜI HẠN) ĐANG THỰC HIỆN"


def _standing_period(filt: ReportFilter | None) -> str:
    return f" {filt.period}" if filt is not None and filt.period else " kỳ này"


def standing_sheet_note(count: int, filt: ReportFilter | None, *, here: bool = False) -> str:
    """The Excel file's word on the standing duties a period's figures leave out: under the summary table, where they
    are listed; on their own sheet (`here`), what the rows are."""
    period = _standing_period(filt)
    if here:
        return vn(f"{count} nhiệm vụ không có thời hạn, đang thực hiện; không tính vào số liệu{period} ở trang "
                  f"“{SUMMARY_SHEET}”.")
    return vn(f"Ngoài số liệu trên: {count} nhiệm vụ thường xuyên (không có thời hạn) đang thực hiện, không tính "
              f"vào số liệu{period} — danh sách ở trang “{STANDING_SHEET}”.")


def overdue_share_text(r: UnitSummary) -> str:
    """Overdue and not done, of the tasks that have a deadline: "1/6 nhiệm vụ có thời hạn (17%)" (a task without
    one is never overdue: counted in, it would make the share look small)."""
    if r.overdue_share is None or not r.overdue:  # nothing overdue: "0", not "0/1 nhiệm vụ có thời hạn" (probe s19)
        return str(r.overdue)
    if r.dated < SHARE_MIN_BASE:  # "1/2 … (50%)" read as alarming (probe 19): the count says it
        return f"{r.overdue}/{r.dated} nhiệm vụ có thời hạn"
    return f"{r.overdue}/{r.dated} nhiệm vụ có thời hạn ({100 * r.overdue_share:.0f}%)"


SHARE_MIN_BASE = 5  # fewer tasks with a deadline than this: no percentage


def _missed_refs(r: UnitSummary) -> str:
    """Which duties' rounds went unreported: " (mục 1: 5 kỳ, mục 2: 5 kỳ)"."""
    if not r.missed_refs:
        return ""
    return " (" + ", ".join(f"mục {ref}: {n} kỳ" for ref, n in r.missed_refs.items()) + ")"


LATE_ONLY = vn("Các đơn vị có nhiệm vụ quá hạn chưa hoàn thành hoặc kỳ báo cáo định kỳ không báo cáo (tệp Excel: "
               "chỉ các nhiệm vụ đó).")
UNFINISHED_ONLY = vn("Các đơn vị còn nhiệm vụ chưa hoàn thành (trong hạn, quá hạn hoặc không có thời hạn).")
LATE_ONLY_TEXT = vn("Các đơn vị có nhiệm vụ quá hạn chưa hoàn thành hoặc kỳ báo cáo định kỳ không báo cáo.")
# the last line of an answer to a question in words: the chart and the file only when asked for
FILES_ON_REQUEST = vn("Biểu đồ và tệp Excel: gõ /tonghop hoặc “xuất excel”.")
FILES_ON_REQUEST_NO_FILES = vn("Biểu đồ và tệp Excel chưa gửi được qua Zalo trên máy chủ này (cần địa chỉ công khai "
                               "để gửi đường liên kết tải về).")
NOTHING_LATE = vn("Hiện không có đơn vị nào có nhiệm vụ quá hạn chưa hoàn thành hoặc kỳ báo cáo định kỳ không báo "
                  "cáo. Đồng chí gõ /tonghop để xem tổng hợp theo đơn vị.")


def nothing_unfinished(kind: str | None = None) -> str:
    """Every unit (of the `kind` asked about) has finished its work."""
    return vn(f"Hiện không có {kind or 'đơn vị'} nào còn nhiệm vụ chưa hoàn thành. Đồng chí gõ /tonghop để xem tổng "
              "hợp theo đơn vị.")


def nothing_late(kind: str | None = None) -> str:
    """No unit late; `kind` ("thôn", "xã"): the question was about the units of that kind."""
    if kind is None:
        return NOTHING_LATE
    return vn(f"Hiện không có {kind} nào có nhiệm vụ quá hạn chưa hoàn thành hoặc kỳ báo cáo định kỳ không báo cáo. "
              "Đồng chí gõ /tonghop để xem tổng hợp theo đơn vị.")


NOT_REPORTED_LISTED = 15  # units listed in answer to "đơn vị nào chưa cập nhật?"


def _days_since(since: dt.date, today: dt.date, calendar: WorkingCalendar | None) -> str:
    """"21 ngày làm việc": how long since, in working days as the other reports count (given the calendar)."""
    if calendar is None:
        return f"{(today - since).days} ngày"
    return f"{calendar.working_days_between(since, today)} ngày làm việc"


def _not_reported_said(r: NotReported, today: dt.date, calendar: WorkingCalendar | None) -> str:
    days = _days_since(r.since, today, calendar)
    if r.last_report_on is None:
        return f"chưa báo cáo lần nào từ khi giao ({date_vn(r.given_on)}, {days})"
    return (f"chưa cập nhật từ khi được đề nghị ngày {date_vn(r.since)} ({days}; báo cáo gần nhất "
            f"{date_vn(r.last_report_on)})")


def _requests_said(rows: Sequence[NotReported]) -> str:
    """"; đã đề nghị cập nhật 2 lần" (the items alike), "; đã đề nghị cập nhật mục 3 (1 lần)" (not alike), or ""."""
    counts = [r.requests if r.requests > 1 or (r.requests and not r.last_report_on) else 0 for r in rows]
    if not max(counts):
        return ""
    if min(counts) == max(counts):
        return f"; đã đề nghị cập nhật {max(counts)} lần"
    return "; đã đề nghị cập nhật " + ", ".join(f"mục {r.item_ref} ({n} lần)"
                                                for r, n in zip(rows, counts, strict=True) if n)


def _by_unit(rows: Sequence[NotReported]) -> dict[str, list[NotReported]]:
    """The rows by unit, the units in the rows' order (the longest silent first)."""
    by_unit: dict[str, list[NotReported]] = {}
    for r in rows:
        by_unit.setdefault(r.unit, []).append(r)
    return by_unit


def _unit_not_reported(unit: str, held: Sequence[NotReported], today: dt.date,
                       calendar: WorkingCalendar | None) -> str:
    """"• Ban Đô thị (đ/c Lê Hoàng Phúc): mục II.3, II.6.a, II.6.b — chưa báo cáo lần nào từ khi giao (29/07/2026,
    21 ngày làm việc); đã đề nghị cập nhật 2 lần": a unit once, its items said alike on one line (probe 36, #10)."""
    one = len({r.assignee for r in held}) == 1
    who = f" (đ/c {held[0].assignee})" if one and held[0].assignee else ""
    parts: dict[tuple[str, str], list[NotReported]] = {}  # (holder, what is said) → its items
    for r in held:
        parts.setdefault(("" if one else r.assignee, _not_reported_said(r, today, calendar)), []).append(r)
    return f"• {unit}{who}: " + "; ".join(
        f"mục {', '.join(r.item_ref for r in rows)}" + (f" (đ/c {assignee})" if assignee else "")
        + f" — {said}{_requests_said(rows)}" for (assignee, said), rows in parts.items())


GIVEN_UNITS_LISTED = 12  # units named in a line of "đã giao việc chưa?"; the rest counted


def notices_given_answer(found: Sequence[NoticeGiven], named: str | None) -> str:
    """The answer to "… đã giao việc cho các đơn vị chưa?": for each notice (the one named, else the newest), a draft
    the office has not confirmed, or how many tasks went to which units and whom, and the items nobody holds."""
    if not found:
        return vn(f"Nhắc việc chưa có văn bản số {named} (đang soát hoặc đã giao)." if named else
                  "Nhắc việc chưa nhận văn bản nào để giao việc.")
    lines = ["Tình hình giao việc:"]
    for notice in found:
        title = in_sentence(notice.title)
        if notice.given_on is None:
            lines.append(f"• {title[:1].upper()}{title[1:]}: chưa giao — văn phòng đang soát bản xem trước "
                         f"({notice.tasks} nhiệm vụ đọc được, nhận ngày {date_vn(notice.received_on)}).")
            continue
        units = [f"{u.unit} {u.count} (" + (f"đ/c {', '.join(u.holders)})" if u.holders else "chưa có người nhận)")
                 for u in notice.units[:GIVEN_UNITS_LISTED]]
        if len(notice.units) > GIVEN_UNITS_LISTED:
            units.append(f"và {len(notice.units) - GIVEN_UNITS_LISTED} đơn vị khác")
        lines.append(f"• {title[:1].upper()}{title[1:]}: đã giao {notice.tasks} nhiệm vụ ngày "
                     f"{date_vn(notice.given_on)} cho {len(notice.units)} đơn vị — {'; '.join(units)}.")
        if notice.unheld:
            lines.append(f"  Chưa có người nhận: mục {', '.join(notice.unheld)} — văn phòng đang xử lý.")
    return vn("\n".join(lines))


def not_reported_answer(rows: Sequence[NotReported], today: dt.date, kind: str | None = None,
                        calendar: WorkingCalendar | None = None) -> str:
    """"Đơn vị nào chưa cập nhật?", "… chưa báo cáo?": the units whose open tasks have had no report since given, or
    since the last request to update them, with how long (probe 28, F2) — a line a unit (probe 36, #10)."""
    if not rows:
        return vn(f"Hiện không có {kind or 'đơn vị'} nào chưa báo cáo: mọi nhiệm vụ đang thực hiện đều đã được báo "
                  "cáo từ khi giao hoặc từ lần đề nghị cập nhật gần nhất. Đồng chí gõ /tonghop để xem tổng hợp theo "
                  "đơn vị.")
    by_unit = _by_unit(rows)
    lines = [f"{(kind or 'Đơn vị').capitalize()} chưa báo cáo, chưa cập nhật ({len(by_unit)} {kind or 'đơn vị'}, "
             f"{len(rows)} nhiệm vụ):"]
    lines += [_unit_not_reported(unit, held, today, calendar)
              for unit, held in list(by_unit.items())[:NOT_REPORTED_LISTED]]
    if len(by_unit) > NOT_REPORTED_LISTED:
        lines.append(f"… và {len(by_unit) - NOT_REPORTED_LISTED} {kind or 'đơn vị'} khác (gõ /tonghop để xem đủ).")
    return vn("\n".join(lines))


def never_reported_line(rows: Sequence[NotReported], today: dt.date, calendar: WorkingCalendar | None = None) -> str:
    """Under "không có đơn vị nào chậm": the units that have not reported at all, briefly; "" when none."""
    never = [r for r in rows if r.last_report_on is None]
    if not never:
        return ""
    # the days after a dash, said as days: after a comma "…, 4, 5, 18 ngày làm việc" read as items 5 and 18 (probe 38)
    said = "; ".join(f"{unit} (mục {', '.join(r.item_ref for r in held)} — "
                     f"{'lâu nhất ' if len({r.since for r in held}) > 1 else ''}đã "
                     f"{_days_since(min(r.since for r in held), today, calendar)})"
                     for unit, held in _by_unit(never).items())
    return vn(f"Chưa báo cáo lần nào từ khi giao: {said}.")


BLOCKED_LIMIT = 15  # tasks listed in answer to "việc nào đang vướng?"
BLOCKED_BRIEF = 5  # … and under the answer to "đơn vị nào chậm?"


def blocked_brief(items: Sequence[BlockedTask]) -> str:
    """Under the answer to "đơn vị nào chậm?": the tasks units say are held up, in their words, briefly — a unit that
    reported "60%, vướng số liệu phụ lục" before its deadline is where help is needed first (probe 48: the leader's
    answer did not mention it). "" when none."""
    if not items:
        return ""
    said = "; ".join(f"{b.unit} — mục {b.item_ref}"
                     + (f": “{shorten(note_body(b.note), 80)}”" if b.note else ", chưa nêu cụ thể")
                     + (f" (từ {b.since:%d/%m})" if b.since else "") for b in items[:BLOCKED_BRIEF])
    more = f"; và {len(items) - BLOCKED_BRIEF} nhiệm vụ khác" if len(items) > BLOCKED_BRIEF else ""
    return vn(f"Đơn vị báo vướng mắc ({len(items)} nhiệm vụ): {said}{more}. Đồng chí gõ “việc nào đang vướng?” để xem "
              "chi tiết.")


def blocked_answer(items: Sequence[BlockedTask], today: dt.date, scope: str | None = None) -> str:
    """A leader's "những việc nào đang vướng?": each task a unit says is held up — the unit, the item, the unit's
    words, since when; `scope`: the units the question named ("các xã", "Sở Xây dựng")."""
    where = f" ({scope})" if scope else ""
    if not items:
        return vn(f"Hiện không có nhiệm vụ nào đơn vị báo vướng mắc{where}. Đồng chí gõ “việc nào quá hạn?” để xem "
                  "nhiệm vụ quá hạn, /tonghop để xem tổng hợp theo đơn vị.")
    notices = {b.notice for b in items}
    lines = [f"Nhiệm vụ đơn vị báo vướng mắc{where}, đến ngày {date_vn(today)}: {len(items)} nhiệm vụ."]
    if len(notices) == 1:
        [notice] = notices
        lines.append(f"(Thuộc {in_sentence(notice)}.)")
    for b in items[:BLOCKED_LIMIT]:
        said = f" — “{shorten(note_body(b.note), 200)}”" if b.note else " — chưa nêu cụ thể vướng mắc"
        since = f" (từ {b.since:%d/%m})" if b.since else ""
        of = "" if len(notices) == 1 else f" ({in_sentence(b.notice)})"
        lines.append(f"• {b.unit}: mục {b.item_ref}{of} — {short_title(b.text, 60)}{said}{since}")
    if len(items) > BLOCKED_LIMIT:
        lines.append(f"… và {len(items) - BLOCKED_LIMIT} nhiệm vụ khác (xem /tonghop).")
    lines += ["", "Để chỉ đạo, đồng chí gõ, ví dụ: “nhắc <tên đơn vị> mục <số> …”."]
    return vn("\n".join(lines))


def scope_not_found(typed: str, example: str, near: str | None = None) -> str:
    """A report question naming units the directory does not know ("Bộ CHQS tỉnh thực hiện đến đâu?"): said, not
    answered with every unit's table; `near`: the directory's unit it may mean; `example`: a unit of the directory."""
    meant = f" Có phải đồng chí hỏi “{near}”?" if near else ""
    return vn(f"Nhắc việc không tìm thấy đơn vị “{typed}” trong danh bạ nên chưa trả lời theo phạm vi này.{meant} "
              f"Đồng chí gõ tên đơn vị như trong danh bạ (ví dụ: “tình hình {near or example} thế nào?”), "
              "“các xã thực hiện thế nào?” cho một nhóm đơn vị, hoặc /tonghop để xem tất cả các đơn vị.")


SUMMARY_USAGE = vn("Cú pháp: /tonghop [số văn bản] [tên đơn vị] [thời gian], ví dụ: /tonghop 45/TB-UBND, "
                   "/tonghop Sở Tài chính, /tonghop tháng 3, /tonghop quý 1/2026, /tonghop từ 1/3 đến 31/3.")
UNIT_REPORT_USAGE = vn("Cú pháp: /donvi [số văn bản] [thời gian], ví dụ: /donvi tháng 3, /donvi quý 1/2026, "
                       "/donvi 45/TB-UBND.")
SUMMARY_ONLY_LEADERS = vn("Báo cáo tổng hợp chỉ dành cho lãnh đạo và quản trị viên. Đồng chí gõ /viec để xem "
                          "các nhiệm vụ đồng chí đang phụ trách.")
SUMMARY_HEAD_USE_UNIT = vn("Báo cáo tổng hợp toàn bộ chỉ dành cho lãnh đạo và quản trị viên. Đồng chí gõ /donvi để "
                           "xem tổng hợp của đơn vị mình, /viec để xem các nhiệm vụ đồng chí đang phụ trách.")
UNIT_REPORT_ONLY_HEADS = vn("Tổng hợp theo đơn vị (/donvi) dành cho trưởng đơn vị. Đồng chí gõ /viec để xem "
                            "các nhiệm vụ đồng chí đang phụ trách.")
UNIT_REPORT_NO_UNIT = vn("Đồng chí chưa được gắn với đơn vị nào trong danh bạ nên chưa có số liệu của đơn vị. "
                         "Đồng chí vui lòng đề nghị quản trị viên bổ sung danh bạ.")
CHART_CAPTION = vn("Biểu đồ tình hình thực hiện nhiệm vụ theo đơn vị.")


def files_sent(scope: str, as_of: dt.date, only: frozenset[str]) -> str:
    """The line above the files asked for alone ("xuất excel")."""
    what = " và ".join(name for key, name in (("chart", "biểu đồ"), ("workbook", "tệp Excel")) if key in only)
    covers = f" Phạm vi: {scope}." if scope else ""
    return vn(f"Gửi đồng chí {what} tổng hợp tình hình thực hiện nhiệm vụ, số liệu đến ngày {date_vn(as_of)}.{covers}")


def period_not_understood(reason: str) -> str:
    return vn(f"Thời gian “{reason}” không hợp lệ. {SUMMARY_USAGE}")


def _digest_item(item: DigestItem, *, done: bool) -> str:
    who = f", đ/c {item.assignee}" if item.assignee else ""
    line = f"• Mục {item.item_ref} ({in_sentence(item.notice)}): {short_title(item.text, 100)} — {item.unit}{who}"
    if done and item.done_on:
        return f"{line}; hoàn thành ngày {date_vn(item.done_on)} ({_done_when(item)})"
    said = _last_report_said(item)
    return f"{line}; hạn {date_vn(item.effective_due or item.due_on)}" + (f"; {said}" if said else "")


def _last_report_said(item: DigestItem) -> str:
    """Beside a late task in a leader's weekly summary: "báo cáo gần nhất 04/05: đạt 70%" — the same late task
    week after week then tells whether anything moved (probe 47); empty when never reported (the holder is then
    listed under "Chưa phản hồi lần nào" when they never answered at all)."""
    if item.reported_on is None:
        return ""
    return f"báo cáo gần nhất {item.reported_on:%d/%m}" + (f": đạt {item.percent}%" if item.percent else "")


def _done_when(item: DigestItem) -> str:
    return ("không có thời hạn" if item.due_on is None
            else judged_by(True, item.due_on, item.extended_from, inside=True) if item.on_time  # (probe 41, #5)
            else judged_by(False, item.effective_due or item.due_on, item.extended_from, inside=True)
            if item.extended_from
            else f"quá hạn, hạn {date_vn(item.effective_due or item.due_on)}")


def _tasks_counted(items: Sequence[DigestItem]) -> str:
    """"7 nhiệm vụ (2 mục)": each unit's share of an item is a task, and the lines below group them by item — the
    count says both, so that 7 beside two lines is not read as a mistake (probe 17)."""
    items_named = len({(i.notice, i.item_ref, i.text) for i in items})
    return f"{len(items)} nhiệm vụ" + (f" ({items_named} mục)" if items_named < len(items) else "")


def _digest_items(items: Sequence[DigestItem], *, done: bool) -> list[str]:
    """One line an item; an item given to several units (the same notice, number, text and deadline) is one line
    naming each unit, not the same text again for each."""
    lines = []
    # finished: one line an item whatever each unit's deadline (a unit given more time finished "đúng hạn (đã gia
    # hạn đến …)" beside the others); not finished: by deadline, which the line says once
    for group in _by_item(items, lambda i: (i.notice, i.item_ref, i.text, None if done else i.due_on)):
        first = group[0]
        if len(group) == 1:
            lines.append(_digest_item(first, done=done))
            continue
        if done and len({i.due_on for i in group}) > 1:  # who had another deadline: said beside them
            usual = Counter(i.due_on for i in group).most_common(1)[0][0]
            extended = {id(i) for i in group if i.due_on != usual}
        else:
            extended = set()
        head = f"• Mục {first.item_ref} ({in_sentence(first.notice)}): {short_title(first.text, 100)}"

        def who(i: DigestItem) -> str:
            return f"đ/c {i.assignee}" if i.assignee else ""

        if len(group) > GROUP_DETAILED:  # seven villages' weekly reports: their names, on time or late, not seven
            lines.append(f"{head} — {_many_units(group, done=done)}")  # people and dates every Friday
        elif done:
            units = "; ".join(f"{i.unit} ({', '.join(p for p in (who(i), date_vn(i.done_on), _done_when(i)) if p)}"
                              f"{_other_deadline(i) if id(i) in extended else ''})" for i in group)
            lines.append(f"{head} — {len(group)} đơn vị: {units}")
        else:
            units = "; ".join(f"{i.unit} ({said})" if (said := "; ".join(p for p in (who(i), _last_report_said(i))
                                                                           if p)) else i.unit for i in group)
            lines.append(f"{head} — hạn {date_vn(first.effective_due or first.due_on)}; {len(group)} đơn vị: {units}")
    return lines


def _other_deadline(item: DigestItem) -> str:
    """Beside a unit whose deadline on an item differs from the others' (an extension granted)."""
    return f", hạn của đơn vị: {date_vn(item.due_on)}" if item.due_on else ""


GROUP_DETAILED = 3  # units of one item a leader's summary names with their person and date; more: names only


def _many_units(group: Sequence[DigestItem], *, done: bool) -> str:
    """Many units on one item, by name only: "7 đơn vị, đều đúng hạn: Thôn 1, …"; "5 đơn vị — đúng hạn: …; quá
    hạn: …"; not done: the deadline and the units."""
    def named(units: list[str]) -> str:
        return _some_units(units, UNITS_NAMED)

    if not done:
        return f"hạn {date_vn(group[0].effective_due or group[0].due_on)}; {len(group)} đơn vị: " \
               f"{named([i.unit for i in group])}"
    late = [i.unit for i in group if i.due_on is not None and not i.on_time]
    timely = [i.unit for i in group if i.unit not in late]
    if not late:
        return f"{len(group)} đơn vị, đều {'đúng hạn' if group[0].due_on else 'hoàn thành'}: {named(timely)}"
    parts = ([f"đúng hạn: {named(timely)}"] if timely else []) + [
        f"quá hạn (hạn {date_vn(group[0].effective_due or group[0].due_on)}): {named(late)}"]
    return f"{len(group)} đơn vị — " + "; ".join(parts)


def _capped(lines: list[str], limit: int, see: str = "/tonghop") -> list[str]:
    """The first `limit` lines, then how many more and where to see them."""
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], f"… và {len(lines) - limit} nhiệm vụ khác (xem {see})."]


STILL_OVERDUE_LIMIT = 5


def _still_overdue_lines(digest: WeeklyDigest, calendar: WorkingCalendar | None) -> list[str]:
    """The tasks overdue since before the week, oldest first, one short line each: unit, item, text, deadline, how
    long overdue (in working days, as the units' digests say it, given the calendar); the first few, then how many
    more."""
    lines = []
    # one item several units hold, late alike, is one line naming them (20 units late on a quarterly report: one line)
    for group in _by_item(digest.still_overdue, lambda i: (i.item_ref, i.text, i.effective_due or i.due_on)):
        item = group[0]
        deadline = item.effective_due or item.due_on
        late = ""
        if deadline and calendar is not None:
            late = f", quá hạn {calendar.working_days_between(deadline, digest.until)} ngày làm việc"
        elif deadline:
            late = f", quá hạn {(digest.until - deadline).days} ngày"
        if len(group) == 1:
            lines.append(f"• {item.unit} — mục {item.item_ref}: {short_title(item.text, 60, lead=item.unit)} "
                         f"(hạn {date_vn(deadline)}{late}" + (f"; {said}" if (said := _last_report_said(item)) else "")
                         + ")")
            continue
        units = [g.unit for g in group]
        named = _some_units(units, UNITS_NAMED)
        lines.append(f"• Mục {item.item_ref}: {short_title(item.text, 60)} (hạn {date_vn(deadline)}{late}) — "
                     f"{len(units)} đơn vị: {named}")
    return _capped(lines, STILL_OVERDUE_LIMIT, see="/tonghop quá hạn")


UNITS_NAMED = 8  # units named on one line of a leader's summary; the rest are counted


def _unreported_lines(digest: WeeklyDigest) -> list[str]:
    """The recurring duties not reported, as lateness: a heading, one short line each (unit, item, how many rounds
    missed so far, the latest), the first few, then how many more."""
    if not digest.unreported:
        return []
    lines = [f"• {u.unit} — mục {u.item_ref}: {short_title(u.text, 60, lead=u.unit)} — không báo cáo {u.missed} kỳ "
             f"(gần nhất: {round_name(u.latest)})" for u in digest.unreported]
    return [f"Nhiệm vụ định kỳ đơn vị không báo cáo: {len(digest.unreported)} nhiệm vụ.",
            *_capped(lines, STILL_OVERDUE_LIMIT, see="/tonghop quá hạn")]


def _silent_lines(digest: WeeklyDigest) -> list[str]:
    """The holders of overdue tasks, or of tasks without a deadline given weeks ago, who never answered Nhắc việc: a
    leader may want to call them."""
    if not digest.silent:
        return []
    lines = [f"• đ/c {h.name}" + (f" — {h.unit}" if h.unit else "") + f" (giao từ {h.since:%d/%m}): "
             + ", ".join([*([f"{h.overdue} nhiệm vụ quá hạn"] if h.overdue else []),
                          *([f"{h.standing} nhiệm vụ không có thời hạn" + _refs_said(h.standing_refs)
                             + " chưa báo cáo lần nào"] if h.standing else [])])
             + (f" ({h.away})" if h.away else "") for h in digest.silent]
    return _people_listed("Chưa phản hồi lần nào từ khi được giao:", lines)


def _refs_said(refs: Sequence[str], limit: int = 3) -> str:
    """" (mục 1, 4.b)" for a few item numbers; nothing for more than `limit` (the count says it)."""
    return f" (mục {', '.join(refs)})" if refs and len(refs) <= limit else ""


def _people_listed(heading: str, lines: list[str]) -> list[str]:
    """A heading and its first STILL_OVERDUE_LIMIT people, then how many more."""
    more = len(lines) - STILL_OVERDUE_LIMIT
    return [heading, *lines[:STILL_OVERDUE_LIMIT], *([f"… và {more} người khác."] if more > 0 else [])]


def _waiting_on_office_lines(digest: WeeklyDigest) -> list[str]:
    """The holders of overdue tasks whose question to the office is still unanswered: not silent — what holds them
    may be the answer (probe 48)."""
    if not digest.waiting_on_office:
        return []
    lines = [f"• đ/c {w.name}" + (f" — {w.unit}" if w.unit else "") + f" (hỏi ngày {w.asked_on:%d/%m}): "
             f"“{shorten(w.question, 100)}” — {w.overdue} nhiệm vụ quá hạn" for w in digest.waiting_on_office]
    return _people_listed("Đang chờ Văn phòng trả lời câu hỏi:", lines)


WEEKLY_MORE = "Đồng chí gõ /tonghop để xem tổng hợp theo đơn vị."
WEEKLY_MORE_WITH_FILES = "Đồng chí gõ /tonghop để xem tổng hợp theo đơn vị, kèm biểu đồ và tệp Excel."


def _weekly_from(digest: WeeklyDigest) -> str:
    """The summary's first day, or — when it lists something finished on the last summary's day after that one's cut
    (a "xong" at 16:00 after the 15:00 summary, sent or skipped as empty) — that moment, so "hoàn thành ngày 23/04"
    under "từ 24/04" does not read as a mistake (probe 38)."""
    early = digest.after is not None and any(
        i.done_on is not None and i.done_on < digest.since for i in digest.done)
    if early and digest.after is not None:
        return f"{digest.after:%H:%M} ngày {date_vn(digest.after.date())}"
    return date_vn(digest.since)


def weekly_digest_text(digest: WeeklyDigest, name: str, *, limit: int = 15,
                       calendar: WorkingCalendar | None = None, deciding: Sequence[ExtensionRequest] = (),
                       buttons: bool = False, files: bool = False) -> str:
    """The weekly summary a leader receives: done this week, newly overdue, pending extension requests;
    `deciding`: those the leader decides, answerable from the summary (`buttons`: theirs under it; else typed).
    `files`: the leader's channel sends files (`Capabilities.documents_out`), so /tonghop there comes with the chart
    and the Excel file, and the closing line says so (probe 36, #11: "(trên Telegram kèm tệp Excel)" said on
    Telegram itself)."""
    lines = [f"Kính gửi đồng chí {name},",
             f"Nhắc việc báo cáo tình hình thực hiện nhiệm vụ trong tuần, từ {_weekly_from(digest)} "
             f"đến {date_vn(digest.until)}.", ""]
    if digest.is_empty:
        lines.append("Trong tuần không có nhiệm vụ nào hoàn thành hoặc mới quá hạn, không có đề nghị gia hạn chờ "
                     "quyết định.")
        return vn("\n".join(lines))
    if digest.nothing_new:  # the same old overdue tasks, week after week: short, and naming them
        lines.append("Trong tuần không có nhiệm vụ nào hoàn thành hoặc mới quá hạn, không có đề nghị gia hạn chờ "
                     "quyết định.")
        if digest.still_overdue:
            lines.append(f"Còn {len(digest.still_overdue)} nhiệm vụ quá hạn từ các tuần trước chưa hoàn thành:")
            lines += _still_overdue_lines(digest, calendar)
        lines += _granted_lines(digest.granted, name, limit)
        lines += _unreported_lines(digest)
        lines += _silent_lines(digest)
        lines += _waiting_on_office_lines(digest)
        lines += ["", "Đồng chí gõ /tonghop quá hạn để xem các đơn vị có nhiệm vụ quá hạn." if digest.still_overdue
                  or digest.unreported else WEEKLY_MORE]
        return vn("\n".join(lines))
    notices = {i.notice for i in (*digest.done, *digest.newly_overdue)} | {p.notice for p in digest.pending} | \
        {b.notice for b in digest.blocked} | {g.notice for g in digest.granted}
    first_item = len(lines)
    lines.append(f"1. Hoàn thành trong tuần: {_tasks_counted(digest.done)}.")
    lines += _capped(_digest_items(digest.done, done=True), limit)
    lines += ["", f"2. Mới quá hạn trong tuần, chưa hoàn thành: {_tasks_counted(digest.newly_overdue)}."]
    lines += _capped(_digest_items(digest.newly_overdue, done=False), limit)
    if digest.still_overdue:
        lines.append(f"Ngoài ra còn {len(digest.still_overdue)} nhiệm vụ quá hạn từ các tuần trước chưa hoàn thành:")
        lines += _still_overdue_lines(digest, calendar)
    lines += _unreported_lines(digest)
    lines += _silent_lines(digest)
    lines += _waiting_on_office_lines(digest)
    lines += ["", f"3. Đề nghị gia hạn chờ quyết định: {len(digest.pending)}."]
    lines += _capped([_pending_line(p, digest.until) for p in digest.pending], limit)
    if deciding:  # the week's reminder of each is this line, not a message of its own the same day
        which = deciding[0].typed_which
        typed = f"“đồng ý gia hạn {which}” hoặc “không đồng ý gia hạn {which}”" + (
            " (tương tự với các mục khác)" if len(deciding) > 1 else "")
        lines.append(f"Đồng chí quyết định ngay tại tin này bằng nút bên dưới, hoặc gõ {typed}." if buttons else
                     f"Đồng chí quyết định ngay tại tin này: gõ {typed}.")
    lines += _granted_lines(digest.granted, name, limit)
    if digest.blocked:  # what the units say holds them up, in their words: what a leader acts on
        lines += ["", f"4. Vướng mắc, đề xuất của đơn vị: {len(digest.blocked)} nhiệm vụ."]
        lines += _capped([f"• Mục {b.item_ref} ({in_sentence(b.notice)}): {b.unit or 'chưa xác định đơn vị'}"
                          + (f", đ/c {b.assignee}" if b.assignee else "")
                          + (f" — “{shorten(note_body(b.note), 200)}”" if b.note else "")
                          + _noted(b.noted_on, digest.since) for b in digest.blocked], limit)
    lines += ["", WEEKLY_MORE_WITH_FILES if files else WEEKLY_MORE]
    if len(notices) == 1:  # one notice: named once above the items, not on each of them
        [notice] = notices
        lines = [*lines[:first_item], f"(Các nhiệm vụ dưới đây thuộc {in_sentence(notice)}.)",
                 *(line.replace(f" ({in_sentence(notice)})", "") for line in lines[first_item:])]
    return vn("\n".join(lines))


def _granted_lines(granted: Sequence[DigestGrant], name: str, limit: int) -> list[str]:
    """"Đã gia hạn trong tuần: • Mục 3 — Phòng X: 31/12/2026 → 15/01/2027 (đ/c Y quyết định ngày 30/12)": the
    deadlines moved by others (a unit head granting a cadre's request; the office), not those the reader moved
    (probe 41, #1: the Chủ tịch never heard that a Trưởng phòng had moved his deadline)."""
    others = [g for g in granted if g.by != name]  # (`send_weekly_digest` leaves out the reader's own)
    if not others:
        return []
    return [f"Đã gia hạn trong tuần: {len(others)}.", *_capped(
        [f"• Mục {g.item_ref} ({in_sentence(g.notice)}) — {g.unit}: "
         f"{date_vn(g.before) if g.before else 'không có thời hạn'} → {date_vn(g.granted)}"
         + (f" (đ/c {g.by} quyết định ngày {g.on:%d/%m})" if g.by else "") for g in others], limit)]


def _pending_line(p: DigestRequest, today: dt.date) -> str:
    """"• Mục 2.c (…) — Tổng công ty X: đ/c Y đề nghị gia hạn đến 20/02/2027 — ngày này đã qua (gửi 01/02; thời hạn
    hiện tại: 10/02/2027, tính đến hết 11/02/2027)": which unit's request, since when, the deadline as it runs."""
    unit = f" — {p.unit}" if p.unit else ""
    passed = " — ngày này đã qua" if p.requested_due is not None and p.requested_due <= today else ""
    # sent by a deadline now past: the leader's to settle, not listed as overdue (probe 36, #5)
    in_time = f"; đề nghị gửi khi còn hạn, {IN_TIME_WORDS}" if p.asked_on is not None and \
        p.effective_due is not None and p.asked_on <= p.effective_due < today else ""
    sent = f"gửi {p.asked_on:%d/%m}; " if p.asked_on else ""
    current = _due_as_it_runs(p.current_due, p.effective_due)
    return (f"• Mục {p.item_ref} ({in_sentence(p.notice)}){unit}: đ/c {p.requester} đề nghị gia hạn đến "
            f"{date_vn(p.requested_due)}{passed} ({sent}thời hạn hiện tại: {current}{in_time})")


def _noted(on: dt.date | None, since: dt.date) -> str:
    """When a difficulty was said: " (23/04)"; said before the week, " (từ 23/04, chưa có cập nhật mới)" — the same
    words week after week read as news (probe 19)."""
    if on is None:
        return ""
    return f" ({on:%d/%m})" if on >= since else f" (từ {on:%d/%m}, chưa có cập nhật mới)"


def extension_request_text(req: ExtensionRequest, replaced_due: dt.date | None = None,
                           replaced: bool = False, calendar: WorkingCalendar | None = None,
                           refused: ExtensionRequest | None = None, today: dt.date | None = None) -> str:
    """To those who decide a new request; `refused`: the one refused last on the same task, said (probe 20, P2);
    `today`: to say a request that moves the deadline far (FAR_EXTENSION_DAYS)."""
    current = date_vn(req.current_due) if req.current_due else "không có thời hạn cụ thể"
    if req.current_due and calendar is not None and (note := calendar.explain_deadline(req.current_due)):
        current += f" ({note})"  # as the requester's digests say it: "rơi vào ngày nghỉ lễ 30/4, tính đến hết …"
    unit = f" ({req.unit_name})" if req.unit_name else ""
    lines = [f"Đề nghị gia hạn: đồng chí {req.requester_name}{unit} đề nghị gia hạn nhiệm vụ mục {req.item_ref} "
             f"({in_sentence(req.notice_title)}).",
             f"Thời hạn hiện tại: {current}; đề nghị gia hạn đến: {date_vn(req.requested_due)}."]
    if today is not None and (far := far_extension(req.current_due, req.requested_due, today)):
        lines.append(f"Lưu ý: {far} — đồng chí xem kỹ trước khi quyết định.")  # (probe 23, F1)
    if req.note and meaningful_note(req.note):  # (a bare "xin gia hạn đến 30/4" is the line above again)
        lines.append(f"Nội dung: {shorten(req.note, 300)}")
    if replaced:
        before = f" (đến {date_vn(replaced_due)})" if replaced_due else ""
        lines.append(f"Đề nghị này thay cho đề nghị trước đó{before} của đồng chí {req.requester_name}.")
    if refused is not None:
        until = f" (đến {date_vn(refused.requested_due)})" if refused.requested_due else ""
        by = f" (đ/c {refused.decided_by_name})" if refused.decided_by_name else ""
        lines.append(f"Đề nghị trước{until} đã không được đồng ý{_when_vn(refused.decided_at)}{by}.")
    return vn("\n".join(lines))


def extension_already_asked(req: ExtensionRequest) -> str:
    """The same request typed again while it waits: nothing is sent again."""
    return vn(f"Đề nghị gia hạn mục {req.item_ref} đến {date_vn(req.requested_due)} của đồng chí đã được gửi và "
              f"đang chờ {req.deciders} xem xét; Nhắc việc sẽ báo kết quả cho đồng chí.")


def extension_replaced_text(old: ExtensionRequest, new_due: dt.date | None) -> str:
    """Answers an approver's old request message once a newer request replaces it."""
    return vn(f"Đề nghị gia hạn nhiệm vụ mục {old.item_ref} đến {date_vn(old.requested_due)} của đồng chí "
              f"{old.requester_name} đã được thay bằng đề nghị mới (đến {date_vn(new_due)}); đồng chí xem xét đề nghị "
              "mới, đề nghị này không còn hiệu lực.")


def _request_described(req: ExtensionRequest, today: dt.date, calendar: WorkingCalendar | None) -> str:
    """"đề nghị của Tổng công ty X (đ/c Hà Minh Đức, gửi ngày 01/02/2027) xin gia hạn mục 2.c đến 20/02/2027 — ngày
    này đã qua (thời hạn hiện tại: 10/02/2027, tính đến hết 11/02/2027)": which request, and where it stands."""
    sent = f", gửi ngày {date_vn(req.asked_at.astimezone(VN_TZ).date())}" if req.asked_at else ""
    who = f"{req.unit_name} (đ/c {req.requester_name}{sent})" if req.unit_name else f"đ/c {req.requester_name}{sent}"
    passed = " — ngày này đã qua" if req.requested_due is not None and req.requested_due <= today else ""
    return (f"đề nghị của {who} xin gia hạn mục {req.item_ref} ({in_sentence(req.notice_title)}) đến "
            f"{date_vn(req.requested_due)}{passed} (thời hạn hiện tại: {_current_due(req, calendar)})")


def _due_as_it_runs(due: dt.date | None, runs: dt.date | None) -> str:
    """A deadline and, when it falls on a day off, where it runs to: "10/02/2027, tính đến hết 11/02/2027"."""
    if due is None:
        return "không có thời hạn cụ thể"
    return date_vn(due) + (f", tính đến hết {date_vn(runs)}" if runs is not None and runs != due else "")


def _current_due(req: ExtensionRequest, calendar: WorkingCalendar | None) -> str:
    runs = calendar.effective_deadline(req.current_due) if calendar is not None and req.current_due else None
    return _due_as_it_runs(req.current_due, runs)


def _decision_forms(req: ExtensionRequest, today: dt.date) -> str:
    return (f"“đồng ý gia hạn {req.typed_which} đến {_a_fortnight_after(today)}” hoặc “không đồng ý gia hạn "
            f"{req.typed_which}”")


def stale_extension(req: ExtensionRequest, today: dt.date, *, calendar: WorkingCalendar | None = None) -> str:
    """A bare "đồng ý" when the one request waiting is old, or asks for a date already past: asked, not decided."""
    return vn(f"Nhắc việc chưa ghi quyết định vì chưa rõ đồng chí trả lời đề nghị nào. Đang chờ đồng chí: "
              f"{_request_described(req, today, calendar)}. Để quyết định, đồng chí gõ rõ, ví dụ: "
              f"{_decision_forms(req, today)}.")


def asked_date_passed(req: ExtensionRequest, today: dt.date, *, calendar: WorkingCalendar | None = None) -> str:
    """An approval of the date asked when that date is already past: nothing granted, a new date asked for."""
    return vn(f"Nhắc việc chưa ghi gia hạn: {_request_described(req, today, calendar)}. Nếu đồng ý, đồng chí gõ kèm "
              f"ngày mới, ví dụ: {_decision_forms(req, today)}.")


def _deadline_standing(req: ExtensionRequest, today: dt.date, calendar: WorkingCalendar) -> str:
    """"10/02/2027, tính đến hết 11/02/2027 — còn 1 ngày làm việc" / "— đã quá hạn 3 ngày làm việc"."""
    if req.current_due is None:
        return "không có thời hạn cụ thể"
    runs = calendar.effective_deadline(req.current_due)
    if runs > today:
        where = f"còn {calendar.working_days_between(today, runs)} ngày làm việc"
    elif runs == today:
        where = "đến hạn hôm nay"
    elif req.asked_at is not None and req.asked_at.astimezone(VN_TZ).date() <= runs:
        # asked by the deadline and undecided: the leader's decision waits, the unit is not late (as reports count it)
        where = f"đã qua hạn, nhưng đề nghị gia hạn gửi khi còn hạn, đang chờ đồng chí quyết định ({IN_TIME_WORDS})"
    else:
        where = f"đã quá hạn {calendar.working_days_between(runs, today)} ngày làm việc"
    return f"{_current_due(req, calendar)} — {where}"


def extension_reminder(req: ExtensionRequest, today: dt.date, calendar: WorkingCalendar) -> str:
    """To those who decide a request still waiting, once (with its actions): what it asks, since when, and where the
    task's deadline stands."""
    sent = f" (gửi ngày {date_vn(req.asked_at.astimezone(VN_TZ).date())})" if req.asked_at else ""
    unit = f" ({req.unit_name})" if req.unit_name else ""
    lines = [f"Đề nghị gia hạn chờ đồng chí quyết định{sent}: đ/c {req.requester_name}{unit} đề nghị gia hạn nhiệm vụ "
             f"mục {req.item_ref} ({in_sentence(req.notice_title)}) đến {date_vn(req.requested_due)}"
             + (" — ngày này đã qua" if req.requested_due is not None and req.requested_due <= today else "") + ".",
             f"Thời hạn hiện tại: {_deadline_standing(req, today, calendar)}."]
    if req.note and meaningful_note(req.note):  # (a bare "xin gia hạn đến 30/4" is the line above again)
        lines.append(f"Nội dung: {shorten(req.note, 300)}")
    if req.requested_due is not None and req.requested_due <= today:
        lines.append(f"Nếu đồng ý, đồng chí gõ kèm ngày mới, ví dụ: {_decision_forms(req, today)}.")
    return vn("\n".join(lines))


def extension_still_waiting(req: ExtensionRequest, reminded: Sequence[str], calendar: WorkingCalendar) -> str:
    """To the requester, once, when the request is recalled to those who decide it."""
    sent = f" (gửi ngày {date_vn(req.asked_at.astimezone(VN_TZ).date())})" if req.asked_at else ""
    who = ", ".join(f"đ/c {name}" for name in reminded) or req.deciders
    return vn(f"Đề nghị gia hạn mục {req.item_ref} ({in_sentence(req.notice_title)}) đến {date_vn(req.requested_due)} "
              f"của đồng chí{sent} chưa có quyết định; Nhắc việc đã nhắc lại {who}. Trong khi chờ, thời hạn vẫn là "
              f"{_current_due(req, calendar)}.")


def grant_in_the_past(until: dt.date) -> str:
    return vn(f"Ngày {date_vn(until)} không sau hôm nay nên không thể gia hạn đến ngày đó. Đồng chí vui lòng gõ "
              "lại với ngày sau hôm nay, ví dụ “đồng ý gia hạn 2.1 đến 30/4”, hoặc chỉ “đồng ý gia hạn 2.1” để "
              "đồng ý ngày người đề nghị đưa ra.")


def extension_recalled(req: ExtensionRequest, audience: str, calendar: WorkingCalendar | None = None) -> str:
    """The requester took their request back ("rút đề nghị gia hạn"): to them (`audience` "requester"), to those it
    was shown to ("other": nothing is left to decide) and to the task's holder ("holder"); the deadline stands
    (probe 21, finding 6)."""
    what = f"mục {req.item_ref} ({in_sentence(req.notice_title)})" + (
        f" đến {date_vn(req.requested_due)}" if req.requested_due else "")
    due = _current_due(req, calendar)
    if audience == "requester":
        return vn(f"Đã rút đề nghị gia hạn {what}; Nhắc việc đã báo những người được gửi đề nghị. Thời hạn vẫn là "
                  f"{due}.")
    decide = "; không cần quyết định đề nghị này nữa" if audience == "other" else ""  # ("holder": told of it)
    return vn(f"Đ/c {req.requester_name} đã rút lại đề nghị gia hạn {what}{decide}. Thời hạn vẫn là {due}.")


def which_request_to_recall(refs: Sequence[str]) -> str:
    listed = ", ".join(f"mục {ref}" for ref in refs)
    return vn(f"Đồng chí đang có đề nghị gia hạn chờ quyết định ở {listed}. Đồng chí gõ kèm số mục, ví dụ "
              f"“{refs[0]} rút đề nghị gia hạn”.")


def no_request_to_recall(item_ref: str | None = None) -> str:
    where = f" cho mục {item_ref}" if item_ref else ""
    return vn(f"Đồng chí không có đề nghị gia hạn nào{where} đang chờ quyết định, nên không có gì để rút lại.")


def extension_outcome(req: ExtensionRequest, approved: bool, *, counter: bool = False) -> str:
    """The words that cannot be misread: "Đã gia hạn đến 30/04/2026" / "Không gia hạn; thời hạn giữ nguyên: …" /
    (`counter`: refused, the decider's own date set) "Không đồng ý gia hạn; yêu cầu hoàn thành chậm nhất ngày …"."""
    if approved:  # (the approver may have granted another date than asked: the task's deadline now)
        return f"Đã gia hạn đến {date_vn(req.current_due or req.requested_due)}"
    if counter and req.current_due:
        return f"Không đồng ý gia hạn; yêu cầu hoàn thành chậm nhất ngày {date_vn(req.current_due)}"
    kept = f": {date_vn(req.current_due)}" if req.current_due else " (không có thời hạn cụ thể)"
    return f"Không gia hạn; thời hạn giữ nguyên{kept}"


def extension_decided_text(req: ExtensionRequest, approved: bool, audience: str = "decider",
                           reason: str | None = None, *, counter: bool = False, runs: str | None = None,
                           late: bool = False) -> str:
    """`audience`: "decider" (the one who decided), "requester", or "other" (the other approvers, admins);
    `reason`: what the decider wrote with the decision, passed on to the requester; `counter`: the decider refused
    the date asked and set an earlier one of their own ("không đồng ý, phải xong trước 4/3"); `runs`: the date
    granted or set is a day off, said to the decider and the requester ("hạn 20/02/2026 rơi vào ngày nghỉ Tết …,
    tính đến hết 23/02/2026")."""
    what = f"nhiệm vụ mục {req.item_ref} ({in_sentence(req.notice_title)})"
    outcome = extension_outcome(req, approved, counter=counter)
    word = "đồng ý" if approved else "không đồng ý"
    by = f"đ/c {req.decided_by_name}" if req.decided_by_name else "cấp có thẩm quyền"
    if counter and audience in ("decider", "requester"):
        new, asked = date_vn(req.current_due), date_vn(req.requested_due)
        text = (f"Đồng chí đã không đồng ý gia hạn {what} đến {asked} theo đề nghị của đ/c {req.requester_name}; "
                f"thời hạn mới: {new}. Nhắc việc đã báo người đề nghị." if audience == "decider" else
                f"Kính gửi đồng chí {req.requester_name}, {by} không đồng ý gia hạn {what} đến {asked}; yêu cầu "
                f"hoàn thành chậm nhất ngày {new} (thời hạn mới).")
    elif audience == "decider":
        if not approved:
            kept = date_vn(req.current_due) if req.current_due else "không có thời hạn cụ thể"
            text = (f"Đồng chí đã không đồng ý đề nghị gia hạn {what} của đ/c {req.requester_name}; thời hạn giữ "
                    f"nguyên: {kept}. Nhắc việc đã báo người đề nghị.")
        elif req.current_due and req.requested_due and req.current_due != req.requested_due:  # another date
            text = (f"{outcome} (đ/c {req.requester_name} đề nghị đến {date_vn(req.requested_due)}): {what}. "
                    "Nhắc việc đã báo người đề nghị.")
        else:
            text = f"{outcome}: {what}, theo đề nghị của đ/c {req.requester_name}. Nhắc việc đã báo người đề nghị."
    elif audience == "requester" and approved and req.current_due and req.current_due != req.requested_due:
        text = (f"Kính gửi đồng chí {req.requester_name}, {by} đã đồng ý gia hạn {what} đến "
                f"{date_vn(req.current_due)} (đồng chí đề nghị đến {date_vn(req.requested_due)}).")
    elif audience == "requester" and approved:  # the date once, in the words that cannot be misread
        text = f"Kính gửi đồng chí {req.requester_name}, {by} đã đồng ý đề nghị gia hạn {what}. {outcome}."
    elif audience == "requester":
        text = (f"Kính gửi đồng chí {req.requester_name}, {by} đã {word} đề nghị gia hạn {what} đến "
                f"{date_vn(req.requested_due)}. {outcome}.")
    else:
        text = (f"Đề nghị gia hạn {what} đến {date_vn(req.requested_due)} của đ/c {req.requester_name} đã được "
                f"{by} quyết định: {outcome}.")
    if late and not approved and not counter and audience == "requester":  # asked after the deadline: late now
        text += " Nhiệm vụ đã quá hạn; đề nghị đồng chí khẩn trương hoàn thành và báo cáo kết quả."
    if runs and (approved or counter) and audience in ("decider", "requester"):  # a date set on a day off
        text += f"\n({runs[:1].upper()}{runs[1:]}.)"
    if reason and audience == "requester":
        text += f"\nÝ kiến của {by}: “{reason}”"
    return vn(text)


def other_shares_kept(shares: Sequence[Share], granted: dt.date | None) -> str:
    """Under a grant that answered one unit's request on an item several units lead: the other units' shares keep
    their dates, said plainly, with the words that move them too (probe 38, F1). Only the shares due before the
    granted date: one due later (a monthly report's next round) or with no deadline is not offered — moved to the
    granted date, it would fall due earlier and go overdue (probe 42, F1)."""
    kept = [s for s in shares if s.due_on is not None and (granted is None or s.due_on < granted)]
    if not kept:
        return ""
    first = kept[0]
    until = f" đến {granted:%d/%m}" if granted else ""
    typed = f"“đồng ý gia hạn {first.item_ref} cho {first.unit_name}{until}”"
    if len(kept) == 1:  # (probe 48: a routine yes answered with a paragraph — said as briefly as it can be)
        return vn(f"Lưu ý: phần mục {first.item_ref} của {first.unit_name} (không đề nghị gia hạn) vẫn hạn "
                  f"{date_vn(first.due_on)}. Nếu gia hạn cả phần này, đồng chí gõ {typed}.")
    if len({s.due_on for s in kept}) == 1:  # one date for all of them: said once, the units named after it
        return vn(f"Lưu ý: phần mục {first.item_ref} của {len(kept)} đơn vị chủ trì khác (không đề nghị gia hạn) vẫn "
                  f"hạn {date_vn(first.due_on)}: {', '.join(s.unit_name for s in kept)}. Nếu gia hạn cả cho đơn vị "
                  f"nào, đồng chí gõ, ví dụ: {typed}.")
    each = "; ".join(f"{s.unit_name}: vẫn hạn {date_vn(s.due_on)}" for s in kept)
    return vn(f"Lưu ý: mục {first.item_ref} còn phần của đơn vị chủ trì khác, không đề nghị gia hạn — {each}. Nếu "
              f"gia hạn cả cho đơn vị nào, đồng chí gõ, ví dụ: {typed}.")


def shares_not_moved(kept: Sequence[Share], until: dt.date) -> str:
    """A grant to `until` on shares already due on or after it: nothing moved earlier (probe 42, F1)."""
    first = kept[0]
    each = "; ".join(f"{s.unit_name}: hạn hiện tại {date_vn(s.due_on)} "
                     + (f"đã muộn hơn {date_vn(until)}" if s.due_on and s.due_on > until else "đã là ngày này")
                     for s in kept)
    return vn(f"Mục {first.item_ref}, phần của {each}; không cần gia hạn. Nhắc việc giữ nguyên hạn.")


def grant_not_later(ref: str, due: dt.date, until: dt.date) -> str:
    """A grant to `until` on a request whose deadline is already `due`, not earlier: nothing moved (probe 42, F1)."""
    now = f"đã muộn hơn {date_vn(until)}" if due > until else "đã là ngày này"
    return vn(f"Mục {ref}: hạn hiện tại {date_vn(due)} {now}; không cần gia hạn. Nhắc việc giữ nguyên hạn; đề nghị "
              "chưa được quyết định.")


def shares_moved(moved: Sequence[Share], until: dt.date, audience: str, by_name: str = "",
                 reader: str = "") -> str:
    """A deadline moved by a leader on shares nobody asked to extend (`moved`: each with the date it had).
    `audience`: "decider", or "holder" (the unit's holder, `reader`)."""
    first = moved[0]
    what = f"nhiệm vụ mục {first.item_ref} ({in_sentence(first.notice_title)})"
    units = "; ".join(f"{s.unit_name}" + (f" (hạn cũ {date_vn(s.due_on)})" if s.due_on else "") for s in moved)
    if audience == "decider":
        return vn(f"Đã gia hạn đến {date_vn(until)}: {what}, phần của {units}. Nhắc việc đã báo đơn vị.")
    return vn(f"Kính gửi đồng chí {reader}, đ/c {by_name} đã gia hạn {what} đến {date_vn(until)} "
              f"(phần của {units}).")


def done_again(ref: str, done_before: dt.date | None, done_now: dt.date | None, redated: bool, today: dt.date) -> str:
    """A "xong" with what was done, on a task already finished: the note kept; the completion day moved (`redated`),
    or kept with the words that move it to today (probe 38, F2)."""
    if redated and done_now is not None:
        was = f" (trước đây ghi {date_vn(done_before)})" if done_before else ""
        return vn(f"Đã cập nhật: mục {ref} — hoàn thành ngày {date_vn(done_now)}{was}. Nội dung đồng chí báo đã được "
                  "lưu vào lịch sử nhiệm vụ.")
    when = f" ngày {date_vn(done_before)}" if done_before else ""
    offer = f" Nếu ngày hoàn thành đúng là {date_vn(today)}, đồng chí gõ “{ref} hoàn thành ngày {date_vn(today)}”." \
        if done_before is None or done_before != today else ""
    return vn(f"Mục {ref} đã ghi hoàn thành{when}; Nhắc việc đã lưu thêm nội dung đồng chí báo vào lịch sử nhiệm "
              f"vụ.{offer}")


# ------------------------------------------------------------------ leave and withdrawal

LEAVE_ENDED = vn("Đã ghi nhận đồng chí trở lại làm việc; Nhắc việc nhắc việc từ sáng ngày làm việc tiếp theo.")


def leave_usage(problem: str = "") -> str:
    return vn((problem + " " if problem else "") + "Cú pháp: /nghi <từ ngày> <đến ngày> [@mã người làm thay], "
              "ví dụ: /nghi 01/12 05/12 hoặc /nghi 01/12 05/12 @cadre_bdv; /nghi hủy để kết thúc sớm.")


def _period(start: dt.date, end: dt.date) -> str:
    return f"từ {date_vn(start)} đến hết {date_vn(end)}"


def leave_recorded(start: dt.date, end: dt.date, working_days: int, cover: str | None) -> str:
    who = f"; trong thời gian này đ/c {cover} nhận nhắc việc thay" if cover else \
        "; trong thời gian này Nhắc việc tạm dừng nhắc đồng chí"
    return vn(f"Đã ghi nhận đồng chí nghỉ {_period(start, end)} ({working_days} ngày làm việc){who}. "
              "Nhắc việc nhắc lại từ ngày làm việc đầu tiên sau kỳ nghỉ.")


def leave_told_head(name: str, start: dt.date, end: dt.date, cover: str | None) -> str:
    who = f"; đ/c {cover} nhận nhắc việc thay" if cover else "; các nhiệm vụ của đồng chí ấy tạm không được nhắc"
    return vn(f"Kính báo đồng chí: đ/c {name} nghỉ {_period(start, end)}{who}.")


def leave_told_cover(name: str, start: dt.date, end: dt.date, cover: str, refs: Sequence[str] = ()) -> str:
    items = f" (mục {', '.join(refs)})" if refs else ""
    they = "Nhiệm vụ" if len(refs) == 1 else "Các nhiệm vụ"
    return vn(f"Kính gửi đồng chí {cover}, đ/c {name} nghỉ {_period(start, end)} và nhờ đồng chí nhận nhắc việc thay "
              f"trong thời gian này: {len(refs) or 'các'} nhiệm vụ{items}. {they}"
              f" ấy có trong tin nhắc việc buổi sáng của đồng chí; đồng chí báo cáo như nhiệm vụ của mình, ví dụ: "
              f"“{refs[0] if refs else '2'} xong”.")


WITHDRAW_USAGE = vn("Cú pháp: /huy <số văn bản> [mục <số mục>] lý do: <lý do>, ví dụ: "
                    "/huy 45/TB-UBND lý do: đã được thay thế; /huy 45/TB-UBND mục 2.1 lý do: giao đơn vị khác.")
WITHDRAW_NEEDS_REASON = vn("Đồng chí vui lòng ghi lý do hủy, ví dụ: /huy 45/TB-UBND lý do: đã được thay thế "
                           "bằng Thông báo 52/TB-UBND.")


def no_such_notice(number: str, recent: Sequence[NoticeChoice] = ()) -> str:
    lines = [f"Không tìm thấy văn bản đã xác nhận có số “{number}”."]
    if recent:
        lines += ["Các văn bản đã xác nhận gần đây:", *[notice_choice_line(c) for c in recent],
                  f"Ví dụ: /huy #{recent[0].notice_id} lý do: …"]
    return vn("\n".join(lines))


def several_notices(number: str, notices: Sequence[NoticeChoice]) -> str:
    lines = [f"Có {len(notices)} văn bản cùng số “{number}”; đồng chí chọn theo mã trong Nhắc việc:"]
    lines += [notice_choice_line(c) for c in notices]
    lines.append(f"Ví dụ: /huy #{notices[0].notice_id} lý do: …")
    return vn("\n".join(lines))


def withdrawn_text(title: str, ref: str | None, refs: Sequence[str], reason: str,
                   units: Sequence[str] = (), shared_by: int = 0) -> str:
    """The admin's answer to /huy; an item several units hold says whose share stopped (all of them, or some)."""
    share = ""
    if ref and units:
        share = (f" (cả {len(units)} đơn vị: {_units(list(units))})" if len(units) >= shared_by
                 else f" (phần của {_units(list(units))}; các đơn vị khác vẫn thực hiện)")
    what = f"mục {ref}{share} của {in_sentence(title)}" if ref else in_sentence(title)
    done = f" ({len(refs)} nhiệm vụ thôi theo dõi)" if refs and not ref else ""
    return vn(f"Đã hủy {what}{done}. Lý do: {reason}. Người được giao đã được báo.")


def withdrawn_told(name: str, title: str, refs: Sequence[str], reason: str) -> str:
    """To a holder of items of a notice withdrawn (a whole plan's: its items as runs, "mục III.1.a–s (18 nhiệm vụ)")."""
    these = "các nhiệm vụ này" if len(refs) > 1 else "nhiệm vụ này"
    return vn(f"Kính gửi đồng chí {name}, {in_sentence(title)} đã được hủy đối với {items_said(refs)}; Nhắc việc thôi "
              f"nhắc {these}. Lý do: {reason}.")


def _moot_what(moot: MootRequest, whose: str, *, title: bool = True) -> str:
    """"đề nghị gia hạn nhiệm vụ mục 2.1 (…) đến 30/03/2018 của đồng chí"; without `title`, "đề nghị gia hạn mục 2.1
    đến 30/03/2018 …" (under a message that already names the notice)."""
    kind = "gia hạn" if moot.kind == "extension" else "chuyển"
    asked = f" {moot.asked}" if moot.asked else (" sang đơn vị khác" if moot.kind == "transfer" else "")
    task = f"nhiệm vụ mục {moot.item_ref} ({in_sentence(moot.notice_title)})" if title else f"mục {moot.item_ref}"
    return f"đề nghị {kind} {task}{asked} {whose}"


def _moot_why(why: str, actor_name: str | None, reason: str | None) -> str:
    if why == "cancelled":
        return "nhiệm vụ đã được hủy" + (f" (lý do: {reason.rstrip('.')})" if reason else "")
    return f"nhiệm vụ đã được đ/c {actor_name} cập nhật hoàn thành" if actor_name else "nhiệm vụ đã hoàn thành"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def moot_told(name: str, moots: Sequence[MootRequest], why: str, *, actor_name: str | None = None,
              reason: str | None = None) -> str:
    """To whoever asked (an extension, a transfer) on a task finished or cancelled before anyone decided: once, that
    the request is closed and why (requests made moot, session 22)."""
    what = "; ".join(_moot_what(m, "của đồng chí") for m in moots)
    return vn(f"Kính gửi đồng chí {name}, {what} được đóng lại, không cần xem xét nữa, vì "
              f"{_moot_why(why, actor_name, reason)}. Cảm ơn đồng chí.")


def moot_line(moots: Sequence[MootRequest], *, own: bool) -> str:
    """One line under a message the person gets anyway (the withdrawal, the update, their own confirmation), which
    already says why: their request (`own`) is closed too, or (the one who acted) someone else's, who was told."""
    if own:
        what = "; ".join(_moot_what(m, "của đồng chí", title=False) for m in moots)
        return vn(f"{_capital(what)} vì thế được đóng lại, không cần xem xét nữa.")
    what = "; ".join(_moot_what(m, f"của đ/c {m.requester_name}", title=False) for m in moots)
    return vn(f"{_capital(what)} được đóng lại, không cần xem xét nữa; Nhắc việc đã báo người đề nghị.")


def moot_to_decider(moot: MootRequest, why: str, *, actor_name: str | None = None, reason: str | None = None) -> str:
    """In place of (or under) the request message those who decide it were sent: nothing is left to decide."""
    what = _moot_what(moot, f"của đ/c {moot.requester_name}")
    return vn(f"{_capital(what)} không cần xem xét nữa: {_moot_why(why, actor_name, reason)}.")


# ------------------------------------------------------------------ a leader's direction

DIRECTION_REMIND = vn("Đề nghị đồng chí khẩn trương thực hiện và báo cáo kết quả.")


def _named_with_title(leader: Person) -> str:
    """"Huỳnh Thanh Cảnh, Phó Bí thư Thường trực Tỉnh ủy": a director as a direction passed on names them."""
    return f"{leader.full_name}, {leader.title}" if leader.title else leader.full_name


def direction_text(name: str, leader: Person, tasks: Sequence[DirectionTarget], said: str, *,
                   replies: bool = True, covering: tuple[str, dt.date] | None = None,
                   also: Sequence[DirectionTarget] = ()) -> str:
    """To whoever holds the tasks a leader's reply was about: the direction as written, and how to report.
    `covering`: sent to the colleague standing in for the holder on leave (the holder's name, the last day of leave).
    `also`: the same direction's tasks of the holder's unit that a colleague holds, the holder being its head (said
    here, for the head to follow up, instead of in a message of their own)."""
    who = _named_with_title(leader)
    refs = ", ".join(t.item_ref for t in tasks)
    titles = list(dict.fromkeys(in_sentence(t.notice_title) for t in tasks))
    lines = [f"Kính gửi đồng chí {name},",
             *([f"(Đồng chí nhận thay đ/c {covering[0]} nghỉ phép đến hết {date_vn(covering[1])}.)"] if covering
               else []),
             f"Đồng chí {who} có ý kiến chỉ đạo về nhiệm vụ mục {refs} ({'; '.join(titles)}):",
             f"“{shorten(said, 1500)}”",
             ("Đồng chí trả lời tin này để báo cáo kết quả" if replies else "Để báo cáo kết quả, đồng chí gõ")
             + f", ví dụ: “{tasks[0].item_ref} xong”, “{tasks[0].item_ref} 60% vướng kinh phí”."]
    if also:
        held = "; ".join(f"mục {', '.join(t.item_ref for t in group)} do đ/c {holder} phụ trách"
                         for holder, group in _by_holder(also))
        lines.append(f"Ý kiến này cũng về {held}: Nhắc việc đã chuyển đến người phụ trách; gửi đồng chí để nắm và "
                     "đôn đốc.")
    return vn("\n".join(lines))


def _by_holder(tasks: Sequence[DirectionTarget]) -> list[tuple[str, list[DirectionTarget]]]:
    out: dict[str, list[DirectionTarget]] = {}
    for t in tasks:
        out.setdefault(t.assignee_name or "?", []).append(t)
    return list(out.items())


def direction_to_head(name: str, leader: Person, tasks: Sequence[DirectionTarget], said: str) -> str:
    """To the head of a unit whose task a leader directed while a colleague of the unit holds it: the direction as
    written, who holds it and was sent it, for the head to follow it up (the head answers for the unit's work)."""
    who = _named_with_title(leader)
    refs = ", ".join(t.item_ref for t in tasks)
    titles = list(dict.fromkeys(in_sentence(t.notice_title) for t in tasks))
    holders = ", ".join(dict.fromkeys(f"đ/c {t.assignee_name}" for t in tasks if t.assignee_name))
    lines = [f"Kính gửi đồng chí {name},",
             f"Đồng chí {who} có ý kiến chỉ đạo về nhiệm vụ mục {refs} ({'; '.join(titles)}) của đơn vị, do "
             f"{holders} phụ trách:",
             f"“{shorten(said, 1500)}”",
             f"Nhắc việc đã chuyển ý kiến đến {holders}; gửi đồng chí để nắm và đôn đốc."]
    return vn("\n".join(lines))


def direction_to_charged(name: str, leader: Person, unit: str, tasks: Sequence[DirectionTarget], said: str) -> str:
    """To the head of a unit a leader's direction charges by name while it holds none of the tasks it is about ("Giao
    Phòng Tài chính - Kế hoạch tham mưu …, phối hợp Phòng NN&MT thực hiện mục 2.1"): the direction, for the unit to
    act on; no task of its own is made (probe 7, #36)."""
    who = _named_with_title(leader)
    refs = ", ".join(dict.fromkeys(t.item_ref for t in tasks))
    leads = ", ".join(dict.fromkeys(t.unit_name for t in tasks if t.unit_name))
    titles = "; ".join(dict.fromkeys(in_sentence(t.notice_title) for t in tasks))
    lines = [f"Kính gửi đồng chí {name},",
             f"Đồng chí {who} có ý kiến chỉ đạo giao {unit} liên quan đến nhiệm vụ mục {refs} ({titles}"
             + (f"; {leads} chủ trì" if leads else "") + "):",
             f"“{shorten(said, 1500)}”",
             f"{unit} không chủ trì mục này nên Nhắc việc không theo dõi phần việc trên như một nhiệm vụ riêng; "
             "đồng chí báo kết quả trực tiếp với lãnh đạo, hoặc gõ “hỏi văn phòng: …” nếu cần Văn phòng ghi nhận."]
    return vn("\n".join(lines))


def direction_answered(name: str, reporter: Person, unit: str | None, rec: Recorded, note: str | None,
                       directed_on: dt.date) -> str:
    """To a leader whose direction on a task its holder has now answered (the first report since it): who said
    what, so the loop closes without asking (probe s43, #13)."""
    who = f"đ/c {reporter.full_name}" + (f" ({unit})" if unit else "")
    said = progress_text(rec.status, rec.percent, not_started=True)
    if rec.status == TaskStatus.DONE and rec.on_time is not None:
        said += ", đúng hạn" if rec.on_time else ", quá hạn"
    lines = [f"Kính gửi đồng chí {name},",
             f"Sau ý kiến chỉ đạo của đồng chí ngày {date_vn(directed_on)}, {who} đã báo cáo mục {rec.item_ref}: "
             f"{said}." + (f" Nội dung: “{shorten(note, 300)}”" if note and meaningful_note(note) else ""),
             "(Đồng chí trả lời tin này nếu cần chỉ đạo thêm.)"]
    return vn("\n".join(lines))


def report_unchanged(at: str, *, files: bool, about: str | None = None) -> str:
    """The same report asked again with nothing changed since it was sent (probe 27, F11); `about`: what it covers
    (a notice as it is named, a unit), said so the line can be told from another report's."""
    of = f" ({about})" if about else ""
    if files:
        return vn(f"Số liệu{of} không thay đổi so với báo cáo đồng chí nhận lúc {at}; Nhắc việc gửi kèm biểu đồ và "
                  "tệp Excel.")
    return vn(f"Báo cáo{of} không thay đổi so với bản đồng chí nhận lúc {at} (chưa có cập nhật mới). Nếu cần nhận "
              "lại, đồng chí gửi lại yêu cầu.")


def direction_to_office(name: str, leader: Person, tasks: Sequence[DirectionTarget], said: str) -> str:
    """To an admin: a leader's direction on tasks nobody holds, to give them to a unit (probe 27, F5)."""
    who = _named_with_title(leader)
    refs = ", ".join(t.item_ref for t in tasks)
    titles = list(dict.fromkeys(in_sentence(t.notice_title) for t in tasks))
    units = ", ".join(dict.fromkeys(t.unit_name for t in tasks if t.unit_name)) or "chưa xác định đơn vị"
    lines = [f"Kính gửi đồng chí {name},",
             f"Đồng chí {who} có ý kiến chỉ đạo về nhiệm vụ mục {refs} ({'; '.join(titles)}), nhiệm vụ chưa có "
             f"người nhận (chủ trì: {units}):",
             f"“{shorten(said, 1500)}”",
             f"Đề nghị Văn phòng giao nhiệm vụ cho đơn vị thực hiện: gõ “chuyển mục {tasks[0].item_ref} sang <tên đơn "
             "vị>”."]
    return vn("\n".join(lines))


def direction_passed(tasks: Sequence[DirectionTarget], reached: Sequence[DirectionTarget],
                     office: Sequence[str] = (), to_office: Sequence[DirectionTarget] = (),
                     charged: Sequence[tuple[str, str]] = (),
                     covered: Mapping[str, tuple[str, dt.date]] | None = None,
                     heads: Sequence[tuple[str, Sequence[DirectionTarget]]] = ()) -> str:
    """To the leader: to whom the direction went (`office`: the admins given `to_office`, tasks nobody holds;
    `charged`: the heads of units it charges that hold none of its tasks, as (unit, head); `covered`: a holder on
    leave → the colleague standing in, also told, and the leave's last day; `heads`: the heads of the units whose
    tasks a colleague holds, each with those tasks, sent a copy), and which tasks nobody could be told of."""
    got = {t.task_id for t in reached} | ({t.task_id for t in to_office} if office else set())
    lines = ["Đã chuyển ý kiến chỉ đạo của đồng chí đến:"] if reached or charged else []
    by_person: dict[str, list[DirectionTarget]] = {}
    for t in reached:
        by_person.setdefault(t.assignee_name or "", []).append(t)
    for holder, theirs in by_person.items():
        units = ", ".join(dict.fromkeys(t.unit_name for t in theirs if t.unit_name))
        lines.append(f"• đ/c {holder}{' (' + units + ')' if units else ''} — mục "
                     f"{', '.join(t.item_ref for t in theirs)}")
        if covered and holder in covered:  # (probe 8, #4: the direction went to a head on leave, nobody else told)
            cover, until = covered[holder]
            lines.append(f"  (đ/c {holder} nghỉ phép đến hết {date_vn(until)}; đã chuyển cả đ/c {cover} làm thay)")
    lines += [f"• đ/c {head} — trưởng đơn vị, để nắm và đôn đốc mục {', '.join(t.item_ref for t in theirs)}"
              for head, theirs in heads]
    lines += [f"• đ/c {head} ({unit}) — đơn vị được giao theo ý kiến (không chủ trì mục này)" for unit, head in charged]
    if office and to_office:
        lines.append(f"Nhiệm vụ chưa có người nhận — đã chuyển ý kiến đến Văn phòng (đ/c {', đ/c '.join(office)}) "
                     "để giao đơn vị thực hiện:")
        lines += [f"• {t.unit_name or 'chưa xác định đơn vị'} — mục {t.item_ref}" for t in to_office]
    missed = [t for t in tasks if t.task_id not in got]
    if missed:
        lines.append("Chưa chuyển được (nhiệm vụ chưa có người nhận, hoặc người nhận chưa kết nối Nhắc việc; Văn "
                     "phòng xem danh sách bằng lệnh /loi):")
        lines += [f"• {t.unit_name or 'chưa xác định đơn vị'} — mục {t.item_ref}" for t in missed]
    lines.append("Ý kiến đã được lưu vào lịch sử nhiệm vụ.")
    return vn("\n".join(lines))


# ------------------------------------------------------------------ delivery problems (/loi)

@dataclass(frozen=True, kw_only=True)
class UnheldRow:
    """A unit's open tasks of one notice that nobody holds (/loi): the unit as written, the item numbers, the notice
    named short, and that notice's item numbers (`items_said` runs only over items none left out)."""
    unit: str | None
    refs: list[str]
    notice: str = ""
    known: Sequence[str] = ()


def _unheld_lines(nobody: Sequence[UnheldRow]) -> list[str]:
    """One line per unit; from several notices, each notice's units under its short name ("31/TB-UBND (3):"), as
    one number means another task in each (session 25: "mục 1, 2, 3, 1")."""
    def line(row: UnheldRow, grouped: bool) -> str:
        said = items_said(row.refs, row.known, limit=len(row.refs) + 1) if grouped else f"mục {', '.join(row.refs)}"
        return f"• {row.unit or 'Chưa xác định đơn vị chủ trì'}: {said}"
    notices = list(dict.fromkeys(row.notice for row in nobody))
    if len(notices) < 2:
        return [line(row, False) for row in nobody]
    lines: list[str] = []
    for notice in notices:
        rows = [row for row in nobody if row.notice == notice]
        lines.append(f"{notice or 'Văn bản khác'} ({sum(len(row.refs) for row in rows)}):")
        lines += [line(row, True) for row in rows]
    return lines


def _refs_by_notice(refs: Sequence[str | tuple[str, str]]) -> str:
    """"mục 2, 2.1"; items given with their notice (item, notice named short) from several notices: "mục 1, 2
    (47/TB-UBND); mục 1 (52/TB-UBND)" — one number is another task in each."""
    pairs = [(ref, "") if isinstance(ref, str) else ref for ref in refs]
    by_notice: dict[str, list[str]] = {}
    for ref, notice in pairs:
        by_notice.setdefault(notice, []).append(ref)
    if len(by_notice) < 2:
        return f"mục {', '.join(ref for ref, _ in pairs)}"
    return "; ".join(f"mục {', '.join(items)}" + (f" ({notice})" if notice else "")
                     for notice, items in by_notice.items())


def delivery_problems(rows: Sequence[tuple[int, dt.date, str, str, str | None]],
                      nobody: Sequence[UnheldRow] = (),
                      unconnected: Sequence[tuple[str, str, Sequence[str | tuple[str, str]]]] = (),
                      weekly: Sequence[tuple[str, str | None, dt.date]] = (), quiet_after: int = 5,
                      weekly_on: int = 0, office: Sequence[OfficeLine] = (),
                      held: Sequence[tuple[str, dt.date, str, str]] = ()) -> str:
    """/loi: digests not sent (or not known to have arrived) in 14 days, then the open tasks nobody holds, and
    those whose holder never connected — nobody is reminded of either —, and who is reminded weekly only for not
    answering (`weekly`: name, unit, since; `quiet_after`: the working days in a row that put them there); then the
    move requests not decided and the questions not answered (`office`: what waits on the office, all of it).
    `held`: the other messages (a reply, a copy held for working hours) whose sending stopped before its outcome
    was written — number ("T12"), day, person, text —, resent with the same words as a digest."""
    lines = []
    if rows:
        lines.append("Tin nhắc việc chưa gửi được hoặc chưa rõ đã đến chưa (14 ngày qua):")
        for digest_id, day, person, state, error in rows:
            what = "chưa rõ đã đến hay chưa (hết thời gian chờ)" if state == "unknown" else "không gửi được"
            lines.append(f"• Số {digest_id} — {date_vn(day)} — đ/c {person}: {what}"
                         + (f" ({shorten(error, 80)})" if error else ""))
        lines.append("Nếu đồng chí đã hỏi và người nhận chưa nhận được, gõ “/loi gui <số>” để gửi lại.")
        if any(state != "failed" for _, _, _, state, _ in rows):
            lines.append("Nếu người nhận đã có tin (tin “chưa rõ”), gõ “/loi xong <số>” để ghi nhận đã đến; tin đó "
                         "không được gửi lại.")
    else:
        lines.append("Trong 14 ngày qua, mọi tin nhắc việc đều đã được gửi.")
    if held:
        lines += ["", f"Tin nhắn khác chưa rõ đã đến hay chưa — {STALLED_SENDING} ({len(held)}):"]
        lines += [f"• Số {label} — {date_vn(day)} — đ/c {person}: “{shorten(' '.join(text.split()), 80)}”"
                  for label, day, person, text in held]
        lines.append(f"Nếu đồng chí đã hỏi và người nhận chưa nhận được, gõ “/loi gui {held[0][0]}” (số của tin "
                     "nhắn đó) để gửi lại; nếu người nhận đã có tin, gõ “/loi xong "
                     f"{held[0][0]}” để ghi nhận đã đến.")
    if nobody:
        count = sum(len(row.refs) for row in nobody)
        lines += ["", f"Nhiệm vụ chưa có người nhận, chưa ai được nhắc ({count}):", *_unheld_lines(nobody)]
        if any(row.unit for row in nobody):
            lines.append("Đơn vị chưa có trưởng đơn vị trong danh bạ: đồng chí bổ sung danh bạ (gửi lại tệp danh bạ), "
                         "Nhắc việc sẽ giao và báo người nhận; hoặc giao cho cán bộ của đơn vị: /giao <số mục> "
                         "<tên đơn vị> <họ tên cán bộ>.")
        if no_unit := [ref for row in nobody if not row.unit for ref in row.refs]:
            lines.append(no_unit_hint(no_unit))
    if unconnected:
        lines += ["", f"Người nhận chưa kết nối Nhắc việc, chưa nhận được tin nào ({len(unconnected)}):"]
        lines += [f"• đ/c {name} (@{handle}): {_refs_by_notice(refs)}" for name, handle, refs in unconnected]
        lines.append(f"{invite_how(unconnected[0][1], unconnected[0][0])}.")
    if weekly:
        lines += ["", f"Chỉ nhắc lại hằng tuần ({WEEKDAYS[weekly_on]}) vì chưa phản hồi sau {quiet_after} ngày làm "
                      f"việc được nhắc liền ({len(weekly)}):"]
        lines += [f"• đ/c {name}" + (f" ({unit})" if unit else "") + f" — từ {date_vn(since)}"
                  for name, unit, since in weekly]
        lines.append("Tin về hạn, quá hạn lần đầu, báo cáo lãnh đạo vẫn gửi ngay; khi người đó trả lời Nhắc việc, "
                     "nhắc việc trở lại như thường. Đồng chí có thể liên hệ trực tiếp để đôn đốc.")
    moves = [w for w in office if w.what == "move"]
    if moves:
        lines += ["", f"Đề nghị chuyển đơn vị chủ trì chưa quyết định ({len(moves)}):", *map(_office_line, moves)]
        lines.append("Đồng chí gõ “chuyển mục <số mục> sang <tên đơn vị>” để chuyển.")
    extensions = [w for w in office if w.what == "extension"]
    if extensions:
        lines += ["", f"Đề nghị gia hạn chờ quyết định ({len(extensions)}):", *map(_office_line, extensions)]
        lines.append("Đồng chí gõ “đồng ý gia hạn <số mục>” hoặc “không đồng ý gia hạn <số mục>” để quyết định.")
    questions = [w for w in office if w.what == "question"]
    if questions:
        lines += ["", f"Câu hỏi gửi Văn phòng chưa trả lời ({len(questions)}):", *map(_office_line, questions)]
        lines.append("Đồng chí gõ “trả lời <số>: <nội dung>” để trả lời.")
    return vn("\n".join(lines))


# (a held message whose sending stopped before its outcome was written, in /loi; as storage.digests.STALLED_ERROR)
STALLED_SENDING = "tiến trình gửi dừng lại trước khi ghi nhận kết quả"


def resend_queued(digest_id: int | str, *, message: bool = False) -> str:
    """`message`: a held message (`digest_id` is its "T12"), not a digest."""
    return vn(f"{'Tin nhắn' if message else 'Tin nhắc việc'} số {digest_id} sẽ được gửi lại trong ít phút.")


def delivery_settled(label: int | str, *, message: bool = False) -> str:
    """/loi xong N: the admin recorded a message whose delivery was unknown as delivered (`message`: a held message,
    `label` its "T12")."""
    return vn(f"Đã ghi nhận {'tin nhắn' if message else 'tin nhắc việc'} số {label} đã đến người nhận; tin này sẽ "
              "không được gửi lại.")


def delivery_verb_number(verb: str) -> str:
    """/loi gui or /loi xong typed without the number of the message."""
    return vn(f"Đồng chí gõ kèm số của tin trong danh sách /loi, ví dụ: “/loi {verb} 12” (tin nhắc việc) hoặc "
              f"“/loi {verb} T3” (tin nhắn khác).")


def extension_no_deadline(ref: str, section: str | None = None, items: Sequence[str] = ()) -> str:
    """An extension asked for a task with no deadline (a standing duty): nothing to extend, nothing sent on. With
    `section` and its `items`: asked on a section ("xin gia hạn mục 6") none of whose items has a deadline."""
    if section is not None and items:
        ref = items[0]
        which = f"Mục {section} gồm {', '.join(items)}: các mục này" if len(items) > 1 else f"Mục {items[0]}"
        return vn(f"{which} không có thời hạn cụ thể nên không cần gia hạn. Đồng chí báo tiến độ khi có kết quả, "
                  f"ví dụ: “{ref} 50% đang thực hiện”, “{ref} vướng <lý do>” hoặc “{ref} xong”.")
    return vn(f"Mục {ref} không có thời hạn cụ thể nên không cần gia hạn. Đồng chí báo tiến độ khi có kết quả, "
              f"ví dụ: “{ref} 50% đang thực hiện”, “{ref} vướng <lý do>” hoặc “{ref} xong”.")


def _more_items(more: int) -> str:
    """After a list cut at its first items: " và 5 mục khác" (not ", …" before the sentence's full stop)."""
    return f" và {more} mục khác" if more > 0 else ""


def extension_impossible_day(ref: str, problem: str, typed: str = "") -> str:
    """"xin gia hạn đến 31/2": `problem` is the calendar's "Ngày “31/2” không có trong lịch."; the example is the
    last day of the month of the day `typed` ("31/4" → “đến 30/4”)."""
    example = "28/2"
    _, month, *year = [int(part) for part in re.split(r"\s*[/.-]\s*", typed)] if typed else (0, 0)
    if 1 <= month <= 12:
        example = f"{monthrange(year[0] if year and year[0] > 999 else 2001, month)[1]}/{month}"
    return vn(f"{problem} Đồng chí đề nghị gia hạn mục {ref} đến ngày nào? Đồng chí gõ lại ngày, ví dụ: "
              f"“đến {example}”.")


def extension_needs_date(ref: str) -> str:
    return vn(f"Đồng chí đề nghị gia hạn mục {ref} đến ngày nào? Đồng chí gõ lại kèm ngày, ví dụ: "
              f"“{ref} xin gia hạn đến 30/4 vì chờ ý kiến Sở Tài chính”, “{ref} xin gia hạn đến cuối tháng”.")


def extension_not_later(ref: str, wanted: dt.date, current: dt.date | None, today: dt.date, *,
                        runs_to: dt.date | None = None) -> str:
    """`runs_to`: the current deadline as it runs (on a day off: the next working day)."""
    if wanted <= today:
        return vn(f"Ngày {date_vn(wanted)} đã qua; đề nghị gia hạn mục {ref} cần một ngày sau hôm nay. "
                  f"Đồng chí gõ lại, ví dụ: “{ref} xin gia hạn đến 30/4”.")
    return vn(f"{_deadline_reaches(ref, wanted, current, runs_to)} đồng chí đề nghị, nên chưa cần gia hạn. Nếu cần "
              f"thêm thời gian, đồng chí gõ ngày sau đó, ví dụ: “{ref} xin gia hạn đến "
              f"{_a_fortnight_after(runs_to or current or today)}”; để báo tiến độ: “{ref} 60% đang thực hiện”.")


def extension_date_unclear(ref: str, wanted: dt.date, current: dt.date, *, runs_to: dt.date) -> str:
    """"xin gia hạn đến sau Tết" when the deadline already runs past Tết: which date is meant is asked, not refused
    (probe 20: the request never reached the leader); the date typed next completes the request."""
    return vn(f"{_deadline_reaches(ref, wanted, current, runs_to)} theo thời gian đồng chí nêu. Nếu cần thêm thời "
              f"gian, đồng chí xin gia hạn đến ngày nào? Đồng chí gõ ngày, ví dụ: “đến {_a_fortnight_after(runs_to)}”; "
              f"Nhắc việc sẽ chuyển đề nghị để lãnh đạo xem xét.")


def _deadline_reaches(ref: str, wanted: dt.date, current: dt.date | None, runs_to: dt.date | None) -> str:
    """"Thời hạn hiện tại của mục 2.c là 10/02/2027, tính đến hết 12/02/2027 (…), đã muộn hơn ngày 11/02/2027": the
    deadline against the date asked, said without a double negative."""
    now_due = date_vn(current) if runs_to is None or runs_to == current else \
        f"{date_vn(current)}, tính đến hết {date_vn(runs_to)} (ngày làm việc đầu tiên sau ngày nghỉ)"
    reach = runs_to or current
    how = "trùng với" if reach is not None and reach == wanted else "đã muộn hơn" if reach and reach > wanted else \
        "đã bao gồm"
    return f"Thời hạn hiện tại của mục {ref} là {now_due}, {how} ngày {date_vn(wanted)}"


_EXAMPLE_CALENDAR = WorkingCalendar()  # the public holidays (an example date is never one, nor a weekend)


def _a_fortnight_after(day: dt.date) -> str:
    later = _EXAMPLE_CALENDAR.working_day_on_or_after(day + dt.timedelta(days=14))
    return f"{later.day}/{later.month}"


# ------------------------------------------------------------------ delegation and supporting units

def delegate_usage(cadres: Sequence[tuple[str, str]]) -> str:
    # the example is one of the unit's own people, never a code nobody has (probe 26, F11)
    example = f"ví dụ: /giao 2.3 {cadres[0][1]} hoặc /giao 2.3 @{cadres[0][0]}" if cadres else "ví dụ: /giao 2.3 " \
        "Nguyễn Văn A (họ tên như trong danh bạ)"
    lines = [f"Để giao một nhiệm vụ của đơn vị cho cán bộ, đồng chí gõ: /giao <số mục> <họ tên cán bộ>, {example}. "
             "Cán bộ được giao nhận nhắc việc; đồng chí vẫn được báo mỗi lần cán bộ cập nhật."]
    if cadres:
        lines += ["", "Cán bộ của đơn vị:"] + [f"• @{handle} — {name}" for handle, name in cadres]
    return vn("\n".join(lines))


def delegated_text(result: Delegated, *, taken_back: bool = False, giver: str | None = None) -> str:
    """To whoever gave it (`giver`, their full name): the one who held the task before, unless that was the giver
    (a head handing on their own task is not told it was theirs)."""
    before = f" (trước đây: đ/c {result.previous_name})" \
        if result.previous_name and result.previous_name != giver else ""
    if taken_back:  # the head takes the task himself
        return vn(f"Đồng chí đã nhận lại nhiệm vụ mục {result.item_ref} ({in_sentence(result.notice_title)}){before}; "
                  "Nhắc việc nhắc đồng chí nhiệm vụ này từ lần nhắc tiếp theo.")
    return vn(f"Đã giao nhiệm vụ mục {result.item_ref} ({in_sentence(result.notice_title)}) cho đ/c "
              f"{result.assignee.full_name}{before}. Đ/c {result.assignee.full_name} sẽ nhận nhắc việc; Nhắc việc báo "
              "đồng chí mỗi lần nhiệm vụ được cập nhật.")


def delegation_assignment_text(result: Delegated, buttons: bool) -> str:
    due = f"hạn {date_vn(result.due_on)}" if result.due_on else "không có thời hạn"
    how = "trả lời tin này hoặc gõ" if buttons else "gõ"
    return vn(f"Kính gửi đồng chí {result.assignee.full_name},\n"
              f"Đ/c {result.head_name} ({result.unit_name}) giao đồng chí phụ trách nhiệm vụ theo "
              f"{in_sentence(result.notice_title)}:\n• Mục {result.item_ref}: {short_title(result.text)} — {due}\n\n"
              f"Để báo cáo, đồng chí {how} số mục và tình trạng, ví dụ: “{result.item_ref} xong”, "
              f"“{result.item_ref} 60% vướng kinh phí”.")


def support_recorded_text(result: SupportRecorded, reached: Sequence[tuple[str, str]] = ()) -> str:
    """`reached`: (name, unit) of everyone the report went to (several units holding the item: each named)."""
    told = (", ".join(f"đ/c {name}" + (f" ({unit})" if unit else "") for name, unit in reached)
            or ", ".join(f"đ/c {p.full_name}" for p in result.lead_people) or "đơn vị chủ trì")
    return vn(f"Đã ghi nhận báo cáo phối hợp của {result.unit_name} về nhiệm vụ mục {result.item_ref} "
              f"({in_sentence(result.notice_title)}) và chuyển tới {told}. Nhiệm vụ do đơn vị chủ trì báo cáo "
              "hoàn thành.")


BUTTON_ALL_HOLDERS = "Tất cả các đơn vị"


def support_which(ref: str, holders: Sequence[tuple[str | None, str | None]], note: str, *, buttons: bool) -> str:
    """Which of the units holding item `ref` a supporting unit's report is for (each unit's own results are not
    for the others)."""
    lines = [f"Mục {ref} do {len(holders)} đơn vị chủ trì:"]
    lines += [f"• {unit or 'chưa xác định đơn vị'}" + (f" — đ/c {name}" if name else "") for unit, name in holders]
    lines.append(f"Báo cáo phối hợp của đồng chí (“{shorten(note, 120)}”) gửi tới đơn vị nào?")
    example = next((unit for unit, _ in holders if unit), "tên đơn vị")
    if buttons:
        lines.append(f"Đồng chí bấm tên đơn vị bên dưới, hoặc “{BUTTON_ALL_HOLDERS}” nếu báo cáo chung cho các "
                     "đơn vị.")
    else:
        lines.append(f"Đồng chí gõ lại kèm tên đơn vị, ví dụ: “phối hợp {ref} {example}: …”, hoặc "
                     f"“phối hợp {ref} tất cả: …” nếu báo cáo chung cho các đơn vị.")
    return vn("\n".join(lines))


def support_report_text(result: SupportRecorded) -> str:
    return vn(f"Đơn vị phối hợp {result.unit_name} (đ/c {result.reporter_name}) báo cáo về nhiệm vụ mục "
              f"{result.item_ref} ({in_sentence(result.notice_title)}): {shorten(result.note, 400)}")


def not_supporting(ref: str) -> str:
    return vn(f"Đơn vị của đồng chí không có trong danh sách phối hợp của nhiệm vụ mục {ref} đang thực hiện. "
              "Gõ /viec để xem các nhiệm vụ đồng chí phụ trách.")


def support_needs_text(ref: str) -> str:
    return vn(f"Đồng chí ghi thêm nội dung phối hợp, ví dụ: “phối hợp {ref}: đã gửi số liệu”.")


def support_only(ref: str, lead: str | None) -> str:
    who = lead or "đơn vị chủ trì"
    return vn(f"Nhiệm vụ mục {ref} do {who} chủ trì và báo cáo tình trạng; đơn vị của đồng chí phối hợp thực hiện. "
              f"Để báo cáo phần việc của đơn vị, đồng chí gõ: “phối hợp {ref}: <nội dung>”, ví dụ: "
              f"“phối hợp {ref}: đã gửi số liệu”.")


def delegate_choose() -> str:
    return vn("Đồng chí giao nhiệm vụ này cho cán bộ nào của đơn vị? Cán bộ được giao nhận nhắc việc; đồng chí vẫn "
              "được báo mỗi lần nhiệm vụ được cập nhật.")


# ------------------------------------------------------------------ the working calendar (/lich)

CALENDAR_ADMIN_ONLY = vn("Lệnh /lich dành cho quản trị viên (Văn phòng) để xem và sửa lịch ngày nghỉ, ngày làm bù "
                         "mà Nhắc việc dùng. Nếu đồng chí thấy lịch nghỉ chưa đúng, đồng chí vui lòng báo Văn phòng.")


def calendar_usage(problem: str | None = None) -> str:
    return vn((problem + " " if problem else "")
              + "Cú pháp: /lich — xem các ngày nghỉ sắp tới; /lich 2027 — cả năm; "
              "/lich nghỉ 12/02/2027 Nghỉ bù Tết — thêm ngày nghỉ; /lich làm 20/02/2027 Làm bù — thêm ngày làm "
              "việc bù; /lich xoá 12/02/2027 — xoá ngày đã thêm.")


def _day_vn(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {date_vn(day)}"


def calendar_list(start: dt.date, end: dt.date, days_off: Sequence[tuple[dt.date, str]],
                  entries: Sequence[CalendarDayEntry], *, base: WorkingCalendar, year: int | None) -> str:
    """/lich: the days off between `start` and `end` other than plain weekends (holidays by name, the admin's
    days off marked), then the make-up working days the admin entered."""
    added = {e.day for e in entries if e.kind == CalendarDayKind.OFF}
    span = f"năm {year}" if year is not None else f"từ {date_vn(start)} đến {date_vn(end)}"
    lines = [f"Lịch nghỉ Nhắc việc đang dùng, {span} (không kể thứ Bảy, Chủ nhật thường lệ):"]
    if not days_off:
        lines.append("• Không có ngày nghỉ lễ, Tết nào.")
    for day, name in days_off:
        lines.append(f"• {_day_vn(day)} — {name}" + (" (quản trị viên đã thêm)" if day in added else ""))
    working = [e for e in entries if e.kind == CalendarDayKind.WORKING]
    if working:
        lines += ["", "Ngày làm việc bù (quản trị viên đã thêm):"]
        for e in working:
            was = base.day_off_reason(e.day)
            lines.append(f"• {_day_vn(e.day)} — {e.note or 'Làm bù'}" + (f" (theo lịch chung là {was})" if was else ""))
    lines += ["", "Những ngày nghỉ không gửi nhắc việc; hạn rơi vào ngày nghỉ được tính đến hết ngày làm việc kế tiếp.",
              "Sửa lịch theo thông báo của Chính phủ: /lich nghỉ 12/02/2027 Nghỉ bù Tết; /lich làm 20/02/2027 Làm bù; "
              "/lich xoá 12/02/2027."]
    return vn("\n".join(lines))


MOVED_LIMIT = 10  # moved deadlines listed one by one under a calendar change


def calendar_changed(entry: CalendarDayEntry, *, removed: bool, calendar: WorkingCalendar,
                     base: WorkingCalendar, moved: Sequence[tuple[DueNear, dt.date, dt.date]] = ()) -> str:
    """The admin's answer to "/lich nghỉ|làm|xoá": what was recorded and what the bot now does that day; `moved`:
    the open tasks whose deadline now runs to another day (the task, where it ran to, where it runs to now)."""
    day = entry.day
    what = "ngày nghỉ" if entry.kind == CalendarDayKind.OFF else "ngày làm việc bù"
    note = f" ({entry.note})" if entry.note else ""
    if removed:
        head = f"Đã xoá {what} {_day_vn(day)}{note} khỏi lịch."
    else:
        head = f"Đã thêm {what} {_day_vn(day)}{note} vào lịch."
    if calendar.is_working_day(day):
        was = base.day_off_reason(day) if not removed else None
        after = (f" Từ nay Nhắc việc tính ngày {date_vn(day)} là ngày làm việc"
                 + (f" (theo lịch chung là {was})" if was else "") + ": nhắc việc vẫn gửi ngày này.")
    else:
        reason = calendar.day_off_reason(day) or "ngày nghỉ"
        after = (f" Từ nay Nhắc việc tính ngày {date_vn(day)} là {reason}: không gửi nhắc việc ngày này; hạn rơi "
                 f"vào ngày này được tính đến hết {date_vn(calendar.effective_deadline(day))}.")
    return vn(head + after + _moved_deadlines(moved))


def _moved_deadlines(moved: Sequence[tuple[DueNear, dt.date, dt.date]]) -> str:
    """Which open deadlines the change moved, so the office knows before the holders' next reminder says it."""
    if not moved:
        return ""
    notices = {t.notice_number for t, _, _ in moved}
    lines = [f"\nHạn của {len(moved)} nhiệm vụ đang thực hiện thay đổi theo lịch mới (người phụ trách thấy hạn mới "
             "trong lần nhắc tiếp theo):"]
    for t, was, now in moved[:MOVED_LIMIT]:
        where = f", {t.notice_number}" if len(notices) > 1 and t.notice_number else ""
        lead = f" ({t.lead}{where})" if t.lead else (f" ({t.notice_number})" if where else "")
        lines.append(f"• Mục {t.item_ref}{lead}: hạn {date_vn(t.due_on)}, nay tính đến hết {date_vn(now)} "
                     f"(trước đây: hết {date_vn(was)})")
    if len(moved) > MOVED_LIMIT:
        lines.append(f"… và {len(moved) - MOVED_LIMIT} nhiệm vụ khác.")
    return "\n".join(lines)


# ------------------------------------------------------------------ questions to the office

ASK_OFFICE_HOW = vn("Để hỏi Văn phòng, đồng chí gõ: “hỏi văn phòng: <câu hỏi>”, ví dụ: “hỏi văn phòng: mẫu báo cáo "
                    "lấy ở đâu?”. Nhắc việc chuyển câu hỏi tới quản trị viên và gửi lại câu trả lời cho đồng chí.")
NO_OFFICE = vn("Danh bạ chưa có quản trị viên nào kết nối Nhắc việc nên câu hỏi chưa chuyển được. Đồng chí vui lòng "
               "liên hệ trực tiếp Văn phòng.")


def question_to_office(asked: Asked, *, replies: bool = True) -> str:
    unit = f" ({asked.asker_unit})" if asked.asker_unit else ""
    about = f" về nhiệm vụ mục {asked.item_ref}" if asked.item_ref else ""
    how = (f"Đồng chí trả lời tin này (hoặc gõ “trả lời {asked.question_id}: …”)" if replies else
           f"Đồng chí gõ “trả lời {asked.question_id}: <nội dung>”")
    return vn(f"CÂU HỎI SỐ {asked.question_id} gửi Văn phòng\nĐ/c {asked.asker_name}{unit} hỏi{about}:\n"
              f"“{shorten(asked.text, 1500)}”\n{how} để Nhắc việc gửi lại cho đ/c {asked.asker_name}.")


def questions_hint(count: int) -> str:
    """Under an admin's not-understood answer while questions wait (a plain answer typed on Zalo, which has no
    replies): how to answer one."""
    return vn(f"Có {count} câu hỏi của cán bộ đang chờ Văn phòng trả lời: để trả lời, đồng chí gõ “trả lời <số>: "
              "<nội dung>” (gõ /hoi để xem các câu hỏi và số).")


def question_forwarded(told: Sequence[str], *, after_card: bool = False) -> str:
    if not told:
        return NO_OFFICE
    who = ", ".join(f"đ/c {name}" for name in told)
    lead = "Câu hỏi của đồng chí đã được chuyển" if after_card else \
        "Nhắc việc chưa tự trả lời được câu hỏi này nên đã chuyển"
    return vn(f"{lead} tới Văn phòng ({who}). Khi Văn phòng trả lời, Nhắc việc gửi lại đồng chí.")


def office_answer(answered: Answered) -> str:
    asked = shorten(answered.question, 300)
    return vn(f"Văn phòng (đ/c {answered.answered_by}) trả lời câu hỏi của đồng chí “{asked}”:\n{answered.answer}")


def answer_passed(answered: Answered, *, reached: bool) -> str:
    if not reached:
        return vn(f"Đã ghi câu trả lời cho câu hỏi số {answered.question_id}, nhưng đ/c {answered.asker.full_name} "
                  "chưa kết nối Nhắc việc nên chưa nhận được; đồng chí vui lòng báo trực tiếp.")
    earlier = " (câu hỏi này đã có trả lời trước; đồng chí ấy nhận cả hai)" if answered.earlier_answer else ""
    return vn(f"Đã gửi câu trả lời tới đ/c {answered.asker.full_name}{earlier}.")


def questions_waiting(rows: Sequence[tuple[int, str, str, dt.datetime]], tz: dt.tzinfo) -> str:
    if not rows:
        return vn("Không có câu hỏi nào đang chờ Văn phòng trả lời.")
    lines = [f"Câu hỏi đang chờ trả lời ({len(rows)}):"]
    lines += [f"• Số {n} — đ/c {name}, {date_vn(at.astimezone(tz).date())}: “{shorten(text, 200)}”"
              for n, name, text, at in rows]
    lines.append("Đồng chí trả lời bằng cách gõ: “trả lời <số>: <nội dung>”.")
    return vn("\n".join(lines))


# ------------------------------------------------------------------ /giao, /nghi, /donvi by name (probe 21)

def _example_person(example: tuple[str, str] | None) -> str:
    return f"@{example[0]} ({example[1]})" if example else "@mã_cán_bộ"


def delegate_usage_named(cadres: Sequence[tuple[str, str]], example_ref: str | None = None) -> str:
    """/giao alone: how to hand a task on, the example taken from the head's own unit (handle or full name)."""
    ref = example_ref or "2.3"
    if cadres:
        handle, name = cadres[0]
        example = f"ví dụ: /giao {ref} @{handle} hoặc /giao {ref} {name}"
    else:
        example = f"ví dụ: /giao {ref} @mã_cán_bộ"
    lines = ["Để giao một nhiệm vụ của đơn vị cho cán bộ, đồng chí gõ: /giao <số mục> <mã hoặc họ tên cán bộ>, "
             f"{example}. Cán bộ được giao nhận nhắc việc; đồng chí vẫn được báo mỗi lần cán bộ cập nhật."]
    if cadres:
        lines += ["", "Cán bộ của đơn vị:"] + [f"• @{handle} — {name}" for handle, name in cadres]
    return vn("\n".join(lines))


# a typed form's placeholder sent as it is: "<mã cán bộ>", "<họ tên cán bộ>", "mã_cán_bộ"
PLACEHOLDER = re.compile(r"[<>‹›]|\bmã[_\s]+cán[_\s]+bộ\b|\bhọ[_\s]+tên\b", re.I)
# where a head finds the people of the unit and their codes (the directory's "Mã cán bộ" column)
WHERE_CODES = "gõ /giao để xem danh sách cán bộ của đơn vị và mã của từng người"


def invite_how(handle: str, name: str) -> str:
    """How to invite someone listed "đ/c <name> (@<handle>)": the command with that person as the example."""
    return f"Đồng chí gõ /moi kèm mã cán bộ (sau dấu @ ở trên) hoặc họ tên, ví dụ: /moi {handle} hoặc /moi {name}, " \
        "để tạo mã mời và gửi cho người đó"


def person_not_in_directory(said: str, command: str, example_args: str, example: tuple[str, str] | None) -> str:
    """A handle or name that fits nobody in the directory: said so, with an example from this office; a typed form's
    placeholder sent as it is ("/giao III.3 @<mã cán bộ>") is told what to put there."""
    who = f"@{example[0]} hoặc /{command} {example_args} {example[1]}" if example else "@mã_cán_bộ"
    if PLACEHOLDER.search(said):
        return vn(f"Đồng chí thay “{said}” bằng họ tên (hoặc mã) của cán bộ, ví dụ: /{command} {example_args} "
                  f"{example[1] if example else 'Nguyễn Văn A'}.")
    return vn(f"Không tìm thấy cán bộ “{said.lstrip('@')}” trong danh bạ. Đồng chí ghi mã cán bộ hoặc đủ họ tên, "
              f"ví dụ: /{command} {example_args} {who}.")


def cover_not_found(said: str, dates: str, example: tuple[str, str] | None) -> str:
    """/nghi naming a colleague the directory does not have: said so, with a colleague of the same unit as the
    example, or (none there) how to go on — never someone of another unit as if a cover."""
    if example is not None:
        return person_not_in_directory(said, "nghi", dates, example)
    return vn(f"Không tìm thấy cán bộ “{said.lstrip('@')}” trong danh bạ, và đơn vị của đồng chí chưa có cán bộ nào "
              "khác trong danh bạ để nhận nhắc việc thay. Đồng chí đề nghị Văn phòng bổ sung người làm thay vào "
              f"danh bạ rồi gõ lại /nghi {dates} <mã hoặc họ tên>, hoặc gõ /nghi {dates} để ghi kỳ nghỉ không có "
              "người làm thay.")


def person_which(said: str, command: str, example_args: str, people: Sequence[tuple[str, str, str | None]]) -> str:
    """A full name several people share: their handles, to type one."""
    listed = "\n".join(f"• /{command} {example_args} @{handle} — {name}" + (f", {title}" if title else "")
                       for handle, name, title in people)
    return vn(f"Có {len(people)} cán bộ tên “{said}”; đồng chí gõ mã của người cần chọn:\n{listed}")


def leave_usage_named(problem: str = "", example: tuple[str, str] | None = None) -> str:
    """/nghi's syntax, its example naming a colleague from this office's directory (handle or full name)."""
    cover = f"/nghi 01/12 05/12 @{example[0]} hoặc /nghi 01/12 05/12 {example[1]}" if example else \
        "/nghi 01/12 05/12 @mã_cán_bộ"
    return vn((problem + " " if problem else "") + "Cú pháp: /nghi <từ ngày> <đến ngày> [mã hoặc họ tên người làm "
              f"thay], ví dụ: /nghi 01/12 05/12 hoặc {cover}; /nghi hủy để kết thúc sớm.")


def leave_already_recorded(start: dt.date, end: dt.date, cover: str | None) -> str:
    """/nghi sent again with the same dates and colleague: nothing new, nobody told twice."""
    who = f"; đ/c {cover} nhận nhắc việc thay (đã được báo)" if cover else ""
    return vn(f"Kỳ nghỉ {_period(start, end)} của đồng chí đã được ghi nhận trước đó{who}. Nhắc việc không gửi lại "
              "thông báo.")


def unit_period_not_understood(reason: str) -> str:
    """/donvi with a time it cannot read: /donvi's own syntax (not /tonghop's, which a head may not use)."""
    return vn(f"Thời gian “{reason}” không hợp lệ. {UNIT_REPORT_USAGE}")


@dataclass(frozen=True, kw_only=True)
class ItemRow:
    """One unit's task under an item a leader asks about: where it stands, finished or not."""

    notice: str  # the notice's number ("15/TB-UBND"), said when the item is in several notices
    unit: str
    assignee: str | None
    status: TaskStatus
    percent: int | None
    due_on: dt.date | None
    done_on: dt.date | None
    last_note: str | None = None


def direction_on_closed(ref: str) -> str:
    """A leader's direction on an item already finished: not passed on (what it stands at follows)."""
    return vn(f"Mục {ref} đã được báo cáo hoàn thành nên Nhắc việc chưa chuyển ý kiến chỉ đạo này.")


def item_status_answer(ref: str, rows: Sequence[ItemRow], today: dt.date,
                       rounds: Sequence[LastRound | None] = ()) -> str:
    """A leader's or the office's question about one item ("tình hình mục 2.1", "mục II.7.b thế nào?"): each unit
    holding it, with its status — finished ones too, with the day (probe 21, F4) — never the whole table."""
    several = len({r.notice for r in rows}) > 1
    lines = [f"Tình hình thực hiện mục {ref}:"]
    for i, row in enumerate(rows):
        where = f" [{in_sentence(row.notice)}]" if several and row.notice else ""
        who = f"đ/c {row.assignee}" if row.assignee else "chưa có người nhận"
        head = f"• {row.unit or 'chưa xác định đơn vị'}{where} — {who}: "
        if row.status == TaskStatus.DONE:
            when = f" ngày {date_vn(row.done_on)}" if row.done_on else ""
            timely = "" if row.due_on is None or row.done_on is None else \
                (", đúng hạn" if row.done_on <= row.due_on else f", quá hạn (hạn {date_vn(row.due_on)})")
            lines.append(f"{head}Hoàn thành{when}{timely}")
        else:
            last = rounds[i] if i < len(rounds) else None
            deadline = f"hạn {date_vn(row.due_on)}" if row.due_on else "không có thời hạn"
            late = " — quá hạn" if row.due_on and row.due_on < today else ""
            if last is None:
                lines.append(f"{head}{progress_text(row.status, row.percent)}; {deadline}{late}")
            else:
                went = (f"hoàn thành {date_vn(last.done_on)}, {judged_by(last.on_time, last.extended_to, last.due_on)}"
                        if last.done_on else "không báo cáo")
                missed = f"; không báo cáo {last.missed} kỳ" if last.missed > 1 or (last.missed and last.done_on) \
                    else ""
                lines.append(f"{head}{round_name(last.label)} {went}{missed}; kỳ hiện tại {deadline} — "
                             f"{progress_text(row.status, row.percent)}{late}")
        if row.last_note:
            lines.append(f"  Nội dung báo cáo gần nhất: “{shorten(row.last_note, 160)}”")
    lines.append("Gõ /tonghop để xem tổng hợp theo đơn vị.")
    return vn("\n".join(lines))


@dataclass(frozen=True, kw_only=True)
class HolderRow:
    """One task under an item someone asks about ("mục 5 giao ai"): its words, who holds it and its deadline."""

    notice: str  # the notice's number, said when the item is in several notices
    item_ref: str
    text: str
    unit: str
    assignee: str | None
    support: Sequence[str]
    due_on: dt.date | None
    done_on: dt.date | None


def item_holder_answer(rows: Sequence[HolderRow], *, section: str | None = None,
                       supported: Sequence[str] = (), asker_unit: str | None = None) -> str:
    """Who holds an item, its deadline and what it says, from storage ("mục 5 giao ai", "mục 5 hạn khi nào"): an
    item of the notice, each task under it one line — never the asker's progress note (probe 28, F1). `section`: the
    rows are the items of one section ("mục 5" for II.5.a–d), held by one unit and person: said once, then a short
    line an item (probe 36, F7); `supported`: the items the asker's unit (`asker_unit`) supports — who reports."""
    holders = {(r.unit, r.assignee) for r in rows}
    if section is not None and len(holders) == 1 and len({r.notice for r in rows}) == 1:
        unit, assignee = next(iter(holders))
        who = f" (đ/c {assignee})" if assignee else " (chưa có người nhận)"
        lines = [f"Mục {section} ({rows[0].item_ref}–{rows[-1].item_ref}) do {unit or 'chưa xác định đơn vị'} "
                 f"chủ trì{who}:"]
        for row in rows:
            deadline = f"hạn {date_vn(row.due_on)}" if row.due_on else "không có thời hạn"
            done = f", đã hoàn thành {date_vn(row.done_on)}" if row.done_on else ""
            support = f"; phối hợp: {', '.join(row.support)}" if row.support else ""
            lines.append(f"• {row.item_ref} ({short_title(row.text, 60)}): {deadline}{done}{support}")
    else:
        lines = [_holder_lines(rows)]
    if supported:
        unit = f"{asker_unit} (đơn vị đồng chí)" if asker_unit else "Đơn vị đồng chí"
        lines.append(f"{unit} phối hợp mục {', '.join(supported)}: đơn vị chủ trì báo cáo tiến độ; khi có phần việc "
                     f"cần báo, đồng chí gõ, ví dụ: “phối hợp {supported[0]}: đã gửi ý kiến”.")
    return vn("\n".join(lines))


def _holder_lines(rows: Sequence[HolderRow]) -> str:
    several = len({r.notice for r in rows}) > 1
    groups: dict[tuple[str, str, str], list[HolderRow]] = {}
    for row in rows:
        groups.setdefault((row.notice, row.item_ref, row.text), []).append(row)
    lines: list[str] = []
    for (notice, ref, text), held in groups.items():
        where = f" [{in_sentence(notice)}]" if several and notice else ""
        said = []
        for row in held:
            who = f" (đ/c {row.assignee})" if row.assignee else " (chưa có người nhận)"
            deadline = f"hạn {date_vn(row.due_on)}" if row.due_on else "không có thời hạn"
            done = f"; đã hoàn thành ngày {date_vn(row.done_on)}" if row.done_on else ""
            support = f"; phối hợp: {', '.join(row.support)}" if row.support else ""
            said.append(f"{row.unit or 'chưa xác định đơn vị'} chủ trì{who}, {deadline}{done}{support}")
        head = f"Mục {ref}{where} ({short_title(text, 90)})"
        if len(said) == 1:
            lines.append(f"{head}: {said[0]}.")
        else:
            lines += [f"{head}:"] + [f"• {one}" for one in said]
    return "\n".join(lines)


@dataclass(frozen=True, kw_only=True)
class NoticeHeading:
    """How /viec names a notice over its tasks: its title ("Thông báo số 15/TB-UBND ngày 23/01/2026"), what it is
    about (shortened), and its number to type beside an item ("15/TB-UBND")."""

    title: str
    subject: str | None
    number: str | None


# "Kết luận của đồng chí Nguyễn Hồng Hải - Ủy viên …, Phó Chủ tịch UBND tỉnh tại cuộc họp nghe báo cáo …": who
# concluded is alike in every notice of one office; what the meeting was about tells two notices apart
_CONCLUSION_OF = re.compile(r"^(?P<what>(?:thông báo\s+)?kết luận)\s+của\s+.+?\s(?P<about>(?:tại|về)\s.+)$",
                            re.I | re.S)


def _what_about(subject: str) -> str:
    m = _CONCLUSION_OF.match(" ".join(subject.split()))
    text = f"{m.group('what')} {m.group('about')}" if m else " ".join(subject.split())
    return shorten_at_word(text[:1].upper() + text[1:], 100)


def _notice_heading(heading: NoticeHeading, count: int) -> str:
    about = f" — {_what_about(heading.subject)}" if heading.subject else ""
    return f"{heading.title}{about} ({count}):"


def my_tasks_by_notice(name: str, tasks: Sequence[tuple[int, str, str, dt.date | None, TaskStatus, int | None]],
                       headings: Mapping[int, NoticeHeading], today: dt.date, delegated: Sequence[DelegatedRow] = (),
                       calendar: WorkingCalendar | None = None, unit_held: Sequence[DelegatedRow] = (),
                       round_starts: Sequence[dt.date | None] = (), not_started: Sequence[bool] = ()) -> str:
    """/viec for someone whose tasks come from several notices (each numbers its items I.1, II.3 …): the tasks
    under the notice they belong to, named (kind, number and date, what it is about), so that "II.2" of one is not
    taken for "II.2" of the other (probe 21, F10). `tasks`: (notice id, item, text, deadline, status, percent)."""

    def flag(due: dt.date | None) -> str:
        return _runs_to_flag(due, today, calendar)

    def grouped(rows: Sequence[tuple[int, str]]) -> list[tuple[int, list[str]]]:
        out: dict[int, list[str]] = {}
        for notice_id, line in rows:
            out.setdefault(notice_id, []).append(line)
        return list(out.items())

    def section(rows: Sequence[tuple[int, str]]) -> list[str]:
        lines: list[str] = []
        for notice_id, group in grouped(rows):
            heading = headings.get(notice_id)
            lines += ["", _notice_heading(heading, len(group)) if heading else f"Văn bản khác ({len(group)}):"]
            lines += group
        return lines

    count = len({t[0] for t in tasks} | {r.notice_id for r in (*delegated, *unit_held)})
    lines = [f"Nhiệm vụ đồng chí {name} đang phụ trách ({len(tasks)}), theo {count} văn bản:" if tasks
             else "Đồng chí hiện không trực tiếp phụ trách nhiệm vụ nào."]
    by_ref: dict[str, set[int]] = {}
    for notice_id, ref, *_ in tasks:
        by_ref.setdefault(ref, set()).add(notice_id)
    repeated = [(ref, ids) for ref, ids in by_ref.items() if len(ids) > 1]

    def numbered(notice_id: int, ref: str) -> str:  # an item in both notices: its line says which, too
        heading = headings.get(notice_id)
        return f" ({heading.number})" if len(by_ref.get(ref, ())) > 1 and heading and heading.number else ""

    starts = list(round_starts) if len(round_starts) == len(tasks) else [None] * len(tasks)
    said = list(not_started) if len(not_started) == len(tasks) else [False] * len(tasks)
    lines += section([(notice_id, f"• Mục {ref}{numbered(notice_id, ref)}: {shorten(text, 120)}\n  Thời hạn: "
                                  f"{date_vn(due)}{flag(due)}; tình trạng: "
                                  f"{progress_text(status, percent, round_starts=begins, today=today, not_started=n)}")
                      for (notice_id, ref, text, due, status, percent), begins, n
                      in zip(tasks, starts, said, strict=True)])
    if repeated:
        ref, ids = repeated[0]
        number = next((h.number for i in sorted(ids)[1:] if (h := headings.get(i)) and h.number), None)
        lines += ["", "Số mục trùng nhau giữa các văn bản: khi báo cáo, đồng chí gõ kèm số văn bản"
                  + (f", ví dụ: “{ref} xong {number}”." if number else ".")]
    for rows, title in ((delegated, f"Nhiệm vụ của đơn vị đã giao cán bộ ({len(delegated)}):"),
                        (unit_held, f"Nhiệm vụ của đơn vị do đồng chí khác phụ trách ({len(unit_held)}), đồng chí có "
                                    f"thể báo cáo thay, ví dụ: “{unit_held[0].item_ref if unit_held else ''} xong”:")):
        if rows:
            lines += ["", title]
            lines += section([(row.notice_id, f"• Mục {row.item_ref}: {shorten(row.text, 120)}\n  Đ/c "
                                              f"{row.assignee_name}; thời hạn: {date_vn(row.due_on)}{flag(row.due_on)}"
                                              f"; tình trạng: {progress_text(row.status, row.percent)}")
                              for row in rows])
    return vn("\n".join(lines))


def vague_group(unit: str) -> bool:
    """Whether a lead as written is a vague group ("Các sở, ban, ngành liên quan", "các cơ quan, đơn vị"): no row
    of a directory is that, so sending a directory never assigns it (probe 21, F10)."""
    group = read_group(unit)
    return group is not None and not names_no_unit(unit) and (group.some or not group.kinds)


def vague_group_advice(refs: Sequence[str], known: Iterable[str] = ()) -> str:
    """At confirmation: items given to a vague group are for the office to give to named units (said as runs,
    `items_said`; `known`: the notice's other item numbers)."""
    items = items_said(refs, known)
    return vn(f"{items[:1].upper()}{items[1:]} giao cho nhóm đơn vị chung (không nêu tên đơn vị cụ thể), không "
              f"phải một đơn vị trong danh bạ: đồng chí gõ “chuyển mục {refs[0]} sang <tên đơn vị>” để giao cho "
              "đơn vị cụ thể.")
