"""The portal's one search box: help articles first (those this person may read), then
their own requests (filed or followed, public words only), each labelled. A reference of
one of their requests opens it.

A question no article answers is noted for the units (`note_search_miss`: "people
searched 'teams recording' 41 times and found nothing") when the search is sent, not
while the box searches as the person types: a half-typed word is no question.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from scotty.knowledge.services import note_search_miss
from scotty.portal.views.common import person_of
from scotty.search.articles import search_articles
from scotty.search.articles.searching import ArticleResults
from scotty.search.query import MAX_QUERY
from scotty.search.selectors import WINDOW, search

ARTICLES = 10  # on the first page, above the requests


def _page(raw: str | None) -> int:
    try:
        return min(max(1, int(raw or 1)), WINDOW)
    except ValueError:
        return 1


def _articles(request: HttpRequest, text: str, page: int) -> ArticleResults | None:
    """The articles of the first page (the later pages are the requests')."""
    if page != 1 or not text.strip():
        return None
    found = search_articles(person_of(request), text, as_agent=False, limit=ARTICLES)
    if found.empty and not request.htmx:  # type: ignore[attr-defined]
        note_search_miss(text)
    return found


@login_required
@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "")[: MAX_QUERY * 2]
    page = _page(request.GET.get("page"))
    results = search(person_of(request), text, as_agent=False, page=page)
    if results.reference and not request.htmx:  # type: ignore[attr-defined]
        return redirect("portal:request", reference=results.reference)
    articles = _articles(request, text, page)
    corrected = ", ".join(dict.fromkeys(near for _, near in articles.corrected)) if articles else ""
    context = {"results": results, "articles": articles, "corrected": corrected, "q": text.strip()}
    template = "portal/search.html#results" if request.htmx else "portal/search.html"  # type: ignore[attr-defined]
    return render(request, template, context)
