"""Unit names: abbreviations expanded and folded into a comparison key, and fuzzy
matching of a name as written in a notice against the directory's units."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from storage.vntext import fold, nfc, strip_marks

# Folded abbreviation → folded expansion. Matched on whole folded words.
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "ubmttq": "uy ban mat tran to quoc",
    "tn mt": "tai nguyen va moi truong",
    "tnmt": "tai nguyen va moi truong",
    "kh dt": "ke hoach va dau tu",
    "khdt": "ke hoach va dau tu",
    "nn mt": "nong nghiep va moi truong",
    "nnmt": "nong nghiep va moi truong",
    "nn ptnt": "nong nghiep va phat trien nong thon",
    "nnptnt": "nong nghiep va phat trien nong thon",
    # (the same with "và" written: "Phòng NN và PTNT"; the rural-development half alone, as a directory may spell
    # it: "Phòng Nông nghiệp và PTNT" — probe s42: "Phòng NN&PTNT" matched no unit of that spelling)
    "nn va ptnt": "nong nghiep va phat trien nong thon",
    "ptnt": "phat trien nong thon",
    "tn va mt": "tai nguyen va moi truong",
    "kh va dt": "ke hoach va dau tu",
    "gd va dt": "giao duc va dao tao",
    "kh va cn": "khoa hoc va cong nghe",
    "tt va tt": "thong tin va truyen thong",
    "ld tb xh": "lao dong thuong binh va xa hoi",
    "ldtbxh": "lao dong thuong binh va xa hoi",
    "gd dt": "giao duc va dao tao",
    "gddt": "giao duc va dao tao",
    "vh tt dl": "van hoa the thao va du lich",
    "vhttdl": "van hoa the thao va du lich",
    "tt tt": "thong tin va truyen thong",
    "tttt": "thong tin va truyen thong",
    "kh cn": "khoa hoc va cong nghe",
    "khcn": "khoa hoc va cong nghe",
    "gtvt": "giao thong van tai",
    "vp": "van phong",
    "btv": "ban thuong vu",
    "bch": "ban chap hanh",
    "ubkt": "uy ban kiem tra",
    "cchc": "cai cach hanh chinh",
    # the short forms people type for mass organisations, centres and standing boards
    "hlhpn": "hoi lien hiep phu nu",
    "lhpn": "lien hiep phu nu",
    "hnd": "hoi nong dan",
    "ccb": "cuu chien binh",
    "ttyt": "trung tam y te",
    "nhnn": "ngan hang nha nuoc",
    "bcd": "ban chi dao",
    "atgt": "an toan giao thong",
    "attp": "an toan thuc pham",
    "pccc": "phong chay chua chay",
    "pctt": "phong chong thien tai",
    "tkcn": "tim kiem cuu nan",
    "tc kh": "tai chinh ke hoach",
    "tckh": "tai chinh ke hoach",
}
_ABBREV_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True)) + r")\b")


# the words before a unit's own name ("UBND huyện Hạ Hòa" is also "huyện Hạ Hòa" and "Hạ Hòa"), and its level
# after it ("Ban Dân vận" for "Ban Dân vận Tỉnh ủy")
_UNIT_KIND = re.compile(r"^(?:ubnd|uy ban nhan dan|dang uy|dang bo|chi bo|so|ban|phong|cong an|bo chi huy quan su|"
                        r"trung tam|van phong)\s+")
_LEVEL = re.compile(r"\s+(?:tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy \S+|tinh|thanh pho|huyen|quan|thi xa)$")
_PLACE_KIND = re.compile(r"^(?:tinh|thanh pho|tp|huyen|quan|thi xa|tx|thi tran|xa|phuong)\s+")


def ways_to_name(unit_name: str, person_name: str | None = None) -> set[str]:
    """How a chat message may name a unit or a person, folded: the unit as written, without "UBND", without
    "huyện", without its level; the person's full name or last two words (none too short to mean anything)."""
    unit = fold(unit_name)
    without_kind = _UNIT_KIND.sub("", unit)
    person = fold(person_name)
    found = {unit, without_kind, _PLACE_KIND.sub("", without_kind), _LEVEL.sub("", unit), person,
             " ".join(person.split()[-2:])}
    if person:  # the given name after a form of address: "đồng chí Nga", "đ/c Nga", "chị Nga"
        found |= {f"{address} {person.split()[-1]}" for address in _ADDRESS}
    return {n for n in found if len(n) >= 4 and len(n.split()) >= 2 or len(n) >= 6}


_ADDRESS = ("dong chi", "d c", "dc", "chi", "anh", "ong", "ba", "em")  # folded: "đ/c" is "d c"


def mentions(text: str, unit_name: str, person_name: str | None = None) -> bool:
    """Whether a message names the unit (or the person), as whole words, marks and case aside, abbreviations
    typed as they are written out ("nhắc UBKT" names the Ủy ban Kiểm tra)."""
    folded = fold(text)
    said = f" {folded} {unit_key(folded)} "
    names = ways_to_name(unit_name, person_name) | ways_to_name(unit_key(unit_name))
    return any(f" {n} " in said for n in names)


# the first words of the kinds a unit written short keeps in words ("Sở XD", "Phòng KT-HT", "Chi cục QLTT", "Trung
# tâm …", "Văn phòng …", "Tổng cục …")
_SHORT_KIND_START = frozenset({"so", "phong", "ban", "cuc", "vu", "chi", "trung", "van", "tong"})


def named_by_initials(text: str, names: Sequence[str]) -> list[str]:
    """Of units (as the directory writes them), the one a message names by its kind and the initials of its other
    words — "Sở XD" for "Sở Xây dựng", "Sở KH&ĐT", "Phòng NN-PTNT" — read as the directory matcher reads a name
    (`best_unit_match`, no fuzzy guess) from each run of two to four words that opens with a kind's first word
    (probe s43: "Yêu cầu Sở XD khẩn trương …" was read as the leader's own report). [] when none or several are."""
    names = list(dict.fromkeys(names))
    keys = unit_keys(names)
    words = [w.strip(",.;:!?()\"'“”") for w in text.split()]
    found: set[int] = set()
    for at, word in enumerate(words):
        if fold(word) not in _SHORT_KIND_START:
            continue
        for end in range(at + 2, min(at + 4, len(words)) + 1):
            if (match := best_unit_match(" ".join(words[at:end]), keys, cutoff=101.0)) is not None:
                found.add(match.index)
    return [names[i] for i in found] if len(found) == 1 else []


def named_among(text: str, names: Sequence[str]) -> list[str]:
    """Of the units holding one item (`names`, as the directory writes them), those a message names by words of
    their own: two words in a row of the unit's name that no other name of the list has ("Trường Sơn" of "Tổng
    công ty Xây dựng Trường Sơn" beside "Công ty cổ phần Xây dựng giao thông Yên Bái" — not "công ty xây dựng"),
    as whole words, marks and case aside. For a name written short ("nhắc Tổng công ty Trường Sơn mục 2.c"),
    where `mentions` wants one of the name's usual forms."""
    said = f" {fold(text)} "
    words = {name: fold(name).split() for name in dict.fromkeys(names)}
    names_with = Counter(w for theirs in words.values() for w in set(theirs))  # how many of the names have each word
    return [name for name, own in words.items()
            if any(names_with[a] == 1 and names_with[b] == 1 and f" {a} {b} " in said
                   for a, b in zip(own, own[1:], strict=False))]


def signed_by(signer: str | None, full_name: str) -> bool:
    """Whether a notice's signature line ("Nguyễn Văn Yên", "KT. CHỦ TỊCH … Nguyễn Văn Yên") is this person's."""
    name = fold(full_name)
    return bool(signer and name) and f" {name} " in f" {fold(signer)} "


def holds_office(title: str | None, office: str | None) -> bool:
    """Whether a person's directory title is the office a notice was signed on behalf of ("TL. GIÁM ĐỐC"): "Giám
    đốc Sở Công Thương" holds "Giám đốc"; "Phó Giám đốc Sở" does not."""
    return bool(title and office) and f"{fold(title or '')} ".startswith(f"{fold(office or '')} ")


def named_by_title(text: str | None, title: str | None) -> bool:
    """Whether a notice's subject names this person by their directory title, exactly: "Kết luận của đồng chí Chủ
    tịch UBND huyện tại …" names the "Chủ tịch UBND huyện" — not the "Phó Chủ tịch UBND huyện", whose title the
    words are part of, nor a title that is only the start of the one named (probe 41, #3)."""
    if not text or not title:
        return False
    named = f" {unit_key(text)} "
    for part in re.split(r",|;|\bkiêm\b", title):  # "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện": either post
        key = unit_key(part)
        at = named.find(f" {key} ") if len(key.split()) >= 2 else -1
        while at >= 0:
            if named[:at].split()[-1:] != ["pho"]:  # "Phó Chủ tịch UBND huyện" is another post
                return True
            at = named.find(f" {key} ", at + 1)
    return False


# a person's post before the unit it is held in: "Trưởng thôn 2", "công chức Địa chính - Xây dựng", "Trưởng Công an
# xã", "Chỉ huy trưởng Ban Chỉ huy Quân sự xã", "Chủ tịch Hội Nông dân xã" (folded; "đ/c" folds to "d c")
_POST = re.compile(r"^(?:(?:dong chi|d c|dc)\s+)?(?:pho\s+)?(?:chi huy truong|tram truong|hieu truong|thu truong|"
                   r"to truong|truong|chu tich|bi thu|giam doc|cong chuc|can bo|lanh dao|chanh van phong|"
                   r"nguoi dung dau)\s+")


def without_post(name: str) -> str | None:
    """The unit a post names, its holder's title left out ("Trưởng thôn 2" → "thon 2", "Công chức Tư pháp - Hộ tịch"
    → "tu phap ho tich"), folded; None when no title opens the name or less than two words follow it."""
    key = fold(name)
    post = _POST.match(key)
    rest = key[post.end():] if post else ""
    return rest if len(rest.split()) >= 2 else None


def unit_key(name: str) -> str:
    """The folded, abbreviation-expanded key of a unit name."""
    key = _commands(fold(name))
    if _POLICE_WRITTEN.match(name):  # "CA tỉnh" in capitals: the police ("Cả tỉnh …" is the whole province)
        key = _POLICE.sub("cong an", key)
    return _ABBREV_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], key)


# The military and border-guard commands, however they are written: "Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh", "BCH
# Quân sự tỉnh", "BCHQS tỉnh", "Ban CHQS xã", "BCH BĐBP tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh" (folded). "BCH"
# here is "Ban/Bộ Chỉ huy", not "Ban Chấp hành" (as in "BCH Đảng bộ"); a province's command is a "Bộ", a district's
# or a commune's a "Ban", whichever the writer put.
_COMMAND_PARTS = ((re.compile(r"\bbdbp\b"), "bo doi bien phong"), (re.compile(r"\bbchqs\b"), "bch quan su"),
                  (re.compile(r"\bchqs\b"), "ch quan su"), (re.compile(r"\b(bch|ch|chi huy) qs\b"), r"\1 quan su"),
                  (re.compile(r"\bbchbdbp\b"), "bch bo doi bien phong"))
_COMMAND = re.compile(r"\b(?:(?P<kind>bo|ban) )?(?:bch|ch|chi huy) (?P<force>quan su|bo doi bien phong)\b"
                      r"(?P<level> (?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\b)?")
# "BĐBP tỉnh" is the province's border-guard command; "CA tỉnh", "CA xã" (in capitals) the police, not "cả tỉnh"
_FORCE_ALONE = re.compile(r"^bo doi bien phong(?= tinh\b)")
_POLICE = re.compile(r"^ca(?= (?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\b)")
_POLICE_WRITTEN = re.compile(r"^\s*CA\s")


def _commands(key: str) -> str:
    """A folded name with the commands' short forms written out alike: "bo chi huy quan su tinh" for the province's
    military command however written, "ban chi huy quan su xa" for a commune's (the police's "CA tỉnh": `unit_key`)."""
    for rx, full in _COMMAND_PARTS:
        key = rx.sub(full, key)

    def written_out(m: re.Match[str]) -> str:
        level = m.group("level") or ""
        kind = "bo" if m.group("force") == "bo doi bien phong" or level == " tinh" else m.group("kind") or "ban"
        return f"{kind} chi huy {m.group('force')}{level}"

    key = _COMMAND.sub(written_out, key)
    return _FORCE_ALONE.sub("bo chi huy bo doi bien phong", key)


# The kind word that opens a unit's name (folded, abbreviations expanded) → how the keys of units of that kind begin.
# A local government's kind is its level ("UBND huyện …": "huyen"). Two names of different kinds are never one unit,
# however alike the rest ("Sở X" is not "Bộ X", "Cục X" not "Chi cục X"); `unitgroups.KINDS` reads groups by them.
LOCAL_GOVERNMENT = "uy ban nhan dan "
UNIT_KINDS: dict[str, str] = {
    "so": "so ",
    "ban": "ban ",
    "phong": "phong ",
    "bo": "bo ",
    "cuc": "cuc ",
    "chi cuc": "chi cuc ",
    "tong cuc": "tong cuc ",
    "vu": "vu ",
    "vien": "vien ",
    "van phong": "van phong ",
    "cong an": "cong an ",
    "bo chi huy": "bo chi huy ",  # (the commands however written: `_commands`)
    "ban chi huy": "ban chi huy ",
    "trung tam": "trung tam ",
    "truong": "truong ",
    # "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "UBND các tỉnh": the provinces' governments (a
    # ministry's directory); "tỉnh" after other kinds is the level they are of ("các sở, ban, ngành tỉnh")
    "tinh": LOCAL_GOVERNMENT + "tinh ",
    "huyen": LOCAL_GOVERNMENT + "huyen ",
    "quan": LOCAL_GOVERNMENT + "quan ",
    "thi xa": LOCAL_GOVERNMENT + "thi xa ",
    "thanh pho": LOCAL_GOVERNMENT + "thanh pho ",
    "xa": LOCAL_GOVERNMENT + "xa ",
    "phuong": LOCAL_GOVERNMENT + "phuong ",
    "thi tran": LOCAL_GOVERNMENT + "thi tran ",
    # Party committees: "các huyện ủy, thành ủy, thị ủy, đảng ủy trực thuộc"
    "tinh uy": "tinh uy ",
    "huyen uy": "huyen uy ",
    "thanh uy": "thanh uy ",
    "thi uy": "thi uy ",
    "quan uy": "quan uy ",
    "dang uy": "dang uy ",
    "chi bo": "chi bo ",
    # a commune's or a ward's villages and residential groups: "các thôn", "các tổ dân phố", "các xóm, ấp"
    "thon": "thon ",
    "to dan pho": "to dan pho ",
    "xom": "xom ",
    "ap": "ap ",
    "khu pho": "khu pho ",
    "buon": "buon ",
    "khom": "khom ",
}
_KIND_OPENING = re.compile("^(" + "|".join(sorted(map(re.escape, UNIT_KINDS.values()), key=len, reverse=True)) + ")")
_KIND_OF_OPENING = {opening: kind for kind, opening in UNIT_KINDS.items()}


@functools.lru_cache(maxsize=4096)
def unit_kind(key: str) -> str | None:
    """The kind of a unit by its key (`unit_key`): the longest of `UNIT_KINDS` its name opens with ("chi cuc thue"
    → "chi cuc", "uy ban nhan dan huyen bao thang" → "huyen"); None for a name that opens with no kind word."""
    found = _KIND_OPENING.match(key + " ")
    return _KIND_OF_OPENING[found.group(1)] if found else None


def same_kind(key: str, other: str) -> bool:
    """Whether two unit keys may name one unit: of one kind, or one of them written without its kind ("Lâm nghiệp
    và Kiểm lâm" for "Cục Lâm nghiệp và Kiểm lâm")."""
    mine, theirs = unit_kind(key), unit_kind(other)
    return mine is None or theirs is None or mine == theirs


@dataclass(frozen=True, kw_only=True)
class UnitMatch:
    index: int  # position in the candidate list
    score: float  # 0..100


INITIALS_SCORE = 98.0  # a unit written with the initials of its words ("Phòng KT&HT"), the only one they fit


def best_unit_match(name: str, candidate_keys: Sequence[str], *, cutoff: float = 86.0) -> UnitMatch | None:
    """Best directory unit for `name`; exact key wins ("&" read as "và"), then the one unit whose words' initials
    the name's abbreviations spell ("Phòng KT&HT", "Phòng VH-TT"), else a fuzzy score above `cutoff`."""
    key = _bare(unit_key(name))
    if not key:
        return None
    best: UnitMatch | None = None
    placed: list[int] = []  # the candidates that are `name` but for the province's name
    bare_key = without_va(key)
    for i, cand in enumerate(candidate_keys):
        cand = _bare(cand)
        if cand == key or cand.replace(" ", "") == key.replace(" ", "") or without_va(cand) == bare_key:
            return UnitMatch(index=i, score=100.0)  # (words glued or split by a scan or copy-paste are the same name)
        if _numbers(key) and _numbers(cand) and _numbers(key) != _numbers(cand):
            continue  # "Thôn 2" is not "Thôn 12" nor "Thôn 3", however alike they are written
        if not same_kind(key, cand):
            continue  # "Sở Nông nghiệp và Môi trường" is not "Bộ Nông nghiệp và Môi trường"
        if _without_province(key) == _without_province(cand):
            placed.append(i)
        score = max(fuzz.ratio(key, cand), fuzz.token_sort_ratio(key, cand))
        if score >= cutoff and (best is None or score > best.score):
            best = UnitMatch(index=i, score=score)
    if len(placed) == 1:  # "Bộ CHQS tỉnh Lào Cai" for "Bộ Chỉ huy Quân sự tỉnh": the province's name said or not
        return UnitMatch(index=placed[0], score=PROVINCE_NAMED_SCORE)
    initials = initials_matches(name, candidate_keys)
    if len(initials) == 1:
        return UnitMatch(index=initials[0], score=INITIALS_SCORE)
    return best


PROVINCE_NAMED_SCORE = 99.0  # the same name but for the province's own name after "tỉnh", the only one so
_PROVINCE_NAME = re.compile(r" tinh(?: (?!uy\b)\w+){1,3}$")


def _without_province(key: str) -> str:
    """A province-level name without the province's own name ("cong an tinh lao cai" → "cong an"), and without the
    word "tỉnh" (`_bare`); a Party board's "Tỉnh ủy" stays."""
    return _bare(_PROVINCE_NAME.sub(" tinh", key))


def _numbers(key: str) -> tuple[str, ...]:
    """The numbers a folded name holds ("thon 12" → ("12",)): a village's, a ward's residential group's."""
    return tuple(w for w in key.split() if w.isdigit())


def without_va(key: str) -> str:
    """"kinh te va ha tang" and "kinh te ha tang" (written "Kinh tế & Hạ tầng") are one name."""
    return " ".join(w for w in key.split() if w != "va")


CLOSE_CUTOFF = 65.0  # how close a unit must be to be offered as "did you mean"
CLOSE_MARGIN = 10.0  # … and how near the closest one


def closest_units(name: str, candidate_keys: Sequence[str], *, limit: int = 3) -> list[int]:
    """The candidates closest to a name that matches none, best first: those its abbreviations fit (several units
    spelled alike), then the nearest by their words or, for a name with abbreviations, by their initials."""
    key = _bare(unit_key(name))
    if not key or not candidate_keys:
        return []
    found = initials_matches(name, candidate_keys)
    abbreviations = _abbreviations(name)
    letters = "".join(w if w in abbreviations else w[0] for w in key.split() if w != "va")
    scores: list[tuple[float, int]] = []
    for i, cand in enumerate(candidate_keys):
        cand = _bare(cand)
        own, theirs = _UNIT_KIND.sub("", key), _UNIT_KIND.sub("", cand)  # not alike for sharing "Phòng"
        shared = set(own.split()) & set(theirs.split()) - {"va"}
        score = fuzz.token_set_ratio(own, theirs) if shared else 0.0
        if abbreviations:
            score = max(score, fuzz.ratio(letters, "".join(w[0] for w in cand.split() if w != "va")))
        if score >= CLOSE_CUTOFF:
            scores.append((score, i))
    scores.sort(key=lambda s: -s[0])
    found += [i for score, i in scores if score >= scores[0][0] - CLOSE_MARGIN and i not in found]
    return found[:limit]


_VOWELS = set("aeiouy")
# what may follow a unit's own name and be left out when it is written short: its level
_LEVEL_WORDS = {("tinh",), ("huyen",), ("thanh", "pho"), ("quan",), ("thi", "xa"), ("tinh", "uy"), ("huyen", "uy"),
                ("thanh", "uy")}
_MAX_INITIALS = 8


def _abbreviations(name: str) -> set[str]:
    """The folded words of `name` that may be initials: without a vowel ("kt", "ldtbxh"), or written in capitals
    ("YT", "QLDA") in a name that is not all capitals."""
    found = {w for w in fold(name).split() if not (set(w) & _VOWELS) and w.isalpha()}
    if name != name.upper():
        found |= {fold(m.group()) for m in re.finditer(r"[^\W\d_]{2,}", name)
                  if m.group().isupper() and len(m.group()) <= _MAX_INITIALS}
    return {w for w in found if len(w) <= _MAX_INITIALS}


def initials_matches(name: str, candidate_keys: Sequence[str]) -> list[int]:
    """The candidates (their positions) that `name` spells with abbreviations made of the initials of their words:
    "Phòng KT&HT" is "Phòng Kinh tế và Hạ tầng", "VH-TT" "Văn hóa - Thông tin", "P. TC-KH" "Phòng Tài chính - Kế
    hoạch" ("và" is left out of the initials; the unit's level may be). Full words must be the candidate's own."""
    abbreviations = _abbreviations(name)
    if not abbreviations:
        return []
    words = unit_key(name).split()
    if not any(w in abbreviations for w in words):
        return []
    return [i for i, cand in enumerate(candidate_keys) if _spells(words, abbreviations, cand.split())]


def _spells(words: list[str], abbreviations: set[str], cand: list[str]) -> bool:
    """Whether `words` (full words, and abbreviations standing for the initials of as many words) cover `cand`."""
    seen: set[tuple[int, int]] = set()

    def fits(i: int, j: int) -> bool:
        if (i, j) in seen:
            return False
        seen.add((i, j))
        if i == len(words):
            rest = tuple(cand[j:])
            return not rest or rest in _LEVEL_WORDS or tuple(w for w in rest if w != "va") == ()
        if j < len(cand) and cand[j] == "va" and fits(i, j + 1):
            return True
        word = words[i]
        if j < len(cand) and cand[j] == word and fits(i + 1, j + 1):
            return True
        if word in abbreviations:  # ("P." for "Phòng" too)
            k = j
            for letter in word:
                while k < len(cand) and cand[k] == "va":
                    k += 1
                if k >= len(cand) or cand[k][0] != letter:
                    return False
                k += 1
            return fits(i + 1, k)
        return False

    # "KT&HT" alone: the unit's kind ("Phòng", "Sở", "Ban") may be left out
    return fits(0, 0) or (len(cand) > 1 and cand[0] in ("phong", "so", "ban") and words[0] in abbreviations
                          and fits(0, 1))


def _bare(key: str) -> str:
    """Drop a trailing "tỉnh" that writers add or leave out ("Sở Tài chính tỉnh")."""
    return key[: -len(" tinh")] if key.endswith(" tinh") and key.count(" ") > 1 else key


def unit_keys(names: Iterable[str]) -> list[str]:
    return [unit_key(n) for n in names]


# Scanned copies lose or change the tone marks of role words and names ("phối hop", "Du lich", "dé nghị"): the
# letters of a word with any of its marks, for the few words whose reading decides who acts.
_VOWEL_FORMS: dict[str, str] = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
    "d": "dđ",
}


def _base_letter(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


def loose(word: str) -> str:
    """A regular expression for `word` that accepts any tone mark on its vowels (and "d" for "đ"), either case on
    the first letter, and any spacing between its syllables: loose("phối hợp") matches "phối hop", "Phoi hợp"."""
    out: list[str] = []
    for i, ch in enumerate(word):
        if ch.isspace():
            out.append(r"\s*")
            continue
        forms = _VOWEL_FORMS.get(_base_letter(ch))
        if forms is None:
            out.append(f"[{ch.lower()}{ch.upper()}]" if i == 0 and ch.isalpha() else re.escape(ch))
            continue
        letters = forms + forms.upper() if i == 0 else forms
        out.append(f"[{letters}]")
    return "".join(out)


def fold_same_length(text: str) -> str:
    """`text` lower-cased without tone marks, "đ" as "d", one character for each character of `text`: positions found
    in the folded text are positions in the original."""
    return "".join(_base_letter(ch) for ch in text)


def marked_spelling(name: str, written: Iterable[str]) -> str:
    """The one way a message names a unit (probe 22 F8c, probe 23 F6): the directory's `name`, but where the
    directory spells it without marks ("So Xay dung") and `written` (how a notice or another source writes units)
    has the same unit with its marks ("Sở Xây dựng"), that spelling."""
    if not name or not plain(name):
        return name
    key = _bare_key(name)
    return next((_nfc(w) for w in written if w and _marked(w) and _bare_key(w) == key), name)


# marked_spelling's tests and keys, remembered per text: a directory's unit names and the few ways its notices write
# units (a bounded vocabulary); the delivery tick asks for every line it renders (≈ 12 µs a line uncached, for a
# directory spelled without marks — 1.2 ms of a tick of 100)
@functools.lru_cache(maxsize=4096)
def _marked(text: str) -> bool:
    return strip_marks(text) != text


_nfc = functools.lru_cache(maxsize=4096)(nfc)


@functools.lru_cache(maxsize=4096)
def plain(name: str) -> bool:
    """Whether `name` has a letter and no marks ("So Xay dung"): the only names `marked_spelling` may respell."""
    return not _marked(name) and any(c.isalpha() for c in name)


@functools.lru_cache(maxsize=4096)
def _bare_key(name: str) -> str:
    key = unit_key(name)
    return key[: -len(" tinh")] if key.endswith(" tinh") else key
