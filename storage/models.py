"""Typed SQLAlchemy 2 models. Times are stored as UTC; see `UTCDateTime`."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (no zone) and PostgreSQL alike."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Role(enum.StrEnum):
    ADMIN = "admin"
    LEADER = "leader"
    HEAD = "head"
    CADRE = "cadre"
    LEFT = "left"  # no longer works here (đã nghỉ): kept for the history, told nothing, holds nothing


class NoticeStatus(enum.StrEnum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class TaskStatus(enum.StrEnum):
    OPEN = "open"  # registered, nobody reported yet
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"  # vướng mắc
    EXTENSION_REQUESTED = "extension_requested"
    EXTENDED = "extended"  # đã gia hạn
    DONE = "done"
    PAUSED = "paused"
    CANCELLED = "cancelled"

    @property
    def is_closed(self) -> bool:
        return self in (TaskStatus.DONE, TaskStatus.CANCELLED)


OPEN_STATUSES = tuple(s for s in TaskStatus if not s.is_closed)  # what `status IN (…)` looks up by index


class CalendarDayKind(enum.StrEnum):
    OFF = "off"  # an extra day off the `holidays` package does not know (yet)
    WORKING = "working"  # a make-up working day (ngày làm bù), usually a Saturday


class DigestState(enum.StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"
    # claimed, and its request may be on its way: past its lease (the worker stalled or died before writing the
    # outcome) it is taken as `unknown` (listed in /loi), never claimed and sent again
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"  # gave up after the last retry, or the person cannot be reached
    UNKNOWN = "unknown"  # timed out after it may have reached the person: not resent blindly (/loi)
    CARRIED = "carried"  # failed, and its lines went into a later digest
    HELD = "held"  # a quiet person's repeats, not sent: the lines go into their next digest (scheduler/policy.py)


TELEGRAM = "telegram"
ZALO = "zalo"
CHANNELS = (TELEGRAM, ZALO)


class Unit(Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), unique=True)  # vntext.fold(name)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())

    people: Mapped[list[Person]] = relationship(back_populates="unit")


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handle: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default=Role.CADRE)
    telegram_chat_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    zalo_user_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    telegram_username: Mapped[str | None] = mapped_column(String(32))  # from the directory file, without "@"
    preferred_channel: Mapped[str | None] = mapped_column(String(16))  # where reminders go when bound on both
    unreachable_since: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # a reply to this person refused by flood control may still wait in held_messages (set with it, cleared once
    # none waits): read with the person at each update, so only then is a reply checked against those rows
    replies_held: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # leave (nghỉ phép): no digest on these working days; a named colleague gets it instead
    leave_from: Mapped[dt.date | None] = mapped_column(Date)
    leave_to: Mapped[dt.date | None] = mapped_column(Date)
    leave_cover_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())

    unit: Mapped[Unit | None] = relationship(back_populates="people")
    # the other units this person heads (kiêm nhiệm): their tasks come to this person as to their head
    posts: Mapped[list[PersonPost]] = relationship(back_populates="person", lazy="selectin",
                                                   cascade="all, delete-orphan", order_by="PersonPost.id")

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def headed_unit_ids(self) -> frozenset[int]:
        """The units this person is the head of: their own as head, and every unit of a second post. (Posts load
        with every person read; a person is created with `posts=[]`, so one never read back has them too.)"""
        own = {self.unit_id} if self.role == Role.HEAD and self.unit_id is not None else set()
        return frozenset(own | {p.unit_id for p in self.posts})

    def on_leave(self, day: dt.date) -> bool:
        return self.leave_from is not None and self.leave_to is not None and self.leave_from <= day <= self.leave_to

    def chat_on(self, channel: str) -> str | None:
        """This person's chat id on `channel`, as a string (channels speak strings)."""
        if channel == TELEGRAM:
            return str(self.telegram_chat_id) if self.telegram_chat_id is not None else None
        if channel == ZALO:
            return self.zalo_user_id
        return None

    @property
    def channels(self) -> list[str]:
        return [c for c in CHANNELS if self.chat_on(c) is not None]

    def delivery_address(self) -> tuple[str, str] | None:
        """Where this person's reminders go: the chosen channel if bound there, else the first bound."""
        order = [self.preferred_channel, *CHANNELS] if self.preferred_channel else list(CHANNELS)
        for channel in order:
            chat = self.chat_on(channel) if channel else None
            if chat is not None:
                return channel, chat  # type: ignore[return-value]
        return None


class PersonPost(Base):
    """A second post (kiêm nhiệm): the person also heads this unit, and receives its tasks as its head."""

    __tablename__ = "person_posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), unique=True)  # a unit has one head
    title: Mapped[str] = mapped_column(String(200), default="")

    person: Mapped[Person] = relationship(back_populates="posts")
    unit: Mapped[Unit] = relationship()


class Invite(Base):
    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class Notice(Base):
    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    source_name: Mapped[str] = mapped_column(String(300), default="")
    source_text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(60))
    number: Mapped[str | None] = mapped_column(String(100))
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(String(300))
    subject: Mapped[str | None] = mapped_column(Text)
    signer: Mapped[str | None] = mapped_column(String(200))
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # addressees, references …
    status: Mapped[str] = mapped_column(String(16), default=NoticeStatus.DRAFT)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    tasks: Mapped[list[Task]] = relationship(back_populates="notice", order_by="Task.position")


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_status_due_on", "status", "due_on"),
                      Index("ix_tasks_status_snoozed_until", "status", "snoozed_until"),
                      # the morning's quiet cadence: when each person's tasks were last reported on, since a day
                      Index("ix_tasks_assignee_id_last_report_at", "assignee_id", "last_report_at"),
                      # the open tasks nobody holds (storage.notices.unheld_tasks): no assignee, or one who left
                      Index("ix_tasks_assignee_id_status", "assignee_id", "status"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    item_ref: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    lead_unit_names: Mapped[list[str]] = mapped_column(JSON, default=list)  # as written
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    support_unit_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    due_text: Mapped[str | None] = mapped_column(String(300))
    recurrence: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(24), default=TaskStatus.OPEN)
    percent: Mapped[int | None] = mapped_column(Integer)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # the reminder ladder's memory: escalation levels already told, a snooze, the last status report
    escalated: Mapped[list[str]] = mapped_column(JSON, default=list)
    snoozed_until: Mapped[dt.date | None] = mapped_column(Date)
    last_report_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # a recurring duty: the current occurrence ("tháng 3/2026", from 2026-03-01); due_on is its deadline
    occurrence_label: Mapped[str | None] = mapped_column(String(60))
    occurrence_start: Mapped[dt.date | None] = mapped_column(Date)
    # the leaders the notice puts in charge of it ("Lãnh đạo phụ trách: Phó Giám đốc X"), as written: they, not the
    # notice's signer, hear of it when it is late and decide on its extensions (storage.tasks.task_followers)
    leaders_in_charge: Mapped[list[str]] = mapped_column(JSON, default=list)

    notice: Mapped[Notice] = relationship(back_populates="tasks")
    lead_unit: Mapped[Unit | None] = relationship()
    assignee: Mapped[Person | None] = relationship()

    @property
    def lead_name(self) -> str:
        """The lead unit as the directory names it (with the notice's marks where the directory has none: see
        `marked_spelling`), else as the notice wrote it; "" when there is none. For messages, never for matching a
        unit by equality (compare `lead_unit_id`)."""
        if self.lead_unit is not None:
            from storage.unitnames import marked_spelling
            # (read lazily: only a directory name spelled without marks looks at them, and it stops at the first
            # spelling found — building the notice's whole list for every task made confirming a notice of n items
            # n² work: 2,000 items took 0.8 s more)
            return marked_spelling(self.lead_unit.name, self._written())
        return self.lead_unit_names[0] if self.lead_unit_names else ""

    def written_units(self) -> list[str]:
        """The units as the notice writes them: this task's leads, then (when the notice is at hand) every lead and
        supporting unit of its items."""
        return list(self._written())

    def _written(self) -> Iterator[str]:
        yield from self.lead_unit_names or []
        state = sa_inspect(self)
        if ("notice" not in state.unloaded or state.session is not None) and self.notice is not None:
            yield from _notice_units(self.notice.meta)


def notice_units(meta: dict[str, Any] | None) -> list[str]:
    """Every lead and supporting unit of a notice's items as it writes them (`Notice.meta`)."""
    return list(_notice_units(meta))


def _notice_units(meta: dict[str, Any] | None) -> Iterator[str]:
    for t in (meta or {}).get("tasks") or []:
        yield from t.get("lead") or []
        yield from t.get("support") or []


class DigestRun(Base):
    """A working morning whose digests were planned: one row a day, written in the same transaction as
    that day's digests, so only one worker plans a day and a restart knows which days were missed."""

    __tablename__ = "digest_runs"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    planned_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    digests: Mapped[int] = mapped_column(Integer, default=0)


class Digest(Base):
    """One person's morning message: every task due for them that morning, as one row to deliver.
    Claimed with a lease and a fencing token (`claim_token`), so a late worker cannot mark or resend
    another worker's claim."""

    __tablename__ = "digests"
    __table_args__ = (
        UniqueConstraint("person_id", "day", name="uq_digests_person_day"),
        Index("ix_digests_state_due_at", "state", "due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    state: Mapped[str] = mapped_column(String(16), default=DigestState.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    claim_token: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    channel: Mapped[str | None] = mapped_column(String(16))
    chat_id: Mapped[str | None] = mapped_column(String(64))
    message_id: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship()


class SendPause(Base):
    """A channel told us to wait (flood control): every worker holds sends to that chat (`chat_id`), or to
    the whole channel (`chat_id` ''), until `until`."""

    __tablename__ = "send_pauses"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    chat_id: Mapped[str] = mapped_column(String(64), primary_key=True, default="")  # '': the whole channel
    until: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class SendWorker(Base):
    """A worker process sending on a channel, as it last said so (`seen_at`, once a tick or a batch): the
    workers seen lately on one channel share its overall rate (each paces at the rate ÷ their number)."""

    __tablename__ = "send_workers"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    worker: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # when its tick last found nothing more to claim (None: its tick is under way): not counted by a worker sending
    # rows due before then — it looked, found them all claimed, and sends no more of them
    idle_since: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class TaskMessage(Base):
    """A bot message about one task (a task card, an assignment): a reply to it is about that task."""

    __tablename__ = "task_messages"
    __table_args__ = (Index("ix_task_messages_chat_message", "chat_id", "message_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class TaskOccurrence(Base):
    """A past occurrence of a recurring duty ("Báo cáo tháng 3/2026 — hạn 20/03/2026"), kept for reports:
    finished (`done_at`, on time or late), or never reported (`done_at` empty) when the next round began."""

    __tablename__ = "task_occurrences"
    __table_args__ = (UniqueConstraint("task_id", "period_start", name="uq_task_occurrences_task_period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    label: Mapped[str] = mapped_column(String(60))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date] = mapped_column(Date)
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    on_time: Mapped[bool] = mapped_column(Boolean)


class StatusReport(Base):
    __tablename__ = "status_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(24))
    task: Mapped[Task] = relationship()
    person: Mapped[Person] = relationship(foreign_keys=[person_id])
    percent: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    requested_due_on: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(16))  # button | reply | text | decision | support
    # the bot's acknowledgement, so that a reply to it continues the same task
    ack_chat_id: Mapped[str | None] = mapped_column(String(64))
    ack_message_id: Mapped[str | None] = mapped_column(String(64))
    # for an extension request: pending until decided (approved | rejected) or replaced by a newer request, closed by
    # the task's finishing (withdrawn) or cancelling (cancelled), or taken back by its requester (recalled)
    # pending|approved|rejected|replaced|withdrawn|…; indexed: the weekly office list asks for the pending ones
    decision: Mapped[str | None] = mapped_column(String(16), index=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class PendingReply(Base):
    """A typed reply the bot could not place on one task (several candidates, or a typed item number that
    disagrees with the replied message): kept until the person picks the task with an action."""

    __tablename__ = "pending_replies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))  # reply | text
    task_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # the candidates offered
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())  # when the person sent the text
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class ExtensionMessage(Base):
    """Where an extension request was shown to someone who may decide it: its actions come off, and
    the message is answered with who decided, once the request is decided or replaced."""

    __tablename__ = "extension_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("status_reports.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    channel: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Question(Base):
    """A question someone asked the office in chat ("hỏi văn phòng: mẫu báo cáo lấy ở đâu?", or a question the bot
    could not answer): sent to the admins, answered by one of them (a reply, or "trả lời N: …"), passed back."""

    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asker_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"))  # the task it is about, if one
    text: Mapped[str] = mapped_column(Text)
    asked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class QuestionMessage(Base):
    """Where a question was shown to an admin: a reply to that message answers it."""

    __tablename__ = "question_messages"
    __table_args__ = (Index("ix_question_messages_chat_message", "chat_id", "message_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"), index=True)
    chat_id: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(64))


class HeldMessage(Base):
    """A message to someone other than the writer, triggered outside working hours (a head's copy of a cadre's
    update, a question to the office, a request to a leader): kept until the next working morning, when the tick
    sends it as it would have gone. `remember`: what a reply to it is about, recorded once it is sent.
    With `chat_id`: a handler's message refused by flood control (a reply a person waits for; one row per part
    not sent), kept until the chat's ban ends (`due_at`) and then sent to that chat by the next tick, at any hour."""

    __tablename__ = "held_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    actions: Mapped[list[Any]] = mapped_column(JSON, default=list)  # rows of [label, typed, data]
    remember_kind: Mapped[str | None] = mapped_column(String(16))  # "task", "update", "question", "extension"
    remember_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    claimed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())  # also set when dropped (moot, unreachable)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    channel: Mapped[str | None] = mapped_column(String(16))  # set with chat_id: refused by flood control
    chat_id: Mapped[str | None] = mapped_column(String(64))
    claim_token: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # fencing: +1 at each claim
    # set just before its request may go out (`storage.held.sending_held`): never claimed again, sent or not (a
    # worker that stalled or died then leaves it, logged, rather than send it twice)
    sending_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # a refused reply's picture ("picture", a chart) or file ("document", a workbook): its caption is `text`
    file_kind: Mapped[str | None] = mapped_column(String(16))
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_data: Mapped[bytes | None] = mapped_column(LargeBinary)


class SharedFile(Base):
    """A generated file (a report's chart or workbook) served at an unguessable, expiring link under the webhook's
    public address, for a channel that takes files only by URL (Zalo). In the database so that every worker behind
    the proxy serves it; only the token's SHA-256 is kept. Removed once expired."""

    __tablename__ = "shared_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)


class CalendarDay(Base):
    """An admin's correction to the working calendar; it overrides the `holidays` package."""

    __tablename__ = "calendar_days"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # CalendarDayKind
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


# Audit actions that are also a claim: one row per (action, entity, entity_id) — the weekly summary of a week, the one
# reminder an extension request waits — so two workers cannot both send it (a unique index, not check-then-write).
ONCE_ACTIONS = ("weekly.sent", "task.extension_reminded")
_ONCE = text(f"action IN ({', '.join(repr(a) for a in ONCE_ACTIONS)})")


class AuditLog(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_action_at", "action", "at"),  # each tick: news queued by the CLI
                      Index("uq_audit_log_once", "action", "entity", "entity_id", unique=True, sqlite_where=_ONCE,
                            postgresql_where=_ONCE))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
