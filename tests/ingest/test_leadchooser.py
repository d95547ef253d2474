"""The learned lead chooser (bot/ingest/leadchooser.py): candidates and features from phrasing patterns, the flag,
and the margin (a confident model moves a lead, an unsure one does not). Generic names only."""

from __future__ import annotations

import pytest

from bot.ingest import leadchooser
from bot.ingest.leadchooser import Model, candidates, choose, choose_leads, load_model
from storage.parsed import ParsedNotice, ParsedTask

GIVE_AND_PARTNER = "Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ xây dựng phương án trình UBND tỉnh."


def _notice(*tasks: ParsedTask, issuer: str = "UBND tỉnh A", addressees: tuple[str, ...] = ()) -> ParsedNotice:
    return ParsedNotice(kind="CV", issuer=issuer, addressees=addressees, tasks=tasks)


def _by_units(notice: ParsedNotice, index: int = 0) -> dict[tuple[str, ...], leadchooser.Candidate]:
    return {c.units: c for c in candidates(notice.tasks[index], index, notice.tasks, notice)}


def test_the_rules_choice_is_a_candidate_and_marked() -> None:
    task = ParsedTask(ref="1", text=GIVE_AND_PARTNER, lead=("Sở Tài chính",), lead_source="text")
    cands = _by_units(_notice(task))
    assert cands[("Sở Tài chính",)].rule
    assert "rule:text" in cands[("Sở Tài chính",)].feats
    assert sum(c.rule for c in cands.values()) == 1


def test_a_unit_given_the_work_and_its_partner_are_told_apart() -> None:
    task = ParsedTask(ref="1", text=GIVE_AND_PARTNER, lead=("Sở Tài chính",), lead_source="text")
    cands = _by_units(_notice(task))
    given, partner = cands[("Sở Tài chính",)].feats, cands[("Sở Nội vụ",)].feats
    assert given["m:prev:giao"] == 1.0 and given["m:next:chu tri"] == 1.0
    assert partner["m:prev:phoi hop voi"] == 1.0 and partner["m:after_partner"] == 1.0
    assert "m:after_partner" not in given


def test_a_unit_opening_the_item_before_its_verb() -> None:
    task = ParsedTask(ref="2", text="Sở Y tế khẩn trương kiểm tra, báo cáo kết quả.", lead_source=None)
    feats = _by_units(_notice(task))[("Sở Y tế",)].feats
    assert feats["m:at0"] == 1.0 and feats["m:before_verb"] == 1.0 and feats["m:next:khan truong"] == 1.0
    # the rule found no lead: its candidate is the empty lead
    assert _by_units(_notice(task))[()].rule


def test_heading_addressee_and_issuer_candidates() -> None:
    head = ParsedTask(ref="1", text="Sở Công Thương:", lead=("Sở Công Thương",), lead_source="text")
    item = ParsedTask(ref="1.1", text="Rà soát các cơ sở trên địa bàn.", lead=("Sở Công Thương",),
                      lead_source="heading", parent_ref="1", depth=2)
    notice = _notice(head, item, addressees=("Sở Công Thương", "UBND các huyện"))
    cands = _by_units(notice, 1)
    assert {"rule", "parent", "prev"} <= cands[("Sở Công Thương",)].sources
    assert cands[("Sở Công Thương", "UBND các huyện")].sources == {"addressee"}
    assert cands[("UBND tỉnh A",)].sources == {"issuer"}
    assert cands[("UBND tỉnh A",)].feats["issuer_like"] == 1.0


def test_a_group_and_a_name_with_the_body_glued_on() -> None:
    task = ParsedTask(ref="1", text="Đề nghị các sở, ban, ngành rà soát, báo cáo.", lead=("Sở A chỉ đạo Sở B",),
                      lead_source="text")
    cands = _by_units(_notice(task))
    group = next(c for u, c in cands.items() if u and u[0].startswith("các sở"))
    assert group.feats["group"] == 1.0 and group.feats["m:after_ask"] == 1.0
    assert cands[("Sở A chỉ đạo Sở B",)].feats["verb_inside"] == 1.0
    assert cands[("Sở A chỉ đạo Sở B",)].feats["not_in_text"] == 1.0


def _partner_model(margin: float, enabled: bool = True) -> Model:
    # a made-up model that likes a partner ("phối hợp với X"): only to see the margin and the flag at work
    return Model(weights={"m:after_partner": 3.0}, margin=margin, enabled=enabled)


def test_a_confident_model_moves_the_lead_and_an_unsure_one_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(leadchooser.ENV_FLAG, raising=False)
    task = ParsedTask(ref="1", text=GIVE_AND_PARTNER, lead=("Sở Tài chính",), support=("Sở Nội vụ",),
                      lead_source="heading")
    moved = choose_leads(_notice(task), model=_partner_model(margin=1.0))
    assert moved.tasks[0].lead == ("Sở Nội vụ",)
    assert moved.tasks[0].lead_source == "text"  # where the chosen candidate came from
    assert "Sở Nội vụ" not in moved.tasks[0].support
    kept = choose_leads(_notice(task), model=_partner_model(margin=5.0))
    assert kept.tasks[0] == task


def test_the_flag_turns_it_off_and_on(monkeypatch: pytest.MonkeyPatch) -> None:
    task = ParsedTask(ref="1", text=GIVE_AND_PARTNER, lead=("Sở Tài chính",), lead_source="text")
    monkeypatch.setenv(leadchooser.ENV_FLAG, "0")
    assert choose_leads(_notice(task), model=_partner_model(margin=0.0)).tasks[0] == task
    monkeypatch.setenv(leadchooser.ENV_FLAG, "1")
    assert choose_leads(_notice(task), model=_partner_model(margin=0.0, enabled=False)).tasks[0].lead == \
        ("Sở Nội vụ",)
    monkeypatch.delenv(leadchooser.ENV_FLAG)
    assert choose_leads(_notice(task), model=_partner_model(margin=0.0, enabled=False)).tasks[0] == task


def test_the_issuer_alone_never_takes_the_lead() -> None:
    task = ParsedTask(ref="1", text="Tăng cường kiểm tra.", lead=(), lead_source=None)
    notice = _notice(task)
    cands = candidates(task, 0, notice.tasks, notice)
    model = Model(weights={"issuer": 9.0}, margin=0.0, enabled=True)
    assert choose(cands, model.weights, model.margin).rule


def test_the_shipped_model_loads() -> None:
    model = load_model()
    assert model is not None and model.weights and model.margin >= 0
