"""The results contract, visibility, folding, word forms and ranking: the same tests run
on SQLite (FTS5) and, with DATABASE_URL, on PostgreSQL full text."""

import pytest

from scotty.core.testing import Org, file_ticket
from scotty.search.results import Part, Result
from scotty.search.selectors import PAGE_SIZE, search
from scotty.tickets import states
from scotty.tickets.queues import QueueFilters
from scotty.tickets.services import add_watcher
from scotty.tickets.states import Status
from tests.search.conftest import NOTE, Desk, as_agent, as_requester


def hits(parts: tuple[Part, ...]) -> list[str]:
    return [p.text for p in parts if p.hit]


def test_a_result_carries_the_contract(org: Org, desk: Desk) -> None:
    results = search(org.agent, "jammed", as_agent=True)
    assert results.total == 1 and not results.capped
    (result,) = results.items
    assert isinstance(result, Result)
    assert (result.kind, result.reference) == ("ticket", desk.printer.reference)
    assert (result.status, result.status_label) == (Status.OPEN, "Open")  # answered: open
    assert result.unit == "IT Service Desk"
    assert "".join(p.text for p in result.title) == "Printer on floor 3 jams"
    assert hits(result.title) == ["jams"]
    assert result.source == "Description"
    assert hits(result.snippet) == ["jams"]
    assert "every second page" in "".join(p.text for p in result.snippet)
    desk.printer.refresh_from_db()
    assert result.updated == desk.printer.updated_at
    assert isinstance(result.rank, float)


def test_agents_search_every_field_of_their_units_tickets(org: Org, desk: Desk) -> None:
    assert as_agent(org.agent, "floor") == [desk.printer.reference]  # title
    assert as_agent(org.agent, "monday") == [desk.printer.reference]  # description
    assert as_agent(org.agent, "ordered fuser") == [desk.printer.reference]  # public reply
    assert as_agent(org.agent, "4411") == [desk.printer.reference]  # internal note
    assert as_agent(org.agent, "rita@example.org") == [desk.printer.reference]  # e-mail
    assert as_agent(org.agent, "Rita Requester") == [desk.printer.reference]  # name
    assert as_agent(org.agent, desk.printer.reference.split("-")[1]) == [desk.printer.reference]


def test_a_note_is_quoted_as_a_note_for_agents(org: Org, desk: Desk) -> None:
    (result,) = search(org.agent, "vendor case", as_agent=True).items
    assert result.source == "Internal note"
    assert hits(result.snippet) == ["vendor", "case"]


def test_an_agent_never_finds_another_units_ticket(org: Org, desk: Desk) -> None:
    assert as_agent(org.agent, "payslip") == []
    assert as_agent(org.hr_agent, "printer") == []
    assert as_agent(org.hr_agent, "4411") == []
    assert as_agent(org.hr_agent, "payslip") == [desk.payslip.reference]
    assert as_agent(org.infra_agent, "printer") == []
    # A requester has no desk: nothing, whatever they type.
    assert as_agent(org.requester, "printer") == []


def test_administrators_search_every_unit(org: Org, desk: Desk) -> None:
    assert as_agent(org.admin, "payslip printer") == []  # every word must match
    assert as_agent(org.admin, "payslip") == [desk.payslip.reference]
    assert as_agent(org.admin, "printer") == [desk.printer.reference]


def test_requesters_search_their_own_requests_public_words_only(org: Org, desk: Desk) -> None:
    assert as_requester(org.requester, "printer") == [desk.printer.reference]
    assert as_requester(org.requester, "ordered") == [desk.printer.reference]
    assert as_requester(org.requester, "4411") == []  # only in the internal note
    assert as_requester(org.requester, "vendor") == []
    assert as_requester(org.requester, "payslip") == []  # Otto's
    assert as_requester(org.other_requester, "printer") == []  # Rita's
    assert as_requester(org.other_requester, "payslip") == [desk.payslip.reference]
    assert as_requester(org.colleague, "printer") == []  # same department, not hers


def test_a_requesters_snippet_never_quotes_a_note(org: Org, desk: Desk) -> None:
    # "fuser" is in the note and in the public reply: the requester sees the reply.
    (result,) = search(org.requester, "fuser", as_agent=False).items
    assert result.source == "Reply"
    assert NOTE not in "".join(p.text for p in result.snippet)
    assert result.unit == "IT Service Desk"  # the unit they asked
    assert result.status_label == states.requester_wording(Status.OPEN)


def test_agents_see_their_own_requests_elsewhere_only_in_the_portal(org: Org) -> None:
    own = file_ticket(org.agent, org.hr, "Parental leave form")
    assert as_agent(org.agent, "parental") == []
    assert as_requester(org.agent, "parental") == [own.reference]


def test_watchers_find_what_they_follow(org: Org, desk: Desk) -> None:
    assert as_requester(org.colleague, "printer") == []
    add_watcher(desk.printer, actor=org.agent, watcher=org.colleague)
    assert as_requester(org.colleague, "printer") == [desk.printer.reference]


@pytest.mark.parametrize("typed", ["muller", "MULLER", "Müller", "müll", "Jürgen"])
def test_accents_and_case_fold(org: Org, desk: Desk, typed: str) -> None:
    assert as_agent(org.agent, typed) == [desk.laptop.reference]


def test_accents_fold_in_titles_and_the_highlight_keeps_them(org: Org) -> None:
    cafe = file_ticket(org.requester, org.it, "Café machine in the Straße wing is broken")
    (result,) = search(org.agent, "cafe strasse", as_agent=True).items
    assert result.reference == cafe.reference
    assert hits(result.title) == ["Café", "Straße"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [("jammed", "printer"), ("jamming", "printer"), ("printers", "printer"),
     ("batteries", "laptop"), ("sleeping", "laptop"), ("draining", "laptop")],
)  # fmt: skip
def test_word_forms_match(org: Org, desk: Desk, typed: str, found: str) -> None:
    assert as_agent(org.agent, typed + " ") == [getattr(desk, found).reference]


@pytest.mark.parametrize(("typed", "found"), [("prin", "printer"), ("Mül", "laptop"),
                                              ("lapt", "laptop"), ("batt", "laptop"),
                                              ("jammi", "printer")])  # fmt: skip
def test_the_last_word_is_a_prefix_while_typing(
    org: Org, desk: Desk, typed: str, found: str
) -> None:
    assert as_agent(org.agent, typed) == [getattr(desk, found).reference]


def test_a_word_followed_by_a_space_is_whole(org: Org, desk: Desk) -> None:
    assert as_agent(org.agent, "lapt") == [desk.laptop.reference]
    assert as_agent(org.agent, "lapt ") == []


def test_stop_words_alone_search_nothing(org: Org, desk: Desk) -> None:
    results = search(org.agent, "the and of ", as_agent=True)
    assert results.query.empty and results.items == ()


def test_a_title_match_ranks_above_a_description_match(org: Org) -> None:
    in_title = file_ticket(org.requester, org.it, "Scanner offline", description="Since today.")
    in_text = file_ticket(
        org.requester, org.it, "Floor 2 problem", description="The scanner is offline."
    )
    assert as_agent(org.agent, "scanner ") == [in_title.reference, in_text.reference]
    newer = file_ticket(org.requester, org.it, "Scanner jams", description="Since today.")
    # Equal matches: the newer first.
    assert as_agent(org.agent, "scanner ")[:2] == [newer.reference, in_title.reference]


def test_more_mentions_rank_higher(org: Org) -> None:
    once = file_ticket(
        org.requester, org.it, "Doors", description="My badge does not open the doors."
    )
    often = file_ticket(
        org.requester, org.it, "Doors",
        description="Badge broken. The badge reader says the badge is unknown.",
    )  # fmt: skip
    assert as_agent(org.agent, "badge ") == [often.reference, once.reference]


def test_results_come_a_page_at_a_time(org: Org) -> None:
    made = [
        file_ticket(org.requester, org.it, f"Monitor flickers {i}") for i in range(PAGE_SIZE + 2)
    ]
    first = search(org.agent, "monitor ", as_agent=True)
    second = search(org.agent, "monitor ", as_agent=True, page=2)
    assert (first.total, first.pages, len(first.items), len(second.items)) == (22, 2, 20, 2)
    assert first.has_next and not second.has_next and second.has_previous
    shown = {r.reference for r in first.items} | {r.reference for r in second.items}
    assert shown == {t.reference for t in made}
    assert search(org.agent, "monitor ", as_agent=True, page=99).page == 2


def test_queue_filters_narrow_the_search(org: Org, desk: Desk) -> None:
    assert as_agent(org.agent, "it", filters=QueueFilters(status=Status.NEW)) == []  # stop word
    assert as_agent(org.admin, "payslip", filters=QueueFilters(unit_id=org.hr.pk)) == [
        desk.payslip.reference
    ]
    assert as_agent(org.admin, "payslip", filters=QueueFilters(unit_id=org.it.pk)) == []
    assert as_agent(org.agent, "battery", filters=QueueFilters(status=Status.OPEN)) == []
    assert as_agent(org.agent, "battery", filters=QueueFilters(status=Status.NEW)) == [
        desk.laptop.reference
    ]
    assert as_agent(
        org.agent, "battery", filters=QueueFilters(requester_email="jurgen.muller@example.org")
    ) == [desk.laptop.reference]


def test_a_reference_is_recognised_for_those_who_may_open_it(org: Org, desk: Desk) -> None:
    ref = desk.printer.reference
    assert search(org.agent, ref.lower(), as_agent=True).reference == ref
    assert search(org.hr_agent, ref, as_agent=True).reference is None
    assert search(org.requester, f" {ref} ", as_agent=False).reference == ref
    assert search(org.other_requester, ref, as_agent=False).reference is None
