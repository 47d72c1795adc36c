"""Writers for people and units: used by the desk (unit settings), the demo data and the
tests. Django's admin edits these rows directly: they are configuration, with no events
or state machine to bypass (unlike tickets, which are not in the admin)."""

import logging

from axes.utils import reset as reset_axes_attempts
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.timesince import timesince

from scotty.accounts import throttle
from scotty.accounts.email_address import normalise_email
from scotty.accounts.models import Department, Location, Person, SupportUnit, UnitMembership
from scotty.accounts.selectors import is_manager_of
from scotty.core.errors import Conflict, InvalidInput, NotAllowed

log = logging.getLogger(__name__)

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
    email = normalise_email(email)
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
    unit: SupportUnit,
    *,
    actor: Person,
    description: str,
    reopen_window_days: int,
    expected_version: int,
) -> SupportUnit:
    """A unit manager (or administrator) changes how their unit works.

    `reopen_window_days`: how long a requester's reply reopens a resolved ticket; after
    it the worker closes the ticket. `expected_version` is the settings version the
    manager's page showed: if another manager saved in between, Conflict says who and
    what the settings are now, and nothing is overwritten. Raises NotAllowed for anyone
    who does not manage the unit, InvalidInput for values out of range; nothing changes.
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
    now = timezone.now()
    saved = SupportUnit.objects.filter(pk=unit.pk, settings_version=expected_version).update(
        description=description,
        reopen_window_days=reopen_window_days,
        settings_version=F("settings_version") + 1,
        settings_changed_by=actor,
        settings_changed_at=now,
    )
    if saved != 1:
        raise _settings_conflict(unit)
    unit.refresh_from_db()
    return unit


def _settings_conflict(unit: SupportUnit) -> Conflict:
    unit.refresh_from_db()
    who = unit.settings_changed_by or "Someone"
    when = timesince(unit.settings_changed_at) if unit.settings_changed_at else "a moment"
    return Conflict(
        f"{who} changed the settings of {unit} {when} ago, after you opened this page. "
        "Nothing you entered was saved; it is still in the form. Their settings are:",
        [
            f"Reopen window: {unit.reopen_window_days} days",
            f"Description: {unit.description or '(none)'}",
        ],
    )


def _require_administrator(actor: Person) -> None:
    if not (actor.is_active and actor.is_superuser):
        raise NotAllowed("Only administrators may lift sign-in locks.")


def lift_account_lock(*, actor: Person, email: str, address: str) -> bool:
    """An administrator lets `email` sign in from `address` again (a django-axes lock).

    Clears that account's failed attempts from that address through axes' own reset,
    and logs who lifted it. True if there was something to lift; False if the lock had
    already ended (expired, or a colleague lifted it). NotAllowed for anyone else.
    """
    _require_administrator(actor)
    if not email:
        raise InvalidInput("Say which account to unlock.", field="email")
    # "unknown": axes recorded no address, so clear the account's attempts everywhere.
    ip = None if address == throttle.UNKNOWN_ADDRESS else address
    lifted = reset_axes_attempts(ip=ip, username=email) > 0
    log.info(
        "Sign-in lock on %s from %s lifted by %s (%s)",
        email, address, actor.email, "lifted" if lifted else "had already ended",
    )  # fmt: skip
    return lifted


def lift_address_hold(*, actor: Person, address: str) -> bool:
    """An administrator lets an address the sign-in throttle is holding back try again.

    Fills the address's bucket (`throttle.refill`) and logs who did it. True if the
    address was being counted, False if there was nothing to lift. NotAllowed for
    anyone but an administrator.
    """
    _require_administrator(actor)
    lifted = throttle.refill(address)
    log.info(
        "Sign-in throttle on %s lifted by %s (%s)",
        address, actor.email, "lifted" if lifted else "had already ended",
    )  # fmt: skip
    return lifted
