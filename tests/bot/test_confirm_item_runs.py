"""Month probe (session 24): the confirm answer said a head held "13 mục — 2–4", a run from item 2 across 2.1,
2.2.a … 2.3.b.3 to 4 — which sub-items it held could not be read. Runs are of siblings only (one level, one
parent, none left out), the rest listed, with the count when a run hides some."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from storage.itemref import ref_runs
from tests.bot.conftest import texts_to
from tests.conftest import SEED_NOTICE

SEED_REFS = ["2", "2.1", "2.2.a", "2.2.b", "2.2.c", "2.2.d", "2.3.a", "2.3.b", "2.3.b.1", "2.3.b.2", "2.3.b.3", "3",
             "4"]


def test_a_run_never_crosses_levels_or_parents() -> None:
    assert ref_runs(SEED_REFS) == [["2"], ["2.1"], ["2.2.a", "2.2.b", "2.2.c", "2.2.d"], ["2.3.a", "2.3.b"],
                                   ["2.3.b.1", "2.3.b.2", "2.3.b.3"], ["3", "4"]]
    assert ref_runs(["1.3", "2.1", "2.2"]) == [["1.3"], ["2.1", "2.2"]]  # (1.3 → 2.1: another parent)


def test_a_run_leaves_nothing_out_between_its_ends() -> None:
    assert ref_runs(["2.1", "2.2", "2.4"]) == [["2.1", "2.2"], ["2.4"]]
    assert ref_runs(["II.1", "III.1", "IV.1"]) == [["II.1"], ["III.1"], ["IV.1"]]
    assert ref_runs(["I", "II", "III", "IV"]) == [["I", "II", "III", "IV"]]
    # a Vietnamese list goes d, đ, e: "d"–"e" leaves out "đ" when the notice has one, not when it has none
    assert ref_runs(["1.c", "1.d", "1.e"], known=["1.đ"]) == [["1.c", "1.d"], ["1.e"]]
    assert ref_runs(["1.c", "1.d", "1.e"]) == [["1.c", "1.d", "1.e"]]
    assert ref_runs(["1.e", "1.g", "1.h"]) == [["1.e", "1.g", "1.h"]]  # (no "f" in a Vietnamese list)
    assert ref_runs(["1.e", "1.g"], known=["1.f"]) == [["1.e"], ["1.g"]]
    assert ref_runs(["2 (đoạn 1)", "2 (đoạn 2)"]) == [["2 (đoạn 1)"], ["2 (đoạn 2)"]]


@pytest.mark.parametrize(("refs", "said"), [
    (SEED_REFS, "mục 2, 2.1, 2.2.a–d, 2.3.a, 2.3.b, 2.3.b.1–2.3.b.3, 3 và 4 (13 nhiệm vụ)"),
    (["2.1", "2.2", "2.3", "2.4", "3", "5"], "mục 2.1–2.4, 3 và 5 (6 nhiệm vụ)"),
    ([f"III.1.{c}" for c in "abcdđeghiklmnopqrs"] + ["III.7.c"], "mục III.1.a–s và III.7.c (19 nhiệm vụ)"),
    (["2.1", "2.3"], "mục 2.1 và 2.3"),
    (["4"], "mục 4"),
    ([str(n) for n in range(1, 31, 2)], "mục 1, 3, 5, 7, 9, 11, 13 và 8 mục khác (15 nhiệm vụ)"),
])
def test_items_are_said_as_runs_of_siblings_and_short(refs: list[str], said: str) -> None:
    assert texts.items_said(refs) == said


async def test_the_confirm_answer_of_a_notice_with_nested_items_says_which_sub_items(harness: Harness) -> None:
    await harness.send_file("admin", "seed-notice.txt", data=SEED_NOTICE.read_bytes())
    mark = len(harness.sent)
    await harness.tap("admin", texts.BUTTON_CONFIRM)
    answer = next(t for t in texts_to(harness, "admin", mark) if t.startswith("Đã xác nhận"))
    assert "• đ/c Lê Văn Dân (Ban Dân vận Tỉnh ủy): mục 2, 2.1, 2.2.a–d, 2.3.a, 2.3.b, 2.3.b.1–2.3.b.3, 3 và 4 " \
           "(13 nhiệm vụ)" in answer, answer
    assert "2–4" not in answer, answer


def test_a_withdrawn_plan_tells_its_holder_the_items_as_runs() -> None:
    told = texts.withdrawn_told("A", "Kế hoạch số 5/KH-UBND", [f"III.1.{c}" for c in "abcdđe"], "nhầm văn bản")
    assert "Kế hoạch số 5/KH-UBND đã được hủy đối với mục III.1.a–e (6 nhiệm vụ); Nhắc việc thôi nhắc các nhiệm vụ " \
           "này." in told, told
