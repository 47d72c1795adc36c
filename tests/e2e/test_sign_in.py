import pytest

from scotty.core.testing import Org


@pytest.mark.django_db(transaction=True)
def test_a_requester_signs_in_and_lands_on_the_portal(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    page = new_page(org.requester)
    assert "/portal/" in page.url
    assert page.get_by_text("Rita Requester").is_visible()


@pytest.mark.django_db(transaction=True)
def test_an_agent_signs_in_and_lands_on_the_desk(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    page = new_page(org.agent)
    assert "/desk/" in page.url
