"""Round 13: "Cùng với đó, …" adds the next piece of work, like "Bên cạnh đó", "Song song đó": after it a unit named
anew, with its verb, is a doer of its own task ("Cùng với đó, MTTQ, các đoàn thể phát huy vai trò …")."""

from __future__ import annotations

from bot.ingest import parse_notice

NEWS = """Ban Thường vụ Huyện ủy quán triệt Nghị quyết Đại hội
Tại hội nghị, đồng chí Bí thư Huyện ủy yêu cầu các chi bộ tổ chức học tập Nghị quyết nghiêm túc, đầy đủ.
Cùng với đó, {doer} phát huy vai trò trong tuyên truyền Nghị quyết đến đoàn viên, hội viên. \
Cấp ủy cơ sở mở rộng đối tượng học tập để Nghị quyết lan tỏa sâu rộng.
"""


def test_a_doer_after_along_with_that_has_a_task_of_its_own() -> None:
    tasks = parse_notice(NEWS.format(doer="Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội huyện")).tasks
    along = [t for t in tasks if t.text.startswith("Cùng với đó")]
    assert len(along) == 1
    assert along[0].lead == ("Mặt trận Tổ quốc", "các đoàn thể chính trị - xã hội huyện")
    assert any(t.lead == ("Cấp ủy cơ sở",) for t in tasks)
