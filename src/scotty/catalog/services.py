"""The catalog's writers: business calendars (services and SLA policies come next)."""

from collections.abc import Sequence
from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from scotty.catalog import calendars
from scotty.catalog.models import BusinessCalendar, ClosingDay, OpeningHours


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
    return closing


def _bump(record: BusinessCalendar) -> None:
    """Mark the calendar changed, so clocks are counted with what it says now."""
    record.changed_at = timezone.now()
    BusinessCalendar.objects.filter(pk=record.pk).update(changed_at=record.changed_at)
