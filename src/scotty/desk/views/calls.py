"""Logging a phone call or a walk-in as a ticket, in as few keystrokes as possible."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from scotty.accounts.selectors import units_of
from scotty.core.errors import DomainError
from scotty.core.once import once
from scotty.core.uploads import refuse_skipped_files
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.forms import LogCallForm
from scotty.tickets import services


def _open(request: DeskRequest, form: LogCallForm) -> dict[str, str]:
    data = form.cleaned_data
    ticket = services.open_ticket(
        actor=request.user,
        requester=data["requester"],
        unit=data["unit"],
        title=data["title"],
        description=data["description"],
        channel=data["channel"],
        impact=data["impact"],
        urgency=data["urgency"],
        files=data["attachments"],
    )
    return {
        "reference": ticket.reference,
        "notice": f"{ticket.reference} opened for {ticket.requester}.",
    }


@agent_required()
def log_call(request: DeskRequest) -> HttpResponse:
    posted = request.method == "POST"
    units = list(units_of(request.user))
    form = LogCallForm(request.POST if posted else None, request.FILES or None, units=units)
    error = ""
    if posted and form.is_valid() and refuse_skipped_files(request, form):
        try:
            # A double submit logs the call once and answers like the first time.
            opened, _ = once(
                request.user.pk, form.cleaned_data["once"], lambda: _open(request, form)
            )
        except DomainError as refused:
            error = refused.message
        else:
            messages.success(request, opened["notice"])
            return redirect("desk:ticket", reference=opened["reference"])
    context = {"form": form, "error": error, "active": "log_call"}
    return render(request, "desk/log_call.html", context, status=400 if posted else 200)
