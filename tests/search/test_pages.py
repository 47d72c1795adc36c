"""The search pages: the desk header's box (results, jump to a reference, typing with
htmx) and "Search my requests" in the portal."""

from typing import Any

from django.urls import reverse

from scotty.core.testing import Org, file_ticket
from tests.search.conftest import Desk

SEARCH = reverse("desk:search")
PORTAL = reverse("portal:search")
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_every_desk_page_has_the_search_box(org: Org, client_for: Any) -> None:
    page = client_for(org.agent).get(reverse("desk:home")).content.decode()
    assert f'action="{SEARCH}"' in page and 'id="desk-search"' in page and 'name="q"' in page


def test_words_show_ranked_results_with_marked_words(org: Org, desk: Desk, client_for: Any) -> None:
    page = client_for(org.agent).get(SEARCH, {"q": "jammed"}).content.decode()
    assert desk.printer.reference in page
    assert "<mark>jams</mark>" in page  # title and description: the matched word form
    assert "1 ticket matches" in page
    assert desk.laptop.reference not in page


def test_a_reference_opens_the_ticket(org: Org, desk: Desk, client_for: Any) -> None:
    c = client_for(org.agent)
    response = c.get(SEARCH, {"q": f"  {desk.printer.reference.lower()} "})
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:ticket", args=[desk.printer.reference])
    # While typing (htmx) the page does not jump away; it offers the ticket instead.
    typing = c.get(SEARCH, {"q": desk.printer.reference}, **HTMX).content.decode()
    assert reverse("desk:ticket", args=[desk.printer.reference]) in typing


def test_another_units_reference_is_not_opened(org: Org, desk: Desk, client_for: Any) -> None:
    response = client_for(org.agent).get(SEARCH, {"q": desk.payslip.reference})
    assert response.status_code == 200
    assert reverse("desk:ticket", args=[desk.payslip.reference]) not in response.content.decode()


def test_typing_asks_for_the_results_only(org: Org, desk: Desk, client_for: Any) -> None:
    response = client_for(org.agent).get(SEARCH, {"q": "lapt"}, **HTMX)
    body = response.content.decode()
    assert '<div id="results"' in body and "<html" not in body
    assert desk.laptop.reference in body and "<mark>Laptop</mark>" in body
    assert "HX-Request" in response["Vary"]


def test_person_written_text_is_escaped(org: Org, client_for: Any) -> None:
    file_ticket(org.requester, org.it, "Toner <script>alert(1)</script> empty")
    page = client_for(org.agent).get(SEARCH, {"q": "toner"}).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_filters_sit_beside_the_results_and_bad_ones_are_ignored(
    org: Org, desk: Desk, client_for: Any
) -> None:
    c = client_for(org.agent)
    page = c.get(SEARCH, {"q": "battery", "status": "open"}).content.decode()
    assert desk.laptop.reference not in page  # it is new, not open
    page = c.get(SEARCH, {"q": "battery", "priority": "99", "page": "x"}).content.decode()
    assert desk.laptop.reference in page and "ignored" in page


def test_nothing_typed_or_nothing_found_says_so(org: Org, desk: Desk, client_for: Any) -> None:
    c = client_for(org.agent)
    assert "Type what you are looking for" in c.get(SEARCH).content.decode()
    assert "No ticket in your units matches" in c.get(SEARCH, {"q": "zeppelin"}).content.decode()
    assert "too common" in c.get(SEARCH, {"q": "the "}).content.decode()


def test_a_search_page_costs_a_fixed_number_of_queries(
    org: Org, desk: Desk, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    c = client_for(org.agent)
    for i in range(5):
        file_ticket(org.requester, org.it, f"Keyboard missing key {i}")
    with django_assert_max_num_queries(16):
        assert c.get(SEARCH, {"q": "keyboard"}).status_code == 200


def test_requesters_search_their_requests_in_the_portal(
    org: Org, desk: Desk, client_for: Any
) -> None:
    c = client_for(org.requester)
    assert f'action="{PORTAL}"' in c.get(reverse("portal:home")).content.decode()
    page = c.get(PORTAL, {"q": "fuser"}).content.decode()
    assert desk.printer.reference in page and "<mark>fuser</mark>" in page
    assert "4411" not in page and "worn" not in page  # the internal note
    assert desk.payslip.reference not in c.get(PORTAL, {"q": "payslip"}).content.decode()
    assert "None of your requests" in c.get(PORTAL, {"q": "vendor"}).content.decode()


def test_the_portal_opens_only_the_requesters_own_reference(
    org: Org, desk: Desk, client_for: Any
) -> None:
    mine = client_for(org.requester).get(PORTAL, {"q": desk.printer.reference})
    assert mine["Location"] == reverse("portal:request", args=[desk.printer.reference])
    theirs = client_for(org.other_requester).get(PORTAL, {"q": desk.printer.reference})
    assert theirs.status_code == 200
    assert reverse("portal:request", args=[desk.printer.reference]) not in theirs.content.decode()


def test_the_portal_search_needs_a_sign_in(client: Any) -> None:
    response = client.get(PORTAL, {"q": "printer"})
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:sign_in")
    )


def test_agents_searching_the_portal_see_only_their_own_requests(
    org: Org, desk: Desk, client_for: Any
) -> None:
    own = file_ticket(org.agent, org.hr, "Printer at home for my parental leave")
    page = client_for(org.agent).get(PORTAL, {"q": "printer"}).content.decode()
    assert own.reference in page and desk.printer.reference not in page
