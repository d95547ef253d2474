"""`nhacviec chat`: the real bot against the sandbox, with a simulated clock.

Script lines (also typed interactively):
    @clock: 2018-03-05 08:00     move the clock (the first one sets the start)
    @handle: text                that person sends text
    @handle: <file PATH>         … sends a document (on Zalo: arrives as "unsupported")
    @handle: <paste PATH>        … pastes the file's whole text as one message
    @handle: [Label]             … taps a button on the last bot message that has it
    @handle: [Label] Mục 2.1     … on the last such message that mentions "Mục 2.1"
    @handle: > text              … replies to the last bot message they received
    @handle: <invite>            … opens the last invite link sent for them
    @handle: <block>             … blocks the bot (<unblock>: lets it write again)
    @handle@zalo: text           … any of the above on the other channel than --channel
A handle in no directory is a stranger: someone the office never invited (to try "/start" from one).
Blank lines and lines starting with # are ignored. On Zalo there are no buttons and
no replies: a [Label] or > line there is an error that says to type instead."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import difflib
import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bot.sandbox.harness import Harness, HarnessError, Sent
from bot.settings import load_settings
from scheduler.calendar import VN_TZ
from scheduler.clock import FakeClock

LINE = re.compile(r"^@(?P<who>[\w.]+?)(?:@(?P<channel>telegram|zalo))?\s*:\s*(?P<what>.*)$")


class ScriptError(Exception):
    pass


def parse_clock(value: str) -> dt.datetime:
    try:
        local = dt.datetime.fromisoformat(value.strip().replace("T", " "))
    except ValueError as exc:
        raise ScriptError(f"không hiểu thời điểm “{value}” (dạng đúng: 2018-03-05 08:00)") from exc
    return local.replace(tzinfo=VN_TZ) if local.tzinfo is None else local


class Printer:
    def __init__(self, *, jsonl: bool, out=sys.stdout) -> None:  # type: ignore[no-untyped-def]
        self.jsonl, self.out = jsonl, out

    def bot(self, sent: Sent) -> None:
        if self.jsonl:
            self.out.write(json.dumps(sent.as_json(VN_TZ), ensure_ascii=False) + "\n")
        else:
            when = sent.at.astimezone(VN_TZ).strftime("%Y-%m-%d %H:%M")
            where = " (Zalo)" if sent.channel == "zalo" else ""
            self.out.write(f"[{when}] Nhắc việc → @{sent.to}{where}\n")
            if sent.document:
                self.out.write(f"  📎 {sent.document}\n")
            for line in (sent.text or "").split("\n"):
                self.out.write(f"  {line}\n")
            if sent.buttons:
                self.out.write("  " + " ".join(f"[{b}]" for b in sent.buttons) + "\n")
            self.out.write("\n")
        self.out.flush()

    def person(self, clock: FakeClock, line: str) -> None:
        if not self.jsonl:
            when = clock.now().astimezone(VN_TZ).strftime("%Y-%m-%d %H:%M")
            self.out.write(f"[{when}] {line}\n\n")

    def problem(self, text: str) -> None:
        print(f"⚠ {text}", file=sys.stderr)

    def stranger(self, handle: str) -> None:
        print(f"ℹ @{handle} không có trong danh bạ: nhắn như một người lạ chưa được mời (chưa liên kết với Nhắc "
              "việc).", file=sys.stderr)  # (`handle` may carry the near handle meant)


LINE_FORMS = ("dạng đúng: “@mã_cán_bộ: nội dung” (ví dụ “@head_bdv: 2.1 xong”), “@mã_cán_bộ: [Nút]”, "
              "“@mã_cán_bộ: > trả lời”, “@mã_cán_bộ: <file tệp.docx>” hoặc “@clock: 2018-03-05 08:00”")


async def run_step(harness: Harness, line: str, base: Path,
                   on_stranger: Callable[[str], None] | None = None) -> None:
    """One script line. Someone in no directory acts as a stranger (`on_stranger` is told the first time)."""
    m = LINE.match(line)
    if not m:
        raise ScriptError(f"dòng không đúng cú pháp: {line!r} — {LINE_FORMS}")
    who, what, channel = m.group("who"), m.group("what").strip(), m.group("channel")
    if who == "clock":
        target = parse_clock(what)
        if target < harness.clock.now():
            raise ScriptError("đồng hồ chỉ được chuyển tới, không lùi lại")
        await harness.advance_to(target)
        return
    if not harness.knows(who):
        near = difflib.get_close_matches(who, list(harness.handles), n=1)  # (a typo of a handle, more likely)
        harness.add_stranger(who)
        if on_stranger is not None:
            on_stranger(who + (f" (có phải @{near[0]}?)" if near else ""))
    if what == "<invite>":
        await harness.open_invite(who, channel)
    elif what in ("<block>", "<unblock>"):
        harness.block(who, what == "<block>")
    elif what.startswith(("<file ", "<paste ")) and what.endswith(">"):
        verb, _, name = what[1:-1].partition(" ")
        path = Path(name.strip())
        path = path if path.is_absolute() else base / path
        if verb == "paste":
            await harness.paste(who, path, channel)
        else:
            await harness.send_file(who, path, channel=channel)
    elif what.startswith("[") and "]" in what:
        label, _, containing = what[1:].partition("]")
        await harness.tap(who, label, containing.strip() or None, channel)
    elif what.startswith(">"):
        await harness.reply(who, what[1:].strip(), channel)
    else:
        await harness.say(who, what, channel)


def _read_lines(args: argparse.Namespace) -> tuple[list[str] | None, Path]:
    if args.script:
        path = Path(args.script)
        return path.read_text(encoding="utf-8").splitlines(), path.parent
    if not sys.stdin.isatty():
        return sys.stdin.read().splitlines(), Path.cwd()
    return None, Path.cwd()


async def run_chat(args: argparse.Namespace) -> int:
    lines, base = _read_lines(args)
    script = [ln.strip() for ln in (lines or []) if ln.strip() and not ln.strip().startswith("#")]
    start = dt.datetime.now(VN_TZ).replace(second=0, microsecond=0)
    if script and script[0].startswith("@clock:"):
        start = parse_clock(script.pop(0).split(":", 1)[1])
    clock = FakeClock(start)
    printer = Printer(jsonl=args.jsonl)
    with tempfile.TemporaryDirectory(prefix="nhacviec-chat-") as tmp:
        db_url = args.db or f"sqlite:///{tmp}/chat.db"
        directory = Path(args.directory).read_bytes() if args.directory else None
        harness = Harness(db_url=db_url, clock=clock, settings=load_settings(env_file=None),
                          channel=getattr(args, "channel", "telegram"))
        harness.subscribe(printer.bot)
        not_enrolled = frozenset(h.strip().lstrip("@") for h in (getattr(args, "not_enrolled", "") or "").split(",")
                                 if h.strip())
        await harness.start(directory_csv=directory, enroll_all=args.enroll_all, not_enrolled=not_enrolled)
        try:
            if lines is None:
                return await _interactive(harness, printer)
            for line in script:
                if not line.startswith("@clock:"):
                    printer.person(clock, line)
                try:
                    await run_step(harness, line, base, printer.stranger)
                except (ScriptError, HarnessError, FileNotFoundError) as exc:
                    printer.problem(f"{line}: {_said(exc)}")
                    return 1
        finally:
            await harness.stop()
    return 0


def _said(exc: Exception) -> str:
    """A problem in words: a file not there in Vietnamese, not Python's "[Errno 2] …" (probe 20, P8)."""
    if isinstance(exc, FileNotFoundError):
        return f"không tìm thấy tệp “{exc.filename}”; đồng chí kiểm tra lại tên và đường dẫn của tệp."
    return str(exc)


async def _interactive(harness: Harness, printer: Printer) -> int:
    print("Nhắc việc — phòng thử (sandbox). Gõ “@mã_cán_bộ: nội dung”, “@clock: YYYY-MM-DD HH:MM”; Ctrl-D để thoát.")
    print("Cán bộ: " + ", ".join(f"@{h}" for h in harness.handles) + "\n")
    while True:
        try:
            line = await asyncio.to_thread(input, "> ")
        except EOFError:
            return 0
        if not line.strip() or line.strip().startswith("#"):
            continue
        try:
            await run_step(harness, line.strip(), Path.cwd(), printer.stranger)
        except (ScriptError, HarnessError, FileNotFoundError) as exc:
            printer.problem(_said(exc))
