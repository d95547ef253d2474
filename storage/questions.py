"""Questions people ask the office in chat: kept, shown to the admins, answered by one of them, passed back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.audit import audit
from storage.errors import QuestionInvalid
from storage.models import Person, Question, QuestionMessage, Task

QUESTION_MAX = 2000  # characters kept of a question or an answer (the column is Text; a chat message is 4096)


@dataclass(frozen=True, kw_only=True)
class Asked:
    question_id: int
    text: str
    asker_name: str
    asker_unit: str | None
    item_ref: str | None  # the task it is about, if one


@dataclass(frozen=True, kw_only=True)
class Answered:
    question_id: int
    question: str
    answer: str
    asker: Person
    answered_by: str
    earlier_answer: bool  # another admin answered it before (both answers reach the asker)


def ask_office(session: Session, *, asker: Person, text: str, now: dt.datetime, task_id: int | None = None) -> Asked:
    text = text.strip()[:QUESTION_MAX]
    asker = session.get_one(Person, asker.id)  # (as this session sees them)
    question = Question(asker_id=asker.id, task_id=task_id, text=text, asked_at=now)
    session.add(question)
    session.flush()
    audit(session, at=now, actor_id=asker.id, action="question.asked", entity="question", entity_id=question.id,
          task_id=task_id)
    task = session.get(Task, task_id) if task_id is not None else None
    return Asked(question_id=question.id, text=text, asker_name=asker.full_name,
                 asker_unit=asker.unit.name if asker.unit else None, item_ref=task.item_ref if task else None)


def shown_to_admin(session: Session, question_id: int, *, chat_id: str, message_id: str) -> None:
    session.add(QuestionMessage(question_id=question_id, chat_id=chat_id, message_id=message_id))


def question_for_message(session: Session, *, chat_id: str, message_id: str) -> int | None:
    """The question a bot message showed an admin (a reply to it answers the question)."""
    return session.scalar(select(QuestionMessage.question_id).where(QuestionMessage.chat_id == chat_id,
                                                                    QuestionMessage.message_id == message_id))


def answer_question(session: Session, question_id: int, *, by: Person, text: str, now: dt.datetime) -> Answered:
    question = session.get(Question, question_id)
    if question is None:
        raise QuestionInvalid(f"no question {question_id}",
                              f"Không có câu hỏi số {question_id}. Các câu hỏi chưa trả lời: gõ /hoi.")
    answer = text.strip()[:QUESTION_MAX]
    if not answer:
        raise QuestionInvalid("empty answer", f"Đồng chí ghi nội dung trả lời, ví dụ: “trả lời {question_id}: mẫu "
                                              "báo cáo gửi kèm công văn, nộp bản mềm qua hệ thống văn bản”.")
    earlier = question.answer is not None
    question.answer, question.answered_by_id, question.answered_at = answer, by.id, now
    audit(session, at=now, actor_id=by.id, action="question.answered", entity="question", entity_id=question.id)
    return Answered(question_id=question.id, question=question.text, answer=answer,
                    asker=session.get_one(Person, question.asker_id), answered_by=by.full_name,
                    earlier_answer=earlier)


def unanswered(session: Session) -> list[tuple[int, str, str, dt.datetime]]:
    """The questions waiting for an answer, oldest first: (number, asker, question, asked at)."""
    return [(q.id, name, q.text, q.asked_at) for q, name in session.execute(
        select(Question, Person.full_name).join(Person, Person.id == Question.asker_id)
        .where(Question.answer.is_(None)).order_by(Question.id))]


def unanswered_count(session: Session) -> int:
    return session.scalar(select(func.count(Question.id)).where(Question.answer.is_(None))) or 0


def waiting_since(session: Session) -> dict[tuple[int, int | None], tuple[dt.datetime, str]]:
    """Each asker's oldest unanswered question (when, what), per task it is about (None: about no task) — for the
    morning's reminders: a late task's holder who asked the office is waiting on it (probe 48). Questions are few
    (a handful open at a time): one read of the unanswered ones."""
    oldest: dict[tuple[int, int | None], tuple[dt.datetime, str]] = {}
    for q in session.execute(select(Question.asker_id, Question.task_id, Question.asked_at, Question.text)
                             .where(Question.answer.is_(None)).order_by(Question.id)):
        oldest.setdefault((q.asker_id, q.task_id), (q.asked_at, q.text))
    return oldest
