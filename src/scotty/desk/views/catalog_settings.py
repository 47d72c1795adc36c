"""A unit's service catalog, for its managers (and administrators): its services,
offered or not, with their audience and calendar, and each service's request types
(at most one of each kind): where their tickets go and what they start with. Their
forms are edited in `catalog_forms_editor`; all is saved through `catalog.offering`.

Who may: the same rule as the other unit settings pages (`units._unit`): 404 for
anyone who does not manage the unit, as the desk never says a page exists.
"""

from collections.abc import Callable

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from scotty.catalog import offering
from scotty.catalog.models import RequestKind, RequestType, Service
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.catalog_forms import RequestTypeForm, ServiceForm, attempt, first_problem
from scotty.desk.views.units import _unit


def submit(form: Form | None, save: Callable[[], object], *,
           again: Callable[[str, int], HttpResponse],
           done: Callable[[], HttpResponse]) -> HttpResponse:  # fmt: skip
    """Every catalog settings POST: the form's shape checked, one service call, then
    `done()`; else the page `again`, with what was refused and the status to answer."""
    if form is not None and not form.is_valid():
        return again(first_problem(form), 400)
    refused = attempt(form, save)
    return again(*refused) if refused else done()


def saved(request: DeskRequest, notice: str, to: str, **kwargs: object) -> HttpResponse:
    """`notice` on the page `to`, where the change shows."""
    messages.success(request, notice)
    return redirect(reverse(to, kwargs=kwargs))


def unit_service(request: DeskRequest, prefix: str, service_id: int) -> Service:
    """The service, if it is of a unit this person manages; 404 otherwise."""
    unit = _unit(request, prefix)
    return get_object_or_404(Service.objects.select_related("unit"), pk=service_id, unit=unit)


def service_request_type(request: DeskRequest, prefix: str, service_id: int,
                         kind: str) -> RequestType:  # fmt: skip
    """The service's request type of this kind (for a unit this person manages)."""
    service = unit_service(request, prefix, service_id)
    found = get_object_or_404(RequestType, service=service, kind=kind)
    found.service = service  # its unit is needed by every page, already loaded
    return found


@agent_required()
def unit_services(request: DeskRequest, prefix: str) -> HttpResponse:
    """Every service of the unit (offered first), with the ways to ask for each."""
    unit = _unit(request, prefix)
    found = (Service.objects.filter(unit=unit).prefetch_related("request_types")
             .order_by("-is_active", "name"))  # fmt: skip
    context = {"unit": unit, "services": list(found), "active": "units"}
    return render(request, "desk/catalog/services.html", context)


def _service_page(request: DeskRequest, service: Service, form: ServiceForm,
                  problem: str = "", status: int = 200) -> HttpResponse:  # fmt: skip
    kinds = []
    if service.pk:
        existing = {t.kind: t for t in service.request_types.all()}
        kinds = [(kind, label, existing.get(kind)) for kind, label in RequestKind.choices]
    context = {"unit": service.unit, "service": service, "form": form, "kinds": kinds,
               "problem": problem, "active": "units"}  # fmt: skip
    return render(request, "desk/catalog/service.html", context, status=status)


def _edit_service(request: DeskRequest, service: Service) -> HttpResponse:
    form = ServiceForm(request.POST or None, service=service)
    if request.method != "POST":
        return _service_page(request, service, form)

    def save() -> None:
        form.apply(service)
        offering.save_service(service, actor=request.user,
                              departments=form.cleaned_data["departments"],
                              locations=form.cleaned_data["locations"])  # fmt: skip

    def again(problem: str, status: int) -> HttpResponse:
        if service.pk:
            service.refresh_from_db()  # the heading says what is saved, not what was sent
        return _service_page(request, service, form, problem, status)

    return submit(form, save, again=again, done=lambda: saved(
        request, gettext("Service %(name)s saved.") % {"name": service.name},
        "desk:service", prefix=service.unit.prefix, service_id=service.pk))  # fmt: skip


@agent_required()
def new_service(request: DeskRequest, prefix: str) -> HttpResponse:
    """A new service of the unit."""
    return _edit_service(request, Service(unit=_unit(request, prefix)))


@agent_required()
def service(request: DeskRequest, prefix: str, service_id: int) -> HttpResponse:
    """One service: its words, audience, calendar, and its request types."""
    return _edit_service(request, unit_service(request, prefix, service_id))


def type_page(request: DeskRequest, template: str, record: RequestType, *, problem: str = "",
              status: int = 200, **context: object) -> HttpResponse:  # fmt: skip
    """A page of one request type (where it goes, its form, a question, the preview)."""
    shared = {"unit": record.service.unit, "service": record.service, "record": record,
              "problem": problem, "active": "units"}  # fmt: skip
    return render(request, f"desk/catalog/{template}.html", shared | context, status=status)


@agent_required()
def request_type(request: DeskRequest, prefix: str, service_id: int, kind: str) -> HttpResponse:
    """A way to ask for the service ("Something is broken", "I need something"): made
    on first save, since a service has at most one of each kind."""
    owner = unit_service(request, prefix, service_id)
    if kind not in RequestKind.values:
        raise Http404(gettext("No such page."))
    record = RequestType.objects.filter(service=owner, kind=kind).first()
    record = record or RequestType(service=owner, kind=kind)
    record.service = owner
    form = RequestTypeForm(request.POST or None, request_type=record)
    if request.method != "POST":
        return type_page(request, "request_type", record, form=form)

    def save() -> None:
        form.apply(record)
        offering.save_request_type(record, actor=request.user)

    return submit(
        form, save,
        again=lambda problem, status: type_page(request, "request_type", record, form=form,
                                                problem=problem, status=status),
        done=lambda: saved(request, gettext("%(type)s saved.") % {"type": record},
                           "desk:service", prefix=owner.unit.prefix, service_id=owner.pk),
    )  # fmt: skip
