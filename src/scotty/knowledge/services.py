"""Writing, reviewing and publishing articles, and what readers do with them.

Every save keeps a version (author, time, the words as they were) in the same
transaction, and writes the article's search document (`search.articles`), so the
index never lags the words. Refused whole (nothing changed) with InvalidInput,
NotAllowed or Conflict, in words a person can act on.

The life of an article: draft -> in review -> published -> archived (and back to draft
from any of them, to be worked on). Agents of the owning unit write, edit and send to
review; its managers publish and archive.
"""

import hashlib
import mimetypes
from dataclasses import dataclass, field
from datetime import date

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from scotty.accounts.models import Department, Location, Person, SupportUnit
from scotty.accounts.selectors import unit_ids_of
from scotty.catalog.models import Service
from scotty.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from scotty.knowledge.markdown import plain_text
from scotty.knowledge.models import (
    Article,
    ArticleFeedback,
    ArticleFile,
    ArticleState,
    ArticleVersion,
    Audience,
    Deflection,
    SearchMiss,
)
from scotty.knowledge.selectors import may_edit, may_publish, readable_articles
from scotty.search.articles import index_article
from scotty.search.text import terms
from scotty.tickets.models import Ticket
from scotty.tickets.services.attachments import check_files, clean_filename

MAX_BODY = 100_000  # characters of Markdown: a long how-to is 10,000
MAX_KEYWORDS = 30
MAX_COMMENT = 2_000

# Which move each state allows, and who may make it ("edit": the unit's agents,
# "publish": its managers).
_MOVES: dict[str, dict[str, str]] = {
    ArticleState.DRAFT: {ArticleState.REVIEW: "edit", ArticleState.PUBLISHED: "publish"},
    ArticleState.REVIEW: {ArticleState.DRAFT: "edit", ArticleState.PUBLISHED: "publish"},
    ArticleState.PUBLISHED: {ArticleState.DRAFT: "publish", ArticleState.ARCHIVED: "publish"},
    ArticleState.ARCHIVED: {ArticleState.DRAFT: "publish", ArticleState.PUBLISHED: "publish"},
}


@dataclass
class ArticleText:
    """What an author writes: the words, whom they are for, what they link to."""

    title: str
    body: str = ""
    summary: str = ""
    keywords: list[str] = field(default_factory=list)
    audience: str = Audience.EVERYONE
    departments: list[Department] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)
    related: list[Article] = field(default_factory=list)
    review_by: date | None = None


def _clean(text: ArticleText) -> ArticleText:
    title = " ".join(text.title.split())
    if not title:
        raise InvalidInput(gettext("Give the article a title."), field="title")
    if len(title) > 200:
        raise InvalidInput(gettext("A title may be at most 200 characters."), field="title")
    summary = " ".join(text.summary.split())
    if len(summary) > 500:
        raise InvalidInput(gettext("A summary may be at most 500 characters."), field="summary")
    body = text.body.replace("\r\n", "\n").replace("\x00", "")
    if len(body) > MAX_BODY:
        raise InvalidInput(gettext("An article may be at most %(count)s characters long.")
                           % {"count": f"{MAX_BODY:,}"}, field="body")  # fmt: skip
    keywords = list(dict.fromkeys(" ".join(k.split()).lower() for k in text.keywords if k.strip()))
    if len(keywords) > MAX_KEYWORDS or len(", ".join(keywords)) > 500:
        raise InvalidInput(gettext("At most %(count)d keywords, 500 characters in all.")
                           % {"count": MAX_KEYWORDS}, field="keywords")  # fmt: skip
    if any("," in k for k in keywords):
        raise InvalidInput(gettext("Separate keywords with commas."), field="keywords")
    if text.audience not in Audience.values:
        raise InvalidInput(gettext("Choose whom the article is for."), field="audience")
    if text.audience == Audience.SOME and not (text.departments or text.locations):
        raise InvalidInput(gettext("Name the departments or locations the article is for."),
                           field="audience")  # fmt: skip
    return ArticleText(title, body, summary, keywords, text.audience, list(text.departments),
                       list(text.locations), list(text.services), list(text.related),
                       text.review_by)  # fmt: skip


# Addresses the pages use beside articles' (/help/suggest/, /desk/knowledge/new/ ...).
RESERVED_SLUGS = frozenset({"suggest", "new", "preview", "search", "files", "edit"})


def _free_slug(title: str, *, besides: int | None = None) -> str:
    base = slugify(title)[:100].strip("-") or "article"
    if base in RESERVED_SLUGS:
        base = f"{base}-article"
    slug, number = base, 1

    def taken(slug: str) -> bool:
        others = Article.objects.filter(slug=slug)
        return (others.exclude(pk=besides) if besides is not None else others).exists()

    while taken(slug):
        number += 1
        slug = f"{base}-{number}"
    return slug


def _apply(article: Article, text: ArticleText) -> None:
    article.title, article.summary, article.body = text.title, text.summary, text.body
    article.text = plain_text(text.body)
    article.keywords = ", ".join(text.keywords)
    article.audience, article.review_by = text.audience, text.review_by


def _links(article: Article, text: ArticleText) -> None:
    if any(other.pk == article.pk for other in text.related):
        raise InvalidInput(gettext("An article cannot be related to itself."), field="related")
    article.departments.set(text.departments if text.audience == Audience.SOME else [])
    article.locations.set(text.locations if text.audience == Audience.SOME else [])
    article.services.set(text.services)
    article.related.set(text.related)


def _keep_version(article: Article, author: Person) -> None:
    ArticleVersion.objects.create(article=article, number=article.version, title=article.title,
                                  summary=article.summary, body=article.body,
                                  keywords=article.keywords, state=article.state,
                                  author=author, created_at=article.updated_at)  # fmt: skip


def draft_from_ticket(ticket: Ticket) -> ArticleText:
    """An article's first words from a resolved ticket: the problem as the requester
    put it, and the solution as the desk recorded it, for the agent to edit (and strip
    of anything personal) before it is saved. Only the public words: never a note."""
    problem = ticket.description.strip()
    solution = ticket.resolution.strip()
    body = "\n\n".join(part for part in (
        "## " + gettext("Problem"), problem, "## " + gettext("Solution"), solution,
    ) if part)  # fmt: skip
    services = [ticket.service] if ticket.service is not None else []
    return ArticleText(title=ticket.title, body=body, summary=solution.split("\n")[0][:500],
                       services=services)  # fmt: skip


@transaction.atomic
def create_article(unit: SupportUnit, text: ArticleText, *, actor: Person,
                   from_ticket: Ticket | None = None, slug: str = "") -> Article:  # fmt: skip
    """A new draft of `unit`, written by one of its agents; version 1 is kept."""
    if not actor.is_active or not (actor.is_superuser or unit.pk in unit_ids_of(actor)):
        raise NotAllowed(gettext("Only agents of %(unit)s write its articles.") % {"unit": unit})
    text = _clean(text)
    now = timezone.now()
    article = Article(unit=unit, created_by=actor, created_at=now, updated_at=now,
                      from_ticket=from_ticket)  # fmt: skip
    _apply(article, text)
    article.slug = slugify(slug)[:120] if slug else _free_slug(text.title)
    if article.slug in RESERVED_SLUGS:
        raise InvalidInput(gettext("This address is kept for Scotty's own pages."), field="slug")
    if Article.objects.filter(slug=article.slug).exists():
        raise InvalidInput(gettext("Another article has this address."), field="slug")
    article.save()
    _links(article, text)
    _keep_version(article, actor)
    index_article(article)
    return article


def _locked(article: Article, expected_version: int) -> Article:
    fresh = Article.objects.select_for_update().get(pk=article.pk)
    if fresh.version != expected_version:
        raise Conflict(gettext("Someone saved this article since you opened it (version "
                               "%(number)d). Open it again to see their changes.")
                       % {"number": fresh.version}, ["version"])  # fmt: skip
    return fresh


@transaction.atomic
def edit_article(article: Article, text: ArticleText, *, actor: Person,
                 expected_version: int) -> Article:  # fmt: skip
    """Save an edit as the article's next version (a published article stays published:
    the edit is what readers see from now on)."""
    if not may_edit(actor, article):
        raise NotAllowed(gettext("Only agents of %(unit)s edit its articles.")
                         % {"unit": article.unit})  # fmt: skip
    text = _clean(text)
    fresh = _locked(article, expected_version)
    _apply(fresh, text)
    fresh.version += 1
    fresh.updated_at = timezone.now()
    fresh.save()
    _links(fresh, text)
    _keep_version(fresh, actor)
    index_article(fresh)
    return fresh


def allowed_moves(person: Person, article: Article) -> list[str]:
    """The states this person may move the article to from where it is (for buttons;
    `move_article` checks each move it is asked for all the same)."""
    may = {"publish": may_publish(person, article), "edit": may_edit(person, article)}
    return [to for to, needs in _MOVES.get(article.state, {}).items() if may[needs]]


@transaction.atomic
def move_article(article: Article, to: str, *, actor: Person, expected_version: int) -> Article:
    """Send to review, publish, archive, or take back to draft (see `_MOVES`)."""
    fresh = _locked(article, expected_version)
    needs = _MOVES.get(fresh.state, {}).get(to)
    if needs is None:
        state = fresh.get_state_display().lower()
        raise InvalidInput(gettext("An article that is %(state)s cannot be moved there.")
                           % {"state": state}, field="state")  # fmt: skip
    allowed = may_publish(actor, fresh) if needs == "publish" else may_edit(actor, fresh)
    if not allowed:
        refusal = (gettext("Only managers of %(unit)s publish and archive its articles.")
                   if needs == "publish"
                   else gettext("Only agents of %(unit)s edit its articles."))  # fmt: skip
        raise NotAllowed(refusal % {"unit": fresh.unit})
    now = timezone.now()
    fresh.state, fresh.version, fresh.updated_at = to, fresh.version + 1, now
    if to == ArticleState.PUBLISHED and fresh.published_at is None:
        fresh.published_at = now
    fresh.save()
    _keep_version(fresh, actor)
    index_article(fresh)
    return fresh


def _readable(article: Article, person: Person) -> None:
    if not readable_articles(person).filter(pk=article.pk).exists():
        raise NotFound(gettext("There is no such article."))


def count_view(article: Article) -> None:
    """Someone opened the article (one update; no row a view)."""
    Article.objects.filter(pk=article.pk).update(views=F("views") + 1)


@transaction.atomic
def give_feedback(article: Article, *, reader: Person, helpful: bool, comment: str = ""
                  ) -> ArticleFeedback:  # fmt: skip
    """A reader's "did this help?" (their earlier answer replaced); the counts on the
    article follow, for the unit's list of articles that do not help."""
    _readable(article, reader)
    comment = comment.replace("\x00", "").strip()
    if len(comment) > MAX_COMMENT:
        raise InvalidInput(gettext("A comment may be at most %(count)s characters.")
                           % {"count": f"{MAX_COMMENT:,}"}, field="comment")  # fmt: skip
    earlier = ArticleFeedback.objects.select_for_update().filter(article=article,
                                                                 person=reader).first()  # fmt: skip
    if earlier is not None:
        Article.objects.filter(pk=article.pk).update(
            helpful=F("helpful") - int(earlier.helpful),
            unhelpful=F("unhelpful") - int(not earlier.helpful),
        )
        earlier.delete()
    feedback = ArticleFeedback.objects.create(article=article, person=reader, helpful=helpful,
                                              comment=comment if not helpful else "")  # fmt: skip
    Article.objects.filter(pk=article.pk).update(
        helpful=F("helpful") + int(helpful), unhelpful=F("unhelpful") + int(not helpful)
    )
    return feedback


@transaction.atomic
def count_deflection(article: Article, *, reader: Person, typed: str = "",
                     service: Service | None = None) -> Deflection:  # fmt: skip
    """A request not filed: the reader said the suggested article solved it. Counts as
    a helpful answer too."""
    _readable(article, reader)
    deflection = Deflection.objects.create(article=article, person=reader, service=service,
                                           typed=" ".join(typed.split())[:200])  # fmt: skip
    give_feedback(article, reader=reader, helpful=True)
    return deflection


def note_search_miss(typed: str, *, unit: SupportUnit | None = None) -> None:
    """A knowledge search that found nothing: counted for this month, by its words
    (folded, stop words out, sorted), so "Teams recording" and "recording teams" are
    one question. Nothing is kept of who asked."""
    words = " ".join(sorted(set(terms(typed))))[:200]
    if not words:
        return
    month = timezone.localdate().replace(day=1)
    typed = " ".join(typed.split())[:200]
    with transaction.atomic():
        updated = SearchMiss.objects.filter(words=words, month=month, unit=unit).update(
            count=F("count") + 1, typed=typed, last_at=timezone.now()
        )
        if not updated:
            try:
                with transaction.atomic():
                    SearchMiss.objects.create(words=words, month=month, unit=unit, typed=typed)
            except IntegrityError:  # another request counted it first
                SearchMiss.objects.filter(words=words, month=month, unit=unit).update(
                    count=F("count") + 1, typed=typed, last_at=timezone.now()
                )


@transaction.atomic
def attach_file(article: Article, upload: "File[bytes]", *, actor: Person) -> ArticleFile:
    """An image or document for the article, under the core's attachment rules; shown
    in it with `![words](attachment:NAME)` or linked below it."""
    if not may_edit(actor, article):
        raise NotAllowed(gettext("Only agents of %(unit)s edit its articles.")
                         % {"unit": article.unit})  # fmt: skip
    check_files([upload])
    name = clean_filename(upload.name or "file")
    if article.files.filter(filename=name).exists():
        raise InvalidInput(gettext("The article has a file called %(name)s already.")
                           % {"name": name}, field="file")  # fmt: skip
    upload.seek(0)
    data = upload.read()
    stored = ArticleFile(article=article, filename=name, size=len(data), uploaded_by=actor,
                         # From the extension the rules allowed, never from the client.
                         content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
                         sha256=hashlib.sha256(data).hexdigest())  # fmt: skip
    stored.file.save(name, ContentFile(data), save=False)
    stored.save()
    return stored
