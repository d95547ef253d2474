"""Dependencies point one way (bot → scheduler → storage), and only the channel
adapters know a chat library: checked on the source, so a stray import fails here."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
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


def _requirement_name(spec: str) -> str:
    return re.split(r"[\[<>=!~; ]", spec, maxsplit=1)[0].lower().replace("_", "-")


def _installed_with(specs: list[str]) -> set[str]:
    """The distributions these requirements bring, with the extras they ask for ("python-telegram-bot[job-queue]"
    brings APScheduler)."""
    seen: set[str] = set()
    todo = list(specs)
    while todo:
        spec = todo.pop()
        name = _requirement_name(spec)
        extras = set(re.findall(r"[\w-]+", m.group(1))) if (m := re.search(r"\[([^\]]*)\]", spec)) else set()
        if name in seen and not extras:
            continue
        seen.add(name)
        try:
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue  # only for other Pythons ("exceptiongroup; python_version < '3.11'")
        for req in requires:
            wanted = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", req)
            if wanted is None or wanted.group(1) in extras:
                todo.append(req.split(";")[0])
    return seen


def test_every_library_the_shipped_code_imports_is_a_runtime_dependency() -> None:
    """`pip install .` (the Dockerfile, systemd, the README's run command) must bring every library the bot, the
    scheduler and storage import — webhook mode's uvicorn was once only in the test extra, and the quick start
    crashed on a fresh machine."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _installed_with(project["dependencies"])
    owners = importlib.metadata.packages_distributions()
    own = {"bot", "scheduler", "storage"}
    missing: dict[str, list[str]] = {}
    for path in modules("bot", "scheduler", "storage"):
        for name in imports(path):
            top = name.split(".")[0]
            if top in own or top in sys.stdlib_module_names or top == "__future__":
                continue
            dists = {d.lower().replace("_", "-") for d in owners.get(top, [top])}
            if not dists & declared:
                missing.setdefault(top, []).append(str(path.relative_to(ROOT)))
    assert missing == {}


def test_no_merge_conflict_markers_are_left_in_the_tree() -> None:
    """A merge once committed the README with its conflict markers; nothing else would have noticed."""
    marks = tuple(c * 7 + " " for c in "<>") + ("=" * 7 + "\n",)
    found = []
    texts = [ROOT / "README.md", *ROOT.glob("docs/*.md"), *modules("bot", "scheduler", "storage", "tests", "bench")]
    for path in texts:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(keepends=True), start=1):
            if line.startswith(marks):
                found.append(f"{path.relative_to(ROOT)}:{n}")
    assert found == []
