"""The domain error tree. Each error carries a Vietnamese message for the user;
the bot's error handler turns it into a reply and a log line."""

from __future__ import annotations

import datetime as dt


class NhacViecError(Exception):
    """Base of every error the user should hear about in plain Vietnamese."""

    user_message: str = "Đã có lỗi xảy ra. Đồng chí vui lòng thử lại sau."

    def __init__(self, reason: str, user_message: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        if user_message is not None:
            self.user_message = user_message


class NoticeUnreadable(NhacViecError):
    """The file or text could not be read as a notice (format, size, encoding)."""


class NoTasksFound(NhacViecError):
    """The text was read but holds no task."""

    def __init__(self, reason: str = "no task found") -> None:
        super().__init__(
            reason,
            "Không tìm thấy nhiệm vụ nào trong văn bản này. Đồng chí vui lòng gửi văn bản "
            "thông báo/kết luận có các mục nhiệm vụ (1., 2.1., gạch đầu dòng …).",
        )


class TaskNotFound(NhacViecError):
    def __init__(self, task_id: int) -> None:
        super().__init__(f"task {task_id} not found", "Không tìm thấy nhiệm vụ này.")
        self.task_id = task_id


class NoticeNotFound(NhacViecError):
    def __init__(self, notice_id: int) -> None:
        super().__init__(f"notice {notice_id} not found", "Không tìm thấy thông báo này.")
        self.notice_id = notice_id


class NoticeClosed(NhacViecError):
    """A button was tapped on a notice that was already confirmed or cancelled."""

    def __init__(self, notice_id: int, status: str) -> None:
        message = {
            "cancelled": "Thông báo này đã được hủy, thao tác không còn hiệu lực.",
            "confirmed": "Thông báo này đã được xác nhận trước đó, các nhiệm vụ đã được giao.",
        }.get(status, "Thông báo này không còn chờ xác nhận.")
        super().__init__(f"notice {notice_id} is {status}", message)
        self.notice_id = notice_id
        self.status = status


# What a refused person is told, by the action the code names: the real reason and what to do instead.
REFUSALS = {
    "see the summary": "Lệnh /tonghop dành cho lãnh đạo và quản trị viên. Đồng chí gõ /viec để xem các nhiệm vụ "
                       "đồng chí đang phụ trách; trưởng đơn vị gõ /donvi để xem tình hình của đơn vị mình.",
    "load a notice": "Chỉ quản trị viên (Văn phòng) mới đưa văn bản thông báo vào Nhắc việc để giao việc. Nếu văn bản "
                     "này cần theo dõi, đồng chí vui lòng chuyển cho quản trị viên; gõ /viec để xem nhiệm vụ của "
                     "đồng chí.",
    "create invites": "Chỉ quản trị viên mới tạo mã mời. Đồng chí đề nghị quản trị viên gửi mã mời cho cán bộ "
                      "cần kết nối.",
    "withdraw a notice": "Chỉ quản trị viên mới hủy văn bản hoặc nhiệm vụ đã giao. Nếu nhiệm vụ không còn cần "
                         "thực hiện, đồng chí vui lòng báo quản trị viên.",
    "confirm a notice": "Chỉ quản trị viên mới xác nhận, sửa hoặc hủy danh sách nhiệm vụ của văn bản.",
    "cancel a notice": "Chỉ quản trị viên mới xác nhận, sửa hoặc hủy danh sách nhiệm vụ của văn bản.",
    "correct a notice": "Chỉ quản trị viên mới xác nhận, sửa hoặc hủy danh sách nhiệm vụ của văn bản.",
    "decide an extension": "Đề nghị gia hạn do lãnh đạo, quản trị viên hoặc trưởng đơn vị chủ trì (với nhiệm vụ "
                           "giao cho cán bộ của đơn vị) quyết định; đồng chí không có thẩm quyền với đề nghị này.",
    "delegate a task": "Chỉ trưởng đơn vị chủ trì mới giao nhiệm vụ cho cán bộ của đơn vị (/giao). Nếu nhiệm vụ cần "
                       "giao cho người khác, đồng chí báo trưởng đơn vị hoặc quản trị viên.",
}
DEFAULT_REFUSAL = ("Đồng chí không có quyền thực hiện thao tác này. Gõ /huongdan để xem các việc đồng chí làm được, "
                   "/viec để xem nhiệm vụ đồng chí đang phụ trách.")


class NotAllowed(NhacViecError):
    """Refused for who the person is; the message names the reason and what the person can do instead
    (by `action`, or `user_message` when the caller knows more)."""

    def __init__(self, person: str, action: str, user_message: str | None = None) -> None:
        super().__init__(f"{person} may not {action}", user_message or REFUSALS.get(action, DEFAULT_REFUSAL))
        self.person = person
        self.action = action


class NotResponsible(NotAllowed):
    """A change to a task by someone who is neither its assignee, the head of its lead unit, nor an admin."""

    def __init__(self, person: str, item_ref: str, task_id: int, *, assignee: str | None, supporting: bool) -> None:
        who = f" (người phụ trách: đ/c {assignee})" if assignee else ""
        instead = (f" Đơn vị đồng chí phối hợp thực hiện nhiệm vụ này: để báo cáo phần việc của đơn vị, đồng chí gõ "
                   f"“phối hợp {item_ref}: <nội dung>”." if supporting
                   else " Gõ /viec để xem các nhiệm vụ đồng chí đang phụ trách.")
        super().__init__(person, f"change task {task_id}",
                         f"Đồng chí không phụ trách nhiệm vụ mục {item_ref}{who}. Chỉ người được giao, trưởng đơn vị "
                         f"chủ trì hoặc quản trị viên mới cập nhật được tình trạng nhiệm vụ.{instead}")


class NotApprover(NotAllowed):
    """An extension decision by someone who may not grant it; names who may."""

    def __init__(self, person: str, item_ref: str, deciders: str) -> None:
        super().__init__(person, "decide an extension",
                         f"Đề nghị gia hạn nhiệm vụ mục {item_ref} do {deciders} quyết định; đồng chí không có "
                         "thẩm quyền với đề nghị này.")


class DelegationInvalid(NhacViecError):
    """/giao names no task of the head's unit, several, or a person who cannot take it."""


class ExtensionPending(NhacViecError):
    """"gia hạn mục 2.c đến …" from the office where the holder asked for an extension: the decision on the request,
    not a correction of the deadline (the caller reads it as such)."""


class ExtensionInvalid(NhacViecError):
    """An extension request without a usable date (none, already past, not later than the deadline)."""


class QuestionInvalid(NhacViecError):
    """An answer to a question that does not exist, or with nothing in it."""


class NotEnrolled(NhacViecError):
    def __init__(self, chat_id: int | str) -> None:
        super().__init__(
            f"chat {chat_id} is not bound to a person",
            "Tài khoản của đồng chí chưa được liên kết với Nhắc việc. Đồng chí vui lòng mở "
            "đường liên kết mời do quản trị viên gửi.",
        )


class InviteInvalid(NhacViecError):
    def __init__(self, code: str) -> None:
        super().__init__(
            f"invite {code!r} unknown, used or expired",
            "Mã mời không hợp lệ, đã được dùng hoặc đã hết hạn. Đồng chí vui lòng đề nghị "
            "quản trị viên cấp mã mới.",
        )


class PersonNotFound(NhacViecError):
    def __init__(self, handle: str) -> None:
        super().__init__(f"person {handle!r} not found", f"Không tìm thấy cán bộ có mã “{handle}” trong danh bạ.")


class DirectoryInvalid(NhacViecError):
    """The directory CSV has a bad row; nothing of it is stored."""


class DraftCorrectionInvalid(NhacViecError):
    """An admin's correction to a draft names no task, or would leave it empty."""


class ExtensionDecided(NhacViecError):
    def __init__(self, report_id: int, decision: str, by: str | None = None) -> None:
        if decision == "replaced":
            message = "Đề nghị gia hạn này đã được thay bằng một đề nghị mới của cùng người đề nghị."
        elif decision == "recalled":
            message = "Người đề nghị đã rút lại đề nghị gia hạn này; không cần quyết định nữa."
        elif decision == "cancelled":
            message = "Nhiệm vụ đã được hủy nên đề nghị gia hạn này không còn cần xem xét."
        elif decision == "withdrawn":
            message = "Nhiệm vụ đã hoàn thành nên đề nghị gia hạn này không còn cần xem xét."
        else:
            word = "đồng ý" if decision == "approved" else "không đồng ý"
            message = f"Đề nghị gia hạn này đã được xử lý ({word})" + (f" bởi đ/c {by}." if by else ".")
        super().__init__(f"extension {report_id} already {decision}", message)


CHANNEL_NAMES = {"telegram": "Telegram", "zalo": "Zalo"}


class ChannelNotBound(NhacViecError):
    def __init__(self, handle: str, channel: str) -> None:
        name = CHANNEL_NAMES.get(channel, channel)
        super().__init__(
            f"{handle} is not bound on {channel}",
            f"Tài khoản của đồng chí chưa được liên kết trên {name}. Đồng chí vui lòng mở {name}, "
            f"gõ /start kèm mã mời do quản trị viên cấp, rồi chọn lại.",
        )


class UnsupportedDatabase(NhacViecError):
    """DATABASE_URL names a database other than SQLite or PostgreSQL, or is not a URL at all."""

    def __init__(self, reason: str, scheme: str | None = None) -> None:
        what = f"ghi loại cơ sở dữ liệu “{scheme}”" if scheme else "không phải một địa chỉ đúng dạng"
        super().__init__(
            reason,
            f"Không mở được cơ sở dữ liệu: DATABASE_URL (hoặc --db) {what}; Nhắc việc chỉ dùng SQLite hoặc "
            "PostgreSQL. Đồng chí sửa lại, "
            "ví dụ sqlite:///./nhacviec.db hoặc postgresql://người_dùng:mật_khẩu@máy_chủ/tên_csdl.",
        )
        self.scheme = scheme


class ConfigInvalid(NhacViecError):
    """A setting (environment variable or .env) has a value that cannot be used."""


class ValueTooLong(NhacViecError):
    """A value does not fit its column; refused before anything is written, on every database."""

    def __init__(self, table: str, column: str, label: str, length: int, limit: int) -> None:
        super().__init__(
            f"{table}.{column}: {length} characters, the column holds {limit}",
            f"{label[:1].upper()}{label[1:]} dài {length} ký tự, vượt quá giới hạn {limit} ký tự nên chưa được "
            "lưu. Đồng chí vui lòng rút gọn rồi gửi lại.",
        )
        self.table, self.column, self.length, self.limit = table, column, length, limit


class AuditAppendOnly(NhacViecError):
    """Something tried to change or delete a row of the audit log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, "Nhật ký thao tác chỉ được ghi thêm, không được sửa hoặc xóa.")


class BackupFailed(NhacViecError):
    """A backup or restore could not be done; the database is left as it was."""


class DatabaseNotEmpty(NhacViecError):
    def __init__(self, where: str) -> None:
        super().__init__(
            f"refusing to restore over the non-empty database {where}",
            "Cơ sở dữ liệu đích đang có dữ liệu; Nhắc việc không ghi đè. Nếu đồng chí chắc chắn muốn thay toàn bộ "
            "dữ liệu hiện có bằng bản sao lưu, hãy chạy lại lệnh với --force.",
        )


class TaskClosed(NhacViecError):
    """A change to a finished or cancelled task that was not an explicit reopen (an old button, a typo),
    or a reopen of a task that is not finished."""

    def __init__(self, item_ref: str, status: str, done_on: dt.date | None, *, reopening: bool = False) -> None:
        if reopening:
            super().__init__(f"task {item_ref} is not closed ({status})",
                             f"Nhiệm vụ mục {item_ref} chưa hoàn thành nên không cần mở lại.")
        else:
            when = f" ngày {done_on:%d/%m/%Y}" if done_on else ""
            if status == "done":
                message = (f"Nhiệm vụ mục {item_ref} đã hoàn thành{when}; tình trạng được giữ nguyên. Nếu cần làm "
                           f"tiếp, đồng chí gõ “mở lại {item_ref}”.")
            else:
                message = (f"Nhiệm vụ mục {item_ref} đã được hủy (văn bản hoặc nhiệm vụ đã thu hồi), không cần báo "
                           "cáo thêm. Nếu vẫn cần thực hiện, đồng chí vui lòng liên hệ quản trị viên.")
            super().__init__(f"task {item_ref} is {status}; not changed without an explicit reopen", message)
        self.item_ref = item_ref


class NoticeDuplicate(NhacViecError):
    def __init__(self, notice_id: int, title: str) -> None:
        super().__init__(f"notice {notice_id} is already registered",
                         f"Văn bản này đã được xác nhận trước đây ({title}); Nhắc việc không giao việc lần thứ hai. "
                         "Nếu văn bản cũ bị hủy hoặc thay thế, đồng chí hủy văn bản cũ trước (/huy <số văn bản>).")
        self.notice_id = notice_id


class LeaveInvalid(NhacViecError):
    """A leave that cannot be recorded (dates in the past, reversed, too long; covering for oneself)."""


class WithdrawalInvalid(NhacViecError):
    """A withdrawal (/huy) that names nothing to withdraw, or something already withdrawn."""
