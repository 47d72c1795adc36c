"""The catalog's writers: business calendars and SLA policies (services come next)."""

from collections.abc import Sequence
from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from scotty.accounts.models import SupportUnit
from scotty.catalog import calendars
from scotty.catalog.models import (
    MAX_TARGET_MINUTES,
    AssignmentRule,
    BusinessCalendar,
    ClosingDay,
    OpeningHours,
    PolicyKind,
    SlaPolicy,
    SlaTarget,
    UnitAssignment,
    UnitCalendar,
)
from scotty.tickets.priority import Priority


def _check(record: BusinessCalendar, hours: Sequence[tuple[int, time, time]]) -> None:
    try:
        calendars.build(record, hours, {})
    except ValueError as error:
        if "overlap" in str(error):
            raise ValidationError(
                gettext("Two of these opening hours overlap: a minute would be counted twice."),
                code="overlap",
            ) from error
        raise ValidationError(gettext("A calendar needs at least one opening."),
                              code="no_hours") from error  # fmt: skip


@transaction.atomic
def set_opening_hours(record: BusinessCalendar, hours: Sequence[tuple[int, time, time]]) -> None:
    """Replace the calendar's weekly hours (saving a new calendar first); refused, with
    nothing changed, if the calendar is invalid or the hours overlap or are none.
    Clocks counted from now on use the new hours."""
    record.full_clean()
    _check(record, hours)
    record.save()
    OpeningHours.objects.filter(calendar=record).delete()
    OpeningHours.objects.bulk_create(
        OpeningHours(calendar=record, weekday=w, opens=o, closes=c) for w, o, c in hours
    )
    _bump(record)


@transaction.atomic
def add_closing_day(record: BusinessCalendar, day: date, name: str) -> ClosingDay:
    """Close the unit on a day of its own (refused if that day is already closed)."""
    if ClosingDay.objects.filter(calendar=record, day=day).exists():
        raise ValidationError(gettext("%(day)s is already a closing day.") % {"day": day},
                              code="duplicate")  # fmt: skip
    closing = ClosingDay(calendar=record, day=day, name=name.strip())
    closing.full_clean()
    closing.save()
    _bump(record)
    _calendar_changed(record)
    return closing


def _bump(record: BusinessCalendar) -> None:
    """Mark the calendar changed, so clocks are counted with what it says now."""
    record.changed_at = timezone.now()
    BusinessCalendar.objects.filter(pk=record.pk).update(changed_at=record.changed_at)


# --- SLA policies -----------------------------------------------------------------

# priority -> (first response, resolution) in business minutes; None: no target.
Targets = dict[int, tuple[int | None, int | None]]


def _check_targets(kind: str, targets: Targets) -> None:
    for priority, (first, resolution) in targets.items():
        label = Priority(priority).label
        if first is not None and kind == PolicyKind.OLA:
            raise ValidationError(gettext("An OLA has no first-response target (%(priority)s).")
                                  % {"priority": label}, code="ola_first")  # fmt: skip
        if first is not None and resolution is None:
            raise ValidationError(gettext("%(priority)s: a first-response target needs a "
                                          "resolution target too.") % {"priority": label},
                                  code="no_resolution")  # fmt: skip
        for minutes in (first, resolution):
            if minutes is not None and not 1 <= minutes <= MAX_TARGET_MINUTES:
                raise ValidationError(gettext("%(priority)s: a target is at least a minute and "
                                              "at most a year of working days.")
                                      % {"priority": label}, code="range")  # fmt: skip
        if first is not None and resolution is not None and first > resolution:
            raise ValidationError(gettext("%(priority)s: the first response cannot be due "
                                          "after the resolution.") % {"priority": label},
                                  code="order")  # fmt: skip


@transaction.atomic
def save_policy(unit: SupportUnit, kind: str, *, name: str, pause_on_third_party: bool,
                warn_at_percent: int, targets: Targets) -> SlaPolicy | None:  # fmt: skip
    """Set the unit's SLA (or OLA): its name, pausing, warning share and targets per
    priority. Without any target the unit promises nothing of that kind (the policy
    goes; tickets keep what they achieved). Refused whole (ValidationError) when a
    target is out of range or incoherent. The unit's open tickets are recomputed with
    the new terms once this commits, carrying the time they used over."""
    if kind not in PolicyKind.values:
        raise ValidationError(gettext("Unknown kind of policy."), code="kind")
    kept = {p: t for p, t in targets.items() if t != (None, None)}
    _check_targets(kind, kept)
    policy = SlaPolicy.objects.filter(unit=unit, kind=kind, service__isnull=True).first()
    if not kept:
        if policy is not None:
            # Tickets still name it: keep the row, without targets nothing is due.
            policy.targets.all().delete()
        clocks_changed(unit)
        return policy
    policy = policy or SlaPolicy(unit=unit, kind=kind)
    policy.name, policy.pause_on_third_party = name.strip(), pause_on_third_party
    policy.warn_at_percent = warn_at_percent
    policy.full_clean()
    policy.save()
    policy.targets.all().delete()
    SlaTarget.objects.bulk_create(
        SlaTarget(
            policy=policy,
            priority=p,
            first_response_minutes=first,
            resolution_minutes=resolution or 0,  # _check_targets: never None here
        )
        for p, (first, resolution) in sorted(kept.items())
    )
    clocks_changed(unit)
    return policy


@transaction.atomic
def set_unit_calendar(unit: SupportUnit, calendar: BusinessCalendar | None) -> None:
    """The calendar the unit works by (None: around the clock); its tickets' clocks are
    recomputed once this commits."""
    UnitCalendar.objects.filter(unit=unit).delete()
    if calendar is not None:
        UnitCalendar.objects.create(unit=unit, calendar=calendar)
    clocks_changed(unit)


def clocks_changed(unit: SupportUnit) -> None:
    # A task, after commit: a unit's open tickets may be thousands.
    from scotty.tickets.tasks import recompute_unit_clocks_task

    transaction.on_commit(lambda: recompute_unit_clocks_task(unit.pk))


# --- calendars, as the desk's settings pages edit them -------------------------------


@transaction.atomic
def save_calendar(record: BusinessCalendar, *, name: str, time_zone: str, holiday_country: str,
                  holiday_subdivision: str, hours: Sequence[tuple[int, time, time]]
                  ) -> BusinessCalendar:  # fmt: skip
    """Create or change a calendar and its weekly hours in one go; refused whole
    (ValidationError, nothing changed) when any of it is wrong. The units that work by
    it have their open tickets recounted once this commits."""
    record.name, record.time_zone = name.strip(), time_zone.strip()
    record.holiday_country = holiday_country.strip()
    record.holiday_subdivision = holiday_subdivision.strip().upper()
    set_opening_hours(record, hours)  # validates the calendar and the hours, saves both
    _calendar_changed(record)
    return record


@transaction.atomic
def remove_closing_day(record: BusinessCalendar, day: date) -> None:
    """Open again on a day of the unit's own closing (nothing if it was not one)."""
    if ClosingDay.objects.filter(calendar=record, day=day).delete()[0]:
        _bump(record)
        _calendar_changed(record)


def _calendar_changed(record: BusinessCalendar) -> None:
    units = {link.unit for link in UnitCalendar.objects.filter(calendar=record)
             .select_related("unit")}  # fmt: skip
    units |= {service.unit for service in record.services_timed.select_related("unit")}
    for unit in units:
        clocks_changed(unit)


def set_assignment_rule(unit: SupportUnit, rule: str) -> None:
    """How the unit's new tickets find an agent (manual, round robin, least loaded)."""
    if rule not in AssignmentRule.values:
        raise ValidationError(gettext("Choose how tickets are assigned from the list."),
                              code="rule")  # fmt: skip
    UnitAssignment.objects.update_or_create(unit=unit, defaults={"rule": rule})
