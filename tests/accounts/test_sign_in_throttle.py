"""The sign-in throttle: one address, many e-mails, no password hashed once it is dry."""

import threading
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.utils import timezone

from scotty.accounts import throttle
from scotty.accounts.models import SignInBucket
from scotty.core.testing import PASSWORD, Org
from tests.accounts.conftest import sign_in, signed_in

SPRAYER = "198.51.100.66"


@pytest.fixture
def small_bucket(settings: Any) -> None:
    settings.SCOTTY_SIGN_IN_BURST = 3
    settings.SCOTTY_SIGN_IN_REFILL_SECONDS = 60


def test_a_spray_over_many_emails_is_stopped_before_any_hash(
    org: Org, small_bucket: None, counting_hasher: Any
) -> None:
    client = Client(REMOTE_ADDR=SPRAYER)
    for email in ("rita@example.org", "nobody@example.org", "alex@example.org"):
        assert sign_in(client, email, "Summer2026!").status_code == 200  # a plain refusal
    assert counting_hasher.calls == 3
    for email in ("cora@example.org", "ghost@example.org", "rita@example.org"):
        response = sign_in(client, email, "Summer2026!")
        assert response.status_code == 429
    assert counting_hasher.calls == 3  # turned away without hashing
    page = response.content.decode()
    assert "Too many sign-in attempts" in page and "Try again at" in page
    assert 1 <= int(response["Retry-After"]) <= 60


def test_while_held_back_even_the_right_password_waits(org: Org, small_bucket: None) -> None:
    client = Client(REMOTE_ADDR=SPRAYER)
    for _ in range(3):
        sign_in(client, "nobody@example.org", "guess")
    assert sign_in(client, "rita@example.org", PASSWORD).status_code == 429
    assert not signed_in(client)


def test_an_office_behind_one_address_signing_in_correctly_is_never_held_back(
    org: Org, small_bucket: None
) -> None:
    people = [org.requester, org.colleague, org.agent, org.agent2, org.manager, org.admin]
    for person in people * 2:  # twelve sign-ins, four times the bucket
        office = Client(REMOTE_ADDR="203.0.113.1")
        assert sign_in(office, person.email, PASSWORD).status_code == 302
    # ... and a few typos among them still leave room.
    sign_in(Client(REMOTE_ADDR="203.0.113.1"), "rita@example.org", "typo")
    assert (
        sign_in(Client(REMOTE_ADDR="203.0.113.1"), "rita@example.org", PASSWORD).status_code == 302
    )


def test_attempts_come_back_with_time(org: Org, small_bucket: None) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(3):
            sign_in(Client(REMOTE_ADDR=SPRAYER), "nobody@example.org", "guess")
        assert sign_in(Client(REMOTE_ADDR=SPRAYER), "rita@example.org", PASSWORD).status_code == 429
        clock.shift(timedelta(seconds=61))
        assert sign_in(Client(REMOTE_ADDR=SPRAYER), "rita@example.org", PASSWORD).status_code == 302


def test_other_addresses_are_not_held_back(org: Org, small_bucket: None) -> None:
    for _ in range(4):
        sign_in(Client(REMOTE_ADDR=SPRAYER), "nobody@example.org", "guess")
    assert (
        sign_in(Client(REMOTE_ADDR="198.51.100.67"), "rita@example.org", PASSWORD).status_code
        == 302
    )


def test_an_ipv6_client_cannot_get_fresh_buckets_from_its_own_64(
    org: Org, small_bucket: None
) -> None:
    for n in range(3):
        sign_in(Client(REMOTE_ADDR=f"2001:db8:1:2::{n + 1}"), "nobody@example.org", "guess")
    other_host = Client(REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert sign_in(other_host, "rita@example.org", PASSWORD).status_code == 429
    next_network = Client(REMOTE_ADDR="2001:db8:1:3::1")
    assert sign_in(next_network, "rita@example.org", PASSWORD).status_code == 302


def test_django_admins_login_is_throttled_too(
    org: Org, small_bucket: None, counting_hasher: Any
) -> None:
    client = Client(REMOTE_ADDR=SPRAYER)
    for n in range(4):
        response = client.post(
            "/admin/login/", {"username": f"guess{n}@example.org", "password": "x"}
        )
    assert response.status_code == 429
    assert counting_hasher.calls == 3


def test_throttled_tries_do_not_count_towards_the_account_lock(
    org: Org, deployed: Any, settings: Any
) -> None:
    deployed(AXES_FAILURE_LIMIT="3")
    settings.SCOTTY_SIGN_IN_BURST, settings.SCOTTY_SIGN_IN_REFILL_SECONDS = 1, 60
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(5):  # one real failure, then four turned away by the throttle
            sign_in(Client(REMOTE_ADDR=SPRAYER), "rita@example.org", "guess")
        clock.shift(timedelta(seconds=61))
        # One failure so far, not five: Rita is not locked, so she gets in.
        assert sign_in(Client(REMOTE_ADDR=SPRAYER), "rita@example.org", PASSWORD).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_parallel_attempts_from_several_processes_take_exactly_the_bucket(settings: Any) -> None:
    # Each thread has its own database connection, as each gunicorn worker would.
    settings.SCOTTY_SIGN_IN_BURST, settings.SCOTTY_SIGN_IN_REFILL_SECONDS = 5, 3600
    start, admitted, errors = threading.Barrier(12), [], []

    def attempt() -> None:
        try:
            start.wait()
            admitted.append(throttle.take_attempt(SPRAYER).admitted)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(admitted) == [False] * 7 + [True] * 5
    assert SignInBucket.objects.get(address=SPRAYER).refused == 7


def test_buckets_full_again_are_forgotten(settings: Any, db: None) -> None:
    settings.SCOTTY_SIGN_IN_BURST, settings.SCOTTY_SIGN_IN_REFILL_SECONDS = 2, 10
    throttle.take_attempt(SPRAYER)
    throttle.take_attempt("198.51.100.67")
    with time_machine.travel(timezone.now() + timedelta(seconds=21)):
        throttle.take_attempt("198.51.100.67")  # still in use
        assert throttle.forget_full_buckets() == 1
    assert list(SignInBucket.objects.values_list("address", flat=True)) == ["198.51.100.67"]


def test_limits_are_read_from_the_environment(deployed: Any, settings: Any) -> None:
    deployed(SCOTTY_SIGN_IN_BURST="7", SCOTTY_SIGN_IN_REFILL_SECONDS="5")
    assert (settings.SCOTTY_SIGN_IN_BURST, settings.SCOTTY_SIGN_IN_REFILL_SECONDS) == (7, 5)
    from scotty.core.env import ConfigError

    with pytest.raises(ConfigError, match="SCOTTY_SIGN_IN_BURST"):
        deployed(SCOTTY_SIGN_IN_BURST="0")
