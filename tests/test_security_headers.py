"""What every page tells the browser: CSP with a nonce, no framing, no sniffing."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from scotty.core.testing import Org


@pytest.mark.parametrize("who", ["requester", "agent"])
def test_pages_carry_a_strict_content_security_policy(org: Org, client_for, who: str) -> None:  # type: ignore[no-untyped-def]
    page = "portal:home" if who == "requester" else "desk:home"
    response = client_for(getattr(org, who)).get(reverse(page))
    csp = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp)
    assert nonce and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    # Every script on the page carries this response's nonce (htmx included).
    scripts = re.findall(r"<script[^>]*>", response.content.decode())
    assert scripts and all(f'nonce="{nonce.group(1)}"' in tag for tag in scripts)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_session_cookie_is_http_only_and_rotated_at_sign_in(org: Org) -> None:
    client = Client()
    client.get(reverse("accounts:sign_in"))
    before = client.cookies.get("sessionid")
    client.post(
        reverse("accounts:sign_in"),
        {"username": org.requester.email, "password": "correct horse battery staple"},
    )
    after = client.cookies["sessionid"]
    assert after["httponly"] and (before is None or before.value != after.value)


@pytest.mark.parametrize(
    "username",
    ["x" * 10_000 + "@example.org", "rita@example.org' OR '1'='1", "\x00rita@example.org", ""],
)
def test_hostile_sign_in_input_gets_a_plain_refusal(org: Org, username: str) -> None:
    response = Client().post(
        reverse("accounts:sign_in"), {"username": username, "password": "p" * 5000}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in Client().session
    assert "Sign in" in response.content.decode()
