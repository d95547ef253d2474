"""The `nhacviec` command line. Imports are made per command, so that `nhacviec parse`
never loads SQLAlchemy, the database layer or python-telegram-bot."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from bot.logs import configure_logging
from storage.errors import ConfigInvalid, NhacViecError

if TYPE_CHECKING:
    from bot.settings import Settings

from storage.parsed import ParsedNotice

log = logging.getLogger("nhacviec")

SECRET_ENV = ("TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN")


QUIET = "CRITICAL"  # one-off commands: the Vietnamese message only; English log lines with -v


def _settings(args: argparse.Namespace, *, default_level: str | None = None) -> Settings:
    """Settings for a command, and logging configured from them, with the tokens redacted from every log record.
    `default_level` None (one-off commands): the operator reads the command's Vietnamese message only — log lines
    on stderr with -v alone (DEBUG); else (`run`) NHACVIEC_LOG_LEVEL, or -v, or `default_level`."""
    from pydantic import ValidationError

    from bot.settings import ENV_NAMES, load_settings

    try:
        settings = load_settings(database_url=getattr(args, "db", None))
    except ValidationError as exc:
        names = {field: env for env, field in ENV_NAMES.items()}
        bad = [names.get(str(err["loc"][0]), str(err["loc"][0])) for err in exc.errors() if err["loc"]]
        raise ConfigInvalid(f"invalid settings: {bad}",
                            f"Cấu hình không hợp lệ: {', '.join(bad) or 'không rõ'}. Đồng chí xem lại giá trị "
                            "trong biến môi trường hoặc tệp .env (mẫu và giải thích ở .env.example).") from None
    secrets = [s.get_secret_value() for s in (settings.telegram_bot_token, settings.zalo_bot_token,
                                              settings.webhook_secret) if s]
    if getattr(args, "verbose", False):
        level = "DEBUG"
    elif default_level is None:
        level = QUIET
    else:  # NHACVIEC_LOG_LEVEL when set; else INFO for `run`
        level = settings.log_level if "log_level" in settings.model_fields_set else default_level
    configure_logging(level, secrets)
    return settings


def cmd_parse(args: argparse.Namespace) -> int:
    from bot.ingest import parse_notice
    from bot.ingest.files import read_text

    path = Path(args.file)
    document = read_text(path.read_bytes(), path.name)
    notice = parse_notice(document.text)
    if args.format == "json":
        json.dump(notice.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    from bot.textbase import notice_table

    print(notice_table(notice, ocr=document.ocr))  # where each lead came from: a column of the one table
    return 0


LEAD_SOURCE_LABELS = {
    "text": "nội dung nhiệm vụ",
    "heading": "đề mục / câu dẫn phía trên",
    "addressee": "đơn vị nhận văn bản (Kính gửi, câu kết)",
}


def lead_sources_table(notice: ParsedNotice) -> str:
    """For each task, where its lead came from, in full words (the parse table says it in a column, in short)."""
    lines = ["", "Nguồn xác định đơn vị chủ trì:", f"{'Mục':<10} {'Lấy từ':<40} Chủ trì"]
    for t in notice.tasks:
        label = LEAD_SOURCE_LABELS.get(t.lead_source or "", "không xác định được")
        lines.append(f"{t.ref:<10} {label:<40} {'; '.join(t.lead) or '—'}")
    return "\n".join(lines)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from storage.db import upgrade

    settings = _settings(args)
    if upgrade(settings.database_url):
        print("Cơ sở dữ liệu đã được cập nhật lên phiên bản mới nhất.")
    else:
        print("Cơ sở dữ liệu đã ở phiên bản mới nhất, không có gì phải cập nhật.")
    return 0


def cmd_directory_import(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from scheduler.clock import SystemClock
    from storage.db import Database, upgrade
    from storage.directory import file_digest, imported_before, parse_directory

    settings = _settings(args)
    path = Path(args.file)
    data = path.read_bytes()
    sha256 = file_digest(data)
    if args.if_changed:  # at start-up (scripts/run.sh): a file imported before is not imported again
        upgrade(settings.database_url)
        db = Database(settings.database_url)
        try:
            when = db.call(imported_before, sha256)
        finally:
            db.dispose()
        if when is not None:
            local = when.astimezone(ZoneInfo(settings.timezone))
            print(f"Tệp danh bạ {path.name} đã được nhập lúc {local:%H:%M %d/%m/%Y}, không thay đổi từ đó: không nhập "
                  "lại (danh bạ đang lưu, kể cả những thay đổi làm qua tin nhắn, giữ nguyên).")
            return 0
    rows = parse_directory(data, path.name)  # a bad file is refused before the database is touched
    upgrade(settings.database_url)
    from bot.conversation.directory import (
        NEWS_QUEUED_HEAD,
        NOBODY_TO_TELL,
        import_summary,
        import_with_news,
        invite_hint,
    )

    db = Database(settings.database_url)
    now = SystemClock().now()
    try:  # the news for the people concerned is queued with the import: the running bot tells them
        done = db.call(import_with_news, rows, now=now, actor_id=None, queue=True,
                       today=now.astimezone(ZoneInfo(settings.timezone)).date(), via="cli", os_user=_os_user(),
                       file=path.name[:200], sha256=sha256)
    finally:
        db.dispose()
    print(import_summary(done.result, done.assigned, done.released, done.requests))
    print("\n".join([NEWS_QUEUED_HEAD, *done.told]) if done.told else NOBODY_TO_TELL)
    hint = invite_hint(done.result.created)
    if hint:
        print(hint)
    return 0


def cmd_directory_export(args: argparse.Namespace) -> int:
    """`nhacviec directory export [FILE.csv|FILE.xlsx]`: the columns of the import; no FILE: CSV on stdout."""
    from scheduler.clock import SystemClock
    from storage.db import Database, upgrade
    from storage.directory import export_directory

    target = Path(args.file) if args.file else None
    suffix = target.suffix.lower() if target else ".csv"
    if suffix not in (".csv", ".xlsx"):
        raise ConfigInvalid(f"export to {suffix!r}", f"Không xuất được danh bạ ra tệp “{target}”: đồng chí đặt tên "
                                                     "tệp kết thúc bằng .csv hoặc .xlsx.")
    settings = _settings(args)
    upgrade(settings.database_url)
    db = Database(settings.database_url)
    try:
        data, people = db.call(export_directory, xlsx=suffix == ".xlsx", now=SystemClock().now(), via="cli",
                               os_user=_os_user(), file=str(target or "-"))
    finally:
        db.dispose()
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        print(f"Đã xuất danh bạ: {people} cán bộ.", file=sys.stderr)
    else:
        target.write_bytes(data)
        print(f"Đã xuất danh bạ: {people} cán bộ vào tệp {target}.")
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    """`nhacviec calendar add|remove|list`: the admin's extra days off and make-up working days."""
    from scheduler.calendar import WorkingCalendar
    from scheduler.clock import SystemClock
    from storage.calendar import (
        CalendarDayInvalid,
        add_calendar_day,
        list_calendar_days,
        parse_calendar_date,
        remove_calendar_day,
        vn_date,
    )
    from storage.db import Database, upgrade
    from storage.models import CalendarDayKind

    settings = _settings(args)
    if args.calendar_command == "add":
        day = parse_calendar_date(args.date)
        off = args.off is not None
        kind, note = (CalendarDayKind.OFF, args.off) if off else (CalendarDayKind.WORKING, args.working)
    elif args.calendar_command == "remove":
        day = parse_calendar_date(args.date)
    elif args.year is not None and not 1900 <= args.year <= 2200:
        raise CalendarDayInvalid(f"year {args.year}", f"Năm {args.year} không hợp lệ.")
    upgrade(settings.database_url)
    db = Database(settings.database_url)
    now = SystemClock().now()
    try:
        if args.calendar_command == "add":
            base = WorkingCalendar()  # the `holidays` package alone: what an entry must change
            entry = db.call(add_calendar_day, day=day, kind=kind, note=note, base=base, now=now)
            what = "ngày nghỉ" if entry.kind == CalendarDayKind.OFF else "ngày làm việc bù"
            print(f"Đã thêm {what} {vn_date(entry.day)}" + (f" ({entry.note})." if entry.note else "."))
        elif args.calendar_command == "remove":
            entry = db.call(remove_calendar_day, day, now=now)
            what = "ngày nghỉ" if entry.kind == CalendarDayKind.OFF else "ngày làm việc bù"
            print(f"Đã xóa {what} {vn_date(entry.day)} khỏi lịch.")
        else:
            entries = db.call(list_calendar_days, year=args.year)
            if args.year is not None:
                print(f"Ngày nghỉ lễ năm {args.year} theo lịch chung (gói holidays):")
                for d, name in WorkingCalendar().public_holidays(args.year):
                    print(f"  {vn_date(d)}  {name}")
            if not entries:
                print("Chưa có ngày nghỉ thêm hay ngày làm bù nào" + (f" trong năm {args.year}." if args.year else "."))
            else:
                print("Ngày nghỉ thêm và ngày làm bù do quản trị viên nhập:")
                for e in entries:
                    what = "nghỉ" if e.kind == CalendarDayKind.OFF else "làm bù"
                    print(f"  {vn_date(e.day)}  {what}" + (f" — {e.note}" if e.note else ""))
    finally:
        db.dispose()
    return 0


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        return str(os.getuid())


def cmd_run(args: argparse.Namespace) -> int:
    from bot.app import run_channels

    settings = _settings(args, default_level="INFO")
    if settings.telegram_bot_token is None and settings.zalo_bot_token is None:
        import shutil

        prog = "nhacviec" if shutil.which("nhacviec") else ".venv/bin/nhacviec"
        print("Chưa có TELEGRAM_BOT_TOKEN hoặc ZALO_BOT_TOKEN (biến môi trường hoặc tệp .env). Để thử bot không "
              f"cần token, hãy chạy: {prog} chat --directory examples/directory.csv --enroll-all examples/seed.chat")
        return 2
    problem = run_channels(settings)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from storage.backup import backup

    settings = _settings(args)
    result = backup(settings.database_url, Path(args.file))
    print(f"Đã sao lưu cơ sở dữ liệu ({result.kind}) vào {result.path} ({_size(result.size)}).")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from storage.backup import restore

    settings = _settings(args)
    result = restore(settings.database_url, Path(args.file), force=args.force)
    print(f"Đã khôi phục cơ sở dữ liệu từ {result.path}: {result.tasks} nhiệm vụ, {result.people} cán bộ. "
          "Đồng chí chạy “nhacviec doctor” để kiểm tra trước khi khởi động lại bot.")
    return 0


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"


def cmd_doctor(args: argparse.Namespace) -> int:
    from bot.doctor import run_checks
    from scheduler.clock import SystemClock

    settings = _settings(args)
    results = run_checks(settings, clock=SystemClock())
    for check in results:
        print(check.line())
    failed = sum(not c.ok for c in results)
    print("Mọi kiểm tra đều đạt." if not failed
          else f"{failed} kiểm tra chưa đạt; đồng chí xử lý theo hướng dẫn ở trên.")
    return 1 if failed else 0


def cmd_audit(args: argparse.Namespace) -> int:
    import datetime as dt
    from zoneinfo import ZoneInfo

    from storage.audit import audit_entries
    from storage.db import Database

    settings = _settings(args)
    tz = ZoneInfo(settings.timezone)
    since = None
    if args.since:
        try:
            day = dt.date.fromisoformat(args.since)
        except ValueError:
            raise ConfigInvalid(f"bad --since {args.since!r}",
                                f"Ngày “{args.since}” không đúng dạng NĂM-THÁNG-NGÀY, ví dụ 2026-03-01.") from None
        since = dt.datetime.combine(day, dt.time(0, 0), tzinfo=tz)
    db = Database(settings.database_url)
    try:
        entries = db.call(audit_entries, since=since)
    finally:
        db.dispose()
    for e in entries:
        actor = f"@{e.actor}" if e.actor else "hệ thống/dòng lệnh"
        target = f"{e.entity}#{e.entity_id}" if e.entity_id is not None else e.entity
        detail = json.dumps(e.detail, ensure_ascii=False, sort_keys=True) if e.detail else ""
        print(f"{e.at.astimezone(tz):%Y-%m-%d %H:%M:%S}  {actor:<20} {e.action:<24} {target:<16} {detail}".rstrip())
    print(f"{len(entries)} dòng nhật ký" + (f" từ ngày {since:%d/%m/%Y}." if since else "."))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """`nhacviec report --xlsx FILE`: the same Excel (and chart) as /tonghop, from the command line."""
    import datetime as dt

    from bot.charts import summary_chart
    from bot.report_files import summary_workbook
    from bot.texts import filter_description, matched_units, summary_text
    from scheduler.clock import SystemClock
    from storage.db import Database, upgrade
    from storage.reports import ReportFilter, build_report

    def day(value: str | None, option: str) -> dt.date | None:
        if value is None:
            return None
        for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return dt.datetime.strptime(value.strip(), fmt).date()
            except ValueError:
                pass
        raise ValueError(f"Ngày “{value}” ở {option} không hợp lệ; đồng chí ghi theo dạng 31/03/2026 hoặc 2026-03-31.")

    try:
        date_from, date_to = day(args.date_from, "--from"), day(args.date_to, "--to")
        today = day(args.today, "--today")
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    if date_from and date_to and date_to < date_from:
        print("Ngày --to phải sau hoặc bằng ngày --from.", file=sys.stderr)
        return 2
    settings = _settings(args)
    upgrade(settings.database_url)
    from bot.context import policy_from
    from scheduler.calendar import with_corrections
    from storage.calendar import load_calendar_days

    filt = ReportFilter(notice=args.notice, unit=args.unit, date_from=date_from, date_to=date_to)
    db = Database(settings.database_url)
    try:
        # on time or late by the calendar the bot uses: the admin's days off and make-up days applied
        calendar = with_corrections(policy_from(settings).calendar, db.call(load_calendar_days))
        today = today or calendar.local(SystemClock().now()).date()
        report = db.call(build_report, today=today, tz=calendar.tz, filt=filt, rule=calendar)
    finally:
        db.dispose()
    unit_name = matched_units(filt, report.units)
    # a period already over (--to before --today): the tasks as they stood at its end, and the heading says so
    outputs = [(Path(args.xlsx), lambda: summary_workbook(report.units, report.tasks, today, filt, unit_name,
                                                          report.as_of, report.standing_rows), "tệp Excel")]
    if args.chart:
        scope = filter_description(filt, unit_name)
        outputs.append((Path(args.chart), lambda: summary_chart(report.units, report.as_of or today, scope),
                        "biểu đồ"))
    print(summary_text(report.units, today, filt, as_of=report.as_of, standing=report.standing))
    for path, render, what in outputs:
        try:
            path.write_bytes(render())
        except OSError as exc:
            log.debug("cannot write %s: %s", path, exc)
            print(f"Không ghi được {what} vào “{path}”: thư mục không tồn tại hoặc không có quyền ghi.",
                  file=sys.stderr)
            return 1
        print(f"Đã ghi {what}: {path}")
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    import asyncio

    from bot.chat import run_chat

    return asyncio.run(run_chat(args))


def cmd_date(args: argparse.Namespace) -> int:
    import datetime as dt

    from bot.datetext import WhenUnclear, parse_when
    from scheduler.calendar import VN_TZ

    if args.now is None:
        now = dt.datetime.now(VN_TZ)
    else:
        try:
            now = dt.datetime.fromisoformat(args.now)
        except ValueError:
            print(f"Không hiểu thời điểm --now “{args.now}” (dạng đúng: 2025-12-17T10:00+07:00).", file=sys.stderr)
            return 1
        if now.tzinfo is None:
            now = now.replace(tzinfo=VN_TZ)
    try:
        when = parse_when(args.text, now=now)
    except WhenUnclear as exc:  # one line on stderr, no log line
        log.debug("%s", exc.reason)
        print(exc.user_message, file=sys.stderr)
        return 1
    print(when.at.isoformat())
    return 0


DB_HELP = "địa chỉ cơ sở dữ liệu (mặc định: DATABASE_URL, hoặc sqlite:///./nhacviec.db)"


class VietnameseParser(argparse.ArgumentParser):
    """argparse with its own words in Vietnamese: usage, errors, the help headings."""

    def format_help(self) -> str:
        return (super().format_help().replace("usage:", "cách dùng:").replace("options:", "tùy chọn:")
                .replace("positional arguments:", "tham số:").replace("show this help message and exit",
                                                                      "in hướng dẫn này rồi thoát"))

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "cách dùng:")

    def error(self, message: str) -> NoReturn:
        translated = (message.replace("the following arguments are required", "thiếu tham số")
                      .replace("invalid choice", "lựa chọn không hợp lệ").replace("choose from", "chọn một trong")
                      .replace("unrecognized arguments", "tham số không nhận ra")
                      .replace("expected one argument", "cần một giá trị")
                      .replace("not allowed with argument", "không dùng cùng với")
                      .replace("invalid int value", "không phải số nguyên"))
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {translated}\n")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("nhacviec")
    except Exception:  # not installed (run from a checkout)
        return "0.0.0+checkout"


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(
        prog="nhacviec", description="Nhắc việc — từ thông báo kết luận đến nhắc việc: đọc văn bản, giao nhiệm vụ, "
        "nhắc người được giao đến khi hoàn thành, tổng hợp báo cáo.")
    parser.add_argument("--version", action="version", version=f"nhacviec {_version()}",
                        help="in số phiên bản rồi thoát")
    parser.add_argument("-v", "--verbose", action="store_true", help="ghi nhật ký chi tiết (mức DEBUG)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH", title="các lệnh")

    p = sub.add_parser("run", help="chạy bot: mọi kênh có mã (Telegram, Zalo), nhận tin bằng long polling hoặc webhook")
    p.add_argument("--db", help=DB_HELP)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("parse", help="đọc một văn bản (.txt, .docx, .pdf, ảnh) và in các nhiệm vụ tìm được")
    p.add_argument("file", help="tệp văn bản cần đọc")
    p.add_argument("--format", choices=("table", "json"), default="table",
                   help="table: bảng dễ đọc, kèm nguồn của đơn vị chủ trì; json: dữ liệu theo CORPUS.md")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("date", help="đọc ngày giờ viết tự nhiên (“thứ 6 tuần sau”, “3h chiều mai”), in dạng ISO 8601")
    p.add_argument("text", help="ngày giờ cần đọc, ví dụ “cuối tháng”")
    p.add_argument("--now", help="thời điểm hiện tại, ISO 8601 (mặc định: bây giờ, giờ Việt Nam)")
    p.set_defaults(func=cmd_date)

    p = sub.add_parser("db", help="bảo trì cơ sở dữ liệu")
    dbsub = p.add_subparsers(dest="db_command", required=True)
    up = dbsub.add_parser("upgrade", help="cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất")
    up.add_argument("--db", help=DB_HELP)
    up.set_defaults(func=cmd_db_upgrade)

    p = sub.add_parser("directory", help="danh bạ đơn vị và cán bộ: nhập, xuất")
    dsub = p.add_subparsers(dest="directory_command", required=True)
    imp = dsub.add_parser(
        "import", help="nhập danh bạ từ tệp .xlsx hoặc .csv (tất cả các dòng hoặc không dòng nào)",
        description="Cột: Mã cán bộ (handle), Họ và tên (full_name), Chức vụ (title), Đơn vị (unit), Vai trò "
                    "(role: quản trị, lãnh đạo, trưởng đơn vị, chuyên viên, đã nghỉ); Telegram nếu có. CSV ngăn "
                    "cách bằng dấu phẩy, chấm phẩy hoặc tab; mã UTF-8, UTF-16 hoặc Windows-1258. Như khi gửi tệp "
                    "cho bot, những người liên quan (người được giao hoặc nhận lại nhiệm vụ, trưởng đơn vị cũ, người "
                    "quyết định đề nghị gia hạn) được báo qua tin nhắn: bot đang chạy gửi ở lượt kế tiếp.")
    imp.add_argument("file", help="tệp danh bạ .xlsx (trang tính đầu tiên) hoặc .csv")
    imp.add_argument("--db", help="địa chỉ cơ sở dữ liệu (mặc định: DATABASE_URL)")
    imp.add_argument("--if-changed", action="store_true",
                     help="chỉ nhập khi nội dung tệp khác mọi tệp đã nhập trước đây (khi khởi động: scripts/run.sh)")
    imp.set_defaults(func=cmd_directory_import)
    exp = dsub.add_parser(
        "export", help="xuất danh bạ ra tệp .csv hoặc .xlsx, cùng các cột với tệp nhập",
        description="Xuất danh bạ ra tệp .csv (UTF-8, cột tiếng Anh như examples/directory.csv) hoặc .xlsx (cột và "
                    "vai trò tiếng Việt); tệp xuất nhập lại được bằng “nhacviec directory import”.")
    exp.add_argument("file", nargs="?", help="tệp .csv hoặc .xlsx cần ghi (không ghi: in CSV ra màn hình)")
    exp.add_argument("--db", help="địa chỉ cơ sở dữ liệu (mặc định: DATABASE_URL)")
    exp.set_defaults(func=cmd_directory_export)

    p = sub.add_parser("calendar", help="ngày nghỉ thêm và ngày làm bù (ngoài lịch nghỉ lễ chung)")
    csub = p.add_subparsers(dest="calendar_command", required=True)
    add = csub.add_parser("add", help="thêm một ngày: --off GHI_CHU (nghỉ) hoặc --working GHI_CHU (làm bù)")
    add.add_argument("date", help="ngày, ví dụ 15/02/2027 hoặc 2027-02-15")
    which = add.add_mutually_exclusive_group(required=True)
    which.add_argument("--off", metavar="GHI_CHU", help="ngày nghỉ thêm, ví dụ \"Nghỉ bù\"")
    which.add_argument("--working", metavar="GHI_CHU", help="ngày làm việc bù, ví dụ \"Làm bù\"")
    add.add_argument("--db", help=DB_HELP)
    add.set_defaults(func=cmd_calendar)
    rm = csub.add_parser("remove", help="xóa một ngày đã thêm")
    rm.add_argument("date", help="ngày đã thêm, ví dụ 15/02/2027")
    rm.add_argument("--db", help=DB_HELP)
    rm.set_defaults(func=cmd_calendar)
    ls = csub.add_parser("list", help="liệt kê các ngày đã thêm (với --year: cả ngày lễ chung của năm đó)")
    ls.add_argument("--year", type=int, help="năm, ví dụ 2027")
    ls.add_argument("--db", help=DB_HELP)
    ls.set_defaults(func=cmd_calendar)

    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu ra tệp (làm được khi bot đang chạy)")
    p.add_argument("file", help="tệp sao lưu cần ghi")
    p.add_argument("--db", help=DB_HELP)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="khôi phục cơ sở dữ liệu từ tệp sao lưu")
    p.add_argument("file", help="tệp sao lưu")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--force", action="store_true", help="ghi đè cả khi cơ sở dữ liệu đích đã có dữ liệu")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("doctor", help="kiểm tra mã bot, cơ sở dữ liệu, phiên bản, Tesseract và đồng hồ")
    p.add_argument("--db", help=DB_HELP)
    p.set_defaults(func=cmd_doctor)

    p = sub.add_parser("audit", help="in nhật ký thao tác (ai làm gì, khi nào)")
    p.add_argument("--since", help="từ ngày này (YYYY-MM-DD)")
    p.add_argument("--db", help=DB_HELP)
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("report", help="xuất biểu tổng hợp tình hình thực hiện nhiệm vụ (Excel, biểu đồ)",
                       description="Ghi biểu tổng hợp tình hình thực hiện nhiệm vụ ra tệp Excel (như /tonghop), "
                       "kèm biểu đồ nếu cần. Khoảng thời gian --from/--to chọn các nhiệm vụ được giao, đến hạn, "
                       "quá hạn chưa hoàn thành hoặc hoàn thành trong khoảng đó; nhiệm vụ định kỳ có một kỳ "
                       "đến hạn, đã báo cáo hoặc quá hạn chưa báo cáo trong khoảng đó, và mục “Báo cáo định "
                       "kỳ” đếm các kỳ đó. Khoảng thời gian đã qua (--to trước --today): mỗi nhiệm vụ theo tình "
                       "trạng tính đến hết ngày --to, theo lịch sử cập nhật đã lưu.")
    p.add_argument("--xlsx", required=True, metavar="TỆP", help="tệp Excel cần ghi, ví dụ tong-hop.xlsx")
    p.add_argument("--notice", metavar="SỐ", help="chỉ văn bản có số này, ví dụ 45/TB-UBND (không phân biệt "
                   "hoa thường, dấu cách)")
    p.add_argument("--unit", metavar="ĐƠN_VỊ", help="chỉ đơn vị chủ trì này, ví dụ \"Sở Tài chính\"")
    p.add_argument("--from", dest="date_from", metavar="NGÀY", help="từ ngày (31/03/2026 hoặc 2026-03-31)")
    p.add_argument("--to", dest="date_to", metavar="NGÀY", help="đến ngày (31/03/2026 hoặc 2026-03-31)")
    p.add_argument("--chart", metavar="TỆP.png", help="ghi thêm biểu đồ theo đơn vị (PNG)")
    p.add_argument("--today", metavar="NGÀY", help="số liệu tính đến ngày này (mặc định: hôm nay)")
    p.add_argument("--db", metavar="URL", help="địa chỉ cơ sở dữ liệu (mặc định: DATABASE_URL hoặc sqlite:///./nhacviec.db)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("chat", help="trò chuyện với bot thật trong phòng thử (sandbox), đồng hồ mô phỏng")
    p.add_argument("script", nargs="?", help="tệp kịch bản (mặc định: đọc từ stdin, hoặc gõ trực tiếp)")
    p.add_argument("--directory", help="tệp danh bạ cần nạp (.csv, .xlsx)")
    p.add_argument("--enroll-all", action="store_true", help="liên kết sẵn mọi cán bộ với một cuộc trò chuyện")
    p.add_argument("--not-enrolled", default="", metavar="MÃ,MÃ",
                   help="với --enroll-all: những cán bộ này chưa liên kết (chưa mở mã mời)")
    p.add_argument("--channel", choices=["telegram", "zalo"], default="telegram",
                   help="kênh cán bộ nhắn mặc định (cả hai kênh cùng chạy; Zalo: chỉ gõ, không có nút)")
    p.add_argument("--db", help="địa chỉ cơ sở dữ liệu (mặc định: một tệp SQLite tạm mới)")
    p.add_argument("--jsonl", action="store_true", help="in mỗi tin nhắn của bot thành một dòng JSON")
    p.set_defaults(func=cmd_chat)
    return parser


def _is_database_error(exc: BaseException) -> bool:
    errors = sys.modules.get("sqlalchemy.exc")  # loaded only by the commands that use a database
    return errors is not None and isinstance(exc, errors.SQLAlchemyError)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        # until a command reads its settings: the tokens from the environment are already redacted
        configure_logging("DEBUG" if args.verbose else QUIET, [os.environ.get(n, "") for n in SECRET_ENV])
        return int(args.func(args) or 0)
    except NhacViecError as exc:  # the Vietnamese message once; the English reason in the log with -v
        log.debug("%s", exc.reason)
        print(exc.user_message, file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"Không tìm thấy tệp: {exc.filename}", file=sys.stderr)
        return 1
    except Exception as exc:
        if not _is_database_error(exc):
            raise
        log.debug("database error: %s", exc)
        print("Không mở được cơ sở dữ liệu. Đồng chí kiểm tra DATABASE_URL (hoặc --db), ví dụ "
              "sqlite:///./nhacviec.db hoặc postgresql://người_dùng:mật_khẩu@máy_chủ/tên_csdl, và máy chủ "
              "PostgreSQL đã chạy.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
