"""Writers for people and units: used by the admin, the demo data and the tests."""

from django.db import transaction

from scotty.accounts.models import Department, Location, Person, SupportUnit, UnitMembership
from scotty.core.errors import InvalidInput


def create_person(
    *,
    email: str,
    full_name: str,
    password: str | None = None,
    department: Department | None = None,
    location: Location | None = None,
    job_title: str = "",
    is_admin: bool = False,
) -> Person:
    """Create a person who can sign in; raises InvalidInput if the e-mail is taken."""
    email = email.strip().lower()
    if not email or "@" not in email:
        raise InvalidInput("Enter a valid e-mail address.", field="email")
    if Person.objects.filter(email=email).exists():
        raise InvalidInput(f"{email} already has an account.", field="email")
    return Person.objects.create_user(
        email,
        password,
        full_name=full_name.strip(),
        department=department,
        location=location,
        job_title=job_title,
        is_staff=is_admin,
        is_superuser=is_admin,
    )


@transaction.atomic
def join_unit(person: Person, unit: SupportUnit, *, role: str = "agent") -> UnitMembership:
    """Make a person an agent (or manager) of a unit; idempotent."""
    membership, _ = UnitMembership.objects.update_or_create(
        person=person, unit=unit, defaults={"role": role}
    )
    person.__dict__.pop("_scotty_unit_ids", None)
    return membership
