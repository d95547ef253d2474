"""An admin's correction to a draft, as storage applies it. Reading the typed lines
("3: Sở Tài chính", "3 phối hợp: Sở Nội vụ", "3 hạn 30/4", "3 nội dung: …", "bỏ 3", "thêm: …") is the
bot's job: bot/corrections.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storage.parsed import ParsedTask


@dataclass(frozen=True, kw_only=True)
class Correction:
    target: str  # "3" (preview number) or "mục 2.1"; for "add": the item number typed, or "" (the next one)
    # lead | lead_remove | lead_add | lead_from | support | due | recurring | text | ref | drop | add | number |
    # date | subject | signer (ref: the task's item number, "3 số mục: 2.d.a")
    field: str
    # lead, support: the unit names (empty: none); lead_remove, lead_add: the units taken out of (put in) the leads;
    # due: the date (None: no deadline); text: the new wording;
    # add: the task as read from the admin's words; lead_from: the task whose lead to copy ("2", "mục 2.1");
    # number, date, subject, signer: the notice's (None: clear what the parser read wrong);
    # recurring: (frequency, the phrase typed: "trước ngày 15 hằng tháng"), the task recurs and has no final date
    value: str | dt.date | tuple[str, ...] | ParsedTask | None = None
    # due counted in days from a day ("9 hạn 15 ngày"): how, said to the admin — "15 ngày kể từ ngày ký (23/02/2018)"
    counted: str | None = None

    def described(self) -> str:
        """The value as the audit log keeps it."""
        if isinstance(self.value, ParsedTask):
            return self.value.text
        if self.field == "recurring" and isinstance(self.value, tuple):
            return self.value[-1]
        if isinstance(self.value, tuple):
            return "; ".join(self.value)
        return str(self.value)
