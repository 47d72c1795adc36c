"""htmx after the session has gone: the whole page goes to sign-in, nothing is swapped in.

Without this, htmx follows the sign-in redirect inside its XMLHttpRequest and swaps the
sign-in form into the timeline or the ticket fragment.
"""

import pytest
from django.test import Client

from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket

HOST = "http://testserver"


@pytest.fixture
def ticket(org: Org) -> Ticket:
    return file_ticket(org.requester, org.it)


def htmx(current: str | None) -> dict[str, str]:
    headers = {"HX-Request": "true"}
    if current is not None:
        headers["HX-Current-URL"] = current
    return headers


@pytest.mark.parametrize(
    ("method", "url", "page"),
    [
        ("get", "/desk/tickets/IT-1001/?part=timeline", "/desk/tickets/IT-1001/"),
        ("post", "/desk/tickets/IT-1001/reply/", "/desk/tickets/IT-1001/"),
        ("get", "/desk/queues/open/?status=open", "/desk/queues/open/?status=open&sort=age"),
        ("get", "/portal/requests/IT-1001/", "/portal/requests/IT-1001/"),
        ("post", "/portal/requests/IT-1001/reply/", "/portal/requests/IT-1001/"),
        ("get", "/portal/", "/portal/?page=2"),
    ],
)
def test_an_htmx_request_without_a_session_sends_the_whole_page_to_sign_in(
    ticket: Ticket, method: str, url: str, page: str
) -> None:
    response = getattr(Client(), method)(url, headers=htmx(HOST + page))
    assert response.status_code == 200
    assert response.content == b""  # nothing for htmx to swap into the page
    target = response["HX-Redirect"]
    signed_in = Client()
    assert target.startswith("/sign-in/?next=")
    # Signing in from there leads back to the page the person was on.
    follow = signed_in.get(target)
    assert follow.context["next"] == page


@pytest.mark.parametrize(
    "current",
    [
        "https://evil.example/phish",
        "https://testserver/desk/",  # another scheme is another origin
        "http://testserver//evil.example/phish",
        "http://testserver/\\evil.example/phish",
        "javascript:alert(1)",
    ],
)
def test_a_foreign_current_url_is_ignored_for_the_request_path(
    ticket: Ticket, current: str
) -> None:
    response = Client().get("/desk/tickets/IT-1001/?part=timeline", headers=htmx(current))
    assert response["HX-Redirect"] == "/sign-in/?next=/desk/tickets/IT-1001/%3Fpart%3Dtimeline"


def test_without_a_current_url_the_request_path_is_next(ticket: Ticket) -> None:
    response = Client().get("/portal/requests/IT-1001/", headers=htmx(None))
    assert response["HX-Redirect"] == "/sign-in/?next=/portal/requests/IT-1001/"


def test_plain_requests_still_get_an_ordinary_redirect(ticket: Ticket) -> None:
    response = Client().get("/desk/tickets/IT-1001/")
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/desk/tickets/IT-1001/"
    assert "HX-Redirect" not in response


def test_signed_in_htmx_requests_get_their_fragment(org: Org, ticket: Ticket, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(org.agent).get(
        "/desk/tickets/IT-1001/?part=timeline", headers=htmx(HOST + "/desk/tickets/IT-1001/")
    )
    assert response.status_code == 200 and "HX-Redirect" not in response
    assert response.content.decode().lstrip().startswith('<ol class="timeline" id="timeline"')


def test_other_redirects_of_htmx_requests_are_left_alone(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    # A requester at the desk's front door is sent to the portal, not to sign-in.
    response = client_for(org.requester).get("/desk/", headers=htmx(HOST + "/desk/"))
    assert response.status_code == 302 and response["Location"] == "/portal/"
