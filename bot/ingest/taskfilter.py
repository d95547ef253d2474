"""A learned task / non-task filter over the parser's candidate tasks.

The rule-based parser proposes candidates; some are not work at all (lists of members or recipients, catalogues of
legal duties, objectives and targets, assessments, appendix text). This module scores each candidate with a logistic
regression whose weights are a small JSON file beside it (trained by bench/train_task_filter.py on the labelled
corpora) and drops those below the model's threshold. Pure Python at run time: the features are general properties
of how Vietnamese official documents are written (first words, directive verbs, where the lead came from, deadline,
numbering, the section heading above, shape of the text), never words keyed to one document.

Whether the filter runs: the environment variable NHACVIEC_TASK_FILTER ("1" on, "0" off) wins; otherwise the model
file's "enabled" field decides.

Broad candidates (parser.broad_candidates: every duty clause of the text, not only what the rules propose) are added
before the filter when the model was trained with them ("broad": true; NHACVIEC_BROAD=0 turns them off). Their
features carry the proposer's own (origin, where the clause sits), and the filter alone decides which are tasks.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from storage.parsed import ParsedTask
from storage.vntext import fold

MODEL_PATH = Path(__file__).with_name("taskfilter_model.json")
ENV_FLAG = "NHACVIEC_TASK_FILTER"
BROAD_FLAG = "NHACVIEC_BROAD"

# directive verbs and lead-ins (folded): how an official text asks for work
DIRECTIVE = ("chu tri", "phoi hop", "trien khai", "to chuc", "xay dung", "bao cao", "kiem tra", "ra soat",
             "huong dan", "de nghi", "yeu cau", "giao", "chi dao", "khan truong", "tham muu", "thuc hien",
             "tang cuong", "day manh", "tap trung", "hoan thanh", "gui", "theo doi", "don doc", "ban hanh",
             "nghien cuu", "de xuat", "cung cap", "tiep tuc", "chu dong", "quan ly", "bo tri", "nghiem tuc")
# verbs an imperative item opens with (folded; the item's doer is the heading's or the addressee's): "Tuyên truyền …",
# "Rà soát, củng cố …", "Bảo đảm …"
OPENING_VERBS = DIRECTIVE + ("tuyen truyen", "bao dam", "dam bao", "phat huy", "cung co", "kien toan", "xu ly",
                             "lap", "dang ky", "chuan bi", "van dong", "nang cao", "duy tri", "tiep nhan", "cu",
                             "lanh dao", "phat dong", "thong tin", "pho bien", "quan triet", "ho tro", "tham dinh",
                             "phe duyet", "sua doi", "bo sung", "khac phuc", "ngan chan", "phong ngua", "tham gia",
                             "rut kinh nghiem", "tong hop", "thong ke", "giam sat", "danh gia", "khuyen khich")
# phrases that mark text explaining, assessing or aiming rather than assigning
EXPLAIN = ("theo quy dinh tai", "quy dinh tai", "dieu", "khoan", "diem", "luu y", "doi voi", "truong hop",
           "phan dau", "muc tieu", "chi tieu", "ty le", "dat", "ket qua", "ton tai", "han che", "nguyen nhan",
           "da", "duoc", "bao gom", "gom", "thanh phan", "thanh vien", "uy vien", "to truong", "pho")
# words of a section heading that says what the items below are
HEADING_WORDS = ("muc", "tieu", "ket", "qua", "ton", "tai", "han", "che", "thanh", "phan", "nhiem", "vu", "giai",
                 "phap", "to", "chuc", "thuc", "hien", "phu", "luc", "quan", "diem", "yeu", "cau", "noi", "dung",
                 "danh", "gia", "tinh", "hinh", "nguyen", "nhan", "de", "xuat", "kien", "nghi", "trach",
                 "kinh", "phi", "pham", "vi", "doi", "tuong", "co", "so", "phap", "ly", "chi", "dao", "bai", "hoc")
# an ask addressed to a unit anywhere in the text (folded): "đề nghị UBND các xã …", "yêu cầu các chi bộ …"
_UNIT_WORDS = (r"(?:so|bo|ban|phong|uy ban|ubnd|hdnd|cong an|chi bo|dang bo|dang uy|huyen uy|tinh uy|thanh uy|"
               r"van phong|cuc|vu|tong cuc|trung tam|doan|hoi|cac|dong chi|giam doc|chu tich|thu truong|truong|"
               r"lanh dao|don vi|"
               r"co quan|dia phuong|doanh nghiep|to)")
_ASK_UNIT = re.compile(r"\b(?:de nghi|yeu cau|giao|phan cong|chi dao|dong y de|uy quyen)\s+(?:cho\s+)?"
                       + _UNIT_WORDS + r"\b")
_UNIT_ANY = re.compile(r"\b(?:so|bo|ubnd|uy ban nhan dan|cong an|chi bo|dang uy|phong|ban)\s+[a-z]")
_ROMAN = re.compile(r"^(?:[IVX]{1,5})[.)]\s")
_MARK = re.compile(r"^\s*(?:[-+*•–]|\d+(?:\.\d+)*[.)]?|[a-zđ][.)])\s")
_UPPER_WORD = re.compile(r"^[A-ZÀ-ỸĐ]")
_SENTENCE_END = re.compile(r"[.;](?:\s|$)")


@dataclass(frozen=True, kw_only=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float
    enabled: bool
    # never drop a candidate that has a dated deadline (see `protected`)
    protect: bool = True
    # the parser adds broad candidates before the filter (the model was trained on them)
    broad: bool = False
    # the threshold of a broad candidate (None: `threshold`)
    broad_threshold: float | None = None


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> Model | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(weights={k: float(v) for k, v in data["weights"].items()}, bias=float(data["bias"]),
                 threshold=float(data["threshold"]), enabled=bool(data.get("enabled", False)),
                 protect=bool(data.get("protect", True)), broad=bool(data.get("broad", False)),
                 broad_threshold=float(data["broad_threshold"]) if data.get("broad_threshold") is not None else None)


def _bucket(value: float, edges: Sequence[float]) -> int:
    return sum(value >= e for e in edges)


def _heading_like(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper > 0.8 or _ROMAN.match(line) is not None or line.lower().startswith(("phần ", "chương ", "phụ lục"))


class _Locator:
    """Finds where each task's text sits in the document, and the section heading above it."""

    def __init__(self, text: str) -> None:
        self.lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        self.folded = [fold(ln).replace(" ", "") for ln in self.lines]
        self.heading = [_heading_like(ln) for ln in self.lines]
        self.sent_off = next((i for i, ln in enumerate(self.folded) if ln.startswith("noinhan")), len(self.lines))
        self.cursor = 0

    def find(self, task_text: str) -> int | None:
        key = fold(task_text).replace(" ", "")
        for size in (40, 20):
            probe = key[:size]
            if len(probe) < 8:
                return None
            for start in (self.cursor, 0):
                for i in range(start, len(self.lines)):
                    if probe in self.folded[i]:
                        self.cursor = i
                        return i
        return None

    def heading_above(self, i: int) -> str:
        for j in range(i - 1, max(-1, i - 80), -1):
            if self.heading[j]:
                return self.lines[j]
        return ""


def _shape(text: str) -> dict[str, float]:
    words = text.split()
    n = max(1, len(words))
    caps = sum(1 for w in words if _UPPER_WORD.match(w)) / n
    digits = sum(c.isdigit() for c in text) / max(1, len(text))
    commas = text.count(",") / n
    return {
        f"len:{_bucket(len(text), (40, 80, 160, 320, 640))}": 1.0,
        f"caps:{_bucket(caps, (0.15, 0.3, 0.5))}": 1.0,
        f"digits:{_bucket(digits, (0.02, 0.06, 0.15))}": 1.0,
        f"commas:{_bucket(commas, (0.08, 0.15, 0.25))}": 1.0,
        f"sent:{_bucket(len(_SENTENCE_END.findall(text)), (1, 2, 4))}": 1.0,
        "ends_colon": float(text.rstrip().endswith(":")),
        "question": float("?" in text),
        "percent": float("%" in text),
        "name_list": float(caps > 0.4 and commas > 0.12),
    }


def _ref_style(ref: str) -> str:
    last = re.split(r"[.\-]", ref.strip("."))[-1] if ref else ""
    if re.fullmatch(r"\d+", last):
        return "num"
    if re.fullmatch(r"[a-zđ]", last):
        return "letter"
    if re.fullmatch(r"[IVX]+", last):
        return "roman"
    return "other" if last else "none"


def task_features(tasks: Sequence[ParsedTask], *, kind: str | None, text: str,
                  origins: Sequence[dict[str, float]] | None = None) -> list[dict[str, float]]:
    """One sparse feature dict per candidate task (names are stable strings, values mostly 1.0). `origins` holds the
    broad proposer's features of each candidate (empty for a rule's candidate)."""
    loc = _Locator(text)
    n = len(tasks)
    siblings: dict[str | None, int] = {}
    for t in tasks:
        siblings[t.parent_ref] = siblings.get(t.parent_ref, 0) + 1
    refs = {t.ref for t in tasks}
    # how many candidates of the document, and of each sibling group, name a lead: a candidate without one among
    # candidates that have one is seldom a task; among siblings that have none it is as likely as they are
    doc_led = sum(1 for t in tasks if t.lead) / max(1, n)
    sib_led: dict[str | None, int] = {}
    for t in tasks:
        sib_led[t.parent_ref] = sib_led.get(t.parent_ref, 0) + bool(t.lead)
    out: list[dict[str, float]] = []
    kind_f = fold(kind) or "none"
    for idx, t in enumerate(tasks):
        f: dict[str, float] = {}
        ft = fold(t.text)
        words = ft.split()
        head = " ".join(words[:14])
        f[f"kind:{kind_f}"] = 1.0
        f[f"src:{t.lead_source or 'none'}"] = 1.0
        f[f"nlead:{_bucket(len(t.lead), (1, 2, 4))}"] = 1.0
        f["support"] = float(bool(t.support))
        f["due"] = float(t.due is not None)
        f["due_text"] = float(bool(t.due_text))
        f["recurrence"] = float(bool(t.recurrence))
        f[f"depth:{min(t.depth, 3)}"] = 1.0
        f[f"ref:{_ref_style(t.ref)}"] = 1.0
        f["parent_is_task"] = float(t.parent_ref in refs)
        f[f"sib:{_bucket(siblings.get(t.parent_ref, 0), (2, 4, 8, 16))}"] = 1.0
        f[f"ntasks:{_bucket(n, (2, 4, 8, 16, 32))}"] = 1.0
        f[f"pos:{_bucket(idx / max(1, n), (0.25, 0.5, 0.75))}"] = 1.0
        f.update(_shape(t.text))
        if words:
            f[f"w1:{words[0]}"] = 1.0
        if len(words) > 1:
            f[f"w2:{words[0]} {words[1]}"] = 1.0
        padded = f" {head} "
        lead_words = " ".join(fold(" ".join(t.lead)).split()) if t.lead else ""
        directive_hits = 0
        for cue in DIRECTIVE:
            if f" {cue} " in padded:
                f[f"dir:{cue}"] = 1.0
                directive_hits += 1
        f[f"ndir:{_bucket(directive_hits, (1, 2, 4))}"] = 1.0
        for cue in EXPLAIN:
            if f" {cue} " in padded:
                f[f"exp:{cue}"] = 1.0
        f["ask_unit"] = float(_ASK_UNIT.search(ft) is not None)
        f["unit_named"] = float(_UNIT_ANY.search(ft) is not None)
        opening = " ".join(words[:3])
        f["opens_verb"] = float(any(f"{opening} ".startswith(f"{v} ") for v in OPENING_VERBS))
        if not t.lead:
            f["nolead_ask_unit"] = f["ask_unit"]
            f["nolead_unit_named"] = f["unit_named"]
            f[f"nolead_doclead:{_bucket(doc_led, (0.2, 0.5, 0.8))}"] = 1.0
            others = siblings.get(t.parent_ref, 1) - 1
            share = _bucket(sib_led.get(t.parent_ref, 0) / others, (0.2, 0.5, 0.8)) if others else "x"
            f[f"nolead_siblead:{share}"] = 1.0
            f["nolead_opens_verb"] = f["opens_verb"]
        if lead_words and ft.startswith(lead_words):
            f["opens_with_lead"] = 1.0
        i = loc.find(t.text)
        if i is None:
            f["unlocated"] = 1.0
        else:
            f[f"docpos:{_bucket(i / max(1, len(loc.lines)), (0.2, 0.4, 0.6, 0.8))}"] = 1.0
            f["after_recipients"] = float(i > loc.sent_off)
            for w in set(fold(loc.heading_above(i)).split()):
                if w in HEADING_WORDS:
                    f[f"h:{w}"] = 1.0
        origin = origins[idx] if origins is not None and idx < len(origins) else None
        if origin:
            # a clause the broad proposer cut out is weighed by features of its own, apart from the rules' items
            f = {**{f"B|{k}": v for k, v in f.items()}, **origin}
            if i is not None:  # the line it was cut from: a numbered item or bullet, or prose
                f["b:line_marked" if _MARK.match(loc.lines[i]) else "b:line_prose"] = 1.0
        out.append(f)
    return out


def score(features: dict[str, float], model: Model) -> float:
    z = model.bias + sum(model.weights.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def enabled(model: Model | None) -> bool:
    flag = os.environ.get(ENV_FLAG, "").strip()
    if flag in ("0", "1"):
        return flag == "1" and model is not None
    return model is not None and model.enabled


def decide(tasks: Sequence[ParsedTask], scores: Sequence[float], *, threshold: float, protect: bool,
           broad: Sequence[bool] | None = None, broad_threshold: float | None = None) -> list[bool]:
    """Which candidates to keep. A document where no candidate names a lead is left alone: the model learnt that a
    candidate without a lead among candidates with one is seldom a task, which says nothing when the parser found no
    unit anywhere (the task then falls to the addressee or the issuer). A broad candidate (`broad`) is always judged,
    and never protected: the rules did not propose it."""
    flags = list(broad) if broad is not None else [False] * len(tasks)
    judged = [t for t, b in zip(tasks, flags, strict=True) if not b]
    alone = not any(t.lead for t in judged)
    bt = threshold if broad_threshold is None else broad_threshold
    return [s >= bt if b else (alone or s >= threshold or (protect and protected(t)))
            for t, s, b in zip(tasks, scores, flags, strict=True)]


def broad_wanted(model: Model | None = None) -> bool:
    """Whether the parser proposes broad candidates: only when the filter runs with a model trained on them (without
    the filter they would all be kept; a model that never saw them cannot judge them); NHACVIEC_BROAD=0 says never."""
    model = model or load_model()
    if os.environ.get(BROAD_FLAG, "").strip() == "0":
        return False
    return model is not None and model.broad and enabled(model)


def filter_tasks(tasks: Sequence[ParsedTask], *, kind: str | None, text: str,
                 model: Model | None = None, force: bool | None = None,
                 origins: Sequence[dict[str, float]] | None = None) -> list[ParsedTask]:
    """The candidates the model believes are tasks (all of them when the filter is off or no model is shipped)."""
    model = model or load_model()
    on = enabled(model) if force is None else (force and model is not None)
    if not on or model is None or not tasks:
        return list(tasks)
    scores = [score(f, model) for f in task_features(tasks, kind=kind, text=text, origins=origins)]
    keep = decide(tasks, scores, threshold=model.threshold, protect=model.protect,
                  broad=[bool(o) for o in origins] if origins is not None else None,
                  broad_threshold=model.broad_threshold)
    if kind is not None and model.protect:
        keep = with_siblings(tasks, keep)
        keep = with_duty_section(tasks, keep, text)
    return [t for t, k in zip(tasks, keep, strict=True) if k]


# a unit charged in so many words: "Sở Y tế chịu trách nhiệm bảo đảm đủ vắc xin …", "UBND các xã có trách nhiệm …",
# "Trưởng thôn, tổ trưởng TDP, Hiệu trưởng các trường học, trưởng các đơn vị chịu trách nhiệm …" (a list of doers)
# (not "chịu trách nhiệm trước …", answerable to someone)
CHARGED = re.compile(r"^(?:[^,;:.]{2,120}?,\s*){0,4}[^,;:.]{2,120}?\s(?:chịu|có)\s*trách\s*nhiệm\s+"
                     r"(?!trước\b|về\s*(?:kết\s*quả|việc)\b)", re.U)


# a unit asked in the passive, its work right after: "Các địa phương ven biển được yêu cầu tạo điều kiện …"
ASKED_PASSIVE = re.compile(r"^[^,;:.]{2,120}?\sđược\s*(?:yêu\s*cầu|đề\s*nghị|giao)\s+(?=[a-zđà-ỹ])", re.U)


def protected(task: ParsedTask) -> bool:
    """A candidate with a dated deadline is kept whatever the model says: in the labelled corpora 250 of 259 such
    candidates were tasks (246 of 250 of those that also had a lead). So is one whose own text charges its lead
    with the work ("X chịu trách nhiệm …", "X được yêu cầu …"): that is how a duty is written."""
    return task.due is not None or (task.lead_source == "text" and bool(task.lead) and
                                    (CHARGED.match(task.text) is not None or
                                     ASKED_PASSIVE.match(task.text) is not None))


_NUMBERED = re.compile(r"^(?:[IVX]+\.)?\d{1,3}(?:\.\d{1,3})*$")


def with_siblings(tasks: Sequence[ParsedTask], keep: Sequence[bool]) -> list[bool]:
    """A formal document's numbered item is kept when most of its numbered siblings (same parent, same depth) are:
    a list of duties numbered alike is a list of duties, and an item the model doubts among them would vanish from
    the preview without a word."""
    family: dict[tuple[str | None, int], list[int]] = {}
    for i, t in enumerate(tasks):
        if _NUMBERED.match(t.ref or ""):
            family.setdefault((t.parent_ref, t.depth), []).append(i)
    out = list(keep)
    for members in family.values():
        kept = sum(1 for i in members if keep[i])
        if kept >= 3 and kept * 3 >= len(members) * 2:
            for i in members:
                out[i] = True
    return out


# a section heading that announces the duties below: "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", "III. CÁC NHIỆM VỤ, GIẢI
# PHÁP TRỌNG TÂM" (not "I. MỤC ĐÍCH, YÊU CẦU", "I. KẾT QUẢ ĐẠT ĐƯỢC", "II. TÌNH HÌNH …")
DUTY_HEADING = re.compile(r"^(?:(?:CÁC|NHỮNG)\s+)?(?:NHIỆM\s*VỤ|GIẢI\s*PHÁP)\b"
                          r"(?!.*\b(?:KẾT\s*QUẢ|TÌNH\s*HÌNH)\b)", re.U)


def with_duty_section(tasks: Sequence[ParsedTask], keep: Sequence[bool], text: str) -> list[bool]:
    """The numbered items straight under a formal document's duties heading ("II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU")
    are kept together when none of them names a lead and the model keeps some: a resolution lists its duties bare
    and charges the units in a later part ("IV. TỔ CHỨC THỰC HIỆN"), so the model's doubt about a leadless item
    among items with leads says nothing there, and the preview would silently lose most of the list."""
    family: dict[str, list[int]] = {}
    for i, t in enumerate(tasks):
        if t.parent_ref and re.fullmatch(r"[IVX]{1,4}", t.parent_ref) and _NUMBERED.match(t.ref or "") and \
                t.depth == 1:
            family.setdefault(t.parent_ref, []).append(i)
    out = list(keep)
    for parent, members in family.items():
        if len(members) < 3 or any(tasks[i].lead for i in members) or not any(keep[i] for i in members):
            continue
        heading = re.search(rf"^[ \t]*{parent}[ \t]*[.)][ \t]*(?P<h>[^\n]+)", text, re.M)
        if heading is None or not heading.group("h").isupper() or not DUTY_HEADING.match(heading.group("h").strip()):
            continue
        for i in members:
            out[i] = True
    return out
