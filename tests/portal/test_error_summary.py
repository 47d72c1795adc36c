"""A refused portal form: a summary at the top lists each problem as a link to its field,
and the same message stands beside the field, which is `aria-invalid` and names it (and
its help text) in `aria-describedby`."""

from typing import Any

from django.urls import reverse

from scotty.core.testing import Org, upload
from scotty.tickets.models import Ticket
from tests.markup import Element, Markup, assert_error_beside
from tests.portal.conftest import resolve


def summary_links(page: Markup) -> dict[str, str]:
    """The summary's links: where each goes, and what it says."""
    (summary,) = page.find("div", **{"class": "problem"})

    def links(element: Element) -> list[Element]:
        own = [element] if element.tag == "a" else []
        return own + [a for child in element.children for a in links(child)]

    return {a.attrs["href"]: " ".join(a.text.split()) for a in links(summary)}


def new_request(org: Org, **changes: Any) -> dict[str, Any]:
    data = {"unit": org.it.pk, "title": "Printer jams", "description": "Every second page."}
    return {k: v for k, v in {**data, **changes}.items() if v is not None}


def test_the_summary_links_each_problem_to_its_field(org: Org, client_for: Any) -> None:
    response = client_for(org.requester).post(reverse("portal:new"), new_request(org, title="  "))
    assert response.status_code == 400
    page = Markup(response.text)
    assert summary_links(page) == {"#id_title": "The title cannot be empty."}
    assert_error_beside(page, "id_title", "The title cannot be empty.")
    assert page["id_title"].attrs["value"] == "  "  # what was typed stays


def test_a_missing_team_links_to_the_first_choice_and_marks_the_group(
    org: Org, client_for: Any
) -> None:
    response = client_for(org.requester).post(reverse("portal:new"), new_request(org, unit=None))
    page = Markup(response.text)
    assert summary_links(page) == {"#id_unit_0": "Choose the team that should help you."}
    (group,) = page.find("fieldset", **{"class": "teams has-error"})
    described = group.attrs["aria-describedby"].split()
    assert described == ["id_unit_helptext", "id_unit_error"]
    assert "Choose the team" in page["id_unit_error"].text
    assert page["id_unit_0"].attrs.get("aria-invalid") == "true"
    assert not page.broken_references()


def test_a_refused_file_is_said_beside_the_file_field_and_its_limits(
    org: Org, client_for: Any
) -> None:
    data = new_request(org, attachments=upload("drawing.svg", b"<svg></svg>"))
    page = Markup(client_for(org.requester).post(reverse("portal:new"), data).text)
    (message,) = summary_links(page).values()
    assert list(summary_links(page)) == ["#id_attachments"] and "not accepted" in message
    assert_error_beside(page, "id_attachments", "not accepted")
    described = [e.attrs["id"] for e in page.described_by("id_attachments")]
    assert described == ["id_attachments_helptext", "id_attachments_error"]


def test_a_reply_and_a_not_fixed_link_their_fields(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    rita = client_for(org.requester)
    reply = rita.post(reverse("portal:reply", args=[ticket.reference]), {"body": "   "})
    page = Markup(reply.text)
    assert summary_links(page) == {"#id_body": "The message cannot be empty."}
    assert_error_beside(page, "id_body", "The message cannot be empty.")

    resolve(org, ticket)
    reopen = rita.post(reverse("portal:reopen", args=[ticket.reference]), {"reason": " "})
    page = Markup(reopen.text)
    assert list(summary_links(page)) == ["#id_reason"]
    assert_error_beside(page, "id_reason", "cannot be empty")


def test_a_problem_with_no_field_is_listed_without_a_link(org: Org, client_for: Any) -> None:
    data = new_request(org, once="x" * 101)  # a forged token: the hidden field's own error
    page = Markup(client_for(org.requester).post(reverse("portal:new"), data).text)
    (summary,) = page.find("div", **{"class": "problem"})
    assert summary_links(page) == {}
    assert "Ensure this value has at most 100 characters" in " ".join(summary.text.split())
