"""Dependencies point one way (bot → scheduler → storage), and only the channel
adapters know a chat library: checked on the source, so a stray import fails here."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(*folders: str) -> list[Path]:
    return [p for folder in folders for p in sorted((ROOT / folder).rglob("*.py"))]


def test_storage_never_imports_the_scheduler_or_the_bot() -> None:
    bad = {str(p.relative_to(ROOT)): sorted(m for m in imports(p) if m.split(".")[0] in ("bot", "scheduler"))
           for p in modules("storage")}
    assert {k: v for k, v in bad.items() if v} == {}


def test_the_scheduler_never_imports_the_bot() -> None:
    bad = {str(p.relative_to(ROOT)): sorted(m for m in imports(p) if m.split(".")[0] == "bot")
           for p in modules("scheduler")}
    assert {k: v for k, v in bad.items() if v} == {}


def test_the_conversation_core_knows_no_chat_library() -> None:
    core = modules("bot/conversation") + [ROOT / "bot" / name for name in ("context.py", "texts.py", "replies.py")]
    assert len(core) > 6
    bad = {str(p.relative_to(ROOT)): sorted(m for m in imports(p)
                                            if m.split(".")[0] == "telegram" or m.startswith("bot.channels"))
           for p in core}
    assert {k: v for k, v in bad.items() if v} == {}


def test_only_adapters_app_and_sandboxes_import_telegram() -> None:
    allowed = ("bot/channels/", "bot/app.py", "bot/sandbox/")
    users = [str(p.relative_to(ROOT)) for p in modules("bot", "scheduler", "storage")
             if any(m.split(".")[0] == "telegram" for m in imports(p))]
    assert users and all(u.startswith(allowed) for u in users), users
