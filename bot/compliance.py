"""Tasks whose whole content is a generic call to comply ("… nghiêm túc thực hiện", "chịu trách nhiệm toàn diện
trước …", "theo dõi, đôn đốc thực hiện") — no concrete work of their own. The parser may list them (the labels call
such a closing optional); the admin's preview marks them so he can drop them before every check-in chases them.

Pure text: each clause of the task (split at ";" and ".") is generic compliance, a neutral aside ("Trong quá trình
thực hiện, nếu có khó khăn, vướng mắc, … báo cáo … để xem xét, giải quyết"), or work. A task is flagged only when it
has at least one generic clause and no work clause. Matching is on folded text (NFC, lower case, no marks, đ → d),
so "uỷ/ủy", "hoà/hòa" and text typed without marks compare alike."""

from __future__ import annotations

import re
import unicodedata

from storage.unitgroups import read_group


def fold(text: str) -> str:
    """Lower case without marks ("Ủy" and "Uỷ" → "uy", "đ" → "d"), spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).lower().replace("đ", "d"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain).strip()


# what a generic call refers to: this document or its contents ("các nội dung trên", "Thông báo này", "văn bản này",
# "các nhiệm vụ được giao tại Kế hoạch này") — never another document or a named piece of work
_DOC = r"(?:thong bao|van ban|cong van|ke hoach|ket luan|chi thi|quyet dinh|chuong trinh|huong dan|y kien chi dao)"
_THIS = (rf"(?:(?:(?:cac |nhung )?(?:noi dung|nhiem vu|yeu cau|y kien|chi dao|de nghi|viec)"
         rf"(?: (?:chi dao|ket luan|da neu|duoc giao|neu|noi|de ra))? (?:o |tai |cua |theo )?)?"
         rf"(?:tren|nay|{_DOC}(?: ket luan)? (?:nay|tren)))")
_HOW = r"(?: (?:tot|kip thoi|hieu qua|co hieu qua|nghiem tuc|nghiem|day du|dung quy dinh|theo quy dinh|dung tien do))*"
# the generic verb phrase at the end of a clause
_CARRY = (r"(?:nghiem tuc (?:trien khai |to chuc )?thuc hien|"
          r"(?:(?:to chuc|trien khai|khan truong),? )*(?:trien khai|thuc hien|to chuc thuc hien)"
          r"(?: nghiem tuc| nghiem)?)")
# "phối hợp với các bộ, ngành liên quan (tổ chức,) triển khai thực hiện Kế hoạch": joining others in the same call
_JOINT = r"(?:phoi hop(?: voi [^;]*?)?,? )?"
GENERIC_END = re.compile(rf"(?:^|\s){_JOINT}{_CARRY}{_HOW}(?: {_THIS})?{_HOW}$")
# a bare "thực hiện" needs the call or the document around it ("X thực hiện" alone is too thin to judge)
_CALLED = re.compile(r"\b(?:yeu cau|de nghi|giao|can cu)\b|nghiem|trien khai")
# "chịu trách nhiệm (toàn diện) trước …" / "… về …": the whole clause, whatever condition follows ("nếu để xảy ra …")
ANSWERABLE = re.compile(r"(?:^|\s)chiu (?:hoan toan )?trach nhiem(?: (?:toan dien|ca nhan|hoan toan))*"
                        r"(?: (?:truoc|ve)\b.*)?$")
# … unless it answers for a piece of work: "chịu trách nhiệm về việc tổng hợp số liệu", "… về hướng dẫn nghiệp vụ"
_ANSWERS_FOR_WORK = re.compile(r"\bve (?:viec |cong tac )?(?=\S)")
# "(Giao) Văn phòng … theo dõi, đôn đốc (, kiểm tra) (việc) (triển khai) thực hiện (…này)"
FOLLOW_UP = re.compile(rf"(?:^|\s)theo doi,? (?:va )?don doc(?:,? (?:va )?kiem tra)?(?: viec)?"
                       rf"(?: (?:trien khai|to chuc))?(?: thuc hien)?(?: {_THIS})?{_HOW}$")
# a neutral aside: "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, … báo cáo … (để xem xét, giải quyết)"
ASIDE = re.compile(r"^(?:trong qua trinh (?:trien khai )?(?:thuc hien|to chuc thuc hien)\b.*)?"
                   r"neu (?:co )?(?:phat sinh )?(?:kho khan|vuong mac)\b")
# a lead-in that frames the call ("Căn cứ Thông báo này,", "Chủ tịch UBND tỉnh yêu cầu …")
_LEAD_IN = re.compile(rf"^can cu (?:vao )?(?:(?:noi dung )?{_DOC}(?: ket luan)? (?:nay|tren)|"
                      rf"chuc nang,? nhiem vu(?:,? quyen han)?(?: duoc giao)?),? ")
# concrete work in the words before the generic end: then the clause asks for it ("rà soát … và nghiêm túc thực hiện")
_WORK_WORDS = (
    r"chu tri|phoi hop|xay dung|bao cao|kiem tra|ra soat|huong dan|tham muu|tang cuong|day manh|day nhanh|"
    r"thuc day|hoan thanh|hoan thien|gui|ban hanh|nghien cuu|de xuat|cung cap|quan ly|bo tri|tuyen truyen|"
    r"van dong|pho bien|quan triet|nang cao|bao dam|dam bao|xu ly|giai quyet|khac phuc|chuan bi|huy dong|"
    r"kien toan|chan chinh|tong hop|cap nhat|lua chon|xac dinh|duy tri|sap xep|thong ke|soan thao|"
    r"tham dinh|giam sat|kiem soat|van hanh|tiep nhan|thu hoi|tam dung|di doi|thanh tra|dieu tra|tap huan|"
    r"boi duong|phan cong|cong khai|danh gia|so ket|tong ket|ngan chan|bo sung|dieu chinh|sua doi|"
    r"chi dao|theo doi|don doc|hoan tra|nop|thanh toan|giai ngan|lam viec|dang ky|to chuc (?!thuc hien)|"
    r"thong bao(?! (?:nay|tren|ket luan))|biet")
WORK = re.compile(rf"\b(?:{_WORK_WORDS})\b")
# a unit's name that holds a work word: "Sở Xây dựng", "Ban Quản lý dự án", "Thanh tra tỉnh", "Trung tâm Phát triển
# quỹ đất" (the work word right after the kind of unit)
_UNIT_NAMED_FOR_WORK = re.compile(rf"\b(?:(?:so|bo|cuc|chi cuc|tong cuc|phong|ban|trung tam|vu|doan|to|hoi dong|"
                                  rf"van phong|ban chi dao) (?:{_WORK_WORDS})|thanh tra (?=tinh|huyen|thanh pho|"
                                  rf"bo|chinh phu|so|xa|quan|thi xa))\b")
# the call itself and what may name the doers before it: not work
_ASKING = re.compile(r"\b(?:yeu cau|de nghi|giao|chi dao)\b")


def _names_out(words: str) -> str:
    """The words before a generic call without the ask ("yêu cầu", "giao") and the work words that units' names hold
    ("Ban Chỉ đạo", "Ban Quản lý", "tổ chức, cá nhân")."""
    words = _UNIT_NAMED_FOR_WORK.sub(" ", words)
    words = re.sub(r"\bto chuc(?=,| va| ca nhan| doan the| chinh tri| hoi| co lien quan)", " ", words)
    return _ASKING.sub(" ", words)


# "… triển khai thực hiện Kế hoạch." in a plan: the document itself, by its kind capitalised at the end of a clause
# (marks stripped, case kept); "Kế hoạch số 12/KH-UBND" or "kế hoạch" in lower case is another one
_OWN_DOC = re.compile(r"\b(?:thuc hien|trien khai)\s+(?:Ke hoach|Quyet dinh|Chi thi|Chuong trinh|Ket luan|Thong bao)"
                      r"(?=\s*(?:[.;]|$))")


def _plain(text: str) -> str:
    """The text without marks, case kept ("Kế hoạch" → "Ke hoach")."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _clauses(text: str) -> list[str]:
    folded = fold(_OWN_DOC.sub(lambda m: f"{m.group(0)} nay", _plain(text)))
    folded = re.sub(r"\./\.?\s*$|\s*\./\s*$", "", folded)
    parts = re.split(r"\s*(?:;|\.(?=\s|$)|:(?=\s))\s*", folded)
    return [p.strip(" ,-–+•") for p in parts if p.strip(" ,-–+•")]


def _generic(clause: str) -> bool:
    framed = _LEAD_IN.match(clause) is not None
    clause = _LEAD_IN.sub("", clause)
    for pattern in (GENERIC_END, FOLLOW_UP):
        m = pattern.search(clause)
        if m is None:
            continue
        before = clause[:m.start()]
        if pattern is GENERIC_END and not (_CALLED.search(m.group(0)) or _CALLED.search(before) or framed):
            continue
        # the doers' names may hold "chỉ đạo" ("Ban Chỉ đạo") or "giao" only as words of the ask; the rest is work
        words = _names_out(before)
        if WORK.search(words) is None:
            return True
    m = ANSWERABLE.search(clause)
    if m is not None:
        about = _ANSWERS_FOR_WORK.search(m.group(0))
        if about is not None and WORK.match(m.group(0)[about.end():]):
            return False
        before = _names_out(clause[:m.start()])  # only the doers: "Thực hiện đúng nhiệm vụ … và chịu …" is work
        return WORK.search(before) is None and re.search(r"\b(?:thuc hien|trien khai)\b", before) is None
    return False


def _label(clause: str) -> bool:
    """A clause that only names the doers ("Các bộ, ban, ngành khác" before the colon of an item): neither work nor
    a call."""
    group = read_group(clause)
    return group is not None and not group.qualifier


def generic_compliance(text: str) -> bool:
    """Whether a task's whole content is a generic call to comply (no concrete work of its own)."""
    clauses = _clauses(text)
    if not clauses:
        return False
    kinds = ["aside" if ASIDE.search(c) or _label(c) else "generic" if _generic(c) else "work" for c in clauses]
    return "generic" in kinds and "work" not in kinds
