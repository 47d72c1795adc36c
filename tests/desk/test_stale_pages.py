"""An action from a page drawn before a public message arrived is held, on every form;
the composer keeps the kind the agent chose; a double submit acts once."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from scotty.core.testing import Org, upload
from scotty.tickets.models import Message, MessageKind, Ticket
from scotty.tickets.services import add_reply, add_watcher
from scotty.tickets.states import Status

STILL_BROKEN = "STILL BROKEN. It ate my contract again."


def drawn_page(client: Client, ticket: Ticket) -> dict[str, str]:
    """The hidden values the ticket page gave its forms (version, seen)."""
    body = client.get(reverse("desk:ticket", args=[ticket.reference])).text
    values = dict(re.findall(r'name="(version|seen)" value="(\d+)"', body))
    assert set(values) == {"version", "seen"}, "every form says what its page saw"
    return values


def post(client: Client, ticket: Ticket, action: str, data: dict[str, Any], **kw: Any) -> Any:
    return client.post(reverse(f"desk:{action}", args=[ticket.reference]), data, **kw)


# Each desk form with what an agent would send; the check says it did not happen.
FORMS: dict[str, tuple[str, dict[str, Any]]] = {
    "reply": ("reply", {"kind": "reply", "body": "Good news: fixed!"}),
    "note": ("reply", {"kind": "note", "body": "Closing this one."}),
    # The composer's one update: words, status and next step, or any one of them.
    "resolve": (
        "reply",
        {"kind": "reply", "body": "", "status": "resolved", "resolution": "Replaced the fuser."},
    ),
    "update": (
        "reply",
        {
            "kind": "note",
            "body": "Ordered.",
            "status": "waiting_third_party",
            "next_step": "Fit it",
            "next_step_owner": "desk",
        },
    ),
    "assign": ("assign", {"assignee": "bea@example.org"}),
    "priority": ("priority", {"impact": "low", "urgency": "low", "override": ""}),
    "next step": (
        "reply",
        {
            "kind": "reply",
            "body": "",
            "next_step": "Close it Friday",
            "next_step_owner": "desk",
            "next_step_shared": "on",
        },
    ),
    "transfer": ("transfer", {"working_unit": "", "owning_unit": "", "handover": "Fuser."}),
    "tags": ("tags", {"tags": "printer fixed"}),
    "watch": ("watch", {"watcher": "otto@example.org"}),
    "unwatch": ("unwatch", {"watcher": ""}),
}


def nothing_happened(org: Org, ticket: Ticket, before: Ticket) -> None:
    now = Ticket.objects.get(pk=ticket.pk)
    assert now.version == before.version and now.status == before.status
    assert not now.messages.exclude(body=STILL_BROKEN).exists()
    assert list(now.watchers.all()) == [org.colleague]


@pytest.mark.parametrize("name", FORMS, ids=list(FORMS))
def test_an_action_from_a_page_older_than_the_requesters_reply_is_held_with_the_reply(
    org: Org, ticket: Ticket, client_for: Any, name: str
) -> None:
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    Message.objects.filter(ticket=ticket).delete()  # the fixture's note: keep this simple
    client = client_for(org.agent)
    seen = drawn_page(client, ticket)
    before = Ticket.objects.get(pk=ticket.pk)
    add_reply(ticket, author=org.requester, body=STILL_BROKEN)
    action, data = FORMS[name]
    data = {**data, **seen}
    if action == "transfer":
        data["working_unit"] = org.infra.pk
    if action == "unwatch":
        data["watcher"] = org.colleague.pk
    held = post(client, ticket, action, data, headers={"HX-Request": "true"})
    assert held.status_code == 409
    assert "Rita Requester" in held.text and "replied" in held.text
    assert STILL_BROKEN in held.text and "just now" in held.text
    nothing_happened(org, ticket, before)
    # "Go ahead" sends the same thing again, now saying the page showed the reply.
    latest = str(Message.objects.get(body=STILL_BROKEN).pk)
    if action == "reply":
        assert 'form="composer-form"' in held.text  # the composer keeps text and files
        assert f'name="seen" value="{latest}"' in held.text
    else:
        assert re.search(rf'<input type="hidden" name="seen" value="{latest}">', held.text)
    events_before = ticket.events.count()
    went = post(client, ticket, action, {**data, "seen": latest}, headers={"HX-Request": "true"})
    assert went.status_code == 200, went.text[:500]
    assert ticket.events.count() > events_before  # done now, and recorded


def test_the_held_resolve_comes_back_in_the_composer_as_it_was_sent(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    client = client_for(org.agent)
    seen = drawn_page(client, ticket)
    add_reply(ticket, author=org.requester, body=STILL_BROKEN)
    data = {**seen, "kind": "reply", "body": "", "status": "resolved",
            "resolution": "Replaced the fuser."}  # fmt: skip
    held = post(client, ticket, "reply", data)
    assert held.status_code == 409 and Ticket.objects.get().status == Status.NEW
    # "Send it anyway" sends the composer again: the choice and the words are still in it.
    assert '<option value="resolved" selected>' in held.text
    assert ">Replaced the fuser.</textarea>" in held.text
    latest = str(Message.objects.get(body=STILL_BROKEN).pk)
    post(client, ticket, "reply", {**data, "seen": latest})
    assert Ticket.objects.get().status == Status.RESOLVED


def test_the_agents_own_messages_and_notes_do_not_hold_anything(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    client = client_for(org.agent)
    seen = drawn_page(client, ticket)
    add_reply(ticket, author=org.agent, body="Me, from another tab.")
    add_reply(ticket, author=org.agent2, body="Bea: a note.", internal=True)
    data = {**seen, "kind": "reply", "body": "", "status": "waiting_requester",
            "version": Ticket.objects.get().version}  # fmt: skip
    response = post(client, ticket, "reply", data)
    assert response.status_code == 302
    assert Ticket.objects.get().status == Status.WAITING_ON_REQUESTER


def test_a_held_reply_without_javascript_says_its_files_must_be_attached_again(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    client = client_for(org.agent)
    seen = drawn_page(client, ticket)
    add_reply(ticket, author=org.requester, body=STILL_BROKEN)
    data = {**seen, "kind": "reply", "body": "See the manual.", "attachments": [upload()]}
    held = post(client, ticket, "reply", data)
    assert held.status_code == 409 and "attach them again" in held.text
    assert "See the manual.</textarea>" in held.text  # the words are kept
    assert not Ticket.objects.get().attachments.filter(filename="screenshot.png").exists()


def test_after_an_internal_note_the_composer_stays_on_internal_note(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    client = client_for(org.agent)
    seen = drawn_page(client, ticket)
    data = {**seen, "kind": "note", "body": "First note."}
    fragment = post(client, ticket, "reply", data, headers={"HX-Request": "true"}).text
    assert re.search(r'value="note" checked', fragment)
    assert 'class="card composer is-note"' in fragment and "Add internal note" in fragment
    # Without JavaScript: the redirect carries the kind to the page.
    response = post(client, ticket, "reply", {**data, "body": "Second note."})
    page = client.get(response["Location"]).text
    assert re.search(r'value="note" checked', page) and "composer is-note" in page
    assert (
        list(Ticket.objects.get().messages.values_list("kind", flat=True)) == [MessageKind.NOTE] * 3
    )  # the fixture's note and these two


def test_after_a_public_reply_the_composer_is_on_public_reply(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    client = client_for(org.agent)
    seen = drawn_page(client, ticket)
    fragment = post(client, ticket, "reply", {**seen, "kind": "reply", "body": "On it."},
                    headers={"HX-Request": "true"}).text  # fmt: skip
    assert re.search(r'value="reply" checked', fragment) and "is-note" not in fragment
    assert "Send reply to Rita" in fragment


def test_a_double_submitted_reply_is_added_once_and_answers_the_same(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    client = client_for(org.agent)
    body = client.get(reverse("desk:ticket", args=[ticket.reference])).text
    token = re.search(r'name="once" value="([^"]+)"', body).group(1)  # type: ignore[union-attr]
    data = {**drawn_page(client, ticket), "kind": "reply", "body": "On it.", "once": token}
    first, second = post(client, ticket, "reply", data), post(client, ticket, "reply", data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Ticket.objects.get().messages.filter(body="On it.").count() == 1


def test_a_refused_reply_keeps_its_token_so_the_corrected_one_goes_through(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    client = client_for(org.agent)
    data = {**drawn_page(client, ticket), "kind": "reply", "body": "   ", "once": "t" * 22}
    refused = post(client, ticket, "reply", data)
    assert refused.status_code == 400 and 'name="once" value="' + "t" * 22 in refused.text
    post(client, ticket, "reply", {**data, "body": "Now with words."})
    assert Ticket.objects.get().messages.filter(body="Now with words.").count() == 1


@pytest.mark.parametrize("token", ["x", "<script>", "a" * 200, "../../etc"])
def test_a_forged_token_is_refused_with_a_message_and_nothing_is_added(
    org: Org, ticket: Ticket, client_for: Any, token: str
) -> None:
    client = client_for(org.agent)
    data = {**drawn_page(client, ticket), "kind": "reply", "body": "Hi", "once": token}
    response = post(client, ticket, "reply", data)
    assert response.status_code == 400 and "<script>" not in response.text
    assert not Ticket.objects.get().messages.filter(body="Hi").exists()
