"""A refused desk form says what is wrong beside the field: the field is `aria-invalid`,
and its `aria-describedby` names the error (and its help text, if it has one), so a
screen reader reads the message on reaching the field. The summary above the form stays."""

from typing import Any

from django.test import Client
from django.urls import reverse

from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from scotty.tickets.services import create_canned_reply
from tests.desk.test_update import composer, send
from tests.markup import Element, Markup, assert_error_beside


def links_in(element: Element) -> list[str]:
    found = [element.attrs["href"]] if element.tag == "a" else []
    return found + [href for child in element.children for href in links_in(child)]


def refused(response: Any, status: int = 400) -> Markup:
    assert response.status_code == status, response.status_code
    return Markup(response.text)


def test_an_empty_update_says_so_beside_the_message_box(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    alex = client_for(org.agent)
    page = refused(send(alex, ticket, composer(alex, ticket)))
    assert_error_beside(page, "reply-body", "The message cannot be empty.")
    assert "The message cannot be empty." in page.find("div", role="alert")[0].text  # the summary


def test_a_date_without_a_waiting_status_is_refused_beside_the_date_and_its_help(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    alex = client_for(org.agent)
    data = {**composer(alex, ticket), "body": "On it.", "waiting_until": "2099-01-01"}
    page = refused(send(alex, ticket, data))
    assert_error_beside(page, "reply-waiting_until", "goes with a waiting status only")
    helps = [e.attrs["id"] for e in page.described_by("reply-waiting_until")]
    assert helps == ["reply-waiting-help", "reply-waiting_until_error"]
    assert page["reply-body"].attrs.get("aria-invalid") is None  # only the field at fault


def test_a_transfer_without_a_handover_note_is_refused_beside_the_note(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    alex = client_for(org.agent)
    data = {"version": ticket.version, "working_unit": org.infra.pk, "handover": ""}
    page = refused(alex.post(reverse("desk:transfer", args=[ticket.reference]), data))
    assert_error_beside(page, "transfer-handover", "Write a handover note")


def test_a_watcher_nobody_has_is_refused_beside_the_picker(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    alex = client_for(org.agent)
    data = {"version": ticket.version, "watcher": "nobody@example.org"}
    page = refused(alex.post(reverse("desk:watch", args=[ticket.reference]), data))
    assert_error_beside(page, "watch-watcher", "Nobody with that e-mail address has an account.")


def test_a_call_with_nobody_picked_and_an_unticked_fix_names_both_fields(
    org: Org, client_for: Any
) -> None:
    data = {"channel": "phone", "unit": org.it.pk, "impact": "low", "urgency": "medium",
            "title": "Cannot print", "description": "Since this morning.",
            "resolution": "Restarted the spooler."}  # fmt: skip
    page = refused(client_for(org.agent).post(reverse("desk:log_call"), data))
    assert_error_beside(page, "id_requester", "Say who called")
    assert_error_beside(page, "id_solved", "tick “Solved during the call”")
    summary = page.find("div", role="alert")[0]
    assert links_in(summary) == ["#id_requester", "#id_solved"]


def test_a_new_caller_who_already_has_an_account_is_refused_beside_their_e_mail(
    org: Org, client_for: Any
) -> None:
    data = {"channel": "phone", "unit": org.it.pk, "impact": "low", "urgency": "medium",
            "title": "Cannot print", "description": "Since this morning.",
            "new_name": "Rita Again", "new_email": "rita@example.org"}  # fmt: skip
    page = refused(client_for(org.agent).post(reverse("desk:log_call"), data))
    assert_error_beside(page, "id_new_email", "rita@example.org")
    assert links_in(page.find("div", role="alert")[0]) == ["#id_new_email"]  # the summary
    assert page.find("details", **{"class": "new-person", "open": ""})  # shown, not folded


def test_a_canned_reply_of_spaces_is_refused_beside_the_field(org: Org, client_for: Any) -> None:
    alex = client_for(org.agent)
    reply = create_canned_reply(actor=org.agent, title="Printer fixed", body="Fixed.")
    edit = reverse("desk:canned_edit", args=[reply.pk])
    stamp = reply.updated_at.isoformat()
    page = refused(alex.post(edit, {"title": "Fixed", "body": "   ", "updated_at": stamp}))
    assert_error_beside(page, "canned-body", "The text cannot be empty.")  # the service's
    added = refused(alex.post(reverse("desk:canned"), {"title": "  ", "body": "Hi", "unit": ""}))
    assert_error_beside(added, "canned-title", "This field is required.")  # the form's


def test_unit_settings_and_members_say_what_is_wrong_beside_the_field(
    org: Org, client_for: Any
) -> None:
    mona = client_for(org.manager)
    data = {"description": "", "reopen_window_days": "999", "version": org.it.settings_version}
    page = refused(mona.post(reverse("desk:save_unit", args=["IT"]), data))
    assert_error_beside(page, "unit-IT-reopen_window_days", "The reopen window is 0 to")
    helps = [e.attrs["id"] for e in page.described_by("unit-IT-reopen_window_days")]
    assert helps == ["unit-IT-reopen_window_days_helptext", "unit-IT-reopen_window_days_error"]

    data = {"person": "nobody@example.org", "role": "agent"}
    page = refused(mona.post(reverse("desk:add_member", args=["IT"]), data))
    assert_error_beside(page, "add-IT-person", "Nobody with that e-mail address has an account.")


def test_bad_filters_are_reported_beside_them_and_ignored(org: Org, client_for: Any) -> None:
    file_ticket(org.requester, org.it, "Printer on floor 3 jams")
    alex = client_for(org.agent)
    for url in ("/desk/search/?q=printer&status=nonsense", "/desk/queues/open/?status=nonsense"):
        response = alex.get(url)
        assert response.status_code == 200
        page = Markup(response.text)
        assert_error_beside(page, "id_status", "ignored")
        fold = [e for e in page["id_status"].ancestors(5) if e.tag == "details"]
        assert "open" in fold[0].attrs  # on a phone too, the filters show what is wrong
    page = Markup(alex.get("/desk/search/?q=printer&assignee=" + "x" * 300).text)
    assert_error_beside(page, "filter-assignee", "ignored")


def test_sign_in_errors_stand_beside_the_fields(db: None) -> None:
    response = Client().post(reverse("accounts:sign_in"), {"username": "not an address"})
    page = Markup(response.text)
    assert_error_beside(page, "id_username", "Enter a valid email address.")
    assert_error_beside(page, "id_password", "This field is required.")


def test_pages_without_errors_mark_nothing_invalid_and_name_only_what_is_there(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    pages = {
        org.agent: [reverse("desk:ticket", args=[ticket.reference]), reverse("desk:log_call"),
                    "/desk/queues/open/", "/desk/search/?q=printer", reverse("desk:canned")],
        org.manager: [reverse("desk:units")],  # its help text was named but had no id
        org.requester: [reverse("portal:new"), reverse("portal:request", args=[ticket.reference])],
    }  # fmt: skip
    for person, urls in pages.items():
        for url in urls:
            page = Markup(client_for(person).get(url).text)
            assert not [e for e in page.elements if e.attrs.get("aria-invalid")], url
            assert not page.broken_references(), (url, page.broken_references())
