"""Who else is on the ticket: the ticket page checks in every few seconds (htmx POST from
`desk/_presence.html`, with what the composer is doing from `presence.js`) and gets the
"also here" fragment back, with a warning for the composer when a reply is being
written twice.

A poll costs no database query beyond the two every signed-in request makes (the
session, then the person): who is here comes from the cache (`tickets.presence`), names
included, and the permission check of the first poll is remembered there for a few
minutes (`presence.allowed`).
"""

from typing import cast

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from scotty.accounts.selectors import is_agent
from scotty.desk.access import DeskRequest, agent_access
from scotty.tickets import presence
from scotty.tickets.models import MessageKind

TEMPLATE = "desk/_presence.html#others"


def _ticket_id(request: DeskRequest, reference: str) -> int:
    """The ticket's id if this agent works it (404 otherwise), from the cache when an
    earlier poll already asked the visibility rule."""
    remembered = presence.allowed(request.user, reference)
    if remembered is not None:
        return remembered
    if not is_agent(request.user):
        raise Http404("No such page.")
    ticket = agent_access(request, reference).ticket
    presence.allow(request.user, reference, ticket.pk)
    return ticket.pk


@require_POST
def check_in(request: HttpRequest, reference: str) -> HttpResponse:
    """Say the agent has the ticket open (typing, or just sent a reply); answer with who
    else is on it. Not `agent_required`: its membership query is what the remembered
    permission saves."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    desk_request = cast(DeskRequest, request)
    ticket_id = _ticket_id(desk_request, reference)
    kind = request.POST.get("kind", MessageKind.REPLY)
    kind = kind if kind in MessageKind.values else MessageKind.REPLY
    typing = request.POST.get("typing") == "1"
    others = presence.here(
        ticket_id, desk_request.user, typing=typing, kind=kind, sent=request.POST.get("sent") == "1"
    )
    context = {
        "others": others,
        # The agent has started a message of their own: warn them about the others'.
        "drafting": typing or request.POST.get("draft") == "1",
        "kind": kind,
    }
    return render(request, TEMPLATE, context)
