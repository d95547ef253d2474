"""Round 20: in a news or portal report (no kind, no number of its own), a sentence after the first that leads in to
the duties below — "… . Trong đó, tập trung vào một số nhiệm vụ trọng tâm: Theo dõi chặt chẽ …" — goes with the work
before it, and the first duty after its colon is the same doer's next task (the next ones are paragraphs of their
own). A lead-in that opens the task is left as it was."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

REPORT = """{town} chủ động ứng phó với mưa lớn, lũ quét, sạt lở đất

Nhằm chủ động ứng phó với mưa lớn, lũ quét, sạt lở đất, Chủ tịch UBND tỉnh yêu cầu {doer} tiếp tục thực hiện nghiêm \
các chỉ đạo của Chủ tịch UBND tỉnh về phòng, chống thiên tai. Trong đó, tập trung vào một số nhiệm vụ trọng tâm: \
{first}

Triển khai lực lượng xung kích kiểm tra, rà soát các khu vực xung yếu, sẵn sàng sơ tán người dân khi có tình huống.

Tổ chức trực ban nghiêm túc, tổng hợp, báo cáo kịp thời về Ban Chỉ huy phòng, chống thiên tai tỉnh.
"""

OPENING = """{town} chủ động ứng phó với mưa lớn, lũ quét, sạt lở đất

Chủ tịch UBND tỉnh yêu cầu {doer} tập trung vào một số nhiệm vụ trọng tâm: {first}

Triển khai lực lượng xung kích kiểm tra, rà soát các khu vực xung yếu, sẵn sàng sơ tán người dân khi có tình huống.
"""

CASES = [
    dict(town="Phú Thọ", doer="UBND các huyện, thành phố, thị xã"),
    dict(town="Yên Bái", doer="Sở Nông nghiệp và Phát triển nông thôn"),
]
FIRSTS = [
    "Theo dõi chặt chẽ bản tin dự báo, cảnh báo về mưa lớn, lũ quét và thông tin kịp thời cho người dân.",
    "Rà soát, kiểm tra các khu dân cư ven sông, suối, vùng trũng thấp để chủ động di dời người dân.",
]


def _find(tasks: list, words: str) -> list:
    return [t for t in tasks if words in t.text]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("first", FIRSTS)
def test_the_first_duty_after_a_lead_in_sentence_is_a_task(c: dict[str, str], first: str) -> None:
    tasks = list(parse_notice(REPORT.format(**c, first=first)).tasks)
    whole = _find(tasks, "tiếp tục thực hiện nghiêm")
    item = _find(tasks, first[:50])
    assert len(whole) == 1 and len(item) == 1 and whole[0] is not item[0], [t.text for t in tasks]
    assert "nhiệm vụ trọng tâm" in whole[0].text and "nhiệm vụ trọng tâm" not in item[0].text
    assert list(item[0].lead) == list(whole[0].lead), [t.lead for t in tasks]


@pytest.mark.parametrize("c", CASES)
def test_a_lead_in_that_opens_the_task_keeps_its_first_duty(c: dict[str, str]) -> None:
    tasks = list(parse_notice(OPENING.format(**c, first=FIRSTS[0])).tasks)
    assert not [t for t in tasks if t.text.startswith(FIRSTS[0][:40])] or \
        not [t for t in tasks if t.text.rstrip().endswith("nhiệm vụ trọng tâm:")], [t.text for t in tasks]
