"""Who else has a ticket open, and who is writing on it: seconds of memory in the cache.

No models and no database: the desk's ticket page checks in every few seconds, and the
answer must cost nothing per poll. Everything lives in Django's cache (local memory in
one process, Redis when REDIS_URL is set, so every web process sees the same agents).

Each ticket has a fixed row of SLOTS cache keys; an agent on the ticket holds one slot,
which carries their name, so drawing "Bea is typing" needs no lookup. A free slot is
claimed with `cache.add` (SET NX on Redis, under a lock in local memory), so two agents
arriving at the same moment never overwrite each other, as they would in one shared
dict (last writer wins: one of them vanishes, or a "typing" is lost, until the next
poll). After that each agent writes only their own slot. One `get_many` reads the row.

Who checks in is remembered too (`remember`, `remembered`): a poll reads the person's
id from the session (itself read from the cache) and their names from here, so it needs
no Person row. The session must carry the password hash the names were remembered with,
and they last ACCESS_SECONDS, like the remembered permission: a person deactivated (or
whose password changed) meanwhile sees who is on the tickets they had open (names only,
no ticket content) for at most that long; their pages refuse them at once.

Slots expire OPEN_SECONDS after the last check-in (a closed tab leaves by itself).
"Typing" lasts TYPING_SECONDS after the last keystroke ping, "sent a reply" SENT_SECONDS.
Each value carries its own end as well as the key's TTL, so an entry reads as gone at
the same moment on every backend (Redis counts TTLs on its own clock). Moments are
wall-clock seconds (`time.time()`) of whichever process served the ping: clocks a
second apart only make a "typing" a second longer or shorter.
"""

import re
import time
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.utils.crypto import constant_time_compare

from scotty.accounts.languages import chosen_language
from scotty.accounts.models import Person
from scotty.tickets.models import MessageKind

OPEN_SECONDS = 30
TYPING_SECONDS = 8
SENT_SECONDS = 20
# More agents on one ticket at once than this is a meeting, not a collision: the rest
# still see who is here, they are just not shown themselves.
SLOTS = 16
# How long a poll trusts the permission check of an earlier one (see `allowed`), and the
# names of who checks in (see `remembered`).
ACCESS_SECONDS = 300

_REFERENCE = re.compile(r"^[A-Z]{2,6}-[0-9]{1,10}$")


@dataclass(frozen=True)
class Presence:
    """Another agent on the ticket, as the ticket page shows them."""

    person_id: int
    name: str  # full name, for the tooltip
    short_name: str  # "Bea": what the sentences say
    writing: str  # "" (only looking), MessageKind.REPLY or MessageKind.NOTE
    sent_reply: bool  # sent a public reply moments ago


@dataclass(frozen=True)
class Caller:
    """An agent checking in, as `remembered` them: what presence needs of a Person."""

    pk: int
    name: str
    short_name: str
    language: str | None = None  # the one they chose; None: their browser's

    def __str__(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.short_name


Agent = Person | Caller


def _keys(ticket_id: int) -> list[str]:
    return [f"presence:{ticket_id}:{slot}" for slot in range(SLOTS)]


def _read(ticket_id: int) -> tuple[list[str], dict[str, Any]]:
    keys = _keys(ticket_id)
    return keys, cache.get_many(keys)


def _entry(
    person: Agent, old: dict[str, Any], *, now: float, typing: bool, kind: str, sent: bool
) -> dict[str, Any]:
    entry = {
        "id": person.pk,
        "name": str(person),
        "short": person.get_short_name(),
        "until": now + OPEN_SECONDS,
        # A ping without a keystroke keeps the last one's moment: typing fades by itself.
        "typing_until": now + TYPING_SECONDS if typing else old.get("typing_until", 0.0),
        "kind": kind if typing else old.get("kind", kind),
        "sent_until": now + SENT_SECONDS if sent else old.get("sent_until", 0.0),
    }
    if sent and not typing:
        entry["typing_until"] = 0.0  # the reply is out: they are no longer writing it
    return entry


def here(
    ticket_id: int,
    person: Agent,
    *,
    typing: bool,
    kind: str = MessageKind.REPLY,
    sent: bool = False,
) -> list["Presence"]:
    """Record that `person` has the ticket open (and is typing a `kind` of message, or
    just sent a public reply); return who else is on it, as `others` would.

    One read of the ticket's slots, then one write: the person's own slot, or the first
    free one claimed atomically. When every slot is taken the person is not shown, and
    still sees the others. The caller checks that the person works the ticket.
    """
    if kind not in MessageKind.values:
        kind = MessageKind.REPLY
    now = time.time()
    keys, found = _read(ticket_id)
    mine = next((k for k in keys if _holder(found.get(k)) == person.pk), None)
    old = found[mine] if mine is not None else {}
    entry = _entry(person, old, now=now, typing=typing, kind=kind, sent=sent)
    if mine is not None:
        cache.set(mine, entry, OPEN_SECONDS)
    else:
        for key in keys:
            if key not in found and cache.add(key, entry, OPEN_SECONDS):
                break
    return _others(found.values(), person, now)


def others(ticket_id: int, person: Agent) -> list[Presence]:
    """Who else has the ticket open right now (not `person`), by name; one cache read."""
    _, found = _read(ticket_id)
    return _others(found.values(), person, time.time())


def _holder(entry: Any) -> int | None:
    return entry.get("id") if isinstance(entry, dict) else None


def _others(entries: Any, person: Agent, now: float) -> list[Presence]:
    by_person: dict[int, Presence] = {}
    for entry in entries:
        holder = _holder(entry)
        if holder is None or holder == person.pk or entry.get("until", 0.0) <= now:
            continue
        writing = entry.get("kind", "") if entry.get("typing_until", 0.0) > now else ""
        seen = Presence(
            person_id=holder,
            name=entry.get("name", ""),
            short_name=entry.get("short", ""),
            writing=writing,
            sent_reply=entry.get("sent_until", 0.0) > now,
        )
        # Two tabs of one person can each claim a slot at the same moment: show them once.
        twin = by_person.get(holder)
        if twin is not None:
            seen = Presence(
                holder, seen.name, seen.short_name,
                seen.writing or twin.writing, seen.sent_reply or twin.sent_reply,
            )  # fmt: skip
        by_person[holder] = seen
    return sorted(by_person.values(), key=lambda p: (p.name.casefold(), p.person_id))


def _access_key(person_id: int, reference: str) -> str | None:
    reference = reference.strip().upper()
    return f"presence-access:{person_id}:{reference}" if _REFERENCE.match(reference) else None


def allow(person: Agent, reference: str, ticket_id: int) -> None:
    """Remember for ACCESS_SECONDS that `person` works the ticket `reference` (id
    `ticket_id`), so the polls that follow need no database to check it again. Call it
    only after the visibility rule said yes."""
    key = _access_key(person.pk, reference)
    if key is not None:
        cache.set(key, (ticket_id, time.time() + ACCESS_SECONDS), ACCESS_SECONDS)


def allowed(person: Agent, reference: str) -> int | None:
    """The ticket id if a check of the last ACCESS_SECONDS let `person` work the ticket
    `reference`; None: ask the visibility rule (and `allow` again).

    A person who left the ticket's units meanwhile sees who is on it (names only, no
    ticket content) until the remembered check expires.
    """
    key = _access_key(person.pk, reference)
    found = cache.get(key) if key is not None else None
    if not (isinstance(found, tuple) and len(found) == 2):
        return None
    ticket_id, until = found
    return ticket_id if until > time.time() else None


def _caller_key(person_id: int) -> str:
    return f"presence-caller:{person_id}"


def remember(person: Person) -> None:
    """Remember for ACCESS_SECONDS who `person` is, so their polls need no Person row.
    Call it only for an active agent just loaded from the database."""
    entry = {
        "name": str(person),
        "short": person.get_short_name(),
        "auth": person.get_session_auth_hash(),
        "language": chosen_language(person),
        "until": time.time() + ACCESS_SECONDS,
    }
    cache.set(_caller_key(person.pk), entry, ACCESS_SECONDS)


def remembered(person_id: int, session_auth_hash: str) -> Caller | None:
    """The agent `person_id` as `remember` kept them, if their session still belongs to
    the password it was signed in with (`session_auth_hash`, from the session) and the
    ACCESS_SECONDS have not passed; None: load the person from the database."""
    found = cache.get(_caller_key(person_id))
    if not isinstance(found, dict) or found.get("until", 0.0) <= time.time():
        return None
    if not session_auth_hash or not constant_time_compare(found["auth"], session_auth_hash):
        return None
    return Caller(person_id, found["name"], found["short"], found.get("language"))
