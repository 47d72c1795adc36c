"""The catalog on the new-request page: services people may ask for, searched by their
words; a service hidden from someone is neither listed, nor opened by URL, nor filed by a
forged form; a request for a service goes to its unit and says what to expect."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from scotty.accounts.models import Location
from scotty.catalog.models import Service
from scotty.catalog.selectors import find_services, offered_to
from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from scotty.tickets.states import Status
from tests.sla import give_terms


@pytest.fixture
def catalog(org: Org) -> dict[str, Service]:
    laptop = Service.objects.create(
        unit=org.it, name="New laptop", summary="A laptop for a new starter or a replacement.",
        keywords="notebook",
    )  # fmt: skip
    payroll = Service.objects.create(
        unit=org.hr, name="Überweisung prüfen", summary="Check a salary transfer.",
        keywords="payslip",
    )  # fmt: skip
    crm = Service.objects.create(unit=org.it, name="CRM account", summary="Salesforce.")
    crm.departments.set([org.sales])  # Otto's department, not Rita's
    old = Service.objects.create(unit=org.it, name="Fax line", summary="Gone.", is_active=False)
    return {"laptop": laptop, "payroll": payroll, "crm": crm, "old": old}


@pytest.mark.django_db
def test_each_person_is_offered_what_is_meant_for_them(org: Org, catalog: dict[str, Service]
                                                      ) -> None:  # fmt: skip
    rita = set(offered_to(org.requester).values_list("name", flat=True))
    otto = set(offered_to(org.other_requester).values_list("name", flat=True))
    assert rita == {"New laptop", "Überweisung prüfen"}
    assert otto == {"New laptop", "Überweisung prüfen", "CRM account"}
    lisbon = Location.objects.create(name="Lisbon Hub")
    catalog["laptop"].locations.set([lisbon])  # now for one site only
    assert "New laptop" not in offered_to(org.requester).values_list("name", flat=True)
    org.requester.location = lisbon
    org.requester.save()
    assert "New laptop" in offered_to(org.requester).values_list("name", flat=True)


@pytest.mark.django_db
def test_search_folds_accents_and_matches_word_starts(org: Org, catalog: dict[str, Service]
                                                     ) -> None:  # fmt: skip
    def names(words: str) -> list[str]:
        return [s.name for s in find_services(org.requester, words)]

    assert names("lapt") == ["New laptop"]
    assert names("uberweisung") == ["Überweisung prüfen"]
    assert names("NOTEBOOK new") == ["New laptop"]
    assert names("laptop payslip") == []
    assert names("crm") == []  # not offered to Rita


@pytest.mark.django_db
def test_the_new_request_page_lists_and_searches_the_catalog(org: Org, catalog: dict[str, Service],
                                                             client_for) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    rita = client_for(org.requester)
    page = rita.get(reverse("portal:new")).content.decode()
    assert "Find what you need" in page and "New laptop" in page and "Überweisung" in page
    assert "CRM account" not in page and "Fax line" not in page
    narrowed = rita.get(reverse("portal:new") + "?q=lapt").content.decode()
    assert "New laptop" in narrowed and "Überweisung" not in narrowed
    none = rita.get(reverse("portal:new") + "?q=%3Cscript%3Ealert(1)%3C/script%3E" + "x" * 500)
    assert none.status_code == 200 and b"<script>alert" not in none.content
    assert "No service matches" in none.content.decode()


@pytest.mark.django_db
def test_a_hidden_service_cannot_be_opened_or_filed(org: Org, catalog: dict[str, Service],
                                                    client_for) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    rita = client_for(org.requester)
    for hidden in ("crm", "old"):
        url = reverse("portal:new") + f"?service={catalog[hidden].pk}"
        assert rita.get(url).status_code == 404
    assert rita.get(reverse("portal:new") + "?service=abc").status_code == 404
    page = rita.get(reverse("portal:new"))
    once = page.context["form"]["once"].value()
    forged = rita.post(reverse("portal:new"), {
        "service": catalog["crm"].pk, "unit": org.it.pk, "title": "Give me CRM",
        "description": "Please.", "once": once,
    })  # fmt: skip
    assert forged.status_code in (400, 403)
    assert "not offered to you" in forged.content.decode()
    assert not Ticket.objects.exists()


@pytest.mark.django_db
def test_a_request_for_a_service_goes_to_its_unit_and_says_what_to_expect(
    org: Org,
    catalog: dict[str, Service],
    client_for,  # type: ignore[no-untyped-def]
) -> None:
    give_terms(org)  # IT's SLA: a reply within 1 business hour, resolved within 4
    rita = client_for(org.requester)
    laptop = catalog["laptop"]
    page = rita.get(reverse("portal:new") + f"?service={laptop.pk}")
    html = page.content.decode()
    assert "A laptop for a new starter" in html and "If you send it now, we will reply by" in html
    once = page.context["form"]["once"].value()
    response = rita.post(reverse("portal:new"), {
        "service": laptop.pk, "unit": org.hr.pk,  # a forged unit: the service's wins
        "title": "My laptop died", "description": "It does not start.", "once": once,
    })  # fmt: skip
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.service == laptop and ticket.owning_unit == org.it
    assert "New laptop" in rita.get(response["Location"]).content.decode()
    desk = client_for(org.agent).get(reverse("desk:ticket", args=[ticket.reference]))
    assert "New laptop" in desk.content.decode()


@pytest.mark.django_db
def test_a_picked_service_says_what_experience_of_it_says(org: Org, catalog: dict[str, Service],
                                                          client_for) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    laptop = catalog["laptop"]
    url = reverse("portal:new") + f"?service={laptop.pk}"
    rita = client_for(org.requester)
    cache.clear()
    assert "Most" not in rita.get(url).content.decode()  # nothing to go by yet
    for n in range(21):
        done = file_ticket(org.other_requester, org.it, f"Laptop {n}", service=laptop)
        Ticket.objects.filter(pk=done.pk).update(
            status=Status.RESOLVED, is_open=False, resolved_at=timezone.now(),
            resolution_minutes=20 * 60,  # 20 business hours: 3 days of the 8-hour day
        )  # fmt: skip
    cache.clear()
    html = rita.get(url).content.decode()
    assert "Most “New laptop” requests in the last 90 days were resolved within" in html
    assert "working days" in html or "working hours" in html
