"""What the support units offer and when they work: business calendars, SLA policies,
how new tickets are assigned, and the services requesters ask for (request types with
their forms come next).

A calendar is stored as rows an administrator edits (opening hours per weekday, the
unit's own closing days, a country's public holidays by code) and counted with as the
pure `core.businesstime.Calendar` that `catalog.calendars` builds from them.
"""

from typing import ClassVar
from zoneinfo import available_timezones

import holidays
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from scotty.accounts.models import SupportUnit
from scotty.tickets.priority import Priority

# A year of working days: beyond it a target is a typing mistake, not a promise.
MAX_TARGET_MINUTES = 260 * 24 * 60


class Weekday(models.IntegerChoices):
    # As Python's date.weekday() counts them.
    MONDAY = 0, gettext_lazy("Monday")
    TUESDAY = 1, gettext_lazy("Tuesday")
    WEDNESDAY = 2, gettext_lazy("Wednesday")
    THURSDAY = 3, gettext_lazy("Thursday")
    FRIDAY = 4, gettext_lazy("Friday")
    SATURDAY = 5, gettext_lazy("Saturday")
    SUNDAY = 6, gettext_lazy("Sunday")


def validate_time_zone(name: str) -> None:
    if name not in available_timezones():
        raise ValidationError(gettext("“%(name)s” is not a time zone (e.g. Europe/Berlin)."),
                              params={"name": name}, code="time_zone")  # fmt: skip


class BusinessCalendar(models.Model):
    """When a unit (or a service) works: its opening hours, in its time zone, less the
    public holidays of a country (and region) and its own closing days."""

    name = models.CharField(gettext_lazy("name"), max_length=100, unique=True)
    time_zone = models.CharField(
        gettext_lazy("time zone"), max_length=64, validators=[validate_time_zone]
    )
    # Public holidays from the `holidays` package (offline data): an ISO country code,
    # and optionally its subdivision ("DE", "BE" for Berlin); blank for none.
    holiday_country = models.CharField(gettext_lazy("public holidays of"), max_length=3,
                                       blank=True)  # fmt: skip
    holiday_subdivision = models.CharField(gettext_lazy("region"), max_length=10, blank=True)
    # Set on every change to it, its hours or its closing days: the calendars built
    # from it (cached per process, by id and this moment) are read again. A moment, not
    # a counter: a database restored from a backup cannot bring back an older calendar
    # under a key a process already holds.
    changed_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering: ClassVar = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.holiday_subdivision and not self.holiday_country:
            raise ValidationError({"holiday_subdivision": gettext("A region needs a country.")})
        if not self.holiday_country:
            return
        supported = holidays.list_supported_countries()
        country = self.holiday_country.upper()
        if country not in supported:
            raise ValidationError({"holiday_country": gettext(
                "No public holidays are known for “%(code)s”: use a two-letter country code "
                "such as DE, FR or US.") % {"code": self.holiday_country}})  # fmt: skip
        self.holiday_country = country
        if self.holiday_subdivision and self.holiday_subdivision not in supported[country]:
            raise ValidationError({"holiday_subdivision": gettext(
                "%(country)s has no region “%(code)s” (known: %(known)s).") % {
                    "country": country, "code": self.holiday_subdivision,
                    "known": ", ".join(supported[country])}})  # fmt: skip


class OpeningHours(models.Model):
    """One weekly opening; closing at or before the opening time runs past midnight,
    closing when it opens lasts 24 hours (see core.businesstime)."""

    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(gettext_lazy("day"), choices=Weekday.choices)
    opens = models.TimeField(gettext_lazy("opens"))
    closes = models.TimeField(gettext_lazy("closes"))

    class Meta:
        ordering: ClassVar = ["weekday", "opens"]
        verbose_name = gettext_lazy("opening hours")
        verbose_name_plural = gettext_lazy("opening hours")

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class ClosingDay(models.Model):
    """A day the unit is closed beyond the public holidays (a site's own day off, the
    office move)."""

    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.CASCADE,
                                 related_name="closing_days")  # fmt: skip
    day = models.DateField(gettext_lazy("day"))
    name = models.CharField(pgettext_lazy("closing day", "what"), max_length=100)

    class Meta:
        ordering: ClassVar = ["day"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["calendar", "day"], name="one_closing_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.day}: {self.name}"


class UnitCalendar(models.Model):
    """The calendar a support unit works by (its SLAs count in it). A unit without one
    counts around the clock in the installation's time zone."""

    unit = models.OneToOneField(SupportUnit, on_delete=models.CASCADE, primary_key=True,
                                related_name="calendar_link")  # fmt: skip
    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"{self.unit}: {self.calendar}"


class PolicyKind(models.TextChoices):
    # The requester's promise, kept by the unit that owns the ticket.
    SLA = "sla", gettext_lazy("Service level (SLA)")
    # A unit's own target for its part when it works a ticket another unit owns.
    OLA = "ola", gettext_lazy("Operational level (OLA)")


class SlaPolicy(models.Model):
    """Targets per priority, counted in business time: a unit's default SLA for the
    tickets it owns, or its OLA for its part of tickets it works for another unit; or a
    service's own SLA, which requests for that service follow instead."""

    unit = models.ForeignKey(SupportUnit, on_delete=models.CASCADE, related_name="sla_policies")
    # A service's own SLA, which its requests follow instead of the unit's default.
    service = models.ForeignKey("Service", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="sla_policies")  # fmt: skip
    kind = models.CharField(gettext_lazy("kind"), max_length=3, choices=PolicyKind.choices,
                            default=PolicyKind.SLA)  # fmt: skip
    name = models.CharField(gettext_lazy("name"), max_length=100)
    # Waiting on the requester always stops the clock; waiting on a third party only
    # if the policy says so (a supplier's delay is often still the desk's promise).
    pause_on_third_party = models.BooleanField(
        gettext_lazy("pause while waiting on a third party"), default=False
    )
    # At this share of a target used, the assignee (or the unit) is warned.
    warn_at_percent = models.PositiveSmallIntegerField(
        gettext_lazy("warn at this percentage of the target used"), default=75,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
    )  # fmt: skip

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["unit", "kind"],
                condition=models.Q(service__isnull=True),
                name="one_policy_of_a_kind_a_unit",
            ),
            models.UniqueConstraint(
                fields=["service", "kind"],
                condition=models.Q(service__isnull=False),
                name="one_policy_of_a_kind_a_service",
            ),
        ]
        verbose_name = gettext_lazy("SLA policy")
        verbose_name_plural = gettext_lazy("SLA policies")

    def __str__(self) -> str:
        return f"{self.unit}: {self.name}"


class SlaTarget(models.Model):
    """How long a ticket of one priority may take, in business minutes: to the first
    response (SLAs only) and to its resolution (for an OLA: the unit's part of it)."""

    policy = models.ForeignKey(SlaPolicy, on_delete=models.CASCADE, related_name="targets")
    priority = models.PositiveSmallIntegerField(gettext_lazy("priority"), choices=Priority.choices)
    first_response_minutes = models.PositiveIntegerField(
        gettext_lazy("first response within (business minutes)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_TARGET_MINUTES)],
    )  # fmt: skip
    resolution_minutes = models.PositiveIntegerField(
        gettext_lazy("resolution within (business minutes)"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_TARGET_MINUTES)],
    )

    class Meta:
        ordering: ClassVar = ["priority"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["policy", "priority"], name="one_target_a_priority")
        ]

    def __str__(self) -> str:
        return f"{self.policy} {self.get_priority_display()}"


class AssignmentRule(models.TextChoices):
    MANUAL = "manual", gettext_lazy("Manually: agents take tickets or are given them")
    ROUND_ROBIN = "round_robin", gettext_lazy("In turn (round robin)")
    LEAST_LOADED = "least_loaded", gettext_lazy("To the agent with the fewest open tickets")


class UnitAssignment(models.Model):
    """How a unit's new tickets find an agent; a unit without one assigns manually."""

    unit = models.OneToOneField(SupportUnit, on_delete=models.CASCADE, primary_key=True,
                                related_name="assignment")  # fmt: skip
    rule = models.CharField(max_length=12, choices=AssignmentRule.choices,
                            default=AssignmentRule.MANUAL)  # fmt: skip
    # Round robin: whom the last ticket went to (the next goes to the one after).
    last_assigned = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    def __str__(self) -> str:
        return f"{self.unit}: {self.rule}"


class Service(models.Model):
    """What a support unit offers, in the requester's words: what it is, who may ask,
    what they get and how long it usually takes. Seen by everyone, or only by some
    departments and locations (both empty: everyone; otherwise either matches)."""

    unit = models.ForeignKey(SupportUnit, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(gettext_lazy("name"), max_length=100)
    summary = models.CharField(gettext_lazy("what it is"), max_length=300)
    who_may_ask = models.CharField(gettext_lazy("who may ask"), max_length=300, blank=True)
    what_you_get = models.CharField(gettext_lazy("what you get"), max_length=300, blank=True)
    how_long = models.CharField(gettext_lazy("how long it usually takes"), max_length=200,
                                blank=True)  # fmt: skip
    keywords = models.CharField(gettext_lazy("keywords"), max_length=300, blank=True)
    departments = models.ManyToManyField("accounts.Department", blank=True, related_name="+")
    locations = models.ManyToManyField("accounts.Location", blank=True, related_name="+")
    is_active = models.BooleanField(gettext_lazy("offered"), default=True)

    class Meta:
        ordering: ClassVar = ["unit__name", "name"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["unit", "name"], name="one_service_name_a_unit")
        ]

    def __str__(self) -> str:
        return self.name
