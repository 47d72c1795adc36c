"""Queue pages: one list per question an agent asks, with filters, a keyset cursor and
an action bar for the ticked rows (`views/bulk.py`)."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from scotty.accounts.models import Person, SupportUnit
from scotty.accounts.selectors import groups_of
from scotty.catalog.selectors import questions_asked, services_of
from scotty.core.errors import NotFound
from scotty.core.lookups import ByKey
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.forms import BulkAction, BulkForm, QueueFilterForm
from scotty.desk.views.tickets import wants_fragment
from scotty.tickets import queues
from scotty.tickets.counts import desk_counts
from scotty.tickets.models import NOTHING_DUE, Ticket
from scotty.tickets.queues import Queue, QueueFilters
from scotty.tickets.selectors import desk_units

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Columns(ByKey):  # read on every row
    """Which optional columns a ticket table shows: one that would read the same on
    every row says nothing and takes room from the next step and last activity."""

    requester: bool = True
    status: bool = True
    unit: bool = True
    assignee: bool = True
    due: bool = False  # only when a row has something due


def columns_for(
    person: Person, chosen: Queue, tickets: list[Ticket], filters: QueueFilters | None = None
) -> Columns:
    """Drop what the queue, its filters or the agent's units already fix: the assignee
    on the agent's own queues and on unassigned tickets, the status or requester a
    filter chose, and the unit when the agent works for one (or filtered on one) and
    every row is both worked and owned there."""
    filters = filters or QueueFilters()
    units = desk_units(person)
    unit = filters.unit_id or (units[0] if units is not None and len(units) == 1 else None)
    same_unit = unit is not None and all(
        t.working_unit_id == unit and t.owning_unit_id == unit for t in tickets
    )
    fixed_assignee = (
        chosen.assigned_to_me
        or chosen.slug == "unassigned"
        or filters.unassigned
        or filters.assignee_id is not None
        or bool(filters.assignee_email)
    )
    return Columns(
        requester=not filters.requester_email,
        status=not filters.status,
        unit=not same_unit,
        assignee=not fixed_assignee,
        due=any(t.due_at != NOTHING_DUE for t in tickets),
    )


def bulk_bar(units: list[SupportUnit]) -> dict[str, list[tuple[object, "StrOrPromise"]]]:
    """The choices of the action bar, the same the BulkForm accepts."""
    fields = BulkForm.base_fields
    return {
        "actions": list(BulkAction.choices),
        "statuses": list(fields["status"].choices)[1:],  # type: ignore[attr-defined]
        "priorities": list(fields["priority"].choices)[1:],  # type: ignore[attr-defined]
        "units": [(u.pk, u.name) for u in units],
    }


def filter_choices(query: Any, units: list[int] | None) -> dict[str, Any]:
    """The filter bar's services and groups (of the agent's units), and, once a service
    is chosen, the questions its forms asked (one query each)."""
    service = str(query.get("service", ""))
    questions = questions_asked(int(service)) if service.isdigit() and len(service) < 12 else []
    return {"services": services_of(units), "groups": groups_of(units), "questions": questions}


@agent_required()
def queue(request: DeskRequest, slug: str) -> HttpResponse:
    try:
        chosen = queues.queue(slug)
    except NotFound as error:
        raise Http404(error.message) from None
    every_unit = list(SupportUnit.objects.all())  # for transfers; the filter lists mine
    mine = desk_units(request.user)
    units = [u for u in every_unit if mine is None or u.pk in mine]
    form = QueueFilterForm(request.GET, units=units, sorts=chosen.sorts,
                           **filter_choices(request.GET, mine))  # fmt: skip
    filters = form.filters()
    page = queues.queue_page(
        request.user, slug, filters=filters, sort=form.chosen_sort(), after=form.cursor()
    )
    context = {
        "queue": chosen,
        "form": form,
        "page": page,
        "columns": columns_for(request.user, chosen, page.tickets, filters),
        "active": slug if chosen.listed else "home",
    }
    if wants_fragment(request):  # the filter bar or "next page" asked for the rows only
        response = render(request, "desk/queue.html#results", context)
    else:
        context["counts"] = desk_counts(request.user)
        context["bulk"] = bulk_bar(every_unit)
        response = render(request, "desk/queue.html", context)
    patch_vary_headers(response, ("HX-Request",))
    return response
