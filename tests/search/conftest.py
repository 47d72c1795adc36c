"""A small desk to search: tickets in two units, a note, a reply, an accented requester."""

from dataclasses import dataclass

import pytest

from scotty.accounts.models import Person
from scotty.accounts.services import create_person
from scotty.core.testing import PASSWORD, Org, file_ticket
from scotty.search.results import Results
from scotty.search.selectors import search
from scotty.tickets.models import Ticket
from scotty.tickets.services import add_reply

NOTE = "Fuser is worn; vendor case 4411 opened."


@dataclass
class Desk:
    printer: Ticket  # Rita's, IT: note "vendor case 4411", public reply "new fuser"
    payslip: Ticket  # Otto's, HR
    laptop: Ticket  # Jürgen Müller's, IT
    muller: Person


@pytest.fixture
def desk(org: Org) -> Desk:
    printer = file_ticket(
        org.requester, org.it, "Printer on floor 3 jams",
        description="It jams on every second page since Monday.",
    )  # fmt: skip
    add_reply(printer, author=org.agent, body=NOTE, internal=True)
    add_reply(printer, author=org.agent, body="We ordered a new fuser for it.")
    payslip = file_ticket(
        org.other_requester, org.hr, "Payslip wrong",
        description="My payslip for March shows the wrong tax code.",
    )  # fmt: skip
    muller = create_person(
        email="jurgen.muller@example.org", full_name="Jürgen Müller", password=PASSWORD
    )
    laptop = file_ticket(
        muller, org.it, "Laptop battery drains fast",
        description="The battery is empty after an hour, even when the laptop sleeps.",
    )  # fmt: skip
    return Desk(printer, payslip, laptop, muller)


def refs(results: Results) -> list[str]:
    return [r.reference for r in results.items]


def as_agent(person: Person, text: str, **kw: object) -> list[str]:
    return refs(search(person, text, as_agent=True, **kw))  # type: ignore[arg-type]


def as_requester(person: Person, text: str) -> list[str]:
    return refs(search(person, text, as_agent=False))
