import pytest
from django.test import Client
from django.urls import reverse

from scotty.core.testing import PASSWORD, Org


def sign_in(client: Client, email: str, password: str):  # type: ignore[no-untyped-def]
    return client.post(reverse("accounts:sign_in"), {"username": email, "password": password})


def test_people_sign_in_with_email_and_password_and_land_on_their_side(org: Org) -> None:
    client = Client()
    response = sign_in(client, "RITA@example.org".lower(), PASSWORD)
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


def test_passwords_are_stored_with_argon2_in_production_settings() -> None:
    from scotty import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_behind_a_proxy_the_lock_follows_the_client_address_not_the_proxys(
    org: Org, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    attacker = Client(HTTP_X_FORWARDED_FOR="81.2.69.160, 10.0.0.1")
    for _ in range(2):
        sign_in(attacker, "rita@example.org", "guess")
    assert sign_in(attacker, "rita@example.org", PASSWORD).status_code == 429
    rita = Client(HTTP_X_FORWARDED_FOR="93.184.216.34, 10.0.0.1")
    assert sign_in(rita, "rita@example.org", PASSWORD).status_code == 302


def test_without_a_proxy_a_forged_forwarded_for_header_does_not_dodge_the_lock(
    org: Org, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 2
    for n in range(2):
        sign_in(Client(HTTP_X_FORWARDED_FOR=f"81.2.69.{n}"), "rita@example.org", "guess")
    forged = Client(HTTP_X_FORWARDED_FOR="93.184.216.34")
    assert sign_in(forged, "rita@example.org", PASSWORD).status_code == 429
