"""Writing, reviewing, publishing and archiving: who may do what, every save kept as a
version, a stale edit refused, bad input refused whole."""

import pytest

from scotty.core.errors import Conflict, InvalidInput, NotAllowed
from scotty.core.testing import Org, file_ticket
from scotty.knowledge.models import Article, ArticleState, ArticleVersion, Audience
from scotty.knowledge.selectors import readable_articles
from scotty.knowledge.services import (
    ArticleText,
    create_article,
    draft_from_ticket,
    edit_article,
    move_article,
)
from scotty.tickets.services import assign, transition
from scotty.tickets.states import Status

pytestmark = pytest.mark.django_db


def test_an_article_goes_from_draft_to_review_to_published_and_readers_see_it_then(
    org: Org,
) -> None:
    article = create_article(org.it, ArticleText(title="Reset your password", body="1. Go to"),
                             actor=org.agent)  # fmt: skip
    assert article.state == ArticleState.DRAFT and article.slug == "reset-your-password"
    assert not readable_articles(org.requester).filter(pk=article.pk).exists()
    article = move_article(article, ArticleState.REVIEW, actor=org.agent,
                           expected_version=article.version)  # fmt: skip
    assert not readable_articles(org.requester).filter(pk=article.pk).exists()
    with pytest.raises(NotAllowed):  # an agent sends to review; a manager publishes
        move_article(article, ArticleState.PUBLISHED, actor=org.agent,
                     expected_version=article.version)  # fmt: skip
    article = move_article(article, ArticleState.PUBLISHED, actor=org.manager,
                           expected_version=article.version)  # fmt: skip
    assert readable_articles(org.requester).filter(pk=article.pk).exists()
    assert article.published_at is not None
    article = move_article(article, ArticleState.ARCHIVED, actor=org.manager,
                           expected_version=article.version)  # fmt: skip
    assert not readable_articles(org.requester).filter(pk=article.pk).exists()
    states = list(ArticleVersion.objects.filter(article=article).order_by("number")
                  .values_list("number", "state", "author__email"))  # fmt: skip
    assert states == [
        (1, "draft", org.agent.email),
        (2, "review", org.agent.email),
        (3, "published", org.manager.email),
        (4, "archived", org.manager.email),
    ]


def test_every_edit_is_kept_and_a_stale_one_is_refused(org: Org) -> None:
    article = create_article(org.it, ArticleText(title="VPN", body="Old words"), actor=org.agent)
    edited = edit_article(article, ArticleText(title="VPN set-up", body="New words"),
                          actor=org.agent2, expected_version=1)  # fmt: skip
    assert edited.version == 2 and edited.slug == "vpn"  # the address stays
    with pytest.raises(Conflict):
        edit_article(article, ArticleText(title="VPN", body="Mine"), actor=org.agent,
                     expected_version=1)  # fmt: skip
    bodies = list(ArticleVersion.objects.filter(article=article).order_by("number")
                  .values_list("body", "author__email"))  # fmt: skip
    assert bodies == [("Old words", org.agent.email), ("New words", org.agent2.email)]
    assert Article.objects.get(pk=article.pk).body == "New words"


def test_only_the_owning_units_agents_write_and_edit(org: Org) -> None:
    with pytest.raises(NotAllowed):
        create_article(org.it, ArticleText(title="Mine"), actor=org.requester)
    with pytest.raises(NotAllowed):
        create_article(org.it, ArticleText(title="Mine"), actor=org.hr_agent)
    article = create_article(org.it, ArticleText(title="Ours"), actor=org.agent)
    with pytest.raises(NotAllowed):
        edit_article(article, ArticleText(title="Theirs"), actor=org.hr_agent, expected_version=1)
    with pytest.raises(NotAllowed):
        move_article(article, ArticleState.REVIEW, actor=org.infra_agent, expected_version=1)
    assert Article.objects.get(pk=article.pk).title == "Ours"


@pytest.mark.parametrize(("text", "field"), [
    (ArticleText(title="   "), "title"),
    (ArticleText(title="x" * 201), "title"),
    (ArticleText(title="ok", summary="s" * 501), "summary"),
    (ArticleText(title="ok", body="b" * 100_001), "body"),
    (ArticleText(title="ok", keywords=[f"k{n}" for n in range(31)]), "keywords"),
    (ArticleText(title="ok", audience="friends"), "audience"),
    (ArticleText(title="ok", audience=Audience.SOME), "audience"),
])  # fmt: skip
def test_bad_input_is_refused_whole(org: Org, text: ArticleText, field: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        create_article(org.it, text, actor=org.agent)
    assert refused.value.field == field and refused.value.message
    assert not Article.objects.exists() and not ArticleVersion.objects.exists()


def test_two_articles_with_one_title_get_two_addresses(org: Org) -> None:
    first = create_article(org.it, ArticleText(title="Printer jams"), actor=org.agent)
    second = create_article(org.it, ArticleText(title="Printer jams"), actor=org.agent)
    assert (first.slug, second.slug) == ("printer-jams", "printer-jams-2")


def test_an_article_from_a_resolved_ticket_starts_with_its_problem_and_solution(
    org: Org,
) -> None:
    ticket = file_ticket(org.requester, org.it, title="Scanner sends nothing",
                         description="Scans to e-mail never arrive.")  # fmt: skip
    ticket = assign(ticket, actor=org.manager, assignee=org.agent, expected_version=ticket.version)
    ticket = transition(ticket, actor=org.agent, to=Status.RESOLVED,
                        resolution="The scanner's mail relay password had expired; renewed.",
                        expected_version=ticket.version)  # fmt: skip
    text = draft_from_ticket(ticket)
    assert text.title == "Scanner sends nothing"
    assert "Scans to e-mail never arrive." in text.body and "relay password" in text.body
    article = create_article(org.it, text, actor=org.agent, from_ticket=ticket)
    assert article.from_ticket == ticket and article.state == ArticleState.DRAFT


def test_the_difference_between_versions_reads_line_by_line(org: Org) -> None:
    from scotty.knowledge.versions import version_diff

    body = "\n".join(f"Step {n}" for n in range(1, 11))
    article = create_article(org.it, ArticleText(title="VPN", body=body), actor=org.agent)
    changed = body.replace("Step 5", "Step 5: restart GlobalProtect")
    edit_article(article, ArticleText(title="VPN set-up", body=changed), actor=org.agent,
                 expected_version=1)  # fmt: skip
    first, second = ArticleVersion.objects.filter(article=article).order_by("number")
    diff = version_diff(second, first)  # either order: oldest to newest
    assert [(f.label, f.before, f.after) for f in diff.fields] == [("Title", "VPN", "VPN set-up")]
    assert [(line.kind, line.text) for line in diff.body] == [
        ("kept", "Step 3"), ("kept", "Step 4"), ("removed", "Step 5"),
        ("added", "Step 5: restart GlobalProtect"), ("kept", "Step 6"), ("kept", "Step 7"),
    ]  # fmt: skip
    assert not diff.unchanged and version_diff(first, first).unchanged
