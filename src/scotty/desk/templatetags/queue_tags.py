"""How a queue row says who touched the ticket last: a filter rather than a chain of
template conditions, because it runs for every row of every queue."""

from django import template

from scotty.accounts.models import Person
from scotty.tickets.models import Ticket

register = template.Library()


@register.filter
def last_activity(ticket: Ticket, reader: Person) -> str:
    """ "Rita Requester replied", "you updated it", "Bea Second updated it": named from the
    people the row has joined already (requester, assignee, reader), so no query. Someone
    else is "a colleague"; Scotty itself (None) says only "updated"."""
    by = ticket.updated_by_id
    if ticket.updated_at == ticket.created_at:
        return "opened"
    if by is None:
        return "updated"
    if by == reader.pk:
        return "you updated it"
    if by == ticket.requester_id:
        return f"{ticket.requester} replied"
    if by == ticket.assignee_id:
        return f"{ticket.assignee} updated it"
    return "a colleague updated it"
