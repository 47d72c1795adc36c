"""People, where they work (departments, locations) and the support units that help them."""

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy

from scotty.accounts.email_address import EmailAddressField, normalise_email

EMAIL_TAKEN = gettext_lazy("An account with this e-mail address already exists.")


class Department(models.Model):
    """Where requesters work: Finance, Sales, Engineering ..."""

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering: ClassVar = ["name"]

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    """A site or building, so agents know where to send someone."""

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering: ClassVar = ["name"]

    def __str__(self) -> str:
        return self.name


class SupportUnit(models.Model):
    """A team that works tickets: IT Service Desk, IT Infrastructure, HR, Facilities ..."""

    name = models.CharField(max_length=100, unique=True)
    # Ticket references read PREFIX-NUMBER (IT-1042); the prefix never changes once used.
    prefix = models.CharField(
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2,6}$", gettext_lazy("Two to six capital letters."))],
    )
    description = models.TextField(blank=True)
    # The front line owns the relationship with requesters even when others do the fix.
    is_front_line = models.BooleanField(default=False)
    # A requester's reply reopens a resolved ticket for this many days; after that the
    # ticket closes and a reply starts a linked follow-up.
    reopen_window_days = models.PositiveSmallIntegerField(
        default=7, validators=[MinValueValidator(0), MaxValueValidator(365)]
    )
    # Incremented atomically by the ticket service to number this unit's tickets.
    last_number = models.PositiveIntegerField(default=1000)
    # Optimistic lock for the settings above (description, reopen window): two managers
    # editing at once must not silently overwrite each other.
    settings_version = models.PositiveIntegerField(default=1)
    settings_changed_by = models.ForeignKey(
        "Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    settings_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["name"]

    def __str__(self) -> str:
        return self.name


class PersonManager(BaseUserManager["Person"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "Person":
        person = self.model(email=normalise_email(email), **extra)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "Person":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class Person(AbstractBaseUser, PermissionsMixin):
    """Anyone who signs in. Every person can be a requester; unit memberships make agents.

    `is_superuser` is Scotty's administrator role.
    """

    # Stored in lower case and looked up that way (EmailAddressField); the constraint
    # below keeps a second spelling out even of rows written around the ORM.
    email = EmailAddressField(unique=True, error_messages={"unique": EMAIL_TAKEN})
    full_name = models.CharField(max_length=150)
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    job_title = models.CharField(max_length=100, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May use Django's admin site.")
    date_joined = models.DateTimeField(default=timezone.now)
    # A code from settings.LANGUAGES ("de"), or blank: follow the browser. No choices on
    # the column, so adding a language needs no migration; `services.set_language` checks.
    language = models.CharField(max_length=10, blank=True, default="")

    objects = PersonManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    class Meta:
        ordering: ClassVar = ["full_name"]
        indexes: ClassVar = [models.Index(fields=["full_name"])]
        constraints: ClassVar = [
            models.UniqueConstraint(
                Lower("email"),
                name="person_email_unique_ignoring_case",
                violation_error_message=EMAIL_TAKEN,
            )
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class UnitRole(models.TextChoices):
    AGENT = "agent", gettext_lazy("Agent")  # works the unit's tickets
    # an agent who also sees the unit's reports and settings
    MANAGER = "manager", gettext_lazy("Manager")


class UnitMembership(models.Model):
    """A person working for a support unit, as agent or manager."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(SupportUnit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=UnitRole.choices, default=UnitRole.AGENT)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["person", "unit"], name="one_membership_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.unit} ({self.role})"


class SignInBucket(models.Model):
    """How many sign-in attempts one client address may still make (a token bucket).

    Every attempt takes a token before any password is hashed; a successful sign-in
    gives it back; tokens come back at a steady rate up to the bucket's size. So an
    office behind one address that signs in correctly never runs dry, while a spray of
    wrong passwords over many e-mails does. Kept in the database so every web process
    (and the embedded SQLite default) sees the same count; see `throttle.py`.
    """

    # An IPv4 address, or an IPv6 /64 network (one client usually holds a whole /64).
    address = models.CharField(max_length=64, unique=True)
    tokens = models.FloatField()
    counted_at = models.DateTimeField()  # when `tokens` was last brought up to date
    # While the bucket is dry: since when, until when, and how many tries it turned away.
    held_since = models.DateTimeField(null=True, blank=True)
    held_until = models.DateTimeField(null=True, blank=True, db_index=True)
    refused = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.address}: {self.tokens:.1f} sign-in attempts left"


class AbsenceKind(models.TextChoices):
    HOLIDAY = "holiday", gettext_lazy("Holiday")
    SICK = "sick", gettext_lazy("Sick")
    TRAINING = "training", gettext_lazy("Training")
    OTHER = "other", gettext_lazy("Away for another reason")


class Absence(models.Model):
    """Days an agent does not work (both days included, in the installation's time
    zone): automatic assignment passes them over."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="absences")
    starts = models.DateField(gettext_lazy("from"))
    ends = models.DateField(gettext_lazy("until"))
    kind = models.CharField(gettext_lazy("why"), max_length=10, choices=AbsenceKind.choices,
                            default=AbsenceKind.HOLIDAY)  # fmt: skip

    class Meta:
        ordering: ClassVar = ["starts"]
        indexes: ClassVar = [models.Index(fields=["person", "ends"], name="absences_to_come")]

    def __str__(self) -> str:
        return f"{self.person_id} away {self.starts}..{self.ends}"


class AgentGroup(models.Model):
    """A team within a support unit (Network, Desktop, Payroll): request types route
    to it, and it may assign its tickets among its own members by its own rule."""

    unit = models.ForeignKey(SupportUnit, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(gettext_lazy("name"), max_length=100)
    # Agents of the unit (a person leaving the unit leaves its groups: see services).
    members = models.ManyToManyField(Person, blank=True, related_name="agent_groups")

    class Meta:
        ordering: ClassVar = ["unit__name", "name"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["unit", "name"], name="one_group_name_a_unit")
        ]
        verbose_name = gettext_lazy("agent group")

    def __str__(self) -> str:
        return f"{self.unit.name} · {self.name}"
