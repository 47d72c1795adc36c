"""Finding articles the way people ask: any word may match and more words rank higher,
titles and keywords first; word forms, small typos and everyday words for the desk's
jargon; filters by unit and service; one contract on both databases."""

import pytest

from scotty.core.testing import Org
from scotty.knowledge.services import ArticleText, edit_article
from scotty.search.articles import search_articles
from tests.knowledge.helpers import published

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(org: Org) -> None:
    published(org, "Add a printer to your laptop", "Open Settings > Printers and add the "
              "printer by its name on the label.", keywords=["print queue"])  # fmt: skip
    published(org, "Reset your password", "Use the self-service page to set a new password.",
              summary="Forgotten or expired passwords, reset in two minutes.")  # fmt: skip
    published(org, "Set up company mail on your mobile", "Install Outlook from the store and "
              "sign in with your work account.", keywords=["iphone", "android"])  # fmt: skip
    published(org, "VPN keeps disconnecting", "Update GlobalProtect, then switch the "
              "gateway to Frankfurt.", keywords=["drops", "remote"])  # fmt: skip
    published(org, "Payslips in the HR portal", "Your payslip is in the HR portal under "
              "Documents.", unit=org.hr)  # fmt: skip


def top(org: Org, text: str, n: int = 3) -> list[str]:
    return [r.reference for r in search_articles(org.requester, text, as_agent=False).items[:n]]


def test_word_forms_find_each_other(org: Org, desk: None) -> None:
    assert top(org, "printing", 1) == ["add-a-printer-to-your-laptop"]
    assert top(org, "printers", 1) == ["add-a-printer-to-your-laptop"]


def test_a_small_typo_finds_the_word_and_says_so(org: Org, desk: None) -> None:
    results = search_articles(org.requester, "pasword reset", as_agent=False)
    assert results.items[0].reference == "reset-your-password"
    assert ("pasword", "password") in results.corrected


def test_everyday_words_find_the_desks_words(org: Org, desk: None) -> None:
    assert top(org, "cannot get email on my phone", 1) == ["set-up-company-mail-on-your-mobile"]


def test_any_word_may_match_and_more_words_rank_higher(org: Org, desk: None) -> None:
    assert top(org, "vpn disconnecting at home", 1) == ["vpn-keeps-disconnecting"]
    found = top(org, "laptop printer", 5)
    assert found[0] == "add-a-printer-to-your-laptop"


def test_the_last_word_may_be_half_typed(org: Org, desk: None) -> None:
    assert top(org, "paysl", 1) == ["payslips-in-the-hr-portal"]


def test_a_title_hit_ranks_above_a_body_hit(org: Org, desk: None) -> None:
    published(org, "Working from home", "Connect the VPN before you open the shared drive.")
    assert top(org, "vpn", 2) == ["vpn-keeps-disconnecting", "working-from-home"]


def test_results_carry_highlighted_titles_and_snippets(org: Org, desk: None) -> None:
    [result] = search_articles(org.requester, "globalprotect", as_agent=False).items
    assert result.kind == "article" and result.unit == "IT Service Desk"
    assert any(part.hit and part.text == "GlobalProtect" for part in result.snippet)
    [result] = search_articles(org.requester, "expired", as_agent=False).items
    assert result.source == "Summary"  # an article's summary is written for results
    assert "".join(p.text for p in result.snippet) == (
        "Forgotten or expired passwords, reset in two minutes."
    )
    assert [p.text for p in result.snippet if p.hit] == ["expired"]


def test_filters_by_unit(org: Org, desk: None) -> None:
    everywhere = search_articles(org.requester, "portal", as_agent=False)
    in_hr = search_articles(org.requester, "portal", as_agent=False, unit_id=org.hr.pk)
    assert everywhere.total >= 1
    assert [r.unit for r in in_hr.items] == ["HR"]


def test_an_edit_is_found_at_once(org: Org, desk: None) -> None:
    article = published(org, "Teams recordings", "Where recordings are kept.")
    assert top(org, "stream") == []
    edit_article(article, ArticleText(title="Teams recordings", body="Recordings are in Stream."),
                 actor=org.agent, expected_version=article.version)  # fmt: skip
    assert top(org, "stream") == ["teams-recordings"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "the and of",
        "cannot get",
        "\x00\x00",
        "*" * 500,
        '" OR 1=1 --',
        "NEAR(a b)",
        "title:secret",
        "a" * 10_000,
    ],
)
def test_odd_input_is_words_like_any_other_and_finds_nothing_here(
    org: Org, desk: None, text: str
) -> None:
    """No search syntax of either database gets through: operators are words (none of
    which any article holds), and nothing raises."""
    results = search_articles(org.requester, text, as_agent=False)
    assert results.total == 0 and results.items == ()


def test_a_typo_in_the_word_still_being_typed_is_corrected_too(org: Org, desk: None) -> None:
    results = search_articles(org.requester, "pasword", as_agent=False)
    assert [r.reference for r in results.items][:1] == ["reset-your-password"]
    assert results.corrected == (("pasword", "password"),)


def test_a_word_most_articles_hold_does_not_decide(
    org: Org, desk: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "guide" is in most titles here: the rarer word decides what is found (in a base
    large enough for "most" to mean something: made small here)."""
    from scotty.search.articles import widening
    from scotty.search.articles.backends import article_backend
    from scotty.search.query import parse

    monkeypatch.setattr(widening, "SMALL_BASE", 5)
    for number in range(8):
        published(org, f"Guide {number}", "Words for the day.")
    widened = widening.widen(parse("guide globalprotect "), article_backend())
    assert "vpn-keeps-disconnecting" in top(org, "guide globalprotect ", 20)
    if article_backend().size():  # SQLite counts the articles that hold each word
        assert all("guid" not in term.exact for term in widened.query.terms)
        assert any("globalprotect" in term.exact for term in widened.query.terms)
        assert top(org, "guide globalprotect ", 1) == ["vpn-keeps-disconnecting"]
    # PostgreSQL does not count them (`PostgresArticles.known`): "guide" stays, and the
    # guides, which hold it in their titles, come before a body that holds the other.


def test_an_article_never_takes_an_address_the_pages_use(org: Org) -> None:
    from scotty.core.errors import InvalidInput
    from scotty.knowledge.services import ArticleText, create_article

    made = create_article(org.it, ArticleText(title="Suggest"), actor=org.agent)
    assert made.slug == "suggest-article"
    with pytest.raises(InvalidInput):
        create_article(org.it, ArticleText(title="x"), actor=org.agent, slug="suggest")
