"""SLA warnings and breaches, announced once, at the business-time moment they fall due.

The worker runs `check_sla_alerts` every minute. It reads only the tickets whose
`sla_alert_at` has come (a partial index holds the tickets with one), so its work is
the tickets crossing a threshold, not every open ticket. For each it reads the clocks
from the history, and for every warning or breach that has come it:

- inserts an `SlaAlert` (ticket, clock, kind, due time) with ON CONFLICT DO NOTHING:
  of two workers at once, one inserts it and announces it, the other skips it;
- records an internal event on the ticket (SLA warning / breached);
- tells the assignee, or the unit's agents if nobody has it (the owning unit for the
  SLA's clocks, the working unit for an OLA), and at a breach the unit's managers too,
  unless the moment is older than `NOTIFY_WITHIN` (a worker back after downtime records
  what it missed but does not wake everyone with it);

then moves `sla_alert_at` to the next moment to come, unless a write changed it
meanwhile. A warning whose breach has come as well is not announced any more: the
breach says more, and a late worker makes one alert per clock, not two.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from scotty.accounts.models import UnitMembership, UnitRole
from scotty.catalog.clock import Reading
from scotty.core.queries import insert_unless_exists
from scotty.notifications.mail import mail_for_sla_alert
from scotty.notifications.models import NoticeKind
from scotty.notifications.services import notify
from scotty.tickets import events
from scotty.tickets.models import SlaAlert, Ticket
from scotty.tickets.services.clocks import (
    TermsBook,
    clock_changes,
    clocks_from,
    history_of,
    next_alert,
    running_clocks,
)
from scotty.tickets.states import Status

BATCH = 500
NOTIFY_WITHIN = timedelta(hours=12)
WARNING, BREACH = "warning", "breach"


@dataclass
class AlertRun:
    """What one check did."""

    touched: int = 0  # tickets whose alert moment had come
    recorded: int = 0  # alerts made (and events recorded)
    notified: int = 0  # notifications written
    skipped: int = 0  # alerts another worker had made already
    stale: list[str] = field(default_factory=list)  # references recorded but not notified


def _due_alerts(name: str, reading: Reading, now: datetime) -> list[tuple[str, datetime]]:
    """(kind, moment) of this clock that have come by `now`: the breach if it has, else
    the warning if it has."""
    if reading.due is not None and reading.due <= now:
        return [(BREACH, reading.due)]
    if reading.warn_at is not None and reading.warn_at <= now and reading.running:
        return [(WARNING, reading.warn_at)]
    return []


def _claim(ticket: Ticket, clock: str, kind: str, due: datetime, now: datetime) -> bool:
    """Insert the alert unless it exists; True if this call made it."""
    values = {"ticket_id": ticket.pk, "clock": clock, "kind": kind, "due": due, "at": now}
    return insert_unless_exists(SlaAlert, values, ("ticket_id", "clock", "kind", "due")) is not None


def _people_to_tell(ticket: Ticket, clock: str, kind: str) -> set[int]:
    unit_id = ticket.working_unit_id if clock == "ola" else ticket.owning_unit_id
    members = UnitMembership.objects.filter(unit_id=unit_id, person__is_active=True)
    people: set[int] = set()
    if ticket.assignee_id is not None:
        people.add(ticket.assignee_id)
    else:
        people.update(members.values_list("person_id", flat=True))
    if kind == BREACH:
        people.update(members.filter(role=UnitRole.MANAGER).values_list("person_id", flat=True))
    return people


def _announce(ticket: Ticket, clock: str, kind: str, due: datetime, now: datetime,
              run: AlertRun) -> None:  # fmt: skip
    if not _claim(ticket, clock, kind, due, now):
        run.skipped += 1
        return
    run.recorded += 1
    events.sla_alert(ticket, clock, breached=kind == BREACH, due=due)
    if now - due > NOTIFY_WITHIN:
        run.stale.append(ticket.reference)
        return
    notice = NoticeKind.SLA_BREACH if kind == BREACH else NoticeKind.SLA_WARNING
    people = _people_to_tell(ticket, clock, kind)
    run.notified += notify(people, notice, ticket=ticket, clock=clock, due=due)
    mail_for_sla_alert(ticket, people, breached=kind == BREACH, clock=clock, due=due)


def check_sla_alerts(*, now: datetime | None = None, batch: int = BATCH) -> AlertRun:
    """Announce the warnings and breaches that have come (see the module). Bounded to
    `batch` tickets a run, the most overdue first: after downtime the backlog drains a
    batch a minute instead of at once."""
    now = now or timezone.now()
    run = AlertRun()
    tickets = list(
        Ticket.objects.filter(sla_alert_at__lte=now)
        .exclude(status=Status.CLOSED)
        .order_by("sla_alert_at", "id")[:batch]
    )
    if not tickets:
        return run
    changes = clock_changes([t.pk for t in tickets])
    book = TermsBook()
    for ticket in tickets:
        run.touched += 1
        ola = book.ola_for(ticket)
        clocks = clocks_from(ticket, history_of(ticket, changes[ticket.pk]),
                             book.sla(ticket.sla_policy_id), ola, now)  # fmt: skip
        done = ticket.status in (Status.RESOLVED, Status.CLOSED)
        answered = ticket.first_response_at is not None
        with transaction.atomic():
            for name, reading in running_clocks(clocks, done=done, answered=answered).items():
                for kind, due in _due_alerts(name, reading, now):
                    _announce(ticket, name, kind, reading.due or due, now, run)
            following = next_alert(clocks, done=done, answered=answered, after=now)
            # Unless a write moved it meanwhile (it recomputed the clocks itself).
            Ticket.objects.filter(pk=ticket.pk, sla_alert_at=ticket.sla_alert_at).update(
                sla_alert_at=following
            )
    return run
