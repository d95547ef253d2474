#!/usr/bin/env bash
# Set up everything the tests need on a fresh machine, then run every test.
# Extra arguments go to pytest (e.g. `bash scripts/test.sh -k e2e`).
set -euo pipefail
cd "$(dirname "$0")/.."

# The storage and end-to-end tests start a throwaway PostgreSQL from the server binaries.
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing PostgreSQL server binaries (Debian package 'postgresql')…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL server binaries not found; the PostgreSQL tests will be skipped." >&2
  fi
fi

# Tesseract OCR with Vietnamese data reads scanned PDFs and photos of notices.
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx vie; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Tesseract OCR (Debian packages 'tesseract-ocr', 'tesseract-ocr-vie')…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null
  else
    echo "Tesseract not found; the OCR test will be skipped." >&2
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

.venv/bin/ruff check bot scheduler storage tests bench
.venv/bin/mypy bot scheduler storage
.venv/bin/python -m pytest "$@"
