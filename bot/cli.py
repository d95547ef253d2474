"""The `nhacviec` command line."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from storage.errors import NhacViecError
from storage.parsed import ParsedNotice

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
    print(lead_sources_table(notice))
    return 0


LEAD_SOURCE_LABELS = {
    "text": "nội dung nhiệm vụ",
    "heading": "đề mục / câu dẫn phía trên",
    "addressee": "đơn vị nhận văn bản (Kính gửi, câu kết)",
}


def lead_sources_table(notice: ParsedNotice) -> str:
    """For each task, where its lead came from, so an admin sees why a unit was chosen."""
    lines = ["", "Nguồn xác định đơn vị chủ trì:", f"{'Mục':<10} {'Lấy từ':<40} Chủ trì"]
    for t in notice.tasks:
        label = LEAD_SOURCE_LABELS.get(t.lead_source or "", "không xác định được")
        lines.append(f"{t.ref:<10} {label:<40} {'; '.join(t.lead) or '—'}")
    return "\n".join(lines)


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
    from bot.app import policy_from
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
    from bot.app import run_polling

    settings = _settings(args)
    if settings.telegram_bot_token is None:
        import shutil

        prog = "nhacviec" if shutil.which("nhacviec") else ".venv/bin/nhacviec"
        print("Chưa có TELEGRAM_BOT_TOKEN (biến môi trường hoặc tệp .env). Để thử bot không cần token, hãy chạy: "
              f"{prog} chat --directory examples/directory.csv --enroll-all examples/seed.chat")
        return 2
    from telegram.error import InvalidToken, NetworkError

    try:
        run_polling(settings)
    except InvalidToken:
        log.error("Telegram refused the token")
        print("Telegram từ chối TELEGRAM_BOT_TOKEN: mã không đúng hoặc đã bị thu hồi. Đồng chí kiểm tra lại "
              "mã do @BotFather cấp.", file=sys.stderr)
        return 1
    except NetworkError as exc:
        log.error("cannot reach the Telegram Bot API: %s", exc)
        print(f"Không kết nối được máy chủ Telegram ({settings.telegram_base_url.split('/bot')[0]}). "
              "Đồng chí kiểm tra kết nối mạng rồi chạy lại.", file=sys.stderr)
        return 1
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    import asyncio

    from bot.chat import run_chat

    return asyncio.run(run_chat(args))


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
