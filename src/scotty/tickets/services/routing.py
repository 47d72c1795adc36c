"""Fair automatic assignment: a unit's new tickets (or an agent group's, among its
members) go to its agents in turn (round
robin) or to the one with the fewest open tickets (least loaded), counting only the
agents who are working: not absent on the day (their marked holidays, sick days,
training), and the day is the unit's next working moment by its calendar (a ticket
filed at night goes to someone who is in tomorrow). Manual units assign nothing.

Written by Scotty (no actor) through `apply_changes`, in the caller's transaction: the
assignment is an event like any other, and the ticket stays new until its agent opens
it. Round robin moves its pointer with a compare-and-set, so two tickets filed at the
same moment go to two agents, not both to the same.
"""

from datetime import date, datetime

from django.db.models import Count, Q
from django.utils import timezone

from scotty.accounts.models import Absence, Person, UnitMembership
from scotty.catalog.calendars import unit_calendar
from scotty.catalog.models import AssignmentRule, GroupAssignment, UnitAssignment
from scotty.core.businesstime import next_open
from scotty.notifications.mail import mail_for_assignment
from scotty.tickets.models import Ticket
from scotty.tickets.services.changes import Change, apply_changes


def working_agents(unit_id: int, day: date, group_id: int | None = None) -> list[Person]:
    """The unit's active agents and managers not absent on `day`, by id (only the
    members of `group_id`, when given)."""
    away = Absence.objects.filter(starts__lte=day, ends__gte=day).values("person_id")
    members = UnitMembership.objects.filter(unit_id=unit_id, person__is_active=True)
    if group_id is not None:
        members = members.filter(person__agent_groups=group_id)
    ids = members.exclude(person_id__in=away).values_list("person_id", flat=True)
    return list(Person.objects.filter(pk__in=list(ids)).order_by("id"))


def _day_of_work(unit_id: int, now: datetime) -> date:
    return timezone.localdate(next_open(unit_calendar(unit_id), now))


def _least_loaded(unit_id: int, agents: list[Person]) -> Person:
    loads = dict(
        Ticket.objects.filter(working_unit_id=unit_id, is_open=True, assignee__in=agents)
        .values_list("assignee_id")
        .annotate(n=Count("id"))
        .values_list("assignee_id", "n")
    )
    return min(agents, key=lambda a: (loads.get(a.pk, 0), a.pk))


def _next_in_turn(rule: UnitAssignment | GroupAssignment, agents: list[Person]) -> Person | None:
    """The agent after the last one (by id, wrapping), claimed with a compare-and-set."""
    for _ in range(3):  # another ticket moved the pointer meanwhile: read it again
        last = rule.last_assigned_id
        after = [a for a in agents if last is None or a.pk > last]
        chosen = after[0] if after else agents[0]
        moved = (
            type(rule)
            .objects.filter(
                Q(last_assigned_id=last) if last is not None else Q(last_assigned__isnull=True),
                pk=rule.pk,
            )
            .update(last_assigned=chosen)
        )
        if moved:
            return chosen
        rule.refresh_from_db()
    return None


def _rule_for(unit_id: int, group_id: int | None) -> UnitAssignment | GroupAssignment | None:
    if group_id is not None:
        own = GroupAssignment.objects.filter(group_id=group_id).first()
        if own is not None:
            return own
    return UnitAssignment.objects.filter(unit_id=unit_id).first()


def pick_agent(unit_id: int, now: datetime | None = None, group_id: int | None = None
               ) -> Person | None:  # fmt: skip
    """Whom the rule gives a new ticket to now; None: manual, or nobody works. A
    ticket of an agent group goes to one of its members, by the group's own rule if it
    has one, else by the unit's."""
    rule = _rule_for(unit_id, group_id)
    if rule is None or rule.rule == AssignmentRule.MANUAL:
        return None
    day = _day_of_work(unit_id, now or timezone.now())
    agents = working_agents(unit_id, day, group_id)
    if not agents:
        return None
    if rule.rule == AssignmentRule.LEAST_LOADED:
        return _least_loaded(unit_id, agents)
    return _next_in_turn(rule, agents)


def assign_by_rule(ticket: Ticket) -> Ticket:
    """Give an unassigned ticket to the agent its working unit's rule picks, if any."""
    if ticket.assignee_id is not None:
        return ticket
    agent = pick_agent(ticket.working_unit_id, group_id=ticket.agent_group_id)
    if agent is None:
        return ticket
    change = Change("assignee_id", agent.pk, "", str(agent))  # as events name people
    apply_changes(ticket, actor=None, expected_version=ticket.version, changes=[change])
    ticket.assignee = agent
    mail_for_assignment(ticket, agent, actor=None)
    return ticket
