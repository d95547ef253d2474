"""A notice with four tasks for the conversation tests (replies, extensions, delegation): tasks 1–3 led by
the Ban Dân vận Tỉnh ủy (head_bdv; task 2 supported by the Sở Tài nguyên và Môi trường, task 3 without a
deadline), task 4 led by the Sở Tài nguyên và Môi trường (head_stnmt). Registered Monday 26/02/2018."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import StatusReport, Task
from tests.conftest import DIRECTORY_CSV, local

NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    "Số: 45/TB-UBND",
    "Bình Thuận, ngày 20 tháng 02 năm 2018",
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Ban Dân vận Tỉnh ủy",
    "1. Giao Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến của Nhân dân về dự án đường ven biển, báo cáo"
    " trước ngày 15/3/2018.",
    "2. Giao Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Sở Tài nguyên và Môi trường rà soát các hộ dân bị"
    " ảnh hưởng, hoàn thành trước ngày 30/3/2018.",
    "3. Ban Dân vận Tỉnh ủy chủ trì xây dựng kế hoạch tuyên truyền năm 2018.",
    "4. Giao Sở Tài nguyên và Môi trường chủ trì kiểm tra hiện trạng sử dụng đất ven biển, báo cáo trước"
    " ngày 20/3/2018.",
    "",
])
START = local(2018, 2, 26, 9, 0)
DUE = {"1": dt.date(2018, 3, 15), "2": dt.date(2018, 3, 30), "3": None, "4": dt.date(2018, 3, 20)}


async def started(db_url: str, channel: str = "telegram") -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(START), channel=channel)
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.say("admin", NOTICE)
    if channel == "telegram":
        await h.tap("admin", texts.BUTTON_CONFIRM)
    else:
        await h.say("admin", "xác nhận")
    assert task_ids(h).keys() == {"1", "2", "3", "4"}
    return h


def task_ids(h: Harness) -> dict[str, int]:
    assert h.db is not None
    return h.db.call(lambda s: {t.item_ref: t.id for t in s.scalars(select(Task))})


def task(h: Harness, ref: str) -> Task:
    assert h.db is not None
    return h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == ref)).one())


def reports(h: Harness) -> list[StatusReport]:
    assert h.db is not None
    return h.db.call(lambda s: list(s.scalars(select(StatusReport).order_by(StatusReport.id))))


def count(h: Harness, model: type, *where) -> int:  # type: ignore[no-untyped-def]
    assert h.db is not None
    return h.db.call(lambda s: s.scalar(select(func.count()).select_from(model).where(*where)))


def last_text(h: Harness, handle: str) -> str:
    return next((s.text or "" for s in reversed(h.sent) if s.to == handle), "")


def texts_to(h: Harness, handle: str, since: int = 0) -> list[str]:
    return [s.text or "" for s in h.sent[since:] if s.to == handle]


async def tap_data(h: Harness, handle: str, data: str) -> None:
    """A tap with `data` on the person's last bot message (a forwarded or stale button: the bot must check)."""
    uid = h.handles[handle]
    if not h.state.bot_messages(uid):
        await h.say(handle, "/viec")  # (a message to carry the tap)
    message = h.state.bot_messages(uid)[-1]
    await h.deliver(h.state.user_tap(uid, message, data))


async def open_card(h: Harness, handle: str, ref: str) -> None:
    """The task card (as the digest's item button shows it), so that a reply is about that task."""
    await tap_data(h, handle, f"d:{task_ids(h)[ref]}")
    assert last_text(h, handle).startswith(f"Mục {ref} —")


# One item given to two units (each its own row, both numbered 1), due 30/03/2018.
GROUP_NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "Số: 46/TB-UBND", "Bình Thuận, ngày 20 tháng 02 năm 2018", "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh về rà soát hộ dân vùng dự án",
    "1. Giao Ban Dân vận Tỉnh ủy, Sở Tài nguyên và Môi trường rà soát các hộ dân bị ảnh hưởng trong phạm vi"
    " phụ trách, hoàn thành trước ngày 30/3/2018.", ""])


async def started_with(db_url: str, directory: str, notice: str) -> Harness:
    """A harness on Monday 26/02/2018 with this directory (CSV text, everyone enrolled) and this notice confirmed."""
    h = Harness(db_url=db_url, clock=FakeClock(START))
    await h.start(directory_csv=directory.encode(), enroll_all=True)
    await h.say("admin", notice)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    return h


async def started_group(db_url: str) -> Harness:
    """The group notice loaded and confirmed on Monday 26/02/2018: task 1 for head_bdv and for head_stnmt."""
    return await started_with(db_url, DIRECTORY_CSV.read_text(encoding="utf-8"), GROUP_NOTICE)


# A Chủ tịch and a Phó Chủ tịch besides the province's Phó Bí thư: who decides and hears of a notice's tasks (the
# signer, the office signed for, the leader in charge of a group of items) is told apart from the other leaders.
WITH_CHAIR_AND_DEPUTY = DIRECTORY_CSV.read_text(encoding="utf-8") + \
    "chu_tich,Võ Văn Chủ,Chủ tịch UBND tỉnh,Thường trực UBND tỉnh,leader\n" \
    "pct,Đặng Văn Phó,Phó Chủ tịch UBND tỉnh,Thường trực UBND tỉnh,leader\n"

# A second leader who signs a notice: extension requests and escalations go to them, not to every leader.
WITH_SIGNER = DIRECTORY_CSV.read_text(encoding="utf-8") + \
    "pct,Nguyễn Văn Hai,Phó Chủ tịch UBND tỉnh,UBND tỉnh Bình Thuận,leader\n"
SIGNED_NOTICE = NOTICE + "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Hai\n"
