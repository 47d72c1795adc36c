"""The desk's front door and queue pages, as an agent sees them."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from scotty.core.testing import Org, file_ticket
from scotty.tickets import queues
from scotty.tickets.models import Ticket
from scotty.tickets.services import assign, set_tags


def refs_on(html: str) -> list[str]:
    return re.findall(r'<span class="ref">([A-Z]+-\d+)</span>', html)


def get(c: Client, slug: str, query: str = "", **headers: str) -> str:
    response = c.get(reverse("desk:queue", args=[slug]) + query, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_the_front_door_shows_my_tickets_by_priority_then_unassigned(
    org: Org, client_for: Any
) -> None:
    low = file_ticket(org.requester, org.it, title="Low one")
    urgent = file_ticket(org.requester, org.it, title="Server down", actor=org.agent,
                         impact="high", urgency="high")  # fmt: skip
    for t in (low, urgent):
        assign(t, actor=org.agent, assignee=org.agent, expected_version=t.version)
    waiting = file_ticket(org.other_requester, org.it, title="Nobody's yet")
    file_ticket(org.requester, org.hr, title="HR matter")
    body = client_for(org.agent).get(reverse("desk:home")).content.decode()
    assert refs_on(body) == [urgent.reference, low.reference, waiting.reference]
    assert "HR matter" not in body
    assert 'href="/desk/" aria-current="page"' in body


def test_a_queue_page_marks_itself_current_and_counts_every_queue(
    org: Org, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(3):
        file_ticket(org.requester, org.it)
    monkeypatch.setattr(queues, "COUNT_CAP", 2)
    body = get(client_for(org.agent), "unassigned")
    assert re.search(r'aria-current="page"[^>]*>\s*<span>Unassigned</span>', body)
    assert '<span class="count" aria-label="2+ tickets">2+</span>' in body
    assert '<span class="count" aria-label="0 tickets">0</span>' in body  # mine


def test_filters_and_sorts_from_the_filter_bar(org: Org, client_for: Any) -> None:
    vpn = file_ticket(org.other_requester, org.it, title="VPN drops", actor=org.agent,
                      impact="high", urgency="high")  # fmt: skip
    set_tags(vpn, actor=org.agent, names=["vpn"], expected_version=vpn.version)
    printer = file_ticket(org.requester, org.it)
    c = client_for(org.agent)
    assert refs_on(get(c, "open", "?tag=vpn")) == [vpn.reference]
    assert refs_on(get(c, "open", "?requester=rita@example.org")) == [printer.reference]
    assert refs_on(get(c, "open", "?priority=4")) == [printer.reference]
    assert refs_on(get(c, "open", "?sort=newest")) == [printer.reference, vpn.reference]
    assert refs_on(get(c, "open", "?sort=oldest")) == [vpn.reference, printer.reference]
    assert refs_on(get(c, "open", "?unassigned=on")) == [vpn.reference, printer.reference]
    assign(printer, actor=org.agent, assignee=org.agent2, expected_version=printer.version)
    assert refs_on(get(c, "open", "?assignee=BEA@example.org")) == [printer.reference]
    assert refs_on(get(c, "open", "?unassigned=on")) == [vpn.reference]
    # A filter value that makes no sense is reported and ignored, not a server error.
    body = get(c, "open", "?priority=99&status=nonsense")
    assert "ignored" in body and len(refs_on(body)) == 2


def test_next_page_links_walk_the_whole_queue_once(org: Org, client_for: Any) -> None:
    made = {file_ticket(org.requester, org.it, title=f"t{i}").reference for i in range(30)}
    c = client_for(org.agent)
    path = reverse("desk:queue", args=["open"])
    url, seen = path + "?sort=oldest", []
    while url:
        body = c.get(url).content.decode()
        seen += refs_on(body)
        found = re.search(r'<a href="([^"]+)" hx-get="[^"]+"[^>]*rel="next"', body)
        url = path + found.group(1).replace("&amp;", "&") if found else ""
        assert not found or "sort=oldest" in url
    assert len(seen) == 30 and set(seen) == made


def test_htmx_asks_for_the_rows_only(org: Org, client_for: Any) -> None:
    file_ticket(org.requester, org.it)
    body = get(client_for(org.agent), "open", "?sort=newest", HTTP_HX_REQUEST="true")
    assert body.lstrip().startswith('<div id="results"') and "<html" not in body
    restore = {"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}
    assert "<html" in get(client_for(org.agent), "open", **restore)


def test_an_unknown_queue_is_404(org: Org, client_for: Any) -> None:
    assert client_for(org.agent).get("/desk/queues/everything/").status_code == 404


def make_tickets(org: Org, n: int) -> None:
    for i in range(n):
        ticket = file_ticket(org.requester if i % 2 else org.other_requester, org.it)
        set_tags(
            ticket,
            actor=org.agent,
            names=["printer", f"floor-{i % 3}"],
            expected_version=ticket.version,
        )
        assign(ticket, actor=org.agent, assignee=org.agent2, expected_version=ticket.version)


@pytest.mark.parametrize("path", ["/desk/", "/desk/queues/open/", "/desk/queues/mine/"])
def test_queue_pages_cost_the_same_queries_for_3_rows_as_for_30(
    org: Org,
    client_for: Any,
    django_assert_max_num_queries: Any,
    django_assert_num_queries: Any,
    path: str,
) -> None:
    c = client_for(org.agent2)
    make_tickets(org, 3)
    with django_assert_max_num_queries(20) as few:
        assert c.get(path + "?sort=priority").status_code == 200
    make_tickets(org, 27)
    with django_assert_num_queries(len(few)):
        body = c.get(path + "?sort=priority").content.decode()
    assert "floor-2" in body and "Otto Other" in body
    assert Ticket.objects.count() == 30


@pytest.mark.parametrize(
    "query",
    ["?after=" + "9" * 25 + ".1", "?after=-" + "9" * 25 + ".1", "?after=1.2.3", "?after=%00"],
)
def test_forged_cursors_show_the_first_page_not_an_error(org: Org, client_for, query: str) -> None:  # type: ignore[no-untyped-def]
    for slug in ("resolved", "open"):
        assert (
            client_for(org.agent).get(reverse("desk:queue", args=[slug]) + query).status_code == 200
        )


@pytest.mark.parametrize("unit", ["²", "9" * 25, "-1", "%00"])
def test_the_people_picker_shrugs_off_odd_unit_values(org: Org, client_for, unit: str) -> None:  # type: ignore[no-untyped-def]
    response = client_for(org.agent).get(reverse("desk:people") + f"?q=al&unit={unit}")
    assert response.status_code == 200


def test_nul_bytes_in_the_go_box_and_picker_are_harmless(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(org.agent)
    assert client.get(reverse("desk:go") + "?reference=IT-1%00001").status_code == 302
    assert client.get(reverse("desk:people") + "?q=al%00ex").status_code == 200


# --- What needs me: the split front door, unread markers, the columns that matter -------


def section(html: str, heading_id: str) -> str:
    """The HTML of one section of the front door, by its heading's id."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_the_front_door_splits_what_needs_me_from_what_waits(org: Org, client_for: Any) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from scotty.tickets.services import add_reply
    from scotty.tickets.services.update import StatusPart, update_ticket
    from scotty.tickets.states import Status

    now, vendor, later = (file_ticket(org.requester, org.it, title=t)
                          for t in ("Open one", "Vendor case", "Call back Friday"))  # fmt: skip
    for t in (now, vendor, later):
        assign(t, actor=org.agent, assignee=org.agent, expected_version=t.version)
    update_ticket(vendor, actor=org.agent, expected_version=vendor.version,
                  status=StatusPart(Status.WAITING_ON_THIRD_PARTY))  # fmt: skip
    update_ticket(later, actor=org.agent, expected_version=later.version,
                  status=StatusPart(Status.WAITING_ON_REQUESTER),
                  waiting_until=timezone.now() + timedelta(days=3))  # fmt: skip
    c = client_for(org.agent)
    body = c.get(reverse("desk:home")).content.decode()
    assert refs_on(section(body, "needs-heading")) == [now.reference]
    folded = section(body, "waiting-heading")
    assert refs_on(folded) == [] and 'aria-label="2 tickets">2</span>' in folded
    assert re.search(r'<details class="waiting" hx-get="/desk/\?part=waiting"', body)
    assert 'href="/desk/queues/my-waiting/"' in folded  # without JavaScript: the list's page
    # Opening the fold fetches its rows.
    rows = c.get(reverse("desk:home") + "?part=waiting", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in rows and set(refs_on(rows)) == {vendor.reference, later.reference}
    assert "follow up" in rows  # the date it comes back
    assert set(refs_on(get(c, "my-waiting"))) == {vendor.reference, later.reference}
    # Rita answers about the vendor case: it needs Alex again.
    add_reply(vendor, author=org.requester, body="Did the vendor call?")
    body = client_for(org.agent).get(reverse("desk:home")).content.decode()
    assert set(refs_on(section(body, "needs-heading"))) == {now.reference, vendor.reference}
    assert "Rita Requester replied" in section(body, "needs-heading")


def by_row(html: str) -> dict[str, str]:
    """Each table row's HTML by the reference it shows."""
    rows = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("</tr>")[:-1]
    return {refs_on(row)[0]: row for row in rows}


def test_rows_show_unread_next_step_and_last_activity(org: Org, client_for: Any) -> None:
    from scotty.tickets.services import add_reply, set_next_step

    seen = file_ticket(org.requester, org.it, title="Seen already")
    fresh = file_ticket(org.other_requester, org.it, title="Nobody looked")
    assign(seen, actor=org.agent2, assignee=org.agent2, expected_version=seen.version)
    set_next_step(seen, actor=org.agent2, text="Order a new fuser", owner="desk", shared=True,
                  expected_version=seen.version)  # fmt: skip
    c = client_for(org.agent)
    assert c.get(reverse("desk:ticket", args=[seen.reference])).status_code == 200
    body = get(c, "open")
    rows = by_row(body)
    marker = 'aria-label="unread: changed since you last opened it"'
    assert marker in rows[fresh.reference] and marker not in rows[seen.reference]
    assert (
        "Order a new fuser" in rows[seen.reference]
        and "Bea Second updated it" in rows[seen.reference]
    )
    assert "opened" in rows[fresh.reference]
    set_next_step(fresh, actor=org.agent2, text="Call Otto", owner="desk", shared=True,
                  expected_version=fresh.version)  # fmt: skip
    assert "a colleague updated it" in by_row(get(c, "open"))[fresh.reference]
    add_reply(seen, author=org.requester, body="It jams again.")
    assert marker in by_row(get(c, "open"))[seen.reference]


def headers(html: str) -> list[str]:
    return re.findall(r'<th scope="col"(?: class="[^"]*")?>([^<]*)</th>', html)


def test_columns_that_read_the_same_on_every_row_are_left_out(org: Org, client_for: Any) -> None:
    ticket = file_ticket(org.requester, org.it)
    assign(ticket, actor=org.agent, assignee=org.agent, expected_version=ticket.version)
    file_ticket(org.other_requester, org.it)
    c = client_for(org.agent)  # works for IT only
    assert headers(get(c, "mine")) == ["Priority", "Ticket", "Requester", "Status", "Next step",
                                       "Last activity"]  # fmt: skip
    assert "Assignee" in headers(get(c, "open")) and "Unit" not in headers(get(c, "open"))
    assert "Status" not in headers(get(c, "open", "?status=open"))
    assert "Requester" not in headers(get(c, "open", "?requester=rita@example.org"))
    # An administrator works for every unit: the unit says something.
    assert "Unit" in headers(get(client_for(org.admin), "open"))
    transfer_to_infra = file_ticket(org.requester, org.it, title="For infra")
    from scotty.tickets.services import transfer

    transfer(transfer_to_infra, actor=org.agent, working_unit=org.infra,
             expected_version=transfer_to_infra.version)  # fmt: skip
    assert "Unit" in headers(get(client_for(org.infra_agent), "open"))  # owned by IT


def test_unread_markers_cost_no_query_on_the_queue_page(
    org: Org, client_for: Any, django_assert_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from scotty.tickets.services.visits import mark_seen

    c = client_for(org.agent2)  # make_tickets changes them as Alex: unread for Bea
    make_tickets(org, 3)
    c.get("/desk/queues/open/")
    with CaptureQueriesContext(connection) as few:
        c.get("/desk/queues/open/")
    for ticket in Ticket.objects.all():
        mark_seen(ticket, person=org.agent2)
    before = Ticket.objects.count()
    make_tickets(org, 5)
    queries = len(few)  # (a request clears Django's query log)
    get(c, "open")  # counts the queues again after the changes (see the next tests)
    with django_assert_num_queries(queries):
        body = get(c, "open")
    assert body.count('aria-label="unread: changed since you last opened it"') == 5
    assert Ticket.objects.count() == before + 5


# The desk's pages in queries (issue 6): the person, their units, then each list with
# its tags; the session and the queue counts come from the cache (tickets/counts.py).
@pytest.mark.parametrize(
    ("path", "budget"),
    [
        ("/desk/", 6),  # two lists (needs my action, unassigned) and their tags
        # the units for the filter and action bar, the services and agent groups for
        # the filter, one list
        ("/desk/queues/open/", 7),
        ("/desk/queues/handed-off/", 7),
    ],
)
def test_desk_pages_stay_within_their_query_budget(
    org: Org, client_for: Any, django_assert_num_queries: Any, path: str, budget: int
) -> None:
    from scotty.tickets.services import transfer

    make_tickets(org, 4)  # Bea's: her "needs my action"
    file_ticket(org.requester, org.it, title="Nobody's yet")
    away = file_ticket(org.requester, org.it, title="With second level")
    transfer(away, actor=org.agent, working_unit=org.infra, expected_version=away.version)
    c = client_for(org.agent2)
    c.get(path)
    with django_assert_num_queries(budget):
        body = c.get(path).content.decode()
    assert len(refs_on(body)) >= 1


def counts_on(html: str) -> dict[str, str]:
    nav = html.split('class="queue-nav"', 1)[1].split("</nav>", 1)[0]
    found = re.findall(r'href="/desk/queues/([a-z-]+)/".*?<span class="count"[^>]*>([^<]+)<', nav,
                       re.S)  # fmt: skip
    return dict(found)


def test_the_counts_are_counted_again_after_any_change_to_a_ticket_of_my_units(
    org: Org, client_for: Any, django_assert_num_queries: Any
) -> None:
    from scotty.tickets.services import add_reply, transfer

    bea, alex = client_for(org.agent2), client_for(org.agent)
    make_tickets(org, 2)  # Bea's
    file_ticket(org.requester, org.hr, title="Not IT's")
    assert counts_on(bea.get("/desk/").content.decode())["mine"] == "2"
    with django_assert_num_queries(5):  # person, units, two lists, tags: counts from the cache
        bea.get("/desk/")
    alex_sees = counts_on(alex.get("/desk/queues/open/").content.decode())
    assert (alex_sees["open"], alex_sees["unassigned"]) == ("2", "0")
    fresh = file_ticket(org.requester, org.it, title="New one")  # filed by Rita
    with django_assert_num_queries(6 + 2):  # + tags of the new unassigned, counted again
        seen = counts_on(bea.get("/desk/").content.decode())
    assert (seen["open"], seen["unassigned"], seen["mine"]) == ("3", "1", "2")
    # Another process's page (the cache is shared) and another kind of change each time.
    assign(fresh, actor=org.agent, assignee=org.agent, expected_version=fresh.version)
    seen = counts_on(alex.get("/desk/queues/open/").content.decode())
    assert (seen["unassigned"], seen["mine"]) == ("0", "1")
    transfer(fresh, actor=org.agent, working_unit=org.infra, expected_version=fresh.version)
    seen = counts_on(alex.get("/desk/queues/open/").content.decode())
    assert (seen["open"], seen["handed-off"], seen["mine"]) == ("2", "1", "0")  # unassigned
    infra = counts_on(client_for(org.infra_agent).get("/desk/queues/open/").content.decode())
    assert infra["open"] == "1"
    from scotty.tickets.services import transition
    from scotty.tickets.states import Status

    def needs_bea() -> str:
        home = bea.get("/desk/").content.decode()
        return re.findall(r'id="needs-heading">.*?<span class="count"[^>]*>([^<]+)<', home)[0]

    ritas = Ticket.objects.get(assignee=org.agent2, requester=org.requester)
    assert needs_bea() == "2"
    transition(ritas, actor=org.agent2, to=Status.WAITING_ON_THIRD_PARTY,
               expected_version=ritas.version)  # fmt: skip
    assert needs_bea() == "1"
    # Rita's words change no field, but she now had the last word: it needs Bea again.
    add_reply(ritas, author=org.requester, body="Any news?")
    assert needs_bea() == "2"
