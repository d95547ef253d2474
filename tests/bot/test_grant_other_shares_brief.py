"""A grant on one unit's share of an item several units lead says the other shares keep their date — briefly: one
date for all of them is said once, the units named after it (probe 48: "Sở Tư pháp: vẫn hạn 10/09/2015; Sở Kế hoạch
và Đầu tư: vẫn hạn 10/09/2015; …" four times over, for a routine yes). The end-to-end path (a leader's grant, the
shares kept, the words that move them) is in test_probe_s27_fix38.py and test_probe_s28_fix43.py."""

from __future__ import annotations

import datetime as dt
import unicodedata

from bot import texts
from storage.shares import Share


def _share(task_id: int, unit: str, due: dt.date | None) -> Share:
    return Share(task_id=task_id, item_ref="1", unit_name=unit, due_on=due, notice_title="Công văn số 924/SNV-CCHC",
                 holder_id=task_id)


SEP10, SEP15 = dt.date(2015, 9, 10), dt.date(2015, 9, 15)
UNITS = ("Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "UBND huyện Mộc Châu", "UBND thành phố Sơn La")


def test_one_date_for_all_the_other_shares_is_said_once() -> None:
    said = texts.other_shares_kept([_share(i, u, SEP10) for i, u in enumerate(UNITS)], SEP15)
    assert said == ("Lưu ý: phần mục 1 của 4 đơn vị chủ trì khác (không đề nghị gia hạn) vẫn hạn 10/09/2015: Sở Tư "
                    "pháp, Sở Kế hoạch và Đầu tư, UBND huyện Mộc Châu, UBND thành phố Sơn La. Nếu gia hạn cả cho đơn "
                    "vị nào, đồng chí gõ, ví dụ: “đồng ý gia hạn 1 cho Sở Tư pháp đến 15/09”."), said
    assert said.count("10/09/2015") == 1 and unicodedata.is_normalized("NFC", said)


def test_different_dates_are_said_unit_by_unit_and_later_or_undated_shares_not_at_all() -> None:
    said = texts.other_shares_kept([_share(1, UNITS[0], SEP10), _share(2, UNITS[1], dt.date(2015, 9, 12)),
                                    _share(3, UNITS[2], dt.date(2015, 9, 30)), _share(4, UNITS[3], None)], SEP15)
    assert "Sở Tư pháp: vẫn hạn 10/09/2015; Sở Kế hoạch và Đầu tư: vẫn hạn 12/09/2015." in said, said
    assert "Mộc Châu" not in said and "Sơn La" not in said, said  # due after the grant, or no deadline: not offered
    assert texts.other_shares_kept([_share(3, UNITS[2], dt.date(2015, 9, 30))], SEP15) == ""
