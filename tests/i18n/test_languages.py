"""Scotty speaks each person's language: their profile's, else their browser's, with
dates, numbers and relative times to match (README "Languages")."""

import html
from datetime import UTC, datetime, timedelta
from typing import Any

import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

from scotty.accounts.languages import in_language_of, language_of
from scotty.accounts.models import Person
from scotty.core.testing import Org, file_ticket
from scotty.tickets import states
from scotty.tickets.models import Ticket
from scotty.tickets.services import transition
from scotty.tickets.states import Status
from scotty.tickets.wording import moment

# A Friday in March: "Fr." and "März"/"Mär" only German writes.
FRIDAY = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


def speaking(person: Person, language: str) -> Person:
    person.language = language
    person.save(update_fields=["language"])
    return person


def page(client: Client, url: str, **headers: str) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, response.status_code
    return html.unescape(response.text)


def signed_in(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def filed_on_friday(org: Org) -> Ticket:
    with time_machine.travel(FRIDAY, tick=False):
        return file_ticket(org.requester, org.it)


def test_an_agent_who_chose_german_reads_the_desk_in_german(org: Org) -> None:
    speaking(org.agent, "de")
    filed_on_friday(org)
    home = page(signed_in(org.agent), reverse("desk:home"))
    assert '<html lang="de">' in home
    assert "Jetzt bearbeiten" in home and "Meine Tickets" in home and "Abmelden" in home
    assert "Work on now" not in home and "Sign out" not in home


def test_the_ticket_page_in_german_writes_german_dates(org: Org) -> None:
    speaking(org.agent, "de")
    ticket = filed_on_friday(org)
    text = page(signed_in(org.agent), reverse("desk:ticket", args=[ticket.reference]))
    assert "Beschreibung" in text and "Verlauf" in text and "Bearbeiter/in" in text
    assert "eröffnet am" in text and "14. Mär 2025, 10:30" in text  # Berlin time
    assert "Neu" in text  # the status badge
    assert "Description" not in text and "14 Mar 2025" not in text


def test_the_portal_in_german_words_statuses_and_events_for_the_requester(org: Org) -> None:
    speaking(org.requester, "de")
    ticket = filed_on_friday(org)
    transition(ticket, actor=org.agent, to=Status.OPEN, expected_version=ticket.version)
    portal = signed_in(org.requester)
    listing = page(portal, reverse("portal:home"))
    assert "Meine Anfragen" in listing and "Wir arbeiten daran" in listing
    assert "gerade eben" in listing  # the last update, just now
    request = page(portal, reverse("portal:request", kwargs={"reference": ticket.reference}))
    assert "Am 14. März 2025 an IT Service Desk gesendet" in request
    assert "Alex: Wir arbeiten daran" in request  # the event, in the requester's words
    assert "We are working on it" not in request


def test_relative_times_are_german_too(org: Org) -> None:
    speaking(org.requester, "de")
    filed_on_friday(org)
    with time_machine.travel(FRIDAY + timedelta(days=3, hours=1), tick=False):
        listing = page(signed_in(org.requester), reverse("portal:home"))
    assert "vor 3\xa0Tagen" in listing and "ago" not in listing  # Django's timesince: nbsp


def test_numbers_are_written_the_german_way(org: Org) -> None:
    speaking(org.requester, "de")
    data = {"unit": org.it.pk, "title": "Drucker", "description": "x" * 50_001}
    response = signed_in(org.requester).post(reverse("portal:new"), data)
    text = html.unescape(response.text)
    assert "Die Beschreibung ist 50.001 Zeichen lang; erlaubt sind höchstens 50.000." in text
    assert not Ticket.objects.exists()


def test_a_browser_asking_for_german_gets_german_without_a_profile_language(org: Org) -> None:
    assert org.requester.language == ""
    text = page(signed_in(org.requester), reverse("portal:home"), accept_language="de-DE,de;q=0.9")
    assert "Meine Anfragen" in text and "Neue Anfrage" in text
    anonymous = page(Client(), reverse("accounts:sign_in"), accept_language="de")
    assert "Bei Scotty anmelden" in anonymous and "Passwort" in anonymous


def test_the_profile_language_wins_over_the_browser(org: Org) -> None:
    speaking(org.requester, "en")
    text = page(signed_in(org.requester), reverse("portal:home"), accept_language="de")
    assert "My requests" in text and "Meine Anfragen" not in text
    speaking(org.agent, "de")
    text = page(signed_in(org.agent), reverse("desk:home"), accept_language="en")
    assert "Jetzt bearbeiten" in text


def test_english_stays_the_default(org: Org) -> None:
    text = page(signed_in(org.requester), reverse("portal:home"))
    assert '<html lang="en">' in text and "My requests" in text


def test_what_scotty_sends_a_person_is_in_their_language(org: Org, settings: Any) -> None:
    # Scotty sends no e-mail yet (the mail issue brings it); whatever it sends is
    # composed inside `in_language_of(recipient)`, whatever the sender's language.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    german = speaking(org.requester, "de")
    with in_language_of(german):
        subject = states.requester_wording(Status.WAITING_ON_REQUESTER)
        body = gettext("Your reply was sent.") + " " + moment(FRIDAY)
        mail.send_mail(subject, body, "scotty@example.org", [german.email])
    assert mail.outbox[-1].subject == "Wir brauchen etwas von Ihnen"
    assert mail.outbox[-1].body == "Ihre Antwort wurde gesendet. Fr., 14. Mär 2025, 10:30"
    assert language_of(org.agent) == "en"  # no choice: Scotty's default language
    with in_language_of(org.agent):
        assert states.requester_wording(Status.WAITING_ON_REQUESTER) == "We need something from you"


# --- The settings page where a person picks their language.


def test_a_person_picks_german_and_is_told_so_in_german(org: Org) -> None:
    client = signed_in(org.requester)
    response = client.post(reverse("settings"), {"language": "de"}, follow=True)
    org.requester.refresh_from_db()
    assert org.requester.language == "de"
    assert "Ihre Einstellungen wurden gespeichert." in html.unescape(response.text)
    assert "Meine Anfragen" in page(client, reverse("portal:home"))


def test_blank_follows_the_browser_again(org: Org) -> None:
    speaking(org.agent, "de")
    client = signed_in(org.agent)
    client.post(reverse("settings"), {"language": ""})
    org.agent.refresh_from_db()
    assert org.agent.language == ""
    assert "Work on now" in page(client, reverse("desk:home"))


def test_the_settings_page_is_reachable_from_the_desk_and_the_portal(org: Org) -> None:
    link = f'href="{reverse("settings")}"'
    assert link in page(signed_in(org.agent), reverse("desk:home"))
    assert link in page(signed_in(org.requester), reverse("portal:home"))
    form = page(signed_in(org.requester), reverse("settings"))
    assert "English" in form and "Deutsch" in form and 'value="de"' in form


def test_signed_out_visitors_are_sent_to_sign_in(org: Org) -> None:
    response = Client().post(reverse("settings"), {"language": "de"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_a_language_scotty_does_not_offer_is_refused_and_nothing_changes(org: Org) -> None:
    speaking(org.requester, "de")
    response = signed_in(org.requester).post(reverse("settings"), {"language": "xx"})
    assert response.status_code == 400
    text = html.unescape(response.text)
    assert "Bitte wählen Sie eine Sprache aus der Liste." in text  # still in their German
    org.requester.refresh_from_db()
    assert org.requester.language == "de"


def test_the_form_needs_its_csrf_token(org: Org) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.requester)
    assert client.post(reverse("settings"), {"language": "de"}).status_code == 403
    org.requester.refresh_from_db()
    assert org.requester.language == ""


def test_a_person_changes_only_their_own_language(org: Org) -> None:
    # There is no person in the URL or the form: only the signed-in one changes.
    signed_in(org.agent).post(reverse("settings"), {"language": "de", "person": org.requester.pk})
    org.requester.refresh_from_db()
    org.agent.refresh_from_db()
    assert (org.requester.language, org.agent.language) == ("", "de")
