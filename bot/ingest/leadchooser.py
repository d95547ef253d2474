"""A learned lead chooser over the candidate leads the parser already finds.

The rules pick one lead per task (`ParsedTask.lead`, with `lead_source`). This module lists the other units that
could be the lead of the same task — the units the units finder reads in the task's own text (with where they sit:
after "giao", "đề nghị", "yêu cầu", "chỉ đạo", after "phối hợp (với)", before "chủ trì" …), the lead of the item
above and of the task before, the document's addressees, the issuer (mostly a wrong one) — and scores each with a
linear model whose weights are a small JSON file beside it (trained by bench/train_lead_chooser.py on the labelled
corpora, judged leave-one-batch-out). The rule's choice is kept unless the model prefers another candidate by more
than the model's margin. Pure Python at run time; the features are general properties of how an ask is written
(function words around a name, where it came from, whether it is a group or the issuer), never words of one document.

Whether it runs: the environment variable NHACVIEC_LEAD_MODEL ("1" on, "0" off) wins; otherwise the model file's
"enabled" field decides.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from bot.ingest.units import UNIT_START, _cut, _units_from, find_leads_ranked, is_generic_reference
from storage.parsed import ParsedNotice, ParsedTask
from storage.vntext import fold

MODEL_PATH = Path(__file__).with_name("lead_model.json")
ENV_FLAG = "NHACVIEC_LEAD_MODEL"
MAX_MENTIONS = 8
# also offer each list cut the other way (see `candidates`): tried in session 34, no better leave-one-batch-out
VARIANTS = False

# folded function words just before a name (one or two words): how the text relates the name to the work
BEFORE = ("giao", "cho", "de nghi", "yeu cau", "chi dao", "phan cong", "phoi hop", "phoi hop voi", "voi", "cung",
          "cung voi", "chu tri", "va", "cua", "gui", "gui ve", "gui den", "den", "toi", "ve", "tai", "doi voi",
          "uy quyen", "dong y", "giup", "tham muu", "bao cao", "huong dan", "kiem tra", "do", "theo", "la", "hoac",
          "nhu", "trong", "tu", "sau", "thuoc", "truong", "giam doc", "chu tich", "lanh dao", "thu truong",
          "dong thoi", "trong do", "nhat la", "dac biet la", "duoc", "vua", "da", "can", "luu y", "thong bao")
# folded words just after a name
AFTER = ("chu tri", "phoi hop", "thuc hien", "co trach nhiem", "chiu trach nhiem", "khan truong", "chu dong",
         "tiep tuc", "can", "phai", "va", "da", "vua", "de nghi", "yeu cau", "chi dao", "giao", "duoc", "co",
         "to chuc", "trien khai", "bao cao", "huong dan", "kiem tra", "xay dung", "tham muu", "theo doi", "cua",
         "tai", "ve", "trong", "de", "nghien cuu", "sang", "cung", "lien quan", "tinh", "huyen", "xa", "thanh pho",
         "hoac", "nam", "thang", "se", "dang", "tang cuong", "ra soat", "khong", "nhanh chong", "tap trung", "gui")
# folded words that direct work; a name before the first one is the clause's subject
DIRECTING = re.compile(r"\b(?:giao|de nghi|yeu cau|chi dao|phan cong|chu tri|phoi hop|thuc hien|co trach nhiem|"
                       r"chiu trach nhiem|khan truong|trien khai|to chuc|bao cao|huong dan|kiem tra|xay dung|"
                       r"tham muu|tiep tuc|chu dong|tang cuong|ra soat|can|phai)\b")
ASKING = re.compile(r"\b(?:giao|de nghi|yeu cau|chi dao|phan cong|uy quyen)\b")
PARTNERING = re.compile(r"\b(?:phoi hop|cung voi)\b")
# where a name read whole may be a list: a comma, "và" before a capital or a group
LIST_CUT = re.compile(r",\s*|\s+(?:và|hoặc)\s+(?=[A-ZĐÀ-Ỹ]|các\s)", re.U)
# a work word inside a name: the body glued onto it ("Sở X chỉ đạo Sở Y", "… thực hiện")
VERB_INSIDE = re.compile(r"\b(?:chi dao|thuc hien|de nghi|yeu cau|trien khai|khan truong|phai|can)\b")
GROUP = re.compile(r"^(?:cac|moi|nhung|toan the|tat ca)\b")
TITLE = re.compile(r"^(?:dong chi|d c|ong|ba|chu tich|pho chu tich|giam doc|pho giam doc|bi thu|pho bi thu|"
                   r"thu truong|truong|lanh dao|thu tuong|pho thu tuong|bo truong|nguoi dung dau)\b")


@dataclass
class Candidate:
    units: tuple[str, ...]
    sources: set[str] = field(default_factory=set)
    feats: dict[str, float] = field(default_factory=dict)
    rule: bool = False
    lead_source: str | None = None  # what ParsedTask.lead_source says when it is chosen


@dataclass(frozen=True, kw_only=True)
class Model:
    weights: dict[str, float]
    margin: float
    enabled: bool


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> Model | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(weights={k: float(v) for k, v in data["weights"].items()}, margin=float(data["margin"]),
                 enabled=bool(data.get("enabled", False)))


def enabled(model: Model | None) -> bool:
    flag = os.environ.get(ENV_FLAG, "").strip()
    if flag in ("0", "1"):
        return flag == "1" and model is not None
    return model is not None and model.enabled


def _key(units: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(fold(u) for u in units if fold(u)))


def _words(folded: str) -> list[str]:
    return folded.split()


def _tail(before: str, vocab: Sequence[str]) -> str:
    """The vocabulary phrase (three, two or one words) the folded text before a name ends with, or "_"."""
    w = _words(before)
    for n in (3, 2, 1):
        if len(w) >= n and " ".join(w[-n:]) in vocab:
            return " ".join(w[-n:])
    return "_" if w else "^"


def _head(after: str, vocab: Sequence[str]) -> str:
    w = _words(after)
    for n in (3, 2, 1):
        if len(w) >= n and " ".join(w[:n]) in vocab:
            return " ".join(w[:n])
    return "_" if w else "$"


def mentions(text: str) -> list[tuple[list[str], int, int]]:
    """The unit lists the units finder reads in a text, each with where its name starts and ends."""
    out: list[tuple[list[str], int, int]] = []
    end = -1
    for m in UNIT_START.finditer(text):
        start = m.start()
        if start < end or (start > 0 and text[start - 1].isalnum()):
            continue
        units = _units_from(text[start:])
        if not units:
            continue
        name = _cut(text[start:])
        end = start + max(len(name), 1)
        out.append((units, start, end))
        if len(out) >= MAX_MENTIONS:
            break
    return out


def candidates(task: ParsedTask, index: int, tasks: Sequence[ParsedTask], notice: ParsedNotice) -> list[Candidate]:
    """The candidate leads of tasks[index] with their features; the rule's own choice (maybe no lead) is one."""
    found: dict[tuple[str, ...], Candidate] = {}

    def add(units: Sequence[str], source: str, feats: dict[str, float], lead_source: str | None) -> Candidate:
        key = _key(units)
        cand = found.get(key)
        if cand is None:
            cand = found[key] = Candidate(tuple(units), lead_source=lead_source)
        cand.sources.add(source)
        for k, v in feats.items():
            cand.feats[k] = max(cand.feats.get(k, 0.0), v)
        if cand.lead_source is None:
            cand.lead_source = lead_source
        return cand

    rule = add(task.lead, "rule", {f"rule:{task.lead_source or 'none'}": 1.0}, task.lead_source)
    rule.rule = True
    text = task.text
    low_text = text
    first_verb = DIRECTING.search(fold(text))
    for k, (units, start, end) in enumerate(mentions(text)):
        before, after = fold(low_text[max(0, start - 40):start]), fold(low_text[end:end + 40])
        folded_before = fold(low_text[:start])
        f = {"m": 1.0, f"m:prev:{_tail(before, BEFORE)}": 1.0, f"m:next:{_head(after, AFTER)}": 1.0,
             f"m:idx:{min(k, 3)}": 1.0}
        if start <= 2:
            f["m:at0"] = 1.0
        if first_verb is None or len(folded_before) <= first_verb.start():
            f["m:before_verb"] = 1.0
        if ASKING.search(folded_before):
            f["m:after_ask"] = 1.0
        if PARTNERING.search(before[-25:]):
            f["m:after_partner"] = 1.0
        if low_text[max(0, start - 2):start].strip().endswith("("):
            f["m:in_paren"] = 1.0
        if start > 0 and re.search(r"[.;:]\s*$", low_text[:start]):
            f["m:after_stop"] = 1.0
        add(units, "text", f, "text")
    ranked, strength = find_leads_ranked(text)
    if ranked:
        add(ranked, "found", {f"found:{strength}": 1.0}, "text")
    parent = next((t for t in reversed(tasks[:index]) if t.ref == task.parent_ref), None) if task.parent_ref else None
    if parent is not None and parent.lead:
        add(parent.lead, "parent", {"parent": 1.0}, "heading")
    if index > 0 and tasks[index - 1].lead:
        prev = tasks[index - 1]
        add(prev.lead, "prev", {"prev": 1.0, f"prev:{prev.lead_source or 'none'}": 1.0}, prev.lead_source)
    if notice.addressees:
        add(notice.addressees, "addressee", {"addressee": 1.0}, "addressee")
    issuer = (notice.issuer,) if notice.issuer else ()
    if issuer:
        add(issuer, "issuer", {"issuer": 1.0}, None)
    for c in list(found.values()):
        # the same names cut the other way: a list read as one name ("các xã, đơn vị liên quan") or one name read as
        # a list — the labels count each unit the text names as one
        if VARIANTS and c.units and (c.rule or c.sources & {"text", "found"}):
            parts = [p.strip() for u in c.units for p in LIST_CUT.split(u) if p.strip()]
            if len(parts) > len(c.units):
                add(parts, "split", {"split": 1.0, f"split&{sorted(c.sources)[0]}": 1.0}, c.lead_source)
            if len(c.units) > 1:
                add([", ".join(c.units)], "joined", {"joined": 1.0, f"joined&{sorted(c.sources)[0]}": 1.0},
                    c.lead_source)
    out = list(found.values())
    rule_key, issuer_key = _key(task.lead), _key(issuer)
    addressee_key = _key(notice.addressees)
    kind = "formal" if notice.kind else "prose"
    folded_text = fold(text)
    rule_absent = bool(task.lead) and not any(fold(u) in folded_text for u in task.lead)
    for c in out:
        key = _key(c.units)
        folded = [fold(u) for u in c.units]
        f = c.feats
        f["bias:empty" if not c.units else "bias"] = 1.0
        for s in c.sources:
            f[f"src:{s}"] = 1.0
            f[f"src:{s}&{kind}"] = 1.0
            if not task.lead:
                f[f"src:{s}&rule_empty"] = 1.0
            f[f"src:{s}&rule:{task.lead_source or 'none'}"] = 1.0
        f[f"nsrc:{min(len(c.sources), 4)}"] = 1.0
        if rule_absent and not c.rule:
            # the rule's lead is not named in the task's text (taken from above, or a group read back as the units
            # named earlier) while this one is
            for s in c.sources & {"text", "found"}:
                f[f"rule_absent&{s}"] = 1.0
        if c.units:
            f[f"n:{min(len(c.units), 3)}"] = 1.0
            if any(GROUP.match(u) for u in folded):
                f["group"] = 1.0
            if is_generic_reference(list(c.units)):
                f["generic"] = 1.0
            if any(TITLE.match(u) for u in folded):
                f["title"] = 1.0
            if issuer_key and (key == issuer_key or set(key) & set(issuer_key)):
                f["issuer_like"] = 1.0
            if addressee_key and set(key) <= set(addressee_key):
                f["in_addressees"] = 1.0
            if rule_key and c is not rule and (set(key) < set(rule_key) or set(key) > set(rule_key)):
                f["overlaps_rule"] = 1.0
            if max(len(u) for u in c.units) > 70:
                f["long"] = 1.0
            if any(VERB_INSIDE.search(u) for u in folded):
                f["verb_inside"] = 1.0
            if not any(fold(u) in folded_text for u in c.units):
                f["not_in_text"] = 1.0
        f[f"depth:{min(task.depth, 3)}"] = 1.0 if c.rule else 0.0
    return out


def score(feats: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights.get(k, 0.0) * v for k, v in feats.items())


def choose(cands: Sequence[Candidate], weights: dict[str, float], margin: float) -> Candidate:
    """The rule's candidate unless another scores more than `margin` above it (an issuer-only one never leads)."""
    rule = next(c for c in cands if c.rule)
    best = max(cands, key=lambda c: score(c.feats, weights))
    if best is rule or best.sources == {"issuer"} or not best.units:
        return rule
    return best if score(best.feats, weights) - score(rule.feats, weights) > margin else rule


def choose_leads(notice: ParsedNotice, model: Model | None = None, force: bool | None = None) -> ParsedNotice:
    """The notice with each task's lead chosen by the model (unchanged when the chooser is off or no model)."""
    model = model or load_model()
    on = enabled(model) if force is None else (force and model is not None)
    if not on or model is None or not notice.tasks:
        return notice
    tasks = list(notice.tasks)
    out = []
    for i, t in enumerate(tasks):
        chosen = choose(candidates(t, i, tasks, notice), model.weights, model.margin)
        if chosen.rule:
            out.append(t)
            continue
        keys = set(_key(chosen.units))
        support = tuple(s for s in t.support if fold(s) not in keys)
        # (the origin of the chosen candidate: its own text, the item above, the addressees)
        out.append(replace(t, lead=chosen.units, support=support, lead_source=chosen.lead_source or "text"))
    return replace(notice, tasks=tuple(out))
