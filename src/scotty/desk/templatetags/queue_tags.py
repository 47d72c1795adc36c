"""How a queue row says who touched the ticket last: a filter rather than a chain of
template conditions, because it runs for every row of every queue."""

from django import template
from django.utils.translation import gettext

from scotty.accounts.models import Person
from scotty.core.timewords import time_ago
from scotty.tickets.models import Ticket

register = template.Library()


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
