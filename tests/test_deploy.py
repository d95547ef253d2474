"""The deployment files parse and name what docs/DEPLOY.md (the README's deployment section)
documents: services, commands, settings. CI does not run Docker; this is what it can check."""

from __future__ import annotations

import configparser
import fnmatch
import json
import re
import shlex
from typing import Any

import yaml

from bot.settings import ENV_NAMES
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "DEPLOY.md").read_text(encoding="utf-8")


def _compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    text = re.sub(r"\\\n", " ", "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")))
    return [(m.group(1).upper(), m.group(2).strip()) for m in re.finditer(r"^\s*(\w+)\s+(.*)$", text, re.M)]


def test_compose_runs_postgresql_16_with_a_healthcheck_and_the_bot_after_it() -> None:
    compose = _compose()
    services = compose["services"]
    assert set(services) == {"db", "migrate", "bot"}
    db = services["db"]
    assert db["image"] == "postgres:16"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert "pgdata:/var/lib/postgresql/data" in db["volumes"] and "pgdata" in compose["volumes"]
    assert db["restart"] == "unless-stopped"
    for name, command in (("migrate", ["db", "upgrade"]), ("bot", ["run"])):
        service = services[name]
        assert service["build"] == "." and service["command"] == command
        assert service["env_file"] == ".env"
        url = service["environment"]["DATABASE_URL"]
        assert url.startswith("postgresql://") and "@db:5432/" in url
        assert service["depends_on"]["db"] == {"condition": "service_healthy"}
    assert services["bot"]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
    assert services["bot"]["restart"] == "unless-stopped" and services["migrate"]["restart"] == "no"
    for name in ("`db`", "`migrate`", "`bot`", "`pgdata`", "`backups`", "docker compose up -d --build",
                 "`env_file: .env`", "`postgres:16`"):
        assert name in DOC, name


def test_the_dockerfile_is_slim_non_root_with_vietnamese_tesseract_and_the_nhacviec_entrypoint() -> None:
    steps = _dockerfile()
    base = next(args for op, args in steps if op == "FROM")
    assert re.fullmatch(r"python:3\.1\d-slim(-\w+)?", base)
    runs = " ".join(args for op, args in steps if op == "RUN")
    for package in ("tesseract-ocr", "tesseract-ocr-vie", "postgresql-client-16"):
        assert re.search(rf"apt-get install [^&]*\b{re.escape(package)}(\s|$)", runs), package
    assert "pip install ." in runs
    users = [args for op, args in steps if op == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert json.loads(next(args for op, args in steps if op == "ENTRYPOINT")) == ["nhacviec"]
    assert json.loads(next(args for op, args in steps if op == "CMD")) == ["run"]
    # the image builds from the repository alone: every COPY source exists and is not ignored
    ignored = [line.strip() for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith(("#", "!"))]
    for op, args in steps:
        if op == "COPY":
            *sources, _dest = shlex.split(args)
            for source in sources:
                assert (ROOT / source).exists(), source
                assert not any(fnmatch.fnmatch(source, pattern) for pattern in ignored), source
    for secret in (".env", ".venv", ".git", "*.db"):
        assert secret in ignored
    for fact in ("python:3.12-slim-bookworm", "`tesseract-ocr-vie`", "`postgresql-client-16`", "`nhacviec`"):
        assert fact in DOC, fact


def test_env_example_documents_every_setting_and_holds_no_secret() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    values = dict(line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#"))
    compose_vars = set(re.findall(r"\$\{(\w+)", (ROOT / "compose.yaml").read_text(encoding="utf-8")))
    for name in {*ENV_NAMES, *compose_vars, "NHACVIEC_WEBHOOK_URL", "NHACVIEC_WEBHOOK_SECRET"}:
        assert name in values, name
        assert f"`{name}`" in DOC, name
        lines = text.splitlines()
        index = lines.index(next(line for line in lines if line.startswith(f"{name}=")))
        block = []  # the lines above it, up to the previous blank line
        while index > 0 and lines[index - 1].strip():
            index -= 1
            block.append(lines[index])
        assert any(line.startswith("#") for line in block), f"{name} is not explained"
    for secret in ("TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN", "NHACVIEC_WEBHOOK_SECRET"):
        assert values[secret] == "", secret


def test_systemd_unit_upgrades_then_runs_as_an_unprivileged_user() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read(ROOT / "deploy" / "nhacviec.service", encoding="utf-8")
    service = unit["Service"]
    assert service["ExecStartPre"].endswith("nhacviec db upgrade")
    assert service["ExecStart"].endswith("nhacviec run")
    assert service["User"] not in ("", "root") and service["Restart"] == "on-failure"
    assert service["EnvironmentFile"] == "/etc/nhacviec/nhacviec.env"
    assert unit["Install"]["WantedBy"] == "multi-user.target"
    for command in ("deploy/nhacviec.service", "nhacviec doctor", "nhacviec backup", "nhacviec restore",
                    "--force", "nhacviec audit --since", "NHACVIEC_LOG_LEVEL"):
        assert command in DOC, command


def test_the_webhook_port_compose_publishes_is_the_one_the_bot_listens_on() -> None:
    from bot.settings import Settings

    default = Settings.model_fields["webhook_port"].default
    published = [line for line in (ROOT / "compose.yaml").read_text(encoding="utf-8").splitlines()
                 if "127.0.0.1:" in line]
    assert published, "compose.yaml shows how to publish the webhook port"
    for line in published:
        found = re.search(r'"127\.0\.0\.1:(\$\{[^}]*\}|\d+):(.+)"', line)
        assert found is not None, line
        assert found[1] == found[2] == f"${{NHACVIEC_WEBHOOK_PORT:-{default}}}", line
    assert f"127.0.0.1:{default}:{default}" in DOC


def test_the_systemd_units_documentation_is_installed_by_its_own_steps() -> None:
    text = (ROOT / "deploy" / "nhacviec.service").read_text(encoding="utf-8")
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read_string(text)
    steps = [line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#   ")]
    installed = {}
    for step in steps:
        words = shlex.split(step)
        if words[:1] == ["install"] and "-t" in words:
            target = words[words.index("-t") + 1]
            installed |= {f"{target}/{src.rsplit('/', 1)[1]}": src.removeprefix("/path/to/nhacviec/")
                          for src in words[words.index("-t") + 2:]}
    docs = unit["Unit"]["Documentation"].split()
    assert docs
    for uri in docs:
        assert uri.startswith("file://") and uri.removeprefix("file://") in installed, uri
        assert (ROOT / installed[uri.removeprefix("file://")]).is_file(), uri
