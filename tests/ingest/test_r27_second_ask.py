"""Round 27 phrasing pattern: one prose sentence asks one group of units, then — after ';' and with the verb in
lower case — asks another group: "Ban Thường vụ Huyện ủy yêu cầu các đảng ủy … ; yêu cầu Đảng ủy các xã …",
"… đề nghị Sở A …; giao Phòng B …". The second ask is a task of its own, led by the units it names, and the clauses
after it go on with it. A consent before the ask ("UBND tỉnh đồng ý với đề xuất …; giao Sở X …") is no task.
Unit names and work are invented."""

from __future__ import annotations

from bot.ingest import parse_notice


def _tasks(text: str) -> list[dict]:
    return parse_notice(text).to_json()["tasks"]


def _lead_of(tasks: list[dict], words: str) -> list[str]:
    return next(t.get("lead") or [] for t in tasks if words in t["text"])


CHAIN = ("Theo đó, Ban Thường vụ Huyện ủy yêu cầu các đảng ủy, chi bộ trực thuộc Huyện ủy tổ chức quán triệt và lãnh "
         "đạo thực hiện tốt Chỉ thị số 12-CT/TU của Tỉnh ủy; yêu cầu Đảng ủy các xã, thị trấn phân công Phó bí thư "
         "Đảng ủy theo dõi công tác dân vận; giới thiệu một cán bộ tham gia Ban vận động.")


def test_second_yeu_cau_in_a_chain_is_a_task_of_its_own() -> None:
    tasks = _tasks(CHAIN)
    first = next(t for t in tasks if "quán triệt" in t["text"])
    assert "phân công Phó bí thư" not in first["text"]
    assert _lead_of(tasks, "quán triệt") == ["các đảng ủy, chi bộ trực thuộc Huyện ủy"]
    assert _lead_of(tasks, "phân công Phó bí thư") == ["Đảng ủy các xã, thị trấn"]


def test_giao_after_a_first_ask() -> None:
    text = ("Ủy ban nhân dân huyện đề nghị Trung tâm Y tế huyện tăng cường giám sát ca bệnh tại các trường học; "
            "giao Phòng Giáo dục và Đào tạo hướng dẫn các trường tổ chức vệ sinh lớp học hằng ngày.")
    tasks = _tasks(text)
    assert _lead_of(tasks, "giám sát ca bệnh") == ["Trung tâm Y tế huyện"]
    assert _lead_of(tasks, "vệ sinh lớp học") == ["Phòng Giáo dục và Đào tạo"]


def test_consent_before_the_ask_stays_with_it() -> None:
    # guard: the first clause asks nobody — one task, led by the unit the ask names
    text = ("Theo đó, UBND tỉnh đồng ý với đề xuất của Công an tỉnh; giao Sở Xây dựng bố trí cán bộ thanh tra phối "
            "hợp với Công an tỉnh duy trì trực tại các chốt kiểm soát trên quốc lộ.")
    tasks = _tasks(text)
    assert not any(t["text"].rstrip().endswith("Công an tỉnh;") for t in tasks)
    assert _lead_of(tasks, "bố trí cán bộ thanh tra") == ["Sở Xây dựng"]
