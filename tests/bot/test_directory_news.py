"""What a directory import tells people in chat, whichever way it comes: from the command line
(`nhacviec directory import`, which runs no channel) the news is queued with the import and the running bot tells
them on its next tick, once — a successor of the tasks handed over, a former head, a head of the tasks of a cadre who
left —, and the command prints who will be told. Extension requests waiting for a decision follow their task to its
new holder (told it waits) and go to whoever decides now when the one who did left; nothing is sent to anyone who
left. Through the real python-telegram-bot and the Bot API sandbox, on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.audit import audit_entries
from storage.models import StatusReport
from tests.bot.test_cli import nhacviec
from tests.bot.test_directory_succession import held, last_text, texts_to
from tests.conftest import DIRECTORY_CSV, SEED_NOTICE, local

# The example directory and a second cadre of Ban Dân vận, given item 2 with /giao.
CADRE2 = "cadre2_bdv,Võ Thị Hai,Chuyên viên Ban Dân vận,Ban Dân vận Tỉnh ủy,cadre"
DIRECTORY = DIRECTORY_CSV.read_text(encoding="utf-8") + CADRE2 + "\n"
HEAD = "head_bdv,Lê Văn Dân,Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,head"
CADRE = "cadre_bdv,Phạm Thị Vận,Chuyên viên Ban Dân vận,Ban Dân vận Tỉnh ủy,cadre"
CADRE2_LEFT = DIRECTORY.replace(CADRE2, CADRE2.removesuffix("cadre") + "đã nghỉ")


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await h.send_file("admin", SEED_NOTICE)
    await h.say("admin", "mục 2, mục 2.1, mục 3 hạn 15/3/2018")  # items 2 and 3: a deadline to extend
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.say("head_bdv", "/giao 2 @cadre2_bdv")
    assert "Đã giao nhiệm vụ mục 2" in last_text(h, "head_bdv")
    await h.say("cadre2_bdv", "2 60% đang làm việc với các xã")
    yield h
    await h.stop()


async def cli_import(h: Harness, tmp_path: Path, content: str) -> str:
    """`nhacviec directory import` on the harness's database, as the admin runs it on the server."""
    path = tmp_path / "danh-ba.csv"
    path.write_text(content, encoding="utf-8")
    assert h.db is not None
    url = h.db.engine.url.render_as_string(hide_password=False)
    out = await asyncio.to_thread(nhacviec, "directory", "import", str(path), "--db", url)
    assert out.returncode == 0, out.stderr
    return out.stdout


async def test_a_cli_import_tells_the_people_concerned_on_the_bots_next_tick(harness: Harness,
                                                                              tmp_path: Path) -> None:
    """One file from the server: the head becomes a cadre, the cadre Phạm Thị Vận the new head, and Võ Thị Hai
    left. Nobody hears anything from the command itself; on the bot's next tick the new head gets her tasks (and
    item 2, back from the cadre who left), the former head is told which went to whom; once only."""
    h = harness
    new_file = CADRE2_LEFT.replace(HEAD, HEAD.replace("Trưởng Ban", "Chuyên viên").removesuffix("head") + "cadre") \
        .replace(CADRE, CADRE.replace("Chuyên viên", "Trưởng Ban").removesuffix("cadre") + "head")
    mark = len(h.sent)
    out = await cli_import(h, tmp_path, new_file)
    assert "Đ/c Võ Thị Hai đã nghỉ: Nhắc việc không gửi tin cho đồng chí nữa (lịch sử vẫn giữ)." in out, out
    assert "Chuyển 12 nhiệm vụ của Ban Dân vận Tỉnh ủy từ đ/c Lê Văn Dân sang đ/c Phạm Thị Vận (mục 2.1, " in out
    assert "Nhắc việc báo những người liên quan qua tin nhắn: bot đang chạy gửi trong khoảng một phút" in out
    assert "  • đ/c Phạm Thị Vận: được giao 12 nhiệm vụ (mục 2.1, " in out
    assert "nhận lại 1 nhiệm vụ của đ/c Võ Thị Hai (mục 2)" in out
    assert "  • đ/c Lê Văn Dân: 12 nhiệm vụ chuyển cho đ/c Phạm Thị Vận (mục 2.1, " in out
    assert "Võ Thị Hai:" not in out  # who left is told nothing
    assert h.sent[mark:] == []  # the command line runs no channel
    assert "2" in held(h, "cadre_bdv") and held(h, "head_bdv") == []

    await h.tick()
    to_new_head = texts_to(h, "cadre_bdv", mark)
    assert len(to_new_head) == 2, to_new_head
    assert any("Đ/c Võ Thị Hai đã nghỉ theo danh bạ mới; 1 nhiệm vụ do đ/c Võ Thị Hai phụ trách trở về đồng chí" in t
               and "60% — Đang thực hiện" in t for t in to_new_head), to_new_head
    [to_former] = texts_to(h, "head_bdv", mark)
    assert "Theo danh bạ mới, 12 nhiệm vụ của Ban Dân vận Tỉnh ủy đồng chí giữ với tư cách trưởng đơn vị" in to_former
    assert "đã được chuyển cho đ/c Phạm Thị Vận, trưởng đơn vị mới" in to_former
    assert texts_to(h, "cadre2_bdv", mark) == []

    told = len(h.sent)
    await h.tick()
    assert [s for s in h.sent[told:] if s.to in ("cadre_bdv", "head_bdv")] == [], "told once"
    assert h.db is not None
    actions = [e.action for e in h.db.call(audit_entries)]
    assert actions.count("directory.news_queued") == 1 and actions.count("directory.news_sent") == 1


async def test_a_cli_import_that_concerns_nobody_says_so(harness: Harness, tmp_path: Path) -> None:
    out = await cli_import(harness, tmp_path, DIRECTORY)
    assert out.rstrip().endswith("Không có ai cần báo qua tin nhắn."), out
    assert harness.db is not None
    assert "directory.news_queued" not in [e.action for e in harness.db.call(audit_entries)]


async def test_a_pending_request_of_a_cadre_who_left_follows_the_task_and_goes_to_the_deciders(
        harness: Harness) -> None:
    """Võ Thị Hai asked for more time on item 2 (her head decides), then left: the task is back with the head, who
    is told the request waits — it is now his own task's, so a leader or an admin decides: they get it with its
    buttons, the head's old buttons come off. The leader grants it; the head hears the outcome, she nothing."""
    h = harness
    await h.say("cadre2_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu của các xã")
    h.last_with_button("head_bdv", texts.BUTTON_APPROVE)
    mark = len(h.sent)
    await h.send_file("admin", "danh-ba.csv", data=CADRE2_LEFT.encode())
    reply = next(t for t in texts_to(h, "admin", mark) if t.startswith("Đã nhập danh bạ"))
    assert ("Đề nghị gia hạn mục 2 đến 20/04/2018 của đ/c Võ Thị Hai chưa được quyết định: nay chờ lãnh đạo hoặc "
            "quản trị viên quyết định (đã gửi đ/c Nguyễn Thị Quản, đ/c Huỳnh Thanh Cảnh); đ/c Lê Văn Dân, người giữ "
            "nhiệm vụ, được báo.") in reply, reply
    to_head = texts_to(h, "head_bdv", mark)
    assert any("Kính gửi đồng chí Lê Văn Dân, nhiệm vụ mục 2 (" in t and "nay do đồng chí giữ có đề nghị gia hạn "
               "đến 20/04/2018 của đ/c Võ Thị Hai" in t and "đang chờ lãnh đạo hoặc quản trị viên quyết định" in t
               for t in to_head), to_head
    assert [m for m in h.state.bot_messages(h.handles["head_bdv"]) if texts.BUTTON_APPROVE in m.buttons] == []
    request = h.last_with_button("leader", texts.BUTTON_APPROVE)
    assert (request.text or "").startswith("Theo danh bạ mới, đề nghị gia hạn sau đây nay chờ đồng chí quyết định:")
    assert "đồng chí Võ Thị Hai (Ban Dân vận Tỉnh ủy) đề nghị gia hạn nhiệm vụ mục 2" in (request.text or "")
    h.last_with_button("admin", texts.BUTTON_APPROVE)

    decided = len(h.sent)
    await h.tap("leader", texts.BUTTON_APPROVE)
    assert "Đã gia hạn đến 20/04/2018" in last_text(h, "leader"), last_text(h, "leader")
    assert any("đề nghị gia hạn nhiệm vụ mục 2" in t and "đã được đ/c Huỳnh Thanh Cảnh quyết định: Đã gia hạn đến "
               "20/04/2018" in t for t in texts_to(h, "head_bdv", decided)), texts_to(h, "head_bdv", decided)
    assert texts_to(h, "cadre2_bdv", mark) == []
    assert h.db is not None
    assert h.db.call(lambda s: s.scalars(select(StatusReport.decision).where(
        StatusReport.requested_due_on.is_not(None))).one()) == "approved"


async def test_a_request_whose_decider_left_goes_to_the_leaders_from_the_command_line(harness: Harness,
                                                                                      tmp_path: Path) -> None:
    """Võ Thị Hai's request waits on her head, who then leaves with no successor (a file from the server): on the
    next tick the leader and the admin get it to decide; the head who left gets nothing, then or at the decision."""
    h = harness
    await h.say("cadre2_bdv", "2 xin gia hạn đến 20/4")
    h.last_with_button("head_bdv", texts.BUTTON_APPROVE)
    out = await cli_import(h, tmp_path, DIRECTORY.replace(HEAD, HEAD.removesuffix("head") + "đã nghỉ"))
    assert ("Đề nghị gia hạn mục 2 đến 20/04/2018 của đ/c Võ Thị Hai chưa được quyết định: nay chờ lãnh đạo hoặc "
            "quản trị viên quyết định (đã gửi đ/c Nguyễn Thị Quản, đ/c Huỳnh Thanh Cảnh).") in out, out
    assert "  • đ/c Huỳnh Thanh Cảnh: đề nghị gia hạn mục 2 để quyết định" in out
    mark = len(h.sent)
    await h.tick()
    request = h.last_with_button("leader", texts.BUTTON_APPROVE)
    assert "đồng chí Võ Thị Hai (Ban Dân vận Tỉnh ủy) đề nghị gia hạn nhiệm vụ mục 2" in (request.text or "")
    await h.tap("leader", texts.BUTTON_REJECT)
    assert any("Không gia hạn" in t for t in texts_to(h, "cadre2_bdv", mark))
    assert texts_to(h, "head_bdv", mark) == [], "nothing to someone who left"
    assert not any("quyết định" in (m.text or "") and "Không gia hạn" in (m.text or "")
                   for m in h.state.bot_messages(h.handles["head_bdv"])), "not even an edit of the old request"
    assert "2" in held(h, "cadre2_bdv")


async def test_a_heads_pending_request_follows_the_task_to_the_successor(harness: Harness) -> None:
    """The head asked for more time on item 3 (the leaders and the admin decide), then a file makes him a cadre and
    Phạm Thị Vận the head: she takes item 3 over and is told the request waits; the deciders already have it."""
    h = harness
    await h.say("head_bdv", "3 xin gia hạn đến 30/3 vì chờ ý kiến các sở")
    h.last_with_button("leader", texts.BUTTON_APPROVE)
    mark = len(h.sent)
    swapped = DIRECTORY.replace(HEAD, HEAD.replace("Trưởng Ban", "Chuyên viên").removesuffix("head") + "cadre") \
        .replace(CADRE, CADRE.replace("Chuyên viên", "Trưởng Ban").removesuffix("cadre") + "head")
    await h.send_file("admin", "danh-ba.csv", data=swapped.encode())
    reply = next(t for t in texts_to(h, "admin", mark) if t.startswith("Đã nhập danh bạ"))
    assert ("Đề nghị gia hạn mục 3 đến 30/03/2018 của đ/c Lê Văn Dân chưa được quyết định: nay chờ lãnh đạo hoặc "
            "quản trị viên quyết định; đ/c Phạm Thị Vận, người giữ nhiệm vụ, được báo.") in reply, reply
    assert any("nay do đồng chí giữ có đề nghị gia hạn đến 30/03/2018 của đ/c Lê Văn Dân (trước khi nhiệm vụ "
               "chuyển sang đồng chí)" in t for t in texts_to(h, "cadre_bdv", mark))
    assert len([m for m in h.state.bot_messages(h.handles["leader"]) if texts.BUTTON_APPROVE in m.buttons]) == 1
    decided = len(h.sent)
    await h.tap("leader", texts.BUTTON_APPROVE)
    assert any("Đã gia hạn đến 30/03/2018" in t for t in texts_to(h, "cadre_bdv", decided))


async def test_a_request_waiting_on_the_signer_who_left_goes_to_the_other_leaders(db_url: str) -> None:
    """The notice's signer (a leader) decides its extensions with the admin; he leaves: the other leader gets the
    request to decide, the signer nothing."""
    from tests.bot.conversation_setup import SIGNED_NOTICE, WITH_SIGNER, started_with

    h = await started_with(db_url, WITH_SIGNER, SIGNED_NOTICE)
    try:
        await h.say("head_stnmt", "4 xin gia hạn đến 31/3")
        h.last_with_button("pct", texts.BUTTON_APPROVE)
        assert [m for m in h.state.bot_messages(h.handles["leader"]) if texts.BUTTON_APPROVE in m.buttons] == []
        mark = len(h.sent)
        pct = "pct,Nguyễn Văn Hai,Phó Chủ tịch UBND tỉnh,UBND tỉnh Bình Thuận,leader"
        await h.send_file("admin", "danh-ba.csv", data=WITH_SIGNER.replace(pct, pct[:-len("leader")] + "đã nghỉ")
                          .encode())
        reply = next(t for t in texts_to(h, "admin", mark) if t.startswith("Đã nhập danh bạ"))
        assert "Đề nghị gia hạn mục 4 đến 31/03/2018 của đ/c Trần Văn Môi chưa được quyết định: nay chờ lãnh đạo " \
            "hoặc quản trị viên quyết định (đã gửi đ/c Huỳnh Thanh Cảnh)." in reply, reply
        request = h.last_with_button("leader", texts.BUTTON_APPROVE)
        assert "đồng chí Trần Văn Môi (Sở Tài nguyên và Môi trường) đề nghị gia hạn nhiệm vụ mục 4" in \
            (request.text or "")
        await h.tap("leader", texts.BUTTON_APPROVE)
        assert any("Đã gia hạn đến 31/03/2018" in t for t in texts_to(h, "head_stnmt", mark))
        assert texts_to(h, "pct", mark) == []
    finally:
        await h.stop()


async def test_a_pending_request_of_a_cadre_who_moved_follows_the_task_back_to_the_head(harness: Harness) -> None:
    h = harness
    await h.say("cadre2_bdv", "2 xin gia hạn đến 20/4")
    mark = len(h.sent)
    moved = DIRECTORY.replace(CADRE2, "cadre2_bdv,Võ Thị Hai,Chuyên viên,Sở Tài nguyên và Môi trường,cadre")
    await h.send_file("admin", "danh-ba.csv", data=moved.encode())
    assert "2" in held(h, "head_bdv")
    assert any("nay do đồng chí giữ có đề nghị gia hạn đến 20/04/2018 của đ/c Võ Thị Hai" in t
               for t in texts_to(h, "head_bdv", mark))
    h.last_with_button("leader", texts.BUTTON_APPROVE)
    decided = len(h.sent)
    await h.tap("admin", texts.BUTTON_APPROVE)
    assert any("Đã gia hạn đến 20/04/2018" in t for t in texts_to(h, "head_bdv", decided))
    assert any("đã đồng ý đề nghị gia hạn" in t for t in texts_to(h, "cadre2_bdv", decided))  # she asked: told
