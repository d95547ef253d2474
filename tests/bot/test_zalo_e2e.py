"""The same conversation over Zalo through its sandbox: typed replies only, no
buttons, no reply-to, no files; and a person bound on both channels gets each
reminder once, on the channel they chose. SQLite and PostgreSQL."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from bot import texts
from bot.channels.zalo import webhook_app
from bot.channels.zalo_api import SECRET_HEADER
from bot.sandbox.harness import Harness, HarnessError
from scheduler.clock import FakeClock
from storage.models import Person, StatusReport, Task, TaskStatus
from tests.conftest import DIRECTORY_CSV, SEED_NOTICE, local

ONE_TASK_NOTICE = """ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN
Số: 15/TB-UBND
Bình Thuận, ngày 20 tháng 02 năm 2018
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Ban Dân vận Tỉnh ủy
1. Giao Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến của Nhân dân về dự án đường ven biển, báo cáo trước ngày 15/3/2018.
"""


@pytest.fixture
async def zalo(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    yield h
    await h.stop()


def to(h: Harness, handle: str, channel: str | None = None) -> list[str]:
    return [s.text or "" for s in h.sent if s.to == handle and (channel is None or s.channel == channel)]


def count(h: Harness, model: type, *where) -> int:  # type: ignore[no-untyped-def]
    assert h.db is not None
    return h.db.call(lambda s: s.scalar(select(func.count()).select_from(model).where(*where)))


async def test_seed_notice_loop_over_zalo(zalo: Harness) -> None:
    h = zalo
    await h.paste("admin", SEED_NOTICE)
    preview = to(h, "admin")
    assert any("13 nhiệm vụ" in t for t in preview)
    assert all(len(t) <= 2000 for t in preview), "Zalo's 2,000-character limit"
    assert len(preview) > 1 and preview[0].startswith("(1/"), "a long preview is split and numbered"
    assert "“xác nhận” · “hủy”" in preview[-1], "no buttons: the typed forms are shown instead"
    assert all(s.buttons == [] for s in h.sent)

    await h.say("admin", "xác nhận")
    assert "Đã xác nhận" in to(h, "admin")[-1]
    assert count(h, Task) == 13

    assignment = to(h, "head_bdv")[-1]
    assert "Đồng chí được giao chủ trì 13 nhiệm vụ" in assignment and "trả lời tin này" not in assignment
    await h.advance_to(local(2018, 3, 12, 8, 0))  # the first check-in, ten working days on
    digests = [s for s in h.sent if s.to == "head_bdv"][1:]
    assert len(digests) == 1 and digests[0].channel == "zalo", "one digest, on Zalo"
    digest = digests[0].text or ""
    assert "CẬP NHẬT ĐỊNH KỲ (13)" in digest and "Đồng chí cập nhật bằng cách gõ số mục và tình trạng" in digest
    assert "bấm" not in digest.lower()

    await h.say("head_bdv", "2.1 xong")
    assert "mục 2.1 — Hoàn thành" in to(h, "head_bdv")[-1]
    await h.say("head_bdv", "2.2.b vướng")
    assert "gõ “2.2.b vướng <nội dung>” để nêu cụ thể vướng mắc" in to(h, "head_bdv")[-1], "no replies on Zalo"
    await h.say("head_bdv", "2.2.a 60% vướng kinh phí khảo sát")
    assert "60% — Vướng mắc" in to(h, "head_bdv")[-1] and "nêu cụ thể" not in to(h, "head_bdv")[-1]
    # no item number and thirteen open tasks: the bot asks which, listing them to type back
    await h.say("head_bdv", "xong")
    question = to(h, "head_bdv")[-1]
    assert "là của nhiệm vụ nào" in question and "• Mục 4:" in question
    assert count(h, StatusReport) == 3

    await h.say("admin", "/tonghop")
    summary = to(h, "admin")[-1]
    assert "Ban Dân vận Tỉnh ủy: 13 nhiệm vụ" in summary
    # Zalo cannot send the Excel file without a public address: said to the admin in the same message, with what is
    # needed (probe 37, #7: not "gõ trên Telegram", which a Zalo user may not have; probe 39, #6: one message)
    assert summary.endswith(texts.NO_FILES_HERE) and "NHACVIEC_WEBHOOK_URL" in summary, summary


async def test_zalo_taps_and_replies_are_script_errors_and_files_are_refused_politely(zalo: Harness) -> None:
    h = zalo
    with pytest.raises(HarnessError, match="gõ"):
        await h.tap("admin", "Xác nhận")
    with pytest.raises(HarnessError, match="gõ kèm số mục"):
        await h.reply("admin", "xong")
    await h.send_file("admin", SEED_NOTICE)  # Zalo delivers documents as "unsupported"
    assert "dán nội dung văn bản" in to(h, "admin")[-1]
    assert count(h, Task) == 0


async def test_one_open_task_takes_a_typed_status_without_item_number(zalo: Harness) -> None:
    h = zalo
    await h.say("admin", ONE_TASK_NOTICE)
    await h.say("admin", "xác nhận")
    await h.say("head_bdv", "xin gia hạn đến 31/3/2018 vì chờ ý kiến Sở Tài chính")
    assert "Đề nghị gia hạn đến 31/03/2018" in to(h, "head_bdv")[-1]
    approvers = to(h, "leader") + to(h, "admin")
    assert any("“đồng ý gia hạn 1” · “không đồng ý gia hạn 1”" in t for t in approvers)
    await h.say("leader", "đồng ý gia hạn 1")
    assert "Đã gia hạn đến 31/03/2018" in to(h, "leader")[-1]
    assert "Kính gửi đồng chí Lê Văn Dân" in to(h, "head_bdv")[-1]
    await h.say("head_bdv", "xong")
    assert "mục 1 — Hoàn thành" in to(h, "head_bdv")[-1]


async def test_corrections_are_typed_without_a_reply_on_zalo(zalo: Harness) -> None:
    h = zalo
    await h.say("admin", ONE_TASK_NOTICE)
    await h.say("admin", "1 hạn 20/3/2018")
    assert "Đã sửa 1 nội dung" in "\n".join(to(h, "admin"))
    assert "20/03/2018" in to(h, "admin")[-1]
    await h.say("admin", "hủy")
    assert "Đã hủy" in to(h, "admin")[-1]
    await h.say("admin", "xác nhận")
    assert "Không có văn bản nào đang chờ xác nhận" in to(h, "admin")[-1]


async def test_enrollment_by_invite_code_typed_in_zalo(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes())
    try:
        await h.say("head_bdv", "xin chào")
        assert "/start kèm mã mời" in to(h, "head_bdv")[-1], "an unbound Zalo user is told what to type"
        settings = h.settings.model_copy(update={"zalo_admin_ids": frozenset({h.chat_of("admin", "zalo")})})
        assert h.conversation is not None
        object.__setattr__(h.conversation.ctx, "settings", settings)
        await h.say("admin", "/moi head_bdv")
        invite = to(h, "admin")[-1]
        assert "Zalo: mở Zalo, nhắn cho tài khoản Nhắc việc: /start " in invite and "t.me/" in invite
        await h.open_invite("head_bdv")
        assert "Kính chào đồng chí Lê Văn Dân" in to(h, "head_bdv")[-1]
        assert h.db is not None
        bound = h.db.call(lambda s: s.scalar(select(Person.zalo_user_id).where(Person.handle == "head_bdv")))
        assert bound == h.chat_of("head_bdv", "zalo")
    finally:
        await h.stop()


async def test_a_person_on_both_channels_gets_each_reminder_once_where_they_chose(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))  # people write on Telegram
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("head_bdv", "/kenh zalo")
        assert "chưa được liên kết trên Zalo" in to(h, "head_bdv")[-1], "cannot choose a channel not bound"
        await h.say("admin", "/moi head_bdv")
        await h.open_invite("head_bdv", channel="zalo")
        assert "cả Telegram và Zalo" in to(h, "head_bdv", "zalo")[-1]
        await h.say("head_bdv", "/kenh zalo", channel="zalo")
        assert "qua Zalo" in to(h, "head_bdv", "zalo")[-1]

        await h.send_file("admin", SEED_NOTICE)
        await h.tap("admin", "Xác nhận")
        sent_before = len(h.sent)
        await h.advance_to(local(2018, 3, 12, 8, 0))
        reminders = [s for s in h.sent[sent_before:] if s.to == "head_bdv"]
        assert len(reminders) == 1 and {s.channel for s in reminders} == {"zalo"}, "the digest, once, on Zalo"
        assignment = [s for s in h.sent[:sent_before]
                      if s.to == "head_bdv" and "Đồng chí được giao chủ trì" in (s.text or "")]
        assert [s.channel for s in assignment] == ["zalo"]

        await h.say("head_bdv", "/kenh telegram")
        await h.advance_to(local(2018, 3, 26, 8, 0))
        week2 = [s for s in h.sent if s.to == "head_bdv" and s.at >= local(2018, 3, 26, 0, 0)]
        assert len(week2) == 1 and {s.channel for s in week2} == {"telegram"}
        # a typed status on either channel reaches the same task
        await h.say("head_bdv", "2.1 xong", channel="zalo")
        assert h.db is not None
        status = h.db.call(lambda s: s.scalar(select(Task.status).where(Task.item_ref == "2.1")))
        assert status == TaskStatus.DONE
    finally:
        await h.stop()


async def test_zalo_webhook_checks_the_secret(zalo: Harness) -> None:
    h = zalo
    assert h.conversation is not None
    app = webhook_app(h.conversation, secret="s3cret-s3cret")
    update = h.zalo.user_text(h.chat_of("head_bdv", "zalo"), "/viec")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bot") as client:
        refused = await client.post("/zalo", json=update, headers={SECRET_HEADER: "wrong-secret"})
        assert refused.status_code == 403 and to(h, "head_bdv") == []
        missing = await client.post("/zalo", json=update)
        assert missing.status_code == 403
        accepted = await client.post("/zalo", json=update, headers={SECRET_HEADER: "s3cret-s3cret"})
        assert accepted.status_code == 200
    assert "không có nhiệm vụ nào" in to(h, "head_bdv")[-1]


async def test_a_decision_typed_in_the_evening_reaches_the_other_approvers_next_morning(zalo: Harness) -> None:
    """Probe 39: on Zalo a request message cannot be edited, so the other approvers (the admin) are told of the
    decision by a new message — typed by the leader at 17:45, it went out at once. Like every message to someone else
    outside working hours it waits for the next working morning; the leader's own answer goes at once."""
    h = zalo
    await h.say("admin", ONE_TASK_NOTICE)
    await h.say("admin", "xác nhận")
    await h.say("head_bdv", "xin gia hạn đến 31/3/2018 vì chờ ý kiến Sở Tài chính")
    assert any("“đồng ý gia hạn 1”" in t for t in to(h, "admin"))
    before = len(to(h, "admin"))
    h.clock.set(local(2018, 2, 26, 17, 45))
    await h.say("leader", "đồng ý gia hạn 1")
    assert "Đã gia hạn đến 31/03/2018" in to(h, "leader")[-1]
    assert len(to(h, "admin")) == before  # not at 17:45
    await h.advance_to(local(2018, 2, 27, 9, 0))
    told = to(h, "admin")[before:]
    assert any("đã được đ/c" in t and "Đã gia hạn đến 31/03/2018" in t for t in told), told
