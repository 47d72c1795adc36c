"""Pages of the same shape as the desk's, done the barest way: the fewest indexed queries
on the same tables, a plain template, no forms, no other middleware.

- a list: the signed-in agent's unit's 25 most urgent open tickets (the queue page);
- a ticket: the ticket and its messages (the ticket page);
- a write: append a message to a ticket and redirect (a reply).
"""

from pathlib import Path
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template import Context, Engine
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from scotty.accounts.models import UnitMembership
from scotty.tickets.models import Message, Ticket

# Its own template engine, so the pages also run in a process set up with Scotty's
# settings (bench/ratios.py measures them in-process too).
_ENGINE = Engine(dirs=[str(Path(__file__).resolve().parent / "templates")])


def render(template: str, context: dict[str, Any]) -> HttpResponse:
    return HttpResponse(_ENGINE.get_template(template).render(Context(context)))


def _theirs(request: HttpRequest) -> Q:
    """An agent's units' tickets; a requester's own (the portal's shape)."""
    units = list(
        UnitMembership.objects.filter(person_id=request.user.pk).values_list("unit_id", flat=True)
    )
    return Q(working_unit_id__in=units) if units else Q(requester_id=request.user.pk)


@login_required
def ticket_list(request: HttpRequest) -> HttpResponse:
    rows = (
        Ticket.objects.filter(_theirs(request), is_open=True)
        .order_by("priority", "id")
        .values("reference", "title", "status", "priority", "updated_at", "requester__full_name")[
            :25
        ]
    )
    return render("list.html", {"rows": rows})


@login_required
def ticket_page(request: HttpRequest, reference: str) -> HttpResponse:
    ticket = get_object_or_404(
        Ticket.objects.select_related("requester").filter(_theirs(request)),
        reference=reference,
    )
    messages = ticket.messages.select_related("author").order_by("created_at", "id")
    return render("ticket.html", {"ticket": ticket, "messages": messages})


@csrf_exempt  # the yardstick has no CSRF middleware to be fair to; nothing else is exempt
@login_required
def add_note(request: HttpRequest, reference: str) -> HttpResponse:
    ticket = get_object_or_404(Ticket.objects.filter(_theirs(request)), reference=reference)
    Message.objects.create(
        ticket=ticket, author_id=request.user.pk, kind="note", channel="desk",
        body=request.POST.get("body", ""), created_at=timezone.now(),
    )  # fmt: skip
    return HttpResponseRedirect(f"/yardstick/ticket/{reference}/")
