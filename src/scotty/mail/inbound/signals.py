"""Loop and noise signals as the headers give them: RFC 3834's Auto-Submitted,
Precedence, List-Id, and the marks of an automatic reply (out of office and the like).

Only what the message says about itself is read here; what to do about it (never
answer, attach quietly) is the filters' business. List-Id marks list mail (and
ezmlm's Mailing-List, the header List-Id grew out of, on lists that send no List-Id);
List-Unsubscribe and List-Post do not: newsletters a person may well answer carry them
too. Precedence: list covers the other old list servers.
"""

import re
from dataclasses import dataclass

from scotty.mail.inbound.headers import Headers, folded, message_ids_in

# Headers that only automatic replies carry, whatever their value (Bluebottle's marks
# its challenge-response mail: "click here to be let through").
_AUTO_REPLY_HEADERS = (
    "X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Reply", "X-Bluebottle-Request",
)  # fmt: skip
# Exchange marks its own automatic replies with these suppression tokens (All is set on
# ordinary mail by some systems, so it alone is not a sign).
_SUPPRESS_TOKENS = {"oof", "autoreply"}
_ADDRESS = re.compile(r"[^\s<>;@]+@[^\s<>;@]+")
_AUTO_REPLY_SUBJECT = re.compile(
    r"out of (the )?office|automatic reply|auto[- ]?reply|auto[- ]?response|^auto:"
    r"|automatic response|abwesenheitsnotiz|automatische antwort|r[ée]ponse automatique"
    r"|respuesta autom[áa]tica|risposta automatica|automatisch antwoord"
    r"|automatyczna odpowied[źz]|autosvar|^away (until|from)|\bvacation\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Signals:
    auto_submitted: str  # "" for none ("no" says the same)
    precedence: str
    list_id: str
    is_auto_reply: bool


def signals_of(headers: Headers, subject: str) -> Signals:
    auto_submitted = headers.token("Auto-Submitted")
    precedence = headers.token("Precedence")
    return Signals(
        auto_submitted="" if auto_submitted == "no" else auto_submitted,
        precedence=precedence,
        list_id=_list_id(headers),
        is_auto_reply=_is_auto_reply(headers, auto_submitted, precedence, subject),
    )


def _list_id(headers: Headers) -> str:
    """The id between List-Id's angle brackets ("Users <users.lists.example.org>"), else
    its value as given; else the list's address in ezmlm's "Mailing-List: contact
    users-help@example.org; run by ezmlm"."""
    value = headers.text("List-Id")
    ids = message_ids_in(value)
    if "<" in value and ids:
        return ids[0]
    if value.strip() or not headers.has("Mailing-List"):
        return folded(value)
    contact = _ADDRESS.search(headers.text("Mailing-List"))
    return contact.group().lower() if contact else "mailing-list"


def _is_auto_reply(headers: Headers, auto_submitted: str, precedence: str, subject: str) -> bool:
    if auto_submitted == "auto-replied" or precedence == "auto_reply":
        return True
    if headers.text("Return-Path").strip() == "<>":
        return True  # the null sender: RFC 3834 asks automatic replies to use it
    if any(headers.has(name) for name in _AUTO_REPLY_HEADERS):
        return True
    suppress = {t.strip().lower() for t in headers.text("X-Auto-Response-Suppress").split(",")}
    if suppress & _SUPPRESS_TOKENS:
        return True
    return bool(_AUTO_REPLY_SUBJECT.search(subject))
