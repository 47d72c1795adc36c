"""What a queue row shows beyond the ticket's own fields, worked out in Python once per
row rather than by template tags and filters in each cell, because it runs for every
row of every queue (each tag or filter in the row's markup is its own node to render)."""

from urllib.parse import quote

from django import template
from django.template.defaultfilters import date
from django.urls import reverse
from django.utils.timezone import localtime
from django.utils.translation import gettext

from scotty.accounts.models import Person
from scotty.core.timewords import time_ago
from scotty.tickets.models import Ticket

register = template.Library()

_REVERSE_SAFE = "!$&'()*+,;=/~:@"  # what Django's reverse() leaves unquoted in a path


@register.filter
def table_rows(tickets: list[Ticket], reader: Person) -> list[Ticket]:
    """The rows of a ticket table, each with `url` (its ticket page: the path reversed
    once, each reference quoted into it as `{% url %}` would), `select_label` (the
    label of its checkbox), `tag_names` (from the prefetched tags), `updated_iso` and
    `updated_title` (`updated_at` as `|date:'c'` and `|date:'SHORT_DATETIME_FORMAT'`
    write it, in the current time zone) and `activity` (`last_activity`) set."""
    head, _, tail = reverse("desk:ticket", kwargs={"reference": "0"}).rpartition("0")
    for ticket in tickets:
        ticket.url = f"{head}{quote(ticket.reference, safe=_REVERSE_SAFE)}{tail}"  # type: ignore[attr-defined]
        ticket.select_label = gettext("Select %(reference)s") % {"reference": ticket.reference}  # type: ignore[attr-defined]
        ticket.tag_names = [tag.name for tag in ticket.tags.all()]  # type: ignore[attr-defined]
        updated = localtime(ticket.updated_at)  # as templates show datetimes
        ticket.updated_iso = date(updated, "c")  # type: ignore[attr-defined]
        ticket.updated_title = date(updated, "SHORT_DATETIME_FORMAT")  # type: ignore[attr-defined]
        ticket.activity = last_activity(ticket, reader)  # type: ignore[attr-defined]
    return tickets


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
