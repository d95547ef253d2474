"""Round 12: a prose chain — "X yêu cầu: A làm … . B làm … . Quản lý … . Tuyên truyền … . Cử cán bộ …" — is one
duty a sentence: a sentence that opens with a bare verb of work (or "Khi …, cần …": a duty when a case arises) is the
last named doer's next task, even when the ask is written with a colon ("yêu cầu: UBND các xã …")."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """Huyện An Phú tăng cường phòng chống rét cho gia súc
Để chủ động phòng, chống rét cho vật nuôi, Chủ tịch UBND huyện yêu cầu: {first} thực hiện nghiêm túc việc che \
chắn chuồng trại cho đàn vật nuôi. {chain}
"""


def _tasks(first: str, chain: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(t.text, t.lead) for t in parse_notice(NEWS.format(first=first, chain=chain)).tasks]


@pytest.mark.parametrize("sentence", [
    "Quản lý, giám sát chặt chẽ tình hình dịch bệnh trên địa bàn.",
    "Tuyên truyền, hướng dẫn người dân các biện pháp kỹ thuật phòng chống rét.",
    "Cử cán bộ chuyên môn đi cơ sở kiểm tra, đôn đốc việc phòng chống rét.",
    "Vận động người dân không thả rông gia súc trong những ngày rét đậm.",
    "Khi có thiệt hại do rét gây ra đối với vật nuôi cần nhanh chóng kiểm tra, xác minh và báo cáo kịp thời.",
])
def test_a_bare_imperative_sentence_is_the_doers_next_task(sentence: str) -> None:
    tasks = _tasks("UBND các xã, thị trấn", sentence)
    assert len(tasks) == 2
    assert tasks[1][0] == sentence
    assert tasks[1][1] == ("UBND các xã, thị trấn",)


def test_a_chain_after_a_second_doer_goes_to_that_doer() -> None:
    tasks = _tasks("UBND các xã", "Phòng Nông nghiệp tham mưu chỉ đạo công tác phòng chống rét cho vật nuôi. "
                                  "Tuyên truyền, hướng dẫn người dân các biện pháp kỹ thuật phòng chống rét. "
                                  "Cử cán bộ chuyên môn đi cơ sở kiểm tra, đôn đốc việc phòng chống rét.")
    assert [lead for _, lead in tasks] == [("UBND các xã",), ("Phòng Nông nghiệp",), ("Phòng Nông nghiệp",),
                                           ("Phòng Nông nghiệp",)]


def test_a_sentence_that_is_no_duty_stays_with_the_task() -> None:
    tasks = _tasks("UBND các xã, thị trấn", "Việc che chắn phải xong trước ngày 15/12/2026.")
    assert len(tasks) == 1
