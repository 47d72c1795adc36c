"""Questions about people: who is an agent, of which units, and finding people by name."""

from django.db.models import Q, QuerySet

from scotty.accounts.models import Person, SupportUnit, UnitMembership, UnitRole


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
    people = Person.objects.filter(is_active=True).filter(
        Q(full_name__icontains=query) | Q(email__istartswith=query)
    )
    if unit_id is not None:
        people = people.filter(memberships__unit_id=unit_id)
    elif agents_only:
        people = people.filter(memberships__isnull=False).distinct()
    return list(people.select_related("department", "location").order_by("full_name")[:limit])
