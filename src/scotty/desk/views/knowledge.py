"""The knowledge base at the desk: the list of articles an agent may see (with what
their units should act on: stale, unhelpful, searches that found nothing), an article
as it reads, its moves through its life, its versions and its files.

Who sees what is `knowledge.selectors.desk_articles` (404 for an article the agent may
not see, as for a ticket); who may change what is the knowledge services' to refuse,
and the page says why. The editor is `knowledge_editor`.
"""

import logging
from dataclasses import dataclass
from typing import cast

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST, require_safe

from scotty.accounts.models import Person, SupportUnit
from scotty.accounts.selectors import units_of
from scotty.core.errors import DomainError
from scotty.core.http import status_for
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.knowledge_forms import MoveForm
from scotty.desk.refusals import nothing_changed
from scotty.knowledge import reading, services, versions
from scotty.knowledge.markdown import SanitisedHtml
from scotty.knowledge.models import Article, ArticleFile, ArticleState, SearchMiss
from scotty.knowledge.selectors import desk_articles, may_edit
from scotty.search.articles import search_articles
from scotty.search.query import MAX_QUERY

logger = logging.getLogger(__name__)

PAGE_SIZE = 25
ACT_ON = 5  # articles of each list a unit should act on, shown on the list page
NO_COMMENTS = 20  # the newest "it did not help" comments shown on an article
# Raster images only are shown in the page; anything else (SVG, PDF ...) downloads.
INLINE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
# The buttons of each move, by the state it leads to.
MOVE_LABELS: dict[str, str | Promise] = {
    ArticleState.REVIEW: gettext_lazy("Send to review"),
    ArticleState.PUBLISHED: gettext_lazy("Publish"),
    ArticleState.ARCHIVED: gettext_lazy("Archive"),
    ArticleState.DRAFT: gettext_lazy("Back to draft"),
}


def body_html(request: DeskRequest, article: Article) -> SanitisedHtml:
    """The article's body for this agent: links to the articles they may see, its images."""
    return reading.article_html(article, request.user, as_agent=True, article_url=article_url,
                                file_url=file_url)  # fmt: skip


def desk_article(request: DeskRequest, slug: str) -> Article:
    """The article, if this agent may see it at the desk; 404 otherwise."""
    found = desk_articles(request.user).select_related("unit").filter(slug=slug).first()
    if found is None:
        raise Http404(gettext("No such article, or you may not see it."))
    return found


def article_url(slug: str) -> str:
    return reverse("desk:article", args=[slug])


def file_url(stored: ArticleFile) -> str:
    return reverse("desk:article_file", args=[stored.article.slug, stored.pk])


def moves_for(person: Person, article: Article) -> list[tuple[str, str]]:
    """The moves this person may make from the article's state, for its buttons. The
    services' own rule (which still checks each move it is asked for)."""
    return [(to, str(MOVE_LABELS[to])) for to in services.allowed_moves(person, article)]


class ListForm(forms.Form):
    """The list's filters; a bad value is left out (and said), never refused."""

    q = forms.CharField(required=False, max_length=MAX_QUERY * 2, strip=False)
    state = forms.ChoiceField(
        required=False, label=gettext_lazy("State"),
        choices=[("", pgettext_lazy("articles", "Any state")), *ArticleState.choices],
    )  # fmt: skip
    unit = forms.ModelChoiceField(
        queryset=SupportUnit.objects.order_by("name"), required=False,
        label=gettext_lazy("Unit"), empty_label=pgettext_lazy("articles", "Any unit"),
    )  # fmt: skip
    page = forms.IntegerField(required=False, min_value=1)

    def value(self, name: str) -> object:
        self.is_valid()
        return None if name in self.errors else self.cleaned_data.get(name)


@dataclass(frozen=True)
class UnitWork:
    """What one of the agent's units should act on, with how many of each."""

    unit: SupportUnit
    stale: list[Article]
    stale_count: int
    unhelpful: list[Article]
    unhelpful_count: int
    misses: list[SearchMiss]


def _unit_work(unit: SupportUnit) -> UnitWork:
    stale, unhelpful = reading.stale_articles(unit), reading.unhelpful_articles(unit)
    return UnitWork(unit, list(stale[:ACT_ON]), stale.count(), list(unhelpful[:ACT_ON]),
                    unhelpful.count(), reading.search_misses(unit, limit=ACT_ON))  # fmt: skip


def _listed(request: DeskRequest, form: ListForm) -> dict[str, object]:
    text = str(form.value("q") or "").strip()
    state, unit = form.value("state"), form.value("unit")
    if text:
        unit_id = unit.pk if isinstance(unit, SupportUnit) else None
        found = search_articles(request.user, text, as_agent=True, limit=50, unit_id=unit_id)
        hits = [r for r in found.items if not state or r.status == state]
        return {"q": text, "results": found, "hits": hits}
    articles = desk_articles(request.user).select_related("unit")
    if state:
        articles = articles.filter(state=state)
    if isinstance(unit, SupportUnit):
        articles = articles.filter(unit=unit)
    pages = Paginator(articles.order_by("-updated_at", "-pk"), PAGE_SIZE)
    number = form.value("page")
    return {"q": "", "page": pages.get_page(number if isinstance(number, int) else 1)}


@agent_required()
@require_safe
def knowledge(request: DeskRequest) -> HttpResponse:
    """Every article the agent may see (filtered, or searched), and their units' work."""
    form = ListForm(request.GET)
    context = {
        **_listed(request, form),
        "form": form,
        "work": [_unit_work(unit) for unit in units_of(request.user).order_by("name")],
        "everyones_misses": reading.search_misses(None, limit=ACT_ON * 2),
        "active": "knowledge",
    }
    return render(request, "desk/knowledge/list.html", context)


def article_page(request: DeskRequest, article: Article, *, problem: str = "",
                 status: int = 200) -> HttpResponse:  # fmt: skip
    """The article as it reads, with everything about it and what the agent may do."""
    person = request.user
    comments = reading.feedback_comments(article, limit=NO_COMMENTS)
    context = {
        "article": article,
        "html": body_html(request, article),
        "services": list(article.services.select_related("unit").order_by("name")),
        "departments": list(article.departments.order_by("name")),
        "locations": list(article.locations.order_by("name")),
        "related": reading.related_articles(article, person, as_agent=True),
        "files": list(article.files.order_by("filename")),
        "comments": list(comments),
        "moves": moves_for(person, article),
        "may_edit": may_edit(person, article),
        "problem": problem,
        "active": "knowledge",
    }
    return render(request, "desk/knowledge/article.html", context, status=status)


@agent_required()
@require_safe
def article(request: DeskRequest, slug: str) -> HttpResponse:
    return article_page(request, desk_article(request, slug))


@agent_required()
@require_POST
def move(request: DeskRequest, slug: str) -> HttpResponse:
    """Send to review, publish, archive or take back to draft; refused with the reason."""
    found = desk_article(request, slug)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return article_page(request, found, problem=nothing_changed(), status=400)
    to = form.cleaned_data["to"]
    try:
        moved = services.move_article(found, to, actor=request.user,
                                      expected_version=form.cleaned_data["version"])  # fmt: skip
    except DomainError as error:
        return article_page(request, found, problem=nothing_changed(error.message),
                            status=status_for(error))  # fmt: skip
    state = moved.get_state_display().lower()
    messages.success(request, gettext("“%(title)s” is now %(state)s.")
                     % {"title": moved.title, "state": state})  # fmt: skip
    return redirect("desk:article", slug=moved.slug)


@agent_required()
@require_safe
def article_versions(request: DeskRequest, slug: str) -> HttpResponse:
    """Every version, newest first, each against the one before it."""
    found = desk_article(request, slug)
    kept = list(found.versions.select_related("author").order_by("number"))
    context = {"article": found, "diffs": versions.history(kept),
               "first": kept[0] if kept else None, "active": "knowledge"}  # fmt: skip
    return render(request, "desk/knowledge/versions.html", context)


@agent_required()
@require_safe
def article_file(request: DeskRequest, slug: str, file_id: int) -> HttpResponse:
    """One of the article's files, to an agent who may see the article: raster images
    shown, anything else downloaded; never sniffed, never run (as `files.views`)."""
    stored = reading.readable_file(request.user, file_id, as_agent=True)
    if stored is None or stored.article.slug != slug:
        raise Http404(gettext("No such file, or you may not see it."))
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        logger.error("File %s of article %s: the stored file %s is missing",
                     stored.pk, stored.article_id, stored.file.name)  # fmt: skip
        problem = gettext("The file %(name)s is lost from storage: upload it again.")
        return article_page(request, stored.article, problem=problem % {"name": stored.filename},
                            status=410)  # fmt: skip
    response = FileResponse(handle, as_attachment=stored.content_type not in INLINE_TYPES,
                            filename=stored.filename, content_type=stored.content_type)  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    # A streamed response, though the desk's views are typed as answering HttpResponse.
    return cast(HttpResponse, response)
