"""A demo ticket is one conversation: its description and resolution are about what its
title says, because the generator draws all of a ticket's words from one case.

Each case names its problem in a few key words (`Case.about`); a ticket's description
and resolution must name a key word its title names. The ticket's case is found from its
title alone, the way a reader meets it in the desk.
"""

import re
import string

import pytest

from scotty.demo.content import Case, topics_by_unit
from scotty.demo.generator import Scale, load
from scotty.tickets.models import Ticket

pytestmark = pytest.mark.django_db


def title_pattern(template: str) -> re.Pattern[str]:
    """The titles a template gives once its placeholders are filled."""
    parts = [
        re.escape(literal) + (".+" if name is not None else "")
        for literal, name, _, _ in string.Formatter().parse(template)
    ]
    return re.compile("".join(parts), re.DOTALL)


def case_of(prefix: str, title: str) -> Case:
    matches = {
        case.key: case
        for topic in topics_by_unit()[prefix]
        for case in topic.cases
        if any(title_pattern(t).fullmatch(title) for t in case.titles)
    }
    assert len(matches) == 1, f"{title!r} fits cases {sorted(matches)}"
    return next(iter(matches.values()))


def test_every_demo_ticket_talks_about_what_its_title_says() -> None:
    load(Scale(tickets=400, requesters=30, days=30))
    mismatches, resolved, units = [], 0, set()
    for ticket in Ticket.objects.select_related("owning_unit"):
        prefix = ticket.owning_unit.prefix
        units.add(prefix)
        case = case_of(prefix, ticket.title)
        said = case.named_in(ticket.title)
        for part, text in (("description", ticket.description), ("resolution", ticket.resolution)):
            if text and not said & case.named_in(text):
                mismatches.append(f"{ticket.reference} {ticket.title!r}, {part}: {text!r}")
        resolved += bool(ticket.resolution)
    assert units == {"IT", "INF", "APP", "HR", "FAC", "FIN", "TRV"} and resolved > 200
    assert not mismatches, f"{len(mismatches)} tickets:\n" + "\n".join(mismatches[:15])


def test_no_demo_ticket_says_the_same_thing_twice() -> None:
    load(Scale(tickets=300, requesters=30, days=30, seed=3))
    repeats, waiting = [], 0
    for ticket in Ticket.objects.prefetch_related("messages"):
        said = []
        for message in ticket.messages.all():
            parts = message.body.split("\n\n")
            if message.kind == "note":
                said.append(message.body)
            elif message.author_id == ticket.requester_id:
                said.append(parts[0])  # the words before the sign-off
            else:
                said.append(parts[1])  # the words between greeting and sign-off
        repeats += [f"{ticket.reference}: {text!r}" for text in set(said) if said.count(text) > 1]
        waiting += ticket.status == "waiting_requester"
    assert waiting and not repeats, "\n".join(repeats[:10])
