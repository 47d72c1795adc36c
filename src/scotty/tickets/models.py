"""Tickets, their conversation, attachments and the event log that records every change.

Rows here are written only by `scotty.tickets.services`; read them through
`scotty.tickets.selectors`, which applies the visibility rule.
"""

import uuid
from datetime import UTC, datetime
from pathlib import PurePath
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext_lazy

from scotty.accounts.models import SupportUnit
from scotty.tickets.priority import Impact, Priority, Urgency
from scotty.tickets.states import Status


class Channel(models.TextChoices):
    PORTAL = "portal", pgettext_lazy("channel", "Portal")
    EMAIL = "email", pgettext_lazy("channel", "E-mail")
    API = "api", pgettext_lazy("channel", "API")
    PHONE = "phone", pgettext_lazy("channel", "Phone")
    WALK_IN = "walk_in", pgettext_lazy("channel", "Walk-in")
    # messages agents write in the desk; open_ticket refuses it
    DESK = "desk", pgettext_lazy("channel", "Desk")


class NextStepOwner(models.TextChoices):
    DESK = "desk", gettext_lazy("Us (the desk)")
    REQUESTER = "requester", gettext_lazy("The requester")
    THIRD_PARTY = "third_party", gettext_lazy("A third party")


class Tag(models.Model):
    name = models.SlugField(max_length=50, unique=True)

    class Meta:
        ordering: ClassVar = ["name"]

    def __str__(self) -> str:
        return self.name


# "Nothing is due": later than any due time, so "due soonest" lists such tickets last.
NOTHING_DUE = datetime(9999, 1, 1, tzinfo=UTC)


def nothing_due() -> datetime:
    return NOTHING_DUE


class Ticket(models.Model):
    number = models.PositiveIntegerField()
    # PREFIX-NUMBER of the unit that first received it; stays the same after transfers.
    reference = models.CharField(max_length=20, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField()
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="requested_tickets"
    )
    # Owning unit keeps the relationship with the requester; working unit does the fix.
    owning_unit = models.ForeignKey(SupportUnit, on_delete=models.PROTECT, related_name="+")
    working_unit = models.ForeignKey(SupportUnit, on_delete=models.PROTECT, related_name="+")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_tickets",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    impact = models.CharField(max_length=10, choices=Impact.choices, default=Impact.LOW)
    urgency = models.CharField(max_length=10, choices=Urgency.choices, default=Urgency.MEDIUM)
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.LOW)
    # True once an agent chose a priority other than the matrix's.
    priority_overridden = models.BooleanField(default=False)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    # Stored copy of states.is_open(status), written with it, so queue filters hit an index.
    is_open = models.BooleanField(default=True)
    next_step = models.CharField(max_length=500, blank=True)
    next_step_owner = models.CharField(max_length=12, choices=NextStepOwner.choices, blank=True)
    # Whether the requester sees the next step (most do; "chase vendor case 4411" may not).
    next_step_shared = models.BooleanField(default=True)
    resolution = models.TextField(blank=True)
    follow_up_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="tickets")
    watchers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="watched_tickets"
    )
    # Optimistic lock: bumped on every change to the fields above and to the tags
    # (watchers and messages are added, never overwritten, and do not bump it).
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)  # any change, notes included
    # Who made that last change (None: Scotty itself): unread markers ignore an agent's
    # own changes.
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A waiting ticket comes back to its assignee's action list at this moment ("waiting
    # on the requester until Friday"); None: it waits until someone answers.
    waiting_until = models.DateTimeField(null=True, blank=True)
    # The handover note of the last transfer, which the receiving unit sees first.
    handover = models.ForeignKey(
        "Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Opened and resolved while the person was on the phone or at the desk.
    first_contact_resolution = models.BooleanField(default=False)
    # The last change the requester can see (public reply, status, shared next step):
    # what "last update" means in the portal, so desk-only work does not show there.
    public_activity_at = models.DateTimeField(default=timezone.now)
    first_response_at = models.DateTimeField(null=True, blank=True)
    # Service levels, kept by tickets.services.clocks from the history: the owning
    # unit's policy, the due times queues sort and filter on (None: nothing due, or a
    # clock paused before its target), and what was achieved, in business minutes.
    # What the requester asked for from the catalog (None: in their own words only).
    service = models.ForeignKey(
        "catalog.Service", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # How they asked (a request type of the service) and the form's version they
    # answered; the team within the working unit the request type routed it to.
    request_type = models.ForeignKey(
        "catalog.RequestType", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    form_version = models.ForeignKey(
        "catalog.FormVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agent_group = models.ForeignKey(
        "accounts.AgentGroup", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sla_policy = models.ForeignKey(
        "catalog.SlaPolicy", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    first_response_due = models.DateTimeField(null=True, blank=True)
    resolution_due = models.DateTimeField(null=True, blank=True)
    ola_due = models.DateTimeField(null=True, blank=True)  # the working unit's part
    # The soonest of the three, for the queues' "due soonest" sort and their filters on
    # an index; NOTHING_DUE (far in the future, so keyset pages and indexes need no
    # NULL ordering) when no clock is due.
    due_at = models.DateTimeField(default=nothing_due)
    # When the worker should next look at the clocks (a warning or a breach falls due);
    # None: nothing to announce. Past moments included: the worker finds an alert it
    # already made (SlaAlert) and moves on, so a write never hides one.
    sla_alert_at = models.DateTimeField(null=True, blank=True)
    first_response_minutes = models.PositiveIntegerField(null=True, blank=True)
    first_response_met = models.BooleanField(null=True, blank=True)
    resolution_minutes = models.PositiveIntegerField(null=True, blank=True)
    resolution_met = models.BooleanField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes: ClassVar = [
            # Each queue filter + its sort key (priority, id), so a page is an index range.
            models.Index(fields=["working_unit", "is_open", "priority", "id"], name="q_unit_open"),
            models.Index(fields=["assignee", "is_open", "priority", "id"], name="q_assignee_open"),
            # An agent's waiting tickets ("Work on now" > Waiting); the statuses sorted as
            # queues.py writes them, so SQLite sees the query's condition is the index's,
            # and is_open kept so that SQLite prefers it to q_assignee_open.
            models.Index(
                fields=["assignee", "is_open", "priority", "id"],
                condition=Q(status__in=["waiting_requester", "waiting_third_party"]),
                name="q_assignee_waiting",
            ),
            # Partial indexes carry is_open (implied) as a column, like the waiting ones:
            # SQLite counts the terms an index's columns serve, and with a term fewer it
            # priced them as dear as the full q_unit_open / q_owner_open and read every
            # open ticket of the unit instead (0010).
            models.Index(
                fields=["working_unit", "is_open", "priority", "id"],
                condition=Q(assignee__isnull=True, is_open=True),
                name="q_unit_unassigned",
            ),
            models.Index(fields=["working_unit", "status", "priority", "id"], name="q_unit_status"),
            # The unit's "Waiting" queue: two statuses would otherwise be two ranges of
            # q_unit_status to merge and sort (86 ms at 1M tickets on PostgreSQL); is_open
            # (implied) so that SQLite prefers it to q_unit_status; the status last, so
            # that its capped count reads the index alone.
            models.Index(
                fields=["working_unit", "is_open", "priority", "id", "status"],
                condition=Q(status__in=["waiting_requester", "waiting_third_party"]),
                name="q_unit_waiting",
            ),
            models.Index(fields=["owning_unit", "is_open", "priority", "id"], name="q_owner_open"),
            # Only open tickets worked away from their owning unit: the "handed off" queue
            # (the working unit last: its count reads the index alone).
            models.Index(
                fields=["owning_unit", "is_open", "priority", "id", "working_unit"],
                condition=Q(is_open=True) & ~Q(working_unit=F("owning_unit")),
                name="q_handed_off",
            ),
            models.Index(fields=["is_open", "priority", "id"], name="q_all_open"),
            models.Index(fields=["working_unit", "is_open", "due_at", "id"], name="q_unit_due"),
            models.Index(fields=["assignee", "is_open", "due_at", "id"], name="q_assignee_due"),
            models.Index(
                fields=["sla_alert_at"],
                name="sla_alerts_due",
                condition=Q(sla_alert_at__isnull=False),
            ),
            models.Index(fields=["working_unit", "resolved_at", "id"], name="q_unit_resolved"),
            models.Index(fields=["requester", "is_open", "id"], name="q_requester"),
            # The periodic close of resolved tickets whose reopen window has passed.
            models.Index(fields=["status", "resolved_at"], name="resolved_since"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    # The labels every queue row shows, from dicts made once: Django's own
    # get_FOO_display builds a dict of the field's choices on each call (~20 µs; a queue
    # page calls them 50 times and more). Same result: the label, in the active language.
    def get_priority_display(self) -> str:  # type: ignore[no-redef]
        return str(_PRIORITY_LABELS.get(self.priority, self.priority))

    def get_status_display(self) -> str:  # type: ignore[no-redef]
        return str(_STATUS_LABELS.get(self.status, self.status))

    def get_next_step_owner_display(self) -> str:  # type: ignore[no-redef]
        return str(_OWNER_LABELS.get(self.next_step_owner, self.next_step_owner))


_PRIORITY_LABELS = dict(Priority.choices)
_STATUS_LABELS = dict(Status.choices)
_OWNER_LABELS = dict(NextStepOwner.choices)


def _attachment_path(instance: "Attachment", filename: str) -> str:
    # Never a user-controlled path: a random name, keeping only a sane extension.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class MessageKind(models.TextChoices):
    REPLY = "reply", gettext_lazy("Public reply")  # seen by the requester and watchers
    # agents only, never sent to a requester by any channel
    NOTE = "note", gettext_lazy("Internal note")


class Message(models.Model):
    """One entry of the conversation: a public reply or an internal note."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=MessageKind.choices)
    body = models.TextField()
    channel = models.CharField(max_length=10, choices=Channel.choices)
    # RFC 5322 Message-ID for e-mail threading; set by the mail channel.
    message_id = models.CharField(max_length=250, null=True, blank=True, unique=True)
    # What a mail quoted below its own words (the history, a signature): kept, and
    # folded away on the pages.
    quoted = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["ticket", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on ticket {self.ticket_id}"

    @property
    def is_internal(self) -> bool:
        return self.kind == MessageKind.NOTE


class Attachment(models.Model):
    """A file on a ticket. Served only through a view that checks visibility."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="attachments")
    # Null for files given with the ticket's description.
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=_attachment_path, max_length=200)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Agents only, without a note: the file answers a form question the requester is
    # not shown (tickets.models.TicketAnswer).
    internal = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.filename

    @property
    def is_internal(self) -> bool:
        return self.internal or (self.message is not None and self.message.is_internal)


class EventKind(models.TextChoices):
    CREATED = "created", pgettext_lazy("event", "Created")
    FIELD_CHANGED = "field_changed", pgettext_lazy("event", "Changed")
    REPLY_ADDED = "reply_added", pgettext_lazy("event", "Replied")
    NOTE_ADDED = "note_added", pgettext_lazy("event", "Added a note")
    WATCHER_ADDED = "watcher_added", pgettext_lazy("event", "Added a watcher")
    WATCHER_REMOVED = "watcher_removed", pgettext_lazy("event", "Removed a watcher")
    FOLLOW_UP_OPENED = "follow_up_opened", pgettext_lazy("event", "Follow-up opened")
    SLA_WARNING = "sla_warning", pgettext_lazy("event", "SLA warning")
    SLA_BREACHED = "sla_breached", pgettext_lazy("event", "SLA breached")
    # A mail about the ticket could not be delivered (the server refused it for good).
    MAIL_FAILED = "mail_failed", pgettext_lazy("event", "Mail not delivered")


class TicketEvent(models.Model):
    """One recorded change: who, when, which field, old and new value.

    Written in the same transaction as the change by `tickets.events`; never updated.
    Timeline, audit, notifications, SLA and metrics read these rows.
    """

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    # Null for changes Scotty made itself (automatic close, for example). PROTECT: people
    # with history are deactivated, never deleted (events are append-only).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    field = models.CharField(max_length=30, blank=True)
    old_value = models.CharField(max_length=500, blank=True)
    new_value = models.CharField(max_length=500, blank=True)
    message = models.ForeignKey(Message, null=True, on_delete=models.CASCADE, related_name="+")
    # Shown on the requester's timeline too; decided when the event is written.
    is_public = models.BooleanField(default=False)
    # The ticket's version after this change, so a conflict can say what changed since.
    version = models.PositiveIntegerField()

    class Meta:
        indexes: ClassVar = [models.Index(fields=["ticket", "at", "id"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.field} on ticket {self.ticket_id}"


class TicketView(models.Model):
    """When an agent last opened a ticket: what is unread for them is what others
    changed since (one row per agent and ticket, overwritten on every visit)."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="views")
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["person", "ticket"], name="one_view_per_agent")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} saw ticket {self.ticket_id} at {self.seen_at:%Y-%m-%d %H:%M}"


class CannedReply(models.Model):
    """A reply agents reuse: a unit's (any of its agents may use it) or one agent's own.
    `body` may hold placeholders ({first_name}, {reference}, {agent}) filled on insert."""

    title = models.CharField(max_length=120)
    body = models.TextField()
    unit = models.ForeignKey(
        SupportUnit, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["title"]
        constraints: ClassVar = [
            # Exactly one of the two: a unit's reply, or a personal one.
            models.CheckConstraint(
                condition=Q(unit__isnull=True) ^ Q(owner__isnull=True), name="canned_unit_xor_owner"
            )
        ]

    def __str__(self) -> str:
        return self.title


class SlaAlert(models.Model):
    """A warning or breach of one clock at one due time, made once: two workers at once
    both try to insert it, and the unique key lets one of them (the other skips it).
    A new due time (the priority changed) is a new alert."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="+")
    clock = models.CharField(max_length=20)  # first_response, resolution, ola
    kind = models.CharField(max_length=12)  # warning, breach
    due = models.DateTimeField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["ticket", "clock", "kind", "due"], name="alert_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} of {self.clock} on ticket {self.ticket_id}"


class TicketAnswer(models.Model):
    """One answer to a question of the catalog form a ticket was filed with (a multiple
    choice: a row per option chosen). `key` and `value` are copied from the question
    and the answer as written, so queues filter on them across form versions."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey("catalog.FormField", on_delete=models.PROTECT, related_name="+")
    key = models.SlugField(max_length=40)
    # As shown: the text, the number, the ISO date, the choice, "yes"/"no", the
    # person's name and e-mail, the file's name.
    value = models.TextField()
    # The value folded (case, accents) and cut to its first 200 characters: what the
    # queues' filter compares, in an index (a whole long text would not fit one).
    match = models.CharField(max_length=200)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    attachment = models.ForeignKey(
        Attachment, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering: ClassVar = ["ticket_id", "id"]
        indexes: ClassVar = [
            # The queues' answer filter: the tickets whose answer to `key` is `value`.
            models.Index(fields=["key", "match", "ticket"], name="answers_by_key"),
        ]

    def __str__(self) -> str:
        return f"{self.key}={self.value[:40]}"
