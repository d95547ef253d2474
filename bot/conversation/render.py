"""Fitting a message to a channel: split to its text limit, and where it has no
buttons, the actions become the typed forms to send back (one place, every channel)."""

from __future__ import annotations

from bot import texts
from bot.conversation.events import Action, Capabilities, Outgoing, Part
from bot.textsplit import split_message


def typed_hint(actions: list[Action]) -> str:
    """"Trả lời: “2.1 xong” · “2.1 60% vướng …”" — the typed forms of the actions."""
    forms: list[str] = []
    for action in actions:
        if action.typed and action.typed not in forms:
            forms.append(action.typed)
    hint = "Đồng chí trả lời bằng cách gõ: " + " · ".join(f"“{f}”" for f in forms)
    # a name or a code the head fills in (probe 26, F11: a head does not know a cadre's code; a name does too)
    if placeholder := next((p for p in ("<họ tên cán bộ>", "<mã cán bộ>") if any(p in f for f in forms)), None):
        hint += f" (thay {placeholder} bằng họ tên hoặc mã của cán bộ; {texts.WHERE_CODES})"
    return texts.vn(hint) if forms else ""


def fit(message: Outgoing, caps: Capabilities) -> list[Part]:
    """The parts to send: split at the limit, actions on the last part, the quote on the first."""
    if not message.text:
        return []
    text = message.text
    actions = message.actions
    if actions and not caps.buttons:
        hint = typed_hint(message.all_actions)
        text = f"{text}\n\n{hint}" if hint else text
        actions = ()
    chunks = split_message(text, caps.text_limit) or [text[: caps.text_limit]]
    parts = [Part(text=chunk) for chunk in chunks]
    parts[-1] = Part(text=parts[-1].text, actions=actions)
    if caps.reply_to and message.reply_to:
        parts[0] = Part(text=parts[0].text, actions=parts[0].actions, reply_to=message.reply_to)
    return parts
