"""Who must act: lead units (chủ trì) and supporting units (phối hợp) in a task's text."""

from __future__ import annotations

import re

# Words a unit's name starts with. Lower-case group words ("các sở, ngành") count too.
_HEADS = (
    r"Sở|Ban|Bộ|Ủy\s*ban|Uỷ\s*ban|UBND|HĐND|Hội\s*đồng|Văn\s*phòng|VP|Phòng|Cục|Tổng\s*cục|Vụ|Viện|"
    r"Trung\s*tâm|Công\s*an|Bộ\s*Chỉ\s*huy|Bộ\s*đội|Hội|Đoàn|Mặt\s*trận|MTTQ|UBMTTQ|Liên\s*đoàn|Liên\s*minh|"
    r"Tỉnh\s*ủy|Tỉnh\s*uỷ|Thành\s*ủy|Thành\s*uỷ|Huyện\s*ủy|Huyện\s*uỷ|Thị\s*ủy|Thị\s*uỷ|Đảng\s*ủy|Đảng\s*uỷ|"
    r"Thường\s*trực|Kho\s*bạc|Ngân\s*hàng|Thanh\s*tra|Đài|Báo|Tòa\s*án|Toà\s*án|Viện\s*kiểm\s*sát|Công\s*ty|"
    r"Tập\s*đoàn|Tổng\s*công\s*ty|Chủ\s*tịch|Giám\s*đốc|Thủ\s*trưởng|Trưởng\s*ban|Chánh\s*Văn\s*phòng|Trường|"
    r"Bệnh\s*viện|Bảo\s*hiểm|BHXH|Quỹ|Chi\s*cục|Cảng\s*vụ|Ban\s*quản\s*lý|BQL|Hạt|Kiểm\s*lâm|"
    r"Thủ\s*tướng|Phó\s*Thủ\s*tướng|Chính\s*phủ|Ngân\s*hàng\s*Nhà\s*nước|Bộ\s*trưởng|"
    r"Ủy\s*ban\s*Kiểm\s*tra|Học\s*viện|Đại\s*học|Nhà\s*xuất\s*bản|Cơ\s*quan|Tổ\s*công\s*tác|Ban\s*Chỉ\s*đạo|"
    r"Hiệp\s*hội|Liên\s*hiệp|Đội|Lực\s*lượng|Chi\s*nhánh|Cảnh\s*sát"
)
_GROUP = r"các|mọi|những|toàn\s*thể|cơ\s*quan|đơn\s*vị|địa\s*phương|các\s*cơ\s*quan"
UNIT_START = re.compile(rf"(?:{_HEADS})\b|(?:{_GROUP})\s", re.U)

# Words after which a unit name has ended (the verb or role that follows it).
_STOP = (
    r"chủ\s*trì|phối\s*hợp|thực\s*hiện|có\s*trách\s*nhiệm|khẩn\s*trương|nghiên\s*cứu|tổ\s*chức|chỉ\s*đạo|"
    r"tham\s*mưu|xây\s*dựng|rà\s*soát|báo\s*cáo|triển\s*khai|tiếp\s*tục|chủ\s*động|hướng\s*dẫn|theo\s*dõi|"
    r"đôn\s*đốc|tập\s*trung|xem\s*xét|cho\s*ý\s*kiến|kiểm\s*tra|giải\s*quyết|xử\s*lý|đề\s*xuất|trình|"
    r"gửi|căn\s*cứ|bố\s*trí|cung\s*cấp|tăng\s*cường|quan\s*tâm|phải|cần|thống\s*nhất|lập|hoàn\s*thành|"
    r"hoàn\s*thiện|cập\s*nhật|ban\s*hành|tiến\s*hành|làm\s*việc|tổng\s*hợp|đánh\s*giá|giám\s*sát|quản\s*lý|"
    r"đảm\s*bảo|bảo\s*đảm|thẩm\s*định|phê\s*duyệt|kịp\s*thời|sớm|nắm|tuyên\s*truyền|vận\s*động|huy\s*động|"
    r"được|là|để|về\s*việc|theo|tại|trong|trước|nhằm|đối\s*với|với|cùng|thì|sau\s*khi|khi|nếu|căn\s*cứ|"
    r"tiếp\s*thu|hoàn\s*chỉnh|làm\s*rõ|chịu\s*trách\s*nhiệm|giao|và\s*các\s*(?:cơ\s*quan|đơn\s*vị)\s*liên\s*quan"
)
STOP_RE = re.compile(rf"\s(?:{_STOP})\b|[:;(\n]|\.(?:\s|$)", re.U)

LEAD_PATTERNS = [
    re.compile(r"(?:^|[\s,;:.(])(?:Giao|giao)\s+(?:cho\s+)?(?P<u>.+)", re.U),
    re.compile(r"(?:^|[\s,;:.(])(?:Đề\s*nghị|đề\s*nghị|Yêu\s*cầu|yêu\s*cầu|Chỉ\s*đạo|chỉ\s*đạo)\s+(?P<u>.+)", re.U),
]
ROLE_AFTER = re.compile(
    r"(?P<u>(?:(?:" + _HEADS + r")\b|(?:" + _GROUP + r")\s)[^:;.\n]{0,160}?)\s+"
    r"(?:chủ\s*trì|có\s*trách\s*nhiệm|khẩn\s*trương|chịu\s*trách\s*nhiệm)\b", re.U)
SUPPORT_RE = re.compile(r"phối\s*hợp\s*(?:chặt\s*chẽ\s*)?(?:với\s*)?(?P<u>.+)", re.U)
SUPPORT_BEFORE = re.compile(
    r"(?P<u>(?:(?:" + _HEADS + r")\b|(?:" + _GROUP + r")\s)[^:;.\n]{0,160}?)\s+phối\s*hợp\b", re.U)

_SPLIT = re.compile(rf",\s*(?=(?:{_HEADS})\b|(?:các|UBND|Ủy\s*ban|Uỷ\s*ban)\s)|\s+và\s+(?=(?:{_HEADS})\b|các\s)",
                    re.U)


MAX_NAME = 90


def _cut(fragment: str) -> str:
    m = STOP_RE.search(" " + fragment)
    name = (" " + fragment)[: m.start()] if m else " " + fragment
    return name.strip(" ,.-–")


def split_units(names: str) -> list[str]:
    parts = [p.strip(" ,.-–") for p in _SPLIT.split(names)]
    return [p for p in parts if p and UNIT_START.match(p) and len(p) <= MAX_NAME]


def _units_from(fragment: str) -> list[str]:
    fragment = fragment.strip()
    if not UNIT_START.match(fragment):
        return []
    return split_units(_cut(fragment))


def find_leads(text: str) -> list[str]:
    for rx in LEAD_PATTERNS:
        for m in rx.finditer(text):
            units = _units_from(m.group("u"))
            if units:
                return units
    after = ROLE_AFTER.search(text)
    if after:
        units = split_units(_cut(after.group("u")))
        if units:
            return units
    return []


def find_supports(text: str) -> list[str]:
    out: list[str] = []
    for m in SUPPORT_RE.finditer(text):
        out += [u for u in _units_from(m.group("u")) if u not in out]
    if not out:
        before = SUPPORT_BEFORE.search(text)
        if before:
            out = split_units(_cut(before.group("u")))
    return out
