"""The article search every channel calls, with the person: the portal (readers: the
published articles meant for them), the desk (agents: their units' articles in any
state too), the new-request form's suggestions and a ticket's suggested articles.

Ranking is the index's (`backends.matches`: more words, and words in the title and
keywords, score higher); the best CANDIDATES are checked against the visibility rule
in one query, so a reader never learns of an article they may not see, not even by a
count.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext

from scotty.accounts.models import Person
from scotty.knowledge.markdown import plain_text
from scotty.knowledge.models import Article, ArticleState
from scotty.knowledge.selectors import articles_for
from scotty.search.articles.backends import ArticleBackend, article_backend
from scotty.search.articles.widening import widen
from scotty.search.query import Query, parse
from scotty.search.results import Result
from scotty.search.snippets import best_passage, highlight

CANDIDATES = 200  # best-scoring articles checked against the visibility rule
PAGE_SIZE = 20


@dataclass(frozen=True)
class ArticleResults:
    query: Query  # as searched: with synonyms and corrections
    items: tuple[Result, ...]
    total: int  # matching articles this person may see (among the CANDIDATES best)
    # Words no article holds, and the near word searched for instead ("pasword" ->
    # "password"), for "Showing results for ...".
    corrected: tuple[tuple[str, str], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.items


def search_articles(
    person: Person,
    text: str,
    *,
    as_agent: bool,
    unit_id: int | None = None,
    service_id: int | None = None,
    limit: int = PAGE_SIZE,
) -> ArticleResults:
    """The articles `person` may see (at the desk with `as_agent`, else as a reader)
    that answer `text`, best first, at most `limit`; narrowed to a unit's or a
    service's articles when given. Three or four queries."""
    query = parse(text)
    allowed = person.is_authenticated and person.is_active
    if query.empty or not allowed:
        return ArticleResults(query, (), 0)
    backend = article_backend()
    widened = widen(query, backend)
    if widened.query.empty or not widened.matchable:
        return ArticleResults(widened.query, (), 0, widened.corrected)
    scope = articles_for(person, as_agent=as_agent)
    if unit_id is not None:
        scope = scope.filter(unit_id=unit_id)
    if service_id is not None:
        scope = scope.filter(services=service_id)
    ranked = _ranked(backend, widened.query, scope, enough=limit)
    shown = ranked[:limit]
    rows = Article.objects.select_related("unit").in_bulk([i for i, _ in shown])
    items = tuple(_result(rows[i], widened.query, score) for i, score in shown if i in rows)
    return ArticleResults(widened.query, items, len(ranked), widened.corrected)


# An article's snippet is its summary, written to be read in results, with the matched
# words marked; without one, the best passage of the opening of its text (scanning a
# long how-to word by word would cost more than the search).
SNIPPET_SOURCE = 1_500


def _ranked(backend: ArticleBackend, query: Query, scope: QuerySet[Article], *, enough: int
            ) -> list[tuple[int, float]]:  # fmt: skip
    """The visible matches, best first, found in stages from the cheapest: articles that
    hold every word; then any word in titles, keywords and summaries; then any word
    anywhere. Each stage's are ranked after the stage before, and the later stages run
    only while fewer than `enough` were found: in a large base, scoring every article
    that holds any word of a question costs more than the rest of the search (see
    bench/README.md, "Knowledge search")."""
    terms = query.terms
    stages = [{"every": True}] if len(terms) > 1 else []
    stages += [{"heads": True}, {}]
    found: dict[int, float] = {}
    ranked: list[tuple[int, float]] = []
    for stage in stages:
        hits = [(i, s) for i, s in backend.matches(terms, limit=CANDIDATES, **stage)
                if i not in found]  # fmt: skip
        if not hits:
            continue
        visible = set(scope.filter(pk__in=[i for i, _ in hits]).values_list("pk", flat=True))
        for article_id, score in hits:
            found[article_id] = score
            if article_id in visible:
                ranked.append((article_id, score))
        if len(ranked) >= enough:
            break
    return ranked


def _result(article: Article, query: Query, score: float) -> Result:
    if article.summary:
        source, passage = gettext("Summary"), highlight(article.summary, query)
    else:
        words = (article.text or plain_text(article.body))[:SNIPPET_SOURCE]
        source, passage = best_passage([(gettext("Article"), words)], query)
    return Result(
        kind="article",
        reference=article.slug,
        title=highlight(article.title, query),
        snippet=passage,
        source=source,
        status=article.state,
        status_label=str(ArticleState(article.state).label),
        unit=article.unit.name,
        updated=article.updated_at,
        rank=score,
    )
