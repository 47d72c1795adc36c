"""What a requester reads about a ticket, in plain words, computed once per page.

Templates stay dumb: they receive these small objects and never reach for fields the
requester must not see (priority, tags, working unit, notes). Everything here works on
rows already loaded, so it adds no queries.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format
from django.utils.functional import Promise
from django.utils.timezone import localtime
from django.utils.translation import gettext, pgettext, pgettext_lazy

from scotty.accounts.models import Person
from scotty.catalog.models import Service
from scotty.catalog.selectors import policy_for, terms_of
from scotty.core.businesstime import add
from scotty.core.lookups import ByKey
from scotty.core.paths import path_for_each
from scotty.core.timewords import time_ago
from scotty.tickets import selectors, states, wording
from scotty.tickets.models import (
    Attachment,
    EventKind,
    Message,
    NextStepOwner,
    Ticket,
    TicketEvent,
)
from scotty.tickets.priority import Impact, Urgency, priority_for

# The promise is worded in the domain (tickets.promise), so mail says it as the portal does.
from scotty.tickets.promise import day_words, experience_words
from scotty.tickets.promise import expectation as expectation
from scotty.tickets.states import Status

# Who does the next step, in the requester's words ("you" is decided per viewer): on its
# own ("Who does it: us") and after the step ("(by us)"), which some languages inflect.
_OWNER_WORDS: dict[str, tuple[Promise, Promise]] = {
    NextStepOwner.DESK: (
        pgettext_lazy("who does the next step", "us"),
        pgettext_lazy("who does the next step", "(by us)"),
    ),
    NextStepOwner.THIRD_PARTY: (
        pgettext_lazy("who does the next step", "a third party"),
        pgettext_lazy("who does the next step", "(by a third party)"),
    ),
}


@dataclass(frozen=True)
class NextStep(ByKey):
    text: str
    who: str  # "you", "us", "a third party", or the requester's first name for a watcher
    yours: bool  # the person looking at it has to act
    by: str = ""  # the same after the step, in brackets: "(by you)"


def next_step(ticket: Ticket, viewer: Person) -> NextStep | None:
    """The ticket's next step if the desk shared it with the requester, else None."""
    shared = selectors.shared_next_step(ticket)
    if shared is None:
        return None
    text, owner = shared
    if owner == NextStepOwner.REQUESTER:
        if ticket.requester_id == viewer.pk:
            you = pgettext("who does the next step", "you")
            return NextStep(text, you, True, pgettext("who does the next step", "(by you)"))
        name = ticket.requester.get_short_name()
        return NextStep(text, name, False, gettext("(by %(name)s)") % {"name": name})
    who, by = _OWNER_WORDS.get(owner, ("", ""))
    return NextStep(text, str(who), False, str(by))


@dataclass(frozen=True)
class StatusView(ByKey):
    code: str  # for the CSS class
    words: str  # the requester's wording
    on_you: bool  # "We need something from you": make it stand out


def status_of(ticket: Ticket) -> StatusView:
    """The status as the requester should read it: a resolved request past its reopen
    window reads as closed (it is, in all but name), so nothing offers an expired choice."""
    status = ticket.status
    if selectors.is_done_for_requester(ticket, timezone.now()):
        status = Status.CLOSED
    return StatusView(
        status, states.requester_wording(status), status == Status.WAITING_ON_REQUESTER
    )


@dataclass(frozen=True)
class Row(ByKey):
    """One line of "My requests", with what its cells print worked out once (each tag
    or filter in a row's markup is a node rendered for every row)."""

    ticket: Ticket
    status: StatusView
    next_step: NextStep | None
    watching: bool  # filed by someone else; this person follows it
    reference: str
    title: str
    url: str  # its request page
    updated: str  # relative ("just now", "3 hours ago"): read faster than a date in a list
    updated_iso: str  # public_activity_at as |date:'c' writes it
    updated_title: str  # ... and as |date:'DATETIME_FORMAT' does, in the reader's zone
    requester_short_name: str  # whom a watcher follows


def rows(tickets: list[Ticket], viewer: Person) -> list[Row]:
    request_page = path_for_each("portal:request", "reference")
    long_format = get_format("DATETIME_FORMAT")
    found = []
    for t in tickets:
        activity = localtime(t.public_activity_at)  # as templates show datetimes
        watching = t.requester_id != viewer.pk
        found.append(
            Row(
                t,
                status_of(t),
                next_step(t, viewer),
                watching,
                reference=t.reference,
                title=t.title,
                url=request_page(t.reference),
                updated=time_ago(t.public_activity_at),
                updated_iso=activity.isoformat(),
                updated_title=format_date(activity, long_format),
                requester_short_name=t.requester.get_short_name() if watching else "",
            )
        )
    return found


def person_name(person: Person, ticket: Ticket, viewer: Person) -> str:
    """How a person is named: "You", the requester's full name, or an agent's first name
    (never an agent's full name or contact details)."""
    if person.pk == viewer.pk:
        return pgettext("author", "You")
    if person.pk == ticket.requester_id:
        return str(person)
    return person.get_short_name()


@dataclass(frozen=True)
class Entry(ByKey):
    """One item of the public timeline: a reply (with files) or a one-line event."""

    at: datetime
    text: str
    message: Message | None = None
    author: str = ""
    mine: bool = False
    files: tuple[Attachment, ...] = ()


def _event_text(event: TicketEvent, who: str) -> str | None:
    # Next-step events read as the step itself; the owner change adds nothing for a
    # requester, and the old value is never shown (it may have been private).
    if event.field == "next_step_owner":
        return None
    if event.field == "next_step":
        if not event.new_value:
            return None
        return gettext("%(who)s: next step is “%(step)s”") % {"who": who, "step": event.new_value}
    if event.kind == EventKind.CREATED:
        return None  # the description opens the conversation already
    if event.field == "resolution":
        return gettext("%(who)s described what was done") % {"who": who}
    return wording.describe(event, for_requester=True)


def entry(event: TicketEvent, viewer: Person, openable: set[str]) -> Entry | None:
    """How one public event reads to the requester; None for events not worth a line.

    `openable`: the references this viewer may open; a follow-up someone else filed (a
    watcher's own request) is theirs, and is not mentioned at all."""
    message, actor, ticket = event.message, event.actor, event.ticket
    who = person_name(actor, ticket, viewer) if actor else "Scotty"
    if message is not None:
        if message.is_internal:  # the selector filters notes; never trust one layer alone
            return None
        files = tuple(message.files)  # type: ignore[attr-defined]  # see timeline_with_files
        return Entry(event.at, "", message, who, actor is not None and actor.pk == viewer.pk, files)
    if event.kind == EventKind.FOLLOW_UP_OPENED:
        if event.new_value not in openable:
            return None
        # Linked at the top of the page; here it says when.
        opened = gettext("%(who)s opened a follow-up request, %(reference)s")
        return Entry(event.at, opened % {"who": who, "reference": event.new_value})
    text = _event_text(event, who)
    return Entry(event.at, text) if text else None


def timeline(
    events: list[TicketEvent], ticket: Ticket, viewer: Person, openable: set[str]
) -> list[Entry]:
    """The public timeline as entries. Events must come from `selectors.timeline` with
    requester access, so only public events are here. `openable` as for `entry`."""
    entries = []
    for event in events:
        if not event.is_public:
            continue
        # The selector does not attach the ticket; `describe` reads it once per event.
        event.ticket = ticket
        item = entry(event, viewer, openable)
        if item is not None:
            entries.append(item)
    return entries


def catalog(services: list[Service]) -> list[tuple[str, list[Service]]]:
    """The services by unit, in the order they came (by unit, then name)."""
    grouped: dict[str, list[Service]] = {}
    for service in services:
        grouped.setdefault(service.unit.name, []).append(service)
    return list(grouped.items())


def expect_for_service(service: Service, now: datetime | None = None) -> tuple[str, str]:
    """What a request for this service sent now can expect, by the unit's SLA for a
    request filed in the portal (whose priority is the matrix's for "low impact,
    medium urgency"): "If you send it now, we will reply by Monday 09:30 and aim to
    resolve it by Tuesday." (empty when the unit promises nothing), and what recent
    experience of the service (or its unit) says."""
    return _promise_for_service(service, now or timezone.now()), experience_words(
        service.unit, service
    )


def _promise_for_service(service: Service, now: datetime) -> str:
    policy = policy_for(service.unit_id, service.pk)
    if policy is None:
        return ""
    terms = terms_of(policy)
    priority = int(priority_for(Impact.LOW, Urgency.MEDIUM))
    values = {}
    if priority in terms.first_response:
        reply = add(terms.calendar, now, terms.first_response[priority])
        values["reply"] = day_words(reply, now, with_time=True)
    if priority in terms.resolution:
        values["resolve"] = day_words(add(terms.calendar, now, terms.resolution[priority]),
                                       now, with_time=False)  # fmt: skip
    if "reply" in values and "resolve" in values:
        return gettext("If you send it now, we will reply by %(reply)s and aim to resolve it "
                       "by %(resolve)s.") % values  # fmt: skip
    if "resolve" in values:
        return gettext("If you send it now, we aim to resolve it by %(resolve)s.") % values
    return ""
