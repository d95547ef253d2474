"""How well the bot understands status replies typed by people it has never seen: scores a labelled set
(tests/replies/heldout-*.jsonl, written blind) with the project's own functions, the way the chat applies them
(`bot.conversation.status.typed_status` → `_typed_for_ref` → `_apply_text`):

- item numbers: `split_refs`, else `find_refs` (item numbers said later; the first look ran on code that had
  only `find_ref`, one item said later, as `typed_status` then read it), else `letter_refs` (kept only when the
  person holds tasks so lettered — here: the items the label names, as the chat checks the person's tasks);
- a message over `MAX_TYPED` characters is not a typed status;
- without an item number the text must read as a status (`parse_status_text` without `current_due`, as the chat
  asks first) or a snooze / extension ask, else the chat lets it through (scored as "none");
- each part's words go through `_apply_text`'s steps: a snooze, an impossible share (nothing stored: "none"),
  `parse_status_text` with today, now (09:00 that day), the task's current due date and the working calendar,
  a question that asks for no extension ("none"), "xin gia hạn" with no date (a request without a date), and a
  status of None (a plain note, "note").

Not modelled: the database (which tasks a person holds, reopening a finished task, a supporting unit's «phối hợp
2.3: …», a leader's question "1?"), nor a reply to a reminder (`reply_status`, which reads one item number with
`split_ref` and otherwise applies the text to the replied task — the same `_apply_text`).

Scoring, per message (a field is right when it is right for every item the label names; an item the chat did not
name takes the one part it read, when it read one): items (the set of item numbers, compared by `ref_key`), status,
percent (a done task is at 100 %: a done label's null equals 100; a not-started label's null equals 0),
requested_due, and exact (all four). Labels marked "uncertain" (a date the clerk could not be sure of, such as
"trước Tết") are scored and also left out of the `exact_certain` figure.

    .venv/bin/python bench/bench_replies.py [--set tests/replies/heldout-1.jsonl] [--verbose]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from bot.conversation.status import ASKS_EXTENSION, MAX_TYPED, QUESTION, snooze_when
from bot.replies import chat_fold, find_refs, impossible_percent, letter_refs, parse_status_text, split_refs
from scheduler.calendar import VN_TZ, WorkingCalendar
from storage.itemref import ref_key
from storage.models import TaskStatus

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SET = ROOT / "tests" / "replies" / "heldout-1.jsonl"
CALENDAR = WorkingCalendar()


@dataclass(frozen=True)
class Read:
    """What the chat made of one part of a message."""
    items: tuple[str, ...]
    status: str
    percent: int | None = None
    requested_due: str | None = None


def _now(today: dt.date) -> dt.datetime:
    return dt.datetime.combine(today, dt.time(9, 0), tzinfo=VN_TZ)


def apply_text(text: str, today: dt.date, current_due: dt.date | None) -> tuple[str, int | None, str | None]:
    """`_apply_text` for a task that is not finished: (status, percent, requested due)."""
    folded = chat_fold(text)
    if snooze_when(folded) is not None:
        return "snooze", None, None
    if impossible_percent(text) is not None:
        return "none", None, None
    change = parse_status_text(text, today=today, now=_now(today), current_due=current_due, calendar=CALENDAR)
    asks_more_time = ASKS_EXTENSION.search(folded) is not None or (
        change is not None and change.status == TaskStatus.EXTENSION_REQUESTED)
    if QUESTION.search(folded) and not asks_more_time:
        return "none", None, None
    if change is None:
        return "none", None, None
    status = change.status
    if status is None and ASKS_EXTENSION.search(folded):
        status = TaskStatus.EXTENSION_REQUESTED
    due = change.requested_due_on.isoformat() if change.requested_due_on and \
        status == TaskStatus.EXTENSION_REQUESTED else None
    return (str(status) if status is not None else "note"), change.percent, due


def understand(text: str, today: dt.date, current_due: dt.date | None, held: set[str]) -> list[Read]:
    """`typed_status` without the database: `held` are the item numbers the person holds (for letters alone)."""
    if len(text) > MAX_TYPED:
        return [Read((), "none")]
    parts = split_refs(text)
    if parts is None:
        parts = find_refs(text)
    if parts is None and (lettered := letter_refs(text)) is not None and \
            all(ref_key(r) in held for refs, _ in lettered for r in refs):
        parts = lettered
    if parts is None:
        folded = chat_fold(text)
        change = parse_status_text(text, today=today, now=_now(today), calendar=CALENDAR)
        is_snooze = snooze_when(folded) is not None or ASKS_EXTENSION.search(folded) is not None
        if not is_snooze and (change is None or change.status is None):
            return [Read((), "none")]
        return [Read((), *apply_text(text, today, current_due))]
    out = []
    for refs, rest in parts:
        folded_rest = chat_fold(rest)
        gate = parse_status_text(rest, today=today, now=_now(today), calendar=CALENDAR)
        if snooze_when(folded_rest) is None and ASKS_EXTENSION.search(folded_rest) is None and gate is None:
            out.append(Read(tuple(refs), "none"))  # `_typed_for_ref` lets it through
            continue
        out.append(Read(tuple(refs), *apply_text(rest, today, current_due)))
    return out


def _same_percent(status: str, gold: int | None, got: int | None) -> bool:
    if status == "done":
        return (gold or 100) == (got or 100)
    if status == "open":
        return (gold or 0) == (got or 0)
    return gold == got


def score(case: dict, reads: list[Read]) -> dict[str, bool]:
    gold_items = {ref_key(i) for p in case["parts"] for i in p["items"]}
    got_items = {ref_key(i) for r in reads for i in r.items}
    by_item = {ref_key(i): r for r in reads for i in r.items}
    unnamed = [r for r in reads if not r.items]
    ok = {"items": gold_items == got_items, "status": True, "percent": True, "due": True}
    for part in case["parts"]:
        for key in [ref_key(i) for i in part["items"]] or [""]:
            got = by_item.get(key) if key else (unnamed[0] if unnamed else None)
            if got is None and len(reads) == 1:
                got = reads[0]
            if got is None:
                ok["status"] = ok["percent"] = ok["due"] = False
                continue
            ok["status"] &= got.status == part["status"]
            ok["percent"] &= _same_percent(part["status"], part["percent"], got.percent)
            ok["due"] &= got.requested_due == part["requested_due"]
    ok["exact"] = all(ok.values())
    return ok


def _show(reads: list[Read]) -> str:
    return "; ".join(f"{list(r.items)} {r.status}" + (f" {r.percent}%" if r.percent is not None else "")
                     + (f" → {r.requested_due}" if r.requested_due else "") for r in reads)


def _show_gold(parts: list[dict]) -> str:
    return _show([Read(tuple(p["items"]), p["status"], p["percent"], p["requested_due"]) for p in parts])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", type=Path, default=DEFAULT_SET)
    ap.add_argument("--verbose", action="store_true", help="list every message not read exactly")
    args = ap.parse_args()
    cases = [json.loads(line) for line in args.set.read_text(encoding="utf-8").splitlines() if line.strip()]
    fields = ("items", "status", "percent", "due", "exact")
    totals = dict.fromkeys(fields, 0)
    by_status: dict[str, list[int]] = {}
    exact_certain = certain = 0
    failures = []
    for case in cases:
        today = dt.date.fromisoformat(case["today"])
        due = dt.date.fromisoformat(case["current_due"]) if case["current_due"] else None
        held = {ref_key(i) for p in case["parts"] for i in p["items"]}
        reads = understand(case["text"], today, due, held)
        ok = score(case, reads)
        for f in fields:
            totals[f] += ok[f]
        if not case.get("uncertain"):
            certain += 1
            exact_certain += ok["exact"]
        for status in {p["status"] for p in case["parts"]}:
            by_status.setdefault(status, [0, 0])
            by_status[status][0] += ok["status"]
            by_status[status][1] += 1
        if not ok["exact"]:
            failures.append((case, reads, [f for f in fields[:-1] if not ok[f]]))
    n = len(cases)
    print(f"set: {args.set.relative_to(ROOT) if args.set.is_relative_to(ROOT) else args.set} ({n} messages, "
          f"{n - certain} uncertain)")
    for f in fields:
        print(f"  {f:<8} {totals[f] / n:.3f}  ({totals[f]}/{n})")
    print(f"  exact on certain labels {exact_certain / max(certain, 1):.3f} ({exact_certain}/{certain})")
    print("  status right, by the label's status (a message counts under each status it holds):")
    for status, (right, count) in sorted(by_status.items()):
        print(f"    {status:<20} {right}/{count}")
    if args.verbose:
        print(f"\nnot read exactly ({len(failures)}):")
        for case, reads, wrong in failures:
            print(f"#{case['id']} [{', '.join(wrong)}] today {case['today']} due {case['current_due']}"
                  f"{' (uncertain)' if case.get('uncertain') else ''}")
            print(f"    text: {case['text']!r}")
            print(f"    want: {_show_gold(case['parts'])}")
            print(f"    got:  {_show(reads)}")
    print(f"RESULT replies_exact={totals['exact'] / n:.3f} status_acc={totals['status'] / n:.3f} "
          f"items_acc={totals['items'] / n:.3f} percent_acc={totals['percent'] / n:.3f} "
          f"due_acc={totals['due'] / n:.3f} n={n}")


if __name__ == "__main__":
    main()
