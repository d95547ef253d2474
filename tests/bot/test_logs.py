"""No secret in any log line at any level; NHACVIEC_LOG_LEVEL works."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.bot.live_sandbox import live_sandbox

TOKEN = "987654:AAH-secret_Token-value"
ZALO = "zalo-secret-0123456789"


def _python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_nhacviec_run_at_debug_never_prints_the_token_when_the_bot_api_answers_401_or_404(tmp_path: Path) -> None:
    with live_sandbox() as sandbox:
        runs = {
            401: ("999:WRONG-TOKEN-not-the-sandbox-one", sandbox.base_url),  # unknown token
            404: (sandbox.state.token, f"http://127.0.0.1:{sandbox.port}/wrong/bot"),  # valid token, wrong base URL
        }
        for code, (token, base_url) in runs.items():
            env = {**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_BASE_URL": base_url,
                   "DATABASE_URL": f"sqlite:///{tmp_path}/run{code}.db", "NHACVIEC_LOG_LEVEL": "DEBUG",
                   "ZALO_BOT_TOKEN": ZALO}
            out = subprocess.run([sys.executable, "-m", "bot.cli", "run"], env=env, cwd=tmp_path,
                                 capture_output=True, text=True, timeout=120)
            output = out.stdout + out.stderr
            assert out.returncode == 1, output
            assert " DEBUG telegram" in output, "NHACVIEC_LOG_LEVEL=DEBUG must show python-telegram-bot's debug lines"
            assert "Telegram từ chối TELEGRAM_BOT_TOKEN" in output
            # python-telegram-bot puts the token in its URL lines and in InvalidToken: they are there, masked
            assert "/bot***" in output and "The token `***` was rejected" in output
            assert token not in output and token.replace(":", "%3A") not in output
            assert ZALO not in output


def test_every_record_is_redacted_whatever_its_logger_handler_args_or_traceback() -> None:
    out = _python(f"""
        import logging, sys, warnings
        from bot.logs import configure_logging
        configure_logging("DEBUG", ["{TOKEN}", "{ZALO}", ""])
        logging.getLogger("httpx").debug("HTTP Request: POST %s", "https://api.telegram.org/bot{TOKEN}/getMe")
        logging.getLogger("httpcore.http11").debug("url=%r", b"/bot{TOKEN.replace(':', '%3A')}/getUpdates")
        logging.getLogger("apscheduler.scheduler").info("job %(name)s", {{"name": "{ZALO}"}})
        own = logging.getLogger("uvicorn.error")  # a library that brings its own handler, added later
        own.propagate = False
        own.addHandler(logging.StreamHandler(sys.stdout))
        own.warning("token in a late handler: {TOKEN}")
        try:
            raise RuntimeError("The token `{TOKEN}` was rejected by the server.")
        except RuntimeError:
            logging.getLogger("telegram.ext.Application").exception("error while %s", "polling")
        logging.getLogger("telegram").debug("stack", stack_info=True)
        warnings.warn("warned about {TOKEN}")
        raise SystemExit(f"{{1 + 1}}")
    """)
    output = out.stdout + out.stderr
    assert TOKEN not in output and TOKEN.replace(":", "%3A") not in output and ZALO not in output
    assert output.count("***") >= 6
    assert "DEBUG httpx: HTTP Request: POST https://api.telegram.org/bot***/getMe" in output
    assert "token in a late handler: ***" in output
    assert "ERROR telegram.ext.Application: error while polling" in output
    assert "RuntimeError: The token `***` was rejected by the server." in output
    assert "INFO apscheduler.scheduler: job ***" in output


def test_the_log_level_setting() -> None:
    code = """
        import logging
        from bot.cli import _settings
        import argparse
        _settings(argparse.Namespace(verbose=False), default_level="INFO")
        logging.getLogger("nhacviec").debug("debug-line")
        logging.getLogger("nhacviec").info("info-line")
        logging.getLogger("nhacviec").warning("warning-line")
    """
    default = _python(code, {"NHACVIEC_LOG_LEVEL": "", "TELEGRAM_BOT_TOKEN": ""})
    assert "info-line" in default.stderr and "debug-line" not in default.stderr
    debug = _python(code, {"NHACVIEC_LOG_LEVEL": "debug", "TELEGRAM_BOT_TOKEN": ""})
    assert "debug-line" in debug.stderr
    quiet = _python(code, {"NHACVIEC_LOG_LEVEL": "WARNING", "TELEGRAM_BOT_TOKEN": ""})
    assert "info-line" not in quiet.stderr and "warning-line" in quiet.stderr
    bad = subprocess.run([sys.executable, "-m", "bot.cli", "run"], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "NHACVIEC_LOG_LEVEL": "LOUD", "TELEGRAM_BOT_TOKEN": TOKEN})
    assert bad.returncode == 1
    assert bad.stderr.strip().splitlines()[-1] == ("NHACVIEC_LOG_LEVEL phải là một trong DEBUG, INFO, WARNING, ERROR, "
                                                   "CRITICAL (đang là “LOUD”).")
