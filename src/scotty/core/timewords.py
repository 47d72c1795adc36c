"""How long ago something happened, in the reader's language ("3 hours ago", "vor 3
Stunden").

Django's `timesince` names a duration ("3 days"); said of the past, some languages
inflect it ("vor 3 Tagen", not "vor 3 Tage"), so the units carry their own context.
"""

from datetime import datetime, timedelta
from functools import lru_cache
from typing import cast

from django.utils import timezone
from django.utils.html import avoid_wrapping
from django.utils.timesince import timesince
from django.utils.translation import get_language, gettext, ngettext, npgettext_lazy

# The units of a past moment, as `timesince` takes them (its `time_strings`).
_PAST = {
    "year": npgettext_lazy("time ago", "%(num)d year", "%(num)d years", "num"),
    "month": npgettext_lazy("time ago", "%(num)d month", "%(num)d months", "num"),
    "week": npgettext_lazy("time ago", "%(num)d week", "%(num)d weeks", "num"),
    "day": npgettext_lazy("time ago", "%(num)d day", "%(num)d days", "num"),
    "hour": npgettext_lazy("time ago", "%(num)d hour", "%(num)d hours", "num"),
    "minute": npgettext_lazy("time ago", "%(num)d minute", "%(num)d minutes", "num"),
}


_NO_MONTHS = timedelta(days=28)  # the shortest month: below it timesince counts no months
_UNITS = (("week", 7 * 24 * 3600), ("day", 24 * 3600), ("hour", 3600), ("minute", 60))


@lru_cache(maxsize=2048)
def _ago(language: str | None, unit: str, count: int) -> str:
    """ "3 hours ago" in `language` (the active one: the key, as catalogues never change
    while Scotty runs), with timesince's non-breaking spaces."""
    past = avoid_wrapping(_PAST[unit] % {"num": count})
    return gettext("%(time)s ago") % {"time": past}


def time_ago(moment: datetime, *, depth: int = 1, now: datetime | None = None) -> str:
    """ "just now" (under a minute), "3 hours ago", with depth=2 "2 days, 3 hours ago"."""
    now = now or timezone.now()
    since = now - moment
    if since < timedelta(minutes=1):
        return gettext("just now")
    if depth == 1 and since < _NO_MONTHS:
        # What timesince says for one unit, worked out directly: every queue row says
        # it, and timesince's calendar arithmetic and lazy strings were a fifth of a
        # row's time. Under four weeks there are no months or years to count.
        seconds = int(since.total_seconds())
        for unit, size in _UNITS:
            if seconds >= size:
                return _ago(get_language(), unit, seconds // size)
    # Lazy, so each reader's language; timesince only %-formats them.
    past = timesince(moment, now, depth=depth, time_strings=cast(dict[str, str], _PAST))
    return gettext("%(time)s ago") % {"time": past}


def business_duration(span: timedelta, day: timedelta | None = None) -> str:
    """A stretch of business time: "2 h 5 min", "45 min"; with the length of a working
    `day`, a longer one in working days ("1 working day 3 h", "12 working days"), as
    hundreds of hours say nothing."""
    if day is not None and span >= day:
        days = int(span / day)
        if days >= 3:
            return ngettext("%(days)d working day", "%(days)d working days", days) % {
                "days": days}  # fmt: skip
        hours = int((span - days * day) / timedelta(hours=1))
        whole = ngettext("%(days)d working day", "%(days)d working days", days) % {"days": days}
        if not hours:
            return whole
        return gettext("%(days)s %(hours)d h") % {"days": whole, "hours": hours}
    minutes = max(0, int(span.total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    if hours:
        return gettext("%(hours)d h") % {"hours": hours}
    return gettext("%(minutes)d min") % {"minutes": minutes}
