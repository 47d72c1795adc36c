"""The demo organisation: units, departments, sites, support staff and requesters.

Written with `bulk_create` (a few hundred rows) rather than `accounts.services`, which
would hash the password once per person: with Argon2 that alone takes minutes. Every
person gets the same hash, made once.
"""

import random
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from scotty.accounts.models import (
    Department,
    Location,
    Person,
    SupportUnit,
    UnitMembership,
    UnitRole,
)
from scotty.demo.content import people
from scotty.demo.content.people import StaffSpec

DEMO_PASSWORD = "scotty-demo"  # noqa: S105 (printed on purpose: demo accounts only)


@dataclass(frozen=True)
class SignIn:
    role: str
    email: str


@dataclass
class Cast:
    """Everyone the ticket generator needs, indexed the ways it asks."""

    units: dict[str, SupportUnit]  # by prefix
    agents: dict[str, list[Person]]  # by unit prefix, managers included
    managers: dict[str, list[Person]]  # by unit prefix
    requesters: list[Person]
    admin: Person
    # Person id -> the prefixes of the units they work for (transfers keep or drop them).
    units_of: dict[int, frozenset[str]] = field(default_factory=dict)
    # Department id -> its people, to pick colleagues as watchers.
    colleagues: dict[int | None, list[Person]] = field(default_factory=dict)
    _weights: dict[str, list[int]] = field(default_factory=dict)

    def pick_agent(self, rng: random.Random, prefix: str) -> Person:
        """An agent of the unit; managers take fewer tickets than the others."""
        if prefix not in self._weights:
            managers = {m.pk for m in self.managers[prefix]}
            self._weights[prefix] = [1 if a.pk in managers else 3 for a in self.agents[prefix]]
        return rng.choices(self.agents[prefix], weights=self._weights[prefix])[0]


def email_for(full_name: str, taken: set[str] | None = None) -> str:
    """first.last@example.com without accents; a number is added if `taken` has it."""
    ascii_name = unicodedata.normalize("NFKD", full_name).encode("ascii", "ignore").decode()
    local = ".".join(ascii_name.lower().replace("'", "").split())
    email, n = f"{local}@{people.EMAIL_DOMAIN}", 1
    while taken is not None and email in taken:
        n += 1
        email = f"{local}{n}@{people.EMAIL_DOMAIN}"
    if taken is not None:
        taken.add(email)
    return email


def sign_ins() -> list[SignIn]:
    """The demo accounts printed at the end of `scotty demo`."""
    agent, manager = people.STAFF[0], people.STAFF[1]
    requester = people.DEMO_REQUESTER
    return [
        SignIn(f"agent, {_unit_name(agent.units[0])}", email_for(agent.full_name)),
        SignIn(f"manager, {_unit_name(manager.units[0])}", email_for(manager.full_name)),
        SignIn(f"requester, {requester[2]}", email_for(requester[0])),
        SignIn("administrator", email_for(people.ADMIN.full_name)),
    ]


def _unit_name(prefix: str) -> str:
    return next(u.name for u in people.UNITS if u.prefix == prefix)


def demo_exists() -> bool:
    """True once the demo (or any organisation using its unit prefixes) is loaded."""
    prefixes = [u.prefix for u in people.UNITS]
    return SupportUnit.objects.filter(prefix__in=prefixes).exists()


def _phone(rng: random.Random, site: str) -> str:
    if site == "Remote":
        return f"{people.LOCATIONS[site]}{rng.randint(1000000, 9999999)}"
    return f"{people.LOCATIONS[site]}{rng.randint(100, 899)}"


class _People:
    """Builds unsaved Person rows with unique e-mails and one shared password hash."""

    def __init__(self, rng: random.Random, password_hash: str) -> None:
        self.rng, self.password_hash = rng, password_hash
        self.taken: set[str] = set()
        self.rows: list[Person] = []

    def add(self, full_name: str, job_title: str, dept: Department, site: Location) -> Person:
        person = Person(
            email=email_for(full_name, self.taken),
            full_name=full_name,
            job_title=job_title,
            department_id=dept.pk,
            location_id=site.pk,
            phone=_phone(self.rng, site.name),
            password=self.password_hash,
        )
        self.rows.append(person)
        return person


def create_organisation(
    rng: random.Random, *, requesters: int, extra_agents: int, password_hash: str
) -> Cast:
    """Create units, departments, sites, staff and `requesters` requesters; return the cast."""
    units = {
        u.prefix: SupportUnit(
            name=u.name, prefix=u.prefix, description=u.description, is_front_line=u.is_front_line
        )
        for u in people.UNITS
    }
    SupportUnit.objects.bulk_create(units.values())
    names = [*people.REQUESTER_DEPARTMENTS, *sorted(set(people.STAFF_DEPARTMENTS.values()))]
    depts = _by_name(Department, names)
    sites = _by_name(Location, list(people.LOCATIONS))
    office_sites = [s for name, s in sites.items() if name != "Remote"]

    made = _People(rng, password_hash)
    staff: list[tuple[Person, StaffSpec]] = []
    for spec in people.STAFF + _extra_staff(rng, extra_agents):
        dept = depts[people.STAFF_DEPARTMENTS[spec.units[0]]]
        staff.append((made.add(spec.full_name, spec.job_title, dept, office_sites[0]), spec))
    admin = made.add(
        people.ADMIN.full_name, people.ADMIN.job_title,
        depts[people.STAFF_DEPARTMENTS["IT"]], office_sites[0],
    )  # fmt: skip
    admin.is_staff = admin.is_superuser = True
    name, title, dept_name, site_name = people.DEMO_REQUESTER
    crowd = [made.add(name, title, depts[dept_name], sites[site_name])]
    for full_name in _requester_names(rng, requesters - 1):
        dept_name = rng.choice(people.REQUESTER_DEPARTMENTS)
        site = rng.choices(list(sites.values()), weights=(40, 20, 15, 10, 15))[0]
        title = rng.choice(people.JOB_TITLES[dept_name])
        crowd.append(made.add(full_name, title, depts[dept_name], site))
    Person.objects.bulk_create(made.rows, batch_size=1000)

    cast = Cast(units=units, agents=defaultdict(list), managers=defaultdict(list),
                requesters=crowd[:requesters], admin=admin)  # fmt: skip
    memberships = []
    for person, spec in staff:
        cast.units_of[person.pk] = frozenset(spec.units)
        for i, prefix in enumerate(spec.units):
            role = UnitRole.MANAGER if spec.manages and i == 0 else UnitRole.AGENT
            memberships.append(UnitMembership(person=person, unit=units[prefix], role=role))
            cast.agents[prefix].append(person)
            if role == UnitRole.MANAGER:
                cast.managers[prefix].append(person)
    UnitMembership.objects.bulk_create(memberships)
    for person in cast.requesters:
        cast.colleagues.setdefault(person.department_id, []).append(person)
    return cast


def _by_name[M: (Department, Location)](model: type[M], names: list[str]) -> dict[str, M]:
    """Rows with these names, reusing any an administrator already made."""
    existing = {row.name: row for row in model.objects.filter(name__in=names)}
    model.objects.bulk_create([model(name=n) for n in names if n not in existing])
    found = {row.name: row for row in model.objects.filter(name__in=names)}
    return {n: found[n] for n in names}


def _requester_names(rng: random.Random, count: int) -> list[str]:
    """Distinct full names while the lists allow, then repeats (e-mails stay unique)."""
    pairs = [f"{f} {last}" for f in people.FIRST_NAMES for last in people.LAST_NAMES]
    rng.shuffle(pairs)
    if count <= len(pairs):
        return pairs[:count]
    return pairs + [rng.choice(pairs) for _ in range(count - len(pairs))]


def _extra_staff(rng: random.Random, count: int) -> tuple[StaffSpec, ...]:
    """More agents for large benchmark databases, spread like the tickets are."""
    prefixes = [u.prefix for u in people.UNITS]
    weights = [u.share for u in people.UNITS]
    names = _requester_names(random.Random(rng.random()), count)
    return tuple(
        StaffSpec(name, "Support Analyst", (rng.choices(prefixes, weights=weights)[0],))
        for name in names
    )
