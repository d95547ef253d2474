"""The `nhacviec` command line."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from storage.errors import NhacViecError

log = logging.getLogger("nhacviec")


def _settings(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from bot.settings import load_settings

    return load_settings(database_url=getattr(args, "db", None))


def cmd_parse(args: argparse.Namespace) -> int:
    from bot.ingest import parse_notice, read_document

    path = Path(args.file)
    notice = parse_notice(read_document(path.read_bytes(), path.name))
    if args.format == "json":
        json.dump(notice.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    from bot.texts import notice_table

    print(notice_table(notice))
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from storage.db import upgrade

    settings = _settings(args)
    upgrade(settings.database_url)
    print("Cơ sở dữ liệu đã được cập nhật lên phiên bản mới nhất.")
    return 0


def cmd_directory_import(args: argparse.Namespace) -> int:
    from scheduler.clock import SystemClock
    from storage.db import Database, upgrade
    from storage.directory import import_directory, parse_directory_csv

    settings = _settings(args)
    upgrade(settings.database_url)
    from bot.context import policy_from
    from storage.notices import assign_unassigned

    rows = parse_directory_csv(Path(args.file).read_bytes())
    db = Database(settings.database_url)
    now = SystemClock().now()
    result = db.call(import_directory, rows, now=now)
    assigned = db.call(assign_unassigned, now=now, policy=policy_from(settings))
    db.dispose()
    print(f"Đã nhập danh bạ: {result.units_created} đơn vị mới, {result.people_created} cán bộ mới, "
          f"{result.people_updated} cán bộ cập nhật.")
    if assigned:
        print(f"Đã giao thêm {len(assigned)} nhiệm vụ trước đây chưa có người nhận:")
        for ref, name in assigned:
            print(f"  • Mục {ref} → đ/c {name}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from bot.app import run_channels

    settings = _settings(args)
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nhacviec", description="Nhắc việc — từ thông báo kết luận đến nhắc việc.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="run the Telegram bot (long polling)")
    p.add_argument("--db", help="database URL (default: DATABASE_URL or sqlite:///./nhacviec.db)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("parse", help="parse a notice file and print its tasks")
    p.add_argument("file")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("date", help="đọc ngày giờ viết tự nhiên (“thứ 6 tuần sau”, “3h chiều mai”), in dạng ISO 8601")
    p.add_argument("text", help="ngày giờ cần đọc, ví dụ “cuối tháng”")
    p.add_argument("--now", help="thời điểm hiện tại, ISO 8601 (mặc định: bây giờ, giờ Việt Nam)")
    p.set_defaults(func=cmd_date)

    p = sub.add_parser("db", help="database maintenance")
    dbsub = p.add_subparsers(dest="db_command", required=True)
    up = dbsub.add_parser("upgrade", help="apply the migrations")
    up.add_argument("--db")
    up.set_defaults(func=cmd_db_upgrade)

    p = sub.add_parser("directory", help="the directory of units and people")
    dsub = p.add_subparsers(dest="directory_command", required=True)
    imp = dsub.add_parser("import", help="import a CSV: handle,full_name,title,unit,role")
    imp.add_argument("file")
    imp.add_argument("--db")
    imp.set_defaults(func=cmd_directory_import)

    p = sub.add_parser("chat", help="talk to the real bot in the sandbox, with a simulated clock")
    p.add_argument("script", nargs="?", help="script file (default: stdin, or interactive in a terminal)")
    p.add_argument("--directory", help="directory CSV to load")
    p.add_argument("--enroll-all", action="store_true", help="bind every person to a sandbox chat")
    p.add_argument("--channel", choices=["telegram", "zalo"], default="telegram",
                   help="where people write by default (both channels run; Zalo: typed replies only)")
    p.add_argument("--db", help="database URL (default: a fresh temporary SQLite)")
    p.add_argument("--jsonl", action="store_true", help="print one JSON object per bot message")
    p.add_argument("--admin", default=None, help="handle of the admin (default: the first admin in the directory)")
    p.set_defaults(func=cmd_chat)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except NhacViecError as exc:
        log.warning("%s", exc.reason)
        print(exc.user_message, file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"Không tìm thấy tệp: {exc.filename}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        log.error("database error: %s", exc)
        print("Không mở được cơ sở dữ liệu. Đồng chí kiểm tra DATABASE_URL (hoặc --db), ví dụ "
              "sqlite:///./nhacviec.db hoặc postgresql://người_dùng:mật_khẩu@máy_chủ/tên_csdl, và máy chủ "
              "PostgreSQL đã chạy.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
