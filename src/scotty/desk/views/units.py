"""Unit settings, for the managers of each unit (and administrators): how the unit
works, and who works for it (agents and managers, with their open load)."""

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from scotty.accounts import services
from scotty.accounts.models import Person, SupportUnit
from scotty.accounts.selectors import Member, managed_units, manages_any_unit, unit_members
from scotty.core.errors import Conflict, DomainError
from scotty.core.forms import error_on_field
from scotty.core.http import status_for
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.forms import MemberForm, UnitMemberForm, UnitSettingsForm
from scotty.desk.refusals import nothing_changed


@dataclass(frozen=True)
class UnitRow:
    unit: SupportUnit
    form: UnitSettingsForm
    members: list[Member]
    add_form: UnitMemberForm


def _managed(request: DeskRequest) -> list[SupportUnit]:
    units = list(managed_units(request.user))
    if not units:  # agents who manage nothing are not told the page exists
        raise Http404(gettext("No such page."))
    return units


def _unit(request: DeskRequest, prefix: str) -> SupportUnit:
    unit = next((u for u in _managed(request) if u.prefix == prefix), None)
    if unit is None:
        raise Http404(gettext("No such unit."))
    return unit


def _page(
    request: DeskRequest,
    forms: dict[int, UnitSettingsForm],
    problem: str = "",
    status: int = 200,
    changes: list[str] | None = None,
    add_forms: dict[int, UnitMemberForm] | None = None,
) -> HttpResponse:
    units = _managed(request)
    members = unit_members(units)  # one query for every unit on the page
    add_forms = add_forms or {}
    rows = [
        UnitRow(
            unit=u,
            form=forms.get(u.pk) or UnitSettingsForm(unit=u),
            members=members[u.pk],
            add_form=add_forms.get(u.pk) or UnitMemberForm(unit=u),
        )
        for u in units
    ]
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
    unit = _unit(request, prefix)
    form = UnitSettingsForm(request.POST, unit=unit)
    if not form.is_valid():
        problem = gettext("Nothing was saved: check the values.")
        return _page(request, {unit.pk: form}, problem, 400)
    data = form.cleaned_data
    try:
        services.update_unit_settings(
            unit, actor=request.user, description=data["description"],
            reopen_window_days=data["reopen_window_days"], expected_version=data["version"],
        )  # fmt: skip
    except Conflict as conflict:
        forms = {unit.pk: _again(request, unit)}
        return _page(request, forms, conflict.message, 409, changes=conflict.changes)
    except DomainError as error:
        error_on_field(form, error)  # beside the field it names, too
        return _page(request, {unit.pk: form}, error.message, status_for(error))
    messages.success(request, gettext("Settings of %(unit)s saved.") % {"unit": unit})
    return redirect("desk:units")


def _back(request: DeskRequest, notice: str) -> HttpResponse:
    messages.success(request, notice)
    # A manager who just stepped down from their only unit has no settings page left.
    return redirect("desk:units" if manages_any_unit(request.user) else "desk:home")


def _now_role(person: Person, role: str, unit: SupportUnit) -> str:
    return gettext("%(person)s is now %(role)s of %(unit)s.") % {
        "person": person,
        "role": services.role_wording(role),
        "unit": unit,
    }


def _first_error(form: UnitMemberForm | MemberForm) -> str:
    errors = [message for field_errors in form.errors.values() for message in field_errors]
    return nothing_changed(errors[0] if errors else "")


@agent_required()
@require_POST
def add_member(request: DeskRequest, prefix: str) -> HttpResponse:
    unit = _unit(request, prefix)
    form = UnitMemberForm(request.POST, unit=unit)
    if not form.is_valid():
        return _page(request, {}, _first_error(form), 400, add_forms={unit.pk: form})
    person, role = form.cleaned_data["person"], form.cleaned_data["role"]
    try:
        services.add_member(unit, actor=request.user, person=person, role=role)
    except DomainError as error:
        error_on_field(form, error)
        message = nothing_changed(error.message)
        return _page(request, {}, message, status_for(error), add_forms={unit.pk: form})
    return _back(request, _now_role(person, role, unit))


@agent_required()
@require_POST
def change_member_role(request: DeskRequest, prefix: str) -> HttpResponse:
    unit = _unit(request, prefix)
    form = MemberForm(request.POST, unit=unit)
    if not form.is_valid():
        return _page(request, {}, _first_error(form), 400)
    person, role = form.cleaned_data["person"], form.cleaned_data["role"]
    try:
        services.change_member_role(unit, actor=request.user, person=person, role=role)
    except DomainError as error:
        message = nothing_changed(error.message)
        return _page(request, {}, message, status_for(error))
    return _back(request, _now_role(person, role, unit))


@agent_required()
@require_POST
def remove_member(request: DeskRequest, prefix: str) -> HttpResponse:
    unit = _unit(request, prefix)
    form = MemberForm(request.POST, unit=unit)
    if not form.is_valid():
        return _page(request, {}, _first_error(form), 400)
    person = form.cleaned_data["person"]
    try:
        services.remove_member(unit, actor=request.user, person=person)
    except DomainError as error:
        message = nothing_changed(error.message)
        return _page(request, {}, message, status_for(error))
    return _back(
        request,
        gettext("%(person)s no longer works for %(unit)s.") % {"person": person, "unit": unit},
    )
