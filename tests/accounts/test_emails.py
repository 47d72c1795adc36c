"""E-mail addresses are one per person whatever their case: sign-in, pickers, the admin."""

from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse

from scotty.accounts.models import Person
from scotty.accounts.selectors import find_people, person_by_email
from scotty.accounts.services import create_person
from scotty.core.errors import InvalidInput
from scotty.core.testing import PASSWORD, Org
from scotty.desk.forms import PersonField
from tests.accounts.conftest import sign_in, signed_in

NO_MEMBERSHIPS = {"memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"}


def add_in_admin(admin: Person, email: str, **extra: str) -> Any:
    client = Client()
    client.force_login(admin)
    data = {"email": email, "full_name": "Tara Braun", "usable_password": "true",
            "password1": PASSWORD, "password2": PASSWORD, **NO_MEMBERSHIPS, **extra}  # fmt: skip
    return client.post(reverse("admin:accounts_person_add"), data)


def test_people_sign_in_with_their_address_however_they_capitalise_it(org: Org) -> None:
    create_person(email="tara.braun@example.com", full_name="Tara Braun", password=PASSWORD)
    client = Client()
    assert sign_in(client, "Tara.Braun@example.com", PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(person_by_email("tara.braun@example.com").pk)  # type: ignore[union-attr]


def test_the_admin_stores_addresses_in_lower_case(org: Org) -> None:
    response = add_in_admin(org.admin, "Tara.Braun@Example.COM")
    assert response.status_code == 302, response.content.decode()[:2000]
    tara = Person.objects.get(full_name="Tara Braun")
    assert tara.email == "tara.braun@example.com"
    assert sign_in(Client(), "TARA.BRAUN@EXAMPLE.COM", PASSWORD).status_code == 302


def test_the_admin_refuses_a_second_account_differing_only_in_case(org: Org) -> None:
    response = add_in_admin(org.admin, "Rita@Example.org")
    assert response.status_code == 200
    assert "An account with this e-mail address already exists." in response.content.decode()
    assert Person.objects.filter(email__iexact="rita@example.org").count() == 1


def test_the_admin_change_form_lowers_a_retyped_address(org: Org) -> None:
    client = Client()
    client.force_login(org.admin)
    url = reverse("admin:accounts_person_change", args=[org.colleague.pk])
    data = {"email": "Cora.New@Example.org", "full_name": "Cora Colleague", "is_active": "on",
            **NO_MEMBERSHIPS}  # fmt: skip
    assert client.post(url, data).status_code == 302
    org.colleague.refresh_from_db()
    assert org.colleague.email == "cora.new@example.org"


def test_services_refuse_an_address_that_differs_only_in_case(org: Org) -> None:
    with pytest.raises(InvalidInput, match="already has an account"):
        create_person(email=" RITA@example.org ", full_name="Rita Again")


def test_the_database_refuses_a_second_spelling_written_around_the_orm(org: Org) -> None:
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE accounts_person SET email = %s WHERE id = %s",
            ["RITA@EXAMPLE.ORG", org.colleague.pk],
        )


def test_person_by_email_finds_any_spelling_and_nobody_for_a_stranger(org: Org) -> None:
    assert person_by_email("  Rita@Example.ORG ") == org.requester
    assert person_by_email("stranger@example.org") is None
    assert person_by_email("") is None
    org.requester.is_active = False
    org.requester.save()
    assert person_by_email("rita@example.org") == org.requester  # history still needs them


def test_pickers_find_people_by_address_in_any_case(org: Org) -> None:
    assert add_in_admin(org.admin, "Tara.Braun@Example.com").status_code == 302
    tara = Person.objects.get(full_name="Tara Braun")
    assert tara in find_people("TARA.BR")
    assert tara in find_people("tara.braun@example")
    assert PersonField().clean("  TARA.BRAUN@example.COM ") == tara


def test_a_lock_counts_one_account_whatever_case_the_guesses_use(org: Org, deployed: Any) -> None:
    deployed(AXES_FAILURE_LIMIT="3")
    for spelling in ("Rita@example.org", "RITA@EXAMPLE.ORG", "rita@Example.org"):
        sign_in(Client(), spelling, "guess")
    rita = Client()
    assert sign_in(rita, "rita@example.org", PASSWORD).status_code == 429
    assert not signed_in(rita)
