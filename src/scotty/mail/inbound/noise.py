"""What kind of mail this is, for loop and noise protection (issue 8).

RECONSTRUCTED: the inbound-parser session overwrote this module by accident (its
author's version was lost) and rebuilt it from how `ingest.py` uses it and from the
issue's rules. Its author should check it against what they wrote and replace it.

- a bounce (a delivery status notification) is recorded on the mail it concerns;
- mail from one of Scotty's own addresses would start a loop;
- list and bulk mail (Precedence bulk/junk/list, List-Id) and mail from a mailer-daemon
  or postmaster open nothing;
- an automatic reply (out of office) is attached quietly;
- other auto-submitted mail (RFC 3834) opens a ticket but is never answered.
"""

from collections.abc import Collection
from enum import StrEnum

from scotty.mail.inbound.parsed import ParsedMail

_DAEMONS = {"mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon"}
_BULK = {"bulk", "junk", "list"}


class Noise(StrEnum):
    PERSON = "person"  # written by a person: answered as usual
    BOUNCE = "bounce"
    OWN = "own"  # from one of Scotty's own addresses
    BULK = "bulk"  # list or bulk mail
    DAEMON = "daemon"  # from a mail server (mailer-daemon, postmaster)
    AUTO_REPLY = "auto_reply"  # out of office and the like
    AUTOMATIC = "automatic"  # other auto-submitted mail (a monitoring tool)


def noise_of(mail: ParsedMail, own: Collection[str]) -> Noise:
    """What kind of mail `mail` is; `own` holds Scotty's own addresses."""
    sender = mail.sender.address
    if mail.bounce is not None:
        return Noise.BOUNCE
    if sender and sender in own:
        return Noise.OWN
    if mail.is_auto_reply:
        return Noise.AUTO_REPLY
    if mail.precedence in _BULK or mail.list_id:
        return Noise.BULK
    if sender.split("@", 1)[0] in _DAEMONS:
        return Noise.DAEMON
    if mail.auto_submitted:
        return Noise.AUTOMATIC
    return Noise.PERSON


def answerable(kind: Noise) -> bool:
    """May Scotty answer mail of this kind (an acknowledgement)? Only a person's."""
    return kind == Noise.PERSON
