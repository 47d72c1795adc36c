"""The desk's front door: what to work on now, and the "go to ticket" box."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from scotty.core.errors import NotFound
from scotty.desk.access import DeskRequest, agent_required
from scotty.tickets import queues
from scotty.tickets.selectors import access_ticket

# Enough to choose the next ticket; the queues hold the rest.
AT_A_GLANCE = 10


@agent_required(others_to="portal:home")
def home(request: DeskRequest) -> HttpResponse:
    """My open tickets by priority, then what nobody in my units has taken yet."""
    context = {
        "counts": queues.queue_counts(request.user),
        "mine": queues.queue_page(request.user, "mine", size=AT_A_GLANCE),
        "unassigned": queues.queue_page(request.user, "unassigned", size=AT_A_GLANCE),
        "active": "home",
    }
    return render(request, "desk/home.html", context)


@agent_required()
def go(request: DeskRequest) -> HttpResponse:
    """Open the ticket whose reference was typed (IT-1042), or say it is not there."""
    reference = request.GET.get("reference", "").replace("\x00", "").strip().upper()[:20]
    try:
        if reference and access_ticket(request.user, reference).as_agent:
            return redirect("desk:ticket", reference=reference)
    except NotFound:
        pass
    if reference:
        messages.error(request, f"There is no ticket {reference} in your units.")
    else:
        messages.error(request, "Type a ticket reference, like IT-1042.")
    return redirect("desk:home")
