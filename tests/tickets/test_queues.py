from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from scotty.accounts.models import Person
from scotty.core.errors import NotFound
from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from scotty.tickets.queues import (
    QueueFilters,
    Sort,
    queue_counts,
    queue_page,
    queue_tickets,
)
from scotty.tickets.services import assign, set_tags, transfer, transition
from scotty.tickets.states import Status


def refs(person: Person, slug: str, **filters: object) -> set[str]:
    return {t.reference for t in queue_tickets(person, slug, QueueFilters(**filters))}  # type: ignore[arg-type]


def page_refs(person: Person, slug: str, **kw: object) -> list[str]:
    return [t.reference for t in queue_page(person, slug, **kw).tickets]  # type: ignore[arg-type]


def resolve(org: Org, ticket: Ticket) -> Ticket:
    return transition(ticket, actor=org.agent, to=Status.RESOLVED, resolution="Fixed.",
                      expected_version=ticket.version)  # fmt: skip


@pytest.fixture
def desk(org: Org) -> dict[str, Ticket]:
    """IT: one mine, one Bea's, one unassigned, one waiting, one resolved; plus HR and INF."""
    t = {name: file_ticket(org.requester, org.it, title=name) for name in
         ("mine", "beas", "unassigned", "waiting", "resolved")}  # fmt: skip
    t["hr"] = file_ticket(org.requester, org.hr, title="hr")
    t["infra"] = file_ticket(org.requester, org.infra, title="infra")
    assign(t["mine"], actor=org.agent, assignee=org.agent, expected_version=1)
    assign(t["beas"], actor=org.agent2, assignee=org.agent2, expected_version=1)
    transition(t["waiting"], actor=org.agent, to=Status.WAITING_ON_REQUESTER, expected_version=1)
    resolve(org, t["resolved"])
    return t


def test_each_queue_shows_its_tickets_and_never_another_units(
    org: Org, desk: dict[str, Ticket]
) -> None:
    ref = {name: t.reference for name, t in desk.items()}
    assert refs(org.agent, "mine") == {ref["mine"]}
    assert refs(org.agent, "unassigned") == {ref["unassigned"], ref["waiting"]}
    assert refs(org.agent, "open") == {ref[n] for n in ("mine", "beas", "unassigned", "waiting")}
    assert refs(org.agent, "waiting") == {ref["waiting"]}
    assert refs(org.agent, "resolved") == {ref["resolved"]}
    assert refs(org.agent, "handed-off") == set()
    for slug in ("mine", "unassigned", "open", "waiting", "resolved", "handed-off"):
        assert not refs(org.agent, slug) & {ref["hr"], ref["infra"]}
        assert refs(org.hr_agent, slug) <= {ref["hr"]}
        assert refs(org.requester, slug) == set()  # filing tickets does not make a queue


def test_tickets_handed_to_second_level_stay_in_the_front_lines_handed_off_queue(
    org: Org, desk: dict[str, Ticket]
) -> None:
    ticket = desk["unassigned"]
    transfer(ticket, actor=org.agent, working_unit=org.infra, expected_version=ticket.version)
    assert refs(org.agent, "handed-off") == {ticket.reference}
    assert ticket.reference not in refs(org.agent, "open")
    assert ticket.reference in refs(org.infra_agent, "unassigned")
    assert refs(org.infra_agent, "handed-off") == set()


def test_administrators_see_every_unit(org: Org, desk: dict[str, Ticket]) -> None:
    open_refs = {t.reference for n, t in desk.items() if n != "resolved"}
    assert refs(org.admin, "open") == open_refs
    transfer(desk["hr"], actor=org.admin, working_unit=org.infra, expected_version=1)
    assert refs(org.admin, "handed-off") == {desk["hr"].reference}


def test_recently_resolved_looks_back_thirty_days(org: Org) -> None:
    old = file_ticket(org.requester, org.it, title="old")
    with time_machine.travel(timezone.now() - timedelta(days=31)):
        resolve(org, old)
    recent = resolve(org, file_ticket(org.requester, org.it, title="recent"))
    assert refs(org.agent, "resolved") == {recent.reference}


def test_filters_narrow_a_queue(org: Org, desk: dict[str, Ticket]) -> None:
    other = file_ticket(org.other_requester, org.it, title="otto's", actor=org.agent,
                        impact="high", urgency="high")  # fmt: skip
    set_tags(other, actor=org.agent, names=["vpn"], expected_version=other.version)
    assert refs(org.agent, "open", status=Status.WAITING_ON_REQUESTER) == {
        desk["waiting"].reference
    }
    assert refs(org.agent, "open", priority=1) == {other.reference}
    assert refs(org.agent, "open", requester_email=" OTTO@example.org ") == {other.reference}
    assert refs(org.agent, "open", tag="vpn") == {other.reference}
    assert refs(org.agent, "open", assignee_id=org.agent2.pk) == {desk["beas"].reference}
    assert desk["beas"].reference not in refs(org.agent, "open", unassigned=True)
    assert refs(org.agent, "open", unit_id=org.hr.pk) == set()  # never wider than my units


def test_sorting_by_priority_newest_and_oldest(org: Org) -> None:
    low = file_ticket(org.requester, org.it, title="low")
    urgent = file_ticket(org.requester, org.it, title="urgent", actor=org.agent,
                         impact="high", urgency="high")  # fmt: skip
    low2 = file_ticket(org.requester, org.it, title="low2")
    expected = [urgent.reference, low.reference, low2.reference]
    assert page_refs(org.agent, "open") == expected
    assert page_refs(org.agent, "open", sort=Sort.PRIORITY) == expected
    assert page_refs(org.agent, "open", sort=Sort.NEWEST) == [
        low2.reference, urgent.reference, low.reference,
    ]  # fmt: skip
    assert page_refs(org.agent, "open", sort=Sort.OLDEST) == [
        low.reference, urgent.reference, low2.reference,
    ]  # fmt: skip
    # A sort the queue does not offer falls back to its default.
    assert page_refs(org.agent, "open", sort=Sort.RECENTLY_RESOLVED) == expected


def walk(person: Person, slug: str, size: int, between: object = None, **kw: object) -> list[str]:
    seen: list[str] = []
    after = ""
    while True:
        page = queue_page(person, slug, size=size, after=after, **kw)  # type: ignore[arg-type]
        seen += [t.reference for t in page.tickets]
        if page.next_cursor is None:
            return seen
        after = page.next_cursor
        if callable(between):
            between()


@pytest.mark.parametrize("sort", [Sort.PRIORITY, Sort.NEWEST, Sort.OLDEST])
def test_keyset_pages_have_no_duplicates_or_gaps_while_tickets_arrive(org: Org, sort: Sort) -> None:
    levels = [("high", "high"), ("low", "low"), ("medium", "medium"), ("high", "low")]
    existing = {
        file_ticket(org.requester, org.it, title=f"t{i}", actor=org.agent,
                    impact=levels[i % 4][0], urgency=levels[i % 4][1]).reference
        for i in range(13)
    }  # fmt: skip
    arrivals = iter(range(100))

    def someone_files_two() -> None:
        for impact in ("high", "low"):
            file_ticket(org.requester, org.it, title=f"new{next(arrivals)}", actor=org.agent,
                        impact=impact, urgency=impact)  # fmt: skip

    seen = walk(org.agent, "open", 4, someone_files_two, sort=sort)
    assert len(seen) == len(set(seen))
    assert existing <= set(seen)


def test_resolved_pages_break_ties_on_the_same_second(org: Org) -> None:
    tickets = [file_ticket(org.requester, org.it, title=f"t{i}") for i in range(7)]
    with time_machine.travel(timezone.now(), tick=False):
        for ticket in tickets:
            resolve(org, ticket)
    seen = walk(org.agent, "resolved", 3)
    assert seen == [t.reference for t in reversed(tickets)]


def test_a_cursor_that_does_not_parse_starts_at_the_first_page(org: Org) -> None:
    first = file_ticket(org.requester, org.it)
    for junk in ("x", "1.2.3", "4", "'; drop table"):
        assert page_refs(org.agent, "open", after=junk) == [first.reference]


def test_an_unknown_queue_is_not_found(org: Org) -> None:
    with pytest.raises(NotFound):
        queue_tickets(org.agent, "everything")


def test_counts_stop_at_the_cap_and_never_count_the_whole_table(org: Org) -> None:
    for _ in range(3):
        file_ticket(org.requester, org.it)
    file_ticket(org.requester, org.hr)
    with CaptureQueriesContext(connection) as captured:
        counts = {c.queue.slug: c for c in queue_counts(org.agent, cap=2)}
    assert (counts["open"].shown, counts["open"].capped) == ("2+", True)
    assert (counts["mine"].shown, counts["mine"].capped) == ("0", False)
    count_sql = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(count_sql) == 6 and all("LIMIT 3" in sql for sql in count_sql)
    assert {c.queue.slug: c.shown for c in queue_counts(org.agent)}["open"] == "3"


def test_a_page_costs_the_same_queries_for_3_rows_as_for_25(
    org: Org, django_assert_num_queries: object
) -> None:
    def make(n: int) -> None:
        for _ in range(n):
            ticket = file_ticket(org.requester, org.it)
            set_tags(
                ticket,
                actor=org.agent,
                names=["printer", "floor-3"],
                expected_version=ticket.version,
            )
            assign(ticket, actor=org.agent, assignee=org.agent2, expected_version=ticket.version)

    make(3)
    queue_page(org.agent, "open")  # warms the agent's unit ids, cached on the person
    with django_assert_num_queries(2):  # type: ignore[operator]
        page = queue_page(org.agent, "open")
        first = page.tickets[0]
        assert (first.assignee.email, len(first.tags.all())) == ("bea@example.org", 2)  # type: ignore[union-attr]
    make(27)
    with django_assert_num_queries(2):  # type: ignore[operator]
        page = queue_page(org.agent, "open")
        assert {(t.requester.email, t.working_unit.prefix) for t in page.tickets} == {
            ("rita@example.org", "IT")
        }
        assert len(page.tickets) == 25 and page.next_cursor


def test_no_queue_ever_shows_a_ticket_outside_the_visibility_rule(org: Org) -> None:
    from scotty.tickets.queues import QUEUES, queue_tickets
    from scotty.tickets.selectors import desk_tickets
    from scotty.tickets.services import assign, transfer

    handed = file_ticket(org.requester, org.it)
    transfer(handed, actor=org.agent, working_unit=org.infra, expected_version=handed.version)
    mine = file_ticket(org.requester, org.infra)
    assign(mine, actor=org.infra_agent, assignee=org.infra_agent, expected_version=mine.version)
    file_ticket(org.requester, org.hr, title="Contract question")
    for person in (org.agent, org.infra_agent, org.hr_agent, org.manager, org.admin, org.requester):
        allowed = set(desk_tickets(person).values_list("pk", flat=True))
        for queue in QUEUES:
            shown = set(queue_tickets(person, queue.slug).values_list("pk", flat=True))
            assert shown <= allowed, (person, queue.slug)
    handed_off = set(queue_tickets(org.agent, "handed-off").values_list("pk", flat=True))
    assert handed_off == {handed.pk}
