"""The item buttons under a morning digest: one per own task in the order the digest shows them, at most
texts.DIGEST_BUTTONS, and the text says which items are typed when there are more."""

from __future__ import annotations

import datetime as dt

from bot import texts
from bot.conversation.status import digest_message
from scheduler.dispatcher import DigestLine, DigestView
from storage.models import TaskStatus

DAY = dt.date(2026, 3, 9)


def line(n: int, category: str, *, escalation: str | None = None) -> DigestLine:
    due = None if category == "checkin" else DAY + dt.timedelta(days={"overdue": -3, "due_today": 0}.get(category, 2))
    return DigestLine(task_id=n, item_ref=str(n), task_text=f"Nhiệm vụ số {n} của đơn vị", notice_title="Thông báo 1",
                      category=category, due_on=due, effective_due_on=due, deadline_note=None, days_left=None,
                      working_days_left=None, days_late=3 if category == "overdue" else None, weekly=False,
                      status=TaskStatus.OPEN, percent=None, escalation=escalation, assignee_name="Lê Văn A",
                      lead_unit="Phòng Tư pháp")


def labels(view: DigestView) -> list[str]:
    return [a.label for row in digest_message(view, buttons=True).actions for a in row]


def test_buttons_follow_the_order_shown_not_the_order_planned() -> None:
    # planned check-ins first, then an overdue task: the digest shows the overdue one first, so does its button
    view = DigestView(digest_id=1, day=DAY, recipient_name="Lê Văn A",
                      lines=(line(1, "checkin"), line(2, "checkin"), line(3, "overdue"),
                             line(9, "overdue", escalation="head")))
    assert labels(view) == ["Mục 3", "Mục 1", "Mục 2"], "own tasks only, by urgency"
    text = texts.digest_text(view, buttons=True)
    assert text.index("• Mục 3") < text.index("• Mục 1")


def test_a_button_for_every_item_up_to_the_cap_and_the_rest_said_to_type() -> None:
    # (dated tasks: more than texts.CHECKIN_LISTED check-ins are counted per notice, without buttons)
    few = DigestView(digest_id=1, day=DAY, recipient_name="Lê Văn A",
                     lines=tuple(line(n, "due_soon") for n in range(1, texts.DIGEST_BUTTONS + 1)))
    assert len(labels(few)) == texts.DIGEST_BUTTONS
    assert "trở đi" not in texts.digest_text(few, buttons=True)

    many = DigestView(digest_id=1, day=DAY, recipient_name="Lê Văn A", show_help=False,
                      lines=tuple(line(n, "due_soon") for n in range(1, texts.DIGEST_BUTTONS + 4)))
    shown = labels(many)
    assert len(shown) == texts.DIGEST_BUTTONS and shown[-1] == f"Mục {texts.DIGEST_BUTTONS}"
    first = texts.DIGEST_BUTTONS + 1
    text = texts.digest_text(many, buttons=True)
    assert f"từ Mục {first} trở đi, đồng chí gõ số mục, ví dụ: “{first} xong”" in text, \
        "said even after the reader has replied once (the general help is gone by then)"
    assert "trở đi" not in texts.digest_text(many, buttons=False), "typed channels type every item anyway"
