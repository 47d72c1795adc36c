"""Which address a request comes from, behind zero, one or two trusted proxies.

The sign-in lock and throttle are per address, so a client must never choose its own:
only entries the trusted proxies appended to X-Forwarded-For count.
"""

from typing import Any

import pytest
from django.test import Client, RequestFactory

from scotty.accounts.client_address import client_address
from scotty.core.testing import PASSWORD, Org
from tests.accounts.conftest import sign_in, signed_in


def address(settings: Any, proxies: int, forwarded: str | None, peer: str = "10.0.0.2") -> Any:
    settings.SCOTTY_PROXY_COUNT = proxies
    headers: dict[str, Any] = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().post("/sign-in/", **headers))


@pytest.mark.parametrize(
    ("proxies", "forwarded", "client"),
    [
        # No proxy: the header is the client's own words and ignored.
        (0, None, "10.0.0.2"),
        (0, "198.51.100.7", "10.0.0.2"),
        # One proxy appends the address it saw: the last entry.
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.1, 198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.1,6.6.6.2,  198.51.100.7 ", "198.51.100.7"),
        # Two proxies: the edge appends the client, the inner one the edge: 2nd from right.
        (2, "198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (2, "6.6.6.1, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        # Canonical forms: IPv6 compressed, ports and brackets dropped, mapped IPv4 as IPv4.
        (1, "2001:DB8:0:0::7", "2001:db8::7"),
        (1, "[2001:db8::7]:443", "2001:db8::7"),
        (1, "198.51.100.7:51234", "198.51.100.7"),
        (1, "::ffff:198.51.100.7", "198.51.100.7"),
    ],
)
def test_the_client_is_the_entry_the_first_trusted_proxy_appended(
    settings: Any, proxies: int, forwarded: str | None, client: str
) -> None:
    assert address(settings, proxies, forwarded) == client


@pytest.mark.parametrize(
    ("proxies", "forwarded"),
    [
        (1, None),  # Scotty reached around the proxy: the peer is the client itself
        (1, ""),
        (2, "198.51.100.7"),  # one entry short: no entry is known to be a proxy's
        (2, "6.6.6.6"),  # ... however it got there
        (1, "6.6.6.1, unknown"),  # a proxy that writes something that is no address
        (1, "not-an-address"),
    ],
)
def test_a_header_that_cannot_be_trusted_gives_the_peer_address_never_a_chosen_one(
    settings: Any, proxies: int, forwarded: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    assert address(settings, proxies, forwarded) == "10.0.0.2"
    if forwarded and proxies:
        assert "X-Forwarded-For" in caplog.text  # the operator is told to fix the chain


def behind_one_proxy(forwarded: str) -> Client:
    """A browser whose request reached Scotty through one proxy at 10.0.0.2."""
    return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)


def test_behind_one_proxy_forged_prefixes_do_not_dodge_the_lock(org: Org, deployed: Any) -> None:
    deployed(SCOTTY_PROXY_COUNT="1", AXES_FAILURE_LIMIT="5")
    for n in range(8):
        sign_in(behind_one_proxy(f"6.6.6.{n}, 198.51.100.7"), "rita@example.org", "guess")
    attacker = behind_one_proxy("6.6.6.99, 198.51.100.7")
    response = sign_in(attacker, "rita@example.org", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(attacker)


def test_behind_one_proxy_a_lock_holds_one_address_not_everyone(org: Org, deployed: Any) -> None:
    deployed(SCOTTY_PROXY_COUNT="1", AXES_FAILURE_LIMIT="5")
    for _ in range(5):
        sign_in(behind_one_proxy("203.0.113.9"), "rita@example.org", "guess")
    assert sign_in(behind_one_proxy("203.0.113.9"), "rita@example.org", PASSWORD).status_code == 429
    rita = behind_one_proxy("198.51.100.20")
    assert sign_in(rita, "rita@example.org", PASSWORD).status_code == 302
    assert signed_in(rita)


def test_behind_two_proxies_the_client_is_second_from_the_right(org: Org, deployed: Any) -> None:
    deployed(SCOTTY_PROXY_COUNT="2", AXES_FAILURE_LIMIT="3")

    def via_two_proxies(forwarded: str) -> Client:
        return Client(REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_FOR=forwarded)

    for n in range(3):
        sign_in(via_two_proxies(f"6.6.6.{n}, 198.51.100.7, 10.0.0.2"), "rita@example.org", "x")
    locked = via_two_proxies("6.6.6.50, 198.51.100.7, 10.0.0.2")
    assert sign_in(locked, "rita@example.org", PASSWORD).status_code == 429
    elsewhere = via_two_proxies("198.51.100.8, 10.0.0.2")
    assert sign_in(elsewhere, "rita@example.org", PASSWORD).status_code == 302


def test_without_proxies_a_forwarded_for_header_changes_nothing(org: Org, deployed: Any) -> None:
    deployed(AXES_FAILURE_LIMIT="2")
    for n in range(2):
        sign_in(Client(HTTP_X_FORWARDED_FOR=f"81.2.69.{n}"), "rita@example.org", "guess")
    forged = Client(HTTP_X_FORWARDED_FOR="93.184.216.34")
    assert sign_in(forged, "rita@example.org", PASSWORD).status_code == 429


def test_a_negative_proxy_count_is_refused_at_start(deployed: Any) -> None:
    from scotty.core.env import ConfigError

    with pytest.raises(ConfigError, match="SCOTTY_PROXY_COUNT"):
        deployed(SCOTTY_PROXY_COUNT="-1")
