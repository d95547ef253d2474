"""Round 22: in a retold report, a sentence set in a "Sau khi …," frame before the unit that does the work — "Sau khi
ban hành Kế hoạch, các cơ quan, đơn vị định kỳ đánh giá kết quả thực hiện …" — is that unit's duty (DUTY_FRAME, as
"Theo đó, …", "Trong thời gian tới, …" are)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import _framed_duty_tasks

NEWS = """Triển khai thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy về phát triển kinh tế biển

Chủ tịch UBND tỉnh vừa có văn bản yêu cầu Thủ trưởng các sở, ban ngành, Chủ tịch UBND các huyện, thành phố nghiêm túc \
quán triệt và tổ chức triển khai thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy.

Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu UBND tỉnh ban hành Kế hoạch triển \
khai thực hiện. {frame}, {doer} {work}.
"""


@pytest.mark.parametrize("frame", ["Sau khi ban hành Kế hoạch", "Sau khi Kế hoạch được phê duyệt"])
@pytest.mark.parametrize("doer", ["các cơ quan, đơn vị", "Sở Tài chính"])
def test_the_frame_opens_a_framed_duty(frame: str, doer: str) -> None:
    # (the reader of framed duties itself, for the sentences no candidate holds: "Sau khi …," is one of its frames)
    sentence = f"{frame}, {doer} định kỳ đánh giá kết quả thực hiện, báo cáo UBND tỉnh qua Sở Kế hoạch và Đầu tư."
    found = _framed_duty_tasks(["Hoàn thành và trình UBND tỉnh trong quý I/2020. " + sentence], [], issued_on=None)
    assert len(found) == 1 and found[0].text == sentence and list(found[0].lead) == [doer], found


# guards: an account after the frame is no duty, nor a unit's ask of others
@pytest.mark.parametrize("sentence", [
    "Sau khi ban hành Kế hoạch, UBND tỉnh yêu cầu các sở, ngành tổ chức quán triệt đến cán bộ, công chức.",
    "Sau khi ban hành Kế hoạch, nhiều nội dung đã được các sở, ngành triển khai thực hiện có hiệu quả.",
    "Sau khi nghe báo cáo, Thường trực Huyện ủy đánh giá cao sự cố gắng của các cấp, các ngành trong thời gian qua.",
])
def test_the_frame_before_no_duty_of_a_unit(sentence: str) -> None:
    assert _framed_duty_tasks([sentence], [], issued_on=None) == []


# guard: an account after the frame is no duty
def test_an_account_after_the_frame_is_no_duty() -> None:
    text = NEWS.format(frame="Sau khi ban hành Kế hoạch năm trước", doer="các cơ quan, đơn vị",
                       work="đã tổ chức 25 hội nghị quán triệt cho cán bộ, đảng viên")
    tasks = list(parse_notice(text).tasks)
    assert not any(t.text.startswith("Sau khi") for t in tasks), [(t.ref, t.lead, t.text[:60]) for t in tasks]
