"""The desk's knowledge pages, as agents use them: who may open, edit and move what; the
editor (its errors, a colleague's save in between, the preview); files; versions; and
articles on the ticket page (suggestions, writing one from a ticket, the composer's
picker) and in the desk's search."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from scotty.core.testing import Org, file_ticket, upload
from scotty.knowledge.models import Article, ArticleState, Audience
from scotty.knowledge.services import (
    ArticleText,
    attach_file,
    create_article,
    edit_article,
    give_feedback,
    note_search_miss,
)
from scotty.tickets.models import Ticket
from scotty.tickets.services import transition
from scotty.tickets.states import Status
from tests.knowledge.helpers import published

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def kb(org: Org) -> dict[str, Article]:
    """IT's and HR's articles about the VPN, in each state and audience."""
    return {
        "it": published(org, "VPN keeps disconnecting", "Turn off *power saving*.",
                        summary="What to do when the VPN drops", keywords=["vpn", "wifi"]),
        "it_agents": published(org, "VPN gateway restart (desk)", "Restart **vpn-gw-2**.",
                               audience=Audience.AGENTS),
        "it_draft": create_article(org.it, ArticleText(title="VPN on Linux", body="Draft words"),
                                   actor=org.agent),
        "hr": published(org, "VPN for new starters", "Ask HR.", unit=org.hr),
        "hr_agents": published(org, "VPN payroll tunnel (HR desk)", "Secret steps.",
                               unit=org.hr, audience=Audience.AGENTS),
        "hr_draft": create_article(org.hr, ArticleText(title="VPN leave policy draft"),
                                   actor=org.hr_agent),
    }  # fmt: skip


def url(name: str, *args: object) -> str:
    return reverse(f"desk:{name}", args=args)


def fresh(article: Article) -> Article:
    return Article.objects.get(pk=article.pk)


def editor_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {"title": "Printer jams on floor 3", "summary": "",
                               "body": "1. Open the tray", "keywords": "printer, jam",
                               "audience": "everyone", "related": "", "review_by": ""}  # fmt: skip
    data.update(changes)
    return data


# Every new URL, with what a GET or POST needs.
def _urls(kb: dict[str, Article], ticket: Ticket) -> list[tuple[str, str]]:
    it = kb["it"]
    stored = it.files.first()
    return [
        ("get", url("knowledge")),
        ("get", url("article", it.slug)),
        ("get", url("article_new")),
        ("get", url("article_edit", it.slug)),
        ("get", url("article_versions", it.slug)),
        ("get", url("article_file", it.slug, stored.pk if stored else 1)),
        ("post", url("article_move", it.slug)),
        ("post", url("article_preview")),
        ("post", url("article_attach", it.slug)),
        ("get", url("ticket_articles", ticket.reference)),
        ("get", url("article_pick", ticket.reference)),
    ]


def test_signed_out_visitors_are_sent_to_sign_in_and_requesters_get_404(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    attach_file(kb["it"], upload("diagram.png"), actor=org.agent)
    ticket = file_ticket(org.requester, org.it)
    anonymous, requester = Client(), client_for(org.requester)
    for method, address in _urls(kb, ticket):
        response = getattr(anonymous, method)(address)
        assert response.status_code == 302 and "/sign-in/" in response["Location"], address
        assert getattr(requester, method)(address).status_code == 404, address


@pytest.mark.parametrize("name", ["it_agents", "it_draft"])
def test_another_units_agent_never_sees_its_how_tos_or_drafts(
    org: Org, kb: dict[str, Article], client_for: Any, name: str
) -> None:
    hidden = kb[name]
    stored = attach_file(hidden, upload("steps.png"), actor=org.agent)
    c = client_for(org.hr_agent)
    for address in (url("article", hidden.slug), url("article_edit", hidden.slug),
                    url("article_versions", hidden.slug),
                    url("article_file", hidden.slug, stored.pk)):  # fmt: skip
        assert c.get(address).status_code == 404, address
    response = c.post(url("article_move", hidden.slug), {"to": "archived", "version": 2})
    assert response.status_code == 404
    listed = c.get(url("knowledge")).content.decode()
    assert hidden.title not in listed and kb["hr_agents"].title in listed
    assert hidden.title not in c.get(url("knowledge"), {"q": "vpn"}).content.decode()


def test_another_units_agent_reads_a_published_article_but_may_not_edit_or_move_it(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    it = kb["it"]
    c = client_for(org.hr_agent)
    page = c.get(url("article", it.slug)).content.decode()
    assert "<em>power saving</em>" in page and "What to do when the VPN drops" in page
    assert url("article_edit", it.slug) not in page and 'name="to"' not in page  # no buttons
    refused = c.get(url("article_edit", it.slug))
    assert refused.status_code == 403 and "Only agents of IT Service Desk edit" in refused.text
    moved = c.post(url("article_move", it.slug), {"to": "archived", "version": it.version})
    # (The unit's name is missing from the service's words: reported to the lead.)
    assert moved.status_code == 403 and "Only managers of" in moved.text
    saved = c.post(url("article_edit", it.slug), editor_data(expected_version=it.version))
    assert saved.status_code == 403
    assert fresh(it).state == ArticleState.PUBLISHED and fresh(it).title == it.title


def test_an_agent_sends_to_review_and_a_manager_publishes(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    draft = kb["it_draft"]
    agent = client_for(org.agent)
    page = agent.get(url("article", draft.slug)).content.decode()
    assert ">Send to review</button>" in page and ">Publish</button>" not in page
    response = agent.post(url("article_move", draft.slug), {"to": "review", "version": 1})
    assert response.status_code == 302 and fresh(draft).state == ArticleState.REVIEW
    # The button is not offered to an agent; sent anyway, the server refuses with why.
    refused = agent.post(url("article_move", draft.slug), {"to": "published", "version": 2})
    assert refused.status_code == 403
    assert "Nothing was changed. Only managers of" in refused.text
    assert fresh(draft).state == ArticleState.REVIEW
    manager = client_for(org.manager)
    assert ">Publish</button>" in manager.get(url("article", draft.slug)).text
    assert manager.post(url("article_move", draft.slug),
                        {"to": "published", "version": 2}).status_code == 302  # fmt: skip
    assert fresh(draft).state == ArticleState.PUBLISHED


def test_a_move_the_state_does_not_allow_or_a_stale_one_is_refused_with_a_reason(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    it = kb["it"]
    c = client_for(org.manager)
    wrong = c.post(url("article_move", it.slug), {"to": "review", "version": it.version})
    assert wrong.status_code == 400 and "cannot be moved there" in wrong.text
    stale = c.post(url("article_move", it.slug), {"to": "archived", "version": 1})
    assert stale.status_code == 409 and "Someone saved this article" in stale.text
    assert fresh(it).state == ArticleState.PUBLISHED


def test_an_agent_writes_a_draft_of_their_unit(org: Org, client_for: Any) -> None:
    c = client_for(org.agent)
    page = c.get(url("article_new")).content.decode()
    assert "attachment:NAME" in page and 'name="unit"' in page
    assert f'value="{org.it.pk}"' in page and f'value="{org.hr.pk}"' not in page
    data = editor_data(unit=org.it.pk, review_by="2030-01-31")
    response = c.post(url("article_new"), data)
    made = Article.objects.get(title="Printer jams on floor 3")
    assert response.status_code == 302 and response["Location"] == url("article", made.slug)
    assert made.state == ArticleState.DRAFT and made.keyword_list == ["printer", "jam"]
    assert str(made.review_by) == "2030-01-31" and made.unit == org.it
    # Another unit's id, sent by hand, is not one of theirs.
    refused = c.post(url("article_new"), editor_data(unit=org.hr.pk, title="HR thing"))
    assert refused.status_code == 400 and not Article.objects.filter(title="HR thing").exists()


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"title": "   "}, "title", "This field is required."),
    ({"keywords": ", ".join(f"word{i}" for i in range(31))}, "keywords", "At most 30 keywords"),
    ({"audience": "some"}, "audience", "Name the departments or locations"),
    ({"related": "no-such-article"}, "related", "No article has the address no-such-article"),
    ({"review_by": "31/31/2030"}, "review_by", "Enter a valid date."),
])  # fmt: skip
def test_the_editor_says_what_is_wrong_beside_the_field_and_keeps_the_words(
    org: Org, kb: dict[str, Article], client_for: Any, changes: dict[str, str], field: str,
    message: str,
) -> None:  # fmt: skip
    it = kb["it"]
    data = editor_data(body="My **careful** words", expected_version=it.version, **changes)
    response = client_for(org.agent).post(url("article_edit", it.slug), data)
    body = response.content.decode()
    assert response.status_code == 400 and "Nothing was changed." in body
    error = f'id="article-{field}_error"'
    assert error in body and message in body.split(error, 1)[1][:300]
    assert "My **careful** words" in body  # the textarea keeps them
    assert fresh(it).version == it.version


def test_a_colleagues_save_in_between_is_said_and_the_typed_words_are_kept(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    it = kb["it"]
    opened = it.version
    edit_article(it, ArticleText(title=it.title, body="Bea's words"), actor=org.agent2,
                 expected_version=opened)  # fmt: skip
    c = client_for(org.agent)
    response = c.post(url("article_edit", it.slug),
                      editor_data(body="Alex's words", expected_version=opened))  # fmt: skip
    body = response.content.decode()
    assert response.status_code == 409 and "Someone saved this article" in body
    assert "was saved by Bea Second" in body and "Alex&#x27;s words" in body
    assert f'name="expected_version" value="{opened + 1}"' in body
    assert fresh(it).body == "Bea's words"
    # Saving again is the agent's choice to replace it.
    again = c.post(url("article_edit", it.slug),
                   editor_data(body="Alex's words", expected_version=opened + 1))  # fmt: skip
    assert again.status_code == 302 and fresh(it).body == "Alex's words"


def test_the_preview_renders_markdown_and_never_hostile_markup(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    hostile = (
        "## Steps\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
        "[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
        f"[the how-to](article:{kb['hr_agents'].slug}) [ours](article:{kb['it'].slug})"
    )
    response = client_for(org.agent).post(url("article_preview"), {"body": hostile}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and body.startswith('<div id="article-preview"')
    assert "<h2>Steps</h2>" in body
    assert "<script" not in body and "<img" not in body
    assert 'href="javascript:' not in body and 'href="data:' not in body
    assert "&lt;script&gt;" in body
    # A link to an article the agent may not see keeps its words only.
    assert f'href="{url("article", kb["it"].slug)}"' in body
    assert kb["hr_agents"].slug not in body.split("the how-to")[0][-80:]
    assert url("article", kb["hr_agents"].slug) not in body


def test_the_article_page_escapes_hostile_text_too(org: Org, client_for: Any) -> None:
    article = published(org, "Toner <b>bold</b>", "<script>alert(1)</script>",
                        summary="<i>sum</i>")  # fmt: skip
    page = client_for(org.agent).get(url("article", article.slug)).content.decode()
    assert "<script>alert" not in page and "<b>bold</b>" not in page and "<i>sum" not in page


def test_files_are_served_to_who_may_see_the_article_and_only_under_its_address(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    it = kb["it"]
    image = attach_file(it, upload("diagram.png"), actor=org.agent)
    notes = attach_file(it, upload("notes.txt", b"<script>alert(1)</script>"), actor=org.agent)
    edit_article(it, ArticleText(title=it.title, body="![the diagram](attachment:diagram.png)"),
                 actor=org.agent, expected_version=it.version)  # fmt: skip
    c = client_for(org.hr_agent)  # another unit's agent: it is published for everyone
    shown = c.get(url("article_file", it.slug, image.pk))
    assert shown.status_code == 200 and shown["Content-Type"] == "image/png"
    assert shown["X-Content-Type-Options"] == "nosniff" and "inline" in shown["Content-Disposition"]
    assert "sandbox" in shown["Content-Security-Policy"]
    download = c.get(url("article_file", it.slug, notes.pk))
    assert download["Content-Disposition"].startswith("attachment")
    # Another article's address with this file's id: 404.
    assert c.get(url("article_file", kb["hr"].slug, image.pk)).status_code == 404
    assert c.get(url("article_file", it.slug, 999_999)).status_code == 404
    page = c.get(url("article", it.slug)).content.decode()
    assert f'<img src="{url("article_file", it.slug, image.pk)}" alt="the diagram"' in page


def test_an_upload_is_added_and_its_line_given_or_refused_with_the_reason(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    it = kb["it"]
    c = client_for(org.agent)
    response = c.post(url("article_attach", it.slug), {"file": upload("map.png")}, follow=True)
    assert "map.png added" in response.text and "![map.png](attachment:map.png)" in response.text
    bad = c.post(url("article_attach", it.slug), {"file": upload("evil.exe", b"MZ")}, follow=True)
    assert "Nothing was changed." in bad.text and it.files.count() == 1
    other = client_for(org.hr_agent).post(url("article_attach", it.slug),
                                          {"file": upload("x.png")})  # fmt: skip
    assert other.status_code == 302 and it.files.count() == 1


def test_the_versions_page_marks_removed_and_added_lines_by_sign_and_words(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    it = kb["it"]
    edit_article(it, ArticleText(title="VPN drops", body="Turn on *power saving*.\nReboot."),
                 actor=org.agent2, expected_version=it.version)  # fmt: skip
    page = client_for(org.agent).get(url("article_versions", it.slug)).content.decode()
    assert "Version 3 · Bea Second" in page and "Version 1 · Alex Agent" in page
    removed = page.split('<del class="diff-line removed">', 1)[1].split("</del>", 1)[0]
    added = page.split('<ins class="diff-line added">', 1)[1].split("</ins>", 1)[0]
    assert "\u2212" in removed and "removed:" in removed and "Turn off *power saving*." in removed
    assert "+" in added and "added:" in added and "Turn on *power saving*." in added
    assert "VPN keeps disconnecting" in page and "VPN drops" in page  # the title's change


def test_the_list_filters_searches_and_shows_what_the_units_should_act_on(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    overdue = timezone.localdate() - timedelta(days=3)
    old = create_article(org.it, ArticleText(title="Fax machines", review_by=overdue),
                         actor=org.agent)  # fmt: skip
    unhelpful = kb["it"]
    for reader in (org.requester, org.colleague, org.other_requester):
        give_feedback(unhelpful, reader=reader, helpful=False, comment="Did not work on Mac")
    for _ in range(3):
        note_search_miss("teams recording", unit=org.it)
    note_search_miss("parking permit")
    c = client_for(org.agent)
    page = c.get(url("knowledge")).content.decode()
    work = page.split('id="act-heading"', 1)[1]
    assert "IT Service Desk" in work and "HR" not in work.split("Everyone")[0]
    assert old.title in work and unhelpful.title in work and "0 yes, 3 no" in work
    assert "“teams recording”, 3 times" in work and "“parking permit”, 1 time" in work

    def listed(**filters: object) -> str:
        return c.get(url("knowledge"), filters).content.decode().split('id="act-heading"')[0]

    drafts = listed(state="draft")
    assert kb["it_draft"].title in drafts and kb["it"].title not in drafts
    hr = listed(unit=org.hr.pk)
    assert kb["hr"].title in hr and kb["it"].title not in hr and kb["hr_draft"].title not in hr
    found = c.get(url("knowledge"), {"q": "disconnecting"}).content.decode()
    assert "<mark>disconnecting</mark>" in found and "1 article matches" in found
    ignored = c.get(url("knowledge"), {"state": "nonsense"})
    assert ignored.status_code == 200 and "ignored" in ignored.text
    article_page = c.get(url("article", unhelpful.slug)).content.decode()
    assert "Did not work on Mac" in article_page and "0 yes · 3 no" in article_page


def test_the_knowledge_page_is_in_the_desk_menu(org: Org, client_for: Any) -> None:
    page = client_for(org.agent).get(url("home")).content.decode()
    assert f'<a href="{url("knowledge")}"' in page


# The ticket page.


def test_suggested_articles_are_what_the_agent_may_see(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    ticket = file_ticket(org.requester, org.it, "VPN keeps dropping",
                         description="The VPN disconnects every hour at home.")  # fmt: skip
    fragment = client_for(org.agent).get(url("ticket_articles", ticket.reference), **HTMX).text
    assert kb["it"].title in fragment and kb["hr"].title in fragment
    assert kb["hr_agents"].title not in fragment and kb["hr_draft"].title not in fragment
    assert fragment.count("<li>") <= 3
    assert "Write an article from this ticket" not in fragment  # not solved yet
    # Another unit's agent does not work the ticket: 404.
    assert client_for(org.hr_agent).get(url("ticket_articles", ticket.reference)).status_code == 404


def test_the_ticket_page_loads_suggestions_later_and_costs_no_query_more(
    org: Org, client_for: Any, django_assert_max_num_queries: Any,
    django_assert_num_queries: Any,
) -> None:  # fmt: skip
    ticket = file_ticket(org.requester, org.it, "VPN keeps dropping")
    c = client_for(org.agent)
    address = url("ticket", ticket.reference)
    c.get(address)
    with django_assert_max_num_queries(30) as without:
        page = c.get(address).content.decode()
    queries = len(without)
    assert f'hx-get="{url("ticket_articles", ticket.reference)}"' in page
    for i in range(5):
        published(org, f"VPN fix {i}", "Reconnect.")
    with django_assert_num_queries(queries):
        page = c.get(address).content.decode()
    assert "VPN fix" not in page


def test_a_resolved_ticket_becomes_a_draft_with_its_problem_and_solution(
    org: Org, client_for: Any
) -> None:
    ticket = file_ticket(org.requester, org.it, "Outlook asks for the password",
                         description="Every morning Outlook asks again.")  # fmt: skip
    c = client_for(org.agent)
    assert c.get(url("article_new"), {"ticket": ticket.reference}).status_code == 404  # unsolved
    transition(ticket, actor=org.agent, to=Status.RESOLVED, expected_version=ticket.version,
               resolution="Cleared the saved credentials in Credential Manager.")  # fmt: skip
    fragment = c.get(url("ticket_articles", ticket.reference)).text
    assert f"{url('article_new')}?ticket={ticket.reference}" in fragment
    page = c.get(url("article_new"), {"ticket": ticket.reference}).content.decode()
    assert "Outlook asks for the password" in page and "## Problem" in page
    assert "Cleared the saved credentials" in page
    assert f'name="from_ticket" value="{ticket.reference}"' in page
    response = c.post(url("article_new"), editor_data(
        unit=org.it.pk, title="Outlook keeps asking for the password",
        from_ticket=ticket.reference))  # fmt: skip
    assert response.status_code == 302
    assert Article.objects.get(title="Outlook keeps asking for the password").from_ticket == ticket
    # A ticket the agent does not work cannot be the source.
    hr = client_for(org.hr_agent).get(url("article_new"), {"ticket": ticket.reference})
    assert hr.status_code == 404


def test_the_composer_never_puts_an_agents_only_article_into_a_public_reply(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    ticket = file_ticket(org.requester, org.it, "VPN")
    c = client_for(org.agent)
    address = url("article_pick", ticket.reference)
    reply = c.get(address, {"article": "vpn gateway restart", "kind": "reply"}).text
    option = reply.split('class="article-option"', 1)[1].split("</li>", 1)[0]
    assert kb["it_agents"].title in option and 'data-refused="Agents only' in option
    assert "data-insert" not in option and "vpn-gw-2" not in reply
    note = c.get(address, {"article": "vpn gateway restart", "kind": "note"}).text
    option = note.split('class="article-option"', 1)[1].split("</li>", 1)[0]
    assert "data-refused" not in option and "Restart **vpn-gw-2**." in option
    assert url("article", kb["it_agents"].slug) in option  # the desk's page, for colleagues


def test_the_composer_offers_a_published_articles_link_and_text_for_a_reply(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    ticket = file_ticket(org.requester, org.it, "VPN")
    c = client_for(org.agent)
    address = url("article_pick", ticket.reference)
    reply = c.get(address, {"article": "disconnecting", "kind": "reply"}).text
    option = reply.split('class="article-option"', 1)[1].split("</li>", 1)[0]
    assert "data-refused" not in option and 'data-insert="Turn off *power saving*."' in option
    try:
        portal = reverse("portal:article", args=[kb["it"].slug])
    except Exception:  # the portal's article pages not there yet: the words only
        assert 'data-pick="link"' not in option
    else:
        assert f'data-insert="VPN keeps disconnecting: http://testserver{portal}"' in option
    draft = c.get(address, {"article": "linux", "kind": "reply"}).text
    assert "The requester may not read it" in draft and "Draft words" not in draft


def test_the_desk_search_shows_articles_labelled_beside_tickets(
    org: Org, kb: dict[str, Article], client_for: Any
) -> None:
    file_ticket(org.requester, org.it, "VPN keeps disconnecting at home")
    page = client_for(org.agent).get(url("search"), {"q": "disconnecting"}).content.decode()
    assert '<span class="badge kind-article">Article</span>' in page
    assert url("article", kb["it"].slug) in page and "1 ticket matches" in page
    hidden = client_for(org.agent).get(url("search"), {"q": "payroll tunnel"}).content.decode()
    assert kb["hr_agents"].title not in hidden
