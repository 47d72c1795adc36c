"""The demo organisation: units, departments, sites, support staff and requesters, and
the few of them a visitor signs in as.

Written with `bulk_create` (a few hundred rows) rather than `accounts.services`, which
would hash a password once per person: with Argon2 that alone takes minutes. Nobody's
password is usable except the printed sign-ins', each made at random for this
installation (`installation_passwords`), so the demo publishes no shared secret and
hashes four passwords, not four hundred.
"""

import json
import os
import random
import secrets
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.hashers import make_password

from scotty.accounts.models import (
    Department,
    Location,
    Person,
    SupportUnit,
    UnitMembership,
    UnitRole,
)
from scotty.demo.catalog import Form, create_catalog
from scotty.demo.content import people
from scotty.demo.content.people import StaffSpec
from scotty.demo.service_levels import create_service_levels

# In the data folder, beside the secret key: the printed sign-ins' passwords, so that
# every later `make run` can print them again. Readable by the owner only.
PASSWORDS_FILE = "demo-passwords.json"
# Unambiguous when read aloud or off a screen: no 0/o, 1/l/i.
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # noqa: S105 (letters, no secret)


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
    # Case key -> the catalog form its tickets are filed through from the portal.
    forms: dict[str, Form] = field(default_factory=dict)
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
    """True once the demo is loaded: its units and its administrator are there."""
    prefixes = [u.prefix for u in people.UNITS]
    return (
        SupportUnit.objects.filter(prefix__in=prefixes).exists()
        and Person.objects.filter(email=email_for(people.ADMIN.full_name)).exists()
    )


def what_is_here() -> str | None:
    """What keeps the demo out of this database: people or units it did not make.

    None when the database is empty (or holds only departments and sites, which the
    demo reuses). The demo adds hundreds of accounts and its own administrator: it
    belongs in a database of its own, never beside a real organisation.
    """
    if demo_exists():
        return None
    found = []
    if count := Person.objects.count():
        found.append(f"{count:,} {'person' if count == 1 else 'people'}")
    if count := SupportUnit.objects.count():
        found.append(f"{count:,} support unit{'' if count == 1 else 's'}")
    return " and ".join(found) or None


# --- The printed sign-ins' passwords -----------------------------------------------------


def _new_password() -> str:
    """12 random letters and digits in three groups (about 59 bits): abcd-efgh-jkmn."""
    chars = [secrets.choice(_PASSWORD_ALPHABET) for _ in range(12)]
    return "-".join("".join(chars[i : i + 4]) for i in (0, 4, 8))


def known_passwords(data_dir: Path) -> dict[str, str]:
    """The passwords kept for this installation (e-mail -> password); {} if none yet."""
    try:
        kept = json.loads((data_dir / PASSWORDS_FILE).read_text())
    except (FileNotFoundError, ValueError):  # none yet, or not ours to read: new ones
        return {}
    if not isinstance(kept, dict):
        return {}
    return {str(email): str(password) for email, password in kept.items()}


def installation_passwords(data_dir: Path) -> dict[str, str]:
    """A password for each printed sign-in: the kept ones, new ones for the rest.

    Generated once per installation (data folder) and kept, like the secret key, so a
    demo loaded again into a fresh database signs in with the same passwords.
    """
    passwords = known_passwords(data_dir)
    missing = [s.email for s in sign_ins() if s.email not in passwords]
    if missing:
        passwords.update({email: _new_password() for email in missing})
        _write_private(data_dir / PASSWORDS_FILE, json.dumps(passwords, indent=2) + "\n")
    return {s.email: passwords[s.email] for s in sign_ins()}


def _write_private(path: Path, text: str) -> None:
    """Write `text` to a file only its owner can read, never readable by others even briefly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = path.with_name(f".{path.name}.new")
    fresh.unlink(missing_ok=True)
    fd = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(text)
    fresh.replace(path)


def set_passwords(passwords: Mapping[str, str]) -> None:
    """Give these people (by e-mail) these passwords: one hash each."""
    for email, password in passwords.items():
        person = Person.objects.get(email=email)
        person.set_password(password)
        person.save(update_fields=["password"])


def sign_in_lines(data_dir: Path) -> list[str]:
    """The demo's sign-ins in this database, ready to print, with their passwords."""
    accounts = [s for s in sign_ins() if Person.objects.filter(email=s.email).exists()]
    if not accounts:
        return []
    passwords = known_passwords(data_dir)
    unknown = f"(not in {data_dir / PASSWORDS_FILE}: set one with `scotty changepassword`)"
    role_width = max(len(s.role) for s in accounts)
    email_width = max(len(s.email) for s in accounts)
    lines = [f"Demo sign-ins (passwords made for this installation, kept in "
             f"{data_dir / PASSWORDS_FILE}):"]  # fmt: skip
    for s in accounts:
        password = passwords.get(s.email, unknown)
        lines.append(f"  {s.role:<{role_width}}  {s.email:<{email_width}}  {password}")
    return lines


def _phone(rng: random.Random, site: str) -> str:
    if site == "Remote":
        return f"{people.LOCATIONS[site]}{rng.randint(1000000, 9999999)}"
    return f"{people.LOCATIONS[site]}{rng.randint(100, 899)}"


class _People:
    """Builds unsaved Person rows with unique e-mails and an unusable password."""

    def __init__(self, rng: random.Random) -> None:
        # One marker for all: unusable passwords are never checked, so sharing it is
        # harmless, and making one per person would cost 40,000 of them on a bench load.
        self.rng, self.password_hash = rng, make_password(None)
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


def create_organisation(rng: random.Random, *, requesters: int, extra_agents: int) -> Cast:
    """Create units, departments, sites, staff and `requesters` requesters; return the cast.

    Nobody can sign in yet: `set_passwords` gives the printed sign-ins theirs."""
    units = {
        u.prefix: SupportUnit(
            name=u.name, prefix=u.prefix, description=u.description, is_front_line=u.is_front_line
        )
        for u in people.UNITS
    }
    SupportUnit.objects.bulk_create(units.values())
    staff_departments = sorted(set(people.STAFF_DEPARTMENTS.values()))
    names = list(dict.fromkeys([*people.REQUESTER_DEPARTMENTS, *staff_departments]))
    depts = _by_name(Department, names)
    calendars = create_service_levels(units)
    sites = _by_name(Location, list(people.LOCATIONS))
    office_sites = [s for name, s in sites.items() if name != "Remote"]

    made = _People(rng)
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
    # The catalog last: each unit's manager writes it, and some services are for some
    # departments and sites only.
    by_name = {person.full_name: person for person, _ in staff[: len(people.STAFF)]}
    managers = {prefix: found[0] for prefix, found in cast.managers.items()}
    cast.forms = create_catalog(units, managers, by_name, calendars)
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
