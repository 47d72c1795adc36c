"""Every canned-reply page and endpoint x every role: who may use, change or delete which
reply (a unit's: its managers; a personal one: its owner only), and who is not told it
exists."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from scotty.core.testing import Org
from scotty.tickets.models import CannedReply, Ticket
from scotty.tickets.services import create_canned_reply

ROLES = ["anonymous", "requester", "other_requester", "agent", "hr_agent", "manager", "admin"]
AGENTS = {"agent", "hr_agent", "manager", "admin"}
SIGN_IN = reverse("accounts:sign_in")


@pytest.fixture
def replies(org: Org) -> dict[str, CannedReply]:
    return {
        "unit": create_canned_reply(actor=org.manager, title="IT hello", body="Hi", unit=org.it),
        "personal": create_canned_reply(actor=org.agent, title="Alex's", body="Yo"),
    }


def as_role(org: Org, role: str, client_for: Any) -> Client:
    return Client() if role == "anonymous" else client_for(getattr(org, role))


# (what, method, which reply, data) -> expected status by role (anonymous: sign-in).
ENDPOINTS: dict[str, tuple[str, str | None, dict[str, Any], dict[str, int]]] = {
    "list": ("get", None, {}, {r: 200 for r in AGENTS}),
    "add mine": ("post", None, {"title": "T", "body": "B"}, {r: 302 for r in AGENTS}),
    "add for IT": ("post", None, {"title": "T", "body": "B", "unit": "IT"},
                   {"agent": 400, "hr_agent": 400, "manager": 302, "admin": 302}),
    "edit IT's": ("get", "unit", {}, {"agent": 403, "hr_agent": 404, "manager": 200, "admin": 200}),
    "save IT's": ("post", "unit", {"title": "New", "body": "New"},
                  {"agent": 403, "hr_agent": 404, "manager": 302, "admin": 302}),
    "delete IT's": ("delete", "unit", {},
                    {"agent": 403, "hr_agent": 404, "manager": 302, "admin": 302}),
    "edit Alex's": ("get", "personal", {}, {"agent": 200, "hr_agent": 404, "manager": 404,
                                            "admin": 404}),
    "save Alex's": ("post", "personal", {"title": "New", "body": "New"},
                    {"agent": 302, "hr_agent": 404, "manager": 404, "admin": 404}),
    "delete Alex's": ("delete", "personal", {},
                      {"agent": 302, "hr_agent": 404, "manager": 404, "admin": 404}),
}  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ENDPOINTS)
def test_canned_replies_by_role(
    org: Org, replies: dict[str, CannedReply], client_for: Any, role: str, name: str
) -> None:
    method, which, data, allowed = ENDPOINTS[name]
    reply = replies[which] if which else None
    if method == "delete":
        method, url = "post", reverse("desk:canned_delete", args=[reply.pk])  # type: ignore[union-attr]
    elif reply is not None:
        url = reverse("desk:canned_edit", args=[reply.pk])
        data = {**data, "updated_at": reply.updated_at.isoformat()} if data else data
    else:
        url = reverse("desk:canned")
    if data.get("unit") == "IT":
        data = {**data, "unit": org.it.pk}
    before = list(CannedReply.objects.order_by("id").values_list("title", "body"))
    response = getattr(as_role(org, role, client_for), method)(url, data)
    expected = 302 if role == "anonymous" else allowed.get(role, 404)
    assert response.status_code == expected, (name, role)
    if role == "anonymous":
        assert response["Location"].startswith(SIGN_IN)
    changed = list(CannedReply.objects.order_by("id").values_list("title", "body")) != before
    assert changed == (method == "post" and expected == 302 and role != "anonymous"), (name, role)


@pytest.mark.parametrize("role", ROLES)
def test_the_typeahead_lists_only_what_the_role_may_use(
    org: Org, ticket: Ticket, replies: dict[str, CannedReply], client_for: Any, role: str
) -> None:
    create_canned_reply(actor=org.admin, title="HR hello", body="Hej", unit=org.hr)
    url = reverse("desk:canned_pick", args=[ticket.reference])
    response = as_role(org, role, client_for).get(url, {"canned": "hello"})
    works_it = {"agent", "manager", "admin"}
    assert response.status_code == (
        302 if role == "anonymous" else 200 if role in works_it else 404
    )
    if response.status_code == 200:
        listed = {title for title in ("IT hello", "HR hello", "Alex's") if title in response.text}
        # Administrators use every unit's replies; nobody uses another person's own.
        assert listed == ({"IT hello", "HR hello"} if role == "admin" else {"IT hello"})
