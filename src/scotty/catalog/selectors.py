"""What the catalog offers and promises, as the ticket services and pages read it: the
services a person may ask for, and a unit's SLA and OLA terms (targets by priority,
pausing, warning share) with the calendar they count in.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q, QuerySet

from scotty.accounts.models import Person
from scotty.catalog import calendars
from scotty.catalog.models import (
    BusinessCalendar,
    FormField,
    PolicyKind,
    Service,
    SlaPolicy,
    UnitCalendar,
)
from scotty.core.businesstime import Calendar
from scotty.search.text import fold


@dataclass(frozen=True)
class Terms:
    """One policy as a clock needs it."""

    policy_id: int
    name: str
    kind: str
    pause_on_third_party: bool
    warn_share: float  # 0.75 for "warn at 75 %"
    first_response: dict[int, timedelta]  # by priority (none for an OLA)
    resolution: dict[int, timedelta]
    calendar: Calendar
    calendar_name: str  # "" for around the clock (a unit without a calendar)


def terms_of(policy: SlaPolicy) -> Terms:
    """A policy's terms (two small queries: its calendar, its targets). A service's
    own SLA counts in the service's calendar when it has one, else in its unit's."""
    record = None
    if policy.service_id is not None:
        record = BusinessCalendar.objects.filter(services_timed=policy.service_id).first()
    if record is None:
        link = UnitCalendar.objects.filter(unit_id=policy.unit_id).select_related("calendar")
        found = link.first()
        record = found.calendar if found else None
    calendar = calendars.calendar_of(record) if record else calendars.around_the_clock()
    targets = list(policy.targets.all())
    return Terms(
        policy_id=policy.pk,
        name=policy.name,
        kind=policy.kind,
        pause_on_third_party=policy.pause_on_third_party,
        warn_share=policy.warn_at_percent / 100,
        first_response={
            t.priority: timedelta(minutes=t.first_response_minutes)
            for t in targets
            if t.first_response_minutes
        },
        resolution={t.priority: timedelta(minutes=t.resolution_minutes) for t in targets},
        calendar=calendar,
        calendar_name=record.name if record else "",
    )


def unit_policy(unit_id: int, kind: str = PolicyKind.SLA) -> SlaPolicy | None:
    """The unit's default SLA (or its OLA), if it has one."""
    return SlaPolicy.objects.filter(unit_id=unit_id, kind=kind, service__isnull=True).first()


def policy_for(unit_id: int, service_id: int | None) -> SlaPolicy | None:
    """The SLA a request owned by this unit follows: its service's own if it has one
    (a service's policy belongs to the service's unit: a ticket handed to another
    owner follows that owner's), else the unit's default."""
    if service_id is not None:
        own = SlaPolicy.objects.filter(
            service_id=service_id, unit_id=unit_id, kind=PolicyKind.SLA
        ).first()
        if own is not None:
            return own
    return unit_policy(unit_id)


def policy_terms(policy_id: int) -> Terms | None:
    policy = SlaPolicy.objects.filter(pk=policy_id).first()
    return terms_of(policy) if policy is not None else None


def unit_ola_terms(unit_id: int) -> Terms | None:
    policy = unit_policy(unit_id, PolicyKind.OLA)
    return terms_of(policy) if policy is not None else None


def calendars_by_unit() -> dict[int, Calendar]:
    """Every unit's calendar by unit id, in one query (units without one are missing:
    `calendars.around_the_clock()` is theirs)."""
    links = UnitCalendar.objects.values_list("unit_id", "calendar_id", "calendar__changed_at")
    return {unit: calendars.stored(calendar, changed) for unit, calendar, changed in links}


def offered_to(person: Person) -> QuerySet[Service]:
    """The services this person may see and ask for: offered, and meant for everyone or
    for their department or location. One rule for the catalog page, its search and the
    form that files a request (a hidden service cannot be asked for by URL either)."""
    everyone = Q(departments__isnull=True, locations__isnull=True)
    theirs = Q(departments=person.department_id) if person.department_id else Q(pk__in=[])
    if person.location_id:
        theirs |= Q(locations=person.location_id)
    visible = Service.objects.filter(everyone | theirs, is_active=True).values("pk")
    return Service.objects.filter(pk__in=visible).select_related("unit")


def find_services(person: Person, words: str) -> list[Service]:
    """The person's services whose name, summary or keywords hold every word typed
    (accents and case folded, word starts match: "lapt" finds "Laptop"). Catalogs are
    hundreds of rows, so this reads them and matches here."""
    wanted = [fold(w) for w in words.split()[:10] if w.strip()]
    found = []
    for service in offered_to(person):
        text = fold(" ".join((service.name, service.summary, service.keywords)))
        said = text.split()
        if all(any(w.startswith(term) for w in said) for term in wanted):
            found.append(service)
    return found


def services_of(unit_ids: list[int] | None) -> list[tuple[int, str]]:
    """(id, name) of the services these units own (every unit's for None), for the
    queues' service filter: offered or not, old tickets name them too."""
    services = Service.objects.order_by("name")
    if unit_ids is not None:
        services = services.filter(unit_id__in=unit_ids)
    return list(services.values_list("pk", "name"))


def questions_asked(service_id: int) -> list[tuple[str, str]]:
    """(key, question) of every question any version of the service's forms asked,
    the latest wording of each key first seen, for the queues' answer filter."""
    rows = (
        FormField.objects.filter(version__request_type__service_id=service_id)
        .order_by("-version__number", "position")
        .values_list("key", "label")
    )
    asked: dict[str, str] = {}
    for key, label in rows:
        asked.setdefault(key, label)
    return list(asked.items())
