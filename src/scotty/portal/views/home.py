"""The portal's front door, for the three questions people come with: how do I ...? (the
search box, then the articles most read and most recently changed among those this
person may read), where is my request? (what they filed or watch, open ones first), and
is something broken right now? (announcements: `portal/includes/announcements.html`)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from scotty.knowledge.reading import popular_articles, recent_articles
from scotty.portal import presenters
from scotty.portal.views.common import person_of
from scotty.tickets.selectors import requester_tickets
from scotty.tickets.states import Status

# A person's own list is short; a plain numbered pager is enough.
PAGE_SIZE = 25
ARTICLES = 5  # in each list of the front door: a glance, not a library
# Resolved requests wait for the person's "yes, it's fixed", so they stay with the open
# ones; only closed requests sink to the bottom.
_CLOSED_LAST = Case(
    When(status=Status.CLOSED, then=Value(1)), default=Value(0), output_field=IntegerField()
)


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    tickets = (
        requester_tickets(person)
        .select_related("requester", "working_unit")
        .order_by(_CLOSED_LAST, "-public_activity_at", "-id")
    )
    page = Paginator(tickets, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "rows": presenters.rows(list(page), person),
        "popular": popular_articles(person, limit=ARTICLES),
        "recent": recent_articles(person, limit=ARTICLES),
    }
    return render(request, "portal/home.html", context)
