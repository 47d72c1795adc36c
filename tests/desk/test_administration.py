"""The desk's Administration area: where administrators see and lift sign-in locks."""

import logging
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from scotty.core.testing import PASSWORD, Org
from tests.accounts.conftest import sign_in

RITAS_DESK = "198.51.100.7"
SPRAYER = "203.0.113.50"


@pytest.fixture
def locks(org: Org, settings: Any) -> None:
    """Rita locked out from her desk's address; an address held back by the throttle."""
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 2
    settings.SCOTTY_SIGN_IN_BURST, settings.SCOTTY_SIGN_IN_REFILL_SECONDS = 3, 600
    for _ in range(2):
        sign_in(Client(REMOTE_ADDR=RITAS_DESK), "Rita@example.org", "guess")
    for n in range(4):
        sign_in(Client(REMOTE_ADDR=SPRAYER), f"user{n}@example.org", "Summer2026!")


def lift(client: Client, **fields: str) -> Any:
    return client.post(reverse("desk:lift_sign_in_lock"), fields, follow=True)


@pytest.mark.parametrize(
    ("who", "sees_link"), [("agent", False), ("manager", False), ("admin", True)]
)
def test_administrators_find_an_administration_link_in_the_desk(
    org: Org, client_for: Any, who: str, sees_link: bool
) -> None:
    page = client_for(getattr(org, who)).get(reverse("desk:home")).content.decode()
    assert (f'href="{reverse("desk:administration")}"' in page) == sees_link


def test_the_administration_page_leads_to_sign_in_locks_and_djangos_admin(
    org: Org, client_for: Any
) -> None:
    page = client_for(org.admin).get(reverse("desk:administration")).content.decode()
    assert f'href="{reverse("desk:sign_in_locks")}"' in page
    assert 'href="/admin/"' in page


def test_the_locks_page_lists_who_where_since_and_until(
    org: Org, client_for: Any, locks: None, django_assert_max_num_queries: Any
) -> None:
    admin = client_for(org.admin)
    # Session, person, account locks, their owners (one query for all), address holds.
    with django_assert_max_num_queries(6):
        page = admin.get(reverse("desk:sign_in_locks")).content.decode()
    assert "Rita Requester · rita@example.org" in page  # the lock is on the account, any case
    assert RITAS_DESK in page and "2 failed" in page
    assert SPRAYER in page and "Every account" in page and "1 turned away" in page
    assert page.count("<time datetime=") == 4  # since and until, for each lock
    assert page.count('type="submit">Lift') == 2


def test_nobody_locked_out_says_so(org: Org, client_for: Any) -> None:
    page = client_for(org.admin).get(reverse("desk:sign_in_locks")).content.decode()
    assert "Nobody is locked out of signing in right now." in page


def test_lifting_an_account_lock_lets_the_person_in_and_logs_who_did_it(
    org: Org, client_for: Any, locks: None, caplog: pytest.LogCaptureFixture
) -> None:
    admin = client_for(org.admin)
    assert sign_in(Client(REMOTE_ADDR=RITAS_DESK), "rita@example.org", PASSWORD).status_code == 429
    with caplog.at_level(logging.INFO, logger="scotty.accounts.services"):
        response = lift(admin, kind="account", email="rita@example.org", address=RITAS_DESK)
    assert "Lifted the lock on rita@example.org from 198.51.100.7." in response.content.decode()
    assert "lifted by ada@example.org" in caplog.text
    assert "rita@example.org" not in admin.get(reverse("desk:sign_in_locks")).content.decode()
    assert sign_in(Client(REMOTE_ADDR=RITAS_DESK), "rita@example.org", PASSWORD).status_code == 302


def test_lifting_an_address_hold_lets_that_address_try_again(
    org: Org, client_for: Any, locks: None, caplog: pytest.LogCaptureFixture
) -> None:
    assert sign_in(Client(REMOTE_ADDR=SPRAYER), "cora@example.org", PASSWORD).status_code == 429
    with caplog.at_level(logging.INFO, logger="scotty.accounts.services"):
        response = lift(client_for(org.admin), kind="address", address=SPRAYER)
    assert f"Lifted the lock on sign-ins from {SPRAYER}." in response.content.decode()
    assert f"throttle on {SPRAYER} lifted by ada@example.org" in caplog.text
    assert sign_in(Client(REMOTE_ADDR=SPRAYER), "cora@example.org", PASSWORD).status_code == 302


def test_lifting_a_lock_that_already_ended_says_so(org: Org, client_for: Any, locks: None) -> None:
    admin = client_for(org.admin)
    lift(admin, kind="address", address=SPRAYER)
    response = lift(admin, kind="address", address=SPRAYER)
    assert f"The lock on sign-ins from {SPRAYER} had already ended." in response.content.decode()


def test_a_garbled_lift_changes_nothing_and_says_so(org: Org, client_for: Any, locks: None) -> None:
    admin = client_for(org.admin)
    response = lift(admin, kind="everything", address=RITAS_DESK)
    assert "nothing was lifted" in response.content.decode()
    response = lift(admin, kind="account", email="", address=RITAS_DESK)
    assert "Say which account to unlock." in response.content.decode()
    assert sign_in(Client(REMOTE_ADDR=RITAS_DESK), "rita@example.org", PASSWORD).status_code == 429
