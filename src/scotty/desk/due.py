"""How a due time reads on the desk: what is left of it in business time, or by how
much it is overdue, and its colour (breached, due within the hour, in time)."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.dateformat import format as format_date
from django.utils.timezone import localtime
from django.utils.translation import gettext

from scotty.core.businesstime import Calendar, elapsed, working_day
from scotty.core.lookups import ByKey
from scotty.core.timewords import business_duration
from scotty.tickets.queues import SOON


@dataclass(frozen=True)
class DueView(ByKey):
    state: str  # "breached", "soon" (within SOON of business time) or "ok"
    words: str  # "2 h 5 min left", "overdue by 1 h"
    iso: str  # the due time, as |date:'c' writes it
    when: str  # ... as people read it, in their time zone ("Tue 1 Dec, 14:00")


def due_view(due: datetime, calendar: Calendar, now: datetime, when_format: str) -> DueView:
    """`when_format`: the date format for `when` (translated once by the caller)."""
    at = localtime(due)
    day = working_day(calendar)
    if due <= now:
        late = elapsed(calendar, due, now)
        words = gettext("overdue by %(time)s") % {"time": business_duration(late, day)}
        return DueView("breached", words, at.isoformat(), format_date(at, when_format))
    left = elapsed(calendar, now, due)
    state = "soon" if left <= SOON else "ok"
    words = gettext("%(time)s left") % {"time": business_duration(left, day)}
    return DueView(state, words, at.isoformat(), format_date(at, when_format))


def when_format() -> str:
    return gettext("D j M, H:i")
