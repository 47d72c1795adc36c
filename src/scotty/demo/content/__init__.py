"""Realistic texts for the demo tickets: what people ask each unit, and how the desk answers.

A `Topic` is one kind of request (VPN, laptop, payslip ...) as a unit sees it: how often it
comes, its tags, the slots its texts share, the team IT hands it to, its usual triage. It
holds the `Case`s people bring: one problem each (a cracked laptop screen, a laptop that
will not start), with the words of every step of its conversation. A ticket draws all its
words from one case, so every text of a case must fit every one of its titles; `about`
names the problem in a few key words, and tests/demo check that each description and
resolution names a key word its title names.

Texts may use `{placeholders}`: the slots of the topic and the case (a printer name, an
application ...) and the ones every ticket has (see `COMMON_SLOTS`). One value per slot is
drawn per ticket, so the title, description and replies agree.
"""

from dataclasses import dataclass, field
from types import MappingProxyType

Slots = MappingProxyType[str, tuple[str, ...]]


def slots(**values: tuple[str, ...]) -> Slots:
    """A read-only slot table, so a frozen Topic or Case stays immutable."""
    return MappingProxyType(values)


def _no_slots() -> Slots:
    return MappingProxyType({})


@dataclass(frozen=True)
class Case:
    """One problem and the words of its conversation; every text fits every title."""

    key: str
    about: tuple[str, ...]  # key words (lower case) naming the problem, see the module doc
    titles: tuple[str, ...]
    descriptions: tuple[str, ...]
    first_replies: tuple[str, ...]  # the agent's first public answer
    questions: tuple[str, ...]  # the agent asks the requester something (ticket then waits)
    answers: tuple[str, ...]  # the requester's answers
    notes: tuple[str, ...]  # internal notes between agents
    resolutions: tuple[str, ...]  # what was done (the resolution field)
    next_desk: tuple[str, ...]  # next steps owned by the desk
    next_requester: tuple[str, ...]  # next steps owned by the requester
    next_third_party: tuple[str, ...]  # next steps owned by a supplier or another team
    weight: int = 1  # relative frequency within its topic
    # IT's note when it passes the work to the topic's `transfer_to`; none: IT keeps it.
    handovers: tuple[str, ...] = ()
    slots: Slots = field(default_factory=_no_slots)  # added to (or replacing) the topic's

    def named_in(self, text: str) -> frozenset[str]:
        """The key words of `about` that a text names."""
        lowered = text.lower()
        return frozenset(word for word in self.about if word in lowered)


@dataclass(frozen=True)
class Topic:
    """A kind of request: its cases and what they share."""

    key: str
    weight: int  # relative frequency within its unit
    cases: tuple[Case, ...]
    tags: tuple[str, ...]
    slots: Slots = field(default_factory=_no_slots)
    # For IT topics a second-level team may fix: its prefix, and how often a case that has
    # handover notes goes there.
    transfer_to: str = ""
    transfer_share: float = 0.0
    # Impact/urgency pairs typical for this topic (the agent's triage picks one).
    triage: tuple[tuple[str, str], ...] = (("low", "medium"), ("low", "low"), ("medium", "medium"))


# Every ticket fills these besides its topic's slots (`agent` and `unit`: whoever writes).
COMMON_SLOTS = frozenset(
    {"first", "requester", "job_title", "department", "phone", "site", "floor", "room",
     "weekday", "case", "agent", "unit"}
)  # fmt: skip


def topics_by_unit() -> dict[str, tuple[Topic, ...]]:
    """Unit prefix -> its topics. Imported lazily so the corpora load only when used."""
    from scotty.demo.content.finance_travel import FINANCE, TRAVEL
    from scotty.demo.content.hr_facilities import FACILITIES, HR
    from scotty.demo.content.infra_apps import APPLICATIONS, INFRASTRUCTURE
    from scotty.demo.content.it import IT

    return {"IT": IT, "INF": INFRASTRUCTURE, "APP": APPLICATIONS, "HR": HR, "FAC": FACILITIES,
            "FIN": FINANCE, "TRV": TRAVEL}  # fmt: skip
