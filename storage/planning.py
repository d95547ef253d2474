"""What storage needs from the reminder policy, without importing it (storage sits below the
scheduler): something that plans a task's first reminders. `scheduler.policy.ReminderPolicy`
satisfies this structurally."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from storage.models import ReminderKind


class PlannedStep(Protocol):
    @property
    def kind(self) -> ReminderKind: ...

    @property
    def slot(self) -> str: ...

    @property
    def due_at(self) -> dt.datetime: ...


class ReminderPlanner(Protocol):
    def initial(self, *, due_on: dt.date | None, registered_at: dt.datetime) -> Sequence[PlannedStep]: ...
