"""What the desk tells a person in its notification list (the bell in the header).

A notification keeps values, not sentences (its kind, the ticket, which clock, the due
time), so each reader sees it in their own language and time zone when it is shown.
The e-mail issue adds an outbox beside it, written by the same service.
"""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from scotty.tickets.models import Ticket


class NoticeKind(models.TextChoices):
    SLA_WARNING = "sla_warning", pgettext_lazy("notification", "SLA warning")
    SLA_BREACH = "sla_breach", pgettext_lazy("notification", "SLA breached")
    # To administrators: an IMAP mailbox keeps failing or has not been read (no ticket).
    MAILBOX_UNHEALTHY = "mailbox_unhealthy", pgettext_lazy("notification", "Mailbox unhealthy")
    # To a unit's managers: one of its articles is past its review date (no ticket).
    ARTICLE_STALE = "article_stale", pgettext_lazy("notification", "Article to review")


class Notification(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    ticket = models.ForeignKey(Ticket, null=True, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey("knowledge.Article", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="+")  # fmt: skip
    clock = models.CharField(max_length=20, blank=True)  # first_response, resolution, ola
    due = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes: ClassVar = [
            models.Index(fields=["person", "created_at", "id"], name="notices_of_person"),
            models.Index(
                fields=["person"], name="notices_unread", condition=Q(read_at__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.person_id}"


class MailKind(models.TextChoices):
    # To the requester (and watchers, for replies)
    ACKNOWLEDGEMENT = "acknowledgement", pgettext_lazy("mail", "Request received")
    REPLY = "reply", pgettext_lazy("mail", "A reply on a request")
    WAITING_ON_YOU = "waiting_on_you", pgettext_lazy("mail", "Waiting on you")
    # Again, after SCOTTY_WAITING_REMINDER_DAYS without their answer (`reminders`).
    WAITING_REMINDER = "waiting_reminder", pgettext_lazy("mail", "Reminder: waiting on you")
    RESOLVED = "resolved", pgettext_lazy("mail", "Request resolved")
    # To agents
    ASSIGNED = "assigned", pgettext_lazy("mail", "A ticket assigned to you")
    REQUESTER_REPLIED = "requester_replied", pgettext_lazy("mail", "A reply on your ticket")
    SLA_WARNING = "sla_warning", pgettext_lazy("mail", "SLA warning")
    SLA_BREACH = "sla_breach", pgettext_lazy("mail", "SLA breached")
    ARTICLE_STALE = "article_stale", pgettext_lazy("mail", "An article to review")
    # Delivery trouble and loops, told to nobody but recorded
    OTHER = "other", pgettext_lazy("mail", "Other")


class MailState(models.TextChoices):
    PENDING = "pending", pgettext_lazy("mail", "Pending")
    SENT = "sent", pgettext_lazy("mail", "Sent")
    FAILED = "failed", pgettext_lazy("mail", "Failed")


class OutgoingMail(models.Model):
    """One e-mail to one address, written in the transaction of the change that causes
    it (the outbox) and sent by the worker. `message_id` is Scotty's own Message-ID:
    replies that name it in In-Reply-To or References find their ticket again. Never
    carries an internal note (the service that writes rows refuses one)."""

    kind = models.CharField(max_length=20, choices=MailKind.choices)
    ticket = models.ForeignKey(Ticket, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="+")  # fmt: skip
    # Or the knowledge article it is about (a review reminder), when no ticket.
    article = models.ForeignKey("knowledge.Article", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="+")  # fmt: skip
    # The public reply it carries, for "sent / pending / failed" beside it in the desk.
    reply = models.ForeignKey("tickets.Message", null=True, blank=True,
                              on_delete=models.CASCADE, related_name="mails")  # fmt: skip
    person = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    to_address = models.CharField(max_length=254)
    from_address = models.CharField(max_length=254)
    reply_to = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=300)
    text = models.TextField()
    html = models.TextField(blank=True)
    message_id = models.CharField(max_length=250, unique=True)
    in_reply_to = models.CharField(max_length=250, blank=True)
    references = models.TextField(blank=True)
    automatic = models.BooleanField(default=True)  # Auto-Submitted: auto-generated
    # For SLA mail: which clock and its due time, as the bell's notification keeps them.
    clock = models.CharField(max_length=20, blank=True)
    due = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=MailState.choices, default=MailState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes: ClassVar = [
            # The worker's queue: what is pending and due, oldest first.
            models.Index(
                fields=["next_attempt_at", "id"], name="outbox_due", condition=Q(state="pending")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to_address} ({self.state})"


class MailPreference(models.Model):
    """A person's choice about one kind of mail. No row: they get it (every kind is on
    until they turn it off in their settings); `notifications.mail` reads these in one
    place for every kind."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")  # fmt: skip
    kind = models.CharField(max_length=20, choices=MailKind.choices)
    wanted = models.BooleanField(default=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["person", "kind"], name="one_preference_a_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.person_id}: {'on' if self.wanted else 'off'}"
