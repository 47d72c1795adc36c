"""How ticket values and events read to people: one place for every channel."""

from datetime import datetime

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext, pgettext_lazy

from scotty.tickets import states
from scotty.tickets.models import EventKind, NextStepOwner, TicketEvent
from scotty.tickets.priority import Impact, Priority, Urgency

# "<name> changed <status> from ... to ...": each field as it reads inside that sentence.
_FIELD_NAMES: dict[str, Promise] = {
    "status": pgettext_lazy("field name, inside a sentence", "status"),
    "priority": pgettext_lazy("field name, inside a sentence", "priority"),
    "impact": pgettext_lazy("field name, inside a sentence", "impact"),
    "urgency": pgettext_lazy("field name, inside a sentence", "urgency"),
    "assignee": pgettext_lazy("field name, inside a sentence", "assignee"),
    "working_unit": pgettext_lazy("field name, inside a sentence", "working unit"),
    "agent_group": pgettext_lazy("field name, inside a sentence", "agent group"),
    "owning_unit": pgettext_lazy("field name, inside a sentence", "owning unit"),
    "next_step": pgettext_lazy("field name, inside a sentence", "next step"),
    "next_step_owner": pgettext_lazy("field name, inside a sentence", "who does the next step"),
    "next_step_shared": pgettext_lazy(
        "field name, inside a sentence", "next step shared with requester"
    ),
    "title": pgettext_lazy("field name, inside a sentence", "title"),
    "tags": pgettext_lazy("field name, inside a sentence", "tags"),
    "resolution": pgettext_lazy("field name, inside a sentence", "resolution"),
    "waiting_until": pgettext_lazy("field name, inside a sentence", "waiting until"),
    "first_contact_resolution": pgettext_lazy(
        "field name, inside a sentence", "first-contact resolution"
    ),
}

# What happened, after "Name: " (only kinds without a sentence of their own get here).
_KIND_WORDS: dict[str, Promise] = {
    EventKind.CREATED: pgettext_lazy("event, after a name", "created"),
    EventKind.FIELD_CHANGED: pgettext_lazy("event, after a name", "changed"),
    EventKind.REPLY_ADDED: pgettext_lazy("event, after a name", "replied"),
    EventKind.NOTE_ADDED: pgettext_lazy("event, after a name", "added a note"),
    EventKind.WATCHER_ADDED: pgettext_lazy("event, after a name", "added a watcher"),
    EventKind.WATCHER_REMOVED: pgettext_lazy("event, after a name", "removed a watcher"),
    EventKind.FOLLOW_UP_OPENED: pgettext_lazy("event, after a name", "follow-up opened"),
}

# The SLA clocks, as their warnings and breaches name them.
CLOCK_NAMES: dict[str, Promise] = {
    "first_response": pgettext_lazy("SLA clock", "first response"),
    "resolution": pgettext_lazy("SLA clock", "resolution"),
    "ola": pgettext_lazy("SLA clock", "the working unit's part (OLA)"),
}


def clock_name(clock: str) -> str:
    return str(CLOCK_NAMES.get(clock, clock))


def sla_alert_words(clock: str, due: datetime, *, breached: bool) -> str:
    """ "SLA breached: resolution was due Mon 30 Nov 2026, 13:00" in the reader's words."""
    values = {"clock": clock_name(clock), "when": moment(due)}
    if breached:
        return gettext("SLA breached: %(clock)s was due %(when)s") % values
    return gettext("SLA warning: %(clock)s due %(when)s") % values


def moment(value: datetime) -> str:
    """A moment as people read it, in the reader's time zone and language:
    "Fri 14 Mar 2025, 08:00", "Fr., 14. Mär 2025, 08:00"."""
    # Translators: a date format (Django's `date` filter letters): weekday, date, time.
    return format_date(timezone.localtime(value), pgettext("date format", "D j M Y, H:i"))


def _yes_no(value: str) -> str:
    # Stored as "True"/"False" (next step shared) or "yes"/"no" (first-contact resolution).
    return gettext("yes") if value in ("True", "yes") else gettext("no")


def shown_value(field: str, value: str) -> str:
    """A stored event value as people read it ("resolved" -> "Resolved", "2" -> "P2 High")."""
    if not value:
        return "—"
    try:
        if field == "status":
            return states.label(value)
        if field == "priority":
            return str(Priority(int(value)).label)
        if field == "impact":
            return str(Impact(value).label).split(":")[0]
        if field == "urgency":
            return str(Urgency(value).label).split(":")[0]
        if field == "next_step_owner":
            return str(NextStepOwner(value).label)
        if field in ("next_step_shared", "first_contact_resolution"):
            return _yes_no(value)
        if field == "waiting_until":
            return moment(datetime.fromisoformat(value))
    except ValueError:
        pass
    return value


def describe(event: TicketEvent, *, for_requester: bool = False) -> str:
    """One line for the timeline: "Ann Lee changed status from Open to Resolved"."""
    if event.actor is None:
        who = "Scotty"  # the worker, or Scotty itself: a name, the same in every language
    elif for_requester and event.actor_id != event.ticket.requester_id:
        who = event.actor.get_short_name()  # requesters see first names of agents
    else:
        who = str(event.actor)
    if event.kind == EventKind.FIELD_CHANGED:
        name = _FIELD_NAMES.get(event.field, event.field)
        if for_requester and event.field == "status":
            return gettext("%(who)s: %(status)s") % {
                "who": who,
                "status": states.requester_wording(event.new_value),
            }
        return gettext("%(who)s changed %(field)s from “%(old)s” to “%(new)s”") % {
            "who": who,
            "field": name,
            "old": shown_value(event.field, event.old_value),
            "new": shown_value(event.field, event.new_value),
        }
    if event.kind == EventKind.CREATED:
        return gettext("%(who)s opened the ticket") % {"who": who}
    if event.kind == EventKind.FOLLOW_UP_OPENED:
        return gettext("%(who)s opened follow-up %(reference)s") % {
            "who": who,
            "reference": event.new_value,
        }
    if event.kind == EventKind.WATCHER_ADDED:
        return gettext("%(who)s added watcher %(watcher)s") % {
            "who": who,
            "watcher": event.new_value,
        }
    if event.kind == EventKind.WATCHER_REMOVED:
        return gettext("%(who)s removed watcher %(watcher)s") % {
            "who": who,
            "watcher": event.new_value,
        }
    if event.kind in (EventKind.SLA_WARNING, EventKind.SLA_BREACHED):
        breached = event.kind == EventKind.SLA_BREACHED
        words = sla_alert_words(event.field, datetime.fromisoformat(event.new_value),
                                breached=breached)  # fmt: skip
        return gettext("%(who)s: %(event)s") % {"who": who, "event": words}
    if event.kind == EventKind.MAIL_FAILED:
        return gettext("%(who)s: mail to %(address)s could not be delivered (%(reason)s)") % {
            "who": who, "address": event.old_value, "reason": event.new_value}  # fmt: skip
    what = _KIND_WORDS.get(event.kind, event.kind)
    return gettext("%(who)s: %(event)s") % {"who": who, "event": what}
