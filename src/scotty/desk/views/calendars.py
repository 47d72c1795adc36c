"""Business calendars, for administrators: the opening hours, time zone, public
holidays and closing days the units' service levels count in. Saving recounts the open
tickets of every unit that works by the calendar (catalog.services)."""

from datetime import time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from scotty.accounts.models import SupportUnit
from scotty.catalog import services
from scotty.catalog.models import BusinessCalendar
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.forms import CalendarForm, ClosingDayForm
from scotty.desk.views.administration import _require_administrator

# A new calendar starts as an office week, which is what most units keep.
OFFICE_WEEK = [(day, time(9), time(17)) for day in range(5)]


def _refused(form: CalendarForm | ClosingDayForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _edit_page(
    request: DeskRequest,
    record: BusinessCalendar,
    form: CalendarForm | None = None,
    closing: ClosingDayForm | None = None,
    status: int = 200,
) -> HttpResponse:
    units = SupportUnit.objects.filter(calendar_link__calendar=record).order_by("name")
    context = {
        "calendar": record,
        "form": form or CalendarForm(calendar=record),
        "closing": closing or ClosingDayForm(auto_id="closing-%s"),
        "closing_days": list(record.closing_days.all()),
        "units": list(units),
        "problem": gettext("Nothing was saved: check the values.") if status >= 400 else "",
        "active": "administration",
    }
    return render(request, "desk/calendar.html", context, status=status)


@agent_required()
def calendars(request: DeskRequest) -> HttpResponse:
    """Every calendar, and a new one."""
    _require_administrator(request)
    form = CalendarForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                record = services.save_calendar(
                    BusinessCalendar(), name=data["name"], time_zone=data["time_zone"],
                    holiday_country=data["holiday_country"],
                    holiday_subdivision=data["holiday_subdivision"],
                    hours=form.hours() or OFFICE_WEEK,
                )  # fmt: skip
            except ValidationError as error:
                _refused(form, error)
            else:
                messages.success(request, gettext("Calendar %(name)s made.") % {"name": record})
                return redirect("desk:calendar", calendar_id=record.pk)
        context = {"calendars": BusinessCalendar.objects.all(), "form": form,
                   "problem": gettext("Nothing was saved: check the values."),
                   "active": "administration"}  # fmt: skip
        return render(request, "desk/calendars.html", context, status=400)
    context = {"calendars": BusinessCalendar.objects.all(), "form": form, "problem": "",
               "active": "administration"}  # fmt: skip
    return render(request, "desk/calendars.html", context)


def _calendar(request: DeskRequest, calendar_id: int) -> BusinessCalendar:
    _require_administrator(request)
    return get_object_or_404(BusinessCalendar, pk=calendar_id)


@agent_required()
def calendar(request: DeskRequest, calendar_id: int) -> HttpResponse:
    record = _calendar(request, calendar_id)
    if request.method != "POST":
        return _edit_page(request, record)
    form = CalendarForm(request.POST, calendar=record)
    if not form.is_valid():
        return _edit_page(request, record, form=form, status=400)
    data = form.cleaned_data
    try:
        services.save_calendar(
            record, name=data["name"], time_zone=data["time_zone"],
            holiday_country=data["holiday_country"],
            holiday_subdivision=data["holiday_subdivision"], hours=form.hours(),
        )  # fmt: skip
    except ValidationError as error:
        record.refresh_from_db()
        _refused(form, error)
        return _edit_page(request, record, form=form, status=400)
    messages.success(request, gettext("Calendar %(name)s saved.") % {"name": record})
    return redirect("desk:calendar", calendar_id=record.pk)


@agent_required()
@require_POST
def add_closing_day(request: DeskRequest, calendar_id: int) -> HttpResponse:
    record = _calendar(request, calendar_id)
    form = ClosingDayForm(request.POST, auto_id="closing-%s")
    if form.is_valid():
        try:
            services.add_closing_day(record, form.cleaned_data["day"], form.cleaned_data["name"])
        except ValidationError as error:
            _refused(form, error)
        else:
            return redirect("desk:calendar", calendar_id=record.pk)
    return _edit_page(request, record, closing=form, status=400)


@agent_required()
@require_POST
def remove_closing_day(request: DeskRequest, calendar_id: int) -> HttpResponse:
    record = _calendar(request, calendar_id)
    form = ClosingDayForm({"day": request.POST.get("day", ""), "name": "-"})
    if not form.is_valid():
        raise Http404(gettext("No such closing day."))
    services.remove_closing_day(record, form.cleaned_data["day"])
    return redirect("desk:calendar", calendar_id=record.pk)
