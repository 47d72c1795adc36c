"""Realistic texts for the demo tickets: what people ask each unit, and how the desk answers.

A `Topic` is one kind of request (VPN, payslip, heating ...) with the words of every step
of its conversation. Texts may use `{placeholders}`: the topic's own `slots` (a printer
name, an application ...) and the ones every ticket has (see `COMMON_SLOTS`). One value
per slot is drawn per ticket, so the title, description and replies agree.
"""

from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Topic:
    key: str
    weight: int  # relative frequency within its unit
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
    tags: tuple[str, ...]
    slots: MappingProxyType[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    # For IT topics a second-level team may fix: its prefix, how often, and the handover note.
    transfer_to: str = ""
    transfer_share: float = 0.0
    handovers: tuple[str, ...] = ()
    # Impact/urgency pairs typical for this topic (the agent's triage picks one).
    triage: tuple[tuple[str, str], ...] = (("low", "medium"), ("low", "low"), ("medium", "medium"))


def slots(**values: tuple[str, ...]) -> MappingProxyType[str, tuple[str, ...]]:
    """A read-only slot table, so a frozen Topic stays immutable."""
    return MappingProxyType(values)


# Every ticket fills these besides its topic's slots (`agent` and `unit`: whoever writes).
COMMON_SLOTS = frozenset(
    {"first", "requester", "job_title", "department", "phone", "site", "floor", "room",
     "weekday", "case", "agent", "unit"}
)  # fmt: skip


def topics_by_unit() -> dict[str, tuple[Topic, ...]]:
    """Unit prefix -> its topics. Imported lazily so the corpora load only when used."""
    from scotty.demo.content.hr_facilities import FACILITIES, HR
    from scotty.demo.content.infra_apps import APPLICATIONS, INFRASTRUCTURE
    from scotty.demo.content.it import IT

    return {"IT": IT, "INF": INFRASTRUCTURE, "APP": APPLICATIONS, "HR": HR, "FAC": FACILITIES}
