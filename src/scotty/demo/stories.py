"""What happens to a demo ticket between filing and today: the plot, step by step.

`Plot` decides *what* happens (triage, replies, hand-over to second level, waiting,
resolution, closing) and when; `History` records each step exactly as the services
would. Old tickets mostly end closed, recent ones are still new, open or waiting.
"""

import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from scotty.accounts.models import Person
from scotty.demo.content import Case, Topic
from scotty.demo.content import common as phrases
from scotty.demo.history import History
from scotty.demo.org import Cast
from scotty.demo.texts import Words
from scotty.tickets.models import Channel, NextStepOwner
from scotty.tickets.services import waiting_until_on
from scotty.tickets.states import Status

_NEW, _OPEN, _RESOLVED, _CLOSED = Status.NEW, Status.OPEN, Status.RESOLVED, Status.CLOSED
_WAIT_R, _WAIT_T = Status.WAITING_ON_REQUESTER, Status.WAITING_ON_THIRD_PARTY

# Where a ticket filed `age` days ago stands today: (max age in days, status weights).
_AGE_BANDS: tuple[tuple[float, dict[str, float]], ...] = (
    (0.25, {_NEW: 55, _OPEN: 30, _WAIT_R: 8, _WAIT_T: 2, _RESOLVED: 5}),
    (2, {_NEW: 20, _OPEN: 34, _WAIT_R: 18, _WAIT_T: 8, _RESOLVED: 18, _CLOSED: 2}),
    (7, {_NEW: 6, _OPEN: 17, _WAIT_R: 12, _WAIT_T: 8, _RESOLVED: 33, _CLOSED: 24}),
    (30, {_NEW: 0.5, _OPEN: 3, _WAIT_R: 2, _WAIT_T: 3, _RESOLVED: 4, _CLOSED: 87.5}),
    (math.inf, {_OPEN: 0.7, _WAIT_R: 0.3, _WAIT_T: 1, _CLOSED: 98}),
)


def final_status(rng: random.Random, age_days: float) -> str:
    """The status a ticket of this age most plausibly has today."""
    weights = next(w for limit, w in _AGE_BANDS if age_days < limit)
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class Clock:
    """Story time: moves on by realistic gaps, but never past `end` (today)."""

    def __init__(self, rng: random.Random, start: datetime, end: datetime) -> None:
        self.rng, self.now, self.end = rng, start, end

    def later(self, low_minutes: float, high_minutes: float) -> datetime:
        # Log-uniform: most gaps are short, a few are long, as in real queues.
        minutes = math.exp(self.rng.uniform(math.log(low_minutes), math.log(high_minutes)))
        room = max(self.end - self.now, timedelta(0))
        self.now += min(timedelta(minutes=minutes), room / 2)
        return self.now


@dataclass
class Plot:
    """One ticket's story. `tell()` for a whole conversation, `tell_briefly()` for few rows."""

    rng: random.Random
    cast: Cast
    history: History
    words: Words
    topic: Topic
    home: str  # prefix of the unit it was filed with
    clock: Clock
    final: str
    creator: Person
    # The members of the agent group its request type routed it to: one picks it up.
    group_agents: tuple[Person, ...] = ()
    agent: Person = field(init=False)  # whoever works the ticket now
    unit_name: str = field(init=False)  # the working unit, for sign-offs
    answer_channel: str = field(init=False)
    said: set[str] = field(init=False, default_factory=set)  # texts used, not to repeat

    def __post_init__(self) -> None:
        self.unit_name = self.cast.units[self.home].name
        channel = self.history.ticket.channel
        self.answer_channel = channel if channel in ("portal", "email") else "email"

    @property
    def case(self) -> Case:
        """The problem this ticket is about: every text of the story comes from it."""
        return self.words.case

    def once(self, texts: tuple[str, ...]) -> tuple[str, ...]:
        """One of the texts this ticket has not used yet (any, once all were): nobody asks
        the same question or gives the same answer twice."""
        text = self.rng.choice([t for t in texts if t not in self.said] or texts)
        self.said.add(text)
        return (text,)

    def pick_agent(self, prefix: str) -> Person:
        return self.cast.pick_agent(self.rng, prefix)

    # --- the two kinds of story -----------------------------------------------------------

    def tell(self) -> None:
        h, rng = self.history, self.rng
        h.created(self.clock.now, self.creator)
        if self.final == _NEW:
            if rng.random() < 0.15:  # the requester adds a detail nobody has read yet
                h.requester_reply(
                    self.clock.later(10, 600), self.requester_says(), self.answer_channel
                )
            return
        self.pick_up(triage=True)
        if rng.random() < 0.45:  # beside those its request type gave it
            h.set_tags(self.clock.later(1, 30), self.agent, [*h.tags, *self.words.tags()])
        if rng.random() < 0.08:
            self.add_watcher()
        if rng.random() < 0.3:
            self.note(self.case.notes)
        if (
            self.home == "IT"
            and self.topic.transfer_to
            and self.case.handovers
            and rng.random() < self.topic.transfer_share
        ):
            self.hand_over()
        # A ticket that ends waiting on the requester keeps a question for its last step.
        keep = int(self.final == _WAIT_R)
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            if rng.random() < 0.7:
                if len(set(self.case.questions) - self.said) > keep:
                    self.ask()
                    self.answer()
            else:
                self.wait_for_third_party()
                self.back_from_third_party()
        self.end()

    def tell_briefly(self) -> None:
        """Created, picked up, answered, resolved, closed: for the bulk of old tickets."""
        h = self.history
        h.created(self.clock.now, self.creator)
        self.pick_up(triage=False)
        if self.rng.random() < 0.4:
            h.requester_reply(
                self.clock.later(20, 1440), self.requester_says(), self.answer_channel
            )
        h.move(self.clock.later(30, 2880), self.agent, _RESOLVED, self.words.resolution())
        self.close()

    # --- steps ----------------------------------------------------------------------------

    def requester_says(self) -> str:
        """A reply of the requester: an answer to what the desk asked."""
        return self.words.from_requester(self.once(self.case.answers))

    def reply(self, texts: tuple[str, ...], low: float = 2, high: float = 240) -> None:
        body = self.words.from_agent(self.agent, self.unit_name, self.once(texts))
        self.history.agent_reply(self.clock.later(low, high), self.agent, body)

    def note(self, texts: tuple[str, ...]) -> None:
        at = self.clock.later(5, 300)
        self.history.message(
            at, self.agent, self.words.note(self.once(texts)), internal=True, channel=Channel.DESK
        )

    def pick_up(self, *, triage: bool) -> None:
        """An agent of the unit (of its group, if it has one) takes the ticket
        (assigning opens it) and answers."""
        if self.group_agents:
            self.agent = self.rng.choice(self.group_agents)
        else:
            self.agent = self.pick_agent(self.home)
        at = self.clock.later(5, 240)
        if triage and self.creator.pk == self.history.requester.pk and self.rng.random() < 0.5:
            self.history.set_priority(at, self.agent, *self.rng.choice(self.topic.triage))
        managers = self.cast.managers[self.home]
        by = self.rng.choice(managers) if managers and self.rng.random() < 0.2 else self.agent
        self.history.assign(at, by, self.agent)
        self.reply(self.case.first_replies)

    def add_watcher(self) -> None:
        requester = self.history.requester
        colleagues = self.cast.colleagues.get(requester.department_id, [])
        watcher = self.rng.choice(colleagues) if colleagues else None
        if watcher is not None and watcher.pk != requester.pk:
            self.history.add_watcher(self.clock.later(1, 60), self.agent, watcher)

    def hand_over(self) -> None:
        """IT passes the work to a second-level unit and stays the requester's contact."""
        target = self.topic.transfer_to
        self.note(self.case.handovers)
        stays = target in self.cast.units_of.get(self.agent.pk, frozenset())
        self.history.transfer(self.clock.later(1, 20), self.agent, self.cast.units[target], stays)
        self.unit_name = self.cast.units[target].name
        if not stays:
            self.agent = self.pick_agent(target)
            self.history.assign(self.clock.later(10, 480), self.agent, self.agent)
        if self.rng.random() < 0.5:
            self.note(self.case.notes)

    def ask(self) -> None:
        self.reply(self.case.questions)
        self.history.move(self.clock.later(0.2, 2), self.agent, _WAIT_R)

    def answer(self) -> None:
        if self.rng.random() < 0.15:
            self.reply(phrases.REMINDERS, 600, 2880)
        at = self.clock.later(15, 1440)
        self.history.requester_reply(at, self.requester_says(), self.answer_channel)

    def wait_for_third_party(self) -> None:
        self.note(phrases.THIRD_PARTY_NOTES)
        self.reply(phrases.THIRD_PARTY_REPLIES, 1, 30)
        self.history.move(self.clock.later(0.2, 2), self.agent, _WAIT_T)

    def back_from_third_party(self) -> None:
        self.note(phrases.BACK_FROM_THIRD_PARTY)
        self.history.move(self.clock.later(1, 60), self.agent, _OPEN)

    def next_step(self, owner: str, texts: tuple[str, ...]) -> None:
        shared = self.rng.random() < (0.6 if owner == NextStepOwner.THIRD_PARTY else 0.9)
        text = self.words.note(texts)[:500]
        self.history.set_next_step(self.clock.later(1, 30), self.agent, text, owner, shared)

    def end(self) -> None:
        if self.final == _OPEN:
            self.next_step(NextStepOwner.DESK, self.case.next_desk)
            self.chase(0.25)
        elif self.final == _WAIT_R:
            self.next_step(NextStepOwner.REQUESTER, self.case.next_requester)
            self.ask()
            self.follow_up_on()
        elif self.final == _WAIT_T:
            self.next_step(NextStepOwner.THIRD_PARTY, self.case.next_third_party)
            self.wait_for_third_party()
            self.follow_up_on()
            self.chase(0.15)
        else:
            self.resolve()
            if self.rng.random() < 0.06:  # the fix did not hold
                at = self.clock.later(60, 2880)
                still = self.words.from_requester(phrases.STILL_BROKEN)
                self.history.requester_reply(at, still, self.answer_channel)
                self.note(phrases.REOPEN_NOTES)
                self.resolve()
            self.close()

    def chase(self, share: float) -> None:
        """Now and then the requester asks for news and nobody has answered yet: the
        ticket shows on "needs my action" as "the requester answered"."""
        if self.rng.random() < share:
            at = self.clock.later(60, 2880)
            self.history.requester_reply(
                at, self.words.from_requester(phrases.REQUESTER_CHASERS), self.answer_channel
            )

    def follow_up_on(self) -> None:
        """A date to come back on, a few days after the wait began: for every wait of the
        last three days (still ahead, whatever day the demo is loaded) and half the older
        ones (most of which have come back to "needs my action" by now)."""
        recent = self.clock.now > self.clock.end - timedelta(days=3)
        if recent or self.rng.random() < 0.5:
            at = self.clock.later(0.2, 2)
            day = (at + timedelta(days=self.rng.choice((1, 2, 3, 5, 7)))).date()
            if recent:
                day = max(day, self.clock.end.date() + timedelta(days=1))
            self.history.wait_until(at, self.agent, waiting_until_on(day))

    def resolve(self) -> None:
        resolution = self.words.fill(self.once(self.case.resolutions))  # a reopen: another fix
        if self.rng.random() < 0.8:
            body = self.words.resolved_reply(self.agent, self.unit_name, resolution)
            self.history.agent_reply(self.clock.later(30, 2880), self.agent, body)
        self.history.move(self.clock.later(0.2, 5), self.agent, _RESOLVED, resolution)

    def close(self) -> None:
        """Closed by the requester's confirmation, or by Scotty when the window passed."""
        resolved_at = self.history.ticket.resolved_at
        assert resolved_at is not None
        window = timedelta(days=self.cast.units[self.home].reopen_window_days)
        auto_at = resolved_at + window + timedelta(minutes=self.rng.uniform(0, 5))
        expired = auto_at < self.clock.end
        if self.final == _CLOSED and (not expired or self.rng.random() < 0.35):
            self.history.move(self.clock.later(30, 2880), self.history.requester, _CLOSED)
        elif expired:
            self.history.move(auto_at, None, _CLOSED)
