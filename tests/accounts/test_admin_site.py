import pytest
from django.contrib import admin

from scotty.core.testing import Org
from scotty.tickets.models import Message, Ticket, TicketEvent


@pytest.mark.parametrize(
    ("who", "status"),
    [("requester", 302), ("agent", 302), ("manager", 302), ("admin", 200)],
)
def test_only_administrators_reach_the_admin_site(
    org: Org, client_for, who: str, status: int
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(getattr(org, who)).get("/admin/")
    assert response.status_code == status
    if status == 302:
        assert "/admin/login/" in response["Location"]


def test_tickets_cannot_be_edited_behind_the_services_back() -> None:
    # The admin writes models directly; tickets change only through services (events,
    # state machine, optimistic lock), so they are not in the admin at all.
    for model in (Ticket, Message, TicketEvent):
        assert not admin.site.is_registered(model)
