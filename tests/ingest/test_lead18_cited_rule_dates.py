"""Lead 18: a later sentence that cites a legal rule ("Điều 24 của Luật … chậm nhất là ngày 14/3/2021", "Khoản 2
Điều 8 …", "Theo quy định tại Điều 10 …") does not move the deadline the task's own sentence gives."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.dates import pick_deadline

ISSUED = dt.date(2021, 2, 24)
OWN = ("Ủy ban bầu cử ở tỉnh hoàn thành việc ấn định và công bố số đơn vị bầu cử chậm nhất là ngày 4 tháng 3 năm 2021 "
       "(80 ngày trước ngày bầu cử).")


@pytest.mark.parametrize("cited", [
    "Điều 24 của Luật bầu cử quy định việc lập danh sách cử tri chậm nhất là ngày 14 tháng 3 năm 2021.",
    "Khoản 2 Điều 8 Thông tư số 36/2025/TT-BNNMT quy định hồ sơ gửi trước ngày 30/3/2021.",
    "Theo quy định tại Điều 10 của Luật, danh sách được niêm yết trước ngày 20/3/2021.",
    "Điểm b khoản 1 Điều 36 của Luật quy định thời hạn nộp hồ sơ chậm nhất là ngày 14/3/2021.",
])
def test_a_cited_rule_does_not_move_the_tasks_deadline(cited: str) -> None:
    found = pick_deadline(f"{OWN} {cited}", issued_on=ISSUED)
    assert found is not None and found.due == dt.date(2021, 3, 4), found


# guards: the task's own later deadline still wins; a rule cited inside the own sentence changes nothing
@pytest.mark.parametrize("text,due", [
    ("Các xã rà soát danh sách trước ngày 4/3/2021. Báo cáo kết quả về UBND huyện trước ngày 10/3/2021.",
     dt.date(2021, 3, 10)),
    ("Các xã thực hiện theo Điều 24 của Luật, hoàn thành trước ngày 14/3/2021.", dt.date(2021, 3, 14)),
])
def test_guards(text: str, due: dt.date) -> None:
    found = pick_deadline(text, issued_on=ISSUED)
    assert found is not None and found.due == due
