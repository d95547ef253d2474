"""Round 17: "Ban chỉ đạo …" is the name of a steering committee, not the verb "chỉ đạo": in "Văn phòng Ban chỉ đạo
Trung ương về phòng, chống thiên tai đề nghị các tỉnh A; B; C" the asked provinces lead every ';' duty (the words
after "Ban chỉ đạo" were read as the units directed)."""

from __future__ import annotations

import pytest

from bot.ingest.parser import _ask_list

DUTIES = ("tiếp tục thực hiện nghiêm Công điện số 01/CĐ-TW ngày 7/1; thường xuyên cập nhật tình hình thời tiết, "
          "diễn biến không khí lạnh; tăng cường thông tin để chính quyền các cấp, người dân chủ động phòng, tránh.")


@pytest.mark.parametrize("requester", [
    "Văn phòng thường trực Ban chỉ đạo T.Ư về phòng, chống thiên tai",
    "Ban Chỉ đạo Quốc gia về phòng, chống dịch bệnh",
    "Văn phòng Ban chỉ đạo Trung ương về phòng, chống thiên tai",
])
@pytest.mark.parametrize("asked", ["các tỉnh, thành phố", "UBND các tỉnh miền Trung"])
def test_the_asked_units_lead_the_duties(requester: str, asked: str) -> None:
    listed = _ask_list(f"{requester} đề nghị {asked} {DUTIES}", directs=True)
    assert listed is not None and len(listed) == 3
    assert all(leads == [asked] for _, leads in listed), listed
