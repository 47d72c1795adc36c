"""The operator's fallback for calendars (the desk's settings pages are the product's)."""

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from scotty.catalog import services
from scotty.catalog.models import (
    BusinessCalendar,
    ClosingDay,
    OpeningHours,
    Service,
    UnitCalendar,
)


class HoursFormSet(BaseInlineFormSet):  # type: ignore[type-arg]
    def clean(self) -> None:
        super().clean()
        hours = [
            (form.cleaned_data["weekday"], form.cleaned_data["opens"], form.cleaned_data["closes"])
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            services._check(self.instance, hours)
        except ValidationError as error:
            raise ValidationError(error.messages) from error


class HoursInline(admin.TabularInline):  # type: ignore[type-arg]
    model = OpeningHours
    formset = HoursFormSet
    extra = 0


class ClosingDayInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ClosingDay
    extra = 0


@admin.register(BusinessCalendar)
class BusinessCalendarAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "time_zone", "holiday_country", "holiday_subdivision")
    inlines = (HoursInline, ClosingDayInline)

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services._bump(form.instance)  # cached clocks read the edited calendar


admin.site.register(UnitCalendar)


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "unit", "is_active")
    list_filter = ("unit", "is_active")
    search_fields = ("name", "summary", "keywords")
    filter_horizontal = ("departments", "locations")
