"""Logging a phone call or a walk-in as a ticket, in as few keystrokes as possible.

As soon as the caller is picked, their open tickets show (`caller_tickets`), so the
agent adds to one instead of opening a duplicate. A caller who is not in Scotty yet is
added with the call; a call solved on the spot is resolved with it.
"""

import re

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from scotty.accounts.selectors import person_by_email, units_of
from scotty.core.errors import DomainError
from scotty.core.forms import error_on_field
from scotty.core.once import once
from scotty.core.uploads import refuse_skipped_files
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.forms import LogCallForm
from scotty.tickets import selectors, services

# The caller's open tickets listed at most; a link leads to all of them.
SHOWN = 5
# What looks like a whole address: only then does "nobody has it" mean something.
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _notice(reference: str, requester: str, *, solved: bool, added: bool) -> str:
    names = {"reference": reference, "name": requester}
    if solved:
        notice = gettext("%(reference)s opened and resolved during the call for %(name)s.") % names
    else:
        notice = gettext("%(reference)s opened for %(name)s.") % names
    if added:
        notice += " " + gettext("%(name)s was added to Scotty (no password yet).") % names
    return notice


def _open(request: DeskRequest, form: LogCallForm) -> dict[str, str]:
    data = form.cleaned_data
    caller = form.caller()
    ticket = services.log_call(
        actor=request.user,
        requester=caller,
        unit=data["unit"],
        title=data["title"],
        description=data["description"],
        channel=data["channel"],
        impact=data["impact"],
        urgency=data["urgency"],
        files=data["attachments"],
        assign_to_me=data["assign_to_me"],
        resolution=data["resolution"] if data["solved"] else None,
    )
    return {
        "reference": ticket.reference,
        "notice": _notice(
            ticket.reference,
            str(ticket.requester),
            solved=ticket.first_contact_resolution,
            added=isinstance(caller, services.NewRequester),
        ),
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
            # Beside the field it names (and in the list above the form); else on its own.
            error = "" if error_on_field(form, refused) else refused.message
        else:
            messages.success(request, opened["notice"])
            return redirect("desk:ticket", reference=opened["reference"])
    context = {"form": form, "error": error, "active": "log_call"}
    return render(request, "desk/log_call.html", context, status=400 if posted else 200)


@agent_required()
def caller_tickets(request: DeskRequest) -> HttpResponse:
    """The picked caller's open tickets in the agent's units (htmx, as the picker fills).

    Nothing until the field holds an e-mail address; a hint to add them when it is
    nobody's.
    """
    typed = request.GET.get("requester", "").strip()[:254]
    whole = bool(_ADDRESS.match(typed))
    caller = person_by_email(typed) if whole else None
    if caller is not None and not caller.is_active:
        caller = None
    tickets = selectors.open_tickets_of(request.user, caller, limit=SHOWN + 1) if caller else []
    context = {
        "typed": typed if whole else "",
        "caller": caller,
        "tickets": tickets[:SHOWN],
        "more": len(tickets) > SHOWN,
    }
    return render(request, "desk/_caller_tickets.html", context)
