"""Business calendars as `core.businesstime` counts with them: the stored rows in, a
pure `Calendar` out, with the public holidays of its country and its own closing days.

Built once per calendar and change in each process (a calendar changes a few times a year;
SLA clocks ask for it on every ticket write).
"""

from collections.abc import Iterable
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings

from scotty.catalog.models import BusinessCalendar, OpeningHours, UnitCalendar
from scotty.core.businesstime import Calendar, Opening


class ClosedDays:
    """A calendar's closed days: its own, then its country's public holidays (the
    `holidays` package fills a year when a day of it is first asked about)."""

    def __init__(self, own: dict[date, str], public: holidays.HolidayBase | None) -> None:
        self._own = own
        self._public = public

    def __contains__(self, day: object) -> bool:
        return day in self._own or (self._public is not None and day in self._public)

    def name_of(self, day: date) -> str:
        """Why it is closed that day ("" when it is not)."""
        if day in self._own:
            return self._own[day]
        if self._public is not None and day in self._public:
            return str(self._public.get(day))
        return ""


def public_holidays(country: str, subdivision: str = "") -> holidays.HolidayBase | None:
    if not country:
        return None
    return holidays.country_holidays(country, subdiv=subdivision or None)


def build(record: BusinessCalendar, hours: Iterable[tuple[int, time, time]],
          closing_days: dict[date, str]) -> Calendar:  # fmt: skip
    """The pure calendar of these rows (ValueError if the hours overlap or are none)."""
    openings = tuple(Opening(weekday, opens, closes) for weekday, opens, closes in hours)
    public = public_holidays(record.holiday_country, record.holiday_subdivision)
    return Calendar(ZoneInfo(record.time_zone), openings, ClosedDays(closing_days, public))


@lru_cache(maxsize=256)
def stored(calendar_id: int, changed_at: datetime) -> Calendar:
    """The calendar with this id as it is since `changed_at`, built once per process:
    when it last changed is part of the key, so an edited calendar is read again."""
    record = BusinessCalendar.objects.get(pk=calendar_id)
    hours = OpeningHours.objects.filter(calendar_id=calendar_id).values_list(
        "weekday", "opens", "closes"
    )
    closing = dict(record.closing_days.values_list("day", "name"))
    return build(record, hours, closing)


def calendar_of(record: BusinessCalendar) -> Calendar:
    """The stored calendar, as counted with."""
    return stored(record.pk, record.changed_at)


def around_the_clock() -> Calendar:
    """What a unit without a calendar counts in: every hour, the installation's zone."""
    return Calendar.around_the_clock(ZoneInfo(settings.TIME_ZONE))


def unit_calendar(unit_id: int) -> Calendar:
    """The calendar a support unit works by (one small query; around the clock if it
    has none)."""
    link = (
        UnitCalendar.objects.filter(unit_id=unit_id)
        .values_list("calendar_id", "calendar__changed_at")
        .first()
    )
    if link is None:
        return around_the_clock()
    return stored(*link)
