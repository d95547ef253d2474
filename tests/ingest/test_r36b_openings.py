"""Round 48: a date written with dots inside an opening ("Từ nay đến trước ngày 30.3.2027, …") does not hide the doer
after it; a later sentence where the speaker asks more work and names nobody ("Trong đó, Thủ tướng yêu cầu hoàn thành
…") is the same doer's next duty; a framing "Giao nhiệm vụ cho các bộ, ngành, Thủ tướng yêu cầu Bộ X …" is no lead."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice


def _led(text: str) -> list[tuple[str, list[str]]]:
    return [(t.text, list(t.lead)) for t in parse_notice(text).tasks]


@pytest.mark.parametrize("opening", ["Từ nay đến trước ngày 30.3.2027", "Chậm nhất ngày 15.4.2027",
                                     "Từ ngày 23.1 đến ngày 3.2.2027"])
def test_a_dotted_date_in_the_opening(opening: str) -> None:
    text = f"{opening}, Ủy ban MTTQ cấp huyện tiếp tục hướng dẫn MTTQ các xã còn lại hoàn thành việc tổ chức đại hội."
    assert [lead for _, lead in _led(text)] == [["Ủy ban MTTQ cấp huyện"]], _led(text)


@pytest.mark.parametrize("speaker", ["Thủ tướng", "Bộ trưởng", "Chủ tịch UBND tỉnh"])
def test_the_speaker_asks_more_work_of_the_same_doer(speaker: str) -> None:
    text = (f"{speaker} yêu cầu Chủ tịch UBND các huyện tập trung chỉ đạo thực hiện đồng bộ các nhiệm vụ, giải pháp và "
            "chịu trách nhiệm toàn diện về công tác tuyển sinh trên địa bàn. "
            f"Trong đó, {speaker} yêu cầu hoàn thành việc công bố phương án tuyển sinh lớp 10 trong tháng 2/2027.")
    got = _led(text)
    assert len(got) == 2 and got[1][0].startswith("Trong đó"), got
    assert all(lead == ["Chủ tịch UBND các huyện"] for _, lead in got), got


def test_a_framing_of_the_asks_is_no_lead() -> None:
    text = ("Giao nhiệm vụ cho các bộ, ngành, Thủ tướng yêu cầu Bộ Giáo dục và Đào tạo bảo đảm đề thi chất lượng, "
            "chính xác, tuyệt đối an toàn.")
    assert [lead for _, lead in _led(text)] == [["Bộ Giáo dục và Đào tạo"]], _led(text)
