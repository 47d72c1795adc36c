"""Who finds and reads which article: each audience and state against each kind of
person, through every path a reader has (the list the portal reads, search results and
their snippets, suggestions, feedback, counts)."""

import pytest

from scotty.accounts.models import Location, Person
from scotty.core.errors import NotFound
from scotty.core.testing import Org
from scotty.knowledge.models import Article, ArticleState, Audience
from scotty.knowledge.selectors import desk_articles, readable_articles
from scotty.knowledge.services import (
    ArticleText,
    count_deflection,
    create_article,
    give_feedback,
)
from scotty.search.articles import search_articles
from tests.knowledge.helpers import published

pytestmark = pytest.mark.django_db

WORD = "zephyrcable"  # in every article: a search for it finds what the person may see


@pytest.fixture
def articles(org: Org) -> dict[str, Article]:
    branch = Location.objects.create(name="Branch office")
    Person.objects.filter(pk=org.other_requester.pk).update(location=branch)
    org.other_requester.refresh_from_db()
    made = {
        "everyone": published(org, f"Everyone {WORD}"),
        "finance": published(org, f"Finance only {WORD}", audience=Audience.SOME,
                             departments=[org.finance]),
        "branch": published(org, f"Branch only {WORD}", audience=Audience.SOME,
                            locations=[branch]),
        "it_agents": published(org, f"IT how-to {WORD}", audience=Audience.AGENTS),
        "hr_agents": published(org, f"HR how-to {WORD}", unit=org.hr, audience=Audience.AGENTS),
        "it_draft": create_article(org.it, ArticleText(title=f"IT draft {WORD}"), actor=org.agent),
        "hr_draft": create_article(org.hr, ArticleText(title=f"HR draft {WORD}"),
                                   actor=org.hr_agent),
    }  # fmt: skip
    archived = published(org, f"Archived {WORD}")
    archived.state = ArticleState.ARCHIVED
    archived.save()
    made["archived"] = archived
    return made


# Who may read what as a reader (the portal), and at the desk.
READER = {
    "requester": {"everyone", "finance"},  # Rita: Finance, head office
    "other_requester": {"everyone", "branch"},  # Otto: Sales, branch office
    "agent": {"everyone"},  # as a reader an agent is a person like any other (no department)
}
DESK = {
    "agent": {"everyone", "finance", "branch", "it_agents", "it_draft", "archived"},
    "hr_agent": {"everyone", "finance", "branch", "hr_agents", "hr_draft"},
    "admin": {"everyone", "finance", "branch", "it_agents", "hr_agents", "it_draft",
              "hr_draft", "archived"},
    "requester": set(),
}  # fmt: skip


def names(found: set[int], articles: dict[str, Article]) -> set[str]:
    return {name for name, a in articles.items() if a.pk in found}


@pytest.mark.parametrize("who", sorted(READER))
def test_a_reader_finds_and_reads_only_what_is_meant_for_them(
    org: Org, articles: dict[str, Article], who: str
) -> None:
    person = getattr(org, who)
    expected = READER[who]
    listed = set(readable_articles(person).values_list("pk", flat=True))
    assert names(listed, articles) == expected
    results = search_articles(person, WORD, as_agent=False)
    assert {r.reference for r in results.items} == {articles[n].slug for n in expected}
    assert results.total == len(expected)  # not even a count gives the others away
    for name, article in articles.items():
        if name in expected:
            continue
        with pytest.raises(NotFound):
            give_feedback(article, reader=person, helpful=True)
        with pytest.raises(NotFound):
            count_deflection(article, reader=person, typed="help")


@pytest.mark.parametrize("who", sorted(DESK))
def test_at_the_desk_agents_also_see_their_units_work_and_how_tos(
    org: Org, articles: dict[str, Article], who: str
) -> None:
    person = getattr(org, who)
    listed = set(desk_articles(person).values_list("pk", flat=True))
    assert names(listed, articles) == DESK[who]
    results = search_articles(person, WORD, as_agent=True)
    assert {r.reference for r in results.items} == {articles[n].slug for n in DESK[who]}


def test_nobody_signed_out_or_deactivated_reads_anything(
    org: Org, articles: dict[str, Article]
) -> None:
    from django.contrib.auth.models import AnonymousUser

    Person.objects.filter(pk=org.requester.pk).update(is_active=False)
    gone = Person.objects.get(pk=org.requester.pk)
    for person in (gone, AnonymousUser()):
        assert not readable_articles(person).exists()  # type: ignore[arg-type]
        assert search_articles(person, WORD, as_agent=False).total == 0  # type: ignore[arg-type]


def test_snippets_come_from_articles_the_reader_may_see_only(
    org: Org, articles: dict[str, Article]
) -> None:
    """The how-to's words never appear in a reader's results, even when they match."""
    published(org, "Unlock an account in the directory", audience=Audience.AGENTS,
              body="Run unlock-account with the secret admin credential quokka7.")  # fmt: skip
    results = search_articles(org.requester, "unlock account quokka7", as_agent=False)
    assert all("quokka7" not in "".join(p.text for p in r.snippet) for r in results.items)
    assert results.total == 0
