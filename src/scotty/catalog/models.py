"""What the support units offer and when they work: business calendars, SLA policies,
how new tickets are assigned, the services requesters ask for, and each service's
request types with their versioned forms.

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

from scotty.accounts.models import AgentGroup, SupportUnit
from scotty.tickets.priority import Impact, Priority, Urgency

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


class AssignmentRuleRow(models.Model):
    """A rule and, for round robin, whom the last ticket went to (the next goes to
    the one after)."""

    rule = models.CharField(max_length=12, choices=AssignmentRule.choices,
                            default=AssignmentRule.MANUAL)  # fmt: skip
    last_assigned = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        abstract = True


class UnitAssignment(AssignmentRuleRow):
    """How a unit's new tickets find an agent; a unit without one assigns manually."""

    unit = models.OneToOneField(SupportUnit, on_delete=models.CASCADE, primary_key=True,
                                related_name="assignment")  # fmt: skip

    def __str__(self) -> str:
        return f"{self.unit}: {self.rule}"


class GroupAssignment(AssignmentRuleRow):
    """How an agent group's tickets find one of its members; a group without one
    follows its unit's rule among its members."""

    group = models.OneToOneField(AgentGroup, on_delete=models.CASCADE, primary_key=True,
                                 related_name="assignment")  # fmt: skip

    def __str__(self) -> str:
        return f"{self.group}: {self.rule}"


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
    # Its own hours (a 24x7 outage line at a unit working 9 to 5): its own SLA counts
    # in it. None: the unit's calendar.
    calendar = models.ForeignKey(BusinessCalendar, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="services_timed",
                                 verbose_name=gettext_lazy("calendar"))  # fmt: skip

    class Meta:
        ordering: ClassVar = ["unit__name", "name"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="one_service_name_a_unit",
                violation_error_message=gettext_lazy(
                    "This unit already offers a service of that name."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name


class RequestKind(models.TextChoices):
    INCIDENT = "incident", gettext_lazy("Something is broken")
    REQUEST = "request", gettext_lazy("I need something")


class RequestType(models.Model):
    """One way to ask for a service ("something is broken", "I need something"), with
    its form and where its tickets go: a unit (the service's when empty), optionally a
    group within it, a default impact and urgency, and tags."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="request_types")
    kind = models.CharField(gettext_lazy("kind"), max_length=10, choices=RequestKind.choices)
    unit = models.ForeignKey(
        SupportUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=gettext_lazy("received by"),
    )  # fmt: skip
    agent_group = models.ForeignKey(
        AgentGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=gettext_lazy("agent group"),
    )  # fmt: skip
    impact = models.CharField(gettext_lazy("impact"), max_length=10, choices=Impact.choices,
                              blank=True)  # fmt: skip
    urgency = models.CharField(gettext_lazy("urgency"), max_length=10, choices=Urgency.choices,
                               blank=True)  # fmt: skip
    # Tag names separated by spaces, given to every ticket filed through it.
    tags = models.CharField(gettext_lazy("tags"), max_length=300, blank=True)
    is_active = models.BooleanField(gettext_lazy("offered"), default=True)

    class Meta:
        ordering: ClassVar = ["service_id", "kind"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["service", "kind"], name="one_request_type_a_kind")
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.get_kind_display()}"

    @property
    def receiving_unit_id(self) -> int:
        return self.unit_id or self.service.unit_id


class FormVersion(models.Model):
    """The questions of a request type as they were at one time. A version that
    tickets were filed with is never changed: an edit makes the next version, so a
    ticket always shows the questions as they were asked."""

    request_type = models.ForeignKey(RequestType, on_delete=models.CASCADE,
                                     related_name="versions")  # fmt: skip
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip

    class Meta:
        ordering: ClassVar = ["request_type_id", "-number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["request_type", "number"], name="one_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.request_type} v{self.number}"


class FieldKind(models.TextChoices):
    SHORT_TEXT = "short_text", gettext_lazy("Short text")
    LONG_TEXT = "long_text", gettext_lazy("Long text")
    NUMBER = "number", gettext_lazy("Number")
    DATE = "date", gettext_lazy("Date")
    CHOICE = "choice", gettext_lazy("Choice (one)")
    MULTIPLE_CHOICE = "multiple", gettext_lazy("Multiple choice")
    YES_NO = "yes_no", gettext_lazy("Yes or no")
    PERSON = "person", gettext_lazy("Person")
    ATTACHMENT = "attachment", gettext_lazy("Attachment")


class FormField(models.Model):
    """One question of a form version. `key` names it across versions (queues filter
    answers by it); a field with `shown_when` is asked only when that earlier field's
    answer is `shown_value` (one of the answers, for a multiple choice)."""

    version = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="fields")
    position = models.PositiveSmallIntegerField()
    key = models.SlugField(gettext_lazy("key"), max_length=40)
    label = models.CharField(gettext_lazy("question"), max_length=200)
    kind = models.CharField(gettext_lazy("type"), max_length=10, choices=FieldKind.choices)
    required = models.BooleanField(gettext_lazy("required"), default=False)
    help_text = models.CharField(gettext_lazy("help text"), max_length=300, blank=True)
    # The choices, one per line (choice and multiple choice).
    choices = models.TextField(gettext_lazy("choices"), blank=True)
    # Text: the longest answer; number: the smallest and largest.
    max_length = models.PositiveIntegerField(gettext_lazy("longest answer"), null=True, blank=True)
    min_value = models.DecimalField(gettext_lazy("smallest"), max_digits=14, decimal_places=2,
                                    null=True, blank=True)  # fmt: skip
    max_value = models.DecimalField(gettext_lazy("largest"), max_digits=14, decimal_places=2,
                                    null=True, blank=True)  # fmt: skip
    shown_when = models.SlugField(gettext_lazy("shown when the answer to"), max_length=40,
                                  blank=True)  # fmt: skip
    shown_value = models.CharField(gettext_lazy("is"), max_length=200, blank=True)
    # Agents always see an answer; the requester sees it again on their request if so.
    shown_to_requester = models.BooleanField(gettext_lazy("shown to the requester"), default=True)

    class Meta:
        ordering: ClassVar = ["version_id", "position"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["version", "key"], name="one_field_key_a_version")
        ]

    def __str__(self) -> str:
        return self.label

    def choice_list(self) -> list[str]:
        if self.kind == FieldKind.YES_NO:
            return ["yes", "no"]
        return [line.strip() for line in self.choices.splitlines() if line.strip()]
