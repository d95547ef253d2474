"""/viec with the items the person's unit supports (phối hợp): a head told at confirmation that the unit supports
II.4.c can find it again ("Sở Tư pháp phối hợp việc gì?", probe 25 #6). The own tasks are status.my_tasks'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import texts
from bot.conversation import status
from bot.conversation.events import TextIn
from storage.models import Person, Role, Unit
from storage.notices import supported_open
from storage.tasks import delegated_tasks, open_tasks_for

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bot.conversation.core import Conversation


async def my_tasks(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    """/viec: the person's own tasks (status.my_tasks), then, apart and marked so, the open items their unit supports
    and does not lead, each with its lead unit; one message when they hold none of their own."""
    db = conv.ctx.db
    supported = await db.run(supported_open, person) if person.role != Role.LEFT else []
    if not supported:
        await status.my_tasks(conv, event, args, person)
        return
    unit = await db.run(_unit_name, person)
    holds = await db.run(_holds_any, person)
    if holds:
        await status.my_tasks(conv, event, args, person)
    await conv.say(event, texts.supported_by_unit(unit, supported, alone=None if holds else person.full_name))


def _unit_name(session: Session, person: Person) -> str:
    unit = session.get(Unit, person.unit_id) if person.unit_id is not None else None
    return unit.name if unit is not None else "Đơn vị đồng chí"


def _holds_any(session: Session, person: Person) -> bool:
    """Whether /viec has own tasks to list: held, handed to cadres, or the unit's in colleagues' hands."""
    return bool(open_tasks_for(session, person) or delegated_tasks(session, person)
                or delegated_tasks(session, person, member=True))
