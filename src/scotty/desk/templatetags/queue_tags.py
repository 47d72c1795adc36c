"""What a queue row shows beyond the ticket's own fields, worked out in Python once per
row rather than by template tags and filters in each cell, because it runs for every
row of every queue (each tag or filter in the row's markup is its own node to render)."""

from typing import Any

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format
from django.utils.timezone import localtime
from django.utils.translation import gettext

from scotty.accounts.models import Person
from scotty.catalog.calendars import around_the_clock
from scotty.catalog.selectors import calendars_by_unit
from scotty.core.paths import path_for_each
from scotty.core.timewords import time_ago
from scotty.desk.due import due_view, when_format
from scotty.tickets.models import NOTHING_DUE, Ticket
from scotty.tickets.states import WAITING_STATUSES

register = template.Library()


@register.filter
def table_rows(tickets: list[Ticket], reader: Person) -> list[dict[str, Any]]:
    """The rows of a ticket table as what their cells print, one dict per ticket:

    - `reference`, `title`, `priority`, `status`, `next_step`, `next_step_owner` and
      `unread` (set by `selectors.with_unread`) as on the ticket;
    - `url` (its ticket page, as `{% url %}` writes it), `select_label` (its
      checkbox's label), `tag_names`;
    - `priority_label`, `status_label`, `owner_label` (the next step's owner), from the
      ticket's `get_..._display` methods;
    - `requester_name`, `assignee_name` ("" for nobody), `unit_name` (the working
      unit's) and `owned_by` (the owning unit's name when it is another unit, else "");
    - `updated_iso` and `updated_title` (`updated_at` as `|date:'c'` and
      `|date:'SHORT_DATETIME_FORMAT'` write it, in the current time zone), `activity`
      (`last_activity`), and for a waiting ticket with a date `follow_up_iso` and
      `follow_up_when` (`|date:'c'` and `|date:_("D j M, H:i")`), else "";
    - `due`: the soonest SLA or OLA due time as `desk.due.DueView` (time left or overdue
      in business time, in the owning unit's calendar), None when nothing is due.

    In Python rather than as tags and filters in the cells: each of those is a node
    rendered for every row of every queue, ~10 us apiece. Dicts rather than the tickets
    themselves: a template looks a name up as a key first, and on a model instance that
    failed (an exception caught) before the attribute was tried, for every cell.
    """
    ticket_page = path_for_each("desk:ticket", "reference")
    now = timezone.now()
    # One query for the units' calendars, and only when a row has something due.
    due_rows = any(t.due_at != NOTHING_DUE for t in tickets)
    by_unit = calendars_by_unit() if due_rows else {}
    every_hour = around_the_clock() if due_rows else None
    due_format = when_format()
    select = gettext("Select %(reference)s")
    short_format = get_format("SHORT_DATETIME_FORMAT")
    follow_up_format = gettext("D j M, H:i")
    rows = []
    for ticket in tickets:
        updated = localtime(ticket.updated_at)  # as templates show datetimes
        follow_up_iso = follow_up_when = ""
        if ticket.waiting_until and ticket.status in WAITING_STATUSES:
            until = localtime(ticket.waiting_until)
            follow_up_iso, follow_up_when = until.isoformat(), format_date(until, follow_up_format)
        same_unit = ticket.owning_unit_id == ticket.working_unit_id
        due = None
        if ticket.due_at != NOTHING_DUE:
            calendar = by_unit.get(ticket.owning_unit_id, every_hour)
            due = due_view(ticket.due_at, calendar, now, due_format)  # type: ignore[arg-type]
        rows.append(
            {
                "reference": ticket.reference,
                "title": ticket.title,
                "priority": ticket.priority,
                "status": ticket.status,
                "next_step": ticket.next_step,
                "next_step_owner": ticket.next_step_owner,
                "unread": getattr(ticket, "unread", False),
                "url": ticket_page(ticket.reference),
                "select_label": select % {"reference": ticket.reference},
                "tag_names": [tag.name for tag in ticket.tags.all()],
                "priority_label": ticket.get_priority_display(),
                "status_label": ticket.get_status_display(),
                "owner_label": ticket.get_next_step_owner_display(),
                "requester_name": str(ticket.requester),
                "assignee_name": str(ticket.assignee) if ticket.assignee_id else "",
                "unit_name": ticket.working_unit.name,
                "owned_by": "" if same_unit else ticket.owning_unit.name,
                "updated_iso": updated.isoformat(),  # what |date:'c' writes
                "updated_title": format_date(updated, short_format),
                "activity": last_activity(ticket, reader),
                "follow_up_iso": follow_up_iso,
                "follow_up_when": follow_up_when,
                "due": due,
            }
        )
    return rows


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
