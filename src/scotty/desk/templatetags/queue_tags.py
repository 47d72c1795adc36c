"""What a queue row shows beyond the ticket's own fields, worked out in Python once per
row rather than by template tags and filters in each cell, because it runs for every
row of every queue (each tag or filter in the row's markup is its own node to render)."""

from typing import Any

from django import template
from django.db.models import Field
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format
from django.utils.timezone import localtime
from django.utils.translation import gettext

from scotty.accounts.models import Person
from scotty.core.paths import path_for_each
from scotty.core.timewords import time_ago
from scotty.tickets.models import Ticket
from scotty.tickets.states import WAITING_STATUSES

register = template.Library()


@register.filter
def table_rows(tickets: list[Ticket], reader: Person) -> list[Ticket]:
    """The rows of a ticket table, each with what its cells print set on it:

    - `url` (its ticket page, as `{% url %}` writes it), `select_label` (its
      checkbox's label), `tag_names`;
    - `priority_label`, `status_label`, `owner_label` (the next step's owner), as the
      `get_..._display` methods say them, each label translated once a table;
    - `requester_name`, `assignee_name` ("" for nobody), `unit_name` (the working
      unit's) and `owned_by` (the owning unit's name when it is another unit, else "");
    - `updated_iso` and `updated_title` (`updated_at` as `|date:'c'` and
      `|date:'SHORT_DATETIME_FORMAT'` write it, in the current time zone), `activity`
      (`last_activity`), and for a waiting ticket with a date `follow_up_iso` and
      `follow_up_when` (`|date:'c'` and `|date:_("D j M, H:i")`).

    In Python rather than as tags and filters in the cells: each of those is a node
    rendered for every row of every queue, ~10 us apiece.
    """
    ticket_page = path_for_each("desk:ticket", "reference")
    select = gettext("Select %(reference)s")
    priorities, statuses, owners = (_labels(name) for name in _LABELLED)
    short_format = get_format("SHORT_DATETIME_FORMAT")
    follow_up_format = gettext("D j M, H:i")
    for ticket in tickets:
        row: Any = ticket
        row.url = ticket_page(ticket.reference)
        row.select_label = select % {"reference": ticket.reference}
        row.tag_names = [tag.name for tag in ticket.tags.all()]
        row.priority_label = priorities.get(ticket.priority, ticket.priority)
        row.status_label = statuses.get(ticket.status, ticket.status)
        row.owner_label = owners.get(ticket.next_step_owner, ticket.next_step_owner)
        row.requester_name = str(ticket.requester)
        row.assignee_name = str(ticket.assignee) if ticket.assignee_id else ""
        row.unit_name = ticket.working_unit.name
        # The owning unit, named only when another unit works the ticket.
        row.owned_by = (
            "" if ticket.owning_unit_id == ticket.working_unit_id else ticket.owning_unit.name
        )
        updated = localtime(ticket.updated_at)  # as templates show datetimes
        row.updated_iso = updated.isoformat()  # what |date:'c' writes
        row.updated_title = format_date(updated, short_format)
        row.activity = last_activity(ticket, reader)
        if ticket.waiting_until and ticket.status in WAITING_STATUSES:
            until = localtime(ticket.waiting_until)
            row.follow_up_iso = until.isoformat()
            row.follow_up_when = format_date(until, follow_up_format)
    return tickets


_LABELLED = ("priority", "status", "next_step_owner")


def _labels(field_name: str) -> dict[Any, str]:
    """A field's choices as the reader's language says them, translated once."""
    field = Ticket._meta.get_field(field_name)
    assert isinstance(field, Field)  # a column with choices, not a relation
    return {value: str(label) for value, label in field.flatchoices}


@register.filter
def last_activity(ticket: Ticket, reader: Person) -> str:
    """ "Rita Requester replied 3 hours ago", "you updated it 2 days ago": named from the
    people the row has joined already (requester, assignee, reader), so no query. Someone
    else is "a colleague"; Scotty itself (None) says only "updated". One sentence with
    the time in it, as languages put the time in different places ("hat vor 3 Stunden
    geantwortet")."""
    by = ticket.updated_by_id
    when = {"ago": time_ago(ticket.updated_at)}  # the largest unit only: a narrow column
    if ticket.updated_at == ticket.created_at:
        return gettext("opened %(ago)s") % when
    if by is None:
        return gettext("updated %(ago)s") % when
    if by == reader.pk:
        return gettext("you updated it %(ago)s") % when
    if by == ticket.requester_id:
        return gettext("%(who)s replied %(ago)s") % {"who": ticket.requester, **when}
    if by == ticket.assignee_id:
        return gettext("%(who)s updated it %(ago)s") % {"who": ticket.assignee, **when}
    return gettext("a colleague updated it %(ago)s") % when
