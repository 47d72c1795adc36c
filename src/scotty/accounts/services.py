"""Writers for people and units: used by the desk (unit settings), the demo data and the
tests. Django's admin edits these rows directly: they are configuration, with no events
or state machine to bypass (unlike tickets, which are not in the admin)."""

import contextlib
import logging
from datetime import date

from axes.utils import reset as reset_axes_attempts
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from scotty.accounts import throttle
from scotty.accounts.email_address import normalise_email
from scotty.accounts.languages import codes as language_codes
from scotty.accounts.models import (
    Absence,
    AbsenceKind,
    AgentGroup,
    Department,
    Location,
    Person,
    SupportUnit,
    UnitMembership,
    UnitRole,
)
from scotty.accounts.selectors import is_agent, is_manager_of, person_by_email
from scotty.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from scotty.core.timewords import time_ago

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
        raise InvalidInput(gettext("Enter a valid e-mail address."), field="email")
    if Person.objects.filter(email=email).exists():
        raise InvalidInput(
            gettext("%(email)s already has an account.") % {"email": email}, field="email"
        )
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


MAX_NAME = 150


def register_requester(
    *, actor: Person, full_name: str, email: str, department: Department | None = None
) -> Person:
    """An agent adds someone who has no account yet (a caller, a walk-in) so a ticket can
    be opened for them. The new person has no usable password: they sign in once they
    set one (password reset) or through single sign-on, which later issues bring.

    Raises NotAllowed for anyone but an agent, InvalidInput for a missing name, a bad
    e-mail address or one that already has an account, whatever its capitalisation.
    """
    if not (actor.is_active and is_agent(actor)):
        raise NotAllowed(gettext("Only agents may add people to Scotty."))
    full_name = " ".join((full_name or "").replace("\x00", "").split())
    if not full_name:
        raise InvalidInput(gettext("Give the new person's name."), field="new_name")
    if len(full_name) > MAX_NAME:
        raise InvalidInput(
            gettext("A name is at most %(count)d characters.") % {"count": MAX_NAME},
            field="new_name",
        )
    email = normalise_email(email or "")
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput(
            gettext("Enter the new person's e-mail address."), field="new_email"
        ) from None
    existing = person_by_email(email)
    if existing is not None:
        raise InvalidInput(_already_there(existing), field="new_email")
    try:
        with transaction.atomic():  # the unique index decides between two agents at once
            person = create_person(email=email, full_name=full_name, department=department)
    except IntegrityError:
        raise InvalidInput(_already_there(person_by_email(email)), field="new_email") from None
    log.info("%s added %s to Scotty (no password yet)", actor.email, person.email)
    return person


def _already_there(person: Person | None) -> str:
    if person is None:  # only if it was deleted again at once: still no duplicate
        return gettext("Someone with this e-mail address was just added: pick them instead.")
    names = {"email": person.email, "name": person.full_name}
    if not person.is_active:
        return gettext("%(email)s belongs to %(name)s, whose account was closed.") % names
    return gettext("%(email)s already has an account (%(name)s): pick them instead.") % names


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
        raise NotAllowed(
            gettext("Only managers of %(unit)s may change its settings.") % {"unit": unit}
        )
    if not 0 <= reopen_window_days <= MAX_REOPEN_WINDOW_DAYS:
        raise InvalidInput(
            gettext("The reopen window is 0 to %(count)d days.")
            % {"count": MAX_REOPEN_WINDOW_DAYS},
            field="reopen_window_days",
        )
    description = (description or "").replace("\x00", "").strip()
    if len(description) > MAX_UNIT_DESCRIPTION:
        limit = number_format(MAX_UNIT_DESCRIPTION, force_grouping=True)
        raise InvalidInput(
            gettext("The description is at most %(count)s characters.") % {"count": limit},
            field="description",
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
    who = unit.settings_changed_by or gettext("Someone")
    when = time_ago(unit.settings_changed_at) if unit.settings_changed_at else gettext("just now")
    days = unit.reopen_window_days
    return Conflict(
        gettext(
            "%(who)s changed the settings of %(unit)s %(when)s, after you opened this page. "
            "Nothing you entered was saved; it is still in the form. Their settings are:"
        )
        % {"who": who, "unit": unit, "when": when},
        [
            ngettext("Reopen window: %(count)d day", "Reopen window: %(count)d days", days)
            % {"count": days},
            gettext("Description: %(text)s") % {"text": unit.description or gettext("(none)")},
        ],
    )


def _require_administrator(actor: Person) -> None:
    if not (actor.is_active and actor.is_superuser):
        raise NotAllowed(gettext("Only administrators may lift sign-in locks."))


def lift_account_lock(*, actor: Person, email: str, address: str) -> bool:
    """An administrator lets `email` sign in from `address` again (a django-axes lock).

    Clears that account's failed attempts from that address through axes' own reset,
    and logs who lifted it. True if there was something to lift; False if the lock had
    already ended (expired, or a colleague lifted it). NotAllowed for anyone else.
    """
    _require_administrator(actor)
    if not email:
        raise InvalidInput(gettext("Say which account to unlock."), field="email")
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


# --- Who works for a unit: its managers change it (and administrators), never leaving
# the unit without a manager.


def _require_unit_manager(actor: Person, unit: SupportUnit) -> None:
    if not (actor.is_active and is_manager_of(actor, unit)):
        raise NotAllowed(
            gettext("Only managers of %(unit)s and administrators may change who works for it.")
            % {"unit": unit}
        )


def _check_role(role: str) -> None:
    if role not in UnitRole.values:
        raise InvalidInput(gettext("Choose agent or manager."), field="role")


def _lock_members(unit: SupportUnit) -> None:
    # Changes to one unit's members wait for each other (the unit's row lock on
    # PostgreSQL; SQLite's IMMEDIATE transactions take the write lock at BEGIN), so two
    # managers demoting each other at once cannot leave the unit with no manager.
    SupportUnit.objects.select_for_update().filter(pk=unit.pk).values_list("pk").first()


def _membership(unit: SupportUnit, person: Person) -> UnitMembership:
    membership = UnitMembership.objects.filter(unit=unit, person=person).first()
    if membership is None:
        raise InvalidInput(
            gettext("%(person)s does not work for %(unit)s.") % {"person": person, "unit": unit},
            field="person",
        )
    return membership


def _refuse_last_manager(unit: SupportUnit, person: Person, actor: Person) -> None:
    managers = UnitMembership.objects.filter(unit=unit, role=UnitRole.MANAGER)
    if not managers.exclude(person=person).exists():
        if person.pk == actor.pk:
            text = gettext(
                "You are the last manager of %(unit)s: make someone else a manager first."
            ) % {"unit": unit}
        else:
            text = gettext(
                "%(person)s is the last manager of %(unit)s: make someone else a manager first."
            ) % {"person": person, "unit": unit}
        raise InvalidInput(text, field="person")


def _forget_memberships(*people: Person) -> None:
    # The selectors cache them per person object and request. `del`, not __dict__: the
    # signed-in person is a lazy object whose own __dict__ is not the person's.
    for person in people:
        with contextlib.suppress(AttributeError):
            del person._scotty_memberships  # type: ignore[attr-defined]


def role_wording(role: str) -> str:
    """ "an agent" or "a manager", as the desk's messages say it."""
    return gettext("a manager") if role == UnitRole.MANAGER else gettext("an agent")


@transaction.atomic
def add_member(
    unit: SupportUnit, *, actor: Person, person: Person, role: str = UnitRole.AGENT
) -> UnitMembership:
    """A manager of `unit` (or an administrator) makes `person` an agent or manager of it.

    Raises NotAllowed for anyone else, InvalidInput for an unknown role, a closed
    account or someone who already works for the unit (their role is changed with
    `change_member_role`, so an add never demotes a manager by surprise).
    """
    _require_unit_manager(actor, unit)
    _check_role(role)
    if not person.is_active:
        raise InvalidInput(
            gettext("%(person)s no longer has an account.") % {"person": person}, field="person"
        )
    _lock_members(unit)
    existing = UnitMembership.objects.filter(unit=unit, person=person).first()
    if existing is not None:
        raise InvalidInput(
            gettext("%(person)s is already %(role)s of %(unit)s.")
            % {"person": person, "role": role_wording(existing.role), "unit": unit},
            field="person",
        )
    membership = UnitMembership.objects.create(unit=unit, person=person, role=role)
    _forget_memberships(person, actor)
    log.info("%s made %s %s of %s", actor.email, person.email, role, unit.prefix)
    return membership


@transaction.atomic
def change_member_role(
    unit: SupportUnit, *, actor: Person, person: Person, role: str
) -> UnitMembership:
    """A manager of `unit` (or an administrator) makes one of its people an agent or a
    manager. Raises NotAllowed, InvalidInput for an unknown role, someone who does not
    work for the unit, or the last manager made an agent (the unit would have nobody to
    manage it)."""
    _require_unit_manager(actor, unit)
    _check_role(role)
    _lock_members(unit)
    membership = _membership(unit, person)
    if membership.role == role:
        return membership
    if membership.role == UnitRole.MANAGER:
        _refuse_last_manager(unit, person, actor)
    membership.role = role
    membership.save(update_fields=["role"])
    _forget_memberships(person, actor)
    log.info("%s made %s %s of %s", actor.email, person.email, role, unit.prefix)
    return membership


@transaction.atomic
def remove_member(unit: SupportUnit, *, actor: Person, person: Person) -> None:
    """A manager of `unit` (or an administrator) takes `person` off the unit.

    Refused (InvalidInput) for the last manager, and for someone who still has open
    tickets of the unit assigned: nobody would see those in their list any more, so
    the manager gives them to someone else first. NotAllowed for anyone but the unit's
    managers and administrators.
    """
    _require_unit_manager(actor, unit)
    _lock_members(unit)
    membership = _membership(unit, person)
    if membership.role == UnitRole.MANAGER:
        _refuse_last_manager(unit, person, actor)
    # Through the reverse relation: accounts does not import the tickets app.
    still_open = Person.objects.filter(
        pk=person.pk,
        assigned_tickets__is_open=True,
        assigned_tickets__working_unit=unit,
    ).count()
    if still_open:
        raise InvalidInput(
            ngettext(
                "%(person)s still has %(count)d open %(prefix)s ticket assigned: "
                "give them to someone else first.",
                "%(person)s still has %(count)d open %(prefix)s tickets assigned: "
                "give them to someone else first.",
                still_open,
            )
            % {"person": person, "count": still_open, "prefix": unit.prefix},
            field="person",
        )
    membership.delete()
    person.agent_groups.remove(*person.agent_groups.filter(unit=unit))
    _forget_memberships(person, actor)
    log.info("%s removed %s from %s", actor.email, person.email, unit.prefix)


def set_language(person: Person, *, actor: Person, language: str) -> Person:
    """A person chooses the language Scotty speaks to them in: a code of
    settings.LANGUAGES, or "" to follow their browser. Only their own (NotAllowed for
    anyone else); InvalidInput for a code Scotty does not offer, and nothing changes."""
    if actor.pk != person.pk:
        raise NotAllowed(gettext("You may change only your own settings."))
    language = (language or "").strip()
    if language and language not in language_codes():
        raise InvalidInput(gettext("Choose a language from the list."), field="language")
    if person.language != language:
        person.language = language
        person.save(update_fields=["language"])
    return person


# An absence longer than this is a leave of the organisation, not a holiday: refused.
MAX_ABSENCE_DAYS = 366


def add_absence(person: Person, *, starts: date, ends: date, kind: str) -> Absence:
    """Mark days the agent does not work (both included): automatic assignment passes
    them over. Refused (InvalidInput, nothing saved) when it ends before it starts, is
    longer than a year, ended already, or overlaps one already marked."""
    if kind not in AbsenceKind.values:
        raise InvalidInput(gettext("Choose why from the list."), field="kind")
    if ends < starts:
        raise InvalidInput(gettext("An absence ends on or after the day it starts."), field="ends")
    if (ends - starts).days >= MAX_ABSENCE_DAYS:
        raise InvalidInput(gettext("An absence is at most a year long."), field="ends")
    if ends < timezone.localdate():
        raise InvalidInput(gettext("That absence is over already."), field="ends")
    if Absence.objects.filter(person=person, starts__lte=ends, ends__gte=starts).exists():
        raise InvalidInput(gettext("You are marked away on some of these days already."),
                           field="starts")  # fmt: skip
    return Absence.objects.create(person=person, starts=starts, ends=ends, kind=kind)


def remove_absence(person: Person, absence_id: int) -> None:
    """Take back one of the person's own absences (NotFound for anyone else's)."""
    deleted, _ = Absence.objects.filter(person=person, pk=absence_id).delete()
    if not deleted:
        raise NotFound(gettext("No such absence."))


# --- Agent groups: teams within a unit, kept by its managers --------------------------

MAX_GROUPS_A_UNIT = 50


@transaction.atomic
def save_agent_group(unit: SupportUnit, *, actor: Person, name: str, members: list[Person],
                     group: AgentGroup | None = None) -> AgentGroup:  # fmt: skip
    """Create (or rename and re-staff) a group within `unit`; its members must work for
    the unit. NotAllowed for anyone but the unit's managers and administrators;
    InvalidInput for an empty or taken name, or a member from elsewhere."""
    _require_unit_manager(actor, unit)
    if group is not None and group.unit_id != unit.pk:
        raise NotFound(gettext("No such group."))
    name = " ".join(name.split())
    if not name or len(name) > 100:
        raise InvalidInput(gettext("Name the group (at most 100 characters)."), field="name")
    taken = AgentGroup.objects.filter(unit=unit, name__iexact=name)
    if group is not None:
        taken = taken.exclude(pk=group.pk)
    if taken.exists():
        raise InvalidInput(gettext("%(unit)s already has a group called “%(name)s”.")
                           % {"unit": unit, "name": name}, field="name")  # fmt: skip
    if group is None and AgentGroup.objects.filter(unit=unit).count() >= MAX_GROUPS_A_UNIT:
        raise InvalidInput(gettext("A unit has at most %(count)d groups.")
                           % {"count": MAX_GROUPS_A_UNIT}, field="name")  # fmt: skip
    staff = set(UnitMembership.objects.filter(unit=unit).values_list("person_id", flat=True))
    strangers = [p for p in members if p.pk not in staff]
    if strangers:
        raise InvalidInput(gettext("%(person)s does not work for %(unit)s.")
                           % {"person": strangers[0], "unit": unit}, field="members")  # fmt: skip
    group = group or AgentGroup(unit=unit)
    group.name = name
    group.save()
    group.members.set(members)
    return group


def delete_agent_group(group: AgentGroup, *, actor: Person) -> None:
    """Remove a group; its tickets stay with the unit (their group becomes none)."""
    _require_unit_manager(actor, group.unit)
    group.delete()
