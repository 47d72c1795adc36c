import pytest
from django.test import Client
from django.urls import reverse

from scotty.core.testing import PASSWORD, Org


def sign_in(client: Client, email: str, password: str):  # type: ignore[no-untyped-def]
    return client.post(reverse("accounts:sign_in"), {"username": email, "password": password})


def test_people_sign_in_with_email_and_password_and_land_on_their_side(org: Org) -> None:
    client = Client()
    response = sign_in(client, "rita@example.org", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("home")).url == reverse("portal:home")  # type: ignore[attr-defined]
    agent = Client()
    sign_in(agent, "alex@example.org", PASSWORD)
    assert agent.get(reverse("home")).url == reverse("desk:home")  # type: ignore[attr-defined]


def test_a_wrong_password_is_refused_with_a_clear_message(org: Org) -> None:
    response = sign_in(Client(), "rita@example.org", "wrong")
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(db: None) -> None:
    response = Client().get(reverse("home"))
    assert response.status_code == 302 and response.url == reverse("accounts:sign_in")  # type: ignore[attr-defined]


def test_sign_out_needs_a_post(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(org.requester)
    assert client.get(reverse("accounts:sign_out")).status_code == 405
    client.post(reverse("accounts:sign_out"))
    assert client.get(reverse("home")).url == reverse("accounts:sign_in")


@pytest.mark.parametrize("password_after", ["wrong", PASSWORD])
def test_repeated_failures_lock_the_account_for_a_while(
    org: Org, settings, password_after: str
) -> None:  # type: ignore[no-untyped-def]
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(3):
        sign_in(client, "rita@example.org", "guess")
    response = sign_in(client, "rita@example.org", password_after)
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_sign_in_page_says_where_each_role_goes(db: None) -> None:
    page = Client().get(reverse("accounts:sign_in")).content.decode()
    assert "Where you will land" in page
    for words in ("The <strong>portal</strong>: your requests", "Agents of a support unit",
                  "Administrators", "<strong>Administration</strong> area"):  # fmt: skip
        assert words in page
