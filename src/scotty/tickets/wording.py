"""How ticket values and events read to people: one place for every channel."""

from datetime import datetime

from django.utils import timezone
from django.utils.dateformat import format as format_date

from scotty.tickets import states
from scotty.tickets.models import EventKind, NextStepOwner, TicketEvent
from scotty.tickets.priority import Impact, Priority, Urgency

_FIELD_NAMES = {
    "status": "status",
    "priority": "priority",
    "impact": "impact",
    "urgency": "urgency",
    "assignee": "assignee",
    "working_unit": "working unit",
    "owning_unit": "owning unit",
    "next_step": "next step",
    "next_step_owner": "who does the next step",
    "next_step_shared": "next step shared with requester",
    "title": "title",
    "tags": "tags",
    "resolution": "resolution",
    "waiting_until": "waiting until",
    "first_contact_resolution": "first-contact resolution",
}


def moment(value: datetime) -> str:
    """A moment as people read it, in the reader's time zone: "Fri 14 Mar 2025, 08:00"."""
    return format_date(timezone.localtime(value), "D j M Y, H:i")


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
        if field == "next_step_shared":
            return "yes" if value == "True" else "no"
        if field == "waiting_until":
            return moment(datetime.fromisoformat(value))
    except ValueError:
        pass
    return value


def describe(event: TicketEvent, *, for_requester: bool = False) -> str:
    """One line for the timeline: "Ann Lee changed status from Open to Resolved"."""
    if event.actor is None:
        who = "Scotty"
    elif for_requester and event.actor_id != event.ticket.requester_id:
        who = event.actor.get_short_name()  # requesters see first names of agents
    else:
        who = str(event.actor)
    if event.kind == EventKind.FIELD_CHANGED:
        name = _FIELD_NAMES.get(event.field, event.field)
        if for_requester and event.field == "status":
            return f"{who}: {states.requester_wording(event.new_value)}"
        old, new = (
            shown_value(event.field, event.old_value),
            shown_value(event.field, event.new_value),
        )
        return f"{who} changed {name} from “{old}” to “{new}”"
    if event.kind == EventKind.CREATED:
        return f"{who} opened the ticket"
    if event.kind == EventKind.FOLLOW_UP_OPENED:
        return f"{who} opened follow-up {event.new_value}"
    if event.kind in (EventKind.WATCHER_ADDED, EventKind.WATCHER_REMOVED):
        verb = "added" if event.kind == EventKind.WATCHER_ADDED else "removed"
        return f"{who} {verb} watcher {event.new_value}"
    return f"{who}: {event.get_kind_display().lower()}"
