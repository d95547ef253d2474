#!/usr/bin/env bash
# Set up and run the bot on a fresh machine: virtualenv, dependencies, database
# migrations (SQLite ./nhacviec.db unless DATABASE_URL says otherwise), then long polling.
# TELEGRAM_BOT_TOKEN comes from the environment or a .env file.
set -euo pipefail
# a directory file named relative to where the command was typed, before moving to the project folder
directory_file="${NHACVIEC_DIRECTORY:+$(realpath -m "$NHACVIEC_DIRECTORY")}"
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q .
if [ -n "$directory_file" ]; then
  .venv/bin/nhacviec directory import "$directory_file"
fi
.venv/bin/nhacviec db upgrade
exec .venv/bin/nhacviec run
