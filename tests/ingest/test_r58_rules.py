"""Round 58 (issue 8, chosen on batch zze): lead units on phrasing patterns the unseen notices showed.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest.units import find_leads


def test_d_c_before_the_ask_names_who_asks() -> None:
    text = "Phát biểu kết luận hội nghị, đ/c Trần Văn Hùng yêu cầu các đảng bộ, chi bộ triển khai kế hoạch học tập."
    assert find_leads(text) == ["các đảng bộ, chi bộ"]


def test_what_the_work_rests_on_may_stand_before_whom_it_asks() -> None:
    text = ("Kết luận buổi thẩm tra, đồng chí Phó Trưởng ban đề nghị trên cơ sở các ý kiến góp ý của đại biểu, Sở Tư "
            "pháp phối hợp với UBND huyện rà soát, hoàn thiện dự thảo.")
    assert find_leads(text) == ["Sở Tư pháp"]


def test_every_one_of_the_group_in_per_cent() -> None:
    assert find_leads("UBND tỉnh yêu cầu 100% các xã, phường ban hành kế hoạch tổ chức Tết Trung thu.") == \
        ["các xã, phường"]


def test_doan_ket_is_no_unit() -> None:
    text = ("Đoàn kết, xây dựng Đảng trong sạch vững mạnh. Kết luận hội nghị, đồng chí Bí thư yêu cầu các chi bộ "
            "triển khai nghị quyết.")
    assert find_leads(text) == ["các chi bộ"]
    assert find_leads("Đoàn Thanh niên xã tổ chức ra quân vệ sinh môi trường.") == ["Đoàn Thanh niên xã"]


def test_the_sector_offices_without_cac_are_a_group() -> None:
    text = "Lãnh đạo huyện chỉ đạo ngành chuyên môn phối hợp với các xã khảo sát nhu cầu của người dân."
    assert find_leads(text) == ["ngành chuyên môn"]
