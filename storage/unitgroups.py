"""Groups of units named as one lead: "các sở, ban, ngành", "UBND các huyện, thành phố", "Thủ trưởng các
sở, ban, ngành tỉnh", "các bộ, cơ quan ngang bộ"; in a commune's or a ward's directory "các thôn", "Trưởng các tổ dân
phố", "các ban, ngành, đoàn thể xã", "các đoàn thể". A notice that asks a group asks each member; this module
says whether a name is a group and which of a directory's units belong to it (pure: names in, names out)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storage.unitnames import LOCAL_GOVERNMENT, UNIT_KINDS, same_kind, unit_key, unit_kind, without_va
from storage.vntext import fold, nfc

# The kind word of a group (folded, abbreviations expanded) → how the names of its members begin: the kinds of units.
_LOCAL = LOCAL_GOVERNMENT  # how the key of a local government's unit begins ("UBND xã …")
KINDS: dict[str, str] = dict(UNIT_KINDS)
VILLAGE_BAN = "bản"
VILLAGES = ("thon", "to dan pho", "xom", "ap", "khu pho", "buon", "khom", VILLAGE_BAN)
# "bản" (a village of the north-west) folds as "ban" (a board): the kind "bản" is told by its written mark ("các
# bản"), by a village kind before it ("các thôn, bản"), or, for "các ban" alone, by a directory whose every unit named
# so is written "Bản …"; its members are told from the boards by their written names
KINDS[VILLAGE_BAN] = KINDS["ban"]
_MARKED_BAN = re.compile(r"(?<!\w)bản(?!\w)")
# "các huyện, thành, thị ủy": "ủy" after the last of the levels belongs to each of them
_SHARED_UY = re.compile(r"\b((?:tinh|huyen|thanh|thi|quan)(?:\s+(?:tinh|huyen|thanh|thi|quan))+)\s+uy\b")
# Kind words that name no directory prefix: part of a group, but nobody can be found by them.
GENERIC = ("co quan ngang bo", "co quan", "nganh", "don vi", "dia phuong", "doan the", "to chuc", "hoi",
           "doanh nghiep", "cap uy", "to chuc dang", "chinh quyen")
# "Thủ trưởng các sở", "Chủ tịch UBND các huyện", "lãnh đạo các phòng", "Tổ trưởng các tổ dân phố": the heads of the
# members.
_TITLE = re.compile(r"^(?:(?:tat ca|toan bo|thu truong|lanh dao|giam doc|chu tich|truong|to truong|nguoi dung dau|"
                    r"bi thu)\s+)+")
# "… có liên quan", "… liên quan": some members, nobody can say which.
_SOME = re.compile(r"\b(?:co lien quan|lien quan)\b")
# "… khác", "… còn lại" right after the kinds: the others (`Group.others`)
_OTHERS = re.compile(r"^(?:khac|con lai)\b\s*")
# "(các tỉnh,) thành phố trực thuộc trung ương": which cities, not a body the members belong to
_CENTRAL = re.compile(r"^truc thuoc trung uong$")
_QUALIFIER_LEAD = re.compile(r"^(?:cua|thuoc|truc thuoc|tren dia ban|cap)\s+")
# "(trực) thuộc Sở", "thuộc UBND huyện": the qualifier names the body the members belong to
_UNDER = re.compile(r"^(?:truc thuoc|thuoc)\b")
_PARTY_BOARD = re.compile(r"\b(?:tinh|huyen|thanh|thi|quan|dang) uy$")
# the kinds that are local governments, also written after other kinds as the level they are of
_LEVELS = ("tinh", "huyen", "quan", "thi xa", "thanh pho", "xa", "phuong", "thi tran")
_ORDERED = sorted([*(k for k in KINDS if k != VILLAGE_BAN), *GENERIC], key=len, reverse=True)


@dataclass(frozen=True, kw_only=True)
class Group:
    kinds: tuple[str, ...]  # the kinds with directory prefixes ("so", "ban"); empty: nobody can be named
    qualifier: str  # folded words after the kinds ("tinh" in "các sở, ban, ngành tỉnh"), "" if none
    some: bool  # "… có liên quan": only some members, unknown which
    generic: tuple[str, ...] = ()  # the kind words that name no prefix ("co quan", "don vi", "dia phuong")
    # "tất cả các cơ quan, đơn vị, địa phương", typed so by an admin: every unit of those kinds in the directory
    # (a notice's own "các cơ quan, đơn vị" names nobody in particular: the admin says whom, or says "tất cả")
    every: bool = False
    # "… (trực) thuộc Sở", "… thuộc UBND huyện": the qualifier names the body the members are part of (`qualifier`
    # holds that body's name, "so", "uy ban nhan dan huyen")
    under: bool = False
    # "Các bộ, ban, ngành khác", "các sở còn lại": the members the same notice gives no task of their own (the reader
    # of the notice leaves out the units it names as leads elsewhere)
    others: bool = False
    # "Sở Nông nghiệp và Môi trường các tỉnh", "Phòng Tài chính các huyện": one unit's name (folded, "so nong nghiep
    # va moi truong") in every place of the levels `places` ("tinh",): its members are the units so named in any
    # place of those levels ("Sở Nông nghiệp và Môi trường tỉnh Lào Cai")
    named: str = ""
    places: tuple[str, ...] = ()


# what the generic kind words cover when every one is meant: the local governments, or every other body
_LOCAL_WORDS = ("dia phuong", "chinh quyen")
_BODY_WORDS = ("co quan", "don vi", "nganh")
_EVERY = re.compile(r"^(?:tat ca|toan bo|moi)\s+")


def read_group(name: str) -> Group | None:
    """The group `name` is, or None when it names one unit ("Sở Tài chính") or nothing a group is made of."""
    written = unit_key(name).strip()
    every = _EVERY.match(written) is not None
    key = _TITLE.sub("", written)
    if key.startswith(_LOCAL + "cac "):
        key = key[len(_LOCAL):]
    if not key.startswith("cac "):
        return _over_places(key)
    rest = _SHARED_UY.sub(lambda m: " ".join(f"{w} uy" for w in m.group(1).split()), key[len("cac "):])
    kinds: list[str] = []
    generic: list[str] = []
    read: list[str] = []  # every kind word, in order
    while rest:
        kind = next((k for k in _ORDERED if rest == k or rest.startswith(k + " ") or rest.startswith(k + ",")), None)
        if kind is None:
            break
        if kind in _LEVELS and (rest == kind or kind == "tinh") and read and read[-1] not in _LEVELS:
            break  # "các ban, ngành, đoàn thể xã", "các sở, ngành tỉnh Lào Cai": the level the bodies are of
        if kind == "tinh uy" and read and not read[-1].endswith(" uy"):
            break  # "các Ban Tỉnh ủy": the body the boards are of
        read.append(kind)
        if kind in KINDS:
            kinds.append(kind)
        else:
            generic.append(kind)
        rest = rest[len(kind):].lstrip()
        rest = rest[re.match(r"^(?:(?:,|va\b|/|-)\s*)?(?:cac\s+)?", rest).end():]  # type: ignore[union-attr]
    if not kinds and not generic:
        return None
    if "ban" in kinds and (_MARKED_BAN.search(nfc(name).lower()) or
                           any(k in VILLAGES for k in kinds[:kinds.index("ban")])):
        kinds[kinds.index("ban")] = VILLAGE_BAN  # "các bản", "các thôn, bản": villages, not boards
    some = bool(_SOME.search(rest))
    others = _OTHERS.search(rest) is not None
    rest = _CENTRAL.sub("", _OTHERS.sub("", rest))
    qualifier = "" if some else _QUALIFIER_LEAD.sub("", rest.strip(" ,.")).strip()
    under = not some and _UNDER.match(rest.strip(" ,.")) is not None
    return Group(kinds=tuple(dict.fromkeys(kinds)), qualifier=qualifier, some=some,
                 generic=tuple(dict.fromkeys(generic)), every=every, under=under, others=others)


_PLACE_LEVELS = r"(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)(?! uy\b)"
# "… các tỉnh", "… các tỉnh, thành phố (trực thuộc trung ương)", "… các huyện, thị xã": the places' levels
_OVER_PLACES = re.compile(rf"^(?P<named>.+?) cac (?P<places>{_PLACE_LEVELS}(?:(?:,| va| /| -)? (?:cac )?"
                          rf"{_PLACE_LEVELS})*)\b(?P<rest>.*)$")
# what may follow the places and still mean all of them ("trên cả nước", "trên địa bàn", "trực thuộc trung ương")
_ALL_PLACES = re.compile(r"^(?:truc thuoc trung uong|tren ca nuoc|trong ca nuoc|ca nuoc|tren dia ban(?: \S+){0,3})?$")


def _over_places(key: str) -> Group | None:
    """A group of one unit's name over places ("Sở Nông nghiệp và Môi trường các tỉnh", "Phòng Tài chính các
    huyện, thị xã", "Công an các xã"): a name that opens with a kind of unit (not a local government, whose groups
    `read_group` reads as such), then "các" and levels of places. Words after the places that say which ones ("…
    các tỉnh miền núi", "… có liên quan"): only some of them, nobody can say which."""
    found = _OVER_PLACES.match(key)
    if found is None:
        return None
    named = found.group("named").strip()
    kind = unit_kind(named)
    if kind is None or kind in _LEVELS:
        return None
    places = tuple(dict.fromkeys(re.findall(_PLACE_LEVELS, found.group("places"))))
    rest = found.group("rest").strip(" ,.")
    return Group(kinds=(kind,), qualifier="", some=_ALL_PLACES.match(rest) is None, named=named, places=places)


def _in_a_place(group: Group, key: str) -> bool:
    """Whether a directory unit's key is the group's named unit in a place of one of its levels: the same name
    ("và" aside), or the name written short, its words in order ("Phòng Tài chính" for "Phòng Tài chính - Kế
    hoạch"), of the same kind, before the level and the place's own name."""
    named = without_va(group.named).split()
    for level in re.finditer(rf" (?P<level>{_PLACE_LEVELS})(?= |$)", key):
        if level.group("level") not in group.places:
            continue
        own = without_va(key[:level.start()]).split()
        if own == named or (own[:1] == named[:1] and same_kind(group.named, key) and _in_order(named, own)):
            return True
    return False


def _in_order(words: list[str], within: list[str]) -> bool:
    rest = iter(within)
    return all(any(w == x for x in rest) for w in words)


def _every_covers(group: Group) -> tuple[bool, bool]:
    """What "tất cả" before the group's generic words takes in: (the local governments, every other body)."""
    return any(w in group.generic for w in _LOCAL_WORDS), any(w in group.generic for w in _BODY_WORDS)


def every_form_names_units(group: Group) -> bool:
    """Whether the group, said with "tất cả", names units of a directory: generic words only ("các cơ quan, đơn
    vị, địa phương"), not "… có liên quan", and words that cover local governments or other bodies."""
    return not group.kinds and not group.some and any(_every_covers(group))


# the kinds whose units are parts of one body (its phòng, its chi cục): "các phòng, đơn vị" is that body's units
_PARTS = ("phong", "chi cuc")
# the words that, beside the body's parts or before "(trực) thuộc …", take in every other unit of that body
_UNIT_WORDS = ("don vi", "co quan")
# a body's office ("Văn phòng Sở", "Văn phòng HĐND và UBND huyện") is one of its phòng: it is named with them
# ("các phòng chuyên môn" of a Sở or a huyện take in the Văn phòng) in a directory of one body's parts
_OFFICE = "van phong "


def of_one_body(keys: Sequence[str]) -> bool:
    """Whether the directory is of one body's parts (its phòng, its chi cục; no sở): a department's or a district's,
    not a province's, whose "các đơn vị trực thuộc" are an addressee's own units, not its directory's."""
    return any(k.startswith(p) for k in keys for p in (KINDS["phong"], KINDS["chi cuc"])) and \
        not any(k.startswith(KINDS["so"]) for k in keys)


def whole_body(group: Group, keys: Sequence[str]) -> bool:
    """Whether the group is every unit of the body the directory is of (`of_one_body`): "các phòng, đơn vị",
    "các phòng, đơn vị (trực) thuộc Sở", "các cơ quan, đơn vị thuộc UBND huyện", "các đơn vị trực thuộc" — not when
    the body named is itself a unit of the directory ("các đơn vị thuộc Chi cục X": its members are not there).
    The local governments under the body ("UBND các xã") are named as such, never in it; the leaders' own unit is
    left out by whoever reads the people (it takes no task)."""
    if group.some or not any(w in group.generic for w in _UNIT_WORDS) or not of_one_body(keys):
        return False
    if group.under:
        return group.qualifier not in keys
    return any(kind in _PARTS for kind in group.kinds)


def members(group: Group, keys: Sequence[str], names: Sequence[str] | None = None) -> list[int]:
    """Positions in `keys` (the directory units' `unit_key`s, as `Unit.name_key` holds them) of the units that
    belong to `group`, in directory order. Per kind, a qualifier that some of that kind's units end with
    ("các ban Tỉnh ủy") keeps those only. `names`, the units' names as written, tell a village "Bản …" from a board
    "Ban …" (without them no unit is taken for a village "bản")."""
    if group.some:
        return []
    if group.named:  # "Sở Nông nghiệp và Môi trường các tỉnh": that unit of each place the directory has
        return [i for i, k in enumerate(keys) if _in_a_place(group, k)]
    found: set[int] = set()
    if group.every or whole_body(group, keys):
        # "tất cả các cơ quan, đơn vị, địa phương": the local governments, every other body, or both; "các phòng,
        # đơn vị thuộc Sở": every body
        local, bodies = _every_covers(group) if group.every else (False, True)
        found.update(i for i, k in enumerate(keys) if (local and k.startswith(_LOCAL)) or
                     (bodies and not k.startswith(_LOCAL)))
    village_bans = _village_bans(keys, names)
    if sections_of_commune(group, keys):
        # "các ban, ngành, đoàn thể xã": every body of the commune but its villages and the local governments (the
        # leaders' own unit is left out by whoever reads the people)
        found.update(i for i, k in enumerate(keys) if not k.startswith((_LOCAL, *_VILLAGE_PREFIXES))
                     and i not in village_bans)
    elif group.generic == ("doan the",) and not group.kinds:
        # "các đoàn thể": the mass organisations (the Front, the Hội, the Youth Union, the trade union, the veterans)
        found.update(i for i, k in enumerate(keys) if k.startswith(_MASS) and not k.startswith(_NOT_MASS)
                     and (not group.qualifier or k.endswith(" " + group.qualifier) or k.startswith(_MASS_PLAIN)))
    for kind in group.kinds:
        of_kind = [i for i, k in enumerate(keys) if k.startswith(KINDS[kind])]
        if KINDS[kind] == KINDS["ban"]:
            boards = [i for i in of_kind if i not in village_bans]
            if kind == VILLAGE_BAN or (not boards and group.kinds == ("ban",) and not group.generic):
                of_kind = [i for i in of_kind if i in village_bans]  # "các ban" in a directory of villages "Bản …"
            else:
                of_kind = boards
        if group.qualifier and kind not in VILLAGES:
            qualified = [i for i in of_kind if keys[i].endswith(" " + group.qualifier)]
            of_kind = qualified or of_kind
        if kind == "ban" and "so" in group.kinds:  # "sở, ban, ngành": the government's boards, not the Party's
            of_kind = [i for i in of_kind if not _PARTY_BOARD.search(keys[i])]
        if kind == "phong" and of_kind and of_one_body(keys):
            of_kind += [i for i, k in enumerate(keys) if k.startswith(_OFFICE)]
        found.update(of_kind)
    if "nganh" in group.generic and "so" in group.kinds and not of_one_body(keys):
        # "các sở, ban, ngành (tỉnh)": the sectors beside the departments — the inspectorate, the police, the
        # military command, social insurance, the treasury, the tax and statistics offices (not the government's
        # office, Văn phòng UBND, which writes and follows the notices)
        found.update(i for i, k in enumerate(keys) if k.startswith(_SECTORS)
                     and (not group.qualifier or k.endswith(" " + group.qualifier) or _of_province(k, group.qualifier)))
    return sorted(found)


# the mass organisations ("các đoàn thể"), by how their folded keys begin: the Fatherland Front, the Hội (farmers,
# women, veterans), the Youth Union, the trade union — not the People's Council ("Hội đồng nhân dân")
_MASS = ("uy ban mat tran to quoc", "mat tran to quoc", "hoi ", "doan thanh nien", "doan tncs", "cong doan",
         "cuu chien binh", "tinh doan", "thanh doan", "huyen doan", "lien doan lao dong")
_NOT_MASS = ("hoi dong ",)
_MASS_PLAIN = ("tinh doan", "thanh doan", "huyen doan")  # their level is in their first word, not their last
# the levels "các ban, ngành, đoàn thể" is said of below a province: "… xã/phường/thị trấn", "… huyện", none
_SECTION_LEVELS = ("xa", "phuong", "thi tran", "huyen", "quan", "")
# how the villages' keys begin ("Bản …" is told by its written name: `_village_bans`)
_VILLAGE_PREFIXES = tuple(KINDS[k] for k in VILLAGES if k != VILLAGE_BAN)


def _village_bans(keys: Sequence[str], names: Sequence[str] | None) -> set[int]:
    """The units written "Bản …" (villages), told from the boards "Ban …" by their names as written."""
    if names is None:
        return set()
    return {i for i, k in enumerate(keys) if k.startswith(KINDS["ban"]) and nfc(names[i]).lower().startswith("bản ")}


def sections_of_commune(group: Group, keys: Sequence[str]) -> bool:
    """Whether the group is "các ban, ngành, đoàn thể (xã)" outside a province's directory (no sở in it): a
    commune's (a ward's, a district's) every body but its villages and the local governments."""
    return "doan the" in group.generic and not group.some and set(group.kinds) <= {"ban"} and \
        bool(group.kinds or "nganh" in group.generic) and group.qualifier in _SECTION_LEVELS \
        and not any(k.startswith(KINDS["so"]) for k in keys)


def _of_province(key: str, qualifier: str) -> bool:
    """Whether a sector's key is the province's, its name said after "tỉnh" ("cong an tinh lao cai" for "… thuộc
    tỉnh")."""
    return qualifier == "tinh" and re.search(r" tinh(?: (?!uy\b)\w+){1,3}$", key) is not None


# how the units a province's "ngành" takes in besides its sở and ban begin (folded keys)
_SECTORS = ("thanh tra ", "cong an ", "bo chi huy ", "bao hiem xa hoi ", "kho bac ", "cuc ", "ngan hang nha nuoc ")


# "… báo cáo về Phòng X", "gửi Văn phòng Sở", "nộp về …", "gửi về UBND xã (qua Văn phòng - Thống kê)": where a
# task's results go
_TO_WORDS = r"(?:gui ve|gui|nop ve|nop|ve|qua)"


def receiver(text: str, units: Sequence[str]) -> str | None:
    """The one of `units` (a group's members) that a task's results are sent to ("Các phòng báo cáo kết quả … về
    Phòng Kế hoạch - Tổng hợp"), None if none: that unit collects the reports, it does not send one to itself."""
    folded = " ".join(fold(text).split())
    return next((u for u in units if re.search(rf"\b{_TO_WORDS}\s+{re.escape(' '.join(fold(u).split()))}\b",
                                               folded)), None)
