"""A ticket's service-level clocks on the desk: the panel on the ticket page (from the
due times stored on the ticket, no history read) and the page that explains them
interval by interval, so an agent can check the arithmetic by hand."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format
from django.utils.timezone import localtime
from django.utils.translation import gettext

from scotty.catalog.calendars import unit_calendar
from scotty.catalog.clock import Reading
from scotty.core.businesstime import Calendar, working_day
from scotty.core.lookups import ByKey
from scotty.core.timewords import business_duration
from scotty.desk.access import DeskRequest, agent_access, agent_required
from scotty.desk.due import DueView, due_view, when_format
from scotty.tickets.models import NOTHING_DUE, Ticket
from scotty.tickets.selectors import clock_moves
from scotty.tickets.services.clocks import read_clocks
from scotty.tickets.states import WAITING_STATUSES, label
from scotty.tickets.wording import describe


@dataclass(frozen=True)
class ClockLine(ByKey):
    """One clock on the ticket page: its name and either what is due or what was done."""

    name: str
    due: DueView | None = None
    text: str = ""  # "answered in 45 min (met)", "paused while waiting"


def panel(ticket: Ticket, now: datetime | None = None) -> list[ClockLine]:
    """The ticket's clocks as the side panel lists them; empty without any promise.
    One query for the owning unit's calendar (and one for the working unit's, for an
    OLA), none for tickets without an SLA."""
    if ticket.sla_policy_id is None and ticket.ola_due is None:
        return []
    now = now or timezone.now()
    shown = when_format()
    owner = unit_calendar(ticket.owning_unit_id)
    lines: list[ClockLine] = []
    first = _line(gettext("First response"), ticket.first_response_due, owner, now, shown,
                  gettext("answered in %(time)s"), ticket.first_response_minutes,
                  ticket.first_response_met)  # fmt: skip
    if first:
        lines.append(first)
    resolution = _line(gettext("Resolution"), ticket.resolution_due, owner, now, shown,
                       gettext("resolved in %(time)s"), ticket.resolution_minutes,
                       ticket.resolution_met)  # fmt: skip
    if resolution:
        lines.append(resolution)
    elif ticket.sla_policy_id is not None and ticket.status in WAITING_STATUSES:
        lines.append(ClockLine(gettext("Resolution"), text=gettext(
            "paused while the ticket waits")))  # fmt: skip
    if ticket.ola_due is not None:
        working = unit_calendar(ticket.working_unit_id)
        lines.append(ClockLine(gettext("%(unit)s's part (OLA)") % {"unit": ticket.working_unit},
                               due=due_view(ticket.ola_due, working, now, shown)))  # fmt: skip
    return lines


def _line(name: str, due: datetime | None, calendar: Calendar, now: datetime, shown: str,
          done: str, minutes: int | None, met: bool | None) -> ClockLine | None:  # fmt: skip
    """A clock still due (time left or overdue), or done (how long it took, met or not)."""
    if due is not None:
        return ClockLine(name, due=due_view(due, calendar, now, shown))
    if minutes is not None:
        return ClockLine(name, text=_achieved(done, minutes, met))
    return None


def _achieved(words: str, minutes: int, met: bool | None) -> str:
    done = words % {"time": business_duration(timedelta(minutes=minutes))}
    verdict = gettext("met") if met else gettext("missed")
    return gettext("%(done)s (%(verdict)s)") % {"done": done, "verdict": verdict}


@dataclass(frozen=True)
class Row(ByKey):
    start: str
    end: str
    status: str
    counted: bool
    business: str


@dataclass(frozen=True)
class Explained(ByKey):
    """One clock, explained."""

    name: str
    terms: str  # the policy, the calendar
    target: str
    used: str
    left: str
    due: DueView | None
    rows: list[Row]


def _explain(name: str, terms: str, reading: Reading, calendar: Calendar,
             now: datetime) -> Explained:  # fmt: skip
    moment = get_format("SHORT_DATETIME_FORMAT")

    def shown(at: datetime | None) -> str:
        return format_date(localtime(at), moment) if at else gettext("now")

    day = working_day(calendar)
    rows = [Row(shown(i.start), shown(i.end), label(i.status), i.counted,
                business_duration(i.business, day)) for i in reading.intervals]  # fmt: skip
    left = reading.left
    if left >= timedelta(0):
        left_words = business_duration(left, day)
    else:
        left_words = gettext("overdue by %(time)s") % {"time": business_duration(-left, day)}
    due = due_view(reading.due, calendar, now, when_format()) if reading.due else None
    return Explained(name, terms, business_duration(reading.target, day),
                     business_duration(reading.used, day), left_words, due, rows)  # fmt: skip


def _terms_words(policy: str, calendar: str, pauses: bool) -> str:
    where = calendar or gettext("around the clock")
    third = (gettext("paused while waiting on the requester or a third party") if pauses
             else gettext("paused while waiting on the requester"))  # fmt: skip
    return gettext("%(policy)s · counted in %(calendar)s · %(pauses)s") % {
        "policy": policy, "calendar": where, "pauses": third}  # fmt: skip


@agent_required()
def ticket_clock(request: DeskRequest, reference: str) -> HttpResponse:
    """How the ticket's clocks are counted, interval by interval."""
    access = agent_access(request, reference)
    ticket = access.ticket
    now = timezone.now()
    clocks = read_clocks(ticket, now)
    explained = []
    if clocks.sla is not None:
        terms = _terms_words(clocks.sla.name, clocks.sla.calendar_name,
                             clocks.sla.pause_on_third_party)  # fmt: skip
        if clocks.first_response is not None:
            explained.append(_explain(gettext("First response"), terms, clocks.first_response,
                                      clocks.sla.calendar, now))  # fmt: skip
        if clocks.resolution is not None:
            explained.append(_explain(gettext("Resolution"), terms, clocks.resolution,
                                      clocks.sla.calendar, now))  # fmt: skip
    if clocks.ola is not None and clocks.ola_reading is not None:
        terms = _terms_words(clocks.ola.name, clocks.ola.calendar_name,
                             clocks.ola.pause_on_third_party)  # fmt: skip
        name = gettext("%(unit)s's part (OLA)") % {"unit": ticket.working_unit}
        explained.append(_explain(name, terms, clocks.ola_reading, clocks.ola.calendar, now))
    moves = clock_moves(ticket)
    context = {
        "ticket": ticket,
        "clocks": explained,
        "moves": [(e.at, describe(e)) for e in moves],
        "nothing_due": ticket.due_at == NOTHING_DUE,
    }
    return render(request, "desk/ticket_clock.html", context)
