import pytest
from django.urls import reverse

from scotty.accounts.models import SupportUnit
from scotty.core.testing import Org


def save(client, unit: SupportUnit, **data):  # type: ignore[no-untyped-def]
    version = SupportUnit.objects.get(pk=unit.pk).settings_version  # as a fresh page shows it
    values = {"description": "Laptops, phones, accounts.", "reopen_window_days": 10,
              "version": version, **data}  # fmt: skip
    return client.post(reverse("desk:save_unit", args=[unit.prefix]), values)


@pytest.mark.parametrize(
    ("who", "page", "it_save"),
    [
        ("requester", 404, 404),
        ("agent", 404, 404),
        ("hr_agent", 404, 404),
        ("manager", 200, 302),
        ("admin", 200, 302),
    ],
)
def test_only_a_units_managers_and_administrators_change_its_settings(
    org: Org,
    client_for,
    who: str,
    page: int,
    it_save: int,  # type: ignore[no-untyped-def]
) -> None:
    client = client_for(getattr(org, who))
    assert client.get(reverse("desk:units")).status_code == page
    assert save(client, org.it).status_code == it_save
    org.it.refresh_from_db()
    assert org.it.reopen_window_days == (10 if it_save == 302 else 7)


def test_a_manager_sees_only_their_units_and_cannot_post_to_others(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(org.manager)
    body = client.get(reverse("desk:units")).content.decode()
    assert "IT Service Desk" in body and "IT Infrastructure" not in body
    assert save(client, org.hr, reopen_window_days=1).status_code == 404
    org.hr.refresh_from_db()
    assert org.hr.reopen_window_days == 7


def test_the_menu_offers_unit_settings_to_managers_only(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    link = reverse("desk:units")
    assert (
        link in client_for(org.manager).get(reverse("desk:queue", args=["open"])).content.decode()
    )
    assert (
        link not in client_for(org.agent).get(reverse("desk:queue", args=["open"])).content.decode()
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reopen_window_days": -1}, "0 to 365 days"),
        ({"reopen_window_days": 366}, "0 to 365 days"),
        ({"reopen_window_days": "soon"}, "check the values"),
        ({"description": "x" * 2001}, "at most 2,000 characters"),
    ],
)
def test_bad_settings_are_refused_and_change_nothing(
    org: Org, client_for, data, message: str
) -> None:  # type: ignore[no-untyped-def]
    response = save(client_for(org.manager), org.it, **data)
    assert response.status_code == 400 and message in response.content.decode()
    org.it.refresh_from_db()
    assert org.it.reopen_window_days == 7 and org.it.description == ""


def test_the_new_window_decides_when_a_requester_reply_reopens(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from scotty.core.testing import file_ticket
    from scotty.tickets.services import add_reply, transition

    save(client_for(org.manager), org.it, reopen_window_days=1)
    org.it.refresh_from_db()  # as every request loads it
    ticket = file_ticket(org.requester, org.it)
    transition(ticket, actor=org.agent, to="resolved", expected_version=ticket.version,
               resolution="Done.")  # fmt: skip
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        outcome = add_reply(ticket, author=org.requester, body="Broken again")
    assert outcome.ticket.follow_up_of_id == ticket.pk


def test_two_managers_saving_from_the_same_page_never_overwrite_each_other(
    org: Org,
    client_for,  # type: ignore[no-untyped-def]
) -> None:
    from scotty.accounts.services import join_unit

    join_unit(org.agent2, org.it, role="manager")
    mona, bea = client_for(org.manager), client_for(org.agent2)
    page = bea.get(reverse("desk:units")).content.decode()
    assert 'name="version" value="1"' in page  # what Bea's page saw
    assert save(mona, org.it, reopen_window_days=14, description="Mona's words").status_code == 302
    response = save(bea, org.it, reopen_window_days=3, description="Bea's words", version=1)
    body = response.content.decode()
    assert response.status_code == 409
    assert "Mona Manager changed the settings of IT Service Desk" in body
    assert "Reopen window: 14 days" in body and "Mona&#x27;s words" in body
    assert "Bea&#x27;s words</textarea>" in body  # what Bea typed is still in the form
    org.it.refresh_from_db()
    assert (org.it.reopen_window_days, org.it.description) == (14, "Mona's words")
    # Saving again from the page she now has is a deliberate overwrite, and goes through.
    assert 'name="version" value="2"' in body
    assert save(bea, org.it, reopen_window_days=3, description="Bea's words").status_code == 302
    org.it.refresh_from_db()
    assert (org.it.reopen_window_days, org.it.settings_changed_by) == (3, org.agent2)
