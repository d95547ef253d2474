"""Legacy Vietnamese encodings still found in older provincial documents: TCVN3 (ABC,
".VnTime" fonts) and VNI-Windows ("VNI-Times"). Text typed in them shows up as Latin-1
look-alikes ("Céng hßa", "Coäng hoøa"); `repair_legacy` recognises that and converts it.

Recognition is by result, not by guessing bytes: each conversion is tried and kept only if
it turns the text into much more recognisable Vietnamese (common syllables)."""

from __future__ import annotations

import re
from functools import lru_cache

# TCVN3 (TCVN 5712:1993 VN3): one Latin-1 code point per lower-case Vietnamese letter.
# Upper-case letters with tones use the same codes in an upper-case font, so they convert to
# lower case; only Ă Â Đ Ê Ô Ơ Ư have codes of their own.
_TCVN3_LOWER = {
    "a": "µ¸¶·¹", "ă": "»¾¼½Æ", "â": "ÇÊÈÉË", "e": "ÌÐÎÏÑ", "ê": "ÒÕÓÔÖ", "i": "×ÝØÜÞ",
    "o": "ßãáâä", "ô": "åèæçé", "ơ": "êíëìî", "u": "ïóñòô", "ư": "õøö÷ù", "y": "úýûüþ",
}
_TCVN3_PLAIN = {"ă": "¨", "â": "©", "đ": "®", "ê": "ª", "ô": "«", "ơ": "¬", "ư": "\u00ad",
                "Ă": "¡", "Â": "¢", "Đ": "§", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦"}
# Tone order in both tables: grave, acute, hook, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"

# VNI-Windows: a base letter followed by a Latin-1 mark letter (two code points).
_VNI_TONES_AEOUY = "øùûõï"  # grave, acute, hook, tilde, dot — after a, e, o, u, y (and â, ê, ô, ơ, ư)
_VNI_TONES_CIRC = "àáåãä"  # after the circumflex mark "â" on a, e, o: "aâ" = â, "aá" = ấ …
_VNI_TONES_BREVE = "èéúüë"  # after the breve mark "ê" on a: "aê" = ă, "aé" = ắ …
_VNI_I = "ìíæóò"  # i with tones is one code point


def _compose(base: str, tone_index: int) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", base + _TONES[tone_index])


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[str, str]:
    table = {code: plain for plain, code in _TCVN3_PLAIN.items()}
    for base, codes in _TCVN3_LOWER.items():
        for i, code in enumerate(codes):
            table[code] = _compose(base, i)
    return table


@lru_cache(maxsize=1)
def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lower in (True, False):
        def c(s: str, lower: bool = lower) -> str:
            return s if lower else s.upper()

        for base, plain in (("a", "a"), ("e", "e"), ("o", "o"), ("u", "u"), ("y", "y")):
            for i, mark in enumerate(_VNI_TONES_AEOUY):
                if base == "y" and i == 4:
                    continue  # ỵ is "î"
                table[c(base) + c(mark)] = c(_compose(plain, i))
        for base, plain in (("a", "â"), ("e", "ê"), ("o", "ô")):
            table[c(base) + c("â")] = c(plain)
            for i, mark in enumerate(_VNI_TONES_CIRC):
                table[c(base) + c(mark)] = c(_compose(plain, i))
        table[c("a") + c("ê")] = c("ă")
        for i, mark in enumerate(_VNI_TONES_BREVE):
            table[c("a") + c(mark)] = c(_compose("ă", i))
        for plain, code in (("ơ", "ô"), ("ư", "ö")):
            table[c(code)] = c(plain)
            for i, mark in enumerate(_VNI_TONES_AEOUY):
                table[c(code) + c(mark)] = c(_compose(plain, i))
        for i, code in enumerate(_VNI_I):
            table[c(code)] = c(_compose("i", i))
        table[c("î")] = c("ỵ")
        table[c("ñ")] = c("đ")
    return table


@lru_cache(maxsize=2)
def _pattern(kind: str) -> re.Pattern[str]:
    table = _tcvn3_table() if kind == "tcvn3" else _vni_table()
    return re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))


def convert(text: str, kind: str) -> str:
    table = _tcvn3_table() if kind == "tcvn3" else _vni_table()
    return _pattern(kind).sub(lambda m: table[m.group(0)], text)


COMMON = frozenset(
    "của và các có được trong cho với để theo về những này một người đã là thực hiện tỉnh ủy ban nhân dân "
    "công tác năm việc đồng chí báo cáo kế hoạch nhiệm vụ chủ trì phối hợp sở ngày tháng quy định đơn vị "
    "cơ quan tổ chức triển khai số tại trên thông tin quản lý đề nghị giao yêu cầu thời gian hoàn thành "
    "văn bản nội dung kết quả đảm bảo tăng cường xây dựng phát triển nước cộng hòa xã hội chủ nghĩa việt nam "
    "độc lập tự do hạnh phúc nơi nhận lưu tiếp tục chỉ đạo liên quan hướng dẫn trước huyện thành phố".split())
_WORD = re.compile(r"[^\W\d_]+", re.U)


def vietnamese_score(text: str) -> int:
    """How many words of `text` are common Vietnamese syllables (written with their diacritics)."""
    return sum(1 for w in _WORD.findall(text[:20000].lower()) if w in COMMON)


def repair_legacy(text: str) -> str:
    """`text` converted from TCVN3 or VNI when that makes it much more Vietnamese; else unchanged."""
    if not any("\u00a0" <= ch <= "\u00ff" for ch in text[:20000]):
        return text  # no Latin-1 look-alikes: nothing to repair (also the fast path)
    best, best_score = text, vietnamese_score(text)
    for kind in ("tcvn3", "vni"):
        candidate = convert(text, kind)
        score = vietnamese_score(candidate)
        if score > max(10, best_score * 2):
            best, best_score = candidate, score
    return best
