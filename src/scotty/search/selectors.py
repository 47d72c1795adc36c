"""Search: the one read every channel calls, with the person, so visibility is applied
inside (DESIGN.md, "Search").

- Agents (`as_agent=True`) search their units' tickets (`tickets.selectors.desk_tickets`),
  every field: title, reference, requester's name and e-mail, description, replies and
  internal notes, narrowed by the queue filters.
- Requesters search their own requests (`requester_tickets`: filed or watched), title,
  description and public replies only: never notes, never someone else's ticket, and
  snippets are cut from public text only.

Ranking: the backend returns the newest WINDOW matching tickets in scope with a score
(weighted by field: title, names, public text, notes); they are ranked by score, then
newest first. A word found in more than WINDOW of a person's tickets ranks the newest
WINDOW of them ("500+"): one more word narrows it.
"""

from math import ceil

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from scotty.accounts.models import Person, SupportUnit
from scotty.search.backends import Scope, backend
from scotty.search.query import Query, parse, reference_in
from scotty.search.results import Highlighted, Result, Results
from scotty.search.snippets import best_passage, highlight
from scotty.tickets import states
from scotty.tickets.models import Message, MessageKind, Ticket
from scotty.tickets.queues import QueueFilters
from scotty.tickets.queues import filters_q as queue_filters_q  # the queues' own semantics
from scotty.tickets.selectors import (
    desk_tickets,
    desk_units,
    is_done_for_requester,
    openable_references,
    requester_tickets,
)
from scotty.tickets.states import Status

WINDOW = 500  # matching tickets ranked per search
PAGE_SIZE = 20


def _all_units() -> tuple[int, ...]:
    return tuple(SupportUnit.objects.order_by("id").values_list("id", flat=True))


def _scope(person: Person, *, as_agent: bool, filters: QueueFilters | None) -> Scope | None:
    """Where this person looks; None when nowhere (a desk search by someone with no unit)."""
    if not as_agent:
        # A person's own requests are few: start from them. Any unit may hold them.
        return Scope(requester_tickets(person), _all_units(), public_only=True, small=True)
    units = desk_units(person)
    if units == []:
        return None
    tickets = desk_tickets(person)
    narrowed = filters is not None and filters != QueueFilters()
    if narrowed and filters is not None:
        tickets = tickets.filter(queue_filters_q(filters))
    return Scope(
        tickets,
        _all_units() if units is None else tuple(units),
        public_only=False,
        narrowed=narrowed,
    )


def search(
    person: Person,
    text: str,
    *,
    as_agent: bool,
    filters: QueueFilters | None = None,
    page: int = 1,
) -> Results:
    """Tickets `person` may see whose words match `text`, best first, one page.

    `as_agent` picks the side: the desk (agents: their units' tickets, notes included)
    or the portal (anyone: their own requests, public text only). A text that is a
    ticket reference the person may open on that side comes back as `reference`, for
    the channel to go straight there. Queries: the reference check, the search itself
    (one on SQLite, two to five on PostgreSQL), then two for the page's rows.
    """
    query = parse(text)
    reference = reference_in(text)
    allowed = person.is_authenticated and person.is_active
    if reference is not None and allowed:
        found = openable_references(person, {reference}, as_agent=as_agent)
        reference = reference if reference in found else None
    else:
        reference = None
    scope = _scope(person, as_agent=as_agent, filters=filters) if allowed else None
    if query.empty or scope is None:
        return Results(query, (), 0, False, 1, 1, reference)
    found_ids = backend().candidates(query, scope, limit=WINDOW)
    ranked = sorted(found_ids, key=lambda c: (-c[1], -c[0]))
    pages = max(1, ceil(len(ranked) / PAGE_SIZE))
    page = min(max(1, page), pages)
    shown = ranked[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    items = _results(shown, query, scope.tickets, as_agent=as_agent)
    return Results(query, items, len(ranked), len(found_ids) >= WINDOW, page, pages, reference)


def _results(
    shown: list[tuple[int, float]], query: Query, tickets: QuerySet[Ticket], *, as_agent: bool
) -> tuple[Result, ...]:
    """The contract's rows for one page: two queries (tickets, their messages)."""
    ids = [ticket_id for ticket_id, _ in shown]
    # Through the scope again: a row is shown only if the rule still lets this person see it.
    rows = {
        t.pk: t
        for t in tickets.filter(pk__in=ids).select_related(
            "working_unit", "owning_unit", "requester"
        )
    }
    messages = Message.objects.filter(ticket_id__in=list(rows)).order_by("ticket_id", "id")
    if not as_agent:
        messages = messages.filter(kind=MessageKind.REPLY)
    said: dict[int, list[tuple[str, str]]] = {}
    for ticket_id, kind, body in messages.values_list("ticket_id", "kind", "body"):
        source = gettext("Internal note") if kind == MessageKind.NOTE else pgettext("noun", "Reply")
        said.setdefault(ticket_id, []).append((source, body))
    items = []
    for ticket_id, score in shown:
        ticket = rows.get(ticket_id)
        if ticket is None:
            continue
        texts = [(gettext("Description"), ticket.description), *said.get(ticket_id, [])]
        if as_agent:
            requester = ticket.requester
            texts.append((gettext("Requester"), f"{requester.full_name} <{requester.email}>"))
        source, passage = best_passage(texts, query)
        items.append(_row(ticket, query, source, passage, score, as_agent=as_agent))
    return tuple(items)


def _row(
    ticket: Ticket,
    query: Query,
    source: str,
    passage: Highlighted,
    score: float,
    *,
    as_agent: bool,
) -> Result:
    if as_agent:
        status, label = ticket.status, states.label(ticket.status)
        unit, updated = ticket.working_unit.name, ticket.updated_at
    else:
        # As the portal shows it: past its reopen window a resolved request is closed.
        status = Status.CLOSED if is_done_for_requester(ticket, timezone.now()) else ticket.status
        label = states.requester_wording(status)
        unit, updated = ticket.owning_unit.name, ticket.public_activity_at
    return Result(
        kind="ticket",
        reference=ticket.reference,
        title=highlight(ticket.title, query),
        snippet=passage,
        source=source,
        status=str(status),
        status_label=label,
        unit=unit,
        updated=updated,
        rank=score,
    )
