"""What a channel needs to show articles: an article's HTML for one reader (links to the
articles they may read, images from its own files), the lists of the portal's front
door, and the lists a unit acts on (stale, unhelpful, searches that found nothing).
Every read takes the person and goes through `selectors` (the one visibility rule)."""

import re
from collections.abc import Callable
from datetime import date, timedelta

from django.db.models import F, QuerySet
from django.utils import timezone

from scotty.accounts.models import Person, SupportUnit
from scotty.knowledge.markdown import ARTICLE_SCHEME, FILE_SCHEME, SanitisedHtml, render
from scotty.knowledge.models import (
    Article,
    ArticleFeedback,
    ArticleFile,
    ArticleState,
    SearchMiss,
)
from scotty.knowledge.selectors import articles_for, readable_articles

_LINKED = re.compile(re.escape(ARTICLE_SCHEME) + r"([\w-]{1,120})")
_FILES = re.compile(re.escape(FILE_SCHEME) + r"([^)\s]{1,200})")


def article_html(article: Article, person: Person, *, as_agent: bool,
                 article_url: Callable[[str], str], file_url: Callable[[ArticleFile], str]
                 ) -> SanitisedHtml:  # fmt: skip
    """The article's body as this person may read it: a link to another article only
    if they may read that one too (else its words alone), images from its own files.
    Two queries."""
    return body_html(article.body, person, as_agent=as_agent, article=article,
                     article_url=article_url, file_url=file_url)  # fmt: skip


def body_html(body: str, person: Person, *, as_agent: bool, article: Article | None,
              article_url: Callable[[str], str], file_url: Callable[[ArticleFile], str]
              ) -> SanitisedHtml:  # fmt: skip
    """Markdown as `article_html` shows it, for words not saved yet (the editor's
    preview); `article` (None for a new one) has the files its images may show."""
    slugs = set(_LINKED.findall(body))
    readable = set(articles_for(person, as_agent=as_agent).filter(slug__in=slugs)
                   .values_list("slug", flat=True)) if slugs else set()  # fmt: skip
    names = set(_FILES.findall(body))
    files = ({f.filename: f for f in article.files.filter(filename__in=names)}
             if names and article is not None and article.pk else {})  # fmt: skip
    return render(
        body,
        article_link=lambda slug: article_url(slug) if slug in readable else None,
        file_link=lambda name: file_url(files[name]) if name in files else None,
    )


def readable_file(person: Person, file_id: int, *, as_agent: bool) -> ArticleFile | None:
    """One of an article's files, if the person may read the article."""
    readable = articles_for(person, as_agent=as_agent)
    return (
        ArticleFile.objects.filter(pk=file_id, article__in=readable)
        .select_related("article")
        .first()
    )


def popular_articles(person: Person, limit: int = 6) -> list[Article]:
    """What the people who may read them open most (the portal's front door)."""
    return list(readable_articles(person).order_by("-views", "-published_at")[:limit])


def recent_articles(person: Person, limit: int = 6) -> list[Article]:
    """Newly published or changed articles this person may read."""
    return list(readable_articles(person).order_by("-updated_at", "-pk")[:limit])


def related_articles(article: Article, person: Person, *, as_agent: bool) -> list[Article]:
    return list(articles_for(person, as_agent=as_agent)
                .filter(related=article).order_by("title"))  # fmt: skip


def stale_articles(unit: SupportUnit, today: date | None = None) -> QuerySet[Article]:
    """The unit's live articles past their review date, the longest overdue first."""
    today = today or timezone.localdate()
    return (Article.objects.filter(unit=unit, review_by__lt=today)
            .exclude(state=ArticleState.ARCHIVED).order_by("review_by", "pk"))  # fmt: skip


def unhelpful_articles(unit: SupportUnit, *, at_least: int = 3) -> QuerySet[Article]:
    """The unit's published articles more readers said did not help than did."""
    return (Article.objects.filter(unit=unit, state=ArticleState.PUBLISHED,
                                   unhelpful__gte=at_least, unhelpful__gt=F("helpful"))
            .order_by("-unhelpful", "pk"))  # fmt: skip


def search_misses(unit: SupportUnit | None = None, *, month: date | None = None,
                  limit: int = 20) -> list[SearchMiss]:  # fmt: skip
    """This month's (or `month`'s) searches that found nothing, the most asked first:
    for everyone's searches (unit None) or those on a unit's pages."""
    first = (month or timezone.localdate()).replace(day=1)
    misses = SearchMiss.objects.filter(month=first)
    misses = misses.filter(unit=unit) if unit is not None else misses.filter(unit__isnull=True)
    return list(misses.order_by("-count", "-last_at")[:limit])


def month_of(day: date) -> date:
    return day.replace(day=1)


def previous_month(day: date) -> date:
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


def feedback_of(article: Article, person: Person) -> ArticleFeedback | None:
    """This reader's "did this help?" on the article, if they answered."""
    if not person.is_authenticated:
        return None
    return ArticleFeedback.objects.filter(article=article, person=person).first()


def feedback_comments(article: Article, limit: int = 50) -> list[ArticleFeedback]:
    """What readers who said it did not help wrote, newest first (for its unit)."""
    return list(article.feedback.filter(helpful=False).exclude(comment="")
                .select_related("person").order_by("-created_at")[:limit])  # fmt: skip
