"""How long ago something happened, in the reader's language ("3 hours ago", "vor 3
Stunden").

Django's `timesince` names a duration ("3 days"); said of the past, some languages
inflect it ("vor 3 Tagen", not "vor 3 Tage"), so the units carry their own context.
"""

from datetime import datetime, timedelta
from typing import cast

from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext, npgettext_lazy

# The units of a past moment, as `timesince` takes them (its `time_strings`).
_PAST = {
    "year": npgettext_lazy("time ago", "%(num)d year", "%(num)d years", "num"),
    "month": npgettext_lazy("time ago", "%(num)d month", "%(num)d months", "num"),
    "week": npgettext_lazy("time ago", "%(num)d week", "%(num)d weeks", "num"),
    "day": npgettext_lazy("time ago", "%(num)d day", "%(num)d days", "num"),
    "hour": npgettext_lazy("time ago", "%(num)d hour", "%(num)d hours", "num"),
    "minute": npgettext_lazy("time ago", "%(num)d minute", "%(num)d minutes", "num"),
}


def time_ago(moment: datetime, *, depth: int = 1, now: datetime | None = None) -> str:
    """ "just now" (under a minute), "3 hours ago", with depth=2 "2 days, 3 hours ago"."""
    now = now or timezone.now()
    if now - moment < timedelta(minutes=1):
        return gettext("just now")
    # Lazy, so each reader's language; timesince only %-formats them.
    past = timesince(moment, now, depth=depth, time_strings=cast(dict[str, str], _PAST))
    return gettext("%(time)s ago") % {"time": past}
