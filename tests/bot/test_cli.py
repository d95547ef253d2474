"""The `nhacviec` command line, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DIRECTORY_CSV, EXAMPLES, SEED_NOTICE


def nhacviec(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
             stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **(env or {})}, input=stdin, timeout=120)


def test_parse_json_follows_the_corpus_contract() -> None:
    out = nhacviec("parse", "--format", "json", str(SEED_NOTICE))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"notice", "tasks"}
    assert {"number", "date", "signer", "kind", "addressees", "references"} <= set(data["notice"])
    task = data["tasks"][1]
    assert {"ref", "text", "lead", "support", "due", "due_text", "recurrence"} <= set(task)
    assert task["ref"] == "2.1" and task["lead"] == ["Ban Dân vận Tỉnh ủy"]


def test_parse_table_and_unreadable_file(tmp_path: Path) -> None:
    out = nhacviec("parse", str(SEED_NOTICE))
    assert out.returncode == 0 and "2.1" in out.stdout and "13 nhiệm vụ." in out.stdout
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"not a zip")
    out = nhacviec("parse", str(bad))
    assert out.returncode == 1 and "Tệp .docx bị hỏng" in out.stderr
    out = nhacviec("parse", str(tmp_path / "missing.txt"))
    assert out.returncode == 1 and "Không tìm thấy tệp" in out.stderr


def test_run_without_a_token_points_to_chat(tmp_path: Path) -> None:
    out = nhacviec("run", cwd=tmp_path, env={"TELEGRAM_BOT_TOKEN": ""})
    assert out.returncode == 2
    assert out.stdout.strip().count("\n") == 0 and "nhacviec chat" in out.stdout


def test_db_upgrade_and_directory_import(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/x.db"
    out = nhacviec("db", "upgrade", "--db", url)
    assert out.returncode == 0, out.stderr
    out = nhacviec("directory", "import", str(DIRECTORY_CSV), "--db", url)
    assert out.returncode == 0 and "5 cán bộ mới" in out.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("handle,full_name,title,unit,role\nx y,Tên,,Đơn vị,cadre\n", encoding="utf-8")
    out = nhacviec("directory", "import", str(bad), "--db", url)
    assert out.returncode == 1 and "dòng 2" in out.stderr


def test_chat_script_from_the_readme_runs_the_whole_loop() -> None:
    out = nhacviec("chat", "--directory", str(DIRECTORY_CSV), "--enroll-all", "--jsonl",
                   str(EXAMPLES / "seed.chat"))
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert all(set(line) == {"at", "to", "channel", "text", "buttons", "document"} for line in lines)
    preview = next(line for line in lines if line["buttons"] == ["Xác nhận", "Hủy"])
    assert preview["to"] == "admin" and preview["at"] == "2018-02-26T09:00:00+07:00"
    digests = [line for line in lines if line["to"] == "head_bdv" and "CẬP NHẬT ĐỊNH KỲ" in (line["text"] or "")]
    assert len(digests) == 1 and digests[0]["at"].startswith("2018-03-12T08:00")
    card = next(line for line in lines if (line["text"] or "").startswith("Mục 2.1 —"))
    assert card["buttons"][:3] == ["Hoàn thành", "Đang thực hiện", "Vướng mắc"]
    assert any(line["text"] == "Đã cập nhật: mục 2.1 — Hoàn thành." for line in lines)
    assert any("mục 2.2.a — 60% — Vướng mắc" in (line["text"] or "") for line in lines)
    summary, chart, report_file = lines[-3:]
    assert summary["to"] == "admin" and "Ban Dân vận Tỉnh ủy: 13 nhiệm vụ" in summary["text"]
    # the seed's tasks have no deadline: done, they stay under "không có thời hạn" (QĐ 42/2014)
    # ("2.3.a xong": "Tập trung tham mưu, đề xuất, đôn đốc thực hiện tốt công tác dân vận …" goes on: a first "xong"
    # on it is a report and asks whether all of it is finished, probe 24 #12)
    assert "Không có thời hạn: 13 (đã hoàn thành 1, chưa cập nhật 10, đang thực hiện 2)" in summary["text"]
    assert any("gõ “2.3.a xong” một lần nữa" in (line["text"] or "") for line in lines)
    assert chart["document"] == "tong-hop-nhiem-vu-2018-03-12.png"
    assert report_file["document"] == "tong-hop-nhiem-vu-2018-03-12.xlsx"


def test_chat_reads_stdin_and_reports_script_errors() -> None:
    """A bad line stops the script and shows the forms a line takes (s19 newuser P13: only "không đúng cú pháp")."""
    script = "@clock: 2018-02-26 09:00\nhello\n@head_bdv: /viec\n"
    out = nhacviec("chat", "--directory", str(DIRECTORY_CSV), "--enroll-all", stdin=script)
    assert out.returncode == 1 and "⚠ hello: dòng không đúng cú pháp: 'hello' — dạng đúng: “@mã_cán_bộ: nội dung”" \
        in out.stderr and "“@clock: 2018-03-05 08:00”" in out.stderr, out.stderr
    assert "@head_bdv" not in out.stdout


def test_a_chat_script_file_that_is_not_there_is_said_in_vietnamese(tmp_path: Path) -> None:
    """probe 20 P8: "[Errno 2] No such file or directory: …" in English."""
    script = "@clock: 2018-02-26 09:00\n@admin: <file khongco.docx>\n"
    out = nhacviec("chat", "--directory", str(DIRECTORY_CSV), "--enroll-all", stdin=script)
    assert out.returncode == 1 and "không tìm thấy tệp" in out.stderr and "khongco.docx" in out.stderr, out.stderr
    assert "Errno" not in out.stderr and "No such file" not in out.stderr, out.stderr


def test_a_chat_script_line_from_someone_in_no_directory_is_a_strangers() -> None:
    """s19 newuser P13: "/start" from someone the office never invited could not be tried (the script stopped:
    "không có cán bộ @stranger trong danh bạ"). Now they are a stranger: told to open an invite, and given their
    chat id; a handle close to one of the directory's is pointed at it."""
    script = "@clock: 2018-02-26 09:00\n@nguoila: /start\n@head_bvd: 2.1 xong\n@head_bdv: /viec\n"
    out = nhacviec("chat", "--directory", str(DIRECTORY_CSV), "--enroll-all", "--jsonl", stdin=script)
    assert out.returncode == 0, out.stderr
    said = [json.loads(line) for line in out.stdout.splitlines()]
    assert [m["to"] for m in said] == ["nguoila", "head_bvd", "head_bdv"]
    assert said[0]["text"].startswith("Tài khoản của đồng chí chưa được liên kết với Nhắc việc.")
    assert "Mã Telegram của đồng chí: " in said[0]["text"] and "NHACVIEC_ADMIN_IDS" in said[0]["text"]
    assert "ℹ @nguoila không có trong danh bạ: nhắn như một người lạ" in out.stderr
    assert "ℹ @head_bvd (có phải @head_bdv?) không có trong danh bạ" in out.stderr, out.stderr


def test_chat_is_interactive_in_a_terminal() -> None:
    import pty
    import select
    import time

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "chat", "--directory", str(DIRECTORY_CSV),
                             "--enroll-all"], stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    output = b""

    def read_until(marker: bytes, seconds: float = 60) -> None:
        nonlocal output
        deadline = time.monotonic() + seconds
        while marker not in output and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], deadline - time.monotonic())
            if ready:
                try:
                    output += os.read(master, 65536)
                except OSError:
                    return

    try:
        read_until("Cán bộ:".encode())
        assert b"@head_bdv" in output
        os.write(master, b"@head_bdv: /huongdan\n")
        read_until("Các lệnh:".encode())
        assert "Nhắc việc → @head_bdv".encode() in output
        os.write(master, b"\x04")  # Ctrl-D ends the session
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)


def test_a_bad_database_url_is_explained_in_one_line(tmp_path: Path) -> None:
    for url in ("not-a-url", "postgresql://nobody@127.0.0.1:9/none"):
        out = nhacviec("db", "upgrade", "--db", url, cwd=tmp_path)
        assert out.returncode == 1 and "Traceback" not in out.stderr
        assert "Không mở được cơ sở dữ liệu" in out.stderr


def test_chat_script_over_zalo_from_the_readme() -> None:
    out = nhacviec("chat", "--channel", "zalo", "--directory", str(DIRECTORY_CSV), "--enroll-all", "--jsonl",
                   str(EXAMPLES / "seed-zalo.chat"))
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert {line["channel"] for line in lines} == {"zalo"} and all(line["buttons"] == [] for line in lines)
    assert all(len(line["text"]) <= 2000 for line in lines)
    assert any("Đã gia hạn đến 31/07/2018" in line["text"] for line in lines if line["to"] == "head_bdv")


def test_a_tap_in_a_zalo_script_says_to_type_instead() -> None:
    script = "@clock: 2018-02-26 09:00\n@admin: <paste seed-notice.txt>\n@admin: [Xác nhận]\n"
    out = nhacviec("chat", "--channel", "zalo", "--directory", str(DIRECTORY_CSV), "--enroll-all", stdin=script,
                   cwd=EXAMPLES)
    assert out.returncode == 1
    assert "Zalo không có nút bấm" in out.stderr


def test_a_chat_script_can_leave_someone_unconnected_and_have_someone_block_the_bot() -> None:
    """Probe 19: a script could not say that a head has not opened their invite, or blocks the bot."""
    script = (f"@clock: 2018-02-26 09:00\n@admin: <file {SEED_NOTICE}>\n@admin: [Xác nhận]\n"
              "@cadre_bdv: <block>\n@head_bdv: /viec\n")
    out = nhacviec("chat", "--directory", str(DIRECTORY_CSV), "--enroll-all", "--not-enrolled", "head_bdv",
                   "--jsonl", stdin=script)
    assert out.returncode == 0, out.stderr
    sent = [json.loads(line) for line in out.stdout.splitlines()]
    confirmed = next(m["text"] for m in sent if m["to"] == "admin" and "Đã xác nhận" in (m["text"] or ""))
    assert "Người nhận chưa kết nối Nhắc việc" in confirmed and "(@head_bdv)" in confirmed
    assert not [m for m in sent if m["to"] == "head_bdv" and "Đồng chí được giao" in (m["text"] or "")]
    blocked = (f"@clock: 2018-02-26 09:00\n@head_bdv: <block>\n@admin: <file {SEED_NOTICE}>\n@admin: [Xác nhận]\n")
    out = nhacviec("chat", "--directory", str(DIRECTORY_CSV), "--enroll-all", "--jsonl", stdin=blocked)
    assert out.returncode == 0, out.stderr
    sent = [json.loads(line) for line in out.stdout.splitlines()]
    assert [m for m in sent if m["to"] == "admin" and "Đã xác nhận" in (m["text"] or "")]
    assert not [m for m in sent if m["to"] == "head_bdv"], "blocked: nothing reaches him"


def test_the_parse_table_gives_each_leads_source_in_a_column_and_says_when_the_text_came_through_ocr(
        tmp_path: Path) -> None:
    """s19 newuser P10: the source was a second table under the first (with 70 tasks, matched by item), and a scan
    read by OCR was not said to be one."""
    from bot.ingest import parse_notice
    from bot.textbase import OCR_TABLE_NOTE, notice_table

    out = nhacviec("parse", str(SEED_NOTICE))
    lines = out.stdout.splitlines()
    header = next(line for line in lines if line.startswith("Mục "))
    assert header.split("  ")[0] == "Mục" and "Chủ trì lấy từ  Thời hạn" in header, header  # (probe 20 P9: a space)
    # (item 4 names nobody: its lead is the addressee's, as the closing "Căn cứ Thông báo này, Ban Dân vận Tỉnh ủy
    # triển khai thực hiện./." says — a line that is no part of item 4, s48)
    row = next(line for line in lines if line.startswith("4 "))
    assert row.split()[:5] == ["4", "Ban", "Dân", "vận", "Tỉnh"] and " Kính gửi " in row, row
    assert any(line.startswith("2.1 ") and " Kính gửi " in line for line in lines)
    own = tmp_path / "own.txt"
    own.write_text(SEED_NOTICE.read_text(encoding="utf-8").replace(
        "4. Chủ động triển khai", "4. Văn phòng Tỉnh ủy chủ trì, chủ động triển khai"), encoding="utf-8")
    row = next(line for line in nhacviec("parse", str(own)).stdout.splitlines() if line.startswith("4 "))
    assert row.split()[:4] == ["4", "Văn", "phòng", "Tỉnh"] and " nội dung " in row, row
    assert "Nguồn xác định đơn vị chủ trì" not in out.stdout and OCR_TABLE_NOTE not in out.stdout
    assert lines[-1].startswith("Cột “Chủ trì lấy từ”: nội dung — lời của chính nhiệm vụ; đề mục trên")
    notice = parse_notice(SEED_NOTICE.read_text(encoding="utf-8"))
    assert notice_table(notice, ocr=True).splitlines()[0] == OCR_TABLE_NOTE
