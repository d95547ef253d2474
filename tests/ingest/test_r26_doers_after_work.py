"""Round 26 phrasing pattern: a plan whose numbered task sections give their doers AFTER the work, each as a
sub-heading of its own — "I. <task> / 1. Nội dung, biện pháp (a), b) items) / 2. Cơ quan chủ trì, phối hợp / a) Cơ
quan chủ trì (- units) / b) Cơ quan phối hợp (- units) / 3. Thời gian thực hiện: Tháng 6/2027 và thường xuyên."
(variants: "2. Cơ quan chủ trì" or "2. Chủ trì thực hiện" with the units below, "a) Cơ quan chủ trì: Sở X; Sở Y.").
Every item of the work is the chủ trì units' task, the phối hợp units support it, the time line gives its due when it
is a date; the sub-headings themselves are no tasks. Unit names and work are invented."""

from __future__ import annotations

import datetime as dt

from bot.ingest import parse_notice

HEAD = ("ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN\nSố: 41/KH-UBND\nBình Nguyên, ngày 3 tháng 3 năm 2027\n\nKẾ HOẠCH\n"
        "Phòng chống sạt lở bờ sông năm 2027\n\n")

PLAN = HEAD + """I. TUYÊN TRUYỀN VỀ PHÒNG CHỐNG SẠT LỞ

1. Nội dung, biện pháp

a) Tổ chức hội nghị phổ biến bản đồ cảnh báo sạt lở cho các xã ven sông;

b) In và phát tờ gấp hướng dẫn di dời tới các hộ dân vùng nguy cơ cao.

2. Cơ quan chủ trì, phối hợp

a) Cơ quan chủ trì

- Sở Thủy lợi.

- Đài Phát thanh tỉnh; Báo Bình Nguyên.

b) Cơ quan phối hợp

- Hội Nông dân tỉnh và Tỉnh đoàn.

3. Thời gian thực hiện: Tháng 6/2027 và thường xuyên.

II. GIA CỐ CÁC ĐOẠN BỜ XUNG YẾU

1. Nội dung, biện pháp

a) Khảo sát, lập danh mục các đoạn bờ sông có nguy cơ sạt lở đặc biệt nguy hiểm;

b) Thi công kè mềm bằng cọc tre tại các đoạn đã khảo sát.

2. Chủ trì thực hiện

- Sở Giao thông thủy.

- Ủy ban nhân dân các huyện ven sông.

3. Thời gian thực hiện: Từ năm 2027 đến năm 2030 và tiếp theo.

III. BẢO ĐẢM KINH PHÍ

1. Nội dung, biện pháp

a) Lập dự toán kinh phí di dời dân khỏi vùng sạt lở;

b) Bố trí vốn đối ứng cho các công trình kè.

2. Cơ quan chủ trì, phối hợp

a) Cơ quan chủ trì: Sở Tài chính; Sở Kế hoạch và Đầu tư.

b) Cơ quan phối hợp

- Kho bạc Nhà nước tỉnh.

3. Thời gian thực hiện: Quý III/2027.
"""


def _by_text(words: str) -> object:
    tasks = [t for t in parse_notice(PLAN).tasks if words in t.text]
    assert len(tasks) == 1, [t.text for t in parse_notice(PLAN).tasks]
    return tasks[0]


def test_the_chu_tri_units_lead_every_item_of_the_work() -> None:
    for words in ("bản đồ cảnh báo sạt lở", "tờ gấp hướng dẫn di dời"):
        task = _by_text(words)
        assert task.lead == ("Sở Thủy lợi", "Đài Phát thanh tỉnh", "Báo Bình Nguyên")  # type: ignore[attr-defined]
        assert task.support == ("Hội Nông dân tỉnh", "Tỉnh đoàn")  # type: ignore[attr-defined]


def test_the_time_line_gives_the_due_when_it_is_a_date() -> None:
    assert _by_text("bản đồ cảnh báo sạt lở").due == dt.date(2027, 6, 30)  # type: ignore[attr-defined]
    assert _by_text("Lập dự toán kinh phí").due == dt.date(2027, 9, 30)  # type: ignore[attr-defined]
    assert _by_text("Thi công kè mềm").due is None  # type: ignore[attr-defined]  # a span onwards is no deadline


def test_chu_tri_thuc_hien_with_units_below() -> None:
    task = _by_text("Khảo sát, lập danh mục")
    assert task.lead == ("Sở Giao thông thủy", "Ủy ban nhân dân các huyện ven sông")  # type: ignore[attr-defined]


def test_units_after_the_label_colon() -> None:
    task = _by_text("Bố trí vốn đối ứng")
    assert task.lead == ("Sở Tài chính", "Sở Kế hoạch và Đầu tư")  # type: ignore[attr-defined]
    assert task.support == ("Kho bạc Nhà nước tỉnh",)  # type: ignore[attr-defined]


def test_the_doer_and_time_sub_headings_are_no_tasks() -> None:
    texts = [t.text for t in parse_notice(PLAN).tasks]
    assert not any(t.startswith(("Cơ quan chủ trì", "Cơ quan phối hợp", "Sở Thủy lợi", "Đài Phát thanh", "Hội Nông",
                                 "Sở Giao thông", "Kho bạc", "Thời gian thực hiện", "Chủ trì thực hiện"))
                   for t in texts), texts
    assert len(texts) == 6, texts


FLAT = HEAD + """II. NHIỆM VỤ CỤ THỂ

1. Cắm biển cảnh báo tại các bến đò ngang có nguy cơ sạt lở.

2. Cơ quan chủ trì: Ban Quản lý bến thủy nội địa.

3. Thời gian thực hiện: Tháng 4/2027.

4. Di dời các hộ dân ở sát mép bờ sông đến khu tái định cư tập trung.

5. Cơ quan chủ trì: Ủy ban nhân dân huyện Sông Lam.

6. Cơ quan phối hợp: Công an huyện Sông Lam.

7. Thời gian thực hiện: Tháng 8/2027.
"""


def test_each_run_of_a_flat_list_has_its_own_doers_and_time() -> None:
    tasks = parse_notice(FLAT).tasks
    signs = next(t for t in tasks if "Cắm biển cảnh báo" in t.text)
    move = next(t for t in tasks if "Di dời các hộ dân" in t.text)
    assert signs.lead == ("Ban Quản lý bến thủy nội địa",) and signs.due == dt.date(2027, 4, 30)
    assert move.lead == ("Ủy ban nhân dân huyện Sông Lam",) and move.due == dt.date(2027, 8, 31)
    assert move.support == ("Công an huyện Sông Lam",)
    assert len(tasks) == 2, [t.text for t in tasks]


EVENT = HEAD + """II. TỔ CHỨC THỰC HIỆN

1. Danh nghĩa tổ chức: Ủy ban nhân dân tỉnh Bình Nguyên.

2. Cơ quan chỉ đạo: Ủy ban nhân dân tỉnh.

3. Đơn vị chủ trì thực hiện: Sở Văn hóa tỉnh.

4. Đơn vị phối hợp thực hiện: Các sở, ngành tỉnh.
"""


def test_an_event_s_field_list_is_left_as_before() -> None:
    """"3. Đơn vị chủ trì thực hiện: X" after "1. Danh nghĩa …", "2. Cơ quan chỉ đạo …" (no work with items, no
    time line) describes the event: no owners are handed out (the fields stay as they were read before)."""
    from bot.ingest.parser import Node, _doers_after_work, build_tree, lines_of

    def nodes(node: Node) -> list[Node]:
        return [node, *(n for c in node.children for n in nodes(c))]

    root = build_tree(lines_of(EVENT))
    before = [(n.head, len(n.children)) for n in nodes(root)]
    assert any(h.startswith("Đơn vị chủ trì thực hiện") for h, _ in before)
    _doers_after_work(root)
    assert [(n.head, len(n.children)) for n in nodes(root)] == before
    assert not any(n.owners or n.owner_time for n in nodes(root))
