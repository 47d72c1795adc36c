"""The demo's business calendars, SLA policies and services, made through the catalog's
services where it has them."""

from collections.abc import Mapping
from datetime import date

from django.utils import timezone

from scotty.accounts.models import Department, Location, Person, SupportUnit
from scotty.catalog import services
from scotty.catalog.models import (
    BusinessCalendar,
    Service,
    SlaPolicy,
    SlaTarget,
    UnitAssignment,
    UnitCalendar,
)
from scotty.catalog.offering import save_service
from scotty.demo.content import service_levels as content


def create_service_levels(units: dict[str, SupportUnit]) -> dict[str, BusinessCalendar]:
    """Each demo calendar, with the company's days off this year and next, linked to the
    units (by prefix) that work by it; then the units' SLA and OLA policies and how
    they assign new tickets. Returns the calendars by name (services' own among them)."""
    this_year = timezone.localdate().year
    made = {}
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
        made[spec.name] = record
    for policy_spec in content.POLICIES:
        if policy_spec.unit in units and not policy_spec.service:
            _create_policy(policy_spec, units[policy_spec.unit])
    UnitAssignment.objects.bulk_create(
        UnitAssignment(unit=units[prefix], rule=rule)
        for prefix, rule in content.ASSIGNMENT.items()
        if prefix in units
    )
    return made


def _create_policy(spec: content.PolicySpec, unit: SupportUnit,
                   service: Service | None = None) -> None:  # fmt: skip
    policy = SlaPolicy.objects.create(
        unit=unit, service=service, kind=spec.kind, name=spec.name,
        pause_on_third_party=spec.pause_on_third_party,
    )  # fmt: skip
    SlaTarget.objects.bulk_create(
        SlaTarget(
            policy=policy,
            priority=priority,
            first_response_minutes=round(first * 60) if first else None,
            resolution_minutes=round(resolution * 60),
        )
        for priority, (first, resolution) in spec.targets.items()
    )


def create_services(
    units: dict[str, SupportUnit],
    managers: Mapping[str, Person],
    calendars: Mapping[str, BusinessCalendar],
) -> dict[tuple[str, str], Service]:
    """The units' catalogs, each service saved by its unit's manager (some for some
    departments or sites only, one with its own calendar and SLA). Returns them by
    (unit prefix, name)."""
    departments = {d.name: d for d in Department.objects.all()}
    sites = {s.name: s for s in Location.objects.all()}
    made = {}
    for offer in content.SERVICES:
        if offer.unit not in units:
            continue
        service = Service(
            unit=units[offer.unit], name=offer.name, summary=offer.summary,
            who_may_ask=offer.who_may_ask, what_you_get=offer.what_you_get,
            how_long=offer.how_long, keywords=offer.keywords,
            calendar=calendars[offer.calendar] if offer.calendar else None,
        )  # fmt: skip
        save_service(
            service, actor=managers[offer.unit],
            departments=[departments[n] for n in offer.departments if n in departments],
            locations=[sites[n] for n in offer.locations if n in sites],
        )  # fmt: skip
        made[offer.unit, offer.name] = service
    for policy_spec in content.POLICIES:
        key = (policy_spec.unit, policy_spec.service)
        if key in made:
            _create_policy(policy_spec, units[policy_spec.unit], made[key])
    return made
