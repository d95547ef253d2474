"""Questions to the office (Văn phòng): "hỏi văn phòng: mẫu báo cáo lấy ở đâu?", or a question Nhắc việc cannot
answer itself ("Báo cáo gửi file hay văn bản giấy ạ?"), goes to the admins; an admin answers by replying to it (or
typing "trả lời 3: …", which Zalo needs: it has no replies) and the answer goes back to whoever asked. /hoi lists
the questions still waiting for an answer."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from bot import texts
from bot.conversation.events import Outgoing, TextIn
from bot.replies import chat_fold
from storage.questions import (
    answer_question,
    ask_office,
    question_for_message,
    shown_to_admin,
    unanswered,
    unanswered_count,
)
from storage.tasks import admins
from storage.vntext import nfc, strip_marks

if TYPE_CHECKING:
    from bot.conversation.core import Conversation
    from storage.models import Person, Task

log = logging.getLogger(__name__)

# "hỏi văn phòng: …", "hoi vp …", "nhờ văn phòng …", "gửi văn thư: …", "hỏi quản trị viên …" (marks off, lower case)
TO_OFFICE = re.compile(r"^(?:xin\s+)?(?:hoi|nho|gui|chuyen)\s+(?:(?:giup\s+)?(?:van phong|vp|van thu|quan tri"
                       r"(?:\s+vien)?))\b\s*[:,-]?\s*")
# "trả lời 3: …", "tl 3: …", "trả lời câu hỏi 3: …"
ANSWER = re.compile(r"^(?:tra loi|tl)\s+(?:(?:cau hoi|cau)\s+)?(?:so\s+)?(?P<n>\d+)\s*[:,.-]?\s*")
QUESTION_WORDS = re.compile(r"\?|\b(?:khong a|chua a|nao|sao|the nao|o dau|cho ai|bao gio|khi nao|nhu the nao"
                            r"|co phai|co can|co duoc|hay la|hay khong|lam sao)\b")
MIN_QUESTION_WORDS = 3  # "sao?" alone is not a question for the office
# a question about the person's own tasks or deadlines ("hạn mục nào gần nhất?"): /viec answers it, not the office
ABOUT_TASKS = re.compile(r"\b(?:muc|nhiem vu|han|viec)\b")


def is_a_question(text: str) -> bool:
    """A real question for the office in someone's own words: a question mark or question words, a few words, and
    not about their own tasks (the bot's answer to that points to /viec)."""
    folded = chat_fold(text)
    return len(folded.split()) >= MIN_QUESTION_WORDS and QUESTION_WORDS.search(folded) is not None \
        and ABOUT_TASKS.search(folded) is None


async def typed_to_office(conv: Conversation, event: TextIn, person: Person) -> bool:
    """"hỏi văn phòng: …" from anyone (an admin's own: the other admins); "trả lời N: …" from an admin. What
    follows the form is kept as written (the marks off only to read the form: one character for one)."""
    original = nfc(event.text).strip()
    plain = strip_marks(original).lower()
    if person.is_admin and (m := ANSWER.match(plain)) is not None:
        await answer(conv, event, person, int(m.group("n")), original[m.end():].strip(" :,-"))
        return True
    if (m := TO_OFFICE.match(plain)) is None:
        return False
    question = original[m.end():].strip(" :,-")
    if not question:
        await conv.say(event, texts.ASK_OFFICE_HOW)
        return True
    await ask(conv, event, person, question)
    return True


async def ask(conv: Conversation, event: TextIn, person: Person, question: str, task: Task | None = None,
              *, after_card: bool = False) -> None:
    """Keep the question, show it to every reachable admin (a reply to it answers), tell the asker."""
    ctx = conv.ctx
    office = [a for a in await ctx.db.run(admins) if a.id != person.id]
    if not office:
        await conv.say(event, texts.NO_OFFICE)
        return
    asked = await ctx.db.run(ask_office, asker=person, text=question, now=ctx.clock.now(),
                             task_id=task.id if task is not None else None)
    told = []
    for admin in office:
        sent = await conv.notify(admin, Outgoing(text=texts.question_to_office(asked,
                                                                             replies=conv.replies_reach(admin))),
                                 remember=("question", asked.question_id))
        if sent is not None and sent.last_id is not None:
            await ctx.db.run(shown_to_admin, asked.question_id, chat_id=sent.chat_id, message_id=sent.last_id)
        if sent is not None and (sent.last_id is not None or sent.held):  # (a held one is shown in the morning)
            told.append(admin.full_name)
    log.info("question %s from %s shown to %d admins", asked.question_id, person.handle, len(told))
    await conv.say(event, texts.question_forwarded(told, after_card=after_card))


async def reply_answer(conv: Conversation, event: TextIn, person: Person) -> bool:
    """An admin's reply to a question shown to them: the answer."""
    if event.reply_to is None or not person.is_admin:
        return False
    question_id = await conv.ctx.db.run(question_for_message, chat_id=event.chat_id, message_id=event.reply_to)
    if question_id is None:
        return False
    await answer(conv, event, person, question_id, event.text.strip())
    return True


async def answer(conv: Conversation, event: TextIn, person: Person, question_id: int, text: str) -> None:
    ctx = conv.ctx
    answered = await ctx.db.run(answer_question, question_id, by=person, text=text, now=ctx.clock.now())
    sent = await conv.notify(answered.asker, Outgoing(text=texts.office_answer(answered)))
    await conv.say(event, texts.answer_passed(answered, reached=sent is not None))


async def waiting_count(conv: Conversation) -> int:
    return await conv.ctx.db.run(unanswered_count)


async def waiting(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    """/hoi: the questions waiting for an answer (admins); for anyone else, how to ask."""
    if not person.is_admin:
        await conv.say(event, texts.ASK_OFFICE_HOW)
        return
    rows = await conv.ctx.db.run(unanswered)
    await conv.say(event, texts.questions_waiting(rows, conv.ctx.policy.calendar.tz))
