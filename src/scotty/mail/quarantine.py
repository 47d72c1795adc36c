"""The quarantine: messages Scotty stored but would not act on, with the reason, for
administrators to read (the raw source included), retry once what stopped them is
fixed (an allowed domain added, a person's account made), or discard. A discarded
message keeps its bytes: nothing received is ever deleted by the desk."""

from django.db.models import QuerySet
from django.utils.translation import gettext

from scotty.accounts.models import Person
from scotty.core.errors import NotAllowed, NotFound
from scotty.mail.inbound.ingest import process
from scotty.mail.models import InboundMessage, InboundState

PAGE = 50


def _require_administrator(actor: Person) -> None:
    if not (actor.is_active and actor.is_superuser):
        raise NotAllowed(gettext("Only administrators may look after the mail quarantine."))


def quarantined(actor: Person) -> QuerySet[InboundMessage]:
    """The quarantined messages, newest first, without their bytes."""
    _require_administrator(actor)
    return (InboundMessage.objects.filter(state=InboundState.QUARANTINED).defer("raw")
            .order_by("-id"))  # fmt: skip


def quarantined_message(actor: Person, inbound_id: int) -> InboundMessage:
    _require_administrator(actor)
    row = InboundMessage.objects.filter(pk=inbound_id).first()
    if row is None:
        raise NotFound(gettext("No such message."))
    return row


def retry(actor: Person, row: InboundMessage) -> str:
    """Process a quarantined message again; what became of it ("created", "quarantined"
    ...). A message no longer in the quarantine is left as it is."""
    _require_administrator(actor)
    moved = InboundMessage.objects.filter(pk=row.pk, state=InboundState.QUARANTINED).update(
        state=InboundState.STORED, reason=""
    )
    return process(row.pk) if moved else "done before"


def discard(actor: Person, row: InboundMessage) -> bool:
    """Do nothing more with a quarantined message (its bytes stay); False if it was no
    longer in the quarantine."""
    _require_administrator(actor)
    return bool(InboundMessage.objects.filter(pk=row.pk, state=InboundState.QUARANTINED)
                .update(state=InboundState.DISCARDED))  # fmt: skip
