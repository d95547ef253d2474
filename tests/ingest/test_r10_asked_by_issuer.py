"""Round 10 (rules chosen before batch-p was read): a news or portal copy that tells whom a unit asked.

- "X vừa có công văn yêu cầu Y …", "X còn yêu cầu Y …": Y leads, not X (X only opens the sentence to tell the ask).
- "Theo đó, X yêu cầu Y thực hiện tốt các nội dung như sau:" before unnumbered paragraphs: Y does them.
- "các bệnh viện", "các trạm", "các đồn" are groups of units like "các sở".

Examples written in the patterns' general form."""

from __future__ import annotations

import pytest

from bot.ingest.parser import parse_notice
from bot.ingest.units import find_leads_ranked


@pytest.mark.parametrize(("text", "leads"), [
    ("Chi cục Thú y vừa có công văn yêu cầu Trạm Thú y các huyện tăng cường kiểm soát vận chuyển gia cầm.",
     ["Trạm Thú y các huyện"]),
    ("Trung tâm Y tế huyện vừa có văn bản số 215/TTYT-KSBT đề nghị UBND các xã tổ chức phun hóa chất diệt muỗi.",
     ["UBND các xã"]),
    ("Công ty Điện lực tỉnh đã ban hành kế hoạch yêu cầu Điện lực các huyện kiểm tra hành lang lưới điện.",
     ["Điện lực các huyện"]),
    ("Chi cục Kiểm lâm còn yêu cầu Hạt Kiểm lâm các huyện tham mưu UBND cấp huyện kiểm tra các khu rừng.",
     ["Hạt Kiểm lâm các huyện"]),
    ("Sở Y tế vừa có công văn yêu cầu các bệnh viện bảo đảm đủ thuốc, vật tư, hóa chất.", ["các bệnh viện"]),
])
def test_whom_a_unit_asked_leads_not_the_unit_that_asked(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text)[0] == leads


@pytest.mark.parametrize(("text", "leads"), [
    # the unit does the work itself: no ask follows it
    ("Chi cục Thú y vừa tổ chức kiểm tra các cơ sở giết mổ gia cầm.", ["Chi cục Thú y"]),
    # the asker and a second ask: both groups asked, as before
    ("UBND tỉnh đề nghị các Đại sứ quán, các tỉnh, thành phố, yêu cầu các sở, ngành cử đầu mối phối hợp.",
     ["các Đại sứ quán", "các tỉnh, thành phố", "các sở, ngành"]),
])
def test_an_ask_is_read_only_when_there_is_one(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text)[0] == leads


PORTAL = """Hướng dẫn tuyên truyền tháng 9

Ngày 27/8, Đảng ủy Khối cơ quan tỉnh ban hành Công văn số 45 về việc hướng dẫn nội dung tuyên truyền tháng 9.

Theo đó, Đảng ủy Khối yêu cầu {asked} thực hiện tốt một số nội dung tuyên truyền trong tháng như sau:

Tập trung tuyên truyền kết quả Hội nghị Ban Chấp hành Trung ương và các sự kiện nổi bật trong tháng.
"""


@pytest.mark.parametrize(("asked", "leads"), [
    ("cấp ủy các chi bộ trực thuộc", ["cấp ủy các chi bộ trực thuộc"]),
    ("các chi bộ, đảng bộ cơ sở", ["các chi bộ, đảng bộ cơ sở"]),
])
def test_whom_a_portal_lead_in_asks_does_the_paragraphs_below(asked: str, leads: list[str]) -> None:
    tasks = parse_notice(PORTAL.format(asked=asked)).tasks
    assert tasks and all(list(t.lead) == leads for t in tasks)
    assert tasks[0].text.startswith("Tập trung tuyên truyền")
