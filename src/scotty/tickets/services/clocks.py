"""The ticket's SLA clocks, kept on the ticket: first response and resolution for the
owning unit's SLA, and the working unit's OLA for its part after a hand-off.

Recomputed from the ticket's history (`catalog.clock.read`) whenever something a clock
reads changes: opening, status, priority, a transfer, the first response. The due
times are stored (`first_response_due`, `resolution_due`, `ola_due`) so queues sort and
filter on an index, and what was achieved (business minutes, met or missed) is stored
when it happens, for reports. Silent columns: no event of their own, no new version.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from scotty.catalog.clock import Reading, Stretch, read
from scotty.catalog.selectors import (
    Terms,
    policy_for,
    policy_terms,
    terms_of,
    unit_ola_terms,
)
from scotty.core.queries import update_rows
from scotty.tickets.models import NOTHING_DUE, EventKind, Ticket, TicketEvent
from scotty.tickets.states import STATUS_INFO, ClockType, Status

# The ticket columns the clocks read: a change to one of them recomputes them.
CLOCK_FIELDS = frozenset(
    {"status", "priority", "working_unit_id", "owning_unit_id", "first_response_at"}
)
# The events a clock reads: status changes and transfers.
CLOCK_EVENTS = ("status", "working_unit")
STORED = ("first_response_due", "resolution_due", "ola_due", "due_at", "sla_alert_at",
          "first_response_minutes", "first_response_met", "resolution_minutes",
          "resolution_met")  # fmt: skip


NOTHING_KEPT: dict[str, object] = {**dict.fromkeys(STORED), "due_at": NOTHING_DUE}


@dataclass(frozen=True)
class Clocks:
    """A ticket's clocks as read now (None: no policy, or no target for its priority)."""

    sla: Terms | None
    first_response: Reading | None
    resolution: Reading | None
    ola: Terms | None
    ola_reading: Reading | None
    ola_since: datetime | None  # when the working unit got the ticket


@dataclass(frozen=True)
class CountRule:
    """Which statuses a clock counts in: running ones, and waiting on a third party
    unless the policy pauses for it (waiting on the requester always pauses)."""

    pause_on_third_party: bool

    def __call__(self, status: str) -> bool:
        if STATUS_INFO[status].clock == ClockType.RUNNING:
            return True
        return status == Status.WAITING_ON_THIRD_PARTY and not self.pause_on_third_party


def counts_with(terms: Terms) -> CountRule:
    return CountRule(terms.pause_on_third_party)


def history(ticket: Ticket) -> tuple[list[Stretch], datetime]:
    """The ticket's statuses from its opening on, and when it entered its working unit
    (its last transfer, else its opening). One query."""
    changes = (
        TicketEvent.objects.filter(
            ticket_id=ticket.pk, kind=EventKind.FIELD_CHANGED, field__in=CLOCK_EVENTS
        )
        .order_by("at", "id")
        .values_list("at", "field", "new_value")
    )
    return history_of(ticket, list(changes))


def clock_changes(ticket_ids: list[int]) -> dict[int, list[tuple[datetime, str, str]]]:
    """The status and transfer events (at, field, new value) of these tickets, oldest
    first, by ticket: one query for a whole batch."""
    changes: dict[int, list[tuple[datetime, str, str]]] = {pk: [] for pk in ticket_ids}
    rows = (
        TicketEvent.objects.filter(
            ticket_id__in=ticket_ids, kind=EventKind.FIELD_CHANGED, field__in=CLOCK_EVENTS
        )
        .order_by("at", "id")
        .values_list("ticket_id", "at", "field", "new_value")
    )
    for ticket_id, at, name, value in rows:
        changes[ticket_id].append((at, name, value))
    return changes


def history_of(ticket: Ticket, changes: list[tuple[datetime, str, str]]
               ) -> tuple[list[Stretch], datetime]:  # fmt: skip
    """`history` from the ticket's status and transfer events (at, field, new value),
    oldest first."""
    stretches = [Stretch(ticket.created_at, Status.NEW)]
    entered = ticket.created_at
    for at, name, value in changes:
        if name == "status":
            stretches.append(Stretch(at, value))
        else:
            entered = at
    return stretches, entered


def _since(stretches: list[Stretch], moment: datetime) -> list[Stretch]:
    """The stretches from `moment` on, the first starting there."""
    before = [s for s in stretches if s.start <= moment]
    current = before[-1].status if before else stretches[0].status
    return [Stretch(moment, current), *(s for s in stretches if s.start > moment)]


def read_clocks(ticket: Ticket, now: datetime | None = None) -> Clocks:
    """The ticket's clocks now, from its history (the explanation panel shows these)."""
    sla = policy_terms(ticket.sla_policy_id) if ticket.sla_policy_id else None
    ola = None
    if ticket.working_unit_id != ticket.owning_unit_id:
        ola = unit_ola_terms(ticket.working_unit_id)
    return clocks_from(ticket, history(ticket), sla, ola, now or timezone.now())


def clocks_from(ticket: Ticket, past: tuple[list[Stretch], datetime], sla: Terms | None,
                ola: Terms | None, now: datetime) -> Clocks:  # fmt: skip
    """The clocks of a ticket whose history and terms are read already (`ola`: the
    working unit's, when it is not the owning unit)."""
    stretches, entered = past
    first = resolution = ola_reading = None
    if sla is not None:
        rule = counts_with(sla)
        if ticket.priority in sla.first_response:
            first = read(stretches, calendar=sla.calendar, now=now, counts=rule,
                         target=sla.first_response[ticket.priority],
                         stop=ticket.first_response_at, warn_share=sla.warn_share)  # fmt: skip
        if ticket.priority in sla.resolution:
            resolution = read(stretches, calendar=sla.calendar, now=now, counts=rule,
                              target=sla.resolution[ticket.priority],
                              warn_share=sla.warn_share)  # fmt: skip
    if ola is not None and ticket.priority in ola.resolution:
        ola_reading = read(_since(stretches, entered), calendar=ola.calendar, now=now,
                           counts=counts_with(ola), target=ola.resolution[ticket.priority],
                           warn_share=ola.warn_share)  # fmt: skip
    return Clocks(sla, first, resolution, ola, ola_reading, entered if ola else None)


def _minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)


def stored_values(ticket: Ticket, clocks: Clocks) -> dict[str, object]:
    """The columns the clocks keep on the ticket."""
    done = ticket.status in (Status.RESOLVED, Status.CLOSED)
    first, resolution, ola = clocks.first_response, clocks.resolution, clocks.ola_reading
    answered = ticket.first_response_at is not None
    values: dict[str, object] = {
        "first_response_due": first.due if first and not answered and not done else None,
        "first_response_minutes": _minutes(first.used) if first and answered else None,
        "first_response_met": (first.used <= first.target) if first and answered else None,
        "resolution_due": resolution.due if resolution and not done else None,
        "resolution_minutes": _minutes(resolution.used) if resolution and done else None,
        "resolution_met": (resolution.used <= resolution.target) if resolution and done else None,
        "ola_due": ola.due if ola and not done else None,
    }
    values["due_at"] = soonest(values)
    values["sla_alert_at"] = next_alert(clocks, done=done, answered=answered)
    return values


def running_clocks(clocks: Clocks, *, done: bool, answered: bool) -> dict[str, Reading]:
    """The clocks that can still warn or breach, by name: not the first response once
    answered, none once the ticket is resolved or closed."""
    if done:
        return {}
    named = {"first_response": None if answered else clocks.first_response,
             "resolution": clocks.resolution, "ola": clocks.ola_reading}  # fmt: skip
    return {name: reading for name, reading in named.items() if reading is not None}


def next_alert(clocks: Clocks, *, done: bool, answered: bool,
               after: datetime | None = None) -> datetime | None:  # fmt: skip
    """The soonest warning or breach moment of the running clocks (after `after` when
    given: the worker has dealt with the earlier ones); None when nothing is to come."""
    moments = [m for r in running_clocks(clocks, done=done, answered=answered).values()
               for m in (r.warn_at, r.due) if m is not None]  # fmt: skip
    if after is not None:
        moments = [m for m in moments if m > after]
    return min(moments, default=None)


def soonest(values: dict[str, object]) -> datetime:
    """The soonest of the due times in `values` (NOTHING_DUE for none)."""
    dues = [values[f] for f in ("first_response_due", "resolution_due", "ola_due")]
    return min((d for d in dues if isinstance(d, datetime)), default=NOTHING_DUE)


def refresh_clocks(ticket: Ticket, *, repick_policy: bool = False, fresh: bool = False) -> None:
    """Recompute and store the ticket's clocks (in the caller's transaction). With
    `repick_policy` (opening, a new owning unit) the owning unit's SLA is taken anew;
    `fresh`: the ticket was just opened (no history to read)."""
    values: dict[str, object] = {}
    sla = None
    if repick_policy:
        # The service's own SLA if it has one (and its unit still owns the ticket), else
        # the owning unit's default.
        policy = policy_for(ticket.owning_unit_id, ticket.service_id)
        values["sla_policy_id"] = ticket.sla_policy_id = policy.pk if policy else None
        sla = terms_of(policy) if policy else None
    elif ticket.sla_policy_id:
        sla = policy_terms(ticket.sla_policy_id)
    ola = None
    if ticket.working_unit_id != ticket.owning_unit_id:
        ola = unit_ola_terms(ticket.working_unit_id)
    if sla is None and ola is None:
        values.update(NOTHING_KEPT)  # nothing promised, nothing due
    else:
        past = (
            ([Stretch(ticket.created_at, Status.NEW)], ticket.created_at)
            if fresh
            else history(ticket)
        )
        values.update(stored_values(ticket, clocks_from(ticket, past, sla, ola, timezone.now())))
    if all(getattr(ticket, name) == value for name, value in values.items()):
        return
    Ticket.objects.filter(pk=ticket.pk).update(**values)
    for name, value in values.items():
        setattr(ticket, name, value)


@dataclass
class TermsBook:
    """Terms read once per policy and unit for a whole recomputation."""

    policies: dict[int, Terms | None] = field(default_factory=dict)
    olas: dict[int, Terms | None] = field(default_factory=dict)
    # (owning unit, service) -> the SLA policy such a ticket follows
    defaults: dict[tuple[int, int | None], int | None] = field(default_factory=dict)

    def sla(self, policy_id: int | None) -> Terms | None:
        if policy_id is None:
            return None
        if policy_id not in self.policies:
            self.policies[policy_id] = policy_terms(policy_id)
        return self.policies[policy_id]

    def ola(self, unit_id: int) -> Terms | None:
        if unit_id not in self.olas:
            self.olas[unit_id] = unit_ola_terms(unit_id)
        return self.olas[unit_id]

    def ola_for(self, ticket: Ticket) -> Terms | None:
        """The working unit's OLA, when it works a ticket another unit owns."""
        if ticket.working_unit_id == ticket.owning_unit_id:
            return None
        return self.ola(ticket.working_unit_id)

    def default_policy(self, ticket: Ticket) -> int | None:
        """The policy a ticket without one takes: its service's, else its owning unit's."""
        key = (ticket.owning_unit_id, ticket.service_id)
        if key not in self.defaults:
            policy = policy_for(*key)
            self.defaults[key] = policy.pk if policy else None
        return self.defaults[key]


def recompute_clocks(tickets: QuerySet[Ticket], *, adopt: bool = False, batch: int = 500,
                     now: datetime | None = None) -> int:  # fmt: skip
    """Recompute and store the clocks of these tickets from their histories, batch by
    batch (after a policy or calendar was edited, or tickets were loaded in bulk). With
    `adopt`, a ticket without a policy takes its owning unit's. Returns how many
    tickets changed. Three queries a batch, however long the histories."""
    now = now or timezone.now()
    book = TermsBook()
    changed = 0
    last = 0
    while True:
        rows = list(tickets.filter(pk__gt=last).order_by("pk")[:batch])
        if not rows:
            return changed
        last = rows[-1].pk
        events = clock_changes([t.pk for t in rows])
        updated = []
        for ticket in rows:
            if adopt and ticket.sla_policy_id is None:
                ticket.sla_policy_id = book.default_policy(ticket)
            sla = book.sla(ticket.sla_policy_id)
            ola = book.ola_for(ticket)
            if sla is None and ola is None:
                values: dict[str, object] = dict(NOTHING_KEPT)
            else:
                past = history_of(ticket, events[ticket.pk])
                values = stored_values(ticket, clocks_from(ticket, past, sla, ola, now))
            values["sla_policy_id"] = ticket.sla_policy_id
            if any(getattr(ticket, f) != v for f, v in values.items()):
                for f, v in values.items():
                    setattr(ticket, f, v)
                updated.append(ticket)
        with transaction.atomic():
            update_rows(Ticket, updated, ["sla_policy_id", *STORED])
        changed += len(updated)


def recompute_unit_clocks(unit_id: int) -> int:
    """Recompute the open tickets a unit owns or works (its SLA, its OLA, its calendar
    changed); tickets without a policy take their owning unit's. Returns how many
    changed."""
    tickets = Ticket.objects.filter(Q(owning_unit_id=unit_id) | Q(working_unit_id=unit_id),
                                    is_open=True)  # fmt: skip
    return recompute_clocks(tickets, adopt=True)
