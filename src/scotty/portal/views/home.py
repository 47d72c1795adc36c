"""My requests: what the person filed or watches, open ones first."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from scotty.portal import presenters
from scotty.portal.views.common import person_of
from scotty.tickets.selectors import requester_tickets
from scotty.tickets.states import Status

# A person's own list is short; a plain numbered pager is enough.
PAGE_SIZE = 25
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
    context = {"page": page, "rows": presenters.rows(list(page), person)}
    return render(request, "portal/home.html", context)
