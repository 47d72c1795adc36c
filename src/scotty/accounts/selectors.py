"""Questions about people: who is an agent, of which units, finding people by name or
e-mail, and which sign-ins are locked."""

from dataclasses import dataclass
from datetime import UTC, datetime

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.db.models import Count, F, FilteredRelation, Max, Q, QuerySet, Sum
from django.utils import timezone

from scotty.accounts import throttle
from scotty.accounts.email_address import normalise_email
from scotty.accounts.models import (
    Absence,
    AgentGroup,
    Person,
    SupportUnit,
    UnitMembership,
    UnitRole,
)


def _memberships(person: Person) -> list[tuple[int, str]]:
    """(unit id, role) for each unit the person works for, read once per request.

    Cached on the person object: views and templates ask several times per request.
    """
    cached: list[tuple[int, str]] | None = getattr(person, "_scotty_memberships", None)
    if cached is None:
        cached = list(UnitMembership.objects.filter(person=person).values_list("unit_id", "role"))
        person._scotty_memberships = cached  # type: ignore[attr-defined]
    return cached


def unit_ids_of(person: Person) -> list[int]:
    """The ids of the support units this person works for (empty for a requester)."""
    return [unit_id for unit_id, _ in _memberships(person)]


def manages_any_unit(person: Person) -> bool:
    """Does the person manage a unit (or administer Scotty)? No query after the first."""
    return person.is_superuser or any(role == UnitRole.MANAGER for _, role in _memberships(person))


def is_agent(person: Person) -> bool:
    """Agents work tickets for at least one unit; administrators count as agents."""
    return person.is_authenticated and (person.is_superuser or bool(unit_ids_of(person)))


def is_manager_of(person: Person, unit: SupportUnit) -> bool:
    """Does the person manage this unit (or administer Scotty)? Memberships are cached."""
    return person.is_superuser or (unit.pk, UnitRole.MANAGER) in _memberships(person)


def managed_units(person: Person) -> QuerySet[SupportUnit]:
    """The units whose settings this person may change: those they manage (all, for an
    administrator)."""
    if person.is_superuser:
        return SupportUnit.objects.order_by("name")
    return SupportUnit.objects.filter(
        memberships__person=person, memberships__role=UnitRole.MANAGER
    ).order_by("name")


def units_of(person: Person) -> QuerySet[SupportUnit]:
    """The units a person works for; every unit for an administrator."""
    if person.is_superuser:
        return SupportUnit.objects.all()
    return SupportUnit.objects.filter(id__in=unit_ids_of(person))


def units_for_requests() -> QuerySet[SupportUnit]:
    """The units a requester may file with, the front line first.

    Every unit today; the catalog issue narrows this by department.
    """
    return SupportUnit.objects.order_by("-is_front_line", "name")


@dataclass(frozen=True)
class Member:
    """Someone who works for a unit, as its managers see them on the unit page."""

    person: Person
    role: str
    open_here: int  # open tickets worked by this unit and assigned to them
    open_elsewhere: int  # open tickets assigned to them in their other units


def unit_members(units: list[SupportUnit]) -> dict[int, list[Member]]:
    """The agents and managers of each unit (by unit id, by name) with their open load:
    one query for every unit and person, however many there are.
    """
    rows = (
        UnitMembership.objects.filter(unit__in=units)
        .select_related("person")
        # Open tickets only in the join itself, so it reads the (assignee, is_open) index
        # instead of every ticket a long-serving agent ever had.
        .annotate(
            open_assigned=FilteredRelation(
                "person__assigned_tickets", condition=Q(person__assigned_tickets__is_open=True)
            )
        )
        .annotate(
            open_all=Count("open_assigned"),
            open_here=Count("open_assigned", filter=Q(open_assigned__working_unit=F("unit"))),
        )
        .order_by("person__full_name", "person_id")
    )
    members: dict[int, list[Member]] = {unit.pk: [] for unit in units}
    for row in rows:
        here: int = row.open_here
        members[row.unit_id].append(Member(row.person, row.role, here, row.open_all - here))
    return members


def find_people(
    query: str, *, limit: int = 10, agents_only: bool = False, unit_id: int | None = None
) -> list[Person]:
    """People whose name or e-mail contains the text typed so far, for pickers.

    `agents_only` keeps agents of any unit, `unit_id` agents of that unit. Bounded by
    `limit`, so a picker never lists the whole organisation.
    """
    query = query.replace("\x00", "").strip()[:100]
    if len(query) < 2:
        return []
    # E-mails are stored in lower case, so the typed prefix in lower case finds them on
    # every database and in every alphabet (SQLite's own case folding covers ASCII only).
    people = Person.objects.filter(is_active=True).filter(
        Q(full_name__icontains=query) | Q(email__startswith=normalise_email(query))
    )
    if unit_id is not None:
        people = people.filter(memberships__unit_id=unit_id)
    elif agents_only:
        people = people.filter(memberships__isnull=False).distinct()
    return list(people.select_related("department", "location").order_by("full_name")[:limit])


def places_of(person: Person) -> tuple[str, str]:
    """The person's department and location names ("" for none), in one query: the
    requester card read them as two lazy lookups (joining them into the ticket's own
    query made PostgreSQL plan it three times as long)."""
    if person.department_id is None and person.location_id is None:
        return "", ""
    found = Person.objects.filter(pk=person.pk).values_list("department__name", "location__name")
    department, location = next(iter(found), (None, None))
    return department or "", location or ""


def person_by_email(email: str) -> Person | None:
    """The person with this e-mail address, however it is capitalised; None if nobody.

    Deactivated people are included (mail from someone who left still belongs to their
    history); callers that need an active account check `is_active`.
    """
    address = normalise_email(email or "")
    if not address:
        return None
    return Person.objects.filter(email=address).first()


@dataclass(frozen=True)
class SignInLock:
    """A sign-in currently refused, as the administrators' sign-in locks page lists it.

    `kind` is "account": one e-mail from one address failed too often (django-axes), or
    "address": one address tried too many sign-ins across all e-mails (the throttle).
    """

    kind: str
    address: str  # an IP address, an IPv6 /64, or "unknown"
    since: datetime  # account: the latest failure (the lock counts from it); address: ran dry
    until: datetime
    attempts: int  # account: failures; address: attempts turned away
    email: str = ""  # account locks only
    person: Person | None = None  # the account's owner, if the e-mail has one


def sign_in_locks() -> list[SignInLock]:
    """Every sign-in lock in force now: account locks, then held-back addresses.

    An account lock lasts the cool-off (AXES_COOLOFF_TIME) from its latest failure, as
    axes counts it; an address is held back until its next throttle token is due.
    """
    return _account_locks() + [
        SignInLock(
            kind="address",
            address=bucket.address,
            since=bucket.held_since or bucket.counted_at,
            until=bucket.held_until or bucket.counted_at,
            attempts=bucket.refused,
        )
        for bucket in throttle.held_buckets()
    ]


_FOREVER = datetime.max.replace(tzinfo=UTC)  # no cool-off: locked until lifted


def _account_locks() -> list[SignInLock]:
    cool_off = get_cool_off()
    attempts = AccessAttempt.objects.all()
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    rows = list(
        attempts.values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), latest=Max("attempt_time"))
        .filter(failures__gte=get_failure_limit(None, None))
        .order_by("-latest")
    )
    emails = {normalise_email(r["username"]) for r in rows if r["username"]}
    owners = Person.objects.in_bulk(list(emails), field_name="email")
    return [
        SignInLock(
            kind="account",
            address=row["ip_address"] or throttle.UNKNOWN_ADDRESS,
            since=row["latest"],
            # Without a cool-off a lock lasts until someone lifts it.
            until=row["latest"] + cool_off if cool_off is not None else _FOREVER,
            attempts=row["failures"],
            email=row["username"] or "",
            person=owners.get(normalise_email(row["username"] or "")),
        )
        for row in rows
    ]


def coming_absences(person: Person) -> list[Absence]:
    """The person's own absences that have not ended yet, earliest first."""
    return list(Absence.objects.filter(person=person, ends__gte=timezone.localdate()))


def groups_of(unit_ids: list[int] | None) -> list[AgentGroup]:
    """The agent groups of these units (every unit's for None), by unit and name."""
    groups = AgentGroup.objects.select_related("unit").order_by("unit__name", "name")
    if unit_ids is not None:
        groups = groups.filter(unit_id__in=unit_ids)
    return list(groups)
