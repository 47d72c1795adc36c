"""The desk's front door: what to work on now, and the "go to ticket" box."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext

from scotty.core.errors import NotFound
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.views.queues import columns_for
from scotty.desk.views.tickets import wants_fragment
from scotty.tickets import queues
from scotty.tickets.counts import desk_counts
from scotty.tickets.selectors import access_ticket

# Enough to choose the next ticket; the queues hold the rest.
AT_A_GLANCE = 10


@agent_required(others_to="portal:home")
def home(request: DeskRequest) -> HttpResponse:
    """What needs me now, most pressing first; my tickets still waiting on someone else
    (folded, with their count: their rows come when the fold opens, `?part=waiting`);
    then what nobody in my units has taken yet."""
    agent = request.user
    if request.GET.get("part") == "waiting" and wants_fragment(request):
        return _waiting_rows(request)
    # The desk's list of queues and "needs my action": one query, or the cache (counts.py).
    *counts, needs_count = desk_counts(agent, also=("needs-action",))
    needs = queues.queue_page(agent, "needs-action", size=AT_A_GLANCE)
    unassigned = queues.queue_page(agent, "unassigned", size=AT_A_GLANCE)
    mine = next(c for c in counts if c.queue.slug == "mine")
    context = {
        "counts": counts,
        "needs": needs,
        "needs_count": needs_count,
        "waiting_count": queues.my_waiting_count(agent, mine, needs_count),
        "unassigned": unassigned,
        "columns": {
            "needs": columns_for(agent, queues.queue("needs-action"), needs.tickets),
            "unassigned": columns_for(agent, queues.queue("unassigned"), unassigned.tickets),
        },
        "active": "home",
    }
    response = render(request, "desk/home.html", context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _waiting_rows(request: DeskRequest) -> HttpResponse:
    # Most of the day the fold stays shut: its rows cost a query and a table only when
    # someone opens it.
    waiting = queues.queue_page(request.user, "my-waiting", size=AT_A_GLANCE)
    context = {
        "waiting": waiting,
        "columns": columns_for(request.user, queues.queue("my-waiting"), waiting.tickets),
    }
    response = render(request, "desk/home.html#waiting", context)
    patch_vary_headers(response, ("HX-Request",))
    return response


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
        messages.error(
            request,
            gettext("There is no ticket %(reference)s in your units.") % {"reference": reference},
        )
    else:
        messages.error(request, gettext("Type a ticket reference, like IT-1042."))
    return redirect("desk:home")
