"""`nhacviec date`: a typed date in, ISO 8601 out, or a Vietnamese one-liner."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

from bot.cli import main

NOW = "2025-12-17T10:00+07:00"


def test_date_as_a_user_runs_it() -> None:
    out = subprocess.run([sys.executable, "-m", "bot.cli", "date", "thứ 6 tuần sau", "--now", NOW],
                         capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "2025-12-26T08:00:00+07:00\n"
    out = subprocess.run([sys.executable, "-m", "bot.cli", "date", "25h", "--now", NOW],
                         capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120)
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.startswith("Giờ “25h” không có thật.") and out.stderr.count("\n") == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("3h chiều mai", "2025-12-18T15:00:00+07:00"),
    ("cuối tháng", "2025-12-31T08:00:00+07:00"),
    ("trước Tết", "2026-02-13T08:00:00+07:00"),
])
def test_date_prints_iso(text: str, expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["date", text, "--now", NOW]) == 0
    assert capsys.readouterr().out.strip() == expected


def test_date_refuses_in_one_vietnamese_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["date", "31/2", "--now", NOW]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("Ngày “31/2” không có trong lịch.") and captured.err.count("\n") == 1


def test_date_with_a_bad_now(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["date", "mai", "--now", "hôm qua"]) == 1
    assert "--now “hôm qua”" in capsys.readouterr().err


def test_date_now_defaults_to_the_current_time_in_vietnam(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["date", "30/4/2030"]) == 0
    printed = dt.datetime.fromisoformat(capsys.readouterr().out.strip())
    assert printed == dt.datetime.fromisoformat("2030-04-30T08:00+07:00")
    assert printed.utcoffset() == dt.timedelta(hours=7)
