#!/usr/bin/env bash
# Set up and run the bot on a fresh machine: virtualenv, dependencies, database
# migrations (SQLite ./nhacviec.db unless DATABASE_URL says otherwise), then long polling.
# TELEGRAM_BOT_TOKEN and/or ZALO_BOT_TOKEN come from the environment or a .env file.
# The package is installed into .venv on the first run and again only when what it is installed from changed
# (pyproject.toml, the sources, the Python version): a restart needs no package index.
# NHACVIEC_DIRECTORY=FILE imports the directory file when it differs from every file imported before (a file the
# chat has since made out of date is not imported again); a refused file never stops the bot from starting.
set -euo pipefail
# a directory file named relative to where the command was typed, before moving to the project folder
directory_file="${NHACVIEC_DIRECTORY:+$(realpath -m "$NHACVIEC_DIRECTORY")}"
cd "$(dirname "$0")/.."
stamp=.venv/.nhacviec-installed

source_hash() {  # what the installed package was built from
  .venv/bin/python - <<'PY'
import hashlib
import pathlib
import sys

digest = hashlib.sha256(sys.version.encode())
files = [pathlib.Path("pyproject.toml")] + sorted(
    p for top in ("bot", "scheduler", "storage") for p in pathlib.Path(top).rglob("*")
    if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
for path in files:
    digest.update(f"{path}\0".encode())
    digest.update(path.read_bytes())
print(digest.hexdigest())
PY
}

[ -x .venv/bin/python ] || python3 -m venv .venv
wanted="$(source_hash)"
installed="$(cat "$stamp" 2>/dev/null || true)"
if [ "$installed" != "$wanted" ] || [ ! -x .venv/bin/nhacviec ]; then
  [ -n "$installed" ] || .venv/bin/python -m pip install -q --upgrade pip
  if .venv/bin/python -m pip install -q .; then
    echo "$wanted" > "$stamp"
  elif [ -n "$installed" ] && [ -x .venv/bin/nhacviec ]; then
    echo "Không cài được bản mới của Nhắc việc (pip cần kết nối tới kho gói PyPI, PIP_INDEX_URL hoặc proxy);" \
         "bot chạy bản đã cài trước đó. Đồng chí kiểm tra kết nối mạng rồi chạy lại để cập nhật." >&2
  else
    echo "Không cài được Nhắc việc vào .venv (pip cần kết nối tới kho gói PyPI, PIP_INDEX_URL hoặc proxy)." \
         "Đồng chí kiểm tra kết nối mạng rồi chạy lại." >&2
    exit 1
  fi
fi
.venv/bin/nhacviec db upgrade
if [ -n "$directory_file" ]; then
  .venv/bin/nhacviec directory import --if-changed "$directory_file" ||
    echo "Bot vẫn khởi động với danh bạ đang lưu trong Nhắc việc; đồng chí sửa tệp danh bạ rồi chạy lại," \
         "hoặc gửi tệp cho bot." >&2
fi
exec .venv/bin/nhacviec run
