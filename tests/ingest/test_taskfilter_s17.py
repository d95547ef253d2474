"""Session 17's retrain of the task filter: features that tell a candidate without a lead of its own among siblings
that have none (a list of work under a heading, the doer named above it) from one among led siblings (a stray line
between duties), whether the item opens with a work verb, and "X, Y, Z chịu trách nhiệm …" (several doers charged)
protected like "X chịu trách nhiệm …". The shipped model never trained on the newest labelled batch. Examples
written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.ingest import taskfilter as tf
from storage.parsed import ParsedTask

CORPORA = Path(__file__).resolve().parents[1] / "corpus"


def _item(ref: str, text: str, lead: tuple[str, ...] = (), parent: str | None = "II") -> ParsedTask:
    return ParsedTask(ref=ref, text=text, lead=lead, support=(), due=None, due_text=None, recurrence=None,
                      parent_ref=parent, depth=2 if parent else 1, lead_source="text" if lead else None)


def _features(tasks: list[ParsedTask]) -> list[dict[str, float]]:
    return tf.task_features(tasks, kind=None, text="\n".join(t.text for t in tasks))


UNLED = [_item("II.1", "Tuyên truyền sâu rộng kết quả hội nghị đến cán bộ, đảng viên và Nhân dân."),
         _item("II.2", "Rà soát, củng cố lực lượng xung kích ở các thôn."),
         _item("II.3", "Bảo đảm chế độ thông tin, báo cáo từ thôn đến xã.")]
LED = [_item("II.1", "Phòng Văn hóa và Thông tin tăng cường kiểm tra các cơ sở kinh doanh.",
             ("Phòng Văn hóa và Thông tin",)),
       _item("II.2", "Phòng Tài chính - Kế hoạch bố trí kinh phí cho các đợt kiểm tra.",
             ("Phòng Tài chính - Kế hoạch",)),
       _item("II.3", "Kết quả đạt được trong năm qua là đáng ghi nhận.")]


def test_an_unled_item_among_unled_siblings_says_so() -> None:
    feats = _features(UNLED)
    assert all(f.get("nolead_siblead:0") == 1.0 and f.get("nolead_doclead:0") == 1.0 for f in feats)


def test_an_unled_item_among_led_siblings_says_so() -> None:
    stray = _features(LED)[2]
    assert stray.get("nolead_siblead:3") == 1.0  # both of its siblings name a lead
    assert stray.get("nolead_doclead:2") == 1.0  # two of the document's three candidates do
    assert not any(k.startswith("nolead_") for k in _features(LED)[0])  # a led candidate has none of these


def test_an_only_child_without_a_lead_has_no_sibling_share() -> None:
    only = _features([_item("1", "Tổ chức tổng kết công tác năm 2026.", parent=None)])[0]
    assert only.get("nolead_siblead:x") == 1.0


@pytest.mark.parametrize(("text", "verb"), [
    ("Tuyên truyền sâu rộng kết quả hội nghị.", True),
    ("Rà soát, củng cố lực lượng xung kích.", True),
    ("Bảo đảm chế độ thông tin, báo cáo.", True),
    ("Kết quả đạt được trong năm qua là đáng ghi nhận.", False),
    ("Thành phần: lãnh đạo các phòng, ban.", False),
])
def test_an_item_that_opens_with_a_work_verb(text: str, verb: bool) -> None:
    feats = _features([_item("II.1", text)])[0]
    assert feats["opens_verb"] == float(verb)
    assert feats["nolead_opens_verb"] == float(verb)


@pytest.mark.parametrize(("text", "lead"), [
    ("Trưởng thôn, tổ trưởng tổ dân phố, hiệu trưởng các trường học, trưởng các đoàn thể chịu trách nhiệm vận động "
     "Nhân dân tham gia.",
     ("Trưởng thôn", "tổ trưởng tổ dân phố", "hiệu trưởng các trường học", "trưởng các đoàn thể")),
    ("Giám đốc các sở, thủ trưởng các ban, ngành, Chủ tịch UBND các huyện có trách nhiệm triển khai kế hoạch này.",
     ("Giám đốc các sở", "thủ trưởng các ban, ngành", "Chủ tịch UBND các huyện")),
])
def test_several_doers_charged_with_the_work_are_protected(text: str, lead: tuple[str, ...]) -> None:
    assert tf.protected(_item("3", text, lead, parent=None))


def test_several_doers_answerable_to_someone_are_not_protected() -> None:
    text = ("Giám đốc các sở, thủ trưởng các ban, ngành, Chủ tịch UBND các huyện chịu trách nhiệm trước Chủ tịch "
            "UBND tỉnh.")
    assert not tf.protected(_item("3", text, ("Giám đốc các sở", "thủ trưởng các ban, ngành"), parent=None))


def test_the_shipped_model_never_trained_on_the_newest_batch() -> None:
    model = json.loads(tf.MODEL_PATH.read_text(encoding="utf-8"))
    batches = sorted(p.name.removeprefix("batch-") for p in CORPORA.glob("batch-*") if p.is_dir())
    trained = set(model["trained_on"])
    assert "dev" in trained and batches[0] in trained
    assert batches[-1] not in trained  # the newest labelled batch is held out: scored, never trained or chosen on
