"""Unit settings, for the managers of each unit (and administrators)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from scotty.accounts.models import SupportUnit
from scotty.accounts.selectors import managed_units
from scotty.accounts.services import update_unit_settings
from scotty.core.errors import Conflict, DomainError
from scotty.core.http import status_for
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.forms import UnitSettingsForm


def _managed(request: DeskRequest) -> list[SupportUnit]:
    units = list(managed_units(request.user))
    if not units:  # agents who manage nothing are not told the page exists
        raise Http404("No such page.")
    return units


def _page(
    request: DeskRequest,
    forms: dict[int, UnitSettingsForm],
    problem: str = "",
    status: int = 200,
    changes: list[str] | None = None,
) -> HttpResponse:
    rows = [(u, forms.get(u.pk) or UnitSettingsForm(unit=u)) for u in _managed(request)]
    context = {"rows": rows, "problem": problem, "changes": changes or [], "active": "units"}
    return render(request, "desk/units.html", context, status=status)


def _again(request: DeskRequest, unit: SupportUnit) -> UnitSettingsForm:
    # What the manager entered, now over the current version: saving it again is a
    # deliberate choice to overwrite what the other manager did.
    unit.refresh_from_db()
    data = request.POST.copy()
    data["version"] = str(unit.settings_version)
    form = UnitSettingsForm(data, unit=unit)
    form.is_valid()
    return form


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
    data = form.cleaned_data
    try:
        update_unit_settings(
            unit, actor=request.user, description=data["description"],
            reopen_window_days=data["reopen_window_days"], expected_version=data["version"],
        )  # fmt: skip
    except Conflict as conflict:
        forms = {unit.pk: _again(request, unit)}
        return _page(request, forms, conflict.message, 409, changes=conflict.changes)
    except DomainError as error:
        return _page(request, {unit.pk: form}, error.message, status_for(error))
    messages.success(request, f"Settings of {unit} saved.")
    return redirect("desk:units")
