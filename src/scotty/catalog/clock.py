"""An SLA clock read off a ticket's history: how much of a target is used, when it falls
due, and every stretch it ran or stood still, so an agent can check the arithmetic.

Pure: the history comes in as `Stretch`es (from each status change to the next), the
calendar and the target as values. The ticket services recompute a clock from the whole
history whenever something it reads changes (status, priority, transfer, first
response), so paused and elapsed time carry over a change of priority or policy: the
new target applies to the business time already used, never to a clock started afresh.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from scotty.core.businesstime import Calendar, add, elapsed


@dataclass(frozen=True)
class Stretch:
    """From `start` until the next stretch (or for good, for the last one), the ticket
    was in `status`."""

    start: datetime
    status: str


@dataclass(frozen=True)
class Interval:
    """One stretch as the clock saw it, up to now."""

    start: datetime
    end: datetime | None  # None: still going
    status: str
    counted: bool  # the clock ran (False: paused or stopped)
    business: timedelta  # business time counted in it (up to now for the last)


@dataclass(frozen=True)
class Reading:
    target: timedelta
    used: timedelta  # business time counted until now
    due: datetime | None  # when the target is (or was) reached; None: paused, not reached
    warn_at: datetime | None  # when `warn_share` of it is (or was) reached
    running: bool  # counting now
    intervals: tuple[Interval, ...]

    @property
    def left(self) -> timedelta:
        """Business time left (negative when overdue)."""
        return self.target - self.used

    def breached(self, now: datetime) -> bool:
        return self.used >= self.target or (self.due is not None and self.due <= now)


def read(
    stretches: Sequence[Stretch],
    *,
    calendar: Calendar,
    target: timedelta,
    counts: Callable[[str], bool],
    now: datetime,
    stop: datetime | None = None,
    warn_share: float = 0.75,
) -> Reading:
    """The clock over these stretches (oldest first): it counts business time in the
    statuses `counts` accepts, until `stop` (the first response, for that clock).

    `due` is the moment the count reaches `target`, in the past for a breach, ahead when
    running; for a clock paused now it is the moment it was reached if it was, else None
    (it is due again once it runs).
    """
    bounded = [s for s in stretches if stop is None or s.start < stop]
    ends: list[datetime | None] = [*(s.start for s in bounded[1:]), stop][: len(bounded)]
    intervals = []
    used = timedelta(0)
    due = warn_at = None
    spent = timedelta(0)  # counted over the whole history, the future included
    warn = target * warn_share
    for stretch, end in zip(bounded, ends, strict=True):
        counted = counts(stretch.status)
        until_now = now if end is None or end > now else end
        business = elapsed(calendar, stretch.start, until_now) if counted else timedelta(0)
        used += business
        intervals.append(Interval(stretch.start, end, stretch.status, counted, business))
        if not counted:
            continue
        # When does the count reach the warning and the target within this stretch?
        whole = elapsed(calendar, stretch.start, end) if end is not None else None
        if warn_at is None and (whole is None or spent + whole >= warn):
            warn_at = add(calendar, stretch.start, max(warn - spent, timedelta(0)))
        if due is None and (whole is None or spent + whole >= target):
            due = add(calendar, stretch.start, target - spent)
        if whole is None:
            break
        spent += whole
    last = intervals[-1] if intervals else None
    running = last is not None and last.counted and last.end is None
    return Reading(target, used, due, warn_at, running, tuple(intervals))
