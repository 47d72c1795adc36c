"""Queue pages: one list per question an agent asks, with filters and a keyset cursor."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from scotty.accounts.selectors import units_of
from scotty.core.errors import NotFound
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.forms import QueueFilterForm
from scotty.desk.views.tickets import wants_fragment
from scotty.tickets import queues


@agent_required()
def queue(request: DeskRequest, slug: str) -> HttpResponse:
    try:
        chosen = queues.queue(slug)
    except NotFound as error:
        raise Http404(error.message) from None
    units = list(units_of(request.user))
    form = QueueFilterForm(request.GET, units=units, sorts=chosen.sorts)
    page = queues.queue_page(
        request.user, slug, filters=form.filters(), sort=form.chosen_sort(), after=form.cursor()
    )
    context = {"queue": chosen, "form": form, "page": page, "active": slug}
    if wants_fragment(request):  # the filter bar or "next page" asked for the rows only
        response = render(request, "desk/queue.html#results", context)
    else:
        context["counts"] = queues.queue_counts(request.user)
        response = render(request, "desk/queue.html", context)
    patch_vary_headers(response, ("HX-Request",))
    return response
