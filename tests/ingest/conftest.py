"""Fixtures of the parser tests."""

from __future__ import annotations

import pytest

from bot.ingest.taskfilter import ENV_FLAG


@pytest.fixture
def rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The candidates the rules propose, without the learned task filter (bot/ingest/taskfilter.py): for tests of a
    segmentation rule on a tiny notice whose leadless items the filter, trained on whole documents, may drop."""
    monkeypatch.setenv(ENV_FLAG, "0")
