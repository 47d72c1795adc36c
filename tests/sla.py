"""Service levels for tests: an office-hours calendar and SLA/OLA policies per unit."""

from datetime import time

from scotty.accounts.models import SupportUnit
from scotty.catalog import services as catalog
from scotty.catalog.models import BusinessCalendar, PolicyKind, SlaPolicy, SlaTarget, UnitCalendar
from scotty.core.testing import Org


def office_hours(name: str) -> BusinessCalendar:
    """Monday to Friday, 09:00-17:00, Berlin, no public holidays."""
    record = BusinessCalendar(name=name, time_zone="Europe/Berlin")
    catalog.set_opening_hours(record, [(d, time(9), time(17)) for d in range(5)])
    return record


def policy(
    unit: SupportUnit,
    kind: str,
    resolution_hours: dict[int, int],
    first_response_hours: dict[int, int] | None = None,
    **kw: object,
) -> SlaPolicy:
    made = SlaPolicy.objects.create(unit=unit, kind=kind, name=f"{kind} of {unit}", **kw)
    for priority, hours in resolution_hours.items():
        first = (first_response_hours or {}).get(priority)
        SlaTarget.objects.create(policy=made, priority=priority, resolution_minutes=hours * 60,
                                 first_response_minutes=first * 60 if first else None)  # fmt: skip
    return made


def give_terms(org: Org) -> None:
    """IT and Infrastructure on office hours; IT's SLA (P4: 1 hour to answer, 4 to
    resolve; P3: 2 and 8; P1: 2 to resolve) and Infrastructure's OLA (P4 2 h, P1 1 h).
    Once: a second call changes nothing."""
    if UnitCalendar.objects.filter(unit=org.it).exists():
        return
    UnitCalendar.objects.create(unit=org.it, calendar=office_hours("IT office"))
    UnitCalendar.objects.create(unit=org.infra, calendar=office_hours("Infra office"))
    policy(org.it, PolicyKind.SLA, {4: 4, 3: 8, 1: 2}, {4: 1, 3: 2})
    policy(org.infra, PolicyKind.OLA, {4: 2, 1: 1})
