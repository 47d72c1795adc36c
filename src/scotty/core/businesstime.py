"""Business time: when a support unit is open, and how much of its time a span holds.

Pure functions over a `Calendar` (weekly opening hours in a time zone, and the days it
is closed): no database, no clock. SLA due times, follow-up dates, reminders and reports
all count with these, so everyone's watch shows the same time.

The conventions, which the property tests in tests/core/test_businesstime.py hold:

- Opening hours are wall-clock times in the calendar's zone. An opening that closes at
  or before it opens runs past midnight ("22:00-06:00"); one that closes when it opens
  lasts 24 hours ("00:00-00:00"), which is how 24x7 is written.
- An opening belongs to the day it starts: a closed day (a holiday) cancels the night
  shift that begins on it, not the one that ends on it.
- Business time is elapsed time while open, as a watch measures it: the night clocks go
  forward, a 09:00-17:00 day lasts 8 hours still, and an overnight shift 7 or 9.
  A wall-clock time that does not exist that night (skipped by the clocks going
  forward) means the moment just after the gap; one that happens twice, the first.
- `add(calendar, start, d)` is the earliest moment at which `d` of business time has
  passed since `start`: for a positive `d` it is always within, or at the close of, an
  opening ("due at 17:00", not "due at 09:00 the next day").

All instants are aware datetimes; results are in UTC.
"""

import itertools
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEK = 7
# However many days are closed in a row, a calendar is open again within this many days
# (it refuses to search further and says so: a calendar with no opening at all).
SEARCH_DAYS = 366 * 10
_MIDNIGHT = time(0, 0)


class NeverOpen(ValueError):
    """The calendar has no opening within `SEARCH_DAYS` of the moment asked about."""


@dataclass(frozen=True)
class Opening:
    """One weekly opening: `weekday` 0 is Monday; see the module for `closes`."""

    weekday: int
    opens: time
    closes: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday < WEEK:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {self.weekday}")
        if self.opens.tzinfo is not None or self.closes.tzinfo is not None:
            raise ValueError("opening hours are wall-clock times, without a time zone")

    @property
    def length(self) -> timedelta:
        """How long it lasts on the wall clock (a DST night aside)."""
        span = _minutes(self.closes) - _minutes(self.opens)
        return timedelta(minutes=span if span > 0 else span + 24 * 60)

    def _week_span(self) -> tuple[int, int]:
        """Minutes from Monday 00:00 to its start and end (the end may pass Sunday)."""
        start = self.weekday * 24 * 60 + _minutes(self.opens)
        return start, start + int(self.length.total_seconds()) // 60


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


@dataclass(frozen=True, eq=False)
class Calendar:
    """Opening hours in a time zone, and the days it is closed.

    `closed_days` is anything that answers `day in closed_days`: a set of dates, or the
    `holidays` package's lazily filled country calendar, or both (see catalog).
    """

    time_zone: ZoneInfo
    openings: tuple[Opening, ...]
    closed_days: Container[date] = field(default_factory=frozenset)
    # The openings of each weekday, earliest first (worked out once).
    _by_weekday: tuple[tuple[Opening, ...], ...] = field(init=False, repr=False)
    # Each local day's openings as UTC intervals, worked out when first asked for: the
    # time-zone arithmetic and the holiday lookup are most of the cost, and queues ask
    # about the same days for every row. Bounded by the days anyone asks about.
    _days: dict[date, tuple[tuple[datetime, datetime], ...]] = field(
        init=False, repr=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        if not self.openings:
            raise ValueError("a calendar needs at least one opening")
        _refuse_overlaps(self.openings)
        by_day = tuple(
            tuple(sorted((o for o in self.openings if o.weekday == day), key=lambda o: o.opens))
            for day in range(WEEK)
        )
        object.__setattr__(self, "_by_weekday", by_day)

    @classmethod
    def around_the_clock(cls, time_zone: ZoneInfo, closed_days: Container[date] = frozenset()
                         ) -> "Calendar":  # fmt: skip
        """24x7 (closed on `closed_days` only)."""
        return cls(time_zone, tuple(Opening(d, _MIDNIGHT, _MIDNIGHT) for d in range(WEEK)),
                   closed_days)  # fmt: skip

    def openings_on(self, day: date) -> tuple[Opening, ...]:
        """The openings that start on this local day (none when it is closed)."""
        if day in self.closed_days:
            return ()
        return self._by_weekday[day.weekday()]


def _refuse_overlaps(openings: tuple[Opening, ...]) -> None:
    """Two openings that overlap in the week would count the same minutes twice."""
    week = WEEK * 24 * 60
    spans = sorted(o._week_span() for o in openings)
    for (_start, end), (next_start, _) in itertools.pairwise(spans):
        if next_start < end:
            raise ValueError("opening hours overlap")
    first_start = spans[0][0]
    if spans[-1][1] > first_start + week:  # the last one runs past Sunday into the first
        raise ValueError("opening hours overlap")


def _local(day: date, moment: time, zone: ZoneInfo) -> datetime:
    # fold=0: a repeated wall-clock time is its first occurrence; a skipped one is read
    # with the offset before the gap, which lands just after it.
    return datetime.combine(day, moment, tzinfo=zone).astimezone(UTC)


def _day(calendar: Calendar, day: date) -> tuple[tuple[datetime, datetime], ...]:
    """The openings that start on this local day, as UTC intervals (not cut)."""
    known = calendar._days.get(day)
    if known is not None:
        return known
    zone = calendar.time_zone
    found = []
    for opening in calendar.openings_on(day):
        ends_on = day if opening.closes > opening.opens else day + timedelta(days=1)
        start, end = _local(day, opening.opens, zone), _local(ends_on, opening.closes, zone)
        if end > start:  # an opening wholly inside a skipped hour lasts nothing
            found.append((start, end))
    calendar._days[day] = result = tuple(found)
    return result


def _raw_intervals(calendar: Calendar, first_day: date) -> Iterator[tuple[datetime, datetime]]:
    """The openings from `first_day` on, as UTC intervals, in order (not cut)."""
    day = first_day
    empty_days = 0
    while True:
        found = _day(calendar, day)
        if not found:
            empty_days += 1
            if empty_days > SEARCH_DAYS:
                raise NeverOpen(f"closed every day for {SEARCH_DAYS} days from {first_day}")
        else:
            empty_days = 0
        yield from found
        day += timedelta(days=1)


def intervals(calendar: Calendar, since: datetime) -> Iterator[tuple[datetime, datetime]]:
    """The calendar's open intervals that end after `since`, in order, the first cut to
    begin at `since`: (start, end) in UTC. One opening may end where the next begins
    (24x7 is an endless run of them); none overlap: where the clocks going forward made
    one start before the last one ended, it starts at that end instead."""
    since = since.astimezone(UTC)
    # Yesterday's overnight opening may still be running.
    first_day = since.astimezone(calendar.time_zone).date() - timedelta(days=1)
    last_end = since
    for start, end in _raw_intervals(calendar, first_day):
        start = max(start, last_end)
        if end > start:
            yield start, end
            last_end = end


def is_open(calendar: Calendar, moment: datetime) -> bool:
    """Is the unit open at this moment (an opening's first minute yes, its close no)?"""
    start, _ = next(intervals(calendar, moment))
    return start <= moment  # the first interval ending after it has begun


def next_open(calendar: Calendar, moment: datetime) -> datetime:
    """`moment` if open then, else when it next opens."""
    start, _ = next(intervals(calendar, moment))
    return max(start, moment.astimezone(UTC))


def add(calendar: Calendar, start: datetime, duration: timedelta) -> datetime:
    """When `duration` of business time will have passed since `start` (see the module)."""
    if duration < timedelta(0):
        raise ValueError("business time only runs forward")
    if duration == timedelta(0):
        return start.astimezone(UTC)
    left = duration
    for opened, closes in intervals(calendar, start):
        if closes - opened >= left:
            return opened + left
        left -= closes - opened
    raise AssertionError("intervals() never ends")  # pragma: no cover


def elapsed(calendar: Calendar, start: datetime, end: datetime) -> timedelta:
    """Business time between two moments (nothing when `end` is not after `start`).

    Day by day over the span (an opening belongs to the day it starts; the day before
    the start may still be open), each day's openings cut as `intervals` cuts them:
    a queue asks this for every row, some of them months overdue."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    total = timedelta(0)
    if end <= start:
        return total
    zone = calendar.time_zone
    day = start.astimezone(zone).date() - timedelta(days=1)
    last = end.astimezone(zone).date()
    before = _day(calendar, day - timedelta(days=1))
    last_end = max((e for _, e in before), default=start)
    while day <= last:
        for opened, closes in _day(calendar, day):
            opened = max(opened, last_end)  # as intervals() cuts it
            if closes > opened:
                total += max(timedelta(0), min(closes, end) - max(opened, start))
                last_end = closes
        day += timedelta(days=1)
    return total


def working_day(calendar: Calendar) -> timedelta:
    """How long the calendar's average open day is (24 hours around the clock): what
    "a working day" means when business time is said in days."""
    days = {o.weekday for o in calendar.openings}
    total = sum((o.length for o in calendar.openings), timedelta(0))
    return total / len(days)
