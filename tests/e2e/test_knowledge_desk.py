"""The knowledge base at the desk, in a real browser: an agent writes an article (the
preview follows the Markdown as it is typed) and sends it to review, a manager publishes
it, and a requester finds it in the portal; and an agent puts an article's link into a
reply from the composer without leaving the keyboard."""

import pytest
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from scotty.core.testing import Org, file_ticket
from scotty.knowledge.models import Article, ArticleState, Audience
from scotty.knowledge.selectors import readable_articles
from scotty.search.articles import search_articles
from scotty.tickets.models import Message
from tests.e2e.test_desk_composer import open_ticket_page
from tests.knowledge.helpers import published

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_article_is_written_reviewed_published_and_found_by_a_requester(
    org: Org, new_page, browser, live_server  # type: ignore[no-untyped-def]
) -> None:  # fmt: skip
    alex = new_page(org.agent)
    alex.goto("/desk/")
    alex.get_by_role("link", name="Knowledge").first.click()
    alex.get_by_role("link", name="Write an article").click()
    alex.get_by_label("Title", exact=True).fill("Printer shows paper jam with no paper inside")
    alex.get_by_label("Summary").fill("When the printer says jam but the tray is empty.")
    body = alex.get_by_label("Text")
    body.click()
    alex.keyboard.type("## Steps\n\n1. Open the **rear door**\n")
    alex.keyboard.type("2. Pull the <script>green</script> lever")
    preview = alex.locator("#article-preview")
    expect(preview.locator("h2")).to_have_text("Steps")
    expect(preview.locator("strong")).to_have_text("rear door")
    expect(preview).to_contain_text("<script>green</script>")  # shown as words, never run
    alex.get_by_label("Keywords").fill("printer, paper jam, tray")
    alex.get_by_role("button", name="Save the draft").click()
    expect(alex.get_by_role("heading", level=1)).to_have_text(
        "Printer shows paper jam with no paper inside"
    )
    expect(alex.locator(".article-body strong")).to_have_text("rear door")
    expect(alex.get_by_role("button", name="Publish")).to_have_count(0)  # a manager's move
    alex.get_by_role("button", name="Send to review").click()
    expect(alex.locator(".facts .badge").first).to_have_text("In review")
    article = Article.objects.get(title__startswith="Printer shows paper jam")
    assert article.state == ArticleState.REVIEW

    mona = new_page(org.manager)
    mona.goto(reverse("desk:knowledge") + "?state=review")
    mona.get_by_role("link", name="Printer shows paper jam with no paper inside").click()
    mona.get_by_role("button", name="Publish").click()
    expect(mona.locator(".facts .badge").first).to_have_text("Published")
    assert Article.objects.get(pk=article.pk).state == ArticleState.PUBLISHED

    # The requester, in a browser of their own.
    rita = new_page(org.requester)
    try:
        search = reverse("portal:search")
        portal_article = reverse("portal:article", args=[article.slug])
    except NoReverseMatch:  # the portal's article pages not there yet: the domain says it
        found = search_articles(org.requester, "paper jam", as_agent=False)
        assert [r.reference for r in found.items] == [article.slug]
        return
    rita.goto(search + "?q=paper+jam+empty+tray")
    link = rita.get_by_role("link", name="Printer shows paper jam with no paper inside")
    expect(link).to_be_visible()
    assert link.first.get_attribute("href") == portal_article
    link.first.click()
    expect(rita.locator("strong").filter(has_text="rear door")).to_be_visible()
    assert readable_articles(org.requester).filter(pk=article.pk).exists()


def test_an_agent_inserts_an_articles_link_into_a_reply_with_the_keyboard(
    org: Org, new_page  # type: ignore[no-untyped-def]
) -> None:  # fmt: skip
    article = published(org, "VPN keeps disconnecting", "Turn off power saving.",
                        keywords=["vpn"])  # fmt: skip
    published(org, "VPN gateway restart", "Restart vpn-gw-2.", audience=Audience.AGENTS)
    ticket = file_ticket(org.requester, org.it, "VPN drops at home")
    alex = new_page(org.agent)
    open_ticket_page(alex, ticket)
    expect(alex.locator("#suggested-articles")).to_contain_text("VPN keeps disconnecting")
    message = alex.get_by_label("Reply to Rita")
    message.click()
    alex.keyboard.type("Hello Rita, this should help: ")
    alex.keyboard.press("Control+k")
    expect(alex.get_by_label("Insert an article")).to_be_focused()
    alex.keyboard.type("gateway restart")
    options = alex.locator("#article-options")
    expect(options).to_contain_text("Agents only")
    alex.keyboard.press("Enter")  # refused in a public reply, and said
    expect(alex.locator("#article-pick-status")).to_contain_text("Agents only")
    expect(message).to_have_value("Hello Rita, this should help: ")
    alex.keyboard.press("Control+a")
    alex.keyboard.type("disconnecting")
    expect(options.locator(".article-option").first).to_contain_text("VPN keeps disconnecting")
    expect(options).not_to_contain_text("Agents only")
    alex.keyboard.press("Enter")
    expect(message).to_be_focused()
    expect(alex.locator("#article-pick")).to_be_hidden()
    try:
        address = reverse("portal:article", args=[article.slug])
    except NoReverseMatch:  # no portal page yet: its text goes in instead
        expect(message).to_have_value("Hello Rita, this should help: Turn off power saving.")
    else:
        expect(message).to_have_value(
            f"Hello Rita, this should help: VPN keeps disconnecting: {alex.url.split('/desk')[0]}"
            f"{address}"
        )
    alex.keyboard.press("Control+Enter")
    expect(alex.get_by_text("Reply added for Rita Requester.")).to_be_visible()
    assert "VPN keeps disconnecting" in Message.objects.get(ticket=ticket).body
