"""A unit's service levels, for its managers (and administrators): the calendar it
works by, its SLA (the requester's promise) and its OLA (its part of tickets another
unit owns), targets per priority in business hours. Saving recomputes the unit's open
tickets (catalog.services)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from scotty.catalog import services
from scotty.catalog.models import (
    AssignmentRule,
    BusinessCalendar,
    PolicyKind,
    SlaPolicy,
    UnitAssignment,
    UnitCalendar,
)
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.forms import AssignmentForm, PolicyForm, UnitCalendarForm
from scotty.desk.views.units import _unit


def _forms(unit_id: int, data: QueryDict | None = None, which: str = "") -> dict[str, Form]:
    """The page's three forms, the one sent (`which`) bound to `data`."""
    found = SlaPolicy.objects.filter(unit_id=unit_id, service__isnull=True).prefetch_related(
        "targets"
    )
    policies = {p.kind: p for p in found}
    link = UnitCalendar.objects.filter(unit_id=unit_id).first()
    found_rule = UnitAssignment.objects.filter(unit_id=unit_id).first()
    rule = found_rule.rule if found_rule else AssignmentRule.MANUAL
    calendars = list(BusinessCalendar.objects.all())
    built: dict[str, Form] = {
        "calendar": UnitCalendarForm(calendars=calendars,
                                     initial={"calendar": link.calendar_id if link else ""}),
        PolicyKind.SLA: PolicyForm(kind=PolicyKind.SLA, policy=policies.get(PolicyKind.SLA)),
        PolicyKind.OLA: PolicyForm(kind=PolicyKind.OLA, policy=policies.get(PolicyKind.OLA)),
        "assignment": AssignmentForm(initial={"rule": rule}),
    }  # fmt: skip
    if data is not None and which == "assignment":
        built["assignment"] = AssignmentForm(data)
    elif data is not None and which == "calendar":
        built["calendar"] = UnitCalendarForm(data, calendars=calendars)
    elif data is not None and which in (PolicyKind.SLA, PolicyKind.OLA):
        built[which] = PolicyForm(data, kind=which, policy=policies.get(which))
    return built


def _page(request: DeskRequest, prefix: str, forms: dict[str, Form], problem: str = "",
          status: int = 200) -> HttpResponse:  # fmt: skip
    unit = _unit(request, prefix)
    context = {"unit": unit, "forms": forms, "problem": problem, "active": "units"}
    return render(request, "desk/service_levels.html", context, status=status)


@agent_required()
def service_levels(request: DeskRequest, prefix: str) -> HttpResponse:
    unit = _unit(request, prefix)
    if request.method != "POST":
        return _page(request, prefix, _forms(unit.pk))
    which = request.POST.get("which", "")
    forms = _forms(unit.pk, request.POST, which)
    form = forms.get(which)
    refused = gettext("Nothing was saved: check the values.")
    if not isinstance(form, (PolicyForm, UnitCalendarForm, AssignmentForm)) or not form.is_valid():
        return _page(request, prefix, forms, refused, 400)
    try:
        if isinstance(form, AssignmentForm):
            services.set_assignment_rule(unit, form.cleaned_data["rule"])
        elif isinstance(form, UnitCalendarForm):
            services.set_unit_calendar(unit, form.cleaned_data["calendar"])
        else:
            data = form.cleaned_data
            services.save_policy(
                unit, which, name=data["name"], targets=form.targets(),
                pause_on_third_party=data["pause_on_third_party"],
                warn_at_percent=data["warn_at_percent"],
            )  # fmt: skip
    except ValidationError as error:
        form.add_error(None, error)
        return _page(request, prefix, forms, refused, 400)
    messages.success(request, gettext("Service levels of %(unit)s saved; open tickets are "
                                      "recounted with them.") % {"unit": unit})  # fmt: skip
    return redirect("desk:service_levels", prefix=unit.prefix)
