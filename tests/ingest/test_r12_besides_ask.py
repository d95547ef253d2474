"""Round 12: "Bên cạnh đó," opens the other side of an assessment ("Bên cạnh đó, còn một số hạn chế …") — and as
often one more ask: "Bên cạnh đó, giao UBND các xã …", "Bên cạnh đó, đề nghị Sở X …" is a duty of its own."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import _directive_paragraph


@pytest.mark.parametrize("ask", ["giao UBND các xã, phường", "đề nghị Phòng Tài chính - Kế hoạch",
                                 "yêu cầu các trường học"])
def test_besides_then_an_ask_directs(ask: str) -> None:
    assert _directive_paragraph(f"Bên cạnh đó, {ask} rà soát, báo cáo kết quả trước ngày 25/9/2026.")


def test_besides_then_shortcomings_is_an_assessment() -> None:
    assert not _directive_paragraph("Bên cạnh đó, còn một số hạn chế như việc giao đất chậm, chưa đồng đều.")


def test_the_ask_after_besides_is_a_task_of_its_own_unit() -> None:
    text = ("Tỉnh An Bình tổ chức điều tra kinh tế\n"
            "Phó Chủ tịch UBND tỉnh giao Sở Tài chính chủ trì, phối hợp các sở, ngành tham mưu thành lập Ban chỉ đạo "
            "điều tra kinh tế tỉnh.\n"
            "Bên cạnh đó, giao UBND các xã, phường chịu trách nhiệm tổ chức, chỉ đạo và đảm bảo chất lượng phiếu tại "
            "địa bàn, gửi danh sách điều tra viên trước ngày 25/9/2026.\n")
    tasks = parse_notice(text).tasks
    assert any(t.text.startswith("Bên cạnh đó, giao UBND các xã") and t.lead == ("UBND các xã, phường",)
               for t in tasks)
