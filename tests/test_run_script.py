"""`scripts/run.sh` run as an admin runs it, in a copy of the project whose `.venv` stands for a real one: its
`python` is this interpreter, except `python -m pip`, which logs the call and installs the `nhacviec` entry point
(running this checkout's CLI) — or fails as pip fails without a package index (PIP_OFFLINE=1)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import DIRECTORY_CSV

ROOT = Path(__file__).resolve().parent.parent
NO_TOKEN = "Chưa có TELEGRAM_BOT_TOKEN hoặc ZALO_BOT_TOKEN"  # what `nhacviec run` says first without a token


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "nhacviec"
    (project / "scripts").mkdir(parents=True)
    shutil.copy2(ROOT / "scripts" / "run.sh", project / "scripts" / "run.sh")
    shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
    for top in ("bot", "scheduler", "storage"):
        shutil.copytree(ROOT / top, project / top, ignore=shutil.ignore_patterns("__pycache__"))
    venv = project / ".venv" / "bin"
    venv.mkdir(parents=True)
    entry = f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m bot.cli "$@"\n'
    (venv / "python").write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then\n'
        '  echo "$*" >> "$PIP_LOG"\n'
        '  if [ -n "${PIP_OFFLINE:-}" ]; then\n'
        '    echo "ERROR: No matching distribution found for setuptools>=77" >&2; exit 1\n'
        "  fi\n"
        f"  cat > .venv/bin/nhacviec <<'ENTRY'\n{entry}ENTRY\n"
        "  chmod +x .venv/bin/nhacviec; exit 0\n"
        "fi\n"
        f'exec "{sys.executable}" "$@"\n', encoding="utf-8")
    (venv / "python").chmod(0o755)
    return project


def _run(project: Path, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN", "NHACVIEC_DIRECTORY", "PIP_OFFLINE")}
    return subprocess.run(["bash", str(project / "scripts" / "run.sh")], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300,
                          env={**base, "DATABASE_URL": f"sqlite:///{tmp_path}/run.db",
                               "PIP_LOG": str(tmp_path / "pip.log"), **env})


def _pip_calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "pip.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_a_restart_needs_no_package_index_and_a_changed_project_is_installed_again(tmp_path: Path) -> None:
    project = _project(tmp_path)
    first = _run(project, tmp_path)
    assert _pip_calls(tmp_path) == ["-m pip install -q --upgrade pip", "-m pip install -q ."]
    assert first.returncode == 2 and NO_TOKEN in first.stdout, first.stdout + first.stderr

    again = _run(project, tmp_path, PIP_OFFLINE="1")  # a restart after a power cut, no network
    assert len(_pip_calls(tmp_path)) == 2, "nothing installed again"
    assert again.returncode == 2 and NO_TOKEN in again.stdout, again.stdout + again.stderr

    with (project / "storage" / "__init__.py").open("a", encoding="utf-8") as f:
        f.write("# a pulled change\n")
    offline = _run(project, tmp_path, PIP_OFFLINE="1")  # changed, but the index cannot be reached
    assert _pip_calls(tmp_path)[2:] == ["-m pip install -q ."]
    assert "Không cài được bản mới của Nhắc việc" in offline.stderr and "bot chạy bản đã cài trước đó" in \
        offline.stderr
    assert offline.returncode == 2 and NO_TOKEN in offline.stdout
    online = _run(project, tmp_path)
    assert _pip_calls(tmp_path)[3:] == ["-m pip install -q ."] and online.returncode == 2
    assert len(_pip_calls(tmp_path)) == 4 and _run(project, tmp_path, PIP_OFFLINE="1").returncode == 2

    (project / ".venv" / "bin" / "nhacviec").unlink()  # an incomplete venv, no index: says so, in Vietnamese
    broken = _run(project, tmp_path, PIP_OFFLINE="1")
    assert broken.returncode == 1 and NO_TOKEN not in broken.stdout
    assert broken.stderr.rstrip().endswith("Đồng chí kiểm tra kết nối mạng rồi chạy lại.")


def test_the_directory_named_at_start_is_imported_once_and_never_stops_the_bot(tmp_path: Path) -> None:
    project = _project(tmp_path)
    people = tmp_path / "danhba.csv"
    shutil.copy2(DIRECTORY_CSV, people)
    first = _run(project, tmp_path, NHACVIEC_DIRECTORY="danhba.csv")
    assert "Đã nhập danh bạ: 4 đơn vị mới, 5 cán bộ mới" in first.stdout and NO_TOKEN in first.stdout

    # the chat (here the same import from the command line) gives Ban Dân vận a new head, the old head moves
    lines = people.read_text(encoding="utf-8").splitlines()
    newer = [line.replace(",head", ",cadre") if line.startswith("head_bdv,") else line for line in lines]
    newer.append("head_bdv2,Ngô Văn Mới,Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,head")
    (tmp_path / "moi.csv").write_text("\n".join(newer) + "\n", encoding="utf-8")
    imported = subprocess.run([sys.executable, "-m", "bot.cli", "directory", "import", str(tmp_path / "moi.csv")],
                              capture_output=True, text=True, cwd=ROOT, timeout=120,
                              env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/run.db"})
    assert imported.returncode == 0, imported.stderr

    restart = _run(project, tmp_path, NHACVIEC_DIRECTORY="danhba.csv")  # the old file, unchanged: not again
    assert "đã được nhập lúc" in restart.stdout and "Đã nhập danh bạ" not in restart.stdout
    assert restart.returncode == 2 and NO_TOKEN in restart.stdout, restart.stdout + restart.stderr

    people.write_text("\n".join([*lines, "cv_moi,Lê Thị Mới,Chuyên viên,Ban Dân vận Tỉnh ủy,cadre"]) + "\n",
                      encoding="utf-8")  # edited, but still with the former head: refused, the bot starts anyway
    refused = _run(project, tmp_path, NHACVIEC_DIRECTORY="danhba.csv")
    assert "Tệp danh bạ có lỗi, chưa nhập gì" in refused.stderr and "Ngô Văn Mới" in refused.stderr
    assert "Bot vẫn khởi động với danh bạ đang lưu trong Nhắc việc" in refused.stderr
    assert refused.returncode == 2 and NO_TOKEN in refused.stdout, refused.stdout + refused.stderr
