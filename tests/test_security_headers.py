"""What every page tells the browser: CSP with a nonce, no framing, no sniffing, no
caching of pages, and https only (HSTS) when Scotty is served over https."""

import json
import os
import re
import subprocess
import sys
import tempfile

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from scotty.core.testing import Org, file_ticket, upload


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


def test_the_policy_forbids_base_tags_and_plugins(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    csp = client_for(org.requester).get(reverse("portal:home"))["Content-Security-Policy"]
    assert "base-uri 'none'" in csp and "object-src 'none'" in csp


# --- Nothing a signed-in person saw stays in a cache ("back" after signing out).

PAGES = [
    ("agent", "desk:home", {}),
    ("agent", "desk:ticket", {"reference": "IT-1001"}),
    ("agent", "desk:queue", {"slug": "open"}),
    ("agent", "desk:log_call", {}),
    ("requester", "portal:home", {}),
    ("requester", "portal:request", {"reference": "IT-1001"}),
    ("requester", "portal:new", {}),
]


@pytest.mark.parametrize(("who", "page", "kwargs"), PAGES, ids=[p[1] for p in PAGES])
def test_pages_of_signed_in_people_are_never_stored(
    org: Org, client_for, who: str, page: str, kwargs: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    file_ticket(org.requester, org.it)
    response = client_for(getattr(org, who)).get(reverse(page, kwargs=kwargs))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_htmx_fragments_redirects_and_refusals_are_never_stored(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    file_ticket(org.requester, org.it)
    agent = client_for(org.agent)
    fragment = agent.get("/desk/tickets/IT-1001/?part=timeline", headers={"HX-Request": "true"})
    redirect = client_for(org.requester).get("/desk/")
    missing = agent.get("/desk/tickets/IT-9999/")
    assert [r.status_code for r in (fragment, redirect, missing)] == [200, 302, 404]
    assert all("no-store" in r["Cache-Control"] for r in (fragment, redirect, missing))


def test_the_sign_in_page_is_never_stored() -> None:
    assert "no-store" in Client().get(reverse("accounts:sign_in"))["Cache-Control"]


def test_downloads_keep_their_own_cache_rule(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    ticket = file_ticket(org.requester, org.it, files=[upload("photo.png")])
    attachment = ticket.attachments.get()
    response = client_for(org.requester).get(reverse("files:download", args=[attachment.pk]))
    assert response["Cache-Control"] == "private, no-store"


def test_static_files_keep_their_cache(client: Client) -> None:
    response = client.get("/static/scotty/scotty.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "max-age" in response["Cache-Control"]


# --- https: redirect and HSTS, only when Scotty is served over https.


def settings_under(**environ: str) -> dict[str, object]:
    """The values scotty.settings computes from this environment, in a fresh process."""
    code = (
        "import json, scotty.settings as s; print(json.dumps({k: getattr(s, k) for k in ["
        "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
        "'SECURE_HSTS_PRELOAD', 'SESSION_COOKIE_SECURE', 'SECURE_PROXY_SSL_HEADER']}))"
    )
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("SCOTTY_", "SITE_URL"))}
    with tempfile.TemporaryDirectory() as data:
        result = subprocess.run(
            [sys.executable, "-c", code],
            env={**keep, "SCOTTY_DATA_DIR": data, **environ},
            capture_output=True, text=True, check=True, timeout=60,
        )  # fmt: skip
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_under_https_plain_http_is_redirected_and_hsts_lasts_a_year() -> None:
    values = settings_under(SITE_URL="https://desk.example.org")
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_hsts_and_the_redirect_can_be_tuned_by_the_operator() -> None:
    values = settings_under(
        SITE_URL="https://desk.example.org", SCOTTY_HSTS_SECONDS="3600",
        SCOTTY_HSTS_INCLUDE_SUBDOMAINS="true", SCOTTY_HSTS_PRELOAD="yes",
        SCOTTY_SSL_REDIRECT="false",
    )  # fmt: skip
    assert values["SECURE_HSTS_SECONDS"] == 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SECURE_SSL_REDIRECT"] is False


def test_under_http_there_is_no_redirect_and_no_hsts() -> None:
    values = settings_under(SITE_URL="http://127.0.0.1:8000", SCOTTY_HSTS_SECONDS="3600")
    assert values["SECURE_SSL_REDIRECT"] is False and values["SECURE_HSTS_SECONDS"] == 0


HTTPS = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
}


@override_settings(**HTTPS)
def test_an_http_request_is_sent_to_https() -> None:
    response = Client().get("/sign-in/?next=/desk/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/sign-in/?next=/desk/"


@override_settings(**HTTPS)
@pytest.mark.parametrize(
    "how", [{"secure": True}, {"headers": {"X-Forwarded-Proto": "https"}}], ids=["tls", "proxy"]
)
def test_an_https_request_carries_strict_transport_security(how: dict[str, object]) -> None:
    response = Client().get("/sign-in/", **how)  # type: ignore[arg-type]
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000"
