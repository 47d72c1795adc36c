"""An agent works a bulk selection on a queue page, in a real browser."""

import pytest
from playwright.sync_api import Page, expect

from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from scotty.tickets.states import Status
from tests.e2e.pages import both_widths


@both_widths
@pytest.mark.django_db(transaction=True)
def test_an_agent_takes_a_page_of_tickets_then_resolves_some(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    tickets = [file_ticket(org.requester, org.it, title=f"Printer {i} jams") for i in range(3)]
    alex: Page = new_page(org.agent)
    alex.goto("/desk/queues/unassigned/")
    bar = alex.locator("fieldset.bulk-bar")
    apply = bar.get_by_role("button", name="Apply to ticked tickets")
    expect(apply).to_be_disabled()  # nothing ticked yet
    expect(bar.get_by_label("Tags")).to_be_hidden()  # only what the chosen action needs
    alex.get_by_label("Select every ticket on this page").check()
    expect(bar).to_contain_text("(3 ticked)")
    bar.get_by_label("Action").select_option(label="Take them")
    apply.click()
    expect(alex.get_by_text("3 tickets changed.")).to_be_visible()
    expect(alex.get_by_text("No tickets here match.")).to_be_visible()  # none unassigned now
    assert {Ticket.objects.get(pk=t.pk).assignee_id for t in tickets} == {org.agent.pk}

    alex.goto("/desk/queues/mine/?sort=oldest")
    alex.get_by_label(f"Select {tickets[0].reference}").check()
    alex.get_by_label(f"Select {tickets[1].reference}").check()
    expect(bar).to_contain_text("(2 ticked)")
    bar.get_by_label("Action").select_option(label="Set status…")
    bar.get_by_label("Status", exact=True).select_option(label="Resolved")
    apply.click()
    # No resolution given: each ticket refuses, and the summary says why.
    expect(alex.get_by_text("0 tickets changed, 2 not changed.")).to_be_visible()
    expect(alex.locator(".flash-error")).to_contain_text(
        f"{tickets[0].reference}, {tickets[1].reference}:"
    )
    bar.get_by_label("Action").select_option(label="Set status…")
    alex.get_by_label(f"Select {tickets[0].reference}").check()
    bar.get_by_label("Status", exact=True).select_option(label="Resolved")
    bar.get_by_label("Resolution, if resolving").fill("Replaced the fuser.")
    apply.click()
    expect(alex.get_by_text("1 ticket changed.")).to_be_visible()
    statuses = [Ticket.objects.get(pk=t.pk).status for t in tickets]
    assert statuses == [Status.RESOLVED, Status.OPEN, Status.OPEN]
    expect(alex.get_by_label(f"Select {tickets[0].reference}")).to_have_count(0)  # left "mine"


@both_widths
@pytest.mark.django_db(transaction=True)
def test_the_waiting_fold_shows_its_rows_when_opened(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    from scotty.tickets.services import assign, transition

    ticket = file_ticket(org.requester, org.it, title="Waiting on the vendor")
    assign(ticket, actor=org.agent, assignee=org.agent, expected_version=ticket.version)
    transition(ticket, actor=org.agent, to=Status.WAITING_ON_THIRD_PARTY,
               expected_version=ticket.version)  # fmt: skip
    alex: Page = new_page(org.agent)
    alex.goto("/desk/")
    fold = alex.locator("details.waiting")
    expect(fold.get_by_role("heading", name="Waiting")).to_contain_text("1")
    expect(fold.get_by_text("Waiting on the vendor")).to_be_hidden()
    fold.locator("summary").click()
    expect(
        fold.get_by_role("link", name=f"{ticket.reference} Waiting on the vendor")
    ).to_be_visible()
