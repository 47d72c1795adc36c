"""One request, from the requester's side: status, next step, public conversation.

The page runs a fixed number of queries however long the conversation is: the ticket
(one query), its description files, the timeline with its files (two), linked tickets.
"""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from scotty.portal import presenters
from scotty.portal.forms import RejectForm, ReplyForm
from scotty.portal.views.common import load, person_of
from scotty.tickets import selectors
from scotty.tickets.answered import answer_files, answers_of
from scotty.tickets.selectors import TicketAccess, reopen_deadline
from scotty.tickets.states import Status


@login_required
@require_GET
def request_page(request: HttpRequest, reference: str) -> HttpResponse:
    return render_request(request, load(request, reference))


def _linked(access: TicketAccess, request: HttpRequest) -> dict[str, Any]:
    """The original and the follow-ups of this ticket that this person may open."""
    ticket = access.ticket
    linked = list(
        selectors.requester_tickets(person_of(request))
        .filter(Q(follow_up_of_id=ticket.pk) | Q(pk=ticket.follow_up_of_id))
        .only("reference", "title", "follow_up_of_id")
        .order_by("id")
    )
    return {
        "original": next((t for t in linked if t.pk == ticket.follow_up_of_id), None),
        "follow_ups": [t for t in linked if t.follow_up_of_id == ticket.pk],
    }


def render_request(
    request: HttpRequest,
    access: TicketAccess,
    *,
    status: int = 200,
    reply_form: ReplyForm | None = None,
    reject_form: RejectForm | None = None,
    error: str | None = None,
) -> HttpResponse:
    """The request page; POST views re-render it with their bound form and the error."""
    ticket, viewer = access.ticket, person_of(request)
    events, description_files = selectors.timeline_with_files(access)
    # Past the reopen window the request is closed in all but name: the choice
    # "fixed or not" has expired and is not offered; writing opens a follow-up.
    closed = selectors.is_done_for_requester(ticket, timezone.now())
    resolved = ticket.status == Status.RESOLVED and not closed
    if reject_form is not None and not resolved and not error:
        # The "not fixed" form is only drawn on a resolved request; say why at the top.
        error = " ".join(str(e) for e in reject_form.non_field_errors()) or None
    answered = answers_of(access) if ticket.form_version_id else []
    shown_with_question = answer_files(answered)
    description_files = [f for f in description_files if f.pk not in shown_with_question]
    linked = _linked(access, request)
    openable = {t.reference for t in linked["follow_ups"]}
    context = {
        "ticket": ticket,
        "status": presenters.status_of(ticket),
        "next_step": presenters.next_step(ticket, viewer),
        "expect": presenters.expectation(ticket),
        "description_files": description_files,
        "answers": answered,
        "entries": presenters.timeline(events, ticket, viewer, openable),
        "resolved": resolved,
        "closed": closed,
        # Confirming or reopening is the requester's call; watchers see the question only.
        "decides": selectors.may_reopen(viewer, ticket),
        "reopen_by": reopen_deadline(ticket) if resolved else None,
        "reply_form": reply_form or ReplyForm(),
        "reject_form": reject_form or RejectForm(),
        "error": error,
        **linked,
    }
    return render(request, "portal/request.html", context, status=status)
