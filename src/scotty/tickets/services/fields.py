"""Agent changes to a ticket's fields: assignment, priority, next step, units, tags, watchers.

One service per intention; each checks the actor works the ticket, goes through the
optimistic lock and records an event per changed field.
"""

from django.db import transaction
from django.utils.translation import gettext

from scotty.accounts.models import AgentGroup, Person, SupportUnit
from scotty.accounts.selectors import unit_ids_of
from scotty.core.errors import InvalidInput
from scotty.notifications.mail import mail_for_assignment
from scotty.search.services import index_ticket
from scotty.tickets import events
from scotty.tickets.models import Channel, NextStepOwner, Tag, Ticket
from scotty.tickets.priority import Impact, Priority, Urgency, priority_for
from scotty.tickets.selectors import can_be_assigned
from scotty.tickets.services.changes import (
    Change,
    apply_changes,
    claim_version,
    refuse_if_closed,
    require_agent,
)
from scotty.tickets.services.conversation import add_message
from scotty.tickets.services.routing import assign_by_rule
from scotty.tickets.services.validation import (
    MAX_BODY,
    MAX_NEXT_STEP,
    MAX_TITLE,
    clean_tags,
    clean_text,
)
from scotty.tickets.services.workflow import status_changes
from scotty.tickets.states import Status


def _refuse_if_closed_now(ticket: Ticket) -> None:
    # Watchers are not under the version lock, so read the status as it is now: the page
    # may have been loaded before the ticket closed.
    ticket.refresh_from_db(fields=["status"])
    refuse_if_closed(ticket)


def person_name(person: Person | None) -> str:
    """How events record a person (their name at the time)."""
    return str(person) if person else ""


@transaction.atomic
def assign(
    ticket: Ticket, *, actor: Person, assignee: Person | None, expected_version: int
) -> Ticket:
    """Give the ticket to an agent of its working unit (or to nobody).

    Assigning a new ticket opens it. Raises InvalidInput if the person does not work
    for the working unit, NotAllowed, Conflict.
    """
    require_agent(actor, ticket)
    if assignee is not None and not can_be_assigned(assignee, ticket):
        raise InvalidInput(
            gettext("%(person)s is not an agent of %(unit)s.")
            % {"person": assignee, "unit": ticket.working_unit},
            field="assignee",
        )
    changes = [
        Change(
            "assignee_id",
            assignee.pk if assignee else None,
            person_name(ticket.assignee),
            person_name(assignee),
        ),
    ]
    if assignee is not None and ticket.status == Status.NEW:
        changes += status_changes(ticket, Status.OPEN)
    apply_changes(ticket, actor=actor, expected_version=expected_version, changes=changes)
    ticket.assignee = assignee
    mail_for_assignment(ticket, assignee, actor=actor, changed=ticket.version != expected_version)
    return ticket


@transaction.atomic
def set_priority(
    ticket: Ticket,
    *,
    actor: Person,
    impact: str,
    urgency: str,
    expected_version: int,
    override: int | None = None,
) -> Ticket:
    """Set impact and urgency; priority follows the matrix unless the agent overrides it."""
    require_agent(actor, ticket)
    if impact not in Impact.values or urgency not in Urgency.values:
        raise InvalidInput(
            gettext("Choose an impact and an urgency from the lists."), field="impact"
        )
    if override is not None and override not in Priority.values:
        raise InvalidInput(gettext("Choose a priority from the list."), field="priority")
    matrix = priority_for(impact, urgency)
    priority = override if override is not None else int(matrix)
    changes = [
        Change("impact", impact, ticket.impact, impact),
        Change("urgency", urgency, ticket.urgency, urgency),
        Change("priority", priority, str(ticket.priority), str(priority)),
        Change("priority_overridden", priority != matrix, "", ""),
    ]
    return apply_changes(ticket, actor=actor, expected_version=expected_version, changes=changes)


def next_step_changes(ticket: Ticket, *, text: str, owner: str, shared: bool) -> list[Change]:
    """The checked changes for a next step (what, who, shared with the requester or not);
    an empty text clears it. Raises InvalidInput."""
    text = clean_text(
        text,
        field="next_step",
        label=gettext("The next step"),
        max_length=MAX_NEXT_STEP,
        required=False,
    )
    if text and owner not in NextStepOwner.values:
        raise InvalidInput(gettext("Say who does the next step."), field="next_step_owner")
    owner = owner if text else ""
    # A step that was not shared must not surface as the "old value" of a shared one;
    # the event that set it keeps it in the desk's history.
    old_text, old_owner = (
        (ticket.next_step, ticket.next_step_owner) if ticket.next_step_shared else ("", "")
    )
    return [
        Change("next_step", text, old_text, text, public=shared),
        Change("next_step_owner", owner, old_owner, owner, public=shared),
        Change("next_step_shared", shared, str(ticket.next_step_shared), str(shared)),
    ]


@transaction.atomic
def set_next_step(
    ticket: Ticket,
    *,
    actor: Person,
    text: str,
    owner: str,
    shared: bool,
    expected_version: int,
) -> Ticket:
    """Write down what happens next and who does it, so anyone can pick the ticket up.

    `shared` says whether the requester sees it. An empty text clears the next step.
    """
    require_agent(actor, ticket)
    changes = next_step_changes(ticket, text=text, owner=owner, shared=shared)
    return apply_changes(ticket, actor=actor, expected_version=expected_version, changes=changes)


@transaction.atomic
def retitle(ticket: Ticket, *, actor: Person, title: str, expected_version: int) -> Ticket:
    """Give the ticket a clearer title."""
    require_agent(actor, ticket)
    title = clean_text(title, field="title", label=gettext("The title"), max_length=MAX_TITLE)
    changes = [Change("title", title, ticket.title, title)]
    apply_changes(ticket, actor=actor, expected_version=expected_version, changes=changes)
    index_ticket(ticket)
    return ticket


@transaction.atomic
def transfer(
    ticket: Ticket,
    *,
    actor: Person,
    working_unit: SupportUnit,
    expected_version: int,
    owning_unit: SupportUnit | None = None,
    handover: str = "",
) -> Ticket:
    """Hand the work to another unit; the owning unit keeps the requester unless changed.

    The assignee is cleared when they do not work for the new unit. History stays.
    `handover` (what was done, what to do next) is kept as an internal note that the
    receiving unit sees first (`Ticket.handover`); a transfer without one clears the
    previous transfer's, which would mislead. The desk asks for it; other channels may
    not have one. Raises NotAllowed, InvalidInput, Conflict; nothing is written then.
    """
    require_agent(actor, ticket)
    refuse_if_closed(ticket)  # before the note is appended: closed is final
    owning_unit = owning_unit or ticket.owning_unit
    note = clean_text(
        handover, field="handover", label=gettext("The handover note"), max_length=MAX_BODY,
        required=False,
    )  # fmt: skip
    changes = [
        Change("working_unit_id", working_unit.pk, str(ticket.working_unit), str(working_unit)),
        Change("owning_unit_id", owning_unit.pk, str(ticket.owning_unit), str(owning_unit)),
    ]
    assignee = ticket.assignee
    if assignee is not None and working_unit.pk not in unit_ids_of(assignee):
        changes.append(Change("assignee_id", None, person_name(assignee), ""))
    if ticket.agent_group_id is not None and working_unit.pk != ticket.working_unit_id:
        # A group is a team of the working unit: the new unit sorts the ticket anew.
        changes.append(Change("agent_group_id", None, _group_name(ticket), ""))
    if note:
        written = add_message(ticket, author=actor, body=note, internal=True, channel=Channel.DESK)
        changes.append(Change("handover_id", written.pk, "", ""))
    else:
        changes.append(Change("handover_id", None, "", ""))
    apply_changes(ticket, actor=actor, expected_version=expected_version, changes=changes)
    index_ticket(ticket)  # other units' agents find it now, the old unit's no longer
    ticket.working_unit, ticket.owning_unit = working_unit, owning_unit
    if ticket.assignee_id is None:
        ticket.assignee = None
        assign_by_rule(ticket)  # the receiving unit's rule, if it has one
    return ticket


def _group_name(ticket: Ticket) -> str:
    group = ticket.agent_group
    return group.name if group is not None else ""


@transaction.atomic
def set_agent_group(
    ticket: Ticket, *, actor: Person, group: AgentGroup | None, expected_version: int
) -> Ticket:
    """Put the ticket with a group of its working unit (or with none). Raises
    InvalidInput for a group of another unit, NotAllowed, Conflict."""
    require_agent(actor, ticket)
    if group is not None and group.unit_id != ticket.working_unit_id:
        raise InvalidInput(
            gettext("%(group)s is not a group of %(unit)s.")
            % {"group": group.name, "unit": ticket.working_unit},
            field="agent_group",
        )
    change = Change("agent_group_id", group.pk if group else None, _group_name(ticket),
                    group.name if group else "")  # fmt: skip
    apply_changes(ticket, actor=actor, expected_version=expected_version, changes=[change])
    ticket.agent_group = group
    return ticket


@transaction.atomic
def set_tags(ticket: Ticket, *, actor: Person, names: list[str], expected_version: int) -> Ticket:
    """Replace the ticket's tags with `names`, under the optimistic lock: the form sends
    the whole set, so a stale set would silently drop a colleague's tag."""
    require_agent(actor, ticket)
    wanted = clean_tags(names)
    before = sorted(ticket.tags.values_list("name", flat=True))
    if wanted == before:
        return ticket
    claim_version(ticket, expected_version, actor=actor)
    tags = [Tag.objects.get_or_create(name=name)[0] for name in wanted]
    ticket.tags.set(tags)
    events.field_changed(ticket, actor, "tags", ", ".join(before), ", ".join(wanted))
    return ticket


@transaction.atomic
def add_watcher(ticket: Ticket, *, actor: Person, watcher: Person) -> Ticket:
    """Let a colleague follow the ticket (they see its public side and may reply).
    Refused on a closed ticket (NotAllowed), like every change."""
    require_agent(actor, ticket)
    _refuse_if_closed_now(ticket)
    if not watcher.is_active:
        raise InvalidInput(
            gettext("%(person)s no longer has an account.") % {"person": watcher},
            field="watcher",
        )
    if not ticket.watchers.filter(pk=watcher.pk).exists():
        ticket.watchers.add(watcher)
        events.watcher_changed(ticket, actor, watcher, added=True)
    return ticket


@transaction.atomic
def join_as_watcher(ticket: Ticket, person: Person) -> Ticket:
    """Someone the conversation was copied to (a reply-all from Cc, mail that named the
    ticket's own messages) follows the ticket from now on. For channels that proved
    it (e-mail threading), not for anyone who asks; nothing on a closed ticket."""
    if ticket.status == Status.CLOSED or not person.is_active:
        return ticket
    if ticket.requester_id != person.pk and not ticket.watchers.filter(pk=person.pk).exists():
        ticket.watchers.add(person)
        events.watcher_changed(ticket, person, person, added=True)
    return ticket


@transaction.atomic
def remove_watcher(ticket: Ticket, *, actor: Person, watcher: Person) -> Ticket:
    """Stop a colleague following the ticket; refused on a closed ticket."""
    require_agent(actor, ticket)
    _refuse_if_closed_now(ticket)
    if ticket.watchers.filter(pk=watcher.pk).exists():
        ticket.watchers.remove(watcher)
        events.watcher_changed(ticket, actor, watcher, added=False)
    return ticket
