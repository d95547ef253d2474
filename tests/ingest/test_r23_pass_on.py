"""Round 23: an ask to a named unit or person to pass the notice on to the people it concerns — "Đề nghị Đài truyền
thanh xã, các đồng chí Trưởng thôn thông báo liên tục … để toàn thể nhân dân biết thực hiện./." — is a task of its own
(the broadcast, the round of the houses), not the closing formula "… biết và thực hiện" it ends with. The issuer's
own "UBND xã thông báo tới toàn thể nhân dân biết và thực hiện." and "Đề nghị các đơn vị biết, thực hiện." ask nobody
to pass anything on: still closings."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import CLOSING, CLOSING_LINE

LETTER = """ỦY BAN NHÂN DÂN
XÃ {place}
Số: 25/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{place}, ngày 10 tháng 5 năm 2024

THÔNG BÁO
Về việc {subject}

Để {purpose}, UBND xã {place} thông báo như sau:
1. {first}
2. {second}
UBND xã thông báo tới toàn thể cán bộ và nhân dân trong xã biết và thực hiện.
{ask}

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""

CASES = [
    dict(place="Tân Lập", subject="tạm dừng tiếp công dân", purpose="phòng, chống dịch bệnh",
         first="Tạm dừng hoạt động tiếp công dân tại trụ sở UBND xã từ ngày 12/5/2024 đến khi có thông báo mới.",
         second="UBND xã tiếp nhận đơn thư của công dân gửi qua bưu điện hoặc hộp thư góp ý."),
    dict(place="Hòa Bình", subject="thời gian thu gom rác thải sinh hoạt", purpose="giữ gìn vệ sinh môi trường",
         first="Giờ thu gom rác thải sinh hoạt buổi tối bắt đầu từ 18 giờ 30 hằng ngày.",
         second="Các hộ gia đình, cơ sở kinh doanh đổ rác đúng giờ, đúng nơi quy định."),
]
ASKS = [
    ("Đề nghị Đài truyền thanh xã, các đồng chí Trưởng thôn thông báo liên tục trên hệ thống truyền thanh xã, thôn để "
     "toàn thể nhân dân biết thực hiện./.", ["Đài truyền thanh xã", "các đồng chí Trưởng thôn"]),
    ("Đề nghị Tổ trưởng các tổ dân phố thông báo cho các hộ gia đình, cơ sở kinh doanh trên địa bàn được biết và thực "
     "hiện đúng thời gian quy định.", ["Tổ trưởng các tổ dân phố"]),
    ("Yêu cầu Trưởng các thôn phổ biến đến từng hộ gia đình để nhân dân biết, thực hiện./.", ["Trưởng các thôn"]),
]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("ask,leads", ASKS)
def test_an_ask_to_pass_the_notice_on_is_a_task(case: dict[str, str], ask: str, leads: list[str]) -> None:
    notice = parse_notice(LETTER.format(ask=ask, **case))
    passing = [t for t in notice.tasks if t.text.startswith(ask[:30])]
    assert len(passing) == 1, [(t.ref, t.lead, t.text[:60]) for t in notice.tasks]
    assert [u.casefold() for u in passing[0].lead] == [u.casefold() for u in leads]
    # (and the items above keep their own text: the ask is not glued onto the last one)
    assert not any(ask[:30] in t.text and not t.text.startswith(ask[:30]) for t in notice.tasks)


@pytest.mark.parametrize("line", [
    "UBND xã thông báo tới toàn thể cán bộ và nhân dân trong xã biết và thực hiện./.",
    "Đề nghị các đơn vị biết, thực hiện./.",
    "Vậy Ủy ban nhân dân phường thông báo để các tổ chức, cá nhân biết, thực hiện./.",
    "Đề nghị các cơ quan, đơn vị, địa phương biết và phối hợp thực hiện./.",
])
def test_closing_formulas_stay_closings(line: str) -> None:
    assert CLOSING_LINE.match(line) or CLOSING.search(line), line


@pytest.mark.parametrize("case", CASES)
def test_the_issuers_own_closing_is_no_task(case: dict[str, str]) -> None:
    notice = parse_notice(LETTER.format(ask="", **case))
    assert not any("thông báo tới toàn thể" in t.text for t in notice.tasks), [t.text[:60] for t in notice.tasks]
