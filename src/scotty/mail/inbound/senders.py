"""Who wrote: the person with the sender's address, or, for an unknown sender from an
allowed domain (SCOTTY_MAIL_ALLOWED_DOMAINS), a new requester made for them. Anyone
else's mail is quarantined with the reason; so is mail from an account that was
deactivated (the desk decides what to do with it)."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from scotty.accounts.models import Person
from scotty.accounts.selectors import person_by_email
from scotty.accounts.services import create_person
from scotty.mail.inbound.parsed import Address
from scotty.mail.models import InboundMessage


@dataclass(frozen=True)
class Sender:
    person: Person | None
    refusal: str = ""  # why their mail is quarantined, in words


def domain_allowed(address: str) -> bool:
    """Is the address's domain one whose people may write in ("*": any domain)?"""
    domain = address.rsplit("@", 1)[-1]
    allowed = [d.lower().lstrip("@") for d in settings.SCOTTY_MAIL_ALLOWED_DOMAINS]
    return "*" in allowed or domain in allowed


def sender_of(address: Address) -> Sender:
    """The person who wrote, made a requester if their domain is allowed."""
    if not address.address or "@" not in address.address:
        return Sender(None, gettext("The sender's address cannot be read."))
    person = person_by_email(address.address)
    if person is not None:
        if not person.is_active:
            return Sender(None, gettext("%(address)s belongs to an account that was "
                                        "deactivated.") % {"address": address.address})  # fmt: skip
        return Sender(person)
    if not domain_allowed(address.address):
        return Sender(None, gettext("%(address)s is not known here, and its domain is not one "
                                    "whose people may write in (SCOTTY_MAIL_ALLOWED_DOMAINS).")
                      % {"address": address.address})  # fmt: skip
    name = address.name.strip() or address.address.split("@", 1)[0]
    return Sender(create_person(email=address.address, full_name=name[:150]))


def over_the_limit(address: str, *, replies: bool = False) -> bool:
    """Has this sender opened as many tickets by mail in the last hour as one may (or,
    with `replies`, written as many replies)? A runaway script or a mail loop stops
    here: two automatic responders that ignore Auto-Submitted, answering each other
    through a ticket, would otherwise trade replies for ever."""
    since = timezone.now() - timedelta(hours=1)
    outcomes: tuple[str, ...] = ("replied", "follow_up") if replies else ("created",)
    most = (settings.SCOTTY_MAIL_REPLIES_PER_SENDER_HOUR if replies
            else settings.SCOTTY_MAIL_TICKETS_PER_SENDER_HOUR)  # fmt: skip
    counted = InboundMessage.objects.filter(sender=address, outcome__in=outcomes,
                                            received_at__gte=since)  # fmt: skip
    return counted.count() >= most
