"""Pages of the same shape as Scotty's, done the barest way: the same rows from the same
tables with the fewest indexed queries, model instances as any Django page has them, a
plain template, no forms, no other middleware.

- a queue: the rows the desk's queue page shows (the same queue condition and filters,
  the same order), with their requester, assignee, working unit, tags and unread mark;
- the desk's front door: its two lists ("needs my action" and "unassigned"), 10 each;
- my requests: the requester's latest 25 (filed or watched), as the portal lists them;
- a ticket: the ticket, its tags and watchers, and its timeline (events with their
  messages, authors and files; the requester's side sees the public ones);
- a write: append a note (the message, its event, the ticket's activity stamp) in one
  transaction and redirect.
"""

from pathlib import Path
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template import Context, Engine
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from scotty.accounts.models import UnitMembership
from scotty.tickets import queues
from scotty.tickets.models import EventKind, Message, Ticket, TicketEvent, TicketView

# Its own template engine, so the pages also run in a process set up with Scotty's
# settings (bench/ratios.py measures them in-process too).
_ENGINE = Engine(dirs=[str(Path(__file__).resolve().parent / "templates")])
_ROW_JOINS = ("requester", "assignee", "working_unit")


def render(template: str, context: dict[str, Any]) -> HttpResponse:
    return HttpResponse(_ENGINE.get_template(template).render(Context(context)))


def _units(request: HttpRequest) -> list[int]:
    return list(
        UnitMembership.objects.filter(person_id=request.user.pk).values_list("unit_id", flat=True)
    )


def _theirs(request: HttpRequest) -> Q:
    """An agent's units' tickets; a requester's own, filed or watched (the portal's)."""
    units = _units(request)
    if units:
        return Q(working_unit_id__in=units) | Q(owning_unit_id__in=units)
    filed = Ticket.objects.filter(requester_id=request.user.pk).values("id")
    watched = Ticket.watchers.through.objects.filter(person_id=request.user.pk)
    return Q(id__in=filed.union(watched.values("ticket_id")))  # two index lookups


def _rows(request: HttpRequest, slug: str, size: int) -> list[Ticket]:
    """The rows of one of the person's queues, as the desk's page shows them."""
    raw_priority = request.GET.get("priority")
    filters = queues.QueueFilters(
        status=request.GET.get("status", ""),
        priority=int(raw_priority) if raw_priority else None,
    )
    seen = TicketView.objects.filter(
        person_id=request.user.pk, ticket_id=OuterRef("pk"), seen_at__gte=OuterRef("updated_at")
    )
    tickets = (
        queues.queue_tickets(request.user, slug, filters)  # type: ignore[arg-type]
        .select_related(*_ROW_JOINS)
        .prefetch_related("tags")
        .annotate(seen=Exists(seen))
        .order_by("priority", "id")
    )
    return list(tickets[:size])


@login_required
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    return render("list.html", {"rows": _rows(request, slug, 25)})


@login_required
def home(request: HttpRequest) -> HttpResponse:
    lists = [
        ("Needs my action", _rows(request, "needs-action", 10)),
        ("Unassigned", _rows(request, "unassigned", 10)),
    ]
    return render("home.html", {"lists": lists})


@login_required
def requests(request: HttpRequest) -> HttpResponse:
    rows = (
        Ticket.objects.filter(_theirs(request))
        .select_related("requester", "working_unit")
        .order_by("-public_activity_at", "-id")[:25]
    )
    return render("requests.html", {"rows": rows})


@login_required
def ticket_page(request: HttpRequest, reference: str) -> HttpResponse:
    ticket = get_object_or_404(
        Ticket.objects.select_related(*_ROW_JOINS).filter(_theirs(request)),
        reference=reference,
    )
    events = ticket.events.select_related("actor", "message", "message__author")
    if not _units(request):
        events = events.filter(is_public=True)
    context = {
        "ticket": ticket,
        "tags": ticket.tags.all(),
        "watchers": ticket.watchers.all(),
        "events": events.prefetch_related("message__attachments").order_by("at", "id"),
    }
    return render("ticket.html", context)


@csrf_exempt  # the yardstick has no CSRF middleware to be fair to; nothing else is exempt
@login_required
def add_note(request: HttpRequest, reference: str) -> HttpResponse:
    ticket = get_object_or_404(Ticket.objects.filter(_theirs(request)), reference=reference)
    now = timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            ticket=ticket, author_id=request.user.pk, kind="note", channel="desk",
            body=request.POST.get("body", ""), created_at=now,
        )  # fmt: skip
        TicketEvent.objects.create(
            ticket=ticket, actor_id=request.user.pk, kind=EventKind.NOTE_ADDED,
            message=message, version=ticket.version, is_public=False, at=now,
        )  # fmt: skip
        Ticket.objects.filter(pk=ticket.pk).update(updated_at=now, updated_by=request.user.pk)
    return HttpResponseRedirect(f"/yardstick/ticket/{reference}/")
