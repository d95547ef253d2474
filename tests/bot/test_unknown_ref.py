"""What the bot says to an item number the person holds no task under."""

from __future__ import annotations

from bot.texts import unknown_ref


def test_an_item_number_that_is_a_section_of_the_tasks_held_asks_for_one_of_them() -> None:
    """Probe 19: "Không tìm thấy nhiệm vụ mục IV … Đồng chí đang phụ trách: mục VI.1, mục IV.5.d, …" contradicted
    itself."""
    told = unknown_ref("IV", ["VI.1", "IV.5.d", "IV.1.a"], "xong")
    assert told.startswith("Mục IV gồm nhiều nhiệm vụ; đồng chí đang phụ trách trong mục IV: mục IV.5.d, mục IV.1.a.")
    assert "“IV.5.d xong”" in told and "VI.1" not in told and "Không tìm thấy" not in told
    assert unknown_ref("2", ["2.1", "20"], "50%") == ("Trong mục 2, đồng chí đang phụ trách mục 2.1. Nếu đồng chí báo "
                                                       "mục 2.1, đồng chí gõ: “2.1 50%”.")
    assert unknown_ref("7", ["VI.1"], "xong").startswith("Không tìm thấy nhiệm vụ mục 7")
