"""Round 12: "Vậy đề nghị …" (so the notice asks …) opening a notice's closing sentence carries on the document's
own request, as "Do đó, đề nghị …" and "Vì vậy, đề nghị …" do: the units after it are asked."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads_ranked


@pytest.mark.parametrize("opening", ["Vậy đề nghị", "Như vậy, đề nghị", "Vì vậy, đề nghị"])
def test_a_connective_then_an_ask_names_the_doers(opening: str) -> None:
    text = f"{opening} các hộ dân nghiêm túc chấp hành nộp phí vệ sinh môi trường theo đúng thời gian quy định."
    assert find_leads_ranked(text)[0] == ["các hộ dân"]


def test_an_ask_inside_a_sentence_that_names_the_object_is_no_doer() -> None:
    # "…, vậy mà …": not a connective at the start of a sentence; the thing asked for is not a unit
    assert find_leads_ranked("Xã đã nhiều lần nhắc nhở, yêu cầu các hộ dân nộp phí nhưng chưa thực hiện.")[0] == []
