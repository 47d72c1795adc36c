"""Canned replies: texts agents reuse, a unit's (its managers keep them, any of its agents
uses them) or one agent's own. Placeholders are filled when one is put into a reply:
{first_name} (the requester's), {reference} (the ticket's), {agent} (the writing agent's
first name). Unknown braces stay as typed: the text is never run as a format string.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from scotty.accounts.models import Person, SupportUnit
from scotty.accounts.selectors import is_agent, is_manager_of
from scotty.core.errors import Conflict, NotAllowed, NotFound
from scotty.tickets.models import CannedReply, Ticket
from scotty.tickets.selectors import desk_units
from scotty.tickets.services.validation import clean_text

MAX_CANNED_TITLE = 120
MAX_CANNED_BODY = 10_000
PLACEHOLDERS = ("{first_name}", "{reference}", "{agent}")
_NOT_FOUND = gettext_lazy("No such canned reply, or you may not use it.")


def usable_replies(person: Person) -> QuerySet[CannedReply]:
    """The canned replies a person may put into a reply: their own and their units' (every
    unit's, for administrators); none for anyone who is not an agent."""
    if not is_agent(person):
        return CannedReply.objects.none()
    units = desk_units(person)
    shared = Q(unit__isnull=False) if units is None else Q(unit_id__in=units)
    return CannedReply.objects.filter(Q(owner_id=person.pk) | shared).select_related("unit")


def matching_replies(person: Person, typed: str, *, limit: int = 8) -> list[CannedReply]:
    """Usable replies whose title contains what was typed so far (all, for nothing typed),
    the person's own first: what the composer offers, at most `limit`."""
    typed = typed.replace("\x00", "").strip()[:MAX_CANNED_TITLE]
    replies = usable_replies(person)
    if typed:
        replies = replies.filter(title__icontains=typed)
    mine_first = F("unit_id").asc(nulls_first=True)
    return list(replies.order_by(mine_first, "title", "id")[:limit])


def may_manage(person: Person, reply: CannedReply) -> bool:
    """Who changes a canned reply: its owner (a personal one: nobody else, administrators
    included), or a manager of its unit."""
    if reply.unit_id is None:
        return reply.owner_id == person.pk and person.is_active
    assert reply.unit is not None
    return person.is_active and is_manager_of(person, reply.unit)


def reply_to_manage(person: Person, reply_id: int) -> CannedReply:
    """A canned reply the person may change. NotFound if they may not even use it (we do
    not say it exists), NotAllowed if they use it but may not change it."""
    reply = usable_replies(person).filter(pk=reply_id).first()
    if reply is None:
        raise NotFound(str(_NOT_FOUND))
    if not may_manage(person, reply):
        raise NotAllowed(
            gettext("Only managers of %(unit)s may change its canned replies.")
            % {"unit": reply.unit}
        )
    return reply


def filled(reply: CannedReply, *, ticket: Ticket, agent: Person) -> str:
    """The reply's text with its placeholders filled in for this ticket and agent."""
    values = {
        "{first_name}": ticket.requester.get_short_name(),
        "{reference}": ticket.reference,
        "{agent}": agent.get_short_name(),
    }
    text = reply.body
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def _clean(title: str, body: str) -> tuple[str, str]:
    title = clean_text(
        title, field="title", label=gettext("The title"), max_length=MAX_CANNED_TITLE
    )
    body = clean_text(body, field="body", label=gettext("The text"), max_length=MAX_CANNED_BODY)
    return title, body


@transaction.atomic
def create_canned_reply(
    *, actor: Person, title: str, body: str, unit: SupportUnit | None = None
) -> CannedReply:
    """A new canned reply: the unit's when `unit` is given (its managers only), else the
    actor's own (agents only). Raises NotAllowed, InvalidInput."""
    if not is_agent(actor):
        raise NotAllowed(gettext("Only agents keep canned replies."))
    if unit is not None and not is_manager_of(actor, unit):
        raise NotAllowed(
            gettext("Only managers of %(unit)s may add canned replies for it.") % {"unit": unit}
        )
    title, body = _clean(title, body)
    return CannedReply.objects.create(
        title=title,
        body=body,
        unit=unit,
        owner=None if unit is not None else actor,
        created_by=actor,
        updated_at=timezone.now(),
    )


@transaction.atomic
def edit_canned_reply(
    reply: CannedReply, *, actor: Person, title: str, body: str, expected_updated_at: datetime
) -> CannedReply:
    """Change a canned reply's title and text. `expected_updated_at` is the version the
    editor's page showed: a colleague's save in between is not overwritten (Conflict).
    Raises NotAllowed, InvalidInput, Conflict."""
    if not may_manage(actor, reply):
        raise NotAllowed(gettext("You may not change this canned reply."))
    title, body = _clean(title, body)
    now = timezone.now()
    saved = CannedReply.objects.filter(pk=reply.pk, updated_at=expected_updated_at).update(
        title=title, body=body, updated_at=now
    )
    if saved != 1:
        raise Conflict(
            gettext(
                "Someone else changed this canned reply while you were editing it. Nothing "
                "you entered was saved; the page shows their version, save again to replace it."
            ),
            [],
        )
    reply.title, reply.body, reply.updated_at = title, body, now
    return reply


@transaction.atomic
def delete_canned_reply(reply: CannedReply, *, actor: Person) -> None:
    """Remove a canned reply (replies already sent keep their words). Raises NotAllowed."""
    if not may_manage(actor, reply):
        raise NotAllowed(gettext("You may not delete this canned reply."))
    CannedReply.objects.filter(pk=reply.pk).delete()
