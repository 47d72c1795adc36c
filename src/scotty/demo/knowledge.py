"""The demo's knowledge base: the articles of `demo.content.articles`, written by each
unit's agents and published (or left in draft, in review, archived) by its manager
through the knowledge services, linked to the catalog's services and to each other,
with the views and "did this help?" answers a desk's articles gather over months."""

import random
from datetime import date, timedelta

from django.db.models import F

from scotty.accounts.models import Department, Location
from scotty.catalog.models import Service
from scotty.demo.content.articles import ARTICLES, ArticleSpec
from scotty.demo.org import Cast
from scotty.knowledge.models import Article, ArticleState, Audience
from scotty.knowledge.services import ArticleText, create_article, edit_article, move_article

_AUDIENCES = {"everyone": Audience.EVERYONE, "departments": Audience.SOME,
              "agents": Audience.AGENTS}  # fmt: skip


def create_knowledge(cast: Cast, rng: random.Random, today: date) -> list[Article]:
    """Every demo article, in the state its spec says; returns them."""
    services = {(s.unit.prefix, s.name): s for s in Service.objects.select_related("unit")}
    departments = {d.name: d for d in Department.objects.all()}
    locations = {loc.name: loc for loc in Location.objects.all()}
    made: dict[str, Article] = {}
    for spec in ARTICLES:
        text = ArticleText(
            title=spec.title, body=spec.body, summary=spec.summary, keywords=list(spec.keywords),
            audience=_AUDIENCES[spec.audience],
            departments=[departments[n] for n in spec.departments],
            locations=[locations[n] for n in spec.locations],
            services=[services[(spec.unit, n)] for n in spec.services],
            review_by=today + timedelta(days=spec.review_in_days),
        )  # fmt: skip
        writer = rng.choice(cast.agents[spec.unit])
        made[spec.key] = create_article(cast.units[spec.unit], text, actor=writer, slug=spec.key)
    for spec in ARTICLES:  # the links, once every article exists
        if spec.related:
            _relate(made[spec.key], spec, made)
    for spec in ARTICLES:
        _bring_to(made[spec.key], spec, cast)
    _readers(rng, made)
    return list(made.values())


def _relate(article: Article, spec: ArticleSpec, made: dict[str, Article]) -> None:
    fresh = Article.objects.get(pk=article.pk)
    text = ArticleText(
        title=fresh.title, body=fresh.body, summary=fresh.summary,
        keywords=fresh.keyword_list, audience=fresh.audience,
        departments=list(fresh.departments.all()), locations=list(fresh.locations.all()),
        services=list(fresh.services.all()), related=[made[k] for k in spec.related],
        review_by=fresh.review_by,
    )  # fmt: skip
    edit_article(fresh, text, actor=fresh.created_by, expected_version=fresh.version)


def _bring_to(article: Article, spec: ArticleSpec, cast: Cast) -> None:
    fresh = Article.objects.get(pk=article.pk)
    manager = cast.managers[spec.unit][0]
    steps = {
        "draft": [],
        "review": [ArticleState.REVIEW],
        "published": [ArticleState.PUBLISHED],
        "archived": [ArticleState.PUBLISHED, ArticleState.ARCHIVED],
    }[spec.state]
    for state in steps:
        actor = fresh.created_by if state == ArticleState.REVIEW else manager
        fresh = move_article(fresh, state, actor=actor, expected_version=fresh.version)


def _readers(rng: random.Random, made: dict[str, Article]) -> None:
    """Months of reading: views, and "did this help?" mostly yes, for a few mostly no
    (the unit's list of articles that do not help has something to show)."""
    published = [a for a in made.values() if a.state == ArticleState.PUBLISHED]
    doubtful = {a.pk for a in rng.sample(published, k=min(3, len(published)))}
    for article in published:
        views = int(rng.paretovariate(1.2) * 40)
        answered = views // 6
        no_share = 0.7 if article.pk in doubtful else rng.uniform(0.05, 0.25)
        unhelpful = round(answered * no_share)
        Article.objects.filter(pk=article.pk).update(
            views=F("views") + views, helpful=answered - unhelpful, unhelpful=unhelpful
        )
