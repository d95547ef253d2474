"""Lead 18: "… tại Công văn số 209/VPTT-TH ngày 09/9/2016 về việc đề nghị Ban chỉ đạo 389 các Bộ, ngành …" names a
cited letter by its subject ("về việc đề nghị …", the request it was about); it asks nobody in this text, so the
units after it are not the task's doers."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("ask", ["đề nghị", "yêu cầu"])
@pytest.mark.parametrize("cited", ["Công văn số 209/VPTT-TH ngày 09/9/2016", "Thông báo số 15/TB-UBND",
                                   "văn bản số 1234/UBND-KT"])
def test_the_subject_of_a_cited_letter_asks_nobody(ask: str, cited: str) -> None:
    text = (f"Thực hiện ý kiến chỉ đạo của Văn phòng thường trực tại {cited} về việc {ask} Ban chỉ đạo 389 các Bộ, "
            "ngành, địa phương chấn chỉnh, khắc phục những tồn tại.\n\nTổng cục Thuế đề nghị Cục Thuế các tỉnh, "
            "thành phố rà soát lại công tác báo cáo tại đơn vị mình.")
    assert find_leads(text) == ["Cục Thuế các tỉnh, thành phố"]


# guards: an ask after "Về việc này," (a comma) or at the start of a sentence still asks
@pytest.mark.parametrize("text,leads", [
    ("Về việc này, đề nghị Sở Tài chính chủ trì, tham mưu.", ["Sở Tài chính"]),
    ("UBND tỉnh đề nghị Sở Y tế báo cáo.", ["Sở Y tế"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
