"""What a requester does on their request: reply, confirm the fix, say it is not fixed.

Each is a POST that calls one service and redirects (works without JavaScript). When
the service refuses, the request page is shown again with the message next to the
form and what the person typed still in it; the service saved nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from scotty.core.errors import DomainError
from scotty.core.http import status_for
from scotty.portal.forms import RejectForm, ReplyForm, show_error
from scotty.portal.views.common import load, person_of
from scotty.portal.views.detail import render_request
from scotty.tickets import services
from scotty.tickets.models import Channel
from scotty.tickets.services import ReplyOutcome


def _refused(
    request: HttpRequest,
    reference: str,
    error: DomainError,
    *,
    reply_form: ReplyForm | None = None,
    reject_form: RejectForm | None = None,
) -> HttpResponse:
    status = status_for(error)
    message = show_error(reply_form or reject_form, error)
    # Reloaded: the refused service may have touched the ticket object in memory.
    access = load(request, reference)
    return render_request(
        request, access, status=status, reply_form=reply_form, reject_form=reject_form,
        error=message,
    )  # fmt: skip


def _reply_notice(reference: str, outcome: ReplyOutcome) -> str:
    if outcome.ticket.reference != reference:
        return (
            f"{reference} was already closed, so we opened a new request, "
            f"{outcome.ticket.reference}, with your message. It links back to {reference}."
        )
    if outcome.reopened:
        return "Your reply was sent, and we have reopened your request."
    return "Your reply was sent."


@login_required
@require_POST
def reply(request: HttpRequest, reference: str) -> HttpResponse:
    access = load(request, reference)
    form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid():
        return render_request(request, access, status=400, reply_form=form)
    try:
        outcome = services.add_reply(
            access.ticket, author=person_of(request), body=form.cleaned_data["body"],
            files=form.cleaned_data["attachments"], channel=Channel.PORTAL, as_requester=True,
        )  # fmt: skip
    except DomainError as error:
        return _refused(request, reference, error, reply_form=form)
    messages.success(request, _reply_notice(access.ticket.reference, outcome))
    return redirect("portal:request", reference=outcome.ticket.reference)


@login_required
@require_POST
def confirm(request: HttpRequest, reference: str) -> HttpResponse:
    access = load(request, reference)
    try:
        services.confirm_resolution(access.ticket, requester=person_of(request))
    except DomainError as error:
        return _refused(request, reference, error)
    messages.success(request, "Thank you for confirming. Your request is now closed.")
    return redirect("portal:request", reference=access.ticket.reference)


@login_required
@require_POST
def reopen(request: HttpRequest, reference: str) -> HttpResponse:
    access = load(request, reference)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return render_request(request, access, status=400, reject_form=form)
    try:
        landed = services.reject_resolution(
            access.ticket, requester=person_of(request), reason=form.cleaned_data["reason"]
        )
    except DomainError as error:
        return _refused(request, reference, error, reject_form=form)
    if landed.pk != access.ticket.pk:  # past the reopen window: a linked follow-up
        messages.success(
            request, f"Sorry it is not fixed. We opened {landed.reference}, linked to this one."
        )
    else:
        messages.success(request, "Sorry it is not fixed yet. We have reopened your request.")
    return redirect("portal:request", reference=landed.reference)
