"""Turning a case's texts into one ticket's words: slots filled once, greetings, sign-offs."""

import random
from collections.abc import Sequence

from scotty.accounts.models import Person
from scotty.demo.content import Case, Topic
from scotty.demo.content import common as phrases

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


class _Slots(dict[str, str]):
    # A placeholder nobody filled stays visible rather than crashing a 20-minute load.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Words:
    """The texts of one ticket: one case of its topic (drawn by weight unless given), and
    slot values drawn once, so every message is about the same problem and agrees."""

    def __init__(
        self,
        rng: random.Random,
        topic: Topic,
        requester: Person,
        site: str,
        department: str,
        case: Case | None = None,
    ) -> None:
        self.rng, self.topic = rng, topic
        self.case = case or rng.choices(topic.cases, weights=[c.weight for c in topic.cases])[0]
        floor = rng.randint(1, 6)
        self.slots = _Slots(
            first=requester.full_name.split(" ")[0],
            requester=requester.full_name,
            job_title=requester.job_title,
            department=department,
            phone=requester.phone,
            site=site,
            floor=str(floor),
            room=f"{floor}.{rng.randint(1, 30):02d}",
            weekday=rng.choice(_WEEKDAYS),
            case=f"{rng.randint(100000, 999999)}",
        )
        for name, values in (topic.slots | self.case.slots).items():
            self.slots[name] = rng.choice(values)

    def fill(self, texts: Sequence[str]) -> str:
        return self.rng.choice(texts).format_map(self.slots)

    def title(self) -> str:
        return self.fill(self.case.titles)[:200]

    def description(self, channel: str) -> str:
        body = self.fill(self.case.descriptions)
        if channel == "email":
            return f"Hi,\n\n{body}\n\n{self.fill(phrases.REQUESTER_SIGN_OFFS)}" + (
                phrases.EMAIL_SIGNATURE.format_map(self.slots)
            )
        if channel == "phone":
            return self.fill(phrases.PHONE_PREFIXES) + body
        if channel == "walk_in":
            return self.fill(phrases.WALK_IN_PREFIXES) + body
        return body

    def from_agent(self, agent: Person, unit: str, texts: Sequence[str]) -> str:
        """A public reply: greeting, the text, the agent's sign-off."""
        self.slots["agent"], self.slots["unit"] = agent.get_short_name(), unit
        middle = self.fill(texts)
        return f"{self.fill(phrases.GREETINGS)}\n\n{middle}\n\n{self.fill(phrases.AGENT_SIGN_OFFS)}"

    def from_requester(self, texts: Sequence[str]) -> str:
        return f"{self.fill(texts)}\n\n{self.fill(phrases.REQUESTER_SIGN_OFFS)}"

    def note(self, texts: Sequence[str]) -> str:
        return self.fill(texts)

    def resolution(self) -> str:
        return self.fill(self.case.resolutions)

    def resolved_reply(self, agent: Person, unit: str, resolution: str) -> str:
        self.slots["resolution"] = resolution
        return self.from_agent(agent, unit, phrases.RESOLVED_REPLIES)

    def tags(self) -> list[str]:
        count = self.rng.randint(1, min(2, len(self.topic.tags)))
        return sorted(self.rng.sample(self.topic.tags, count))
