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
    QUEUES,
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
    listed = [q for q in QUEUES if q.listed]
    # All six in one query, each its own capped subquery.
    assert len(count_sql) == 1 and count_sql[0].count("LIMIT 3") == len(listed) == 6
    assert {c.queue.slug: c.shown for c in queue_counts(org.agent)}["open"] == "3"


def test_the_counts_are_the_queues_lengths_after_every_kind_of_change(
    org: Org, desk: dict[str, Ticket], django_assert_num_queries: object
) -> None:
    slugs = [q.slug for q in QUEUES if q.listed] + ["needs-action", "my-waiting"]

    def check() -> None:
        for person in (org.agent, org.agent2, org.infra_agent, org.admin):
            person = Person.objects.get(pk=person.pk)  # memberships as they are now
            counted = queue_counts(person, also=("needs-action", "my-waiting"))
            assert [c.queue.slug for c in counted] == slugs
            assert {c.queue.slug: c.count for c in counted} == {
                slug: len(refs(person, slug)) for slug in slugs
            }

    check()
    ticket = desk["unassigned"]
    assign(ticket, actor=org.agent, assignee=org.agent, expected_version=ticket.version)
    check()
    transition(ticket, actor=org.agent, to=Status.WAITING_ON_REQUESTER,
               expected_version=ticket.version)  # fmt: skip
    check()
    transfer(ticket, actor=org.agent, working_unit=org.infra, expected_version=ticket.version)
    check()
    resolve(org, desk["mine"])
    file_ticket(org.requester, org.it, title="new")
    check()
    person = Person.objects.get(pk=org.agent.pk)
    queue_counts(person)  # loads the agent's units
    with django_assert_num_queries(1):  # type: ignore[operator]
        queue_counts(person, also=("needs-action",))


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


# --- What needs me: my open tickets split into "needs my action" and "waiting" ---------


def wait(org: Org, ticket: Ticket, status: str, until: timedelta | None = None) -> Ticket:
    """Alex sets the ticket waiting (until `until` from now, when given), as the composer does."""
    from scotty.tickets.services.update import StatusPart, update_ticket

    moment = timezone.now() + until if until is not None else None
    update_ticket(ticket, actor=org.agent, expected_version=ticket.version,
                  status=StatusPart(status), waiting_until=moment)  # fmt: skip
    return ticket


@pytest.fixture
def alexs(org: Org) -> dict[str, Ticket]:
    """Alex's tickets: new, open, waiting with and without a date, and one of Bea's."""
    t = {name: file_ticket(org.requester, org.it, title=name)
         for name in ("open", "on_rita", "on_vendor", "dated", "beas")}  # fmt: skip
    for name, ticket in t.items():
        who = org.agent2 if name == "beas" else org.agent
        assign(ticket, actor=org.agent, assignee=who, expected_version=ticket.version)
    wait(org, t["on_rita"], Status.WAITING_ON_REQUESTER)
    wait(org, t["on_vendor"], Status.WAITING_ON_THIRD_PARTY)
    wait(org, t["dated"], Status.WAITING_ON_THIRD_PARTY, until=timedelta(days=2))
    return t


def test_my_tickets_split_into_needs_my_action_and_waiting(
    org: Org, alexs: dict[str, Ticket]
) -> None:
    ref = {name: t.reference for name, t in alexs.items()}
    assert refs(org.agent, "needs-action") == {ref["open"]}
    assert refs(org.agent, "my-waiting") == {ref["on_rita"], ref["on_vendor"], ref["dated"]}
    assert refs(org.agent2, "needs-action") == {ref["beas"]}
    assert refs(org.agent2, "my-waiting") == set()


def test_a_waiting_ticket_comes_back_when_its_follow_up_date_comes(
    org: Org, alexs: dict[str, Ticket]
) -> None:
    dated = alexs["dated"].reference
    with time_machine.travel(timezone.now() + timedelta(days=2, minutes=1)):
        assert dated in refs(org.agent, "needs-action")
        assert dated not in refs(org.agent, "my-waiting")
        assert alexs["on_vendor"].reference in refs(org.agent, "my-waiting")  # no date: waits


def test_a_requester_answer_brings_a_ticket_waiting_on_a_third_party_back(
    org: Org, alexs: dict[str, Ticket]
) -> None:
    from scotty.tickets.services import add_reply

    on_vendor, on_rita = alexs["on_vendor"], alexs["on_rita"]
    add_reply(on_vendor, author=org.requester, body="Any news from the vendor?")
    add_reply(on_rita, author=org.requester, body="Here is the serial number.")  # reopens it
    assert {on_vendor.reference, on_rita.reference} <= refs(org.agent, "needs-action")
    assert refs(org.agent, "my-waiting") == {alexs["dated"].reference}
    # Once Alex answers, the requester no longer has the last word: it waits again.
    add_reply(on_vendor, author=org.agent, body="Still waiting on them, sorry.", internal=True)
    assert on_vendor.reference in refs(org.agent, "my-waiting")


def test_needs_my_action_and_waiting_are_exactly_my_tickets(
    org: Org, alexs: dict[str, Ticket]
) -> None:
    for moment in (timezone.now(), timezone.now() + timedelta(days=3)):
        with time_machine.travel(moment):
            needs, waiting = refs(org.agent, "needs-action"), refs(org.agent, "my-waiting")
            assert not needs & waiting
            assert needs | waiting == refs(org.agent, "mine")


def test_the_waiting_lists_and_needs_my_action_are_index_ranges(org: Org) -> None:
    from django.db import connection

    ticket = file_ticket(org.requester, org.it)
    assign(ticket, actor=org.agent, assignee=org.agent, expected_version=ticket.version)
    queue_page(org.agent, "mine")  # the agent's units, cached
    walked = {  # which index each list walks in its sort order (SQLite, PostgreSQL)
        "needs-action": ("q_assignee_open",),
        "my-waiting": ("q_assignee_waiting",),
        "waiting": ("q_unit_open", "q_unit_waiting"),
    }
    for slug, indexes in walked.items():
        with CaptureQueriesContext(connection) as captured:
            queue_page(org.agent, slug)
        sql = captured.captured_queries[0]["sql"]
        with connection.cursor() as cursor:
            prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
            if connection.vendor == "postgresql":
                # A table this small is read whole, and once other tests' rows have been
                # analysed a sort of a few rows can look cheapest: ask whether a plan that
                # walks the index in order exists (PostgreSQL still sorts if none does).
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(prefix + sql)
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert any(index in plan for index in indexes), (slug, plan)
        assert "TEMP B-TREE" not in plan and "Sort" not in plan, (slug, plan)  # no sort


def test_the_waiting_count_comes_from_the_queue_counts_unless_they_stopped_at_the_cap(
    org: Org, alexs: dict[str, Ticket], django_assert_num_queries: object
) -> None:
    from scotty.tickets.queues import my_waiting_count, queue_count

    mine, needs = queue_count(org.agent, "mine"), queue_count(org.agent, "needs-action")
    with django_assert_num_queries(0):  # type: ignore[operator]
        assert my_waiting_count(org.agent, mine, needs).shown == "3"
    capped = queue_count(org.agent, "mine", cap=2)
    with django_assert_num_queries(1):  # type: ignore[operator]
        assert my_waiting_count(org.agent, capped, needs).shown == "3"


def test_kept_counts_end_when_a_waiting_ticket_comes_back_by_its_date(
    org: Org, alexs: dict[str, Ticket], django_assert_num_queries: object
) -> None:
    from scotty.tickets.counts import desk_counts

    def needs() -> int:
        agent = Person.objects.get(pk=org.agent.pk)
        return desk_counts(agent, also=("needs-action",))[-1].count

    assert needs() == 1  # "open"; the waiting ones wait
    with django_assert_num_queries(2):  # type: ignore[operator]
        assert needs() == 1  # the person and their units; the counts are kept
    # No write announces it: the kept counts end at the follow-up date themselves.
    with time_machine.travel(timezone.now() + timedelta(days=2, minutes=1)):
        assert needs() == 2
