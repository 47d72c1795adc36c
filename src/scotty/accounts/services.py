"""Writers for people and units: used by the desk (unit settings), the demo data and the
tests. Django's admin edits these rows directly: they are configuration, with no events
or state machine to bypass (unlike tickets, which are not in the admin)."""

from django.db import transaction

from scotty.accounts.models import Department, Location, Person, SupportUnit, UnitMembership
from scotty.accounts.selectors import is_manager_of
from scotty.core.errors import InvalidInput, NotAllowed

MAX_REOPEN_WINDOW_DAYS = 365
MAX_UNIT_DESCRIPTION = 2000


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
    person.__dict__.pop("_scotty_memberships", None)
    return membership


@transaction.atomic
def update_unit_settings(
    unit: SupportUnit, *, actor: Person, description: str, reopen_window_days: int
) -> SupportUnit:
    """A unit manager (or administrator) changes how their unit works.

    `reopen_window_days`: how long a requester's reply reopens a resolved ticket; after
    it the worker closes the ticket. Raises NotAllowed for anyone who does not manage the
    unit, InvalidInput for values out of range; nothing changes then.
    """
    if not is_manager_of(actor, unit):
        raise NotAllowed(f"Only managers of {unit} may change its settings.")
    if not 0 <= reopen_window_days <= MAX_REOPEN_WINDOW_DAYS:
        raise InvalidInput(
            f"The reopen window is 0 to {MAX_REOPEN_WINDOW_DAYS} days.", field="reopen_window_days"
        )
    description = (description or "").replace("\x00", "").strip()
    if len(description) > MAX_UNIT_DESCRIPTION:
        raise InvalidInput(
            f"The description is at most {MAX_UNIT_DESCRIPTION:,} characters.", field="description"
        )
    unit.description, unit.reopen_window_days = description, reopen_window_days
    unit.save(update_fields=["description", "reopen_window_days"])
    return unit
