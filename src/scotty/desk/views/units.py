"""Unit settings, for the managers of each unit (and administrators)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from scotty.accounts.models import SupportUnit
from scotty.accounts.selectors import managed_units
from scotty.accounts.services import update_unit_settings
from scotty.core.errors import DomainError
from scotty.core.http import status_for
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.forms import UnitSettingsForm


def _managed(request: DeskRequest) -> list[SupportUnit]:
    units = list(managed_units(request.user))
    if not units:  # agents who manage nothing are not told the page exists
        raise Http404("No such page.")
    return units


def _page(
    request: DeskRequest, forms: dict[int, UnitSettingsForm], problem: str = "", status: int = 200
) -> HttpResponse:
    rows = [(u, forms.get(u.pk) or UnitSettingsForm(unit=u)) for u in _managed(request)]
    context = {"rows": rows, "problem": problem, "active": "units"}
    return render(request, "desk/units.html", context, status=status)


@agent_required()
def unit_settings(request: DeskRequest) -> HttpResponse:
    return _page(request, {})


@agent_required()
@require_POST
def save_unit(request: DeskRequest, prefix: str) -> HttpResponse:
    unit = next((u for u in _managed(request) if u.prefix == prefix), None)
    if unit is None:
        raise Http404("No such unit.")
    form = UnitSettingsForm(request.POST, unit=unit)
    if not form.is_valid():
        return _page(request, {unit.pk: form}, "Nothing was saved: check the values.", 400)
    try:
        update_unit_settings(unit, actor=request.user, **form.cleaned_data)
    except DomainError as error:
        return _page(request, {unit.pk: form}, error.message, status_for(error))
    messages.success(request, f"Settings of {unit} saved.")
    return redirect("desk:units")
