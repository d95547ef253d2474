"""The command line speaks Vietnamese like the bot, has --version, and describes every option."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from bot.cli import build_parser


def nhacviec(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, timeout=60)


def parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += parsers(sub)
    return found


def test_every_command_and_option_is_described() -> None:
    missing = []
    for parser in parsers(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                missing += [f"{parser.prog} {name}" for name, sub in action.choices.items()
                            if not any(c.dest == name and c.help for c in action._choices_actions)]
            elif not action.help:
                missing.append(f"{parser.prog} {'/'.join(action.option_strings) or action.dest}")
    assert missing == []


def test_version_and_vietnamese_help() -> None:
    out = nhacviec("--version")
    assert out.returncode == 0 and out.stdout.startswith("nhacviec ")
    help_text = nhacviec("--help").stdout
    assert "cách dùng:" in help_text and "tùy chọn:" in help_text and "in hướng dẫn này rồi thoát" in help_text
    assert "chạy bot" in help_text


@pytest.mark.parametrize(("args", "expected"), [
    (("report",), "thiếu tham số: --xlsx"),
    (("khongco",), "lựa chọn không hợp lệ"),
    (("parse", "x.txt", "--format", "xml"), "lựa chọn không hợp lệ"),
    (("calendar", "list", "--year", "hai"), "không phải số nguyên"),
])
def test_argument_errors_are_in_vietnamese(args: tuple[str, ...], expected: str) -> None:
    out = nhacviec(*args)
    assert out.returncode == 2 and "cách dùng:" in out.stderr and expected in out.stderr
