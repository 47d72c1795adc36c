"""The composer and held actions, in a real browser: what an agent sees and clicks."""

import pytest
from playwright.sync_api import Page, expect

from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import MessageKind, Ticket
from scotty.tickets.services import add_reply
from scotty.tickets.states import Status

STILL_BROKEN = "STILL BROKEN, the printer ate my contract."


def open_ticket_page(page: Page, ticket: Ticket) -> None:
    page.goto(f"/desk/tickets/{ticket.reference}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(ticket.title)


def answered_while_open(org: Org, new_page) -> tuple[Ticket, Page]:  # type: ignore[no-untyped-def]
    """Alex has Rita's ticket open; Rita answers meanwhile (the page does not know yet)."""
    ticket = file_ticket(org.requester, org.it)
    alex = new_page(org.agent)
    open_ticket_page(alex, ticket)
    add_reply(ticket, author=org.requester, body=STILL_BROKEN)
    return ticket, alex


@pytest.mark.django_db(transaction=True)
def test_note_mode_is_unmistakable_and_stays_after_sending(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    ticket = file_ticket(org.requester, org.it)
    alex = new_page(org.agent)
    open_ticket_page(alex, ticket)
    composer = alex.locator("section.composer")
    expect(composer.get_by_role("button", name="Send reply to Rita")).to_be_visible()
    composer.get_by_label("Internal note").check()
    expect(composer).to_have_class("card composer is-note")
    expect(composer.get_by_text("Only agents of this ticket's units see it")).to_be_visible()
    composer.get_by_label("Note for agents").fill("First note: fuser worn.")
    composer.get_by_role("button", name="Add internal note").click()
    expect(alex.get_by_text("Internal note added.")).to_be_visible()
    # The composer came back as it was left: still a note, still saying so.
    expect(composer.get_by_label("Internal note")).to_be_checked()
    expect(composer.get_by_role("button", name="Add internal note")).to_be_visible()
    composer.get_by_label("Note for agents").fill("Second note: vendor called.")
    composer.get_by_role("button", name="Add internal note").click()
    expect(alex.get_by_text("Second note: vendor called.")).to_be_visible()
    kinds = list(ticket.messages.order_by("id").values_list("kind", flat=True))
    assert kinds == [MessageKind.NOTE, MessageKind.NOTE]


def resolve_in_the_composer(page: Page) -> None:
    composer = page.locator("section.composer")
    composer.get_by_label("Status").select_option("resolved")
    composer.get_by_label("Resolution").fill("Replaced the fuser.")
    composer.get_by_role("button", name="Update the ticket").click()


@pytest.mark.django_db(transaction=True)
def test_a_resolve_from_a_stale_page_is_held_until_the_agent_read_the_reply(
    org: Org,
    new_page,  # type: ignore[no-untyped-def]
) -> None:
    ticket, alex = answered_while_open(org, new_page)
    resolve_in_the_composer(alex)
    hold = alex.locator(".alert.hold")
    expect(hold).to_contain_text("Rita Requester replied")
    expect(hold).to_contain_text(STILL_BROKEN)
    assert Ticket.objects.get(pk=ticket.pk).status == Status.NEW
    hold.get_by_role("button", name="Send it anyway").click()
    expect(alex.get_by_text("Status is now resolved.")).to_be_visible()
    assert Ticket.objects.get(pk=ticket.pk).status == Status.RESOLVED


@pytest.mark.django_db(transaction=True)
def test_taking_a_ticket_from_a_stale_page_is_held_and_goes_ahead_when_asked(
    org: Org,
    new_page,  # type: ignore[no-untyped-def]
) -> None:
    ticket, alex = answered_while_open(org, new_page)
    alex.get_by_role("button", name="Take it").click()
    hold = alex.locator(".alert.hold")
    expect(hold).to_contain_text(STILL_BROKEN)
    assert Ticket.objects.get(pk=ticket.pk).assignee is None
    hold.get_by_role("button", name="Go ahead anyway").click()
    expect(alex.get_by_text("Assigned to Alex Agent.")).to_be_visible()
    assert Ticket.objects.get(pk=ticket.pk).assignee == org.agent


@pytest.mark.django_db(transaction=True)
def test_a_held_reply_keeps_its_text_and_is_sent_once_with_send_it_anyway(
    org: Org,
    new_page,  # type: ignore[no-untyped-def]
) -> None:
    ticket, alex = answered_while_open(org, new_page)
    composer = alex.locator("section.composer")
    composer.get_by_label("Reply to Rita").fill("Good news, it is fixed.")
    composer.get_by_role("button", name="Send reply to Rita").click()
    expect(alex.locator(".alert.hold")).to_contain_text(STILL_BROKEN)
    expect(composer.get_by_label("Reply to Rita")).to_have_value("Good news, it is fixed.")
    composer.get_by_label("Reply to Rita").fill("Sorry, looking again right now.")
    alex.get_by_role("button", name="Send it anyway").click()
    expect(alex.get_by_text("Reply added for Rita Requester.")).to_be_visible()
    bodies = list(ticket.messages.order_by("id").values_list("body", flat=True))
    assert bodies == [STILL_BROKEN, "Sorry, looking again right now."]


@pytest.mark.django_db(transaction=True)
def test_a_reply_the_timeline_already_showed_holds_nothing(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    _, alex = answered_while_open(org, new_page)
    # The timeline's minute-by-minute refresh, now rather than in a minute.
    alex.locator("#timeline").evaluate(
        "el => htmx.ajax('GET', el.getAttribute('hx-get'), {target: el, swap: 'outerHTML'})"
    )
    expect(alex.locator("#timeline")).to_contain_text(STILL_BROKEN)
    resolve_in_the_composer(alex)
    expect(alex.get_by_text("Status is now resolved.")).to_be_visible()
