"""Round 35 (issue 8): lead words that named no one asked — a topic "Đối với X" read as a unit, "cô lập" read as a
verb, a sector's "hệ thống … các cấp" not read as a group, and a speaker's "kết luận" swallowed into the name.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest.units import find_leads, name_prefix


def test_topic_before_a_comma_is_no_lead() -> None:
    # "lập" in "cô lập" (isolated) is no verb: it once cut the topic into the lead 'các hộ bị cô'
    assert find_leads("Đối với các hộ bị cô lập, các xã cần bảo đảm lương thực cho người dân.") == ["các xã"]


def test_units_turned_to_stay_when_nothing_else_acts() -> None:
    # (a guard: the units the sentence turns to do the work when the clause after the comma names no doer)
    assert find_leads("Đối với các xã, cần rà soát ngay danh sách hộ nghèo.") == ["các xã"]


def test_topic_without_a_comma_names_no_unit() -> None:
    assert name_prefix("Đối với giao thông nông thôn nếu thôn có quyết tâm thì sẽ về đích sớm") == ""
    assert name_prefix("Phòng Tư pháp hướng dẫn các xã") == "Phòng Tư pháp"


def test_a_sectors_network_at_every_level_is_one_group() -> None:
    assert find_leads("Ban Dân vận Huyện ủy đề nghị hệ thống dân vận các cấp chủ động nắm tình hình nhân dân.") == \
        ["hệ thống dân vận các cấp"]


def test_speaker_who_concludes_then_asks_is_no_lead() -> None:
    assert find_leads("Phó Chủ tịch UBND huyện kết luận và đề nghị các phòng chuyên môn hoàn thiện dự thảo.") == \
        ["các phòng chuyên môn"]
