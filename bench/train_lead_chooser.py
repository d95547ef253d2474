"""Train and judge the learned lead chooser (bot/ingest/leadchooser.py), leave-one-batch-out.

    cd <worktree> && .venv/bin/python bench/train_lead_chooser.py [--write] [--enable] | tee bench/lead_chooser_lobo.txt

1. Every labelled document of ../shared/corpus/dev and tests/corpus/batch-* (never batch-zr: a blind set) is parsed
   in-process with the chooser off (what the rules print). Each task is matched to the gold tasks with the scorer's
   own matching (score_extraction.match_tasks); for a matched task every candidate lead (leadchooser.candidates) is
   labelled right or wrong with the scorer's own units_match against the gold lead.
2. The model is a linear score per candidate, trained as a softmax over each task's candidates (conditional logit,
   AdaGrad, L2), pure Python. Tasks where no candidate is right teach nothing and are left out of training.
3. Leave-one-batch-out: for each batch X a model is trained on the other batches; its margin (how far a candidate must
   score above the rule's choice to replace it) is chosen by an inner 4-fold-by-batch cross-validation over those
   batches only (never on X). Then X's lead accuracy with the rules and with the model (argmax with the margin) is
   printed. dev-files (the dev documents as .pdf/.docx) are scored with the model that left dev out.
   --augment FILE [--augment-commit C] adds training rows from an older parser's reading of the same documents
   (tried with cefb47ac, batch-u's first look: no better, see the end of bench/lead_chooser_lobo.txt).
4. The final model is trained on every batch, the margin from the same inner cross-validation; --write writes
   bot/ingest/lead_model.json (enabled only with --enable).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import pickle
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ["NHACVIEC_LEAD_MODEL"] = "0"  # the rules' leads

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
SCORER_PATH = SHARED / "tools" / "score_extraction.py"
BLIND = ("batch-zr",)  # being labelled as a blind test of this model: never read here
FIRST_LOOKS = ("u", "v", "w", "x", "y", "z", *[f"z{c}" for c in "abcdefghijklmnopq"])
SUFFIXES = (".txt", ".docx", ".pdf")

from bot.ingest import parse_notice, read_document  # noqa: E402
from bot.ingest.leadchooser import Candidate, candidates, choose, score  # noqa: E402,F401

_spec = importlib.util.spec_from_file_location("score_extraction", SCORER_PATH)
assert _spec and _spec.loader
scorer: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorer)

Task = tuple[list[Candidate], list[bool]]  # a matched task's candidates and which are right
NOTICES: dict[str, Any] = {}  # parsed notices by document (--cache keeps them between development runs)


def groups() -> dict[str, Path]:
    out = {"dev": SHARED / "corpus" / "dev", "dev-files": SHARED / "corpus" / "dev-files"}
    for folder in sorted((ROOT / "tests" / "corpus").glob("batch-*")):
        if folder.name in BLIND or not (folder / "gold").is_dir():
            continue
        out[folder.name.removeprefix("batch-")] = folder
    return out


def load(folder: Path) -> list[Task]:
    tasks: list[Task] = []
    for gold_path in sorted((folder / "gold").glob("*.json")):
        doc = next((folder / f"{gold_path.stem}{s}" for s in SUFFIXES if (folder / f"{gold_path.stem}{s}").exists()),
                   None)
        if doc is None:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if str(doc) not in NOTICES:
            NOTICES[str(doc)] = parse_notice(read_document(doc.read_bytes(), doc.name))
        notice = NOTICES[str(doc)]
        preds = [t.to_json() for t in notice.tasks]
        pairs, _, _ = scorer.match_tasks(gold["tasks"], preds)
        index = {id(p): i for i, p in enumerate(preds)}
        for g, p in pairs:
            i = index[id(p)]
            cands = candidates(notice.tasks[i], i, notice.tasks, notice)
            tasks.append((cands, [bool(scorer.units_match(g.get("lead", []), list(c.units))) for c in cands]))
    return tasks


# an older parser's reading of every labelled document, run in a `git archive` of that commit (--augment-commit)
_DUMP = """
import dataclasses, json, sys, os
from pathlib import Path
from bot.ingest import parse_notice, read_document
root = Path(sys.argv[1]); out = {}
folders = {"dev": root.parent / "shared/corpus/dev"}
for b in sorted(root.glob("tests/corpus/batch-*")):
    if b.name != "batch-zr" and (b / "gold").is_dir():
        folders[b.name[6:]] = b
for g, folder in folders.items():
    for gp in sorted((folder / "gold").glob("*.json")):
        doc = next((folder / f"{gp.stem}{s}" for s in (".txt", ".docx", ".pdf")
                    if (folder / f"{gp.stem}{s}").exists()), None)
        if doc is None: continue
        try:
            n = parse_notice(read_document(doc.read_bytes(), doc.name))
        except Exception as e:
            print("fail", doc, e, file=sys.stderr); continue
        tasks = [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in dataclasses.asdict(t).items()}
                 for t in n.tasks]
        out[str(doc)] = {"group": g, "kind": n.kind, "issuer": n.issuer, "addressees": list(n.addressees),
                         "tasks": tasks}
    print(g, len(out), file=sys.stderr, flush=True)
json.dump(out, open(sys.argv[2], "w"), ensure_ascii=False)
"""


def dump_old(commit: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "bot", "storage"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        subprocess.run([sys.executable, "-c", _DUMP, str(ROOT), str(out)], cwd=tmp, check=True,
                       env={**os.environ, "PYTHONPATH": tmp})


AUGMENT: dict[str, list[Task]] = {}  # --augment: rows from an older parser's reading, by batch (training only)


def load_augment(path: Path) -> None:
    """Rows from an older parser's reading of the same documents (a JSON dump: per document its kind, issuer,
    addressees and tasks): its leads are wrong more often, as on a batch nobody has read; training rows only."""
    import datetime as dt

    from storage.parsed import ParsedNotice, ParsedTask

    for doc, got in json.loads(path.read_text(encoding="utf-8")).items():
        folder, stem = Path(doc).parent, Path(doc).stem
        gold = json.loads((folder / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
        tasks = []
        for t in got["tasks"]:
            t["due"] = dt.date.fromisoformat(t["due"]) if t.get("due") else None
            t["lead"], t["support"] = tuple(t.get("lead") or ()), tuple(t.get("support") or ())
            t["leaders"] = tuple(t.get("leaders") or ())
            tasks.append(ParsedTask(**{k: v for k, v in t.items() if k in ParsedTask.__dataclass_fields__}))
        notice = ParsedNotice(kind=got["kind"], issuer=got["issuer"], addressees=tuple(got["addressees"]),
                              tasks=tuple(tasks))
        preds = [t.to_json() for t in notice.tasks]
        pairs, _, _ = scorer.match_tasks(gold["tasks"], preds)
        index = {id(p): i for i, p in enumerate(preds)}
        rows = AUGMENT.setdefault(got["group"], [])
        for g, p in pairs:
            i = index[id(p)]
            cands = candidates(notice.tasks[i], i, notice.tasks, notice)
            rows.append((cands, [bool(scorer.units_match(g.get("lead", []), list(c.units))) for c in cands]))


def rows_of(by: dict[str, list[Task]], names: list[str]) -> list[Task]:
    return [t for n in names for t in by[n] + AUGMENT.get(n, [])]


def train(data: list[Task], *, epochs: int = 8, rate: float = 0.3, l2: float = 1e-2, seed: int = 7
          ) -> dict[str, float]:
    rows = [(c, y) for c, y in data if any(y) and len(c) > 1]
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(rows)
        for cands, labels in rows:
            scores = [sum(w.get(k, 0.0) * v for k, v in c.feats.items()) for c in cands]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            z = sum(exps)
            right = sum(e for e, y in zip(exps, labels, strict=True) if y)
            grad: dict[str, float] = {}
            for c, e, y in zip(cands, exps, labels, strict=True):
                # d(-log sum_right p)/ds_c = p_c - [y] p_c / p_right
                coef = e / z - (e / right if y else 0.0)
                if coef:
                    for k, v in c.feats.items():
                        grad[k] = grad.get(k, 0.0) + coef * v
            for k, gk in grad.items():
                gk += l2 * w.get(k, 0.0)
                g2[k] = g2.get(k, 0.0) + gk * gk
                w[k] = w.get(k, 0.0) - rate * gk / math.sqrt(g2[k] + 1e-8)
    return {k: round(v, 5) for k, v in w.items() if abs(v) > 1e-6}


def gains(data: list[Task], w: dict[str, float]) -> list[tuple[float, int]]:
    """For each task where the model's best is not the rule's choice: (how far above the rule's score, +1/-1/0)."""
    out = []
    for cands, labels in data:
        rule = next(i for i, c in enumerate(cands) if c.rule)
        best = choose(cands, w, -1e9)
        b = cands.index(best)
        if b != rule:
            s = sum(w.get(k, 0.0) * v for k, v in best.feats.items()) - \
                sum(w.get(k, 0.0) * v for k, v in cands[rule].feats.items())
            out.append((s, int(labels[b]) - int(labels[rule])))
    return out


def pick_margin(diffs: list[tuple[float, int]]) -> float:
    """The margin with the largest net gain (right leads won minus lost) over out-of-fold tasks; a tie goes to the
    larger margin (fewer changes). No gain: a margin above every difference (the model changes nothing)."""
    best_gain, best_margin = 0, max((d for d, _ in diffs), default=0.0) + 1.0
    for d, _ in sorted(diffs, reverse=True):
        gain = sum(g for e, g in diffs if e > d - 1e-9)
        if gain > best_gain:
            best_gain, best_margin = gain, d - 1e-6
    return best_margin


def inner_margin(by: dict[str, list[Task]], names: list[str], folds: int = 4) -> float:
    diffs: list[tuple[float, int]] = []
    for k in range(folds):
        held = names[k::folds]
        w = train(rows_of(by, [n for n in names if n not in held]))
        diffs += gains([t for n in held for t in by[n]], w)
    return pick_margin(diffs)


def accuracy(data: list[Task], w: dict[str, float] | None, margin: float) -> tuple[int, int]:
    right = 0
    for cands, labels in data:
        chosen = next(c for c in cands if c.rule) if w is None else choose(cands, w, margin)
        right += labels[cands.index(chosen)]
    return right, len(data)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--enable", action="store_true")
    ap.add_argument("--skip-lobo", action="store_true")
    ap.add_argument("--augment", type=Path, help="an older parser's dump of the same documents (training rows)")
    ap.add_argument("--augment-commit", help="dump that commit's parser's reading first (to --augment's path)")
    ap.add_argument("--cache", type=Path, help="a pickle of the parsed notices (development runs only)")
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        NOTICES.update(pickle.loads(args.cache.read_bytes()))
    by = {name: load(folder) for name, folder in groups().items()}
    if args.augment and args.augment_commit:
        dump_old(args.augment_commit, args.augment)
    if args.augment:
        load_augment(args.augment)
        print(f"augmented with {sum(len(v) for v in AUGMENT.values())} rows of {args.augment.name}")
    if args.cache:
        args.cache.write_bytes(pickle.dumps(NOTICES))
    names = [n for n in by if n != "dev-files"]
    oracle = sum(any(y) for n in names for _, y in by[n])
    total = sum(len(by[n]) for n in names)
    print(f"matched tasks {total}; some candidate right {oracle} ({oracle / total:.3f}); rules right "
          f"{sum(accuracy(by[n], None, 0)[0] for n in names)}")
    if not args.skip_lobo:
        print(f"{'batch':10} {'tasks':>5} {'rules':>6} {'model':>6}  changed  margin")
        pooled = {"all": [0, 0, 0], "first": [0, 0, 0]}
        dev_w: dict[str, float] = {}
        dev_margin = 0.0
        for x in names:
            rest = [n for n in names if n != x]
            w = train(rows_of(by, rest))
            margin = inner_margin(by, rest)
            r, n = accuracy(by[x], None, 0)
            m, _ = accuracy(by[x], w, margin)
            changed = sum(1 for c, _ in by[x] if not choose(c, w, margin).rule)
            print(f"{x:10} {n:5d} {r / max(n, 1):6.3f} {m / max(n, 1):6.3f}  {changed:7d}  {margin:6.2f}", flush=True)
            for key in ("all", "first") if x in FIRST_LOOKS else ("all",):
                pooled[key][0] += n
                pooled[key][1] += r
                pooled[key][2] += m
            if x == "dev":
                dev_w, dev_margin = w, margin
        r, n = accuracy(by["dev-files"], None, 0)
        m, _ = accuracy(by["dev-files"], dev_w, dev_margin)
        print(f"{'dev-files':10} {n:5d} {r / max(n, 1):6.3f} {m / max(n, 1):6.3f}  (model that left dev out)")
        for key, (n, r, m) in pooled.items():
            label = "pooled, every batch and dev" if key == "all" else "pooled, first-look batches u..zq"
            print(f"{label}: {n} tasks, rules {r / n:.4f} ({r}), model {m / n:.4f} ({m})")
    w = train(rows_of(by, names))
    margin = inner_margin(by, names)
    for x in ("dev", "dev-files"):
        r, n = accuracy(by[x], None, 0)
        m, _ = accuracy(by[x], w, margin)
        print(f"final model on {x} (trained on it{' as dev' if x == 'dev-files' else ''}): rules {r / n:.4f}, "
              f"model {m / n:.4f}")
    print(f"final margin {margin:.3f}, {len(w)} weights")
    if args.write:
        path = ROOT / "bot" / "ingest" / "lead_model.json"
        weights = json.dumps(dict(sorted(w.items())), ensure_ascii=False, indent=2).replace("\n", "\n ")
        path.write_text(f'{{\n "enabled": {json.dumps(bool(args.enable))},\n "margin": {round(margin, 5)},\n'
                        f' "trained_on": {json.dumps(names)},\n "weights": {weights}\n}}\n', encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
