"""What a requester can expect of an open request, in plain words: the SLA's promise
("We will reply by Tuesday 10:00 and aim to resolve this by Thursday.") and what recent
experience of the unit says. One wording for every channel that tells a requester: the
portal's request page and the acknowledgement mail say it alike, with dates in the
reader's time zone and language (whatever is active when it is called).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext, ngettext

from scotty.accounts.models import SupportUnit
from scotty.catalog.calendars import unit_calendar
from scotty.catalog.models import Service
from scotty.core.businesstime import working_day
from scotty.core.lookups import ByKey
from scotty.tickets.experience import typical_resolution
from scotty.tickets.models import Ticket


@dataclass(frozen=True)
class Expectation(ByKey):
    """What the requester can expect, in plain words with dates in their time zone."""

    promise: str  # "We will reply by Tuesday 10:00 and aim to resolve this by Thursday."
    late: bool  # the resolution is overdue: said honestly, not as a promise
    experience: str  # "Most requests to IT ... were resolved within 2 working days."


def day_words(moment: datetime, now: datetime, *, with_time: bool) -> str:
    """ "Tuesday 10:00" within the coming week, "Tuesday 8 December, 10:00" later."""
    local, today = timezone.localtime(moment), timezone.localtime(now)
    soon = (local.date() - today.date()).days < 7
    if with_time:
        shape = gettext("l H:i") if soon else gettext("l j F, H:i")
    else:
        shape = gettext("l") if soon else gettext("l j F")
    return format_date(local, shape)


def _working_time(span: timedelta, day: timedelta) -> str:
    days = span / day
    if days >= 1:
        count = max(1, round(days))
        return ngettext("%(count)d working day", "%(count)d working days", count) % {
            "count": count}  # fmt: skip
    hours = max(1, round(span / timedelta(hours=1)))
    return ngettext("%(count)d working hour", "%(count)d working hours", hours) % {
        "count": hours}  # fmt: skip


def expectation(ticket: Ticket, now: datetime | None = None) -> Expectation | None:
    """The SLA's promise on an open request (none while it waits on the requester or
    after it is resolved), with what recent experience of its unit says."""
    now = now or timezone.now()
    if not ticket.is_open or ticket.sla_policy_id is None:
        return None
    reply = ticket.first_response_due if ticket.first_response_at is None else None
    resolve = ticket.resolution_due
    late = resolve is not None and resolve <= now
    values = {}
    if reply is not None and reply > now:
        values["reply"] = day_words(reply, now, with_time=True)
    if resolve is not None:
        values["resolve"] = day_words(resolve, now, with_time=False)
    if late:
        promise = gettext("This is taking longer than we aimed for: we planned to resolve it "
                          "by %(resolve)s. We are still on it.") % values  # fmt: skip
    elif "reply" in values and "resolve" in values:
        promise = (
            gettext("We will reply by %(reply)s and aim to resolve this by %(resolve)s.") % values
        )
    elif "resolve" in values:
        promise = gettext("We aim to resolve this by %(resolve)s.") % values
    elif "reply" in values:
        promise = gettext("We will reply by %(reply)s.") % values
    else:
        return None
    return Expectation(promise, late, experience_words(ticket.owning_unit, ticket.service))


def experience_words(unit: SupportUnit, service: Service | None) -> str:
    """What recent experience says: of the service's requests when there are enough of
    them, else of the unit's; "" when there is too little to say."""
    known = typical_resolution(unit.pk, service.pk) if service is not None else None
    if known is not None and service is not None:
        day = working_day(unit_calendar(unit.pk))
        return gettext(
            "Most “%(service)s” requests in the last 90 days were resolved within %(time)s."
        ) % {"service": service.name, "time": _working_time(known.within, day)}
    known = typical_resolution(unit.pk)
    if known is None:
        return ""
    day = working_day(unit_calendar(unit.pk))
    return gettext(
        "Most requests to %(unit)s in the last 90 days were resolved within %(time)s."
    ) % {"unit": unit.name, "time": _working_time(known.within, day)}
