"""What a requester does on their request: reply, confirm the fix, say it is not fixed.

Each is a POST that calls one service and redirects (works without JavaScript). When
the service refuses, the request page is shown again with the message next to the
form and what the person typed still in it; the service saved nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from scotty.core.errors import DomainError
from scotty.core.http import status_for
from scotty.core.once import once
from scotty.core.uploads import refuse_skipped_files
from scotty.portal.forms import RejectForm, ReplyForm, show_error
from scotty.portal.views.common import load, person_of
from scotty.portal.views.detail import render_request
from scotty.tickets import services
from scotty.tickets.models import Channel
from scotty.tickets.selectors import TicketAccess
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
    landed = outcome.ticket.reference
    if landed != reference and outcome.message is None:
        return gettext(
            "%(reference)s was already closed, so we opened a new request, %(new)s, "
            "with your message. It links back to %(reference)s."
        ) % {"reference": reference, "new": landed}
    if landed != reference:
        return gettext(
            "%(reference)s is closed, so we added your message to your follow-up request %(new)s."
        ) % {"reference": reference, "new": landed}
    if outcome.reopened:
        return gettext("Your reply was sent, and we have reopened your request.")
    return gettext("Your reply was sent.")


@login_required
@require_POST
def reply(request: HttpRequest, reference: str) -> HttpResponse:
    access = load(request, reference)
    form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid() or not refuse_skipped_files(request, form):
        return render_request(request, access, status=400, reply_form=form)
    person, data = person_of(request), form.cleaned_data

    def send() -> dict[str, str]:
        outcome = services.add_reply(
            access.ticket, author=person, body=data["body"], files=data["attachments"],
            channel=Channel.PORTAL, as_requester=True,
        )  # fmt: skip
        notice = _reply_notice(access.ticket.reference, outcome)
        return {"reference": outcome.ticket.reference, "notice": notice}

    try:
        sent, _ = once(person.pk, data["once"], send)  # a double submit sends once
    except DomainError as error:
        return _refused(request, reference, error, reply_form=form)
    messages.success(request, sent["notice"])
    return redirect("portal:request", reference=sent["reference"])


@login_required
@require_POST
def confirm(request: HttpRequest, reference: str) -> HttpResponse:
    access = load(request, reference)
    try:
        services.confirm_resolution(access.ticket, requester=person_of(request))
    except DomainError as error:
        return _refused(request, reference, error)
    messages.success(request, gettext("Thank you for confirming. Your request is now closed."))
    return redirect("portal:request", reference=access.ticket.reference)


@login_required
@require_POST
def reopen(request: HttpRequest, reference: str) -> HttpResponse:
    access = load(request, reference)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return render_request(request, access, status=400, reject_form=form)
    person, reason = person_of(request), form.cleaned_data["reason"]

    def say_not_fixed() -> dict[str, str]:
        outcome = services.reject_resolution(access.ticket, requester=person, reason=reason)
        return {"reference": outcome.ticket.reference, "notice": _not_fixed_notice(access, outcome)}

    try:
        said, _ = once(person.pk, form.cleaned_data["once"], say_not_fixed)
    except DomainError as error:
        return _refused(request, reference, error, reject_form=form)
    messages.success(request, said["notice"])
    return redirect("portal:request", reference=said["reference"])


def _not_fixed_notice(access: TicketAccess, outcome: ReplyOutcome) -> str:
    if outcome.ticket.pk == access.ticket.pk:
        return gettext("Sorry it is not fixed yet. We have reopened your request.")
    if outcome.message is None:  # past the reopen window: a linked follow-up
        return gettext("Sorry it is not fixed. We opened %(reference)s, linked to this one.") % {
            "reference": outcome.ticket.reference
        }
    return _reply_notice(access.ticket.reference, outcome)
