"""The demo's business calendars and SLA policies, made through the catalog's services."""

from datetime import date

from django.utils import timezone

from scotty.accounts.models import Department, SupportUnit
from scotty.catalog import services
from scotty.catalog.models import (
    BusinessCalendar,
    Service,
    SlaPolicy,
    SlaTarget,
    UnitAssignment,
    UnitCalendar,
)
from scotty.demo.content import service_levels as content


def create_service_levels(units: dict[str, SupportUnit]) -> None:
    """Each demo calendar, with the company's days off this year and next, linked to the
    units (by prefix) that work by it; then the units' SLA and OLA policies and how
    they assign new tickets."""
    this_year = timezone.localdate().year
    for spec in content.CALENDARS:
        country, region = content.HOLIDAYS if spec.holidays else ("", "")
        record = BusinessCalendar(name=spec.name, time_zone=content.TIME_ZONE,
                                  holiday_country=country, holiday_subdivision=region)  # fmt: skip
        services.set_opening_hours(record, spec.hours)
        if spec.holidays:
            for year in (this_year, this_year + 1):
                for month, day, name in content.COMPANY_DAYS_OFF:
                    services.add_closing_day(record, date(year, month, day), name)
        UnitCalendar.objects.bulk_create(
            UnitCalendar(unit=units[prefix], calendar=record)
            for prefix in spec.units
            if prefix in units
        )
    for policy_spec in content.POLICIES:
        if policy_spec.unit not in units:
            continue
        policy = SlaPolicy.objects.create(
            unit=units[policy_spec.unit], kind=policy_spec.kind, name=policy_spec.name,
            pause_on_third_party=policy_spec.pause_on_third_party,
        )  # fmt: skip
        SlaTarget.objects.bulk_create(
            SlaTarget(
                policy=policy,
                priority=priority,
                first_response_minutes=round(first * 60) if first else None,
                resolution_minutes=round(resolution * 60),
            )
            for priority, (first, resolution) in policy_spec.targets.items()
        )
    UnitAssignment.objects.bulk_create(
        UnitAssignment(unit=units[prefix], rule=rule)
        for prefix, rule in content.ASSIGNMENT.items()
        if prefix in units
    )
    create_services(units)


def create_services(units: dict[str, SupportUnit]) -> None:
    """The demo's first catalog: a few services per unit, some for some departments."""
    departments = {d.name: d for d in Department.objects.all()}
    for offer in content.SERVICES:
        if offer.unit not in units:
            continue
        service = Service.objects.create(
            unit=units[offer.unit], name=offer.name, summary=offer.summary,
            who_may_ask=offer.who_may_ask, what_you_get=offer.what_you_get,
            how_long=offer.how_long, keywords=offer.keywords,
        )  # fmt: skip
        service.departments.set([departments[n] for n in offer.departments if n in departments])
