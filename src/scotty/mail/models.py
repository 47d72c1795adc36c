"""E-mail in: Scotty's addresses, the IMAP mailboxes the worker polls, and every message
received, stored byte for byte before anything reads it.

A message is processed after it is stored (`mail.inbound.ingest`): it opens a ticket,
joins one, is noted quietly (an out-of-office reply, a bounce), is ignored as noise
(mail that must never be answered, with why), or goes to the quarantine with the
reason, for an administrator to retry or discard. Nothing is dropped silently.
"""

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext_lazy

from scotty.accounts.email_address import EmailAddressField
from scotty.accounts.models import SupportUnit


class MailAddress(models.Model):
    """An address of Scotty's (it-help@example.org): mail to it goes to a unit, or to one
    of its services; the unit's first address is the From of its mail."""

    address = EmailAddressField(gettext_lazy("address"), unique=True)
    unit = models.ForeignKey(SupportUnit, on_delete=models.CASCADE, related_name="mail_addresses")
    service = models.ForeignKey("catalog.Service", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering: ClassVar = ["unit_id", "id"]
        verbose_name = gettext_lazy("mail address")

    def __str__(self) -> str:
        return self.address


class Security(models.TextChoices):
    IMAPS = "imaps", gettext_lazy("IMAPS (TLS from the start, port 993)")
    STARTTLS = "starttls", gettext_lazy("STARTTLS (port 143)")
    # Loopback test servers only: the settings page refuses it for other hosts.
    PLAIN = "plain", gettext_lazy("No encryption (a server on this machine only)")


class Mailbox(models.Model):
    """An IMAP mailbox the worker polls for one of Scotty's addresses. UIDVALIDITY and the
    last UID seen are kept, so a message is fetched once; a processed message is moved
    to `done_folder` (or flagged \\Seen when there is none), only after it is stored."""

    name = models.CharField(gettext_lazy("name"), max_length=100, unique=True)
    address = models.ForeignKey(MailAddress, on_delete=models.PROTECT, related_name="mailboxes")
    host = models.CharField(gettext_lazy("server"), max_length=253)
    port = models.PositiveIntegerField(gettext_lazy("port"), default=993)
    security = models.CharField(gettext_lazy("security"), max_length=10,
                                choices=Security.choices, default=Security.IMAPS)  # fmt: skip
    username = models.CharField(gettext_lazy("user name"), max_length=254)
    password = models.CharField(gettext_lazy("password"), max_length=500)
    folder = models.CharField(gettext_lazy("folder"), max_length=200, default="INBOX")
    done_folder = models.CharField(gettext_lazy("move processed mail to"), max_length=200,
                                   blank=True)  # fmt: skip
    uidvalidity = models.BigIntegerField(null=True, blank=True)
    last_uid = models.BigIntegerField(default=0)
    # Health: shown in the desk; a mailbox not read for this long is unhealthy.
    unhealthy_after_minutes = models.PositiveIntegerField(default=30)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    failures = models.PositiveIntegerField(default=0)  # in a row
    is_active = models.BooleanField(gettext_lazy("polled"), default=True)

    class Meta:
        verbose_name = gettext_lazy("mailbox")
        verbose_name_plural = gettext_lazy("mailboxes")

    def __str__(self) -> str:
        return self.name


class Source(models.TextChoices):
    IMAP = "imap", pgettext_lazy("mail source", "IMAP mailbox")
    PIPE = "pipe", pgettext_lazy("mail source", "Mail server pipe")
    LMTP = "lmtp", pgettext_lazy("mail source", "LMTP/SMTP receiver")


class InboundState(models.TextChoices):
    STORED = "stored", pgettext_lazy("mail state", "Stored, not processed yet")
    PROCESSED = "processed", pgettext_lazy("mail state", "Processed")
    IGNORED = "ignored", pgettext_lazy("mail state", "Ignored (never answered)")
    QUARANTINED = "quarantined", pgettext_lazy("mail state", "Quarantined")
    DISCARDED = "discarded", pgettext_lazy("mail state", "Discarded by an administrator")


class InboundMessage(models.Model):
    """One message as it arrived, byte for byte, and what became of it."""

    raw = models.BinaryField()
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    # "mid:<Message-ID>", or "sha:<sha256>" for a message without one: the same message
    # delivered twice (two mailboxes, an MTA retrying) is stored once.
    dedupe_key = models.CharField(max_length=300, unique=True)
    message_id = models.CharField(max_length=250, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    mailbox = models.ForeignKey(Mailbox, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")  # fmt: skip
    envelope_from = models.CharField(max_length=254, blank=True)
    envelope_to = models.TextField(blank=True)  # the recipients the server named, one a line
    received_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=12, choices=InboundState.choices,
                             default=InboundState.STORED)  # fmt: skip
    # What it did (created, replied, follow_up, auto_reply, bounce, noise ...) or why it
    # is quarantined, in words for administrators.
    outcome = models.CharField(max_length=30, blank=True)
    reason = models.TextField(blank=True)
    sender = models.CharField(max_length=254, blank=True)  # the From address, parsed
    subject = models.CharField(max_length=300, blank=True)
    ticket = models.ForeignKey("tickets.Ticket", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    # The conversation entry it became (a reply, a note, an out-of-office noted).
    reply = models.ForeignKey("tickets.Message", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    attempts = models.PositiveSmallIntegerField(default=0)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes: ClassVar = [
            models.Index(
                fields=["state", "id"],
                name="inbound_to_do",
                condition=Q(state__in=["stored", "quarantined"]),
            ),
            # The per-sender rate limit counts a sender's recent messages.
            models.Index(fields=["sender", "received_at"], name="inbound_by_sender"),
            # Threading looks a reply's In-Reply-To/References up among the messages that
            # opened or joined a ticket (without it, a scan of every message's row).
            models.Index(fields=["message_id"], name="inbound_by_message_id"),
        ]

    def __str__(self) -> str:
        return f"{self.dedupe_key[:60]} ({self.state})"
