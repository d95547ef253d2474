"""The broad proposer (parser.broad_candidates): every duty clause of the text becomes a candidate, marked with where
it came from, and the learned filter (taskfilter.py) decides which to keep. Examples written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice
from bot.ingest import taskfilter as tf
from bot.ingest.parser import broad_candidates, candidate_notice
from storage.parsed import ParsedTask

ISSUED = dt.date(2026, 3, 5)

CHAINED = ParsedTask(
    ref="2", depth=1, lead=("Phòng Văn hóa và Thông tin",), lead_source="text",
    text="Phòng Văn hóa và Thông tin tăng cường kiểm tra các cơ sở kinh doanh dịch vụ; rà soát, tổng hợp danh sách "
         "các điểm vi phạm trước ngày 20/3/2026; theo dõi, đôn đốc việc khắc phục sau kiểm tra.")

PROSE = ("Phát biểu kết luận hội nghị, đồng chí Phó Chủ tịch UBND huyện đánh giá cao kết quả đạt được và đề nghị "
         "Hội Liên hiệp Phụ nữ huyện thời gian tới tiếp tục thực hiện: tiếp tục tuyên truyền, vận động hội viên "
         "tham gia bảo hiểm y tế; phối hợp với các xã tổ chức các lớp tập huấn nghề cho phụ nữ nông thôn; "
         "chăm lo đời sống hội viên có hoàn cảnh khó khăn.")

NOTICE = """ỦY BAN NHÂN DÂN HUYỆN AN PHÚ
Số: 45/TB-UBND
An Phú, ngày 05 tháng 3 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại buổi làm việc với Phòng Văn hóa và Thông tin
Chủ tịch UBND huyện kết luận như sau:
1. Phòng Văn hóa và Thông tin tăng cường kiểm tra các cơ sở kinh doanh dịch vụ; rà soát, tổng hợp danh sách \
các điểm vi phạm trước ngày 20/3/2026; theo dõi, đôn đốc việc khắc phục sau kiểm tra.
2. Phòng Tài chính - Kế hoạch bố trí kinh phí cho các hoạt động kiểm tra năm 2026.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn Bình
"""


def test_later_duties_chained_in_one_item_are_proposed_with_its_doer() -> None:
    got = broad_candidates([], [CHAINED], issued_on=ISSUED, default_leads=[])
    texts = [t.text for t, _ in got]
    assert texts == ["rà soát, tổng hợp danh sách các điểm vi phạm trước ngày 20/3/2026",
                     "theo dõi, đôn đốc việc khắc phục sau kiểm tra."]
    first, second = (t for t, _ in got)
    assert first.lead == second.lead == ("Phòng Văn hóa và Thông tin",)
    assert first.ref == "2 (ý 2)" and first.parent_ref == "2"
    assert first.due == dt.date(2026, 3, 20)
    feats = got[0][1]
    assert feats["broad"] == 1.0 and feats["broad:clause"] == 1.0 and feats["b:verb_first"] == 1.0


def test_duties_in_prose_no_rule_reads_are_proposed_with_the_unit_asked_before_them() -> None:
    got = broad_candidates([PROSE], [], issued_on=ISSUED, default_leads=["UBND các xã"])
    texts = [t.text for t, _ in got]
    assert "tiếp tục tuyên truyền, vận động hội viên tham gia bảo hiểm y tế" in texts
    assert "chăm lo đời sống hội viên có hoàn cảnh khó khăn." in texts
    assert not any(t.startswith("Phát biểu") for t in texts)  # the lead-in names no duty of its own
    task, feats = got[texts.index("tiếp tục tuyên truyền, vận động hội viên tham gia bảo hiểm y tế")]
    assert task.lead == ("Hội Liên hiệp Phụ nữ huyện",)
    assert feats["broad:sentence"] == 1.0 and feats["b:cue_before"] == 1.0 and feats["b:after_colon"] == 1.0


def test_a_clause_covered_by_a_rule_candidate_or_without_a_duty_verb_is_not_proposed() -> None:
    report = "Kết quả năm 2025 đạt 95% kế hoạch; số hội viên tăng 120 người so với cùng kỳ."
    assert broad_candidates([report], [], issued_on=ISSUED, default_leads=[]) == []
    # the first clause of a rule candidate is that candidate already
    got = broad_candidates([CHAINED.text], [CHAINED], issued_on=ISSUED, default_leads=[])
    assert all(not t.text.startswith("Phòng Văn hóa") for t, _ in got)
    assert len(got) == 2


def test_reported_work_a_headline_and_the_grounds_are_not_proposed() -> None:
    body = ["Trong quý I, các xã đã tổ chức tuyên truyền phòng, chống dịch bệnh cho nhân dân.",
            "TĂNG CƯỜNG CÔNG TÁC PHÒNG, CHỐNG DỊCH BỆNH TRÊN ĐỊA BÀN HUYỆN",
            "Thực hiện Công văn số 12/UBND-VX của UBND tỉnh về tăng cường phòng, chống dịch bệnh.",
            "Các xã tổ chức tuyên truyền phòng, chống dịch bệnh cho nhân dân."]
    got = broad_candidates(body, [], issued_on=ISSUED, default_leads=[])
    assert [t.text for t, _ in got] == [body[3]]
    assert got[0][1]["b:prose"] == 1.0 and got[0][1]["b:verb_near"] == 1.0


NEWS = f"""Huyện An Phú sơ kết công tác hội 6 tháng đầu năm
Sáng ngày 12/7, Hội Liên hiệp Phụ nữ huyện tổ chức hội nghị sơ kết công tác hội 6 tháng đầu năm 2026.
{PROSE}
"""


def test_candidate_notice_marks_which_candidates_the_broad_proposer_added() -> None:
    notice, origins = candidate_notice(NEWS, broad=True)
    assert notice.kind is None and len(origins) == len(notice.tasks)
    rule = [t.text for t, o in zip(notice.tasks, origins, strict=True) if not o]
    broad = [t.text for t, o in zip(notice.tasks, origins, strict=True) if o]
    assert "chăm lo đời sống hội viên có hoàn cảnh khó khăn." in broad
    plain, plain_origins = candidate_notice(NEWS, broad=False)
    assert not any(plain_origins) and [t.text for t in plain.tasks] == rule


def test_a_formal_notice_gets_no_broad_candidates() -> None:
    # (a notice, plan or letter gives each duty an item of its own, and an item is one task)
    notice, origins = candidate_notice(NOTICE, broad=True)
    assert notice.kind == "THÔNG BÁO" and notice.tasks and not any(origins)


def test_a_broad_candidate_has_features_of_its_own() -> None:
    got = broad_candidates([], [CHAINED], issued_on=ISSUED, default_leads=[])
    tasks = [CHAINED, *(t for t, _ in got)]
    feats = tf.task_features(tasks, kind="THÔNG BÁO", text=NOTICE, origins=[{}, *(f for _, f in got)])
    assert "broad" not in feats[0] and not any(k.startswith("B|") for k in feats[0]) and "w1:phong" in feats[0]
    assert feats[1]["broad"] == 1.0 and feats[1]["B|w1:ra"] == 1.0 and "w1:ra" not in feats[1]


def test_a_broad_candidate_is_always_judged_and_never_protected() -> None:
    leadless = ParsedTask(ref="1", text="Tổ chức kiểm tra các cơ sở trước ngày 20/3/2026.", due=dt.date(2026, 3, 20))
    clause = ParsedTask(ref="1 (ý 2)", text="báo cáo kết quả trước ngày 25/3/2026", due=dt.date(2026, 3, 25))
    keep = tf.decide([leadless, clause], [0.1, 0.1], threshold=0.5, protect=True, broad=[False, True])
    assert keep == [True, False]  # no candidate names a lead: the rule's is left alone, the broad one judged
    assert tf.decide([leadless, clause], [0.1, 0.9], threshold=0.5, protect=True, broad=[False, True]) == [True, True]


def test_broad_candidates_only_with_a_model_trained_on_them(monkeypatch: pytest.MonkeyPatch) -> None:
    trained = tf.Model(weights={}, bias=0.0, threshold=0.5, enabled=True, broad=True)
    assert not tf.broad_wanted(tf.Model(weights={}, bias=0.0, threshold=0.5, enabled=True, broad=False))
    monkeypatch.setenv(tf.ENV_FLAG, "1")
    assert tf.broad_wanted(trained)
    monkeypatch.setenv(tf.BROAD_FLAG, "0")
    assert not tf.broad_wanted(trained)
    monkeypatch.delenv(tf.BROAD_FLAG)
    monkeypatch.setenv(tf.ENV_FLAG, "0")  # without the filter, broad candidates would all be kept: none proposed
    assert not tf.broad_wanted(trained)


def test_the_shipped_parser_proposes_no_broad_candidate_unless_its_model_asks() -> None:
    model = tf.load_model()
    assert model is not None
    shown = [t.text for t in parse_notice(NEWS).tasks]
    assert ("chăm lo đời sống hội viên có hoàn cảnh khó khăn." in shown) == (model.broad and tf.broad_wanted(model))
