"""A supporting unit's report on its part is the latest word on the task, but not the lead unit's: a report on the
lead unit says who said it (probe 7: "Phòng KT-HT thế nào?" showed the supporting unit's words as the silent lead
unit's latest report)."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import Harness
from tests.bot.conversation_setup import last_text, started


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


async def test_the_lead_units_report_names_the_supporting_unit_that_spoke(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "phối hợp 2: đã gửi số liệu các hộ dân bị ảnh hưởng")
    await h.say("admin", "Ban Dân vận Tỉnh ủy thế nào?")
    answer = last_text(h, "admin")
    assert "đã gửi số liệu các hộ dân bị ảnh hưởng (Sở Tài nguyên và Môi trường phối hợp báo cáo)" in answer, answer
    # the lead's own words, said later, are its own
    await h.say("head_bdv", "2 đang thực hiện, đã họp với các hộ dân")
    await h.say("admin", "Ban Dân vận Tỉnh ủy thế nào?")
    answer = last_text(h, "admin")
    assert "đã họp với các hộ dân" in answer and "phối hợp báo cáo" not in answer, answer
